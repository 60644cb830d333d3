/*
 * Fuzz target: the price file loader. Any bytes give DDBGT_OK with a price
 * table or DDBGT_ESPEC with findings; a loaded table must copy, merge over
 * the embedded table, and price an estimate of a small table.
 */
#include <string.h>

#include "fuzz.h"

static const char spec[] =
	"{\"format\":\"ddbgt/1\",\"table\":{\"name\":\"orders\",\"partition_key\":{\"name\":\"pk\","
	"\"type\":\"S\"}},\"replicas\":[{\"region\":\"us-east-1\"},{\"region\":\"eu-west-1\"}],"
	"\"usage\":{\"writes_per_second\":{\"us-east-1\":10},\"reads_per_second\":"
	"{\"eu-west-1\":20},\"storage_gb\":5}}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_prices *p = NULL;
	int rc = ddbgt_prices_load_string(&p, (const char *)data, size, d);
	fuzz_check_diags(d);
	if (rc == DDBGT_OK) {
		if (!p || ddbgt_diags_error_count(d))
			fuzz_fail("prices: DDBGT_OK without a table, or with errors", NULL);
		ddbgt_prices *copy = NULL, *base = NULL;
		fuzz_ok(ddbgt_prices_copy(&copy, p), "ddbgt_prices_copy");
		fuzz_ok(ddbgt_prices_default(&base), "ddbgt_prices_default");
		/* A file in another currency cannot lay over the embedded table. */
		int mrc = ddbgt_prices_merge(base, p);
		if (mrc != DDBGT_OK && mrc != DDBGT_EUNSUPPORTED)
			fuzz_fail("prices: merge", ddbgt_status_name(mrc));
		for (size_t i = 0; i < ddbgt_prices_region_count(copy); i++)
			if (!ddbgt_prices_region_at(copy, i))
				fuzz_fail("prices: a region without a code", NULL);
		ddbgt_table *t = fuzz_load(spec, sizeof spec - 1, d);
		ddbgt_cost_options opts = DDBGT_COST_OPTIONS_INIT;
		ddbgt_cost_report *r = NULL;
		for (int k = 0; k < 2; k++) {
			opts.prices = k ? base : p;
			int crc = ddbgt_cost_estimate(&r, t, &opts, NULL);
			if (crc == DDBGT_OK) {
				char *json = NULL;
				fuzz_ok(ddbgt_cost_report_to_json(&json, r), "ddbgt_cost_report_to_json");
				fuzz_check_json(json, "the cost report");
				ddbgt_free(json);
			} else if (crc == DDBGT_ENOMEM || r) {
				fuzz_fail("cost: unexpected status", ddbgt_status_name(crc));
			}
			ddbgt_cost_report_free(r);
			r = NULL;
		}
		ddbgt_table_free(t);
		ddbgt_prices_free(base);
		ddbgt_prices_free(copy);
	} else if (rc == DDBGT_ESPEC) {
		if (p || !ddbgt_diags_error_count(d))
			fuzz_fail("prices: DDBGT_ESPEC with a table, or without an error", NULL);
	} else {
		fuzz_fail("prices: unexpected status", ddbgt_status_name(rc));
	}
	ddbgt_prices_free(p);
	ddbgt_diags_free(d);
	return 0;
}
