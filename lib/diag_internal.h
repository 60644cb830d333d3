/* Internal: how the loader, validator, emitters and cost add findings. */
#ifndef DDBGT_LIB_DIAG_INTERNAL_H
#define DDBGT_LIB_DIAG_INTERNAL_H

#include "ddbgt/diag.h"

#if defined(__GNUC__)
#  define DDBGT__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#  define DDBGT__PRINTF(a, b)
#endif

/*
 * Add a finding with the code's catalogue severity and a printf message.
 * diags may be NULL (the finding is dropped). Returns 0 or DDBGT_ENOMEM.
 */
int ddbgt__diag_addf(ddbgt_diags *diags, ddbgt_code code, const char *path,
                     const char *region, const char *fmt, ...) DDBGT__PRINTF(5, 6);
/* The same with an explicit severity (DDBGT_SEVERITY_OFF drops it). */
int ddbgt__diag_add_sevf(ddbgt_diags *diags, ddbgt_code code, ddbgt_severity severity,
                         const char *path, const char *region, const char *fmt, ...)
	DDBGT__PRINTF(6, 7);
/* The same with a line and column of the spec document (0 when unknown). */
int ddbgt__diag_add_posf(ddbgt_diags *diags, ddbgt_code code, const char *path,
                         const char *region, int line, int column, const char *fmt, ...)
	DDBGT__PRINTF(7, 8);
/* A fixed message with a line and column (syntax errors). */
int ddbgt__diag_add_at(ddbgt_diags *diags, ddbgt_code code, const char *path, int line,
                       int column, const char *message);
/* Give finding i a line and column (the importers point validator findings into their input). */
void ddbgt__diag_set_position(ddbgt_diags *diags, size_t i, int line, int column);

#endif
