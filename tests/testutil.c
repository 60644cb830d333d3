#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ddbgt_test_path(const char *relative)
{
	static char buf[4096];
	const char *dir = getenv("DDBGT_TEST_SRCDIR");
	int n = snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "tests", relative);
	ck_assert_msg(n > 0 && (size_t)n < sizeof buf, "test path too long: %s", relative);
	return buf;
}

char *ddbgt_test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *data = NULL;
	size_t size = 0, cap = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (size + n + 1 > cap) {
			cap = (size + n + 1) * 2;
			data = realloc(data, cap);
			ck_assert_ptr_nonnull(data);
		}
		for (size_t i = 0; i < n; i++)
			data[size + i] = chunk[i];
		size += n;
	}
	fclose(f);
	if (!data) {
		data = malloc(1);
		ck_assert_ptr_nonnull(data);
	}
	data[size] = '\0';
	if (len)
		*len = size;
	return data;
}

ddbgt_table *ddbgt_test_load(const char *relative)
{
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	int rc = ddbgt_spec_load_file(&t, ddbgt_test_path(relative), d);
	if (rc) {
		char *text = NULL;
		ddbgt_diags_to_text(&text, d);
		ck_abort_msg("%s does not load: %s", relative, text ? text : "?");
	}
	ddbgt_diags_free(d);
	return t;
}

char *ddbgt_test_emit_ok(const ddbgt_table *t, const ddbgt_emit_options *o, ddbgt_diags *d)
{
	char *out = NULL;
	int rc = ddbgt_emit_string(&out, t, o, d);
	if (rc) {
		char *text = NULL;
		ddbgt_diags_to_text(&text, d);
		ck_abort_msg("emit failed: %s\n%s", ddbgt_status_name(rc), text ? text : "");
	}
	ck_assert_ptr_nonnull(out);
	return out;
}

void ddbgt_test_emitter_findings(const ddbgt_diags *d, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		ddbgt_code c = ddbgt_diags_code(d, i);
		ck_assert_msg(c >= 500 && c <= 599, "a validator finding on success: %s",
		              ddbgt_diags_code_name(d, i));
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", n ? " " : "", ddbgt_diags_code_name(d, i));
	}
}
