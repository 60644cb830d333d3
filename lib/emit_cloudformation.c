/*
 * The CloudFormation target: one template with an AWS::DynamoDB::GlobalTable
 * deployed in the primary region, whose Replicas list carries every region's
 * settings (the home region first). Written through the library's JSON
 * writer; the driver renders it as YAML when asked (yamlwrite.h).
 *
 * CloudFormation interprets "${" only inside Fn::Sub. The template puts user
 * strings there only in the table name under the TableNamePrefix parameter,
 * and escapes them ("${" becomes "${!", which Fn::Sub reads back as "${").
 * The ARNs of the outputs name the table by reference (${Table}), never by
 * its text. The mapping of every setting is in doc/cloudformation.md;
 * property names and shapes follow the resource schema that cfn-lint 1.x
 * ships (AWS::DynamoDB::GlobalTable).
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "emit_cfn.h"
#include "iam_policy.h"

/*
 * What a pinned write capacity targets: min = max makes the value moot,
 * and 70 % is the target utilisation that DynamoDB's console proposes.
 */
#define PINNED_TARGET 70.0

static int strong(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_consistency(ctx->t) == DDBGT_CONSISTENCY_STRONG;
}

static int provisioned(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_billing_mode(ctx->t) == DDBGT_BILLING_PROVISIONED;
}

/* ---- the plan ---- */

/* Fixed write units become autoscaling with min = max: the resource has no other write setting. */
static void plan_pinned_writes(ddbgt__emit_ctx *ctx)
{
	if (!provisioned(ctx))
		return;
	ddbgt__emit_capacity cap;
	for (long g = -1; g < (long)ctx->ngsi; g++) {
		const ddbgt_gsi *gsi = g < 0 ? NULL : ddbgt_table_gsi_at(ctx->t, (size_t)g);
		ddbgt__emit_capacity_of(ctx, NULL, gsi, DDBGT_WRITE, &cap);
		if (cap.kind != EMIT_CAP_UNITS)
			continue;
		char path[96];
		if (gsi)
			snprintf(path, sizeof path, "/table/global_secondary_indexes/%ld/capacity/write", g);
		else
			snprintf(path, sizeof path, "/table/capacity/write");
		ddbgt__emit_finding(ctx, DDBGT_I_EMIT_CFN_WRITE_PINNED, path, NULL,
		                    "the fixed %lld write units of %s%s are written as write "
		                    "autoscaling with MinCapacity = MaxCapacity = %lld "
		                    "(AWS::DynamoDB::GlobalTable sets write capacity through "
		                    "autoscaling only)",
		                    (long long)cap.units, gsi ? "index " : "the table",
		                    gsi ? ddbgt_gsi_name(gsi) : "", (long long)cap.units);
	}
}

int ddbgt__emit_cloudformation_plan(ddbgt__emit_ctx *ctx)
{
	/* A companion template holds operations only: the table's findings are the table's template's. */
	if (ctx->stack != ctx->primary) {
		ddbgt__emit_cfn_operations_plan(ctx);
		return DDBGT_OK;
	}
	if (ddbgt_table_adopt_existing(ctx->t) == 1)
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_CFN_IMPORT, "/table/adopt_existing", NULL,
		                    "the table exists already (adopt_existing): bring it into the "
		                    "stack with a change set of type IMPORT; deploying the template "
		                    "as is would try to create it");
	ddbgt__emit_cfn_operations_plan(ctx);
	plan_pinned_writes(ctx);
	return DDBGT_OK;
}

/* ---- the table's properties ---- */

static void write_key_schema(ddbgt__emit_ctx *ctx, const char *hash, const char *range)
{
	CFN_ARRAY(ctx, "KeySchema");
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "AttributeName", hash);
	CFN_KV_STR(ctx, "KeyType", "HASH");
	ddbgt__jw_object_end(out(ctx));
	if (range) {
		ddbgt__jw_object_begin(out(ctx));
		CFN_KV_STR(ctx, "AttributeName", range);
		CFN_KV_STR(ctx, "KeyType", "RANGE");
		ddbgt__jw_object_end(out(ctx));
	}
	ddbgt__jw_array_end(out(ctx));
}

/* A GSI's KeySchema: every element of a multi-attribute key, in order, HASH then RANGE. */
static void write_gsi_key_schema(ddbgt__emit_ctx *ctx, const ddbgt_gsi *g)
{
	CFN_ARRAY(ctx, "KeySchema");
	for (int side = 0; side < 2; side++) {
		size_t n = side ? ddbgt_gsi_sort_key_attribute_count(g)
		                : ddbgt_gsi_partition_key_attribute_count(g);
		for (size_t i = 0; i < n; i++) {
			ddbgt__jw_object_begin(out(ctx));
			CFN_KV_STR(ctx, "AttributeName",
			           side ? ddbgt_gsi_sort_key_attribute_name(g, i)
			                : ddbgt_gsi_partition_key_attribute_name(g, i));
			CFN_KV_STR(ctx, "KeyType", side ? "RANGE" : "HASH");
			ddbgt__jw_object_end(out(ctx));
		}
	}
	ddbgt__jw_array_end(out(ctx));
}

static void write_attribute(ddbgt__emit_ctx *ctx, const char *name, ddbgt_attr_type type)
{
	const char *t = ddbgt_enum_name(DDBGT_ENUM_ATTR_TYPE, type);
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "AttributeName", name);
	CFN_KV_STR(ctx, "AttributeType", t ? t : "S");
	ddbgt__jw_object_end(out(ctx));
}

static void write_projection(ddbgt__emit_ctx *ctx, ddbgt_projection p, size_t n,
                             const char *(*at)(const void *, size_t), const void *index)
{
	CFN_OBJECT(ctx, "Projection");
	CFN_KV_STR(ctx, "ProjectionType", ddbgt_enum_name(DDBGT_ENUM_PROJECTION, p));
	if (n) {
		CFN_ARRAY(ctx, "NonKeyAttributes");
		for (size_t i = 0; i < n; i++)
			str(ctx, at(index, i));
		ddbgt__jw_array_end(out(ctx));
	}
	ddbgt__jw_object_end(out(ctx));
}

static const char *gsi_non_key_at(const void *g, size_t i)
{
	return ddbgt_gsi_non_key_attribute_at(g, i);
}

static const char *lsi_non_key_at(const void *l, size_t i)
{
	return ddbgt_lsi_non_key_attribute_at(l, i);
}

/* CapacityAutoScalingSettings: from autoscaling, or pinned at fixed units. */
static void write_autoscaling(ddbgt__emit_ctx *ctx, const char *key, const ddbgt__emit_capacity *cap)
{
	int pinned = cap->kind == EMIT_CAP_UNITS;
	open_object(ctx, key);
	CFN_KV_INT(ctx, "MinCapacity", pinned ? cap->units : cap->min);
	CFN_KV_INT(ctx, "MaxCapacity", pinned ? cap->units : cap->max);
	/* The initial units of the model: what the table starts from before scaling. */
	if (!pinned && cap->has_units)
		CFN_KV_INT(ctx, "SeedCapacity", cap->units);
	CFN_OBJECT(ctx, "TargetTrackingScalingPolicyConfiguration");
	CFN_KEY(ctx, "TargetValue");
	ddbgt__jw_number(out(ctx), pinned ? PINNED_TARGET : cap->target);
	if (!pinned && cap->cooldown[0] >= 0)
		CFN_KV_INT(ctx, "ScaleInCooldown", cap->cooldown[0]);
	if (!pinned && cap->cooldown[1] >= 0)
		CFN_KV_INT(ctx, "ScaleOutCooldown", cap->cooldown[1]);
	if (!pinned && cap->disable_scale_in != DDBGT_INHERIT)
		CFN_KV_BOOL(ctx, "DisableScaleIn", cap->disable_scale_in == 1);
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

static void write_write_settings(ddbgt__emit_ctx *ctx, const ddbgt_gsi *gsi)
{
	ddbgt__emit_capacity cap;
	ddbgt__emit_capacity_of(ctx, NULL, gsi, DDBGT_WRITE, &cap);
	if (cap.kind == EMIT_CAP_NONE)
		return;
	CFN_OBJECT(ctx, "WriteProvisionedThroughputSettings");
	write_autoscaling(ctx, "WriteCapacityAutoScalingSettings", &cap);
	ddbgt__jw_object_end(out(ctx));
}

static void write_read_settings(ddbgt__emit_ctx *ctx, const ddbgt_replica *rep,
                                const ddbgt_gsi *gsi)
{
	ddbgt__emit_capacity cap;
	ddbgt__emit_capacity_of(ctx, rep, gsi, DDBGT_READ, &cap);
	if (cap.kind == EMIT_CAP_NONE)
		return;
	CFN_OBJECT(ctx, "ReadProvisionedThroughputSettings");
	if (cap.kind == EMIT_CAP_UNITS)
		CFN_KV_INT(ctx, "ReadCapacityUnits", cap.units);
	else
		write_autoscaling(ctx, "ReadCapacityAutoScalingSettings", &cap);
	ddbgt__jw_object_end(out(ctx));
}

/* WarmThroughput of the table (gsi NULL) or an index. */
static void write_warm(ddbgt__emit_ctx *ctx, const ddbgt_gsi *gsi)
{
	static const char *const keys[2] = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};
	int64_t v[2];
	int has[2];
	for (int rw = 0; rw < 2; rw++)
		has[rw] = (gsi ? ddbgt_gsi_get_warm_throughput(gsi, (ddbgt_rw)rw, &v[rw])
		               : ddbgt_table_get_warm_throughput(ctx->t, (ddbgt_rw)rw, &v[rw])) ==
		          DDBGT_OK;
	if (!has[0] && !has[1])
		return;
	CFN_OBJECT(ctx, "WarmThroughput");
	for (int rw = 0; rw < 2; rw++)
		if (has[rw])
			kv_int(ctx, keys[rw], v[rw]);
	ddbgt__jw_object_end(out(ctx));
}

/*
 * The on-demand write maximum of the table (gsi NULL) or an index. The read
 * maximum is a replica's setting in the documented resource (the replica
 * and replica-index ReadOnDemandThroughputSettings), as CDK writes it too.
 */
static void write_write_max(ddbgt__emit_ctx *ctx, const ddbgt_gsi *gsi)
{
	int64_t units;
	int rc = gsi ? ddbgt_gsi_get_on_demand_max(gsi, DDBGT_WRITE, &units)
	             : ddbgt_table_get_on_demand_max(ctx->t, DDBGT_WRITE, &units);
	if (rc == DDBGT_OK) {
		CFN_OBJECT(ctx, "WriteOnDemandThroughputSettings");
		CFN_KV_INT(ctx, "MaxWriteRequestUnits", units);
		ddbgt__jw_object_end(out(ctx));
	}
}

static void write_indexes(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	if (ctx->ngsi) {
		CFN_ARRAY(ctx, "GlobalSecondaryIndexes");
		for (size_t i = 0; i < ctx->ngsi; i++) {
			const ddbgt_gsi *g = ddbgt_table_gsi_at(t, i);
			ddbgt__jw_object_begin(out(ctx));
			CFN_KV_STR(ctx, "IndexName", ddbgt_gsi_name(g));
			write_gsi_key_schema(ctx, g);
			write_projection(ctx, ddbgt_gsi_projection(g), ddbgt_gsi_non_key_attribute_count(g),
			                 gsi_non_key_at, g);
			if (provisioned(ctx))
				write_write_settings(ctx, g);
			else
				write_write_max(ctx, g);
			write_warm(ctx, g);
			ddbgt__jw_object_end(out(ctx));
		}
		ddbgt__jw_array_end(out(ctx));
	}
	size_t nlsi = ddbgt_table_lsi_count(t);
	if (!nlsi)
		return;
	CFN_ARRAY(ctx, "LocalSecondaryIndexes");
	for (size_t i = 0; i < nlsi; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(t, i);
		ddbgt__jw_object_begin(out(ctx));
		CFN_KV_STR(ctx, "IndexName", ddbgt_lsi_name(l));
		write_key_schema(ctx, ddbgt_table_partition_key_name(t), ddbgt_lsi_sort_key(l));
		write_projection(ctx, ddbgt_lsi_projection(l), ddbgt_lsi_non_key_attribute_count(l),
		                 lsi_non_key_at, l);
		ddbgt__jw_object_end(out(ctx));
	}
	ddbgt__jw_array_end(out(ctx));
}

/* The stream the model asks for; a replicated eventually consistent table needs NEW_AND_OLD_IMAGES. */
static void write_stream(ddbgt__emit_ctx *ctx)
{
	const char *view = NULL;
	if (ddbgt_table_stream_enabled(ctx->t) == 1)
		view = ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, ddbgt_table_stream_view(ctx->t));
	if (!view && ctx->nrep >= 2 && !strong(ctx))
		view = "NEW_AND_OLD_IMAGES";
	if (!view)
		return;
	CFN_OBJECT(ctx, "StreamSpecification");
	CFN_KV_STR(ctx, "StreamViewType", view);
	ddbgt__jw_object_end(out(ctx));
}

static int stream_on(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_stream_enabled(ctx->t) == 1 || (ctx->nrep >= 2 && !strong(ctx));
}

static void write_tag(ddbgt__emit_ctx *ctx, const char *key, const char *value)
{
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "Key", key);
	CFN_KV_STR(ctx, "Value", value);
	ddbgt__jw_object_end(out(ctx));
}

/* The on-demand read maximum of the table (gsi NULL) or an index in a region. */
static int read_max(const ddbgt__emit_ctx *ctx, const ddbgt_replica *r, const ddbgt_gsi *gsi,
                    int64_t *units)
{
	/* The replica's own maximum, else the table's or the index's. */
	if ((gsi ? ddbgt_replica_get_gsi_on_demand_max_read(r, ddbgt_gsi_name(gsi), units)
	         : ddbgt_replica_get_on_demand_max_read(r, units)) == DDBGT_OK)
		return 1;
	return (gsi ? ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, units)
	            : ddbgt_table_get_on_demand_max(ctx->t, DDBGT_READ, units)) == DDBGT_OK;
}

static void write_read_max(ddbgt__emit_ctx *ctx, const ddbgt_replica *r, const ddbgt_gsi *gsi)
{
	int64_t units;
	if (!read_max(ctx, r, gsi, &units))
		return;
	CFN_OBJECT(ctx, "ReadOnDemandThroughputSettings");
	CFN_KV_INT(ctx, "MaxReadRequestUnits", units);
	ddbgt__jw_object_end(out(ctx));
}

/* ContributorInsightsSpecification: {Enabled} with the Mode when the spec gives one. */
static void write_insights(ddbgt__emit_ctx *ctx, int enabled, ddbgt_insights_mode mode)
{
	CFN_OBJECT(ctx, "ContributorInsightsSpecification");
	CFN_KV_BOOL(ctx, "Enabled", enabled);
	const char *name = ddbgt_enum_name(DDBGT_ENUM_INSIGHTS_MODE, mode);
	if (name)
		CFN_KV_STR(ctx, "Mode", name);
	ddbgt__jw_object_end(out(ctx));
}

/* Whether an index has anything to say in a region: read settings, a read maximum, insights. */
static int replica_index_said(ddbgt__emit_ctx *ctx, const ddbgt_replica *r, const ddbgt_gsi *gsi)
{
	int64_t units;
	int enabled;
	ddbgt_insights_mode mode;
	return provisioned(ctx) || read_max(ctx, r, gsi, &units) ||
	       ddbgt_replica_get_gsi_contributor_insights(r, ddbgt_gsi_name(gsi), &enabled,
	                                                  &mode) == DDBGT_OK;
}

/*
 * Replicas[].GlobalSecondaryIndexes: every index's read capacity in the
 * region of a PROVISIONED table (CloudFormation requires them), else the
 * indexes with an on-demand read maximum; and each index's contributor
 * insights in the region.
 */
static void write_replica_indexes(ddbgt__emit_ctx *ctx, const ddbgt_replica *r)
{
	size_t n = 0;
	for (size_t g = 0; g < ctx->ngsi; g++)
		n += replica_index_said(ctx, r, ddbgt_table_gsi_at(ctx->t, g));
	if (!n)
		return;
	CFN_ARRAY(ctx, "GlobalSecondaryIndexes");
	for (size_t g = 0; g < ctx->ngsi; g++) {
		const ddbgt_gsi *gsi = ddbgt_table_gsi_at(ctx->t, g);
		if (!replica_index_said(ctx, r, gsi))
			continue;
		ddbgt__jw_object_begin(out(ctx));
		CFN_KV_STR(ctx, "IndexName", ddbgt_gsi_name(gsi));
		int enabled;
		ddbgt_insights_mode mode;
		if (ddbgt_replica_get_gsi_contributor_insights(r, ddbgt_gsi_name(gsi), &enabled,
		                                               &mode) == DDBGT_OK)
			write_insights(ctx, enabled == 1, mode);
		if (provisioned(ctx))
			write_read_settings(ctx, r, gsi);
		else
			write_read_max(ctx, r, gsi);
		ddbgt__jw_object_end(out(ctx));
	}
	ddbgt__jw_array_end(out(ctx));
}

/*
 * A resource-based policy as the ResourcePolicy property: its document is
 * written back as the object the spec holds (canonical text in the model).
 * CloudFormation reads no "${" outside Fn::Sub, so the text goes as it is.
 */
static void write_resource_policy(ddbgt__emit_ctx *ctx, const char *canonical)
{
	CFN_OBJECT(ctx, "ResourcePolicy");
	CFN_KEY(ctx, "PolicyDocument");
	ddbgt__iam_policy_write_text(out(ctx), canonical);
	ddbgt__jw_object_end(out(ctx));
}

static void write_replica(ddbgt__emit_ctx *ctx, size_t i)
{
	const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
	ddbgt__jw_object_begin(out(ctx));
	CFN_KV_STR(ctx, "Region", ddbgt_replica_region(r));
	CFN_KV_STR(ctx, "TableClass",
	           ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, ddbgt_replica_effective_table_class(r)));
	CFN_KV_BOOL(ctx, "DeletionProtectionEnabled",
	            ddbgt_replica_effective_deletion_protection(r) == 1);
	CFN_OBJECT(ctx, "PointInTimeRecoverySpecification");
	int pitr = ddbgt_replica_effective_pitr(r) == 1;
	CFN_KV_BOOL(ctx, "PointInTimeRecoveryEnabled", pitr);
	int64_t days;
	if (pitr && ddbgt_replica_get_effective_pitr_period(r, &days) == DDBGT_OK)
		CFN_KV_INT(ctx, "RecoveryPeriodInDays", days);
	ddbgt__jw_object_end(out(ctx));
	if (ddbgt_table_encryption(ctx->t) == DDBGT_ENCRYPTION_CUSTOMER_MANAGED &&
	    ddbgt_replica_kms_key(r)) {
		/* A key ID, alias or ARN: the property takes all three, in the replica's region. */
		CFN_OBJECT(ctx, "SSESpecification");
		CFN_KV_STR(ctx, "KMSMasterKeyId", ddbgt_replica_kms_key(r));
		ddbgt__jw_object_end(out(ctx));
	}
	if (ddbgt_replica_contributor_insights(r) == 1)
		write_insights(ctx, 1, ddbgt_replica_contributor_insights_mode(r));
	if (provisioned(ctx))
		write_read_settings(ctx, r, NULL);
	else
		write_read_max(ctx, r, NULL);
	write_replica_indexes(ctx, r);
	if (ddbgt_replica_kinesis_stream_arn(r)) {
		CFN_OBJECT(ctx, "KinesisStreamSpecification");
		CFN_KV_STR(ctx, "StreamArn", ddbgt_replica_kinesis_stream_arn(r));
		const char *precision = ddbgt_enum_name(DDBGT_ENUM_KINESIS_PRECISION,
		                                        ddbgt_replica_kinesis_stream_precision(r));
		if (precision)
			CFN_KV_STR(ctx, "ApproximateCreationDateTimePrecision", precision);
		ddbgt__jw_object_end(out(ctx));
	}
	if (ddbgt_replica_resource_policy(r))
		write_resource_policy(ctx, ddbgt_replica_resource_policy(r));
	if (ddbgt_replica_stream_resource_policy(r)) {
		CFN_OBJECT(ctx, "ReplicaStreamSpecification");
		write_resource_policy(ctx, ddbgt_replica_stream_resource_policy(r));
		ddbgt__jw_object_end(out(ctx));
	}
	if (ddbgt__emit_each_tag(ctx, r, NULL)) {
		CFN_ARRAY(ctx, "Tags");
		ddbgt__emit_each_tag(ctx, r, write_tag);
		ddbgt__jw_array_end(out(ctx));
	}
	ddbgt__jw_object_end(out(ctx));
}

static void write_table_name(ddbgt__emit_ctx *ctx)
{
	CFN_KEY(ctx, "TableName");
	if (!ctx->o->parameters) {
		str(ctx, ddbgt_table_name(ctx->t));
		return;
	}
	ddbgt__sub_text s = {NULL, 0, 0};
	ddbgt__sub_literal(ctx, &s, "${TableNamePrefix}");
	ddbgt__sub_user(ctx, &s, ddbgt_table_name(ctx->t));
	ddbgt__sub_write(ctx, &s);
}

static void write_properties(ddbgt__emit_ctx *ctx)
{
	CFN_OBJECT(ctx, "Properties");
	write_table_name(ctx);
	CFN_KV_STR(ctx, "BillingMode", provisioned(ctx) ? "PROVISIONED" : "PAY_PER_REQUEST");
	CFN_ARRAY(ctx, "AttributeDefinitions");
	ddbgt__emit_each_attribute(ctx, write_attribute);
	ddbgt__jw_array_end(out(ctx));
	write_key_schema(ctx, ddbgt_table_partition_key_name(ctx->t),
	                 ddbgt_table_sort_key_name(ctx->t));
	write_indexes(ctx);
	write_stream(ctx);
	ddbgt_encryption enc = ddbgt_table_encryption(ctx->t);
	if (enc == DDBGT_ENCRYPTION_AWS_MANAGED || enc == DDBGT_ENCRYPTION_CUSTOMER_MANAGED) {
		/* The key itself is per replica (Replicas[].SSESpecification). */
		CFN_OBJECT(ctx, "SSESpecification");
		CFN_KV_BOOL(ctx, "SSEEnabled", 1);
		CFN_KV_STR(ctx, "SSEType", "KMS");
		ddbgt__jw_object_end(out(ctx));
	}
	if (ddbgt_table_ttl_attribute(ctx->t)) {
		CFN_OBJECT(ctx, "TimeToLiveSpecification");
		CFN_KV_STR(ctx, "AttributeName", ddbgt_table_ttl_attribute(ctx->t));
		CFN_KV_BOOL(ctx, "Enabled", 1);
		ddbgt__jw_object_end(out(ctx));
	}
	if (provisioned(ctx))
		write_write_settings(ctx, NULL);
	else
		write_write_max(ctx, NULL);
	write_warm(ctx, NULL);
	if (strong(ctx)) {
		CFN_KV_STR(ctx, "MultiRegionConsistency", "STRONG");
		if (ddbgt_table_witness_region(ctx->t)) {
			CFN_ARRAY(ctx, "GlobalTableWitnesses");
			ddbgt__jw_object_begin(out(ctx));
			CFN_KV_STR(ctx, "Region", ddbgt_table_witness_region(ctx->t));
			ddbgt__jw_object_end(out(ctx));
			ddbgt__jw_array_end(out(ctx));
		}
	}
	CFN_ARRAY(ctx, "Replicas");
	for (size_t r = 0; r < ctx->nrep; r++)
		write_replica(ctx, ddbgt__emit_region_at(ctx, r));
	ddbgt__jw_array_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

/* ---- the template ---- */

static void write_head(ddbgt__emit_ctx *ctx)
{
	CFN_KV_STR(ctx, "AWSTemplateFormatVersion", "2010-09-09");
	char text[640];
	const char *stack = ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->stack));
	if (ctx->stack != ctx->primary)
		snprintf(text, sizeof text,
		         "Generated by libddbgt (target %s) from the spec of table %.255s: the "
		         "alarms and VPC endpoint of region %s, for a stack in %s beside the table's "
		         "stack in %s. Change the spec and generate again rather than editing this "
		         "file.",
		         ctx->target_name, ddbgt_table_name(ctx->t), stack, stack,
		         ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->primary)));
	else
		snprintf(text, sizeof text,
		         "Generated by libddbgt (target %s) from the spec of table %.255s. Change the "
		         "spec and generate again rather than editing this file.",
		         ctx->target_name, ddbgt_table_name(ctx->t));
	CFN_KV_STR(ctx, "Description", text);
	size_t n = ddbgt_diags_count(ctx->findings);
	if (n) {
		/* The findings travel with the template, so that its reader sees them too. */
		CFN_OBJECT(ctx, "Metadata");
		CFN_OBJECT(ctx, "ddbgt");
		CFN_ARRAY(ctx, "Findings");
		for (size_t i = 0; i < n; i++) {
			char line[1200];
			snprintf(line, sizeof line, "%s %s: %s",
			         ddbgt_enum_name(DDBGT_ENUM_SEVERITY, ddbgt_diags_severity(ctx->findings, i)),
			         ddbgt_diags_code_name(ctx->findings, i), ddbgt_diags_message(ctx->findings, i));
			str(ctx, line);
		}
		ddbgt__jw_array_end(out(ctx));
		ddbgt__jw_object_end(out(ctx));
		ddbgt__jw_object_end(out(ctx));
	}
	if (ctx->o->parameters) {
		CFN_OBJECT(ctx, "Parameters");
		CFN_OBJECT(ctx, "TableNamePrefix");
		CFN_KV_STR(ctx, "Type", "String");
		CFN_KV_STR(ctx, "Default", "");
		/* DynamoDB table names are [a-zA-Z0-9_.-], 3-255 long with the name after the prefix. */
		CFN_KV_STR(ctx, "AllowedPattern", "^[a-zA-Z0-9_.-]*$");
		CFN_KV_STR(ctx, "Description",
		           "Prefix of the table's name, for one template deployed more than once "
		           "in an account");
		ddbgt__jw_object_end(out(ctx));
		ddbgt__jw_object_end(out(ctx));
	}
	ddbgt__emit_cfn_operations_rules(ctx);
}

static void write_resources(ddbgt__emit_ctx *ctx)
{
	CFN_OBJECT(ctx, "Resources");
	open_object(ctx, ctx->res);
	CFN_KV_STR(ctx, "Type", "AWS::DynamoDB::GlobalTable");
	/* The data outlives the stack: deleting or replacing the stack keeps the table. */
	CFN_KV_STR(ctx, "DeletionPolicy", "Retain");
	CFN_KV_STR(ctx, "UpdateReplacePolicy", "Retain");
	write_properties(ctx);
	ddbgt__jw_object_end(out(ctx));
	ddbgt__emit_cfn_operations_resources(ctx);
	ddbgt__jw_object_end(out(ctx));
}

/* "arn:${AWS::Partition}:dynamodb:REGION:${AWS::AccountId}:table/${Table}" */
static void sub_arn(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s, const char *region)
{
	ddbgt__sub_literal(ctx, s, "arn:${AWS::Partition}:dynamodb:");
	ddbgt__sub_literal(ctx, s, region); /* a region code (the driver checked its shape) */
	ddbgt__sub_literal(ctx, s, ":${AWS::AccountId}:table/${");
	ddbgt__sub_literal(ctx, s, ctx->res);
	ddbgt__sub_literal(ctx, s, "}");
}

static void write_output_get_att(ddbgt__emit_ctx *ctx, const char *name, const char *attr,
                                 const char *description)
{
	open_object(ctx, name);
	CFN_KV_STR(ctx, "Description", description);
	CFN_OBJECT(ctx, "Value");
	CFN_ARRAY(ctx, "Fn::GetAtt");
	str(ctx, ctx->res);
	str(ctx, attr);
	ddbgt__jw_array_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
}

/*
 * Regions: the routing map of the Terraform targets as one JSON text (an
 * output's value is a string), region -> ARN, role and table class, home
 * region first.
 */
static void write_routing(ddbgt__emit_ctx *ctx)
{
	ddbgt__sub_text s = {NULL, 0, 0};
	ddbgt__sub_literal(ctx, &s, "{");
	for (size_t r = 0; r < ctx->nrep; r++) {
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, ddbgt__emit_region_at(ctx, r));
		ddbgt__sub_literal(ctx, &s, r ? ",\"" : "\"");
		ddbgt__sub_literal(ctx, &s, ddbgt_replica_region(rep));
		ddbgt__sub_literal(ctx, &s, "\":{\"arn\":\"");
		sub_arn(ctx, &s, ddbgt_replica_region(rep));
		ddbgt__sub_literal(ctx, &s, "\",\"role\":\"");
		ddbgt__sub_literal(ctx, &s, ddbgt_enum_name(DDBGT_ENUM_ROLE, ddbgt_replica_effective_role(rep)));
		ddbgt__sub_literal(ctx, &s, "\",\"table_class\":\"");
		ddbgt__sub_literal(ctx, &s, ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
		                                     ddbgt_replica_effective_table_class(rep)));
		ddbgt__sub_literal(ctx, &s, "\"}");
	}
	ddbgt__sub_literal(ctx, &s, "}");
	CFN_OBJECT(ctx, "Regions");
	CFN_KV_STR(ctx, "Description",
	           "Per region, as JSON: the table's ARN, its role and its table class");
	CFN_KEY(ctx, "Value");
	ddbgt__sub_write(ctx, &s);
	ddbgt__jw_object_end(out(ctx));
}

static void write_outputs(ddbgt__emit_ctx *ctx)
{
	CFN_OBJECT(ctx, "Outputs");
	CFN_OBJECT(ctx, "TableName");
	CFN_KV_STR(ctx, "Description", "The table's name");
	CFN_OBJECT(ctx, "Value");
	CFN_KV_STR(ctx, "Ref", ctx->res);
	ddbgt__jw_object_end(out(ctx));
	ddbgt__jw_object_end(out(ctx));
	write_output_get_att(ctx, "TableArn", "Arn", "The ARN of the table in the stack's region");
	/* The attribute exists only when the table has a stream. */
	if (stream_on(ctx))
		write_output_get_att(ctx, "StreamArn", "StreamArn",
		                     "The ARN of the table's stream in the stack's region");
	CFN_OBJECT(ctx, "PrimaryRegion");
	CFN_KV_STR(ctx, "Description", "The region the stack is deployed in");
	CFN_KV_STR(ctx, "Value", ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->primary)));
	ddbgt__jw_object_end(out(ctx));
	if (strong(ctx) && ddbgt_table_witness_region(ctx->t)) {
		CFN_OBJECT(ctx, "WitnessRegion");
		CFN_KV_STR(ctx, "Description", "The witness region of the multi-Region strongly "
		                               "consistent table");
		CFN_KV_STR(ctx, "Value", ddbgt_table_witness_region(ctx->t));
		ddbgt__jw_object_end(out(ctx));
	}
	for (size_t r = 0; r < ctx->nrep; r++) {
		const char *region = ddbgt_replica_region(ddbgt__emit_replica(ctx,
		                                                              ddbgt__emit_region_at(ctx, r)));
		char id[64], name[96], description[128];
		camel_id(id, sizeof id, region);
		snprintf(name, sizeof name, "TableArn%s", id);
		snprintf(description, sizeof description, "The ARN of the table's replica in %s", region);
		open_object(ctx, name);
		CFN_KV_STR(ctx, "Description", description);
		CFN_KEY(ctx, "Value");
		ddbgt__sub_text s = {NULL, 0, 0};
		sub_arn(ctx, &s, region);
		ddbgt__sub_write(ctx, &s);
		ddbgt__jw_object_end(out(ctx));
	}
	write_routing(ctx);
	ddbgt__emit_cfn_operations_outputs(ctx);
	ddbgt__jw_object_end(out(ctx));
}

void ddbgt__emit_cloudformation_write(ddbgt__emit_ctx *ctx)
{
	write_head(ctx);
	if (ctx->stack != ctx->primary) {
		/* A companion template: the region's operations resources, and no table. */
		CFN_OBJECT(ctx, "Resources");
		ddbgt__emit_cfn_operations_resources(ctx);
		ddbgt__jw_object_end(out(ctx));
		return;
	}
	write_resources(ctx);
	write_outputs(ctx);
}
