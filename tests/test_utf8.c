/*
 * Every public setter that stores a string refuses one that is not UTF-8
 * (DDBGT_EINVAL, nothing changed), so that a table built through the API
 * always dumps to a valid JSON document; multi-byte UTF-8 is stored as
 * given and survives dump and load byte for byte.
 */
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "testutil.h"
#include "utf8.h"

/* Each is refused by the shared validator for its own reason. */
static const char *const bad[] = {
	"\xff",                 /* never in UTF-8 */
	"ok\x80",               /* stray continuation byte */
	"\xc3",                 /* truncated two-byte sequence */
	"\xe2\x82",             /* truncated three-byte sequence */
	"\xf0\x9f\x98",         /* truncated four-byte sequence */
	"\xc3\x28",             /* bad continuation */
	"\xc0\xaf",             /* overlong '/' */
	"\xe0\x80\xaf",         /* overlong '/', three bytes */
	"\xf0\x80\x80\xaf",     /* overlong '/', four bytes */
	"\xed\xa0\x80",         /* UTF-16 surrogate U+D800 */
	"\xed\xbf\xbf",         /* UTF-16 surrogate U+DFFF */
	"\xf4\x90\x80\x80",     /* U+110000, past the last code point */
	"\xf5\x80\x80\x80",     /* lead byte past U+10FFFF */
	"\xf8\x88\x80\x80\x80", /* five-byte form */
};

/* "é", "✓", an emoji, U+10FFFF, and control characters the loader accepts escaped. */
static const char *const good[] = {"\xc3\xa9", "x\xe2\x9c\x93y", "\xf0\x9f\x98\x80",
                                   "\xf4\x8f\xbf\xbf", "tab\there"};

#define NBAD (sizeof bad / sizeof bad[0])
#define NGOOD (sizeof good / sizeof good[0])

static ddbgt_replica *replica(ddbgt_table *t) { return ddbgt_table_find_replica_mut(t, "eu-west-1"); }
static ddbgt_gsi *gsi(ddbgt_table *t) { return ddbgt_table_find_gsi_mut(t, "g1"); }
static ddbgt_lsi *lsi(ddbgt_table *t) { return ddbgt_table_find_lsi_mut(t, "l1"); }

/* A table with every string field set, through the API. */
static ddbgt_table *full_table(void)
{
	ddbgt_table *t = NULL;
	ddbgt_replica *r = NULL;
	ddbgt_gsi *g = NULL;
	ddbgt_lsi *l = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, "orders"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "a", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, "expires"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_witness_region(t, "us-west-2"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "team", "core"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_kms_key(r, "alias/orders"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "g1", 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "site", "dublin"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_new(&g, "g1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, "sk"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(g, "note"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_new(&l, "l1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key(l, "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_add_non_key_attribute(l, "note"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_lsi(t, l), DDBGT_OK);
	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(p, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_jurisdiction(p, "EU"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_rate(ddbgt_table_usage_mut(t), DDBGT_READ, "eu-west-1", 10.0),
	                 DDBGT_OK);
	return t;
}

static int set_table_name(ddbgt_table *t, const char *s) { return ddbgt_table_set_name(t, s); }
static int set_table_pk(ddbgt_table *t, const char *s)
{
	return ddbgt_table_set_partition_key(t, s, DDBGT_ATTR_S);
}
static int set_table_sk(ddbgt_table *t, const char *s)
{
	return ddbgt_table_set_sort_key(t, s, DDBGT_ATTR_S);
}
static int add_table_attr(ddbgt_table *t, const char *s)
{
	return ddbgt_table_add_attribute(t, s, DDBGT_ATTR_B);
}
static int set_table_ttl(ddbgt_table *t, const char *s) { return ddbgt_table_set_ttl_attribute(t, s); }
static int set_table_witness(ddbgt_table *t, const char *s)
{
	return ddbgt_table_set_witness_region(t, s);
}
static int set_table_tag_key(ddbgt_table *t, const char *s) { return ddbgt_table_set_tag(t, s, "v"); }
static int set_table_tag_value(ddbgt_table *t, const char *s) { return ddbgt_table_set_tag(t, "k", s); }
static int set_replica_region(ddbgt_table *t, const char *s)
{
	return ddbgt_replica_set_region(replica(t), s);
}
static int set_replica_kms(ddbgt_table *t, const char *s) { return ddbgt_replica_set_kms_key(replica(t), s); }
static int set_replica_gsi_capacity(ddbgt_table *t, const char *s)
{
	return ddbgt_replica_set_gsi_read_capacity(replica(t), s, 7);
}
static int set_replica_gsi_autoscaling(ddbgt_table *t, const char *s)
{
	return ddbgt_replica_set_gsi_read_autoscaling(replica(t), s, 1, 10, 70.0);
}
static int set_replica_tag_key(ddbgt_table *t, const char *s)
{
	return ddbgt_replica_set_tag(replica(t), s, "v");
}
static int set_replica_tag_value(ddbgt_table *t, const char *s)
{
	return ddbgt_replica_set_tag(replica(t), "k", s);
}
static int set_gsi_name(ddbgt_table *t, const char *s) { return ddbgt_gsi_set_name(gsi(t), s); }
static int set_gsi_pk(ddbgt_table *t, const char *s) { return ddbgt_gsi_set_partition_key(gsi(t), s); }
static int set_gsi_sk(ddbgt_table *t, const char *s) { return ddbgt_gsi_set_sort_key(gsi(t), s); }
static int add_gsi_attr(ddbgt_table *t, const char *s)
{
	return ddbgt_gsi_add_non_key_attribute(gsi(t), s);
}
static int set_lsi_name(ddbgt_table *t, const char *s) { return ddbgt_lsi_set_name(lsi(t), s); }
static int set_lsi_sk(ddbgt_table *t, const char *s) { return ddbgt_lsi_set_sort_key(lsi(t), s); }
static int add_lsi_attr(ddbgt_table *t, const char *s)
{
	return ddbgt_lsi_add_non_key_attribute(lsi(t), s);
}
static int add_policy_region(ddbgt_table *t, const char *s)
{
	return ddbgt_policy_add_allowed_region(ddbgt_table_policy_mut(t), s);
}
static int add_policy_jurisdiction(ddbgt_table *t, const char *s)
{
	return ddbgt_policy_add_jurisdiction(ddbgt_table_policy_mut(t), s);
}
static int set_policy_severity(ddbgt_table *t, const char *s)
{
	return ddbgt_policy_set_severity(ddbgt_table_policy_mut(t), s, DDBGT_SEVERITY_WARNING);
}
static int set_policy_quota(ddbgt_table *t, const char *s)
{
	return ddbgt_policy_set_quota(ddbgt_table_policy_mut(t), s, 5);
}
static int set_usage_rate(ddbgt_table *t, const char *s)
{
	return ddbgt_usage_set_rate(ddbgt_table_usage_mut(t), DDBGT_WRITE, s, 2.5);
}

static const struct setter {
	const char *name;
	int (*set)(ddbgt_table *t, const char *s);
	int free_text; /* 0: only catalogue names are stored (severity codes, quota names) */
} setters[] = {
	{"ddbgt_table_set_name", set_table_name, 1},
	{"ddbgt_table_set_partition_key", set_table_pk, 1},
	{"ddbgt_table_set_sort_key", set_table_sk, 1},
	{"ddbgt_table_add_attribute", add_table_attr, 1},
	{"ddbgt_table_set_ttl_attribute", set_table_ttl, 1},
	{"ddbgt_table_set_witness_region", set_table_witness, 1},
	{"ddbgt_table_set_tag (key)", set_table_tag_key, 1},
	{"ddbgt_table_set_tag (value)", set_table_tag_value, 1},
	{"ddbgt_replica_set_region", set_replica_region, 1},
	{"ddbgt_replica_set_kms_key", set_replica_kms, 1},
	{"ddbgt_replica_set_gsi_read_capacity", set_replica_gsi_capacity, 1},
	{"ddbgt_replica_set_gsi_read_autoscaling", set_replica_gsi_autoscaling, 1},
	{"ddbgt_replica_set_tag (key)", set_replica_tag_key, 1},
	{"ddbgt_replica_set_tag (value)", set_replica_tag_value, 1},
	{"ddbgt_gsi_set_name", set_gsi_name, 1},
	{"ddbgt_gsi_set_partition_key", set_gsi_pk, 1},
	{"ddbgt_gsi_set_sort_key", set_gsi_sk, 1},
	{"ddbgt_gsi_add_non_key_attribute", add_gsi_attr, 1},
	{"ddbgt_lsi_set_name", set_lsi_name, 1},
	{"ddbgt_lsi_set_sort_key", set_lsi_sk, 1},
	{"ddbgt_lsi_add_non_key_attribute", add_lsi_attr, 1},
	{"ddbgt_policy_add_allowed_region", add_policy_region, 1},
	{"ddbgt_policy_add_jurisdiction", add_policy_jurisdiction, 1},
	{"ddbgt_policy_set_severity", set_policy_severity, 0},
	{"ddbgt_policy_set_quota", set_policy_quota, 0},
	{"ddbgt_usage_set_rate", set_usage_rate, 1},
};

#define NSETTERS (sizeof setters / sizeof setters[0])

static char *dump(const ddbgt_table *t)
{
	char *s = NULL;
	ck_assert_int_eq(ddbgt_spec_dump_string(&s, t, 0), DDBGT_OK);
	return s;
}

/* _i: the setter; each bad string is refused and the table dumps the same bytes. */
START_TEST(setter_refuses_invalid_utf8)
{
	const struct setter *st = &setters[_i];
	ddbgt_table *t = full_table();
	char *before = dump(t);
	for (size_t b = 0; b < NBAD; b++) {
		ck_assert_msg(st->set(t, bad[b]) == DDBGT_EINVAL, "%s accepted bad string %zu", st->name,
		              b);
		char *after = dump(t);
		ck_assert_msg(strcmp(before, after) == 0, "%s changed the table on bad string %zu",
		              st->name, b);
		ddbgt_free(after);
	}
	ddbgt_free(before);
	ddbgt_table_free(t);
}
END_TEST

/* _i: the setter; each multi-byte string is stored and comes back from load(dump) as given. */
START_TEST(setter_round_trips_utf8)
{
	const struct setter *st = &setters[_i];
	if (!st->free_text) {
		/* Only catalogue names are stored: any other string is unknown, not malformed. */
		ddbgt_table *t = full_table();
		ck_assert_int_eq(st->set(t, good[0]), DDBGT_ENOTFOUND);
		ddbgt_table_free(t);
		return;
	}
	for (size_t g = 0; g < NGOOD; g++) {
		ddbgt_table *t = full_table();
		ck_assert_msg(st->set(t, good[g]) == DDBGT_OK, "%s refused good string %zu", st->name, g);
		char *text = dump(t);
		ck_assert(ddbgt__utf8_valid(text));
		/* Written as its bytes, not as \u escapes (a tab is the one escape here). */
		if (!strchr(good[g], '\t'))
			ck_assert_msg(strstr(text, good[g]) != NULL, "%s: string %zu not in the dump",
			              st->name, g);
		ddbgt_table *again = NULL;
		ddbgt_diags *d = NULL;
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		int rc = ddbgt_spec_load_string(&again, text, strlen(text), 0, d);
		if (rc != DDBGT_OK) {
			char *why = NULL;
			ddbgt_diags_to_text(&why, d);
			ck_abort_msg("%s: the dump with string %zu does not load: %s", st->name, g, why);
		}
		char *text2 = dump(again);
		ck_assert_msg(strcmp(text, text2) == 0, "%s: string %zu changed through load",
		              st->name, g);
		ddbgt_free(text2);
		ddbgt_free(text);
		ddbgt_diags_free(d);
		ddbgt_table_free(again);
		ddbgt_table_free(t);
	}
}
END_TEST

/* The constructors that take a string refuse a bad one with *out NULL. */
START_TEST(constructors_refuse_invalid_utf8)
{
	for (size_t b = 0; b < NBAD; b++) {
		ddbgt_table *t = (ddbgt_table *)1;
		ck_assert_int_eq(ddbgt_table_new(&t, bad[b]), DDBGT_EINVAL);
		ck_assert_ptr_null(t);
		ddbgt_replica *r = (ddbgt_replica *)1;
		ck_assert_int_eq(ddbgt_replica_new(&r, bad[b]), DDBGT_EINVAL);
		ck_assert_ptr_null(r);
		ddbgt_gsi *g = (ddbgt_gsi *)1;
		ck_assert_int_eq(ddbgt_gsi_new(&g, bad[b]), DDBGT_EINVAL);
		ck_assert_ptr_null(g);
		ddbgt_lsi *l = (ddbgt_lsi *)1;
		ck_assert_int_eq(ddbgt_lsi_new(&l, bad[b]), DDBGT_EINVAL);
		ck_assert_ptr_null(l);
		ddbgt_prices *p = (ddbgt_prices *)1;
		ck_assert_int_eq(ddbgt_prices_new(&p, bad[b]), DDBGT_EINVAL);
		ck_assert_ptr_null(p);
	}
	for (size_t g = 0; g < NGOOD; g++) {
		ddbgt_table *t = NULL;
		ck_assert_int_eq(ddbgt_table_new(&t, good[g]), DDBGT_OK);
		ck_assert_str_eq(ddbgt_table_name(t), good[g]);
		ddbgt_table_free(t);
		ddbgt_prices *p = NULL;
		ck_assert_int_eq(ddbgt_prices_new(&p, good[g]), DDBGT_OK);
		ck_assert_str_eq(ddbgt_prices_currency(p), good[g]);
		ddbgt_prices_free(p);
	}
}
END_TEST

/* A price table's regions are echoed into cost reports: same rule. */
START_TEST(prices_set_refuses_invalid_utf8)
{
	ddbgt_prices *p = NULL;
	ck_assert_int_eq(ddbgt_prices_new(&p, "USD"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_prices_set(p, "eu-west-1", DDBGT_PRICE_STORAGE,
	                                  DDBGT_TABLE_CLASS_UNSET, 250000000), DDBGT_OK);
	for (size_t b = 0; b < NBAD; b++) {
		ck_assert_int_eq(ddbgt_prices_set(p, bad[b], DDBGT_PRICE_STORAGE,
		                                  DDBGT_TABLE_CLASS_UNSET, 1), DDBGT_EINVAL);
		ck_assert_uint_eq(ddbgt_prices_region_count(p), 1);
	}
	ck_assert_int_eq(ddbgt_prices_set(p, good[2], DDBGT_PRICE_STORAGE,
	                                  DDBGT_TABLE_CLASS_UNSET, 1), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_prices_region_count(p), 2);
	ddbgt_prices_free(p);
}
END_TEST

/* The shared validator itself, at the edges of each range. */
START_TEST(validator_edges)
{
	for (size_t b = 0; b < NBAD; b++)
		ck_assert_msg(!ddbgt__utf8_valid(bad[b]), "bad %zu", b);
	for (size_t g = 0; g < NGOOD; g++)
		ck_assert_msg(ddbgt__utf8_valid(good[g]), "good %zu", g);
	ck_assert(ddbgt__utf8_valid(""));
	ck_assert(ddbgt__utf8_valid("\xc2\x80"));         /* U+0080, the first two-byte */
	ck_assert(ddbgt__utf8_valid("\xe0\xa0\x80"));     /* U+0800, the first three-byte */
	ck_assert(ddbgt__utf8_valid("\xed\x9f\xbf"));     /* U+D7FF, below the surrogates */
	ck_assert(ddbgt__utf8_valid("\xee\x80\x80"));     /* U+E000, above them */
	ck_assert(ddbgt__utf8_valid("\xf0\x90\x80\x80")); /* U+10000, the first four-byte */
	ck_assert(!ddbgt__utf8_valid("\xc1\xbf"));        /* overlong U+007F */
	ck_assert(!ddbgt__utf8_valid(NULL));
	ck_assert(ddbgt__utf8_ok(NULL));
	/* A length limit cuts a sequence short. */
	ck_assert_uint_eq(ddbgt__utf8_seq_len((const unsigned char *)"\xe2\x9c\x93", 3), 3);
	ck_assert_uint_eq(ddbgt__utf8_seq_len((const unsigned char *)"\xe2\x9c\x93", 2), 0);
}
END_TEST

Suite *ddbgt_test_utf8(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("setters");
	tcase_add_loop_test(tc, setter_refuses_invalid_utf8, 0, (int)NSETTERS);
	tcase_add_loop_test(tc, setter_round_trips_utf8, 0, (int)NSETTERS);
	tcase_add_test(tc, constructors_refuse_invalid_utf8);
	tcase_add_test(tc, prices_set_refuses_invalid_utf8);
	tcase_add_test(tc, validator_edges);
	suite_add_tcase(s, tc);
	return s;
}
