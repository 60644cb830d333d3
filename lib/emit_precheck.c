/*
 * The single place where the emitters decide that a table may not be
 * emitted. It is meant to run the validator (ddbgt_table_validate) and
 * refuse on any error; until the validator is in the library it checks only
 * what a Terraform document cannot be written without, reporting with the
 * validator's own codes and honouring the policy's severities as it will, so
 * that nothing changes for callers when it switches. (Whatever the policy
 * says, the emitter's own guard in emit.c still refuses what it cannot write.)
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "ddbgt/replica.h"
#include "emit_internal.h"

/* A finding with the severity the table's policy gives its code, as the validator does. */
static int finding(const ddbgt_table *t, ddbgt_diags *diags, ddbgt_code code, const char *path,
                   const char *region, const char *fmt, ...) DDBGT__PRINTF(6, 7);
static int finding(const ddbgt_table *t, ddbgt_diags *diags, ddbgt_code code, const char *path,
                   const char *region, const char *fmt, ...)
{
	ddbgt_severity sev = ddbgt_code_severity(code), override;
	if (ddbgt_policy_get_severity(ddbgt_table_policy(t), ddbgt_code_name(code), &override) ==
	    DDBGT_OK)
		sev = override;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return ddbgt__diag_add_sevf(diags, code, sev, path, region, "%s", msg);
}

int ddbgt__emit_precheck(const ddbgt_table *t, ddbgt_diags *diags)
{
	size_t before = ddbgt_diags_error_count(diags);
	int rc = 0;
	const char *name = ddbgt_table_name(t);
	if (!name || !name[0])
		rc |= finding(t, diags, DDBGT_E_TABLE_NAME_INVALID, "/table/name", NULL,
		              "the table has no name");
	if (!ddbgt_table_partition_key_name(t))
		rc |= finding(t, diags, DDBGT_E_KEY_SCHEMA_SHAPE, "/table/partition_key", NULL,
		              "the table has no partition key");
	size_t n = ddbgt_table_replica_count(t);
	for (size_t i = 0; i < n; i++) {
		const char *region = ddbgt_replica_region(ddbgt_table_replica_at(t, i));
		char path[96];
		snprintf(path, sizeof path, "/replicas/%zu/region", i);
		if (!ddbgt__emit_region_shaped(region))
			rc |= finding(t, diags, DDBGT_E_REGION_UNKNOWN, path, region,
			              "\"%s\" is not a region code", region);
		for (size_t j = 0; j < i; j++)
			if (strcmp(region, ddbgt_replica_region(ddbgt_table_replica_at(t, j))) == 0)
				rc |= finding(t, diags, DDBGT_E_REGION_DUPLICATE, path, region,
				              "region %s appears twice (replicas %zu and %zu)",
				              region, j, i);
	}
	for (size_t i = 0; i < ddbgt_table_gsi_count(t); i++)
		if (!ddbgt_gsi_partition_key(ddbgt_table_gsi_at(t, i))) {
			char path[96];
			snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu/partition_key", i);
			rc |= finding(t, diags, DDBGT_E_KEY_SCHEMA_SHAPE, path, NULL,
			              "the index has no partition key");
		}
	for (size_t i = 0; i < ddbgt_table_lsi_count(t); i++)
		if (!ddbgt_lsi_sort_key(ddbgt_table_lsi_at(t, i))) {
			char path[96];
			snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu/sort_key", i);
			rc |= finding(t, diags, DDBGT_E_LSI_NO_RANGE, path, NULL,
			              "the index has no sort key");
		}
	if (rc)
		return DDBGT_ENOMEM;
	return ddbgt_diags_error_count(diags) > before ? DDBGT_EINVALID : DDBGT_OK;
}
