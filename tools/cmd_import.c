/*
 * ddbgt import FILE... [--from KIND] [-o DIR]
 *
 * Writes the ddbgt/1 spec of every table the inputs declare: to DIR as
 * NAME.json (the table's name, made safe for a file name), or, without -o,
 * to standard output when there is exactly one. Every finding (what was
 * unresolved or not carried over) goes to standard error as
 * FILE:LINE:COLUMN: severity CODE ADDRESS PATH: message.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void print_findings(const char *file, const char *address, const ddbgt_diags *d)
{
	static const char *const sev[] = {"off", "info", "warning", "error"};
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		ddbgt_severity s = ddbgt_diags_severity(d, i);
		fprintf(stderr, "%s:%d:%d: %s %s %s%s%s: %s\n", file,
		        ddbgt_diags_line(d, i), ddbgt_diags_column(d, i),
		        (unsigned)s < 4 ? sev[s] : "?", ddbgt_diags_code_name(d, i),
		        address ? address : "", address ? " " : "", ddbgt_diags_path(d, i),
		        ddbgt_diags_message(d, i));
	}
}

/* DIR/NAME.json for a table, NAME made of [A-Za-z0-9_.-]; a taken name gets -2, -3, ... */
static char *spec_path(const char *dir, const char *name, char **taken, size_t ntaken)
{
	size_t n = strlen(dir) + strlen(name) + 32;
	char *path = malloc(n);
	char *safe = strdup(name && *name ? name : "table");
	if (!path || !safe) {
		free(path);
		free(safe);
		return NULL;
	}
	for (char *c = safe; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '_' || *c == '-' ||
		      (*c == '.' && c != safe)))
			*c = '_';
	for (unsigned k = 1;; k++) {
		if (k == 1)
			snprintf(path, n, "%s/%s.json", dir, safe);
		else
			snprintf(path, n, "%s/%s-%u.json", dir, safe, k);
		size_t i = 0;
		while (i < ntaken && strcmp(taken[i], path) != 0)
			i++;
		if (i == ntaken)
			break;
	}
	free(safe);
	return path;
}

int ddbgt_cmd_import(int argc, char **argv)
{
	const char *dir = NULL;
	ddbgt_import_kind kind = DDBGT_IMPORT_AUTO;
	const char **files = calloc((size_t)argc, sizeof *files);
	size_t nfiles = 0;
	if (!files) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (++i >= argc || !argv[i][0]) {
				free(files);
				return cli_usage_error("import", "%s takes a folder", argv[i - 1]);
			}
			dir = argv[i];
		} else if (strcmp(argv[i], "--from") == 0) {
			if (++i >= argc || cli_parse_from(argv[i], &kind)) {
				free(files);
				return cli_usage_error("import", CLI_FROM_USAGE);
			}
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			free(files);
			return cli_usage_error("import", "unknown option %s", argv[i]);
		} else {
			files[nfiles++] = argv[i];
		}
	}
	if (nfiles == 0) {
		free(files);
		return cli_usage_error("import", "give at least one FILE (- for standard input)");
	}
	if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "ddbgt: cannot create %s: %s\n", dir, strerror(errno));
		free(files);
		return CLI_INPUT;
	}
	ddbgt_import **imps = calloc(nfiles, sizeof *imps);
	char **written = NULL;
	size_t nwritten = 0, total = 0;
	int rc = imps ? CLI_OK : CLI_INPUT;
	for (size_t f = 0; imps && f < nfiles; f++) {
		ddbgt_diags *diags = NULL;
		if (ddbgt_diags_new(&diags)) {
			rc = CLI_INPUT;
			break;
		}
		int r = cli_load_input(files[f], kind, &imps[f], diags);
		print_findings(files[f], NULL, diags);
		ddbgt_diags_free(diags);
		if (r > rc)
			rc = r;
		total += ddbgt_import_table_count(imps[f]);
	}
	if (!dir && total > 1 && rc != CLI_INPUT) {
		fprintf(stderr,
		        "ddbgt: the inputs declare %zu tables: give -o DIR for a spec each\n",
		        total);
		rc = CLI_USAGE;
	}
	if (total)
		written = calloc(total, sizeof *written);
	for (size_t f = 0; rc != CLI_USAGE && written && f < nfiles; f++) {
		for (size_t i = 0; i < ddbgt_import_table_count(imps[f]); i++) {
			const char *address = ddbgt_import_table_address(imps[f], i);
			const ddbgt_diags *d = ddbgt_import_table_diags(imps[f], i);
			print_findings(files[f], address, d);
			if (!ddbgt_diags_is_valid(d) && rc == CLI_OK)
				rc = CLI_INVALID;
			char *text = NULL;
			const ddbgt_table *t = ddbgt_import_table_at(imps[f], i);
			if (ddbgt_spec_dump_string(&text, t, 0)) {
				fputs("ddbgt: out of memory\n", stderr);
				rc = CLI_INPUT;
				continue;
			}
			char *path =
			        dir ? spec_path(dir,
			                        ddbgt_table_name(t) ? ddbgt_table_name(t) : address,
			                        written, nwritten)
			            : strdup("-");
			if (!path || cli_write_file(path, text)) {
				rc = CLI_INPUT;
				free(path);
			} else {
				if (dir)
					fprintf(stderr, "%s: %s\n", address, path);
				written[nwritten++] = path;
			}
			ddbgt_free(text);
		}
	}
	for (size_t i = 0; i < nwritten; i++)
		free(written[i]);
	free(written);
	for (size_t f = 0; imps && f < nfiles; f++)
		ddbgt_import_free(imps[f]);
	free(imps);
	free(files);
	return rc;
}
