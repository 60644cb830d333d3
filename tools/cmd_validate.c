/*
 * ddbgt validate [FILE|DIR]... [--from KIND] [--format text|json|sarif] [--color WHEN] [-q|-v]
 *
 * Every table of every input: specs, and what ddbgt import reads, each
 * imported table a result named by its address and placed in its file.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct run {
	cli_output out;
	ddbgt_diags *all; /* every spec's findings, for JSON and SARIF */
	FILE *tables;     /* JSON: a {"address", ..., "result"} entry per table */
	size_t entries;
	int imported;     /* an input was imported: JSON is then {"tables": [...]} */
} run;

/* The JSON entry of one table: where it is and its findings. */
static int json_entry(run *r, const cli_spec *spec)
{
	char *text = NULL;
	int rc = ddbgt_diags_to_json(&text, spec->diags);
	if (rc) {
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
		return -1;
	}
	fputs(r->entries++ ? ",\n{\"address\": " : "{\"address\": ", r->tables);
	if (spec->address)
		cli_print_json_string(r->tables, spec->address);
	else
		fputs("null", r->tables);
	fputs(", \"file\": ", r->tables);
	cli_print_json_string(r->tables, spec->name);
	fprintf(r->tables, ", \"line\": %d, \"column\": %d, \"result\": ", spec->line,
	        spec->column);
	/* The diags document ends with a newline: the entry closes before it. */
	size_t n = strlen(text);
	fprintf(r->tables, "%.*s}", (int)(n && text[n - 1] == '\n' ? n - 1 : n), text);
	ddbgt_free(text);
	return 0;
}

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
	if (spec->address)
		r->imported = 1;
	if (r->out.format == CLI_FORMAT_TEXT) {
		/* An imported table is a result of its own, named by its address and place. */
		if (spec->address)
			printf("== %s (%s:%d:%d)\n", spec->address, spec->name, spec->line,
			       spec->column);
		if (cli_print_findings(stdout, &r->out, spec->diags))
			return -1;
	} else if (r->out.format == CLI_FORMAT_JSON && json_entry(r, spec)) {
		return -1;
	}
	return ddbgt_diags_append(r->all, spec->diags) ? -1 : 0;
}

int ddbgt_cmd_validate(int argc, char **argv)
{
	run r = {CLI_OUTPUT_INIT, NULL, NULL, 0, 0};
	ddbgt_import_kind kind = DDBGT_IMPORT_AUTO;
	char **specs = calloc((size_t)argc, sizeof *specs);
	char *tables = NULL;
	size_t tables_len = 0;
	int nspecs = 0, rc;
	if (!specs || ddbgt_diags_new(&r.all) ||
	    !(r.tables = open_memstream(&tables, &tables_len))) {
		ddbgt_diags_free(r.all);
		free(specs);
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	for (int i = 1; i < argc; i++) {
		int taken = cli_output_option(&r.out, "validate",
		                              CLI_TAKES_FORMAT | CLI_TAKES_SARIF | CLI_TAKES_VERBOSITY,
		                              argc, argv, &i);
		if (!taken)
			taken = cli_from_option("validate", argc, argv, &i, &kind);
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
	rc = cli_each_spec(specs, nspecs, kind, validate_one, &r, &count);
	fclose(r.tables);
	r.tables = NULL;
	if (r.out.format == CLI_FORMAT_TEXT)
		cli_print_summary(stdout, r.all, count);
	else if (r.out.format == CLI_FORMAT_JSON && r.imported)
		printf("{\"tables\": [\n%s\n]}\n", tables ? tables : "");
	else if (cli_print_report(stdout, &r.out, r.all, count))
		rc = CLI_INPUT;
out:
	if (r.tables)
		fclose(r.tables);
	free(tables);
	ddbgt_diags_free(r.all);
	free(specs);
	return rc;
}
