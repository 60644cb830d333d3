/* Global and local secondary indexes. */
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "ddbgt/index.h"
#include "utf8.h"

#define PROJECTION_OK(p) DDBGT__ENUM_OK(p, DDBGT_PROJECTION_INCLUDE)
#define ATTR_TYPE_OK(t) DDBGT__ENUM_OK(t, DDBGT_ATTR_B)

static ddbgt_projection effective_projection(ddbgt_projection p)
{
	return p != DDBGT_PROJECTION_UNSET ? p : DDBGT_PROJECTION_ALL;
}

/* Global secondary indexes. */

int ddbgt_gsi_new(ddbgt_gsi **out, const char *name)
{
	ddbgt_gsi *g;
	char *copy;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	if (name == NULL)
		return DDBGT_EINVAL;
	g = ddbgt__calloc_named(sizeof(*g), name, &copy);
	if (g == NULL)
		return DDBGT_ENOMEM;
	g->name = copy;
	*out = g;
	return 0;
}

void ddbgt__gsi_destroy(ddbgt_gsi *g)
{
	if (g == NULL)
		return;
	ddbgt__free_name(g, sizeof(*g), g->name);
	ddbgt__free(g->capacity);
	ddbgt__key_side_clear(&g->partition_key);
	ddbgt__key_side_clear(&g->sort_key);
	ddbgt__strlist_clear(&g->non_key_attributes);
	ddbgt__free(g);
}

void ddbgt_gsi_free(ddbgt_gsi *g)
{
	if (g != NULL && g->table == NULL)
		ddbgt__gsi_destroy(g);
}

int ddbgt_gsi_copy(ddbgt_gsi **out, const ddbgt_gsi *src)
{
	ddbgt_gsi *g;
	char *name;
	int rc;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (src == NULL)
		return DDBGT_EINVAL;
	/* Built as ddbgt_gsi_new builds it: ddbgt__free_name tells the name apart by its place. */
	g = ddbgt__calloc_named(sizeof(*g), src->name, &name);
	if (g == NULL)
		return DDBGT_ENOMEM;
	g->name = name;
	g->projection = src->projection;
	memcpy(g->on_demand_max, src->on_demand_max, sizeof(g->on_demand_max));
	memcpy(g->warm_throughput, src->warm_throughput, sizeof(g->warm_throughput));
	rc = ddbgt__capacity_copy(&g->capacity, src->capacity, 2);
	rc = rc ? rc : ddbgt__key_side_copy(&g->partition_key, &src->partition_key);
	rc = rc ? rc : ddbgt__key_side_copy(&g->sort_key, &src->sort_key);
	rc = rc ? rc : ddbgt__strlist_copy(&g->non_key_attributes, &src->non_key_attributes);
	if (rc != 0) {
		ddbgt__gsi_destroy(g);
		return rc;
	}
	*out = g;
	return 0;
}

const ddbgt_table *ddbgt_gsi_table(const ddbgt_gsi *g)
{
	return g != NULL ? g->table : NULL;
}

int ddbgt_gsi_set_name(ddbgt_gsi *g, const char *name)
{
	if (g == NULL || name == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	return ddbgt__set_name(g, sizeof(*g), &g->name, name);
}

const char *ddbgt_gsi_name(const ddbgt_gsi *g)
{
	return g != NULL ? g->name : NULL;
}

int ddbgt_gsi_set_partition_key(ddbgt_gsi *g, const char *attribute)
{
	return ddbgt_gsi_set_partition_key_typed(g, attribute, DDBGT_ATTR_UNSET);
}

const char *ddbgt_gsi_partition_key(const ddbgt_gsi *g)
{
	return g != NULL ? ddbgt__key_side_single(&g->partition_key) : NULL;
}

int ddbgt_gsi_set_sort_key(ddbgt_gsi *g, const char *attribute)
{
	return ddbgt_gsi_set_sort_key_typed(g, attribute, DDBGT_ATTR_UNSET);
}

const char *ddbgt_gsi_sort_key(const ddbgt_gsi *g)
{
	return g != NULL ? ddbgt__key_side_single(&g->sort_key) : NULL;
}

int ddbgt_gsi_set_partition_key_typed(ddbgt_gsi *g, const char *attribute, ddbgt_attr_type type)
{
	if (g == NULL || attribute == NULL || !ATTR_TYPE_OK(type) || !ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__key_side_set(&g->partition_key, attribute, type);
}

int ddbgt_gsi_set_sort_key_typed(ddbgt_gsi *g, const char *attribute, ddbgt_attr_type type)
{
	if (g == NULL || !ATTR_TYPE_OK(type) || !ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__key_side_set(&g->sort_key, attribute, type);
}

int ddbgt_gsi_add_partition_key_attribute(ddbgt_gsi *g, const char *attribute,
                                          ddbgt_attr_type type)
{
	if (g == NULL || attribute == NULL || !ATTR_TYPE_OK(type) || !ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__key_side_add(&g->partition_key, attribute, type);
}

int ddbgt_gsi_add_sort_key_attribute(ddbgt_gsi *g, const char *attribute, ddbgt_attr_type type)
{
	if (g == NULL || attribute == NULL || !ATTR_TYPE_OK(type) || !ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__key_side_add(&g->sort_key, attribute, type);
}

static const ddbgt__key_side *gsi_side(const ddbgt_gsi *g, int sort)
{
	if (g == NULL)
		return NULL;
	return sort ? &g->sort_key : &g->partition_key;
}

static size_t side_count(const ddbgt__key_side *side)
{
	return side != NULL ? side->count : 0;
}

static const char *side_name(const ddbgt__key_side *side, size_t i)
{
	return side != NULL && i < side->count ? side->attrs[i].name : NULL;
}

static ddbgt_attr_type side_type(const ddbgt__key_side *side, size_t i)
{
	return side != NULL && i < side->count ? side->attrs[i].type : DDBGT_ATTR_UNSET;
}

size_t ddbgt_gsi_partition_key_attribute_count(const ddbgt_gsi *g)
{
	return side_count(gsi_side(g, 0));
}

const char *ddbgt_gsi_partition_key_attribute_name(const ddbgt_gsi *g, size_t i)
{
	return side_name(gsi_side(g, 0), i);
}

ddbgt_attr_type ddbgt_gsi_partition_key_attribute_type(const ddbgt_gsi *g, size_t i)
{
	return side_type(gsi_side(g, 0), i);
}

int ddbgt_gsi_partition_key_is_multi_attribute(const ddbgt_gsi *g)
{
	return g != NULL && g->partition_key.multi;
}

size_t ddbgt_gsi_sort_key_attribute_count(const ddbgt_gsi *g)
{
	return side_count(gsi_side(g, 1));
}

const char *ddbgt_gsi_sort_key_attribute_name(const ddbgt_gsi *g, size_t i)
{
	return side_name(gsi_side(g, 1), i);
}

ddbgt_attr_type ddbgt_gsi_sort_key_attribute_type(const ddbgt_gsi *g, size_t i)
{
	return side_type(gsi_side(g, 1), i);
}

int ddbgt_gsi_sort_key_is_multi_attribute(const ddbgt_gsi *g)
{
	return g != NULL && g->sort_key.multi;
}

int ddbgt_gsi_set_projection(ddbgt_gsi *g, ddbgt_projection projection)
{
	if (g == NULL || !PROJECTION_OK(projection))
		return DDBGT_EINVAL;
	g->projection = projection;
	return 0;
}

ddbgt_projection ddbgt_gsi_projection(const ddbgt_gsi *g)
{
	return g != NULL ? effective_projection(g->projection) : DDBGT_PROJECTION_UNSET;
}

int ddbgt_gsi_add_non_key_attribute(ddbgt_gsi *g, const char *attribute)
{
	if (g == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__strlist_push(&g->non_key_attributes, attribute);
}

int ddbgt_gsi_clear_non_key_attributes(ddbgt_gsi *g)
{
	if (g == NULL)
		return DDBGT_EINVAL;
	ddbgt__strlist_clear(&g->non_key_attributes);
	return 0;
}

size_t ddbgt_gsi_non_key_attribute_count(const ddbgt_gsi *g)
{
	return g != NULL ? g->non_key_attributes.count : 0;
}

const char *ddbgt_gsi_non_key_attribute_at(const ddbgt_gsi *g, size_t i)
{
	return g != NULL ? ddbgt__strlist_at(&g->non_key_attributes, i) : NULL;
}

int ddbgt_gsi_set_capacity(ddbgt_gsi *g, ddbgt_rw rw, int64_t units)
{
	return ddbgt__sides_set_units(g != NULL ? &g->capacity : NULL, rw, units);
}

int ddbgt_gsi_get_capacity(const ddbgt_gsi *g, ddbgt_rw rw, int64_t *units)
{
	return ddbgt__sides_get_units(g != NULL ? &g->capacity : NULL, rw, units);
}

int ddbgt_gsi_clear_capacity(ddbgt_gsi *g, ddbgt_rw rw)
{
	return ddbgt__sides_clear_units(g != NULL ? &g->capacity : NULL, rw);
}

int ddbgt_gsi_set_autoscaling(ddbgt_gsi *g, ddbgt_rw rw, int64_t min, int64_t max,
                              double target_utilization)
{
	return ddbgt__sides_set_autoscaling(g != NULL ? &g->capacity : NULL, rw, min, max,
	                                    target_utilization);
}

int ddbgt_gsi_get_autoscaling(const ddbgt_gsi *g, ddbgt_rw rw, int64_t *min, int64_t *max,
                              double *target_utilization)
{
	return ddbgt__sides_get_autoscaling(g != NULL ? &g->capacity : NULL, rw, min, max,
	                                    target_utilization);
}

int ddbgt_gsi_clear_autoscaling(ddbgt_gsi *g, ddbgt_rw rw)
{
	return ddbgt__sides_clear_autoscaling(g != NULL ? &g->capacity : NULL, rw);
}

int ddbgt_gsi_set_on_demand_max(ddbgt_gsi *g, ddbgt_rw rw, int64_t units)
{
	return ddbgt__opt_sides_set(g != NULL ? g->on_demand_max : NULL, rw, units);
}

int ddbgt_gsi_get_on_demand_max(const ddbgt_gsi *g, ddbgt_rw rw, int64_t *units)
{
	return ddbgt__opt_sides_get(g != NULL ? g->on_demand_max : NULL, rw, units);
}

int ddbgt_gsi_clear_on_demand_max(ddbgt_gsi *g, ddbgt_rw rw)
{
	return ddbgt__opt_sides_clear(g != NULL ? g->on_demand_max : NULL, rw);
}

int ddbgt_gsi_set_autoscaling_tuning(ddbgt_gsi *g, ddbgt_rw rw, int64_t scale_in_cooldown,
                                     int64_t scale_out_cooldown, int disable_scale_in)
{
	return ddbgt__sides_set_tuning(g != NULL ? &g->capacity : NULL, rw, scale_in_cooldown,
	                               scale_out_cooldown, disable_scale_in);
}

int ddbgt_gsi_get_autoscaling_tuning(const ddbgt_gsi *g, ddbgt_rw rw,
                                     int64_t *scale_in_cooldown, int64_t *scale_out_cooldown,
                                     int *disable_scale_in)
{
	return ddbgt__sides_get_tuning(g != NULL ? &g->capacity : NULL, rw, scale_in_cooldown,
	                               scale_out_cooldown, disable_scale_in);
}

int ddbgt_gsi_set_warm_throughput(ddbgt_gsi *g, ddbgt_rw rw, int64_t units_per_second)
{
	return ddbgt__opt_sides_set(g != NULL ? g->warm_throughput : NULL, rw, units_per_second);
}

int ddbgt_gsi_get_warm_throughput(const ddbgt_gsi *g, ddbgt_rw rw, int64_t *units_per_second)
{
	return ddbgt__opt_sides_get(g != NULL ? g->warm_throughput : NULL, rw, units_per_second);
}

int ddbgt_gsi_clear_warm_throughput(ddbgt_gsi *g, ddbgt_rw rw)
{
	return ddbgt__opt_sides_clear(g != NULL ? g->warm_throughput : NULL, rw);
}

/* Local secondary indexes. */

int ddbgt_lsi_new(ddbgt_lsi **out, const char *name)
{
	ddbgt_lsi *l;
	char *copy;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	if (name == NULL)
		return DDBGT_EINVAL;
	l = ddbgt__calloc_named(sizeof(*l), name, &copy);
	if (l == NULL)
		return DDBGT_ENOMEM;
	l->name = copy;
	*out = l;
	return 0;
}

void ddbgt__lsi_destroy(ddbgt_lsi *l)
{
	if (l == NULL)
		return;
	ddbgt__free_name(l, sizeof(*l), l->name);
	ddbgt__key_side_clear(&l->sort_key);
	ddbgt__strlist_clear(&l->non_key_attributes);
	ddbgt__free(l);
}

void ddbgt_lsi_free(ddbgt_lsi *l)
{
	if (l != NULL && l->table == NULL)
		ddbgt__lsi_destroy(l);
}

int ddbgt_lsi_copy(ddbgt_lsi **out, const ddbgt_lsi *src)
{
	ddbgt_lsi *l;
	char *name;
	int rc;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (src == NULL)
		return DDBGT_EINVAL;
	/* Built as ddbgt_lsi_new builds it: ddbgt__free_name tells the name apart by its place. */
	l = ddbgt__calloc_named(sizeof(*l), src->name, &name);
	if (l == NULL)
		return DDBGT_ENOMEM;
	l->name = name;
	l->projection = src->projection;
	rc = ddbgt__key_side_copy(&l->sort_key, &src->sort_key);
	rc = rc ? rc : ddbgt__strlist_copy(&l->non_key_attributes, &src->non_key_attributes);
	if (rc != 0) {
		ddbgt__lsi_destroy(l);
		return rc;
	}
	*out = l;
	return 0;
}

const ddbgt_table *ddbgt_lsi_table(const ddbgt_lsi *l)
{
	return l != NULL ? l->table : NULL;
}

int ddbgt_lsi_set_name(ddbgt_lsi *l, const char *name)
{
	if (l == NULL || name == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(name))
		return DDBGT_EINVAL;
	return ddbgt__set_name(l, sizeof(*l), &l->name, name);
}

const char *ddbgt_lsi_name(const ddbgt_lsi *l)
{
	return l != NULL ? l->name : NULL;
}

int ddbgt_lsi_set_sort_key(ddbgt_lsi *l, const char *attribute)
{
	return ddbgt_lsi_set_sort_key_typed(l, attribute, DDBGT_ATTR_UNSET);
}

const char *ddbgt_lsi_sort_key(const ddbgt_lsi *l)
{
	return l != NULL ? ddbgt__key_side_single(&l->sort_key) : NULL;
}

int ddbgt_lsi_set_sort_key_typed(ddbgt_lsi *l, const char *attribute, ddbgt_attr_type type)
{
	if (l == NULL || !ATTR_TYPE_OK(type) || !ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__key_side_set(&l->sort_key, attribute, type);
}

ddbgt_attr_type ddbgt_lsi_sort_key_type(const ddbgt_lsi *l)
{
	return l != NULL ? side_type(&l->sort_key, 0) : DDBGT_ATTR_UNSET;
}

int ddbgt_lsi_set_projection(ddbgt_lsi *l, ddbgt_projection projection)
{
	if (l == NULL || !PROJECTION_OK(projection))
		return DDBGT_EINVAL;
	l->projection = projection;
	return 0;
}

ddbgt_projection ddbgt_lsi_projection(const ddbgt_lsi *l)
{
	return l != NULL ? effective_projection(l->projection) : DDBGT_PROJECTION_UNSET;
}

int ddbgt_lsi_add_non_key_attribute(ddbgt_lsi *l, const char *attribute)
{
	if (l == NULL)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(attribute))
		return DDBGT_EINVAL;
	return ddbgt__strlist_push(&l->non_key_attributes, attribute);
}

int ddbgt_lsi_clear_non_key_attributes(ddbgt_lsi *l)
{
	if (l == NULL)
		return DDBGT_EINVAL;
	ddbgt__strlist_clear(&l->non_key_attributes);
	return 0;
}

size_t ddbgt_lsi_non_key_attribute_count(const ddbgt_lsi *l)
{
	return l != NULL ? l->non_key_attributes.count : 0;
}

const char *ddbgt_lsi_non_key_attribute_at(const ddbgt_lsi *l, size_t i)
{
	return l != NULL ? ddbgt__strlist_at(&l->non_key_attributes, i) : NULL;
}
