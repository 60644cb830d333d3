/*
 * Concurrency, as doc/threads.md promises it: distinct handles on distinct
 * threads, and concurrent read-only use of one shared handle. Every thread
 * compares what it gets with the result computed on the main thread first.
 * Run under ThreadSanitizer (configure --enable-tsan; test.sh does) these
 * tests also catch races that happen to give the right bytes.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>
#include <ddbgt/region.h>

#include "testutil.h"

#define THREADS 4
#define ROUNDS 25

struct shared {
	const char *full; /* the text of full.json */
	size_t full_len;
	const char *expected_dump;
	const char *expected_changed; /* the dump after change() */
	const char *expected_diags;   /* diags_to_json of the malformed document */
	int verdict;                    /* ddbgt_table_validate of the table */
	const char *expected_tf;        /* the Terraform document of the table */
	const char *expected_cost;      /* its cost report as JSON */
	const char *expected_selection; /* a region selection over "EU", computed once */
	const char *expected_diff;      /* ddbgt_diff of the table and its changed copy, as JSON */
	const ddbgt_table *table;     /* shared read-only handle */
	const ddbgt_diags *diags;     /* shared read-only findings */
};

struct worker {
	pthread_t id;
	const struct shared *sh;
	int failures; /* checked on the main thread: ck_assert is not thread-safe */
	char what[160];
};

static const char malformed[] =
	"{\"format\":\"ddbgt/9\",\"table\":{\"name\":1,\"bogus\":0},\"replicas\":[{\"role\":\"x\"}]}";

static void note_failure(struct worker *w, const char *what)
{
	if (!w->failures++)
		snprintf(w->what, sizeof w->what, "%s", what);
}

static void expect_str(struct worker *w, int rc, char *got, const char *want, const char *what)
{
	if (rc != DDBGT_OK || !got || strcmp(got, want) != 0)
		note_failure(w, what);
	ddbgt_free(got);
}

/* The same edits on any table: a replica, a GSI, tags, policy and usage. */
static int change(ddbgt_table *t)
{
	ddbgt_replica *r = NULL;
	int rc = ddbgt_replica_new(&r, "ap-northeast-1");
	if (!rc) rc = ddbgt_replica_set_tag(r, "tier", "warm");
	if (!rc && !(rc = ddbgt_table_add_replica(t, r)))
		r = NULL;
	ddbgt_replica_free(r);
	if (!rc) rc = ddbgt_table_set_tag(t, "thread", "yes");
	if (!rc) rc = ddbgt_table_remove_replica(t, "eu-west-1");
	if (!rc) rc = ddbgt_policy_add_allowed_region(ddbgt_table_policy_mut(t), "ap-northeast-1");
	if (!rc) rc = ddbgt_usage_set_rate(ddbgt_table_usage_mut(t), DDBGT_READ, "ap-northeast-1", 7);
	return rc;
}

/* The whole pipeline on handles of this thread's own. */
static void *own_handles(void *arg)
{
	struct worker *w = arg;
	const struct shared *sh = w->sh;
	for (int round = 0; round < ROUNDS; round++) {
		ddbgt_diags *d = NULL;
		ddbgt_table *t = NULL, *copy = NULL;
		char *s = NULL;
		int rc;
		if (ddbgt_diags_new(&d) ||
		    ddbgt_spec_load_string(&t, sh->full, sh->full_len, 0, d) != DDBGT_OK) {
			note_failure(w, "load");
			ddbgt_diags_free(d);
			break;
		}
		s = NULL;
		rc = ddbgt_spec_dump_string(&s, t, 0);
		expect_str(w, rc, s, sh->expected_dump, "dump");
		if (ddbgt_table_copy(&copy, t) || change(copy))
			note_failure(w, "copy and change");
		s = NULL;
		rc = ddbgt_spec_dump_string(&s, copy, 0);
		expect_str(w, rc, s, sh->expected_changed,
		           "dump after change");
		ddbgt_diags_clear(d);
		if (ddbgt_table_validate(t, NULL, d) != sh->verdict)
			note_failure(w, "validate");
		s = NULL;
		rc = ddbgt_emit_string(&s, t, NULL, NULL);
		expect_str(w, rc, s, sh->expected_tf, "emit");
		ddbgt_diags_clear(d);
		ddbgt_table *bad = NULL;
		if (ddbgt_spec_load_string(&bad, malformed, sizeof malformed - 1, 0, d) != DDBGT_ESPEC)
			note_failure(w, "malformed load");
		s = NULL;
		rc = ddbgt_diags_to_json(&s, d);
		expect_str(w, rc, s, sh->expected_diags, "diags json");
		ddbgt_table_free(copy);
		ddbgt_table_free(t);
		ddbgt_diags_free(d);
		ddbgt_region_query *q = NULL;
		ddbgt_region_selection *sel = NULL;
		if (ddbgt_region_query_new(&q) || ddbgt_region_query_add_geography(q, "EU", 1) ||
		    ddbgt_region_query_set_count(q, 2) || ddbgt_region_query_run(&sel, q))
			note_failure(w, "region selection");
		s = NULL;
		rc = ddbgt_region_selection_to_json(&s, sel);
		expect_str(w, rc, s, sh->expected_selection, "region selection json");
		ddbgt_region_selection_free(sel);
		ddbgt_region_query_free(q);
	}
	return NULL;
}

/* Read-only calls on the shared table and findings. */
static void *shared_handle(void *arg)
{
	struct worker *w = arg;
	const struct shared *sh = w->sh;
	const ddbgt_table *t = sh->table;
	for (int round = 0; round < ROUNDS; round++) {
		char *s = NULL;
		int rc;
		rc = ddbgt_spec_dump_string(&s, t, 0);
		expect_str(w, rc, s, sh->expected_dump, "shared dump");
		ddbgt_table *copy = NULL;
		if (ddbgt_table_copy(&copy, t) || change(copy))
			note_failure(w, "shared copy");
		s = NULL;
		rc = ddbgt_spec_dump_string(&s, copy, 0);
		expect_str(w, rc, s, sh->expected_changed,
		           "dump of a changed copy");
		ddbgt_changes *ch = NULL;
		s = NULL;
		if (ddbgt_diff(&ch, t, copy, NULL, NULL) || ddbgt_changes_to_json(&s, ch))
			note_failure(w, "shared diff");
		else
			expect_str(w, DDBGT_OK, s, sh->expected_diff, "shared diff json");
		ddbgt_changes_free(ch);
		ddbgt_table_free(copy);
		ddbgt_diags *found = NULL;
		if (ddbgt_diags_new(&found) || ddbgt_table_validate(t, NULL, found) != sh->verdict)
			note_failure(w, "shared validate");
		ddbgt_diags_free(found);
		s = NULL;
		rc = ddbgt_emit_string(&s, t, NULL, NULL);
		expect_str(w, rc, s, sh->expected_tf, "shared emit");
		ddbgt_cost_report *cr = NULL;
		s = NULL;
		if (ddbgt_cost_estimate(&cr, t, NULL, NULL) || ddbgt_cost_report_to_json(&s, cr))
			note_failure(w, "shared cost");
		else
			expect_str(w, DDBGT_OK, s, sh->expected_cost, "shared cost json");
		ddbgt_cost_report_free(cr);
		s = NULL;
		rc = ddbgt_diags_to_json(&s, sh->diags);
		expect_str(w, rc, s, sh->expected_diags,
		           "shared diags json");
		/* Getters that resolve inheritance and defaults. */
		for (size_t i = 0; i < ddbgt_table_replica_count(t); i++) {
			const ddbgt_replica *r = ddbgt_table_replica_at(t, i);
			int64_t days;
			if (ddbgt_replica_effective_role(r) == DDBGT_ROLE_UNSET ||
			    ddbgt_replica_effective_table_class(r) == DDBGT_TABLE_CLASS_UNSET)
				note_failure(w, "effective replica getters");
			(void)ddbgt_replica_get_effective_pitr_period(r, &days);
		}
		if (ddbgt_table_primary_replica(t) != ddbgt_table_replica_at(t, 0) ||
		    !ddbgt_table_find_gsi(t, "by-status") || !ddbgt_table_tag(t, "owner") ||
		    ddbgt_table_find_attribute_type(t, "gsi1sk") != DDBGT_ATTR_N ||
		    !ddbgt_table_stream_enabled(t))
			note_failure(w, "table getters");
		/* The catalogues. */
		for (size_t i = 0; i < ddbgt_code_count(); i++)
			if (!ddbgt_code_name(ddbgt_code_at(i)) || !ddbgt_code_summary(ddbgt_code_at(i)))
				note_failure(w, "code catalogue");
		for (size_t i = 0; i < ddbgt_region_count(); i++) {
			const ddbgt_region *r = ddbgt_region_at(i);
			if (ddbgt_region_find(ddbgt_region_code(r)) != r)
				note_failure(w, "region catalogue");
		}
		int v = 0;
		if (ddbgt_enum_parse(DDBGT_ENUM_ROLE, "standby", &v) || v != DDBGT_ROLE_STANDBY)
			note_failure(w, "enum parse");
	}
	return NULL;
}

static void run(void *(*fn)(void *), const struct shared *sh)
{
	struct worker w[THREADS];
	memset(w, 0, sizeof w);
	for (int i = 0; i < THREADS; i++) {
		w[i].sh = sh;
		ck_assert_int_eq(pthread_create(&w[i].id, NULL, fn, &w[i]), 0);
	}
	for (int i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(w[i].id, NULL), 0);
	for (int i = 0; i < THREADS; i++)
		ck_assert_msg(w[i].failures == 0, "thread %d: %d failures, first: %s", i,
		              w[i].failures, w[i].what);
}

/* The expected results, computed on this thread before any other starts. */
struct fixture {
	struct shared sh;
	char *full, *dump, *changed, *diags_json, *selection, *tf, *cost, *diff;
	ddbgt_table *table;
	ddbgt_diags *diags;
};

static void setup(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->full = ddbgt_test_read_file(ddbgt_test_path("data/spec/full.json"), &f->sh.full_len);
	ck_assert_int_eq(ddbgt_spec_load_string(&f->table, f->full, f->sh.full_len, 0, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&f->dump, f->table, 0), DDBGT_OK);
	ddbgt_table *copy = NULL;
	ck_assert_int_eq(ddbgt_table_copy(&copy, f->table), DDBGT_OK);
	ck_assert_int_eq(change(copy), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_dump_string(&f->changed, copy, 0), DDBGT_OK);
	ck_assert_str_ne(f->changed, f->dump);
	ddbgt_changes *ch = NULL;
	ck_assert_int_eq(ddbgt_diff(&ch, f->table, copy, NULL, NULL), DDBGT_OK);
	ck_assert_uint_gt(ddbgt_changes_count(ch), 0);
	ck_assert_int_eq(ddbgt_changes_to_json(&f->diff, ch), DDBGT_OK);
	ddbgt_changes_free(ch);
	ddbgt_table_free(copy);
	ck_assert_int_eq(ddbgt_diags_new(&f->diags), DDBGT_OK);
	ddbgt_table *bad = NULL;
	ck_assert_int_eq(ddbgt_spec_load_string(&bad, malformed, sizeof malformed - 1, 0, f->diags),
	                 DDBGT_ESPEC);
	ck_assert_int_eq(ddbgt_diags_to_json(&f->diags_json, f->diags), DDBGT_OK);
	ddbgt_region_query *q = NULL;
	ddbgt_region_selection *sel = NULL;
	ck_assert_int_eq(ddbgt_region_query_new(&q), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "EU", 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_set_count(q, 2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_run(&sel, q), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_selection_to_json(&f->selection, sel), DDBGT_OK);
	ddbgt_region_selection_free(sel);
	ddbgt_region_query_free(q);
	f->sh.expected_selection = f->selection;
	f->sh.verdict = ddbgt_table_validate(f->table, NULL, NULL);
	ck_assert_int_eq(ddbgt_emit_string(&f->tf, f->table, NULL, NULL), DDBGT_OK);
	ddbgt_cost_report *cr = NULL;
	ck_assert_int_eq(ddbgt_cost_estimate(&cr, f->table, NULL, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_cost_report_to_json(&f->cost, cr), DDBGT_OK);
	ddbgt_cost_report_free(cr);
	f->sh.expected_tf = f->tf;
	f->sh.expected_cost = f->cost;
	f->sh.full = f->full;
	f->sh.expected_dump = f->dump;
	f->sh.expected_changed = f->changed;
	f->sh.expected_diff = f->diff;
	f->sh.expected_diags = f->diags_json;
	f->sh.table = f->table;
	f->sh.diags = f->diags;
}

static void teardown(struct fixture *f)
{
	ddbgt_free(f->dump);
	ddbgt_free(f->changed);
	ddbgt_free(f->diff);
	ddbgt_free(f->diags_json);
	ddbgt_free(f->selection);
	ddbgt_free(f->tf);
	ddbgt_free(f->cost);
	ddbgt_table_free(f->table);
	ddbgt_diags_free(f->diags);
	free(f->full);
}

START_TEST(distinct_handles_on_distinct_threads)
{
	struct fixture f;
	setup(&f);
	run(own_handles, &f.sh);
	teardown(&f);
}
END_TEST

START_TEST(one_handle_read_by_many_threads)
{
	struct fixture f;
	setup(&f);
	run(shared_handle, &f.sh);
	/* Nobody wrote to it. */
	char *after = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&after, f.table, 0), DDBGT_OK);
	ck_assert_str_eq(after, f.dump);
	ddbgt_free(after);
	teardown(&f);
}
END_TEST

Suite *ddbgt_test_threads(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("threads");
	/* Slow under ThreadSanitizer and valgrind. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, distinct_handles_on_distinct_threads);
	tcase_add_test(tc, one_handle_read_by_many_threads);
	suite_add_tcase(s, tc);
	return s;
}
