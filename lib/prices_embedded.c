/*
 * The embedded price table as the API hands it out. The table itself is
 * ddbgt__prices_builtin, compiled C data (lib/prices_data.c, generated from
 * data/prices.json by mk/prices2c.c), so an estimate with prices = NULL reads
 * it with no parse, lock or allocation. It lives apart from prices.c because
 * the generator links the loader, which must not need what it generates.
 */
#include "prices_internal.h"

/* A table of the caller's: a copy that merge and set may change. */
int ddbgt_prices_default(ddbgt_prices **out)
{
	return ddbgt_prices_copy(out, &ddbgt__prices_builtin);
}
