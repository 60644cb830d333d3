/*
 * The single place where the emitters decide that a table may not be
 * emitted. It is meant to run the validator (ddbgt_table_validate) and
 * refuse on any error; until the validator is in the library it checks only
 * what a Terraform document cannot be written without, reporting with the
 * validator's own codes so that nothing changes for callers when it switches.
 */
#include <string.h>

#include "ddbgt/index.h"
#include "ddbgt/replica.h"
#include "emit_internal.h"

/* ^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$: the shape the emitters turn into provider aliases. */
static int region_shaped(const char *r)
{
	size_t parts = 0, len = 0;
	int letters = 1, digits = 1;
	for (const char *p = r;; p++) {
		if (*p == '-' || *p == '\0') {
			/* The first part is two letters, the middle ones letters, the last 1-2 digits. */
			if (len == 0 || (parts == 0 && (len != 2 || !letters)))
				return 0;
			if (*p == '\0')
				return parts >= 2 && digits && len <= 2;
			if (parts > 0 && !letters)
				return 0;
			parts++;
			len = 0;
			letters = digits = 1;
			continue;
		}
		letters &= *p >= 'a' && *p <= 'z';
		digits &= *p >= '0' && *p <= '9';
		len++;
	}
}

int ddbgt__emit_precheck(const ddbgt_table *t, ddbgt_diags *diags)
{
	size_t before = ddbgt_diags_error_count(diags);
	int rc = 0;
	const char *name = ddbgt_table_name(t);
	if (!name || !name[0])
		rc |= ddbgt__diag_addf(diags, DDBGT_E_TABLE_NAME_INVALID, "/table/name", NULL,
		                       "the table has no name");
	if (!ddbgt_table_partition_key_name(t))
		rc |= ddbgt__diag_addf(diags, DDBGT_E_KEY_SCHEMA_SHAPE, "/table/partition_key", NULL,
		                       "the table has no partition key");
	size_t n = ddbgt_table_replica_count(t);
	for (size_t i = 0; i < n; i++) {
		const char *region = ddbgt_replica_region(ddbgt_table_replica_at(t, i));
		char path[96];
		snprintf(path, sizeof path, "/replicas/%zu/region", i);
		if (!region_shaped(region))
			rc |= ddbgt__diag_addf(diags, DDBGT_E_REGION_UNKNOWN, path, region,
			                       "\"%s\" is not a region code", region);
		for (size_t j = 0; j < i; j++)
			if (strcmp(region, ddbgt_replica_region(ddbgt_table_replica_at(t, j))) == 0)
				rc |= ddbgt__diag_addf(diags, DDBGT_E_REGION_DUPLICATE, path, region,
				                       "region %s appears twice (replicas %zu and %zu)",
				                       region, j, i);
	}
	for (size_t i = 0; i < ddbgt_table_gsi_count(t); i++)
		if (!ddbgt_gsi_partition_key(ddbgt_table_gsi_at(t, i))) {
			char path[96];
			snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu/partition_key", i);
			rc |= ddbgt__diag_addf(diags, DDBGT_E_KEY_SCHEMA_SHAPE, path, NULL,
			                       "the index has no partition key");
		}
	for (size_t i = 0; i < ddbgt_table_lsi_count(t); i++)
		if (!ddbgt_lsi_sort_key(ddbgt_table_lsi_at(t, i))) {
			char path[96];
			snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu/sort_key", i);
			rc |= ddbgt__diag_addf(diags, DDBGT_E_LSI_NO_RANGE, path, NULL,
			                       "the index has no sort key");
		}
	if (rc)
		return DDBGT_ENOMEM;
	return ddbgt_diags_error_count(diags) > before ? DDBGT_EINVALID : DDBGT_OK;
}
