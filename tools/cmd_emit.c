/*
 * ddbgt emit [SPEC|DIR]... [--target terraform|terraform-legacy|cloudformation]
 *            [-o FILE|DIR] [--compact] [--resource-name NAME] [--provider-version CONSTRAINT]
 *            [--default-tag KEY=VALUE]... [--assume-role ARN] [--no-import] [--parameters]
 *            [--stack-region REGION] [--format text|json|sarif|yaml] [--color WHEN] [-q|-v]
 *
 * The document goes to standard output or FILE; the findings (the
 * validator's, then the emitter's "cannot express" warnings) go to standard
 * error. An invalid spec writes nothing and exits 1. The table is validated
 * here, once: the emitter is told so and does not repeat the findings. Over
 * several specs (or a folder of them), -o names a folder that gets one
 * NAME.tf.json per spec (NAME.template.json or .yaml for CloudFormation).
 * --format text|json|sarif is the findings' format; --format yaml (target
 * cloudformation) writes the template as YAML, with the findings as text.
 * --parameters gives a CloudFormation template its TableNamePrefix parameter;
 * --stack-region REGION writes the companion template of another replica's
 * region (its operations alarms and endpoint) instead of the table's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct run {
	ddbgt_emit_options opts;
	cli_output out;
	const char *output; /* a file, "-", or the folder of a run over several specs */
	int into_dir;
	ddbgt_diags *all;   /* every spec's findings, for the summary and JSON */
	char **written;     /* the documents of this run, so that two specs never share one */
	size_t nwritten;
} run;

/* 1 when path was written earlier in the run; else it is remembered (-1: no memory). */
static int seen(run *r, char *path)
{
	for (size_t i = 0; i < r->nwritten; i++)
		if (strcmp(r->written[i], path) == 0)
			return 1;
	char **bigger = realloc(r->written, (r->nwritten + 1) * sizeof *bigger);
	if (!bigger)
		return -1;
	r->written = bigger;
	r->written[r->nwritten++] = path;
	return 0;
}

/*
 * DIR/NAME.EXT for the spec at NAME.json (its last component; "stdin" for
 * standard input): .tf.json, or .template.json / .template.yaml for a
 * CloudFormation template.
 */
static char *document_path(const char *dir, const char *spec, const ddbgt_emit_options *opts)
{
	const char *ext = opts->target != DDBGT_EMIT_CLOUDFORMATION ? ".tf.json"
	                  : opts->format == DDBGT_EMIT_FORMAT_YAML ? ".template.yaml"
	                                                           : ".template.json";
	const char *base = strrchr(spec, '/') ? strrchr(spec, '/') + 1 : spec;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".json") == 0)
		n -= 5;
	size_t size = strlen(dir) + n + strlen(ext) + 2;
	char *path = malloc(size);
	if (path)
		snprintf(path, size, "%s/%.*s%s", dir, (int)n, base, ext);
	return path;
}

/*
 * --format yaml is the template's syntax, not the findings' format; any
 * other --format is the findings' (cli_output_option) and the template
 * goes back to JSON.
 */
static int template_format(ddbgt_emit_options *opts, int argc, char **argv, int *i)
{
	const char *a = argv[*i];
	if (strcmp(a, "--format=yaml") == 0)
		return opts->format = DDBGT_EMIT_FORMAT_YAML;
	if (strcmp(a, "--format") == 0 && *i + 1 < argc && strcmp(argv[*i + 1], "yaml") == 0) {
		++*i;
		return opts->format = DDBGT_EMIT_FORMAT_YAML;
	}
	if (strncmp(a, "--format", 8) == 0)
		opts->format = 0;
	return 0;
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

static int emit_one(cli_spec *spec, void *ctx)
{
	run *r = ctx;
	char *path = NULL;
	const char *output = r->output;
	if (spec->status == CLI_OK && r->into_dir) {
		if (!(path = document_path(r->output, spec->from_stdin ? "stdin" : spec->name, &r->opts)))
			return -1;
		int again = seen(r, path);
		if (again < 0) {
			free(path);
			return -1;
		}
		if (again) {
			fprintf(stderr, "ddbgt: %s: not written: %s holds the document of another spec "
			        "of the same name\n", spec->name, path);
			spec->status = CLI_USAGE;
			free(path);
			path = NULL;
		}
		output = path;
	}
	if (spec->status == CLI_OK) {
		/* An invalid table still goes to the emitter, which refuses it and says so. */
		int st = cli_validate(&r->out, spec->table, spec->diags);
		if (st != DDBGT_ENOMEM)
			st = write_document(spec->table, output, &r->opts, spec->diags);
		if (st == DDBGT_EINVALID) {
			spec->status = CLI_INVALID;
		} else if (st == DDBGT_EINVAL && ddbgt_diags_has(spec->diags, DDBGT_E_EMIT_OPTION)) {
			spec->status = CLI_USAGE;
		} else if (st == DDBGT_EIO) {
			fprintf(stderr, "ddbgt: cannot write %s: %s\n",
			        output ? output : "standard output", strerror(errno));
			spec->status = CLI_INPUT;
		} else if (st) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(st));
			spec->status = CLI_INPUT;
		} else if (r->into_dir && r->out.format == CLI_FORMAT_TEXT) {
			fprintf(stderr, "wrote %s\n", output);
		}
	}
	if (cli_spec_locate(spec) || ddbgt_diags_append(r->all, spec->diags))
		return -1;
	if (r->out.format == CLI_FORMAT_TEXT)
		cli_print_findings(stderr, &r->out, spec->diags);
	return 0;
}

int ddbgt_cmd_emit(int argc, char **argv)
{
	run r = {DDBGT_EMIT_OPTIONS_INIT, CLI_OUTPUT_INIT, NULL, 0, NULL, NULL, 0};
	int nspecs = 0, rc;
	/* At most argc default tags: keys and values point into argv. */
	const char **keys = calloc((size_t)argc, sizeof *keys);
	const char **values = calloc((size_t)argc, sizeof *values);
	char **split = calloc((size_t)argc, sizeof *split);
	char **specs = calloc((size_t)argc, sizeof *specs);
	if (!keys || !values || !split || !specs) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
		goto out;
	}
	for (int i = 1; i < argc; i++) {
		int missing = 0;
		if (template_format(&r.opts, argc, argv, &i))
			continue;
		int taken = cli_output_option(&r.out, "emit",
		                              CLI_TAKES_FORMAT | CLI_TAKES_SARIF | CLI_TAKES_VERBOSITY,
		                              argc, argv, &i);
		const char *v;
		if (taken == CLI_USAGE) {
			rc = CLI_USAGE;
			goto out;
		} else if (taken) {
			continue;
		} else if ((v = cli_option_value(argc, argv, &i, "--target", &missing))) {
			if (ddbgt_emit_target_parse(v, &r.opts.target)) {
				rc = cli_usage_error("emit", "--target takes terraform, terraform-legacy or "
				                             "cloudformation");
				goto out;
			}
		} else if ((v = cli_option_value(argc, argv, &i, "-o", &missing)) ||
		           (v = cli_option_value(argc, argv, &i, "--output", &missing))) {
			r.output = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--resource-name", &missing))) {
			r.opts.resource_name = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--provider-version", &missing))) {
			r.opts.provider_version = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--assume-role", &missing))) {
			r.opts.assume_role_arn = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--stack-region", &missing))) {
			r.opts.stack_region = v;
		} else if ((v = cli_option_value(argc, argv, &i, "--default-tag", &missing))) {
			const char *eq = strchr(v, '=');
			if (!eq || eq == v) {
				rc = cli_usage_error("emit", "--default-tag takes KEY=VALUE");
				goto out;
			}
			size_t n = r.opts.default_tag_count++;
			split[n] = strdup(v);
			if (!split[n]) {
				fputs("ddbgt: out of memory\n", stderr);
				rc = CLI_INPUT;
				goto out;
			}
			split[n][eq - v] = '\0';
			keys[n] = split[n];
			values[n] = split[n] + (eq - v) + 1;
		} else if (missing) {
			rc = cli_usage_error("emit", "%s needs a value", argv[i]);
			goto out;
		} else if (strcmp(argv[i], "--compact") == 0) {
			r.opts.compact = 1;
		} else if (strcmp(argv[i], "--no-import") == 0) {
			r.opts.no_import = 1;
		} else if (strcmp(argv[i], "--parameters") == 0) {
			r.opts.parameters = 1;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			rc = cli_usage_error("emit", "unknown option %s", argv[i]);
			goto out;
		} else {
			specs[nspecs++] = argv[i];
		}
	}
	r.opts.default_tag_keys = keys;
	r.opts.default_tag_values = values;
	r.opts.validated = 1;
	r.into_dir = r.output && cli_is_dir(r.output);
	if (!r.into_dir && (nspecs > 1 || (nspecs == 1 && cli_is_dir(specs[0])))) {
		rc = cli_usage_error("emit", "several specs need -o DIR, an existing folder");
		goto out;
	}
	if (ddbgt_diags_new(&r.all)) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
		goto out;
	}
	cli_output_ready(&r.out, stderr);
	size_t count = 0;
	rc = cli_each_spec(specs, nspecs, DDBGT_IMPORT_SPEC, emit_one, &r, &count);
	/* The findings on standard error: the document may be on standard output. */
	if (ddbgt_diags_count(r.all) > 0 || count > 1) {
		if (r.out.format == CLI_FORMAT_TEXT)
			cli_print_summary(stderr, r.all, count);
		else if (cli_print_report(stderr, &r.out, r.all, count))
			rc = CLI_INPUT;
	}
out:
	for (size_t i = 0; split && i < r.opts.default_tag_count; i++)
		free(split[i]);
	ddbgt_diags_free(r.all);
	for (size_t i = 0; i < r.nwritten; i++)
		free(r.written[i]);
	free(r.written);
	free(split);
	free(specs);
	free(keys);
	free(values);
	return rc;
}
