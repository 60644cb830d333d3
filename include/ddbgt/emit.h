/*
 * libddbgt: serializers of a table into infrastructure-as-code documents.
 *
 * Targets:
 *   DDBGT_EMIT_TERRAFORM         Terraform JSON (.tf.json) for a version 2019.11.21
 *                                global table with the hashicorp/aws provider.
 *   DDBGT_EMIT_TERRAFORM_LEGACY  Terraform JSON for a version 2017.11.29 global table
 *                                (aws_dynamodb_global_table over one table per region),
 *                                only for a table marked legacy_version.
 *   DDBGT_EMIT_CLOUDFORMATION    A CloudFormation template with one
 *                                AWS::DynamoDB::GlobalTable, deployed in the primary
 *                                region, in JSON or YAML (opts.format); see
 *                                doc/cloudformation.md.
 *
 * Every emit call validates the table first and refuses an invalid one: it
 * returns DDBGT_EINVALID, writes nothing, and leaves the findings in diags.
 * The validator's findings are reported only then: on success diags gets
 * the emitter's own findings alone. A caller that validated the table
 * itself (to show its warnings) sets opts.validated, and the emit skips
 * the second pass.
 * A setting the target cannot express is never dropped silently: the
 * document is written and diags gets a warning (DDBGT_W_EMIT_*) naming it,
 * which the document repeats in its top-level "//" comment (in a
 * CloudFormation template: Metadata.ddbgt.Findings).
 *
 * The output is deterministic: the same table and options give the same
 * bytes (keys in a fixed order, tags sorted, 2-space indent unless compact,
 * final newline). The mapping of every setting is in doc/terraform.md and
 * doc/cloudformation.md.
 *
 * diags may be NULL in every call (the findings are then dropped, but an
 * invalid table is still refused).
 */
#ifndef DDBGT_EMIT_H
#define DDBGT_EMIT_H

#include <stdio.h>

#include "common.h"
#include "table.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Append-only, like the status codes. */
typedef enum ddbgt_emit_target {
	DDBGT_EMIT_TERRAFORM = 1,
	DDBGT_EMIT_TERRAFORM_LEGACY = 2,
	DDBGT_EMIT_CLOUDFORMATION = 3
} ddbgt_emit_target;

/* The document's syntax (options version 3). Append-only. */
typedef enum ddbgt_emit_format {
	DDBGT_EMIT_FORMAT_JSON = 1,
	DDBGT_EMIT_FORMAT_YAML = 2 /* DDBGT_EMIT_CLOUDFORMATION only */
} ddbgt_emit_format;

#define DDBGT_EMIT_OPTIONS_VERSION 4

/*
 * Options of every emit call. Initialise with DDBGT_EMIT_OPTIONS_INIT or
 * ddbgt_emit_options_init(); zero in any field after version means the
 * default, and an all-zero struct (version 0) means the defaults. New fields are only ever added at the end, with a new version,
 * and the library accepts every version from 1 to its own (version 1 ends
 * at assume_role_arn).
 * The strings belong to the caller and are read during the call only.
 */
typedef struct ddbgt_emit_options {
	unsigned version;             /* DDBGT_EMIT_OPTIONS_VERSION */
	int target;                   /* a ddbgt_emit_target; 0 = DDBGT_EMIT_TERRAFORM */
	const char *provider_version; /* hashicorp/aws version constraint, e.g. "~> 6.25";
	                                 NULL = the lowest release with every feature used */
	const char *resource_name;    /* label of the table resource, a Terraform identifier;
	                                 NULL = derived from the table name */
	int compact;                  /* nonzero: no indentation or spaces */
	int no_import;                /* nonzero: no import blocks for an adopt_existing table */
	size_t default_tag_count;     /* provider default_tags: count, keys, values */
	const char *const *default_tag_keys;
	const char *const *default_tag_values;
	const char *assume_role_arn;  /* provider assume_role { role_arn }; NULL = none */
	/*
	 * Version 2. Nonzero: the caller has run ddbgt_table_validate on this
	 * table into the diags it passes to the emit call, so the emit does
	 * not validate again; an error in that diags refuses the table
	 * (DDBGT_EINVALID). With diags NULL the caller vouches that the
	 * validation found no error. The emitter's own guard still refuses
	 * what cannot be written.
	 */
	int validated;
	/*
	 * Version 3. format: a ddbgt_emit_format; 0 = DDBGT_EMIT_FORMAT_JSON.
	 * parameters (DDBGT_EMIT_CLOUDFORMATION only): nonzero gives the
	 * template a TableNamePrefix parameter (default empty) that prefixes
	 * the table's name, for one template deployed more than once per
	 * account; zero writes a literal template. The Terraform-only fields
	 * (provider_version, default tags, assume_role_arn, no_import) are
	 * refused with DDBGT_E_EMIT_OPTION for the CloudFormation target, and
	 * resource_name must then be a CloudFormation logical ID ([A-Za-z0-9],
	 * 1-255; NULL = "Table").
	 */
	int format;
	int parameters;
	/*
	 * Version 4 (DDBGT_EMIT_CLOUDFORMATION only). NULL or the primary
	 * region: the table's template. Another replica's region: that
	 * region's companion template, the alarms and gateway endpoint of the
	 * spec's operations object that live in that region (a stack lives in
	 * one region), for a stack deployed there beside the table's
	 * (doc/cloudformation.md). DDBGT_E_EMIT_OPTION for another target, a
	 * region without a replica, or a region with nothing to deploy.
	 */
	const char *stack_region;
} ddbgt_emit_options;

#define DDBGT_EMIT_OPTIONS_INIT \
	{DDBGT_EMIT_OPTIONS_VERSION, 0, NULL, NULL, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0, NULL}

/*
 * Fill opts with the defaults of the given version (1 to
 * DDBGT_EMIT_OPTIONS_VERSION), writing only the fields that version has.
 * DDBGT_EINVAL for NULL or a version this library does not know.
 */
DDBGT_API int ddbgt_emit_options_init(ddbgt_emit_options *opts, unsigned version);

/* "terraform", "terraform-legacy", "cloudformation"; NULL for an unknown target. */
DDBGT_API const char *ddbgt_emit_target_name(int target);
/* The target of a name; DDBGT_EINVAL for NULL arguments, DDBGT_ENOTFOUND for an unknown name. */
DDBGT_API int ddbgt_emit_target_parse(const char *name, int *out);

/*
 * The document as a NUL-terminated string, which the caller frees with
 * ddbgt_free(). opts may be NULL (the defaults). Returns DDBGT_EINVALID for
 * a table with errors (and DDBGT_E_EMIT_* errors for what the target refuses),
 * DDBGT_EINVAL for bad arguments or options (a DDBGT_E_EMIT_OPTION finding,
 * or DDBGT_E_OPTIONS_VERSION for an unknown options version), DDBGT_ENOMEM;
 * *out is NULL then.
 */
DDBGT_API int ddbgt_emit_string(char **out, const ddbgt_table *table,
                                const ddbgt_emit_options *opts, ddbgt_diags *diags);

/*
 * The document into the caller's buffer of size bytes, NUL-terminated.
 * *out_len is the document's length without the NUL, also when the buffer is
 * too small: then the status is DDBGT_ERANGE and buf is left untouched (call
 * again with *out_len + 1 bytes). buf may be NULL when size is 0.
 */
DDBGT_API int ddbgt_emit_buffer(size_t *out_len, char *buf, size_t size,
                                const ddbgt_table *table, const ddbgt_emit_options *opts,
                                ddbgt_diags *diags);

/*
 * The document written to an open stream. Nothing is written unless the
 * whole document could be made; DDBGT_EIO if the stream fails.
 */
DDBGT_API int ddbgt_emit_fp(const ddbgt_table *table, FILE *f, const ddbgt_emit_options *opts,
                            ddbgt_diags *diags);

/*
 * The document written to path, replacing it. The file appears whole or not
 * at all (written beside it, then renamed); DDBGT_EIO if it cannot be written.
 */
DDBGT_API int ddbgt_emit_file(const ddbgt_table *table, const char *path,
                              const ddbgt_emit_options *opts, ddbgt_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
