/*
 * Fuzz target: the spec loader. Any bytes must give DDBGT_OK with a table
 * or DDBGT_ESPEC with findings, never a crash; a loaded table must dump,
 * reload and dump the same bytes again. When the input is JSON, loading it
 * through ddbgt_spec_load_json must agree with the text loader. A text the
 * loader took maps to positions, and every finding placed with them (the
 * validator's too) lands on a line of the text; any bytes as a pointer are
 * found or refused.
 */
#include <jansson.h>
#include <string.h>

#include "fuzz.h"

static void check_positions(const char *text, size_t size, ddbgt_table *t, ddbgt_diags *d)
{
	ddbgt_spec_positions *p = NULL;
	int rc = ddbgt_spec_positions_new(&p, text, size, 0);
	if (t && rc != DDBGT_OK)
		fuzz_fail("ddbgt_spec_positions_new refuses what the loader took", ddbgt_status_name(rc));
	if (rc != DDBGT_OK && rc != DDBGT_ESPEC)
		fuzz_fail("ddbgt_spec_positions_new: unexpected status", ddbgt_status_name(rc));
	if (!p)
		return;
	int lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += text[i] == '\n';
	rc = t ? ddbgt_table_validate(t, NULL, d) : DDBGT_OK;
	if (rc != DDBGT_OK && rc != DDBGT_EINVALID)
		fuzz_fail("ddbgt_table_validate: unexpected status", ddbgt_status_name(rc));
	fuzz_ok(ddbgt_diags_locate(d, "fuzz.json", p), "ddbgt_diags_locate");
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		const char *file = ddbgt_diags_file(d, i);
		int line = ddbgt_diags_line(d, i), column = ddbgt_diags_column(d, i);
		if (!file || strcmp(file, "fuzz.json") != 0 || line < 1 || line > lines || column < 1)
			fuzz_fail("a located finding is not on a line of the text", ddbgt_diags_path(d, i));
	}
	/* The input's first bytes as a pointer: found (somewhere in the text) or refused. */
	char path[128] = "/";
	size_t n = size < sizeof path - 2 ? size : sizeof path - 2;
	memcpy(path + 1, text, n);
	path[n + 1] = '\0';
	int line, column;
	rc = ddbgt_spec_positions_find(&line, &column, p, path);
	if (rc == DDBGT_OK ? line < 1 || line > lines : rc != DDBGT_EINVAL)
		fuzz_fail("ddbgt_spec_positions_find: a wrong answer", path);
	ddbgt_spec_positions_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_table *t = fuzz_load((const char *)data, size, d);
	char *dump = t ? fuzz_dump_round_trip(t) : NULL;
	check_positions((const char *)data, size, t, d);

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
