/* The diagnostics list and the code catalogue. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "diag_internal.h"
#include "testutil.h"

START_TEST(catalogue_is_sorted_unique_and_complete)
{
	ck_assert_uint_gt(ddbgt_code_count(), 80);
	for (size_t i = 0; i < ddbgt_code_count(); i++) {
		ddbgt_code c = ddbgt_code_at(i);
		const char *name = ddbgt_code_name(c);
		ck_assert_ptr_nonnull(name);
		if (i > 0)
			ck_assert_int_lt(ddbgt_code_at(i - 1), c);
		ck_assert_int_eq(ddbgt_code_from_name(name), c);
		/* The name says the default severity: DDBGT_E_, DDBGT_W_ or DDBGT_I_. */
		ddbgt_severity sev = ddbgt_code_severity(c);
		char letter = sev == DDBGT_SEVERITY_ERROR ? 'E' : sev == DDBGT_SEVERITY_WARNING ? 'W' : 'I';
		ck_assert_msg(strncmp(name, "DDBGT_", 6) == 0 && name[6] == letter && name[7] == '_',
		              "%s has severity %d", name, sev);
		ck_assert_msg(ddbgt_code_summary(c) && ddbgt_code_summary(c)[0], "%s: no summary", name);
		ck_assert_msg(ddbgt_code_source(c) && ddbgt_code_source(c)[0], "%s: no source", name);
		ck_assert_ptr_nonnull(ddbgt_code_hint(c));
	}
	ck_assert_int_eq(ddbgt_code_at(ddbgt_code_count()), DDBGT_CODE_NONE);
	ck_assert_ptr_null(ddbgt_code_name(DDBGT_CODE_NONE));
	ck_assert_ptr_null(ddbgt_code_name((ddbgt_code)99999));
	ck_assert_int_eq(ddbgt_code_from_name("DDBGT_E_NOPE"), DDBGT_CODE_NONE);
	ck_assert_int_eq(ddbgt_code_from_name(NULL), DDBGT_CODE_NONE);
	ck_assert_ptr_null(ddbgt_code_summary((ddbgt_code)99999));
	ck_assert_int_eq(ddbgt_code_severity((ddbgt_code)99999), DDBGT_SEVERITY_OFF);
	/* Stable values: released codes never move. */
	ck_assert_int_eq(DDBGT_E_SPEC_SYNTAX, 1);
	ck_assert_int_eq(DDBGT_E_SPEC_UNKNOWN_KEY, 6);
	ck_assert_int_eq(DDBGT_E_TABLE_NAME_INVALID, 100);
}
END_TEST

START_TEST(add_and_read)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	ck_assert(ddbgt_diags_is_valid(d));
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_REGION_DUPLICATE, DDBGT_SEVERITY_ERROR,
	                                 "/replicas/2/region", "eu-west-1", "twice"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_W_REGION_OPT_IN, DDBGT_SEVERITY_WARNING, NULL,
	                                 NULL, NULL),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_W_REGION_OPT_IN, DDBGT_SEVERITY_OFF, "/x", NULL,
	                                 "dropped"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt__diag_addf(d, DDBGT_I_TRANSACTIONS_REGIONAL, "/table", NULL,
	                                  "%d regions", 3),
	                 DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 3);
	ck_assert_uint_eq(ddbgt_diags_error_count(d), 1);
	ck_assert_uint_eq(ddbgt_diags_warning_count(d), 1);
	ck_assert_uint_eq(ddbgt_diags_info_count(d), 1);
	ck_assert(!ddbgt_diags_is_valid(d));
	ck_assert(ddbgt_diags_has(d, DDBGT_W_REGION_OPT_IN));
	ck_assert(!ddbgt_diags_has(d, DDBGT_E_LSI_LIMIT));
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_REGION_DUPLICATE);
	ck_assert_str_eq(ddbgt_diags_code_name(d, 0), "DDBGT_E_REGION_DUPLICATE");
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_ERROR);
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/replicas/2/region");
	ck_assert_str_eq(ddbgt_diags_region(d, 0), "eu-west-1");
	ck_assert_str_eq(ddbgt_diags_message(d, 0), "twice");
	ck_assert_str_eq(ddbgt_diags_path(d, 1), "");
	ck_assert_ptr_null(ddbgt_diags_region(d, 1));
	ck_assert_str_eq(ddbgt_diags_message(d, 1), "");
	ck_assert_str_eq(ddbgt_diags_message(d, 2), "3 regions");
	ck_assert_int_eq(ddbgt_diags_severity(d, 2), DDBGT_SEVERITY_INFO);
	/* Out of range. */
	ck_assert_int_eq(ddbgt_diags_code(d, 3), DDBGT_CODE_NONE);
	ck_assert_ptr_null(ddbgt_diags_path(d, 3));
	ck_assert_ptr_null(ddbgt_diags_message(d, 99));
	ck_assert_int_eq(ddbgt_diags_line(d, 99), 0);
	/* Bad arguments. */
	ck_assert_int_eq(ddbgt_diags_add(d, (ddbgt_code)4242, DDBGT_SEVERITY_ERROR, "", NULL, ""),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_LSI_LIMIT, (ddbgt_severity)7, "", NULL, ""),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_diags_add(NULL, DDBGT_E_LSI_LIMIT, DDBGT_SEVERITY_ERROR, "", NULL, ""),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_diags_new(NULL), DDBGT_EINVAL);
	/* Append, also to itself. */
	ck_assert_int_eq(ddbgt_diags_append(d, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 6);
	ck_assert_uint_eq(ddbgt_diags_error_count(d), 2);
	ck_assert_str_eq(ddbgt_diags_region(d, 3), "eu-west-1");
	ck_assert_int_eq(ddbgt_diags_append(NULL, d), DDBGT_EINVAL);
	ddbgt_diags_clear(d);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	ck_assert(ddbgt_diags_is_valid(d));
	ddbgt_diags_free(d);
	ddbgt_diags_free(NULL);
	ck_assert_uint_eq(ddbgt_diags_count(NULL), 0);
}
END_TEST

START_TEST(long_messages_are_kept_whole)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_int_eq(ddbgt__diag_addf(d, DDBGT_E_TAG_VALUE_INVALID, "/table/tags/k", NULL,
	                                  "value %s!", big),
	                 DDBGT_OK);
	ck_assert_uint_eq(strlen(ddbgt_diags_message(d, 0)), sizeof big - 1 + 7);
	ddbgt_diags_free(d);
}
END_TEST

START_TEST(json_and_text_output)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_REGION_DUPLICATE, DDBGT_SEVERITY_ERROR,
	                                 "/replicas/2/region", "eu-west-1",
	                                 "region \"eu-west-1\" appears twice"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt__diag_add_at(d, DDBGT_E_SPEC_SYNTAX, "", 3, 14, "bad"), DDBGT_OK);
	char *text = NULL;
	ck_assert_int_eq(ddbgt_diags_to_json(&text, d), DDBGT_OK);
	json_error_t err;
	json_t *doc = json_loads(text, 0, &err);
	ck_assert_msg(doc != NULL, "not JSON: %s", err.text);
	ck_assert(json_is_false(json_object_get(doc, "valid")));
	ck_assert_int_eq(json_integer_value(json_object_get(doc, "errors")), 2);
	ck_assert_int_eq(json_integer_value(json_object_get(doc, "warnings")), 0);
	json_t *first = json_array_get(json_object_get(doc, "diagnostics"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(first, "code")),
	                 "DDBGT_E_REGION_DUPLICATE");
	ck_assert_str_eq(json_string_value(json_object_get(first, "severity")), "error");
	ck_assert_str_eq(json_string_value(json_object_get(first, "path")), "/replicas/2/region");
	ck_assert_str_eq(json_string_value(json_object_get(first, "region")), "eu-west-1");
	ck_assert_ptr_null(json_object_get(first, "line"));
	json_t *second = json_array_get(json_object_get(doc, "diagnostics"), 1);
	ck_assert(json_is_null(json_object_get(second, "region")));
	ck_assert_int_eq(json_integer_value(json_object_get(second, "line")), 3);
	ck_assert_int_eq(json_integer_value(json_object_get(second, "column")), 14);
	json_decref(doc);
	/* Key order is the documented one, and the text ends with a newline. */
	ck_assert_ptr_nonnull(strstr(text, "{\n  \"valid\": false,\n  \"errors\": 2,"));
	ck_assert_int_eq(text[strlen(text) - 1], '\n');
	ddbgt_free(text);
	ck_assert_int_eq(ddbgt_diags_to_text(&text, d), DDBGT_OK);
	ck_assert_str_eq(text, "error DDBGT_E_REGION_DUPLICATE /replicas/2/region (eu-west-1): "
	                       "region \"eu-west-1\" appears twice\n"
	                       "error DDBGT_E_SPEC_SYNTAX / line 3 column 14: bad\n");
	ddbgt_free(text);
	ck_assert_int_eq(ddbgt_diags_to_json(NULL, d), DDBGT_EINVAL);
	text = (char *)1;
	ck_assert_int_eq(ddbgt_diags_to_text(&text, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(text);
	ddbgt_diags_free(d);
}
END_TEST

Suite *ddbgt_test_diag(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");
	tcase_add_test(tc, catalogue_is_sorted_unique_and_complete);
	tcase_add_test(tc, add_and_read);
	tcase_add_test(tc, long_messages_are_kept_whole);
	tcase_add_test(tc, json_and_text_output);
	suite_add_tcase(s, tc);
	return s;
}
