/* The small containers the model objects share: string and pointer lists,
 * the sorted string map, capacity accessors. */
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "sorted.h"

int ddbgt__bool_arg(int value)
{
	return value < 0 ? DDBGT_EINVAL : value != 0;
}

int ddbgt__tristate_arg(int value, int *out)
{
	if (value < DDBGT_INHERIT)
		return DDBGT_EINVAL;
	*out = value == DDBGT_INHERIT ? DDBGT_INHERIT : value != 0;
	return 0;
}

int ddbgt__strlist_push(ddbgt__strlist *list, const char *s)
{
	char *copy;
	int rc;

	if (s == NULL)
		return DDBGT_EINVAL;
	rc = ddbgt__grow((void **)&list->items, &list->cap, list->count + 1, sizeof(*list->items));
	if (rc != 0)
		return rc;
	copy = ddbgt__strdup(s);
	if (copy == NULL)
		return DDBGT_ENOMEM;
	list->items[list->count++] = copy;
	return 0;
}

void ddbgt__strlist_clear(ddbgt__strlist *list)
{
	for (size_t i = 0; i < list->count; i++)
		ddbgt__free(list->items[i]);
	ddbgt__free(list->items);
	list->items = NULL;
	list->count = 0;
	list->cap = 0;
}

int ddbgt__strlist_copy(ddbgt__strlist *dst, const ddbgt__strlist *src)
{
	ddbgt__strlist copy = {0};

	for (size_t i = 0; i < src->count; i++) {
		int rc = ddbgt__strlist_push(&copy, src->items[i]);
		if (rc != 0) {
			ddbgt__strlist_clear(&copy);
			return rc;
		}
	}
	ddbgt__strlist_clear(dst);
	*dst = copy;
	return 0;
}

const char *ddbgt__strlist_at(const ddbgt__strlist *list, size_t i)
{
	return i < list->count ? list->items[i] : NULL;
}

/* 1 when the name of attribute i shares its slot's block (ddbgt__key_side_set). */
static int name_in_slot_block(const ddbgt__key_side *side, size_t i)
{
	return i == 0 && side->attrs[0].name == (const char *)(side->attrs + 1);
}

void ddbgt__key_side_clear(ddbgt__key_side *side)
{
	for (size_t i = 0; i < side->count; i++)
		if (!name_in_slot_block(side, i))
			ddbgt__free(side->attrs[i].name);
	ddbgt__free(side->attrs);
	memset(side, 0, sizeof(*side));
}

/* Append to side, growing it; side is unchanged on failure. */
static int key_side_push(ddbgt__key_side *side, const char *name, ddbgt_attr_type type)
{
	char *copy;
	int rc = ddbgt__grow((void **)&side->attrs, &side->cap, side->count + 1,
	                     sizeof(*side->attrs));

	if (rc != 0)
		return rc;
	copy = ddbgt__strdup(name);
	if (copy == NULL)
		return DDBGT_ENOMEM;
	side->attrs[side->count++] = (ddbgt__attribute){copy, type};
	return 0;
}

int ddbgt__key_side_set(ddbgt__key_side *side, const char *name, ddbgt_attr_type type)
{
	ddbgt__key_side fresh = {0};

	/*
	 * One slot, not the list's first four, with the name right after it in
	 * the same block: every table and index holds single keys, and one
	 * allocation instead of two is most of the cost of setting one.
	 */
	if (name != NULL) {
		size_t size = strlen(name) + 1;
		if (size > SIZE_MAX - sizeof(*fresh.attrs))
			return DDBGT_ENOMEM;
		fresh.attrs = ddbgt__malloc(sizeof(*fresh.attrs) + size);
		if (fresh.attrs == NULL)
			return DDBGT_ENOMEM;
		fresh.attrs[0] = (ddbgt__attribute){memcpy(fresh.attrs + 1, name, size), type};
		fresh.count = fresh.cap = 1;
	}
	ddbgt__key_side_clear(side);
	*side = fresh;
	return 0;
}

int ddbgt__key_side_add(ddbgt__key_side *side, const char *name, ddbgt_attr_type type)
{
	ddbgt__key_side fresh = {0};
	int rc;

	if (side->multi)
		return key_side_push(side, name, type);
	/* A single key becomes a new list: the two forms never mix on one side. */
	rc = key_side_push(&fresh, name, type);
	if (rc != 0) {
		ddbgt__key_side_clear(&fresh);
		return rc;
	}
	fresh.multi = 1;
	ddbgt__key_side_clear(side);
	*side = fresh;
	return 0;
}

int ddbgt__key_side_copy(ddbgt__key_side *dst, const ddbgt__key_side *src)
{
	ddbgt__key_side copy = {0};

	for (size_t i = 0; i < src->count; i++) {
		int rc = key_side_push(&copy, src->attrs[i].name, src->attrs[i].type);
		if (rc != 0) {
			ddbgt__key_side_clear(&copy);
			return rc;
		}
	}
	copy.multi = src->multi;
	ddbgt__key_side_clear(dst);
	*dst = copy;
	return 0;
}

void ddbgt__key_side_start_list(ddbgt__key_side *side)
{
	ddbgt__key_side_clear(side);
	side->multi = 1;
}

const char *ddbgt__key_side_single(const ddbgt__key_side *side)
{
	return !side->multi && side->count == 1 ? side->attrs[0].name : NULL;
}

int ddbgt__ptrlist_push(ddbgt__ptrlist *list, void *p)
{
	int rc = ddbgt__grow((void **)&list->items, &list->cap, list->count + 1,
	                     sizeof(*list->items));
	if (rc != 0)
		return rc;
	list->items[list->count++] = p;
	return 0;
}

void ddbgt__ptrlist_remove_at(ddbgt__ptrlist *list, size_t i)
{
	if (i >= list->count)
		return;
	memmove(&list->items[i], &list->items[i + 1], (list->count - i - 1) * sizeof(*list->items));
	list->count--;
}

void ddbgt__ptrlist_free(ddbgt__ptrlist *list)
{
	ddbgt__free(list->items);
	list->items = NULL;
	list->count = 0;
	list->cap = 0;
}

/* Binary search: 1 and the index when found, else 0 and the insertion point. */
static int map_find(const ddbgt__map *map, const char *key, size_t *pos)
{
	return ddbgt__sorted_find(map->entries, map->count, sizeof *map->entries,
	                          offsetof(ddbgt__map_entry, key), key, pos);
}

ddbgt__map_entry *ddbgt__map_get(const ddbgt__map *map, const char *key)
{
	size_t pos;

	if (key == NULL || !map_find(map, key, &pos))
		return NULL;
	return &map->entries[pos];
}

/* Insert an entry for the owned key at pos (from map_find); DDBGT_ENOMEM changes nothing. */
static int map_insert(ddbgt__map *map, size_t pos, char *key, ddbgt__map_entry **out)
{
	int rc = ddbgt__grow((void **)&map->entries, &map->cap, map->count + 1,
	                     sizeof(*map->entries));

	if (rc != 0)
		return rc;
	memmove(&map->entries[pos + 1], &map->entries[pos],
	        (map->count - pos) * sizeof(*map->entries));
	memset(&map->entries[pos], 0, sizeof(*map->entries));
	map->entries[pos].key = key;
	map->count++;
	*out = &map->entries[pos];
	return 0;
}

int ddbgt__map_put(ddbgt__map *map, const char *key, ddbgt__map_entry **out)
{
	size_t pos;
	char *copy;
	int rc;

	if (key == NULL)
		return DDBGT_EINVAL;
	if (map_find(map, key, &pos)) {
		*out = &map->entries[pos];
		return 0;
	}
	copy = ddbgt__strdup(key);
	if (copy == NULL)
		return DDBGT_ENOMEM;
	rc = map_insert(map, pos, copy, out);
	if (rc != 0)
		ddbgt__free(copy);
	return rc;
}

/*
 * A text entry's key and its first text share one block, "key\0text\0": one
 * allocation per tag instead of two. A text set later is a copy of its own;
 * the first text's bytes stay in the key's block, so no other block can
 * start where text_in_key_block looks.
 */
static char *key_and_text(const char *key, const char *text, char **text_out)
{
	size_t k = strlen(key) + 1, t = strlen(text) + 1;
	char *block;

	if (t > SIZE_MAX - k)
		return NULL;
	block = ddbgt__malloc(k + t);
	if (block == NULL)
		return NULL;
	memcpy(block, key, k);
	*text_out = memcpy(block + k, text, t);
	return block;
}

static int text_in_key_block(const ddbgt__map_entry *e)
{
	return e->key != NULL && e->text == e->key + strlen(e->key) + 1;
}

static void entry_free(ddbgt__map_entry *e)
{
	if (!text_in_key_block(e))
		ddbgt__free(e->text);
	ddbgt__free(e->key);
	ddbgt__free(e->gsi);
}

int ddbgt__map_remove(ddbgt__map *map, const char *key)
{
	size_t pos;

	if (key == NULL)
		return DDBGT_EINVAL;
	if (!map_find(map, key, &pos))
		return DDBGT_ENOTFOUND;
	entry_free(&map->entries[pos]);
	memmove(&map->entries[pos], &map->entries[pos + 1],
	        (map->count - pos - 1) * sizeof(*map->entries));
	map->count--;
	return 0;
}

void ddbgt__map_clear(ddbgt__map *map)
{
	for (size_t i = 0; i < map->count; i++)
		entry_free(&map->entries[i]);
	ddbgt__free(map->entries);
	map->entries = NULL;
	map->count = 0;
	map->cap = 0;
}

int ddbgt__map_copy(ddbgt__map *dst, const ddbgt__map *src)
{
	ddbgt__map copy = {0};

	if (src->count > 0) {
		copy.entries = ddbgt__calloc(src->count, sizeof(*copy.entries));
		if (copy.entries == NULL)
			return DDBGT_ENOMEM;
		copy.cap = src->count;
	}
	for (size_t i = 0; i < src->count; i++) {
		ddbgt__map_entry *e = &copy.entries[i];
		*e = src->entries[i];
		e->text = NULL;
		e->key = src->entries[i].text != NULL
		                 ? key_and_text(src->entries[i].key, src->entries[i].text, &e->text)
		                 : ddbgt__strdup(src->entries[i].key);
		e->gsi = NULL;
		if (src->entries[i].gsi != NULL && (e->gsi = ddbgt__malloc(sizeof(*e->gsi))) != NULL)
			*e->gsi = *src->entries[i].gsi;
		copy.count++;
		if (e->key == NULL || (src->entries[i].gsi != NULL && e->gsi == NULL)) {
			ddbgt__map_clear(&copy);
			return DDBGT_ENOMEM;
		}
	}
	ddbgt__map_clear(dst);
	*dst = copy;
	return 0;
}

const ddbgt__map_entry *ddbgt__map_at(const ddbgt__map *map, size_t i)
{
	return i < map->count ? &map->entries[i] : NULL;
}

int ddbgt__tags_set(ddbgt__map *tags, const char *key, const char *value)
{
	ddbgt__map_entry *e;
	size_t pos;
	char *block, *copy;
	int rc;

	if (key == NULL || value == NULL)
		return DDBGT_EINVAL;
	if (map_find(tags, key, &pos)) {
		e = &tags->entries[pos];
		copy = ddbgt__strdup(value);
		if (copy == NULL)
			return DDBGT_ENOMEM;
		if (!text_in_key_block(e))
			ddbgt__free(e->text);
		e->text = copy;
		return 0;
	}
	block = key_and_text(key, value, &copy);
	if (block == NULL)
		return DDBGT_ENOMEM;
	rc = map_insert(tags, pos, block, &e);
	if (rc != 0) {
		ddbgt__free(block);
		return rc;
	}
	e->text = copy;
	return 0;
}

int ddbgt__opt_int_get(const ddbgt__opt_int *o, int64_t *value)
{
	if (!o->set) {
		if (value != NULL)
			*value = 0;
		return DDBGT_ENOTFOUND;
	}
	if (value != NULL)
		*value = o->value;
	return 0;
}

int ddbgt__capacity_get_units(const ddbgt__capacity *c, int64_t *units)
{
	return ddbgt__opt_int_get(&c->units, units);
}

int ddbgt__capacity_get_autoscaling(const ddbgt__capacity *c, int64_t *min, int64_t *max,
                                    double *target_utilization)
{
	const ddbgt__autoscaling *a = &c->autoscaling;

	if (min != NULL)
		*min = a->set ? a->min : 0;
	if (max != NULL)
		*max = a->set ? a->max : 0;
	if (target_utilization != NULL)
		*target_utilization = a->set ? a->target_utilization : 0.0;
	return a->set ? 0 : DDBGT_ENOTFOUND;
}

int ddbgt__capacity_copy(ddbgt__capacity **dst, const ddbgt__capacity *src, size_t n)
{
	*dst = NULL;
	if (src == NULL)
		return 0;
	*dst = ddbgt__malloc(n * sizeof(*src));
	if (*dst == NULL)
		return DDBGT_ENOMEM;
	memcpy(*dst, src, n * sizeof(*src));
	return 0;
}

/*
 * The read/write pairs of the table and its GSIs: *sides is NULL until a
 * side is first set, when both are allocated; sides itself is NULL for a
 * NULL handle (DDBGT_EINVAL).
 */
static ddbgt__capacity *side_for_set(ddbgt__capacity **sides, ddbgt_rw rw, int *rc)
{
	*rc = 0;
	if (sides == NULL || !DDBGT__RW_OK(rw)) {
		*rc = DDBGT_EINVAL;
		return NULL;
	}
	if (*sides == NULL && (*sides = ddbgt__calloc(2, sizeof(**sides))) == NULL) {
		*rc = DDBGT_ENOMEM;
		return NULL;
	}
	return &(*sides)[rw];
}

/* The side to read: an empty one when none was set, NULL (with DDBGT_EINVAL) for bad arguments. */
static const ddbgt__capacity *side_for_get(ddbgt__capacity *const *sides, ddbgt_rw rw)
{
	static const ddbgt__capacity none;

	if (sides == NULL || !DDBGT__RW_OK(rw))
		return NULL;
	return *sides != NULL ? &(*sides)[rw] : &none;
}

int ddbgt__sides_set_units(ddbgt__capacity **sides, ddbgt_rw rw, int64_t units)
{
	int rc;
	ddbgt__capacity *c = side_for_set(sides, rw, &rc);

	if (c != NULL)
		c->units = (ddbgt__opt_int){1, units};
	return rc;
}

int ddbgt__sides_get_units(ddbgt__capacity *const *sides, ddbgt_rw rw, int64_t *units)
{
	static const ddbgt__capacity none;
	const ddbgt__capacity *c = side_for_get(sides, rw);
	int rc = ddbgt__capacity_get_units(c != NULL ? c : &none, units);

	return c != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt__sides_clear_units(ddbgt__capacity **sides, ddbgt_rw rw)
{
	if (sides == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	if (*sides != NULL)
		memset(&(*sides)[rw].units, 0, sizeof((*sides)[rw].units));
	return 0;
}

int ddbgt__sides_set_autoscaling(ddbgt__capacity **sides, ddbgt_rw rw, int64_t min, int64_t max,
                                 double target_utilization)
{
	int rc;
	ddbgt__capacity *c = side_for_set(sides, rw, &rc);

	if (c != NULL) {
		c->autoscaling.set = 1;
		c->autoscaling.min = min;
		c->autoscaling.max = max;
		c->autoscaling.target_utilization = target_utilization;
	}
	return rc;
}

int ddbgt__sides_get_autoscaling(ddbgt__capacity *const *sides, ddbgt_rw rw, int64_t *min,
                                 int64_t *max, double *target_utilization)
{
	static const ddbgt__capacity none;
	const ddbgt__capacity *c = side_for_get(sides, rw);
	int rc = ddbgt__capacity_get_autoscaling(c != NULL ? c : &none, min, max,
	                                         target_utilization);

	return c != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt__sides_clear_autoscaling(ddbgt__capacity **sides, ddbgt_rw rw)
{
	if (sides == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	if (*sides != NULL)
		memset(&(*sides)[rw].autoscaling, 0, sizeof((*sides)[rw].autoscaling));
	return 0;
}

int ddbgt__autoscaling_set_tuning(ddbgt__autoscaling *a, int64_t scale_in_cooldown,
                                  int64_t scale_out_cooldown, int disable_scale_in)
{
	if (scale_in_cooldown < -1 || scale_out_cooldown < -1 || disable_scale_in < DDBGT_INHERIT)
		return DDBGT_EINVAL;
	if (!a->set)
		return DDBGT_ENOTFOUND;
	a->scale_in_cooldown = (ddbgt__opt_int){scale_in_cooldown >= 0, scale_in_cooldown};
	a->scale_out_cooldown = (ddbgt__opt_int){scale_out_cooldown >= 0, scale_out_cooldown};
	a->disable_scale_in = (ddbgt__opt_int){disable_scale_in != DDBGT_INHERIT,
	                                        disable_scale_in != 0 && disable_scale_in != DDBGT_INHERIT};
	return 0;
}

int ddbgt__autoscaling_get_tuning(const ddbgt__autoscaling *a, int64_t *scale_in_cooldown,
                                  int64_t *scale_out_cooldown, int *disable_scale_in)
{
	int found = a != NULL && a->set;

	if (scale_in_cooldown != NULL)
		*scale_in_cooldown = found && a->scale_in_cooldown.set ? a->scale_in_cooldown.value : -1;
	if (scale_out_cooldown != NULL)
		*scale_out_cooldown = found && a->scale_out_cooldown.set ? a->scale_out_cooldown.value
		                                                         : -1;
	if (disable_scale_in != NULL)
		*disable_scale_in = found && a->disable_scale_in.set ? (int)a->disable_scale_in.value
		                                                     : DDBGT_INHERIT;
	return found ? 0 : DDBGT_ENOTFOUND;
}

int ddbgt__sides_set_tuning(ddbgt__capacity **sides, ddbgt_rw rw, int64_t scale_in_cooldown,
                            int64_t scale_out_cooldown, int disable_scale_in)
{
	/* Tuning needs autoscaling, so an unset pair stays unallocated: the check runs on a blank. */
	ddbgt__autoscaling blank = {0};

	if (sides == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	return ddbgt__autoscaling_set_tuning(*sides != NULL ? &(*sides)[rw].autoscaling : &blank,
	                                     scale_in_cooldown, scale_out_cooldown,
	                                     disable_scale_in);
}

int ddbgt__sides_get_tuning(ddbgt__capacity *const *sides, ddbgt_rw rw,
                            int64_t *scale_in_cooldown, int64_t *scale_out_cooldown,
                            int *disable_scale_in)
{
	const ddbgt__capacity *c = side_for_get(sides, rw);
	int rc = ddbgt__autoscaling_get_tuning(c != NULL ? &c->autoscaling : NULL, scale_in_cooldown,
	                                       scale_out_cooldown, disable_scale_in);

	return c != NULL ? rc : DDBGT_EINVAL;
}

int ddbgt__opt_sides_set(ddbgt__opt_int *sides, ddbgt_rw rw, int64_t value)
{
	if (sides == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	sides[rw].set = 1;
	sides[rw].value = value;
	return 0;
}

int ddbgt__opt_sides_get(const ddbgt__opt_int *sides, ddbgt_rw rw, int64_t *value)
{
	static const ddbgt__opt_int none;

	if (sides == NULL || !DDBGT__RW_OK(rw)) {
		ddbgt__opt_int_get(&none, value);
		return DDBGT_EINVAL;
	}
	return ddbgt__opt_int_get(&sides[rw], value);
}

int ddbgt__opt_sides_clear(ddbgt__opt_int *sides, ddbgt_rw rw)
{
	if (sides == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	memset(&sides[rw], 0, sizeof(sides[rw]));
	return 0;
}
