/* Internal: what lib/region_select.c needs from lib/regions.c beyond the public API. */
#ifndef DDBGT_REGION_INTERNAL_H
#define DDBGT_REGION_INTERNAL_H

/* Great-circle distance in km between two points given in degrees. */
double ddbgt__great_circle_km(double lat1, double lon1, double lat2, double lon2);

#endif
