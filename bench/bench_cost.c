/*
 * The cost estimate of a 5-replica, 5-GSI table (target: under 10 us), on
 * demand and provisioned, without and with the recommendations (which run
 * the estimator on altered copies); the same on-demand estimate with the
 * embedded price table (prices = NULL); the JSON text of a 3-region report.
 * Usage: bench_cost [iterations [only]], where only is one of od, prov,
 * od-recs, prov-recs, od-embedded, json (for callgrind counts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

static const char *only;

static void run(const char *tag, const char *name, const ddbgt_table *t,
                const ddbgt_cost_options *o, size_t n)
{
	if (only && strcmp(only, tag) != 0)
		return;
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns();

	for (size_t i = 0; i < n; i++) {
		ddbgt_cost_report *r = NULL;
		if (ddbgt_cost_estimate(&r, t, o, NULL)) {
			fputs("bench: estimate failed\n", stderr);
			exit(1);
		}
		ddbgt_cost_report_free(r);
	}
	bench_report(name, bench_now_ns() - t0, n, bench_allocs() - a0);
}

/* ddbgt_cost_report_to_json of a 3-region provisioned report with its recommendations. */
static void report_json(ddbgt_prices *prices, size_t n)
{
	if (only && strcmp(only, "json") != 0)
		return;
	ddbgt_table *t = bench_build_table(3, 5);
	ddbgt_cost_options o = DDBGT_COST_OPTIONS_INIT;
	o.prices = prices;
	ddbgt_cost_report *r = NULL;
	char *text = NULL;
	if (ddbgt_cost_estimate(&r, t, &o, NULL) || ddbgt_cost_report_to_json(&text, r)) {
		fputs("bench: report failed\n", stderr);
		exit(1);
	}
	size_t bytes = strlen(text);
	ddbgt_free(text);
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns();
	for (size_t i = 0; i < n; i++) {
		if (ddbgt_cost_report_to_json(&text, r)) {
			fputs("bench: report to JSON failed\n", stderr);
			exit(1);
		}
		ddbgt_free(text);
	}
	char name[64];
	snprintf(name, sizeof name, "cost report to JSON, 3 regions (%zu bytes)", bytes);
	bench_report(name, bench_now_ns() - t0, n, bench_allocs() - a0);
	ddbgt_cost_report_free(r);
	ddbgt_table_free(t);
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 20000;
	if (n == 0)
		n = 1;
	only = argc > 2 ? argv[2] : NULL;
	bench_count_allocs();

	ddbgt_prices *prices = NULL;
	if (ddbgt_prices_default(&prices)) {
		fputs("bench: no embedded price table\n", stderr);
		return 1;
	}
	ddbgt_cost_options o = DDBGT_COST_OPTIONS_INIT;
	o.prices = prices;
	o.no_recommendations = 1;

	ddbgt_table *prov = bench_build_table(5, 5);
	ddbgt_table *od = NULL;
	if (ddbgt_table_copy(&od, prov) || ddbgt_table_set_billing_mode(od, DDBGT_BILLING_PAY_PER_REQUEST)) {
		fputs("bench: copy failed\n", stderr);
		return 1;
	}
	run("od", "cost 5x5 on-demand", od, &o, n);
	run("prov", "cost 5x5 provisioned", prov, &o, n);
	o.no_recommendations = 0;
	run("od-recs", "cost 5x5 on-demand + recommendations", od, &o, n / 10 + 1);
	run("prov-recs", "cost 5x5 provisioned + recommendations", prov, &o, n / 10 + 1);
	ddbgt_cost_options embedded = DDBGT_COST_OPTIONS_INIT;
	embedded.no_recommendations = 1;
	run("od-embedded", "cost 5x5 on-demand, prices = NULL", od, &embedded, n);
	report_json(prices, n);

	if (only) {
		ddbgt_table_free(od);
		ddbgt_table_free(prov);
		ddbgt_prices_free(prices);
		return 0;
	}
	size_t a0 = bench_allocs();
	uint64_t t0 = bench_now_ns();
	for (size_t i = 0; i < 100; i++) {
		ddbgt_prices *p = NULL;
		ddbgt_prices_default(&p);
		ddbgt_prices_free(p);
	}
	bench_report("ddbgt_prices_default (a copy of the compiled table)", bench_now_ns() - t0, 100,
	             bench_allocs() - a0);
	ddbgt_table_free(od);
	ddbgt_table_free(prov);
	ddbgt_prices_free(prices);
	return 0;
}
