#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

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
