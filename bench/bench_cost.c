/*
 * bench_cost: time ddbgt_cost_estimate on a 5-replica, 5-GSI table with a
 * full usage profile (target: under 10 microseconds per estimate). The
 * figure is recorded in doc/performance.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ddbgt.h>

static const char spec[] =
	"{\"format\":\"ddbgt/1\",\"table\":{\"name\":\"bench\","
	"\"partition_key\":{\"name\":\"pk\",\"type\":\"S\"},"
	"\"sort_key\":{\"name\":\"sk\",\"type\":\"S\"},"
	"\"attributes\":[{\"name\":\"a\",\"type\":\"S\"},{\"name\":\"b\",\"type\":\"S\"}],"
	"\"global_secondary_indexes\":["
	"{\"name\":\"g1\",\"partition_key\":\"a\",\"projection\":\"ALL\"},"
	"{\"name\":\"g2\",\"partition_key\":\"b\",\"projection\":\"KEYS_ONLY\"},"
	"{\"name\":\"g3\",\"partition_key\":\"a\",\"sort_key\":\"b\",\"projection\":\"ALL\"},"
	"{\"name\":\"g4\",\"partition_key\":\"b\",\"sort_key\":\"a\",\"projection\":\"INCLUDE\","
	"\"non_key_attributes\":[\"x\"]},"
	"{\"name\":\"g5\",\"partition_key\":\"a\",\"projection\":\"KEYS_ONLY\"}],"
	"\"point_in_time_recovery\":{\"enabled\":true}},"
	"\"replicas\":[{\"region\":\"us-east-1\"},{\"region\":\"us-east-2\"},"
	"{\"region\":\"us-west-2\"},{\"region\":\"eu-west-1\"},"
	"{\"region\":\"eu-central-1\",\"role\":\"standby\","
	"\"table_class\":\"STANDARD_INFREQUENT_ACCESS\"}],"
	"\"usage\":{\"writes_per_second\":{\"us-east-1\":200,\"us-east-2\":50,\"us-west-2\":80,"
	"\"eu-west-1\":120},\"reads_per_second\":{\"us-east-1\":900,\"us-east-2\":300,"
	"\"us-west-2\":400,\"eu-west-1\":700,\"eu-central-1\":5},\"item_size_bytes\":2500,"
	"\"storage_gb\":750,\"stream_reads_per_month\":5000000}}";

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best of several rounds of n estimates, in microseconds per estimate. */
static double time_estimates(const ddbgt_table *t, const ddbgt_cost_options *o, int n)
{
	double best = 1e9;

	for (int round = 0; round < 5; round++) {
		double start = now();

		for (int i = 0; i < n; i++) {
			ddbgt_cost_report *r = NULL;

			if (ddbgt_cost_estimate(&r, t, o, NULL) != DDBGT_OK) {
				fprintf(stderr, "bench_cost: estimate failed\n");
				exit(1);
			}
			ddbgt_cost_report_free(r);
		}
		double us = (now() - start) * 1e6 / n;
		if (us < best)
			best = us;
	}
	return best;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 20000;
	ddbgt_table *t = NULL;
	ddbgt_prices *p = NULL;
	ddbgt_cost_options o = DDBGT_COST_OPTIONS_INIT;

	if (n <= 0 || ddbgt_spec_load_string(&t, spec, strlen(spec), NULL) != DDBGT_OK ||
	    ddbgt_prices_default(&p) != DDBGT_OK) {
		fprintf(stderr, "usage: bench_cost [ITERATIONS]\n");
		return 2;
	}
	o.prices = p;
	o.recommendations = 0;
	double plain = time_estimates(t, &o, n);
	o.recommendations = 1;
	double recs = time_estimates(t, &o, n / 10 ? n / 10 : 1);
	double start = now();
	for (int i = 0; i < 100; i++) {
		ddbgt_prices *q = NULL;
		ddbgt_prices_default(&q);
		ddbgt_prices_free(q);
	}
	double load = (now() - start) * 1e6 / 100;

	printf("cost estimate, 5 replicas x 5 GSIs:              %8.2f us\n", plain);
	printf("cost estimate with recommendations (7 estimates): %8.2f us\n", recs);
	printf("embedded price table parse (ddbgt_prices_default): %7.2f us\n", load);
	ddbgt_prices_free(p);
	ddbgt_table_free(t);
	return plain < 10.0 ? 0 : 1;
}
