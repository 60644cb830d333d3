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
	 "table name length not 3–255, or chars outside [A-Za-z0-9_.-]",
	 "",
	 "MODEL TableName"},
	{DDBGT_E_INDEX_NAME_INVALID, "DDBGT_E_INDEX_NAME_INVALID", DDBGT_SEVERITY_ERROR,
	 "GSI/LSI name length not 3–255, or bad chars",
	 "",
	 "MODEL IndexName"},
	{DDBGT_E_INDEX_NAME_DUPLICATE, "DDBGT_E_INDEX_NAME_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "two indexes (GSI or LSI) share a name",
	 "",
	 "MODEL; LAB"},
	{DDBGT_E_KEY_SCHEMA_SHAPE, "DDBGT_E_KEY_SCHEMA_SHAPE", DDBGT_SEVERITY_ERROR,
	 "table/GSI key schema not [HASH] or [HASH,RANGE] in that order, or HASH attr == RANGE attr",
	 "",
	 "MODEL KeySchema"},
	{DDBGT_E_KEY_ATTR_NAME_LENGTH, "DDBGT_E_KEY_ATTR_NAME_LENGTH", DDBGT_SEVERITY_ERROR,
	 "key / non-key-projected attribute name 0 or >255 (bytes, UTF-8)",
	 "",
	 "MODEL; DG-2023"},
	{DDBGT_E_KEY_ATTR_UNDEFINED, "DDBGT_E_KEY_ATTR_UNDEFINED", DDBGT_SEVERITY_ERROR,
	 "a key attribute (table/GSI/LSI) has no AttributeDefinition",
	 "",
	 "MODEL; EMU; LAB"},
	{DDBGT_E_ATTR_DEF_UNUSED, "DDBGT_E_ATTR_DEF_UNUSED", DDBGT_SEVERITY_ERROR,
	 "an AttributeDefinition is not used by any table/GSI/LSI key",
	 "",
	 "EMU; LAB; cfn-lint#1037"},
	{DDBGT_E_ATTR_DEF_DUPLICATE, "DDBGT_E_ATTR_DEF_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "same attribute name defined twice (any type)",
	 "",
	 "LAB"},
	{DDBGT_E_ATTR_TYPE_INVALID, "DDBGT_E_ATTR_TYPE_INVALID", DDBGT_SEVERITY_ERROR,
	 "AttributeType not S/N/B",
	 "",
	 "MODEL ScalarAttributeType"},
	{DDBGT_E_GSI_LIMIT, "DDBGT_E_GSI_LIMIT", DDBGT_SEVERITY_ERROR,
	 "more than 20 GSIs (make the limit configurable: it is an adjustable quota)",
	 "",
	 "DG-Q; LAB"},
	{DDBGT_E_LSI_LIMIT, "DDBGT_E_LSI_LIMIT", DDBGT_SEVERITY_ERROR,
	 "more than 5 LSIs",
	 "",
	 "DG-Q; MODEL"},
	{DDBGT_E_LSI_NO_TABLE_RANGE, "DDBGT_E_LSI_NO_TABLE_RANGE", DDBGT_SEVERITY_ERROR,
	 "LSIs present but the table has no RANGE key",
	 "",
	 "EMU; LAB"},
	{DDBGT_E_LSI_HASH_MISMATCH, "DDBGT_E_LSI_HASH_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "LSI HASH attribute differs from the table HASH",
	 "",
	 "MODEL; LAB"},
	{DDBGT_E_LSI_NO_RANGE, "DDBGT_E_LSI_NO_RANGE", DDBGT_SEVERITY_ERROR,
	 "LSI without a RANGE key",
	 "",
	 "LAB"},
	{DDBGT_W_LSI_SAME_SORT_KEY, "DDBGT_W_LSI_SAME_SORT_KEY", DDBGT_SEVERITY_WARNING,
	 "LSI RANGE equals the table RANGE (accepted but useless)",
	 "",
	 "LAB"},
	{DDBGT_E_INDEX_LIST_EMPTY, "DDBGT_E_INDEX_LIST_EMPTY", DDBGT_SEVERITY_ERROR,
	 "an explicitly empty GSI/LSI list (emit the field as absent)",
	 "",
	 "LAB"},
	{DDBGT_E_PROJECTION_TYPE_INVALID, "DDBGT_E_PROJECTION_TYPE_INVALID", DDBGT_SEVERITY_ERROR,
	 "ProjectionType not KEYS_ONLY/INCLUDE/ALL",
	 "",
	 "MODEL"},
	{DDBGT_E_PROJECTION_NONKEY_MISSING, "DDBGT_E_PROJECTION_NONKEY_MISSING", DDBGT_SEVERITY_ERROR,
	 "INCLUDE with no NonKeyAttributes",
	 "",
	 "CDK; MODEL"},
	{DDBGT_E_PROJECTION_NONKEY_FORBIDDEN, "DDBGT_E_PROJECTION_NONKEY_FORBIDDEN", DDBGT_SEVERITY_ERROR,
	 "NonKeyAttributes with KEYS_ONLY/ALL",
	 "",
	 "CDK"},
	{DDBGT_E_PROJECTION_NONKEY_PER_INDEX, "DDBGT_E_PROJECTION_NONKEY_PER_INDEX", DDBGT_SEVERITY_ERROR,
	 "more than 20 NonKeyAttributes in one index",
	 "",
	 "MODEL NonKeyAttributeNameList"},
	{DDBGT_E_PROJECTION_NONKEY_TOTAL, "DDBGT_E_PROJECTION_NONKEY_TOTAL", DDBGT_SEVERITY_ERROR,
	 "sum of NonKeyAttributes over all indexes >100 (duplicates count)",
	 "",
	 "DG-Q"},
	{DDBGT_E_BILLING_MODE_INVALID, "DDBGT_E_BILLING_MODE_INVALID", DDBGT_SEVERITY_ERROR,
	 "billing mode not PROVISIONED/PAY_PER_REQUEST",
	 "",
	 "MODEL"},
	{DDBGT_E_PROVISIONED_MISSING, "DDBGT_E_PROVISIONED_MISSING", DDBGT_SEVERITY_ERROR,
	 "PROVISIONED and table RCU/WCU missing, or any GSI throughput missing",
	 "",
	 "MODEL; LAB"},
	{DDBGT_E_CAPACITY_MIN, "DDBGT_E_CAPACITY_MIN", DDBGT_SEVERITY_ERROR,
	 "any RCU/WCU (table, GSI, replica override) <1",
	 "",
	 "MODEL PositiveLongObject"},
	{DDBGT_E_PPR_WITH_PROVISIONED, "DDBGT_E_PPR_WITH_PROVISIONED", DDBGT_SEVERITY_ERROR,
	 "PAY_PER_REQUEST with ProvisionedThroughput on the table or a GSI, or a replica RCU override",
	 "",
	 "MODEL; EMU; CDK"},
	{DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA, "DDBGT_W_CAPACITY_ABOVE_DEFAULT_QUOTA", DDBGT_SEVERITY_WARNING,
	 "table or GSI RCU/WCU >40,000, or the sum over table+GSIs >80,000 (account default)",
	 "",
	 "DG-Q"},
	{DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED, "DDBGT_E_ONDEMAND_MAX_ON_PROVISIONED", DDBGT_SEVERITY_ERROR,
	 "OnDemandThroughput (or its override) on a PROVISIONED table/GSI",
	 "",
	 "LAB"},
	{DDBGT_E_ONDEMAND_MAX_RANGE, "DDBGT_E_ONDEMAND_MAX_RANGE", DDBGT_SEVERITY_ERROR,
	 "MaxRead/WriteRequestUnits not ≥1 (−1 allowed only as \"remove\" in update mode)",
	 "",
	 "MODEL doc; LAB"},
	{DDBGT_E_ONDEMAND_MAX_EMPTY, "DDBGT_E_ONDEMAND_MAX_EMPTY", DDBGT_SEVERITY_ERROR,
	 "OnDemandThroughput with neither max read nor max write",
	 "",
	 "MODEL"},
	{DDBGT_E_WARM_THROUGHPUT_INVALID, "DDBGT_E_WARM_THROUGHPUT_INVALID", DDBGT_SEVERITY_ERROR,
	 "warm read/write <1, or both absent on a GSI warm spec",
	 "",
	 "MODEL; DG-WARM"},
	{DDBGT_W_WARM_BELOW_ONDEMAND_BASELINE, "DDBGT_W_WARM_BELOW_ONDEMAND_BASELINE", DDBGT_SEVERITY_WARNING,
	 "on-demand GSI warm throughput below 12000 read / 4000 write at create",
	 "",
	 "LAB; DG-WARM"},
	{DDBGT_E_AUTOSCALING_RANGE, "DDBGT_E_AUTOSCALING_RANGE", DDBGT_SEVERITY_ERROR,
	 "autoscaling min <1, max <1, min>max, or target outside 20–90",
	 "",
	 "DG-2023 AutoScaling; CDK; MODEL"},
	{DDBGT_E_GT_PROVISIONED_NO_WRITE_AUTOSCALING, "DDBGT_E_GT_PROVISIONED_NO_WRITE_AUTOSCALING", DDBGT_SEVERITY_ERROR,
	 "≥2 replicas, PROVISIONED, and write autoscaling missing on the table or on any GSI",
	 "",
	 "DG-2023 V2 reqs/upgrade; LAB"},
	{DDBGT_E_REGION_UNKNOWN, "DDBGT_E_REGION_UNKNOWN", DDBGT_SEVERITY_ERROR,
	 "Region code malformed or not in the known-Region table",
	 "",
	 "PART"},
	{DDBGT_E_REGION_DUPLICATE, "DDBGT_E_REGION_DUPLICATE", DDBGT_SEVERITY_ERROR,
	 "the same Region appears twice among the table/replicas/witness",
	 "",
	 "DG-HIW; CDK"},
	{DDBGT_E_REGION_CROSS_PARTITION, "DDBGT_E_REGION_CROSS_PARTITION", DDBGT_SEVERITY_ERROR,
	 "members from different partitions (aws / aws-cn / aws-us-gov / …)",
	 "",
	 "DG-HIW; REG"},
	{DDBGT_W_REGION_OPT_IN, "DDBGT_W_REGION_OPT_IN", DDBGT_SEVERITY_WARNING,
	 "member in an opt-in Region (must be enabled in the account)",
	 "",
	 "ACCT; LAB"},
	{DDBGT_W_REGION_UNVERIFIED, "DDBGT_W_REGION_UNVERIFIED", DDBGT_SEVERITY_WARNING,
	 "member in a newest or ISO/EUSC Region whose DynamoDB global-table support is not confirmed",
	 "",
	 "PART"},
	{DDBGT_W_NOT_GLOBAL, "DDBGT_W_NOT_GLOBAL", DDBGT_SEVERITY_WARNING,
	 "fewer than 2 Regions in total (plain regional table)",
	 "",
	 "DG-HIW"},
	{DDBGT_E_REPLICA_SYNCED_SETTING_DIFFERS, "DDBGT_E_REPLICA_SYNCED_SETTING_DIFFERS", DDBGT_SEVERITY_ERROR,
	 "a per-replica value differs for a synchronized setting: billing mode, WCU, write autoscaling, GSI set/keys/projection, SSE type, TTL, MREC stream spec, warm throughput, max write",
	 "",
	 "DG-HIW settings sync; DG-2023 upgrade"},
	{DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN, "DDBGT_E_REPLICA_GSI_OVERRIDE_UNKNOWN", DDBGT_SEVERITY_ERROR,
	 "replica GSI override names an index not on the table (the API silently accepts it)",
	 "",
	 "CDK; LAB"},
	{DDBGT_I_REPLICA_OVERRIDE_RESET, "DDBGT_I_REPLICA_OVERRIDE_RESET", DDBGT_SEVERITY_INFO,
	 "read/table-class override present; note it is overwritten when the base value changes",
	 "",
	 "DG-HIW"},
	{DDBGT_E_MREC_STREAM_DISABLED, "DDBGT_E_MREC_STREAM_DISABLED", DDBGT_SEVERITY_ERROR,
	 "MREC with ≥2 replicas and streams explicitly disabled",
	 "",
	 "DG-HIW; LAB"},
	{DDBGT_W_MREC_STREAM_VIEW, "DDBGT_W_MREC_STREAM_VIEW", DDBGT_SEVERITY_WARNING,
	 "MREC with ≥2 replicas and a stream view type other than NEW_AND_OLD_IMAGES",
	 "",
	 "CFN; CDK (legacy); LAB"},
	{DDBGT_E_STREAM_SPEC_INVALID, "DDBGT_E_STREAM_SPEC_INVALID", DDBGT_SEVERITY_ERROR,
	 "StreamEnabled true without a view type, a view type with StreamEnabled false, or an unknown view type",
	 "",
	 "MODEL; EMU"},
	{DDBGT_E_CONSISTENCY_INVALID, "DDBGT_E_CONSISTENCY_INVALID", DDBGT_SEVERITY_ERROR,
	 "consistency mode not EVENTUAL/STRONG",
	 "",
	 "MODEL"},
	{DDBGT_E_MRSC_REGION_COUNT, "DDBGT_E_MRSC_REGION_COUNT", DDBGT_SEVERITY_ERROR,
	 "STRONG and not (3 replicas, no witness) or (2 replicas + 1 witness)",
	 "",
	 "DG-HIW; API-W; CDK"},
	{DDBGT_E_MRSC_WITNESS_COUNT, "DDBGT_E_MRSC_WITNESS_COUNT", DDBGT_SEVERITY_ERROR,
	 "more than 1 witness",
	 "",
	 "SDK; LAB"},
	{DDBGT_E_MRSC_WITNESS_WITHOUT_STRONG, "DDBGT_E_MRSC_WITNESS_WITHOUT_STRONG", DDBGT_SEVERITY_ERROR,
	 "a witness configured while the mode is EVENTUAL/unset",
	 "",
	 "LAB; SDK"},
	{DDBGT_E_MRSC_WITNESS_REGION_CLASH, "DDBGT_E_MRSC_WITNESS_REGION_CLASH", DDBGT_SEVERITY_ERROR,
	 "the witness Region equals a replica/table Region",
	 "",
	 "API-W; LAB"},
	{DDBGT_E_MRSC_REGION_UNSUPPORTED, "DDBGT_E_MRSC_REGION_UNSUPPORTED", DDBGT_SEVERITY_ERROR,
	 "a STRONG member outside {us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2, eu-west-3, eu-central-1, ap-northeast-1, ap-northeast-2, ap-northeast-3}",
	 "",
	 "DG-HIW; API-W; LAB"},
	{DDBGT_E_MRSC_REGION_SET_SPAN, "DDBGT_E_MRSC_REGION_SET_SPAN", DDBGT_SEVERITY_ERROR,
	 "STRONG members from more than one Region set (US/EU/AP)",
	 "",
	 "DG-HIW; CDK (LAB saw one acceptance)"},
	{DDBGT_E_MRSC_TTL, "DDBGT_E_MRSC_TTL", DDBGT_SEVERITY_ERROR,
	 "STRONG with TTL enabled",
	 "",
	 "DG-HIW"},
	{DDBGT_E_MRSC_LSI, "DDBGT_E_MRSC_LSI", DDBGT_SEVERITY_ERROR,
	 "STRONG with any LSI",
	 "",
	 "DG-HIW"},
	{DDBGT_I_MRSC_EMPTY_TABLE, "DDBGT_I_MRSC_EMPTY_TABLE", DDBGT_SEVERITY_INFO,
	 "STRONG: the source table must be empty at conversion; transactions are unavailable",
	 "",
	 "DG-HIW"},
	{DDBGT_W_MRSC_PROVISIONED, "DDBGT_W_MRSC_PROVISIONED", DDBGT_SEVERITY_WARNING,
	 "STRONG + PROVISIONED (undocumented autoscaling needs; verify)",
	 "",
	 "DG-Q"},
	{DDBGT_E_LEGACY_VERSION, "DDBGT_E_LEGACY_VERSION", DDBGT_SEVERITY_ERROR,
	 "version 2017.11.29 requested for a new global table (creation is now rejected)",
	 "",
	 "XP2308; LAB; DG-2023"},
	{DDBGT_W_LEGACY_REP_ATTRS, "DDBGT_W_LEGACY_REP_ATTRS", DDBGT_SEVERITY_WARNING,
	 "an attribute named aws:rep:*",
	 "",
	 "DG-2023"},
	{DDBGT_E_MULTIACCOUNT_OVERRIDE, "DDBGT_E_MULTIACCOUNT_OVERRIDE", DDBGT_SEVERITY_ERROR,
	 "multi-account mode with per-replica overrides, STRONG mode, or two replicas in one account",
	 "",
	 "DG-MA"},
	{DDBGT_E_SSE_TYPE_INVALID, "DDBGT_E_SSE_TYPE_INVALID", DDBGT_SEVERITY_ERROR,
	 "SSEType AES256 (or unknown) requested",
	 "",
	 "MODEL/SDK doc"},
	{DDBGT_E_SSE_KEY_WITHOUT_KMS, "DDBGT_E_SSE_KEY_WITHOUT_KMS", DDBGT_SEVERITY_ERROR,
	 "KMS key given while SSE is disabled / AWS-owned",
	 "",
	 "MODEL doc; LAB"},
	{DDBGT_E_SSE_TYPE_MISMATCH, "DDBGT_E_SSE_TYPE_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "replicas disagree on encryption type (owned / AWS managed / CMK)",
	 "",
	 "DG-HIW; DG-2023; LAB"},
	{DDBGT_E_KMS_KEY_FORMAT, "DDBGT_E_KMS_KEY_FORMAT", DDBGT_SEVERITY_ERROR,
	 "key not a UUID, mrk-+32 hex, alias/…, or key/alias ARN",
	 "",
	 "KMS; MODEL"},
	{DDBGT_E_KMS_KEY_REGION_MISMATCH, "DDBGT_E_KMS_KEY_REGION_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "key ARN Region ≠ the replica's Region",
	 "",
	 "CFN ReplicaSSESpecification; LAB"},
	{DDBGT_E_KMS_KEY_PARTITION_MISMATCH, "DDBGT_E_KMS_KEY_PARTITION_MISMATCH", DDBGT_SEVERITY_ERROR,
	 "key ARN partition ≠ the replica Region's partition",
	 "",
	 "PART; CFN"},
	{DDBGT_E_KMS_CMK_REPLICA_MISSING, "DDBGT_E_KMS_CMK_REPLICA_MISSING", DDBGT_SEVERITY_ERROR,
	 "CMK group, and a replica without its own Region-local key (a non-ARN ID is resolved in that Region: warn)",
	 "",
	 "LAB; CFN"},
	{DDBGT_W_KMS_ACCOUNT_MISMATCH, "DDBGT_W_KMS_ACCOUNT_MISMATCH", DDBGT_SEVERITY_WARNING,
	 "key ARN account differs from the table account (cross-account key)",
	 "",
	 "KMS"},
	{DDBGT_E_LEGACY_CMK, "DDBGT_E_LEGACY_CMK", DDBGT_SEVERITY_ERROR,
	 "customer managed key on a 2017.11.29 config",
	 "",
	 "DG-2023"},
	{DDBGT_E_PITR_PERIOD_RANGE, "DDBGT_E_PITR_PERIOD_RANGE", DDBGT_SEVERITY_ERROR,
	 "RecoveryPeriodInDays not 1–35",
	 "",
	 "MODEL; CDK"},
	{DDBGT_E_PITR_PERIOD_WITHOUT_PITR, "DDBGT_E_PITR_PERIOD_WITHOUT_PITR", DDBGT_SEVERITY_ERROR,
	 "recovery period set while PITR is disabled",
	 "",
	 "CDK"},
	{DDBGT_E_TTL_ATTR_INVALID, "DDBGT_E_TTL_ATTR_INVALID", DDBGT_SEVERITY_ERROR,
	 "TTL enabled with a missing/empty name, or a name >255",
	 "",
	 "MODEL"},
	{DDBGT_W_TTL_ATTR_NOT_NUMBER, "DDBGT_W_TTL_ATTR_NOT_NUMBER", DDBGT_SEVERITY_WARNING,
	 "TTL attribute is also a key attribute of type S or B",
	 "",
	 "DG-2023 TTL"},
	{DDBGT_W_DELETION_PROTECTION_REPLICA, "DDBGT_W_DELETION_PROTECTION_REPLICA", DDBGT_SEVERITY_WARNING,
	 "table has deletion protection but a replica does not set it",
	 "",
	 "DG-2023 GlobalTables"},
	{DDBGT_E_TAG_KEY_INVALID, "DDBGT_E_TAG_KEY_INVALID", DDBGT_SEVERITY_ERROR,
	 "tag key empty, >128, aws: prefix, duplicate, or a disallowed char",
	 "",
	 "MODEL; DG-2023"},
	{DDBGT_E_TAG_VALUE_INVALID, "DDBGT_E_TAG_VALUE_INVALID", DDBGT_SEVERITY_ERROR,
	 "tag value >256 or a disallowed char",
	 "",
	 "MODEL; DG-2023"},
	{DDBGT_E_TAG_COUNT, "DDBGT_E_TAG_COUNT", DDBGT_SEVERITY_ERROR,
	 "more than 50 user tags on the table or a replica",
	 "",
	 "MODEL; DG-2023"},
	{DDBGT_W_TAG_CHAR_AT, "DDBGT_W_TAG_CHAR_AT", DDBGT_SEVERITY_WARNING,
	 "@ in a tag (allowed by AWS generally, not listed by DynamoDB docs)",
	 "",
	 "DG-2023"},
	{DDBGT_E_TABLE_CLASS_INVALID, "DDBGT_E_TABLE_CLASS_INVALID", DDBGT_SEVERITY_ERROR,
	 "table class not STANDARD/STANDARD_INFREQUENT_ACCESS",
	 "",
	 "MODEL"},
	{DDBGT_I_TRANSACTIONS_REGIONAL, "DDBGT_I_TRANSACTIONS_REGIONAL", DDBGT_SEVERITY_INFO,
	 "MREC: transactions are atomic only in their own Region",
	 "",
	 "DG-HIW"},
	/* emitters: 500-599 */
	/* cost and prices: 600-699 */
	/* templates and helpers: 700-799 */
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
