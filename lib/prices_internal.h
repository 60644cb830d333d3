/* Internal: the layout of a price table, shared by the loader and the estimator. */
#ifndef DDBGT_LIB_PRICES_INTERNAL_H
#define DDBGT_LIB_PRICES_INTERNAL_H

#include "ddbgt/cost.h"

/* Class slot of a cell: class-independent items live in slot 0. */
#define DDBGT__CLASS_SLOTS 2

typedef struct ddbgt__price_cell {
	int64_t nanos;
	unsigned char set;
	unsigned char derived;
} ddbgt__price_cell;

typedef struct ddbgt__transfer_pair {
	char *to;
	ddbgt__price_cell price;
} ddbgt__transfer_pair;

typedef struct ddbgt__region_prices {
	char *code;
	char *effective_date;
	char *source;
	ddbgt__price_cell cell[DDBGT__CLASS_SLOTS][DDBGT_PRICE_ITEM_COUNT];
	ddbgt__transfer_pair *pairs; /* sorted by destination */
	size_t npairs, cappairs;
} ddbgt__region_prices;

/* Which free-tier bands a table sets (a file may set some and not others). */
enum {
	DDBGT__FREE_STORAGE = 1,
	DDBGT__FREE_CAPACITY = 2,
	DDBGT__FREE_STREAMS = 4
};

struct ddbgt_prices {
	char *currency;
	char *effective_date;
	char *source;
	double free_storage_gb;
	double free_capacity_unit_hours;
	double free_stream_reads;
	unsigned free_set;
	ddbgt__region_prices *regions; /* sorted by code */
	size_t nregions, capregions;
	/* Set only in ddbgt__prices_builtin: static storage, which ddbgt_prices_free leaves alone. */
	unsigned char compiled_in;
};

/* Name, unit, units per price and class dependence of each ddbgt_price_item. */
typedef struct ddbgt__item_info {
	const char *name;
	const char *unit;
	int64_t per;
	int by_class;
} ddbgt__item_info;

extern const ddbgt__item_info ddbgt__item_info_table[DDBGT_PRICE_ITEM_COUNT];

/* The region's prices, or NULL. */
const ddbgt__region_prices *ddbgt__prices_find(const ddbgt_prices *prices, const char *region);
/* The class slot of an item's cell: class-independent items live in slot 0. */
static inline int ddbgt__prices_slot(ddbgt_price_item item, ddbgt_table_class cls)
{
	return ddbgt__item_info_table[item].by_class &&
	       cls == DDBGT_TABLE_CLASS_STANDARD_INFREQUENT_ACCESS;
}

/* The cell of an item for a class. Inline: the estimate looks one up for every line. */
static inline const ddbgt__price_cell *ddbgt__prices_cell(const ddbgt__region_prices *rp,
                                                          ddbgt_price_item item,
                                                          ddbgt_table_class cls)
{
	return &rp->cell[ddbgt__prices_slot(item, cls)][item];
}

/* The transfer price from rp's region to region to (pair first, then transfer_out). */
const ddbgt__price_cell *ddbgt__prices_transfer_cell(const ddbgt__region_prices *rp,
                                                     const char *to);

/*
 * The embedded table: data/prices.json as compiled C data, written at build
 * time by mk/prices2c.c through this loader into lib/prices_data.c, so that
 * no process parses it. Const, so the compiler refuses it to every function
 * that changes or frees a table; its strings and arrays are static storage
 * (compiled_in). Every estimate with prices = NULL reads it.
 */
extern const ddbgt_prices ddbgt__prices_builtin;

#endif
