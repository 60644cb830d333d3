/*
 * The region catalogue: one table, and the functions that read it.
 * doc/regions.md documents every column and names the sources.
 */
#include <math.h>
#include <string.h>

#include "ddbgt/region.h"
#include "jsonwrite.h"
#include "region_internal.h"

#define OPT_IN 1u   /* disabled by default in an account [ACCT] */
#define LEGACY 2u   /* legacy 2017.11.29 global tables were offered there */
#define VERIFIED 4u /* global-table support documented */

struct ddbgt_region {
	const char *code;
	const char *name;
	const char *city;
	const char *partition;
	const char *geography;
	const char *jurisdiction;
	const char *country;
	const char *sc_set;
	unsigned flags;
	double latitude;
	double longitude;
};

/*
 * Sources (tags as in shared/reference/dynamodb-rules.md, §0):
 *  - codes, display names and partitions: [PART], the partition table of @aws-sdk/core
 *    3.981.2 (npm), which lists the same regions as rules §11;
 *  - opt-in: [ACCT] via rules §11; strong consistency sets: [DG-HIW] via rules §5;
 *    legacy 2017.11.29 regions: [DG-2023] via rules §6; "verify" marks: rules §11 and §14;
 *  - coordinates: public geographic facts, the named city's centre to two decimals (within
 *    a few km of the coordinates in the city's Wikipedia article; gazetteers differ by
 *    that much). How the city is chosen: doc/regions.md.
 * The order is the catalogue order (and selection's tie-break): commercial regions by
 * geography as in rules §11, then GovCloud, China and the European Sovereign Cloud.
 */
static const struct ddbgt_region regions[] = {
	/* code, name, city, partition, geography, jurisdiction, country, sc set, flags, lat, lon */
	{"us-east-1", "US East (N. Virginia)", "Ashburn", "aws", "US", "US", "US", "US",
	 LEGACY | VERIFIED, 39.04, -77.49},
	{"us-east-2", "US East (Ohio)", "Columbus", "aws", "US", "US", "US", "US",
	 LEGACY | VERIFIED, 39.96, -83.00},
	{"us-west-1", "US West (N. California)", "San Francisco", "aws", "US", "US", "US", NULL,
	 LEGACY | VERIFIED, 37.78, -122.42},
	{"us-west-2", "US West (Oregon)", "Salem", "aws", "US", "US", "US", "US",
	 LEGACY | VERIFIED, 44.93, -123.03},
	{"ca-central-1", "Canada (Central)", "Montreal", "aws", "CA", "CA", "CA", NULL,
	 VERIFIED, 45.50, -73.57},
	{"ca-west-1", "Canada West (Calgary)", "Calgary", "aws", "CA", "CA", "CA", NULL,
	 OPT_IN | VERIFIED, 51.05, -114.07},
	{"mx-central-1", "Mexico (Central)", "Queretaro", "aws", "MX", "MX", "MX", NULL,
	 OPT_IN | VERIFIED, 20.59, -100.39},
	{"sa-east-1", "South America (Sao Paulo)", "Sao Paulo", "aws", "SA", "BR", "BR", NULL,
	 VERIFIED, -23.55, -46.63},
	{"sa-west-1", "South America (Chile)", "Santiago", "aws", "SA", "CL", "CL", NULL,
	 OPT_IN, -33.45, -70.67},
	{"eu-west-1", "Europe (Ireland)", "Dublin", "aws", "EU", "EU", "IE", "EU",
	 LEGACY | VERIFIED, 53.35, -6.26},
	{"eu-west-2", "Europe (London)", "London", "aws", "EU", "UK", "GB", "EU",
	 LEGACY | VERIFIED, 51.51, -0.13},
	{"eu-west-3", "Europe (Paris)", "Paris", "aws", "EU", "EU", "FR", "EU",
	 VERIFIED, 48.86, 2.35},
	{"eu-central-1", "Europe (Frankfurt)", "Frankfurt", "aws", "EU", "EU", "DE", "EU",
	 LEGACY | VERIFIED, 50.11, 8.68},
	{"eu-north-1", "Europe (Stockholm)", "Stockholm", "aws", "EU", "EU", "SE", NULL,
	 VERIFIED, 59.33, 18.07},
	{"eu-central-2", "Europe (Zurich)", "Zurich", "aws", "EU", "CH", "CH", NULL,
	 OPT_IN | VERIFIED, 47.37, 8.54},
	{"eu-south-1", "Europe (Milan)", "Milan", "aws", "EU", "EU", "IT", NULL,
	 OPT_IN | VERIFIED, 45.46, 9.19},
	{"eu-south-2", "Europe (Spain)", "Madrid", "aws", "EU", "EU", "ES", NULL,
	 OPT_IN | VERIFIED, 40.42, -3.70},
	{"af-south-1", "Africa (Cape Town)", "Cape Town", "aws", "AF", "ZA", "ZA", NULL,
	 OPT_IN | VERIFIED, -33.92, 18.42},
	{"il-central-1", "Israel (Tel Aviv)", "Tel Aviv", "aws", "IL", "IL", "IL", NULL,
	 OPT_IN | VERIFIED, 32.09, 34.78},
	{"me-south-1", "Middle East (Bahrain)", "Manama", "aws", "ME", "BH", "BH", NULL,
	 OPT_IN | VERIFIED, 26.23, 50.59},
	{"me-central-1", "Middle East (UAE)", "Abu Dhabi", "aws", "ME", "AE", "AE", NULL,
	 OPT_IN | VERIFIED, 24.45, 54.38},
	{"me-west-1", "Middle East (Saudi Arabia)", "Riyadh", "aws", "ME", "SA", "SA", NULL,
	 OPT_IN, 24.71, 46.68},
	{"ap-northeast-1", "Asia Pacific (Tokyo)", "Tokyo", "aws", "AP", "JP", "JP", "AP",
	 LEGACY | VERIFIED, 35.68, 139.69},
	{"ap-northeast-2", "Asia Pacific (Seoul)", "Seoul", "aws", "AP", "KR", "KR", "AP",
	 LEGACY | VERIFIED, 37.57, 126.98},
	{"ap-northeast-3", "Asia Pacific (Osaka)", "Osaka", "aws", "AP", "JP", "JP", "AP",
	 VERIFIED, 34.69, 135.50},
	{"ap-south-1", "Asia Pacific (Mumbai)", "Mumbai", "aws", "AP", "IN", "IN", NULL,
	 VERIFIED, 19.08, 72.88},
	{"ap-southeast-1", "Asia Pacific (Singapore)", "Singapore", "aws", "AP", "SG", "SG", NULL,
	 LEGACY | VERIFIED, 1.29, 103.85},
	{"ap-southeast-2", "Asia Pacific (Sydney)", "Sydney", "aws", "AP", "AU", "AU", NULL,
	 LEGACY | VERIFIED, -33.87, 151.21},
	{"ap-east-1", "Asia Pacific (Hong Kong)", "Hong Kong", "aws", "AP", "HK", "HK", NULL,
	 OPT_IN | VERIFIED, 22.32, 114.17},
	{"ap-east-2", "Asia Pacific (Taipei)", "Taipei", "aws", "AP", "TW", "TW", NULL,
	 OPT_IN, 25.03, 121.57},
	{"ap-south-2", "Asia Pacific (Hyderabad)", "Hyderabad", "aws", "AP", "IN", "IN", NULL,
	 OPT_IN | VERIFIED, 17.39, 78.49},
	{"ap-southeast-3", "Asia Pacific (Jakarta)", "Jakarta", "aws", "AP", "ID", "ID", NULL,
	 OPT_IN | VERIFIED, -6.21, 106.85},
	{"ap-southeast-4", "Asia Pacific (Melbourne)", "Melbourne", "aws", "AP", "AU", "AU", NULL,
	 OPT_IN | VERIFIED, -37.81, 144.96},
	{"ap-southeast-5", "Asia Pacific (Malaysia)", "Kuala Lumpur", "aws", "AP", "MY", "MY", NULL,
	 OPT_IN | VERIFIED, 3.14, 101.69},
	{"ap-southeast-6", "Asia Pacific (New Zealand)", "Wellington", "aws", "AP", "NZ", "NZ", NULL,
	 OPT_IN, -41.29, 174.78},
	{"ap-southeast-7", "Asia Pacific (Thailand)", "Bangkok", "aws", "AP", "TH", "TH", NULL,
	 OPT_IN | VERIFIED, 13.76, 100.50},
	{"us-gov-east-1", "AWS GovCloud (US-East)", "Columbus", "aws-us-gov", "US", "US", "US", NULL,
	 VERIFIED, 39.96, -83.00},
	{"us-gov-west-1", "AWS GovCloud (US-West)", "Salem", "aws-us-gov", "US", "US", "US", NULL,
	 VERIFIED, 44.93, -123.03},
	{"cn-north-1", "China (Beijing)", "Beijing", "aws-cn", "CN", "CN", "CN", NULL,
	 VERIFIED, 39.90, 116.41},
	{"cn-northwest-1", "China (Ningxia)", "Yinchuan", "aws-cn", "CN", "CN", "CN", NULL,
	 VERIFIED, 38.49, 106.23},
	{"eusc-de-east-1", "AWS European Sovereign Cloud (Germany)", "Berlin", "aws-eusc", "EU",
	 "EU", "DE", NULL, 0, 52.52, 13.40},
};

#define NREGIONS (sizeof regions / sizeof regions[0])

/*
 * Region-code shapes: every partition's regionRegex in [PART] has the form
 * ^HEAD-\w+-\d+$ with a fixed set of heads, so one head table covers them all.
 */
static const struct {
	const char *head;
	const char *partition;
} code_heads[] = {
	{"us", "aws"},        {"eu", "aws"},       {"ap", "aws"},
	{"sa", "aws"},        {"ca", "aws"},       {"me", "aws"},
	{"af", "aws"},        {"il", "aws"},       {"mx", "aws"},
	{"cn", "aws-cn"},     {"us-gov", "aws-us-gov"},
	{"eusc-de", "aws-eusc"},
	{"us-iso", "aws-iso"}, {"us-isob", "aws-iso-b"},
	{"eu-isoe", "aws-iso-e"}, {"us-isof", "aws-iso-f"},
};

static int is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Does `s` match -\w+-\d+$ ? */
static int tail_matches(const char *s)
{
	const char *p = s;

	if (*p++ != '-' || !is_word_char(*p))
		return 0;
	while (is_word_char(*p))
		p++;
	if (*p++ != '-' || !(*p >= '0' && *p <= '9'))
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}

const char *ddbgt_region_code_partition(const char *code)
{
	size_t i;

	if (!code)
		return NULL;
	for (i = 0; i < sizeof code_heads / sizeof code_heads[0]; i++) {
		size_t n = strlen(code_heads[i].head);

		if (strncmp(code, code_heads[i].head, n) == 0 && tail_matches(code + n))
			return code_heads[i].partition;
	}
	return NULL;
}

int ddbgt_region_code_is_wellformed(const char *code)
{
	return ddbgt_region_code_partition(code) != NULL;
}

size_t ddbgt_region_count(void)
{
	return NREGIONS;
}

const ddbgt_region *ddbgt_region_at(size_t i)
{
	return i < NREGIONS ? &regions[i] : NULL;
}

const ddbgt_region *ddbgt_region_find(const char *code)
{
	size_t i;

	if (!code)
		return NULL;
	/*
	 * Compared inline: a code differs from most entries in its first bytes,
	 * and a strcmp call per entry cost more than the scan itself (validation
	 * and the estimate look every replica's region up).
	 */
	for (i = 0; i < NREGIONS; i++) {
		const char *a = regions[i].code;
		const char *b = code;

		while (*a != '\0' && *a == *b) {
			a++;
			b++;
		}
		if (*a == *b)
			return &regions[i];
	}
	return NULL;
}

#define GETTER(field)                                                                   \
	const char *ddbgt_region_##field(const ddbgt_region *r)                          \
	{                                                                                \
		return r ? r->field : NULL;                                              \
	}
GETTER(code)
GETTER(name)
GETTER(city)
GETTER(partition)
GETTER(geography)
GETTER(jurisdiction)
GETTER(country)
#undef GETTER

const char *ddbgt_region_strong_consistency_set(const ddbgt_region *r)
{
	return r ? r->sc_set : NULL;
}

int ddbgt_region_in_jurisdiction(const ddbgt_region *r, const char *jurisdiction)
{
	if (!r || !jurisdiction)
		return 0;
	return strcmp(r->jurisdiction, jurisdiction) == 0 || strcmp(r->country, jurisdiction) == 0;
}

int ddbgt_region_is_opt_in(const ddbgt_region *r)
{
	return r && (r->flags & OPT_IN);
}

int ddbgt_region_supports_legacy(const ddbgt_region *r)
{
	return r && (r->flags & LEGACY);
}

int ddbgt_region_is_verified(const ddbgt_region *r)
{
	return r && (r->flags & VERIFIED);
}

double ddbgt_region_latitude(const ddbgt_region *r)
{
	return r ? r->latitude : 0.0;
}

double ddbgt_region_longitude(const ddbgt_region *r)
{
	return r ? r->longitude : 0.0;
}

/* Mean Earth radius (IUGG R1), the usual choice for a spherical great-circle distance. */
#define EARTH_RADIUS_KM 6371.0088

double ddbgt__great_circle_km(double lat1, double lon1, double lat2, double lon2)
{
	const double rad = 3.14159265358979323846 / 180.0;
	double dlat = (lat2 - lat1) * rad;
	double dlon = (lon2 - lon1) * rad;
	double a = sin(dlat / 2) * sin(dlat / 2) +
		   cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

	/* haversine; the clamp keeps rounding from pushing a past 1 for antipodes */
	if (a > 1.0)
		a = 1.0;
	return 2.0 * EARTH_RADIUS_KM * asin(sqrt(a));
}

double ddbgt_region_distance_km(const ddbgt_region *a, const ddbgt_region *b)
{
	if (!a || !b)
		return -1.0;
	return ddbgt__great_circle_km(a->latitude, a->longitude, b->latitude, b->longitude);
}

static void region_json(jw *w, const ddbgt_region *r)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "code");
	ddbgt__jw_string(w, r->code);
	ddbgt__jw_key(w, "name");
	ddbgt__jw_string(w, r->name);
	ddbgt__jw_key(w, "city");
	ddbgt__jw_string(w, r->city);
	ddbgt__jw_key(w, "partition");
	ddbgt__jw_string(w, r->partition);
	ddbgt__jw_key(w, "geography");
	ddbgt__jw_string(w, r->geography);
	ddbgt__jw_key(w, "jurisdiction");
	ddbgt__jw_string(w, r->jurisdiction);
	ddbgt__jw_key(w, "country");
	ddbgt__jw_string(w, r->country);
	ddbgt__jw_key(w, "strong_consistency_set");
	if (r->sc_set)
		ddbgt__jw_string(w, r->sc_set);
	else
		ddbgt__jw_null(w);
	ddbgt__jw_key(w, "opt_in");
	ddbgt__jw_bool(w, r->flags & OPT_IN);
	ddbgt__jw_key(w, "legacy_2017_11_29");
	ddbgt__jw_bool(w, r->flags & LEGACY);
	ddbgt__jw_key(w, "verified");
	ddbgt__jw_bool(w, r->flags & VERIFIED);
	ddbgt__jw_key(w, "latitude");
	ddbgt__jw_number(w, r->latitude);
	ddbgt__jw_key(w, "longitude");
	ddbgt__jw_number(w, r->longitude);
	ddbgt__jw_object_end(w);
}

int ddbgt_regions_to_json(char **out)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	/* about 330 bytes an entry */
	ddbgt__jw_init(&w, 0, NREGIONS * 384);
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < NREGIONS; i++)
		region_json(&w, &regions[i]);
	ddbgt__jw_array_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}
