/*
 * Internal: the entry points of the targets, called by the driver
 * (lib/emit.c) only. Each target plans (findings, provider floor, the
 * document's shape), then writes into ctx->w with the shared writers of
 * emit_internal.h.
 */
#ifndef DDBGT_LIB_EMIT_TARGETS_H
#define DDBGT_LIB_EMIT_TARGETS_H

#include "ddbgt/operations.h"
#include "emit_internal.h"
#include "ops_alarms.h"

int ddbgt__emit_terraform_plan(ddbgt__emit_ctx *ctx);
void ddbgt__emit_terraform_write(ddbgt__emit_ctx *ctx);
int ddbgt__emit_terraform_legacy_plan(ddbgt__emit_ctx *ctx);
void ddbgt__emit_terraform_legacy_write(ddbgt__emit_ctx *ctx);
/* The operations object (lib/emit_operations.c): anything asked, resources, IAM outputs. */
int ddbgt__emit_operations_wanted(const ddbgt__emit_ctx *ctx);
void ddbgt__emit_write_operations(ddbgt__emit_ctx *ctx);
void ddbgt__emit_write_operations_outputs(ddbgt__emit_ctx *ctx);

/*
 * What both targets write of the operations object (lib/emit_operations.c):
 * the alarms of a region, the dashboard's body and the policy texts, so that
 * the Terraform and CloudFormation documents say the same.
 */
typedef struct ddbgt__ops_alarm {
	ddbgt__ops_alarm_kind kind;
	size_t replica;          /* the region the alarm lives in */
	size_t receiving;        /* DDBGT__OPS_LATENCY: the receiving region's replica */
	long gsi;                /* the index, or -1 for the table */
	ddbgt_rw rw;             /* throttles and utilisation: which side */
	const char *what;        /* name suffix: "read_throttles", "replication_latency_to_eu_west_1" */
	const char *description;
	const char *metric;      /* the one metric, or NULL for an expression alarm */
	const char *statistic;
	int64_t threshold;
} ddbgt__ops_alarm;

typedef void (*ddbgt__ops_alarm_fn)(ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a, void *arg);
/*
 * Call fn (with arg) for every alarm of the replica's region, in document
 * order: the model's list (lib/ops_alarms.c, which the cost estimator prices
 * too) with each alarm's name suffix, texts, metric and threshold.
 */
void ddbgt__ops_each_alarm(ddbgt__emit_ctx *ctx, size_t replica, ddbgt__ops_alarm_fn fn,
                           void *arg);
/* The index name of an alarm, or NULL for the table's. */
const char *ddbgt__ops_alarm_gsi(const ddbgt__emit_ctx *ctx, const ddbgt__ops_alarm *a);
/* The utilisation alarm's expression over the metrics "consumed" and "provisioned". */
void ddbgt__ops_utilization_expression(const ddbgt__emit_ctx *ctx, char *buf, size_t size);
/* "ConsumedReadCapacityUnits", "ProvisionedWriteCapacityUnits", ... */
const char *ddbgt__ops_capacity_metric(ddbgt_rw rw, int provisioned);
/* The dashboard's body as JSON text, table being the text it names the table by. */
int ddbgt__ops_dashboard_body(ddbgt__emit_ctx *ctx, const char *table, char **body);
/* 1 when the spec asks for any IAM policy document. */
int ddbgt__ops_any_policy(const ddbgt__emit_ctx *ctx);
/*
 * The texts of a policy document, of the gateway endpoint policy of a region
 * and of a region's key policy statements (a JSON array), into ctx->sub when
 * set (Fn::Sub), else into the open Terraform string of ctx->w.
 */
void ddbgt__ops_policy_text(ddbgt__emit_ctx *ctx, ddbgt_iam_policy kind);
void ddbgt__ops_endpoint_policy_text(ddbgt__emit_ctx *ctx, const char *region);
void ddbgt__ops_key_statements_text(ddbgt__emit_ctx *ctx, size_t replica);
/* The replica of a region, or ctx->nrep when none (the validator refuses that). */
size_t ddbgt__ops_replica_of_region(const ddbgt__emit_ctx *ctx, const char *region);
int ddbgt__emit_cloudformation_plan(ddbgt__emit_ctx *ctx);
/* Writes the template as JSON into ctx->w.json; the driver renders YAML from it. */
void ddbgt__emit_cloudformation_write(ddbgt__emit_ctx *ctx);

#endif
