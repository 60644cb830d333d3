/*
 * The validator: every rule of the catalogue triggered by a spec and kept
 * quiet by its near-identical twin (tests/data/validate/rules.json), the
 * options, policy guardrails and severity overrides, and the examples.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"
#include "validate_internal.h"

#define RULE_FIRST 100
#define RULE_LAST 499

static json_t *load_json(const char *relative)
{
	json_error_t err;
	json_t *j = json_load_file(ddbgt_test_path(relative), 0, &err);

	ck_assert_msg(j != NULL, "%s:%d: %s", relative, err.line, err.text);
	return j;
}

static json_t *rules_doc(void)
{
	static json_t *doc;

	if (doc == NULL)
		doc = load_json("data/validate/rules.json");
	return doc;
}

/* Load base-<name>.json with patch applied, and validate it when it loads. */
static ddbgt_table *run_spec(const char *base, json_t *patch, ddbgt_diags *diags, int *loaded)
{
	char rel[128];
	json_t *doc;
	char *text;
	ddbgt_table *table = NULL;
	int rc;

	snprintf(rel, sizeof(rel), "data/validate/base-%s.json", base);
	doc = ddbgt_test_merge_patch(load_json(rel), patch);
	text = json_dumps(doc, JSON_COMPACT);
	ck_assert_ptr_nonnull(text);
	rc = ddbgt_spec_load_string(&table, text, strlen(text), 0, diags);
	free(text);
	json_decref(doc);
	*loaded = rc == DDBGT_OK;
	if (*loaded) {
		rc = ddbgt_table_validate(table, NULL, diags);
		ck_assert(rc == DDBGT_OK || rc == DDBGT_EINVALID);
		ck_assert_int_eq(rc == DDBGT_OK, ddbgt_diags_is_valid(diags));
	}
	return table;
}

static int has_code(const ddbgt_diags *d, const char *code)
{
	return ddbgt_diags_has(d, ddbgt_code_from_name(code));
}

static int in_array(json_t *array, const char *s)
{
	size_t i;
	json_t *v;

	json_array_foreach(array, i, v)
		if (strcmp(json_string_value(v), s) == 0)
			return 1;
	return 0;
}

static void dump(const char *what, const ddbgt_diags *d)
{
	char *text = NULL;

	if (ddbgt_diags_to_text(&text, d) == DDBGT_OK)
		fprintf(stderr, "  %s:\n%s", what, text);
	ddbgt_free(text);
}

/* Check one case; returns NULL or a reason it failed (static buffer). */
static const char *check_case(json_t *c)
{
	static char why[512];
	const char *code = json_string_value(json_object_get(c, "code"));
	const char *base = json_string_value(json_object_get(c, "base"));
	const char *path = json_string_value(json_object_get(c, "path"));
	const char *region = json_string_value(json_object_get(c, "region"));
	json_t *sev_j = json_object_get(c, "severity");
	json_t *also = json_object_get(c, "also");
	ddbgt_severity want_sev = ddbgt_code_severity(ddbgt_code_from_name(code));
	ddbgt_diags *trig = NULL, *clean = NULL;
	ddbgt_table *t1, *t2;
	int loaded, found = 0;
	size_t i;

	why[0] = '\0';
	if (sev_j != NULL) {
		int s;
		ck_assert_int_eq(ddbgt_enum_parse(DDBGT_ENUM_SEVERITY, json_string_value(sev_j), &s), 0);
		want_sev = (ddbgt_severity)s;
	}
	ck_assert_int_eq(ddbgt_diags_new(&trig), 0);
	ck_assert_int_eq(ddbgt_diags_new(&clean), 0);
	t2 = run_spec(base, json_object_get(c, "clean"), clean, &loaded);
	if (!loaded)
		snprintf(why, sizeof(why), "the clean twin does not load");
	else if (has_code(clean, code))
		snprintf(why, sizeof(why), "the clean twin has the code too");
	t1 = run_spec(base, json_object_get(c, "trigger"), trig, &loaded);
	for (i = 0; why[0] == '\0' && i < ddbgt_diags_count(trig); i++) {
		const char *name = ddbgt_diags_code_name(trig, i);
		const char *r = ddbgt_diags_region(trig, i);

		if (strcmp(name, code) == 0) {
			if (strcmp(ddbgt_diags_path(trig, i), path) == 0 &&
			    (region == NULL ? r == NULL : r != NULL && strcmp(r, region) == 0) &&
			    ddbgt_diags_severity(trig, i) == want_sev)
				found = 1;
		} else if (!has_code(clean, name) && !(also != NULL && in_array(also, name))) {
			snprintf(why, sizeof(why), "the trigger also reports %s at %s", name,
			         ddbgt_diags_path(trig, i));
		}
	}
	if (why[0] == '\0' && !found)
		snprintf(why, sizeof(why), "no %s at %s (region %s, severity %d)", code, path,
		         region ? region : "none", want_sev);
	if (why[0] != '\0') {
		dump("trigger", trig);
		dump("clean", clean);
	}
	ddbgt_table_free(t1);
	ddbgt_table_free(t2);
	ddbgt_diags_free(trig);
	ddbgt_diags_free(clean);
	return why[0] != '\0' ? why : NULL;
}

START_TEST(every_case_triggers_its_code_and_its_twin_does_not)
{
	json_t *cases = json_object_get(rules_doc(), "cases");
	size_t i, failures = 0;
	json_t *c;

	ck_assert_uint_gt(json_array_size(cases), 80);
	json_array_foreach(cases, i, c) {
		const char *why = check_case(c);

		if (why != NULL) {
			fprintf(stderr, "case %zu (%s): %s\n", i,
			        json_string_value(json_object_get(c, "code")), why);
			failures++;
		}
	}
	ck_assert_msg(failures == 0, "%zu of %zu cases failed (see stderr)", failures,
	              json_array_size(cases));
}
END_TEST

/* The rules spec format 1 cannot express: the loader refuses the construct. */
START_TEST(inexpressible_rules_are_refused_by_the_spec_shape)
{
	json_t *list = json_object_get(rules_doc(), "inexpressible");
	size_t i;
	json_t *c;

	json_array_foreach(list, i, c) {
		const char *code = json_string_value(json_object_get(c, "code"));
		const char *base = json_string_value(json_object_get(c, "base"));
		json_t *refused = json_object_get(c, "refused");
		ddbgt_diags *d = NULL;
		ddbgt_table *t;
		int loaded;

		ck_assert_ptr_nonnull(json_string_value(json_object_get(c, "why")));
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		t = run_spec(base, refused ? refused : json_object_get(c, "accepted"), d, &loaded);
		ck_assert_msg(!has_code(d, code), "%s reported", code);
		if (refused != NULL) {
			const char *rc = json_string_value(json_object_get(c, "refused_code"));
			const char *rp = json_string_value(json_object_get(c, "refused_path"));
			int hit = 0;

			ck_assert_msg(!loaded, "%s: the spec loads", code);
			for (size_t k = 0; k < ddbgt_diags_count(d); k++)
				hit |= strcmp(ddbgt_diags_code_name(d, k), rc) == 0 &&
				       strcmp(ddbgt_diags_path(d, k), rp) == 0;
			ck_assert_msg(hit, "%s: no %s at %s", code, rc, rp);
		} else {
			ck_assert_msg(loaded && ddbgt_diags_is_valid(d), "%s: not accepted", code);
		}
		ddbgt_table_free(t);
		ddbgt_diags_free(d);
	}
}
END_TEST

/* Codes triggered by the builder tests below (the loader requires what they omit). */
static const ddbgt_code builder_tested[] = {DDBGT_E_LSI_NO_RANGE};

START_TEST(every_rule_code_is_tested_both_ways)
{
	json_t *doc = rules_doc();
	json_t *builder_only = json_object_get(doc, "builder_only");
	size_t n = 0;

	for (size_t i = 0; i < ddbgt_code_count(); i++) {
		ddbgt_code code = ddbgt_code_at(i);
		const char *name = ddbgt_code_name(code);
		int covered = 0;
		json_t *c;
		size_t k;

		if (code < RULE_FIRST || code > RULE_LAST)
			continue;
		n++;
		json_array_foreach(json_object_get(doc, "cases"), k, c)
			covered |= strcmp(json_string_value(json_object_get(c, "code")), name) == 0 &&
			           json_object_get(c, "trigger") && json_object_get(c, "clean");
		json_array_foreach(json_object_get(doc, "inexpressible"), k, c)
			covered |= strcmp(json_string_value(json_object_get(c, "code")), name) == 0;
		if (in_array(builder_only, name))
			for (k = 0; k < sizeof(builder_tested) / sizeof(builder_tested[0]); k++)
				covered |= builder_tested[k] == code;
		ck_assert_msg(covered, "%s has no trigger/clean case in rules.json", name);
	}
	ck_assert_uint_ge(n, 90);
}
END_TEST

static ddbgt_table *builder_table(void)
{
	ddbgt_table *t = NULL;
	ddbgt_replica *r = NULL;

	ck_assert_int_eq(ddbgt_table_new(&t, "orders"), 0);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), 0);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_S), 0);
	ck_assert_int_eq(ddbgt_replica_new(&r, "us-east-1"), 0);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), 0);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	return t;
}

/* The index of the first finding with code; aborts the test when there is none. */
static size_t find(const ddbgt_diags *d, ddbgt_code code)
{
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		if (ddbgt_diags_code(d, i) == code)
			return i;
	ck_abort_msg("no %s", ddbgt_code_name(code));
	return 0;
}

/* Only errors and warnings: the notes (DDBGT_I_*) are beside the point here. */
static size_t problems(const ddbgt_diags *d)
{
	return ddbgt_diags_error_count(d) + ddbgt_diags_warning_count(d);
}

START_TEST(builder_lsi_without_sort_key)
{
	ddbgt_table *t = builder_table();
	ddbgt_diags *d = NULL;
	ddbgt_lsi *l = NULL;

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	ck_assert_uint_eq(problems(d), 0);
	ck_assert_int_eq(ddbgt_lsi_new(&l, "by-date"), 0);
	ck_assert_int_eq(ddbgt_table_add_lsi(t, l), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert_uint_eq(problems(d), 1);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_LSI_NO_RANGE);
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/table/local_secondary_indexes/0");
	ck_assert_ptr_null(ddbgt_diags_region(d, 0));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(builder_missing_partition_key_and_default_gsi_quota)
{
	ddbgt_table *t = NULL;
	ddbgt_replica *r = NULL;
	ddbgt_diags *d = NULL;
	char name[16];

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_new(&t, "orders"), 0);
	ck_assert_int_eq(ddbgt_replica_new(&r, "us-east-1"), 0);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), 0);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "g", DDBGT_ATTR_S), 0);
	for (int i = 0; i < 21; i++) {
		ddbgt_gsi *g = NULL;

		snprintf(name, sizeof(name), "gsi-%02d", i);
		ck_assert_int_eq(ddbgt_gsi_new(&g, name), 0);
		ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "g"), 0);
		ck_assert_int_eq(ddbgt_table_add_gsi(t, g), 0);
	}
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert_uint_eq(problems(d), 2);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_KEY_SCHEMA_SHAPE));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_GSI_LIMIT));
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/table/partition_key");
	ddbgt_table_remove_gsi(t, "gsi-20");
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	ck_assert_uint_eq(problems(d), 0);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* Many problems at once: every one is reported, none hides another. */
START_TEST(one_pass_reports_everything)
{
	ddbgt_table *t = builder_table();
	ddbgt_replica *r = NULL;
	ddbgt_diags *d = NULL;
	static const ddbgt_code expected[] = {
		DDBGT_E_TABLE_NAME_INVALID, DDBGT_E_REGION_DUPLICATE, DDBGT_E_REGION_UNKNOWN,
		DDBGT_E_PITR_PERIOD_RANGE, DDBGT_E_TAG_KEY_INVALID, DDBGT_E_SSE_KEY_WITHOUT_KMS,
		DDBGT_E_MREC_STREAM_DISABLED, DDBGT_E_TTL_ATTR_INVALID,
	};

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_set_name(t, "x"), 0);
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), 0);
	ck_assert_int_eq(ddbgt_replica_set_kms_key(r, "alias/k"), 0);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	ck_assert_int_eq(ddbgt_replica_new(&r, "mars-north-1"), 0);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 1), 0);
	ck_assert_int_eq(ddbgt_table_set_pitr_period(t, 90), 0);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "aws:x", "y"), 0);
	ck_assert_int_eq(ddbgt_table_set_stream(t, 0, DDBGT_STREAM_VIEW_UNSET), 0);
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, ""), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++)
		ck_assert_msg(ddbgt_diags_has(d, expected[i]), "%s missing",
		              ddbgt_code_name(expected[i]));
	ck_assert_uint_eq(ddbgt_diags_error_count(d), sizeof(expected) / sizeof(expected[0]));
	/* diags may be NULL: the verdict alone. */
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, NULL), DDBGT_EINVALID);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* A message longer than the formatting buffer is kept whole. */
START_TEST(long_messages_are_whole)
{
	ddbgt_table *t = builder_table();
	ddbgt_diags *d = NULL;
	char name[701];

	memset(name, 'n', 700);
	name[700] = '\0';
	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_set_name(t, name), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, find(d, DDBGT_E_TABLE_NAME_INVALID)),
	                             name));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(options_and_arguments)
{
	ddbgt_validate_options o = DDBGT_VALIDATE_OPTIONS_INIT;
	ddbgt_validate_options p;
	ddbgt_table *t = builder_table();

	ck_assert_uint_eq(o.version, DDBGT_VALIDATE_OPTIONS_VERSION);
	ck_assert_ptr_null(o.policy);
	ck_assert_uint_eq(o.flags, 0);
	memset(&p, 0xff, sizeof(p));
	ck_assert_int_eq(ddbgt_validate_options_init(&p, DDBGT_VALIDATE_OPTIONS_VERSION), 0);
	ck_assert_uint_eq(p.version, DDBGT_VALIDATE_OPTIONS_VERSION);
	ck_assert_ptr_null(p.policy);
	ck_assert_uint_eq(p.flags, 0);
	ck_assert_int_eq(ddbgt_validate_options_init(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_validate_options_init(&p, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_validate_options_init(&p, 99), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_validate(NULL, NULL, NULL), DDBGT_EINVAL);
	o.version = 99;
	ck_assert_int_eq(ddbgt_table_validate(t, &o, NULL), DDBGT_EINVAL);
	memset(&o, 0, sizeof o); /* all zero: the defaults */
	ck_assert_int_eq(ddbgt_table_validate(t, &o, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_validate(t, &p, NULL), DDBGT_OK);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(flags_change_severities)
{
	ddbgt_table *t = builder_table();
	ddbgt_validate_options o = DDBGT_VALIDATE_OPTIONS_INIT;
	ddbgt_diags *d = NULL;

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	/* The note that holds for every such table only on request... */
	o.flags = DDBGT_VALIDATE_GENERAL_NOTES;
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_info_count(d), 1);
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/table/consistency");
	ddbgt_diags_clear(d);
	o.flags = 0;
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	/* ...or when the spec reads in transactions (they are regional). */
	ck_assert_int_eq(ddbgt_usage_set_read_consistency(ddbgt_table_usage_mut(t),
	                                                  DDBGT_READ_CONSISTENCY_TRANSACTIONAL),
	                 0);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_info_count(d), 1);
	o.flags = DDBGT_VALIDATE_NO_INFO;
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	/* An opt-in region is a warning, or an error with WARNINGS_AS_ERRORS. */
	ck_assert_int_eq(ddbgt_replica_set_region(ddbgt_table_replica_at_mut(t, 1), "eu-south-1"), 0);
	o.flags = 0;
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_warning_count(d), 1);
	o.flags = DDBGT_VALIDATE_WARNINGS_AS_ERRORS;
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_EINVALID);
	ck_assert_uint_eq(ddbgt_diags_error_count(d), 1);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_W_REGION_OPT_IN);
	/* ADOPT_EXISTING turns the refused legacy creation into a warning. */
	ck_assert_int_eq(ddbgt_replica_set_region(ddbgt_table_replica_at_mut(t, 1), "eu-west-1"), 0);
	ck_assert_int_eq(ddbgt_table_set_legacy_version(t, 1), 0);
	o.flags = 0;
	ck_assert_int_eq(ddbgt_table_validate(t, &o, NULL), DDBGT_EINVALID);
	o.flags = DDBGT_VALIDATE_ADOPT_EXISTING;
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_severity(d, find(d, DDBGT_E_LEGACY_VERSION)),
	                 DDBGT_SEVERITY_WARNING);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(policy_severity_overrides)
{
	ddbgt_table *t = builder_table();
	ddbgt_policy *own = ddbgt_table_policy_mut(t);
	ddbgt_diags *d = NULL;

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_remove_replica(t, "eu-west-1"), 0);
	/* one region is an error by default, and the message says how to stage one, */
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_NOT_GLOBAL));
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_ERROR);
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/replicas");
	ck_assert_str_eq(ddbgt_diags_region(d, 0), "us-east-1");
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, 0),
	                             "policy.severity.DDBGT_E_NOT_GLOBAL"));
	/* off drops it, */
	ck_assert_int_eq(ddbgt_policy_set_severity(own, "DDBGT_E_NOT_GLOBAL", DDBGT_SEVERITY_OFF), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	/* warning keeps the table valid, */
	ck_assert_int_eq(ddbgt_policy_set_severity(own, "DDBGT_E_NOT_GLOBAL",
	                                           DDBGT_SEVERITY_WARNING), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_warning_count(d), 1);
	/* and info lowers it further: the documented region-set rule saw one exception. */
	ck_assert_int_eq(ddbgt_policy_set_severity(own, "DDBGT_E_NOT_GLOBAL", DDBGT_SEVERITY_INFO), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_info_count(d), 1);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(options_policy_replaces_the_tables)
{
	ddbgt_table *t = builder_table();
	ddbgt_policy *own = ddbgt_table_policy_mut(t);
	ddbgt_policy *other = NULL;
	ddbgt_validate_options o = DDBGT_VALIDATE_OPTIONS_INIT;
	ddbgt_diags *d = NULL;

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_policy_set_min_regions(own, 3), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_POLICY_MIN_REGIONS));
	/* The caller's policy wins over the spec's: no min_regions there. */
	ck_assert_int_eq(ddbgt_policy_new(&other), 0);
	ck_assert_int_eq(ddbgt_policy_set_require_deletion_protection(other, 1), 0);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(other, "us-east-1"), 0);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(other, "eu-west-1"), 0);
	o.policy = other;
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_EINVALID);
	ck_assert(!ddbgt_diags_has(d, DDBGT_E_POLICY_MIN_REGIONS));
	ck_assert_uint_eq(ddbgt_diags_error_count(d), 2);
	ck_assert_str_eq(ddbgt_diags_path(d, find(d, DDBGT_E_POLICY_DELETION_PROTECTION_REQUIRED)),
	                 "/replicas/0/deletion_protection");
	ck_assert_str_eq(ddbgt_diags_region(d, find(d, DDBGT_E_POLICY_DELETION_PROTECTION_REQUIRED)),
	                 "us-east-1");
	ck_assert_int_eq(ddbgt_table_set_deletion_protection(t, 1), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, NULL), DDBGT_OK);
	/* Raised quotas come from the policy too. */
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), 0);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_READ, 45000), 0);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 1, 10, 70), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert(ddbgt_diags_has(d, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA));
	ck_assert_int_eq(ddbgt_policy_set_quota(other, "table_capacity_max", 50000), 0);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_validate(t, &o, d), DDBGT_OK);
	ck_assert(!ddbgt_diags_has(d, DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA));
	ddbgt_policy_free(other);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* Duplicates among many replicas: each repeat is named once, against its first. */
START_TEST(duplicate_regions_among_many)
{
	ddbgt_table *t = builder_table();
	ddbgt_diags *d = NULL;
	const char *regions[] = {"eu-west-1", "us-west-2", "us-east-1", "eu-west-1"};

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	for (size_t i = 0; i < 4; i++) {
		ddbgt_replica *r = NULL;

		ck_assert_int_eq(ddbgt_replica_new(&r, regions[i]), 0);
		ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	}
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert_uint_eq(ddbgt_diags_error_count(d), 3);
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(ddbgt_diags_code(d, i), DDBGT_E_REGION_DUPLICATE);
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/replicas/2/region");
	ck_assert_str_eq(ddbgt_diags_message(d, 0),
	                 "region eu-west-1 appears twice (replicas 1 and 2): keep one replica per "
	                 "region");
	ck_assert_str_eq(ddbgt_diags_path(d, 1), "/replicas/4/region");
	ck_assert_str_eq(ddbgt_diags_region(d, 1), "us-east-1");
	ck_assert_str_eq(ddbgt_diags_path(d, 2), "/replicas/5/region");
	ck_assert_str_eq(ddbgt_diags_message(d, 2),
	                 "region eu-west-1 appears twice (replicas 1 and 5): keep one replica per "
	                 "region");
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/*
 * Note 247 says what the graphs show: in THROTTLED_KEYS mode only the keys
 * of throttled items, in AWS's default mode those of the most accessed ones
 * too (API_UpdateContributorInsights.html, ContributorInsightsMode).
 */
START_TEST(insights_note_names_what_its_mode_records)
{
	static const struct {
		int gsi;
		ddbgt_insights_mode mode;
		int accessed;
	} cases[] = {
		{0, DDBGT_INSIGHTS_MODE_UNSET, 1},
		{0, DDBGT_INSIGHTS_MODE_ACCESSED_AND_THROTTLED_KEYS, 1},
		{0, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS, 0},
		{1, DDBGT_INSIGHTS_MODE_ACCESSED_AND_THROTTLED_KEYS, 1},
		{1, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS, 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ddbgt_table *t = builder_table();
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 1);
		ddbgt_diags *d = NULL;
		const char *m;

		ck_assert_int_eq(ddbgt_table_set_encryption(t, DDBGT_ENCRYPTION_AWS_MANAGED), 0);
		if (cases[i].gsi)
			ck_assert_int_eq(ddbgt_replica_set_gsi_contributor_insights_mode(r, "by-status", 1,
			                                                                 cases[i].mode), 0);
		else
			ck_assert_int_eq(ddbgt_replica_set_contributor_insights_mode(r, 1, cases[i].mode), 0);
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ddbgt_table_validate(t, NULL, d);
		m = ddbgt_diags_message(d, find(d, DDBGT_I_CONTRIBUTOR_INSIGHTS_KMS));
		ck_assert_msg((strstr(m, "most accessed and throttled items") != NULL) ==
		              cases[i].accessed, "case %zu: %s", i, m);
		ck_assert_msg(strstr(m, "throttled items") != NULL, "case %zu: %s", i, m);
		ddbgt_diags_free(d);
		ddbgt_table_free(t);
	}
}
END_TEST

/*
 * An attribute is used when a key of the table or of an index names it: a
 * definition that repeats a table key, both definitions of a duplicated
 * name, and one that only a typed or a sort key names are used; the one no
 * key names is the only DDBGT_E_ATTR_DEF_UNUSED.
 */
START_TEST(attributes_named_by_keys_are_used)
{
	ddbgt_table *t = builder_table();
	ddbgt_diags *d = NULL;
	ddbgt_gsi *g = NULL;
	static const char *const names[] = {"pk", "g", "g", "h", "unused", "sk", "t"};
	size_t unused = 0;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		ck_assert_int_eq(ddbgt_table_add_attribute(t, names[i],
		                                           i == 3 ? DDBGT_ATTR_N : DDBGT_ATTR_S), 0);
	ck_assert_int_eq(ddbgt_gsi_new(&g, "by_g"), 0);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "g"), 0);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), 0);
	ck_assert_int_eq(ddbgt_gsi_new(&g, "by_t"), 0);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key_typed(g, "t", DDBGT_ATTR_S), 0);
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, "h"), 0);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), 0);
	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		if (ddbgt_diags_code(d, i) != DDBGT_E_ATTR_DEF_UNUSED)
			continue;
		ck_assert_str_eq(ddbgt_diags_path(d, i), "/table/attributes/4");
		unused++;
	}
	ck_assert_uint_eq(unused, 1);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* GSI overrides added in any order, unknown names among them: each is judged right. */
START_TEST(gsi_overrides_in_any_order)
{
	ddbgt_table *t = builder_table();
	ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 1);
	ddbgt_diags *d = NULL;
	const char *names[] = {"b-idx", "Z-idx", "a-idx", "m-idx"};

	ck_assert_int_eq(ddbgt_diags_new(&d), 0);
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), 0);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_READ, 5), 0);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 1, 10, 70), 0);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "g", DDBGT_ATTR_S), 0);
	for (size_t i = 0; i < 3; i++) {
		ddbgt_gsi *g = NULL;

		ck_assert_int_eq(ddbgt_gsi_new(&g, names[i]), 0);
		ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "g"), 0);
		ck_assert_int_eq(ddbgt_gsi_set_capacity(g, DDBGT_READ, 5), 0);
		ck_assert_int_eq(ddbgt_gsi_set_autoscaling(g, DDBGT_WRITE, 1, 10, 70), 0);
		ck_assert_int_eq(ddbgt_table_add_gsi(t, g), 0);
	}
	/* m-idx is no index; Z-idx (upper case sorts first) has capacity 0. */
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "m-idx", 5), 0);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "b-idx", 5), 0);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "Z-idx", 0), 0);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "a-idx", 5), 0);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert_uint_eq(ddbgt_diags_error_count(d), 2);
	ck_assert_str_eq(ddbgt_diags_path(d, find(d, DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN)),
	                 "/replicas/1/global_secondary_indexes/m-idx");
	ck_assert_str_eq(ddbgt_diags_path(d, find(d, DDBGT_E_CAPACITY_MIN)),
	                 "/replicas/1/global_secondary_indexes/Z-idx/read_capacity/units");
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/*
 * The examples are valid designs: no errors, and only the warnings they
 * are about (legacy.json describes an adopted legacy table; tags-hostile.json
 * keeps tags DynamoDB's documented character set refuses, to test escaping,
 * and its policy lowers those findings to warnings).
 */
START_TEST(examples_are_valid)
{
	static const struct {
		const char *file;
		ddbgt_code warning;
	} expected[] = {
		{"legacy.json", DDBGT_E_LEGACY_VERSION},
		{"tags-hostile.json", DDBGT_E_TAG_KEY_INVALID},
		{"tags-hostile.json", DDBGT_E_TAG_VALUE_INVALID},
	};
	char dir[4096];
	DIR *dp;
	struct dirent *e;
	size_t seen = 0;

	snprintf(dir, sizeof(dir), "%s", ddbgt_test_path("../examples/specs"));
	dp = opendir(dir);
	if (dp == NULL) {
		fprintf(stderr, "examples_are_valid: %s does not exist yet; nothing to check\n", dir);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		char path[8192];
		ddbgt_table *t = NULL;
		ddbgt_diags *d = NULL;
		size_t len = strlen(e->d_name);

		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		seen++;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ck_assert_msg(ddbgt_spec_load_file(&t, path, 0, d) == DDBGT_OK, "%s does not load",
		              e->d_name);
		ck_assert_msg(ddbgt_table_validate(t, NULL, d) == DDBGT_OK, "%s is invalid",
		              e->d_name);
		for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
			int ok = ddbgt_diags_severity(d, i) != DDBGT_SEVERITY_WARNING;

			for (size_t k = 0; k < sizeof(expected) / sizeof(expected[0]); k++)
				ok |= strcmp(e->d_name, expected[k].file) == 0 &&
				      ddbgt_diags_code(d, i) == expected[k].warning;
			if (!ok)
				dump(e->d_name, d);
			ck_assert_msg(ok, "%s: unexpected %s at %s", e->d_name,
			              ddbgt_diags_code_name(d, i), ddbgt_diags_path(d, i));
		}
		ddbgt_table_free(t);
		ddbgt_diags_free(d);
	}
	closedir(dp);
	fprintf(stderr, "examples_are_valid: %zu examples checked\n", seen);
}
END_TEST

/* ---- allocation failures: every one gives DDBGT_ENOMEM and leaks nothing ---- */

START_TEST(allocation_failures)
{
	/*
	 * Many findings; a valid multi-account table; refused policies and replication
	 * grants; a grant read through Deny statements and conditions.
	 */
	static const struct {
		const char *spec;
		int verdict;
	} specs[] = {
		{"data/validate/many-problems.json", DDBGT_EINVALID},
		{"../examples/specs/multi-account.json", DDBGT_OK},
		{"../fuzz/corpus/spec/resource-policy-wildcards.json", DDBGT_EINVALID},
		{"../fuzz/corpus/spec/replication-grant-conditions.json", DDBGT_EINVALID},
	};

	for (size_t k = 0; k < sizeof specs / sizeof specs[0]; k++) {
		ddbgt_table *t = NULL;
		ddbgt_test_sweep s;
		int rc = 0;

		ck_assert_int_eq(ddbgt_spec_load_file(&t, ddbgt_test_path(specs[k].spec), 0, NULL), 0);
		ddbgt_test_alloc_install();
		for (ddbgt_test_sweep_start(&s, "validate", 0); ddbgt_test_sweep_next(&s, rc);) {
			ddbgt_diags *d = NULL;

			rc = ddbgt_diags_new(&d);
			if (rc == DDBGT_OK)
				rc = ddbgt_table_validate(t, NULL, d);
			ck_assert_msg(rc == DDBGT_ENOMEM || rc == specs[k].verdict,
			              "%s: allocation %ld: %d", specs[k].spec, s.n, rc);
			ddbgt_diags_free(d);
		}
		ddbgt_test_alloc_uninstall();
		ck_assert_int_eq(s.rc, specs[k].verdict);
		/*
		 * The sweep reached the validator's own allocations, past the diags
		 * list's: a valid table takes fewer since validation keeps its lists
		 * in scratch memory.
		 */
		ck_assert_int_gt(s.n, 5);
		ddbgt_table_free(t);
	}
}
END_TEST

/*
 * Resource entries of a resource-based policy as IAM matches them
 * (lib/rules_access.c): the forms that can name the eu-west-1 replica's
 * table "orders" (or its stream) are accepted, the others refused.
 */
START_TEST(resource_wildcards_match_as_iam_does)
{
	static const struct {
		int stream;
		const char *account; /* replica 1's account_id, or NULL */
		const char *resource;
		int accepted;
	} cases[] = {
		{0, NULL, "*", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/by-status", 1},
		{0, NULL, "arn:aws:dynamodb:*:*:table/orders", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-?:111122223333:table/orders", 1},
		{0, NULL, "arn:aws:dynamodb:eu-*t-1:111122223333:table/orders", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/*", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/*/index/*", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:*", 1},
		{0, NULL, "arn:aws:dynamodb:e*:table/orders", 1},   /* a segment's last * spans colons */
		{0, NULL, "arn:aws:dynamodb:*", 1},
		{0, NULL, "arn:*:dynamodb:eu-west-1:*:table/ord*", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:1111222233??:table/orders", 1},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/*", 1},
		{0, "444455556666", "arn:aws:dynamodb:eu-west-1:444455556666:table/orders", 1},
		{0, "444455556666", "arn:aws:dynamodb:eu-west-1:4444*:table/orders", 1},
		{0, NULL, "arn:aws:dynamodb:e*1:table/orders", 0},  /* that * stays in its segment */
		{0, NULL, "arn:aws:dynamodb:us-east-1:111122223333:table/orders", 0},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders2", 0},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders?", 0},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/other*", 0},
		{0, NULL, "arn:aws:*:eu-west-1:111122223333:table/orders", 0}, /* not in the service */
		{0, NULL, "arn:aws:dynamo??:eu-west-1:111122223333:table/orders", 0},
		{0, NULL, "arn:aws-cn:dynamodb:eu-west-1:111122223333:table/orders", 0},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:1111:table/orders", 0},
		{0, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/", 0},
		{0, NULL, "dynamodb:*", 0},
		{0, "444455556666", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", 0},
		{1, NULL, "*", 1},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/*", 1},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/"
		          "2024-02-12T18:57:26.492", 1},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/*", 1},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:*:table/orders/stream/2024-*", 1},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", 0},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/index/*", 0},
		{1, NULL, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/", 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		json_t *patch = json_pack(
			"{s:[{s:s},{s:s,s:{s:s,s:[{s:s,s:{s:s},s:s,s:s}]}}]}", "replicas", "region",
			"us-east-1", "region", "eu-west-1",
			cases[i].stream ? "stream_resource_policy" : "resource_policy", "Version",
			"2012-10-17", "Statement", "Effect", "Allow", "Principal", "AWS",
			"arn:aws:iam::444455556666:role/reader", "Action", "dynamodb:GetItem", "Resource",
			cases[i].resource);
		ddbgt_diags *d = NULL;
		int loaded;

		ck_assert_ptr_nonnull(patch);
		if (cases[i].account != NULL)
			json_object_set_new(json_array_get(json_object_get(patch, "replicas"), 1),
			                    "account_id", json_string(cases[i].account));
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ddbgt_table_free(run_spec("ondemand", patch, d, &loaded));
		ck_assert(loaded);
		ck_assert_msg(has_code(d, "DDBGT_E_RESOURCE_POLICY_RESOURCE") != cases[i].accepted,
		              "%s in a %s policy: expected %s", cases[i].resource,
		              cases[i].stream ? "stream" : "table",
		              cases[i].accepted ? "accepted" : "refused");
		json_decref(patch);
		ddbgt_diags_free(d);
	}
}
END_TEST

/*
 * The replication grant of a multi-account table (rule 244) read as IAM
 * evaluates a policy: the eu-west-1 replica's statements (Resource is its
 * table unless a form says otherwise) against requests from each of three
 * replicas, us-east-1 (111122223333), eu-west-1 (444455556666) and
 * ap-southeast-2 (777788889999), whose own policies allow everything; a
 * form's "unknown" bits take account_id away from ap-southeast-2 (1) or from
 * eu-west-1 (2). 'A' accepted, 'E' refused (DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY),
 * 'W' not checkable (DDBGT_W_MULTIACCOUNT_REPLICATION_UNCHECKED, no error).
 */
#define GRANT_ALLOW "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":" \
	"\"replication.dynamodb.amazonaws.com\"},\"Action\":[\"dynamodb:ReadDataForReplication\"," \
	"\"dynamodb:WriteDataForReplication\",\"dynamodb:ReplicateSettings\"]," \
	"\"Resource\":\"arn:aws:dynamodb:eu-west-1:444455556666:table/orders\""
#define GRANT_WHEN(cond) GRANT_ALLOW ",\"Condition\":" cond "}"
#define GRANT_ARN(region, account) "\"arn:aws:dynamodb:" region ":" account ":table/orders\""
#define GRANT_DENY(principal, rest) "{\"Effect\":\"Deny\",\"Principal\":" principal "," rest \
	",\"Resource\":\"arn:aws:dynamodb:eu-west-1:444455556666:table/orders\"}"

START_TEST(replication_grant_as_iam_evaluates)
{
	static const struct {
		int verdict;
		int unknown;
		const char *statements;
	} cases[] = {
		/* aws:SourceAccount (the tutorial's form, and CDK's one statement per peer) */
		{'A', 0, GRANT_ALLOW "}"},
		{'A', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":[\"111122223333\","
		                    "\"444455556666\",\"777788889999\"]}}")},
		{'E', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":[\"111122223333\","
		                    "\"444455556666\"]}}")},
		{'A', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":[\"444455556666\","
		                    "\"111122223333\"]}}") ","
		         GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":[\"444455556666\","
		                    "\"777788889999\"]}}")},
		{'E', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:sourceaccount\":\"444455556666\"}}")},
		{'A', 0, GRANT_WHEN("{\"StringEqualsIfExists\":{\"aws:SourceAccount\":[\"111122223333\","
		                    "\"444455556666\",\"777788889999\"]}}")},
		{'A', 0, GRANT_WHEN("{\"ForAnyValue:StringEquals\":{\"aws:SourceAccount\":["
		                    "\"111122223333\",\"444455556666\",\"777788889999\"]}}")},
		{'A', 0, GRANT_WHEN("{\"StringLike\":{\"aws:SourceAccount\":[\"1111*\",\"4444*\","
		                    "\"7777????????\"]}}")},
		{'E', 0, GRANT_WHEN("{\"StringLike\":{\"aws:SourceAccount\":\"4444*\"}}")},
		{'A', 0, GRANT_WHEN("{\"StringNotEquals\":{\"aws:SourceAccount\":\"999999999999\"}}")},
		{'E', 0, GRANT_WHEN("{\"StringNotEquals\":{\"aws:SourceAccount\":\"111122223333\"}}")},
		/* aws:SourceArn: ArnEquals and ArnLike match each of six parts; StringLike the whole */
		{'A', 0, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*:*:table/orders\"}}")},
		{'A', 0, GRANT_WHEN("{\"ArnEquals\":{\"aws:SourceArn\":[" GRANT_ARN("us-east-1", "111122223333")
		                    "," GRANT_ARN("eu-west-1", "444455556666") ","
		                    GRANT_ARN("ap-southeast-2", "777788889999") "]}}")},
		{'E', 0, GRANT_WHEN("{\"ArnEquals\":{\"aws:SourceArn\":[" GRANT_ARN("us-east-1", "111122223333")
		                    "," GRANT_ARN("eu-west-1", "444455556666") "]}}")},
		{'A', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceArn\":[" GRANT_ARN("us-east-1",
		                    "111122223333") "," GRANT_ARN("eu-west-1", "444455556666") ","
		                    GRANT_ARN("ap-southeast-2", "777788889999") "]}}")},
		{'E', 0, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*:444455556666:"
		                    "table/orders\"}}")},
		{'E', 0, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*:*:table/ORDERS\"}}")},
		{'A', 0, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamo*:*:*:table/ord?rs\"}}")},
		{'A', 0, GRANT_WHEN("{\"StringLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*\"}}")},
		{'W', 0, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*\"}}")},
		{'A', 0, GRANT_WHEN("{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*:*:table/old-*\"}}")},
		{'E', 0, GRANT_WHEN("{\"ArnNotEquals\":{\"aws:SourceArn\":" GRANT_ARN("us-east-1",
		                    "111122223333") "}}")},
		/* a Deny that applies to the replication principal overrides the Allow */
		{'E', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"Action\":\"dynamodb:WriteDataForReplication\"")},
		{'E', 0, GRANT_ALLOW "}," GRANT_DENY("{\"Service\":\"replication.dynamodb.amazonaws.com\"}",
		                                     "\"Action\":\"dynamodb:*\"")},
		{'E', 0, GRANT_ALLOW "}," GRANT_DENY("{\"AWS\":\"*\"}", "\"Action\":\"dynamodb:Read*\","
		         "\"Condition\":{\"StringEquals\":{\"aws:PrincipalServiceName\":"
		         "\"replication.dynamodb.amazonaws.com\"}}")},
		{'W', 0, GRANT_ALLOW "}," GRANT_DENY("{\"AWS\":\"*\"}", "\"Action\":\"dynamodb:Read*\","
		         "\"Condition\":{\"StringEquals\":{\"aws:PrincipalServiceName\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"DateLessThan\":{\"aws:CurrentTime\":"
		         "\"2024-04-10T09:51:41Z\"}}")},
		{'E', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"Action\":\"dynamodb:*\",\"Condition\":"
		         "{\"Bool\":{\"aws:PrincipalIsAWSService\":\"true\"}}")},
		{'A', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"Action\":\"dynamodb:*\",\"Condition\":"
		         "{\"Bool\":{\"aws:PrincipalIsAWSService\":false}}")},
		{'A', 0, GRANT_ALLOW "}," GRANT_DENY("{\"AWS\":\"arn:aws:iam::111122223333:root\"}",
		                                     "\"Action\":\"dynamodb:*\"")},
		{'A', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"Action\":\"dynamodb:GetItem\"")},
		{'E', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"NotAction\":\"dynamodb:*ForReplication\"")},
		{'A', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"NotAction\":\"dynamodb:*\"")},
		{'A', 0, GRANT_ALLOW "},{\"Effect\":\"Deny\",\"NotPrincipal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*\","
		         "\"Resource\":\"*\"}"},
		{'E', 0, GRANT_ALLOW "},{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":"
		         "\"arn:aws:iam::444455556666:root\"},\"Action\":\"dynamodb:*\","
		         "\"Resource\":\"*\"}"},
		{'A', 0, GRANT_ALLOW "},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"dynamodb:*\","
		         "\"Resource\":\"arn:aws:dynamodb:eu-west-1:444455556666:table/orders/index/*\"}"},
		{'A', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"Action\":\"dynamodb:*\",\"Condition\":"
		         "{\"StringNotEquals\":{\"aws:SourceAccount\":[\"111122223333\",\"444455556666\","
		         "\"777788889999\"]}}")},
		{'E', 0, GRANT_ALLOW "}," GRANT_DENY("\"*\"", "\"Action\":\"dynamodb:*\",\"Condition\":"
		         "{\"StringNotEquals\":{\"aws:SourceAccount\":[\"111122223333\",\"444455556666\"]}}")},
		/* other keys and operators: proven where the request's values are known, else unchecked */
		{'W', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceOrgID\":\"o-a1b2c3d4e5\"}}")},
		{'W', 0, GRANT_WHEN("{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}")},
		{'W', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":\"${aws:PrincipalAccount}\"}}")},
		{'E', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":\"444455556666\","
		                    "\"aws:SourceOrgID\":\"o-a1b2c3d4e5\"}}")},
		{'A', 0, GRANT_WHEN("{\"StringEquals\":{\"aws:PrincipalServiceName\":"
		                    "\"replication.dynamodb.amazonaws.com\"}}")},
		{'A', 0, GRANT_WHEN("{\"Null\":{\"aws:SourceArn\":\"false\"}}")},
		{'E', 0, GRANT_WHEN("{\"Null\":{\"aws:SourceArn\":\"true\"}}")},
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:*\",\"Resource\":"
		         "\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":[\"111122223333\","
		         "\"444455556666\",\"777788889999\"]}}}"},
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"NotAction\":\"dynamodb:DeleteTable\","
		         "\"Resource\":\"*\"}"},
		{'E', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"NotAction\":\"dynamodb:Replicate*\","
		         "\"Resource\":\"*\"}"},
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*ForReplication\","
		         "\"Resource\":\"*\"},{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:ReplicateSettings\","
		         "\"Resource\":\"*\"}"},
		{'E', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*\",\"NotResource\":"
		         GRANT_ARN("eu-west-1", "444455556666") "}"},
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*\",\"NotResource\":"
		         "\"arn:aws:dynamodb:eu-west-1:444455556666:table/orders/index/*\"}"},
		/* a replica without account_id: its account matches only a wildcard for sure */
		{'W', 1, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":[\"111122223333\","
		                    "\"444455556666\",\"777788889999\"]}}")},
		{'A', 1, GRANT_WHEN("{\"StringLike\":{\"aws:SourceAccount\":\"*\"}}")},
		{'A', 1, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*:*:table/orders\"}}")},
		{'W', 1, GRANT_WHEN("{\"StringLike\":{\"aws:SourceAccount\":[\"1111*\",\"4444*\"]}}")},
		{'W', 1, GRANT_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":[\"111122223333\","
		                    "\"444455556666\"]}}")},
		{'E', 1, GRANT_WHEN("{\"ArnEquals\":{\"aws:SourceArn\":[" GRANT_ARN("us-east-1",
		                    "111122223333") "," GRANT_ARN("eu-west-1", "444455556666") "]}}")},
		{'W', 2, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*\",\"NotResource\":"
		         GRANT_ARN("eu-west-1", "444455556666") "}"},
		{'A', 2, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*\",\"NotResource\":"
		         GRANT_ARN("us-east-1", "555566667777") "}"},
		{'E', 1, GRANT_WHEN("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:dynamodb:*:*:table/other\"}}")},
	};
	static const char open_policy[] =
		"{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
		"{\"Service\":\"replication.dynamodb.amazonaws.com\"},\"Action\":\"dynamodb:*\","
		"\"Resource\":\"*\"}}";

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char text[4096];
		json_error_t err;
		json_t *mine, *open = json_loads(open_policy, 0, &err), *patch;
		ddbgt_diags *d = NULL;
		int loaded, refused, unchecked;

		snprintf(text, sizeof text, "{\"Version\":\"2012-10-17\",\"Statement\":[%s]}",
		         cases[i].statements);
		mine = json_loads(text, 0, &err);
		ck_assert_msg(mine != NULL && open != NULL, "case %zu: %s", i, err.text);
		patch = json_pack("{s:[{s:s,s:s,s:O},{s:s,s:o},{s:s,s:O}]}", "replicas", "region",
		                  "us-east-1", "account_id", "111122223333", "resource_policy", open,
		                  "region", "eu-west-1", "resource_policy", mine, "region",
		                  "ap-southeast-2", "resource_policy", open);
		ck_assert_ptr_nonnull(patch);
		if (!(cases[i].unknown & 2))
			json_object_set_new(json_array_get(json_object_get(patch, "replicas"), 1),
			                    "account_id", json_string("444455556666"));
		if (!(cases[i].unknown & 1))
			json_object_set_new(json_array_get(json_object_get(patch, "replicas"), 2),
			                    "account_id", json_string("777788889999"));
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ddbgt_table_free(run_spec("ondemand", patch, d, &loaded));
		ck_assert(loaded);
		refused = has_code(d, "DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY");
		unchecked = has_code(d, "DDBGT_W_MULTIACCOUNT_REPLICATION_UNCHECKED");
		if (refused != (cases[i].verdict == 'E') || unchecked != (cases[i].verdict == 'W') ||
		    (cases[i].verdict != 'E' && !ddbgt_diags_is_valid(d)))
			dump(cases[i].statements, d);
		ck_assert_msg(refused == (cases[i].verdict == 'E'), "case %zu: expected %c", i,
		              cases[i].verdict);
		ck_assert_msg(unchecked == (cases[i].verdict == 'W'), "case %zu: expected %c", i,
		              cases[i].verdict);
		ck_assert_msg(cases[i].verdict == 'E' || ddbgt_diags_is_valid(d),
		              "case %zu: another error", i);
		json_decref(patch);
		json_decref(open);
		ddbgt_diags_free(d);
	}
}
END_TEST

/*
 * Block Public Access (rule 246) on the forms of its AWS page (rbac-bpa-rbp.html):
 * 'P' public, refused with DDBGT_E_RESOURCE_POLICY_PUBLIC at the statement's
 * Principal; 'A' accepted with no error. The validator refuses only what is
 * public beyond doubt, so conditions it cannot weigh are accepted.
 */
#define BPA_READ ",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\""
#define BPA_EVERYONE_WHEN(cond) "{\"Effect\":\"Allow\",\"Principal\":\"*\"" BPA_READ \
	",\"Condition\":" cond "}"

START_TEST(public_policies_as_block_public_access_reads)
{
	static const struct {
		int verdict;
		int stream;
		const char *statement;
	} cases[] = {
		{'P', 0, "{\"Effect\":\"Allow\",\"Principal\":\"*\"" BPA_READ "}"},
		{'P', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"}" BPA_READ "}"},
		{'P', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"111122223333\",\"*\"]}"
		         BPA_READ "}"},
		{'P', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\",\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"}" BPA_READ "}"},
		{'P', 0, "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"NotAction\":"
		         "\"dynamodb:DeleteTable\",\"Resource\":\"*\"}"},
		{'P', 0, BPA_EVERYONE_WHEN("{}")},
		{'P', 0, BPA_EVERYONE_WHEN("{\"Bool\":{\"aws:PrincipalIsAWSService\":\"false\"}}")},
		{'P', 0, BPA_EVERYONE_WHEN("{\"Bool\":{\"aws:PrincipalIsAWSService\":false}}")},
		{'P', 0, BPA_EVERYONE_WHEN("{\"Bool\":{\"AWS:principalisawsservice\":[\"FALSE\"]}}")},
		{'P', 1, "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetRecords\","
		         "\"Resource\":\"*\"}"},
		/* the page's own non-public forms: named principals, a trusted key */
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"123456789012\","
		         "\"111122223333\"]},\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}"},
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
		         "\"arn:aws:iam::111122223333:user/John\"}" BPA_READ "}"},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:PrincipalArn\":"
		                           "\"arn:aws:iam::111122223333:user/John\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:PrincipalAccount\":\"111122223333\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"ForAnyValue:StringEquals\":{\"aws:PrincipalOrgPaths\":"
		                           "\"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"ArnEquals\":{\"aws:SourceArn\":"
		                           "\"arn:aws:dynamodb:us-east-1:111122223333:table/orders\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1a2b3c4d\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:UserId\":\"AIDAJQABLZS4A3QDU576Q\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:PrincipalServiceName\":"
		                           "\"replication.dynamodb.amazonaws.com\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"ForAnyValue:StringEquals\":{"
		                           "\"aws:PrincipalServiceNamesList\":\"lambda.amazonaws.com\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"Bool\":{\"aws:PrincipalIsAWSService\":\"true\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:Ec2InstanceSourceVpc\":"
		                           "\"vpc-1a2b3c4d\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:SourceOrgID\":\"o-a1b2c3d4e5\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"ForAnyValue:StringEquals\":{\"aws:SourceOrgPaths\":"
		                           "\"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/\"}}")},
		/* one limiting condition is enough beside one that limits nothing */
		{'A', 0, BPA_EVERYONE_WHEN("{\"Bool\":{\"aws:PrincipalIsAWSService\":\"false\"},"
		                           "\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"Bool\":{\"aws:PrincipalIsAWSService\":[\"false\",\"true\"]}}")},
		/* the multi-account replication grant (globaltables_MA_security.html) */
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		         "\"replication.dynamodb.amazonaws.com\"},\"Action\":["
		         "\"dynamodb:ReadDataForReplication\",\"dynamodb:WriteDataForReplication\","
		         "\"dynamodb:ReplicateSettings\"],\"Resource\":\"*\",\"Condition\":{"
		         "\"StringEquals\":{\"aws:SourceAccount\":[\"111122223333\","
		         "\"444455556666\"]}}}"},
		/* a Deny grants nothing */
		{'A', 0, "{\"Effect\":\"Deny\",\"Principal\":\"*\"" BPA_READ "}"},
		{'A', 1, "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":"
		         "\"dynamodb:GetRecords\",\"Resource\":\"*\"}"},
		/* what the page leaves open is never refused: no false alarm */
		{'A', 0, BPA_EVERYONE_WHEN("{\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.0/24\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringLike\":{\"aws:PrincipalOrgPaths\":"
		                           "\"o-a1b2c3d4e5/r-ab12/*\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringEquals\":{\"aws:PrincipalArn\":"
		                           "\"arn:aws:iam::111122223333:user/${aws:username}\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"StringNotEquals\":{\"aws:PrincipalAccount\":"
		                           "\"111122223333\"}}")},
		{'A', 0, BPA_EVERYONE_WHEN("{\"BoolIfExists\":{\"aws:PrincipalIsAWSService\":\"false\"}}")},
		{'A', 0, "{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111122223333\"}" BPA_READ "}"},
		{'A', 0, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"*\"}" BPA_READ "}"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *key = cases[i].stream ? "stream_resource_policy" : "resource_policy";
		char text[1024], path[80];
		json_error_t err;
		json_t *policy, *patch;
		ddbgt_diags *d = NULL;
		int loaded, refused, at = 0;

		snprintf(text, sizeof text, "{\"Version\":\"2012-10-17\",\"Statement\":[%s]}",
		         cases[i].statement);
		policy = json_loads(text, 0, &err);
		ck_assert_msg(policy != NULL, "case %zu: %s", i, err.text);
		patch = json_pack("{s:[{s:s},{s:s,s:o}]}", "replicas", "region", "us-east-1", "region",
		                  "eu-west-1", key, policy);
		ck_assert_ptr_nonnull(patch);
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ddbgt_table_free(run_spec("ondemand", patch, d, &loaded));
		ck_assert(loaded);
		refused = has_code(d, "DDBGT_E_RESOURCE_POLICY_PUBLIC");
		snprintf(path, sizeof path, "/replicas/1/%s/Statement/0/Principal", key);
		for (size_t k = 0; k < ddbgt_diags_count(d); k++)
			at |= strcmp(ddbgt_diags_path(d, k), path) == 0;
		if (refused != (cases[i].verdict == 'P'))
			dump(cases[i].statement, d);
		ck_assert_msg(refused == (cases[i].verdict == 'P'), "case %zu: expected %c", i,
		              cases[i].verdict);
		ck_assert_msg(cases[i].verdict == 'A' ? ddbgt_diags_is_valid(d) : at,
		              "case %zu: %s", i, cases[i].verdict == 'A' ? "another error" : "path");
		json_decref(patch);
		ddbgt_diags_free(d);
	}
}
END_TEST

/* The validator's path formatter writes what snprintf writes, cut to the buffer. */
START_TEST(paths_as_snprintf)
{
	char got[64], want[64];
	for (size_t size = 1; size <= sizeof got; size++) {
		ddbgt__vpathf(got, size, "/replicas/%zu/global_secondary_indexes/%s%s", (size_t)12,
		              "by-status", "/read_capacity");
		snprintf(want, size, "/replicas/%zu/global_secondary_indexes/%s%s", (size_t)12,
		         "by-status", "/read_capacity");
		ck_assert_str_eq(got, want);
		ddbgt__vpathf(got, size, "%zu%%%s", (size_t)0, "");
		snprintf(want, size, "%zu%%%s", (size_t)0, "");
		ck_assert_str_eq(got, want);
	}
	/* A conversion it does not know ends the path after its '%'. */
	ck_assert_str_eq(ddbgt__vpathf(got, sizeof got, "/a/%d/b", 5), "/a/%");
}
END_TEST

Suite *ddbgt_test_validate(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("rules");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_case_triggers_its_code_and_its_twin_does_not);
	tcase_add_test(tc, inexpressible_rules_are_refused_by_the_spec_shape);
	tcase_add_test(tc, every_rule_code_is_tested_both_ways);
	tcase_add_test(tc, builder_lsi_without_sort_key);
	tcase_add_test(tc, builder_missing_partition_key_and_default_gsi_quota);
	tcase_add_test(tc, one_pass_reports_everything);
	tcase_add_test(tc, long_messages_are_whole);
	tcase_add_test(tc, options_and_arguments);
	tcase_add_test(tc, flags_change_severities);
	tcase_add_test(tc, policy_severity_overrides);
	tcase_add_test(tc, options_policy_replaces_the_tables);
	tcase_add_test(tc, duplicate_regions_among_many);
	tcase_add_test(tc, gsi_overrides_in_any_order);
	tcase_add_test(tc, examples_are_valid);
	tcase_add_test(tc, allocation_failures);
	tcase_add_test(tc, paths_as_snprintf);
	tcase_add_test(tc, resource_wildcards_match_as_iam_does);
	tcase_add_test(tc, replication_grant_as_iam_evaluates);
	tcase_add_test(tc, public_policies_as_block_public_access_reads);
	tcase_add_test(tc, attributes_named_by_keys_are_used);
	tcase_add_test(tc, insights_note_names_what_its_mode_records);
	suite_add_tcase(s, tc);
	return s;
}
