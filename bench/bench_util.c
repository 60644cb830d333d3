#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static size_t alloc_count;

static void *counting_malloc(size_t n)
{
	alloc_count++;
	return malloc(n);
}

static void *counting_realloc(void *p, size_t n)
{
	alloc_count++;
	return realloc(p, n);
}

uint64_t bench_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void bench_count_allocs(void)
{
	ddbgt_set_alloc_funcs(counting_malloc, counting_realloc, free);
}

size_t bench_allocs(void)
{
	return alloc_count;
}

static void check(int rc, const char *what)
{
	if (rc) {
		fprintf(stderr, "bench: %s: %s\n", what, ddbgt_strerror(rc));
		exit(1);
	}
}

/* Regions of one partition, in the order replicas are added. */
static const char *const regions[] = {
	"us-east-1", "eu-west-1", "ap-northeast-1", "us-west-2", "eu-central-1",
	"ap-southeast-1", "us-east-2", "eu-west-2", "ap-southeast-2", "ca-central-1",
	"eu-north-1", "ap-south-1", "sa-east-1", "us-west-1", "eu-west-3",
	"ap-northeast-2", "ap-northeast-3", "eu-south-1", "me-south-1", "af-south-1",
};

ddbgt_table *bench_build_table(size_t replicas, size_t gsis)
{
	ddbgt_table *t = NULL;
	char name[128];
	check(ddbgt_table_new(&t, "bench-orders"), "table");
	check(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), "billing");
	check(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), "pk");
	check(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_S), "sk");
	check(ddbgt_table_set_capacity(t, DDBGT_READ, 100), "rcu");
	check(ddbgt_table_set_capacity(t, DDBGT_WRITE, 50), "wcu");
	check(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 50, 500, 70), "autoscaling");
	check(ddbgt_table_set_encryption(t, DDBGT_ENCRYPTION_CUSTOMER_MANAGED), "sse");
	check(ddbgt_table_set_pitr(t, 1), "pitr");
	check(ddbgt_table_set_pitr_period(t, 35), "pitr period");
	check(ddbgt_table_set_deletion_protection(t, 1), "deletion protection");
	check(ddbgt_table_set_tag(t, "team", "orders"), "tag");
	check(ddbgt_table_set_tag(t, "env", "prod"), "tag");
	for (size_t i = 0; i < gsis; i++) {
		ddbgt_gsi *g = NULL;
		snprintf(name, sizeof name, "gsi%zu", i);
		check(ddbgt_gsi_new(&g, name), "gsi");
		snprintf(name, sizeof name, "gsi%zupk", i);
		check(ddbgt_table_add_attribute(t, name, DDBGT_ATTR_S), "attribute");
		check(ddbgt_gsi_set_partition_key(g, name), "gsi pk");
		check(ddbgt_gsi_set_projection(g, DDBGT_PROJECTION_KEYS_ONLY), "projection");
		check(ddbgt_gsi_set_capacity(g, DDBGT_READ, 20), "gsi rcu");
		check(ddbgt_gsi_set_capacity(g, DDBGT_WRITE, 10), "gsi wcu");
		check(ddbgt_gsi_set_autoscaling(g, DDBGT_WRITE, 10, 100, 70), "gsi autoscaling");
		check(ddbgt_table_add_gsi(t, g), "add gsi");
	}
	for (size_t i = 0; i < replicas; i++) {
		ddbgt_replica *r = NULL;
		const char *region = regions[i % (sizeof regions / sizeof regions[0])];
		check(ddbgt_replica_new(&r, region), "replica");
		snprintf(name, sizeof name, "arn:aws:kms:%s:111122223333:key/mrk-%032zx", region, i);
		check(ddbgt_replica_set_kms_key(r, name), "kms");
		check(ddbgt_replica_set_read_autoscaling(r, 10, 1000, 70), "read autoscaling");
		if (i > 0)
			check(ddbgt_replica_set_table_class(r, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS),
			      "class");
		for (size_t j = 0; j < gsis; j++) {
			snprintf(name, sizeof name, "gsi%zu", j);
			check(ddbgt_replica_set_gsi_read_capacity(r, name, 20), "gsi override");
		}
		check(ddbgt_replica_set_tag(r, "region", region), "replica tag");
		check(ddbgt_table_add_replica(t, r), "add replica");
	}
	ddbgt_usage *u = ddbgt_table_usage_mut(t);
	for (size_t i = 0; i < replicas; i++) {
		const char *region = regions[i % (sizeof regions / sizeof regions[0])];
		check(ddbgt_usage_set_rate(u, DDBGT_WRITE, region, 50), "writes");
		check(ddbgt_usage_set_rate(u, DDBGT_READ, region, 200), "reads");
	}
	check(ddbgt_usage_set_storage_gb(u, 100), "storage");
	return t;
}

void bench_report(const char *name, uint64_t ns, size_t iterations, size_t allocs)
{
	printf("%-28s %10.0f ns/op %8.1f allocs/op  (%zu ops)\n", name,
	       (double)ns / (double)iterations, (double)allocs / (double)iterations, iterations);
}
