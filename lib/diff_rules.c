/*
 * The change rules of ddbgt_diff: one row per rule, with its class, the
 * plan step that applies it, the reason, the source and, for rate-limited
 * rules, the limit. doc/diff.md lists the same rows; tests/data/diff holds
 * a pair of specs per rule.
 */
#include "diff_internal.h"

#define UT "AWS DynamoDB API Reference, UpdateTable"
#define GT "AWS DynamoDB Developer Guide, How global tables work (version 2019.11.21)"
#define MA "AWS DynamoDB Developer Guide, How multi-account global tables work " \
	"(V2globaltables_MA_HowItWorks)"
#define MRSC "AWS DynamoDB Developer Guide, Multi-Region strong consistency"

static const ddbgt__diff_rule rules[DDBGT__RULE_COUNT_] = {
	[DDBGT__RULE_TABLE_NAME] = {
		"table-name", DDBGT_CHANGE_REPLACE, DDBGT__STEP_NONE,
		"a table cannot be renamed: the new name is a new, empty table; migrate the items "
		"(export to S3 and import, or a new table and a backfill) before the old one is deleted",
		UT " (no TableName change); Terraform aws_dynamodb_table name ForceNew; "
		"CloudFormation GlobalTable TableName createOnlyProperties", NULL},
	[DDBGT__RULE_KEY_SCHEMA] = {
		"key-schema", DDBGT_CHANGE_REPLACE, DDBGT__STEP_NONE,
		"the primary key of a table cannot change: the new key needs a new, empty table; "
		"migrate the items (export to S3 and import with the new key, or a new table and a "
		"backfill that rewrites every item)",
		UT " (no KeySchema parameter); Terraform aws_dynamodb_table hash_key and range_key "
		"ForceNew; CloudFormation GlobalTable KeySchema conditionalCreateOnlyProperties", NULL},
	[DDBGT__RULE_LSI] = {
		"lsi", DDBGT_CHANGE_REPLACE, DDBGT__STEP_NONE,
		"local secondary indexes exist only from the creation of the table: adding, removing "
		"or changing one needs a new table and a migration of the items",
		"AWS DynamoDB Developer Guide, Local secondary indexes (created with the table only); "
		"Terraform aws_dynamodb_table local_secondary_index ForceNew; CloudFormation "
		"GlobalTable LocalSecondaryIndexes conditionalCreateOnlyProperties", NULL},
	[DDBGT__RULE_HOME_REGION] = {
		"home-region", DDBGT_CHANGE_REPLACE, DDBGT__STEP_NONE,
		"the table is declared in its home region: moving the primary role makes Terraform "
		"and CloudFormation create the table anew there and delete the old one, and AWS "
		"refuses to delete the local region through ReplicaUpdates; keep the primary where it is",
		UT " (\"Cannot add or delete the local region through ReplicaUpdates\"); "
		"CloudFormation GlobalTable Replicas (the stack region's replica cannot be removed)",
		NULL},
	[DDBGT__RULE_BILLING_TO_ON_DEMAND] = {
		"billing-to-on-demand", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_TABLE_THROUGHPUT,
		"switching from provisioned to on-demand capacity is allowed a few times a day and "
		"switches every replica",
		"AWS DynamoDB Developer Guide, Considerations when switching capacity modes",
		"4 switches to on-demand per table in a rolling 24 hours"},
	[DDBGT__RULE_BILLING_TO_PROVISIONED] = {
		"billing-to-provisioned", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_TABLE_THROUGHPUT,
		"switching from on-demand to provisioned capacity is allowed at any time; the same "
		"UpdateTable call sets the capacity of the table and of every GSI",
		"AWS DynamoDB Developer Guide, Considerations when switching capacity modes", NULL},
	[DDBGT__RULE_CAPACITY] = {
		"capacity", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_TABLE_THROUGHPUT,
		"provisioned throughput is changed by UpdateTable; increases are not limited",
		UT, NULL},
	[DDBGT__RULE_CAPACITY_DECREASE] = {
		"capacity-decrease", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_TABLE_THROUGHPUT,
		"provisioned throughput decreases are counted per table per UTC day",
		"AWS DynamoDB Developer Guide, Service quotas (provisioned capacity decreases)",
		"4 decreases per UTC day, then 1 more per hour without one (up to 27 a day)"},
	[DDBGT__RULE_AUTOSCALING] = {
		"autoscaling", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_AUTOSCALING,
		"auto scaling targets and policies are changed through UpdateTableReplicaAutoScaling "
		"(Application Auto Scaling), not UpdateTable",
		"AWS DynamoDB API Reference, UpdateTableReplicaAutoScaling", NULL},
	[DDBGT__RULE_ON_DEMAND_MAX] = {
		"on-demand-max", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_TABLE_THROUGHPUT,
		"the on-demand maximum throughput is changed by UpdateTable (OnDemandThroughput; -1 "
		"removes a maximum)",
		UT " (OnDemandThroughput)", NULL},
	[DDBGT__RULE_STREAM] = {
		"stream", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_STREAM,
		"the stream is changed by UpdateTable; a new view type means disabling the stream and "
		"enabling a new one (two calls, and consumers move to the new stream ARN)",
		UT " (StreamSpecification); AWS DynamoDB Developer Guide, Change data capture for "
		"DynamoDB Streams", NULL},
	[DDBGT__RULE_STREAM_REPLICATED] = {
		"stream-replicated", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"a table with replicas in eventual consistency replicates through its stream: the "
		"stream cannot be disabled and its settings cannot change while replicas exist",
		GT " (Streams definition synchronized, cannot be disabled on a replica); "
		"CloudFormation GlobalTable StreamSpecification (changeable only with one replica)",
		NULL},
	[DDBGT__RULE_ENCRYPTION] = {
		"encryption", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_ENCRYPTION,
		"the encryption key type (AWS owned, AWS managed, customer managed) is changed by "
		"UpdateTable and applies to every replica",
		"AWS DynamoDB Developer Guide, Service quotas (encryption key type changes)",
		"4 key type changes per table in a 24 hour window, then 1 after 6 hours without one"},
	[DDBGT__RULE_TTL] = {
		"ttl", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_TTL,
		"time to live is turned on or off by UpdateTimeToLive, which takes up to an hour and "
		"applies to every replica",
		"AWS DynamoDB API Reference, UpdateTimeToLive", NULL},
	[DDBGT__RULE_TTL_RENAME] = {
		"ttl-rename", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_TTL,
		"the TTL attribute cannot be renamed in place: disable TTL, wait for the change to "
		"finish, then enable it on the new attribute",
		"AWS DynamoDB API Reference, UpdateTimeToLive (another change within an hour is a "
		"ValidationException)",
		"one TTL change per table per hour: the rename takes two, about an hour apart"},
	[DDBGT__RULE_CONSISTENCY] = {
		"consistency", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"the consistency mode is chosen when the global table is created and never changes; "
		"the way out is a new table in the other mode and a migration of the items",
		MRSC " (the mode cannot be changed); CloudFormation GlobalTable MultiRegionConsistency",
		NULL},
	[DDBGT__RULE_WITNESS] = {
		"witness", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"the members of a multi-Region strong consistency table, its witness included, are "
		"fixed when it is created: a witness cannot be added, moved or removed alone",
		MRSC " (replicas and witness cannot be added or removed later)", NULL},
	[DDBGT__RULE_LEGACY_UPGRADE] = {
		"legacy-upgrade", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_LEGACY_UPGRADE,
		"a version 2017.11.29 global table is upgraded in place to version 2019.11.21, without "
		"downtime; settings must be the same in every replica first",
		"AWS DynamoDB Developer Guide, Upgrading global tables to version 2019.11.21", NULL},
	[DDBGT__RULE_LEGACY_DOWNGRADE] = {
		"legacy-downgrade", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"there is no way back to version 2017.11.29, and AWS no longer creates global tables "
		"of that version in any region",
		"AWS DynamoDB Developer Guide, Global tables versions (2017.11.29 is legacy); "
		"CreateGlobalTable refused since 2026 (crossplane-contrib/provider-aws#2308)", NULL},
	[DDBGT__RULE_GSI_CREATE] = {
		"gsi-create", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_GSI_CREATE,
		"a GSI is created by UpdateTable, one per call; it backfills from the table before it "
		"serves queries, and in every replica",
		UT " (one GSI created or deleted per call; other operations after the backfill began)",
		NULL},
	[DDBGT__RULE_GSI_DELETE] = {
		"gsi-delete", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_GSI_DELETE,
		"a GSI is deleted by UpdateTable, one per call, in every replica; queries that use it "
		"fail from then on",
		UT " (one GSI created or deleted per call)", NULL},
	[DDBGT__RULE_GSI_REBUILD] = {
		"gsi-rebuild", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_GSI_CREATE,
		"the keys and projection of a GSI cannot change: it is deleted and created again (two "
		"UpdateTable calls) and queries on it fail until the backfill ends; a GSI under a new "
		"name first avoids the gap",
		UT " (GlobalSecondaryIndexUpdates Update changes throughput only); Terraform "
		"aws_dynamodb_table deletes and recreates such a GSI", NULL},
	[DDBGT__RULE_GSI_CAPACITY] = {
		"gsi-capacity", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_GSI_UPDATE,
		"GSI provisioned throughput is changed by UpdateTable (GlobalSecondaryIndexUpdates "
		"Update)",
		UT, NULL},
	[DDBGT__RULE_GSI_CAPACITY_DECREASE] = {
		"gsi-capacity-decrease", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_GSI_UPDATE,
		"GSI provisioned throughput decreases are counted per index per UTC day",
		"AWS DynamoDB Developer Guide, Service quotas (provisioned capacity decreases)",
		"4 decreases per UTC day, then 1 more per hour without one (up to 27 a day)"},
	[DDBGT__RULE_GSI_ON_DEMAND_MAX] = {
		"gsi-on-demand-max", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_GSI_UPDATE,
		"a GSI's on-demand maximum throughput is changed by UpdateTable",
		UT " (GlobalSecondaryIndexUpdates Update OnDemandThroughput)", NULL},
	[DDBGT__RULE_REPLICA_ADD] = {
		"replica-add", DDBGT_CHANGE_REPLICA_ADD, DDBGT__STEP_REPLICA_ADD,
		"a replica is created by UpdateTable ReplicaUpdates Create, one per call and alone in "
		"it; the new region copies every item, and the table's source region cannot be "
		"deleted for 24 hours",
		GT "; AWS DynamoDB API Reference, UpdateTable (ReplicaUpdates)", NULL},
	[DDBGT__RULE_REPLICA_REMOVE] = {
		"replica-remove", DDBGT_CHANGE_REPLICA_REMOVE, DDBGT__STEP_REPLICA_REMOVE,
		"a replica is deleted by UpdateTable ReplicaUpdates Delete, one per call and alone in "
		"it; its copy of the data is deleted and traffic in that region must move first",
		GT "; AWS DynamoDB API Reference, UpdateTable (ReplicaUpdates)", NULL},
	[DDBGT__RULE_REPLICA_STRONG] = {
		"replica-strong", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"the replicas of a multi-Region strong consistency table are fixed when it is "
		"created: one cannot be added or removed (only the whole group can be dissolved)",
		MRSC, NULL},
	[DDBGT__RULE_REPLICA_LEGACY] = {
		"replica-legacy", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"replicas of a version 2017.11.29 global table can be added or removed only while "
		"every table is empty; upgrade to version 2019.11.21 first",
		"AWS DynamoDB API Reference, UpdateGlobalTable", NULL},
	[DDBGT__RULE_REPLICA_KMS_KEY] = {
		"replica-kms-key", DDBGT_CHANGE_REPLACE, DDBGT__STEP_NONE,
		"the customer managed key of a replica cannot be changed through ReplicaUpdates: the "
		"replica is deleted and created again with the new key, and that region has no table "
		"until the new replica has copied every item",
		"Terraform aws_dynamodb_table replica kms_key_arn (recreates the replica) and "
		"aws_dynamodb_table_replica kms_key_arn ForceNew; AWS DynamoDB Developer Guide, "
		"Encryption at rest usage notes", NULL},
	[DDBGT__RULE_TABLE_CLASS] = {
		"table-class", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_REPLICA_SETTINGS,
		"the table class is changed by UpdateTable (TableClass, or TableClassOverride for a "
		"replica) and a change of the table's class spends every replica's allowance",
		"AWS DynamoDB Developer Guide, Table classes (considerations)",
		"2 table class changes per table in a trailing 30 days"},
	[DDBGT__RULE_REPLICA_READ_CAPACITY] = {
		"replica-read-capacity", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_REPLICA_SETTINGS,
		"a replica's read capacity override is changed by UpdateTable ReplicaUpdates Update",
		UT " (ProvisionedThroughputOverride)", NULL},
	[DDBGT__RULE_REPLICA_READ_DECREASE] = {
		"replica-read-decrease", DDBGT_CHANGE_RATE_LIMITED, DDBGT__STEP_REPLICA_SETTINGS,
		"a replica's provisioned read capacity decreases are counted per replica per UTC day",
		"AWS DynamoDB Developer Guide, Service quotas (provisioned capacity decreases)",
		"4 decreases per UTC day, then 1 more per hour without one (up to 27 a day)"},
	[DDBGT__RULE_REPLICA_GSI_READ] = {
		"replica-gsi-read", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_REPLICA_SETTINGS,
		"a replica's per-GSI settings: read capacity and on-demand read maximum by UpdateTable "
		"ReplicaUpdates Update, contributor insights by UpdateContributorInsights",
		UT " (ReplicaGlobalSecondaryIndex); AWS DynamoDB API Reference, "
		"UpdateContributorInsights", NULL},
	[DDBGT__RULE_PITR] = {
		"pitr", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_PITR,
		"point-in-time recovery is set per replica by UpdateContinuousBackups in its region",
		"AWS DynamoDB API Reference, UpdateContinuousBackups; " GT
		" (PITR is not synchronized)", NULL},
	[DDBGT__RULE_DELETION_PROTECTION] = {
		"deletion-protection", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_DELETION_PROTECTION,
		"deletion protection is set per replica by UpdateTable in its region",
		UT " (DeletionProtectionEnabled); " GT " (not synchronized)", NULL},
	[DDBGT__RULE_CONTRIBUTOR_INSIGHTS] = {
		"contributor-insights", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_CONTRIBUTOR_INSIGHTS,
		"CloudWatch Contributor Insights is set per replica by UpdateContributorInsights",
		"AWS DynamoDB API Reference, UpdateContributorInsights", NULL},
	[DDBGT__RULE_TAGS] = {
		"tags", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_TAGS,
		"tags are set per replica by TagResource and UntagResource in its region",
		"AWS DynamoDB API Reference, TagResource; " GT " (tags are not synchronized)", NULL},
	[DDBGT__RULE_ROLE] = {
		"role", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_NONE,
		"secondary and standby are the library's routing roles: AWS sees no change",
		"libddbgt spec format (replicas[].role)", NULL},
	[DDBGT__RULE_WARM_THROUGHPUT] = {
		"warm-throughput", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_TABLE_THROUGHPUT,
		"warm throughput is raised by UpdateTable (WarmThroughput) and applies to every replica",
		"AWS DynamoDB Developer Guide, Understanding DynamoDB warm throughput; " UT
		" (WarmThroughput)", NULL},
	[DDBGT__RULE_WARM_THROUGHPUT_DECREASE] = {
		"warm-throughput-decrease", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"warm throughput can only be raised: a lower value (or none) is refused, and the table "
		"or index keeps what it has; keep the old value",
		"AWS DynamoDB Developer Guide, Understanding DynamoDB warm throughput (it cannot be "
		"decreased)", NULL},
	[DDBGT__RULE_GSI_WARM_THROUGHPUT] = {
		"gsi-warm-throughput", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_GSI_UPDATE,
		"a GSI's warm throughput is raised by UpdateTable (GlobalSecondaryIndexUpdates Update)",
		"AWS DynamoDB Developer Guide, Understanding DynamoDB warm throughput; " UT, NULL},
	[DDBGT__RULE_REPLICA_ON_DEMAND_MAX] = {
		"replica-on-demand-max", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_REPLICA_SETTINGS,
		"a replica's on-demand read maximum is changed by UpdateTable ReplicaUpdates Update",
		UT " (OnDemandThroughputOverride); " GT " (max read can be overridden per replica)",
		NULL},
	[DDBGT__RULE_KINESIS] = {
		"kinesis", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_KINESIS,
		"a replica's Kinesis Data Streams destination is set in its region by "
		"EnableKinesisStreamingDestination, DisableKinesisStreamingDestination or "
		"UpdateKinesisStreamingDestination (another stream: disable, then enable)",
		"AWS DynamoDB API Reference, EnableKinesisStreamingDestination and "
		"UpdateKinesisStreamingDestination; " GT " (not synchronized)", NULL},
	[DDBGT__RULE_RESOURCE_POLICY] = {
		"resource-policy", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_RESOURCE_POLICY,
		"a replica's table or stream resource policy is put by PutResourcePolicy or removed by "
		"DeleteResourcePolicy in its region; policies are not replicated",
		"AWS DynamoDB API Reference, PutResourcePolicy and DeleteResourcePolicy; " GT
		" (resource policies are not synchronized)", NULL},
	[DDBGT__RULE_REPLICA_ACCOUNT] = {
		"replica-account", DDBGT_CHANGE_REPLACE, DDBGT__STEP_NONE,
		"a replica belongs to the account that holds its table: another account means the "
		"replica leaves the replication group and a new, empty table in the other account joins "
		"it and copies every item",
		MA " (each replica in its own account; accounts join or leave the replication group)",
		NULL},
	[DDBGT__RULE_REPLICA_ACCOUNT_CONVERT] = {
		"replica-account-convert", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"a same-account global table cannot become a multi-account one: remove or disassociate "
		"its replicas down to a single-Region table, then add the replicas of the other accounts",
		MA " (converting a same-account global table is not supported)", NULL},
	[DDBGT__RULE_SETTINGS_REPLICATION] = {
		"settings-replication", DDBGT_CHANGE_REFUSED, DDBGT__STEP_NONE,
		"the settings replication mode of a multi-account replica is given when its table is "
		"created (GlobalTableSettingsReplicationMode) and no update call changes it; the way out "
		"is a replica created anew with the other mode",
		MA " (the mode is chosen with the replica); AWS CDK GlobalTableSettingsReplicationMode "
		"(no documented update of the mode; see doc/diff.md, Not covered yet)", NULL},
	[DDBGT__RULE_PROVIDER_ROLE] = {
		"provider-role", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_NONE,
		"the role a deployment tool assumes to reach a replica's account is deployment "
		"configuration: AWS sees no change to the table",
		"libddbgt spec format (replicas[].provider_role_arn); Terraform AWS provider "
		"assume_role", NULL},
	[DDBGT__RULE_OPERATIONS] = {
		"operations", DDBGT_CHANGE_IN_PLACE, DDBGT__STEP_OPERATIONS,
		"the operations resources (CloudWatch alarms and dashboard, IAM policies, KMS key "
		"policies, VPC endpoints) are resources of their own: changing them never touches the "
		"table or its replicas",
		"libddbgt spec format (operations); AWS CloudWatch PutMetricAlarm and PutDashboard, "
		"AWS IAM, AWS KMS PutKeyPolicy, Amazon VPC CreateVpcEndpoint", NULL},
};

const ddbgt__diff_rule *ddbgt__diff_rule_get(ddbgt__diff_rule_id id)
{
	return id >= 0 && id < DDBGT__RULE_COUNT_ ? &rules[id] : NULL;
}
