/*
 * The settings ddbgt_diff compares: how each is rendered as compact JSON
 * (its effective value, what AWS would hold) and which rule a change of it
 * follows, in one field table per object (table, GSI, replica). A new spec
 * key is one render function and one row here.
 */
#include <string.h>

#include "ddbgt/index.h"
#include "ddbgt/operations.h"
#include "ddbgt/replica.h"
#include "diff_internal.h"

static int write_string(jw *w, const char *s)
{
	if (!s)
		return 0;
	ddbgt__jw_string(w, s);
	return 1;
}

static int write_enum(jw *w, ddbgt_enum_kind kind, int value)
{
	return write_string(w, ddbgt_enum_name(kind, value));
}

/* A JSON document the model already keeps compact and canonical, written as itself. */
static int write_json(jw *w, const char *json)
{
	if (!json)
		return 0;
	ddbgt__jw_value_begin(w);
	ddbgt__jw_raw(w, json, strlen(json));
	return 1;
}

static int write_key(jw *w, const char *name, ddbgt_attr_type type)
{
	if (!name)
		return 0;
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "name");
	ddbgt__jw_string(w, name);
	if (type != DDBGT_ATTR_UNSET) {
		ddbgt__jw_key(w, "type");
		ddbgt__jw_string(w, ddbgt_enum_name(DDBGT_ENUM_ATTR_TYPE, type));
	}
	ddbgt__jw_object_end(w);
	return 1;
}

/* Target-tracking settings and their tuning (-1 / DDBGT_INHERIT: not given). */
struct tuning {
	int64_t scale_in_cooldown, scale_out_cooldown;
	int disable_scale_in;
};

static void write_autoscaling_object(jw *w, int64_t min, int64_t max, double target,
                                     struct tuning t)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "min");
	ddbgt__jw_int(w, min);
	ddbgt__jw_key(w, "max");
	ddbgt__jw_int(w, max);
	ddbgt__jw_key(w, "target_utilization");
	ddbgt__jw_number(w, target);
	if (t.scale_in_cooldown >= 0) {
		ddbgt__jw_key(w, "scale_in_cooldown");
		ddbgt__jw_int(w, t.scale_in_cooldown);
	}
	if (t.scale_out_cooldown >= 0) {
		ddbgt__jw_key(w, "scale_out_cooldown");
		ddbgt__jw_int(w, t.scale_out_cooldown);
	}
	if (t.disable_scale_in != DDBGT_INHERIT) {
		ddbgt__jw_key(w, "disable_scale_in");
		ddbgt__jw_bool(w, t.disable_scale_in);
	}
	ddbgt__jw_object_end(w);
}

static int write_int_if(jw *w, int rc, int64_t v)
{
	if (rc)
		return 0;
	ddbgt__jw_int(w, v);
	return 1;
}

/* ---- Table settings ---------------------------------------------------- */

#define TABLE(o) ((const ddbgt_table *)(o))

static int r_table_name(jw *w, const void *o)
{
	return write_string(w, ddbgt_table_name(TABLE(o)));
}

static int r_partition_key(jw *w, const void *o)
{
	return write_key(w, ddbgt_table_partition_key_name(TABLE(o)),
	                 ddbgt_table_partition_key_type(TABLE(o)));
}

static int r_sort_key(jw *w, const void *o)
{
	return write_key(w, ddbgt_table_sort_key_name(TABLE(o)), ddbgt_table_sort_key_type(TABLE(o)));
}

static int r_billing_mode(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_BILLING_MODE, ddbgt_table_billing_mode(TABLE(o)));
}

static int table_units(const void *o, ddbgt_rw rw, int64_t *v)
{
	return ddbgt_table_get_capacity(TABLE(o), rw, v);
}

static int r_read_units(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = table_units(o, DDBGT_READ, &v);
	return write_int_if(w, rc, v);
}

static int r_write_units(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = table_units(o, DDBGT_WRITE, &v);
	return write_int_if(w, rc, v);
}

static int table_autoscaling(jw *w, const void *o, ddbgt_rw rw)
{
	int64_t min, max;
	double target;
	struct tuning t;
	if (ddbgt_table_get_autoscaling(TABLE(o), rw, &min, &max, &target))
		return 0;
	ddbgt_table_get_autoscaling_tuning(TABLE(o), rw, &t.scale_in_cooldown,
	                                   &t.scale_out_cooldown, &t.disable_scale_in);
	write_autoscaling_object(w, min, max, target, t);
	return 1;
}

static int r_read_autoscaling(jw *w, const void *o)
{
	return table_autoscaling(w, o, DDBGT_READ);
}

static int r_write_autoscaling(jw *w, const void *o)
{
	return table_autoscaling(w, o, DDBGT_WRITE);
}

static int r_max_read(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_table_get_on_demand_max(TABLE(o), DDBGT_READ, &v);
	return write_int_if(w, rc, v);
}

static int r_max_write(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_table_get_on_demand_max(TABLE(o), DDBGT_WRITE, &v);
	return write_int_if(w, rc, v);
}

static int r_warm_read(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_table_get_warm_throughput(TABLE(o), DDBGT_READ, &v);
	return write_int_if(w, rc, v);
}

static int r_warm_write(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_table_get_warm_throughput(TABLE(o), DDBGT_WRITE, &v);
	return write_int_if(w, rc, v);
}

/* Warm throughput only goes up: a lower value, or none, is refused. */
static ddbgt__diff_rule_id warm_rule(int old_rc, int64_t old_v, int new_rc, int64_t new_v,
                                     ddbgt__diff_rule_id up)
{
	if (old_rc == 0 && (new_rc != 0 || new_v < old_v))
		return DDBGT__RULE_WARM_THROUGHPUT_DECREASE;
	return up;
}

static ddbgt__diff_rule_id j_warm(const void *old_obj, const void *new_obj, ddbgt_rw rw)
{
	int64_t a = 0, b = 0;
	int ra = ddbgt_table_get_warm_throughput(TABLE(old_obj), rw, &a);
	int rb = ddbgt_table_get_warm_throughput(TABLE(new_obj), rw, &b);
	return warm_rule(ra, a, rb, b, DDBGT__RULE_WARM_THROUGHPUT);
}

static ddbgt__diff_rule_id j_warm_read(const void *old_obj, const void *new_obj)
{
	return j_warm(old_obj, new_obj, DDBGT_READ);
}

static ddbgt__diff_rule_id j_warm_write(const void *old_obj, const void *new_obj)
{
	return j_warm(old_obj, new_obj, DDBGT_WRITE);
}

static int r_stream(jw *w, const void *o)
{
	int on = ddbgt_table_stream_enabled(TABLE(o));
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "enabled");
	ddbgt__jw_bool(w, on);
	const char *view = ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, ddbgt_table_stream_view(TABLE(o)));
	if (on && view) {
		ddbgt__jw_key(w, "view_type");
		ddbgt__jw_string(w, view);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_encryption(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_ENCRYPTION, ddbgt_table_encryption(TABLE(o)));
}

static int r_ttl(jw *w, const void *o)
{
	return write_string(w, ddbgt_table_ttl_attribute(TABLE(o)));
}

static int r_consistency(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_CONSISTENCY, ddbgt_table_consistency(TABLE(o)));
}

static int r_witness(jw *w, const void *o)
{
	return write_string(w, ddbgt_table_witness_region(TABLE(o)));
}

static int r_legacy(jw *w, const void *o)
{
	ddbgt__jw_bool(w, ddbgt_table_legacy_version(TABLE(o)));
	return 1;
}

static ddbgt__diff_rule_id j_billing(const void *old_obj, const void *new_obj)
{
	(void)old_obj;
	return ddbgt_table_billing_mode(TABLE(new_obj)) == DDBGT_BILLING_PAY_PER_REQUEST
	               ? DDBGT__RULE_BILLING_TO_ON_DEMAND
	               : DDBGT__RULE_BILLING_TO_PROVISIONED;
}

static ddbgt__diff_rule_id decrease_or(int old_rc, int64_t old_v, int new_rc, int64_t new_v,
                                       ddbgt__diff_rule_id up, ddbgt__diff_rule_id down)
{
	return old_rc == 0 && new_rc == 0 && new_v < old_v ? down : up;
}

static ddbgt__diff_rule_id j_table_units(const void *old_obj, const void *new_obj, ddbgt_rw rw)
{
	int64_t a = 0, b = 0;
	int ra = table_units(old_obj, rw, &a), rb = table_units(new_obj, rw, &b);
	return decrease_or(ra, a, rb, b, DDBGT__RULE_CAPACITY, DDBGT__RULE_CAPACITY_DECREASE);
}

static ddbgt__diff_rule_id j_read_units(const void *old_obj, const void *new_obj)
{
	return j_table_units(old_obj, new_obj, DDBGT_READ);
}

static ddbgt__diff_rule_id j_write_units(const void *old_obj, const void *new_obj)
{
	return j_table_units(old_obj, new_obj, DDBGT_WRITE);
}

/* Eventual consistency replicates through the stream: it is frozen while replicas exist. */
static ddbgt__diff_rule_id j_stream(const void *old_obj, const void *new_obj)
{
	if (ddbgt_table_consistency(TABLE(old_obj)) != DDBGT_CONSISTENCY_STRONG &&
	    ddbgt_table_replica_count(TABLE(old_obj)) >= 2 &&
	    ddbgt_table_replica_count(TABLE(new_obj)) >= 2)
		return DDBGT__RULE_STREAM_REPLICATED;
	return DDBGT__RULE_STREAM;
}

static ddbgt__diff_rule_id j_ttl(const void *old_obj, const void *new_obj)
{
	return ddbgt_table_ttl_attribute(TABLE(old_obj)) && ddbgt_table_ttl_attribute(TABLE(new_obj))
	               ? DDBGT__RULE_TTL_RENAME
	               : DDBGT__RULE_TTL;
}

static ddbgt__diff_rule_id j_legacy(const void *old_obj, const void *new_obj)
{
	(void)new_obj;
	return ddbgt_table_legacy_version(TABLE(old_obj)) ? DDBGT__RULE_LEGACY_UPGRADE
	                                                  : DDBGT__RULE_LEGACY_DOWNGRADE;
}

/* The operations object: what the emitters write beside the table, never the table itself. */
#define OPS(o) ddbgt_table_operations(TABLE(o))

/* Alarms: false, or the effective settings (a new default threshold is a change too). */
static int r_ops_alarms(jw *w, const void *o)
{
	static const char *const names[] = {"replication_latency_ms", "evaluation_periods",
	                                    "period_seconds", "throttles", "system_errors",
	                                    "utilization_percent"};
	const ddbgt_operations *ops = OPS(o);
	if (!ddbgt_operations_alarms(ops)) {
		ddbgt__jw_bool(w, 0);
		return 1;
	}
	ddbgt__jw_object_begin(w);
	for (int k = DDBGT_ALARM_REPLICATION_LATENCY_MS; k <= DDBGT_ALARM_UTILIZATION_PERCENT; k++) {
		int64_t v = ddbgt_operations_alarm_setting_effective(ops, (ddbgt_alarm_setting)k);
		ddbgt__jw_key(w, names[k]);
		if (k == DDBGT_ALARM_THROTTLES || k == DDBGT_ALARM_SYSTEM_ERRORS)
			ddbgt__jw_bool(w, v != 0);
		else
			ddbgt__jw_int(w, v);
	}
	ddbgt__jw_key(w, "sns_topics");
	ddbgt__jw_object_begin(w);
	for (size_t i = 0; i < ddbgt_operations_sns_topic_count(ops); i++) {
		ddbgt__jw_key(w, ddbgt_operations_sns_topic_region(ops, i));
		ddbgt__jw_string(w, ddbgt_operations_sns_topic_arn(ops, i));
	}
	ddbgt__jw_object_end(w);
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_ops_dashboard(jw *w, const void *o)
{
	ddbgt__jw_bool(w, ddbgt_operations_dashboard(OPS(o)));
	return 1;
}

static int r_ops_kms_key_policies(jw *w, const void *o)
{
	ddbgt__jw_bool(w, ddbgt_operations_kms_key_policies(OPS(o)));
	return 1;
}

static void write_name_list(jw *w, size_t n, const char *(*at)(const ddbgt_operations *, size_t),
                            const ddbgt_operations *ops)
{
	ddbgt__jw_array_begin(w);
	for (size_t i = 0; i < n; i++)
		ddbgt__jw_string(w, at(ops, i));
	ddbgt__jw_array_end(w);
}

static int r_ops_iam(jw *w, const void *o)
{
	const ddbgt_operations *ops = OPS(o);
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "policies");
	ddbgt__jw_array_begin(w);
	for (int k = DDBGT_IAM_READ; k <= DDBGT_IAM_DEPLOYER; k++)
		if (ddbgt_operations_iam_policy(ops, (ddbgt_iam_policy)k))
			ddbgt__jw_string(w, ddbgt_iam_policy_name((ddbgt_iam_policy)k));
	ddbgt__jw_array_end(w);
	ddbgt__jw_key(w, "regions");
	write_name_list(w, ddbgt_operations_iam_region_count(ops), ddbgt_operations_iam_region_at,
	                ops);
	ddbgt__jw_key(w, "indexes");
	write_name_list(w, ddbgt_operations_iam_index_count(ops), ddbgt_operations_iam_index_at, ops);
	ddbgt__jw_key(w, "as_outputs");
	ddbgt__jw_bool(w, ddbgt_operations_iam_as_outputs(ops));
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_ops_vpc_endpoints(jw *w, const void *o)
{
	const ddbgt_operations *ops = OPS(o);
	size_t n = ddbgt_operations_vpc_endpoint_count(ops);
	if (n == 0)
		return 0;
	ddbgt__jw_object_begin(w);
	for (size_t i = 0; i < n; i++) {
		ddbgt__jw_key(w, ddbgt_operations_vpc_endpoint_region(ops, i));
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "vpc_id");
		ddbgt__jw_string(w, ddbgt_operations_vpc_endpoint_vpc_id(ops, i));
		ddbgt__jw_key(w, "route_table_ids");
		ddbgt__jw_array_begin(w);
		for (size_t j = 0; j < ddbgt_operations_vpc_route_table_count(ops, i); j++)
			ddbgt__jw_string(w, ddbgt_operations_vpc_route_table_at(ops, i, j));
		ddbgt__jw_array_end(w);
		ddbgt__jw_key(w, "restrict_to_table");
		ddbgt__jw_bool(w, ddbgt_operations_vpc_endpoint_restricted(ops, i));
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

const struct ddbgt__diff_field ddbgt__diff_table_fields[] = {
	{"name", r_table_name, DDBGT__RULE_TABLE_NAME, NULL},
	{"partition_key", r_partition_key, DDBGT__RULE_KEY_SCHEMA, NULL},
	{"sort_key", r_sort_key, DDBGT__RULE_KEY_SCHEMA, NULL},
	{"legacy_version", r_legacy, DDBGT__RULE_SKIP, j_legacy},
	{"consistency", r_consistency, DDBGT__RULE_CONSISTENCY, NULL},
	{"witness_region", r_witness, DDBGT__RULE_WITNESS, NULL},
	{"billing_mode", r_billing_mode, DDBGT__RULE_SKIP, j_billing},
	{"capacity/read", r_read_units, DDBGT__RULE_SKIP, j_read_units},
	{"capacity/write", r_write_units, DDBGT__RULE_SKIP, j_write_units},
	{"capacity/read_autoscaling", r_read_autoscaling, DDBGT__RULE_AUTOSCALING, NULL},
	{"capacity/write_autoscaling", r_write_autoscaling, DDBGT__RULE_AUTOSCALING, NULL},
	{"on_demand/max_read", r_max_read, DDBGT__RULE_ON_DEMAND_MAX, NULL},
	{"on_demand/max_write", r_max_write, DDBGT__RULE_ON_DEMAND_MAX, NULL},
	{"warm_throughput/read_units_per_second", r_warm_read, DDBGT__RULE_SKIP, j_warm_read},
	{"warm_throughput/write_units_per_second", r_warm_write, DDBGT__RULE_SKIP, j_warm_write},
	{"stream", r_stream, DDBGT__RULE_SKIP, j_stream},
	{"encryption", r_encryption, DDBGT__RULE_ENCRYPTION, NULL},
	{"ttl_attribute", r_ttl, DDBGT__RULE_SKIP, j_ttl},
};
const size_t ddbgt__diff_table_field_count =
	sizeof ddbgt__diff_table_fields / sizeof ddbgt__diff_table_fields[0];

/* The top-level operations object, compared from the document root. */
const struct ddbgt__diff_field ddbgt__diff_operations_fields[] = {
	{"operations/alarms", r_ops_alarms, DDBGT__RULE_OPERATIONS, NULL},
	{"operations/dashboard", r_ops_dashboard, DDBGT__RULE_OPERATIONS, NULL},
	{"operations/iam", r_ops_iam, DDBGT__RULE_OPERATIONS, NULL},
	{"operations/kms_key_policies", r_ops_kms_key_policies, DDBGT__RULE_OPERATIONS, NULL},
	{"operations/vpc_endpoints", r_ops_vpc_endpoints, DDBGT__RULE_OPERATIONS, NULL},
};
const size_t ddbgt__diff_operations_field_count =
	sizeof ddbgt__diff_operations_fields / sizeof ddbgt__diff_operations_fields[0];

/* ---- GSI settings ------------------------------------------------------ */

#define GSI(o) ((const ddbgt_gsi *)(o))

static int gsi_key(jw *w, const ddbgt_gsi *g, const char *attribute)
{
	return write_key(w, attribute,
	                 ddbgt_table_find_attribute_type(ddbgt_gsi_table(g), attribute));
}

/* A multi-attribute key side: its attributes in order, each with its type. */
static void write_key_list(jw *w, const ddbgt_gsi *g, size_t n,
                           const char *(*name)(const ddbgt_gsi *, size_t),
                           ddbgt_attr_type (*type)(const ddbgt_gsi *, size_t))
{
	ddbgt__jw_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		ddbgt_attr_type t = type(g, i);
		if (t == DDBGT_ATTR_UNSET)
			t = ddbgt_table_find_attribute_type(ddbgt_gsi_table(g), name(g, i));
		write_key(w, name(g, i), t);
	}
	ddbgt__jw_array_end(w);
}

/* A key side is written one way: one attribute (partition_key) or a list (partition_keys). */
static int r_gsi_pk(jw *w, const void *o)
{
	const ddbgt_gsi *g = GSI(o);
	return !ddbgt_gsi_partition_key_is_multi_attribute(g) &&
	       gsi_key(w, g, ddbgt_gsi_partition_key(g));
}

static int r_gsi_pks(jw *w, const void *o)
{
	const ddbgt_gsi *g = GSI(o);
	if (!ddbgt_gsi_partition_key_is_multi_attribute(g))
		return 0;
	write_key_list(w, g, ddbgt_gsi_partition_key_attribute_count(g),
	               ddbgt_gsi_partition_key_attribute_name, ddbgt_gsi_partition_key_attribute_type);
	return 1;
}

static int r_gsi_sk(jw *w, const void *o)
{
	const ddbgt_gsi *g = GSI(o);
	return !ddbgt_gsi_sort_key_is_multi_attribute(g) && gsi_key(w, g, ddbgt_gsi_sort_key(g));
}

static int r_gsi_sks(jw *w, const void *o)
{
	const ddbgt_gsi *g = GSI(o);
	if (!ddbgt_gsi_sort_key_is_multi_attribute(g))
		return 0;
	write_key_list(w, g, ddbgt_gsi_sort_key_attribute_count(g),
	               ddbgt_gsi_sort_key_attribute_name, ddbgt_gsi_sort_key_attribute_type);
	return 1;
}

static int r_gsi_projection(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_PROJECTION, ddbgt_gsi_projection(GSI(o)));
}

/*
 * Projected attributes in byte order: their order means nothing to AWS, so a
 * reordered list is no rebuild. A selection walk (at most 20 names) that
 * needs no memory: each round writes the smallest name above the last one,
 * as many times as it is listed.
 */
static void write_name_set(jw *w, size_t n, const char *(*at)(const void *, size_t),
                           const void *obj)
{
	const char *last = NULL;
	ddbgt__jw_array_begin(w);
	for (;;) {
		const char *next = NULL;
		size_t times = 0;
		for (size_t i = 0; i < n; i++) {
			const char *s = at(obj, i);
			if (last && strcmp(s, last) <= 0)
				continue;
			int cmp = next ? strcmp(s, next) : -1;
			if (cmp < 0) {
				next = s;
				times = 1;
			} else if (cmp == 0) {
				times++;
			}
		}
		if (!next)
			break;
		while (times--)
			ddbgt__jw_string(w, next);
		last = next;
	}
	ddbgt__jw_array_end(w);
}

static const char *gsi_non_key_at(const void *o, size_t i)
{
	return ddbgt_gsi_non_key_attribute_at(GSI(o), i);
}

static int r_gsi_non_key(jw *w, const void *o)
{
	size_t n = ddbgt_gsi_non_key_attribute_count(GSI(o));
	if (n == 0)
		return 0;
	write_name_set(w, n, gsi_non_key_at, o);
	return 1;
}

static int r_gsi_read(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_gsi_get_capacity(GSI(o), DDBGT_READ, &v);
	return write_int_if(w, rc, v);
}

static int r_gsi_write(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_gsi_get_capacity(GSI(o), DDBGT_WRITE, &v);
	return write_int_if(w, rc, v);
}

static int gsi_autoscaling(jw *w, const void *o, ddbgt_rw rw)
{
	int64_t min, max;
	double target;
	struct tuning t;
	if (ddbgt_gsi_get_autoscaling(GSI(o), rw, &min, &max, &target))
		return 0;
	ddbgt_gsi_get_autoscaling_tuning(GSI(o), rw, &t.scale_in_cooldown, &t.scale_out_cooldown,
	                                 &t.disable_scale_in);
	write_autoscaling_object(w, min, max, target, t);
	return 1;
}

static int r_gsi_read_autoscaling(jw *w, const void *o)
{
	return gsi_autoscaling(w, o, DDBGT_READ);
}

static int r_gsi_write_autoscaling(jw *w, const void *o)
{
	return gsi_autoscaling(w, o, DDBGT_WRITE);
}

static int r_gsi_max_read(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_gsi_get_on_demand_max(GSI(o), DDBGT_READ, &v);
	return write_int_if(w, rc, v);
}

static int r_gsi_max_write(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_gsi_get_on_demand_max(GSI(o), DDBGT_WRITE, &v);
	return write_int_if(w, rc, v);
}

static int r_gsi_warm_read(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_gsi_get_warm_throughput(GSI(o), DDBGT_READ, &v);
	return write_int_if(w, rc, v);
}

static int r_gsi_warm_write(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_gsi_get_warm_throughput(GSI(o), DDBGT_WRITE, &v);
	return write_int_if(w, rc, v);
}

static ddbgt__diff_rule_id j_gsi_warm(const void *old_obj, const void *new_obj, ddbgt_rw rw)
{
	int64_t a = 0, b = 0;
	int ra = ddbgt_gsi_get_warm_throughput(GSI(old_obj), rw, &a);
	int rb = ddbgt_gsi_get_warm_throughput(GSI(new_obj), rw, &b);
	return warm_rule(ra, a, rb, b, DDBGT__RULE_GSI_WARM_THROUGHPUT);
}

static ddbgt__diff_rule_id j_gsi_warm_read(const void *old_obj, const void *new_obj)
{
	return j_gsi_warm(old_obj, new_obj, DDBGT_READ);
}

static ddbgt__diff_rule_id j_gsi_warm_write(const void *old_obj, const void *new_obj)
{
	return j_gsi_warm(old_obj, new_obj, DDBGT_WRITE);
}

static ddbgt__diff_rule_id j_gsi_units(const void *old_obj, const void *new_obj, ddbgt_rw rw)
{
	int64_t a = 0, b = 0;
	int ra = ddbgt_gsi_get_capacity(GSI(old_obj), rw, &a);
	int rb = ddbgt_gsi_get_capacity(GSI(new_obj), rw, &b);
	return decrease_or(ra, a, rb, b, DDBGT__RULE_GSI_CAPACITY, DDBGT__RULE_GSI_CAPACITY_DECREASE);
}

static ddbgt__diff_rule_id j_gsi_read(const void *old_obj, const void *new_obj)
{
	return j_gsi_units(old_obj, new_obj, DDBGT_READ);
}

static ddbgt__diff_rule_id j_gsi_write(const void *old_obj, const void *new_obj)
{
	return j_gsi_units(old_obj, new_obj, DDBGT_WRITE);
}

const struct ddbgt__diff_field ddbgt__diff_gsi_fields[] = {
	{"partition_key", r_gsi_pk, DDBGT__RULE_GSI_REBUILD, NULL},
	{"partition_keys", r_gsi_pks, DDBGT__RULE_GSI_REBUILD, NULL},
	{"sort_key", r_gsi_sk, DDBGT__RULE_GSI_REBUILD, NULL},
	{"sort_keys", r_gsi_sks, DDBGT__RULE_GSI_REBUILD, NULL},
	{"projection", r_gsi_projection, DDBGT__RULE_GSI_REBUILD, NULL},
	{"non_key_attributes", r_gsi_non_key, DDBGT__RULE_GSI_REBUILD, NULL},
	{"capacity/read", r_gsi_read, DDBGT__RULE_SKIP, j_gsi_read},
	{"capacity/write", r_gsi_write, DDBGT__RULE_SKIP, j_gsi_write},
	{"capacity/read_autoscaling", r_gsi_read_autoscaling, DDBGT__RULE_AUTOSCALING, NULL},
	{"capacity/write_autoscaling", r_gsi_write_autoscaling, DDBGT__RULE_AUTOSCALING, NULL},
	{"on_demand/max_read", r_gsi_max_read, DDBGT__RULE_GSI_ON_DEMAND_MAX, NULL},
	{"on_demand/max_write", r_gsi_max_write, DDBGT__RULE_GSI_ON_DEMAND_MAX, NULL},
	{"warm_throughput/read_units_per_second", r_gsi_warm_read, DDBGT__RULE_SKIP, j_gsi_warm_read},
	{"warm_throughput/write_units_per_second", r_gsi_warm_write, DDBGT__RULE_SKIP,
	 j_gsi_warm_write},
};
const size_t ddbgt__diff_gsi_field_count =
	sizeof ddbgt__diff_gsi_fields / sizeof ddbgt__diff_gsi_fields[0];

/* A whole GSI, for one that is created or deleted. */
int ddbgt__diff_render_gsi(jw *w, const void *o)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "name");
	ddbgt__jw_string(w, ddbgt_gsi_name(GSI(o)));
	/* The settings that define the index: the rows that rebuild it (null when absent). */
	for (size_t i = 0; i < ddbgt__diff_gsi_field_count; i++) {
		const struct ddbgt__diff_field *f = &ddbgt__diff_gsi_fields[i];
		if (f->rule != DDBGT__RULE_GSI_REBUILD)
			continue;
		ddbgt__jw_key(w, f->key);
		if (!f->render(w, o))
			ddbgt__jw_null(w);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

/* ---- LSIs: any difference needs a new table ---------------------------- */

#define LSI(o) ((const ddbgt_lsi *)(o))

static const char *lsi_non_key_at(const void *o, size_t i)
{
	return ddbgt_lsi_non_key_attribute_at(LSI(o), i);
}

int ddbgt__diff_render_lsi(jw *w, const void *o)
{
	const ddbgt_lsi *l = LSI(o);
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "name");
	ddbgt__jw_string(w, ddbgt_lsi_name(l));
	ddbgt__jw_key(w, "sort_key");
	if (!write_key(w, ddbgt_lsi_sort_key(l),
	               ddbgt_table_find_attribute_type(ddbgt_lsi_table(l), ddbgt_lsi_sort_key(l))))
		ddbgt__jw_null(w);
	ddbgt__jw_key(w, "projection");
	write_enum(w, DDBGT_ENUM_PROJECTION, ddbgt_lsi_projection(l));
	ddbgt__jw_key(w, "non_key_attributes");
	write_name_set(w, ddbgt_lsi_non_key_attribute_count(l), lsi_non_key_at, l);
	ddbgt__jw_object_end(w);
	return 1;
}

/* ---- Replica settings (effective values: what AWS would hold) ---------- */

#define REPLICA(o) ((const ddbgt_replica *)(o))

/* Contributor insights: a boolean, or with the mode when one is chosen. */
static void write_insights(jw *w, int enabled, ddbgt_insights_mode mode)
{
	const char *name = ddbgt_enum_name(DDBGT_ENUM_INSIGHTS_MODE, mode);
	if (!name) {
		ddbgt__jw_bool(w, enabled);
		return;
	}
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "enabled");
	ddbgt__jw_bool(w, enabled);
	ddbgt__jw_key(w, "mode");
	ddbgt__jw_string(w, name);
	ddbgt__jw_object_end(w);
}

int ddbgt__diff_render_region(jw *w, const void *o)
{
	return write_string(w, ddbgt_replica_region(REPLICA(o)));
}

static int r_kms_key(jw *w, const void *o)
{
	return write_string(w, ddbgt_replica_kms_key(REPLICA(o)));
}

static int r_replica_class(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_TABLE_CLASS, ddbgt_replica_effective_table_class(REPLICA(o)));
}

static int r_replica_pitr(jw *w, const void *o)
{
	int64_t days;
	int on = ddbgt_replica_effective_pitr(REPLICA(o));
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "enabled");
	ddbgt__jw_bool(w, on);
	if (on && ddbgt_replica_get_effective_pitr_period(REPLICA(o), &days) == DDBGT_OK) {
		ddbgt__jw_key(w, "recovery_period_days");
		ddbgt__jw_int(w, days);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_replica_deletion_protection(jw *w, const void *o)
{
	ddbgt__jw_bool(w, ddbgt_replica_effective_deletion_protection(REPLICA(o)));
	return 1;
}

static int r_replica_read(jw *w, const void *o)
{
	int64_t units, min, max;
	double target;
	if (ddbgt_replica_get_read_capacity(REPLICA(o), &units) == DDBGT_OK) {
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "units");
		ddbgt__jw_int(w, units);
		ddbgt__jw_object_end(w);
		return 1;
	}
	if (ddbgt_replica_get_read_autoscaling(REPLICA(o), &min, &max, &target) == DDBGT_OK) {
		struct tuning t;
		ddbgt_replica_get_read_autoscaling_tuning(REPLICA(o), &t.scale_in_cooldown,
		                                          &t.scale_out_cooldown, &t.disable_scale_in);
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "autoscaling");
		write_autoscaling_object(w, min, max, target, t);
		ddbgt__jw_object_end(w);
		return 1;
	}
	return 0;
}

static int r_replica_gsi_read(jw *w, const void *o)
{
	const ddbgt_replica *r = REPLICA(o);
	size_t n = ddbgt_replica_gsi_override_count(r);
	if (n == 0)
		return 0;
	ddbgt__jw_object_begin(w);
	for (size_t i = 0; i < n; i++) {
		const char *name = ddbgt_replica_gsi_override_name(r, i);
		int64_t units, min, max;
		double target;
		int enabled;
		ddbgt_insights_mode mode;
		ddbgt__jw_key(w, name);
		ddbgt__jw_object_begin(w);
		if (ddbgt_replica_get_gsi_read_capacity(r, name, &units) == DDBGT_OK) {
			ddbgt__jw_key(w, "units");
			ddbgt__jw_int(w, units);
		} else if (ddbgt_replica_get_gsi_read_autoscaling(r, name, &min, &max, &target) ==
		           DDBGT_OK) {
			struct tuning t;
			ddbgt_replica_get_gsi_read_autoscaling_tuning(r, name, &t.scale_in_cooldown,
			                                              &t.scale_out_cooldown,
			                                              &t.disable_scale_in);
			ddbgt__jw_key(w, "autoscaling");
			write_autoscaling_object(w, min, max, target, t);
		}
		if (ddbgt_replica_get_gsi_on_demand_max_read(r, name, &units) == DDBGT_OK) {
			ddbgt__jw_key(w, "max_read");
			ddbgt__jw_int(w, units);
		}
		if (ddbgt_replica_get_gsi_contributor_insights(r, name, &enabled, &mode) == DDBGT_OK) {
			ddbgt__jw_key(w, "contributor_insights");
			write_insights(w, enabled, mode);
		}
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_replica_insights(jw *w, const void *o)
{
	write_insights(w, ddbgt_replica_contributor_insights(REPLICA(o)) == 1,
	               ddbgt_replica_contributor_insights_mode(REPLICA(o)));
	return 1;
}

static int r_replica_on_demand_max(jw *w, const void *o)
{
	int64_t v = 0;
	int rc = ddbgt_replica_get_on_demand_max_read(REPLICA(o), &v);
	return write_int_if(w, rc, v);
}

static int r_replica_kinesis(jw *w, const void *o)
{
	const char *arn = ddbgt_replica_kinesis_stream_arn(REPLICA(o));
	if (!arn)
		return 0;
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "stream_arn");
	ddbgt__jw_string(w, arn);
	const char *precision = ddbgt_enum_name(DDBGT_ENUM_KINESIS_PRECISION,
	                                        ddbgt_replica_kinesis_stream_precision(REPLICA(o)));
	if (precision) {
		ddbgt__jw_key(w, "approximate_creation_date_time_precision");
		ddbgt__jw_string(w, precision);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

/* The tags AWS puts on this replica: the table's, with the replica's own over them. */
static int r_replica_tags(jw *w, const void *o)
{
	const ddbgt_replica *r = REPLICA(o);
	const ddbgt_table *t = ddbgt_replica_table(r);
	size_t nt = ddbgt_table_tag_count(t), nr = ddbgt_replica_tag_count(r), i = 0, j = 0;
	if (nt + nr == 0)
		return 0;
	ddbgt__jw_object_begin(w);
	while (i < nt || j < nr) {
		const char *kt = i < nt ? ddbgt_table_tag_key(t, i) : NULL;
		const char *kr = j < nr ? ddbgt_replica_tag_key(r, j) : NULL;
		int cmp = !kt ? 1 : !kr ? -1 : strcmp(kt, kr);
		ddbgt__jw_key(w, cmp < 0 ? kt : kr);
		ddbgt__jw_string(w, cmp < 0 ? ddbgt_table_tag_value(t, i) : ddbgt_replica_tag_value(r, j));
		if (cmp <= 0)
			i++;
		if (cmp >= 0)
			j++;
	}
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_replica_role(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_ROLE, ddbgt_replica_effective_role(REPLICA(o)));
}

static int r_replica_resource_policy(jw *w, const void *o)
{
	return write_json(w, ddbgt_replica_resource_policy(REPLICA(o)));
}

static int r_replica_stream_resource_policy(jw *w, const void *o)
{
	return write_json(w, ddbgt_replica_stream_resource_policy(REPLICA(o)));
}

int ddbgt__diff_render_account(jw *w, const void *o)
{
	return write_string(w, ddbgt_replica_account_id(REPLICA(o)));
}

static int r_replica_settings_replication(jw *w, const void *o)
{
	return write_enum(w, DDBGT_ENUM_SETTINGS_REPLICATION,
	                  ddbgt_replica_settings_replication(REPLICA(o)));
}

static int r_replica_provider_role(jw *w, const void *o)
{
	return write_string(w, ddbgt_replica_provider_role_arn(REPLICA(o)));
}

/* Whether the replicas of t span more than one account (NULL: the deploying account). */
static int multi_account(const ddbgt_table *t)
{
	size_t n = ddbgt_table_replica_count(t);
	const char *first = n ? ddbgt_replica_account_id(ddbgt_table_replica_at(t, 0)) : NULL;
	for (size_t i = 1; i < n; i++) {
		const char *a = ddbgt_replica_account_id(ddbgt_table_replica_at(t, i));
		if (a != first && (!a || !first || strcmp(a, first) != 0))
			return 1;
	}
	return 0;
}

int ddbgt__diff_converts_to_multi_account(const ddbgt_table *old_table,
                                          const ddbgt_table *new_table)
{
	return ddbgt_table_replica_count(old_table) >= 2 && !multi_account(old_table) &&
	       multi_account(new_table);
}

/* A same-account table cannot turn multi-account; within one, a replica can change account. */
static ddbgt__diff_rule_id j_replica_account(const void *old_obj, const void *new_obj)
{
	if (ddbgt__diff_converts_to_multi_account(ddbgt_replica_table(REPLICA(old_obj)),
	                                          ddbgt_replica_table(REPLICA(new_obj))))
		return DDBGT__RULE_REPLICA_ACCOUNT_CONVERT;
	return DDBGT__RULE_REPLICA_ACCOUNT;
}

static ddbgt__diff_rule_id j_replica_read(const void *old_obj, const void *new_obj)
{
	int64_t a = 0, b = 0;
	int ra = ddbgt_replica_get_read_capacity(REPLICA(old_obj), &a);
	int rb = ddbgt_replica_get_read_capacity(REPLICA(new_obj), &b);
	return decrease_or(ra, a, rb, b, DDBGT__RULE_REPLICA_READ_CAPACITY,
	                   DDBGT__RULE_REPLICA_READ_DECREASE);
}

/* A move of the primary role is the home-region rule's, reported once. */
static ddbgt__diff_rule_id j_role(const void *old_obj, const void *new_obj)
{
	if (ddbgt_replica_effective_role(REPLICA(old_obj)) == DDBGT_ROLE_PRIMARY ||
	    ddbgt_replica_effective_role(REPLICA(new_obj)) == DDBGT_ROLE_PRIMARY)
		return DDBGT__RULE_SKIP;
	return DDBGT__RULE_ROLE;
}

const struct ddbgt__diff_field ddbgt__diff_replica_fields[] = {
	{"role", r_replica_role, DDBGT__RULE_SKIP, j_role},
	{"kms_key", r_kms_key, DDBGT__RULE_REPLICA_KMS_KEY, NULL},
	{"table_class", r_replica_class, DDBGT__RULE_TABLE_CLASS, NULL},
	{"read_capacity", r_replica_read, DDBGT__RULE_SKIP, j_replica_read},
	{"on_demand/max_read", r_replica_on_demand_max, DDBGT__RULE_REPLICA_ON_DEMAND_MAX, NULL},
	{"global_secondary_indexes", r_replica_gsi_read, DDBGT__RULE_REPLICA_GSI_READ, NULL},
	{"point_in_time_recovery", r_replica_pitr, DDBGT__RULE_PITR, NULL},
	{"deletion_protection", r_replica_deletion_protection, DDBGT__RULE_DELETION_PROTECTION, NULL},
	{"contributor_insights", r_replica_insights, DDBGT__RULE_CONTRIBUTOR_INSIGHTS, NULL},
	{"kinesis_stream", r_replica_kinesis, DDBGT__RULE_KINESIS, NULL},
	{"tags", r_replica_tags, DDBGT__RULE_TAGS, NULL},
	{"resource_policy", r_replica_resource_policy, DDBGT__RULE_RESOURCE_POLICY, NULL},
	{"stream_resource_policy", r_replica_stream_resource_policy, DDBGT__RULE_RESOURCE_POLICY,
	 NULL},
	{"account_id", ddbgt__diff_render_account, DDBGT__RULE_SKIP, j_replica_account},
	{"settings_replication", r_replica_settings_replication, DDBGT__RULE_SETTINGS_REPLICATION,
	 NULL},
	{"provider_role_arn", r_replica_provider_role, DDBGT__RULE_PROVIDER_ROLE, NULL},
};
const size_t ddbgt__diff_replica_field_count =
	sizeof ddbgt__diff_replica_fields / sizeof ddbgt__diff_replica_fields[0];

