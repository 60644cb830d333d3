/*
 * Target "terraform-legacy": a version 2017.11.29 global table, for existing
 * estates only (AWS no longer creates new ones). One aws_dynamodb_table per
 * region, each through its region's provider, with the same name, keys and
 * indexes and a NEW_AND_OLD_IMAGES stream, and the aws_dynamodb_global_table
 * that joins them, created after all of them. See doc/terraform.md.
 */
#include <stdio.h>
#include <string.h>

#include "emit_targets.h"

int ddbgt__emit_terraform_legacy_plan(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	ddbgt__emit_plan_adopt(ctx, "the tables exist already (adopt_existing) but import blocks "
	                             "were turned off: import them before applying, or Terraform "
	                             "will try to create them");
	if (ddbgt__emit_operations_wanted(ctx))
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_OPS_NOT_EMITTED, "/operations", NULL,
		                    "the terraform-legacy target writes no alarms, dashboard, IAM "
		                    "documents or VPC endpoints: a version 2017.11.29 table publishes "
		                    "other metrics (PendingReplicationCount), see doc/operations.md");
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

	ddbgt__emit_plan_on_demand(ctx);
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

static void write_imports(ddbgt__emit_ctx *ctx)
{
	if (!ctx->imports)
		return;
	ddbgt__tfjson *w = &ctx->w;
	char to[DDBGT__EMIT_LABEL_MAX];
	DDBGT__TFJSON_ARRAY(w, "import");
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
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
	DDBGT__TFJSON_OBJECT(w, "aws_dynamodb_table");
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
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
	DDBGT__TFJSON_OBJECT(w, "aws_dynamodb_global_table");
	ddbgt__tfjson_key(w, ctx->res);
	ddbgt__tfjson_object_begin(w);
	DDBGT__TFJSON_ARRAY(w, "depends_on");
	for (size_t r = 0; r < ctx->nrep; r++)
		ddbgt__tfjson_literal(w, table_ref(ctx, ddbgt__emit_region_at(ctx, r), ref));
	ddbgt__tfjson_array_end(w);
	DDBGT__TFJSON_KV_TEXT(w, "name", ddbgt_table_name(ctx->t));
	DDBGT__TFJSON_ARRAY(w, "replica");
	for (size_t r = 0; r < ctx->nrep; r++) {
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, ddbgt__emit_region_at(ctx, r));
		ddbgt__tfjson_object_begin(w);
		DDBGT__TFJSON_KV_TEXT(w, "region_name", ddbgt_replica_region(rep));
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_array_end(w);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

/* A region table's attribute, "${aws_dynamodb_table.<res>_<region>.<attr>}". */
static void write_attr(ddbgt__emit_ctx *ctx, size_t replica, const char *attr)
{
	char ref[DDBGT__EMIT_LABEL_MAX], expr[DDBGT__EMIT_LABEL_MAX];
	ddbgt__emit_label(ctx, expr, "${%s.%s}", table_ref(ctx, replica, ref), attr);
	ddbgt__tfjson_literal(&ctx->w, expr);
}

static void write_outputs(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX];
	DDBGT__TFJSON_OBJECT(w, "output");
	ddbgt__emit_label(ctx, ref, "${aws_dynamodb_global_table.%s.name}", ctx->res);
	DDBGT__EMIT_OUTPUT(ctx, "table_name", ref, 1);
	ddbgt__emit_label(ctx, ref, "${aws_dynamodb_global_table.%s.arn}", ctx->res);
	DDBGT__EMIT_OUTPUT(ctx, "global_table_arn", ref, 1);
	DDBGT__EMIT_OUTPUT(ctx, "primary_region",
	                   ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->primary)), 0);
	/* Each region is a table of its own, with its own class. */
	ddbgt__emit_write_region_maps(ctx, write_attr, 1);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_terraform_legacy_write(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__emit_write_header(ctx);
	write_imports(ctx);
	ddbgt__emit_write_data(ctx, NULL);
	DDBGT__TFJSON_OBJECT(w, "resource");
	write_tables(ctx);
	write_global_table(ctx);
	ddbgt__emit_write_scaling(ctx, table_ref, NULL);
	ddbgt__emit_write_replica_features(ctx, table_ref, NULL, write_attr);
	ddbgt__tfjson_object_end(w);
	write_outputs(ctx);
}
