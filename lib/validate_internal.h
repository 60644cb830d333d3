/* Internal: the validator's context, shared by lib/validate.c and the lib/rules_*.c files. */
#ifndef DDBGT_LIB_VALIDATE_INTERNAL_H
#define DDBGT_LIB_VALIDATE_INTERNAL_H

#include <stddef.h>

#include "ddbgt/validate.h"
#include "ddbgt/region.h"
#include "diag_internal.h"

/* A name with the position it came from, for sorted lookups and duplicate scans. */
typedef struct ddbgt__vname {
	const char *name;
	size_t index;
	int kind; /* what the rule file stores: an attribute type, GSI or LSI, ... */
} ddbgt__vname;

/* One validation run. */
typedef struct ddbgt__vctx {
	const ddbgt_table *table;
	const ddbgt_policy *policy; /* the options' policy or the table's own */
	unsigned flags;
	ddbgt_diags *diags;         /* may be NULL */
	int status;                 /* 0, or DDBGT_ENOMEM once memory ran out */
	size_t errors;              /* findings that ended as errors */

	size_t nreplicas;
	const ddbgt_replica **replicas; /* the table's replicas, in document order */
	const char **codes;           /* the region code of each replica, "" when none was set */
	const ddbgt_region **regions; /* the catalogue entry of each replica, NULL if unknown */
	ddbgt__vname *by_region;      /* replica regions sorted, for lookups */
	const char *witness;          /* the witness region, NULL when none */
	const ddbgt_region *witness_region;
	const ddbgt_region *home;     /* the primary replica's region, NULL if unknown */
	int strong;                   /* multi-Region strong consistency */
	int global;                   /* two replicas or more */
	int provisioned;
	int adopt;                    /* the table exists and is being adopted */

	unsigned char *scratch;       /* the free part of the scratch block on the stack */
	size_t scratch_left;
	struct ddbgt__vspill *spilled; /* scratch that did not fit there, on the heap */
} ddbgt__vctx;

/*
 * n objects of size bytes (n may be 0), uninitialised as from malloc, from
 * the scratch memory of this validation: ddbgt_table_validate releases it
 * all at its end, so rules never free it. NULL and c->status set when
 * memory ran out.
 */
void *ddbgt__valloc(ddbgt__vctx *c, size_t n, size_t size);

/*
 * Report a finding with the code's catalogue severity, or with sev; the
 * policy's override and the option flags then apply. Never fails: running
 * out of memory is remembered in c->status.
 */
void ddbgt__vreport(ddbgt__vctx *c, ddbgt_code code, const char *path, const char *region,
                    const char *fmt, ...) DDBGT__PRINTF(5, 6);
void ddbgt__vreport_sev(ddbgt__vctx *c, ddbgt_code code, ddbgt_severity sev, const char *path,
                        const char *region, const char *fmt, ...) DDBGT__PRINTF(6, 7);

/*
 * The JSON Pointer prefix + "/" + key + suffix, key escaped (RFC 6901), in
 * buf when it fits, else in a new allocation that *heap receives (free it
 * with ddbgt__free). NULL (and c->status set) when memory ran out.
 */
const char *ddbgt__vpath_key(ddbgt__vctx *c, char *buf, size_t size, char **heap,
                             const char *prefix, const char *key, const char *suffix);

/*
 * snprintf for paths, without stdio's cost: it runs for every object of the
 * table, findings or not. Knows only %s, %zu and %%; always terminates buf.
 */
const char *ddbgt__vpathf(char *buf, size_t size, const char *fmt, ...) DDBGT__PRINTF(3, 4);

/* Sort names by name (then by index) and find one by name; NULL when absent. */
void ddbgt__vnames_sort(ddbgt__vname *names, size_t n);
const ddbgt__vname *ddbgt__vnames_find(const ddbgt__vname *names, size_t n, const char *name);
/* Scratch (ddbgt__valloc) for n names (n may be 0); NULL and c->status set on failure. */
ddbgt__vname *ddbgt__vnames_new(ddbgt__vctx *c, size_t n);

/* s starts with prefix: compared in place, as a strncmp call costs more than a short prefix. */
static inline int ddbgt__vstarts_with(const char *s, const char *prefix)
{
	while (*prefix != '\0' && *s == *prefix) {
		s++;
		prefix++;
	}
	return *prefix == '\0';
}

/* The region of replica i ("" when none was set). */
static inline const char *ddbgt__vreplica_region(const ddbgt__vctx *c, size_t i)
{
	return c->codes[i];
}

/*
 * The table's regions as members 0 to c->nreplicas: replica i's, and the
 * witness's last (NULL code when there is none). ddbgt__vregion_path is
 * the path of member i's region: "/replicas/<i>/region" or
 * "/table/witness_region"; rules call it only for a finding, so that a
 * valid table formats no path.
 */
static inline const char *ddbgt__vmember_code(const ddbgt__vctx *c, size_t i)
{
	return i < c->nreplicas ? c->codes[i] : c->witness;
}

static inline const ddbgt_region *ddbgt__vmember_region(const ddbgt__vctx *c, size_t i)
{
	return i < c->nreplicas ? c->regions[i] : c->witness_region;
}

const char *ddbgt__vregion_path(const ddbgt__vctx *c, char buf[48], size_t i);

/* The rule groups, each in its own lib/rules_<theme>.c. */
void ddbgt__rules_schema(ddbgt__vctx *c);
void ddbgt__rules_capacity(ddbgt__vctx *c);
void ddbgt__rules_topology(ddbgt__vctx *c);
void ddbgt__rules_security(ddbgt__vctx *c);
void ddbgt__rules_tags(ddbgt__vctx *c);
void ddbgt__rules_policy(ddbgt__vctx *c);
void ddbgt__rules_operations(ddbgt__vctx *c);
void ddbgt__rules_access(ddbgt__vctx *c);

#endif
