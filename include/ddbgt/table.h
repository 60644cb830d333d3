/*
 * libddbgt: the table, the root of the model.
 *
 * A table holds what the user said: the settings every replica shares, the
 * defaults replicas inherit, its replicas, indexes, attribute definitions,
 * tags, and the policy and usage profile of the spec. It judges nothing:
 * values that AWS would reject (a capacity of 0, two replicas in one region)
 * are stored as given and reported by the validator. Setters refuse only what
 * cannot be represented: NULL strings where a string is required, strings
 * that are not valid UTF-8, and enumeration values outside their enum
 * (DDBGT_EINVAL, nothing changed).
 *
 * Strings: every function of the model that stores a string (the table's,
 * replicas', indexes', policy's and usage profile's names, keys, attribute
 * names, regions, KMS keys, tag keys and values) refuses one that is not
 * valid UTF-8 -- a stray or truncated sequence, an overlong form, a UTF-16
 * surrogate, a code point past U+10FFFF -- because a spec document is JSON
 * and cannot carry other bytes: whatever the API stores, the dumper and the
 * emitters can write. Control characters are stored (the dump escapes them),
 * as the spec loader accepts them escaped. Lookups (find, get, remove) given
 * such a string find nothing.
 *
 * Getters of table-level settings return the effective value: the one set,
 * or the spec's default when none was set.
 */
#ifndef DDBGT_TABLE_H
#define DDBGT_TABLE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ddbgt_table ddbgt_table;
typedef struct ddbgt_replica ddbgt_replica;
typedef struct ddbgt_gsi ddbgt_gsi;
typedef struct ddbgt_lsi ddbgt_lsi;
typedef struct ddbgt_policy ddbgt_policy;
typedef struct ddbgt_usage ddbgt_usage;

/* A new empty table. name may be NULL (set it later). */
DDBGT_API int ddbgt_table_new(ddbgt_table **out, const char *name);
/* Free a table with its replicas, indexes, policy and usage. NULL is a no-op. */
DDBGT_API void ddbgt_table_free(ddbgt_table *table);
/* A deep copy: replicas, indexes, policy and usage included. */
DDBGT_API int ddbgt_table_copy(ddbgt_table **out, const ddbgt_table *table);

/*
 * Rename the table (DDBGT_EINVAL for NULL); the name is copied. The
 * validator checks the DynamoDB naming rules.
 */
DDBGT_API int ddbgt_table_set_name(ddbgt_table *table, const char *name);
/* NULL when no name was set. */
DDBGT_API const char *ddbgt_table_name(const ddbgt_table *table);

/*
 * PAY_PER_REQUEST or PROVISIONED; UNSET returns to the default.
 * DDBGT_EINVAL for any other value.
 */
DDBGT_API int ddbgt_table_set_billing_mode(ddbgt_table *table, ddbgt_billing_mode mode);
/* PAY_PER_REQUEST unless set. */
DDBGT_API ddbgt_billing_mode ddbgt_table_billing_mode(const ddbgt_table *table);

/* Keys. The sort key is optional: ddbgt_table_set_sort_key(t, NULL, 0) removes it. */
DDBGT_API int ddbgt_table_set_partition_key(ddbgt_table *table, const char *name, ddbgt_attr_type type);
DDBGT_API const char *ddbgt_table_partition_key_name(const ddbgt_table *table);
DDBGT_API ddbgt_attr_type ddbgt_table_partition_key_type(const ddbgt_table *table);
DDBGT_API int ddbgt_table_set_sort_key(ddbgt_table *table, const char *name, ddbgt_attr_type type);
DDBGT_API const char *ddbgt_table_sort_key_name(const ddbgt_table *table);
DDBGT_API ddbgt_attr_type ddbgt_table_sort_key_type(const ddbgt_table *table);

/*
 * Attribute definitions of index keys, in the order added. A name may be
 * added twice: the validator reports it.
 */
DDBGT_API int ddbgt_table_add_attribute(ddbgt_table *table, const char *name, ddbgt_attr_type type);
/* Remove every definition of name; DDBGT_ENOTFOUND if there is none. */
DDBGT_API int ddbgt_table_remove_attribute(ddbgt_table *table, const char *name);
DDBGT_API size_t ddbgt_table_attribute_count(const ddbgt_table *table);
DDBGT_API const char *ddbgt_table_attribute_name(const ddbgt_table *table, size_t i);
DDBGT_API ddbgt_attr_type ddbgt_table_attribute_type(const ddbgt_table *table, size_t i);
/* The type of an attribute by name: the table keys first, then the definitions; UNSET if unknown. */
DDBGT_API ddbgt_attr_type ddbgt_table_find_attribute_type(const ddbgt_table *table, const char *name);

/*
 * Provisioned capacity of the table: units and target-tracking autoscaling,
 * each for DDBGT_READ or DDBGT_WRITE. The getters return DDBGT_ENOTFOUND when
 * the value is absent; out pointers may be NULL. The first setter of either
 * side allocates the table's capacity settings: DDBGT_ENOMEM leaves the
 * table unchanged.
 */
DDBGT_API int ddbgt_table_set_capacity(ddbgt_table *table, ddbgt_rw rw, int64_t units);
DDBGT_API int ddbgt_table_get_capacity(const ddbgt_table *table, ddbgt_rw rw, int64_t *units);
DDBGT_API int ddbgt_table_clear_capacity(ddbgt_table *table, ddbgt_rw rw);
DDBGT_API int ddbgt_table_set_autoscaling(ddbgt_table *table, ddbgt_rw rw,
                                          int64_t min, int64_t max, double target_utilization);
DDBGT_API int ddbgt_table_get_autoscaling(const ddbgt_table *table, ddbgt_rw rw,
                                          int64_t *min, int64_t *max, double *target_utilization);
DDBGT_API int ddbgt_table_clear_autoscaling(ddbgt_table *table, ddbgt_rw rw);

/* On-demand maximum throughput (max_read / max_write request units). */
DDBGT_API int ddbgt_table_set_on_demand_max(ddbgt_table *table, ddbgt_rw rw, int64_t units);
DDBGT_API int ddbgt_table_get_on_demand_max(const ddbgt_table *table, ddbgt_rw rw, int64_t *units);
DDBGT_API int ddbgt_table_clear_on_demand_max(ddbgt_table *table, ddbgt_rw rw);
/*
 * The target-tracking tuning of one side's autoscaling (spec scale_in_cooldown,
 * scale_out_cooldown, disable_scale_in): cooldowns in seconds, -1 for not
 * given; disable_scale_in 0, 1 or DDBGT_INHERIT for not given. Set it after
 * the autoscaling it tunes: DDBGT_ENOTFOUND when there is none (setting the
 * autoscaling again keeps the tuning, clearing it drops it). DDBGT_EINVAL
 * for a cooldown below -1. The getter gives -1 / DDBGT_INHERIT for what was
 * not given.
 */
DDBGT_API int ddbgt_table_set_autoscaling_tuning(ddbgt_table *table, ddbgt_rw rw,
                                                 int64_t scale_in_cooldown,
                                                 int64_t scale_out_cooldown,
                                                 int disable_scale_in);
DDBGT_API int ddbgt_table_get_autoscaling_tuning(const ddbgt_table *table, ddbgt_rw rw,
                                                 int64_t *scale_in_cooldown,
                                                 int64_t *scale_out_cooldown,
                                                 int *disable_scale_in);
/*
 * Warm throughput (spec warm_throughput: read_units_per_second,
 * write_units_per_second): the reads and writes per second the table is
 * prepared to serve at once. Stored as given; the validator checks it (at
 * least 1; on-demand tables start at 12,000 reads and 4,000 writes, and AWS
 * only ever raises it). The get call returns DDBGT_ENOTFOUND when unset.
 */
DDBGT_API int ddbgt_table_set_warm_throughput(ddbgt_table *table, ddbgt_rw rw,
                                              int64_t units_per_second);
DDBGT_API int ddbgt_table_get_warm_throughput(const ddbgt_table *table, ddbgt_rw rw,
                                              int64_t *units_per_second);
DDBGT_API int ddbgt_table_clear_warm_throughput(ddbgt_table *table, ddbgt_rw rw);

/*
 * Streams. view may be DDBGT_STREAM_VIEW_UNSET (an enabled stream without a
 * view type is stored, and reported by the validator). When never set, the
 * effective stream is enabled with NEW_AND_OLD_IMAGES on a table with two or
 * more replicas, and disabled otherwise. ddbgt_table_clear_stream returns to
 * that default.
 */
DDBGT_API int ddbgt_table_set_stream(ddbgt_table *table, int enabled, ddbgt_stream_view view);
DDBGT_API int ddbgt_table_clear_stream(ddbgt_table *table);
DDBGT_API int ddbgt_table_stream_is_set(const ddbgt_table *table);
DDBGT_API int ddbgt_table_stream_enabled(const ddbgt_table *table);
DDBGT_API ddbgt_stream_view ddbgt_table_stream_view(const ddbgt_table *table);

/* AWS_OWNED unless set. */
DDBGT_API int ddbgt_table_set_encryption(ddbgt_table *table, ddbgt_encryption encryption);
DDBGT_API ddbgt_encryption ddbgt_table_encryption(const ddbgt_table *table);

/* NULL removes the TTL attribute; "" is stored (and reported by the validator). */
DDBGT_API int ddbgt_table_set_ttl_attribute(ddbgt_table *table, const char *name);
DDBGT_API const char *ddbgt_table_ttl_attribute(const ddbgt_table *table);

/* STANDARD unless set; the default of every replica. */
DDBGT_API int ddbgt_table_set_table_class(ddbgt_table *table, ddbgt_table_class table_class);
DDBGT_API ddbgt_table_class ddbgt_table_table_class(const ddbgt_table *table);

/*
 * Point-in-time recovery, the default of every replica. The recovery period
 * (days) is optional: ddbgt_table_get_pitr_period gives DDBGT_ENOTFOUND when
 * it was not set (AWS then keeps 35 days).
 */
DDBGT_API int ddbgt_table_set_pitr(ddbgt_table *table, int enabled);
DDBGT_API int ddbgt_table_pitr_enabled(const ddbgt_table *table);
DDBGT_API int ddbgt_table_set_pitr_period(ddbgt_table *table, int64_t days);
DDBGT_API int ddbgt_table_get_pitr_period(const ddbgt_table *table, int64_t *days);
DDBGT_API int ddbgt_table_clear_pitr_period(ddbgt_table *table);

/* Deletion protection, the default of every replica; off unless set. */
DDBGT_API int ddbgt_table_set_deletion_protection(ddbgt_table *table, int enabled);
DDBGT_API int ddbgt_table_deletion_protection(const ddbgt_table *table);

/* EVENTUAL unless set. STRONG is multi-Region strong consistency. */
DDBGT_API int ddbgt_table_set_consistency(ddbgt_table *table, ddbgt_consistency consistency);
DDBGT_API ddbgt_consistency ddbgt_table_consistency(const ddbgt_table *table);

/* The witness region of a STRONG table; NULL removes it. */
DDBGT_API int ddbgt_table_set_witness_region(ddbgt_table *table, const char *region);
DDBGT_API const char *ddbgt_table_witness_region(const ddbgt_table *table);

/* A version 2017.11.29 global table (existing estates only). */
DDBGT_API int ddbgt_table_set_legacy_version(ddbgt_table *table, int legacy);
DDBGT_API int ddbgt_table_legacy_version(const ddbgt_table *table);
/* The table exists in AWS already and the spec describes it for import. */
DDBGT_API int ddbgt_table_set_adopt_existing(ddbgt_table *table, int adopt);
DDBGT_API int ddbgt_table_adopt_existing(const ddbgt_table *table);

/*
 * Tags applied to every replica. Kept sorted by key (byte order); setting an
 * existing key replaces its value.
 */
DDBGT_API int ddbgt_table_set_tag(ddbgt_table *table, const char *key, const char *value);
DDBGT_API int ddbgt_table_remove_tag(ddbgt_table *table, const char *key);
/* NULL when the key is absent. */
DDBGT_API const char *ddbgt_table_tag(const ddbgt_table *table, const char *key);
DDBGT_API size_t ddbgt_table_tag_count(const ddbgt_table *table);
DDBGT_API const char *ddbgt_table_tag_key(const ddbgt_table *table, size_t i);
DDBGT_API const char *ddbgt_table_tag_value(const ddbgt_table *table, size_t i);

/*
 * Replicas, in the order added (the first is the primary unless roles say
 * otherwise). On success the table owns the replica and frees it; on failure
 * the caller keeps it. DDBGT_EBUSY if it already belongs to a table. Two
 * replicas may name one region: the validator reports it.
 *
 * Children follow their table's constness: a const table gives const
 * replicas, indexes, policy and usage profile; the _mut form of each getter
 * takes a table the caller may change and returns a child the caller may
 * change, with the same lookup.
 */
DDBGT_API int ddbgt_table_add_replica(ddbgt_table *table, ddbgt_replica *replica);
DDBGT_API size_t ddbgt_table_replica_count(const ddbgt_table *table);
DDBGT_API const ddbgt_replica *ddbgt_table_replica_at(const ddbgt_table *table, size_t i);
DDBGT_API ddbgt_replica *ddbgt_table_replica_at_mut(ddbgt_table *table, size_t i);
/* The first replica in region, or NULL. */
DDBGT_API const ddbgt_replica *ddbgt_table_find_replica(const ddbgt_table *table,
                                                        const char *region);
DDBGT_API ddbgt_replica *ddbgt_table_find_replica_mut(ddbgt_table *table, const char *region);
/* Remove and free the first replica in region; DDBGT_ENOTFOUND if none. */
DDBGT_API int ddbgt_table_remove_replica(ddbgt_table *table, const char *region);
/* The replica with the primary role (explicit, else the first); NULL if none. */
DDBGT_API const ddbgt_replica *ddbgt_table_primary_replica(const ddbgt_table *table);
DDBGT_API ddbgt_replica *ddbgt_table_primary_replica_mut(ddbgt_table *table);

/* Global secondary indexes, same ownership rules as replicas. */
DDBGT_API int ddbgt_table_add_gsi(ddbgt_table *table, ddbgt_gsi *gsi);
DDBGT_API size_t ddbgt_table_gsi_count(const ddbgt_table *table);
DDBGT_API const ddbgt_gsi *ddbgt_table_gsi_at(const ddbgt_table *table, size_t i);
DDBGT_API ddbgt_gsi *ddbgt_table_gsi_at_mut(ddbgt_table *table, size_t i);
DDBGT_API const ddbgt_gsi *ddbgt_table_find_gsi(const ddbgt_table *table, const char *name);
DDBGT_API ddbgt_gsi *ddbgt_table_find_gsi_mut(ddbgt_table *table, const char *name);
DDBGT_API int ddbgt_table_remove_gsi(ddbgt_table *table, const char *name);

/* Local secondary indexes, same ownership rules as replicas. */
DDBGT_API int ddbgt_table_add_lsi(ddbgt_table *table, ddbgt_lsi *lsi);
DDBGT_API size_t ddbgt_table_lsi_count(const ddbgt_table *table);
DDBGT_API const ddbgt_lsi *ddbgt_table_lsi_at(const ddbgt_table *table, size_t i);
DDBGT_API ddbgt_lsi *ddbgt_table_lsi_at_mut(ddbgt_table *table, size_t i);
DDBGT_API const ddbgt_lsi *ddbgt_table_find_lsi(const ddbgt_table *table, const char *name);
DDBGT_API ddbgt_lsi *ddbgt_table_find_lsi_mut(ddbgt_table *table, const char *name);
DDBGT_API int ddbgt_table_remove_lsi(ddbgt_table *table, const char *name);

/*
 * The table's policy and usage profile: always present, owned by the table
 * (ddbgt_policy_free/ddbgt_usage_free on them do nothing).
 */
DDBGT_API const ddbgt_policy *ddbgt_table_policy(const ddbgt_table *table);
DDBGT_API ddbgt_policy *ddbgt_table_policy_mut(ddbgt_table *table);
DDBGT_API const ddbgt_usage *ddbgt_table_usage(const ddbgt_table *table);
DDBGT_API ddbgt_usage *ddbgt_table_usage_mut(ddbgt_table *table);
/* Replace the table's policy or usage with a deep copy of src. */
DDBGT_API int ddbgt_table_set_policy(ddbgt_table *table, const ddbgt_policy *src);
DDBGT_API int ddbgt_table_set_usage(ddbgt_table *table, const ddbgt_usage *src);

#ifdef __cplusplus
}
#endif

#endif
