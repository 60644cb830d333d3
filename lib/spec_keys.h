/*
 * Internal: the keys of spec format 1, object by object, in canonical order.
 * The loader reports any other key; the dumper writes keys in this order.
 */
#ifndef DDBGT_LIB_SPEC_KEYS_H
#define DDBGT_LIB_SPEC_KEYS_H

#include <stddef.h>

#define DDBGT__KEYS(...) ((const char *const[]){__VA_ARGS__, NULL})

#define SPEC_KEYS_ROOT DDBGT__KEYS("format", "table", "replicas", "policy", "usage")
#define SPEC_KEYS_TABLE                                                                      \
	DDBGT__KEYS("name", "billing_mode", "partition_key", "sort_key", "attributes",       \
	            "capacity", "on_demand", "global_secondary_indexes",                     \
	            "local_secondary_indexes", "stream", "encryption", "ttl_attribute",      \
	            "table_class", "point_in_time_recovery", "deletion_protection",          \
	            "consistency", "witness_region", "tags", "legacy_version",               \
	            "adopt_existing")
#define SPEC_KEYS_KEY DDBGT__KEYS("name", "type")
#define SPEC_KEYS_CAPACITY DDBGT__KEYS("read", "write", "read_autoscaling", "write_autoscaling")
#define SPEC_KEYS_AUTOSCALING DDBGT__KEYS("min", "max", "target_utilization")
#define SPEC_KEYS_ON_DEMAND DDBGT__KEYS("max_read", "max_write")
#define SPEC_KEYS_GSI                                                                        \
	DDBGT__KEYS("name", "partition_key", "sort_key", "projection", "non_key_attributes", \
	            "capacity", "on_demand")
#define SPEC_KEYS_LSI DDBGT__KEYS("name", "sort_key", "projection", "non_key_attributes")
#define SPEC_KEYS_STREAM DDBGT__KEYS("enabled", "view_type")
#define SPEC_KEYS_PITR DDBGT__KEYS("enabled", "recovery_period_days")
#define SPEC_KEYS_REPLICA                                                                    \
	DDBGT__KEYS("region", "role", "table_class", "kms_key", "point_in_time_recovery",     \
	            "deletion_protection", "read_capacity", "global_secondary_indexes",       \
	            "contributor_insights", "tags")
#define SPEC_KEYS_READ_CAPACITY DDBGT__KEYS("units", "autoscaling")
#define SPEC_KEYS_REPLICA_GSI DDBGT__KEYS("read_capacity")
#define SPEC_KEYS_POLICY                                                                     \
	DDBGT__KEYS("min_regions", "max_regions", "allowed_regions", "jurisdictions",         \
	            "require_point_in_time_recovery", "require_customer_managed_keys",        \
	            "require_deletion_protection", "severity", "quotas")
#define SPEC_KEYS_USAGE                                                                      \
	DDBGT__KEYS("writes_per_second", "reads_per_second", "item_size_bytes",               \
	            "read_consistency", "storage_gb", "stream_reads_per_month",               \
	            "hours_per_month")

#define SPEC_FORMAT_1 "ddbgt/1"

#endif
