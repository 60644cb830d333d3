/*
 * Many specs in one process (issue 13): what `ddbgt validate DIR` and
 * `ddbgt emit DIR -o OUT` do for each of N spec files, timed over the whole
 * run (target: 1,000 specs under 50 ms).
 * Usage: bench_many [specs [rounds [mode]]], mode 0 validate, 1 + emit to
 * memory, 2 + emit to files (default: all three, in that order)
 *
 * The specs are the table shape, each its own file in a temporary
 * folder: 3 regions, 2 GSIs, on-demand, PITR and tags. Per spec, "validate"
 * reads the file, loads it, maps its positions, validates and places the
 * findings; "+ emit" also emits the Terraform JSON (the emitter validates
 * again inside), to memory as emit does to standard output, or into a file
 * of an output folder as emit -o DIR does. Files cost what the file system
 * makes them cost: compare the memory line between commits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench_util.h"

static const char spec_format[] =
	"{\n  \"format\": \"ddbgt/1\",\n  \"table\": {\n    \"name\": \"orders-%04zu\",\n"
	"    \"billing_mode\": \"PAY_PER_REQUEST\",\n"
	"    \"partition_key\": {\"name\": \"pk\", \"type\": \"S\"},\n"
	"    \"sort_key\": {\"name\": \"sk\", \"type\": \"S\"},\n"
	"    \"attributes\": [\n      {\"name\": \"status\", \"type\": \"S\"},\n"
	"      {\"name\": \"created\", \"type\": \"N\"},\n"
	"      {\"name\": \"customer\", \"type\": \"S\"}\n    ],\n"
	"    \"global_secondary_indexes\": [\n"
	"      {\"name\": \"by-status\", \"partition_key\": \"status\", \"sort_key\": \"created\",\n"
	"       \"projection\": \"ALL\"},\n"
	"      {\"name\": \"by-customer\", \"partition_key\": \"customer\", \"projection\": "
	"\"KEYS_ONLY\"}\n    ],\n"
	"    \"point_in_time_recovery\": {\"enabled\": true},\n"
	"    \"tags\": {\"team\": \"payments\", \"env\": \"prod\"}\n  },\n"
	"  \"replicas\": [\n    {\"region\": \"us-east-1\"},\n    {\"region\": \"eu-west-1\"},\n"
	"    {\"region\": \"ap-northeast-1\"}\n  ]\n}\n";

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	if (f && fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		rewind(f);
		buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
		if (buf && fread(buf, 1, (size_t)n, f) == (size_t)n) {
			buf[n] = '\0';
			*len = (size_t)n;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	if (f)
		fclose(f);
	if (!buf) {
		fprintf(stderr, "bench: cannot read %s\n", path);
		exit(1);
	}
	return buf;
}

/* What is done with each spec after validation. */
enum { VALIDATE, EMIT_MEMORY, EMIT_FILES };

/* Emit to memory, or to out, as emit does to standard output or -o DIR. */
static int emit(const ddbgt_table *t, int mode, const char *out, ddbgt_diags *d)
{
	char *doc = NULL;
	if (mode == EMIT_FILES)
		return ddbgt_emit_file(t, out, NULL, d);
	int rc = mode == EMIT_MEMORY ? ddbgt_emit_string(&doc, t, NULL, d) : DDBGT_OK;
	ddbgt_free(doc);
	return rc;
}

/* One spec the way the command handles it; 1 when it has no error. */
static int one(const char *path, int mode, const char *out, ddbgt_diags *all)
{
	size_t len = 0;
	char *text = read_all(path, &len);
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	ddbgt_spec_positions *p = NULL;
	int valid = !ddbgt_diags_new(&d) && ddbgt_spec_load_string(&t, text, len, 0, d) == DDBGT_OK &&
	            ddbgt_spec_positions_new(&p, text, len, 0) == DDBGT_OK &&
	            ddbgt_table_validate(t, NULL, d) == DDBGT_OK &&
	            emit(t, mode, out, d) == DDBGT_OK &&
	            ddbgt_diags_locate(d, path, p) == DDBGT_OK && ddbgt_diags_append(all, d) == DDBGT_OK;
	ddbgt_spec_positions_free(p);
	ddbgt_diags_free(d);
	ddbgt_table_free(t);
	free(text);
	return valid;
}

static int by_ns(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1000;
	size_t rounds = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 7;
	char dir[] = "/tmp/ddbgt-bench-many-XXXXXX";
	if (n == 0 || rounds == 0 || !mkdtemp(dir)) {
		fputs("usage: bench_many [specs [rounds [mode]]]\n", stderr);
		return 2;
	}
	char **in = calloc(n, sizeof *in), **out = calloc(n, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		size_t size = sizeof dir + 32;
		in[i] = malloc(size);
		out[i] = malloc(size);
		snprintf(in[i], size, "%s/orders-%04zu.json", dir, i);
		snprintf(out[i], size, "%s/orders-%04zu.tf.json", dir, i);
		FILE *f = fopen(in[i], "w");
		if (!f || fprintf(f, spec_format, i) < 0 || fclose(f)) {
			fprintf(stderr, "bench: cannot write %s\n", in[i]);
			return 1;
		}
	}
	static const char *const names[] = {"validate", "+ emit (memory)", "+ emit (files)"};
	int only = argc > 3 ? atoi(argv[3]) : -1;
	for (int mode = VALIDATE; mode <= EMIT_FILES; mode++) {
		if (only >= 0 && mode != only)
			continue;
		uint64_t *ns = calloc(rounds, sizeof *ns);
		for (size_t r = 0; r < rounds; r++) {
			ddbgt_diags *all = NULL;
			size_t valid = 0;
			ddbgt_diags_new(&all);
			/*
			 * Each round writes into an empty folder, as a CI job does: on
			 * ext4, renaming over an existing file also flushes its data
			 * (auto_da_alloc), which costs about 1 ms a file here.
			 */
			for (size_t i = 0; i < n; i++)
				unlink(out[i]);
			uint64_t t0 = bench_now_ns();
			for (size_t i = 0; i < n; i++)
				valid += (size_t)one(in[i], mode, out[i], all);
			ns[r] = bench_now_ns() - t0;
			ddbgt_diags_free(all);
			if (valid != n) {
				fprintf(stderr, "bench: %zu of %zu specs failed\n", n - valid, n);
				return 1;
			}
		}
		qsort(ns, rounds, sizeof *ns, by_ns);
		printf("%-16s %zu specs: median %.1f ms (%.1f us per spec), fastest %.1f ms, "
		       "%zu rounds\n",
		       names[mode], n, ns[rounds / 2] / 1e6, ns[rounds / 2] / 1e3 / (double)n,
		       ns[0] / 1e6, rounds);
		free(ns);
	}
	for (size_t i = 0; i < n; i++) {
		unlink(in[i]);
		unlink(out[i]);
		free(in[i]);
		free(out[i]);
	}
	free(in);
	free(out);
	rmdir(dir);
	return 0;
}
