/*
 * Internal: the small writers of the CloudFormation target, shared by the
 * template (lib/emit_cloudformation.c) and its operations resources
 * (lib/emit_cfn_operations.c). The template is written as JSON into
 * ctx->w.json; the driver renders YAML from it.
 */
#ifndef DDBGT_LIB_EMIT_CFN_H
#define DDBGT_LIB_EMIT_CFN_H

#include <stdio.h>
#include <string.h>

#include "emit_targets.h"

static inline jw *out(ddbgt__emit_ctx *ctx)
{
	return &ctx->w.json;
}

/* A string value; the first one that is not UTF-8 is kept for the driver's diagnostic. */
static inline void str(ddbgt__emit_ctx *ctx, const char *s)
{
	if (ddbgt__jw_string(out(ctx), s) && !ctx->w.bad_string)
		ctx->w.bad_string = s;
}

/*
 * Keys written in the source are quoted at compile time and copied, in one
 * writer call with their value where they can (see DDBGT__TFJSON_NAME):
 * string literals of nothing JSON escapes. CFN_KEY(ctx, "Value") is the
 * key alone; the functions below take keys known only at run time.
 */
#define CFN_QUOTED(literal) "\"" literal "\": ", sizeof(literal) + 3
#define CFN_KEY(ctx, literal) ddbgt__jw_key_quoted(out(ctx), CFN_QUOTED(literal))
#define CFN_KV_STR(ctx, literal, s) kv_str_quoted((ctx), CFN_QUOTED(literal), (s))
#define CFN_KV_INT(ctx, literal, v) (CFN_KEY(ctx, literal), ddbgt__jw_int(out(ctx), (v)))
#define CFN_KV_BOOL(ctx, literal, v) (CFN_KEY(ctx, literal), ddbgt__jw_bool(out(ctx), (v)))
#define CFN_OBJECT(ctx, literal) ddbgt__jw_key_quoted_open(out(ctx), CFN_QUOTED(literal), '{')
#define CFN_ARRAY(ctx, literal) ddbgt__jw_key_quoted_open(out(ctx), CFN_QUOTED(literal), '[')

/* The pair of CFN_KV_STR; NULL s is written "", as str() writes it. */
static inline void kv_str_quoted(ddbgt__emit_ctx *ctx, const char *quoted, size_t n, const char *s)
{
	if (!s)
		s = "";
	if (ddbgt__jw_kv_quoted_string(out(ctx), quoted, n, s) && !ctx->w.bad_string)
		ctx->w.bad_string = s;
}

static inline void kv_int(ddbgt__emit_ctx *ctx, const char *key, int64_t v)
{
	ddbgt__jw_key(out(ctx), key);
	ddbgt__jw_int(out(ctx), v);
}

static inline void open_object(ddbgt__emit_ctx *ctx, const char *key)
{
	ddbgt__jw_key(out(ctx), key);
	ddbgt__jw_object_begin(out(ctx));
}

static inline void open_array(ddbgt__emit_ctx *ctx, const char *key)
{
	ddbgt__jw_key(out(ctx), key);
	ddbgt__jw_array_begin(out(ctx));
}

/*
 * "UsEast1" from "us-east-1", "ByCustomer" from "by_customer": a name as
 * part of a logical ID ([A-Za-z0-9]), every other character a word break.
 */
static inline void camel_id(char *buf, size_t size, const char *name)
{
	size_t n = 0;
	int upper = 1;
	for (const char *p = name; *p && n + 1 < size; p++) {
		int alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		            (*p >= '0' && *p <= '9');
		if (!alnum) {
			upper = 1;
			continue;
		}
		buf[n++] = (char)(upper && *p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		upper = 0;
	}
	buf[n] = '\0';
}

/* The operations resources (lib/emit_cfn_operations.c): findings, Rules, resources, outputs. */
void ddbgt__emit_cfn_operations_plan(ddbgt__emit_ctx *ctx);
void ddbgt__emit_cfn_operations_rules(ddbgt__emit_ctx *ctx);
void ddbgt__emit_cfn_operations_resources(ddbgt__emit_ctx *ctx);
void ddbgt__emit_cfn_operations_outputs(ddbgt__emit_ctx *ctx);

#endif
