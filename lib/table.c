/* The table: the root of the model, owner of its replicas, indexes, policy
 * and usage profile. */
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "ddbgt/replica.h"
#include "utf8.h"

#define ATTR_TYPE_OK(t) DDBGT__ENUM_OK(t, DDBGT_ATTR_B)

int ddbgt_table_new(ddbgt_table **out, const char *name)
{
	ddbgt_table *t;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	t = ddbgt__calloc(1, sizeof(*t));
	if (t == NULL)
		return DDBGT_ENOMEM;
	t->pitr = DDBGT__NOT_SET;
	t->deletion_protection = DDBGT__NOT_SET;
	t->legacy_version = DDBGT__NOT_SET;
	t->adopt_existing = DDBGT__NOT_SET;
	if (ddbgt__set_string(&t->name, name) != 0 || ddbgt_policy_new(&t->policy) != 0 ||
	    ddbgt_usage_new(&t->usage) != 0) {
		ddbgt_table_free(t);
		return DDBGT_ENOMEM;
	}
	t->policy->table = t;
	t->usage->table = t;
	*out = t;
	return 0;
}

static void attributes_free(ddbgt__attribute *attrs, size_t count)
{
	for (size_t i = 0; i < count; i++)
		ddbgt__free(attrs[i].name);
	ddbgt__free(attrs);
}

void ddbgt_table_free(ddbgt_table *t)
{
	if (t == NULL)
		return;
	ddbgt__free(t->name);
	ddbgt__free(t->pk_name);
	ddbgt__free(t->sk_name);
	ddbgt__free(t->ttl_attribute);
	ddbgt__free(t->witness_region);
	ddbgt__free(t->capacity);
	attributes_free(t->attributes, t->attribute_count);
	ddbgt__map_clear(&t->tags);
	for (size_t i = 0; i < t->replicas.count; i++)
		ddbgt__replica_destroy(t->replicas.items[i]);
	ddbgt__ptrlist_free(&t->replicas);
	for (size_t i = 0; i < t->gsis.count; i++)
		ddbgt__gsi_destroy(t->gsis.items[i]);
	ddbgt__ptrlist_free(&t->gsis);
	for (size_t i = 0; i < t->lsis.count; i++)
		ddbgt__lsi_destroy(t->lsis.items[i]);
	ddbgt__ptrlist_free(&t->lsis);
	ddbgt__policy_destroy(t->policy);
	ddbgt__usage_destroy(t->usage);
	ddbgt__operations_destroy(t->operations);
	ddbgt__free(t);
}

static int copy_string(char **dst, const char *src)
{
	*dst = NULL;
	if (src == NULL)
		return 0;
	*dst = ddbgt__strdup(src);
	return *dst != NULL ? 0 : DDBGT_ENOMEM;
}

static int copy_attributes(ddbgt_table *dst, const ddbgt_table *src)
{
	if (src->attribute_count == 0)
		return 0;
	dst->attributes = ddbgt__calloc(src->attribute_count, sizeof(*dst->attributes));
	if (dst->attributes == NULL)
		return DDBGT_ENOMEM;
	dst->attribute_cap = src->attribute_count;
	for (size_t i = 0; i < src->attribute_count; i++) {
		dst->attributes[i].type = src->attributes[i].type;
		dst->attributes[i].name = ddbgt__strdup(src->attributes[i].name);
		dst->attribute_count++;
		if (dst->attributes[i].name == NULL)
			return DDBGT_ENOMEM;
	}
	return 0;
}

/* Copy the children of src into dst, each one owned by dst as soon as it is in its list. */
static int copy_children(ddbgt_table *dst, const ddbgt_table *src)
{
	for (size_t i = 0; i < src->replicas.count; i++) {
		ddbgt_replica *r;
		int rc = ddbgt_replica_copy(&r, src->replicas.items[i]);
		if (rc == 0 && (rc = ddbgt_table_add_replica(dst, r)) != 0)
			ddbgt_replica_free(r);
		if (rc != 0)
			return rc;
	}
	for (size_t i = 0; i < src->gsis.count; i++) {
		ddbgt_gsi *g;
		int rc = ddbgt_gsi_copy(&g, src->gsis.items[i]);
		if (rc == 0 && (rc = ddbgt_table_add_gsi(dst, g)) != 0)
			ddbgt_gsi_free(g);
		if (rc != 0)
			return rc;
	}
	for (size_t i = 0; i < src->lsis.count; i++) {
		ddbgt_lsi *l;
		int rc = ddbgt_lsi_copy(&l, src->lsis.items[i]);
		if (rc == 0 && (rc = ddbgt_table_add_lsi(dst, l)) != 0)
			ddbgt_lsi_free(l);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int ddbgt_table_copy(ddbgt_table **out, const ddbgt_table *src)
{
	ddbgt_table *t;
	int rc;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (src == NULL)
		return DDBGT_EINVAL;
	t = ddbgt__calloc(1, sizeof(*t));
	if (t == NULL)
		return DDBGT_ENOMEM;
	/* Scalars by assignment; every owned member is then rebuilt from empty. */
	*t = *src;
	t->name = t->pk_name = t->sk_name = t->ttl_attribute = t->witness_region = NULL;
	t->attributes = NULL;
	t->attribute_count = t->attribute_cap = 0;
	t->capacity = NULL;
	memset(&t->tags, 0, sizeof(t->tags));
	memset(&t->replicas, 0, sizeof(t->replicas));
	memset(&t->gsis, 0, sizeof(t->gsis));
	memset(&t->lsis, 0, sizeof(t->lsis));
	t->policy = NULL;
	t->usage = NULL;
	t->operations = NULL;
	rc = copy_string(&t->name, src->name);
	rc = rc ? rc : copy_string(&t->pk_name, src->pk_name);
	rc = rc ? rc : copy_string(&t->sk_name, src->sk_name);
	rc = rc ? rc : copy_string(&t->ttl_attribute, src->ttl_attribute);
	rc = rc ? rc : copy_string(&t->witness_region, src->witness_region);
	rc = rc ? rc : copy_attributes(t, src);
	rc = rc ? rc : ddbgt__capacity_copy(&t->capacity, src->capacity, 2);
	rc = rc ? rc : ddbgt__map_copy(&t->tags, &src->tags);
	rc = rc ? rc : ddbgt_policy_copy(&t->policy, src->policy);
	rc = rc ? rc : ddbgt_usage_copy(&t->usage, src->usage);
	rc = rc ? rc : ddbgt__operations_copy(&t->operations, src->operations);
	if (rc == 0) {
		t->policy->table = t;
		t->usage->table = t;
		rc = copy_children(t, src);
	}
	if (rc != 0) {
		ddbgt_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

int ddbgt_table_set_name(ddbgt_table *t, const char *name)
{
	if (t == NULL || name == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	return ddbgt__set_string(&t->name, name);
}

const char *ddbgt_table_name(const ddbgt_table *t)
{
	return t != NULL ? t->name : NULL;
}

int ddbgt_table_set_billing_mode(ddbgt_table *t, ddbgt_billing_mode mode)
{
	if (t == NULL || !DDBGT__ENUM_OK(mode, DDBGT_BILLING_PROVISIONED))
		return DDBGT_EINVAL;
	t->billing_mode = mode;
	return 0;
}

ddbgt_billing_mode ddbgt_table_billing_mode(const ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_BILLING_UNSET;
	return t->billing_mode != DDBGT_BILLING_UNSET ? t->billing_mode
	                                              : DDBGT_BILLING_PAY_PER_REQUEST;
}

int ddbgt_table_set_partition_key(ddbgt_table *t, const char *name, ddbgt_attr_type type)
{
	int rc;

	if (t == NULL || name == NULL || !ATTR_TYPE_OK(type))
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	rc = ddbgt__set_string(&t->pk_name, name);
	if (rc == 0)
		t->pk_type = type;
	return rc;
}

const char *ddbgt_table_partition_key_name(const ddbgt_table *t)
{
	return t != NULL ? t->pk_name : NULL;
}

ddbgt_attr_type ddbgt_table_partition_key_type(const ddbgt_table *t)
{
	return t != NULL ? t->pk_type : DDBGT_ATTR_UNSET;
}

int ddbgt_table_set_sort_key(ddbgt_table *t, const char *name, ddbgt_attr_type type)
{
	int rc;

	if (t == NULL || !ATTR_TYPE_OK(type))
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	rc = ddbgt__set_string(&t->sk_name, name);
	if (rc == 0)
		t->sk_type = name != NULL ? type : DDBGT_ATTR_UNSET;
	return rc;
}

const char *ddbgt_table_sort_key_name(const ddbgt_table *t)
{
	return t != NULL ? t->sk_name : NULL;
}

ddbgt_attr_type ddbgt_table_sort_key_type(const ddbgt_table *t)
{
	return t != NULL ? t->sk_type : DDBGT_ATTR_UNSET;
}

int ddbgt_table_add_attribute(ddbgt_table *t, const char *name, ddbgt_attr_type type)
{
	char *copy;
	int rc;

	if (t == NULL || name == NULL || !ATTR_TYPE_OK(type))
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	rc = ddbgt__grow((void **)&t->attributes, &t->attribute_cap, t->attribute_count + 1,
	                 sizeof(*t->attributes));
	if (rc != 0)
		return rc;
	copy = ddbgt__strdup(name);
	if (copy == NULL)
		return DDBGT_ENOMEM;
	t->attributes[t->attribute_count].name = copy;
	t->attributes[t->attribute_count].type = type;
	t->attribute_count++;
	return 0;
}

int ddbgt_table_remove_attribute(ddbgt_table *t, const char *name)
{
	size_t kept = 0;

	if (t == NULL || name == NULL)
		return DDBGT_EINVAL;
	for (size_t i = 0; i < t->attribute_count; i++) {
		if (strcmp(t->attributes[i].name, name) == 0)
			ddbgt__free(t->attributes[i].name);
		else
			t->attributes[kept++] = t->attributes[i];
	}
	if (kept == t->attribute_count)
		return DDBGT_ENOTFOUND;
	t->attribute_count = kept;
	return 0;
}

size_t ddbgt_table_attribute_count(const ddbgt_table *t)
{
	return t != NULL ? t->attribute_count : 0;
}

const char *ddbgt_table_attribute_name(const ddbgt_table *t, size_t i)
{
	return t != NULL && i < t->attribute_count ? t->attributes[i].name : NULL;
}

ddbgt_attr_type ddbgt_table_attribute_type(const ddbgt_table *t, size_t i)
{
	return t != NULL && i < t->attribute_count ? t->attributes[i].type : DDBGT_ATTR_UNSET;
}

ddbgt_attr_type ddbgt_table_find_attribute_type(const ddbgt_table *t, const char *name)
{
	if (t == NULL || name == NULL)
		return DDBGT_ATTR_UNSET;
	if (t->pk_name != NULL && strcmp(t->pk_name, name) == 0)
		return t->pk_type;
	if (t->sk_name != NULL && strcmp(t->sk_name, name) == 0)
		return t->sk_type;
	for (size_t i = 0; i < t->attribute_count; i++)
		if (strcmp(t->attributes[i].name, name) == 0)
			return t->attributes[i].type;
	return DDBGT_ATTR_UNSET;
}

int ddbgt_table_set_capacity(ddbgt_table *t, ddbgt_rw rw, int64_t units)
{
	return ddbgt__sides_set_units(t != NULL ? &t->capacity : NULL, rw, units);
}

int ddbgt_table_get_capacity(const ddbgt_table *t, ddbgt_rw rw, int64_t *units)
{
	return ddbgt__sides_get_units(t != NULL ? &t->capacity : NULL, rw, units);
}

int ddbgt_table_clear_capacity(ddbgt_table *t, ddbgt_rw rw)
{
	return ddbgt__sides_clear_units(t != NULL ? &t->capacity : NULL, rw);
}

int ddbgt_table_set_autoscaling(ddbgt_table *t, ddbgt_rw rw, int64_t min, int64_t max,
                                double target_utilization)
{
	return ddbgt__sides_set_autoscaling(t != NULL ? &t->capacity : NULL, rw, min, max,
	                                    target_utilization);
}

int ddbgt_table_get_autoscaling(const ddbgt_table *t, ddbgt_rw rw, int64_t *min, int64_t *max,
                                double *target_utilization)
{
	return ddbgt__sides_get_autoscaling(t != NULL ? &t->capacity : NULL, rw, min, max,
	                                    target_utilization);
}

int ddbgt_table_clear_autoscaling(ddbgt_table *t, ddbgt_rw rw)
{
	return ddbgt__sides_clear_autoscaling(t != NULL ? &t->capacity : NULL, rw);
}

int ddbgt_table_set_on_demand_max(ddbgt_table *t, ddbgt_rw rw, int64_t units)
{
	return ddbgt__opt_sides_set(t != NULL ? t->on_demand_max : NULL, rw, units);
}

int ddbgt_table_get_on_demand_max(const ddbgt_table *t, ddbgt_rw rw, int64_t *units)
{
	return ddbgt__opt_sides_get(t != NULL ? t->on_demand_max : NULL, rw, units);
}

int ddbgt_table_clear_on_demand_max(ddbgt_table *t, ddbgt_rw rw)
{
	return ddbgt__opt_sides_clear(t != NULL ? t->on_demand_max : NULL, rw);
}

int ddbgt_table_set_autoscaling_tuning(ddbgt_table *t, ddbgt_rw rw, int64_t scale_in_cooldown,
                                       int64_t scale_out_cooldown, int disable_scale_in)
{
	return ddbgt__sides_set_tuning(t != NULL ? &t->capacity : NULL, rw, scale_in_cooldown,
	                               scale_out_cooldown, disable_scale_in);
}

int ddbgt_table_get_autoscaling_tuning(const ddbgt_table *t, ddbgt_rw rw,
                                       int64_t *scale_in_cooldown, int64_t *scale_out_cooldown,
                                       int *disable_scale_in)
{
	return ddbgt__sides_get_tuning(t != NULL ? &t->capacity : NULL, rw, scale_in_cooldown,
	                               scale_out_cooldown, disable_scale_in);
}

int ddbgt_table_set_warm_throughput(ddbgt_table *t, ddbgt_rw rw, int64_t units_per_second)
{
	return ddbgt__opt_sides_set(t != NULL ? t->warm_throughput : NULL, rw, units_per_second);
}

int ddbgt_table_get_warm_throughput(const ddbgt_table *t, ddbgt_rw rw, int64_t *units_per_second)
{
	return ddbgt__opt_sides_get(t != NULL ? t->warm_throughput : NULL, rw, units_per_second);
}

int ddbgt_table_clear_warm_throughput(ddbgt_table *t, ddbgt_rw rw)
{
	return ddbgt__opt_sides_clear(t != NULL ? t->warm_throughput : NULL, rw);
}

int ddbgt_table_set_stream(ddbgt_table *t, int enabled, ddbgt_stream_view view)
{
	int on = ddbgt__bool_arg(enabled);

	if (t == NULL || on < 0 || !DDBGT__ENUM_OK(view, DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES))
		return DDBGT_EINVAL;
	t->stream_set = 1;
	t->stream_enabled = on;
	t->stream_view = view;
	return 0;
}

int ddbgt_table_clear_stream(ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	t->stream_set = 0;
	t->stream_enabled = 0;
	t->stream_view = DDBGT_STREAM_VIEW_UNSET;
	return 0;
}

int ddbgt_table_stream_is_set(const ddbgt_table *t)
{
	return t != NULL && t->stream_set;
}

/* Replication between two or more regions reads the stream, hence the default. */
static int default_stream_on(const ddbgt_table *t)
{
	return t->replicas.count >= 2;
}

int ddbgt_table_stream_enabled(const ddbgt_table *t)
{
	if (t == NULL)
		return 0;
	return t->stream_set ? t->stream_enabled : default_stream_on(t);
}

ddbgt_stream_view ddbgt_table_stream_view(const ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_STREAM_VIEW_UNSET;
	if (t->stream_set)
		return t->stream_view;
	return default_stream_on(t) ? DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES : DDBGT_STREAM_VIEW_UNSET;
}

int ddbgt_table_set_encryption(ddbgt_table *t, ddbgt_encryption encryption)
{
	if (t == NULL || !DDBGT__ENUM_OK(encryption, DDBGT_ENCRYPTION_CUSTOMER_MANAGED))
		return DDBGT_EINVAL;
	t->encryption = encryption;
	return 0;
}

ddbgt_encryption ddbgt_table_encryption(const ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_ENCRYPTION_UNSET;
	return t->encryption != DDBGT_ENCRYPTION_UNSET ? t->encryption : DDBGT_ENCRYPTION_AWS_OWNED;
}

int ddbgt_table_set_ttl_attribute(ddbgt_table *t, const char *name)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	return ddbgt__set_string(&t->ttl_attribute, name);
}

const char *ddbgt_table_ttl_attribute(const ddbgt_table *t)
{
	return t != NULL ? t->ttl_attribute : NULL;
}

int ddbgt_table_set_table_class(ddbgt_table *t, ddbgt_table_class table_class)
{
	if (t == NULL ||
	    !DDBGT__ENUM_OK(table_class, DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS))
		return DDBGT_EINVAL;
	t->table_class = table_class;
	return 0;
}

ddbgt_table_class ddbgt_table_table_class(const ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_TABLE_CLASS_UNSET;
	return t->table_class != DDBGT_TABLE_CLASS_UNSET ? t->table_class
	                                                 : DDBGT_TABLE_CLASS_STANDARD;
}

/* Store a table boolean: any non-zero is 1, negative values are refused. */
static int set_flag(int *slot, int value)
{
	int v = ddbgt__bool_arg(value);

	if (v < 0)
		return v;
	*slot = v;
	return 0;
}

int ddbgt_table_set_pitr(ddbgt_table *t, int enabled)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	return set_flag(&t->pitr, enabled);
}

int ddbgt_table_pitr_enabled(const ddbgt_table *t)
{
	return t != NULL && t->pitr == 1;
}

int ddbgt_table_set_pitr_period(ddbgt_table *t, int64_t days)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	t->pitr_period.set = 1;
	t->pitr_period.value = days;
	return 0;
}

int ddbgt_table_get_pitr_period(const ddbgt_table *t, int64_t *days)
{
	if (t == NULL) {
		if (days != NULL)
			*days = 0;
		return DDBGT_EINVAL;
	}
	return ddbgt__opt_int_get(&t->pitr_period, days);
}

int ddbgt_table_clear_pitr_period(ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	t->pitr_period.set = 0;
	t->pitr_period.value = 0;
	return 0;
}

int ddbgt_table_set_deletion_protection(ddbgt_table *t, int enabled)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	return set_flag(&t->deletion_protection, enabled);
}

int ddbgt_table_deletion_protection(const ddbgt_table *t)
{
	return t != NULL && t->deletion_protection == 1;
}

int ddbgt_table_set_consistency(ddbgt_table *t, ddbgt_consistency consistency)
{
	if (t == NULL || !DDBGT__ENUM_OK(consistency, DDBGT_CONSISTENCY_STRONG))
		return DDBGT_EINVAL;
	t->consistency = consistency;
	return 0;
}

ddbgt_consistency ddbgt_table_consistency(const ddbgt_table *t)
{
	if (t == NULL)
		return DDBGT_CONSISTENCY_UNSET;
	return t->consistency != DDBGT_CONSISTENCY_UNSET ? t->consistency
	                                                 : DDBGT_CONSISTENCY_EVENTUAL;
}

int ddbgt_table_set_witness_region(ddbgt_table *t, const char *region)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(region))
		return DDBGT_EINVAL;
	return ddbgt__set_string(&t->witness_region, region);
}

const char *ddbgt_table_witness_region(const ddbgt_table *t)
{
	return t != NULL ? t->witness_region : NULL;
}

int ddbgt_table_set_legacy_version(ddbgt_table *t, int legacy)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	return set_flag(&t->legacy_version, legacy);
}

int ddbgt_table_legacy_version(const ddbgt_table *t)
{
	return t != NULL && t->legacy_version == 1;
}

int ddbgt_table_set_adopt_existing(ddbgt_table *t, int adopt)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	return set_flag(&t->adopt_existing, adopt);
}

int ddbgt_table_adopt_existing(const ddbgt_table *t)
{
	return t != NULL && t->adopt_existing == 1;
}

int ddbgt_table_set_tag(ddbgt_table *t, const char *key, const char *value)
{
	if (t == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(key) || !ddbgt__utf8_ok(value))
		return DDBGT_EINVAL;
	return ddbgt__tags_set(&t->tags, key, value);
}

int ddbgt_table_remove_tag(ddbgt_table *t, const char *key)
{
	if (t == NULL || key == NULL)
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&t->tags, key);
}

const char *ddbgt_table_tag(const ddbgt_table *t, const char *key)
{
	const ddbgt__map_entry *e = t != NULL ? ddbgt__map_get(&t->tags, key) : NULL;

	return e != NULL ? e->text : NULL;
}

size_t ddbgt_table_tag_count(const ddbgt_table *t)
{
	return t != NULL ? t->tags.count : 0;
}

const char *ddbgt_table_tag_key(const ddbgt_table *t, size_t i)
{
	const ddbgt__map_entry *e = t != NULL ? ddbgt__map_at(&t->tags, i) : NULL;

	return e != NULL ? e->key : NULL;
}

const char *ddbgt_table_tag_value(const ddbgt_table *t, size_t i)
{
	const ddbgt__map_entry *e = t != NULL ? ddbgt__map_at(&t->tags, i) : NULL;

	return e != NULL ? e->text : NULL;
}

/* Replicas. */

int ddbgt_table_add_replica(ddbgt_table *t, ddbgt_replica *r)
{
	int rc;

	if (t == NULL || r == NULL)
		return DDBGT_EINVAL;
	if (r->table != NULL)
		return DDBGT_EBUSY;
	rc = ddbgt__ptrlist_push(&t->replicas, r);
	if (rc == 0)
		r->table = t;
	return rc;
}

size_t ddbgt_table_replica_count(const ddbgt_table *t)
{
	return t != NULL ? t->replicas.count : 0;
}

const ddbgt_replica *ddbgt_table_replica_at(const ddbgt_table *t, size_t i)
{
	return t != NULL && i < t->replicas.count ? t->replicas.items[i] : NULL;
}

ddbgt_replica *ddbgt_table_replica_at_mut(ddbgt_table *t, size_t i)
{
	/* The table is the caller's to change, so its children are too: the cast
	 * only undoes the const of the shared lookup. */
	return (ddbgt_replica *)ddbgt_table_replica_at(t, i);
}

/* The index of the first replica in region, or SIZE_MAX. */
static size_t replica_index(const ddbgt_table *t, const char *region)
{
	for (size_t i = 0; i < t->replicas.count; i++) {
		const ddbgt_replica *r = t->replicas.items[i];
		if (strcmp(r->region, region) == 0)
			return i;
	}
	return SIZE_MAX;
}

const ddbgt_replica *ddbgt_table_find_replica(const ddbgt_table *t, const char *region)
{
	size_t i;

	if (t == NULL || region == NULL)
		return NULL;
	i = replica_index(t, region);
	return i != SIZE_MAX ? t->replicas.items[i] : NULL;
}

ddbgt_replica *ddbgt_table_find_replica_mut(ddbgt_table *t, const char *region)
{
	return (ddbgt_replica *)ddbgt_table_find_replica(t, region);
}

int ddbgt_table_remove_replica(ddbgt_table *t, const char *region)
{
	ddbgt_replica *r;
	size_t i;

	if (t == NULL || region == NULL)
		return DDBGT_EINVAL;
	i = replica_index(t, region);
	if (i == SIZE_MAX)
		return DDBGT_ENOTFOUND;
	r = t->replicas.items[i];
	ddbgt__ptrlist_remove_at(&t->replicas, i);
	ddbgt__replica_destroy(r);
	return 0;
}

/*
 * The first replica with an explicit PRIMARY role; without one, the first
 * replica, unless the user gave it another role explicitly.
 */
const ddbgt_replica *ddbgt_table_primary_replica(const ddbgt_table *t)
{
	const ddbgt_replica *first;

	if (t == NULL || t->replicas.count == 0)
		return NULL;
	for (size_t i = 0; i < t->replicas.count; i++) {
		const ddbgt_replica *r = t->replicas.items[i];
		if (r->role == DDBGT_ROLE_PRIMARY)
			return r;
	}
	first = t->replicas.items[0];
	return first->role == DDBGT_ROLE_UNSET ? first : NULL;
}

ddbgt_replica *ddbgt_table_primary_replica_mut(ddbgt_table *t)
{
	return (ddbgt_replica *)ddbgt_table_primary_replica(t);
}

/* Global secondary indexes. */

int ddbgt_table_add_gsi(ddbgt_table *t, ddbgt_gsi *g)
{
	int rc;

	if (t == NULL || g == NULL)
		return DDBGT_EINVAL;
	if (g->table != NULL)
		return DDBGT_EBUSY;
	rc = ddbgt__ptrlist_push(&t->gsis, g);
	if (rc == 0)
		g->table = t;
	return rc;
}

size_t ddbgt_table_gsi_count(const ddbgt_table *t)
{
	return t != NULL ? t->gsis.count : 0;
}

const ddbgt_gsi *ddbgt_table_gsi_at(const ddbgt_table *t, size_t i)
{
	return t != NULL && i < t->gsis.count ? t->gsis.items[i] : NULL;
}

ddbgt_gsi *ddbgt_table_gsi_at_mut(ddbgt_table *t, size_t i)
{
	return (ddbgt_gsi *)ddbgt_table_gsi_at(t, i);
}

static size_t gsi_index(const ddbgt_table *t, const char *name)
{
	for (size_t i = 0; i < t->gsis.count; i++) {
		const ddbgt_gsi *g = t->gsis.items[i];
		if (strcmp(g->name, name) == 0)
			return i;
	}
	return SIZE_MAX;
}

const ddbgt_gsi *ddbgt_table_find_gsi(const ddbgt_table *t, const char *name)
{
	size_t i;

	if (t == NULL || name == NULL)
		return NULL;
	i = gsi_index(t, name);
	return i != SIZE_MAX ? t->gsis.items[i] : NULL;
}

ddbgt_gsi *ddbgt_table_find_gsi_mut(ddbgt_table *t, const char *name)
{
	return (ddbgt_gsi *)ddbgt_table_find_gsi(t, name);
}

int ddbgt_table_remove_gsi(ddbgt_table *t, const char *name)
{
	ddbgt_gsi *g;
	size_t i;

	if (t == NULL || name == NULL)
		return DDBGT_EINVAL;
	i = gsi_index(t, name);
	if (i == SIZE_MAX)
		return DDBGT_ENOTFOUND;
	g = t->gsis.items[i];
	ddbgt__ptrlist_remove_at(&t->gsis, i);
	ddbgt__gsi_destroy(g);
	return 0;
}

/* Local secondary indexes. */

int ddbgt_table_add_lsi(ddbgt_table *t, ddbgt_lsi *l)
{
	int rc;

	if (t == NULL || l == NULL)
		return DDBGT_EINVAL;
	if (l->table != NULL)
		return DDBGT_EBUSY;
	rc = ddbgt__ptrlist_push(&t->lsis, l);
	if (rc == 0)
		l->table = t;
	return rc;
}

size_t ddbgt_table_lsi_count(const ddbgt_table *t)
{
	return t != NULL ? t->lsis.count : 0;
}

const ddbgt_lsi *ddbgt_table_lsi_at(const ddbgt_table *t, size_t i)
{
	return t != NULL && i < t->lsis.count ? t->lsis.items[i] : NULL;
}

ddbgt_lsi *ddbgt_table_lsi_at_mut(ddbgt_table *t, size_t i)
{
	return (ddbgt_lsi *)ddbgt_table_lsi_at(t, i);
}

static size_t lsi_index(const ddbgt_table *t, const char *name)
{
	for (size_t i = 0; i < t->lsis.count; i++) {
		const ddbgt_lsi *l = t->lsis.items[i];
		if (strcmp(l->name, name) == 0)
			return i;
	}
	return SIZE_MAX;
}

const ddbgt_lsi *ddbgt_table_find_lsi(const ddbgt_table *t, const char *name)
{
	size_t i;

	if (t == NULL || name == NULL)
		return NULL;
	i = lsi_index(t, name);
	return i != SIZE_MAX ? t->lsis.items[i] : NULL;
}

ddbgt_lsi *ddbgt_table_find_lsi_mut(ddbgt_table *t, const char *name)
{
	return (ddbgt_lsi *)ddbgt_table_find_lsi(t, name);
}

int ddbgt_table_remove_lsi(ddbgt_table *t, const char *name)
{
	ddbgt_lsi *l;
	size_t i;

	if (t == NULL || name == NULL)
		return DDBGT_EINVAL;
	i = lsi_index(t, name);
	if (i == SIZE_MAX)
		return DDBGT_ENOTFOUND;
	l = t->lsis.items[i];
	ddbgt__ptrlist_remove_at(&t->lsis, i);
	ddbgt__lsi_destroy(l);
	return 0;
}

/* Policy and usage. */

const ddbgt_policy *ddbgt_table_policy(const ddbgt_table *t)
{
	return t != NULL ? t->policy : NULL;
}

ddbgt_policy *ddbgt_table_policy_mut(ddbgt_table *t)
{
	return (ddbgt_policy *)ddbgt_table_policy(t);
}

const ddbgt_usage *ddbgt_table_usage(const ddbgt_table *t)
{
	return t != NULL ? t->usage : NULL;
}

ddbgt_usage *ddbgt_table_usage_mut(ddbgt_table *t)
{
	return (ddbgt_usage *)ddbgt_table_usage(t);
}

int ddbgt_table_set_policy(ddbgt_table *t, const ddbgt_policy *src)
{
	ddbgt_policy *copy;
	int rc;

	if (t == NULL || src == NULL)
		return DDBGT_EINVAL;
	rc = ddbgt_policy_copy(&copy, src);
	if (rc != 0)
		return rc;
	ddbgt__policy_destroy(t->policy);
	copy->table = t;
	t->policy = copy;
	return 0;
}

int ddbgt_table_set_usage(ddbgt_table *t, const ddbgt_usage *src)
{
	ddbgt_usage *copy;
	int rc;

	if (t == NULL || src == NULL)
		return DDBGT_EINVAL;
	rc = ddbgt_usage_copy(&copy, src);
	if (rc != 0)
		return rc;
	ddbgt__usage_destroy(t->usage);
	copy->table = t;
	t->usage = copy;
	return 0;
}
