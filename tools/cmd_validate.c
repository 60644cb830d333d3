/* ddbgt validate [SPEC] [--format text|json] */
#include <string.h>

#include "cli.h"

int ddbgt_cmd_validate(int argc, char **argv)
{
	const char *spec = NULL;
	int json = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc || cli_parse_format(argv[i], &json))
				return cli_usage_error("validate", "--format takes text or json");
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			if (cli_parse_format(argv[i] + 9, &json))
				return cli_usage_error("validate", "--format takes text or json");
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
	ddbgt_table *table = NULL;
	int rc = cli_load_spec(spec, &table, diags);
	/* The loader checked the document's shape; the validator checks the design. */
	if (rc == CLI_OK && ddbgt_table_validate(table, NULL, diags) == DDBGT_ENOMEM) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
	}
	if (cli_print_diags(stdout, diags, json))
		rc = CLI_INPUT;
	else if (rc == CLI_OK && !ddbgt_diags_is_valid(diags))
		rc = CLI_INVALID;
	ddbgt_table_free(table);
	ddbgt_diags_free(diags);
	return rc;
}
