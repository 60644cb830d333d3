/*
 * The spec dumper: a table handle back into its canonical "ddbgt/1"
 * document. Keys follow the order of the spec format (lib/spec_keys.h);
 * only what the user gave is written, so load-then-dump is the identity on
 * canonical documents.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/policy.h"
#include "ddbgt/spec.h"
#include "jsonutil.h"
#include "model.h"

/*
 * Every builder below returns a new reference or NULL when memory ran out;
 * a failed child makes its parent fail too.
 */
struct out {
	json_t *obj;
	int failed;
};

static void put(struct out *o, const char *key, json_t *value)
{
	if (o->failed || !o->obj) {
		json_decref(value);
		o->failed = 1;
	} else if (ddbgt__json_set(o->obj, key, value)) {
		/* ddbgt__json_set has released value. */
		o->failed = 1;
	}
}

static json_t *finish(struct out *o)
{
	if (o->failed || !o->obj) {
		json_decref(o->obj);
		return NULL;
	}
	return o->obj;
}

static json_t *enum_string(ddbgt_enum_kind kind, int value)
{
	return json_string(ddbgt_enum_name(kind, value));
}

static json_t *key_object(const char *name, ddbgt_attr_type type)
{
	struct out o = {json_object(), 0};
	put(&o, "name", json_string(name));
	if (type != DDBGT_ATTR_UNSET)
		put(&o, "type", enum_string(DDBGT_ENUM_ATTR_TYPE, type));
	return finish(&o);
}

static json_t *autoscaling_object(const ddbgt__autoscaling *a)
{
	struct out o = {json_object(), 0};
	put(&o, "min", json_integer(a->min));
	put(&o, "max", json_integer(a->max));
	put(&o, "target_utilization", ddbgt__json_number(a->target_utilization));
	return finish(&o);
}

/* The "capacity" object of a table or GSI, or no key when nothing is set. */
static void put_capacity(struct out *parent, const ddbgt__capacity capacity[2],
                         const ddbgt__opt_int on_demand[2])
{
	static const char *const units_keys[] = {"read", "write"};
	static const char *const auto_keys[] = {"read_autoscaling", "write_autoscaling"};
	if (capacity[0].units.set || capacity[1].units.set || capacity[0].autoscaling.set ||
	    capacity[1].autoscaling.set) {
		struct out o = {json_object(), 0};
		for (int rw = 0; rw < 2; rw++)
			if (capacity[rw].units.set)
				put(&o, units_keys[rw], json_integer(capacity[rw].units.value));
		for (int rw = 0; rw < 2; rw++)
			if (capacity[rw].autoscaling.set)
				put(&o, auto_keys[rw], autoscaling_object(&capacity[rw].autoscaling));
		put(parent, "capacity", finish(&o));
	}
	if (on_demand[0].set || on_demand[1].set) {
		struct out o = {json_object(), 0};
		if (on_demand[0].set)
			put(&o, "max_read", json_integer(on_demand[0].value));
		if (on_demand[1].set)
			put(&o, "max_write", json_integer(on_demand[1].value));
		put(parent, "on_demand", finish(&o));
	}
}

static json_t *string_array(const ddbgt__strlist *list)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < list->count; i++) {
		if (ddbgt__json_append(a, json_string(list->items[i]))) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *tags_object(const ddbgt__map *tags)
{
	struct out o = {json_object(), 0};
	for (size_t i = 0; i < tags->count; i++)
		put(&o, tags->entries[i].key, json_string(tags->entries[i].text));
	return finish(&o);
}

static void put_projection(struct out *o, ddbgt_projection projection,
                           const ddbgt__strlist *non_key)
{
	if (projection != DDBGT_PROJECTION_UNSET)
		put(o, "projection", enum_string(DDBGT_ENUM_PROJECTION, projection));
	if (non_key->count)
		put(o, "non_key_attributes", string_array(non_key));
}

static json_t *gsi_object(const ddbgt_gsi *g)
{
	struct out o = {json_object(), 0};
	put(&o, "name", json_string(g->name));
	if (g->partition_key)
		put(&o, "partition_key", json_string(g->partition_key));
	if (g->sort_key)
		put(&o, "sort_key", json_string(g->sort_key));
	put_projection(&o, g->projection, &g->non_key_attributes);
	put_capacity(&o, g->capacity, g->on_demand_max);
	return finish(&o);
}

static json_t *lsi_object(const ddbgt_lsi *l)
{
	struct out o = {json_object(), 0};
	put(&o, "name", json_string(l->name));
	if (l->sort_key)
		put(&o, "sort_key", json_string(l->sort_key));
	put_projection(&o, l->projection, &l->non_key_attributes);
	return finish(&o);
}

/* {"enabled", "recovery_period_days"} when either was given. */
static void put_pitr(struct out *parent, int pitr, const ddbgt__opt_int *period)
{
	if (pitr == DDBGT__NOT_SET && !period->set)
		return;
	struct out o = {json_object(), 0};
	put(&o, "enabled", json_boolean(pitr == 1));
	if (period->set)
		put(&o, "recovery_period_days", json_integer(period->value));
	put(parent, "point_in_time_recovery", finish(&o));
}

static json_t *table_object(const ddbgt_table *t)
{
	struct out o = {json_object(), 0};
	if (t->name)
		put(&o, "name", json_string(t->name));
	if (t->billing_mode != DDBGT_BILLING_UNSET)
		put(&o, "billing_mode", enum_string(DDBGT_ENUM_BILLING_MODE, t->billing_mode));
	if (t->pk_name)
		put(&o, "partition_key", key_object(t->pk_name, t->pk_type));
	if (t->sk_name)
		put(&o, "sort_key", key_object(t->sk_name, t->sk_type));
	if (t->attribute_count) {
		json_t *a = json_array();
		for (size_t i = 0; a && i < t->attribute_count; i++) {
			if (ddbgt__json_append(a, key_object(t->attributes[i].name,
			                                     t->attributes[i].type))) {
				json_decref(a);
				a = NULL;
			}
		}
		put(&o, "attributes", a);
	}
	put_capacity(&o, t->capacity, t->on_demand_max);
	if (t->gsis.count) {
		json_t *a = json_array();
		for (size_t i = 0; a && i < t->gsis.count; i++)
			if (ddbgt__json_append(a, gsi_object(t->gsis.items[i]))) {
				json_decref(a);
				a = NULL;
			}
		put(&o, "global_secondary_indexes", a);
	}
	if (t->lsis.count) {
		json_t *a = json_array();
		for (size_t i = 0; a && i < t->lsis.count; i++)
			if (ddbgt__json_append(a, lsi_object(t->lsis.items[i]))) {
				json_decref(a);
				a = NULL;
			}
		put(&o, "local_secondary_indexes", a);
	}
	if (t->stream_set) {
		struct out s = {json_object(), 0};
		put(&s, "enabled", json_boolean(t->stream_enabled));
		if (t->stream_view != DDBGT_STREAM_VIEW_UNSET)
			put(&s, "view_type", enum_string(DDBGT_ENUM_STREAM_VIEW, t->stream_view));
		put(&o, "stream", finish(&s));
	}
	if (t->encryption != DDBGT_ENCRYPTION_UNSET)
		put(&o, "encryption", enum_string(DDBGT_ENUM_ENCRYPTION, t->encryption));
	if (t->ttl_attribute)
		put(&o, "ttl_attribute", json_string(t->ttl_attribute));
	if (t->table_class != DDBGT_TABLE_CLASS_UNSET)
		put(&o, "table_class", enum_string(DDBGT_ENUM_TABLE_CLASS, t->table_class));
	put_pitr(&o, t->pitr, &t->pitr_period);
	if (t->deletion_protection != DDBGT__NOT_SET)
		put(&o, "deletion_protection", json_boolean(t->deletion_protection));
	if (t->consistency != DDBGT_CONSISTENCY_UNSET)
		put(&o, "consistency", enum_string(DDBGT_ENUM_CONSISTENCY, t->consistency));
	if (t->witness_region)
		put(&o, "witness_region", json_string(t->witness_region));
	if (t->tags.count)
		put(&o, "tags", tags_object(&t->tags));
	if (t->legacy_version != DDBGT__NOT_SET)
		put(&o, "legacy_version", json_boolean(t->legacy_version));
	if (t->adopt_existing != DDBGT__NOT_SET)
		put(&o, "adopt_existing", json_boolean(t->adopt_existing));
	return finish(&o);
}

/* {"units": n} or {"autoscaling": {...}} */
static json_t *read_capacity_object(const ddbgt__capacity *c)
{
	struct out o = {json_object(), 0};
	if (c->units.set)
		put(&o, "units", json_integer(c->units.value));
	if (c->autoscaling.set)
		put(&o, "autoscaling", autoscaling_object(&c->autoscaling));
	return finish(&o);
}

static json_t *replica_object(const ddbgt_replica *r)
{
	struct out o = {json_object(), 0};
	put(&o, "region", json_string(r->region));
	if (r->role != DDBGT_ROLE_UNSET)
		put(&o, "role", enum_string(DDBGT_ENUM_ROLE, r->role));
	if (r->table_class != DDBGT_TABLE_CLASS_UNSET)
		put(&o, "table_class", enum_string(DDBGT_ENUM_TABLE_CLASS, r->table_class));
	if (r->kms_key)
		put(&o, "kms_key", json_string(r->kms_key));
	put_pitr(&o, r->pitr, &r->pitr_period);
	if (r->deletion_protection != DDBGT_INHERIT)
		put(&o, "deletion_protection", json_boolean(r->deletion_protection));
	if (r->read_capacity.units.set || r->read_capacity.autoscaling.set)
		put(&o, "read_capacity", read_capacity_object(&r->read_capacity));
	if (r->gsi_read_capacity.count) {
		struct out g = {json_object(), 0};
		for (size_t i = 0; i < r->gsi_read_capacity.count; i++) {
			const ddbgt__map_entry *e = &r->gsi_read_capacity.entries[i];
			struct out one = {json_object(), 0};
			put(&one, "read_capacity", read_capacity_object(&e->capacity));
			put(&g, e->key, finish(&one));
		}
		put(&o, "global_secondary_indexes", finish(&g));
	}
	if (r->contributor_insights != DDBGT__NOT_SET)
		put(&o, "contributor_insights", json_boolean(r->contributor_insights));
	if (r->tags.count)
		put(&o, "tags", tags_object(&r->tags));
	return finish(&o);
}

static int policy_is_empty(const ddbgt_policy *p)
{
	return !p->min_regions.set && !p->max_regions.set && !p->allowed_regions.count &&
	       !p->jurisdictions.count && p->require_pitr == DDBGT__NOT_SET &&
	       p->require_cmk == DDBGT__NOT_SET &&
	       p->require_deletion_protection == DDBGT__NOT_SET && !p->severity.count &&
	       !p->quotas.count;
}

static json_t *policy_object(const ddbgt_policy *p)
{
	struct out o = {json_object(), 0};
	if (p->min_regions.set)
		put(&o, "min_regions", json_integer(p->min_regions.value));
	if (p->max_regions.set)
		put(&o, "max_regions", json_integer(p->max_regions.value));
	if (p->allowed_regions.count)
		put(&o, "allowed_regions", string_array(&p->allowed_regions));
	if (p->jurisdictions.count)
		put(&o, "jurisdictions", string_array(&p->jurisdictions));
	if (p->require_pitr != DDBGT__NOT_SET)
		put(&o, "require_point_in_time_recovery", json_boolean(p->require_pitr));
	if (p->require_cmk != DDBGT__NOT_SET)
		put(&o, "require_customer_managed_keys", json_boolean(p->require_cmk));
	if (p->require_deletion_protection != DDBGT__NOT_SET)
		put(&o, "require_deletion_protection", json_boolean(p->require_deletion_protection));
	if (p->severity.count) {
		struct out s = {json_object(), 0};
		for (size_t i = 0; i < p->severity.count; i++)
			put(&s, p->severity.entries[i].key,
			    enum_string(DDBGT_ENUM_SEVERITY, (int)p->severity.entries[i].integer));
		put(&o, "severity", finish(&s));
	}
	if (p->quotas.count) {
		struct out q = {json_object(), 0};
		for (size_t i = 0; i < p->quotas.count; i++)
			put(&q, p->quotas.entries[i].key, json_integer(p->quotas.entries[i].integer));
		put(&o, "quotas", finish(&q));
	}
	return finish(&o);
}

static json_t *rates_object(const ddbgt__map *rates)
{
	struct out o = {json_object(), 0};
	for (size_t i = 0; i < rates->count; i++)
		put(&o, rates->entries[i].key, ddbgt__json_number(rates->entries[i].number));
	return finish(&o);
}

static json_t *usage_object(const ddbgt_usage *u)
{
	struct out o = {json_object(), 0};
	if (u->rates[DDBGT_WRITE].count)
		put(&o, "writes_per_second", rates_object(&u->rates[DDBGT_WRITE]));
	if (u->rates[DDBGT_READ].count)
		put(&o, "reads_per_second", rates_object(&u->rates[DDBGT_READ]));
	if (u->item_size_bytes.set)
		put(&o, "item_size_bytes", ddbgt__json_number(u->item_size_bytes.value));
	if (u->read_consistency != DDBGT_READ_CONSISTENCY_UNSET)
		put(&o, "read_consistency",
		    enum_string(DDBGT_ENUM_READ_CONSISTENCY, u->read_consistency));
	if (u->storage_gb.set)
		put(&o, "storage_gb", ddbgt__json_number(u->storage_gb.value));
	if (u->stream_reads_per_month.set)
		put(&o, "stream_reads_per_month", ddbgt__json_number(u->stream_reads_per_month.value));
	if (u->hours_per_month.set)
		put(&o, "hours_per_month", ddbgt__json_number(u->hours_per_month.value));
	return finish(&o);
}

DDBGT_API int ddbgt_spec_dump_json(struct json_t **out, const ddbgt_table *table)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	struct out o = {json_object(), 0};
	put(&o, "format", json_string("ddbgt/1"));
	put(&o, "table", table_object(table));
	json_t *replicas = json_array();
	for (size_t i = 0; replicas && i < table->replicas.count; i++)
		if (ddbgt__json_append(replicas, replica_object(table->replicas.items[i]))) {
			json_decref(replicas);
			replicas = NULL;
		}
	put(&o, "replicas", replicas);
	if (!policy_is_empty(table->policy))
		put(&o, "policy", policy_object(table->policy));
	if (!ddbgt_usage_is_empty(table->usage))
		put(&o, "usage", usage_object(table->usage));
	json_t *doc = finish(&o);
	if (!doc)
		return DDBGT_ENOMEM;
	*out = doc;
	return DDBGT_OK;
}

DDBGT_API int ddbgt_spec_dump_string(char **out, const ddbgt_table *table)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	json_t *doc = NULL;
	int rc = ddbgt_spec_dump_json(&doc, table);
	if (rc)
		return rc;
	rc = ddbgt__json_dump(out, doc, 0);
	json_decref(doc);
	return rc;
}

DDBGT_API int ddbgt_spec_dump_file(const ddbgt_table *table, const char *path)
{
	if (!table || !path)
		return DDBGT_EINVAL;
	char *text = NULL;
	int rc = ddbgt_spec_dump_string(&text, table);
	if (rc)
		return rc;
	FILE *f = fopen(path, "wb");
	if (!f) {
		ddbgt_free(text);
		return DDBGT_EIO;
	}
	size_t len = strlen(text);
	int ok = fwrite(text, 1, len, f) == len;
	ok &= fclose(f) == 0;
	ddbgt_free(text);
	return ok ? DDBGT_OK : DDBGT_EIO;
}
