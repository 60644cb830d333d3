/* Shared helpers of the Check suites. */
#ifndef DDBGT_TESTUTIL_H
#define DDBGT_TESTUTIL_H

#include <check.h>
#include <stddef.h>

#include <ddbgt.h>

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

/* The spec at a path under tests/ as a table; aborts the test with the findings if it does not load. */
ddbgt_table *ddbgt_test_load(const char *relative);
/* ddbgt_emit_string, which must succeed (else the test aborts with the findings); free with ddbgt_free. */
char *ddbgt_test_emit_ok(const ddbgt_table *t, const ddbgt_emit_options *o, ddbgt_diags *d);
/*
 * The findings of a successful emit as code names joined by spaces, into
 * buf: the emitter's own (codes 500-599) only, as the validator's are not
 * repeated (asserted).
 */
void ddbgt_test_emitter_findings(const ddbgt_diags *d, char *buf, size_t size);

#endif
