/*
 * The operations object in the CloudFormation template. A stack lives in one
 * region, the table's home region (the template's PrimaryRegion, asserted by
 * the StackRegion rule), so the template holds what that one stack can hold:
 * the home region's alarms and gateway endpoint, the dashboard (global, its
 * widgets name their regions) and the IAM managed policies (IAM is global;
 * their ARNs name every region through ${AWS::Partition} and
 * ${AWS::AccountId}). The other regions' alarms and endpoints are left out
 * with a finding each (DDBGT_W_EMIT_OPS_OTHER_REGION), and the emit option
 * stack_region writes a region's companion template: that region's alarms
 * and endpoint alone, for a stack deployed there (doc/cloudformation.md). The alarms, dashboard and policy texts are the
 * Terraform target's (lib/emit_operations.c), so both targets say the same.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "emit_cfn.h"
#include "iam_policy.h"

/* Room in a logical ID (255) for an alarm's words after the resource name. */
#define GSI_ID_MAX 64
#define RES_MAX_WITH_OPS 140

static const ddbgt_operations *ops_of(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_operations(ctx->t);
}

static const char *region_of(const ddbgt__emit_ctx *ctx, size_t i)
{
	return ddbgt_replica_region(ddbgt__emit_replica(ctx, i));
}

/* The stack's region: the home region, or a companion template's region. */
static const char *stack_region(const ddbgt__emit_ctx *ctx)
{
	return region_of(ctx, ctx->stack);
}

static const char *home_region(const ddbgt__emit_ctx *ctx)
{
	return region_of(ctx, ctx->primary);
}

static int companion(const ddbgt__emit_ctx *ctx)
{
	return ctx->stack != ctx->primary;
}

static void count_alarm(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a, void *arg)
{
	(void)ctx;
	(void)a;
	++*(size_t *)arg;
}

static size_t alarms_in(ddbgt__emit_ctx *ctx, size_t replica)
{
	size_t n = 0;
	ddbgt__ops_each_alarm(ctx, replica, count_alarm, &n);
	return n;
}

/* The stack region's gateway endpoint, as its index among the endpoints, or -1. */
static long stack_endpoint(const ddbgt__emit_ctx *ctx)
{
	const ddbgt_operations *ops = ops_of(ctx);
	for (size_t k = 0; k < ddbgt_operations_vpc_endpoint_count(ops); k++)
		if (strcmp(ddbgt_operations_vpc_endpoint_region(ops, k), stack_region(ctx)) == 0)
			return (long)k;
	return -1;
}

void ddbgt__emit_cfn_operations_plan(ddbgt__emit_ctx *ctx)
{
	const ddbgt_operations *ops = ops_of(ctx);
	char path[300];
	if (companion(ctx) && alarms_in(ctx, ctx->stack) == 0 && stack_endpoint(ctx) < 0) {
		ddbgt__emit_finding(ctx, DDBGT_E_EMIT_OPTION, "", stack_region(ctx),
		                    "emit option: stack_region %s has no alarms or gateway endpoint "
		                    "to deploy: there is no companion template for it",
		                    stack_region(ctx));
		return;
	}
	if (!ddbgt__emit_operations_wanted(ctx))
		return;
	if (strlen(ctx->res) > RES_MAX_WITH_OPS)
		ddbgt__emit_finding(ctx, DDBGT_E_EMIT_OPTION, "", NULL,
		                    "resource_name is longer than %d characters: the logical IDs of "
		                    "the operations resources (alarms, dashboard, policies) start with "
		                    "it and must stay within 255",
		                    RES_MAX_WITH_OPS);
	/* The table's template says what it leaves to the companions; they say nothing of it. */
	if (companion(ctx))
		return;
	for (size_t r = 1; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		size_t n = alarms_in(ctx, i);
		if (n)
			ddbgt__emit_finding(ctx, DDBGT_W_EMIT_OPS_OTHER_REGION, "/operations/alarms",
			                    region_of(ctx, i),
			                    "the %zu alarms of region %s are not in this template: a "
			                    "CloudWatch alarm lives in the region of its metrics and a "
			                    "stack in one region (%s); deploy them with a stack in %s, "
			                    "from the template of stack_region %s (doc/cloudformation.md, "
			                    "\"Operations in other regions\")",
			                    n, region_of(ctx, i), home_region(ctx), region_of(ctx, i),
			                    region_of(ctx, i));
	}
	for (size_t k = 0; k < ddbgt_operations_vpc_endpoint_count(ops); k++) {
		const char *region = ddbgt_operations_vpc_endpoint_region(ops, k);
		if (strcmp(region, home_region(ctx)) == 0)
			continue;
		snprintf(path, sizeof path, "/operations/vpc_endpoints/%s", region);
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_OPS_OTHER_REGION, path, region,
		                    "the gateway endpoint of region %s is not in this template: an "
		                    "endpoint lives in its VPC's region and a stack in one region "
		                    "(%s); deploy it with a stack in %s, from the template of "
		                    "stack_region %s (doc/cloudformation.md, \"Operations in other "
		                    "regions\")",
		                    region, home_region(ctx), region, region);
	}
}

/* The template holds resources bound to its region: the stack must be deployed there. */
void ddbgt__emit_cfn_operations_rules(ddbgt__emit_ctx *ctx)
{
	char text[200];
	if (ops_of(ctx) == NULL || (alarms_in(ctx, ctx->stack) == 0 && stack_endpoint(ctx) < 0))
		return;
	CFN_OBJECT(ctx, "Rules");
	CFN_OBJECT(ctx, "StackRegion");
	CFN_ARRAY(ctx, "Assertions");
	ddbgt__jw_object_begin(out(ctx));
	CFN_OBJECT(ctx, "Assert");
	CFN_ARRAY(ctx, "Fn::Equals");
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "Ref", "AWS::Region");
	ddbgt__jw_object_end(out(ctx));
	str(ctx, stack_region(ctx));
	ddbgt__jw_array_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
	snprintf(text, sizeof text,
	         "Deploy this stack in %s%s: its alarms and VPC endpoint watch and serve the "
	         "replica there",
	         stack_region(ctx), companion(ctx) ? "" : ", the table's home region");
	CFN_KV_STR(ctx, "AssertDescription", text);
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_array_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

/* ---- alarms ---- */

/*
 * The table's name: {"Ref": "<res>"} (also a dependency on the table) in the
 * table's template; in a companion, which has no table, the name itself
 * (after the TableNamePrefix parameter when there is one).
 */
static void table_ref(ddbgt__emit_ctx *ctx)
{
	if (!companion(ctx)) {
		ddbgt__jw_object_begin(out(ctx));
		CFN_KV_STR(ctx, "Ref", ctx->res);
		ddbgt__jw_object_end(out(ctx));
	} else if (ctx->o->parameters) {
		ddbgt__sub_text s = {NULL, 0, 0};
		ddbgt__sub_literal(ctx, &s, "${TableNamePrefix}");
		ddbgt__sub_user(ctx, &s, ddbgt_table_name(ctx->t));
		ddbgt__sub_write(ctx, &s);
	} else {
		str(ctx, ddbgt_table_name(ctx->t));
	}
}

static void dimension(ddbgt__emit_ctx *ctx, const char *name, const char *value)
{
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "Name", name);
	CFN_KEY(ctx, "Value");
	if (value)
		str(ctx, value);
	else
		table_ref(ctx);
	ddbgt__jw_object_end(out(ctx));
}

static void dimensions(ddbgt__emit_ctx *ctx, const char *gsi, const char *receiving,
                       const char *operation)
{
	CFN_ARRAY(ctx, "Dimensions");
	dimension(ctx, "TableName", NULL);
	if (gsi)
		dimension(ctx, "GlobalSecondaryIndexName", gsi);
	if (receiving)
		dimension(ctx, "ReceivingRegion", receiving);
	if (operation)
		dimension(ctx, "Operation", operation);
	ddbgt__jw_array_end(out(ctx));
}

static int64_t period(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_operations_alarm_setting_effective(ops_of(ctx), DDBGT_ALARM_PERIOD_SECONDS);
}

/* One element of Metrics: a metric the expression reads, not itself the alarm's result. */
static void metric_stat(ddbgt__emit_ctx *ctx, const char *id, const char *metric,
                        const char *stat, const char *gsi, const char *operation)
{
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "Id", id);
	CFN_OBJECT(ctx, "MetricStat");
	CFN_OBJECT(ctx, "Metric");
	CFN_KV_STR(ctx, "Namespace", "AWS/DynamoDB");
	CFN_KV_STR(ctx, "MetricName", metric);
	dimensions(ctx, gsi, NULL, operation);
	ddbgt__jw_object_end(out(ctx));
	CFN_KV_INT(ctx, "Period", period(ctx));
	CFN_KV_STR(ctx, "Stat", stat);
	ddbgt__jw_object_end(out(ctx));
	CFN_KV_BOOL(ctx, "ReturnData", 0);
	ddbgt__jw_object_end(out(ctx));
}

static void metrics(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a)
{
	int utilization = a->kind == DDBGT__OPS_UTILIZATION;
	char expr[96];
	CFN_ARRAY(ctx, "Metrics");
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "Id", "e1");
	if (utilization)
		ddbgt__ops_utilization_expression(ctx, expr, sizeof expr);
	CFN_KV_STR(ctx, "Expression", utilization ? expr : "SUM(METRICS())");
	CFN_KV_STR(ctx, "Label", utilization ? "utilization percent" : "SystemErrors");
	CFN_KV_BOOL(ctx, "ReturnData", 1);
	ddbgt__jw_object_end(out(ctx));
	if (utilization) {
		const char *gsi = ddbgt__ops_alarm_gsi(ctx, a);
		metric_stat(ctx, "consumed", ddbgt__ops_capacity_metric(a->rw, 0), "Sum", gsi, NULL);
		metric_stat(ctx, "provisioned", ddbgt__ops_capacity_metric(a->rw, 1), "Average", gsi,
		            NULL);
	} else {
		for (size_t i = 0; i < DDBGT__OPS_ERROR_OPERATIONS; i++) {
			char id[8] = {'m', (char)('0' + i / 10), (char)('0' + i % 10), '\0'};
			metric_stat(ctx, id, "SystemErrors", "Sum", NULL, ddbgt__ops_error_operations[i]);
		}
	}
	ddbgt__jw_array_end(out(ctx));
}

/* Per GSI, its part of a logical ID: its name in CamelCase, made unique with its position. */
typedef char gsi_id[GSI_ID_MAX + 24];

static gsi_id *make_gsi_ids(ddbgt__emit_ctx *ctx)
{
	gsi_id *ids = ddbgt__calloc(ctx->ngsi ? ctx->ngsi : 1, sizeof *ids);
	if (ids == NULL) {
		ctx->status = ctx->status ? ctx->status : DDBGT_ENOMEM;
		return NULL;
	}
	for (size_t g = 0; g < ctx->ngsi; g++) {
		char camel[GSI_ID_MAX + 1];
		camel_id(camel, sizeof camel, ddbgt_gsi_name(ddbgt_table_gsi_at(ctx->t, g)));
		snprintf(ids[g], sizeof ids[g], "Index%s", camel);
		for (size_t j = 0; j < g; j++)
			if (strcmp(ids[g], ids[j]) == 0) {
				size_t len = strlen(ids[g]);
				snprintf(ids[g] + len, sizeof ids[g] - len, "N%zu", g);
				j = (size_t)-1; /* check the new ID against all again */
			}
	}
	return ids;
}

struct alarm_writer {
	gsi_id *gsi_ids;
};

/* The description names what the alarm watches: the logical ID is all its name says. */
static void alarm_description(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a)
{
	const char *gsi = ddbgt__ops_alarm_gsi(ctx, a);
	char text[1024];
	snprintf(text, sizeof text, "%s. Table %.255s%s%.255s, region %s%s%s", a->description,
	         ddbgt_table_name(ctx->t), gsi ? ", index " : "", gsi ? gsi : "",
	         region_of(ctx, a->replica), a->kind == DDBGT__OPS_LATENCY ? ", to " : "",
	         a->kind == DDBGT__OPS_LATENCY ? region_of(ctx, a->receiving) : "");
	CFN_KV_STR(ctx, "AlarmDescription", text);
}

static void write_alarm(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a, void *arg)
{
	const struct alarm_writer *aw = arg;
	const ddbgt_operations *ops = ops_of(ctx);
	const char *topic = NULL;
	char what[128], id[DDBGT__EMIT_LABEL_MAX];
	camel_id(what, sizeof what, a->what);
	ddbgt__emit_label(ctx, id, "%s%s%sAlarm", ctx->res, a->gsi >= 0 ? aw->gsi_ids[a->gsi] : "",
	                  what);
	ddbgt_operations_get_sns_topic(ops, region_of(ctx, a->replica), &topic);
	open_object(ctx, id);
	CFN_KV_STR(ctx, "Type", "AWS::CloudWatch::Alarm");
	CFN_OBJECT(ctx, "Properties");
	alarm_description(ctx, a);
	CFN_KV_STR(ctx, "ComparisonOperator", "GreaterThanThreshold");
	CFN_KV_INT(ctx, "EvaluationPeriods",
	           ddbgt_operations_alarm_setting_effective(ops, DDBGT_ALARM_EVALUATION_PERIODS));
	CFN_KV_INT(ctx, "Threshold", a->threshold);
	/* No requests means no data points: that is not an incident. */
	CFN_KV_STR(ctx, "TreatMissingData", "notBreaching");
	if (a->metric) {
		CFN_KV_STR(ctx, "Namespace", "AWS/DynamoDB");
		CFN_KV_STR(ctx, "MetricName", a->metric);
		dimensions(ctx, ddbgt__ops_alarm_gsi(ctx, a),
		           a->kind == DDBGT__OPS_LATENCY ? region_of(ctx, a->receiving) : NULL, NULL);
		CFN_KV_INT(ctx, "Period", period(ctx));
		CFN_KV_STR(ctx, "Statistic", a->statistic);
	} else {
		metrics(ctx, a);
	}
	if (topic) {
		static const char *const actions[] = {"AlarmActions", "OKActions"};
		for (int k = 0; k < 2; k++) {
			open_array(ctx, actions[k]);
			str(ctx, topic);
			ddbgt__jw_array_end(out(ctx));
		}
	}
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

/* ---- dashboard, policies, endpoint ---- */

static void write_dashboard(ddbgt__emit_ctx *ctx)
{
	char ref[DDBGT__EMIT_LABEL_MAX], id[DDBGT__EMIT_LABEL_MAX];
	char *body = NULL;
	if (!ddbgt__ops_writes_dashboard(ctx->t))
		return;
	/* The body names the table by the template's reference: Fn::Sub gives its name. */
	ddbgt__emit_label(ctx, ref, "${%s}", ctx->res);
	if (ddbgt__ops_dashboard_body(ctx, ref, &body)) {
		ctx->status = ctx->status ? ctx->status : DDBGT_ENOMEM;
		return;
	}
	ddbgt__emit_label(ctx, id, "%sDashboard", ctx->res);
	open_object(ctx, id);
	CFN_KV_STR(ctx, "Type", "AWS::CloudWatch::Dashboard");
	CFN_OBJECT(ctx, "Properties");
	CFN_KEY(ctx, "DashboardBody");
	ddbgt__sub_text s = {body, strlen(body), strlen(body) + 1};
	ddbgt__sub_write(ctx, &s);
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

/* A policy text composed into ctx->sub, written as the object it is (ARNs as Fn::Sub). */
static void policy_object(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s)
{
	if (!ctx->status)
		ddbgt__iam_policy_write_text_sub(out(ctx), s->buf);
	ddbgt__sub_clear(s);
}

static void policy_id(char *buf, size_t size, ddbgt_iam_policy kind)
{
	camel_id(buf, size, ddbgt_iam_policy_name(kind));
}

static void write_policies(ddbgt__emit_ctx *ctx)
{
	char id[DDBGT__EMIT_LABEL_MAX], kind[32], text[400];
	if (!ddbgt__ops_any_policy(ctx) || ddbgt_operations_iam_as_outputs(ops_of(ctx)))
		return;
	for (int k = 0; k <= DDBGT_IAM_DEPLOYER; k++) {
		if (!ddbgt_operations_iam_policy(ops_of(ctx), (ddbgt_iam_policy)k))
			continue;
		policy_id(kind, sizeof kind, (ddbgt_iam_policy)k);
		ddbgt__emit_label(ctx, id, "%s%sPolicy", ctx->res, kind);
		open_object(ctx, id);
		CFN_KV_STR(ctx, "Type", "AWS::IAM::ManagedPolicy");
		CFN_OBJECT(ctx, "Properties");
		snprintf(text, sizeof text, "libddbgt: %s policy of the DynamoDB global table %.255s",
		         ddbgt_iam_policy_name(k), ddbgt_table_name(ctx->t));
		CFN_KV_STR(ctx, "Description", text);
		CFN_KEY(ctx, "PolicyDocument");
		ddbgt__sub_text s = {NULL, 0, 0};
		ctx->sub = &s;
		ddbgt__ops_policy_text(ctx, (ddbgt_iam_policy)k);
		ctx->sub = NULL;
		policy_object(ctx, &s);
		ddbgt__jw_object_end(out(ctx));
		ddbgt__jw_object_end(out(ctx));
	}
}

static void write_endpoint(ddbgt__emit_ctx *ctx)
{
	const ddbgt_operations *ops = ops_of(ctx);
	long k = stack_endpoint(ctx);
	char id[DDBGT__EMIT_LABEL_MAX], service[64];
	if (k < 0)
		return;
	ddbgt__emit_label(ctx, id, "%sVpcEndpoint", ctx->res);
	open_object(ctx, id);
	CFN_KV_STR(ctx, "Type", "AWS::EC2::VPCEndpoint");
	CFN_OBJECT(ctx, "Properties");
	CFN_KV_STR(ctx, "VpcEndpointType", "Gateway");
	snprintf(service, sizeof service, "com.amazonaws.%s.dynamodb", stack_region(ctx));
	CFN_KV_STR(ctx, "ServiceName", service);
	CFN_KV_STR(ctx, "VpcId", ddbgt_operations_vpc_endpoint_vpc_id(ops, (size_t)k));
	CFN_ARRAY(ctx, "RouteTableIds");
	for (size_t j = 0; j < ddbgt_operations_vpc_route_table_count(ops, (size_t)k); j++)
		str(ctx, ddbgt_operations_vpc_route_table_at(ops, (size_t)k, j));
	ddbgt__jw_array_end(out(ctx));
	if (ddbgt_operations_vpc_endpoint_restricted(ops, (size_t)k)) {
		CFN_KEY(ctx, "PolicyDocument");
		ddbgt__sub_text s = {NULL, 0, 0};
		ctx->sub = &s;
		ddbgt__ops_endpoint_policy_text(ctx, stack_region(ctx));
		ctx->sub = NULL;
		policy_object(ctx, &s);
	}
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

void ddbgt__emit_cfn_operations_resources(ddbgt__emit_ctx *ctx)
{
	if (ops_of(ctx) == NULL)
		return;
	if (ddbgt_operations_alarms(ops_of(ctx))) {
		struct alarm_writer aw = {make_gsi_ids(ctx)};
		if (aw.gsi_ids == NULL)
			return;
		ddbgt__ops_each_alarm(ctx, ctx->stack, write_alarm, &aw);
		ddbgt__free(aw.gsi_ids);
	}
	/* Global resources belong to the table's stack only. */
	if (!companion(ctx)) {
		write_dashboard(ctx);
		write_policies(ctx);
	}
	write_endpoint(ctx);
}

/* ---- outputs ---- */

/* An output whose value is the text composed into s, as one Fn::Sub string. */
static void text_output(ddbgt__emit_ctx *ctx, const char *name, const char *description,
                        ddbgt__sub_text *s)
{
	open_object(ctx, name);
	CFN_KV_STR(ctx, "Description", description);
	CFN_KEY(ctx, "Value");
	ddbgt__sub_write(ctx, s);
	ddbgt__jw_object_end(out(ctx));
}

void ddbgt__emit_cfn_operations_outputs(ddbgt__emit_ctx *ctx)
{
	const ddbgt_operations *ops = ops_of(ctx);
	char name[96], text[200], id[64];
	if (ops == NULL || companion(ctx))
		return;
	if (ddbgt__ops_any_policy(ctx) && ddbgt_operations_iam_as_outputs(ops)) {
		for (int k = 0; k <= DDBGT_IAM_DEPLOYER; k++) {
			if (!ddbgt_operations_iam_policy(ops, (ddbgt_iam_policy)k))
				continue;
			policy_id(id, sizeof id, (ddbgt_iam_policy)k);
			snprintf(name, sizeof name, "IamPolicy%s", id);
			snprintf(text, sizeof text, "The %s IAM policy document of the table, as JSON",
			         ddbgt_iam_policy_name(k));
			ddbgt__sub_text s = {NULL, 0, 0};
			ctx->sub = &s;
			ddbgt__ops_policy_text(ctx, (ddbgt_iam_policy)k);
			ctx->sub = NULL;
			text_output(ctx, name, text, &s);
		}
	}
	if (!ddbgt_operations_kms_key_policies(ops) ||
	    ddbgt_table_encryption(ctx->t) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		return;
	/* Per region: a key lives in its replica's region, and its owner merges the statements. */
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		camel_id(id, sizeof id, region_of(ctx, i));
		snprintf(name, sizeof name, "KmsKeyPolicyStatements%s", id);
		snprintf(text, sizeof text,
		         "The statements to merge into the key policy of the replica's key in %s, "
		         "as a JSON array",
		         region_of(ctx, i));
		ddbgt__sub_text s = {NULL, 0, 0};
		ctx->sub = &s;
		ddbgt__ops_key_statements_text(ctx, i);
		ctx->sub = NULL;
		text_output(ctx, name, text, &s);
	}
}
