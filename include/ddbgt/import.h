/*
 * libddbgt: importing what teams already have.
 *
 * An import reads one input (a Terraform plan as `terraform show -json`
 * prints it, a Terraform JSON configuration, a CloudFormation template in
 * JSON or YAML, the AWS CLI's `dynamodb describe-table` output, or a ddbgt
 * spec) and yields the global tables it declares, each as a ddbgt_table with
 * the address it has in the input (`aws_dynamodb_table.orders`, a logical
 * id, a table name), its position, and its own findings: one for every value
 * that is unknown until apply, every expression that is not a literal, and
 * every setting a spec cannot express. Nothing is dropped silently and
 * nothing is guessed. doc/import.md lists what maps where, per kind.
 *
 * Findings about the document as a whole (syntax, an input of another
 * kind, no table at all) go to the caller's diags, as the spec loader's do,
 * and stay on the import when it succeeds. Every finding has the
 * line and column (1-based, in bytes) of the value it is about, and the
 * path of that value inside the resource (`/replica/1/kms_key_arn`) or the
 * document. ddbgt_import_table_locate maps a spec path, such as the path of
 * a validator finding, back to where its value came from.
 */
#ifndef DDBGT_IMPORT_H
#define DDBGT_IMPORT_H

#include "common.h"
#include "table.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What an input is. Values are stable (append only). */
typedef enum ddbgt_import_kind {
	DDBGT_IMPORT_AUTO = 0,           /* detect from the content */
	DDBGT_IMPORT_SPEC = 1,           /* a ddbgt/1 spec */
	DDBGT_IMPORT_TERRAFORM_PLAN = 2, /* terraform show -json PLANFILE */
	DDBGT_IMPORT_TERRAFORM_JSON = 3, /* a .tf.json configuration */
	DDBGT_IMPORT_CLOUDFORMATION = 4, /* a CloudFormation template, JSON or YAML */
	DDBGT_IMPORT_DESCRIBE_TABLE = 5  /* aws dynamodb describe-table --output json */
} ddbgt_import_kind;

typedef struct ddbgt_import ddbgt_import;

#define DDBGT_IMPORT_OPTIONS_VERSION 1

/*
 * Options of ddbgt_import_file and ddbgt_import_buffer. Grows only at the
 * end; set version to DDBGT_IMPORT_OPTIONS_VERSION (the _INIT macro and the
 * _init function do). Every version up to the current is read as its layout
 * has it; a struct zeroed whole (version 0 included) means the defaults.
 */
typedef struct ddbgt_import_options {
	unsigned version;
	/* The kind of the input; DDBGT_IMPORT_AUTO (the default) detects it. */
	ddbgt_import_kind kind;
	/* Inputs larger than this many bytes are refused; 0 means 64 MiB. */
	size_t max_bytes;
} ddbgt_import_options;

#define DDBGT_IMPORT_OPTIONS_INIT { DDBGT_IMPORT_OPTIONS_VERSION, DDBGT_IMPORT_AUTO, 0 }

/*
 * Fill opts with the defaults of the given version (1 to
 * DDBGT_IMPORT_OPTIONS_VERSION). DDBGT_EINVAL for a NULL opts or a version
 * this library does not know.
 */
DDBGT_API int ddbgt_import_options_init(ddbgt_import_options *opts, unsigned version);

/*
 * Import len bytes of text; name is how findings and addresses refer to the
 * input (a file name, "-"; NULL means "<buffer>"). opts may be NULL.
 * A describe-table input may carry, beside its "Table", the objects the
 * other AWS CLI commands print ("ContinuousBackupsDescription",
 * "TimeToLiveDescription", "Tags", "TableAutoScalingDescription",
 * "KinesisDataStreamDestinations", "ContributorInsightsSummaries") merged
 * into the same top-level object.
 * The findings about the input as a whole are appended to diags (which may
 * be NULL), as ddbgt_spec_load_string does, and stay readable on the import
 * (ddbgt_import_diags). Returns 0 with *out set when at least one table was
 * imported (whose own findings may still hold errors:
 * ddbgt_import_table_diags); DDBGT_ESPEC when the input could not be
 * imported (unparsable, of another kind, no tables: diags says why);
 * DDBGT_EINVAL for NULL arguments, a name that is not UTF-8, an options
 * version above this library's or an unknown kind; DDBGT_ENOMEM. *out is
 * NULL on every failure.
 */
DDBGT_API int ddbgt_import_buffer(ddbgt_import **out, const char *name, const char *text,
                                  size_t len, const ddbgt_import_options *opts,
                                  ddbgt_diags *diags);

/*
 * Import a file, or a directory holding the AWS CLI outputs of one live
 * table (describe-table plus any of describe-continuous-backups,
 * describe-time-to-live, list-tags-of-resource,
 * describe-table-replica-auto-scaling, describe-kinesis-streaming-destination
 * and list-contributor-insights, one *.json file each, recognised by
 * content). Returns as ddbgt_import_buffer; an unreadable path is DDBGT_EIO
 * with a DDBGT_E_IMPORT_UNREADABLE finding (DDBGT_E_SPEC_UNREADABLE when the
 * kind is AUTO or SPEC, as ddbgt_spec_load_file reports it).
 */
DDBGT_API int ddbgt_import_file(ddbgt_import **out, const char *path,
                                const ddbgt_import_options *opts, ddbgt_diags *diags);

/* Free an import with its tables and findings. NULL is a no-op. */
DDBGT_API void ddbgt_import_free(ddbgt_import *imp);

/* The kind the input was read as (AUTO when it could not be told). */
DDBGT_API ddbgt_import_kind ddbgt_import_input_kind(const ddbgt_import *imp);
/* The short name of a kind ("terraform-plan", ...) as --from takes it; NULL if unknown. */
DDBGT_API const char *ddbgt_import_kind_name(ddbgt_import_kind kind);
/* The kind of a short name; DDBGT_EINVAL (and *out AUTO) when unknown. "auto" is AUTO. */
DDBGT_API int ddbgt_import_kind_from_name(ddbgt_import_kind *out, const char *name);
/* The input's name as given (or "<buffer>"). */
DDBGT_API const char *ddbgt_import_name(const ddbgt_import *imp);
/* Findings about the input as a whole, as diags received them; never NULL for an import. */
DDBGT_API const ddbgt_diags *ddbgt_import_diags(const ddbgt_import *imp);

/* The tables imported, in the order of the input; 0 for NULL. */
DDBGT_API size_t ddbgt_import_table_count(const ddbgt_import *imp);
/* The table at i, owned by the import (ddbgt_table_copy keeps it); NULL out of range. */
DDBGT_API const ddbgt_table *ddbgt_import_table_at(const ddbgt_import *imp, size_t i);
/* Its address in the input: "aws_dynamodb_table.orders", a logical id, a table name. */
DDBGT_API const char *ddbgt_import_table_address(const ddbgt_import *imp, size_t i);
/* The line and column where the table's resource begins; 0 out of range or unknown. */
DDBGT_API int ddbgt_import_table_line(const ddbgt_import *imp, size_t i);
DDBGT_API int ddbgt_import_table_column(const ddbgt_import *imp, size_t i);
/* Findings about this table: what is unresolved or not carried over; never NULL in range. */
DDBGT_API const ddbgt_diags *ddbgt_import_table_diags(const ddbgt_import *imp, size_t i);

/*
 * Where the value behind a spec path ("/replicas/1/kms_key", as validator
 * findings carry) came from: the line and column of the nearest recorded
 * value at that path or above it. DDBGT_ENOTFOUND (and 0, 0) when none is
 * known; DDBGT_EINVAL for NULL arguments; DDBGT_ERANGE for i out of range.
 */
DDBGT_API int ddbgt_import_table_locate(const ddbgt_import *imp, size_t i, const char *spec_path,
                                        int *line, int *column);

/*
 * Give every finding of diags that has no position the source position of
 * its path in table i (ddbgt_import_table_locate), so that validator and
 * cost findings on an imported table point into the input. Findings with a
 * position are left alone. DDBGT_EINVAL / DDBGT_ERANGE as above.
 */
DDBGT_API int ddbgt_import_table_annotate(const ddbgt_import *imp, size_t i, ddbgt_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
