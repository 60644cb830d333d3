/* The data model: table, replicas, indexes, policy and usage. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>

#include "model.h"
#include "testutil.h"

static ddbgt_table *new_table(const char *name)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(ddbgt_table_new(&t, name), DDBGT_OK);
	ck_assert_ptr_nonnull(t);
	return t;
}

static ddbgt_replica *add_replica(ddbgt_table *t, const char *region)
{
	ddbgt_replica *r = NULL;
	ck_assert_int_eq(ddbgt_replica_new(&r, region), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	return r;
}

/* Table: name, defaults, keys, attributes. */

START_TEST(table_defaults)
{
	ddbgt_table *t = new_table(NULL);

	ck_assert_ptr_null(ddbgt_table_name(t));
	ck_assert_int_eq(ddbgt_table_billing_mode(t), DDBGT_BILLING_PAY_PER_REQUEST);
	ck_assert_int_eq(ddbgt_table_encryption(t), DDBGT_ENCRYPTION_AWS_OWNED);
	ck_assert_int_eq(ddbgt_table_table_class(t), DDBGT_TABLE_CLASS_STANDARD);
	ck_assert_int_eq(ddbgt_table_consistency(t), DDBGT_CONSISTENCY_EVENTUAL);
	ck_assert_int_eq(ddbgt_table_pitr_enabled(t), 0);
	ck_assert_int_eq(ddbgt_table_deletion_protection(t), 0);
	ck_assert_int_eq(ddbgt_table_legacy_version(t), 0);
	ck_assert_int_eq(ddbgt_table_adopt_existing(t), 0);
	ck_assert_ptr_null(ddbgt_table_partition_key_name(t));
	ck_assert_int_eq(ddbgt_table_partition_key_type(t), DDBGT_ATTR_UNSET);
	ck_assert_ptr_null(ddbgt_table_sort_key_name(t));
	ck_assert_ptr_null(ddbgt_table_ttl_attribute(t));
	ck_assert_ptr_null(ddbgt_table_witness_region(t));
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), 0);
	ck_assert_uint_eq(ddbgt_table_tag_count(t), 0);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 0);
	ck_assert_uint_eq(ddbgt_table_gsi_count(t), 0);
	ck_assert_uint_eq(ddbgt_table_lsi_count(t), 0);
	ck_assert_ptr_null(ddbgt_table_primary_replica(t));
	ck_assert_ptr_nonnull(ddbgt_table_policy(t));
	ck_assert_ptr_nonnull(ddbgt_table_usage(t));
	ck_assert_int_eq(ddbgt_usage_is_empty(ddbgt_table_usage(t)), 1);
	ck_assert_uint_eq(ddbgt_policy_severity_count(ddbgt_table_policy(t)), 0);

	int64_t v = 99;
	ck_assert_int_eq(ddbgt_table_get_pitr_period(t, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_READ, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_get_on_demand_max(t, DDBGT_WRITE, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(t, DDBGT_READ, NULL, NULL, NULL),
	                 DDBGT_ENOTFOUND);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(table_settings)
{
	ddbgt_table *t = new_table("orders");

	ck_assert_str_eq(ddbgt_table_name(t), "orders");
	ck_assert_int_eq(ddbgt_table_set_name(t, "orders2"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_name(t), "orders2");
	ck_assert_int_eq(ddbgt_table_set_name(t, NULL), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_table_name(t), "orders2");

	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_billing_mode(t), DDBGT_BILLING_PROVISIONED);
	/* UNSET returns to the default. */
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_UNSET), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_billing_mode(t), DDBGT_BILLING_PAY_PER_REQUEST);

	ck_assert_int_eq(ddbgt_table_set_encryption(t, DDBGT_ENCRYPTION_CUSTOMER_MANAGED), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_encryption(t), DDBGT_ENCRYPTION_CUSTOMER_MANAGED);
	ck_assert_int_eq(ddbgt_table_set_table_class(t, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_table_class(t), DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS);
	ck_assert_int_eq(ddbgt_table_set_consistency(t, DDBGT_CONSISTENCY_STRONG), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_consistency(t), DDBGT_CONSISTENCY_STRONG);

	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, "expires"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_ttl_attribute(t), "expires");
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, ""), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_ttl_attribute(t), "");
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_table_ttl_attribute(t));

	ck_assert_int_eq(ddbgt_table_set_witness_region(t, "us-west-2"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_witness_region(t), "us-west-2");
	ck_assert_int_eq(ddbgt_table_set_witness_region(t, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_table_witness_region(t));

	/* Booleans: any non-zero is true, negative is refused. */
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 7), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_pitr_enabled(t), 1);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_pitr_enabled(t), 1);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_pitr_enabled(t), 0);
	ck_assert_int_eq(ddbgt_table_set_deletion_protection(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_deletion_protection(t), 1);
	ck_assert_int_eq(ddbgt_table_set_deletion_protection(t, -2), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_legacy_version(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_legacy_version(t), 1);
	ck_assert_int_eq(ddbgt_table_set_legacy_version(t, -5), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_adopt_existing(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_adopt_existing(t), 1);
	ck_assert_int_eq(ddbgt_table_set_adopt_existing(t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_adopt_existing(t), 0);

	int64_t days = 0;
	ck_assert_int_eq(ddbgt_table_set_pitr_period(t, 7), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_pitr_period(t, &days), DDBGT_OK);
	ck_assert_int_eq(days, 7);
	ck_assert_int_eq(ddbgt_table_get_pitr_period(t, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_clear_pitr_period(t), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_pitr_period(t, &days), DDBGT_ENOTFOUND);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(table_keys_and_attributes)
{
	ddbgt_table *t = new_table("t");

	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_partition_key_name(t), "pk");
	ck_assert_int_eq(ddbgt_table_partition_key_type(t), DDBGT_ATTR_S);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, NULL, DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "x", (ddbgt_attr_type)4), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_table_partition_key_name(t), "pk");

	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_str_eq(ddbgt_table_sort_key_name(t), "sk");
	ck_assert_int_eq(ddbgt_table_sort_key_type(t), DDBGT_ATTR_N);

	ck_assert_int_eq(ddbgt_table_add_attribute(t, "gpk", DDBGT_ATTR_B), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "gsk", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "gpk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, NULL, DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "bad", (ddbgt_attr_type)-1), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), 3);
	ck_assert_str_eq(ddbgt_table_attribute_name(t, 0), "gpk");
	ck_assert_int_eq(ddbgt_table_attribute_type(t, 0), DDBGT_ATTR_B);
	ck_assert_str_eq(ddbgt_table_attribute_name(t, 1), "gsk");
	ck_assert_str_eq(ddbgt_table_attribute_name(t, 2), "gpk");
	ck_assert_ptr_null(ddbgt_table_attribute_name(t, 3));
	ck_assert_int_eq(ddbgt_table_attribute_type(t, 3), DDBGT_ATTR_UNSET);

	/* Table keys come first, then the first definition of the name. */
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "pk"), DDBGT_ATTR_S);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "sk"), DDBGT_ATTR_N);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "gpk"), DDBGT_ATTR_B);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "gsk"), DDBGT_ATTR_N);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "nope"), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, NULL), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "pk", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "pk"), DDBGT_ATTR_S);

	/* Remove drops every definition of the name, keeping the order of the rest. */
	ck_assert_int_eq(ddbgt_table_remove_attribute(t, "gpk"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), 2);
	ck_assert_str_eq(ddbgt_table_attribute_name(t, 0), "gsk");
	ck_assert_str_eq(ddbgt_table_attribute_name(t, 1), "pk");
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "gpk"), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_remove_attribute(t, "gpk"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_remove_attribute(t, NULL), DDBGT_EINVAL);

	/* Removing the sort key, whatever type comes with the NULL name. */
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, NULL, DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_table_sort_key_name(t));
	ck_assert_int_eq(ddbgt_table_sort_key_type(t), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, NULL, DDBGT_ATTR_UNSET), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_table_sort_key_name(t));
	ck_assert_int_eq(ddbgt_table_sort_key_type(t), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(t, "sk"), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "sk", (ddbgt_attr_type)9), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_sort_key_name(t));
	ddbgt_table_free(t);
}
END_TEST

START_TEST(table_capacity)
{
	ddbgt_table *t = new_table("t");
	int64_t u = 0, mn = 0, mx = 0;
	double tu = 0;

	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_READ, 10), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_WRITE, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_READ, &u), DDBGT_OK);
	ck_assert_int_eq(u, 10);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_WRITE, &u), DDBGT_OK);
	ck_assert_int_eq(u, 5);
	/* Stored as given: the validator judges 0. */
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_WRITE, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_WRITE, &u), DDBGT_OK);
	ck_assert_int_eq(u, 0);

	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 5, 500, 70.0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(t, DDBGT_WRITE, &mn, &mx, &tu), DDBGT_OK);
	ck_assert_int_eq(mn, 5);
	ck_assert_int_eq(mx, 500);
	ck_assert_double_eq(tu, 70.0);
	/* Units and autoscaling live side by side on a table. */
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_WRITE, NULL), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(t, DDBGT_READ, &mn, &mx, &tu),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(mn, 0);
	ck_assert_int_eq(ddbgt_table_clear_autoscaling(t, DDBGT_WRITE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(t, DDBGT_WRITE, NULL, NULL, NULL),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_clear_capacity(t, DDBGT_READ), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_READ, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, DDBGT_WRITE, &u), DDBGT_OK);

	ck_assert_int_eq(ddbgt_table_set_on_demand_max(t, DDBGT_READ, 4000), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_on_demand_max(t, DDBGT_READ, &u), DDBGT_OK);
	ck_assert_int_eq(u, 4000);
	ck_assert_int_eq(ddbgt_table_get_on_demand_max(t, DDBGT_WRITE, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_clear_on_demand_max(t, DDBGT_READ), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_on_demand_max(t, DDBGT_READ, &u), DDBGT_ENOTFOUND);

	ck_assert_int_eq(ddbgt_table_get_warm_throughput(t, DDBGT_WRITE, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_set_warm_throughput(t, DDBGT_WRITE, 9000), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_warm_throughput(t, DDBGT_WRITE, &u), DDBGT_OK);
	ck_assert_int_eq(u, 9000);
	ck_assert_int_eq(ddbgt_table_get_warm_throughput(t, DDBGT_READ, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_clear_warm_throughput(t, DDBGT_WRITE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_warm_throughput(t, DDBGT_WRITE, &u), DDBGT_ENOTFOUND);

	/* A side outside ddbgt_rw. */
	ddbgt_rw bad = (ddbgt_rw)2;
	ck_assert_int_eq(ddbgt_table_set_capacity(t, bad, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_capacity(t, bad, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_capacity(t, bad), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, bad, 1, 2, 50), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(t, bad, &mn, &mx, &tu), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_autoscaling(t, (ddbgt_rw)-1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_on_demand_max(t, bad, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_on_demand_max(t, bad, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_on_demand_max(t, bad), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_warm_throughput(t, bad, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_warm_throughput(t, bad, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_warm_throughput(t, bad), DDBGT_EINVAL);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(table_stream_default_follows_replicas)
{
	ddbgt_table *t = new_table("t");

	ck_assert_int_eq(ddbgt_table_stream_is_set(t), 0);
	ck_assert_int_eq(ddbgt_table_stream_enabled(t), 0);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_UNSET);
	add_replica(t, "eu-west-1");
	ck_assert_int_eq(ddbgt_table_stream_enabled(t), 0);
	add_replica(t, "us-east-1");
	ck_assert_int_eq(ddbgt_table_stream_enabled(t), 1);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES);
	ck_assert_int_eq(ddbgt_table_stream_is_set(t), 0);

	ck_assert_int_eq(ddbgt_table_set_stream(t, 0, DDBGT_STREAM_VIEW_UNSET), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_stream_is_set(t), 1);
	ck_assert_int_eq(ddbgt_table_stream_enabled(t), 0);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_UNSET);
	/* Enabled without a view type is stored for the validator. */
	ck_assert_int_eq(ddbgt_table_set_stream(t, 1, DDBGT_STREAM_VIEW_UNSET), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_stream_enabled(t), 1);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_UNSET);
	ck_assert_int_eq(ddbgt_table_set_stream(t, 1, DDBGT_STREAM_VIEW_KEYS_ONLY), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_KEYS_ONLY);
	ck_assert_int_eq(ddbgt_table_set_stream(t, 1, (ddbgt_stream_view)5), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_stream(t, -1, DDBGT_STREAM_VIEW_NEW_IMAGE), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_KEYS_ONLY);

	ck_assert_int_eq(ddbgt_table_clear_stream(t), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_stream_is_set(t), 0);
	ck_assert_int_eq(ddbgt_table_stream_view(t), DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES);
	ck_assert_int_eq(ddbgt_table_remove_replica(t, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_stream_enabled(t), 0);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(table_enums_out_of_range)
{
	ddbgt_table *t = new_table("t");

	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, (ddbgt_billing_mode)3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, (ddbgt_billing_mode)-1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_billing_mode(t), DDBGT_BILLING_PROVISIONED);
	ck_assert_int_eq(ddbgt_table_set_encryption(t, (ddbgt_encryption)4), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_encryption(t), DDBGT_ENCRYPTION_AWS_OWNED);
	ck_assert_int_eq(ddbgt_table_set_table_class(t, (ddbgt_table_class)3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_table_class(t), DDBGT_TABLE_CLASS_STANDARD);
	ck_assert_int_eq(ddbgt_table_set_consistency(t, (ddbgt_consistency)3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_consistency(t), DDBGT_CONSISTENCY_EVENTUAL);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(table_tags_sorted_and_replaced)
{
	ddbgt_table *t = new_table("t");

	ck_assert_int_eq(ddbgt_table_set_tag(t, "team", "orders"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "env", "prod"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "Zone", "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "cost", "42"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_table_tag_count(t), 4);
	/* Byte order: capitals before lower case. */
	ck_assert_str_eq(ddbgt_table_tag_key(t, 0), "Zone");
	ck_assert_str_eq(ddbgt_table_tag_key(t, 1), "cost");
	ck_assert_str_eq(ddbgt_table_tag_key(t, 2), "env");
	ck_assert_str_eq(ddbgt_table_tag_key(t, 3), "team");
	ck_assert_str_eq(ddbgt_table_tag_value(t, 3), "orders");
	ck_assert_ptr_null(ddbgt_table_tag_key(t, 4));
	ck_assert_ptr_null(ddbgt_table_tag_value(t, 4));

	ck_assert_int_eq(ddbgt_table_set_tag(t, "env", "dev"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_table_tag_count(t), 4);
	ck_assert_str_eq(ddbgt_table_tag(t, "env"), "dev");
	ck_assert_str_eq(ddbgt_table_tag_value(t, 2), "dev");
	ck_assert_ptr_null(ddbgt_table_tag(t, "missing"));
	ck_assert_ptr_null(ddbgt_table_tag(t, NULL));

	ck_assert_int_eq(ddbgt_table_set_tag(t, NULL, "x"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "x", NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_remove_tag(t, "cost"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_remove_tag(t, "cost"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_remove_tag(t, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_table_tag_count(t), 3);
	ck_assert_str_eq(ddbgt_table_tag_key(t, 1), "env");
	ddbgt_table_free(t);
}
END_TEST

/* The dumper reads lib/model.h: the raw fields must tell "not given" from a default. */
START_TEST(raw_fields_record_what_was_given)
{
	ddbgt_table *t = new_table("t");
	ddbgt_replica *r = add_replica(t, "eu-west-1");
	ddbgt_gsi *g = NULL;

	ck_assert_int_eq(t->billing_mode, DDBGT_BILLING_UNSET);
	ck_assert_int_eq(t->encryption, DDBGT_ENCRYPTION_UNSET);
	ck_assert_int_eq(t->table_class, DDBGT_TABLE_CLASS_UNSET);
	ck_assert_int_eq(t->consistency, DDBGT_CONSISTENCY_UNSET);
	ck_assert_int_eq(t->pitr, DDBGT__NOT_SET);
	ck_assert_int_eq(t->deletion_protection, DDBGT__NOT_SET);
	ck_assert_int_eq(t->legacy_version, DDBGT__NOT_SET);
	ck_assert_int_eq(t->adopt_existing, DDBGT__NOT_SET);
	ck_assert_int_eq(t->stream_set, 0);
	ck_assert_int_eq(r->contributor_insights, DDBGT__NOT_SET);
	ck_assert_int_eq(t->policy->require_pitr, DDBGT__NOT_SET);
	ck_assert_int_eq(t->policy->require_cmk, DDBGT__NOT_SET);
	ck_assert_int_eq(t->policy->require_deletion_protection, DDBGT__NOT_SET);

	/* Giving the default value explicitly is remembered. */
	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PAY_PER_REQUEST), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_encryption(t, DDBGT_ENCRYPTION_AWS_OWNED), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_deletion_protection(t, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights(r, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_require_pitr(t->policy, 0), DDBGT_OK);
	ck_assert_int_eq(t->billing_mode, DDBGT_BILLING_PAY_PER_REQUEST);
	ck_assert_int_eq(t->encryption, DDBGT_ENCRYPTION_AWS_OWNED);
	ck_assert_int_eq(t->pitr, 0);
	ck_assert_int_eq(t->deletion_protection, 0);
	ck_assert_int_eq(r->contributor_insights, 0);
	ck_assert_int_eq(t->policy->require_pitr, 0);

	ck_assert_int_eq(ddbgt_gsi_new(&g, "i"), DDBGT_OK);
	ck_assert_int_eq(g->projection, DDBGT_PROJECTION_UNSET);
	ck_assert_int_eq(ddbgt_gsi_set_projection(g, DDBGT_PROJECTION_ALL), DDBGT_OK);
	ck_assert_int_eq(g->projection, DDBGT_PROJECTION_ALL);
	ddbgt_gsi_free(g);
	ddbgt_table_free(t);
}
END_TEST

/* Ownership of replicas and indexes. */

START_TEST(replica_ownership)
{
	ddbgt_table *t = new_table("t");
	ddbgt_table *other = new_table("o");
	ddbgt_replica *r = NULL;

	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_table(r));
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_OK);
	ck_assert_ptr_eq(ddbgt_replica_table(r), t);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_EBUSY);
	ck_assert_int_eq(ddbgt_table_add_replica(other, r), DDBGT_EBUSY);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 1);
	ck_assert_uint_eq(ddbgt_table_replica_count(other), 0);
	/* A no-op on an owned replica: the table still reads it below. */
	ddbgt_replica_free(r);
	ck_assert_str_eq(ddbgt_replica_region(ddbgt_table_replica_at(t, 0)), "eu-west-1");

	ddbgt_replica *dup = add_replica(t, "us-east-1");
	ddbgt_replica *same = add_replica(t, "eu-west-1");
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 3);
	ck_assert_ptr_eq(ddbgt_table_replica_at(t, 1), dup);
	ck_assert_ptr_null(ddbgt_table_replica_at(t, 3));
	ck_assert_ptr_eq(ddbgt_table_find_replica(t, "eu-west-1"), r);
	ck_assert_ptr_eq(ddbgt_table_find_replica(t, "us-east-1"), dup);
	ck_assert_ptr_null(ddbgt_table_find_replica(t, "ap-south-1"));
	ck_assert_ptr_null(ddbgt_table_find_replica(t, NULL));

	/* Remove frees the first replica of the region. */
	ck_assert_int_eq(ddbgt_table_remove_replica(t, "eu-west-1"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 2);
	ck_assert_ptr_eq(ddbgt_table_replica_at(t, 0), dup);
	ck_assert_ptr_eq(ddbgt_table_find_replica(t, "eu-west-1"), same);
	ck_assert_int_eq(ddbgt_table_remove_replica(t, "ap-south-1"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_remove_replica(t, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_add_replica(t, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_add_replica(NULL, r), DDBGT_EINVAL);

	ddbgt_table_free(other);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(index_ownership)
{
	ddbgt_table *t = new_table("t");
	ddbgt_table *other = new_table("o");
	ddbgt_gsi *g = NULL, *g2 = NULL;
	ddbgt_lsi *l = NULL, *l2 = NULL;

	ck_assert_int_eq(ddbgt_gsi_new(&g, "byStatus"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_new(&g2, "byDate"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(other, g), DDBGT_EBUSY);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, NULL), DDBGT_EINVAL);
	ck_assert_ptr_eq(ddbgt_gsi_table(g), t);
	ddbgt_gsi_free(g);
	ck_assert_uint_eq(ddbgt_table_gsi_count(t), 2);
	ck_assert_ptr_eq(ddbgt_table_gsi_at(t, 0), g);
	ck_assert_ptr_null(ddbgt_table_gsi_at(t, 2));
	ck_assert_ptr_eq(ddbgt_table_find_gsi(t, "byDate"), g2);
	ck_assert_ptr_null(ddbgt_table_find_gsi(t, "none"));
	ck_assert_ptr_null(ddbgt_table_find_gsi(t, NULL));
	ck_assert_int_eq(ddbgt_table_remove_gsi(t, "byStatus"), DDBGT_OK);
	ck_assert_ptr_eq(ddbgt_table_gsi_at(t, 0), g2);
	ck_assert_int_eq(ddbgt_table_remove_gsi(t, "byStatus"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_remove_gsi(t, NULL), DDBGT_EINVAL);

	ck_assert_int_eq(ddbgt_lsi_new(&l, "byTime"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_new(&l2, "byPrice"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_lsi(t, l), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_lsi(t, l2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_lsi(t, l), DDBGT_EBUSY);
	ck_assert_int_eq(ddbgt_table_add_lsi(NULL, l), DDBGT_EINVAL);
	ck_assert_ptr_eq(ddbgt_lsi_table(l), t);
	ddbgt_lsi_free(l);
	ck_assert_uint_eq(ddbgt_table_lsi_count(t), 2);
	ck_assert_ptr_eq(ddbgt_table_lsi_at(t, 1), l2);
	ck_assert_ptr_null(ddbgt_table_lsi_at(t, 2));
	ck_assert_ptr_eq(ddbgt_table_find_lsi(t, "byTime"), l);
	ck_assert_ptr_null(ddbgt_table_find_lsi(t, "x"));
	ck_assert_int_eq(ddbgt_table_remove_lsi(t, "byTime"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_table_lsi_count(t), 1);
	ck_assert_int_eq(ddbgt_table_remove_lsi(t, "byTime"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_remove_lsi(t, NULL), DDBGT_EINVAL);

	ddbgt_table_free(other);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(policy_and_usage_owned_by_table)
{
	ddbgt_table *t = new_table("t");
	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	ddbgt_usage *u = ddbgt_table_usage_mut(t);
	ddbgt_policy *mine = NULL;
	ddbgt_usage *umine = NULL;

	/* No-ops: the table frees them. */
	ddbgt_policy_free(p);
	ddbgt_usage_free(u);
	ck_assert_int_eq(ddbgt_policy_set_min_regions(p, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(u, 10), DDBGT_OK);

	ck_assert_int_eq(ddbgt_policy_new(&mine), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_max_regions(mine, 4), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_policy(t, mine), DDBGT_OK);
	/* A copy: the table's policy is a new object, the caller keeps its own. */
	ck_assert_ptr_ne(ddbgt_table_policy(t), mine);
	int64_t n = 0;
	ck_assert_int_eq(ddbgt_policy_get_max_regions(ddbgt_table_policy(t), &n), DDBGT_OK);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(ddbgt_policy_get_min_regions(ddbgt_table_policy(t), &n), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_set_max_regions(mine, 9), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_max_regions(ddbgt_table_policy(t), &n), DDBGT_OK);
	ck_assert_int_eq(n, 4);
	ddbgt_policy_free(mine);
	/* Setting the table's own policy onto itself keeps it intact. */
	ck_assert_int_eq(ddbgt_table_set_policy(t, ddbgt_table_policy(t)), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_max_regions(ddbgt_table_policy(t), &n), DDBGT_OK);
	ck_assert_int_eq(n, 4);
	ddbgt_policy_free(ddbgt_table_policy_mut(t));

	ck_assert_int_eq(ddbgt_usage_new(&umine), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_hours_per_month(umine, 100), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_usage(t, umine), DDBGT_OK);
	ck_assert_ptr_ne(ddbgt_table_usage(t), umine);
	double h = 0;
	ck_assert_int_eq(ddbgt_usage_get_hours_per_month(ddbgt_table_usage(t), &h), DDBGT_OK);
	ck_assert_double_eq(h, 100);
	ck_assert_int_eq(ddbgt_usage_get_storage_gb(ddbgt_table_usage(t), &h), DDBGT_ENOTFOUND);
	ddbgt_usage_free(umine);
	ck_assert_int_eq(ddbgt_table_set_usage(t, ddbgt_table_usage(t)), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_get_hours_per_month(ddbgt_table_usage(t), &h), DDBGT_OK);

	ck_assert_int_eq(ddbgt_table_set_policy(t, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_usage(t, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_policy(NULL, ddbgt_table_policy(t)), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_usage(NULL, ddbgt_table_usage(t)), DDBGT_EINVAL);
	ddbgt_table_free(t);
}
END_TEST

/* Replicas: the primary rule and inheritance. */

START_TEST(primary_rule)
{
	ddbgt_table *t = new_table("t");

	ddbgt_replica *a = add_replica(t, "eu-west-1");
	ddbgt_replica *b = add_replica(t, "us-east-1");
	ddbgt_replica *c = add_replica(t, "ap-south-1");

	/* No roles: the first is the primary. */
	ck_assert_ptr_eq(ddbgt_table_primary_replica(t), a);
	ck_assert_int_eq(ddbgt_replica_role(a), DDBGT_ROLE_UNSET);
	ck_assert_int_eq(ddbgt_replica_effective_role(a), DDBGT_ROLE_PRIMARY);
	ck_assert_int_eq(ddbgt_replica_effective_role(b), DDBGT_ROLE_SECONDARY);

	/* An explicit primary wins over position. */
	ck_assert_int_eq(ddbgt_replica_set_role(c, DDBGT_ROLE_PRIMARY), DDBGT_OK);
	ck_assert_ptr_eq(ddbgt_table_primary_replica(t), c);
	ck_assert_int_eq(ddbgt_replica_effective_role(a), DDBGT_ROLE_SECONDARY);
	ck_assert_int_eq(ddbgt_replica_effective_role(c), DDBGT_ROLE_PRIMARY);
	ck_assert_int_eq(ddbgt_replica_set_role(b, DDBGT_ROLE_STANDBY), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_role(b), DDBGT_ROLE_STANDBY);

	/* Two explicit primaries: the first of them (the validator reports it). */
	ck_assert_int_eq(ddbgt_replica_set_role(b, DDBGT_ROLE_PRIMARY), DDBGT_OK);
	ck_assert_ptr_eq(ddbgt_table_primary_replica(t), b);

	/* No explicit primary and the first one said it is not: no primary. */
	ck_assert_int_eq(ddbgt_replica_set_role(b, DDBGT_ROLE_UNSET), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_role(c, DDBGT_ROLE_SECONDARY), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_role(a, DDBGT_ROLE_SECONDARY), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_table_primary_replica(t));
	ck_assert_int_eq(ddbgt_replica_effective_role(a), DDBGT_ROLE_SECONDARY);
	ck_assert_int_eq(ddbgt_replica_effective_role(b), DDBGT_ROLE_SECONDARY);

	ck_assert_int_eq(ddbgt_replica_set_role(a, (ddbgt_role)4), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_role(a, (ddbgt_role)-1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_role(a), DDBGT_ROLE_SECONDARY);

	/* Removing the first replica moves the default primary. */
	ck_assert_int_eq(ddbgt_replica_set_role(c, DDBGT_ROLE_UNSET), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_remove_replica(t, "eu-west-1"), DDBGT_OK);
	ck_assert_ptr_eq(ddbgt_table_primary_replica(t), b);
	ck_assert_int_eq(ddbgt_replica_effective_role(b), DDBGT_ROLE_PRIMARY);

	/* Without a table a replica has no position: secondary unless set. */
	ddbgt_replica *lone = NULL;
	ck_assert_int_eq(ddbgt_replica_new(&lone, "eu-north-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_role(lone), DDBGT_ROLE_SECONDARY);
	ddbgt_replica_free(lone);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(replica_inherits_from_table)
{
	ddbgt_table *t = new_table("t");
	ddbgt_replica *r = add_replica(t, "eu-west-1");
	int64_t days = 0;

	/* Nothing set anywhere: the spec's defaults. */
	ck_assert_int_eq(ddbgt_replica_table_class(r), DDBGT_TABLE_CLASS_UNSET);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r), DDBGT_TABLE_CLASS_STANDARD);
	ck_assert_int_eq(ddbgt_replica_pitr(r), DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 0);
	ck_assert_int_eq(ddbgt_replica_deletion_protection(r), DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(r), 0);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_ENOTFOUND);

	/* The table's values flow to the replica. */
	ck_assert_int_eq(ddbgt_table_set_table_class(t, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_deletion_protection(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r),
	                 DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS);
	ck_assert_int_eq(ddbgt_replica_table_class(r), DDBGT_TABLE_CLASS_UNSET);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 1);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(r), 1);
	/* PITR on but no period anywhere. */
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_set_pitr_period(t, 14), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_OK);
	ck_assert_int_eq(days, 14);
	/* A replica period is ignored while the replica inherits PITR. */
	ck_assert_int_eq(ddbgt_replica_set_pitr_period(r, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_OK);
	ck_assert_int_eq(days, 14);

	/* The replica's own values win. */
	ck_assert_int_eq(ddbgt_replica_set_table_class(r, DDBGT_TABLE_CLASS_STANDARD), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r), DDBGT_TABLE_CLASS_STANDARD);
	ck_assert_int_eq(ddbgt_replica_set_deletion_protection(r, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_deletion_protection(r), 0);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(r), 0);
	/* Its own PITR brings its own period, not the table's. */
	ck_assert_int_eq(ddbgt_replica_set_pitr(r, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_OK);
	ck_assert_int_eq(days, 3);
	ck_assert_int_eq(ddbgt_replica_get_pitr_period(r, &days), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_clear_pitr_period(r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_pitr_period(r, &days), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_pitr(r, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 0);
	ck_assert_int_eq(ddbgt_replica_set_pitr_period(r, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_ENOTFOUND);

	/* Back to inheriting. */
	ck_assert_int_eq(ddbgt_replica_set_pitr(r, DDBGT_INHERIT), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 1);
	ck_assert_int_eq(ddbgt_replica_set_deletion_protection(r, DDBGT_INHERIT), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(r), 1);
	ck_assert_int_eq(ddbgt_replica_set_table_class(r, DDBGT_TABLE_CLASS_UNSET), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r),
	                 DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS);

	/* Out of range values leave the replica as it was. */
	ck_assert_int_eq(ddbgt_replica_set_pitr(r, -2), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_deletion_protection(r, -3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_table_class(r, (ddbgt_table_class)3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_pitr(r), DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_replica_deletion_protection(r), DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_replica_set_pitr(r, 9), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_pitr(r), 1);
	ddbgt_table_free(t);
}
END_TEST

START_TEST(replica_without_table)
{
	ddbgt_replica *r = NULL;
	int64_t days = 0;

	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r), DDBGT_TABLE_CLASS_STANDARD);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 0);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(r), 0);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_pitr(r, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_pitr_period(r, 10), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(r), 1);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(r, &days), DDBGT_OK);
	ck_assert_int_eq(days, 10);
	ck_assert_int_eq(ddbgt_replica_set_table_class(
	                         r, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(r),
	                 DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS);
	ck_assert_int_eq(ddbgt_replica_set_deletion_protection(r, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(r), 1);
	ddbgt_replica_free(r);
}
END_TEST

START_TEST(replica_settings)
{
	ddbgt_replica *r = NULL;

	ck_assert_int_eq(ddbgt_replica_new(&r, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_region(r), "eu-west-1");
	ck_assert_int_eq(ddbgt_replica_set_region(r, "eu-west-2"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_region(r), "eu-west-2");
	ck_assert_int_eq(ddbgt_replica_set_region(r, NULL), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_replica_region(r), "eu-west-2");

	ck_assert_ptr_null(ddbgt_replica_kms_key(r));
	ck_assert_int_eq(ddbgt_replica_set_kms_key(r, "arn:aws:kms:eu-west-2:1:key/a"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_kms_key(r), "arn:aws:kms:eu-west-2:1:key/a");
	ck_assert_int_eq(ddbgt_replica_set_kms_key(r, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_kms_key(r));

	ck_assert_int_eq(ddbgt_replica_contributor_insights(r), 0);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights(r, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_contributor_insights(r), 1);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights(r, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_contributor_insights(r), 1);

	ck_assert_int_eq(ddbgt_replica_set_tag(r, "b", "2"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "a", "1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "b", "3"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_replica_tag_count(r), 2);
	ck_assert_str_eq(ddbgt_replica_tag_key(r, 0), "a");
	ck_assert_str_eq(ddbgt_replica_tag_value(r, 1), "3");
	ck_assert_str_eq(ddbgt_replica_tag(r, "b"), "3");
	ck_assert_ptr_null(ddbgt_replica_tag(r, "c"));
	ck_assert_ptr_null(ddbgt_replica_tag_key(r, 2));
	ck_assert_ptr_null(ddbgt_replica_tag_value(r, 2));
	ck_assert_int_eq(ddbgt_replica_set_tag(r, NULL, "v"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "k", NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_remove_tag(r, "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_remove_tag(r, "a"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_remove_tag(r, NULL), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_replica_tag_key(r, 0), "b");
	ddbgt_replica_free(r);
}
END_TEST

START_TEST(replica_read_capacity)
{
	ddbgt_replica *r = NULL;
	int64_t u = 0, mn = 0, mx = 0;
	double tu = 0;

	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_capacity(r, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling(r, &mn, &mx, &tu), DDBGT_ENOTFOUND);

	ck_assert_int_eq(ddbgt_replica_set_read_capacity(r, 20), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_capacity(r, &u), DDBGT_OK);
	ck_assert_int_eq(u, 20);
	/* Autoscaling replaces fixed units, and the other way round. */
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling(r, 1, 100, 60.5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_capacity(r, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling(r, &mn, &mx, &tu), DDBGT_OK);
	ck_assert_int_eq(mn, 1);
	ck_assert_int_eq(mx, 100);
	ck_assert_double_eq(tu, 60.5);
	ck_assert_int_eq(ddbgt_replica_set_read_capacity(r, 30), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling(r, NULL, NULL, NULL), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_clear_read_capacity(r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_capacity(r, &u), DDBGT_ENOTFOUND);

	/* GSI overrides, sorted by index name, one form each. */
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "zeta", 7), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling(r, "alpha", 2, 20, 50), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_replica_gsi_override_count(r), 2);
	ck_assert_str_eq(ddbgt_replica_gsi_override_name(r, 0), "alpha");
	ck_assert_str_eq(ddbgt_replica_gsi_override_name(r, 1), "zeta");
	ck_assert_ptr_null(ddbgt_replica_gsi_override_name(r, 2));
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, "zeta", &u), DDBGT_OK);
	ck_assert_int_eq(u, 7);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling(r, "zeta", &mn, &mx, &tu),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling(r, "alpha", &mn, &mx, &tu),
	                 DDBGT_OK);
	ck_assert_int_eq(mx, 20);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, "alpha", &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "alpha", 9), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_replica_gsi_override_count(r), 2);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling(r, "alpha", NULL, NULL, NULL),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, "alpha", &u), DDBGT_OK);
	ck_assert_int_eq(u, 9);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, "none", &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, NULL, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling(r, NULL, &mn, &mx, &tu),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling(r, NULL, 1, 2, 50), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_remove_gsi_override(r, "zeta"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_remove_gsi_override(r, "zeta"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_remove_gsi_override(r, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_replica_gsi_override_count(r), 1);
	ddbgt_replica_free(r);
}
END_TEST

/* Indexes. */

START_TEST(gsi_settings)
{
	ddbgt_gsi *g = NULL;
	int64_t u = 0, mn = 0, mx = 0;
	double tu = 0;

	ck_assert_int_eq(ddbgt_gsi_new(&g, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(g);
	ck_assert_int_eq(ddbgt_gsi_new(&g, "byStatus"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_name(g), "byStatus");
	ck_assert_ptr_null(ddbgt_gsi_table(g));
	ck_assert_int_eq(ddbgt_gsi_set_name(g, "byState"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_name(g), "byState");
	ck_assert_int_eq(ddbgt_gsi_set_name(g, NULL), DDBGT_EINVAL);

	ck_assert_ptr_null(ddbgt_gsi_partition_key(g));
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "status"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_partition_key(g), "status");
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, NULL), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_gsi_partition_key(g), "status");
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, "created"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_sort_key(g), "created");
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_gsi_sort_key(g));

	ck_assert_int_eq(ddbgt_gsi_projection(g), DDBGT_PROJECTION_ALL);
	ck_assert_int_eq(ddbgt_gsi_set_projection(g, DDBGT_PROJECTION_INCLUDE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_projection(g), DDBGT_PROJECTION_INCLUDE);
	ck_assert_int_eq(ddbgt_gsi_set_projection(g, (ddbgt_projection)4), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_projection(g), DDBGT_PROJECTION_INCLUDE);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(g, "total"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(g, "customer"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(g, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_gsi_non_key_attribute_count(g), 2);
	ck_assert_str_eq(ddbgt_gsi_non_key_attribute_at(g, 0), "total");
	ck_assert_str_eq(ddbgt_gsi_non_key_attribute_at(g, 1), "customer");
	ck_assert_ptr_null(ddbgt_gsi_non_key_attribute_at(g, 2));
	ck_assert_int_eq(ddbgt_gsi_clear_non_key_attributes(g), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_gsi_non_key_attribute_count(g), 0);

	ck_assert_int_eq(ddbgt_gsi_set_capacity(g, DDBGT_READ, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(g, DDBGT_READ, &u), DDBGT_OK);
	ck_assert_int_eq(u, 5);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(g, DDBGT_WRITE, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_clear_capacity(g, DDBGT_READ), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(g, DDBGT_READ, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling(g, DDBGT_WRITE, 1, 10, 70), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_autoscaling(g, DDBGT_WRITE, &mn, &mx, &tu), DDBGT_OK);
	ck_assert_int_eq(mn, 1);
	ck_assert_int_eq(mx, 10);
	ck_assert_double_eq(tu, 70);
	ck_assert_int_eq(ddbgt_gsi_clear_autoscaling(g, DDBGT_WRITE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_autoscaling(g, DDBGT_WRITE, &mn, &mx, &tu), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_set_on_demand_max(g, DDBGT_WRITE, 100), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_on_demand_max(g, DDBGT_WRITE, &u), DDBGT_OK);
	ck_assert_int_eq(u, 100);
	ck_assert_int_eq(ddbgt_gsi_clear_on_demand_max(g, DDBGT_WRITE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_on_demand_max(g, DDBGT_WRITE, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_get_warm_throughput(g, DDBGT_READ, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_set_warm_throughput(g, DDBGT_READ, 15000), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_warm_throughput(g, DDBGT_READ, &u), DDBGT_OK);
	ck_assert_int_eq(u, 15000);
	ck_assert_int_eq(ddbgt_gsi_get_warm_throughput(g, DDBGT_WRITE, &u), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_clear_warm_throughput(g, DDBGT_READ), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_warm_throughput(g, DDBGT_READ, &u), DDBGT_ENOTFOUND);

	ddbgt_rw bad = (ddbgt_rw)7;
	ck_assert_int_eq(ddbgt_gsi_set_capacity(g, bad, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(g, bad, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_capacity(g, bad), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling(g, bad, 1, 2, 3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_autoscaling(g, bad, &mn, &mx, &tu), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_autoscaling(g, bad), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_on_demand_max(g, bad, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_on_demand_max(g, bad, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_on_demand_max(g, bad), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_warm_throughput(g, bad, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_warm_throughput(g, bad, &u), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_warm_throughput(g, bad), DDBGT_EINVAL);
	ddbgt_gsi_free(g);
}
END_TEST

START_TEST(lsi_settings)
{
	ddbgt_lsi *l = NULL;

	ck_assert_int_eq(ddbgt_lsi_new(&l, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(l);
	ck_assert_int_eq(ddbgt_lsi_new(&l, "byTime"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_lsi_name(l), "byTime");
	ck_assert_ptr_null(ddbgt_lsi_table(l));
	ck_assert_int_eq(ddbgt_lsi_set_name(l, "byClock"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_lsi_name(l), "byClock");
	ck_assert_int_eq(ddbgt_lsi_set_name(l, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_lsi_sort_key(l));
	ck_assert_int_eq(ddbgt_lsi_set_sort_key(l, "ts"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_lsi_sort_key(l), "ts");
	ck_assert_int_eq(ddbgt_lsi_set_sort_key(l, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_lsi_sort_key(l));
	ck_assert_int_eq(ddbgt_lsi_projection(l), DDBGT_PROJECTION_ALL);
	ck_assert_int_eq(ddbgt_lsi_set_projection(l, DDBGT_PROJECTION_KEYS_ONLY), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_projection(l), DDBGT_PROJECTION_KEYS_ONLY);
	ck_assert_int_eq(ddbgt_lsi_set_projection(l, (ddbgt_projection)-1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_lsi_projection(l), DDBGT_PROJECTION_KEYS_ONLY);
	ck_assert_int_eq(ddbgt_lsi_add_non_key_attribute(l, "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_add_non_key_attribute(l, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_lsi_non_key_attribute_count(l), 1);
	ck_assert_str_eq(ddbgt_lsi_non_key_attribute_at(l, 0), "a");
	ck_assert_ptr_null(ddbgt_lsi_non_key_attribute_at(l, 1));
	ck_assert_int_eq(ddbgt_lsi_clear_non_key_attributes(l), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_lsi_non_key_attribute_count(l), 0);
	ddbgt_lsi_free(l);
}
END_TEST

/* Index keys as users write them: a name, {"name", "type"}, or a multi-attribute list. */
START_TEST(index_key_forms)
{
	ddbgt_gsi *g = NULL, *copy = NULL;
	ddbgt_lsi *l = NULL;

	ck_assert_int_eq(ddbgt_gsi_new(&g, "byTenant"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_gsi_partition_key_attribute_count(g), 0);
	/* the object form: a name and the type it defines */
	ck_assert_int_eq(ddbgt_gsi_set_partition_key_typed(g, "tenant", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_partition_key(g), "tenant");
	ck_assert_uint_eq(ddbgt_gsi_partition_key_attribute_count(g), 1);
	ck_assert_str_eq(ddbgt_gsi_partition_key_attribute_name(g, 0), "tenant");
	ck_assert_int_eq(ddbgt_gsi_partition_key_attribute_type(g, 0), DDBGT_ATTR_S);
	ck_assert_int_eq(ddbgt_gsi_partition_key_is_multi_attribute(g), 0);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key_typed(g, "tenant", (ddbgt_attr_type)4),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key_typed(g, NULL, DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_partition_key_attribute_type(g, 0), DDBGT_ATTR_S);
	/* the plain name again forgets the type */
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "tenant"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_partition_key_attribute_type(g, 0), DDBGT_ATTR_UNSET);
	/* a list replaces the single key; the single getter has no one name for it */
	ck_assert_int_eq(ddbgt_gsi_add_partition_key_attribute(g, "tenant", DDBGT_ATTR_UNSET),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_partition_key_attribute(g, "region", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_partition_key_attribute(g, NULL, DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_add_partition_key_attribute(g, "x", (ddbgt_attr_type)-1),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_partition_key_is_multi_attribute(g), 1);
	ck_assert_ptr_null(ddbgt_gsi_partition_key(g));
	ck_assert_uint_eq(ddbgt_gsi_partition_key_attribute_count(g), 2);
	ck_assert_str_eq(ddbgt_gsi_partition_key_attribute_name(g, 1), "region");
	ck_assert_int_eq(ddbgt_gsi_partition_key_attribute_type(g, 1), DDBGT_ATTR_S);
	ck_assert_ptr_null(ddbgt_gsi_partition_key_attribute_name(g, 2));
	ck_assert_int_eq(ddbgt_gsi_partition_key_attribute_type(g, 2), DDBGT_ATTR_UNSET);
	/* the sort key: single typed, then a list, then removed */
	ck_assert_int_eq(ddbgt_gsi_set_sort_key_typed(g, "opened", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_sort_key(g), "opened");
	ck_assert_int_eq(ddbgt_gsi_sort_key_attribute_type(g, 0), DDBGT_ATTR_N);
	ck_assert_int_eq(ddbgt_gsi_add_sort_key_attribute(g, "round", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_sort_key_is_multi_attribute(g), 1);
	ck_assert_uint_eq(ddbgt_gsi_sort_key_attribute_count(g), 1);
	ck_assert_str_eq(ddbgt_gsi_sort_key_attribute_name(g, 0), "round");
	ck_assert_ptr_null(ddbgt_gsi_sort_key(g));
	/* a copy keeps the forms */
	ck_assert_int_eq(ddbgt_gsi_copy(&copy, g), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_partition_key_is_multi_attribute(copy), 1);
	ck_assert_int_eq(ddbgt_gsi_sort_key_attribute_type(copy, 0), DDBGT_ATTR_S);
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, NULL), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_gsi_sort_key_attribute_count(g), 0);
	ck_assert_int_eq(ddbgt_gsi_sort_key_is_multi_attribute(g), 0);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "tenant"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_partition_key_is_multi_attribute(g), 0);
	ck_assert_uint_eq(ddbgt_gsi_partition_key_attribute_count(g), 1);
	ck_assert_uint_eq(ddbgt_gsi_sort_key_attribute_count(copy), 1);
	ddbgt_gsi_free(copy);
	ddbgt_gsi_free(g);

	ck_assert_int_eq(ddbgt_lsi_new(&l, "byRank"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_sort_key_type(l), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key_typed(l, "rank", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_str_eq(ddbgt_lsi_sort_key(l), "rank");
	ck_assert_int_eq(ddbgt_lsi_sort_key_type(l), DDBGT_ATTR_N);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key_typed(l, "rank", (ddbgt_attr_type)9), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_lsi_sort_key_type(l), DDBGT_ATTR_N);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key_typed(l, NULL, DDBGT_ATTR_UNSET), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_lsi_sort_key(l));
	ck_assert_int_eq(ddbgt_lsi_sort_key_type(l), DDBGT_ATTR_UNSET);
	ddbgt_lsi_free(l);
}
END_TEST

/* Target-tracking tuning follows the autoscaling it tunes, on every owner. */
START_TEST(autoscaling_tuning)
{
	ddbgt_table *t = new_table("orders");
	ddbgt_gsi *g = NULL;
	ddbgt_replica *r = NULL;
	int64_t in = 0, out = 0;
	int dis = 0;

	/* nothing to tune before autoscaling exists */
	ck_assert_int_eq(ddbgt_table_set_autoscaling_tuning(t, DDBGT_WRITE, 60, 30, 1),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_table_get_autoscaling_tuning(t, DDBGT_WRITE, &in, &out, &dis),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(in, -1);
	ck_assert_int_eq(dis, DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 1, 10, 70), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_autoscaling_tuning(t, DDBGT_WRITE, 60, -1, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_autoscaling_tuning(t, DDBGT_WRITE, &in, &out, &dis),
	                 DDBGT_OK);
	ck_assert_int_eq(in, 60);
	ck_assert_int_eq(out, -1);
	ck_assert_int_eq(dis, 1);
	ck_assert_int_eq(ddbgt_table_set_autoscaling_tuning(t, DDBGT_WRITE, -2, 0, 0), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_autoscaling_tuning(t, DDBGT_WRITE, 0, 0, -2), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_autoscaling_tuning(t, (ddbgt_rw)5, 0, 0, 0), DDBGT_EINVAL);
	/* setting the autoscaling again keeps the tuning; clearing it drops it */
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 2, 20, 50), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_autoscaling_tuning(t, DDBGT_WRITE, &in, NULL, NULL),
	                 DDBGT_OK);
	ck_assert_int_eq(in, 60);
	ck_assert_int_eq(ddbgt_table_clear_autoscaling(t, DDBGT_WRITE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 2, 20, 50), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_get_autoscaling_tuning(t, DDBGT_WRITE, &in, &out, &dis),
	                 DDBGT_OK);
	ck_assert_int_eq(in, -1);
	ck_assert_int_eq(dis, DDBGT_INHERIT);

	ck_assert_int_eq(ddbgt_gsi_new(&g, "byDay"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling_tuning(g, DDBGT_READ, 1, 2, 0), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling(g, DDBGT_READ, 1, 10, 70), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling_tuning(g, DDBGT_READ, 0, 120, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_get_autoscaling_tuning(g, DDBGT_READ, &in, &out, &dis), DDBGT_OK);
	ck_assert_int_eq(in, 0);
	ck_assert_int_eq(out, 120);
	ck_assert_int_eq(dis, 0);
	ck_assert_int_eq(ddbgt_gsi_get_autoscaling_tuning(g, DDBGT_WRITE, &in, &out, &dis),
	                 DDBGT_ENOTFOUND);
	ddbgt_gsi_free(g);

	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling_tuning(r, 1, 1, 1), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling(r, 1, 10, 70), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling_tuning(r, 300, 30, DDBGT_INHERIT),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling_tuning(r, &in, &out, &dis), DDBGT_OK);
	ck_assert_int_eq(in, 300);
	ck_assert_int_eq(out, 30);
	ck_assert_int_eq(dis, DDBGT_INHERIT);
	/* read units replace the autoscaling, and its tuning with it */
	ck_assert_int_eq(ddbgt_replica_set_read_capacity(r, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling_tuning(r, &in, &out, &dis),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling_tuning(r, "byDay", 1, 1, 1),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling_tuning(r, "byDay", -5, 1, 1),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling(r, "byDay", 1, 5, 70), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling_tuning(r, "byDay", 10, 20, 1),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling_tuning(r, "byDay", &in, &out, &dis),
	                 DDBGT_OK);
	ck_assert_int_eq(in, 10);
	ck_assert_int_eq(out, 20);
	ck_assert_int_eq(dis, 1);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling_tuning(r, "other", &in, &out, &dis),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(in, -1);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling_tuning(NULL, "byDay", &in, &out,
	                                                               &dis), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling_tuning(NULL, &in, &out, &dis),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_autoscaling_tuning(NULL, DDBGT_READ, &in, &out, &dis),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling_tuning(NULL, DDBGT_READ, 1, 1, 1), DDBGT_EINVAL);

	/* The on-demand read maximum of the replica and of a GSI in it. */
	ck_assert_int_eq(ddbgt_replica_get_on_demand_max_read(r, &in), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_on_demand_max_read(r, 700), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_on_demand_max_read(r, &in), DDBGT_OK);
	ck_assert_int_eq(in, 700);
	ck_assert_int_eq(ddbgt_replica_clear_on_demand_max_read(r), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_on_demand_max_read(r, &in), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_gsi_on_demand_max_read(r, "byDay", &in), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_gsi_on_demand_max_read(r, "byDay", 90), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_gsi_on_demand_max_read(r, "byDay", &in), DDBGT_OK);
	ck_assert_int_eq(in, 90);
	/* the read autoscaling of that GSI is still there beside it */
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling(r, "byDay", NULL, NULL, NULL),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_on_demand_max_read(r, "new", 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, "new", &in), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_get_gsi_on_demand_max_read(r, "missing", &in),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_replica_set_on_demand_max_read(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_on_demand_max_read(NULL, &in), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_clear_on_demand_max_read(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_on_demand_max_read(r, NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_gsi_on_demand_max_read(NULL, "byDay", &in), DDBGT_EINVAL);

	/* The Kinesis data stream of the replica: copied, removed with NULL. */
	ddbgt_replica *copy = NULL;
	ck_assert_ptr_null(ddbgt_replica_kinesis_stream_arn(r));
	ck_assert_int_eq(ddbgt_replica_set_kinesis_stream(
	                         r, "arn:aws:kinesis:eu-west-1:111122223333:stream/s",
	                         DDBGT_KINESIS_PRECISION_MICROSECOND), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_kinesis_stream_arn(r),
	                 "arn:aws:kinesis:eu-west-1:111122223333:stream/s");
	ck_assert_int_eq(ddbgt_replica_kinesis_stream_precision(r),
	                 DDBGT_KINESIS_PRECISION_MICROSECOND);
	ck_assert_int_eq(ddbgt_replica_set_kinesis_stream(r, "x", (ddbgt_kinesis_precision)3),
	                 DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_replica_kinesis_stream_arn(r),
	                 "arn:aws:kinesis:eu-west-1:111122223333:stream/s");
	ck_assert_int_eq(ddbgt_replica_copy(&copy, r), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_kinesis_stream_arn(copy),
	                 "arn:aws:kinesis:eu-west-1:111122223333:stream/s");
	ddbgt_replica_free(copy);
	ck_assert_int_eq(ddbgt_replica_set_kinesis_stream(r, NULL, DDBGT_KINESIS_PRECISION_MILLISECOND),
	                 DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_kinesis_stream_arn(r));
	ck_assert_int_eq(ddbgt_replica_kinesis_stream_precision(r), DDBGT_KINESIS_PRECISION_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_kinesis_stream(NULL, "a", DDBGT_KINESIS_PRECISION_UNSET),
	                 DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_replica_kinesis_stream_arn(NULL));
	ck_assert_int_eq(ddbgt_replica_kinesis_stream_precision(NULL), DDBGT_KINESIS_PRECISION_UNSET);

	/* Resource policies: kept compact, in the order written; not an object is refused. */
	ck_assert_ptr_null(ddbgt_replica_resource_policy(r));
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(
	                         r, " {\"Version\" : \"2012-10-17\",\n \"Statement\": [ ]} "),
	                 DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_resource_policy(r),
	                 "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(r, "[1]"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(r, "{\"a\": }"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(r, "{} {}"), DDBGT_EINVAL);
	ck_assert_str_eq(ddbgt_replica_resource_policy(r),
	                 "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
	ck_assert_int_eq(ddbgt_replica_set_stream_resource_policy(r, "{\"z\":1,\"a\":2}"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_copy(&copy, r), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_stream_resource_policy(copy), "{\"z\":1,\"a\":2}");
	ck_assert_str_eq(ddbgt_replica_resource_policy(copy),
	                 "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
	ddbgt_replica_free(copy);
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(r, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_resource_policy(r));
	ck_assert_str_eq(ddbgt_replica_stream_resource_policy(r), "{\"z\":1,\"a\":2}");
	ck_assert_int_eq(ddbgt_replica_set_stream_resource_policy(NULL, "{}"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_resource_policy(NULL, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_replica_resource_policy(NULL));
	ck_assert_ptr_null(ddbgt_replica_stream_resource_policy(NULL));

	/* Multi-account replicas: account, settings replication, the role to assume. */
	ck_assert_ptr_null(ddbgt_replica_account_id(r));
	ck_assert_int_eq(ddbgt_replica_set_account_id(r, "444455556666"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_settings_replication(r,
	                                                        DDBGT_SETTINGS_REPLICATION_DISABLED),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_settings_replication(r, (ddbgt_settings_replication)3),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_provider_role_arn(r, "arn:aws:iam::444455556666:role/d"),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_copy(&copy, r), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_account_id(copy), "444455556666");
	ck_assert_int_eq(ddbgt_replica_settings_replication(copy), DDBGT_SETTINGS_REPLICATION_DISABLED);
	ck_assert_str_eq(ddbgt_replica_provider_role_arn(copy), "arn:aws:iam::444455556666:role/d");
	ddbgt_replica_free(copy);
	ck_assert_int_eq(ddbgt_replica_set_account_id(r, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_account_id(r));
	ck_assert_int_eq(ddbgt_replica_set_provider_role_arn(r, NULL), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_provider_role_arn(r));
	ck_assert_int_eq(ddbgt_replica_set_account_id(NULL, "1"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_account_id(r, "\xff"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_provider_role_arn(NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_settings_replication(NULL,
	                                                        DDBGT_SETTINGS_REPLICATION_ENABLED),
	                 DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_replica_account_id(NULL));
	ck_assert_ptr_null(ddbgt_replica_provider_role_arn(NULL));
	ck_assert_int_eq(ddbgt_replica_settings_replication(NULL), DDBGT_SETTINGS_REPLICATION_UNSET);

	/* Contributor insights with a mode, and back to the plain boolean. */
	ck_assert_int_eq(ddbgt_replica_contributor_insights_mode(r), DDBGT_INSIGHTS_MODE_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights_mode(
	                         r, 1, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_contributor_insights(r), 1);
	ck_assert_int_eq(ddbgt_replica_contributor_insights_mode(r),
	                 DDBGT_INSIGHTS_MODE_THROTTLED_KEYS);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights_mode(r, -1,
	                                                             DDBGT_INSIGHTS_MODE_UNSET),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights_mode(r, 1, (ddbgt_insights_mode)3),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_contributor_insights_mode(r),
	                 DDBGT_INSIGHTS_MODE_THROTTLED_KEYS);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights(r, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_contributor_insights_mode(r), DDBGT_INSIGHTS_MODE_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights_mode(NULL, 1,
	                                                             DDBGT_INSIGHTS_MODE_UNSET),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_contributor_insights_mode(NULL), DDBGT_INSIGHTS_MODE_UNSET);

	/* Contributor insights of a GSI in the replica, beside its other overrides. */
	int on = 1;
	ddbgt_insights_mode m = DDBGT_INSIGHTS_MODE_THROTTLED_KEYS;
	ck_assert_int_eq(ddbgt_replica_get_gsi_contributor_insights(r, "byDay", &on, &m),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(on, 0);
	ck_assert_int_eq(m, DDBGT_INSIGHTS_MODE_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_gsi_contributor_insights_mode(
	                         r, "byDay", 1, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_gsi_contributor_insights(r, "byDay", &on, &m), DDBGT_OK);
	ck_assert_int_eq(on, 1);
	ck_assert_int_eq(m, DDBGT_INSIGHTS_MODE_THROTTLED_KEYS);
	ck_assert_int_eq(ddbgt_replica_get_gsi_on_demand_max_read(r, "byDay", &in), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_contributor_insights(r, "byDay", 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_get_gsi_contributor_insights(r, "byDay", &on, &m), DDBGT_OK);
	ck_assert_int_eq(on, 0);
	ck_assert_int_eq(m, DDBGT_INSIGHTS_MODE_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_gsi_contributor_insights(r, "byDay", -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_contributor_insights_mode(r, "byDay", 1,
	                                                                 (ddbgt_insights_mode)7),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_contributor_insights(r, NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_gsi_contributor_insights(NULL, "byDay", &on, &m),
	                 DDBGT_EINVAL);
	ddbgt_replica_free(r);
	ddbgt_table_free(t);
}
END_TEST

/* Policy and usage. */

START_TEST(policy_settings)
{
	ddbgt_policy *p = NULL;
	int64_t n = 0;
	ddbgt_severity sev = DDBGT_SEVERITY_ERROR;

	ck_assert_int_eq(ddbgt_policy_new(&p), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_min_regions(p, &n), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_get_max_regions(p, &n), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_set_min_regions(p, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_max_regions(p, 5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_min_regions(p, &n), DDBGT_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ddbgt_policy_get_max_regions(p, &n), DDBGT_OK);
	ck_assert_int_eq(n, 5);
	ck_assert_int_eq(ddbgt_policy_clear_min_regions(p), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_min_regions(p, &n), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_clear_max_regions(p), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_max_regions(p, NULL), DDBGT_ENOTFOUND);

	ck_assert_int_eq(ddbgt_policy_add_allowed_region(p, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(p, "eu-central-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(p, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_allowed_region_count(p), 2);
	ck_assert_str_eq(ddbgt_policy_allowed_region_at(p, 1), "eu-central-1");
	ck_assert_ptr_null(ddbgt_policy_allowed_region_at(p, 2));
	ck_assert_int_eq(ddbgt_policy_clear_allowed_regions(p), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_policy_allowed_region_count(p), 0);
	ck_assert_int_eq(ddbgt_policy_add_jurisdiction(p, "EU"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_jurisdiction(p, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_jurisdiction_count(p), 1);
	ck_assert_str_eq(ddbgt_policy_jurisdiction_at(p, 0), "EU");
	ck_assert_ptr_null(ddbgt_policy_jurisdiction_at(p, 1));
	ck_assert_int_eq(ddbgt_policy_clear_jurisdictions(p), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_policy_jurisdiction_count(p), 0);

	ck_assert_int_eq(ddbgt_policy_require_pitr(p), 0);
	ck_assert_int_eq(ddbgt_policy_set_require_pitr(p, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_require_pitr(p), 1);
	ck_assert_int_eq(ddbgt_policy_set_require_pitr(p, -1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_require_pitr(p), 1);
	ck_assert_int_eq(ddbgt_policy_set_require_customer_managed_keys(p, 2), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_require_customer_managed_keys(p), 1);
	ck_assert_int_eq(ddbgt_policy_set_require_deletion_protection(p, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_require_deletion_protection(p), 1);
	ck_assert_int_eq(ddbgt_policy_set_require_deletion_protection(p, 0), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_require_deletion_protection(p), 0);

	/* Severity overrides: catalogue codes only, sorted by code. */
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_W_REGION_OPT_IN", DDBGT_SEVERITY_OFF),
	                 DDBGT_OK);
	ck_assert_int_eq(
		ddbgt_policy_set_severity(p, "DDBGT_E_REGION_DUPLICATE", DDBGT_SEVERITY_WARNING),
		DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_E_NO_SUCH_RULE", DDBGT_SEVERITY_INFO),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_set_severity(p, NULL, DDBGT_SEVERITY_INFO), DDBGT_EINVAL);
	ck_assert_int_eq(
		ddbgt_policy_set_severity(p, "DDBGT_W_REGION_OPT_IN", (ddbgt_severity)4),
		DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_severity_count(p), 2);
	ck_assert_str_eq(ddbgt_policy_severity_code(p, 0), "DDBGT_E_REGION_DUPLICATE");
	ck_assert_int_eq(ddbgt_policy_severity_level(p, 0), DDBGT_SEVERITY_WARNING);
	ck_assert_str_eq(ddbgt_policy_severity_code(p, 1), "DDBGT_W_REGION_OPT_IN");
	ck_assert_int_eq(ddbgt_policy_severity_level(p, 1), DDBGT_SEVERITY_OFF);
	ck_assert_ptr_null(ddbgt_policy_severity_code(p, 2));
	ck_assert_int_eq(ddbgt_policy_get_severity(p, "DDBGT_E_REGION_DUPLICATE", &sev), DDBGT_OK);
	ck_assert_int_eq(sev, DDBGT_SEVERITY_WARNING);
	ck_assert_int_eq(
		ddbgt_policy_set_severity(p, "DDBGT_E_REGION_DUPLICATE", DDBGT_SEVERITY_INFO),
		DDBGT_OK);
	ck_assert_uint_eq(ddbgt_policy_severity_count(p), 2);
	ck_assert_int_eq(ddbgt_policy_get_severity(p, "DDBGT_E_REGION_DUPLICATE", &sev), DDBGT_OK);
	ck_assert_int_eq(sev, DDBGT_SEVERITY_INFO);
	ck_assert_int_eq(ddbgt_policy_get_severity(p, "DDBGT_W_REGION_UNVERIFIED", &sev),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_get_severity(p, NULL, &sev), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_remove_severity(p, "DDBGT_E_REGION_DUPLICATE"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_remove_severity(p, "DDBGT_E_REGION_DUPLICATE"),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_remove_severity(p, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_severity_count(p), 1);

	/* Quotas: known names only. */
	ck_assert_str_eq(ddbgt_policy_quota_name_at(0), "account_capacity_max");
	ck_assert_str_eq(ddbgt_policy_quota_name_at(1), "gsi_max");
	ck_assert_str_eq(ddbgt_policy_quota_name_at(2), "table_capacity_max");
	ck_assert_ptr_null(ddbgt_policy_quota_name_at(3));
	ck_assert_int_eq(ddbgt_policy_get_quota(p, "gsi_max", &n), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_set_quota(p, "gsi_max", 25), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_quota(p, "table_capacity_max", 80000), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_quota(p, "lsi_max", 10), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_set_quota(p, NULL, 10), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_get_quota(p, "gsi_max", &n), DDBGT_OK);
	ck_assert_int_eq(n, 25);
	ck_assert_int_eq(ddbgt_policy_set_quota(p, "gsi_max", 30), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_quota(p, "gsi_max", &n), DDBGT_OK);
	ck_assert_int_eq(n, 30);
	ck_assert_int_eq(ddbgt_policy_get_quota(p, "lsi_max", &n), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_get_quota(p, NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_clear_quota(p, "gsi_max"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_clear_quota(p, "gsi_max"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_policy_clear_quota(p, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_get_quota(p, "table_capacity_max", &n), DDBGT_OK);
	ck_assert_int_eq(n, 80000);
	ddbgt_policy_free(p);
}
END_TEST

START_TEST(usage_settings)
{
	ddbgt_usage *u = NULL;
	double v = -1;

	ck_assert_int_eq(ddbgt_usage_new(&u), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_is_empty(u), 1);
	ck_assert_int_eq(ddbgt_usage_read_consistency(u), DDBGT_READ_CONSISTENCY_UNSET);

	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "us-east-1", 100), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_is_empty(u), 0);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", 50), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_READ, "eu-west-1", 0), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_usage_rate_count(u, DDBGT_WRITE), 2);
	ck_assert_uint_eq(ddbgt_usage_rate_count(u, DDBGT_READ), 1);
	ck_assert_str_eq(ddbgt_usage_rate_region(u, DDBGT_WRITE, 0), "eu-west-1");
	ck_assert_double_eq(ddbgt_usage_rate_value(u, DDBGT_WRITE, 0), 50);
	ck_assert_str_eq(ddbgt_usage_rate_region(u, DDBGT_WRITE, 1), "us-east-1");
	ck_assert_double_eq(ddbgt_usage_rate_value(u, DDBGT_WRITE, 1), 100);
	ck_assert_ptr_null(ddbgt_usage_rate_region(u, DDBGT_WRITE, 2));
	ck_assert_double_eq(ddbgt_usage_rate_value(u, DDBGT_WRITE, 2), 0);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", 75.5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_get_rate(u, DDBGT_WRITE, "eu-west-1", &v), DDBGT_OK);
	ck_assert_double_eq(v, 75.5);
	ck_assert_int_eq(ddbgt_usage_get_rate(u, DDBGT_READ, "us-east-1", &v), DDBGT_ENOTFOUND);

	/* Figures that cannot describe traffic. */
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", -1), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", NAN), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", INFINITY), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_get_rate(u, DDBGT_WRITE, "eu-west-1", &v), DDBGT_OK);
	ck_assert_double_eq(v, 75.5);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, (ddbgt_rw)2, "eu-west-1", 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_get_rate(u, (ddbgt_rw)2, "eu-west-1", &v), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_get_rate(u, DDBGT_READ, NULL, &v), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_usage_rate_count(u, (ddbgt_rw)2), 0);
	ck_assert_ptr_null(ddbgt_usage_rate_region(u, (ddbgt_rw)-1, 0));
	ck_assert_double_eq(ddbgt_usage_rate_value(u, (ddbgt_rw)2, 0), 0);

	ck_assert_int_eq(ddbgt_usage_remove_rate(u, DDBGT_WRITE, "us-east-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_remove_rate(u, DDBGT_WRITE, "us-east-1"), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_usage_remove_rate(u, DDBGT_WRITE, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_remove_rate(u, (ddbgt_rw)3, "eu-west-1"), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_usage_rate_count(u, DDBGT_WRITE), 1);

	/* Scalars. */
	ck_assert_int_eq(ddbgt_usage_get_item_size_bytes(u, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_usage_set_item_size_bytes(u, 2048), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_get_item_size_bytes(u, &v), DDBGT_OK);
	ck_assert_double_eq(v, 2048);
	ck_assert_int_eq(ddbgt_usage_set_item_size_bytes(u, -0.5), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_get_item_size_bytes(u, &v), DDBGT_OK);
	ck_assert_double_eq(v, 2048);
	ck_assert_int_eq(ddbgt_usage_get_storage_gb(u, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(u, 12.5), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_get_storage_gb(u, &v), DDBGT_OK);
	ck_assert_double_eq(v, 12.5);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(u, INFINITY), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_get_stream_reads_per_month(u, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_usage_set_stream_reads_per_month(u, 1e6), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_get_stream_reads_per_month(u, &v), DDBGT_OK);
	ck_assert_double_eq(v, 1e6);
	ck_assert_int_eq(ddbgt_usage_set_stream_reads_per_month(u, NAN), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_get_hours_per_month(u, &v), DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_usage_set_hours_per_month(u, 720), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_get_hours_per_month(u, &v), DDBGT_OK);
	ck_assert_double_eq(v, 720);
	ck_assert_int_eq(ddbgt_usage_set_hours_per_month(u, -INFINITY), DDBGT_ERANGE);
	ck_assert_int_eq(ddbgt_usage_get_hours_per_month(u, NULL), DDBGT_OK);

	ck_assert_int_eq(ddbgt_usage_set_read_consistency(u, DDBGT_READ_CONSISTENCY_TRANSACTIONAL),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_read_consistency(u), DDBGT_READ_CONSISTENCY_TRANSACTIONAL);
	ck_assert_int_eq(ddbgt_usage_set_read_consistency(u, (ddbgt_read_consistency)4),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_read_consistency(u), DDBGT_READ_CONSISTENCY_TRANSACTIONAL);
	ddbgt_usage_free(u);
}
END_TEST

START_TEST(usage_is_empty_per_field)
{
	/* Each field alone makes the profile non-empty. */
	for (int field = 0; field < 7; field++) {
		ddbgt_usage *u = NULL;
		ck_assert_int_eq(ddbgt_usage_new(&u), DDBGT_OK);
		switch (field) {
		case 0: ddbgt_usage_set_rate(u, DDBGT_READ, "eu-west-1", 1); break;
		case 1: ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", 1); break;
		case 2: ddbgt_usage_set_item_size_bytes(u, 1); break;
		case 3: ddbgt_usage_set_storage_gb(u, 1); break;
		case 4: ddbgt_usage_set_stream_reads_per_month(u, 1); break;
		case 5: ddbgt_usage_set_hours_per_month(u, 1); break;
		default: ddbgt_usage_set_read_consistency(u, DDBGT_READ_CONSISTENCY_STRONG); break;
		}
		ck_assert_int_eq(ddbgt_usage_is_empty(u), 0);
		ddbgt_usage_free(u);
	}
}
END_TEST

/* Deep copies. */

static ddbgt_table *full_table(void)
{
	ddbgt_table *t = new_table("orders");
	ddbgt_gsi *g = NULL;
	ddbgt_lsi *l = NULL;

	ck_assert_int_eq(ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_N), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "status", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_capacity(t, DDBGT_READ, 10), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 1, 9, 70), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_stream(t, 1, DDBGT_STREAM_VIEW_NEW_IMAGE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(t, "exp"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_witness_region(t, "us-west-2"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_pitr(t, 1), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_pitr_period(t, 10), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "env", "prod"), DDBGT_OK);

	ddbgt_replica *r = add_replica(t, "eu-west-1");
	ck_assert_int_eq(ddbgt_replica_set_kms_key(r, "key-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "zone", "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "byStatus", 4), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling(r, 1, 5, 50), DDBGT_OK);
	r = add_replica(t, "us-east-1");
	ck_assert_int_eq(ddbgt_replica_set_role(r, DDBGT_ROLE_PRIMARY), DDBGT_OK);

	ck_assert_int_eq(ddbgt_gsi_new(&g, "byStatus"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(g, "status"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(g, "sk"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_projection(g, DDBGT_PROJECTION_INCLUDE), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(g, "total"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_capacity(g, DDBGT_READ, 3), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_gsi(t, g), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_new(&l, "byTime"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key(l, "ts"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_add_non_key_attribute(l, "n"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_add_lsi(t, l), DDBGT_OK);

	ddbgt_policy *p = ddbgt_table_policy_mut(t);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(p, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_jurisdiction(p, "EU"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_severity(p, "DDBGT_W_REGION_OPT_IN", DDBGT_SEVERITY_OFF),
	                 DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_quota(p, "gsi_max", 25), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_set_min_regions(p, 2), DDBGT_OK);
	ddbgt_usage *u = ddbgt_table_usage_mut(t);
	ck_assert_int_eq(ddbgt_usage_set_rate(u, DDBGT_WRITE, "eu-west-1", 10), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(u, 3), DDBGT_OK);
	return t;
}

START_TEST(table_copy_is_deep)
{
	ddbgt_table *t = full_table();
	ddbgt_table *c = NULL;
	int64_t n = 0;
	double d = 0;

	ck_assert_int_eq(ddbgt_table_copy(&c, t), DDBGT_OK);
	ck_assert_ptr_ne(c, t);

	/* Everything arrived. */
	ck_assert_str_eq(ddbgt_table_name(c), "orders");
	ck_assert_int_eq(ddbgt_table_billing_mode(c), DDBGT_BILLING_PROVISIONED);
	ck_assert_str_eq(ddbgt_table_partition_key_name(c), "pk");
	ck_assert_str_eq(ddbgt_table_sort_key_name(c), "sk");
	ck_assert_int_eq(ddbgt_table_sort_key_type(c), DDBGT_ATTR_N);
	ck_assert_uint_eq(ddbgt_table_attribute_count(c), 1);
	ck_assert_int_eq(ddbgt_table_get_capacity(c, DDBGT_READ, &n), DDBGT_OK);
	ck_assert_int_eq(n, 10);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(c, DDBGT_WRITE, NULL, &n, NULL), DDBGT_OK);
	ck_assert_int_eq(n, 9);
	ck_assert_int_eq(ddbgt_table_stream_is_set(c), 1);
	ck_assert_int_eq(ddbgt_table_stream_view(c), DDBGT_STREAM_VIEW_NEW_IMAGE);
	ck_assert_str_eq(ddbgt_table_ttl_attribute(c), "exp");
	ck_assert_str_eq(ddbgt_table_witness_region(c), "us-west-2");
	ck_assert_int_eq(ddbgt_table_get_pitr_period(c, &n), DDBGT_OK);
	ck_assert_int_eq(n, 10);
	ck_assert_str_eq(ddbgt_table_tag(c, "env"), "prod");
	ck_assert_uint_eq(ddbgt_table_replica_count(c), 2);
	ck_assert_uint_eq(ddbgt_table_gsi_count(c), 1);
	ck_assert_uint_eq(ddbgt_table_lsi_count(c), 1);

	/* Children are new objects that point back to the copy. */
	ddbgt_replica *cr = ddbgt_table_replica_at_mut(c, 0);
	ck_assert_ptr_ne(cr, ddbgt_table_replica_at(t, 0));
	ck_assert_ptr_eq(ddbgt_replica_table(cr), c);
	ck_assert_str_eq(ddbgt_replica_kms_key(cr), "key-1");
	ck_assert_str_eq(ddbgt_replica_tag(cr, "zone"), "a");
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(cr, "byStatus", &n), DDBGT_OK);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling(cr, NULL, &n, NULL), DDBGT_OK);
	ck_assert_int_eq(n, 5);
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(cr, &n), DDBGT_OK);
	ck_assert_int_eq(n, 10);
	ck_assert_ptr_eq(ddbgt_table_primary_replica(c), ddbgt_table_replica_at(c, 1));
	ddbgt_gsi *cg = ddbgt_table_gsi_at_mut(c, 0);
	ck_assert_ptr_ne(cg, ddbgt_table_gsi_at(t, 0));
	ck_assert_ptr_eq(ddbgt_gsi_table(cg), c);
	ck_assert_str_eq(ddbgt_gsi_partition_key(cg), "status");
	ck_assert_str_eq(ddbgt_gsi_sort_key(cg), "sk");
	ck_assert_str_eq(ddbgt_gsi_non_key_attribute_at(cg, 0), "total");
	ck_assert_int_eq(ddbgt_gsi_projection(cg), DDBGT_PROJECTION_INCLUDE);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(cg, DDBGT_READ, &n), DDBGT_OK);
	ck_assert_int_eq(n, 3);
	ddbgt_lsi *cl = ddbgt_table_lsi_at_mut(c, 0);
	ck_assert_ptr_ne(cl, ddbgt_table_lsi_at(t, 0));
	ck_assert_ptr_eq(ddbgt_lsi_table(cl), c);
	ck_assert_str_eq(ddbgt_lsi_sort_key(cl), "ts");
	ck_assert_str_eq(ddbgt_lsi_non_key_attribute_at(cl, 0), "n");
	ddbgt_policy *cp = ddbgt_table_policy_mut(c);
	ck_assert_ptr_ne(cp, ddbgt_table_policy(t));
	ck_assert_str_eq(ddbgt_policy_allowed_region_at(cp, 0), "eu-west-1");
	ck_assert_str_eq(ddbgt_policy_jurisdiction_at(cp, 0), "EU");
	ck_assert_str_eq(ddbgt_policy_severity_code(cp, 0), "DDBGT_W_REGION_OPT_IN");
	ck_assert_int_eq(ddbgt_policy_get_quota(cp, "gsi_max", &n), DDBGT_OK);
	ck_assert_int_eq(n, 25);
	ddbgt_usage *cu = ddbgt_table_usage_mut(c);
	ck_assert_ptr_ne(cu, ddbgt_table_usage(t));
	ck_assert_int_eq(ddbgt_usage_get_rate(cu, DDBGT_WRITE, "eu-west-1", &d), DDBGT_OK);
	ck_assert_double_eq(d, 10);
	/* The copy's policy and usage belong to it: free is a no-op. */
	ddbgt_policy_free(cp);
	ddbgt_usage_free(cu);

	/* Changing the copy leaves the original. */
	ck_assert_int_eq(ddbgt_table_set_name(c, "copy"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(c, "env", "dev"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_remove_attribute(c, "status"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_region(cr, "eu-west-3"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_tag(cr, "zone", "b"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(cr, "byStatus", 8), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(cg, "more"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key(cl, "other"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(cp, "eu-west-3"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_set_rate(cu, DDBGT_WRITE, "eu-west-1", 99), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_remove_replica(c, "us-east-1"), DDBGT_OK);

	ck_assert_str_eq(ddbgt_table_name(t), "orders");
	ck_assert_str_eq(ddbgt_table_tag(t, "env"), "prod");
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), 1);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 2);
	ddbgt_replica *r = ddbgt_table_replica_at_mut(t, 0);
	ck_assert_str_eq(ddbgt_replica_region(r), "eu-west-1");
	ck_assert_str_eq(ddbgt_replica_tag(r, "zone"), "a");
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(r, "byStatus", &n), DDBGT_OK);
	ck_assert_int_eq(n, 4);
	ck_assert_uint_eq(ddbgt_gsi_non_key_attribute_count(ddbgt_table_gsi_at(t, 0)), 1);
	ck_assert_str_eq(ddbgt_lsi_sort_key(ddbgt_table_lsi_at(t, 0)), "ts");
	ck_assert_uint_eq(ddbgt_policy_allowed_region_count(ddbgt_table_policy(t)), 1);
	ck_assert_int_eq(ddbgt_usage_get_rate(ddbgt_table_usage(t), DDBGT_WRITE, "eu-west-1", &d),
	                 DDBGT_OK);
	ck_assert_double_eq(d, 10);

	ddbgt_table_free(c);
	/* The original survives the copy's end. */
	ck_assert_str_eq(ddbgt_replica_region(ddbgt_table_replica_at(t, 1)), "us-east-1");
	ddbgt_table_free(t);
}
END_TEST

/*
 * An allocator that places each block right after the one before, as
 * header-free allocators with size classes do (jemalloc, mimalloc): a block
 * allocated after an object may start exactly at the object's end. It
 * counts the blocks still live, so that a leak shows.
 */
#define BUMP_BLOCKS 256
static _Alignas(16) unsigned char bump_arena[1 << 16];
static size_t bump_used;
static struct {
	void *p;
	size_t size;
} bump_blocks[BUMP_BLOCKS];
static size_t bump_count;
static long bump_live;

static void *bump_malloc(size_t size)
{
	size_t at = (bump_used + 7) / 8 * 8;
	if (size > sizeof(bump_arena) - at || bump_count == BUMP_BLOCKS)
		return NULL;
	bump_used = at + size;
	bump_blocks[bump_count].p = bump_arena + at;
	bump_blocks[bump_count++].size = size;
	bump_live++;
	return bump_arena + at;
}

static void bump_free(void *p)
{
	for (size_t i = 0; p != NULL && i < bump_count; i++)
		if (bump_blocks[i].p == p) {
			bump_blocks[i].p = NULL;
			bump_live--;
			return;
		}
	ck_assert_msg(p == NULL, "a block freed twice or not from this allocator");
}

static void *bump_realloc(void *p, size_t size)
{
	size_t old = 0;
	for (size_t i = 0; p != NULL && i < bump_count; i++)
		if (bump_blocks[i].p == p)
			old = bump_blocks[i].size;
	void *q = bump_malloc(size);
	if (q != NULL && p != NULL) {
		memcpy(q, p, old < size ? old : size);
		bump_free(p);
	}
	return q;
}

/*
 * A copy of an index or a replica, freed, gives back every block even when
 * its name's block starts at the object's end, where a name built into the
 * object would be (the name is then a block of its own and must be freed).
 */
START_TEST(copies_free_their_names_under_any_allocator)
{
	ddbgt_malloc_fn m;
	ddbgt_realloc_fn re;
	ddbgt_free_fn f;
	ddbgt_gsi *g = NULL, *gc = NULL;
	ddbgt_lsi *l = NULL, *lc = NULL;
	ddbgt_replica *r = NULL, *rc = NULL;

	ddbgt_get_alloc_funcs(&m, &re, &f);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(bump_malloc, bump_realloc, bump_free), DDBGT_OK);
	bump_used = bump_count = 0;
	bump_live = 0;
	ck_assert_int_eq(ddbgt_gsi_new(&g, "byCustomer"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_copy(&gc, g), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_name(gc), "byCustomer");
	ck_assert_int_eq(ddbgt_lsi_new(&l, "byTime"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_lsi_copy(&lc, l), DDBGT_OK);
	ck_assert_str_eq(ddbgt_lsi_name(lc), "byTime");
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_copy(&rc, r), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_region(rc), "eu-west-1");
	/* A rename of a copy frees the copy's name too. */
	ck_assert_int_eq(ddbgt_gsi_set_name(gc, "byOrder"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_gsi_name(gc), "byOrder");
	ddbgt_gsi_free(gc);
	ddbgt_gsi_free(g);
	ddbgt_lsi_free(lc);
	ddbgt_lsi_free(l);
	ddbgt_replica_free(rc);
	ddbgt_replica_free(r);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(m, re, f), DDBGT_OK);
	ck_assert_int_eq(bump_live, 0);
}
END_TEST

START_TEST(object_copies_are_deep_and_free)
{
	ddbgt_table *t = full_table();
	ddbgt_replica *r = NULL;
	ddbgt_gsi *g = NULL;
	ddbgt_lsi *l = NULL;
	ddbgt_policy *p = NULL;
	ddbgt_usage *u = NULL;
	int64_t n = 0;

	/* Copies of owned objects belong to no table. */
	ck_assert_int_eq(ddbgt_replica_copy(&r, ddbgt_table_replica_at(t, 0)), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_replica_table(r));
	ck_assert_str_eq(ddbgt_replica_kms_key(r), "key-1");
	ck_assert_int_eq(ddbgt_replica_set_tag(r, "zone", "q"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_replica_tag(ddbgt_table_replica_at(t, 0), "zone"), "a");
	ck_assert_int_eq(ddbgt_replica_remove_gsi_override(r, "byStatus"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_replica_gsi_override_count(ddbgt_table_replica_at(t, 0)), 1);
	/* A free copy may join another table. */
	ddbgt_table *other = new_table("other");
	ck_assert_int_eq(ddbgt_table_add_replica(other, r), DDBGT_OK);

	ck_assert_int_eq(ddbgt_gsi_copy(&g, ddbgt_table_gsi_at(t, 0)), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_gsi_table(g));
	ck_assert_str_eq(ddbgt_gsi_name(g), "byStatus");
	ck_assert_int_eq(ddbgt_gsi_clear_non_key_attributes(g), DDBGT_OK);
	ck_assert_int_eq(ddbgt_gsi_set_capacity(g, DDBGT_READ, 30), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_gsi_non_key_attribute_count(ddbgt_table_gsi_at(t, 0)), 1);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(ddbgt_table_gsi_at(t, 0), DDBGT_READ, &n), DDBGT_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(ddbgt_table_add_gsi(other, g), DDBGT_OK);

	ck_assert_int_eq(ddbgt_lsi_copy(&l, ddbgt_table_lsi_at(t, 0)), DDBGT_OK);
	ck_assert_ptr_null(ddbgt_lsi_table(l));
	ck_assert_str_eq(ddbgt_lsi_sort_key(l), "ts");
	ck_assert_int_eq(ddbgt_lsi_set_name(l, "x"), DDBGT_OK);
	ck_assert_str_eq(ddbgt_lsi_name(ddbgt_table_lsi_at(t, 0)), "byTime");
	ddbgt_lsi_free(l);

	ck_assert_int_eq(ddbgt_policy_copy(&p, ddbgt_table_policy(t)), DDBGT_OK);
	ck_assert_int_eq(ddbgt_policy_get_min_regions(p, &n), DDBGT_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(ddbgt_policy_remove_severity(p, "DDBGT_W_REGION_OPT_IN"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_policy_severity_count(ddbgt_table_policy(t)), 1);
	ddbgt_policy_free(p);

	ck_assert_int_eq(ddbgt_usage_copy(&u, ddbgt_table_usage(t)), DDBGT_OK);
	ck_assert_int_eq(ddbgt_usage_remove_rate(u, DDBGT_WRITE, "eu-west-1"), DDBGT_OK);
	ck_assert_uint_eq(ddbgt_usage_rate_count(ddbgt_table_usage(t), DDBGT_WRITE), 1);
	ddbgt_usage_free(u);

	ck_assert_int_eq(ddbgt_replica_copy(NULL, r), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_copy(&r, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(ddbgt_gsi_copy(&g, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(g);
	ck_assert_int_eq(ddbgt_lsi_copy(&l, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(l);
	ck_assert_int_eq(ddbgt_policy_copy(&p, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(ddbgt_usage_copy(&u, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(u);
	ddbgt_table *c = NULL;
	ck_assert_int_eq(ddbgt_table_copy(&c, NULL), DDBGT_EINVAL);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(ddbgt_table_copy(NULL, t), DDBGT_EINVAL);

	ddbgt_table_free(other);
	ddbgt_table_free(t);
}
END_TEST

/* NULL handles: setters refuse, getters return 0 / NULL / UNSET, frees are no-ops. */

START_TEST(null_handles)
{
	int64_t n = 5, mn = 5, mx = 5;
	double d = 5;
	ddbgt_severity sev = DDBGT_SEVERITY_ERROR;

	ck_assert_int_eq(ddbgt_table_new(NULL, "x"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_new(NULL, "x"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_new(NULL, "x"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_lsi_new(NULL, "x"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_new(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_new(NULL), DDBGT_EINVAL);
	ddbgt_table_free(NULL);
	ddbgt_replica_free(NULL);
	ddbgt_gsi_free(NULL);
	ddbgt_lsi_free(NULL);
	ddbgt_policy_free(NULL);
	ddbgt_usage_free(NULL);

	/* Table. */
	ck_assert_int_eq(ddbgt_table_set_name(NULL, "x"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_name(NULL));
	ck_assert_int_eq(ddbgt_table_set_billing_mode(NULL, DDBGT_BILLING_PROVISIONED), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_billing_mode(NULL), DDBGT_BILLING_UNSET);
	ck_assert_int_eq(ddbgt_table_set_partition_key(NULL, "pk", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_partition_key_name(NULL));
	ck_assert_int_eq(ddbgt_table_partition_key_type(NULL), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_set_sort_key(NULL, "sk", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_sort_key_name(NULL));
	ck_assert_int_eq(ddbgt_table_sort_key_type(NULL), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_add_attribute(NULL, "a", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_remove_attribute(NULL, "a"), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_table_attribute_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_table_attribute_name(NULL, 0));
	ck_assert_int_eq(ddbgt_table_attribute_type(NULL, 0), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_find_attribute_type(NULL, "a"), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_table_set_capacity(NULL, DDBGT_READ, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_capacity(NULL, DDBGT_READ, &n), DDBGT_EINVAL);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(ddbgt_table_clear_capacity(NULL, DDBGT_READ), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_autoscaling(NULL, DDBGT_READ, 1, 2, 3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_autoscaling(NULL, DDBGT_READ, &mn, &mx, &d), DDBGT_EINVAL);
	ck_assert_int_eq(mn, 0);
	ck_assert_int_eq(mx, 0);
	ck_assert_double_eq(d, 0);
	ck_assert_int_eq(ddbgt_table_clear_autoscaling(NULL, DDBGT_READ), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_on_demand_max(NULL, DDBGT_READ, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_on_demand_max(NULL, DDBGT_READ, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_on_demand_max(NULL, DDBGT_READ), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_stream(NULL, 1, DDBGT_STREAM_VIEW_KEYS_ONLY), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_stream(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_stream_is_set(NULL), 0);
	ck_assert_int_eq(ddbgt_table_stream_enabled(NULL), 0);
	ck_assert_int_eq(ddbgt_table_stream_view(NULL), DDBGT_STREAM_VIEW_UNSET);
	ck_assert_int_eq(ddbgt_table_set_encryption(NULL, DDBGT_ENCRYPTION_AWS_OWNED), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_encryption(NULL), DDBGT_ENCRYPTION_UNSET);
	ck_assert_int_eq(ddbgt_table_set_ttl_attribute(NULL, "t"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_ttl_attribute(NULL));
	ck_assert_int_eq(ddbgt_table_set_table_class(NULL, DDBGT_TABLE_CLASS_STANDARD), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_table_class(NULL), DDBGT_TABLE_CLASS_UNSET);
	ck_assert_int_eq(ddbgt_table_set_pitr(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_pitr_enabled(NULL), 0);
	ck_assert_int_eq(ddbgt_table_set_pitr_period(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_get_pitr_period(NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_clear_pitr_period(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_set_deletion_protection(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_deletion_protection(NULL), 0);
	ck_assert_int_eq(ddbgt_table_set_consistency(NULL, DDBGT_CONSISTENCY_STRONG), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_consistency(NULL), DDBGT_CONSISTENCY_UNSET);
	ck_assert_int_eq(ddbgt_table_set_witness_region(NULL, "x"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_witness_region(NULL));
	ck_assert_int_eq(ddbgt_table_set_legacy_version(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_legacy_version(NULL), 0);
	ck_assert_int_eq(ddbgt_table_set_adopt_existing(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_adopt_existing(NULL), 0);
	ck_assert_int_eq(ddbgt_table_set_tag(NULL, "k", "v"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_remove_tag(NULL, "k"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_tag(NULL, "k"));
	ck_assert_uint_eq(ddbgt_table_tag_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_table_tag_key(NULL, 0));
	ck_assert_ptr_null(ddbgt_table_tag_value(NULL, 0));
	ck_assert_uint_eq(ddbgt_table_replica_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_table_replica_at(NULL, 0));
	ck_assert_ptr_null(ddbgt_table_find_replica(NULL, "x"));
	ck_assert_int_eq(ddbgt_table_remove_replica(NULL, "x"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_primary_replica(NULL));
	ck_assert_int_eq(ddbgt_table_add_gsi(NULL, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_table_gsi_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_table_gsi_at(NULL, 0));
	ck_assert_ptr_null(ddbgt_table_find_gsi(NULL, "x"));
	ck_assert_int_eq(ddbgt_table_remove_gsi(NULL, "x"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_table_add_lsi(NULL, NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_table_lsi_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_table_lsi_at(NULL, 0));
	ck_assert_ptr_null(ddbgt_table_find_lsi(NULL, "x"));
	ck_assert_int_eq(ddbgt_table_remove_lsi(NULL, "x"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_table_policy(NULL));
	ck_assert_ptr_null(ddbgt_table_usage(NULL));

	/* Replica. */
	ck_assert_ptr_null(ddbgt_replica_table(NULL));
	ck_assert_int_eq(ddbgt_replica_set_region(NULL, "x"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_replica_region(NULL));
	ck_assert_int_eq(ddbgt_replica_set_role(NULL, DDBGT_ROLE_PRIMARY), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_role(NULL), DDBGT_ROLE_UNSET);
	ck_assert_int_eq(ddbgt_replica_effective_role(NULL), DDBGT_ROLE_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_table_class(NULL, DDBGT_TABLE_CLASS_STANDARD),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_table_class(NULL), DDBGT_TABLE_CLASS_UNSET);
	ck_assert_int_eq(ddbgt_replica_effective_table_class(NULL), DDBGT_TABLE_CLASS_UNSET);
	ck_assert_int_eq(ddbgt_replica_set_kms_key(NULL, "k"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_replica_kms_key(NULL));
	ck_assert_int_eq(ddbgt_replica_set_pitr(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_pitr(NULL), DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_replica_set_pitr_period(NULL, 1), DDBGT_EINVAL);
	n = 5;
	ck_assert_int_eq(ddbgt_replica_get_pitr_period(NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(ddbgt_replica_clear_pitr_period(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_effective_pitr(NULL), 0);
	n = 5;
	ck_assert_int_eq(ddbgt_replica_get_effective_pitr_period(NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(ddbgt_replica_set_deletion_protection(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_deletion_protection(NULL), DDBGT_INHERIT);
	ck_assert_int_eq(ddbgt_replica_effective_deletion_protection(NULL), 0);
	ck_assert_int_eq(ddbgt_replica_set_read_capacity(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_read_capacity(NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_read_autoscaling(NULL, 1, 2, 3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_read_autoscaling(NULL, &mn, &mx, &d), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_clear_read_capacity(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(NULL, "g", 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_autoscaling(NULL, "g", 1, 2, 3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_capacity(NULL, "g", &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_get_gsi_read_autoscaling(NULL, "g", &mn, &mx, &d),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_remove_gsi_override(NULL, "g"), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_replica_gsi_override_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_replica_gsi_override_name(NULL, 0));
	ck_assert_int_eq(ddbgt_replica_set_contributor_insights(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_contributor_insights(NULL), 0);
	ck_assert_int_eq(ddbgt_replica_set_tag(NULL, "k", "v"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_replica_remove_tag(NULL, "k"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_replica_tag(NULL, "k"));
	ck_assert_uint_eq(ddbgt_replica_tag_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_replica_tag_key(NULL, 0));
	ck_assert_ptr_null(ddbgt_replica_tag_value(NULL, 0));

	/* Indexes. */
	ck_assert_ptr_null(ddbgt_gsi_table(NULL));
	ck_assert_int_eq(ddbgt_gsi_set_name(NULL, "g"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_gsi_name(NULL));
	ck_assert_int_eq(ddbgt_gsi_set_partition_key(NULL, "a"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_gsi_partition_key(NULL));
	ck_assert_int_eq(ddbgt_gsi_set_sort_key(NULL, "a"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_gsi_sort_key(NULL));
	ck_assert_int_eq(ddbgt_gsi_set_partition_key_typed(NULL, "a", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_sort_key_typed(NULL, "a", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_add_partition_key_attribute(NULL, "a", DDBGT_ATTR_S),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_add_sort_key_attribute(NULL, "a", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_gsi_partition_key_attribute_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_gsi_partition_key_attribute_name(NULL, 0));
	ck_assert_int_eq(ddbgt_gsi_partition_key_attribute_type(NULL, 0), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_gsi_partition_key_is_multi_attribute(NULL), 0);
	ck_assert_uint_eq(ddbgt_gsi_sort_key_attribute_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_gsi_sort_key_attribute_name(NULL, 0));
	ck_assert_int_eq(ddbgt_gsi_sort_key_attribute_type(NULL, 0), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_gsi_sort_key_is_multi_attribute(NULL), 0);
	ck_assert_int_eq(ddbgt_lsi_set_sort_key_typed(NULL, "a", DDBGT_ATTR_S), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_lsi_sort_key_type(NULL), DDBGT_ATTR_UNSET);
	ck_assert_int_eq(ddbgt_gsi_set_projection(NULL, DDBGT_PROJECTION_ALL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_projection(NULL), DDBGT_PROJECTION_UNSET);
	ck_assert_int_eq(ddbgt_gsi_add_non_key_attribute(NULL, "a"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_non_key_attributes(NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_gsi_non_key_attribute_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_gsi_non_key_attribute_at(NULL, 0));
	ck_assert_int_eq(ddbgt_gsi_set_capacity(NULL, DDBGT_READ, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_capacity(NULL, DDBGT_READ, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_capacity(NULL, DDBGT_READ), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_autoscaling(NULL, DDBGT_READ, 1, 2, 3), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_autoscaling(NULL, DDBGT_READ, &mn, &mx, &d), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_autoscaling(NULL, DDBGT_READ), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_set_on_demand_max(NULL, DDBGT_READ, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_get_on_demand_max(NULL, DDBGT_READ, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_gsi_clear_on_demand_max(NULL, DDBGT_READ), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_lsi_table(NULL));
	ck_assert_int_eq(ddbgt_lsi_set_name(NULL, "l"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_lsi_name(NULL));
	ck_assert_int_eq(ddbgt_lsi_set_sort_key(NULL, "a"), DDBGT_EINVAL);
	ck_assert_ptr_null(ddbgt_lsi_sort_key(NULL));
	ck_assert_int_eq(ddbgt_lsi_set_projection(NULL, DDBGT_PROJECTION_ALL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_lsi_projection(NULL), DDBGT_PROJECTION_UNSET);
	ck_assert_int_eq(ddbgt_lsi_add_non_key_attribute(NULL, "a"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_lsi_clear_non_key_attributes(NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_lsi_non_key_attribute_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_lsi_non_key_attribute_at(NULL, 0));

	/* Policy. */
	ck_assert_int_eq(ddbgt_policy_copy(NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_set_min_regions(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_get_min_regions(NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_clear_min_regions(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_set_max_regions(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_get_max_regions(NULL, &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_clear_max_regions(NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_add_allowed_region(NULL, "r"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_clear_allowed_regions(NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_allowed_region_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_policy_allowed_region_at(NULL, 0));
	ck_assert_int_eq(ddbgt_policy_add_jurisdiction(NULL, "EU"), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_clear_jurisdictions(NULL), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_jurisdiction_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_policy_jurisdiction_at(NULL, 0));
	ck_assert_int_eq(ddbgt_policy_set_require_pitr(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_require_pitr(NULL), 0);
	ck_assert_int_eq(ddbgt_policy_set_require_customer_managed_keys(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_require_customer_managed_keys(NULL), 0);
	ck_assert_int_eq(ddbgt_policy_set_require_deletion_protection(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_require_deletion_protection(NULL), 0);
	ck_assert_int_eq(ddbgt_policy_set_severity(NULL, "DDBGT_W_REGION_OPT_IN", DDBGT_SEVERITY_OFF),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_get_severity(NULL, "DDBGT_W_REGION_OPT_IN", &sev),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(sev, DDBGT_SEVERITY_OFF);
	ck_assert_int_eq(ddbgt_policy_remove_severity(NULL, "DDBGT_W_REGION_OPT_IN"), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_policy_severity_count(NULL), 0);
	ck_assert_ptr_null(ddbgt_policy_severity_code(NULL, 0));
	ck_assert_int_eq(ddbgt_policy_severity_level(NULL, 0), DDBGT_SEVERITY_OFF);
	ck_assert_int_eq(ddbgt_policy_set_quota(NULL, "gsi_max", 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_get_quota(NULL, "gsi_max", &n), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_policy_clear_quota(NULL, "gsi_max"), DDBGT_EINVAL);

	/* Usage. */
	ck_assert_int_eq(ddbgt_usage_copy(NULL, NULL), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_set_rate(NULL, DDBGT_READ, "r", 1), DDBGT_EINVAL);
	d = 5;
	ck_assert_int_eq(ddbgt_usage_get_rate(NULL, DDBGT_READ, "r", &d), DDBGT_EINVAL);
	ck_assert_double_eq(d, 0);
	ck_assert_int_eq(ddbgt_usage_remove_rate(NULL, DDBGT_READ, "r"), DDBGT_EINVAL);
	ck_assert_uint_eq(ddbgt_usage_rate_count(NULL, DDBGT_READ), 0);
	ck_assert_ptr_null(ddbgt_usage_rate_region(NULL, DDBGT_READ, 0));
	ck_assert_double_eq(ddbgt_usage_rate_value(NULL, DDBGT_READ, 0), 0);
	ck_assert_int_eq(ddbgt_usage_set_item_size_bytes(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_get_item_size_bytes(NULL, &d), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_set_storage_gb(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_get_storage_gb(NULL, &d), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_set_stream_reads_per_month(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_get_stream_reads_per_month(NULL, &d), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_set_hours_per_month(NULL, 1), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_get_hours_per_month(NULL, &d), DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_set_read_consistency(NULL, DDBGT_READ_CONSISTENCY_STRONG),
	                 DDBGT_EINVAL);
	ck_assert_int_eq(ddbgt_usage_read_consistency(NULL), DDBGT_READ_CONSISTENCY_UNSET);
	ck_assert_int_eq(ddbgt_usage_is_empty(NULL), 0);
}
END_TEST

/*
 * Allocation failure: the failing allocator of tests/testutil.h fails the
 * n-th request. Each call is retried with n = 0, 1, 2, ... until it
 * succeeds; every failure must be DDBGT_ENOMEM, leave the object as it was
 * and leak nothing.
 */
/* Build a whole model through the API, stopping at the first error. */
static int build_model(ddbgt_table **out)
{
	ddbgt_table *t = NULL;
	ddbgt_replica *r = NULL;
	ddbgt_gsi *g = NULL;
	ddbgt_lsi *l = NULL;
	int rc;

	*out = NULL;
	if ((rc = ddbgt_table_new(&t, "orders")) != 0)
		return rc;
	if ((rc = ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S)) != 0 ||
	    (rc = ddbgt_table_set_sort_key(t, "sk", DDBGT_ATTR_N)) != 0 ||
	    (rc = ddbgt_table_add_attribute(t, "status", DDBGT_ATTR_S)) != 0 ||
	    (rc = ddbgt_table_set_ttl_attribute(t, "exp")) != 0 ||
	    (rc = ddbgt_table_set_witness_region(t, "us-west-2")) != 0 ||
	    (rc = ddbgt_table_set_tag(t, "env", "prod")) != 0 ||
	    (rc = ddbgt_table_set_tag(t, "app", "shop")) != 0 ||
	    (rc = ddbgt_policy_add_allowed_region(ddbgt_table_policy_mut(t), "eu-west-1")) != 0 ||
	    (rc = ddbgt_policy_add_jurisdiction(ddbgt_table_policy_mut(t), "EU")) != 0 ||
	    (rc = ddbgt_policy_set_severity(ddbgt_table_policy_mut(t), "DDBGT_W_REGION_OPT_IN",
	                                    DDBGT_SEVERITY_OFF)) != 0 ||
	    (rc = ddbgt_policy_set_quota(ddbgt_table_policy_mut(t), "gsi_max", 25)) != 0 ||
	    (rc = ddbgt_usage_set_rate(ddbgt_table_usage_mut(t), DDBGT_READ, "eu-west-1", 5)) != 0)
		goto fail;
	if ((rc = ddbgt_replica_new(&r, "eu-west-1")) != 0)
		goto fail;
	if ((rc = ddbgt_replica_set_kms_key(r, "key")) != 0 ||
	    (rc = ddbgt_replica_set_tag(r, "zone", "a")) != 0 ||
	    (rc = ddbgt_replica_set_gsi_read_capacity(r, "byStatus", 3)) != 0 ||
	    (rc = ddbgt_table_add_replica(t, r)) != 0) {
		ddbgt_replica_free(r);
		goto fail;
	}
	if ((rc = ddbgt_gsi_new(&g, "byStatus")) != 0)
		goto fail;
	if ((rc = ddbgt_gsi_set_partition_key(g, "status")) != 0 ||
	    (rc = ddbgt_gsi_set_sort_key(g, "sk")) != 0 ||
	    (rc = ddbgt_gsi_add_non_key_attribute(g, "total")) != 0 ||
	    (rc = ddbgt_table_add_gsi(t, g)) != 0) {
		ddbgt_gsi_free(g);
		goto fail;
	}
	if ((rc = ddbgt_lsi_new(&l, "byTime")) != 0)
		goto fail;
	if ((rc = ddbgt_lsi_set_sort_key(l, "ts")) != 0 ||
	    (rc = ddbgt_lsi_add_non_key_attribute(l, "n")) != 0 ||
	    (rc = ddbgt_table_add_lsi(t, l)) != 0) {
		ddbgt_lsi_free(l);
		goto fail;
	}
	*out = t;
	return 0;
fail:
	ddbgt_table_free(t);
	return rc;
}

START_TEST(allocation_failures_build_and_copy)
{
	ddbgt_table *t = NULL, *c = NULL;
	ddbgt_test_sweep s;
	int rc = 0;

	ddbgt_test_alloc_install();
	for (ddbgt_test_sweep_start(&s, "build", 0); ddbgt_test_sweep_next(&s, rc);) {
		rc = build_model(&t);
		if (rc)
			ck_assert_ptr_null(t);
	}
	ck_assert_int_eq(s.rc, 0);
	ck_assert_int_gt(s.n, 10);

	for (ddbgt_test_sweep_start(&s, "table copy", 0); ddbgt_test_sweep_next(&s, rc);) {
		rc = ddbgt_table_copy(&c, t);
		if (rc)
			ck_assert_ptr_null(c);
	}
	ck_assert_int_eq(s.rc, 0);
	ck_assert_int_gt(s.n, 10);
	ck_assert_str_eq(ddbgt_replica_tag(ddbgt_table_replica_at(c, 0), "zone"), "a");
	ck_assert_str_eq(ddbgt_gsi_non_key_attribute_at(ddbgt_table_gsi_at(c, 0), 0), "total");
	ck_assert_str_eq(ddbgt_policy_severity_code(ddbgt_table_policy(c), 0),
	                 "DDBGT_W_REGION_OPT_IN");
	ddbgt_table_free(c);
	c = NULL;

	/* Copies of each object and set_policy / set_usage. */
	for (ddbgt_test_sweep_start(&s, "replica copy", 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_replica *r = NULL;
		rc = ddbgt_replica_copy(&r, ddbgt_table_replica_at(t, 0));
		if (rc)
			ck_assert_ptr_null(r);
		ddbgt_replica_free(r);
	}
	ck_assert_int_eq(s.rc, 0);
	for (ddbgt_test_sweep_start(&s, "gsi copy", 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_gsi *g = NULL;
		rc = ddbgt_gsi_copy(&g, ddbgt_table_gsi_at(t, 0));
		if (rc)
			ck_assert_ptr_null(g);
		ddbgt_gsi_free(g);
	}
	ck_assert_int_eq(s.rc, 0);
	for (ddbgt_test_sweep_start(&s, "lsi copy", 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_lsi *l = NULL;
		rc = ddbgt_lsi_copy(&l, ddbgt_table_lsi_at(t, 0));
		if (rc)
			ck_assert_ptr_null(l);
		ddbgt_lsi_free(l);
	}
	ck_assert_int_eq(s.rc, 0);
	for (ddbgt_test_sweep_start(&s, "set policy", 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_policy *before = ddbgt_table_policy_mut(t);
		rc = ddbgt_table_set_policy(t, before);
		if (rc)
			ck_assert_ptr_eq(ddbgt_table_policy(t), before);
	}
	ck_assert_int_eq(s.rc, 0);
	ck_assert_str_eq(ddbgt_policy_jurisdiction_at(ddbgt_table_policy(t), 0), "EU");
	for (ddbgt_test_sweep_start(&s, "set usage", 0); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_usage *before = ddbgt_table_usage_mut(t);
		rc = ddbgt_table_set_usage(t, before);
		if (rc)
			ck_assert_ptr_eq(ddbgt_table_usage(t), before);
	}
	ck_assert_int_eq(s.rc, 0);
	ck_assert_uint_eq(ddbgt_usage_rate_count(ddbgt_table_usage(t), DDBGT_READ), 1);
	ddbgt_test_alloc_uninstall();
	ddbgt_table_free(t);
}
END_TEST

START_TEST(allocation_failures_leave_setters_unchanged)
{
	ddbgt_table *t = new_table("orders");
	ddbgt_replica *r = NULL;
	int64_t n = 0;

	ck_assert_int_eq(ddbgt_table_set_tag(t, "env", "prod"), DDBGT_OK);
	/* Four tags fill the first entries array: a new tag then needs a second allocation. */
	ck_assert_int_eq(ddbgt_table_set_tag(t, "team", "a"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "unit", "b"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "zone", "c"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "pk", DDBGT_ATTR_S), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_new(&r, "eu-west-1"), DDBGT_OK);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "a", 1), DDBGT_OK);

	ddbgt_test_alloc_install();
	ddbgt_test_alloc_fail(0, 1);
	ck_assert_int_eq(ddbgt_table_set_name(t, "renamed"), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "env", "dev"), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "new", "x"), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_table_set_partition_key(t, "id", DDBGT_ATTR_N), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_table_add_attribute(t, "a", DDBGT_ATTR_S), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_table_add_replica(t, r), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_replica_set_gsi_read_capacity(r, "b", 2), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_replica_set_region(r, "us-east-1"), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_policy_set_quota(ddbgt_table_policy_mut(t), "gsi_max", 1), DDBGT_ENOMEM);
	ck_assert_int_eq(ddbgt_usage_set_rate(ddbgt_table_usage_mut(t), DDBGT_READ, "r", 1),
	                 DDBGT_ENOMEM);
	/* The second allocation of a new tag (the entries' growth, after the key and value). */
	ddbgt_test_alloc_fail(1, 1);
	ck_assert_int_eq(ddbgt_table_set_tag(t, "new", "x"), DDBGT_ENOMEM);
	ddbgt_test_alloc_uninstall();

	ck_assert_str_eq(ddbgt_table_name(t), "orders");
	ck_assert_uint_eq(ddbgt_table_tag_count(t), 4);
	ck_assert_ptr_null(ddbgt_table_tag(t, "new"));
	ck_assert_str_eq(ddbgt_table_tag(t, "env"), "prod");
	ck_assert_str_eq(ddbgt_table_partition_key_name(t), "pk");
	ck_assert_int_eq(ddbgt_table_partition_key_type(t), DDBGT_ATTR_S);
	ck_assert_uint_eq(ddbgt_table_attribute_count(t), 0);
	ck_assert_uint_eq(ddbgt_table_replica_count(t), 0);
	ck_assert_ptr_null(ddbgt_replica_table(r));
	ck_assert_uint_eq(ddbgt_replica_gsi_override_count(r), 1);
	ck_assert_str_eq(ddbgt_replica_region(r), "eu-west-1");
	ck_assert_int_eq(ddbgt_policy_get_quota(ddbgt_table_policy(t), "gsi_max", &n),
	                 DDBGT_ENOTFOUND);
	ck_assert_int_eq(ddbgt_usage_is_empty(ddbgt_table_usage(t)), 1);
	/* The caller keeps a replica the table could not take. */
	ddbgt_replica_free(r);
	ddbgt_table_free(t);
}
END_TEST

/* Whether an expression has type const T * (not T *): the compiler decides. */
#define IS_CONST_PTR(e, T) _Generic((e), const T *: 1, T *: 0, default: -1)

START_TEST(const_children_of_const_tables)
{
	ddbgt_table *t = NULL;
	ck_assert_int_eq(build_model(&t), DDBGT_OK);
	const ddbgt_table *ct = t;

	/* A const table gives const children, and a child its table as const. */
	_Static_assert(IS_CONST_PTR(ddbgt_table_replica_at(ct, 0), ddbgt_replica) == 1, "replica_at");
	_Static_assert(IS_CONST_PTR(ddbgt_table_find_replica(ct, ""), ddbgt_replica) == 1, "find");
	_Static_assert(IS_CONST_PTR(ddbgt_table_primary_replica(ct), ddbgt_replica) == 1, "primary");
	_Static_assert(IS_CONST_PTR(ddbgt_table_gsi_at(ct, 0), ddbgt_gsi) == 1, "gsi_at");
	_Static_assert(IS_CONST_PTR(ddbgt_table_find_gsi(ct, ""), ddbgt_gsi) == 1, "find_gsi");
	_Static_assert(IS_CONST_PTR(ddbgt_table_lsi_at(ct, 0), ddbgt_lsi) == 1, "lsi_at");
	_Static_assert(IS_CONST_PTR(ddbgt_table_find_lsi(ct, ""), ddbgt_lsi) == 1, "find_lsi");
	_Static_assert(IS_CONST_PTR(ddbgt_table_policy(ct), ddbgt_policy) == 1, "policy");
	_Static_assert(IS_CONST_PTR(ddbgt_table_usage(ct), ddbgt_usage) == 1, "usage");
	_Static_assert(IS_CONST_PTR(ddbgt_replica_table(NULL), ddbgt_table) == 1, "replica_table");
	_Static_assert(IS_CONST_PTR(ddbgt_gsi_table(NULL), ddbgt_table) == 1, "gsi_table");
	_Static_assert(IS_CONST_PTR(ddbgt_lsi_table(NULL), ddbgt_table) == 1, "lsi_table");
	/* The _mut forms take and give handles the caller may change. */
	_Static_assert(IS_CONST_PTR(ddbgt_table_replica_at_mut(t, 0), ddbgt_replica) == 0, "mut");
	_Static_assert(IS_CONST_PTR(ddbgt_table_policy_mut(t), ddbgt_policy) == 0, "policy_mut");

	/* Both forms find the same children, and the same NULLs. */
	ck_assert_ptr_eq(ddbgt_table_replica_at_mut(t, 0), ddbgt_table_replica_at(ct, 0));
	ck_assert_ptr_null(ddbgt_table_replica_at_mut(t, 1));
	ck_assert_ptr_eq(ddbgt_table_find_replica_mut(t, "eu-west-1"),
	                 ddbgt_table_find_replica(ct, "eu-west-1"));
	ck_assert_ptr_nonnull(ddbgt_table_find_replica_mut(t, "eu-west-1"));
	ck_assert_ptr_null(ddbgt_table_find_replica_mut(t, "us-east-1"));
	ck_assert_ptr_eq(ddbgt_table_primary_replica_mut(t), ddbgt_table_primary_replica(ct));
	ck_assert_ptr_eq(ddbgt_table_gsi_at_mut(t, 0), ddbgt_table_gsi_at(ct, 0));
	ck_assert_ptr_eq(ddbgt_table_find_gsi_mut(t, "byStatus"), ddbgt_table_gsi_at(ct, 0));
	ck_assert_ptr_null(ddbgt_table_find_gsi_mut(t, "none"));
	ck_assert_ptr_eq(ddbgt_table_lsi_at_mut(t, 0), ddbgt_table_lsi_at(ct, 0));
	ck_assert_ptr_eq(ddbgt_table_find_lsi_mut(t, "byTime"), ddbgt_table_lsi_at(ct, 0));
	ck_assert_ptr_eq(ddbgt_table_policy_mut(t), ddbgt_table_policy(ct));
	ck_assert_ptr_eq(ddbgt_table_usage_mut(t), ddbgt_table_usage(ct));
	ck_assert_ptr_eq(ddbgt_replica_table(ddbgt_table_replica_at(ct, 0)), ct);
	ck_assert_ptr_null(ddbgt_table_policy_mut(NULL));
	ck_assert_ptr_null(ddbgt_table_gsi_at_mut(NULL, 0));

	/* What the _mut form gives can be changed, and the table sees it. */
	ck_assert_int_eq(ddbgt_policy_set_min_regions(ddbgt_table_policy_mut(t), 2), DDBGT_OK);
	int64_t n = 0;
	ck_assert_int_eq(ddbgt_policy_get_min_regions(ddbgt_table_policy(ct), &n), DDBGT_OK);
	ck_assert_int_eq(n, 2);
	ddbgt_table_free(t);
}
END_TEST

Suite *ddbgt_test_model(void)
{
	Suite *s = suite_create("model");
	TCase *tc;

	tc = tcase_create("table");
	tcase_add_test(tc, table_defaults);
	tcase_add_test(tc, const_children_of_const_tables);
	tcase_add_test(tc, table_settings);
	tcase_add_test(tc, table_keys_and_attributes);
	tcase_add_test(tc, table_capacity);
	tcase_add_test(tc, table_stream_default_follows_replicas);
	tcase_add_test(tc, table_enums_out_of_range);
	tcase_add_test(tc, table_tags_sorted_and_replaced);
	tcase_add_test(tc, raw_fields_record_what_was_given);
	suite_add_tcase(s, tc);

	tc = tcase_create("ownership");
	tcase_add_test(tc, replica_ownership);
	tcase_add_test(tc, index_ownership);
	tcase_add_test(tc, policy_and_usage_owned_by_table);
	suite_add_tcase(s, tc);

	tc = tcase_create("replica");
	tcase_add_test(tc, primary_rule);
	tcase_add_test(tc, replica_inherits_from_table);
	tcase_add_test(tc, replica_without_table);
	tcase_add_test(tc, replica_settings);
	tcase_add_test(tc, replica_read_capacity);
	suite_add_tcase(s, tc);

	tc = tcase_create("index");
	tcase_add_test(tc, gsi_settings);
	tcase_add_test(tc, lsi_settings);
	tcase_add_test(tc, index_key_forms);
	tcase_add_test(tc, autoscaling_tuning);
	suite_add_tcase(s, tc);

	tc = tcase_create("policy_usage");
	tcase_add_test(tc, policy_settings);
	tcase_add_test(tc, usage_settings);
	tcase_add_test(tc, usage_is_empty_per_field);
	suite_add_tcase(s, tc);

	tc = tcase_create("copy");
	tcase_add_test(tc, table_copy_is_deep);
	tcase_add_test(tc, object_copies_are_deep_and_free);
	tcase_add_test(tc, copies_free_their_names_under_any_allocator);
	suite_add_tcase(s, tc);

	tc = tcase_create("arguments");
	tcase_add_test(tc, null_handles);
	suite_add_tcase(s, tc);

	tc = tcase_create("nomem");
	tcase_add_test(tc, allocation_failures_build_and_copy);
	tcase_add_test(tc, allocation_failures_leave_setters_unchanged);
	suite_add_tcase(s, tc);
	return s;
}
