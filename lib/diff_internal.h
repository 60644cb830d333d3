/*
 * Internal: the change list of ddbgt_diff, shared by the comparison
 * (diff.c), the settings it compares (diff_fields.c), the rule catalogue
 * (diff_rules.c), the plan (diff_plan.c) and the accessors and serialisers
 * (diff_report.c).
 */
#ifndef DDBGT_LIB_DIFF_INTERNAL_H
#define DDBGT_LIB_DIFF_INTERNAL_H

#include <stddef.h>

#include "ddbgt/diff.h"
#include "jsonwrite.h"

/*
 * The steps of the plan, in the order they run. Each rule names the kind of
 * step that applies its changes; the plan groups changes of one kind and
 * one object (a GSI, a region) into one step.
 */
typedef enum ddbgt__diff_step {
	DDBGT__STEP_NONE = 0,            /* no AWS call (replacements, refusals, library-only settings) */
	DDBGT__STEP_LEGACY_UPGRADE,      /* version 2017.11.29 to 2019.11.21, before anything else */
	DDBGT__STEP_REPLICA_REMOVE,      /* fewer replicas to carry the later changes */
	DDBGT__STEP_TABLE_THROUGHPUT,    /* billing mode, capacity, on-demand maximums: one call */
	DDBGT__STEP_STREAM,
	DDBGT__STEP_ENCRYPTION,
	DDBGT__STEP_GSI_DELETE,          /* one per UpdateTable */
	DDBGT__STEP_GSI_UPDATE,
	DDBGT__STEP_GSI_CREATE,          /* one per UpdateTable, each backfilled before the next */
	DDBGT__STEP_REPLICA_ADD,         /* one per UpdateTable, alone in its call */
	DDBGT__STEP_REPLICA_SETTINGS,    /* table class and read capacity overrides of one region */
	DDBGT__STEP_AUTOSCALING,
	DDBGT__STEP_TTL,
	DDBGT__STEP_PITR,
	DDBGT__STEP_DELETION_PROTECTION,
	DDBGT__STEP_CONTRIBUTOR_INSIGHTS,
	DDBGT__STEP_TAGS,
	DDBGT__STEP_KINESIS,
	DDBGT__STEP_RESOURCE_POLICY,     /* PutResourcePolicy / DeleteResourcePolicy per region */
	DDBGT__STEP_OPERATIONS           /* the operations resources: never the table */
} ddbgt__diff_step;

/* The rules: one row each in diff_rules.c, in this order. */
typedef enum ddbgt__diff_rule_id {
	DDBGT__RULE_SKIP = -1, /* a judge's answer: not a change of its own */
	DDBGT__RULE_TABLE_NAME = 0,
	DDBGT__RULE_KEY_SCHEMA,
	DDBGT__RULE_LSI,
	DDBGT__RULE_HOME_REGION,
	DDBGT__RULE_BILLING_TO_ON_DEMAND,
	DDBGT__RULE_BILLING_TO_PROVISIONED,
	DDBGT__RULE_CAPACITY,
	DDBGT__RULE_CAPACITY_DECREASE,
	DDBGT__RULE_AUTOSCALING,
	DDBGT__RULE_ON_DEMAND_MAX,
	DDBGT__RULE_STREAM,
	DDBGT__RULE_STREAM_REPLICATED,
	DDBGT__RULE_ENCRYPTION,
	DDBGT__RULE_TTL,
	DDBGT__RULE_TTL_RENAME,
	DDBGT__RULE_CONSISTENCY,
	DDBGT__RULE_WITNESS,
	DDBGT__RULE_LEGACY_UPGRADE,
	DDBGT__RULE_LEGACY_DOWNGRADE,
	DDBGT__RULE_GSI_CREATE,
	DDBGT__RULE_GSI_DELETE,
	DDBGT__RULE_GSI_REBUILD,
	DDBGT__RULE_GSI_CAPACITY,
	DDBGT__RULE_GSI_CAPACITY_DECREASE,
	DDBGT__RULE_GSI_ON_DEMAND_MAX,
	DDBGT__RULE_REPLICA_ADD,
	DDBGT__RULE_REPLICA_REMOVE,
	DDBGT__RULE_REPLICA_STRONG,
	DDBGT__RULE_REPLICA_LEGACY,
	DDBGT__RULE_REPLICA_KMS_KEY,
	DDBGT__RULE_TABLE_CLASS,
	DDBGT__RULE_REPLICA_READ_CAPACITY,
	DDBGT__RULE_REPLICA_READ_DECREASE,
	DDBGT__RULE_REPLICA_GSI_READ,
	DDBGT__RULE_PITR,
	DDBGT__RULE_DELETION_PROTECTION,
	DDBGT__RULE_CONTRIBUTOR_INSIGHTS,
	DDBGT__RULE_TAGS,
	DDBGT__RULE_ROLE,
	DDBGT__RULE_WARM_THROUGHPUT,
	DDBGT__RULE_WARM_THROUGHPUT_DECREASE,
	DDBGT__RULE_GSI_WARM_THROUGHPUT,
	DDBGT__RULE_REPLICA_ON_DEMAND_MAX,
	DDBGT__RULE_KINESIS,
	DDBGT__RULE_RESOURCE_POLICY,
	DDBGT__RULE_REPLICA_ACCOUNT,
	DDBGT__RULE_REPLICA_ACCOUNT_CONVERT,
	DDBGT__RULE_SETTINGS_REPLICATION,
	DDBGT__RULE_PROVIDER_ROLE,
	DDBGT__RULE_OPERATIONS,
	DDBGT__RULE_COUNT_
} ddbgt__diff_rule_id;

typedef struct ddbgt__diff_rule {
	const char *name;       /* stable, in doc/diff.md */
	ddbgt_change_class cls;
	ddbgt__diff_step step;
	const char *reason;
	const char *source;
	const char *limit;      /* rate-limited rules only */
} ddbgt__diff_rule;

const ddbgt__diff_rule *ddbgt__diff_rule_get(ddbgt__diff_rule_id id);

/* Writes the value of a setting of obj into w; 0 when the setting is absent. */
typedef int (*ddbgt__diff_render_fn)(jw *w, const void *obj);
/* Picks the rule of a change from both sides; DDBGT__RULE_SKIP when it is no change of its own. */
typedef ddbgt__diff_rule_id (*ddbgt__diff_judge_fn)(const void *old_obj, const void *new_obj);

/* One setting of an object (diff_fields.c). */
struct ddbgt__diff_field {
	const char *key;          /* below the object's JSON Pointer */
	ddbgt__diff_render_fn render;
	ddbgt__diff_rule_id rule; /* when judge is NULL */
	ddbgt__diff_judge_fn judge;
};

extern const struct ddbgt__diff_field ddbgt__diff_table_fields[];
extern const size_t ddbgt__diff_table_field_count;
extern const struct ddbgt__diff_field ddbgt__diff_operations_fields[]; /* below the root */
extern const size_t ddbgt__diff_operations_field_count;
extern const struct ddbgt__diff_field ddbgt__diff_gsi_fields[];
extern const size_t ddbgt__diff_gsi_field_count;
extern const struct ddbgt__diff_field ddbgt__diff_replica_fields[];
extern const size_t ddbgt__diff_replica_field_count;
/* Whole objects, for one added or removed: a GSI's keys and projection, an LSI, a region. */
int ddbgt__diff_render_gsi(jw *w, const void *gsi);
int ddbgt__diff_render_lsi(jw *w, const void *lsi);
int ddbgt__diff_render_region(jw *w, const void *replica);
/* A replica's account_id (absent: the deploying account). */
int ddbgt__diff_render_account(jw *w, const void *replica);
/*
 * Does old, a same-account global table (two or more replicas, one account),
 * become the multi-account new? AWS refuses it: a multi-account table starts
 * from a single-Region table.
 */
int ddbgt__diff_converts_to_multi_account(const ddbgt_table *old_table,
                                          const ddbgt_table *new_table);

struct ddbgt__change {
	char *path;
	char *old_value;        /* compact JSON or NULL */
	char *new_value;
	char *region;           /* NULL unless per replica */
	char *group;            /* the object a plan step is per (GSI name, region) or NULL */
	char *reason;           /* the rule's reason, with what this change adds */
	ddbgt__diff_rule_id rule;
};

struct ddbgt__step {
	ddbgt__diff_step kind;
	const char *api;        /* static */
	char *action;
	size_t calls;           /* UpdateTable calls */
	size_t *changes;        /* indexes into the change list */
	size_t change_count;
};

struct ddbgt_changes {
	struct ddbgt__change *items;
	size_t count, cap;
	struct ddbgt__step *steps;
	size_t step_count, step_cap;
};

/* Order the changes into steps; the tables give what the step texts need. 0 or DDBGT_ENOMEM. */
int ddbgt__diff_plan(ddbgt_changes *changes, const ddbgt_table *old_table,
                     const ddbgt_table *new_table);

#endif
