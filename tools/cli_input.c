/*
 * One input file, whatever its kind, as the commands take it: a ddbgt spec,
 * or a Terraform plan or configuration, a CloudFormation template or a live
 * table's AWS CLI output, imported through the library's import API into a
 * list of (address, table, findings).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_parse_from(const char *value, ddbgt_import_kind *kind)
{
	return ddbgt_import_kind_from_name(kind, value) == DDBGT_OK ? 0 : -1;
}

/* Input trouble (exit 3) rather than findings about a table (exit 1). */
static int is_input_problem(const ddbgt_diags *d)
{
	static const ddbgt_code codes[] = {
	        DDBGT_E_SPEC_SYNTAX,      DDBGT_E_SPEC_ENCODING,    DDBGT_E_SPEC_DUPLICATE_KEY,
	        DDBGT_E_SPEC_TOO_DEEP,    DDBGT_E_SPEC_UNREADABLE,  DDBGT_E_IMPORT_SYNTAX,
	        DDBGT_E_IMPORT_KIND,      DDBGT_E_IMPORT_NO_TABLES, DDBGT_E_IMPORT_UNREADABLE,
	        DDBGT_E_IMPORT_TOO_LARGE,
	};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (ddbgt_diags_has(d, codes[i]))
			return 1;
	return 0;
}

int cli_load_input(const char *path, ddbgt_import_kind kind, ddbgt_import **out, ddbgt_diags *diags)
{
	ddbgt_import_options opts = DDBGT_IMPORT_OPTIONS_INIT;
	opts.kind = kind;
	int rc;
	*out = NULL;
	if (!path || strcmp(path, "-") == 0) {
		size_t len = 0;
		char *text = cli_read_stream(stdin, &len);
		if (!text) {
			fprintf(stderr, "ddbgt: cannot read standard input: %s\n", strerror(errno));
			return CLI_INPUT;
		}
		rc = ddbgt_import_buffer(out, "-", text, len, &opts, diags);
		free(text);
	} else {
		rc = ddbgt_import_file(out, path, &opts, diags);
	}
	if (rc == DDBGT_OK)
		return CLI_OK;
	if (rc == DDBGT_ENOMEM || rc == DDBGT_EINVAL) {
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
		return CLI_INPUT;
	}
	return rc == DDBGT_EIO || is_input_problem(diags) ? CLI_INPUT : CLI_INVALID;
}

int cli_table_diags(const ddbgt_import *imp, size_t i, ddbgt_diags *diags)
{
	if (ddbgt_diags_append(diags, ddbgt_import_table_diags(imp, i)))
		return -1;
	return 0;
}

int cli_load_one(const char *path, ddbgt_import_kind kind, ddbgt_table **out, ddbgt_diags *diags)
{
	ddbgt_import *imp = NULL;
	*out = NULL;
	int rc = cli_load_input(path, kind, &imp, diags);
	size_t n = ddbgt_import_table_count(imp);
	if (rc == CLI_OK && n != 1) {
		fprintf(stderr, "ddbgt: %s declares %zu tables:", path ? path : "-", n);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, " %s", ddbgt_import_table_address(imp, i));
		fputs("; this command takes one (ddbgt import -o DIR writes a spec for each)\n",
		      stderr);
		rc = CLI_USAGE;
	}
	if (rc == CLI_OK && (cli_table_diags(imp, 0, diags) ||
	                     ddbgt_table_copy(out, ddbgt_import_table_at(imp, 0)))) {
		fputs("ddbgt: out of memory\n", stderr);
		rc = CLI_INPUT;
	}
	ddbgt_import_free(imp);
	return rc;
}

void cli_print_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}
