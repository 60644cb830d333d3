/*
 * Options structs across versions, in the style of libgit2's structinit
 * test: a caller compiled against version 1 of each struct (the copies of
 * the version-1 layouts below) still works against the current library; an
 * all-zero struct gives exactly the documented defaults; a version above
 * the library's is refused with a finding. The version-1 structs are put
 * at the very end of an allocation of their own size, so that reading
 * past them is a heap overflow under ASan and valgrind.
 *
 * Also the emitter's one validation: validator findings only when it
 * refuses, and opts.validated for a caller that validated.
 */
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"

/* ---- the version-1 layouts, as a program built against 0.1.0 sees them ---- */

typedef struct {
	unsigned version;
	const ddbgt_prices *prices;
	int apply_free_tier;
	int no_recommendations;
} cost_options_v1;

typedef struct {
	unsigned version;
	int target;
	const char *provider_version;
	const char *resource_name;
	int compact;
	int no_import;
	size_t default_tag_count;
	const char *const *default_tag_keys;
	const char *const *default_tag_values;
	const char *assume_role_arn;
} emit_options_v1;

typedef struct {
	unsigned version;
	const char *table_name;
	const char *partition_key;
	ddbgt_attr_type partition_key_type;
	const char *sort_key;
	ddbgt_attr_type sort_key_type;
	const char *const *regions;
	size_t region_count;
	const char *witness_region;
	const char *const *kms_keys;
} template_options_v1;

typedef struct {
	unsigned version;
	const ddbgt_policy *policy;
	unsigned flags;
} validate_options_v1;

/* A copy of v (size bytes) at the end of an allocation of exactly that size. */
static void *exact_copy(const void *v, size_t size)
{
	void *p = malloc(size);
	ck_assert_ptr_nonnull(p);
	memcpy(p, v, size);
	return p;
}

/* Two regions, one of them opt-in: the validator warns (DDBGT_W_REGION_OPT_IN), no error. */
static const char warned_spec[] =
	"{\"format\":\"ddbgt/1\",\"table\":{\"name\":\"orders\",\"partition_key\":"
	"{\"name\":\"id\",\"type\":\"S\"}},\"replicas\":[{\"region\":\"us-east-1\"},"
	"{\"region\":\"af-south-1\"}],\"usage\":{\"writes_per_second\":{\"us-east-1\":10},"
	"\"reads_per_second\":{\"us-east-1\":50},\"storage_gb\":20}}";

static ddbgt_table *load(const char *spec)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&t, spec, strlen(spec), 0, NULL), DDBGT_OK);
	return t;
}

static void add_region(ddbgt_table *t, const char *region)
{
	ddbgt_replica *r = NULL;
	ck_assert_int_eq(ddbgt_replica_new(&r, region), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
}

static char *emit_text(const ddbgt_table *t, const ddbgt_emit_options *o)
{
	char *out = NULL;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, o, NULL), DDBGT_OK);
	return out;
}

static char *cost_text(const ddbgt_table *t, const ddbgt_cost_options *o, size_t *recs)
{
	ddbgt_cost_report *r = NULL;
	char *text = NULL;
	ck_assert_int_eq(ddbgt_cost_estimate(&r, t, o, NULL), DDBGT_OK);
	*recs = ddbgt_cost_report_recommendation_count(r);
	ck_assert_int_eq(ddbgt_cost_report_to_json(&text, r), DDBGT_OK);
	ddbgt_cost_report_free(r);
	return text;
}

static char *template_text(const ddbgt_template_options *o)
{
	ddbgt_table *t = NULL;
	char *text = NULL;
	ck_assert_int_eq(ddbgt_template_build(&t, "active-active", o), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&text, t, 0), DDBGT_OK);
	ddbgt_table_free(t);
	return text;
}

static char *validate_text(const ddbgt_table *t, const ddbgt_validate_options *o, int *rc)
{
	ddbgt_diags *d = NULL;
	char *text = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	*rc = ddbgt_table_validate(t, o, d);
	ck_assert_int_eq(ddbgt_diags_to_text(&text, d), DDBGT_OK);
	ddbgt_diags_free(d);
	return text;
}

/* The status of a call with options of a version above the library's, and its finding. */
static void assert_refused(int rc, ddbgt_diags *d)
{
	ck_assert_int_eq(rc, DDBGT_EINVAL);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_OPTIONS_VERSION));
	ck_assert_uint_eq(ddbgt_diags_count(d), 1);
}

/* ---- cost ---- */

START_TEST(cost_options_versions)
{
	ddbgt_table *t = load(warned_spec);
	size_t recs_null, recs;
	char *by_null = cost_text(t, NULL, &recs_null);
	/* The defaults include the recommendations: a zeroed struct must too. */
	ck_assert_uint_gt(recs_null, 0);

	ddbgt_cost_options zero;
	memset(&zero, 0, sizeof zero);
	zero.version = DDBGT_COST_OPTIONS_VERSION;
	char *by_zero = cost_text(t, &zero, &recs);
	ck_assert_str_eq(by_zero, by_null);
	ck_assert_uint_eq(recs, recs_null);

	cost_options_v1 v1 = {1, NULL, 0, 0};
	cost_options_v1 *old = exact_copy(&v1, sizeof v1);
	char *by_v1 = cost_text(t, (const ddbgt_cost_options *)(void *)old, &recs);
	ck_assert_str_eq(by_v1, by_null);
	old->no_recommendations = 1;
	ddbgt_free(by_v1);
	by_v1 = cost_text(t, (const ddbgt_cost_options *)(void *)old, &recs);
	ck_assert_uint_eq(recs, 0);

	/* _init of version 1 writes version 1's bytes only. */
	memset(old, 0x5a, sizeof *old);
	ck_assert_int_eq(ddbgt_cost_options_init((ddbgt_cost_options *)(void *)old, 1), DDBGT_OK);
	ck_assert_uint_eq(old->version, 1);
	ck_assert_ptr_null(old->prices);
	ck_assert_int_eq(old->apply_free_tier, 0);
	ck_assert_int_eq(old->no_recommendations, 0);
	ck_assert_int_eq(ddbgt_cost_options_init(&zero, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_cost_options_init(&zero, DDBGT_COST_OPTIONS_VERSION + 1),
	                 DDBGT_EINVAL);

	ddbgt_diags *d = NULL;
	ddbgt_cost_report *r = (ddbgt_cost_report *)1;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	zero.version = DDBGT_COST_OPTIONS_VERSION + 1;
	assert_refused(ddbgt_cost_estimate(&r, t, &zero, d), d);
	ck_assert_ptr_null(r);
	ddbgt_diags_clear(d);
	ddbgt_diags_free(d);

	/* A struct zeroed whole, version included, is the defaults too. */
	memset(&zero, 0, sizeof zero);
	char *by_all_zero = cost_text(t, &zero, &recs);
	ck_assert_str_eq(by_all_zero, by_null);
	ck_assert_uint_eq(recs, recs_null);
	ddbgt_free(by_all_zero);

	free(old);
	ddbgt_free(by_null);
	ddbgt_free(by_zero);
	ddbgt_free(by_v1);
	ddbgt_table_free(t);
}
END_TEST

/* ---- emit ---- */

START_TEST(emit_options_versions)
{
	ddbgt_table *t = load(warned_spec);
	char *by_null = emit_text(t, NULL);

	ddbgt_emit_options zero;
	memset(&zero, 0, sizeof zero);
	zero.version = DDBGT_EMIT_OPTIONS_VERSION;
	char *by_zero = emit_text(t, &zero);
	ck_assert_str_eq(by_zero, by_null);
	zero.version = 0; /* zeroed whole: the defaults too */
	char *by_all_zero = emit_text(t, &zero);
	ck_assert_str_eq(by_all_zero, by_null);
	ddbgt_free(by_all_zero);

	/* Every version-1 field read from an old caller's struct, nothing past it. */
	static const char *const keys[] = {"env"}, *const values[] = {"prod"};
	emit_options_v1 v1 = {1, DDBGT_EMIT_TERRAFORM, "~> 6.25", "main", 1, 0, 1, keys, values,
	                      "arn:aws:iam::111122223333:role/deployer"};
	emit_options_v1 *old = exact_copy(&v1, sizeof v1);
	ddbgt_emit_options now = DDBGT_EMIT_OPTIONS_INIT;
	now.target = DDBGT_EMIT_TERRAFORM;
	now.provider_version = "~> 6.25";
	now.resource_name = "main";
	now.compact = 1;
	now.default_tag_count = 1;
	now.default_tag_keys = keys;
	now.default_tag_values = values;
	now.assume_role_arn = v1.assume_role_arn;
	char *by_now = emit_text(t, &now);
	char *by_v1 = emit_text(t, (const ddbgt_emit_options *)(void *)old);
	ck_assert_str_eq(by_v1, by_now);
	ck_assert_str_ne(by_v1, by_null);

	/*
	 * Bytes after a version-1 struct are not the caller's: set, they would
	 * read as validated and let a table with an error through.
	 */
	emit_options_v1 plain = {1, 0, NULL, NULL, 0, 0, 0, NULL, NULL, NULL};
	unsigned char *followed = malloc(sizeof plain + 32);
	ck_assert_ptr_nonnull(followed);
	memcpy(followed, &plain, sizeof plain);
	memset(followed + sizeof plain, 0xff, 32);
	ddbgt_table *bad = load("{\"format\":\"ddbgt/1\",\"table\":{\"name\":\"t\",\"partition_key\":"
	                        "{\"name\":\"id\",\"type\":\"S\"}},\"replicas\":[{\"region\":"
	                        "\"us-east-1\"},{\"region\":\"eu-west-1\"}]}");
	ddbgt_diags *why = NULL;
	char *none = (char *)1;
	ck_assert_int_eq(ddbgt_diags_new(&why), DDBGT_OK);
	ck_assert_int_eq(ddbgt_emit_string(&none, bad, (const ddbgt_emit_options *)(void *)followed,
	                                   why), DDBGT_EINVALID);
	ck_assert_ptr_null(none);
	ck_assert(ddbgt_diags_has(why, DDBGT_E_TABLE_NAME_INVALID));
	ddbgt_diags_free(why);
	ddbgt_table_free(bad);
	free(followed);

	memset(old, 0x5a, sizeof *old);
	ck_assert_int_eq(ddbgt_emit_options_init((ddbgt_emit_options *)(void *)old, 1), DDBGT_OK);
	ck_assert_uint_eq(old->version, 1);
	ck_assert_int_eq(old->target, 0);
	ck_assert_ptr_null(old->assume_role_arn);
	ck_assert_int_eq(ddbgt_emit_options_init(&zero, DDBGT_EMIT_OPTIONS_VERSION + 1),
	                 DDBGT_EINVAL);

	ddbgt_diags *d = NULL;
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	zero.version = DDBGT_EMIT_OPTIONS_VERSION + 1;
	assert_refused(ddbgt_emit_string(&out, t, &zero, d), d);
	ck_assert_ptr_null(out);
	ddbgt_diags_free(d);

	free(old);
	ddbgt_free(by_null);
	ddbgt_free(by_zero);
	ddbgt_free(by_now);
	ddbgt_free(by_v1);
	ddbgt_table_free(t);
}
END_TEST

/* ---- templates ---- */

START_TEST(template_options_versions)
{
	char *by_null = template_text(NULL);

	ddbgt_template_options zero;
	memset(&zero, 0, sizeof zero);
	zero.version = DDBGT_TEMPLATE_OPTIONS_VERSION;
	char *by_zero = template_text(&zero);
	ck_assert_str_eq(by_zero, by_null);
	zero.version = 0; /* zeroed whole: the defaults too */
	char *by_all_zero = template_text(&zero);
	ck_assert_str_eq(by_all_zero, by_null);
	ddbgt_free(by_all_zero);

	static const char *const regions[] = {"eu-west-1", "eu-central-1"};
	template_options_v1 v1 = {1, "Orders", "tenant", DDBGT_ATTR_S, "", DDBGT_ATTR_UNSET,
	                          regions, 2, NULL, NULL};
	template_options_v1 *old = exact_copy(&v1, sizeof v1);
	ddbgt_template_options now = DDBGT_TEMPLATE_OPTIONS_INIT;
	now.table_name = "Orders";
	now.partition_key = "tenant";
	now.partition_key_type = DDBGT_ATTR_S;
	now.sort_key = "";
	now.regions = regions;
	now.region_count = 2;
	char *by_now = template_text(&now);
	char *by_v1 = template_text((const ddbgt_template_options *)(void *)old);
	ck_assert_str_eq(by_v1, by_now);
	ck_assert_str_ne(by_v1, by_null);

	memset(old, 0x5a, sizeof *old);
	ck_assert_int_eq(ddbgt_template_options_init((ddbgt_template_options *)(void *)old, 1),
	                 DDBGT_OK);
	ck_assert_uint_eq(old->version, 1);
	ck_assert_ptr_null(old->kms_keys);
	ck_assert_int_eq(old->sort_key_type, DDBGT_ATTR_UNSET);

	ddbgt_table *t = (ddbgt_table *)1;
	zero.version = DDBGT_TEMPLATE_OPTIONS_VERSION + 1;
	ck_assert_int_eq(ddbgt_template_build(&t, "active-active", &zero), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(ddbgt_template_options_init(&zero, 0), DDBGT_EINVAL);

	free(old);
	ddbgt_free(by_null);
	ddbgt_free(by_zero);
	ddbgt_free(by_now);
	ddbgt_free(by_v1);
}
END_TEST

/* ---- validate ---- */

START_TEST(validate_options_versions)
{
	ddbgt_table *t = load(warned_spec);
	int rc_null, rc;
	char *by_null = validate_text(t, NULL, &rc_null);
	ck_assert_ptr_nonnull(strstr(by_null, "DDBGT_W_REGION_OPT_IN"));

	ddbgt_validate_options zero;
	memset(&zero, 0, sizeof zero);
	zero.version = DDBGT_VALIDATE_OPTIONS_VERSION;
	char *by_zero = validate_text(t, &zero, &rc);
	ck_assert_str_eq(by_zero, by_null);
	ck_assert_int_eq(rc, rc_null);

	validate_options_v1 v1 = {1, NULL, DDBGT_VALIDATE_WARNINGS_AS_ERRORS};
	validate_options_v1 *old = exact_copy(&v1, sizeof v1);
	char *by_v1 = validate_text(t, (const ddbgt_validate_options *)(void *)old, &rc);
	ck_assert_int_eq(rc, DDBGT_EINVALID);

	memset(old, 0x5a, sizeof *old);
	ck_assert_int_eq(ddbgt_validate_options_init((ddbgt_validate_options *)(void *)old, 1),
	                 DDBGT_OK);
	ck_assert_uint_eq(old->version, 1);
	ck_assert_uint_eq(old->flags, 0);

	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	zero.version = DDBGT_VALIDATE_OPTIONS_VERSION + 1;
	assert_refused(ddbgt_table_validate(t, &zero, d), d);
	ddbgt_diags_free(d);

	free(old);
	ddbgt_free(by_null);
	ddbgt_free(by_zero);
	ddbgt_free(by_v1);
	ddbgt_table_free(t);
}
END_TEST

/* ---- the emitter validates once ---- */

START_TEST(emit_reports_validator_only_when_refusing)
{
	ddbgt_table *t = load(warned_spec);
	ddbgt_diags *d = NULL;
	char *out = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	/* A success: the validator's warning is not the emitter's to report. */
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_OK);
	ck_assert(!ddbgt_diags_has(d, DDBGT_W_REGION_OPT_IN));
	ddbgt_free(out);

	/* A refusal: the validator's findings say why, warnings included. */
	add_region(t, "us-east-1");
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_W_REGION_OPT_IN));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_REGION_DUPLICATE));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_INVALID_MODEL));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(emit_validated_skips_the_second_pass)
{
	ddbgt_table *t = load(warned_spec);
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	o.validated = 1;
	ddbgt_diags *d = NULL;
	char *out = NULL, *plain = emit_text(t, NULL);
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);

	/* The caller validated: each finding once, and the same document. */
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	size_t n = ddbgt_diags_count(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), n);
	ck_assert_str_eq(out, plain);
	ddbgt_free(out);

	/* An error in the caller's validation refuses, without validating again. */
	add_region(t, "us-east-1");
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	n = ddbgt_diags_count(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(ddbgt_diags_count(d), n + 1);
	ck_assert_int_eq(ddbgt_diags_code(d, n), DDBGT_E_EMIT_INVALID_MODEL);
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, n), "1 error(s)"));

	/* The guard still refuses what cannot be written, whatever the caller says. */
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_REGION));
	ck_assert(!ddbgt_diags_has(d, DDBGT_E_REGION_DUPLICATE));

	ddbgt_diags_free(d);
	ddbgt_free(plain);
	ddbgt_table_free(t);
}
END_TEST

Suite *ddbgt_test_options(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("versions");
	tcase_add_test(tc, cost_options_versions);
	tcase_add_test(tc, emit_options_versions);
	tcase_add_test(tc, template_options_versions);
	tcase_add_test(tc, validate_options_versions);
	suite_add_tcase(s, tc);
	tc = tcase_create("emit_validates_once");
	tcase_add_test(tc, emit_reports_validator_only_when_refusing);
	tcase_add_test(tc, emit_validated_skips_the_second_pass);
	suite_add_tcase(s, tc);
	return s;
}
