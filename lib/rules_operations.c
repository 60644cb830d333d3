/*
 * Rules about the spec's operations object: alarm settings CloudWatch
 * accepts, SNS topics in the region (and partition) of the alarms they serve,
 * regions and indexes that exist, and the alarms a table's kind cannot have
 * (doc/operations.md).
 */
#include <string.h>

#include "ddbgt/index.h"
#include "ddbgt/operations.h"
#include "alloc.h"
#include "validate_internal.h"

/* CloudWatch: EvaluationPeriods x Period is at most one day (PutMetricAlarm). */
#define ALARM_WINDOW_MAX 86400

static void check_settings(ddbgt__vctx *c, const ddbgt_operations *ops)
{
	int64_t v;
	int64_t period = ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_PERIOD_SECONDS);
	int64_t periods =
		ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_EVALUATION_PERIODS);

	if (ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_PERIOD_SECONDS, &v) == 0 &&
	    (v < 60 || v % 60 != 0 || v > ALARM_WINDOW_MAX))
		ddbgt__vreport(c, DDBGT_E_OPS_ALARM_SETTING_RANGE, "/operations/alarms/period_seconds",
		               NULL, "period_seconds is %lld: DynamoDB publishes its metrics each "
		               "minute, so use a multiple of 60 up to 86400", (long long)v);
	if (ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_EVALUATION_PERIODS, &v) == 0 &&
	    (v < 1 || (period >= 60 && v > ALARM_WINDOW_MAX / period)))
		ddbgt__vreport(c, DDBGT_E_OPS_ALARM_SETTING_RANGE,
		               "/operations/alarms/evaluation_periods", NULL,
		               "evaluation_periods is %lld: it must be at least 1, and %lld periods of "
		               "%lld s must fit in one day", (long long)v, (long long)periods,
		               (long long)period);
	if (ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_REPLICATION_LATENCY_MS, &v) == 0 &&
	    v < 1)
		ddbgt__vreport(c, DDBGT_E_OPS_ALARM_SETTING_RANGE,
		               "/operations/alarms/replication_latency_ms", NULL,
		               "replication_latency_ms is %lld: use 1 or more", (long long)v);
	if (ddbgt_operations_get_alarm_setting(ops, DDBGT_ALARM_UTILIZATION_PERCENT, &v) == 0) {
		if (v < 1 || v > 100)
			ddbgt__vreport(c, DDBGT_E_OPS_ALARM_SETTING_RANGE,
			               "/operations/alarms/utilization_percent", NULL,
			               "utilization_percent is %lld: use 1 to 100", (long long)v);
		else if (!c->provisioned)
			ddbgt__vreport(c, DDBGT_W_OPS_UTILIZATION_ON_DEMAND,
			               "/operations/alarms/utilization_percent", NULL,
			               "utilization_percent is set, but a PAY_PER_REQUEST table has no "
			               "provisioned capacity: no utilisation alarm is emitted");
	}
}

static int is_replica_region(const ddbgt__vctx *c, const char *region)
{
	return ddbgt__vnames_find(c->by_region, c->nreplicas, region) != NULL;
}

/* [A-Za-z0-9_-]{1,256}, with ".fifo" allowed at the end (SNS CreateTopic). */
static int topic_name_ok(const char *name)
{
	size_t n = strlen(name);
	if (n > 5 && strcmp(name + n - 5, ".fifo") == 0)
		n -= 5;
	if (n == 0 || n > 256)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = name[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '-' || ch == '_'))
			return 0;
	}
	return 1;
}

/*
 * Split "arn:PARTITION:sns:REGION:ACCOUNT:NAME" into its partition and region
 * (copied into the buffers); 0 when it is not that shape.
 */
static int split_topic_arn(const char *arn, char *partition, size_t psize, char *region,
                           size_t rsize)
{
	const char *f[6];
	size_t len[6];
	const char *p = arn;
	for (int i = 0; i < 6; i++) {
		const char *end = i < 5 ? strchr(p, ':') : p + strlen(p);
		if (end == NULL)
			return 0;
		f[i] = p;
		len[i] = (size_t)(end - p);
		p = end + (i < 5);
	}
	if (len[0] != 3 || memcmp(f[0], "arn", 3) != 0 || len[2] != 3 || memcmp(f[2], "sns", 3) != 0)
		return 0;
	if (len[1] == 0 || len[1] >= psize || len[3] == 0 || len[3] >= rsize || len[4] != 12)
		return 0;
	for (size_t i = 0; i < 12; i++)
		if (f[4][i] < '0' || f[4][i] > '9')
			return 0;
	if (!topic_name_ok(f[5]))
		return 0;
	memcpy(partition, f[1], len[1]);
	partition[len[1]] = '\0';
	memcpy(region, f[3], len[3]);
	region[len[3]] = '\0';
	return 1;
}

static void check_topics(ddbgt__vctx *c, const ddbgt_operations *ops)
{
	for (size_t i = 0; i < ddbgt_operations_sns_topic_count(ops); i++) {
		const char *region = ddbgt_operations_sns_topic_region(ops, i);
		const char *arn = ddbgt_operations_sns_topic_arn(ops, i);
		char buf[160], *heap = NULL, partition[32], arn_region[64];
		const char *path = ddbgt__vpath_key(c, buf, sizeof buf, &heap,
		                                    "/operations/alarms/sns_topics", region, "");
		if (path == NULL)
			return;
		if (!is_replica_region(c, region)) {
			ddbgt__vreport(c, DDBGT_E_OPS_REGION_NOT_REPLICA, path, region,
			               "an alarm topic is given for %s, where the table has no replica",
			               region);
		} else if (!split_topic_arn(arn, partition, sizeof partition, arn_region,
		                            sizeof arn_region)) {
			ddbgt__vreport(c, DDBGT_E_OPS_SNS_TOPIC_ARN, path, region,
			               "\"%s\" is not an SNS topic ARN "
			               "(arn:PARTITION:sns:REGION:ACCOUNT:NAME)", arn);
		} else {
			const char *want = ddbgt_region_code_partition(region);
			if (strcmp(arn_region, region) != 0 || (want && strcmp(want, partition) != 0))
				ddbgt__vreport(c, DDBGT_E_OPS_SNS_TOPIC_REGION, path, region,
				               "the topic %s is in %s (partition %s), not in %s (partition "
				               "%s): an alarm in %s can notify only a topic there",
				               arn, arn_region, partition, region, want ? want : "unknown",
				               region);
		}
		ddbgt__free(heap);
	}
	if (!ddbgt_operations_alarms(ops))
		return;
	for (size_t i = 0; i < c->nreplicas; i++) {
		const char *region = ddbgt__vreplica_region(c, i);
		if (ddbgt_operations_get_sns_topic(ops, region, NULL) == DDBGT_ENOTFOUND)
			ddbgt__vreport(c, DDBGT_I_OPS_ALARMS_NO_TOPIC, "/operations/alarms", region,
			               "the alarms in %s notify no one: no SNS topic is given for %s",
			               region, region);
	}
}

static void check_iam(ddbgt__vctx *c, const ddbgt_operations *ops)
{
	char path[96];
	for (size_t i = 0; i < ddbgt_operations_iam_region_count(ops); i++) {
		const char *region = ddbgt_operations_iam_region_at(ops, i);
		if (!is_replica_region(c, region))
			ddbgt__vreport(c, DDBGT_E_OPS_REGION_NOT_REPLICA,
			               ddbgt__vpathf(path, sizeof path, "/operations/iam/regions/%zu", i),
			               region, "the IAM policies are limited to %s, where the table has "
			               "no replica", region);
	}
	for (size_t i = 0; i < ddbgt_operations_iam_index_count(ops); i++) {
		const char *index = ddbgt_operations_iam_index_at(ops, i);
		if (!ddbgt_table_find_gsi(c->table, index) && !ddbgt_table_find_lsi(c->table, index))
			ddbgt__vreport(c, DDBGT_E_OPS_INDEX_UNKNOWN,
			               ddbgt__vpathf(path, sizeof path, "/operations/iam/indexes/%zu", i),
			               NULL, "the IAM policies name the index %s, which the table does "
			               "not have", index);
	}
	if (ddbgt_operations_iam_policy(ops, DDBGT_IAM_STREAM_CONSUMER) &&
	    !ddbgt_table_stream_enabled(c->table))
		ddbgt__vreport(c, DDBGT_W_OPS_STREAM_CONSUMER_NO_STREAM, "/operations/iam/policies",
		               NULL, "a stream_consumer policy is asked for, but the table's stream "
		               "is off: the policy would grant reads of no stream");
}

/* "vpc-" or "rtb-" and 8 or 17 lowercase hexadecimal digits (EC2 resource IDs). */
static int ec2_id_ok(const char *id, const char *prefix)
{
	size_t n = strlen(prefix), len = strlen(id);
	if (strncmp(id, prefix, n) != 0 || (len - n != 8 && len - n != 17))
		return 0;
	for (size_t i = n; i < len; i++)
		if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f')))
			return 0;
	return 1;
}

static void check_endpoints(ddbgt__vctx *c, const ddbgt_operations *ops)
{
	for (size_t i = 0; i < ddbgt_operations_vpc_endpoint_count(ops); i++) {
		const char *region = ddbgt_operations_vpc_endpoint_region(ops, i);
		const char *vpc = ddbgt_operations_vpc_endpoint_vpc_id(ops, i);
		size_t nrt = ddbgt_operations_vpc_route_table_count(ops, i);
		char buf[160], *heap = NULL, sub[64];
		const char *path = ddbgt__vpath_key(c, buf, sizeof buf, &heap,
		                                    "/operations/vpc_endpoints", region, "");
		if (path == NULL)
			return;
		if (!is_replica_region(c, region))
			ddbgt__vreport(c, DDBGT_E_OPS_REGION_NOT_REPLICA, path, region,
			               "a VPC endpoint is given for %s, where the table has no replica",
			               region);
		if (!ec2_id_ok(vpc, "vpc-")) {
			char *h2 = NULL;
			const char *p = ddbgt__vpath_key(c, sub, sizeof sub, &h2, path, "vpc_id", "");
			if (p)
				ddbgt__vreport(c, DDBGT_E_OPS_VPC_ID, p, region,
				               "\"%s\" is not a VPC ID (vpc- and 8 or 17 hexadecimal digits)",
				               vpc);
			ddbgt__free(h2);
		}
		for (size_t j = 0; j < nrt; j++) {
			const char *rt = ddbgt_operations_vpc_route_table_at(ops, i, j);
			char idx[24], *h2 = NULL;
			if (ec2_id_ok(rt, "rtb-"))
				continue;
			ddbgt__vpathf(idx, sizeof idx, "/%zu", j);
			const char *p = ddbgt__vpath_key(c, sub, sizeof sub, &h2, path, "route_table_ids",
			                                 idx);
			if (p)
				ddbgt__vreport(c, DDBGT_E_OPS_VPC_ID, p, region,
				               "\"%s\" is not a route table ID (rtb- and 8 or 17 hexadecimal "
				               "digits)", rt);
			ddbgt__free(h2);
		}
		if (nrt == 0)
			ddbgt__vreport(c, DDBGT_W_OPS_VPC_NO_ROUTE_TABLES, path, region,
			               "the endpoint in %s has no route table: nothing is routed through it",
			               region);
		ddbgt__free(heap);
	}
}

void ddbgt__rules_operations(ddbgt__vctx *c)
{
	const ddbgt_operations *ops = ddbgt_table_operations(c->table);
	if (ops == NULL)
		return;
	check_settings(c, ops);
	check_topics(c, ops);
	check_iam(c, ops);
	check_endpoints(c, ops);
	if (ddbgt_operations_kms_key_policies(ops) &&
	    ddbgt_table_encryption(c->table) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		ddbgt__vreport(c, DDBGT_W_OPS_KMS_POLICIES_NO_CMK, "/operations/kms_key_policies",
		               NULL, "kms_key_policies is on, but the table is not encrypted with "
		               "customer managed keys: no key policy statements are written");
	if (ddbgt_operations_alarms(ops) && (c->strong || !c->global))
		ddbgt__vreport(c, DDBGT_I_OPS_NO_REPLICATION_METRIC, "/operations/alarms", NULL,
		               c->strong ? "no replication latency alarm: a multi-Region strong "
		                           "consistency table publishes no ReplicationLatency metric"
		                         : "no replication latency alarm: a one-region table "
		                           "replicates nothing");
}
