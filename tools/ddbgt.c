/*
 * ddbgt: the command-line face of libddbgt. A thin shell over the public API;
 * each subcommand lives in tools/cmd_<name>.c and is listed in commands.def.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	const char *usage;
	const char *summary;
	int (*run)(int argc, char **argv);
} commands[] = {
#define DDBGT_COMMAND(fn, usage, summary) {#fn, usage, summary, ddbgt_cmd_##fn},
#include "commands.def"
#undef DDBGT_COMMAND
};

static void help(FILE *f)
{
	fputs("usage: ddbgt COMMAND [ARGS]\n\n"
	      "Design, validate, price and emit AWS DynamoDB global tables.\n"
	      "SPEC is a spec document (format ddbgt/1) path, or - for standard input; validate,\n"
	      "cost and plan also take what ddbgt import reads (--from KIND, doc/import.md).\n\n"
	      "Commands:\n",
	      f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  ddbgt %-48s %s\n", commands[i].usage, commands[i].summary);
	fputs("\nOptions:\n  --help     this text\n  --version  the library version\n\n"
	      "Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage,\n"
	      "3 unreadable or unparsable input.\n",
	      f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		help(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		help(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ddbgt %s\n", ddbgt_version_string());
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			for (int a = 2; a < argc; a++) {
				if (strcmp(argv[a], "--help") == 0) {
					printf("usage: ddbgt %s\n%s\n", commands[i].usage,
					       commands[i].summary);
					return CLI_OK;
				}
			}
			return commands[i].run(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "ddbgt: unknown command '%s'\n", argv[1]);
	help(stderr);
	return CLI_USAGE;
}
