/* Findings with their file, line and column: spec positions, ddbgt_diags_locate, SARIF. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"

/* many-problems.json, validated, its findings placed in "many.json". */
static ddbgt_diags *located_findings(ddbgt_spec_positions **positions)
{
	size_t len = 0;
	char *text = ddbgt_test_read_file(ddbgt_test_path("data/validate/many-problems.json"), &len);
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, len, 0, d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	ck_assert_int_eq(ddbgt_spec_positions_new(positions, text, len, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_locate(d, "many.json", *positions), DDBGT_OK);
	ddbgt_table_free(t);
	free(text);
	return d;
}

static size_t find(const ddbgt_diags *d, ddbgt_code code)
{
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		if (ddbgt_diags_code(d, i) == code)
			return i;
	ck_abort_msg("code %d not found", (int)code);
	return 0;
}

START_TEST(positions_of_values_and_of_defaults)
{
	static const char text[] = "{\"a\": {\"b~/\": [1,\n  {\"c\": true}]}}";
	ddbgt_spec_positions *p = NULL;
	int line, column;
	ck_assert_int_eq(ddbgt_spec_positions_new(&p, text, strlen(text), 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_positions_find(&line, &column, p, ""), DDBGT_OK);
	ck_assert(line == 1 && column == 1);
	/* "~" and "/" in a key are "~0" and "~1" in the pointer (RFC 6901). */
	ck_assert_int_eq(ddbgt_spec_positions_find(&line, &column, p, "/a/b~0~1/1/c"), DDBGT_OK);
	ck_assert(line == 2 && column == 9);
	ck_assert_int_eq(ddbgt_spec_positions_find(&line, &column, p, "/a/b~0~1/0"), DDBGT_OK);
	ck_assert(line == 1 && column == 16);
	/* A value the document leaves out sits where its nearest present parent is. */
	ck_assert_int_eq(ddbgt_spec_positions_find(&line, &column, p, "/a/missing/deeper"),
	                 DDBGT_OK);
	ck_assert(line == 1 && column == 7);
	ck_assert_int_eq(ddbgt_spec_positions_find(&line, &column, p, "no-slash"), DDBGT_EINVAL);
	ck_assert(line == 0 && column == 0);
	ck_assert_int_eq(ddbgt_spec_positions_find(&line, &column, NULL, "/a"), DDBGT_EINVAL);
	ddbgt_spec_positions_free(p);
	ddbgt_spec_positions_free(NULL);
	/* Not JSON: no map (the loader says why). */
	ck_assert_int_eq(ddbgt_spec_positions_new(&p, "{\"a\":", 5, 0), DDBGT_ESPEC);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(ddbgt_spec_positions_new(NULL, text, 1, 0), DDBGT_EINVAL);
	/* A flag this version does not know is refused, as by the load calls. */
	ck_assert_int_eq(ddbgt_spec_positions_new(&p, text, strlen(text), 0x80000000u), DDBGT_EINVAL);
	ck_assert_ptr_null(p);
}
END_TEST

START_TEST(validator_findings_get_file_line_and_column)
{
	ddbgt_spec_positions *p = NULL;
	ddbgt_diags *d = located_findings(&p);
	size_t i = find(d, DDBGT_E_TABLE_NAME_INVALID);
	ck_assert_str_eq(ddbgt_diags_file(d, i), "many.json");
	ck_assert_int_eq(ddbgt_diags_line(d, i), 4);
	ck_assert_int_eq(ddbgt_diags_column(d, i), 13);
	i = find(d, DDBGT_E_KMS_KEY_REGION_MISMATCH);
	ck_assert_int_eq(ddbgt_diags_line(d, i), 14);
	/* Every finding now has a place. */
	for (i = 0; i < ddbgt_diags_count(d); i++) {
		ck_assert_str_eq(ddbgt_diags_file(d, i), "many.json");
		ck_assert_int_gt(ddbgt_diags_line(d, i), 0);
	}
	/* A second spec's findings keep theirs when the lists merge. */
	ddbgt_diags *other = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&other), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(other, DDBGT_E_REGION_UNKNOWN, DDBGT_SEVERITY_ERROR,
	                                 "/replicas/0/region", NULL, "m"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_locate(other, "other.json", NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_append(d, other), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_locate(d, "third.json", p), DDBGT_OK);
	size_t last = ddbgt_diags_count(d) - 1;
	ck_assert_str_eq(ddbgt_diags_file(d, last), "other.json");
	ck_assert_int_eq(ddbgt_diags_line(d, last), 0);
	ck_assert_str_eq(ddbgt_diags_file(d, 0), "many.json");
	ck_assert_ptr_null(ddbgt_diags_file(d, last + 1));
	ck_assert_int_eq(ddbgt_diags_locate(NULL, "x", p), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_diags_locate(d, "\xff", p), DDBGT_EINVAL);
	ddbgt_diags_free(other);
	/* The JSON form carries them. */
	char *json = NULL;
	ck_assert_int_eq(ddbgt_diags_to_json(&json, d), DDBGT_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"file\": \"many.json\",\n      \"line\": 4,\n      "
	                                   "\"column\": 13"));
	ddbgt_free(json);
	/* Clearing the list forgets its files too. */
	ddbgt_diags_clear(d);
	ck_assert_ptr_null(ddbgt_diags_file(d, 0));
	ddbgt_diags_free(d);
	ddbgt_spec_positions_free(p);
}
END_TEST

static json_t *at(json_t *v, const char *key) { return json_object_get(v, key); }

START_TEST(sarif_log)
{
	ddbgt_spec_positions *p = NULL;
	ddbgt_diags *d = located_findings(&p);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_W_PRICE_MISSING, DDBGT_SEVERITY_WARNING, "", NULL,
	                                 "no file"),
	                 DDBGT_OK);
	char *text = NULL;
	ck_assert_int_eq(ddbgt_diags_to_sarif(&text, d), DDBGT_OK);
	json_error_t err;
	json_t *log = json_loads(text, 0, &err);
	ck_assert_msg(log != NULL, "%s", err.text);
	ck_assert_str_eq(json_string_value(at(log, "version")), "2.1.0");
	json_t *run = json_array_get(at(log, "runs"), 0);
	ck_assert_uint_eq(json_array_size(at(log, "runs")), 1);
	json_t *rules = at(at(at(run, "tool"), "driver"), "rules");
	ck_assert_uint_eq(json_array_size(rules), ddbgt_code_count());
	json_t *results = at(run, "results");
	ck_assert_uint_eq(json_array_size(results), ddbgt_diags_count(d));
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		json_t *r = json_array_get(results, i);
		size_t rule = (size_t)json_integer_value(at(r, "ruleIndex"));
		ck_assert_str_eq(json_string_value(at(json_array_get(rules, rule), "id")),
		                 ddbgt_diags_code_name(d, i));
		json_t *loc = json_array_get(at(r, "locations"), 0);
		json_t *phys = at(loc, "physicalLocation");
		if (ddbgt_diags_file(d, i)) {
			ck_assert_str_eq(json_string_value(at(at(phys, "artifactLocation"), "uri")),
			                 "many.json");
			ck_assert_int_eq(json_integer_value(at(at(phys, "region"), "startLine")),
			                 ddbgt_diags_line(d, i));
		} else {
			ck_assert_ptr_null(phys);
			ck_assert_str_eq(json_string_value(at(r, "level")), "warning");
		}
	}
	json_decref(log);
	ddbgt_free(text);
	/* File names become URI references: a space and a "#" are escaped. */
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_REGION_UNKNOWN, DDBGT_SEVERITY_ERROR, "", NULL,
	                                 "m"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_locate(d, "my specs/#1.json", NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_to_sarif(&text, d), DDBGT_OK);
	ck_assert_ptr_nonnull(strstr(text, "\"uri\": \"my%20specs/%231.json\""));
	ddbgt_free(text);
	ck_assert_int_eq(ddbgt_diags_to_sarif(&text, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_diags_to_sarif(NULL, d), DDBGT_EINVAL);
	ddbgt_diags_free(d);
	ddbgt_spec_positions_free(p);
}
END_TEST

Suite *ddbgt_test_locate(void)
{
	Suite *s = suite_create("locate");
	TCase *tc = tcase_create("locate");
	tcase_add_test(tc, positions_of_values_and_of_defaults);
	tcase_add_test(tc, validator_findings_get_file_line_and_column);
	tcase_add_test(tc, sarif_log);
	suite_add_tcase(s, tc);
	return s;
}
