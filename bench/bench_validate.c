/*
 * bench_validate: the time of ddbgt_table_validate for tables of R replicas
 * and G global secondary indexes, each replica overriding the read capacity
 * of every index (so the work is R x G), PROVISIONED with auto scaling: a
 * valid design that runs every rule. Prints one line per size and the time
 * per replica-index pair, which stays flat when the growth is linear.
 *
 *     bench/bench_validate [ROUNDS]
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <ddbgt.h>

/* Regions that need no opt-in, so that the valid design stays free of warnings. */
static const char *const regions[] = {
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
	"sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
	"eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
	"ap-southeast-1", "ap-southeast-2", "eu-south-1", "me-central-1", "ap-east-1",
	"af-south-1", "il-central-1", "ap-south-2", "ap-southeast-3", "eu-central-2",
};
#define NREGIONS (sizeof(regions) / sizeof(regions[0]))

static void check(int rc, const char *what)
{
	if (rc != DDBGT_OK) {
		fprintf(stderr, "bench_validate: %s: %s\n", what, ddbgt_strerror(rc));
		exit(1);
	}
}

static ddbgt_table *make_table(size_t nrep, size_t ngsi)
{
	ddbgt_table *t = NULL;
	char name[32];

	check(ddbgt_table_new(&t, "bench-table"), "table");
	check(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), "billing");
	check(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), "pk");
	check(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_S), "sk");
	check(ddbgt_table_set_capacity(t, DDBGT_READ, 100), "read");
	check(ddbgt_table_set_capacity(t, DDBGT_WRITE, 100), "write");
	check(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 10, 1000, 70), "write autoscaling");
	check(ddbgt_table_set_pitr(t, 1), "pitr");
	check(ddbgt_table_set_tag(t, "team", "bench"), "tag");
	/* Quotas raised so that 20 indexes x 100 units stay under them. */
	check(ddbgt_policy_set_quota(ddbgt_table_policy(t), "gsi_max", 64), "quota");
	check(ddbgt_policy_set_severity(ddbgt_table_policy(t), "DDBGT_W_REGION_OPT_IN",
	                                DDBGT_SEVERITY_OFF), "severity");
	for (size_t g = 0; g < ngsi; g++) {
		ddbgt_gsi *gsi = NULL;

		snprintf(name, sizeof(name), "gsi%02zu-pk", g);
		check(ddbgt_table_add_attribute(t, name, DDBGT_ATTR_S), "attribute");
		check(ddbgt_gsi_new(&gsi, name + 0), "gsi");
		snprintf(name, sizeof(name), "index-%02zu", g);
		check(ddbgt_gsi_set_name(gsi, name), "gsi name");
		snprintf(name, sizeof(name), "gsi%02zu-pk", g);
		check(ddbgt_gsi_set_partition_key(gsi, name), "gsi pk");
		check(ddbgt_gsi_set_projection(gsi, DDBGT_PROJECTION_INCLUDE), "projection");
		check(ddbgt_gsi_add_non_key_attribute(gsi, "total"), "non-key");
		check(ddbgt_gsi_set_capacity(gsi, DDBGT_READ, 10), "gsi read");
		check(ddbgt_gsi_set_capacity(gsi, DDBGT_WRITE, 10), "gsi write");
		check(ddbgt_gsi_set_autoscaling(gsi, DDBGT_WRITE, 5, 100, 70), "gsi autoscaling");
		check(ddbgt_table_add_gsi(t, gsi), "add gsi");
	}
	for (size_t r = 0; r < nrep; r++) {
		ddbgt_replica *rep = NULL;

		check(ddbgt_replica_new(&rep, regions[r % NREGIONS]), "replica");
		check(ddbgt_replica_set_read_capacity(rep, 50), "replica read");
		for (size_t g = 0; g < ngsi; g++) {
			snprintf(name, sizeof(name), "index-%02zu", g);
			check(ddbgt_replica_set_gsi_read_capacity(rep, name, 5), "replica gsi");
		}
		check(ddbgt_table_add_replica(t, rep), "add replica");
	}
	return t;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/*
 * The fastest of many short batches: on a shared machine a long batch is
 * likely to lose the processor part of the way, a short one often runs whole.
 */
static double measure(ddbgt_table *t, const ddbgt_validate_options *o, ddbgt_diags *d,
                      long batch, int rounds)
{
	double best = 0;

	for (int round = 0; round < rounds; round++) {
		double start = now_ns();

		for (long i = 0; i < batch; i++) {
			ddbgt_diags_clear(d);
			if (ddbgt_table_validate(t, o, d) != DDBGT_OK) {
				char *text = NULL;

				ddbgt_diags_to_text(&text, d);
				fprintf(stderr, "bench_validate: the design is not valid:\n%s", text);
				exit(1);
			}
		}
		double per = (now_ns() - start) / (double)batch;
		if (round == 0 || per < best)
			best = per;
	}
	return best;
}

int main(int argc, char **argv)
{
	static const size_t sizes[][2] = {{5, 5}, {10, 10}, {20, 20}, {25, 40}};
	int rounds = argc > 1 ? atoi(argv[1]) : 300;
	ddbgt_validate_options all = DDBGT_VALIDATE_OPTIONS_INIT;
	ddbgt_validate_options quiet = DDBGT_VALIDATE_OPTIONS_INIT;
	ddbgt_diags *d = NULL;

	if (rounds < 1)
		rounds = 1;
	quiet.flags = DDBGT_VALIDATE_NO_INFO;
	check(ddbgt_diags_new(&d), "diags");
	printf("%-9s %8s %12s %14s %12s %14s\n", "RxG", "pairs", "us/validate", "ns/pair",
	       "us (no info)", "ns/pair");
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t nrep = sizes[i][0], ngsi = sizes[i][1];
		ddbgt_table *t = make_table(nrep, ngsi);
		double pairs = (double)(nrep * ngsi);
		long batch = 500 / (long)(nrep * ngsi) + 1;
		double a = measure(t, &all, d, batch, rounds);
		double b = measure(t, &quiet, d, batch, rounds);
		char label[48];

		snprintf(label, sizeof(label), "%zux%zu", nrep, ngsi);
		printf("%-9s %8.0f %12.2f %14.1f %12.2f %14.1f\n", label, pairs, a / 1e3, a / pairs,
		       b / 1e3, b / pairs);
		ddbgt_table_free(t);
	}
	ddbgt_diags_free(d);
	return 0;
}
