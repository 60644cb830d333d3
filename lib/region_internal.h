/* Internal helpers shared by lib/regions.c and lib/region_select.c. */
#ifndef DDBGT_REGION_INTERNAL_H
#define DDBGT_REGION_INTERNAL_H

#include <jansson.h>

/* Great-circle distance in km between two points given in degrees. */
double ddbgt__great_circle_km(double lat1, double lon1, double lat2, double lon2);

/* Serialise `root` with the region module's layout (2-space indent, final newline) into a
 * new string from the library allocator. */
int ddbgt__region_json_dump(char **out, json_t *root);

#endif
