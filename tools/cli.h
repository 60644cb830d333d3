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

/* The overview of the commands, and one command's help (-1 for an unknown command). */
void cli_help_overview(FILE *f);
int cli_help_command(FILE *f, const char *name);

/* Print "ddbgt: <message>" and the subcommand's usage line to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/*
 * Load a spec from path ("-" or NULL for standard input) into *out, adding the
 * loader's findings, placed in the file, to diags; *positions (NULL: not
 * wanted) maps the spec's values for the findings still to come. Returns
 * CLI_OK, CLI_INVALID (shape errors) or CLI_INPUT (unreadable, not JSON); on
 * anything but CLI_OK *out and *positions are NULL.
 */
int cli_load_spec(const char *path, ddbgt_table **out, ddbgt_spec_positions **positions,
                  ddbgt_diags *diags);

/*
 * The value of argv[*i] if it is the option name, given as "name VALUE"
 * (*i then moves to the value) or "name=VALUE"; NULL if argv[*i] is not that
 * option, or when the value is missing (*missing is then set).
 */
const char *cli_option_value(int argc, char **argv, int *i, const char *name, int *missing);

/* "text" or "json" into *json; 0, or -1 for anything else. */
int cli_parse_format(const char *value, int *json);

/* Print the findings: JSON (the validate document) or one line each and a summary. */
int cli_print_diags(FILE *f, const ddbgt_diags *diags, int json);

/* How findings are shown: --format, --color, -q and -v, shared by the commands. */
enum { CLI_FORMAT_TEXT, CLI_FORMAT_JSON, CLI_FORMAT_SARIF };
typedef struct cli_output {
	int format;
	int color;     /* 1 on, 0 off, -1 auto (a terminal, and NO_COLOR unset or empty) */
	int verbosity; /* -1 -q: no notes; 0; 1 -v: each finding's fix too */
} cli_output;
#define CLI_OUTPUT_INIT {CLI_FORMAT_TEXT, -1, 0}

/* Which of the output options a command takes besides --color. */
enum {
	CLI_TAKES_FORMAT = 1,    /* --format text|json */
	CLI_TAKES_SARIF = 2,     /* and sarif */
	CLI_TAKES_VERBOSITY = 4  /* -q/--quiet and -v/--verbose */
};

/*
 * Take argv[*i] (and its value) if it is --color or one of the options in
 * takes (CLI_TAKES_*). Returns 1 when taken, 0 when argv[*i] is something
 * else, CLI_USAGE after printing why it is wrong.
 */
int cli_output_option(cli_output *o, const char *command, int takes, int argc, char **argv,
                      int *i);
/* Validate as the output asks: -v adds the notes true of every table of the kind. */
int cli_validate(const cli_output *o, const ddbgt_table *table, ddbgt_diags *diags);
/* Decide colour for auto, now that the stream is known. */
void cli_output_ready(cli_output *o, FILE *f);
/* The text form: "FILE:LINE:COLUMN: error: message [CODE]", the path below it. */
int cli_print_findings(FILE *f, const cli_output *o, const ddbgt_diags *diags);
/* "N errors, N warnings, N notes" and, over several specs, how many. */
void cli_print_summary(FILE *f, const ddbgt_diags *diags, size_t specs);
/* s as a JSON string (null when it is not UTF-8). */
void cli_print_json_string(FILE *f, const char *s);
/* The whole list in the chosen format: text lines and summary, JSON or SARIF. */
int cli_print_report(FILE *f, const cli_output *o, const ddbgt_diags *diags, size_t specs);

/*
 * One table of the input: what a file held, ready for a command. Every input
 * kind (a ddbgt spec, or what ddbgt import reads) is read by cli_input_read.
 */
typedef struct cli_spec {
	char *name;                      /* the path as given, or "<stdin>" */
	int from_stdin;
	char *text;                      /* the bytes read, NUL-terminated; NULL if unreadable */
	size_t len;                      /* of text */
	ddbgt_table *table;              /* NULL when it did not load */
	ddbgt_diags *diags;              /* its findings; cli_spec_locate places them */
	ddbgt_spec_positions *positions; /* a spec's; NULL when not JSON or imported */
	int status;                      /* CLI_OK, CLI_INVALID or CLI_INPUT */
	char *address;                   /* an imported table's address; NULL for a spec */
	int line, column;                /* where the imported table begins */
	ddbgt_import *imp;               /* the file's import, shared by its tables; NULL for a spec */
	size_t index;                    /* the table's place in imp */
} cli_spec;

/*
 * Read one input file ("-" for standard input; a folder with
 * DDBGT_IMPORT_DESCRIBE_TABLE) into *count specs, one per table, the kind
 * told from the content unless kind says it (DDBGT_IMPORT_SPEC: a spec
 * only). An input that cannot be read or imported is one spec with a
 * status other than CLI_OK and the findings that say why. Returns CLI_OK,
 * or CLI_INPUT when memory ran out.
 */
int cli_input_read(const char *path, ddbgt_import_kind kind, cli_spec **specs, size_t *count);
void cli_specs_free(cli_spec *specs, size_t count);
/*
 * Give the spec's findings its name, and lines and columns where they have
 * none: from the spec's positions, or where an imported table's values came from.
 */
int cli_spec_locate(cli_spec *spec);
/*
 * The files named by FILE arguments: a directory gives its *.json files
 * (and *.yaml, *.yml, *.template unless kind is DDBGT_IMPORT_SPEC),
 * recursively, in name order (hidden entries skipped), or itself with
 * DDBGT_IMPORT_DESCRIBE_TABLE; no argument gives "-". *paths is a list of
 * *count strings, freed with cli_paths_free.
 */
int cli_input_list(char **args, int nargs, ddbgt_import_kind kind, char ***paths, size_t *count);
void cli_paths_free(char **paths, size_t count);
/* 1 when path names a folder (what a SPEC argument may be). */
int cli_is_dir(const char *path);
/*
 * The one table of an input ("-" or NULL: standard input) as a list of one
 * spec (cli_specs_free(*out, 1)) whose status says whether it loaded;
 * CLI_USAGE, after saying so, when it declares several, or CLI_INPUT when
 * memory ran out, *out then NULL.
 */
int cli_load_one(const char *path, ddbgt_import_kind kind, cli_spec **out);

/*
 * Run fn on every spec of every file the SPEC arguments name, in order,
 * with the spec's status so far in spec->status (fn updates it). Returns the
 * worst status of them all (CLI_INPUT over CLI_INVALID over CLI_OK), or
 * CLI_INPUT at once when fn returns -1 (memory ran out). *nspecs counts them.
 */
typedef int (*cli_spec_fn)(cli_spec *spec, void *ctx);
int cli_each_spec(char **args, int nargs, ddbgt_import_kind kind, cli_spec_fn fn, void *ctx,
                  size_t *nspecs);

/* Write a whole string to path ("-" for standard output); 0 or -1 with a message. */
int cli_write_file(const char *path, const char *text);

/* All of a stream (malloc'd, caller frees); NULL on a read error or no memory. */
char *cli_read_stream(FILE *f, size_t *len);

/* --from KIND ("auto", "spec", "terraform-plan", ...) into *kind; 0, or -1 if unknown. */
#define CLI_FROM_USAGE \
	"--from takes auto, spec, terraform-plan, terraform-json, cloudformation or describe-table"
int cli_parse_from(const char *value, ddbgt_import_kind *kind);
/* Take argv[*i] if it is --from KIND (or --from=KIND): 1; 0 when not; CLI_USAGE when wrong. */
int cli_from_option(const char *command, int argc, char **argv, int *i, ddbgt_import_kind *kind);
/*
 * The whole import of one input, for ddbgt import, which writes its tables
 * as specs (path "-" or NULL: standard input), into *out
 * (ddbgt_import_free it), adding the findings about the input as a whole to
 * diags. CLI_OK when it holds tables; else *out is NULL and the status is
 * CLI_INVALID (a spec with shape errors) or CLI_INPUT (unreadable,
 * unparsable, no tables).
 */
int cli_load_input(const char *path, ddbgt_import_kind kind, ddbgt_import **out,
                   ddbgt_diags *diags);

#endif
