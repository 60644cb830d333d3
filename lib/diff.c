/*
 * ddbgt_diff: compare two tables setting by setting over the field tables of
 * diff_fields.c, match indexes and replicas by name, judge the replica set
 * and the home region, order the plan (diff_plan.c) and report findings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/index.h"
#include "ddbgt/replica.h"
#include "diag_internal.h"
#include "diff_internal.h"
#include "jsonwrite.h"
#include "options.h"

struct ctx {
	const ddbgt_table *old_table, *new_table;
	ddbgt_changes *changes;
	jw scratch[2]; /* the old and the new value of the setting being compared */
	int status;
};

/*
 * Render a setting into one of the two scratch writers of the comparison
 * (reused, so that equal settings cost no allocation); 1 when present.
 */
static int render_scratch(struct ctx *c, jw *w, ddbgt__diff_render_fn fn, const void *obj)
{
	ddbgt__jw_reset(w);
	int present = fn(w, obj);
	if (w->status)
		c->status = w->status;
	return present;
}

/* The value rendered last into w as a string of its own, or NULL (status set). */
static char *scratch_copy(struct ctx *c, const jw *w)
{
	char *s = ddbgt__strndup(w->buf, w->len);
	if (!s)
		c->status = DDBGT_ENOMEM;
	return s;
}

/* A setting as a string of its own; NULL when absent or on failure (status set). */
static char *render_text(struct ctx *c, ddbgt__diff_render_fn fn, const void *obj)
{
	if (!render_scratch(c, &c->scratch[0], fn, obj) || c->status)
		return NULL;
	return scratch_copy(c, &c->scratch[0]);
}

/* ---- Collecting changes ------------------------------------------------- */

static char *format(const char *fmt, ...) DDBGT__PRINTF(1, 2);
static char *format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *s = ddbgt__malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/*
 * Append a change. Takes the value texts (freed on failure); extra, when
 * not NULL, is appended to the rule's reason.
 */
static void add(struct ctx *c, ddbgt__diff_rule_id rule, const char *path, const char *region,
                const char *group, char *old_value, char *new_value, const char *extra)
{
	ddbgt_changes *ch = c->changes;
	const ddbgt__diff_rule *r = ddbgt__diff_rule_get(rule);
	if (c->status || !path ||
	    ddbgt__grow((void **)&ch->items, &ch->cap, ch->count + 1, sizeof ch->items[0])) {
		ddbgt__free(old_value);
		ddbgt__free(new_value);
		c->status = DDBGT_ENOMEM;
		return;
	}
	struct ddbgt__change *x = &ch->items[ch->count];
	memset(x, 0, sizeof *x);
	x->rule = rule;
	x->old_value = old_value;
	x->new_value = new_value;
	x->path = ddbgt__strdup(path);
	x->region = ddbgt__strdup(region);
	x->group = ddbgt__strdup(group);
	x->reason = extra ? format("%s; %s", r->reason, extra) : ddbgt__strdup(r->reason);
	ch->count++;
	if (!x->path || (region && !x->region) || (group && !x->group) || !x->reason)
		c->status = DDBGT_ENOMEM;
}

static void compare_fields(struct ctx *c, const struct ddbgt__diff_field *fields, size_t n,
                           const void *old_obj, const void *new_obj, const char *base,
                           const char *region, const char *group)
{
	for (size_t i = 0; i < n && !c->status; i++) {
		const jw *wa = &c->scratch[0], *wb = &c->scratch[1];
		int pa = render_scratch(c, &c->scratch[0], fields[i].render, old_obj);
		int pb = render_scratch(c, &c->scratch[1], fields[i].render, new_obj);
		if (c->status)
			return;
		if (pa == pb && (!pa || (wa->len == wb->len && memcmp(wa->buf, wb->buf, wa->len) == 0)))
			continue;
		ddbgt__diff_rule_id rule =
			fields[i].judge ? fields[i].judge(old_obj, new_obj) : fields[i].rule;
		if (rule == DDBGT__RULE_SKIP)
			continue;
		char *a = pa ? scratch_copy(c, wa) : NULL;
		char *b = pb ? scratch_copy(c, wb) : NULL;
		char path[512];
		snprintf(path, sizeof path, "%s%s%s", base, fields[i].key[0] ? "/" : "", fields[i].key);
		add(c, rule, path, region, group, a, b, NULL);
	}
}

static void added_or_removed(struct ctx *c, ddbgt__diff_rule_id rule, ddbgt__diff_render_fn fn,
                             const void *obj, int added, const char *path, const char *region,
                             const char *group, const char *extra)
{
	char *text = render_text(c, fn, obj);
	add(c, rule, path, region, group, added ? NULL : text, added ? text : NULL, extra);
}

/*
 * Lists are matched by name (GSIs, LSIs) or region (replicas). A name given
 * twice, which the validator reports, matches its k-th use on the other side.
 */
struct list_kind {
	size_t (*count)(const ddbgt_table *t);
	const void *(*at)(const ddbgt_table *t, size_t i);
	const char *(*name)(const void *item);
};

static const void *counterpart(const struct list_kind *k, const ddbgt_table *self,
                               const ddbgt_table *other, size_t i)
{
	const char *name = k->name(k->at(self, i));
	size_t nth = 0;
	for (size_t j = 0; j < i; j++)
		nth += strcmp(k->name(k->at(self, j)), name) == 0;
	for (size_t j = 0; j < k->count(other); j++) {
		const void *item = k->at(other, j);
		if (strcmp(k->name(item), name) == 0 && nth-- == 0)
			return item;
	}
	return NULL;
}

static const void *gsi_at(const ddbgt_table *t, size_t i)
{
	return ddbgt_table_gsi_at(t, i);
}

static const char *gsi_name(const void *item)
{
	return ddbgt_gsi_name(item);
}

static const void *lsi_at(const ddbgt_table *t, size_t i)
{
	return ddbgt_table_lsi_at(t, i);
}

static const char *lsi_name(const void *item)
{
	return ddbgt_lsi_name(item);
}

static const void *replica_at(const ddbgt_table *t, size_t i)
{
	return ddbgt_table_replica_at(t, i);
}

static const char *replica_region(const void *item)
{
	return ddbgt_replica_region(item);
}

static const struct list_kind gsis = {ddbgt_table_gsi_count, gsi_at, gsi_name};
static const struct list_kind lsis = {ddbgt_table_lsi_count, lsi_at, lsi_name};
static const struct list_kind replicas = {ddbgt_table_replica_count, replica_at, replica_region};

static void compare_gsis(struct ctx *c)
{
	const ddbgt_table *o = c->old_table, *n = c->new_table;
	char path[320];
	for (size_t i = 0; i < ddbgt_table_gsi_count(o) && !c->status; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(o, i);
		if (counterpart(&gsis, o, n, i))
			continue;
		snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu", i);
		added_or_removed(c, DDBGT__RULE_GSI_DELETE, ddbgt__diff_render_gsi, g, 0, path, NULL,
		                 ddbgt_gsi_name(g), NULL);
	}
	for (size_t i = 0; i < ddbgt_table_gsi_count(n) && !c->status; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(n, i);
		const ddbgt_gsi *before = counterpart(&gsis, n, o, i);
		snprintf(path, sizeof path, "/table/global_secondary_indexes/%zu", i);
		if (!before)
			added_or_removed(c, DDBGT__RULE_GSI_CREATE, ddbgt__diff_render_gsi, g, 1, path, NULL,
			                 ddbgt_gsi_name(g), NULL);
		else
			compare_fields(c, ddbgt__diff_gsi_fields, ddbgt__diff_gsi_field_count, before, g,
			               path, NULL, ddbgt_gsi_name(g));
	}
}

/* An LSI compares whole: any difference is the same replacement. */
static const struct ddbgt__diff_field whole_lsi = {
	"", ddbgt__diff_render_lsi, DDBGT__RULE_LSI, NULL};

static void compare_lsis(struct ctx *c)
{
	const ddbgt_table *o = c->old_table, *n = c->new_table;
	char path[320];
	for (size_t i = 0; i < ddbgt_table_lsi_count(o) && !c->status; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(o, i);
		if (counterpart(&lsis, o, n, i))
			continue;
		snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu", i);
		added_or_removed(c, DDBGT__RULE_LSI, ddbgt__diff_render_lsi, l, 0, path, NULL, NULL, NULL);
	}
	for (size_t i = 0; i < ddbgt_table_lsi_count(n) && !c->status; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(n, i);
		const ddbgt_lsi *before = counterpart(&lsis, n, o, i);
		snprintf(path, sizeof path, "/table/local_secondary_indexes/%zu", i);
		if (!before)
			added_or_removed(c, DDBGT__RULE_LSI, ddbgt__diff_render_lsi, l, 1, path, NULL,
			                 NULL, NULL);
		else
			compare_fields(c, &whole_lsi, 1, before, l, path, NULL, NULL);
	}
}

static int is_strong(const ddbgt_table *t)
{
	return ddbgt_table_consistency(t) == DDBGT_CONSISTENCY_STRONG;
}

/* What AWS needs before it creates a replica of the NEW table in region. */
static char *replica_prerequisites(const ddbgt_table *t, const ddbgt_replica *r)
{
	const char *kms = ddbgt_replica_kms_key(r);
	int cmk = ddbgt_table_encryption(t) == DDBGT_ENCRYPTION_CUSTOMER_MANAGED;
	int provisioned = ddbgt_table_billing_mode(t) == DDBGT_BILLING_PROVISIONED;
	return format("before it: %s%s%s%s%sthe settings that are synchronized equal in every region",
	              provisioned ? "write auto scaling on the table and on every GSI, " : "",
	              cmk ? "a customer managed key in " : "", cmk ? ddbgt_replica_region(r) : "",
	              cmk ? (kms ? " (kms_key given), " : " (no kms_key given yet), ") : "",
	              "the stream on (AWS turns it on with NEW_AND_OLD_IMAGES if it is off), ");
}

static ddbgt__diff_rule_id membership_rule(const struct ctx *c, ddbgt__diff_rule_id plain)
{
	if (is_strong(c->old_table) || is_strong(c->new_table))
		return DDBGT__RULE_REPLICA_STRONG;
	if (ddbgt_table_legacy_version(c->old_table))
		return DDBGT__RULE_REPLICA_LEGACY;
	return plain;
}

/*
 * A replica added to a same-account global table in another account converts
 * the table, which AWS refuses, as much as a replica moved to one does
 * (diff_fields.c judges those).
 */
static int added_in_another_account(const struct ctx *c, const ddbgt_replica *r)
{
	const char *old_account = ddbgt_replica_account_id(ddbgt_table_replica_at(c->old_table, 0));
	const char *account = ddbgt_replica_account_id(r);
	return ddbgt__diff_converts_to_multi_account(c->old_table, c->new_table) &&
	       account != old_account && (!account || !old_account || strcmp(account, old_account));
}

static void compare_replicas(struct ctx *c)
{
	const ddbgt_table *o = c->old_table, *n = c->new_table;
	const ddbgt_replica *old_home = ddbgt_table_primary_replica(o);
	const ddbgt_replica *new_home = ddbgt_table_primary_replica(n);
	const char *old_home_region = old_home ? ddbgt_replica_region(old_home) : NULL;
	const char *new_home_region = new_home ? ddbgt_replica_region(new_home) : NULL;
	int moved = old_home_region && new_home_region && strcmp(old_home_region, new_home_region);
	char path[320];

	if (moved) {
		size_t at = 0;
		while (ddbgt_table_replica_at(n, at) != new_home)
			at++;
		snprintf(path, sizeof path, "/replicas/%zu", at);
		char *a = render_text(c, ddbgt__diff_render_region, old_home);
		char *b = render_text(c, ddbgt__diff_render_region, new_home);
		add(c, DDBGT__RULE_HOME_REGION, path, new_home_region, NULL, a, b, NULL);
	}
	for (size_t i = 0; i < ddbgt_table_replica_count(o) && !c->status; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(o, i);
		const char *region = ddbgt_replica_region(r);
		if (counterpart(&replicas, o, n, i) || (moved && r == old_home))
			continue;
		snprintf(path, sizeof path, "/replicas/%zu", i);
		ddbgt__diff_rule_id rule = membership_rule(c, DDBGT__RULE_REPLICA_REMOVE);
		const char *extra = rule == DDBGT__RULE_REPLICA_REMOVE &&
		                                    ddbgt_replica_effective_deletion_protection(r)
		                            ? "deletion protection is on: it is turned off first (a "
		                              "protected replica refuses the delete)"
		                            : NULL;
		added_or_removed(c, rule, ddbgt__diff_render_region, r, 0, path, region, region, extra);
	}
	for (size_t i = 0; i < ddbgt_table_replica_count(n) && !c->status; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(n, i);
		const char *region = ddbgt_replica_region(r);
		const ddbgt_replica *before = counterpart(&replicas, n, o, i);
		snprintf(path, sizeof path, "/replicas/%zu", i);
		if (before) {
			compare_fields(c, ddbgt__diff_replica_fields, ddbgt__diff_replica_field_count,
			               before, r, path, region, region);
			continue;
		}
		if (moved && r == new_home)
			continue;
		ddbgt__diff_rule_id rule = membership_rule(c, DDBGT__RULE_REPLICA_ADD);
		char *extra = NULL;
		if (rule == DDBGT__RULE_REPLICA_ADD && added_in_another_account(c, r)) {
			snprintf(path, sizeof path, "/replicas/%zu/account_id", i);
			added_or_removed(c, DDBGT__RULE_REPLICA_ACCOUNT_CONVERT,
			                 ddbgt__diff_render_account, r, 1, path, region, region, NULL);
			continue;
		}
		if (rule == DDBGT__RULE_REPLICA_ADD && !(extra = replica_prerequisites(n, r))) {
			c->status = DDBGT_ENOMEM;
			return;
		}
		added_or_removed(c, rule, ddbgt__diff_render_region, r, 1, path, region, region, extra);
		ddbgt__free(extra);
	}
}

/* One finding per change that is more than a plain in-place update. */
static int report(const ddbgt_changes *ch, const ddbgt_diff_options *opts, ddbgt_diags *diags)
{
	for (size_t i = 0; i < ch->count; i++) {
		const struct ddbgt__change *x = &ch->items[i];
		const ddbgt__diff_rule *r = ddbgt__diff_rule_get(x->rule);
		ddbgt_code code;
		ddbgt_severity sev;
		switch (r->cls) {
		case DDBGT_CHANGE_REPLACE:
			code = DDBGT_E_DIFF_REPLACE;
			sev = opts->allow_replace ? DDBGT_SEVERITY_WARNING : DDBGT_SEVERITY_ERROR;
			break;
		case DDBGT_CHANGE_REFUSED:
			code = DDBGT_E_DIFF_REFUSED;
			sev = DDBGT_SEVERITY_ERROR;
			break;
		case DDBGT_CHANGE_RATE_LIMITED:
			code = DDBGT_W_DIFF_RATE_LIMITED;
			sev = DDBGT_SEVERITY_WARNING;
			break;
		case DDBGT_CHANGE_REPLICA_ADD:
		case DDBGT_CHANGE_REPLICA_REMOVE:
			code = DDBGT_I_DIFF_REPLICA;
			sev = DDBGT_SEVERITY_INFO;
			break;
		default:
			continue;
		}
		int rc = ddbgt__diag_add_sevf(diags, code, sev, x->path, x->region, "%s: %s%s%s (%s)",
		                              r->name, x->reason, r->limit ? "; limit: " : "",
		                              r->limit ? r->limit : "", r->source);
		if (rc)
			return rc;
	}
	return DDBGT_OK;
}

/* The bytes each options version has (options.h). */
static const size_t diff_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_diff_options, allow_replace),
};

#define DIFF_OPTIONS_VERSIONS (sizeof diff_options_ends / sizeof diff_options_ends[0])
_Static_assert(DIFF_OPTIONS_VERSIONS == DDBGT_DIFF_OPTIONS_VERSION, "one end per version");

DDBGT_API int ddbgt_diff_options_init(ddbgt_diff_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, diff_options_ends, DIFF_OPTIONS_VERSIONS);
}

DDBGT_API int ddbgt_diff(ddbgt_changes **out, const ddbgt_table *old_table,
                         const ddbgt_table *new_table, const ddbgt_diff_options *opts,
                         ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!old_table || !new_table)
		return DDBGT_EINVAL;
	ddbgt_diff_options o = DDBGT_DIFF_OPTIONS_INIT;
	if (opts) {
		int rc = ddbgt__options_read_said(&o, sizeof o, opts, diff_options_ends,
		                                  DIFF_OPTIONS_VERSIONS, "diff options", diags);
		if (rc)
			return rc;
	}

	struct ctx c = {old_table, new_table, ddbgt__calloc(1, sizeof(ddbgt_changes)), {{0}}, 0};
	ddbgt__jw_init(&c.scratch[0], 1, 256);
	ddbgt__jw_init(&c.scratch[1], 1, 256);
	if (!c.changes || c.scratch[0].status || c.scratch[1].status)
		c.status = DDBGT_ENOMEM;
	compare_fields(&c, ddbgt__diff_table_fields, ddbgt__diff_table_field_count, old_table,
	               new_table, "/table", NULL, NULL);
	compare_lsis(&c);
	compare_gsis(&c);
	compare_replicas(&c);
	compare_fields(&c, ddbgt__diff_operations_fields, ddbgt__diff_operations_field_count,
	               old_table, new_table, "", NULL, NULL);
	if (!c.status)
		c.status = ddbgt__diff_plan(c.changes, old_table, new_table);
	if (!c.status && diags)
		c.status = report(c.changes, &o, diags);
	ddbgt__jw_release(&c.scratch[0]);
	ddbgt__jw_release(&c.scratch[1]);
	if (c.status) {
		ddbgt_changes_free(c.changes);
		return c.status;
	}
	*out = c.changes;
	return DDBGT_OK;
}
