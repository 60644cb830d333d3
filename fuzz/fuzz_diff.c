/*
 * Fuzz target: ddbgt_diff on pairs of documents. The input is OLD, a NUL
 * byte, then NEW; without a NUL it is one document compared with itself.
 * Whatever loads must compare: a table against itself has no change, a pair
 * has as many changes one way as the other, every change has a path, a
 * class and a reason, the plan lists only allowed changes, and the JSON and
 * text forms serialise.
 */
#include <string.h>

#include "fuzz.h"

static void check_changes(const ddbgt_changes *c)
{
	for (size_t i = 0; i < ddbgt_changes_count(c); i++) {
		ddbgt_change_class cls = ddbgt_changes_class(c, i);
		if (!ddbgt_changes_path(c, i) || !ddbgt_change_class_name(cls) ||
		    !ddbgt_changes_reason(c, i) || !ddbgt_changes_rule(c, i))
			fuzz_fail("a change without path, class, rule or reason", NULL);
		if (!ddbgt_changes_old_value(c, i) && !ddbgt_changes_new_value(c, i))
			fuzz_fail("a change with neither an old nor a new value", ddbgt_changes_path(c, i));
		if (ddbgt_changes_old_value(c, i))
			fuzz_check_json(ddbgt_changes_old_value(c, i), "an old value");
		if (ddbgt_changes_new_value(c, i))
			fuzz_check_json(ddbgt_changes_new_value(c, i), "a new value");
	}
	for (size_t s = 0; s < ddbgt_changes_step_count(c); s++) {
		size_t k, at;
		for (k = 0; ddbgt_changes_get_step_change(c, s, k, &at) == DDBGT_OK; k++) {
			ddbgt_change_class cls = ddbgt_changes_class(c, at);
			if (cls == DDBGT_CHANGE_REPLACE || cls == DDBGT_CHANGE_REFUSED)
				fuzz_fail("the plan applies a replaced or refused change",
				          ddbgt_changes_path(c, at));
		}
		if (k == 0 || k != ddbgt_changes_step_change_count(c, s))
			fuzz_fail("a step without its changes", ddbgt_changes_step_action(c, s));
	}
	char *json = NULL, *text = NULL;
	fuzz_ok(ddbgt_changes_to_json(&json, c), "ddbgt_changes_to_json");
	fuzz_check_json(json, "ddbgt_changes_to_json output");
	fuzz_ok(ddbgt_changes_to_text(&text, c), "ddbgt_changes_to_text");
	fuzz_check_utf8(text, "ddbgt_changes_to_text output");
	ddbgt_free(json);
	ddbgt_free(text);
}

static ddbgt_changes *diff(const ddbgt_table *a, const ddbgt_table *b, ddbgt_diags *d)
{
	ddbgt_changes *c = NULL;
	ddbgt_diags_clear(d);
	fuzz_ok(ddbgt_diff(&c, a, b, NULL, d), "ddbgt_diff");
	fuzz_check_diags(d);
	check_changes(c);
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	size_t old_len = nul ? (size_t)(nul - text) : size;
	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_table *a = fuzz_load(text, old_len, d);
	/* Each document's findings alone: the loader's checks read the whole list. */
	ddbgt_diags_clear(d);
	ddbgt_table *b = nul ? fuzz_load(nul + 1, size - old_len - 1, d) : NULL;
	if (a) {
		ddbgt_changes *c = diff(a, a, d);
		if (ddbgt_changes_count(c) != 0)
			fuzz_fail("a table compared with itself has changes", ddbgt_changes_path(c, 0));
		ddbgt_changes_free(c);
	}
	if (a && b) {
		ddbgt_changes *ab = diff(a, b, d), *ba = diff(b, a, d);
		if (ddbgt_changes_count(ab) != ddbgt_changes_count(ba))
			fuzz_fail("OLD to NEW and NEW to OLD count different changes", NULL);
		ddbgt_changes_free(ab);
		ddbgt_changes_free(ba);
	}
	ddbgt_table_free(a);
	ddbgt_table_free(b);
	ddbgt_diags_free(d);
	return 0;
}
