/*
 * Terraform importers: a plan as `terraform show -json` prints it, and a
 * .tf.json configuration. Both become one list of resources (type, name,
 * region, attribute values) that one mapper turns into tables:
 * aws_dynamodb_table (with replica blocks), aws_dynamodb_table_replica,
 * aws_dynamodb_global_table (legacy) with its regional tables,
 * aws_appautoscaling_target/_policy, aws_dynamodb_contributor_insights,
 * aws_dynamodb_kinesis_streaming_destination, aws_dynamodb_resource_policy,
 * and the operations object libddbgt writes beside a table
 * (aws_cloudwatch_metric_alarm, aws_cloudwatch_dashboard, aws_iam_policy,
 * aws_vpc_endpoint, and in a .tf.json the IAM and key policy outputs).
 *
 * A value is read as Terraform would know it at plan time. In a plan: the
 * planned value, else the configuration's constant, else (unknown until
 * apply, or an expression) a DDBGT_W_IMPORT_UNRESOLVED finding, never a
 * guess. In a .tf.json: the literal, with Terraform's "$${" and "%%{"
 * escapes undone; a "${TYPE.NAME.ATTR}" reference to another resource of
 * the same document whose ATTR is itself a literal is resolved (the table
 * name inside an autoscaling resource_id); every other expression is
 * unresolved.
 *
 * The importer writes only what differs from the spec's defaults: the
 * emitter spells every default out, and an import of its output must give
 * back the spec it came from.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "iam_policy.h"
#include "import_internal.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"

/* How deep "${a.b.c}" references may chain (a policy's resource_id names a target's). */
#define MAX_CHAIN 4

/* A cursor on one attribute value: the value, and in a plan the parallel
 * after_unknown flags and configuration expression. */
struct cur {
	const jr_value *v;
	const jr_value *unk;
	const jr_value *expr;
};

struct tfres {
	const char *type, *name;
	char *address;
	const jr_value *at;
	struct cur body;
	const char *region;
	const jr_value *region_at;
	ddbgt__itable *owner; /* the table this resource was found to belong to */
	size_t module_len;    /* of "module.m." in a plan's address: references are relative */
};

struct scaling {
	ddbgt__itable *t;
	char resource_id[512]; /* resolved, for matching the policies */
	char index[256];       /* "" for the table */
	ddbgt_rw rw;
	const char *region;
	int64_t min, max;
	double target;
	int has_policy;
	/* The policy's tuning: -1 / DDBGT_INHERIT where not given. */
	int64_t cooldown_in, cooldown_out;
	int no_scale_in;
	const struct tfres *res;
};

/* The alarms of one table: the kinds present say whether throttles and errors were on. */
struct ops_seen {
	ddbgt__itable *t;
	ddbgt__iops_seen kinds;
};

struct tf {
	ddbgt_import *imp;
	int plan;
	const jr_value *root;
	struct tfres *res;
	size_t nres, res_cap;
	struct scaling *sc;
	size_t nsc, sc_cap;
	int status;
	/*
	 * The last string value read: a literal where the reader holds it, a
	 * template resolved into text (room for a resource policy).
	 */
	const char *str;
	char text[DDBGT__IAM_POLICY_MAX_BYTES + 4096];
	jr_value kms;    /* a key resolved through a data source, in a plan */
	struct ops_seen *seen; /* per table with alarms: which kinds of alarm it has */
	size_t nseen, seen_cap;
};

enum { ABSENT, KNOWN, UNRESOLVED };

static const jr_value *member(const jr_value *obj, const char *key)
{
	return obj && obj->type == JR_OBJECT ? ddbgt__jr_get(obj, key) : NULL;
}

static void fail_nomem(struct tf *C, int rc)
{
	if (rc && !C->status)
		C->status = rc;
}

static struct cur child(struct cur c, const char *key)
{
	struct cur r = {member(c.v, key), member(c.unk, key), member(c.expr, key)};
	return r;
}

/* The blocks under key: a list of objects, or (in .tf.json) one object. */
static size_t block_count(struct cur c)
{
	if (!c.v && c.expr && c.expr->type == JR_ARRAY)
		return c.expr->u.arr.count;
	if (!c.v)
		return 0;
	if (c.v->type == JR_OBJECT)
		return 1;
	return c.v->type == JR_ARRAY ? c.v->u.arr.count : 0;
}

static const jr_value *item(const jr_value *v, size_t i)
{
	if (!v)
		return NULL;
	if (v->type == JR_OBJECT)
		return i == 0 ? v : NULL;
	return v->type == JR_ARRAY && i < v->u.arr.count ? v->u.arr.items[i] : NULL;
}

static struct cur block(struct cur c, size_t i)
{
	struct cur r = {item(c.v, i), item(c.unk, i), item(c.expr, i)};
	return r;
}

/* --- strings of a .tf.json: escapes and references --------------------------- */

static struct tfres *find_res(struct tf *C, const char *type, size_t tlen, const char *name,
                              size_t nlen)
{
	for (size_t i = 0; i < C->nres; i++)
		if (strlen(C->res[i].type) == tlen && strncmp(C->res[i].type, type, tlen) == 0 &&
		    strlen(C->res[i].name) == nlen && strncmp(C->res[i].name, name, nlen) == 0)
			return &C->res[i];
	return NULL;
}

static int resolve(struct tf *C, const char *s, char *out, size_t size, int depth);

/*
 * ${data.aws_kms_key.NAME.arn}: the key the data source looks up by a literal
 * key_id (an alias, ID or ARN), which is what a spec's kms_key holds.
 */
static int resolve_kms_data(struct tf *C, const char *ref, size_t len, char *out, size_t size)
{
	static const char prefix[] = "data.aws_kms_key.";
	size_t p = sizeof prefix - 1;
	if (len <= p + 4 || strncmp(ref, prefix, p) != 0 || strncmp(ref + len - 4, ".arn", 4) != 0)
		return 0;
	const jr_value *data = NULL;
	char name[256];
	if (len - p - 4 >= sizeof name)
		return 0;
	memcpy(name, ref + p, len - p - 4);
	name[len - p - 4] = '\0';
	if (C->plan) {
		const jr_value *conf = member(
		        member(member(C->root, "configuration"), "root_module"), "resources");
		char address[300];
		snprintf(address, sizeof address, "data.aws_kms_key.%s", name);
		for (size_t i = 0; conf && conf->type == JR_ARRAY && i < conf->u.arr.count; i++) {
			const jr_value *a = member(conf->u.arr.items[i], "address");
			if (a && a->type == JR_STRING && strcmp(a->u.str.s, address) == 0)
				data = member(member(member(conf->u.arr.items[i], "expressions"),
				                     "key_id"),
				              "constant_value");
		}
	} else {
		data = member(member(member(member(C->root, "data"), "aws_kms_key"), name),
		              "key_id");
	}
	if (!data || data->type != JR_STRING || data->u.str.len >= size ||
	    strstr(data->u.str.s, "${"))
		return 0;
	memcpy(out, data->u.str.s, data->u.str.len + 1);
	return 1;
}

/* "TYPE.NAME.ATTR" inside ${ }: the literal string attribute of a resource in the document. */
static int resolve_ref(struct tf *C, const char *ref, size_t len, char *out, size_t size, int depth)
{
	if (resolve_kms_data(C, ref, len, out, size))
		return 1;
	const char *d1 = memchr(ref, '.', len);
	const char *d2 = d1 ? memchr(d1 + 1, '.', len - (size_t)(d1 + 1 - ref)) : NULL;
	if (!d1 || !d2 || depth >= MAX_CHAIN)
		return 0;
	size_t alen = len - (size_t)(d2 + 1 - ref);
	for (size_t i = 0; i < alen; i++)
		if (!(d2[1 + i] == '_' || (d2[1 + i] >= 'a' && d2[1 + i] <= 'z')))
			return 0;
	struct tfres *r = find_res(C, ref, (size_t)(d1 - ref), d1 + 1, (size_t)(d2 - d1 - 1));
	if (!r)
		return 0;
	char attr[64];
	if (alen >= sizeof attr)
		return 0;
	memcpy(attr, d2 + 1, alen);
	attr[alen] = '\0';
	const jr_value *v = member(r->body.v, attr);
	if (!v || v->type != JR_STRING)
		return 0;
	return resolve(C, v->u.str.s, out, size, depth + 1);
}

/*
 * A .tf.json string template into its value: 1 when every part is literal
 * or a resolvable reference, 0 otherwise (an expression to report).
 */
static int resolve(struct tf *C, const char *s, char *out, size_t size, int depth)
{
	size_t n = 0;
	while (*s) {
		char piece[2048];
		const char *lit = s;
		size_t len = 1;
		if ((s[0] == '$' || s[0] == '%') && s[1] == s[0] && s[2] == '{') {
			lit = s + 1; /* "$${" is a literal "${" */
			len = 2;
			s += 3;
		} else if ((s[0] == '$' || s[0] == '%') && s[1] == '{') {
			const char *end = strchr(s + 2, '}');
			if (s[0] == '%' || !end ||
			    !resolve_ref(C, s + 2, (size_t)(end - s - 2), piece, sizeof piece,
			                 depth))
				return 0;
			lit = piece;
			len = strlen(piece);
			s = end + 1;
		} else {
			s++;
		}
		if (n + len >= size)
			return 0;
		memcpy(out + n, lit, len);
		n += len;
	}
	out[n] = '\0';
	return 1;
}

/* --- reading values -------------------------------------------------------- */

struct reader {
	struct tf *C;
	struct tfres *r;
	ddbgt__itable *t; /* findings go here (NULL: the import) */
};

/*
 * Where a value stands inside its resource: the path of its object and its
 * key. The path string ("/ttl/0/attribute_name") is made only for a finding.
 */
struct where {
	const char *base, *key;
};

static const char *where_path(struct where w, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", w.base, w.key ? "/" : "", w.key ? w.key : "");
	return buf;
}

static void unresolved(struct reader *R, struct where w, const jr_value *at, const char *why)
{
	char path[512];
	where_path(w, path, sizeof path);
	fail_nomem(R->C, ddbgt__import_findf(R->C->imp, R->t, DDBGT_W_IMPORT_UNRESOLVED, path, at,
	                                     "%s: %s is %s, so it was not imported", R->r->address,
	                                     ddbgt__import_what(path), why));
}

/*
 * The value of a leaf: KNOWN with *out set, ABSENT, or UNRESOLVED (reported
 * where it stands). In a .tf.json a string's value is left in C->str,
 * escapes undone and references resolved.
 */
static int leaf(struct reader *R, struct cur c, struct where w, const jr_value **out)
{
	*out = NULL;
	if (R->C->plan) {
		/* The provider reads back "" for a nested string that was not set. */
		if (c.v && c.v->type == JR_STRING && c.v->u.str.len == 0)
			return ABSENT;
		if (c.v && c.v->type != JR_NULL) {
			*out = c.v;
			return KNOWN;
		}
		/* A .tf.json's template string is a "constant" with references: not a value. */
		const jr_value *k = member(c.expr, "constant_value");
		if (k && k->type != JR_NULL && !member(c.expr, "references")) {
			*out = k;
			return KNOWN;
		}
		const jr_value *refs = member(c.expr, "references");
		for (size_t i = 0; refs && refs->type == JR_ARRAY && i < refs->u.arr.count; i++) {
			const jr_value *ref = refs->u.arr.items[i];
			if (ref->type == JR_STRING &&
			    resolve_kms_data(R->C, ref->u.str.s, ref->u.str.len, R->C->text,
			                     sizeof R->C->text)) {
				R->C->kms.type = JR_STRING;
				R->C->kms.u.str.s = R->C->text;
				R->C->kms.u.str.len = strlen(R->C->text);
				R->C->kms.line = R->r->at ? R->r->at->line : 0;
				R->C->kms.column = R->r->at ? R->r->at->column : 0;
				*out = &R->C->kms;
				return KNOWN;
			}
		}
		if ((c.unk && c.unk->type == JR_TRUE && c.expr) || refs) {
			unresolved(R, w, R->r->at, "unknown until apply");
			return UNRESOLVED;
		}
		return ABSENT;
	}
	if (!c.v || c.v->type == JR_NULL)
		return ABSENT;
	if (c.v->type == JR_STRING) {
		/* A literal of any length is its own value; only a template needs the copy. */
		const char *s = c.v->u.str.s;
		R->C->str = s;
		if (strstr(s, "${") || strstr(s, "%{")) {
			if (!resolve(R->C, s, R->C->text, sizeof R->C->text, 0)) {
				unresolved(R, w, c.v, "an expression");
				return UNRESOLVED;
			}
			R->C->str = R->C->text;
		}
	}
	*out = c.v;
	return KNOWN;
}

static void wrong_type(struct reader *R, struct where w, const jr_value *v, const char *want)
{
	char path[512];
	where_path(w, path, sizeof path);
	fail_nomem(R->C, ddbgt__import_findf(R->C->imp, R->t, DDBGT_E_IMPORT_VALUE, path, v,
	                                     "%s: %s must be %s", R->r->address,
	                                     ddbgt__import_what(path), want));
}

/* A string attribute (unescaped and resolved in a .tf.json); NULL when not KNOWN. */
static const char *get_str(struct reader *R, struct cur c, const char *key, const char *base,
                           const jr_value **at)
{
	struct where w = {base, key};
	const jr_value *v;
	*at = NULL;
	if (leaf(R, child(c, key), w, &v) != KNOWN)
		return NULL;
	*at = v;
	if (v->type != JR_STRING) {
		wrong_type(R, w, v, "a string");
		return NULL;
	}
	return R->C->plan ? v->u.str.s : R->C->str;
}

/* A whole number attribute (also "5" as .tf.json allows); 1 when KNOWN. */
static int get_int(struct reader *R, struct cur c, const char *key, const char *base, int64_t *out,
                   const jr_value **at)
{
	struct where w = {base, key};
	const jr_value *v;
	*at = NULL;
	if (leaf(R, child(c, key), w, &v) != KNOWN)
		return 0;
	*at = v;
	if (v->type == JR_INT) {
		*out = v->u.i;
		return 1;
	}
	if (v->type == JR_REAL && v->u.d == floor(v->u.d) && fabs(v->u.d) < 9e15) {
		*out = (int64_t)v->u.d;
		return 1;
	}
	if (v->type == JR_STRING && !R->C->plan) {
		char *end;
		/* Out of range, strtoll gives its limit: that is no value of the document's. */
		errno = 0;
		long long x = strtoll(R->C->str, &end, 10);
		if (end != R->C->str && *end == '\0' && errno != ERANGE) {
			*out = x;
			return 1;
		}
	}
	wrong_type(R, w, v, "a whole number");
	return 0;
}

static int get_num(struct reader *R, struct cur c, const char *key, const char *base, double *out,
                   const jr_value **at)
{
	struct where w = {base, key};
	const jr_value *v;
	*at = NULL;
	if (leaf(R, child(c, key), w, &v) != KNOWN)
		return 0;
	*at = v;
	if (ddbgt__jr_is_number(v)) {
		*out = ddbgt__jr_number(v);
		return 1;
	}
	wrong_type(R, w, v, "a number");
	return 0;
}

/* A bool attribute (also "true"/"false" in a .tf.json); -1 when not KNOWN. */
static int get_bool(struct reader *R, struct cur c, const char *key, const char *base,
                    const jr_value **at)
{
	struct where w = {base, key};
	const jr_value *v;
	*at = NULL;
	if (leaf(R, child(c, key), w, &v) != KNOWN)
		return -1;
	*at = v;
	if (v->type == JR_TRUE || v->type == JR_FALSE)
		return v->type == JR_TRUE;
	if (v->type == JR_STRING && !R->C->plan &&
	    (strcmp(R->C->str, "true") == 0 || strcmp(R->C->str, "false") == 0))
		return R->C->str[0] == 't';
	wrong_type(R, w, v, "true or false");
	return -1;
}

/* An enumeration attribute in the spec's spelling; 0 when not KNOWN or not one of them. */
static int get_enum(struct reader *R, struct cur c, const char *key, const char *base,
                    ddbgt_enum_kind kind, int *out, const jr_value **at)
{
	const char *s = get_str(R, c, key, base, at);
	if (!s)
		return 0;
	if (ddbgt_enum_parse(kind, s, out) == DDBGT_OK)
		return 1;
	char path[512];
	snprintf(path, sizeof path, "%s/%s", base, key);
	fail_nomem(R->C, ddbgt__import_findf(R->C->imp, R->t, DDBGT_E_IMPORT_VALUE, path, *at,
	                                     "%s: %s is not a value DynamoDB accepts here",
	                                     R->r->address, ddbgt__import_what(path)));
	return 0;
}

static void note(struct reader *R, const char *spec_path, const jr_value *at)
{
	if (R->t && at)
		fail_nomem(R->C, ddbgt__itable_note(R->t, spec_path, at));
}

static void set(struct reader *R, int rc)
{
	/* The values were checked before: only memory (or a refused string) can fail. */
	if (rc == DDBGT_ENOMEM)
		fail_nomem(R->C, rc);
}

static void not_carried(struct reader *R, const char *path, const jr_value *at, const char *what)
{
	fail_nomem(R->C, ddbgt__import_findf(R->C->imp, R->t, DDBGT_W_IMPORT_NOT_CARRIED, path, at,
	                                     "%s: %s is not carried over (%s)", R->r->address,
	                                     ddbgt__import_what(path), what));
}

/* A configured, non-empty value at key (in a plan: set in the configuration). */
static const jr_value *given(struct reader *R, struct cur c, const char *key)
{
	struct cur k = child(c, key);
	if (R->C->plan) {
		if (!k.expr)
			return NULL;
		return k.v ? k.v : R->r->at;
	}
	if (!k.v || k.v->type == JR_NULL || (k.v->type == JR_ARRAY && k.v->u.arr.count == 0))
		return NULL;
	return k.v;
}

/* --- aws_dynamodb_table --------------------------------------------------------- */

static ddbgt_attr_type attr_type_of(struct reader *R, struct cur body, const char *name)
{
	struct cur attrs = child(body, "attribute");
	for (size_t i = 0; i < block_count(attrs); i++) {
		struct cur a = block(attrs, i);
		char base[64];
		snprintf(base, sizeof base, "/attribute/%zu", i);
		const jr_value *at;
		const char *n = get_str(R, a, "name", base, &at);
		if (!n || strcmp(n, name) != 0)
			continue;
		int type;
		if (get_enum(R, a, "type", base, DDBGT_ENUM_ATTR_TYPE, &type, &at))
			return (ddbgt_attr_type)type;
	}
	return DDBGT_ATTR_UNSET;
}

static void read_key(struct reader *R, struct cur body, const char *key, int sort)
{
	const jr_value *at;
	const char *name = get_str(R, body, key, "", &at);
	if (!name)
		return;
	char copy[1024];
	snprintf(copy, sizeof copy, "%s", name);
	ddbgt_table *table = ddbgt__itable_table(R->t);
	ddbgt_attr_type type = attr_type_of(R, body, copy);
	note(R, sort ? "/table/sort_key" : "/table/partition_key", at);
	set(R, sort ? ddbgt_table_set_sort_key(table, copy, type)
	            : ddbgt_table_set_partition_key(table, copy, type));
}

static void read_attributes(struct reader *R, struct cur body)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	struct cur attrs = child(body, "attribute");
	for (size_t i = 0; i < block_count(attrs); i++) {
		struct cur a = block(attrs, i);
		char base[64], name[1024];
		snprintf(base, sizeof base, "/attribute/%zu", i);
		const jr_value *at, *tat;
		const char *n = get_str(R, a, "name", base, &at);
		if (!n)
			continue;
		snprintf(name, sizeof name, "%s", n);
		int type;
		if (!get_enum(R, a, "type", base, DDBGT_ENUM_ATTR_TYPE, &type, &tat))
			continue;
		const char *pk = ddbgt_table_partition_key_name(table);
		const char *sk = ddbgt_table_sort_key_name(table);
		if ((pk && strcmp(pk, name) == 0) || (sk && strcmp(sk, name) == 0))
			continue;
		char sp[64];
		snprintf(sp, sizeof sp, "/table/attributes/%zu",
		         ddbgt_table_attribute_count(table));
		note(R, sp, at);
		set(R, ddbgt_table_add_attribute(table, name, (ddbgt_attr_type)type));
	}
}

/* Provisioned units and on-demand maximums of the table or one GSI. */
static void read_throughput(struct reader *R, struct cur c, const char *base, ddbgt_gsi *gsi,
                            int provisioned, const char *spec_base)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	static const char *const cap_keys[] = {"read_capacity", "write_capacity"};
	static const char *const od_keys[] = {"max_read_request_units", "max_write_request_units"};
	char sp[256];
	for (int rw = 0; rw < 2 && provisioned; rw++) {
		int64_t units;
		const jr_value *at;
		if (!get_int(R, c, cap_keys[rw], base, &units, &at))
			continue;
		snprintf(sp, sizeof sp, "%s/capacity/%s", spec_base, rw ? "write" : "read");
		note(R, sp, at);
		set(R, gsi ? ddbgt_gsi_set_capacity(gsi, (ddbgt_rw)rw, units)
		           : ddbgt_table_set_capacity(table, (ddbgt_rw)rw, units));
	}
	struct cur od = child(c, "on_demand_throughput");
	if (block_count(od) == 0)
		return;
	struct cur o = block(od, 0);
	char obase[256];
	snprintf(obase, sizeof obase, "%s/on_demand_throughput/0", base);
	for (int rw = 0; rw < 2; rw++) {
		int64_t units;
		const jr_value *at;
		if (!get_int(R, o, od_keys[rw], obase, &units, &at))
			continue;
		/* The provider reads back 0 for a side that was not set. */
		if (units == 0 && R->C->plan)
			continue;
		snprintf(sp, sizeof sp, "%s/on_demand/%s", spec_base,
		         rw ? "max_write" : "max_read");
		note(R, sp, at);
		set(R, gsi ? ddbgt_gsi_set_on_demand_max(gsi, (ddbgt_rw)rw, units)
		           : ddbgt_table_set_on_demand_max(table, (ddbgt_rw)rw, units));
	}
}

static void read_non_key(struct reader *R, struct cur c, const char *base, ddbgt_gsi *gsi,
                         ddbgt_lsi *lsi)
{
	struct where w = {base, "non_key_attributes"};
	const jr_value *v;
	if (leaf(R, child(c, "non_key_attributes"), w, &v) != KNOWN)
		return;
	if (v->type != JR_ARRAY) {
		wrong_type(R, w, v, "a list of strings");
		return;
	}
	for (size_t i = 0; i < v->u.arr.count; i++) {
		const jr_value *s = v->u.arr.items[i];
		if (s->type != JR_STRING) {
			wrong_type(R, w, s, "a list of strings");
			continue;
		}
		const char *name = s->u.str.s;
		if (!R->C->plan) {
			if (!resolve(R->C, name, R->C->text, sizeof R->C->text, 0)) {
				unresolved(R, w, s, "an expression");
				continue;
			}
			name = R->C->text;
		}
		set(R, gsi ? ddbgt_gsi_add_non_key_attribute(gsi, name)
		           : ddbgt_lsi_add_non_key_attribute(lsi, name));
	}
}

/*
 * warm_throughput of the table or a GSI. It is computed by the provider
 * (AWS reports one for every table): in a plan only a configured block is
 * the user's; its zeroes are sides not set.
 */
static void read_warm(struct reader *R, struct cur c, const char *base, ddbgt_gsi *gsi,
                      const char *spec_base)
{
	static const char *const keys[] = {"read_units_per_second", "write_units_per_second"};
	struct cur w = child(c, "warm_throughput");
	if (block_count(w) == 0 || !given(R, c, "warm_throughput"))
		return;
	char wbase[256], sp[256];
	snprintf(wbase, sizeof wbase, "%s/warm_throughput/0", base);
	for (int rw = 0; rw < 2; rw++) {
		int64_t units;
		const jr_value *at;
		if (!get_int(R, block(w, 0), keys[rw], wbase, &units, &at) ||
		    (units == 0 && R->C->plan))
			continue;
		snprintf(sp, sizeof sp, "%s/warm_throughput/%s", spec_base, keys[rw]);
		note(R, sp, at);
		set(R, gsi ? ddbgt_gsi_set_warm_throughput(gsi, (ddbgt_rw)rw, units)
		           : ddbgt_table_set_warm_throughput(ddbgt__itable_table(R->t),
		                                             (ddbgt_rw)rw, units));
	}
}

/*
 * A GSI's key_schema blocks (provider 6.29+, in place of hash_key and
 * range_key): HASH entries are the partition key attributes in order, RANGE
 * the sort key's; one of a kind stays a single key, as hash_key says it.
 */
static void read_key_schema(struct reader *R, struct cur g, const char *base, ddbgt_gsi *gsi)
{
	struct cur ks = child(g, "key_schema");
	size_t n = block_count(ks), count[2] = {0, 0};
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			char b[128];
			snprintf(b, sizeof b, "%s/key_schema/%zu", base, i);
			const jr_value *at, *tat;
			const char *type = get_str(R, block(ks, i), "key_type", b, &tat);
			int range = type && strcmp(type, "RANGE") == 0;
			if (!type || (!range && strcmp(type, "HASH") != 0)) {
				if (type && pass == 0)
					wrong_type(R, (struct where){b, "key_type"}, tat,
					           "HASH or RANGE");
				continue;
			}
			if (pass == 0) {
				count[range]++;
				continue;
			}
			char name[1024];
			const char *s = get_str(R, block(ks, i), "attribute_name", b, &at);
			if (!s)
				continue;
			snprintf(name, sizeof name, "%s", s);
			if (count[range] == 1)
				set(R, range ? ddbgt_gsi_set_sort_key(gsi, name)
				             : ddbgt_gsi_set_partition_key(gsi, name));
			else
				set(R, range ? ddbgt_gsi_add_sort_key_attribute(gsi, name,
				                                                 DDBGT_ATTR_UNSET)
				             : ddbgt_gsi_add_partition_key_attribute(
				                       gsi, name, DDBGT_ATTR_UNSET));
		}
}

static void read_gsis(struct reader *R, struct cur body, int provisioned)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	struct cur list = child(body, "global_secondary_index");
	for (size_t i = 0; i < block_count(list); i++) {
		struct cur g = block(list, i);
		char base[64], sp[64];
		snprintf(base, sizeof base, "/global_secondary_index/%zu", i);
		snprintf(sp, sizeof sp, "/table/global_secondary_indexes/%zu",
		         ddbgt_table_gsi_count(table));
		const jr_value *at;
		const char *name = get_str(R, g, "name", base, &at);
		if (!name)
			continue;
		ddbgt_gsi *gsi;
		if (ddbgt_gsi_new(&gsi, name)) {
			fail_nomem(R->C, DDBGT_ENOMEM);
			return;
		}
		note(R, sp, g.v ? g.v : at);
		const char *s;
		if ((s = get_str(R, g, "hash_key", base, &at)))
			set(R, ddbgt_gsi_set_partition_key(gsi, s));
		if ((s = get_str(R, g, "range_key", base, &at)))
			set(R, ddbgt_gsi_set_sort_key(gsi, s));
		if (given(R, g, "key_schema"))
			read_key_schema(R, g, base, gsi);
		int projection;
		if (get_enum(R, g, "projection_type", base, DDBGT_ENUM_PROJECTION, &projection,
		             &at))
			set(R, ddbgt_gsi_set_projection(gsi, (ddbgt_projection)projection));
		read_non_key(R, g, base, gsi, NULL);
		read_warm(R, g, base, gsi, sp);
		if (ddbgt_table_add_gsi(table, gsi)) {
			ddbgt_gsi_free(gsi);
			fail_nomem(R->C, DDBGT_ENOMEM);
			return;
		}
		read_throughput(R, g, base, gsi, provisioned, sp);
	}
}

static void read_lsis(struct reader *R, struct cur body)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	struct cur list = child(body, "local_secondary_index");
	for (size_t i = 0; i < block_count(list); i++) {
		struct cur l = block(list, i);
		char base[64], sp[64];
		snprintf(base, sizeof base, "/local_secondary_index/%zu", i);
		snprintf(sp, sizeof sp, "/table/local_secondary_indexes/%zu",
		         ddbgt_table_lsi_count(table));
		const jr_value *at;
		const char *name = get_str(R, l, "name", base, &at);
		if (!name)
			continue;
		ddbgt_lsi *lsi;
		if (ddbgt_lsi_new(&lsi, name)) {
			fail_nomem(R->C, DDBGT_ENOMEM);
			return;
		}
		note(R, sp, l.v ? l.v : at);
		const char *s;
		if ((s = get_str(R, l, "range_key", base, &at)))
			set(R, ddbgt_lsi_set_sort_key(lsi, s));
		int projection;
		if (get_enum(R, l, "projection_type", base, DDBGT_ENUM_PROJECTION, &projection,
		             &at))
			set(R, ddbgt_lsi_set_projection(lsi, (ddbgt_projection)projection));
		read_non_key(R, l, base, NULL, lsi);
		if (ddbgt_table_add_lsi(table, lsi)) {
			ddbgt_lsi_free(lsi);
			fail_nomem(R->C, DDBGT_ENOMEM);
		}
	}
}

/* Tags: a map of strings. Each pair goes to set_tag(obj, k, v) unless skip(k, v). */
static void read_tags(struct reader *R, struct cur c, const char *base, ddbgt_table *table,
                      ddbgt_replica *replica)
{
	struct where w = {base, "tags"};
	const jr_value *v;
	if (leaf(R, child(c, "tags"), w, &v) != KNOWN)
		return;
	if (v->type != JR_OBJECT) {
		wrong_type(R, w, v, "a map of strings");
		return;
	}
	size_t i;
	const char *k;
	const jr_value *x;
	JR_OBJECT_FOREACH (v, i, k, x) {
		char key[1024], value[4096];
		if (x->type != JR_STRING) {
			wrong_type(R, w, x, "a map of strings");
			continue;
		}
		if (R->C->plan) {
			snprintf(key, sizeof key, "%s", k);
			snprintf(value, sizeof value, "%s", x->u.str.s);
		} else if (!resolve(R->C, k, key, sizeof key, 0) ||
		           !resolve(R->C, x->u.str.s, value, sizeof value, 0)) {
			unresolved(R, w, x, "an expression");
			continue;
		}
		if (replica) {
			/* The table's tags are applied to every replica: keep only the difference.
			 */
			const char *tv = ddbgt_table_tag(ddbgt__itable_table(R->t), key);
			if (tv && strcmp(tv, value) == 0)
				continue;
			set(R, ddbgt_replica_set_tag(replica, key, value));
		} else {
			set(R, ddbgt_table_set_tag(table, key, value));
		}
	}
}

/* A replica's PITR and deletion protection, set only where they differ from the table's. */
static void replica_flags(struct reader *R, ddbgt_replica *rep, int pitr, int dp)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	if (pitr >= 0 && pitr != ddbgt_table_pitr_enabled(table))
		set(R, ddbgt_replica_set_pitr(rep, pitr));
	if (dp >= 0 && dp != ddbgt_table_deletion_protection(table))
		set(R, ddbgt_replica_set_deletion_protection(rep, dp));
}

static ddbgt_replica *add_replica(struct reader *R, const char *region, const jr_value *at)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	ddbgt_replica *rep = ddbgt_table_find_replica_mut(table, region);
	if (rep)
		return rep;
	char sp[64];
	snprintf(sp, sizeof sp, "/replicas/%zu", ddbgt_table_replica_count(table));
	if (ddbgt_replica_new(&rep, region)) {
		fail_nomem(R->C, DDBGT_ENOMEM);
		return NULL;
	}
	if (ddbgt_table_add_replica(table, rep)) {
		ddbgt_replica_free(rep);
		fail_nomem(R->C, DDBGT_ENOMEM);
		return NULL;
	}
	note(R, sp, at);
	return rep;
}

static void read_replica_blocks(struct reader *R, struct cur body)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	struct cur list = child(body, "replica");
	for (size_t i = 0; i < block_count(list); i++) {
		struct cur b = block(list, i);
		char base[64];
		snprintf(base, sizeof base, "/replica/%zu", i);
		const jr_value *at;
		const char *region = get_str(R, b, "region_name", base, &at);
		if (!region)
			continue;
		ddbgt_replica *rep = add_replica(R, region, b.v ? b.v : at);
		if (!rep)
			return;
		const char *kms = get_str(R, b, "kms_key_arn", base, &at);
		if (kms)
			set(R, ddbgt_replica_set_kms_key(rep, kms));
		int pitr = get_bool(R, b, "point_in_time_recovery", base, &at);
		int dp = get_bool(R, b, "deletion_protection_enabled", base, &at);
		replica_flags(R, rep, pitr, dp);
		int mode;
		if (get_enum(R, b, "consistency_mode", base, DDBGT_ENUM_CONSISTENCY, &mode, &at) &&
		    mode == DDBGT_CONSISTENCY_STRONG)
			set(R, ddbgt_table_set_consistency(table, DDBGT_CONSISTENCY_STRONG));
		if (get_bool(R, b, "propagate_tags", base, &at) == 0 &&
		    ddbgt_table_tag_count(table))
			not_carried(R, base, at,
			            "propagate_tags = false: a spec tags every replica");
	}
}

/* The settings every aws_dynamodb_table carries, legacy regional tables included. */
static void read_table_body(struct reader *R, struct cur body)
{
	ddbgt_table *table = ddbgt__itable_table(R->t);
	const jr_value *at;
	const char *s;
	if ((s = get_str(R, body, "name", "", &at))) {
		note(R, "/table/name", at);
		set(R, ddbgt_table_set_name(table, s));
	}
	/* Terraform's default billing mode is PROVISIONED, the spec's PAY_PER_REQUEST. */
	int billing = DDBGT_BILLING_PROVISIONED;
	if (!get_enum(R, body, "billing_mode", "", DDBGT_ENUM_BILLING_MODE, &billing, &at) && at)
		billing = DDBGT_BILLING_PAY_PER_REQUEST;
	note(R, "/table/billing_mode", at ? at : R->r->at);
	if (billing == DDBGT_BILLING_PROVISIONED)
		set(R, ddbgt_table_set_billing_mode(table, DDBGT_BILLING_PROVISIONED));
	read_key(R, body, "hash_key", 0);
	read_key(R, body, "range_key", 1);
	read_attributes(R, body);
	read_throughput(R, body, "", NULL, billing == DDBGT_BILLING_PROVISIONED, "/table");
	read_gsis(R, body, billing == DDBGT_BILLING_PROVISIONED);
	read_lsis(R, body);

	int enabled = get_bool(R, body, "stream_enabled", "", &at);
	const jr_value *vat;
	int view = DDBGT_STREAM_VIEW_UNSET;
	get_enum(R, body, "stream_view_type", "", DDBGT_ENUM_STREAM_VIEW, &view, &vat);
	if (enabled >= 0) {
		note(R, "/table/stream", at);
		set(R, ddbgt_table_set_stream(table, enabled, (ddbgt_stream_view)view));
	}

	struct cur sse = child(body, "server_side_encryption");
	if (block_count(sse)) {
		struct cur e = block(sse, 0);
		int on = get_bool(R, e, "enabled", "/server_side_encryption/0", &at);
		const char *key = get_str(R, e, "kms_key_arn", "/server_side_encryption/0", &vat);
		/* A key given as an expression is still the customer's own. */
		int cmk = key || given(R, e, "kms_key_arn");
		if (on == 1) {
			note(R, "/table/encryption", at);
			set(R, ddbgt_table_set_encryption(table,
			                                  cmk ? DDBGT_ENCRYPTION_CUSTOMER_MANAGED
			                                      : DDBGT_ENCRYPTION_AWS_MANAGED));
			if (key && R->r->region) {
				char copy[2048];
				snprintf(copy, sizeof copy, "%s", key);
				ddbgt_replica *home = add_replica(R, R->r->region, R->r->region_at);
				if (home)
					set(R, ddbgt_replica_set_kms_key(home, copy));
			}
		}
	}
	struct cur ttl = child(body, "ttl");
	if (block_count(ttl)) {
		struct cur e = block(ttl, 0);
		int on = get_bool(R, e, "enabled", "/ttl/0", &at);
		const char *name = get_str(R, e, "attribute_name", "/ttl/0", &vat);
		/* "" is kept as given: the validator reports it. */
		if (on != 0 && name) {
			note(R, "/table/ttl_attribute", vat);
			set(R, ddbgt_table_set_ttl_attribute(table, name));
		}
	}
	int cls;
	if (get_enum(R, body, "table_class", "", DDBGT_ENUM_TABLE_CLASS, &cls, &at) &&
	    cls != DDBGT_TABLE_CLASS_STANDARD) {
		note(R, "/table/table_class", at);
		set(R, ddbgt_table_set_table_class(table, (ddbgt_table_class)cls));
	}
	if (get_bool(R, body, "deletion_protection_enabled", "", &at) == 1) {
		note(R, "/table/deletion_protection", at);
		set(R, ddbgt_table_set_deletion_protection(table, 1));
	}
	struct cur pitr = child(body, "point_in_time_recovery");
	if (block_count(pitr)) {
		struct cur p = block(pitr, 0);
		if (get_bool(R, p, "enabled", "/point_in_time_recovery/0", &at) == 1) {
			note(R, "/table/point_in_time_recovery", at);
			set(R, ddbgt_table_set_pitr(table, 1));
			int64_t days;
			if (get_int(R, p, "recovery_period_in_days", "/point_in_time_recovery/0",
			            &days, &at))
				set(R, ddbgt_table_set_pitr_period(table, days));
		}
	}
	read_tags(R, body, "", table, NULL);
	read_warm(R, body, "", NULL, "/table");
	static const char *const lost[][2] = {
	        {"import_table", "creating the table from an S3 import"},
	        {"restore_source_name", "restoring from a backup"},
	        {"restore_source_table_arn", "restoring from a backup"},
	        {"restore_date_time", "restoring from a backup"},
	};
	for (size_t i = 0; i < sizeof lost / sizeof lost[0]; i++) {
		const jr_value *g = given(R, body, lost[i][0]);
		if (g) {
			char path[64];
			snprintf(path, sizeof path, "/%s", lost[i][0]);
			not_carried(R, path, g, lost[i][1]);
		}
	}
}

static void import_table(struct tf *C, struct tfres *r)
{
	ddbgt__itable *t;
	if (ddbgt__import_add_table(&t, C->imp, r->address, r->at)) {
		fail_nomem(C, DDBGT_ENOMEM);
		return;
	}
	r->owner = t;
	struct reader R = {C, r, t};
	note(&R, "", r->at);
	note(&R, "/table", r->at);
	if (r->region)
		add_replica(&R, r->region, r->region_at);
	read_table_body(&R, r->body);
	read_replica_blocks(&R, r->body);
	struct cur w = child(r->body, "global_table_witness");
	if (block_count(w)) {
		const jr_value *at;
		const char *region =
		        get_str(&R, block(w, 0), "region_name", "/global_table_witness/0", &at);
		if (region) {
			note(&R, "/table/witness_region", at);
			set(&R, ddbgt_table_set_witness_region(ddbgt__itable_table(t), region));
		}
	}
}

/* --- the resources around a table ---------------------------------------------------- */

static ddbgt__itable *table_by_name(struct tf *C, const char *name)
{
	for (size_t i = 0; name && i < ddbgt__import_count(C->imp); i++) {
		ddbgt__itable *t = ddbgt__import_itable(C->imp, i);
		const char *n = ddbgt_table_name(ddbgt__itable_table(t));
		if (n && strcmp(n, name) == 0)
			return t;
	}
	return NULL;
}

static ddbgt__itable *table_by_address(struct tf *C, const char *address, size_t len)
{
	for (size_t i = 0; i < C->nres; i++)
		if (C->res[i].owner && strlen(C->res[i].address) == len &&
		    strncmp(C->res[i].address, address, len) == 0 &&
		    strcmp(C->res[i].type, "aws_dynamodb_table") == 0)
			return C->res[i].owner;
	return NULL;
}

/*
 * The table an attribute refers to (global_table_arn = the table's arn): in a
 * plan through the configuration's references, in a .tf.json through the
 * "${aws_dynamodb_table.NAME.ATTR}" it holds.
 */
static ddbgt__itable *referenced_table(struct tf *C, struct tfres *r, const char *key)
{
	struct cur k = child(r->body, key);
	if (C->plan) {
		const jr_value *refs = member(k.expr, "references");
		for (size_t i = 0; refs && refs->type == JR_ARRAY && i < refs->u.arr.count; i++) {
			const jr_value *s = refs->u.arr.items[i];
			if (s->type != JR_STRING || strncmp(s->u.str.s, "aws_dynamodb_table.", 19) != 0)
				continue;
			/* References are relative to the resource's module. */
			const char *dot = strchr(s->u.str.s + 19, '.');
			size_t n = dot ? (size_t)(dot - s->u.str.s) : s->u.str.len;
			char full[1024];
			if (r->module_len + n >= sizeof full)
				continue;
			memcpy(full, r->address, r->module_len);
			memcpy(full + r->module_len, s->u.str.s, n);
			ddbgt__itable *t = table_by_address(C, full, r->module_len + n);
			if (t)
				return t;
		}
		return NULL;
	}
	if (!k.v || k.v->type != JR_STRING)
		return NULL;
	const char *s = strstr(k.v->u.str.s, "${aws_dynamodb_table.");
	if (!s)
		return NULL;
	s += 2;
	const char *dot = strchr(s + 19, '.');
	const char *end = strchr(s, '}');
	if (!end)
		return NULL;
	return table_by_address(C, s, (size_t)((dot && dot < end ? dot : end) - s));
}

static void orphan(struct tf *C, struct tfres *r, const char *what)
{
	fail_nomem(C, ddbgt__import_findf(C->imp, NULL, DDBGT_W_IMPORT_ORPHAN, "", r->at,
	                                  "%s: %s names a table that the input does not declare, "
	                                  "so it was not imported",
	                                  r->address, what));
}

static void import_replica_resource(struct tf *C, struct tfres *r)
{
	ddbgt__itable *t = referenced_table(C, r, "global_table_arn");
	if (!t) {
		orphan(C, r, "global_table_arn");
		return;
	}
	r->owner = t;
	struct reader R = {C, r, t};
	if (!r->region)
		return;
	ddbgt_replica *rep = add_replica(&R, r->region, r->at);
	if (!rep)
		return;
	const jr_value *at;
	const char *kms = get_str(&R, r->body, "kms_key_arn", "", &at);
	if (kms)
		set(&R, ddbgt_replica_set_kms_key(rep, kms));
	int pitr = get_bool(&R, r->body, "point_in_time_recovery", "", &at);
	int dp = get_bool(&R, r->body, "deletion_protection_enabled", "", &at);
	replica_flags(&R, rep, pitr, dp);
	int cls;
	if (get_enum(&R, r->body, "table_class_override", "", DDBGT_ENUM_TABLE_CLASS, &cls, &at) &&
	    cls != (int)ddbgt_table_table_class(ddbgt__itable_table(t)))
		set(&R, ddbgt_replica_set_table_class(rep, (ddbgt_table_class)cls));
	read_tags(&R, r->body, "", NULL, rep);
}

/* The table a resource names by table_name, in the resource's region. */
static ddbgt__itable *named_table(struct reader *R, const char *key, const jr_value **at)
{
	const char *name = get_str(R, R->r->body, key, "", at);
	return name ? table_by_name(R->C, name) : NULL;
}

/*
 * The replica a per-region resource (insights, Kinesis) belongs to: its
 * table_name's table, in its region; NULL, reported, when there is none.
 * R->t is the table once it is found.
 */
static ddbgt_replica *replica_of(struct reader *R)
{
	const jr_value *at;
	ddbgt__itable *t = named_table(R, "table_name", &at);
	if (!t) {
		orphan(R->C, R->r, "table_name");
		return NULL;
	}
	R->t = R->r->owner = t;
	ddbgt_replica *rep = R->r->region ? ddbgt_table_find_replica_mut(ddbgt__itable_table(t),
	                                                                 R->r->region)
	                                  : NULL;
	if (!rep)
		not_carried(R, "", R->r->at, "its region is not one of the table's replicas");
	return rep;
}

static void import_insights(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	ddbgt_replica *rep = replica_of(&R);
	if (!rep)
		return;
	ddbgt_table *table = ddbgt__itable_table(R.t);
	/* The mode is computed by the provider: only a configured one is the user's. */
	int mode = DDBGT_INSIGHTS_MODE_UNSET;
	if (given(&R, r->body, "mode"))
		get_enum(&R, r->body, "mode", "", DDBGT_ENUM_INSIGHTS_MODE, &mode, &at);
	const char *idx = given(&R, r->body, "index_name")
	                          ? get_str(&R, r->body, "index_name", "", &at)
	                          : NULL;
	if (!idx) {
		set(&R, mode ? ddbgt_replica_set_contributor_insights_mode(
		                       rep, 1, (ddbgt_insights_mode)mode)
		             : ddbgt_replica_set_contributor_insights(rep, 1));
		return;
	}
	char iname[256];
	snprintf(iname, sizeof iname, "%s", idx);
	if (!ddbgt_table_find_gsi(table, iname)) {
		not_carried(&R, "/index_name", at, "no such index in the table");
		return;
	}
	set(&R, mode ? ddbgt_replica_set_gsi_contributor_insights_mode(rep, iname, 1,
	                                                               (ddbgt_insights_mode)mode)
	             : ddbgt_replica_set_gsi_contributor_insights(rep, iname, 1));
}

/* A replica's Kinesis data stream: one per replica in a spec. */
static void import_kinesis(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	ddbgt_replica *rep = replica_of(&R);
	if (!rep)
		return;
	if (ddbgt_replica_kinesis_stream_arn(rep)) {
		not_carried(&R, "", r->at, "a second Kinesis destination of one replica");
		return;
	}
	const char *arn = get_str(&R, r->body, "stream_arn", "", &at);
	if (!arn)
		return;
	char copy[2048];
	snprintf(copy, sizeof copy, "%s", arn);
	int precision = DDBGT_KINESIS_PRECISION_UNSET;
	if (given(&R, r->body, "approximate_creation_date_time_precision"))
		get_enum(&R, r->body, "approximate_creation_date_time_precision", "",
		         DDBGT_ENUM_KINESIS_PRECISION, &precision, &at);
	set(&R, ddbgt_replica_set_kinesis_stream(rep, copy, (ddbgt_kinesis_precision)precision));
}

/*
 * Whether an aws_dynamodb_resource_policy's resource_arn names a stream (1)
 * or a table (0): a literal ARN with "/stream/" or not, or an expression
 * that takes a stream_arn (a .tf.json's string, a plan's references) or an
 * arn. A plan does not list what a for expression takes of its element
 * (r.stream_arn in one([for r in T.replica : ...])): -1, undecided.
 */
static int names_stream(struct tf *C, struct tfres *r)
{
	struct cur k = child(r->body, "resource_arn");
	if (k.v && k.v->type == JR_STRING)
		return strstr(k.v->u.str.s, "/stream/") || strstr(k.v->u.str.s, "stream_arn");
	const jr_value *refs = C->plan ? member(k.expr, "references") : NULL;
	int table = 0;
	for (size_t i = 0; refs && refs->type == JR_ARRAY && i < refs->u.arr.count; i++) {
		const jr_value *s = refs->u.arr.items[i];
		if (s->type != JR_STRING)
			continue;
		if (strstr(s->u.str.s, ".stream_arn"))
			return 1;
		table |= s->u.str.len > 4 && strcmp(s->u.str.s + s->u.str.len - 4, ".arn") == 0;
	}
	return table ? 0 : -1;
}

/* "arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME[/...]": NAME into out. */
static int arn_table_name(const char *arn, char *out, size_t size)
{
	const char *p = arn;
	for (int colons = 0; colons < 5; colons++) {
		p = strchr(p, ':');
		if (!p)
			return 0;
		p++;
	}
	if (strncmp(p, "table/", 6) != 0)
		return 0;
	p += 6;
	size_t n = strcspn(p, "/");
	if (n == 0 || n >= size)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

/*
 * A replica's resource-based policy, of its table or of its stream: the
 * table is the one resource_arn refers to (or names in a literal ARN), the
 * replica the resource's region. The policy is a JSON string; one built by
 * an expression (jsonencode, a data source) is unresolved like any other.
 */
static void import_resource_policy(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	ddbgt__itable *t = referenced_table(C, r, "resource_arn");
	struct cur k = child(r->body, "resource_arn");
	char name[256];
	if (!t && k.v && k.v->type == JR_STRING && arn_table_name(k.v->u.str.s, name, sizeof name))
		t = table_by_name(C, name);
	/* A replica's ARN is an expression over the table: one([for r in T.replica : r.arn ...]). */
	const char *ref = !t && k.v && k.v->type == JR_STRING && strstr(k.v->u.str.s, "${")
	                          ? strstr(k.v->u.str.s, "aws_dynamodb_table.")
	                          : NULL;
	if (ref) {
		const char *dot = strchr(ref + 19, '.');
		t = table_by_address(C, ref, dot ? (size_t)(dot - ref) : strcspn(ref, " )]}"));
	}
	if (!t) {
		orphan(C, r, "resource_arn");
		return;
	}
	R.t = r->owner = t;
	ddbgt_replica *rep = r->region ? ddbgt_table_find_replica_mut(ddbgt__itable_table(t),
	                                                              r->region)
	                               : NULL;
	if (!rep) {
		not_carried(&R, "", r->at, "its region is not one of the table's replicas");
		return;
	}
	const char *policy = get_str(&R, r->body, "policy", "", &at);
	if (!policy)
		return;
	int stream = names_stream(C, r);
	/*
	 * Undecided: the policy says, as the validator wants a replica's policy
	 * to name its own table or stream (DDBGT_E_RESOURCE_POLICY_RESOURCE).
	 */
	if (stream < 0)
		stream = strstr(policy, "/stream/") != NULL;
	if (stream ? ddbgt_replica_stream_resource_policy(rep) : ddbgt_replica_resource_policy(rep)) {
		not_carried(&R, "", r->at, "a second resource-based policy of one table or stream");
		return;
	}
	char *text = NULL;
	int rc = ddbgt__iam_policy_canonical(&text, policy, strlen(policy));
	if (rc == DDBGT_EINVAL) {
		struct where w = {"", "policy"};
		wrong_type(&R, w, at, "the JSON text of one object (a policy document)");
		return;
	}
	if (rc) {
		fail_nomem(C, rc);
		return;
	}
	set(&R, stream ? ddbgt_replica_set_stream_resource_policy(rep, text)
	               : ddbgt_replica_set_resource_policy(rep, text));
	ddbgt_free(text);
}

static void import_not_carried(struct tf *C, struct tfres *r, const char *key, const char *what)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	ddbgt__itable *t = named_table(&R, key, &at);
	if (!t)
		t = referenced_table(C, r, key);
	R.t = r->owner = t;
	not_carried(&R, "", r->at, what);
}

/* "table/NAME" or "table/NAME/index/INDEX" (an autoscaling resource_id). */
static int parse_resource_id(const char *id, char *table, size_t tsize, char *index, size_t isize)
{
	if (strncmp(id, "table/", 6) != 0)
		return 0;
	id += 6;
	const char *slash = strstr(id, "/index/");
	size_t n = slash ? (size_t)(slash - id) : strlen(id);
	if (n == 0 || n >= tsize)
		return 0;
	memcpy(table, id, n);
	table[n] = '\0';
	snprintf(index, isize, "%s", slash ? slash + 7 : "");
	return 1;
}

static void import_scaling_target(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	const char *ns = get_str(&R, r->body, "service_namespace", "", &at);
	if (!ns || strcmp(ns, "dynamodb") != 0)
		return;
	char name[256], index[256];
	const char *id = get_str(&R, r->body, "resource_id", "", &at);
	char rid[512];
	snprintf(rid, sizeof rid, "%s", id ? id : "");
	if (!id || !parse_resource_id(rid, name, sizeof name, index, sizeof index))
		return;
	ddbgt__itable *t = table_by_name(C, name);
	if (!t) {
		orphan(C, r, "resource_id");
		return;
	}
	R.t = r->owner = t;
	const char *dim = get_str(&R, r->body, "scalable_dimension", "", &at);
	if (!dim)
		return;
	struct scaling s = {.t = t,
	                    .region = r->region,
	                    .res = r,
	                    .cooldown_in = -1,
	                    .cooldown_out = -1,
	                    .no_scale_in = DDBGT_INHERIT};
	snprintf(s.index, sizeof s.index, "%s", index);
	snprintf(s.resource_id, sizeof s.resource_id, "%s", rid);
	if (strstr(dim, "ReadCapacityUnits"))
		s.rw = DDBGT_READ;
	else if (strstr(dim, "WriteCapacityUnits"))
		s.rw = DDBGT_WRITE;
	else
		return;
	if (!get_int(&R, r->body, "min_capacity", "", &s.min, &at) ||
	    !get_int(&R, r->body, "max_capacity", "", &s.max, &at))
		return;
	if (ddbgt__grow((void **)&C->sc, &C->sc_cap, C->nsc + 1, sizeof *C->sc)) {
		fail_nomem(C, DDBGT_ENOMEM);
		return;
	}
	C->sc[C->nsc++] = s;
}

static void import_scaling_policy(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	const char *id = get_str(&R, r->body, "resource_id", "", &at);
	if (!id)
		return;
	char rid[512];
	snprintf(rid, sizeof rid, "%s", id);
	const char *dim = get_str(&R, r->body, "scalable_dimension", "", &at);
	if (!dim)
		return;
	int read = strstr(dim, "Read") != NULL;
	for (size_t i = 0; i < C->nsc; i++) {
		struct scaling *s = &C->sc[i];
		if (strcmp(s->resource_id, rid) != 0)
			continue;
		int same_dim = (s->rw == DDBGT_READ) == read;
		int same_region = (!s->region && !r->region) ||
		                  (s->region && r->region && strcmp(s->region, r->region) == 0);
		if (!same_dim || !same_region)
			continue;
		R.t = r->owner = s->t;
		struct cur cfg = child(r->body, "target_tracking_scaling_policy_configuration");
		if (block_count(cfg) == 0) {
			not_carried(&R, "", r->at, "only target tracking policies are");
			return;
		}
		static const char base[] = "/target_tracking_scaling_policy_configuration/0";
		struct cur b = block(cfg, 0);
		if (get_num(&R, b, "target_value", base, &s->target, &at))
			s->has_policy = 1;
		/* Only configured tuning counts: a plan reads back disable_scale_in = false. */
		static const char *const cooldowns[] = {"scale_in_cooldown", "scale_out_cooldown"};
		for (int k = 0; k < 2; k++) {
			int64_t *out = k ? &s->cooldown_out : &s->cooldown_in;
			if (!given(&R, b, cooldowns[k]) ||
			    !get_int(&R, b, cooldowns[k], base, out, &at) || *out >= 0)
				continue;
			wrong_type(&R, (struct where){base, cooldowns[k]}, at,
			           "a number of seconds, 0 or more");
			*out = -1;
		}
		int off = given(&R, b, "disable_scale_in")
		                  ? get_bool(&R, b, "disable_scale_in", base, &at)
		                  : -1;
		if (off >= 0)
			s->no_scale_in = off;
		return;
	}
	orphan(C, r, "resource_id");
}

static int tuned(const struct scaling *s)
{
	return s->cooldown_in >= 0 || s->cooldown_out >= 0 || s->no_scale_in != DDBGT_INHERIT;
}

static int same_scaling(const struct scaling *a, int64_t min, int64_t max, double target,
                        int64_t cooldown_in, int64_t cooldown_out, int no_scale_in)
{
	return a->min == min && a->max == max && a->target == target &&
	       a->cooldown_in == cooldown_in && a->cooldown_out == cooldown_out &&
	       a->no_scale_in == no_scale_in;
}

/* Autoscaling into the tables: writes table-wide, reads per region (the home region's
 * become the table's, others are replica overrides where they differ). */
static void apply_scaling(struct tf *C)
{
	for (size_t i = 0; i < C->nsc; i++) {
		struct scaling *s = &C->sc[i];
		ddbgt_table *table = ddbgt__itable_table(s->t);
		struct reader R = {C, (struct tfres *)s->res, s->t};
		ddbgt_gsi *gsi = s->index[0] ? ddbgt_table_find_gsi_mut(table, s->index) : NULL;
		if (s->index[0] && !gsi) {
			not_carried(&R, "/resource_id", s->res->at, "no such index in the table");
			continue;
		}
		const ddbgt_replica *home = ddbgt_table_primary_replica(table);
		int at_home =
		        !s->region || (home && strcmp(ddbgt_replica_region(home), s->region) == 0);
		if (s->rw == DDBGT_WRITE || at_home) {
			if (!s->has_policy)
				continue; /* min = max without a policy: fixed units, already set */
			int64_t mn, mx;
			double tu;
			int have = gsi ? ddbgt_gsi_get_autoscaling(gsi, s->rw, &mn, &mx, &tu)
			               : ddbgt_table_get_autoscaling(table, s->rw, &mn, &mx, &tu);
			if (have == DDBGT_OK)
				continue; /* the home region's (or first) settings win */
			set(&R,
			    gsi ? ddbgt_gsi_set_autoscaling(gsi, s->rw, s->min, s->max, s->target)
			        : ddbgt_table_set_autoscaling(table, s->rw, s->min, s->max,
			                                      s->target));
			if (tuned(s))
				set(&R, gsi ? ddbgt_gsi_set_autoscaling_tuning(
				                      gsi, s->rw, s->cooldown_in, s->cooldown_out,
				                      s->no_scale_in)
				            : ddbgt_table_set_autoscaling_tuning(
				                      table, s->rw, s->cooldown_in, s->cooldown_out,
				                      s->no_scale_in));
			continue;
		}
	}
	/* Second pass: read settings of the other regions, against the table's. */
	for (size_t i = 0; i < C->nsc; i++) {
		struct scaling *s = &C->sc[i];
		ddbgt_table *table = ddbgt__itable_table(s->t);
		struct reader R = {C, (struct tfres *)s->res, s->t};
		ddbgt_gsi *gsi = s->index[0] ? ddbgt_table_find_gsi_mut(table, s->index) : NULL;
		const ddbgt_replica *home = ddbgt_table_primary_replica(table);
		if (s->rw != DDBGT_READ || !s->region || (s->index[0] && !gsi) ||
		    (home && strcmp(ddbgt_replica_region(home), s->region) == 0))
			continue;
		ddbgt_replica *rep = ddbgt_table_find_replica_mut(table, s->region);
		if (!rep) {
			not_carried(&R, "", s->res->at,
			            "its region is not one of the table's replicas");
			continue;
		}
		int64_t mn, mx, units;
		double tu;
		int have = gsi ? ddbgt_gsi_get_autoscaling(gsi, DDBGT_READ, &mn, &mx, &tu)
		               : ddbgt_table_get_autoscaling(table, DDBGT_READ, &mn, &mx, &tu);
		if (s->has_policy) {
			int64_t cin = -1, cout = -1;
			int off = DDBGT_INHERIT;
			if (have == DDBGT_OK)
				gsi ? ddbgt_gsi_get_autoscaling_tuning(gsi, DDBGT_READ, &cin, &cout,
				                                       &off)
				    : ddbgt_table_get_autoscaling_tuning(table, DDBGT_READ, &cin,
				                                         &cout, &off);
			if (have == DDBGT_OK && same_scaling(s, mn, mx, tu, cin, cout, off))
				continue;
			set(&R, gsi ? ddbgt_replica_set_gsi_read_autoscaling(rep, s->index, s->min,
			                                                     s->max, s->target)
			            : ddbgt_replica_set_read_autoscaling(rep, s->min, s->max,
			                                                 s->target));
			if (tuned(s))
				set(&R, gsi ? ddbgt_replica_set_gsi_read_autoscaling_tuning(
				                      rep, s->index, s->cooldown_in,
				                      s->cooldown_out, s->no_scale_in)
				            : ddbgt_replica_set_read_autoscaling_tuning(
				                      rep, s->cooldown_in, s->cooldown_out,
				                      s->no_scale_in));
		} else if (s->min == s->max) {
			int hc = gsi ? ddbgt_gsi_get_capacity(gsi, DDBGT_READ, &units)
			             : ddbgt_table_get_capacity(table, DDBGT_READ, &units);
			if (have != DDBGT_OK && hc == DDBGT_OK && units == s->min)
				continue;
			set(&R, gsi ? ddbgt_replica_set_gsi_read_capacity(rep, s->index, s->min)
			            : ddbgt_replica_set_read_capacity(rep, s->min));
		} else {
			not_carried(&R, "", s->res->at, "a scaling target without a policy");
		}
	}
}

/* --- legacy global tables ---------------------------------------------------------- */

/*
 * aws_dynamodb_global_table NAME with one aws_dynamodb_table NAME per region:
 * one legacy table whose settings are its home region's, with per-region
 * differences as replica overrides.
 */
static void import_legacy(struct tf *C, struct tfres *g)
{
	struct reader R = {C, g, NULL};
	const jr_value *at;
	const char *name = get_str(&R, g->body, "name", "", &at);
	if (!name)
		return;
	char gname[256];
	snprintf(gname, sizeof gname, "%s", name);
	struct cur list = child(g->body, "replica");
	/*
	 * The home table: in the global table's own region, else the first
	 * declared. Its region is the first replica, the primary.
	 */
	struct tfres *home = NULL;
	for (size_t i = 0; i < C->nres; i++) {
		struct tfres *r = &C->res[i];
		R.r = r;
		if (strcmp(r->type, "aws_dynamodb_table") || r->owner)
			continue;
		const char *n = get_str(&R, r->body, "name", "", &at);
		if (!n || strcmp(n, gname) != 0)
			continue;
		if (!home || (g->region && r->region && strcmp(g->region, r->region) == 0))
			home = r;
	}
	R.r = g;
	if (!home) {
		orphan(C, g, "name");
		return;
	}
	import_table(C, home);
	ddbgt__itable *t = home->owner;
	if (!t)
		return;
	g->owner = t;
	ddbgt_table *table = ddbgt__itable_table(t);
	set(&R, ddbgt_table_set_legacy_version(table, 1));
	/* A version 2017.11.29 table can no longer be created: it exists. */
	set(&R, ddbgt_table_set_adopt_existing(table, 1));
	R.t = t;
	for (size_t i = 0; i < block_count(list); i++) {
		char base[64];
		snprintf(base, sizeof base, "/replica/%zu", i);
		const char *region = get_str(&R, block(list, i), "region_name", base, &at);
		if (region)
			add_replica(&R, region, at);
	}
	for (size_t i = 0; i < C->nres; i++) {
		struct tfres *r = &C->res[i];
		struct reader RR = {C, r, t};
		if (r == home || strcmp(r->type, "aws_dynamodb_table") || r->owner || !r->region)
			continue;
		const char *n = get_str(&RR, r->body, "name", "", &at);
		if (!n || strcmp(n, gname) != 0)
			continue;
		r->owner = t;
		ddbgt_replica *rep = add_replica(&RR, r->region, r->at);
		if (!rep)
			return;
		int cls;
		if (get_enum(&RR, r->body, "table_class", "", DDBGT_ENUM_TABLE_CLASS, &cls, &at) &&
		    cls != (int)ddbgt_table_table_class(table))
			set(&RR, ddbgt_replica_set_table_class(rep, (ddbgt_table_class)cls));
		struct cur sse = child(r->body, "server_side_encryption");
		const char *key = block_count(sse) ? get_str(&RR, block(sse, 0), "kms_key_arn",
		                                             "/server_side_encryption/0", &at)
		                                   : NULL;
		if (key)
			set(&RR, ddbgt_replica_set_kms_key(rep, key));
		struct cur pitr = child(r->body, "point_in_time_recovery");
		int on = block_count(pitr) ? get_bool(&RR, block(pitr, 0), "enabled",
		                                      "/point_in_time_recovery/0", &at)
		                           : 0;
		int dp = get_bool(&RR, r->body, "deletion_protection_enabled", "", &at);
		replica_flags(&RR, rep, on < 0 ? 0 : on, dp);
		int64_t units, tunits;
		if (get_int(&RR, r->body, "read_capacity", "", &units, &at) &&
		    ddbgt_table_get_capacity(table, DDBGT_READ, &tunits) == DDBGT_OK &&
		    units != tunits)
			set(&RR, ddbgt_replica_set_read_capacity(rep, units));
		struct cur gl = child(r->body, "global_secondary_index");
		for (size_t k = 0; k < block_count(gl); k++) {
			char base[64], iname[256];
			snprintf(base, sizeof base, "/global_secondary_index/%zu", k);
			const char *in = get_str(&RR, block(gl, k), "name", base, &at);
			if (!in)
				continue;
			snprintf(iname, sizeof iname, "%s", in);
			ddbgt_gsi *gsi = ddbgt_table_find_gsi_mut(table, iname);
			if (gsi && get_int(&RR, block(gl, k), "read_capacity", base, &units, &at) &&
			    ddbgt_gsi_get_capacity(gsi, DDBGT_READ, &tunits) == DDBGT_OK &&
			    units != tunits)
				set(&RR, ddbgt_replica_set_gsi_read_capacity(rep, iname, units));
		}
	}
}

/* --- the stream's default and the roles ------------------------------------------- */

/*
 * The spec's default stream (enabled, NEW_AND_OLD_IMAGES, on 2+ regions) is
 * what every Terraform global table must say; leave it implicit.
 */
static void default_stream(ddbgt_table *table)
{
	if (ddbgt_table_stream_is_set(table) && ddbgt_table_stream_enabled(table) &&
	    ddbgt_table_stream_view(table) == DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES &&
	    ddbgt_table_replica_count(table) >= 2 && !ddbgt_table_legacy_version(table))
		ddbgt_table_clear_stream(table);
}

/* libddbgt's own documents name each region's role in output "regions". */
static void roles_from_outputs(struct tf *C, const jr_value *outputs)
{
	const jr_value *regions = member(member(outputs, "regions"), "value");
	if (!regions || regions->type != JR_OBJECT || ddbgt__import_count(C->imp) != 1)
		return;
	ddbgt_table *table = ddbgt__itable_table(ddbgt__import_itable(C->imp, 0));
	size_t i;
	const char *region;
	const jr_value *v;
	JR_OBJECT_FOREACH (regions, i, region, v) {
		const jr_value *role = member(v, "role");
		ddbgt_replica *rep = ddbgt_table_find_replica_mut(table, region);
		int r;
		if (rep && role && role->type == JR_STRING &&
		    ddbgt_enum_parse(DDBGT_ENUM_ROLE, role->u.str.s, &r) == DDBGT_OK &&
		    r == DDBGT_ROLE_STANDBY)
			fail_nomem(C,
			           ddbgt_replica_set_role(rep, DDBGT_ROLE_STANDBY) == DDBGT_ENOMEM
			                   ? DDBGT_ENOMEM
			                   : 0);
	}
}

/* --- the operations object ---------------------------------------------------------- */

/*
 * What libddbgt's Terraform target writes for a spec's operations object
 * (doc/operations.md, doc/security.md), read back into it: a setting is
 * written only where it differs from its default, as the loader would keep
 * the spec. Resources that belong to no table of the input are left alone:
 * alarms, policies and endpoints are common beyond DynamoDB.
 */

static ddbgt_operations *ops_of(struct tf *C, ddbgt__itable *t)
{
	ddbgt_operations *ops = ddbgt_table_operations_mut(ddbgt__itable_table(t));
	if (!ops)
		fail_nomem(C, DDBGT_ENOMEM);
	return ops;
}

/* The table a text names through "aws_dynamodb_table.NAME." (a policy's account expression). */
static ddbgt__itable *table_in_text(struct tf *C, const char *text)
{
	const char *s = text ? strstr(text, "aws_dynamodb_table.") : NULL;
	if (!s)
		return NULL;
	const char *dot = strchr(s + 19, '.');
	return dot ? table_by_address(C, s, (size_t)(dot - s)) : NULL;
}

/* The table whose resource label is label[0, len): the operations resources share it. */
static ddbgt__itable *table_by_label(struct tf *C, const char *label, size_t len)
{
	char address[600];
	if (len + 20 > sizeof address)
		return NULL;
	memcpy(address, "aws_dynamodb_table.", 19);
	memcpy(address + 19, label, len);
	return table_by_address(C, address, 19 + len);
}

static struct ops_seen *seen_of(struct tf *C, ddbgt__itable *t)
{
	for (size_t i = 0; i < C->nseen; i++)
		if (C->seen[i].t == t)
			return &C->seen[i];
	if (ddbgt__grow((void **)&C->seen, &C->seen_cap, C->nseen + 1, sizeof *C->seen)) {
		fail_nomem(C, DDBGT_ENOMEM);
		return NULL;
	}
	C->seen[C->nseen] = (struct ops_seen){t, {0, 0}};
	return &C->seen[C->nseen++];
}

/* The first string of a list attribute; NULL when not KNOWN. */
static const char *first_str(struct reader *R, struct cur c, const char *key, const char *base)
{
	struct cur k = child(c, key);
	const jr_value *v;
	if (block_count(k) == 0 || leaf(R, block(k, 0), (struct where){base, key}, &v) != KNOWN ||
	    v->type != JR_STRING)
		return NULL;
	return R->C->plan ? v->u.str.s : R->C->str;
}

static void import_alarm(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at;
	char metric[64] = "", expression[96] = "";
	ddbgt__iops_alarm a = {0};
	const char *s = get_str(&R, r->body, "metric_name", "", &at);
	struct cur q = child(r->body, "metric_query");
	struct cur dims = child(r->body, "dimensions");
	if (s) {
		snprintf(metric, sizeof metric, "%s", s);
		a.metric = metric;
		a.has_period = get_int(&R, r->body, "period", "", &a.period, &at);
	} else if (block_count(q) >= 2) {
		/* e1 is the expression, the next query its first metric. */
		s = get_str(&R, block(q, 0), "expression", "/metric_query/0", &at);
		snprintf(expression, sizeof expression, "%s", s ? s : "");
		a.expression = expression;
		struct cur m = child(block(q, 1), "metric");
		dims = child(block(m, 0), "dimensions");
		a.has_period =
		        get_int(&R, block(m, 0), "period", "/metric_query/1/metric", &a.period, &at);
	}
	const char *name = get_str(&R, block(dims, 0), "TableName", "/dimensions", &at);
	ddbgt__itable *t = name ? table_by_name(C, name) : NULL;
	if (!t)
		return;
	R.t = r->owner = t;
	ddbgt_operations *ops = ops_of(C, t);
	struct ops_seen *seen = seen_of(C, t);
	if (!ops || !seen)
		return;
	note(&R, "/operations/alarms", r->at);
	set(&R, ddbgt_operations_set_alarms(ops, 1));
	a.has_periods = get_int(&R, r->body, "evaluation_periods", "", &a.periods, &at);
	a.has_threshold = get_num(&R, r->body, "threshold", "", &a.threshold, &at);
	int rc = ddbgt__iops_alarm_read(ops, &seen->kinds, &a);
	if (rc == 2)
		wrong_type(&R, (struct where){"", "threshold"}, at,
		           "a whole number (the spec's setting is)");
	fail_nomem(C, rc == DDBGT_ENOMEM ? DDBGT_ENOMEM : 0);
	const char *topic = first_str(&R, r->body, "alarm_actions", "");
	if (topic && r->region && ddbgt_operations_get_sns_topic(ops, r->region, NULL) != DDBGT_OK)
		set(&R, ddbgt_operations_set_sns_topic(ops, r->region, topic));
}

/* Alarms were on, and a kind with no alarm at all was off. */
static void apply_alarm_kinds(struct tf *C)
{
	for (size_t i = 0; i < C->nseen; i++) {
		ddbgt_operations *ops = ops_of(C, C->seen[i].t);
		if (!ops)
			return;
		fail_nomem(C, ddbgt__iops_alarm_kinds(ops, &C->seen[i].kinds));
	}
}

static void import_dashboard(struct tf *C, struct tfres *r)
{
	ddbgt__itable *t = table_by_label(C, r->name, strlen(r->name));
	ddbgt_operations *ops = t ? ops_of(C, t) : NULL;
	if (!ops)
		return;
	r->owner = t;
	fail_nomem(C, ddbgt_operations_set_dashboard(ops, 1));
}

/* The regions and indexes an application policy is limited to (ddbgt__iops_policy_limits). */
static void read_policy_limits(struct tf *C, ddbgt__itable *t, ddbgt_iam_policy kind,
                               const char *text)
{
	ddbgt_operations *ops = ops_of(C, t);
	jr_doc *doc = NULL;
	if (!ops || !text)
		return;
	fail_nomem(C, ddbgt__iops_policy_doc(&doc, text));
	if (doc)
		fail_nomem(C, ddbgt__iops_policy_limits(ops, ddbgt__itable_table(t), kind,
		                                        ddbgt__jr_root(doc)));
	ddbgt__jr_free(doc);
}

static void import_policy(struct tf *C, struct tfres *r, const char *text, int as_output)
{
	size_t prefix = 0;
	const char *name = r ? r->name : "";
	int kind = ddbgt__iops_policy_kind(name, strlen(name), 0, &prefix);
	ddbgt__itable *t = table_in_text(C, text);
	if (kind < 0 || !t)
		return;
	ddbgt_operations *ops = ops_of(C, t);
	if (!ops)
		return;
	if (r)
		r->owner = t;
	fail_nomem(C, ddbgt_operations_set_iam_policy(ops, (ddbgt_iam_policy)kind, 1));
	if (as_output)
		fail_nomem(C, ddbgt_operations_set_iam_as_outputs(ops, 1));
	read_policy_limits(C, t, (ddbgt_iam_policy)kind, text);
}

static void import_policy_resource(struct tf *C, struct tfres *r)
{
	const jr_value *p = member(r->body.v, "policy");
	import_policy(C, r, p && p->type == JR_STRING ? p->u.str.s : NULL, 0);
}

static void import_endpoint(struct tf *C, struct tfres *r)
{
	struct reader R = {C, r, NULL};
	const jr_value *at, *policy = member(r->body.v, "policy");
	ddbgt__itable *t = table_in_text(C, policy && policy->type == JR_STRING ? policy->u.str.s
	                                                                        : NULL);
	/* An endpoint open to every table names none: its label "<table>_<region>_dynamodb". */
	char suffix[64];
	snprintf(suffix, sizeof suffix, "_%s_dynamodb", r->region ? r->region : "");
	for (char *p = suffix; *p; p++)
		*p = *p == '-' ? '_' : *p;
	size_t n = strlen(r->name), m = strlen(suffix);
	if (!t && n > m && strcmp(r->name + n - m, suffix) == 0)
		t = table_by_label(C, r->name, n - m);
	ddbgt_operations *ops = t && r->region ? ops_of(C, t) : NULL;
	if (!ops)
		return;
	R.t = r->owner = t;
	const char *vpc = get_str(&R, r->body, "vpc_id", "", &at);
	if (!vpc)
		return;
	note(&R, "/operations/vpc_endpoints", r->at);
	set(&R, ddbgt_operations_set_vpc_endpoint(ops, r->region, vpc));
	struct cur rt = child(r->body, "route_table_ids");
	for (size_t i = 0; i < block_count(rt); i++) {
		const jr_value *v;
		if (leaf(&R, block(rt, i), (struct where){"", "route_table_ids"}, &v) == KNOWN &&
		    v->type == JR_STRING)
			set(&R, ddbgt_operations_add_vpc_route_table(ops, r->region,
			                                             C->plan ? v->u.str.s : C->str));
	}
	/* In a plan the policy is unknown until apply (it names the account): still a policy. */
	const jr_value *unknown = member(r->body.unk, "policy");
	if ((!policy || policy->type == JR_NULL) && !(unknown && unknown->type == JR_TRUE))
		set(&R, ddbgt_operations_set_vpc_endpoint_restricted(ops, r->region, 0));
}

/* The IAM documents as outputs iam_policy_<kind>, the key statements as kms_key_policy_statements. */
static void ops_from_outputs(struct tf *C, const jr_value *outputs)
{
	size_t i;
	const char *name;
	const jr_value *v;
	if (!outputs || outputs->type != JR_OBJECT)
		return;
	JR_OBJECT_FOREACH (outputs, i, name, v) {
		const jr_value *value = member(v, "value");
		if (strncmp(name, "iam_policy_", 11) == 0 && value && value->type == JR_STRING) {
			struct tfres out = {.name = name};
			import_policy(C, &out, value->u.str.s, 1);
		} else if (strcmp(name, "kms_key_policy_statements") == 0 && value &&
		           value->type == JR_OBJECT && value->u.obj.count > 0) {
			const jr_value *first = value->u.obj.members[0].value;
			ddbgt__itable *t = first->type == JR_STRING ? table_in_text(C, first->u.str.s)
			                                             : NULL;
			ddbgt_operations *ops = t ? ops_of(C, t) : NULL;
			if (ops)
				fail_nomem(C, ddbgt_operations_set_kms_key_policies(ops, 1));
		}
	}
}

/* --- the driver ------------------------------------------------------------------- */

static void map_resources(struct tf *C)
{
	for (size_t i = 0; i < C->nres; i++)
		if (strcmp(C->res[i].type, "aws_dynamodb_global_table") == 0)
			import_legacy(C, &C->res[i]);
	for (size_t i = 0; i < C->nres; i++)
		if (strcmp(C->res[i].type, "aws_dynamodb_table") == 0 && !C->res[i].owner)
			import_table(C, &C->res[i]);
	for (size_t i = 0; i < C->nres; i++) {
		struct tfres *r = &C->res[i];
		if (strcmp(r->type, "aws_dynamodb_table_replica") == 0)
			import_replica_resource(C, r);
		else if (strcmp(r->type, "aws_dynamodb_contributor_insights") == 0)
			import_insights(C, r);
		else if (strcmp(r->type, "aws_dynamodb_kinesis_streaming_destination") == 0)
			import_kinesis(C, r);
		else if (strcmp(r->type, "aws_dynamodb_tag") == 0)
			import_not_carried(C, r, "resource_arn",
			                   "a tag managed as its own resource");
		else if (strcmp(r->type, "aws_appautoscaling_target") == 0)
			import_scaling_target(C, r);
	}
	/* After aws_dynamodb_table_replica resources, whose replicas a policy may name. */
	for (size_t i = 0; i < C->nres; i++)
		if (strcmp(C->res[i].type, "aws_dynamodb_resource_policy") == 0)
			import_resource_policy(C, &C->res[i]);
	for (size_t i = 0; i < C->nres; i++)
		if (strcmp(C->res[i].type, "aws_appautoscaling_policy") == 0)
			import_scaling_policy(C, &C->res[i]);
	apply_scaling(C);
	for (size_t i = 0; i < C->nres; i++) {
		struct tfres *r = &C->res[i];
		if (strcmp(r->type, "aws_cloudwatch_metric_alarm") == 0)
			import_alarm(C, r);
		else if (strcmp(r->type, "aws_cloudwatch_dashboard") == 0)
			import_dashboard(C, r);
		else if (strcmp(r->type, "aws_iam_policy") == 0)
			import_policy_resource(C, r);
		else if (strcmp(r->type, "aws_vpc_endpoint") == 0)
			import_endpoint(C, r);
	}
	apply_alarm_kinds(C);
	for (size_t i = 0; i < ddbgt__import_count(C->imp); i++)
		default_stream(ddbgt__itable_table(ddbgt__import_itable(C->imp, i)));
}

static struct tfres *add_res(struct tf *C, const char *type, const char *name, const jr_value *at)
{
	if (ddbgt__grow((void **)&C->res, &C->res_cap, C->nres + 1, sizeof *C->res)) {
		fail_nomem(C, DDBGT_ENOMEM);
		return NULL;
	}
	struct tfres *r = &C->res[C->nres];
	memset(r, 0, sizeof *r);
	size_t n = strlen(type) + strlen(name) + 2;
	if (!(r->address = ddbgt__malloc(n))) {
		fail_nomem(C, DDBGT_ENOMEM);
		return NULL;
	}
	snprintf(r->address, n, "%s.%s", type, name);
	r->type = type;
	r->name = name;
	r->at = at;
	C->nres++;
	return r;
}

static int interesting(const char *type)
{
	return strncmp(type, "aws_dynamodb_", 13) == 0 ||
	       strncmp(type, "aws_appautoscaling_", 19) == 0 ||
	       strcmp(type, "aws_cloudwatch_metric_alarm") == 0 ||
	       strcmp(type, "aws_cloudwatch_dashboard") == 0 || strcmp(type, "aws_iam_policy") == 0 ||
	       strcmp(type, "aws_vpc_endpoint") == 0;
}

static void done(struct tf *C)
{
	for (size_t i = 0; i < C->nres; i++)
		ddbgt__free(C->res[i].address);
	ddbgt__free(C->res);
	ddbgt__free(C->sc);
	ddbgt__free(C->seen);
}

/* A provider configuration's region in a plan: configuration.provider_config[key]. */
static void plan_region(struct tf *C, struct tfres *r, const jr_value *conf_res)
{
	const jr_value *v = member(r->body.v, "region");
	if (v && v->type == JR_STRING) {
		r->region = v->u.str.s;
		r->region_at = v;
		return;
	}
	const jr_value *key = member(conf_res, "provider_config_key");
	const jr_value *pc = member(member(C->root, "configuration"), "provider_config");
	const jr_value *p = key && key->type == JR_STRING ? member(pc, key->u.str.s) : NULL;
	const jr_value *region =
	        member(member(member(p, "expressions"), "region"), "constant_value");
	if (region && region->type == JR_STRING) {
		r->region = region->u.str.s;
		r->region_at = region;
	}
}

static const jr_value *find_by_address(const jr_value *list, const char *address)
{
	for (size_t i = 0; list && list->type == JR_ARRAY && i < list->u.arr.count; i++) {
		const jr_value *a = member(list->u.arr.items[i], "address");
		if (a && a->type == JR_STRING && strcmp(a->u.str.s, address) == 0)
			return list->u.arr.items[i];
	}
	return NULL;
}

/*
 * The configuration of the module a planned resource belongs to: its
 * address "module.a.module.b[0].TYPE.NAME" walks module_calls a, then b (an
 * instance index has no configuration of its own). *rest is the address
 * inside that module.
 */
static const jr_value *module_conf(struct tf *C, const char *address, const char **rest)
{
	const jr_value *m = member(member(C->root, "configuration"), "root_module");
	while (strncmp(address, "module.", 7) == 0) {
		const char *name = address + 7;
		size_t n = strcspn(name, ".[");
		char call[256];
		if (n >= sizeof call)
			return NULL;
		memcpy(call, name, n);
		call[n] = '\0';
		m = member(member(member(m, "module_calls"), call), "module");
		const char *dot = strchr(name + n, '.');
		if (!dot)
			return NULL;
		address = dot + 1;
	}
	*rest = address;
	return m;
}

/* The planned resources of a module and of its child modules, depth first. */
static void plan_module(struct tf *C, const jr_value *module, const jr_value *changes, int depth)
{
	const jr_value *list = member(module, "resources");
	for (size_t i = 0; list && list->type == JR_ARRAY && i < list->u.arr.count && !C->status;
	     i++) {
		const jr_value *r = list->u.arr.items[i];
		const jr_value *type = member(r, "type"), *name = member(r, "name");
		const jr_value *mode = member(r, "mode"), *addr = member(r, "address");
		if (!type || type->type != JR_STRING || !name || name->type != JR_STRING || !addr ||
		    addr->type != JR_STRING || !mode || mode->type != JR_STRING ||
		    strcmp(mode->u.str.s, "managed") || !interesting(type->u.str.s))
			continue;
		const jr_value *pname = member(r, "provider_name");
		if (pname && pname->type == JR_STRING && !strstr(pname->u.str.s, "hashicorp/aws"))
			continue;
		struct tfres *res = add_res(C, type->u.str.s, name->u.str.s, r);
		if (!res)
			return;
		/* "module.m.aws_x.y[0]": keep the whole address. */
		ddbgt__free(res->address);
		if (!(res->address = ddbgt__strdup(addr->u.str.s))) {
			fail_nomem(C, DDBGT_ENOMEM);
			return;
		}
		res->body.v = member(r, "values");
		const jr_value *ch = find_by_address(changes, addr->u.str.s);
		res->body.unk = member(member(ch, "change"), "after_unknown");
		/* The configuration has one entry per resource block, without the index. */
		const char *rest = NULL;
		const jr_value *conf = module_conf(C, addr->u.str.s, &rest);
		res->module_len = rest ? (size_t)(rest - addr->u.str.s) : 0;
		char caddr[512];
		snprintf(caddr, sizeof caddr, "%s.%s", type->u.str.s, name->u.str.s);
		const jr_value *cr = find_by_address(member(conf, "resources"),
		                                     member(r, "index") || !rest ? caddr : rest);
		res->body.expr = member(cr, "expressions");
		plan_region(C, res, cr);
		if (!res->region) {
			struct reader R = {C, res, NULL};
			unresolved(&R, (struct where){"", "region"}, r,
			           "given by a provider whose region is not a literal");
		}
	}
	const jr_value *mods = member(module, "child_modules");
	for (size_t i = 0; mods && mods->type == JR_ARRAY && i < mods->u.arr.count; i++)
		if (depth < DDBGT__IMPORT_MAX_DEPTH)
			plan_module(C, mods->u.arr.items[i], changes, depth + 1);
}

int ddbgt__import_terraform_plan(ddbgt_import *imp, const jr_value *root)
{
	struct tf C = {.imp = imp, .plan = 1, .root = root};
	const jr_value *pv = member(member(root, "planned_values"), "root_module");
	if (!pv)
		fail_nomem(&C,
		           ddbgt__import_findf(imp, NULL, DDBGT_E_IMPORT_KIND, "", root,
		                               "a Terraform plan without planned_values: was it "
		                               "made with terraform show -json PLANFILE?"));
	else
		plan_module(&C, pv, member(root, "resource_changes"), 0);
	if (!C.status)
		map_resources(&C);
	done(&C);
	return C.status;
}

/* The region of provider "aws" or "aws.ALIAS" in a .tf.json document. */
static void tfjson_region(struct tf *C, struct tfres *r)
{
	const jr_value *v = member(r->body.v, "region");
	if (v && v->type == JR_STRING && !strstr(v->u.str.s, "${")) {
		r->region = v->u.str.s;
		r->region_at = v;
		return;
	}
	const jr_value *p = member(r->body.v, "provider");
	const char *alias = NULL;
	if (p && p->type == JR_STRING) {
		const char *s = p->u.str.s;
		if (strncmp(s, "${", 2) == 0)
			s += 2;
		alias = strncmp(s, "aws.", 4) == 0 ? s + 4 : NULL;
	}
	const jr_value *aws = member(member(C->root, "provider"), "aws");
	for (size_t i = 0; aws && i < (aws->type == JR_ARRAY ? aws->u.arr.count : 1); i++) {
		const jr_value *cfg = aws->type == JR_ARRAY ? aws->u.arr.items[i] : aws;
		const jr_value *a = member(cfg, "alias");
		size_t alen = alias ? strcspn(alias, "}") : 0;
		int match = alias ? a && a->type == JR_STRING && a->u.str.len == alen &&
		                            strncmp(a->u.str.s, alias, alen) == 0
		                  : !a;
		const jr_value *region = member(cfg, "region");
		if (match && region && region->type == JR_STRING &&
		    !strstr(region->u.str.s, "${")) {
			r->region = region->u.str.s;
			r->region_at = region;
			return;
		}
	}
}

int ddbgt__import_terraform_json(ddbgt_import *imp, const jr_value *root)
{
	struct tf C = {.imp = imp, .plan = 0, .root = root};
	const jr_value *resources = member(root, "resource");
	if (resources && resources->type == JR_OBJECT) {
		size_t i, j;
		const char *type, *name;
		const jr_value *byname, *body;
		JR_OBJECT_FOREACH (resources, i, type, byname) {
			if (!interesting(type) || byname->type != JR_OBJECT)
				continue;
			JR_OBJECT_FOREACH (byname, j, name, body) {
				struct tfres *r = add_res(&C, type, name, body);
				if (!r)
					break;
				r->body.v = body;
			}
		}
	}
	for (size_t i = 0; !C.status && i < C.nres; i++) {
		struct tfres *r = &C.res[i];
		struct reader R = {&C, r, NULL};
		tfjson_region(&C, r);
		const jr_value *many = member(r->body.v, "count");
		if (!many)
			many = member(r->body.v, "for_each");
		if (many)
			fail_nomem(&C, ddbgt__import_findf(
			                       imp, NULL, DDBGT_W_IMPORT_UNRESOLVED, "/count", many,
			                       "%s: count and for_each are expressions; the "
			                       "resource was imported once, as written",
			                       r->address));
		if (!r->region && strcmp(r->type, "aws_appautoscaling_policy") != 0)
			unresolved(&R, (struct where){"", "provider"}, r->at,
			           "given by a provider whose region is not a literal");
	}
	if (!C.status)
		map_resources(&C);
	if (!C.status)
		roles_from_outputs(&C, member(root, "output"));
	if (!C.status)
		ops_from_outputs(&C, member(root, "output"));
	done(&C);
	return C.status;
}
