/*
 * Fuzz target: the whole pipeline on one input, as the ddbgt command runs
 * it: load, dump and reload of the dump (same bytes), validation,
 * Terraform emit (refused for a table with errors), the CloudFormation template
 * in JSON and YAML (no user string substituted by Fn::Sub), cost estimate, and the
 * topology, strategy, features and routing reports. The emitted document
 * must parse as JSON, carry no unescaped "${" or "%{" from a user string,
 * and come out the same bytes when emitted again and when emitted from the
 * reloaded dump. Every document the library writes (dump, Terraform, the
 * JSON and text reports, findings) must be valid UTF-8, and every JSON one
 * must parse: a table that passed the loader cannot make a writer fail.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* The user strings of a table: every key and string of its canonical dump
 * that holds a template sequence. */
struct strings {
	const char **items;
	size_t count;
};

static int has_template(const char *s)
{
	return strstr(s, "${") || strstr(s, "%{");
}

static void collect(const json_t *v, struct strings *out)
{
	const char *key;
	json_t *child;
	size_t i;
	if (json_is_string(v) && has_template(json_string_value(v))) {
		out->items = realloc(out->items, (out->count + 1) * sizeof *out->items);
		out->items[out->count++] = json_string_value(v);
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, child) {
			if (has_template(key)) {
				out->items = realloc(out->items, (out->count + 1) * sizeof *out->items);
				out->items[out->count++] = key;
			}
			collect(child, out);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			collect(child, out);
	}
}

/*
 * Mark where Terraform's template scanner starts an interpolation or a
 * directive in s: "${" or "%{" not written as the escapes "$${" or "%%{".
 */
static void scan_template(const char *s, size_t n, char *starts)
{
	memset(starts, 0, n);
	for (size_t i = 0; i < n;) {
		if ((s[i] == '$' || s[i] == '%') && i + 2 < n && s[i + 1] == s[i] && s[i + 2] == '{') {
			i += 3;
		} else if ((s[i] == '$' || s[i] == '%') && i + 1 < n && s[i + 1] == '{') {
			starts[i] = 1;
			i += 2;
		} else {
			i++;
		}
	}
}

/* No user string appears in s with one of its "${" or "%{" live. */
static void check_escaped(const char *s, const struct strings *user)
{
	size_t n = strlen(s);
	if (!n)
		return;
	char *starts = malloc(n);
	scan_template(s, n, starts);
	for (size_t u = 0; u < user->count; u++) {
		const char *needle = user->items[u];
		size_t len = strlen(needle);
		for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
			for (size_t k = 0; k + 1 < len; k++)
				if ((needle[k] == '$' || needle[k] == '%') && needle[k + 1] == '{' &&
				    starts[(size_t)(p - s) + k]) {
					fprintf(stderr, "user string \"%s\" emitted as \"%s\"\n", needle, s);
					fuzz_fail("emit: an unescaped template sequence from a user string",
					          NULL);
				}
	}
	free(starts);
}

static void check_emitted(const json_t *v, const struct strings *user)
{
	const char *key;
	json_t *child;
	size_t i;
	if (json_is_string(v)) {
		check_escaped(json_string_value(v), user);
	} else if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, child) {
			check_escaped(key, user);
			check_emitted(child, user);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			check_emitted(child, user);
	}
}

/* 1 when the table validates without an error. */
static int validate(const ddbgt_table *t)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	int rc = ddbgt_table_validate(t, NULL, d);
	fuzz_check_diags(d);
	if (rc != DDBGT_OK && rc != DDBGT_EINVALID)
		fuzz_fail("validate: unexpected status", ddbgt_status_name(rc));
	if ((rc == DDBGT_OK) != (ddbgt_diags_error_count(d) == 0))
		fuzz_fail("validate: the status and the error findings disagree", NULL);
	ddbgt_diags_free(d);
	return rc == DDBGT_OK;
}

static void emit(const ddbgt_table *t, const char *dump, int valid)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	char *tf = NULL;
	int rc = ddbgt_emit_string(&tf, t, NULL, d);
	fuzz_check_diags(d);
	if (rc == DDBGT_OK) {
		if (!tf || ddbgt_diags_error_count(d))
			fuzz_fail("emit: DDBGT_OK without a document, or with errors", NULL);
		if (!valid)
			fuzz_fail("emit: a document for a table the validator refuses", NULL);
		fuzz_check_utf8(tf, "emit: the document");
		json_error_t err;
		json_t *doc = json_loads(tf, 0, &err);
		if (!doc)
			fuzz_fail("emit: the document is not JSON", err.text);
		json_t *spec = json_loads(dump, 0, NULL);
		struct strings user = {NULL, 0};
		collect(spec, &user);
		check_emitted(doc, &user);
		free(user.items);
		json_decref(spec);
		json_decref(doc);

		char *again = NULL;
		fuzz_ok(ddbgt_emit_string(&again, t, NULL, NULL), "emit again");
		if (strcmp(tf, again) != 0)
			fuzz_fail("emit: a second emit gives different bytes", NULL);
		ddbgt_free(again);

		ddbgt_table *reloaded = NULL;
		fuzz_ok(ddbgt_spec_load_string(&reloaded, dump, strlen(dump), 0, NULL), "reload");
		fuzz_ok(ddbgt_emit_string(&again, reloaded, NULL, NULL), "emit of the reloaded dump");
		if (strcmp(tf, again) != 0)
			fuzz_fail("emit: the reloaded dump emits different bytes", NULL);
		ddbgt_free(again);
		ddbgt_table_free(reloaded);
	} else if (rc == DDBGT_EINVALID || rc == DDBGT_EUNSUPPORTED) {
		if (tf)
			fuzz_fail("emit: a refusal with a document", NULL);
		if (rc == DDBGT_EINVALID && !ddbgt_diags_error_count(d))
			fuzz_fail("emit: DDBGT_EINVALID without an error finding", NULL);
	} else {
		fuzz_fail("emit: unexpected status", ddbgt_status_name(rc));
	}
	ddbgt_free(tf);
	ddbgt_diags_free(d);
}

/* Every "${" of an Fn::Sub string names one of the template's own variables, or is escaped ("${!"). */
static void check_subs(const json_t *v)
{
	static const char *const ours[] = {"${AWS::Partition}", "${AWS::AccountId}",
	                                   "${TableNamePrefix}", "${Table}", "${!"};
	const char *key;
	json_t *child;
	size_t i;
	if (json_is_object(v)) {
		const json_t *sub = json_object_get(v, "Fn::Sub");
		for (const char *p = json_string_value(sub); p && (p = strstr(p, "${")); p += 2) {
			int known = 0;
			for (size_t k = 0; k < sizeof ours / sizeof ours[0]; k++)
				known |= strncmp(p, ours[k], strlen(ours[k])) == 0;
			if (!known)
				fuzz_fail("emit cloudformation: Fn::Sub substitutes a user string", p);
		}
		json_object_foreach((json_t *)v, key, child)
			check_subs(child);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			check_subs(child);
	}
}

/* Each other region's companion template (stack_region): a template, or a refusal with none. */
static void emit_companions(const ddbgt_table *t)
{
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	o.target = DDBGT_EMIT_CLOUDFORMATION;
	o.parameters = 1;
	for (size_t i = 0; i < ddbgt_table_replica_count(t); i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(t, i);
		if (r == ddbgt_table_primary_replica(t))
			continue;
		char *json = NULL;
		o.stack_region = ddbgt_replica_region(r);
		int rc = ddbgt_emit_string(&json, t, &o, NULL);
		if (rc == DDBGT_OK) {
			json_error_t err;
			json_t *doc = json_loads(json, 0, &err);
			if (!doc)
				fuzz_fail("emit cloudformation: the companion is not JSON", err.text);
			check_subs(doc);
			json_decref(doc);
		} else if (rc != DDBGT_EINVALID) {
			fuzz_fail("emit cloudformation companion: unexpected status", ddbgt_status_name(rc));
		} else if (json) {
			fuzz_fail("emit cloudformation companion: a refusal with a document", NULL);
		}
		ddbgt_free(json);
	}
}

/* The CloudFormation template, in both formats, with the prefix parameter (the Fn::Sub paths). */
static void emit_cloudformation(const ddbgt_table *t, int valid)
{
	ddbgt_emit_options o = DDBGT_EMIT_OPTIONS_INIT;
	o.target = DDBGT_EMIT_CLOUDFORMATION;
	o.parameters = 1;
	char *json = NULL, *yaml = NULL, *again = NULL;
	int rc = ddbgt_emit_string(&json, t, &o, NULL);
	if (rc == DDBGT_OK) {
		if (!valid)
			fuzz_fail("emit cloudformation: a template for a table the validator refuses", NULL);
		json_error_t err;
		json_t *doc = json_loads(json, 0, &err);
		if (!doc)
			fuzz_fail("emit cloudformation: the template is not JSON", err.text);
		check_subs(doc);
		json_decref(doc);
		o.format = DDBGT_EMIT_FORMAT_YAML;
		fuzz_ok(ddbgt_emit_string(&yaml, t, &o, NULL), "emit cloudformation as YAML");
		fuzz_check_utf8(yaml, "emit cloudformation: the YAML template");
		fuzz_ok(ddbgt_emit_string(&again, t, &o, NULL), "emit cloudformation as YAML again");
		if (strcmp(yaml, again) != 0)
			fuzz_fail("emit cloudformation: a second emit gives different bytes", NULL);
		emit_companions(t);
	} else if (rc != DDBGT_EINVALID) {
		fuzz_fail("emit cloudformation: unexpected status", ddbgt_status_name(rc));
	} else if (json) {
		fuzz_fail("emit cloudformation: a refusal with a document", NULL);
	}
	ddbgt_free(json);
	ddbgt_free(yaml);
	ddbgt_free(again);
}

static void estimate(const ddbgt_table *t)
{
	static ddbgt_prices *prices; /* made once: the estimator's own advice for loops */
	if (!prices)
		fuzz_ok(ddbgt_prices_default(&prices), "ddbgt_prices_default");
	ddbgt_cost_options opts = DDBGT_COST_OPTIONS_INIT;
	opts.prices = prices;
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_cost_report *r = NULL;
	int rc = ddbgt_cost_estimate(&r, t, &opts, d);
	fuzz_check_diags(d);
	if (rc == DDBGT_OK) {
		char *json = NULL, *text = NULL;
		fuzz_ok(ddbgt_cost_report_to_json(&json, r), "ddbgt_cost_report_to_json");
		fuzz_check_json(json, "the cost report");
		fuzz_ok(ddbgt_cost_report_to_text(&text, r), "ddbgt_cost_report_to_text");
		fuzz_check_utf8(text, "the cost report's text");
		ddbgt_free(json);
		ddbgt_free(text);
	} else if (r || rc == DDBGT_ENOMEM) {
		fuzz_fail("cost: unexpected status", ddbgt_status_name(rc));
	}
	ddbgt_cost_report_free(r);
	ddbgt_diags_free(d);
}

/*
 * A report may refuse a table (no replica, say) but never fails for want of
 * memory here, and what it writes is valid JSON.
 */
static void check_report(int rc, const void *obj, int (*to_json)(char **, const void *),
                         const char *what)
{
	if (rc == DDBGT_OK) {
		char *json = NULL;
		if (!obj)
			fuzz_fail(what, "DDBGT_OK without an object");
		fuzz_ok(to_json(&json, obj), what);
		fuzz_check_json(json, what);
		ddbgt_free(json);
	} else if (obj || rc == DDBGT_ENOMEM) {
		fuzz_fail(what, ddbgt_status_name(rc));
	}
}

static int topology_json(char **out, const void *o) { return ddbgt_topology_to_json(out, o); }
static int strategy_json(char **out, const void *o) { return ddbgt_strategy_to_json(out, o); }
static int features_json(char **out, const void *o) { return ddbgt_features_to_json(out, o); }
static int routing_json(char **out, const void *o) { return ddbgt_routing_to_json(out, o); }

static void reports(const ddbgt_table *t)
{
	int rc;
	ddbgt_topology *topology = NULL;
	rc = ddbgt_topology_new(&topology, t);
	check_report(rc, topology, topology_json, "topology");
	ddbgt_topology_free(topology);
	ddbgt_strategy *strategy = NULL;
	rc = ddbgt_strategy_identify(&strategy, t);
	check_report(rc, strategy, strategy_json, "strategy");
	ddbgt_strategy_free(strategy);
	ddbgt_features *features = NULL;
	rc = ddbgt_features_detect(&features, t);
	check_report(rc, features, features_json, "features");
	ddbgt_features_free(features);
	ddbgt_routing *routing = NULL;
	rc = ddbgt_routing_new(&routing, t);
	check_report(rc, routing, routing_json, "routing");
	ddbgt_routing_free(routing);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_table *t = fuzz_load((const char *)data, size, d);
	if (t) {
		char *dump = fuzz_dump_round_trip(t);
		int valid = validate(t);
		emit(t, dump, valid);
		emit_cloudformation(t, valid);
		estimate(t);
		reports(t);
		ddbgt_free(dump);
	}
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
	return 0;
}
