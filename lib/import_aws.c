/*
 * A live table as the AWS CLI prints it: `aws dynamodb describe-table
 * --output json` ({"Table": ...}), with, merged into the same object, what
 * describe-continuous-backups, describe-time-to-live, list-tags-of-resource
 * and describe-table-replica-auto-scaling print (lib/import.c merges a
 * directory of such files). Field names are the DynamoDB API's
 * (API_TableDescription, API_ReplicaDescription, API_ReplicaAutoScalingDescription).
 *
 * The home region is the one in TableArn; "Replicas" lists the others (the
 * home region is skipped when it appears there). PITR, TTL and tags are
 * those of the region the commands ran in: they become the table's.
 */
#include <stdio.h>
#include <string.h>

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

/* {MinimumUnits, MaximumUnits,
 * ScalingPolicies[0].TargetTrackingScalingPolicyConfiguration.TargetValue} */
static int scaling(ddbgt__ireader *C, const jr_value *s, const char *base, int64_t *min,
                   int64_t *max, double *target)
{
	const jr_value *at;
	char b[256];
	if (!s || ddbgt__ir_bool(C, s, "AutoScalingDisabled", base, &at) == 1)
		return 0;
	snprintf(b, sizeof b, "%s/ScalingPolicies/0/TargetTrackingScalingPolicyConfiguration",
	         base);
	const jr_value *pol = M(ddbgt__ir_item(M(s, "ScalingPolicies"), 0),
	                        "TargetTrackingScalingPolicyConfiguration");
	return ddbgt__ir_int(C, s, "MinimumUnits", base, min, &at) &&
	       ddbgt__ir_int(C, s, "MaximumUnits", base, max, &at) &&
	       ddbgt__ir_num(C, pol, "TargetValue", b, target);
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
			int64_t mn, mx;
			double tv;
			snprintf(b, sizeof b,
			         "%s/ReplicaProvisionedReadCapacityAutoScalingSettings", base);
			if (scaling(C, M(r, "ReplicaProvisionedReadCapacityAutoScalingSettings"), b,
			            &mn, &mx, &tv))
				ddbgt__ir_set(C, pass == 0 ? ddbgt_table_set_autoscaling(
				                                     table, DDBGT_READ, mn, mx, tv)
				                 : rep ? ddbgt_replica_set_read_autoscaling(rep, mn,
				                                                            mx, tv)
				                       : DDBGT_OK);
			snprintf(b, sizeof b,
			         "%s/ReplicaProvisionedWriteCapacityAutoScalingSettings", base);
			if (pass == 0 &&
			    scaling(C, M(r, "ReplicaProvisionedWriteCapacityAutoScalingSettings"),
			            b, &mn, &mx, &tv))
				ddbgt__ir_set(C, ddbgt_table_set_autoscaling(table, DDBGT_WRITE, mn,
				                                             mx, tv));
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
				            sb, &mn, &mx, &tv))
					ddbgt__ir_set(
					        C, pass == 0 ? ddbgt_gsi_set_autoscaling(
					                               gsi, DDBGT_READ, mn, mx, tv)
					           : rep ? ddbgt_replica_set_gsi_read_autoscaling(
					                           rep, name, mn, mx, tv)
					                 : DDBGT_OK);
				snprintf(sb, sizeof sb,
				         "%s/ProvisionedWriteCapacityAutoScalingSettings", gb);
				if (pass == 0 &&
				    scaling(C, M(g, "ProvisionedWriteCapacityAutoScalingSettings"),
				            sb, &mn, &mx, &tv))
					ddbgt__ir_set(C, ddbgt_gsi_set_autoscaling(gsi, DDBGT_WRITE,
					                                           mn, mx, tv));
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
		char b[64];
		const jr_value *kat, *vat;
		snprintf(b, sizeof b, "/Tags/%zu", i);
		const char *k = ddbgt__ir_str(C, ddbgt__ir_item(tags, i), "Key", b, &kat);
		const char *v = ddbgt__ir_str(C, ddbgt__ir_item(tags, i), "Value", b, &vat);
		if (k && v)
			ddbgt__ir_set(C, ddbgt_table_set_tag(table, k, v));
	}
}

int ddbgt__import_describe_table(ddbgt_import *imp, const jr_value *root)
{
	ddbgt__ireader C = {.imp = imp};
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
	autoscaling(&C, M(root, "TableAutoScalingDescription"), home);
	return C.status;
}
