/*
 * The spec loader: a "ddbgt/1" document into a table handle.
 *
 * It checks shape only (syntax, keys, JSON types, enumerations, numbers that
 * do not fit) and reports every finding with a JSON Pointer path, without
 * stopping at the first. Values that are well-formed but wrong for AWS go
 * into the model untouched, for the validator.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "diag_internal.h"
#include "jsonread.h"
#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "ddbgt/replica.h"
#include "ddbgt/spec.h"
#include "spec_keys.h"

/* Deeper documents are refused before they reach the model. */
#define MAX_DEPTH 64

/* One step of the JSON Pointer: a key, or an array index when key is NULL. */
struct segment {
	const char *key;
	size_t index;
};

struct loader {
	ddbgt_diags *diags;
	size_t errors;
	int status; /* first DDBGT_ENOMEM (or other hard failure) seen */
	const jr_value *at; /* the value findings point at, for line and column */
	/*
	 * The path of the value being read, as steps; the JSON Pointer string is
	 * built only when a finding needs it. The reader caps nesting at
	 * MAX_DEPTH, and each level adds one step at a time.
	 */
	struct segment steps[MAX_DEPTH + 8];
	size_t depth;
	char *path;
	size_t path_cap;
};

/* --- the JSON Pointer of the value being read ------------------------------ */

static size_t path_push(struct loader *L, const char *key)
{
	size_t mark = L->depth;
	if (L->depth < sizeof L->steps / sizeof L->steps[0])
		L->steps[L->depth++] = (struct segment){key, 0};
	return mark;
}

static size_t path_push_index(struct loader *L, size_t i)
{
	size_t mark = L->depth;
	if (L->depth < sizeof L->steps / sizeof L->steps[0])
		L->steps[L->depth++] = (struct segment){NULL, i};
	return mark;
}

static void path_pop(struct loader *L, size_t mark)
{
	if (mark <= L->depth)
		L->depth = mark;
}

/* The JSON Pointer (RFC 6901) of the current value; NULL when memory ran out. */
static const char *cur_path(struct loader *L)
{
	size_t need = 1;
	for (size_t i = 0; i < L->depth; i++)
		need += 1 + (L->steps[i].key ? 2 * strlen(L->steps[i].key) : 20);
	if (ddbgt__grow((void **)&L->path, &L->path_cap, need, 1))
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < L->depth; i++) {
		L->path[n++] = '/';
		const char *k = L->steps[i].key;
		if (!k) {
			n += (size_t)snprintf(L->path + n, 21, "%zu", L->steps[i].index);
			continue;
		}
		for (; *k; k++) {
			/* "~" is written "~0" and "/" is written "~1". */
			if (*k == '~' || *k == '/') {
				L->path[n++] = '~';
				L->path[n++] = *k == '~' ? '0' : '1';
			} else {
				L->path[n++] = *k;
			}
		}
	}
	L->path[n] = '\0';
	return L->path;
}

/* --- reporting ------------------------------------------------------------ */

static void report(struct loader *L, ddbgt_code code, const char *fmt, const char *a,
                   const char *b)
{
	if (ddbgt_code_severity(code) == DDBGT_SEVERITY_ERROR)
		L->errors++;
	if (!L->diags)
		return;
	int line = L->at ? L->at->line : 0, column = L->at ? L->at->column : 0;
	const char *path = cur_path(L);
	if (!path || ddbgt__diag_add_posf(L->diags, code, path, NULL, line, column, fmt,
	                                  a ? a : "", b ? b : ""))
		L->status = DDBGT_ENOMEM;
}

static void setter(struct loader *L, int rc)
{
	/* The loader checks values before it sets them: only memory can fail here. */
	if (rc && !L->status)
		L->status = rc;
}

static const char *type_name(const jr_value *v)
{
	switch (v->type) {
	case JR_OBJECT: return "an object";
	case JR_ARRAY: return "an array";
	case JR_STRING: return "a string";
	case JR_INT: return "an integer";
	case JR_REAL: return "a number";
	case JR_TRUE:
	case JR_FALSE: return "a boolean";
	default: return "null";
	}
}

/* type JR_TRUE stands for either boolean. */
static int expect(struct loader *L, const jr_value *v, jr_type type, const char *what)
{
	L->at = v;
	if (v->type == type || (type == JR_TRUE && v->type == JR_FALSE))
		return 1;
	report(L, DDBGT_E_SPEC_TYPE, "must be %s, not %s", what, type_name(v));
	return 0;
}

/* Report every key of obj not in allowed. */
static void check_keys(struct loader *L, const jr_value *obj, const char *const *allowed)
{
	const char *key;
	const jr_value *value;
	size_t key_i;
	JR_OBJECT_FOREACH(obj, key_i, key, value) {
		int known = 0;
		for (size_t i = 0; allowed[i] && !known; i++)
			known = strcmp(allowed[i], key) == 0;
		if (!known) {
			size_t mark = path_push(L, key);
			L->at = value;
			report(L, DDBGT_E_SPEC_UNKNOWN_KEY,
			       "unknown key \"%s\": spec format 1 does not define it here%s", key,
			       NULL);
			path_pop(L, mark);
		}
	}
}

/*
 * Look up key in obj. Returns the value, or NULL when absent (reported if
 * required). The path is pushed for the caller, who pops it with *mark.
 */
static const jr_value *member(struct loader *L, const jr_value *obj, const char *key,
                             int required, size_t *mark)
{
	const jr_value *v = ddbgt__jr_get(obj, key);
	*mark = path_push(L, key);
	L->at = v ? v : obj;
	if (!v && required)
		report(L, DDBGT_E_SPEC_MISSING_KEY, "the required key \"%s\" is missing%s", key,
		       NULL);
	return v;
}

/* --- typed readers: each returns 1 with *out set, 0 after reporting -------- */

static int read_string(struct loader *L, const jr_value *v, const char **out)
{
	if (!expect(L, v, JR_STRING, "a string"))
		return 0;
	*out = v->u.str.s;
	if (strlen(*out) != v->u.str.len) {
		report(L, DDBGT_E_SPEC_ENCODING, "a string must not contain a NUL character%s%s",
		       NULL, NULL);
		return 0;
	}
	return 1;
}

static int read_bool(struct loader *L, const jr_value *v, int *out)
{
	if (!expect(L, v, JR_TRUE, "a boolean (true or false)"))
		return 0;
	*out = v->type == JR_TRUE;
	return 1;
}

static int read_int(struct loader *L, const jr_value *v, int64_t *out)
{
	L->at = v;
	if (v->type == JR_REAL) {
		report(L, DDBGT_E_SPEC_TYPE, "must be a whole number%s%s", NULL, NULL);
		return 0;
	}
	if (!expect(L, v, JR_INT, "an integer"))
		return 0;
	*out = v->u.i;
	return 1;
}

static int read_number(struct loader *L, const jr_value *v, double *out)
{
	L->at = v;
	if (!ddbgt__jr_is_number(v)) {
		report(L, DDBGT_E_SPEC_TYPE, "must be a number, not %s%s", type_name(v), NULL);
		return 0;
	}
	*out = ddbgt__jr_number(v);
	return 1;
}

/* A number that the usage profile accepts: finite and not negative. */
static int read_amount(struct loader *L, const jr_value *v, double *out)
{
	if (!read_number(L, v, out))
		return 0;
	if (!isfinite(*out) || *out < 0) {
		report(L, DDBGT_E_SPEC_NUMBER_RANGE, "must be zero or more%s%s", NULL, NULL);
		return 0;
	}
	return 1;
}

/* A string of an enumeration; bad values are reported with bad_code. */
static int read_enum(struct loader *L, const jr_value *v, ddbgt_enum_kind kind,
                     ddbgt_code bad_code, int *out)
{
	const char *s;
	if (!read_string(L, v, &s))
		return 0;
	if (ddbgt_enum_parse(kind, s, out) == DDBGT_OK)
		return 1;
	char allowed[160] = "";
	for (int i = 0; ddbgt_enum_name(kind, i) || i == 0; i++) {
		const char *name = ddbgt_enum_name(kind, i);
		if (!name)
			continue;
		size_t used = strlen(allowed);
		snprintf(allowed + used, sizeof allowed - used, "%s%s", used ? ", " : "", name);
	}
	report(L, bad_code, "\"%s\" is not one of: %s", s, allowed);
	return 0;
}

/* --- objects of the spec --------------------------------------------------- */

/* {"name": s, "type": "S"|"N"|"B"} of the table's keys. */
static int read_key(struct loader *L, const jr_value *v, const char **name, int *type)
{
	if (!expect(L, v, JR_OBJECT, "an object {\"name\", \"type\"}"))
		return 0;
	check_keys(L, v, SPEC_KEYS_KEY);
	size_t m;
	int ok = 1;
	const jr_value *n = member(L, v, "name", 1, &m);
	ok &= n && read_string(L, n, name);
	path_pop(L, m);
	const jr_value *t = member(L, v, "type", 1, &m);
	ok &= t && read_enum(L, t, DDBGT_ENUM_ATTR_TYPE, DDBGT_E_ATTR_TYPE_INVALID, type);
	path_pop(L, m);
	return ok;
}

struct autoscaling {
	int64_t min, max;
	double target;
};

static int read_autoscaling(struct loader *L, const jr_value *v, struct autoscaling *a)
{
	if (!expect(L, v, JR_OBJECT, "an object {\"min\", \"max\", \"target_utilization\"}"))
		return 0;
	check_keys(L, v, SPEC_KEYS_AUTOSCALING);
	size_t m;
	int ok = 1;
	const jr_value *x = member(L, v, "min", 1, &m);
	ok &= x && read_int(L, x, &a->min);
	path_pop(L, m);
	x = member(L, v, "max", 1, &m);
	ok &= x && read_int(L, x, &a->max);
	path_pop(L, m);
	x = member(L, v, "target_utilization", 1, &m);
	ok &= x && read_number(L, x, &a->target);
	path_pop(L, m);
	return ok;
}

/* The capacity and on_demand objects of a table or GSI, set through these. */
struct throughput_setters {
	void *obj;
	int (*set_capacity)(void *obj, ddbgt_rw rw, int64_t units);
	int (*set_autoscaling)(void *obj, ddbgt_rw rw, int64_t min, int64_t max, double target);
	int (*set_on_demand_max)(void *obj, ddbgt_rw rw, int64_t units);
};

static void read_capacity(struct loader *L, const jr_value *v, const struct throughput_setters *s)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_CAPACITY);
	static const char *const units_keys[] = {"read", "write"};
	static const char *const auto_keys[] = {"read_autoscaling", "write_autoscaling"};
	for (int rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		size_t m;
		int64_t units;
		const jr_value *x = member(L, v, units_keys[rw], 0, &m);
		if (x && read_int(L, x, &units))
			setter(L, s->set_capacity(s->obj, (ddbgt_rw)rw, units));
		path_pop(L, m);
		struct autoscaling a;
		x = member(L, v, auto_keys[rw], 0, &m);
		if (x && read_autoscaling(L, x, &a))
			setter(L, s->set_autoscaling(s->obj, (ddbgt_rw)rw, a.min, a.max, a.target));
		path_pop(L, m);
	}
}

static void read_on_demand(struct loader *L, const jr_value *v, const struct throughput_setters *s)
{
	if (!expect(L, v, JR_OBJECT, "an object {\"max_read\", \"max_write\"}"))
		return;
	check_keys(L, v, SPEC_KEYS_ON_DEMAND);
	if (v->u.obj.count == 0)
		report(L, DDBGT_E_ONDEMAND_MAX_EMPTY,
		       "on_demand sets neither max_read nor max_write: give one or remove it%s%s",
		       NULL, NULL);
	static const char *const keys[] = {"max_read", "max_write"};
	for (int rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		size_t m;
		int64_t units;
		const jr_value *x = member(L, v, keys[rw], 0, &m);
		if (x && read_int(L, x, &units))
			setter(L, s->set_on_demand_max(s->obj, (ddbgt_rw)rw, units));
		path_pop(L, m);
	}
}

static int table_set_capacity(void *o, ddbgt_rw rw, int64_t u)
{
	return ddbgt_table_set_capacity(o, rw, u);
}
static int table_set_autoscaling(void *o, ddbgt_rw rw, int64_t a, int64_t b, double t)
{
	return ddbgt_table_set_autoscaling(o, rw, a, b, t);
}
static int table_set_on_demand_max(void *o, ddbgt_rw rw, int64_t u)
{
	return ddbgt_table_set_on_demand_max(o, rw, u);
}
static int gsi_set_capacity(void *o, ddbgt_rw rw, int64_t u)
{
	return ddbgt_gsi_set_capacity(o, rw, u);
}
static int gsi_set_autoscaling(void *o, ddbgt_rw rw, int64_t a, int64_t b, double t)
{
	return ddbgt_gsi_set_autoscaling(o, rw, a, b, t);
}
static int gsi_set_on_demand_max(void *o, ddbgt_rw rw, int64_t u)
{
	return ddbgt_gsi_set_on_demand_max(o, rw, u);
}

/* An array of strings, each passed to add(obj, s). */
static void read_string_list(struct loader *L, const jr_value *v, void *obj,
                             int (*add)(void *obj, const char *s))
{
	if (!expect(L, v, JR_ARRAY, "an array of strings"))
		return;
	size_t i;
	const jr_value *x;
	JR_ARRAY_FOREACH(v, i, x) {
		size_t m = path_push_index(L, i);
		const char *s;
		if (read_string(L, x, &s))
			setter(L, add(obj, s));
		path_pop(L, m);
	}
}

/* An object of string values, each passed to set(obj, key, value). */
static void read_string_map(struct loader *L, const jr_value *v, void *obj,
                            int (*set)(void *obj, const char *key, const char *value))
{
	if (!expect(L, v, JR_OBJECT, "an object of strings"))
		return;
	const char *key;
	const jr_value *x;
	size_t key_i;
	JR_OBJECT_FOREACH(v, key_i, key, x) {
		size_t m = path_push(L, key);
		const char *s;
		if (read_string(L, x, &s))
			setter(L, set(obj, key, s));
		path_pop(L, m);
	}
}

static int gsi_add_nka(void *o, const char *s)
{
	return ddbgt_gsi_add_non_key_attribute(o, s);
}
static int lsi_add_nka(void *o, const char *s)
{
	return ddbgt_lsi_add_non_key_attribute(o, s);
}
static int table_set_tag(void *o, const char *k, const char *v)
{
	return ddbgt_table_set_tag(o, k, v);
}
static int replica_set_tag(void *o, const char *k, const char *v)
{
	return ddbgt_replica_set_tag(o, k, v);
}
static int policy_add_region(void *o, const char *s)
{
	return ddbgt_policy_add_allowed_region(o, s);
}
static int policy_add_jurisdiction(void *o, const char *s)
{
	return ddbgt_policy_add_jurisdiction(o, s);
}

static void read_projection(struct loader *L, const jr_value *obj, void *index,
                            int (*set)(void *, ddbgt_projection),
                            int (*add)(void *, const char *))
{
	size_t m;
	int e;
	const jr_value *x = member(L, obj, "projection", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_PROJECTION, DDBGT_E_PROJECTION_TYPE_INVALID, &e))
		setter(L, set(index, (ddbgt_projection)e));
	path_pop(L, m);
	x = member(L, obj, "non_key_attributes", 0, &m);
	if (x)
		read_string_list(L, x, index, add);
	path_pop(L, m);
}

static int gsi_set_projection(void *o, ddbgt_projection p)
{
	return ddbgt_gsi_set_projection(o, p);
}
static int lsi_set_projection(void *o, ddbgt_projection p)
{
	return ddbgt_lsi_set_projection(o, p);
}

static void read_gsi(struct loader *L, ddbgt_table *t, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_GSI);
	size_t m;
	const char *name = NULL, *s;
	const jr_value *x = member(L, v, "name", 1, &m);
	if (x)
		read_string(L, x, &name);
	path_pop(L, m);
	ddbgt_gsi *g = NULL;
	if (ddbgt_gsi_new(&g, name ? name : "")) {
		L->status = DDBGT_ENOMEM;
		return;
	}
	x = member(L, v, "partition_key", 1, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_gsi_set_partition_key(g, s));
	path_pop(L, m);
	x = member(L, v, "sort_key", 0, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_gsi_set_sort_key(g, s));
	path_pop(L, m);
	read_projection(L, v, g, gsi_set_projection, gsi_add_nka);
	struct throughput_setters ts = {g, gsi_set_capacity, gsi_set_autoscaling,
	                                gsi_set_on_demand_max};
	x = member(L, v, "capacity", 0, &m);
	if (x)
		read_capacity(L, x, &ts);
	path_pop(L, m);
	x = member(L, v, "on_demand", 0, &m);
	if (x)
		read_on_demand(L, x, &ts);
	path_pop(L, m);
	if (ddbgt_table_add_gsi(t, g)) {
		ddbgt_gsi_free(g);
		L->status = DDBGT_ENOMEM;
	}
}

static void read_lsi(struct loader *L, ddbgt_table *t, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_LSI);
	size_t m;
	const char *name = NULL, *s;
	const jr_value *x = member(L, v, "name", 1, &m);
	if (x)
		read_string(L, x, &name);
	path_pop(L, m);
	ddbgt_lsi *l = NULL;
	if (ddbgt_lsi_new(&l, name ? name : "")) {
		L->status = DDBGT_ENOMEM;
		return;
	}
	x = member(L, v, "sort_key", 1, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_lsi_set_sort_key(l, s));
	path_pop(L, m);
	read_projection(L, v, l, lsi_set_projection, lsi_add_nka);
	if (ddbgt_table_add_lsi(t, l)) {
		ddbgt_lsi_free(l);
		L->status = DDBGT_ENOMEM;
	}
}

/* Call each(L, t, element) for every element of an array member. */
static void read_array(struct loader *L, const jr_value *obj, const char *key, int required,
                       ddbgt_table *t,
                       void (*each)(struct loader *, ddbgt_table *, const jr_value *))
{
	size_t m;
	const jr_value *v = member(L, obj, key, required, &m);
	if (v && expect(L, v, JR_ARRAY, "an array")) {
		size_t i;
		const jr_value *x;
		JR_ARRAY_FOREACH(v, i, x) {
			size_t mi = path_push_index(L, i);
			each(L, t, x);
			path_pop(L, mi);
		}
	}
	path_pop(L, m);
}

static void read_attribute(struct loader *L, ddbgt_table *t, const jr_value *v)
{
	const char *name;
	int type;
	if (read_key(L, v, &name, &type))
		setter(L, ddbgt_table_add_attribute(t, name, (ddbgt_attr_type)type));
}

/* {"enabled": b, "recovery_period_days": n} for the table or a replica. */
static void read_pitr(struct loader *L, const jr_value *v, void *obj,
                      int (*set)(void *, int), int (*set_period)(void *, int64_t))
{
	if (!expect(L, v, JR_OBJECT, "an object {\"enabled\", \"recovery_period_days\"}"))
		return;
	check_keys(L, v, SPEC_KEYS_PITR);
	size_t m;
	int b;
	int64_t days;
	const jr_value *x = member(L, v, "enabled", 1, &m);
	if (x && read_bool(L, x, &b))
		setter(L, set(obj, b));
	path_pop(L, m);
	x = member(L, v, "recovery_period_days", 0, &m);
	if (x && read_int(L, x, &days))
		setter(L, set_period(obj, days));
	path_pop(L, m);
}

static int table_set_pitr(void *o, int b)
{
	return ddbgt_table_set_pitr(o, b);
}
static int table_set_pitr_period(void *o, int64_t d)
{
	return ddbgt_table_set_pitr_period(o, d);
}
static int replica_set_pitr(void *o, int b)
{
	return ddbgt_replica_set_pitr(o, b);
}
static int replica_set_pitr_period(void *o, int64_t d)
{
	return ddbgt_replica_set_pitr_period(o, d);
}

static void read_table(struct loader *L, ddbgt_table *t, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_TABLE);
	size_t m;
	const char *s;
	int e, b;
	const jr_value *x = member(L, v, "name", 1, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_table_set_name(t, s));
	path_pop(L, m);
	x = member(L, v, "billing_mode", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_BILLING_MODE, DDBGT_E_BILLING_MODE_INVALID, &e))
		setter(L, ddbgt_table_set_billing_mode(t, (ddbgt_billing_mode)e));
	path_pop(L, m);
	x = member(L, v, "partition_key", 1, &m);
	if (x && read_key(L, x, &s, &e))
		setter(L, ddbgt_table_set_partition_key(t, s, (ddbgt_attr_type)e));
	path_pop(L, m);
	x = member(L, v, "sort_key", 0, &m);
	if (x && read_key(L, x, &s, &e))
		setter(L, ddbgt_table_set_sort_key(t, s, (ddbgt_attr_type)e));
	path_pop(L, m);
	read_array(L, v, "attributes", 0, t, read_attribute);
	struct throughput_setters ts = {t, table_set_capacity, table_set_autoscaling,
	                                table_set_on_demand_max};
	x = member(L, v, "capacity", 0, &m);
	if (x)
		read_capacity(L, x, &ts);
	path_pop(L, m);
	x = member(L, v, "on_demand", 0, &m);
	if (x)
		read_on_demand(L, x, &ts);
	path_pop(L, m);
	read_array(L, v, "global_secondary_indexes", 0, t, read_gsi);
	read_array(L, v, "local_secondary_indexes", 0, t, read_lsi);
	x = member(L, v, "stream", 0, &m);
	if (x && expect(L, x, JR_OBJECT, "an object {\"enabled\", \"view_type\"}")) {
		check_keys(L, x, SPEC_KEYS_STREAM);
		size_t m2;
		int enabled = 0, view = DDBGT_STREAM_VIEW_UNSET, ok = 1;
		const jr_value *y = member(L, x, "enabled", 1, &m2);
		ok &= y && read_bool(L, y, &enabled);
		path_pop(L, m2);
		y = member(L, x, "view_type", 0, &m2);
		if (y)
			ok &= read_enum(L, y, DDBGT_ENUM_STREAM_VIEW, DDBGT_E_STREAM_SPEC_INVALID,
			                &view);
		path_pop(L, m2);
		if (ok)
			setter(L, ddbgt_table_set_stream(t, enabled, (ddbgt_stream_view)view));
	}
	path_pop(L, m);
	x = member(L, v, "encryption", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_ENCRYPTION, DDBGT_E_SSE_TYPE_INVALID, &e))
		setter(L, ddbgt_table_set_encryption(t, (ddbgt_encryption)e));
	path_pop(L, m);
	x = member(L, v, "ttl_attribute", 0, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_table_set_ttl_attribute(t, s));
	path_pop(L, m);
	x = member(L, v, "table_class", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_TABLE_CLASS, DDBGT_E_TABLE_CLASS_INVALID, &e))
		setter(L, ddbgt_table_set_table_class(t, (ddbgt_table_class)e));
	path_pop(L, m);
	x = member(L, v, "point_in_time_recovery", 0, &m);
	if (x)
		read_pitr(L, x, t, table_set_pitr, table_set_pitr_period);
	path_pop(L, m);
	x = member(L, v, "deletion_protection", 0, &m);
	if (x && read_bool(L, x, &b))
		setter(L, ddbgt_table_set_deletion_protection(t, b));
	path_pop(L, m);
	x = member(L, v, "consistency", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_CONSISTENCY, DDBGT_E_CONSISTENCY_INVALID, &e))
		setter(L, ddbgt_table_set_consistency(t, (ddbgt_consistency)e));
	path_pop(L, m);
	x = member(L, v, "witness_region", 0, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_table_set_witness_region(t, s));
	path_pop(L, m);
	x = member(L, v, "tags", 0, &m);
	if (x)
		read_string_map(L, x, t, table_set_tag);
	path_pop(L, m);
	x = member(L, v, "legacy_version", 0, &m);
	if (x && read_bool(L, x, &b))
		setter(L, ddbgt_table_set_legacy_version(t, b));
	path_pop(L, m);
	x = member(L, v, "adopt_existing", 0, &m);
	if (x && read_bool(L, x, &b))
		setter(L, ddbgt_table_set_adopt_existing(t, b));
	path_pop(L, m);
}

/* {"units": n} or {"autoscaling": {...}}; set through the two callbacks. */
static void read_read_capacity(struct loader *L, const jr_value *v, void *obj, const char *index,
                               int (*set_units)(void *, const char *, int64_t),
                               int (*set_auto)(void *, const char *, int64_t, int64_t, double))
{
	if (!expect(L, v, JR_OBJECT, "an object {\"units\"} or {\"autoscaling\"}"))
		return;
	check_keys(L, v, SPEC_KEYS_READ_CAPACITY);
	const jr_value *units = ddbgt__jr_get(v, "units"), *autoscaling = ddbgt__jr_get(v, "autoscaling");
	if (units && autoscaling) {
		report(L, DDBGT_E_SPEC_EXCLUSIVE_KEYS,
		       "give either \"units\" or \"autoscaling\", not both%s%s", NULL, NULL);
		return;
	}
	if (!units && !autoscaling) {
		report(L, DDBGT_E_SPEC_MISSING_KEY, "give \"units\" or \"autoscaling\"%s%s", NULL,
		       NULL);
		return;
	}
	size_t m;
	int64_t n;
	struct autoscaling a;
	const jr_value *x = member(L, v, "units", 0, &m);
	if (x && read_int(L, x, &n))
		setter(L, set_units(obj, index, n));
	path_pop(L, m);
	x = member(L, v, "autoscaling", 0, &m);
	if (x && read_autoscaling(L, x, &a))
		setter(L, set_auto(obj, index, a.min, a.max, a.target));
	path_pop(L, m);
}

static int replica_set_read_units(void *o, const char *index, int64_t n)
{
	(void)index;
	return ddbgt_replica_set_read_capacity(o, n);
}
static int replica_set_read_auto(void *o, const char *index, int64_t a, int64_t b, double t)
{
	(void)index;
	return ddbgt_replica_set_read_autoscaling(o, a, b, t);
}
static int replica_set_gsi_units(void *o, const char *index, int64_t n)
{
	return ddbgt_replica_set_gsi_read_capacity(o, index, n);
}
static int replica_set_gsi_auto(void *o, const char *index, int64_t a, int64_t b, double t)
{
	return ddbgt_replica_set_gsi_read_autoscaling(o, index, a, b, t);
}

static void read_replica(struct loader *L, ddbgt_table *t, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_REPLICA);
	size_t m;
	const char *region = NULL, *s;
	int e, b;
	const jr_value *x = member(L, v, "region", 1, &m);
	if (x)
		read_string(L, x, &region);
	path_pop(L, m);
	ddbgt_replica *r = NULL;
	if (ddbgt_replica_new(&r, region ? region : "")) {
		L->status = DDBGT_ENOMEM;
		return;
	}
	x = member(L, v, "role", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_ROLE, DDBGT_E_SPEC_ENUM, &e))
		setter(L, ddbgt_replica_set_role(r, (ddbgt_role)e));
	path_pop(L, m);
	x = member(L, v, "table_class", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_TABLE_CLASS, DDBGT_E_TABLE_CLASS_INVALID, &e))
		setter(L, ddbgt_replica_set_table_class(r, (ddbgt_table_class)e));
	path_pop(L, m);
	x = member(L, v, "kms_key", 0, &m);
	if (x && read_string(L, x, &s))
		setter(L, ddbgt_replica_set_kms_key(r, s));
	path_pop(L, m);
	x = member(L, v, "point_in_time_recovery", 0, &m);
	if (x)
		read_pitr(L, x, r, replica_set_pitr, replica_set_pitr_period);
	path_pop(L, m);
	x = member(L, v, "deletion_protection", 0, &m);
	if (x && read_bool(L, x, &b))
		setter(L, ddbgt_replica_set_deletion_protection(r, b));
	path_pop(L, m);
	x = member(L, v, "read_capacity", 0, &m);
	if (x)
		read_read_capacity(L, x, r, NULL, replica_set_read_units, replica_set_read_auto);
	path_pop(L, m);
	x = member(L, v, "global_secondary_indexes", 0, &m);
	if (x && expect(L, x, JR_OBJECT, "an object of index name to {\"read_capacity\"}")) {
		const char *name;
		const jr_value *g;
		size_t name_i;
	JR_OBJECT_FOREACH(x, name_i, name, g) {
			size_t mg = path_push(L, name);
			if (expect(L, g, JR_OBJECT, "an object {\"read_capacity\"}")) {
				check_keys(L, g, SPEC_KEYS_REPLICA_GSI);
				size_t mr;
				const jr_value *rc = member(L, g, "read_capacity", 1, &mr);
				if (rc)
					read_read_capacity(L, rc, r, name, replica_set_gsi_units,
					                   replica_set_gsi_auto);
				path_pop(L, mr);
			}
			path_pop(L, mg);
		}
	}
	path_pop(L, m);
	x = member(L, v, "contributor_insights", 0, &m);
	if (x && read_bool(L, x, &b))
		setter(L, ddbgt_replica_set_contributor_insights(r, b));
	path_pop(L, m);
	x = member(L, v, "tags", 0, &m);
	if (x)
		read_string_map(L, x, r, replica_set_tag);
	path_pop(L, m);
	if (ddbgt_table_add_replica(t, r)) {
		ddbgt_replica_free(r);
		L->status = DDBGT_ENOMEM;
	}
}

static void read_policy(struct loader *L, ddbgt_policy *p, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_POLICY);
	size_t m;
	int64_t n;
	int b;
	const jr_value *x = member(L, v, "min_regions", 0, &m);
	if (x && read_int(L, x, &n))
		setter(L, ddbgt_policy_set_min_regions(p, n));
	path_pop(L, m);
	x = member(L, v, "max_regions", 0, &m);
	if (x && read_int(L, x, &n))
		setter(L, ddbgt_policy_set_max_regions(p, n));
	path_pop(L, m);
	x = member(L, v, "allowed_regions", 0, &m);
	if (x)
		read_string_list(L, x, p, policy_add_region);
	path_pop(L, m);
	x = member(L, v, "jurisdictions", 0, &m);
	if (x)
		read_string_list(L, x, p, policy_add_jurisdiction);
	path_pop(L, m);
	static const struct {
		const char *key;
		int (*set)(ddbgt_policy *, int);
	} flags[] = {
		{"require_point_in_time_recovery", ddbgt_policy_set_require_pitr},
		{"require_customer_managed_keys", ddbgt_policy_set_require_customer_managed_keys},
		{"require_deletion_protection", ddbgt_policy_set_require_deletion_protection},
	};
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		x = member(L, v, flags[i].key, 0, &m);
		if (x && read_bool(L, x, &b))
			setter(L, flags[i].set(p, b));
		path_pop(L, m);
	}
	x = member(L, v, "severity", 0, &m);
	if (x && expect(L, x, JR_OBJECT, "an object of diagnostic code to severity")) {
		const char *code;
		const jr_value *y;
		size_t code_i;
	JR_OBJECT_FOREACH(x, code_i, code, y) {
			size_t my = path_push(L, code);
			int sev;
			L->at = y;
			if (ddbgt_code_from_name(code) == DDBGT_CODE_NONE)
				report(L, DDBGT_E_SPEC_UNKNOWN_KEY,
				       "\"%s\" is not a diagnostic code (see `ddbgt explain`)%s", code,
				       NULL);
			else if (read_enum(L, y, DDBGT_ENUM_SEVERITY, DDBGT_E_SPEC_ENUM, &sev))
				setter(L, ddbgt_policy_set_severity(p, code, (ddbgt_severity)sev));
			path_pop(L, my);
		}
	}
	path_pop(L, m);
	x = member(L, v, "quotas", 0, &m);
	if (x && expect(L, x, JR_OBJECT, "an object of quota name to integer")) {
		const char *name;
		const jr_value *y;
		size_t name_i;
	JR_OBJECT_FOREACH(x, name_i, name, y) {
			size_t my = path_push(L, name);
			int known = 0;
			L->at = y;
			for (size_t i = 0; ddbgt_policy_quota_name_at(i) && !known; i++)
				known = strcmp(ddbgt_policy_quota_name_at(i), name) == 0;
			if (!known)
				report(L, DDBGT_E_SPEC_UNKNOWN_KEY, "\"%s\" is not a known quota%s", name,
				       NULL);
			else if (read_int(L, y, &n))
				setter(L, ddbgt_policy_set_quota(p, name, n));
			path_pop(L, my);
		}
	}
	path_pop(L, m);
}

static void read_rates(struct loader *L, ddbgt_usage *u, ddbgt_rw rw, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object of region to requests per second"))
		return;
	const char *region;
	const jr_value *x;
	size_t region_i;
	JR_OBJECT_FOREACH(v, region_i, region, x) {
		size_t m = path_push(L, region);
		double d;
		if (read_amount(L, x, &d))
			setter(L, ddbgt_usage_set_rate(u, rw, region, d));
		path_pop(L, m);
	}
}

static void read_usage(struct loader *L, ddbgt_usage *u, const jr_value *v)
{
	if (!expect(L, v, JR_OBJECT, "an object"))
		return;
	check_keys(L, v, SPEC_KEYS_USAGE);
	size_t m;
	double d;
	int e;
	const jr_value *x = member(L, v, "writes_per_second", 0, &m);
	if (x)
		read_rates(L, u, DDBGT_WRITE, x);
	path_pop(L, m);
	x = member(L, v, "reads_per_second", 0, &m);
	if (x)
		read_rates(L, u, DDBGT_READ, x);
	path_pop(L, m);
	static const struct {
		const char *key;
		int (*set)(ddbgt_usage *, double);
	} amounts[] = {
		{"item_size_bytes", ddbgt_usage_set_item_size_bytes},
		{"storage_gb", ddbgt_usage_set_storage_gb},
		{"stream_reads_per_month", ddbgt_usage_set_stream_reads_per_month},
		{"hours_per_month", ddbgt_usage_set_hours_per_month},
	};
	for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
		x = member(L, v, amounts[i].key, 0, &m);
		if (x && read_amount(L, x, &d))
			setter(L, amounts[i].set(u, d));
		path_pop(L, m);
	}
	x = member(L, v, "read_consistency", 0, &m);
	if (x && read_enum(L, x, DDBGT_ENUM_READ_CONSISTENCY, DDBGT_E_SPEC_ENUM, &e))
		setter(L, ddbgt_usage_set_read_consistency(u, (ddbgt_read_consistency)e));
	path_pop(L, m);
}

static int load(ddbgt_table **out, const jr_value *root, ddbgt_diags *diags)
{
	struct loader L = {.diags = diags, .at = root};
	ddbgt_table *t = NULL;
	if (!expect(&L, root, JR_OBJECT, "an object")) {
		ddbgt__free(L.path);
		return L.status ? L.status : DDBGT_ESPEC;
	}
	if (ddbgt_table_new(&t, NULL))
		return DDBGT_ENOMEM;
	check_keys(&L, root, SPEC_KEYS_ROOT);
	size_t m;
	const char *format;
	const jr_value *x = member(&L, root, "format", 1, &m);
	if (x && read_string(&L, x, &format) && strcmp(format, SPEC_FORMAT_1) != 0)
		report(&L, DDBGT_E_SPEC_FORMAT, "format is \"%s\"; this library reads \"%s\"", format,
		       SPEC_FORMAT_1);
	path_pop(&L, m);
	x = member(&L, root, "table", 1, &m);
	if (x)
		read_table(&L, t, x);
	path_pop(&L, m);
	read_array(&L, root, "replicas", 1, t, read_replica);
	x = member(&L, root, "policy", 0, &m);
	if (x)
		read_policy(&L, ddbgt_table_policy(t), x);
	path_pop(&L, m);
	x = member(&L, root, "usage", 0, &m);
	if (x)
		read_usage(&L, ddbgt_table_usage(t), x);
	path_pop(&L, m);
	ddbgt__free(L.path);
	if (L.status || L.errors) {
		ddbgt_table_free(t);
		return L.status ? L.status : DDBGT_ESPEC;
	}
	*out = t;
	return DDBGT_OK;
}

/* Load a parsed document, or report why it could not be parsed. */
static int load_doc(ddbgt_table **out, int rc, jr_doc *doc, const jr_error *err,
                    ddbgt_diags *diags)
{
	if (rc == DDBGT_ESPEC)
		return ddbgt__diag_add_at(diags, err->code, "", err->line, err->column, err->text)
		               ? DDBGT_ENOMEM
		               : DDBGT_ESPEC;
	if (rc)
		return rc;
	rc = load(out, ddbgt__jr_root(doc), diags);
	ddbgt__jr_free(doc);
	return rc;
}

DDBGT_API int ddbgt_spec_load_json(ddbgt_table **out, const struct json_t *json,
                                   ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!json)
		return DDBGT_EINVAL;
	jr_doc *doc = NULL;
	jr_error err;
	int rc = ddbgt__jr_from_jansson(&doc, json, MAX_DEPTH, &err);
	return load_doc(out, rc, doc, &err, diags);
}

DDBGT_API int ddbgt_spec_load_string(ddbgt_table **out, const char *text, size_t len,
                                     ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!text)
		return DDBGT_EINVAL;
	jr_doc *doc = NULL;
	jr_error err;
	int rc = ddbgt__jr_parse(&doc, text, len, MAX_DEPTH, &err);
	return load_doc(out, rc, doc, &err, diags);
}

DDBGT_API int ddbgt_spec_load_file(ddbgt_table **out, const char *path, ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!path)
		return DDBGT_EINVAL;
	FILE *f = fopen(path, "rb");
	int err = errno;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int rc = DDBGT_OK;
	if (!f) {
		rc = DDBGT_EIO;
	} else {
		for (;;) {
			if ((rc = ddbgt__grow((void **)&buf, &cap, len + 65536, 1)))
				break;
			size_t n = fread(buf + len, 1, cap - len, f);
			len += n;
			if (n == 0) {
				if (ferror(f)) {
					err = errno;
					rc = DDBGT_EIO;
				}
				break;
			}
		}
		fclose(f);
	}
	if (rc == DDBGT_EIO) {
		if (ddbgt__diag_addf(diags, DDBGT_E_SPEC_UNREADABLE, "", NULL, "cannot read %s: %s",
		                     path, strerror(err)))
			rc = DDBGT_ENOMEM;
	} else if (rc == DDBGT_OK) {
		rc = ddbgt_spec_load_string(out, buf, len, diags);
	}
	ddbgt__free(buf);
	return rc;
}
