/* The cost report: accessors, JSON and the aligned text table. */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "cost_internal.h"
#include "diag_internal.h"
#include "jsonwrite.h"
#include "utf8.h"

/* The n bytes at p into buf of size bytes as snprintf would: cut to fit, NUL-terminated. */
static void copy_out(char *buf, size_t size, const char *p, size_t n)
{
	if (!size)
		return;
	if (n > size - 1)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

/* The digits of v grouped by thousands, written leftwards from end; returns the first. */
static char *grouped_leftwards(char *end, uint64_t v)
{
	int n = 0;

	do {
		if (n > 0 && n % 3 == 0)
			*--end = ',';
		*--end = (char)('0' + v % 10);
		v /= 10;
		n++;
	} while (v);
	return end;
}

void ddbgt__cost_format_nanos(char *buf, size_t size, int64_t nanos)
{
	uint64_t mag = nanos < 0 ? (uint64_t)0 - (uint64_t)nanos : (uint64_t)nanos;
	uint64_t whole = mag / 1000000000u, frac = mag % 1000000000u;
	char text[32];
	char *end = text + sizeof(text), *p = end;
	int len = 9;

	/*
	 * Digits from the right, without printf (every amount of a report comes
	 * here twice): the nine fraction digits less their trailing zeros, at
	 * least two ("12.50", "0.000001234").
	 */
	while (len > 2 && frac % 10 == 0) {
		frac /= 10;
		len--;
	}
	while (len-- > 0) {
		*--p = (char)('0' + frac % 10);
		frac /= 10;
	}
	*--p = '.';
	do {
		*--p = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	if (nanos < 0)
		*--p = '-';
	copy_out(buf, size, p, (size_t)(end - p));
}

/* A whole number with thousands separators, for the text table. */
static void format_grouped(char *buf, size_t size, uint64_t v)
{
	char out[32], *p = grouped_leftwards(out + sizeof(out), v);

	copy_out(buf, size, p, (size_t)(out + sizeof(out) - p));
}

/* A quantity in micros as a grouped decimal without trailing zeros. */
static void format_micros(char *buf, size_t size, int64_t micros)
{
	uint64_t mag = micros < 0 ? (uint64_t)0 - (uint64_t)micros : (uint64_t)micros;
	char frac[8], whole[32];
	int len = 6;

	snprintf(frac, sizeof(frac), "%06" PRIu64, mag % 1000000u);
	while (len > 0 && frac[len - 1] == '0')
		len--;
	frac[len] = '\0';
	format_grouped(whole, sizeof(whole), mag / 1000000u);
	snprintf(buf, size, "%s%s%s%s", micros < 0 ? "-" : "", whole, len ? "." : "", frac);
}

/* An amount rounded half away from zero to the cent, grouped, for a person. */
void ddbgt__cost_format_cents(char *buf, size_t size, int64_t nanos)
{
	uint64_t mag = nanos < 0 ? (uint64_t)0 - (uint64_t)nanos : (uint64_t)nanos;
	uint64_t cents = (mag + 5000000u) / 10000000u;
	char out[40], *end = out + sizeof(out), *p = end;

	/* Without printf: a recommendation's message quotes three amounts. */
	*--p = (char)('0' + cents % 10);
	*--p = (char)('0' + cents / 10 % 10);
	*--p = '.';
	p = grouped_leftwards(p, cents / 100u);
	if (nanos < 0 && cents)
		*--p = '-';
	copy_out(buf, size, p, (size_t)(end - p));
}

void ddbgt__cost_format_fixed(char *buf, double v, int decimals)
{
#ifdef __SIZEOF_INT128__
	static const uint64_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
	                                 100000000, 1000000000};
	if (v >= 0 && v < 1e9 && !signbit(v) && decimals >= 0 && decimals <= 9) {
		/*
		 * v = mant * 2^-shift exactly, read from the IEEE 754 bits (a normal
		 * number has the implicit leading 1): v * 10^decimals is exact in 128 bits.
		 */
		uint64_t bits;
		memcpy(&bits, &v, sizeof(bits));
		int biased = (int)(bits >> 52);
		uint64_t mant = bits & (((uint64_t)1 << 52) - 1);
		if (biased)
			mant |= (uint64_t)1 << 52;
		int shift = 1075 - (biased ? biased : 1);
		unsigned __int128 scaled = (unsigned __int128)mant * pow10[decimals];
		uint64_t q = 0; /* below 10^18; 0 when scaled is under half a unit (shift >= 120) */
		if (shift < 120) {
			unsigned __int128 one = (unsigned __int128)1 << shift;
			unsigned __int128 rest = scaled & (one - 1), half = one >> 1;
			q = (uint64_t)(scaled >> shift);
			/* To nearest, ties to even, as printf rounds the exact binary value. */
			if (rest > half || (rest == half && (q & 1)))
				q++;
		}
		char out[32], *end = out + sizeof(out), *p = end;
		uint64_t whole = q / pow10[decimals], frac = q % pow10[decimals];
		for (int i = 0; i < decimals; i++, frac /= 10)
			*--p = (char)('0' + frac % 10);
		if (decimals)
			*--p = '.';
		do {
			*--p = (char)('0' + whole % 10);
			whole /= 10;
		} while (whole);
		memcpy(buf, p, (size_t)(end - p));
		buf[end - p] = '\0';
		return;
	}
#endif
	snprintf(buf, 32, "%.*f", decimals, v);
}

/* ---- accessors ------------------------------------------------------------ */

const char *ddbgt_cost_report_currency(const ddbgt_cost_report *report)
{
	return report ? report->currency : NULL;
}

const char *ddbgt_cost_report_price_date(const ddbgt_cost_report *report)
{
	return report ? report->price_date : NULL;
}

double ddbgt_cost_report_hours_per_month(const ddbgt_cost_report *report)
{
	return report ? report->profile.hours : 0;
}

int64_t ddbgt_cost_report_total_nanos(const ddbgt_cost_report *report)
{
	return report ? report->total : 0;
}

int ddbgt_cost_report_is_complete(const ddbgt_cost_report *report)
{
	return report ? report->complete : 0;
}

size_t ddbgt_cost_report_region_count(const ddbgt_cost_report *report)
{
	return report ? report->nregions : 0;
}

const char *ddbgt_cost_report_region_at(const ddbgt_cost_report *report, size_t i)
{
	return report && i < report->nregions ? report->regions[i].code : NULL;
}

int64_t ddbgt_cost_report_region_subtotal_nanos(const ddbgt_cost_report *report, size_t i)
{
	return report && i < report->nregions ? report->regions[i].subtotal : 0;
}

int64_t ddbgt_cost_report_subtotal_nanos(const ddbgt_cost_report *report, const char *region)
{
	size_t i;

	if (!report || !region)
		return 0;
	for (i = 0; i < report->nregions; i++)
		if (strcmp(report->regions[i].code, region) == 0)
			return report->regions[i].subtotal;
	return 0;
}

size_t ddbgt_cost_report_line_count(const ddbgt_cost_report *report)
{
	return report ? report->nlines : 0;
}

static const ddbgt__cost_line *line(const ddbgt_cost_report *report, size_t i)
{
	return report && i < report->nlines ? &report->lines[i] : NULL;
}

const char *ddbgt_cost_line_region(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? report->regions[l->region].code : NULL;
}

ddbgt_price_item ddbgt_cost_line_item(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->item : (ddbgt_price_item)-1;
}

const char *ddbgt_cost_line_item_name(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? ddbgt_price_item_name(l->item) : NULL;
}

const char *ddbgt_cost_line_index(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->index : NULL;
}

const char *ddbgt_cost_line_destination(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->dest : NULL;
}

ddbgt_table_class ddbgt_cost_line_table_class(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->cls : DDBGT_TABLE_CLASS_UNSET;
}

double ddbgt_cost_line_quantity(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? (double)l->qty_micros / 1e6 : 0;
}

int64_t ddbgt_cost_line_quantity_micros(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->qty_micros : 0;
}

const char *ddbgt_cost_line_unit(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? ddbgt_price_item_unit(l->item) : NULL;
}

int64_t ddbgt_cost_line_unit_price_nanos(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->price : -1;
}

int64_t ddbgt_cost_line_price_per(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->per : 0;
}

int64_t ddbgt_cost_line_amount_nanos(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->amount : 0;
}

int ddbgt_cost_line_is_priced(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->priced : 0;
}

int ddbgt_cost_line_is_derived(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->derived : 0;
}

int ddbgt_cost_line_is_free_tier(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_line *l = line(report, i);

	return l ? l->free_tier : 0;
}

size_t ddbgt_cost_report_recommendation_count(const ddbgt_cost_report *report)
{
	return report ? report->nrecs : 0;
}

static const ddbgt__cost_rec *rec(const ddbgt_cost_report *report, size_t i)
{
	return report && i < report->nrecs ? &report->recs[i] : NULL;
}

ddbgt_cost_recommendation_kind ddbgt_cost_recommendation_subject(const ddbgt_cost_report *report,
                                                                 size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->kind : (ddbgt_cost_recommendation_kind)0;
}

const char *ddbgt_cost_recommendation_region(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r && r->region != (size_t)-1 ? report->regions[r->region].code : NULL;
}

const char *ddbgt_cost_recommendation_current(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->current : NULL;
}

const char *ddbgt_cost_recommendation_recommended(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->recommended : NULL;
}

const char *ddbgt_cost_recommendation_aws_rule(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->aws_rule : NULL;
}

int64_t ddbgt_cost_recommendation_current_nanos(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->current_nanos : 0;
}

int64_t ddbgt_cost_recommendation_alternative_nanos(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->alternative_nanos : 0;
}

int64_t ddbgt_cost_recommendation_saving_nanos(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->saving_nanos : 0;
}

double ddbgt_cost_recommendation_ratio(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? r->ratio : 0;
}

const char *ddbgt_cost_recommendation_message(const ddbgt_cost_report *report, size_t i)
{
	const ddbgt__cost_rec *r = rec(report, i);

	return r ? report->messages + r->message : NULL;
}

/* ---- JSON ------------------------------------------------------------------ */

static void put_money(jw *w, const char *key, int64_t nanos)
{
	char buf[48];

	ddbgt__cost_format_nanos(buf, sizeof(buf), nanos);
	ddbgt__jw_key(w, key);
	ddbgt__jw_string(w, buf);
	/* The keys are this file's own short names: no printf for the pair's second key. */
	size_t n = strlen(key);
	memcpy(buf, key, n);
	memcpy(buf + n, "_nanos", sizeof "_nanos");
	ddbgt__jw_key(w, buf);
	ddbgt__jw_int(w, nanos);
}

static void line_json(jw *w, const ddbgt_cost_report *rep, const ddbgt__cost_line *l)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "region");
	ddbgt__jw_string(w, rep->regions[l->region].code);
	ddbgt__jw_key(w, "item");
	ddbgt__jw_string(w, ddbgt_price_item_name(l->item));
	ddbgt__jw_key(w, "index");
	ddbgt__jw_string_or_null(w, l->index);
	ddbgt__jw_key(w, "destination");
	ddbgt__jw_string_or_null(w, l->dest);
	ddbgt__jw_key(w, "table_class");
	ddbgt__jw_string_or_null(w, ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, (int)l->cls));
	ddbgt__jw_key(w, "quantity");
	ddbgt__jw_number(w, (double)l->qty_micros / 1e6);
	ddbgt__jw_key(w, "quantity_micros");
	ddbgt__jw_int(w, l->qty_micros);
	ddbgt__jw_key(w, "unit");
	ddbgt__jw_string(w, ddbgt_price_item_unit(l->item));
	if (l->priced) {
		put_money(w, "unit_price", l->price);
		ddbgt__jw_key(w, "price_per");
		ddbgt__jw_int(w, l->per);
		put_money(w, "amount", l->amount);
	} else {
		ddbgt__jw_key(w, "unit_price");
		ddbgt__jw_null(w);
		ddbgt__jw_key(w, "price_per");
		ddbgt__jw_int(w, l->per);
		ddbgt__jw_key(w, "amount");
		ddbgt__jw_null(w);
	}
	ddbgt__jw_key(w, "derived");
	ddbgt__jw_bool(w, l->derived);
	ddbgt__jw_key(w, "free_tier");
	ddbgt__jw_bool(w, l->free_tier);
	ddbgt__jw_object_end(w);
}

static void rec_json(jw *w, const ddbgt_cost_report *rep, const ddbgt__cost_rec *r)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "kind");
	ddbgt__jw_string(w, r->kind == DDBGT_COST_REC_TABLE_CLASS     ? "table_class"
	                    : r->kind == DDBGT_COST_REC_BILLING_MODE ? "billing_mode"
	                                                             : "reserved_capacity");
	ddbgt__jw_key(w, "region");
	ddbgt__jw_string_or_null(w, r->region == (size_t)-1 ? NULL : rep->regions[r->region].code);
	ddbgt__jw_key(w, "current");
	ddbgt__jw_string(w, r->current);
	ddbgt__jw_key(w, "recommended");
	ddbgt__jw_string(w, r->recommended);
	ddbgt__jw_key(w, "aws_rule");
	ddbgt__jw_string_or_null(w, r->aws_rule);
	put_money(w, "current_cost", r->current_nanos);
	put_money(w, "alternative_cost", r->alternative_nanos);
	put_money(w, "saving", r->saving_nanos);
	ddbgt__jw_key(w, r->kind == DDBGT_COST_REC_TABLE_CLASS ? "storage_to_throughput"
	                                                       : "break_even_utilization");
	if (isfinite(r->ratio))
		ddbgt__jw_number(w, r->ratio);
	else
		ddbgt__jw_null(w);
	ddbgt__jw_key(w, "message");
	ddbgt__jw_string(w, rep->messages + r->message);
	ddbgt__jw_object_end(w);
}

int ddbgt_cost_report_to_json(char **out, const ddbgt_cost_report *rep)
{
	jw w;
	size_t i;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!rep)
		return DDBGT_EINVAL;
	/* About 560 bytes a line: one allocation for the usual report. */
	ddbgt__jw_init(&w, 0, 1024 + 256 * rep->nregions + 640 * (rep->nlines + rep->nrecs));
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "currency");
	ddbgt__jw_string(&w, rep->currency);
	ddbgt__jw_key(&w, "price_date");
	ddbgt__jw_string_or_null(&w, rep->price_date);
	ddbgt__jw_key(&w, "hours_per_month");
	ddbgt__jw_number(&w, rep->profile.hours);
	put_money(&w, "total", rep->total);
	ddbgt__jw_key(&w, "complete");
	ddbgt__jw_bool(&w, rep->complete);
	ddbgt__jw_key(&w, "regions");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < rep->nregions; i++) {
		ddbgt__jw_object_begin(&w);
		ddbgt__jw_key(&w, "region");
		ddbgt__jw_string(&w, rep->regions[i].code);
		put_money(&w, "subtotal", rep->regions[i].subtotal);
		ddbgt__jw_object_end(&w);
	}
	ddbgt__jw_array_end(&w);
	ddbgt__jw_key(&w, "lines");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < rep->nlines; i++)
		line_json(&w, rep, &rep->lines[i]);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_key(&w, "recommendations");
	ddbgt__jw_array_begin(&w);
	for (i = 0; i < rep->nrecs; i++)
		rec_json(&w, rep, &rep->recs[i]);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

/* ---- text ------------------------------------------------------------------ */

typedef struct sbuf {
	char *s;
	size_t len, cap;
	int oom;
} sbuf;

static void sb_printf(sbuf *b, const char *fmt, ...) DDBGT__PRINTF(2, 3);

static void sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->oom)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || ddbgt__grow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1) != DDBGT_OK) {
		b->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

#define NCOLS 8
#define CELL 64

typedef struct row {
	char c[NCOLS][CELL];
} row;

static const char *const headers[NCOLS] = {
	"REGION", "ITEM", "INDEX/TO", "CLASS", "QUANTITY", "UNIT", "UNIT PRICE", "AMOUNT"
};

/* Columns 4, 6 and 7 hold numbers and are right-aligned. */
static int right_aligned(int col)
{
	return col == 4 || col == 6 || col == 7;
}

/* Long index names are cut in the text table; the JSON keeps them whole. */
static void cell(row *r, int col, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n >= CELL) {
		n = CELL - 1;
		/* Cut between characters: a region or index name may be multi-byte UTF-8. */
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(r->c[col], s, n);
	r->c[col][n] = '\0';
}

static void fill_line(row *r, const ddbgt_cost_report *rep, const ddbgt__cost_line *l)
{
	char buf[CELL + 8], price[40];

	memset(r, 0, sizeof(*r));
	cell(r, 0, rep->regions[l->region].code);
	snprintf(buf, sizeof(buf), "%s%s", ddbgt_price_item_name(l->item),
	         l->free_tier ? " (free tier)" : "");
	cell(r, 1, buf);
	if (l->dest)
		snprintf(buf, sizeof(buf), "to %s", l->dest);
	else
		snprintf(buf, sizeof(buf), "%s", l->index ? l->index : "");
	cell(r, 2, buf);
	cell(r, 3, l->cls == DDBGT_TABLE_CLASS_STANDARD ? "STD"
	           : l->cls == DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS ? "IA" : "");
	format_micros(buf, sizeof(buf), l->qty_micros);
	cell(r, 4, buf);
	cell(r, 5, ddbgt_price_item_unit(l->item));
	if (l->priced) {
		ddbgt__cost_format_nanos(price, sizeof(price), l->price);
		if (l->per != 1)
			snprintf(buf, sizeof(buf), "%s%s /%" PRId64 "M", price, l->derived ? "*" : "",
			         l->per / 1000000);
		else
			snprintf(buf, sizeof(buf), "%s%s", price, l->derived ? "*" : "");
		cell(r, 6, buf);
		ddbgt__cost_format_cents(buf, sizeof(buf), l->amount);
		cell(r, 7, buf);
	} else {
		cell(r, 6, "no price");
		cell(r, 7, "-");
	}
}

static void print_row(sbuf *b, const row *r, const size_t *w)
{
	int col;

	for (col = 0; col < NCOLS; col++) {
		const char *sep = col + 1 < NCOLS ? "  " : "";

		if (right_aligned(col))
			sb_printf(b, "%*s%s", (int)w[col], r->c[col], sep);
		else if (col + 1 < NCOLS)
			sb_printf(b, "%-*s%s", (int)w[col], r->c[col], sep);
		else
			sb_printf(b, "%s", r->c[col]);
	}
	/* Trailing blanks of left-aligned empty cells are noise. */
	while (!b->oom && b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	sb_printf(b, "\n");
}

static void text_body(sbuf *b, const ddbgt_cost_report *rep, row *rows)
{
	size_t w[NCOLS], i, nrows = 0, reg;
	char buf[48];
	int col;

	for (reg = 0; reg < rep->nregions; reg++) {
		for (i = 0; i < rep->nlines; i++)
			if (rep->lines[i].region == reg)
				fill_line(&rows[nrows++], rep, &rep->lines[i]);
		memset(&rows[nrows], 0, sizeof(rows[nrows]));
		cell(&rows[nrows], 0, rep->regions[reg].code);
		cell(&rows[nrows], 1, "subtotal");
		ddbgt__cost_format_cents(buf, sizeof(buf), rep->regions[reg].subtotal);
		cell(&rows[nrows], 7, buf);
		nrows++;
	}
	memset(&rows[nrows], 0, sizeof(rows[nrows]));
	cell(&rows[nrows], 0, "TOTAL");
	ddbgt__cost_format_cents(buf, sizeof(buf), rep->total);
	snprintf(rows[nrows].c[7], CELL, "%s %s", buf, rep->currency);
	/* A long currency name may have been cut inside a character. */
	ddbgt__utf8_scrub(rows[nrows].c[7]);
	nrows++;

	for (col = 0; col < NCOLS; col++)
		w[col] = strlen(headers[col]);
	for (i = 0; i < nrows; i++)
		for (col = 0; col < NCOLS; col++)
			if (strlen(rows[i].c[col]) > w[col])
				w[col] = strlen(rows[i].c[col]);
	{
		row h;

		for (col = 0; col < NCOLS; col++)
			cell(&h, col, headers[col]);
		print_row(b, &h, w);
	}
	for (i = 0; i < nrows; i++)
		print_row(b, &rows[i], w);
}

int ddbgt_cost_report_to_text(char **out, const ddbgt_cost_report *report)
{
	sbuf b = {NULL, 0, 0, 0};
	row *rows;
	size_t i;
	int derived = 0;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!report)
		return DDBGT_EINVAL;
	rows = ddbgt__calloc(report->nlines + report->nregions + 1, sizeof(*rows));
	if (!rows)
		return DDBGT_ENOMEM;
	sb_printf(&b, "Monthly estimate in %s (amounts to the cent; JSON has them exact), %g hours, "
	          "prices of %s%s\n\n", report->currency,
	          report->profile.hours, report->price_date ? report->price_date : "unknown date",
	          report->complete ? "" : " (INCOMPLETE: some prices are missing)");
	text_body(&b, report, rows);
	ddbgt__free(rows);
	for (i = 0; i < report->nlines; i++)
		derived |= report->lines[i].derived;
	if (derived)
		sb_printf(&b, "\n* derived price (a ratio rule, not read from AWS)\n");
	if (report->nrecs)
		sb_printf(&b, "\nRecommendations\n");
	for (i = 0; i < report->nrecs; i++)
		sb_printf(&b, "  %s\n", report->messages + report->recs[i].message);
	if (b.oom) {
		ddbgt__free(b.s);
		return DDBGT_ENOMEM;
	}
	*out = b.s;
	return DDBGT_OK;
}
