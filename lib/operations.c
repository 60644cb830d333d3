/*
 * The operations object of the model: which alarms, dashboard and IAM
 * documents the emitters write with the table. It holds what the user gave;
 * ddbgt_operations_alarm_setting_effective applies the documented defaults
 * (doc/operations.md gives the reason for each).
 */
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "utf8.h"

/* Indexed by ddbgt_alarm_setting; the reasons are in doc/operations.md. */
static const int64_t alarm_defaults[DDBGT__ALARM_SETTINGS] = {
	60000, /* replication latency: a minute behind, against a normal second or less */
	5,     /* five periods in breach: a sustained problem, not one slow batch */
	60,    /* one minute, the period DynamoDB publishes its metrics at */
	1,     /* throttle alarms on */
	1,     /* system error alarm on */
	80,    /* utilisation: room for a burst before provisioned capacity throttles */
};

static const char *const iam_names[DDBGT__IAM_POLICIES] = {
	"read", "read_write", "stream_consumer", "deployer",
};

static ddbgt_operations *operations_new(void)
{
	ddbgt_operations *ops = ddbgt__calloc(1, sizeof(*ops));
	if (ops == NULL)
		return NULL;
	ops->alarms = DDBGT__NOT_SET;
	ops->dashboard = DDBGT__NOT_SET;
	ops->iam_as_outputs = DDBGT__NOT_SET;
	ops->kms_key_policies = DDBGT__NOT_SET;
	return ops;
}

static void endpoint_free(ddbgt__vpc_endpoint *e)
{
	if (e == NULL)
		return;
	ddbgt__free(e->region);
	ddbgt__free(e->vpc_id);
	ddbgt__strlist_clear(&e->route_tables);
	ddbgt__free(e);
}

static ddbgt__vpc_endpoint *endpoint_new(const char *region, const char *vpc_id)
{
	ddbgt__vpc_endpoint *e = ddbgt__calloc(1, sizeof(*e));
	if (e == NULL)
		return NULL;
	e->restricted = DDBGT__NOT_SET;
	if (ddbgt__set_string(&e->region, region) != 0 || ddbgt__set_string(&e->vpc_id, vpc_id) != 0) {
		endpoint_free(e);
		return NULL;
	}
	return e;
}

static void endpoints_clear(ddbgt__ptrlist *list)
{
	for (size_t i = 0; i < list->count; i++)
		endpoint_free(list->items[i]);
	ddbgt__ptrlist_free(list);
}

static int endpoints_copy(ddbgt__ptrlist *dst, const ddbgt__ptrlist *src)
{
	for (size_t i = 0; i < src->count; i++) {
		const ddbgt__vpc_endpoint *from = src->items[i];
		ddbgt__vpc_endpoint *e = endpoint_new(from->region, from->vpc_id);
		if (e == NULL)
			return DDBGT_ENOMEM;
		e->restricted = from->restricted;
		if (ddbgt__strlist_copy(&e->route_tables, &from->route_tables) != 0 ||
		    ddbgt__ptrlist_push(dst, e) != 0) {
			endpoint_free(e);
			return DDBGT_ENOMEM;
		}
	}
	return 0;
}

void ddbgt__operations_destroy(ddbgt_operations *ops)
{
	if (ops == NULL)
		return;
	endpoints_clear(&ops->vpc_endpoints);
	ddbgt__map_clear(&ops->sns_topics);
	ddbgt__strlist_clear(&ops->iam_regions);
	ddbgt__strlist_clear(&ops->iam_indexes);
	ddbgt__free(ops);
}

int ddbgt__operations_copy(ddbgt_operations **out, const ddbgt_operations *src)
{
	ddbgt_operations *ops;
	int rc;

	*out = NULL;
	if (src == NULL)
		return 0;
	ops = ddbgt__calloc(1, sizeof(*ops));
	if (ops == NULL)
		return DDBGT_ENOMEM;
	*ops = *src;
	memset(&ops->sns_topics, 0, sizeof(ops->sns_topics));
	memset(&ops->iam_regions, 0, sizeof(ops->iam_regions));
	memset(&ops->iam_indexes, 0, sizeof(ops->iam_indexes));
	memset(&ops->vpc_endpoints, 0, sizeof(ops->vpc_endpoints));
	rc = ddbgt__map_copy(&ops->sns_topics, &src->sns_topics);
	rc = rc ? rc : ddbgt__strlist_copy(&ops->iam_regions, &src->iam_regions);
	rc = rc ? rc : ddbgt__strlist_copy(&ops->iam_indexes, &src->iam_indexes);
	rc = rc ? rc : endpoints_copy(&ops->vpc_endpoints, &src->vpc_endpoints);
	if (rc != 0) {
		ddbgt__operations_destroy(ops);
		return rc;
	}
	*out = ops;
	return 0;
}

const ddbgt_operations *ddbgt_table_operations(const ddbgt_table *table)
{
	return table != NULL ? table->operations : NULL;
}

ddbgt_operations *ddbgt_table_operations_mut(ddbgt_table *table)
{
	if (table == NULL)
		return NULL;
	if (table->operations == NULL)
		table->operations = operations_new();
	return table->operations;
}

/* A boolean field: 0 or 1 stored, negative values refused. */
static int set_flag(ddbgt_operations *ops, int *field, int value)
{
	int b = ddbgt__bool_arg(value);
	if (ops == NULL || b < 0)
		return DDBGT_EINVAL;
	*field = b;
	return 0;
}

int ddbgt_operations_set_alarms(ddbgt_operations *ops, int enabled)
{
	return set_flag(ops, ops ? &ops->alarms : NULL, enabled);
}

int ddbgt_operations_alarms(const ddbgt_operations *ops)
{
	return ops != NULL && ops->alarms == 1;
}

static int setting_ok(ddbgt_alarm_setting setting)
{
	return DDBGT__ENUM_OK(setting, DDBGT__ALARM_SETTINGS - 1);
}

int ddbgt_operations_set_alarm_setting(ddbgt_operations *ops, ddbgt_alarm_setting setting,
                                       int64_t value)
{
	if (ops == NULL || !setting_ok(setting))
		return DDBGT_EINVAL;
	ops->alarm[setting].set = 1;
	ops->alarm[setting].value = value;
	return 0;
}

int ddbgt_operations_get_alarm_setting(const ddbgt_operations *ops, ddbgt_alarm_setting setting,
                                       int64_t *value)
{
	if (value != NULL)
		*value = 0;
	if (ops == NULL || !setting_ok(setting))
		return DDBGT_EINVAL;
	return ddbgt__opt_int_get(&ops->alarm[setting], value);
}

int ddbgt_operations_clear_alarm_setting(ddbgt_operations *ops, ddbgt_alarm_setting setting)
{
	if (ops == NULL || !setting_ok(setting))
		return DDBGT_EINVAL;
	ops->alarm[setting].set = 0;
	ops->alarm[setting].value = 0;
	return 0;
}

int64_t ddbgt_operations_alarm_setting_effective(const ddbgt_operations *ops,
                                                 ddbgt_alarm_setting setting)
{
	if (ops == NULL || !setting_ok(setting))
		return 0;
	if (ops->alarm[setting].set)
		return ops->alarm[setting].value;
	return alarm_defaults[setting];
}

int ddbgt_operations_set_sns_topic(ddbgt_operations *ops, const char *region,
                                   const char *topic_arn)
{
	if (ops == NULL || !ddbgt__utf8_ok(region) || !ddbgt__utf8_ok(topic_arn))
		return DDBGT_EINVAL;
	return ddbgt__tags_set(&ops->sns_topics, region, topic_arn);
}

int ddbgt_operations_get_sns_topic(const ddbgt_operations *ops, const char *region,
                                   const char **topic_arn)
{
	const ddbgt__map_entry *e;

	if (topic_arn != NULL)
		*topic_arn = NULL;
	if (ops == NULL || region == NULL)
		return DDBGT_EINVAL;
	e = ddbgt__map_get(&ops->sns_topics, region);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	if (topic_arn != NULL)
		*topic_arn = e->text;
	return 0;
}

int ddbgt_operations_remove_sns_topic(ddbgt_operations *ops, const char *region)
{
	if (ops == NULL || region == NULL)
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&ops->sns_topics, region);
}

size_t ddbgt_operations_sns_topic_count(const ddbgt_operations *ops)
{
	return ops != NULL ? ops->sns_topics.count : 0;
}

const char *ddbgt_operations_sns_topic_region(const ddbgt_operations *ops, size_t i)
{
	const ddbgt__map_entry *e = ops != NULL ? ddbgt__map_at(&ops->sns_topics, i) : NULL;
	return e != NULL ? e->key : NULL;
}

const char *ddbgt_operations_sns_topic_arn(const ddbgt_operations *ops, size_t i)
{
	const ddbgt__map_entry *e = ops != NULL ? ddbgt__map_at(&ops->sns_topics, i) : NULL;
	return e != NULL ? e->text : NULL;
}

int ddbgt_operations_set_dashboard(ddbgt_operations *ops, int enabled)
{
	return set_flag(ops, ops ? &ops->dashboard : NULL, enabled);
}

int ddbgt_operations_dashboard(const ddbgt_operations *ops)
{
	return ops != NULL && ops->dashboard == 1;
}

int ddbgt_operations_set_kms_key_policies(ddbgt_operations *ops, int enabled)
{
	return set_flag(ops, ops ? &ops->kms_key_policies : NULL, enabled);
}

int ddbgt_operations_kms_key_policies(const ddbgt_operations *ops)
{
	return ops != NULL && ops->kms_key_policies == 1;
}

static int kind_ok(ddbgt_iam_policy kind)
{
	return DDBGT__ENUM_OK(kind, DDBGT__IAM_POLICIES - 1);
}

int ddbgt_operations_set_iam_policy(ddbgt_operations *ops, ddbgt_iam_policy kind, int enabled)
{
	int b = ddbgt__bool_arg(enabled);
	if (ops == NULL || !kind_ok(kind) || b < 0)
		return DDBGT_EINVAL;
	ops->iam_given = 1;
	ops->iam[kind] = b;
	return 0;
}

int ddbgt_operations_iam_policy(const ddbgt_operations *ops, ddbgt_iam_policy kind)
{
	return ops != NULL && kind_ok(kind) && ops->iam[kind] == 1;
}

const char *ddbgt_iam_policy_name(ddbgt_iam_policy kind)
{
	return kind_ok(kind) ? iam_names[kind] : NULL;
}

static int add_name(ddbgt_operations *ops, ddbgt__strlist *list, const char *s)
{
	if (ops == NULL || !ddbgt__utf8_ok(s))
		return DDBGT_EINVAL;
	ops->iam_given = 1;
	return ddbgt__strlist_push(list, s);
}

int ddbgt_operations_add_iam_region(ddbgt_operations *ops, const char *region)
{
	return add_name(ops, ops ? &ops->iam_regions : NULL, region);
}

int ddbgt_operations_clear_iam_regions(ddbgt_operations *ops)
{
	if (ops == NULL)
		return DDBGT_EINVAL;
	ddbgt__strlist_clear(&ops->iam_regions);
	return 0;
}

size_t ddbgt_operations_iam_region_count(const ddbgt_operations *ops)
{
	return ops != NULL ? ops->iam_regions.count : 0;
}

const char *ddbgt_operations_iam_region_at(const ddbgt_operations *ops, size_t i)
{
	return ops != NULL ? ddbgt__strlist_at(&ops->iam_regions, i) : NULL;
}

int ddbgt_operations_add_iam_index(ddbgt_operations *ops, const char *index)
{
	return add_name(ops, ops ? &ops->iam_indexes : NULL, index);
}

int ddbgt_operations_clear_iam_indexes(ddbgt_operations *ops)
{
	if (ops == NULL)
		return DDBGT_EINVAL;
	ddbgt__strlist_clear(&ops->iam_indexes);
	return 0;
}

size_t ddbgt_operations_iam_index_count(const ddbgt_operations *ops)
{
	return ops != NULL ? ops->iam_indexes.count : 0;
}

const char *ddbgt_operations_iam_index_at(const ddbgt_operations *ops, size_t i)
{
	return ops != NULL ? ddbgt__strlist_at(&ops->iam_indexes, i) : NULL;
}

int ddbgt_operations_set_iam_as_outputs(ddbgt_operations *ops, int as_outputs)
{
	int rc = set_flag(ops, ops ? &ops->iam_as_outputs : NULL, as_outputs);
	if (rc == 0)
		ops->iam_given = 1;
	return rc;
}

int ddbgt_operations_iam_as_outputs(const ddbgt_operations *ops)
{
	return ops != NULL && ops->iam_as_outputs == 1;
}

static ddbgt__vpc_endpoint *endpoint_of(const ddbgt_operations *ops, const char *region,
                                        size_t *at)
{
	for (size_t i = 0; i < ops->vpc_endpoints.count; i++) {
		ddbgt__vpc_endpoint *e = ops->vpc_endpoints.items[i];
		if (strcmp(e->region, region) == 0) {
			if (at != NULL)
				*at = i;
			return e;
		}
	}
	return NULL;
}

static const ddbgt__vpc_endpoint *endpoint_at(const ddbgt_operations *ops, size_t i)
{
	return ops != NULL && i < ops->vpc_endpoints.count ? ops->vpc_endpoints.items[i] : NULL;
}

int ddbgt_operations_set_vpc_endpoint(ddbgt_operations *ops, const char *region,
                                      const char *vpc_id)
{
	ddbgt__vpc_endpoint *e;
	if (ops == NULL || !ddbgt__utf8_ok(region) || !ddbgt__utf8_ok(vpc_id))
		return DDBGT_EINVAL;
	e = endpoint_of(ops, region, NULL);
	if (e != NULL)
		return ddbgt__set_string(&e->vpc_id, vpc_id);
	e = endpoint_new(region, vpc_id);
	if (e == NULL || ddbgt__ptrlist_push(&ops->vpc_endpoints, e) != 0) {
		endpoint_free(e);
		return DDBGT_ENOMEM;
	}
	/* Sorted by region, as the dump writes them: a reloaded dump has the same order. */
	void **items = ops->vpc_endpoints.items;
	for (size_t i = ops->vpc_endpoints.count - 1;
	     i > 0 && strcmp(((ddbgt__vpc_endpoint *)items[i - 1])->region, region) > 0; i--) {
		items[i] = items[i - 1];
		items[i - 1] = e;
	}
	return 0;
}

int ddbgt_operations_add_vpc_route_table(ddbgt_operations *ops, const char *region,
                                         const char *route_table_id)
{
	ddbgt__vpc_endpoint *e;
	if (ops == NULL || region == NULL || !ddbgt__utf8_ok(route_table_id))
		return DDBGT_EINVAL;
	e = endpoint_of(ops, region, NULL);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	return ddbgt__strlist_push(&e->route_tables, route_table_id);
}

int ddbgt_operations_set_vpc_endpoint_restricted(ddbgt_operations *ops, const char *region,
                                                 int restricted)
{
	ddbgt__vpc_endpoint *e;
	int b = ddbgt__bool_arg(restricted);
	if (ops == NULL || region == NULL || b < 0)
		return DDBGT_EINVAL;
	e = endpoint_of(ops, region, NULL);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	e->restricted = b;
	return 0;
}

int ddbgt_operations_remove_vpc_endpoint(ddbgt_operations *ops, const char *region)
{
	size_t at = 0;
	ddbgt__vpc_endpoint *e;
	if (ops == NULL || region == NULL)
		return DDBGT_EINVAL;
	e = endpoint_of(ops, region, &at);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	ddbgt__ptrlist_remove_at(&ops->vpc_endpoints, at);
	endpoint_free(e);
	return 0;
}

size_t ddbgt_operations_vpc_endpoint_count(const ddbgt_operations *ops)
{
	return ops != NULL ? ops->vpc_endpoints.count : 0;
}

const char *ddbgt_operations_vpc_endpoint_region(const ddbgt_operations *ops, size_t i)
{
	const ddbgt__vpc_endpoint *e = endpoint_at(ops, i);
	return e != NULL ? e->region : NULL;
}

const char *ddbgt_operations_vpc_endpoint_vpc_id(const ddbgt_operations *ops, size_t i)
{
	const ddbgt__vpc_endpoint *e = endpoint_at(ops, i);
	return e != NULL ? e->vpc_id : NULL;
}

int ddbgt_operations_vpc_endpoint_restricted(const ddbgt_operations *ops, size_t i)
{
	const ddbgt__vpc_endpoint *e = endpoint_at(ops, i);
	return e != NULL && e->restricted != 0;
}

size_t ddbgt_operations_vpc_route_table_count(const ddbgt_operations *ops, size_t i)
{
	const ddbgt__vpc_endpoint *e = endpoint_at(ops, i);
	return e != NULL ? e->route_tables.count : 0;
}

const char *ddbgt_operations_vpc_route_table_at(const ddbgt_operations *ops, size_t i, size_t j)
{
	const ddbgt__vpc_endpoint *e = endpoint_at(ops, i);
	return e != NULL ? ddbgt__strlist_at(&e->route_tables, j) : NULL;
}
