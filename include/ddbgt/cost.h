/*
 * libddbgt: price tables and the monthly cost estimate of a global table.
 *
 * Money is exact: every amount and unit price is a whole number of
 * nano-units of the price table's currency (1 USD = 1,000,000,000 nanos).
 * Each line's amount is rounded once, half away from zero, to the nano;
 * subtotals and the total are exact sums of the lines. doc/cost.md has the
 * model, the rounding and the sources.
 *
 * A price table holds, per region, unit prices for both table classes (on-
 * demand WRU, RRU, replicated WRU; provisioned WCU, RCU, replicated WCU;
 * storage) and class-independent ones (PITR, stream reads, backups,
 * restores, Kinesis CDC, contributor insights, CloudWatch alarms and
 * dashboards, reserved capacity, inter-region transfer by source region,
 * with cheaper pairs). The library embeds
 * one for every commercial and GovCloud region (data/prices.json); files of
 * the same format override or extend it.
 */
#ifndef DDBGT_COST_H
#define DDBGT_COST_H

#include "common.h"
#include "table.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ddbgt_prices ddbgt_prices;
typedef struct ddbgt_cost_report ddbgt_cost_report;

/*
 * The priced items. The name of each ("wru", "storage", ...) is the key in a
 * price file; ddbgt_price_item_per gives how many units one price buys
 * (1,000,000 for request units, 1 otherwise). Append-only.
 */
typedef enum ddbgt_price_item {
	DDBGT_PRICE_WRU = 0,          /* on-demand write request unit */
	DDBGT_PRICE_RRU = 1,          /* on-demand read request unit */
	DDBGT_PRICE_RWRU = 2,         /* on-demand replicated write request unit */
	DDBGT_PRICE_WCU = 3,          /* provisioned write capacity unit-hour */
	DDBGT_PRICE_RCU = 4,          /* provisioned read capacity unit-hour */
	DDBGT_PRICE_RWCU = 5,         /* provisioned replicated write capacity unit-hour */
	DDBGT_PRICE_STORAGE = 6,      /* table storage, GB-month */
	DDBGT_PRICE_PITR = 7,         /* point-in-time recovery, GB-month (both classes) */
	DDBGT_PRICE_STREAM_READS = 8, /* DynamoDB Streams read request units (both classes) */
	DDBGT_PRICE_TRANSFER_OUT = 9, /* inter-region data transfer out, GB (both classes) */
	DDBGT_PRICE_BACKUP = 10,      /* on-demand backup storage, GB-month */
	DDBGT_PRICE_RESTORE = 11,     /* data restored from a backup, GB */
	DDBGT_PRICE_KINESIS_CDC = 12, /* Kinesis Data Streams change data capture units, per million */
	DDBGT_PRICE_CONTRIBUTOR_INSIGHTS_RULES = 13,  /* CloudWatch rule-month */
	DDBGT_PRICE_CONTRIBUTOR_INSIGHTS_EVENTS = 14, /* events matched, per million */
	/*
	 * Reserved capacity (Standard class, single-region WCU and RCU only),
	 * bought in blocks of 100 units: a one-time upfront price per 100 units
	 * and an hourly price per 100 unit-hours. Priced by the recommendation,
	 * never as a line.
	 */
	DDBGT_PRICE_RESERVED_RCU_1Y_UPFRONT = 15,
	DDBGT_PRICE_RESERVED_RCU_1Y_HOURLY = 16,
	DDBGT_PRICE_RESERVED_WCU_1Y_UPFRONT = 17,
	DDBGT_PRICE_RESERVED_WCU_1Y_HOURLY = 18,
	DDBGT_PRICE_RESERVED_RCU_3Y_UPFRONT = 19,
	DDBGT_PRICE_RESERVED_RCU_3Y_HOURLY = 20,
	DDBGT_PRICE_RESERVED_WCU_3Y_UPFRONT = 21,
	DDBGT_PRICE_RESERVED_WCU_3Y_HOURLY = 22,
	/*
	 * CloudWatch, for the spec's operations object: a standard-resolution
	 * alarm is billed per metric it references (a metric math alarm per
	 * metric in its expression), a custom dashboard per dashboard; both per
	 * month, prorated by the hour.
	 */
	DDBGT_PRICE_CLOUDWATCH_ALARM_METRICS = 23, /* alarm metric-month */
	DDBGT_PRICE_CLOUDWATCH_DASHBOARDS = 24     /* dashboard-month */
} ddbgt_price_item;

#define DDBGT_PRICE_ITEM_COUNT 25

/* "wru", "rwcu", "transfer_out"...; NULL for an unknown item. */
DDBGT_API const char *ddbgt_price_item_name(ddbgt_price_item item);
/* The unit a quantity of the item counts: "WRU", "WCU-hour", "GB-month", "GB"...; NULL if unknown. */
DDBGT_API const char *ddbgt_price_item_unit(ddbgt_price_item item);
/*
 * Units one price buys: 1000000 for request units, stream reads, CDC units
 * and events, 100 for reserved capacity, 1 for the rest; 0 if unknown.
 */
DDBGT_API int64_t ddbgt_price_item_per(ddbgt_price_item item);
/* 1 when the item's price depends on the table class. */
DDBGT_API int ddbgt_price_item_by_class(ddbgt_price_item item);

/* The price table compiled into the library (data/prices.json). */
DDBGT_API int ddbgt_prices_default(ddbgt_prices **out);
/* An empty price table in currency (e.g. "USD"), to fill with ddbgt_prices_set.
 * DDBGT_EINVAL for a currency (or, in ddbgt_prices_set, a region) that is not
 * valid UTF-8: cost reports quote both. */
DDBGT_API int ddbgt_prices_new(ddbgt_prices **out, const char *currency);
/*
 * Load a price file ("format": "ddbgt-prices/1"). Every finding goes into
 * diags (which may be NULL) with a code DDBGT_E_PRICES_*, a JSON Pointer and,
 * for syntax errors, line and column. On errors *out is NULL and the status
 * is DDBGT_ESPEC. A file may give any subset of prices: it is meant to be
 * merged over another table.
 */
DDBGT_API int ddbgt_prices_load_string(ddbgt_prices **out, const char *text, size_t len,
                                       ddbgt_diags *diags);
/* The same from a file; DDBGT_EIO and a DDBGT_E_PRICES_UNREADABLE finding if unreadable. */
DDBGT_API int ddbgt_prices_load_file(ddbgt_prices **out, const char *path, ddbgt_diags *diags);
DDBGT_API int ddbgt_prices_copy(ddbgt_prices **out, const ddbgt_prices *prices);
DDBGT_API void ddbgt_prices_free(ddbgt_prices *prices);
/*
 * Lay src over dst: every price, date, source note, free-tier band and
 * region of src replaces or extends dst's. DDBGT_EUNSUPPORTED (dst
 * unchanged) when the currencies differ.
 */
DDBGT_API int ddbgt_prices_merge(ddbgt_prices *dst, const ddbgt_prices *src);

/* The ISO 4217 code of the currency of every price ("USD"); owned by prices, NULL for NULL. */
DDBGT_API const char *ddbgt_prices_currency(const ddbgt_prices *prices);
/* The table's effective date ("2024-11-01"); NULL if none was given. */
DDBGT_API const char *ddbgt_prices_effective_date(const ddbgt_prices *prices);
DDBGT_API const char *ddbgt_prices_source(const ddbgt_prices *prices);
/* Regions with prices, sorted by code. */
DDBGT_API size_t ddbgt_prices_region_count(const ddbgt_prices *prices);
DDBGT_API const char *ddbgt_prices_region_at(const ddbgt_prices *prices, size_t i);
/* The region's own effective date and source note; NULL when absent. */
DDBGT_API const char *ddbgt_prices_region_effective_date(const ddbgt_prices *prices,
                                                         const char *region);
DDBGT_API const char *ddbgt_prices_region_source(const ddbgt_prices *prices, const char *region);

/*
 * One unit price, in nanos per ddbgt_price_item_per(item) units.
 * table_class matters only for the items ddbgt_price_item_by_class names.
 * *derived (may be NULL) is 1 when the price is derived by a ratio rule
 * rather than read from AWS. DDBGT_ENOTFOUND when the table has no price.
 */
DDBGT_API int ddbgt_prices_get(const ddbgt_prices *prices, const char *region,
                               ddbgt_price_item item, ddbgt_table_class table_class,
                               int64_t *nanos, int *derived);
/* Set one unit price (not derived); adds the region when new. Negative prices are DDBGT_ERANGE. */
DDBGT_API int ddbgt_prices_set(ddbgt_prices *prices, const char *region, ddbgt_price_item item,
                               ddbgt_table_class table_class, int64_t nanos);
/*
 * The transfer price per GB from one region to another: the pair's own
 * price when the table has one, else the source's transfer_out price.
 */
DDBGT_API int ddbgt_prices_get_transfer(const ddbgt_prices *prices, const char *from,
                                        const char *to, int64_t *nanos, int *derived);
/* Free-tier bands (applied only when asked): GB of storage, capacity unit-hours, stream reads. */
DDBGT_API double ddbgt_prices_free_storage_gb(const ddbgt_prices *prices);
DDBGT_API double ddbgt_prices_free_capacity_unit_hours(const ddbgt_prices *prices);
DDBGT_API double ddbgt_prices_free_stream_reads(const ddbgt_prices *prices);

/*
 * Options of an estimate. Initialise with DDBGT_COST_OPTIONS_INIT or
 * ddbgt_cost_options_init(); zero in every field after version is the
 * default, and an all-zero struct (version 0) means the defaults. New fields are only ever added at the end, with a new version,
 * and the library accepts every version from 1 to its own.
 * prices NULL means the embedded table (compiled into the library as
 * constant data: nothing is parsed or allocated for it). apply_free_tier (default 0)
 * subtracts AWS's always-free bands per region as negative lines.
 * no_recommendations (default 0) leaves out the table-class, billing-mode
 * and reserved-capacity recommendations, the first two computed by
 * estimating an altered copy of the table.
 */
typedef struct ddbgt_cost_options {
	unsigned version;
	const ddbgt_prices *prices;
	int apply_free_tier;
	int no_recommendations;
} ddbgt_cost_options;

#define DDBGT_COST_OPTIONS_VERSION 1
#define DDBGT_COST_OPTIONS_INIT { DDBGT_COST_OPTIONS_VERSION, NULL, 0, 0 }
/*
 * Fill opts with the defaults of the given version, writing only the fields
 * that version has; DDBGT_EINVAL for NULL or a version this library does
 * not know.
 */
DDBGT_API int ddbgt_cost_options_init(ddbgt_cost_options *opts, unsigned version);

/*
 * Estimate the monthly bill of table from its settings and usage profile
 * (ddbgt_table_usage). opts may be NULL (defaults); an options version this
 * library does not know is DDBGT_EINVAL with a DDBGT_E_OPTIONS_VERSION
 * finding. Findings (missing or
 * derived prices, usage for a region without a replica...) go into diags,
 * which may be NULL. A missing price gives a line without an amount, a
 * DDBGT_W_PRICE_MISSING finding and ddbgt_cost_report_is_complete() == 0;
 * never a silent zero. A quantity past 9.2e12 units, or amounts past 2^60
 * nanos (some 1.15 billion a month), in the estimate or a recommendation,
 * are DDBGT_ERANGE. The table is not validated here: validate first.
 */
DDBGT_API int ddbgt_cost_estimate(ddbgt_cost_report **out, const ddbgt_table *table,
                                  const ddbgt_cost_options *opts, ddbgt_diags *diags);
DDBGT_API void ddbgt_cost_report_free(ddbgt_cost_report *report);

/*
 * The currency of every amount in the report: that of the price table it
 * was priced with ("USD"). Owned by the report; NULL for NULL.
 */
DDBGT_API const char *ddbgt_cost_report_currency(const ddbgt_cost_report *report);
/* The effective date of the price table used; NULL if it had none. */
DDBGT_API const char *ddbgt_cost_report_price_date(const ddbgt_cost_report *report);
DDBGT_API double ddbgt_cost_report_hours_per_month(const ddbgt_cost_report *report);
DDBGT_API int64_t ddbgt_cost_report_total_nanos(const ddbgt_cost_report *report);
/* 1 when every line has a price. */
DDBGT_API int ddbgt_cost_report_is_complete(const ddbgt_cost_report *report);

/* Regions, in replica order, with their subtotal. */
DDBGT_API size_t ddbgt_cost_report_region_count(const ddbgt_cost_report *report);
DDBGT_API const char *ddbgt_cost_report_region_at(const ddbgt_cost_report *report, size_t i);
DDBGT_API int64_t ddbgt_cost_report_region_subtotal_nanos(const ddbgt_cost_report *report,
                                                          size_t i);
/* The subtotal of a region by code; 0 when the report has no such region. */
DDBGT_API int64_t ddbgt_cost_report_subtotal_nanos(const ddbgt_cost_report *report,
                                                   const char *region);

/*
 * Line items, grouped by region. The item is the priced item; quantity
 * counts its unit (negative on free-tier lines); the amount is quantity x
 * unit price / per. index names the GSI a line is for (NULL for the table),
 * destination the region a transfer line sends to (NULL otherwise).
 */
DDBGT_API size_t ddbgt_cost_report_line_count(const ddbgt_cost_report *report);
DDBGT_API const char *ddbgt_cost_line_region(const ddbgt_cost_report *report, size_t i);
DDBGT_API ddbgt_price_item ddbgt_cost_line_item(const ddbgt_cost_report *report, size_t i);
DDBGT_API const char *ddbgt_cost_line_item_name(const ddbgt_cost_report *report, size_t i);
DDBGT_API const char *ddbgt_cost_line_index(const ddbgt_cost_report *report, size_t i);
DDBGT_API const char *ddbgt_cost_line_destination(const ddbgt_cost_report *report, size_t i);
DDBGT_API ddbgt_table_class ddbgt_cost_line_table_class(const ddbgt_cost_report *report,
                                                        size_t i);
DDBGT_API double ddbgt_cost_line_quantity(const ddbgt_cost_report *report, size_t i);
/* The quantity in millionths of the unit, exact. */
DDBGT_API int64_t ddbgt_cost_line_quantity_micros(const ddbgt_cost_report *report, size_t i);
DDBGT_API const char *ddbgt_cost_line_unit(const ddbgt_cost_report *report, size_t i);
/* Nanos per ddbgt_cost_line_price_per() units; -1 when the price is missing. */
DDBGT_API int64_t ddbgt_cost_line_unit_price_nanos(const ddbgt_cost_report *report, size_t i);
DDBGT_API int64_t ddbgt_cost_line_price_per(const ddbgt_cost_report *report, size_t i);
DDBGT_API int64_t ddbgt_cost_line_amount_nanos(const ddbgt_cost_report *report, size_t i);
DDBGT_API int ddbgt_cost_line_is_priced(const ddbgt_cost_report *report, size_t i);
DDBGT_API int ddbgt_cost_line_is_derived(const ddbgt_cost_report *report, size_t i);
DDBGT_API int ddbgt_cost_line_is_free_tier(const ddbgt_cost_report *report, size_t i);

/* What a recommendation is about. */
typedef enum ddbgt_cost_recommendation_kind {
	DDBGT_COST_REC_TABLE_CLASS = 1,  /* one replica's table class */
	DDBGT_COST_REC_BILLING_MODE = 2, /* on-demand or provisioned, for the whole table */
	DDBGT_COST_REC_RESERVED_CAPACITY = 3 /* reserved capacity in one region (provisioned) */
} ddbgt_cost_recommendation_kind;

/*
 * Recommendations: one per replica (table class), one for the table
 * (billing mode) and, for a PROVISIONED table, one per region with Standard-
 * class WCU or RCU that could be reserved. current and recommended are
 * spec-format names ("STANDARD_INFREQUENT_ACCESS", "PROVISIONED");
 * recommended equals current when the current choice is the cheaper one.
 * current_nanos and
 * alternative_nanos are the monthly totals of the scope (the replica's
 * region, or the table) as is and with the other choice; saving is what the
 * recommended choice saves (>= 0).
 *
 * ratio: for a table class, storage / throughput cost of the replica in its
 * current class, which AWS's rule compares with 0.25/0.6 (Standard to
 * Standard-IA) or 0.2/1.5 (Standard-IA to Standard), HUGE_VAL when the
 * replica has storage but no throughput cost; aws_rule is the class that
 * rule names (NULL for the billing mode, and when prices are missing). For
 * the billing mode, ratio is the break-even utilisation: provisioned
 * capacity is cheaper than on-demand when its average utilisation is above
 * it. For reserved capacity, current is "PROVISIONED" and recommended
 * "RESERVED_1_YEAR", "RESERVED_3_YEARS" or "PROVISIONED"; current_nanos is
 * what the reservable capacity costs a month as provisioned, alternative_nanos
 * the cheaper term (upfront spread over the term, hourly price, units beyond
 * whole blocks of 100 at the provisioned price), and ratio the break-even
 * utilisation of reserving the units. When prices are missing, recommended
 * equals current and the message says that no comparison was possible.
 */
DDBGT_API size_t ddbgt_cost_report_recommendation_count(const ddbgt_cost_report *report);
/* What the i-th recommendation is about; 0 when i is out of range. */
DDBGT_API ddbgt_cost_recommendation_kind ddbgt_cost_recommendation_subject(
	const ddbgt_cost_report *report, size_t i);
/* The replica's or reservation's region; NULL for a billing-mode recommendation. */
DDBGT_API const char *ddbgt_cost_recommendation_region(const ddbgt_cost_report *report, size_t i);
DDBGT_API const char *ddbgt_cost_recommendation_current(const ddbgt_cost_report *report, size_t i);
DDBGT_API const char *ddbgt_cost_recommendation_recommended(const ddbgt_cost_report *report,
                                                            size_t i);
DDBGT_API const char *ddbgt_cost_recommendation_aws_rule(const ddbgt_cost_report *report,
                                                         size_t i);
DDBGT_API int64_t ddbgt_cost_recommendation_current_nanos(const ddbgt_cost_report *report,
                                                          size_t i);
DDBGT_API int64_t ddbgt_cost_recommendation_alternative_nanos(const ddbgt_cost_report *report,
                                                              size_t i);
DDBGT_API int64_t ddbgt_cost_recommendation_saving_nanos(const ddbgt_cost_report *report,
                                                         size_t i);
DDBGT_API double ddbgt_cost_recommendation_ratio(const ddbgt_cost_report *report, size_t i);
/* One sentence for a person. */
DDBGT_API const char *ddbgt_cost_recommendation_message(const ddbgt_cost_report *report,
                                                        size_t i);

/*
 * The report as JSON (amounts as exact decimal strings and as integer
 * nanos), 2-space indented with a final newline. The caller frees *out with
 * ddbgt_free.
 */
DDBGT_API int ddbgt_cost_report_to_json(char **out, const ddbgt_cost_report *report);
/* The report as an aligned table for a person. The caller frees *out with ddbgt_free. */
DDBGT_API int ddbgt_cost_report_to_text(char **out, const ddbgt_cost_report *report);

#ifdef __cplusplus
}
#endif

#endif
