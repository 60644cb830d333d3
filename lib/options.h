/*
 * Internal: reading the public options structs the way libgit2 does, so
 * that a program built against an older, smaller layout keeps working.
 * Every options struct starts with `unsigned version`, grows only at the
 * end, and has zero as every field's default. ends[v - 1] is the number of
 * bytes version v has (the end of its last field, not sizeof, so that an
 * old caller's trailing padding is never read), for v = 1..nversions.
 */
#ifndef DDBGT_LIB_OPTIONS_H
#define DDBGT_LIB_OPTIONS_H

#include <stddef.h>

#include "ddbgt/diag.h"

/* The end of member in type: the byte count of the version whose last field it is. */
#define DDBGT__OPTIONS_END(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))

/* The version field of a caller's struct, whatever its layout. */
unsigned ddbgt__options_version(const void *opts);

/*
 * The caller's options in the current layout: *out (size bytes) zeroed,
 * then the bytes the caller's version has copied in. Version 0 (a struct
 * the caller zeroed) reads as the defaults. DDBGT_EINVAL for a version
 * above nversions (out is then all zero).
 */
int ddbgt__options_read(void *out, size_t size, const void *in, const size_t *ends,
                        unsigned nversions);

/*
 * ddbgt__options_read for a call that takes diags (which may be NULL): a
 * refusal adds a DDBGT_E_OPTIONS_VERSION finding naming what ("cost
 * options"). DDBGT_OK, DDBGT_EINVAL, or DDBGT_ENOMEM.
 */
int ddbgt__options_read_said(void *out, size_t size, const void *in, const size_t *ends,
                             unsigned nversions, const char *what, ddbgt_diags *diags);

/*
 * Fill a caller's struct of the given version with the defaults: zero in
 * the bytes that version has, and the version. DDBGT_EINVAL for NULL or an
 * unknown version (nothing is written).
 */
int ddbgt__options_init(void *opts, unsigned version, const size_t *ends, unsigned nversions);

#endif
