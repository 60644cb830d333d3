/* Shared helpers of the Check suites. */
#ifndef DDBGT_TESTUTIL_H
#define DDBGT_TESTUTIL_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

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

/*
 * The failing allocator, one for every suite that tests allocation failure.
 * Installed through ddbgt_set_alloc_funcs (which routes jansson too), it
 * forwards to malloc, realloc and free, so that memory from before the
 * switch stays compatible; it counts the requests and the live blocks, and
 * fails the request it is told to.
 */
void ddbgt_test_alloc_install(void);
/* Back to the functions installed before ddbgt_test_alloc_install. */
void ddbgt_test_alloc_uninstall(void);
/* Count requests from 0 again and fail request n (0-based; n < 0: none) and,
 * when sticky, every request after it. */
void ddbgt_test_alloc_fail(long n, int sticky);
/* While paused (1), requests neither count nor fail: a test's own set-up. */
void ddbgt_test_alloc_pause(int paused);
/* Requests counted since the last ddbgt_test_alloc_fail. */
long ddbgt_test_alloc_requests(void);
/* Blocks allocated through the allocator and not yet freed. */
long ddbgt_test_alloc_live(void);

/*
 * The allocation-failure sweep: the loop body runs with request n = 0, 1,
 * 2, ... failing (with sticky, every request from n on), until a run makes
 * no request n, meets no failure and ends the sweep. Every run that met a
 * failure must return DDBGT_ENOMEM and leave as many live blocks as it found
 * (it leaked nothing); the body adds the suite's own assertions. Use:
 *
 *	ddbgt_test_sweep s;
 *	int rc = 0;
 *	for (ddbgt_test_sweep_start(&s, "estimate", 0); ddbgt_test_sweep_next(&s, rc);)
 *		rc = call();
 *
 * Afterwards s.rc is the status of the run that met no failure and s.n the
 * number of runs that did. The failing allocator must be installed.
 */
typedef struct ddbgt_test_sweep {
	const char *what; /* named in failure messages */
	int sticky;
	long n;    /* the request that fails in the current run */
	long live; /* live blocks when the current run started */
	int rc;    /* the status of the last run */
} ddbgt_test_sweep;
void ddbgt_test_sweep_start(ddbgt_test_sweep *s, const char *what, int sticky);
/* Checks the run that just returned rc (none before the first), then arms
 * the next one; 0 when the sweep is over. */
int ddbgt_test_sweep_next(ddbgt_test_sweep *s, int rc);
/* Whether the current run has met its failure so far. */
int ddbgt_test_sweep_failed(const ddbgt_test_sweep *s);

/*
 * RFC 7386 JSON merge patch of target (consumed) by patch: objects merge,
 * null deletes, anything else replaces. Returns the patched value.
 */
struct json_t;
struct json_t *ddbgt_test_merge_patch(struct json_t *target, struct json_t *patch);

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
/*
 * The allocation-failure sweep (sticky or not) over ddbgt_emit_string of t
 * with o: every run that meets a failure returns DDBGT_ENOMEM and no
 * document, and the run that meets none gives want. Installs and removes
 * the failing allocator; returns the number of runs that failed.
 */
long ddbgt_test_emit_sweep(const ddbgt_table *t, const ddbgt_emit_options *o, int sticky,
                           const char *want);

/*
 * xorshift64 (Marsaglia): the next of a fixed pseudo-random sequence, so that
 * a test's "random" values are the same on every run. *state must not be 0.
 */
uint64_t ddbgt_test_next_bits(uint64_t *state);

#endif
