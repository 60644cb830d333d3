/*
 * libddbgt -- the region catalogue and region selection.
 *
 * The catalogue is a table compiled into the library: every AWS Region in which a
 * DynamoDB global table can have a replica, with its partition, geography, data-residency
 * jurisdiction, multi-Region strong consistency set and coordinates. Entries are static:
 * a `const ddbgt_region *` is valid for the life of the process and is never freed.
 * doc/regions.md describes every field and names its sources.
 *
 * Region selection proposes the catalogue regions nearest to a set of weighted user
 * locations under constraints; see ddbgt_region_query_new() below.
 */
#ifndef DDBGT_REGION_H
#define DDBGT_REGION_H

#include <stddef.h>

#include "ddbgt/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One catalogue entry (opaque, static, never freed). */
typedef struct ddbgt_region ddbgt_region;

/* ---- The catalogue ------------------------------------------------------------------ */

/* Number of regions in the catalogue. */
DDBGT_API size_t ddbgt_region_count(void);

/* Entry i, 0 <= i < ddbgt_region_count(), or NULL out of range. The order is stable
 * within a release and is the tie-breaking order of region selection. */
DDBGT_API const ddbgt_region *ddbgt_region_at(size_t i);

/* The entry whose code is exactly `code` ("eu-west-1"), or NULL if unknown or NULL. */
DDBGT_API const ddbgt_region *ddbgt_region_find(const char *code);

/* 1 if `code` has the shape of a region code of some AWS partition (the partitions'
 * region regexes, e.g. ^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$ for "aws"), else 0.
 * A well-formed code need not be in the catalogue. */
DDBGT_API int ddbgt_region_code_is_wellformed(const char *code);

/* The partition ("aws", "aws-cn", "aws-us-gov", "aws-eusc", "aws-iso", "aws-iso-b",
 * "aws-iso-e", "aws-iso-f") whose region regex `code` matches, or NULL if none does.
 * Static string. Works for codes that are not in the catalogue. */
DDBGT_API const char *ddbgt_region_code_partition(const char *code);

/* Field getters. Strings are static; every getter returns NULL (or 0) for a NULL entry. */
DDBGT_API const char *ddbgt_region_code(const ddbgt_region *r);
/* Display name as AWS spells it, e.g. "Europe (Ireland)". */
DDBGT_API const char *ddbgt_region_name(const ddbgt_region *r);
/* The city whose coordinates the entry carries (doc/regions.md says how it was chosen). */
DDBGT_API const char *ddbgt_region_city(const ddbgt_region *r);
DDBGT_API const char *ddbgt_region_partition(const ddbgt_region *r);
/* Continent-level area: "US", "CA", "MX", "SA", "EU", "AF", "IL", "ME", "AP" or "CN". */
DDBGT_API const char *ddbgt_region_geography(const ddbgt_region *r);
/* Data-residency jurisdiction: "EU" for EU member states, "UK", otherwise the country's
 * ISO 3166-1 alpha-2 code ("US", "CH", "JP", ...). */
DDBGT_API const char *ddbgt_region_jurisdiction(const ddbgt_region *r);
/* ISO 3166-1 alpha-2 code of the country or territory ("IE", "GB", "HK", ...). */
DDBGT_API const char *ddbgt_region_country(const ddbgt_region *r);
/* Multi-Region strong consistency set "US", "EU" or "AP", or NULL if the region is in none. */
DDBGT_API const char *ddbgt_region_strong_consistency_set(const ddbgt_region *r);

/* 1 if `jurisdiction` names the region's jurisdiction or its country ("EU" and "IE" both
 * hold for eu-west-1, "UK" and "GB" for eu-west-2), else 0 (also for NULL arguments). */
DDBGT_API int ddbgt_region_in_jurisdiction(const ddbgt_region *r, const char *jurisdiction);

/* 1 if the region is disabled by default and must be enabled in the account. */
DDBGT_API int ddbgt_region_is_opt_in(const ddbgt_region *r);
/* 1 if legacy global tables (version 2017.11.29) were ever available there. */
DDBGT_API int ddbgt_region_supports_legacy(const ddbgt_region *r);
/* 1 if global-table support in the region is documented; 0 for the newest regions and
 * partitions where it is not yet verified. */
DDBGT_API int ddbgt_region_is_verified(const ddbgt_region *r);

/* Coordinates of the region's city in degrees (north and east positive); 0 for NULL. */
DDBGT_API double ddbgt_region_latitude(const ddbgt_region *r);
DDBGT_API double ddbgt_region_longitude(const ddbgt_region *r);

/* Great-circle distance in km between two regions' cities; -1 if either is NULL. */
DDBGT_API double ddbgt_region_distance_km(const ddbgt_region *a, const ddbgt_region *b);

/* The whole catalogue as a JSON array of objects, in catalogue order, 2-space indent,
 * final newline. The caller frees *out with ddbgt_free(). */
DDBGT_API int ddbgt_regions_to_json(char **out);

/* ---- Region selection ---------------------------------------------------------------- */

/* A selection request: weighted user locations, a region count and constraints. */
typedef struct ddbgt_region_query ddbgt_region_query;
/* The regions a query proposes, in the order they were picked. */
typedef struct ddbgt_region_selection ddbgt_region_selection;

/* A new empty query: no users, count unset, partition "aws", no other constraint, opt-in
 * and unverified regions excluded. Free with ddbgt_region_query_free(). */
DDBGT_API int ddbgt_region_query_new(ddbgt_region_query **out);
/* NULL-safe. */
DDBGT_API void ddbgt_region_query_free(ddbgt_region_query *q);

/* Users at (latitude, longitude) in degrees with a positive weight (e.g. their share of
 * traffic). DDBGT_EINVAL for coordinates out of range or a weight that is not > 0. */
DDBGT_API int ddbgt_region_query_add_location(ddbgt_region_query *q, double latitude,
                                              double longitude, double weight);
/* Users spread evenly over the catalogue regions of a geography ("EU", "US", ...) in the
 * query's partition, with a total weight. DDBGT_EINVAL for a geography no region has. */
DDBGT_API int ddbgt_region_query_add_geography(ddbgt_region_query *q, const char *geography,
                                               double weight);
/* How many regions to propose (required, >= 1). */
DDBGT_API int ddbgt_region_query_set_count(ddbgt_region_query *q, size_t count);
/* Propose only regions in one of the added jurisdictions (matched as by
 * ddbgt_region_in_jurisdiction). DDBGT_EINVAL for a code that no region matches. */
DDBGT_API int ddbgt_region_query_add_jurisdiction(ddbgt_region_query *q,
                                                  const char *jurisdiction);
/* Propose only added regions. DDBGT_EINVAL for a malformed code, DDBGT_ENOTFOUND for a
 * well-formed code that is not in the catalogue. */
DDBGT_API int ddbgt_region_query_add_allowed_region(ddbgt_region_query *q, const char *code);
/* Propose only regions of one strong consistency set ("US", "EU" or "AP"), and at most 3
 * of them; NULL removes the constraint. DDBGT_EINVAL for another name. */
DDBGT_API int ddbgt_region_query_set_strong_consistency_set(ddbgt_region_query *q,
                                                            const char *set);
/* The partition to choose from (default "aws"). DDBGT_EINVAL for a partition with no
 * region in the catalogue. */
DDBGT_API int ddbgt_region_query_set_partition(ddbgt_region_query *q, const char *partition);
/* Whether opt-in regions may be proposed (default 0). */
DDBGT_API int ddbgt_region_query_set_include_opt_in(ddbgt_region_query *q, int include);
/* Whether regions whose global-table support is not verified may be proposed (default 0). */
DDBGT_API int ddbgt_region_query_set_include_unverified(ddbgt_region_query *q, int include);

/* Why the last failed call on `q` failed, in one sentence; "" after a successful run or
 * when nothing failed. Owned by `q`, valid until the next call on it. NULL for NULL.
 * Always valid UTF-8: a quoted argument's bytes that are not are shown as '?'. */
DDBGT_API const char *ddbgt_region_query_message(const ddbgt_region_query *q);

/* Run the selection (doc/regions.md gives the algorithm; the result is deterministic).
 * DDBGT_EINVAL when the query has no users or no count; DDBGT_ENOTFOUND when no answer
 * satisfies the constraints: fewer candidate regions than the count, more than 3 regions
 * from a strong consistency set, or a geography with no region in the partition
 * (ddbgt_region_query_message() says which); DDBGT_ENOMEM. The query is not changed and
 * may be run again. */
DDBGT_API int ddbgt_region_query_run(ddbgt_region_selection **out, ddbgt_region_query *q);

/* NULL-safe. */
DDBGT_API void ddbgt_region_selection_free(ddbgt_region_selection *s);
/* Number of proposed regions (the query's count). 0 for NULL. */
DDBGT_API size_t ddbgt_region_selection_count(const ddbgt_region_selection *s);
/* The i-th proposed region, in pick order; NULL out of range. */
DDBGT_API const ddbgt_region *ddbgt_region_selection_at(const ddbgt_region_selection *s,
                                                        size_t i);
/* Weighted mean distance in km from the users the i-th region serves (those for which it is
 * the nearest proposed region) to it; 0 if it serves none, -1 out of range. */
DDBGT_API double ddbgt_region_selection_distance_km(const ddbgt_region_selection *s,
                                                    size_t i);
/* Share (0..1) of the total user weight the i-th region serves; -1 out of range. */
DDBGT_API double ddbgt_region_selection_weight(const ddbgt_region_selection *s, size_t i);
/* Weighted mean distance in km from every user to its nearest proposed region; -1 for NULL. */
DDBGT_API double ddbgt_region_selection_mean_distance_km(const ddbgt_region_selection *s);
/* The selection as a JSON object, 2-space indent, final newline; the caller frees *out
 * with ddbgt_free(). */
DDBGT_API int ddbgt_region_selection_to_json(char **out, const ddbgt_region_selection *s);

#ifdef __cplusplus
}
#endif

#endif /* DDBGT_REGION_H */
