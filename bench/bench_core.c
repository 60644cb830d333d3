/*
 * Build, load and dump a 5-replica, 5-GSI table: nanoseconds and allocations
 * per table. Usage: bench_core [iterations]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000;
	if (n == 0)
		n = 1;
	bench_count_allocs();

	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++)
		ddbgt_table_free(bench_build_table(5, 5));
	bench_report("build 5x5 (API)", bench_now_ns() - t0, n, bench_allocs() - a0);

	ddbgt_table *t = bench_build_table(5, 5);
	char *spec = NULL;
	if (ddbgt_spec_dump_string(&spec, t)) {
		fputs("bench: dump failed\n", stderr);
		return 1;
	}
	size_t len = strlen(spec);

	a0 = bench_allocs();
	t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++) {
		char *s = NULL;
		ddbgt_spec_dump_string(&s, t);
		ddbgt_free(s);
	}
	bench_report("dump 5x5", bench_now_ns() - t0, n, bench_allocs() - a0);

	a0 = bench_allocs();
	t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++) {
		ddbgt_table *u = NULL;
		if (ddbgt_spec_load_string(&u, spec, len, NULL)) {
			fputs("bench: load failed\n", stderr);
			return 1;
		}
		ddbgt_table_free(u);
	}
	bench_report("load 5x5", bench_now_ns() - t0, n, bench_allocs() - a0);

	a0 = bench_allocs();
	t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++) {
		ddbgt_table *u = NULL;
		char *s = NULL;
		ddbgt_spec_load_string(&u, spec, len, NULL);
		ddbgt_spec_dump_string(&s, u);
		ddbgt_free(s);
		ddbgt_table_free(u);
	}
	bench_report("load + dump 5x5", bench_now_ns() - t0, n, bench_allocs() - a0);
	printf("spec size: %zu bytes\n", len);
	ddbgt_free(spec);
	ddbgt_table_free(t);
	return 0;
}
