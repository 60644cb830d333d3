/* Templates and helpers: topology, strategy, features, routing. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ddbgt/template.h"
#include "ddbgt/strategy.h"
#include "ddbgt/replica.h"
#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "ddbgt/spec.h"
#include "ddbgt/validate.h"
#include "ddbgt/emit.h"
#include "ddbgt/cost.h"
#include "testutil.h"

static ddbgt_table *build(const char *name)
{
	ddbgt_table *t = NULL;

	ck_assert_int_eq(ddbgt_template_build(&t, name, NULL), 0);
	ck_assert_ptr_nonnull(t);
	return t;
}

/* A table of the given regions; roles and classes set by the caller. */
static ddbgt_table *table_of(const char *const *regions, size_t n)
{
	ddbgt_table *t = NULL;
	size_t i;

	ck_assert_int_eq(ddbgt_table_new(&t, "Edge"), 0);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), 0);
	for (i = 0; i < n; i++) {
		ddbgt_replica *r = NULL;

		ck_assert_int_eq(ddbgt_replica_new(&r, regions[i]), 0);
		ck_assert_int_eq(ddbgt_table_add_replica(t, r), 0);
	}
	return t;
}

static json_t *parse(char *text)
{
	json_error_t err;
	json_t *j;

	ck_assert_ptr_nonnull(text);
	ck_assert_int_eq(text[strlen(text) - 1], '\n');
	j = json_loads(text, 0, &err);
	ck_assert_msg(j != NULL, "bad JSON: %s", err.text);
	ddbgt_free(text);
	return j;
}

static int has_reason(const ddbgt_strategy *s, const char *needle)
{
	size_t i;

	for (i = 0; i < ddbgt_strategy_reason_count(s); i++)
		if (strstr(ddbgt_strategy_reason_at(s, i), needle))
			return 1;
	return 0;
}

/* ---- templates --------------------------------------------------------- */

START_TEST(test_template_catalogue)
{
	size_t i, j, idx = 99;

	ck_assert_uint_ge(ddbgt_template_count(), 6);
	for (i = 0; i < ddbgt_template_count(); i++) {
		ck_assert_ptr_nonnull(ddbgt_template_name(i));
		ck_assert_ptr_nonnull(ddbgt_template_description(i));
		ck_assert_ptr_nonnull(ddbgt_template_usage_summary(i));
		ck_assert_int_eq(ddbgt_template_find(ddbgt_template_name(i), &idx), 0);
		ck_assert_uint_eq(idx, i);
		for (j = i + 1; j < ddbgt_template_count(); j++)
			ck_assert_str_ne(ddbgt_template_name(i), ddbgt_template_name(j));
	}
	ck_assert_ptr_null(ddbgt_template_name(ddbgt_template_count()));
	ck_assert_ptr_null(ddbgt_template_description(ddbgt_template_count()));
	ck_assert_int_eq(ddbgt_template_find("no-such-pattern", &idx), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_template_find(NULL, &idx), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_template_default_name(), DDBGT_TEMPLATE_DEFAULT);
	ck_assert_int_eq(ddbgt_template_find(DDBGT_TEMPLATE_DEFAULT, NULL), 0);
}
END_TEST

START_TEST(test_template_each_builds_complete)
{
	size_t i;

	for (i = 0; i < ddbgt_template_count(); i++) {
		ddbgt_table *t = build(ddbgt_template_name(i));
		const ddbgt_usage *u = ddbgt_table_usage(t);
		size_t r;

		ck_assert_ptr_nonnull(ddbgt_table_name(t));
		ck_assert_ptr_nonnull(ddbgt_table_partition_key_name(t));
		ck_assert_uint_ge(ddbgt_table_replica_count(t), 2);
		ck_assert_int_eq(ddbgt_replica_effective_role(ddbgt_table_replica_at(t, 0)),
		                 DDBGT_ROLE_PRIMARY);
		/* A usage profile with a rate for every region: the cost estimate means something. */
		ck_assert(!ddbgt_usage_is_empty(u));
		for (r = 0; r < ddbgt_table_replica_count(t); r++) {
			double w = -1;

			ck_assert_int_eq(ddbgt_usage_get_rate(u, DDBGT_WRITE,
			                                      ddbgt_replica_region(ddbgt_table_replica_at(t, r)),
			                                      &w),
			                 0);
		}
		ck_assert_str_eq(ddbgt_table_tag(t, "pattern"), ddbgt_template_name(i));
		ddbgt_table_free(t);
	}
}
END_TEST

START_TEST(test_template_builders_match_names)
{
	static const struct {
		const char *name;
		int (*fn)(ddbgt_table **, const ddbgt_template_options *);
	} b[] = {
		{"active-active", ddbgt_template_active_active},
		{"geo-distributed", ddbgt_template_geo_distributed},
		{"primary-standby", ddbgt_template_primary_standby},
		{"eu-residency", ddbgt_template_eu_residency},
		{"strong-consistency", ddbgt_template_strong_consistency},
		{"provisioned-autoscaling", ddbgt_template_provisioned_autoscaling},
	};
	size_t i;

	for (i = 0; i < sizeof b / sizeof b[0]; i++) {
		ddbgt_table *a = NULL, *c = NULL;
		char *da = NULL, *dc = NULL;

		ck_assert_int_eq(b[i].fn(&a, NULL), 0);
		ck_assert_int_eq(ddbgt_template_build(&c, b[i].name, NULL), 0);
		ck_assert_int_eq(ddbgt_spec_dump_string(&da, a, 0), 0);
		ck_assert_int_eq(ddbgt_spec_dump_string(&dc, c, 0), 0);
		ck_assert_str_eq(da, dc);
		ddbgt_free(da);
		ddbgt_free(dc);
		ddbgt_table_free(a);
		ddbgt_table_free(c);
	}
}
END_TEST

START_TEST(test_template_options)
{
	static const char *const regions[] = {"eu-west-1", "eu-west-2", "eu-central-1"};
	ddbgt_template_options o;
	ddbgt_table *t = NULL;

	ck_assert_int_eq(ddbgt_template_options_init(&o, DDBGT_TEMPLATE_OPTIONS_VERSION), 0);
	ck_assert_int_eq(ddbgt_template_options_init(&o, 999), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_template_options_init(NULL, DDBGT_TEMPLATE_OPTIONS_VERSION),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_template_options_init(&o, DDBGT_TEMPLATE_OPTIONS_VERSION), 0);
	o.table_name = "Orders";
	o.partition_key = "tenant";
	o.partition_key_type = DDBGT_ATTR_N;
	o.sort_key = "order_id";
	o.regions = regions;
	o.region_count = 3;
	ck_assert_int_eq(ddbgt_template_active_active(&t, &o), 0);
	ck_assert_str_eq(ddbgt_table_name(t), "Orders");
	ck_assert_str_eq(ddbgt_table_partition_key_name(t), "tenant");
	ck_assert_int_eq(ddbgt_table_partition_key_type(t), DDBGT_ATTR_N);
	ck_assert_str_eq(ddbgt_table_sort_key_name(t), "order_id");
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 3);
	ck_assert_str_eq(ddbgt_replica_region(ddbgt_table_replica_at(t, 2)), "eu-central-1");
	ck_assert_uint_eq(ddbgt_table_lsi_count(t), 1);
	ddbgt_table_free(t);

	/* No sort key: the LSI that needs one is left out rather than made invalid. */
	o.sort_key = "";
	ck_assert_int_eq(ddbgt_template_active_active(&t, &o), 0);
	ck_assert_ptr_null(ddbgt_table_sort_key_name(t));
	ck_assert_uint_eq(ddbgt_table_lsi_count(t), 0);
	ddbgt_table_free(t);

	o.region_count = 1;
	t = (ddbgt_table *)&o; /* must be reset to NULL on failure */
	ck_assert_int_eq(ddbgt_template_active_active(&t, &o), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
	o.region_count = 3;
	o.version = 999;
	ck_assert_int_eq(ddbgt_template_build(&t, "geo-distributed", &o), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_template_build(&t, "nope", NULL), DDBGT_ENOTFOUND);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(ddbgt_template_build(NULL, "geo-distributed", NULL), DDBGT_EINVAL);
}
END_TEST

START_TEST(test_template_strong_witness)
{
	static const char *const two_eu[] = {"eu-west-1", "eu-west-3"};
	static const char *const four[] = {"us-east-1", "us-east-2", "us-west-2", "us-west-1"};
	static const char *const outside[] = {"sa-east-1", "us-east-1"};
	ddbgt_template_options o = DDBGT_TEMPLATE_OPTIONS_INIT;
	ddbgt_table *t = NULL;
	const char *w;

	t = build("strong-consistency");
	ck_assert_int_eq(ddbgt_table_consistency(t), DDBGT_CONSISTENCY_STRONG);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 3);
	ck_assert_ptr_null(ddbgt_table_witness_region(t));
	ck_assert_ptr_null(ddbgt_table_ttl_attribute(t));
	ck_assert_uint_eq(ddbgt_table_lsi_count(t), 0);
	ddbgt_table_free(t);

	o.regions = two_eu;
	o.region_count = 2;
	ck_assert_int_eq(ddbgt_template_strong_consistency(&t, &o), 0);
	w = ddbgt_table_witness_region(t);
	ck_assert_ptr_nonnull(w);
	ck_assert_str_ne(w, "eu-west-1");
	ck_assert_str_ne(w, "eu-west-3");
	ck_assert(strcmp(w, "eu-west-2") == 0 || strcmp(w, "eu-central-1") == 0);
	ddbgt_table_free(t);

	o.witness_region = "eu-central-1";
	ck_assert_int_eq(ddbgt_template_strong_consistency(&t, &o), 0);
	ck_assert_str_eq(ddbgt_table_witness_region(t), "eu-central-1");
	ddbgt_table_free(t);

	o.witness_region = NULL;
	o.regions = four;
	o.region_count = 4;
	ck_assert_int_eq(ddbgt_template_strong_consistency(&t, &o), DDBGT_EINVAL);
	/* Two regions outside every strong consistency set: no witness to pick. */
	o.regions = outside;
	o.region_count = 2;
	ck_assert_int_eq(ddbgt_template_strong_consistency(&t, &o), DDBGT_EINVAL);
	ck_assert_ptr_null(t);
}
END_TEST

START_TEST(test_template_eu_residency_keys)
{
	static const char *const keys[] = {"arn:aws:kms:eu-west-1:444455556666:key/a",
	                                   "arn:aws:kms:eu-central-1:444455556666:key/b"};
	ddbgt_template_options o = DDBGT_TEMPLATE_OPTIONS_INIT;
	const ddbgt_policy *p;
	ddbgt_table *t = build("eu-residency");
	size_t i;
	int64_t days = 0;

	ck_assert_int_eq(ddbgt_table_encryption(t), DDBGT_ENCRYPTION_CUSTOMER_MANAGED);
	for (i = 0; i < ddbgt_table_replica_count(t); i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(t, i);

		ck_assert_ptr_nonnull(strstr(ddbgt_replica_kms_key(r), ddbgt_replica_region(r)));
		ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 1);
		ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), 0);
		ck_assert_int_eq(days, 35);
		ck_assert_int_eq(ddbgt_replica_deletion_protection(r), 1);
	}
	p = ddbgt_table_policy(t);
	ck_assert_uint_eq(ddbgt_policy_jurisdiction_count(p), 1);
	ck_assert_str_eq(ddbgt_policy_jurisdiction_at(p, 0), "EU");
	ck_assert(ddbgt_policy_require_customer_managed_keys(p));
	ddbgt_table_free(t);

	o.kms_keys = keys;
	ck_assert_int_eq(ddbgt_template_eu_residency(&t, &o), 0);
	ck_assert_str_eq(ddbgt_replica_kms_key(ddbgt_table_replica_at(t, 1)), keys[1]);
	ddbgt_table_free(t);
}
END_TEST

/* `ddbgt template show` prints the dump: it must load back to the same document. */
START_TEST(test_template_spec_round_trip)
{
	size_t i;

	for (i = 0; i < ddbgt_template_count(); i++) {
		ddbgt_table *t = build(ddbgt_template_name(i)), *back = NULL;
		char *first = NULL, *second = NULL;

		ck_assert_int_eq(ddbgt_spec_dump_string(&first, t, 0), 0);
		ck_assert_int_eq(ddbgt_spec_load_string(&back, first, strlen(first), 0, NULL), 0);
		ck_assert_int_eq(ddbgt_spec_dump_string(&second, back, 0), 0);
		ck_assert_str_eq(first, second);
		ddbgt_free(first);
		ddbgt_free(second);
		ddbgt_table_free(back);
		ddbgt_table_free(t);
	}
}
END_TEST

/* Zero errors and zero warnings from the validator; notes are allowed. */
START_TEST(test_template_validates_clean)
{
	size_t i;

	for (i = 0; i < ddbgt_template_count(); i++) {
		ddbgt_table *t = build(ddbgt_template_name(i));
		ddbgt_diags *d = NULL;
		char *text = NULL;

		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), 0);
		ck_assert_int_eq(ddbgt_diags_to_text(&text, d), 0);
		ck_assert_msg(ddbgt_diags_error_count(d) == 0 && ddbgt_diags_warning_count(d) == 0,
		              "%s:\n%s", ddbgt_template_name(i), text);
		ddbgt_free(text);
		ddbgt_diags_free(d);
		ddbgt_table_free(t);
	}
}
END_TEST

/* The same with options that change regions, keys and witness. */
START_TEST(test_template_options_validate_clean)
{
	static const char *const eu[] = {"eu-west-1", "eu-west-3"};
	static const char *const three[] = {"us-east-1", "eu-west-1", "ap-southeast-2"};
	ddbgt_template_options o = DDBGT_TEMPLATE_OPTIONS_INIT;
	size_t i;

	for (i = 0; i < ddbgt_template_count(); i++) {
		ddbgt_table *t = NULL;
		ddbgt_diags *d = NULL;
		const char *name = ddbgt_template_name(i);

		o.table_name = "Orders";
		o.partition_key = "tenant_id";
		o.sort_key = "";
		o.regions = strcmp(name, "strong-consistency") == 0 || strcmp(name, "eu-residency") == 0
		                    ? eu
		                    : three;
		o.region_count = o.regions == eu ? 2 : 3;
		ck_assert_int_eq(ddbgt_template_build(&t, name, &o), 0);
		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ck_assert_int_eq(ddbgt_table_validate(t, NULL, d), 0);
		ck_assert_msg(ddbgt_diags_warning_count(d) == 0, "%s: %s", name,
		              ddbgt_diags_message(d, 0));
		ddbgt_diags_free(d);
		ddbgt_table_free(t);
	}
}
END_TEST

/* Terraform comes out, with no warning about something it cannot express. */
START_TEST(test_template_emits)
{
	size_t i;

	for (i = 0; i < ddbgt_template_count(); i++) {
		ddbgt_table *t = build(ddbgt_template_name(i));
		ddbgt_diags *d = NULL;
		char *doc = NULL;

		ck_assert_int_eq(ddbgt_diags_new(&d), 0);
		ck_assert_int_eq(ddbgt_emit_string(&doc, t, NULL, d), 0);
		ck_assert_ptr_nonnull(strstr(doc, "aws_dynamodb_table"));
		ck_assert_ptr_nonnull(strstr(doc, ddbgt_table_name(t)));
		ck_assert_msg(ddbgt_diags_warning_count(d) == 0 && ddbgt_diags_error_count(d) == 0,
		              "%s: %s", ddbgt_template_name(i), ddbgt_diags_message(d, 0));
		ddbgt_free(doc);
		ddbgt_diags_free(d);
		ddbgt_table_free(t);
	}
}
END_TEST

/*
 * The usage profiles make the estimate meaningful: every line is priced,
 * every replica costs something, and each replica's table class is the one
 * the estimator finds cheaper for that profile (the primary-standby standby
 * is Standard-IA because its bill is mostly storage).
 */
START_TEST(test_template_cost_profiles)
{
	size_t i, k;

	for (i = 0; i < ddbgt_template_count(); i++) {
		const char *name = ddbgt_template_name(i);
		ddbgt_table *t = build(name);
		ddbgt_cost_report *c = NULL;

		ck_assert_int_eq(ddbgt_cost_estimate(&c, t, NULL, NULL), 0);
		ck_assert_msg(ddbgt_cost_report_is_complete(c), "%s: a price is missing", name);
		ck_assert_uint_eq(ddbgt_cost_report_region_count(c), ddbgt_table_replica_count(t));
		for (k = 0; k < ddbgt_cost_report_region_count(c); k++)
			ck_assert_int_gt(ddbgt_cost_report_region_subtotal_nanos(c, k), 0);
		for (k = 0; k < ddbgt_cost_report_recommendation_count(c); k++) {
			if (ddbgt_cost_recommendation_subject(c, k) != DDBGT_COST_REC_TABLE_CLASS)
				continue;
			ck_assert_msg(strcmp(ddbgt_cost_recommendation_current(c, k),
			                     ddbgt_cost_recommendation_recommended(c, k)) == 0,
			              "%s: %s", name, ddbgt_cost_recommendation_message(c, k));
		}
		ddbgt_cost_report_free(c);
		ddbgt_table_free(t);
	}
}
END_TEST

/* ---- topology ----------------------------------------------------------- */

START_TEST(test_topology_templates)
{
	static const struct {
		const char *name;
		size_t regions, replicas;
	} want[] = {
		{"active-active", 2, 2},   {"geo-distributed", 3, 3},
		{"primary-standby", 2, 2}, {"eu-residency", 2, 2},
		{"strong-consistency", 3, 3}, {"provisioned-autoscaling", 2, 2},
	};
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ddbgt_table *t = build(want[i].name);
		ddbgt_topology *tp = NULL;

		ck_assert_int_eq(ddbgt_topology_new(&tp, t), 0);
		ck_assert_uint_eq(ddbgt_topology_region_count(tp), want[i].regions);
		ck_assert_uint_eq(ddbgt_topology_replica_count(tp), want[i].replicas);
		ck_assert_int_eq(ddbgt_topology_role_at(tp, 0), DDBGT_MEMBER_PRIMARY);
		ck_assert_str_eq(ddbgt_topology_region_at(tp, 0),
		                 ddbgt_replica_region(ddbgt_table_replica_at(t, 0)));
		ck_assert_ptr_nonnull(ddbgt_topology_geography_at(tp, 0));
		ddbgt_topology_free(tp);
		ddbgt_table_free(t);
	}
}
END_TEST

START_TEST(test_topology_order_and_witness)
{
	static const char *const regions[] = {"us-east-2", "us-east-1"};
	ddbgt_table *t = table_of(regions, 2);
	ddbgt_topology *tp = NULL;
	char *json = NULL;
	json_t *j;

	/* The primary is listed first even when it is not first in the spec. */
	ck_assert_int_eq(ddbgt_replica_set_role(ddbgt_table_replica_at_mut(t, 1), DDBGT_ROLE_PRIMARY), 0);
	ck_assert_int_eq(ddbgt_replica_set_role(ddbgt_table_replica_at_mut(t, 0), DDBGT_ROLE_SECONDARY),
	                 0);
	ck_assert_int_eq(ddbgt_table_set_consistency(t, DDBGT_CONSISTENCY_STRONG), 0);
	ck_assert_int_eq(ddbgt_table_set_witness_region(t, "us-west-2"), 0);
	ck_assert_int_eq(ddbgt_topology_new(&tp, t), 0);
	ddbgt_table_free(t); /* the topology holds its own copies */
	ck_assert_uint_eq(ddbgt_topology_region_count(tp), 3);
	ck_assert_uint_eq(ddbgt_topology_replica_count(tp), 2);
	ck_assert_str_eq(ddbgt_topology_region_at(tp, 0), "us-east-1");
	ck_assert_int_eq(ddbgt_topology_spec_index_at(tp, 0), 1);
	ck_assert_str_eq(ddbgt_topology_region_at(tp, 1), "us-east-2");
	ck_assert_int_eq(ddbgt_topology_role_at(tp, 1), DDBGT_MEMBER_SECONDARY);
	ck_assert_str_eq(ddbgt_topology_region_at(tp, 2), "us-west-2");
	ck_assert_int_eq(ddbgt_topology_role_at(tp, 2), DDBGT_MEMBER_WITNESS);
	ck_assert_int_eq(ddbgt_topology_spec_index_at(tp, 2), -1);
	ck_assert_int_eq(ddbgt_topology_table_class_at(tp, 2), DDBGT_TABLE_CLASS_UNSET);
	ck_assert_ptr_null(ddbgt_topology_region_at(tp, 3));
	ck_assert_int_eq(ddbgt_topology_role_at(tp, 3), DDBGT_MEMBER_NONE);
	ck_assert_int_eq(ddbgt_topology_to_json(&json, tp), 0);
	j = parse(json);
	ck_assert_int_eq(json_integer_value(json_object_get(j, "region_count")), 3);
	ck_assert_str_eq(json_string_value(json_object_get(
				 json_array_get(json_object_get(j, "regions"), 2), "role")),
	                 "witness");
	json_decref(j);
	ddbgt_topology_free(tp);
	ddbgt_topology_free(NULL);
	ck_assert_int_eq(ddbgt_topology_new(&tp, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(tp);
	ck_assert_uint_eq(ddbgt_topology_region_count(NULL), 0);
	ck_assert_str_eq(ddbgt_member_role_name(DDBGT_MEMBER_STANDBY), "standby");
	ck_assert_ptr_null(ddbgt_member_role_name(DDBGT_MEMBER_NONE));
}
END_TEST

/* ---- strategy ----------------------------------------------------------- */

START_TEST(test_strategy_templates)
{
	static const struct {
		const char *name;
		ddbgt_strategy_kind kind;
		const char *dr_class;
	} want[] = {
		{"active-active", DDBGT_STRATEGY_ACTIVE_ACTIVE, "multi-site active/active"},
		{"geo-distributed", DDBGT_STRATEGY_GEO_DISTRIBUTED, "multi-site active/active"},
		{"primary-standby", DDBGT_STRATEGY_PRIMARY_STANDBY_COLD, "pilot light"},
		{"eu-residency", DDBGT_STRATEGY_ACTIVE_ACTIVE, "multi-site active/active"},
		{"strong-consistency", DDBGT_STRATEGY_STRONG_CONSISTENCY, "multi-site active/active"},
		{"provisioned-autoscaling", DDBGT_STRATEGY_GEO_DISTRIBUTED, "multi-site active/active"},
	};
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ddbgt_table *t = build(want[i].name);
		ddbgt_strategy *s = NULL;
		char *json = NULL;
		json_t *j;

		ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
		ck_assert_msg(ddbgt_strategy_pattern(s) == want[i].kind, "%s: got %s", want[i].name,
		              ddbgt_strategy_kind_name(ddbgt_strategy_pattern(s)));
		ck_assert_str_eq(ddbgt_strategy_dr_class(s), want[i].dr_class);
		ck_assert_uint_ge(ddbgt_strategy_reason_count(s), 1);
		ck_assert_ptr_nonnull(ddbgt_strategy_summary(s));
		ck_assert_ptr_nonnull(ddbgt_strategy_rpo(s));
		ck_assert_ptr_nonnull(ddbgt_strategy_rto(s));
		ck_assert_ptr_nonnull(strstr(ddbgt_strategy_dr_source(s), "Disaster Recovery"));
		ck_assert_int_eq(ddbgt_strategy_to_json(&json, s), 0);
		j = parse(json);
		ck_assert_str_eq(json_string_value(json_object_get(j, "strategy")),
		                 ddbgt_strategy_kind_name(want[i].kind));
		ck_assert_uint_eq(json_array_size(json_object_get(j, "reasons")),
		                  ddbgt_strategy_reason_count(s));
		ck_assert_ptr_nonnull(json_object_get(json_object_get(j, "disaster_recovery"), "rpo"));
		json_decref(j);
		ddbgt_strategy_free(s);
		ddbgt_table_free(t);
	}
}
END_TEST

START_TEST(test_strategy_reasons_of_templates)
{
	ddbgt_table *t = build("primary-standby");
	ddbgt_strategy *s = NULL;

	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert(has_reason(s, "standby in us-west-2: role standby, Standard-IA"));
	ck_assert_ptr_nonnull(strstr(ddbgt_strategy_rpo(s), "seconds"));
	ck_assert_ptr_nonnull(strstr(ddbgt_strategy_rto(s), "tens of minutes"));
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);

	t = build("strong-consistency");
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_ptr_nonnull(strstr(ddbgt_strategy_rpo(s), "zero"));
	ck_assert(has_reason(s, "STRONG over 3 replicas"));
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);

	t = build("geo-distributed");
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert(has_reason(s, "span 3 geographies"));
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(test_strategy_single_and_none)
{
	static const char *const one[] = {"eu-west-1"};
	ddbgt_table *t = table_of(one, 1);
	ddbgt_strategy *s = NULL;

	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_SINGLE_REGION);
	ck_assert_str_eq(ddbgt_strategy_dr_class(s), "backup and restore");
	ck_assert(has_reason(s, "without point-in-time recovery"));
	ddbgt_strategy_free(s);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 1), 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_ptr_nonnull(strstr(ddbgt_strategy_rpo(s), "PITR"));
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);

	t = table_of(one, 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_NONE);
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(s);
	ck_assert_ptr_null(ddbgt_strategy_kind_name((ddbgt_strategy_kind)42));
}
END_TEST

START_TEST(test_strategy_all_standby)
{
	static const char *const regions[] = {"us-east-1", "us-west-2", "eu-west-1"};
	ddbgt_table *t = table_of(regions, 3);
	ddbgt_strategy *s = NULL;
	size_t i;

	for (i = 0; i < 3; i++)
		ck_assert_int_eq(
			ddbgt_replica_set_role(ddbgt_table_replica_at_mut(t, i), DDBGT_ROLE_STANDBY), 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	/* Standard class, on-demand standbys can take over at once: warm. */
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_PRIMARY_STANDBY_WARM);
	ck_assert(has_reason(s, "no replica has the primary role: the first, us-east-1, leads"));
	ck_assert(has_reason(s, "2 of 3 replicas are standbys"));
	ck_assert_str_eq(ddbgt_strategy_dr_class(s), "warm standby");
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(test_strategy_provisioned_standby_capacity)
{
	static const char *const regions[] = {"us-east-1", "eu-west-1"};
	ddbgt_table *t = table_of(regions, 2);
	ddbgt_replica *standby = ddbgt_table_replica_at_mut(t, 1);
	ddbgt_strategy *s = NULL;

	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), 0);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_READ, 1000), 0);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_WRITE, 100), 0);
	ck_assert_int_eq(ddbgt_replica_set_role(standby, DDBGT_ROLE_STANDBY), 0);
	ck_assert_int_eq(ddbgt_replica_set_read_capacity(standby, 100), 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_PRIMARY_STANDBY_COLD);
	ck_assert(has_reason(s, "standby in eu-west-1: role standby, Standard class, read capacity "
	                        "10% of primary"));
	ddbgt_strategy_free(s);

	/* The same standby at full read capacity is warm. */
	ck_assert_int_eq(ddbgt_replica_set_read_capacity(standby, 1000), 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_PRIMARY_STANDBY_WARM);
	ck_assert(has_reason(s, "read capacity 100% of primary"));
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(test_strategy_idle_by_usage_and_mixed)
{
	static const char *const regions[] = {"us-east-1", "us-west-2", "eu-west-1"};
	ddbgt_table *t = table_of(regions, 3);
	ddbgt_usage *u = ddbgt_table_usage_mut(t);
	ddbgt_strategy *s = NULL;

	/* eu-west-1 has no traffic in the profile: it is a standby, not a serving replica. */
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "us-east-1", 10), 0);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "us-west-2", 10), 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_ACTIVE_ACTIVE);
	ck_assert(has_reason(s, "standby in eu-west-1: no traffic in the usage profile"));
	ck_assert(has_reason(s, "1 standby replica kept for failover"));
	ck_assert(has_reason(s, "serving replicas lie in one geography"));
	ddbgt_strategy_free(s);

	/* Give eu-west-1 traffic: now two geographies serve. */
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_READ, "eu-west-1", 5), 0);
	ck_assert_int_eq(ddbgt_strategy_identify(&s, t), 0);
	ck_assert_int_eq(ddbgt_strategy_pattern(s), DDBGT_STRATEGY_GEO_DISTRIBUTED);
	ddbgt_strategy_free(s);
	ddbgt_table_free(t);
}
END_TEST

/* ---- features ----------------------------------------------------------- */

START_TEST(test_features_templates)
{
	static const struct {
		const char *name;
		unsigned want, absent;
	} want[] = {
		{"active-active",
		 DDBGT_FEATURE_STREAM | DDBGT_FEATURE_PITR_ALL | DDBGT_FEATURE_DELETION_PROTECTION_ALL |
			 DDBGT_FEATURE_TTL | DDBGT_FEATURE_LSI,
		 DDBGT_FEATURE_KMS_ENCRYPTION | DDBGT_FEATURE_GSI | DDBGT_FEATURE_PROVISIONED},
		{"geo-distributed",
		 DDBGT_FEATURE_STREAM | DDBGT_FEATURE_KMS_ENCRYPTION | DDBGT_FEATURE_GSI |
			 DDBGT_FEATURE_TTL | DDBGT_FEATURE_PITR_ALL,
		 DDBGT_FEATURE_CUSTOMER_MANAGED_KEY | DDBGT_FEATURE_LSI},
		{"primary-standby", DDBGT_FEATURE_STANDARD_IA | DDBGT_FEATURE_PITR_ALL,
		 DDBGT_FEATURE_AUTOSCALING},
		{"eu-residency",
		 DDBGT_FEATURE_KMS_ENCRYPTION | DDBGT_FEATURE_CUSTOMER_MANAGED_KEY |
			 DDBGT_FEATURE_PITR_ALL | DDBGT_FEATURE_DELETION_PROTECTION_ALL,
		 DDBGT_FEATURE_STANDARD_IA},
		{"strong-consistency", DDBGT_FEATURE_STRONG_CONSISTENCY,
		 DDBGT_FEATURE_TTL | DDBGT_FEATURE_LSI | DDBGT_FEATURE_WITNESS},
		{"provisioned-autoscaling",
		 DDBGT_FEATURE_PROVISIONED | DDBGT_FEATURE_AUTOSCALING | DDBGT_FEATURE_GSI,
		 DDBGT_FEATURE_ON_DEMAND_MAX},
	};
	size_t i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		ddbgt_table *t = build(want[i].name);
		ddbgt_features *f = NULL;
		char *json = NULL;
		json_t *j;
		size_t k;

		ck_assert_int_eq(ddbgt_features_detect(&f, t), 0);
		ck_assert_msg(ddbgt_features_has(f, want[i].want), "%s: flags %#x", want[i].name,
		              ddbgt_features_flags(f));
		ck_assert_msg((ddbgt_features_flags(f) & want[i].absent) == 0, "%s: flags %#x",
		              want[i].name, ddbgt_features_flags(f));
		ck_assert_int_eq(ddbgt_features_to_json(&json, f), 0);
		j = parse(json);
		/* Every flag set appears by name in the JSON list, and no other. */
		for (k = 0; k < json_array_size(json_object_get(j, "flags")); k++) {
			const char *n = json_string_value(json_array_get(json_object_get(j, "flags"), k));
			unsigned bit;

			for (bit = 1; bit && (!ddbgt_feature_name((ddbgt_feature)bit) ||
			                      strcmp(ddbgt_feature_name((ddbgt_feature)bit), n));
			     bit <<= 1)
				;
			ck_assert_msg(bit && ddbgt_features_has(f, bit), "%s: %s", want[i].name, n);
		}
		ck_assert_uint_eq(json_array_size(json_object_get(j, "flags")),
		                  (size_t)__builtin_popcount(ddbgt_features_flags(f)));
		json_decref(j);
		ddbgt_features_free(f);
		ddbgt_table_free(t);
	}
}
END_TEST

START_TEST(test_features_mixed_classes_and_coverage)
{
	static const char *const regions[] = {"us-east-1", "us-west-2", "eu-west-1"};
	ddbgt_table *t = table_of(regions, 3);
	ddbgt_features *f = NULL;
	char *json = NULL;
	json_t *j;

	ck_assert_int_eq(ddbgt_replica_set_table_class(ddbgt_table_replica_at_mut(t, 2),
	                                               DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS),
	                 0);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 1), 0);
	ck_assert_int_eq(ddbgt_replica_set_pitr(ddbgt_table_replica_at_mut(t, 1), 0), 0);
	ck_assert_int_eq(ddbgt_replica_set_deletion_protection(ddbgt_table_replica_at_mut(t, 0), 1), 0);
	ck_assert_int_eq(ddbgt_table_set_stream(t, 0, DDBGT_STREAM_VIEW_UNSET), 0);
	ck_assert_int_eq(ddbgt_features_detect(&f, t), 0);
	ck_assert_int_eq(ddbgt_features_standard_ia(f), DDBGT_COVERAGE_SOME);
	ck_assert_int_eq(ddbgt_features_pitr(f), DDBGT_COVERAGE_SOME);
	ck_assert_int_eq(ddbgt_features_deletion_protection(f), DDBGT_COVERAGE_SOME);
	ck_assert(ddbgt_features_has(f, DDBGT_FEATURE_STANDARD_IA | DDBGT_FEATURE_PITR_SOME |
	                                    DDBGT_FEATURE_DELETION_PROTECTION_SOME));
	ck_assert(!ddbgt_features_has(f, DDBGT_FEATURE_PITR_ALL));
	ck_assert(!ddbgt_features_has(f, DDBGT_FEATURE_STREAM));
	ck_assert_int_eq(ddbgt_features_stream_view(f), DDBGT_STREAM_VIEW_UNSET);
	ck_assert_int_eq(ddbgt_features_encryption(f), DDBGT_ENCRYPTION_AWS_OWNED);
	ck_assert_int_eq(ddbgt_features_to_json(&json, f), 0);
	j = parse(json);
	ck_assert_str_eq(json_string_value(json_object_get(j, "point_in_time_recovery")), "some");
	ck_assert_str_eq(json_string_value(json_object_get(j, "standard_ia")), "some");
	ck_assert(json_is_false(json_object_get(json_object_get(j, "stream"), "enabled")));
	ck_assert(json_is_null(json_object_get(json_object_get(j, "stream"), "view_type")));
	json_decref(j);
	ddbgt_features_free(f);

	/* Every replica Standard-IA: coverage all. */
	ck_assert_int_eq(ddbgt_table_set_table_class(t, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS),
	                 0);
	ck_assert_int_eq(ddbgt_features_detect(&f, t), 0);
	ck_assert_int_eq(ddbgt_features_standard_ia(f), DDBGT_COVERAGE_ALL);
	ddbgt_features_free(f);
	ddbgt_table_free(t);

	ck_assert_int_eq(ddbgt_features_has(NULL, DDBGT_FEATURE_STREAM), 0);
	ck_assert_int_eq(ddbgt_features_detect(&f, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_feature_name((ddbgt_feature)(DDBGT_FEATURE_GSI | DDBGT_FEATURE_LSI)));
	ck_assert_str_eq(ddbgt_coverage_name(DDBGT_COVERAGE_ALL), "all");
}
END_TEST

START_TEST(test_features_replica_autoscaling_only)
{
	static const char *const regions[] = {"us-east-1", "us-west-2"};
	ddbgt_table *t = table_of(regions, 2);
	ddbgt_features *f = NULL;

	ck_assert_int_eq(ddbgt_features_detect(&f, t), 0);
	ck_assert(!ddbgt_features_has(f, DDBGT_FEATURE_AUTOSCALING));
	ddbgt_features_free(f);
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling(ddbgt_table_replica_at_mut(t, 1), 5, 50, 70),
	                 0);
	ck_assert_int_eq(ddbgt_features_detect(&f, t), 0);
	ck_assert(ddbgt_features_has(f, DDBGT_FEATURE_AUTOSCALING));
	ddbgt_features_free(f);
	ddbgt_table_free(t);
}
END_TEST

/* ---- routing ------------------------------------------------------------ */

START_TEST(test_routing_templates)
{
	size_t i;

	for (i = 0; i < ddbgt_template_count(); i++) {
		ddbgt_table *t = build(ddbgt_template_name(i));
		ddbgt_routing *r = NULL;
		char *json = NULL;
		json_t *j;
		size_t k;

		ck_assert_int_eq(ddbgt_routing_new(&r, t), 0);
		ck_assert_uint_eq(ddbgt_routing_count(r), ddbgt_table_replica_count(t));
		ck_assert_int_eq(ddbgt_routing_role_at(r, 0), DDBGT_MEMBER_PRIMARY);
		ck_assert(ddbgt_routing_distance_km_at(r, 0) == 0.0);
		for (k = 0; k < ddbgt_routing_count(r); k++) {
			const char *region = ddbgt_routing_region_at(r, k);

			ck_assert_ptr_nonnull(strstr(ddbgt_routing_table_arn_at(r, k), region));
			ck_assert_ptr_nonnull(strstr(ddbgt_routing_endpoint_at(r, k), region));
			/* Every template keeps a stream: replication and Terraform both want it. */
			ck_assert_ptr_nonnull(ddbgt_routing_stream_arn_at(r, k));
			ck_assert(ddbgt_routing_distance_km_at(r, k) >= 0);
		}
		ck_assert_int_eq(ddbgt_routing_to_json(&json, r), 0);
		j = parse(json);
		ck_assert_uint_eq(json_array_size(json_object_get(j, "failover_order")),
		                  ddbgt_routing_count(r));
		json_decref(j);
		ddbgt_routing_free(r);
		ddbgt_table_free(t);
	}
}
END_TEST

START_TEST(test_routing_order_arns_standby)
{
	static const char *const regions[] = {"us-east-1", "ap-northeast-1", "us-west-2",
	                                      "eu-west-1"};
	ddbgt_table *t = table_of(regions, 4);
	ddbgt_routing *r = NULL;
	char *json = NULL;
	json_t *j, *first;

	ck_assert_int_eq(ddbgt_replica_set_role(ddbgt_table_replica_at_mut(t, 2), DDBGT_ROLE_STANDBY), 0);
	ck_assert_int_eq(ddbgt_routing_new(&r, t), 0);
	/* Serving replicas nearest first, then the standby, whatever its distance. */
	ck_assert_str_eq(ddbgt_routing_region_at(r, 0), "us-east-1");
	ck_assert_str_eq(ddbgt_routing_region_at(r, 1), "eu-west-1");
	ck_assert_str_eq(ddbgt_routing_region_at(r, 2), "ap-northeast-1");
	ck_assert_str_eq(ddbgt_routing_region_at(r, 3), "us-west-2");
	ck_assert_int_eq(ddbgt_routing_role_at(r, 3), DDBGT_MEMBER_STANDBY);
	ck_assert_int_eq(ddbgt_routing_serves_traffic_at(r, 3), 0);
	ck_assert_int_eq(ddbgt_routing_serves_traffic_at(r, 1), 1);
	ck_assert(ddbgt_routing_distance_km_at(r, 1) > 4000 &&
	          ddbgt_routing_distance_km_at(r, 1) < 7000);
	ck_assert(ddbgt_routing_distance_km_at(r, 2) > ddbgt_routing_distance_km_at(r, 1));
	ck_assert_str_eq(ddbgt_routing_table_arn_at(r, 1),
	                 "arn:aws:dynamodb:eu-west-1:${AccountId}:table/Edge");
	ck_assert_str_eq(ddbgt_routing_stream_arn_at(r, 1),
	                 "arn:aws:dynamodb:eu-west-1:${AccountId}:table/Edge/stream/${StreamLabel}");
	ck_assert_str_eq(ddbgt_routing_endpoint_at(r, 1), "https://dynamodb.eu-west-1.amazonaws.com");
	ck_assert_str_eq(ddbgt_routing_partition_at(r, 1), "aws");
	ck_assert_ptr_null(ddbgt_routing_witness(r));
	ck_assert_ptr_null(ddbgt_routing_region_at(r, 4));
	ck_assert(ddbgt_routing_distance_km_at(r, 4) < 0);
	ck_assert_int_eq(ddbgt_routing_to_json(&json, r), 0);
	j = parse(json);
	first = json_array_get(json_object_get(j, "regions"), 3);
	ck_assert_str_eq(json_string_value(json_object_get(first, "region")), "us-west-2");
	ck_assert_int_eq(json_integer_value(json_object_get(first, "failover_rank")), 3);
	ck_assert(json_is_false(json_object_get(first, "serves_traffic")));
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(j, "failover_order"), 1)),
	                 "eu-west-1");
	json_decref(j);
	ddbgt_routing_free(r);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(test_routing_no_stream_china_witness)
{
	static const char *const cn[] = {"cn-north-1", "cn-northwest-1"};
	static const char *const one[] = {"eu-west-1"};
	ddbgt_table *t = table_of(cn, 2);
	ddbgt_routing *r = NULL;

	ck_assert_int_eq(ddbgt_table_set_stream(t, 0, DDBGT_STREAM_VIEW_UNSET), 0);
	ck_assert_int_eq(ddbgt_routing_new(&r, t), 0);
	ck_assert_ptr_null(ddbgt_routing_stream_arn_at(r, 0));
	ck_assert_str_eq(ddbgt_routing_partition_at(r, 0), "aws-cn");
	ck_assert_str_eq(ddbgt_routing_table_arn_at(r, 0),
	                 "arn:aws-cn:dynamodb:cn-north-1:${AccountId}:table/Edge");
	ck_assert_str_eq(ddbgt_routing_endpoint_at(r, 0),
	                 "https://dynamodb.cn-north-1.amazonaws.com.cn");
	ddbgt_routing_free(r);
	ddbgt_table_free(t);

	/* A single region still routes; an unnamed table gets a placeholder name. */
	t = table_of(one, 1);
	ck_assert_int_eq(ddbgt_table_set_name(t, "x"), 0);
	ck_assert_int_eq(ddbgt_table_set_witness_region(t, "eu-west-2"), 0);
	ck_assert_int_eq(ddbgt_routing_new(&r, t), 0);
	ck_assert_uint_eq(ddbgt_routing_count(r), 1);
	ck_assert_str_eq(ddbgt_routing_witness(r), "eu-west-2");
	ddbgt_routing_free(r);
	ddbgt_table_free(t);
	ck_assert_int_eq(ddbgt_routing_new(&r, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(r);
}
END_TEST

/* ---- allocation failures ---------------------------------------------- */

/* Build a template and run every helper and serialiser on it. */
static int build_and_describe(const char *name)
{
	ddbgt_table *t = NULL;
	ddbgt_topology *tp = NULL;
	ddbgt_strategy *s = NULL;
	ddbgt_features *f = NULL;
	ddbgt_routing *r = NULL;
	char *j[4] = {NULL, NULL, NULL, NULL};
	int rc = ddbgt_template_build(&t, name, NULL);

	if (!rc)
		rc = ddbgt_topology_new(&tp, t);
	if (!rc)
		rc = ddbgt_strategy_identify(&s, t);
	if (!rc)
		rc = ddbgt_features_detect(&f, t);
	if (!rc)
		rc = ddbgt_routing_new(&r, t);
	if (!rc)
		rc = ddbgt_topology_to_json(&j[0], tp);
	if (!rc)
		rc = ddbgt_strategy_to_json(&j[1], s);
	if (!rc)
		rc = ddbgt_features_to_json(&j[2], f);
	if (!rc)
		rc = ddbgt_routing_to_json(&j[3], r);
	for (size_t i = 0; i < 4; i++)
		ddbgt_free(j[i]);
	ddbgt_routing_free(r);
	ddbgt_features_free(f);
	ddbgt_strategy_free(s);
	ddbgt_topology_free(tp);
	ddbgt_table_free(t);
	return rc;
}

START_TEST(test_allocation_failures)
{
	ddbgt_test_alloc_install();
	for (size_t i = 0; i < ddbgt_template_count(); i++) {
		const char *name = ddbgt_template_name(i);
		ddbgt_test_sweep s;
		int rc = 0;

		/* Fail the first allocation, then the second, ... until none is left to fail. */
		for (ddbgt_test_sweep_start(&s, name, 0); ddbgt_test_sweep_next(&s, rc);)
			rc = build_and_describe(name);
		ck_assert_int_eq(s.rc, 0);
		ck_assert_msg(ddbgt_test_alloc_live() == s.live, "%s: leak after a successful run",
		              name);
		/*
		 * The allocator was really in use: a template and its descriptions take
		 * many (the smallest 50; each of the four JSON documents takes one).
		 */
		ck_assert_int_ge(s.n, 40);
	}
	ddbgt_test_alloc_uninstall();
}
END_TEST

Suite *ddbgt_test_plan(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("templates");

	tcase_add_test(tc, test_template_catalogue);
	tcase_add_test(tc, test_template_each_builds_complete);
	tcase_add_test(tc, test_template_builders_match_names);
	tcase_add_test(tc, test_template_options);
	tcase_add_test(tc, test_template_strong_witness);
	tcase_add_test(tc, test_template_eu_residency_keys);
	tcase_add_test(tc, test_template_spec_round_trip);
	tcase_add_test(tc, test_template_validates_clean);
	tcase_add_test(tc, test_template_options_validate_clean);
	tcase_add_test(tc, test_template_emits);
	tcase_add_test(tc, test_template_cost_profiles);
	suite_add_tcase(s, tc);
	tc = tcase_create("helpers");
	tcase_add_test(tc, test_topology_templates);
	tcase_add_test(tc, test_topology_order_and_witness);
	tcase_add_test(tc, test_strategy_templates);
	tcase_add_test(tc, test_strategy_reasons_of_templates);
	tcase_add_test(tc, test_strategy_single_and_none);
	tcase_add_test(tc, test_strategy_all_standby);
	tcase_add_test(tc, test_strategy_provisioned_standby_capacity);
	tcase_add_test(tc, test_strategy_idle_by_usage_and_mixed);
	tcase_add_test(tc, test_features_templates);
	tcase_add_test(tc, test_features_mixed_classes_and_coverage);
	tcase_add_test(tc, test_features_replica_autoscaling_only);
	tcase_add_test(tc, test_routing_templates);
	tcase_add_test(tc, test_routing_order_arns_standby);
	tcase_add_test(tc, test_routing_no_stream_china_witness);
	tcase_add_test(tc, test_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}
