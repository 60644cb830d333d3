/* Shared helpers of the Check suites. */
#ifndef DDBGT_TESTUTIL_H
#define DDBGT_TESTUTIL_H

#include <check.h>
#include <stddef.h>

/* One suite constructor per line of tests/suites.def. */
#define DDBGT_SUITE(name) Suite *ddbgt_test_##name(void);
#include "suites.def"
#undef DDBGT_SUITE

/*
 * The absolute path of a file under tests/ (DDBGT_TEST_SRCDIR, set by
 * make check), in a static buffer overwritten by the next call.
 */
const char *ddbgt_test_path(const char *relative);
/* The whole file as a NUL-terminated string (malloc'd; *len may be NULL); aborts the test if unreadable. */
char *ddbgt_test_read_file(const char *path, size_t *len);

#endif
