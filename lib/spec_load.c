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
#include "fileio.h"
#include "iam_policy.h"
#include "jsonread.h"
#include "ddbgt/index.h"
#include "ddbgt/operations.h"
#include "ddbgt/policy.h"
#include "ddbgt/replica.h"
#include "ddbgt/spec.h"
#include "model.h"

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

/* --- typed readers: each returns 1 with *out set, 0 after reporting -------- */

/* The reader refuses NUL in strings (jsonread.h), so a string value is a C string as it is. */
static int read_string(struct loader *L, const jr_value *v, const char **out)
{
	if (!expect(L, v, JR_STRING, "a string"))
		return 0;
	*out = v->u.str.s;
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

/* --- objects of the spec, each walked once against its table of keys ------ */

/*
 * A member's value as its field's kind reads it. key is the entry's key for
 * the members of a map kind; the other fields hold what the kind reads.
 */
struct value {
	const char *key;
	const char *s;
	int64_t i;
	double d;
	int e; /* a boolean, or an enumeration value */
};

typedef enum field_kind {
	F_STRING,
	F_BOOL,
	F_INT,
	F_NUMBER,
	F_AMOUNT,      /* a number, zero or more */
	F_ENUM,
	F_STRING_LIST, /* an array of strings, each stored on its own */
	F_STRING_MAP,  /* an object of strings, each entry stored on its own */
	F_AMOUNT_MAP,  /* an object of amounts, each entry stored on its own */
	F_NESTED       /* read by the field's own reader */
} field_kind;

struct field {
	const char *key;
	size_t len;
	field_kind kind;
	ddbgt_enum_kind enum_kind; /* F_ENUM: the values allowed, */
	ddbgt_code bad_code;       /* and the code for any other */
	/* F_NESTED: read v into obj; 1 when it read well. */
	int (*read)(struct loader *L, void *obj, size_t field, const jr_value *v);
};

/* Designated initializers for the tables below. */
#define KEY(k) .key = k, .len = sizeof k - 1
#define ENUM(values, code) .kind = F_ENUM, .enum_kind = values, .bad_code = code
#define NESTED(reader) .kind = F_NESTED, .read = reader

/* One object of the spec: its keys in canonical order, and where values go. */
struct object_spec {
	const char *what; /* what the value must be, for the type finding */
	const struct field *fields;
	size_t count;
	/* Store a value read for fields[field]; returns a model status. */
	int (*set)(void *obj, size_t field, const struct value *x);
	/* A bit per required field (REQUIRED(f)): walk finds missing keys without a scan. */
	uint32_t required;
};

/* The bit of field f in masks of fields: no spec object has more than 32 keys. */
#define FIELD_BIT(f) ((uint32_t)1 << (f))
#define REQUIRED(f) FIELD_BIT(f)
#define OBJECT_SPEC(what, fields, set, required) \
	{what, fields, sizeof fields / sizeof fields[0], set, required}

/* Inlined into walk, which calls it for every member: as a call it saved five registers. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t find_field(const struct object_spec *spec, const char *key, size_t len)
{
	for (size_t f = 0; f < spec->count; f++) {
		const struct field *fd = &spec->fields[f];
		if (fd->len == len && fd->key[0] == key[0] && memcmp(fd->key, key, len) == 0)
			return f;
	}
	return spec->count;
}

/* Read one entry of a list or map kind, and store it. */
static int read_entry(struct loader *L, const struct object_spec *spec, size_t f, void *obj,
                      const jr_value *v, struct value *x)
{
	int ok = spec->fields[f].kind == F_AMOUNT_MAP ? read_amount(L, v, &x->d)
	                                               : read_string(L, v, &x->s);
	if (ok)
		setter(L, spec->set(obj, f, x));
	return ok;
}

/* Read one member against its field; 1 when it read well. */
static int read_field(struct loader *L, const struct object_spec *spec, size_t f, void *obj,
                      const jr_value *v)
{
	const struct field *fd = &spec->fields[f];
	struct value x = {0};
	int ok = 1;
	size_t i;
	switch (fd->kind) {
	case F_STRING: ok = read_string(L, v, &x.s); break;
	case F_BOOL: ok = read_bool(L, v, &x.e); break;
	case F_INT: ok = read_int(L, v, &x.i); break;
	case F_NUMBER: ok = read_number(L, v, &x.d); break;
	case F_AMOUNT: ok = read_amount(L, v, &x.d); break;
	case F_ENUM: ok = read_enum(L, v, fd->enum_kind, fd->bad_code, &x.e); break;
	case F_STRING_LIST:
		if (!expect(L, v, JR_ARRAY, "an array of strings"))
			return 0;
		for (i = 0; i < v->u.arr.count; i++) {
			size_t mark = path_push_index(L, i);
			ok &= read_entry(L, spec, f, obj, v->u.arr.items[i], &x);
			path_pop(L, mark);
		}
		return ok;
	case F_STRING_MAP:
	case F_AMOUNT_MAP:
		if (!expect(L, v, JR_OBJECT,
		            fd->kind == F_STRING_MAP ? "an object of strings"
		                                     : "an object of region to requests per second"))
			return 0;
		for (i = 0; i < v->u.obj.count; i++) {
			size_t mark = path_push(L, x.key = v->u.obj.members[i].key);
			ok &= read_entry(L, spec, f, obj, v->u.obj.members[i].value, &x);
			path_pop(L, mark);
		}
		return ok;
	case F_NESTED: return fd->read(L, obj, f, v);
	}
	if (ok)
		setter(L, spec->set(obj, f, &x));
	return ok;
}

static void report_unknown_key(struct loader *L, const jr_member *m)
{
	size_t mark = path_push(L, m->key);
	L->at = m->value;
	report(L, DDBGT_E_SPEC_UNKNOWN_KEY,
	       "unknown key \"%s\": spec format 1 does not define it here%s", m->key, NULL);
	path_pop(L, mark);
}

/*
 * Read every member of the object v against spec, in document order: unknown
 * keys and missing required keys are reported. Returns 1 when every member
 * given read well and no required key is missing; *given has the bit of
 * each field given (FIELD_BIT), for the checks that span fields.
 */
static int walk_seen(struct loader *L, const jr_value *v, const struct object_spec *spec,
                     void *obj, uint32_t *given)
{
	*given = 0;
	if (!expect(L, v, JR_OBJECT, spec->what))
		return 0;
	uint32_t seen = 0;
	int ok = 1;
	for (size_t i = 0; i < v->u.obj.count; i++) {
		const jr_member *m = &v->u.obj.members[i];
		size_t f = find_field(spec, m->key, m->key_len);
		if (f == spec->count) {
			report_unknown_key(L, m);
			continue;
		}
		size_t mark = path_push(L, m->key);
		L->at = m->value;
		seen |= FIELD_BIT(f);
		ok &= read_field(L, spec, f, obj, m->value);
		path_pop(L, mark);
	}
	uint32_t missing = spec->required & ~seen;
	for (size_t f = 0; missing; f++) {
		if (!(missing & FIELD_BIT(f)))
			continue;
		missing &= ~FIELD_BIT(f);
		size_t mark = path_push(L, spec->fields[f].key);
		L->at = v;
		report(L, DDBGT_E_SPEC_MISSING_KEY, "the required key \"%s\" is missing%s",
		       spec->fields[f].key, NULL);
		path_pop(L, mark);
		ok = 0;
	}
	*given = seen;
	return ok;
}

static int walk(struct loader *L, const jr_value *v, const struct object_spec *spec, void *obj)
{
	uint32_t given;
	return walk_seen(L, v, spec, obj, &given);
}

/* Call each(L, obj, element) for every element of the array v. */
static int each_item(struct loader *L, const jr_value *v, void *obj,
                     void (*each)(struct loader *, void *, const jr_value *))
{
	if (!expect(L, v, JR_ARRAY, "an array"))
		return 0;
	for (size_t i = 0; i < v->u.arr.count; i++) {
		size_t mark = path_push_index(L, i);
		each(L, obj, v->u.arr.items[i]);
		path_pop(L, mark);
	}
	return 1;
}

/* The string member key of obj, without findings (the walk reports them). */
static const char *peek_string(const jr_value *obj, const char *key)
{
	const jr_value *v = ddbgt__jr_get(obj, key);
	return v && v->type == JR_STRING ? v->u.str.s : "";
}

/* {"name": s, "type": "S"|"N"|"B"}: the table's keys and attribute definitions. */
struct key_value {
	const char *name;
	int type;
};

enum { KEY_NAME, KEY_TYPE };
static const struct field key_fields[] = {
	[KEY_NAME] = {KEY("name"), .kind = F_STRING},
	[KEY_TYPE] = {KEY("type"), ENUM(DDBGT_ENUM_ATTR_TYPE, DDBGT_E_ATTR_TYPE_INVALID)},
};

static int key_set(void *obj, size_t f, const struct value *x)
{
	struct key_value *k = obj;
	if (f == KEY_NAME)
		k->name = x->s;
	else
		k->type = x->e;
	return DDBGT_OK;
}

static const struct object_spec key_spec =
	OBJECT_SPEC("an object {\"name\", \"type\"}", key_fields, key_set,
	            REQUIRED(KEY_NAME) | REQUIRED(KEY_TYPE));

/*
 * {"min", "max", "target_utilization"} of target-tracking autoscaling, and
 * its tuning: cooldowns (-1 when not given) and disable_scale_in.
 */
struct autoscaling {
	int64_t min, max;
	double target;
	int64_t cooldown[2]; /* scale in, scale out */
	int disable_scale_in; /* DDBGT_INHERIT when not given */
};

enum { AUTO_MIN, AUTO_MAX, AUTO_TARGET, AUTO_IN, AUTO_OUT, AUTO_DISABLE_IN };
static const struct field autoscaling_fields[] = {
	[AUTO_MIN] = {KEY("min"), .kind = F_INT},
	[AUTO_MAX] = {KEY("max"), .kind = F_INT},
	[AUTO_TARGET] = {KEY("target_utilization"), .kind = F_NUMBER},
	[AUTO_IN] = {KEY("scale_in_cooldown"), .kind = F_INT},
	[AUTO_OUT] = {KEY("scale_out_cooldown"), .kind = F_INT},
	[AUTO_DISABLE_IN] = {KEY("disable_scale_in"), .kind = F_BOOL},
};

static int autoscaling_set(void *obj, size_t f, const struct value *x)
{
	struct autoscaling *a = obj;
	if (f == AUTO_MIN)
		a->min = x->i;
	else if (f == AUTO_MAX)
		a->max = x->i;
	else if (f == AUTO_TARGET)
		a->target = x->d;
	else if (f == AUTO_DISABLE_IN)
		a->disable_scale_in = x->e;
	else
		a->cooldown[f == AUTO_OUT] = x->i;
	return DDBGT_OK;
}

static const struct object_spec autoscaling_spec =
	OBJECT_SPEC("an object {\"min\", \"max\", \"target_utilization\"}", autoscaling_fields,
	            autoscaling_set,
	            REQUIRED(AUTO_MIN) | REQUIRED(AUTO_MAX) | REQUIRED(AUTO_TARGET));

/* Walk an autoscaling object; cooldowns are seconds, zero or more. 1 when it read well. */
static int read_autoscaling(struct loader *L, const jr_value *v, struct autoscaling *a)
{
	static const char *const keys[2] = {"scale_in_cooldown", "scale_out_cooldown"};
	int ok;
	a->cooldown[0] = a->cooldown[1] = -1;
	a->disable_scale_in = DDBGT_INHERIT;
	ok = walk(L, v, &autoscaling_spec, a);
	for (int k = 0; k < 2 && v->type == JR_OBJECT; k++) {
		const jr_value *c = ddbgt__jr_get(v, keys[k]);
		if (c == NULL || c->type != JR_INT || c->u.i >= 0)
			continue;
		size_t mark = path_push(L, keys[k]);
		L->at = c;
		report(L, DDBGT_E_SPEC_NUMBER_RANGE, "must be zero or more (seconds)%s%s", NULL, NULL);
		path_pop(L, mark);
		ok = 0;
	}
	return ok;
}

/* The provisioned and on-demand throughput of the table or of a GSI. */
struct throughput {
	ddbgt__capacity **sides;    /* the object's pair (model.h) */
	ddbgt__opt_int *on_demand;  /* indexed by ddbgt_rw */
};

static int read_sides_autoscaling(struct loader *L, void *obj, size_t f, const jr_value *v);

enum { CAP_READ, CAP_WRITE, CAP_READ_AUTO, CAP_WRITE_AUTO };
static const struct field capacity_fields[] = {
	[CAP_READ] = {KEY("read"), .kind = F_INT},
	[CAP_WRITE] = {KEY("write"), .kind = F_INT},
	[CAP_READ_AUTO] = {KEY("read_autoscaling"), NESTED(read_sides_autoscaling)},
	[CAP_WRITE_AUTO] = {KEY("write_autoscaling"), NESTED(read_sides_autoscaling)},
};

static int capacity_set(void *obj, size_t f, const struct value *x)
{
	struct throughput *tp = obj;
	return ddbgt__sides_set_units(tp->sides, f == CAP_READ ? DDBGT_READ : DDBGT_WRITE, x->i);
}

static const struct object_spec capacity_spec =
	OBJECT_SPEC("an object", capacity_fields, capacity_set, 0);

static int read_sides_autoscaling(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	struct throughput *tp = obj;
	struct autoscaling a;
	ddbgt_rw rw = f == CAP_READ_AUTO ? DDBGT_READ : DDBGT_WRITE;
	if (!read_autoscaling(L, v, &a))
		return 0;
	setter(L, ddbgt__sides_set_autoscaling(tp->sides, rw, a.min, a.max, a.target));
	setter(L, ddbgt__sides_set_tuning(tp->sides, rw, a.cooldown[0], a.cooldown[1],
	                                  a.disable_scale_in));
	return 1;
}

enum { OD_MAX_READ, OD_MAX_WRITE };
static const struct field on_demand_fields[] = {
	[OD_MAX_READ] = {KEY("max_read"), .kind = F_INT},
	[OD_MAX_WRITE] = {KEY("max_write"), .kind = F_INT},
};

static int on_demand_set(void *obj, size_t f, const struct value *x)
{
	struct throughput *tp = obj;
	return ddbgt__opt_sides_set(tp->on_demand, f == OD_MAX_READ ? DDBGT_READ : DDBGT_WRITE,
	                            x->i);
}

static const struct object_spec on_demand_spec =
	OBJECT_SPEC("an object {\"max_read\", \"max_write\"}", on_demand_fields, on_demand_set, 0);

/* {"read_units_per_second", "write_units_per_second"} of the table or a GSI. */
enum { WARM_READ, WARM_WRITE };
static const struct field warm_fields[] = {
	[WARM_READ] = {KEY("read_units_per_second"), .kind = F_INT},
	[WARM_WRITE] = {KEY("write_units_per_second"), .kind = F_INT},
};

static int warm_set(void *obj, size_t f, const struct value *x)
{
	return ddbgt__opt_sides_set(obj, f == WARM_READ ? DDBGT_READ : DDBGT_WRITE, x->i);
}

static const struct object_spec warm_spec =
	OBJECT_SPEC("an object {\"read_units_per_second\", \"write_units_per_second\"}",
	            warm_fields, warm_set, 0);

static int read_warm(struct loader *L, ddbgt__opt_int *sides, const jr_value *v)
{
	int ok = walk(L, v, &warm_spec, sides);
	if (v->type == JR_OBJECT && v->u.obj.count == 0) {
		/* The model has no empty warm throughput: the loader is the one to say. */
		L->at = v;
		report(L, DDBGT_E_WARM_THROUGHPUT_INVALID,
		       "warm_throughput sets neither side: give read_units_per_second, "
		       "write_units_per_second or both, or remove it%s%s", NULL, NULL);
	}
	return ok;
}

static int read_throughput(struct loader *L, struct throughput *tp, int on_demand,
                           const jr_value *v)
{
	if (!on_demand)
		return walk(L, v, &capacity_spec, tp);
	int ok = walk(L, v, &on_demand_spec, tp);
	if (v->type == JR_OBJECT && v->u.obj.count == 0) {
		L->at = v;
		report(L, DDBGT_E_ONDEMAND_MAX_EMPTY,
		       "on_demand sets neither max_read nor max_write: give one or remove it%s%s",
		       NULL, NULL);
	}
	return ok;
}

/*
 * An index key attribute: a name, or {"name", "type"} that also defines its
 * type. Returns 1 with *k set (type UNSET for a name), 0 after reporting.
 */
static int read_key_attr(struct loader *L, const jr_value *v, struct key_value *k)
{
	k->type = DDBGT_ATTR_UNSET;
	if (v->type == JR_STRING)
		return read_string(L, v, &k->name);
	if (v->type != JR_OBJECT) {
		L->at = v;
		report(L, DDBGT_E_SPEC_TYPE,
		       "must be an attribute name or an object {\"name\", \"type\"}, not %s%s",
		       type_name(v), NULL);
		return 0;
	}
	return walk(L, v, &key_spec, k);
}

/* The key lists of a GSI (partition_keys, sort_keys): one attribute per item. */
static int read_key_list(struct loader *L, ddbgt_gsi *g, int sort, const jr_value *v)
{
	int ok = 1;
	if (!expect(L, v, JR_ARRAY, "an array of attribute names or {\"name\", \"type\"} objects"))
		return 0;
	for (size_t i = 0; i < v->u.arr.count; i++) {
		size_t mark = path_push_index(L, i);
		struct key_value k;
		if (read_key_attr(L, v->u.arr.items[i], &k))
			setter(L, sort ? ddbgt_gsi_add_sort_key_attribute(g, k.name, k.type)
			               : ddbgt_gsi_add_partition_key_attribute(g, k.name, k.type));
		else
			ok = 0;
		path_pop(L, mark);
	}
	if (v->u.arr.count == 0)
		/* An empty list is still the list form: the validator counts it, the dump keeps it. */
		ddbgt__key_side_start_list(sort ? &g->sort_key : &g->partition_key);
	return ok;
}

/*
 * partition_key and partition_keys (sort_key and sort_keys) are two spellings
 * of one key: exactly one of the partition pair, at most one of the sort pair.
 * The fields one and list of fields, which v gave as the bits of given.
 */
static void check_key_pair(struct loader *L, const jr_value *v, const struct field *fields,
                           uint32_t given, size_t one, size_t list, int required)
{
	const char *a = fields[one].key, *b = fields[list].key;
	size_t mark;
	if ((given & FIELD_BIT(one)) && (given & FIELD_BIT(list))) {
		mark = path_push(L, b);
		L->at = ddbgt__jr_get(v, b);
		report(L, DDBGT_E_SPEC_EXCLUSIVE_KEYS, "give either \"%s\" or \"%s\", not both", a,
		       b);
		path_pop(L, mark);
	} else if (required && !(given & (FIELD_BIT(one) | FIELD_BIT(list)))) {
		mark = path_push(L, a);
		L->at = v;
		report(L, DDBGT_E_SPEC_MISSING_KEY, "the required key \"%s\" (or \"%s\") is missing",
		       a, b);
		path_pop(L, mark);
	}
}

/* The global secondary indexes of the table. */
static int read_gsi_throughput(struct loader *L, void *obj, size_t f, const jr_value *v);
static int read_gsi_key(struct loader *L, void *obj, size_t f, const jr_value *v);

enum {
	GSI_NAME, GSI_PK, GSI_SK, GSI_PROJECTION, GSI_NKA, GSI_CAPACITY, GSI_ON_DEMAND, GSI_PKS,
	GSI_SKS, GSI_WARM
};
static const struct field gsi_fields[] = {
	[GSI_NAME] = {KEY("name"), .kind = F_STRING},
	[GSI_PK] = {KEY("partition_key"), NESTED(read_gsi_key)},
	[GSI_SK] = {KEY("sort_key"), NESTED(read_gsi_key)},
	[GSI_PROJECTION] = {KEY("projection"),
	                    ENUM(DDBGT_ENUM_PROJECTION, DDBGT_E_PROJECTION_TYPE_INVALID)},
	[GSI_NKA] = {KEY("non_key_attributes"), .kind = F_STRING_LIST},
	[GSI_CAPACITY] = {KEY("capacity"), NESTED(read_gsi_throughput)},
	[GSI_ON_DEMAND] = {KEY("on_demand"), NESTED(read_gsi_throughput)},
	[GSI_PKS] = {KEY("partition_keys"), NESTED(read_gsi_key)},
	[GSI_SKS] = {KEY("sort_keys"), NESTED(read_gsi_key)},
	[GSI_WARM] = {KEY("warm_throughput"), NESTED(read_gsi_throughput)},
};

static int read_gsi_key(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_gsi *g = obj;
	struct key_value k;
	if (f == GSI_PKS || f == GSI_SKS)
		return read_key_list(L, g, f == GSI_SKS, v);
	if (!read_key_attr(L, v, &k))
		return 0;
	setter(L, f == GSI_PK ? ddbgt_gsi_set_partition_key_typed(g, k.name, k.type)
	                      : ddbgt_gsi_set_sort_key_typed(g, k.name, k.type));
	return 1;
}

static int gsi_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_gsi *g = obj;
	switch (f) {
	case GSI_PROJECTION: return ddbgt_gsi_set_projection(g, (ddbgt_projection)x->e);
	case GSI_NKA: return ddbgt_gsi_add_non_key_attribute(g, x->s);
	default: return DDBGT_OK; /* the name, given to ddbgt_gsi_new */
	}
}

static const struct object_spec gsi_spec =
	OBJECT_SPEC("an object", gsi_fields, gsi_set, REQUIRED(GSI_NAME));

static int read_gsi_throughput(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_gsi *g = obj;
	struct throughput tp = {&g->capacity, g->on_demand_max};
	if (f == GSI_WARM)
		return read_warm(L, g->warm_throughput, v);
	return read_throughput(L, &tp, f == GSI_ON_DEMAND, v);
}

static void read_gsi(struct loader *L, void *table, const jr_value *v)
{
	ddbgt_gsi *g = NULL;
	if (ddbgt_gsi_new(&g, v->type == JR_OBJECT ? peek_string(v, "name") : "")) {
		L->status = DDBGT_ENOMEM;
		return;
	}
	uint32_t given;
	walk_seen(L, v, &gsi_spec, g, &given);
	if (v->type == JR_OBJECT) {
		check_key_pair(L, v, gsi_fields, given, GSI_PK, GSI_PKS, 1);
		check_key_pair(L, v, gsi_fields, given, GSI_SK, GSI_SKS, 0);
	}
	if (ddbgt_table_add_gsi(table, g)) {
		ddbgt_gsi_free(g);
		L->status = DDBGT_ENOMEM;
	}
}

/* The local secondary indexes of the table. */
static int read_lsi_key(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	struct key_value k;
	(void)f;
	if (!read_key_attr(L, v, &k))
		return 0;
	setter(L, ddbgt_lsi_set_sort_key_typed(obj, k.name, k.type));
	return 1;
}

enum { LSI_NAME, LSI_SK, LSI_PROJECTION, LSI_NKA };
static const struct field lsi_fields[] = {
	[LSI_NAME] = {KEY("name"), .kind = F_STRING},
	[LSI_SK] = {KEY("sort_key"), NESTED(read_lsi_key)},
	[LSI_PROJECTION] = {KEY("projection"),
	                    ENUM(DDBGT_ENUM_PROJECTION, DDBGT_E_PROJECTION_TYPE_INVALID)},
	[LSI_NKA] = {KEY("non_key_attributes"), .kind = F_STRING_LIST},
};

static int lsi_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_lsi *l = obj;
	switch (f) {
	case LSI_PROJECTION: return ddbgt_lsi_set_projection(l, (ddbgt_projection)x->e);
	case LSI_NKA: return ddbgt_lsi_add_non_key_attribute(l, x->s);
	default: return DDBGT_OK; /* the name, given to ddbgt_lsi_new */
	}
}

static const struct object_spec lsi_spec =
	OBJECT_SPEC("an object", lsi_fields, lsi_set, REQUIRED(LSI_NAME) | REQUIRED(LSI_SK));

static void read_lsi(struct loader *L, void *table, const jr_value *v)
{
	ddbgt_lsi *l = NULL;
	if (ddbgt_lsi_new(&l, v->type == JR_OBJECT ? peek_string(v, "name") : "")) {
		L->status = DDBGT_ENOMEM;
		return;
	}
	walk(L, v, &lsi_spec, l);
	if (ddbgt_table_add_lsi(table, l)) {
		ddbgt_lsi_free(l);
		L->status = DDBGT_ENOMEM;
	}
}

/* {"enabled": b, "recovery_period_days": n} of the table (table set) or a replica. */
struct pitr_target {
	ddbgt_table *table;
	ddbgt_replica *replica;
};

enum { PITR_ENABLED, PITR_PERIOD };
static const struct field pitr_fields[] = {
	[PITR_ENABLED] = {KEY("enabled"), .kind = F_BOOL},
	[PITR_PERIOD] = {KEY("recovery_period_days"), .kind = F_INT},
};

static int pitr_set(void *obj, size_t f, const struct value *x)
{
	const struct pitr_target *p = obj;
	if (f == PITR_ENABLED)
		return p->table ? ddbgt_table_set_pitr(p->table, x->e)
		                : ddbgt_replica_set_pitr(p->replica, x->e);
	return p->table ? ddbgt_table_set_pitr_period(p->table, x->i)
	                : ddbgt_replica_set_pitr_period(p->replica, x->i);
}

static const struct object_spec pitr_spec =
	OBJECT_SPEC("an object {\"enabled\", \"recovery_period_days\"}", pitr_fields, pitr_set,
	            REQUIRED(PITR_ENABLED));

/* {"enabled": b, "view_type": v}, set together. */
enum { STREAM_ENABLED, STREAM_VIEW };
static const struct field stream_fields[] = {
	[STREAM_ENABLED] = {KEY("enabled"), .kind = F_BOOL},
	[STREAM_VIEW] = {KEY("view_type"), ENUM(DDBGT_ENUM_STREAM_VIEW, DDBGT_E_STREAM_SPEC_INVALID)},
};

static int stream_set(void *obj, size_t f, const struct value *x)
{
	int *enabled_view = obj;
	enabled_view[f] = x->e;
	return DDBGT_OK;
}

static const struct object_spec stream_spec =
	OBJECT_SPEC("an object {\"enabled\", \"view_type\"}", stream_fields, stream_set,
	            REQUIRED(STREAM_ENABLED));

/* The table object. */
static int read_table_nested(struct loader *L, void *obj, size_t f, const jr_value *v);

enum {
	T_NAME, T_BILLING, T_PK, T_SK, T_ATTRIBUTES, T_CAPACITY, T_ON_DEMAND, T_GSIS, T_LSIS,
	T_STREAM, T_ENCRYPTION, T_TTL, T_CLASS, T_PITR, T_DELETION, T_CONSISTENCY, T_WITNESS,
	T_TAGS, T_LEGACY, T_ADOPT, T_WARM
};
static const struct field table_fields[] = {
	[T_NAME] = {KEY("name"), .kind = F_STRING},
	[T_BILLING] = {KEY("billing_mode"), ENUM(DDBGT_ENUM_BILLING_MODE, DDBGT_E_BILLING_MODE_INVALID)},
	[T_PK] = {KEY("partition_key"), NESTED(read_table_nested)},
	[T_SK] = {KEY("sort_key"), NESTED(read_table_nested)},
	[T_ATTRIBUTES] = {KEY("attributes"), NESTED(read_table_nested)},
	[T_CAPACITY] = {KEY("capacity"), NESTED(read_table_nested)},
	[T_ON_DEMAND] = {KEY("on_demand"), NESTED(read_table_nested)},
	[T_GSIS] = {KEY("global_secondary_indexes"), NESTED(read_table_nested)},
	[T_LSIS] = {KEY("local_secondary_indexes"), NESTED(read_table_nested)},
	[T_STREAM] = {KEY("stream"), NESTED(read_table_nested)},
	[T_ENCRYPTION] = {KEY("encryption"), ENUM(DDBGT_ENUM_ENCRYPTION, DDBGT_E_SSE_TYPE_INVALID)},
	[T_TTL] = {KEY("ttl_attribute"), .kind = F_STRING},
	[T_CLASS] = {KEY("table_class"), ENUM(DDBGT_ENUM_TABLE_CLASS, DDBGT_E_TABLE_CLASS_INVALID)},
	[T_PITR] = {KEY("point_in_time_recovery"), NESTED(read_table_nested)},
	[T_DELETION] = {KEY("deletion_protection"), .kind = F_BOOL},
	[T_CONSISTENCY] = {KEY("consistency"), ENUM(DDBGT_ENUM_CONSISTENCY, DDBGT_E_CONSISTENCY_INVALID)},
	[T_WITNESS] = {KEY("witness_region"), .kind = F_STRING},
	[T_TAGS] = {KEY("tags"), .kind = F_STRING_MAP},
	[T_LEGACY] = {KEY("legacy_version"), .kind = F_BOOL},
	[T_ADOPT] = {KEY("adopt_existing"), .kind = F_BOOL},
	[T_WARM] = {KEY("warm_throughput"), NESTED(read_table_nested)},
};

static int table_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_table *t = obj;
	switch (f) {
	case T_NAME: return ddbgt_table_set_name(t, x->s);
	case T_BILLING: return ddbgt_table_set_billing_mode(t, (ddbgt_billing_mode)x->e);
	case T_ENCRYPTION: return ddbgt_table_set_encryption(t, (ddbgt_encryption)x->e);
	case T_TTL: return ddbgt_table_set_ttl_attribute(t, x->s);
	case T_CLASS: return ddbgt_table_set_table_class(t, (ddbgt_table_class)x->e);
	case T_DELETION: return ddbgt_table_set_deletion_protection(t, x->e);
	case T_CONSISTENCY: return ddbgt_table_set_consistency(t, (ddbgt_consistency)x->e);
	case T_WITNESS: return ddbgt_table_set_witness_region(t, x->s);
	/* The reader has checked the UTF-8 that ddbgt_table_set_tag would check again. */
	case T_TAGS: return ddbgt__tags_set(&t->tags, x->key, x->s);
	case T_LEGACY: return ddbgt_table_set_legacy_version(t, x->e);
	default: return ddbgt_table_set_adopt_existing(t, x->e); /* T_ADOPT */
	}
}

static const struct object_spec table_spec =
	OBJECT_SPEC("an object", table_fields, table_set, REQUIRED(T_NAME) | REQUIRED(T_PK));

static void read_attribute(struct loader *L, void *table, const jr_value *v)
{
	struct key_value k;
	if (walk(L, v, &key_spec, &k))
		setter(L, ddbgt_table_add_attribute(table, k.name, (ddbgt_attr_type)k.type));
}

static int read_table_nested(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_table *t = obj;
	struct key_value k;
	struct throughput tp = {&t->capacity, t->on_demand_max};
	int stream[2] = {0, DDBGT_STREAM_VIEW_UNSET};
	struct pitr_target pitr = {t, NULL};
	switch (f) {
	case T_PK:
	case T_SK:
		if (!walk(L, v, &key_spec, &k))
			return 0;
		setter(L, f == T_PK ? ddbgt_table_set_partition_key(t, k.name, (ddbgt_attr_type)k.type)
		                    : ddbgt_table_set_sort_key(t, k.name, (ddbgt_attr_type)k.type));
		return 1;
	case T_ATTRIBUTES: return each_item(L, v, t, read_attribute);
	case T_CAPACITY:
	case T_ON_DEMAND: return read_throughput(L, &tp, f == T_ON_DEMAND, v);
	case T_GSIS: return each_item(L, v, t, read_gsi);
	case T_LSIS: return each_item(L, v, t, read_lsi);
	case T_WARM: return read_warm(L, t->warm_throughput, v);
	case T_STREAM:
		if (!walk(L, v, &stream_spec, stream))
			return 0;
		setter(L, ddbgt_table_set_stream(t, stream[STREAM_ENABLED],
		                                 (ddbgt_stream_view)stream[STREAM_VIEW]));
		return 1;
	default: return walk(L, v, &pitr_spec, &pitr); /* T_PITR */
	}
}

/* {"units": n} or {"autoscaling": {...}} of a replica, for the table (index NULL) or a GSI. */
struct read_capacity_target {
	ddbgt_replica *replica;
	const char *index;
};

static int read_replica_autoscaling(struct loader *L, void *obj, size_t f, const jr_value *v);

enum { RC_UNITS, RC_AUTOSCALING };
static const struct field read_capacity_fields[] = {
	[RC_UNITS] = {KEY("units"), .kind = F_INT},
	[RC_AUTOSCALING] = {KEY("autoscaling"), NESTED(read_replica_autoscaling)},
};

static int read_capacity_set(void *obj, size_t f, const struct value *x)
{
	const struct read_capacity_target *rc = obj;
	(void)f; /* RC_UNITS */
	return rc->index ? ddbgt_replica_set_gsi_read_capacity(rc->replica, rc->index, x->i)
	                 : ddbgt_replica_set_read_capacity(rc->replica, x->i);
}

static const struct object_spec read_capacity_spec =
	OBJECT_SPEC("an object {\"units\"} or {\"autoscaling\"}", read_capacity_fields,
	            read_capacity_set, 0);

static int read_replica_autoscaling(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	const struct read_capacity_target *rc = obj;
	struct autoscaling a;
	(void)f;
	if (!read_autoscaling(L, v, &a))
		return 0;
	setter(L, rc->index ? ddbgt_replica_set_gsi_read_autoscaling(rc->replica, rc->index, a.min,
	                                                             a.max, a.target)
	                    : ddbgt_replica_set_read_autoscaling(rc->replica, a.min, a.max,
	                                                         a.target));
	setter(L, rc->index ? ddbgt_replica_set_gsi_read_autoscaling_tuning(
	                              rc->replica, rc->index, a.cooldown[0], a.cooldown[1],
	                              a.disable_scale_in)
	                    : ddbgt_replica_set_read_autoscaling_tuning(
	                              rc->replica, a.cooldown[0], a.cooldown[1],
	                              a.disable_scale_in));
	return 1;
}

static int read_read_capacity(struct loader *L, struct read_capacity_target *rc,
                              const jr_value *v)
{
	if (v->type == JR_OBJECT) {
		int units = ddbgt__jr_get(v, "units") != NULL;
		int autoscaling = ddbgt__jr_get(v, "autoscaling") != NULL;
		if (units == autoscaling) {
			/* Unknown keys still deserve their finding. */
			for (size_t i = 0; i < v->u.obj.count; i++) {
				const jr_member *m = &v->u.obj.members[i];
				if (find_field(&read_capacity_spec, m->key, m->key_len) ==
				    read_capacity_spec.count)
					report_unknown_key(L, m);
			}
			L->at = v;
			if (units)
				report(L, DDBGT_E_SPEC_EXCLUSIVE_KEYS,
				       "give either \"units\" or \"autoscaling\", not both%s%s", NULL, NULL);
			else
				report(L, DDBGT_E_SPEC_MISSING_KEY, "give \"units\" or \"autoscaling\"%s%s",
				       NULL, NULL);
			return 0;
		}
	}
	return walk(L, v, &read_capacity_spec, rc);
}

/* {"stream_arn", "approximate_creation_date_time_precision"} of a replica. */
struct kinesis_value {
	const char *arn;
	ddbgt_kinesis_precision precision;
};

enum { KIN_ARN, KIN_PRECISION };
static const struct field kinesis_fields[] = {
	[KIN_ARN] = {KEY("stream_arn"), .kind = F_STRING},
	[KIN_PRECISION] = {KEY("approximate_creation_date_time_precision"),
	                   ENUM(DDBGT_ENUM_KINESIS_PRECISION, DDBGT_E_SPEC_ENUM)},
};

static int kinesis_set(void *obj, size_t f, const struct value *x)
{
	struct kinesis_value *k = obj;
	if (f == KIN_ARN)
		k->arn = x->s;
	else
		k->precision = (ddbgt_kinesis_precision)x->e;
	return DDBGT_OK;
}

static const struct object_spec kinesis_spec =
	OBJECT_SPEC("an object {\"stream_arn\", \"approximate_creation_date_time_precision\"}",
	            kinesis_fields, kinesis_set, REQUIRED(KIN_ARN));

/* {"enabled": b, "mode": m} of a replica's contributor insights. */
enum { INS_ENABLED, INS_MODE };
static const struct field insights_fields[] = {
	[INS_ENABLED] = {KEY("enabled"), .kind = F_BOOL},
	[INS_MODE] = {KEY("mode"), ENUM(DDBGT_ENUM_INSIGHTS_MODE, DDBGT_E_SPEC_ENUM)},
};

static int insights_set(void *obj, size_t f, const struct value *x)
{
	int *enabled_mode = obj;
	enabled_mode[f] = x->e;
	return DDBGT_OK;
}

static const struct object_spec insights_spec =
	OBJECT_SPEC("an object {\"enabled\", \"mode\"}", insights_fields, insights_set,
	            REQUIRED(INS_ENABLED));

/*
 * contributor_insights of a replica (rc->index NULL) or of a GSI in it: a
 * boolean, or {"enabled", "mode"}. 1 when it read well.
 */
static int read_insights(struct loader *L, const struct read_capacity_target *rc,
                         const jr_value *v)
{
	int insights[2] = {0, DDBGT_INSIGHTS_MODE_UNSET};
	ddbgt_replica *r = rc->replica;
	if (v->type == JR_TRUE || v->type == JR_FALSE) {
		int on = v->type == JR_TRUE;
		setter(L, rc->index ? ddbgt_replica_set_gsi_contributor_insights(r, rc->index, on)
		                    : ddbgt_replica_set_contributor_insights(r, on));
		return 1;
	}
	L->at = v;
	if (v->type != JR_OBJECT) {
		report(L, DDBGT_E_SPEC_TYPE, "must be a boolean or an object {\"enabled\", "
		       "\"mode\"}, not %s%s", type_name(v), NULL);
		return 0;
	}
	if (!walk(L, v, &insights_spec, insights))
		return 0;
	ddbgt_insights_mode mode = (ddbgt_insights_mode)insights[INS_MODE];
	setter(L, rc->index ? ddbgt_replica_set_gsi_contributor_insights_mode(
	                              r, rc->index, insights[INS_ENABLED], mode)
	                    : ddbgt_replica_set_contributor_insights_mode(r, insights[INS_ENABLED],
	                                                                  mode));
	return 1;
}

/* The replica object. */
static int read_replica_nested(struct loader *L, void *obj, size_t f, const jr_value *v);

enum {
	R_REGION, R_ROLE, R_CLASS, R_KMS, R_PITR, R_DELETION, R_READ_CAPACITY, R_GSIS,
	R_INSIGHTS, R_TAGS, R_ON_DEMAND, R_KINESIS, R_RESOURCE_POLICY, R_STREAM_RESOURCE_POLICY,
	R_ACCOUNT, R_SETTINGS_REPLICATION, R_PROVIDER_ROLE
};
static const struct field replica_fields[] = {
	[R_REGION] = {KEY("region"), .kind = F_STRING},
	[R_ROLE] = {KEY("role"), ENUM(DDBGT_ENUM_ROLE, DDBGT_E_SPEC_ENUM)},
	[R_CLASS] = {KEY("table_class"), ENUM(DDBGT_ENUM_TABLE_CLASS, DDBGT_E_TABLE_CLASS_INVALID)},
	[R_KMS] = {KEY("kms_key"), .kind = F_STRING},
	[R_PITR] = {KEY("point_in_time_recovery"), NESTED(read_replica_nested)},
	[R_DELETION] = {KEY("deletion_protection"), .kind = F_BOOL},
	[R_READ_CAPACITY] = {KEY("read_capacity"), NESTED(read_replica_nested)},
	[R_GSIS] = {KEY("global_secondary_indexes"), NESTED(read_replica_nested)},
	[R_INSIGHTS] = {KEY("contributor_insights"), NESTED(read_replica_nested)},
	[R_TAGS] = {KEY("tags"), .kind = F_STRING_MAP},
	[R_ON_DEMAND] = {KEY("on_demand"), NESTED(read_replica_nested)},
	[R_KINESIS] = {KEY("kinesis_stream"), NESTED(read_replica_nested)},
	[R_RESOURCE_POLICY] = {KEY("resource_policy"), NESTED(read_replica_nested)},
	[R_STREAM_RESOURCE_POLICY] = {KEY("stream_resource_policy"), NESTED(read_replica_nested)},
	[R_ACCOUNT] = {KEY("account_id"), .kind = F_STRING},
	[R_SETTINGS_REPLICATION] = {KEY("settings_replication"),
	                            ENUM(DDBGT_ENUM_SETTINGS_REPLICATION, DDBGT_E_SPEC_ENUM)},
	[R_PROVIDER_ROLE] = {KEY("provider_role_arn"), .kind = F_STRING},
};

static int replica_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_replica *r = obj;
	switch (f) {
	case R_ROLE: return ddbgt_replica_set_role(r, (ddbgt_role)x->e);
	case R_CLASS: return ddbgt_replica_set_table_class(r, (ddbgt_table_class)x->e);
	case R_KMS: return ddbgt_replica_set_kms_key(r, x->s);
	case R_DELETION: return ddbgt_replica_set_deletion_protection(r, x->e);
	/* The reader has checked the UTF-8 that ddbgt_replica_set_tag would check again. */
	case R_TAGS: return ddbgt__tags_set(&r->tags, x->key, x->s);
	case R_ACCOUNT: return ddbgt_replica_set_account_id(r, x->s);
	case R_SETTINGS_REPLICATION:
		return ddbgt_replica_set_settings_replication(r, (ddbgt_settings_replication)x->e);
	case R_PROVIDER_ROLE: return ddbgt_replica_set_provider_role_arn(r, x->s);
	default: return DDBGT_OK; /* the region, given to ddbgt_replica_new */
	}
}

static const struct object_spec replica_spec =
	OBJECT_SPEC("an object", replica_fields, replica_set, REQUIRED(R_REGION));

/* {"max_read": n} of a replica or of a GSI in it: the maximum write is table-wide. */
static const struct field replica_on_demand_fields[] = {
	{KEY("max_read"), .kind = F_INT},
};

static int replica_on_demand_set(void *obj, size_t f, const struct value *x)
{
	const struct read_capacity_target *rc = obj;
	(void)f;
	return rc->index ? ddbgt_replica_set_gsi_on_demand_max_read(rc->replica, rc->index, x->i)
	                 : ddbgt_replica_set_on_demand_max_read(rc->replica, x->i);
}

static const struct object_spec replica_on_demand_spec =
	OBJECT_SPEC("an object {\"max_read\"}", replica_on_demand_fields, replica_on_demand_set, 0);

static int read_replica_on_demand(struct loader *L, struct read_capacity_target *rc,
                                  const jr_value *v)
{
	int ok = walk(L, v, &replica_on_demand_spec, rc);
	if (v->type == JR_OBJECT && v->u.obj.count == 0) {
		L->at = v;
		report(L, DDBGT_E_ONDEMAND_MAX_EMPTY,
		       "on_demand sets no max_read: give it or remove on_demand%s%s", NULL, NULL);
	}
	return ok;
}

/* {"read_capacity", "on_demand", "contributor_insights"} of one GSI in a replica: one or more. */
enum { RG_READ_CAPACITY, RG_ON_DEMAND, RG_INSIGHTS };
static int read_replica_gsi_nested(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	if (f == RG_INSIGHTS)
		return read_insights(L, obj, v);
	return f == RG_ON_DEMAND ? read_replica_on_demand(L, obj, v) : read_read_capacity(L, obj, v);
}

static const struct field replica_gsi_fields[] = {
	[RG_READ_CAPACITY] = {KEY("read_capacity"), NESTED(read_replica_gsi_nested)},
	[RG_ON_DEMAND] = {KEY("on_demand"), NESTED(read_replica_gsi_nested)},
	[RG_INSIGHTS] = {KEY("contributor_insights"), NESTED(read_replica_gsi_nested)},
};

static const struct object_spec replica_gsi_spec =
	OBJECT_SPEC("an object {\"read_capacity\", \"on_demand\", \"contributor_insights\"}",
	            replica_gsi_fields, NULL, 0);

/*
 * A resource-based policy: any JSON object, kept as canonical text (the
 * validator says whether it is a policy document).
 */
static int read_resource_policy(struct loader *L, ddbgt_replica *r, int stream, const jr_value *v)
{
	char *text = NULL;
	if (!expect(L, v, JR_OBJECT, "an IAM policy document (an object)"))
		return 0;
	int rc = ddbgt__iam_policy_from_tree(&text, v);
	if (rc == DDBGT_EINVAL) {
		report(L, DDBGT_E_SPEC_TOO_DEEP, "a policy document nests at most %s levels%s", "16",
		       NULL);
		return 0;
	}
	setter(L, rc ? rc : ddbgt__replica_set_policy_text(r, stream, text));
	ddbgt_free(text);
	return 1;
}

static int read_replica_nested(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_replica *r = obj;
	struct pitr_target pitr = {NULL, r};
	struct read_capacity_target rc = {r, NULL};
	struct kinesis_value kinesis = {NULL, DDBGT_KINESIS_PRECISION_UNSET};
	switch (f) {
	case R_PITR: return walk(L, v, &pitr_spec, &pitr);
	case R_READ_CAPACITY: return read_read_capacity(L, &rc, v);
	case R_ON_DEMAND: return read_replica_on_demand(L, &rc, v);
	case R_INSIGHTS:
		return read_insights(L, &rc, v);
	case R_KINESIS:
		if (!walk(L, v, &kinesis_spec, &kinesis))
			return 0;
		setter(L, ddbgt_replica_set_kinesis_stream(r, kinesis.arn, kinesis.precision));
		return 1;
	case R_RESOURCE_POLICY:
	case R_STREAM_RESOURCE_POLICY:
		return read_resource_policy(L, r, f == R_STREAM_RESOURCE_POLICY, v);
	default: /* R_GSIS */
		if (!expect(L, v, JR_OBJECT, "an object of index name to {\"read_capacity\", \"on_demand\"}"))
			return 0;
		int ok = 1;
		for (size_t i = 0; i < v->u.obj.count; i++) {
			const jr_member *m = &v->u.obj.members[i];
			size_t mark = path_push(L, m->key);
			rc.index = m->key;
			ok &= walk(L, m->value, &replica_gsi_spec, &rc);
			if (m->value->type == JR_OBJECT && m->value->u.obj.count == 0) {
				size_t inner = path_push(L, "read_capacity");
				L->at = m->value;
				report(L, DDBGT_E_SPEC_MISSING_KEY,
				       "give \"read_capacity\", \"on_demand\" or \"contributor_insights\"%s%s",
				       NULL, NULL);
				path_pop(L, inner);
				ok = 0;
			}
			path_pop(L, mark);
		}
		return ok;
	}
}

static void read_replica(struct loader *L, void *table, const jr_value *v)
{
	ddbgt_replica *r = NULL;
	if (ddbgt_replica_new(&r, v->type == JR_OBJECT ? peek_string(v, "region") : "")) {
		L->status = DDBGT_ENOMEM;
		return;
	}
	walk(L, v, &replica_spec, r);
	if (ddbgt_table_add_replica(table, r)) {
		ddbgt_replica_free(r);
		L->status = DDBGT_ENOMEM;
	}
}

/* The policy object. */
static int read_policy_map(struct loader *L, void *obj, size_t f, const jr_value *v);

enum {
	P_MIN, P_MAX, P_REGIONS, P_JURISDICTIONS, P_PITR, P_CMK, P_DELETION, P_SEVERITY, P_QUOTAS
};
static const struct field policy_fields[] = {
	[P_MIN] = {KEY("min_regions"), .kind = F_INT},
	[P_MAX] = {KEY("max_regions"), .kind = F_INT},
	[P_REGIONS] = {KEY("allowed_regions"), .kind = F_STRING_LIST},
	[P_JURISDICTIONS] = {KEY("jurisdictions"), .kind = F_STRING_LIST},
	[P_PITR] = {KEY("require_point_in_time_recovery"), .kind = F_BOOL},
	[P_CMK] = {KEY("require_customer_managed_keys"), .kind = F_BOOL},
	[P_DELETION] = {KEY("require_deletion_protection"), .kind = F_BOOL},
	[P_SEVERITY] = {KEY("severity"), NESTED(read_policy_map)},
	[P_QUOTAS] = {KEY("quotas"), NESTED(read_policy_map)},
};

static int policy_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_policy *p = obj;
	switch (f) {
	case P_MIN: return ddbgt_policy_set_min_regions(p, x->i);
	case P_MAX: return ddbgt_policy_set_max_regions(p, x->i);
	case P_REGIONS: return ddbgt_policy_add_allowed_region(p, x->s);
	case P_JURISDICTIONS: return ddbgt_policy_add_jurisdiction(p, x->s);
	case P_PITR: return ddbgt_policy_set_require_pitr(p, x->e);
	case P_CMK: return ddbgt_policy_set_require_customer_managed_keys(p, x->e);
	default: return ddbgt_policy_set_require_deletion_protection(p, x->e); /* P_DELETION */
	}
}

static const struct object_spec policy_spec =
	OBJECT_SPEC("an object", policy_fields, policy_set, 0);

static int known_quota(const char *name)
{
	for (size_t i = 0; ddbgt_policy_quota_name_at(i); i++)
		if (strcmp(ddbgt_policy_quota_name_at(i), name) == 0)
			return 1;
	return 0;
}

/* "severity": code name to severity, "quotas": quota name to integer. */
static int read_policy_map(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_policy *p = obj;
	int severity = f == P_SEVERITY;
	if (!expect(L, v, JR_OBJECT,
	            severity ? "an object of diagnostic code to severity"
	                     : "an object of quota name to integer"))
		return 0;
	int ok = 1;
	for (size_t i = 0; i < v->u.obj.count; i++) {
		const char *key = v->u.obj.members[i].key;
		const jr_value *y = v->u.obj.members[i].value;
		size_t mark = path_push(L, key);
		int e;
		int64_t n;
		L->at = y;
		if (severity ? ddbgt_code_from_name(key) == DDBGT_CODE_NONE : !known_quota(key)) {
			report(L, DDBGT_E_SPEC_UNKNOWN_KEY,
			       severity ? "\"%s\" is not a diagnostic code (see `ddbgt explain`)%s"
			                : "\"%s\" is not a known quota%s",
			       key, NULL);
			ok = 0;
		} else if (severity) {
			if (read_enum(L, y, DDBGT_ENUM_SEVERITY, DDBGT_E_SPEC_ENUM, &e))
				setter(L, ddbgt_policy_set_severity(p, key, (ddbgt_severity)e));
		} else if (read_int(L, y, &n)) {
			setter(L, ddbgt_policy_set_quota(p, key, n));
		}
		path_pop(L, mark);
	}
	return ok;
}

/* usage.backups: on-demand backups and restores. */
enum { B_PER_MONTH, B_RETENTION, B_SIZE, B_RESTORES };
static const struct field backups_fields[] = {
	[B_PER_MONTH] = {KEY("per_month"), .kind = F_AMOUNT},
	[B_RETENTION] = {KEY("retention_days"), .kind = F_AMOUNT},
	[B_SIZE] = {KEY("size_gb"), .kind = F_AMOUNT},
	[B_RESTORES] = {KEY("restores_per_month"), .kind = F_AMOUNT},
};

static int backups_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_usage *u = obj;
	switch (f) {
	case B_PER_MONTH: return ddbgt_usage_set_backups_per_month(u, x->d);
	case B_RETENTION: return ddbgt_usage_set_backup_retention_days(u, x->d);
	case B_SIZE: return ddbgt_usage_set_backup_size_gb(u, x->d);
	default: return ddbgt_usage_set_restores_per_month(u, x->d); /* B_RESTORES */
	}
}

static const struct object_spec backups_spec = OBJECT_SPEC("an object", backups_fields,
                                                           backups_set, 0);

static int read_backups(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	(void)f;
	return walk(L, v, &backups_spec, obj);
}

/* The usage object. */
enum { U_WRITES, U_READS, U_ITEM_SIZE, U_CONSISTENCY, U_STORAGE, U_STREAM_READS, U_HOURS,
       U_WRITE_MODE, U_BACKUPS };
static const struct field usage_fields[] = {
	[U_WRITES] = {KEY("writes_per_second"), .kind = F_AMOUNT_MAP},
	[U_READS] = {KEY("reads_per_second"), .kind = F_AMOUNT_MAP},
	[U_ITEM_SIZE] = {KEY("item_size_bytes"), .kind = F_AMOUNT},
	[U_CONSISTENCY] = {KEY("read_consistency"), ENUM(DDBGT_ENUM_READ_CONSISTENCY, DDBGT_E_SPEC_ENUM)},
	[U_STORAGE] = {KEY("storage_gb"), .kind = F_AMOUNT},
	[U_STREAM_READS] = {KEY("stream_reads_per_month"), .kind = F_AMOUNT},
	[U_HOURS] = {KEY("hours_per_month"), .kind = F_AMOUNT},
	[U_WRITE_MODE] = {KEY("write_mode"), ENUM(DDBGT_ENUM_WRITE_MODE, DDBGT_E_SPEC_ENUM)},
	[U_BACKUPS] = {KEY("backups"), NESTED(read_backups)},
};

static int usage_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_usage *u = obj;
	switch (f) {
	/* read_amount and the reader checked what ddbgt_usage_set_rate would check again. */
	case U_WRITES: return ddbgt__usage_put_rate(u, DDBGT_WRITE, x->key, x->d);
	case U_READS: return ddbgt__usage_put_rate(u, DDBGT_READ, x->key, x->d);
	case U_ITEM_SIZE: return ddbgt_usage_set_item_size_bytes(u, x->d);
	case U_CONSISTENCY:
		return ddbgt_usage_set_read_consistency(u, (ddbgt_read_consistency)x->e);
	case U_STORAGE: return ddbgt_usage_set_storage_gb(u, x->d);
	case U_STREAM_READS: return ddbgt_usage_set_stream_reads_per_month(u, x->d);
	case U_WRITE_MODE: return ddbgt_usage_set_write_mode(u, (ddbgt_write_mode)x->e);
	default: return ddbgt_usage_set_hours_per_month(u, x->d); /* U_HOURS */
	}
}

static const struct object_spec usage_spec = OBJECT_SPEC("an object", usage_fields, usage_set, 0);

/* The operations object: alarms, dashboard, IAM documents. */
enum { A_ENABLED, A_LATENCY, A_PERIODS, A_PERIOD, A_THROTTLES, A_ERRORS, A_UTILIZATION, A_TOPICS };
static const struct field alarms_fields[] = {
	[A_ENABLED] = {KEY("enabled"), .kind = F_BOOL},
	[A_LATENCY] = {KEY("replication_latency_ms"), .kind = F_INT},
	[A_PERIODS] = {KEY("evaluation_periods"), .kind = F_INT},
	[A_PERIOD] = {KEY("period_seconds"), .kind = F_INT},
	[A_THROTTLES] = {KEY("throttles"), .kind = F_BOOL},
	[A_ERRORS] = {KEY("system_errors"), .kind = F_BOOL},
	[A_UTILIZATION] = {KEY("utilization_percent"), .kind = F_INT},
	[A_TOPICS] = {KEY("sns_topics"), .kind = F_STRING_MAP},
};

static int alarms_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_operations *ops = obj;
	switch (f) {
	case A_ENABLED: return ddbgt_operations_set_alarms(ops, x->e);
	case A_LATENCY:
		return ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_REPLICATION_LATENCY_MS, x->i);
	case A_PERIODS:
		return ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_EVALUATION_PERIODS, x->i);
	case A_PERIOD: return ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_PERIOD_SECONDS, x->i);
	case A_THROTTLES: return ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_THROTTLES, x->e);
	case A_ERRORS: return ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_SYSTEM_ERRORS, x->e);
	case A_UTILIZATION:
		return ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_UTILIZATION_PERCENT, x->i);
	default: return ddbgt_operations_set_sns_topic(ops, x->key, x->s); /* A_TOPICS */
	}
}

static const struct object_spec alarms_spec =
	OBJECT_SPEC("a boolean or an object of alarm settings", alarms_fields, alarms_set, 0);

static int read_ops_nested(struct loader *L, void *obj, size_t f, const jr_value *v);
static int read_iam_policies(struct loader *L, void *obj, size_t f, const jr_value *v);

enum { I_POLICIES, I_REGIONS, I_INDEXES, I_OUTPUTS };
static const struct field iam_fields[] = {
	[I_POLICIES] = {KEY("policies"), NESTED(read_iam_policies)},
	[I_REGIONS] = {KEY("regions"), .kind = F_STRING_LIST},
	[I_INDEXES] = {KEY("indexes"), .kind = F_STRING_LIST},
	[I_OUTPUTS] = {KEY("as_outputs"), .kind = F_BOOL},
};

static int iam_set(void *obj, size_t f, const struct value *x)
{
	ddbgt_operations *ops = obj;
	switch (f) {
	case I_REGIONS: return ddbgt_operations_add_iam_region(ops, x->s);
	case I_INDEXES: return ddbgt_operations_add_iam_index(ops, x->s);
	default: return ddbgt_operations_set_iam_as_outputs(ops, x->e); /* I_OUTPUTS */
	}
}

static const struct object_spec iam_spec =
	OBJECT_SPEC("an object", iam_fields, iam_set, REQUIRED(I_POLICIES));

/* "policies": names of ddbgt_iam_policy kinds; a name given twice asks once. */
static int read_iam_policies(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	(void)f;
	int ok = 1;
	if (!expect(L, v, JR_ARRAY, "an array of policy names"))
		return 0;
	for (size_t i = 0; i < v->u.arr.count; i++) {
		size_t mark = path_push_index(L, i);
		const char *name;
		int kind = 0;
		if (read_string(L, v->u.arr.items[i], &name)) {
			while (ddbgt_iam_policy_name((ddbgt_iam_policy)kind) &&
			       strcmp(ddbgt_iam_policy_name((ddbgt_iam_policy)kind), name) != 0)
				kind++;
			if (ddbgt_iam_policy_name((ddbgt_iam_policy)kind))
				setter(L, ddbgt_operations_set_iam_policy(obj, (ddbgt_iam_policy)kind, 1));
			else {
				report(L, DDBGT_E_SPEC_ENUM,
				       "\"%s\" is not one of: read, read_write, stream_consumer, deployer%s",
				       name, NULL);
				ok = 0;
			}
		} else {
			ok = 0;
		}
		path_pop(L, mark);
	}
	return ok;
}

/* One region's gateway endpoint: the region is the member's key. */
struct endpoint_target {
	ddbgt_operations *ops;
	const char *region;
};

enum { V_VPC, V_ROUTES, V_RESTRICT };
static const struct field endpoint_fields[] = {
	[V_VPC] = {KEY("vpc_id"), .kind = F_STRING},
	[V_ROUTES] = {KEY("route_table_ids"), .kind = F_STRING_LIST},
	[V_RESTRICT] = {KEY("restrict_to_table"), .kind = F_BOOL},
};

static int endpoint_set(void *obj, size_t f, const struct value *x)
{
	const struct endpoint_target *e = obj;
	switch (f) {
	case V_VPC: return ddbgt_operations_set_vpc_endpoint(e->ops, e->region, x->s);
	case V_ROUTES: return ddbgt_operations_add_vpc_route_table(e->ops, e->region, x->s);
	default: return ddbgt_operations_set_vpc_endpoint_restricted(e->ops, e->region, x->e);
	}
}

static const struct object_spec endpoint_spec =
	OBJECT_SPEC("an object {\"vpc_id\", \"route_table_ids\", \"restrict_to_table\"}",
	            endpoint_fields, endpoint_set, REQUIRED(V_VPC));

enum { O_ALARMS, O_DASHBOARD, O_IAM, O_KMS, O_VPC };
static const struct field ops_fields[] = {
	[O_ALARMS] = {KEY("alarms"), NESTED(read_ops_nested)},
	[O_DASHBOARD] = {KEY("dashboard"), .kind = F_BOOL},
	[O_IAM] = {KEY("iam"), NESTED(read_ops_nested)},
	[O_KMS] = {KEY("kms_key_policies"), .kind = F_BOOL},
	[O_VPC] = {KEY("vpc_endpoints"), NESTED(read_ops_nested)},
};

/* "vpc_endpoints": region to endpoint; the endpoint exists before its route tables are added. */
static int read_endpoints(struct loader *L, ddbgt_operations *ops, const jr_value *v)
{
	int ok = 1;
	if (!expect(L, v, JR_OBJECT, "an object of region to endpoint"))
		return 0;
	for (size_t i = 0; i < v->u.obj.count; i++) {
		const jr_member *m = &v->u.obj.members[i];
		struct endpoint_target e = {ops, m->key};
		size_t mark = path_push(L, m->key);
		if (m->value->type == JR_OBJECT)
			setter(L, ddbgt_operations_set_vpc_endpoint(ops, m->key,
			                                            peek_string(m->value, "vpc_id")));
		ok &= walk(L, m->value, &endpoint_spec, &e);
		path_pop(L, mark);
	}
	return ok;
}

static int ops_set(void *obj, size_t f, const struct value *x)
{
	if (f == O_KMS)
		return ddbgt_operations_set_kms_key_policies(obj, x->e);
	return ddbgt_operations_set_dashboard(obj, x->e); /* O_DASHBOARD */
}

static const struct object_spec ops_spec = OBJECT_SPEC("an object", ops_fields, ops_set, 0);

static int read_ops_nested(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_operations *ops = obj;
	int on = 0;
	if (f == O_IAM)
		return walk(L, v, &iam_spec, ops);
	if (f == O_VPC)
		return read_endpoints(L, ops, v);
	/* "alarms": true or false, or an object of settings (on unless "enabled": false). */
	if (v->type == JR_TRUE || v->type == JR_FALSE) {
		read_bool(L, v, &on);
		setter(L, ddbgt_operations_set_alarms(ops, on));
		return 1;
	}
	if (v->type == JR_OBJECT)
		setter(L, ddbgt_operations_set_alarms(ops, 1));
	return walk(L, v, &alarms_spec, ops);
}

/* The document. */
#define SPEC_FORMAT_1 "ddbgt/1"

static int read_root_nested(struct loader *L, void *obj, size_t f, const jr_value *v);

enum { ROOT_FORMAT, ROOT_TABLE, ROOT_REPLICAS, ROOT_POLICY, ROOT_USAGE, ROOT_OPERATIONS };
static const struct field root_fields[] = {
	[ROOT_FORMAT] = {KEY("format"), NESTED(read_root_nested)},
	[ROOT_TABLE] = {KEY("table"), NESTED(read_root_nested)},
	[ROOT_REPLICAS] = {KEY("replicas"), NESTED(read_root_nested)},
	[ROOT_POLICY] = {KEY("policy"), NESTED(read_root_nested)},
	[ROOT_USAGE] = {KEY("usage"), NESTED(read_root_nested)},
	[ROOT_OPERATIONS] = {KEY("operations"), NESTED(read_root_nested)},
};

static const struct object_spec root_spec =
	OBJECT_SPEC("an object", root_fields, NULL,
	            REQUIRED(ROOT_FORMAT) | REQUIRED(ROOT_TABLE) | REQUIRED(ROOT_REPLICAS));

static int read_root_nested(struct loader *L, void *obj, size_t f, const jr_value *v)
{
	ddbgt_table *t = obj;
	const char *format;
	switch (f) {
	case ROOT_FORMAT:
		if (!read_string(L, v, &format))
			return 0;
		if (strcmp(format, SPEC_FORMAT_1) == 0)
			return 1;
		report(L, DDBGT_E_SPEC_FORMAT, "format is \"%s\"; this library reads \"%s\"", format,
		       SPEC_FORMAT_1);
		return 0;
	case ROOT_TABLE: return walk(L, v, &table_spec, t);
	case ROOT_REPLICAS: return each_item(L, v, t, read_replica);
	case ROOT_POLICY: return walk(L, v, &policy_spec, ddbgt_table_policy_mut(t));
	case ROOT_OPERATIONS:
		if (!ddbgt_table_operations_mut(t)) {
			setter(L, DDBGT_ENOMEM);
			return 0;
		}
		return walk(L, v, &ops_spec, ddbgt_table_operations_mut(t));
	default: return walk(L, v, &usage_spec, ddbgt_table_usage_mut(t)); /* ROOT_USAGE */
	}
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
	walk(&L, root, &root_spec, t);
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

DDBGT_API int ddbgt_spec_load_json(ddbgt_table **out, const struct json_t *json, unsigned flags,
                                   ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!json || (flags & ~DDBGT_SPEC_LOAD_FLAGS_KNOWN))
		return DDBGT_EINVAL;
	jr_doc *doc = NULL;
	jr_error err;
	int rc = ddbgt__jr_from_jansson(&doc, json, MAX_DEPTH, &err);
	return load_doc(out, rc, doc, &err, diags);
}

DDBGT_API int ddbgt_spec_load_string(ddbgt_table **out, const char *text, size_t len,
                                     unsigned flags, ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!text || (flags & ~DDBGT_SPEC_LOAD_FLAGS_KNOWN))
		return DDBGT_EINVAL;
	jr_doc *doc = NULL;
	jr_error err;
	int rc = ddbgt__jr_parse(&doc, text, len, MAX_DEPTH, &err);
	return load_doc(out, rc, doc, &err, diags);
}

DDBGT_API int ddbgt_spec_load_file(ddbgt_table **out, const char *path, unsigned flags,
                                   ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!path || (flags & ~DDBGT_SPEC_LOAD_FLAGS_KNOWN))
		return DDBGT_EINVAL;
	char *buf = NULL;
	size_t len = 0;
	int err = 0;
	int rc = ddbgt__file_read(&buf, &len, path, &err);
	if (rc == DDBGT_EIO) {
		if (ddbgt__diag_addf(diags, DDBGT_E_SPEC_UNREADABLE, "", NULL, "cannot read %s: %s",
		                     path, strerror(err)))
			rc = DDBGT_ENOMEM;
	} else if (rc == DDBGT_OK) {
		rc = ddbgt_spec_load_string(out, buf, len, flags, diags);
	}
	ddbgt__free(buf);
	return rc;
}
