/*
 * Reading the values of a plain JSON tree (CloudFormation templates, AWS CLI
 * outputs) for an importer: typed getters that report a wrong type with its
 * path and position, and resolve CloudFormation's Ref to a parameter with a
 * Default (other intrinsics are reported unresolved).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"

const jr_value *ddbgt__ir_member(const jr_value *obj, const char *key)
{
	return obj && obj->type == JR_OBJECT ? ddbgt__jr_get(obj, key) : NULL;
}

void ddbgt__ir_status(ddbgt__ireader *C, int rc)
{
	if (rc == DDBGT_ENOMEM && !C->status)
		C->status = rc;
}

/* The literal behind v: itself, or a parameter's Default; NULL (reported) for other intrinsics. */
const jr_value *ddbgt__ir_literal(ddbgt__ireader *C, const jr_value *v, const char *path)
{
	if (!v || v->type != JR_OBJECT || v->u.obj.count != 1)
		return v;
	const char *fn = v->u.obj.members[0].key;
	const jr_value *arg = v->u.obj.members[0].value;
	if (strcmp(fn, "Ref") != 0 && strncmp(fn, "Fn::", 4) != 0 && strcmp(fn, "Condition") != 0)
		return v;
	if (strcmp(fn, "Ref") == 0 && arg->type == JR_STRING) {
		const jr_value *def =
		        ddbgt__ir_member(ddbgt__ir_member(C->params, arg->u.str.s), "Default");
		if (def && def->type != JR_OBJECT && def->type != JR_ARRAY)
			return def;
	}
	ddbgt__ir_status(C, ddbgt__import_findf(
	                            C->imp, C->t, DDBGT_W_IMPORT_UNRESOLVED, path, v,
	                            "%s: %s is %s %s, which the importer does not evaluate, so "
	                            "it was not imported",
	                            C->address, ddbgt__import_what(path), fn,
	                            strcmp(fn, "Ref") == 0 ? "to a resource, a pseudo parameter or "
	                                                     "a parameter without a Default"
	                                                   : "(an intrinsic function)"));
	return NULL;
}

void ddbgt__ir_bad(ddbgt__ireader *C, const char *path, const jr_value *v, const char *want)
{
	ddbgt__ir_status(C, ddbgt__import_findf(C->imp, C->t, DDBGT_E_IMPORT_VALUE, path, v,
	                                        "%s: %s must be %s", C->address,
	                                        ddbgt__import_what(path), want));
}

static const jr_value *get(ddbgt__ireader *C, const jr_value *obj, const char *key,
                           const char *base, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", base, key);
	return ddbgt__ir_literal(C, ddbgt__ir_member(obj, key), path);
}

const char *ddbgt__ir_str(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                          const jr_value **at)
{
	char path[256];
	const jr_value *v = get(C, obj, key, base, path, sizeof path);
	*at = v;
	if (!v)
		return NULL;
	if (v->type == JR_STRING)
		return v->u.str.s;
	ddbgt__ir_bad(C, path, v, "a string");
	return NULL;
}

int ddbgt__ir_tag(ddbgt__ireader *C, const jr_value *tags, size_t i, const char *base,
                  const char **key, const char **value)
{
	char path[256];
	const jr_value *at;
	const jr_value *item = ddbgt__ir_item(tags, i);
	snprintf(path, sizeof path, "%s/%zu", base, i);
	*key = ddbgt__ir_str(C, item, "Key", path, &at);
	*value = ddbgt__ir_str(C, item, "Value", path, &at);
	return *key && *value;
}

/* A number as CloudFormation takes it: a JSON number or a string of digits. */
int ddbgt__ir_int(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                  int64_t *out, const jr_value **at)
{
	char path[256];
	const jr_value *v = get(C, obj, key, base, path, sizeof path);
	*at = v;
	if (!v)
		return 0;
	if (v->type == JR_INT) {
		*out = v->u.i;
		return 1;
	}
	if (v->type == JR_STRING) {
		char *end;
		/* Out of range, strtoll gives its limit: that is no value of the template's. */
		errno = 0;
		long long x = strtoll(v->u.str.s, &end, 10);
		if (end != v->u.str.s && *end == '\0' && errno != ERANGE) {
			*out = x;
			return 1;
		}
	}
	ddbgt__ir_bad(C, path, v, "a whole number");
	return 0;
}

int ddbgt__ir_num(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                  double *out)
{
	char path[256];
	const jr_value *v = get(C, obj, key, base, path, sizeof path);
	if (!v)
		return 0;
	if (ddbgt__jr_is_number(v)) {
		*out = ddbgt__jr_number(v);
		return 1;
	}
	if (v->type == JR_STRING) {
		char *end;
		*out = strtod(v->u.str.s, &end);
		if (end != v->u.str.s && *end == '\0' && isfinite(*out))
			return 1;
	}
	ddbgt__ir_bad(C, path, v, "a number");
	return 0;
}

/* -1 absent, else 0/1 ("true"/"false" strings too). */
int ddbgt__ir_bool(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                   const jr_value **at)
{
	char path[256];
	const jr_value *v = get(C, obj, key, base, path, sizeof path);
	*at = v;
	if (!v)
		return -1;
	if (v->type == JR_TRUE || v->type == JR_FALSE)
		return v->type == JR_TRUE;
	if (v->type == JR_STRING &&
	    (strcmp(v->u.str.s, "true") == 0 || strcmp(v->u.str.s, "false") == 0))
		return v->u.str.s[0] == 't';
	ddbgt__ir_bad(C, path, v, "true or false");
	return -1;
}

int ddbgt__ir_enum(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                   ddbgt_enum_kind kind, int *out)
{
	const jr_value *at;
	const char *s = ddbgt__ir_str(C, obj, key, base, &at);
	if (!s)
		return 0;
	if (ddbgt_enum_parse(kind, s, out) == DDBGT_OK)
		return 1;
	char path[256];
	snprintf(path, sizeof path, "%s/%s", base, key);
	ddbgt__ir_bad(C, path, at, "a value DynamoDB accepts here");
	return 0;
}

size_t ddbgt__ir_count(const jr_value *list)
{
	return list && list->type == JR_ARRAY ? list->u.arr.count : 0;
}

const jr_value *ddbgt__ir_item(const jr_value *list, size_t i)
{
	return i < ddbgt__ir_count(list) ? list->u.arr.items[i] : NULL;
}

void ddbgt__ir_note(ddbgt__ireader *C, const char *spec_path, const jr_value *v)
{
	ddbgt__ir_status(C, ddbgt__itable_note(C->t, spec_path, v));
}

void ddbgt__ir_set(ddbgt__ireader *C, int rc)
{
	ddbgt__ir_status(C, rc);
}

void ddbgt__ir_not_carried(ddbgt__ireader *C, const char *path, const jr_value *at,
                           const char *what)
{
	ddbgt__ir_status(C, ddbgt__import_findf(C->imp, C->t, DDBGT_W_IMPORT_NOT_CARRIED, path, at,
	                                        "%s: %s is not carried over (%s)", C->address,
	                                        ddbgt__import_what(path), what));
}

/* --- the DynamoDB API's shapes, as CloudFormation and describe-table give them --- */

/* The attribute names of a KeySchema: HASH into *hash, RANGE into *range. */
void ddbgt__ir_key_schema(ddbgt__ireader *C, const jr_value *ks, const char *base,
                          const char **hash, const char **range)
{
	*hash = *range = NULL;
	for (size_t i = 0; i < ddbgt__ir_count(ks); i++) {
		char b[256];
		snprintf(b, sizeof b, "%s/KeySchema/%zu", base, i);
		const jr_value *a, *k;
		const char *name = ddbgt__ir_str(C, ddbgt__ir_item(ks, i), "AttributeName", b, &a);
		const char *type = ddbgt__ir_str(C, ddbgt__ir_item(ks, i), "KeyType", b, &k);
		if (!name || !type)
			continue;
		if (strcmp(type, "HASH") == 0)
			*hash = name;
		else if (strcmp(type, "RANGE") == 0)
			*range = name;
		else
			ddbgt__ir_bad(C, b, k, "HASH or RANGE");
	}
}

void ddbgt__ir_keys(ddbgt__ireader *C, const jr_value *p, const char *base)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *defs = ddbgt__ir_member(p, "AttributeDefinitions");
	const char *hash, *range;
	ddbgt__ir_key_schema(C, ddbgt__ir_member(p, "KeySchema"), base, &hash, &range);
	/* Keys first, then the other definitions, as the spec separates them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < ddbgt__ir_count(defs); i++) {
			char b[256];
			snprintf(b, sizeof b, "%s/AttributeDefinitions/%zu", base, i);
			const jr_value *na;
			const char *name =
			        ddbgt__ir_str(C, ddbgt__ir_item(defs, i), "AttributeName", b, &na);
			int type;
			if (!name || !ddbgt__ir_enum(C, ddbgt__ir_item(defs, i), "AttributeType", b,
			                             DDBGT_ENUM_ATTR_TYPE, &type))
				continue;
			int is_hash = hash && strcmp(name, hash) == 0;
			int is_range = range && strcmp(name, range) == 0;
			if (pass == 0 && is_hash) {
				ddbgt__ir_note(C, "/table/partition_key", na);
				ddbgt__ir_set(C, ddbgt_table_set_partition_key(
				                         table, name, (ddbgt_attr_type)type));
			} else if (pass == 0 && is_range) {
				ddbgt__ir_note(C, "/table/sort_key", na);
				ddbgt__ir_set(C, ddbgt_table_set_sort_key(table, name,
				                                          (ddbgt_attr_type)type));
			} else if (pass == 1 && !is_hash && !is_range) {
				ddbgt__ir_set(C, ddbgt_table_add_attribute(table, name,
				                                           (ddbgt_attr_type)type));
			}
		}
	if (hash && !ddbgt_table_partition_key_name(table))
		ddbgt__ir_set(C, ddbgt_table_set_partition_key(table, hash, DDBGT_ATTR_UNSET));
}

static void projection(ddbgt__ireader *C, const jr_value *ix, const char *base, ddbgt_gsi *gsi,
                       ddbgt_lsi *lsi)
{
	char b[256];
	snprintf(b, sizeof b, "%s/Projection", base);
	const jr_value *proj = ddbgt__ir_member(ix, "Projection");
	int p;
	if (ddbgt__ir_enum(C, proj, "ProjectionType", b, DDBGT_ENUM_PROJECTION, &p))
		ddbgt__ir_set(C, gsi ? ddbgt_gsi_set_projection(gsi, (ddbgt_projection)p)
		                     : ddbgt_lsi_set_projection(lsi, (ddbgt_projection)p));
	const jr_value *nka = ddbgt__ir_member(proj, "NonKeyAttributes");
	for (size_t i = 0; i < ddbgt__ir_count(nka); i++) {
		char path[320];
		snprintf(path, sizeof path, "%s/NonKeyAttributes/%zu", b, i);
		const jr_value *v = ddbgt__ir_literal(C, ddbgt__ir_item(nka, i), path);
		if (v && v->type == JR_STRING)
			ddbgt__ir_set(C, gsi ? ddbgt_gsi_add_non_key_attribute(gsi, v->u.str.s)
			                     : ddbgt_lsi_add_non_key_attribute(lsi, v->u.str.s));
		else if (v)
			ddbgt__ir_bad(C, path, v, "a string");
	}
}

ddbgt_gsi *ddbgt__ir_gsi(ddbgt__ireader *C, const jr_value *ix, const char *base)
{
	const jr_value *at;
	const char *name = ddbgt__ir_str(C, ix, "IndexName", base, &at);
	ddbgt_gsi *gsi = NULL;
	if (!name)
		return NULL;
	if (ddbgt_gsi_new(&gsi, name)) {
		ddbgt__ir_status(C, DDBGT_ENOMEM);
		return NULL;
	}
	const char *hash, *range;
	const jr_value *ks = ddbgt__ir_member(ix, "KeySchema");
	ddbgt__ir_key_schema(C, ks, base, &hash, &range);
	/* Several HASH or RANGE entries: a multi-attribute key, in key schema order. */
	size_t n[2] = {0, 0};
	for (size_t i = 0; i < ddbgt__ir_count(ks); i++) {
		const jr_value *k = ddbgt__ir_member(ddbgt__ir_item(ks, i), "KeyType");
		if (k && k->type == JR_STRING)
			n[strcmp(k->u.str.s, "RANGE") == 0] += strcmp(k->u.str.s, "HASH") == 0 ||
			                                       strcmp(k->u.str.s, "RANGE") == 0;
	}
	for (size_t i = 0; (n[0] > 1 || n[1] > 1) && i < ddbgt__ir_count(ks); i++) {
		const jr_value *a = ddbgt__ir_member(ddbgt__ir_item(ks, i), "AttributeName");
		const jr_value *k = ddbgt__ir_member(ddbgt__ir_item(ks, i), "KeyType");
		if (!a || a->type != JR_STRING || !k || k->type != JR_STRING)
			continue;
		int is_range = strcmp(k->u.str.s, "RANGE") == 0;
		const char *attr = a->u.str.s;
		if (n[is_range] > 1)
			ddbgt__ir_set(C, is_range ? ddbgt_gsi_add_sort_key_attribute(
			                                    gsi, attr, DDBGT_ATTR_UNSET)
			                          : ddbgt_gsi_add_partition_key_attribute(
			                                    gsi, attr, DDBGT_ATTR_UNSET));
	}
	if (hash && n[0] <= 1)
		ddbgt__ir_set(C, ddbgt_gsi_set_partition_key(gsi, hash));
	if (range && n[1] <= 1)
		ddbgt__ir_set(C, ddbgt_gsi_set_sort_key(gsi, range));
	projection(C, ix, base, gsi, NULL);
	ddbgt__ir_warm(C, ix, base, gsi);
	return gsi;
}

void ddbgt__ir_lsis(ddbgt__ireader *C, const jr_value *list, const char *base)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	for (size_t i = 0; i < ddbgt__ir_count(list); i++) {
		const jr_value *ix = ddbgt__ir_item(list, i), *at;
		char b[256];
		snprintf(b, sizeof b, "%s/%zu", base, i);
		const char *name = ddbgt__ir_str(C, ix, "IndexName", b, &at);
		ddbgt_lsi *lsi;
		if (!name)
			continue;
		if (ddbgt_lsi_new(&lsi, name)) {
			ddbgt__ir_status(C, DDBGT_ENOMEM);
			return;
		}
		const char *hash, *range;
		ddbgt__ir_key_schema(C, ddbgt__ir_member(ix, "KeySchema"), b, &hash, &range);
		if (range)
			ddbgt__ir_set(C, ddbgt_lsi_set_sort_key(lsi, range));
		projection(C, ix, b, NULL, lsi);
		if (ddbgt_table_add_lsi(table, lsi)) {
			ddbgt_lsi_free(lsi);
			ddbgt__ir_status(C, DDBGT_ENOMEM);
			return;
		}
	}
}

/* WarmThroughput {ReadUnitsPerSecond, WriteUnitsPerSecond} of obj into the table or a GSI. */
void ddbgt__ir_warm(ddbgt__ireader *C, const jr_value *obj, const char *base, ddbgt_gsi *gsi)
{
	static const char *const keys[] = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
	const jr_value *w = ddbgt__ir_literal(C, ddbgt__ir_member(obj, "WarmThroughput"), base);
	char b[256];
	snprintf(b, sizeof b, "%s/WarmThroughput", base);
	for (int rw = 0; w && rw < 2; rw++) {
		int64_t units;
		const jr_value *at;
		if (!ddbgt__ir_int(C, w, keys[rw], b, &units, &at) ||
		    units <= C->warm_floor[rw])
			continue;
		ddbgt__ir_set(C, gsi ? ddbgt_gsi_set_warm_throughput(gsi, (ddbgt_rw)rw, units)
		                     : ddbgt_table_set_warm_throughput(ddbgt__itable_table(C->t),
		                                                       (ddbgt_rw)rw, units));
	}
}

/* A cooldown in seconds (ScaleInCooldown, ScaleOutCooldown): -1 when absent or refused. */
int64_t ddbgt__ir_cooldown(ddbgt__ireader *C, const jr_value *obj, const char *key,
                           const char *base)
{
	int64_t v;
	const jr_value *at;
	if (!ddbgt__ir_int(C, obj, key, base, &v, &at))
		return -1;
	if (v >= 0)
		return v;
	char path[256];
	snprintf(path, sizeof path, "%s/%s", base, key);
	ddbgt__ir_bad(C, path, at, "a number of seconds, 0 or more");
	return -1;
}

int ddbgt__iscale_tuned(const ddbgt__iscale *s)
{
	return s->cooldown_in >= 0 || s->cooldown_out >= 0 || s->no_scale_in != DDBGT_INHERIT;
}

int ddbgt__iscale_same(const ddbgt__iscale *a, const ddbgt__iscale *b)
{
	return a->min == b->min && a->max == b->max && a->target == b->target &&
	       a->cooldown_in == b->cooldown_in && a->cooldown_out == b->cooldown_out &&
	       a->no_scale_in == b->no_scale_in;
}

void ddbgt__ir_set_scale(ddbgt__ireader *C, ddbgt_gsi *gsi, ddbgt_rw rw, const ddbgt__iscale *s)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	ddbgt__ir_set(C, gsi ? ddbgt_gsi_set_autoscaling(gsi, rw, s->min, s->max, s->target)
	                     : ddbgt_table_set_autoscaling(table, rw, s->min, s->max, s->target));
	if (s->seed > 0)
		ddbgt__ir_set(C, gsi ? ddbgt_gsi_set_capacity(gsi, rw, s->seed)
		                     : ddbgt_table_set_capacity(table, rw, s->seed));
	if (ddbgt__iscale_tuned(s))
		ddbgt__ir_set(C, gsi ? ddbgt_gsi_set_autoscaling_tuning(gsi, rw, s->cooldown_in,
		                                                        s->cooldown_out,
		                                                        s->no_scale_in)
		                     : ddbgt_table_set_autoscaling_tuning(
		                               table, rw, s->cooldown_in, s->cooldown_out,
		                               s->no_scale_in));
}

void ddbgt__ir_set_replica_scale(ddbgt__ireader *C, ddbgt_replica *rep, const char *index,
                                 const ddbgt__iscale *s)
{
	ddbgt__ir_set(C, index ? ddbgt_replica_set_gsi_read_autoscaling(rep, index, s->min, s->max,
	                                                                s->target)
	                       : ddbgt_replica_set_read_autoscaling(rep, s->min, s->max,
	                                                            s->target));
	if (ddbgt__iscale_tuned(s))
		ddbgt__ir_set(C, index ? ddbgt_replica_set_gsi_read_autoscaling_tuning(
		                                 rep, index, s->cooldown_in, s->cooldown_out,
		                                 s->no_scale_in)
		                       : ddbgt_replica_set_read_autoscaling_tuning(
		                                 rep, s->cooldown_in, s->cooldown_out,
		                                 s->no_scale_in));
}
