/*
 * ddbgt emit [SPEC] [--target terraform|terraform-legacy|cloudformation] [-o FILE]
 *            [--compact] [--resource-name NAME] [--provider-version CONSTRAINT]
 *            [--default-tag KEY=VALUE]... [--assume-role ARN] [--no-import]
 *            [--parameters] [--format text|json|yaml]
 *
 * --format text|json is the findings' format; --format yaml (target
 * cloudformation) writes the template as YAML, with the findings as text.
 * A CloudFormation template is JSON otherwise. --parameters gives the
 * template its TableNamePrefix parameter.
 *
 * The document goes to standard output or FILE; the findings (the
 * validator's, then the emitter's "cannot express" warnings) go to standard
 * error. An invalid spec writes nothing and exits 1. The table is validated
 * here, once: the emitter is told so and does not repeat the findings.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The value of an option given as "--name VALUE" or "--name=VALUE"; NULL if argv[*i] is not it. */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *missing)
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

/* The document to output (NULL or "-": standard output); a ddbgt_emit_* status. */
static int write_document(const ddbgt_table *table, const char *output,
                          const ddbgt_emit_options *opts, ddbgt_diags *diags)
{
	if (output && strcmp(output, "-") != 0)
		return ddbgt_emit_file(table, output, opts, diags);
	char *doc = NULL;
	int st = ddbgt_emit_string(&doc, table, opts, diags);
	if (st == DDBGT_OK && fputs(doc, stdout) == EOF)
		st = DDBGT_EIO;
	ddbgt_free(doc);
	return st;
}

int ddbgt_cmd_emit(int argc, char **argv)
{
	ddbgt_emit_options opts = DDBGT_EMIT_OPTIONS_INIT;
	const char *spec = NULL, *output = NULL;
	int json = 0, rc;
	/* At most argc default tags: keys and values point into argv. */
	const char **keys = calloc((size_t)argc, sizeof *keys);
	const char **values = calloc((size_t)argc, sizeof *values);
	char **split = calloc((size_t)argc, sizeof *split);
	if (!keys || !values || !split) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
		goto out;
	}
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		const char *v;
		if ((v = option_value(argc, argv, &i, "--target", &missing))) {
			if (ddbgt_emit_target_parse(v, &opts.target)) {
				rc = cli_usage_error("emit", "--target takes terraform, terraform-legacy or "
				                             "cloudformation");
				goto out;
			}
		} else if ((v = option_value(argc, argv, &i, "-o", &missing)) ||
		           (v = option_value(argc, argv, &i, "--output", &missing))) {
			output = v;
		} else if ((v = option_value(argc, argv, &i, "--resource-name", &missing))) {
			opts.resource_name = v;
		} else if ((v = option_value(argc, argv, &i, "--provider-version", &missing))) {
			opts.provider_version = v;
		} else if ((v = option_value(argc, argv, &i, "--assume-role", &missing))) {
			opts.assume_role_arn = v;
		} else if ((v = option_value(argc, argv, &i, "--default-tag", &missing))) {
			const char *eq = strchr(v, '=');
			if (!eq || eq == v) {
				rc = cli_usage_error("emit", "--default-tag takes KEY=VALUE");
				goto out;
			}
			size_t n = opts.default_tag_count++;
			split[n] = strdup(v);
			if (!split[n]) {
				fputs("ddbgt: out of memory\n", stderr);
				rc = CLI_INPUT;
				goto out;
			}
			split[n][eq - v] = '\0';
			keys[n] = split[n];
			values[n] = split[n] + (eq - v) + 1;
		} else if ((v = option_value(argc, argv, &i, "--format", &missing))) {
			if (strcmp(v, "yaml") == 0) {
				opts.format = DDBGT_EMIT_FORMAT_YAML;
				json = 0;
			} else if (cli_parse_format(v, &json)) {
				rc = cli_usage_error("emit", "--format takes text, json or yaml");
				goto out;
			} else {
				opts.format = 0;
			}
		} else if (missing) {
			rc = cli_usage_error("emit", "%s needs a value", argv[i]);
			goto out;
		} else if (strcmp(argv[i], "--compact") == 0) {
			opts.compact = 1;
		} else if (strcmp(argv[i], "--no-import") == 0) {
			opts.no_import = 1;
		} else if (strcmp(argv[i], "--parameters") == 0) {
			opts.parameters = 1;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage_error("emit", "unknown option %s", argv[i]);
			goto out;
		} else if (spec) {
			rc = cli_usage_error("emit", "only one SPEC, please");
			goto out;
		} else {
			spec = argv[i];
		}
	}
	opts.default_tag_keys = keys;
	opts.default_tag_values = values;

	ddbgt_diags *diags = NULL;
	if (ddbgt_diags_new(&diags)) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
		goto out;
	}
	ddbgt_table *table = NULL;
	rc = cli_load_spec(spec, &table, diags);
	if (rc == CLI_OK) {
		/* An invalid table still goes to the emitter, which refuses it and says so. */
		opts.validated = 1;
		int st = ddbgt_table_validate(table, NULL, diags);
		if (st != DDBGT_ENOMEM)
			st = write_document(table, output, &opts, diags);
		if (st == DDBGT_EINVALID) {
			rc = CLI_INVALID;
		} else if (st == DDBGT_EINVAL && ddbgt_diags_has(diags, DDBGT_E_EMIT_OPTION)) {
			rc = CLI_USAGE;
		} else if (st == DDBGT_EIO) {
			fprintf(stderr, "ddbgt: cannot write %s: %s\n", output ? output : "standard output",
			        strerror(errno));
			rc = CLI_INPUT;
		} else if (st) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			rc = CLI_INPUT;
		}
	}
	if (ddbgt_diags_count(diags) && cli_print_diags(stderr, diags, json))
		rc = CLI_INPUT;
	ddbgt_table_free(table);
	ddbgt_diags_free(diags);
out:
	for (size_t i = 0; split && i < opts.default_tag_count; i++)
		free(split[i]);
	free(split);
	free(keys);
	free(values);
	return rc;
}
