/*
 * The whole pipeline per table (issue 13): load the spec text -> validate ->
 * emit Terraform JSON (told the table was validated) -> cost estimate with
 * its recommendations, for the table (3 regions, 2 GSIs, on demand,
 * PITR, tags, a usage profile) and a sweep of R regions x G GSIs. Prints
 * microseconds per table per stage, and the bytes a loaded table holds,
 * counted by an allocator installed with ddbgt_set_alloc_funcs.
 *
 * Usage: bench_pipeline [tables [stage [regions gsis]]]
 * stage is one of load, validate, emit, emit-check (emit validating
 * itself), cost, cost-norecs, pipeline: then only that stage runs, through
 * a function named bench_stage_STAGE, so that `valgrind --tool=callgrind
 * --toggle-collect=bench_stage_STAGE` counts its instructions alone
 * (bench/instructions.sh, `make bench-instructions`). The first table of
 * a run is a warm-up outside those functions (first calls bind symbols and
 * warm caches), and the figures are per table after the first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ddbgt.h>

/* ---- an allocator that counts live bytes ---------------------------------- */

/* Each block carries its size in front, in a header that keeps malloc's alignment. */
typedef union block_header {
	size_t size;
	max_align_t align;
} block_header;

static size_t live_bytes, alloc_calls;

static void *bytes_malloc(size_t n)
{
	block_header *h = malloc(sizeof(*h) + n);

	if (!h)
		return NULL;
	h->size = n;
	live_bytes += n;
	alloc_calls++;
	return h + 1;
}

static void *bytes_realloc(void *p, size_t n)
{
	block_header *h = p ? (block_header *)p - 1 : NULL;
	size_t old = h ? h->size : 0;

	h = realloc(h, sizeof(*h) + n);
	if (!h)
		return NULL;
	live_bytes += n - old;
	h->size = n;
	alloc_calls++;
	return h + 1;
}

static void bytes_free(void *p)
{
	block_header *h;

	if (!p)
		return;
	h = (block_header *)p - 1;
	live_bytes -= h->size;
	free(h);
}

/* ---- the spec text ---------------------------------------------------------- */

static const char *const regions[] = {
	"us-east-1", "eu-west-1", "ap-northeast-1", "us-west-2", "eu-central-1",
	"us-east-2", "ap-southeast-1", "ap-southeast-2", "eu-west-2", "ca-central-1",
	"ap-south-1", "sa-east-1", "eu-north-1", "us-west-1", "ap-northeast-2",
	"eu-west-3", "ap-northeast-3", "eu-south-1", "af-south-1", "me-south-1",
};

#define MAX_REGIONS (sizeof(regions) / sizeof(regions[0]))

static void put(char **p, const char *end, const char *s)
{
	size_t n = strlen(s);

	if (n >= (size_t)(end - *p)) {
		fputs("bench: spec text too long\n", stderr);
		exit(1);
	}
	memcpy(*p, s, n + 1);
	*p += n;
}

/*
 * An on-demand table of r regions and g GSIs (one partition key attribute
 * each, projection ALL), PITR, three tags, writes and reads in every region
 * and 50 GB: the shape the peers were timed on is r = 3, g = 2.
 */
static char *spec_text(size_t r, size_t g)
{
	size_t size = 2048 + 256 * g + 128 * r, i;
	char *text = malloc(size), *p = text, *end = text + size, buf[160];

	if (!text)
		exit(1);
	put(&p, end, "{\n  \"format\": \"ddbgt/1\",\n  \"table\": {\n"
	             "    \"name\": \"orders\",\n    \"billing_mode\": \"PAY_PER_REQUEST\",\n"
	             "    \"partition_key\": {\"name\": \"pk\", \"type\": \"S\"},\n"
	             "    \"sort_key\": {\"name\": \"sk\", \"type\": \"S\"},\n"
	             "    \"attributes\": [");
	for (i = 0; i < g; i++) {
		snprintf(buf, sizeof(buf), "%s{\"name\": \"gsi%zu_pk\", \"type\": \"S\"}",
		         i ? ", " : "", i);
		put(&p, end, buf);
	}
	put(&p, end, "],\n    \"global_secondary_indexes\": [");
	for (i = 0; i < g; i++) {
		snprintf(buf, sizeof(buf), "%s\n      {\"name\": \"by_gsi%zu\", \"partition_key\": "
		         "\"gsi%zu_pk\", \"sort_key\": \"sk\", \"projection\": \"ALL\"}",
		         i ? "," : "", i, i);
		put(&p, end, buf);
	}
	put(&p, end, "],\n    \"point_in_time_recovery\": {\"enabled\": true},\n"
	             "    \"tags\": {\"team\": \"checkout\", \"env\": \"prod\", "
	             "\"cost-center\": \"1234\"}\n  },\n  \"replicas\": [");
	for (i = 0; i < r; i++) {
		snprintf(buf, sizeof(buf), "%s{\"region\": \"%s\"}", i ? ", " : "", regions[i]);
		put(&p, end, buf);
	}
	put(&p, end, "],\n  \"policy\": {\"quotas\": {\"gsi_max\": 64}},\n"
	             "  \"usage\": {\n    \"writes_per_second\": {");
	for (i = 0; i < r; i++) {
		snprintf(buf, sizeof(buf), "%s\"%s\": %zu", i ? ", " : "", regions[i], 50 + 10 * i);
		put(&p, end, buf);
	}
	put(&p, end, "},\n    \"reads_per_second\": {");
	for (i = 0; i < r; i++) {
		snprintf(buf, sizeof(buf), "%s\"%s\": %zu", i ? ", " : "", regions[i], 200 + 20 * i);
		put(&p, end, buf);
	}
	put(&p, end, "},\n    \"storage_gb\": 50\n  }\n}\n");
	return text;
}

/* ---- the stages ------------------------------------------------------------- */

static void fail(const char *what)
{
	fprintf(stderr, "bench: %s failed\n", what);
	exit(1);
}

static ddbgt_cost_options cost_opts = DDBGT_COST_OPTIONS_INIT;
static ddbgt_emit_options emit_validated = DDBGT_EMIT_OPTIONS_INIT;

/* Not static: callgrind's --toggle-collect finds them by name. */
ddbgt_table *bench_stage_load(const char *text, size_t len);
void bench_stage_validate(const ddbgt_table *t, ddbgt_diags *d);
void bench_stage_emit(const ddbgt_table *t, ddbgt_diags *d);
void bench_stage_emit_check(const ddbgt_table *t);
void bench_stage_cost(const ddbgt_table *t, int recommendations);
void bench_stage_pipeline(const char *text, size_t len, ddbgt_diags *d);

__attribute__((noinline)) ddbgt_table *bench_stage_load(const char *text, size_t len)
{
	ddbgt_table *t = NULL;

	if (ddbgt_spec_load_string(&t, text, len, 0, NULL))
		fail("load");
	return t;
}

__attribute__((noinline)) void bench_stage_validate(const ddbgt_table *t, ddbgt_diags *d)
{
	if (ddbgt_table_validate(t, NULL, d))
		fail("validate");
}

__attribute__((noinline)) void bench_stage_emit(const ddbgt_table *t, ddbgt_diags *d)
{
	char *doc = NULL;

	if (ddbgt_emit_string(&doc, t, &emit_validated, d))
		fail("emit");
	ddbgt_free(doc);
}

__attribute__((noinline)) void bench_stage_emit_check(const ddbgt_table *t)
{
	char *doc = NULL;

	if (ddbgt_emit_string(&doc, t, NULL, NULL))
		fail("emit");
	ddbgt_free(doc);
}

__attribute__((noinline)) void bench_stage_cost(const ddbgt_table *t, int recommendations)
{
	ddbgt_cost_report *rep = NULL;

	cost_opts.no_recommendations = !recommendations;
	if (ddbgt_cost_estimate(&rep, t, &cost_opts, NULL))
		fail("cost");
	ddbgt_cost_report_free(rep);
}

__attribute__((noinline)) void bench_stage_pipeline(const char *text, size_t len,
                                                    ddbgt_diags *d)
{
	ddbgt_table *t = bench_stage_load(text, len);

	ddbgt_diags_clear(d);
	bench_stage_validate(t, d);
	bench_stage_emit(t, d);
	bench_stage_cost(t, 1);
	ddbgt_table_free(t);
}

/* ---- timing ----------------------------------------------------------------- */

enum stage { LOAD, VALIDATE, EMIT, EMIT_CHECK, COST, COST_NORECS, PIPELINE, NSTAGES };

static const char *const stage_names[NSTAGES] = {
	"load", "validate", "emit", "emit-check", "cost", "cost-norecs", "pipeline",
};

/* The fastest of a few passes of n tables: the pass least disturbed by the machine's load. */
#define PASSES 5

static uint64_t cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Run stage s on n tables; return nanoseconds of thread CPU time for the whole pass. */
static uint64_t run_stage(enum stage s, const char *text, size_t len, ddbgt_table **tables,
                          size_t n, ddbgt_diags *d)
{
	uint64_t t0 = cpu_ns();
	size_t i;

	for (i = 0; i < n; i++) {
		switch (s) {
		case LOAD:
			ddbgt_table_free(tables[i]);
			tables[i] = bench_stage_load(text, len);
			break;
		case VALIDATE:
			ddbgt_diags_clear(d);
			bench_stage_validate(tables[i], d);
			break;
		case EMIT:
			bench_stage_emit(tables[i], d);
			break;
		case EMIT_CHECK:
			bench_stage_emit_check(tables[i]);
			break;
		case COST:
			bench_stage_cost(tables[i], 1);
			break;
		case COST_NORECS:
			bench_stage_cost(tables[i], 0);
			break;
		case PIPELINE:
			bench_stage_pipeline(text, len, d);
			break;
		case NSTAGES:
			break;
		}
	}
	return cpu_ns() - t0;
}

/*
 * The embedded price table, cold code and the allocator's first blocks,
 * through the library directly: callgrind counts the bench_stage_ functions only.
 */
static void warm_up(const char *text, size_t len)
{
	ddbgt_table *t = NULL;
	ddbgt_cost_report *rep = NULL;
	char *doc = NULL;

	if (ddbgt_spec_load_string(&t, text, len, 0, NULL) || ddbgt_table_validate(t, NULL, NULL) ||
	    ddbgt_emit_string(&doc, t, NULL, NULL) || ddbgt_cost_estimate(&rep, t, NULL, NULL))
		fail("warm-up");
	ddbgt_free(doc);
	ddbgt_cost_report_free(rep);
	ddbgt_table_free(t);
}

/* Load n tables and report the bytes each holds; the tables stay for the other stages. */
static void load_tables(const char *text, size_t len, ddbgt_table **tables, size_t n,
                        double *bytes, double *allocs)
{
	size_t b0 = live_bytes, a0 = alloc_calls, i;

	for (i = 0; i < n; i++)
		if (ddbgt_spec_load_string(&tables[i], text, len, 0, NULL))
			fail("load");
	*bytes = (double)(live_bytes - b0) / (double)n;
	*allocs = (double)(alloc_calls - a0) / (double)n;
}

static void measure(size_t r, size_t g, size_t n, int only, int header)
{
	char *text = spec_text(r, g);
	size_t len = strlen(text), i;
	ddbgt_table **tables = calloc(n, sizeof(*tables));
	ddbgt_diags *d = NULL;
	double bytes, allocs, us[NSTAGES] = {0};
	int s, pass;

	if (!tables || ddbgt_diags_new(&d))
		fail("setup");
	warm_up(text, len);
	load_tables(text, len, tables, n, &bytes, &allocs);
	if (only >= 0) {
		run_stage((enum stage)only, text, len, tables, n, d);
	} else {
		for (s = 0; s < NSTAGES; s++) {
			uint64_t best = UINT64_MAX;

			for (pass = 0; pass < PASSES; pass++) {
				uint64_t ns = run_stage((enum stage)s, text, len, tables, n, d);

				if (ns < best)
					best = ns;
			}
			us[s] = (double)best / 1000.0 / (double)n;
		}
		if (header)
			printf("%-7s %7s %6s %7s %6s %7s %6s %7s %8s %8s %7s\n", "RxG", "bytes",
			       "load", "valid.", "emit", "emit+v", "cost", "no-recs", "pipeline",
			       "table B", "allocs");
		printf("%2zux%-4zu %7zu %6.2f %7.2f %6.2f %7.2f %6.2f %7.2f %8.2f %8.0f %7.1f\n", r, g,
		       len, us[LOAD], us[VALIDATE], us[EMIT], us[EMIT_CHECK], us[COST],
		       us[COST_NORECS], us[PIPELINE], bytes, allocs);
	}
	for (i = 0; i < n; i++)
		ddbgt_table_free(tables[i]);
	free(tables);
	ddbgt_diags_free(d);
	free(text);
}

int main(int argc, char **argv)
{
	static const size_t sweep_r[] = {2, 5, 10, 20}, sweep_g[] = {0, 5, 20};
	size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 2000, i, j;
	int only = -1, s;

	if (n == 0)
		n = 1;
	if (argc > 2) {
		for (s = 0; s < NSTAGES; s++)
			if (strcmp(argv[2], stage_names[s]) == 0)
				only = s;
		if (only < 0) {
			fprintf(stderr, "bench: unknown stage %s\n", argv[2]);
			return 2;
		}
	}
	ddbgt_set_alloc_funcs(bytes_malloc, bytes_realloc, bytes_free);
	emit_validated.validated = 1;
	if (argc > 4) {
		size_t r = (size_t)strtoul(argv[3], NULL, 10), g = (size_t)strtoul(argv[4], NULL, 10);

		if (r < 1 || r > MAX_REGIONS || g > 20) {
			fputs("bench: regions 1-20, gsis 0-20\n", stderr);
			return 2;
		}
		measure(r, g, n, only, 1);
		return 0;
	}
	puts("microseconds of thread CPU time per table, fastest of 5 passes; "
	     "bytes: spec text; table B: bytes a loaded table holds");
	measure(3, 2, n, only, 1);
	if (only >= 0)
		return 0;
	for (i = 0; i < sizeof(sweep_r) / sizeof(sweep_r[0]); i++)
		for (j = 0; j < sizeof(sweep_g) / sizeof(sweep_g[0]); j++)
			measure(sweep_r[i], sweep_g[j], sweep_r[i] >= 10 ? n / 10 + 1 : n, -1, 0);
	return 0;
}
