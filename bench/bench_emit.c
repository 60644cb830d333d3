/*
 * Terraform emit of a 5-replica, 5-GSI table: nanoseconds and allocations per
 * document (target: under 30 microseconds).
 * Usage: bench_emit [iterations [case]], case one of the names printed.
 *
 * "5x5" is the shared benchmark table (bench_build_table: PROVISIONED with
 * write autoscaling, read autoscaling in every region, a key, class and tags
 * per replica, so replica resources and 22 autoscaling resources); "5x5
 * on-demand" is the same shape without capacity, which emits inline replicas.
 * Besides the wall time, the thread's CPU time per emit is printed: on a busy
 * machine it is the steadier of the two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

static ddbgt_table *on_demand(void)
{
	ddbgt_table *t = bench_build_table(5, 5);
	if (ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PAY_PER_REQUEST) ||
	    ddbgt_table_clear_capacity(t, DDBGT_READ) || ddbgt_table_clear_capacity(t, DDBGT_WRITE) ||
	    ddbgt_table_clear_autoscaling(t, DDBGT_WRITE)) {
		fputs("bench: on-demand table\n", stderr);
		exit(1);
	}
	for (size_t i = 0; i < ddbgt_table_gsi_count(t); i++) {
		ddbgt_gsi *g = ddbgt_table_gsi_at_mut(t, i);
		ddbgt_gsi_clear_capacity(g, DDBGT_READ);
		ddbgt_gsi_clear_capacity(g, DDBGT_WRITE);
		ddbgt_gsi_clear_autoscaling(g, DDBGT_WRITE);
	}
	for (size_t i = 0; i < ddbgt_table_replica_count(t); i++) {
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, i);
		ddbgt_replica_clear_read_capacity(r);
		while (ddbgt_replica_gsi_override_count(r))
			ddbgt_replica_remove_gsi_override(r, ddbgt_replica_gsi_override_name(r, 0));
		ddbgt_replica_set_table_class(r, DDBGT_TABLE_CLASS_UNSET);
		ddbgt_replica_remove_tag(r, "region");
	}
	return t;
}

static uint64_t cpu_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static const char *only; /* run just this case (for callgrind), or all */

static void run(const char *name, const ddbgt_table *t, const ddbgt_emit_options *o, size_t n)
{
	if (only && strcmp(only, name) != 0)
		return;
	char *doc = NULL;
	if (ddbgt_emit_string(&doc, t, o, NULL)) {
		fprintf(stderr, "bench: %s: emit failed\n", name);
		exit(1);
	}
	size_t len = strlen(doc);
	ddbgt_free(doc);
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns(), c0 = cpu_ns();
	for (size_t i = 0; i < n; i++) {
		ddbgt_emit_string(&doc, t, o, NULL);
		ddbgt_free(doc);
	}
	uint64_t cpu = cpu_ns() - c0;
	bench_report(name, bench_now_ns() - t0, n, bench_allocs() - a0);
	printf("%-28s %10.0f ns/op CPU %8zu bytes\n", "", (double)cpu / (double)n, len);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000;
	if (n == 0)
		n = 1;
	only = argc > 2 ? argv[2] : NULL;
	bench_count_allocs();
	ddbgt_table *t = bench_build_table(5, 5), *od = on_demand();
	ddbgt_emit_options compact = DDBGT_EMIT_OPTIONS_INIT;
	compact.compact = 1;
	run("emit 5x5", t, NULL, n);
	run("emit 5x5 compact", t, &compact, n);
	run("emit 5x5 on-demand", od, NULL, n);
	ddbgt_table_free(t);
	ddbgt_table_free(od);
	return 0;
}
