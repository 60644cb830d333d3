/*
 * libddbgt: the spec's `policy` (organisation guardrails read by the
 * validator) and `usage` (the traffic profile read by the cost estimator).
 *
 * Both exist on their own (ddbgt_policy_new) or inside a table
 * (ddbgt_table_policy); the ones inside a table are freed with it.
 * Functions that store a string (regions, jurisdictions, severity codes,
 * quota names) refuse one that is not valid UTF-8 with DDBGT_EINVAL and
 * change nothing (see table.h).
 */
#ifndef DDBGT_POLICY_H
#define DDBGT_POLICY_H

#include "common.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A new policy with no guardrail and no severity override, belonging to no
 * table: free it with ddbgt_policy_free, or give a table a copy with
 * ddbgt_table_set_policy.
 */
DDBGT_API int ddbgt_policy_new(ddbgt_policy **out);
/* Free a policy that belongs to no table; a table's own policy is left alone. */
DDBGT_API void ddbgt_policy_free(ddbgt_policy *policy);
DDBGT_API int ddbgt_policy_copy(ddbgt_policy **out, const ddbgt_policy *policy);

/* Region count bounds; getters give DDBGT_ENOTFOUND when unset. */
DDBGT_API int ddbgt_policy_set_min_regions(ddbgt_policy *policy, int64_t n);
DDBGT_API int ddbgt_policy_get_min_regions(const ddbgt_policy *policy, int64_t *n);
DDBGT_API int ddbgt_policy_clear_min_regions(ddbgt_policy *policy);
DDBGT_API int ddbgt_policy_set_max_regions(ddbgt_policy *policy, int64_t n);
DDBGT_API int ddbgt_policy_get_max_regions(const ddbgt_policy *policy, int64_t *n);
DDBGT_API int ddbgt_policy_clear_max_regions(ddbgt_policy *policy);

/* Allowed regions and data-residency jurisdictions, in the order added. */
DDBGT_API int ddbgt_policy_add_allowed_region(ddbgt_policy *policy, const char *region);
DDBGT_API int ddbgt_policy_clear_allowed_regions(ddbgt_policy *policy);
DDBGT_API size_t ddbgt_policy_allowed_region_count(const ddbgt_policy *policy);
DDBGT_API const char *ddbgt_policy_allowed_region_at(const ddbgt_policy *policy, size_t i);
DDBGT_API int ddbgt_policy_add_jurisdiction(ddbgt_policy *policy, const char *jurisdiction);
DDBGT_API int ddbgt_policy_clear_jurisdictions(ddbgt_policy *policy);
DDBGT_API size_t ddbgt_policy_jurisdiction_count(const ddbgt_policy *policy);
DDBGT_API const char *ddbgt_policy_jurisdiction_at(const ddbgt_policy *policy, size_t i);

/*
 * Require point-in-time recovery, customer managed KMS keys or deletion
 * protection on every replica (the validator reports each replica without:
 * DDBGT_E_POLICY_PITR_REQUIRED, _CMK_REQUIRED, _DELETION_PROTECTION_REQUIRED).
 * required is a boolean; negative values are DDBGT_EINVAL. The getters give
 * 1 when the requirement is on, 0 when it is off or unset, or for NULL.
 */
DDBGT_API int ddbgt_policy_set_require_pitr(ddbgt_policy *policy, int required);
DDBGT_API int ddbgt_policy_require_pitr(const ddbgt_policy *policy);
DDBGT_API int ddbgt_policy_set_require_customer_managed_keys(ddbgt_policy *policy, int required);
DDBGT_API int ddbgt_policy_require_customer_managed_keys(const ddbgt_policy *policy);
DDBGT_API int ddbgt_policy_set_require_deletion_protection(ddbgt_policy *policy, int required);
DDBGT_API int ddbgt_policy_require_deletion_protection(const ddbgt_policy *policy);

/*
 * Severity overrides by diagnostic code string ("DDBGT_W_REGION_OPT_IN"),
 * sorted by code. DDBGT_ENOTFOUND from set for a code not in the catalogue;
 * the getter gives DDBGT_ENOTFOUND when the code has no override.
 */
DDBGT_API int ddbgt_policy_set_severity(ddbgt_policy *policy, const char *code,
                                        ddbgt_severity severity);
DDBGT_API int ddbgt_policy_get_severity(const ddbgt_policy *policy, const char *code,
                                        ddbgt_severity *severity);
DDBGT_API int ddbgt_policy_remove_severity(ddbgt_policy *policy, const char *code);
/*
 * The overrides, in code order: the i-th one's code, and its level; NULL
 * and DDBGT_SEVERITY_OFF when i is out of range.
 */
DDBGT_API size_t ddbgt_policy_severity_count(const ddbgt_policy *policy);
DDBGT_API const char *ddbgt_policy_severity_code(const ddbgt_policy *policy, size_t i);
DDBGT_API ddbgt_severity ddbgt_policy_severity_level(const ddbgt_policy *policy, size_t i);

/*
 * Raised account quotas by name, sorted by name. Known names: "gsi_max"
 * (default 20 GSIs), "table_capacity_max" (40000 RCU or WCU per table or
 * GSI), "account_capacity_max" (80000 over a table and its GSIs).
 * ddbgt_policy_quota_name_at lists the known names (NULL past the end).
 * DDBGT_ENOTFOUND from set for an unknown name.
 */
DDBGT_API const char *ddbgt_policy_quota_name_at(size_t i);
DDBGT_API int ddbgt_policy_set_quota(ddbgt_policy *policy, const char *name, int64_t value);
DDBGT_API int ddbgt_policy_get_quota(const ddbgt_policy *policy, const char *name, int64_t *value);
DDBGT_API int ddbgt_policy_clear_quota(ddbgt_policy *policy, const char *name);

/*
 * A new empty usage profile (no traffic, no storage), belonging to no
 * table: free it with ddbgt_usage_free, or give a table a copy with
 * ddbgt_table_set_usage.
 */
DDBGT_API int ddbgt_usage_new(ddbgt_usage **out);
/* Free a usage profile that belongs to no table; a table's own is left alone. */
DDBGT_API void ddbgt_usage_free(ddbgt_usage *usage);
DDBGT_API int ddbgt_usage_copy(ddbgt_usage **out, const ddbgt_usage *usage);

/*
 * Average requests per second by region: DDBGT_WRITE for writes that
 * originate in the region, DDBGT_READ for reads served there. Sorted by
 * region. Negative or non-finite values are refused with DDBGT_ERANGE.
 */
DDBGT_API int ddbgt_usage_set_rate(ddbgt_usage *usage, ddbgt_rw rw, const char *region,
                                   double per_second);
DDBGT_API int ddbgt_usage_get_rate(const ddbgt_usage *usage, ddbgt_rw rw, const char *region,
                                   double *per_second);
DDBGT_API int ddbgt_usage_remove_rate(ddbgt_usage *usage, ddbgt_rw rw, const char *region);
DDBGT_API size_t ddbgt_usage_rate_count(const ddbgt_usage *usage, ddbgt_rw rw);
DDBGT_API const char *ddbgt_usage_rate_region(const ddbgt_usage *usage, ddbgt_rw rw, size_t i);
DDBGT_API double ddbgt_usage_rate_value(const ddbgt_usage *usage, ddbgt_rw rw, size_t i);

/*
 * Scalar figures of the profile. Getters give DDBGT_ENOTFOUND when unset;
 * the defaults (item size 1024 bytes, 730 hours) are the estimator's.
 * Negative or non-finite values are refused with DDBGT_ERANGE.
 */
DDBGT_API int ddbgt_usage_set_item_size_bytes(ddbgt_usage *usage, double bytes);
DDBGT_API int ddbgt_usage_get_item_size_bytes(const ddbgt_usage *usage, double *bytes);
DDBGT_API int ddbgt_usage_set_storage_gb(ddbgt_usage *usage, double gb);
DDBGT_API int ddbgt_usage_get_storage_gb(const ddbgt_usage *usage, double *gb);
DDBGT_API int ddbgt_usage_set_stream_reads_per_month(ddbgt_usage *usage, double reads);
DDBGT_API int ddbgt_usage_get_stream_reads_per_month(const ddbgt_usage *usage, double *reads);
DDBGT_API int ddbgt_usage_set_hours_per_month(ddbgt_usage *usage, double hours);
DDBGT_API int ddbgt_usage_get_hours_per_month(const ddbgt_usage *usage, double *hours);
/* UNSET means eventual. */
DDBGT_API int ddbgt_usage_set_read_consistency(ddbgt_usage *usage,
                                               ddbgt_read_consistency consistency);
DDBGT_API ddbgt_read_consistency ddbgt_usage_read_consistency(const ddbgt_usage *usage);
/* UNSET means standard; transactional writes cost twice the write units. */
DDBGT_API int ddbgt_usage_set_write_mode(ddbgt_usage *usage, ddbgt_write_mode mode);
DDBGT_API ddbgt_write_mode ddbgt_usage_write_mode(const ddbgt_usage *usage);
/*
 * On-demand backups (spec usage.backups): how many are taken a month, how
 * many days each is kept, the size of each in GB (default: storage_gb), and
 * how many restores a month. Same rules as the scalar figures above.
 */
DDBGT_API int ddbgt_usage_set_backups_per_month(ddbgt_usage *usage, double count);
DDBGT_API int ddbgt_usage_get_backups_per_month(const ddbgt_usage *usage, double *count);
DDBGT_API int ddbgt_usage_set_backup_retention_days(ddbgt_usage *usage, double days);
DDBGT_API int ddbgt_usage_get_backup_retention_days(const ddbgt_usage *usage, double *days);
DDBGT_API int ddbgt_usage_set_backup_size_gb(ddbgt_usage *usage, double gb);
DDBGT_API int ddbgt_usage_get_backup_size_gb(const ddbgt_usage *usage, double *gb);
DDBGT_API int ddbgt_usage_set_restores_per_month(ddbgt_usage *usage, double count);
DDBGT_API int ddbgt_usage_get_restores_per_month(const ddbgt_usage *usage, double *count);
/* 1 when nothing at all was set. */
DDBGT_API int ddbgt_usage_is_empty(const ddbgt_usage *usage);

#ifdef __cplusplus
}
#endif

#endif
