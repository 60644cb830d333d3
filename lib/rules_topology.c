/*
 * Rules about where the table lives and how it replicates: regions and
 * partitions, replica roles, the witness and multi-Region strong
 * consistency, streams, the legacy 2017.11.29 version. Facts:
 * dynamodb-rules.md sections 4, 5, 6, 8 and 11.
 */
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/policy.h"
#include "validate_internal.h"

/* Member i of the table's regions (validate_internal.h). */
static void check_region(ddbgt__vctx *c, size_t i, const char *partition)
{
	const char *code = ddbgt__vmember_code(c, i);
	const ddbgt_region *r = ddbgt__vmember_region(c, i);
	char path[48];

	if (r == NULL) {
		if (ddbgt_region_code_is_wellformed(code))
			ddbgt__vreport(c, DDBGT_E_REGION_UNKNOWN, ddbgt__vregion_path(c, path, i), code,
			               "region \"%s\" is not in the region catalogue: check the "
			               "spelling (ddbgt regions lists them)", code);
		else
			ddbgt__vreport(c, DDBGT_E_REGION_UNKNOWN, ddbgt__vregion_path(c, path, i),
			               code[0] != '\0' ? code : NULL,
			               "\"%s\" is not a region code like eu-west-1: use a code from "
			               "ddbgt regions", code);
		return;
	}
	if (partition != NULL && strcmp(ddbgt_region_partition(r), partition) != 0)
		ddbgt__vreport(c, DDBGT_E_REGION_CROSS_PARTITION, ddbgt__vregion_path(c, path, i), code,
		               "%s is in partition %s but the table's home is in %s, and a global "
		               "table cannot span partitions: keep every region in %s", code,
		               ddbgt_region_partition(r), partition, partition);
	if (ddbgt_region_is_opt_in(r))
		ddbgt__vreport(c, DDBGT_W_REGION_OPT_IN, ddbgt__vregion_path(c, path, i), code,
		               "%s is an opt-in region: enable it in the account before deploying",
		               code);
	if (!ddbgt_region_is_verified(r))
		ddbgt__vreport(c, DDBGT_W_REGION_UNVERIFIED, ddbgt__vregion_path(c, path, i), code,
		               "DynamoDB global tables are not confirmed in %s: check availability "
		               "there before relying on it", code);
}

/* The partition every member must share: the home region's, else the first known one. */
static const char *home_partition(const ddbgt__vctx *c)
{
	size_t i;

	if (c->home != NULL)
		return ddbgt_region_partition(c->home);
	for (i = 0; i < c->nreplicas; i++)
		if (c->regions[i] != NULL)
			return ddbgt_region_partition(c->regions[i]);
	return c->witness_region != NULL ? ddbgt_region_partition(c->witness_region) : NULL;
}

/*
 * Duplicates are neighbours once sorted: n log n instead of comparing every
 * pair. They are then reported in document order, each against its first.
 */
static void check_duplicates(ddbgt__vctx *c)
{
	size_t *first;
	char path[64];
	size_t i;

	if (c->nreplicas < 2)
		return;
	first = ddbgt__valloc(c, c->nreplicas, sizeof(*first));
	if (first == NULL)
		return;
	for (i = 0; i < c->nreplicas; i++) {
		const ddbgt__vname *b = &c->by_region[i];

		first[b->index] = i > 0 && strcmp(c->by_region[i - 1].name, b->name) == 0
		                  ? first[c->by_region[i - 1].index] : b->index;
	}
	for (i = 0; i < c->nreplicas; i++) {
		const char *region = ddbgt__vreplica_region(c, i);

		if (first[i] == i)
			continue;
		ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/region", i);
		ddbgt__vreport(c, DDBGT_E_REGION_DUPLICATE, path, region,
		               "region %s appears twice (replicas %zu and %zu): keep one replica per "
		               "region", region, first[i], i);
	}
}

static void check_regions(ddbgt__vctx *c)
{
	const char *partition = home_partition(c);
	size_t primaries = 0;
	size_t first_primary = 0;
	char path[64];
	size_t i;

	if (c->nreplicas == 0)
		ddbgt__vreport(c, DDBGT_E_REPLICA_NONE, "/replicas", NULL,
		               "the table has no replica, so no region to live in: add a replica "
		               "for the home region and one for each other region");
	else if (c->nreplicas == 1 && !c->strong)
		ddbgt__vreport(c, DDBGT_E_NOT_GLOBAL, "/replicas", ddbgt__vreplica_region(c, 0),
		               "only one region (%s): a global table needs two or more; add a "
		               "replica in a second region, or to stage a regional table on purpose "
		               "set policy.severity.DDBGT_E_NOT_GLOBAL to \"warning\" or \"off\"",
		               ddbgt__vreplica_region(c, 0));
	for (i = 0; i < c->nreplicas; i++) {
		check_region(c, i, partition);
		if (ddbgt_replica_role(c->replicas[i]) != DDBGT_ROLE_PRIMARY)
			continue;
		if (primaries++ == 0) {
			first_primary = i;
			continue;
		}
		ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/role", i);
		ddbgt__vreport(c, DDBGT_E_REPLICA_PRIMARY_DUPLICATE, path, ddbgt__vreplica_region(c, i),
		               "replicas %zu and %zu are both primary; a table has one home region: "
		               "make one of them secondary or standby", first_primary, i);
	}
	check_duplicates(c);
	if (c->witness != NULL)
		check_region(c, c->nreplicas, partition);
}

static void check_witness(ddbgt__vctx *c)
{
	const ddbgt__vname *clash;

	if (c->witness == NULL)
		return;
	if (!c->strong)
		ddbgt__vreport(c, DDBGT_E_MRSC_WITNESS_WITHOUT_STRONG, "/table/witness_region",
		               c->witness, "a witness region (%s) exists only with STRONG "
		               "consistency: set consistency to STRONG or remove witness_region",
		               c->witness);
	clash = ddbgt__vnames_find(c->by_region, c->nreplicas, c->witness);
	if (clash != NULL)
		ddbgt__vreport(c, DDBGT_E_MRSC_WITNESS_REGION_CLASH, "/table/witness_region",
		               c->witness, "the witness is in %s, where replica %zu already is: "
		               "choose a region without a replica for the witness", c->witness,
		               clash->index);
}

/* Member i of the table's regions (validate_internal.h). */
static void check_strong_member(ddbgt__vctx *c, size_t i, const char *set)
{
	const char *code = ddbgt__vmember_code(c, i);
	const ddbgt_region *r = ddbgt__vmember_region(c, i);
	const char *own;
	char path[48];

	if (r == NULL)
		return;
	own = ddbgt_region_strong_consistency_set(r);
	if (own == NULL)
		ddbgt__vreport(c, DDBGT_E_MRSC_REGION_UNSUPPORTED, ddbgt__vregion_path(c, path, i), code,
		               "%s does not offer strong consistency: use regions of one set, US "
		               "(us-east-1, us-east-2, us-west-2), EU (eu-west-1, eu-west-2, "
		               "eu-west-3, eu-central-1) or AP (ap-northeast-1, -2, -3)", code);
	else if (set != NULL && strcmp(own, set) != 0)
		ddbgt__vreport(c, DDBGT_E_MRSC_REGION_SET_SPAN, ddbgt__vregion_path(c, path, i), code,
		               "%s belongs to the %s region set but the table's home is in the %s "
		               "set: keep all strong-consistency regions in one set", code, own, set);
}

static void check_strong(ddbgt__vctx *c)
{
	const char *set = NULL;
	size_t i;

	if (!c->strong)
		return;
	if (!((c->nreplicas == 3 && c->witness == NULL) || (c->nreplicas == 2 && c->witness != NULL)))
		ddbgt__vreport(c, DDBGT_E_MRSC_REGION_COUNT, "/replicas", NULL,
		               "STRONG consistency needs exactly three regions, three replicas or "
		               "two replicas and a witness; this table has %zu replica(s)%s: add or "
		               "remove regions", c->nreplicas,
		               c->witness != NULL ? " and a witness" : " and no witness");
	/* The home region decides the set; without one, the first member that has a set. */
	if (c->home != NULL)
		set = ddbgt_region_strong_consistency_set(c->home);
	for (i = 0; set == NULL && i < c->nreplicas; i++)
		if (c->regions[i] != NULL)
			set = ddbgt_region_strong_consistency_set(c->regions[i]);
	for (i = 0; i < c->nreplicas; i++)
		check_strong_member(c, i, set);
	if (c->witness != NULL)
		check_strong_member(c, c->nreplicas, set);
	if (ddbgt_table_lsi_count(c->table) > 0)
		ddbgt__vreport(c, DDBGT_E_MRSC_LSI, "/table/local_secondary_indexes", NULL,
		               "STRONG consistency does not support local secondary indexes: "
		               "turn them into global secondary indexes or use EVENTUAL");
	if (ddbgt_table_ttl_attribute(c->table) != NULL)
		ddbgt__vreport(c, DDBGT_E_MRSC_TTL, "/table/ttl_attribute", NULL,
		               "STRONG consistency does not support TTL: remove ttl_attribute or "
		               "use EVENTUAL");
	if (ddbgt_usage_read_consistency(ddbgt_table_usage(c->table)) ==
	    DDBGT_READ_CONSISTENCY_TRANSACTIONAL)
		ddbgt__vreport(c, DDBGT_E_MRSC_TRANSACTIONS, "/usage/read_consistency", NULL,
		               "a STRONG table refuses TransactGetItems and TransactWriteItems, so "
		               "it has no transactional reads: set read_consistency to \"strong\" "
		               "or \"eventual\"");
	if (ddbgt_usage_write_mode(ddbgt_table_usage(c->table)) == DDBGT_WRITE_MODE_TRANSACTIONAL)
		ddbgt__vreport(c, DDBGT_E_MRSC_TRANSACTIONS, "/usage/write_mode", NULL,
		               "a STRONG table refuses TransactWriteItems, so it has no "
		               "transactional writes: set write_mode to \"standard\"");
	ddbgt__vreport(c, DDBGT_I_MRSC_EMPTY_TABLE, "/table/consistency", NULL,
	               "a STRONG global table must be created from an empty table, and "
	               "transactions are not available on it");
}

static void check_stream(ddbgt__vctx *c)
{
	int set = ddbgt_table_stream_is_set(c->table);
	int enabled = ddbgt_table_stream_enabled(c->table);
	ddbgt_stream_view view = ddbgt_table_stream_view(c->table);
	int mrec = c->global && !c->strong;

	if (set && enabled && view == DDBGT_STREAM_VIEW_UNSET)
		ddbgt__vreport(c, DDBGT_E_STREAM_SPEC_INVALID, "/table/stream", NULL,
		               "the stream is enabled without a view type: set view_type "
		               "(NEW_AND_OLD_IMAGES for a global table)");
	else if (set && !enabled && view != DDBGT_STREAM_VIEW_UNSET)
		ddbgt__vreport(c, DDBGT_E_STREAM_SPEC_INVALID, "/table/stream/view_type", NULL,
		               "the stream is disabled but names view type %s: remove view_type or "
		               "enable the stream", ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, view));
	if (!mrec)
		return;
	if (set && !enabled)
		ddbgt__vreport(c, DDBGT_E_MREC_STREAM_DISABLED, "/table/stream/enabled", NULL,
		               "replication between %zu regions runs on the stream, which cannot "
		               "be disabled: remove \"stream\" or enable it with NEW_AND_OLD_IMAGES",
		               c->nreplicas);
	else if (enabled && view != DDBGT_STREAM_VIEW_UNSET &&
	         view != DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES)
		/* Legacy replication refuses other view types; the current version tolerates them. */
		ddbgt__vreport_sev(c, DDBGT_W_MREC_STREAM_VIEW,
		                   ddbgt_table_legacy_version(c->table) ? DDBGT_SEVERITY_ERROR
		                                                        : DDBGT_SEVERITY_WARNING,
		                   "/table/stream/view_type", NULL,
		                   "the stream of a global table shows %s, not NEW_AND_OLD_IMAGES, "
		                   "and it can never change once replicas exist: use "
		                   "NEW_AND_OLD_IMAGES", ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, view));
	/* A truth about every such table: said to a spec that uses transactions, or on request. */
	int transactional = ddbgt_usage_read_consistency(ddbgt_table_usage(c->table)) ==
	                    DDBGT_READ_CONSISTENCY_TRANSACTIONAL;
	if (transactional || (c->flags & DDBGT_VALIDATE_GENERAL_NOTES))
		ddbgt__vreport(c, DDBGT_I_TRANSACTIONS_REGIONAL,
		               transactional ? "/usage/read_consistency" : "/table/consistency", NULL,
		               "with EVENTUAL consistency a transaction is atomic only in the region "
		               "where it runs; other regions may see it in parts");
}

static void check_legacy(ddbgt__vctx *c)
{
	ddbgt_severity sev = c->adopt ? DDBGT_SEVERITY_WARNING : DDBGT_SEVERITY_ERROR;
	char path[64];
	size_t i;

	if (!ddbgt_table_legacy_version(c->table))
		return;
	if (c->adopt)
		ddbgt__vreport_sev(c, DDBGT_E_LEGACY_VERSION, sev, "/table/legacy_version", NULL,
		                   "the adopted table is a legacy 2017.11.29 global table: plan its "
		                   "upgrade to version 2019.11.21");
	else
		ddbgt__vreport_sev(c, DDBGT_E_LEGACY_VERSION, sev, "/table/legacy_version", NULL,
		                   "AWS no longer creates version 2017.11.29 global tables: remove "
		                   "legacy_version, or set adopt_existing for a table that exists");
	if (c->strong)
		ddbgt__vreport(c, DDBGT_E_LEGACY_STRONG, "/table/consistency", NULL,
		               "a legacy 2017.11.29 global table cannot use STRONG consistency: "
		               "remove legacy_version or use EVENTUAL");
	for (i = 0; i < c->nreplicas; i++) {
		if (c->regions[i] == NULL || ddbgt_region_supports_legacy(c->regions[i]))
			continue;
		ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/region", i);
		ddbgt__vreport_sev(c, DDBGT_E_LEGACY_REGION_UNSUPPORTED, sev, path,
		                   ddbgt__vreplica_region(c, i),
		                   "version 2017.11.29 was never available in %s: remove the "
		                   "replica or drop legacy_version", ddbgt__vreplica_region(c, i));
	}
}

#define KINESIS_ARN_MIN 37   /* CloudFormation KinesisStreamSpecification.StreamArn */
#define KINESIS_ARN_MAX 1024
#define KINESIS_NAME_MAX 128

/* n characters of s, each a lower-case letter, digit or hyphen (digits only: 12 of them). */
static int arn_field_ok(const char *s, size_t n, int account)
{
	size_t i;

	if (n == 0 || (account && n != 12))
		return 0;
	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (account ? !(ch >= '0' && ch <= '9')
		            : !((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return 0;
	}
	return 1;
}

/*
 * arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME, NAME 1-128 of
 * [A-Za-z0-9_.-]; *partition and *region point into arn. 1 when it is one.
 */
static int parse_stream_arn(const char *arn, const char **partition, size_t *plen,
                            const char **region, size_t *rlen)
{
	const char *f[5];
	size_t flen[5];
	const char *p = arn;
	size_t len = strlen(arn), i;

	if (len < KINESIS_ARN_MIN || len > KINESIS_ARN_MAX || strncmp(arn, "arn:", 4) != 0)
		return 0;
	for (i = 0; i < 5; i++) {
		const char *colon = strchr(p, ':');

		if (colon == NULL)
			return 0;
		f[i] = p;
		flen[i] = (size_t)(colon - p);
		p = colon + 1;
	}
	if (!arn_field_ok(f[1], flen[1], 0) || flen[2] != 7 || strncmp(f[2], "kinesis", 7) != 0 ||
	    !arn_field_ok(f[3], flen[3], 0) || !arn_field_ok(f[4], flen[4], 1) ||
	    strncmp(p, "stream/", 7) != 0)
		return 0;
	p += 7;
	len = strlen(p);
	if (len == 0 || len > KINESIS_NAME_MAX)
		return 0;
	for (i = 0; i < len; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
		      (p[i] >= '0' && p[i] <= '9') || p[i] == '_' || p[i] == '.' || p[i] == '-'))
			return 0;
	*partition = f[1];
	*plen = flen[1];
	*region = f[3];
	*rlen = flen[3];
	return 1;
}

/* A replica streams to a Kinesis data stream of its own account, region and partition. */
static void check_kinesis(ddbgt__vctx *c)
{
	char path[80];
	size_t i;

	for (i = 0; i < c->nreplicas; i++) {
		const char *arn = ddbgt_replica_kinesis_stream_arn(c->replicas[i]);
		const char *region = ddbgt__vreplica_region(c, i);
		const char *part, *reg;
		size_t plen, rlen;

		if (arn == NULL)
			continue;
		ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/kinesis_stream/stream_arn", i);
		if (!parse_stream_arn(arn, &part, &plen, &reg, &rlen)) {
			ddbgt__vreport(c, DDBGT_E_KINESIS_STREAM_ARN, path, region,
			               "\"%s\" is not the ARN of a Kinesis data stream: use "
			               "arn:aws:kinesis:%s:<account>:stream/<name>", arn, region);
			continue;
		}
		if ((c->regions[i] != NULL &&
		     (strlen(ddbgt_region_partition(c->regions[i])) != plen ||
		      strncmp(ddbgt_region_partition(c->regions[i]), part, plen) != 0)) ||
		    strlen(region) != rlen || strncmp(region, reg, rlen) != 0)
			ddbgt__vreport(c, DDBGT_E_KINESIS_STREAM_REGION, path, region,
			               "stream %s is in %.*s (partition %.*s), but the replica streams "
			               "only to a stream of its own region: use a stream in %s", arn,
			               (int)rlen, reg, (int)plen, part, region);
	}
}

void ddbgt__rules_topology(ddbgt__vctx *c)
{
	check_kinesis(c);
	check_regions(c);
	check_witness(c);
	check_strong(c);
	check_stream(c);
	check_legacy(c);
}
