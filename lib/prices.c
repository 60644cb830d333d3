/*
 * Price tables: the loader of price files, copy, merge and lookups (the
 * embedded table is compiled C data, see prices_embedded.c). Prices are held
 * as whole nanos so that the estimator's sums are exact; a file's decimal
 * prices must therefore have at most 9 decimals.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddbgt/region.h"

#include "alloc.h"
#include "diag_internal.h"
#include "fileio.h"
#include "jsonread.h"
#include "prices_internal.h"
#include "sorted.h"
#include "utf8.h"

#define PRICES_FORMAT "ddbgt-prices/1"
/* A price file needs four levels; a little room for mistakes to be reported as such. */
#define MAX_DEPTH 16

const ddbgt__item_info ddbgt__item_info_table[DDBGT_PRICE_ITEM_COUNT] = {
	[DDBGT_PRICE_WRU] = {"wru", "WRU", 1000000, 1},
	[DDBGT_PRICE_RRU] = {"rru", "RRU", 1000000, 1},
	[DDBGT_PRICE_RWRU] = {"rwru", "rWRU", 1000000, 1},
	[DDBGT_PRICE_WCU] = {"wcu", "WCU-hour", 1, 1},
	[DDBGT_PRICE_RCU] = {"rcu", "RCU-hour", 1, 1},
	[DDBGT_PRICE_RWCU] = {"rwcu", "rWCU-hour", 1, 1},
	[DDBGT_PRICE_STORAGE] = {"storage", "GB-month", 1, 1},
	[DDBGT_PRICE_PITR] = {"pitr", "GB-month", 1, 0},
	[DDBGT_PRICE_STREAM_READS] = {"stream_reads", "read request", 1000000, 0},
	[DDBGT_PRICE_TRANSFER_OUT] = {"transfer_out", "GB", 1, 0},
	[DDBGT_PRICE_BACKUP] = {"backup", "GB-month", 1, 0},
	[DDBGT_PRICE_RESTORE] = {"restore", "GB", 1, 0},
	[DDBGT_PRICE_KINESIS_CDC] = {"kinesis_cdc", "CDC unit", 1000000, 0},
	[DDBGT_PRICE_CONTRIBUTOR_INSIGHTS_RULES] = {"contributor_insights_rules", "rule-month", 1, 0},
	[DDBGT_PRICE_CONTRIBUTOR_INSIGHTS_EVENTS] = {"contributor_insights_events", "event", 1000000,
	                                             0},
	[DDBGT_PRICE_RESERVED_RCU_1Y_UPFRONT] = {"reserved_rcu_1y_upfront", "RCU", 100, 0},
	[DDBGT_PRICE_RESERVED_RCU_1Y_HOURLY] = {"reserved_rcu_1y_hourly", "RCU-hour", 100, 0},
	[DDBGT_PRICE_RESERVED_WCU_1Y_UPFRONT] = {"reserved_wcu_1y_upfront", "WCU", 100, 0},
	[DDBGT_PRICE_RESERVED_WCU_1Y_HOURLY] = {"reserved_wcu_1y_hourly", "WCU-hour", 100, 0},
	[DDBGT_PRICE_RESERVED_RCU_3Y_UPFRONT] = {"reserved_rcu_3y_upfront", "RCU", 100, 0},
	[DDBGT_PRICE_RESERVED_RCU_3Y_HOURLY] = {"reserved_rcu_3y_hourly", "RCU-hour", 100, 0},
	[DDBGT_PRICE_RESERVED_WCU_3Y_UPFRONT] = {"reserved_wcu_3y_upfront", "WCU", 100, 0},
	[DDBGT_PRICE_RESERVED_WCU_3Y_HOURLY] = {"reserved_wcu_3y_hourly", "WCU-hour", 100, 0},
	[DDBGT_PRICE_CLOUDWATCH_ALARM_METRICS] = {"cloudwatch_alarm_metrics", "alarm metric-month", 1,
	                                          0},
	[DDBGT_PRICE_CLOUDWATCH_DASHBOARDS] = {"cloudwatch_dashboards", "dashboard-month", 1, 0},
};

#define item_info ddbgt__item_info_table

static const char *const class_keys[DDBGT__CLASS_SLOTS] = {
	"standard", "standard_infrequent_access"
};

static int item_valid(ddbgt_price_item item)
{
	return (int)item >= 0 && (int)item < DDBGT_PRICE_ITEM_COUNT;
}

const char *ddbgt_price_item_name(ddbgt_price_item item)
{
	return item_valid(item) ? item_info[item].name : NULL;
}

const char *ddbgt_price_item_unit(ddbgt_price_item item)
{
	return item_valid(item) ? item_info[item].unit : NULL;
}

int64_t ddbgt_price_item_per(ddbgt_price_item item)
{
	return item_valid(item) ? item_info[item].per : 0;
}

int ddbgt_price_item_by_class(ddbgt_price_item item)
{
	return item_valid(item) ? item_info[item].by_class : 0;
}

/* ---- the table ---------------------------------------------------------- */

static void region_clear(ddbgt__region_prices *rp)
{
	size_t i;

	ddbgt__free(rp->code);
	ddbgt__free(rp->effective_date);
	ddbgt__free(rp->source);
	for (i = 0; i < rp->npairs; i++)
		ddbgt__free(rp->pairs[i].to);
	ddbgt__free(rp->pairs);
}

void ddbgt_prices_free(ddbgt_prices *prices)
{
	size_t i;

	if (!prices || prices->compiled_in)
		return;
	for (i = 0; i < prices->nregions; i++)
		region_clear(&prices->regions[i]);
	ddbgt__free(prices->regions);
	ddbgt__free(prices->currency);
	ddbgt__free(prices->effective_date);
	ddbgt__free(prices->source);
	ddbgt__free(prices);
}

int ddbgt_prices_new(ddbgt_prices **out, const char *currency)
{
	ddbgt_prices *p;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ddbgt__utf8_ok(currency))
		return DDBGT_EINVAL;
	if (!currency)
		return DDBGT_EINVAL;
	p = ddbgt__calloc(1, sizeof(*p));
	if (!p)
		return DDBGT_ENOMEM;
	p->currency = ddbgt__strdup(currency);
	if (!p->currency) {
		ddbgt__free(p);
		return DDBGT_ENOMEM;
	}
	*out = p;
	return DDBGT_OK;
}

/* Binary search; *pos is where code is or would go. */
static int find_region(const ddbgt_prices *p, const char *code, size_t *pos)
{
	return ddbgt__sorted_find(p->regions, p->nregions, sizeof *p->regions,
	                          offsetof(ddbgt__region_prices, code), code, pos);
}

const ddbgt__region_prices *ddbgt__prices_find(const ddbgt_prices *prices, const char *region)
{
	size_t pos;

	if (!prices || !region)
		return NULL;
	return find_region(prices, region, &pos) ? &prices->regions[pos] : NULL;
}

/* The region's entry, added (empty) when new. */
static int region_get_or_add(ddbgt_prices *p, const char *code, ddbgt__region_prices **out)
{
	size_t pos;
	char *copy;

	if (find_region(p, code, &pos)) {
		*out = &p->regions[pos];
		return DDBGT_OK;
	}
	copy = ddbgt__strdup(code);
	if (!copy)
		return DDBGT_ENOMEM;
	if (ddbgt__grow((void **)&p->regions, &p->capregions, p->nregions + 1,
	                sizeof(*p->regions)) != DDBGT_OK) {
		ddbgt__free(copy);
		return DDBGT_ENOMEM;
	}
	memmove(&p->regions[pos + 1], &p->regions[pos],
	        (p->nregions - pos) * sizeof(*p->regions));
	memset(&p->regions[pos], 0, sizeof(*p->regions));
	p->regions[pos].code = copy;
	p->nregions++;
	*out = &p->regions[pos];
	return DDBGT_OK;
}

static int find_pair(const ddbgt__region_prices *rp, const char *to, size_t *pos)
{
	return ddbgt__sorted_find(rp->pairs, rp->npairs, sizeof *rp->pairs,
	                          offsetof(ddbgt__transfer_pair, to), to, pos);
}

static int pair_set(ddbgt__region_prices *rp, const char *to, const ddbgt__price_cell *cell)
{
	size_t pos;
	char *copy;

	if (find_pair(rp, to, &pos)) {
		rp->pairs[pos].price = *cell;
		return DDBGT_OK;
	}
	copy = ddbgt__strdup(to);
	if (!copy)
		return DDBGT_ENOMEM;
	if (ddbgt__grow((void **)&rp->pairs, &rp->cappairs, rp->npairs + 1,
	                sizeof(*rp->pairs)) != DDBGT_OK) {
		ddbgt__free(copy);
		return DDBGT_ENOMEM;
	}
	memmove(&rp->pairs[pos + 1], &rp->pairs[pos], (rp->npairs - pos) * sizeof(*rp->pairs));
	rp->pairs[pos].to = copy;
	rp->pairs[pos].price = *cell;
	rp->npairs++;
	return DDBGT_OK;
}

const ddbgt__price_cell *ddbgt__prices_transfer_cell(const ddbgt__region_prices *rp,
                                                     const char *to)
{
	size_t pos;

	if (to && find_pair(rp, to, &pos))
		return &rp->pairs[pos].price;
	return &rp->cell[0][DDBGT_PRICE_TRANSFER_OUT];
}

/* Copy src's non-NULL string over *dst. */
static int overlay_string(char **dst, const char *src)
{
	return src ? ddbgt__set_string(dst, src) : DDBGT_OK;
}

/* Lay one region over another; on ENOMEM dst may be partly updated (prices only). */
static int region_overlay(ddbgt__region_prices *dst, const ddbgt__region_prices *src)
{
	size_t s, i;
	int rc;

	for (s = 0; s < DDBGT__CLASS_SLOTS; s++)
		for (i = 0; i < DDBGT_PRICE_ITEM_COUNT; i++)
			if (src->cell[s][i].set)
				dst->cell[s][i] = src->cell[s][i];
	for (i = 0; i < src->npairs; i++) {
		rc = pair_set(dst, src->pairs[i].to, &src->pairs[i].price);
		if (rc != DDBGT_OK)
			return rc;
	}
	rc = overlay_string(&dst->effective_date, src->effective_date);
	if (rc == DDBGT_OK)
		rc = overlay_string(&dst->source, src->source);
	return rc;
}

static int overlay(ddbgt_prices *dst, const ddbgt_prices *src)
{
	size_t i;
	int rc;

	for (i = 0; i < src->nregions; i++) {
		ddbgt__region_prices *rp;

		rc = region_get_or_add(dst, src->regions[i].code, &rp);
		if (rc == DDBGT_OK)
			rc = region_overlay(rp, &src->regions[i]);
		if (rc != DDBGT_OK)
			return rc;
	}
	if (src->free_set & DDBGT__FREE_STORAGE)
		dst->free_storage_gb = src->free_storage_gb;
	if (src->free_set & DDBGT__FREE_CAPACITY)
		dst->free_capacity_unit_hours = src->free_capacity_unit_hours;
	if (src->free_set & DDBGT__FREE_STREAMS)
		dst->free_stream_reads = src->free_stream_reads;
	dst->free_set |= src->free_set;
	rc = overlay_string(&dst->effective_date, src->effective_date);
	if (rc == DDBGT_OK)
		rc = overlay_string(&dst->source, src->source);
	return rc;
}

int ddbgt_prices_copy(ddbgt_prices **out, const ddbgt_prices *prices)
{
	ddbgt_prices *p;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!prices)
		return DDBGT_EINVAL;
	rc = ddbgt_prices_new(&p, prices->currency);
	if (rc != DDBGT_OK)
		return rc;
	rc = overlay(p, prices);
	if (rc != DDBGT_OK) {
		ddbgt_prices_free(p);
		return rc;
	}
	*out = p;
	return DDBGT_OK;
}

int ddbgt_prices_merge(ddbgt_prices *dst, const ddbgt_prices *src)
{
	ddbgt_prices *work;
	int rc;

	if (!dst || !src)
		return DDBGT_EINVAL;
	if (strcmp(dst->currency, src->currency) != 0)
		return DDBGT_EUNSUPPORTED;
	/* Merge into a copy and swap, so that a failed merge leaves dst as it was. */
	rc = ddbgt_prices_copy(&work, dst);
	if (rc != DDBGT_OK)
		return rc;
	rc = overlay(work, src);
	if (rc != DDBGT_OK) {
		ddbgt_prices_free(work);
		return rc;
	}
	{
		ddbgt_prices tmp = *dst;

		*dst = *work;
		*work = tmp;
	}
	ddbgt_prices_free(work);
	return DDBGT_OK;
}

const char *ddbgt_prices_currency(const ddbgt_prices *prices)
{
	return prices ? prices->currency : NULL;
}

const char *ddbgt_prices_effective_date(const ddbgt_prices *prices)
{
	return prices ? prices->effective_date : NULL;
}

const char *ddbgt_prices_source(const ddbgt_prices *prices)
{
	return prices ? prices->source : NULL;
}

size_t ddbgt_prices_region_count(const ddbgt_prices *prices)
{
	return prices ? prices->nregions : 0;
}

const char *ddbgt_prices_region_at(const ddbgt_prices *prices, size_t i)
{
	return prices && i < prices->nregions ? prices->regions[i].code : NULL;
}

const char *ddbgt_prices_region_effective_date(const ddbgt_prices *prices, const char *region)
{
	const ddbgt__region_prices *rp = ddbgt__prices_find(prices, region);

	return rp ? rp->effective_date : NULL;
}

const char *ddbgt_prices_region_source(const ddbgt_prices *prices, const char *region)
{
	const ddbgt__region_prices *rp = ddbgt__prices_find(prices, region);

	return rp ? rp->source : NULL;
}

static int cell_out(const ddbgt__price_cell *c, int64_t *nanos, int *derived)
{
	if (!c->set)
		return DDBGT_ENOTFOUND;
	if (nanos)
		*nanos = c->nanos;
	if (derived)
		*derived = c->derived;
	return DDBGT_OK;
}

int ddbgt_prices_get(const ddbgt_prices *prices, const char *region, ddbgt_price_item item,
                     ddbgt_table_class table_class, int64_t *nanos, int *derived)
{
	const ddbgt__region_prices *rp;

	if (!prices || !region || !item_valid(item))
		return DDBGT_EINVAL;
	rp = ddbgt__prices_find(prices, region);
	if (!rp)
		return DDBGT_ENOTFOUND;
	return cell_out(ddbgt__prices_cell(rp, item, table_class), nanos, derived);
}

int ddbgt_prices_set(ddbgt_prices *prices, const char *region, ddbgt_price_item item,
                     ddbgt_table_class table_class, int64_t nanos)
{
	ddbgt__region_prices *rp;
	ddbgt__price_cell *c;
	int rc;

	if (!prices || !region || !item_valid(item) ||
	    (int)table_class < DDBGT_TABLE_CLASS_UNSET ||
	    table_class > DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS)
		return DDBGT_EINVAL;
	if (!ddbgt__utf8_ok(region))
		return DDBGT_EINVAL;
	if (nanos < 0)
		return DDBGT_ERANGE;
	rc = region_get_or_add(prices, region, &rp);
	if (rc != DDBGT_OK)
		return rc;
	c = &rp->cell[ddbgt__prices_slot(item, table_class)][item];
	c->nanos = nanos;
	c->set = 1;
	c->derived = 0;
	return DDBGT_OK;
}

int ddbgt_prices_get_transfer(const ddbgt_prices *prices, const char *from, const char *to,
                              int64_t *nanos, int *derived)
{
	const ddbgt__region_prices *rp;

	if (!prices || !from || !to)
		return DDBGT_EINVAL;
	rp = ddbgt__prices_find(prices, from);
	if (!rp)
		return DDBGT_ENOTFOUND;
	return cell_out(ddbgt__prices_transfer_cell(rp, to), nanos, derived);
}

double ddbgt_prices_free_storage_gb(const ddbgt_prices *prices)
{
	return prices ? prices->free_storage_gb : 0;
}

double ddbgt_prices_free_capacity_unit_hours(const ddbgt_prices *prices)
{
	return prices ? prices->free_capacity_unit_hours : 0;
}

double ddbgt_prices_free_stream_reads(const ddbgt_prices *prices)
{
	return prices ? prices->free_stream_reads : 0;
}

/* ---- the loader ---------------------------------------------------------- */

typedef struct loader {
	ddbgt_diags *diags;
	int errors;
	int oom;
	char path[512];
	size_t len;
} loader;

/*
 * The JSON Pointer of the value being read (RFC 6901), in one buffer: a key
 * is pushed before its value is read and popped after, so that no path is
 * allocated. An absurdly long key is cut and the path ends in "...".
 */
static const char *push(loader *ld, const char *key, size_t *saved)
{
	/* Room keeps space for "..." and the NUL, whatever was pushed before. */
	size_t i, room = sizeof(ld->path) - 4;

	*saved = ld->len;
	if (ld->len < room)
		ld->path[ld->len++] = '/';
	for (i = 0; key[i]; i++) {
		size_t need = key[i] == '~' || key[i] == '/' ? 2 : 1;
		if (ld->len + need > room)
			break;
		if (need == 2) {
			ld->path[ld->len++] = '~';
			ld->path[ld->len++] = key[i] == '~' ? '0' : '1';
		} else {
			ld->path[ld->len++] = key[i];
		}
	}
	if (key[i] && ld->len <= room) {
		memcpy(ld->path + ld->len, "...", 3);
		ld->len += 3;
	}
	ld->path[ld->len] = '\0';
	return ld->path;
}

static void pop(loader *ld, size_t saved)
{
	ld->len = saved;
	ld->path[saved] = '\0';
}

/* A finding at value v's line and column. */
static void report(loader *ld, ddbgt_code code, const char *path, const char *region,
                   const jr_value *v, const char *what)
{
	ld->errors++;
	if (ddbgt__diag_add_posf(ld->diags, code, path, region, v ? v->line : 0,
	                         v ? v->column : 0, "%s", what) != DDBGT_OK)
		ld->oom = 1;
}

static const char *type_name(const jr_value *v)
{
	switch (v->type) {
	case JR_OBJECT: return "an object";
	case JR_ARRAY: return "an array";
	case JR_STRING: return "a string";
	case JR_INT:
	case JR_REAL: return "a number";
	case JR_TRUE:
	case JR_FALSE: return "a boolean";
	default: return "null";
	}
}

/* type JR_REAL stands for any number. */
static int expect(loader *ld, const jr_value *v, jr_type type, const char *path,
                  const char *region, const char *want)
{
	char msg[160];

	if (v->type == type || (type == JR_REAL && ddbgt__jr_is_number(v)))
		return 1;
	snprintf(msg, sizeof(msg), "expected %s, found %s", want, type_name(v));
	report(ld, DDBGT_E_PRICES_TYPE, path, region, v, msg);
	return 0;
}

/* A non-negative decimal with at most 9 decimals, as nanos. */
static int parse_nanos(loader *ld, const jr_value *v, const char *path, const char *region,
                       int64_t *out)
{
	double d, scaled, r;

	if (!expect(ld, v, JR_REAL, path, region, "a number"))
		return 0;
	d = ddbgt__jr_number(v);
	if (!isfinite(d) || d < 0 || d > 1e9) {
		report(ld, DDBGT_E_PRICES_RANGE, path, region, v,
		       "a price must be a number from 0 to 1000000000");
		return 0;
	}
	scaled = d * 1e9;
	r = round(scaled);
	if (fabs(scaled - r) > fmax(1e-3, fabs(r) * 1e-12)) {
		report(ld, DDBGT_E_PRICES_RANGE, path, region, v,
		       "a price may have at most 9 decimals (prices are held in whole nanos)");
		return 0;
	}
	*out = (int64_t)r;
	return 1;
}

static int parse_amount(loader *ld, const jr_value *v, const char *path, double *out)
{
	double d;

	if (!expect(ld, v, JR_REAL, path, NULL, "a number"))
		return 0;
	d = ddbgt__jr_number(v);
	if (!isfinite(d) || d < 0) {
		report(ld, DDBGT_E_PRICES_RANGE, path, NULL, v, "expected a number of 0 or more");
		return 0;
	}
	*out = d;
	return 1;
}

/* A price: a number, or {"value": number, "derived": "how"}. */
static void parse_price(loader *ld, const jr_value *v, const char *path, const char *region,
                        ddbgt__price_cell *cell)
{
	const char *key;
	const jr_value *val, *number = NULL;
	size_t i;
	int derived = 0, ok = 1;
	int64_t nanos;

	if (!(v->type == JR_OBJECT)) {
		if (parse_nanos(ld, v, path, region, &nanos)) {
			cell->nanos = nanos;
			cell->set = 1;
			cell->derived = 0;
		}
		return;
	}
	JR_OBJECT_FOREACH(v, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);

		if (strcmp(key, "value") == 0) {
			number = val;
		} else if (strcmp(key, "derived") == 0) {
			if (expect(ld, val, JR_STRING, p, region, "a string saying how"))
				derived = 1;
			else
				ok = 0;
		} else {
			report(ld, DDBGT_E_PRICES_UNKNOWN_KEY, p, region, val,
			       "a price object has only \"value\" and \"derived\"");
			ok = 0;
		}
		pop(ld, saved);
	}
	if (!number) {
		report(ld, DDBGT_E_PRICES_MISSING_KEY, path, region, v,
		       "a price object needs \"value\"");
		return;
	}
	{
		size_t saved;
		const char *p = push(ld, "value", &saved);

		if (parse_nanos(ld, number, p, region, &nanos) && ok) {
			cell->nanos = nanos;
			cell->set = 1;
			cell->derived = (unsigned char)derived;
		}
		pop(ld, saved);
	}
}

static int date_wellformed(const char *s)
{
	int y, m, d;
	char tail;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
	return y >= 2000 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void parse_string(loader *ld, const jr_value *v, const char *path, const char *region,
                         int is_date, char **slot)
{
	if (!expect(ld, v, JR_STRING, path, region, "a string"))
		return;
	if (is_date && !date_wellformed(v->u.str.s)) {
		report(ld, DDBGT_E_PRICES_DATE, path, region, v, "expected a date YYYY-MM-DD");
		return;
	}
	if (ddbgt__set_string(slot, v->u.str.s) != DDBGT_OK)
		ld->oom = 1;
}

static void parse_class(loader *ld, const jr_value *v, const char *path, const char *region,
                        ddbgt__region_prices *rp, int slot)
{
	const char *key;
	const jr_value *val;
	size_t i;

	if (!expect(ld, v, JR_OBJECT, path, region, "an object of prices"))
		return;
	JR_OBJECT_FOREACH(v, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);
		int it, found = -1;

		for (it = 0; it < DDBGT_PRICE_ITEM_COUNT; it++)
			if (item_info[it].by_class && strcmp(key, item_info[it].name) == 0)
				found = it;
		if (found < 0)
			report(ld, DDBGT_E_PRICES_UNKNOWN_KEY, p, region, val,
			       "a table class has only wru, rru, rwru, wcu, rcu, rwcu and storage");
		else
			parse_price(ld, val, p, region, &rp->cell[slot][found]);
		pop(ld, saved);
	}
}

static void parse_pairs(loader *ld, const jr_value *v, const char *path, const char *region,
                        ddbgt__region_prices *rp)
{
	const char *key;
	const jr_value *val;
	size_t i;

	if (!expect(ld, v, JR_OBJECT, path, region, "an object of region to price"))
		return;
	JR_OBJECT_FOREACH(v, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);
		ddbgt__price_cell cell = {0, 0, 0};

		if (!ddbgt_region_code_is_wellformed(key)) {
			report(ld, DDBGT_E_PRICES_REGION, p, region, val,
			       "not a region code such as \"eu-west-1\"");
		} else {
			parse_price(ld, val, p, region, &cell);
			if (cell.set && pair_set(rp, key, &cell) != DDBGT_OK)
				ld->oom = 1;
		}
		pop(ld, saved);
	}
}

/* The class-independent item a region key names (pitr, backup, transfer_out...), or -1. */
static int class_free_item(const char *key)
{
	int it;

	for (it = 0; it < DDBGT_PRICE_ITEM_COUNT; it++)
		if (!item_info[it].by_class && strcmp(key, item_info[it].name) == 0)
			return it;
	return -1;
}

static void parse_region(loader *ld, const jr_value *v, const char *path, const char *code,
                         ddbgt__region_prices *rp)
{
	const char *key;
	const jr_value *val;
	size_t i;
	int it;

	if (!expect(ld, v, JR_OBJECT, path, code, "an object"))
		return;
	JR_OBJECT_FOREACH(v, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);

		if (strcmp(key, "effective_date") == 0)
			parse_string(ld, val, p, code, 1, &rp->effective_date);
		else if (strcmp(key, "source") == 0)
			parse_string(ld, val, p, code, 0, &rp->source);
		else if (strcmp(key, class_keys[0]) == 0)
			parse_class(ld, val, p, code, rp, 0);
		else if (strcmp(key, class_keys[1]) == 0)
			parse_class(ld, val, p, code, rp, 1);
		else if ((it = class_free_item(key)) >= 0)
			parse_price(ld, val, p, code, &rp->cell[0][it]);
		else if (strcmp(key, "transfer_to") == 0)
			parse_pairs(ld, val, p, code, rp);
		else
			report(ld, DDBGT_E_PRICES_UNKNOWN_KEY, p, code, val,
			       "not a key of a region's prices");
		pop(ld, saved);
	}
}

static void parse_free_tier(loader *ld, const jr_value *v, ddbgt_prices *pr)
{
	const char *key;
	const jr_value *val;
	size_t i;

	if (!expect(ld, v, JR_OBJECT, "/free_tier", NULL, "an object"))
		return;
	JR_OBJECT_FOREACH(v, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);

		if (strcmp(key, "storage_gb") == 0) {
			if (parse_amount(ld, val, p, &pr->free_storage_gb))
				pr->free_set |= DDBGT__FREE_STORAGE;
		} else if (strcmp(key, "capacity_unit_hours") == 0) {
			if (parse_amount(ld, val, p, &pr->free_capacity_unit_hours))
				pr->free_set |= DDBGT__FREE_CAPACITY;
		} else if (strcmp(key, "stream_reads") == 0) {
			if (parse_amount(ld, val, p, &pr->free_stream_reads))
				pr->free_set |= DDBGT__FREE_STREAMS;
		} else {
			report(ld, DDBGT_E_PRICES_UNKNOWN_KEY, p, NULL, val,
			       "free_tier has only storage_gb, capacity_unit_hours and stream_reads");
		}
		pop(ld, saved);
	}
}

static void parse_regions(loader *ld, const jr_value *v, ddbgt_prices *pr)
{
	const char *key;
	const jr_value *val;
	size_t i;

	if (!expect(ld, v, JR_OBJECT, "/regions", NULL, "an object of region to prices"))
		return;
	JR_OBJECT_FOREACH(v, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);
		ddbgt__region_prices *rp;

		if (!ddbgt_region_code_is_wellformed(key))
			report(ld, DDBGT_E_PRICES_REGION, p, NULL, val,
			       "not a region code such as \"eu-west-1\"");
		else if (region_get_or_add(pr, key, &rp) != DDBGT_OK)
			ld->oom = 1;
		else
			parse_region(ld, val, p, key, rp);
		pop(ld, saved);
	}
}

static int currency_wellformed(const char *s)
{
	return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	       s[2] >= 'A' && s[2] <= 'Z';
}

static void parse_document(loader *ld, const jr_value *root, ddbgt_prices *pr)
{
	const char *key;
	const jr_value *val;
	size_t i;
	int has_format = 0, has_currency = 0;

	if (!expect(ld, root, JR_OBJECT, "", NULL, "an object"))
		return;
	JR_OBJECT_FOREACH(root, i, key, val) {
		size_t saved;
		const char *p = push(ld, key, &saved);

		if (strcmp(key, "format") == 0) {
			has_format = 1;
			if (expect(ld, val, JR_STRING, p, NULL, "a string") &&
			    strcmp(val->u.str.s, PRICES_FORMAT) != 0)
				report(ld, DDBGT_E_PRICES_FORMAT, p, NULL, val,
				       "expected \"" PRICES_FORMAT "\"");
		} else if (strcmp(key, "currency") == 0) {
			has_currency = 1;
			if (expect(ld, val, JR_STRING, p, NULL, "a string")) {
				if (!currency_wellformed(val->u.str.s))
					report(ld, DDBGT_E_PRICES_CURRENCY, p, NULL, val,
					       "expected an ISO 4217 code such as \"USD\"");
				else if (ddbgt__set_string(&pr->currency,
				                           val->u.str.s) != DDBGT_OK)
					ld->oom = 1;
			}
		} else if (strcmp(key, "effective_date") == 0) {
			parse_string(ld, val, p, NULL, 1, &pr->effective_date);
		} else if (strcmp(key, "source") == 0) {
			parse_string(ld, val, p, NULL, 0, &pr->source);
		} else if (strcmp(key, "free_tier") == 0) {
			parse_free_tier(ld, val, pr);
		} else if (strcmp(key, "regions") == 0) {
			parse_regions(ld, val, pr);
		} else {
			report(ld, DDBGT_E_PRICES_UNKNOWN_KEY, p, NULL, val,
			       "not a key of a price file");
		}
		pop(ld, saved);
	}
	if (!has_format)
		report(ld, DDBGT_E_PRICES_MISSING_KEY, "", NULL, root,
		       "a price file needs \"format\": \"" PRICES_FORMAT "\"");
	if (!has_currency)
		report(ld, DDBGT_E_PRICES_MISSING_KEY, "", NULL, root,
		       "a price file needs \"currency\"");
}

/* The reader speaks the spec loader's codes; a price file has its own. */
static ddbgt_code syntax_code(ddbgt_code code)
{
	return code == DDBGT_E_SPEC_DUPLICATE_KEY ? DDBGT_E_PRICES_DUPLICATE_KEY
	                                          : DDBGT_E_PRICES_SYNTAX;
}

int ddbgt_prices_load_string(ddbgt_prices **out, const char *text, size_t len,
                             ddbgt_diags *diags)
{
	loader ld;
	jr_error err;
	jr_doc *doc = NULL;
	ddbgt_prices *pr;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!text)
		return DDBGT_EINVAL;
	memset(&ld, 0, sizeof(ld));
	ld.diags = diags;
	rc = ddbgt__jr_parse(&doc, text, len, MAX_DEPTH, &err);
	if (rc == DDBGT_ESPEC) {
		rc = ddbgt__diag_add_at(diags, syntax_code(err.code), "", err.line, err.column,
		                        err.text);
		return rc == DDBGT_OK ? DDBGT_ESPEC : rc;
	}
	if (rc != DDBGT_OK)
		return rc;
	/* The currency is required, so an empty placeholder is replaced or reported. */
	rc = ddbgt_prices_new(&pr, "");
	if (rc != DDBGT_OK) {
		ddbgt__jr_free(doc);
		return rc;
	}
	parse_document(&ld, ddbgt__jr_root(doc), pr);
	ddbgt__jr_free(doc);
	if (ld.oom) {
		ddbgt_prices_free(pr);
		return DDBGT_ENOMEM;
	}
	if (ld.errors) {
		ddbgt_prices_free(pr);
		return DDBGT_ESPEC;
	}
	*out = pr;
	return DDBGT_OK;
}

int ddbgt_prices_load_file(ddbgt_prices **out, const char *path, ddbgt_diags *diags)
{
	char *buf = NULL;
	size_t len = 0;
	int err = 0;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!path)
		return DDBGT_EINVAL;
	rc = ddbgt__file_read(&buf, &len, path, &err);
	if (rc == DDBGT_EIO) {
		rc = ddbgt__diag_addf(diags, DDBGT_E_PRICES_UNREADABLE, "", NULL, "%s: %s", path,
		                      strerror(err));
		return rc == DDBGT_OK ? DDBGT_EIO : rc;
	}
	if (rc == DDBGT_OK)
		rc = ddbgt_prices_load_string(out, buf, len, diags);
	ddbgt__free(buf);
	return rc;
}
