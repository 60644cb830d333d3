/*
 * ddbgt plan [SPEC] [-o DIR] [--format text|json]
 *
 * The whole job in one command: load the spec (or build the default
 * template), validate it, describe it (regions, strategy, features),
 * estimate its cost, and write main.tf.json and routing.json into DIR.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "ddbgt/validate.h"
#include "ddbgt/emit.h"
#include "ddbgt/cost.h"
#include "cli.h"

typedef struct plan {
	const char *spec;         /* the path, or NULL for the default template */
	ddbgt_import_kind kind;  /* --from: the input's kind, AUTO to detect it */
	const char *dir;
	int json;
	ddbgt_table *table;
	ddbgt_diags *diags;
	cli_spec *input;          /* what was read, for placing the findings; NULL for the template */
	ddbgt_topology *topology;
	ddbgt_strategy *strategy;
	ddbgt_features *features;
	ddbgt_routing *routing;
	ddbgt_cost_report *cost;
	const char *cost_note;    /* why there is no estimate */
	int valid;
	char *terraform_path;     /* written, or NULL */
	const char *terraform_note; /* why it was not written */
	char *routing_path;
	char *routing_json;
} plan;

static void plan_free(plan *p)
{
	ddbgt_table_free(p->table);
	ddbgt_diags_free(p->diags);
	cli_specs_free(p->input, p->input ? 1 : 0);
	ddbgt_topology_free(p->topology);
	ddbgt_strategy_free(p->strategy);
	ddbgt_features_free(p->features);
	ddbgt_routing_free(p->routing);
	ddbgt_cost_report_free(p->cost);
	free(p->terraform_path);
	free(p->routing_path);
	ddbgt_free(p->routing_json);
}

static char *join_path(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, "%s/%s", dir, file);
	return s;
}

static int oom(void)
{
	fputs("ddbgt: out of memory\n", stderr);
	return CLI_INPUT;
}

/* Load the spec or build the default template; CLI_* status. */
static int load(plan *p)
{
	if (p->spec) {
		int rc = cli_load_one(p->spec, p->kind, &p->input);
		if (rc != CLI_OK)
			return rc;
		if (ddbgt_diags_append(p->diags, p->input->diags))
			return oom();
		p->table = p->input->table;
		p->input->table = NULL;
		return p->input->status;
	}
	if (ddbgt_template_build(&p->table, ddbgt_template_default_name(), NULL))
		return oom();
	return CLI_OK;
}

/* Place the findings in the input: a spec's by its positions, an import's by its importer. */
static int locate(plan *p)
{
	cli_spec *in = p->input;
	if (in->imp && ddbgt_import_table_annotate(in->imp, in->index, p->diags) == DDBGT_ENOMEM)
		return -1;
	return ddbgt_diags_locate(p->diags, in->name, in->positions) != DDBGT_OK;
}

/* Validate, describe and price the table; CLI_* status. */
static int analyse(plan *p)
{
	int rc = ddbgt_table_validate(p->table, NULL, p->diags);

	if (rc == DDBGT_ENOMEM)
		return oom();
	p->valid = ddbgt_diags_is_valid(p->diags);
	if (ddbgt_topology_new(&p->topology, p->table) ||
	    ddbgt_strategy_identify(&p->strategy, p->table) ||
	    ddbgt_features_detect(&p->features, p->table) ||
	    ddbgt_routing_new(&p->routing, p->table) ||
	    ddbgt_routing_to_json(&p->routing_json, p->routing))
		return oom();
	/* A price for a table AWS would refuse means nothing. */
	if (!p->valid) {
		p->cost_note = "not estimated: the spec has errors";
		return CLI_OK;
	}
	rc = ddbgt_cost_estimate(&p->cost, p->table, NULL, p->diags);
	if (rc == DDBGT_ENOMEM)
		return oom();
	if (rc)
		p->cost_note = ddbgt_strerror(rc);
	return CLI_OK;
}

/*
 * Emit main.tf.json. analyse() validated the table into p->diags: the
 * emitter is told so, and adds only its own findings.
 */
static int emit(plan *p)
{
	ddbgt_emit_options opts = DDBGT_EMIT_OPTIONS_INIT;
	int rc;

	p->terraform_path = join_path(p->dir, "main.tf.json");
	if (!p->terraform_path)
		return oom();
	opts.validated = 1;
	rc = ddbgt_emit_file(p->table, p->terraform_path, &opts, p->diags);
	if (rc == DDBGT_OK)
		return CLI_OK;
	free(p->terraform_path);
	p->terraform_path = NULL;
	if (rc == DDBGT_ENOMEM)
		return oom();
	if (rc == DDBGT_EIO) {
		fprintf(stderr, "ddbgt: cannot write main.tf.json in %s\n", p->dir);
		return CLI_INPUT;
	}
	/* The emitter refused the table (its findings say why): the plan is invalid. */
	p->valid = 0;
	p->terraform_note = "not written: the Terraform emitter refused the table (see the findings)";
	return CLI_OK;
}

/* Write main.tf.json and routing.json into the output folder; CLI_* status. */
static int write_files(plan *p)
{
	if (!p->valid) {
		p->terraform_note = "not written: the spec has errors";
		return CLI_OK;
	}
	if (mkdir(p->dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "ddbgt: cannot create %s: %s\n", p->dir, strerror(errno));
		return CLI_INPUT;
	}
	int rc = emit(p);

	if (rc != CLI_OK || !p->valid)
		return rc;
	p->routing_path = join_path(p->dir, "routing.json");
	if (!p->routing_path)
		return oom();
	if (cli_write_file(p->routing_path, p->routing_json))
		return CLI_INPUT;
	return CLI_OK;
}

/* Nanos of a currency as units with two decimals, rounded half away from zero. */
static void print_money(int64_t nanos)
{
	int64_t cents = (nanos >= 0 ? nanos + 5000000 : nanos - 5000000) / 10000000;
	int64_t abs_cents = cents < 0 ? -cents : cents;

	printf("%s%lld.%02lld", cents < 0 ? "-" : "", (long long)(abs_cents / 100),
	       (long long)(abs_cents % 100));
}

static void print_cost(const plan *p)
{
	const ddbgt_cost_report *c = p->cost;
	size_t i;

	if (!c) {
		printf("\nMonthly cost: %s\n", p->cost_note);
		return;
	}
	printf("\nMonthly cost (%s%s%s%s):\n", ddbgt_cost_report_currency(c),
	       ddbgt_cost_report_price_date(c) ? ", prices of " : "",
	       ddbgt_cost_report_price_date(c) ? ddbgt_cost_report_price_date(c) : "",
	       ddbgt_cost_report_is_complete(c) ? "" : ", INCOMPLETE: some prices are missing");
	for (i = 0; i < ddbgt_cost_report_region_count(c); i++) {
		printf("  %-16s %12s", ddbgt_cost_report_region_at(c, i), "");
		print_money(ddbgt_cost_report_region_subtotal_nanos(c, i));
		printf("\n");
	}
	printf("  %-16s %12s", "total", "");
	print_money(ddbgt_cost_report_total_nanos(c));
	printf("\n  (line items: ddbgt cost SPEC)\n");
	if (ddbgt_cost_report_recommendation_count(c)) {
		printf("Recommendations:\n");
		for (i = 0; i < ddbgt_cost_report_recommendation_count(c); i++)
			printf("  - %s\n", ddbgt_cost_recommendation_message(c, i));
	}
}

/* "all replicas", "some replicas", "no replica" */
static const char *coverage_words(ddbgt_coverage c)
{
	return c == DDBGT_COVERAGE_ALL ? "all replicas"
	       : c == DDBGT_COVERAGE_SOME ? "some replicas" : "no replica";
}

static void print_text(const plan *p)
{
	const ddbgt_topology *t = p->topology;
	const ddbgt_strategy *s = p->strategy;
	const ddbgt_features *f = p->features;
	size_t i;

	printf("Plan for table %s (%s)\n\n",
	       ddbgt_table_name(p->table) ? ddbgt_table_name(p->table) : "(unnamed)",
	       p->spec ? p->spec : "built-in template " DDBGT_TEMPLATE_DEFAULT);
	printf("Regions (%zu, %zu replica%s):\n", ddbgt_topology_region_count(t),
	       ddbgt_topology_replica_count(t), ddbgt_topology_replica_count(t) == 1 ? "" : "s");
	for (i = 0; i < ddbgt_topology_region_count(t); i++) {
		const char *cls = ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
		                                  ddbgt_topology_table_class_at(t, i));
		const char *geo = ddbgt_topology_geography_at(t, i);

		printf("  %-16s %-10s %-27s %s\n", ddbgt_topology_region_at(t, i),
		       ddbgt_member_role_name(ddbgt_topology_role_at(t, i)), cls ? cls : "-",
		       geo ? geo : "?");
	}
	printf("\nStrategy: %s\n  %s\n", ddbgt_strategy_kind_name(ddbgt_strategy_pattern(s)),
	       ddbgt_strategy_summary(s));
	for (i = 0; i < ddbgt_strategy_reason_count(s); i++)
		printf("  - %s\n", ddbgt_strategy_reason_at(s, i));
	printf("  Disaster recovery: %s\n    RPO %s\n    RTO %s\n    (%s)\n",
	       ddbgt_strategy_dr_class(s), ddbgt_strategy_rpo(s), ddbgt_strategy_rto(s),
	       ddbgt_strategy_dr_source(s));

	printf("\nFeatures:\n");
	if (ddbgt_features_has(f, DDBGT_FEATURE_STREAM))
		printf("  stream: %s\n",
		       ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, ddbgt_features_stream_view(f)));
	else
		printf("  stream: off\n");
	printf("  encryption: %s\n",
	       ddbgt_enum_name(DDBGT_ENUM_ENCRYPTION, ddbgt_features_encryption(f)));
	printf("  point-in-time recovery: %s\n", coverage_words(ddbgt_features_pitr(f)));
	printf("  deletion protection: %s\n",
	       coverage_words(ddbgt_features_deletion_protection(f)));
	printf("  Standard-IA: %s\n", coverage_words(ddbgt_features_standard_ia(f)));
	printf("  TTL: %s\n", ddbgt_features_ttl_attribute(f) ? ddbgt_features_ttl_attribute(f) : "off");
	printf("  autoscaling: %s\n", ddbgt_features_has(f, DDBGT_FEATURE_AUTOSCALING) ? "yes" : "no");
	printf("  indexes: %zu GSI, %zu LSI\n", ddbgt_features_gsi_count(f),
	       ddbgt_features_lsi_count(f));

	printf("\nDiagnostics:\n");
	cli_print_diags(stdout, p->diags, 0);

	printf("\nRouting (failover order):");
	for (i = 0; i < ddbgt_routing_count(p->routing); i++)
		printf(" %s%s", ddbgt_routing_region_at(p->routing, i),
		       ddbgt_routing_serves_traffic_at(p->routing, i) ? "" : " (standby)");
	printf("\n");

	print_cost(p);
	printf("\nFiles:\n");
	if (p->terraform_path)
		printf("  wrote %s\n", p->terraform_path);
	else
		printf("  main.tf.json: %s\n", p->terraform_note);
	if (p->routing_path)
		printf("  wrote %s\n", p->routing_path);
	else
		printf("  routing.json: not written: the spec has errors\n");
}

/* Embed a library JSON string into doc under key; 0 or -1. */
static int embed(json_t *doc, const char *key, char *text)
{
	json_t *v = text ? json_loads(text, 0, NULL) : NULL;

	ddbgt_free(text);
	return v ? json_object_set_new(doc, key, v) : -1;
}

static int print_json(const plan *p)
{
	json_t *doc = json_object(), *files = json_object();
	char *text = NULL;
	int bad = 0;

	bad |= json_object_set_new(doc, "spec", p->spec ? json_string(p->spec) : json_null());
	bad |= json_object_set_new(doc, "template",
	                           p->spec ? json_null() : json_string(DDBGT_TEMPLATE_DEFAULT));
	bad |= json_object_set_new(doc, "table", ddbgt_table_name(p->table)
	                                                 ? json_string(ddbgt_table_name(p->table))
	                                                 : json_null());
	bad |= json_object_set_new(doc, "valid", json_boolean(p->valid));
	bad |= ddbgt_topology_to_json(&text, p->topology) || embed(doc, "topology", text);
	bad |= ddbgt_strategy_to_json(&text, p->strategy) || embed(doc, "strategy", text);
	bad |= ddbgt_features_to_json(&text, p->features) || embed(doc, "features", text);
	bad |= ddbgt_diags_to_json(&text, p->diags) || embed(doc, "diagnostics", text);
	if (p->cost)
		bad |= ddbgt_cost_report_to_json(&text, p->cost) || embed(doc, "cost", text);
	else
		bad |= json_object_set_new(doc, "cost", json_null());
	bad |= json_object_set_new(doc, "routing", json_loads(p->routing_json, 0, NULL));
	bad |= json_object_set_new(doc, "cost_note",
	                           p->cost_note ? json_string(p->cost_note) : json_null());
	bad |= json_object_set_new(files, "terraform", p->terraform_path
	                                                       ? json_string(p->terraform_path)
	                                                       : json_null());
	bad |= json_object_set_new(files, "routing",
	                           p->routing_path ? json_string(p->routing_path) : json_null());
	bad |= json_object_set_new(doc, "files", files);
	if (!bad) {
		bad = json_dumpf(doc, stdout, JSON_INDENT(2));
		putchar('\n');
	}
	json_decref(doc);
	return bad ? oom() : CLI_OK;
}

int ddbgt_cmd_plan(int argc, char **argv)
{
	plan p;
	int rc;

	memset(&p, 0, sizeof p);
	p.dir = ".";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
			if (++i >= argc || !argv[i][0])
				return cli_usage_error("plan", "%s takes a folder", argv[i - 1]);
			p.dir = argv[i];
		} else if (strcmp(argv[i], "--format") == 0) {
			if (++i >= argc || cli_parse_format(argv[i], &p.json))
				return cli_usage_error("plan", "--format takes text or json");
		} else if (strcmp(argv[i], "--from") == 0) {
			if (++i >= argc || cli_parse_from(argv[i], &p.kind))
				return cli_usage_error("plan", CLI_FROM_USAGE);
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage_error("plan", "unknown option %s", argv[i]);
		} else if (p.spec) {
			return cli_usage_error("plan", "only one SPEC, please");
		} else {
			p.spec = argv[i];
		}
	}
	if (ddbgt_diags_new(&p.diags))
		return oom();
	rc = load(&p);
	if (rc != CLI_OK) {
		/* Nothing to describe: say what the loader found, as validate would. */
		cli_print_diags(p.json ? stdout : stderr, p.diags, p.json);
		plan_free(&p);
		return rc;
	}
	rc = analyse(&p);
	if (rc == CLI_OK)
		rc = write_files(&p);
	/* Every finding at the file, line and column of its value (the loader's have theirs). */
	if (rc == CLI_OK && p.input && locate(&p))
		rc = oom();
	if (rc == CLI_OK)
		rc = p.json ? print_json(&p) : (print_text(&p), CLI_OK);
	if (rc == CLI_OK && !p.valid)
		rc = CLI_INVALID;
	plan_free(&p);
	return rc;
}
