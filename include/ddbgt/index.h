/*
 * libddbgt: global and local secondary indexes.
 *
 * Index keys are attribute names; their types come from the table's keys,
 * its attribute definitions (ddbgt_table_add_attribute) or an index key that
 * gives its type (the _typed setters), as in DynamoDB and CDK.
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
/*
 * The partition or sort key written as an object {"name", "type"}: the key
 * also defines its attribute's type, as CDK's index keys do. type
 * DDBGT_ATTR_UNSET is the plain name (same as the setters above); an
 * attribute name NULL removes the sort key. DDBGT_EINVAL for a type outside
 * ddbgt_attr_type. The single-key getters above return NULL for a key
 * written as a list (ddbgt_gsi_add_partition_key_attribute).
 */
DDBGT_API int ddbgt_gsi_set_partition_key_typed(ddbgt_gsi *gsi, const char *attribute,
                                                ddbgt_attr_type type);
DDBGT_API int ddbgt_gsi_set_sort_key_typed(ddbgt_gsi *gsi, const char *attribute,
                                           ddbgt_attr_type type);
/*
 * Multi-attribute keys (spec partition_keys and sort_keys): append one
 * attribute, typed or DDBGT_ATTR_UNSET, to the key's list. The first call on
 * a key written as a single attribute replaces it with a new list; setting
 * the single key again replaces the list. DynamoDB takes 1-4 partition and
 * 0-4 sort key attributes (the validator checks; the list may hold more).
 */
DDBGT_API int ddbgt_gsi_add_partition_key_attribute(ddbgt_gsi *gsi, const char *attribute,
                                                    ddbgt_attr_type type);
DDBGT_API int ddbgt_gsi_add_sort_key_attribute(ddbgt_gsi *gsi, const char *attribute,
                                               ddbgt_attr_type type);
/*
 * The attributes of the partition key in either form (a single key counts
 * 1), by index: name NULL and type DDBGT_ATTR_UNSET out of range; the type
 * is the one the key gave, DDBGT_ATTR_UNSET for a plain name.
 */
DDBGT_API size_t ddbgt_gsi_partition_key_attribute_count(const ddbgt_gsi *gsi);
DDBGT_API const char *ddbgt_gsi_partition_key_attribute_name(const ddbgt_gsi *gsi, size_t i);
DDBGT_API ddbgt_attr_type ddbgt_gsi_partition_key_attribute_type(const ddbgt_gsi *gsi, size_t i);
/* 1 when the partition key is written as a list (partition_keys), else 0. */
DDBGT_API int ddbgt_gsi_partition_key_is_multi_attribute(const ddbgt_gsi *gsi);
/* The attributes of the sort key, as for the partition key. */
DDBGT_API size_t ddbgt_gsi_sort_key_attribute_count(const ddbgt_gsi *gsi);
DDBGT_API const char *ddbgt_gsi_sort_key_attribute_name(const ddbgt_gsi *gsi, size_t i);
DDBGT_API ddbgt_attr_type ddbgt_gsi_sort_key_attribute_type(const ddbgt_gsi *gsi, size_t i);
/* 1 when the sort key is written as a list (sort_keys), else 0. */
DDBGT_API int ddbgt_gsi_sort_key_is_multi_attribute(const ddbgt_gsi *gsi);

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
/* Autoscaling tuning of the index, as for the table (ddbgt_table_set_autoscaling_tuning). */
DDBGT_API int ddbgt_gsi_set_autoscaling_tuning(ddbgt_gsi *gsi, ddbgt_rw rw,
                                               int64_t scale_in_cooldown,
                                               int64_t scale_out_cooldown, int disable_scale_in);
DDBGT_API int ddbgt_gsi_get_autoscaling_tuning(const ddbgt_gsi *gsi, ddbgt_rw rw,
                                               int64_t *scale_in_cooldown,
                                               int64_t *scale_out_cooldown,
                                               int *disable_scale_in);
/* Warm throughput of the index, as for the table (ddbgt_table_set_warm_throughput). */
DDBGT_API int ddbgt_gsi_set_warm_throughput(ddbgt_gsi *gsi, ddbgt_rw rw, int64_t units_per_second);
DDBGT_API int ddbgt_gsi_get_warm_throughput(const ddbgt_gsi *gsi, ddbgt_rw rw,
                                            int64_t *units_per_second);
DDBGT_API int ddbgt_gsi_clear_warm_throughput(ddbgt_gsi *gsi, ddbgt_rw rw);

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
/*
 * The sort key written as an object {"name", "type"}, which also defines the
 * attribute's type; DDBGT_ATTR_UNSET is the plain name, NULL removes it.
 * The type getter returns the type the key gave, DDBGT_ATTR_UNSET for none.
 */
DDBGT_API int ddbgt_lsi_set_sort_key_typed(ddbgt_lsi *lsi, const char *attribute,
                                           ddbgt_attr_type type);
DDBGT_API ddbgt_attr_type ddbgt_lsi_sort_key_type(const ddbgt_lsi *lsi);
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
