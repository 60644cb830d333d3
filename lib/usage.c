/* The usage profile: the traffic the cost estimator prices. */
#include <math.h>

#include "alloc.h"
#include "model.h"
#include "ddbgt/policy.h"
#include "utf8.h"

int ddbgt_usage_new(ddbgt_usage **out)
{
	ddbgt_usage *u;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	u = ddbgt__calloc(1, sizeof(*u));
	if (u == NULL)
		return DDBGT_ENOMEM;
	*out = u;
	return 0;
}

void ddbgt__usage_destroy(ddbgt_usage *u)
{
	if (u == NULL)
		return;
	ddbgt__map_clear(&u->rates[DDBGT_READ]);
	ddbgt__map_clear(&u->rates[DDBGT_WRITE]);
	ddbgt__free(u);
}

void ddbgt_usage_free(ddbgt_usage *u)
{
	if (u != NULL && u->table == NULL)
		ddbgt__usage_destroy(u);
}

int ddbgt_usage_copy(ddbgt_usage **out, const ddbgt_usage *src)
{
	ddbgt_usage *u;
	int rc;

	if (out == NULL)
		return DDBGT_EINVAL;
	*out = NULL;
	if (src == NULL)
		return DDBGT_EINVAL;
	rc = ddbgt_usage_new(&u);
	if (rc != 0)
		return rc;
	u->item_size_bytes = src->item_size_bytes;
	u->storage_gb = src->storage_gb;
	u->stream_reads_per_month = src->stream_reads_per_month;
	u->hours_per_month = src->hours_per_month;
	u->read_consistency = src->read_consistency;
	u->write_mode = src->write_mode;
	u->backups_per_month = src->backups_per_month;
	u->backup_retention_days = src->backup_retention_days;
	u->backup_size_gb = src->backup_size_gb;
	u->restores_per_month = src->restores_per_month;
	rc = ddbgt__map_copy(&u->rates[DDBGT_READ], &src->rates[DDBGT_READ]);
	rc = rc ? rc : ddbgt__map_copy(&u->rates[DDBGT_WRITE], &src->rates[DDBGT_WRITE]);
	if (rc != 0) {
		ddbgt__usage_destroy(u);
		return rc;
	}
	*out = u;
	return 0;
}

/* A figure of the profile: negative, infinite or NaN cannot describe traffic. */
static int figure_ok(double v)
{
	return isfinite(v) && v >= 0.0;
}

int ddbgt_usage_set_rate(ddbgt_usage *u, ddbgt_rw rw, const char *region, double per_second)
{
	if (u == NULL || region == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(region))
		return DDBGT_EINVAL;
	if (!figure_ok(per_second))
		return DDBGT_ERANGE;
	return ddbgt__usage_put_rate(u, rw, region, per_second);
}

int ddbgt__usage_put_rate(ddbgt_usage *u, ddbgt_rw rw, const char *region, double per_second)
{
	ddbgt__map_entry *e;
	int rc = ddbgt__map_put(&u->rates[rw], region, &e);

	if (rc == 0)
		e->number = per_second;
	return rc;
}

int ddbgt_usage_get_rate(const ddbgt_usage *u, ddbgt_rw rw, const char *region,
                         double *per_second)
{
	const ddbgt__map_entry *e;

	if (per_second != NULL)
		*per_second = 0.0;
	if (u == NULL || region == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	e = ddbgt__map_get(&u->rates[rw], region);
	if (e == NULL)
		return DDBGT_ENOTFOUND;
	if (per_second != NULL)
		*per_second = e->number;
	return 0;
}

int ddbgt_usage_remove_rate(ddbgt_usage *u, ddbgt_rw rw, const char *region)
{
	if (u == NULL || region == NULL || !DDBGT__RW_OK(rw))
		return DDBGT_EINVAL;
	return ddbgt__map_remove(&u->rates[rw], region);
}

size_t ddbgt_usage_rate_count(const ddbgt_usage *u, ddbgt_rw rw)
{
	return u != NULL && DDBGT__RW_OK(rw) ? u->rates[rw].count : 0;
}

const char *ddbgt_usage_rate_region(const ddbgt_usage *u, ddbgt_rw rw, size_t i)
{
	const ddbgt__map_entry *e =
		u != NULL && DDBGT__RW_OK(rw) ? ddbgt__map_at(&u->rates[rw], i) : NULL;

	return e != NULL ? e->key : NULL;
}

double ddbgt_usage_rate_value(const ddbgt_usage *u, ddbgt_rw rw, size_t i)
{
	const ddbgt__map_entry *e =
		u != NULL && DDBGT__RW_OK(rw) ? ddbgt__map_at(&u->rates[rw], i) : NULL;

	return e != NULL ? e->number : 0.0;
}

static int set_figure(ddbgt__opt_num *slot, double v)
{
	if (slot == NULL)
		return DDBGT_EINVAL;
	if (!figure_ok(v))
		return DDBGT_ERANGE;
	slot->set = 1;
	slot->value = v;
	return 0;
}

static int get_figure(const ddbgt__opt_num *slot, double *v)
{
	if (v != NULL)
		*v = slot != NULL && slot->set ? slot->value : 0.0;
	if (slot == NULL)
		return DDBGT_EINVAL;
	return slot->set ? 0 : DDBGT_ENOTFOUND;
}

int ddbgt_usage_set_item_size_bytes(ddbgt_usage *u, double bytes)
{
	return set_figure(u != NULL ? &u->item_size_bytes : NULL, bytes);
}

int ddbgt_usage_get_item_size_bytes(const ddbgt_usage *u, double *bytes)
{
	return get_figure(u != NULL ? &u->item_size_bytes : NULL, bytes);
}

int ddbgt_usage_set_storage_gb(ddbgt_usage *u, double gb)
{
	return set_figure(u != NULL ? &u->storage_gb : NULL, gb);
}

int ddbgt_usage_get_storage_gb(const ddbgt_usage *u, double *gb)
{
	return get_figure(u != NULL ? &u->storage_gb : NULL, gb);
}

int ddbgt_usage_set_stream_reads_per_month(ddbgt_usage *u, double reads)
{
	return set_figure(u != NULL ? &u->stream_reads_per_month : NULL, reads);
}

int ddbgt_usage_get_stream_reads_per_month(const ddbgt_usage *u, double *reads)
{
	return get_figure(u != NULL ? &u->stream_reads_per_month : NULL, reads);
}

int ddbgt_usage_set_hours_per_month(ddbgt_usage *u, double hours)
{
	return set_figure(u != NULL ? &u->hours_per_month : NULL, hours);
}

int ddbgt_usage_get_hours_per_month(const ddbgt_usage *u, double *hours)
{
	return get_figure(u != NULL ? &u->hours_per_month : NULL, hours);
}

int ddbgt_usage_set_read_consistency(ddbgt_usage *u, ddbgt_read_consistency consistency)
{
	if (u == NULL || !DDBGT__ENUM_OK(consistency, DDBGT_READ_CONSISTENCY_TRANSACTIONAL))
		return DDBGT_EINVAL;
	u->read_consistency = consistency;
	return 0;
}

ddbgt_read_consistency ddbgt_usage_read_consistency(const ddbgt_usage *u)
{
	return u != NULL ? u->read_consistency : DDBGT_READ_CONSISTENCY_UNSET;
}

int ddbgt_usage_set_write_mode(ddbgt_usage *u, ddbgt_write_mode mode)
{
	if (u == NULL || !DDBGT__ENUM_OK(mode, DDBGT_WRITE_MODE_TRANSACTIONAL))
		return DDBGT_EINVAL;
	u->write_mode = mode;
	return 0;
}

ddbgt_write_mode ddbgt_usage_write_mode(const ddbgt_usage *u)
{
	return u != NULL ? u->write_mode : DDBGT_WRITE_MODE_UNSET;
}

int ddbgt_usage_set_backups_per_month(ddbgt_usage *u, double count)
{
	return set_figure(u != NULL ? &u->backups_per_month : NULL, count);
}

int ddbgt_usage_get_backups_per_month(const ddbgt_usage *u, double *count)
{
	return get_figure(u != NULL ? &u->backups_per_month : NULL, count);
}

int ddbgt_usage_set_backup_retention_days(ddbgt_usage *u, double days)
{
	return set_figure(u != NULL ? &u->backup_retention_days : NULL, days);
}

int ddbgt_usage_get_backup_retention_days(const ddbgt_usage *u, double *days)
{
	return get_figure(u != NULL ? &u->backup_retention_days : NULL, days);
}

int ddbgt_usage_set_backup_size_gb(ddbgt_usage *u, double gb)
{
	return set_figure(u != NULL ? &u->backup_size_gb : NULL, gb);
}

int ddbgt_usage_get_backup_size_gb(const ddbgt_usage *u, double *gb)
{
	return get_figure(u != NULL ? &u->backup_size_gb : NULL, gb);
}

int ddbgt_usage_set_restores_per_month(ddbgt_usage *u, double count)
{
	return set_figure(u != NULL ? &u->restores_per_month : NULL, count);
}

int ddbgt_usage_get_restores_per_month(const ddbgt_usage *u, double *count)
{
	return get_figure(u != NULL ? &u->restores_per_month : NULL, count);
}

int ddbgt_usage_is_empty(const ddbgt_usage *u)
{
	if (u == NULL)
		return 0;
	return u->rates[DDBGT_READ].count == 0 && u->rates[DDBGT_WRITE].count == 0 &&
	       !u->item_size_bytes.set && !u->storage_gb.set && !u->stream_reads_per_month.set &&
	       !u->hours_per_month.set && u->read_consistency == DDBGT_READ_CONSISTENCY_UNSET &&
	       u->write_mode == DDBGT_WRITE_MODE_UNSET && !u->backups_per_month.set &&
	       !u->backup_retention_days.set && !u->backup_size_gb.set &&
	       !u->restores_per_month.set;
}
