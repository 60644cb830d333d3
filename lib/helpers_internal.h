/* Internal: what the topology, strategy, feature and routing helpers share. */
#ifndef DDBGT_LIB_HELPERS_INTERNAL_H
#define DDBGT_LIB_HELPERS_INTERNAL_H

#include "ddbgt/strategy.h"

/*
 * The replica that leads: the primary, or the first replica when no replica
 * can be the primary (every one has another explicit role). NULL without replicas.
 */
const ddbgt_replica *ddbgt__leader(const ddbgt_table *table);
/* Region order of a table: the primary's index first, then the others in spec order. */
int ddbgt__replica_order(const ddbgt_table *table, size_t **order_out, size_t *count_out);
/* The role of a replica as a member role: the leader is the primary. */
ddbgt_member_role ddbgt__member_role(const ddbgt_table *table, size_t spec_index);
/* The catalogue's geography of a region; NULL when the region is unknown. */
const char *ddbgt__region_geography(const char *code);
/* The partition of a region: the catalogue's, else the one whose code shape matches, else "aws". */
const char *ddbgt__region_partition(const char *code);
/* Great-circle distance in km between two catalogue regions; -1 if either is unknown. */
double ddbgt__region_distance_km(const char *a, const char *b);

#endif
