/*
 * Internal: the emit context and the writers both Terraform targets share
 * (all in lib/emit_common.c). The driver (lib/emit.c) and the targets
 * (lib/emit_terraform.c, lib/emit_terraform_legacy.c) include this; the
 * targets' own entry points are in emit_targets.h, for the driver only.
 *
 * An emit is two passes over the model: the target's plan pass decides the
 * document's shape (inline replicas or replica resources, autoscaling
 * resources, the provider version floor) and records every "cannot express"
 * finding; the write pass then writes the document in one go, so that the
 * header can already carry the version constraint and the findings.
 */
#ifndef DDBGT_LIB_EMIT_INTERNAL_H
#define DDBGT_LIB_EMIT_INTERNAL_H

#include <stdint.h>

#include "ddbgt/emit.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"
#include "diag_internal.h"
#include "tfjson.h"

/* Room for any label: a resource name and an index name of 255 each, plus suffixes. */
#define DDBGT__EMIT_LABEL_MAX 640

/* One aws_appautoscaling_target, with its target-tracking policy unless pinned. */
typedef struct ddbgt__emit_scaling {
	size_t replica;  /* index of the region's replica */
	long gsi;        /* index of the GSI, or -1 for the table */
	ddbgt_rw rw;
	int pinned;      /* fixed units: min = max, no policy */
	int64_t min, max;
	double target;
	int64_t cooldown[2];   /* scale in, scale out, seconds; -1: not given */
	int disable_scale_in;  /* DDBGT_INHERIT: not given */
} ddbgt__emit_scaling;

typedef struct ddbgt__emit_ctx {
	const ddbgt_table *t;
	const ddbgt_emit_options *o;
	const char *target_name; /* for the document's comment */
	ddbgt_diags *findings; /* the emitter's own findings, in the order found; NULL for none */
	ddbgt__tfjson w;
	char res[DDBGT__EMIT_LABEL_MAX];
	size_t nrep;
	size_t primary;        /* index of the primary replica */
	size_t stack;          /* CloudFormation: the replica of the stack's region (primary but
	                          for a companion template, options stack_region) */
	/* Per replica: its region as an identifier ("eu_west_1"), its provider
	 * reference ("aws.eu_west_1"; NULL for the home region), its region as
	 * a key quoted for ddbgt__tfjson_key_quoted ("\"eu-west-1\": ", with its
	 * length) and the replica itself (ddbgt__emit_replica, read on every
	 * setting). One allocation, at region_key. */
	const char **alias;
	const char **provider;
	const ddbgt_replica **replica;
	struct ddbgt__emit_key {
		const char *quoted;
		size_t len;
	} *region_key;
	size_t ngsi;
	char **gsi_label;      /* per GSI: its name made an identifier, unique; NULL until used */
	ddbgt__emit_scaling *scaling;
	size_t nscaling, capscaling;
	/* The provider version floor and the feature that sets it. */
	int floor_major, floor_minor;
	const char *floor_feature;
	int imports;           /* write import blocks (adopt_existing) */
	int replica_resources; /* terraform: aws_dynamodb_table_replica, not inline blocks */
	int status;            /* first error of a helper (DDBGT_ENOMEM, DDBGT_EINVAL) */
	/* The CloudFormation target: policy texts go into this Fn::Sub text, not into w. */
	struct ddbgt__sub_text *sub;
} ddbgt__emit_ctx;

/* A read or write capacity setting as one region sees it. */
typedef struct ddbgt__emit_capacity {
	enum { EMIT_CAP_NONE, EMIT_CAP_UNITS, EMIT_CAP_AUTOSCALING } kind;
	int has_units; /* units is set (for autoscaling: the initial capacity) */
	int64_t units;
	int64_t min, max;
	double target;
	int64_t cooldown[2];   /* scale in, scale out; -1: not given */
	int disable_scale_in;  /* DDBGT_INHERIT: not given */
} ddbgt__emit_capacity;

/* Read or write capacity in a region (replica NULL: the table's own), of the table (gsi NULL) or a GSI. */
void ddbgt__emit_capacity_of(const ddbgt__emit_ctx *ctx, const ddbgt_replica *replica,
                             const ddbgt_gsi *gsi, ddbgt_rw rw, ddbgt__emit_capacity *out);

/* A finding of the emitter, with the severity the table's policy gives its code. */
void ddbgt__emit_finding(ddbgt__emit_ctx *ctx, ddbgt_code code, const char *path,
                         const char *region, const char *fmt, ...) DDBGT__PRINTF(5, 6);
/* Raise the provider version floor to major.minor for feature. */
void ddbgt__emit_need(ddbgt__emit_ctx *ctx, int major, int minor, const char *feature);

/*
 * A label or reference from a format of "%s" conversions only (printf-checked),
 * into a buffer of DDBGT__EMIT_LABEL_MAX; one that does not fit fails the emit.
 */
void ddbgt__emit_label(ddbgt__emit_ctx *ctx, char *buf, const char *fmt, ...)
	DDBGT__PRINTF(3, 4);
/* A Terraform identifier from a name: [A-Za-z0-9_] kept, all else '_', no leading digit. */
void ddbgt__emit_identifier(char *buf, size_t size, const char *name);
/*
 * The label of a GSI (ddbgt__emit_label's part for its resources); "" when
 * the labels cannot be made, which fails the emit with DDBGT_ENOMEM.
 */
const char *ddbgt__emit_gsi_label(ddbgt__emit_ctx *ctx, size_t gsi);
void ddbgt__emit_free_gsi_labels(ddbgt__emit_ctx *ctx);
/* Write "provider": ... for a non-home region. */
void ddbgt__emit_provider_kv(ddbgt__emit_ctx *ctx, size_t replica);
/* The i-th replica of the table, or NULL past the last. */
static inline const ddbgt_replica *ddbgt__emit_replica(const ddbgt__emit_ctx *ctx, size_t i)
{
	return i < ctx->nrep ? ctx->replica[i] : NULL;
}

/* The document's "//" comment, "terraform" block and "provider" block. */
void ddbgt__emit_write_header(ddbgt__emit_ctx *ctx);
/* "data": aws_kms_key lookups; extra writes more data sources of the target (may be NULL). */
void ddbgt__emit_write_data(ddbgt__emit_ctx *ctx, int (*extra)(ddbgt__emit_ctx *ctx, int write));
/* The kms_key_arn value of a replica: the ARN, or the data source's arn. */
void ddbgt__emit_write_kms_value(ddbgt__emit_ctx *ctx, size_t replica);
/* "tags": the table's tags merged with the replica's (replica wins); nothing when empty. */
void ddbgt__emit_write_tags(ddbgt__emit_ctx *ctx, const ddbgt_replica *replica);
size_t ddbgt__emit_merged_tag_count(const ddbgt__emit_ctx *ctx, const ddbgt_replica *replica);
/*
 * Call each for the table's attribute definitions: the table's keys first,
 * then the declared attributes, then the elements of index keys that carry
 * their own type, each name once.
 */
typedef void (*ddbgt__emit_attribute_fn)(ddbgt__emit_ctx *ctx, const char *name,
                                         ddbgt_attr_type type);
void ddbgt__emit_each_attribute(ddbgt__emit_ctx *ctx, ddbgt__emit_attribute_fn each);
/*
 * Call each (may be NULL) for every tag of the table merged with the
 * replica's (replica NULL: the table's alone), sorted by key, the replica's
 * value winning; returns the count.
 */
typedef void (*ddbgt__emit_tag_fn)(ddbgt__emit_ctx *ctx, const char *key, const char *value);
size_t ddbgt__emit_each_tag(ddbgt__emit_ctx *ctx, const ddbgt_replica *replica,
                            ddbgt__emit_tag_fn each);
/*
 * A target's reference for a region, written into buf (DDBGT__EMIT_LABEL_MAX):
 * the region's table ("aws_dynamodb_table.t"), or what its resources wait for
 * (NULL for nothing).
 */
typedef const char *(*ddbgt__emit_ref_fn)(ddbgt__emit_ctx *ctx, size_t replica, char *buf);
/* "aws_appautoscaling_target" and "aws_appautoscaling_policy" for the queued scaling. */
void ddbgt__emit_write_scaling(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                               ddbgt__emit_ref_fn depends);
/*
 * The table resource's arguments from "name" to "point_in_time_recovery", as
 * the region of replica sees them; force_stream writes NEW_AND_OLD_IMAGES
 * whatever the model says (legacy tables need it).
 */
void ddbgt__emit_write_table_head(ddbgt__emit_ctx *ctx, size_t replica, int force_stream);
/* "lifecycle": ignore what autoscaling moves, and the replica set when replicas are resources. */
void ddbgt__emit_write_lifecycle(ddbgt__emit_ctx *ctx, size_t replica, int ignore_replica);
/* 1 when a replica's effective PITR period must be written (set, and not AWS's 35 days). */
int ddbgt__emit_pitr_period_differs(const ddbgt__emit_ctx *ctx, size_t replica, int64_t *days);
/*
 * Queue the autoscaling of a PROVISIONED table: write autoscaling in the home
 * region (every region with writes_everywhere, for legacy tables, whose
 * regions are separate tables), read autoscaling per region, and pinned read
 * units for a region whose units differ from the home region's.
 */
void ddbgt__emit_plan_scaling(ddbgt__emit_ctx *ctx, int writes_everywhere);
/* One "import" block. */
void ddbgt__emit_write_import(ddbgt__emit_ctx *ctx, const char *to, size_t replica, const char *id);

/* The replica index of the r-th region in document order: the home region first. */
size_t ddbgt__emit_region_at(const ddbgt__emit_ctx *ctx, size_t r);
/* adopt_existing: import blocks, or the finding not_imported when the options turn them off. */
void ddbgt__emit_plan_adopt(ddbgt__emit_ctx *ctx, const char *not_imported);
/*
 * Raise the floor for on_demand_throughput and warm_throughput when the table
 * or a GSI sets them, and for a contributor insights mode; say that replicas'
 * own on-demand read maximums are lost.
 */
void ddbgt__emit_plan_on_demand(ddbgt__emit_ctx *ctx);
/*
 * An output "name": {"value": value}; an expression of ours as is, else
 * text escaped. The name is a literal quoted as DDBGT__TFJSON_NAME quotes it.
 */
#define DDBGT__EMIT_OUTPUT(ctx, literal, value, expression)                              \
	ddbgt__emit_write_output((ctx), "\"" literal "\": ", sizeof(literal) + 3, (value), \
	                         (expression))
void ddbgt__emit_write_output(ddbgt__emit_ctx *ctx, const char *quoted, size_t n,
                              const char *value, int expression);
/* Write the value of attribute attr ("arn", "stream_arn") of a region's table. */
typedef void (*ddbgt__emit_attr_fn)(ddbgt__emit_ctx *ctx, size_t replica, const char *attr);
/*
 * "aws_dynamodb_contributor_insights", "aws_dynamodb_kinesis_streaming_destination"
 * and "aws_dynamodb_resource_policy" per region whose replica asks for them;
 * attr writes the ARNs the policies are attached to.
 */
void ddbgt__emit_write_replica_features(ddbgt__emit_ctx *ctx, ddbgt__emit_ref_fn table_ref,
                                        ddbgt__emit_ref_fn depends, ddbgt__emit_attr_fn attr);
/*
 * The outputs "table_arns", "stream_arns" and "regions", keyed by region in
 * document order; own_class 0 gives every region the home region's class.
 */
void ddbgt__emit_write_region_maps(ddbgt__emit_ctx *ctx, ddbgt__emit_attr_fn write_attr,
                                   int own_class);

/*
 * A string composed for CloudFormation's Fn::Sub, on the heap (a table's
 * name has no length limit here). Our own text may hold ${Variable}
 * references; user text goes through ddbgt__sub_user, which escapes every
 * "${" as "${!" so that Fn::Sub substitutes nothing in it. A failed
 * allocation sets ctx->status.
 */
typedef struct ddbgt__sub_text {
	char *buf;
	size_t len, cap;
} ddbgt__sub_text;
void ddbgt__sub_literal(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s, const char *p);
void ddbgt__sub_user(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s, const char *p);
/*
 * {"Fn::Sub": text} into ctx->w.json, and the text freed. User text in it is
 * valid UTF-8 (the model's setters refuse other text); were it not, the
 * table's name is the string the driver's diagnostic names.
 */
void ddbgt__sub_write(ddbgt__emit_ctx *ctx, ddbgt__sub_text *s);
void ddbgt__sub_clear(ddbgt__sub_text *s);

#endif
