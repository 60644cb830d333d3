/*
 * What the Terraform and CloudFormation importers share in reading back the
 * operations object (doc/operations.md): the alarm settings one alarm of
 * libddbgt's shows, the alarm kinds a table turned off, and the regions and
 * indexes an application policy is limited to. Both targets write the same
 * alarms and policy texts (lib/ops_alarms.c, lib/emit_operations.c), so one
 * reading serves both; each importer finds the values in its own document.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "iam_policy.h"
#include "import_internal.h"
#include "ddbgt/replica.h"

/* A setting is kept only where it differs from its default, as the loader would keep the spec. */
static int setting_if_not(ddbgt_operations *ops, ddbgt_alarm_setting which, int64_t value)
{
	if (value == ddbgt_operations_alarm_setting_effective(ops, which) &&
	    ddbgt_operations_get_alarm_setting(ops, which, NULL) != DDBGT_OK)
		return DDBGT_OK;
	return ddbgt_operations_set_alarm_setting(ops, which, value) == DDBGT_ENOMEM ? DDBGT_ENOMEM
	                                                                              : DDBGT_OK;
}

int ddbgt__iops_alarm_read(ddbgt_operations *ops, ddbgt__iops_seen *seen,
                           const ddbgt__iops_alarm *a)
{
	const char *metric = a->metric ? a->metric : "";
	const char *expression = a->expression ? a->expression : "";
	int latency = strcmp(metric, "ReplicationLatency") == 0;
	int throttles =
	        strcmp(metric, "ReadThrottleEvents") == 0 || strcmp(metric, "WriteThrottleEvents") == 0;
	int errors = !a->metric && strcmp(expression, "SUM(METRICS())") == 0;
	int utilization = !a->metric && strncmp(expression, "100 * consumed", 14) == 0;
	/* Settings are whole numbers, as libddbgt writes them: casting another is wrong or UB. */
	int whole = a->has_threshold && fabs(a->threshold) < 9e15 &&
	            a->threshold == floor(a->threshold);
	int rc = DDBGT_OK;
	if (!(latency || throttles || errors || utilization))
		return 1;
	if (ddbgt_operations_set_alarms(ops, 1) == DDBGT_ENOMEM)
		return DDBGT_ENOMEM;
	if (a->has_periods)
		rc |= setting_if_not(ops, DDBGT_ALARM_EVALUATION_PERIODS, a->periods);
	if (a->has_period)
		rc |= setting_if_not(ops, DDBGT_ALARM_PERIOD_SECONDS, a->period);
	if (latency && whole)
		rc |= setting_if_not(ops, DDBGT_ALARM_REPLICATION_LATENCY_MS, (int64_t)a->threshold);
	else if (utilization && whole)
		rc |= setting_if_not(ops, DDBGT_ALARM_UTILIZATION_PERCENT, (int64_t)a->threshold);
	seen->throttles |= throttles;
	seen->errors |= errors;
	if (rc)
		return DDBGT_ENOMEM;
	return (latency || utilization) && a->has_threshold && !whole ? 2 : DDBGT_OK;
}

int ddbgt__iops_alarm_kinds(ddbgt_operations *ops, const ddbgt__iops_seen *seen)
{
	if (!seen->throttles &&
	    ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_THROTTLES, 0) == DDBGT_ENOMEM)
		return DDBGT_ENOMEM;
	if (!seen->errors &&
	    ddbgt_operations_set_alarm_setting(ops, DDBGT_ALARM_SYSTEM_ERRORS, 0) == DDBGT_ENOMEM)
		return DDBGT_ENOMEM;
	return DDBGT_OK;
}

int ddbgt__iops_policy_doc(jr_doc **out, const char *text)
{
	size_t n = strlen(text), o = 0;
	char *plain = ddbgt__malloc(n + 1);
	jr_error err;
	*out = NULL;
	if (!plain)
		return DDBGT_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '$' && text[i + 1] == '{') {
			int depth = 0;
			for (; i < n; i++) {
				depth += text[i] == '{';
				if (text[i] == '}' && --depth == 0)
					break;
			}
			plain[o++] = '0';
			continue;
		}
		plain[o++] = text[i];
	}
	plain[o] = '\0';
	int rc = ddbgt__jr_parse(out, plain, o, DDBGT__IAM_POLICY_MAX_DEPTH + 1, &err);
	ddbgt__free(plain);
	if (rc) {
		*out = NULL;
		return rc == DDBGT_ENOMEM ? DDBGT_ENOMEM : DDBGT_OK;
	}
	return DDBGT_OK;
}

/* An ARN of a Resource list: a string, or CloudFormation's {"Fn::Sub": string}. */
static const char *arn_text(const jr_value *v)
{
	if (v && v->type == JR_OBJECT && v->u.obj.count == 1 &&
	    strcmp(v->u.obj.members[0].key, "Fn::Sub") == 0)
		v = v->u.obj.members[0].value;
	return v && v->type == JR_STRING ? v->u.str.s : "";
}

static int add_index(ddbgt_operations *ops, const char *index)
{
	for (size_t k = 0; k < ddbgt_operations_iam_index_count(ops); k++)
		if (strcmp(ddbgt_operations_iam_index_at(ops, k), index) == 0)
			return DDBGT_OK;
	return ddbgt_operations_add_iam_index(ops, index) == DDBGT_ENOMEM ? DDBGT_ENOMEM : DDBGT_OK;
}

/* The region region[0, len) named, once. */
static int add_region(ddbgt_operations *ops, const char *region, size_t len)
{
	for (size_t j = 0; j < ddbgt_operations_iam_region_count(ops); j++) {
		const char *known = ddbgt_operations_iam_region_at(ops, j);
		if (strlen(known) == len && strncmp(known, region, len) == 0)
			return DDBGT_OK;
	}
	char *copy = ddbgt__strndup(region, len);
	if (!copy)
		return DDBGT_ENOMEM;
	int rc = ddbgt_operations_add_iam_region(ops, copy);
	ddbgt__free(copy);
	return rc == DDBGT_ENOMEM ? DDBGT_ENOMEM : DDBGT_OK;
}

/* A region an ARN names, at s for len bytes. */
struct named {
	const char *s;
	size_t len;
};

int ddbgt__iops_policy_limits(ddbgt_operations *ops, const ddbgt_table *table,
                              ddbgt_iam_policy kind, const jr_value *doc)
{
	if (kind == DDBGT_IAM_DEPLOYER)
		return DDBGT_OK;
	const jr_value *st = ddbgt__ir_item(ddbgt__ir_member(doc, "Statement"), 0);
	const jr_value *res = ddbgt__ir_member(st, "Resource");
	/* Every region named, once: as many as there are, a table has no cap on replicas. */
	struct named *regions = NULL;
	size_t nregions = 0, cap = 0;
	int rc = DDBGT_OK;
	for (size_t i = 0; i < ddbgt__ir_count(res); i++) {
		const char *arn = arn_text(ddbgt__ir_item(res, i));
		const char *region = strstr(arn, ":dynamodb:");
		const char *index = strstr(arn, "/index/");
		if (!region)
			continue;
		region += 10;
		size_t len = strcspn(region, ":"), k = 0;
		while (k < nregions &&
		       !(regions[k].len == len && strncmp(regions[k].s, region, len) == 0))
			k++;
		if (k == nregions) {
			if (ddbgt__grow((void **)&regions, &cap, nregions + 1, sizeof *regions)) {
				ddbgt__free(regions);
				return DDBGT_ENOMEM;
			}
			regions[nregions++] = (struct named){region, len};
		}
		/* The wildcard is every index: only named ones limit the policy. */
		if (index && strcmp(index + 7, "*") != 0 && kind != DDBGT_IAM_STREAM_CONSUMER)
			rc |= add_index(ops, index + 7);
	}
	/*
	 * Every replica's region named is no limit; a region of no replica named
	 * instead of one is kept, for the validator to see, not read as every region.
	 */
	size_t nrep = ddbgt_table_replica_count(table), covered = 0;
	for (size_t r = 0; r < nrep; r++) {
		const char *code = ddbgt_replica_region(ddbgt_table_replica_at(table, r));
		size_t k = 0;
		while (k < nregions && !(regions[k].len == strlen(code) &&
		                         strncmp(regions[k].s, code, regions[k].len) == 0))
			k++;
		covered += k < nregions;
	}
	if (covered < nrep)
		for (size_t k = 0; k < nregions; k++)
			rc |= add_region(ops, regions[k].s, regions[k].len);
	ddbgt__free(regions);
	return rc ? DDBGT_ENOMEM : DDBGT_OK;
}

int ddbgt__iops_policy_kind(const char *name, size_t len, int camel, size_t *prefix)
{
	for (int k = DDBGT_IAM_DEPLOYER; k >= 0; k--) {
		const char *kind = ddbgt_iam_policy_name((ddbgt_iam_policy)k);
		char spelled[32];
		size_t n = 0;
		/* "read_write" is "ReadWrite" in a CloudFormation logical ID. */
		for (size_t j = 0; kind[j] && n + 1 < sizeof spelled; j++) {
			if (camel && kind[j] == '_')
				continue;
			int start = camel && (j == 0 || kind[j - 1] == '_');
			spelled[n++] = start ? (char)(kind[j] - 'a' + 'A') : kind[j];
		}
		/* Terraform's label is "<table>_<kind>", CloudFormation's ID "<Table><Kind>". */
		if (len >= n + !camel && memcmp(name + len - n, spelled, n) == 0 &&
		    (camel || name[len - n - 1] == '_')) {
			*prefix = len - n - !camel;
			return k;
		}
	}
	return -1;
}
