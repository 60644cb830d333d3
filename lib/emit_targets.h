/*
 * Internal: the entry points of the targets, called by the driver
 * (lib/emit.c) only. Each target plans (findings, provider floor, the
 * document's shape), then writes into ctx->w with the shared writers of
 * emit_internal.h.
 */
#ifndef DDBGT_LIB_EMIT_TARGETS_H
#define DDBGT_LIB_EMIT_TARGETS_H

#include "emit_internal.h"

int ddbgt__emit_terraform_plan(ddbgt__emit_ctx *ctx);
void ddbgt__emit_terraform_write(ddbgt__emit_ctx *ctx);
int ddbgt__emit_terraform_legacy_plan(ddbgt__emit_ctx *ctx);
void ddbgt__emit_terraform_legacy_write(ddbgt__emit_ctx *ctx);
/* The operations object (lib/emit_operations.c): anything asked, resources, IAM outputs. */
int ddbgt__emit_operations_wanted(const ddbgt__emit_ctx *ctx);
void ddbgt__emit_write_operations(ddbgt__emit_ctx *ctx);
void ddbgt__emit_write_operations_outputs(ddbgt__emit_ctx *ctx);
int ddbgt__emit_cloudformation_plan(ddbgt__emit_ctx *ctx);
/* Writes the template as JSON into ctx->w.json; the driver renders YAML from it. */
void ddbgt__emit_cloudformation_write(ddbgt__emit_ctx *ctx);

#endif
