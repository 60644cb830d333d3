/*
 * Regressions of defects that fuzzing found, as unit tests of the normal
 * suite (the inputs themselves replay from fuzz/regressions/ too).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"
#include "utf8.h"

static void assert_diags_json_parses(const ddbgt_diags *d)
{
	char *json = NULL;
	ck_assert_int_eq(ddbgt_diags_to_json(&json, d), DDBGT_OK);
	json_t *v = json_loads(json, 0, NULL);
	ck_assert_ptr_nonnull(v);
	json_decref(v);
	ddbgt_free(json);
}

/* Found by fuzz_spec: jansson's syntax error text cut a UTF-8 character in
 * half, and ddbgt_diags_to_json then failed with DDBGT_ENOMEM. */
START_TEST(syntax_error_quoting_half_a_character)
{
	size_t len;
	char *text = ddbgt_test_read_file(
		ddbgt_test_path("../fuzz/regressions/diag-message-cut-utf8.json"), &len);
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, len, 0, d), DDBGT_ESPEC);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_SPEC_SYNTAX));
	assert_diags_json_parses(d);
	ddbgt_diags_free(d);
	free(text);
}
END_TEST

START_TEST(findings_hold_valid_utf8_only)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_REGION_UNKNOWN, DDBGT_SEVERITY_ERROR,
	                                 "/replicas/0/region", "eu-\xff", "bad \xce"),
	                 DDBGT_OK);
	/* Overlong, surrogate and beyond-U+10FFFF forms go too; good characters stay. */
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_REGION_UNKNOWN, DDBGT_SEVERITY_ERROR,
	                                 "/\xc0\xaf", NULL, "\xed\xa0\x80 \xf4\x90\x80\x80 \xc3\xa9"),
	                 DDBGT_OK);
	ck_assert_str_eq(ddbgt_diags_region(d, 0), "eu-?");
	ck_assert_str_eq(ddbgt_diags_message(d, 0), "bad ?");
	ck_assert_str_eq(ddbgt_diags_path(d, 1), "/??");
	ck_assert_str_eq(ddbgt_diags_message(d, 1), "??? ???? \xc3\xa9");
	assert_diags_json_parses(d);
	ddbgt_diags_free(d);
}
END_TEST

/* Found by fuzz_spec (UBSan): an empty object as the first value with
 * members in the reader copied from its NULL member stack. */
START_TEST(empty_containers_first)
{
	static const char *const docs[] = {
		"{\"format\":{}}", "{\"a\":[],\"b\":{}}", "{}", "[]", "[{}]", "{\"x\":[[],{}]}",
	};
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		ddbgt_diags *d = NULL;
		ddbgt_table *t = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_load_string(&t, docs[i], strlen(docs[i]), 0, d), DDBGT_ESPEC);
		ck_assert_ptr_null(t);
		ck_assert_uint_gt(ddbgt_diags_error_count(d), 0);
		ddbgt_diags_free(d);
	}
}
END_TEST

/* Found by reviewing what the writers quote (and replayed by fuzz_pipeline): a
 * cost recommendation quoting a long multi-byte region was cut inside a
 * character to fit its buffer, and ddbgt_cost_report_to_json failed with
 * DDBGT_ENOMEM; the text report's REGION column cut it the same way. */
START_TEST(cost_recommendation_cut_inside_a_character)
{
	size_t len;
	char *text = ddbgt_test_read_file(
		ddbgt_test_path("../fuzz/regressions/cost-recommendation-cut-utf8.json"), &len);
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, len, 0, NULL), DDBGT_OK);
	ddbgt_cost_report *r = NULL;
	ck_assert_int_eq(ddbgt_cost_estimate(&r, t, NULL, NULL), DDBGT_OK);
	ck_assert_uint_gt(ddbgt_cost_report_recommendation_count(r), 0);
	char *json = NULL;
	ck_assert_int_eq(ddbgt_cost_report_to_json(&json, r), DDBGT_OK);
	json_t *v = json_loads(json, 0, NULL);
	ck_assert_ptr_nonnull(v);
	json_decref(v);
	ddbgt_free(json);
	/* The text report's columns cut long names too: between characters. */
	char *text_report = NULL;
	ck_assert_int_eq(ddbgt_cost_report_to_text(&text_report, r), DDBGT_OK);
	ck_assert(ddbgt__utf8_valid(text_report));
	ddbgt_free(text_report);
	ddbgt_cost_report_free(r);
	ddbgt_table_free(t);
	free(text);
}
END_TEST

Suite *ddbgt_test_reliability(void)
{
	Suite *s = suite_create("reliability");
	TCase *tc = tcase_create("fuzz-regressions");
	tcase_add_test(tc, syntax_error_quoting_half_a_character);
	tcase_add_test(tc, findings_hold_valid_utf8_only);
	tcase_add_test(tc, empty_containers_first);
	tcase_add_test(tc, cost_recommendation_cut_inside_a_character);
	suite_add_tcase(s, tc);
	return s;
}
