/*
 * Build, load and dump a 5-replica, 5-GSI table: nanoseconds and allocations
 * per table. Usage: bench_core [iterations]
 *
 * Each operation runs in batches of BATCH; three figures are printed per
 * operation: the mean wall time, the mean CPU time of this thread, and the
 * fastest batch (what one undisturbed core does when the machine is busy).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#define BATCH 50

struct ctx {
	ddbgt_table *table;
	const char *spec;
	size_t len;
};

static uint64_t cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void fail(const char *what)
{
	fprintf(stderr, "bench: %s failed\n", what);
	exit(1);
}

static void build(struct ctx *c)
{
	(void)c;
	ddbgt_table_free(bench_build_table(5, 5));
}

static void dump(struct ctx *c)
{
	char *s = NULL;
	if (ddbgt_spec_dump_string(&s, c->table, 0))
		fail("dump");
	ddbgt_free(s);
}

static void load(struct ctx *c)
{
	ddbgt_table *u = NULL;
	if (ddbgt_spec_load_string(&u, c->spec, c->len, 0, NULL))
		fail("load");
	ddbgt_table_free(u);
}

static void load_dump(struct ctx *c)
{
	ddbgt_table *u = NULL;
	char *s = NULL;
	if (ddbgt_spec_load_string(&u, c->spec, c->len, 0, NULL) || ddbgt_spec_dump_string(&s, u, 0))
		fail("load + dump");
	ddbgt_free(s);
	ddbgt_table_free(u);
}

static void run(const char *name, void (*op)(struct ctx *), struct ctx *c, size_t n)
{
	size_t batches = (n + BATCH - 1) / BATCH;
	uint64_t best = UINT64_MAX;
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns(), c0 = cpu_ns();
	for (size_t b = 0; b < batches; b++) {
		uint64_t b0 = bench_now_ns();
		for (size_t i = 0; i < BATCH; i++)
			op(c);
		uint64_t took = bench_now_ns() - b0;
		if (took < best)
			best = took;
	}
	size_t ops = batches * BATCH;
	uint64_t cpu = cpu_ns() - c0;
	bench_report(name, bench_now_ns() - t0, ops, bench_allocs() - a0);
	printf("%-28s %10.0f ns/op CPU, fastest batch %.0f ns/op\n", "", (double)cpu / (double)ops,
	       (double)best / BATCH);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000;
	if (n == 0)
		n = 1;
	bench_count_allocs();

	struct ctx c = {bench_build_table(5, 5), NULL, 0};
	char *spec = NULL;
	if (ddbgt_spec_dump_string(&spec, c.table, 0))
		fail("dump");
	c.spec = spec;
	c.len = strlen(spec);

	run("build 5x5 (API)", build, &c, n);
	run("dump 5x5", dump, &c, n);
	run("load 5x5", load, &c, n);
	run("load + dump 5x5", load_dump, &c, n);
	printf("spec size: %zu bytes\n", c.len);
	ddbgt_free(spec);
	ddbgt_table_free(c.table);
	return 0;
}
