/* The policy: organisation guardrails that the validator checks. */
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "ddbgt/diag.h"
#include "ddbgt/policy.h"
#include "utf8.h"

/*
 * Quotas an account may have raised, in byte order. Defaults (20 GSIs,
 * 40000 units per table or GSI, 80000 over a table and its GSIs) are in
 * reference/dynamodb-rules.md, from the DynamoDB service quotas page.
 */
static const char *const quota_names[] = {
	"account_capacity_max",
	"gsi_max",
	"table_capacity_max",
};

#define QUOTA_COUNT (sizeof(quota_names) / sizeof(quota_names[0]))

int ddbgt_policy_new(ddbgt_policy **out)
{
	ddbgt_policy *p;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	p = ddbgt__calloc(1, sizeof(*p));
	if (p == NULL)
		return DDBGT_ENOMEM;
	p->require_pitr = DDBGT__NOT_SET;
	p->require_cmk = DDBGT__NOT_SET;
	p->require_deletion_protection = DDBGT__NOT_SET;
	*out = p;
	return 0;
}

void ddbgt__policy_destroy(ddbgt_policy *p)
{
	if (p == NULL)
		return;
	ddbgt__strlist_clear(&p->allowed_regions);
	ddbgt__strlist_clear(&p->jurisdictions);
	ddbgt__map_clear(&p->severity);
	ddbgt__map_clear(&p->quotas);
	ddbgt__free(p);
}

void ddbgt_policy_free(ddbgt_policy *p)
{
	if (p != NULL && p->table == NULL)
		ddbgt__policy_destroy(p);
}

int ddbgt_policy_copy(ddbgt_policy **out, const ddbgt_policy *src)
{
	ddbgt_policy *p;
	int rc;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (src == NULL)
		return DDBGT_EINVAL;
	rc = ddbgt_policy_new(&p);
	if (rc != 0)
		return rc;
	p->min_regions = src->min_regions;
	p->max_regions = src->max_regions;
	p->require_pitr = src->require_pitr;
	p->require_cmk = src->require_cmk;
	p->require_deletion_protection = src->require_deletion_protection;
	rc = ddbgt__strlist_copy(&p->allowed_regions, &src->allowed_regions);
	rc = rc ? rc : ddbgt__strlist_copy(&p->jurisdictions, &src->jurisdictions);
	rc = rc ? rc : ddbgt__map_copy(&p->severity, &src->severity);
	rc = rc ? rc : ddbgt__map_copy(&p->quotas, &src->quotas);
	if (rc != 0) {
		ddbgt__policy_destroy(p);
		return rc;
	}
	*out = p;
	return 0;
}

/* Optional integers and flags: slot is NULL for a NULL policy. */
static int set_opt(ddbgt__opt_int *slot, int64_t n)
{
	if (slot == NULL)
		return DDBGT_EINVAL;
	slot->set = 1;
	slot->value = n;
	return 0;
}

static int get_opt(const ddbgt__opt_int *slot, int64_t *n)
{
	static const ddbgt__opt_int none;

	if (slot == NULL) {
		ddbgt__opt_int_get(&none, n);
		return DDBGT_EINVAL;
	}
	return ddbgt__opt_int_get(slot, n);
}

static int clear_opt(ddbgt__opt_int *slot)
{
	if (slot == NULL)
		return DDBGT_EINVAL;
	slot->set = 0;
	slot->value = 0;
	return 0;
}

int ddbgt_policy_set_min_regions(ddbgt_policy *p, int64_t n)
{
	return set_opt(p != NULL ? &p->min_regions : NULL, n);
}

int ddbgt_policy_get_min_regions(const ddbgt_policy *p, int64_t *n)
{
	return get_opt(p != NULL ? &p->min_regions : NULL, n);
}

int ddbgt_policy_clear_min_regions(ddbgt_policy *p)
{
	return clear_opt(p != NULL ? &p->min_regions : NULL);
}

int ddbgt_policy_set_max_regions(ddbgt_policy *p, int64_t n)
{
	return set_opt(p != NULL ? &p->max_regions : NULL, n);
}

int ddbgt_policy_get_max_regions(const ddbgt_policy *p, int64_t *n)
{
	return get_opt(p != NULL ? &p->max_regions : NULL, n);
}

int ddbgt_policy_clear_max_regions(ddbgt_policy *p)
{
	return clear_opt(p != NULL ? &p->max_regions : NULL);
}

int ddbgt_policy_add_allowed_region(ddbgt_policy *p, const char *region)
{
	if (p == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(region))
		return DDBGT_EINVAL;
	return ddbgt__strlist_push(&p->allowed_regions, region);
}

int ddbgt_policy_clear_allowed_regions(ddbgt_policy *p)
{
	if (p == NULL)
		return DDBGT_EINVAL;
	ddbgt__strlist_clear(&p->allowed_regions);
	return 0;
}

size_t ddbgt_policy_allowed_region_count(const ddbgt_policy *p)
{
	return p != NULL ? p->allowed_regions.count : 0;
}

const char *ddbgt_policy_allowed_region_at(const ddbgt_policy *p, size_t i)
{
	return p != NULL ? ddbgt__strlist_at(&p->allowed_regions, i) : NULL;
}

int ddbgt_policy_add_jurisdiction(ddbgt_policy *p, const char *jurisdiction)
{
	if (p == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(jurisdiction))
		return DDBGT_EINVAL;
	return ddbgt__strlist_push(&p->jurisdictions, jurisdiction);
}

int ddbgt_policy_clear_jurisdictions(ddbgt_policy *p)
{
	if (p == NULL)
		return DDBGT_EINVAL;
	ddbgt__strlist_clear(&p->jurisdictions);
	return 0;
}

size_t ddbgt_policy_jurisdiction_count(const ddbgt_policy *p)
{
	return p != NULL ? p->jurisdictions.count : 0;
}

const char *ddbgt_policy_jurisdiction_at(const ddbgt_policy *p, size_t i)
{
	return p != NULL ? ddbgt__strlist_at(&p->jurisdictions, i) : NULL;
}

static int set_flag(int *slot, int value)
{
	int v = ddbgt__bool_arg(value);

	if (slot == NULL || v < 0)
		return DDBGT_EINVAL;
	*slot = v;
	return 0;
}

int ddbgt_policy_set_require_pitr(ddbgt_policy *p, int required)
{
	return set_flag(p != NULL ? &p->require_pitr : NULL, required);
}

int ddbgt_policy_require_pitr(const ddbgt_policy *p)
{
	return p != NULL && p->require_pitr == 1;
}

int ddbgt_policy_set_require_customer_managed_keys(ddbgt_policy *p, int required)
{
	return set_flag(p != NULL ? &p->require_cmk : NULL, required);
}

int ddbgt_policy_require_customer_managed_keys(const ddbgt_policy *p)
{
	return p != NULL && p->require_cmk == 1;
}

int ddbgt_policy_set_require_deletion_protection(ddbgt_policy *p, int required)
{
	return set_flag(p != NULL ? &p->require_deletion_protection : NULL, required);
}

int ddbgt_policy_require_deletion_protection(const ddbgt_policy *p)
{
	return p != NULL && p->require_deletion_protection == 1;
}

/* Severity overrides. */

int ddbgt_policy_set_severity(ddbgt_policy *p, const char *code, ddbgt_severity severity)
{
	ddbgt__map_entry *e;
	int rc;

	if (p == NULL || code == NULL || !DDBGT__ENUM_OK(severity, DDBGT_SEVERITY_ERROR))
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(code))
		return DDBGT_EINVAL;
	if (ddbgt_code_from_name(code) == DDBGT_CODE_NONE)
		return DDBGT_ENOTFOUND;
	rc = ddbgt__map_put(&p->severity, code, &e);
	if (rc == 0)
		e->integer = severity;
	return rc;
}

int ddbgt_policy_get_severity(const ddbgt_policy *p, const char *code, ddbgt_severity *severity)
{
	const ddbgt__map_entry *e;

	if (severity != NULL)
		*severity = DDBGT_SEVERITY_OFF;
	if (p == NULL || code == NULL)
		return DDBGT_EINVAL;
	e = ddbgt__map_get(&p->severity, code);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	if (severity != NULL)
		*severity = (ddbgt_severity)e->integer;
	return 0;
}

int ddbgt_policy_remove_severity(ddbgt_policy *p, const char *code)
{
	if (p == NULL || code == NULL)
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&p->severity, code);
}

size_t ddbgt_policy_severity_count(const ddbgt_policy *p)
{
	return p != NULL ? p->severity.count : 0;
}

const char *ddbgt_policy_severity_code(const ddbgt_policy *p, size_t i)
{
	const ddbgt__map_entry *e = p != NULL ? ddbgt__map_at(&p->severity, i) : NULL;

	return e != NULL ? e->key : NULL;
}

ddbgt_severity ddbgt_policy_severity_level(const ddbgt_policy *p, size_t i)
{
	const ddbgt__map_entry *e = p != NULL ? ddbgt__map_at(&p->severity, i) : NULL;

	return e != NULL ? (ddbgt_severity)e->integer : DDBGT_SEVERITY_OFF;
}

/* Quotas. */

const char *ddbgt_policy_quota_name_at(size_t i)
{
	return i < QUOTA_COUNT ? quota_names[i] : NULL;
}

static int quota_known(const char *name)
{
	for (size_t i = 0; i < QUOTA_COUNT; i++)
		if (strcmp(quota_names[i], name) == 0)
			return 1;
	return 0;
}

int ddbgt_policy_set_quota(ddbgt_policy *p, const char *name, int64_t value)
{
	ddbgt__map_entry *e;
	int rc;

	if (p == NULL || name == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	if (!quota_known(name))
		return DDBGT_ENOTFOUND;
	rc = ddbgt__map_put(&p->quotas, name, &e);
	if (rc == 0)
		e->integer = value;
	return rc;
}

int ddbgt_policy_get_quota(const ddbgt_policy *p, const char *name, int64_t *value)
{
	const ddbgt__map_entry *e;

	if (value != NULL)
		*value = 0;
	if (p == NULL || name == NULL)
		return DDBGT_EINVAL;
	e = ddbgt__map_get(&p->quotas, name);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	if (value != NULL)
		*value = e->integer;
	return 0;
}

int ddbgt_policy_clear_quota(ddbgt_policy *p, const char *name)
{
	if (p == NULL || name == NULL)
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&p->quotas, name);
}
