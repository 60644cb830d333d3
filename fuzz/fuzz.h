/*
 * Shared by the libFuzzer targets of fuzz/. Each target defines
 * LLVMFuzzerTestOneInput; it is linked either with libFuzzer (configure
 * --enable-fuzzing) or with replay.c, a plain main() that runs the corpus
 * and regression files given on the command line, so that `make check`
 * replays them in every build.
 *
 * The targets use the public API only (plus jansson to read what the
 * library writes), so they keep working whatever the library does inside.
 */
#ifndef DDBGT_FUZZ_H
#define DDBGT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include <ddbgt.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Report a broken invariant and abort, which libFuzzer records as a crash. */
_Noreturn void fuzz_fail(const char *what, const char *detail);
/* Abort unless status is DDBGT_OK. */
void fuzz_ok(int status, const char *what);
/* Abort unless text is valid UTF-8 (no overlong forms, surrogates, or code
 * points past U+10FFFF), checked here, apart from the library's validator. */
void fuzz_check_utf8(const char *text, const char *what);
/* Abort unless text is valid UTF-8 and parses as one JSON value. */
void fuzz_check_json(const char *text, const char *what);
/* Abort unless every finding is well-formed and the list serialises. */
void fuzz_check_diags(const ddbgt_diags *diags);
/*
 * Load a spec; on DDBGT_OK the table is returned and the findings hold no
 * error, on DDBGT_ESPEC the table is NULL and some error was reported. Any
 * other status aborts.
 */
ddbgt_table *fuzz_load(const char *text, size_t len, ddbgt_diags *diags);
/*
 * The canonical dump of table, checked: it is JSON, it loads without error,
 * and the loaded table and a copy of table both dump the same bytes.
 * The caller frees the result with ddbgt_free.
 */
char *fuzz_dump_round_trip(const ddbgt_table *table);

#endif
