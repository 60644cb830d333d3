/* ddbgt diff OLD NEW [--from KIND] [--format text|json] [--allow-replace] */
#include <string.h>

#include "cli.h"

/*
 * Load one side of the comparison: a spec, or anything the importers read
 * (a Terraform plan, describe-table output of the live table, ...) that
 * declares one table.
 */
static int load_side(const char *path, ddbgt_import_kind kind, ddbgt_table **out,
                     ddbgt_diags *diags)
{
	cli_spec *in = NULL;
	int rc = cli_load_one(path, kind, &in);
	if (rc != CLI_OK)
		return rc;
	rc = in->status;
	if (rc == CLI_OK) {
		*out = in->table;
		in->table = NULL;
	} else if (cli_spec_locate(in) || ddbgt_diags_append(diags, in->diags)) {
		rc = CLI_INPUT;
	}
	cli_specs_free(in, 1);
	return rc;
}

int ddbgt_cmd_diff(int argc, char **argv)
{
	const char *paths[2] = {NULL, NULL};
	int json = 0, npaths = 0;
	ddbgt_import_kind kind = DDBGT_IMPORT_AUTO;
	ddbgt_diff_options opts = DDBGT_DIFF_OPTIONS_INIT;
	for (int i = 1; i < argc; i++) {
		int from = cli_from_option("diff", argc, argv, &i, &kind);
		if (from == CLI_USAGE)
			return CLI_USAGE;
		if (from == 1)
			continue;
		if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc || cli_parse_format(argv[i], &json))
				return cli_usage_error("diff", "--format takes text or json");
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			if (cli_parse_format(argv[i] + 9, &json))
				return cli_usage_error("diff", "--format takes text or json");
		} else if (strcmp(argv[i], "--allow-replace") == 0) {
			opts.allow_replace = 1;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage_error("diff", "unknown option %s", argv[i]);
		} else if (npaths == 2) {
			return cli_usage_error("diff", "two specs, OLD and NEW, please");
		} else {
			paths[npaths++] = argv[i];
		}
	}
	if (npaths != 2)
		return cli_usage_error("diff", "two specs, OLD and NEW, please");
	if (strcmp(paths[0], "-") == 0 && strcmp(paths[1], "-") == 0)
		return cli_usage_error("diff", "only one of OLD and NEW can be standard input");

	ddbgt_diags *diags = NULL;
	ddbgt_table *sides[2] = {NULL, NULL};
	ddbgt_changes *changes = NULL;
	char *text = NULL;
	int rc = CLI_OK;
	if (ddbgt_diags_new(&diags)) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	/*
	 * A side that does not load cannot be compared: input trouble (3), with
	 * its findings; an input of several tables is a usage error (2).
	 */
	for (int s = 0; s < 2 && rc == CLI_OK; s++) {
		/* --from names what OLD is (a plan, the live table); NEW is detected. */
		int loaded = load_side(paths[s], s == 0 ? kind : DDBGT_IMPORT_AUTO, &sides[s], diags);
		if (loaded != CLI_OK) {
			cli_print_diags(stderr, diags, 0);
			fprintf(stderr, "ddbgt: cannot compare %s\n", paths[s]);
			rc = loaded == CLI_USAGE ? CLI_USAGE : CLI_INPUT;
		}
	}
	if (rc == CLI_OK) {
		/* Warnings of the loader (if any) are not the diff's business. */
		ddbgt_diags_clear(diags);
		int st = ddbgt_diff(&changes, sides[0], sides[1], &opts, diags);
		if (st == DDBGT_OK)
			st = json ? ddbgt_changes_to_json(&text, changes)
			          : ddbgt_changes_to_text(&text, changes);
		if (st != DDBGT_OK) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			rc = CLI_INPUT;
		}
	}
	if (rc == CLI_OK) {
		fputs(text, stdout);
		if (!json && ddbgt_diags_count(diags))
			fprintf(stdout, "%zu error%s, %zu warning%s, %zu note%s\n",
			        ddbgt_diags_error_count(diags),
			        ddbgt_diags_error_count(diags) == 1 ? "" : "s",
			        ddbgt_diags_warning_count(diags),
			        ddbgt_diags_warning_count(diags) == 1 ? "" : "s",
			        ddbgt_diags_info_count(diags), ddbgt_diags_info_count(diags) == 1 ? "" : "s");
		/* Replacements count as errors unless --allow-replace made them warnings. */
		if (!ddbgt_diags_is_valid(diags))
			rc = CLI_INVALID;
	}
	ddbgt_free(text);
	ddbgt_changes_free(changes);
	ddbgt_table_free(sides[0]);
	ddbgt_table_free(sides[1]);
	ddbgt_diags_free(diags);
	return rc;
}
