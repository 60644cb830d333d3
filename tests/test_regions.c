/* Tests of the region catalogue and of region selection (lib/regions.c, lib/region_select.c). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <ddbgt.h>
#include <ddbgt/region.h>

#include "testutil.h"

/* Every region of dynamodb-rules.md §11 (commercial, GovCloud, China, EUSC). */
static const char *const section11[] = {
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1",
	"mx-central-1", "sa-east-1", "sa-west-1", "eu-west-1", "eu-west-2", "eu-west-3",
	"eu-central-1", "eu-north-1", "eu-central-2", "eu-south-1", "eu-south-2", "af-south-1",
	"il-central-1", "me-south-1", "me-central-1", "me-west-1", "ap-northeast-1",
	"ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2",
	"ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4",
	"ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "us-gov-east-1", "us-gov-west-1",
	"cn-north-1", "cn-northwest-1", "eusc-de-east-1",
};

/* The regions §11 marks opt-in. */
static const char *const opt_in[] = {
	"ca-west-1", "mx-central-1", "sa-west-1", "eu-central-2", "eu-south-1", "eu-south-2",
	"af-south-1", "il-central-1", "me-south-1", "me-central-1", "me-west-1", "ap-east-1",
	"ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
	"ap-southeast-6", "ap-southeast-7",
};

/* §6: the only regions that ever offered version 2017.11.29. */
static const char *const legacy[] = {
	"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
	"eu-central-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2",
};

/* §11 "verify" marks, §14's open availability list and the unchecked EUSC partition. */
static const char *const unverified[] = {
	"sa-west-1", "me-west-1", "ap-east-2", "ap-southeast-6", "eusc-de-east-1",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int listed(const char *const *list, size_t n, const char *code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], code) == 0)
			return 1;
	return 0;
}

static const ddbgt_region *must_find(const char *code)
{
	const ddbgt_region *r = ddbgt_region_find(code);

	ck_assert_msg(r != NULL, "%s is not in the catalogue", code);
	return r;
}

START_TEST(catalogue_is_section_11)
{
	size_t i;

	ck_assert_uint_eq(ddbgt_region_count(), N(section11));
	for (i = 0; i < N(section11); i++)
		ck_assert_str_eq(ddbgt_region_code(must_find(section11[i])), section11[i]);
}
END_TEST

START_TEST(codes_unique_and_found_at_their_index)
{
	size_t i, j, n = ddbgt_region_count();

	for (i = 0; i < n; i++) {
		const ddbgt_region *r = ddbgt_region_at(i);

		ck_assert_ptr_nonnull(r);
		ck_assert_ptr_eq(ddbgt_region_find(ddbgt_region_code(r)), r);
		for (j = i + 1; j < n; j++)
			ck_assert_str_ne(ddbgt_region_code(r), ddbgt_region_code(ddbgt_region_at(j)));
	}
	ck_assert_ptr_null(ddbgt_region_at(n));
	ck_assert_ptr_null(ddbgt_region_at(SIZE_MAX));
}
END_TEST

START_TEST(every_entry_is_consistent)
{
	static const char *const geographies[] = {"US", "CA", "MX", "SA", "EU",
	                                          "AF", "IL", "ME", "AP", "CN"};
	size_t i;

	for (i = 0; i < ddbgt_region_count(); i++) {
		const ddbgt_region *r = ddbgt_region_at(i);
		const char *code = ddbgt_region_code(r);
		const char *country = ddbgt_region_country(r);
		const char *jur = ddbgt_region_jurisdiction(r);

		ck_assert_msg(ddbgt_region_code_is_wellformed(code), "%s malformed", code);
		ck_assert_msg(strcmp(ddbgt_region_code_partition(code), ddbgt_region_partition(r)) == 0,
		              "%s: partition %s does not match its code", code,
		              ddbgt_region_partition(r));
		ck_assert_msg(listed(geographies, N(geographies), ddbgt_region_geography(r)),
		              "%s: geography %s", code, ddbgt_region_geography(r));
		ck_assert_msg(strlen(country) == 2 && country[0] >= 'A' && country[0] <= 'Z' &&
		              country[1] >= 'A' && country[1] <= 'Z', "%s: country %s", code, country);
		ck_assert_msg(strlen(jur) == 2, "%s: jurisdiction %s", code, jur);
		ck_assert(ddbgt_region_in_jurisdiction(r, jur));
		ck_assert(ddbgt_region_in_jurisdiction(r, country));
		ck_assert(strlen(ddbgt_region_name(r)) > 0 && strlen(ddbgt_region_city(r)) > 0);
		ck_assert_msg(ddbgt_region_latitude(r) >= -90 && ddbgt_region_latitude(r) <= 90 &&
		              ddbgt_region_longitude(r) >= -180 && ddbgt_region_longitude(r) <= 180,
		              "%s: coordinates out of range", code);
		ck_assert_int_eq(ddbgt_region_is_opt_in(r), listed(opt_in, N(opt_in), code));
		ck_assert_int_eq(ddbgt_region_supports_legacy(r), listed(legacy, N(legacy), code));
		ck_assert_int_eq(ddbgt_region_is_verified(r), !listed(unverified, N(unverified), code));
	}
}
END_TEST

START_TEST(strong_consistency_sets_are_section_5)
{
	static const char *const us[] = {"us-east-1", "us-east-2", "us-west-2"};
	static const char *const eu[] = {"eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"};
	static const char *const ap[] = {"ap-northeast-1", "ap-northeast-2", "ap-northeast-3"};
	size_t i, members = 0;

	for (i = 0; i < ddbgt_region_count(); i++) {
		const ddbgt_region *r = ddbgt_region_at(i);
		const char *code = ddbgt_region_code(r), *set = ddbgt_region_strong_consistency_set(r);
		const char *want = listed(us, N(us), code)   ? "US"
		                   : listed(eu, N(eu), code) ? "EU"
		                   : listed(ap, N(ap), code) ? "AP"
		                                             : NULL;

		if (want) {
			ck_assert_msg(set && strcmp(set, want) == 0, "%s: set %s, want %s", code,
			              set ? set : "none", want);
			members++;
		} else {
			ck_assert_msg(set == NULL, "%s: set %s, want none", code, set);
		}
		/* sets are commercial-partition only: GovCloud's us-gov-* are in none */
		if (set)
			ck_assert_str_eq(ddbgt_region_partition(r), "aws");
	}
	ck_assert_uint_eq(members, 10);
}
END_TEST

START_TEST(partitions_and_geographies_of_other_partitions)
{
	ck_assert_str_eq(ddbgt_region_partition(must_find("us-gov-west-1")), "aws-us-gov");
	ck_assert_str_eq(ddbgt_region_geography(must_find("us-gov-west-1")), "US");
	ck_assert_str_eq(ddbgt_region_partition(must_find("cn-northwest-1")), "aws-cn");
	ck_assert_str_eq(ddbgt_region_geography(must_find("cn-northwest-1")), "CN");
	ck_assert_str_eq(ddbgt_region_partition(must_find("eusc-de-east-1")), "aws-eusc");
	ck_assert_str_eq(ddbgt_region_jurisdiction(must_find("eusc-de-east-1")), "EU");
	/* Hong Kong is its own jurisdiction and in the Asia Pacific geography, not China's */
	ck_assert_str_eq(ddbgt_region_geography(must_find("ap-east-1")), "AP");
	ck_assert_str_eq(ddbgt_region_jurisdiction(must_find("ap-east-1")), "HK");
	ck_assert_str_eq(ddbgt_region_name(must_find("eu-west-1")), "Europe (Ireland)");
	ck_assert_str_eq(ddbgt_region_city(must_find("eu-west-1")), "Dublin");
}
END_TEST

START_TEST(wellformed_codes)
{
	static const struct {
		const char *code;
		const char *partition;
	} good[] = {
		{"us-east-1", "aws"},          {"il-central-1", "aws"},
		{"mx-central-1", "aws"},       {"ap-southeast-7", "aws"},
		{"us-east-12", "aws"},         {"eu-Some_where-3", "aws"},
		{"cn-north-1", "aws-cn"},      {"us-gov-west-1", "aws-us-gov"},
		{"eusc-de-east-1", "aws-eusc"}, {"us-iso-east-1", "aws-iso"},
		{"us-isob-east-1", "aws-iso-b"}, {"eu-isoe-west-1", "aws-iso-e"},
		{"us-isof-south-1", "aws-iso-f"},
	};
	static const char *const bad[] = {
		"", "us", "us-east", "us-east-", "us-east-1a", "us-east-1 ", " us-east-1",
		"US-EAST-1", "us_east_1", "xx-east-1", "us--1", "us-east--1", "us-gov--1",
		"cn-north-x", "eusc-fr-east-1", "us-isoc-east-1", "eu-isoe-west-x", "us-east-1-1",
		"us-ea st-1",
	};
	size_t i;

	for (i = 0; i < N(good); i++) {
		ck_assert_msg(ddbgt_region_code_is_wellformed(good[i].code), "%s", good[i].code);
		ck_assert_str_eq(ddbgt_region_code_partition(good[i].code), good[i].partition);
	}
	for (i = 0; i < N(bad); i++) {
		ck_assert_msg(!ddbgt_region_code_is_wellformed(bad[i]), "\"%s\"", bad[i]);
		ck_assert_ptr_null(ddbgt_region_code_partition(bad[i]));
	}
	ck_assert_int_eq(ddbgt_region_code_is_wellformed(NULL), 0);
	ck_assert_ptr_null(ddbgt_region_code_partition(NULL));
}
END_TEST

START_TEST(lookups_and_null_arguments)
{
	const ddbgt_region *r = must_find("eu-central-2");

	ck_assert_str_eq(ddbgt_region_partition(r), "aws");
	ck_assert_str_eq(ddbgt_region_geography(r), "EU");
	ck_assert_str_eq(ddbgt_region_jurisdiction(r), "CH");
	ck_assert_ptr_null(ddbgt_region_strong_consistency_set(r));
	ck_assert(ddbgt_region_is_opt_in(r));

	ck_assert_ptr_null(ddbgt_region_find(NULL));
	ck_assert_ptr_null(ddbgt_region_find(""));
	ck_assert_ptr_null(ddbgt_region_find("EU-WEST-1"));
	ck_assert_ptr_null(ddbgt_region_find("eu-west-9"));
	ck_assert_ptr_null(ddbgt_region_find("us-iso-east-1")); /* well-formed, not catalogued */
	/* Whole codes only: a prefix or an extension of a code is not it. */
	ck_assert_ptr_null(ddbgt_region_find("us-east"));
	ck_assert_ptr_null(ddbgt_region_find("us-east-10"));
	ck_assert_ptr_null(ddbgt_region_find("eu-west-1 "));

	ck_assert_ptr_null(ddbgt_region_code(NULL));
	ck_assert_ptr_null(ddbgt_region_name(NULL));
	ck_assert_ptr_null(ddbgt_region_city(NULL));
	ck_assert_ptr_null(ddbgt_region_partition(NULL));
	ck_assert_ptr_null(ddbgt_region_geography(NULL));
	ck_assert_ptr_null(ddbgt_region_jurisdiction(NULL));
	ck_assert_ptr_null(ddbgt_region_country(NULL));
	ck_assert_ptr_null(ddbgt_region_strong_consistency_set(NULL));
	ck_assert_int_eq(ddbgt_region_is_opt_in(NULL), 0);
	ck_assert_int_eq(ddbgt_region_supports_legacy(NULL), 0);
	ck_assert_int_eq(ddbgt_region_is_verified(NULL), 0);
	ck_assert(ddbgt_region_latitude(NULL) == 0.0 && ddbgt_region_longitude(NULL) == 0.0);
	ck_assert(ddbgt_region_distance_km(NULL, r) == -1.0);
	ck_assert(ddbgt_region_distance_km(r, NULL) == -1.0);
	ck_assert_int_eq(ddbgt_region_in_jurisdiction(NULL, "EU"), 0);
	ck_assert_int_eq(ddbgt_region_in_jurisdiction(r, NULL), 0);
	ck_assert_int_eq(ddbgt_regions_to_json(NULL), DDBGT_EINVAL);
}
END_TEST

START_TEST(jurisdiction_matching)
{
	const ddbgt_region *ie = must_find("eu-west-1"), *uk = must_find("eu-west-2");

	ck_assert(ddbgt_region_in_jurisdiction(ie, "EU"));
	ck_assert(ddbgt_region_in_jurisdiction(ie, "IE"));
	ck_assert(!ddbgt_region_in_jurisdiction(ie, "UK"));
	ck_assert(!ddbgt_region_in_jurisdiction(ie, "eu"));
	ck_assert(ddbgt_region_in_jurisdiction(uk, "UK"));
	ck_assert(ddbgt_region_in_jurisdiction(uk, "GB"));
	ck_assert(!ddbgt_region_in_jurisdiction(uk, "EU"));
	ck_assert(!ddbgt_region_in_jurisdiction(must_find("eu-central-2"), "EU"));
	ck_assert(ddbgt_region_in_jurisdiction(must_find("eu-central-1"), "DE"));
}
END_TEST

static void assert_km(const char *a, const char *b, double want)
{
	double d = ddbgt_region_distance_km(must_find(a), must_find(b));

	ck_assert_msg(fabs(d - want) <= 0.03 * want, "%s-%s: %.1f km, want about %.0f", a, b, d,
	              want);
	ck_assert(d == ddbgt_region_distance_km(must_find(b), must_find(a)));
}

START_TEST(distances_of_known_city_pairs)
{
	assert_km("eu-west-2", "eu-west-3", 344);            /* London-Paris */
	assert_km("eu-west-1", "eu-west-2", 464);            /* Dublin-London */
	assert_km("ap-northeast-1", "ap-northeast-3", 397);  /* Tokyo-Osaka */
	assert_km("ap-southeast-2", "ap-southeast-4", 713);  /* Sydney-Melbourne */
	assert_km("ap-southeast-1", "ap-southeast-2", 6300); /* Singapore-Sydney */
	assert_km("eu-central-1", "ap-northeast-1", 9350);   /* Frankfurt-Tokyo */
	ck_assert(ddbgt_region_distance_km(must_find("us-east-1"), must_find("us-east-1")) == 0.0);
}
END_TEST

START_TEST(catalogue_json)
{
	char *a = NULL, *b = NULL;
	json_t *root, *first, *west1;
	json_error_t err;

	ck_assert_int_eq(ddbgt_regions_to_json(&a), DDBGT_OK);
	ck_assert_int_eq(ddbgt_regions_to_json(&b), DDBGT_OK);
	ck_assert_str_eq(a, b);
	ck_assert_int_eq(strncmp(a, "[\n  {\n    \"code\": \"us-east-1\",\n", 31), 0);
	ck_assert_int_eq(a[strlen(a) - 1], '\n');
	ck_assert_int_ne(a[strlen(a) - 2], '\n');

	root = json_loads(a, 0, &err);
	ck_assert_ptr_nonnull(root);
	ck_assert_uint_eq(json_array_size(root), ddbgt_region_count());
	first = json_array_get(root, 0);
	ck_assert_str_eq(json_string_value(json_object_get(first, "strong_consistency_set")), "US");
	ck_assert(json_is_true(json_object_get(first, "legacy_2017_11_29")));
	ck_assert(json_is_false(json_object_get(first, "opt_in")));
	ck_assert(json_real_value(json_object_get(first, "latitude")) == 39.04);
	ck_assert_uint_eq(json_object_size(first), 13);
	west1 = json_array_get(root, 2);
	ck_assert_str_eq(json_string_value(json_object_get(west1, "code")), "us-west-1");
	ck_assert(json_is_null(json_object_get(west1, "strong_consistency_set")));
	/* coordinates print as in the table, not as 17-digit binary expansions */
	ck_assert_ptr_nonnull(strstr(a, "\"latitude\": 39.04,\n"));
	json_decref(root);
	ddbgt_free(a);
	ddbgt_free(b);
}
END_TEST

/* ---- selection ---- */

static ddbgt_region_query *query(size_t count)
{
	ddbgt_region_query *q = NULL;

	ck_assert_int_eq(ddbgt_region_query_new(&q), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_set_count(q, count), DDBGT_OK);
	return q;
}

static ddbgt_region_selection *run_ok(ddbgt_region_query *q)
{
	ddbgt_region_selection *s = NULL;
	int rc = ddbgt_region_query_run(&s, q);

	ck_assert_msg(rc == DDBGT_OK, "run: %d: %s", rc, ddbgt_region_query_message(q));
	ck_assert_str_eq(ddbgt_region_query_message(q), "");
	return s;
}

static void run_fails(ddbgt_region_query *q, int want, const char *in_message)
{
	ddbgt_region_selection *s = (ddbgt_region_selection *)q; /* must be reset to NULL */

	ck_assert_int_eq(ddbgt_region_query_run(&s, q), want);
	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(ddbgt_region_query_message(q), in_message),
	              "message \"%s\" lacks \"%s\"", ddbgt_region_query_message(q), in_message);
}

static const char *pick(const ddbgt_region_selection *s, size_t i)
{
	return ddbgt_region_code(ddbgt_region_selection_at(s, i));
}

START_TEST(nearest_single_region)
{
	ddbgt_region_query *q = query(1);
	ddbgt_region_selection *s;

	ck_assert_int_eq(ddbgt_region_query_add_location(q, 35.68, 139.69, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_uint_eq(ddbgt_region_selection_count(s), 1);
	ck_assert_str_eq(pick(s, 0), "ap-northeast-1");
	ck_assert(ddbgt_region_selection_distance_km(s, 0) == 0.0);
	ck_assert(ddbgt_region_selection_weight(s, 0) == 1.0);
	ck_assert(ddbgt_region_selection_mean_distance_km(s) == 0.0);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(weights_decide)
{
	ddbgt_region_query *q = query(1);
	ddbgt_region_selection *s;

	/* three parts Tokyo, one part Sydney: Tokyo wins; the other way round, Sydney */
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 35.68, 139.69, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, -33.87, 151.21, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "ap-northeast-1");
	ck_assert(fabs(ddbgt_region_selection_mean_distance_km(s) -
	               ddbgt_region_distance_km(must_find("ap-northeast-1"),
	                                        must_find("ap-southeast-2")) / 4) < 1e-6);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);

	q = query(1);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 35.68, 139.69, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, -33.87, 151.21, 3), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "ap-southeast-2");
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);

	/* with two picks each city gets its own region and its share of the weight */
	q = query(2);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 35.68, 139.69, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, -33.87, 151.21, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "ap-northeast-1");
	ck_assert_str_eq(pick(s, 1), "ap-southeast-2");
	ck_assert(ddbgt_region_selection_weight(s, 0) == 0.75);
	ck_assert(ddbgt_region_selection_weight(s, 1) == 0.25);
	ck_assert(ddbgt_region_selection_mean_distance_km(s) == 0.0);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(eu_users_with_eu_jurisdiction)
{
	ddbgt_region_query *q = query(2);
	ddbgt_region_selection *s;
	size_t i;

	/* users in London and Edinburgh would pick eu-west-2 first if the UK were allowed */
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 51.51, -0.13, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 55.95, -3.19, 2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 52.52, 13.40, 2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 41.90, 12.50, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "eu-west-2");
	ddbgt_region_selection_free(s);

	ck_assert_int_eq(ddbgt_region_query_add_jurisdiction(q, "EU"), DDBGT_OK);
	s = run_ok(q);
	ck_assert_uint_eq(ddbgt_region_selection_count(s), 2);
	for (i = 0; i < 2; i++)
		ck_assert_str_eq(ddbgt_region_jurisdiction(ddbgt_region_selection_at(s, i)), "EU");
	/* Dublin serves the British users, Frankfurt those in Berlin and Rome (greedy alone
	 * would keep its first pick, Paris, for London) */
	ck_assert_str_eq(pick(s, 0), "eu-west-1");
	ck_assert_str_eq(pick(s, 1), "eu-central-1");
	ck_assert(fabs(ddbgt_region_selection_weight(s, 0) - 0.7) < 1e-12);
	ck_assert(fabs(ddbgt_region_selection_weight(s, 1) - 0.3) < 1e-12);
	ck_assert(ddbgt_region_selection_distance_km(s, 0) > 300);
	ck_assert(ddbgt_region_selection_distance_km(s, 0) < 500);
	ddbgt_region_selection_free(s);

	/* Rome's users: Frankfurt is the nearest EU region, opt-in Milan once allowed */
	ddbgt_region_query_free(q);
	q = query(1);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 41.90, 12.50, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_jurisdiction(q, "EU"), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "eu-central-1");
	ddbgt_region_selection_free(s);
	ck_assert_int_eq(ddbgt_region_query_set_include_opt_in(q, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "eu-south-1");
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(three_geographies_three_regions)
{
	ddbgt_region_query *q = query(3);
	ddbgt_region_selection *s;
	int seen_us = 0, seen_eu = 0, seen_ap = 0;
	double share = 0.0;
	size_t i;

	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "US", 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "EU", 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "AP", 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_uint_eq(ddbgt_region_selection_count(s), 3);
	for (i = 0; i < 3; i++) {
		const char *g = ddbgt_region_geography(ddbgt_region_selection_at(s, i));

		seen_us += strcmp(g, "US") == 0;
		seen_eu += strcmp(g, "EU") == 0;
		seen_ap += strcmp(g, "AP") == 0;
		ck_assert(!ddbgt_region_is_opt_in(ddbgt_region_selection_at(s, i)));
		ck_assert(ddbgt_region_selection_distance_km(s, i) > 0);
		share += ddbgt_region_selection_weight(s, i);
	}
	ck_assert(seen_us == 1 && seen_eu == 1 && seen_ap == 1);
	ck_assert(fabs(share - 1.0) < 1e-12);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(strong_consistency_set)
{
	ddbgt_region_query *q = query(3);
	ddbgt_region_selection *s;
	size_t i;

	/* users in Tokyo: without a set the three nearest are not one MRSC set */
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 35.68, 139.69, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 1.29, 103.85, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_set_strong_consistency_set(q, "EU"), DDBGT_OK);
	s = run_ok(q);
	for (i = 0; i < 3; i++)
		ck_assert_str_eq(ddbgt_region_strong_consistency_set(ddbgt_region_selection_at(s, i)),
		                 "EU");
	ddbgt_region_selection_free(s);

	ck_assert_int_eq(ddbgt_region_query_set_strong_consistency_set(q, "AP"), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "ap-northeast-1");
	for (i = 0; i < 3; i++)
		ck_assert_str_eq(ddbgt_region_strong_consistency_set(ddbgt_region_selection_at(s, i)),
		                 "AP");
	ddbgt_region_selection_free(s);

	/* removing the set lets Singapore in */
	ck_assert_int_eq(ddbgt_region_query_set_strong_consistency_set(q, NULL), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 1), "ap-southeast-1");
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(impossible_constraints)
{
	ddbgt_region_query *q = query(4);

	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "EU", 1), DDBGT_OK);
	/* four regions of the EU set exist, but a strong set spans exactly three */
	ck_assert_int_eq(ddbgt_region_query_set_strong_consistency_set(q, "EU"), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "exactly 3 regions");
	/* the AP set has no EU-jurisdiction region */
	ck_assert_int_eq(ddbgt_region_query_set_count(q, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_set_strong_consistency_set(q, "AP"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_jurisdiction(q, "EU"), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "0 regions satisfy the constraints but 3 were requested");
	run_fails(q, DDBGT_ENOTFOUND, "jurisdiction EU; strong consistency set AP");
	ddbgt_region_query_free(q);

	/* Zurich is the only Swiss region, and it is opt-in */
	q = query(1);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 47.37, 8.54, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_jurisdiction(q, "CH"), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "opt-in regions excluded");
	ck_assert_int_eq(ddbgt_region_query_set_include_opt_in(q, 1), DDBGT_OK);
	{
		ddbgt_region_selection *s = run_ok(q);

		ck_assert_str_eq(pick(s, 0), "eu-central-2");
		ddbgt_region_selection_free(s);
	}
	/* ...and there is only one */
	ck_assert_int_eq(ddbgt_region_query_set_count(q, 2), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "1 region satisfies");
	ddbgt_region_query_free(q);

	/* an allowed region outside the query's partition can never be proposed */
	q = query(1);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 39.9, 116.4, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_allowed_region(q, "cn-north-1"), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "partition aws; 1 allowed region");
	ck_assert_int_eq(ddbgt_region_query_set_partition(q, "aws-cn"), DDBGT_OK);
	{
		ddbgt_region_selection *s = run_ok(q);

		ck_assert_str_eq(pick(s, 0), "cn-north-1");
		ddbgt_region_selection_free(s);
	}
	ddbgt_region_query_free(q);

	/* China's geography has no region in the aws partition to put its users at */
	q = query(1);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "CN", 1), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "no region in geography CN");
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(partitions_and_unverified_regions)
{
	ddbgt_region_query *q = query(1);
	ddbgt_region_selection *s;

	ck_assert_int_eq(ddbgt_region_query_add_location(q, 52.52, 13.40, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_set_partition(q, "aws-eusc"), DDBGT_OK);
	run_fails(q, DDBGT_ENOTFOUND, "unverified regions excluded");
	ck_assert_int_eq(ddbgt_region_query_set_include_unverified(q, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "eusc-de-east-1");
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);

	/* GovCloud: US users, both regions, each serving part of them */
	q = query(2);
	ck_assert_int_eq(ddbgt_region_query_set_partition(q, "aws-us-gov"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "US", 2), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(ddbgt_region_partition(ddbgt_region_selection_at(s, 0)), "aws-us-gov");
	ck_assert_str_eq(ddbgt_region_partition(ddbgt_region_selection_at(s, 1)), "aws-us-gov");
	ck_assert(ddbgt_region_selection_weight(s, 0) == 0.5);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(allowed_regions)
{
	ddbgt_region_query *q = query(1);
	ddbgt_region_selection *s;

	ck_assert_int_eq(ddbgt_region_query_add_location(q, 48.86, 2.35, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_allowed_region(q, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_allowed_region(q, "eu-west-1"), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "eu-west-1");
	ck_assert(fabs(ddbgt_region_selection_distance_km(s, 0) -
	               ddbgt_region_distance_km(must_find("eu-west-1"), must_find("eu-west-3"))) <
	          1e-9);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(selection_is_deterministic)
{
	char *a = NULL, *b = NULL, *c = NULL;
	ddbgt_region_query *q1 = query(4), *q2 = query(4);
	ddbgt_region_selection *s1, *s2, *s3;
	json_t *root;
	json_error_t err;

	ck_assert_int_eq(ddbgt_region_query_add_geography(q1, "US", 2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q1, "EU", 1.5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q1, -23.55, -46.63, 0.5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q2, "US", 2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q2, "EU", 1.5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_query_add_location(q2, -23.55, -46.63, 0.5), DDBGT_OK);
	s1 = run_ok(q1);
	s2 = run_ok(q1);
	s3 = run_ok(q2);
	ck_assert_int_eq(ddbgt_region_selection_to_json(&a, s1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_selection_to_json(&b, s2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_region_selection_to_json(&c, s3), DDBGT_OK);
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(a, c);
	ck_assert_int_eq(a[strlen(a) - 1], '\n');
	root = json_loads(a, 0, &err);
	ck_assert_ptr_nonnull(root);
	ck_assert_int_eq(json_integer_value(json_object_get(root, "count")), 4);
	ck_assert_uint_eq(json_array_size(json_object_get(root, "regions")), 4);
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(json_object_get(root, "regions"), 0), "code")),
	                 pick(s1, 0));
	ck_assert_ptr_nonnull(strstr(a, "\n  \"regions\": [\n    {\n      \"code\": "));
	json_decref(root);
	ddbgt_free(a);
	ddbgt_free(b);
	ddbgt_free(c);
	ddbgt_region_selection_free(s1);
	ddbgt_region_selection_free(s2);
	ddbgt_region_selection_free(s3);
	ddbgt_region_query_free(q1);
	ddbgt_region_query_free(q2);
}
END_TEST

START_TEST(ties_keep_catalogue_order)
{
	ddbgt_region_query *q = query(2);
	ddbgt_region_selection *s;

	/* one user on us-east-1: the second pick gains nothing anywhere, so the earliest
	 * candidate left in catalogue order (us-east-2) is taken */
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 39.04, -77.49, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(pick(s, 0), "us-east-1");
	ck_assert_str_eq(pick(s, 1), "us-east-2");
	ck_assert(ddbgt_region_selection_weight(s, 1) == 0.0);
	ck_assert(ddbgt_region_selection_distance_km(s, 1) == 0.0);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
}
END_TEST

START_TEST(query_arguments)
{
	ddbgt_region_query *q = NULL;
	ddbgt_region_selection *s = NULL;
	char *json = (char *)"x";

	ck_assert_int_eq(ddbgt_region_query_new(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_new(&q), DDBGT_OK);
	ck_assert_str_eq(ddbgt_region_query_message(q), "");
	ck_assert_int_eq(ddbgt_region_query_run(NULL, q), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_run(&s, NULL), DDBGT_EINVAL);
	run_fails(q, DDBGT_EINVAL, "no users");
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "EU", 1), DDBGT_OK);
	run_fails(q, DDBGT_EINVAL, "no region count");

	ck_assert_int_eq(ddbgt_region_query_set_count(q, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 90.5, 0, 1), DDBGT_EINVAL);
	ck_assert_ptr_nonnull(strstr(ddbgt_region_query_message(q), "latitude"));
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 0, -180.5, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, NAN, 0, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 0, 0, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 0, 0, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 0, 0, NAN), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_location(q, 0, 0, INFINITY), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "XX", 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_geography(q, "EU", 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_jurisdiction(q, "Eu"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_jurisdiction(q, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_allowed_region(q, "bogus"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_add_allowed_region(q, "eu-west-9"), DDBGT_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(ddbgt_region_query_message(q), "eu-west-9"));
	ck_assert_int_eq(ddbgt_region_query_add_allowed_region(q, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_set_strong_consistency_set(q, "CN"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_set_partition(q, "aws-iso"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_set_partition(q, NULL), DDBGT_EINVAL);

	/* none of the refused calls changed the query: EU users, one region, no constraint */
	ck_assert_int_eq(ddbgt_region_query_set_count(q, 1), DDBGT_OK);
	s = run_ok(q);
	ck_assert_str_eq(ddbgt_region_geography(ddbgt_region_selection_at(s, 0)), "EU");
	ck_assert_ptr_null(ddbgt_region_selection_at(s, 1));
	ck_assert(ddbgt_region_selection_distance_km(s, 1) == -1.0);
	ck_assert(ddbgt_region_selection_weight(s, 1) == -1.0);
	ck_assert_int_eq(ddbgt_region_selection_to_json(NULL, s), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_selection_to_json(&json, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(json);
	ddbgt_region_selection_free(s);

	ck_assert_int_eq(ddbgt_region_query_add_location(NULL, 0, 0, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_set_count(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_set_include_opt_in(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_region_query_set_include_unverified(NULL, 1), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_region_query_message(NULL));
	ck_assert_uint_eq(ddbgt_region_selection_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_region_selection_at(NULL, 0));
	ck_assert(ddbgt_region_selection_mean_distance_km(NULL) == -1.0);
	ddbgt_region_selection_free(NULL);
	ddbgt_region_query_free(NULL);
	ddbgt_region_query_free(q);
}
END_TEST

/* ---- documentation and allocation failures ---- */

static int is_ident(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Does text name the identifier as a whole word? */
static int mentions(const char *text, const char *name)
{
	size_t len = strlen(name);
	const char *p;

	for (p = strstr(text, name); p; p = strstr(p + 1, name))
		if ((p == text || !is_ident(p[-1])) && !is_ident(p[len]))
			return 1;
	return 0;
}

START_TEST(doc_lists_every_region_and_function)
{
	char *doc = ddbgt_test_read_file(ddbgt_test_path("../doc/regions.md"), NULL);
	char *hdr = ddbgt_test_read_file(ddbgt_test_path("../include/ddbgt/region.h"), NULL);
	char needle[128];
	const char *p;
	size_t i, functions = 0;

	/* the table in the doc is this table: each row exactly as the catalogue has it */
	for (i = 0; i < ddbgt_region_count(); i++) {
		const ddbgt_region *r = ddbgt_region_at(i);
		const char *set = ddbgt_region_strong_consistency_set(r);
		char row[512], country[8] = "";

		if (strcmp(ddbgt_region_country(r), ddbgt_region_jurisdiction(r)) != 0)
			snprintf(country, sizeof country, " (%s)", ddbgt_region_country(r));
		snprintf(row, sizeof row,
		         "| `%s` | %s | %s | %s | %s | %s%s | %s | %s | %s | %s | %.2f, %.2f |\n",
		         ddbgt_region_code(r), ddbgt_region_name(r), ddbgt_region_city(r),
		         ddbgt_region_partition(r), ddbgt_region_geography(r),
		         ddbgt_region_jurisdiction(r), country, set ? set : "",
		         ddbgt_region_supports_legacy(r) ? "yes" : "",
		         ddbgt_region_is_opt_in(r) ? "yes" : "",
		         ddbgt_region_is_verified(r) ? "yes" : "**no**", ddbgt_region_latitude(r),
		         ddbgt_region_longitude(r));
		ck_assert_msg(strstr(doc, row), "doc/regions.md lacks the row %s", row);
	}
	/* the name of every DDBGT_API declaration */
	for (p = strstr(hdr, "DDBGT_API "); p; p = strstr(p + 1, "DDBGT_API ")) {
		const char *paren = strchr(p, '('), *start = paren;

		while (start > p && is_ident(start[-1]))
			start--;
		snprintf(needle, sizeof needle, "%.*s", (int)(paren - start), start);
		ck_assert_msg(mentions(doc, needle), "doc/regions.md does not document %s",
		              needle);
		functions++;
	}
	ck_assert_uint_ge(functions, 40);
	free(doc);
	free(hdr);
}
END_TEST

/* An allocator that fails the n-th allocation from now on. */

static int dump_catalogue(void)
{
	char *json = NULL;
	int rc = ddbgt_regions_to_json(&json);

	ck_assert(rc == DDBGT_OK ? json != NULL : json == NULL);
	ddbgt_free(json);
	return rc;
}

/* A whole selection, from the new query to its JSON; returns the first failing status. */
static int selection(void)
{
	ddbgt_region_query *q = NULL;
	ddbgt_region_selection *s = NULL;
	char *json = NULL;
	int rc, i;

	rc = ddbgt_region_query_new(&q);
	if (rc)
		return rc;
	for (i = 0; i < 6 && !rc; i++)
		rc = ddbgt_region_query_add_location(q, 10.0 * i, 20.0 * i, 1);
	for (i = 0; i < 6 && !rc; i++)
		rc = ddbgt_region_query_add_jurisdiction(q, i % 2 ? "US" : "EU");
	for (i = 0; i < 6 && !rc; i++)
		rc = ddbgt_region_query_add_allowed_region(q, ddbgt_region_code(ddbgt_region_at(i)));
	if (!rc)
		rc = ddbgt_region_query_add_geography(q, "EU", 2);
	if (!rc)
		rc = ddbgt_region_query_set_count(q, 2);
	if (!rc)
		rc = ddbgt_region_query_run(&s, q);
	if (!rc) {
		ck_assert_uint_eq(ddbgt_region_selection_count(s), 2);
		rc = ddbgt_region_selection_to_json(&json, s);
		ck_assert(rc == DDBGT_OK ? json != NULL : json == NULL);
	} else {
		ck_assert_ptr_null(s);
	}
	ddbgt_free(json);
	ddbgt_region_selection_free(s);
	ddbgt_region_query_free(q);
	return rc;
}

/* Fail the 1st, 2nd, ... allocation of fn until it needs no more (at least min_allocs): each
 * failure must give DDBGT_ENOMEM and leak nothing (tests/testutil.h's sweep). */
static void fail_each_allocation(int (*fn)(void), long min_allocs)
{
	ddbgt_test_sweep s;
	int rc = 0;

	ddbgt_test_alloc_install();
	for (ddbgt_test_sweep_start(&s, "regions", 0); ddbgt_test_sweep_next(&s, rc);)
		rc = fn();
	ddbgt_test_alloc_uninstall();
	ck_assert_int_eq(s.rc, DDBGT_OK);
	ck_assert_int_ge(s.n, min_allocs);
}

START_TEST(catalogue_json_allocation_failures)
{
	fail_each_allocation(dump_catalogue, 1);
}
END_TEST

START_TEST(selection_allocation_failures)
{
	fail_each_allocation(selection, 10);
}
END_TEST

Suite *ddbgt_test_regions(void)
{
	Suite *s = suite_create("regions");
	TCase *cat = tcase_create("catalogue");
	TCase *sel = tcase_create("selection");
	TCase *other = tcase_create("doc_and_memory");

	tcase_add_test(cat, catalogue_is_section_11);
	tcase_add_test(cat, codes_unique_and_found_at_their_index);
	tcase_add_test(cat, every_entry_is_consistent);
	tcase_add_test(cat, strong_consistency_sets_are_section_5);
	tcase_add_test(cat, partitions_and_geographies_of_other_partitions);
	tcase_add_test(cat, wellformed_codes);
	tcase_add_test(cat, lookups_and_null_arguments);
	tcase_add_test(cat, jurisdiction_matching);
	tcase_add_test(cat, distances_of_known_city_pairs);
	tcase_add_test(cat, catalogue_json);
	suite_add_tcase(s, cat);

	tcase_add_test(sel, nearest_single_region);
	tcase_add_test(sel, weights_decide);
	tcase_add_test(sel, eu_users_with_eu_jurisdiction);
	tcase_add_test(sel, three_geographies_three_regions);
	tcase_add_test(sel, strong_consistency_set);
	tcase_add_test(sel, impossible_constraints);
	tcase_add_test(sel, partitions_and_unverified_regions);
	tcase_add_test(sel, allowed_regions);
	tcase_add_test(sel, selection_is_deterministic);
	tcase_add_test(sel, ties_keep_catalogue_order);
	tcase_add_test(sel, query_arguments);
	suite_add_tcase(s, sel);

	tcase_add_test(other, doc_lists_every_region_and_function);
	tcase_add_test(other, catalogue_json_allocation_failures);
	tcase_add_test(other, selection_allocation_failures);
	suite_add_tcase(s, other);
	return s;
}
