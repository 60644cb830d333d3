#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_usage_error(const char *command, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ddbgt: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
#define DDBGT_COMMAND(fn, usage, summary)                                     \
	if (command && strcmp(command, #fn) == 0)                             \
		fprintf(stderr, "usage: ddbgt %s\n", usage);
#include "commands.def"
#undef DDBGT_COMMAND
	fputs("Try 'ddbgt --help'.\n", stderr);
	return CLI_USAGE;
}

char *cli_read_stream(FILE *f, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *bigger = realloc(buf, cap *= 2);
			if (!bigger) {
				free(buf);
				return NULL;
			}
			buf = bigger;
		}
	}
	if (buf && ferror(f)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

int cli_load_spec(const char *path, ddbgt_table **out, ddbgt_diags *diags)
{
	*out = NULL;
	int rc;
	if (!path || strcmp(path, "-") == 0) {
		size_t len = 0;
		char *text = cli_read_stream(stdin, &len);
		if (!text) {
			fprintf(stderr, "ddbgt: cannot read standard input: %s\n", strerror(errno));
			return CLI_INPUT;
		}
		rc = ddbgt_spec_load_string(out, text, len, 0, diags);
		free(text);
	} else {
		rc = ddbgt_spec_load_file(out, path, 0, diags);
	}
	if (rc == DDBGT_OK)
		return CLI_OK;
	if (rc == DDBGT_ENOMEM) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	/* A document that is not JSON at all, or not readable, is input trouble (3). */
	if (rc == DDBGT_EIO || ddbgt_diags_has(diags, DDBGT_E_SPEC_SYNTAX) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_ENCODING) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_DUPLICATE_KEY) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_TOO_DEEP) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_UNREADABLE))
		return CLI_INPUT;
	return CLI_INVALID;
}

int cli_parse_format(const char *value, int *json)
{
	if (value && strcmp(value, "text") == 0)
		*json = 0;
	else if (value && strcmp(value, "json") == 0)
		*json = 1;
	else
		return -1;
	return 0;
}

int cli_print_diags(FILE *f, const ddbgt_diags *diags, int json)
{
	char *text = NULL;
	int rc = json ? ddbgt_diags_to_json(&text, diags) : ddbgt_diags_to_text(&text, diags);
	if (rc) {
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
		return -1;
	}
	fputs(text, f);
	if (!json)
		fprintf(f, "%zu error%s, %zu warning%s, %zu note%s\n", ddbgt_diags_error_count(diags),
		        ddbgt_diags_error_count(diags) == 1 ? "" : "s",
		        ddbgt_diags_warning_count(diags),
		        ddbgt_diags_warning_count(diags) == 1 ? "" : "s", ddbgt_diags_info_count(diags),
		        ddbgt_diags_info_count(diags) == 1 ? "" : "s");
	ddbgt_free(text);
	return 0;
}

int cli_write_file(const char *path, const char *text)
{
	if (strcmp(path, "-") == 0) {
		fputs(text, stdout);
		return 0;
	}
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) == EOF || fclose(f) == EOF) {
		fprintf(stderr, "ddbgt: cannot write %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}
