/*
 * ddbgt explain CODE [--format text|json]
 * ddbgt explain --all [--format text|json|markdown]
 *
 * Reads the diagnostic catalogue of the library; doc/diagnostics.md is the
 * markdown form of --all (tests/diagnostics-doc.sh keeps the two equal).
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { FMT_TEXT, FMT_JSON, FMT_MARKDOWN };

static const struct area {
	int first, last;
	const char *title;
} areas[] = {
	{1, 99, "Spec loader"},
	{100, 499, "Validator"},
	{500, 599, "Emitters"},
	{600, 699, "Cost and prices"},
	{700, 749, "Templates and helpers"},
	{750, 799, "Change safety (ddbgt diff)"},
	{800, 899, "Importers"},
	{900, 999, "Calls of the library"},
};

static const char *severity_name(ddbgt_severity sev)
{
	const char *name = ddbgt_enum_name(DDBGT_ENUM_SEVERITY, sev);
	return name ? name : "off";
}

/* A name in any case, or the numeric value. */
static ddbgt_code parse_code(const char *arg)
{
	char upper[128];
	size_t i;
	char *end;
	long value = strtol(arg, &end, 10);

	if (*arg != '\0' && *end == '\0')
		return ddbgt_code_name((ddbgt_code)value) ? (ddbgt_code)value : DDBGT_CODE_NONE;
	for (i = 0; arg[i] != '\0' && i + 1 < sizeof upper; i++)
		upper[i] = (char)toupper((unsigned char)arg[i]);
	upper[i] = '\0';
	if (arg[i] != '\0')
		return DDBGT_CODE_NONE;
	return ddbgt_code_from_name(upper);
}

static void print_text(FILE *f, ddbgt_code c)
{
	fprintf(f, "%s (%d, %s)\n  %s\n  fix: %s\n  source: %s\n", ddbgt_code_name(c), (int)c,
	        severity_name(ddbgt_code_severity(c)), ddbgt_code_summary(c), ddbgt_code_hint(c),
	        ddbgt_code_source(c));
}

static json_t *code_json(ddbgt_code c)
{
	return json_pack("{s:s, s:i, s:s, s:s, s:s, s:s}", "code", ddbgt_code_name(c), "value",
	                 (int)c, "severity", severity_name(ddbgt_code_severity(c)), "summary",
	                 ddbgt_code_summary(c), "hint", ddbgt_code_hint(c), "source",
	                 ddbgt_code_source(c));
}

static int print_json(FILE *f, json_t *j)
{
	int rc = j != NULL ? json_dumpf(j, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;

	json_decref(j);
	if (rc != 0) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	fputc('\n', f);
	return CLI_OK;
}

/* Characters markdown would read as markup or HTML are escaped; capital: a sentence starts. */
static void md_text(FILE *f, const char *s, int capital)
{
	if (capital && islower((unsigned char)*s))
		fputc(toupper((unsigned char)*s++), f);
	for (; *s != '\0'; s++) {
		if (strchr("\\<>*[]|", *s) != NULL)
			fputc('\\', f);
		fputc(*s, f);
	}
}

static void print_markdown(FILE *f)
{
	fputs("# Diagnostics\n\n"
	      "Every finding of libddbgt carries one of these codes. The code strings and\n"
	      "their values never change. A spec's `policy.severity` can change a code's\n"
	      "severity, or turn it `off`.\n\n"
	      "This page is generated from the catalogue in `lib/codes.c` by\n"
	      "`ddbgt explain --all --format markdown` (`make update-diagnostics-doc`);\n"
	      "`tests/diagnostics-doc.sh` fails when the two differ. Do not edit it by hand.\n",
	      f);
	for (size_t a = 0; a < sizeof areas / sizeof areas[0]; a++) {
		int header = 0;

		for (size_t i = 0; i < ddbgt_code_count(); i++) {
			ddbgt_code c = ddbgt_code_at(i);

			if ((int)c < areas[a].first || (int)c > areas[a].last)
				continue;
			if (!header++)
				fprintf(f, "\n## %s (%d-%d)\n", areas[a].title, areas[a].first,
				        areas[a].last);
			fprintf(f, "\n### %s\n\n%s, value %d, source: ", ddbgt_code_name(c),
			        severity_name(ddbgt_code_severity(c)), (int)c);
			md_text(f, ddbgt_code_source(c), 0);
			fputs("\n\n", f);
			md_text(f, ddbgt_code_summary(c), 1);
			fputs(".\n\nFix: ", f);
			md_text(f, ddbgt_code_hint(c), 0);
			fputs(".\n", f);
		}
	}
}

int ddbgt_cmd_explain(int argc, char **argv)
{
	const char *arg = NULL;
	int all = 0, format = FMT_TEXT;
	ddbgt_code code;

	for (int i = 1; i < argc; i++) {
		const char *value = NULL;

		if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc)
				return cli_usage_error("explain", "--format takes text, json or markdown");
			value = argv[i];
		} else if (strncmp(argv[i], "--format=", 9) == 0)
			value = argv[i] + 9;
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("explain", "unknown option %s", argv[i]);
		else if (arg != NULL)
			return cli_usage_error("explain", "only one CODE, please");
		else
			arg = argv[i];
		if (value == NULL)
			continue;
		if (strcmp(value, "text") == 0)
			format = FMT_TEXT;
		else if (strcmp(value, "json") == 0)
			format = FMT_JSON;
		else if (strcmp(value, "markdown") == 0)
			format = FMT_MARKDOWN;
		else
			return cli_usage_error("explain", "--format takes text, json or markdown");
	}
	if (all == (arg != NULL))
		return cli_usage_error("explain", "give one CODE, or --all");
	if (format == FMT_MARKDOWN && !all)
		return cli_usage_error("explain", "--format markdown goes with --all");
	if (all) {
		json_t *list;

		if (format == FMT_MARKDOWN) {
			print_markdown(stdout);
			return CLI_OK;
		}
		if (format == FMT_TEXT) {
			for (size_t i = 0; i < ddbgt_code_count(); i++)
				print_text(stdout, ddbgt_code_at(i));
			return CLI_OK;
		}
		list = json_array();
		for (size_t i = 0; list != NULL && i < ddbgt_code_count(); i++)
			if (json_array_append_new(list, code_json(ddbgt_code_at(i))) != 0) {
				json_decref(list);
				list = NULL;
			}
		return print_json(stdout, list);
	}
	code = parse_code(arg);
	if (code == DDBGT_CODE_NONE) {
		fprintf(stderr, "ddbgt: %s is not a diagnostic code (ddbgt explain --all lists them)\n",
		        arg);
		return CLI_INVALID;
	}
	if (format == FMT_JSON)
		return print_json(stdout, code_json(code));
	print_text(stdout, code);
	return CLI_OK;
}
