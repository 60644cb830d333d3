/* Internal: the cost report's layout, shared by the estimator, the recommender and the output. */
#ifndef DDBGT_LIB_COST_INTERNAL_H
#define DDBGT_LIB_COST_INTERNAL_H

#include "ddbgt/cost.h"
#include "prices_internal.h"

typedef struct ddbgt__cost_line {
	size_t region;           /* index into the report's regions */
	ddbgt_price_item item;
	ddbgt_table_class cls;   /* UNSET for class-independent items */
	const char *index;       /* the report's copy of a GSI name, or NULL */
	const char *dest;        /* a report region code (transfer lines), or NULL */
	int64_t qty_micros;
	int64_t price;           /* nanos per `per` units; -1 when missing */
	int64_t per;
	int64_t amount;          /* nanos */
	size_t replica;          /* the replica whose estimate added the line */
	unsigned char priced, derived, free_tier;
} ddbgt__cost_line;

typedef struct ddbgt__cost_region {
	const char *code;       /* the report's copy; its base's when the report borrows */
	size_t replica;         /* the first replica in the region */
	int64_t subtotal;
	uint64_t derived_used;  /* bit per ddbgt_price_item priced by a derived price */
	uint64_t missing_said;  /* bit per item and class already reported missing */
} ddbgt__cost_region;

/* One replica as the estimates read it, looked up once (the estimate is a hot path). */
typedef struct ddbgt__cost_replica {
	const ddbgt_replica *replica;
	const char *code;
	const ddbgt__region_prices *rp;
	ddbgt_table_class cls; /* its effective class */
	size_t reg;        /* the report's region */
	double writes;     /* writes per second originating here */
	double reads;      /* reads per second served here */
	int first;         /* the first replica in its region */
} ddbgt__cost_replica;

typedef struct ddbgt__cost_rec {
	ddbgt_cost_recommendation_kind kind;
	size_t region;          /* index into regions; (size_t)-1 for the table */
	const char *current;    /* static spec-format names */
	const char *recommended;
	const char *aws_rule;   /* NULL when not applicable */
	int64_t current_nanos;
	int64_t alternative_nanos;
	int64_t saving_nanos;
	double ratio;
	size_t message;         /* where it starts in the report's messages */
} ddbgt__cost_rec;

/* A GSI as the estimates read it, looked up once. */
typedef struct ddbgt__cost_index {
	const ddbgt_gsi *gsi;
	const char *name;   /* the report's copy */
	double write_units; /* per write of the table (the profile's, or 1 for KEYS_ONLY) */
} ddbgt__cost_index;

/* The usage profile as an estimate reads it: the alternatives take the report's. */
typedef struct ddbgt__cost_profile {
	double seconds;           /* seconds in the month */
	double hours;
	double item_bytes;
	double write_units;       /* write units per write of the whole item */
	double table_write_units; /* the same for the table itself: twice for transactions */
	double read_units;        /* read units per read at the profile's consistency */
} ddbgt__cost_profile;

/*
 * A report and its replicas, regions, indexes and strings are one block
 * (cost.c, new_report): the currency, the price date, the index names and
 * the region codes are the report's own copies, in that block.
 */
struct ddbgt_cost_report {
	const char *currency;
	const char *price_date;
	ddbgt__cost_profile profile;
	int64_t total;
	int complete;
	/* per replica; they point into the table and the prices, so only the estimate and
	 * its recommendations read them */
	ddbgt__cost_replica *replicas;
	ddbgt__cost_region *regions;
	size_t nregions;
	ddbgt__cost_index *indexes; /* per GSI */
	ddbgt__cost_line *lines;
	size_t nlines, caplines;
	ddbgt__cost_rec *recs;
	size_t nrecs;
	char *messages;         /* their messages, one after another, in the block of recs */
	size_t nmessages;
};

/*
 * AWS's rule for the table class, storage cost over throughput cost: above
 * the first Standard-IA pays (awslabs table_class_optimizer: IA saves 60 %
 * of storage and costs 25 % more throughput), below the second Standard
 * pays again. With the two decimals the messages quote (a test checks them).
 */
#define DDBGT__AWS_STANDARD_TO_IA (0.25 / 0.6)
#define DDBGT__AWS_STANDARD_TO_IA_TEXT "0.42"
#define DDBGT__AWS_IA_TO_STANDARD (0.2 / 1.5)
#define DDBGT__AWS_IA_TO_STANDARD_TEXT "0.13"

/*
 * The most a report's or an alternative's line amounts add up to, in
 * absolute value, in nanos (2^60, some 1.15 billion a month): every sum the
 * estimate and its recommendations make of them (totals, subtotals, a
 * total with the billing-mode lines swapped, a saving) then fits in 64
 * bits. Beyond it the estimate is DDBGT_ERANGE, as a quantity beyond
 * 9.2e12 units is; so is a reserved-capacity cost beyond it.
 */
#define DDBGT__COST_AMOUNTS_MAX ((uint64_t)1 << 60)

/* How an estimate reads the table's capacity settings. */
typedef enum ddbgt__cost_capacity {
	DDBGT__COST_CAPACITY_AS_SET,     /* as the table sets them */
	DDBGT__COST_CAPACITY_AT_DEMAND,  /* none: provisioned at exactly the demand */
	DDBGT__COST_CAPACITY_AUTOSCALED  /* none but autoscaling everywhere at the default target */
} ddbgt__cost_capacity;

/* Which lines an estimate prices. */
typedef enum ddbgt__cost_lines {
	DDBGT__COST_LINES_ALL,
	DDBGT__COST_LINES_THROUGHPUT, /* those ddbgt__cost_item_is_throughput counts */
	DDBGT__COST_LINES_BILLING     /* those ddbgt__cost_item_depends_on_billing counts */
} ddbgt__cost_lines;

/* One estimate, without recommendations. */
int ddbgt__cost_run(ddbgt_cost_report **out, const ddbgt_table *table,
                    const ddbgt_prices *prices, int free_tier, ddbgt_diags *diags);
/*
 * What an alternative estimate of the recommendations adds up: its lines are
 * priced by the estimate's own rules, but no report keeps them.
 */
typedef struct ddbgt__cost_sums {
	int64_t total;              /* of the lines kept */
	int64_t throughput;         /* of those that are throughput */
	int64_t *region_throughput; /* the same per region of the base report, or NULL */
	int complete;               /* every line kept has a price */
} ddbgt__cost_sums;

/*
 * One estimate of the table as if its billing mode were billing and its
 * capacity read as capacity says: the billing-mode alternative, without a
 * copy of the table, summing only the lines `lines` names (the others are
 * the same in every billing mode: base, the table's own estimate
 * (ddbgt__cost_run), has them). It reads base's usage profile and
 * replicas, so that its region indexes are base's; out->region_throughput,
 * when set, has room for base's regions and is added to.
 */
int ddbgt__cost_run_as(ddbgt__cost_sums *out, const ddbgt_cost_report *base,
                       const ddbgt_table *table, const ddbgt_prices *prices, int free_tier,
                       ddbgt_billing_mode billing, ddbgt__cost_capacity capacity,
                       ddbgt__cost_lines lines);
/*
 * The subtotal region reg of report would have, and whether each of its
 * lines would be priced, if the region's first replica were of class cls:
 * that replica's lines (lines from to end of the region) repriced and its
 * free-tier lines worked out again, by the estimate's own rules. 0, or
 * DDBGT_ERANGE when the amounts pass what the estimate holds (cost.c).
 */
int ddbgt__cost_region_as_class(const ddbgt_cost_report *report, size_t reg, size_t from,
                                size_t end, const ddbgt_prices *prices, int free_tier,
                                ddbgt_table_class cls, int64_t *subtotal, int *complete);
/* Add the recommendations to report, estimating altered copies of table. */
int ddbgt__cost_recommend(ddbgt_cost_report *report, const ddbgt_table *table,
                          const ddbgt_prices *prices, int free_tier);
/* nanos as a decimal: at least 2 and at most 9 decimals, no trailing zeros beyond 2. */
void ddbgt__cost_format_nanos(char *buf, size_t size, int64_t nanos);
/* nanos rounded half away from zero to the cent, with thousands separators. */
void ddbgt__cost_format_cents(char *buf, size_t size, int64_t nanos);
/*
 * v with 0 to 9 decimals into buf (at least 32 bytes): the bytes printf's
 * "%.*f" writes in the default rounding mode, without printf for the ratios
 * of the recommendations (v from 0 up to 2^53).
 */
void ddbgt__cost_format_fixed(char *buf, double v, int decimals);
/* 1 for the items that are throughput (requests or capacity). Inline: asked per line. */
static inline int ddbgt__cost_item_is_throughput(ddbgt_price_item item)
{
	return item <= DDBGT_PRICE_RWCU;
}

/*
 * 1 for the items whose lines change with the billing mode: throughput, and
 * the alarm metrics (the operations object's alarms differ by mode).
 */
static inline int ddbgt__cost_item_depends_on_billing(ddbgt_price_item item)
{
	return ddbgt__cost_item_is_throughput(item) || item == DDBGT_PRICE_CLOUDWATCH_ALARM_METRICS;
}

#endif
