/* Shared pieces of the ddbgt command's subcommands. */
#ifndef DDBGT_TOOLS_CLI_H
#define DDBGT_TOOLS_CLI_H

#include <stdio.h>

#include <ddbgt.h>

/* Exit codes of spec-format.md. */
enum {
	CLI_OK = 0,       /* valid, warnings allowed */
	CLI_INVALID = 1,  /* findings with errors */
	CLI_USAGE = 2,    /* bad command line */
	CLI_INPUT = 3     /* unreadable or unparsable input */
};

/* One function per subcommand, listed in tools/commands.def. */
#define DDBGT_COMMAND(fn, usage, summary) int ddbgt_cmd_##fn(int argc, char **argv);
#include "commands.def"
#undef DDBGT_COMMAND

/* Print "ddbgt: <message>" and the subcommand's usage line to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/*
 * Load a spec from path ("-" or NULL for standard input) into *out, adding the
 * loader's findings to diags. Returns CLI_OK, CLI_INVALID (shape errors) or
 * CLI_INPUT (unreadable, not JSON); on anything but CLI_OK *out is NULL.
 */
int cli_load_spec(const char *path, ddbgt_table **out, ddbgt_diags *diags);

/* "text" or "json" into *json; 0, or -1 for anything else. */
int cli_parse_format(const char *value, int *json);

/* Print the findings: JSON (the validate document) or one line each and a summary. */
int cli_print_diags(FILE *f, const ddbgt_diags *diags, int json);

/* Write a whole string to path ("-" for standard output); 0 or -1 with a message. */
int cli_write_file(const char *path, const char *text);

/* All of a stream (malloc'd, caller frees); NULL on a read error or no memory. */
char *cli_read_stream(FILE *f, size_t *len);

/* --from KIND ("auto", "spec", "terraform-plan", ...) into *kind; 0, or -1 if unknown. */
#define CLI_FROM_USAGE \
	"--from takes auto, spec, terraform-plan, terraform-json, cloudformation or describe-table"
int cli_parse_from(const char *value, ddbgt_import_kind *kind);
/*
 * Read one input of any kind (path "-" or NULL: standard input) into *out
 * (ddbgt_import_free it), adding the findings about the input as a whole to
 * diags. CLI_OK when it holds tables; else *out is NULL and the status is
 * CLI_INVALID (a spec with shape errors) or CLI_INPUT (unreadable,
 * unparsable, no tables).
 */
int cli_load_input(const char *path, ddbgt_import_kind kind, ddbgt_import **out,
                   ddbgt_diags *diags);
/* Append table i's import findings to diags; 0, or -1 when memory ran out. */
int cli_table_diags(const ddbgt_import *imp, size_t i, ddbgt_diags *diags);
/* s as a JSON string, quoted and escaped. */
void cli_print_json_string(FILE *f, const char *s);
/* The one table of an input (a copy) with its findings; CLI_USAGE when it holds several. */
int cli_load_one(const char *path, ddbgt_import_kind kind, ddbgt_table **out,
                 ddbgt_diags *diags);

#endif
