/*
 * The template catalogue: builders for common global table patterns.
 *
 * One table holds what each template is: its words, its defaults (table
 * name, sort key, regions), the settings it turns on and its usage profile.
 * One builder reads an entry: the skeleton (name, keys, replicas from the
 * options or the defaults), the common settings, the template's own steps,
 * then the usage. The usage profiles are per replica position, so regions
 * given in the options carry the template's traffic shape with them.
 */
#include <string.h>

#include "ddbgt/template.h"
#include "ddbgt/replica.h"
#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "ddbgt/region.h"

#include "options.h"

/* Past a handful of regions a template's traffic shape no longer describes the design. */
#define MAX_TEMPLATE_REGIONS 8

/* One replica position of a usage profile. */
typedef struct rate {
	double writes;
	double reads;
} rate;

/* Settings a template turns on before its own steps. */
enum {
	WITH_PITR = 1u << 0,
	WITH_DELETION_PROTECTION = 1u << 1, /* on the table and every replica */
	WITH_TTL = 1u << 2                  /* TTL on "expires_at" */
};

typedef struct template_entry template_entry;

/* A template's own steps, after the skeleton and the common settings. */
typedef int (*pattern_fn)(ddbgt_table *t, const ddbgt_template_options *o);

struct template_entry {
	const char *name; /* also the "pattern" tag */
	const char *description;
	const char *usage_summary;
	/* What the template says when the options leave something out. */
	const char *table_name;
	const char *sort_key; /* NULL: no sort key by default */
	const char *regions[3];
	size_t region_count;
	size_t min_regions, max_regions; /* accepted counts of option regions */
	unsigned settings;               /* WITH_* */
	ddbgt_encryption encryption;     /* UNSET: the table's default */
	int64_t pitr_days;               /* 0: the default period */
	pattern_fn pattern;              /* NULL: nothing of its own */
	/* The usage profile: rates[i] for replica i, the last repeating for further replicas. */
	rate rates[2];
	size_t rate_count;
	double item_bytes;
	double storage_gb;
	ddbgt_read_consistency read_consistency;
};

static int active_active(ddbgt_table *t, const ddbgt_template_options *o);
static int geo_distributed(ddbgt_table *t, const ddbgt_template_options *o);
static int primary_standby(ddbgt_table *t, const ddbgt_template_options *o);
static int eu_residency(ddbgt_table *t, const ddbgt_template_options *o);
static int strong_consistency(ddbgt_table *t, const ddbgt_template_options *o);
static int provisioned_autoscaling(ddbgt_table *t, const ddbgt_template_options *o);

enum {
	T_ACTIVE_ACTIVE,
	T_GEO_DISTRIBUTED,
	T_PRIMARY_STANDBY,
	T_EU_RESIDENCY,
	T_STRONG_CONSISTENCY,
	T_PROVISIONED_AUTOSCALING
};

static const template_entry templates[] = {
	[T_ACTIVE_ACTIVE] = {
		"active-active",
		"Two regions that both take reads and writes (last writer wins), on-demand, with "
		"PITR and deletion protection on every replica.",
		"100 writes/s and 400 reads/s of 1 KB items in each region; 50 GB stored.",
		"ActiveActive", "sk", {"us-east-1", "us-west-2"}, 2, 2, MAX_TEMPLATE_REGIONS,
		WITH_PITR | WITH_DELETION_PROTECTION | WITH_TTL, DDBGT_ENCRYPTION_UNSET, 0,
		active_active,
		{{100, 400}}, 1, 1024, 50, DDBGT_READ_CONSISTENCY_UNSET},
	[T_GEO_DISTRIBUTED] = {
		"geo-distributed",
		"One replica in each of the US, EU and Asia Pacific so that users read and write "
		"near home; on-demand, AWS managed encryption, a GSI.",
		"50 writes/s and 300 reads/s of 2 KB items in each region; 100 GB stored.",
		"GeoDistributed", "sk", {"us-east-1", "eu-west-1", "ap-northeast-1"}, 3, 2,
		MAX_TEMPLATE_REGIONS,
		WITH_PITR | WITH_TTL, DDBGT_ENCRYPTION_AWS_MANAGED, 0,
		geo_distributed,
		{{50, 300}}, 1, 2048, 100, DDBGT_READ_CONSISTENCY_UNSET},
	[T_PRIMARY_STANDBY] = {
		"primary-standby",
		"A primary region serving all traffic and a Standard-IA standby that only receives "
		"replicated writes until a failover: low-cost disaster recovery.",
		"20 writes/s and 2000 reads/s of 1 KB items in the primary, none in the standby; "
		"500 GB stored (a large table with few writes: the standby's bill is mostly storage).",
		"PrimaryStandby", "sk", {"us-east-1", "us-west-2"}, 2, 2, MAX_TEMPLATE_REGIONS,
		WITH_PITR | WITH_DELETION_PROTECTION, DDBGT_ENCRYPTION_UNSET, 0,
		primary_standby,
		{{20, 2000}, {0, 0}}, 2, 1024, 500, DDBGT_READ_CONSISTENCY_UNSET},
	[T_EU_RESIDENCY] = {
		"eu-residency",
		"Data kept in the EU: two EU regions, a customer managed KMS key per region, PITR "
		"35 days and deletion protection, enforced by an EU-only policy.",
		"40 writes/s and 150 reads/s in the home region, 10 writes/s and 50 reads/s in the "
		"other; 1 KB items; 30 GB stored.",
		"EuResidency", "sk", {"eu-west-1", "eu-central-1"}, 2, 2, MAX_TEMPLATE_REGIONS,
		WITH_PITR | WITH_DELETION_PROTECTION, DDBGT_ENCRYPTION_CUSTOMER_MANAGED, 35,
		eu_residency,
		{{40, 150}, {10, 50}}, 2, 1024, 30, DDBGT_READ_CONSISTENCY_UNSET},
	[T_STRONG_CONSISTENCY] = {
		"strong-consistency",
		"Multi-Region strong consistency (RPO zero): three regions of one region set, or two "
		"and a witness; no TTL, no LSI, no transactions.",
		"20 writes/s and 100 strongly consistent reads/s of 1 KB items in each replica; "
		"10 GB stored.",
		"StrongConsistency", "sk", {"us-east-1", "us-east-2", "us-west-2"}, 3, 2, 3,
		WITH_PITR | WITH_DELETION_PROTECTION, DDBGT_ENCRYPTION_UNSET, 0,
		strong_consistency,
		{{20, 100}}, 1, 1024, 10, DDBGT_READ_CONSISTENCY_STRONG},
	[T_PROVISIONED_AUTOSCALING] = {
		"provisioned-autoscaling",
		"Provisioned capacity with target-tracking autoscaling on the table and a GSI, and "
		"less read capacity in the second region.",
		"300 writes/s and 1500 reads/s in the home region, 100 writes/s and 500 reads/s in "
		"the other; 1 KB items; 80 GB stored.",
		"ProvisionedAutoscaling", "sk", {"us-east-1", "eu-west-1"}, 2, 2,
		MAX_TEMPLATE_REGIONS,
		WITH_PITR, DDBGT_ENCRYPTION_UNSET, 0,
		provisioned_autoscaling,
		/* Replicated writes land everywhere: every replica writes 400/s, so WCU sits above that. */
		{{300, 1500}, {100, 500}}, 2, 1024, 80, DDBGT_READ_CONSISTENCY_UNSET},
};

#define TEMPLATE_COUNT (sizeof templates / sizeof templates[0])

static int build(ddbgt_table **out, const ddbgt_template_options *opts,
                 const template_entry *te);

/* The bytes each options version has (options.h). */
static const size_t template_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_template_options, kms_keys),
};

#define TEMPLATE_OPTIONS_VERSIONS (sizeof template_options_ends / sizeof template_options_ends[0])
_Static_assert(TEMPLATE_OPTIONS_VERSIONS == DDBGT_TEMPLATE_OPTIONS_VERSION, "one end per version");

int ddbgt_template_options_init(ddbgt_template_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, template_options_ends, TEMPLATE_OPTIONS_VERSIONS);
}

size_t ddbgt_template_count(void)
{
	return TEMPLATE_COUNT;
}

const char *ddbgt_template_name(size_t i)
{
	return i < TEMPLATE_COUNT ? templates[i].name : NULL;
}

const char *ddbgt_template_description(size_t i)
{
	return i < TEMPLATE_COUNT ? templates[i].description : NULL;
}

const char *ddbgt_template_usage_summary(size_t i)
{
	return i < TEMPLATE_COUNT ? templates[i].usage_summary : NULL;
}

int ddbgt_template_find(const char *name, size_t *index)
{
	size_t i;

	if (!name)
		return DDBGT_EINVAL;
	for (i = 0; i < TEMPLATE_COUNT; i++) {
		if (strcmp(templates[i].name, name) == 0) {
			if (index)
				*index = i;
			return DDBGT_OK;
		}
	}
	return DDBGT_ENOTFOUND;
}

const char *ddbgt_template_default_name(void)
{
	return DDBGT_TEMPLATE_DEFAULT;
}

int ddbgt_template_build(ddbgt_table **out, const char *name, const ddbgt_template_options *opts)
{
	size_t i;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	rc = ddbgt_template_find(name, &i);
	if (rc != DDBGT_OK)
		return rc;
	return build(out, opts, &templates[i]);
}

int ddbgt_template_active_active(ddbgt_table **out, const ddbgt_template_options *opts)
{
	return build(out, opts, &templates[T_ACTIVE_ACTIVE]);
}

int ddbgt_template_geo_distributed(ddbgt_table **out, const ddbgt_template_options *opts)
{
	return build(out, opts, &templates[T_GEO_DISTRIBUTED]);
}

int ddbgt_template_primary_standby(ddbgt_table **out, const ddbgt_template_options *opts)
{
	return build(out, opts, &templates[T_PRIMARY_STANDBY]);
}

int ddbgt_template_eu_residency(ddbgt_table **out, const ddbgt_template_options *opts)
{
	return build(out, opts, &templates[T_EU_RESIDENCY]);
}

int ddbgt_template_strong_consistency(ddbgt_table **out, const ddbgt_template_options *opts)
{
	return build(out, opts, &templates[T_STRONG_CONSISTENCY]);
}

int ddbgt_template_provisioned_autoscaling(ddbgt_table **out, const ddbgt_template_options *opts)
{
	return build(out, opts, &templates[T_PROVISIONED_AUTOSCALING]);
}

/* The options in force: the caller's fields of its version, the defaults (zero) for the rest. */
static int resolve_options(const ddbgt_template_options *opts, ddbgt_template_options *o)
{
	if (!opts)
		return ddbgt_template_options_init(o, DDBGT_TEMPLATE_OPTIONS_VERSION);
	return ddbgt__options_read(o, sizeof *o, opts, template_options_ends,
	                           TEMPLATE_OPTIONS_VERSIONS);
}

/* A table with name, keys and one replica per region, the first the primary. */
static int build_skeleton(ddbgt_table **out, const ddbgt_template_options *o,
                          const template_entry *te)
{
	const char *const *regions = te->regions;
	size_t count = te->region_count, i;
	const char *sort_key = o->sort_key ? o->sort_key : te->sort_key;
	ddbgt_table *t = NULL;
	int rc;

	*out = NULL;
	if (o->regions && o->region_count > 0) {
		if (o->region_count < te->min_regions || o->region_count > te->max_regions)
			return DDBGT_EINVAL;
		for (i = 0; i < o->region_count; i++)
			if (!o->regions[i])
				return DDBGT_EINVAL;
		regions = o->regions;
		count = o->region_count;
	}
	rc = ddbgt_table_new(&t, o->table_name ? o->table_name : te->table_name);
	if (rc)
		return rc;
	rc = ddbgt_table_set_partition_key(t, o->partition_key ? o->partition_key : "pk",
	                                   o->partition_key_type ? o->partition_key_type
	                                                         : DDBGT_ATTR_S);
	if (!rc && sort_key && sort_key[0])
		rc = ddbgt_table_set_sort_key(t, sort_key,
		                              o->sort_key_type ? o->sort_key_type : DDBGT_ATTR_S);
	for (i = 0; !rc && i < count; i++) {
		ddbgt_replica *r = NULL;

		rc = ddbgt_replica_new(&r, regions[i]);
		if (!rc)
			rc = ddbgt_replica_set_role(r, i == 0 ? DDBGT_ROLE_PRIMARY : DDBGT_ROLE_SECONDARY);
		if (!rc)
			rc = ddbgt_table_add_replica(t, r);
		if (rc)
			ddbgt_replica_free(r);
	}
	/* Replicas replicate through NEW_AND_OLD_IMAGES streams; say so rather than rely on defaults. */
	if (!rc)
		rc = ddbgt_table_set_stream(t, 1, DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES);
	if (rc) {
		ddbgt_table_free(t);
		return rc;
	}
	*out = t;
	return DDBGT_OK;
}

static int tag_pattern(ddbgt_table *t, const char *pattern)
{
	int rc = ddbgt_table_set_tag(t, "managed-by", "ddbgt");

	return rc ? rc : ddbgt_table_set_tag(t, "pattern", pattern);
}

/* Deletion protection on the table and, explicitly, on each replica: AWS does not copy it. */
static int protect_all(ddbgt_table *t)
{
	size_t i;
	int rc = ddbgt_table_set_deletion_protection(t, 1);

	for (i = 0; !rc && i < ddbgt_table_replica_count(t); i++)
		rc = ddbgt_replica_set_deletion_protection(ddbgt_table_replica_at_mut(t, i), 1);
	return rc;
}

/*
 * The usage profile: rates[i] for replica i (the last rate repeats for
 * further replicas), item size and storage.
 */
static int set_usage(ddbgt_table *t, const rate *rates, size_t nrates, double item_bytes,
                     double storage_gb, ddbgt_read_consistency consistency)
{
	ddbgt_usage *u = ddbgt_table_usage_mut(t);
	size_t i;
	int rc = ddbgt_usage_set_item_size_bytes(u, item_bytes);

	if (!rc)
		rc = ddbgt_usage_set_storage_gb(u, storage_gb);
	if (!rc && consistency != DDBGT_READ_CONSISTENCY_UNSET)
		rc = ddbgt_usage_set_read_consistency(u, consistency);
	for (i = 0; !rc && i < ddbgt_table_replica_count(t); i++) {
		const rate *r = &rates[i < nrates ? i : nrates - 1];
		const char *region = ddbgt_replica_region(ddbgt_table_replica_at(t, i));

		rc = ddbgt_usage_set_rate(u, DDBGT_WRITE, region, r->writes);
		if (!rc)
			rc = ddbgt_usage_set_rate(u, DDBGT_READ, region, r->reads);
	}
	return rc;
}

/* Define an index key attribute unless the table's keys already name it. */
static int define_attribute(ddbgt_table *t, const char *name, ddbgt_attr_type type)
{
	if (ddbgt_table_find_attribute_type(t, name) != DDBGT_ATTR_UNSET)
		return DDBGT_OK;
	return ddbgt_table_add_attribute(t, name, type);
}

/* An LSI ordering items of one partition by update time; only with a table sort key. */
static int add_updated_lsi(ddbgt_table *t)
{
	ddbgt_lsi *lsi = NULL;
	int rc;

	if (!ddbgt_table_sort_key_name(t) || strcmp(ddbgt_table_sort_key_name(t), "updated_at") == 0)
		return DDBGT_OK;
	rc = define_attribute(t, "updated_at", DDBGT_ATTR_N);
	if (!rc)
		rc = ddbgt_lsi_new(&lsi, "by_updated_at");
	if (!rc)
		rc = ddbgt_lsi_set_sort_key(lsi, "updated_at");
	if (!rc)
		rc = ddbgt_lsi_set_projection(lsi, DDBGT_PROJECTION_KEYS_ONLY);
	if (!rc)
		rc = ddbgt_table_add_lsi(t, lsi);
	if (rc)
		ddbgt_lsi_free(lsi);
	return rc;
}

/* A GSI over (partition, sort) attributes; returned for capacity settings. */
static int add_gsi(ddbgt_table *t, const char *name, const char *pk, const char *sk,
                   ddbgt_projection projection, const char *const *non_key, ddbgt_gsi **gsi_out)
{
	ddbgt_gsi *gsi = NULL;
	int rc = define_attribute(t, pk, DDBGT_ATTR_S);

	if (!rc && sk)
		rc = define_attribute(t, sk, DDBGT_ATTR_N);
	if (!rc)
		rc = ddbgt_gsi_new(&gsi, name);
	if (!rc)
		rc = ddbgt_gsi_set_partition_key(gsi, pk);
	if (!rc && sk)
		rc = ddbgt_gsi_set_sort_key(gsi, sk);
	if (!rc)
		rc = ddbgt_gsi_set_projection(gsi, projection);
	for (; !rc && non_key && *non_key; non_key++)
		rc = ddbgt_gsi_add_non_key_attribute(gsi, *non_key);
	if (!rc)
		rc = ddbgt_table_add_gsi(t, gsi);
	if (rc) {
		ddbgt_gsi_free(gsi);
		return rc;
	}
	if (gsi_out)
		*gsi_out = gsi;
	return DDBGT_OK;
}

/* The common settings an entry turns on, before the template's own steps. */
static int apply_settings(ddbgt_table *t, const template_entry *te)
{
	int rc = tag_pattern(t, te->name);

	if (!rc && te->encryption != DDBGT_ENCRYPTION_UNSET)
		rc = ddbgt_table_set_encryption(t, te->encryption);
	if (!rc && (te->settings & WITH_PITR))
		rc = ddbgt_table_set_pitr(t, 1);
	if (!rc && te->pitr_days)
		rc = ddbgt_table_set_pitr_period(t, te->pitr_days);
	if (!rc && (te->settings & WITH_DELETION_PROTECTION))
		rc = protect_all(t);
	if (!rc && (te->settings & WITH_TTL))
		rc = ddbgt_table_set_ttl_attribute(t, "expires_at");
	return rc;
}

static int build(ddbgt_table **out, const ddbgt_template_options *opts,
                 const template_entry *te)
{
	ddbgt_template_options o;
	ddbgt_table *t;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	rc = resolve_options(opts, &o);
	if (!rc)
		rc = build_skeleton(&t, &o, te);
	if (rc)
		return rc;
	rc = apply_settings(t, te);
	if (!rc && te->pattern)
		rc = te->pattern(t, &o);
	if (!rc)
		rc = set_usage(t, te->rates, te->rate_count, te->item_bytes, te->storage_gb,
		               te->read_consistency);
	if (rc) {
		ddbgt_table_free(t);
		return rc;
	}
	*out = t;
	return DDBGT_OK;
}

static int active_active(ddbgt_table *t, const ddbgt_template_options *o)
{
	(void)o;
	return add_updated_lsi(t);
}

static int geo_distributed(ddbgt_table *t, const ddbgt_template_options *o)
{
	static const char *const non_key[] = {"status", "total", NULL};

	(void)o;
	return add_gsi(t, "by_customer", "customer_id", "created_at", DDBGT_PROJECTION_INCLUDE,
	               non_key, NULL);
}

/*
 * The standbys hold a full copy but serve nothing: Standard-IA trades cheaper
 * storage for dearer requests.
 */
static int primary_standby(ddbgt_table *t, const ddbgt_template_options *o)
{
	size_t i;
	int rc = DDBGT_OK;

	(void)o;
	for (i = 1; !rc && i < ddbgt_table_replica_count(t); i++) {
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, i);

		rc = ddbgt_replica_set_role(r, DDBGT_ROLE_STANDBY);
		if (!rc)
			rc = ddbgt_replica_set_table_class(r, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS);
	}
	return rc;
}

/* The AWS documentation's example key ID, in each region of the example account. */
static int example_kms_key(char *buf, size_t size, const char *region)
{
	static const char fmt_head[] = "arn:aws:kms:";
	static const char fmt_tail[] = ":111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
	size_t len = strlen(region);

	if (sizeof fmt_head - 1 + len + sizeof fmt_tail > size)
		return DDBGT_EINVAL;
	memcpy(buf, fmt_head, sizeof fmt_head - 1);
	memcpy(buf + sizeof fmt_head - 1, region, len);
	memcpy(buf + sizeof fmt_head - 1 + len, fmt_tail, sizeof fmt_tail);
	return DDBGT_OK;
}

/* A KMS key per replica (the caller's or the example's) and an EU-only policy. */
static int eu_residency(ddbgt_table *t, const ddbgt_template_options *o)
{
	ddbgt_policy *p;
	size_t i;
	int rc = DDBGT_OK;

	for (i = 0; !rc && i < ddbgt_table_replica_count(t); i++) {
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, i);
		char key[160];

		if (o->kms_keys) {
			if (!o->kms_keys[i]) {
				rc = DDBGT_EINVAL;
				break;
			}
			rc = ddbgt_replica_set_kms_key(r, o->kms_keys[i]);
		} else {
			rc = example_kms_key(key, sizeof key, ddbgt_replica_region(r));
			if (!rc)
				rc = ddbgt_replica_set_kms_key(r, key);
		}
	}
	p = ddbgt_table_policy_mut(t);
	if (!rc)
		rc = ddbgt_policy_add_jurisdiction(p, "EU");
	if (!rc)
		rc = ddbgt_policy_set_require_pitr(p, 1);
	if (!rc)
		rc = ddbgt_policy_set_require_customer_managed_keys(p, 1);
	if (!rc)
		rc = ddbgt_policy_set_require_deletion_protection(p, 1);
	if (!rc)
		rc = ddbgt_policy_set_min_regions(p, 2);
	return rc;
}

/* The first region of the home region's strong consistency set that no replica uses. */
static int pick_witness(const ddbgt_table *t, const char **witness)
{
	const ddbgt_replica *home = ddbgt_table_replica_at(t, 0);
	const ddbgt_region *hr = ddbgt_region_find(ddbgt_replica_region(home));
	const char *set = hr ? ddbgt_region_strong_consistency_set(hr) : NULL;
	size_t i;

	if (!set)
		return DDBGT_EINVAL;
	for (i = 0; i < ddbgt_region_count(); i++) {
		const ddbgt_region *r = ddbgt_region_at(i);
		const char *rs = ddbgt_region_strong_consistency_set(r);

		if (rs && strcmp(rs, set) == 0 && !ddbgt_table_find_replica(t, ddbgt_region_code(r))) {
			*witness = ddbgt_region_code(r);
			return DDBGT_OK;
		}
	}
	return DDBGT_EINVAL;
}

/* Strong consistency; two replicas take a witness, the caller's or the first free one. */
static int strong_consistency(ddbgt_table *t, const ddbgt_template_options *o)
{
	int rc = ddbgt_table_set_consistency(t, DDBGT_CONSISTENCY_STRONG);

	if (!rc && ddbgt_table_replica_count(t) == 2) {
		const char *witness = o->witness_region;

		if (!witness)
			rc = pick_witness(t, &witness);
		if (!rc)
			rc = ddbgt_table_set_witness_region(t, witness);
	}
	return rc;
}

static int provisioned_autoscaling(ddbgt_table *t, const ddbgt_template_options *o)
{
	ddbgt_gsi *gsi = NULL;
	size_t i;
	int rc = ddbgt_table_set_billing_mode(t, DDBGT_BILLING_PROVISIONED);

	(void)o;
	if (!rc)
		rc = ddbgt_table_set_capacity(t, DDBGT_READ, 2000);
	if (!rc)
		rc = ddbgt_table_set_capacity(t, DDBGT_WRITE, 500);
	if (!rc)
		rc = ddbgt_table_set_autoscaling(t, DDBGT_READ, 1000, 4000, 70);
	if (!rc)
		rc = ddbgt_table_set_autoscaling(t, DDBGT_WRITE, 500, 2000, 70);
	if (!rc)
		rc = add_gsi(t, "by_status", "status", "updated_at", DDBGT_PROJECTION_KEYS_ONLY, NULL,
		             &gsi);
	if (!rc)
		rc = ddbgt_gsi_set_capacity(gsi, DDBGT_READ, 200);
	if (!rc)
		rc = ddbgt_gsi_set_capacity(gsi, DDBGT_WRITE, 500);
	if (!rc)
		rc = ddbgt_gsi_set_autoscaling(gsi, DDBGT_READ, 100, 1000, 70);
	if (!rc)
		rc = ddbgt_gsi_set_autoscaling(gsi, DDBGT_WRITE, 500, 2000, 70);
	/* The home region keeps the table's read settings; the others serve a third of its reads. */
	for (i = 1; !rc && i < ddbgt_table_replica_count(t); i++) {
		ddbgt_replica *r = ddbgt_table_replica_at_mut(t, i);

		rc = ddbgt_replica_set_read_autoscaling(r, 350, 1400, 70);
		if (!rc)
			rc = ddbgt_replica_set_gsi_read_autoscaling(r, "by_status", 40, 350, 70);
	}
	return rc;
}
