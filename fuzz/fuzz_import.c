/*
 * Fuzz target: the importers (Terraform plan and .tf.json, CloudFormation
 * JSON and YAML, describe-table output), reached through kind detection as
 * `ddbgt import` reaches them. Any bytes must give DDBGT_OK with tables or
 * DDBGT_ESPEC with an error finding, never a crash, a leak or a hang; every
 * finding
 * must be well-formed; an imported table's spec either loads and dumps to
 * the same bytes or is one the validator refuses; validator findings must
 * take their positions from the input without harm.
 */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_import *imp = NULL;
	ddbgt_diags *all = NULL;
	fuzz_ok(ddbgt_diags_new(&all), "ddbgt_diags_new");
	int rc = ddbgt_import_buffer(&imp, "fuzz", (const char *)data, size, NULL, all);
	fuzz_check_diags(all);
	if (rc != DDBGT_OK && rc != DDBGT_ESPEC)
		fuzz_fail("ddbgt_import_buffer: unexpected status", ddbgt_status_name(rc));
	if ((rc == DDBGT_OK) != (imp != NULL))
		fuzz_fail("ddbgt_import_buffer: *out and the status disagree", NULL);
	if (rc == DDBGT_ESPEC && ddbgt_diags_error_count(all) == 0)
		fuzz_fail("an import refused without an error finding", NULL);
	ddbgt_diags_free(all);
	if (!imp)
		return 0;
	fuzz_check_diags(ddbgt_import_diags(imp));
	if (ddbgt_import_table_count(imp) == 0)
		fuzz_fail("an import that succeeded holds no table", NULL);
	for (size_t i = 0; i < ddbgt_import_table_count(imp); i++) {
		fuzz_check_diags(ddbgt_import_table_diags(imp, i));
		fuzz_check_utf8(ddbgt_import_table_address(imp, i), "the table's address");
		/*
		 * The imported table dumps to JSON. When that spec loads, it loads
		 * and dumps to the same bytes; when it does not (a name, a key or an
		 * index key was unresolved or absent), the validator says why.
		 */
		const ddbgt_table *t = ddbgt_import_table_at(imp, i);
		char *dump = NULL;
		fuzz_ok(ddbgt_spec_dump_string(&dump, t, 0), "ddbgt_spec_dump_string");
		fuzz_check_json(dump, "the dump");
		ddbgt_table *again = NULL;
		if (ddbgt_spec_load_string(&again, dump, strlen(dump), 0, NULL) == DDBGT_OK) {
			ddbgt_free(fuzz_dump_round_trip(again));
		} else if (ddbgt_table_validate(t, NULL, NULL) != DDBGT_EINVALID) {
			fuzz_fail("a spec that does not load, from a table the validator accepts",
			          dump);
		}
		ddbgt_table_free(again);
		ddbgt_free(dump);
		int line, column;
		ddbgt_import_table_locate(imp, i, "/replicas/0/region", &line, &column);
		ddbgt_diags *d = NULL;
		fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
		ddbgt_table_validate(ddbgt_import_table_at(imp, i), NULL, d);
		fuzz_ok(ddbgt_import_table_annotate(imp, i, d), "ddbgt_import_table_annotate");
		fuzz_check_diags(d);
		ddbgt_diags_free(d);
	}
	ddbgt_import_free(imp);
	return 0;
}
