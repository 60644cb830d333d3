/*
 * Internal: what the importers share. lib/import.c owns the result object
 * (tables, addresses, findings, the spec-path-to-source map) and the kind
 * detection; each input kind is one file (import_terraform.c,
 * import_cfn.c, import_aws.c) that walks a jr_value tree and fills tables
 * through the public builder API.
 */
#ifndef DDBGT_LIB_IMPORT_INTERNAL_H
#define DDBGT_LIB_IMPORT_INTERNAL_H

#include "diag_internal.h"
#include "jsonread.h"
#include "ddbgt/import.h"
#include "ddbgt/operations.h"

/* Inputs nest no deeper than this (a plan nests about 12 levels). */
#define DDBGT__IMPORT_MAX_DEPTH 64

/* One imported table being built. */
typedef struct ddbgt__itable ddbgt__itable;

/*
 * A new table in the import, with its address and the value its resource
 * starts at (for the position). *out is owned by imp. 0 or DDBGT_ENOMEM.
 */
int ddbgt__import_add_table(ddbgt__itable **out, ddbgt_import *imp, const char *address,
                            const jr_value *at);
ddbgt_table *ddbgt__itable_table(ddbgt__itable *t);
const char *ddbgt__itable_address(const ddbgt__itable *t);
/* Drop the last table added (one that turned out not to be a table after all). */
void ddbgt__import_drop_last(ddbgt_import *imp);
size_t ddbgt__import_count(const ddbgt_import *imp);
ddbgt__itable *ddbgt__import_itable(ddbgt_import *imp, size_t i);

/* Record that the value at spec_path came from v (its line and column). 0 or DDBGT_ENOMEM. */
int ddbgt__itable_note(ddbgt__itable *t, const char *spec_path, const jr_value *v);

/*
 * A finding about table t (t NULL: about the input) at the source value at,
 * with the path of that value inside the resource or document.
 */
int ddbgt__import_findf(ddbgt_import *imp, ddbgt__itable *t, ddbgt_code code, const char *path,
                        const jr_value *at, const char *fmt, ...) DDBGT__PRINTF(6, 7);

/* How a message names the value at path inside a resource: "ttl/0/enabled", or "the resource". */
const char *ddbgt__import_what(const char *path);

/* The importers: each reads root and adds tables and findings to imp. 0 or DDBGT_ENOMEM. */
int ddbgt__import_terraform_plan(ddbgt_import *imp, const jr_value *root);
int ddbgt__import_terraform_json(ddbgt_import *imp, const jr_value *root);
int ddbgt__import_cloudformation(ddbgt_import *imp, const jr_value *root);
int ddbgt__import_describe_table(ddbgt_import *imp, const jr_value *root);

/*
 * A CloudFormation YAML template as a jr_value tree: short-form tags become
 * their long form ({"Ref": x}, {"Fn::GetAtt": [a, b]}), anchors and aliases
 * are refused beyond a budget. DDBGT_ESPEC with *err filled, or DDBGT_ENOMEM.
 */
int ddbgt__yaml_parse(jr_doc **out, const char *text, size_t len, int max_depth, jr_error *err);

/*
 * The reader of plain JSON trees (import_read.c): an importer's state and
 * typed getters. A getter takes the object, the key and the path of the
 * object inside the resource ("/Replicas/0"); it returns the value (NULL,
 * 0 or -1 when absent, unresolved or of the wrong type, the last two
 * reported as findings on t, or on the import when t is NULL).
 */
typedef struct ddbgt__ireader {
	ddbgt_import *imp;
	const jr_value *params; /* CloudFormation Parameters, for Ref; NULL elsewhere */
	const char *address;
	ddbgt__itable *t;
	int status; /* DDBGT_ENOMEM once memory ran out */
	/*
	 * Warm throughput at or below these (read, write) is left implicit:
	 * describe-table reports what every table starts with; 0 elsewhere.
	 */
	int64_t warm_floor[2];
} ddbgt__ireader;

const jr_value *ddbgt__ir_member(const jr_value *obj, const char *key);
size_t ddbgt__ir_count(const jr_value *list);
const jr_value *ddbgt__ir_item(const jr_value *list, size_t i);
/* v itself, a Ref'd parameter's Default, or NULL (reported) for another intrinsic. */
const jr_value *ddbgt__ir_literal(ddbgt__ireader *C, const jr_value *v, const char *path);
const char *ddbgt__ir_str(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                          const jr_value **at);
/*
 * The Key and Value of item i of a Tags list (CloudFormation's and the AWS
 * CLI's [{"Key", "Value"}] form) found at path base; 1 when both are strings.
 */
int ddbgt__ir_tag(ddbgt__ireader *C, const jr_value *tags, size_t i, const char *base,
                  const char **key, const char **value);
/* 1 with *out set; numbers may be given as strings of digits, as CloudFormation allows. */
int ddbgt__ir_int(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                  int64_t *out, const jr_value **at);
int ddbgt__ir_num(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                  double *out);
/* -1 absent, else 0 or 1 ("true"/"false" strings too). */
int ddbgt__ir_bool(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                   const jr_value **at);
/* 1 with *out set to the enumeration value of the spec's spelling. */
int ddbgt__ir_enum(ddbgt__ireader *C, const jr_value *obj, const char *key, const char *base,
                   ddbgt_enum_kind kind, int *out);
void ddbgt__ir_note(ddbgt__ireader *C, const char *spec_path, const jr_value *v);
/* Keep the first DDBGT_ENOMEM of a setter or a finding. */
void ddbgt__ir_set(ddbgt__ireader *C, int rc);
void ddbgt__ir_status(ddbgt__ireader *C, int rc);
void ddbgt__ir_bad(ddbgt__ireader *C, const char *path, const jr_value *v, const char *want);
void ddbgt__ir_not_carried(ddbgt__ireader *C, const char *path, const jr_value *at,
                           const char *what);
/*
 * The DynamoDB API's shapes, which CloudFormation and describe-table share:
 * a KeySchema's HASH and RANGE attribute names; AttributeDefinitions and
 * KeySchema of obj into the table's keys and attributes; a new GSI (name,
 * KeySchema, Projection, WarmThroughput) for the caller to complete and add,
 * NULL when it has no name or memory ran out (several HASH or RANGE entries
 * make a multi-attribute key); every LSI of a list into the table.
 */
void ddbgt__ir_key_schema(ddbgt__ireader *C, const jr_value *ks, const char *base,
                          const char **hash, const char **range);
void ddbgt__ir_keys(ddbgt__ireader *C, const jr_value *obj, const char *base);
ddbgt_gsi *ddbgt__ir_gsi(ddbgt__ireader *C, const jr_value *ix, const char *base);
void ddbgt__ir_lsis(ddbgt__ireader *C, const jr_value *list, const char *base);
/* An autoscaling object as the DynamoDB API's shapes give it, with its target-tracking tuning. */
typedef struct ddbgt__iscale {
	int64_t min, max;
	double target;
	int64_t cooldown_in, cooldown_out; /* -1: not given */
	int no_scale_in;                   /* DDBGT_INHERIT: not given */
	int64_t seed;                      /* CloudFormation's SeedCapacity: the units; 0: not given */
} ddbgt__iscale;

/* 1 when s has tuning to set; 1 when a and b are the same autoscaling. */
int ddbgt__iscale_tuned(const ddbgt__iscale *s);
int ddbgt__iscale_same(const ddbgt__iscale *a, const ddbgt__iscale *b);
/* s with its tuning (and seed, as the units) on one side of the table (gsi NULL) or a GSI. */
void ddbgt__ir_set_scale(ddbgt__ireader *C, ddbgt_gsi *gsi, ddbgt_rw rw, const ddbgt__iscale *s);
/* s with its tuning as the read override of a replica (index NULL) or a replica's GSI. */
void ddbgt__ir_set_replica_scale(ddbgt__ireader *C, ddbgt_replica *rep, const char *index,
                                 const ddbgt__iscale *s);
/* A cooldown in seconds (ScaleInCooldown, ScaleOutCooldown): -1 when absent or refused. */
int64_t ddbgt__ir_cooldown(ddbgt__ireader *C, const jr_value *obj, const char *key,
                           const char *base);
/* WarmThroughput of obj (a table's properties or an index) into the table, or gsi. */
void ddbgt__ir_warm(ddbgt__ireader *C, const jr_value *obj, const char *base, ddbgt_gsi *gsi);

/*
 * The operations object read back (import_operations.c), shared by the
 * Terraform and CloudFormation importers. One alarm as libddbgt writes it:
 * its metric, or for a metric-math alarm (metric NULL) its expression, and
 * the values read, each with a flag.
 */
typedef struct ddbgt__iops_alarm {
	const char *metric, *expression;
	int64_t periods, period;
	double threshold;
	int has_periods, has_period, has_threshold;
} ddbgt__iops_alarm;

/* Which alarm kinds that can be turned off a table's alarms showed. */
typedef struct ddbgt__iops_seen {
	int throttles, errors;
} ddbgt__iops_seen;

/*
 * The alarm's settings into ops, where they differ from the defaults, and
 * alarms on: 0, DDBGT_ENOMEM, 1 (nothing set) when it is no alarm the
 * operations object writes, or 2 when the threshold it takes is not a
 * whole number of at most 9e15 (the rest set, the threshold not).
 */
int ddbgt__iops_alarm_read(ddbgt_operations *ops, ddbgt__iops_seen *seen,
                           const ddbgt__iops_alarm *a);
/* After a table's alarms: the kinds it had none of were off. 0 or DDBGT_ENOMEM. */
int ddbgt__iops_alarm_kinds(ddbgt_operations *ops, const ddbgt__iops_seen *seen);
/*
 * A policy text as libddbgt writes it, with each "${...}" (the account,
 * the partition, the table) read as "0": *out NULL when it is not JSON.
 * 0 or DDBGT_ENOMEM.
 */
int ddbgt__iops_policy_doc(jr_doc **out, const char *text);
/*
 * The regions and indexes an application policy of kind is limited to:
 * those its first statement's Resource ARNs (strings, or {"Fn::Sub": s})
 * name, unless they name every replica's region (and every index). 0 or
 * DDBGT_ENOMEM.
 */
int ddbgt__iops_policy_limits(ddbgt_operations *ops, const ddbgt_table *table,
                              ddbgt_iam_policy kind, const jr_value *doc);
/*
 * The policy kind name[0, len) ends with, as Terraform labels it
 * ("orders_read_write") or, camel set, as a CloudFormation logical ID
 * ("TableReadWrite"), with *prefix the length before it; -1 for none.
 */
int ddbgt__iops_policy_kind(const char *name, size_t len, int camel, size_t *prefix);

/*
 * The operations resources and outputs of a CloudFormation template
 * (import_cfn_operations.c), once its tables are read. 0 or DDBGT_ENOMEM.
 */
int ddbgt__import_cfn_operations(ddbgt_import *imp, const jr_value *root);

#endif
