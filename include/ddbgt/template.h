/*
 * libddbgt: pre-built templates for common global table patterns.
 *
 * Each template is a builder that returns a new, complete table: keys,
 * replicas with their roles, settings, a policy where the pattern implies
 * one, and a usage profile so that a cost estimate of the result means
 * something. Every template validates with no error and no warning.
 *
 * A few parameters change the result through ddbgt_template_options; NULL
 * options (or NULL/0 members) take the template's defaults. The struct
 * grows only at the end, with a new version; the library accepts every
 * version from 1 to its own.
 *
 *   ddbgt_table *t;
 *   ddbgt_template_options o = DDBGT_TEMPLATE_OPTIONS_INIT;
 *   o.table_name = "Orders";
 *   if (ddbgt_template_build(&t, "active-active", &o) == 0) ... ddbgt_table_free(t);
 */
#ifndef DDBGT_TEMPLATE_H
#define DDBGT_TEMPLATE_H

#include "common.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DDBGT_TEMPLATE_OPTIONS_VERSION 1

/* The template `ddbgt plan` runs on when it is given no spec. */
#define DDBGT_TEMPLATE_DEFAULT "active-active"

typedef struct ddbgt_template_options {
	unsigned version;            /* DDBGT_TEMPLATE_OPTIONS_VERSION */
	const char *table_name;      /* NULL: the template's name for the table */
	const char *partition_key;   /* NULL: "pk" */
	ddbgt_attr_type partition_key_type; /* UNSET: S */
	/* NULL: the template's sort key ("sk" where it has one); "" for none. */
	const char *sort_key;
	ddbgt_attr_type sort_key_type; /* UNSET: S */
	/*
	 * Regions, home region first; NULL or 0 keeps the template's own.
	 * Templates with a fixed shape check the count (DDBGT_EINVAL).
	 */
	const char *const *regions;
	size_t region_count;
	/* strong-consistency with two regions: the witness (NULL: chosen from the set). */
	const char *witness_region;
	/*
	 * eu-residency: one KMS key per region, parallel to regions (or to the
	 * template's regions); NULL: example key ARNs in account 111122223333.
	 */
	const char *const *kms_keys;
} ddbgt_template_options;

#define DDBGT_TEMPLATE_OPTIONS_INIT \
	{ DDBGT_TEMPLATE_OPTIONS_VERSION, NULL, NULL, DDBGT_ATTR_UNSET, NULL, DDBGT_ATTR_UNSET, \
	  NULL, 0, NULL, NULL }

/*
 * Fill opts with the defaults of the given version, writing only the fields
 * that version has; DDBGT_EINVAL for NULL or a version this library does
 * not know.
 */
DDBGT_API int ddbgt_template_options_init(ddbgt_template_options *opts, unsigned version);

/* The catalogue, in a fixed order. Getters return NULL out of range. */
DDBGT_API size_t ddbgt_template_count(void);
/* "active-active", "geo-distributed", ... */
DDBGT_API const char *ddbgt_template_name(size_t i);
/* One sentence: what the pattern is for. */
DDBGT_API const char *ddbgt_template_description(size_t i);
/* The traffic the template's usage profile describes, in words. */
DDBGT_API const char *ddbgt_template_usage_summary(size_t i);
/* The index of a template by name; DDBGT_ENOTFOUND if there is none. */
DDBGT_API int ddbgt_template_find(const char *name, size_t *index);
/* DDBGT_TEMPLATE_DEFAULT, for callers that cannot read macros. */
DDBGT_API const char *ddbgt_template_default_name(void);

/*
 * Build the template called name. *out is a new table the caller frees
 * with ddbgt_table_free. DDBGT_ENOTFOUND for an unknown name, DDBGT_EINVAL
 * for options the template cannot take (a wrong region count, an unknown
 * options version).
 */
DDBGT_API int ddbgt_template_build(ddbgt_table **out, const char *name,
                                   const ddbgt_template_options *opts);

/*
 * One builder per pattern, the same as ddbgt_template_build with its name.
 *
 * active-active: two regions (us-east-1, us-west-2), both taking reads and
 *   writes, on-demand, PITR and deletion protection everywhere, an LSI and TTL.
 * geo-distributed: one region per geography (us-east-1, eu-west-1,
 *   ap-northeast-1), on-demand, a GSI, users writing near home.
 * primary-standby: a primary (us-east-1) and a Standard-IA standby
 *   (us-west-2) that serves no traffic until a failover: disaster recovery.
 * eu-residency: two EU regions (eu-west-1, eu-central-1), a customer managed
 *   key per region, PITR 35 days, deletion protection, an EU-only policy.
 * strong-consistency: multi-Region strong consistency over three regions of
 *   the US set (us-east-1, us-east-2, us-west-2), or two and a witness.
 * provisioned-autoscaling: provisioned capacity with autoscaling, a GSI, and
 *   per-region read capacity (us-east-1, eu-west-1).
 */
DDBGT_API int ddbgt_template_active_active(ddbgt_table **out, const ddbgt_template_options *opts);
DDBGT_API int ddbgt_template_geo_distributed(ddbgt_table **out,
                                             const ddbgt_template_options *opts);
DDBGT_API int ddbgt_template_primary_standby(ddbgt_table **out,
                                             const ddbgt_template_options *opts);
DDBGT_API int ddbgt_template_eu_residency(ddbgt_table **out, const ddbgt_template_options *opts);
DDBGT_API int ddbgt_template_strong_consistency(ddbgt_table **out,
                                                const ddbgt_template_options *opts);
DDBGT_API int ddbgt_template_provisioned_autoscaling(ddbgt_table **out,
                                                     const ddbgt_template_options *opts);

#ifdef __cplusplus
}
#endif

#endif
