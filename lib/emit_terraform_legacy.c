/*
 * Target "terraform-legacy": a version 2017.11.29 global table, for existing
 * estates only (AWS no longer creates new ones). One aws_dynamodb_table per
 * region, each through its region's provider, with the same name, keys and
 * indexes and a NEW_AND_OLD_IMAGES stream, and the aws_dynamodb_global_table
 * that joins them, created after all of them. See doc/terraform.md.
 */
#include <string.h>

#include "emit_internal.h"

int ddbgt__emit_terraform_legacy_plan(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	if (ddbgt_table_adopt_existing(t) == 1) {
		if (ctx->o->no_import)
			ddbgt__emit_finding(ctx, DDBGT_W_EMIT_ADOPT_NOT_IMPORTED, "/table/adopt_existing",
			                    NULL,
			                    "the tables exist already (adopt_existing) but import blocks "
			                    "were turned off: import them before applying, or Terraform "
			                    "will try to create them");
		else
			ctx->imports = 1;
	}
	if (ddbgt_table_consistency(t) == DDBGT_CONSISTENCY_STRONG)
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_LEGACY_CONSISTENCY, "/table/consistency", NULL,
		                    "a version 2017.11.29 global table has no strong consistency: the "
		                    "document describes an eventually consistent one");
	if (ddbgt_table_witness_region(t))
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_LEGACY_CONSISTENCY, "/table/witness_region",
		                    ddbgt_table_witness_region(t),
		                    "a version 2017.11.29 global table has no witness: %s is left out",
		                    ddbgt_table_witness_region(t));
	/* Every regional table of a 2017.11.29 global table streams new and old images. */
	if (!ddbgt_table_stream_enabled(t) ||
	    ddbgt_table_stream_view(t) != DDBGT_STREAM_VIEW_NEW_AND_OLD_IMAGES) {
		const char *view = ddbgt_enum_name(DDBGT_ENUM_STREAM_VIEW, ddbgt_table_stream_view(t));
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_LEGACY_STREAM, "/table/stream", NULL,
		                    "the spec's stream (%s) is written as NEW_AND_OLD_IMAGES, which "
		                    "version 2017.11.29 replication needs",
		                    ddbgt_table_stream_enabled(t) ? (view ? view : "no view type")
		                                                  : "disabled");
	}

	int64_t units;
	int on_demand = ddbgt_table_billing_mode(t) != DDBGT_BILLING_PROVISIONED &&
	                (ddbgt_table_get_on_demand_max(t, DDBGT_READ, &units) == DDBGT_OK ||
	                 ddbgt_table_get_on_demand_max(t, DDBGT_WRITE, &units) == DDBGT_OK);
	for (size_t g = 0; g < ctx->ngsi && ddbgt_table_billing_mode(t) != DDBGT_BILLING_PROVISIONED; g++) {
		const ddbgt_gsi *gsi = ddbgt_table_gsi_at(t, g);
		on_demand |= ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, &units) == DDBGT_OK ||
		             ddbgt_gsi_get_on_demand_max(gsi, DDBGT_WRITE, &units) == DDBGT_OK;
	}
	if (on_demand)
		ddbgt__emit_need(ctx, 5, 72, "on_demand_throughput");
	for (size_t i = 0; i < ctx->nrep; i++) {
		int64_t days;
		if (ddbgt__emit_pitr_period_differs(ctx, i, &days))
			ddbgt__emit_need(ctx, 5, 100, "point_in_time_recovery.recovery_period_in_days");
	}
	/* Each region is a table of its own: writes are scaled in every one, reads as each says. */
	ddbgt__emit_plan_scaling(ctx, 1);
	return DDBGT_OK;
}

static const char *table_ref(ddbgt__emit_ctx *ctx, size_t replica, char *buf)
{
	ddbgt__emit_label(ctx, buf, "aws_dynamodb_table.%s_%s", ctx->res, ctx->alias[replica]);
	return buf;
}

/* Regions in document order: the home region first. */
static size_t region_at(const ddbgt__emit_ctx *ctx, size_t r)
{
	return r == 0 ? ctx->primary : r <= ctx->primary ? r - 1 : r;
}

static void write_imports(ddbgt__emit_ctx *ctx)
{
	if (!ctx->imports)
		return;
	ddbgt__tfjson *w = &ctx->w;
	char to[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, "import");
	ddbgt__tfjson_array_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = region_at(ctx, r);
		ddbgt__emit_write_import(ctx, table_ref(ctx, i, to), i, ddbgt_table_name(ctx->t));
	}
	ddbgt__emit_label(ctx, to, "aws_dynamodb_global_table.%s", ctx->res);
	ddbgt__emit_write_import(ctx, to, ctx->primary, ddbgt_table_name(ctx->t));
	ddbgt__tfjson_array_end(w);
}

static void write_tables(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, "aws_dynamodb_table");
	ddbgt__tfjson_object_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = region_at(ctx, r);
		const char *label = table_ref(ctx, i, ref) + strlen("aws_dynamodb_table.");
		ddbgt__tfjson_key(w, label);
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, i);
		ddbgt__emit_write_table_head(ctx, i, 1);
		ddbgt__emit_write_tags(ctx, ddbgt__emit_replica(ctx, i));
		ddbgt__emit_write_lifecycle(ctx, i, 0);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
}

static void write_global_table(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, "aws_dynamodb_global_table");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, ctx->res);
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "depends_on");
	ddbgt__tfjson_array_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++)
		ddbgt__tfjson_literal(w, table_ref(ctx, region_at(ctx, r), ref));
	ddbgt__tfjson_array_end(w);
	ddbgt__tfjson_kv_text(w, "name", ddbgt_table_name(ctx->t));
	ddbgt__tfjson_key(w, "replica");
	ddbgt__tfjson_array_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++) {
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_kv_text(w, "region_name",
		                      ddbgt_replica_region(ddbgt__emit_replica(ctx, region_at(ctx, r))));
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_array_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

static void write_region_map(ddbgt__emit_ctx *ctx, const char *output, const char *attr)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX], expr[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, output);
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "value");
	ddbgt__tfjson_object_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = region_at(ctx, r);
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, i);
		table_ref(ctx, i, ref);
		ddbgt__tfjson_key_text(w, ddbgt_replica_region(rep));
		if (attr) {
			ddbgt__emit_label(ctx, expr, "${%s.%s}", ref, attr);
			ddbgt__tfjson_literal(w, expr);
			continue;
		}
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_label(ctx, expr, "${%s.arn}", ref);
		ddbgt__tfjson_kv_literal(w, "arn", expr);
		ddbgt__emit_label(ctx, expr, "${%s.stream_arn}", ref);
		ddbgt__tfjson_kv_literal(w, "stream_arn", expr);
		ddbgt__tfjson_kv_literal(w, "role", ddbgt_enum_name(DDBGT_ENUM_ROLE,
		                                                    ddbgt_replica_effective_role(rep)));
		ddbgt__tfjson_kv_literal(w, "table_class",
		                         ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
		                                         ddbgt_replica_effective_table_class(rep)));
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

static void write_outputs(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX];
	ddbgt__tfjson_key(w, "output");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "table_name");
	ddbgt__tfjson_object_begin(w);
	ddbgt__emit_label(ctx, ref, "${aws_dynamodb_global_table.%s.name}", ctx->res);
	ddbgt__tfjson_kv_literal(w, "value", ref);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_key(w, "global_table_arn");
	ddbgt__tfjson_object_begin(w);
	ddbgt__emit_label(ctx, ref, "${aws_dynamodb_global_table.%s.arn}", ctx->res);
	ddbgt__tfjson_kv_literal(w, "value", ref);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_key(w, "primary_region");
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_kv_text(w, "value", ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->primary)));
	ddbgt__tfjson_object_end(w);
	write_region_map(ctx, "table_arns", "arn");
	write_region_map(ctx, "stream_arns", "stream_arn");
	write_region_map(ctx, "regions", NULL);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_terraform_legacy_write(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__emit_write_header(ctx);
	write_imports(ctx);
	ddbgt__emit_write_data(ctx, NULL);
	ddbgt__tfjson_key(w, "resource");
	ddbgt__tfjson_object_begin(w);
	write_tables(ctx);
	write_global_table(ctx);
	ddbgt__emit_write_scaling(ctx, table_ref, NULL);
	ddbgt__emit_write_insights(ctx, table_ref, NULL);
	ddbgt__tfjson_object_end(w);
	write_outputs(ctx);
}
