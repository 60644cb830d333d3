/* Feature detection: what a table uses, as flags and as JSON. */
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/index.h"
#include "alloc.h"
#include "helpers_internal.h"
#include "jsonwrite.h"

struct ddbgt_features {
	unsigned flags;
	ddbgt_stream_view stream_view;
	ddbgt_encryption encryption;
	ddbgt_coverage pitr, deletion_protection, standard_ia;
	size_t gsi_count, lsi_count;
	char *ttl_attribute;
};

/* Bit order = the order of the names in the JSON "flags" list. */
static const struct {
	ddbgt_feature bit;
	const char *name;
} feature_names[] = {
	{DDBGT_FEATURE_STREAM, "stream"},
	{DDBGT_FEATURE_KMS_ENCRYPTION, "kms_encryption"},
	{DDBGT_FEATURE_CUSTOMER_MANAGED_KEY, "customer_managed_key"},
	{DDBGT_FEATURE_PITR_ALL, "pitr_all"},
	{DDBGT_FEATURE_PITR_SOME, "pitr_some"},
	{DDBGT_FEATURE_DELETION_PROTECTION_ALL, "deletion_protection_all"},
	{DDBGT_FEATURE_DELETION_PROTECTION_SOME, "deletion_protection_some"},
	{DDBGT_FEATURE_TTL, "ttl"},
	{DDBGT_FEATURE_AUTOSCALING, "autoscaling"},
	{DDBGT_FEATURE_STANDARD_IA, "standard_ia"},
	{DDBGT_FEATURE_GSI, "gsi"},
	{DDBGT_FEATURE_LSI, "lsi"},
	{DDBGT_FEATURE_STRONG_CONSISTENCY, "strong_consistency"},
	{DDBGT_FEATURE_WITNESS, "witness"},
	{DDBGT_FEATURE_PROVISIONED, "provisioned"},
	{DDBGT_FEATURE_ON_DEMAND_MAX, "on_demand_max"},
	{DDBGT_FEATURE_CONTRIBUTOR_INSIGHTS, "contributor_insights"},
};

#define FEATURE_COUNT (sizeof feature_names / sizeof feature_names[0])

const char *ddbgt_feature_name(ddbgt_feature feature)
{
	size_t i;

	for (i = 0; i < FEATURE_COUNT; i++)
		if (feature_names[i].bit == feature)
			return feature_names[i].name;
	return NULL;
}

const char *ddbgt_coverage_name(ddbgt_coverage coverage)
{
	switch (coverage) {
	case DDBGT_COVERAGE_NONE:
		return "none";
	case DDBGT_COVERAGE_SOME:
		return "some";
	case DDBGT_COVERAGE_ALL:
		return "all";
	}
	return NULL;
}

static ddbgt_coverage coverage_of(size_t on, size_t total)
{
	if (on == 0)
		return DDBGT_COVERAGE_NONE;
	return on == total ? DDBGT_COVERAGE_ALL : DDBGT_COVERAGE_SOME;
}

/* Autoscaling anywhere: table, GSIs, replica read settings and their GSI overrides. */
static int uses_autoscaling(const ddbgt_table *table)
{
	int64_t lo, hi;
	double target;
	size_t i, j;
	int rw;

	for (rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		if (ddbgt_table_get_autoscaling(table, (ddbgt_rw)rw, &lo, &hi, &target) == DDBGT_OK)
			return 1;
		for (i = 0; i < ddbgt_table_gsi_count(table); i++)
			if (ddbgt_gsi_get_autoscaling(ddbgt_table_gsi_at(table, i), (ddbgt_rw)rw, &lo,
			                              &hi, &target) == DDBGT_OK)
				return 1;
	}
	for (i = 0; i < ddbgt_table_replica_count(table); i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(table, i);

		if (ddbgt_replica_get_read_autoscaling(r, &lo, &hi, &target) == DDBGT_OK)
			return 1;
		for (j = 0; j < ddbgt_replica_gsi_override_count(r); j++)
			if (ddbgt_replica_get_gsi_read_autoscaling(r, ddbgt_replica_gsi_override_name(r, j),
			                                           &lo, &hi, &target) == DDBGT_OK)
				return 1;
	}
	return 0;
}

static int uses_on_demand_max(const ddbgt_table *table)
{
	int64_t units;
	size_t i;
	int rw;

	for (rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		if (ddbgt_table_get_on_demand_max(table, (ddbgt_rw)rw, &units) == DDBGT_OK)
			return 1;
		for (i = 0; i < ddbgt_table_gsi_count(table); i++)
			if (ddbgt_gsi_get_on_demand_max(ddbgt_table_gsi_at(table, i), (ddbgt_rw)rw, &units) ==
			    DDBGT_OK)
				return 1;
	}
	return 0;
}

int ddbgt_features_detect(ddbgt_features **out, const ddbgt_table *table)
{
	size_t n, i, pitr = 0, dp = 0, ia = 0, ci = 0;
	const char *ttl;
	ddbgt_features *f;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	f = ddbgt__calloc(1, sizeof *f);
	if (!f)
		return DDBGT_ENOMEM;
	ttl = ddbgt_table_ttl_attribute(table);
	if (ttl && !(f->ttl_attribute = ddbgt__strdup(ttl))) {
		ddbgt__free(f);
		return DDBGT_ENOMEM;
	}
	n = ddbgt_table_replica_count(table);
	for (i = 0; i < n; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(table, i);

		pitr += ddbgt_replica_effective_pitr(r) == 1;
		dp += ddbgt_replica_effective_deletion_protection(r) == 1;
		ia += ddbgt_replica_effective_table_class(r) ==
		      DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS;
		ci += ddbgt_replica_contributor_insights(r) == 1;
	}
	f->pitr = coverage_of(pitr, n);
	f->deletion_protection = coverage_of(dp, n);
	f->standard_ia = coverage_of(ia, n);
	f->encryption = ddbgt_table_encryption(table);
	f->gsi_count = ddbgt_table_gsi_count(table);
	f->lsi_count = ddbgt_table_lsi_count(table);
	if (ddbgt_table_stream_enabled(table)) {
		f->flags |= DDBGT_FEATURE_STREAM;
		f->stream_view = ddbgt_table_stream_view(table);
	}
	if (f->encryption == DDBGT_ENCRYPTION_AWS_MANAGED ||
	    f->encryption == DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		f->flags |= DDBGT_FEATURE_KMS_ENCRYPTION;
	if (f->encryption == DDBGT_ENCRYPTION_CUSTOMER_MANAGED)
		f->flags |= DDBGT_FEATURE_CUSTOMER_MANAGED_KEY;
	if (f->pitr == DDBGT_COVERAGE_ALL)
		f->flags |= DDBGT_FEATURE_PITR_ALL;
	if (f->pitr == DDBGT_COVERAGE_SOME)
		f->flags |= DDBGT_FEATURE_PITR_SOME;
	if (f->deletion_protection == DDBGT_COVERAGE_ALL)
		f->flags |= DDBGT_FEATURE_DELETION_PROTECTION_ALL;
	if (f->deletion_protection == DDBGT_COVERAGE_SOME)
		f->flags |= DDBGT_FEATURE_DELETION_PROTECTION_SOME;
	if (ttl)
		f->flags |= DDBGT_FEATURE_TTL;
	if (uses_autoscaling(table))
		f->flags |= DDBGT_FEATURE_AUTOSCALING;
	if (ia)
		f->flags |= DDBGT_FEATURE_STANDARD_IA;
	if (f->gsi_count)
		f->flags |= DDBGT_FEATURE_GSI;
	if (f->lsi_count)
		f->flags |= DDBGT_FEATURE_LSI;
	if (ddbgt_table_consistency(table) == DDBGT_CONSISTENCY_STRONG)
		f->flags |= DDBGT_FEATURE_STRONG_CONSISTENCY;
	if (ddbgt_table_witness_region(table))
		f->flags |= DDBGT_FEATURE_WITNESS;
	if (ddbgt_table_billing_mode(table) == DDBGT_BILLING_PROVISIONED)
		f->flags |= DDBGT_FEATURE_PROVISIONED;
	if (uses_on_demand_max(table))
		f->flags |= DDBGT_FEATURE_ON_DEMAND_MAX;
	if (ci)
		f->flags |= DDBGT_FEATURE_CONTRIBUTOR_INSIGHTS;
	*out = f;
	return DDBGT_OK;
}

void ddbgt_features_free(ddbgt_features *features)
{
	if (!features)
		return;
	ddbgt__free(features->ttl_attribute);
	ddbgt__free(features);
}

unsigned ddbgt_features_flags(const ddbgt_features *features)
{
	return features ? features->flags : 0;
}

int ddbgt_features_has(const ddbgt_features *features, unsigned feature)
{
	return features && feature && (features->flags & feature) == feature;
}

ddbgt_stream_view ddbgt_features_stream_view(const ddbgt_features *features)
{
	return features ? features->stream_view : DDBGT_STREAM_VIEW_UNSET;
}

ddbgt_encryption ddbgt_features_encryption(const ddbgt_features *features)
{
	return features ? features->encryption : DDBGT_ENCRYPTION_UNSET;
}

ddbgt_coverage ddbgt_features_pitr(const ddbgt_features *features)
{
	return features ? features->pitr : DDBGT_COVERAGE_NONE;
}

ddbgt_coverage ddbgt_features_deletion_protection(const ddbgt_features *features)
{
	return features ? features->deletion_protection : DDBGT_COVERAGE_NONE;
}

ddbgt_coverage ddbgt_features_standard_ia(const ddbgt_features *features)
{
	return features ? features->standard_ia : DDBGT_COVERAGE_NONE;
}

size_t ddbgt_features_gsi_count(const ddbgt_features *features)
{
	return features ? features->gsi_count : 0;
}

size_t ddbgt_features_lsi_count(const ddbgt_features *features)
{
	return features ? features->lsi_count : 0;
}

const char *ddbgt_features_ttl_attribute(const ddbgt_features *features)
{
	return features ? features->ttl_attribute : NULL;
}

int ddbgt_features_to_json(char **out, const ddbgt_features *features)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!features)
		return DDBGT_EINVAL;
	ddbgt__jw_init(&w, 0, 1024);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "flags");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < FEATURE_COUNT; i++)
		if (features->flags & feature_names[i].bit)
			ddbgt__jw_string(&w, feature_names[i].name);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_key(&w, "stream");
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "enabled");
	ddbgt__jw_bool(&w, features->flags & DDBGT_FEATURE_STREAM);
	ddbgt__jw_key(&w, "view_type");
	ddbgt__jw_string_or_null(&w, ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, features->stream_view));
	ddbgt__jw_object_end(&w);
	ddbgt__jw_key(&w, "encryption");
	ddbgt__jw_string_or_null(&w, ddbgt_enum_name(DDBGT_ENUM_ENCRYPTION, features->encryption));
	ddbgt__jw_key(&w, "point_in_time_recovery");
	ddbgt__jw_string(&w, ddbgt_coverage_name(features->pitr));
	ddbgt__jw_key(&w, "deletion_protection");
	ddbgt__jw_string(&w, ddbgt_coverage_name(features->deletion_protection));
	ddbgt__jw_key(&w, "standard_ia");
	ddbgt__jw_string(&w, ddbgt_coverage_name(features->standard_ia));
	ddbgt__jw_key(&w, "ttl_attribute");
	ddbgt__jw_string_or_null(&w, features->ttl_attribute);
	ddbgt__jw_key(&w, "autoscaling");
	ddbgt__jw_bool(&w, features->flags & DDBGT_FEATURE_AUTOSCALING);
	ddbgt__jw_key(&w, "gsi_count");
	ddbgt__jw_int(&w, (int64_t)features->gsi_count);
	ddbgt__jw_key(&w, "lsi_count");
	ddbgt__jw_int(&w, (int64_t)features->lsi_count);
	ddbgt__jw_key(&w, "strong_consistency");
	ddbgt__jw_bool(&w, features->flags & DDBGT_FEATURE_STRONG_CONSISTENCY);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}
