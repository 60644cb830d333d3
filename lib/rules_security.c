/*
 * Rules about protecting the data: encryption type and per-replica KMS keys,
 * Contributor Insights beside KMS keys, point-in-time recovery, deletion
 * protection. Facts: dynamodb-rules.md sections 7, 9 and 10 (KMS key
 * identifier forms, CFN ReplicaSSESpecification), API_UpdateContributorInsights.
 */
#include <string.h>

#include "ddbgt/replica.h"
#include "alloc.h"
#include "validate_internal.h"

#define PITR_DAYS_MIN 1
#define PITR_DAYS_MAX 35

typedef enum key_kind {
	KEY_INVALID = 0,
	KEY_ID,    /* a key ID or multi-Region key ID, resolved in the replica's region */
	KEY_ALIAS, /* alias/name, resolved in the replica's region */
	KEY_ARN    /* arn:partition:kms:region:account:key/... or :alias/... */
} key_kind;

typedef struct kms_key {
	key_kind kind;
	int aws_managed; /* an alias under alias/aws/, the AWS managed key */
	const char *partition;
	size_t partition_len;
	const char *region;
	size_t region_len;
	const char *account; /* 12 digits */
} kms_key;

static int is_hex(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* A key ID: a UUID, or mrk- and 32 hex digits for a multi-Region key (both 36 characters). */
static int is_key_id(const char *s, size_t len)
{
	size_t i;

	if (len != 36)
		return 0;
	if (strncmp(s, "mrk-", 4) == 0) {
		for (i = 4; i < len; i++)
			if (!is_hex(s[i]))
				return 0;
		return 1;
	}
	for (i = 0; i < len; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? s[i] != '-' : !is_hex(s[i]))
			return 0;
	return 1;
}

/* alias/ then 1-250 characters of A-Z a-z 0-9 / _ - (KMS CreateAlias). */
static int is_alias(const char *s, size_t len, int *aws_managed)
{
	size_t i;

	if (len < 7 || len > 256 || strncmp(s, "alias/", 6) != 0)
		return 0;
	for (i = 6; i < len; i++) {
		char ch = s[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '/' || ch == '_' || ch == '-'))
			return 0;
	}
	*aws_managed = strncmp(s, "alias/aws/", 10) == 0;
	return 1;
}

static int is_token(const char *s, size_t len, int digits_only)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		char ch = s[i];

		if (digits_only ? !(ch >= '0' && ch <= '9')
		                : !((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
			return 0;
	}
	return 1;
}

static void parse_key(const char *s, kms_key *k)
{
	size_t len = strlen(s);
	const char *f[5];
	size_t flen[5];
	const char *p = s;
	const char *res;
	size_t i;

	memset(k, 0, sizeof(*k));
	if (strncmp(s, "arn:", 4) != 0) {
		if (is_key_id(s, len))
			k->kind = KEY_ID;
		else if (is_alias(s, len, &k->aws_managed))
			k->kind = KEY_ALIAS;
		return;
	}
	/* arn : partition : kms : region : account : resource */
	for (i = 0; i < 5; i++) {
		const char *colon = strchr(p, ':');

		if (colon == NULL)
			return;
		f[i] = p;
		flen[i] = (size_t)(colon - p);
		p = colon + 1;
	}
	res = p;
	if (!is_token(f[1], flen[1], 0) || flen[2] != 3 || strncmp(f[2], "kms", 3) != 0 ||
	    !is_token(f[3], flen[3], 0) || flen[4] != 12 || !is_token(f[4], flen[4], 1))
		return;
	if (!(strncmp(res, "key/", 4) == 0 && is_key_id(res + 4, strlen(res + 4))) &&
	    !is_alias(res, strlen(res), &k->aws_managed))
		return;
	k->kind = KEY_ARN;
	k->partition = f[1];
	k->partition_len = flen[1];
	k->region = f[3];
	k->region_len = flen[3];
	k->account = f[4];
}

static int span_is(const char *s, size_t len, const char *z)
{
	return strlen(z) == len && strncmp(s, z, len) == 0;
}

/* The account of the home replica's key ARN, else of the first key ARN. */
static const char *reference_account(const ddbgt__vctx *c)
{
	const ddbgt_replica *home = ddbgt_table_primary_replica(c->table);
	kms_key k;
	size_t i;

	if (home != NULL && ddbgt_replica_kms_key(home) != NULL) {
		parse_key(ddbgt_replica_kms_key(home), &k);
		if (k.kind == KEY_ARN)
			return k.account;
	}
	for (i = 0; i < c->nreplicas; i++) {
		const char *key = ddbgt_replica_kms_key(c->replicas[i]);

		if (key == NULL)
			continue;
		parse_key(key, &k);
		if (k.kind == KEY_ARN)
			return k.account;
	}
	return NULL;
}

/*
 * account: the replica's own (own 1: a multi-account replica, whose key must
 * be in it) or the home replica key's (own 0: a cross-account key is a warning).
 */
static void check_key(ddbgt__vctx *c, size_t i, ddbgt_encryption enc, const char *account,
                      int own)
{
	const char *key = ddbgt_replica_kms_key(c->replicas[i]);
	const char *region = ddbgt__vreplica_region(c, i);
	char path[64];
	kms_key k;

	/* Most replicas name no key in a table without customer managed keys: no path for them. */
	if (key == NULL && enc != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		return;
	ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/kms_key", i);
	if (key == NULL) {
		ddbgt__vreport(c, DDBGT_E_KMS_CMK_REPLICA_MISSING, path, region,
		               "the table uses customer managed keys but the replica in %s names "
		               "none: set kms_key to a key ARN in %s", region, region);
		return;
	}
	if (enc == DDBGT_ENCRYPTION_AWS_OWNED) {
		ddbgt__vreport(c, DDBGT_E_SSE_KEY_WITHOUT_KMS, path, region,
		               "the replica in %s names a KMS key but the table is encrypted with the "
		               "AWS owned key: set encryption to CUSTOMER_MANAGED or remove kms_key",
		               region);
		return;
	}
	if (enc == DDBGT_ENCRYPTION_AWS_MANAGED) {
		ddbgt__vreport(c, DDBGT_E_SSE_TYPE_MISMATCH, path, region,
		               "the table uses the AWS managed key but the replica in %s names its own "
		               "key, and all replicas share one encryption type: set encryption to "
		               "CUSTOMER_MANAGED or remove kms_key", region);
		return;
	}
	parse_key(key, &k);
	if (k.kind == KEY_INVALID) {
		ddbgt__vreport(c, DDBGT_E_KMS_KEY_FORMAT, path, region,
		               "\"%s\" is not a KMS key ID, alias or ARN: use "
		               "arn:aws:kms:%s:<account>:key/<key-id>", key, region);
		return;
	}
	if (k.aws_managed) {
		ddbgt__vreport(c, DDBGT_E_SSE_TYPE_MISMATCH, path, region,
		               "the replica in %s names the AWS managed key %s in a table with "
		               "customer managed keys: use a customer managed key", region, key);
		return;
	}
	if (k.kind != KEY_ARN) {
		ddbgt__vreport_sev(c, DDBGT_E_KMS_CMK_REPLICA_MISSING, DDBGT_SEVERITY_WARNING, path,
		                   region, "key \"%s\" is resolved in %s when the replica is "
		                   "created: make sure it exists there, or give its full ARN", key,
		                   region);
		return;
	}
	if (c->regions[i] != NULL &&
	    !span_is(k.partition, k.partition_len, ddbgt_region_partition(c->regions[i])))
		ddbgt__vreport(c, DDBGT_E_KMS_KEY_PARTITION_MISMATCH, path, region,
		               "key %s is in partition %.*s but %s is in %s: use a key of the "
		               "replica's own partition and region", key, (int)k.partition_len,
		               k.partition, region, ddbgt_region_partition(c->regions[i]));
	else if (!span_is(k.region, k.region_len, region))
		ddbgt__vreport(c, DDBGT_E_KMS_KEY_REGION_MISMATCH, path, region,
		               "key %s lives in %.*s but the replica is in %s, and a replica can "
		               "only use a key of its own region: use a key in %s", key,
		               (int)k.region_len, k.region, region, region);
	if (own && strlen(account) == 12 && strncmp(k.account, account, 12) != 0)
		ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_KMS_ACCOUNT, path, region,
		               "key %s belongs to account %.12s but the replica to account %s, and a "
		               "replica of a multi-account table uses a key of its own account",
		               key, k.account, account);
	else if (!own && account != NULL && strncmp(k.account, account, 12) != 0)
		ddbgt__vreport(c, DDBGT_W_KMS_ACCOUNT_MISMATCH, path, region,
		               "key %s belongs to account %.12s but the home replica's key to %.12s: "
		               "check that the cross-account key grants DynamoDB access, or use "
		               "a key of the table's account", key, k.account, account);
}

/* What the graphs show in mode: THROTTLED_KEYS records throttled items only. */
static const char *insights_shown(ddbgt_insights_mode mode)
{
	return mode == DDBGT_INSIGHTS_MODE_THROTTLED_KEYS ? "the most throttled items"
	                                                  : "the most accessed and throttled items";
}

/*
 * Contributor Insights graphs the keys of the most used items in plaintext,
 * which AWS advises against on a table whose keys a KMS key protects
 * (API_UpdateContributorInsights.html). Whether the keys must stay under
 * KMS is the owner's call, which the spec does not record, so it is a note,
 * not a warning. Paths are made only for a finding.
 */
static void check_insights(ddbgt__vctx *c, size_t i, const char *key)
{
	const ddbgt_replica *r = c->replicas[i];
	const char *region = ddbgt__vreplica_region(c, i);
	size_t n = ddbgt_replica_gsi_override_count(r);
	ddbgt_insights_mode mode;
	char base[96], buf[512];
	char *heap;
	const char *path;
	int on;
	size_t k;

	if (ddbgt_replica_contributor_insights(r))
		ddbgt__vreport(c, DDBGT_I_CONTRIBUTOR_INSIGHTS_KMS,
		               ddbgt__vpathf(buf, sizeof(buf), "/replicas/%zu/contributor_insights", i),
		               region, "Contributor Insights in %s shows the keys of %s in plaintext, "
		               "while the table encrypts them with %s: turn it off if the key values "
		               "must stay encrypted", region,
		               insights_shown(ddbgt_replica_contributor_insights_mode(r)), key);
	for (k = 0; k < n && c->status == DDBGT_OK; k++) {
		const char *index = ddbgt_replica_gsi_override_name(r, k);

		if (ddbgt_replica_get_gsi_contributor_insights(r, index, &on, &mode) != DDBGT_OK ||
		    !on)
			continue;
		ddbgt__vpathf(base, sizeof(base), "/replicas/%zu/global_secondary_indexes", i);
		path = ddbgt__vpath_key(c, buf, sizeof(buf), &heap, base, index,
		                        "/contributor_insights");
		if (path != NULL)
			ddbgt__vreport(c, DDBGT_I_CONTRIBUTOR_INSIGHTS_KMS, path, region,
			               "Contributor Insights of index %s in %s shows the keys of %s in "
			               "plaintext, while the table encrypts them with %s: turn it off if "
			               "the key values must stay encrypted", index, region,
			               insights_shown(mode), key);
		ddbgt__free(heap);
	}
}

static void check_encryption(ddbgt__vctx *c)
{
	ddbgt_encryption enc = ddbgt_table_encryption(c->table);
	const char *account = reference_account(c);
	size_t i;

	if (ddbgt_table_legacy_version(c->table) && enc == DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		ddbgt__vreport(c, DDBGT_E_LEGACY_CMK, "/table/encryption", NULL,
		               "legacy 2017.11.29 global tables cannot use customer managed keys: "
		               "use AWS_OWNED or AWS_MANAGED, or upgrade to version 2019.11.21");
	for (i = 0; i < c->nreplicas; i++) {
		const char *own = ddbgt_replica_account_id(c->replicas[i]);
		check_key(c, i, enc, own ? own : account, own != NULL);
		if (enc == DDBGT_ENCRYPTION_AWS_MANAGED || enc == DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
			check_insights(c, i, enc == DDBGT_ENCRYPTION_AWS_MANAGED
			                             ? "the AWS managed key"
			                             : "a customer managed key");
	}
}

static void check_pitr_period(ddbgt__vctx *c, const char *path, const char *region,
                              int64_t days, int enabled)
{
	if (days < PITR_DAYS_MIN || days > PITR_DAYS_MAX)
		ddbgt__vreport(c, DDBGT_E_PITR_PERIOD_RANGE, path, region,
		               "a recovery period of %lld days: use 1 to 35", (long long)days);
	if (!enabled)
		ddbgt__vreport(c, DDBGT_E_PITR_PERIOD_WITHOUT_PITR, path, region,
		               "a recovery period is set but point-in-time recovery is off: enable "
		               "it or remove recovery_period_days");
}

static void check_recovery(ddbgt__vctx *c)
{
	int table_dp = ddbgt_table_deletion_protection(c->table);
	int64_t days;
	char path[96];
	size_t i;

	if (ddbgt_table_get_pitr_period(c->table, &days) == DDBGT_OK)
		check_pitr_period(c, "/table/point_in_time_recovery/recovery_period_days", NULL, days,
		                  ddbgt_table_pitr_enabled(c->table));
	for (i = 0; i < c->nreplicas; i++) {
		const ddbgt_replica *r = c->replicas[i];
		const char *region = ddbgt__vreplica_region(c, i);

		if (ddbgt_replica_get_pitr_period(r, &days) == DDBGT_OK) {
			ddbgt__vpathf(path, sizeof(path),
			         "/replicas/%zu/point_in_time_recovery/recovery_period_days", i);
			check_pitr_period(c, path, region, days, ddbgt_replica_effective_pitr(r));
		}
		if (table_dp && ddbgt_replica_deletion_protection(r) == 0) {
			ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/deletion_protection", i);
			ddbgt__vreport(c, DDBGT_W_DELETION_PROTECTION_REPLICA, path, region,
			               "the table asks for deletion protection but the replica in %s "
			               "turns it off: remove the replica's deletion_protection to "
			               "inherit it", region);
		}
	}
}

void ddbgt__rules_security(ddbgt__vctx *c)
{
	check_encryption(c);
	check_recovery(c);
}
