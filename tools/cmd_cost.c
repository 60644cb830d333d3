/*
 * ddbgt cost [FILE|DIR]... [--from KIND] [--prices FILE] [--format text|json]
 *            [--color WHEN] [-q|-v]
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/*
 * The embedded table with the file laid over it; a file in another currency
 * replaces the embedded table instead, since prices in two currencies cannot
 * be added up.
 */
static int load_prices(const char *path, ddbgt_prices **out, ddbgt_diags *diags)
{
	ddbgt_prices *file = NULL;
	int rc;

	*out = NULL;
	rc = ddbgt_prices_default(out);
	if (rc != DDBGT_OK) {
		fprintf(stderr, "ddbgt: embedded price table: %s\n", ddbgt_strerror(rc));
		return CLI_INPUT;
	}
	if (!path)
		return CLI_OK;
	rc = ddbgt_prices_load_file(&file, path, diags);
	if (rc == DDBGT_OK) {
		rc = ddbgt_prices_merge(*out, file);
		if (rc == DDBGT_EUNSUPPORTED) {
			ddbgt_prices_free(*out);
			*out = file;
			return CLI_OK;
		}
		ddbgt_prices_free(file);
		if (rc == DDBGT_OK)
			return CLI_OK;
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
	}
	ddbgt_prices_free(*out);
	*out = NULL;
	/* Like a spec: unreadable or not JSON is bad input, a wrong shape is an error. */
	if (rc == DDBGT_ESPEC && !ddbgt_diags_has(diags, DDBGT_E_PRICES_SYNTAX) &&
	    !ddbgt_diags_has(diags, DDBGT_E_PRICES_DUPLICATE_KEY))
		return CLI_INVALID;
	return CLI_INPUT;
}

typedef struct run {
	cli_output out;
	const char *prices_path;
	ddbgt_prices *prices; /* loaded once for every spec */
	size_t reports;       /* printed so far, for the JSON array */
	ddbgt_diags *all;     /* every spec's findings, for the summary */
	int several;
} run;

static int cost_one(cli_spec *spec, void *ctx)
{
	run *r = ctx;
	ddbgt_cost_report *report = NULL;
	char *text = NULL;
	/* A file that declares several tables makes several reports, as several files do. */
	if (!r->reports && spec->imp && ddbgt_import_table_count(spec->imp) > 1)
		r->several = 1;
	if (spec->status == CLI_OK) {
		/* A table AWS would refuse has no bill: refuse it as emit does. */
		int st = cli_validate(&r->out, spec->table, spec->diags);
		if (st == DDBGT_EINVALID || (st == DDBGT_OK && !ddbgt_diags_is_valid(spec->diags)))
			spec->status = CLI_INVALID;
		else if (st != DDBGT_OK) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			spec->status = CLI_INPUT;
		}
	}
	if (spec->status == CLI_OK) {
		ddbgt_cost_options opts = DDBGT_COST_OPTIONS_INIT;
		opts.prices = r->prices;
		int st = ddbgt_cost_estimate(&report, spec->table, &opts, spec->diags);
		if (st == DDBGT_OK)
			st = r->out.format == CLI_FORMAT_JSON ? ddbgt_cost_report_to_json(&text, report)
			                                      : ddbgt_cost_report_to_text(&text, report);
		if (st != DDBGT_OK) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			spec->status = CLI_INPUT;
		}
	}
	int rc = cli_spec_locate(spec) || ddbgt_diags_append(r->all, spec->diags) ? -1 : 0;
	/* The reports alone on standard output, so that --format json stays one document. */
	cli_print_findings(stderr, &r->out, spec->diags);
	if (text && r->out.format == CLI_FORMAT_JSON && r->several) {
		/* Several reports make one JSON array of {"file", "report"}, with "address" when imported. */
		fputs(r->reports++ ? ",\n{\"file\": " : "[\n{\"file\": ", stdout);
		cli_print_json_string(stdout, spec->name);
		if (spec->address) {
			fputs(", \"address\": ", stdout);
			cli_print_json_string(stdout, spec->address);
			printf(", \"line\": %d, \"column\": %d", spec->line, spec->column);
		}
		printf(", \"report\": %s}", text);
	} else if (text) {
		if (r->several && spec->address)
			printf("%s== %s (%s:%d:%d)\n", r->reports++ ? "\n" : "", spec->address,
			       spec->name, spec->line, spec->column);
		else if (r->several)
			printf("%s== %s\n", r->reports++ ? "\n" : "", spec->name);
		fputs(text, stdout);
	}
	ddbgt_free(text);
	ddbgt_cost_report_free(report);
	return rc;
}

int ddbgt_cmd_cost(int argc, char **argv)
{
	run r = {CLI_OUTPUT_INIT, NULL, NULL, 0, NULL, 0};
	ddbgt_import_kind kind = DDBGT_IMPORT_AUTO;
	char **specs = calloc((size_t)argc, sizeof *specs);
	int nspecs = 0, rc;
	ddbgt_diags *diags = NULL;
	if (!specs || ddbgt_diags_new(&diags) || ddbgt_diags_new(&r.all)) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
		goto out;
	}
	for (int i = 1; i < argc; i++) {
		int taken = cli_output_option(&r.out, "cost", CLI_TAKES_FORMAT | CLI_TAKES_VERBOSITY,
		                              argc, argv, &i);
		if (!taken)
			taken = cli_from_option("cost", argc, argv, &i, &kind);
		if (taken == CLI_USAGE) {
			rc = CLI_USAGE;
			goto out;
		}
		if (taken)
			continue;
		if (strcmp(argv[i], "--prices") == 0) {
			if (++i >= argc) {
				rc = cli_usage_error("cost", "--prices takes a price file");
				goto out;
			}
			r.prices_path = argv[i];
		} else if (strncmp(argv[i], "--prices=", 9) == 0) {
			r.prices_path = argv[i] + 9;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage_error("cost", "unknown option %s", argv[i]);
			goto out;
		} else {
			specs[nspecs++] = argv[i];
		}
	}
	cli_output_ready(&r.out, stderr);
	r.several = nspecs > 1 || (nspecs == 1 && cli_is_dir(specs[0]));
	rc = load_prices(r.prices_path, &r.prices, diags);
	/* The price file's own findings, placed in it. */
	if (ddbgt_diags_locate(diags, r.prices_path, NULL) || ddbgt_diags_append(r.all, diags)) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
	}
	cli_print_findings(stderr, &r.out, diags);
	size_t count = 0;
	if (rc == CLI_OK) {
		rc = cli_each_spec(specs, nspecs, kind, cost_one, &r, &count);
		if (r.out.format == CLI_FORMAT_JSON && r.several)
			fputs(r.reports ? "\n]\n" : "[]\n", stdout);
	}
	if (ddbgt_diags_count(r.all) > 0 || r.several)
		cli_print_summary(stderr, r.all, count);
out:
	ddbgt_prices_free(r.prices);
	ddbgt_diags_free(r.all);
	ddbgt_diags_free(diags);
	free(specs);
	return rc;
}
