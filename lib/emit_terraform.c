/*
 * Target "terraform": a version 2019.11.21 global table for the hashicorp/aws
 * provider. The table is declared in its home region with the replicas as
 * inline replica blocks, or, when a replica needs what those blocks cannot
 * carry, as aws_dynamodb_table_replica resources (never both for one table).
 * The mapping of every setting, with its sources, is doc/terraform.md.
 */
#include <stdio.h>
#include <string.h>

#include "emit_targets.h"

static int strong(const ddbgt__emit_ctx *ctx)
{
	return ddbgt_table_consistency(ctx->t) == DDBGT_CONSISTENCY_STRONG;
}

static ddbgt_table_class class_of(const ddbgt__emit_ctx *ctx, size_t i)
{
	return ddbgt_replica_effective_table_class(ddbgt__emit_replica(ctx, i));
}

/* Decide inline replica blocks or replica resources; report what neither can say. */
static void plan_replicas(ddbgt__emit_ctx *ctx)
{
	if (ctx->nrep < 2)
		return;
	int provisioned = ddbgt_table_billing_mode(ctx->t) == DDBGT_BILLING_PROVISIONED;
	int need_class = 0, need_tags = 0;
	for (size_t i = 0; i < ctx->nrep; i++) {
		need_class |= i != ctx->primary && class_of(ctx, i) != class_of(ctx, ctx->primary);
		need_tags |= ddbgt_replica_tag_count(ddbgt__emit_replica(ctx, i)) > 0;
	}
	if (!need_class && !need_tags && !provisioned)
		return;
	if (!strong(ctx)) {
		/*
		 * Replica blocks have no table class and no tags of their own, and are
		 * created together with a PROVISIONED table, before its write
		 * autoscaling exists, which AWS refuses (terraform-provider-aws #13097).
		 */
		ctx->replica_resources = 1;
		return;
	}
	/* aws_dynamodb_table_replica has no consistency_mode: a STRONG table keeps its blocks. */
	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		char path[64];
		if (i != ctx->primary && class_of(ctx, i) != class_of(ctx, ctx->primary)) {
			snprintf(path, sizeof path, "/replicas/%zu/table_class", i);
			ddbgt__emit_finding(ctx, DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS, path,
			                    ddbgt_replica_region(r),
			                    "table class %s of the replica in %s cannot be expressed for a "
			                    "STRONG table (replica blocks carry no class): it gets the "
			                    "home region's %s",
			                    ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, class_of(ctx, i)),
			                    ddbgt_replica_region(r),
			                    ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS,
			                                    class_of(ctx, ctx->primary)));
		}
		if (ddbgt_replica_tag_count(r) > 0) {
			snprintf(path, sizeof path, "/replicas/%zu/tags", i);
			ddbgt__emit_finding(ctx, DDBGT_W_EMIT_STRONG_REPLICA_SETTINGS, path,
			                    ddbgt_replica_region(r),
			                    i == ctx->primary
			                        ? "the tags of the home replica in %s go on the table, and "
			                          "propagate_tags copies them to every replica of a STRONG "
			                          "table"
			                        : "the tags of the replica in %s cannot be expressed for a "
			                          "STRONG table (replica blocks carry no tags): it gets the "
			                          "table's tags",
			                    ddbgt_replica_region(r));
		}
	}
	if (provisioned)
		ddbgt__emit_finding(ctx, DDBGT_W_EMIT_STRONG_PROVISIONED_ORDER, "/table/billing_mode",
		                    NULL,
		                    "the replicas of this STRONG PROVISIONED table are created with the "
		                    "table, before its write autoscaling: if AWS refuses them, apply "
		                    "once without the replica blocks, then with them");
}

int ddbgt__emit_terraform_plan(ddbgt__emit_ctx *ctx)
{
	const ddbgt_table *t = ctx->t;
	ddbgt__emit_plan_adopt(ctx, "the table exists already (adopt_existing) but import blocks "
	                             "were turned off: import it before applying, or Terraform will "
	                             "try to create it");
	plan_replicas(ctx);

	ddbgt__emit_plan_on_demand(ctx);

	for (size_t i = 0; i < ctx->nrep; i++) {
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		int64_t days;
		if (ddbgt__emit_pitr_period_differs(ctx, i, &days)) {
			if (i == ctx->primary) {
				/* PR #41484 added it (Feb 2025); 5.100.0 is the release this library checked. */
				ddbgt__emit_need(ctx, 5, 100, "point_in_time_recovery.recovery_period_in_days");
			} else {
				char path[64];
				snprintf(path, sizeof path, "/replicas/%zu/point_in_time_recovery", i);
				ddbgt__emit_finding(ctx, DDBGT_W_EMIT_REPLICA_PITR_PERIOD, path,
				                    ddbgt_replica_region(r),
				                    "the %lld-day recovery period of the replica in %s cannot "
				                    "be expressed (Terraform sets only PITR on or off for a "
				                    "replica): it keeps AWS's 35 days",
				                    (long long)days, ddbgt_replica_region(r));
			}
		}
		if (i != ctx->primary && ddbgt_replica_effective_deletion_protection(r) == 1) {
			if (ctx->replica_resources)
				ddbgt__emit_need(ctx, 5, 80,
				                 "aws_dynamodb_table_replica.deletion_protection_enabled");
			else
				ddbgt__emit_need(ctx, 6, 9, "replica.deletion_protection_enabled");
		}
	}
	if (strong(ctx) && ctx->nrep >= 2)
		ddbgt__emit_need(ctx, 6, 3, "replica.consistency_mode");
	if (strong(ctx) && ddbgt_table_witness_region(t))
		ddbgt__emit_need(ctx, 6, 22, "global_table_witness");

	ddbgt__emit_plan_scaling(ctx, 0);
	return DDBGT_OK;
}

/* ---- writing ---- */

static const char *table_ref(ddbgt__emit_ctx *ctx, size_t replica, char *buf)
{
	(void)replica;
	ddbgt__emit_label(ctx, buf, "aws_dynamodb_table.%s", ctx->res);
	return buf;
}

static const char *replica_label(ddbgt__emit_ctx *ctx, size_t replica, char *buf)
{
	ddbgt__emit_label(ctx, buf, "%s_%s", ctx->res, ctx->alias[replica]);
	return buf;
}

/* Resources of a replica region wait for the replica when it is a resource of its own. */
static const char *replica_dependency(ddbgt__emit_ctx *ctx, size_t replica, char *buf)
{
	if (!ctx->replica_resources || replica == ctx->primary)
		return NULL;
	char label[DDBGT__EMIT_LABEL_MAX];
	ddbgt__emit_label(ctx, buf, "aws_dynamodb_table_replica.%s",
	                  replica_label(ctx, replica, label));
	return buf;
}

/* The data sources that give a replica resource's stream ARN (the resource exports none). */
static int stream_lookups(ddbgt__emit_ctx *ctx, int write)
{
	if (!ctx->replica_resources)
		return 0;
	if (!write)
		return 1;
	ddbgt__tfjson *w = &ctx->w;
	char label[DDBGT__EMIT_LABEL_MAX], ref[DDBGT__EMIT_LABEL_MAX];
	DDBGT__TFJSON_OBJECT(w, "aws_dynamodb_table");
	for (size_t i = 0; i < ctx->nrep; i++) {
		if (i == ctx->primary)
			continue;
		ddbgt__tfjson_key(w, replica_label(ctx, i, label));
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, i);
		DDBGT__TFJSON_ARRAY(w, "depends_on");
		ddbgt__tfjson_literal(w, replica_dependency(ctx, i, ref));
		ddbgt__tfjson_array_end(w);
		ddbgt__emit_label(ctx, ref, "${aws_dynamodb_table.%s.name}", ctx->res);
		DDBGT__TFJSON_KV_LITERAL(w, "name", ref);
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_object_end(w);
	return 1;
}

static void write_imports(ddbgt__emit_ctx *ctx)
{
	if (!ctx->imports)
		return;
	ddbgt__tfjson *w = &ctx->w;
	char to[DDBGT__EMIT_LABEL_MAX], label[DDBGT__EMIT_LABEL_MAX], id[600];
	DDBGT__TFJSON_ARRAY(w, "import");
	ddbgt__emit_write_import(ctx, table_ref(ctx, ctx->primary, to), ctx->primary,
	                         ddbgt_table_name(ctx->t));
	if (ctx->replica_resources) {
		/* A replica resource's import ID is "<table name>:<home region>". */
		snprintf(id, sizeof id, "%s:%s", ddbgt_table_name(ctx->t),
		         ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->primary)));
		for (size_t i = 0; i < ctx->nrep; i++) {
			if (i == ctx->primary)
				continue;
			ddbgt__emit_label(ctx, to, "aws_dynamodb_table_replica.%s",
			                  replica_label(ctx, i, label));
			ddbgt__emit_write_import(ctx, to, i, id);
		}
	}
	ddbgt__tfjson_array_end(w);
}

/* A replica's kms_key_arn (customer managed keys only) and point_in_time_recovery. */
static void write_replica_kms_pitr(ddbgt__emit_ctx *ctx, size_t i)
{
	const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
	if (ddbgt_table_encryption(ctx->t) == DDBGT_ENCRYPTION_CUSTOMER_MANAGED &&
	    ddbgt_replica_kms_key(r)) {
		DDBGT__TFJSON_NAME(&ctx->w, "kms_key_arn");
		ddbgt__emit_write_kms_value(ctx, i);
	}
	DDBGT__TFJSON_KV_BOOL(&ctx->w, "point_in_time_recovery", ddbgt_replica_effective_pitr(r) == 1);
}

static void write_inline_replicas(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	if (ctx->replica_resources || ctx->nrep < 2)
		return;
	/* The provider's default tags are in the table's tags_all, which propagation copies too. */
	int propagate = ddbgt__emit_merged_tag_count(ctx, ddbgt__emit_replica(ctx, ctx->primary)) > 0 ||
	                ctx->o->default_tag_count > 0;
	DDBGT__TFJSON_ARRAY(w, "replica");
	for (size_t i = 0; i < ctx->nrep; i++) {
		if (i == ctx->primary)
			continue;
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		ddbgt__tfjson_object_begin(w);
		DDBGT__TFJSON_KV_TEXT(w, "region_name", ddbgt_replica_region(r));
		write_replica_kms_pitr(ctx, i);
		/* Replica blocks have no tags: the table's are copied to them. */
		if (propagate)
			DDBGT__TFJSON_KV_BOOL(w, "propagate_tags", 1);
		if (ddbgt_replica_effective_deletion_protection(r) == 1)
			DDBGT__TFJSON_KV_BOOL(w, "deletion_protection_enabled", 1);
		if (strong(ctx))
			DDBGT__TFJSON_KV_LITERAL(w, "consistency_mode", "STRONG");
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__tfjson_array_end(w);
}

static void write_table(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	DDBGT__TFJSON_OBJECT(w, "aws_dynamodb_table");
	ddbgt__tfjson_key(w, ctx->res);
	ddbgt__tfjson_object_begin(w);
	ddbgt__emit_write_table_head(ctx, ctx->primary, 0);
	write_inline_replicas(ctx);
	if (strong(ctx) && ddbgt_table_witness_region(ctx->t)) {
		DDBGT__TFJSON_OBJECT(w, "global_table_witness");
		DDBGT__TFJSON_KV_TEXT(w, "region_name", ddbgt_table_witness_region(ctx->t));
		ddbgt__tfjson_object_end(w);
	}
	ddbgt__emit_write_tags(ctx, ddbgt__emit_replica(ctx, ctx->primary));
	ddbgt__emit_write_lifecycle(ctx, ctx->primary, ctx->replica_resources);
	ddbgt__tfjson_object_end(w);
	ddbgt__tfjson_object_end(w);
}

static void write_replica_resources(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	if (!ctx->replica_resources)
		return;
	char label[DDBGT__EMIT_LABEL_MAX], ref[DDBGT__EMIT_LABEL_MAX];
	DDBGT__TFJSON_OBJECT(w, "aws_dynamodb_table_replica");
	long previous = -1;
	for (size_t i = 0; i < ctx->nrep; i++) {
		if (i == ctx->primary)
			continue;
		const ddbgt_replica *r = ddbgt__emit_replica(ctx, i);
		ddbgt__tfjson_key(w, replica_label(ctx, i, label));
		ddbgt__tfjson_object_begin(w);
		ddbgt__emit_provider_kv(ctx, i);
		/*
		 * After the write autoscaling of a PROVISIONED table (AWS refuses a
		 * replica before it), and one replica at a time, as UpdateTable takes
		 * one replica creation per call.
		 */
		size_t deps = previous >= 0;
		for (size_t s = 0; s < ctx->nscaling; s++)
			deps += ctx->scaling[s].rw == DDBGT_WRITE;
		if (deps) {
			DDBGT__TFJSON_ARRAY(w, "depends_on");
			for (size_t s = 0; s < ctx->nscaling; s++) {
				const ddbgt__emit_scaling *sc = &ctx->scaling[s];
				if (sc->rw != DDBGT_WRITE)
					continue;
				if (sc->gsi < 0)
					ddbgt__emit_label(ctx, ref, "aws_appautoscaling_policy.%s_write", ctx->res);
				else
					ddbgt__emit_label(
						ctx, ref, "aws_appautoscaling_policy.%s_%s_write", ctx->res,
						ddbgt__emit_gsi_label(ctx, (size_t)sc->gsi));
				ddbgt__tfjson_literal(w, ref);
			}
			if (previous >= 0)
				ddbgt__tfjson_literal(w, replica_dependency(ctx, (size_t)previous, ref));
			ddbgt__tfjson_array_end(w);
		}
		ddbgt__emit_label(ctx, ref, "${aws_dynamodb_table.%s.arn}", ctx->res);
		DDBGT__TFJSON_KV_LITERAL(w, "global_table_arn", ref);
		write_replica_kms_pitr(ctx, i);
		if (class_of(ctx, i) != class_of(ctx, ctx->primary))
			DDBGT__TFJSON_KV_LITERAL(w, "table_class_override",
			                         ddbgt_enum_name(DDBGT_ENUM_TABLE_CLASS, class_of(ctx, i)));
		if (ddbgt_replica_effective_deletion_protection(r) == 1)
			DDBGT__TFJSON_KV_BOOL(w, "deletion_protection_enabled", 1);
		ddbgt__emit_write_tags(ctx, r);
		ddbgt__tfjson_object_end(w);
		previous = (long)i;
	}
	ddbgt__tfjson_object_end(w);
}

/* The length of a replica's region code, and of its alias (the same code with '_' for '-'). */
static size_t region_len(const ddbgt__emit_ctx *ctx, size_t i)
{
	return ctx->region_key[i].len - sizeof("\"\": ") + 1;
}

/* The ARN or stream ARN of a region's table, written as an expression. */
static void write_region_attr(ddbgt__emit_ctx *ctx, size_t i, const char *attr)
{
	/*
	 * The label is an identifier, attr one of ours, region codes [a-z0-9-]
	 * (checked before emitting): all plain, copied without an escape scan.
	 */
	const ddbgt__tfjson_piece res = {ctx->res, strlen(ctx->res), 1},
	                          at = {attr, strlen(attr), 1};
	if (i == ctx->primary) {
		const ddbgt__tfjson_piece ref[] = {DDBGT__TFJSON_PLAIN("${aws_dynamodb_table."), res,
		                                   DDBGT__TFJSON_PLAIN("."), at,
		                                   DDBGT__TFJSON_PLAIN("}")};
		ddbgt__tfjson_literal_pieces(&ctx->w, ref, sizeof ref / sizeof *ref);
	} else if (!ctx->replica_resources) {
		/* Safe inside the expression's quotes too, which are written escaped for JSON. */
		const ddbgt__tfjson_piece ref[] = {
			DDBGT__TFJSON_PLAIN("${one([for r in aws_dynamodb_table."), res,
			DDBGT__TFJSON_PLAIN(".replica : r."), at,
			DDBGT__TFJSON_PLAIN(" if r.region_name == \\\""),
			{ddbgt_replica_region(ddbgt__emit_replica(ctx, i)), region_len(ctx, i), 1},
			DDBGT__TFJSON_PLAIN("\\\"])}")};
		ddbgt__tfjson_literal_pieces(&ctx->w, ref, sizeof ref / sizeof *ref);
	} else {
		const ddbgt__tfjson_piece source = DDBGT__TFJSON_PLAIN("${aws_dynamodb_table_replica."),
		                          data = DDBGT__TFJSON_PLAIN("${data.aws_dynamodb_table."),
		                          ref[] = {strcmp(attr, "arn") == 0 ? source : data, res,
		                                   DDBGT__TFJSON_PLAIN("_"),
		                                   {ctx->alias[i], region_len(ctx, i), 1},
		                                   DDBGT__TFJSON_PLAIN("."), at,
		                                   DDBGT__TFJSON_PLAIN("}")};
		ddbgt__tfjson_literal_pieces(&ctx->w, ref, sizeof ref / sizeof *ref);
	}
}

static void write_outputs(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	char ref[DDBGT__EMIT_LABEL_MAX];
	DDBGT__TFJSON_OBJECT(w, "output");
	ddbgt__emit_label(ctx, ref, "${aws_dynamodb_table.%s.name}", ctx->res);
	DDBGT__EMIT_OUTPUT(ctx, "table_name", ref, 1);
	DDBGT__EMIT_OUTPUT(ctx, "primary_region",
	                   ddbgt_replica_region(ddbgt__emit_replica(ctx, ctx->primary)), 0);
	if (strong(ctx) && ddbgt_table_witness_region(ctx->t))
		DDBGT__EMIT_OUTPUT(ctx, "witness_region", ddbgt_table_witness_region(ctx->t), 0);
	/* Inline replicas all have the home region's class. */
	ddbgt__emit_write_region_maps(ctx, write_region_attr, ctx->replica_resources);
	ddbgt__emit_write_operations_outputs(ctx);
	ddbgt__tfjson_object_end(w);
}

void ddbgt__emit_terraform_write(ddbgt__emit_ctx *ctx)
{
	ddbgt__tfjson *w = &ctx->w;
	ddbgt__emit_write_header(ctx);
	write_imports(ctx);
	ddbgt__emit_write_data(ctx, stream_lookups);
	DDBGT__TFJSON_OBJECT(w, "resource");
	write_table(ctx);
	write_replica_resources(ctx);
	ddbgt__emit_write_scaling(ctx, table_ref, replica_dependency);
	ddbgt__emit_write_replica_features(ctx, table_ref, replica_dependency, write_region_attr);
	ddbgt__emit_write_operations(ctx);
	ddbgt__tfjson_object_end(w);
	write_outputs(ctx);
}
