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
 * One spec of the input: what a file held, ready for a command. Every input
 * kind (a spec document today) is read by cli_input_read, which is where
 * other kinds of files become specs.
 */
typedef struct cli_spec {
	char *name;                      /* the path as given, or "<stdin>" */
	int from_stdin;
	char *text;                      /* the bytes read, NUL-terminated; NULL if unreadable */
	ddbgt_table *table;              /* NULL when it did not load */
	ddbgt_diags *diags;              /* its findings; cli_spec_locate places them */
	ddbgt_spec_positions *positions; /* NULL when the text is not JSON */
	int status;                      /* CLI_OK, CLI_INVALID or CLI_INPUT */
} cli_spec;

/*
 * Read one input file ("-" for standard input) into *count specs (an input
 * that cannot be read is one spec with status CLI_INPUT and a finding that
 * says why). Returns CLI_OK, or CLI_INPUT when memory ran out.
 */
int cli_input_read(const char *path, cli_spec **specs, size_t *count);
void cli_specs_free(cli_spec *specs, size_t count);
/* Give the spec's findings its name, and lines and columns where they have none. */
int cli_spec_locate(cli_spec *spec);
/*
 * The files named by SPEC arguments: a directory gives its *.json files,
 * recursively, in name order (hidden entries skipped); no argument gives
 * "-". *paths is a list of *count strings, freed with cli_paths_free.
 */
int cli_input_list(char **args, int nargs, char ***paths, size_t *count);
void cli_paths_free(char **paths, size_t count);
/* 1 when path names a folder (what a SPEC argument may be). */
int cli_is_dir(const char *path);

/*
 * Run fn on every spec of every file the SPEC arguments name, in order,
 * with the spec's status so far in spec->status (fn updates it). Returns the
 * worst status of them all (CLI_INPUT over CLI_INVALID over CLI_OK), or
 * CLI_INPUT at once when fn returns -1 (memory ran out). *nspecs counts them.
 */
typedef int (*cli_spec_fn)(cli_spec *spec, void *ctx);
int cli_each_spec(char **args, int nargs, cli_spec_fn fn, void *ctx, size_t *nspecs);

/* Write a whole string to path ("-" for standard output); 0 or -1 with a message. */
int cli_write_file(const char *path, const char *text);

#endif
