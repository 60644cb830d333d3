/* Internal: what the topology, strategy, feature and routing helpers share. */
#ifndef DDBGT_LIB_HELPERS_INTERNAL_H
#define DDBGT_LIB_HELPERS_INTERNAL_H

#include <jansson.h>

#include "ddbgt/strategy.h"

/* Region order of a table: the primary's index first, then the others in spec order. */
int ddbgt__replica_order(const ddbgt_table *table, size_t **order_out, size_t *count_out);
/* The effective role of a replica as a member role. */
ddbgt_member_role ddbgt__member_role(const ddbgt_table *table, size_t spec_index);
/* The catalogue's geography of a region; NULL when the region is unknown. */
const char *ddbgt__region_geography(const char *code);
/* The partition of a region: the catalogue's, else guessed from the code's prefix. */
const char *ddbgt__region_partition(const char *code);
/* Great-circle distance in km between two catalogue regions; -1 if either is unknown. */
double ddbgt__region_distance_km(const char *a, const char *b);
/*
 * Serialise root (taking its reference) as 2-space indented JSON with a
 * final newline, into a string of the library allocator. NULL root: ENOMEM.
 */
int ddbgt__helpers_json_dump(char **out, json_t *root);
/* json_string, or json_null for NULL. */
json_t *ddbgt__json_string_or_null(const char *s);

#endif
