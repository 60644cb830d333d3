/*
 * A C program using the installed libddbgt:
 *     cc example.c $(pkg-config --cflags --libs ddbgt)
 * With a spec path it loads the spec and prints its findings; without one it
 * builds a two-region table in code. Either way it prints the canonical spec.
 */
#include <stdio.h>
#include <stdlib.h>

#include <ddbgt.h>

static int fail(const char *what, int status)
{
	fprintf(stderr, "example: %s: %s (%s)\n", what, ddbgt_strerror(status), ddbgt_status_name(status));
	return 1;
}

static int build(ddbgt_table **out)
{
	static const char *const regions[] = {"us-east-1", "eu-west-1"};
	ddbgt_table *table = NULL;
	int rc = ddbgt_table_new(&table, "orders");
	if (!rc)
		rc = ddbgt_table_set_partition_key(table, "pk", DDBGT_ATTR_S);
	for (size_t i = 0; !rc && i < sizeof regions / sizeof regions[0]; i++) {
		ddbgt_replica *replica = NULL;
		rc = ddbgt_replica_new(&replica, regions[i]);
		if (!rc && (rc = ddbgt_table_add_replica(table, replica)) != 0)
			ddbgt_replica_free(replica);
	}
	if (rc) {
		ddbgt_table_free(table);
		return rc;
	}
	*out = table;
	return 0;
}

int main(int argc, char **argv)
{
	ddbgt_diags *diags = NULL;
	ddbgt_table *table = NULL;
	char *text = NULL;
	int rc = ddbgt_diags_new(&diags);
	if (rc)
		return fail("ddbgt_diags_new", rc);
	rc = argc > 1 ? ddbgt_spec_load_file(&table, argv[1], 0, diags) : build(&table);
	if (ddbgt_diags_count(diags) > 0 && ddbgt_diags_to_text(&text, diags) == 0) {
		fputs(text, stderr);
		ddbgt_free(text);
		text = NULL;
	}
	if (rc) {
		ddbgt_diags_free(diags);
		return fail(argc > 1 ? argv[1] : "build", rc);
	}
	printf("libddbgt %s: table %s, %zu replicas, primary %s\n", ddbgt_version_string(),
	       ddbgt_table_name(table), ddbgt_table_replica_count(table),
	       ddbgt_replica_region(ddbgt_table_primary_replica(table)));
	rc = ddbgt_spec_dump_string(&text, table, 0);
	if (!rc)
		fputs(text, stdout);
	ddbgt_free(text);
	ddbgt_table_free(table);
	ddbgt_diags_free(diags);
	return rc ? fail("ddbgt_spec_dump_string", rc) : 0;
}
