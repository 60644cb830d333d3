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
	if (command)
		fprintf(stderr, "Try 'ddbgt help %s'.\n", command);
	else
		fputs("Try 'ddbgt --help'.\n", stderr);
	return CLI_USAGE;
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
