/*
 * CloudFormation importer: AWS::DynamoDB::GlobalTable and AWS::DynamoDB::Table
 * resources of a template (JSON, or YAML through import_yaml.c, which turns
 * the short-form tags into their long form first).
 *
 * A value is a literal, or {"Ref": P} to a template parameter with a
 * Default (resolved to it); every other intrinsic function ("Fn::Sub",
 * "Fn::GetAtt", a Ref to a resource or a pseudo parameter, ...) is reported
 * DDBGT_W_IMPORT_UNRESOLVED. A GlobalTable's settings that CloudFormation
 * gives per replica (read capacity, table class, PITR, deletion protection,
 * tags) become the table's when every replica has the same, else the first
 * replica's, with replica overrides where the others differ.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iam_policy.h"
#include "import_internal.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"

/*
 * {MinCapacity, MaxCapacity, SeedCapacity, TargetTrackingScalingPolicyConfiguration:
 * {TargetValue, ScaleInCooldown, ScaleOutCooldown, DisableScaleIn}}
 */
static int autoscaling(ddbgt__ireader *C, const jr_value *s, const char *base, ddbgt__iscale *out)
{
	const jr_value *at;
	char b[256];
	snprintf(b, sizeof b, "%s/TargetTrackingScalingPolicyConfiguration", base);
	const jr_value *tt = ddbgt__ir_member(s, "TargetTrackingScalingPolicyConfiguration");
	out->cooldown_in = out->cooldown_out = -1;
	out->seed = 0;
	out->no_scale_in = DDBGT_INHERIT;
	if (!(s && ddbgt__ir_int(C, s, "MinCapacity", base, &out->min, &at) &&
	      ddbgt__ir_int(C, s, "MaxCapacity", base, &out->max, &at) &&
	      ddbgt__ir_num(C, tt, "TargetValue", b, &out->target)))
		return 0;
	/* The units the table starts from, which the spec keeps beside its autoscaling. */
	if (ddbgt__ir_member(s, "SeedCapacity") &&
	    !(ddbgt__ir_int(C, s, "SeedCapacity", base, &out->seed, &at) && out->seed > 0))
		out->seed = 0;
	out->cooldown_in = ddbgt__ir_cooldown(C, tt, "ScaleInCooldown", b);
	out->cooldown_out = ddbgt__ir_cooldown(C, tt, "ScaleOutCooldown", b);
	int off = ddbgt__ir_bool(C, tt, "DisableScaleIn", b, &at);
	if (off >= 0)
		out->no_scale_in = off;
	return 1;
}

static void read_indexes(ddbgt__ireader *C, const jr_value *p, int global_table)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *list = ddbgt__ir_member(p, "GlobalSecondaryIndexes");
	for (size_t i = 0; i < ddbgt__ir_count(list); i++) {
		const jr_value *ix = ddbgt__ir_item(list, i), *at;
		char base[64], sp[64];
		snprintf(base, sizeof base, "/GlobalSecondaryIndexes/%zu", i);
		snprintf(sp, sizeof sp, "/table/global_secondary_indexes/%zu",
		         ddbgt_table_gsi_count(table));
		ddbgt_gsi *gsi = ddbgt__ir_gsi(C, ix, base);
		if (!gsi)
			continue;
		ddbgt__ir_note(C, sp, ix);
		char b[256];
		int64_t units;
		ddbgt__iscale sc;
		if (global_table) {
			snprintf(b, sizeof b,
			         "%s/WriteProvisionedThroughputSettings/"
			         "WriteCapacityAutoScalingSettings",
			         base);
			if (autoscaling(C,
			                ddbgt__ir_member(
			                        ddbgt__ir_member(
			                                ix, "WriteProvisionedThroughputSettings"),
			                        "WriteCapacityAutoScalingSettings"),
			                b, &sc))
				ddbgt__ir_set_scale(C, gsi, DDBGT_WRITE, &sc);
			snprintf(b, sizeof b, "%s/WriteOnDemandThroughputSettings", base);
			if (ddbgt__ir_int(C,
			                  ddbgt__ir_member(ix, "WriteOnDemandThroughputSettings"),
			                  "MaxWriteRequestUnits", b, &units, &at))
				ddbgt__ir_set(C,
				              ddbgt_gsi_set_on_demand_max(gsi, DDBGT_WRITE, units));
		} else {
			snprintf(b, sizeof b, "%s/ProvisionedThroughput", base);
			const jr_value *pt = ddbgt__ir_member(ix, "ProvisionedThroughput");
			if (ddbgt__ir_int(C, pt, "ReadCapacityUnits", b, &units, &at))
				ddbgt__ir_set(C, ddbgt_gsi_set_capacity(gsi, DDBGT_READ, units));
			if (ddbgt__ir_int(C, pt, "WriteCapacityUnits", b, &units, &at))
				ddbgt__ir_set(C, ddbgt_gsi_set_capacity(gsi, DDBGT_WRITE, units));
			snprintf(b, sizeof b, "%s/OnDemandThroughput", base);
			const jr_value *od = ddbgt__ir_member(ix, "OnDemandThroughput");
			if (ddbgt__ir_int(C, od, "MaxReadRequestUnits", b, &units, &at))
				ddbgt__ir_set(C,
				              ddbgt_gsi_set_on_demand_max(gsi, DDBGT_READ, units));
			if (ddbgt__ir_int(C, od, "MaxWriteRequestUnits", b, &units, &at))
				ddbgt__ir_set(C,
				              ddbgt_gsi_set_on_demand_max(gsi, DDBGT_WRITE, units));
		}
		if (!global_table && ddbgt__ir_member(ix, "ContributorInsightsSpecification"))
			ddbgt__ir_not_carried(
			        C, base, ddbgt__ir_member(ix, "ContributorInsightsSpecification"),
			        "contributor insights of the stack's region, which the template "
			        "does not name");
		if (ddbgt_table_add_gsi(table, gsi)) {
			ddbgt_gsi_free(gsi);
			ddbgt__ir_status(C, DDBGT_ENOMEM);
			return;
		}
	}
	ddbgt__ir_lsis(C, ddbgt__ir_member(p, "LocalSecondaryIndexes"), "/LocalSecondaryIndexes");
}

/* What both resource types share at the table level. */
static void read_common(ddbgt__ireader *C, const jr_value *p)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *at;
	const char *name = ddbgt__ir_str(C, p, "TableName", "", &at);
	if (name) {
		ddbgt__ir_note(C, "/table/name", at);
		ddbgt__ir_set(C, ddbgt_table_set_name(table, name));
	} else if (!ddbgt__ir_member(p, "TableName")) {
		ddbgt__ir_status(
		        C, ddbgt__import_findf(C->imp, C->t, DDBGT_W_IMPORT_UNRESOLVED,
		                               "/TableName", p,
		                               "%s: TableName is generated by CloudFormation at "
		                               "deployment, so the table has no name",
		                               C->address));
	}
	/* CloudFormation's default billing mode is PROVISIONED, the spec's PAY_PER_REQUEST. */
	int billing = DDBGT_BILLING_PROVISIONED;
	if (ddbgt__ir_member(p, "BillingMode"))
		ddbgt__ir_enum(C, p, "BillingMode", "", DDBGT_ENUM_BILLING_MODE, &billing);
	if (billing == DDBGT_BILLING_PROVISIONED)
		ddbgt__ir_set(C, ddbgt_table_set_billing_mode(table, DDBGT_BILLING_PROVISIONED));
	ddbgt__ir_keys(C, p, "");
	const jr_value *stream = ddbgt__ir_member(p, "StreamSpecification");
	int view;
	if (stream && ddbgt__ir_enum(C, stream, "StreamViewType", "/StreamSpecification",
	                             DDBGT_ENUM_STREAM_VIEW, &view)) {
		ddbgt__ir_note(C, "/table/stream", stream);
		ddbgt__ir_set(C, ddbgt_table_set_stream(table, 1, (ddbgt_stream_view)view));
	}
	const jr_value *ttl = ddbgt__ir_member(p, "TimeToLiveSpecification");
	if (ttl && ddbgt__ir_bool(C, ttl, "Enabled", "/TimeToLiveSpecification", &at) == 1) {
		const char *attr =
		        ddbgt__ir_str(C, ttl, "AttributeName", "/TimeToLiveSpecification", &at);
		if (attr) {
			ddbgt__ir_note(C, "/table/ttl_attribute", at);
			ddbgt__ir_set(C, ddbgt_table_set_ttl_attribute(table, attr));
		}
	}
	const jr_value *sse = ddbgt__ir_member(p, "SSESpecification");
	if (sse && ddbgt__ir_bool(C, sse, "SSEEnabled", "/SSESpecification", &at) == 1) {
		ddbgt__ir_note(C, "/table/encryption", at);
		ddbgt__ir_set(C, ddbgt_table_set_encryption(table, DDBGT_ENCRYPTION_AWS_MANAGED));
	}
	int consistency;
	if (ddbgt__ir_enum(C, p, "MultiRegionConsistency", "", DDBGT_ENUM_CONSISTENCY,
	                   &consistency) &&
	    consistency == DDBGT_CONSISTENCY_STRONG)
		ddbgt__ir_set(C, ddbgt_table_set_consistency(table, DDBGT_CONSISTENCY_STRONG));
	const jr_value *w = ddbgt__ir_member(p, "GlobalTableWitnesses");
	if (ddbgt__ir_count(w)) {
		const char *region = ddbgt__ir_str(C, ddbgt__ir_item(w, 0), "Region",
		                                   "/GlobalTableWitnesses/0", &at);
		if (region) {
			ddbgt__ir_note(C, "/table/witness_region", at);
			ddbgt__ir_set(C, ddbgt_table_set_witness_region(table, region));
		}
	}
	static const char *const lost[][2] = {
	        {"ImportSourceSpecification", "creating the table from an S3 import"},
	        {"ResourcePolicy", "a resource-based policy"},
	};
	for (size_t i = 0; i < sizeof lost / sizeof lost[0]; i++)
		if (ddbgt__ir_member(p, lost[i][0])) {
			char path[64];
			snprintf(path, sizeof path, "/%s", lost[i][0]);
			ddbgt__ir_not_carried(C, path, ddbgt__ir_member(p, lost[i][0]), lost[i][1]);
		}
	ddbgt__ir_warm(C, p, "", NULL);
}

/* Read capacity of a replica or a replica's GSI: units or autoscaling. */
struct readcap {
	int kind; /* 0 none, 1 units, 2 autoscaling */
	int64_t units;
	ddbgt__iscale sc;
};

static struct readcap read_readcap(ddbgt__ireader *C, const jr_value *s, const char *base)
{
	struct readcap rc = {0};
	const jr_value *at;
	char b[256];
	snprintf(b, sizeof b, "%s/ReadProvisionedThroughputSettings", base);
	s = ddbgt__ir_member(s, "ReadProvisionedThroughputSettings");
	if (!s)
		return rc;
	if (ddbgt__ir_int(C, s, "ReadCapacityUnits", b, &rc.units, &at)) {
		rc.kind = 1;
		return rc;
	}
	char a[300];
	snprintf(a, sizeof a, "%s/ReadCapacityAutoScalingSettings", b);
	if (autoscaling(C, ddbgt__ir_member(s, "ReadCapacityAutoScalingSettings"), a, &rc.sc))
		rc.kind = 2;
	return rc;
}

static int same_readcap(const struct readcap *a, const struct readcap *b)
{
	return a->kind == b->kind && a->units == b->units &&
	       (a->kind != 2 || ddbgt__iscale_same(&a->sc, &b->sc));
}

static int replica_pitr(ddbgt__ireader *C, const jr_value *r, const char *base, int64_t *days)
{
	const jr_value *at;
	char b[256];
	snprintf(b, sizeof b, "%s/PointInTimeRecoverySpecification", base);
	const jr_value *p = ddbgt__ir_member(r, "PointInTimeRecoverySpecification");
	int on = p ? ddbgt__ir_bool(C, p, "PointInTimeRecoveryEnabled", b, &at) : 0;
	*days = 0;
	if (on == 1)
		ddbgt__ir_int(C, p, "RecoveryPeriodInDays", b, days, &at);
	return on < 0 ? 0 : on;
}

/*
 * ContributorInsightsSpecification {Enabled, Mode} of a replica (index NULL)
 * or a replica's GSI. A Mode makes it the object form, as the spec keeps it.
 */
static void read_insights(ddbgt__ireader *C, const jr_value *obj, const char *base,
                          ddbgt_replica *rep, const char *index)
{
	const jr_value *spec = ddbgt__ir_member(obj, "ContributorInsightsSpecification"), *at;
	char b[320];
	snprintf(b, sizeof b, "%s/ContributorInsightsSpecification", base);
	int on = ddbgt__ir_bool(C, spec, "Enabled", b, &at);
	int mode = DDBGT_INSIGHTS_MODE_UNSET;
	if (ddbgt__ir_member(spec, "Mode"))
		ddbgt__ir_enum(C, spec, "Mode", b, DDBGT_ENUM_INSIGHTS_MODE, &mode);
	if (on < 0 || (on == 0 && !mode))
		return;
	if (index)
		ddbgt__ir_set(C, mode ? ddbgt_replica_set_gsi_contributor_insights_mode(
		                                rep, index, on, (ddbgt_insights_mode)mode)
		                      : ddbgt_replica_set_gsi_contributor_insights(rep, index, on));
	else
		ddbgt__ir_set(C, mode ? ddbgt_replica_set_contributor_insights_mode(
		                                rep, on, (ddbgt_insights_mode)mode)
		                      : ddbgt_replica_set_contributor_insights(rep, on));
}

/* KinesisStreamSpecification {StreamArn, ApproximateCreationDateTimePrecision} of a replica. */
static void read_kinesis(ddbgt__ireader *C, const jr_value *r, const char *base,
                         ddbgt_replica *rep)
{
	const jr_value *k = ddbgt__ir_member(r, "KinesisStreamSpecification"), *at;
	char b[256];
	snprintf(b, sizeof b, "%s/KinesisStreamSpecification", base);
	const char *arn = ddbgt__ir_str(C, k, "StreamArn", b, &at);
	int precision = DDBGT_KINESIS_PRECISION_UNSET;
	if (!arn)
		return;
	if (ddbgt__ir_member(k, "ApproximateCreationDateTimePrecision"))
		ddbgt__ir_enum(C, k, "ApproximateCreationDateTimePrecision", b,
		               DDBGT_ENUM_KINESIS_PRECISION, &precision);
	ddbgt__ir_set(C, ddbgt_replica_set_kinesis_stream(rep, arn,
	                                                  (ddbgt_kinesis_precision)precision));
}

/* The first intrinsic function ({"Ref": ...} or {"Fn::...": ...}) inside v, or NULL. */
static const jr_value *intrinsic_in(const jr_value *v)
{
	if (!v)
		return NULL;
	if (v->type == JR_ARRAY) {
		for (size_t i = 0; i < v->u.arr.count; i++) {
			const jr_value *f = intrinsic_in(v->u.arr.items[i]);
			if (f)
				return f;
		}
	}
	if (v->type != JR_OBJECT)
		return NULL;
	if (v->u.obj.count == 1 && (strcmp(v->u.obj.members[0].key, "Ref") == 0 ||
	                            strncmp(v->u.obj.members[0].key, "Fn::", 4) == 0))
		return v;
	for (size_t i = 0; i < v->u.obj.count; i++) {
		const jr_value *f = intrinsic_in(v->u.obj.members[i].value);
		if (f)
			return f;
	}
	return NULL;
}

/*
 * A ResourcePolicy {PolicyDocument} of a replica (stream 0) or of its stream
 * (stream 1). CloudFormation takes the document as an object or as its JSON
 * text; either becomes the spec's canonical text. A document that holds an
 * intrinsic function (a Fn::Sub in a Resource, typically) is only known at
 * deployment, so it is reported unresolved rather than imported half-done.
 */
static void read_resource_policy(ddbgt__ireader *C, const jr_value *rp, const char *base,
                                 ddbgt_replica *rep, int stream)
{
	if (!rp)
		return;
	char b[256];
	snprintf(b, sizeof b, "%s/PolicyDocument", base);
	const jr_value *doc = ddbgt__ir_literal(C, ddbgt__ir_member(rp, "PolicyDocument"), b);
	if (!doc)
		return;
	const jr_value *fn = intrinsic_in(doc);
	if (fn) {
		ddbgt__ir_status(C, ddbgt__import_findf(
		                            C->imp, C->t, DDBGT_W_IMPORT_UNRESOLVED, b, fn,
		                            "%s: %s holds %s, which the importer does not "
		                            "evaluate, so the policy was not imported",
		                            C->address, ddbgt__import_what(b),
		                            fn->u.obj.members[0].key));
		return;
	}
	char *text = NULL;
	int rc = doc->type == JR_STRING
	                 ? ddbgt__iam_policy_canonical(&text, doc->u.str.s, doc->u.str.len)
	                 : ddbgt__iam_policy_from_tree(&text, doc);
	if (rc == DDBGT_EINVAL) {
		ddbgt__ir_bad(C, b, doc, "a JSON object (a policy document) or its text");
		return;
	}
	if (rc) {
		ddbgt__ir_status(C, rc);
		return;
	}
	char sp[96];
	snprintf(sp, sizeof sp, "/replicas/%zu/%s",
	         ddbgt_table_replica_count(ddbgt__itable_table(C->t)) - 1,
	         stream ? "stream_resource_policy" : "resource_policy");
	ddbgt__ir_note(C, sp, doc);
	ddbgt__ir_set(C, stream ? ddbgt_replica_set_stream_resource_policy(rep, text)
	                        : ddbgt_replica_set_resource_policy(rep, text));
	ddbgt_free(text);
}

/*
 * ReadOnDemandThroughputSettings of a replica (gsi NULL) or a replica's GSI:
 * the first replica's are the table's (or index's); another's are an
 * override where they differ. A replica without the maximum the first has
 * cannot say so in a spec (it inherits): reported.
 */
static void read_on_demand(ddbgt__ireader *C, const jr_value *obj, const char *base,
                           ddbgt_replica *rep, ddbgt_gsi *gsi, int first)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	const jr_value *s = ddbgt__ir_member(obj, "ReadOnDemandThroughputSettings"), *at;
	char b[320];
	snprintf(b, sizeof b, "%s/ReadOnDemandThroughputSettings", base);
	int64_t units, have;
	int has = gsi ? ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, &have) == DDBGT_OK
	              : ddbgt_table_get_on_demand_max(table, DDBGT_READ, &have) == DDBGT_OK;
	if (!ddbgt__ir_int(C, s, "MaxReadRequestUnits", b, &units, &at)) {
		if (!first && has && !s)
			ddbgt__ir_not_carried(C, base, obj,
			                      "no on-demand read maximum where the first replica "
			                      "has one: the spec gives this replica the first "
			                      "one's");
		return;
	}
	if (first)
		ddbgt__ir_set(C, gsi ? ddbgt_gsi_set_on_demand_max(gsi, DDBGT_READ, units)
		                     : ddbgt_table_set_on_demand_max(table, DDBGT_READ, units));
	else if (!has || have != units)
		ddbgt__ir_set(C, gsi ? ddbgt_replica_set_gsi_on_demand_max_read(
		                               rep, ddbgt_gsi_name(gsi), units)
		                     : ddbgt_replica_set_on_demand_max_read(rep, units));
}

static void import_global_table(ddbgt__ireader *C, const jr_value *p)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	read_common(C, p);
	read_indexes(C, p, 1);
	const jr_value *at;
	int64_t units;
	ddbgt__iscale sc;
	if (autoscaling(C,
	                ddbgt__ir_member(ddbgt__ir_member(p, "WriteProvisionedThroughputSettings"),
	                                 "WriteCapacityAutoScalingSettings"),
	                "/WriteProvisionedThroughputSettings/WriteCapacityAutoScalingSettings",
	                &sc))
		ddbgt__ir_set_scale(C, NULL, DDBGT_WRITE, &sc);
	if (ddbgt__ir_int(C, ddbgt__ir_member(p, "WriteOnDemandThroughputSettings"),
	                  "MaxWriteRequestUnits", "/WriteOnDemandThroughputSettings", &units, &at))
		ddbgt__ir_set(C, ddbgt_table_set_on_demand_max(table, DDBGT_WRITE, units));

	const jr_value *reps = ddbgt__ir_member(p, "Replicas");
	size_t n = ddbgt__ir_count(reps);
	if (n == 0) {
		ddbgt__ir_status(
		        C, ddbgt__import_findf(C->imp, C->t, DDBGT_E_IMPORT_VALUE, "/Replicas", p,
		                               "%s: a GlobalTable needs Replicas", C->address));
		return;
	}
	/* The first replica's per-region settings become the table's. */
	const jr_value *first = ddbgt__ir_item(reps, 0);
	struct readcap base_rc = read_readcap(C, first, "/Replicas/0");
	if (base_rc.kind == 1)
		ddbgt__ir_set(C, ddbgt_table_set_capacity(table, DDBGT_READ, base_rc.units));
	else if (base_rc.kind == 2)
		ddbgt__ir_set_scale(C, NULL, DDBGT_READ, &base_rc.sc);
	int64_t days0;
	int pitr0 = replica_pitr(C, first, "/Replicas/0", &days0);
	if (pitr0) {
		ddbgt__ir_set(C, ddbgt_table_set_pitr(table, 1));
		if (days0)
			ddbgt__ir_set(C, ddbgt_table_set_pitr_period(table, days0));
	}
	int cls0 = DDBGT_TABLE_CLASS_STANDARD;
	ddbgt__ir_enum(C, first, "TableClass", "/Replicas/0", DDBGT_ENUM_TABLE_CLASS, &cls0);
	if (cls0 != DDBGT_TABLE_CLASS_STANDARD)
		ddbgt__ir_set(C, ddbgt_table_set_table_class(table, (ddbgt_table_class)cls0));
	int dp0 = ddbgt__ir_bool(C, first, "DeletionProtectionEnabled", "/Replicas/0", &at);
	if (dp0 == 1)
		ddbgt__ir_set(C, ddbgt_table_set_deletion_protection(table, 1));
	/* Tags every replica has alike are the table's. */
	const jr_value *tags0 = ddbgt__ir_member(first, "Tags");
	for (size_t k = 0; k < ddbgt__ir_count(tags0); k++) {
		const char *key, *value;
		if (!ddbgt__ir_tag(C, tags0, k, "/Replicas/0/Tags", &key, &value))
			continue;
		int everywhere = 1;
		for (size_t r = 1; r < n && everywhere; r++) {
			const jr_value *tags = ddbgt__ir_member(ddbgt__ir_item(reps, r), "Tags");
			int found = 0;
			for (size_t j = 0; j < ddbgt__ir_count(tags) && !found; j++) {
				const jr_value *x = ddbgt__ir_item(tags, j);
				const jr_value *xk = ddbgt__ir_member(x, "Key"),
				               *xv = ddbgt__ir_member(x, "Value");
				found = xk && xv && xk->type == JR_STRING &&
				        xv->type == JR_STRING && strcmp(xk->u.str.s, key) == 0 &&
				        strcmp(xv->u.str.s, value) == 0;
			}
			everywhere = found;
		}
		if (everywhere)
			ddbgt__ir_set(C, ddbgt_table_set_tag(table, key, value));
	}
	for (size_t i = 0; i < n; i++) {
		const jr_value *r = ddbgt__ir_item(reps, i);
		char base[64], sp[64];
		snprintf(base, sizeof base, "/Replicas/%zu", i);
		snprintf(sp, sizeof sp, "/replicas/%zu", ddbgt_table_replica_count(table));
		const char *region = ddbgt__ir_str(C, r, "Region", base, &at);
		if (!region)
			continue;
		ddbgt_replica *rep;
		if (ddbgt_replica_new(&rep, region)) {
			ddbgt__ir_status(C, DDBGT_ENOMEM);
			return;
		}
		if (ddbgt_table_add_replica(table, rep)) {
			ddbgt_replica_free(rep);
			ddbgt__ir_status(C, DDBGT_ENOMEM);
			return;
		}
		ddbgt__ir_note(C, sp, r);
		struct readcap rc = read_readcap(C, r, base);
		if (i > 0 && rc.kind == 1 && !same_readcap(&rc, &base_rc))
			ddbgt__ir_set(C, ddbgt_replica_set_read_capacity(rep, rc.units));
		else if (i > 0 && rc.kind == 2 && !same_readcap(&rc, &base_rc))
			ddbgt__ir_set_replica_scale(C, rep, NULL, &rc.sc);
		int64_t days;
		int pitr = replica_pitr(C, r, base, &days);
		if (pitr != pitr0)
			ddbgt__ir_set(C, ddbgt_replica_set_pitr(rep, pitr));
		if (pitr && days && days != days0)
			ddbgt__ir_set(C, ddbgt_replica_set_pitr_period(rep, days));
		int cls = DDBGT_TABLE_CLASS_STANDARD;
		ddbgt__ir_enum(C, r, "TableClass", base, DDBGT_ENUM_TABLE_CLASS, &cls);
		if (cls != cls0)
			ddbgt__ir_set(C,
			              ddbgt_replica_set_table_class(rep, (ddbgt_table_class)cls));
		int dp = ddbgt__ir_bool(C, r, "DeletionProtectionEnabled", base, &at);
		if ((dp == 1) != (dp0 == 1))
			ddbgt__ir_set(C, ddbgt_replica_set_deletion_protection(rep, dp == 1));
		char b[256];
		snprintf(b, sizeof b, "%s/SSESpecification", base);
		const char *kms = ddbgt__ir_str(C, ddbgt__ir_member(r, "SSESpecification"),
		                                "KMSMasterKeyId", b, &at);
		if (kms) {
			ddbgt__ir_set(C, ddbgt_replica_set_kms_key(rep, kms));
			ddbgt__ir_set(C, ddbgt_table_set_encryption(
			                         table, DDBGT_ENCRYPTION_CUSTOMER_MANAGED));
		}
		read_insights(C, r, base, rep, NULL);
		read_kinesis(C, r, base, rep);
		const jr_value *tags = ddbgt__ir_member(r, "Tags");
		snprintf(b, sizeof b, "%s/Tags", base);
		for (size_t k = 0; k < ddbgt__ir_count(tags); k++) {
			const char *key, *value;
			if (!ddbgt__ir_tag(C, tags, k, b, &key, &value))
				continue;
			const char *tval = ddbgt_table_tag(table, key);
			if (!(tval && strcmp(tval, value) == 0))
				ddbgt__ir_set(C, ddbgt_replica_set_tag(rep, key, value));
		}
		const jr_value *gsis = ddbgt__ir_member(r, "GlobalSecondaryIndexes");
		for (size_t k = 0; k < ddbgt__ir_count(gsis); k++) {
			const jr_value *g = ddbgt__ir_item(gsis, k);
			snprintf(b, sizeof b, "%s/GlobalSecondaryIndexes/%zu", base, k);
			const char *iname = ddbgt__ir_str(C, g, "IndexName", b, &at);
			ddbgt_gsi *gsi = iname ? ddbgt_table_find_gsi_mut(table, iname) : NULL;
			if (!gsi)
				continue;
			struct readcap grc = read_readcap(C, g, b);
			int64_t gunits;
			ddbgt__iscale have;
			have.min = -1;
			if (ddbgt_gsi_get_autoscaling(gsi, DDBGT_READ, &have.min, &have.max,
			                              &have.target) == DDBGT_OK)
				ddbgt_gsi_get_autoscaling_tuning(gsi, DDBGT_READ,
				                                 &have.cooldown_in,
				                                 &have.cooldown_out,
				                                 &have.no_scale_in);
			if (i == 0 && grc.kind == 1)
				ddbgt__ir_set(C,
				              ddbgt_gsi_set_capacity(gsi, DDBGT_READ, grc.units));
			else if (i == 0 && grc.kind == 2)
				ddbgt__ir_set_scale(C, gsi, DDBGT_READ, &grc.sc);
			else if (grc.kind == 1 &&
			         !(ddbgt_gsi_get_capacity(gsi, DDBGT_READ, &gunits) == DDBGT_OK &&
			           gunits == grc.units))
				ddbgt__ir_set(C, ddbgt_replica_set_gsi_read_capacity(rep, iname,
				                                                     grc.units));
			else if (grc.kind == 2 &&
			         !(have.min >= 0 && ddbgt__iscale_same(&have, &grc.sc)))
				ddbgt__ir_set_replica_scale(C, rep, iname, &grc.sc);
			read_on_demand(C, g, b, rep, gsi, i == 0);
			read_insights(C, g, b, rep, iname);
		}
		/* An index this replica does not list inherits the first replica's maximum. */
		for (size_t k = 0; i > 0 && k < ddbgt_table_gsi_count(table); k++) {
			const ddbgt_gsi *gsi = ddbgt_table_gsi_at(table, k);
			int64_t have;
			int listed = 0;
			for (size_t j = 0; j < ddbgt__ir_count(gsis) && !listed; j++) {
				const jr_value *in =
				        ddbgt__ir_member(ddbgt__ir_item(gsis, j), "IndexName");
				listed = in && in->type == JR_STRING &&
				         strcmp(in->u.str.s, ddbgt_gsi_name(gsi)) == 0;
			}
			if (!listed && ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, &have) == DDBGT_OK)
				ddbgt__ir_not_carried(C, base, r,
				                      "no on-demand read maximum for an index where the "
				                      "first replica has one: the spec gives this "
				                      "replica the first one's");
		}
		read_on_demand(C, r, base, rep, NULL, i == 0);
		snprintf(b, sizeof b, "%s/ResourcePolicy", base);
		read_resource_policy(C, ddbgt__ir_member(r, "ResourcePolicy"), b, rep, 0);
		snprintf(b, sizeof b, "%s/ReplicaStreamSpecification/ResourcePolicy", base);
		read_resource_policy(C,
		                     ddbgt__ir_member(ddbgt__ir_member(r, "ReplicaStreamSpecification"),
		                                      "ResourcePolicy"),
		                     b, rep, 1);
		int srm;
		if (ddbgt__ir_member(r, "GlobalTableSettingsReplicationMode") &&
		    ddbgt__ir_enum(C, r, "GlobalTableSettingsReplicationMode", base,
		                   DDBGT_ENUM_SETTINGS_REPLICATION, &srm))
			ddbgt__ir_set(C, ddbgt_replica_set_settings_replication(
			                         rep, (ddbgt_settings_replication)srm));
	}
	/* Every global table has a stream; the spec's default says so. */
	if (ddbgt_table_stream_is_set(table) &&
	    ddbgt_table_stream_view(table) == DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES && n >= 2)
		ddbgt__ir_set(C, ddbgt_table_clear_stream(table));
}

/* A single-region AWS::DynamoDB::Table: its region is the stack's, not in the template. */
static void import_plain_table(ddbgt__ireader *C, const jr_value *p)
{
	ddbgt_table *table = ddbgt__itable_table(C->t);
	read_common(C, p);
	read_indexes(C, p, 0);
	const jr_value *at;
	int64_t units;
	const jr_value *pt = ddbgt__ir_member(p, "ProvisionedThroughput");
	if (ddbgt__ir_int(C, pt, "ReadCapacityUnits", "/ProvisionedThroughput", &units, &at))
		ddbgt__ir_set(C, ddbgt_table_set_capacity(table, DDBGT_READ, units));
	if (ddbgt__ir_int(C, pt, "WriteCapacityUnits", "/ProvisionedThroughput", &units, &at))
		ddbgt__ir_set(C, ddbgt_table_set_capacity(table, DDBGT_WRITE, units));
	const jr_value *od = ddbgt__ir_member(p, "OnDemandThroughput");
	if (ddbgt__ir_int(C, od, "MaxReadRequestUnits", "/OnDemandThroughput", &units, &at))
		ddbgt__ir_set(C, ddbgt_table_set_on_demand_max(table, DDBGT_READ, units));
	if (ddbgt__ir_int(C, od, "MaxWriteRequestUnits", "/OnDemandThroughput", &units, &at))
		ddbgt__ir_set(C, ddbgt_table_set_on_demand_max(table, DDBGT_WRITE, units));
	int cls;
	if (ddbgt__ir_enum(C, p, "TableClass", "", DDBGT_ENUM_TABLE_CLASS, &cls) &&
	    cls != DDBGT_TABLE_CLASS_STANDARD)
		ddbgt__ir_set(C, ddbgt_table_set_table_class(table, (ddbgt_table_class)cls));
	if (ddbgt__ir_bool(C, p, "DeletionProtectionEnabled", "", &at) == 1)
		ddbgt__ir_set(C, ddbgt_table_set_deletion_protection(table, 1));
	int64_t days;
	if (replica_pitr(C, p, "", &days)) {
		ddbgt__ir_set(C, ddbgt_table_set_pitr(table, 1));
		if (days)
			ddbgt__ir_set(C, ddbgt_table_set_pitr_period(table, days));
	}
	const char *kms = ddbgt__ir_str(C, ddbgt__ir_member(p, "SSESpecification"),
	                                "KMSMasterKeyId", "/SSESpecification", &at);
	if (kms)
		ddbgt__ir_not_carried(
		        C, "/SSESpecification/KMSMasterKeyId", at,
		        "the key belongs to a replica, and the stack's region is not in the "
		        "template");
	static const char *const regional[] = {"KinesisStreamSpecification",
	                                       "ContributorInsightsSpecification"};
	for (size_t i = 0; i < sizeof regional / sizeof regional[0]; i++)
		if (ddbgt__ir_member(p, regional[i])) {
			char path[64];
			snprintf(path, sizeof path, "/%s", regional[i]);
			ddbgt__ir_not_carried(C, path, ddbgt__ir_member(p, regional[i]),
			                      "a setting of a replica, and the stack's region is "
			                      "not in the template");
		}
	const jr_value *tags = ddbgt__ir_member(p, "Tags");
	for (size_t k = 0; k < ddbgt__ir_count(tags); k++) {
		const char *key, *value;
		if (ddbgt__ir_tag(C, tags, k, "/Tags", &key, &value))
			ddbgt__ir_set(C, ddbgt_table_set_tag(table, key, value));
	}
	ddbgt__ir_status(
	        C, ddbgt__import_findf(C->imp, C->t, DDBGT_W_IMPORT_UNRESOLVED, "", p,
	                               "%s: an AWS::DynamoDB::Table lives in the region the stack "
	                               "is deployed to, which the template does not say: it was "
	                               "imported without replicas (a global table is "
	                               "AWS::DynamoDB::GlobalTable)",
	                               C->address));
}

int ddbgt__import_cloudformation(ddbgt_import *imp, const jr_value *root)
{
	ddbgt__ireader C = {.imp = imp, .params = ddbgt__ir_member(root, "Parameters")};
	const jr_value *resources = ddbgt__ir_member(root, "Resources");
	if (!resources || resources->type != JR_OBJECT)
		return ddbgt__import_findf(imp, NULL, DDBGT_E_IMPORT_KIND, "/Resources", root,
		                           "a CloudFormation template needs a Resources object");
	size_t i;
	const char *id;
	const jr_value *res;
	JR_OBJECT_FOREACH (resources, i, id, res) {
		const jr_value *type = ddbgt__ir_member(res, "Type");
		if (!type || type->type != JR_STRING)
			continue;
		int global = strcmp(type->u.str.s, "AWS::DynamoDB::GlobalTable") == 0;
		if (!global && strcmp(type->u.str.s, "AWS::DynamoDB::Table") != 0)
			continue;
		if (ddbgt__import_add_table(&C.t, imp, id, res))
			return DDBGT_ENOMEM;
		C.address = ddbgt__itable_address(C.t);
		ddbgt__ir_note(&C, "", res);
		ddbgt__ir_note(&C, "/table", res);
		if (ddbgt__ir_member(res, "Condition"))
			ddbgt__ir_status(
			        &C, ddbgt__import_findf(imp, C.t, DDBGT_W_IMPORT_UNRESOLVED,
			                                "/Condition",
			                                ddbgt__ir_member(res, "Condition"),
			                                "%s: the resource has a Condition; it was "
			                                "imported as if the condition held",
			                                C.address));
		const jr_value *props = ddbgt__ir_member(res, "Properties");
		if (!props || props->type != JR_OBJECT) {
			ddbgt__ir_status(
			        &C, ddbgt__import_findf(imp, C.t, DDBGT_E_IMPORT_VALUE,
			                                "/Properties", res,
			                                "%s: the resource has no Properties object",
			                                C.address));
			continue;
		}
		if (global)
			import_global_table(&C, props);
		else
			import_plain_table(&C, props);
		if (C.status)
			return C.status;
	}
	return ddbgt__import_cfn_operations(imp, root);
}
