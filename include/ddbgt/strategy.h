/*
 * libddbgt: helpers that read a table and describe it.
 *
 *   topology  - the regions in order (primary first, witness last) with roles
 *   strategy  - which multi-region strategy the table implements, why, and
 *               its disaster recovery profile (RPO/RTO class)
 *   features  - streams, encryption, PITR, deletion protection, TTL,
 *               autoscaling, Standard-IA, indexes: as flags and as JSON
 *   routing   - per region, what an application needs to route to it:
 *               endpoint, table and stream ARN patterns, role, failover order
 *
 * Each is an opaque result object computed once from a table and then
 * independent of it (it copies what it needs): free it with its _free.
 * Strings returned by accessors belong to the object; the _to_json
 * functions return a string the caller frees with ddbgt_free. Accessors
 * return NULL / 0 / UNSET for NULL objects and indexes out of range.
 *
 * The helpers describe; they do not judge. A table the validator rejects
 * still gets an answer (the validator says what is wrong with it).
 */
#ifndef DDBGT_STRATEGY_H
#define DDBGT_STRATEGY_H

#include "common.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The part a region plays. 1-3 have the values of ddbgt_role. */
typedef enum ddbgt_member_role {
	DDBGT_MEMBER_NONE = 0,
	DDBGT_MEMBER_PRIMARY = 1,
	DDBGT_MEMBER_SECONDARY = 2,
	DDBGT_MEMBER_STANDBY = 3,
	DDBGT_MEMBER_WITNESS = 4 /* multi-Region strong consistency: holds no readable table */
} ddbgt_member_role;

/* "primary", "secondary", "standby", "witness"; NULL otherwise. */
DDBGT_API const char *ddbgt_member_role_name(ddbgt_member_role role);

/* ---- topology: region count and enumeration -------------------------- */

typedef struct ddbgt_topology ddbgt_topology;

/*
 * The topology of table into *out, which the caller frees with
 * ddbgt_topology_free (NULL-safe). DDBGT_EINVAL for NULL arguments,
 * DDBGT_ENOMEM.
 */
DDBGT_API int ddbgt_topology_new(ddbgt_topology **out, const ddbgt_table *table);
DDBGT_API void ddbgt_topology_free(ddbgt_topology *topology);
/* Every region of the table: replicas and the witness. */
DDBGT_API size_t ddbgt_topology_region_count(const ddbgt_topology *topology);
/* Replicas only (the witness holds no table). */
DDBGT_API size_t ddbgt_topology_replica_count(const ddbgt_topology *topology);
/* The i-th region: the primary first, other replicas in spec order, the witness last. */
DDBGT_API const char *ddbgt_topology_region_at(const ddbgt_topology *topology, size_t i);
DDBGT_API ddbgt_member_role ddbgt_topology_role_at(const ddbgt_topology *topology, size_t i);
/* The replica's index in the spec (for "/replicas/N" paths); -1 for the witness or out of range. */
DDBGT_API int64_t ddbgt_topology_spec_index_at(const ddbgt_topology *topology, size_t i);
/* The effective table class of the replica; UNSET for the witness. */
DDBGT_API ddbgt_table_class ddbgt_topology_table_class_at(const ddbgt_topology *topology,
                                                          size_t i);
/* The region catalogue's geography of the region; NULL when the region is not in it. */
DDBGT_API const char *ddbgt_topology_geography_at(const ddbgt_topology *topology, size_t i);
/*
 * {"region_count": n, "replica_count": n, "regions": [{"region", "role",
 * "table_class", "geography"}...]}, 2-space indent, final newline. Caller frees.
 */
DDBGT_API int ddbgt_topology_to_json(char **out, const ddbgt_topology *topology);

/* ---- strategy identification ----------------------------------------- */

typedef enum ddbgt_strategy_kind {
	DDBGT_STRATEGY_NONE = 0,                 /* no replica at all */
	DDBGT_STRATEGY_SINGLE_REGION = 1,
	DDBGT_STRATEGY_ACTIVE_ACTIVE = 2,
	DDBGT_STRATEGY_GEO_DISTRIBUTED = 3,
	DDBGT_STRATEGY_PRIMARY_STANDBY_WARM = 4,
	DDBGT_STRATEGY_PRIMARY_STANDBY_COLD = 5,
	DDBGT_STRATEGY_STRONG_CONSISTENCY = 6
} ddbgt_strategy_kind;

typedef struct ddbgt_strategy ddbgt_strategy;

/*
 * Identify the strategy of table. The rules, first match wins:
 *  - no replica: NONE; one replica: SINGLE_REGION;
 *  - consistency STRONG: STRONG_CONSISTENCY;
 *  - every replica but the primary is a standby (role standby, or no
 *    traffic in a usage profile that has some): PRIMARY_STANDBY, COLD when
 *    a standby is Standard-IA or can read at most half the primary's
 *    provisioned read capacity, WARM otherwise;
 *  - the serving replicas lie in two or more geographies of the region
 *    catalogue: GEO_DISTRIBUTED; else ACTIVE_ACTIVE.
 */
DDBGT_API int ddbgt_strategy_identify(ddbgt_strategy **out, const ddbgt_table *table);
DDBGT_API void ddbgt_strategy_free(ddbgt_strategy *strategy);
/* The pattern identified; DDBGT_STRATEGY_NONE for a NULL strategy. */
DDBGT_API ddbgt_strategy_kind ddbgt_strategy_pattern(const ddbgt_strategy *strategy);
/* "active-active", "primary-standby-cold", ...; NULL for an unknown kind. */
DDBGT_API const char *ddbgt_strategy_kind_name(ddbgt_strategy_kind kind);
/* One sentence for a person. */
DDBGT_API const char *ddbgt_strategy_summary(const ddbgt_strategy *strategy);
/* The facts that led to the answer, e.g. "standby in eu-west-1: Standard-IA". */
DDBGT_API size_t ddbgt_strategy_reason_count(const ddbgt_strategy *strategy);
DDBGT_API const char *ddbgt_strategy_reason_at(const ddbgt_strategy *strategy, size_t i);
/*
 * The disaster recovery profile, as AWS classes it: the DR strategy
 * ("multi-site active/active", "warm standby", "pilot light", "backup and
 * restore"), the RPO and RTO classes, and the documents they come from.
 */
DDBGT_API const char *ddbgt_strategy_dr_class(const ddbgt_strategy *strategy);
DDBGT_API const char *ddbgt_strategy_rpo(const ddbgt_strategy *strategy);
DDBGT_API const char *ddbgt_strategy_rto(const ddbgt_strategy *strategy);
DDBGT_API const char *ddbgt_strategy_dr_source(const ddbgt_strategy *strategy);
/*
 * {"strategy", "summary", "reasons": [...], "disaster_recovery": {"class",
 * "rpo", "rto", "source"}}, 2-space indent, final newline. Caller frees.
 */
DDBGT_API int ddbgt_strategy_to_json(char **out, const ddbgt_strategy *strategy);

/* ---- feature detection ----------------------------------------------- */

/* One bit per feature; ddbgt_features_flags() ORs those present. Append-only. */
typedef enum ddbgt_feature {
	DDBGT_FEATURE_STREAM = 1 << 0,                  /* a stream is enabled */
	DDBGT_FEATURE_KMS_ENCRYPTION = 1 << 1,          /* AWS managed or customer managed key */
	DDBGT_FEATURE_CUSTOMER_MANAGED_KEY = 1 << 2,
	DDBGT_FEATURE_PITR_ALL = 1 << 3,                /* PITR on every replica */
	DDBGT_FEATURE_PITR_SOME = 1 << 4,               /* on some replicas, not all */
	DDBGT_FEATURE_DELETION_PROTECTION_ALL = 1 << 5,
	DDBGT_FEATURE_DELETION_PROTECTION_SOME = 1 << 6,
	DDBGT_FEATURE_TTL = 1 << 7,
	DDBGT_FEATURE_AUTOSCALING = 1 << 8,             /* on the table, a GSI or a replica */
	DDBGT_FEATURE_STANDARD_IA = 1 << 9,             /* some replica is Standard-IA */
	DDBGT_FEATURE_GSI = 1 << 10,
	DDBGT_FEATURE_LSI = 1 << 11,
	DDBGT_FEATURE_STRONG_CONSISTENCY = 1 << 12,
	DDBGT_FEATURE_WITNESS = 1 << 13,
	DDBGT_FEATURE_PROVISIONED = 1 << 14,
	DDBGT_FEATURE_ON_DEMAND_MAX = 1 << 15,          /* an on-demand throughput ceiling */
	DDBGT_FEATURE_CONTRIBUTOR_INSIGHTS = 1 << 16    /* on some replica */
} ddbgt_feature;

/* How many replicas have a per-replica setting. */
typedef enum ddbgt_coverage {
	DDBGT_COVERAGE_NONE = 0,
	DDBGT_COVERAGE_SOME = 1,
	DDBGT_COVERAGE_ALL = 2
} ddbgt_coverage;

/* "stream", "kms_encryption", ... (the JSON key); NULL for anything but one known bit. */
DDBGT_API const char *ddbgt_feature_name(ddbgt_feature feature);
/* "none", "some", "all"; NULL otherwise. */
DDBGT_API const char *ddbgt_coverage_name(ddbgt_coverage coverage);

typedef struct ddbgt_features ddbgt_features;

/*
 * The features of table into *out, which the caller frees with
 * ddbgt_features_free (NULL-safe). ddbgt_features_flags ORs the
 * DDBGT_FEATURE_* bits present (0 for NULL). DDBGT_EINVAL for NULL
 * arguments, DDBGT_ENOMEM.
 */
DDBGT_API int ddbgt_features_detect(ddbgt_features **out, const ddbgt_table *table);
DDBGT_API void ddbgt_features_free(ddbgt_features *features);
DDBGT_API unsigned ddbgt_features_flags(const ddbgt_features *features);
/* 1 when every bit of feature is present. */
DDBGT_API int ddbgt_features_has(const ddbgt_features *features, unsigned feature);
/* The effective stream view; UNSET when no stream is enabled. */
DDBGT_API ddbgt_stream_view ddbgt_features_stream_view(const ddbgt_features *features);
DDBGT_API ddbgt_encryption ddbgt_features_encryption(const ddbgt_features *features);
DDBGT_API ddbgt_coverage ddbgt_features_pitr(const ddbgt_features *features);
DDBGT_API ddbgt_coverage ddbgt_features_deletion_protection(const ddbgt_features *features);
DDBGT_API ddbgt_coverage ddbgt_features_standard_ia(const ddbgt_features *features);
DDBGT_API size_t ddbgt_features_gsi_count(const ddbgt_features *features);
DDBGT_API size_t ddbgt_features_lsi_count(const ddbgt_features *features);
/* The TTL attribute, or NULL. */
DDBGT_API const char *ddbgt_features_ttl_attribute(const ddbgt_features *features);
/*
 * {"flags": [names...], "stream": {"enabled", "view_type"}, "encryption",
 * "point_in_time_recovery", "deletion_protection", "standard_ia" (coverage
 * names), "ttl_attribute", "autoscaling", "gsi_count", "lsi_count", ...},
 * 2-space indent, final newline. Caller frees.
 */
DDBGT_API int ddbgt_features_to_json(char **out, const ddbgt_features *features);

/* ---- routing metadata ------------------------------------------------- */

typedef struct ddbgt_routing ddbgt_routing;

/*
 * Per replica, in failover order: the primary, then serving secondaries,
 * then standbys, each group nearest to the primary first (regions missing
 * from the catalogue last, in spec order). The witness is not routable and
 * is only named by ddbgt_routing_witness.
 */
DDBGT_API int ddbgt_routing_new(ddbgt_routing **out, const ddbgt_table *table);
DDBGT_API void ddbgt_routing_free(ddbgt_routing *routing);
DDBGT_API size_t ddbgt_routing_count(const ddbgt_routing *routing);
DDBGT_API const char *ddbgt_routing_region_at(const ddbgt_routing *routing, size_t i);
DDBGT_API ddbgt_member_role ddbgt_routing_role_at(const ddbgt_routing *routing, size_t i);
/* 1 when the replica serves traffic in normal operation, 0 for a standby. */
DDBGT_API int ddbgt_routing_serves_traffic_at(const ddbgt_routing *routing, size_t i);
/* "aws", "aws-cn", "aws-us-gov", ... */
DDBGT_API const char *ddbgt_routing_partition_at(const ddbgt_routing *routing, size_t i);
/* "https://dynamodb.eu-west-1.amazonaws.com"; NULL for partitions without a public endpoint rule. */
DDBGT_API const char *ddbgt_routing_endpoint_at(const ddbgt_routing *routing, size_t i);
/* "arn:aws:dynamodb:eu-west-1:${AccountId}:table/Orders" */
DDBGT_API const char *ddbgt_routing_table_arn_at(const ddbgt_routing *routing, size_t i);
/* The table ARN + "/stream/${StreamLabel}"; NULL when no stream is enabled. */
DDBGT_API const char *ddbgt_routing_stream_arn_at(const ddbgt_routing *routing, size_t i);
/* Great-circle km from the primary; 0 for the primary, -1 when unknown. */
DDBGT_API double ddbgt_routing_distance_km_at(const ddbgt_routing *routing, size_t i);
/* The witness region, or NULL. */
DDBGT_API const char *ddbgt_routing_witness(const ddbgt_routing *routing);
/*
 * {"table", "consistency", "witness", "failover_order": [regions],
 * "regions": [{"region", "role", "failover_rank", "serves_traffic",
 * "partition", "endpoint", "table_arn", "stream_arn",
 * "distance_km_from_primary"}...]}, 2-space indent, final newline.
 * Caller frees.
 */
DDBGT_API int ddbgt_routing_to_json(char **out, const ddbgt_routing *routing);

#ifdef __cplusplus
}
#endif

#endif
