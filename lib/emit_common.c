/*
 * Internal: what both Terraform targets plan and write the same way (the
 * adoption and on-demand checks, the document's region order and the
 * outputs' shape), declared in emit_internal.h.
 */
#include "emit_internal.h"

size_t ddbgt__emit_region_at(const ddbgt__emit_ctx *ctx, size_t r)
{
	return r == 0 ? ctx->primary : r <= ctx->primary ? r - 1 : r;
}

void ddbgt__emit_plan_adopt(ddbgt__emit_ctx *ctx, const char *not_imported)
{
	if (ddbgt_table_adopt_existing(ctx->t) != 1)
		return;
	if (ctx->o->no_import)
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_ADOPT_NOT_IMPORTED, "/table/adopt_existing", NULL,
		                    "%s", not_imported);
	else
		ctx->imports = 1;
}

/* warm_throughput on the table or a GSI: provider 6.13 (PR #41308, reference/terraform.md 2.5). */
static void plan_warm(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	int64_t units;
	int warm = 0;
	for (int rw = 0; rw < 2; rw++) {
		warm |= ddbgt_table_get_warm_throughput(t, rw, &units) == DDBGT_OK;
		for (size_t g = 0; g < ctx->ngsi; g++)
			warm |= ddbgt_gsi_get_warm_throughput(ddbgt_table_gsi_at(t, g), rw, &units) ==
			        DDBGT_OK;
	}
	if (warm)
		ddbgt__emit_need(ctx, 6, 13, "warm_throughput");
}

/* No provider resource holds a replica's on-demand read maximum (reference/terraform.md). */
static void plan_replica_on_demand(ddbgt__emit_ctx *ctx)
{
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		int64_t units;
		int own = ddbgt_replica_get_on_demand_max_read(r, &units) == DDBGT_OK;
		size_t gsis = 0;
		for (size_t k = 0; k < ddbgt_replica_gsi_override_count(r); k++)
			gsis += ddbgt_replica_get_gsi_on_demand_max_read(
			                r, ddbgt_replica_gsi_override_name(r, k), &units) == DDBGT_OK;
		if (!own && !gsis)
			continue;
		char path[64];
		snprintf(path, sizeof path, "/replicas/%zu", i);
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_REPLICA_ON_DEMAND, path, ddbgt_replica_region(r),
		                    "the on-demand read maximum%s of the replica in %s cannot be "
		                    "expressed (Terraform has no per-replica on_demand_throughput): "
		                    "the replica gets the table's", gsis ? "s" : "",
		                    ddbgt_replica_region(r));
	}
}

void ddbgt__emit_plan_on_demand(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	int64_t units;
	int on_demand = ddbgt_table_billing_mode(t) != DDBGT_BILLING_PROVISIONED &&
	                (ddbgt_table_get_on_demand_max(t, DDBGT_READ, &units) == DDBGT_OK ||
	                 ddbgt_table_get_on_demand_max(t, DDBGT_WRITE, &units) == DDBGT_OK);
	for (size_t g = 0; g < ctx->ngsi && ddbgt_table_billing_mode(t) != DDBGT_BILLING_PROVISIONED;
	     g++) {
		const ddbgt_gsi *gsi = ddbgt_table_gsi_at(t, g);
		on_demand |= ddbgt_gsi_get_on_demand_max(gsi, DDBGT_READ, &units) == DDBGT_OK ||
		             ddbgt_gsi_get_on_demand_max(gsi, DDBGT_WRITE, &units) == DDBGT_OK;
	}
	if (on_demand)
		ddbgt__emit_need(ctx, 5, 72, "on_demand_throughput");
	plan_warm(ctx);
	plan_replica_on_demand(ctx);
}

void ddbgt__emit_write_output(ddbgt__emit_ctx *ctx, const char *name, const char *value,
                              int expression)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_key(w, name);
	ddbgt__tfjson_object_begin(w);
	if (expression)
		ddbgt__tfjson_kv_literal(w, "value", value);
	else
		ddbgt__tfjson_kv_text(w, "value", value);
	ddbgt__tfjson_object_end(w);
}

static void write_region_map(ddbgt__emit_ctx *ctx, const char *output, const char *attr,
                             ddbgt__emit_attr_fn write_attr, int own_class)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__tfjson_key(w, output);
	ddbgt__tfjson_object_begin(w);
	ddbgt__tfjson_key(w, "value");
	ddbgt__tfjson_object_begin(w);
	for (size_t r = 0; r < ctx->nrep; r++) {
		size_t i = ddbgt__emit_region_at(ctx, r);
		const ddbgt_replica *rep = ddbgt__emit_replica(ctx, i);
		ddbgt__tfjson_key_text(w, ddbgt_replica_region(rep));
		if (attr) {
			write_attr(ctx, i, attr);
			continue;
		}
		const ddbgt_replica *cls = own_class ? rep : ddbgt__emit_replica(ctx, ctx->primary);
		ddbgt__tfjson_object_begin(w);
		ddbgt__tfjson_key(w, "arn");
		write_attr(ctx, i, "arn");
		ddbgt__tfjson_key(w, "stream_arn");
		write_attr(ctx, i, "stream_arn");
		ddbgt__tfjson_kv_literal(w, "role", ddbgt_enum_name(DDBGT_ENUM_ROLE,
		                                                    ddbgt_replica_effective_role(rep)));
		ddbgt__tfjson_kv_literal(w, "table_class",
		                         ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
		                                         ddbgt_replica_effective_table_class(cls)));
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_write_region_maps(ddbgt__emit_ctx *ctx, ddbgt__emit_attr_fn write_attr,
                                   int own_class)
{
	write_region_map(ctx, "table_arns", "arn", write_attr, own_class);
	write_region_map(ctx, "stream_arns", "stream_arn", write_attr, own_class);
	write_region_map(ctx, "regions", NULL, write_attr, own_class);
}
