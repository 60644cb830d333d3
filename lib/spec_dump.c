/*
 * The spec dumper: a table handle back into its canonical "ddbgt/1"
 * document, written with lib/jsonwrite.h. Keys come in the order
 * doc/spec-format.md lists them (the order of the loader's key tables in
 * lib/spec_load.c); only what the user gave is written, so load-then-dump is
 * the identity on canonical documents. The jansson form is that text read
 * back, for embedders that hold jansson values.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/policy.h"
#include "ddbgt/spec.h"
#include "fileio.h"
#include "iam_policy.h"
#include "jsonread.h"
#include "jsonwrite.h"
#include "model.h"

static void enum_string(jw *w, ddbgt_enum_kind kind, int value)
{
	ddbgt__jw_string(w, ddbgt_enum_name(kind, value));
}

static void key_object(jw *w, const char *name, ddbgt_attr_type type)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "name");
	ddbgt__jw_string(w, name);
	if (type != DDBGT_ATTR_UNSET) {
		ddbgt__jw_key(w, "type");
		enum_string(w, DDBGT_ENUM_ATTR_TYPE, type);
	}
	ddbgt__jw_object_end(w);
}

static void autoscaling_object(jw *w, const ddbgt__autoscaling *a)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "min");
	ddbgt__jw_int(w, a->min);
	ddbgt__jw_key(w, "max");
	ddbgt__jw_int(w, a->max);
	ddbgt__jw_key(w, "target_utilization");
	ddbgt__jw_number(w, a->target_utilization);
	if (a->scale_in_cooldown.set) {
		ddbgt__jw_key(w, "scale_in_cooldown");
		ddbgt__jw_int(w, a->scale_in_cooldown.value);
	}
	if (a->scale_out_cooldown.set) {
		ddbgt__jw_key(w, "scale_out_cooldown");
		ddbgt__jw_int(w, a->scale_out_cooldown.value);
	}
	if (a->disable_scale_in.set) {
		ddbgt__jw_key(w, "disable_scale_in");
		ddbgt__jw_bool(w, (int)a->disable_scale_in.value);
	}
	ddbgt__jw_object_end(w);
}

/* The "capacity" and "on_demand" objects of a table or GSI, when anything is set. */
static void put_capacity(jw *w, const ddbgt__capacity *capacity,
                         const ddbgt__opt_int on_demand[2])
{
	static const char *const units_keys[] = {"read", "write"};
	static const char *const auto_keys[] = {"read_autoscaling", "write_autoscaling"};
	if (capacity != NULL && (capacity[0].units.set || capacity[1].units.set ||
	                         capacity[0].autoscaling.set || capacity[1].autoscaling.set)) {
		ddbgt__jw_key(w, "capacity");
		ddbgt__jw_object_begin(w);
		for (int rw = 0; rw < 2; rw++) {
			if (capacity[rw].units.set) {
				ddbgt__jw_key(w, units_keys[rw]);
				ddbgt__jw_int(w, capacity[rw].units.value);
			}
		}
		for (int rw = 0; rw < 2; rw++) {
			if (capacity[rw].autoscaling.set) {
				ddbgt__jw_key(w, auto_keys[rw]);
				autoscaling_object(w, &capacity[rw].autoscaling);
			}
		}
		ddbgt__jw_object_end(w);
	}
	if (on_demand[0].set || on_demand[1].set) {
		ddbgt__jw_key(w, "on_demand");
		ddbgt__jw_object_begin(w);
		if (on_demand[0].set) {
			ddbgt__jw_key(w, "max_read");
			ddbgt__jw_int(w, on_demand[0].value);
		}
		if (on_demand[1].set) {
			ddbgt__jw_key(w, "max_write");
			ddbgt__jw_int(w, on_demand[1].value);
		}
		ddbgt__jw_object_end(w);
	}
}

static void string_array(jw *w, const char *key, const ddbgt__strlist *list)
{
	ddbgt__jw_key(w, key);
	ddbgt__jw_array_begin(w);
	for (size_t i = 0; i < list->count; i++)
		ddbgt__jw_string(w, list->items[i]);
	ddbgt__jw_array_end(w);
}

static void tags_object(jw *w, const ddbgt__map *tags)
{
	ddbgt__jw_key(w, "tags");
	ddbgt__jw_object_begin(w);
	for (size_t i = 0; i < tags->count; i++) {
		ddbgt__jw_key(w, tags->entries[i].key);
		ddbgt__jw_string(w, tags->entries[i].text);
	}
	ddbgt__jw_object_end(w);
}

static void put_projection(jw *w, ddbgt_projection projection, const ddbgt__strlist *non_key)
{
	if (projection != DDBGT_PROJECTION_UNSET) {
		ddbgt__jw_key(w, "projection");
		enum_string(w, DDBGT_ENUM_PROJECTION, projection);
	}
	if (non_key->count)
		string_array(w, "non_key_attributes", non_key);
}

static void string_member(jw *w, const char *key, const char *value)
{
	if (value) {
		ddbgt__jw_key(w, key);
		ddbgt__jw_string(w, value);
	}
}

static void enum_member(jw *w, const char *key, ddbgt_enum_kind kind, int value)
{
	if (value != 0) {
		ddbgt__jw_key(w, key);
		enum_string(w, kind, value);
	}
}

/* A boolean the user gave (0 or 1); DDBGT__NOT_SET writes nothing. */
static void bool_member(jw *w, const char *key, int value)
{
	if (value != DDBGT__NOT_SET) {
		ddbgt__jw_key(w, key);
		ddbgt__jw_bool(w, value);
	}
}

static void int_member(jw *w, const char *key, const ddbgt__opt_int *value)
{
	if (value->set) {
		ddbgt__jw_key(w, key);
		ddbgt__jw_int(w, value->value);
	}
}

static void number_member(jw *w, const char *key, const ddbgt__opt_num *value)
{
	if (value->set) {
		ddbgt__jw_key(w, key);
		ddbgt__jw_number(w, value->value);
	}
}

/* An index key attribute in the form it was written: a name, or {"name", "type"}. */
static void key_attr(jw *w, const ddbgt__attribute *a)
{
	if (a->type == DDBGT_ATTR_UNSET)
		ddbgt__jw_string(w, a->name);
	else
		key_object(w, a->name, a->type);
}

/* One side of an index key: key for the single form, list_key for the list. */
static void key_side(jw *w, const char *key, const char *list_key, const ddbgt__key_side *side)
{
	if (!side->multi) {
		if (side->count == 1) {
			ddbgt__jw_key(w, key);
			key_attr(w, &side->attrs[0]);
		}
		return;
	}
	ddbgt__jw_key(w, list_key);
	ddbgt__jw_array_begin(w);
	for (size_t i = 0; i < side->count; i++)
		key_attr(w, &side->attrs[i]);
	ddbgt__jw_array_end(w);
}

/* {"read_units_per_second", "write_units_per_second"} when either was given. */
static void put_warm(jw *w, const ddbgt__opt_int warm[2])
{
	if (!warm[0].set && !warm[1].set)
		return;
	ddbgt__jw_key(w, "warm_throughput");
	ddbgt__jw_object_begin(w);
	int_member(w, "read_units_per_second", &warm[0]);
	int_member(w, "write_units_per_second", &warm[1]);
	ddbgt__jw_object_end(w);
}

static void gsi_object(jw *w, const ddbgt_gsi *g)
{
	ddbgt__jw_object_begin(w);
	string_member(w, "name", g->name);
	key_side(w, "partition_key", "partition_keys", &g->partition_key);
	key_side(w, "sort_key", "sort_keys", &g->sort_key);
	put_projection(w, g->projection, &g->non_key_attributes);
	put_capacity(w, g->capacity, g->on_demand_max);
	put_warm(w, g->warm_throughput);
	ddbgt__jw_object_end(w);
}

static void lsi_object(jw *w, const ddbgt_lsi *l)
{
	ddbgt__jw_object_begin(w);
	string_member(w, "name", l->name);
	key_side(w, "sort_key", "sort_keys", &l->sort_key);
	put_projection(w, l->projection, &l->non_key_attributes);
	ddbgt__jw_object_end(w);
}

/* {"enabled", "recovery_period_days"} when either was given. */
static void put_pitr(jw *w, int pitr, const ddbgt__opt_int *period)
{
	if (pitr == DDBGT__NOT_SET && !period->set)
		return;
	ddbgt__jw_key(w, "point_in_time_recovery");
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "enabled");
	ddbgt__jw_bool(w, pitr == 1);
	int_member(w, "recovery_period_days", period);
	ddbgt__jw_object_end(w);
}

static void table_object(jw *w, const ddbgt_table *t)
{
	ddbgt__jw_key(w, "table");
	ddbgt__jw_object_begin(w);
	string_member(w, "name", t->name);
	enum_member(w, "billing_mode", DDBGT_ENUM_BILLING_MODE, t->billing_mode);
	if (t->pk_name) {
		ddbgt__jw_key(w, "partition_key");
		key_object(w, t->pk_name, t->pk_type);
	}
	if (t->sk_name) {
		ddbgt__jw_key(w, "sort_key");
		key_object(w, t->sk_name, t->sk_type);
	}
	if (t->attribute_count) {
		ddbgt__jw_key(w, "attributes");
		ddbgt__jw_array_begin(w);
		for (size_t i = 0; i < t->attribute_count; i++)
			key_object(w, t->attributes[i].name, t->attributes[i].type);
		ddbgt__jw_array_end(w);
	}
	put_capacity(w, t->capacity, t->on_demand_max);
	put_warm(w, t->warm_throughput);
	if (t->gsis.count) {
		ddbgt__jw_key(w, "global_secondary_indexes");
		ddbgt__jw_array_begin(w);
		for (size_t i = 0; i < t->gsis.count; i++)
			gsi_object(w, t->gsis.items[i]);
		ddbgt__jw_array_end(w);
	}
	if (t->lsis.count) {
		ddbgt__jw_key(w, "local_secondary_indexes");
		ddbgt__jw_array_begin(w);
		for (size_t i = 0; i < t->lsis.count; i++)
			lsi_object(w, t->lsis.items[i]);
		ddbgt__jw_array_end(w);
	}
	if (t->stream_set) {
		ddbgt__jw_key(w, "stream");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "enabled");
		ddbgt__jw_bool(w, t->stream_enabled);
		enum_member(w, "view_type", DDBGT_ENUM_STREAM_VIEW, t->stream_view);
		ddbgt__jw_object_end(w);
	}
	enum_member(w, "encryption", DDBGT_ENUM_ENCRYPTION, t->encryption);
	string_member(w, "ttl_attribute", t->ttl_attribute);
	enum_member(w, "table_class", DDBGT_ENUM_TABLE_CLASS, t->table_class);
	put_pitr(w, t->pitr, &t->pitr_period);
	bool_member(w, "deletion_protection", t->deletion_protection);
	enum_member(w, "consistency", DDBGT_ENUM_CONSISTENCY, t->consistency);
	string_member(w, "witness_region", t->witness_region);
	if (t->tags.count)
		tags_object(w, &t->tags);
	bool_member(w, "legacy_version", t->legacy_version);
	bool_member(w, "adopt_existing", t->adopt_existing);
	ddbgt__jw_object_end(w);
}

/* {"units": n} or {"autoscaling": {...}} */
static void read_capacity_object(jw *w, const ddbgt__capacity *c)
{
	ddbgt__jw_key(w, "read_capacity");
	ddbgt__jw_object_begin(w);
	int_member(w, "units", &c->units);
	if (c->autoscaling.set) {
		ddbgt__jw_key(w, "autoscaling");
		autoscaling_object(w, &c->autoscaling);
	}
	ddbgt__jw_object_end(w);
}

/* contributor_insights in the form written: a boolean (when given) or {"enabled", "mode"}. */
static void put_insights(jw *w, int enabled, int object, ddbgt_insights_mode mode)
{
	if (!object) {
		bool_member(w, "contributor_insights", enabled);
		return;
	}
	ddbgt__jw_key(w, "contributor_insights");
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "enabled");
	ddbgt__jw_bool(w, enabled == 1);
	enum_member(w, "mode", DDBGT_ENUM_INSIGHTS_MODE, mode);
	ddbgt__jw_object_end(w);
}

/* {"max_read": n} of a replica or of a GSI in it, when given. */
static void replica_on_demand(jw *w, const ddbgt__opt_int *max_read)
{
	if (!max_read->set)
		return;
	ddbgt__jw_key(w, "on_demand");
	ddbgt__jw_object_begin(w);
	int_member(w, "max_read", max_read);
	ddbgt__jw_object_end(w);
}

/* A resource-based policy, kept as canonical text, written back as the object it is. */
static void policy_member(jw *w, const char *key, const char *canonical)
{
	if (canonical == NULL)
		return;
	ddbgt__jw_key(w, key);
	ddbgt__iam_policy_write_text(w, canonical);
}

static void replica_object(jw *w, const ddbgt_replica *r)
{
	ddbgt__jw_object_begin(w);
	string_member(w, "region", r->region);
	string_member(w, "account_id", r->account_id);
	enum_member(w, "settings_replication", DDBGT_ENUM_SETTINGS_REPLICATION,
	            r->settings_replication);
	string_member(w, "provider_role_arn", r->provider_role_arn);
	enum_member(w, "role", DDBGT_ENUM_ROLE, r->role);
	enum_member(w, "table_class", DDBGT_ENUM_TABLE_CLASS, r->table_class);
	string_member(w, "kms_key", r->kms_key);
	put_pitr(w, r->pitr, &r->pitr_period);
	bool_member(w, "deletion_protection", r->deletion_protection);
	if (r->read_capacity != NULL &&
	    (r->read_capacity->units.set || r->read_capacity->autoscaling.set))
		read_capacity_object(w, r->read_capacity);
	replica_on_demand(w, &r->on_demand_max_read);
	if (r->kinesis_stream_arn) {
		ddbgt__jw_key(w, "kinesis_stream");
		ddbgt__jw_object_begin(w);
		string_member(w, "stream_arn", r->kinesis_stream_arn);
		enum_member(w, "approximate_creation_date_time_precision",
		            DDBGT_ENUM_KINESIS_PRECISION, r->kinesis_precision);
		ddbgt__jw_object_end(w);
	}
	policy_member(w, "resource_policy", r->resource_policy);
	policy_member(w, "stream_resource_policy", r->stream_resource_policy);
	if (r->gsi_read_capacity.count) {
		ddbgt__jw_key(w, "global_secondary_indexes");
		ddbgt__jw_object_begin(w);
		for (size_t i = 0; i < r->gsi_read_capacity.count; i++) {
			const ddbgt__map_entry *e = &r->gsi_read_capacity.entries[i];
			ddbgt__jw_key(w, e->key);
			ddbgt__jw_object_begin(w);
			const ddbgt__gsi_override *o = e->gsi;
			if (o->capacity.units.set || o->capacity.autoscaling.set)
				read_capacity_object(w, &o->capacity);
			replica_on_demand(w, &o->on_demand_max_read);
			if (o->insights.set)
				put_insights(w, (int)o->insights.value, o->insights_object,
				             o->insights_mode);
			ddbgt__jw_object_end(w);
		}
		ddbgt__jw_object_end(w);
	}
	put_insights(w, r->contributor_insights, r->insights_object, r->insights_mode);
	if (r->tags.count)
		tags_object(w, &r->tags);
	ddbgt__jw_object_end(w);
}

static int policy_is_empty(const ddbgt_policy *p)
{
	return !p->min_regions.set && !p->max_regions.set && !p->allowed_regions.count &&
	       !p->jurisdictions.count && p->require_pitr == DDBGT__NOT_SET &&
	       p->require_cmk == DDBGT__NOT_SET &&
	       p->require_deletion_protection == DDBGT__NOT_SET && !p->severity.count &&
	       !p->quotas.count;
}

static void policy_object(jw *w, const ddbgt_policy *p)
{
	ddbgt__jw_key(w, "policy");
	ddbgt__jw_object_begin(w);
	int_member(w, "min_regions", &p->min_regions);
	int_member(w, "max_regions", &p->max_regions);
	if (p->allowed_regions.count)
		string_array(w, "allowed_regions", &p->allowed_regions);
	if (p->jurisdictions.count)
		string_array(w, "jurisdictions", &p->jurisdictions);
	bool_member(w, "require_point_in_time_recovery", p->require_pitr);
	bool_member(w, "require_customer_managed_keys", p->require_cmk);
	bool_member(w, "require_deletion_protection", p->require_deletion_protection);
	if (p->severity.count) {
		ddbgt__jw_key(w, "severity");
		ddbgt__jw_object_begin(w);
		for (size_t i = 0; i < p->severity.count; i++) {
			ddbgt__jw_key(w, p->severity.entries[i].key);
			enum_string(w, DDBGT_ENUM_SEVERITY, (int)p->severity.entries[i].integer);
		}
		ddbgt__jw_object_end(w);
	}
	if (p->quotas.count) {
		ddbgt__jw_key(w, "quotas");
		ddbgt__jw_object_begin(w);
		for (size_t i = 0; i < p->quotas.count; i++) {
			ddbgt__jw_key(w, p->quotas.entries[i].key);
			ddbgt__jw_int(w, p->quotas.entries[i].integer);
		}
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
}

static void rates_object(jw *w, const char *key, const ddbgt__map *rates)
{
	if (!rates->count)
		return;
	ddbgt__jw_key(w, key);
	ddbgt__jw_object_begin(w);
	for (size_t i = 0; i < rates->count; i++) {
		ddbgt__jw_key(w, rates->entries[i].key);
		ddbgt__jw_number(w, rates->entries[i].number);
	}
	ddbgt__jw_object_end(w);
}

static void usage_object(jw *w, const ddbgt_usage *u)
{
	ddbgt__jw_key(w, "usage");
	ddbgt__jw_object_begin(w);
	rates_object(w, "writes_per_second", &u->rates[DDBGT_WRITE]);
	rates_object(w, "reads_per_second", &u->rates[DDBGT_READ]);
	number_member(w, "item_size_bytes", &u->item_size_bytes);
	enum_member(w, "read_consistency", DDBGT_ENUM_READ_CONSISTENCY, u->read_consistency);
	number_member(w, "storage_gb", &u->storage_gb);
	number_member(w, "stream_reads_per_month", &u->stream_reads_per_month);
	number_member(w, "hours_per_month", &u->hours_per_month);
	enum_member(w, "write_mode", DDBGT_ENUM_WRITE_MODE, u->write_mode);
	if (u->backups_per_month.set || u->backup_retention_days.set || u->backup_size_gb.set ||
	    u->restores_per_month.set) {
		ddbgt__jw_key(w, "backups");
		ddbgt__jw_object_begin(w);
		number_member(w, "per_month", &u->backups_per_month);
		number_member(w, "retention_days", &u->backup_retention_days);
		number_member(w, "size_gb", &u->backup_size_gb);
		number_member(w, "restores_per_month", &u->restores_per_month);
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
}

static int alarms_have_settings(const ddbgt_operations *o)
{
	for (int i = 0; i < DDBGT__ALARM_SETTINGS; i++)
		if (o->alarm[i].set)
			return 1;
	return o->sns_topics.count > 0;
}

static int iam_is_empty(const ddbgt_operations *o)
{
	for (int i = 0; i < DDBGT__IAM_POLICIES; i++)
		if (o->iam[i])
			return 0;
	return !o->iam_regions.count && !o->iam_indexes.count &&
	       o->iam_as_outputs == DDBGT__NOT_SET;
}

static int operations_is_empty(const ddbgt_operations *o)
{
	return o == NULL || (o->alarms == DDBGT__NOT_SET && !alarms_have_settings(o) &&
	                     o->dashboard == DDBGT__NOT_SET && iam_is_empty(o) &&
	                     o->kms_key_policies == DDBGT__NOT_SET && !o->vpc_endpoints.count);
}

/* "alarms": a boolean when no setting was given, else the object of settings. */
static void alarms_member(jw *w, const ddbgt_operations *o)
{
	/* The spec keys of the settings, indexed by ddbgt_alarm_setting; two are booleans. */
	static const char *const keys[DDBGT__ALARM_SETTINGS] = {
		"replication_latency_ms", "evaluation_periods", "period_seconds",
		"throttles", "system_errors", "utilization_percent",
	};
	if (!alarms_have_settings(o)) {
		bool_member(w, "alarms", o->alarms);
		return;
	}
	ddbgt__jw_key(w, "alarms");
	ddbgt__jw_object_begin(w);
	if (o->alarms == 0)
		bool_member(w, "enabled", 0);
	for (int i = 0; i < DDBGT__ALARM_SETTINGS; i++) {
		if (!o->alarm[i].set)
			continue;
		if (i == DDBGT_ALARM_THROTTLES || i == DDBGT_ALARM_SYSTEM_ERRORS)
			bool_member(w, keys[i], o->alarm[i].value != 0);
		else
			int_member(w, keys[i], &o->alarm[i]);
	}
	if (o->sns_topics.count) {
		ddbgt__jw_key(w, "sns_topics");
		ddbgt__jw_object_begin(w);
		for (size_t i = 0; i < o->sns_topics.count; i++) {
			ddbgt__jw_key(w, o->sns_topics.entries[i].key);
			ddbgt__jw_string(w, o->sns_topics.entries[i].text);
		}
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
}

/* "vpc_endpoints": the model keeps them sorted by region, as every map of the document. */
static void endpoints_member(jw *w, const ddbgt__ptrlist *list)
{
	ddbgt__jw_key(w, "vpc_endpoints");
	ddbgt__jw_object_begin(w);
	for (size_t i = 0; i < list->count; i++) {
		const ddbgt__vpc_endpoint *e = list->items[i];
		ddbgt__jw_key(w, e->region);
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "vpc_id");
		ddbgt__jw_string(w, e->vpc_id);
		if (e->route_tables.count)
			string_array(w, "route_table_ids", &e->route_tables);
		bool_member(w, "restrict_to_table", e->restricted);
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
}

static void operations_object(jw *w, const ddbgt_operations *o)
{
	ddbgt__jw_key(w, "operations");
	ddbgt__jw_object_begin(w);
	alarms_member(w, o);
	bool_member(w, "dashboard", o->dashboard);
	if (!iam_is_empty(o)) {
		ddbgt__jw_key(w, "iam");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "policies");
		ddbgt__jw_array_begin(w);
		for (int i = 0; i < DDBGT__IAM_POLICIES; i++)
			if (o->iam[i])
				ddbgt__jw_string(w, ddbgt_iam_policy_name((ddbgt_iam_policy)i));
		ddbgt__jw_array_end(w);
		if (o->iam_regions.count)
			string_array(w, "regions", &o->iam_regions);
		if (o->iam_indexes.count)
			string_array(w, "indexes", &o->iam_indexes);
		bool_member(w, "as_outputs", o->iam_as_outputs);
		ddbgt__jw_object_end(w);
	}
	bool_member(w, "kms_key_policies", o->kms_key_policies);
	if (o->vpc_endpoints.count)
		endpoints_member(w, &o->vpc_endpoints);
	ddbgt__jw_object_end(w);
}

DDBGT_API int ddbgt_spec_dump_string(char **out, const ddbgt_table *table, unsigned flags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table || (flags & ~DDBGT_SPEC_DUMP_FLAGS_KNOWN))
		return DDBGT_EINVAL;
	jw w;
	/* About 1.5 KB per replica and GSI covers a realistic spec in one allocation. */
	ddbgt__jw_init(&w, (flags & DDBGT_SPEC_DUMP_COMPACT) != 0,
	               2048 + 1536 * (table->replicas.count + table->gsis.count));
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "format");
	ddbgt__jw_string(&w, "ddbgt/1");
	table_object(&w, table);
	ddbgt__jw_key(&w, "replicas");
	ddbgt__jw_array_begin(&w);
	for (size_t i = 0; i < table->replicas.count; i++)
		replica_object(&w, table->replicas.items[i]);
	ddbgt__jw_array_end(&w);
	if (!policy_is_empty(table->policy))
		policy_object(&w, table->policy);
	if (!ddbgt_usage_is_empty(table->usage))
		usage_object(&w, table->usage);
	if (!operations_is_empty(table->operations))
		operations_object(&w, table->operations);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

/*
 * jansson's value for one of our reader's values. Not json_loads: jansson's
 * lexer asserts (aborting the process) when an allocation fails inside an
 * escaped string, where its constructors report NULL.
 */
static json_t *to_jansson(const jr_value *v)
{
	json_t *c = NULL;
	size_t i;
	switch (v->type) {
	case JR_NULL: return json_null();
	case JR_FALSE: return json_false();
	case JR_TRUE: return json_true();
	case JR_INT: return json_integer(v->u.i);
	case JR_REAL: return json_real(v->u.d);
	case JR_STRING: return json_stringn(v->u.str.s, v->u.str.len);
	case JR_ARRAY:
		c = json_array();
		for (i = 0; c && i < v->u.arr.count; i++)
			if (json_array_append_new(c, to_jansson(v->u.arr.items[i]))) {
				json_decref(c);
				c = NULL;
			}
		return c;
	case JR_OBJECT:
		c = json_object();
		for (i = 0; c && i < v->u.obj.count; i++)
			if (json_object_set_new(c, v->u.obj.members[i].key,
			                        to_jansson(v->u.obj.members[i].value))) {
				json_decref(c);
				c = NULL;
			}
		return c;
	}
	return NULL;
}

DDBGT_API int ddbgt_spec_dump_json(struct json_t **out, const ddbgt_table *table,
                                   unsigned flags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (flags & ~DDBGT_SPEC_DUMP_FLAGS_KNOWN)
		return DDBGT_EINVAL;
	char *text = NULL;
	/* Compact whatever the caller asked: the layout is lost in the value anyway. */
	int rc = ddbgt_spec_dump_string(&text, table, DDBGT_SPEC_DUMP_COMPACT);
	if (rc)
		return rc;
	jr_doc *doc = NULL;
	jr_error err;
	/* Our own output always parses: only memory can fail here. */
	rc = ddbgt__jr_parse(&doc, text, strlen(text), 64, &err) ? DDBGT_ENOMEM : DDBGT_OK;
	ddbgt__free(text);
	if (!rc && !(*out = to_jansson(ddbgt__jr_root(doc))))
		rc = DDBGT_ENOMEM;
	ddbgt__jr_free(doc);
	return rc;
}

DDBGT_API int ddbgt_spec_dump_file(const ddbgt_table *table, const char *path, unsigned flags)
{
	if (!table || !path || !path[0])
		return DDBGT_EINVAL;
	char *text = NULL;
	int rc = ddbgt_spec_dump_string(&text, table, flags);
	if (rc)
		return rc;
	rc = ddbgt__file_write_atomic(path, text, strlen(text));
	ddbgt__free(text);
	return rc;
}
