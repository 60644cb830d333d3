/*
 * The Terraform emitters: golden documents of the example specs (byte for
 * byte), determinism, hostile strings, refusals, options and the output calls.
 *
 * DDBGT_REGEN_GOLDEN=1 make check rewrites the golden files under
 * tests/data/emit/ from the current output: only on purpose, and review the diff.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ddbgt.h>

#include "emit_internal.h"
#include "testutil.h"

/* ---- golden documents ---- */

static const char *const default_tag_keys[] = {"owner", "env"};
static const char *const default_tag_values[] = {"${team}", "prod"};

static void opts_options(ddbgt_emit_options *o)
{
	o->resource_name = "main";
	o->provider_version = "~> 6.25";
	o->default_tag_count = 2;
	o->default_tag_keys = default_tag_keys;
	o->default_tag_values = default_tag_values;
	o->assume_role_arn = "arn:aws:iam::111122223333:role/deployer";
}

static void opts_compact(ddbgt_emit_options *o)
{
	o->compact = 1;
}

static void opts_legacy(ddbgt_emit_options *o)
{
	o->target = DDBGT_EMIT_TERRAFORM_LEGACY;
}

static void opts_legacy_no_import(ddbgt_emit_options *o)
{
	o->target = DDBGT_EMIT_TERRAFORM_LEGACY;
	o->no_import = 1;
}

static const struct golden {
	const char *spec;
	void (*options)(ddbgt_emit_options *o);
	const char *golden;
	/* The emitter's findings, in order, as code names joined by spaces. */
	const char *findings;
} goldens[] = {
	{"../examples/specs/two-region-on-demand.json", NULL, "two-region-on-demand", ""},
	{"../examples/specs/two-region-on-demand.json", opts_compact, "two-region-on-demand.compact",
	 ""},
	{"../examples/specs/two-region-on-demand.json", opts_options, "two-region-on-demand.options",
	 ""},
	{"../examples/specs/three-region-cmk-pitr.json", NULL, "three-region-cmk-pitr",
	 "DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"../examples/specs/primary-standby-ia.json", NULL, "primary-standby-ia", ""},
	{"../examples/specs/provisioned-gsi.json", NULL, "provisioned-gsi", ""},
	{"../examples/specs/tags-hostile.json", NULL, "tags-hostile", ""},
	{"../examples/specs/legacy.json", opts_legacy, "legacy", ""},
	{"../examples/specs/legacy.json", opts_legacy_no_import, "legacy.no-import",
	 "DDBGT_W_EMIT_ADOPT_NOT_IMPORTED"},
	{"../examples/specs/mrsc-witness.json", NULL, "mrsc-witness",
	 "DDBGT_W_EMIT_REPLICA_PITR_PERIOD DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"../examples/specs/index-key-objects.json", NULL, "index-key-objects", ""},
	{"../examples/specs/warm-throughput.json", NULL, "warm-throughput", "DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"../examples/specs/autoscaling-tuning.json", NULL, "autoscaling-tuning", ""},
	{"../examples/specs/replica-on-demand.json", NULL, "replica-on-demand",
	 "DDBGT_W_EMIT_REPLICA_ON_DEMAND DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"../examples/specs/kinesis-stream.json", NULL, "kinesis-stream", ""},
	{"../examples/specs/resource-policy.json", NULL, "resource-policy",
	 "DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"data/emit/specs/account-roles.json", NULL, "account-roles", ""},
	{"../examples/specs/contributor-insights-mode.json", NULL, "contributor-insights-mode",
	 "DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"data/emit/specs/kms-key-ids.json", NULL, "kms-key-ids", "DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"data/emit/specs/strong-three.json", NULL, "strong-three",
	 "DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS "
	 "DDBGT_W_EMIT_STRONG_PROVISIONED_ORDER DDBGT_I_EMIT_PROVIDER_FLOOR"},
	{"../examples/specs/operations.json", NULL, "operations", ""},
	{"data/emit/specs/operations-provisioned.json", NULL, "operations-provisioned", ""},
	{"../examples/specs/multi-attribute-gsi.json", NULL, "multi-attribute-gsi",
	 "DDBGT_I_EMIT_PROVIDER_FLOOR"},
};

START_TEST(golden_documents)
{
	const struct golden *g = &goldens[_i];
	ddbgt_table *t = ddbgt_test_load(g->spec);
	ddbgt_emit_options o;
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	if (g->options)
		g->options(&o);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, &o, d);

	char path[256], findings[512];
	snprintf(path, sizeof path, "data/emit/%s.tf.json", g->golden);
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

	/* The document is JSON, and every other output call gives the same bytes. */
	json_error_t err;
	json_t *doc = json_loads(out, 0, &err);
	ck_assert_msg(doc != NULL, "%s: not JSON: %s line %d", path, err.text, err.line);
	json_decref(doc);
	size_t len = 0;
	ck_assert_int_eq(ddbgt_emit_buffer(&len, NULL, 0, t, &o, NULL), DDBGT_ERANGE);
	ck_assert_uint_eq(len, strlen(out));
	char *buf = malloc(len + 1);
	ck_assert_int_eq(ddbgt_emit_buffer(&len, buf, len + 1, t, &o, NULL), DDBGT_OK);
	ck_assert_str_eq(buf, out);
	free(buf);

	free(want);
	ddbgt_free(out);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* ---- determinism ---- */

START_TEST(same_model_same_bytes)
{
	static const char *const specs[] = {"../examples/specs/provisioned-gsi.json",
	                                    "../examples/specs/tags-hostile.json",
	                                    "../examples/specs/primary-standby-ia.json"};
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		ddbgt_table *t = ddbgt_test_load(specs[i]);
		char *a = ddbgt_test_emit_ok(t, NULL, NULL), *b = ddbgt_test_emit_ok(t, NULL, NULL);
		ck_assert_str_eq(a, b);
		/* A deep copy, and a dump loaded again, are the same model. */
		ddbgt_table *copy = NULL, *reloaded = NULL;
		ck_assert_int_eq(ddbgt_table_copy(&copy, t), DDBGT_OK);
		char *c = ddbgt_test_emit_ok(copy, NULL, NULL);
		ck_assert_str_eq(a, c);
		char *spec = NULL;
		ck_assert_int_eq(ddbgt_spec_dump_string(&spec, t, 0), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_load_string(&reloaded, spec, strlen(spec), 0, NULL), DDBGT_OK);
		char *r = ddbgt_test_emit_ok(reloaded, NULL, NULL);
		ck_assert_str_eq(a, r);
		ddbgt_free(spec);
		ddbgt_free(a);
		ddbgt_free(b);
		ddbgt_free(c);
		ddbgt_free(r);
		ddbgt_table_free(copy);
		ddbgt_table_free(reloaded);
		ddbgt_table_free(t);
	}
}
END_TEST

/* A small valid table built through the API. */
static ddbgt_table *two_regions(void)
{
	ddbgt_table *t = NULL;
	ddbgt_replica *a = NULL, *b = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, "things"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&a, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&b, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, a), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, b), DDBGT_OK);
	return t;
}

START_TEST(default_tags_propagate_to_inline_replicas)
{
	ddbgt_table *t = two_regions();
	char *out = ddbgt_test_emit_ok(t, NULL, NULL);
	ck_assert_ptr_null(strstr(out, "propagate_tags"));
	ddbgt_free(out);
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	static const char *const k[] = {"env"}, *const v[] = {"prod"};
	o.default_tag_count = 1;
	o.default_tag_keys = k;
	o.default_tag_values = v;
	out = ddbgt_test_emit_ok(t, &o, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\"propagate_tags\": true"));
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/*
 * DynamoDB allows only letters, digits, spaces and + - = . _ : / in tags: the
 * validator's tag findings are made warnings, as the tags-hostile example does,
 * so that the emitter gets to see hostile tags.
 */
static void allow_any_tag(ddbgt_table *t)
{
	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_E_TAG_KEY_INVALID", DDBGT_SEVERITY_WARNING),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_E_TAG_VALUE_INVALID",
	                                           DDBGT_SEVERITY_WARNING),
	                 DDBGT_OK);
}

START_TEST(tag_order_does_not_matter)
{
	ddbgt_table *x = two_regions(), *y = two_regions();
	static const char *const keys[] = {"b", "a", "c", "B", "é"};
	for (size_t i = 0; i < 5; i++) {
		ck_assert_int_eq(ddbgt_table_set_tag(x, keys[i], "v"), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_set_tag(y, keys[4 - i], "v"), DDBGT_OK);
	}
	char *a = ddbgt_test_emit_ok(x, NULL, NULL), *b = ddbgt_test_emit_ok(y, NULL, NULL);
	ck_assert_str_eq(a, b);
	/* Byte order: "B" < "a" < "b" < "c" < "é". */
	const char *p = strstr(a, "\"tags\"");
	ck_assert_ptr_nonnull(p);
	ck_assert(strstr(p, "\"B\"") < strstr(p, "\"a\""));
	ck_assert(strstr(p, "\"c\"") < strstr(p, "\"é\""));
	ddbgt_free(a);
	ddbgt_free(b);
	ddbgt_table_free(x);
	ddbgt_table_free(y);
}
END_TEST

/* ---- hostile strings ---- */

/* What Terraform makes of a template that holds no interpolation: "$${" -> "${", "%%{" -> "%{". */
static char *template_literal(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	for (const char *p = s; *p;) {
		if ((p[0] == '$' || p[0] == '%') && p[1] == p[0] && p[2] == '{') {
			*o++ = p[0];
			*o++ = '{';
			p += 3;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

/* Whether s holds a "${" or "%{" that Terraform would evaluate. */
static int has_live_template(const char *s)
{
	for (const char *p = s; *p; p++) {
		if ((p[0] == '$' || p[0] == '%') && p[1] == p[0] && p[2] == '{') {
			p += 2; /* an escape */
			continue;
		}
		if ((p[0] == '$' || p[0] == '%') && p[1] == '{')
			return 1;
	}
	return 0;
}

/* Every string under v (keys included) that holds a live template must be one of ours. */
static void check_no_injection(const json_t *v, const char *where)
{
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (has_live_template(s))
			ck_assert_msg(strncmp(s, "${aws_", 6) == 0 || strncmp(s, "${data.aws_", 11) == 0 ||
			                  strncmp(s, "${one([for r in aws_", 20) == 0 ||
			                  strncmp(s, "table/${aws_", 12) == 0,
			              "%s: an expression the emitter did not write: %s", where, s);
	} else if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach((json_t *)v, k, x) {
			ck_assert_msg(!has_live_template(k), "%s: a key with an expression: %s", where, k);
			check_no_injection(x, k);
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) check_no_injection(x, where);
	}
}

START_TEST(hostile_strings_read_back_as_text)
{
	ddbgt_table *t = ddbgt_test_load("../examples/specs/tags-hostile.json");
	char *out = ddbgt_test_emit_ok(t, NULL, NULL);
	json_t *doc = json_loads(out, 0, NULL);
	ck_assert_ptr_nonnull(doc);
	check_no_injection(doc, "document");

	/* Each tag, key and value, reads back as the spec wrote it. */
	json_t *tags = json_object_get(
		json_object_get(json_object_get(json_object_get(doc, "resource"), "aws_dynamodb_table"),
		                "audit_log_2024"),
		"tags");
	ck_assert_uint_eq(json_object_size(tags), ddbgt_table_tag_count(t));
	for (size_t i = 0; i < ddbgt_table_tag_count(t); i++) {
		const char *key = ddbgt_table_tag_key(t, i);
		int found = 0;
		const char *k;
		json_t *v;
		json_object_foreach(tags, k, v) {
			char *lk = template_literal(k);
			if (strcmp(lk, key) == 0) {
				char *lv = template_literal(json_string_value(v));
				ck_assert_str_eq(lv, ddbgt_table_tag_value(t, i));
				free(lv);
				found = 1;
			}
			free(lk);
		}
		ck_assert_msg(found, "tag %s missing", key);
	}
	/* So do the key names, which must still match their attribute definitions. */
	json_t *table = json_object_get(
		json_object_get(json_object_get(doc, "resource"), "aws_dynamodb_table"), "audit_log_2024");
	char *hash = template_literal(json_string_value(json_object_get(table, "hash_key")));
	ck_assert_str_eq(hash, "${pk}");
	free(hash);
	char *ttl = template_literal(json_string_value(
		json_object_get(json_object_get(table, "ttl"), "attribute_name")));
	ck_assert_str_eq(ttl, "${ttl}%{x}");
	free(ttl);
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(hostile_strings_through_the_api)
{
	ddbgt_table *t = two_regions();
	allow_any_tag(t);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "${a}", "%{b} \" \\ \n \x01 ✓"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(ddbgt_table_replica_at_mut(t, 1), "k", "$${c}"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, "${ttl}"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "%{sk}", DDBGT_ATTR_N), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, NULL, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\"$${a}\": \"%%{b} \\\" \\\\ \\n \\u0001 ✓\""));
	ck_assert_ptr_nonnull(strstr(out, "\"k\": \"$$${c}\""));
	ck_assert_ptr_nonnull(strstr(out, "\"attribute_name\": \"$${ttl}\""));
	ck_assert_ptr_nonnull(strstr(out, "\"range_key\": \"%%{sk}\""));
	json_t *doc = json_loads(out, 0, NULL);
	ck_assert_ptr_nonnull(doc);
	check_no_injection(doc, "document");
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(invalid_utf8_is_refused)
{
	ddbgt_table *t = two_regions();
	allow_any_tag(t);
	/* The setters refuse such strings; the caller's emit options reach the writer as given. */
	ck_assert_int_eq(ddbgt_table_set_tag(t, "k", "bad \xc3\x28 byte"), DDBGT_EINVAL);
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	o.assume_role_arn = "bad \xc3\x28 byte";
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_ENCODING));
	/* The message shows the bad byte, and the findings stay valid JSON. */
	size_t i = 0;
	while (ddbgt_diags_code(d, i) != DDBGT_E_EMIT_ENCODING)
		i++;
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, i), "bad \\xc3("));
	char *json = NULL;
	ck_assert_int_eq(ddbgt_diags_to_json(&json, d), DDBGT_OK);
	ddbgt_free(json);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* ---- refusals ---- */

START_TEST(invalid_model_writes_nothing)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, "nokey"), DDBGT_OK);
	ddbgt_replica *r = NULL;
	ck_assert_int_eq(ddbgt_replica_new(&r, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_KEY_SCHEMA_SHAPE));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_INVALID_MODEL));

	/* Without a diags list it is refused all the same. */
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, NULL), DDBGT_EINVALID);

	/* No file appears, and an existing one is left as it was. */
	char dir[] = "/tmp/ddbgt-emit-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/main.tf.json", dir);
	ck_assert_int_eq(ddbgt_emit_file(t, path, NULL, NULL), DDBGT_EINVALID);
	ck_assert_int_ne(access(path, F_OK), 0);
	FILE *f = fopen(path, "w");
	fputs("old\n", f);
	fclose(f);
	ck_assert_int_eq(ddbgt_emit_file(t, path, NULL, NULL), DDBGT_EINVALID);
	char *text = ddbgt_test_read_file(path, NULL);
	ck_assert_str_eq(text, "old\n");
	free(text);
	/* And a stream gets nothing. */
	FILE *tmp = tmpfile();
	ck_assert_int_eq(ddbgt_emit_fp(t, tmp, NULL, NULL), DDBGT_EINVALID);
	ck_assert_int_eq(ftell(tmp), 0);
	fclose(tmp);
	unlink(path);
	rmdir(dir);

	/* Duplicate and malformed regions, an index without keys, no primary. */
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&r, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&r, "Mars-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ddbgt_gsi *g = NULL;
	ck_assert_int_eq(ddbgt_gsi_new(&g, "nokeys"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_REGION_DUPLICATE));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_REGION_UNKNOWN));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_KEY_SCHEMA_SHAPE));
	ddbgt_table_free(t);

	t = two_regions();
	ck_assert_int_eq(ddbgt_replica_set_role(ddbgt_table_replica_at_mut(t, 0), DDBGT_ROLE_SECONDARY),
	                 DDBGT_OK);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_NO_HOME_REGION));
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
}
END_TEST

/* The policy may lower the validator's findings, never the emitter's own guard. */
START_TEST(guard_holds_whatever_the_policy)
{
	ddbgt_table *t = two_regions();
	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	static const char *const lowered[] = {"DDBGT_E_REGION_UNKNOWN", "DDBGT_E_REGION_DUPLICATE",
	                                      "DDBGT_E_KEY_SCHEMA_SHAPE"};
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_eq(ddbgt_policy_set_severity(p, lowered[i], DDBGT_SEVERITY_WARNING),
		                 DDBGT_OK);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = (char *)1;

	/* A region that would end the quoted string of an output expression. */
	ddbgt_replica *r = NULL;
	ck_assert_int_eq(ddbgt_replica_new(&r, "x\"])}${file(\"/etc/passwd\")}"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_REGION_UNKNOWN));
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_WARNING);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_REGION));
	ck_assert_int_eq(ddbgt_table_remove_replica(t, ddbgt_replica_region(r)), DDBGT_OK);

	/* Near misses of ^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$; the last two have its shape. */
	static const struct {
		const char *region;
		int refused;
	} shapes[] = {{"us-east", 1},     {"us-1", 1},       {"use-east-1", 1}, {"u-east-1", 1},
	              {"us-east-123", 1}, {"us-east-1a", 1}, {"US-east-1", 1},  {"us--1", 1},
	              {"us-east-1-", 1},  {"us-east1-1", 1}, {"xy-gov-west-12", 0},
	              {"zz-north-9", 0}};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		ck_assert_int_eq(ddbgt_replica_new(&r, shapes[i].region), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
		ddbgt_diags_clear(d);
		ddbgt_free(out);
		out = NULL;
		ddbgt_emit_string(&out, t, NULL, d);
		ck_assert_msg(ddbgt_diags_has(d, DDBGT_E_EMIT_REGION) == shapes[i].refused, "%s",
		              shapes[i].region);
		ck_assert_int_eq(ddbgt_table_remove_replica(t, shapes[i].region), DDBGT_OK);
	}
	ddbgt_free(out);

	/* A region twice would make two providers with one alias. */
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_REGION));
	ck_assert_int_eq(ddbgt_table_remove_replica(t, "eu-west-1"), DDBGT_OK);

	/* An index without its key cannot be written. */
	ddbgt_gsi *g = NULL;
	ck_assert_int_eq(ddbgt_gsi_new(&g, "nokey"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_KEY_SCHEMA_SHAPE));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_INCOMPLETE));
	ck_assert_int_eq(ddbgt_table_remove_gsi(t, "nokey"), DDBGT_OK);

	/* And the table is emitted once it is whole again. */
	out = ddbgt_test_emit_ok(t, NULL, NULL);
	ddbgt_free(out);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/*
 * Multi-attribute GSI keys are written as key_schema blocks, HASH attributes
 * then RANGE ones in key-schema order, for hashicorp/aws >= 6.29; an index
 * with one attribute a side keeps hash_key and range_key.
 */
START_TEST(multi_attribute_keys_as_key_schema)
{
	ddbgt_table *t = ddbgt_test_load("../examples/specs/multi-attribute-gsi.json");
	ddbgt_gsi *plain = NULL;
	ck_assert_int_eq(ddbgt_gsi_new(&plain, "plain"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key_typed(plain, "player_id", DDBGT_ATTR_S),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, plain), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, NULL, NULL);
	json_error_t err;
	json_t *doc = json_loads(out, 0, &err);
	ck_assert_ptr_nonnull(doc);
	json_t *gsis = json_object_get(
		json_object_get(json_object_get(json_object_get(doc, "resource"), "aws_dynamodb_table"),
		                "matches"),
		"global_secondary_index");
	ck_assert_uint_eq(json_array_size(gsis), 3);
	json_t *keys = json_object_get(json_array_get(gsis, 1), "key_schema");
	static const char *const want[][2] = {
		{"player_id", "HASH"}, {"match_date", "RANGE"}, {"round", "RANGE"}};
	ck_assert_uint_eq(json_array_size(keys), 3);
	for (size_t i = 0; i < 3; i++) {
		json_t *k = json_array_get(keys, i);
		ck_assert_str_eq(json_string_value(json_object_get(k, "attribute_name")), want[i][0]);
		ck_assert_str_eq(json_string_value(json_object_get(k, "key_type")), want[i][1]);
	}
	ck_assert_ptr_null(json_object_get(json_array_get(gsis, 1), "hash_key"));
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(gsis, 2), "hash_key")),
	                 "player_id");
	ck_assert_ptr_null(json_object_get(json_array_get(gsis, 2), "key_schema"));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_object_get(
				 json_object_get(doc, "terraform"), "required_providers"), "aws"),
	                                                   "version")),
	                 ">= 6.29");
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/*
 * No provider ddbgt writes for creates a replica in another account: refused
 * by name at the first replica of another account; the same accounts emit.
 */
START_TEST(multi_account_is_refused)
{
	ddbgt_table *t = ddbgt_test_load("../examples/specs/multi-account.json");
	ddbgt_diags *d = NULL;
	char *out = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_OK);
	ck_assert(ddbgt_diags_is_valid(d));
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	size_t hits = 0;
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		if (ddbgt_diags_code(d, i) == DDBGT_E_EMIT_MULTI_ACCOUNT) {
			ck_assert_str_eq(ddbgt_diags_path(d, i), "/replicas/1/account_id");
			hits++;
		}
	ck_assert_uint_eq(hits, 1);
	ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 1);
	ck_assert_int_eq(ddbgt_replica_set_account_id(r, "111122223333"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_kms_key(r, "arn:aws:kms:eu-west-1:111122223333:key/"
	                                              "5678abcd-12ab-34cd-56ef-1234567890ab"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_provider_role_arn(r, NULL), DDBGT_OK);
	/* Its policy names the table in the other account, which is no longer its own. */
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(r, NULL), DDBGT_OK);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_OK);
	ck_assert_ptr_nonnull(out);
	ddbgt_free(out);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* The provider refuses warm throughput below 12,000 reads / 4,000 writes: so does emit. */
START_TEST(warm_throughput_below_the_provider_minimum)
{
	ddbgt_table *t = ddbgt_test_load("../examples/specs/warm-throughput.json");
	ddbgt_diags *d = NULL;
	char *out = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_warm_throughput(ddbgt_table_gsi_at_mut(t, 0), DDBGT_WRITE,
	                                               3000), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_severity(ddbgt_table_policy_mut(t),
	                                           "DDBGT_W_WARM_BELOW_ONDEMAND_BASELINE",
	                                           DDBGT_SEVERITY_OFF), DDBGT_OK);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_WARM_THROUGHPUT));
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		if (ddbgt_diags_code(d, i) == DDBGT_E_EMIT_WARM_THROUGHPUT)
			ck_assert_str_eq(ddbgt_diags_path(d, i), "/table/global_secondary_indexes/0/"
			                                         "warm_throughput/write_units_per_second");
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(target_must_match_the_version)
{
	ddbgt_table *t = two_regions();
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	o.target = DDBGT_EMIT_TERRAFORM_LEGACY;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = NULL;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_TARGET_MISMATCH));
	/* An existing legacy table (AWS no longer creates new ones). */
	ck_assert_int_eq(ddbgt_table_set_legacy_version(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_adopt_existing(t, 1), DDBGT_OK);
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_TARGET_MISMATCH));
	out = ddbgt_test_emit_ok(t, &o, NULL);
	ck_assert_ptr_nonnull(strstr(out, "aws_dynamodb_global_table"));
	ddbgt_free(out);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* ---- findings ---- */

START_TEST(policy_sets_the_severity_of_emitter_findings)
{
	ddbgt_table *t = ddbgt_test_load("../examples/specs/mrsc-witness.json");
	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, NULL, d);
	ck_assert_ptr_nonnull(strstr(out, "warning DDBGT_W_EMIT_REPLICA_PITR_PERIOD: the 14-day"));
	ddbgt_free(out);

	/* Silenced: gone from the findings and from the document's comment. */
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_W_EMIT_REPLICA_PITR_PERIOD",
	                                           DDBGT_SEVERITY_OFF),
	                 DDBGT_OK);
	ddbgt_diags_clear(d);
	out = ddbgt_test_emit_ok(t, NULL, d);
	ck_assert(!ddbgt_diags_has(d, DDBGT_W_EMIT_REPLICA_PITR_PERIOD));
	ck_assert_ptr_null(strstr(out, "DDBGT_W_EMIT_REPLICA_PITR_PERIOD"));
	ddbgt_free(out);

	/* Made an error: the emit is refused. */
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_W_EMIT_REPLICA_PITR_PERIOD",
	                                           DDBGT_SEVERITY_ERROR),
	                 DDBGT_OK);
	ddbgt_diags_clear(d);
	out = (char *)1;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, NULL, d), DDBGT_EINVALID);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_W_EMIT_REPLICA_PITR_PERIOD));
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_INVALID_MODEL));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(provider_floor_follows_features)
{
	static const struct {
		const char *spec;
		const char *want;
	} cases[] = {
		{"../examples/specs/two-region-on-demand.json", "\"version\": \">= 5.0\""},
		{"../examples/specs/three-region-cmk-pitr.json", "\"version\": \">= 5.72\""},
		{"../examples/specs/mrsc-witness.json", "\"version\": \">= 6.22\""},
		{"data/emit/specs/strong-three.json", "\"version\": \">= 6.3\""},
		{"data/emit/specs/kms-key-ids.json", "\"version\": \">= 6.9\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ddbgt_table *t = ddbgt_test_load(cases[i].spec);
		char *out = ddbgt_test_emit_ok(t, NULL, NULL);
		ck_assert_msg(strstr(out, cases[i].want), "%s: no %s", cases[i].spec, cases[i].want);
		ddbgt_free(out);
		ddbgt_table_free(t);
	}
	/* A recovery period other than 35 days on the home table needs 5.100. */
	ddbgt_table *t = two_regions();
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_pitr_period(t, 35), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, NULL, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\">= 5.0\""));
	ck_assert_ptr_null(strstr(out, "recovery_period_in_days"));
	ddbgt_free(out);
	ck_assert_int_eq(ddbgt_replica_set_pitr(ddbgt_table_replica_at_mut(t, 1), 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_pitr_period(t, 7), DDBGT_OK);
	out = ddbgt_test_emit_ok(t, NULL, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\">= 5.100\""));
	ck_assert_ptr_nonnull(strstr(out, "\"recovery_period_in_days\": 7"));
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/* ---- labels ---- */

START_TEST(labels_are_identifiers)
{
	ddbgt_table *t = two_regions();
	ck_assert_int_eq(ddbgt_table_set_name(t, "9.lives-x"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_READ, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_WRITE, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 5, 50, 70), DDBGT_OK);
	static const char *const names[] = {"by.kind", "by_kind", "by-kind"};
	for (size_t i = 0; i < 3; i++) {
		ddbgt_gsi *g = NULL;
		ck_assert_int_eq(ddbgt_gsi_new(&g, names[i]), DDBGT_OK);
		ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "kind"), DDBGT_OK);
		ck_assert_int_eq(ddbgt_gsi_set_capacity(g, DDBGT_READ, 1), DDBGT_OK);
		ck_assert_int_eq(ddbgt_gsi_set_capacity(g, DDBGT_WRITE, 1), DDBGT_OK);
		ck_assert_int_eq(ddbgt_gsi_set_autoscaling(g, DDBGT_WRITE, 1, 10, 70), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	}
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "kind", DDBGT_ATTR_S), DDBGT_OK);
	char *out = ddbgt_test_emit_ok(t, NULL, NULL);
	ck_assert_ptr_nonnull(strstr(out, "\"t_9_lives_x\": {"));
	ck_assert_ptr_nonnull(strstr(out, "\"t_9_lives_x_by_kind_write\": {"));
	ck_assert_ptr_nonnull(strstr(out, "\"t_9_lives_x_by_kind_1_write\": {"));
	ck_assert_ptr_nonnull(strstr(out, "\"t_9_lives_x_by_kind_2_write\": {"));
	/* The index name itself is kept in the resource ID and the policy name. */
	ck_assert_ptr_nonnull(strstr(out, "/index/by.kind\""));
	ck_assert_ptr_nonnull(strstr(out, "\"DynamoDBWriteCapacityUtilization:table/9.lives-x/index/by-kind\""));
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/* A label is its format's text with each %s replaced; one too long fails the emit, empty. */
START_TEST(labels_compose_and_refuse_overflow)
{
	ddbgt__emit_ctx ctx;
	memset(&ctx, 0, sizeof ctx);
	char buf[DDBGT__EMIT_LABEL_MAX];
	ddbgt__emit_label(&ctx, buf, "${aws_dynamodb_table.%s.%s}", "orders", "arn");
	ck_assert_str_eq(buf, "${aws_dynamodb_table.orders.arn}");
	ddbgt__emit_label(&ctx, buf, "%s%s_%s", "", "a", "b");
	ck_assert_str_eq(buf, "a_b");
	ck_assert_int_eq(ctx.status, 0);
	static char long_name[DDBGT__EMIT_LABEL_MAX];
	memset(long_name, 'x', sizeof long_name - 2);
	ddbgt__emit_label(&ctx, buf, "a%s", long_name); /* the longest that fits, with its NUL */
	ck_assert_uint_eq(strlen(buf), sizeof buf - 1);
	ck_assert_int_eq(ctx.status, 0);
	ddbgt__emit_label(&ctx, buf, "ab%s", long_name);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(ctx.status, DDBGT_EINVAL);
}
END_TEST

/* ---- options and arguments ---- */

START_TEST(options_and_arguments)
{
	ddbgt_emit_options o;
	ck_assert_int_eq(ddbgt_emit_options_init(NULL, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_options_init(&o, 99), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_options_init(&o, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	ck_assert_uint_eq(o.version, DDBGT_EMIT_OPTIONS_VERSION);
	ck_assert_int_eq(o.target, 0);

	ck_assert_str_eq(ddbgt_emit_target_name(DDBGT_EMIT_TERRAFORM), "terraform");
	ck_assert_str_eq(ddbgt_emit_target_name(DDBGT_EMIT_TERRAFORM_LEGACY), "terraform-legacy");
	ck_assert_ptr_null(ddbgt_emit_target_name(0));
	int target = 0;
	ck_assert_int_eq(ddbgt_emit_target_parse("terraform-legacy", &target), DDBGT_OK);
	ck_assert_int_eq(target, DDBGT_EMIT_TERRAFORM_LEGACY);
	ck_assert_int_eq(ddbgt_emit_target_parse("cdk", &target), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_emit_target_parse(NULL, &target), DDBGT_EINVAL);

	ddbgt_table *t = two_regions();
	char *out = (char *)1;
	ck_assert_int_eq(ddbgt_emit_string(NULL, t, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_string(&out, NULL, NULL, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(out);
	size_t len = 1;
	ck_assert_int_eq(ddbgt_emit_buffer(NULL, NULL, 0, t, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_buffer(&len, NULL, 10, t, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_fp(t, NULL, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_file(t, NULL, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_emit_file(t, "", NULL, NULL), DDBGT_EINVAL);

	static const char *const k2[] = {"a", "a"}, *const v2[] = {"1", "2"};
	static const char *const knull[] = {NULL};
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	for (int i = 1; i < 7; i++) {
		ddbgt_emit_options b = DDBGT_EMIT_OPTIONS_INIT;
		switch (i) {
		case 6: b.version = DDBGT_EMIT_OPTIONS_VERSION + 1; break;
		case 1: b.target = 7; break;
		case 2: b.resource_name = "1abc"; break;
		case 3: b.resource_name = "a b"; break;
		case 4: b.default_tag_count = 2; b.default_tag_keys = k2; b.default_tag_values = v2; break;
		case 5: b.default_tag_count = 1; b.default_tag_keys = knull; b.default_tag_values = v2; break;
		}
		ddbgt_diags_clear(d);
		ck_assert_int_eq(ddbgt_emit_string(&out, t, &b, d), DDBGT_EINVAL);
		ck_assert_ptr_null(out);
		ck_assert_msg(ddbgt_diags_has(d, i == 6 ? DDBGT_E_OPTIONS_VERSION
		                                                  : DDBGT_E_EMIT_OPTION), "case %d", i);
	}
	ddbgt_diags_free(d);

	/* A buffer of exactly the right size works; one byte less is left untouched. */
	char *doc = ddbgt_test_emit_ok(t, NULL, NULL);
	size_t n = strlen(doc);
	char *buf = malloc(n + 1);
	memset(buf, 'x', n + 1);
	ck_assert_int_eq(ddbgt_emit_buffer(&len, buf, n, t, NULL, NULL), DDBGT_ERANGE);
	ck_assert_uint_eq(len, n);
	ck_assert_int_eq(buf[0], 'x');
	ck_assert_int_eq(ddbgt_emit_buffer(&len, buf, n + 1, t, NULL, NULL), DDBGT_OK);
	ck_assert_str_eq(buf, doc);
	free(buf);

	/* A stream and a file get the same bytes; the file gets the umask's mode, not 0600. */
	FILE *f = tmpfile();
	ck_assert_int_eq(ddbgt_emit_fp(t, f, NULL, NULL), DDBGT_OK);
	ck_assert_int_eq(ftell(f), (long)n);
	fclose(f);
	char dir[] = "/tmp/ddbgt-emit-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[128];
	snprintf(path, sizeof path, "%s/main.tf.json", dir);
	mode_t old = umask(022);
	ck_assert_int_eq(ddbgt_emit_file(t, path, NULL, NULL), DDBGT_OK);
	umask(old);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	char *text = ddbgt_test_read_file(path, NULL);
	ck_assert_str_eq(text, doc);
	free(text);
	/* Replacing works, and no temporary file is left behind. */
	ck_assert_int_eq(ddbgt_emit_file(t, path, NULL, NULL), DDBGT_OK);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0);
	snprintf(path, sizeof path, "%s/missing/main.tf.json", dir);
	ck_assert_int_eq(ddbgt_emit_file(t, path, NULL, NULL), DDBGT_EIO);
	ddbgt_free(doc);
	ddbgt_table_free(t);
}
END_TEST

/* ---- allocation failures ---- */

START_TEST(every_allocation_failure_is_clean)
{
	ddbgt_table *t = ddbgt_test_load("../examples/specs/provisioned-gsi.json");
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	opts_options(&o);
	char *want = ddbgt_test_emit_ok(t, &o, NULL);
	/* Every allocation from the n-th on fails. */
	ck_assert_int_gt(ddbgt_test_emit_sweep(t, &o, 1, want), 5);
	ddbgt_free(want);
	ddbgt_table_free(t);
}
END_TEST

/*
 * Past the stack buffers of the region outputs (8 regions) and of the
 * attribute definitions (16): the same ARN expressions in table_arns and
 * regions, every attribute once, and clean allocation failures there too.
 */
START_TEST(many_regions_and_indexes)
{
	static const char *const regions[] = {"us-east-1", "eu-west-1", "ap-northeast-1",
	                                      "us-west-2", "eu-central-1", "us-east-2",
	                                      "ap-southeast-1", "ap-southeast-2", "eu-west-2"};
	ddbgt_table *t = NULL;
	char name[32];
	ck_assert_int_eq(ddbgt_table_new(&t, "orders"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_S), DDBGT_OK);
	for (int i = 0; i < 9; i++) {
		ddbgt_replica *r = NULL;
		ddbgt_gsi *g = NULL;
		ck_assert_int_eq(ddbgt_replica_new(&r, regions[i]), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
		snprintf(name, sizeof name, "by_g%d", i);
		ck_assert_int_eq(ddbgt_gsi_new(&g, name), DDBGT_OK);
		snprintf(name, sizeof name, "g%d_pk", i);
		ck_assert_int_eq(ddbgt_table_add_attribute(t, name, DDBGT_ATTR_S), DDBGT_OK);
		ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, name), DDBGT_OK);
		ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, "sk"), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	}
	char *doc = ddbgt_test_emit_ok(t, NULL, NULL);
	const char *last = "r.arn if r.region_name == \\\"eu-west-2\\\"])}\"";
	const char *at = strstr(doc, last);
	ck_assert_ptr_nonnull(at);
	at = strstr(at + 1, last);
	ck_assert_ptr_nonnull(at);
	ck_assert_ptr_null(strstr(at + 1, last));
	ck_assert_ptr_nonnull(strstr(doc, "\"name\": \"g8_pk\""));
	ck_assert_ptr_null(strstr(strstr(doc, "\"name\": \"sk\"") + 1, "\"name\": \"sk\""));
	ck_assert_int_gt(ddbgt_test_emit_sweep(t, NULL, 0, doc), 5);
	ddbgt_free(doc);
	ddbgt_table_free(t);
}
END_TEST

Suite *ddbgt_test_emit(void)
{
	Suite *s = suite_create("emit");
	TCase *tc = tcase_create("golden");
	tcase_add_loop_test(tc, golden_documents, 0, (int)(sizeof goldens / sizeof goldens[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("behaviour");
	tcase_add_test(tc, same_model_same_bytes);
	tcase_add_test(tc, many_regions_and_indexes);
	tcase_add_test(tc, default_tags_propagate_to_inline_replicas);
	tcase_add_test(tc, tag_order_does_not_matter);
	tcase_add_test(tc, hostile_strings_read_back_as_text);
	tcase_add_test(tc, hostile_strings_through_the_api);
	tcase_add_test(tc, invalid_utf8_is_refused);
	tcase_add_test(tc, invalid_model_writes_nothing);
	tcase_add_test(tc, guard_holds_whatever_the_policy);
	tcase_add_test(tc, target_must_match_the_version);
	tcase_add_test(tc, multi_attribute_keys_as_key_schema);
	tcase_add_test(tc, multi_account_is_refused);
	tcase_add_test(tc, warm_throughput_below_the_provider_minimum);
	tcase_add_test(tc, policy_sets_the_severity_of_emitter_findings);
	tcase_add_test(tc, provider_floor_follows_features);
	tcase_add_test(tc, labels_are_identifiers);
	tcase_add_test(tc, labels_compose_and_refuse_overflow);
	tcase_add_test(tc, options_and_arguments);
	tcase_add_test(tc, every_allocation_failure_is_clean);
	suite_add_tcase(s, tc);
	return s;
}
