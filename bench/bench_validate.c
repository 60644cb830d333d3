/*
 * Validation time of the shared benchmark table (bench_build_table: PROVISIONED,
 * a customer managed key, read auto scaling and a read override of every GSI
 * on every replica) for R replicas and G GSIs, so that the work has an R x G
 * part. Prints ns and allocations per validation (average, and fastest of
 * 2000 batches of 10), and ns per replica-index pair, which falls then stays
 * flat when validation grows linearly.
 * Usage: bench_validate [iterations of the 5x5 table]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"

static void run(size_t replicas, size_t gsis, size_t n5x5)
{
	ddbgt_table *t = bench_build_table(replicas, gsis);
	ddbgt_diags *d = NULL;
	size_t pairs = replicas * gsis;
	size_t n = n5x5 * 25 / pairs + 1;
	char name[64];

	/* The default GSI quota (20) would make the largest table invalid. */
	if (ddbgt_policy_set_quota(ddbgt_table_policy_mut(t), "gsi_max", 64) || ddbgt_diags_new(&d)) {
		fputs("bench_validate: setup failed\n", stderr);
		exit(1);
	}
	if (ddbgt_table_validate(t, NULL, d) != DDBGT_OK) {
		char *text = NULL;

		ddbgt_diags_to_text(&text, d);
		fprintf(stderr, "bench_validate: the %zux%zu table is not valid:\n%s", replicas, gsis,
		        text ? text : "");
		exit(1);
	}
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++) {
		ddbgt_diags_clear(d);
		ddbgt_table_validate(t, NULL, d);
	}
	uint64_t ns = bench_now_ns() - t0;
	snprintf(name, sizeof name, "validate %zux%zu", replicas, gsis);
	bench_report(name, ns, n, bench_allocs() - a0);
	/*
	 * On a shared machine the average counts the neighbours' time too; the
	 * fastest of many short batches is the figure of one undisturbed core.
	 */
	uint64_t best = UINT64_MAX;
	for (size_t round = 0; round < 2000; round++) {
		uint64_t b0 = bench_now_ns();
		for (int i = 0; i < 10; i++) {
			ddbgt_diags_clear(d);
			ddbgt_table_validate(t, NULL, d);
		}
		if (bench_now_ns() - b0 < best)
			best = bench_now_ns() - b0;
	}
	printf("%-28s %10.0f ns/op fastest batch, %.1f ns/pair (%zu findings: notes, warnings)\n",
	       "", best / 10.0, best / 10.0 / pairs, ddbgt_diags_count(d));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000;

	if (n == 0)
		n = 1;
	bench_count_allocs();
	run(5, 5, n);
	run(10, 10, n);
	run(20, 20, n);
	run(20, 40, n);
	return 0;
}
