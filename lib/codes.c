/*
 * The diagnostic catalogue: one row per code, read by the loader, the
 * validator, the emitters, cost, `ddbgt explain` and doc/diagnostics.md.
 * Rows are in numeric order of their codes (a test checks it).
 */
#include <string.h>

#include "ddbgt/diag.h"

struct code_row {
	ddbgt_code code;
	const char *name;
	ddbgt_severity severity;
	const char *summary;
	const char *hint;
	const char *source;
};

static const struct code_row catalogue[] = {
	/* spec loader: 1-99 */
	{DDBGT_E_SPEC_SYNTAX, "DDBGT_E_SPEC_SYNTAX", DDBGT_SEVERITY_ERROR,
	 "the document is not well-formed JSON",
	 "fix the JSON at the line and column given",
	 "RFC 8259"},
	{DDBGT_E_SPEC_DUPLICATE_KEY, "DDBGT_E_SPEC_DUPLICATE_KEY", DDBGT_SEVERITY_ERROR,
	 "an object has the same key twice",
	 "keep one of the two keys: JSON readers disagree on which one wins",
	 "RFC 8259 section 4"},
	{DDBGT_E_SPEC_ENCODING, "DDBGT_E_SPEC_ENCODING", DDBGT_SEVERITY_ERROR,
	 "the document is not valid UTF-8 or contains a NUL character",
	 "save the document as UTF-8",
	 "RFC 8259 section 8.1"},
	{DDBGT_E_SPEC_TOO_DEEP, "DDBGT_E_SPEC_TOO_DEEP", DDBGT_SEVERITY_ERROR,
	 "the document nests deeper than the loader accepts",
	 "a spec needs only a few levels: remove the extra nesting",
	 "libddbgt"},
	{DDBGT_E_SPEC_NUMBER_RANGE, "DDBGT_E_SPEC_NUMBER_RANGE", DDBGT_SEVERITY_ERROR,
	 "a number is too large, too small, or not a whole number where one is required",
	 "use a whole number within the range named in the message",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_UNKNOWN_KEY, "DDBGT_E_SPEC_UNKNOWN_KEY", DDBGT_SEVERITY_ERROR,
	 "a key that spec format 1 does not define",
	 "check the spelling against the spec format; unknown keys are never ignored",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_TYPE, "DDBGT_E_SPEC_TYPE", DDBGT_SEVERITY_ERROR,
	 "a value has the wrong JSON type",
	 "use the type the spec format names for this key",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_MISSING_KEY, "DDBGT_E_SPEC_MISSING_KEY", DDBGT_SEVERITY_ERROR,
	 "a required key is absent",
	 "add the key",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_FORMAT, "DDBGT_E_SPEC_FORMAT", DDBGT_SEVERITY_ERROR,
	 "the format key is not \"ddbgt/1\"",
	 "set \"format\": \"ddbgt/1\"",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_ENUM, "DDBGT_E_SPEC_ENUM", DDBGT_SEVERITY_ERROR,
	 "a string is not one of the values the key allows",
	 "use one of the values listed in the message",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_EXCLUSIVE_KEYS, "DDBGT_E_SPEC_EXCLUSIVE_KEYS", DDBGT_SEVERITY_ERROR,
	 "two keys that exclude each other are both present",
	 "keep only one of them",
	 "libddbgt spec format"},
	{DDBGT_E_SPEC_UNREADABLE, "DDBGT_E_SPEC_UNREADABLE", DDBGT_SEVERITY_ERROR,
	 "the document could not be read",
	 "check the path and its permissions",
	 "libddbgt"},
	/* validator rules: 100-499 */
	{DDBGT_E_TABLE_NAME_INVALID, "DDBGT_E_TABLE_NAME_INVALID", DDBGT_SEVERITY_ERROR,
	 "the table name is not 3 to 255 characters of letters, digits, underscore, dot or hyphen",
	 "rename the table with only A-Z, a-z, 0-9, _, . and -, between 3 and 255 characters long",
	 "MODEL TableName"},
	{DDBGT_E_INDEX_NAME_INVALID, "DDBGT_E_INDEX_NAME_INVALID", DDBGT_SEVERITY_ERROR,
	 "an index name is not 3 to 255 characters of letters, digits, underscore, dot or hyphen",
	 "rename the index with only A-Z, a-z, 0-9, _, . and -, between 3 and 255 characters long",
	 "MODEL IndexName"},
	{DDBGT_E_INDEX_NAME_DUPLICATE, "DDBGT_E_INDEX_NAME_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "two secondary indexes, global or local, have the same name",
	 "give each GSI and LSI a name no other index of the table uses",
	 "MODEL; LAB"},
	{DDBGT_E_KEY_SCHEMA_SHAPE, "DDBGT_E_KEY_SCHEMA_SHAPE", DDBGT_SEVERITY_ERROR,
	 "a key schema lacks its partition key, or uses one attribute as both partition and sort key",
	 "set a partition key, and pick a sort key that differs from it (or drop the sort key)",
	 "MODEL KeySchema"},
	{DDBGT_E_KEY_ATTR_NAME_LENGTH, "DDBGT_E_KEY_ATTR_NAME_LENGTH", DDBGT_SEVERITY_ERROR,
	 "a key or projected attribute name is empty or longer than 255 bytes of UTF-8",
	 "shorten or fill in the attribute name so it is 1 to 255 bytes",
	 "MODEL; DG-2023"},
	{DDBGT_E_KEY_ATTR_UNDEFINED, "DDBGT_E_KEY_ATTR_UNDEFINED", DDBGT_SEVERITY_ERROR,
	 "an index key names an attribute that has no type definition",
	 "add {\"name\", \"type\"} for the attribute to table.attributes, or key the index on a defined attribute",
	 "MODEL; EMU; LAB"},
	{DDBGT_E_ATTR_DEF_UNUSED, "DDBGT_E_ATTR_DEF_UNUSED", DDBGT_SEVERITY_ERROR,
	 "an attribute definition is not the key of the table or of any index",
	 "remove the definition from table.attributes; DynamoDB only accepts definitions of key attributes",
	 "EMU; LAB; cfn-lint#1037"},
	{DDBGT_E_ATTR_DEF_DUPLICATE, "DDBGT_E_ATTR_DEF_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "an attribute is defined twice, in attributes or as a table key and again in attributes",
	 "keep a single definition; table keys are already defined by partition_key and sort_key",
	 "LAB"},
	{DDBGT_E_ATTR_TYPE_INVALID, "DDBGT_E_ATTR_TYPE_INVALID", DDBGT_SEVERITY_ERROR,
	 "an attribute type is not S, N or B",
	 "use S (string), N (number) or B (binary) for every key attribute",
	 "MODEL ScalarAttributeType"},
	{DDBGT_E_GSI_LIMIT, "DDBGT_E_GSI_LIMIT", DDBGT_SEVERITY_ERROR,
	 "the table has more global secondary indexes than the GSI quota (20 by default)",
	 "drop or merge indexes, or raise the quota with AWS and set policy.quotas.gsi_max to the new value",
	 "DG-Q; LAB"},
	{DDBGT_E_LSI_LIMIT, "DDBGT_E_LSI_LIMIT", DDBGT_SEVERITY_ERROR,
	 "the table has more than 5 local secondary indexes",
	 "remove local indexes or replace some with global secondary indexes; the limit of 5 cannot be raised",
	 "DG-Q; MODEL"},
	{DDBGT_E_LSI_NO_TABLE_RANGE, "DDBGT_E_LSI_NO_TABLE_RANGE", DDBGT_SEVERITY_ERROR,
	 "local secondary indexes are declared on a table without a sort key",
	 "add table.sort_key, or use global secondary indexes instead",
	 "EMU; LAB"},
	{DDBGT_E_LSI_HASH_MISMATCH, "DDBGT_E_LSI_HASH_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "a local secondary index has a partition key other than the table's",
	 "give the LSI the table's partition key (spec format 1 always does, so ddbgt never reports this for a spec)",
	 "MODEL; LAB"},
	{DDBGT_E_LSI_NO_RANGE, "DDBGT_E_LSI_NO_RANGE", DDBGT_SEVERITY_ERROR,
	 "a local secondary index has no sort key",
	 "set sort_key on the local secondary index",
	 "LAB"},
	{DDBGT_W_LSI_SAME_SORT_KEY, "DDBGT_W_LSI_SAME_SORT_KEY", DDBGT_SEVERITY_WARNING,
	 "a local secondary index sorts by the table's own sort key and so adds nothing",
	 "choose a different sort key for the LSI, or remove the index",
	 "LAB"},
	{DDBGT_E_INDEX_LIST_EMPTY, "DDBGT_E_INDEX_LIST_EMPTY", DDBGT_SEVERITY_ERROR,
	 "an index list is present but empty, which DynamoDB rejects",
	 "leave the list out; spec format 1 treats [] as no indexes and the emitters omit it, so ddbgt never reports this for a spec",
	 "LAB"},
	{DDBGT_E_PROJECTION_TYPE_INVALID, "DDBGT_E_PROJECTION_TYPE_INVALID", DDBGT_SEVERITY_ERROR,
	 "an index projection is not ALL, KEYS_ONLY or INCLUDE",
	 "set projection to ALL, KEYS_ONLY or INCLUDE",
	 "MODEL"},
	{DDBGT_E_PROJECTION_NONKEY_MISSING, "DDBGT_E_PROJECTION_NONKEY_MISSING", DDBGT_SEVERITY_ERROR,
	 "an INCLUDE projection lists no non-key attributes",
	 "list the attributes in non_key_attributes, or change the projection to KEYS_ONLY",
	 "CDK; MODEL"},
	{DDBGT_E_PROJECTION_NONKEY_FORBIDDEN, "DDBGT_E_PROJECTION_NONKEY_FORBIDDEN", DDBGT_SEVERITY_ERROR,
	 "non-key attributes are listed with an ALL or KEYS_ONLY projection",
	 "remove non_key_attributes, or change the projection to INCLUDE",
	 "CDK"},
	{DDBGT_E_PROJECTION_NONKEY_PER_INDEX, "DDBGT_E_PROJECTION_NONKEY_PER_INDEX", DDBGT_SEVERITY_ERROR,
	 "one index projects more than 20 non-key attributes",
	 "project at most 20 attributes per index, or project ALL",
	 "MODEL NonKeyAttributeNameList"},
	{DDBGT_E_PROJECTION_NONKEY_TOTAL, "DDBGT_E_PROJECTION_NONKEY_TOTAL", DDBGT_SEVERITY_ERROR,
	 "the indexes together project more than 100 non-key attributes (repeats count)",
	 "project fewer attributes, or switch some indexes to ALL, which does not count",
	 "DG-Q"},
	{DDBGT_E_BILLING_MODE_INVALID, "DDBGT_E_BILLING_MODE_INVALID", DDBGT_SEVERITY_ERROR,
	 "the billing mode is not PAY_PER_REQUEST or PROVISIONED",
	 "set billing_mode to PAY_PER_REQUEST or PROVISIONED",
	 "MODEL"},
	{DDBGT_E_PROVISIONED_MISSING, "DDBGT_E_PROVISIONED_MISSING", DDBGT_SEVERITY_ERROR,
	 "a PROVISIONED table or one of its GSIs has no read or write capacity",
	 "give the table and every GSI read and write capacity (units or auto scaling), or switch to PAY_PER_REQUEST",
	 "MODEL; LAB"},
	{DDBGT_E_CAPACITY_MIN, "DDBGT_E_CAPACITY_MIN", DDBGT_SEVERITY_ERROR,
	 "a provisioned capacity (table, GSI or replica override) is below 1 unit",
	 "set every read and write capacity to at least 1",
	 "MODEL PositiveLongObject"},
	{DDBGT_E_PPR_WITH_PROVISIONED, "DDBGT_E_PPR_WITH_PROVISIONED", DDBGT_SEVERITY_ERROR,
	 "a PAY_PER_REQUEST table sets provisioned capacity on itself, a GSI or a replica",
	 "remove capacity and read_capacity settings, or switch billing_mode to PROVISIONED",
	 "MODEL; EMU; CDK"},
	{DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, "DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA", DDBGT_SEVERITY_WARNING,
	 "throughput exceeds a default AWS quota (40,000 per table or GSI, 80,000 per account)",
	 "request a quota increase from AWS and record it in policy.quotas, or lower the capacity",
	 "DG-Q"},
	{DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED, "DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED", DDBGT_SEVERITY_ERROR,
	 "an on-demand maximum is set on a PROVISIONED table or GSI",
	 "remove on_demand, or switch billing_mode to PAY_PER_REQUEST",
	 "LAB"},
	{DDBGT_E_ONDEMAND_MAX_RANGE, "DDBGT_E_ONDEMAND_MAX_RANGE", DDBGT_SEVERITY_ERROR,
	 "an on-demand maximum read or write is below 1 request unit",
	 "set max_read and max_write to 1 or more, or leave them out for no limit",
	 "MODEL doc; LAB"},
	{DDBGT_E_ONDEMAND_MAX_EMPTY, "DDBGT_E_ONDEMAND_MAX_EMPTY", DDBGT_SEVERITY_ERROR,
	 "an on_demand setting has neither max_read nor max_write",
	 "give max_read, max_write or both, or remove on_demand",
	 "MODEL"},
	{DDBGT_E_WARM_THROUGHPUT_INVALID, "DDBGT_E_WARM_THROUGHPUT_INVALID", DDBGT_SEVERITY_ERROR,
	 "a warm throughput value is below 1, or a warm_throughput object names neither side",
	 "set read_units_per_second and write_units_per_second to at least 1, or remove warm_throughput",
	 "MODEL (WarmThroughput); DG-WARM (docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
	 "warm-throughput.html)"},
	{DDBGT_W_WARM_BELOW_ONDEMAND_BASELINE, "DDBGT_W_WARM_BELOW_ONDEMAND_BASELINE", DDBGT_SEVERITY_WARNING,
	 "warm throughput of an on-demand table or GSI is below the 12,000 reads or 4,000 writes per second it starts with",
	 "leave warm throughput out, or set at least 12,000 reads and 4,000 writes per second",
	 "LAB; DG-WARM (docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
	 "warm-throughput.html)"},
	{DDBGT_E_AUTOSCALING_RANGE, "DDBGT_E_AUTOSCALING_RANGE", DDBGT_SEVERITY_ERROR,
	 "auto scaling has a minimum or maximum below 1, a minimum above the maximum, or a target outside 20-90%",
	 "use 1 <= min <= max and a target_utilization between 20 and 90",
	 "DG-2023 AutoScaling; CDK; MODEL"},
	{DDBGT_E_GT_PROVISIONED_NO_WRITE_AUTOSCALING, "DDBGT_E_GT_PROVISIONED_NO_WRITE_AUTOSCALING", DDBGT_SEVERITY_ERROR,
	 "a PROVISIONED global table has fixed write capacity without write auto scaling on the table or a GSI",
	 "add write_autoscaling to the table and to every GSI, or switch to PAY_PER_REQUEST",
	 "DG-2023 V2 reqs/upgrade; LAB"},
	{DDBGT_E_REGION_UNKNOWN, "DDBGT_E_REGION_UNKNOWN", DDBGT_SEVERITY_ERROR,
	 "a region code is malformed or not in the region catalogue",
	 "use a region code listed by `ddbgt regions`, such as eu-west-1",
	 "PART"},
	{DDBGT_E_REGION_DUPLICATE, "DDBGT_E_REGION_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "two replicas are in the same region",
	 "keep one replica per region; remove or move the duplicate",
	 "DG-HIW; CDK"},
	{DDBGT_E_REGION_CROSS_PARTITION, "DDBGT_E_REGION_CROSS_PARTITION", DDBGT_SEVERITY_ERROR,
	 "the regions of the table belong to different AWS partitions",
	 "keep all replicas and the witness in the partition of the home region (aws, aws-cn or aws-us-gov)",
	 "DG-HIW; REG"},
	{DDBGT_W_REGION_OPT_IN, "DDBGT_W_REGION_OPT_IN", DDBGT_SEVERITY_WARNING,
	 "a region must be enabled in the account before use",
	 "enable the opt-in region in the AWS account settings before deploying",
	 "ACCT; LAB"},
	{DDBGT_W_REGION_UNVERIFIED, "DDBGT_W_REGION_UNVERIFIED", DDBGT_SEVERITY_WARNING,
	 "DynamoDB global table support in a region is not confirmed",
	 "check that global tables are available in the region before relying on it",
	 "PART"},
	{DDBGT_W_NOT_GLOBAL, "DDBGT_W_NOT_GLOBAL", DDBGT_SEVERITY_WARNING,
	 "the table has a single replica, so it is a regional table",
	 "no longer reported: a single region is DDBGT_E_NOT_GLOBAL, an error by default",
	 "DG-HIW"},
	{DDBGT_E_REPLICA_SYNCED_SETTING_DIFFERS, "DDBGT_E_REPLICA_SYNCED_SETTING_DIFFERS", DDBGT_SEVERITY_ERROR,
	 "a replica has its own value for a setting DynamoDB keeps the same in every region",
	 "set the value once on the table (spec format 1 has no per-replica keys for these, so ddbgt never reports this for a spec)",
	 "DG-HIW settings sync; DG-2023 upgrade"},
	{DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN, "DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN", DDBGT_SEVERITY_ERROR,
	 "a replica overrides read capacity for an index the table does not have",
	 "correct the index name in the replica's global_secondary_indexes, or remove the override",
	 "CDK; LAB"},
	{DDBGT_I_REPLICA_OVERRIDE_RESET, "DDBGT_I_REPLICA_OVERRIDE_RESET", DDBGT_SEVERITY_INFO,
	 "a replica overrides read capacity or table class; a later change of the table's value replaces it",
	 "re-apply the override after changing the table-wide value",
	 "DG-HIW"},
	{DDBGT_E_MREC_STREAM_DISABLED, "DDBGT_E_MREC_STREAM_DISABLED", DDBGT_SEVERITY_ERROR,
	 "a multi-region eventual table disables its stream, which replication needs",
	 "remove the stream setting or enable it with NEW_AND_OLD_IMAGES",
	 "DG-HIW; LAB"},
	{DDBGT_W_MREC_STREAM_VIEW, "DDBGT_W_MREC_STREAM_VIEW", DDBGT_SEVERITY_WARNING,
	 "a multi-region eventual table streams a view other than NEW_AND_OLD_IMAGES",
	 "use NEW_AND_OLD_IMAGES; the view cannot change once replicas exist (error for legacy tables)",
	 "CFN; CDK (legacy); LAB"},
	{DDBGT_E_STREAM_SPEC_INVALID, "DDBGT_E_STREAM_SPEC_INVALID", DDBGT_SEVERITY_ERROR,
	 "a stream is enabled without a view type, names a view while disabled, or names an unknown view",
	 "give an enabled stream a view type (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES) and a disabled one none",
	 "MODEL; EMU"},
	{DDBGT_E_CONSISTENCY_INVALID, "DDBGT_E_CONSISTENCY_INVALID", DDBGT_SEVERITY_ERROR,
	 "the consistency mode is not EVENTUAL or STRONG",
	 "set consistency to EVENTUAL or STRONG",
	 "MODEL"},
	{DDBGT_E_MRSC_REGION_COUNT, "DDBGT_E_MRSC_REGION_COUNT", DDBGT_SEVERITY_ERROR,
	 "a STRONG table does not have exactly three regions (three replicas, or two and a witness)",
	 "use three replicas, or two replicas and a witness_region",
	 "DG-HIW; API-W; CDK"},
	{DDBGT_E_MRSC_WITNESS_COUNT, "DDBGT_E_MRSC_WITNESS_COUNT", DDBGT_SEVERITY_ERROR,
	 "more than one witness region is configured",
	 "keep a single witness (spec format 1 holds one witness_region, so ddbgt never reports this for a spec)",
	 "SDK; LAB"},
	{DDBGT_E_MRSC_WITNESS_WITHOUT_STRONG, "DDBGT_E_MRSC_WITNESS_WITHOUT_STRONG", DDBGT_SEVERITY_ERROR,
	 "a witness region is set on a table without STRONG consistency",
	 "set consistency to STRONG, or remove witness_region",
	 "LAB; SDK"},
	{DDBGT_E_MRSC_WITNESS_REGION_CLASH, "DDBGT_E_MRSC_WITNESS_REGION_CLASH", DDBGT_SEVERITY_ERROR,
	 "the witness region is also a replica region",
	 "move the witness to a region of the same set that has no replica",
	 "API-W; LAB"},
	{DDBGT_E_MRSC_REGION_UNSUPPORTED, "DDBGT_E_MRSC_REGION_UNSUPPORTED", DDBGT_SEVERITY_ERROR,
	 "a STRONG table uses a region that does not offer strong consistency",
	 "use regions of one set: US (us-east-1, us-east-2, us-west-2), EU (eu-west-1, -2, -3, eu-central-1) or AP (ap-northeast-1, -2, -3)",
	 "DG-HIW; API-W; LAB"},
	{DDBGT_E_MRSC_REGION_SET_SPAN, "DDBGT_E_MRSC_REGION_SET_SPAN", DDBGT_SEVERITY_ERROR,
	 "a STRONG table mixes regions of different strong-consistency sets",
	 "keep every replica and the witness in the home region's set (US, EU or AP)",
	 "DG-HIW; CDK (LAB saw one acceptance)"},
	{DDBGT_E_MRSC_TTL, "DDBGT_E_MRSC_TTL", DDBGT_SEVERITY_ERROR,
	 "a STRONG table sets a TTL attribute, which strong consistency does not support",
	 "remove ttl_attribute, or use EVENTUAL consistency",
	 "DG-HIW"},
	{DDBGT_E_MRSC_LSI, "DDBGT_E_MRSC_LSI", DDBGT_SEVERITY_ERROR,
	 "a STRONG table has local secondary indexes, which strong consistency does not support",
	 "replace the LSIs with global secondary indexes, or use EVENTUAL consistency",
	 "DG-HIW"},
	{DDBGT_I_MRSC_EMPTY_TABLE, "DDBGT_I_MRSC_EMPTY_TABLE", DDBGT_SEVERITY_INFO,
	 "a STRONG table must start empty and does not support transactions",
	 "create it before loading data, and keep transactional writes off it",
	 "DG-HIW"},
	{DDBGT_W_MRSC_PROVISIONED, "DDBGT_W_MRSC_PROVISIONED", DDBGT_SEVERITY_WARNING,
	 "a STRONG table uses PROVISIONED billing, whose auto scaling needs AWS does not document",
	 "configure write auto scaling as for eventual tables, or use PAY_PER_REQUEST",
	 "DG-Q"},
	{DDBGT_E_LEGACY_VERSION, "DDBGT_E_LEGACY_VERSION", DDBGT_SEVERITY_ERROR,
	 "the table asks for the legacy 2017.11.29 version, which AWS no longer creates (a warning with adopt_existing)",
	 "remove legacy_version to get version 2019.11.21, or set adopt_existing when describing a table that already exists",
	 "XP2308; LAB; DG-2023"},
	{DDBGT_W_LEGACY_REP_ATTRS, "DDBGT_W_LEGACY_REP_ATTRS", DDBGT_SEVERITY_WARNING,
	 "an attribute name starts with aws:rep:, which legacy replication writes itself",
	 "rename the attribute so it does not start with aws:rep:",
	 "DG-2023"},
	{DDBGT_E_MULTIACCOUNT_OVERRIDE, "DDBGT_E_MULTIACCOUNT_OVERRIDE", DDBGT_SEVERITY_ERROR,
	 "a multi-account global table overrides settings per replica, uses STRONG, or puts two replicas in one account",
	 "give every replica its own account_id, use EVENTUAL consistency, and leave per-replica "
	 "settings (table_class, read_capacity, on_demand, point_in_time_recovery, index "
	 "overrides) to the table, or set the replica's settings_replication to DISABLED",
	 "DG-MA (docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
	 "V2globaltables_MA_HowItWorks.html); aws-cdk TableV2MultiAccountReplica"},
	{DDBGT_E_SSE_TYPE_INVALID, "DDBGT_E_SSE_TYPE_INVALID", DDBGT_SEVERITY_ERROR,
	 "the encryption type is not AWS_OWNED, AWS_MANAGED or CUSTOMER_MANAGED",
	 "set encryption to one of AWS_OWNED, AWS_MANAGED or CUSTOMER_MANAGED",
	 "MODEL/SDK doc"},
	{DDBGT_E_SSE_KEY_WITHOUT_KMS, "DDBGT_E_SSE_KEY_WITHOUT_KMS", DDBGT_SEVERITY_ERROR,
	 "a replica names a KMS key while the table uses the AWS owned key",
	 "set encryption to CUSTOMER_MANAGED, or remove the replica's kms_key",
	 "MODEL doc; LAB"},
	{DDBGT_E_SSE_TYPE_MISMATCH, "DDBGT_E_SSE_TYPE_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "replicas would use different kinds of encryption key",
	 "use one encryption type for all replicas: CUSTOMER_MANAGED with a customer key on each, or no kms_key at all",
	 "DG-HIW; DG-2023; LAB"},
	{DDBGT_E_KMS_KEY_FORMAT, "DDBGT_E_KMS_KEY_FORMAT", DDBGT_SEVERITY_ERROR,
	 "a KMS key is not a key ID, multi-Region key ID, alias, key ARN or alias ARN",
	 "give the key as arn:<partition>:kms:<region>:<account>:key/<id>, or as a key ID or alias/<name>",
	 "KMS; MODEL"},
	{DDBGT_E_KMS_KEY_REGION_MISMATCH, "DDBGT_E_KMS_KEY_REGION_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "a replica's KMS key ARN is in another region than the replica",
	 "use a key that lives in the replica's own region (for a multi-Region key, its replica there)",
	 "CFN ReplicaSSESpecification; LAB"},
	{DDBGT_E_KMS_KEY_PARTITION_MISMATCH, "DDBGT_E_KMS_KEY_PARTITION_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "a replica's KMS key ARN is in another partition than the replica's region",
	 "use a key from the replica's partition and region",
	 "PART; CFN"},
	{DDBGT_E_KMS_CMK_REPLICA_MISSING, "DDBGT_E_KMS_CMK_REPLICA_MISSING", DDBGT_SEVERITY_ERROR,
	 "with customer managed keys, a replica has no key of its own (a key ID or alias, resolved in the replica's region, is a warning)",
	 "set kms_key on every replica, preferably as the full key ARN in the replica's region",
	 "LAB; CFN"},
	{DDBGT_W_KMS_ACCOUNT_MISMATCH, "DDBGT_W_KMS_ACCOUNT_MISMATCH", DDBGT_SEVERITY_WARNING,
	 "a replica's KMS key belongs to another account than the home replica's key",
	 "check that the cross-account key policy lets DynamoDB use it, or use a key of the table's account",
	 "KMS"},
	{DDBGT_E_LEGACY_CMK, "DDBGT_E_LEGACY_CMK", DDBGT_SEVERITY_ERROR,
	 "a legacy 2017.11.29 table asks for customer managed keys, which that version does not support",
	 "use AWS_OWNED or AWS_MANAGED encryption, or move to version 2019.11.21",
	 "DG-2023"},
	{DDBGT_E_PITR_PERIOD_RANGE, "DDBGT_E_PITR_PERIOD_RANGE", DDBGT_SEVERITY_ERROR,
	 "a point-in-time recovery period is outside 1 to 35 days",
	 "set recovery_period_days between 1 and 35, or leave it out for 35",
	 "MODEL; CDK"},
	{DDBGT_E_PITR_PERIOD_WITHOUT_PITR, "DDBGT_E_PITR_PERIOD_WITHOUT_PITR", DDBGT_SEVERITY_ERROR,
	 "a recovery period is set while point-in-time recovery is off",
	 "enable point-in-time recovery, or remove recovery_period_days",
	 "CDK"},
	{DDBGT_E_TTL_ATTR_INVALID, "DDBGT_E_TTL_ATTR_INVALID", DDBGT_SEVERITY_ERROR,
	 "the TTL attribute name is empty or longer than 255 bytes",
	 "name the TTL attribute with 1 to 255 bytes, or remove ttl_attribute",
	 "MODEL"},
	{DDBGT_W_TTL_ATTR_NOT_NUMBER, "DDBGT_W_TTL_ATTR_NOT_NUMBER", DDBGT_SEVERITY_WARNING,
	 "the TTL attribute is a key attribute of type S or B, so no item will ever expire",
	 "use an attribute that holds a Number of epoch seconds for TTL",
	 "DG-2023 TTL"},
	{DDBGT_W_DELETION_PROTECTION_REPLICA, "DDBGT_W_DELETION_PROTECTION_REPLICA", DDBGT_SEVERITY_WARNING,
	 "the table asks for deletion protection but a replica turns it off",
	 "remove the replica's deletion_protection so it inherits the table's, or set it to true",
	 "DG-2023 GlobalTables"},
	{DDBGT_E_TAG_KEY_INVALID, "DDBGT_E_TAG_KEY_INVALID", DDBGT_SEVERITY_ERROR,
	 "a tag key is empty, longer than 128 characters, starts with aws:, or has a character DynamoDB does not allow",
	 "use 1 to 128 letters, digits, spaces and + - = . _ : / without the aws: prefix",
	 "MODEL; DG-2023"},
	{DDBGT_E_TAG_VALUE_INVALID, "DDBGT_E_TAG_VALUE_INVALID", DDBGT_SEVERITY_ERROR,
	 "a tag value is longer than 256 characters or has a character DynamoDB does not allow",
	 "use at most 256 letters, digits, spaces and + - = . _ : /",
	 "MODEL; DG-2023"},
	{DDBGT_E_TAG_COUNT, "DDBGT_E_TAG_COUNT", DDBGT_SEVERITY_ERROR,
	 "a table or replica would carry more than 50 tags (table tags count on every replica)",
	 "remove tags so that each replica has at most 50, table tags included",
	 "MODEL; DG-2023"},
	{DDBGT_W_TAG_CHAR_AT, "DDBGT_W_TAG_CHAR_AT", DDBGT_SEVERITY_WARNING,
	 "a tag key or value contains @, which AWS allows elsewhere but DynamoDB does not list",
	 "remove the @ from the tag to be sure DynamoDB accepts it",
	 "DG-2023"},
	{DDBGT_E_TABLE_CLASS_INVALID, "DDBGT_E_TABLE_CLASS_INVALID", DDBGT_SEVERITY_ERROR,
	 "a table class is not STANDARD or STANDARD_INFREQUENT_ACCESS",
	 "set table_class to STANDARD or STANDARD_INFREQUENT_ACCESS",
	 "MODEL"},
	{DDBGT_I_TRANSACTIONS_REGIONAL, "DDBGT_I_TRANSACTIONS_REGIONAL", DDBGT_SEVERITY_INFO,
	 "with eventual consistency across regions, a transaction is atomic only in its own region",
	 "design readers in other regions to tolerate seeing part of a transaction for a moment",
	 "DG-HIW"},
	{DDBGT_E_POLICY_MIN_REGIONS, "DDBGT_E_POLICY_MIN_REGIONS", DDBGT_SEVERITY_ERROR,
	 "the table spans fewer regions than the policy's min_regions",
	 "add replicas (a witness counts as a region) until the policy minimum is met",
	 "libddbgt policy"},
	{DDBGT_E_POLICY_MAX_REGIONS, "DDBGT_E_POLICY_MAX_REGIONS", DDBGT_SEVERITY_ERROR,
	 "the table spans more regions than the policy's max_regions",
	 "remove replicas until the count (witness included) is within the policy maximum",
	 "libddbgt policy"},
	{DDBGT_E_POLICY_REGION_NOT_ALLOWED, "DDBGT_E_POLICY_REGION_NOT_ALLOWED", DDBGT_SEVERITY_ERROR,
	 "a replica or the witness is in a region the policy does not allow",
	 "move it to a region listed in policy.allowed_regions, or extend that list",
	 "libddbgt policy"},
	{DDBGT_E_POLICY_JURISDICTION, "DDBGT_E_POLICY_JURISDICTION", DDBGT_SEVERITY_ERROR,
	 "a replica or the witness lies outside the policy's data-residency jurisdictions",
	 "move it to a region of a jurisdiction in policy.jurisdictions",
	 "libddbgt policy"},
	{DDBGT_E_POLICY_PITR_REQUIRED, "DDBGT_E_POLICY_PITR_REQUIRED", DDBGT_SEVERITY_ERROR,
	 "the policy requires point-in-time recovery and a replica has it off",
	 "enable point_in_time_recovery on the table (or on that replica)",
	 "libddbgt policy"},
	{DDBGT_E_POLICY_CMK_REQUIRED, "DDBGT_E_POLICY_CMK_REQUIRED", DDBGT_SEVERITY_ERROR,
	 "the policy requires customer managed keys and the table uses another encryption type",
	 "set encryption to CUSTOMER_MANAGED and a kms_key on every replica",
	 "libddbgt policy"},
	{DDBGT_E_POLICY_DELETION_PROTECTION_REQUIRED, "DDBGT_E_POLICY_DELETION_PROTECTION_REQUIRED", DDBGT_SEVERITY_ERROR,
	 "the policy requires deletion protection and a replica has it off",
	 "set deletion_protection on the table (or on that replica)",
	 "libddbgt policy"},
	{DDBGT_E_REPLICA_NONE, "DDBGT_E_REPLICA_NONE", DDBGT_SEVERITY_ERROR,
	 "the table has no replica, so no region to be created in",
	 "add a replica for the home region, and one for each other region",
	 "DG-HIW"},
	{DDBGT_E_REPLICA_PRIMARY_DUPLICATE, "DDBGT_E_REPLICA_PRIMARY_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "more than one replica has the primary role",
	 "keep one primary (the home region) and make the others secondary or standby",
	 "libddbgt spec format"},
	{DDBGT_E_LEGACY_REGION_UNSUPPORTED, "DDBGT_E_LEGACY_REGION_UNSUPPORTED", DDBGT_SEVERITY_ERROR,
	 "a legacy 2017.11.29 table has a replica in a region that version never served (a warning with adopt_existing)",
	 "remove the replica, or drop legacy_version to use version 2019.11.21",
	 "DG-2023"},
	{DDBGT_E_LEGACY_STRONG, "DDBGT_E_LEGACY_STRONG", DDBGT_SEVERITY_ERROR,
	 "a legacy 2017.11.29 table asks for STRONG consistency, which only version 2019.11.21 offers",
	 "remove legacy_version, or use EVENTUAL consistency",
	 "DG-HIW"},
	{DDBGT_E_NOT_GLOBAL, "DDBGT_E_NOT_GLOBAL", DDBGT_SEVERITY_ERROR,
	 "the table has a single replica: a global table has two or more, each in its own region",
	 "add a replica in a second region; to stage a regional table on purpose, set "
	 "policy.severity.DDBGT_E_NOT_GLOBAL to \"warning\" or \"off\"",
	 "DG-HIW (docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
	 "V2globaltables_HowItWorks.html: \"two or more replica tables\")"},
	{DDBGT_E_PROJECTION_NONKEY_DUPLICATE, "DDBGT_E_PROJECTION_NONKEY_DUPLICATE",
	 DDBGT_SEVERITY_ERROR,
	 "an index lists the same non-key attribute twice",
	 "list each attribute once in non_key_attributes",
	 "CloudFormation AWS::DynamoDB::GlobalTable Projection schema (NonKeyAttributes "
	 "uniqueItems; docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
	 "aws-properties-dynamodb-globaltable-projection.html)"},
	{DDBGT_E_MRSC_TRANSACTIONS, "DDBGT_E_MRSC_TRANSACTIONS", DDBGT_SEVERITY_ERROR,
	 "the usage profile reads or writes through transactions, which a STRONG (MRSC) table refuses",
	 "set usage.read_consistency to \"strong\" or \"eventual\" and usage.write_mode to "
	 "\"standard\", or use EVENTUAL consistency",
	 "DG-HIW (docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
	 "V2globaltables_HowItWorks.html: MRSC does not support transaction APIs)"},
	{DDBGT_E_ATTR_TYPE_CONFLICT, "DDBGT_E_ATTR_TYPE_CONFLICT", DDBGT_SEVERITY_ERROR,
	 "an index key written {\"name\", \"type\"} gives an attribute another type than its other definition",
	 "give the attribute one type everywhere: in table.attributes, the table keys and every index key object",
	 "CreateTable AttributeDefinitions (docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
	 "API_CreateTable.html: one definition per attribute); CDK TableV2 (a GSI key with a "
	 "different type than an existing definition is refused)"},
	{DDBGT_E_GSI_KEY_ATTRIBUTE_COUNT, "DDBGT_E_GSI_KEY_ATTRIBUTE_COUNT", DDBGT_SEVERITY_ERROR,
	 "a multi-attribute GSI key has no partition key attribute, or more than four on a side",
	 "give partition_keys 1 to 4 attributes and sort_keys at most 4",
	 "DynamoDB developer guide, multi-attribute keys (docs.aws.amazon.com/amazondynamodb/latest/"
	 "developerguide/GSI.DesignPattern.MultiAttributeKeys.html: up to four attributes each)"},
	{DDBGT_I_WARM_THROUGHPUT_ONLY_UP, "DDBGT_I_WARM_THROUGHPUT_ONLY_UP", DDBGT_SEVERITY_INFO,
	 "warm throughput can be raised but never lowered",
	 "set the warm throughput you need for launch; to lower it later the table or index must be "
	 "created again",
	 "DG-WARM (docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html); "
	 "terraform-provider-aws warm_throughput (a decrease forces a new resource)"},
	{DDBGT_E_KINESIS_STREAM_ARN, "DDBGT_E_KINESIS_STREAM_ARN", DDBGT_SEVERITY_ERROR,
	 "a replica's kinesis_stream.stream_arn is not the ARN of a Kinesis data stream",
	 "use arn:<partition>:kinesis:<region>:<account>:stream/<name> (37 to 1024 characters)",
	 "CloudFormation AWS::DynamoDB::GlobalTable KinesisStreamSpecification (StreamArn, 37-1024; "
	 "docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
	 "aws-properties-dynamodb-globaltable-kinesisstreamspecification.html); SAR Kinesis ARNs"},
	{DDBGT_E_KINESIS_STREAM_REGION, "DDBGT_E_KINESIS_STREAM_REGION", DDBGT_SEVERITY_ERROR,
	 "a replica streams to a Kinesis data stream of another region or partition",
	 "use a stream in the replica's own region (and account)",
	 "EnableKinesisStreamingDestination (docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
	 "API_EnableKinesisStreamingDestination.html); terraform-provider-aws "
	 "aws_dynamodb_kinesis_streaming_destination (the stream must be in the table's account "
	 "and region)"},
	{DDBGT_E_RESOURCE_POLICY_DOCUMENT, "DDBGT_E_RESOURCE_POLICY_DOCUMENT", DDBGT_SEVERITY_ERROR,
	 "a replica's resource_policy or stream_resource_policy is not an IAM policy document",
	 "give Version \"2012-10-17\" and a Statement (an object or an array of them), each with "
	 "Effect (Allow or Deny), Action or NotAction, and Principal or NotPrincipal",
	 "IAM JSON policy element reference (docs.aws.amazon.com/IAM/latest/UserGuide/"
	 "reference_policies_elements.html); DynamoDB resource-based policies "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html)"},
	{DDBGT_E_RESOURCE_POLICY_SIZE, "DDBGT_E_RESOURCE_POLICY_SIZE", DDBGT_SEVERITY_ERROR,
	 "a resource-based policy is larger than the 20 KB DynamoDB accepts",
	 "split the access between the table's and the stream's policies, or grant it to roles "
	 "rather than to many principals",
	 "DynamoDB resource-based policy considerations: at most 20 KB, whitespace counted "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html)"},
	{DDBGT_E_RESOURCE_POLICY_RESOURCE, "DDBGT_E_RESOURCE_POLICY_RESOURCE", DDBGT_SEVERITY_ERROR,
	 "a Resource of a resource-based policy names something other than the replica's own "
	 "table (or stream)",
	 "name arn:<partition>:dynamodb:<region>:<account>:table/<name> (its indexes below it) in a "
	 "table's policy, and .../table/<name>/stream/<label> in a stream's, in the replica's "
	 "region and partition",
	 "PutResourcePolicy (docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
	 "API_PutResourcePolicy.html); DynamoDB resource-based policy examples "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-examples.html)"},
	{DDBGT_E_RESOURCE_POLICY_LEGACY, "DDBGT_E_RESOURCE_POLICY_LEGACY", DDBGT_SEVERITY_ERROR,
	 "a legacy 2017.11.29 global table cannot have resource-based policies",
	 "remove resource_policy and stream_resource_policy, or upgrade the table to version "
	 "2019.11.21 first",
	 "DynamoDB resource-based policy considerations: not supported for version 2017.11.29 "
	 "replicas (docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html)"},
	{DDBGT_E_RESOURCE_POLICY_NO_STREAM, "DDBGT_E_RESOURCE_POLICY_NO_STREAM", DDBGT_SEVERITY_ERROR,
	 "a replica has a stream_resource_policy but the table's stream is off: there is no stream "
	 "to attach it to",
	 "enable the stream (table.stream) or remove stream_resource_policy",
	 "DynamoDB resource-based policy considerations: a policy attaches only to an existing "
	 "stream (docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html); "
	 "PutResourcePolicy takes the stream's ARN (docs.aws.amazon.com/amazondynamodb/latest/"
	 "APIReference/API_PutResourcePolicy.html)"},
	{DDBGT_E_ACCOUNT_ID_INVALID, "DDBGT_E_ACCOUNT_ID_INVALID", DDBGT_SEVERITY_ERROR,
	 "a replica's account_id is not an AWS account ID",
	 "write the 12 digits of the account, leading zeros included",
	 "AWS account identifiers (docs.aws.amazon.com/accounts/latest/reference/"
	 "manage-acct-identifiers.html)"},
	{DDBGT_E_MULTIACCOUNT_KMS_ACCOUNT, "DDBGT_E_MULTIACCOUNT_KMS_ACCOUNT", DDBGT_SEVERITY_ERROR,
	 "a replica with its own account_id names a KMS key of another account",
	 "use a customer managed key of the replica's own account and region",
	 "DG-MA: each account owns its replica, its IAM and its KMS keys "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html, account "
	 "configurations)"},
	{DDBGT_E_PROVIDER_ROLE_ARN, "DDBGT_E_PROVIDER_ROLE_ARN", DDBGT_SEVERITY_ERROR,
	 "a replica's provider_role_arn is not the ARN of an IAM role of the replica's account",
	 "use arn:<partition>:iam::<account_id>:role/<name> in the replica's partition",
	 "IAM ARNs (docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html); "
	 "terraform-provider-aws provider assume_role.role_arn"},
	{DDBGT_E_MULTIACCOUNT_LEGACY, "DDBGT_E_MULTIACCOUNT_LEGACY", DDBGT_SEVERITY_ERROR,
	 "a legacy 2017.11.29 global table cannot span accounts",
	 "remove account_id from the replicas, or upgrade the table to version 2019.11.21",
	 "DG-MA: multi-account global tables are version 2019.11.21 only "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html)"},
	{DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY, "DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY",
	 DDBGT_SEVERITY_ERROR,
	 "a replica of a multi-account global table has no resource_policy that lets DynamoDB "
	 "replicate into and out of it",
	 "give the replica a resource_policy statement with Effect Allow, Principal {\"Service\": "
	 "\"replication.dynamodb.amazonaws.com\"}, the actions dynamodb:ReadDataForReplication, "
	 "dynamodb:WriteDataForReplication and dynamodb:ReplicateSettings, and the replica's table "
	 "as Resource; its aws:SourceAccount or aws:SourceArn condition (StringEquals, StringLike, "
	 "ArnEquals, ArnLike) must admit every replica, this one included, and no Deny may apply "
	 "to the replication principal, since a Deny overrides every Allow",
	 "Multi-account global tables security: service principal authorization for replication "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables_MA_security.html); "
	 "tutorial (docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
	 "V2globaltables_MA.tutorial.html); IAM policy evaluation logic "
	 "(docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html)"},
	{DDBGT_W_MULTIACCOUNT_REPLICATION_UNCHECKED, "DDBGT_W_MULTIACCOUNT_REPLICATION_UNCHECKED",
	 DDBGT_SEVERITY_WARNING,
	 "whether a multi-account replica's resource_policy lets DynamoDB replicate from every "
	 "replica could not be checked: a statement depends on a condition key or operator whose "
	 "outcome the spec does not determine (aws:SourceOrgID, a date, a policy variable, an "
	 "account_id not given)",
	 "check the grant by hand, or give every replica its account_id and restrict the grant "
	 "with aws:SourceAccount or aws:SourceArn (StringEquals, StringLike, ArnEquals, ArnLike)",
	 "Multi-account global tables security "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables_MA_security.html); "
	 "IAM condition operators (docs.aws.amazon.com/IAM/latest/UserGuide/"
	 "reference_policies_elements_condition_operators.html)"},
	{DDBGT_E_RESOURCE_POLICY_PUBLIC, "DDBGT_E_RESOURCE_POLICY_PUBLIC", DDBGT_SEVERITY_ERROR,
	 "a replica's resource_policy or stream_resource_policy grants public access: an Allow "
	 "statement for Principal \"*\" (or {\"AWS\": \"*\"}) with no condition that limits it, "
	 "which DynamoDB's Block Public Access refuses when the policy is attached",
	 "name the principals (account IDs or IAM ARNs) instead of \"*\", or add a condition on a "
	 "key that Block Public Access trusts with fixed values: aws:PrincipalAccount, "
	 "aws:PrincipalArn, aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:SourceAccount, "
	 "aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:UserId, aws:PrincipalServiceName, "
	 "aws:PrincipalServiceNamesList, aws:PrincipalIsAWSService (true), "
	 "aws:Ec2InstanceSourceVpc, aws:SourceOrgID or aws:SourceOrgPaths",
	 "Blocking public access with resource-based policies in DynamoDB "
	 "(docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-bpa-rbp.html)"},
	{DDBGT_I_CONTRIBUTOR_INSIGHTS_KMS, "DDBGT_I_CONTRIBUTOR_INSIGHTS_KMS",
	 DDBGT_SEVERITY_INFO,
	 "CloudWatch Contributor Insights is on for a replica or one of its indexes while the table "
	 "is encrypted with a KMS key (AWS_MANAGED or CUSTOMER_MANAGED): its graphs show the "
	 "partition and sort keys of the most accessed and throttled items (the most throttled "
	 "only, in THROTTLED_KEYS mode) in plaintext, and AWS advises against it when the keys "
	 "must stay under KMS encryption",
	 "if the key values must stay under KMS encryption, turn contributor_insights off on that "
	 "replica and its indexes; if they are not sensitive, nothing needs to change",
	 "UpdateContributorInsights API reference: the graphs display keys in plaintext, so tables "
	 "whose keys need KMS encryption with an AWS managed or customer managed key should not "
	 "enable it (docs.aws.amazon.com/amazondynamodb/latest/APIReference/"
	 "API_UpdateContributorInsights.html)"},
	/* operations: 400-419 (doc/operations.md, doc/security.md) */
	{DDBGT_E_OPS_ALARM_SETTING_RANGE, "DDBGT_E_OPS_ALARM_SETTING_RANGE", DDBGT_SEVERITY_ERROR,
	 "an alarm setting is out of range: DynamoDB publishes its metrics each minute, so the period "
	 "is a multiple of 60 seconds; evaluation periods times the period is at most one day; the "
	 "latency threshold is at least 1 ms; utilisation is 1 to 100 percent",
	 "use a value in the range named in the message",
	 "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html"},
	{DDBGT_E_OPS_SNS_TOPIC_ARN, "DDBGT_E_OPS_SNS_TOPIC_ARN", DDBGT_SEVERITY_ERROR,
	 "an alarm topic is not an SNS topic ARN (arn:PARTITION:sns:REGION:ACCOUNT:NAME)",
	 "give the topic's full ARN: a 12-digit account and a name of letters, digits, - and _ "
	 "(and .fifo)",
	 "https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html"},
	{DDBGT_E_OPS_SNS_TOPIC_REGION, "DDBGT_E_OPS_SNS_TOPIC_REGION", DDBGT_SEVERITY_ERROR,
	 "an alarm topic is in another region or partition than the alarms it is given for: a "
	 "CloudWatch alarm notifies only a topic in its own region",
	 "create a topic in that region and give its ARN under that region",
	 "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html"},
	{DDBGT_E_OPS_REGION_NOT_REPLICA, "DDBGT_E_OPS_REGION_NOT_REPLICA", DDBGT_SEVERITY_ERROR,
	 "operations names a region where the table has no replica",
	 "use only the regions of the replicas",
	 "libddbgt spec format"},
	{DDBGT_E_OPS_INDEX_UNKNOWN, "DDBGT_E_OPS_INDEX_UNKNOWN", DDBGT_SEVERITY_ERROR,
	 "operations.iam.indexes names an index the table does not have",
	 "use the name of one of the table's global or local secondary indexes",
	 "libddbgt spec format"},
	{DDBGT_I_OPS_NO_REPLICATION_METRIC, "DDBGT_I_OPS_NO_REPLICATION_METRIC", DDBGT_SEVERITY_INFO,
	 "no replication latency alarm is emitted: a multi-Region strong consistency table publishes "
	 "no ReplicationLatency metric, and a one-region table replicates nothing",
	 "nothing to do; the throttle and error alarms are still emitted",
	 "DG-HIW (V2globaltables_HowItWorks), doc/operations.md"},
	{DDBGT_W_OPS_UTILIZATION_ON_DEMAND, "DDBGT_W_OPS_UTILIZATION_ON_DEMAND", DDBGT_SEVERITY_WARNING,
	 "utilization_percent is set on a PAY_PER_REQUEST table, which has no provisioned capacity "
	 "to compare with: no utilisation alarm is emitted",
	 "remove utilization_percent, or use PROVISIONED billing",
	 "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html"},
	{DDBGT_W_OPS_STREAM_CONSUMER_NO_STREAM, "DDBGT_W_OPS_STREAM_CONSUMER_NO_STREAM",
	 DDBGT_SEVERITY_WARNING,
	 "a stream_consumer policy is asked for, but the table's stream is off",
	 "enable the stream, or drop stream_consumer from operations.iam.policies",
	 "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html"},
	{DDBGT_I_OPS_ALARMS_NO_TOPIC, "DDBGT_I_OPS_ALARMS_NO_TOPIC", DDBGT_SEVERITY_INFO,
	 "the alarms of a region have no SNS topic: they change state but notify no one",
	 "add operations.alarms.sns_topics with a topic in that region",
	 "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html"},
	{DDBGT_E_OPS_VPC_ID, "DDBGT_E_OPS_VPC_ID", DDBGT_SEVERITY_ERROR,
	 "a VPC or route table ID of a gateway endpoint is not of the form vpc-... or rtb-... "
	 "(8 or 17 hexadecimal digits)",
	 "copy the IDs from the VPC console or `aws ec2 describe-vpcs` / `describe-route-tables`",
	 "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html"},
	{DDBGT_W_OPS_VPC_NO_ROUTE_TABLES, "DDBGT_W_OPS_VPC_NO_ROUTE_TABLES", DDBGT_SEVERITY_WARNING,
	 "a gateway endpoint has no route table: no subnet's traffic reaches DynamoDB through it",
	 "list the route tables of the subnets that call DynamoDB in route_table_ids",
	 "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html"},
	{DDBGT_W_OPS_KMS_POLICIES_NO_CMK, "DDBGT_W_OPS_KMS_POLICIES_NO_CMK", DDBGT_SEVERITY_WARNING,
	 "kms_key_policies is on, but the table does not use customer managed keys: there is no key "
	 "policy of yours to write statements for",
	 "set encryption to CUSTOMER_MANAGED with a kms_key per replica, or remove kms_key_policies",
	 "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html"},
	/* emitters: 500-599 */
	{DDBGT_E_EMIT_INVALID_MODEL, "DDBGT_E_EMIT_INVALID_MODEL", DDBGT_SEVERITY_ERROR,
	 "nothing was emitted: the table has errors",
	 "fix the errors listed with this finding (ddbgt validate shows them all), then emit again",
	 "libddbgt emitters: an invalid model is never serialized"},
	{DDBGT_E_EMIT_TARGET_MISMATCH, "DDBGT_E_EMIT_TARGET_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "the target does not match the table's global table version",
	 "emit a legacy_version table with target terraform-legacy and any other with terraform",
	 "doc/terraform.md; AWS CreateGlobalTable API reference (version 2017.11.29)"},
	{DDBGT_E_EMIT_ENCODING, "DDBGT_E_EMIT_ENCODING", DDBGT_SEVERITY_ERROR,
	 "a string of the table is not valid UTF-8",
	 "set the string again as UTF-8: a JSON document cannot carry other bytes",
	 "RFC 8259 section 8.1"},
	{DDBGT_E_EMIT_OPTION, "DDBGT_E_EMIT_OPTION", DDBGT_SEVERITY_ERROR,
	 "an emit option is invalid",
	 "see the message: the resource name must be a Terraform identifier, default tags need "
	 "distinct keys and values",
	 "include/ddbgt/emit.h; Terraform configuration syntax (identifiers)"},
	{DDBGT_E_EMIT_NO_HOME_REGION, "DDBGT_E_EMIT_NO_HOME_REGION", DDBGT_SEVERITY_ERROR,
	 "the table has no primary replica to declare it in",
	 "add a replica, or give one replica the role primary",
	 "doc/terraform.md"},
	{DDBGT_W_EMIT_REPLICA_PITR_PERIOD, "DDBGT_W_EMIT_REPLICA_PITR_PERIOD", DDBGT_SEVERITY_WARNING,
	 "Terraform cannot set a replica's point-in-time recovery period: it keeps 35 days",
	 "accept 35 days in that region, or set the period there outside Terraform "
	 "(UpdateContinuousBackups)",
	 "terraform-provider-aws aws_dynamodb_table replica and aws_dynamodb_table_replica "
	 "schemas (point_in_time_recovery is a bool)"},
	{DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS, "DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS",
	 DDBGT_SEVERITY_WARNING,
	 "a per-replica table class or tags cannot be expressed for a STRONG table",
	 "give every replica the home region's class and no tags of its own, or manage them "
	 "outside Terraform",
	 "terraform-provider-aws: aws_dynamodb_table_replica has no consistency_mode "
	 "(issue #48672), replica blocks have no class or tags"},
	{DDBGT_W_EMIT_STRONG_PROVISIONED_ORDER, "DDBGT_W_EMIT_STRONG_PROVISIONED_ORDER",
	 DDBGT_SEVERITY_WARNING,
	 "a STRONG PROVISIONED table gets its replicas before its write autoscaling",
	 "if the apply fails with \"Table write capacity should either be Pay-Per-Request or "
	 "AutoScaled\", apply once without the replica blocks, then with them",
	 "terraform-provider-aws issue #13097"},
	{DDBGT_W_EMIT_LEGACY_CONSISTENCY, "DDBGT_W_EMIT_LEGACY_CONSISTENCY", DDBGT_SEVERITY_WARNING,
	 "a version 2017.11.29 global table has no strong consistency and no witness",
	 "drop consistency and witness_region from a legacy_version spec",
	 "AWS DynamoDB developer guide, global tables versions"},
	{DDBGT_W_EMIT_LEGACY_STREAM, "DDBGT_W_EMIT_LEGACY_STREAM", DDBGT_SEVERITY_WARNING,
	 "the stream of a version 2017.11.29 table is written as NEW_AND_OLD_IMAGES",
	 "set the stream to enabled with NEW_AND_OLD_IMAGES in the spec",
	 "AWS CreateGlobalTable API reference"},
	{DDBGT_W_EMIT_ADOPT_NOT_IMPORTED, "DDBGT_W_EMIT_ADOPT_NOT_IMPORTED", DDBGT_SEVERITY_WARNING,
	 "the table exists already but the document has no import blocks",
	 "emit without --no-import, or run terraform import for each table before applying",
	 "Terraform import blocks (Terraform 1.5)"},
	{DDBGT_I_EMIT_PROVIDER_FLOOR, "DDBGT_I_EMIT_PROVIDER_FLOOR", DDBGT_SEVERITY_INFO,
	 "the document needs a newer AWS provider than 5.0",
	 "use at least the provider version named in the message",
	 "terraform-provider-aws CHANGELOG; doc/terraform.md"},
	{DDBGT_E_EMIT_INCOMPLETE, "DDBGT_E_EMIT_INCOMPLETE", DDBGT_SEVERITY_ERROR,
	 "the table or an index lacks a name or key that the document must contain",
	 "set the table's name and partition key, each GSI's partition key and each LSI's sort key",
	 "doc/terraform.md (refusals the policy cannot lower)"},
	{DDBGT_E_EMIT_REGION, "DDBGT_E_EMIT_REGION", DDBGT_SEVERITY_ERROR,
	 "a region code cannot become a provider alias, or a region appears twice",
	 "use region codes such as eu-west-1, each once",
	 "doc/terraform.md (refusals the policy cannot lower)"},
	{DDBGT_E_EMIT_MULTI_ATTRIBUTE_KEY, "DDBGT_E_EMIT_MULTI_ATTRIBUTE_KEY", DDBGT_SEVERITY_ERROR,
	 "retired before 0.1.0, kept so that no other code takes its number: emit refused a GSI "
	 "with a multi-attribute key for Terraform; it now writes key_schema blocks",
	 "nothing to do: the document needs hashicorp/aws 6.29 or newer "
	 "(DDBGT_I_EMIT_PROVIDER_FLOOR says so)",
	 "terraform-provider-aws 6.29.0: global_secondary_index.key_schema, PR #45357"},
	{DDBGT_E_EMIT_WARM_THROUGHPUT, "DDBGT_E_EMIT_WARM_THROUGHPUT", DDBGT_SEVERITY_ERROR,
	 "a warm throughput is below what the Terraform AWS provider accepts",
	 "use at least 12,000 read and 4,000 write units per second, or leave warm_throughput out",
	 "terraform-provider-aws warm_throughput (IntAtLeast 12000 and 4000; reference/terraform.md)"},
	{DDBGT_W_EMIT_REPLICA_ON_DEMAND, "DDBGT_W_EMIT_REPLICA_ON_DEMAND", DDBGT_SEVERITY_WARNING,
	 "Terraform cannot set a replica's own on-demand read maximum: the replica gets the table's",
	 "accept the table's maximum in that region, or set it outside Terraform (UpdateTable "
	 "ReplicaUpdates OnDemandThroughputOverride)",
	 "terraform-provider-aws 6.25.0 schema (replica blocks and aws_dynamodb_table_replica have "
	 "no on_demand_throughput); AWS UpdateTable API reference (OnDemandThroughputOverride)"},
	{DDBGT_E_EMIT_MULTI_ACCOUNT, "DDBGT_E_EMIT_MULTI_ACCOUNT", DDBGT_SEVERITY_ERROR,
	 "a replica is in another account, which Terraform cannot create and the CloudFormation "
	 "target does not write yet: nothing was emitted",
	 "create the table in the home account with Terraform, then each other account's replica "
	 "with CloudFormation (GlobalTableSourceArn) or CreateTable with GlobalTableSourceArn "
	 "(see doc/terraform.md)",
	 "terraform-provider-aws 5.100.0 and 6.25.0 schemas: aws_dynamodb_table replica blocks and "
	 "aws_dynamodb_table_replica create replicas through UpdateTable in the table's own "
	 "account and have no GlobalTableSourceArn"},
	{DDBGT_I_EMIT_CFN_WRITE_PINNED, "DDBGT_I_EMIT_CFN_WRITE_PINNED", DDBGT_SEVERITY_INFO,
	 "CloudFormation sets a global table's write capacity through autoscaling only: fixed "
	 "write units become autoscaling with a minimum equal to the maximum",
	 "nothing to do: the capacity stays at the units; give the spec write_autoscaling to "
	 "let it scale",
	 "AWS CloudFormation User Guide, AWS::DynamoDB::GlobalTable "
	 "WriteProvisionedThroughputSettings (WriteCapacityAutoScalingSettings is its only "
	 "property): https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
	 "aws-properties-dynamodb-globaltable-writeprovisionedthroughputsettings.html"},
	{DDBGT_W_EMIT_CFN_IMPORT, "DDBGT_W_EMIT_CFN_IMPORT", DDBGT_SEVERITY_WARNING,
	 "the table exists already (adopt_existing): a template cannot import it by itself",
	 "create the stack with a change set of type IMPORT (aws cloudformation "
	 "create-change-set --change-set-type IMPORT --resources-to-import) rather than "
	 "aws cloudformation deploy; the template's DeletionPolicy Retain is what an import needs",
	 "AWS CloudFormation User Guide, Import AWS resources into a CloudFormation stack: "
	 "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
	 "resource-import-existing-stack.html"},
	{DDBGT_W_EMIT_OPS_NOT_EMITTED, "DDBGT_W_EMIT_OPS_NOT_EMITTED", DDBGT_SEVERITY_WARNING,
	 "target terraform-legacy does not write the operations object (alarms, dashboard, IAM "
	 "documents, VPC endpoints)",
	 "emit with --target terraform or cloudformation for a version 2019.11.21 table, or write "
	 "these by hand",
	 "doc/operations.md"},
	{DDBGT_W_EMIT_OPS_OTHER_REGION, "DDBGT_W_EMIT_OPS_OTHER_REGION", DDBGT_SEVERITY_WARNING,
	 "an alarm or VPC endpoint of the operations object belongs to a region other than the "
	 "CloudFormation stack's (the table's home region) and is not in the template",
	 "deploy that region's alarms and endpoint with a stack in that region: a StackSet "
	 "instance per region, or one stack per region, each from a template that holds that "
	 "region's part (doc/cloudformation.md); or emit with --target terraform, whose "
	 "providers reach every region",
	 "AWS CloudFormation User Guide, Working with stacks (a stack's resources are created in "
	 "the stack's region) and StackSets concepts: https://docs.aws.amazon.com/"
	 "AWSCloudFormation/latest/UserGuide/stacksets-concepts.html; CloudWatch alarms watch "
	 "metrics of their own region: https://docs.aws.amazon.com/AmazonCloudWatch/latest/"
	 "monitoring/AlarmThatSendsEmail.html"},
	/* cost and prices: 600-699 */
	{DDBGT_W_PRICE_MISSING, "DDBGT_W_PRICE_MISSING", DDBGT_SEVERITY_WARNING,
	 "the price table has no price for an item the estimate needs in a region",
	 "load a price file (--prices) that gives the region's price; the line is reported without an amount",
	 "libddbgt price table (data/prices.json)"},
	{DDBGT_I_PRICE_DERIVED, "DDBGT_I_PRICE_DERIVED", DDBGT_SEVERITY_INFO,
	 "some prices used in a region are derived by a ratio rule, not read from AWS",
	 "check them against the AWS price list and override them in a price file if they differ",
	 "reference/cost.md 2.4"},
	{DDBGT_W_USAGE_REGION_NOT_REPLICA, "DDBGT_W_USAGE_REGION_NOT_REPLICA", DDBGT_SEVERITY_WARNING,
	 "the usage profile gives traffic for a region that has no replica; it is left out of the estimate",
	 "add a replica in that region or move the traffic to a replica region",
	 "libddbgt spec format (usage)"},
	{DDBGT_I_USAGE_EMPTY, "DDBGT_I_USAGE_EMPTY", DDBGT_SEVERITY_INFO,
	 "the spec has no usage profile: the estimate holds only fixed charges",
	 "add a usage object (writes_per_second, reads_per_second, storage_gb...)",
	 "libddbgt spec format (usage)"},
	{DDBGT_I_CAPACITY_FROM_USAGE, "DDBGT_I_CAPACITY_FROM_USAGE", DDBGT_SEVERITY_INFO,
	 "a provisioned table or index has no capacity setting; it is priced at the usage profile's demand",
	 "set capacity units or autoscaling to price what will be provisioned",
	 "AWS global-tables-billing"},
	{DDBGT_E_PRICES_SYNTAX, "DDBGT_E_PRICES_SYNTAX", DDBGT_SEVERITY_ERROR,
	 "the price file is not well-formed JSON",
	 "fix the JSON at the line and column given",
	 "RFC 8259"},
	{DDBGT_E_PRICES_DUPLICATE_KEY, "DDBGT_E_PRICES_DUPLICATE_KEY", DDBGT_SEVERITY_ERROR,
	 "an object of the price file has the same key twice",
	 "keep one of the two keys",
	 "RFC 8259 section 4"},
	{DDBGT_E_PRICES_UNKNOWN_KEY, "DDBGT_E_PRICES_UNKNOWN_KEY", DDBGT_SEVERITY_ERROR,
	 "a key that the price file format does not define",
	 "check the spelling against doc/cost.md; unknown keys are never ignored",
	 "libddbgt price file format"},
	{DDBGT_E_PRICES_TYPE, "DDBGT_E_PRICES_TYPE", DDBGT_SEVERITY_ERROR,
	 "a value of the price file has the wrong JSON type",
	 "use the type doc/cost.md names for this key",
	 "libddbgt price file format"},
	{DDBGT_E_PRICES_MISSING_KEY, "DDBGT_E_PRICES_MISSING_KEY", DDBGT_SEVERITY_ERROR,
	 "a required key of the price file is absent",
	 "add the key (format and currency are required)",
	 "libddbgt price file format"},
	{DDBGT_E_PRICES_FORMAT, "DDBGT_E_PRICES_FORMAT", DDBGT_SEVERITY_ERROR,
	 "the price file's format key is not \"ddbgt-prices/1\"",
	 "set \"format\": \"ddbgt-prices/1\"",
	 "libddbgt price file format"},
	{DDBGT_E_PRICES_RANGE, "DDBGT_E_PRICES_RANGE", DDBGT_SEVERITY_ERROR,
	 "a price is negative, too large, or has more than 9 decimals",
	 "give prices from 0 with at most 9 decimals (prices are held in nanos)",
	 "libddbgt price file format"},
	{DDBGT_E_PRICES_REGION, "DDBGT_E_PRICES_REGION", DDBGT_SEVERITY_ERROR,
	 "a key that should be a region code is not one",
	 "use region codes such as \"eu-west-1\"",
	 "libddbgt price file format"},
	{DDBGT_E_PRICES_DATE, "DDBGT_E_PRICES_DATE", DDBGT_SEVERITY_ERROR,
	 "a date of the price file is not YYYY-MM-DD",
	 "write dates as 2024-11-01",
	 "ISO 8601"},
	{DDBGT_E_PRICES_CURRENCY, "DDBGT_E_PRICES_CURRENCY", DDBGT_SEVERITY_ERROR,
	 "the currency is not a three-letter ISO 4217 code",
	 "use a code such as \"USD\" or \"CNY\"",
	 "ISO 4217"},
	{DDBGT_E_PRICES_UNREADABLE, "DDBGT_E_PRICES_UNREADABLE", DDBGT_SEVERITY_ERROR,
	 "the price file could not be read",
	 "check the path and its permissions",
	 "libddbgt"},
	/* templates and helpers: 700-799 */
	/* change safety (ddbgt_diff): 750-799; the message names the rule of doc/diff.md */
	{DDBGT_E_DIFF_REPLACE, "DDBGT_E_DIFF_REPLACE", DDBGT_SEVERITY_ERROR,
	 "the change recreates the table or a replica: its data is lost unless migrated",
	 "keep the old value, or migrate: export to S3 and import into the new table, or create "
	 "the new table and backfill it; ddbgt diff --allow-replace accepts it on purpose",
	 "AWS DynamoDB API Reference, UpdateTable; Terraform aws_dynamodb_table ForceNew"},
	{DDBGT_E_DIFF_REFUSED, "DDBGT_E_DIFF_REFUSED", DDBGT_SEVERITY_ERROR,
	 "AWS refuses this change to an existing table",
	 "keep the old value; the message names the rule and the way out (often a new table)",
	 "AWS DynamoDB Developer Guide, Global tables and Multi-Region strong consistency"},
	{DDBGT_W_DIFF_RATE_LIMITED, "DDBGT_W_DIFF_RATE_LIMITED", DDBGT_SEVERITY_WARNING,
	 "AWS allows this change only so many times in a period",
	 "count the changes already made in the period the message names before applying it",
	 "AWS DynamoDB Developer Guide, Service quotas"},
	{DDBGT_I_DIFF_REPLICA, "DDBGT_I_DIFF_REPLICA", DDBGT_SEVERITY_INFO,
	 "a replica is added or removed",
	 "check what the message lists before it runs: write auto scaling, the region's KMS key, "
	 "traffic moved away from a region that goes",
	 "AWS DynamoDB Developer Guide, How global tables work"},
	/* importers: 800-899 */
	{DDBGT_E_IMPORT_SYNTAX, "DDBGT_E_IMPORT_SYNTAX", DDBGT_SEVERITY_ERROR,
	 "the input is not well-formed YAML (JSON syntax errors are DDBGT_E_SPEC_SYNTAX)",
	 "fix the document at the line and column given; a truncated file is the usual cause",
	 "RFC 8259; YAML 1.1"},
	{DDBGT_E_IMPORT_KIND, "DDBGT_E_IMPORT_KIND", DDBGT_SEVERITY_ERROR,
	 "the input is none of the kinds ddbgt imports, or not the kind --from names",
	 "give a ddbgt spec, terraform show -json output, a .tf.json file, a CloudFormation "
	 "template or aws dynamodb describe-table output (doc/import.md)",
	 "libddbgt doc/import.md"},
	{DDBGT_E_IMPORT_NO_TABLES, "DDBGT_E_IMPORT_NO_TABLES", DDBGT_SEVERITY_ERROR,
	 "the input declares no DynamoDB table",
	 "import the plan, configuration or template that declares the aws_dynamodb_table, "
	 "AWS::DynamoDB::GlobalTable or AWS::DynamoDB::Table",
	 "libddbgt doc/import.md"},
	{DDBGT_E_IMPORT_UNREADABLE, "DDBGT_E_IMPORT_UNREADABLE", DDBGT_SEVERITY_ERROR,
	 "the input file or directory could not be read",
	 "check the path and its permissions",
	 "libddbgt"},
	{DDBGT_E_IMPORT_TOO_LARGE, "DDBGT_E_IMPORT_TOO_LARGE", DDBGT_SEVERITY_ERROR,
	 "the input is larger, nests deeper or expands further than the importer accepts",
	 "import the file that declares the tables, not a generated bundle; raise max_bytes in "
	 "the import options for a genuinely large plan",
	 "libddbgt"},
	{DDBGT_W_IMPORT_UNRESOLVED, "DDBGT_W_IMPORT_UNRESOLVED", DDBGT_SEVERITY_WARNING,
	 "a value is unknown until apply or is an expression the importer does not evaluate",
	 "the table was imported without this value: give it as a literal, or set it in the "
	 "spec that ddbgt import writes",
	 "https://developer.hashicorp.com/terraform/internals/json-format"},
	{DDBGT_W_IMPORT_NOT_CARRIED, "DDBGT_W_IMPORT_NOT_CARRIED", DDBGT_SEVERITY_WARNING,
	 "a setting of the input has no place in a ddbgt spec and was not carried over",
	 "keep managing this setting where it is; doc/import.md lists every such loss",
	 "libddbgt doc/import.md"},
	{DDBGT_E_IMPORT_VALUE, "DDBGT_E_IMPORT_VALUE", DDBGT_SEVERITY_ERROR,
	 "a value has a type or a spelling that the resource does not accept",
	 "fix the value in the input: the provider or AWS would refuse it too",
	 "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html"},
	{DDBGT_W_IMPORT_ORPHAN, "DDBGT_W_IMPORT_ORPHAN", DDBGT_SEVERITY_WARNING,
	 "a resource refers to a table that the input does not declare",
	 "import the input that declares the table together with its replicas, scaling and "
	 "insights resources",
	 "libddbgt doc/import.md"},
	/* calls of the library (options, arguments): 900-999 */
	{DDBGT_E_OPTIONS_VERSION, "DDBGT_E_OPTIONS_VERSION", DDBGT_SEVERITY_ERROR,
	 "an options struct has a version this library does not know",
	 "set version with the _INIT macro or the _init() function of the headers you build "
	 "with; a library older than those headers refuses their newer version",
	 "doc/abi.md (options structs)"},
};

#define CATALOGUE_SIZE (sizeof catalogue / sizeof catalogue[0])

static const struct code_row *find_row(ddbgt_code code)
{
	/* Rows are sorted by code: binary search. */
	size_t lo = 0, hi = CATALOGUE_SIZE;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (catalogue[mid].code == code)
			return &catalogue[mid];
		if (catalogue[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

DDBGT_API size_t ddbgt_code_count(void)
{
	return CATALOGUE_SIZE;
}

DDBGT_API ddbgt_code ddbgt_code_at(size_t i)
{
	return i < CATALOGUE_SIZE ? catalogue[i].code : DDBGT_CODE_NONE;
}

DDBGT_API const char *ddbgt_code_name(ddbgt_code code)
{
	const struct code_row *row = find_row(code);
	return row ? row->name : NULL;
}

DDBGT_API ddbgt_code ddbgt_code_from_name(const char *name)
{
	if (!name)
		return DDBGT_CODE_NONE;
	for (size_t i = 0; i < CATALOGUE_SIZE; i++)
		if (strcmp(catalogue[i].name, name) == 0)
			return catalogue[i].code;
	return DDBGT_CODE_NONE;
}

DDBGT_API ddbgt_severity ddbgt_code_severity(ddbgt_code code)
{
	const struct code_row *row = find_row(code);
	return row ? row->severity : DDBGT_SEVERITY_OFF;
}

DDBGT_API const char *ddbgt_code_summary(ddbgt_code code)
{
	const struct code_row *row = find_row(code);
	return row ? row->summary : NULL;
}

DDBGT_API const char *ddbgt_code_hint(ddbgt_code code)
{
	const struct code_row *row = find_row(code);
	return row ? row->hint : NULL;
}

DDBGT_API const char *ddbgt_code_source(ddbgt_code code)
{
	const struct code_row *row = find_row(code);
	return row ? row->source : NULL;
}
