/*
 * ddbgt fmt [--check] [SPEC|DIR]...
 *
 * Rewrite each spec in the canonical form, the dumper's (like terraform
 * fmt): keys in the spec format's order, 2-space indent. Formatting a
 * formatted spec changes nothing. With --check nothing is written: the files
 * that would change are listed and the exit status is 1. A spec that does not
 * load is left alone and its findings shown.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

typedef struct run {
	cli_output out;
	int check;
} run;

/* Replace path with text through a new file beside it, so a reader never sees half a spec. */
static int write_atomically(const char *path, const char *text)
{
	size_t n = strlen(path) + 16;
	char *tmp = malloc(n);
	if (!tmp) {
		fputs("ddbgt: out of memory\n", stderr);
		return -1;
	}
	snprintf(tmp, n, "%s.fmtXXXXXX", path);
	int ok = 0, fd = mkstemp(tmp);
	if (fd >= 0) {
		struct stat st;
		/* The new file keeps the old one's permissions (mkstemp makes it 0600). */
		if (stat(path, &st) == 0)
			fchmod(fd, st.st_mode & 07777);
		FILE *f = fdopen(fd, "wb");
		if (!f) {
			close(fd);
		} else {
			ok = fputs(text, f) != EOF;
			ok = fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
			ok = fclose(f) == 0 && ok;
		}
		ok = ok && rename(tmp, path) == 0;
	}
	if (!ok) {
		fprintf(stderr, "ddbgt: cannot write %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			unlink(tmp);
	}
	free(tmp);
	return ok ? 0 : -1;
}

static int fmt_one(cli_spec *spec, void *ctx)
{
	run *r = ctx;
	char *canonical = NULL;
	if (spec->status != CLI_OK) {
		cli_print_findings(stderr, &r->out, spec->diags);
		return 0;
	}
	int st = ddbgt_spec_dump_string(&canonical, spec->table, 0);
	if (st) {
		fprintf(stderr, "ddbgt: %s: %s\n", spec->name, ddbgt_strerror(st));
		return -1;
	}
	if (spec->from_stdin) {
		/* Standard input: the canonical form goes to standard output. */
		fputs(canonical, stdout);
	} else if (strcmp(canonical, spec->text) != 0) {
		if (r->check) {
			printf("%s\n", spec->name);
			spec->status = CLI_INVALID;
		} else if (write_atomically(spec->name, canonical)) {
			spec->status = CLI_INPUT;
		} else {
			printf("%s\n", spec->name);
		}
	}
	ddbgt_free(canonical);
	return 0;
}

int ddbgt_cmd_fmt(int argc, char **argv)
{
	run r = {CLI_OUTPUT_INIT, 0};
	char **specs = calloc((size_t)argc, sizeof *specs);
	int nspecs = 0;
	if (!specs) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	for (int i = 1; i < argc; i++) {
		int taken = cli_output_option(&r.out, "fmt", 0, argc, argv, &i);
		if (taken == CLI_USAGE) {
			free(specs);
			return CLI_USAGE;
		}
		if (taken)
			continue;
		if (strcmp(argv[i], "--check") == 0) {
			r.check = 1;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			free(specs);
			return cli_usage_error("fmt", "unknown option %s", argv[i]);
		} else {
			specs[nspecs++] = argv[i];
		}
	}
	cli_output_ready(&r.out, stderr);
	size_t count = 0;
	int rc = cli_each_spec(specs, nspecs, DDBGT_IMPORT_SPEC, fmt_one, &r, &count);
	free(specs);
	return rc;
}
