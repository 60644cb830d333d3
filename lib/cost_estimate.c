/*
 * The public entry point of an estimate: options, the price table, then the
 * estimate core (cost.c) and the recommendations (cost_recommend.c). Both
 * depend on the core only, so the calls run one way.
 */
#include "cost_internal.h"

int ddbgt_cost_options_init(ddbgt_cost_options *opts, unsigned version)
{
	ddbgt_cost_options def = DDBGT_COST_OPTIONS_INIT;

	if (!opts || version != DDBGT_COST_OPTIONS_VERSION)
		return DDBGT_EINVAL;
	*opts = def;
	return DDBGT_OK;
}

int ddbgt_cost_estimate(ddbgt_cost_report **out, const ddbgt_table *table,
                        const ddbgt_cost_options *opts, ddbgt_diags *diags)
{
	ddbgt_cost_options def = DDBGT_COST_OPTIONS_INIT;
	ddbgt_prices *own = NULL;
	const ddbgt_prices *prices;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table || (opts && opts->version != DDBGT_COST_OPTIONS_VERSION))
		return DDBGT_EINVAL;
	if (!opts)
		opts = &def;
	prices = opts->prices;
	if (!prices) {
		rc = ddbgt_prices_default(&own);
		if (rc != DDBGT_OK)
			return rc;
		prices = own;
	}
	rc = ddbgt__cost_run(out, table, prices, opts->apply_free_tier, diags);
	if (rc == DDBGT_OK && opts->recommendations) {
		rc = ddbgt__cost_recommend(*out, table, prices, opts->apply_free_tier);
		if (rc != DDBGT_OK) {
			ddbgt_cost_report_free(*out);
			*out = NULL;
		}
	}
	ddbgt_prices_free(own);
	return rc;
}
