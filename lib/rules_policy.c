/*
 * The guardrails of a policy (the spec's "policy" key, or the one the
 * caller passes in the options): region counts, allowed regions, data
 * residency, and settings every replica must have.
 */
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/policy.h"
#include "validate_internal.h"

static void check_counts(ddbgt__vctx *c)
{
	size_t regions = c->nreplicas + (c->witness != NULL);
	int64_t n;

	if (ddbgt_policy_get_min_regions(c->policy, &n) == DDBGT_OK && (int64_t)regions < n)
		ddbgt__vreport(c, DDBGT_E_POLICY_MIN_REGIONS, "/replicas", NULL,
		               "the table spans %zu region(s) (replicas and witness) but the policy "
		               "asks for at least %lld: add replicas", regions, (long long)n);
	if (ddbgt_policy_get_max_regions(c->policy, &n) == DDBGT_OK && (int64_t)regions > n)
		ddbgt__vreport(c, DDBGT_E_POLICY_MAX_REGIONS, "/replicas", NULL,
		               "the table spans %zu regions (replicas and witness) but the policy "
		               "allows at most %lld: remove replicas", regions, (long long)n);
}

/* Member i of the table's regions (validate_internal.h). */
static void check_member(ddbgt__vctx *c, size_t i, const ddbgt__vname *allowed, size_t nallowed)
{
	size_t njur = ddbgt_policy_jurisdiction_count(c->policy);
	const char *code = ddbgt__vmember_code(c, i);
	const ddbgt_region *r = ddbgt__vmember_region(c, i);
	char path[48];
	size_t k;

	if (nallowed > 0 && ddbgt__vnames_find(allowed, nallowed, code) == NULL)
		ddbgt__vreport(c, DDBGT_E_POLICY_REGION_NOT_ALLOWED, ddbgt__vregion_path(c, path, i),
		               code,
		               "%s is not among the regions the policy allows: move the replica to "
		               "an allowed region or widen policy.allowed_regions", code);
	if (njur == 0 || r == NULL)
		return;
	/* The policy names a handful of jurisdictions: a scan per member stays linear. */
	for (k = 0; k < njur; k++)
		if (ddbgt_region_in_jurisdiction(r, ddbgt_policy_jurisdiction_at(c->policy, k)))
			return;
	ddbgt__vreport(c, DDBGT_E_POLICY_JURISDICTION, ddbgt__vregion_path(c, path, i), code,
	               "%s lies in jurisdiction %s, outside the policy's data-residency "
	               "jurisdictions: move the replica to a region of an allowed jurisdiction",
	               code, ddbgt_region_jurisdiction(r) != NULL ? ddbgt_region_jurisdiction(r)
	                                                        : "(none)");
}

static void check_places(ddbgt__vctx *c)
{
	size_t nallowed = ddbgt_policy_allowed_region_count(c->policy);
	ddbgt__vname *allowed;
	size_t i;

	if (nallowed == 0 && ddbgt_policy_jurisdiction_count(c->policy) == 0)
		return;
	/* A sorted copy of the allowed regions: each member is looked up in log time. */
	allowed = ddbgt__vnames_new(c, nallowed);
	if (allowed == NULL)
		return;
	for (i = 0; i < nallowed; i++) {
		const char *s = ddbgt_policy_allowed_region_at(c->policy, i);

		allowed[i].name = s != NULL ? s : "";
		allowed[i].index = i;
	}
	ddbgt__vnames_sort(allowed, nallowed);
	for (i = 0; i < c->nreplicas; i++)
		check_member(c, i, allowed, nallowed);
	if (c->witness != NULL)
		check_member(c, c->nreplicas, allowed, nallowed);
}

static void check_required(ddbgt__vctx *c)
{
	int pitr = ddbgt_policy_require_pitr(c->policy);
	int dp = ddbgt_policy_require_deletion_protection(c->policy);
	char path[64];
	size_t i;

	if (ddbgt_policy_require_customer_managed_keys(c->policy) &&
	    ddbgt_table_encryption(c->table) != DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		ddbgt__vreport(c, DDBGT_E_POLICY_CMK_REQUIRED, "/table/encryption", NULL,
		               "the policy requires customer managed keys but the table uses %s: set "
		               "encryption to CUSTOMER_MANAGED and a kms_key on every replica",
		               ddbgt_enum_name(DDBGT_ENUM_ENCRYPTION, ddbgt_table_encryption(c->table)));
	for (i = 0; i < c->nreplicas; i++) {
		const ddbgt_replica *r = c->replicas[i];
		const char *region = ddbgt__vreplica_region(c, i);

		if (pitr && !ddbgt_replica_effective_pitr(r)) {
			ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/point_in_time_recovery", i);
			ddbgt__vreport(c, DDBGT_E_POLICY_PITR_REQUIRED, path, region,
			               "the policy requires point-in-time recovery but it is off in %s: "
			               "enable point_in_time_recovery on the table or the replica",
			               region);
		}
		if (dp && !ddbgt_replica_effective_deletion_protection(r)) {
			ddbgt__vpathf(path, sizeof(path), "/replicas/%zu/deletion_protection", i);
			ddbgt__vreport(c, DDBGT_E_POLICY_DELETION_PROTECTION_REQUIRED, path, region,
			               "the policy requires deletion protection but it is off in %s: "
			               "set deletion_protection on the table or the replica", region);
		}
	}
}

void ddbgt__rules_policy(ddbgt__vctx *c)
{
	if (c->policy == NULL)
		return;
	check_counts(c);
	check_places(c);
	check_required(c);
}
