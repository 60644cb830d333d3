/*
 * Recommendations, by the estimator's own rules, never a second formula:
 * another table class for one replica reprices that replica's lines of the
 * report (cost.c, ddbgt__cost_region_as_class); the other billing mode is
 * two more estimates of the lines that change with the billing mode, the
 * table read as provisioned at the demand and as the alternative, summed
 * without a report of their own (ddbgt__cost_run_as). The work
 * stays linear in replicas and indexes (bench bench_pipeline; a test counts
 * the allocations). AWS's own Standard-IA threshold rule is reported next
 * to the exact comparison.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/index.h"

#include "alloc.h"
#include "cost_internal.h"
#include "utf8.h"

/* Reserved capacity is sold in blocks of 100 units, for terms of 1 and 3 years of 365 days. */
#define RESERVED_BLOCK 100
static const double term_hours[2] = {8760.0, 26280.0};

static const char *class_name(ddbgt_table_class c)
{
	return ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, (int)c);
}

static const char *mode_name(ddbgt_billing_mode m)
{
	return ddbgt_enum_name(DDBGT_ENUM_BILLING_MODE, (int)m);
}

static int lines_complete(const ddbgt_cost_report *rep, size_t from, size_t end)
{
	size_t i;

	for (i = from; i < end; i++)
		if (!rep->lines[i].priced)
			return 0;
	return 1;
}

/* Storage and throughput amounts of lines from to end (a region's, or all). */
static void split(const ddbgt_cost_report *rep, size_t from, size_t end, int64_t *storage,
                  int64_t *throughput)
{
	size_t i;

	*storage = 0;
	*throughput = 0;
	for (i = from; i < end; i++) {
		const ddbgt__cost_line *l = &rep->lines[i];

		if (l->item == DDBGT_PRICE_STORAGE)
			*storage += l->amount;
		else if (ddbgt__cost_item_is_throughput(l->item))
			*throughput += l->amount;
	}
}

/* A message's room: enough for every message unless a region or currency is long. */
#define MSG_SIZE 512

/*
 * A message is put together from strings in its room of the report's
 * messages, cut to MSG_SIZE - 1 bytes as snprintf cut it: printf costs more
 * than the rest of a recommendation.
 */
typedef struct message {
	char *text; /* its room, MSG_SIZE bytes of the report's messages */
	size_t len;
} message;

/*
 * A new recommendation of rep, zeroed, with the room for its message in m.
 * The report has room for the most there can be (ddbgt__cost_recommend).
 */
static ddbgt__cost_rec *new_rec(ddbgt_cost_report *rep, message *m)
{
	ddbgt__cost_rec *r = &rep->recs[rep->nrecs];

	memset(r, 0, sizeof(*r));
	r->message = rep->nmessages;
	m->text = rep->messages + rep->nmessages;
	m->len = 0;
	return r;
}

/* Append the strings in order: SAY(&m, "a", b, ...). */
#define SAY(m, ...) say((m), (const char *const[]){__VA_ARGS__, NULL})

/* The strings up to a NULL: an array, cheaper to walk than a va_list. */
static void say(message *m, const char *const *parts)
{
	for (; *parts; parts++) {
		size_t n = strlen(*parts);

		if (n > MSG_SIZE - 1 - m->len)
			n = MSG_SIZE - 1 - m->len;
		memcpy(m->text + m->len, *parts, n);
		m->len += n;
	}
}

/* Append v with the given decimals, as printf's "%.*f" writes it. */
static void say_fixed(message *m, double v, int decimals)
{
	char num[32];

	ddbgt__cost_format_fixed(num, v, decimals);
	SAY(m, num);
}

/*
 * The message ends, and the next one may follow it. It quotes the region
 * and the currency, and may have been cut inside a character to fit: the
 * report must still serialise. A message shorter than its room was not cut.
 */
static void end_message(ddbgt_cost_report *rep, const message *m)
{
	m->text[m->len] = '\0';
	if (m->len >= MSG_SIZE - 1)
		ddbgt__utf8_scrub(m->text);
	rep->nmessages += m->len + 1;
}

/*
 * The class recommendation of region reg (lines from to end), for the
 * region's first replica: a second replica in one region is the
 * validator's business, not a class choice.
 */
static int recommend_class(ddbgt_cost_report *rep, const ddbgt_table *table, size_t reg,
                           size_t from, size_t end, const ddbgt_prices *prices, int free_tier)
{
	const ddbgt_replica *r = ddbgt_table_replica_at(table, rep->regions[reg].replica);
	const char *code = rep->regions[reg].code;
	ddbgt_table_class cur = ddbgt_replica_effective_table_class(r);
	ddbgt_table_class other = cur == DDBGT_TABLE_CLASS_STANDARD
	                                  ? DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS
	                                  : DDBGT_TABLE_CLASS_STANDARD;
	ddbgt__cost_rec *rec;
	int64_t s, t;
	message m;
	char a[40], b[40], c[40];
	int comparable;

	rec = new_rec(rep, &m);
	rec->kind = DDBGT_COST_REC_TABLE_CLASS;
	rec->region = reg;
	rec->current = class_name(cur);
	rec->recommended = rec->current;
	rec->current_nanos = rep->regions[reg].subtotal;
	if (ddbgt__cost_region_as_class(rep, reg, from, end, prices, free_tier, other,
	                                &rec->alternative_nanos, &comparable) != DDBGT_OK)
		return DDBGT_ERANGE;
	split(rep, from, end, &s, &t);
	rec->ratio = t > 0 ? (double)s / (double)t : (s > 0 ? HUGE_VAL : 0.0);
	if (cur == DDBGT_TABLE_CLASS_STANDARD)
		rec->aws_rule = class_name(rec->ratio > DDBGT__AWS_STANDARD_TO_IA ? other : cur);
	else
		rec->aws_rule = class_name(rec->ratio < DDBGT__AWS_IA_TO_STANDARD ? other : cur);
	ddbgt__cost_format_cents(a, sizeof(a), rec->current_nanos);
	ddbgt__cost_format_cents(b, sizeof(b), rec->alternative_nanos);
	comparable = comparable && lines_complete(rep, from, end);
	if (!comparable) {
		rec->aws_rule = NULL;
		SAY(&m, code, ": cannot compare table classes: prices are missing for ",
		    class_name(cur), " or ", class_name(other), " in this region");
	} else if (rec->alternative_nanos < rec->current_nanos) {
		rec->recommended = class_name(other);
		rec->saving_nanos = rec->current_nanos - rec->alternative_nanos;
		ddbgt__cost_format_cents(c, sizeof(c), rec->saving_nanos);
		SAY(&m, code, ": ", rec->recommended, " saves ", c, " ", rep->currency,
		    " a month (", b, " instead of ", a, ")",
		    other == DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS &&
		            ddbgt_replica_effective_role(r) == DDBGT_ROLE_STANDBY
		        ? "; a standby replica with little traffic is the textbook Standard-IA case"
		        : "");
	} else {
		SAY(&m, code, ": ", rec->current, " is the cheaper class (", class_name(other),
		    " would cost ", b, " ", rep->currency, " a month instead of ", a, ")");
	}
	rep->nrecs++;
	if (comparable && isfinite(rec->ratio)) {
		char ratio[32];

		ddbgt__cost_format_fixed(ratio, rec->ratio, 2);
		SAY(&m, "; storage is ", ratio, " of throughput cost, AWS's rule (",
		    cur == DDBGT_TABLE_CLASS_STANDARD
		        ? "Standard-IA above " DDBGT__AWS_STANDARD_TO_IA_TEXT
		        : "back to Standard below " DDBGT__AWS_IA_TO_STANDARD_TEXT,
		    ") says ", rec->aws_rule);
	}
	end_message(rep, &m);
	return DDBGT_OK;
}

/* Reservable capacity of a region: Standard-class WCU (not rWCU) and RCU lines, table and GSIs. */
struct reservable {
	double units[2];   /* average units, by ddbgt_rw */
	int64_t cost[2];   /* what the lines cost, by ddbgt_rw */
	int64_t price[2];  /* the provisioned price per unit-hour, by ddbgt_rw */
	int priced;
};

static void reservable_of(const ddbgt_cost_report *rep, size_t reg, struct reservable *rv)
{
	size_t i;

	memset(rv, 0, sizeof(*rv));
	rv->priced = 1;
	for (i = 0; i < rep->nlines; i++) {
		const ddbgt__cost_line *l = &rep->lines[i];
		int rw;

		if (l->region != reg || l->free_tier || l->cls != DDBGT_TABLE_CLASS_STANDARD ||
		    (l->item != DDBGT_PRICE_WCU && l->item != DDBGT_PRICE_RCU))
			continue;
		rw = l->item == DDBGT_PRICE_WCU ? DDBGT_WRITE : DDBGT_READ;
		rv->units[rw] += (double)l->qty_micros / 1e6 / rep->profile.hours;
		rv->cost[rw] += l->amount;
		rv->price[rw] = l->price;
		rv->priced &= l->priced;
	}
}

/*
 * The monthly bill of the reservable capacity when every whole block of 100
 * units is reserved for the term (t: 0 one year, 1 three years): the upfront
 * price spread over the term's hours, the reserved hourly price, and the
 * units beyond the blocks at the provisioned price. -1 without prices, -2 past
 * DDBGT__COST_AMOUNTS_MAX.
 */
static int64_t reserved_cost(const ddbgt_cost_report *rep, const ddbgt__region_prices *rp,
                             const struct reservable *rv, int t, double *breakeven)
{
	static const ddbgt_price_item up[2][2] = {
		{DDBGT_PRICE_RESERVED_RCU_1Y_UPFRONT, DDBGT_PRICE_RESERVED_WCU_1Y_UPFRONT},
		{DDBGT_PRICE_RESERVED_RCU_3Y_UPFRONT, DDBGT_PRICE_RESERVED_WCU_3Y_UPFRONT}};
	static const ddbgt_price_item hourly[2][2] = {
		{DDBGT_PRICE_RESERVED_RCU_1Y_HOURLY, DDBGT_PRICE_RESERVED_WCU_1Y_HOURLY},
		{DDBGT_PRICE_RESERVED_RCU_3Y_HOURLY, DDBGT_PRICE_RESERVED_WCU_3Y_HOURLY}};
	/*
	 * The ratio in double: long double is 80-bit on x86 but 64-bit under
	 * valgrind, and a report must read the same in both.
	 */
	long double total = 0;
	double reserved = 0, standard = 0;
	int rw;

	if (!rp)
		return -1;
	for (rw = DDBGT_READ; rw <= DDBGT_WRITE; rw++) {
		const ddbgt__price_cell *u = ddbgt__prices_cell(rp, up[t][rw], DDBGT_TABLE_CLASS_STANDARD);
		const ddbgt__price_cell *h =
			ddbgt__prices_cell(rp, hourly[t][rw], DDBGT_TABLE_CLASS_STANDARD);
		double blocks = floor(rv->units[rw] / RESERVED_BLOCK);
		long double block_hour;

		if (rv->units[rw] <= 0)
			continue;
		if (!u->set || !h->set)
			return -1;
		/* nanos per block-hour: the upfront spread over the term, plus the hourly price */
		block_hour = (long double)u->nanos / term_hours[t] + (long double)h->nanos;
		/* The break-even of reserving every unit, whether or not it fills a block. */
		reserved += rv->units[rw] / RESERVED_BLOCK * (double)block_hour;
		standard += rv->units[rw] * (double)rv->price[rw];
		total += blocks * block_hour * rep->profile.hours +
		         (rv->units[rw] - blocks * RESERVED_BLOCK) * (long double)rv->price[rw] *
		                 rep->profile.hours;
	}
	*breakeven = standard > 0 ? reserved / standard : 0.0;
	if (!(fabsl(total) < (long double)DDBGT__COST_AMOUNTS_MAX))
		return -2;
	return (int64_t)llroundl(total);
}

/*
 * Reserved capacity for one region of a provisioned table, against the
 * capacity as provisioned and the region's throughput on demand (from the
 * billing-mode alternative). Only Standard-class, single-region WCU and RCU
 * can be reserved (AWS: not rWCU, not Standard-IA, not on-demand).
 */
static int recommend_reserved(ddbgt_cost_report *rep, size_t reg, int64_t od_throughput)
{
	const char *code = rep->regions[reg].code;
	/* The prices the estimate looked up for the region's first replica. */
	const ddbgt__region_prices *rp = rep->replicas[rep->regions[reg].replica].rp;
	struct reservable rv;
	ddbgt__cost_rec *rec;
	int64_t cost[2];
	double be[2] = {0, 0};
	message m;
	char a[40], b[40], c[40], d[40], units[2][32];
	int t, best = -1;

	reservable_of(rep, reg, &rv);
	if (rv.units[DDBGT_READ] <= 0 && rv.units[DDBGT_WRITE] <= 0)
		return DDBGT_OK;
	rec = new_rec(rep, &m);
	rec->kind = DDBGT_COST_REC_RESERVED_CAPACITY;
	rec->region = reg;
	rec->current = "PROVISIONED";
	rec->recommended = rec->current;
	rec->current_nanos = rv.cost[DDBGT_READ] + rv.cost[DDBGT_WRITE];
	rec->alternative_nanos = rec->current_nanos;
	for (t = 0; t < 2; t++) {
		cost[t] = rv.priced ? reserved_cost(rep, rp, &rv, t, &be[t]) : -1;
		if (cost[t] >= 0 && (best < 0 || cost[t] < cost[best]))
			best = t;
	}
	if (cost[0] == -2 || cost[1] == -2)
		return DDBGT_ERANGE;
	rec->ratio = best >= 0 ? be[best] : 0.0;
	rep->nrecs++;
	ddbgt__cost_format_cents(a, sizeof(a), rec->current_nanos);
	ddbgt__cost_format_cents(d, sizeof(d), od_throughput);
	if (best < 0) {
		SAY(&m, code, ": cannot price reserved capacity: prices are missing in this region");
		end_message(rep, &m);
		return DDBGT_OK;
	}
	rec->alternative_nanos = cost[best];
	if (cost[best] < rec->current_nanos) {
		rec->recommended = best == 0 ? "RESERVED_1_YEAR" : "RESERVED_3_YEARS";
		rec->saving_nanos = rec->current_nanos - cost[best];
	}
	ddbgt__cost_format_cents(b, sizeof(b), cost[best]);
	ddbgt__cost_format_cents(c, sizeof(c), rec->saving_nanos);
	snprintf(units[0], sizeof(units[0]), "%.0f", rv.units[DDBGT_WRITE]);
	snprintf(units[1], sizeof(units[1]), "%.0f", rv.units[DDBGT_READ]);
	if (floor(rv.units[DDBGT_READ] / RESERVED_BLOCK) < 1 &&
	    floor(rv.units[DDBGT_WRITE] / RESERVED_BLOCK) < 1) {
		SAY(&m, code, ": reserved capacity is sold in blocks of 100 units; this region "
		    "provisions ", units[0], " WCU and ", units[1], " RCU that could be reserved (", a,
		    " ", rep->currency, " a month provisioned; the region's throughput on demand: ",
		    d, ")");
		end_message(rep, &m);
		return DDBGT_OK;
	}
	SAY(&m, code, ": ", rec->recommended, " (", units[0], " WCU and ", units[1],
	    " RCU reservable: ", b, " ", rep->currency, " a month with ",
	    best == 0 ? "1" : "3", "-year reserved capacity, upfront spread over the term, "
	    "against ", a, " provisioned; the region's throughput on demand: ", d,
	    "); the reservation pays while the reserved units stay provisioned above ");
	say_fixed(&m, rec->ratio * 100.0, 0);
	SAY(&m, " % of the term");
	if (rec->saving_nanos)
		SAY(&m, "; saves ", c, " ", rep->currency);
	end_message(rep, &m);
	return DDBGT_OK;
}

static int64_t throughput(const ddbgt_cost_report *rep)
{
	int64_t s, t;

	split(rep, 0, rep->nlines, &s, &t);
	return t;
}

/* The amount of the report's lines that change with the billing mode. */
static int64_t billing_amount(const ddbgt_cost_report *rep)
{
	int64_t sum = 0;
	size_t i;

	for (i = 0; i < rep->nlines; i++)
		if (ddbgt__cost_item_depends_on_billing(rep->lines[i].item))
			sum += rep->lines[i].amount;
	return sum;
}

static int recommend_billing(ddbgt_cost_report *rep, const ddbgt_table *table,
                             const ddbgt_prices *prices, int free_tier)
{
	ddbgt_billing_mode cur = ddbgt_table_billing_mode(table);
	ddbgt__cost_sums p100 = {0}, alt = {0};
	ddbgt__cost_rec *rec;
	int64_t alt_total, od_total, prov_total, od_throughput;
	message m;
	char a[40], b[40], c[40];
	int rc, complete;

	/* A provisioned table's reserved capacity compares with each region on demand. */
	if (cur == DDBGT_BILLING_PROVISIONED && rep->nregions &&
	    !(alt.region_throughput = ddbgt__calloc(rep->nregions, sizeof(int64_t))))
		return DDBGT_ENOMEM;
	/*
	 * Provisioned at exactly the demand: the throughput bill at 100 % utilisation, its
	 * throughput lines only (the others are the same in every billing mode).
	 */
	rc = ddbgt__cost_run_as(&p100, rep, table, prices, free_tier, DDBGT_BILLING_PROVISIONED,
	                        DDBGT__COST_CAPACITY_AT_DEMAND, DDBGT__COST_LINES_THROUGHPUT);
	/*
	 * The alternative: on demand, or provisioned with autoscaling at the default target.
	 * Its lines that change with the billing mode only: its total is the report's with
	 * those lines swapped (the others, and whether they are priced, are the report's).
	 */
	if (rc == DDBGT_OK && cur == DDBGT_BILLING_PROVISIONED)
		rc = ddbgt__cost_run_as(&alt, rep, table, prices, free_tier,
		                        DDBGT_BILLING_PAY_PER_REQUEST, DDBGT__COST_CAPACITY_AT_DEMAND,
		                        DDBGT__COST_LINES_BILLING);
	else if (rc == DDBGT_OK)
		rc = ddbgt__cost_run_as(&alt, rep, table, prices, free_tier,
		                        DDBGT_BILLING_PROVISIONED, DDBGT__COST_CAPACITY_AUTOSCALED,
		                        DDBGT__COST_LINES_BILLING);
	if (rc != DDBGT_OK) {
		ddbgt__free(alt.region_throughput);
		return rc;
	}
	rec = new_rec(rep, &m);
	alt_total = rep->total - billing_amount(rep) + alt.total;
	od_total = cur == DDBGT_BILLING_PROVISIONED ? alt_total : rep->total;
	od_throughput = cur == DDBGT_BILLING_PROVISIONED ? alt.throughput : throughput(rep);
	prov_total = cur == DDBGT_BILLING_PROVISIONED ? rep->total : alt_total;
	rec->kind = DDBGT_COST_REC_BILLING_MODE;
	rec->region = (size_t)-1;
	rec->current = mode_name(cur);
	rec->recommended = rec->current;
	rec->current_nanos = rep->total;
	rec->alternative_nanos = alt_total;
	rec->ratio = od_throughput > 0 ? (double)p100.throughput / (double)od_throughput : 0.0;
	/* rep->complete covers the lines the alternative shares with the report. */
	complete = rep->complete && alt.complete && p100.complete;
	if (complete && rec->alternative_nanos < rec->current_nanos) {
		rec->recommended = mode_name(cur == DDBGT_BILLING_PROVISIONED
		                                 ? DDBGT_BILLING_PAY_PER_REQUEST
		                                 : DDBGT_BILLING_PROVISIONED);
		rec->saving_nanos = rec->current_nanos - rec->alternative_nanos;
	}
	ddbgt__cost_format_cents(a, sizeof(a), od_total);
	ddbgt__cost_format_cents(b, sizeof(b), prov_total);
	ddbgt__cost_format_cents(c, sizeof(c), rec->saving_nanos);
	if (!complete) {
		SAY(&m, "billing mode: cannot compare on-demand and provisioned: prices are missing");
	} else if (od_throughput == 0) {
		SAY(&m, "billing mode: the usage profile has no requests; on-demand bills nothing "
		        "for an idle table");
	} else {
		SAY(&m, "billing mode: ", rec->recommended, " (on-demand ", a, " ", rep->currency,
		    ", provisioned ", b, " ", rep->currency, " a month",
		    cur == DDBGT_BILLING_PROVISIONED ? " as configured" : " at 70 % target",
		    "); provisioned is cheaper while average utilisation of its capacity stays above ");
		say_fixed(&m, rec->ratio * 100.0, 0);
		SAY(&m, " %");
		if (rec->saving_nanos)
			SAY(&m, "; saves ", c, " ", rep->currency);
	}
	rep->nrecs++;
	end_message(rep, &m);
	/* Reserved capacity, per region, for a provisioned table. */
	for (size_t reg = 0; rc == DDBGT_OK && cur == DDBGT_BILLING_PROVISIONED &&
	                     reg < rep->nregions; reg++)
		rc = recommend_reserved(rep, reg, alt.region_throughput[reg]);
	ddbgt__free(alt.region_throughput);
	return rc;
}

int ddbgt__cost_recommend(ddbgt_cost_report *rep, const ddbgt_table *table,
                          const ddbgt_prices *prices, int free_tier)
{
	size_t reg, from = 0, end, most;

	if (ddbgt_table_replica_count(table) == 0)
		return DDBGT_OK;
	/*
	 * The recommendations and the room for their messages in one block, for
	 * the most there can be: a table class per region, the billing mode, and
	 * for a provisioned table reserved capacity per region.
	 */
	most = rep->nregions + 1 +
	       (ddbgt_table_billing_mode(table) == DDBGT_BILLING_PROVISIONED ? rep->nregions : 0);
	rep->recs = ddbgt__malloc(most * (sizeof(*rep->recs) + MSG_SIZE));
	if (!rep->recs)
		return DDBGT_ENOMEM;
	rep->messages = (char *)(rep->recs + most);
	/* The lines are grouped by region, in the order of the regions. */
	for (reg = 0; reg < rep->nregions; reg++, from = end) {
		for (end = from; end < rep->nlines && rep->lines[end].region == reg; end++)
			;
		if (recommend_class(rep, table, reg, from, end, prices, free_tier) != DDBGT_OK)
			return DDBGT_ERANGE;
	}
	return recommend_billing(rep, table, prices, free_tier);
}
