/*
 * The public entry point of an estimate: options, the price table, then the
 * estimate core (cost.c) and the recommendations (cost_recommend.c). Both
 * depend on the core only, so the calls run one way.
 */
#include "cost_internal.h"
#include "options.h"

/* The bytes each options version has (options.h). */
static const size_t cost_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_cost_options, no_recommendations),
};

#define COST_OPTIONS_VERSIONS (sizeof cost_options_ends / sizeof cost_options_ends[0])
_Static_assert(COST_OPTIONS_VERSIONS == DDBGT_COST_OPTIONS_VERSION, "one end per version");

int ddbgt_cost_options_init(ddbgt_cost_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, cost_options_ends, COST_OPTIONS_VERSIONS);
}

int ddbgt_cost_estimate(ddbgt_cost_report **out, const ddbgt_table *table,
                        const ddbgt_cost_options *opts, ddbgt_diags *diags)
{
	ddbgt_cost_options o = DDBGT_COST_OPTIONS_INIT;
	const ddbgt_prices *prices;
	int rc;

	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!table)
		return DDBGT_EINVAL;
	if (opts && (rc = ddbgt__options_read_said(&o, sizeof o, opts, cost_options_ends,
	                                           COST_OPTIONS_VERSIONS, "cost options", diags)))
		return rc;
	prices = o.prices ? o.prices : &ddbgt__prices_builtin;
	rc = ddbgt__cost_run(out, table, prices, o.apply_free_tier, diags);
	if (rc == DDBGT_OK && !o.no_recommendations) {
		rc = ddbgt__cost_recommend(*out, table, prices, o.apply_free_tier);
		if (rc != DDBGT_OK) {
			ddbgt_cost_report_free(*out);
			*out = NULL;
		}
	}
	return rc;
}
