/*
 * Fuzz target: the whole pipeline on one input, as the ddbgt command runs
 * it: load, dump, and reload of the dump, which must give the same bytes.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_table *t = fuzz_load((const char *)data, size, d);
	if (t)
		ddbgt_free(fuzz_dump_round_trip(t));
	ddbgt_table_free(t);
	ddbgt_diags_free(d);
	return 0;
}
