/*
 * The operations object: the model's setters and getters, the loader and
 * dumper, the validator's rules, and what the Terraform and CloudFormation
 * targets write (the IAM documents checked as policy documents; alarms a
 * table's kind cannot have are absent; the template holds the stack
 * region's part and says what it leaves out).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"

static ddbgt_table *load_text(const char *text, ddbgt_diags *d)
{
	ddbgt_table *t = NULL;
	int rc = ddbgt_spec_load_string(&t, text, strlen(text), 0, d);
	if (rc) {
		char *msg = NULL;
		ddbgt_diags_to_text(&msg, d);
		ck_abort_msg("does not load: %s\n%s", ddbgt_status_name(rc), msg ? msg : "");
	}
	return t;
}

static ddbgt_table *load_file(const char *relative)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_spec_load_file(&t, ddbgt_test_path(relative), 0, NULL), DDBGT_OK);
	return t;
}

#define HEAD                                                                                  \
	"{\"format\": \"ddbgt/1\", \"table\": {\"name\": \"orders\", \"partition_key\": "         \
	"{\"name\": \"pk\", \"type\": \"S\"}%s}, \"replicas\": [%s], \"operations\": %s}"

static char *spec(const char *table_extra, const char *replicas, const char *operations)
{
	size_t n = strlen(HEAD) + strlen(table_extra) + strlen(replicas) + strlen(operations);
	char *s = malloc(n);
	snprintf(s, n, HEAD, table_extra, replicas, operations);
	return s;
}

#define TWO "{\"region\": \"us-east-1\"}, {\"region\": \"eu-west-1\"}"

/* The codes of the findings, joined by spaces, with their paths: "CODE@/path ...". */
static void findings_of(const ddbgt_diags *d, char *buf, size_t size, int min_code)
{
	buf[0] = '\0';
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		if ((int)ddbgt_diags_code(d, i) < min_code)
			continue;
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s@%s", n ? " " : "", ddbgt_diags_code_name(d, i),
		         ddbgt_diags_path(d, i));
	}
}

START_TEST(model_setters_and_getters)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, "orders"), DDBGT_OK);
	/* No object until asked for one; the getters take the NULL and say "off". */
	ck_assert_ptr_null(ddbgt_table_operations(t));
	ck_assert_int_eq(ddbgt_operations_alarms(ddbgt_table_operations(t)), 0);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(NULL,
	                 DDBGT_ALARM_REPLICATION_LATENCY_MS), 0);
	ck_assert_ptr_null(ddbgt_table_operations_mut(NULL));
	ddbgt_operations *o = ddbgt_table_operations_mut(t);
	ck_assert_ptr_nonnull(o);
	ck_assert_ptr_eq(ddbgt_table_operations(t), o);

	ck_assert_int_eq(ddbgt_operations_set_alarms(o, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_alarms(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_alarms(o, 7), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_alarms(o), 1);

	int64_t v = 5;
	ck_assert_int_eq(ddbgt_operations_get_alarm_setting(o, DDBGT_ALARM_PERIOD_SECONDS, &v),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_PERIOD_SECONDS), 60);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o,
	                 DDBGT_ALARM_REPLICATION_LATENCY_MS), 60000);
	ck_assert_int_eq(ddbgt_operations_set_alarm_setting(o, DDBGT_ALARM_PERIOD_SECONDS, 300),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_get_alarm_setting(o, DDBGT_ALARM_PERIOD_SECONDS, &v),
	                 DDBGT_OK);
	ck_assert_int_eq(v, 300);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_PERIOD_SECONDS), 300);
	ck_assert_int_eq(ddbgt_operations_set_alarm_setting(o, (ddbgt_alarm_setting)6, 1),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_get_alarm_setting(o, (ddbgt_alarm_setting)-1, &v),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, (ddbgt_alarm_setting)6), 0);
	ck_assert_int_eq(ddbgt_operations_clear_alarm_setting(o, DDBGT_ALARM_PERIOD_SECONDS),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_PERIOD_SECONDS), 60);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_EVALUATION_PERIODS),
	                 5);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_THROTTLES), 1);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_SYSTEM_ERRORS), 1);
	ck_assert_int_eq(ddbgt_operations_alarm_setting_effective(o, DDBGT_ALARM_UTILIZATION_PERCENT),
	                 80);

	/* Topics: sorted by region, replaced by a second set, refused when not UTF-8. */
	const char *arn = "x";
	ck_assert_int_eq(ddbgt_operations_set_sns_topic(o, "us-east-1", "arn:a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_set_sns_topic(o, "eu-west-1", "arn:b"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_set_sns_topic(o, "eu-west-1", "arn:c"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_set_sns_topic(o, "eu-west-2", "\xff"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_sns_topic(o, NULL, "arn:d"), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_operations_sns_topic_count(o), 2);
	ck_assert_str_eq(ddbgt_operations_sns_topic_region(o, 0), "eu-west-1");
	ck_assert_str_eq(ddbgt_operations_sns_topic_arn(o, 0), "arn:c");
	ck_assert_ptr_null(ddbgt_operations_sns_topic_arn(o, 2));
	ck_assert_ptr_null(ddbgt_operations_sns_topic_region(NULL, 0));
	ck_assert_int_eq(ddbgt_operations_get_sns_topic(o, "us-east-1", &arn), DDBGT_OK);
	ck_assert_str_eq(arn, "arn:a");
	ck_assert_int_eq(ddbgt_operations_get_sns_topic(o, "ap-south-1", &arn), DDBGT_ENOTFOUND);
	ck_assert_ptr_null(arn);
	ck_assert_int_eq(ddbgt_operations_remove_sns_topic(o, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_remove_sns_topic(o, "us-east-1"), DDBGT_ENOTFOUND);
	ck_assert_uint_eq(ddbgt_operations_sns_topic_count(o), 1);

	ck_assert_int_eq(ddbgt_operations_dashboard(o), 0);
	ck_assert_int_eq(ddbgt_operations_set_dashboard(o, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_dashboard(o), 1);
	ck_assert_int_eq(ddbgt_operations_set_dashboard(o, -2), DDBGT_EINVAL);

	ck_assert_str_eq(ddbgt_iam_policy_name(DDBGT_IAM_STREAM_CONSUMER), "stream_consumer");
	ck_assert_ptr_null(ddbgt_iam_policy_name((ddbgt_iam_policy)4));
	ck_assert_int_eq(ddbgt_operations_set_iam_policy(o, (ddbgt_iam_policy)4, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_iam_policy(o, DDBGT_IAM_DEPLOYER, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_iam_policy(o, DDBGT_IAM_DEPLOYER, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_iam_policy(o, DDBGT_IAM_DEPLOYER), 1);
	ck_assert_int_eq(ddbgt_operations_iam_policy(o, DDBGT_IAM_READ), 0);
	ck_assert_int_eq(ddbgt_operations_iam_policy(o, (ddbgt_iam_policy)9), 0);
	ck_assert_int_eq(ddbgt_operations_add_iam_region(o, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_add_iam_region(o, "\xc0\x80"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_add_iam_index(o, "by_customer"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_operations_iam_region_count(o), 1);
	ck_assert_str_eq(ddbgt_operations_iam_region_at(o, 0), "eu-west-1");
	ck_assert_ptr_null(ddbgt_operations_iam_region_at(o, 1));
	ck_assert_str_eq(ddbgt_operations_iam_index_at(o, 0), "by_customer");
	ck_assert_uint_eq(ddbgt_operations_iam_index_count(NULL), 0);
	ck_assert_int_eq(ddbgt_operations_set_iam_as_outputs(o, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_iam_as_outputs(o), 1);

	ck_assert_int_eq(ddbgt_operations_kms_key_policies(o), 0);
	ck_assert_int_eq(ddbgt_operations_set_kms_key_policies(o, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_kms_key_policies(o, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_kms_key_policies(o), 1);

	/* Endpoints: sorted by region; a second set replaces the VPC and keeps the route tables. */
	ck_assert_int_eq(ddbgt_operations_add_vpc_route_table(o, "us-east-1", "rtb-1"),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint_restricted(o, "us-east-1", 0),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint(o, "us-east-1", "vpc-a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint(o, "eu-west-1", "vpc-b"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_add_vpc_route_table(o, "us-east-1", "rtb-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint(o, "us-east-1", "vpc-c"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint(o, "us-east-1", "\xff"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint_restricted(o, "eu-west-1", -1),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint_restricted(o, "eu-west-1", 0), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_operations_vpc_endpoint_count(o), 2);
	ck_assert_str_eq(ddbgt_operations_vpc_endpoint_region(o, 0), "eu-west-1");
	ck_assert_str_eq(ddbgt_operations_vpc_endpoint_region(o, 1), "us-east-1");
	ck_assert_str_eq(ddbgt_operations_vpc_endpoint_vpc_id(o, 1), "vpc-c");
	ck_assert_uint_eq(ddbgt_operations_vpc_route_table_count(o, 1), 1);
	ck_assert_str_eq(ddbgt_operations_vpc_route_table_at(o, 1, 0), "rtb-1");
	ck_assert_ptr_null(ddbgt_operations_vpc_route_table_at(o, 1, 1));
	ck_assert_int_eq(ddbgt_operations_vpc_endpoint_restricted(o, 1), 1);
	ck_assert_int_eq(ddbgt_operations_vpc_endpoint_restricted(o, 0), 0);
	ck_assert_ptr_null(ddbgt_operations_vpc_endpoint_vpc_id(o, 2));
	ck_assert_uint_eq(ddbgt_operations_vpc_route_table_count(o, 2), 0);
	ck_assert_int_eq(ddbgt_operations_remove_vpc_endpoint(o, "ap-south-1"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_operations_set_vpc_endpoint(o, "ap-south-1", "vpc-d"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_remove_vpc_endpoint(o, "ap-south-1"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_operations_vpc_endpoint_count(o), 2);

	/* A copy of the table has its own operations, deep. */
	ddbgt_table *c = NULL;
	ck_assert_int_eq(ddbgt_table_copy(&c, t), DDBGT_OK);
	ck_assert_ptr_ne(ddbgt_table_operations(c), o);
	ck_assert_int_eq(ddbgt_operations_clear_iam_regions(o), DDBGT_OK);
	ck_assert_int_eq(ddbgt_operations_clear_iam_indexes(o), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_operations_iam_region_count(o), 0);
	ck_assert_str_eq(ddbgt_operations_iam_region_at(ddbgt_table_operations(c), 0), "eu-west-1");
	ck_assert_str_eq(ddbgt_operations_sns_topic_arn(ddbgt_table_operations(c), 0), "arn:c");
	ck_assert_int_eq(ddbgt_operations_iam_as_outputs(ddbgt_table_operations(c)), 1);
	ck_assert_int_eq(ddbgt_operations_remove_vpc_endpoint(o, "us-east-1"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_operations_vpc_route_table_at(ddbgt_table_operations(c), 1, 0),
	                 "rtb-1");
	ddbgt_table_free(c);
	ddbgt_table_free(t);
}
END_TEST

/* Documents, and what the dumper writes back for them. */
static const struct round_trip {
	const char *operations;
	const char *dumped; /* the "operations" member of the compact dump, or "" for none */
} round_trips[] = {
	{"{\"alarms\": true}", "\"operations\":{\"alarms\":true}"},
	{"{\"alarms\": false, \"dashboard\": false}",
	 "\"operations\":{\"alarms\":false,\"dashboard\":false}"},
	/* An object of no settings is the same as true. */
	{"{\"alarms\": {}}", "\"operations\":{\"alarms\":true}"},
	{"{\"alarms\": {\"enabled\": false, \"throttles\": false}}",
	 "\"operations\":{\"alarms\":{\"enabled\":false,\"throttles\":false}}"},
	{"{\"alarms\": {\"sns_topics\": {\"us-east-1\": \"t\"}, \"utilization_percent\": 70, "
	 "\"replication_latency_ms\": 1000, \"system_errors\": true, \"period_seconds\": 120, "
	 "\"evaluation_periods\": 2}}",
	 "\"operations\":{\"alarms\":{\"replication_latency_ms\":1000,\"evaluation_periods\":2,"
	 "\"period_seconds\":120,\"system_errors\":true,\"utilization_percent\":70,"
	 "\"sns_topics\":{\"us-east-1\":\"t\"}}}"},
	/* Policies in canonical order, a name given twice asks once. */
	{"{\"iam\": {\"as_outputs\": true, \"indexes\": [\"i\"], \"policies\": [\"deployer\", "
	 "\"read\", \"deployer\"], \"regions\": [\"eu-west-1\"]}}",
	 "\"operations\":{\"iam\":{\"policies\":[\"read\",\"deployer\"],\"regions\":[\"eu-west-1\"],"
	 "\"indexes\":[\"i\"],\"as_outputs\":true}}"},
	{"{\"iam\": {\"policies\": []}}", ""},
	/* Endpoints sorted by region; the route tables kept in order. */
	{"{\"vpc_endpoints\": {\"us-east-1\": {\"route_table_ids\": [\"rtb-0000000b\", \"rtb-0000000a\"], "
	 "\"vpc_id\": \"vpc-0a1b2c3d\"}, \"eu-west-1\": {\"vpc_id\": \"vpc-0b1b2c3d\", "
	 "\"restrict_to_table\": false}}}",
	 "\"operations\":{\"vpc_endpoints\":{\"eu-west-1\":{\"vpc_id\":\"vpc-0b1b2c3d\","
	 "\"restrict_to_table\":false},\"us-east-1\":{\"vpc_id\":\"vpc-0a1b2c3d\","
	 "\"route_table_ids\":[\"rtb-0000000b\",\"rtb-0000000a\"]}}}"},
	{"{\"kms_key_policies\": false, \"dashboard\": true}",
	 "\"operations\":{\"dashboard\":true,\"kms_key_policies\":false}"},
	{"{}", ""},
};

START_TEST(load_and_dump)
{
	const struct round_trip *r = &round_trips[_i];
	char *text = spec("", TWO, r->operations);
	ddbgt_table *t = load_text(text, NULL);
	char *out = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&out, t, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
	const char *at = strstr(out, "\"operations\"");
	if (r->dumped[0] == '\0') {
		ck_assert_msg(at == NULL, "%s dumped operations: %s", r->operations, out);
	} else {
		ck_assert_msg(at != NULL, "%s lost its operations: %s", r->operations, out);
		ck_assert_msg(strncmp(at, r->dumped, strlen(r->dumped)) == 0 &&
		              strcmp(at + strlen(r->dumped), "}\n") == 0,
		              "%s dumped as %s", r->operations, at);
	}
	/* The dump is canonical: it loads and dumps to the same bytes. */
	ddbgt_table *again = load_text(out, NULL);
	char *out2 = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&out2, again, DDBGT_SPEC_DUMP_COMPACT), DDBGT_OK);
	ck_assert_str_eq(out, out2);
	/* The reloaded dump is the same model: it emits the same bytes (a fuzzer found it did not). */
	char *tf = NULL, *tf2 = NULL;
	if (ddbgt_emit_string(&tf, t, NULL, NULL) == DDBGT_OK) {
		ck_assert_int_eq(ddbgt_emit_string(&tf2, again, NULL, NULL), DDBGT_OK);
		ck_assert_str_eq(tf, tf2);
	}
	ddbgt_free(tf);
	ddbgt_free(tf2);
	ddbgt_free(out2);
	ddbgt_free(out);
	ddbgt_table_free(again);
	ddbgt_table_free(t);
	free(text);
}
END_TEST

static const struct refusal {
	const char *operations;
	const char *findings; /* CODE@path, space separated */
} refusals[] = {
	{"[]", "DDBGT_E_SPEC_TYPE@/operations"},
	{"{\"alarms\": 1}", "DDBGT_E_SPEC_TYPE@/operations/alarms"},
	{"{\"alarm\": true}", "DDBGT_E_SPEC_UNKNOWN_KEY@/operations/alarm"},
	{"{\"alarms\": {\"threshold\": 1}}", "DDBGT_E_SPEC_UNKNOWN_KEY@/operations/alarms/threshold"},
	{"{\"alarms\": {\"period_seconds\": 60.5}}",
	 "DDBGT_E_SPEC_TYPE@/operations/alarms/period_seconds"},
	{"{\"alarms\": {\"sns_topics\": {\"us-east-1\": 3}}}",
	 "DDBGT_E_SPEC_TYPE@/operations/alarms/sns_topics/us-east-1"},
	{"{\"dashboard\": \"yes\"}", "DDBGT_E_SPEC_TYPE@/operations/dashboard"},
	{"{\"iam\": {}}", "DDBGT_E_SPEC_MISSING_KEY@/operations/iam/policies"},
	{"{\"iam\": {\"policies\": [\"admin\", 4]}}",
	 "DDBGT_E_SPEC_ENUM@/operations/iam/policies/0 DDBGT_E_SPEC_TYPE@/operations/iam/policies/1"},
	{"{\"iam\": {\"policies\": \"read\"}}", "DDBGT_E_SPEC_TYPE@/operations/iam/policies"},
	{"{\"iam\": {\"policies\": [], \"regions\": \"eu-west-1\"}}",
	 "DDBGT_E_SPEC_TYPE@/operations/iam/regions"},
	{"{\"vpc_endpoints\": []}", "DDBGT_E_SPEC_TYPE@/operations/vpc_endpoints"},
	{"{\"vpc_endpoints\": {\"us-east-1\": {\"route_table_ids\": [\"rtb-1\"]}}}",
	 "DDBGT_E_SPEC_MISSING_KEY@/operations/vpc_endpoints/us-east-1/vpc_id"},
	{"{\"vpc_endpoints\": {\"us-east-1\": \"vpc-1\"}}",
	 "DDBGT_E_SPEC_TYPE@/operations/vpc_endpoints/us-east-1"},
	{"{\"vpc_endpoints\": {\"a/b\": {\"vpc_id\": \"v\", \"route\": 1}}}",
	 "DDBGT_E_SPEC_UNKNOWN_KEY@/operations/vpc_endpoints/a~1b/route"},
};

START_TEST(loader_refusals)
{
	const struct refusal *r = &refusals[_i];
	char *text = spec("", TWO, r->operations);
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	char got[512];
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ck_assert_int_eq(ddbgt_spec_load_string(&t, text, strlen(text), 0, d), DDBGT_ESPEC);
	ck_assert_ptr_null(t);
	findings_of(d, got, sizeof got, 0);
	ck_assert_str_eq(got, r->findings);
	/* Positions point into the document. */
	ck_assert_int_gt(ddbgt_diags_line(d, 0), 0);
	ddbgt_diags_free(d);
	free(text);
}
END_TEST

static const struct rule_case {
	const char *table_extra;
	const char *replicas;
	const char *operations;
	const char *findings; /* of codes 400-499 */
} rule_cases[] = {
	{"", TWO,
	 "{\"alarms\": {\"period_seconds\": 45, \"evaluation_periods\": 0, "
	 "\"replication_latency_ms\": 0, \"utilization_percent\": 101, \"sns_topics\": "
	 "{\"us-east-1\": \"arn:aws:sns:eu-west-1:111122223333:ops\", \"eu-west-1\": \"ops\", "
	 "\"ap-south-1\": \"arn:aws:sns:ap-south-1:111122223333:ops\"}}}",
	 "DDBGT_E_OPS_ALARM_SETTING_RANGE@/operations/alarms/period_seconds "
	 "DDBGT_E_OPS_ALARM_SETTING_RANGE@/operations/alarms/evaluation_periods "
	 "DDBGT_E_OPS_ALARM_SETTING_RANGE@/operations/alarms/replication_latency_ms "
	 "DDBGT_E_OPS_ALARM_SETTING_RANGE@/operations/alarms/utilization_percent "
	 "DDBGT_E_OPS_REGION_NOT_REPLICA@/operations/alarms/sns_topics/ap-south-1 "
	 "DDBGT_E_OPS_SNS_TOPIC_ARN@/operations/alarms/sns_topics/eu-west-1 "
	 "DDBGT_E_OPS_SNS_TOPIC_REGION@/operations/alarms/sns_topics/us-east-1"},
	/* A topic of another partition, and one day as the whole window. */
	{"", TWO,
	 "{\"alarms\": {\"period_seconds\": 3600, \"evaluation_periods\": 25, \"sns_topics\": "
	 "{\"us-east-1\": \"arn:aws-cn:sns:us-east-1:111122223333:ops\", "
	 "\"eu-west-1\": \"arn:aws:sns:eu-west-1:111122223333:ops.fifo\"}}}",
	 "DDBGT_E_OPS_ALARM_SETTING_RANGE@/operations/alarms/evaluation_periods "
	 "DDBGT_E_OPS_SNS_TOPIC_REGION@/operations/alarms/sns_topics/us-east-1"},
	{"", TWO, "{\"alarms\": {\"utilization_percent\": 80}}",
	 "DDBGT_W_OPS_UTILIZATION_ON_DEMAND@/operations/alarms/utilization_percent "
	 "DDBGT_I_OPS_ALARMS_NO_TOPIC@/operations/alarms "
	 "DDBGT_I_OPS_ALARMS_NO_TOPIC@/operations/alarms"},
	{"", "{\"region\": \"us-east-1\"}, {\"region\": \"us-east-2\"}, {\"region\": \"us-west-2\"}",
	 "{\"alarms\": false, \"iam\": {\"policies\": [\"read\"], \"regions\": [\"eu-west-1\"], "
	 "\"indexes\": [\"nope\"]}}",
	 "DDBGT_E_OPS_REGION_NOT_REPLICA@/operations/iam/regions/0 "
	 "DDBGT_E_OPS_INDEX_UNKNOWN@/operations/iam/indexes/0"},
	/* MRSC publishes no ReplicationLatency: the validator says why it is not emitted. */
	{", \"consistency\": \"STRONG\"",
	 "{\"region\": \"us-east-1\"}, {\"region\": \"us-east-2\"}, {\"region\": \"us-west-2\"}",
	 "{\"alarms\": {\"sns_topics\": {\"us-east-1\": \"arn:aws:sns:us-east-1:111122223333:a\", "
	 "\"us-east-2\": \"arn:aws:sns:us-east-2:111122223333:a\", "
	 "\"us-west-2\": \"arn:aws:sns:us-west-2:111122223333:a\"}}}",
	 "DDBGT_I_OPS_NO_REPLICATION_METRIC@/operations/alarms"},
	{"", TWO,
	 "{\"vpc_endpoints\": {\"eu-west-1\": {\"vpc_id\": \"vpc-0A1B2C3D\", "
	 "\"route_table_ids\": [\"rtb-0a1b2c3d\", \"rtb-1\"]}, \"ap-south-1\": "
	 "{\"vpc_id\": \"vpc-0a1b2c3d4e5f60718\"}}}",
	 "DDBGT_E_OPS_REGION_NOT_REPLICA@/operations/vpc_endpoints/ap-south-1 "
	 "DDBGT_W_OPS_VPC_NO_ROUTE_TABLES@/operations/vpc_endpoints/ap-south-1 "
	 "DDBGT_E_OPS_VPC_ID@/operations/vpc_endpoints/eu-west-1/vpc_id "
	 "DDBGT_E_OPS_VPC_ID@/operations/vpc_endpoints/eu-west-1/route_table_ids/1"},
	{", \"stream\": {\"enabled\": false}", TWO,
	 "{\"iam\": {\"policies\": [\"stream_consumer\"]}}",
	 "DDBGT_W_OPS_STREAM_CONSUMER_NO_STREAM@/operations/iam/policies"},
};

START_TEST(validation_rules)
{
	const struct rule_case *r = &rule_cases[_i];
	char *text = spec(r->table_extra, r->replicas, r->operations);
	ddbgt_table *t = load_text(text, NULL);
	ddbgt_diags *d = NULL;
	char got[2048];
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ddbgt_table_validate(t, NULL, d);
	findings_of(d, got, sizeof got, 400);
	ck_assert_str_eq(got, r->findings);
	for (size_t i = 0; i < ddbgt_diags_count(d); i++)
		ck_assert_ptr_nonnull(ddbgt_code_summary(ddbgt_diags_code(d, i)));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
	free(text);
}
END_TEST

static char *emit(const ddbgt_table *t, ddbgt_emit_target target, ddbgt_diags *d)
{
	ddbgt_emit_options o;
	char *out = NULL;
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	o.target = target;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_OK);
	return out;
}

/* Replace each "${...}" (the account, read from the table's ARN) by an account number. */
static char *resolve(const char *doc)
{
	char *s = malloc(strlen(doc) + 1), *p = s;
	while (*doc) {
		if (doc[0] == '$' && doc[1] == '{') {
			const char *end = strchr(doc, '}');
			ck_assert_ptr_nonnull(end);
			ck_assert_msg(strstr(doc, "${split(\":\", aws_dynamodb_table.") == doc,
			              "an unexpected expression in a policy: %.60s", doc);
			memcpy(p, "111122223333", 12);
			p += 12;
			doc = end + 1;
		} else {
			*p++ = *doc++;
		}
	}
	*p = '\0';
	return s;
}

static int is_string_in(const json_t *array, const char *s)
{
	size_t i;
	json_t *v;
	json_array_foreach(array, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return 1;
	return 0;
}

/*
 * One IAM document as IAM reads it: Version, Statements with Effect, Action
 * and Resource; no "*" resource but for actions that take none; every ARN in
 * partition aws, every DynamoDB ARN this table's, in one of regions.
 */
static void check_policy(const char *text, const char *table, const char *const *regions,
                         size_t nregions, int *saw_index_star)
{
	char *resolved = resolve(text);
	json_error_t err;
	json_t *doc = json_loads(resolved, 0, &err);
	ck_assert_msg(doc != NULL, "not JSON: %s: %s", err.text, resolved);
	ck_assert_str_eq(json_string_value(json_object_get(doc, "Version")), "2012-10-17");
	json_t *statements = json_object_get(doc, "Statement");
	ck_assert(json_is_array(statements) && json_array_size(statements) > 0);
	size_t i, k;
	json_t *st, *v;
	json_array_foreach(statements, i, st) {
		ck_assert_str_eq(json_string_value(json_object_get(st, "Effect")), "Allow");
		json_t *actions = json_object_get(st, "Action");
		json_t *resources = json_object_get(st, "Resource");
		ck_assert(json_is_array(actions) && json_array_size(actions) > 0);
		ck_assert(json_is_array(resources) && json_array_size(resources) > 0);
		json_array_foreach(actions, k, v) {
			const char *a = json_string_value(v);
			ck_assert_ptr_nonnull(a);
			ck_assert_msg(strchr(a, ':') && !strchr(a, ' '), "action %s", a);
			if (is_string_in(resources, "*"))
				ck_assert_msg(strncmp(a, "application-autoscaling:Describe", 32) == 0,
				              "%s is granted on \"*\"", a);
		}
		json_array_foreach(resources, k, v) {
			const char *r = json_string_value(v);
			ck_assert_ptr_nonnull(r);
			if (strcmp(r, "*") == 0)
				continue;
			ck_assert_msg(strncmp(r, "arn:aws:", 8) == 0, "%s is not in partition aws", r);
			if (strncmp(r, "arn:aws:dynamodb:", 17) != 0)
				continue;
			char want[300];
			int in_region = 0;
			for (size_t g = 0; g < nregions; g++) {
				snprintf(want, sizeof want, "arn:aws:dynamodb:%s:111122223333:table/%s",
				         regions[g], table);
				in_region |= strncmp(r, want, strlen(want)) == 0 &&
				             (r[strlen(want)] == '\0' || r[strlen(want)] == '/');
			}
			ck_assert_msg(in_region, "%s is not this table's in the policy's regions", r);
			if (strstr(r, "/index/*"))
				*saw_index_star = 1;
		}
	}
	json_decref(doc);
	free(resolved);
}

/* ap-southeast-2's key policy statements (resolved): DynamoDB in that region, for this account. */
static void check_key_statements(const char *text)
{
	json_t *array = json_loads(text, 0, NULL);
	ck_assert(json_is_array(array) && json_array_size(array) == 2);
	json_t *cond = json_object_get(json_object_get(json_array_get(array, 0), "Condition"),
	                               "StringEquals");
	ck_assert_str_eq(json_string_value(json_object_get(cond, "kms:ViaService")),
	                 "dynamodb.ap-southeast-2.amazonaws.com");
	ck_assert_str_eq(json_string_value(json_object_get(cond, "kms:CallerAccount")),
	                 "111122223333");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(
				 json_array_get(array, 1), "Principal"), "AWS")),
	                 "arn:aws:iam::111122223333:root");
	json_decref(array);
}

START_TEST(iam_documents_are_policy_documents)
{
	static const char *const all[] = {"us-east-1", "eu-west-1"};
	ddbgt_table *t = load_file("../examples/specs/operations.json");
	char *out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	json_t *doc = json_loads(out, 0, NULL);
	json_t *policies = json_object_get(json_object_get(doc, "resource"), "aws_iam_policy");
	ck_assert_uint_eq(json_object_size(policies), 4);
	const char *name;
	json_t *p;
	json_object_foreach(policies, name, p) {
		int star = 0;
		check_policy(json_string_value(json_object_get(p, "policy")), "orders", all, 2, &star);
		ck_assert_int_eq(star, strcmp(name, "orders_stream_consumer") != 0);
	}
	/* The endpoint policy lets this table's replica in the endpoint's region through, only. */
	static const char *const home[] = {"us-east-1"};
	json_t *endpoints = json_object_get(json_object_get(doc, "resource"), "aws_vpc_endpoint");
	json_t *restricted = json_object_get(endpoints, "orders_us_east_1_dynamodb");
	int star = 0;
	check_policy(json_string_value(json_object_get(restricted, "policy")), "orders", home, 1,
	             &star);
	ck_assert_int_eq(star, 1);
	ck_assert_str_eq(json_string_value(json_object_get(restricted, "service_name")),
	                 "com.amazonaws.us-east-1.dynamodb");
	ck_assert_ptr_null(json_object_get(json_object_get(endpoints, "orders_eu_west_1_dynamodb"),
	                                   "policy"));
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);

	/* As outputs, limited to two of three regions and to one index (but the deployer). */
	static const char *const limited[] = {"us-east-1", "eu-west-1"};
	static const char *const three[] = {"us-east-1", "eu-west-1", "ap-southeast-2"};
	t = load_file("data/emit/specs/operations-provisioned.json");
	out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	doc = json_loads(out, 0, NULL);
	ck_assert_ptr_null(json_object_get(json_object_get(doc, "resource"), "aws_iam_policy"));
	json_t *outputs = json_object_get(doc, "output");
	star = 0;
	check_policy(json_string_value(json_object_get(
			     json_object_get(outputs, "iam_policy_read_write"), "value")),
	             "inventory.ops", limited, 2, &star);
	ck_assert_int_eq(star, 0);
	check_policy(json_string_value(json_object_get(
			     json_object_get(outputs, "iam_policy_deployer"), "value")),
	             "inventory.ops", three, 3, &star);
	ck_assert_int_eq(star, 1);
	/* The deployer may use each replica's key, only through DynamoDB. */
	const char *deployer = json_string_value(
		json_object_get(json_object_get(outputs, "iam_policy_deployer"), "value"));
	ck_assert_ptr_nonnull(strstr(deployer, "key/4444dddd-4444-dddd-4444-dddd4444dddd"));
	ck_assert_ptr_nonnull(strstr(deployer, "\"kms:ViaService\":\"dynamodb.*\""));
	ck_assert_ptr_nonnull(strstr(deployer, "AWSServiceRoleForDynamoDBReplication"));
	/* Key policy statements per region: JSON arrays, DynamoDB in that region only. */
	json_t *keys = json_object_get(json_object_get(outputs, "kms_key_policy_statements"), "value");
	ck_assert_uint_eq(json_object_size(keys), 3);
	char *statements = resolve(json_string_value(json_object_get(keys, "ap-southeast-2")));
	check_key_statements(statements);
	free(statements);
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/* The alarm resources' labels of a document, joined by spaces. */
static void alarm_labels(const char *out, char *buf, size_t size)
{
	json_t *doc = json_loads(out, 0, NULL);
	json_t *alarms =
		json_object_get(json_object_get(doc, "resource"), "aws_cloudwatch_metric_alarm");
	const char *label;
	json_t *v;
	buf[0] = '\0';
	json_object_foreach(alarms, label, v) {
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", n ? " " : "", label);
	}
	json_decref(doc);
}

static size_t alarm_count(const char *out)
{
	json_t *doc = json_loads(out, 0, NULL);
	size_t n = json_object_size(
		json_object_get(json_object_get(doc, "resource"), "aws_cloudwatch_metric_alarm"));
	json_decref(doc);
	return n;
}

/* No two alarms of one region (provider) share a name: the second would overwrite the first. */
static void assert_alarm_names_unique(const char *out)
{
	json_t *doc = json_loads(out, 0, NULL);
	json_t *alarms =
		json_object_get(json_object_get(doc, "resource"), "aws_cloudwatch_metric_alarm");
	json_t *seen = json_object();
	const char *label;
	json_t *v;
	json_object_foreach(alarms, label, v) {
		const char *provider = json_string_value(json_object_get(v, "provider"));
		char key[600];
		snprintf(key, sizeof key, "%s %s", provider ? provider : "aws",
		         json_string_value(json_object_get(v, "alarm_name")));
		ck_assert_msg(json_object_get(seen, key) == NULL, "two alarms named %s", key);
		json_object_set_new(seen, key, json_true());
	}
	json_decref(seen);
	json_decref(doc);
}

START_TEST(alarms_follow_the_table_kind)
{
	char labels[4096];
	/* On demand: latency both ways, throttles, errors; no utilisation. */
	char *text = spec("", TWO, "{\"alarms\": true}");
	ddbgt_table *t = load_text(text, NULL);
	char *out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	alarm_labels(out, labels, sizeof labels);
	ck_assert_str_eq(labels,
	                 "orders_us_east_1_replication_latency_to_eu_west_1 "
	                 "orders_us_east_1_read_throttles orders_us_east_1_write_throttles "
	                 "orders_us_east_1_system_errors "
	                 "orders_eu_west_1_replication_latency_to_us_east_1 "
	                 "orders_eu_west_1_read_throttles orders_eu_west_1_write_throttles "
	                 "orders_eu_west_1_system_errors");
	ck_assert_ptr_nonnull(strstr(out, "\"ReceivingRegion\": \"eu-west-1\""));
	ddbgt_free(out);
	ddbgt_table_free(t);
	free(text);

	/* STRONG: no ReplicationLatency at all; throttles off leaves the errors. */
	text = spec(", \"consistency\": \"STRONG\"",
	            "{\"region\": \"us-east-1\"}, {\"region\": \"us-east-2\"}, "
	            "{\"region\": \"us-west-2\"}",
	            "{\"alarms\": {\"throttles\": false}, \"dashboard\": true}");
	t = load_text(text, NULL);
	out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	alarm_labels(out, labels, sizeof labels);
	ck_assert_str_eq(labels, "orders_us_east_1_system_errors orders_us_east_2_system_errors "
	                         "orders_us_west_2_system_errors");
	ck_assert_ptr_null(strstr(out, "ReplicationLatency"));
	ck_assert_ptr_nonnull(strstr(out, "aws_cloudwatch_dashboard"));
	ddbgt_free(out);
	ddbgt_table_free(t);
	free(text);

	/* PROVISIONED: utilisation of both sides, of the table and of each index, per region. */
	t = load_file("data/emit/specs/operations-provisioned.json");
	out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	alarm_labels(out, labels, sizeof labels);
	ck_assert_ptr_nonnull(strstr(labels, "inventory_ops_ap_southeast_2_read_utilization"));
	ck_assert_ptr_nonnull(strstr(labels, "inventory_ops_ap_southeast_2_by_status_write_utilization"));
	ck_assert_ptr_nonnull(strstr(labels, "inventory_ops_eu_west_1_by_sku_write_throttles"));
	ck_assert_ptr_nonnull(strstr(out, "100 * consumed / (provisioned * 300)"));
	/* 3 regions x (2 latency + 6 throttles + 1 errors + 6 utilisation). */
	ck_assert_uint_eq(alarm_count(out), 45);
	/* CloudWatch alarm names are unique in a region: the table's and each index's differ. */
	assert_alarm_names_unique(out);
	ddbgt_free(out);

	/* The legacy target writes none of it, and says so. */
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ddbgt_table *legacy = load_file("../examples/specs/legacy.json");
	ck_assert_int_eq(ddbgt_operations_set_alarms(ddbgt_table_operations_mut(legacy), 1),
	                 DDBGT_OK);
	out = emit(legacy, DDBGT_EMIT_TERRAFORM_LEGACY, d);
	ck_assert(ddbgt_diags_has(d, DDBGT_W_EMIT_OPS_NOT_EMITTED));
	ck_assert_ptr_null(strstr(out, "aws_cloudwatch"));
	ddbgt_free(out);
	ddbgt_diags_free(d);
	ddbgt_table_free(legacy);
	ddbgt_table_free(t);
}
END_TEST

/* ---- the CloudFormation target ---- */

/* s with ${AWS::Partition}, ${AWS::AccountId} and ${Table} substituted, as a deployment would. */
static char *cfn_sub(const char *s, const char *table)
{
	static const char *const vars[][2] = {
		{"${AWS::Partition}", "aws"}, {"${AWS::AccountId}", "111122223333"}, {"${Table}", NULL}};
	char *r = malloc(strlen(s) * 2 + 1024), *p = r;
	while (*s) {
		size_t k;
		for (k = 0; k < 3; k++)
			if (strncmp(s, vars[k][0], strlen(vars[k][0])) == 0)
				break;
		if (k < 3) {
			const char *v = vars[k][1] ? vars[k][1] : table;
			memcpy(p, v, strlen(v));
			p += strlen(v);
			s += strlen(vars[k][0]);
		} else {
			ck_assert_msg(!(s[0] == '$' && s[1] == '{') || s[2] == '!',
			              "an unexpected variable in an Fn::Sub: %.40s", s);
			*p++ = *s++;
		}
	}
	*p = '\0';
	return r;
}

/* v with every {"Fn::Sub": s} replaced by s substituted (a new reference). */
static json_t *cfn_resolve(json_t *v, const char *table)
{
	if (json_is_object(v) && json_object_size(v) == 1 && json_object_get(v, "Fn::Sub")) {
		char *text = cfn_sub(json_string_value(json_object_get(v, "Fn::Sub")), table);
		json_t *r = json_string(text);
		free(text);
		return r;
	}
	if (json_is_array(v)) {
		json_t *r = json_array();
		size_t i;
		json_t *item;
		json_array_foreach(v, i, item)
			json_array_append_new(r, cfn_resolve(item, table));
		return r;
	}
	if (json_is_object(v)) {
		json_t *r = json_object();
		const char *k;
		json_t *item;
		json_object_foreach(v, k, item)
			json_object_set_new(r, k, cfn_resolve(item, table));
		return r;
	}
	return json_incref(v);
}

/* A policy document of the template (an object, or an output's text) through check_policy. */
static void check_cfn_policy(json_t *doc, const char *table, const char *const *regions,
                             size_t nregions, int *saw_index_star)
{
	json_t *resolved = cfn_resolve(doc, table);
	char *text = json_is_string(resolved) ? strdup(json_string_value(resolved))
	                                      : json_dumps(resolved, JSON_COMPACT);
	check_policy(text, table, regions, nregions, saw_index_star);
	free(text);
	json_decref(resolved);
}

static size_t resources_of_type(json_t *template, const char *type)
{
	const char *id;
	json_t *r;
	size_t n = 0;
	json_object_foreach(json_object_get(template, "Resources"), id, r)
		n += strcmp(json_string_value(json_object_get(r, "Type")), type) == 0;
	return n;
}

START_TEST(cloudformation_holds_the_stack_region)
{
	static const char *const all[] = {"us-east-1", "eu-west-1"};
	ddbgt_diags *d = NULL;
	char found[1024];
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	ddbgt_table *t = load_file("../examples/specs/operations.json");
	char *out = emit(t, DDBGT_EMIT_CLOUDFORMATION, d);
	json_t *doc = json_loads(out, 0, NULL);
	ck_assert_ptr_nonnull(doc);

	/* The home region's 6 alarms only (the Terraform document has them in each region). */
	ck_assert_uint_eq(resources_of_type(doc, "AWS::CloudWatch::Alarm"), 6);
	char *tf = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	ck_assert_uint_eq(alarm_count(tf), 12);
	ddbgt_free(tf);
	ck_assert_uint_eq(resources_of_type(doc, "AWS::CloudWatch::Dashboard"), 1);
	ck_assert_uint_eq(resources_of_type(doc, "AWS::IAM::ManagedPolicy"), 4);
	ck_assert_uint_eq(resources_of_type(doc, "AWS::EC2::VPCEndpoint"), 1);
	findings_of(d, found, sizeof found, 0);
	ck_assert_str_eq(found, "DDBGT_W_EMIT_OPS_OTHER_REGION@/operations/alarms "
	                        "DDBGT_W_EMIT_OPS_OTHER_REGION@/operations/vpc_endpoints/eu-west-1");
	ck_assert_str_eq(ddbgt_diags_region(d, 0), "eu-west-1");
	ck_assert_ptr_null(strstr(out, "DDBGT_W_EMIT_OPS_NOT_EMITTED"));

	/* The stack must be deployed in the home region: the rule says so. */
	json_t *assert_ = json_object_get(json_array_get(json_object_get(json_object_get(
		json_object_get(doc, "Rules"), "StackRegion"), "Assertions"), 0), "Assert");
	json_t *equals = json_object_get(assert_, "Fn::Equals");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(equals, 0), "Ref")),
	                 "AWS::Region");
	ck_assert_str_eq(json_string_value(json_array_get(equals, 1)), "us-east-1");

	/* Alarms watch the template's table by reference; an index's alarm names its index. */
	json_t *res = json_object_get(doc, "Resources");
	json_t *gsi_alarm = json_object_get(json_object_get(res, "TableIndexByCustomerReadThrottlesAlarm"),
	                                    "Properties");
	json_t *dims = json_object_get(gsi_alarm, "Dimensions");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(json_array_get(dims, 0),
	                                                                   "Value"), "Ref")),
	                 "Table");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(dims, 1), "Value")),
	                 "by_customer");
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(gsi_alarm, "AlarmActions"), 0)),
	                 "arn:aws:sns:us-east-1:111122223333:ops");
	ck_assert_ptr_nonnull(json_object_get(res, "TableReplicationLatencyToEuWest1Alarm"));

	/* Every policy is a policy document of this table once deployed. */
	const char *id;
	json_t *r;
	json_object_foreach(res, id, r) {
		if (strcmp(json_string_value(json_object_get(r, "Type")), "AWS::IAM::ManagedPolicy"))
			continue;
		int star = 0;
		check_cfn_policy(json_object_get(json_object_get(r, "Properties"), "PolicyDocument"),
		                 "orders", all, 2, &star);
		ck_assert_int_eq(star, strcmp(id, "TableStreamConsumerPolicy") != 0);
	}
	static const char *const home[] = {"us-east-1"};
	int star = 0;
	check_cfn_policy(json_object_get(json_object_get(json_object_get(res, "TableVpcEndpoint"),
	                                                 "Properties"),
	                                 "PolicyDocument"),
	                 "orders", home, 1, &star);
	ck_assert_int_eq(star, 1);
	/* The dashboard's body is JSON once deployed, and names the table. */
	json_t *body = cfn_resolve(json_object_get(json_object_get(json_object_get(res, "TableDashboard"),
	                                                           "Properties"),
	                                           "DashboardBody"),
	                           "orders");
	json_t *dashboard = json_loads(json_string_value(body), 0, NULL);
	ck_assert_uint_eq(json_array_size(json_object_get(dashboard, "widgets")), 8);
	json_decref(dashboard);
	json_decref(body);
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
	ddbgt_diags_free(d);

	/* IAM as outputs, key statements per region, utilisation of the table and its indexes. */
	static const char *const three[] = {"us-east-1", "eu-west-1", "ap-southeast-2"};
	t = load_file("data/emit/specs/operations-provisioned.json");
	out = emit(t, DDBGT_EMIT_CLOUDFORMATION, NULL);
	doc = json_loads(out, 0, NULL);
	ck_assert_uint_eq(resources_of_type(doc, "AWS::IAM::ManagedPolicy"), 0);
	ck_assert_uint_eq(resources_of_type(doc, "AWS::CloudWatch::Alarm"), 15);
	ck_assert_ptr_nonnull(json_object_get(json_object_get(doc, "Resources"),
	                                      "TableIndexByStatusWriteUtilizationAlarm"));
	json_t *outputs = json_object_get(doc, "Outputs");
	star = 0;
	check_cfn_policy(json_object_get(json_object_get(outputs, "IamPolicyDeployer"), "Value"),
	                 "inventory.ops", three, 3, &star);
	ck_assert_int_eq(star, 1);
	json_t *keys = cfn_resolve(json_object_get(json_object_get(
						   outputs, "KmsKeyPolicyStatementsApSoutheast2"), "Value"),
	                           "inventory.ops");
	check_key_statements(json_string_value(keys));
	json_decref(keys);
	json_decref(doc);
	ddbgt_free(out);

	/* The logical IDs start with the resource name: one too long for them is refused. */
	ddbgt_emit_options o;
	char name[200];
	memset(name, 'T', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	o.target = DDBGT_EMIT_CLOUDFORMATION;
	o.resource_name = name;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	out = NULL;
	ck_assert_int_ne(ddbgt_emit_string(&out, t, &o, d), DDBGT_OK);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_OPTION));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
}
END_TEST

/* The other regions' part: one companion template per region, for a stack there. */
START_TEST(cloudformation_companion_per_region)
{
	static const char *const regions[] = {"eu-west-1", "ap-southeast-2"};
	ddbgt_table *t = load_file("data/emit/specs/operations-provisioned.json");
	ddbgt_emit_options o;
	ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	o.target = DDBGT_EMIT_CLOUDFORMATION;
	for (size_t k = 0; k < 2; k++) {
		char *out = NULL;
		ddbgt_diags *d = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		o.stack_region = regions[k];
		ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_OK);
		ck_assert_uint_eq(ddbgt_diags_count(d), 0);
		json_t *doc = json_loads(out, 0, NULL);
		/* The region's alarms, as many as the Terraform document gives it; no table. */
		ck_assert_uint_eq(resources_of_type(doc, "AWS::CloudWatch::Alarm"), 15);
		ck_assert_uint_eq(json_object_size(json_object_get(doc, "Resources")), 15);
		ck_assert_ptr_null(json_object_get(doc, "Outputs"));
		json_t *equals = json_object_get(json_object_get(json_array_get(json_object_get(
			json_object_get(json_object_get(doc, "Rules"), "StackRegion"), "Assertions"), 0),
			"Assert"), "Fn::Equals");
		ck_assert_str_eq(json_string_value(json_array_get(equals, 1)), regions[k]);
		/* The table is named by its name: the companion has no table to refer to. */
		json_t *dims = json_object_get(json_object_get(json_object_get(json_object_get(
			doc, "Resources"), "TableReadThrottlesAlarm"), "Properties"), "Dimensions");
		ck_assert_str_eq(json_string_value(json_object_get(json_array_get(dims, 0), "Value")),
		                 "inventory.ops");
		ck_assert_ptr_null(strstr(out, "\"Ref\": \"Table\""));
		json_decref(doc);
		ddbgt_free(out);
		ddbgt_diags_free(d);
	}
	char *tf = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	ck_assert_uint_eq(alarm_count(tf), 45);
	ddbgt_free(tf);

	/* Refused: a region without a replica, and another target. */
	static const struct {
		int target;
		const char *region;
	} refused[] = {{DDBGT_EMIT_CLOUDFORMATION, "us-west-2"}, {DDBGT_EMIT_TERRAFORM, "eu-west-1"}};
	for (size_t k = 0; k < 2; k++) {
		char *out = NULL;
		ddbgt_diags *d = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		o.target = refused[k].target;
		o.stack_region = refused[k].region;
		ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, d), DDBGT_EINVAL);
		ck_assert_ptr_null(out);
		ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_OPTION));
		ddbgt_diags_free(d);
	}
	ddbgt_table_free(t);

	/* A region with nothing of its own to deploy has no companion. */
	char *text = spec("", TWO, "{\"iam\": {\"policies\": [\"read\"]}}");
	t = load_text(text, NULL);
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	char *out = NULL;
	o.target = DDBGT_EMIT_CLOUDFORMATION;
	o.stack_region = "eu-west-1";
	ck_assert_int_ne(ddbgt_emit_string(&out, t, &o, d), DDBGT_OK);
	ck_assert_ptr_null(out);
	ck_assert(ddbgt_diags_has(d, DDBGT_E_EMIT_OPTION));
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
	free(text);

	/* A companion's endpoint policy names the table's replica in its region. */
	static const char *const central[] = {"eu-central-1"};
	t = load_file("data/cloudformation/specs/operations-kms-aliases.json");
	o.stack_region = "eu-central-1";
	o.parameters = 1;
	ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, NULL), DDBGT_OK);
	json_t *doc = json_loads(out, 0, NULL);
	json_t *policy = json_object_get(json_object_get(json_object_get(json_object_get(
		doc, "Resources"), "TableVpcEndpoint"), "Properties"), "PolicyDocument");
	/* ${TableNamePrefix} left empty, as deployed without the parameter. */
	char *dumped = json_dumps(policy, JSON_COMPACT);
	char *plain = malloc(strlen(dumped) + 1), *p = plain;
	for (const char *q = dumped; *q;) {
		if (strncmp(q, "${TableNamePrefix}", 18) == 0)
			q += 18;
		else
			*p++ = *q++;
	}
	*p = '\0';
	json_t *resolved = json_loads(plain, 0, NULL);
	int star = 0;
	check_cfn_policy(resolved, "keys2", central, 1, &star);
	ck_assert_int_eq(star, 1);
	json_decref(resolved);
	free(plain);
	free(dumped);
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/* In Terraform too, a key given as an alias ARN is granted by its alias, not named as one. */
START_TEST(terraform_grants_alias_arn_keys_by_alias)
{
	static const char *const both[] = {"us-east-1", "eu-west-1"};
	char *text = spec(", \"encryption\": \"CUSTOMER_MANAGED\"",
	                  "{\"region\": \"us-east-1\", \"kms_key\": "
	                  "\"arn:aws:kms:us-east-1:111122223333:alias/orders\"}, "
	                  "{\"region\": \"eu-west-1\", \"kms_key\": "
	                  "\"arn:aws:kms:eu-west-1:111122223333:key/"
	                  "1111aaaa-1111-aaaa-1111-aaaa1111aaaa\"}",
	                  "{\"iam\": {\"policies\": [\"deployer\"]}}");
	ddbgt_table *t = load_text(text, NULL);
	char *out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	json_t *doc = json_loads(out, 0, NULL);
	const char *policy = json_string_value(json_object_get(
		json_object_get(json_object_get(json_object_get(doc, "resource"), "aws_iam_policy"),
	                        "orders_deployer"),
		"policy"));
	int star = 0;
	check_policy(policy, "orders", both, 2, &star);
	char *resolved = resolve(policy);
	json_t *rdoc = json_loads(resolved, 0, NULL);
	json_t *st = json_object_get(rdoc, "Statement");
	json_t *by_key = json_array_get(st, json_array_size(st) - 2);
	json_t *by_alias = json_array_get(st, json_array_size(st) - 1);
	ck_assert_uint_eq(json_array_size(json_object_get(by_key, "Resource")), 1);
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(by_key, "Resource"), 0)),
	                 "arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-1111-aaaa-1111-aaaa1111aaaa");
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(by_alias, "Resource"), 0)),
	                 "arn:aws:kms:us-east-1:111122223333:key/*");
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(json_object_get(
				 json_object_get(by_alias, "Condition"), "ForAnyValue:StringEquals"),
	                                                                  "kms:ResourceAliases"),
	                                                  0)),
	                 "alias/orders");
	ck_assert_ptr_null(strstr(policy, ":alias/orders\""));
	json_decref(rdoc);
	json_decref(doc);
	free(resolved);
	ddbgt_free(out);
	ddbgt_table_free(t);
	free(text);
}
END_TEST

/* A key given by alias cannot be a Resource: the template grants it by its alias. */
START_TEST(cloudformation_grants_alias_keys_by_alias)
{
	ddbgt_table *t = load_file("data/cloudformation/specs/operations-kms-aliases.json");
	char *out = emit(t, DDBGT_EMIT_CLOUDFORMATION, NULL);
	json_t *doc = json_loads(out, 0, NULL);
	json_t *deployer = cfn_resolve(
		json_object_get(json_object_get(json_object_get(json_object_get(doc, "Resources"),
	                                                        "TableDeployerPolicy"),
	                                        "Properties"),
	                        "PolicyDocument"),
		"keys2");
	json_t *st = json_object_get(deployer, "Statement");
	json_t *by_key = json_array_get(st, json_array_size(st) - 2);
	json_t *by_alias = json_array_get(st, json_array_size(st) - 1);
	ck_assert_str_eq(json_string_value(json_object_get(by_key, "Sid")), "ReplicaKeys");
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(by_key, "Resource"), 0)),
	                 "arn:aws:kms:eu-central-1:111122223333:key/"
	                 "mrk-1234abcd12ab34cd56ef1234567890ab");
	ck_assert_uint_eq(json_array_size(json_object_get(by_key, "Resource")), 2);
	ck_assert_str_eq(json_string_value(json_object_get(by_alias, "Sid")), "ReplicaKeysByAlias");
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(by_alias, "Resource"), 0)),
	                 "arn:aws:kms:eu-west-1:111122223333:key/*");
	json_t *aliases = json_object_get(json_object_get(json_object_get(by_alias, "Condition"),
	                                                  "ForAnyValue:StringEquals"),
	                                  "kms:ResourceAliases");
	ck_assert_str_eq(json_string_value(json_array_get(aliases, 0)), "alias/keys-table");
	ck_assert_ptr_nonnull(strstr(out, "\"kms:ViaService\": \"dynamodb.*\""));
	/* Throttle alarms off, STRONG not: latency to the two others and the errors, home only. */
	ck_assert_uint_eq(resources_of_type(doc, "AWS::CloudWatch::Alarm"), 3);
	json_decref(deployer);
	json_decref(doc);
	ddbgt_free(out);
	ddbgt_table_free(t);
}
END_TEST

/*
 * The metrics an alarm of a document references: 1 when it names one
 * (single), else each of its queries (in queries) that reads a metric (stat).
 */
static double alarm_metrics(const json_t *alarm, const char *single, const char *queries,
                            const char *stat)
{
	if (json_object_get(alarm, single))
		return 1;
	double n = 0;
	size_t i;
	json_t *q;
	json_array_foreach(json_object_get(alarm, queries), i, q)
		n += json_object_get(q, stat) != NULL;
	return n;
}

/* The alarm metric-months the report bills in region. */
static double billed_metrics(const ddbgt_cost_report *r, const char *region)
{
	double billed = 0;
	for (size_t i = 0; i < ddbgt_cost_report_line_count(r); i++)
		if (strcmp(ddbgt_cost_line_region(r, i), region) == 0 &&
		    ddbgt_cost_line_item(r, i) == DDBGT_PRICE_CLOUDWATCH_ALARM_METRICS)
			billed += ddbgt_cost_line_quantity(r, i);
	return billed;
}

/*
 * The estimate bills exactly the alarms the Terraform document holds: for
 * each region, the metrics its alarms reference (1 for a metric alarm, one
 * per metric query of a metric math alarm), counted in the document, equal
 * the cost report's alarm metric-months; the dashboard is billed once.
 */
static void alarms_billed_as_written(const ddbgt_table *t)
{
	char *out = emit(t, DDBGT_EMIT_TERRAFORM, NULL);
	json_t *doc = json_loads(out, 0, NULL);
	json_t *res = json_object_get(doc, "resource");
	json_t *alarms = json_object_get(res, "aws_cloudwatch_metric_alarm");
	ddbgt_cost_report *r = NULL;
	ck_assert_int_eq(ddbgt_cost_estimate(&r, t, NULL, NULL), DDBGT_OK);
	size_t checked = 0;
	for (size_t k = 0; k < ddbgt_cost_report_region_count(r); k++) {
		const char *region = ddbgt_cost_report_region_at(r, k);
		char infix[64];
		snprintf(infix, sizeof infix, "-%s-", region);
		double metrics = 0, billed = billed_metrics(r, region);
		const char *label;
		json_t *a;
		json_object_foreach(alarms, label, a)
			if (strstr(json_string_value(json_object_get(a, "alarm_name")), infix))
				metrics += alarm_metrics(a, "metric_name", "metric_query", "metric");
		ck_assert_msg(metrics == billed, "%s: %g alarm metrics written, %g billed", region,
		              metrics, billed);
		checked += metrics > 0;
	}
	ck_assert_uint_eq(checked, ddbgt_cost_report_region_count(r));
	double dashboards = 0;
	for (size_t i = 0; i < ddbgt_cost_report_line_count(r); i++)
		if (ddbgt_cost_line_item(r, i) == DDBGT_PRICE_CLOUDWATCH_DASHBOARDS)
			dashboards += ddbgt_cost_line_quantity(r, i);
	ck_assert(dashboards == (double)json_object_size(json_object_get(res,
	                                                   "aws_cloudwatch_dashboard")));
	ddbgt_cost_report_free(r);
	json_decref(doc);
	ddbgt_free(out);
}

/* The same for CloudFormation: the home region's template and each companion template. */
static void cfn_alarms_billed_as_written(const ddbgt_table *t)
{
	ddbgt_cost_report *r = NULL;
	ck_assert_int_eq(ddbgt_cost_estimate(&r, t, NULL, NULL), DDBGT_OK);
	double dashboards = 0;
	for (size_t k = 0; k < ddbgt_cost_report_region_count(r); k++) {
		const char *region = ddbgt_cost_report_region_at(r, k);
		ddbgt_emit_options o;
		char *out = NULL;
		ck_assert_int_eq(ddbgt_emit_options_init(&o, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
		o.target = DDBGT_EMIT_CLOUDFORMATION;
		o.stack_region = region;
		ck_assert_int_eq(ddbgt_emit_string(&out, t, &o, NULL), DDBGT_OK);
		json_t *doc = json_loads(out, 0, NULL);
		ck_assert_ptr_nonnull(doc);
		double metrics = 0, billed = billed_metrics(r, region);
		const char *id;
		json_t *res;
		json_object_foreach(json_object_get(doc, "Resources"), id, res) {
			const char *type = json_string_value(json_object_get(res, "Type"));
			if (strcmp(type, "AWS::CloudWatch::Dashboard") == 0)
				dashboards++;
			if (strcmp(type, "AWS::CloudWatch::Alarm") == 0)
				metrics += alarm_metrics(json_object_get(res, "Properties"), "MetricName",
				                         "Metrics", "MetricStat");
		}
		ck_assert_msg(metrics > 0 && metrics == billed,
		              "%s: %g alarm metrics in the template, %g billed", region, metrics, billed);
		json_decref(doc);
		ddbgt_free(out);
	}
	for (size_t i = 0; i < ddbgt_cost_report_line_count(r); i++)
		if (ddbgt_cost_line_item(r, i) == DDBGT_PRICE_CLOUDWATCH_DASHBOARDS)
			dashboards -= ddbgt_cost_line_quantity(r, i);
	ck_assert(dashboards == 0);
	ddbgt_cost_report_free(r);
}

START_TEST(alarms_are_billed_as_written)
{
	ddbgt_table *t = load_file("data/emit/specs/operations-provisioned.json");
	alarms_billed_as_written(t);
	cfn_alarms_billed_as_written(t);
	ddbgt_table_free(t);
	t = load_file("../examples/specs/operations.json");
	alarms_billed_as_written(t);
	cfn_alarms_billed_as_written(t);
	/* Settings that drop alarms drop them from the bill too. */
	ddbgt_operations *o = ddbgt_table_operations_mut(t);
	ck_assert_int_eq(ddbgt_operations_set_alarm_setting(o, DDBGT_ALARM_SYSTEM_ERRORS, 0),
	                 DDBGT_OK);
	alarms_billed_as_written(t);
	ddbgt_table_free(t);
	/* STRONG: no replication latency alarm to bill. */
	char *text = spec(", \"consistency\": \"STRONG\"",
	                  "{\"region\": \"us-east-1\"}, {\"region\": \"us-east-2\"}, "
	                  "{\"region\": \"us-west-2\"}",
	                  "{\"alarms\": {\"throttles\": false}, \"dashboard\": true}");
	t = load_text(text, NULL);
	alarms_billed_as_written(t);
	ddbgt_table_free(t);
	free(text);
}
END_TEST

START_TEST(every_allocation_failure_is_clean)
{
	char *text = ddbgt_test_read_file(
		ddbgt_test_path("data/emit/specs/operations-provisioned.json"), NULL);
	ddbgt_emit_options cfn;
	ck_assert_int_eq(ddbgt_emit_options_init(&cfn, DDBGT_EMIT_OPTIONS_VERSION), DDBGT_OK);
	cfn.target = DDBGT_EMIT_CLOUDFORMATION;
	ddbgt_test_alloc_install();
	ddbgt_test_sweep s;
	int rc = 0;
	for (ddbgt_test_sweep_start(&s, "load, dump and emit operations", 0);
	     ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_table *t = NULL, *c = NULL;
		char *out = NULL;
		rc = ddbgt_spec_load_string(&t, text, strlen(text), 0, NULL);
		if (rc == DDBGT_OK)
			rc = ddbgt_table_copy(&c, t);
		if (rc == DDBGT_OK)
			rc = ddbgt_spec_dump_string(&out, c, 0);
		ddbgt_free(out);
		out = NULL;
		if (rc == DDBGT_OK)
			rc = ddbgt_emit_string(&out, c, NULL, NULL);
		ddbgt_free(out);
		out = NULL;
		if (rc == DDBGT_OK)
			rc = ddbgt_emit_string(&out, c, &cfn, NULL);
		ddbgt_free(out);
		ddbgt_table_free(c);
		ddbgt_table_free(t);
		if (rc == DDBGT_ESPEC && ddbgt_test_sweep_failed(&s))
			rc = DDBGT_ENOMEM;
	}
	ddbgt_test_alloc_uninstall();
	ck_assert_int_eq(s.rc, DDBGT_OK);
	ck_assert_int_gt(s.n, 10);
	free(text);
}
END_TEST

Suite *ddbgt_test_operations(void)
{
	Suite *s = suite_create("operations");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, model_setters_and_getters);
	tcase_add_loop_test(tc, load_and_dump, 0, (int)(sizeof round_trips / sizeof round_trips[0]));
	tcase_add_loop_test(tc, loader_refusals, 0, (int)(sizeof refusals / sizeof refusals[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("rules");
	tcase_add_loop_test(tc, validation_rules, 0, (int)(sizeof rule_cases / sizeof rule_cases[0]));
	suite_add_tcase(s, tc);
	tc = tcase_create("emit");
	tcase_add_test(tc, iam_documents_are_policy_documents);
	tcase_add_test(tc, alarms_follow_the_table_kind);
	tcase_add_test(tc, alarms_are_billed_as_written);
	tcase_add_test(tc, cloudformation_holds_the_stack_region);
	tcase_add_test(tc, cloudformation_grants_alias_keys_by_alias);
	tcase_add_test(tc, cloudformation_companion_per_region);
	tcase_add_test(tc, terraform_grants_alias_arn_keys_by_alias);
	tcase_add_test(tc, every_allocation_failure_is_clean);
	suite_add_tcase(s, tc);
	return s;
}
