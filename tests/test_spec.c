/* The spec loader and dumper. */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <ddbgt.h>

#include "testutil.h"

static void round_trip_file(const char *name)
{
	size_t len;
	char *text = ddbgt_test_read_file(ddbgt_test_path(name), &len);
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, len, 0, d), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_diags_count(d), 0);
	char *dumped = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&dumped, t, 0), DDBGT_OK);
	ck_assert_str_eq(dumped, text);
	/* A copy dumps the same bytes too. */
	ddbgt_table *copy = NULL;
	char *dumped2 = NULL;
	ck_assert_int_eq(ddbgt_table_copy(&copy, t), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&dumped2, copy, 0), DDBGT_OK);
	ck_assert_str_eq(dumped2, text);
	ddbgt_free(dumped2);
	ddbgt_table_free(copy);
	ddbgt_free(dumped);
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
	free(text);
}

START_TEST(round_trip_full)
{
	round_trip_file("data/spec/full.json");
}
END_TEST

START_TEST(round_trip_minimal)
{
	round_trip_file("data/spec/minimal.json");
}
END_TEST

START_TEST(loaded_values)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_file(&t, ddbgt_test_path("data/spec/full.json"), 0, NULL),
	                 DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_name(t), "orders.v2-prod");
	ck_assert_int_eq(ddbgt_table_billing_mode(t), DDBGT_BILLING_PROVISIONED);
	ck_assert_str_eq(ddbgt_table_sort_key_name(t), "sk");
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), 3);
	ck_assert_int_eq(ddbgt_table_attribute_type(t, 1), DDBGT_ATTR_N);
	int64_t min, max;
	double target;
	ck_assert_int_eq(ddbgt_table_get_autoscaling(t, DDBGT_WRITE, &min, &max, &target), DDBGT_OK);
	ck_assert_int_eq(max, 500);
	ck_assert(target == 72.5);
	ddbgt_gsi *g = ddbgt_table_find_gsi_mut(t, "by-status");
	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq(ddbgt_gsi_projection(g), DDBGT_PROJECTION_INCLUDE);
	ck_assert_str_eq(ddbgt_gsi_non_key_attribute_at(g, 1), "currency");
	ck_assert_str_eq(ddbgt_table_tag(t, "owner"), "platform team \xc3\xa9");
	ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 1);
	ck_assert_str_eq(ddbgt_replica_region(r), "eu-west-1");
	ck_assert_int_eq(ddbgt_replica_role(r), DDBGT_ROLE_STANDBY);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r),
	                 DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 0);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(ddbgt_table_replica_at(t, 0)), 1);
	int64_t units;
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(ddbgt_table_replica_at(t, 0),
	                                                     "by-status", &units),
	                 DDBGT_OK);
	ck_assert_int_eq(units, 20);
	double rate;
	ck_assert_int_eq(ddbgt_usage_get_rate(ddbgt_table_usage(t), DDBGT_WRITE, "eu-west-1", &rate),
	                 DDBGT_OK);
	ck_assert(rate == 2.5);
	ddbgt_severity sev;
	ck_assert_int_eq(ddbgt_policy_get_severity(ddbgt_table_policy(t), "DDBGT_W_TAG_CHAR_AT", &sev),
	                 DDBGT_OK);
	ck_assert_int_eq(sev, DDBGT_SEVERITY_OFF);
	ddbgt_table_free(t);
}
END_TEST

/* A malformed document and the first finding it must give. */
struct bad_case {
	const char *doc;
	ddbgt_code code;
	const char *path;
	int syntax; /* found by the JSON reader rather than the spec walk */
};

#define DOC(table, rest)                                                                 \
	"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "       \
	"{\"name\": \"id\", \"type\": \"S\"}" table "}, \"replicas\": [{\"region\": "      \
	"\"us-east-1\"}, {\"region\": \"eu-west-1\"}]" rest "}"

static const struct bad_case bad_cases[] = {
	{"{\"format\": \"ddbgt/1\", \"table\": {", DDBGT_E_SPEC_SYNTAX, "", 1},
	{"", DDBGT_E_SPEC_SYNTAX, "", 1},
	{"{\"format\": \"ddbgt/1\"} trailing", DDBGT_E_SPEC_SYNTAX, "", 1},
	{DOC(", \"name\": \"again\"", ""), DDBGT_E_SPEC_DUPLICATE_KEY, "", 1},
	{DOC(", \"tags\": {\"k\": \"\xff\xfe\"}", ""), DDBGT_E_SPEC_ENCODING, "", 1},
	{DOC(", \"tags\": {\"k\": \"a\\u0000b\"}", ""), DDBGT_E_SPEC_ENCODING, "", 1},
	{DOC(", \"capacity\": {\"read\": 123456789012345678901234567890}", ""),
	 DDBGT_E_SPEC_NUMBER_RANGE, "", 1},
	{DOC(", \"nmae\": \"x\"", ""), DDBGT_E_SPEC_UNKNOWN_KEY, "/table/nmae", 0},
	{DOC("", ", \"extra\": 1"), DDBGT_E_SPEC_UNKNOWN_KEY, "/extra", 0},
	{DOC(", \"deletion_protection\": \"yes\"", ""), DDBGT_E_SPEC_TYPE,
	 "/table/deletion_protection", 0},
	{DOC(", \"capacity\": {\"read\": 1.5}", ""), DDBGT_E_SPEC_TYPE, "/table/capacity/read", 0},
	{DOC(", \"tags\": {\"a/b~c\": 5}", ""), DDBGT_E_SPEC_TYPE, "/table/tags/a~1b~0c", 0},
	{DOC(", \"global_secondary_indexes\": [{\"name\": \"g1\", \"partition_key\": "
	     "[\"x\"]}]", ""),
	 DDBGT_E_SPEC_TYPE, "/table/global_secondary_indexes/0/partition_key", 0},
	{DOC(", \"billing_mode\": \"PROVISONED\"", ""), DDBGT_E_BILLING_MODE_INVALID,
	 "/table/billing_mode", 0},
	{DOC(", \"table_class\": \"GLACIER\"", ""), DDBGT_E_TABLE_CLASS_INVALID,
	 "/table/table_class", 0},
	{DOC(", \"encryption\": \"AES256\"", ""), DDBGT_E_SSE_TYPE_INVALID, "/table/encryption", 0},
	{DOC(", \"consistency\": \"LINEARIZABLE\"", ""), DDBGT_E_CONSISTENCY_INVALID,
	 "/table/consistency", 0},
	{DOC(", \"stream\": {\"enabled\": true, \"view_type\": \"ALL\"}", ""),
	 DDBGT_E_STREAM_SPEC_INVALID, "/table/stream/view_type", 0},
	{DOC(", \"attributes\": [{\"name\": \"a\", \"type\": \"BOOL\"}]", ""),
	 DDBGT_E_ATTR_TYPE_INVALID, "/table/attributes/0/type", 0},
	{DOC(", \"global_secondary_indexes\": [{\"name\": \"g1\", \"partition_key\": \"a\", "
	     "\"projection\": \"SOME\"}]", ""),
	 DDBGT_E_PROJECTION_TYPE_INVALID, "/table/global_secondary_indexes/0/projection", 0},
	{DOC(", \"on_demand\": {}", ""), DDBGT_E_ONDEMAND_MAX_EMPTY, "/table/on_demand", 0},
	{DOC("", ", \"usage\": {\"storage_gb\": -1}"), DDBGT_E_SPEC_NUMBER_RANGE,
	 "/usage/storage_gb", 0},
	{DOC("", ", \"usage\": {\"read_consistency\": \"linear\"}"), DDBGT_E_SPEC_ENUM,
	 "/usage/read_consistency", 0},
	{DOC("", ", \"policy\": {\"severity\": {\"DDBGT_E_NOPE\": \"off\"}}"),
	 DDBGT_E_SPEC_UNKNOWN_KEY, "/policy/severity/DDBGT_E_NOPE", 0},
	{DOC("", ", \"policy\": {\"quotas\": {\"lsi_max\": 9}}"), DDBGT_E_SPEC_UNKNOWN_KEY,
	 "/policy/quotas/lsi_max", 0},
	{"{\"format\": \"ddbgt/2\", \"table\": {\"name\": \"t1\", \"partition_key\": "
	 "{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": []}",
	 DDBGT_E_SPEC_FORMAT, "/format", 0},
	{"{\"format\": \"ddbgt/1\", \"replicas\": []}", DDBGT_E_SPEC_MISSING_KEY, "/table", 0},
	{"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
	 "{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"role\": \"primary\"}]}",
	 DDBGT_E_SPEC_MISSING_KEY, "/replicas/0/region", 0},
	{"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
	 "{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
	 "\"read_capacity\": {\"units\": 5, \"autoscaling\": {\"min\": 1, \"max\": 2, "
	 "\"target_utilization\": 70}}}]}",
	 DDBGT_E_SPEC_EXCLUSIVE_KEYS, "/replicas/0/read_capacity", 0},
	{"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
	 "{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": {}}",
	 DDBGT_E_SPEC_TYPE, "/replicas", 0},
	{"[1, 2]", DDBGT_E_SPEC_TYPE, "", 0},
};

START_TEST(malformed_documents)
{
	const struct bad_case *c = &bad_cases[_i];
	ddbgt_diags *d = NULL;
	ddbgt_table *t = (ddbgt_table *)&d; /* must be reset to NULL */
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, c->doc, strlen(c->doc), 0, d), DDBGT_ESPEC);
	ck_assert_ptr_null(t);
	ck_assert_uint_ge(ddbgt_diags_count(d), 1);
	ck_assert_msg(ddbgt_diags_code(d, 0) == c->code, "case %d: got %s at %s: %s", _i,
	              ddbgt_diags_code_name(d, 0), ddbgt_diags_path(d, 0),
	              ddbgt_diags_message(d, 0));
	ck_assert_str_eq(ddbgt_diags_path(d, 0), c->path);
	/* Syntax-level findings point at the document, shape findings at a value. */
	ck_assert_int_eq(c->syntax, ddbgt_diags_path(d, 0)[0] == '\0' && c->code != DDBGT_E_SPEC_TYPE);
	ck_assert_int_eq(ddbgt_diags_severity(d, 0), DDBGT_SEVERITY_ERROR);
	ck_assert_str_ne(ddbgt_diags_message(d, 0), "");
	/* Every finding about a text document says where it is. */
	ck_assert_int_ge(ddbgt_diags_line(d, 0), 1);
	ck_assert_int_ge(ddbgt_diags_column(d, 0), 1);
	ddbgt_diags_free(d);
}
END_TEST

START_TEST(positions_of_findings)
{
	const char *doc = "{\n"
	                  "  \"format\": \"ddbgt/1\",\n"
	                  "  \"table\": {\"name\": \"t1\",\n"
	                  "    \"partition_key\": {\"name\": \"id\", \"type\": \"X\"}},\n"
	                  "  \"replicas\": [],\n"
	                  "  \"bogus\": true\n"
	                  "}\n";
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, strlen(doc), 0, d), DDBGT_ESPEC);
	ck_assert_uint_eq(ddbgt_diags_count(d), 2);
	/* Findings come in document order. */
	ck_assert_str_eq(ddbgt_diags_path(d, 0), "/table/partition_key/type");
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_ATTR_TYPE_INVALID);
	ck_assert_int_eq(ddbgt_diags_line(d, 0), 4);
	ck_assert_int_eq(ddbgt_diags_column(d, 0), 45);
	ck_assert_str_eq(ddbgt_diags_path(d, 1), "/bogus");
	ck_assert_int_eq(ddbgt_diags_line(d, 1), 6);
	ck_assert_int_eq(ddbgt_diags_column(d, 1), 12);
	ddbgt_diags_clear(d);
	/* A syntax error on line 3: the position of the offending byte. */
	const char *bad = "{\n  \"format\": \"ddbgt/1\",\n  \"table\" {}\n}";
	ck_assert_int_eq(ddbgt_spec_load_string(&t, bad, strlen(bad), 0, d), DDBGT_ESPEC);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_SPEC_SYNTAX);
	ck_assert_int_eq(ddbgt_diags_line(d, 0), 3);
	ck_assert_int_eq(ddbgt_diags_column(d, 0), 11);
	ddbgt_diags_free(d);
}
END_TEST

START_TEST(every_finding_in_one_pass)
{
	const char *doc = "{\"format\": \"ddbgt/1\", \"table\": {\"name\": 7, \"partition_key\": "
	                  "{\"name\": \"id\"}, \"colour\": \"blue\", \"billing_mode\": \"FREE\"}, "
	                  "\"replicas\": [{\"region\": \"us-east-1\", \"tags\": [1]}, 5]}";
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, strlen(doc), 0, d), DDBGT_ESPEC);
	static const struct {
		ddbgt_code code;
		const char *path;
	} want[] = {
		/* In document order; a missing key after the members of its object. */
		{DDBGT_E_SPEC_TYPE, "/table/name"},
		{DDBGT_E_SPEC_MISSING_KEY, "/table/partition_key/type"},
		{DDBGT_E_SPEC_UNKNOWN_KEY, "/table/colour"},
		{DDBGT_E_BILLING_MODE_INVALID, "/table/billing_mode"},
		{DDBGT_E_SPEC_TYPE, "/replicas/0/tags"},
		{DDBGT_E_SPEC_TYPE, "/replicas/1"},
	};
	ck_assert_uint_eq(ddbgt_diags_count(d), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		ck_assert_int_eq(ddbgt_diags_code(d, i), want[i].code);
		ck_assert_str_eq(ddbgt_diags_path(d, i), want[i].path);
	}
	ddbgt_diags_free(d);
}
END_TEST

START_TEST(deep_nesting)
{
	/* Beyond the loader's depth but within jansson's, and beyond jansson's. */
	static const size_t depths[] = {100, 5000};
	for (size_t k = 0; k < 2; k++) {
		size_t n = depths[k];
		const char *head = "{\"format\": \"ddbgt/1\", \"usage\": ";
		char *doc = malloc(strlen(head) + 2 * n + 8);
		ck_assert_ptr_nonnull(doc);
		strcpy(doc, head);
		size_t len = strlen(doc);
		for (size_t i = 0; i < n; i++)
			doc[len++] = '[';
		for (size_t i = 0; i < n; i++)
			doc[len++] = ']';
		doc[len++] = '}';
		ddbgt_diags *d = NULL;
		ddbgt_table *t = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, len, 0, d), DDBGT_ESPEC);
		ck_assert_uint_eq(ddbgt_diags_count(d), 1);
		ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_SPEC_TOO_DEEP);
		ddbgt_diags_free(d);
		free(doc);
	}
}
END_TEST

START_TEST(files_and_jansson_values)
{
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_file(&t, "/nonexistent/spec.json", 0, d), DDBGT_EIO);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_SPEC_UNREADABLE);
	ck_assert_ptr_nonnull(strstr(ddbgt_diags_message(d, 0), "/nonexistent/spec.json"));
	/* A directory opens but does not read. */
	ck_assert_int_eq(ddbgt_spec_load_file(&t, ddbgt_test_path("data"), 0, NULL), DDBGT_EIO);

	json_error_t err;
	json_t *doc = json_load_file(ddbgt_test_path("data/spec/minimal.json"), 0, &err);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(ddbgt_spec_load_json(&t, doc, 0, NULL), DDBGT_OK);
	json_t *back = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_json(&back, t, 0), DDBGT_OK);
	ck_assert(json_equal(doc, back));
	json_decref(back);
	json_decref(doc);

	char path[] = "/tmp/ddbgt-spec-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(ddbgt_spec_dump_file(t, path, 0), DDBGT_OK);
	ddbgt_table *again = NULL;
	ck_assert_int_eq(ddbgt_spec_load_file(&again, path, 0, NULL), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_name(again), "minimal");
	ck_assert_int_eq(ddbgt_spec_dump_file(t, "/nonexistent/dir/out.json", 0), DDBGT_EIO);
	unlink(path);
	ddbgt_table_free(again);
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
}
END_TEST

/*
 * A caller's jansson value may carry strings jansson never checked: the
 * loader refuses invalid UTF-8 in a value or a key as the text reader does.
 */
START_TEST(jansson_strings_not_utf8)
{
	static const char *const bad[] = {"\xff", "ok\xc3", "\xed\xa0\x80"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		for (int in_key = 0; in_key < 2; in_key++) {
			json_error_t err;
			json_t *doc =
				json_load_file(ddbgt_test_path("data/spec/minimal.json"), 0, &err);
			ck_assert_ptr_nonnull(doc);
			json_t *tags = json_object();
			if (in_key)
				json_object_set_new_nocheck(tags, bad[i], json_string("v"));
			else
				json_object_set_new(tags, "team",
				                    json_stringn_nocheck(bad[i], strlen(bad[i])));
			json_object_set_new(json_object_get(doc, "table"), "tags", tags);
			ddbgt_diags *d = NULL;
			ddbgt_table *t = (ddbgt_table *)1;
			ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
			ck_assert_int_eq(ddbgt_spec_load_json(&t, doc, 0, d), DDBGT_ESPEC);
			ck_assert_ptr_null(t);
			ck_assert_uint_eq(ddbgt_diags_count(d), 1);
			ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_SPEC_ENCODING);
			ddbgt_diags_free(d);
			json_decref(doc);
		}
	}
}
END_TEST

START_TEST(load_and_dump_flags)
{
	ddbgt_table *t = (ddbgt_table *)1;
	const char *path = ddbgt_test_path("data/spec/full.json");
	/* No load flag is defined yet: every bit is refused, and nothing is loaded. */
	ck_assert_int_eq(ddbgt_spec_load_file(&t, path, 1, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, "{}", 2, 0x80000000u, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
	json_t *empty = json_object();
	ck_assert_int_eq(ddbgt_spec_load_json(&t, empty, 2, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
	json_decref(empty);
	ck_assert_int_eq(ddbgt_spec_load_file(&t, path, 0, NULL), DDBGT_OK);

	char *pretty = NULL, *compact = (char *)1;
	ck_assert_int_eq(ddbgt_spec_dump_string(&compact, t, DDBGT_SPEC_DUMP_COMPACT << 1),
	                 DDBGT_EINVAL);
	ck_assert_ptr_null(compact);
	ck_assert_int_eq(ddbgt_spec_dump_string(&pretty, t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&compact, t, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
	/* One line with its final newline, no indentation, shorter, and the same document. */
	size_t n = strlen(compact);
	ck_assert_uint_gt(n, 100);
	ck_assert_int_eq(compact[n - 1], '\n');
	ck_assert_ptr_null(memchr(compact, '\n', n - 1));
	ck_assert_ptr_null(strstr(compact, ": "));
	ck_assert_uint_lt(n, strlen(pretty));
	ddbgt_table *back = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&back, compact, n, 0, NULL), DDBGT_OK);
	char *again = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&again, back, 0), DDBGT_OK);
	ck_assert_str_eq(again, pretty);

	/* A jansson value has no layout: the flag is accepted and changes nothing. */
	json_t *a = NULL, *b = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_json(&a, t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_json(&b, t, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
	ck_assert(json_equal(a, b));
	json_decref(b);
	b = (json_t *)1;
	ck_assert_int_eq(ddbgt_spec_dump_json(&b, t, 4), DDBGT_EINVAL);
	ck_assert_ptr_null(b);
	json_decref(a);

	char dir[] = "/tmp/ddbgt-flags-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char file[64];
	snprintf(file, sizeof file, "%s/spec.json", dir);
	ck_assert_int_eq(ddbgt_spec_dump_file(t, file, 8), DDBGT_EINVAL);
	ck_assert_int_eq(access(file, F_OK), -1);
	ck_assert_int_eq(ddbgt_spec_dump_file(t, file, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
	char *written = ddbgt_test_read_file(file, NULL);
	ck_assert_str_eq(written, compact);
	free(written);
	ck_assert_int_eq(unlink(file), 0);
	ck_assert_int_eq(rmdir(dir), 0);

	ddbgt_free(again);
	ddbgt_free(compact);
	ddbgt_free(pretty);
	ddbgt_table_free(back);
	ddbgt_table_free(t);
}
END_TEST

/* The entries of dir besides . and .. */
static int entry_count(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

START_TEST(failed_dump_keeps_the_old_file)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_file(&t, ddbgt_test_path("data/spec/full.json"), 0, NULL),
	                 DDBGT_OK);
	char dir[] = "/tmp/ddbgt-dump-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/spec.json", dir);
	static const char old[] = "{\"the\": \"old content\"}\n";
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fputs(old, f) >= 0 && fclose(f) == 0, 1);

	/* A file size limit below the document's size: writing fails part way (EFBIG). */
	struct rlimit saved, small;
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = saved;
	small.rlim_cur = 100;
	void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	int rc = ddbgt_spec_dump_file(t, path, 0);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &saved), 0);
	signal(SIGXFSZ, was);
	ck_assert_int_eq(rc, DDBGT_EIO);
	char *now = ddbgt_test_read_file(path, NULL);
	ck_assert_str_eq(now, old);
	free(now);
	/* No temporary file is left beside it. */
	ck_assert_int_eq(entry_count(dir), 1);

	/* Without the limit the file is replaced, whole. */
	ck_assert_int_eq(ddbgt_spec_dump_file(t, path, 0), DDBGT_OK);
	char *want = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&want, t, 0), DDBGT_OK);
	now = ddbgt_test_read_file(path, NULL);
	ck_assert_str_eq(now, want);
	ck_assert_int_eq(entry_count(dir), 1);
	free(now);
	ddbgt_free(want);
	ck_assert_int_eq(ddbgt_spec_dump_file(t, "", 0), DDBGT_EINVAL);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(rmdir(dir), 0);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(null_arguments)
{
	ddbgt_table *t = (ddbgt_table *)1;
	ck_assert_int_eq(ddbgt_spec_load_string(NULL, "{}", 2, 0, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, NULL, 2, 0, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(ddbgt_spec_load_file(&t, NULL, 0, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_spec_load_file(NULL, "x", 0, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_spec_load_json(&t, NULL, 0, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_spec_load_json(NULL, NULL, 0, NULL), DDBGT_EINVAL);
	char *s = (char *)1;
	ck_assert_int_eq(ddbgt_spec_dump_string(&s, NULL, 0), DDBGT_EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(ddbgt_spec_dump_string(NULL, NULL, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_spec_dump_file(NULL, "/tmp/x", 0), DDBGT_EINVAL);
	json_t *j = (json_t *)1;
	ck_assert_int_eq(ddbgt_spec_dump_json(&j, NULL, 0), DDBGT_EINVAL);
	ck_assert_ptr_null(j);
	/* Without a diags list the loader still refuses bad documents. */
	ck_assert_int_eq(ddbgt_spec_load_string(&t, "{", 1, 0, NULL), DDBGT_ESPEC);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, "[]", 2, 0, NULL), DDBGT_ESPEC);
}
END_TEST

START_TEST(dump_of_a_built_table)
{
	ddbgt_table *t = NULL;
	ddbgt_replica *r = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, "built"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&r, "us-west-2"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(ddbgt_table_usage_mut(t), 10), DDBGT_OK);
	char *s = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&s, t, 0), DDBGT_OK);
	ck_assert_str_eq(s, "{\n"
	                    "  \"format\": \"ddbgt/1\",\n"
	                    "  \"table\": {\n"
	                    "    \"name\": \"built\",\n"
	                    "    \"partition_key\": {\n"
	                    "      \"name\": \"id\",\n"
	                    "      \"type\": \"S\"\n"
	                    "    }\n"
	                    "  },\n"
	                    "  \"replicas\": [\n"
	                    "    {\n"
	                    "      \"region\": \"us-west-2\"\n"
	                    "    }\n"
	                    "  ],\n"
	                    "  \"usage\": {\n"
	                    "    \"storage_gb\": 10\n"
	                    "  }\n"
	                    "}\n");
	ddbgt_free(s);
	ddbgt_table_free(t);
}
END_TEST

/* The JSON escaping the dumper must produce (RFC 8259, lower-case \u00XX). */
static void escape_reference(char *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			out += sprintf(out, "\\%c", c);
		else if (c == '\n')
			out += sprintf(out, "\\n");
		else if (c < 0x20 || c == 0x7f)
			out += sprintf(out, "\\u%04x", c);
		else
			*out++ = (char)c;
	}
	*out = '\0';
}

/*
 * The reader and the writer scan strings eight bytes at a time: a character
 * to escape (or a multi-byte one) at every offset of a word, and after runs
 * that end at every offset, must come out escaped and read back as it was.
 */
START_TEST(strings_at_every_offset)
{
	static const char *const specials[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9",
	                                       "/"};
	for (size_t sp = 0; sp < sizeof specials / sizeof specials[0]; sp++)
		for (size_t before = 0; before <= 17; before++)
			for (size_t after = 0; after <= 9; after++) {
				char value[64], escaped[256], want[300];
				size_t n = 0;
				for (size_t i = 0; i < before; i++)
					value[n++] = 'a';
				n += (size_t)sprintf(value + n, "%s", specials[sp]);
				for (size_t i = 0; i < after; i++)
					value[n++] = 'b';
				value[n] = '\0';
				ddbgt_table *t = NULL, *u = NULL;
				char *doc = NULL;
				ck_assert_int_eq(ddbgt_table_new(&t, "t"), DDBGT_OK);
				ck_assert_int_eq(ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_S), DDBGT_OK);
				ck_assert_int_eq(ddbgt_table_set_tag(t, "k", value), DDBGT_OK);
				ck_assert_int_eq(ddbgt_spec_dump_string(&doc, t, 0), DDBGT_OK);
				escape_reference(escaped, value);
				snprintf(want, sizeof want, "\"k\": \"%s\"\n", escaped);
				ck_assert_msg(strstr(doc, want), "%s not in %s", want, doc);
				ck_assert_int_eq(ddbgt_spec_load_string(&u, doc, strlen(doc), 0, NULL), DDBGT_OK);
				ck_assert_str_eq(ddbgt_table_tag(u, "k"), value);
				ddbgt_free(doc);
				ddbgt_table_free(t);
				ddbgt_table_free(u);
			}
}
END_TEST

/*
 * Numbers dump as the shortest text that reads back to the same double: a
 * usage figure of 0.1 + 0.2 is not 0.3 after a dump and a load, and neither
 * is any other value.
 */
START_TEST(numbers_round_trip_exactly)
{
	double sum = 0.1 + 0.2;
	ddbgt_table *t = NULL, *u = NULL;
	char *doc = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, "t"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(ddbgt_table_usage_mut(t), sum), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_rate(ddbgt_table_usage_mut(t), DDBGT_WRITE, "eu-west-1", 72.3),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&doc, t, 0), DDBGT_OK);
	ck_assert_ptr_nonnull(strstr(doc, "\"storage_gb\": 0.30000000000000004\n"));
	/* 15 digits are enough for most values: no trailing noise. */
	ck_assert_ptr_nonnull(strstr(doc, "\"eu-west-1\": 72.3\n"));
	ck_assert_int_eq(ddbgt_spec_load_string(&u, doc, strlen(doc), 0, NULL), DDBGT_OK);
	double back = 0;
	ck_assert_int_eq(ddbgt_usage_get_storage_gb(ddbgt_table_usage(u), &back), DDBGT_OK);
	ck_assert(back == sum);
	ddbgt_free(doc);
	ddbgt_table_free(u);

	uint64_t state = 0x9e3779b97f4a7c15u;
	for (int i = 0; i < 3000; i++) {
		/* Random bit patterns cover every exponent; the setters take finite values >= 0. */
		uint64_t bits = ddbgt_test_next_bits(&state) & ~(UINT64_C(1) << 63);
		double v;
		memcpy(&v, &bits, sizeof v);
		if (!isfinite(v))
			continue;
		if (i % 3 == 0)
			v = (double)(ddbgt_test_next_bits(&state) % 1000000) / 1000.0; /* figures a spec holds */
		ck_assert_int_eq(ddbgt_usage_set_storage_gb(ddbgt_table_usage_mut(t), v), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_dump_string(&doc, t, 0), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_load_string(&u, doc, strlen(doc), 0, NULL), DDBGT_OK);
		ck_assert_int_eq(ddbgt_usage_get_storage_gb(ddbgt_table_usage(u), &back), DDBGT_OK);
		ck_assert_msg(memcmp(&back, &v, sizeof v) == 0, "%.17g came back as %.17g", v, back);
		ddbgt_free(doc);
		ddbgt_table_free(u);
	}
	ddbgt_table_free(t);
}
END_TEST

/* Runs of white space of every length keep line and column right. */
START_TEST(white_space_runs)
{
	for (int run = 0; run <= 40; run++) {
		char doc[512];
		int n = snprintf(doc, sizeof doc,
		                 "{\"format\": \"ddbgt/1\",\r\n\t\"replicas\": [],\n%*s\"table\":%*s7}",
		                 run, "", run, "");
		ddbgt_diags *d = NULL;
		ddbgt_table *t = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, (size_t)n, 0, d), DDBGT_ESPEC);
		ck_assert_uint_eq(ddbgt_diags_count(d), 1);
		ck_assert_int_eq(ddbgt_diags_code(d, 0), DDBGT_E_SPEC_TYPE);
		ck_assert_str_eq(ddbgt_diags_path(d, 0), "/table");
		ck_assert_int_eq(ddbgt_diags_line(d, 0), 3);
		/* run spaces, "table": (8 bytes), run spaces, then the 7. */
		ck_assert_int_eq(ddbgt_diags_column(d, 0), 2 * run + 9);
		ddbgt_diags_free(d);
	}
}
END_TEST

/* A replica's read capacity takes units or autoscaling: both, neither, and strays. */
START_TEST(read_capacity_forms)
{
	static const struct {
		const char *read_capacity;
		ddbgt_code codes[2];
		const char *paths[2];
	} cases[] = {
		{"{\"units\": 5, \"colour\": 1, \"autoscaling\": {\"min\": 1, \"max\": 2, "
		 "\"target_utilization\": 70}}",
		 {DDBGT_E_SPEC_UNKNOWN_KEY, DDBGT_E_SPEC_EXCLUSIVE_KEYS},
		 {"/replicas/0/read_capacity/colour", "/replicas/0/read_capacity"}},
		{"{\"colour\": 1}",
		 {DDBGT_E_SPEC_UNKNOWN_KEY, DDBGT_E_SPEC_MISSING_KEY},
		 {"/replicas/0/read_capacity/colour", "/replicas/0/read_capacity"}},
		{"{\"units\": 5, \"colour\": 1}",
		 {DDBGT_E_SPEC_UNKNOWN_KEY, DDBGT_CODE_NONE},
		 {"/replicas/0/read_capacity/colour", NULL}},
		{"{\"autoscaling\": {\"min\": 1, \"max\": 2, \"target_utilization\": 70, "
		 "\"scale_in_cooldown\": -1, \"scale_out_cooldown\": 1.5}}",
		 {DDBGT_E_SPEC_TYPE, DDBGT_E_SPEC_NUMBER_RANGE},
		 {"/replicas/0/read_capacity/autoscaling/scale_out_cooldown",
		  "/replicas/0/read_capacity/autoscaling/scale_in_cooldown"}},
		{"{\"autoscaling\": {\"min\": 1, \"max\": 2, \"target_utilization\": 70, "
		 "\"scale_in_cooldown\": 10, \"disable_scale_in\": 0}}",
		 {DDBGT_E_SPEC_TYPE, DDBGT_CODE_NONE},
		 {"/replicas/0/read_capacity/autoscaling/disable_scale_in", NULL}},
		{"{\"autoscaling\": {\"min\": 1, \"max\": 2, \"target_utilization\": 70, "
		 "\"scale_in_cooldown\": 0, \"scale_out_cooldown\": -30}}",
		 {DDBGT_E_SPEC_NUMBER_RANGE, DDBGT_CODE_NONE},
		 {"/replicas/0/read_capacity/autoscaling/scale_out_cooldown", NULL}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char doc[512];
		snprintf(doc, sizeof doc,
		         "{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		         "{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": "
		         "\"us-east-1\", \"read_capacity\": %s}]}",
		         cases[i].read_capacity);
		ddbgt_diags *d = NULL;
		ddbgt_table *t = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, strlen(doc), 0, d), DDBGT_ESPEC);
		size_t want = cases[i].paths[1] ? 2 : 1;
		ck_assert_uint_eq(ddbgt_diags_count(d), want);
		for (size_t k = 0; k < want; k++) {
			ck_assert_int_eq(ddbgt_diags_code(d, k), cases[i].codes[k]);
			ck_assert_str_eq(ddbgt_diags_path(d, k), cases[i].paths[k]);
		}
		ddbgt_diags_free(d);
	}
}
END_TEST

/* A finding the loader must give, in order. */
struct finding {
	ddbgt_code code;
	const char *path;
};

/* doc must not load, and give exactly the findings want, in that order. */
static void load_refused(const char *doc, const struct finding *want, size_t n)
{
	ddbgt_diags *d = NULL;
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, strlen(doc), 0, d), DDBGT_ESPEC);
	ck_assert_ptr_null(t);
	ck_assert_uint_eq(ddbgt_diags_count(d), n);
	for (size_t k = 0; k < n; k++) {
		ck_assert_int_eq(ddbgt_diags_code(d, k), want[k].code);
		ck_assert_str_eq(ddbgt_diags_path(d, k), want[k].path);
	}
	ddbgt_diags_free(d);
}

/* A replica's on_demand holds max_read only; a replica GSI entry needs read_capacity or on_demand. */
START_TEST(replica_on_demand_forms)
{
	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
		"\"on_demand\": {\"max_write\": 5}}, {\"region\": \"eu-west-1\", \"on_demand\": {}, "
		"\"global_secondary_indexes\": {\"g1\": {}, \"g2\": {\"on_demand\": {\"max_read\": \"9\"}}}}]}";
	static const struct finding want[] = {
		{DDBGT_E_SPEC_UNKNOWN_KEY, "/replicas/0/on_demand/max_write"},
		{DDBGT_E_ONDEMAND_MAX_EMPTY, "/replicas/1/on_demand"},
		{DDBGT_E_SPEC_MISSING_KEY, "/replicas/1/global_secondary_indexes/g1/read_capacity"},
		{DDBGT_E_SPEC_TYPE, "/replicas/1/global_secondary_indexes/g2/on_demand/max_read"},
	};
	load_refused(doc, want, sizeof want / sizeof want[0]);
}
END_TEST

/* kinesis_stream needs stream_arn; the precision is one of two names. */
START_TEST(kinesis_stream_forms)
{
	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
		"\"kinesis_stream\": {\"approximate_creation_date_time_precision\": \"SECOND\"}}, "
		"{\"region\": \"eu-west-1\", \"kinesis_stream\": \"arn:aws:kinesis\"}]}";
	static const struct finding want[] = {
		{DDBGT_E_SPEC_ENUM,
		 "/replicas/0/kinesis_stream/approximate_creation_date_time_precision"},
		{DDBGT_E_SPEC_MISSING_KEY, "/replicas/0/kinesis_stream/stream_arn"},
		{DDBGT_E_SPEC_TYPE, "/replicas/1/kinesis_stream"},
	};
	load_refused(doc, want, sizeof want / sizeof want[0]);
}
END_TEST

/* contributor_insights is a boolean or {"enabled", "mode"}. */
START_TEST(contributor_insights_forms)
{
	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
		"\"contributor_insights\": {\"mode\": \"ALL_KEYS\"}}, "
		"{\"region\": \"eu-west-1\", \"contributor_insights\": \"yes\", "
		"\"global_secondary_indexes\": {\"g\": {\"contributor_insights\": 1}}}]}";
	static const struct finding want[] = {
		{DDBGT_E_SPEC_ENUM, "/replicas/0/contributor_insights/mode"},
		{DDBGT_E_SPEC_MISSING_KEY, "/replicas/0/contributor_insights/enabled"},
		{DDBGT_E_SPEC_TYPE, "/replicas/1/contributor_insights"},
		{DDBGT_E_SPEC_TYPE, "/replicas/1/global_secondary_indexes/g/contributor_insights"},
	};
	load_refused(doc, want, sizeof want / sizeof want[0]);
}
END_TEST

/* Index keys keep the form they were written in: name, {"name", "type"}, or a list. */
/* A resource policy dumps as the object it was, reloads and dumps the same bytes. */
START_TEST(resource_policy_round_trip)
{
	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
		"\"resource_policy\": {\"Version\": \"2012-10-17\", \"b\": [true, false, null], "
		"\"n\": [10, -2.5, 1e300, 0.1], \"s\": \"\\u00e9\\\"${x}\", \"a\": {}}}, "
		"{\"region\": \"eu-west-1\"}]}";
	ddbgt_table *t = NULL, *again = NULL;
	char *first = NULL, *second = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&t, doc, strlen(doc), 0, NULL), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_resource_policy(ddbgt_table_replica_at(t, 0)),
	                 "{\"Version\":\"2012-10-17\",\"b\":[true,false,null],"
	                 "\"n\":[10,-2.5,1e+300,0.1],\"s\":\"\xc3\xa9\\\"${x}\",\"a\":{}}");
	ck_assert_ptr_null(ddbgt_replica_stream_resource_policy(ddbgt_table_replica_at(t, 0)));
	ck_assert_int_eq(ddbgt_spec_dump_string(&first, t, 0), DDBGT_OK);
	ck_assert_ptr_nonnull(strstr(first, "\"resource_policy\": {\n"));
	ck_assert_int_eq(ddbgt_spec_load_string(&again, first, strlen(first), 0, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&second, again, 0), DDBGT_OK);
	ck_assert_str_eq(first, second);
	ddbgt_free(first);
	ddbgt_free(second);
	ddbgt_table_free(again);
	ddbgt_table_free(t);

	/* The example, both policies, twice through the dump. */
	size_t len;
	char *text = ddbgt_test_read_file(ddbgt_test_path("../examples/specs/resource-policy.json"),
	                                  &len);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, len, 0, NULL), DDBGT_OK);
	ck_assert_ptr_nonnull(ddbgt_replica_stream_resource_policy(ddbgt_table_replica_at(t, 0)));
	ck_assert_int_eq(ddbgt_spec_dump_string(&first, t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&again, first, strlen(first), 0, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&second, again, 0), DDBGT_OK);
	ck_assert_str_eq(first, second);
	ck_assert_str_eq(ddbgt_replica_stream_resource_policy(ddbgt_table_replica_at(t, 0)),
	                 ddbgt_replica_stream_resource_policy(ddbgt_table_replica_at(again, 0)));
	ddbgt_free(first);
	ddbgt_free(second);
	ddbgt_table_free(again);
	ddbgt_table_free(t);
	free(text);
}
END_TEST

/* The multi-account keys dump where they were read, and reload the same. */
START_TEST(multi_account_round_trip)
{
	size_t len;
	char *text = ddbgt_test_read_file(ddbgt_test_path("../examples/specs/multi-account.json"),
	                                  &len);
	ddbgt_table *t = NULL, *again = NULL;
	char *first = NULL, *second = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, len, 0, NULL), DDBGT_OK);
	const ddbgt_replica *r = ddbgt_table_replica_at(t, 1);
	ck_assert_str_eq(ddbgt_replica_account_id(r), "444455556666");
	ck_assert_int_eq(ddbgt_replica_settings_replication(r), DDBGT_SETTINGS_REPLICATION_ENABLED);
	ck_assert_str_eq(ddbgt_replica_provider_role_arn(r),
	                 "arn:aws:iam::444455556666:role/ddbgt-deploy");
	ck_assert_int_eq(ddbgt_spec_dump_string(&first, t, 0), DDBGT_OK);
	ck_assert_ptr_nonnull(strstr(first, "\"account_id\": \"444455556666\",\n"
	                                    "      \"settings_replication\": \"ENABLED\",\n"));
	ck_assert_int_eq(ddbgt_spec_load_string(&again, first, strlen(first), 0, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&second, again, 0), DDBGT_OK);
	ck_assert_str_eq(first, second);
	ddbgt_free(first);
	ddbgt_free(second);
	ddbgt_table_free(again);
	ddbgt_table_free(t);
	free(text);

	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
		"\"account_id\": 111122223333, \"settings_replication\": \"ENABLED_WITH_OVERRIDES\", "
		"\"provider_role_arn\": true}]}";
	static const struct finding want[] = {
		{DDBGT_E_SPEC_TYPE, "/replicas/0/account_id"},
		{DDBGT_E_SPEC_ENUM, "/replicas/0/settings_replication"},
		{DDBGT_E_SPEC_TYPE, "/replicas/0/provider_role_arn"},
	};
	load_refused(doc, want, sizeof want / sizeof want[0]);
}
END_TEST

/* A policy is an object, nested at most 16 levels. */
START_TEST(resource_policy_forms_refused)
{
	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}}, \"replicas\": [{\"region\": \"us-east-1\", "
		"\"resource_policy\": \"{}\"}, {\"region\": \"eu-west-1\", \"stream_resource_policy\": "
		"{\"a\": [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]}}]}";
	static const struct finding want[] = {
		{DDBGT_E_SPEC_TYPE, "/replicas/0/resource_policy"},
		{DDBGT_E_SPEC_TOO_DEEP, "/replicas/1/stream_resource_policy"},
	};
	load_refused(doc, want, sizeof want / sizeof want[0]);
}
END_TEST

START_TEST(round_trip_index_keys)
{
	round_trip_file("data/spec/index-keys.json");
}
END_TEST

START_TEST(index_key_forms_refused)
{
	static const char doc[] =
		"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"t1\", \"partition_key\": "
		"{\"name\": \"id\", \"type\": \"S\"}, \"global_secondary_indexes\": ["
		"{\"name\": \"g0\", \"partition_key\": \"x\", \"partition_keys\": [\"y\"], "
		"\"sort_key\": \"s\", \"sort_keys\": []},"
		"{\"name\": \"g1\"},"
		"{\"name\": \"g2\", \"partition_key\": 7, \"sort_key\": {\"name\": \"z\"}},"
		"{\"name\": \"g3\", \"partition_keys\": [{\"name\": \"q\", \"type\": \"X\"}, 3], "
		"\"sort_keys\": \"w\"}],"
		"\"local_secondary_indexes\": [{\"name\": \"l0\", \"sort_key\": "
		"{\"name\": \"k\", \"type\": \"N\", \"extra\": 1}}]},"
		"\"replicas\": [{\"region\": \"us-east-1\"}]}";
	static const struct finding want[] = {
		{DDBGT_E_SPEC_EXCLUSIVE_KEYS, "/table/global_secondary_indexes/0/partition_keys"},
		{DDBGT_E_SPEC_EXCLUSIVE_KEYS, "/table/global_secondary_indexes/0/sort_keys"},
		{DDBGT_E_SPEC_MISSING_KEY, "/table/global_secondary_indexes/1/partition_key"},
		{DDBGT_E_SPEC_TYPE, "/table/global_secondary_indexes/2/partition_key"},
		{DDBGT_E_SPEC_MISSING_KEY, "/table/global_secondary_indexes/2/sort_key/type"},
		{DDBGT_E_ATTR_TYPE_INVALID, "/table/global_secondary_indexes/3/partition_keys/0/type"},
		{DDBGT_E_SPEC_TYPE, "/table/global_secondary_indexes/3/partition_keys/1"},
		{DDBGT_E_SPEC_TYPE, "/table/global_secondary_indexes/3/sort_keys"},
		{DDBGT_E_SPEC_UNKNOWN_KEY, "/table/local_secondary_indexes/0/sort_key/extra"},
	};
	load_refused(doc, want, sizeof want / sizeof want[0]);
}
END_TEST

Suite *ddbgt_test_spec(void)
{
	Suite *s = suite_create("spec");
	TCase *tc = tcase_create("spec");
	tcase_add_test(tc, round_trip_full);
	tcase_add_test(tc, round_trip_minimal);
	tcase_add_test(tc, jansson_strings_not_utf8);
	tcase_add_test(tc, loaded_values);
	tcase_add_loop_test(tc, malformed_documents, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
	tcase_add_test(tc, positions_of_findings);
	tcase_add_test(tc, every_finding_in_one_pass);
	tcase_add_test(tc, deep_nesting);
	tcase_add_test(tc, files_and_jansson_values);
	tcase_add_test(tc, null_arguments);
	tcase_add_test(tc, dump_of_a_built_table);
	tcase_add_test(tc, strings_at_every_offset);
	tcase_add_test(tc, white_space_runs);
	tcase_add_test(tc, read_capacity_forms);
	tcase_add_test(tc, numbers_round_trip_exactly);
	tcase_add_test(tc, failed_dump_keeps_the_old_file);
	tcase_add_test(tc, load_and_dump_flags);
	tcase_add_test(tc, round_trip_index_keys);
	tcase_add_test(tc, index_key_forms_refused);
	tcase_add_test(tc, replica_on_demand_forms);
	tcase_add_test(tc, kinesis_stream_forms);
	tcase_add_test(tc, contributor_insights_forms);
	tcase_add_test(tc, resource_policy_round_trip);
	tcase_add_test(tc, resource_policy_forms_refused);
	tcase_add_test(tc, multi_account_round_trip);
	suite_add_tcase(s, tc);
	return s;
}
