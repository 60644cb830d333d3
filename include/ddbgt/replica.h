/*
 * libddbgt: replicas, one per region of a global table.
 *
 * A replica's own getters return what was set on it, with UNSET (0) or
 * DDBGT_INHERIT (-1) meaning "the table's value". The ddbgt_replica_effective_*
 * getters resolve that against the table the replica belongs to (or the
 * spec's defaults for a replica that belongs to no table).
 *
 * Setters that store a string refuse one that is not valid UTF-8 with
 * DDBGT_EINVAL and change nothing (see table.h).
 */
#ifndef DDBGT_REPLICA_H
#define DDBGT_REPLICA_H

#include "common.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new replica in region (required, e.g. "eu-west-1"). */
DDBGT_API int ddbgt_replica_new(ddbgt_replica **out, const char *region);
/* Free a replica that belongs to no table; a replica owned by a table is left alone. */
DDBGT_API void ddbgt_replica_free(ddbgt_replica *replica);
/* A deep copy that belongs to no table. */
DDBGT_API int ddbgt_replica_copy(ddbgt_replica **out, const ddbgt_replica *replica);
/* The owning table, or NULL. */
DDBGT_API const ddbgt_table *ddbgt_replica_table(const ddbgt_replica *replica);

/*
 * The region code ("eu-west-1"; DDBGT_EINVAL for NULL), copied; the
 * getter's string belongs to the replica. Not checked here: the validator
 * reports unknown (DDBGT_E_REGION_UNKNOWN) and duplicate regions.
 */
DDBGT_API int ddbgt_replica_set_region(ddbgt_replica *replica, const char *region);
DDBGT_API const char *ddbgt_replica_region(const ddbgt_replica *replica);

/* The role set (UNSET when none); the effective role is primary for the
 * first replica of a table without an explicit primary, secondary otherwise. */
DDBGT_API int ddbgt_replica_set_role(ddbgt_replica *replica, ddbgt_role role);
DDBGT_API ddbgt_role ddbgt_replica_role(const ddbgt_replica *replica);
DDBGT_API ddbgt_role ddbgt_replica_effective_role(const ddbgt_replica *replica);

/* UNSET inherits the table's class. */
DDBGT_API int ddbgt_replica_set_table_class(ddbgt_replica *replica, ddbgt_table_class table_class);
DDBGT_API ddbgt_table_class ddbgt_replica_table_class(const ddbgt_replica *replica);
DDBGT_API ddbgt_table_class ddbgt_replica_effective_table_class(const ddbgt_replica *replica);

/* The customer managed KMS key (ARN, key ID or alias) of this replica; NULL removes it. */
DDBGT_API int ddbgt_replica_set_kms_key(ddbgt_replica *replica, const char *key);
DDBGT_API const char *ddbgt_replica_kms_key(const ddbgt_replica *replica);

/*
 * Point-in-time recovery: enabled is 1, 0 or DDBGT_INHERIT. A replica that
 * sets its own PITR takes its recovery period from itself, not the table.
 */
DDBGT_API int ddbgt_replica_set_pitr(ddbgt_replica *replica, int enabled);
DDBGT_API int ddbgt_replica_pitr(const ddbgt_replica *replica);
DDBGT_API int ddbgt_replica_set_pitr_period(ddbgt_replica *replica, int64_t days);
DDBGT_API int ddbgt_replica_get_pitr_period(const ddbgt_replica *replica, int64_t *days);
DDBGT_API int ddbgt_replica_clear_pitr_period(ddbgt_replica *replica);
DDBGT_API int ddbgt_replica_effective_pitr(const ddbgt_replica *replica);
/* The effective recovery period; DDBGT_ENOTFOUND when PITR is off or the period is unset. */
DDBGT_API int ddbgt_replica_get_effective_pitr_period(const ddbgt_replica *replica, int64_t *days);

/* Deletion protection: 1, 0 or DDBGT_INHERIT. */
DDBGT_API int ddbgt_replica_set_deletion_protection(ddbgt_replica *replica, int enabled);
DDBGT_API int ddbgt_replica_deletion_protection(const ddbgt_replica *replica);
DDBGT_API int ddbgt_replica_effective_deletion_protection(const ddbgt_replica *replica);

/*
 * Read capacity override (PROVISIONED tables): either fixed units or
 * autoscaling; setting one replaces the other. Getters give DDBGT_ENOTFOUND
 * when that form is not set.
 */
DDBGT_API int ddbgt_replica_set_read_capacity(ddbgt_replica *replica, int64_t units);
DDBGT_API int ddbgt_replica_get_read_capacity(const ddbgt_replica *replica, int64_t *units);
DDBGT_API int ddbgt_replica_set_read_autoscaling(ddbgt_replica *replica, int64_t min, int64_t max,
                                                 double target_utilization);
DDBGT_API int ddbgt_replica_get_read_autoscaling(const ddbgt_replica *replica, int64_t *min,
                                                 int64_t *max, double *target_utilization);
DDBGT_API int ddbgt_replica_clear_read_capacity(ddbgt_replica *replica);

/*
 * Per-region read capacity of a GSI, keyed by index name (sorted by name).
 * The same two forms as the replica's own read capacity.
 */
DDBGT_API int ddbgt_replica_set_gsi_read_capacity(ddbgt_replica *replica, const char *index,
                                                  int64_t units);
DDBGT_API int ddbgt_replica_set_gsi_read_autoscaling(ddbgt_replica *replica, const char *index,
                                                     int64_t min, int64_t max,
                                                     double target_utilization);
DDBGT_API int ddbgt_replica_get_gsi_read_capacity(const ddbgt_replica *replica, const char *index,
                                                  int64_t *units);
DDBGT_API int ddbgt_replica_get_gsi_read_autoscaling(const ddbgt_replica *replica,
                                                     const char *index, int64_t *min,
                                                     int64_t *max, double *target_utilization);
DDBGT_API int ddbgt_replica_remove_gsi_override(ddbgt_replica *replica, const char *index);
DDBGT_API size_t ddbgt_replica_gsi_override_count(const ddbgt_replica *replica);
DDBGT_API const char *ddbgt_replica_gsi_override_name(const ddbgt_replica *replica, size_t i);

/*
 * CloudWatch Contributor Insights on the replica (off unless set). enabled
 * is a boolean; negative values are DDBGT_EINVAL. The getter gives 1 when
 * it is on, 0 otherwise or for NULL.
 */
DDBGT_API int ddbgt_replica_set_contributor_insights(ddbgt_replica *replica, int enabled);
DDBGT_API int ddbgt_replica_contributor_insights(const ddbgt_replica *replica);

/* Replica tags, merged over the table's tags; sorted by key. */
DDBGT_API int ddbgt_replica_set_tag(ddbgt_replica *replica, const char *key, const char *value);
DDBGT_API int ddbgt_replica_remove_tag(ddbgt_replica *replica, const char *key);
DDBGT_API const char *ddbgt_replica_tag(const ddbgt_replica *replica, const char *key);
DDBGT_API size_t ddbgt_replica_tag_count(const ddbgt_replica *replica);
DDBGT_API const char *ddbgt_replica_tag_key(const ddbgt_replica *replica, size_t i);
DDBGT_API const char *ddbgt_replica_tag_value(const ddbgt_replica *replica, size_t i);

#ifdef __cplusplus
}
#endif

#endif
