/*
 * ddbgt: the command-line face of libddbgt. A thin shell over the public API;
 * each subcommand lives in tools/cmd_<name>.c and is listed in commands.def.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
#define DDBGT_COMMAND(fn, usage, summary) {#fn, ddbgt_cmd_##fn},
#include "commands.def"
#undef DDBGT_COMMAND
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		cli_help_overview(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_help_overview(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ddbgt %s\n", ddbgt_version_string());
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			for (int a = 2; a < argc; a++) {
				if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
					cli_help_command(stdout, commands[i].name);
					return CLI_OK;
				}
			}
			return commands[i].run(argc - 1, argv + 1);
		}
	}
	fprintf(stderr, "ddbgt: unknown command '%s'\n", argv[1]);
	cli_help_overview(stderr);
	return CLI_USAGE;
}
