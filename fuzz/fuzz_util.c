/* Invariant checks shared by the fuzz targets. */
#include "fuzz.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: invariant broken: %s%s%s\n", what, detail ? ": " : "",
	        detail ? detail : "");
	abort();
}

void fuzz_ok(int status, const char *what)
{
	if (status != DDBGT_OK)
		fuzz_fail(what, ddbgt_status_name(status));
}

/*
 * Decoded to a code point and checked by value, not by the byte ranges the
 * library uses, so that one mistake cannot hide in both.
 */
void fuzz_check_utf8(const char *text, const char *what)
{
	const unsigned char *p = (const unsigned char *)text;
	while (*p) {
		unsigned char c = *p;
		size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
		         : (c & 0xF8) == 0xF0 ? 4 : 0;
		if (!n)
			fuzz_fail(what, "not UTF-8: a stray byte");
		unsigned long cp = n == 1 ? c : c & (0x7F >> n);
		for (size_t i = 1; i < n; i++) {
			if ((p[i] & 0xC0) != 0x80)
				fuzz_fail(what, "not UTF-8: a truncated sequence");
			cp = cp << 6 | (p[i] & 0x3F);
		}
		static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
		if (cp < least[n])
			fuzz_fail(what, "not UTF-8: an overlong form");
		if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			fuzz_fail(what, "not UTF-8: a surrogate or a code point past U+10FFFF");
		p += n;
	}
}

void fuzz_check_json(const char *text, const char *what)
{
	json_error_t err;
	if (!text)
		fuzz_fail(what, "no document");
	fuzz_check_utf8(text, what);
	json_t *v = json_loads(text, JSON_DECODE_ANY, &err);
	if (!v)
		fuzz_fail(what, err.text);
	json_decref(v);
}

void fuzz_check_diags(const ddbgt_diags *diags)
{
	size_t n = ddbgt_diags_count(diags);
	if (ddbgt_diags_error_count(diags) + ddbgt_diags_warning_count(diags) +
	        ddbgt_diags_info_count(diags) != n)
		fuzz_fail("diags: the counts by severity do not add up", NULL);
	for (size_t i = 0; i < n; i++) {
		const char *name = ddbgt_diags_code_name(diags, i);
		if (!name || ddbgt_code_from_name(name) != ddbgt_diags_code(diags, i))
			fuzz_fail("diags: a finding's code is not in the catalogue", name);
		const char *path = ddbgt_diags_path(diags, i);
		if (!path || (path[0] && path[0] != '/'))
			fuzz_fail("diags: a finding's path is not a JSON Pointer", path);
		if (!ddbgt_diags_message(diags, i))
			fuzz_fail("diags: a finding has no message", name);
		if (ddbgt_diags_line(diags, i) < 0 || ddbgt_diags_column(diags, i) < 0)
			fuzz_fail("diags: negative line or column", name);
	}
	char *json = NULL, *text = NULL;
	fuzz_ok(ddbgt_diags_to_json(&json, diags), "ddbgt_diags_to_json");
	fuzz_check_json(json, "ddbgt_diags_to_json output");
	fuzz_ok(ddbgt_diags_to_text(&text, diags), "ddbgt_diags_to_text");
	fuzz_check_utf8(text, "ddbgt_diags_to_text output");
	ddbgt_free(json);
	ddbgt_free(text);
}

ddbgt_table *fuzz_load(const char *text, size_t len, ddbgt_diags *diags)
{
	ddbgt_table *t = NULL;
	int rc = ddbgt_spec_load_string(&t, text, len, 0, diags);
	fuzz_check_diags(diags);
	if (rc == DDBGT_OK) {
		if (!t || ddbgt_diags_error_count(diags))
			fuzz_fail("load: DDBGT_OK without a table, or with errors", NULL);
	} else if (rc == DDBGT_ESPEC) {
		if (t || !ddbgt_diags_error_count(diags))
			fuzz_fail("load: DDBGT_ESPEC with a table, or without an error", NULL);
	} else {
		fuzz_fail("load: unexpected status", ddbgt_status_name(rc));
	}
	return t;
}

char *fuzz_dump_round_trip(const ddbgt_table *table)
{
	char *dump = NULL;
	fuzz_ok(ddbgt_spec_dump_string(&dump, table, 0), "ddbgt_spec_dump_string");
	fuzz_check_json(dump, "the dump");

	ddbgt_diags *d = NULL;
	fuzz_ok(ddbgt_diags_new(&d), "ddbgt_diags_new");
	ddbgt_table *again = NULL;
	if (ddbgt_spec_load_string(&again, dump, strlen(dump), 0, d) != DDBGT_OK) {
		char *why = NULL;
		ddbgt_diags_to_text(&why, d);
		fprintf(stderr, "%s\n", dump);
		fuzz_fail("the dump does not load again", why);
	}
	char *dump2 = NULL;
	fuzz_ok(ddbgt_spec_dump_string(&dump2, again, 0), "ddbgt_spec_dump_string (reloaded)");
	if (strcmp(dump, dump2) != 0) {
		fprintf(stderr, "first dump:\n%s\nafter reload:\n%s\n", dump, dump2);
		fuzz_fail("load(dump(t)) dumps different bytes", NULL);
	}
	ddbgt_free(dump2);

	ddbgt_table *copy = NULL;
	fuzz_ok(ddbgt_table_copy(&copy, table), "ddbgt_table_copy");
	char *dump3 = NULL;
	fuzz_ok(ddbgt_spec_dump_string(&dump3, copy, 0), "ddbgt_spec_dump_string (copy)");
	if (strcmp(dump, dump3) != 0)
		fuzz_fail("a copy dumps different bytes", NULL);
	ddbgt_free(dump3);
	ddbgt_table_free(copy);
	ddbgt_table_free(again);
	ddbgt_diags_free(d);
	return dump;
}
