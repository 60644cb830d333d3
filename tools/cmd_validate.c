/* ddbgt validate [FILE] [--from KIND] [--format text|json] */
#include <string.h>

#include "cli.h"

/* The validator's findings on table i, pointed into the input where they came from. */
static int validate_one(const ddbgt_import *imp, size_t i, ddbgt_diags *diags)
{
	ddbgt_diags *found = NULL;
	int rc = ddbgt_diags_new(&found);
	if (rc == DDBGT_OK && cli_table_diags(imp, i, diags))
		rc = DDBGT_ENOMEM;
	if (rc == DDBGT_OK) {
		rc = ddbgt_table_validate(ddbgt_import_table_at(imp, i), NULL, found);
		if (rc == DDBGT_EINVALID)
			rc = DDBGT_OK;
	}
	/* A spec's findings carry its own paths; an import's point into the input. */
	if (rc == DDBGT_OK && ddbgt_import_input_kind(imp) != DDBGT_IMPORT_SPEC)
		rc = ddbgt_import_table_annotate(imp, i, found);
	if (rc == DDBGT_OK)
		rc = ddbgt_diags_append(diags, found);
	ddbgt_diags_free(found);
	return rc;
}

int ddbgt_cmd_validate(int argc, char **argv)
{
	const char *spec = NULL;
	int json = 0;
	ddbgt_import_kind kind = DDBGT_IMPORT_AUTO;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc || cli_parse_format(argv[i], &json))
				return cli_usage_error("validate", "--format takes text or json");
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			if (cli_parse_format(argv[i] + 9, &json))
				return cli_usage_error("validate", "--format takes text or json");
		} else if (strcmp(argv[i], "--from") == 0) {
			if (++i >= argc || cli_parse_from(argv[i], &kind))
				return cli_usage_error("validate", CLI_FROM_USAGE);
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage_error("validate", "unknown option %s", argv[i]);
		} else if (spec) {
			return cli_usage_error("validate", "only one SPEC, please");
		} else {
			spec = argv[i];
		}
	}
	ddbgt_diags *diags = NULL;
	if (ddbgt_diags_new(&diags)) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	ddbgt_import *imp = NULL;
	int rc = cli_load_input(spec, kind, &imp, diags);
	size_t n = ddbgt_import_table_count(imp);
	if (rc == CLI_OK && n == 1 && ddbgt_import_input_kind(imp) == DDBGT_IMPORT_SPEC) {
		/* The loader checked the document's shape; the validator checks the design. */
		if (validate_one(imp, 0, diags)) {
			fputs("ddbgt: out of memory\n", stderr);
			rc = CLI_INPUT;
		}
	} else if (rc == CLI_OK) {
		/*
		 * An imported input: a result per table, named by its address and
		 * where it stands in the input.
		 */
		if (json)
			fputs("{\"tables\": [\n", stdout);
		for (size_t i = 0; i < n && rc != CLI_INPUT; i++) {
			ddbgt_diags *one = NULL;
			if (ddbgt_diags_new(&one) || ddbgt_diags_append(one, diags) ||
			    validate_one(imp, i, one)) {
				fputs("ddbgt: out of memory\n", stderr);
				rc = CLI_INPUT;
			} else if (json) {
				fputs(i ? ",\n{\"address\": " : "{\"address\": ", stdout);
				cli_print_json_string(stdout, ddbgt_import_table_address(imp, i));
				fputs(", \"file\": ", stdout);
				cli_print_json_string(stdout, ddbgt_import_name(imp));
				printf(", \"line\": %d, \"column\": %d, \"result\": ",
				       ddbgt_import_table_line(imp, i), ddbgt_import_table_column(imp, i));
				cli_print_diags(stdout, one, 1);
				fputs("}", stdout);
			} else {
				printf("== %s (%s:%d:%d)\n", ddbgt_import_table_address(imp, i),
				       ddbgt_import_name(imp), ddbgt_import_table_line(imp, i),
				       ddbgt_import_table_column(imp, i));
				cli_print_diags(stdout, one, 0);
			}
			if (rc == CLI_OK && !ddbgt_diags_is_valid(one))
				rc = CLI_INVALID;
			ddbgt_diags_free(one);
		}
		if (json)
			fputs("\n]}\n", stdout);
		ddbgt_import_free(imp);
		ddbgt_diags_free(diags);
		return rc;
	}
	if (cli_print_diags(stdout, diags, json))
		rc = CLI_INPUT;
	else if (rc == CLI_OK && !ddbgt_diags_is_valid(diags))
		rc = CLI_INVALID;
	ddbgt_import_free(imp);
	ddbgt_diags_free(diags);
	return rc;
}
