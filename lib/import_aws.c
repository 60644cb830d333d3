/*
 * A live table as the AWS CLI prints it: `aws dynamodb describe-table
 * --output json` ({"Table": ...}), with, merged into the same object, what
 * describe-continuous-backups, describe-time-to-live, list-tags-of-resource,
 * describe-table-replica-auto-scaling, describe-kinesis-streaming-destination,
 * list-contributor-insights and get-resource-policy print (lib/import.c merges
 * a directory of such files). Field names are the DynamoDB API's
 * (API_TableDescription, API_ReplicaDescription, API_ReplicaAutoScalingDescription).
 *
 * The home region is the one in TableArn; "Replicas" lists the others (the
 * home region is skipped when it appears there). PITR, TTL, tags, the
 * Kinesis destination and contributor insights are those of the region the
 * commands ran in: they become the table's or the home replica's.
 */
#include <stdio.h>
#include <string.h>

#include "iam_policy.h"
#include "import_internal.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"

#define M ddbgt__ir_member

/* "arn:aws:dynamodb:REGION:ACCOUNT:table/NAME": the region into buf. */
static int arn_region(const char *arn, char *buf, size_t size)
{
	const char *p = arn;
	for (int i = 0; i < 3 && p; i++)
		p = strchr(p, ':') ? strchr(p, ':') + 1 : NULL;
	const char *end = p ? strchr(p, ':') : NULL;
	if (!p || !end || end == p || (size_t)(end - p) >= size)
		return 0;
	memcpy(buf, p, (size_t)(end - p));
	buf[end - p] = '\0';
	return 1;
}

static void indexes(ddbgt__ireader *C, const jr_value *t, int provisioned)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *list = M(t, "GlobalSecondaryIndexes"), *at;
	for (size_t i = 0; i < ddbgt__ir_count(list); i++) {
		const jr_value *ix = ddbgt__ir_item(list, i);
		char base[64], b[256];
		snprintf(base, sizeof base, "/Table/GlobalSecondaryIndexes/%zu", i);
		ddbgt_gsi *gsi = ddbgt__ir_gsi(C, ix, base);
		if (!gsi)
			continue;
		int64_t units;
		snprintf(b, sizeof b, "%s/ProvisionedThroughput", base);
		for (int rw = 0; rw < 2 && provisioned; rw++)
			if (ddbgt__ir_int(C, M(ix, "ProvisionedThroughput"),
			                  rw ? "WriteCapacityUnits" : "ReadCapacityUnits", b,
			                  &units, &at))
				ddbgt__ir_set(C, ddbgt_gsi_set_capacity(gsi, (ddbgt_rw)rw, units));
		snprintf(b, sizeof b, "%s/OnDemandThroughput", base);
		for (int rw = 0; rw < 2; rw++)
			if (ddbgt__ir_int(C, M(ix, "OnDemandThroughput"),
			                  rw ? "MaxWriteRequestUnits" : "MaxReadRequestUnits", b,
			                  &units, &at) &&
			    units > 0)
				ddbgt__ir_set(
				        C, ddbgt_gsi_set_on_demand_max(gsi, (ddbgt_rw)rw, units));
		if (ddbgt_table_add_gsi(table, gsi)) {
			ddbgt_gsi_free(gsi);
			ddbgt__ir_status(C, DDBGT_ENOMEM);
			return;
		}
	}
	ddbgt__ir_lsis(C, M(t, "LocalSecondaryIndexes"), "/Table/LocalSecondaryIndexes");
}

/* {MinimumUnits, MaximumUnits, ScalingPolicies[0].TargetTrackingScalingPolicyConfiguration
 * {TargetValue, ScaleInCooldown, ScaleOutCooldown, DisableScaleIn}} */
static int scaling(ddbgt__ireader *C, const jr_value *s, const char *base, ddbgt__iscale *out)
{
	const jr_value *at;
	char b[256];
	out->cooldown_in = out->cooldown_out = -1;
	out->seed = 0;
	out->no_scale_in = DDBGT_INHERIT;
	if (!s || ddbgt__ir_bool(C, s, "AutoScalingDisabled", base, &at) == 1)
		return 0;
	snprintf(b, sizeof b, "%s/ScalingPolicies/0/TargetTrackingScalingPolicyConfiguration",
	         base);
	const jr_value *pol = M(ddbgt__ir_item(M(s, "ScalingPolicies"), 0),
	                        "TargetTrackingScalingPolicyConfiguration");
	if (!(ddbgt__ir_int(C, s, "MinimumUnits", base, &out->min, &at) &&
	      ddbgt__ir_int(C, s, "MaximumUnits", base, &out->max, &at) &&
	      ddbgt__ir_num(C, pol, "TargetValue", b, &out->target)))
		return 0;
	out->cooldown_in = ddbgt__ir_cooldown(C, pol, "ScaleInCooldown", b);
	out->cooldown_out = ddbgt__ir_cooldown(C, pol, "ScaleOutCooldown", b);
	/* The output always prints DisableScaleIn; false is the default, left implicit. */
	if (ddbgt__ir_bool(C, pol, "DisableScaleIn", b, &at) == 1)
		out->no_scale_in = 1;
	return 1;
}

/* describe-table-replica-auto-scaling: the home region's into the table, others as overrides. */
static void autoscaling(ddbgt__ireader *C, const jr_value *d, const char *home)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *reps = M(d, "Replicas"), *at;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < ddbgt__ir_count(reps); i++) {
			const jr_value *r = ddbgt__ir_item(reps, i);
			char base[128], b[256];
			snprintf(base, sizeof base, "/TableAutoScalingDescription/Replicas/%zu", i);
			const char *region = ddbgt__ir_str(C, r, "RegionName", base, &at);
			if (!region || (strcmp(region, home) == 0) != (pass == 0))
				continue;
			ddbgt_replica *rep = ddbgt_table_find_replica_mut(table, region);
			ddbgt__iscale sc;
			snprintf(b, sizeof b,
			         "%s/ReplicaProvisionedReadCapacityAutoScalingSettings", base);
			if (scaling(C, M(r, "ReplicaProvisionedReadCapacityAutoScalingSettings"), b,
			            &sc)) {
				if (pass == 0)
					ddbgt__ir_set_scale(C, NULL, DDBGT_READ, &sc);
				else if (rep)
					ddbgt__ir_set_replica_scale(C, rep, NULL, &sc);
			}
			snprintf(b, sizeof b,
			         "%s/ReplicaProvisionedWriteCapacityAutoScalingSettings", base);
			if (pass == 0 &&
			    scaling(C, M(r, "ReplicaProvisionedWriteCapacityAutoScalingSettings"),
			            b, &sc))
				ddbgt__ir_set_scale(C, NULL, DDBGT_WRITE, &sc);
			const jr_value *gsis = M(r, "GlobalSecondaryIndexes");
			for (size_t k = 0; k < ddbgt__ir_count(gsis); k++) {
				const jr_value *g = ddbgt__ir_item(gsis, k);
				char gb[256], sb[320];
				snprintf(gb, sizeof gb, "%s/GlobalSecondaryIndexes/%zu", base, k);
				const char *name = ddbgt__ir_str(C, g, "IndexName", gb, &at);
				ddbgt_gsi *gsi = name ? ddbgt_table_find_gsi_mut(table, name) : NULL;
				if (!gsi)
					continue;
				snprintf(sb, sizeof sb,
				         "%s/ProvisionedReadCapacityAutoScalingSettings", gb);
				if (scaling(C, M(g, "ProvisionedReadCapacityAutoScalingSettings"),
				            sb, &sc)) {
					if (pass == 0)
						ddbgt__ir_set_scale(C, gsi, DDBGT_READ, &sc);
					else if (rep)
						ddbgt__ir_set_replica_scale(C, rep, name, &sc);
				}
				snprintf(sb, sizeof sb,
				         "%s/ProvisionedWriteCapacityAutoScalingSettings", gb);
				if (pass == 0 &&
				    scaling(C, M(g, "ProvisionedWriteCapacityAutoScalingSettings"),
				            sb, &sc))
					ddbgt__ir_set_scale(C, gsi, DDBGT_WRITE, &sc);
			}
		}
}

static void replicas(ddbgt__ireader *C, const jr_value *t, const char *home)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *reps = M(t, "Replicas"), *at;
	for (size_t i = 0; i < ddbgt__ir_count(reps); i++) {
		const jr_value *r = ddbgt__ir_item(reps, i);
		char base[64], b[256];
		snprintf(base, sizeof base, "/Table/Replicas/%zu", i);
		const char *region = ddbgt__ir_str(C, r, "RegionName", base, &at);
		if (!region)
			continue;
		ddbgt_replica *rep = ddbgt_table_find_replica_mut(table, region);
		if (!rep) {
			char sp[64];
			snprintf(sp, sizeof sp, "/replicas/%zu", ddbgt_table_replica_count(table));
			if (ddbgt_replica_new(&rep, region) ||
			    ddbgt_table_add_replica(table, rep)) {
				ddbgt_replica_free(rep);
				ddbgt__ir_status(C, DDBGT_ENOMEM);
				return;
			}
			ddbgt__ir_note(C, sp, r);
		}
		const char *kms = ddbgt__ir_str(C, r, "KMSMasterKeyId", base, &at);
		if (kms) {
			ddbgt__ir_set(C, ddbgt_replica_set_kms_key(rep, kms));
			ddbgt__ir_set(C, ddbgt_table_set_encryption(
			                         table, DDBGT_ENCRYPTION_CUSTOMER_MANAGED));
		}
		int64_t units, tunits;
		snprintf(b, sizeof b, "%s/ProvisionedThroughputOverride", base);
		if (ddbgt__ir_int(C, M(r, "ProvisionedThroughputOverride"), "ReadCapacityUnits", b,
		                  &units, &at) &&
		    !(ddbgt_table_get_capacity(table, DDBGT_READ, &tunits) == DDBGT_OK &&
		      tunits == units) &&
		    strcmp(region, home) != 0)
			ddbgt__ir_set(C, ddbgt_replica_set_read_capacity(rep, units));
		snprintf(b, sizeof b, "%s/OnDemandThroughputOverride", base);
		if (ddbgt__ir_int(C, M(r, "OnDemandThroughputOverride"), "MaxReadRequestUnits", b,
		                  &units, &at) &&
		    units > 0 &&
		    !(ddbgt_table_get_on_demand_max(table, DDBGT_READ, &tunits) == DDBGT_OK &&
		      tunits == units) &&
		    strcmp(region, home) != 0)
			ddbgt__ir_set(C, ddbgt_replica_set_on_demand_max_read(rep, units));
		int cls;
		snprintf(b, sizeof b, "%s/ReplicaTableClassSummary", base);
		if (ddbgt__ir_enum(C, M(r, "ReplicaTableClassSummary"), "TableClass", b,
		                   DDBGT_ENUM_TABLE_CLASS, &cls) &&
		    cls != (int)ddbgt_table_table_class(table))
			ddbgt__ir_set(C,
			              ddbgt_replica_set_table_class(rep, (ddbgt_table_class)cls));
		const jr_value *gsis = M(r, "GlobalSecondaryIndexes");
		for (size_t k = 0; k < ddbgt__ir_count(gsis); k++) {
			const jr_value *g = ddbgt__ir_item(gsis, k);
			char gb[256];
			snprintf(gb, sizeof gb, "%s/GlobalSecondaryIndexes/%zu", base, k);
			const char *name = ddbgt__ir_str(C, g, "IndexName", gb, &at);
			ddbgt_gsi *gsi = name ? ddbgt_table_find_gsi_mut(table, name) : NULL;
			char ob[300];
			snprintf(ob, sizeof ob, "%s/ProvisionedThroughputOverride", gb);
			if (gsi &&
			    ddbgt__ir_int(C, M(g, "ProvisionedThroughputOverride"),
			                  "ReadCapacityUnits", ob, &units, &at) &&
			    !(ddbgt_gsi_get_capacity(gsi, DDBGT_READ, &tunits) == DDBGT_OK &&
			      tunits == units))
				ddbgt__ir_set(
				        C, ddbgt_replica_set_gsi_read_capacity(rep, name, units));
			snprintf(ob, sizeof ob, "%s/OnDemandThroughputOverride", gb);
			if (gsi &&
			    ddbgt__ir_int(C, M(g, "OnDemandThroughputOverride"),
			                  "MaxReadRequestUnits", ob, &units, &at) &&
			    units > 0 &&
			    !(ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, &tunits) == DDBGT_OK &&
			      tunits == units))
				ddbgt__ir_set(C, ddbgt_replica_set_gsi_on_demand_max_read(rep, name,
				                                                          units));
		}
	}
}

/* The companions: PITR, TTL and tags of the home region. */
static void companions(ddbgt__ireader *C, const jr_value *root)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *at;
	const jr_value *p =
	        M(M(root, "ContinuousBackupsDescription"), "PointInTimeRecoveryDescription");
	const char *s =
	        ddbgt__ir_str(C, p, "PointInTimeRecoveryStatus",
	                      "/ContinuousBackupsDescription/PointInTimeRecoveryDescription", &at);
	if (s && strcmp(s, "ENABLED") == 0) {
		int64_t days;
		ddbgt__ir_note(C, "/table/point_in_time_recovery", at);
		ddbgt__ir_set(C, ddbgt_table_set_pitr(table, 1));
		if (ddbgt__ir_int(C, p, "RecoveryPeriodInDays",
		                  "/ContinuousBackupsDescription/PointInTimeRecoveryDescription",
		                  &days, &at) &&
		    days != 35)
			ddbgt__ir_set(C, ddbgt_table_set_pitr_period(table, days));
	}
	const jr_value *ttl = M(root, "TimeToLiveDescription");
	s = ddbgt__ir_str(C, ttl, "TimeToLiveStatus", "/TimeToLiveDescription", &at);
	if (s && (strcmp(s, "ENABLED") == 0 || strcmp(s, "ENABLING") == 0)) {
		const char *name =
		        ddbgt__ir_str(C, ttl, "AttributeName", "/TimeToLiveDescription", &at);
		if (name) {
			ddbgt__ir_note(C, "/table/ttl_attribute", at);
			ddbgt__ir_set(C, ddbgt_table_set_ttl_attribute(table, name));
		}
	}
	const jr_value *tags = M(root, "Tags");
	for (size_t i = 0; i < ddbgt__ir_count(tags); i++) {
		const char *k, *v;
		if (ddbgt__ir_tag(C, tags, i, "/Tags", &k, &v))
			ddbgt__ir_set(C, ddbgt_table_set_tag(table, k, v));
	}
}

/*
 * describe-kinesis-streaming-destination: the home region's destination
 * that streams (ACTIVE, ENABLING, UPDATING). A spec holds one per replica.
 */
static void kinesis(ddbgt__ireader *C, const jr_value *root, ddbgt_replica *home)
{
	const jr_value *list = M(root, "KinesisDataStreamDestinations"), *at;
	int taken = 0;
	for (size_t i = 0; home && i < ddbgt__ir_count(list); i++) {
		const jr_value *d = ddbgt__ir_item(list, i);
		char b[64];
		snprintf(b, sizeof b, "/KinesisDataStreamDestinations/%zu", i);
		const char *status = ddbgt__ir_str(C, d, "DestinationStatus", b, &at);
		if (status && strcmp(status, "ACTIVE") != 0 && strcmp(status, "ENABLING") != 0 &&
		    strcmp(status, "UPDATING") != 0)
			continue;
		const char *arn = ddbgt__ir_str(C, d, "StreamArn", b, &at);
		if (!arn)
			continue;
		if (taken++) {
			ddbgt__ir_not_carried(C, b, d,
			                      "a second Kinesis destination of one replica");
			continue;
		}
		int precision = DDBGT_KINESIS_PRECISION_UNSET;
		if (M(d, "ApproximateCreationDateTimePrecision"))
			ddbgt__ir_enum(C, d, "ApproximateCreationDateTimePrecision", b,
			               DDBGT_ENUM_KINESIS_PRECISION, &precision);
		ddbgt__ir_set(C, ddbgt_replica_set_kinesis_stream(
		                         home, arn, (ddbgt_kinesis_precision)precision));
	}
}

/*
 * get-resource-policy ({"Policy": "<JSON text>", "RevisionId"}): the home
 * replica's resource_policy, or its stream_resource_policy when the document
 * names a stream (get-resource-policy of the stream's ARN prints the same
 * shape, and the validator wants a replica's policy to name its own table or
 * stream). One directory holds one such file: a merged object has one "Policy".
 */
static void resource_policy(ddbgt__ireader *C, const jr_value *root, ddbgt_replica *home)
{
	const jr_value *at;
	const char *policy = ddbgt__ir_str(C, root, "Policy", "", &at);
	if (!policy)
		return;
	if (!home) {
		ddbgt__ir_not_carried(C, "/Policy", at, "a resource-based policy of an unknown region");
		return;
	}
	char *text = NULL;
	int rc = ddbgt__iam_policy_canonical(&text, policy, at->u.str.len);
	if (rc == DDBGT_EINVAL) {
		ddbgt__ir_bad(C, "/Policy", at, "the JSON text of one object (a policy document)");
		return;
	}
	if (rc) {
		ddbgt__ir_status(C, rc);
		return;
	}
	int stream = strstr(text, "/stream/") != NULL;
	ddbgt__ir_note(C, stream ? "/replicas/0/stream_resource_policy" : "/replicas/0/resource_policy",
	               at);
	ddbgt__ir_set(C, stream ? ddbgt_replica_set_stream_resource_policy(home, text)
	                        : ddbgt_replica_set_resource_policy(home, text));
	ddbgt_free(text);
}

/*
 * list-contributor-insights: the home region's table and GSIs with
 * insights ENABLED or ENABLING; a mode makes the object form.
 */
static void insights(ddbgt__ireader *C, const jr_value *root, ddbgt_replica *home)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *list = M(root, "ContributorInsightsSummaries"), *at;
	for (size_t i = 0; home && i < ddbgt__ir_count(list); i++) {
		const jr_value *e = ddbgt__ir_item(list, i);
		char b[64];
		snprintf(b, sizeof b, "/ContributorInsightsSummaries/%zu", i);
		const char *status = ddbgt__ir_str(C, e, "ContributorInsightsStatus", b, &at);
		if (!status || (strcmp(status, "ENABLED") != 0 && strcmp(status, "ENABLING") != 0))
			continue;
		int mode = DDBGT_INSIGHTS_MODE_UNSET;
		if (M(e, "ContributorInsightsMode"))
			ddbgt__ir_enum(C, e, "ContributorInsightsMode", b, DDBGT_ENUM_INSIGHTS_MODE,
			               &mode);
		const char *index = M(e, "IndexName") ? ddbgt__ir_str(C, e, "IndexName", b, &at)
		                                      : NULL;
		if (index && !ddbgt_table_find_gsi(table, index))
			ddbgt__ir_not_carried(C, b, e, "no such index in the table");
		else if (index && mode)
			ddbgt__ir_set(C, ddbgt_replica_set_gsi_contributor_insights_mode(
			                         home, index, 1, (ddbgt_insights_mode)mode));
		else if (index)
			ddbgt__ir_set(C,
			              ddbgt_replica_set_gsi_contributor_insights(home, index, 1));
		else
			ddbgt__ir_set(C, mode ? ddbgt_replica_set_contributor_insights_mode(
			                                home, 1, (ddbgt_insights_mode)mode)
			                      : ddbgt_replica_set_contributor_insights(home, 1));
	}
}

/*
 * What a new on-demand table or index starts with, which describe-table
 * reports for every table: warm throughput at or below it is left implicit
 * ("Understanding DynamoDB warm throughput in different scenarios", AWS
 * DynamoDB Developer Guide).
 */
#define WARM_START_READ 12000
#define WARM_START_WRITE 4000

int ddbgt__import_describe_table(ddbgt_import *imp, const jr_value *root)
{
	ddbgt__ireader C = {.imp = imp, .warm_floor = {WARM_START_READ, WARM_START_WRITE}};
	const jr_value *t = M(root, "Table"), *at;
	if (!t || t->type != JR_OBJECT)
		return ddbgt__import_findf(
		        imp, NULL, DDBGT_E_IMPORT_KIND, "/Table", root,
		        "describe-table output has a Table object; these files hold "
		        "only the other commands' outputs");
	const char *name = ddbgt__ir_str(&C, t, "TableName", "/Table", &at);
	if (ddbgt__import_add_table(&C.t, imp, name ? name : "Table", t))
		return DDBGT_ENOMEM;
	C.address = ddbgt__itable_address(C.t);
	ddbgt_table *table = ddbgt__itable_table(C.t);
	ddbgt__ir_note(&C, "", t);
	ddbgt__ir_note(&C, "/table", t);
	if (name) {
		ddbgt__ir_note(&C, "/table/name", at);
		ddbgt__ir_set(&C, ddbgt_table_set_name(table, name));
	}
	char home[64] = "";
	const char *arn = ddbgt__ir_str(&C, t, "TableArn", "/Table", &at);
	if (!arn || !arn_region(arn, home, sizeof home))
		ddbgt__ir_status(&C, ddbgt__import_findf(imp, C.t, DDBGT_W_IMPORT_UNRESOLVED,
		                                         "/Table/TableArn", t,
		                                         "%s: no TableArn, so the home region is "
		                                         "unknown",
		                                         C.address));
	int billing = DDBGT_BILLING_PROVISIONED;
	ddbgt__ir_enum(&C, M(t, "BillingModeSummary"), "BillingMode", "/Table/BillingModeSummary",
	               DDBGT_ENUM_BILLING_MODE, &billing);
	if (billing == DDBGT_BILLING_PROVISIONED)
		ddbgt__ir_set(&C, ddbgt_table_set_billing_mode(table, DDBGT_BILLING_PROVISIONED));
	ddbgt__ir_keys(&C, t, "/Table");
	int64_t units;
	for (int rw = 0; rw < 2 && billing == DDBGT_BILLING_PROVISIONED; rw++)
		if (ddbgt__ir_int(&C, M(t, "ProvisionedThroughput"),
		                  rw ? "WriteCapacityUnits" : "ReadCapacityUnits",
		                  "/Table/ProvisionedThroughput", &units, &at))
			ddbgt__ir_set(&C, ddbgt_table_set_capacity(table, (ddbgt_rw)rw, units));
	for (int rw = 0; rw < 2; rw++)
		if (ddbgt__ir_int(&C, M(t, "OnDemandThroughput"),
		                  rw ? "MaxWriteRequestUnits" : "MaxReadRequestUnits",
		                  "/Table/OnDemandThroughput", &units, &at) &&
		    units > 0)
			ddbgt__ir_set(&C,
			              ddbgt_table_set_on_demand_max(table, (ddbgt_rw)rw, units));
	ddbgt__ir_warm(&C, t, "/Table", NULL);
	indexes(&C, t, billing == DDBGT_BILLING_PROVISIONED);
	const jr_value *st = M(t, "StreamSpecification");
	int view = DDBGT_STREAM_VIEW_UNSET;
	int on = ddbgt__ir_bool(&C, st, "StreamEnabled", "/Table/StreamSpecification", &at);
	ddbgt__ir_enum(&C, st, "StreamViewType", "/Table/StreamSpecification",
	               DDBGT_ENUM_STREAM_VIEW, &view);
	int cls;
	if (ddbgt__ir_enum(&C, M(t, "TableClassSummary"), "TableClass", "/Table/TableClassSummary",
	                   DDBGT_ENUM_TABLE_CLASS, &cls) &&
	    cls != DDBGT_TABLE_CLASS_STANDARD)
		ddbgt__ir_set(&C, ddbgt_table_set_table_class(table, (ddbgt_table_class)cls));
	if (ddbgt__ir_bool(&C, t, "DeletionProtectionEnabled", "/Table", &at) == 1)
		ddbgt__ir_set(&C, ddbgt_table_set_deletion_protection(table, 1));
	int consistency;
	if (ddbgt__ir_enum(&C, t, "MultiRegionConsistency", "/Table", DDBGT_ENUM_CONSISTENCY,
	                   &consistency) &&
	    consistency == DDBGT_CONSISTENCY_STRONG)
		ddbgt__ir_set(&C, ddbgt_table_set_consistency(table, DDBGT_CONSISTENCY_STRONG));
	const char *witness = ddbgt__ir_str(&C, ddbgt__ir_item(M(t, "GlobalTableWitnesses"), 0),
	                                    "RegionName", "/Table/GlobalTableWitnesses/0", &at);
	if (witness)
		ddbgt__ir_set(&C, ddbgt_table_set_witness_region(table, witness));
	const char *version = ddbgt__ir_str(&C, t, "GlobalTableVersion", "/Table", &at);
	if (version && strcmp(version, "2017.11.29") == 0) {
		ddbgt__ir_set(&C, ddbgt_table_set_legacy_version(table, 1));
		ddbgt__ir_set(&C, ddbgt_table_set_adopt_existing(table, 1));
	}
	if (home[0]) {
		ddbgt_replica *rep;
		if (ddbgt_replica_new(&rep, home) || ddbgt_table_add_replica(table, rep)) {
			ddbgt_replica_free(rep);
			return DDBGT_ENOMEM;
		}
		ddbgt__ir_note(&C, "/replicas/0", t);
	}
	replicas(&C, t, home);
	const jr_value *sse = M(t, "SSEDescription");
	const char *sse_type = ddbgt__ir_str(&C, sse, "SSEType", "/Table/SSEDescription", &at);
	if (sse_type && strcmp(sse_type, "KMS") == 0) {
		const char *key =
		        ddbgt__ir_str(&C, sse, "KMSMasterKeyArn", "/Table/SSEDescription", &at);
		ddbgt_replica *h = home[0] ? ddbgt_table_find_replica_mut(table, home) : NULL;
		/* A customer managed key shows as replicas' KMSMasterKeyId; else AWS's own key. */
		if (ddbgt_table_encryption(table) == DDBGT_ENCRYPTION_CUSTOMER_MANAGED && key && h)
			ddbgt__ir_set(&C, ddbgt_replica_set_kms_key(h, key));
		else
			ddbgt__ir_set(&C, ddbgt_table_set_encryption(table,
			                                             DDBGT_ENCRYPTION_AWS_MANAGED));
	}
	if (on >= 0 && !(on == 1 && view == DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES &&
	                 ddbgt_table_replica_count(table) >= 2))
		ddbgt__ir_set(&C, ddbgt_table_set_stream(table, on, (ddbgt_stream_view)view));
	companions(&C, root);
	ddbgt_replica *h = home[0] ? ddbgt_table_find_replica_mut(table, home) : NULL;
	kinesis(&C, root, h);
	insights(&C, root, h);
	resource_policy(&C, root, h);
	autoscaling(&C, M(root, "TableAutoScalingDescription"), home);
	return C.status;
}
