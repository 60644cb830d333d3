/*
 * libddbgt: the spec's `operations` (CloudWatch alarms, a dashboard, IAM
 * policy documents and VPC endpoints emitted with the table; doc/operations.md and
 * doc/security.md say what each setting emits and why).
 *
 * A table has no operations object until ddbgt_table_operations_mut is
 * called; the getters take NULL and then answer "off" or "unset", so
 * ddbgt_table_operations(table) can be passed to them as it is. Functions
 * that store a string refuse one that is not valid UTF-8 with DDBGT_EINVAL
 * and change nothing (see table.h).
 */
#ifndef DDBGT_OPERATIONS_H
#define DDBGT_OPERATIONS_H

#include "common.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ddbgt_operations ddbgt_operations;

/*
 * The table's operations object, or NULL when it has none (nothing was set).
 * It belongs to the table and lives as long as the table.
 */
DDBGT_API const ddbgt_operations *ddbgt_table_operations(const ddbgt_table *table);
/*
 * The table's operations object, created empty on first use; NULL for a
 * NULL table or when memory ran out.
 */
DDBGT_API ddbgt_operations *ddbgt_table_operations_mut(ddbgt_table *table);

/*
 * Alarms on or off ("alarms": true gives every alarm the table's kind can
 * have, with the documented defaults). enabled is a boolean; negative values
 * are DDBGT_EINVAL. ddbgt_operations_alarms gives 1 when on, 0 when off or
 * unset, or for NULL.
 */
DDBGT_API int ddbgt_operations_set_alarms(ddbgt_operations *ops, int enabled);
DDBGT_API int ddbgt_operations_alarms(const ddbgt_operations *ops);

/* The tunable settings of the alarms; the spec key of each is in doc/spec-format.md. */
typedef enum ddbgt_alarm_setting {
	DDBGT_ALARM_REPLICATION_LATENCY_MS = 0, /* average ReplicationLatency threshold */
	DDBGT_ALARM_EVALUATION_PERIODS = 1,     /* periods in breach before the alarm fires */
	DDBGT_ALARM_PERIOD_SECONDS = 2,         /* 10, 30 or a multiple of 60 */
	DDBGT_ALARM_THROTTLES = 3,              /* 0 or 1: read and write throttle alarms */
	DDBGT_ALARM_SYSTEM_ERRORS = 4,          /* 0 or 1: the SystemErrors alarm */
	DDBGT_ALARM_UTILIZATION_PERCENT = 5     /* consumed / provisioned, PROVISIONED tables */
} ddbgt_alarm_setting;

/*
 * One alarm setting as given. Values are kept as given (the validator judges
 * them); DDBGT_EINVAL for an unknown setting. The getter gives
 * DDBGT_ENOTFOUND when the setting is unset (its default then applies).
 */
DDBGT_API int ddbgt_operations_set_alarm_setting(ddbgt_operations *ops,
                                                 ddbgt_alarm_setting setting, int64_t value);
DDBGT_API int ddbgt_operations_get_alarm_setting(const ddbgt_operations *ops,
                                                 ddbgt_alarm_setting setting, int64_t *value);
DDBGT_API int ddbgt_operations_clear_alarm_setting(ddbgt_operations *ops,
                                                   ddbgt_alarm_setting setting);
/*
 * The value the emitters use: the setting as given, else its default
 * (60000 ms, 5 periods, 60 s, throttles 1, system errors 1, 80 percent); 0
 * for NULL or an unknown setting.
 */
DDBGT_API int64_t ddbgt_operations_alarm_setting_effective(const ddbgt_operations *ops,
                                                           ddbgt_alarm_setting setting);

/*
 * The SNS topic that a region's alarms notify, by region, sorted by region.
 * The ARN is kept as given (the validator checks its region and partition).
 * The getter gives DDBGT_ENOTFOUND for a region without a topic; the
 * indexed accessors give NULL out of range.
 */
DDBGT_API int ddbgt_operations_set_sns_topic(ddbgt_operations *ops, const char *region,
                                             const char *topic_arn);
DDBGT_API int ddbgt_operations_get_sns_topic(const ddbgt_operations *ops, const char *region,
                                             const char **topic_arn);
DDBGT_API int ddbgt_operations_remove_sns_topic(ddbgt_operations *ops, const char *region);
DDBGT_API size_t ddbgt_operations_sns_topic_count(const ddbgt_operations *ops);
DDBGT_API const char *ddbgt_operations_sns_topic_region(const ddbgt_operations *ops, size_t i);
DDBGT_API const char *ddbgt_operations_sns_topic_arn(const ddbgt_operations *ops, size_t i);

/*
 * One CloudWatch dashboard in the home region with every replica's
 * replication latency, throttles, errors and consumed capacity. enabled is a
 * boolean; negative values are DDBGT_EINVAL. The getter gives 1 when on, 0
 * when off or unset, or for NULL.
 */
DDBGT_API int ddbgt_operations_set_dashboard(ddbgt_operations *ops, int enabled);
DDBGT_API int ddbgt_operations_dashboard(const ddbgt_operations *ops);

/*
 * The IAM policy documents the emitters write, each scoped to this table's
 * ARNs in every region (doc/security.md lists their actions).
 */
typedef enum ddbgt_iam_policy {
	DDBGT_IAM_READ = 0,            /* item and query reads, DescribeTable */
	DDBGT_IAM_READ_WRITE = 1,      /* the reads plus item writes */
	DDBGT_IAM_STREAM_CONSUMER = 2, /* reading the table's streams */
	DDBGT_IAM_DEPLOYER = 3         /* creating and updating this global table */
} ddbgt_iam_policy;

/*
 * Ask for one policy document, or not. enabled is a boolean; negative values
 * and unknown kinds are DDBGT_EINVAL. ddbgt_operations_iam_policy gives 1
 * when asked for, else 0 (NULL and unknown kinds included).
 */
DDBGT_API int ddbgt_operations_set_iam_policy(ddbgt_operations *ops, ddbgt_iam_policy kind,
                                              int enabled);
DDBGT_API int ddbgt_operations_iam_policy(const ddbgt_operations *ops, ddbgt_iam_policy kind);
/* The spec's name of a kind ("read", "read_write", ...), NULL for an unknown one. */
DDBGT_API const char *ddbgt_iam_policy_name(ddbgt_iam_policy kind);

/*
 * Limit the application policies (read, read_write, stream_consumer) to some
 * regions or some indexes, in the order added; empty lists mean every
 * replica region and every index. The deployer policy is never limited.
 */
DDBGT_API int ddbgt_operations_add_iam_region(ddbgt_operations *ops, const char *region);
DDBGT_API int ddbgt_operations_clear_iam_regions(ddbgt_operations *ops);
DDBGT_API size_t ddbgt_operations_iam_region_count(const ddbgt_operations *ops);
DDBGT_API const char *ddbgt_operations_iam_region_at(const ddbgt_operations *ops, size_t i);
DDBGT_API int ddbgt_operations_add_iam_index(ddbgt_operations *ops, const char *index);
DDBGT_API int ddbgt_operations_clear_iam_indexes(ddbgt_operations *ops);
DDBGT_API size_t ddbgt_operations_iam_index_count(const ddbgt_operations *ops);
DDBGT_API const char *ddbgt_operations_iam_index_at(const ddbgt_operations *ops, size_t i);

/*
 * 1: write the policy documents as Terraform outputs instead of
 * aws_iam_policy resources (for a team whose IAM lives elsewhere).
 * as_outputs is a boolean; negative values are DDBGT_EINVAL. The getter
 * gives 1 when set, else 0.
 */
DDBGT_API int ddbgt_operations_set_iam_as_outputs(ddbgt_operations *ops, int as_outputs);
DDBGT_API int ddbgt_operations_iam_as_outputs(const ddbgt_operations *ops);

/*
 * 1: write, for a table with customer managed keys, the key policy
 * statements each replica's key needs for DynamoDB, as the Terraform output
 * kms_key_policy_statements (region to a JSON array to merge into the key's
 * policy; doc/security.md). enabled is a boolean; negative values are
 * DDBGT_EINVAL. The getter gives 1 when on, else 0.
 */
DDBGT_API int ddbgt_operations_set_kms_key_policies(ddbgt_operations *ops, int enabled);
DDBGT_API int ddbgt_operations_kms_key_policies(const ddbgt_operations *ops);

/*
 * A DynamoDB gateway endpoint per region: the VPC, its route tables, and
 * whether the endpoint policy allows only this table (the default) or every
 * DynamoDB resource. Endpoints are sorted by region; setting a region again
 * replaces its VPC and keeps its route tables. IDs are kept as given (the validator checks their shape).
 * add_vpc_route_table and set_vpc_endpoint_restricted give DDBGT_ENOTFOUND
 * for a region without an endpoint; restricted is a boolean (negative:
 * DDBGT_EINVAL). The indexed accessors give NULL or 0 out of range.
 */
DDBGT_API int ddbgt_operations_set_vpc_endpoint(ddbgt_operations *ops, const char *region,
                                                const char *vpc_id);
DDBGT_API int ddbgt_operations_add_vpc_route_table(ddbgt_operations *ops, const char *region,
                                                   const char *route_table_id);
DDBGT_API int ddbgt_operations_set_vpc_endpoint_restricted(ddbgt_operations *ops,
                                                           const char *region, int restricted);
DDBGT_API int ddbgt_operations_remove_vpc_endpoint(ddbgt_operations *ops, const char *region);
DDBGT_API size_t ddbgt_operations_vpc_endpoint_count(const ddbgt_operations *ops);
DDBGT_API const char *ddbgt_operations_vpc_endpoint_region(const ddbgt_operations *ops, size_t i);
DDBGT_API const char *ddbgt_operations_vpc_endpoint_vpc_id(const ddbgt_operations *ops, size_t i);
DDBGT_API int ddbgt_operations_vpc_endpoint_restricted(const ddbgt_operations *ops, size_t i);
DDBGT_API size_t ddbgt_operations_vpc_route_table_count(const ddbgt_operations *ops, size_t i);
DDBGT_API const char *ddbgt_operations_vpc_route_table_at(const ddbgt_operations *ops, size_t i,
                                                          size_t j);

#ifdef __cplusplus
}
#endif

#endif
