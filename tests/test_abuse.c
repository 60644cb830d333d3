/*
 * API abuse: every public function (the table that tests/gen-abuse.awk
 * writes from the headers at build time) is called
 *   1. with every pointer NULL,
 *   2. with live objects but NULL for every other pointer and list indexes
 *      past the end,
 *   3. with live objects and valid pointers but enumeration values outside
 *      their enum, indexes past the end and extreme numbers,
 *   4. for each string parameter in turn, with bytes that are not UTF-8 in
 *      it and plausible values everywhere else (so that the string is the
 *      only thing wrong),
 * and must not crash, must answer an error status, NULL or 0 where the
 * conventions say so, and must set a `**out` to NULL when it fails.
 * ASan, UBSan and valgrind watch the same calls in their builds.
 */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>
#include <ddbgt/region.h>

#include "abuse.h"
#include "testutil.h"
#include "utf8.h"

/* --- live objects of each handle type ------------------------------------ */

static const char spec[] =
	"{\"format\":\"ddbgt/1\",\"table\":{\"name\":\"abuse\",\"partition_key\":{\"name\":\"pk\","
	"\"type\":\"S\"},\"sort_key\":{\"name\":\"sk\",\"type\":\"N\"},\"attributes\":[{\"name\":"
	"\"g\",\"type\":\"S\"}],\"global_secondary_indexes\":[{\"name\":\"by-g\",\"partition_key\":"
	"\"g\",\"projection\":\"INCLUDE\",\"non_key_attributes\":[\"x\"]}],"
	"\"local_secondary_indexes\":[{\"name\":\"by-x\",\"sort_key\":\"g\"}],\"tags\":{\"a\":\"b\"}},"
	"\"replicas\":[{\"region\":\"us-east-1\",\"tags\":{\"c\":\"d\"}},{\"region\":\"eu-west-1\"}],"
	"\"policy\":{\"allowed_regions\":[\"us-east-1\"],\"severity\":{\"DDBGT_E_NOT_GLOBAL\":\"off\"}},"
	"\"usage\":{\"writes_per_second\":{\"us-east-1\":1}}}";

static void *new_table(void)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&t, spec, sizeof spec - 1, 0, NULL), DDBGT_OK);
	return t;
}

static void *new_replica(void)
{
	ddbgt_replica *r = NULL;
	ck_assert_int_eq(ddbgt_replica_new(&r, "us-west-2"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "k", "v"), DDBGT_OK);
	return r;
}

static void *new_gsi(void)
{
	ddbgt_gsi *g = NULL;
	ck_assert_int_eq(ddbgt_gsi_new(&g, "g2"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(g, "y"), DDBGT_OK);
	return g;
}

static void *new_lsi(void)
{
	ddbgt_lsi *l = NULL;
	ck_assert_int_eq(ddbgt_lsi_new(&l, "l2"), DDBGT_OK);
	return l;
}

static void *new_policy(void)
{
	ddbgt_policy *p = NULL;
	ck_assert_int_eq(ddbgt_policy_new(&p), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_jurisdiction(p, "EU"), DDBGT_OK);
	return p;
}

static void *new_usage(void)
{
	ddbgt_usage *u = NULL;
	ck_assert_int_eq(ddbgt_usage_new(&u), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_READ, "us-east-1", 2), DDBGT_OK);
	return u;
}

/*
 * An operations object lives only in a table: the table that holds each one
 * made here is kept beside it, to be freed with it.
 */
static struct {
	ddbgt_operations *ops;
	ddbgt_table *table;
} ops_tables[8];

static void *new_operations(void)
{
	for (size_t i = 0; i < sizeof ops_tables / sizeof ops_tables[0]; i++) {
		if (ops_tables[i].ops)
			continue;
		ck_assert_int_eq(ddbgt_table_new(&ops_tables[i].table, "orders"), DDBGT_OK);
		ops_tables[i].ops = ddbgt_table_operations_mut(ops_tables[i].table);
		ck_assert_ptr_nonnull(ops_tables[i].ops);
		ck_assert_int_eq(ddbgt_operations_set_sns_topic(ops_tables[i].ops, "us-east-1", "t"),
		                 DDBGT_OK);
		return ops_tables[i].ops;
	}
	ck_abort_msg("more operations objects at once than tests/test_abuse.c keeps");
	return NULL;
}

static void free_operations(void *p)
{
	for (size_t i = 0; i < sizeof ops_tables / sizeof ops_tables[0]; i++) {
		if (p && ops_tables[i].ops == p) {
			ddbgt_table_free(ops_tables[i].table);
			ops_tables[i].ops = NULL;
			ops_tables[i].table = NULL;
		}
	}
}

static void *new_diags(void)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_REGION_UNKNOWN, DDBGT_SEVERITY_ERROR, "/r",
	                                 "xx-1", "m"),
	                 DDBGT_OK);
	return d;
}

static void *new_spec_positions(void)
{
	ddbgt_spec_positions *p = NULL;
	ck_assert_int_eq(ddbgt_spec_positions_new(&p, spec, strlen(spec), 0), DDBGT_OK);
	return p;
}

static void *new_json(void)
{
	json_t *j = json_loads(spec, 0, NULL);
	ck_assert_ptr_nonnull(j);
	return j;
}

/* Catalogue rows belong to the library: nothing to free. */
static void *catalogue_region(void)
{
	const ddbgt_region *r = ddbgt_region_find("eu-west-1");
	ck_assert_ptr_nonnull(r);
	return (void *)r;
}

static void *new_region_query(void)
{
	ddbgt_region_query *q = NULL;
	ck_assert_int_eq(ddbgt_region_query_new(&q), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 48.8, 2.3, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_set_count(q, 2), DDBGT_OK);
	return q;
}

static void *new_region_selection(void)
{
	ddbgt_region_query *q = new_region_query();
	ddbgt_region_selection *sel = NULL;
	ck_assert_int_eq(ddbgt_region_query_run(&sel, q), DDBGT_OK);
	ddbgt_region_query_free(q);
	return sel;
}

/* For functions that write to a stream. */
static void *open_devnull(void)
{
	FILE *f = fopen("/dev/null", "w");
	ck_assert_ptr_nonnull(f);
	return f;
}

static void close_file(void *p) { fclose(p); }
static void *new_prices(void)
{
	ddbgt_prices *p = NULL;
	ck_assert_int_eq(ddbgt_prices_default(&p), DDBGT_OK);
	return p;
}

static void *new_cost_report(void)
{
	ddbgt_table *t = new_table();
	ddbgt_cost_report *r = NULL;
	ck_assert_int_eq(ddbgt_cost_estimate(&r, t, NULL, NULL), DDBGT_OK);
	ddbgt_table_free(t);
	return r;
}

/* A change list with one change: the table renamed. */
static void *new_changes(void)
{
	ddbgt_table *a = new_table(), *b = new_table();
	ddbgt_changes *c = NULL;
	ck_assert_int_eq(ddbgt_table_set_name(b, "renamed"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diff(&c, a, b, NULL, NULL), DDBGT_OK);
	ddbgt_table_free(a);
	ddbgt_table_free(b);
	return c;
}

/* The helpers' result objects, each read from a fresh table. */
#define HELPER_FACTORY(type, make_call)                  \
	static void *new_##type(void)                    \
	{                                                \
		ddbgt_table *t = new_table();            \
		ddbgt_##type *r = NULL;                  \
		ck_assert_int_eq(make_call, DDBGT_OK);   \
		ddbgt_table_free(t);                     \
		return r;                                \
	}                                                \
	static void free_##type(void *p) { ddbgt_##type##_free(p); }
HELPER_FACTORY(topology, ddbgt_topology_new(&r, t))
HELPER_FACTORY(strategy, ddbgt_strategy_identify(&r, t))
HELPER_FACTORY(features, ddbgt_features_detect(&r, t))
HELPER_FACTORY(routing, ddbgt_routing_new(&r, t))
#undef HELPER_FACTORY

static void *new_import(void)
{
	static const char tf[] = "{\"provider\": {\"aws\": {\"region\": \"us-east-1\"}}, "
	                         "\"resource\": {\"aws_dynamodb_table\": {\"t\": {\"name\": \"t\", "
	                         "\"hash_key\": \"pk\", \"attribute\": [{\"name\": \"pk\", "
	                         "\"type\": \"S\"}], \"replica\": [{\"region_name\": "
	                         "\"eu-west-1\"}]}}}}";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "t.tf.json", tf, sizeof tf - 1, NULL, NULL),
	                 DDBGT_OK);
	return imp;
}

static void free_import(void *p) { ddbgt_import_free(p); }
static void free_prices(void *p) { ddbgt_prices_free(p); }
static void free_cost_report(void *p) { ddbgt_cost_report_free(p); }
static void free_changes(void *p) { ddbgt_changes_free(p); }
static void free_nothing(void *p) { (void)p; }
static void free_region_query(void *p) { ddbgt_region_query_free(p); }
static void free_region_selection(void *p) { ddbgt_region_selection_free(p); }
static void free_table(void *p) { ddbgt_table_free(p); }
static void free_replica(void *p) { ddbgt_replica_free(p); }
static void free_gsi(void *p) { ddbgt_gsi_free(p); }
static void free_lsi(void *p) { ddbgt_lsi_free(p); }
static void free_policy(void *p) { ddbgt_policy_free(p); }
static void free_usage(void *p) { ddbgt_usage_free(p); }
static void free_diags(void *p) { ddbgt_diags_free(p); }
static void free_json(void *p) { json_decref(p); }
static void free_spec_positions(void *p) { ddbgt_spec_positions_free(p); }
static void free_string(void *p) { ddbgt_free(p); }

/*
 * Every object type of the API. A new type makes the test fail until it is
 * added here, with a constructor and a destructor.
 */
static const struct factory {
	const char *type;
	void *(*make)(void); /* NULL: the type is only ever an output */
	void (*release)(void *);
} factories[] = {
	{"ddbgt_table", new_table, free_table},
	{"ddbgt_replica", new_replica, free_replica},
	{"ddbgt_gsi", new_gsi, free_gsi},
	{"ddbgt_lsi", new_lsi, free_lsi},
	{"ddbgt_policy", new_policy, free_policy},
	{"ddbgt_usage", new_usage, free_usage},
	{"ddbgt_operations", new_operations, free_operations},
	{"ddbgt_diags", new_diags, free_diags},
	{"struct json_t", new_json, free_json},
	{"ddbgt_region", catalogue_region, free_nothing},
	{"ddbgt_region_query", new_region_query, free_region_query},
	{"ddbgt_region_selection", new_region_selection, free_region_selection},
	{"ddbgt_prices", new_prices, free_prices},
	{"ddbgt_cost_report", new_cost_report, free_cost_report},
	{"ddbgt_topology", new_topology, free_topology},
	{"ddbgt_strategy", new_strategy, free_strategy},
	{"ddbgt_features", new_features, free_features},
	{"ddbgt_routing", new_routing, free_routing},
	{"ddbgt_changes", new_changes, free_changes},
	{"ddbgt_import", new_import, free_import},
	{"FILE", open_devnull, close_file},
	{"ddbgt_spec_positions", new_spec_positions, free_spec_positions},
	{"char", NULL, free_string},
};

static const struct factory *factory(const struct abuse_fn *fn, const char *type)
{
	for (size_t i = 0; i < sizeof factories / sizeof factories[0]; i++)
		if (strcmp(factories[i].type, type) == 0)
			return &factories[i];
	ck_abort_msg("%s (%s): no factory for the type %s: add one to tests/test_abuse.c",
	             fn->name, fn->header, type);
	return NULL;
}

/* --- what each function owes us ------------------------------------------ */

/*
 * An int result is a status unless the function is a plain getter: one that
 * only reads (every pointer const) and is not named for an action.
 */
static int returns_status(const struct abuse_fn *fn)
{
	static const char *const verbs[] = {"_new", "_copy", "_set_", "_add", "_remove", "_clear",
	                                    "_load", "_dump", "_append", "_parse", "_get_",
	                                    "_to_", "_validate", "_emit", "_estimate", NULL};
	for (int k = 0; k < fn->nparams; k++)
		if (fn->kind[k] == AK_OUT2 || fn->kind[k] == AK_OUTV ||
		    (fn->kind[k] == AK_HANDLE && !fn->is_const[k]))
			return 1;
	for (size_t v = 0; verbs[v]; v++)
		if (strstr(fn->name, verbs[v]))
			return 1;
	return 0;
}

/* Functions that take ownership of (or free) an argument. */
static int frees_argument(const struct abuse_fn *fn)
{
	size_t n = strlen(fn->name);
	return n > 5 && strcmp(fn->name + n - 5, "_free") == 0;
}

/*
 * Getters whose answer for a NULL object is not 0, each for a reason its
 * header gives: the answer is what an object with nothing set would say.
 */
static const struct {
	const char *name;
	double value;
} null_answers[] = {
	/* A list without findings has no error. */
	{"ddbgt_diags_is_valid", 1},
	/* Tri-state raw getters: nothing set means DDBGT_INHERIT. */
	{"ddbgt_replica_pitr", DDBGT_INHERIT},
	{"ddbgt_replica_deletion_protection", DDBGT_INHERIT},
	/* Distances and shares: -1 marks "no such region", 0 being a real answer. */
	{"ddbgt_region_distance_km", -1},
	/* Price items start at 0 (DDBGT_PRICE_WRU): -1 is "no such line". */
	{"ddbgt_cost_line_item", -1},
	/* A missing price is -1, 0 being a real price. */
	{"ddbgt_cost_line_unit_price_nanos", -1},
	{"ddbgt_region_selection_distance_km", -1},
	{"ddbgt_region_selection_weight", -1},
	{"ddbgt_region_selection_mean_distance_km", -1},
	/* The witness has no spec index and no distance: -1, 0 being real answers. */
	{"ddbgt_topology_spec_index_at", -1},
	{"ddbgt_routing_distance_km_at", -1},
};

/* The answer for a refused call: an error status, NULL or 0. */
static void assert_refused(const struct abuse_fn *fn, const struct abuse_call *c,
                           const char *scenario)
{
	for (size_t i = 0; i < sizeof null_answers / sizeof null_answers[0]; i++)
		if (strcmp(fn->name, null_answers[i].name) == 0) {
			double got = fn->ret == AR_DBL ? c->rd : (double)c->ri;
			ck_assert_msg(got == null_answers[i].value, "%s: %s: returned %g", fn->name,
			              scenario, got);
			return;
		}
	switch (fn->ret) {
	case AR_INT:
		if (returns_status(fn))
			ck_assert_msg(c->ri < 0, "%s (%s): %s: status %lld, an error was due",
			              fn->name, fn->header, scenario, c->ri);
		else
			ck_assert_msg(c->ri == 0, "%s (%s): %s: returned %lld, 0 was due", fn->name,
			              fn->header, scenario, c->ri);
		break;
	case AR_UINT:
	case AR_ENUM:
		ck_assert_msg(c->ri == 0, "%s (%s): %s: returned %lld, 0 was due", fn->name,
		              fn->header, scenario, c->ri);
		break;
	case AR_SIZE:
		ck_assert_msg(c->rz == 0, "%s (%s): %s: returned %zu, 0 was due", fn->name,
		              fn->header, scenario, c->rz);
		break;
	case AR_DBL:
		ck_assert_msg(c->rd == 0, "%s (%s): %s: returned %g, 0 was due", fn->name,
		              fn->header, scenario, c->rd);
		break;
	case AR_PTR:
		ck_assert_msg(c->rp == NULL, "%s (%s): %s: returned a pointer, NULL was due",
		              fn->name, fn->header, scenario);
		break;
	case AR_VOID:
		break;
	}
}

static int has_kind(const struct abuse_fn *fn, enum abuse_kind kind)
{
	for (int k = 0; k < fn->nparams; k++)
		if (fn->kind[k] == kind)
			return 1;
	return 0;
}

/* --- the three scenarios ------------------------------------------------- */

#define SCRATCH_WORDS 64
/* A path in a folder that does not exist: file functions fail, nothing is written. */
static const char bad_path[] = "/nonexistent-ddbgt-abuse/x";

struct setup {
	struct abuse_call c;
	void *made[ABUSE_MAX_PARAMS];
	void *out[ABUSE_MAX_PARAMS];
	long double scratch[ABUSE_MAX_PARAMS][SCRATCH_WORDS];
};

static void make_handles(const struct abuse_fn *fn, struct setup *s)
{
	for (int k = 0; k < fn->nparams; k++)
		if (fn->kind[k] == AK_HANDLE) {
			const struct factory *f = factory(fn, fn->type[k]);
			ck_assert_msg(f->make != NULL, "%s: cannot make a %s", fn->name, fn->type[k]);
			s->made[k] = s->c.p[k] = f->make();
		}
}

/*
 * Release what the call left: results through **out, then the objects
 * made for it, in reverse order so that an object owned by another (a
 * replica added to the table) goes first, while its owner still lives.
 */
static void release(const struct abuse_fn *fn, struct setup *s, int status_ok)
{
	for (int k = 0; k < fn->nparams; k++)
		if (fn->kind[k] == AK_OUT2 && s->out[k]) {
			ck_assert_msg(status_ok, "%s: failed but left *out set", fn->name);
			factory(fn, fn->type[k])->release(s->out[k]);
		}
	int freed = frees_argument(fn);
	for (int k = fn->nparams - 1; k >= 0; k--)
		if (s->made[k] && !(freed && k == 0))
			factory(fn, fn->type[k])->release(s->made[k]);
}

static int call_ok(const struct abuse_fn *fn, const struct abuse_call *c)
{
	return fn->ret != AR_INT || !returns_status(fn) || c->ri >= 0;
}

START_TEST(every_pointer_null)
{
	const struct abuse_fn *fn = &abuse_fns[_i];
	int pointers = 0;
	struct abuse_call c;
	memset(&c, 0, sizeof c);
	for (int k = 0; k < fn->nparams; k++) {
		switch (fn->kind[k]) {
		case AK_ENUM: c.i[k] = 1; break;
		case AK_I64: c.i[k] = 1; break;
		case AK_DBL: c.d[k] = 1; break;
		case AK_INDEX:
		case AK_SIZE:
		case AK_INT:
		case AK_UINT: break;
		default: pointers++; break;
		}
	}
	if (!pointers)
		return;
	fn->call(&c);
	assert_refused(fn, &c, "every pointer NULL");
}
END_TEST

START_TEST(live_objects_null_pointers)
{
	const struct abuse_fn *fn = &abuse_fns[_i];
	if (!has_kind(fn, AK_HANDLE))
		return;
	struct setup s;
	memset(&s, 0, sizeof s);
	make_handles(fn, &s);
	for (int k = 0; k < fn->nparams; k++) {
		switch (fn->kind[k]) {
		case AK_ENUM: s.c.i[k] = 1; break;
		case AK_I64: s.c.i[k] = 1; break;
		case AK_DBL: s.c.d[k] = 1; break;
		case AK_INDEX: s.c.z[k] = SIZE_MAX; break;
		default: break;
		}
	}
	fn->call(&s.c);
	/* A NULL **out is always refused, whatever else the call takes. */
	if (has_kind(fn, AK_OUT2) || has_kind(fn, AK_INDEX))
		assert_refused(fn, &s.c, "live objects, NULL pointers, index past the end");
	release(fn, &s, call_ok(fn, &s.c));
}
END_TEST

START_TEST(out_of_range_values)
{
	const struct abuse_fn *fn = &abuse_fns[_i];
	struct setup s;
	memset(&s, 0, sizeof s);
	make_handles(fn, &s);
	size_t len = strlen(bad_path);
	for (int k = 0; k < fn->nparams; k++) {
		switch (fn->kind[k]) {
		case AK_OUT2:
			/* Garbage in *out must come back NULL on failure. */
			s.out[k] = (void *)&s.scratch[k];
			s.c.p[k] = &s.out[k];
			break;
		case AK_OUTV: s.c.p[k] = s.scratch[k]; break;
		case AK_STR: s.c.p[k] = (void *)bad_path; break;
		case AK_INDEX: s.c.z[k] = SIZE_MAX; break;
		case AK_SIZE: s.c.z[k] = len; break;
		case AK_ENUM: s.c.i[k] = 1000; break;
		case AK_INT: s.c.i[k] = INT_MIN; break;
		case AK_UINT: s.c.i[k] = UINT_MAX; break;
		case AK_I64: s.c.i[k] = INT64_MIN; break;
		case AK_DBL: s.c.d[k] = NAN; break;
		default: break;
		}
	}
	fn->call(&s.c);
	int ok = call_ok(fn, &s.c);
	for (int k = 0; k < fn->nparams; k++)
		if (fn->kind[k] == AK_OUT2) {
			if (!ok)
				ck_assert_msg(s.out[k] == NULL, "%s (%s): failed but left *out set",
				              fn->name, fn->header);
			else if (s.out[k] == (void *)&s.scratch[k])
				ck_abort_msg("%s (%s): succeeded without setting *out", fn->name,
				             fn->header);
		}
	if (has_kind(fn, AK_ENUM) || has_kind(fn, AK_INDEX))
		assert_refused(fn, &s.c, "enumeration value outside its enum or index past the end");
	release(fn, &s, ok);
}
END_TEST

/*
 * Functions that may succeed with a string that is not UTF-8, each for the
 * reason its header gives; the objects must still serialise as valid UTF-8.
 */
static const char *const utf8_tolerant[] = {
	/* Findings store the text with every bad byte replaced by '?' (diag.h). */
	"ddbgt_diags_add",
	/* A lookup that stores nothing: a destination without a pair price has the
	 * source's transfer_out price, whatever its name (cost.h). */
	"ddbgt_prices_get_transfer",
	NULL,
};

static int is_utf8_tolerant(const struct abuse_fn *fn)
{
	for (size_t i = 0; utf8_tolerant[i]; i++)
		if (strcmp(fn->name, utf8_tolerant[i]) == 0)
			return 1;
	return 0;
}

/* What a live object says about itself, to see that a refused call changed nothing. */
static char *describe(const char *type, const void *obj)
{
	char *text = NULL;
	if (strcmp(type, "ddbgt_table") == 0)
		ck_assert_int_eq(ddbgt_spec_dump_string(&text, obj, 0), DDBGT_OK);
	else if (strcmp(type, "ddbgt_diags") == 0)
		ck_assert_int_eq(ddbgt_diags_to_json(&text, obj), DDBGT_OK);
	return text;
}

/* Overlong '/', a stray continuation byte, a surrogate: no string may hold them. */
static const char not_utf8[] = "r\xc0\xaf\x80-\xed\xa0\x80";
static const char not_utf8_path[] = "/nonexistent-ddbgt-abuse/\xff";

/* _i: the function; each of its string parameters is tried in turn. */
START_TEST(invalid_utf8_strings)
{
	const struct abuse_fn *fn = &abuse_fns[_i];
	for (int bad = 0; bad < fn->nparams; bad++) {
		if (fn->kind[bad] != AK_STR)
			continue;
		/* A path names a file, not text: its bytes go to the system as given, and
		 * a folder that does not exist keeps the call from writing anything. */
		int is_path = strcmp(fn->pname[bad], "path") == 0;
		const char *value = is_path ? not_utf8_path : not_utf8;
		struct setup s;
		memset(&s, 0, sizeof s);
		make_handles(fn, &s);
		char *before[ABUSE_MAX_PARAMS] = {NULL};
		for (int k = 0; k < fn->nparams; k++) {
			switch (fn->kind[k]) {
			case AK_OUT2:
				s.out[k] = (void *)&s.scratch[k];
				s.c.p[k] = &s.out[k];
				break;
			case AK_OUTV: s.c.p[k] = s.scratch[k]; break;
			/* A region code: a valid string for every other string parameter. */
			case AK_STR: s.c.p[k] = (void *)(k == bad ? value : "eu-west-1"); break;
			case AK_SIZE: s.c.z[k] = strlen(value); break;
			case AK_ENUM: s.c.i[k] = 1; break;
			case AK_INT:
			case AK_UINT:
			case AK_I64: s.c.i[k] = 1; break;
			case AK_DBL: s.c.d[k] = 50; break;
			case AK_HANDLE: before[k] = describe(fn->type[k], s.made[k]); break;
			default: break;
			}
		}
		fn->call(&s.c);
		int ok = call_ok(fn, &s.c);
		if (!is_utf8_tolerant(fn)) {
			char scenario[64];
			snprintf(scenario, sizeof scenario, "parameter %s not UTF-8", fn->pname[bad]);
			assert_refused(fn, &s.c, scenario);
		}
		for (int k = 0; k < fn->nparams; k++) {
			if (fn->kind[k] == AK_OUT2 && !ok)
				ck_assert_msg(s.out[k] == NULL, "%s (%s): failed but left *out set",
				              fn->name, fn->header);
			if (fn->kind[k] != AK_HANDLE || !before[k])
				continue;
			char *after = describe(fn->type[k], s.made[k]);
			ck_assert_msg(ddbgt__utf8_valid(after), "%s: the %s is no longer UTF-8",
			              fn->name, fn->type[k]);
			/* A findings list is an output: a refusal reports into it. */
			if (!ok && strcmp(fn->type[k], "ddbgt_table") == 0)
				ck_assert_msg(strcmp(before[k], after) == 0, "%s: refused, but changed the %s",
				              fn->name, fn->type[k]);
			ddbgt_free(after);
			ddbgt_free(before[k]);
		}
		/* The query's message quotes what it was given: it must stay printable as UTF-8. */
		for (int k = 0; k < fn->nparams; k++)
			if (fn->kind[k] == AK_HANDLE && strcmp(fn->type[k], "ddbgt_region_query") == 0)
				ck_assert_msg(ddbgt__utf8_valid(ddbgt_region_query_message(s.made[k])),
				              "%s: the query's message is not UTF-8", fn->name);
		release(fn, &s, ok);
	}
}
END_TEST

/* The generator read every declaration, and the list matches the export map. */
START_TEST(every_public_function_is_covered)
{
	ck_assert_uint_eq(abuse_fn_count, abuse_declared_count);
	ck_assert_uint_gt(abuse_fn_count, 200);
	for (size_t i = 0; i < abuse_fn_count; i++)
		for (int k = 0; k < abuse_fns[i].nparams; k++)
			if (abuse_fns[i].kind[k] == AK_HANDLE || abuse_fns[i].kind[k] == AK_OUT2)
				factory(&abuse_fns[i], abuse_fns[i].type[k]);
}
END_TEST

Suite *ddbgt_test_abuse(void)
{
	Suite *s = suite_create("abuse");
	TCase *tc = tcase_create("abuse");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_public_function_is_covered);
	tcase_add_loop_test(tc, every_pointer_null, 0, (int)abuse_fn_count);
	tcase_add_loop_test(tc, live_objects_null_pointers, 0, (int)abuse_fn_count);
	tcase_add_loop_test(tc, out_of_range_values, 0, (int)abuse_fn_count);
	tcase_add_loop_test(tc, invalid_utf8_strings, 0, (int)abuse_fn_count);
	suite_add_tcase(s, tc);
	return s;
}
