/*
 * The operations object in Terraform: CloudWatch alarms in each replica's
 * region, one dashboard in the home region, IAM policy documents scoped to
 * this table's ARNs in every region, and DynamoDB gateway endpoints. What
 * each setting writes, and why each threshold, is doc/operations.md; the IAM
 * documents and endpoints are doc/security.md. Nothing is written when the spec has no operations, so
 * documents without them are unchanged.
 */
#include <string.h>

#include "alloc.h"
#include "ddbgt/operations.h"
#include "ddbgt/region.h"
#include "emit_targets.h"
#include "jsonwrite.h"
#include "ops_alarms.h"

#define NAME_MAX_ALARM 255  /* CloudWatch alarm names */
#define NAME_MAX_POLICY 128 /* IAM policy names */
#define IAM_KINDS (DDBGT_IAM_DEPLOYER + 1)

static const ddbgt_operations *ops_of(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_operations(ctx->t);
}

static int64_t setting(const ddbgt__emit_ctx *ctx, ddbgt_alarm_setting s)
{
	return ddbgt_operations_alarm_setting_effective(ops_of(ctx), s);
}

static int strong(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_consistency(ctx->t) == DDBGT_CONSISTENCY_STRONG;
}

static const char *region_of(const ddbgt__emit_ctx *ctx, size_t i)
{
	return ddbgt_replica_region(ddbgt__emit_replica(ctx, i));
}

/* ---- alarms ---- */

/* What one alarm watches: one metric, or an expression over several. */
struct alarm {
	size_t replica;          /* the region the alarm lives in */
	const char *what;        /* label and name suffix: "read_throttles" */
	const char *description;
	const char *metric;      /* a single metric, or NULL for an expression alarm */
	const char *statistic;
	const char *gsi;         /* GlobalSecondaryIndexName dimension, or NULL */
	const char *receiving;   /* ReceivingRegion dimension, or NULL */
	int64_t threshold;
	/* Expression alarms: the utilisation of one side (rw), or the sum of SystemErrors. */
	int utilization;
	ddbgt_rw rw;
};

/* name: "<table>-<region>-<what>", the table's name cut so that the whole fits. */
static void write_alarm_name(ddbgt__emit_ctx *ctx, const struct alarm *a)
{
	ddbgt__tfjson *w = &ctx->w;
	const char *table = ddbgt_table_name(ctx->t);
	const char *region = region_of(ctx, a->replica);
	size_t tail = 2 + strlen(region) + strlen(a->what);
	char cut[NAME_MAX_ALARM + 1];
	size_t n = strlen(table);
	if (n + tail > NAME_MAX_ALARM)
		n = NAME_MAX_ALARM - tail;
	memcpy(cut, table, n);
	cut[n] = '\0';
	ddbgt__tfjson_key(w, "alarm_name");
	ddbgt__tfjson_string_begin(w);
	ddbgt__tfjson_string_text(w, cut);
	ddbgt__tfjson_string_literal(w, "-");
	ddbgt__tfjson_string_literal(w, region);
	ddbgt__tfjson_string_literal(w, "-");
	ddbgt__tfjson_string_literal(w, a->what);
	ddbgt__tfjson_string_end(w);
}

static void write_metric_body(ddbgt__emit_ctx *ctx, const char *metric, const char *stat,
                              const char *gsi, const char *receiving, const char *operation,
                              int in_query)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_kv_literal(w, "namespace", "AWS/DynamoDB");
	ddbgt__tfjson_kv_literal(w, "metric_name", metric);
	ddbgt__tfjson_kv_int(w, "period", setting(ctx, DDBGT_ALARM_PERIOD_SECONDS));
	ddbgt__tfjson_kv_literal(w, in_query ? "stat" : "statistic", stat);
	ddbgt__tfjson_key(w, "dimensions");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_text(w, "TableName", ddbgt_table_name(ctx->t));
	if (gsi)
		ddbgt__tfjson_kv_text(w, "GlobalSecondaryIndexName", gsi);
	if (receiving)
		ddbgt__tfjson_kv_literal(w, "ReceivingRegion", receiving);
	if (operation)
		ddbgt__tfjson_kv_literal(w, "Operation", operation);
	ddbgt__tfjson_object_end(w);
}

static void write_query_metric(ddbgt__emit_ctx *ctx, const char *id, const char *metric,
                               const char *stat, const char *operation)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_literal(w, "id", id);
	ddbgt__tfjson_key(w, "metric");
	ddbgt__tfjson_object_begin(w);
	write_metric_body(ctx, metric, stat, NULL, NULL, operation, 1);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

static void write_queries(ddbgt__emit_ctx *ctx, const struct alarm *a)
{
	ddbgt__tfjson *w = &ctx->w;
	char expr[96];
	ddbgt__tfjson_key(w, "metric_query");
	ddbgt__tfjson_array_begin(w);
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_literal(w, "id", "e1");
	if (a->utilization) {
		/* Consumed units summed over a period, against the provisioned rate times the period. */
		snprintf(expr, sizeof expr, "100 * consumed / (provisioned * %lld)",
		         (long long)setting(ctx, DDBGT_ALARM_PERIOD_SECONDS));
		ddbgt__tfjson_kv_literal(w, "expression", expr);
		ddbgt__tfjson_kv_literal(w, "label", "utilization percent");
	} else {
		ddbgt__tfjson_kv_literal(w, "expression", "SUM(METRICS())");
		ddbgt__tfjson_kv_literal(w, "label", "SystemErrors");
	}
	ddbgt__tfjson_kv_bool(w, "return_data", 1);
	ddbgt__tfjson_object_end(w);
	if (a->utilization) {
		int read = a->rw == DDBGT_READ;
		write_query_metric(ctx, "consumed",
		                   read ? "ConsumedReadCapacityUnits" : "ConsumedWriteCapacityUnits",
		                   "Sum", NULL);
		write_query_metric(ctx, "provisioned",
		                   read ? "ProvisionedReadCapacityUnits" : "ProvisionedWriteCapacityUnits",
		                   "Average", NULL);
	} else {
		for (size_t i = 0; i < DDBGT__ALARM_ERROR_OPERATIONS; i++) {
			char id[8] = {'m', (char)('0' + i / 10), (char)('0' + i % 10), '\0'};
			write_query_metric(ctx, id, "SystemErrors", "Sum",
			                   ddbgt__alarm_error_operations[i]);
		}
	}
	ddbgt__tfjson_array_end(w);
}

static void write_alarm(ddbgt__emit_ctx *ctx, const struct alarm *a, const char *label)
{
	ddbgt__tfjson *w = &ctx->w;
	const char *topic = NULL;
	ddbgt_operations_get_sns_topic(ops_of(ctx), region_of(ctx, a->replica), &topic);
	ddbgt__tfjson_key(w, label);
	ddbgt__tfjson_object_begin(w);
	ddbgt__emit_provider_kv(ctx, a->replica);
	write_alarm_name(ctx, a);
	ddbgt__tfjson_kv_literal(w, "alarm_description", a->description);
	ddbgt__tfjson_kv_literal(w, "comparison_operator", "GreaterThanThreshold");
	ddbgt__tfjson_kv_int(w, "evaluation_periods", setting(ctx, DDBGT_ALARM_EVALUATION_PERIODS));
	ddbgt__tfjson_kv_int(w, "threshold", a->threshold);
	/* No requests means no data points: that is not an incident. */
	ddbgt__tfjson_kv_literal(w, "treat_missing_data", "notBreaching");
	if (a->metric)
		write_metric_body(ctx, a->metric, a->statistic, a->gsi, a->receiving, NULL, 0);
	else
		write_queries(ctx, a);
	if (topic) {
		static const char *const actions[] = {"alarm_actions", "ok_actions"};
		for (int k = 0; k < 2; k++) {
			ddbgt__tfjson_key(w, actions[k]);
			ddbgt__tfjson_array_begin(w);
			ddbgt__tfjson_text(w, topic);
			ddbgt__tfjson_array_end(w);
		}
	}
	ddbgt__tfjson_object_end(w);
}

static void alarm_label(ddbgt__emit_ctx *ctx, char *buf, size_t replica, const char *gsi_label,
                        const char *what)
{
	if (gsi_label)
		ddbgt__emit_label(ctx, buf, "%s_%s_%s_%s", ctx->res, ctx->alias[replica], gsi_label,
		                  what);
	else
		ddbgt__emit_label(ctx, buf, "%s_%s_%s", ctx->res, ctx->alias[replica], what);
}

/* Write one alarm of the shared list (ops_alarms.c), with its labels and texts. */
static void write_listed_alarm(void *ud, const ddbgt__alarm *l)
{
	static const char *const throttle_metrics[] = {"ReadThrottleEvents", "WriteThrottleEvents"};
	static const char *const throttle_whats[] = {"read_throttles", "write_throttles"};
	static const char *const utilization_whats[] = {"read_utilization", "write_utilization"};
	ddbgt__emit_ctx *ctx = ud;
	char label[DDBGT__EMIT_LABEL_MAX], what[96];
	const char *gsi_label = NULL;
	struct alarm a = {.replica = l->replica, .rw = l->rw};

	switch (l->kind) {
	case DDBGT__ALARM_REPLICATION_LATENCY:
		/* Published in the sending region, one series per receiving region. */
		snprintf(what, sizeof what, "replication_latency_to_%s", ctx->alias[l->receiving]);
		a.what = what;
		a.metric = "ReplicationLatency";
		a.statistic = "Average";
		a.receiving = region_of(ctx, l->receiving);
		a.threshold = setting(ctx, DDBGT_ALARM_REPLICATION_LATENCY_MS);
		a.description = "Replication from this region to the receiving region is falling "
		                "behind (average ReplicationLatency, milliseconds)";
		break;
	case DDBGT__ALARM_THROTTLES:
		a.what = throttle_whats[l->rw];
		a.metric = throttle_metrics[l->rw];
		a.statistic = "Sum";
		if (l->gsi) {
			a.gsi = ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t, l->gsi - 1));
			gsi_label = ctx->gsi_label[l->gsi - 1];
		}
		a.description = l->gsi ? "Requests to this index were throttled"
		                       : "Requests to this table were throttled";
		break;
	case DDBGT__ALARM_SYSTEM_ERRORS:
		a.what = "system_errors";
		a.description = "DynamoDB answered requests to this table with server errors (HTTP "
		                "500)";
		break;
	case DDBGT__ALARM_UTILIZATION:
		a.what = utilization_whats[l->rw];
		a.utilization = 1;
		a.threshold = setting(ctx, DDBGT_ALARM_UTILIZATION_PERCENT);
		a.description = "Consumed capacity is close to the provisioned capacity (percent)";
		break;
	}
	alarm_label(ctx, label, l->replica, gsi_label, a.what);
	write_alarm(ctx, &a, label);
}

static void write_alarms(ddbgt__emit_ctx *ctx)
{
	if (!ddbgt_operations_alarms(ops_of(ctx)))
		return;
	ddbgt__tfjson_key(&ctx->w, "aws_cloudwatch_metric_alarm");
	ddbgt__tfjson_object_begin(&ctx->w);
	for (size_t r = 0; r < ctx->nrep; r++)
		ddbgt__ops_alarms_each(ctx->t, ddbgt_table_billing_mode(ctx->t),
		                       ddbgt__emit_region_at(ctx, r), write_listed_alarm, ctx);
	ddbgt__tfjson_object_end(&ctx->w);
}

/* ---- dashboard ---- */

static void widget_metric(jw *j, const char *table, const char *metric, const char *k2,
                          const char *v2)
{
	ddbgt__jw_array_begin(j);
	ddbgt__jw_string(j, "AWS/DynamoDB");
	ddbgt__jw_string(j, metric);
	ddbgt__jw_string(j, "TableName");
	ddbgt__jw_string(j, table);
	if (k2) {
		ddbgt__jw_string(j, k2);
		ddbgt__jw_string(j, v2);
	}
	ddbgt__jw_array_end(j);
}

/* One graph widget of a region's row; metrics() writes its metric arrays. */
static void widget(ddbgt__emit_ctx *ctx, jw *j, size_t replica, int x, int y, const char *title,
                   const char *stat, void (*metrics)(ddbgt__emit_ctx *, jw *, size_t))
{
	ddbgt__jw_object_begin(j);
	ddbgt__jw_key(j, "type");
	ddbgt__jw_string(j, "metric");
	ddbgt__jw_key(j, "x");
	ddbgt__jw_int(j, x);
	ddbgt__jw_key(j, "y");
	ddbgt__jw_int(j, y);
	ddbgt__jw_key(j, "width");
	ddbgt__jw_int(j, 6);
	ddbgt__jw_key(j, "height");
	ddbgt__jw_int(j, 6);
	ddbgt__jw_key(j, "properties");
	ddbgt__jw_object_begin(j);
	ddbgt__jw_key(j, "title");
	ddbgt__jw_string(j, title);
	ddbgt__jw_key(j, "region");
	ddbgt__jw_string(j, region_of(ctx, replica));
	ddbgt__jw_key(j, "view");
	ddbgt__jw_string(j, "timeSeries");
	ddbgt__jw_key(j, "stat");
	ddbgt__jw_string(j, stat);
	ddbgt__jw_key(j, "period");
	ddbgt__jw_int(j, setting(ctx, DDBGT_ALARM_PERIOD_SECONDS));
	ddbgt__jw_key(j, "metrics");
	ddbgt__jw_array_begin(j);
	metrics(ctx, j, replica);
	ddbgt__jw_array_end(j);
	ddbgt__jw_object_end(j);
	ddbgt__jw_object_end(j);
}

static void latency_metrics(ddbgt__emit_ctx *ctx, jw *j, size_t replica)
{
	for (size_t k = 0; k < ctx->nrep; k++)
		if (k != replica)
			widget_metric(j, ddbgt_table_name(ctx->t), "ReplicationLatency", "ReceivingRegion",
			              region_of(ctx, k));
}

static void throttle_metrics(ddbgt__emit_ctx *ctx, jw *j, size_t replica)
{
	(void)replica;
	widget_metric(j, ddbgt_table_name(ctx->t), "ReadThrottleEvents", NULL, NULL);
	widget_metric(j, ddbgt_table_name(ctx->t), "WriteThrottleEvents", NULL, NULL);
}

static void error_metrics(ddbgt__emit_ctx *ctx, jw *j, size_t replica)
{
	(void)replica;
	for (size_t i = 0; i < DDBGT__ALARM_ERROR_OPERATIONS; i++)
		widget_metric(j, ddbgt_table_name(ctx->t), "SystemErrors", "Operation",
		              ddbgt__alarm_error_operations[i]);
}

static void capacity_metrics(ddbgt__emit_ctx *ctx, jw *j, size_t replica)
{
	(void)replica;
	const char *t = ddbgt_table_name(ctx->t);
	widget_metric(j, t, "ConsumedReadCapacityUnits", NULL, NULL);
	widget_metric(j, t, "ConsumedWriteCapacityUnits", NULL, NULL);
	if (ddbgt_table_billing_mode(ctx->t) == DDBGT_BILLING_PROVISIONED) {
		widget_metric(j, t, "ProvisionedReadCapacityUnits", NULL, NULL);
		widget_metric(j, t, "ProvisionedWriteCapacityUnits", NULL, NULL);
	}
}

static void write_dashboard(ddbgt__emit_ctx *ctx)
{
	if (!ddbgt__ops_writes_dashboard(ctx->t))
		return;
	ddbgt__tfjson *w = &ctx->w;
	jw j;
	char *body = NULL;
	ddbgt__jw_init(&j, 1, 4096);
	ddbgt__jw_object_begin(&j);
	ddbgt__jw_key(&j, "widgets");
	ddbgt__jw_array_begin(&j);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		int y = (int)r * 6, x = 0;
		if (!strong(ctx) && ctx->nrep > 1) {
			widget(ctx, &j, i, x, y, "Replication latency (ms)", "Average", latency_metrics);
			x += 6;
		}
		widget(ctx, &j, i, x, y, "Throttle events", "Sum", throttle_metrics);
		widget(ctx, &j, i, x + 6, y, "System errors", "Sum", error_metrics);
		widget(ctx, &j, i, x + 12, y, "Capacity units", "Sum", capacity_metrics);
	}
	ddbgt__jw_array_end(&j);
	ddbgt__jw_object_end(&j);
	if (ddbgt__jw_finish(&j, &body, NULL)) {
		if (!ctx->status)
			ctx->status = DDBGT_ENOMEM;
		return;
	}
	/* Dashboard names take letters, digits, - and _: a table name's dots become dashes. */
	char name[256];
	snprintf(name, sizeof name, "%s", ddbgt_table_name(ctx->t));
	for (char *p = name; *p; p++)
		if (*p == '.')
			*p = '-';
	ddbgt__tfjson_key(w, "aws_cloudwatch_dashboard");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, ctx->res);
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_text(w, "dashboard_name", name);
	ddbgt__tfjson_kv_text(w, "dashboard_body", body);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__free(body);
}

/* ---- IAM policy documents ---- */

/* The account, read from the table's own ARN so the plan needs no AWS call. */
static void account(ddbgt__emit_ctx *ctx)
{
	char ref[DDBGT__EMIT_LABEL_MAX];
	ddbgt__emit_label(ctx, ref, "${split(\":\", aws_dynamodb_table.%s.arn)[4]}", ctx->res);
	ddbgt__tfjson_string_literal(&ctx->w, ref);
}

static const char *partition(const ddbgt__emit_ctx *ctx)
{
	const char *p = ddbgt_region_code_partition(region_of(ctx, ctx->primary));
	return p ? p : "aws";
}

static void lit(ddbgt__emit_ctx *ctx, const char *s)
{
	ddbgt__tfjson_string_literal(&ctx->w, s);
}

/* "arn:P:dynamodb:REGION:ACCOUNT:table/NAME" followed by suffix, as a JSON string. */
static void table_arn(ddbgt__emit_ctx *ctx, const char *region, const char *suffix,
                      const char *index, int comma)
{
	if (comma)
		lit(ctx, ",");
	lit(ctx, "\"arn:");
	lit(ctx, partition(ctx));
	lit(ctx, ":dynamodb:");
	lit(ctx, region);
	lit(ctx, ":");
	account(ctx);
	lit(ctx, ":table/");
	ddbgt__tfjson_string_text(&ctx->w, ddbgt_table_name(ctx->t));
	lit(ctx, suffix);
	if (index)
		ddbgt__tfjson_string_text(&ctx->w, index);
	lit(ctx, "\"");
}

static void actions(ddbgt__emit_ctx *ctx, const char *const *list)
{
	lit(ctx, "\"Action\":[");
	for (size_t i = 0; list[i]; i++) {
		lit(ctx, i ? ",\"" : "\"");
		lit(ctx, list[i]);
		lit(ctx, "\"");
	}
	lit(ctx, "]");
}

static int region_wanted(const ddbgt__emit_ctx *ctx, size_t i, int limited)
{
	const ddbgt_operations *ops = ops_of(ctx);
	size_t n = ddbgt_operations_iam_region_count(ops);
	if (!limited || n == 0)
		return 1;
	for (size_t k = 0; k < n; k++)
		if (strcmp(ddbgt_operations_iam_region_at(ops, k), region_of(ctx, i)) == 0)
			return 1;
	return 0;
}

/* What the resources of a statement cover in each region. */
enum scope { SCOPE_DATA, SCOPE_STREAM, SCOPE_DEPLOY };

static void resources(ddbgt__emit_ctx *ctx, enum scope scope, int limited)
{
	const ddbgt_operations *ops = ops_of(ctx);
	size_t nindex = ddbgt_operations_iam_index_count(ops);
	int comma = 0;
	lit(ctx, ",\"Resource\":[");
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		const char *region = region_of(ctx, i);
		if (!region_wanted(ctx, i, limited))
			continue;
		if (scope == SCOPE_STREAM) {
			table_arn(ctx, region, "/stream/*", NULL, comma);
			comma = 1;
			continue;
		}
		table_arn(ctx, region, "", NULL, comma);
		comma = 1;
		if (scope == SCOPE_DATA && nindex > 0) {
			for (size_t k = 0; k < nindex; k++)
				table_arn(ctx, region, "/index/", ddbgt_operations_iam_index_at(ops, k), 1);
		} else {
			table_arn(ctx, region, "/index/*", NULL, 1);
		}
		if (scope == SCOPE_DEPLOY)
			table_arn(ctx, region, "/stream/*", NULL, 1);
	}
	lit(ctx, "]");
}

static void statement(ddbgt__emit_ctx *ctx, const char *sid, const char *const *list,
                      enum scope scope, int limited, int comma)
{
	lit(ctx, comma ? ",{\"Sid\":\"" : "{\"Sid\":\"");
	lit(ctx, sid);
	lit(ctx, "\",\"Effect\":\"Allow\",");
	actions(ctx, list);
	resources(ctx, scope, limited);
	lit(ctx, "}");
}

static const char *const read_actions[] = {
	"dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
	"dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", NULL,
};
static const char *const read_write_actions[] = {
	"dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
	"dynamodb:DeleteItem", "dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem",
	"dynamodb:Query", "dynamodb:Scan", "dynamodb:UpdateItem", NULL,
};
static const char *const stream_actions[] = {
	"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
	"dynamodb:ListStreams", NULL,
};
/* What creating, updating and deleting the table and its replicas calls (doc/security.md). */
static const char *const deploy_actions[] = {
	"dynamodb:BatchWriteItem", "dynamodb:CreateTable", "dynamodb:CreateTableReplica",
	"dynamodb:DeleteItem", "dynamodb:DeleteTable", "dynamodb:DeleteTableReplica",
	"dynamodb:DescribeContinuousBackups", "dynamodb:DescribeContributorInsights",
	"dynamodb:DescribeTable", "dynamodb:DescribeTableReplicaAutoScaling",
	"dynamodb:DescribeTimeToLive", "dynamodb:GetItem", "dynamodb:ListTagsOfResource",
	"dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:TagResource",
	"dynamodb:UntagResource", "dynamodb:UpdateContinuousBackups",
	"dynamodb:UpdateContributorInsights", "dynamodb:UpdateItem", "dynamodb:UpdateTable",
	"dynamodb:UpdateTableReplicaAutoScaling", "dynamodb:UpdateTimeToLive", NULL,
};
static const char *const autoscaling_actions[] = {
	"application-autoscaling:DeleteScalingPolicy",
	"application-autoscaling:DeregisterScalableTarget",
	"application-autoscaling:PutScalingPolicy", "application-autoscaling:RegisterScalableTarget",
	NULL,
};
static const char *const autoscaling_describe_actions[] = {
	"application-autoscaling:DescribeScalableTargets",
	"application-autoscaling:DescribeScalingActivities",
	"application-autoscaling:DescribeScalingPolicies", NULL,
};
static const char *const kms_actions[] = {
	"kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*",
	"kms:ReEncrypt*", NULL,
};

/* iam:CreateServiceLinkedRole for one service's role, and only for that service. */
static void slr_statement(ddbgt__emit_ctx *ctx, const char *sid, const char *service,
                          const char *role)
{
	lit(ctx, ",{\"Sid\":\"");
	lit(ctx, sid);
	lit(ctx, "\",\"Effect\":\"Allow\",\"Action\":[\"iam:CreateServiceLinkedRole\"],"
	         "\"Resource\":[\"arn:");
	lit(ctx, partition(ctx));
	lit(ctx, ":iam::");
	account(ctx);
	lit(ctx, ":role/aws-service-role/");
	lit(ctx, service);
	lit(ctx, "/");
	lit(ctx, role);
	lit(ctx, "\"],\"Condition\":{\"StringEquals\":{\"iam:AWSServiceName\":\"");
	lit(ctx, service);
	lit(ctx, "\"}}}");
}

static void deployer_extra(ddbgt__emit_ctx *ctx)
{
	slr_statement(ctx, "ReplicationServiceLinkedRole", "replication.dynamodb.amazonaws.com",
	              "AWSServiceRoleForDynamoDBReplication");
	/* Pinned capacity is a scalable target too (min = max), so any queued scaling counts. */
	if (ctx->nscaling > 0) {
		slr_statement(ctx, "AutoScalingServiceLinkedRole",
		              "dynamodb.application-autoscaling.amazonaws.com",
		              "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
		lit(ctx, ",{\"Sid\":\"AutoScaling\",\"Effect\":\"Allow\",");
		actions(ctx, autoscaling_actions);
		lit(ctx, ",\"Resource\":[");
		for (size_t r = 0; r < ctx->nrep; r++) {
			lit(ctx, r ? ",\"arn:" : "\"arn:");
			lit(ctx, partition(ctx));
			lit(ctx, ":application-autoscaling:");
			lit(ctx, region_of(ctx, ddbgt__emit_region_at(ctx, r)));
			lit(ctx, ":");
			account(ctx);
			lit(ctx, ":scalable-target/*\"");
		}
		lit(ctx, "]}");
		/* The Describe calls take no resource ARN: "*" is the only form IAM accepts. */
		lit(ctx, ",{\"Sid\":\"AutoScalingDescribe\",\"Effect\":\"Allow\",");
		actions(ctx, autoscaling_describe_actions);
		lit(ctx, ",\"Resource\":[\"*\"]}");
	}
	if (ddbgt_table_encryption(ctx->t) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		return;
	lit(ctx, ",{\"Sid\":\"ReplicaKeys\",\"Effect\":\"Allow\",");
	actions(ctx, kms_actions);
	lit(ctx, ",\"Resource\":[");
	int comma = 0;
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		const char *key = ddbgt_replica_kms_key(ddbgt__emit_replica(ctx, i));
		char ref[DDBGT__EMIT_LABEL_MAX];
		if (!key)
			continue;
		lit(ctx, comma ? ",\"" : "\"");
		comma = 1;
		if (strncmp(key, "arn:", 4) == 0) {
			ddbgt__tfjson_string_text(&ctx->w, key);
		} else {
			/* The same lookup the table's kms_key_arn uses: an alias resolves to its key. */
			ddbgt__emit_label(ctx, ref, "${data.aws_kms_key.%s_%s.arn}", ctx->res,
			                  ctx->alias[i]);
			lit(ctx, ref);
		}
		lit(ctx, "\"");
	}
	/* Only through DynamoDB: the keys are not usable directly with this policy. */
	lit(ctx, "],\"Condition\":{\"StringLike\":{\"kms:ViaService\":\"dynamodb.*\"}}}");
}

static void write_document(ddbgt__emit_ctx *ctx, ddbgt_iam_policy kind)
{
	ddbgt__tfjson_string_begin(&ctx->w);
	lit(ctx, "{\"Version\":\"2012-10-17\",\"Statement\":[");
	switch (kind) {
	case DDBGT_IAM_READ: statement(ctx, "Read", read_actions, SCOPE_DATA, 1, 0); break;
	case DDBGT_IAM_READ_WRITE:
		statement(ctx, "ReadWrite", read_write_actions, SCOPE_DATA, 1, 0);
		break;
	case DDBGT_IAM_STREAM_CONSUMER:
		statement(ctx, "StreamRead", stream_actions, SCOPE_STREAM, 1, 0);
		break;
	case DDBGT_IAM_DEPLOYER:
		statement(ctx, "GlobalTable", deploy_actions, SCOPE_DEPLOY, 0, 0);
		deployer_extra(ctx);
		break;
	}
	lit(ctx, "]}");
	ddbgt__tfjson_string_end(&ctx->w);
}

static int any_policy(const ddbgt__emit_ctx *ctx)
{
	for (int k = 0; k < IAM_KINDS; k++)
		if (ddbgt_operations_iam_policy(ops_of(ctx), (ddbgt_iam_policy)k))
			return 1;
	return 0;
}

static void write_policy_name(ddbgt__emit_ctx *ctx, ddbgt_iam_policy kind)
{
	const char *table = ddbgt_table_name(ctx->t);
	const char *suffix = ddbgt_iam_policy_name(kind);
	size_t n = strlen(table), tail = 1 + strlen(suffix);
	char cut[NAME_MAX_POLICY + 1];
	if (n + tail > NAME_MAX_POLICY)
		n = NAME_MAX_POLICY - tail;
	memcpy(cut, table, n);
	cut[n] = '\0';
	ddbgt__tfjson_key(&ctx->w, "name");
	ddbgt__tfjson_string_begin(&ctx->w);
	ddbgt__tfjson_string_text(&ctx->w, cut);
	lit(ctx, "-");
	lit(ctx, suffix);
	ddbgt__tfjson_string_end(&ctx->w);
}

static void write_policies(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char label[DDBGT__EMIT_LABEL_MAX];
	if (!any_policy(ctx) || ddbgt_operations_iam_as_outputs(ops_of(ctx)))
		return;
	ddbgt__tfjson_key(w, "aws_iam_policy");
	ddbgt__tfjson_object_begin(w);
	for (int k = 0; k < IAM_KINDS; k++) {
		if (!ddbgt_operations_iam_policy(ops_of(ctx), (ddbgt_iam_policy)k))
			continue;
		ddbgt__emit_label(ctx, label, "%s_%s", ctx->res, ddbgt_iam_policy_name(k));
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		write_policy_name(ctx, (ddbgt_iam_policy)k);
		ddbgt__tfjson_key(w, "description");
		ddbgt__tfjson_string_begin(w);
		lit(ctx, "libddbgt: ");
		lit(ctx, ddbgt_iam_policy_name(k));
		lit(ctx, " policy of the DynamoDB global table ");
		ddbgt__tfjson_string_text(w, ddbgt_table_name(ctx->t));
		ddbgt__tfjson_string_end(w);
		ddbgt__tfjson_key(w, "policy");
		write_document(ctx, (ddbgt_iam_policy)k);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

/* ---- VPC gateway endpoints ---- */

static size_t replica_of_region(const ddbgt__emit_ctx *ctx, const char *region)
{
	for (size_t i = 0; i < ctx->nrep; i++)
		if (strcmp(region_of(ctx, i), region) == 0)
			return i;
	return ctx->nrep; /* the validator refuses an endpoint outside the replicas */
}

/* Only this table's replica in the endpoint's region: its table, indexes and streams. */
static void write_endpoint_policy(ddbgt__emit_ctx *ctx, const char *region)
{
	ddbgt__tfjson_key(&ctx->w, "policy");
	ddbgt__tfjson_string_begin(&ctx->w);
	lit(ctx, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ThisTableOnly\","
	         "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"dynamodb:*\"],"
	         "\"Resource\":[");
	table_arn(ctx, region, "", NULL, 0);
	table_arn(ctx, region, "/index/*", NULL, 1);
	table_arn(ctx, region, "/stream/*", NULL, 1);
	lit(ctx, "]}]}");
	ddbgt__tfjson_string_end(&ctx->w);
}

static void write_endpoints(ddbgt__emit_ctx *ctx)
{
	const ddbgt_operations *ops = ops_of(ctx);
	size_t n = ddbgt_operations_vpc_endpoint_count(ops);
	ddbgt__tfjson *w = &ctx->w;
	char label[DDBGT__EMIT_LABEL_MAX];
	if (n == 0)
		return;
	ddbgt__tfjson_key(w, "aws_vpc_endpoint");
	ddbgt__tfjson_object_begin(w);
	for (size_t k = 0; k < n; k++) {
		const char *region = ddbgt_operations_vpc_endpoint_region(ops, k);
		size_t i = replica_of_region(ctx, region);
		if (i == ctx->nrep)
			continue;
		ddbgt__emit_label(ctx, label, "%s_%s_dynamodb", ctx->res, ctx->alias[i]);
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, i);
		ddbgt__tfjson_kv_text(w, "vpc_id", ddbgt_operations_vpc_endpoint_vpc_id(ops, k));
		ddbgt__tfjson_key(w, "service_name");
		ddbgt__tfjson_string_begin(w);
		lit(ctx, "com.amazonaws.");
		lit(ctx, region);
		lit(ctx, ".dynamodb");
		ddbgt__tfjson_string_end(w);
		ddbgt__tfjson_kv_literal(w, "vpc_endpoint_type", "Gateway");
		ddbgt__tfjson_key(w, "route_table_ids");
		ddbgt__tfjson_array_begin(w);
		for (size_t j = 0; j < ddbgt_operations_vpc_route_table_count(ops, k); j++)
			ddbgt__tfjson_text(w, ddbgt_operations_vpc_route_table_at(ops, k, j));
		ddbgt__tfjson_array_end(w);
		if (ddbgt_operations_vpc_endpoint_restricted(ops, k))
			write_endpoint_policy(ctx, region);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

int ddbgt__emit_operations_wanted(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_operations_alarms(ops_of(ctx)) || ddbgt_operations_dashboard(ops_of(ctx)) ||
	       any_policy(ctx) || ddbgt_operations_vpc_endpoint_count(ops_of(ctx)) > 0 ||
	       ddbgt_operations_kms_key_policies(ops_of(ctx));
}

void ddbgt__emit_write_operations(ddbgt__emit_ctx *ctx)
{
	if (ops_of(ctx) == NULL)
		return;
	write_alarms(ctx);
	write_dashboard(ctx);
	write_policies(ctx);
	write_endpoints(ctx);
}

/* ---- key policy statements ---- */

/* "arn:P:iam::ACCOUNT:root": the account the table lives in. */
static void account_root(ddbgt__emit_ctx *ctx)
{
	lit(ctx, "{\"AWS\":\"arn:");
	lit(ctx, partition(ctx));
	lit(ctx, ":iam::");
	account(ctx);
	lit(ctx, ":root\"}");
}

/*
 * The statements of the policy DynamoDB gives its own AWS managed key, for a
 * key of the user's: use through DynamoDB in the key's region by the
 * account's principals, and the key's metadata to the account.
 */
static void write_key_statements(ddbgt__emit_ctx *ctx, size_t i)
{
	const char *region = region_of(ctx, i);
	ddbgt__tfjson_string_begin(&ctx->w);
	lit(ctx, "[{\"Sid\":\"DynamoDBThroughService\",\"Effect\":\"Allow\",\"Principal\":");
	account_root(ctx);
	lit(ctx, ",");
	actions(ctx, kms_actions);
	lit(ctx, ",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"");
	account(ctx);
	lit(ctx, "\",\"kms:ViaService\":\"dynamodb.");
	lit(ctx, region);
	lit(ctx, strcmp(partition(ctx), "aws-cn") == 0 ? ".amazonaws.com.cn" : ".amazonaws.com");
	lit(ctx, "\"}}},{\"Sid\":\"KeyMetadata\",\"Effect\":\"Allow\",\"Principal\":");
	account_root(ctx);
	lit(ctx, ",\"Action\":[\"kms:Describe*\",\"kms:Get*\",\"kms:List*\"],"
	         "\"Resource\":\"*\"}]");
	ddbgt__tfjson_string_end(&ctx->w);
}

static void write_key_policies(ddbgt__emit_ctx *ctx)
{
	if (!ddbgt_operations_kms_key_policies(ops_of(ctx)) ||
	    ddbgt_table_encryption(ctx->t) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		return;
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_key(w, "kms_key_policy_statements");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "value");
	ddbgt__tfjson_object_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		ddbgt__tfjson_key_text(w, region_of(ctx, i));
		write_key_statements(ctx, i);
	}
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_operations_outputs(ddbgt__emit_ctx *ctx)
{
	char name[DDBGT__EMIT_LABEL_MAX];
	if (ops_of(ctx) == NULL)
		return;
	write_key_policies(ctx);
	if (!any_policy(ctx) || !ddbgt_operations_iam_as_outputs(ops_of(ctx)))
		return;
	for (int k = 0; k < IAM_KINDS; k++) {
		if (!ddbgt_operations_iam_policy(ops_of(ctx), (ddbgt_iam_policy)k))
			continue;
		ddbgt__emit_label(ctx, name, "iam_policy_%s", ddbgt_iam_policy_name(k));
		ddbgt__tfjson_key(&ctx->w, name);
		ddbgt__tfjson_object_begin(&ctx->w);
		ddbgt__tfjson_key(&ctx->w, "value");
		write_document(ctx, (ddbgt_iam_policy)k);
		ddbgt__tfjson_object_end(&ctx->w);
	}
}
