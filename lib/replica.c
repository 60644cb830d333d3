/* Replicas: what one region overrides, and the effective values that
 * resolve its inheritance from the table. */
#include <string.h>

#include "alloc.h"
#include "iam_policy.h"
#include "model.h"
#include "ddbgt/replica.h"
#include "utf8.h"

int ddbgt_replica_new(ddbgt_replica **out, const char *region)
{
	ddbgt_replica *r;
	char *copy;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ddbgt__utf8_ok(region))
		return DDBGT_EINVAL;
	if (region == NULL)
		return DDBGT_EINVAL;
	r = ddbgt__calloc_named(sizeof(*r), region, &copy);
	if (r == NULL)
		return DDBGT_ENOMEM;
	r->region = copy;
	r->pitr = DDBGT_INHERIT;
	r->deletion_protection = DDBGT_INHERIT;
	r->contributor_insights = DDBGT__NOT_SET;
	*out = r;
	return 0;
}

void ddbgt__replica_destroy(ddbgt_replica *r)
{
	if (r == NULL)
		return;
	ddbgt__free_name(r, sizeof(*r), r->region);
	ddbgt__free(r->kms_key);
	ddbgt__free(r->kinesis_stream_arn);
	ddbgt__free(r->resource_policy);
	ddbgt__free(r->stream_resource_policy);
	ddbgt__free(r->account_id);
	ddbgt__free(r->provider_role_arn);
	ddbgt__free(r->read_capacity);
	ddbgt__map_clear(&r->gsi_read_capacity);
	ddbgt__map_clear(&r->tags);
	ddbgt__free(r);
}

void ddbgt_replica_free(ddbgt_replica *r)
{
	if (r != NULL && r->table == NULL)
		ddbgt__replica_destroy(r);
}

int ddbgt_replica_copy(ddbgt_replica **out, const ddbgt_replica *src)
{
	ddbgt_replica *r;
	char *region;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (src == NULL)
		return DDBGT_EINVAL;
	/* Built as ddbgt_replica_new builds it: ddbgt__free_name knows the region by its place. */
	r = ddbgt__calloc_named(sizeof(*r), src->region, &region);
	if (r == NULL)
		return DDBGT_ENOMEM;
	/* Scalars by assignment; every owned member is then rebuilt from empty. */
	*r = *src;
	r->table = NULL;
	r->region = region;
	r->kms_key = NULL;
	r->kinesis_stream_arn = NULL;
	r->resource_policy = NULL;
	r->stream_resource_policy = NULL;
	r->account_id = NULL;
	r->provider_role_arn = NULL;
	r->read_capacity = NULL;
	memset(&r->gsi_read_capacity, 0, sizeof(r->gsi_read_capacity));
	memset(&r->tags, 0, sizeof(r->tags));
	r->kms_key = ddbgt__strdup(src->kms_key);
	r->kinesis_stream_arn = ddbgt__strdup(src->kinesis_stream_arn);
	r->resource_policy = ddbgt__strdup(src->resource_policy);
	r->stream_resource_policy = ddbgt__strdup(src->stream_resource_policy);
	r->account_id = ddbgt__strdup(src->account_id);
	r->provider_role_arn = ddbgt__strdup(src->provider_role_arn);
	if ((src->kms_key != NULL && r->kms_key == NULL) ||
	    (src->kinesis_stream_arn != NULL && r->kinesis_stream_arn == NULL) ||
	    (src->resource_policy != NULL && r->resource_policy == NULL) ||
	    (src->stream_resource_policy != NULL && r->stream_resource_policy == NULL) ||
	    (src->account_id != NULL && r->account_id == NULL) ||
	    (src->provider_role_arn != NULL && r->provider_role_arn == NULL) ||
	    ddbgt__capacity_copy(&r->read_capacity, src->read_capacity, 1) != 0 ||
	    ddbgt__map_copy(&r->gsi_read_capacity, &src->gsi_read_capacity) != 0 ||
	    ddbgt__map_copy(&r->tags, &src->tags) != 0) {
		ddbgt__replica_destroy(r);
		return DDBGT_ENOMEM;
	}
	*out = r;
	return 0;
}

const ddbgt_table *ddbgt_replica_table(const ddbgt_replica *r)
{
	return r != NULL ? r->table : NULL;
}

int ddbgt_replica_set_region(ddbgt_replica *r, const char *region)
{
	if (r == NULL || region == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(region))
		return DDBGT_EINVAL;
	return ddbgt__set_name(r, sizeof(*r), &r->region, region);
}

const char *ddbgt_replica_region(const ddbgt_replica *r)
{
	return r != NULL ? r->region : NULL;
}

int ddbgt_replica_set_role(ddbgt_replica *r, ddbgt_role role)
{
	if (r == NULL || !DDBGT__ENUM_OK(role, DDBGT_ROLE_STANDBY))
		return DDBGT_EINVAL;
	r->role = role;
	return 0;
}

ddbgt_role ddbgt_replica_role(const ddbgt_replica *r)
{
	return r != NULL ? r->role : DDBGT_ROLE_UNSET;
}

ddbgt_role ddbgt_replica_effective_role(const ddbgt_replica *r)
{
	if (r == NULL)
		return DDBGT_ROLE_UNSET;
	if (r->role != DDBGT_ROLE_UNSET)
		return r->role;
	if (r->table != NULL && ddbgt_table_primary_replica(r->table) == r)
		return DDBGT_ROLE_PRIMARY;
	return DDBGT_ROLE_SECONDARY;
}

int ddbgt_replica_set_table_class(ddbgt_replica *r, ddbgt_table_class table_class)
{
	if (r == NULL ||
	    !DDBGT__ENUM_OK(table_class, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS))
		return DDBGT_EINVAL;
	r->table_class = table_class;
	return 0;
}

ddbgt_table_class ddbgt_replica_table_class(const ddbgt_replica *r)
{
	return r != NULL ? r->table_class : DDBGT_TABLE_CLASS_UNSET;
}

ddbgt_table_class ddbgt_replica_effective_table_class(const ddbgt_replica *r)
{
	if (r == NULL)
		return DDBGT_TABLE_CLASS_UNSET;
	if (r->table_class != DDBGT_TABLE_CLASS_UNSET)
		return r->table_class;
	if (r->table != NULL)
		return ddbgt_table_table_class(r->table);
	return DDBGT_TABLE_CLASS_STANDARD;
}

int ddbgt_replica_set_kms_key(ddbgt_replica *r, const char *key)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(key))
		return DDBGT_EINVAL;
	return ddbgt__set_string(&r->kms_key, key);
}

const char *ddbgt_replica_kms_key(const ddbgt_replica *r)
{
	return r != NULL ? r->kms_key : NULL;
}

int ddbgt_replica_set_kinesis_stream(ddbgt_replica *r, const char *stream_arn,
                                     ddbgt_kinesis_precision precision)
{
	int rc;

	if (r == NULL || !DDBGT__ENUM_OK(precision, DDBGT_KINESIS_PRECISION_MICROSECOND) ||
	    !ddbgt__utf8_ok(stream_arn))
		return DDBGT_EINVAL;
	rc = ddbgt__set_string(&r->kinesis_stream_arn, stream_arn);
	if (rc == 0)
		r->kinesis_precision = stream_arn != NULL ? precision : DDBGT_KINESIS_PRECISION_UNSET;
	return rc;
}

const char *ddbgt_replica_kinesis_stream_arn(const ddbgt_replica *r)
{
	return r != NULL ? r->kinesis_stream_arn : NULL;
}

ddbgt_kinesis_precision ddbgt_replica_kinesis_stream_precision(const ddbgt_replica *r)
{
	return r != NULL ? r->kinesis_precision : DDBGT_KINESIS_PRECISION_UNSET;
}

/* The slot of the table's (stream 0) or the stream's (stream 1) resource-based policy. */
static char **policy_slot(ddbgt_replica *r, int stream)
{
	return stream ? &r->stream_resource_policy : &r->resource_policy;
}

int ddbgt__replica_set_policy_text(ddbgt_replica *r, int stream, const char *compact)
{
	return ddbgt__set_string(policy_slot(r, stream), compact);
}

static int set_policy(ddbgt_replica *r, int stream, const char *json)
{
	char *compact = NULL;
	int rc;

	if (r == NULL)
		return DDBGT_EINVAL;
	if (json == NULL)
		return ddbgt__set_string(policy_slot(r, stream), NULL);
	rc = ddbgt__iam_policy_canonical(&compact, json, strlen(json));
	if (rc == 0)
		rc = ddbgt__set_string(policy_slot(r, stream), compact);
	ddbgt_free(compact);
	return rc;
}

int ddbgt_replica_set_resource_policy(ddbgt_replica *r, const char *policy_json)
{
	return set_policy(r, 0, policy_json);
}

const char *ddbgt_replica_resource_policy(const ddbgt_replica *r)
{
	return r != NULL ? r->resource_policy : NULL;
}

int ddbgt_replica_set_stream_resource_policy(ddbgt_replica *r, const char *policy_json)
{
	return set_policy(r, 1, policy_json);
}

const char *ddbgt_replica_stream_resource_policy(const ddbgt_replica *r)
{
	return r != NULL ? r->stream_resource_policy : NULL;
}

int ddbgt_replica_set_account_id(ddbgt_replica *r, const char *account_id)
{
	if (r == NULL || !ddbgt__utf8_ok(account_id))
		return DDBGT_EINVAL;
	return ddbgt__set_string(&r->account_id, account_id);
}

const char *ddbgt_replica_account_id(const ddbgt_replica *r)
{
	return r != NULL ? r->account_id : NULL;
}

int ddbgt_replica_set_settings_replication(ddbgt_replica *r, ddbgt_settings_replication mode)
{
	if (r == NULL || !DDBGT__ENUM_OK(mode, DDBGT_SETTINGS_REPLICATION_DISABLED))
		return DDBGT_EINVAL;
	r->settings_replication = mode;
	return DDBGT_OK;
}

ddbgt_settings_replication ddbgt_replica_settings_replication(const ddbgt_replica *r)
{
	return r != NULL ? r->settings_replication : DDBGT_SETTINGS_REPLICATION_UNSET;
}

int ddbgt_replica_set_provider_role_arn(ddbgt_replica *r, const char *role_arn)
{
	if (r == NULL || !ddbgt__utf8_ok(role_arn))
		return DDBGT_EINVAL;
	return ddbgt__set_string(&r->provider_role_arn, role_arn);
}

const char *ddbgt_replica_provider_role_arn(const ddbgt_replica *r)
{
	return r != NULL ? r->provider_role_arn : NULL;
}

int ddbgt_replica_set_pitr(ddbgt_replica *r, int enabled)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	return ddbgt__tristate_arg(enabled, &r->pitr);
}

int ddbgt_replica_pitr(const ddbgt_replica *r)
{
	return r != NULL ? r->pitr : DDBGT_INHERIT;
}

int ddbgt_replica_set_pitr_period(ddbgt_replica *r, int64_t days)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	r->pitr_period.set = 1;
	r->pitr_period.value = days;
	return 0;
}

int ddbgt_replica_get_pitr_period(const ddbgt_replica *r, int64_t *days)
{
	if (r == NULL) {
		if (days != NULL)
			*days = 0;
		return DDBGT_EINVAL;
	}
	return ddbgt__opt_int_get(&r->pitr_period, days);
}

int ddbgt_replica_clear_pitr_period(ddbgt_replica *r)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	r->pitr_period.set = 0;
	r->pitr_period.value = 0;
	return 0;
}

int ddbgt_replica_effective_pitr(const ddbgt_replica *r)
{
	if (r == NULL)
		return 0;
	if (r->pitr != DDBGT_INHERIT)
		return r->pitr;
	return ddbgt_table_pitr_enabled(r->table);
}

int ddbgt_replica_get_effective_pitr_period(const ddbgt_replica *r, int64_t *days)
{
	static const ddbgt__opt_int none;

	if (r == NULL) {
		ddbgt__opt_int_get(&none, days);
		return DDBGT_EINVAL;
	}
	if (!ddbgt_replica_effective_pitr(r))
		return ddbgt__opt_int_get(&none, days);
	/* A replica that sets its own PITR brings its own period. */
	if (r->pitr != DDBGT_INHERIT)
		return ddbgt__opt_int_get(&r->pitr_period, days);
	return ddbgt__opt_int_get(&r->table->pitr_period, days);
}

int ddbgt_replica_set_deletion_protection(ddbgt_replica *r, int enabled)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	return ddbgt__tristate_arg(enabled, &r->deletion_protection);
}

int ddbgt_replica_deletion_protection(const ddbgt_replica *r)
{
	return r != NULL ? r->deletion_protection : DDBGT_INHERIT;
}

int ddbgt_replica_effective_deletion_protection(const ddbgt_replica *r)
{
	if (r == NULL)
		return 0;
	if (r->deletion_protection != DDBGT_INHERIT)
		return r->deletion_protection;
	return ddbgt_table_deletion_protection(r->table);
}

/* Read capacity: units and autoscaling replace each other. */

static void capacity_set_units(ddbgt__capacity *c, int64_t units)
{
	memset(c, 0, sizeof(*c));
	c->units.set = 1;
	c->units.value = units;
}

static void capacity_set_autoscaling(ddbgt__capacity *c, int64_t min, int64_t max,
                                     double target_utilization)
{
	memset(c, 0, sizeof(*c));
	c->autoscaling.set = 1;
	c->autoscaling.min = min;
	c->autoscaling.max = max;
	c->autoscaling.target_utilization = target_utilization;
}

/* The replica's read capacity override, allocated when it has none; NULL on DDBGT_ENOMEM. */
static ddbgt__capacity *read_capacity_put(ddbgt_replica *r)
{
	if (r->read_capacity == NULL)
		r->read_capacity = ddbgt__calloc(1, sizeof(*r->read_capacity));
	return r->read_capacity;
}

/* The replica's read capacity override, or an empty one. */
static const ddbgt__capacity *read_capacity_get(const ddbgt_replica *r)
{
	static const ddbgt__capacity none;

	return r != NULL && r->read_capacity != NULL ? r->read_capacity : &none;
}

int ddbgt_replica_set_read_capacity(ddbgt_replica *r, int64_t units)
{
	ddbgt__capacity *c;

	if (r == NULL)
		return DDBGT_EINVAL;
	if ((c = read_capacity_put(r)) == NULL)
		return DDBGT_ENOMEM;
	capacity_set_units(c, units);
	return 0;
}

int ddbgt_replica_get_read_capacity(const ddbgt_replica *r, int64_t *units)
{
	int rc = ddbgt__capacity_get_units(read_capacity_get(r), units);

	return r != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt_replica_set_read_autoscaling(ddbgt_replica *r, int64_t min, int64_t max,
                                       double target_utilization)
{
	ddbgt__capacity *c;

	if (r == NULL)
		return DDBGT_EINVAL;
	if ((c = read_capacity_put(r)) == NULL)
		return DDBGT_ENOMEM;
	capacity_set_autoscaling(c, min, max, target_utilization);
	return 0;
}

int ddbgt_replica_get_read_autoscaling(const ddbgt_replica *r, int64_t *min, int64_t *max,
                                       double *target_utilization)
{
	int rc = ddbgt__capacity_get_autoscaling(read_capacity_get(r), min, max, target_utilization);

	return r != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt_replica_clear_read_capacity(ddbgt_replica *r)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	ddbgt__free(r->read_capacity);
	r->read_capacity = NULL;
	return 0;
}

/* Per-region GSI read capacity. */

/* The settings of index, added when new; an entry never lacks them. */
static int override_put(ddbgt_replica *r, const char *index, ddbgt__gsi_override **out)
{
	ddbgt__map_entry *e;
	int rc;

	if (r == NULL || index == NULL || !ddbgt__utf8_ok(index))
		return DDBGT_EINVAL;
	rc = ddbgt__map_put(&r->gsi_read_capacity, index, &e);
	if (rc != 0)
		return rc;
	if (e->gsi == NULL && (e->gsi = ddbgt__calloc(1, sizeof(*e->gsi))) == NULL) {
		ddbgt__map_remove(&r->gsi_read_capacity, index);
		return DDBGT_ENOMEM;
	}
	*out = e->gsi;
	return 0;
}

/* The settings of index, or NULL. */
static const ddbgt__gsi_override *override_get(const ddbgt_replica *r, const char *index)
{
	const ddbgt__map_entry *e =
		r != NULL && index != NULL ? ddbgt__map_get(&r->gsi_read_capacity, index) : NULL;

	return e != NULL ? e->gsi : NULL;
}

int ddbgt_replica_set_gsi_read_capacity(ddbgt_replica *r, const char *index, int64_t units)
{
	ddbgt__gsi_override *o;
	int rc = override_put(r, index, &o);

	if (rc == 0)
		capacity_set_units(&o->capacity, units);
	return rc;
}

int ddbgt_replica_set_gsi_read_autoscaling(ddbgt_replica *r, const char *index, int64_t min,
                                           int64_t max, double target_utilization)
{
	ddbgt__gsi_override *o;
	int rc = override_put(r, index, &o);

	if (rc == 0)
		capacity_set_autoscaling(&o->capacity, min, max, target_utilization);
	return rc;
}

/* The override of index, or an empty capacity (and *rc) when there is none. */
static const ddbgt__capacity *gsi_override(const ddbgt_replica *r, const char *index, int *rc)
{
	static const ddbgt__capacity none;
	const ddbgt__gsi_override *o = override_get(r, index);

	*rc = 0;
	if (r == NULL || index == NULL) {
		*rc = DDBGT_EINVAL;
		return &none;
	}
	if (o == NULL) {
		*rc = DDBGT_ENOTFOUND;
		return &none;
	}
	return &o->capacity;
}

int ddbgt_replica_get_gsi_read_capacity(const ddbgt_replica *r, const char *index,
                                        int64_t *units)
{
	int rc;
	const ddbgt__capacity *c = gsi_override(r, index, &rc);
	int found = ddbgt__capacity_get_units(c, units);

	return rc != 0 ? rc : found;
}

int ddbgt_replica_get_gsi_read_autoscaling(const ddbgt_replica *r, const char *index,
                                           int64_t *min, int64_t *max,
                                           double *target_utilization)
{
	int rc;
	const ddbgt__capacity *c = gsi_override(r, index, &rc);
	int found = ddbgt__capacity_get_autoscaling(c, min, max, target_utilization);

	return rc != 0 ? rc : found;
}

int ddbgt_replica_set_read_autoscaling_tuning(ddbgt_replica *r, int64_t scale_in_cooldown,
                                              int64_t scale_out_cooldown, int disable_scale_in)
{
	/* Tuning needs autoscaling: without an override the replica keeps none, checked on a blank. */
	ddbgt__capacity blank = {0};

	if (r == NULL)
		return DDBGT_EINVAL;
	return ddbgt__autoscaling_set_tuning(
		r->read_capacity != NULL ? &r->read_capacity->autoscaling : &blank.autoscaling,
		scale_in_cooldown, scale_out_cooldown, disable_scale_in);
}

int ddbgt_replica_get_read_autoscaling_tuning(const ddbgt_replica *r, int64_t *scale_in_cooldown,
                                              int64_t *scale_out_cooldown, int *disable_scale_in)
{
	int rc = ddbgt__autoscaling_get_tuning(&read_capacity_get(r)->autoscaling, scale_in_cooldown,
	                                       scale_out_cooldown, disable_scale_in);

	return r != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt_replica_set_gsi_read_autoscaling_tuning(ddbgt_replica *r, const char *index,
                                                  int64_t scale_in_cooldown,
                                                  int64_t scale_out_cooldown,
                                                  int disable_scale_in)
{
	ddbgt__map_entry *e;

	if (r == NULL || index == NULL)
		return DDBGT_EINVAL;
	e = ddbgt__map_get(&r->gsi_read_capacity, index);
	if (e == NULL)
		return scale_in_cooldown < -1 || scale_out_cooldown < -1 ||
		       disable_scale_in < DDBGT_INHERIT ? DDBGT_EINVAL : DDBGT_ENOTFOUND;
	return ddbgt__autoscaling_set_tuning(&e->gsi->capacity.autoscaling, scale_in_cooldown,
	                                     scale_out_cooldown, disable_scale_in);
}

int ddbgt_replica_get_gsi_read_autoscaling_tuning(const ddbgt_replica *r, const char *index,
                                                  int64_t *scale_in_cooldown,
                                                  int64_t *scale_out_cooldown,
                                                  int *disable_scale_in)
{
	int rc;
	const ddbgt__capacity *c = gsi_override(r, index, &rc);
	int found = ddbgt__autoscaling_get_tuning(&c->autoscaling, scale_in_cooldown,
	                                          scale_out_cooldown, disable_scale_in);

	return rc != 0 ? rc : found;
}

int ddbgt_replica_set_on_demand_max_read(ddbgt_replica *r, int64_t units)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	r->on_demand_max_read = (ddbgt__opt_int){1, units};
	return 0;
}

int ddbgt_replica_get_on_demand_max_read(const ddbgt_replica *r, int64_t *units)
{
	static const ddbgt__opt_int none;
	int rc = ddbgt__opt_int_get(r != NULL ? &r->on_demand_max_read : &none, units);

	return r != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt_replica_clear_on_demand_max_read(ddbgt_replica *r)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	r->on_demand_max_read = (ddbgt__opt_int){0, 0};
	return 0;
}

int ddbgt_replica_set_gsi_on_demand_max_read(ddbgt_replica *r, const char *index, int64_t units)
{
	ddbgt__gsi_override *o;
	int rc = override_put(r, index, &o);

	if (rc == 0)
		o->on_demand_max_read = (ddbgt__opt_int){1, units};
	return rc;
}

int ddbgt_replica_get_gsi_on_demand_max_read(const ddbgt_replica *r, const char *index,
                                             int64_t *units)
{
	static const ddbgt__opt_int none;
	const ddbgt__gsi_override *o = override_get(r, index);
	int rc = ddbgt__opt_int_get(o != NULL ? &o->on_demand_max_read : &none, units);

	if (r == NULL || index == NULL)
		return DDBGT_EINVAL;
	return o != NULL ? rc : DDBGT_ENOTFOUND;
}

/* Contributor insights of one GSI in the replica; object 1 for the {"enabled", "mode"} form. */
static int set_gsi_insights(ddbgt_replica *r, const char *index, int enabled,
                            ddbgt_insights_mode mode, int object)
{
	ddbgt__gsi_override *o;
	int v = ddbgt__bool_arg(enabled);
	int rc;

	if (v < 0 || !DDBGT__ENUM_OK(mode, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS))
		return DDBGT_EINVAL;
	rc = override_put(r, index, &o);
	if (rc == 0) {
		o->insights = (ddbgt__opt_int){1, v};
		o->insights_object = object;
		o->insights_mode = mode;
	}
	return rc;
}

int ddbgt_replica_set_gsi_contributor_insights(ddbgt_replica *r, const char *index, int enabled)
{
	return set_gsi_insights(r, index, enabled, DDBGT_INSIGHTS_MODE_UNSET, 0);
}

int ddbgt_replica_set_gsi_contributor_insights_mode(ddbgt_replica *r, const char *index,
                                                    int enabled, ddbgt_insights_mode mode)
{
	return set_gsi_insights(r, index, enabled, mode, 1);
}

int ddbgt_replica_get_gsi_contributor_insights(const ddbgt_replica *r, const char *index,
                                               int *enabled, ddbgt_insights_mode *mode)
{
	const ddbgt__gsi_override *o = override_get(r, index);
	int found = o != NULL && o->insights.set;

	if (enabled != NULL)
		*enabled = found ? (int)o->insights.value : 0;
	if (mode != NULL)
		*mode = found ? o->insights_mode : DDBGT_INSIGHTS_MODE_UNSET;
	if (r == NULL || index == NULL)
		return DDBGT_EINVAL;
	return found ? 0 : DDBGT_ENOTFOUND;
}

int ddbgt_replica_remove_gsi_override(ddbgt_replica *r, const char *index)
{
	if (r == NULL || index == NULL)
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&r->gsi_read_capacity, index);
}

size_t ddbgt_replica_gsi_override_count(const ddbgt_replica *r)
{
	return r != NULL ? r->gsi_read_capacity.count : 0;
}

const char *ddbgt_replica_gsi_override_name(const ddbgt_replica *r, size_t i)
{
	const ddbgt__map_entry *e = r != NULL ? ddbgt__map_at(&r->gsi_read_capacity, i) : NULL;

	return e != NULL ? e->key : NULL;
}

int ddbgt__replica_gsi_insights_at(const ddbgt_replica *r, size_t i, ddbgt_insights_mode *mode)
{
	const ddbgt__map_entry *e = r != NULL ? ddbgt__map_at(&r->gsi_read_capacity, i) : NULL;
	const ddbgt__gsi_override *o = e != NULL ? e->gsi : NULL;
	int on = o != NULL && o->insights.set && o->insights.value;

	*mode = on ? o->insights_mode : DDBGT_INSIGHTS_MODE_UNSET;
	return on;
}

int ddbgt_replica_set_contributor_insights(ddbgt_replica *r, int enabled)
{
	int v = ddbgt__bool_arg(enabled);

	if (r == NULL || v < 0)
		return DDBGT_EINVAL;
	r->contributor_insights = v;
	r->insights_object = 0;
	r->insights_mode = DDBGT_INSIGHTS_MODE_UNSET;
	return 0;
}

int ddbgt_replica_set_contributor_insights_mode(ddbgt_replica *r, int enabled,
                                                ddbgt_insights_mode mode)
{
	int v = ddbgt__bool_arg(enabled);

	if (r == NULL || v < 0 || !DDBGT__ENUM_OK(mode, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS))
		return DDBGT_EINVAL;
	r->contributor_insights = v;
	r->insights_object = 1;
	r->insights_mode = mode;
	return 0;
}

ddbgt_insights_mode ddbgt_replica_contributor_insights_mode(const ddbgt_replica *r)
{
	return r != NULL ? r->insights_mode : DDBGT_INSIGHTS_MODE_UNSET;
}

int ddbgt_replica_contributor_insights(const ddbgt_replica *r)
{
	return r != NULL && r->contributor_insights == 1;
}

int ddbgt_replica_set_tag(ddbgt_replica *r, const char *key, const char *value)
{
	if (r == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(key) || !ddbgt__utf8_ok(value))
		return DDBGT_EINVAL;
	return ddbgt__tags_set(&r->tags, key, value);
}

int ddbgt_replica_remove_tag(ddbgt_replica *r, const char *key)
{
	if (r == NULL || key == NULL)
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&r->tags, key);
}

const char *ddbgt_replica_tag(const ddbgt_replica *r, const char *key)
{
	const ddbgt__map_entry *e = r != NULL ? ddbgt__map_get(&r->tags, key) : NULL;

	return e != NULL ? e->text : NULL;
}

size_t ddbgt_replica_tag_count(const ddbgt_replica *r)
{
	return r != NULL ? r->tags.count : 0;
}

const char *ddbgt_replica_tag_key(const ddbgt_replica *r, size_t i)
{
	const ddbgt__map_entry *e = r != NULL ? ddbgt__map_at(&r->tags, i) : NULL;

	return e != NULL ? e->key : NULL;
}

const char *ddbgt_replica_tag_value(const ddbgt_replica *r, size_t i)
{
	const ddbgt__map_entry *e = r != NULL ? ddbgt__map_at(&r->tags, i) : NULL;

	return e != NULL ? e->text : NULL;
}
