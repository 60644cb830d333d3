/*
 * The operations object in Terraform: CloudWatch alarms in each replica's
 * region, one dashboard in the home region, IAM policy documents scoped to
 * this table's ARNs in every region, and DynamoDB gateway endpoints. What
 * each setting writes, and why each threshold, is doc/operations.md; the IAM
 * documents and endpoints are doc/security.md. Nothing is written when the
 * spec has no operations, so documents without them are unchanged. The
 * alarm list, the dashboard body and the policy texts are also what the
 * CloudFormation target writes (emit_targets.h, lib/emit_cfn_operations.c).
 */
#include <string.h>

#include "alloc.h"
#include "ddbgt/operations.h"
#include "ddbgt/region.h"
#include "emit_targets.h"
#include "jsonwrite.h"

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

const char *ddbgt__ops_alarm_gsi(const ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a)
{
	return a->gsi >= 0 ? ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t, (size_t)a->gsi)) : NULL;
}

void ddbgt__ops_utilization_expression(const ddbgt__emit_ctx *ctx, char *buf, size_t size)
{
	/* Consumed units summed over a period, against the provisioned rate times the period. */
	snprintf(buf, size, "100 * consumed / (provisioned * %lld)",
	         (long long)setting(ctx, DDBGT_ALARM_PERIOD_SECONDS));
}

const char *ddbgt__ops_capacity_metric(ddbgt_rw rw, int provisioned)
{
	if (rw == DDBGT_READ)
		return provisioned ? "ProvisionedReadCapacityUnits" : "ConsumedReadCapacityUnits";
	return provisioned ? "ProvisionedWriteCapacityUnits" : "ConsumedWriteCapacityUnits";
}

struct decorate {
	ddbgt__emit_ctx *ctx;
	ddbgt__ops_alarm_fn fn;
	void *arg;
};

/* One alarm of the model's list, with what the documents say of it. */
static void decorate_alarm(void *ud, const ddbgt__alarm *l)
{
	static const char *const throttle_metrics[] = {"ReadThrottleEvents", "WriteThrottleEvents"};
	static const char *const throttle_whats[] = {"read_throttles", "write_throttles"};
	static const char *const utilization_whats[] = {"read_utilization", "write_utilization"};
	const struct decorate *d = ud;
	ddbgt__emit_ctx *ctx = d->ctx;
	char what[96];
	ddbgt__ops_alarm a = {.kind = l->kind, .replica = l->replica, .receiving = l->receiving,
	                      .gsi = l->gsi, .rw = l->rw};

	switch (l->kind) {
	case DDBGT__OPS_LATENCY:
		/* Published in the sending region, one series per receiving region. */
		snprintf(what, sizeof what, "replication_latency_to_%s", ctx->alias[l->receiving]);
		a.what = what;
		a.metric = "ReplicationLatency";
		a.statistic = "Average";
		a.threshold = setting(ctx, DDBGT_ALARM_REPLICATION_LATENCY_MS);
		a.description = "Replication from this region to the receiving region is falling "
		                "behind (average ReplicationLatency, milliseconds)";
		break;
	case DDBGT__OPS_THROTTLES:
		a.what = throttle_whats[l->rw];
		a.metric = throttle_metrics[l->rw];
		a.statistic = "Sum";
		a.description = l->gsi >= 0 ? "Requests to this index were throttled"
		                            : "Requests to this table were throttled";
		break;
	case DDBGT__OPS_SYSTEM_ERRORS:
		a.what = "system_errors";
		a.description = "DynamoDB answered requests to this table with server errors (HTTP "
		                "500)";
		break;
	case DDBGT__OPS_UTILIZATION:
		a.what = utilization_whats[l->rw];
		a.threshold = setting(ctx, DDBGT_ALARM_UTILIZATION_PERCENT);
		a.description = l->gsi >= 0 ? "Consumed capacity of this index is close to its "
		                              "provisioned capacity (percent)"
		                            : "Consumed capacity is close to the provisioned "
		                              "capacity (percent)";
		break;
	}
	d->fn(ctx, &a, d->arg);
}

void ddbgt__ops_each_alarm(ddbgt__emit_ctx *ctx, size_t i, ddbgt__ops_alarm_fn fn, void *arg)
{
	struct decorate d = {ctx, fn, arg};
	ddbgt__ops_alarms_each(ctx->t, ddbgt_table_billing_mode(ctx->t), i, decorate_alarm, &d);
}

/*
 * name: "<table>-<region>[-<index>]-<what>". CloudWatch names are unique per
 * region, so an index's alarm names its index; the table's name (and, past
 * half of what is left, the index's) is cut so that the whole fits.
 */
static void write_alarm_name(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a)
{
	ddbgt__tfjson *w = &ctx->w;
	const char *table = ddbgt_table_name(ctx->t);
	const char *gsi = ddbgt__ops_alarm_gsi(ctx, a);
	const char *region = region_of(ctx, a->replica);
	size_t budget = NAME_MAX_ALARM - (2 + strlen(region) + strlen(a->what) + (gsi ? 1 : 0));
	size_t ng = gsi ? strlen(gsi) : 0, nt = strlen(table);
	if (nt + ng > budget) {
		if (ng > budget / 2 && nt > budget - budget / 2)
			ng = budget / 2;
		nt = nt < budget - ng ? nt : budget - ng;
		ng = budget - nt < ng ? budget - nt : ng;
	}
	char cut[NAME_MAX_ALARM + 1];
	DDBGT__TFJSON_NAME(w, "alarm_name");
	ddbgt__tfjson_string_begin(w);
	memcpy(cut, table, nt);
	cut[nt] = '\0';
	ddbgt__tfjson_string_text(w, cut);
	ddbgt__tfjson_string_literal(w, "-");
	ddbgt__tfjson_string_literal(w, region);
	ddbgt__tfjson_string_literal(w, "-");
	if (gsi) {
		memcpy(cut, gsi, ng);
		cut[ng] = '\0';
		ddbgt__tfjson_string_text(w, cut);
		ddbgt__tfjson_string_literal(w, "-");
	}
	ddbgt__tfjson_string_literal(w, a->what);
	ddbgt__tfjson_string_end(w);
}

static void write_metric_body(ddbgt__emit_ctx *ctx, const char *metric, const char *stat,
                              const char *gsi, const char *receiving, const char *operation,
                              int in_query)
{
	ddbgt__tfjson *w = &ctx->w;
	DDBGT__TFJSON_KV_LITERAL(w, "namespace", "AWS/DynamoDB");
	DDBGT__TFJSON_KV_LITERAL(w, "metric_name", metric);
	DDBGT__TFJSON_KV_INT(w, "period", setting(ctx, DDBGT_ALARM_PERIOD_SECONDS));
	if (in_query)
		DDBGT__TFJSON_KV_LITERAL(w, "stat", stat);
	else
		DDBGT__TFJSON_KV_LITERAL(w, "statistic", stat);
	DDBGT__TFJSON_OBJECT(w, "dimensions");
	DDBGT__TFJSON_KV_TEXT(w, "TableName", ddbgt_table_name(ctx->t));
	if (gsi)
		DDBGT__TFJSON_KV_TEXT(w, "GlobalSecondaryIndexName", gsi);
	if (receiving)
		DDBGT__TFJSON_KV_LITERAL(w, "ReceivingRegion", receiving);
	if (operation)
		DDBGT__TFJSON_KV_LITERAL(w, "Operation", operation);
	ddbgt__tfjson_object_end(w);
}

static void write_query_metric(ddbgt__emit_ctx *ctx, const char *id, const char *metric,
                               const char *stat, const char *gsi, const char *operation)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_object_begin(w);
	DDBGT__TFJSON_KV_LITERAL(w, "id", id);
	DDBGT__TFJSON_OBJECT(w, "metric");
	write_metric_body(ctx, metric, stat, gsi, NULL, operation, 1);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

static void write_queries(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a)
{
	ddbgt__tfjson *w = &ctx->w;
	int utilization = a->kind == DDBGT__OPS_UTILIZATION;
	char expr[96];
	DDBGT__TFJSON_ARRAY(w, "metric_query");
	ddbgt__tfjson_object_begin(w);
	DDBGT__TFJSON_KV_LITERAL(w, "id", "e1");
	if (utilization) {
		ddbgt__ops_utilization_expression(ctx, expr, sizeof expr);
		DDBGT__TFJSON_KV_LITERAL(w, "expression", expr);
		DDBGT__TFJSON_KV_LITERAL(w, "label", "utilization percent");
	} else {
		DDBGT__TFJSON_KV_LITERAL(w, "expression", "SUM(METRICS())");
		DDBGT__TFJSON_KV_LITERAL(w, "label", "SystemErrors");
	}
	DDBGT__TFJSON_KV_BOOL(w, "return_data", 1);
	ddbgt__tfjson_object_end(w);
	if (utilization) {
		const char *gsi = ddbgt__ops_alarm_gsi(ctx, a);
		write_query_metric(ctx, "consumed", ddbgt__ops_capacity_metric(a->rw, 0), "Sum", gsi,
		                   NULL);
		write_query_metric(ctx, "provisioned", ddbgt__ops_capacity_metric(a->rw, 1), "Average",
		                   gsi, NULL);
	} else {
		for (size_t i = 0; i < DDBGT__OPS_ERROR_OPERATIONS; i++) {
			char id[8] = {'m', (char)('0' + i / 10), (char)('0' + i % 10), '\0'};
			write_query_metric(ctx, id, "SystemErrors", "Sum", NULL,
			                   ddbgt__ops_error_operations[i]);
		}
	}
	ddbgt__tfjson_array_end(w);
}

static void write_alarm(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a, void *arg)
{
	(void)arg;
	ddbgt__tfjson *w = &ctx->w;
	const char *topic = NULL;
	char label[DDBGT__EMIT_LABEL_MAX];
	if (a->gsi >= 0)
		ddbgt__emit_label(ctx, label, "%s_%s_%s_%s", ctx->res, ctx->alias[a->replica],
		                  ddbgt__emit_gsi_label(ctx, (size_t)a->gsi), a->what);
	else
		ddbgt__emit_label(ctx, label, "%s_%s_%s", ctx->res, ctx->alias[a->replica], a->what);
	ddbgt_operations_get_sns_topic(ops_of(ctx), region_of(ctx, a->replica), &topic);
	ddbgt__tfjson_key(w, label);
	ddbgt__tfjson_object_begin(w);
	ddbgt__emit_provider_kv(ctx, a->replica);
	write_alarm_name(ctx, a);
	DDBGT__TFJSON_KV_LITERAL(w, "alarm_description", a->description);
	DDBGT__TFJSON_KV_LITERAL(w, "comparison_operator", "GreaterThanThreshold");
	DDBGT__TFJSON_KV_INT(w, "evaluation_periods", setting(ctx, DDBGT_ALARM_EVALUATION_PERIODS));
	DDBGT__TFJSON_KV_INT(w, "threshold", a->threshold);
	/* No requests means no data points: that is not an incident. */
	DDBGT__TFJSON_KV_LITERAL(w, "treat_missing_data", "notBreaching");
	if (a->metric)
		write_metric_body(ctx, a->metric, a->statistic, ddbgt__ops_alarm_gsi(ctx, a),
		                  a->kind == DDBGT__OPS_LATENCY ? region_of(ctx, a->receiving) : NULL,
		                  NULL, 0);
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

static void write_alarms(ddbgt__emit_ctx *ctx)
{
	if (!ddbgt_operations_alarms(ops_of(ctx)))
		return;
	DDBGT__TFJSON_OBJECT(&ctx->w, "aws_cloudwatch_metric_alarm");
	for (size_t r = 0; r < ctx->nrep; r++)
		ddbgt__ops_each_alarm(ctx, ddbgt__emit_region_at(ctx, r), write_alarm, NULL);
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

typedef void (*metrics_fn)(ddbgt__emit_ctx *ctx, jw *j, const char *table, size_t replica);

/* One graph widget of a region's row; metrics() writes its metric arrays. */
static void widget(ddbgt__emit_ctx *ctx, jw *j, const char *table, size_t replica, int x, int y,
                   const char *title, const char *stat, metrics_fn metrics)
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
	metrics(ctx, j, table, replica);
	ddbgt__jw_array_end(j);
	ddbgt__jw_object_end(j);
	ddbgt__jw_object_end(j);
}

static void latency_metrics(ddbgt__emit_ctx *ctx, jw *j, const char *table, size_t replica)
{
	for (size_t k = 0; k < ctx->nrep; k++)
		if (k != replica)
			widget_metric(j, table, "ReplicationLatency", "ReceivingRegion", region_of(ctx, k));
}

static void throttle_metrics(ddbgt__emit_ctx *ctx, jw *j, const char *table, size_t replica)
{
	(void)ctx;
	(void)replica;
	widget_metric(j, table, "ReadThrottleEvents", NULL, NULL);
	widget_metric(j, table, "WriteThrottleEvents", NULL, NULL);
}

static void error_metrics(ddbgt__emit_ctx *ctx, jw *j, const char *table, size_t replica)
{
	(void)ctx;
	(void)replica;
	for (size_t i = 0; i < DDBGT__OPS_ERROR_OPERATIONS; i++)
		widget_metric(j, table, "SystemErrors", "Operation", ddbgt__ops_error_operations[i]);
}

static void capacity_metrics(ddbgt__emit_ctx *ctx, jw *j, const char *table, size_t replica)
{
	(void)replica;
	int provisioned = ddbgt_table_billing_mode(ctx->t) == DDBGT_BILLING_PROVISIONED;
	for (int p = 0; p <= provisioned; p++)
		for (int rw = 0; rw < 2; rw++)
			widget_metric(j, table, ddbgt__ops_capacity_metric((ddbgt_rw)rw, p), NULL, NULL);
}

int ddbgt__ops_dashboard_body(ddbgt__emit_ctx *ctx, const char *table, char **body)
{
	jw j;
	ddbgt__jw_init(&j, 1, 4096);
	ddbgt__jw_object_begin(&j);
	ddbgt__jw_key(&j, "widgets");
	ddbgt__jw_array_begin(&j);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		int y = (int)r * 6, x = 0;
		if (!strong(ctx) && ctx->nrep > 1) {
			widget(ctx, &j, table, i, x, y, "Replication latency (ms)", "Average",
			       latency_metrics);
			x += 6;
		}
		widget(ctx, &j, table, i, x, y, "Throttle events", "Sum", throttle_metrics);
		widget(ctx, &j, table, i, x + 6, y, "System errors", "Sum", error_metrics);
		widget(ctx, &j, table, i, x + 12, y, "Capacity units", "Sum", capacity_metrics);
	}
	ddbgt__jw_array_end(&j);
	ddbgt__jw_object_end(&j);
	return ddbgt__jw_finish(&j, body, NULL) ? DDBGT_ENOMEM : DDBGT_OK;
}

static void write_dashboard(ddbgt__emit_ctx *ctx)
{
	if (!ddbgt__ops_writes_dashboard(ctx->t))
		return;
	ddbgt__tfjson *w = &ctx->w;
	char *body = NULL;
	if (ddbgt__ops_dashboard_body(ctx, ddbgt_table_name(ctx->t), &body)) {
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
	DDBGT__TFJSON_OBJECT(w, "aws_cloudwatch_dashboard");
	ddbgt__tfjson_key(w, ctx->res);
	ddbgt__tfjson_object_begin(w);
	DDBGT__TFJSON_KV_TEXT(w, "dashboard_name", name);
	DDBGT__TFJSON_KV_TEXT(w, "dashboard_body", body);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__free(body);
}

/* ---- IAM policy documents ---- */

/*
 * The documents are texts that go either into a Terraform string (ctx->w) or,
 * for the CloudFormation target, into an Fn::Sub text (ctx->sub), where the
 * account and partition are pseudo parameters and the table is the
 * template's own reference to it.
 */

static void lit(ddbgt__emit_ctx *ctx, const char *s)
{
	if (ctx->sub)
		ddbgt__sub_literal(ctx, ctx->sub, s);
	else
		ddbgt__tfjson_string_literal(&ctx->w, s);
}

/* User text: escaped for Fn::Sub, or for Terraform's templates. */
static void user(ddbgt__emit_ctx *ctx, const char *s)
{
	if (ctx->sub)
		ddbgt__sub_user(ctx, ctx->sub, s);
	else
		ddbgt__tfjson_string_text(&ctx->w, s);
}

/* The account: in Terraform read from the table's own ARN, so the plan needs no AWS call. */
static void account(ddbgt__emit_ctx *ctx)
{
	char ref[DDBGT__EMIT_LABEL_MAX];
	if (ctx->sub) {
		ddbgt__sub_literal(ctx, ctx->sub, "${AWS::AccountId}");
		return;
	}
	ddbgt__emit_label(ctx, ref, "${split(\":\", aws_dynamodb_table.%s.arn)[4]}", ctx->res);
	ddbgt__tfjson_string_literal(&ctx->w, ref);
}

/* The home region's partition code, from the region catalogue. */
static const char *partition(const ddbgt__emit_ctx *ctx)
{
	const char *p = ddbgt_region_code_partition(region_of(ctx, ctx->primary));
	return p ? p : "aws";
}

static void write_partition(ddbgt__emit_ctx *ctx)
{
	lit(ctx, ctx->sub ? "${AWS::Partition}" : partition(ctx));
}

/*
 * The table's name: Fn::Sub names the template's table resource, whose Ref
 * is its name; a companion template (another stack region) has no table
 * resource and names it as the table's template does.
 */
static void table_name(ddbgt__emit_ctx *ctx)
{
	if (!ctx->sub) {
		ddbgt__tfjson_string_text(&ctx->w, ddbgt_table_name(ctx->t));
	} else if (ctx->stack == ctx->primary) {
		lit(ctx, "${");
		lit(ctx, ctx->res);
		lit(ctx, "}");
	} else {
		if (ctx->o->parameters)
			lit(ctx, "${TableNamePrefix}");
		user(ctx, ddbgt_table_name(ctx->t));
	}
}

/* "arn:P:dynamodb:REGION:ACCOUNT:table/NAME" followed by suffix, as a JSON string. */
static void table_arn(ddbgt__emit_ctx *ctx, const char *region, const char *suffix,
                      const char *index, int comma)
{
	if (comma)
		lit(ctx, ",");
	lit(ctx, "\"arn:");
	write_partition(ctx);
	lit(ctx, ":dynamodb:");
	lit(ctx, region);
	lit(ctx, ":");
	account(ctx);
	lit(ctx, ":table/");
	table_name(ctx);
	lit(ctx, suffix);
	if (index)
		user(ctx, index);
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
	write_partition(ctx);
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

/* The alias a replica's key is given as ("alias/x" or an alias ARN), or NULL for a key. */
static const char *key_alias(const char *key)
{
	if (strncmp(key, "alias/", 6) == 0)
		return key;
	const char *a = strncmp(key, "arn:", 4) == 0 ? strstr(key, ":alias/") : NULL;
	return a ? a + 1 : NULL;
}

/*
 * Whether a replica's key is granted by its alias: a key given as an alias
 * ARN, and in CloudFormation (which has no key lookup) any alias. IAM reads
 * an alias in Resource as the alias, not its key, so those keys are granted
 * through the kms:ResourceAliases condition instead.
 */
static int by_alias(const ddbgt__emit_ctx *ctx, const char *key)
{
	return key_alias(key) != NULL && (ctx->sub || strncmp(key, "arn:", 4) == 0);
}

/* "arn:P:kms:REGION:ACCOUNT:key/ID", or with id NULL the wildcard: every key of the region. */
static void region_key_arn(ddbgt__emit_ctx *ctx, size_t i, const char *id)
{
	lit(ctx, "arn:");
	write_partition(ctx);
	lit(ctx, ":kms:");
	lit(ctx, region_of(ctx, i));
	lit(ctx, ":");
	account(ctx);
	lit(ctx, ":key/");
	if (id)
		user(ctx, id);
	else
		lit(ctx, "*");
}

/* A key's ARN: as given, Terraform's lookup of a key ID or alias, or built from a key ID. */
static void key_arn(ddbgt__emit_ctx *ctx, size_t i, const char *key)
{
	char ref[DDBGT__EMIT_LABEL_MAX];
	if (strncmp(key, "arn:", 4) == 0) {
		user(ctx, key);
	} else if (!ctx->sub) {
		/* The same lookup the table's kms_key_arn uses: an alias resolves to its key. */
		ddbgt__emit_label(ctx, ref, "${data.aws_kms_key.%s_%s.arn}", ctx->res, ctx->alias[i]);
		lit(ctx, ref);
	} else {
		region_key_arn(ctx, i, key);
	}
}

/*
 * ReplicaKeys: each replica's key, only through DynamoDB (the keys are not
 * usable directly with this policy); ReplicaKeysByAlias: the keys granted
 * by alias, any key of their regions that carries one of the aliases.
 */
static void replica_keys(ddbgt__emit_ctx *ctx)
{
	for (int aliases = 0; aliases < 2; aliases++) {
		int n = 0;
		for (size_t r = 0; r < ctx->nrep; r++) {
			size_t i = ddbgt__emit_region_at(ctx, r);
			const char *key = ddbgt_replica_kms_key(ddbgt__emit_replica(ctx, i));
			if (!key || by_alias(ctx, key) != aliases)
				continue;
			if (n++ == 0) {
				lit(ctx, aliases ? ",{\"Sid\":\"ReplicaKeysByAlias\""
				                 : ",{\"Sid\":\"ReplicaKeys\"");
				lit(ctx, ",\"Effect\":\"Allow\",");
				actions(ctx, kms_actions);
				lit(ctx, ",\"Resource\":[\"");
			} else {
				lit(ctx, ",\"");
			}
			if (aliases)
				region_key_arn(ctx, i, NULL);
			else
				key_arn(ctx, i, key);
			lit(ctx, "\"");
		}
		if (n == 0)
			continue;
		lit(ctx, "],\"Condition\":{\"StringLike\":{\"kms:ViaService\":\"dynamodb.*\"}");
		if (aliases) {
			lit(ctx, ",\"ForAnyValue:StringEquals\":{\"kms:ResourceAliases\":[");
			n = 0;
			for (size_t r = 0; r < ctx->nrep; r++) {
				const char *key = ddbgt_replica_kms_key(
					ddbgt__emit_replica(ctx, ddbgt__emit_region_at(ctx, r)));
				if (!key || !by_alias(ctx, key))
					continue;
				lit(ctx, n++ ? ",\"" : "\"");
				user(ctx, key_alias(key));
				lit(ctx, "\"");
			}
			lit(ctx, "]}");
		}
		lit(ctx, "}}");
	}
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
			write_partition(ctx);
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
	replica_keys(ctx);
}

void ddbgt__ops_policy_text(ddbgt__emit_ctx *ctx, ddbgt_iam_policy kind)
{
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
}

static void write_document(ddbgt__emit_ctx *ctx, ddbgt_iam_policy kind)
{
	ddbgt__tfjson_string_begin(&ctx->w);
	ddbgt__ops_policy_text(ctx, kind);
	ddbgt__tfjson_string_end(&ctx->w);
}

int ddbgt__ops_any_policy(const ddbgt__emit_ctx *ctx)
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
	DDBGT__TFJSON_NAME(&ctx->w, "name");
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
	if (!ddbgt__ops_any_policy(ctx) || ddbgt_operations_iam_as_outputs(ops_of(ctx)))
		return;
	DDBGT__TFJSON_OBJECT(w, "aws_iam_policy");
	for (int k = 0; k < IAM_KINDS; k++) {
		if (!ddbgt_operations_iam_policy(ops_of(ctx), (ddbgt_iam_policy)k))
			continue;
		ddbgt__emit_label(ctx, label, "%s_%s", ctx->res, ddbgt_iam_policy_name(k));
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		write_policy_name(ctx, (ddbgt_iam_policy)k);
		DDBGT__TFJSON_NAME(w, "description");
		ddbgt__tfjson_string_begin(w);
		lit(ctx, "libddbgt: ");
		lit(ctx, ddbgt_iam_policy_name(k));
		lit(ctx, " policy of the DynamoDB global table ");
		ddbgt__tfjson_string_text(w, ddbgt_table_name(ctx->t));
		ddbgt__tfjson_string_end(w);
		DDBGT__TFJSON_NAME(w, "policy");
		write_document(ctx, (ddbgt_iam_policy)k);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

/* ---- VPC gateway endpoints ---- */

size_t ddbgt__ops_replica_of_region(const ddbgt__emit_ctx *ctx, const char *region)
{
	for (size_t i = 0; i < ctx->nrep; i++)
		if (strcmp(region_of(ctx, i), region) == 0)
			return i;
	return ctx->nrep; /* the validator refuses an endpoint outside the replicas */
}

/* Only this table's replica in the endpoint's region: its table, indexes and streams. */
void ddbgt__ops_endpoint_policy_text(ddbgt__emit_ctx *ctx, const char *region)
{
	lit(ctx, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ThisTableOnly\","
	         "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"dynamodb:*\"],"
	         "\"Resource\":[");
	table_arn(ctx, region, "", NULL, 0);
	table_arn(ctx, region, "/index/*", NULL, 1);
	table_arn(ctx, region, "/stream/*", NULL, 1);
	lit(ctx, "]}]}");
}

static void write_endpoint_policy(ddbgt__emit_ctx *ctx, const char *region)
{
	DDBGT__TFJSON_NAME(&ctx->w, "policy");
	ddbgt__tfjson_string_begin(&ctx->w);
	ddbgt__ops_endpoint_policy_text(ctx, region);
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
	DDBGT__TFJSON_OBJECT(w, "aws_vpc_endpoint");
	for (size_t k = 0; k < n; k++) {
		const char *region = ddbgt_operations_vpc_endpoint_region(ops, k);
		size_t i = ddbgt__ops_replica_of_region(ctx, region);
		if (i == ctx->nrep)
			continue;
		ddbgt__emit_label(ctx, label, "%s_%s_dynamodb", ctx->res, ctx->alias[i]);
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, i);
		DDBGT__TFJSON_KV_TEXT(w, "vpc_id", ddbgt_operations_vpc_endpoint_vpc_id(ops, k));
		DDBGT__TFJSON_NAME(w, "service_name");
		ddbgt__tfjson_string_begin(w);
		lit(ctx, "com.amazonaws.");
		lit(ctx, region);
		lit(ctx, ".dynamodb");
		ddbgt__tfjson_string_end(w);
		DDBGT__TFJSON_KV_LITERAL(w, "vpc_endpoint_type", "Gateway");
		DDBGT__TFJSON_ARRAY(w, "route_table_ids");
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
	       ddbgt__ops_any_policy(ctx) || ddbgt_operations_vpc_endpoint_count(ops_of(ctx)) > 0 ||
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
	write_partition(ctx);
	lit(ctx, ":iam::");
	account(ctx);
	lit(ctx, ":root\"}");
}

/*
 * The statements of the policy DynamoDB gives its own AWS managed key, for a
 * key of the user's: use through DynamoDB in the key's region by the
 * account's principals, and the key's metadata to the account.
 */
void ddbgt__ops_key_statements_text(ddbgt__emit_ctx *ctx, size_t i)
{
	const char *region = region_of(ctx, i);
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
}

static void write_key_policies(ddbgt__emit_ctx *ctx)
{
	if (!ddbgt_operations_kms_key_policies(ops_of(ctx)) ||
	    ddbgt_table_encryption(ctx->t) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		return;
	ddbgt__tfjson *w = &ctx->w;
	DDBGT__TFJSON_OBJECT(w, "kms_key_policy_statements");
	DDBGT__TFJSON_OBJECT(w, "value");
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		ddbgt__tfjson_key_text(w, region_of(ctx, i));
		ddbgt__tfjson_string_begin(w);
		ddbgt__ops_key_statements_text(ctx, i);
		ddbgt__tfjson_string_end(w);
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
	if (!ddbgt__ops_any_policy(ctx) || !ddbgt_operations_iam_as_outputs(ops_of(ctx)))
		return;
	for (int k = 0; k < IAM_KINDS; k++) {
		if (!ddbgt_operations_iam_policy(ops_of(ctx), (ddbgt_iam_policy)k))
			continue;
		ddbgt__emit_label(ctx, name, "iam_policy_%s", ddbgt_iam_policy_name(k));
		ddbgt__tfjson_key(&ctx->w, name);
		ddbgt__tfjson_object_begin(&ctx->w);
		DDBGT__TFJSON_NAME(&ctx->w, "value");
		write_document(ctx, (ddbgt_iam_policy)k);
		ddbgt__tfjson_object_end(&ctx->w);
	}
}
