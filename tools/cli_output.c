/*
 * How the command shows findings: the compiler convention editors and CI log
 * readers parse ("FILE:LINE:COLUMN: error: message [CODE]"), the validate
 * JSON document, or SARIF; colour only where a person reads it.
 */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_parse_format(const char *value, int *json)
{
	if (value && strcmp(value, "text") == 0)
		*json = 0;
	else if (value && strcmp(value, "json") == 0)
		*json = 1;
	else
		return -1;
	return 0;
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

int cli_output_option(cli_output *o, const char *command, int takes, int argc, char **argv,
                      int *i)
{
	int missing = 0, allow_sarif = takes & CLI_TAKES_SARIF;
	const char *v;
	if ((takes & CLI_TAKES_FORMAT) &&
	    ((v = cli_option_value(argc, argv, i, "--format", &missing)) || missing)) {
		if (v && strcmp(v, "text") == 0)
			o->format = CLI_FORMAT_TEXT;
		else if (v && strcmp(v, "json") == 0)
			o->format = CLI_FORMAT_JSON;
		else if (v && allow_sarif && strcmp(v, "sarif") == 0)
			o->format = CLI_FORMAT_SARIF;
		else
			return cli_usage_error(command, "--format takes text%s or json",
			                       allow_sarif ? ", sarif" : "");
	} else if ((v = cli_option_value(argc, argv, i, "--color", &missing)) || missing) {
		if (v && strcmp(v, "auto") == 0)
			o->color = -1;
		else if (v && strcmp(v, "always") == 0)
			o->color = 1;
		else if (v && strcmp(v, "never") == 0)
			o->color = 0;
		else
			return cli_usage_error(command, "--color takes auto, always or never");
	} else if ((takes & CLI_TAKES_VERBOSITY) &&
	           (strcmp(argv[*i], "-q") == 0 || strcmp(argv[*i], "--quiet") == 0)) {
		o->verbosity = -1;
	} else if ((takes & CLI_TAKES_VERBOSITY) &&
	           (strcmp(argv[*i], "-v") == 0 || strcmp(argv[*i], "--verbose") == 0)) {
		o->verbosity = 1;
	} else {
		return 0;
	}
	return 1;
}

int cli_validate(const cli_output *o, const ddbgt_table *table, ddbgt_diags *diags)
{
	ddbgt_validate_options opts = DDBGT_VALIDATE_OPTIONS_INIT;
	if (o->verbosity > 0)
		opts.flags |= DDBGT_VALIDATE_GENERAL_NOTES;
	return ddbgt_table_validate(table, &opts, diags);
}

void cli_output_ready(cli_output *o, FILE *f)
{
	/* https://no-color.org: a NO_COLOR that is set and not empty turns colour off. */
	if (o->color < 0) {
		const char *no_color = getenv("NO_COLOR");
		o->color = isatty(fileno(f)) && !(no_color && no_color[0]);
	}
}

/* SGR sequences: bold, and bold in the colours GCC uses for each severity. */
static const char *paint(const cli_output *o, ddbgt_severity severity)
{
	if (!o->color)
		return "";
	switch (severity) {
	case DDBGT_SEVERITY_ERROR: return "\033[1;31m";
	case DDBGT_SEVERITY_WARNING: return "\033[1;35m";
	default: return "\033[1;36m";
	}
}

static const char *severity_word(ddbgt_severity severity)
{
	switch (severity) {
	case DDBGT_SEVERITY_ERROR: return "error";
	case DDBGT_SEVERITY_WARNING: return "warning";
	default: return "note";
	}
}

/* s with control characters as '?': a hostile name must not drive the terminal. */
static void put_clean(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, f);
}

int cli_print_findings(FILE *f, const cli_output *o, const ddbgt_diags *diags)
{
	const char *bold = o->color ? "\033[1m" : "", *dim = o->color ? "\033[2m" : "";
	const char *reset = o->color ? "\033[0m" : "";
	for (size_t i = 0; i < ddbgt_diags_count(diags); i++) {
		ddbgt_severity sev = ddbgt_diags_severity(diags, i);
		if (sev == DDBGT_SEVERITY_INFO && o->verbosity < 0)
			continue;
		const char *file = ddbgt_diags_file(diags, i), *region = ddbgt_diags_region(diags, i);
		const char *path = ddbgt_diags_path(diags, i);
		int line = ddbgt_diags_line(diags, i);
		if (file) {
			fputs(bold, f);
			put_clean(f, file);
			if (line > 0)
				fprintf(f, ":%d:%d", line, ddbgt_diags_column(diags, i));
			fprintf(f, ":%s ", reset);
		}
		fprintf(f, "%s%s:%s ", paint(o, sev), severity_word(sev), reset);
		put_clean(f, ddbgt_diags_message(diags, i));
		fprintf(f, " [%s]\n  %sat ", ddbgt_diags_code_name(diags, i), dim);
		put_clean(f, path[0] ? path : "/");
		if (region) {
			fputs(" (", f);
			put_clean(f, region);
			fputc(')', f);
		}
		fprintf(f, "%s\n", reset);
		if (o->verbosity > 0)
			fprintf(f, "  fix: %s\n", ddbgt_code_hint(ddbgt_diags_code(diags, i)));
	}
	return ferror(f) ? -1 : 0;
}

void cli_print_summary(FILE *f, const ddbgt_diags *diags, size_t specs)
{
	size_t e = ddbgt_diags_error_count(diags), w = ddbgt_diags_warning_count(diags);
	size_t n = ddbgt_diags_info_count(diags);
	fprintf(f, "%zu error%s, %zu warning%s, %zu note%s", e, e == 1 ? "" : "s", w,
	        w == 1 ? "" : "s", n, n == 1 ? "" : "s");
	if (specs != 1)
		fprintf(f, " in %zu specs", specs);
	fputc('\n', f);
}

void cli_print_json_string(FILE *f, const char *s)
{
	json_t *v = json_string(s);
	char *text = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
	fputs(text ? text : "null", f);
	free(text);
	json_decref(v);
}

int cli_print_report(FILE *f, const cli_output *o, const ddbgt_diags *diags, size_t specs)
{
	if (o->format == CLI_FORMAT_TEXT) {
		int rc = cli_print_findings(f, o, diags);
		cli_print_summary(f, diags, specs);
		return rc;
	}
	char *text = NULL;
	int rc = o->format == CLI_FORMAT_SARIF ? ddbgt_diags_to_sarif(&text, diags)
	                                       : ddbgt_diags_to_json(&text, diags);
	if (rc) {
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
		return -1;
	}
	fputs(text, f);
	ddbgt_free(text);
	return 0;
}

int cli_print_diags(FILE *f, const ddbgt_diags *diags, int json)
{
	cli_output o = CLI_OUTPUT_INIT;
	o.format = json ? CLI_FORMAT_JSON : CLI_FORMAT_TEXT;
	cli_output_ready(&o, f);
	return cli_print_report(f, &o, diags, 1);
}
