/*
 * Fuzz target: the importers (Terraform plan and .tf.json, CloudFormation
 * JSON and YAML, describe-table output), reached through kind detection as
 * `ddbgt import` reaches them. Any bytes must give DDBGT_OK with tables or
 * DDBGT_ESPEC with findings, never a crash, a leak or a hang; every finding
 * must be well-formed; every imported table with a name and a key must dump
 * to a spec that loads and dumps to the same bytes; validator findings must
 * take their positions from the input without harm.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_import *imp = NULL;
	int rc = ddbgt_import_buffer(&imp, "fuzz", (const char *)data, size, NULL);
	if (rc != DDBGT_OK && rc != DDBGT_ESPEC)
		fuzz_fail("ddbgt_import_buffer: unexpected status", ddbgt_status_name(rc));
	if (!imp)
		fuzz_fail("ddbgt_import_buffer gave no import object", NULL);
	fuzz_check_diags(ddbgt_import_diags(imp));
	if (rc == DDBGT_OK && ddbgt_import_table_count(imp) == 0)
		fuzz_fail("an import that succeeded holds no table", NULL);
	for (size_t i = 0; i < ddbgt_import_table_count(imp); i++) {
		fuzz_check_diags(ddbgt_import_table_diags(imp, i));
		fuzz_check_utf8(ddbgt_import_table_address(imp, i), "the table's address");
		/*
		 * A table whose name or key was unresolved dumps to a spec that says
		 * so when loaded (the findings told the user first): valid JSON still.
		 */
		const ddbgt_table *t = ddbgt_import_table_at(imp, i);
		if (ddbgt_table_name(t) && ddbgt_table_partition_key_name(t) &&
		    ddbgt_table_partition_key_type(t) != DDBGT_ATTR_UNSET) {
			ddbgt_free(fuzz_dump_round_trip(t));
		} else {
			char *dump = NULL;
			fuzz_ok(ddbgt_spec_dump_string(&dump, t), "ddbgt_spec_dump_string");
			fuzz_check_json(dump, "the dump");
			ddbgt_free(dump);
		}
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
