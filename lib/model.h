/*
 * Internal: the layout of the model objects, seen only by the model's own
 * files (table.c, replica.c, index.c, policy.c, usage.c, model_util.c) and
 * the spec loader and dumper. The validator, the cost estimator, the helpers
 * and the emitters read the model through the public getters.
 *
 * Only the model's files write these structs; the loader goes through the
 * setters and model_util.c's helpers, the dumper only reads.
 *
 * Every field stores what the user gave, not the effective value: an
 * enumeration field holds its UNSET (0) value, and a boolean field
 * DDBGT__NOT_SET (-1), when the user said nothing, so that the dumper writes
 * back only what was given. The public getters apply the defaults.
 */
#ifndef DDBGT_LIB_MODEL_H
#define DDBGT_LIB_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "ddbgt/common.h"
#include "ddbgt/table.h"
#include "ddbgt/operations.h"

/* A boolean the user did not give; the same value as DDBGT_INHERIT. */
#define DDBGT__NOT_SET (-1)

/* An optional integer (a capacity in units, a period in days). */
typedef struct ddbgt__opt_int {
	int set;       /* 1 when value was given */
	int64_t value;
} ddbgt__opt_int;

/* An optional non-negative figure of the usage profile. */
typedef struct ddbgt__opt_num {
	int set;       /* 1 when value was given */
	double value;
} ddbgt__opt_num;

/* Target-tracking autoscaling of one side (read or write). */
typedef struct ddbgt__autoscaling {
	int set;                   /* 1 when given */
	int64_t min;               /* minimum capacity units */
	int64_t max;               /* maximum capacity units */
	double target_utilization; /* percent, as given (AWS accepts 20-90) */
	ddbgt__opt_int scale_in_cooldown;  /* seconds */
	ddbgt__opt_int scale_out_cooldown; /* seconds */
	ddbgt__opt_int disable_scale_in;   /* 0 or 1 */
} ddbgt__autoscaling;

/*
 * Provisioned capacity of one side: fixed units, autoscaling, or both. A
 * table or GSI may hold both; a replica's read capacity override holds at
 * most one of them (its setters clear the other form).
 */
typedef struct ddbgt__capacity {
	ddbgt__opt_int units;
	ddbgt__autoscaling autoscaling;
} ddbgt__capacity;

/* A growable list of owned strings, in the order added. */
typedef struct ddbgt__strlist {
	char **items;
	size_t count;
	size_t cap;
} ddbgt__strlist;

/* A growable list of pointers to objects owned by the list's holder. */
typedef struct ddbgt__ptrlist {
	void **items;
	size_t count;
	size_t cap;
} ddbgt__ptrlist;

/* What a replica sets for one of the table's GSIs (its global_secondary_indexes map). */
typedef struct ddbgt__gsi_override {
	ddbgt__capacity capacity;          /* read capacity */
	ddbgt__opt_int on_demand_max_read; /* on-demand read maximum */
	ddbgt__opt_int insights;           /* contributor insights, 0 or 1 */
	int insights_object;               /* 1: written {"enabled", "mode"} */
	ddbgt_insights_mode insights_mode;
} ddbgt__gsi_override;

/*
 * One entry of a sorted string map. Each map uses one of the value fields:
 * text (tags), number (usage rates), integer (severity overrides, quotas),
 * gsi (a replica's GSI settings); the others stay zero.
 */
typedef struct ddbgt__map_entry {
	char *key;                 /* owned; unique within the map */
	char *text;                /* owned or NULL */
	double number;
	int64_t integer;
	/* Owned; set in every entry of a replica's GSI map, NULL in the others, which stay small. */
	struct ddbgt__gsi_override *gsi;
} ddbgt__map_entry;

/* Entries sorted by key in byte order (strcmp). */
typedef struct ddbgt__map {
	ddbgt__map_entry *entries;
	size_t count;
	size_t cap;
} ddbgt__map;

/* An attribute definition of the table (ddbgt_table_add_attribute). */
typedef struct ddbgt__attribute {
	char *name;            /* owned, never NULL */
	ddbgt_attr_type type;  /* as given; UNSET is stored */
} ddbgt__attribute;

/*
 * One side of an index key (partition or sort) as the user wrote it: a
 * single attribute (partition_key, sort_key) or a list (partition_keys,
 * sort_keys, the multi-attribute keys of a GSI). Each attribute is a name,
 * or a name with the type the object form gives it.
 */
typedef struct ddbgt__key_side {
	ddbgt__attribute *attrs;  /* in order; the single form holds 0 or 1 */
	size_t count;
	size_t cap;
	int multi;                /* 1: written as a list */
} ddbgt__key_side;

struct ddbgt_table {
	char *name;                       /* NULL when not given */
	ddbgt_billing_mode billing_mode;  /* UNSET: PAY_PER_REQUEST */
	char *pk_name;                    /* partition key; NULL when not given */
	ddbgt_attr_type pk_type;
	char *sk_name;                    /* sort key; NULL when absent */
	ddbgt_attr_type sk_type;
	ddbgt__attribute *attributes;     /* in the order added; duplicates kept */
	size_t attribute_count;
	size_t attribute_cap;
	/* Two, indexed by ddbgt_rw; owned, NULL until a side is first set (most are on demand). */
	ddbgt__capacity *capacity;
	ddbgt__opt_int on_demand_max[2];  /* indexed by ddbgt_rw */
	ddbgt__opt_int warm_throughput[2]; /* units per second, indexed by ddbgt_rw */
	int stream_set;                   /* 0: the default stream (see ddbgt_table_set_stream) */
	int stream_enabled;               /* meaningful when stream_set */
	ddbgt_stream_view stream_view;    /* meaningful when stream_set; UNSET is stored */
	ddbgt_encryption encryption;      /* UNSET: AWS_OWNED */
	char *ttl_attribute;              /* NULL when absent */
	ddbgt_table_class table_class;    /* UNSET: STANDARD */
	int pitr;                         /* 0, 1 or DDBGT__NOT_SET (off) */
	ddbgt__opt_int pitr_period;       /* recovery period in days */
	int deletion_protection;          /* 0, 1 or DDBGT__NOT_SET (off) */
	ddbgt_consistency consistency;    /* UNSET: EVENTUAL */
	char *witness_region;             /* NULL when absent */
	int legacy_version;               /* 0, 1 or DDBGT__NOT_SET (0) */
	int adopt_existing;               /* 0, 1 or DDBGT__NOT_SET (0) */
	ddbgt__map tags;                  /* text values */
	ddbgt__ptrlist replicas;          /* ddbgt_replica *, owned */
	ddbgt__ptrlist gsis;              /* ddbgt_gsi *, owned */
	ddbgt__ptrlist lsis;              /* ddbgt_lsi *, owned */
	ddbgt_policy *policy;             /* owned, never NULL */
	ddbgt_usage *usage;               /* owned, never NULL */
	ddbgt_operations *operations;     /* owned; NULL until first set */
};

struct ddbgt_replica {
	ddbgt_table *table;               /* the owner, or NULL */
	char *region;                     /* owned, never NULL */
	ddbgt_role role;                  /* UNSET: decided by position (ddbgt_replica_effective_role) */
	ddbgt_table_class table_class;    /* UNSET: the table's */
	char *kms_key;                    /* NULL when absent */
	int pitr;                         /* 0, 1 or DDBGT_INHERIT */
	ddbgt__opt_int pitr_period;       /* read only when pitr is not DDBGT_INHERIT */
	int deletion_protection;          /* 0, 1 or DDBGT_INHERIT */
	ddbgt__capacity *read_capacity;   /* units or autoscaling, never both; owned, NULL when unset */
	ddbgt__opt_int on_demand_max_read; /* request units; writes stay table-wide */
	char *kinesis_stream_arn;         /* NULL when absent */
	ddbgt_kinesis_precision kinesis_precision; /* UNSET: AWS's default */
	/* IAM policy documents as compact JSON (iam_policy.h); NULL when absent. */
	char *resource_policy;
	char *stream_resource_policy;
	/* Multi-account global tables: the replica's account, NULL for the deploying one. */
	char *account_id;
	ddbgt_settings_replication settings_replication; /* UNSET: AWS's default */
	char *provider_role_arn;          /* the role Terraform assumes for it; NULL when absent */
	ddbgt__map gsi_read_capacity;     /* index name -> capacity and on-demand read maximum */
	int contributor_insights;         /* 0, 1 or DDBGT__NOT_SET (0) */
	int insights_object;              /* 1: written {"enabled", "mode"} */
	ddbgt_insights_mode insights_mode; /* UNSET: AWS's default */
	ddbgt__map tags;                  /* text values */
};

struct ddbgt_gsi {
	ddbgt_table *table;               /* the owner, or NULL */
	char *name;                       /* owned, never NULL */
	ddbgt__key_side partition_key;    /* empty when not given */
	ddbgt__key_side sort_key;         /* empty when absent */
	ddbgt_projection projection;      /* UNSET: ALL */
	ddbgt__strlist non_key_attributes;
	ddbgt__capacity *capacity;        /* two, indexed by ddbgt_rw; owned, NULL until first set */
	ddbgt__opt_int on_demand_max[2];  /* indexed by ddbgt_rw */
	ddbgt__opt_int warm_throughput[2]; /* units per second, indexed by ddbgt_rw */
};

struct ddbgt_lsi {
	ddbgt_table *table;               /* the owner, or NULL */
	char *name;                       /* owned, never NULL */
	ddbgt__key_side sort_key;         /* single form only; empty when absent */
	ddbgt_projection projection;      /* UNSET: ALL */
	ddbgt__strlist non_key_attributes;
};

struct ddbgt_policy {
	ddbgt_table *table;               /* the owning table, or NULL */
	ddbgt__opt_int min_regions;
	ddbgt__opt_int max_regions;
	ddbgt__strlist allowed_regions;   /* empty: no restriction */
	ddbgt__strlist jurisdictions;     /* empty: no restriction */
	int require_pitr;                 /* 0, 1 or DDBGT__NOT_SET (0) */
	int require_cmk;                  /* 0, 1 or DDBGT__NOT_SET (0) */
	int require_deletion_protection;  /* 0, 1 or DDBGT__NOT_SET (0) */
	ddbgt__map severity;              /* code name -> integer (ddbgt_severity) */
	ddbgt__map quotas;                /* known quota name -> integer */
};

struct ddbgt_usage {
	ddbgt_table *table;               /* the owning table, or NULL */
	ddbgt__map rates[2];              /* indexed by ddbgt_rw: region -> number (per second) */
	ddbgt__opt_num item_size_bytes;
	ddbgt__opt_num storage_gb;
	ddbgt__opt_num stream_reads_per_month;
	ddbgt__opt_num hours_per_month;
	ddbgt_read_consistency read_consistency; /* UNSET: eventual */
	ddbgt_write_mode write_mode;      /* UNSET: standard */
	/* usage.backups: on-demand backups and restores */
	ddbgt__opt_num backups_per_month;
	ddbgt__opt_num backup_retention_days;
	ddbgt__opt_num backup_size_gb;
	ddbgt__opt_num restores_per_month;
};

/* The alarm settings (ddbgt_alarm_setting) and IAM policy kinds (ddbgt_iam_policy). */
#define DDBGT__ALARM_SETTINGS 6
#define DDBGT__IAM_POLICIES 4

/* One region's DynamoDB gateway endpoint. */
typedef struct ddbgt__vpc_endpoint {
	char *region;                 /* owned, never NULL */
	char *vpc_id;                 /* owned, never NULL */
	ddbgt__strlist route_tables;
	int restricted;               /* 0, 1 or DDBGT__NOT_SET (1) */
} ddbgt__vpc_endpoint;

struct ddbgt_operations {
	int alarms;                                  /* 0, 1 or DDBGT__NOT_SET (off) */
	ddbgt__opt_int alarm[DDBGT__ALARM_SETTINGS]; /* indexed by ddbgt_alarm_setting */
	ddbgt__map sns_topics;                       /* region -> topic ARN (text) */
	int dashboard;                               /* 0, 1 or DDBGT__NOT_SET (off) */
	int iam_given;                               /* 1 when an "iam" object was given */
	int iam[DDBGT__IAM_POLICIES];                /* 0 or 1, indexed by ddbgt_iam_policy */
	ddbgt__strlist iam_regions;                  /* empty: every replica region */
	ddbgt__strlist iam_indexes;                  /* empty: every index */
	int iam_as_outputs;                          /* 0, 1 or DDBGT__NOT_SET (0) */
	ddbgt__ptrlist vpc_endpoints;                /* ddbgt__vpc_endpoint *, owned */
	int kms_key_policies;                        /* 0, 1 or DDBGT__NOT_SET (off) */
};

/* Argument checks shared by the setters. */
#define DDBGT__RW_OK(rw) ((rw) == DDBGT_READ || (rw) == DDBGT_WRITE)
#define DDBGT__ENUM_OK(v, last) ((int)(v) >= 0 && (int)(v) <= (int)(last))

/* A boolean argument: any non-zero value is 1; negative values are DDBGT_EINVAL. */
int ddbgt__bool_arg(int value);
/*
 * 1 when the replica's i-th GSI override (ddbgt_replica_gsi_override_name)
 * turns contributor insights on, with its mode in *mode: the estimator walks
 * the overrides by position instead of looking each index up by name.
 */
int ddbgt__replica_gsi_insights_at(const ddbgt_replica *r, size_t i, ddbgt_insights_mode *mode);
/*
 * A replica's tri-state argument into *out: DDBGT_INHERIT as is, any other
 * non-negative value as a boolean. 0, or DDBGT_EINVAL below DDBGT_INHERIT.
 */
int ddbgt__tristate_arg(int value, int *out);

/* String lists. Push copies s (DDBGT_EINVAL for NULL); copy is deep. */
int ddbgt__strlist_push(ddbgt__strlist *list, const char *s);
void ddbgt__strlist_clear(ddbgt__strlist *list);
int ddbgt__strlist_copy(ddbgt__strlist *dst, const ddbgt__strlist *src);
const char *ddbgt__strlist_at(const ddbgt__strlist *list, size_t i);

/* Pointer lists: the holder frees the pointees. */
int ddbgt__ptrlist_push(ddbgt__ptrlist *list, void *p);
/* Remove item i, keeping the order of the others. */
void ddbgt__ptrlist_remove_at(ddbgt__ptrlist *list, size_t i);
void ddbgt__ptrlist_free(ddbgt__ptrlist *list);

/* The entry of key, or NULL. */
ddbgt__map_entry *ddbgt__map_get(const ddbgt__map *map, const char *key);
/*
 * The entry of key, created with zero values at its sorted place when
 * absent. DDBGT_ENOMEM leaves the map unchanged.
 */
int ddbgt__map_put(ddbgt__map *map, const char *key, ddbgt__map_entry **out);
/* Remove key; DDBGT_ENOTFOUND when absent. */
int ddbgt__map_remove(ddbgt__map *map, const char *key);
void ddbgt__map_clear(ddbgt__map *map);
int ddbgt__map_copy(ddbgt__map *dst, const ddbgt__map *src);
const ddbgt__map_entry *ddbgt__map_at(const ddbgt__map *map, size_t i);

/* Tags (text values): set copies both strings, all-or-nothing. */
int ddbgt__tags_set(ddbgt__map *tags, const char *key, const char *value);
/*
 * A usage rate, for the spec loader, which has checked the figure (finite,
 * zero or more) and whose reader has checked the UTF-8 of the region:
 * ddbgt_usage_set_rate without its re-checks. 0 or DDBGT_ENOMEM.
 */
int ddbgt__usage_put_rate(ddbgt_usage *u, ddbgt_rw rw, const char *region, double per_second);

/* Capacity accessors shared by the table, GSIs and replica overrides. */
int ddbgt__capacity_get_units(const ddbgt__capacity *c, int64_t *units);
int ddbgt__capacity_get_autoscaling(const ddbgt__capacity *c, int64_t *min, int64_t *max,
                                    double *target_utilization);
int ddbgt__opt_int_get(const ddbgt__opt_int *o, int64_t *value);
/* A copy of n capacities into *dst; NULL src gives NULL. 0 or DDBGT_ENOMEM. */
int ddbgt__capacity_copy(ddbgt__capacity **dst, const ddbgt__capacity *src, size_t n);
/*
 * The read/write pairs of the table and its GSIs: sides points to the
 * object's capacity pointer, or is NULL for a NULL handle (DDBGT_EINVAL).
 * The pair is allocated when a side is first set; DDBGT_ENOMEM then leaves
 * the object unchanged. Getters zero their out pointers (which may be NULL)
 * when they fail.
 */
int ddbgt__sides_set_units(ddbgt__capacity **sides, ddbgt_rw rw, int64_t units);
int ddbgt__sides_get_units(ddbgt__capacity *const *sides, ddbgt_rw rw, int64_t *units);
int ddbgt__sides_clear_units(ddbgt__capacity **sides, ddbgt_rw rw);
int ddbgt__sides_set_autoscaling(ddbgt__capacity **sides, ddbgt_rw rw, int64_t min, int64_t max,
                                 double target_utilization);
int ddbgt__sides_get_autoscaling(ddbgt__capacity *const *sides, ddbgt_rw rw, int64_t *min,
                                 int64_t *max, double *target_utilization);
int ddbgt__sides_clear_autoscaling(ddbgt__capacity **sides, ddbgt_rw rw);
int ddbgt__sides_set_tuning(ddbgt__capacity **sides, ddbgt_rw rw, int64_t scale_in_cooldown,
                            int64_t scale_out_cooldown, int disable_scale_in);
int ddbgt__sides_get_tuning(ddbgt__capacity *const *sides, ddbgt_rw rw,
                            int64_t *scale_in_cooldown, int64_t *scale_out_cooldown,
                            int *disable_scale_in);
int ddbgt__opt_sides_set(ddbgt__opt_int *sides, ddbgt_rw rw, int64_t value);
int ddbgt__opt_sides_get(const ddbgt__opt_int *sides, ddbgt_rw rw, int64_t *value);
int ddbgt__opt_sides_clear(ddbgt__opt_int *sides, ddbgt_rw rw);

/*
 * Index key sides. set makes the single form (name NULL: empty), add
 * appends to the list form (starting a new list when the side was single);
 * copy is deep. Names are copied; DDBGT_ENOMEM leaves the side unchanged.
 */
int ddbgt__key_side_set(ddbgt__key_side *side, const char *name, ddbgt_attr_type type);
int ddbgt__key_side_add(ddbgt__key_side *side, const char *name, ddbgt_attr_type type);
void ddbgt__key_side_clear(ddbgt__key_side *side);
int ddbgt__key_side_copy(ddbgt__key_side *dst, const ddbgt__key_side *src);
/* Make side an empty list (the spec's "partition_keys": []). */
void ddbgt__key_side_start_list(ddbgt__key_side *side);
/* The single form's name: NULL when empty or a list. */
const char *ddbgt__key_side_single(const ddbgt__key_side *side);

/*
 * The target-tracking tuning of an autoscaling setting (cooldowns in seconds,
 * -1 when not given; disable_scale_in 0, 1 or DDBGT_INHERIT when not given).
 * DDBGT_ENOTFOUND when a has no autoscaling (the getter then gives -1s),
 * DDBGT_EINVAL for a cooldown below -1.
 */
int ddbgt__autoscaling_set_tuning(ddbgt__autoscaling *a, int64_t scale_in_cooldown,
                                  int64_t scale_out_cooldown, int disable_scale_in);
int ddbgt__autoscaling_get_tuning(const ddbgt__autoscaling *a, int64_t *scale_in_cooldown,
                                  int64_t *scale_out_cooldown, int *disable_scale_in);

/* Free an object whatever its owner (the table's own frees). */
void ddbgt__replica_destroy(ddbgt_replica *replica);
/* Set the table's (stream 0) or stream's (1) policy from canonical text (iam_policy.h). */
int ddbgt__replica_set_policy_text(ddbgt_replica *replica, int stream, const char *compact);
void ddbgt__gsi_destroy(ddbgt_gsi *gsi);
void ddbgt__lsi_destroy(ddbgt_lsi *lsi);
void ddbgt__policy_destroy(ddbgt_policy *policy);
void ddbgt__usage_destroy(ddbgt_usage *usage);
void ddbgt__operations_destroy(ddbgt_operations *ops);
/* A deep copy of src into *out; NULL src gives NULL. 0 or DDBGT_ENOMEM. */
int ddbgt__operations_copy(ddbgt_operations **out, const ddbgt_operations *src);

#endif
