/* ddbgt regions [--format text|json]: the region catalogue. */
#include <string.h>

#include "ddbgt/region.h"
#include "cli.h"

int ddbgt_cmd_regions(int argc, char **argv)
{
	int json = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			if (cli_parse_format(argv[++i], &json))
				return cli_usage_error("regions", "--format takes text or json");
		} else {
			return cli_usage_error("regions", "unknown argument %s", argv[i]);
		}
	}
	if (json) {
		char *text = NULL;
		int rc = ddbgt_regions_to_json(&text);

		if (rc) {
			fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
			return CLI_INPUT;
		}
		fputs(text, stdout);
		ddbgt_free(text);
		return CLI_OK;
	}
	printf("%-16s %-28s %-11s %-4s %-5s %-5s %s\n", "CODE", "NAME", "PARTITION", "GEO",
	       "JURIS", "MRSC", "NOTES");
	for (size_t i = 0; i < ddbgt_region_count(); i++) {
		const ddbgt_region *r = ddbgt_region_at(i);
		const char *set = ddbgt_region_strong_consistency_set(r);

		printf("%-16s %-28s %-11s %-4s %-5s %-5s %s%s\n", ddbgt_region_code(r),
		       ddbgt_region_name(r), ddbgt_region_partition(r), ddbgt_region_geography(r),
		       ddbgt_region_jurisdiction(r), set ? set : "-",
		       ddbgt_region_is_opt_in(r) ? "opt-in " : "",
		       ddbgt_region_is_verified(r) ? "" : "unverified");
	}
	return CLI_OK;
}
