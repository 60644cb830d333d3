/*
 * libddbgt: the validator.
 *
 * ddbgt_table_validate checks a table against every rule DynamoDB enforces
 * on a global table (and the guardrails of a policy), and appends one
 * finding per problem to a diagnostics list, all in one pass. Each finding
 * has a code (see codes.h and doc/diagnostics.md), a severity, the JSON
 * Pointer of the offending key in the spec document ("/replicas/1/kms_key"),
 * the region it concerns when there is one, and a message that names the
 * values and the fix.
 *
 * Severities: each finding starts at its code's catalogue severity, except
 * where a rule documents a lower one (an adopted legacy table, a KMS key ID
 * resolved in the replica's region: warnings). The policy's severity
 * override of a code then replaces it for every finding of that code ("off"
 * drops them), and the option flags apply last.
 */
#ifndef DDBGT_VALIDATE_H
#define DDBGT_VALIDATE_H

#include "common.h"
#include "table.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DDBGT_VALIDATE_OPTIONS_VERSION 1

/* Flags of ddbgt_validate_options.flags. */
/* Leave informational findings (DDBGT_I_*) out of the list. */
#define DDBGT_VALIDATE_NO_INFO 0x1u
/* Treat the table as adopted (as if adopt_existing were set in the spec). */
#define DDBGT_VALIDATE_ADOPT_EXISTING 0x2u
/* Report every warning as an error (applied after the policy's overrides). */
#define DDBGT_VALIDATE_WARNINGS_AS_ERRORS 0x4u
/*
 * Also the notes that hold for every table of its kind, not only for what
 * this spec does: DDBGT_I_TRANSACTIONS_REGIONAL on every multi-Region
 * EVENTUAL table, not only on one whose usage reads in transactions.
 */
#define DDBGT_VALIDATE_GENERAL_NOTES 0x8u

/*
 * Options of ddbgt_table_validate. Grows only at the end; set version to
 * DDBGT_VALIDATE_OPTIONS_VERSION (the _INIT macro and the _init function do).
 * Zero in every field after version is the default, and the library accepts
 * every version from 1 to its own.
 */
typedef struct ddbgt_validate_options {
	unsigned version;
	/*
	 * The guardrails and severity overrides to apply; NULL means the
	 * table's own policy (the spec's "policy" key). Not copied: it must
	 * live until the call returns.
	 */
	const ddbgt_policy *policy;
	/* DDBGT_VALIDATE_* flags, 0 by default. */
	unsigned flags;
} ddbgt_validate_options;

#define DDBGT_VALIDATE_OPTIONS_INIT { DDBGT_VALIDATE_OPTIONS_VERSION, NULL, 0u }

/*
 * Fill opts with the defaults of the given version, writing only the fields
 * that version has. DDBGT_EINVAL for a NULL opts or a version this library
 * does not know.
 */
DDBGT_API int ddbgt_validate_options_init(ddbgt_validate_options *opts, unsigned version);

/*
 * Validate table and append every finding to diags (which may be NULL when
 * only the verdict matters). opts may be NULL for the defaults.
 * Returns 0 when no finding is an error (warnings and notes allowed),
 * DDBGT_EINVALID when at least one is, DDBGT_EINVAL for a NULL table or an
 * options version this library does not know (with a DDBGT_E_OPTIONS_VERSION
 * finding), DDBGT_ENOMEM when memory ran out (the findings
 * appended so far stay in diags).
 */
DDBGT_API int ddbgt_table_validate(const ddbgt_table *table, const ddbgt_validate_options *opts,
                                   ddbgt_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
