/*
 * libddbgt: change safety between two designs of one table.
 *
 * ddbgt_diff compares the table as it is (OLD) with the table as it should
 * become (NEW) and returns a change list: one record per setting that
 * differs, with its JSON Pointer path, the old and new values as JSON text,
 * a class (applied in place, a replica added or removed, the table or a
 * replica replaced, refused by AWS, or limited in how often AWS allows it),
 * the reason with its source, and for rate-limited changes the limit. The
 * list also holds an ordered plan: steps that apply every allowed change in
 * an order AWS accepts (one GSI created or deleted per UpdateTable, replica
 * updates alone in their call, each GSI backfilled before the next), with
 * the number of UpdateTable calls each step makes.
 *
 * The rules and their sources are listed in doc/diff.md. Both tables are
 * read through the model's getters, so defaults and inheritance count as
 * what AWS would see (a replica's PITR is its own or the table's).
 */
#ifndef DDBGT_DIFF_H
#define DDBGT_DIFF_H

#include "common.h"
#include "table.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ddbgt_changes ddbgt_changes;

/* How AWS can apply a change. Append-only, like the status codes. */
typedef enum ddbgt_change_class {
	DDBGT_CHANGE_UNSET = 0,
	DDBGT_CHANGE_IN_PLACE = 1,       /* one UpdateTable (or another update call) applies it */
	DDBGT_CHANGE_REPLICA_ADD = 2,    /* a replica is created, with the prerequisites in the reason */
	DDBGT_CHANGE_REPLICA_REMOVE = 3, /* a replica and its copy of the data are deleted */
	DDBGT_CHANGE_REPLACE = 4,        /* table or replica recreated: data lost unless migrated */
	DDBGT_CHANGE_REFUSED = 5,        /* AWS refuses the change */
	DDBGT_CHANGE_RATE_LIMITED = 6    /* allowed, but only so often (the limit says how often) */
} ddbgt_change_class;

/*
 * Options of ddbgt_diff; zero in every field after version is the default,
 * and a struct zeroed whole (version 0) means the defaults.
 */
typedef struct ddbgt_diff_options {
	unsigned version;  /* DDBGT_DIFF_OPTIONS_VERSION */
	int allow_replace; /* 1: report replacements as warnings, not errors */
} ddbgt_diff_options;

#define DDBGT_DIFF_OPTIONS_VERSION 1
#define DDBGT_DIFF_OPTIONS_INIT {DDBGT_DIFF_OPTIONS_VERSION, 0}

/*
 * Fill opts with the defaults of the given version, writing only the fields
 * that version has. DDBGT_EINVAL for a NULL opts or a version this library
 * does not know.
 */
DDBGT_API int ddbgt_diff_options_init(ddbgt_diff_options *opts, unsigned version);

/*
 * Compare old_table with new_table. On success *out is a new change list
 * (free it with ddbgt_changes_free), empty when the designs are the same.
 * opts may be NULL (the defaults). When diags is not NULL, every change
 * that is not plain in place is also added to it as a finding: a
 * replacement as DDBGT_E_DIFF_REPLACE (a warning with allow_replace), a
 * refused change as DDBGT_E_DIFF_REFUSED, a rate-limited one as
 * DDBGT_W_DIFF_RATE_LIMITED, a replica added or removed as
 * DDBGT_I_DIFF_REPLICA. The tables need not be valid: the diff reads what
 * they hold. DDBGT_EINVAL for a NULL table or out, or for an options version
 * this library does not know (with a DDBGT_E_OPTIONS_VERSION finding),
 * DDBGT_ENOMEM.
 */
DDBGT_API int ddbgt_diff(ddbgt_changes **out, const ddbgt_table *old_table,
                         const ddbgt_table *new_table, const ddbgt_diff_options *opts,
                         ddbgt_diags *diags);
/* Free a change list and every string its accessors returned. NULL is a no-op. */
DDBGT_API void ddbgt_changes_free(ddbgt_changes *changes);

/* The number of changes; 0 for NULL. */
DDBGT_API size_t ddbgt_changes_count(const ddbgt_changes *changes);
/* The number of changes of one class; 0 for NULL. */
DDBGT_API size_t ddbgt_changes_class_count(const ddbgt_changes *changes, ddbgt_change_class cls);
/*
 * Accessors of change i; NULL or DDBGT_CHANGE_UNSET out of range.
 * path is a JSON Pointer into NEW ("/table/global_secondary_indexes/1"), or
 * into OLD for what NEW no longer has (a removed replica or index).
 * old_value and new_value are compact JSON text; NULL when the setting is
 * absent on that side. rule is the rule's stable name in doc/diff.md
 * ("key-schema"); region is the replica's region for per-replica changes;
 * limit is set for rate-limited changes only.
 */
DDBGT_API const char *ddbgt_changes_path(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_old_value(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_new_value(const ddbgt_changes *changes, size_t i);
DDBGT_API ddbgt_change_class ddbgt_changes_class(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_rule(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_region(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_reason(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_source(const ddbgt_changes *changes, size_t i);
DDBGT_API const char *ddbgt_changes_limit(const ddbgt_changes *changes, size_t i);

/* "in_place", "replica_add", ...; NULL for an unknown class. */
DDBGT_API const char *ddbgt_change_class_name(ddbgt_change_class cls);

/*
 * The plan: steps in the order to apply them. Replacements and refused
 * changes have no step. Each step names the API it calls ("UpdateTable",
 * "UpdateTimeToLive", ...), says what it does, lists the changes it applies
 * (indexes into the change list) and how many UpdateTable calls it makes.
 * Accessors return NULL / 0 out of range.
 */
DDBGT_API size_t ddbgt_changes_step_count(const ddbgt_changes *changes);
DDBGT_API const char *ddbgt_changes_step_api(const ddbgt_changes *changes, size_t s);
DDBGT_API const char *ddbgt_changes_step_action(const ddbgt_changes *changes, size_t s);
DDBGT_API size_t ddbgt_changes_step_update_table_calls(const ddbgt_changes *changes, size_t s);
DDBGT_API size_t ddbgt_changes_step_change_count(const ddbgt_changes *changes, size_t s);
/* The index in the change list of the k-th change of step s; DDBGT_ENOTFOUND out of range. */
DDBGT_API int ddbgt_changes_get_step_change(const ddbgt_changes *changes, size_t s, size_t k,
                                            size_t *index);
/* The UpdateTable calls of the whole plan; 0 for NULL. */
DDBGT_API size_t ddbgt_changes_update_table_calls(const ddbgt_changes *changes);

/*
 * The list as JSON: {"changes": n, "replace": n, "refused": n,
 * "rate_limited": n, "update_table_calls": n, "items": [{"path", "class",
 * "rule", "region", "old", "new", "reason", "source", "limit"}...],
 * "plan": [{"step", "api", "action", "update_table_calls", "changes":
 * [i...]}...]}, old and new as JSON values (absent: null), 2-space indented
 * with a final newline. The caller frees *out with ddbgt_free.
 */
DDBGT_API int ddbgt_changes_to_json(char **out, const ddbgt_changes *changes);
/* The changes and the plan for a person, one line per change and step. Caller frees. */
DDBGT_API int ddbgt_changes_to_text(char **out, const ddbgt_changes *changes);

#ifdef __cplusplus
}
#endif

#endif
