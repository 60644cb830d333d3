/* ddbgt validate [SPEC|DIR]... [--format text|json|sarif] [--color WHEN] [-q|-v] */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct run {
	cli_output out;
	ddbgt_diags *all; /* every spec's findings, for JSON and SARIF */
} run;

static int validate_one(cli_spec *spec, void *ctx)
{
	run *r = ctx;
	/* The loader checked the document's shape; the validator checks the design. */
	if (spec->status == CLI_OK) {
		if (cli_validate(&r->out, spec->table, spec->diags) == DDBGT_ENOMEM ||
		    cli_spec_locate(spec))
			return -1;
		if (!ddbgt_diags_is_valid(spec->diags))
			spec->status = CLI_INVALID;
	}
	if (r->out.format == CLI_FORMAT_TEXT && cli_print_findings(stdout, &r->out, spec->diags))
		return -1;
	return ddbgt_diags_append(r->all, spec->diags) ? -1 : 0;
}

int ddbgt_cmd_validate(int argc, char **argv)
{
	run r = {CLI_OUTPUT_INIT, NULL};
	char **specs = calloc((size_t)argc, sizeof *specs);
	int nspecs = 0, rc;
	if (!specs || ddbgt_diags_new(&r.all)) {
		free(specs);
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	for (int i = 1; i < argc; i++) {
		int taken = cli_output_option(&r.out, "validate",
		                              CLI_TAKES_FORMAT | CLI_TAKES_SARIF | CLI_TAKES_VERBOSITY,
		                              argc, argv, &i);
		if (taken == CLI_USAGE) {
			rc = CLI_USAGE;
			goto out;
		}
		if (taken)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage_error("validate", "unknown option %s", argv[i]);
			goto out;
		}
		specs[nspecs++] = argv[i];
	}
	cli_output_ready(&r.out, stdout);
	size_t count = 0;
	rc = cli_each_spec(specs, nspecs, validate_one, &r, &count);
	if (r.out.format == CLI_FORMAT_TEXT)
		cli_print_summary(stdout, r.all, count);
	else if (cli_print_report(stdout, &r.out, r.all, count))
		rc = CLI_INPUT;
out:
	ddbgt_diags_free(r.all);
	free(specs);
	return rc;
}
