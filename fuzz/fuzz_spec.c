/*
 * Fuzz target: the spec loader. Any bytes must give DDBGT_OK with a table
 * or DDBGT_ESPEC with findings, never a crash; a loaded table must dump,
 * reload and dump the same bytes again. When the input is JSON, loading it
 * through ddbgt_spec_load_json must agree with the text loader.
 */
#include <jansson.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_table *t = fuzz_load((const char *)data, size, d);
	char *dump = t ? fuzz_dump_round_trip(t) : NULL;

	json_t *doc = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	if (doc) {
		ddbgt_diags *d2 = NULL;
		ddbgt_table *t2 = NULL;
		fuzz_ok(ddbgt_diags_new(&d2), "ddbgt_diags_new");
		int rc = ddbgt_spec_load_json(&t2, doc, 0, d2);
		fuzz_check_diags(d2);
		if (rc != DDBGT_OK && rc != DDBGT_ESPEC)
			fuzz_fail("ddbgt_spec_load_json: unexpected status", ddbgt_status_name(rc));
		/* The text loader may refuse more (encoding, depth); never less. */
		if (t && !t2)
			fuzz_fail("ddbgt_spec_load_json refuses what the text loader took", NULL);
		if (t && t2) {
			char *dump2 = NULL;
			fuzz_ok(ddbgt_spec_dump_string(&dump2, t2, 0), "ddbgt_spec_dump_string");
			if (strcmp(dump, dump2) != 0)
				fuzz_fail("the text and jansson loaders build different tables", NULL);
			ddbgt_free(dump2);
		}
		ddbgt_table_free(t2);
		ddbgt_diags_free(d2);
		json_decref(doc);
	}
	ddbgt_free(dump);
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
	return 0;
}
