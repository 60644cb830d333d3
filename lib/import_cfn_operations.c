/*
 * The operations object read back from a CloudFormation template: what
 * lib/emit_cfn_operations.c writes into the table's stack. The home region's
 * AWS::CloudWatch::Alarm resources (their settings, where they differ from
 * the defaults, and the region's SNS topic), the AWS::CloudWatch::Dashboard,
 * the AWS::IAM::ManagedPolicy resources or IamPolicy<Kind> outputs (with the
 * regions and indexes they are limited to), the KmsKeyPolicyStatements<Region>
 * outputs and the home region's AWS::EC2::VPCEndpoint. The reading of an
 * alarm and of a policy document is the Terraform importer's too
 * (import_operations.c).
 *
 * A resource belongs to a table when it refers to it: an alarm's TableName
 * dimension is {"Ref": <table>} (or the table's name), the other resources
 * carry the table's logical ID before their own words ("TableDashboard",
 * "TableReadWritePolicy", "TableVpcEndpoint"), as the emitter names them.
 * Resources of no table are left alone: alarms, policies and endpoints are
 * common beyond DynamoDB. The other regions' alarms and endpoints live in
 * companion templates (doc/cloudformation.md); the template's own findings
 * say so, and each such finding becomes DDBGT_W_IMPORT_NOT_CARRIED.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "import_internal.h"
#include "ddbgt/replica.h"

/* The import's tables, with per table which alarm kinds were seen. */
struct cops {
	ddbgt__ireader R;
	ddbgt__iops_seen *seen;
	int *alarmed;
	size_t ntables;
};

static ddbgt__itable *table_at(struct cops *C, size_t i)
{
	return ddbgt__import_itable(C->R.imp, i);
}

/* The table whose logical ID is id[0, len), or -1. */
static long table_by_id(struct cops *C, const char *id, size_t len)
{
	for (size_t i = 0; i < C->ntables; i++) {
		const char *address = ddbgt__itable_address(table_at(C, i));
		if (strlen(address) == len && strncmp(address, id, len) == 0)
			return (long)i;
	}
	return -1;
}

/* The table whose logical ID is id less its words (suffix), or -1. */
static long table_by_suffix(struct cops *C, const char *id, const char *suffix)
{
	size_t n = strlen(id), m = strlen(suffix);
	return n > m && strcmp(id + n - m, suffix) == 0 ? table_by_id(C, id, n - m) : -1;
}

/* The table a text names as "${<table>}" (an Fn::Sub over its ARN), or -1. */
static long table_in_sub(struct cops *C, const char *text)
{
	for (size_t i = 0; i < C->ntables; i++) {
		const char *address = ddbgt__itable_address(table_at(C, i));
		for (const char *s = strstr(text, "${"); s; s = strstr(s + 2, "${")) {
			size_t n = strlen(address);
			if (strncmp(s + 2, address, n) == 0 && s[2 + n] == '}')
				return (long)i;
		}
	}
	return -1;
}

/* Read the resource id as part of table i: the reader's findings name both. */
static ddbgt_operations *begin(struct cops *C, long i, const char *id)
{
	if (i < 0)
		return NULL;
	C->R.t = table_at(C, (size_t)i);
	C->R.address = id;
	ddbgt_operations *ops = ddbgt_table_operations_mut(ddbgt__itable_table(C->R.t));
	if (!ops)
		ddbgt__ir_status(&C->R, DDBGT_ENOMEM);
	return ops;
}

static void fail(struct cops *C, int rc)
{
	ddbgt__ir_status(&C->R, rc == DDBGT_ENOMEM ? rc : 0);
}

/* The string of {"Fn::Sub": string}, or NULL. */
static const char *sub_text(const jr_value *v)
{
	const jr_value *s = ddbgt__ir_member(v, "Fn::Sub");
	return s && s->type == JR_STRING && v->u.obj.count == 1 ? s->u.str.s : NULL;
}

/* ---- alarms ---- */

/* The table a Dimensions list names: {"Ref": <table>}, or the table's name; -1 for none. */
static long dimension_table(struct cops *C, const jr_value *dims)
{
	for (size_t i = 0; i < ddbgt__ir_count(dims); i++) {
		const jr_value *d = ddbgt__ir_item(dims, i);
		const jr_value *name = ddbgt__ir_member(d, "Name");
		const jr_value *value = ddbgt__ir_member(d, "Value");
		if (!name || name->type != JR_STRING || strcmp(name->u.str.s, "TableName") != 0)
			continue;
		const jr_value *ref = ddbgt__ir_member(value, "Ref");
		if (ref && ref->type == JR_STRING)
			return table_by_id(C, ref->u.str.s, strlen(ref->u.str.s));
		for (size_t k = 0; value && value->type == JR_STRING && k < C->ntables; k++) {
			const char *tname = ddbgt_table_name(ddbgt__itable_table(table_at(C, k)));
			if (tname && strcmp(tname, value->u.str.s) == 0)
				return (long)k;
		}
	}
	return -1;
}

/* The SNS topic of the alarm's actions, as the region's topic: the stack's region is the home region. */
static void read_topic(struct cops *C, ddbgt_operations *ops, const jr_value *p)
{
	const jr_value *actions = ddbgt__ir_member(p, "AlarmActions");
	const jr_value *topic = ddbgt__ir_literal(&C->R, ddbgt__ir_item(actions, 0),
	                                          "/AlarmActions/0");
	const ddbgt_replica *home =
	        ddbgt_table_primary_replica(ddbgt__itable_table(C->R.t));
	if (!topic || !home)
		return;
	if (topic->type != JR_STRING) {
		ddbgt__ir_bad(&C->R, "/AlarmActions/0", topic, "an SNS topic ARN");
		return;
	}
	if (ddbgt_operations_get_sns_topic(ops, ddbgt_replica_region(home), NULL) != DDBGT_OK)
		ddbgt__ir_set(&C->R,
		              ddbgt_operations_set_sns_topic(ops, ddbgt_replica_region(home),
		                                             topic->u.str.s));
}

static void read_alarm(struct cops *C, const char *id, const jr_value *res)
{
	const jr_value *p = ddbgt__ir_member(res, "Properties"), *at;
	const jr_value *metrics = ddbgt__ir_member(p, "Metrics");
	/* A metric-math alarm: e1 is the expression, the next metric its first input. */
	const jr_value *stat = ddbgt__ir_member(ddbgt__ir_item(metrics, 1), "MetricStat");
	int math = !ddbgt__ir_member(p, "MetricName") && stat;
	const jr_value *dims = ddbgt__ir_member(math ? ddbgt__ir_member(stat, "Metric") : p,
	                                        "Dimensions");
	long ti = dimension_table(C, dims);
	ddbgt_operations *ops = begin(C, ti, id);
	if (!ops)
		return;
	ddbgt__iops_alarm a = {0};
	if (math) {
		a.expression = ddbgt__ir_str(&C->R, ddbgt__ir_item(metrics, 0), "Expression",
		                             "/Metrics/0", &at);
		a.has_period = ddbgt__ir_int(&C->R, stat, "Period", "/Metrics/1/MetricStat",
		                             &a.period, &at);
	} else {
		a.metric = ddbgt__ir_str(&C->R, p, "MetricName", "", &at);
		a.has_period = ddbgt__ir_int(&C->R, p, "Period", "", &a.period, &at);
	}
	a.has_periods =
	        ddbgt__ir_int(&C->R, p, "EvaluationPeriods", "", &a.periods, &at);
	a.has_threshold = ddbgt__ir_num(&C->R, p, "Threshold", "", &a.threshold);
	int rc = ddbgt__iops_alarm_read(ops, &C->seen[ti], &a);
	if (rc == 1) {
		ddbgt__ir_not_carried(&C->R, "", res,
		                      "an alarm on the table that the operations object does not "
		                      "write; it writes replication latency, throttle, system error "
		                      "and utilisation alarms");
		return;
	}
	if (rc == 2)
		ddbgt__ir_bad(&C->R, "/Threshold", ddbgt__ir_member(p, "Threshold"),
		              "a whole number (the spec's setting is)");
	fail(C, rc);
	C->alarmed[ti] = 1;
	ddbgt__ir_note(&C->R, "/operations/alarms", res);
	read_topic(C, ops, p);
}

/* ---- dashboard, policies, endpoint ---- */

static void read_dashboard(struct cops *C, const char *id, const jr_value *res)
{
	ddbgt_operations *ops = begin(C, table_by_suffix(C, id, "Dashboard"), id);
	if (!ops)
		return;
	ddbgt__ir_note(&C->R, "/operations/dashboard", res);
	fail(C, ddbgt_operations_set_dashboard(ops, 1));
}

/* Policy kind on, and its limits from doc (an object, or its JSON text as CloudFormation also takes). */
static void read_policy_document(struct cops *C, ddbgt_operations *ops, int kind,
                                 const jr_value *doc, const char *text)
{
	jr_doc *parsed = NULL;
	fail(C, ddbgt_operations_set_iam_policy(ops, (ddbgt_iam_policy)kind, 1));
	if (text) {
		fail(C, ddbgt__iops_policy_doc(&parsed, text));
		doc = parsed ? ddbgt__jr_root(parsed) : NULL;
	}
	if (doc)
		fail(C, ddbgt__iops_policy_limits(ops, ddbgt__itable_table(C->R.t),
		                                  (ddbgt_iam_policy)kind, doc));
	ddbgt__jr_free(parsed);
}

static void read_policy(struct cops *C, const char *id, const jr_value *res)
{
	size_t n = strlen(id), prefix = 0;
	if (n <= 6 || strcmp(id + n - 6, "Policy") != 0)
		return;
	int kind = ddbgt__iops_policy_kind(id, n - 6, 1, &prefix);
	ddbgt_operations *ops = kind < 0 ? NULL : begin(C, table_by_id(C, id, prefix), id);
	if (!ops)
		return;
	const jr_value *doc = ddbgt__ir_member(ddbgt__ir_member(res, "Properties"), "PolicyDocument");
	ddbgt__ir_note(&C->R, "/operations/iam", res);
	read_policy_document(C, ops, kind, doc && doc->type == JR_OBJECT ? doc : NULL,
	                     doc && doc->type == JR_STRING ? doc->u.str.s : NULL);
}

static void read_endpoint(struct cops *C, const char *id, const jr_value *res)
{
	ddbgt_operations *ops = begin(C, table_by_suffix(C, id, "VpcEndpoint"), id);
	if (!ops)
		return;
	const jr_value *p = ddbgt__ir_member(res, "Properties"), *at;
	const ddbgt_table *table = ddbgt__itable_table(C->R.t);
	const char *service = ddbgt__ir_str(&C->R, p, "ServiceName", "", &at);
	char region[32] = "";
	/* com.amazonaws.<region>.dynamodb, the gateway service of one region. */
	if (service && strncmp(service, "com.amazonaws.", 14) == 0) {
		size_t len = strcspn(service + 14, ".");
		if (len < sizeof region && strcmp(service + 14 + len, ".dynamodb") == 0) {
			memcpy(region, service + 14, len);
			region[len] = '\0';
		}
	}
	if (!service)
		return;
	if (!region[0] || !ddbgt_table_find_replica(table, region)) {
		ddbgt__ir_not_carried(&C->R, "/ServiceName", at,
		                      "an endpoint outside the replicas' regions, which the "
		                      "operations object does not write");
		return;
	}
	const char *vpc = ddbgt__ir_str(&C->R, p, "VpcId", "", &at);
	if (!vpc)
		return;
	char sp[64];
	snprintf(sp, sizeof sp, "/operations/vpc_endpoints/%s", region);
	ddbgt__ir_note(&C->R, sp, res);
	ddbgt__ir_set(&C->R, ddbgt_operations_set_vpc_endpoint(ops, region, vpc));
	const jr_value *tables = ddbgt__ir_member(p, "RouteTableIds");
	for (size_t i = 0; i < ddbgt__ir_count(tables); i++) {
		char path[64];
		snprintf(path, sizeof path, "/RouteTableIds/%zu", i);
		const jr_value *v = ddbgt__ir_literal(&C->R, ddbgt__ir_item(tables, i), path);
		if (v && v->type == JR_STRING)
			ddbgt__ir_set(&C->R, ddbgt_operations_add_vpc_route_table(ops, region,
			                                                          v->u.str.s));
		else if (v)
			ddbgt__ir_bad(&C->R, path, v, "a route table ID");
	}
	if (!ddbgt__ir_member(p, "PolicyDocument"))
		ddbgt__ir_set(&C->R, ddbgt_operations_set_vpc_endpoint_restricted(ops, region, 0));
}

/* ---- outputs and the template's own findings ---- */

/* The one table of the template, which statements that name no table belong to; -1 when several. */
static long only_table(struct cops *C)
{
	return C->ntables == 1 ? 0 : -1;
}

static void read_outputs(struct cops *C, const jr_value *outputs)
{
	size_t i;
	const char *name;
	const jr_value *v;
	if (!outputs || outputs->type != JR_OBJECT)
		return;
	JR_OBJECT_FOREACH (outputs, i, name, v) {
		const char *text = sub_text(ddbgt__ir_member(v, "Value"));
		size_t prefix = 1;
		if (!text)
			continue;
		if (strncmp(name, "IamPolicy", 9) == 0) {
			int kind = ddbgt__iops_policy_kind(name + 9, strlen(name + 9), 1, &prefix);
			ddbgt_operations *ops =
			        kind < 0 || prefix ? NULL : begin(C, table_in_sub(C, text), name);
			if (!ops)
				continue;
			ddbgt__ir_note(&C->R, "/operations/iam", v);
			fail(C, ddbgt_operations_set_iam_as_outputs(ops, 1));
			read_policy_document(C, ops, kind, NULL, text);
		} else if (strncmp(name, "KmsKeyPolicyStatements", 22) == 0) {
			ddbgt_operations *ops = begin(C, only_table(C), name);
			if (!ops)
				continue;
			ddbgt__ir_note(&C->R, "/operations/kms_key_policies", v);
			fail(C, ddbgt_operations_set_kms_key_policies(ops, 1));
		}
	}
}

/*
 * The emitter's DDBGT_W_EMIT_OPS_OTHER_REGION findings, which the template
 * keeps in Metadata: what they name is in a companion template, not here.
 */
static void read_left_out(struct cops *C, const jr_value *root)
{
	static const char code[] = "DDBGT_W_EMIT_OPS_OTHER_REGION: ";
	const jr_value *findings = ddbgt__ir_member(
	        ddbgt__ir_member(ddbgt__ir_member(root, "Metadata"), "ddbgt"), "Findings");
	long ti = only_table(C);
	for (size_t i = 0; i < ddbgt__ir_count(findings); i++) {
		const jr_value *f = ddbgt__ir_item(findings, i);
		const char *what = f->type == JR_STRING ? strstr(f->u.str.s, code) : NULL;
		if (!what)
			continue;
		what += sizeof code - 1;
		char path[64];
		snprintf(path, sizeof path, "/Metadata/ddbgt/Findings/%zu", i);
		fail(C, ddbgt__import_findf(C->R.imp, ti < 0 ? NULL : table_at(C, (size_t)ti),
		                            DDBGT_W_IMPORT_NOT_CARRIED, path, f,
		                            "the template says that %.*s: what the spec had "
		                            "there (the region's SNS topic, its gateway endpoint) "
		                            "is in that region's companion template, which this "
		                            "import does not read, so the spec has none of it "
		                            "(doc/import.md)",
		                            (int)strcspn(what, ":"), what));
	}
}

int ddbgt__import_cfn_operations(ddbgt_import *imp, const jr_value *root)
{
	struct cops C = {.R = {.imp = imp, .params = ddbgt__ir_member(root, "Parameters")},
	                 .ntables = ddbgt__import_count(imp)};
	/* A companion template has no table: its resources belong to another stack's. */
	if (C.ntables == 0)
		return DDBGT_OK;
	C.seen = ddbgt__calloc(C.ntables, sizeof *C.seen);
	C.alarmed = ddbgt__calloc(C.ntables, sizeof *C.alarmed);
	if (!C.seen || !C.alarmed) {
		ddbgt__free(C.seen);
		ddbgt__free(C.alarmed);
		return DDBGT_ENOMEM;
	}
	const jr_value *resources = ddbgt__ir_member(root, "Resources");
	size_t i;
	const char *id;
	const jr_value *res;
	JR_OBJECT_FOREACH (resources, i, id, res) {
		const jr_value *type = ddbgt__ir_member(res, "Type");
		if (!type || type->type != JR_STRING)
			continue;
		if (strcmp(type->u.str.s, "AWS::CloudWatch::Alarm") == 0)
			read_alarm(&C, id, res);
		else if (strcmp(type->u.str.s, "AWS::CloudWatch::Dashboard") == 0)
			read_dashboard(&C, id, res);
		else if (strcmp(type->u.str.s, "AWS::IAM::ManagedPolicy") == 0)
			read_policy(&C, id, res);
		else if (strcmp(type->u.str.s, "AWS::EC2::VPCEndpoint") == 0)
			read_endpoint(&C, id, res);
	}
	read_outputs(&C, ddbgt__ir_member(root, "Outputs"));
	read_left_out(&C, root);
	for (size_t t = 0; t < C.ntables; t++) {
		ddbgt_operations *ops = C.alarmed[t] ? begin(&C, (long)t, "") : NULL;
		if (ops)
			fail(&C, ddbgt__iops_alarm_kinds(ops, &C.seen[t]));
	}
	ddbgt__free(C.seen);
	ddbgt__free(C.alarmed);
	return C.R.status;
}
