/*
 * libddbgt: global and local secondary indexes.
 *
 * Index keys are attribute names; their types come from the table's keys or
 * its attribute definitions (ddbgt_table_add_attribute), as in DynamoDB.
 * Names and attribute names that are not valid UTF-8 are refused with
 * DDBGT_EINVAL, nothing changed (see table.h).
 */
#ifndef DDBGT_INDEX_H
#define DDBGT_INDEX_H

#include "common.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A new GSI named name (required). */
DDBGT_API int ddbgt_gsi_new(ddbgt_gsi **out, const char *name);
/* Free a GSI that belongs to no table; one owned by a table is left alone. */
DDBGT_API void ddbgt_gsi_free(ddbgt_gsi *gsi);
DDBGT_API int ddbgt_gsi_copy(ddbgt_gsi **out, const ddbgt_gsi *gsi);
DDBGT_API const ddbgt_table *ddbgt_gsi_table(const ddbgt_gsi *gsi);

/*
 * The index name (DDBGT_EINVAL for NULL), copied; the getter's string
 * belongs to the GSI. The validator checks the DynamoDB naming rules.
 */
DDBGT_API int ddbgt_gsi_set_name(ddbgt_gsi *gsi, const char *name);
DDBGT_API const char *ddbgt_gsi_name(const ddbgt_gsi *gsi);
/*
 * The partition key, an attribute name (DDBGT_EINVAL for NULL) whose type
 * comes from the table keys or ddbgt_table_add_attribute; copied.
 */
DDBGT_API int ddbgt_gsi_set_partition_key(ddbgt_gsi *gsi, const char *attribute);
DDBGT_API const char *ddbgt_gsi_partition_key(const ddbgt_gsi *gsi);
/* NULL removes the sort key. */
DDBGT_API int ddbgt_gsi_set_sort_key(ddbgt_gsi *gsi, const char *attribute);
DDBGT_API const char *ddbgt_gsi_sort_key(const ddbgt_gsi *gsi);

/* ALL unless set. */
DDBGT_API int ddbgt_gsi_set_projection(ddbgt_gsi *gsi, ddbgt_projection projection);
DDBGT_API ddbgt_projection ddbgt_gsi_projection(const ddbgt_gsi *gsi);
DDBGT_API int ddbgt_gsi_add_non_key_attribute(ddbgt_gsi *gsi, const char *attribute);
DDBGT_API int ddbgt_gsi_clear_non_key_attributes(ddbgt_gsi *gsi);
DDBGT_API size_t ddbgt_gsi_non_key_attribute_count(const ddbgt_gsi *gsi);
DDBGT_API const char *ddbgt_gsi_non_key_attribute_at(const ddbgt_gsi *gsi, size_t i);

/* Capacity, autoscaling and on-demand maximums, as for the table. */
DDBGT_API int ddbgt_gsi_set_capacity(ddbgt_gsi *gsi, ddbgt_rw rw, int64_t units);
DDBGT_API int ddbgt_gsi_get_capacity(const ddbgt_gsi *gsi, ddbgt_rw rw, int64_t *units);
DDBGT_API int ddbgt_gsi_clear_capacity(ddbgt_gsi *gsi, ddbgt_rw rw);
DDBGT_API int ddbgt_gsi_set_autoscaling(ddbgt_gsi *gsi, ddbgt_rw rw, int64_t min, int64_t max,
                                        double target_utilization);
DDBGT_API int ddbgt_gsi_get_autoscaling(const ddbgt_gsi *gsi, ddbgt_rw rw, int64_t *min,
                                        int64_t *max, double *target_utilization);
DDBGT_API int ddbgt_gsi_clear_autoscaling(ddbgt_gsi *gsi, ddbgt_rw rw);
DDBGT_API int ddbgt_gsi_set_on_demand_max(ddbgt_gsi *gsi, ddbgt_rw rw, int64_t units);
DDBGT_API int ddbgt_gsi_get_on_demand_max(const ddbgt_gsi *gsi, ddbgt_rw rw, int64_t *units);
DDBGT_API int ddbgt_gsi_clear_on_demand_max(ddbgt_gsi *gsi, ddbgt_rw rw);

/* A new LSI named name (required); its partition key is the table's. */
DDBGT_API int ddbgt_lsi_new(ddbgt_lsi **out, const char *name);
DDBGT_API void ddbgt_lsi_free(ddbgt_lsi *lsi);
DDBGT_API int ddbgt_lsi_copy(ddbgt_lsi **out, const ddbgt_lsi *lsi);
DDBGT_API const ddbgt_table *ddbgt_lsi_table(const ddbgt_lsi *lsi);

/*
 * The index name (DDBGT_EINVAL for NULL), copied; the getter's string
 * belongs to the LSI. The validator checks the DynamoDB naming rules.
 */
DDBGT_API int ddbgt_lsi_set_name(ddbgt_lsi *lsi, const char *name);
DDBGT_API const char *ddbgt_lsi_name(const ddbgt_lsi *lsi);
/* NULL removes the sort key (an LSI without one is reported by the validator). */
DDBGT_API int ddbgt_lsi_set_sort_key(ddbgt_lsi *lsi, const char *attribute);
DDBGT_API const char *ddbgt_lsi_sort_key(const ddbgt_lsi *lsi);
DDBGT_API int ddbgt_lsi_set_projection(ddbgt_lsi *lsi, ddbgt_projection projection);
DDBGT_API ddbgt_projection ddbgt_lsi_projection(const ddbgt_lsi *lsi);
DDBGT_API int ddbgt_lsi_add_non_key_attribute(ddbgt_lsi *lsi, const char *attribute);
DDBGT_API int ddbgt_lsi_clear_non_key_attributes(ddbgt_lsi *lsi);
DDBGT_API size_t ddbgt_lsi_non_key_attribute_count(const ddbgt_lsi *lsi);
DDBGT_API const char *ddbgt_lsi_non_key_attribute_at(const ddbgt_lsi *lsi, size_t i);

#ifdef __cplusplus
}
#endif

#endif
