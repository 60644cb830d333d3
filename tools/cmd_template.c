/* ddbgt template list [--format text|json] | ddbgt template show NAME [options] */
#include <string.h>

#include <jansson.h>

#include "cli.h"

static int list(int json)
{
	size_t i, n = ddbgt_template_count();

	if (!json) {
		for (i = 0; i < n; i++)
			printf("%-24s %s%s\n%-24s usage: %s\n", ddbgt_template_name(i),
			       ddbgt_template_description(i),
			       strcmp(ddbgt_template_name(i), ddbgt_template_default_name()) == 0
			               ? " (the default of ddbgt plan)"
			               : "",
			       "", ddbgt_template_usage_summary(i));
		return CLI_OK;
	}
	json_t *arr = json_array();
	for (i = 0; i < n; i++) {
		json_t *e = json_pack("{s:s, s:s, s:s, s:b}", "name", ddbgt_template_name(i),
		                      "description", ddbgt_template_description(i), "usage",
		                      ddbgt_template_usage_summary(i), "default",
		                      strcmp(ddbgt_template_name(i), ddbgt_template_default_name()) == 0);
		if (json_array_append_new(arr, e)) {
			json_decref(arr);
			fputs("ddbgt: out of memory\n", stderr);
			return CLI_INPUT;
		}
	}
	int bad = json_dumpf(arr, stdout, JSON_INDENT(2));
	json_decref(arr);
	putchar('\n');
	return bad ? CLI_INPUT : CLI_OK;
}

/* Split a comma-separated list in place into at most max pointers. */
static size_t split_regions(char *list, const char **out, size_t max)
{
	size_t n = 0;

	for (char *tok = strtok(list, ","); tok && n < max; tok = strtok(NULL, ","))
		out[n++] = tok;
	return n;
}

static int show(const char *name, int argc, char **argv)
{
	ddbgt_template_options o = DDBGT_TEMPLATE_OPTIONS_INIT;
	const char *regions[16];
	char *region_list = NULL;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--table-name") == 0 && i + 1 < argc) {
			o.table_name = argv[++i];
		} else if (strcmp(argv[i], "--regions") == 0 && i + 1 < argc) {
			region_list = argv[++i];
		} else {
			return cli_usage_error("template", "unknown option %s", argv[i]);
		}
	}
	if (ddbgt_template_find(name, NULL) != DDBGT_OK)
		return cli_usage_error("template", "no template named '%s' (see ddbgt template list)",
		                       name);
	if (region_list) {
		o.regions = regions;
		o.region_count = split_regions(region_list, regions, sizeof regions / sizeof *regions);
	}
	ddbgt_table *t = NULL;
	int rc = ddbgt_template_build(&t, name, &o);
	if (rc == DDBGT_EINVAL)
		return cli_usage_error("template", "template '%s' cannot take %zu regions", name,
		                       o.region_count);
	char *text = NULL;
	if (!rc)
		rc = ddbgt_spec_dump_string(&text, t, 0);
	ddbgt_table_free(t);
	if (rc) {
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
		return CLI_INPUT;
	}
	fputs(text, stdout);
	ddbgt_free(text);
	return CLI_OK;
}

int ddbgt_cmd_template(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "list") == 0) {
		int json = 0;

		if (argc == 4 && strcmp(argv[2], "--format") == 0) {
			if (cli_parse_format(argv[3], &json))
				return cli_usage_error("template", "--format takes text or json");
		} else if (argc != 2) {
			return cli_usage_error("template", "list takes only --format");
		}
		return list(json);
	}
	if (argc >= 3 && strcmp(argv[1], "show") == 0)
		return show(argv[2], argc - 3, argv + 3);
	return cli_usage_error("template", "say list, or show NAME");
}
