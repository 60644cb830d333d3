/*
 * Import the same 3-replica, 2-GSI table (examples/specs/provisioned-gsi.json)
 * from each input kind: nanoseconds and allocations per import, beside
 * loading the spec itself. Usage: bench_import [iterations [input]]
 * (input: the index of one row of the table below, for callgrind).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

#define BATCH 20

static const struct input {
	const char *name;
	const char *path; /* under the source tree */
} inputs[] = {
        {"spec (reference)", "examples/specs/provisioned-gsi.json"},
        {"terraform plan JSON", "tests/data/import/plan/provisioned-gsi.plan.json"},
        {".tf.json", "tests/data/emit/provisioned-gsi.tf.json"},
        {"CloudFormation JSON", "tests/data/import/bench/inventory.template.json"},
        {"CloudFormation YAML", "tests/data/import/bench/inventory.template.yaml"},
        {"describe-table", "tests/data/import/bench/inventory.describe-table.json"},
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "bench_import: cannot open %s\n", path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "bench_import: cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 2000;
	if (n == 0)
		n = 1;
	size_t only = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : (size_t)-1;
	bench_count_allocs();
	for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
		if (only != (size_t)-1 && k != only)
			continue;
		char path[4096];
		size_t len;
		snprintf(path, sizeof path, "%s/%s", DDBGT_SRCDIR, inputs[k].path);
		char *text = slurp(path, &len);
		size_t batches = (n + BATCH - 1) / BATCH, a0 = bench_allocs();
		uint64_t best = UINT64_MAX, t0 = bench_now_ns();
		for (size_t b = 0; b < batches; b++) {
			uint64_t b0 = bench_now_ns();
			for (size_t i = 0; i < BATCH; i++) {
				ddbgt_import *imp = NULL;
				if (ddbgt_import_buffer(&imp, inputs[k].path, text, len, NULL, NULL) !=
				            DDBGT_OK ||
				    ddbgt_import_table_count(imp) != 1) {
					fprintf(stderr, "bench_import: %s did not import\n", path);
					return 1;
				}
				ddbgt_import_free(imp);
			}
			uint64_t took = bench_now_ns() - b0;
			if (took < best)
				best = took;
		}
		size_t ops = batches * BATCH;
		bench_report(inputs[k].name, bench_now_ns() - t0, ops, bench_allocs() - a0);
		printf("%-28s %7zu bytes, fastest batch %.0f ns/op\n", "", len,
		       (double)best / BATCH);
		free(text);
	}
	return 0;
}
