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
 * The Kinesis data stream this replica streams its changes to (spec
 * kinesis_stream: stream_arn, approximate_creation_date_time_precision),
 * copied; NULL removes it. AWS wants the stream in the replica's own account
 * and region (the validator checks the ARN). precision
 * DDBGT_KINESIS_PRECISION_UNSET leaves AWS's default. The ARN getter gives
 * NULL when there is none.
 */
DDBGT_API int ddbgt_replica_set_kinesis_stream(ddbgt_replica *replica, const char *stream_arn,
                                               ddbgt_kinesis_precision precision);
DDBGT_API const char *ddbgt_replica_kinesis_stream_arn(const ddbgt_replica *replica);
DDBGT_API ddbgt_kinesis_precision ddbgt_replica_kinesis_stream_precision(
	const ddbgt_replica *replica);
/*
 * The resource-based policy of this replica's table (spec resource_policy)
 * and of its stream (stream_resource_policy): an IAM policy document given as
 * the text of one JSON object, nested at most 16 levels, or NULL to remove it.
 * The replica keeps it compact, members in the order written, which is what
 * the getters return; DDBGT_EINVAL for text that is not one JSON object. The
 * validator checks that it is a policy document and names this replica's
 * table (or stream).
 */
DDBGT_API int ddbgt_replica_set_resource_policy(ddbgt_replica *replica, const char *policy_json);
DDBGT_API const char *ddbgt_replica_resource_policy(const ddbgt_replica *replica);
DDBGT_API int ddbgt_replica_set_stream_resource_policy(ddbgt_replica *replica,
                                                       const char *policy_json);
DDBGT_API const char *ddbgt_replica_stream_resource_policy(const ddbgt_replica *replica);
/*
 * Multi-account global tables. The AWS account of this replica (spec
 * account_id, 12 digits, checked by the validator), copied; NULL, the
 * default, is the account that deploys the table. A table whose replicas are
 * in more than one account is a multi-account global table: AWS wants every
 * replica in an account of its own, EVENTUAL consistency and no per-replica
 * overrides while settings replication is on.
 */
DDBGT_API int ddbgt_replica_set_account_id(ddbgt_replica *replica, const char *account_id);
DDBGT_API const char *ddbgt_replica_account_id(const ddbgt_replica *replica);
/*
 * Whether this replica takes the table's settings (spec settings_replication,
 * CloudFormation GlobalTableSettingsReplicationMode); UNSET leaves AWS's default.
 */
DDBGT_API int ddbgt_replica_set_settings_replication(ddbgt_replica *replica,
                                                     ddbgt_settings_replication mode);
DDBGT_API ddbgt_settings_replication ddbgt_replica_settings_replication(
	const ddbgt_replica *replica);
/*
 * The IAM role (an ARN in the replica's account) a deployment tool assumes to
 * reach this replica's account (spec provider_role_arn), copied; NULL removes it.
 */
DDBGT_API int ddbgt_replica_set_provider_role_arn(ddbgt_replica *replica, const char *role_arn);
DDBGT_API const char *ddbgt_replica_provider_role_arn(const ddbgt_replica *replica);

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
 * when that form is not set. A setter allocates the override when the
 * replica has none: DDBGT_ENOMEM leaves the replica unchanged.
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
/*
 * The target-tracking tuning of the replica's read (or a replica GSI's read) autoscaling (spec scale_in_cooldown,
 * scale_out_cooldown, disable_scale_in): cooldowns in seconds, -1 for not
 * given; disable_scale_in 0, 1 or DDBGT_INHERIT for not given. Set it after
 * the autoscaling it tunes: DDBGT_ENOTFOUND when there is none (setting the
 * autoscaling again drops the tuning, as setting read units does). DDBGT_EINVAL for a cooldown below -1.
 * The getter gives -1 / DDBGT_INHERIT for what was not given.
 */
DDBGT_API int ddbgt_replica_set_read_autoscaling_tuning(ddbgt_replica *replica,
                                                        int64_t scale_in_cooldown,
                                                        int64_t scale_out_cooldown,
                                                        int disable_scale_in);
DDBGT_API int ddbgt_replica_get_read_autoscaling_tuning(const ddbgt_replica *replica,
                                                        int64_t *scale_in_cooldown,
                                                        int64_t *scale_out_cooldown,
                                                        int *disable_scale_in);
DDBGT_API int ddbgt_replica_set_gsi_read_autoscaling_tuning(ddbgt_replica *replica,
                                                            const char *index,
                                                            int64_t scale_in_cooldown,
                                                            int64_t scale_out_cooldown,
                                                            int disable_scale_in);
DDBGT_API int ddbgt_replica_get_gsi_read_autoscaling_tuning(const ddbgt_replica *replica,
                                                            const char *index,
                                                            int64_t *scale_in_cooldown,
                                                            int64_t *scale_out_cooldown,
                                                            int *disable_scale_in);
/*
 * On-demand maximum read request units of this replica (spec on_demand
 * max_read), or of one GSI in it (global_secondary_indexes.NAME.on_demand);
 * the maximum write stays table-wide. PAY_PER_REQUEST tables only (the
 * validator checks). Getters give DDBGT_ENOTFOUND when unset; a GSI's is
 * removed with its other overrides (ddbgt_replica_remove_gsi_override).
 */
DDBGT_API int ddbgt_replica_set_on_demand_max_read(ddbgt_replica *replica, int64_t units);
DDBGT_API int ddbgt_replica_get_on_demand_max_read(const ddbgt_replica *replica, int64_t *units);
DDBGT_API int ddbgt_replica_clear_on_demand_max_read(ddbgt_replica *replica);
DDBGT_API int ddbgt_replica_set_gsi_on_demand_max_read(ddbgt_replica *replica, const char *index,
                                                       int64_t units);
DDBGT_API int ddbgt_replica_get_gsi_on_demand_max_read(const ddbgt_replica *replica,
                                                       const char *index, int64_t *units);
/*
 * Contributor insights of one GSI in this replica (spec
 * global_secondary_indexes.NAME.contributor_insights), as a boolean or in
 * the {"enabled", "mode"} form. The getter gives DDBGT_ENOTFOUND (enabled 0,
 * mode UNSET) when the index says nothing; removed with its other overrides.
 */
DDBGT_API int ddbgt_replica_set_gsi_contributor_insights(ddbgt_replica *replica,
                                                         const char *index, int enabled);
DDBGT_API int ddbgt_replica_set_gsi_contributor_insights_mode(ddbgt_replica *replica,
                                                              const char *index, int enabled,
                                                              ddbgt_insights_mode mode);
DDBGT_API int ddbgt_replica_get_gsi_contributor_insights(const ddbgt_replica *replica,
                                                         const char *index, int *enabled,
                                                         ddbgt_insights_mode *mode);
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
/*
 * The object form {"enabled", "mode"}: insights on or off with what they
 * record (ACCESSED_AND_THROTTLED_KEYS, AWS's default, or THROTTLED_KEYS only);
 * DDBGT_INSIGHTS_MODE_UNSET leaves AWS's default. The plain setter above goes
 * back to the boolean form and forgets the mode. DDBGT_EINVAL for a negative
 * enabled or a mode outside ddbgt_insights_mode.
 */
DDBGT_API int ddbgt_replica_set_contributor_insights_mode(ddbgt_replica *replica, int enabled,
                                                          ddbgt_insights_mode mode);
DDBGT_API ddbgt_insights_mode ddbgt_replica_contributor_insights_mode(
	const ddbgt_replica *replica);

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
