/*
 * ddbgt_diff: compare two tables setting by setting. Each setting is a row
 * of a field table (its spec key, how to render its effective value as JSON,
 * and its rule, or a judge that picks the rule by the direction of the
 * change), so a new spec key is one render function and one row.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"
#include "diag_internal.h"
#include "diff_internal.h"
#include "jsonwrite.h"
#include "options.h"

/* Writes the value of a setting of obj into w; 0 when the setting is absent. */
typedef int (*render_fn)(jw *w, const void *obj);
/* Picks the rule of a change from both sides; DDBGT__RULE_SKIP when it is no change of its own. */
typedef ddbgt__diff_rule_id (*judge_fn)(const void *old_obj, const void *new_obj);

struct field {
	const char *key;          /* below the object's JSON Pointer */
	render_fn render;
	ddbgt__diff_rule_id rule; /* when judge is NULL */
	judge_fn judge;
};

struct ctx {
	const ddbgt_table *old_table, *new_table;
	ddbgt_changes *changes;
	jw scratch[2]; /* the old and the new value of the setting being compared */
	int status;
};

/* ---- Rendering values -------------------------------------------------- */

/*
 * Render a setting into one of the two scratch writers of the comparison
 * (reused, so that equal settings cost no allocation); 1 when present.
 */
static int render_scratch(struct ctx *c, jw *w, render_fn fn, const void *obj)
{
	ddbgt__jw_reset(w);
	int present = fn(w, obj);
	if (w->status)
		c->status = w->status;
	return present;
}

/* The value rendered last into w as a string of its own, or NULL (status set). */
static char *scratch_copy(struct ctx *c, const jw *w)
{
	char *s = ddbgt__strndup(w->buf, w->len);
	if (!s)
		c->status = DDBGT_ENOMEM;
	return s;
}

/* A setting as a string of its own; NULL when absent or on failure (status set). */
static char *render_text(struct ctx *c, render_fn fn, const void *obj)
{
	if (!render_scratch(c, &c->scratch[0], fn, obj) || c->status)
		return NULL;
	return scratch_copy(c, &c->scratch[0]);
}

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

static void write_autoscaling_object(jw *w, int64_t min, int64_t max, double target)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "min");
	ddbgt__jw_int(w, min);
	ddbgt__jw_key(w, "max");
	ddbgt__jw_int(w, max);
	ddbgt__jw_key(w, "target_utilization");
	ddbgt__jw_number(w, target);
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
	if (ddbgt_table_get_autoscaling(TABLE(o), rw, &min, &max, &target))
		return 0;
	write_autoscaling_object(w, min, max, target);
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

static const struct field table_fields[] = {
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
	{"stream", r_stream, DDBGT__RULE_SKIP, j_stream},
	{"encryption", r_encryption, DDBGT__RULE_ENCRYPTION, NULL},
	{"ttl_attribute", r_ttl, DDBGT__RULE_SKIP, j_ttl},
};

/* ---- GSI settings ------------------------------------------------------ */

#define GSI(o) ((const ddbgt_gsi *)(o))

static int gsi_key(jw *w, const ddbgt_gsi *g, const char *attribute)
{
	return write_key(w, attribute,
	                 ddbgt_table_find_attribute_type(ddbgt_gsi_table(g), attribute));
}

static int r_gsi_pk(jw *w, const void *o)
{
	return gsi_key(w, GSI(o), ddbgt_gsi_partition_key(GSI(o)));
}

static int r_gsi_sk(jw *w, const void *o)
{
	return gsi_key(w, GSI(o), ddbgt_gsi_sort_key(GSI(o)));
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
	if (ddbgt_gsi_get_autoscaling(GSI(o), rw, &min, &max, &target))
		return 0;
	write_autoscaling_object(w, min, max, target);
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

static const struct field gsi_fields[] = {
	{"partition_key", r_gsi_pk, DDBGT__RULE_GSI_REBUILD, NULL},
	{"sort_key", r_gsi_sk, DDBGT__RULE_GSI_REBUILD, NULL},
	{"projection", r_gsi_projection, DDBGT__RULE_GSI_REBUILD, NULL},
	{"non_key_attributes", r_gsi_non_key, DDBGT__RULE_GSI_REBUILD, NULL},
	{"capacity/read", r_gsi_read, DDBGT__RULE_SKIP, j_gsi_read},
	{"capacity/write", r_gsi_write, DDBGT__RULE_SKIP, j_gsi_write},
	{"capacity/read_autoscaling", r_gsi_read_autoscaling, DDBGT__RULE_AUTOSCALING, NULL},
	{"capacity/write_autoscaling", r_gsi_write_autoscaling, DDBGT__RULE_AUTOSCALING, NULL},
	{"on_demand/max_read", r_gsi_max_read, DDBGT__RULE_GSI_ON_DEMAND_MAX, NULL},
	{"on_demand/max_write", r_gsi_max_write, DDBGT__RULE_GSI_ON_DEMAND_MAX, NULL},
};

/* A whole GSI, for one that is created or deleted. */
static int r_gsi(jw *w, const void *o)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "name");
	ddbgt__jw_string(w, ddbgt_gsi_name(GSI(o)));
	for (size_t i = 0; i < 4; i++) {
		ddbgt__jw_key(w, gsi_fields[i].key);
		if (!gsi_fields[i].render(w, o))
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

static int r_lsi(jw *w, const void *o)
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

static int r_replica_region(jw *w, const void *o)
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
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "autoscaling");
		write_autoscaling_object(w, min, max, target);
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
		ddbgt__jw_key(w, name);
		ddbgt__jw_object_begin(w);
		if (ddbgt_replica_get_gsi_read_capacity(r, name, &units) == DDBGT_OK) {
			ddbgt__jw_key(w, "units");
			ddbgt__jw_int(w, units);
		} else if (ddbgt_replica_get_gsi_read_autoscaling(r, name, &min, &max, &target) ==
		           DDBGT_OK) {
			ddbgt__jw_key(w, "autoscaling");
			write_autoscaling_object(w, min, max, target);
		}
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
	return 1;
}

static int r_replica_insights(jw *w, const void *o)
{
	ddbgt__jw_bool(w, ddbgt_replica_contributor_insights(REPLICA(o)) == 1);
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

static const struct field replica_fields[] = {
	{"role", r_replica_role, DDBGT__RULE_SKIP, j_role},
	{"kms_key", r_kms_key, DDBGT__RULE_REPLICA_KMS_KEY, NULL},
	{"table_class", r_replica_class, DDBGT__RULE_TABLE_CLASS, NULL},
	{"read_capacity", r_replica_read, DDBGT__RULE_SKIP, j_replica_read},
	{"global_secondary_indexes", r_replica_gsi_read, DDBGT__RULE_REPLICA_GSI_READ, NULL},
	{"point_in_time_recovery", r_replica_pitr, DDBGT__RULE_PITR, NULL},
	{"deletion_protection", r_replica_deletion_protection, DDBGT__RULE_DELETION_PROTECTION, NULL},
	{"contributor_insights", r_replica_insights, DDBGT__RULE_CONTRIBUTOR_INSIGHTS, NULL},
	{"tags", r_replica_tags, DDBGT__RULE_TAGS, NULL},
};

/* ---- Collecting changes ------------------------------------------------- */

static char *format(const char *fmt, ...) DDBGT__PRINTF(1, 2);
static char *format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *s = ddbgt__malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/*
 * Append a change. Takes the value texts (freed on failure); extra, when
 * not NULL, is appended to the rule's reason.
 */
static void add(struct ctx *c, ddbgt__diff_rule_id rule, const char *path, const char *region,
                const char *group, char *old_value, char *new_value, const char *extra)
{
	ddbgt_changes *ch = c->changes;
	const ddbgt__diff_rule *r = ddbgt__diff_rule_get(rule);
	if (c->status || !path ||
	    ddbgt__grow((void **)&ch->items, &ch->cap, ch->count + 1, sizeof ch->items[0])) {
		ddbgt__free(old_value);
		ddbgt__free(new_value);
		c->status = DDBGT_ENOMEM;
		return;
	}
	struct ddbgt__change *x = &ch->items[ch->count];
	memset(x, 0, sizeof *x);
	x->rule = rule;
	x->old_value = old_value;
	x->new_value = new_value;
	x->path = ddbgt__strdup(path);
	x->region = ddbgt__strdup(region);
	x->group = ddbgt__strdup(group);
	x->reason = extra ? format("%s; %s", r->reason, extra) : ddbgt__strdup(r->reason);
	ch->count++;
	if (!x->path || (region && !x->region) || (group && !x->group) || !x->reason)
		c->status = DDBGT_ENOMEM;
}

static void compare_fields(struct ctx *c, const struct field *fields, size_t n,
                           const void *old_obj, const void *new_obj, const char *base,
                           const char *region, const char *group)
{
	for (size_t i = 0; i < n && !c->status; i++) {
		const jw *wa = &c->scratch[0], *wb = &c->scratch[1];
		int pa = render_scratch(c, &c->scratch[0], fields[i].render, old_obj);
		int pb = render_scratch(c, &c->scratch[1], fields[i].render, new_obj);
		if (c->status)
			return;
		if (pa == pb && (!pa || (wa->len == wb->len && memcmp(wa->buf, wb->buf, wa->len) == 0)))
			continue;
		ddbgt__diff_rule_id rule =
			fields[i].judge ? fields[i].judge(old_obj, new_obj) : fields[i].rule;
		if (rule == DDBGT__RULE_SKIP)
			continue;
		char *a = pa ? scratch_copy(c, wa) : NULL;
		char *b = pb ? scratch_copy(c, wb) : NULL;
		char path[512];
		snprintf(path, sizeof path, "%s%s%s", base, fields[i].key[0] ? "/" : "", fields[i].key);
		add(c, rule, path, region, group, a, b, NULL);
	}
}

static void added_or_removed(struct ctx *c, ddbgt__diff_rule_id rule, render_fn fn,
                             const void *obj, int added, const char *path, const char *region,
                             const char *group, const char *extra)
{
	char *text = render_text(c, fn, obj);
	add(c, rule, path, region, group, added ? NULL : text, added ? text : NULL, extra);
}

/*
 * Lists are matched by name (GSIs, LSIs) or region (replicas). A name given
 * twice, which the validator reports, matches its k-th use on the other side.
 */
struct list_kind {
	size_t (*count)(const ddbgt_table *t);
	const void *(*at)(const ddbgt_table *t, size_t i);
	const char *(*name)(const void *item);
};

static const void *counterpart(const struct list_kind *k, const ddbgt_table *self,
                               const ddbgt_table *other, size_t i)
{
	const char *name = k->name(k->at(self, i));
	size_t nth = 0;
	for (size_t j = 0; j < i; j++)
		nth += strcmp(k->name(k->at(self, j)), name) == 0;
	for (size_t j = 0; j < k->count(other); j++) {
		const void *item = k->at(other, j);
		if (strcmp(k->name(item), name) == 0 && nth-- == 0)
			return item;
	}
	return NULL;
}

static const void *gsi_at(const ddbgt_table *t, size_t i)
{
	return ddbgt_table_gsi_at(t, i);
}

static const char *gsi_name(const void *item)
{
	return ddbgt_gsi_name(item);
}

static const void *lsi_at(const ddbgt_table *t, size_t i)
{
	return ddbgt_table_lsi_at(t, i);
}

static const char *lsi_name(const void *item)
{
	return ddbgt_lsi_name(item);
}

static const void *replica_at(const ddbgt_table *t, size_t i)
{
	return ddbgt_table_replica_at(t, i);
}

static const char *replica_region(const void *item)
{
	return ddbgt_replica_region(item);
}

static const struct list_kind gsis = {ddbgt_table_gsi_count, gsi_at, gsi_name};
static const struct list_kind lsis = {ddbgt_table_lsi_count, lsi_at, lsi_name};
static const struct list_kind replicas = {ddbgt_table_replica_count, replica_at, replica_region};

static void compare_gsis(struct ctx *c)
{
	const ddbgt_table *o = c->old_table, *n = c->new_table;
	char path[320];
	for (size_t i = 0; i < ddbgt_table_gsi_count(o) && !c->status; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(o, i);
		if (counterpart(&gsis, o, n, i))
			continue;
		snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu", i);
		added_or_removed(c, DDBGT__RULE_GSI_DELETE, r_gsi, g, 0, path, NULL, ddbgt_gsi_name(g),
		                 NULL);
	}
	for (size_t i = 0; i < ddbgt_table_gsi_count(n) && !c->status; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(n, i);
		const ddbgt_gsi *before = counterpart(&gsis, n, o, i);
		snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu", i);
		if (!before)
			added_or_removed(c, DDBGT__RULE_GSI_CREATE, r_gsi, g, 1, path, NULL,
			                 ddbgt_gsi_name(g), NULL);
		else
			compare_fields(c, gsi_fields, sizeof gsi_fields / sizeof gsi_fields[0], before, g,
			               path, NULL, ddbgt_gsi_name(g));
	}
}

static void compare_lsis(struct ctx *c)
{
	const ddbgt_table *o = c->old_table, *n = c->new_table;
	char path[320];
	for (size_t i = 0; i < ddbgt_table_lsi_count(o) && !c->status; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(o, i);
		if (counterpart(&lsis, o, n, i))
			continue;
		snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu", i);
		added_or_removed(c, DDBGT__RULE_LSI, r_lsi, l, 0, path, NULL, NULL, NULL);
	}
	for (size_t i = 0; i < ddbgt_table_lsi_count(n) && !c->status; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(n, i);
		const ddbgt_lsi *before = counterpart(&lsis, n, o, i);
		snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu", i);
		if (!before)
			added_or_removed(c, DDBGT__RULE_LSI, r_lsi, l, 1, path, NULL, NULL, NULL);
		else
			compare_fields(c, &(struct field){"", r_lsi, DDBGT__RULE_LSI, NULL}, 1, before, l,
			               path, NULL, NULL);
	}
}

static int is_strong(const ddbgt_table *t)
{
	return ddbgt_table_consistency(t) == DDBGT_CONSISTENCY_STRONG;
}

/* What AWS needs before it creates a replica of the NEW table in region. */
static char *replica_prerequisites(const ddbgt_table *t, const ddbgt_replica *r)
{
	const char *kms = ddbgt_replica_kms_key(r);
	int cmk = ddbgt_table_encryption(t) == DDBGT_ENCRYPTION_CUSTOMER_MANAGED;
	int provisioned = ddbgt_table_billing_mode(t) == DDBGT_BILLING_PROVISIONED;
	return format("before it: %s%s%s%s%sthe settings that are synchronized equal in every region",
	              provisioned ? "write auto scaling on the table and on every GSI, " : "",
	              cmk ? "a customer managed key in " : "", cmk ? ddbgt_replica_region(r) : "",
	              cmk ? (kms ? " (kms_key given), " : " (no kms_key given yet), ") : "",
	              "the stream on (AWS turns it on with NEW_AND_OLD_IMAGES if it is off), ");
}

static ddbgt__diff_rule_id membership_rule(const struct ctx *c, ddbgt__diff_rule_id plain)
{
	if (is_strong(c->old_table) || is_strong(c->new_table))
		return DDBGT__RULE_REPLICA_STRONG;
	if (ddbgt_table_legacy_version(c->old_table))
		return DDBGT__RULE_REPLICA_LEGACY;
	return plain;
}

static void compare_replicas(struct ctx *c)
{
	const ddbgt_table *o = c->old_table, *n = c->new_table;
	const ddbgt_replica *old_home = ddbgt_table_primary_replica(o);
	const ddbgt_replica *new_home = ddbgt_table_primary_replica(n);
	const char *old_home_region = old_home ? ddbgt_replica_region(old_home) : NULL;
	const char *new_home_region = new_home ? ddbgt_replica_region(new_home) : NULL;
	int moved = old_home_region && new_home_region && strcmp(old_home_region, new_home_region);
	char path[320];

	if (moved) {
		size_t at = 0;
		while (ddbgt_table_replica_at(n, at) != new_home)
			at++;
		snprintf(path, sizeof path, "/replicas/%zu", at);
		char *a = render_text(c, r_replica_region, old_home);
		char *b = render_text(c, r_replica_region, new_home);
		add(c, DDBGT__RULE_HOME_REGION, path, new_home_region, NULL, a, b, NULL);
	}
	for (size_t i = 0; i < ddbgt_table_replica_count(o) && !c->status; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(o, i);
		const char *region = ddbgt_replica_region(r);
		if (counterpart(&replicas, o, n, i) || (moved && r == old_home))
			continue;
		snprintf(path, sizeof path, "/replicas/%zu", i);
		ddbgt__diff_rule_id rule = membership_rule(c, DDBGT__RULE_REPLICA_REMOVE);
		const char *extra = rule == DDBGT__RULE_REPLICA_REMOVE &&
		                                    ddbgt_replica_effective_deletion_protection(r)
		                            ? "deletion protection is on: it is turned off first (a "
		                              "protected replica refuses the delete)"
		                            : NULL;
		added_or_removed(c, rule, r_replica_region, r, 0, path, region, region, extra);
	}
	for (size_t i = 0; i < ddbgt_table_replica_count(n) && !c->status; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(n, i);
		const char *region = ddbgt_replica_region(r);
		const ddbgt_replica *before = counterpart(&replicas, n, o, i);
		snprintf(path, sizeof path, "/replicas/%zu", i);
		if (before) {
			compare_fields(c, replica_fields, sizeof replica_fields / sizeof replica_fields[0],
			               before, r, path, region, region);
			continue;
		}
		if (moved && r == new_home)
			continue;
		ddbgt__diff_rule_id rule = membership_rule(c, DDBGT__RULE_REPLICA_ADD);
		char *extra = NULL;
		if (rule == DDBGT__RULE_REPLICA_ADD && !(extra = replica_prerequisites(n, r))) {
			c->status = DDBGT_ENOMEM;
			return;
		}
		added_or_removed(c, rule, r_replica_region, r, 1, path, region, region, extra);
		ddbgt__free(extra);
	}
}

/* One finding per change that is more than a plain in-place update. */
static int report(const ddbgt_changes *ch, const ddbgt_diff_options *opts, ddbgt_diags *diags)
{
	for (size_t i = 0; i < ch->count; i++) {
		const struct ddbgt__change *x = &ch->items[i];
		const ddbgt__diff_rule *r = ddbgt__diff_rule_get(x->rule);
		ddbgt_code code;
		ddbgt_severity sev;
		switch (r->cls) {
		case DDBGT_CHANGE_REPLACE:
			code = DDBGT_E_DIFF_REPLACE;
			sev = opts->allow_replace ? DDBGT_SEVERITY_WARNING : DDBGT_SEVERITY_ERROR;
			break;
		case DDBGT_CHANGE_REFUSED:
			code = DDBGT_E_DIFF_REFUSED;
			sev = DDBGT_SEVERITY_ERROR;
			break;
		case DDBGT_CHANGE_RATE_LIMITED:
			code = DDBGT_W_DIFF_RATE_LIMITED;
			sev = DDBGT_SEVERITY_WARNING;
			break;
		case DDBGT_CHANGE_REPLICA_ADD:
		case DDBGT_CHANGE_REPLICA_REMOVE:
			code = DDBGT_I_DIFF_REPLICA;
			sev = DDBGT_SEVERITY_INFO;
			break;
		default:
			continue;
		}
		int rc = ddbgt__diag_add_sevf(diags, code, sev, x->path, x->region, "%s: %s%s%s (%s)",
		                              r->name, x->reason, r->limit ? "; limit: " : "",
		                              r->limit ? r->limit : "", r->source);
		if (rc)
			return rc;
	}
	return DDBGT_OK;
}

/* The bytes each options version has (options.h). */
static const size_t diff_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_diff_options, allow_replace),
};

#define DIFF_OPTIONS_VERSIONS (sizeof diff_options_ends / sizeof diff_options_ends[0])
_Static_assert(DIFF_OPTIONS_VERSIONS == DDBGT_DIFF_OPTIONS_VERSION, "one end per version");

DDBGT_API int ddbgt_diff_options_init(ddbgt_diff_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, diff_options_ends, DIFF_OPTIONS_VERSIONS);
}

DDBGT_API int ddbgt_diff(ddbgt_changes **out, const ddbgt_table *old_table,
                         const ddbgt_table *new_table, const ddbgt_diff_options *opts,
                         ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!old_table || !new_table)
		return DDBGT_EINVAL;
	ddbgt_diff_options o = DDBGT_DIFF_OPTIONS_INIT;
	if (opts) {
		int rc = ddbgt__options_read_said(&o, sizeof o, opts, diff_options_ends,
		                                  DIFF_OPTIONS_VERSIONS, "diff options", diags);
		if (rc)
			return rc;
	}

	struct ctx c = {old_table, new_table, ddbgt__calloc(1, sizeof(ddbgt_changes)), {{0}}, 0};
	ddbgt__jw_init(&c.scratch[0], 1, 256);
	ddbgt__jw_init(&c.scratch[1], 1, 256);
	if (!c.changes || c.scratch[0].status || c.scratch[1].status)
		c.status = DDBGT_ENOMEM;
	compare_fields(&c, table_fields, sizeof table_fields / sizeof table_fields[0], old_table,
	               new_table, "/table", NULL, NULL);
	compare_lsis(&c);
	compare_gsis(&c);
	compare_replicas(&c);
	if (!c.status)
		c.status = ddbgt__diff_plan(c.changes, old_table, new_table);
	if (!c.status && diags)
		c.status = report(c.changes, &o, diags);
	ddbgt__jw_release(&c.scratch[0]);
	ddbgt__jw_release(&c.scratch[1]);
	if (c.status) {
		ddbgt_changes_free(c.changes);
		return c.status;
	}
	*out = c.changes;
	return DDBGT_OK;
}
