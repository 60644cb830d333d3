/*
 * ddbgt_diff: the rule cases of tests/data/diff (one folder per case: old,
 * new and the expected changes), the plan of a multi-change case, the
 * property that a table compared with itself has no change, the findings,
 * the options and the accessors' edges.
 */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "diff_internal.h"
#include "testutil.h"

static ddbgt_table *load(const char *path)
{
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_msg(ddbgt_spec_load_file(&t, path, 0, d) == DDBGT_OK, "%s does not load", path);
	ddbgt_diags_free(d);
	return t;
}

static ddbgt_changes *diff_case(const char *name, ddbgt_diags *diags)
{
	char path[512];
	snprintf(path, sizeof path, "data/diff/%s/old.json", name);
	ddbgt_table *a = load(ddbgt_test_path(path));
	snprintf(path, sizeof path, "data/diff/%s/new.json", name);
	ddbgt_table *b = load(ddbgt_test_path(path));
	ddbgt_changes *c = NULL;
	ck_assert_int_eq(ddbgt_diff(&c, a, b, NULL, diags), DDBGT_OK);
	ck_assert_ptr_nonnull(c);
	ddbgt_table_free(a);
	ddbgt_table_free(b);
	return c;
}

/* "class rule path" of every change, one per line, as in the expect files. */
static char *summary(const ddbgt_changes *c)
{
	size_t size = 1;
	for (size_t i = 0; i < ddbgt_changes_count(c); i++)
		size += strlen(ddbgt_changes_path(c, i)) + 64;
	char *s = malloc(size);
	ck_assert_ptr_nonnull(s);
	s[0] = '\0';
	for (size_t i = 0; i < ddbgt_changes_count(c); i++) {
		size_t used = strlen(s);
		snprintf(s + used, size - used, "%s %s %s\n",
		         ddbgt_change_class_name(ddbgt_changes_class(c, i)), ddbgt_changes_rule(c, i),
		         ddbgt_changes_path(c, i));
	}
	return s;
}

START_TEST(rule_cases)
{
	DIR *dir = opendir(ddbgt_test_path("data/diff"));
	ck_assert_ptr_nonnull(dir);
	size_t cases = 0;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.' || strchr(e->d_name, '.'))
			continue;
		char path[512];
		snprintf(path, sizeof path, "data/diff/%s/expect", e->d_name);
		char *expect = ddbgt_test_read_file(ddbgt_test_path(path), NULL);
		ddbgt_changes *c = diff_case(e->d_name, NULL);
		char *got = summary(c);
		ck_assert_msg(strcmp(got, expect) == 0, "%s: expected\n%sgot\n%s", e->d_name, expect,
		              got);
		/* Every change carries its reason and source; rate-limited ones their limit. */
		for (size_t i = 0; i < ddbgt_changes_count(c); i++) {
			ck_assert_ptr_nonnull(ddbgt_changes_reason(c, i));
			ck_assert_ptr_nonnull(ddbgt_changes_source(c, i));
			ck_assert_int_eq(ddbgt_changes_limit(c, i) != NULL,
			                 ddbgt_changes_class(c, i) == DDBGT_CHANGE_RATE_LIMITED);
			ck_assert(ddbgt_changes_old_value(c, i) || ddbgt_changes_new_value(c, i));
		}
		free(got);
		free(expect);
		ddbgt_changes_free(c);
		cases++;
	}
	closedir(dir);
	ck_assert_uint_ge(cases, 46);
}
END_TEST

/* The steps of the multi-change case, in order, with their UpdateTable calls. */
START_TEST(plan_order)
{
	ddbgt_changes *c = diff_case("plan-multi", NULL);
	static const struct {
		const char *api;
		const char *action_start;
		size_t calls;
	} want[] = {
		{"UpdateTable", "change the billing mode and throughput", 1},
		{"UpdateTable", "delete GSI by-status", 1},
		{"UpdateTable", "create GSI by-owner and wait until its backfill ends", 1},
		{"UpdateTable", "create GSI by-created and wait until its backfill ends", 1},
		{"UpdateTable", "create the replica in ap-northeast-1", 1},
		{"UpdateTable", "update the settings of the replica in us-east-1", 1},
		{"UpdateTimeToLive", "disable time to live on expires_at", 0},
		{"UpdateTable", "set deletion protection in eu-west-1", 1},
	};
	size_t n = sizeof want / sizeof want[0];
	ck_assert_uint_eq(ddbgt_changes_step_count(c), n);
	for (size_t s = 0; s < n; s++) {
		ck_assert_str_eq(ddbgt_changes_step_api(c, s), want[s].api);
		ck_assert_msg(strncmp(ddbgt_changes_step_action(c, s), want[s].action_start,
		                      strlen(want[s].action_start)) == 0,
		              "step %zu: %s", s + 1, ddbgt_changes_step_action(c, s));
		ck_assert_uint_eq(ddbgt_changes_step_update_table_calls(c, s), want[s].calls);
		ck_assert_uint_ge(ddbgt_changes_step_change_count(c, s), 1);
	}
	ck_assert_uint_eq(ddbgt_changes_update_table_calls(c), 7);
	/* Each step applies the changes it lists: the first is the capacity change. */
	size_t at = 99;
	ck_assert_int_eq(ddbgt_changes_get_step_change(c, 0, 0, &at), DDBGT_OK);
	ck_assert_uint_eq(at, 0);
	ck_assert_int_eq(ddbgt_changes_get_step_change(c, 4, 0, &at), DDBGT_OK);
	ck_assert_str_eq(ddbgt_changes_rule(c, at), "replica-add");
	ck_assert_int_eq(ddbgt_changes_get_step_change(c, 0, 9, &at), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_changes_get_step_change(c, 99, 0, &at), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_changes_get_step_change(c, 0, 0, NULL), DDBGT_EINVAL);
	ddbgt_changes_free(c);
}
END_TEST

/* A GSI rebuild is a deletion and a creation; a view type change two stream calls. */
START_TEST(plan_special_steps)
{
	ddbgt_changes *c = diff_case("gsi-rebuild", NULL);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 2);
	ck_assert_str_eq(ddbgt_changes_step_action(c, 0), "delete GSI by-status");
	ck_assert_uint_eq(ddbgt_changes_update_table_calls(c), 2);
	ddbgt_changes_free(c);

	c = diff_case("stream", NULL);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 1);
	ck_assert_uint_eq(ddbgt_changes_step_update_table_calls(c, 0), 2);
	ddbgt_changes_free(c);

	/* With a billing switch the GSIs' capacity goes in the same call as the table's. */
	c = diff_case("billing-to-provisioned", NULL);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 2);
	ck_assert_uint_eq(ddbgt_changes_step_change_count(c, 0), 5);
	ck_assert_str_eq(ddbgt_changes_step_api(c, 1), "UpdateTableReplicaAutoScaling");
	ddbgt_changes_free(c);

	/* The throughput of a rebuilt GSI goes with its creation, not in a call of its own. */
	ddbgt_table *a = load(ddbgt_test_path("data/diff/gsi-capacity/old.json"));
	ddbgt_table *b = load(ddbgt_test_path("data/diff/gsi-capacity/new.json"));
	ck_assert_int_eq(ddbgt_gsi_set_projection(ddbgt_table_find_gsi_mut(b, "by-status"),
	                                          DDBGT_PROJECTION_ALL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diff(&c, a, b, NULL, NULL), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_changes_count(c), 2);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 2);
	ck_assert_str_eq(ddbgt_changes_step_action(c, 0), "delete GSI by-status");
	ck_assert_uint_eq(ddbgt_changes_step_change_count(c, 0), 1);
	ck_assert_uint_eq(ddbgt_changes_step_change_count(c, 1), 2);
	ddbgt_changes_free(c);
	ddbgt_table_free(a);
	ddbgt_table_free(b);

	/* Replacements and refusals have no step. */
	c = diff_case("table-name", NULL);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 0);
	ck_assert_uint_eq(ddbgt_changes_update_table_calls(c), 0);
	ddbgt_changes_free(c);
}
END_TEST

static size_t same_table_count(const char *path)
{
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL, *copy = NULL;
	size_t loaded = 0;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	if (ddbgt_spec_load_file(&t, path, 0, d) == DDBGT_OK) {
		ddbgt_changes *c = NULL;
		ck_assert_int_eq(ddbgt_diff(&c, t, t, NULL, d), DDBGT_OK);
		ck_assert_msg(ddbgt_changes_count(c) == 0, "%s: diff with itself has %zu changes",
		              path, ddbgt_changes_count(c));
		ck_assert_uint_eq(ddbgt_changes_step_count(c), 0);
		ddbgt_changes_free(c);
		/* A deep copy is the same design too. */
		ck_assert_int_eq(ddbgt_table_copy(&copy, t), DDBGT_OK);
		ck_assert_int_eq(ddbgt_diff(&c, t, copy, NULL, d), DDBGT_OK);
		ck_assert_msg(ddbgt_changes_count(c) == 0, "%s: diff with its copy", path);
		ddbgt_changes_free(c);
		ddbgt_table_free(copy);
		loaded = 1;
	}
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
	return loaded;
}

static size_t same_table_dir(const char *dir_path)
{
	DIR *dir = opendir(dir_path);
	size_t n = 0;
	ck_assert_msg(dir != NULL, "%s", dir_path);
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir_path, e->d_name);
		n += same_table_count(path);
	}
	closedir(dir);
	return n;
}

/* diff(a, a) is empty for every example spec and every spec of the fuzz corpus. */
START_TEST(same_table_no_change)
{
	const char *top = getenv("DDBGT_TOP_SRCDIR");
	ck_assert_ptr_nonnull(top);
	char path[1024];
	size_t n = 0;
	snprintf(path, sizeof path, "%s/examples/specs", top);
	n += same_table_dir(path);
	snprintf(path, sizeof path, "%s/fuzz/corpus/spec", top);
	n += same_table_dir(path);
	n += same_table_dir(ddbgt_test_path("data/spec"));
	ck_assert_uint_ge(n, 10);
}
END_TEST

/*
 * The Terraform plan of each example spec, read back by the importer, is
 * the same table as the spec: no change but the library's own routing role,
 * which a plan cannot carry.
 */
START_TEST(imported_plans_match_their_specs)
{
	const char *top = getenv("DDBGT_TOP_SRCDIR");
	ck_assert_ptr_nonnull(top);
	static const char *const names[] = {"primary-standby-ia", "provisioned-gsi", "tags-hostile",
	                                    "three-region-cmk-pitr", "two-region-on-demand"};
	for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
		char path[1024];
		snprintf(path, sizeof path, "data/import/plan/%s.plan.json", names[n]);
		ddbgt_import *imp = NULL;
		ck_assert_int_eq(ddbgt_import_file(&imp, ddbgt_test_path(path), NULL, NULL), DDBGT_OK);
		ck_assert_uint_eq(ddbgt_import_table_count(imp), 1);
		snprintf(path, sizeof path, "%s/examples/specs/%s.json", top, names[n]);
		ddbgt_table *spec = load(path);
		ddbgt_changes *c = NULL;
		ck_assert_int_eq(ddbgt_diff(&c, ddbgt_import_table_at(imp, 0), spec, NULL, NULL),
		                 DDBGT_OK);
		for (size_t i = 0; i < ddbgt_changes_count(c); i++)
			ck_assert_msg(strcmp(ddbgt_changes_rule(c, i), "role") == 0, "%s: %s %s",
			              names[n], ddbgt_changes_rule(c, i), ddbgt_changes_path(c, i));
		ddbgt_changes_free(c);
		ddbgt_table_free(spec);
		ddbgt_import_free(imp);
	}
}
END_TEST

START_TEST(findings)
{
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ddbgt_changes *c = diff_case("table-name", d);
	ck_assert_uint_eq(ddbgt_diags_count(d), 1);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_DIFF_REPLACE);
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_ERROR);
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/table/name");
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, 0), "table-name: "));
	ddbgt_changes_free(c);
	ddbgt_diags_clear(d);

	/* allow_replace makes a replacement a warning, and nothing else. */
	ddbgt_table *a = load(ddbgt_test_path("data/diff/table-name/old.json"));
	ddbgt_table *b = load(ddbgt_test_path("data/diff/table-name/new.json"));
	ddbgt_diff_options opts;
	ck_assert_int_eq(ddbgt_diff_options_init(&opts, DDBGT_DIFF_OPTIONS_VERSION), DDBGT_OK);
	ck_assert_int_eq(opts.allow_replace, 0);
	opts.allow_replace = 1;
	ck_assert_int_eq(ddbgt_diff(&c, a, b, &opts, d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_WARNING);
	ck_assert(ddbgt_diags_is_valid(d));
	ddbgt_changes_free(c);
	ddbgt_diags_clear(d);
	/* An options struct of a newer library is refused with a finding. */
	opts.version = DDBGT_DIFF_OPTIONS_VERSION + 1;
	ck_assert_int_eq(ddbgt_diff(&c, a, b, &opts, d), DDBGT_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_OPTIONS_VERSION));
	ddbgt_diags_clear(d);
	/* A struct zeroed whole reads as the defaults; _init wants a real version. */
	memset(&opts, 0, sizeof opts);
	ck_assert_int_eq(ddbgt_diff(&c, a, b, &opts, d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_ERROR);
	ddbgt_changes_free(c);
	ck_assert_int_eq(ddbgt_diff_options_init(&opts, 0), DDBGT_EINVAL);
	ddbgt_table_free(a);
	ddbgt_table_free(b);
	ddbgt_diags_clear(d);

	static const struct {
		const char *name;
		ddbgt_code code;
	} by_class[] = {
		{"consistency", DDBGT_E_DIFF_REFUSED},
		{"encryption", DDBGT_W_DIFF_RATE_LIMITED},
		{"replica-add", DDBGT_I_DIFF_REPLICA},
		{"replica-remove", DDBGT_I_DIFF_REPLICA},
	};
	for (size_t i = 0; i < sizeof by_class / sizeof by_class[0]; i++) {
		c = diff_case(by_class[i].name, d);
		ck_assert_uint_eq(ddbgt_diags_count(d), 1);
		ck_assert_int_eq(ddbgt_diags_code(d, 0), by_class[i].code);
		ddbgt_changes_free(c);
		ddbgt_diags_clear(d);
	}
	/* In-place changes are no finding. */
	c = diff_case("capacity", d);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	ddbgt_changes_free(c);
	ddbgt_diags_free(d);
}
END_TEST

START_TEST(values_and_reasons)
{
	ddbgt_changes *c = diff_case("capacity", NULL);
	ck_assert_str_eq(ddbgt_changes_old_value(c, 0), "100");
	ck_assert_str_eq(ddbgt_changes_new_value(c, 0), "200");
	ck_assert_ptr_null(ddbgt_changes_region(c, 0));
	ddbgt_changes_free(c);

	c = diff_case("replica-add", NULL);
	ck_assert_ptr_null(ddbgt_changes_old_value(c, 0));
	ck_assert_str_eq(ddbgt_changes_new_value(c, 0), "\"ap-southeast-2\"");
	ck_assert_str_eq(ddbgt_changes_region(c, 0), "ap-southeast-2");
	ck_assert_ptr_nonnull(strstr(ddbgt_changes_reason(c, 0), "before it: "));
	ddbgt_changes_free(c);

	c = diff_case("key-schema", NULL);
	ck_assert_str_eq(ddbgt_changes_old_value(c, 0), "{\"name\":\"pk\",\"type\":\"S\"}");
	ck_assert_str_eq(ddbgt_changes_new_value(c, 0), "{\"name\":\"pk\",\"type\":\"N\"}");
	ddbgt_changes_free(c);

	c = diff_case("replica-remove", NULL);
	ck_assert_str_eq(ddbgt_changes_old_value(c, 0), "\"ap-northeast-1\"");
	ck_assert_ptr_null(ddbgt_changes_new_value(c, 0));
	ddbgt_changes_free(c);

	c = diff_case("ttl-rename", NULL);
	ck_assert_ptr_nonnull(strstr(ddbgt_changes_limit(c, 0), "per hour"));
	ck_assert_str_eq(ddbgt_changes_step_action(c, 0),
	                 "disable time to live on expires_at, wait until the change ends (up to an "
	                 "hour), then enable it on expiry");
	ddbgt_changes_free(c);
}
END_TEST

START_TEST(json_and_text)
{
	ddbgt_changes *c = diff_case("plan-multi", NULL);
	char *json = NULL, *text = NULL;
	ck_assert_int_eq(ddbgt_changes_to_json(&json, c), DDBGT_OK);
	json_error_t err;
	json_t *doc = json_loads(json, 0, &err);
	ck_assert_msg(doc != NULL, "%s", err.text);
	ck_assert_int_eq(json_integer_value(json_object_get(doc, "changes")), 8);
	ck_assert_int_eq(json_integer_value(json_object_get(doc, "update_table_calls")), 7);
	json_t *items = json_object_get(doc, "items");
	ck_assert_uint_eq(json_array_size(items), 8);
	json_t *first = json_array_get(items, 0);
	ck_assert_str_eq(json_string_value(json_object_get(first, "class")), "in_place");
	ck_assert_int_eq(json_integer_value(json_object_get(first, "old")), 100);
	ck_assert_int_eq(json_integer_value(json_object_get(first, "new")), 150);
	json_t *last = json_array_get(items, 7);
	ck_assert(json_is_null(json_object_get(last, "old")));
	ck_assert_uint_eq(json_array_size(json_object_get(doc, "plan")), 8);
	json_decref(doc);

	ck_assert_int_eq(ddbgt_changes_to_text(&text, c), DDBGT_OK);
	ck_assert_ptr_nonnull(strstr(text, "rate_limited /table/ttl_attribute (ttl-rename): "
	                                   "\"expires_at\" -> \"expiry\"\n"));
	ck_assert_ptr_nonnull(strstr(text, "plan:\n  1. UpdateTable: "));
	ck_assert_ptr_nonnull(strstr(text, "8 changes: 0 replace, 0 refused, 1 rate-limited; "
	                                   "7 UpdateTable calls\n"));
	ddbgt_free(json);
	ddbgt_free(text);
	ddbgt_changes_free(c);
}
END_TEST

START_TEST(arguments)
{
	ddbgt_table *t = load(ddbgt_test_path("data/diff/capacity/old.json"));
	ddbgt_changes *c = (ddbgt_changes *)&c;
	char *s = (char *)&s;
	ck_assert_int_eq(ddbgt_diff(NULL, t, t, NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_diff(&c, NULL, t, NULL, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(c);
	c = (ddbgt_changes *)&c;
	ck_assert_int_eq(ddbgt_diff(&c, t, NULL, NULL, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(ddbgt_diff_options_init(NULL, DDBGT_DIFF_OPTIONS_VERSION), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_changes_to_json(&s, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(ddbgt_changes_to_text(NULL, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_changes_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_changes_path(NULL, 0));
	ck_assert_int_eq(ddbgt_changes_class(NULL, 0), DDBGT_CHANGE_UNSET);
	ck_assert_ptr_null(ddbgt_change_class_name(DDBGT_CHANGE_UNSET));
	ck_assert_ptr_null(ddbgt_change_class_name((ddbgt_change_class)99));
	ck_assert_str_eq(ddbgt_change_class_name(DDBGT_CHANGE_RATE_LIMITED), "rate_limited");
	ddbgt_changes_free(NULL);

	/* Out of range on a real list. */
	ck_assert_int_eq(ddbgt_diff(&c, t, t, NULL, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_changes_reason(c, 0));
	ck_assert_ptr_null(ddbgt_changes_step_api(c, 0));
	size_t at;
	ck_assert_int_eq(ddbgt_changes_get_step_change(c, 0, 0, &at), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_changes_to_text(&s, c), DDBGT_OK);
	ck_assert_str_eq(s, "0 changes: 0 replace, 0 refused, 0 rate-limited; 0 UpdateTable calls\n");
	ddbgt_free(s);
	ddbgt_changes_free(c);
	ddbgt_table_free(t);
}
END_TEST

/* The version-1 layout, at the end of an allocation of its own size (ASan sees a read past it). */
START_TEST(options_version_1_layout)
{
	struct {
		unsigned version;
		int allow_replace;
	} v1 = {1, 1};
	void *old = malloc(sizeof v1);
	ck_assert_ptr_nonnull(old);
	memcpy(old, &v1, sizeof v1);
	ddbgt_table *a = load(ddbgt_test_path("data/diff/table-name/old.json"));
	ddbgt_table *b = load(ddbgt_test_path("data/diff/table-name/new.json"));
	ddbgt_diags *d = NULL;
	ddbgt_changes *c = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diff(&c, a, b, old, d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_WARNING);
	ck_assert_int_eq(ddbgt_diff_options_init(old, 1), DDBGT_OK);
	ck_assert_int_eq(((ddbgt_diff_options *)old)->allow_replace, 0);
	ddbgt_changes_free(c);
	ddbgt_diags_free(d);
	ddbgt_table_free(a);
	ddbgt_table_free(b);
	free(old);
}
END_TEST

/* Tables built in C, empty or half-made, compare without trouble. */
START_TEST(built_tables)
{
	ddbgt_table *a = NULL, *b = NULL;
	ddbgt_changes *c = NULL;
	ck_assert_int_eq(ddbgt_table_new(&a, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_new(&b, "t1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_diff(&c, a, b, NULL, NULL), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_changes_count(c), 1);
	ck_assert_ptr_null(ddbgt_changes_old_value(c, 0));
	ck_assert_str_eq(ddbgt_changes_rule(c, 0), "table-name");
	ddbgt_changes_free(c);
	ddbgt_table_free(a);
	ddbgt_table_free(b);
}
END_TEST

/* The keys that change no table: a policy is its own call per region, operations a deployment
 * step, a provider role no step at all; none of them counts an UpdateTable call. */
START_TEST(plan_outside_update_table)
{
	ddbgt_changes *c = diff_case("resource-policy-stream", NULL);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 1);
	ck_assert_str_eq(ddbgt_changes_step_api(c, 0), "PutResourcePolicy");
	ck_assert_ptr_nonnull(strstr(ddbgt_changes_step_action(c, 0), "in eu-west-1"));
	ck_assert_uint_eq(ddbgt_changes_update_table_calls(c), 0);
	ck_assert_ptr_null(ddbgt_changes_old_value(c, 0));
	ck_assert_ptr_nonnull(strstr(ddbgt_changes_new_value(c, 0), "table/orders/stream/*"));
	ddbgt_changes_free(c);

	c = diff_case("operations", NULL);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 1);
	ck_assert_str_eq(ddbgt_changes_step_api(c, 0), "deployment");
	ck_assert_uint_eq(ddbgt_changes_step_change_count(c, 0), 2);
	ck_assert_uint_eq(ddbgt_changes_update_table_calls(c), 0);
	ck_assert_ptr_nonnull(strstr(ddbgt_changes_old_value(c, 0), "\"replication_latency_ms\":60000"));
	ck_assert_ptr_nonnull(strstr(ddbgt_changes_new_value(c, 0), "\"replication_latency_ms\":30000"));
	ddbgt_changes_free(c);

	c = diff_case("provider-role", NULL);
	ck_assert_uint_eq(ddbgt_changes_count(c), 1);
	ck_assert_uint_eq(ddbgt_changes_step_count(c), 0);
	ddbgt_changes_free(c);
}
END_TEST

/* doc/diff.md lists every rule with its class, and tests/data/diff has a case for each. */
START_TEST(rules_documented_and_tested)
{
	const char *top = getenv("DDBGT_TOP_SRCDIR");
	ck_assert_ptr_nonnull(top);
	char path[1024];
	snprintf(path, sizeof path, "%s/doc/diff.md", top);
	char *doc = ddbgt_test_read_file(path, NULL);
	for (int id = 0; id < DDBGT__RULE_COUNT_; id++) {
		const ddbgt__diff_rule *r = ddbgt__diff_rule_get((ddbgt__diff_rule_id)id);
		char row[128];
		snprintf(row, sizeof row, "| `%s` | %s |", r->name, ddbgt_change_class_name(r->cls));
		ck_assert_msg(strstr(doc, row) != NULL, "doc/diff.md has no row %s", row);
		ck_assert_msg((r->limit != NULL) == (r->cls == DDBGT_CHANGE_RATE_LIMITED), "%s", r->name);
		ck_assert_msg((r->step == DDBGT__STEP_NONE) ==
		                      (r->cls == DDBGT_CHANGE_REPLACE || r->cls == DDBGT_CHANGE_REFUSED ||
		                       id == DDBGT__RULE_ROLE || id == DDBGT__RULE_PROVIDER_ROLE),
		              "%s: a step exactly for the allowed changes", r->name);
		snprintf(path, sizeof path, "data/diff/%s/expect", r->name);
		char *expect = ddbgt_test_read_file(ddbgt_test_path(path), NULL);
		ck_assert_msg(strstr(expect, r->name) != NULL, "the %s case does not test %s", r->name,
		              r->name);
		free(expect);
	}
	ck_assert_ptr_null(ddbgt__diff_rule_get(DDBGT__RULE_COUNT_));
	free(doc);
}
END_TEST

Suite *ddbgt_test_diff(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rule_cases);
	tcase_add_test(tc, plan_order);
	tcase_add_test(tc, plan_outside_update_table);
	tcase_add_test(tc, plan_special_steps);
	tcase_add_test(tc, same_table_no_change);
	tcase_add_test(tc, findings);
	tcase_add_test(tc, imported_plans_match_their_specs);
	tcase_add_test(tc, values_and_reasons);
	tcase_add_test(tc, json_and_text);
	tcase_add_test(tc, arguments);
	tcase_add_test(tc, built_tables);
	tcase_add_test(tc, options_version_1_layout);
	tcase_add_test(tc, rules_documented_and_tested);
	suite_add_tcase(s, tc);
	return s;
}
