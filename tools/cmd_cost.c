/* ddbgt cost [SPEC] [--prices FILE] [--format text|json] */
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

int ddbgt_cmd_cost(int argc, char **argv)
{
	const char *spec = NULL, *prices_path = NULL;
	int json = 0;
	ddbgt_import_kind kind = DDBGT_IMPORT_AUTO;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc || cli_parse_format(argv[i], &json))
				return cli_usage_error("cost", "--format takes text or json");
		} else if (strncmp(argv[i], "--format=", 9) == 0) {
			if (cli_parse_format(argv[i] + 9, &json))
				return cli_usage_error("cost", "--format takes text or json");
		} else if (strcmp(argv[i], "--prices") == 0) {
			if (++i >= argc)
				return cli_usage_error("cost", "--prices takes a price file");
			prices_path = argv[i];
		} else if (strncmp(argv[i], "--prices=", 9) == 0) {
			prices_path = argv[i] + 9;
		} else if (strcmp(argv[i], "--from") == 0) {
			if (++i >= argc || cli_parse_from(argv[i], &kind))
				return cli_usage_error("cost", CLI_FROM_USAGE);
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage_error("cost", "unknown option %s", argv[i]);
		} else if (spec) {
			return cli_usage_error("cost", "only one SPEC, please");
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
	ddbgt_prices *prices = NULL;
	ddbgt_cost_report *report = NULL;
	char *text = NULL;
	int rc = cli_load_one(spec, kind, &table, diags);
	if (rc == CLI_OK) {
		/* A table AWS would refuse has no bill: refuse it as emit does. */
		int st = ddbgt_table_validate(table, NULL, diags);
		if (st == DDBGT_EINVALID)
			rc = CLI_INVALID;
		else if (st != DDBGT_OK) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			rc = CLI_INPUT;
		}
	}
	if (rc == CLI_OK)
		rc = load_prices(prices_path, &prices, diags);
	if (rc == CLI_OK) {
		ddbgt_cost_options opts = DDBGT_COST_OPTIONS_INIT;
		opts.prices = prices;
		int st = ddbgt_cost_estimate(&report, table, &opts, diags);
		if (st == DDBGT_OK)
			st = json ? ddbgt_cost_report_to_json(&text, report)
			          : ddbgt_cost_report_to_text(&text, report);
		if (st != DDBGT_OK) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			rc = CLI_INPUT;
		}
	}
	/* The report alone on standard output, so that --format json stays one document. */
	if (ddbgt_diags_count(diags) > 0 && cli_print_diags(stderr, diags, 0))
		rc = CLI_INPUT;
	if (text)
		fputs(text, stdout);
	ddbgt_free(text);
	ddbgt_cost_report_free(report);
	ddbgt_prices_free(prices);
	ddbgt_table_free(table);
	ddbgt_diags_free(diags);
	return rc;
}
