/*
 * The cost estimator: model + usage profile + price table -> a report of
 * line items per region, priced in whole nanos. AWS's billing rules for
 * global tables (reference/cost.md 2.2) are in estimate_replica(). This
 * core depends on no other cost file: the public entry point
 * (cost_estimate.c) runs it, then the recommendations (cost_recommend.c),
 * which run it again on altered copies of the table.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/index.h"
#include "ddbgt/operations.h"
#include "ddbgt/policy.h"
#include "ddbgt/region.h"

#include "alloc.h"
#include "cost_internal.h"
#include "diag_internal.h"
#include "model.h"
#include "ops_alarms.h"

#define SECONDS_PER_HOUR 3600.0
#define DEFAULT_HOURS 730.0
#define DEFAULT_ITEM_BYTES 1024.0
/* AWS bills data transfer per GB of 2^30 bytes. */
#define BYTES_PER_GB 1073741824.0
#define MICROS 1000000.0
/* The alternative provisioned table scales at CDK's and the console's default target. */
#define DEFAULT_TARGET_PERCENT 70.0
#define DEFAULT_MIN_UNITS 1
#define DEFAULT_MAX_UNITS 40000

void ddbgt_cost_report_free(ddbgt_cost_report *report)
{
	if (!report)
		return;
	/* The replicas, regions, indexes and strings are in the report's block. */
	ddbgt__free(report->lines);
	ddbgt__free(report->recs); /* and their messages */
	ddbgt__free(report);
}

/* amount counted in *sum of magnitudes; 0 (not counted) when it would pass the cap. */
static int amount_fits(uint64_t *sum, int64_t amount)
{
	uint64_t a = amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;

	if (a > DDBGT__COST_AMOUNTS_MAX - *sum)
		return 0;
	*sum += a;
	return 1;
}

/*
 * The amount of a line whose quantity x price overflows 64 bits, as a
 * month of on-demand requests at a per-million price does: see line_amount.
 * With q = qh 10^6 + ql and qh p = a per + b, q p / (per 10^6) is
 * a + (b 10^6 + ql p) / (per 10^6), each term in 64 bits for the prices a
 * table has, so that no 128-bit division is needed; on magnitudes, rounded
 * half up, then signed. The 128-bit one is the fallback.
 */
#if defined(__GNUC__)
__attribute__((noinline)) /* out of line: keeps the common path's frame small */
#endif
static int64_t line_amount_wide(int64_t qty_micros, int64_t price, int64_t per)
{
#if defined(__GNUC__)
	uint64_t q = qty_micros < 0 ? (uint64_t)0 - (uint64_t)qty_micros : (uint64_t)qty_micros;
	uint64_t p = price < 0 ? (uint64_t)0 - (uint64_t)price : (uint64_t)price;
	uint64_t den = (uint64_t)per * 1000000, hi, lo, rest, quot;

	if (!__builtin_mul_overflow(q / 1000000, p, &hi) &&
	    !__builtin_mul_overflow(q % 1000000, p, &lo) &&
	    !__builtin_add_overflow(hi % (uint64_t)per * 1000000, lo, &rest) &&
	    (quot = hi / (uint64_t)per + rest / den) < INT64_MAX) {
		rest %= den;
		quot += rest >= den - rest;
		return (qty_micros < 0) != (price < 0) ? -(int64_t)quot : (int64_t)quot;
	}
#endif
#ifdef __SIZEOF_INT128__
	__int128 num = (__int128)qty_micros * price;
	__int128 den128 = (__int128)per * 1000000;
	__int128 q128 = num / den128, rem = num % den128;

	if (rem < 0)
		rem = -rem;
	if (2 * rem >= den128)
		q128 += num < 0 ? -1 : 1;
	/* An amount no int64_t holds passes DDBGT__COST_AMOUNTS_MAX: out of range. */
	if (q128 > INT64_MAX || q128 < -INT64_MAX)
		return q128 < 0 ? -INT64_MAX : INT64_MAX;
	return (int64_t)q128;
#else
	long double v = (long double)qty_micros * price / ((long double)per * 1000000.0L);

	if (!(fabsl(v) < 9.2e18L))
		return v < 0 ? -INT64_MAX : INT64_MAX;
	return (int64_t)(v < 0 ? v - 0.5L : v + 0.5L);
#endif
}

/*
 * amount = quantity (micros) x price (nanos per `per` units) / (per x 10^6),
 * rounded half away from zero to the nano.
 */
static int64_t line_amount(int64_t qty_micros, int64_t price, int64_t per)
{
#if defined(__GNUC__)
	int64_t prod;

	/* Most lines fit in 64 bits. */
	if (!__builtin_mul_overflow(qty_micros, price, &prod)) {
		int64_t den = per * 1000000, q, rem;

		/* Constant divisors for the two units of the price table: no idiv. */
		if (per == 1) {
			q = prod / 1000000;
			rem = prod % 1000000;
		} else if (per == 1000000) {
			q = prod / 1000000000000;
			rem = prod % 1000000000000;
		} else {
			q = prod / den;
			rem = prod % den;
		}

		if (rem < 0)
			rem = -rem;
		if (rem >= den - rem)
			q += prod < 0 ? -1 : 1;
		return q;
	}
#endif
	return line_amount_wide(qty_micros, price, per);
}

/* ---- the estimate's working state ---------------------------------------- */

typedef struct est {
	ddbgt_cost_report *rep;
	const ddbgt_table *table;
	const ddbgt_prices *prices;
	ddbgt_diags *diags;
	const ddbgt_operations *ops; /* NULL for most tables: nothing to price */
	int free_tier;
	int provisioned;
	ddbgt__cost_capacity capacity;
	ddbgt__cost_lines lines;  /* which lines to price */
	int oom;
	int range;
	uint64_t amounts; /* the magnitudes of the amounts so far (DDBGT__COST_AMOUNTS_MAX) */
	ddbgt__cost_profile prof;
	double writes;      /* writes per second, summed over replica regions */
	const ddbgt__cost_replica *info; /* the replicas of the report, or of base's */
	const ddbgt__cost_index *gsis;   /* the GSIs of the report, or of base's */
	ddbgt__cost_sums *sums; /* an alternative's: its lines are added up here, not kept */
	char *strings_end;      /* where the next of the report's strings goes */
	size_t cur;           /* the replica being estimated, for finding paths */
	double used[DDBGT_PRICE_ITEM_COUNT]; /* its lines' use of the free bands */
	/* what was already said, to say each thing once */
	unsigned char capacity_said[2];
	unsigned char *gsi_capacity_said; /* 2 per GSI */
} est;

/* A copy of s among the report's strings, which have room for it (new_report). */
static const char *keep(est *e, const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = memcpy(e->strings_end, s, n);

	e->strings_end += n;
	return copy;
}

/*
 * The report in one block with what the table's shape sizes, which lives
 * and dies with it: an entry per replica, room for a region per replica,
 * an entry per GSI, and the report's own strings (the currency, the
 * price date, the index names and a region code per replica at most). All
 * but the strings hold 8-byte fields, so each part stays aligned.
 */
static int new_report(est *e, size_t nrep, size_t ngsi)
{
	const char *date = e->prices->effective_date;
	size_t strings = strlen(e->prices->currency) + 1 + (date ? strlen(date) + 1 : 0), i;
	ddbgt_cost_report *rep;

	for (i = 0; i < ngsi; i++) {
		const char *name = ddbgt_gsi_name(ddbgt_table_gsi_at(e->table, i));

		strings += (name ? strlen(name) : 0) + 1;
	}
	for (i = 0; i < nrep; i++)
		strings += strlen(ddbgt_replica_region(ddbgt_table_replica_at(e->table, i))) + 1;
	rep = ddbgt__calloc(1, sizeof(*rep) + nrep * sizeof(*rep->replicas) +
	                           nrep * sizeof(*rep->regions) + ngsi * sizeof(*rep->indexes) +
	                           strings);
	if (!rep)
		return DDBGT_ENOMEM;
	rep->replicas = (ddbgt__cost_replica *)(rep + 1);
	rep->regions = (ddbgt__cost_region *)(rep->replicas + nrep);
	rep->indexes = (ddbgt__cost_index *)(rep->regions + nrep);
	e->strings_end = (char *)(rep->indexes + ngsi);
	e->rep = rep;
	return DDBGT_OK;
}

/*
 * The report's region entry for code, added when new (the report has room
 * for a region per replica): the replica being looked up is the first in
 * its region when it adds the region.
 */
static size_t region_get(est *e, const char *code, int *first)
{
	ddbgt_cost_report *rep = e->rep;
	size_t i;

	for (i = 0; i < rep->nregions; i++)
		if (strcmp(rep->regions[i].code, code) == 0) {
			*first = 0;
			return i;
		}
	rep->regions[i].code = keep(e, code);
	rep->regions[i].replica = e->cur;
	rep->nregions++;
	*first = 1;
	return i;
}

/* Half away from zero, like llround, without the library call on the hot path. */
static int64_t micros_of(double qty, int *range)
{
	double m = qty * MICROS;

	if (!(fabs(m) < 9.2e18)) {
		*range = 1;
		return 0;
	}
	return (int64_t)(m < 0 ? m - 0.5 : m + 0.5);
}

static int64_t to_micros(est *e, double qty)
{
	return micros_of(qty, &e->range);
}

static void say_missing(est *e, size_t reg, const char *path, ddbgt_price_item item,
                        ddbgt_table_class cls)
{
	ddbgt__cost_region *r = &e->rep->regions[reg];
	uint64_t bit = (uint64_t)1
	               << (item * 2 + (cls == DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS));
	char buf[48];
	int rc;

	if (r->missing_said & bit)
		return;
	r->missing_said |= bit;
	if (!path) {
		snprintf(buf, sizeof(buf), "/replicas/%zu", e->cur);
		path = buf;
	}
	if (ddbgt_price_item_by_class(item))
		rc = ddbgt__diag_addf(e->diags, DDBGT_W_PRICE_MISSING, path, r->code,
		                      "no %s price for %s in %s: the line has no amount",
		                      ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, (int)cls),
		                      ddbgt_price_item_name(item), r->code);
	else
		rc = ddbgt__diag_addf(e->diags, DDBGT_W_PRICE_MISSING, path, r->code,
		                      "no %s price in %s: the line has no amount",
		                      ddbgt_price_item_name(item), r->code);
	if (rc != DDBGT_OK)
		e->oom = 1;
}

/*
 * Why a catalogue region outside the commercial partition has no embedded
 * prices: AWS prices GovCloud, China (in CNY) and the European Sovereign
 * Cloud from price lists of their own, which no public source gives.
 */
static const char *partition_note(const char *code)
{
	const ddbgt_region *r = ddbgt_region_find(code);
	const char *part = r ? ddbgt_region_partition(r) : NULL;

	if (!part || strcmp(part, "aws") == 0)
		return "";
	if (strcmp(part, "aws-cn") == 0)
		return " (the China partition has its own price list, in CNY: give a CNY price file "
		       "with --prices)";
	return " (this partition has its own price list: give a price file with --prices)";
}

/* A priced line's quantity counts against a free band when billed at Standard prices. */
static void count_free_use(double *used, ddbgt_price_item item, ddbgt_table_class cls,
                           int priced, int64_t qty_micros)
{
	if (priced && (cls == DDBGT_TABLE_CLASS_STANDARD || !ddbgt__item_info_table[item].by_class))
		used[item] += (double)qty_micros / MICROS;
}

/*
 * An alternative's line: priced by the same rules as a report's, and only
 * added to the sums, without a line to fill in.
 */
static void sum_line(est *e, size_t reg, ddbgt_price_item item, ddbgt_table_class cls,
                     const ddbgt__price_cell *cell, int64_t micros)
{
	ddbgt__cost_sums *s = e->sums;
	int priced = cell && cell->set;
	int64_t amount =
		priced ? line_amount(micros, cell->nanos, ddbgt__item_info_table[item].per) : 0;

	if (!amount_fits(&e->amounts, amount)) {
		e->range = 1;
		return;
	}
	if (e->free_tier)
		count_free_use(e->used, item, cls, priced, micros);
	s->total += amount;
	s->complete &= priced;
	if (ddbgt__cost_item_is_throughput(item)) {
		s->throughput += amount;
		if (s->region_throughput)
			s->region_throughput[reg] += amount;
	}
}

/* Once per region: the price table has no prices for it at all. */
static void say_no_prices(est *e, size_t reg, const char *path)
{
	ddbgt__cost_region *r = &e->rep->regions[reg];
	char buf[48];

	if (r->missing_said)
		return;
	r->missing_said = ~(uint64_t)0;
	if (!path) {
		snprintf(buf, sizeof(buf), "/replicas/%zu", e->cur);
		path = buf;
	}
	if (ddbgt__diag_addf(e->diags, DDBGT_W_PRICE_MISSING, path, r->code,
	                     "the price table has no prices for region %s: its lines have no "
	                     "amount%s", r->code, partition_note(r->code)) != DDBGT_OK)
		e->oom = 1;
}

/*
 * Add one line. cell NULL means the region has no prices at all; path NULL
 * means the replica being estimated. A zero quantity adds nothing: a line
 * that costs nothing and bills nothing is noise.
 */
static void add_line(est *e, size_t reg, const char *path, ddbgt_price_item item,
                     ddbgt_table_class cls, const ddbgt__price_cell *cell, double qty,
                     const char *index, const char *dest, int free_tier)
{
	ddbgt_cost_report *rep = e->rep;
	ddbgt__cost_line l;
	int64_t micros;

	if (e->oom)
		return;
	micros = to_micros(e, qty);
	if (micros == 0)
		return;
	if (e->sums) {
		sum_line(e, reg, item, cls, cell, micros);
		return;
	}
	l = (ddbgt__cost_line){
		.region = reg,
		.item = item,
		.cls = ddbgt__item_info_table[item].by_class ? cls : DDBGT_TABLE_CLASS_UNSET,
		.index = index,
		.dest = dest,
		.qty_micros = micros,
		.price = -1,
		.per = ddbgt__item_info_table[item].per,
		.replica = e->cur,
		.free_tier = (unsigned char)free_tier,
	};
	if (cell && cell->set) {
		l.priced = 1;
		l.derived = cell->derived;
		l.price = cell->nanos;
		l.amount = line_amount(micros, cell->nanos, l.per);
		if (!amount_fits(&e->amounts, l.amount)) {
			e->range = 1;
			return;
		}
	}
	if (e->free_tier)
		count_free_use(e->used, item, l.cls, l.priced, micros);
	if (rep->nlines == rep->caplines &&
	    ddbgt__grow((void **)&rep->lines, &rep->caplines, rep->nlines + 1,
	                sizeof(*rep->lines)) != DDBGT_OK) {
		e->oom = 1;
		return;
	}
	rep->lines[rep->nlines++] = l;
	if (l.priced) {
		rep->regions[reg].subtotal += l.amount;
		rep->total += l.amount;
		if (l.derived)
			rep->regions[reg].derived_used |= (uint64_t)1 << item;
	} else {
		rep->complete = 0;
		if (cell)
			say_missing(e, reg, path, item, cls);
		else
			say_no_prices(e, reg, path);
	}
}

/* A priced line of region rp (may be NULL) for item and class. */
static void add_priced(est *e, size_t reg, const ddbgt__region_prices *rp, const char *path,
                       ddbgt_price_item item, ddbgt_table_class cls, double qty,
                       const char *index)
{
	add_line(e, reg, path, item, cls, rp ? ddbgt__prices_cell(rp, item, cls) : NULL, qty,
	         index, NULL, 0);
}

/* The report's copy of a GSI name, for its lines: an alternative keeps no lines. */
static const char *index_name(const est *e, size_t g)
{
	return e->rep ? e->gsis[g].name : NULL;
}

/* ---- capacity ---------------------------------------------------------- */

/* Target-tracking autoscaling settles at demand / target (percent), within [min, max]. */
static double autoscaled(double demand, int64_t min, int64_t max, double target)
{
	double units = target > 0 ? ceil(demand * 100.0 / target) : (double)max;

	if (units < (double)min)
		units = (double)min;
	if (units > (double)max)
		units = (double)max;
	return units;
}

static void say_capacity_from_usage(est *e, unsigned char *said, const char *path,
                                    const char *what, double units)
{
	if (*said)
		return;
	*said = 1;
	if (ddbgt__diag_addf(e->diags, DDBGT_I_CAPACITY_FROM_USAGE, path, NULL,
	                     "no %s set: priced at the usage profile's demand, %.0f units",
	                     what, units) != DDBGT_OK)
		e->oom = 1;
}

/*
 * The table's provisioned units for rw at this demand. Autoscaling, when
 * set, decides what is billed; fixed units are what an unscaled table keeps.
 */
static double table_units(est *e, ddbgt_rw rw, double demand)
{
	int64_t units, min, max;
	double target;

	if (e->capacity == DDBGT__COST_CAPACITY_AUTOSCALED)
		return autoscaled(demand, DEFAULT_MIN_UNITS, DEFAULT_MAX_UNITS, DEFAULT_TARGET_PERCENT);
	if (e->capacity == DDBGT__COST_CAPACITY_AS_SET) {
		if (ddbgt_table_get_autoscaling(e->table, rw, &min, &max, &target) == DDBGT_OK)
			return autoscaled(demand, min, max, target);
		if (ddbgt_table_get_capacity(e->table, rw, &units) == DDBGT_OK)
			return (double)units;
	}
	say_capacity_from_usage(e, &e->capacity_said[rw], "/table/capacity",
	                        rw == DDBGT_WRITE ? "write capacity" : "read capacity",
	                        ceil(demand));
	return ceil(demand);
}

static double gsi_units(est *e, size_t g, const ddbgt_gsi *gsi, ddbgt_rw rw, double demand)
{
	int64_t units, min, max;
	double target;
	char path[64];

	if (e->capacity == DDBGT__COST_CAPACITY_AUTOSCALED)
		return autoscaled(demand, DEFAULT_MIN_UNITS, DEFAULT_MAX_UNITS, DEFAULT_TARGET_PERCENT);
	if (e->capacity == DDBGT__COST_CAPACITY_AS_SET) {
		if (ddbgt_gsi_get_autoscaling(gsi, rw, &min, &max, &target) == DDBGT_OK)
			return autoscaled(demand, min, max, target);
		if (ddbgt_gsi_get_capacity(gsi, rw, &units) == DDBGT_OK)
			return (double)units;
	}
	/* The path only when the finding will be made: the alternatives ask for every index. */
	if (e->diags && !e->gsi_capacity_said[2 * g + rw]) {
		snprintf(path, sizeof(path), "/table/global_secondary_indexes/%zu/capacity", g);
		say_capacity_from_usage(e, &e->gsi_capacity_said[2 * g + rw], path,
		                        rw == DDBGT_WRITE ? "index write capacity"
		                                          : "index read capacity",
		                        ceil(demand));
	}
	return ceil(demand);
}

static double replica_read_units(est *e, const ddbgt_replica *r, double demand)
{
	int64_t units, min, max;
	double target;

	/* The alternatives drop the replicas' own settings with the table's. */
	if (e->capacity != DDBGT__COST_CAPACITY_AS_SET)
		return table_units(e, DDBGT_READ, demand);
	if (ddbgt_replica_get_read_capacity(r, &units) == DDBGT_OK)
		return (double)units;
	if (ddbgt_replica_get_read_autoscaling(r, &min, &max, &target) == DDBGT_OK)
		return autoscaled(demand, min, max, target);
	return table_units(e, DDBGT_READ, demand);
}

static double replica_gsi_read_units(est *e, const ddbgt_replica *r, size_t g,
                                     const ddbgt_gsi *gsi)
{
	const char *name = ddbgt_gsi_name(gsi);
	int64_t units, min, max;
	double target;

	/* The usage profile has no per-index reads: an index's read demand is 0. */
	if (e->capacity != DDBGT__COST_CAPACITY_AS_SET)
		return gsi_units(e, g, gsi, DDBGT_READ, 0);
	if (name && ddbgt_replica_get_gsi_read_capacity(r, name, &units) == DDBGT_OK)
		return (double)units;
	if (name && ddbgt_replica_get_gsi_read_autoscaling(r, name, &min, &max, &target) ==
	    DDBGT_OK)
		return autoscaled(0, min, max, target);
	return gsi_units(e, g, gsi, DDBGT_READ, 0);
}

/* ---- the billing rules, per replica --------------------------------------- */

/*
 * CloudWatch Contributor Insights rules DynamoDB creates for a table or GSI
 * (AWS developer guide, "Contributor Insights: how it works"): most accessed
 * and most throttled partition keys, and the same for partition and sort keys
 * when there is a sort key; in THROTTLED_KEYS mode only the throttled ones.
 */
static double insights_rules(int sort_key, ddbgt_insights_mode mode)
{
	double per_key = mode == DDBGT_INSIGHTS_MODE_THROTTLED_KEYS ? 1.0 : 2.0;

	return sort_key ? 2.0 * per_key : per_key;
}

/*
 * Contributor insights in one replica: the rules of the table and of each
 * GSI that enables them, each billed a month, and one event per request the
 * table serves in the region. Throttled-keys mode records throttled requests
 * only, and the profile has no per-index requests: neither has events here.
 */
static void estimate_contributor_insights(est *e, size_t ri)
{
	const ddbgt__cost_replica *in = &e->info[ri];
	const ddbgt_replica *r = in->replica;
	ddbgt_insights_mode mode = ddbgt_replica_contributor_insights_mode(r);
	int table_on = ddbgt_replica_contributor_insights(r) == 1;
	size_t i, n = ddbgt_replica_gsi_override_count(r);
	double rules = 0;

	if (table_on)
		rules += insights_rules(ddbgt_table_sort_key_name(e->table) != NULL, mode);
	/* Index insights live among the replica's per-GSI overrides, walked by position. */
	for (i = 0; i < n; i++) {
		ddbgt_insights_mode gmode;
		const ddbgt_gsi *gsi;

		if (!ddbgt__replica_gsi_insights_at(r, i, &gmode))
			continue;
		gsi = ddbgt_table_find_gsi(e->table, ddbgt_replica_gsi_override_name(r, i));
		if (gsi)
			rules += insights_rules(ddbgt_gsi_sort_key(gsi) != NULL ||
			                                ddbgt_gsi_sort_key_attribute_count(gsi) > 0,
			                        gmode);
	}
	if (rules == 0)
		return;
	add_priced(e, in->reg, in->rp, NULL, DDBGT_PRICE_CONTRIBUTOR_INSIGHTS_RULES,
	           DDBGT_TABLE_CLASS_UNSET, rules * e->prof.hours / DEFAULT_HOURS, NULL);
	if (table_on && mode != DDBGT_INSIGHTS_MODE_THROTTLED_KEYS)
		add_priced(e, in->reg, in->rp, NULL, DDBGT_PRICE_CONTRIBUTOR_INSIGHTS_EVENTS,
		           DDBGT_TABLE_CLASS_UNSET, (in->reads + in->writes) * e->prof.seconds, NULL);
}

/*
 * The replica's throughput (the items ddbgt__cost_item_is_throughput
 * counts), the lines that change with the billing mode with the alarms:
 * all an alternative of the recommendations needs of the replica.
 */
static void estimate_throughput(est *e, size_t ri, int global)
{
	const ddbgt__cost_replica *in = &e->info[ri];
	const ddbgt_replica *r = in->replica;
	const ddbgt__region_prices *rp = in->rp;
	ddbgt_table_class cls = in->cls;
	int provisioned = e->provisioned;
	size_t reg = in->reg, g, ngsi = ddbgt_table_gsi_count(e->table);
	double reads = in->reads;

	/*
	 * Every write, wherever it originates, is billed in every replica: as
	 * replicated units when the table has two or more replicas, as plain
	 * units for a single-region table.
	 */
	if (provisioned) {
		double units = table_units(e, DDBGT_WRITE, e->writes * e->prof.table_write_units);

		add_priced(e, reg, rp, NULL, global ? DDBGT_PRICE_RWCU : DDBGT_PRICE_WCU, cls,
		           units * e->prof.hours, NULL);
	} else {
		add_priced(e, reg, rp, NULL, global ? DDBGT_PRICE_RWRU : DDBGT_PRICE_WRU, cls,
		           e->writes * e->prof.seconds * e->prof.table_write_units, NULL);
	}
	/* GSI updates are ordinary write units, in every region holding the GSI. */
	for (g = 0; g < ngsi; g++) {
		const ddbgt_gsi *gsi = e->gsis[g].gsi;
		double wu = e->gsis[g].write_units;

		if (provisioned)
			add_priced(e, reg, rp, NULL, DDBGT_PRICE_WCU, cls,
			           gsi_units(e, g, gsi, DDBGT_WRITE, e->writes * wu) * e->prof.hours,
			           index_name(e, g));
		else
			add_priced(e, reg, rp, NULL, DDBGT_PRICE_WRU, cls,
			           e->writes * e->prof.seconds * wu, index_name(e, g));
	}
	/* Reads are billed where they are served. */
	if (provisioned) {
		add_priced(e, reg, rp, NULL, DDBGT_PRICE_RCU, cls,
		           replica_read_units(e, r, reads * e->prof.read_units) * e->prof.hours, NULL);
		for (g = 0; g < ngsi; g++) {
			const ddbgt_gsi *gsi = e->gsis[g].gsi;

			add_priced(e, reg, rp, NULL, DDBGT_PRICE_RCU, cls,
			           replica_gsi_read_units(e, r, g, gsi) * e->prof.hours,
			           index_name(e, g));
		}
	} else {
		add_priced(e, reg, rp, NULL, DDBGT_PRICE_RRU, cls,
		           reads * e->prof.seconds * e->prof.read_units, NULL);
	}
}

/* The rest of the replica's own lines, the same in every billing mode. */
static void estimate_replica(est *e, size_t ri)
{
	const ddbgt__cost_replica *in = &e->info[ri];
	const ddbgt_replica *r = in->replica;
	const ddbgt__region_prices *rp = in->rp;
	size_t reg = in->reg;
	double storage_gb = 0;

	ddbgt_usage_get_storage_gb(ddbgt_table_usage(e->table), &storage_gb);
	/* Every replica stores the whole table in its own class. */
	add_priced(e, reg, rp, NULL, DDBGT_PRICE_STORAGE, in->cls, storage_gb, NULL);
	if (ddbgt_replica_effective_pitr(r) == 1)
		add_priced(e, reg, rp, NULL, DDBGT_PRICE_PITR, in->cls, storage_gb, NULL);
	estimate_contributor_insights(e, ri);
	/*
	 * Kinesis Data Streams for DynamoDB: one change data capture unit per KB
	 * of every item change the replica's table applies, replicated ones
	 * included (a transaction changes items once, hence write_units).
	 */
	if (ddbgt_replica_kinesis_stream_arn(r) != NULL)
		add_priced(e, reg, rp, NULL, DDBGT_PRICE_KINESIS_CDC, DDBGT_TABLE_CLASS_UNSET,
		           e->writes * e->prof.seconds * e->prof.write_units, NULL);
}

/*
 * What the operations object adds to the replica's region: the CloudWatch
 * alarms the targets write there, from their own list (ops_alarms.c) and
 * billed per alarm metric, and in the home region the dashboard. Both are
 * billed a month, prorated by the hour. IAM policies and gateway endpoints
 * cost nothing (doc/cost.md).
 */
static void estimate_operations(est *e, size_t i, int home)
{
	const ddbgt__cost_replica *in = &e->info[i];
	double months = e->prof.hours / DEFAULT_HOURS;
	int64_t metrics = ddbgt__ops_alarm_metrics(
		e->table, e->provisioned ? DDBGT_BILLING_PROVISIONED : DDBGT_BILLING_PAY_PER_REQUEST, i);

	add_priced(e, in->reg, in->rp, "/operations/alarms", DDBGT_PRICE_CLOUDWATCH_ALARM_METRICS,
	           DDBGT_TABLE_CLASS_UNSET, (double)metrics * months, NULL);
	/* The dashboard is the same in every billing mode. */
	if (home && e->lines == DDBGT__COST_LINES_ALL && ddbgt__ops_writes_dashboard(e->table))
		add_priced(e, in->reg, in->rp, "/operations/dashboard",
		           DDBGT_PRICE_CLOUDWATCH_DASHBOARDS, DDBGT_TABLE_CLASS_UNSET, months, NULL);
}

/* Replication sends each write from its origin to every other replica. */
static void estimate_transfer(est *e, size_t i, size_t nrep)
{
	const ddbgt__cost_replica *src = &e->info[i];
	double gb;
	size_t j;

	/* A second replica in the same region sends nothing of its own. */
	if (src->writes <= 0 || !src->first)
		return;
	gb = src->writes * e->prof.seconds * e->prof.item_bytes / BYTES_PER_GB;
	for (j = 0; j < nrep; j++) {
		const ddbgt__cost_replica *dst = &e->info[j];

		if (!dst->first || dst->reg == src->reg)
			continue;
		add_line(e, src->reg, "/usage/writes_per_second", DDBGT_PRICE_TRANSFER_OUT,
		         DDBGT_TABLE_CLASS_UNSET,
		         src->rp ? ddbgt__prices_transfer_cell(src->rp, dst->code) : NULL, gb, NULL,
		         e->rep->regions[dst->reg].code, 0);
	}
}

/* Stream reads other than replication and Lambda, billed in the primary's region. */
static void estimate_streams(est *e, size_t i)
{
	const ddbgt_usage *u = ddbgt_table_usage(e->table);
	double n = 0;

	if (ddbgt_usage_get_stream_reads_per_month(u, &n) != DDBGT_OK || n <= 0)
		return;
	add_priced(e, e->info[i].reg, e->info[i].rp, "/usage/stream_reads_per_month",
	           DDBGT_PRICE_STREAM_READS, DDBGT_TABLE_CLASS_UNSET, n, NULL);
}

/*
 * On-demand backups of the table, kept in the primary's region: the backups
 * held on average (taken a month x days kept / days in the month) times
 * their size (default: the table's), and the data restored (restores a
 * month x that size).
 */
static void estimate_backups(est *e, size_t i)
{
	const ddbgt_usage *u = ddbgt_table_usage(e->table);
	double per_month = 0, days = 0, size = 0, restores = 0;

	/* The estimate is a hot path, and most profiles say nothing of backups. */
	if (ddbgt_usage_get_backups_per_month(u, &per_month) != DDBGT_OK &&
	    ddbgt_usage_get_restores_per_month(u, &restores) != DDBGT_OK)
		return;
	if (ddbgt_usage_get_backup_size_gb(u, &size) != DDBGT_OK)
		ddbgt_usage_get_storage_gb(u, &size);
	ddbgt_usage_get_restores_per_month(u, &restores);
	/* Unless told otherwise a backup is kept a month, until the next one replaces it. */
	if (ddbgt_usage_get_backup_retention_days(u, &days) != DDBGT_OK)
		days = e->prof.hours / 24.0;
	add_priced(e, e->info[i].reg, e->info[i].rp, "/usage/backups", DDBGT_PRICE_BACKUP,
	           DDBGT_TABLE_CLASS_UNSET, per_month * days * 24.0 / e->prof.hours * size, NULL);
	add_priced(e, e->info[i].reg, e->info[i].rp, "/usage/backups", DDBGT_PRICE_RESTORE,
	           DDBGT_TABLE_CLASS_UNSET, restores * size, NULL);
}

/*
 * AWS's always-free bands, per region: Standard-class storage, provisioned
 * WCU and RCU (not rWCU: unverified, reference/cost.md 2.3), stream reads.
 */
static const ddbgt_price_item freed[] = {
	DDBGT_PRICE_STORAGE, DDBGT_PRICE_WCU, DDBGT_PRICE_RCU, DDBGT_PRICE_STREAM_READS
};
#define NFREED (sizeof(freed) / sizeof(freed[0]))

/* The quantity freed of item freed[k] (0: nothing) by a replica that used used. */
static double free_quantity(const ddbgt_prices *prices, const double *used, size_t k)
{
	double band = k == 0   ? prices->free_storage_gb
	              : k == 3 ? prices->free_stream_reads
	                       : prices->free_capacity_unit_hours;

	return used[freed[k]] < band ? used[freed[k]] : band;
}

/*
 * Each band a negative line, at the price of what it frees, after the
 * replica's lines (whose use add_line counted).
 */
static void estimate_free_tier(est *e, size_t i)
{
	size_t reg = e->info[i].reg, k;
	const ddbgt__region_prices *rp = e->info[i].rp;

	if (!rp)
		return;
	for (k = 0; k < NFREED; k++) {
		double q = free_quantity(e->prices, e->used, k);

		if (q > 0)
			add_line(e, reg, "", freed[k], DDBGT_TABLE_CLASS_STANDARD,
			         ddbgt__prices_cell(rp, freed[k], DDBGT_TABLE_CLASS_STANDARD), -q, NULL,
			         NULL, 1);
	}
}

/* The amount of qty_micros of item in class cls (0 when unpriced), and whether it is priced. */
static int64_t price_as(const ddbgt__region_prices *rp, ddbgt_price_item item,
                        ddbgt_table_class cls, int64_t qty_micros, int *priced)
{
	const ddbgt__price_cell *cell = rp ? ddbgt__prices_cell(rp, item, cls) : NULL;

	*priced = cell && cell->set;
	return *priced ? line_amount(qty_micros, cell->nanos, ddbgt__item_info_table[item].per)
	               : 0;
}

int ddbgt__cost_region_as_class(const ddbgt_cost_report *rep, size_t reg, size_t from,
                                size_t end, const ddbgt_prices *prices, int free_tier,
                                ddbgt_table_class cls, int64_t *subtotal, int *complete)
{
	const ddbgt__cost_region *r = &rep->regions[reg];
	/* The prices the estimate looked up for the region's first replica. */
	const ddbgt__region_prices *rp = rep->replicas[r->replica].rp;
	double used[DDBGT_PRICE_ITEM_COUNT];
	int range = 0; /* a free quantity is at most its band: never out of range */
	uint64_t amounts = 0; /* repriced, the lines may pass DDBGT__COST_AMOUNTS_MAX */
	size_t k;

	*subtotal = 0;
	*complete = 1;
	if (free_tier)
		memset(used, 0, sizeof(used));
	for (k = from; k < end; k++) {
		const ddbgt__cost_line *l = &rep->lines[k];
		int64_t amount = l->amount;
		int priced = l->priced;

		if (l->replica == r->replica) {
			/* The replica's free-tier lines are worked out again below. */
			if (l->free_tier)
				continue;
			if (ddbgt__item_info_table[l->item].by_class)
				amount = price_as(rp, l->item, cls, l->qty_micros, &priced);
			if (free_tier)
				count_free_use(used, l->item, cls, priced, l->qty_micros);
		}
		if (!amount_fits(&amounts, amount))
			return DDBGT_ERANGE;
		*subtotal += amount;
		*complete &= priced;
	}
	if (!free_tier || !rp)
		return DDBGT_OK;
	for (k = 0; k < NFREED; k++) {
		double q = free_quantity(prices, used, k);
		int64_t micros, amount;
		int priced;

		if (!(q > 0) || (micros = micros_of(-q, &range)) == 0)
			continue;
		amount = price_as(rp, freed[k], DDBGT_TABLE_CLASS_STANDARD, micros, &priced);
		if (!amount_fits(&amounts, amount))
			return DDBGT_ERANGE;
		*subtotal += amount;
		*complete &= priced;
	}
	return DDBGT_OK;
}

/* Usage for regions without a replica is ignored, and said so. */
static void check_usage_regions(est *e)
{
	const ddbgt_usage *u = ddbgt_table_usage(e->table);
	int rw;

	if (!e->diags)
		return;
	for (rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		size_t i, n = ddbgt_usage_rate_count(u, (ddbgt_rw)rw);

		for (i = 0; i < n; i++) {
			const char *code = ddbgt_usage_rate_region(u, (ddbgt_rw)rw, i);

			if (ddbgt_table_find_replica(e->table, code))
				continue;
			if (ddbgt__diag_addf(e->diags, DDBGT_W_USAGE_REGION_NOT_REPLICA,
			                     rw == DDBGT_WRITE ? "/usage/writes_per_second"
			                                       : "/usage/reads_per_second",
			                     code,
			                     "%s in %s are left out of the estimate: the table has no "
			                     "replica there",
			                     rw == DDBGT_WRITE ? "writes" : "reads", code) != DDBGT_OK)
				e->oom = 1;
		}
	}
}

static void say_derived(est *e)
{
	size_t reg;

	for (reg = 0; reg < e->rep->nregions && !e->oom && e->diags; reg++) {
		uint64_t used = e->rep->regions[reg].derived_used;
		char list[1024] = "";
		size_t len = 0;
		int i;

		if (!used)
			continue;
		for (i = 0; i < DDBGT_PRICE_ITEM_COUNT && len < sizeof(list); i++)
			if (used & ((uint64_t)1 << i))
				len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
				                        len ? ", " : "",
				                        ddbgt_price_item_name((ddbgt_price_item)i));
		if (ddbgt__diag_addf(e->diags, DDBGT_I_PRICE_DERIVED, "", e->rep->regions[reg].code,
		                     "prices derived by a ratio rule, not read from AWS, in %s: %s",
		                     e->rep->regions[reg].code, list) != DDBGT_OK)
			e->oom = 1;
	}
}

/*
 * Group the lines by region (transfer, stream and free-tier lines are added
 * after the replicas'), keeping their order within a region: a counting
 * sort into a second array.
 */
static int group_lines(ddbgt_cost_report *rep)
{
	ddbgt__cost_line *sorted;
	size_t *start, i;

	if (rep->nlines < 2)
		return DDBGT_OK;
	sorted = ddbgt__malloc(rep->caplines * sizeof(*sorted));
	start = ddbgt__calloc(rep->nregions + 1, sizeof(*start));
	if (!sorted || !start) {
		ddbgt__free(sorted);
		ddbgt__free(start);
		return DDBGT_ENOMEM;
	}
	for (i = 0; i < rep->nlines; i++)
		start[rep->lines[i].region + 1]++;
	for (i = 1; i <= rep->nregions; i++)
		start[i] += start[i - 1];
	for (i = 0; i < rep->nlines; i++)
		sorted[start[rep->lines[i].region]++] = rep->lines[i];
	ddbgt__free(rep->lines);
	ddbgt__free(start);
	rep->lines = sorted;
	return DDBGT_OK;
}

static int lines_grouped(const ddbgt_cost_report *rep)
{
	size_t i;

	for (i = 1; i < rep->nlines; i++)
		if (rep->lines[i].region < rep->lines[i - 1].region)
			return 0;
	return 1;
}

static void read_profile(est *e)
{
	const ddbgt_usage *u = ddbgt_table_usage(e->table);
	ddbgt__cost_profile *p = &e->prof;
	double v;
	double per_read;

	p->hours = DEFAULT_HOURS;
	if (ddbgt_usage_get_hours_per_month(u, &v) == DDBGT_OK)
		p->hours = v;
	p->seconds = p->hours * SECONDS_PER_HOUR;
	p->item_bytes = DEFAULT_ITEM_BYTES;
	if (ddbgt_usage_get_item_size_bytes(u, &v) == DDBGT_OK)
		p->item_bytes = v;
	/* Writes in 1 KB steps, reads in 4 KB steps, at least one unit each. */
	p->write_units = fmax(1.0, ceil(p->item_bytes / 1024.0));
	/*
	 * A transactional write costs two write units per KB (AWS pricing pages);
	 * GSI updates it causes are ordinary writes. A STRONG table refuses
	 * transactions (the validator says so): its writes are priced as the
	 * standard writes it does take.
	 */
	p->table_write_units = ddbgt_usage_write_mode(u) == DDBGT_WRITE_MODE_TRANSACTIONAL &&
	                               ddbgt_table_consistency(e->table) != DDBGT_CONSISTENCY_STRONG
	                               ? 2.0 * p->write_units
	                               : p->write_units;
	per_read = fmax(1.0, ceil(p->item_bytes / 4096.0));
	switch (ddbgt_usage_read_consistency(u)) {
	case DDBGT_READ_CONSISTENCY_STRONG:
		p->read_units = per_read;
		break;
	case DDBGT_READ_CONSISTENCY_TRANSACTIONAL:
		/* A STRONG table refuses transactions (the validator says so): no premium for
		 * reads that cannot run, only the strongly consistent reads it does serve. */
		if (ddbgt_table_consistency(e->table) == DDBGT_CONSISTENCY_STRONG)
			p->read_units = per_read;
		else
			p->read_units = 2.0 * per_read;
		break;
	default:
		p->read_units = 0.5 * per_read;
		break;
	}
}

/* Look up each replica's region, prices and traffic once, into the report. */
static void collect_replicas(est *e, size_t nrep)
{
	const ddbgt_usage *u = ddbgt_table_usage(e->table);
	size_t i;

	e->writes = 0;
	e->info = e->rep->replicas;
	for (i = 0; i < nrep; i++) {
		ddbgt__cost_replica *in = &e->rep->replicas[i];

		e->cur = i;
		in->replica = ddbgt_table_replica_at(e->table, i);
		in->code = ddbgt_replica_region(in->replica);
		in->rp = ddbgt__prices_find(e->prices, in->code);
		in->cls = ddbgt_replica_effective_table_class(in->replica);
		in->reg = region_get(e, in->code, &in->first);
		if (!in->first)
			continue;
		ddbgt_usage_get_rate(u, DDBGT_WRITE, in->code, &in->writes);
		ddbgt_usage_get_rate(u, DDBGT_READ, in->code, &in->reads);
		e->writes += in->writes;
	}
}

/*
 * Look up each GSI once, into the report: its name (copied), and the write
 * units a write of the table costs it, KEYS_ONLY projecting keys only (one
 * unit) and the others the whole item (the profile's, read before).
 */
static int collect_indexes(est *e, size_t ngsi)
{
	size_t g;

	e->gsis = e->rep->indexes;
	if (ngsi == 0)
		return DDBGT_OK;
	e->gsi_capacity_said = ddbgt__calloc(2 * ngsi, 1);
	if (!e->gsi_capacity_said)
		return DDBGT_ENOMEM;
	for (g = 0; g < ngsi; g++) {
		ddbgt__cost_index *in = &e->rep->indexes[g];
		const char *name;

		in->gsi = ddbgt_table_gsi_at(e->table, g);
		name = ddbgt_gsi_name(in->gsi);
		in->name = keep(e, name ? name : "");
		in->write_units = ddbgt_gsi_projection(in->gsi) == DDBGT_PROJECTION_KEYS_ONLY
		                          ? 1.0
		                          : e->prof.write_units;
	}
	return DDBGT_OK;
}

/* Each replica's lines together, so that the report is grouped by region. */
static void estimate_replicas(est *e, size_t nrep)
{
	const ddbgt_replica *primary = ddbgt_table_primary_replica(e->table);
	size_t i;

	/* An alternative estimates only the lines its `lines` names. */
	for (i = 0; i < nrep; i++) {
		e->cur = i;
		if (e->free_tier)
			memset(e->used, 0, sizeof(e->used));
		estimate_throughput(e, i, nrep >= 2);
		if (e->lines == DDBGT__COST_LINES_ALL)
			estimate_replica(e, i);
		if (e->ops && e->lines != DDBGT__COST_LINES_THROUGHPUT)
			estimate_operations(e, i, e->info[i].replica == primary);
		if (nrep >= 2 && e->lines == DDBGT__COST_LINES_ALL)
			estimate_transfer(e, i, nrep);
		if (e->info[i].replica == primary && e->lines == DDBGT__COST_LINES_ALL) {
			estimate_streams(e, i);
			estimate_backups(e, i);
		}
		/* An alternative's bands are of its own lines: throughput, so WCU and RCU. */
		if (e->free_tier)
			estimate_free_tier(e, i);
	}
}

int ddbgt__cost_run(ddbgt_cost_report **out, const ddbgt_table *table,
                    const ddbgt_prices *prices, int free_tier, ddbgt_diags *diags)
{
	est e;
	size_t nrep, ngsi;
	int rc;

	*out = NULL;
	memset(&e, 0, sizeof(e));
	e.table = table;
	e.prices = prices;
	e.diags = diags;
	e.ops = ddbgt_table_operations(table);
	e.free_tier = free_tier;
	e.provisioned = ddbgt_table_billing_mode(table) == DDBGT_BILLING_PROVISIONED;
	e.capacity = DDBGT__COST_CAPACITY_AS_SET;
	e.lines = DDBGT__COST_LINES_ALL;
	nrep = ddbgt_table_replica_count(table);
	ngsi = ddbgt_table_gsi_count(table);
	if (new_report(&e, nrep, ngsi) != DDBGT_OK)
		return DDBGT_ENOMEM;
	e.rep->complete = 1;
	read_profile(&e);
	e.rep->profile = e.prof;
	if (collect_indexes(&e, ngsi) != DDBGT_OK) {
		rc = DDBGT_ENOMEM;
		goto fail;
	}
	e.rep->currency = keep(&e, prices->currency);
	if (prices->effective_date)
		e.rep->price_date = keep(&e, prices->effective_date);
	if (ddbgt_usage_is_empty(ddbgt_table_usage(table)) &&
	    ddbgt__diag_addf(diags, DDBGT_I_USAGE_EMPTY, "/usage", NULL,
	                     "no usage profile: the estimate has no request charges") != DDBGT_OK)
		e.oom = 1;
	check_usage_regions(&e);
	collect_replicas(&e, nrep);
	/* Room for every line a replica can have, so that lines never move. */
	if (ddbgt__grow((void **)&e.rep->lines, &e.rep->caplines, nrep * (8 + 2 * ngsi + nrep) + 10,
	                sizeof(*e.rep->lines)) != DDBGT_OK) {
		rc = DDBGT_ENOMEM;
		goto fail;
	}
	estimate_replicas(&e, nrep);
	say_derived(&e);
	/* Only two replicas in one region (a validator error) break the grouping. */
	if (!e.oom && !lines_grouped(e.rep) && group_lines(e.rep) != DDBGT_OK)
		e.oom = 1;
	if (e.oom) {
		rc = DDBGT_ENOMEM;
		goto fail;
	}
	if (e.range) {
		rc = DDBGT_ERANGE;
		goto fail;
	}
	ddbgt__free(e.gsi_capacity_said);
	*out = e.rep;
	return DDBGT_OK;
fail:
	ddbgt__free(e.gsi_capacity_said);
	ddbgt_cost_report_free(e.rep);
	return rc;
}

int ddbgt__cost_run_as(ddbgt__cost_sums *out, const ddbgt_cost_report *base,
                       const ddbgt_table *table, const ddbgt_prices *prices, int free_tier,
                       ddbgt_billing_mode billing, ddbgt__cost_capacity capacity,
                       ddbgt__cost_lines lines)
{
	est e;
	size_t i, nrep = ddbgt_table_replica_count(table);

	memset(&e, 0, sizeof(e));
	e.table = table;
	e.prices = prices;
	e.ops = ddbgt_table_operations(table);
	e.free_tier = free_tier;
	e.provisioned = billing == DDBGT_BILLING_PROVISIONED;
	e.capacity = capacity;
	e.lines = lines;
	e.sums = out;
	out->total = 0;
	out->throughput = 0;
	out->complete = 1;
	e.prof = base->profile;
	e.gsis = base->indexes;
	/* base's replicas, so that region indexes agree */
	e.info = base->replicas;
	for (i = 0; i < nrep; i++)
		e.writes += e.info[i].writes;
	estimate_replicas(&e, nrep);
	return e.range ? DDBGT_ERANGE : DDBGT_OK;
}
