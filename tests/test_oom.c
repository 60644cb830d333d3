/*
 * The allocation-failure sweep: every public operation on a realistic table
 * runs again and again with its 1st, 2nd, ... Nth allocation failing (and,
 * in a second pass, every allocation from the Nth on), until it runs
 * without meeting a failure. Each failed run must return DDBGT_ENOMEM, set
 * its out pointer to NULL, leave the table it worked on exactly as it was
 * (same canonical dump) and usable, and leak nothing: the allocator counts
 * live blocks, and LeakSanitizer and valgrind watch as well. The allocator
 * and the sweep are tests/testutil.h's.
 *
 * The allocator goes in through ddbgt_set_alloc_funcs, and into jansson
 * through json_set_alloc_funcs: the test plays the host program, which owns
 * jansson's allocator (the library leaves it alone), so that the jansson
 * values of ddbgt_spec_dump_json are swept too.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"

static void install(void)
{
	ddbgt_test_alloc_install();
	ddbgt_malloc_fn m;
	ddbgt_free_fn f;
	ddbgt_get_alloc_funcs(&m, NULL, &f);
	json_set_alloc_funcs(m, f);
}

static void uninstall(void)
{
	ddbgt_test_alloc_uninstall();
	json_set_alloc_funcs(malloc, free);
}

/* --- the fixture: a realistic table and what the operations need ---------- */

struct fixture {
	ddbgt_table *table; /* loaded from tests/data/spec/full.json */
	ddbgt_diags *diags; /* the findings of a malformed document */
	char *full;         /* the text of full.json (libc memory) */
	size_t full_len;
	json_t *full_json;
};

static const char malformed[] =
	"{\"format\":\"ddbgt/2\",\"table\":{\"name\":7,\"partition_key\":{\"name\":\"pk\"},"
	"\"bogus\":true,\"billing_mode\":\"FREE\"},\"replicas\":[{\"region\":\"us-east-1\","
	"\"role\":\"boss\",\"x\":1},{}],\"usage\":{\"storage_gb\":\"lots\"}}";

static void fixture_setup(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->full = ddbgt_test_read_file(ddbgt_test_path("data/spec/full.json"), &f->full_len);
	ck_assert_int_eq(ddbgt_spec_load_string(&f->table, f->full, f->full_len, 0, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_new(&f->diags), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&(ddbgt_table *){NULL}, malformed,
	                                        sizeof malformed - 1, 0, f->diags),
	                 DDBGT_ESPEC);
	ck_assert_uint_gt(ddbgt_diags_count(f->diags), 4);
	f->full_json = json_loadb(f->full, f->full_len, 0, NULL);
	ck_assert_ptr_nonnull(f->full_json);
}

static void fixture_teardown(struct fixture *f)
{
	ddbgt_table_free(f->table);
	ddbgt_diags_free(f->diags);
	json_decref(f->full_json);
	free(f->full);
}

static char *dump(const ddbgt_table *t)
{
	char *s = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&s, t, 0), DDBGT_OK);
	return s;
}

/* --- the operations: each returns its status and frees what it made ------- */

/* Building a table like full.json through the API, start to finish. */
static int build_table(ddbgt_table *t)
{
	int rc = ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED);
	if (!rc) rc = ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S);
	if (!rc) rc = ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_S);
	if (!rc) rc = ddbgt_table_add_attribute(t, "gsi1pk", DDBGT_ATTR_S);
	if (!rc) rc = ddbgt_table_add_attribute(t, "lsi1sk", DDBGT_ATTR_N);
	if (!rc) rc = ddbgt_table_set_capacity(t, DDBGT_READ, 100);
	if (!rc) rc = ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 5, 500, 70);
	if (!rc) rc = ddbgt_table_set_stream(t, 1, DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES);
	if (!rc) rc = ddbgt_table_set_encryption(t, DDBGT_ENCRYPTION_CUSTOMER_MANAGED);
	if (!rc) rc = ddbgt_table_set_ttl_attribute(t, "expires_at");
	if (!rc) rc = ddbgt_table_set_pitr(t, 1);
	if (!rc) rc = ddbgt_table_set_pitr_period(t, 35);
	if (!rc) rc = ddbgt_table_set_tag(t, "owner", "platform ${team}");
	if (!rc) rc = ddbgt_table_set_tag(t, "cost-center", "1234");
	ddbgt_gsi *g = NULL;
	if (!rc) rc = ddbgt_gsi_new(&g, "by-status");
	if (!rc) rc = ddbgt_gsi_set_partition_key(g, "gsi1pk");
	if (!rc) rc = ddbgt_gsi_set_projection(g, DDBGT_PROJECTION_INCLUDE);
	if (!rc) rc = ddbgt_gsi_add_non_key_attribute(g, "total");
	if (!rc) rc = ddbgt_gsi_set_capacity(g, DDBGT_WRITE, 10);
	if (!rc && !(rc = ddbgt_table_add_gsi(t, g)))
		g = NULL;
	ddbgt_gsi_free(g);
	ddbgt_lsi *l = NULL;
	if (!rc) rc = ddbgt_lsi_new(&l, "by-date");
	if (!rc) rc = ddbgt_lsi_set_sort_key(l, "lsi1sk");
	if (!rc) rc = ddbgt_lsi_add_non_key_attribute(l, "note");
	if (!rc && !(rc = ddbgt_table_add_lsi(t, l)))
		l = NULL;
	ddbgt_lsi_free(l);
	static const char *const regions[] = {"us-east-1", "eu-west-1", "ap-southeast-2"};
	for (size_t i = 0; i < 3 && !rc; i++) {
		ddbgt_replica *r = NULL;
		rc = ddbgt_replica_new(&r, regions[i]);
		if (!rc) rc = ddbgt_replica_set_kms_key(r, "alias/orders");
		if (!rc) rc = ddbgt_replica_set_read_autoscaling(r, 10, 1000, 70);
		if (!rc) rc = ddbgt_replica_set_gsi_read_capacity(r, "by-status", 20);
		if (!rc) rc = ddbgt_replica_set_tag(r, "tier", "hot");
		if (!rc && !(rc = ddbgt_table_add_replica(t, r)))
			r = NULL;
		ddbgt_replica_free(r);
	}
	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	if (!rc) rc = ddbgt_policy_add_allowed_region(p, "us-east-1");
	if (!rc) rc = ddbgt_policy_add_jurisdiction(p, "EU");
	if (!rc) rc = ddbgt_policy_set_severity(p, "DDBGT_W_REGION_OPT_IN", DDBGT_SEVERITY_ERROR);
	if (!rc) rc = ddbgt_policy_set_quota(p, "gsi_max", 25);
	ddbgt_usage *u = ddbgt_table_usage_mut(t);
	if (!rc) rc = ddbgt_usage_set_rate(u, DDBGT_WRITE, "us-east-1", 100);
	if (!rc) rc = ddbgt_usage_set_rate(u, DDBGT_READ, "eu-west-1", 10);
	if (!rc) rc = ddbgt_usage_set_storage_gb(u, 120.5);
	return rc;
}

static int op_build(struct fixture *f)
{
	(void)f;
	ddbgt_table *t = NULL;
	int rc = ddbgt_table_new(&t, "orders");
	if (rc) {
		ck_assert_ptr_null(t);
		return rc;
	}
	rc = build_table(t);
	if (!rc) {
		char *s = NULL;
		rc = ddbgt_spec_dump_string(&s, t, 0);
		ddbgt_free(s);
	}
	ddbgt_table_free(t);
	return rc;
}

static int op_load(struct fixture *f, ddbgt_diags *diags)
{
	ddbgt_table *t = NULL;
	int rc = ddbgt_spec_load_string(&t, f->full, f->full_len, 0, diags);
	if (rc)
		ck_assert_ptr_null(t);
	ddbgt_table_free(t);
	return rc;
}

static int op_load_with_diags(struct fixture *f)
{
	ddbgt_diags *d = NULL;
	int rc = ddbgt_diags_new(&d);
	if (!rc)
		rc = op_load(f, d);
	ddbgt_diags_free(d);
	return rc;
}

static int op_load_without_diags(struct fixture *f)
{
	return op_load(f, NULL);
}

/* A document with errors: the status that ends the sweep is DDBGT_ESPEC. */
static int op_load_malformed(struct fixture *f)
{
	(void)f;
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	int rc = ddbgt_diags_new(&d);
	if (!rc)
		rc = ddbgt_spec_load_string(&t, malformed, sizeof malformed - 1, 0, d);
	ck_assert_ptr_null(t);
	ddbgt_diags_free(d);
	return rc;
}

static int op_load_json(struct fixture *f)
{
	ddbgt_table *t = NULL;
	int rc = ddbgt_spec_load_json(&t, f->full_json, 0, NULL);
	if (rc)
		ck_assert_ptr_null(t);
	ddbgt_table_free(t);
	return rc;
}

static int op_dump_string(struct fixture *f)
{
	char *s = (char *)"poison";
	int rc = ddbgt_spec_dump_string(&s, f->table, 0);
	if (rc)
		ck_assert_ptr_null(s);
	else
		ck_assert_str_eq(s, f->full);
	ddbgt_free(s);
	return rc;
}

static int op_dump_json(struct fixture *f)
{
	json_t *j = NULL;
	int rc = ddbgt_spec_dump_json(&j, f->table, 0);
	if (rc)
		ck_assert_ptr_null(j);
	json_decref(j);
	return rc;
}

static int op_copy(struct fixture *f)
{
	ddbgt_table *t = NULL;
	int rc = ddbgt_table_copy(&t, f->table);
	if (rc)
		ck_assert_ptr_null(t);
	ddbgt_table_free(t);
	return rc;
}

static int op_copy_parts(struct fixture *f)
{
	ddbgt_replica *r = NULL;
	ddbgt_gsi *g = NULL;
	ddbgt_lsi *l = NULL;
	ddbgt_policy *p = NULL;
	ddbgt_usage *u = NULL;
	int rc = ddbgt_replica_copy(&r, ddbgt_table_replica_at(f->table, 0));
	if (!rc) rc = ddbgt_gsi_copy(&g, ddbgt_table_gsi_at(f->table, 0));
	if (!rc) rc = ddbgt_lsi_copy(&l, ddbgt_table_lsi_at(f->table, 0));
	if (!rc) rc = ddbgt_policy_copy(&p, ddbgt_table_policy(f->table));
	if (!rc) rc = ddbgt_usage_copy(&u, ddbgt_table_usage(f->table));
	ddbgt_replica_free(r);
	ddbgt_gsi_free(g);
	ddbgt_lsi_free(l);
	ddbgt_policy_free(p);
	ddbgt_usage_free(u);
	return rc;
}

static int op_diags_output(struct fixture *f)
{
	char *json = NULL, *text = NULL;
	int rc = ddbgt_diags_to_json(&json, f->diags);
	if (rc)
		ck_assert_ptr_null(json);
	if (!rc) {
		rc = ddbgt_diags_to_text(&text, f->diags);
		if (rc)
			ck_assert_ptr_null(text);
	}
	ddbgt_free(json);
	ddbgt_free(text);
	return rc;
}

static int op_diags_append(struct fixture *f)
{
	size_t before = ddbgt_diags_count(f->diags);
	int rc = ddbgt_diags_append(f->diags, f->diags);
	ck_assert_uint_eq(ddbgt_diags_count(f->diags), rc ? before : 2 * before);
	return rc;
}

/* Findings placed in the spec's text, then as SARIF. */
static int op_locate_sarif(struct fixture *f)
{
	ddbgt_spec_positions *p = NULL;
	ddbgt_diags *d = NULL;
	char *sarif = NULL;
	int rc = ddbgt_spec_positions_new(&p, f->full, f->full_len, 0);
	if (rc)
		ck_assert_ptr_null(p);
	if (!rc)
		rc = ddbgt_diags_new(&d);
	if (!rc)
		rc = ddbgt_table_validate(f->table, NULL, d);
	if (!rc)
		rc = ddbgt_diags_locate(d, "full.json", p);
	if (!rc) {
		for (size_t i = 0; i < ddbgt_diags_count(d); i++)
			ck_assert_int_gt(ddbgt_diags_line(d, i), 0);
		rc = ddbgt_diags_to_sarif(&sarif, d);
		if (rc)
			ck_assert_ptr_null(sarif);
	}
	ddbgt_free(sarif);
	ddbgt_diags_free(d);
	ddbgt_spec_positions_free(p);
	return rc;
}

/* Changes to the loaded table: a failure must leave it as it was. */
static int op_add_replica(struct fixture *f)
{
	ddbgt_replica *r = NULL;
	int rc = ddbgt_replica_new(&r, "ap-northeast-1");
	if (!rc) rc = ddbgt_replica_set_tag(r, "tier", "cold");
	if (!rc) rc = ddbgt_replica_set_gsi_read_capacity(r, "by-status", 5);
	if (!rc && !(rc = ddbgt_table_add_replica(f->table, r)))
		r = NULL;
	ddbgt_replica_free(r);
	return rc;
}

static int op_add_gsi(struct fixture *f)
{
	ddbgt_gsi *g = NULL;
	int rc = ddbgt_gsi_new(&g, "by-customer");
	if (!rc) rc = ddbgt_gsi_set_partition_key(g, "gsi1pk");
	if (!rc) rc = ddbgt_gsi_add_non_key_attribute(g, "email");
	if (!rc && !(rc = ddbgt_table_add_gsi(f->table, g)))
		g = NULL;
	ddbgt_gsi_free(g);
	return rc;
}

/* One change each: a failure must leave the table as it was. */
#define CHANGE(name, call)                          \
	static int op_##name(struct fixture *f)     \
	{                                           \
		ddbgt_table *t = f->table;          \
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 1); \
		ddbgt_gsi *g = ddbgt_table_gsi_at_mut(t, 0);          \
		ddbgt_lsi *l = ddbgt_table_lsi_at_mut(t, 0);          \
		ddbgt_policy *p = ddbgt_table_policy_mut(t);          \
		ddbgt_usage *u = ddbgt_table_usage_mut(t);            \
		(void)t, (void)r, (void)g, (void)l, (void)p, (void)u; \
		return call;                        \
	}
CHANGE(table_new_tag, ddbgt_table_set_tag(t, "new-key", "v"))
CHANGE(table_replace_tag, ddbgt_table_set_tag(t, "owner", "someone else"))
CHANGE(table_name, ddbgt_table_set_name(t, "renamed"))
CHANGE(table_partition_key, ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_N))
CHANGE(table_sort_key, ddbgt_table_set_sort_key(t, "other", DDBGT_ATTR_N))
CHANGE(table_attribute, ddbgt_table_add_attribute(t, "extra", DDBGT_ATTR_B))
CHANGE(table_witness, ddbgt_table_set_witness_region(t, "us-west-2"))
CHANGE(table_ttl, ddbgt_table_set_ttl_attribute(t, "ttl"))
CHANGE(replica_tag, ddbgt_replica_set_tag(r, "new", "v"))
CHANGE(replica_kms, ddbgt_replica_set_kms_key(r, "alias/other"))
CHANGE(replica_region, ddbgt_replica_set_region(r, "eu-central-1"))
CHANGE(replica_gsi_units, ddbgt_replica_set_gsi_read_capacity(r, "new-index", 5))
CHANGE(replica_gsi_autoscaling, ddbgt_replica_set_gsi_read_autoscaling(r, "by-status", 1, 9, 50))
CHANGE(gsi_non_key, ddbgt_gsi_add_non_key_attribute(g, "more"))
CHANGE(gsi_sort_key, ddbgt_gsi_set_sort_key(g, "gsi1pk"))
CHANGE(gsi_name, ddbgt_gsi_set_name(g, "by-status-2"))
CHANGE(gsi_key_list, ddbgt_gsi_add_partition_key_attribute(g, "tenant", DDBGT_ATTR_S))
CHANGE(gsi_key_typed, ddbgt_gsi_set_sort_key_typed(g, "opened", DDBGT_ATTR_N))
CHANGE(lsi_key_typed, ddbgt_lsi_set_sort_key_typed(l, "rank", DDBGT_ATTR_N))
CHANGE(replica_kinesis, ddbgt_replica_set_kinesis_stream(r, "arn:aws:kinesis:eu-west-1:"
                                                            "111122223333:stream/s",
                                                         DDBGT_KINESIS_PRECISION_UNSET))
CHANGE(replica_policy, ddbgt_replica_set_resource_policy(r, "{\"Version\": \"2012-10-17\"}"))
CHANGE(replica_account, ddbgt_replica_set_account_id(r, "444455556666"))
CHANGE(lsi_non_key, ddbgt_lsi_add_non_key_attribute(l, "more"))
CHANGE(lsi_name, ddbgt_lsi_set_name(l, "by-date-2"))
CHANGE(policy_region, ddbgt_policy_add_allowed_region(p, "ap-south-1"))
CHANGE(policy_jurisdiction, ddbgt_policy_add_jurisdiction(p, "AP"))
CHANGE(policy_severity, ddbgt_policy_set_severity(p, "DDBGT_E_NOT_GLOBAL", DDBGT_SEVERITY_INFO))
CHANGE(policy_quota, ddbgt_policy_set_quota(p, "account_capacity_max", 90000))
CHANGE(usage_rate, ddbgt_usage_set_rate(u, DDBGT_READ, "ap-south-1", 3))

/* Replacing the policy or usage with a copy of another's. */
static int op_replace_policy_usage(struct fixture *f, int usage)
{
	ddbgt_table *other = NULL;
	int rc = ddbgt_table_new(&other, "other");
	if (!rc) rc = ddbgt_policy_add_allowed_region(ddbgt_table_policy_mut(other), "us-east-1");
	if (!rc) rc = ddbgt_policy_set_quota(ddbgt_table_policy_mut(other), "gsi_max", 30);
	if (!rc) rc = ddbgt_usage_set_rate(ddbgt_table_usage_mut(other), DDBGT_WRITE, "x-1", 1);
	if (!rc)
		rc = usage ? ddbgt_table_set_usage(f->table, ddbgt_table_usage(other))
		           : ddbgt_table_set_policy(f->table, ddbgt_table_policy(other));
	ddbgt_table_free(other);
	return rc;
}

static int op_replace_policy(struct fixture *f)
{
	return op_replace_policy_usage(f, 0);
}

static int op_replace_usage(struct fixture *f)
{
	return op_replace_policy_usage(f, 1);
}

static int op_validate(struct fixture *f)
{
	ddbgt_diags *d = NULL;
	int rc = ddbgt_diags_new(&d);
	if (!rc)
		rc = ddbgt_table_validate(f->table, NULL, d);
	ddbgt_diags_free(d);
	return rc;
}

/*
 * A copy of the table widened to 12 more replicas and 20 more GSIs: the
 * validator's lists outgrow its scratch block on the stack, so that its heap
 * blocks are swept too.
 */
static int op_validate_wide(struct fixture *f)
{
	static const char *const regions[] = {
		"us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-central-1", "eu-west-2",
		"eu-west-3", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1",
		"sa-east-1",
	};
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	char name[32];
	int rc = ddbgt_table_copy(&t, f->table);

	for (size_t i = 0; i < sizeof regions / sizeof regions[0] && !rc; i++) {
		ddbgt_replica *r = NULL;
		rc = ddbgt_replica_new(&r, regions[i]);
		if (!rc && !(rc = ddbgt_table_add_replica(t, r)))
			r = NULL;
		ddbgt_replica_free(r);
	}
	for (int i = 0; i < 20 && !rc; i++) {
		ddbgt_gsi *g = NULL;
		snprintf(name, sizeof name, "wide-%02d", i);
		rc = ddbgt_gsi_new(&g, name);
		snprintf(name, sizeof name, "wide%02d_pk", i);
		if (!rc) rc = ddbgt_gsi_set_partition_key(g, name);
		if (!rc) rc = ddbgt_table_add_attribute(t, name, DDBGT_ATTR_S);
		if (!rc) rc = ddbgt_gsi_add_non_key_attribute(g, "total");
		if (!rc && !(rc = ddbgt_table_add_gsi(t, g)))
			g = NULL;
		ddbgt_gsi_free(g);
	}
	if (!rc) rc = ddbgt_diags_new(&d);
	if (!rc) rc = ddbgt_table_validate(t, NULL, d);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
	return rc;
}

static int op_emit(struct fixture *f)
{
	ddbgt_diags *d = NULL;
	char *tf = NULL;
	int rc = ddbgt_diags_new(&d);
	if (!rc) {
		rc = ddbgt_emit_string(&tf, f->table, NULL, d);
		if (rc)
			ck_assert_ptr_null(tf);
	}
	ddbgt_free(tf);
	ddbgt_diags_free(d);
	return rc;
}

static int op_cost(struct fixture *f)
{
	ddbgt_diags *d = NULL;
	ddbgt_cost_report *r = NULL;
	char *json = NULL, *text = NULL;
	int rc = ddbgt_diags_new(&d);
	if (!rc) {
		rc = ddbgt_cost_estimate(&r, f->table, NULL, d);
		if (rc)
			ck_assert_ptr_null(r);
	}
	if (!rc) rc = ddbgt_cost_report_to_json(&json, r);
	if (!rc) rc = ddbgt_cost_report_to_text(&text, r);
	ddbgt_free(json);
	ddbgt_free(text);
	ddbgt_cost_report_free(r);
	ddbgt_diags_free(d);
	return rc;
}

/* The diff of the table with a copy that changes a setting of every plan step kind. */
static int op_diff(struct fixture *f)
{
	ddbgt_table *n = NULL;
	ddbgt_diags *d = NULL;
	ddbgt_changes *c = NULL;
	char *json = NULL, *text = NULL;
	int rc = ddbgt_table_copy(&n, f->table);
	if (!rc) rc = ddbgt_diags_new(&d);
	if (!rc) rc = ddbgt_table_set_name(n, "orders.v3");
	if (!rc) rc = ddbgt_table_remove_gsi(n, "by-status");
	if (!rc) rc = ddbgt_table_set_tag(n, "owner", "payments");
	if (!rc) rc = ddbgt_table_set_capacity(n, DDBGT_READ, 50);
	if (!rc) rc = ddbgt_table_remove_replica(n, "eu-west-1");
	if (!rc) {
		rc = ddbgt_diff(&c, f->table, n, NULL, d);
		if (rc)
			ck_assert_ptr_null(c);
	}
	if (!rc) rc = ddbgt_changes_to_json(&json, c);
	if (!rc) rc = ddbgt_changes_to_text(&text, c);
	ddbgt_free(json);
	ddbgt_free(text);
	ddbgt_changes_free(c);
	ddbgt_diags_free(d);
	ddbgt_table_free(n);
	return rc;
}

static int op_prices(struct fixture *f)
{
	(void)f;
	static const char file[] =
		"{\"format\":\"ddbgt-prices/1\",\"currency\":\"USD\",\"effective_date\":"
		"\"2026-01-01\",\"regions\":{\"us-east-1\":{\"standard\":{\"rwru\":0.5}}}}";
	ddbgt_prices *p = NULL, *base = NULL, *copy = NULL;
	ddbgt_diags *d = NULL;
	int rc = ddbgt_diags_new(&d);
	if (!rc) rc = ddbgt_prices_load_string(&p, file, sizeof file - 1, d);
	if (!rc) rc = ddbgt_prices_default(&base);
	if (!rc) rc = ddbgt_prices_copy(&copy, base);
	if (!rc) rc = ddbgt_prices_merge(copy, p);
	ddbgt_prices_free(p);
	ddbgt_prices_free(base);
	ddbgt_prices_free(copy);
	ddbgt_diags_free(d);
	return rc;
}

struct op {
	const char *name;
	int (*run)(struct fixture *f);
	int final; /* the status of a run that met no failure */
};

static const struct op ops[] = {
	{"build", op_build, DDBGT_OK},
	{"load_with_diags", op_load_with_diags, DDBGT_OK},
	{"load_without_diags", op_load_without_diags, DDBGT_OK},
	{"load_malformed", op_load_malformed, DDBGT_ESPEC},
	{"load_json", op_load_json, DDBGT_OK},
	{"dump_string", op_dump_string, DDBGT_OK},
	{"dump_json", op_dump_json, DDBGT_OK},
	{"copy", op_copy, DDBGT_OK},
	{"copy_parts", op_copy_parts, DDBGT_OK},
	{"diags_output", op_diags_output, DDBGT_OK},
	{"diags_append", op_diags_append, DDBGT_OK},
	{"locate_sarif", op_locate_sarif, DDBGT_OK},
	/* full.json passes the validator (warnings only): the verdict is DDBGT_OK. */
	{"validate", op_validate, DDBGT_OK},
	{"emit", op_emit, DDBGT_OK},
	{"cost", op_cost, DDBGT_OK},
	{"diff", op_diff, DDBGT_OK},
	{"prices", op_prices, DDBGT_OK},
	{"add_replica", op_add_replica, DDBGT_OK},
	{"add_gsi", op_add_gsi, DDBGT_OK},
#define CHANGE_OP(name) {#name, op_##name, DDBGT_OK},
	CHANGE_OP(table_new_tag) CHANGE_OP(table_replace_tag) CHANGE_OP(table_name)
	CHANGE_OP(table_partition_key) CHANGE_OP(table_sort_key) CHANGE_OP(table_attribute)
	CHANGE_OP(table_witness) CHANGE_OP(table_ttl) CHANGE_OP(replica_tag) CHANGE_OP(replica_kms)
	CHANGE_OP(replica_region) CHANGE_OP(replica_gsi_units) CHANGE_OP(replica_gsi_autoscaling)
	CHANGE_OP(gsi_non_key) CHANGE_OP(gsi_sort_key) CHANGE_OP(gsi_name) CHANGE_OP(lsi_non_key)
	CHANGE_OP(lsi_name) CHANGE_OP(policy_region) CHANGE_OP(policy_jurisdiction)
	CHANGE_OP(policy_severity) CHANGE_OP(policy_quota) CHANGE_OP(usage_rate)
	CHANGE_OP(replace_policy) CHANGE_OP(replace_usage)
	CHANGE_OP(gsi_key_list) CHANGE_OP(gsi_key_typed) CHANGE_OP(lsi_key_typed)
	CHANGE_OP(replica_kinesis) CHANGE_OP(replica_policy)
	CHANGE_OP(replica_account)
#undef CHANGE_OP
	{"validate_wide", op_validate_wide, DDBGT_EINVALID},
};

static void sweep(const struct op *op, int sticky_mode)
{
	ddbgt_test_sweep s;
	int rc = 0;
	for (ddbgt_test_sweep_start(&s, op->name, sticky_mode); ddbgt_test_sweep_next(&s, rc);) {
		struct fixture f;
		ddbgt_test_alloc_pause(1);
		fixture_setup(&f);
		char *before = dump(f.table);
		ddbgt_test_alloc_pause(0);
		rc = op->run(&f);
		ddbgt_test_alloc_pause(1);
		if (ddbgt_test_sweep_failed(&s)) {
			ck_assert_msg(rc == DDBGT_ENOMEM, "%s: allocation %ld failed%s, status %s",
			              op->name, s.n, sticky_mode ? " (and all after)" : "",
			              ddbgt_status_name(rc));
			char *after = dump(f.table);
			ck_assert_msg(strcmp(before, after) == 0,
			              "%s: allocation %ld failed and the table changed", op->name, s.n);
			ddbgt_free(after);
			/* Still usable: the same operation now succeeds. */
			ck_assert_int_eq(op->run(&f), op->final);
		} else {
			ck_assert_msg(rc == op->final, "%s: %s without a failure", op->name,
			              ddbgt_status_name(rc));
		}
		ddbgt_free(before);
		fixture_teardown(&f);
	}
	ck_assert_msg(ddbgt_test_alloc_live() == s.live, "%s: %ld blocks leaked by a successful run",
	              op->name, ddbgt_test_alloc_live() - s.live);
	ck_assert_msg(s.n > 0, "%s: allocates nothing, so the sweep tests nothing", op->name);
}

START_TEST(fail_one_allocation)
{
	sweep(&ops[_i], 0);
}
END_TEST

START_TEST(fail_every_allocation_from_n)
{
	sweep(&ops[_i], 1);
}
END_TEST

/*
 * Capacity settings live behind a pointer that the first one allocates (a
 * table held in memory stays small when on demand, issue 13): until then
 * the object holds no capacity block, the first setting makes exactly one,
 * later ones none, and when that one fails the object is as it was.
 */
enum { CAP_TABLE_UNITS, CAP_TABLE_AUTO, CAP_GSI_UNITS, CAP_GSI_AUTO, CAP_REPLICA_UNITS,
       CAP_REPLICA_AUTO, CAP_SETTERS };

static int set_capacity(ddbgt_table *t, int which, int64_t n)
{
	ddbgt_gsi *g = ddbgt_table_gsi_at_mut(t, 0);
	ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 0);
	switch (which) {
	case CAP_TABLE_UNITS: return ddbgt_table_set_capacity(t, DDBGT_WRITE, n);
	case CAP_TABLE_AUTO: return ddbgt_table_set_autoscaling(t, DDBGT_READ, n, 100, 70);
	case CAP_GSI_UNITS: return ddbgt_gsi_set_capacity(g, DDBGT_READ, n);
	case CAP_GSI_AUTO: return ddbgt_gsi_set_autoscaling(g, DDBGT_WRITE, n, 100, 70);
	case CAP_REPLICA_UNITS: return ddbgt_replica_set_read_capacity(r, n);
	default: return ddbgt_replica_set_read_autoscaling(r, n, 100, 70);
	}
}

/* Whether any capacity form of the table, its GSI or its replica is set. */
static int any_capacity(const ddbgt_table *t)
{
	const ddbgt_gsi *g = ddbgt_table_gsi_at(t, 0);
	const ddbgt_replica *r = ddbgt_table_replica_at(t, 0);
	int found = 0;
	for (int rw = 0; rw < 2; rw++) {
		found |= ddbgt_table_get_capacity(t, (ddbgt_rw)rw, NULL) == DDBGT_OK;
		found |= ddbgt_table_get_autoscaling(t, (ddbgt_rw)rw, NULL, NULL, NULL) == DDBGT_OK;
		found |= ddbgt_gsi_get_capacity(g, (ddbgt_rw)rw, NULL) == DDBGT_OK;
		found |= ddbgt_gsi_get_autoscaling(g, (ddbgt_rw)rw, NULL, NULL, NULL) == DDBGT_OK;
	}
	found |= ddbgt_replica_get_read_capacity(r, NULL) == DDBGT_OK;
	found |= ddbgt_replica_get_read_autoscaling(r, NULL, NULL, NULL) == DDBGT_OK;
	return found;
}

START_TEST(capacity_allocated_on_first_set)
{
	ddbgt_test_sweep s;
	int rc = 0;
	for (ddbgt_test_sweep_start(&s, "first capacity", 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_test_alloc_pause(1);
		ddbgt_table *t = ddbgt_test_load("data/spec/minimal.json");
		ddbgt_gsi *g = NULL;
		ck_assert_int_eq(ddbgt_gsi_new(&g, "by-status"), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
		char *before = dump(t);
		ck_assert(!any_capacity(t));
		ddbgt_test_alloc_pause(0);
		rc = set_capacity(t, _i, 5);
		ddbgt_test_alloc_pause(1);
		if (ddbgt_test_sweep_failed(&s)) {
			char *after = dump(t);
			ck_assert_str_eq(after, before);
			ck_assert(!any_capacity(t));
			ddbgt_free(after);
		} else {
			ck_assert_int_eq(rc, DDBGT_OK);
			ck_assert(any_capacity(t));
			/* A second setting reuses the block. */
			long live = ddbgt_test_alloc_live();
			ddbgt_test_alloc_pause(0);
			ck_assert_int_eq(set_capacity(t, _i, 7), DDBGT_OK);
			ck_assert_int_eq(ddbgt_test_alloc_live(), live);
			ddbgt_test_alloc_pause(1);
		}
		ddbgt_free(before);
		ddbgt_table_free(t);
		ddbgt_test_alloc_pause(0);
	}
	ck_assert_int_eq(s.rc, DDBGT_OK);
	ck_assert_int_eq(s.n, 1);
}
END_TEST

/* The allocator hook itself. */
START_TEST(allocator_hooks)
{
	ddbgt_malloc_fn m0 = NULL, m = NULL;
	ddbgt_realloc_fn r0 = NULL, r = NULL;
	ddbgt_free_fn f0 = NULL, fr = NULL;
	ddbgt_get_alloc_funcs(&m0, &r0, &f0);
	ck_assert(m0 != malloc && r0 != realloc && f0 != free);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(NULL, r0, f0), DDBGT_EINVAL);
	ddbgt_get_alloc_funcs(&m, &r, &fr);
	ck_assert(m == m0 && r == r0 && fr == f0);
	/* The library allocates through the hook. */
	long base = ddbgt_test_alloc_live();
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_gt(ddbgt_test_alloc_live(), base);
	ddbgt_diags_free(d);
	ck_assert_int_eq(ddbgt_test_alloc_live(), base);
	/* jansson's allocator is the host's: setting the library's leaves it as it was. */
	json_malloc_t jm = NULL;
	json_free_t jf = NULL;
	json_set_alloc_funcs(malloc, free);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(m0, r0, f0), DDBGT_OK);
	json_get_alloc_funcs(&jm, &jf);
	ck_assert(jm == malloc && jf == free);
	json_t *j = json_object();
	ck_assert_int_eq(ddbgt_test_alloc_live(), base);
	json_decref(j);
}
END_TEST

Suite *ddbgt_test_oom(void)
{
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("sweep");
	tcase_add_checked_fixture(tc, install, uninstall);
	/* Each sweep runs an operation hundreds of times (slower under ASan). */
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, allocator_hooks);
	int n = (int)(sizeof ops / sizeof ops[0]);
	tcase_add_loop_test(tc, fail_one_allocation, 0, n);
	tcase_add_loop_test(tc, fail_every_allocation_from_n, 0, n);
	tcase_add_loop_test(tc, capacity_allocated_on_first_set, 0, CAP_SETTERS);
	suite_add_tcase(s, tc);
	return s;
}
