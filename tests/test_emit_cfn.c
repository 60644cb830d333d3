/*
 * The CloudFormation target: golden templates of the example specs in JSON
 * and YAML (byte for byte), the YAML renderer's quoting, Fn::Sub escaping,
 * refusals, options and allocation failures. cfn-lint checks the same
 * templates in tests/cfn-lint.sh (make check-cloudformation).
 *
 * DDBGT_REGEN_GOLDEN=1 make check rewrites the golden files under
 * tests/data/cloudformation/ from the current output: only on purpose.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "alloc.h"
#include "testutil.h"
#include "yamlwrite.h"

static void cfn_options(ddbgt_emit_options *o, int format)
{
	ck_assert_int_eq(ddbgt_emit_options_init(o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	o->target = DDBGT_EMIT_CLOUDFORMATION;
	o->format = format;
}

/* ---- golden templates ---- */

#define EX "../examples/specs/"
#define CFN "data/cloudformation/"

static const struct golden {
	const char *spec;
	const char *golden; /* under tests/data/cloudformation/, with its extension */
	int format;
	int parameters;
	/* The emitter's findings, in order, as code names joined by spaces. */
	const char *findings;
} goldens[] = {
	{EX "two-region-on-demand.json", "two-region-on-demand.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "two-region-on-demand.json", "two-region-on-demand.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "two-region-on-demand.json", "two-region-on-demand.parameters.yaml",
	 DDBGT_EMIT_FORMAT_YAML, 1, ""},
	{EX "three-region-cmk-pitr.json", "three-region-cmk-pitr.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "three-region-cmk-pitr.json", "three-region-cmk-pitr.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "primary-standby-ia.json", "primary-standby-ia.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "primary-standby-ia.json", "primary-standby-ia.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "provisioned-gsi.json", "provisioned-gsi.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "provisioned-gsi.json", "provisioned-gsi.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "tags-hostile.json", "tags-hostile.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "tags-hostile.json", "tags-hostile.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "mrsc-witness.json", "mrsc-witness.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "mrsc-witness.json", "mrsc-witness.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "autoscaling-tuning.json", "autoscaling-tuning.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "contributor-insights-mode.json", "contributor-insights-mode.json",
	 DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "index-key-objects.json", "index-key-objects.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "kinesis-stream.json", "kinesis-stream.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "multi-attribute-gsi.json", "multi-attribute-gsi.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "multi-attribute-gsi.json", "multi-attribute-gsi.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "replica-on-demand.json", "replica-on-demand.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "warm-throughput.json", "warm-throughput.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "resource-policy.json", "resource-policy.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{EX "resource-policy.json", "resource-policy.yaml", DDBGT_EMIT_FORMAT_YAML, 0, ""},
	{EX "operations.json", "operations.json", DDBGT_EMIT_FORMAT_JSON, 0,
	 "DDBGT_W_EMIT_OPS_OTHER_REGION DDBGT_W_EMIT_OPS_OTHER_REGION"},
	{EX "operations.json", "operations.parameters.yaml", DDBGT_EMIT_FORMAT_YAML, 1,
	 "DDBGT_W_EMIT_OPS_OTHER_REGION DDBGT_W_EMIT_OPS_OTHER_REGION"},
	{"data/emit/specs/operations-provisioned.json", "operations-provisioned.json",
	 DDBGT_EMIT_FORMAT_JSON, 0, "DDBGT_W_EMIT_OPS_OTHER_REGION DDBGT_W_EMIT_OPS_OTHER_REGION"},
	{CFN "specs/operations-kms-aliases.json", "operations-kms-aliases.json",
	 DDBGT_EMIT_FORMAT_JSON, 0,
	 "DDBGT_W_EMIT_OPS_OTHER_REGION DDBGT_W_EMIT_OPS_OTHER_REGION "
	 "DDBGT_W_EMIT_OPS_OTHER_REGION"},
	{"data/emit/specs/kms-key-ids.json", "kms-key-ids.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{"data/emit/specs/strong-three.json", "strong-three.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	{CFN "specs/provisioned-fixed.json", "provisioned-fixed.json", DDBGT_EMIT_FORMAT_JSON, 0,
	 "DDBGT_W_EMIT_CFN_IMPORT DDBGT_I_EMIT_CFN_WRITE_PINNED DDBGT_I_EMIT_CFN_WRITE_PINNED"},
	{CFN "specs/provisioned-fixed.json", "provisioned-fixed.yaml", DDBGT_EMIT_FORMAT_YAML, 0,
	 "DDBGT_W_EMIT_CFN_IMPORT DDBGT_I_EMIT_CFN_WRITE_PINNED DDBGT_I_EMIT_CFN_WRITE_PINNED"},
};

/* Companion templates: another region's operations (emit option stack_region). */
static const struct companion {
	struct golden g;
	const char *stack_region;
} companions[] = {
	{{EX "operations.json", "operations.eu-west-1.json", DDBGT_EMIT_FORMAT_JSON, 0, ""},
	 "eu-west-1"},
	{{"data/emit/specs/operations-provisioned.json", "operations-provisioned.ap-southeast-2.yaml",
	  DDBGT_EMIT_FORMAT_YAML, 1, ""},
	 "ap-southeast-2"},
};

static void check_golden(const struct golden *g, const char *stack_region)
{
	ddbgt_table *t = ddbgt_test_load(g->spec);
	ddbgt_emit_options o;
	cfn_options(&o, g->format);
	o.parameters = g->parameters;
	o.stack_region = stack_region;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, &o, d);

	char path[256], findings[512];
	snprintf(path, sizeof path, CFN "%s", g->golden);
	if (getenv("DDBGT_REGEN_GOLDEN")) {
		FILE *f = fopen(ddbgt_test_path(path), "wb");
		ck_assert_ptr_nonnull(f);
		fputs(out, f);
		fclose(f);
	}
	char *want = ddbgt_test_read_file(ddbgt_test_path(path), NULL);
	ck_assert_msg(strcmp(out, want) == 0,
	              "%s differs from its golden file %s (DDBGT_REGEN_GOLDEN=1 regenerates)",
	              g->spec, path);
	ddbgt_test_emitter_findings(d, findings, sizeof findings);
	ck_assert_str_eq(findings, g->findings);

	/* YAML is the JSON template's tree: the same emit in JSON, rendered, gives the same bytes. */
	o.format = DDBGT_EMIT_FORMAT_JSON;
	char *json = ddbgt_test_emit_ok(t, &o, NULL);
	json_error_t err;
	json_t *doc = json_loads(json, 0, &err);
	ck_assert_msg(doc != NULL, "%s: not JSON: %s line %d", path, err.text, err.line);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "AWSTemplateFormatVersion")),
	                 "2010-09-09");
	json_decref(doc);
	if (g->format == DDBGT_EMIT_FORMAT_YAML) {
		char *yaml = NULL;
		ck_assert_int_eq(ddbgt__yaml_from_json(&yaml, NULL, json, strlen(json)), DDBGT_OK);
		ck_assert_str_eq(yaml, out);
		ddbgt__free(yaml);
	} else {
		ck_assert_str_eq(json, out);
	}
	ddbgt_free(json);

	free(want);
	ddbgt_free(out);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}

START_TEST(golden_templates)
{
	check_golden(&goldens[_i], NULL);
}
END_TEST

START_TEST(companion_templates)
{
	check_golden(&companions[_i].g, companions[_i].stack_region);
}
END_TEST

/* ---- the YAML renderer ---- */

START_TEST(yaml_quotes_what_yaml_would_misread)
{
	static const char *const json =
		"{\"plain\":\"AWS::DynamoDB::GlobalTable\",\"path\":\"alias/keys-table\","
		"\"date\":\"2010-09-09\",\"number\":\"123\",\"float\":\"1e3\",\"bool\":\"yes\","
		"\"BOOL\":\"Off\",\"letter\":\"N\",\"null\":\"null\",\"tilde\":\"~\",\"empty\":\"\","
		"\"colon\":\"a: b\",\"comment\":\"a #b\",\"colon-end\":\"key:\",\"star\":\"*alias\","
		"\"dash\":\"-x\",\"space\":\" lead\",\"quote\":\"say \\\"hi\\\"\","
		"\"ctl\":\"\\u0001\\n\\t\\u007f\",\"nel\":\"a\\u0085b\\u2028c\\u2029d\\ufeff\","
		"\"utf8\":\"\xc3\xa9t\xc3\xa9\",\"int\":-5,\"real\":72.5,\"t\":true,\"f\":false,"
		"\"n\":null,\"list\":[1,[],{},[\"x\"],{\"a\":{\"b\":[]}}],\"obj\":{}}";
	static const char *const want =
		"plain: AWS::DynamoDB::GlobalTable\n"
		"path: alias/keys-table\n"
		"date: \"2010-09-09\"\n"
		"number: \"123\"\n"
		"float: \"1e3\"\n"
		"bool: \"yes\"\n"
		"BOOL: \"Off\"\n"
		"letter: \"N\"\n"
		"\"null\": \"null\"\n"
		"tilde: \"~\"\n"
		"empty: \"\"\n"
		"colon: \"a: b\"\n"
		"comment: \"a #b\"\n"
		"colon-end: \"key:\"\n"
		"star: \"*alias\"\n"
		"dash: \"-x\"\n"
		"space: \" lead\"\n"
		"quote: \"say \\\"hi\\\"\"\n"
		"ctl: \"\\x01\\n\\t\\x7f\"\n"
		"nel: \"a\\Nb\\Lc\\Pd\\uFEFF\"\n"
		"utf8: \"\xc3\xa9t\xc3\xa9\"\n"
		"int: -5\n"
		"real: 72.5\n"
		"t: true\n"
		"f: false\n"
		"\"n\": null\n"
		"list:\n"
		"  - 1\n"
		"  - []\n"
		"  - {}\n"
		"  - - x\n"
		"  - a:\n"
		"      b: []\n"
		"obj: {}\n";
	char *out = NULL;
	size_t len = 0;
	ck_assert_int_eq(ddbgt__yaml_from_json(&out, &len, json, strlen(json)), DDBGT_OK);
	ck_assert_str_eq(out, want);
	ck_assert_uint_eq(len, strlen(want));
	ddbgt__free(out);

	/* Not one JSON document: refused, nothing written. */
	out = (char *)1;
	ck_assert_int_eq(ddbgt__yaml_from_json(&out, NULL, "{\"a\":", 5), DDBGT_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(ddbgt__yaml_from_json(&out, NULL, "\"\xc3\x28\"", 4), DDBGT_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(ddbgt__yaml_from_json(NULL, NULL, "1", 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt__yaml_from_json(&out, NULL, NULL, 0), DDBGT_EINVAL);
}
END_TEST

/* ---- behaviour ---- */

static ddbgt_table *two_regions(const char *name)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, name), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PAY_PER_REQUEST), DDBGT_OK);
	const char *regions[] = {"us-east-1", "eu-west-1"};
	for (size_t i = 0; i < 2; i++) {
		ddbgt_replica *r = NULL;
		ck_assert_int_eq(ddbgt_replica_new(&r, regions[i]), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	}
	return t;
}

/* A name only a caller that vouches for the table (opts.validated) can hand over. */
START_TEST(user_text_is_escaped_inside_fn_sub)
{
	ddbgt_table *t = two_regions("a${AWS::Region}b");
	ddbgt_emit_options o;
	cfn_options(&o, 0);
	o.parameters = 1;
	o.validated = 1;
	char *out = ddbgt_test_emit_ok(t, &o, NULL);
	json_error_t err;
	json_t *doc = json_loads(out, 0, &err);
	ck_assert_ptr_nonnull(doc);
	json_t *name = json_object_get(
		json_object_get(json_object_get(json_object_get(doc, "Resources"), "Table"),
		                "Properties"),
		"TableName");
	ck_assert_str_eq(json_string_value(json_object_get(name, "Fn::Sub")),
	                 "${TableNamePrefix}a${!AWS::Region}b");
	json_t *param = json_object_get(json_object_get(doc, "Parameters"), "TableNamePrefix");
	ck_assert_str_eq(json_string_value(json_object_get(param, "Type")), "String");
	ck_assert_str_eq(json_string_value(json_object_get(param, "Default")), "");
	/* The outputs name the table by reference, never by its text. */
	ck_assert_ptr_null(strstr(out, "a${AWS::Region}b\","));
	json_decref(doc);
	ddbgt_free(out);

	/* Without parameters the name is a plain string, which CloudFormation does not interpret. */
	o.parameters = 0;
	out = ddbgt_test_emit_ok(t, &o, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\"TableName\": \"a${AWS::Region}b\""));
	ck_assert_ptr_null(strstr(out, "\"Parameters\""));
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(legacy_tables_are_refused)
{
	ddbgt_table *t = ddbgt_test_load(EX "legacy.json");
	ddbgt_emit_options o;
	cfn_options(&o, DDBGT_EMIT_FORMAT_YAML);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_TARGET_MISMATCH));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

static void refused_option(const ddbgt_emit_options *o, const char *words)
{
	ddbgt_table *t = two_regions("orders");
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, o, d), DDBGT_EINVAL);
	ck_assert_ptr_null(out);
	ck_assert_uint_eq(ddbgt_diags_count(d), 1);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_EMIT_OPTION);
	ck_assert_msg(strstr(ddbgt_diags_message(d, 0), words), "%s", ddbgt_diags_message(d, 0));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}

START_TEST(options_that_do_not_apply_are_refused)
{
	ddbgt_emit_options o;
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	o.format = DDBGT_EMIT_FORMAT_YAML;
	refused_option(&o, "format YAML");
	o.format = 0;
	o.parameters = 1;
	refused_option(&o, "parameters");
	cfn_options(&o, 7);
	refused_option(&o, "format is not");
	cfn_options(&o, 0);
	o.provider_version = "~> 6.0";
	refused_option(&o, "provider_version");
	cfn_options(&o, 0);
	o.assume_role_arn = "arn:aws:iam::111122223333:role/x";
	refused_option(&o, "--role-arn");
	cfn_options(&o, 0);
	o.no_import = 1;
	refused_option(&o, "no_import");
	static const char *const keys[] = {"k"}, *const values[] = {"v"};
	cfn_options(&o, 0);
	o.default_tag_count = 1;
	o.default_tag_keys = keys;
	o.default_tag_values = values;
	refused_option(&o, "--tags");
	cfn_options(&o, 0);
	o.resource_name = "my_table";
	refused_option(&o, "logical ID");
}
END_TEST

START_TEST(resource_name_is_the_logical_id)
{
	ddbgt_table *t = two_regions("orders");
	ddbgt_emit_options o;
	cfn_options(&o, 0);
	o.resource_name = "OrdersTable";
	char *out = ddbgt_test_emit_ok(t, &o, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\"OrdersTable\": {\n      \"Type\": "
	                                  "\"AWS::DynamoDB::GlobalTable\""));
	ck_assert_ptr_nonnull(strstr(out, "\"Ref\": \"OrdersTable\""));
	ck_assert_ptr_nonnull(strstr(out, "table/${OrdersTable}"));
	ck_assert_ptr_null(strstr(out, "\"Table\""));
	ddbgt_free(out);

	/* compact: the same template without whitespace. */
	o.compact = 1;
	out = ddbgt_test_emit_ok(t, &o, NULL);
	ck_assert_ptr_nonnull(strstr(out, "{\"AWSTemplateFormatVersion\":\"2010-09-09\","));
	ck_assert_ptr_null(strstr(out, "\n "));
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/* A caller built against options version 2 (no format field) gets a JSON template. */
START_TEST(older_options_versions_give_json)
{
	ddbgt_table *t = two_regions("orders");
	ddbgt_emit_options o;
	memset(&o, 0xff, sizeof o); /* what a version 2 caller leaves past its struct */
	ck_assert_int_eq(ddbgt_emit_options_init(&o, 2), DDBGT_OK);
	o.target = DDBGT_EMIT_CLOUDFORMATION;
	char *out = ddbgt_test_emit_ok(t, &o, NULL);
	ck_assert_int_eq(out[0], '{');
	ck_assert_ptr_null(strstr(out, "Parameters"));
	ddbgt_free(out);
	ck_assert_str_eq(ddbgt_emit_target_name(DDBGT_EMIT_CLOUDFORMATION), "cloudformation");
	int target = 0;
	ck_assert_int_eq(ddbgt_emit_target_parse("cloudformation", &target), DDBGT_OK);
	ck_assert_int_eq(target, DDBGT_EMIT_CLOUDFORMATION);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(every_allocation_failure_is_clean)
{
	ddbgt_table *t = ddbgt_test_load(CFN "specs/provisioned-fixed.json");
	ddbgt_emit_options o;
	cfn_options(&o, DDBGT_EMIT_FORMAT_YAML);
	o.parameters = 1;
	char *want = ddbgt_test_emit_ok(t, &o, NULL);
	/* One allocation fails at a time: the YAML pass and the Fn::Sub texts included. */
	ck_assert_int_gt(ddbgt_test_emit_sweep(t, &o, 0, want), 5);
	ddbgt_free(want);
	ddbgt_table_free(t);
}
END_TEST

Suite *ddbgt_test_emit_cloudformation(void)
{
	Suite *s = suite_create("emit_cloudformation");
	TCase *tc = tcase_create("golden");
	tcase_add_loop_test(tc, golden_templates, 0, (int)(sizeof goldens / sizeof goldens[0]));
	tcase_add_loop_test(tc, companion_templates, 0,
	                    (int)(sizeof companions / sizeof companions[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("behaviour");
	tcase_add_test(tc, yaml_quotes_what_yaml_would_misread);
	tcase_add_test(tc, user_text_is_escaped_inside_fn_sub);
	tcase_add_test(tc, legacy_tables_are_refused);
	tcase_add_test(tc, options_that_do_not_apply_are_refused);
	tcase_add_test(tc, resource_name_is_the_logical_id);
	tcase_add_test(tc, older_options_versions_give_json);
	tcase_add_test(tc, every_allocation_failure_is_clean);
	suite_add_tcase(s, tc);
	return s;
}
