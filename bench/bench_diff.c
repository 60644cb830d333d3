/*
 * ddbgt_diff of two 3-replica, 2-GSI tables (bench_build_table(3, 2)): the
 * same table (no change) and a NEW with four changes of different kinds (a
 * capacity increase, a GSI capacity decrease, a tag, a replica's PITR).
 * Prints ns and allocations per diff (average, and fastest of 2000 batches
 * of 10), the list freed each time. The plan is part of every diff.
 * Usage: bench_diff [iterations [CASE]]: with CASE ("diff 3x2 same"), only
 * that case and no batches, for callgrind.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

static const char *only; /* the one case to run, or NULL */

static void run(const char *name, const ddbgt_table *a, const ddbgt_table *b, size_t n)
{
	if (only && strcmp(only, name) != 0)
		return;
	ddbgt_changes *c = NULL;
	if (ddbgt_diff(&c, a, b, NULL, NULL) != DDBGT_OK) {
		fprintf(stderr, "bench_diff: %s: ddbgt_diff failed\n", name);
		exit(1);
	}
	size_t changes = ddbgt_changes_count(c);
	ddbgt_changes_free(c);
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++) {
		ddbgt_diff(&c, a, b, NULL, NULL);
		ddbgt_changes_free(c);
	}
	bench_report(name, bench_now_ns() - t0, n, bench_allocs() - a0);
	if (only)
		return;
	/* The fastest of many short batches: one undisturbed core on a shared machine. */
	uint64_t best = UINT64_MAX;
	for (size_t round = 0; round < 2000; round++) {
		uint64_t b0 = bench_now_ns();
		for (int i = 0; i < 10; i++) {
			ddbgt_diff(&c, a, b, NULL, NULL);
			ddbgt_changes_free(c);
		}
		if (bench_now_ns() - b0 < best)
			best = bench_now_ns() - b0;
	}
	printf("%-28s %10.0f ns/op fastest batch (%zu changes)\n", "", best / 10.0, changes);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000;
	if (n == 0)
		n = 1;
	only = argc > 2 ? argv[2] : NULL;
	bench_count_allocs();
	ddbgt_table *a = bench_build_table(3, 2);
	ddbgt_table *b = NULL;
	if (ddbgt_table_copy(&b, a) ||
	    ddbgt_table_set_capacity(b, DDBGT_READ, 5000) ||
	    ddbgt_gsi_set_capacity(ddbgt_table_gsi_at_mut(b, 1), DDBGT_WRITE, 1) ||
	    ddbgt_table_set_tag(b, "release", "2026-12") ||
	    ddbgt_replica_set_pitr(ddbgt_table_replica_at_mut(b, 2), 0)) {
		fputs("bench_diff: setup failed\n", stderr);
		return 1;
	}
	run("diff 3x2 same", a, a, n);
	run("diff 3x2 four changes", a, b, n);
	ddbgt_table_free(a);
	ddbgt_table_free(b);
	return 0;
}
