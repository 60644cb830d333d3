/*
 * The importers. The truth they are held to: every golden Terraform document
 * the emitter writes imports back to its spec, as the .tf.json itself and as
 * the plan JSON that terraform made of it offline (tests/data/import/plan,
 * from make-plans.sh), so that emitting the imported table gives the golden
 * bytes again; the validator's verdicts on the imported table equal those on
 * the spec; and bad input gets a finding with its position, never a crash.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>
#include <jansson.h>

#include "testutil.h"

static void opts_legacy_no_import(ddbgt_emit_options *o)
{
	o->target = DDBGT_EMIT_TERRAFORM_LEGACY;
	o->no_import = 1;
}

static const struct golden {
	const char *spec;
	void (*options)(ddbgt_emit_options *o);
	const char *name; /* data/emit/NAME.tf.json, data/import/plan/NAME.plan.json */
	int planned;      /* terraform could plan it offline (a 5.x provider, no import blocks) */
	/* The emitter's "cannot express" warning: the golden says what its document lost. */
	const char *lossy;
} goldens[] = {
        {"../examples/specs/two-region-on-demand.json", NULL, "two-region-on-demand", 1, NULL},
        {"../examples/specs/three-region-cmk-pitr.json", NULL, "three-region-cmk-pitr", 1, NULL},
        {"../examples/specs/primary-standby-ia.json", NULL, "primary-standby-ia", 1, NULL},
        {"../examples/specs/provisioned-gsi.json", NULL, "provisioned-gsi", 1, NULL},
        {"../examples/specs/tags-hostile.json", NULL, "tags-hostile", 1, NULL},
        {"../examples/specs/legacy.json", opts_legacy_no_import, "legacy.no-import", 1, NULL},
        {"../examples/specs/mrsc-witness.json", NULL, "mrsc-witness", 0, NULL},
        {"data/emit/specs/kms-key-ids.json", NULL, "kms-key-ids", 0, NULL},
        {"data/emit/specs/strong-three.json", NULL, "strong-three", 0,
         "DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS"},
        /* Issue 14's keys. */
        {"../examples/specs/index-key-objects.json", NULL, "index-key-objects", 1, NULL},
        {"../examples/specs/autoscaling-tuning.json", NULL, "autoscaling-tuning", 1, NULL},
        {"../examples/specs/replica-on-demand.json", NULL, "replica-on-demand", 1,
         "DDBGT_W_EMIT_REPLICA_ON_DEMAND"},
        {"../examples/specs/kinesis-stream.json", NULL, "kinesis-stream", 1, NULL},
        {"../examples/specs/warm-throughput.json", NULL, "warm-throughput", 0, NULL},
        {"../examples/specs/contributor-insights-mode.json", NULL, "contributor-insights-mode", 0,
         NULL},
        /* Replica resource policies: aws_dynamodb_resource_policy, table and stream. */
        {"../examples/specs/resource-policy.json", NULL, "resource-policy", 1, NULL},
        /* The operations object: alarms, dashboard, IAM documents, endpoints, key statements. */
        {"../examples/specs/operations.json", NULL, "operations", 0, NULL},
        {"data/emit/specs/operations-provisioned.json", NULL, "operations-provisioned", 0, NULL},
};
#define NGOLDENS (sizeof goldens / sizeof goldens[0])

static ddbgt_table *load_spec(const char *path)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_file(&t, ddbgt_test_path(path), 0, NULL), DDBGT_OK);
	return t;
}

static ddbgt_import *import_ok(const char *path, ddbgt_import_kind want)
{
	ddbgt_import *imp = NULL;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	int rc = ddbgt_import_file(&imp, ddbgt_test_path(path), NULL, d);
	if (rc != DDBGT_OK) {
		char *text = NULL;
		ddbgt_diags_to_text(&text, d);
		ck_abort_msg("%s: %s\n%s", path, ddbgt_strerror(rc), text ? text : "");
	}
	/* The caller's list has what the import keeps. */
	ck_assert_uint_eq(ddbgt_diags_count(d), ddbgt_diags_count(ddbgt_import_diags(imp)));
	ddbgt_diags_free(d);
	ck_assert_int_eq(ddbgt_import_input_kind(imp), want);
	return imp;
}

static char *emit(const ddbgt_table *t, void (*options)(ddbgt_emit_options *o))
{
	ddbgt_emit_options o;
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	if (options)
		options(&o);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = NULL;
	int rc = ddbgt_emit_string(&out, t, &o, d);
	if (rc != DDBGT_OK) {
		char *text = NULL;
		ddbgt_diags_to_text(&text, d);
		ck_abort_msg("emit failed: %s\n%s", ddbgt_strerror(rc), text ? text : "");
	}
	ddbgt_diags_free(d);
	return out;
}

/*
 * Put the attribute definitions of t in the order of those of like, an
 * import of the same document as a .tf.json (a plan keeps them as a set).
 */
static void restore_attribute_order(ddbgt_table *t, const ddbgt_table *like)
{
	size_t n = ddbgt_table_attribute_count(like);
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), n);
	for (size_t i = 0; i < n; i++) {
		const char *name = ddbgt_table_attribute_name(like, i);
		ddbgt_attr_type type = ddbgt_table_find_attribute_type(t, name);
		ck_assert_int_eq(ddbgt_table_remove_attribute(t, name), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_attribute(t, name, type), DDBGT_OK);
	}
}

/* Put the replicas and GSIs of t in the order of spec's, and each GSI's non-key attributes too. */
static void restore_order(ddbgt_table *t, const ddbgt_table *spec)
{
	size_t n = ddbgt_table_replica_count(spec);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), n);
	ddbgt_replica *copies[16];
	ck_assert_uint_le(n, 16);
	for (size_t i = 0; i < n; i++) {
		const char *region = ddbgt_replica_region(ddbgt_table_replica_at(spec, i));
		ddbgt_replica *mine = ddbgt_table_find_replica_mut(t, region);
		ck_assert_ptr_nonnull(mine);
		ck_assert_int_eq(ddbgt_replica_copy(&copies[i], mine), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_remove_replica(t, region), DDBGT_OK);
	}
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(ddbgt_table_add_replica(t, copies[i]), DDBGT_OK);
	for (size_t g = 0; g < ddbgt_table_gsi_count(spec); g++) {
		const ddbgt_gsi *want = ddbgt_table_gsi_at(spec, g);
		ddbgt_gsi *mine = NULL;
		ck_assert_int_eq(ddbgt_gsi_copy(&mine, ddbgt_table_find_gsi(t, ddbgt_gsi_name(want))),
		                 DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_remove_gsi(t, ddbgt_gsi_name(want)), DDBGT_OK);
		ck_assert_int_eq(ddbgt_table_add_gsi(t, mine), DDBGT_OK);
		ck_assert_uint_eq(ddbgt_gsi_non_key_attribute_count(mine),
		                  ddbgt_gsi_non_key_attribute_count(want));
		ck_assert_int_eq(ddbgt_gsi_clear_non_key_attributes(mine), DDBGT_OK);
		for (size_t k = 0; k < ddbgt_gsi_non_key_attribute_count(want); k++)
			ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(
			                         mine, ddbgt_gsi_non_key_attribute_at(want, k)),
			                 DDBGT_OK);
	}
}

/*
 * The imported table, with what Terraform cannot say put back from the
 * spec: the policy always (guardrails are not infrastructure); for a plan,
 * the replicas' roles (a .tf.json written by libddbgt names them in its
 * "regions" output, which a plan leaves unknown) and the order of replica
 * blocks, GSIs, non-key attributes and attribute definitions (sets in a plan,
 * sorted by Terraform; round_trip takes the last from the .tf.json).
 * doc/import.md lists each.
 */
static ddbgt_table *restore_losses(const ddbgt_table *imported, const ddbgt_table *spec, int plan)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_table_copy(&t, imported), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_policy(t, ddbgt_table_policy(spec)), DDBGT_OK);
	if (!plan)
		return t;
	restore_order(t, spec);
	for (size_t i = 0; i < ddbgt_table_replica_count(spec); i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(spec, i);
		ddbgt_replica *mine = ddbgt_table_find_replica_mut(t, ddbgt_replica_region(r));
		if (ddbgt_replica_role(r) == DDBGT_ROLE_STANDBY)
			ck_assert_int_eq(ddbgt_replica_set_role(mine, DDBGT_ROLE_STANDBY),
			                 DDBGT_OK);
	}
	return t;
}

/* The golden without the lines of the emitter's warning code (what its document lost). */
static void drop_lines_with(char *text, const char *code)
{
	char *line = text, *out = text;
	while (*line) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line + 1) : strlen(line);
		int keep = !code || !memmem(line, len, code, strlen(code));
		if (keep) {
			memmove(out, line, len);
			out += len;
		}
		line += len;
	}
	*out = '\0';
}

static void assert_same_text(const char *got, const char *want, const char *what)
{
	if (strcmp(got, want) == 0)
		return;
	size_t i = 0;
	while (got[i] && got[i] == want[i])
		i++;
	size_t from = i > 80 ? i - 80 : 0;
	ck_abort_msg("%s differs at byte %zu:\n--- got\n%.200s\n--- want\n%.200s", what, i,
	             got + from, want + from);
}

static void round_trip(const struct golden *g, const char *input, ddbgt_import_kind kind)
{
	ddbgt_table *spec = load_spec(g->spec);
	ddbgt_import *imp = import_ok(input, kind);
	ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
	ck_assert_uint_eq(ddbgt_diags_error_count(ddbgt_import_table_diags(imp, 0)), 0);
	ddbgt_table *t = restore_losses(ddbgt_import_table_at(imp, 0), spec,
	                                kind == DDBGT_IMPORT_TERRAFORM_PLAN);
	char path[256];
	snprintf(path, sizeof path, "data/emit/%s.tf.json", g->name);
	if (kind == DDBGT_IMPORT_TERRAFORM_PLAN) {
		ddbgt_import *tf = import_ok(path, DDBGT_IMPORT_TERRAFORM_JSON);
		restore_attribute_order(t, ddbgt_import_table_at(tf, 0));
		ddbgt_import_free(tf);
	}
	char *got = emit(t, g->options);
	char *want = ddbgt_test_read_file(ddbgt_test_path(path), NULL);
	ck_assert_ptr_nonnull(want);
	drop_lines_with(want, g->lossy);
	assert_same_text(got, want, input);

	/*
	 * The verdicts: the same codes, in the same order, as on the spec itself
	 * (unless the document lost a setting, which the emitter said).
	 */
	ddbgt_diags *a = NULL, *b = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&a), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_new(&b), DDBGT_OK);
	ddbgt_table_validate(spec, NULL, a);
	ddbgt_table_validate(t, NULL, b);
	ck_assert_uint_eq(ddbgt_diags_count(a),
	                  g->lossy ? ddbgt_diags_count(a) : ddbgt_diags_count(b));
	for (size_t i = 0; !g->lossy && i < ddbgt_diags_count(a); i++)
		ck_assert_str_eq(ddbgt_diags_code_name(b, i), ddbgt_diags_code_name(a, i));
	ddbgt_diags_free(a);
	ddbgt_diags_free(b);
	free(want);
	ddbgt_free(got);
	ddbgt_table_free(t);
	ddbgt_import_free(imp);
	ddbgt_table_free(spec);
}

START_TEST(tfjson_round_trip)
{
	char path[256];
	snprintf(path, sizeof path, "data/emit/%s.tf.json", goldens[_i].name);
	round_trip(&goldens[_i], path, DDBGT_IMPORT_TERRAFORM_JSON);
}
END_TEST

START_TEST(plan_round_trip)
{
	if (!goldens[_i].planned)
		return;
	char path[256];
	snprintf(path, sizeof path, "data/import/plan/%s.plan.json", goldens[_i].name);
	round_trip(&goldens[_i], path, DDBGT_IMPORT_TERRAFORM_PLAN);
}
END_TEST

/* The validator's codes on t, sorted, as one string. */
static void codes_of(const ddbgt_table *t, char *buf, size_t size)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ddbgt_table_validate(t, NULL, d);
	const char *names[256];
	size_t n = ddbgt_diags_count(d) < 256 ? ddbgt_diags_count(d) : 256;
	for (size_t i = 0; i < n; i++)
		names[i] = ddbgt_diags_code_name(d, i);
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *x = names[j];
			names[j] = names[j - 1];
			names[j - 1] = x;
		}
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, size - l, "%s%s", l ? " " : "", names[i]);
	}
	ddbgt_diags_free(d);
}

/*
 * The validator's test cases (tests/data/validate/rules.json) that Terraform
 * can express: each trigger spec, emitted (as a caller that validated would)
 * and imported back from the .tf.json, gives the same codes as the spec.
 * The rest are listed with the reason; any other difference fails.
 */
static const struct {
	const char *code, *why;
} not_expressible[] = {
        /* The document cannot tell an explicit override equal to the table's from none. */
        {"DDBGT_W_DELETION_PROTECTION_REPLICA", "an explicit replica setting equal to the table's"},
        {"DDBGT_E_POLICY_DELETION_PROTECTION_REQUIRED", "the same, under a policy"},
        /* What the emitter, trusting validation, normalises away in the document. */
        {"DDBGT_E_ATTR_DEF_DUPLICATE", "one attribute block per name"},
        {"DDBGT_E_PROVISIONED_MISSING", "PROVISIONED capacity is written as a number"},
        {"DDBGT_E_PPR_WITH_PROVISIONED", "no capacity is written for PAY_PER_REQUEST"},
        {"DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED", "no on-demand maximum is written for PROVISIONED"},
        {"DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN", "an override of no index has no resource"},
        {"DDBGT_W_MREC_STREAM_VIEW", "a legacy table is written with its required stream"},
        {"DDBGT_E_STREAM_SPEC_INVALID", "a stream is written as the target requires"},
        {"DDBGT_E_MRSC_WITNESS_WITHOUT_STRONG", "a witness is written only for STRONG"},
        {"DDBGT_E_SSE_KEY_WITHOUT_KMS", "a key is written only for CUSTOMER_MANAGED"},
        {"DDBGT_E_SSE_TYPE_MISMATCH", "a key is written only for CUSTOMER_MANAGED"},
        {"DDBGT_E_PITR_PERIOD_RANGE", "the provider's range is enforced on the period"},
        {"DDBGT_E_PITR_PERIOD_WITHOUT_PITR", "a period is written only with PITR on"},
        {"DDBGT_E_LEGACY_STRONG", "the legacy target has no consistency mode"},
        {"DDBGT_E_REPLICA_PRIMARY_DUPLICATE", "the document has one home region"},
        /* The operations object: what the Terraform document does not write. */
        {"DDBGT_E_OPS_REGION_NOT_REPLICA", "a region without a replica gets no alarm or endpoint"},
        {"DDBGT_W_OPS_UTILIZATION_ON_DEMAND", "no utilisation alarm is written on demand"},
        {"DDBGT_W_OPS_STREAM_CONSUMER_NO_STREAM", "a stream is written as the target requires"},
        {"DDBGT_W_OPS_KMS_POLICIES_NO_CMK", "key statements are written for CMKs only"},
        /* Issue 14's keys that the Terraform document cannot hold. */
        {"DDBGT_E_ATTR_TYPE_CONFLICT", "one attribute block per name"},
        {"DDBGT_E_ONDEMAND_MAX_RANGE", "Terraform has no replica on-demand maximum"},
};

START_TEST(validator_cases_round_trip)
{
	json_error_t err;
	json_t *rules = json_load_file(ddbgt_test_path("data/validate/rules.json"), 0, &err);
	ck_assert_ptr_nonnull(rules);
	size_t i, same = 0, skipped = 0, refused = 0;
	json_t *c;
	json_array_foreach (json_object_get(rules, "cases"), i, c) {
		const char *code = json_string_value(json_object_get(c, "code"));
		char rel[128];
		snprintf(rel, sizeof rel, "data/validate/base-%s.json",
		         json_string_value(json_object_get(c, "base")));
		json_t *doc = ddbgt_test_merge_patch(json_load_file(ddbgt_test_path(rel), 0, &err),
		                                     json_object_get(c, "trigger"));
		ddbgt_table *spec = NULL;
		int loaded = ddbgt_spec_load_json(&spec, doc, 0, NULL) == DDBGT_OK;
		json_decref(doc);
		if (!loaded)
			continue;
		ddbgt_emit_options o;
		ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
		o.validated = 1;
		if (ddbgt_table_legacy_version(spec))
			o.target = DDBGT_EMIT_TERRAFORM_LEGACY;
		o.no_import = 1;
		char *tf = NULL;
		if (ddbgt_emit_string(&tf, spec, &o, NULL) != DDBGT_OK) {
			refused++; /* the emitter's own guard: nothing to import */
			ddbgt_table_free(spec);
			continue;
		}
		ddbgt_import *imp = NULL;
		ck_assert_int_eq(ddbgt_import_buffer(&imp, code, tf, strlen(tf), NULL, NULL),
		                 DDBGT_OK);
		ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
		ddbgt_table *back = restore_losses(ddbgt_import_table_at(imp, 0), spec, 0);
		ck_assert_int_eq(ddbgt_table_set_usage(back, ddbgt_table_usage(spec)), DDBGT_OK);
		char want[4096], got[4096];
		codes_of(spec, want, sizeof want);
		codes_of(back, got, sizeof got);
		int excused = 0;
		for (size_t k = 0; k < sizeof not_expressible / sizeof not_expressible[0]; k++)
			excused |= strcmp(code, not_expressible[k].code) == 0;
		/* Any finding at a replica's own on-demand maximum: Terraform cannot hold one. */
		const char *at = json_string_value(json_object_get(c, "path"));
		excused |= at != NULL && strncmp(at, "/replicas/", 10) == 0 &&
		           strstr(at, "/on_demand/") != NULL;
		if (strcmp(want, got) == 0)
			same++;
		else if (excused)
			skipped++;
		else
			ck_abort_msg(
			        "%s: the spec gives\n  %s\nthe import of its Terraform gives\n  %s",
			        code, want, got);
		ddbgt_table_free(back);
		ddbgt_import_free(imp);
		ddbgt_free(tf);
		ddbgt_table_free(spec);
	}
	printf("validator cases through Terraform: %zu same codes, %zu not expressible, %zu "
	       "refused by the emitter's own guard\n",
	       same, skipped, refused);
	/* Today's counts: a drop means the importer (or the emitter) lost something. */
	ck_assert_uint_ge(same, 101);
	json_decref(rules);
}
END_TEST

/* The address, the resource's position and a validator finding pointed into the input. */
START_TEST(positions_and_annotation)
{
	ddbgt_import *imp = import_ok("data/import/plan/provisioned-gsi.plan.json",
	                              DDBGT_IMPORT_TERRAFORM_PLAN);
	ck_assert_str_eq(ddbgt_import_table_address(imp, 0), "aws_dynamodb_table.inventory");
	ck_assert_int_gt(ddbgt_import_table_line(imp, 0), 1);
	ck_assert_int_gt(ddbgt_import_table_column(imp, 0), 0);
	int line = 0, column = 0;
	ck_assert_int_eq(ddbgt_import_table_locate(imp, 0, "/table/name", &line, &column),
	                 DDBGT_OK);
	ck_assert_int_gt(line, ddbgt_import_table_line(imp, 0));
	/* A deeper path falls back to the nearest recorded parent. */
	int l2, c2;
	ck_assert_int_eq(ddbgt_import_table_locate(imp, 0, "/table/name/x", &l2, &c2), DDBGT_OK);
	ck_assert_int_eq(l2, line);
	ck_assert_int_eq(ddbgt_import_table_locate(imp, 1, "/table", &l2, &c2), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_import_table_locate(imp, 0, NULL, &l2, &c2), DDBGT_EINVAL);

	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_add(d, DDBGT_E_TABLE_NAME_INVALID, DDBGT_SEVERITY_ERROR,
	                                 "/table/name", NULL, "x"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_import_table_annotate(imp, 0, d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_line(d, 0), line);
	ck_assert_int_eq(ddbgt_diags_column(d, 0), column);
	ddbgt_diags_free(d);
	ddbgt_import_free(imp);
}
END_TEST

/* Values unknown until apply or behind an expression: a finding each, never a guess. */
START_TEST(unresolved_values)
{
	static const char doc[] =
	        "{\"provider\": {\"aws\": [{\"region\": \"us-east-1\"},\n"
	        " {\"alias\": \"b\", \"region\": \"${var.region}\"}]},\n"
	        "\"resource\": {\"aws_dynamodb_table\": {\"t\": {\n"
	        "  \"name\": \"orders\", \"billing_mode\": \"PAY_PER_REQUEST\", \"hash_key\": \"pk\",\n"
	        "  \"attribute\": [{\"name\": \"pk\", \"type\": \"S\"}],\n"
	        "  \"ttl\": {\"attribute_name\": \"${var.ttl}\", \"enabled\": true},\n"
	        "  \"replica\": [{\"region_name\": \"eu-west-1\"}]}},\n"
	        " \"aws_dynamodb_table_replica\": {\"r\": {\"provider\": \"aws.b\",\n"
	        "  \"global_table_arn\": \"${aws_dynamodb_table.t.arn}\"}}}}\n";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "main.tf.json", doc, strlen(doc), NULL, NULL),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_import_input_kind(imp), DDBGT_IMPORT_TERRAFORM_JSON);
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
	ck_assert_ptr_null(ddbgt_table_ttl_attribute(t));
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 2);
	size_t found = 0;
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		if (ddbgt_diags_code(d, i) == DDBGT_W_IMPORT_UNRESOLVED &&
		    strcmp(ddbgt_diags_path(d, i), "/ttl/0/attribute_name") == 0) {
			ck_assert_int_eq(ddbgt_diags_line(d, i), 6);
			found++;
		}
	ck_assert_uint_eq(found, 1);
	/* The replica resource's provider has no literal region. */
	ck_assert(ddbgt_diags_has(ddbgt_import_diags(imp), DDBGT_W_IMPORT_UNRESOLVED));
	ddbgt_import_free(imp);
}
END_TEST

/* Numbers and bools given as strings, as a .tf.json may ("${...}" aside): read as their values. */
/*
 * The operations object's other shapes, emitted and read back: the same
 * document again, and the settings the loader would keep (a default stays
 * unset). Alarms of no table of the input are left alone.
 */
START_TEST(tfjson_operations_variants)
{
	static const char *const ops[] = {
		"{\"alarms\": {\"throttles\": false, \"evaluation_periods\": 2}}",
		"{\"alarms\": {\"system_errors\": false, \"period_seconds\": 120}}",
		"{\"iam\": {\"policies\": [\"read\", \"stream_consumer\"], \"regions\": [\"eu-west-1\"], "
		"\"indexes\": [\"by_customer\"]}}",
		"{\"vpc_endpoints\": {\"eu-west-1\": {\"vpc_id\": \"vpc-1a2b3c4d\", "
		"\"route_table_ids\": [\"rtb-1a2b3c4d\"], \"restrict_to_table\": false}}, "
		"\"dashboard\": true}",
	};
	for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
		char text[1024];
		snprintf(text, sizeof text,
		         "{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"orders\", \"partition_key\": "
		         "{\"name\": \"pk\", \"type\": \"S\"}, \"attributes\": [{\"name\": \"c\", "
		         "\"type\": \"S\"}], \"global_secondary_indexes\": [{\"name\": \"by_customer\", "
		         "\"partition_key\": \"c\"}, {\"name\": \"by_other\", \"partition_key\": \"c\"}]}, "
		         "\"replicas\": [{\"region\": \"us-east-1\"}, {\"region\": \"eu-west-1\"}, "
		         "{\"region\": \"ap-southeast-2\"}], \"operations\": %s}",
		         ops[k]);
		ddbgt_table *spec = NULL;
		ck_assert_int_eq(ddbgt_spec_load_string(&spec, text, strlen(text), 0, NULL), DDBGT_OK);
		char *tf = emit(spec, NULL);
		ddbgt_import *imp = NULL;
		ck_assert_int_eq(ddbgt_import_buffer(&imp, "ops.tf.json", tf, strlen(tf), NULL, NULL),
		                 DDBGT_OK);
		const ddbgt_table *back = ddbgt_import_table_at(imp, 0);
		char *again = emit(back, NULL);
		assert_same_text(again, tf, ops[k]);
		char *want = NULL, *got = NULL;
		ck_assert_int_eq(ddbgt_spec_dump_string(&want, spec, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_dump_string(&got, back, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
		const char *a = strstr(want, "\"operations\""), *b = strstr(got, "\"operations\"");
		ck_assert_ptr_nonnull(b);
		ck_assert_str_eq(b, a);
		ddbgt_free(want);
		ddbgt_free(got);
		ddbgt_free(again);
		ddbgt_import_free(imp);
		ddbgt_free(tf);
		ddbgt_table_free(spec);
	}

	/* An alarm on another table, a policy that names none: not this import's. */
	static const char doc[] =
		"{\"provider\": {\"aws\": {\"region\": \"us-east-1\"}},\n"
		"\"resource\": {\"aws_dynamodb_table\": {\"t\": {\"name\": \"orders\", \"hash_key\": "
		"\"pk\", \"billing_mode\": \"PAY_PER_REQUEST\", \"attribute\": [{\"name\": \"pk\", "
		"\"type\": \"S\"}]}},\n"
		"\"aws_cloudwatch_metric_alarm\": {\"a\": {\"alarm_name\": \"x\", \"metric_name\": "
		"\"ReadThrottleEvents\", \"namespace\": \"AWS/DynamoDB\", \"comparison_operator\": "
		"\"GreaterThanThreshold\", \"evaluation_periods\": 1, \"threshold\": 0, "
		"\"dimensions\": {\"TableName\": \"another\"}}},\n"
		"\"aws_iam_policy\": {\"t_read\": {\"policy\": \"{\\\"Version\\\":\\\"2012-10-17\\\"}\"}}}}\n";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "t.tf.json", doc, strlen(doc), NULL, NULL),
	                 DDBGT_OK);
	ck_assert_ptr_null(ddbgt_table_operations(ddbgt_import_table_at(imp, 0)));
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	ddbgt_import_free(imp);
}
END_TEST

START_TEST(tfjson_string_values)
{
	static const char doc[] =
	        "{\"provider\": {\"aws\": {\"region\": \"us-east-1\"}},\n"
	        "\"resource\": {\"aws_dynamodb_table\": {\"t\": {\"name\": \"orders\",\n"
	        "  \"hash_key\": \"pk\", \"attribute\": [{\"name\": \"pk\", \"type\": \"S\"}],\n"
	        "  \"read_capacity\": \"7\", \"write_capacity\": 5,\n"
	        "  \"deletion_protection_enabled\": \"true\", \"replica\": {\"region_name\": \"eu-west-1\"}}}}}\n";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "t.tf.json", doc, strlen(doc), NULL, NULL),
	                 DDBGT_OK);
	const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
	int64_t units = 0;
	ck_assert_int_eq(ddbgt_table_billing_mode(t), DDBGT_BILLING_PROVISIONED);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_READ, &units), DDBGT_OK);
	ck_assert_int_eq(units, 7);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_WRITE, &units), DDBGT_OK);
	ck_assert_int_eq(units, 5);
	ck_assert_int_eq(ddbgt_table_deletion_protection(t), 1);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 2);
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	ddbgt_import_free(imp);
}
END_TEST

static const char cfn_yaml[] =
        "AWSTemplateFormatVersion: '2010-09-09'\n"
        "Parameters:\n"
        "  Name: {Type: String, Default: orders}\n"
        "Resources:\n"
        "  Orders:\n"
        "    Type: AWS::DynamoDB::GlobalTable\n"
        "    Properties:\n"
        "      TableName: !Ref Name\n"
        "      BillingMode: PAY_PER_REQUEST\n"
        "      AttributeDefinitions:\n"
        "        - {AttributeName: pk, AttributeType: S}\n"
        "        - {AttributeName: gpk, AttributeType: S}\n"
        "      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n"
        "      GlobalSecondaryIndexes:\n"
        "        - IndexName: by_g\n"
        "          KeySchema: [{AttributeName: gpk, KeyType: HASH}]\n"
        "          Projection: {ProjectionType: KEYS_ONLY}\n"
        "      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}\n"
        "      TimeToLiveSpecification: {AttributeName: !Sub '${Name}-ttl', Enabled: true}\n"
        "      Replicas:\n"
        "        - Region: us-east-1\n"
        "          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}\n"
        "          Tags: [{Key: team, Value: a}]\n"
        "        - Region: eu-west-1\n"
        "          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}\n"
        "          TableClass: STANDARD_INFREQUENT_ACCESS\n"
        "          Tags: [{Key: team, Value: a}, {Key: site, Value: dub}]\n";

START_TEST(cloudformation_yaml)
{
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(
	        ddbgt_import_buffer(&imp, "t.yaml", cfn_yaml, strlen(cfn_yaml), NULL, NULL),
	        DDBGT_OK);
	ck_assert_int_eq(ddbgt_import_input_kind(imp), DDBGT_IMPORT_CLOUDFORMATION);
	ck_assert_str_eq(ddbgt_import_table_address(imp, 0), "Orders");
	ck_assert_int_eq(ddbgt_import_table_line(imp, 0), 6);
	char *got = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&got, ddbgt_import_table_at(imp, 0), 0), DDBGT_OK);
	char *want =
	        ddbgt_test_read_file(ddbgt_test_path("data/import/cfn-orders.spec.json"), NULL);
	ck_assert_ptr_nonnull(want);
	assert_same_text(got, want, "the spec of the YAML template");
	/* !Sub is an expression: reported where it stands, line 19. */
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 1);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_W_IMPORT_UNRESOLVED);
	ck_assert_int_eq(ddbgt_diags_line(d, 0), 19);
	free(want);
	ddbgt_free(got);
	ddbgt_import_free(imp);
}
END_TEST

/* A table inside a child module: Terraform evaluated its variables; references are module-relative.
 */
START_TEST(plan_child_module)
{
	ddbgt_import *imp =
	        import_ok("data/import/plan/module.plan.json", DDBGT_IMPORT_TERRAFORM_PLAN);
	ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
	ck_assert_str_eq(ddbgt_import_table_address(imp, 0), "module.orders.aws_dynamodb_table.t");
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	char *got = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&got, ddbgt_import_table_at(imp, 0), 0), DDBGT_OK);
	char *want = ddbgt_test_read_file(ddbgt_test_path("data/import/module.spec.json"), NULL);
	ck_assert_ptr_nonnull(want);
	assert_same_text(got, want, "the spec of the module's table");
	free(want);
	ddbgt_free(got);
	ddbgt_import_free(imp);
}
END_TEST

/* The spec of table i of imp is the committed one at path. */
/* Finding i of d: its code, path and line. */
static void assert_finding(const ddbgt_diags *d, size_t i, ddbgt_code code, const char *path,
                           int line)
{
	ck_assert_uint_gt(ddbgt_diags_count(d), i);
	ck_assert_str_eq(ddbgt_diags_code_name(d, i), ddbgt_code_name(code));
	ck_assert_str_eq(ddbgt_diags_path(d, i), path);
	ck_assert_int_eq(ddbgt_diags_line(d, i), line);
}

static void assert_spec(ddbgt_import *imp, size_t i, const char *path)
{
	char *got = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&got, ddbgt_import_table_at(imp, i), 0), DDBGT_OK);
	char *want = ddbgt_test_read_file(ddbgt_test_path(path), NULL);
	ck_assert_ptr_nonnull(want);
	assert_same_text(got, want, path);
	free(want);
	ddbgt_free(got);
}

/*
 * Issue 14's keys in CloudFormation: warm throughput, a multi-attribute
 * KeySchema, Kinesis, insights with a mode on replicas and replica GSIs,
 * per-replica on-demand read maximums, target-tracking tuning.
 */
START_TEST(cloudformation_issue14_keys)
{
	ddbgt_import *imp =
	        import_ok("data/import/cfn-issue14.template.yaml", DDBGT_IMPORT_CLOUDFORMATION);
	ck_assert_uint_eq(ddbgt_import_table_count(imp), 2);
	assert_spec(imp, 0, "data/import/cfn-issue14.matches.spec.json");
	assert_spec(imp, 1, "data/import/cfn-issue14.ledger.spec.json");
	/*
	 * The third replica has no read maximum, for itself or its index, where
	 * the first has one: a spec cannot say so (the replica inherits).
	 */
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 2);
	for (size_t i = 0; i < 2; i++) {
		ck_assert_int_eq(ddbgt_diags_code(d, i), DDBGT_W_IMPORT_NOT_CARRIED);
		ck_assert_str_eq(ddbgt_diags_path(d, i), "/Replicas/2");
		ck_assert_int_eq(ddbgt_diags_line(d, i), 45);
	}
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 1)), 0);
	ddbgt_import_free(imp);
}
END_TEST

static void opts_cfn_json(ddbgt_emit_options *o)
{
	o->target = DDBGT_EMIT_CLOUDFORMATION;
	o->format = DDBGT_EMIT_FORMAT_JSON;
}

static void opts_cfn_yaml(ddbgt_emit_options *o)
{
	o->target = DDBGT_EMIT_CLOUDFORMATION;
	o->format = DDBGT_EMIT_FORMAT_YAML;
}

/*
 * Replica resource policies (table and stream) through CloudFormation: the
 * golden templates, JSON and YAML, import to the example spec, and that
 * emits the same bytes again. The policy text is the spec's canonical form
 * whether the template wrote the document as an object or as a string.
 */
START_TEST(cloudformation_resource_policy)
{
	static const struct {
		const char *path;
		void (*options)(ddbgt_emit_options *o);
	} templates[] = {
	        {"data/cloudformation/resource-policy.json", opts_cfn_json},
	        {"data/cloudformation/resource-policy.yaml", opts_cfn_yaml},
	};
	ddbgt_table *spec = load_spec("../examples/specs/resource-policy.json");
	char *want_spec = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&want_spec, spec, 0), DDBGT_OK);
	for (size_t i = 0; i < sizeof templates / sizeof templates[0]; i++) {
		ddbgt_import *imp = import_ok(templates[i].path, DDBGT_IMPORT_CLOUDFORMATION);
		ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
		ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
		const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
		char *got_spec = NULL;
		ck_assert_int_eq(ddbgt_spec_dump_string(&got_spec, t, 0), DDBGT_OK);
		assert_same_text(got_spec, want_spec, templates[i].path);
		char *got = emit(t, templates[i].options);
		char *want = ddbgt_test_read_file(ddbgt_test_path(templates[i].path), NULL);
		ck_assert_ptr_nonnull(want);
		assert_same_text(got, want, templates[i].path);
		free(want);
		ddbgt_free(got);
		ddbgt_free(got_spec);
		ddbgt_import_free(imp);
	}

	/* The document as its JSON text, as CloudFormation also takes it. */
	static const char text_form[] =
	        "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::GlobalTable\", "
	        "\"Properties\": {\"TableName\": \"orders\", \"BillingMode\": "
	        "\"PAY_PER_REQUEST\", \"AttributeDefinitions\": [{\"AttributeName\": \"id\", "
	        "\"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"id\", "
	        "\"KeyType\": \"HASH\"}], \"Replicas\": [{\"Region\": \"us-east-1\", "
	        "\"GlobalTableSettingsReplicationMode\": \"DISABLED\", "
	        "\"ResourcePolicy\": {\"PolicyDocument\": \"{ \\\"Version\\\" : "
	        "\\\"2012-10-17\\\", \\\"Statement\\\": [] }\"}}]}}}}";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "text", text_form, strlen(text_form), NULL, NULL),
	                 DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	const ddbgt_replica *r = ddbgt_table_replica_at(ddbgt_import_table_at(imp, 0), 0);
	ck_assert_str_eq(ddbgt_replica_resource_policy(r),
	                 "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
	ck_assert_ptr_null(ddbgt_replica_stream_resource_policy(r));
	ck_assert_int_eq(ddbgt_replica_settings_replication(r), DDBGT_SETTINGS_REPLICATION_DISABLED);
	ddbgt_import_free(imp);
	ddbgt_free(want_spec);
	ddbgt_table_free(spec);
}
END_TEST

/*
 * A policy CloudFormation builds at deployment (an Fn::Sub in a Resource) is
 * reported unresolved, at the function, and not imported; a document that is
 * not an object is a value error.
 */
START_TEST(cloudformation_resource_policy_unresolved)
{
	ddbgt_import *imp =
	        import_ok("data/import/cfn-policy-unresolved.template.json", DDBGT_IMPORT_CLOUDFORMATION);
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 2);
	assert_finding(d, 0, DDBGT_W_IMPORT_UNRESOLVED, "/Replicas/0/ResourcePolicy/PolicyDocument",
	               21);
	assert_finding(d, 1, DDBGT_E_IMPORT_VALUE,
	               "/Replicas/1/ReplicaStreamSpecification/ResourcePolicy/PolicyDocument", 28);
	const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
	for (size_t i = 0; i < 2; i++) {
		ck_assert_ptr_null(ddbgt_replica_resource_policy(ddbgt_table_replica_at(t, i)));
		ck_assert_ptr_null(
		        ddbgt_replica_stream_resource_policy(ddbgt_table_replica_at(t, i)));
	}
	ddbgt_import_free(imp);
}
END_TEST

/*
 * The operations object through CloudFormation. The table's template holds
 * the home region's alarms and endpoint and the global resources; the other
 * regions' SNS topics and endpoints are in companion templates, which the
 * template's own findings name. Each golden imports to its spec less those
 * (with a finding per left-out part, where the template said it), and that
 * emits the golden's bytes again, but for the findings of what it left out.
 */
static const struct {
	const char *spec, *template;
	size_t left_out; /* the template's DDBGT_W_EMIT_OPS_OTHER_REGION findings */
} cfn_operations[] = {
        {"../examples/specs/operations.json", "data/cloudformation/operations.json", 2},
        {"data/emit/specs/operations-provisioned.json",
         "data/cloudformation/operations-provisioned.json", 2},
        {"data/cloudformation/specs/operations-kms-aliases.json",
         "data/cloudformation/operations-kms-aliases.json", 3},
};

/* t's operations without the SNS topics and gateway endpoints of regions other than the home one. */
static void home_region_only(ddbgt_table *t)
{
	ddbgt_operations *ops = ddbgt_table_operations_mut(t);
	const char *home = ddbgt_replica_region(ddbgt_table_primary_replica(t));
	for (size_t i = ddbgt_operations_sns_topic_count(ops); i-- > 0;) {
		const char *region = ddbgt_operations_sns_topic_region(ops, i);
		if (strcmp(region, home) != 0)
			ck_assert_int_eq(ddbgt_operations_remove_sns_topic(ops, region), DDBGT_OK);
	}
	for (size_t i = ddbgt_operations_vpc_endpoint_count(ops); i-- > 0;) {
		const char *region = ddbgt_operations_vpc_endpoint_region(ops, i);
		if (strcmp(region, home) != 0)
			ck_assert_int_eq(ddbgt_operations_remove_vpc_endpoint(ops, region), DDBGT_OK);
	}
}

/* The text from the first line that starts with key (two spaces in), or "". */
static const char *from_key(const char *text, const char *key)
{
	char line[64];
	snprintf(line, sizeof line, "\n  \"%s\"", key);
	const char *at = strstr(text, line);
	return at ? at : "";
}

START_TEST(cloudformation_operations_round_trip)
{
	ddbgt_table *spec = load_spec(cfn_operations[_i].spec);
	home_region_only(spec);
	const char *path = cfn_operations[_i].template;
	ddbgt_import *imp = import_ok(path, DDBGT_IMPORT_CLOUDFORMATION);
	ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), cfn_operations[_i].left_out);
	for (size_t i = 0; i < cfn_operations[_i].left_out; i++) {
		char at[64];
		snprintf(at, sizeof at, "/Metadata/ddbgt/Findings/%zu", i);
		assert_finding(d, i, DDBGT_W_IMPORT_NOT_CARRIED, at, 7 + (int)i);
		ck_assert_int_eq(ddbgt_diags_column(d, i), 9);
	}
	ddbgt_table *t = restore_losses(ddbgt_import_table_at(imp, 0), spec, 0);
	char *got = emit(t, opts_cfn_json);
	char *want = emit(spec, opts_cfn_json);
	assert_same_text(got, want, path);
	/* The golden itself, from its head to Metadata and from Rules on. */
	char *golden = ddbgt_test_read_file(ddbgt_test_path(path), NULL);
	ck_assert_ptr_nonnull(golden);
	size_t head = strlen(golden) - strlen(from_key(golden, "Metadata"));
	ck_assert_int_eq(strncmp(got, golden, head), 0);
	ck_assert_str_ne(from_key(golden, "Rules"), "");
	assert_same_text(from_key(got, "Rules"), from_key(golden, "Rules"), path);

	/* The same verdicts as on the spec. */
	char a[4096], b[4096];
	codes_of(spec, a, sizeof a);
	codes_of(t, b, sizeof b);
	ck_assert_str_eq(b, a);

	/* The YAML template of the same spec reads back to the same operations. */
	char *yaml = emit(spec, opts_cfn_yaml);
	ddbgt_import *back = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&back, "t.yaml", yaml, strlen(yaml), NULL, NULL),
	                 DDBGT_OK);
	ddbgt_table *u = restore_losses(ddbgt_import_table_at(back, 0), spec, 0);
	char *again = emit(u, opts_cfn_yaml);
	assert_same_text(again, yaml, "the YAML template");
	ddbgt_free(again);
	ddbgt_table_free(u);
	ddbgt_import_free(back);
	ddbgt_free(yaml);
	free(golden);
	ddbgt_free(want);
	ddbgt_free(got);
	ddbgt_table_free(t);
	ddbgt_import_free(imp);
	ddbgt_table_free(spec);
}
END_TEST

/*
 * What a template has beyond what the operations object writes, or gives
 * through an expression: a finding with its position, and the rest read.
 * Resources of no table of the input (an SQS alarm) are left alone.
 */
START_TEST(cloudformation_operations_edges)
{
	ddbgt_import *imp = import_ok("data/import/cfn-operations-edges.template.json",
	                              DDBGT_IMPORT_CLOUDFORMATION);
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 3);
	assert_finding(d, 0, DDBGT_W_IMPORT_UNRESOLVED, "/EvaluationPeriods", 25);
	assert_finding(d, 1, DDBGT_W_IMPORT_NOT_CARRIED, "", 30);
	assert_finding(d, 2, DDBGT_W_IMPORT_NOT_CARRIED, "/ServiceName", 59);
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, 1), "TReadCapacityAlarm"));
	const ddbgt_operations *ops = ddbgt_table_operations(ddbgt_import_table_at(imp, 0));
	ck_assert_ptr_nonnull(ops);
	ck_assert_int_eq(ddbgt_operations_alarms(ops), 1);
	/* The latency alarm names the table by its name; its threshold is not the default. */
	int64_t v = 0;
	ck_assert_int_eq(ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_REPLICATION_LATENCY_MS,
	                                                    &v),
	                 DDBGT_OK);
	ck_assert_int_eq(v, 90000);
	ck_assert_int_ne(ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_EVALUATION_PERIODS,
	                                                    NULL),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_THROTTLES), 0);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_SYSTEM_ERRORS),
	                 0);
	const char *topic = NULL;
	ck_assert_int_eq(ddbgt_operations_get_sns_topic(ops, "us-east-1", &topic), DDBGT_OK);
	ck_assert_str_eq(topic, "arn:aws:sns:us-east-1:111122223333:ops");
	ck_assert_int_eq(ddbgt_operations_dashboard(ops), 1);
	/* A policy document given as its JSON text, limited to one region. */
	ck_assert_int_eq(ddbgt_operations_iam_policy(ops, DDBGT_IAM_READ), 1);
	ck_assert_int_eq(ddbgt_operations_iam_policy(ops, DDBGT_IAM_READ_WRITE), 0);
	ck_assert_uint_eq(ddbgt_operations_iam_region_count(ops), 1);
	ck_assert_str_eq(ddbgt_operations_iam_region_at(ops, 0), "us-east-1");
	ck_assert_uint_eq(ddbgt_operations_vpc_endpoint_count(ops), 0);
	int line = 0, column = 0;
	ck_assert_int_eq(ddbgt_import_table_locate(imp, 0, "/operations/dashboard", &line, &column),
	                 DDBGT_OK);
	ck_assert_int_eq(line, 46);
	ddbgt_import_free(imp);

	/* A companion template has no table: its alarms belong to another stack's. */
	ddbgt_diags *none = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&none), DDBGT_OK);
	imp = (ddbgt_import *)1;
	ck_assert_int_ne(ddbgt_import_file(&imp,
	                                   ddbgt_test_path("data/cloudformation/"
	                                                   "operations.eu-west-1.json"),
	                                   NULL, none),
	                 DDBGT_OK);
	ck_assert_ptr_null(imp);
	ck_assert_uint_eq(ddbgt_diags_count(none), 1);
	ck_assert_int_eq(ddbgt_diags_code(none, 0), DDBGT_E_IMPORT_NO_TABLES);
	ddbgt_diags_free(none);
}
END_TEST

/*
 * An alarm threshold the spec's whole-number settings cannot hold (1e300,
 * 60000.5) is a bad value at its position in both importers, not a cast
 * that is undefined or drops the fraction; nor is a whole number out of
 * 64-bit range (a string) read as strtoll's limit. The other settings are
 * read. Line 10 of each input is "KEY": VALUE.
 */
static const struct {
	const char *name, *text, *threshold, *periods;
} alarm_inputs[] = {
        {"t.template.json",
         "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::GlobalTable\", \"Properties\": {\n"
         "\"TableName\": \"orders\", \"BillingMode\": \"PAY_PER_REQUEST\",\n"
         "\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],\n"
         "\"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}],\n"
         "\"StreamSpecification\": {\"StreamViewType\": \"NEW_AND_OLD_IMAGES\"},\n"
         "\"Replicas\": [{\"Region\": \"us-east-1\"}, {\"Region\": \"eu-west-1\"}]}},\n"
         "\"TLatencyAlarm\": {\"Type\": \"AWS::CloudWatch::Alarm\", \"Properties\": {\n"
         "\"MetricName\": \"ReplicationLatency\", \"Period\": 120,\n"
         "\"Dimensions\": [{\"Name\": \"TableName\", \"Value\": {\"Ref\": \"T\"}}],\n"
         "\"%s\": %s}}}}\n",
         "Threshold", "EvaluationPeriods"},
        {"t.tf.json",
         "{\"provider\": {\"aws\": {\"region\": \"us-east-1\"}},\n"
         "\"resource\": {\"aws_dynamodb_table\": {\"orders\": {\"name\": \"orders\",\n"
         "\"billing_mode\": \"PAY_PER_REQUEST\", \"hash_key\": \"pk\",\n"
         "\"attribute\": [{\"name\": \"pk\", \"type\": \"S\"}], \"stream_enabled\": true,\n"
         "\"stream_view_type\": \"NEW_AND_OLD_IMAGES\",\n"
         "\"replica\": [{\"region_name\": \"eu-west-1\"}]}},\n"
         "\"aws_cloudwatch_metric_alarm\": {\"orders_latency\": {\n"
         "\"metric_name\": \"ReplicationLatency\", \"period\": 120,\n"
         "\"dimensions\": {\"TableName\": \"orders\"},\n"
         "\"%s\": %s}}}}\n",
         "threshold", "evaluation_periods"},
};

/* Input i with key: value at line 10 imports with a bad whole number there, and setting unset. */
static void expect_not_whole(size_t i, const char *key, const char *value,
                             ddbgt_alarm_setting unset)
{
	char text[2048], at[32];
	snprintf(text, sizeof text, alarm_inputs[i].text, key, value);
	snprintf(at, sizeof at, "line 10 column %d", (int)strlen(key) + 5);
	ddbgt_import *imp = NULL;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	int rc = ddbgt_import_buffer(&imp, alarm_inputs[i].name, text, strlen(text), NULL, d);
	/* The finding is the table's, when there is one. */
	char *all = NULL;
	ddbgt_diags_to_text(&all, rc == DDBGT_OK ? ddbgt_import_table_diags(imp, 0) : d);
	ck_assert_msg(all && strstr(all, "DDBGT_E_IMPORT_VALUE") && strstr(all, at) &&
	                      strstr(all, "must be a whole number"),
	              "%s %s: %s", alarm_inputs[i].name, value, all ? all : "");
	if (rc == DDBGT_OK) {
		const ddbgt_operations *ops = ddbgt_table_operations(ddbgt_import_table_at(imp, 0));
		ck_assert_int_ne(ddbgt_operations_get_alarm_setting(ops, unset, NULL), DDBGT_OK);
		int64_t v = 0;
		ck_assert_int_eq(
		        ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_PERIOD_SECONDS, &v),
		        DDBGT_OK);
		ck_assert_int_eq(v, 120);
	}
	ddbgt_free(all);
	ddbgt_diags_free(d);
	ddbgt_import_free(imp);
}

START_TEST(alarm_threshold_not_whole)
{
	static const char *const thresholds[] = {"1e300", "-1e300", "60000.5"};
	for (size_t k = 0; k < sizeof thresholds / sizeof thresholds[0]; k++)
		expect_not_whole((size_t)_i, alarm_inputs[_i].threshold, thresholds[k],
		                 DDBGT_ALARM_REPLICATION_LATENCY_MS);
}
END_TEST

START_TEST(whole_number_string_out_of_range)
{
	static const char *const periods[] = {"\"99999999999999999999999\"",
	                                      "\"-99999999999999999999999\""};
	for (size_t k = 0; k < sizeof periods / sizeof periods[0]; k++)
		expect_not_whole((size_t)_i, alarm_inputs[_i].periods, periods[k],
		                 DDBGT_ALARM_EVALUATION_PERIODS);
}
END_TEST

/*
 * An application policy limited to 17 of a table's 20 regions reads back
 * limited to those 17 through both targets: a table has no cap on its
 * replicas, so neither has the regions an importer keeps.
 */
START_TEST(iam_regions_beyond_sixteen)
{
	static const char *const regions[] = {
	        "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",
	        "ca-central-1",   "sa-east-1",      "eu-west-1",      "eu-west-2",
	        "eu-west-3",      "eu-central-1",   "eu-north-1",     "eu-south-1",
	        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
	        "ap-southeast-1", "ap-southeast-2", "ap-east-1",      "af-south-1"};
	enum { NREP = sizeof regions / sizeof regions[0], LIMITED = 17 };
	char spec[4096], *at = spec, *end = spec + sizeof spec;
	at += snprintf(at, (size_t)(end - at),
	               "{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"orders\", "
	               "\"partition_key\": {\"name\": \"pk\", \"type\": \"S\"}}, \"replicas\": [");
	for (size_t i = 0; i < NREP; i++)
		at += snprintf(at, (size_t)(end - at), "%s{\"region\": \"%s\"}", i ? ", " : "",
		               regions[i]);
	at += snprintf(at, (size_t)(end - at),
	               "], \"operations\": {\"iam\": {\"policies\": [\"read\"], \"regions\": [");
	for (size_t i = 0; i < LIMITED; i++)
		at += snprintf(at, (size_t)(end - at), "%s\"%s\"", i ? ", " : "", regions[i]);
	snprintf(at, (size_t)(end - at), "]}}}");
	ck_assert(at < end - 8);
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&t, spec, strlen(spec), 0, NULL), DDBGT_OK);
	void (*const targets[])(ddbgt_emit_options *) = {NULL, opts_cfn_json};
	const char *const names[] = {"t.tf.json", "t.template.json"};
	for (size_t k = 0; k < 2; k++) {
		char *doc = emit(t, targets[k]);
		ddbgt_import *imp = NULL;
		ck_assert_int_eq(ddbgt_import_buffer(&imp, names[k], doc, strlen(doc), NULL, NULL),
		                 DDBGT_OK);
		const ddbgt_operations *ops = ddbgt_table_operations(ddbgt_import_table_at(imp, 0));
		ck_assert_uint_eq(ddbgt_operations_iam_region_count(ops), LIMITED);
		for (size_t i = 0; i < LIMITED; i++) {
			size_t j = 0;
			while (j < LIMITED &&
			       strcmp(ddbgt_operations_iam_region_at(ops, j), regions[i]) != 0)
				j++;
			ck_assert_msg(j < LIMITED, "%s: %s is not kept", names[k], regions[i]);
		}
		ddbgt_import_free(imp);
		ddbgt_free(doc);
	}
	ddbgt_table_free(t);
}
END_TEST

/*
 * A policy that names as many regions as the table has replicas, one of
 * them no replica's, is limited to those regions: not read as every
 * region, which would widen it on the next emit.
 */
START_TEST(iam_region_of_no_replica_is_a_limit)
{
	static const char template[] =
	        "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::GlobalTable\", \"Properties\": {"
	        "\"TableName\": \"orders\", \"BillingMode\": \"PAY_PER_REQUEST\","
	        "\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],"
	        "\"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}],"
	        "\"StreamSpecification\": {\"StreamViewType\": \"NEW_AND_OLD_IMAGES\"},"
	        "\"Replicas\": [{\"Region\": \"us-east-1\"}, {\"Region\": \"eu-west-1\"}]}},"
	        "\"TReadPolicy\": {\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": {"
	        "\"PolicyDocument\": {\"Statement\": [{\"Resource\": ["
	        "\"arn:aws:dynamodb:us-east-1:111122223333:table/orders\","
	        "\"arn:aws:dynamodb:ap-south-1:111122223333:table/orders\"]}]}}}}}";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "t.template.json", template, strlen(template),
	                                     NULL, NULL),
	                 DDBGT_OK);
	const ddbgt_operations *ops = ddbgt_table_operations(ddbgt_import_table_at(imp, 0));
	ck_assert_int_eq(ddbgt_operations_iam_policy(ops, DDBGT_IAM_READ), 1);
	ck_assert_uint_eq(ddbgt_operations_iam_region_count(ops), 2);
	ck_assert_str_eq(ddbgt_operations_iam_region_at(ops, 0), "us-east-1");
	ck_assert_str_eq(ddbgt_operations_iam_region_at(ops, 1), "ap-south-1");
	ddbgt_import_free(imp);
}
END_TEST

/*
 * aws_dynamodb_resource_policy in a .tf.json beyond what libddbgt writes: a
 * jsonencode() policy is unresolved, a literal stream ARN sets the
 * replica's stream policy, text that is not one object is a value error, a
 * table the input does not declare is an orphan.
 */
START_TEST(tfjson_resource_policy_edges)
{
	ddbgt_import *imp = NULL;
	ddbgt_diags *all = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&all), DDBGT_OK);
	ck_assert_int_eq(ddbgt_import_file(&imp, ddbgt_test_path("data/import/tf-policy-edges.tf.json"),
	                                   NULL, all),
	                 DDBGT_OK);
	ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
	const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
	ck_assert_ptr_null(ddbgt_replica_resource_policy(ddbgt_table_replica_at(t, 0)));
	ck_assert_ptr_null(ddbgt_replica_resource_policy(ddbgt_table_replica_at(t, 1)));
	ck_assert_str_eq(ddbgt_replica_stream_resource_policy(ddbgt_table_replica_at(t, 1)),
	                 "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 2);
	assert_finding(d, 0, DDBGT_W_IMPORT_UNRESOLVED, "/policy", 23);
	assert_finding(d, 1, DDBGT_E_IMPORT_VALUE, "/policy", 33);
	int orphans = 0;
	for (size_t i = 0; i < ddbgt_diags_count(all); i++)
		orphans += ddbgt_diags_code(all, i) == DDBGT_W_IMPORT_ORPHAN &&
		           ddbgt_diags_line(all, i) == 35;
	ck_assert_int_eq(orphans, 1);
	ddbgt_diags_free(all);
	ddbgt_import_free(imp);
}
END_TEST

/*
 * A literal policy longer than any DynamoDB accepts is still the user's own
 * text: it is imported, so that the validator reports its size
 * (DDBGT_E_RESOURCE_POLICY_SIZE) rather than the importer calling a plain
 * string "an expression" because it outgrew a buffer.
 */
START_TEST(tfjson_resource_policy_over_the_limit)
{
	static const char head[] =
	        "{\"resource\": {\"aws_dynamodb_table\": {\"orders\": {\"name\": \"orders\", "
	        "\"billing_mode\": \"PAY_PER_REQUEST\", \"hash_key\": \"id\", "
	        "\"attribute\": [{\"name\": \"id\", \"type\": \"S\"}], "
	        "\"replica\": [{\"region_name\": \"eu-west-1\"}]}}, "
	        "\"aws_dynamodb_resource_policy\": {\"big\": {"
	        "\"resource_arn\": \"${aws_dynamodb_table.orders.arn}\", "
	        "\"policy\": \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": [";
	static const char stmt[] =
	        "{\\\"Sid\\\": \\\"s%03d\\\", \\\"Effect\\\": \\\"Allow\\\", "
	        "\\\"Principal\\\": {\\\"AWS\\\": \\\"arn:aws:iam::111122223333:role/r%03d\\\"}, "
	        "\\\"Action\\\": \\\"dynamodb:GetItem\\\", \\\"Resource\\\": "
	        "\\\"arn:aws:dynamodb:us-east-1:111122223333:table/orders\\\"}%s";
	size_t cap = 64 * 1024, len = 0;
	char *doc = malloc(cap);
	ck_assert_ptr_nonnull(doc);
	len += (size_t)snprintf(doc, cap, "%s", head);
	for (int i = 0; i < 200; i++)
		len += (size_t)snprintf(doc + len, cap - len, stmt, i, i, i < 199 ? ", " : "");
	len += (size_t)snprintf(doc + len, cap - len, "]}\"}}}, \"provider\": {\"aws\": "
	                                              "{\"region\": \"us-east-1\"}}}");
	ck_assert_uint_lt(len, cap - 1);

	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "big.tf.json", doc, len, NULL, NULL), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
	const char *policy = ddbgt_replica_resource_policy(ddbgt_table_replica_at(t, 0));
	ck_assert_ptr_nonnull(policy);
	ck_assert_uint_gt(strlen(policy), 30000);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), DDBGT_EINVALID);
	int size = 0;
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		size += ddbgt_diags_code(d, i) == DDBGT_E_RESOURCE_POLICY_SIZE &&
		        strcmp(ddbgt_diags_path(d, i), "/replicas/0/resource_policy") == 0;
	ck_assert_int_eq(size, 1);
	ddbgt_diags_free(d);
	ddbgt_import_free(imp);
	free(doc);
}
END_TEST

/*
 * get-resource-policy beside describe-table: the home replica's policy, or
 * its stream's when the document names a stream; text that is not one
 * object is a value error at /Policy.
 */
START_TEST(describe_table_resource_policy)
{
	ddbgt_import *imp = import_ok("data/import/describe-policy", DDBGT_IMPORT_DESCRIBE_TABLE);
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	const ddbgt_table *t = ddbgt_import_table_at(imp, 0);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 2);
	const ddbgt_replica *home = ddbgt_table_replica_at(t, 0);
	ck_assert_str_eq(ddbgt_replica_region(home), "us-east-1");
	ck_assert_str_eq(ddbgt_replica_resource_policy(home),
	                 "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReportingReads\","
	                 "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
	                 "444455556666:role/reporting\"},\"Action\":[\"dynamodb:GetItem\","
	                 "\"dynamodb:Query\"],\"Resource\":\"arn:aws:dynamodb:us-east-1:"
	                 "111122223333:table/orders\"}]}");
	ck_assert_ptr_null(ddbgt_replica_stream_resource_policy(home));
	ck_assert_ptr_null(ddbgt_replica_resource_policy(ddbgt_table_replica_at(t, 1)));
	ddbgt_import_free(imp);

	static const char stream[] =
	        "{\"Table\": {\"TableName\": \"orders\", \"TableArn\": "
	        "\"arn:aws:dynamodb:us-east-1:111122223333:table/orders\"},\n"
	        "\"Policy\": \"{\\\"Version\\\": \\\"2012-10-17\\\", \\\"Statement\\\": "
	        "{\\\"Resource\\\": \\\"arn:aws:dynamodb:us-east-1:111122223333:table/orders/"
	        "stream/2026-01-01T00:00:00.000\\\"}}\"}";
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "stream", stream, strlen(stream), NULL, NULL),
	                 DDBGT_OK);
	home = ddbgt_table_replica_at(ddbgt_import_table_at(imp, 0), 0);
	ck_assert_ptr_null(ddbgt_replica_resource_policy(home));
	ck_assert_ptr_nonnull(ddbgt_replica_stream_resource_policy(home));
	ck_assert_ptr_nonnull(strstr(ddbgt_replica_stream_resource_policy(home), "/stream/"));
	ddbgt_import_free(imp);

	static const char bad[] =
	        "{\"Table\": {\"TableName\": \"orders\", \"TableArn\": "
	        "\"arn:aws:dynamodb:us-east-1:111122223333:table/orders\"},\n"
	        "\"Policy\": \"[1, 2]\"}";
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "bad", bad, strlen(bad), NULL, NULL), DDBGT_OK);
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 1);
	assert_finding(d, 0, DDBGT_E_IMPORT_VALUE, "/Policy", 2);
	ddbgt_import_free(imp);
}
END_TEST

/*
 * A live on-demand table with list-contributor-insights and
 * describe-kinesis-streaming-destination beside describe-table: warm
 * throughput above what every table starts with, a multi-attribute GSI key,
 * replica on-demand overrides, the destination that streams, insights with
 * a mode.
 */
START_TEST(describe_table_issue14_keys)
{
	ddbgt_import *imp = import_ok("data/import/describe-ondemand", DDBGT_IMPORT_DESCRIBE_TABLE);
	assert_spec(imp, 0, "data/import/describe-ondemand.spec.json");
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	ddbgt_import_free(imp);
}
END_TEST

/*
 * Provider 6.29's key_schema blocks, which ddbgt does not emit yet: several
 * HASH entries are a multi-attribute partition key, one RANGE a sort key.
 */
START_TEST(tfjson_key_schema)
{
	static const char doc[] =
	        "{\"provider\": {\"aws\": {\"region\": \"eu-west-1\"}},\n"
	        "\"resource\": {\"aws_dynamodb_table\": {\"t\": {\"name\": \"matches\",\n"
	        "  \"billing_mode\": \"PAY_PER_REQUEST\", \"hash_key\": \"id\",\n"
	        "  \"attribute\": [{\"name\": \"id\", \"type\": \"S\"}, {\"name\": \"a\", \"type\": \"S\"},\n"
	        "    {\"name\": \"b\", \"type\": \"N\"}, {\"name\": \"c\", \"type\": \"S\"}],\n"
	        "  \"global_secondary_index\": {\"name\": \"by_ab\", \"projection_type\": \"ALL\",\n"
	        "    \"key_schema\": [{\"attribute_name\": \"a\", \"key_type\": \"HASH\"},\n"
	        "      {\"attribute_name\": \"b\", \"key_type\": \"HASH\"},\n"
	        "      {\"attribute_name\": \"c\", \"key_type\": \"RANGE\"},\n"
	        "      {\"attribute_name\": \"c\", \"key_type\": \"SIDEWAYS\"}]},\n"
	        "  \"replica\": {\"region_name\": \"eu-central-1\"}}}}}\n";
	ddbgt_import *imp = NULL;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "t.tf.json", doc, strlen(doc), NULL, NULL),
	                 DDBGT_OK);
	const ddbgt_gsi *g = ddbgt_table_gsi_at(ddbgt_import_table_at(imp, 0), 0);
	ck_assert(ddbgt_gsi_partition_key_is_multi_attribute(g));
	ck_assert_uint_eq(ddbgt_gsi_partition_key_attribute_count(g), 2);
	ck_assert_str_eq(ddbgt_gsi_partition_key_attribute_name(g, 0), "a");
	ck_assert_str_eq(ddbgt_gsi_partition_key_attribute_name(g, 1), "b");
	ck_assert(!ddbgt_gsi_sort_key_is_multi_attribute(g));
	ck_assert_str_eq(ddbgt_gsi_sort_key(g), "c");
	/* The key type that is neither HASH nor RANGE: refused where it stands. */
	const ddbgt_diags *d = ddbgt_import_table_diags(imp, 0);
	ck_assert_uint_eq(ddbgt_diags_count(d), 1);
	assert_finding(d, 0, DDBGT_E_IMPORT_VALUE, "/global_secondary_index/0/key_schema/3/key_type",
	               10);
	ddbgt_import_free(imp);
}
END_TEST

START_TEST(describe_table_directory)
{
	ddbgt_import *imp = import_ok("data/import/describe", DDBGT_IMPORT_DESCRIBE_TABLE);
	char *got = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&got, ddbgt_import_table_at(imp, 0), 0), DDBGT_OK);
	char *want = ddbgt_test_read_file(ddbgt_test_path("data/import/describe.spec.json"), NULL);
	ck_assert_ptr_nonnull(want);
	assert_same_text(got, want, "the spec of the live table");
	ck_assert_uint_eq(ddbgt_diags_count(ddbgt_import_table_diags(imp, 0)), 0);
	free(want);
	ddbgt_free(got);
	ddbgt_import_free(imp);
}
END_TEST

/* Bad input: a finding with its code and position, the import object still given. */
static const struct bad {
	const char *text;
	ddbgt_import_kind kind;
	ddbgt_code code;
	int line;
} bad[] = {
        {"{\"format_version\": \"1.2\", \"planned_values\": {", DDBGT_IMPORT_AUTO,
         DDBGT_E_SPEC_SYNTAX, 1},
        {"{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {}}}",
         DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_NO_TABLES, 0},
        {"{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}", DDBGT_IMPORT_AUTO,
         DDBGT_E_IMPORT_NO_TABLES, 0},
        {"Resources:\n  A: &a [*a]\n", DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_SYNTAX, 2},
        {"a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
         "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
         "Resources: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
         DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_TOO_LARGE, 6},
        {"Resources:\n  A: 1\n---\nResources: {}\n", DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_SYNTAX, 3},
        {"just: yaml\n", DDBGT_IMPORT_AUTO, DDBGT_E_SPEC_SYNTAX, 1},
        {"just: yaml\n", DDBGT_IMPORT_CLOUDFORMATION, DDBGT_E_IMPORT_KIND, 1},
        {"", DDBGT_IMPORT_AUTO, DDBGT_E_SPEC_SYNTAX, 1},
        {"{\"Table\": {}}", DDBGT_IMPORT_CLOUDFORMATION, DDBGT_E_IMPORT_KIND, 1},
        {"{\"Table\": 5}", DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_KIND, 1},
        {"Resources:\n  T:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n"
         "      TableName: [1]\n      Replicas: []\n",
         DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_VALUE, 5},
        /* A cooldown below 0 is refused, not stored as "not given". */
        {"Resources:\n  T:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n"
         "      TableName: t\n      BillingMode: PROVISIONED\n"
         "      WriteProvisionedThroughputSettings:\n        WriteCapacityAutoScalingSettings:\n"
         "          MinCapacity: 1\n          MaxCapacity: 2\n"
         "          TargetTrackingScalingPolicyConfiguration:\n"
         "            TargetValue: 50\n            ScaleInCooldown: -1\n"
         "      Replicas: [{Region: us-east-1}]\n",
         DDBGT_IMPORT_AUTO, DDBGT_E_IMPORT_VALUE, 13},
};

START_TEST(bad_input)
{
	const struct bad *b = &bad[_i];
	ddbgt_import_options o = DDBGT_IMPORT_OPTIONS_INIT;
	o.kind = b->kind;
	ddbgt_import *imp = NULL;
	ddbgt_diags *all = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&all), DDBGT_OK);
	int rc = ddbgt_import_buffer(&imp, "bad", b->text, strlen(b->text), &o, all);
	/* A value refused inside a table: the table is imported, the finding is its own. */
	if (b->code == DDBGT_E_IMPORT_VALUE) {
		ck_assert_int_eq(rc, DDBGT_OK);
		ck_assert_int_eq(ddbgt_diags_append(all, ddbgt_import_table_diags(imp, 0)),
		                 DDBGT_OK);
	} else {
		ck_assert_int_eq(rc, DDBGT_ESPEC);
		ck_assert_ptr_null(imp);
	}
	for (size_t i = 0; i < ddbgt_diags_count(all); i++)
		if (ddbgt_diags_code(all, i) == b->code) {
			ck_assert_int_eq(ddbgt_diags_line(all, i), b->line);
			ddbgt_import_free(imp);
			ddbgt_diags_free(all);
			return;
		}
	char *text = NULL;
	ddbgt_diags_to_text(&text, all);
	ck_abort_msg("case %d: no %s in\n%s", _i, ddbgt_code_name(b->code), text ? text : "");
}
END_TEST

/*
 * Allocation failures: at every allocation of an import of each kind, the
 * call returns DDBGT_ENOMEM with *out NULL and leaks nothing (libyaml's own
 * allocations are outside the library's allocator and not swept).
 */
static const char *const oom_inputs[] = {
        "data/import/plan/provisioned-gsi.plan.json",
        "data/emit/provisioned-gsi.tf.json",
        "data/import/bench/inventory.template.json",
        "data/import/bench/inventory.template.yaml",
        "data/import/bench/inventory.describe-table.json",
        "data/import/plan/module.plan.json",
        "data/import/plan/kinesis-stream.plan.json",
        "data/emit/contributor-insights-mode.tf.json",
        "data/emit/autoscaling-tuning.tf.json",
        "data/import/cfn-issue14.template.yaml",
        "data/import/plan/resource-policy.plan.json",
        "data/cloudformation/resource-policy.json",
        "data/import/tf-policy-edges.tf.json",
        "data/emit/operations-provisioned.tf.json",
        "data/emit/operations.tf.json",
        "data/cloudformation/operations-provisioned.json",
        "data/cloudformation/operations.json",
        "data/import/cfn-operations-edges.template.json",
};

START_TEST(allocation_failures)
{
	size_t len;
	char *text = ddbgt_test_read_file(ddbgt_test_path(oom_inputs[_i]), &len);
	ddbgt_test_alloc_install();
	ddbgt_test_sweep s;
	int rc = 0;
	for (ddbgt_test_sweep_start(&s, oom_inputs[_i], 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_import *imp = (ddbgt_import *)1;
		rc = ddbgt_import_buffer(&imp, "oom", text, len, NULL, NULL);
		if (rc != DDBGT_OK)
			ck_assert_ptr_null(imp);
		ddbgt_import_free(rc == DDBGT_OK ? imp : NULL);
	}
	ck_assert_int_eq(s.rc, DDBGT_OK);
	ck_assert_int_gt(s.n, 10);
	ddbgt_test_alloc_uninstall();
	free(text);
}
END_TEST

START_TEST(api_edges)
{
	ddbgt_import *imp = (ddbgt_import *)1;
	ck_assert_int_eq(ddbgt_import_buffer(NULL, "x", "{}", 2, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", NULL, 2, NULL, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(imp);
	ddbgt_import_options o = {0};
	/* A zeroed struct means the defaults; a later version or an unknown kind is refused. */
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", "{\"Table\": {}}", 13, &o, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_import_input_kind(imp), DDBGT_IMPORT_DESCRIBE_TABLE);
	ddbgt_import_free(imp);
	o.version = DDBGT_IMPORT_OPTIONS_VERSION + 1;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", "{}", 2, &o, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(imp);
	o.version = DDBGT_IMPORT_OPTIONS_VERSION;
	o.kind = (ddbgt_import_kind)77;
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", "{}", 2, &o, NULL), DDBGT_EINVAL);
	o.kind = DDBGT_IMPORT_AUTO;
	ck_assert_int_eq(ddbgt_import_options_init(&o, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_import_options_init(&o, DDBGT_IMPORT_OPTIONS_VERSION + 1),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_import_options_init(&o, DDBGT_IMPORT_OPTIONS_VERSION), DDBGT_OK);
	o.max_bytes = 4;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", "{\"a\": 1}", 8, &o, d), DDBGT_ESPEC);
	ck_assert_ptr_null(imp);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_IMPORT_TOO_LARGE));
	ddbgt_diags_clear(d);
	ck_assert_int_eq(ddbgt_import_file(&imp, "/nonexistent/x.json", NULL, d), DDBGT_EIO);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_SPEC_UNREADABLE));
	ddbgt_diags_clear(d);
	o.max_bytes = 0;
	o.kind = DDBGT_IMPORT_TERRAFORM_PLAN;
	ck_assert_int_eq(ddbgt_import_file(&imp, "/nonexistent/x.json", &o, d), DDBGT_EIO);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_IMPORT_UNREADABLE));
	ddbgt_diags_free(d);
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", "{}", 2, NULL, NULL), DDBGT_ESPEC);
	ck_assert_ptr_null(imp);
	ck_assert_int_eq(ddbgt_import_buffer(&imp, "x", "{\"Table\": {}}", 13, NULL, NULL),
	                 DDBGT_OK);
	ck_assert_str_eq(ddbgt_import_name(imp), "x");
	ddbgt_import_free(imp);
	ddbgt_import_free(NULL);
	ck_assert_uint_eq(ddbgt_import_table_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_import_table_at(NULL, 0));
	ck_assert_ptr_null(ddbgt_import_table_address(NULL, 0));
	ck_assert_ptr_null(ddbgt_import_table_diags(NULL, 0));
	ck_assert_int_eq(ddbgt_import_table_line(NULL, 0), 0);
	ck_assert_int_eq(ddbgt_import_table_column(NULL, 0), 0);
	ck_assert_int_eq(ddbgt_import_input_kind(NULL), DDBGT_IMPORT_AUTO);
	ck_assert_ptr_null(ddbgt_import_diags(NULL));
	ck_assert_ptr_null(ddbgt_import_name(NULL));
	ck_assert_int_eq(ddbgt_import_table_annotate(NULL, 0, NULL), DDBGT_EINVAL);
	ddbgt_import_kind k;
	ck_assert_int_eq(ddbgt_import_kind_from_name(&k, "terraform-plan"), DDBGT_OK);
	ck_assert_int_eq(k, DDBGT_IMPORT_TERRAFORM_PLAN);
	ck_assert_str_eq(ddbgt_import_kind_name(DDBGT_IMPORT_DESCRIBE_TABLE), "describe-table");
	ck_assert_ptr_null(ddbgt_import_kind_name((ddbgt_import_kind)99));
	ck_assert_int_eq(ddbgt_import_kind_from_name(&k, "hcl"), DDBGT_EINVAL);
	ck_assert_int_eq(k, DDBGT_IMPORT_AUTO);
	/* A spec imports as itself. */
	ddbgt_import *s =
	        import_ok("../examples/specs/two-region-on-demand.json", DDBGT_IMPORT_SPEC);
	ck_assert_str_eq(ddbgt_import_table_address(s, 0), "orders");
	ddbgt_import_free(s);
}
END_TEST

Suite *ddbgt_test_import(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("import");
	tcase_add_loop_test(tc, tfjson_round_trip, 0, (int)NGOLDENS);
	tcase_add_loop_test(tc, plan_round_trip, 0, (int)NGOLDENS);
	tcase_add_test(tc, validator_cases_round_trip);
	tcase_add_test(tc, positions_and_annotation);
	tcase_add_test(tc, unresolved_values);
	tcase_add_test(tc, tfjson_string_values);
	tcase_add_test(tc, tfjson_operations_variants);
	tcase_add_test(tc, cloudformation_yaml);
	tcase_add_test(tc, describe_table_directory);
	tcase_add_test(tc, cloudformation_issue14_keys);
	tcase_add_test(tc, describe_table_issue14_keys);
	tcase_add_test(tc, cloudformation_resource_policy);
	tcase_add_test(tc, cloudformation_resource_policy_unresolved);
	tcase_add_loop_test(tc, cloudformation_operations_round_trip, 0,
	                    (int)(sizeof cfn_operations / sizeof cfn_operations[0]));
	tcase_add_test(tc, cloudformation_operations_edges);
	tcase_add_loop_test(tc, alarm_threshold_not_whole, 0,
	                    (int)(sizeof alarm_inputs / sizeof alarm_inputs[0]));
	tcase_add_loop_test(tc, whole_number_string_out_of_range, 0,
	                    (int)(sizeof alarm_inputs / sizeof alarm_inputs[0]));
	tcase_add_test(tc, iam_regions_beyond_sixteen);
	tcase_add_test(tc, iam_region_of_no_replica_is_a_limit);
	tcase_add_test(tc, tfjson_resource_policy_edges);
	tcase_add_test(tc, tfjson_resource_policy_over_the_limit);
	tcase_add_test(tc, describe_table_resource_policy);
	tcase_add_test(tc, tfjson_key_schema);
	tcase_add_test(tc, plan_child_module);
	tcase_add_loop_test(tc, bad_input, 0, (int)(sizeof bad / sizeof bad[0]));
	tcase_add_test(tc, api_edges);
	tcase_add_loop_test(tc, allocation_failures, 0,
	                    (int)(sizeof oom_inputs / sizeof oom_inputs[0]));
	suite_add_tcase(s, tc);
	return s;
}
