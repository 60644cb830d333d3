/* The change list of ddbgt_diff: accessors, JSON and text. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "diag_internal.h"
#include "diff_internal.h"
#include "jsonwrite.h"

static const char *const class_names[] = {
	[DDBGT_CHANGE_IN_PLACE] = "in_place",
	[DDBGT_CHANGE_REPLICA_ADD] = "replica_add",
	[DDBGT_CHANGE_REPLICA_REMOVE] = "replica_remove",
	[DDBGT_CHANGE_REPLACE] = "replace",
	[DDBGT_CHANGE_REFUSED] = "refused",
	[DDBGT_CHANGE_RATE_LIMITED] = "rate_limited",
};

DDBGT_API const char *ddbgt_change_class_name(ddbgt_change_class cls)
{
	if ((int)cls <= 0 || (size_t)cls >= sizeof class_names / sizeof class_names[0])
		return NULL;
	return class_names[cls];
}

DDBGT_API void ddbgt_changes_free(ddbgt_changes *ch)
{
	if (!ch)
		return;
	for (size_t i = 0; i < ch->count; i++) {
		struct ddbgt__change *x = &ch->items[i];
		ddbgt__free(x->path);
		ddbgt__free(x->old_value);
		ddbgt__free(x->new_value);
		ddbgt__free(x->region);
		ddbgt__free(x->group);
		ddbgt__free(x->reason);
	}
	for (size_t s = 0; s < ch->step_count; s++) {
		ddbgt__free(ch->steps[s].action);
		ddbgt__free(ch->steps[s].changes);
	}
	ddbgt__free(ch->items);
	ddbgt__free(ch->steps);
	ddbgt__free(ch);
}

static const struct ddbgt__change *item(const ddbgt_changes *ch, size_t i)
{
	return ch && i < ch->count ? &ch->items[i] : NULL;
}

static const struct ddbgt__step *step(const ddbgt_changes *ch, size_t s)
{
	return ch && s < ch->step_count ? &ch->steps[s] : NULL;
}

static const ddbgt__diff_rule *rule_of(const ddbgt_changes *ch, size_t i)
{
	const struct ddbgt__change *x = item(ch, i);
	return x ? ddbgt__diff_rule_get(x->rule) : NULL;
}

DDBGT_API size_t ddbgt_changes_count(const ddbgt_changes *ch)
{
	return ch ? ch->count : 0;
}

DDBGT_API size_t ddbgt_changes_class_count(const ddbgt_changes *ch, ddbgt_change_class cls)
{
	size_t n = 0;
	for (size_t i = 0; i < ddbgt_changes_count(ch); i++)
		n += rule_of(ch, i)->cls == cls;
	return n;
}

DDBGT_API const char *ddbgt_changes_path(const ddbgt_changes *ch, size_t i)
{
	return item(ch, i) ? item(ch, i)->path : NULL;
}

DDBGT_API const char *ddbgt_changes_old_value(const ddbgt_changes *ch, size_t i)
{
	return item(ch, i) ? item(ch, i)->old_value : NULL;
}

DDBGT_API const char *ddbgt_changes_new_value(const ddbgt_changes *ch, size_t i)
{
	return item(ch, i) ? item(ch, i)->new_value : NULL;
}

DDBGT_API ddbgt_change_class ddbgt_changes_class(const ddbgt_changes *ch, size_t i)
{
	return rule_of(ch, i) ? rule_of(ch, i)->cls : DDBGT_CHANGE_UNSET;
}

DDBGT_API const char *ddbgt_changes_rule(const ddbgt_changes *ch, size_t i)
{
	return rule_of(ch, i) ? rule_of(ch, i)->name : NULL;
}

DDBGT_API const char *ddbgt_changes_region(const ddbgt_changes *ch, size_t i)
{
	return item(ch, i) ? item(ch, i)->region : NULL;
}

DDBGT_API const char *ddbgt_changes_reason(const ddbgt_changes *ch, size_t i)
{
	return item(ch, i) ? item(ch, i)->reason : NULL;
}

DDBGT_API const char *ddbgt_changes_source(const ddbgt_changes *ch, size_t i)
{
	return rule_of(ch, i) ? rule_of(ch, i)->source : NULL;
}

DDBGT_API const char *ddbgt_changes_limit(const ddbgt_changes *ch, size_t i)
{
	return rule_of(ch, i) ? rule_of(ch, i)->limit : NULL;
}

DDBGT_API size_t ddbgt_changes_step_count(const ddbgt_changes *ch)
{
	return ch ? ch->step_count : 0;
}

DDBGT_API const char *ddbgt_changes_step_api(const ddbgt_changes *ch, size_t s)
{
	return step(ch, s) ? step(ch, s)->api : NULL;
}

DDBGT_API const char *ddbgt_changes_step_action(const ddbgt_changes *ch, size_t s)
{
	return step(ch, s) ? step(ch, s)->action : NULL;
}

DDBGT_API size_t ddbgt_changes_step_update_table_calls(const ddbgt_changes *ch, size_t s)
{
	return step(ch, s) ? step(ch, s)->calls : 0;
}

DDBGT_API size_t ddbgt_changes_step_change_count(const ddbgt_changes *ch, size_t s)
{
	return step(ch, s) ? step(ch, s)->change_count : 0;
}

DDBGT_API int ddbgt_changes_get_step_change(const ddbgt_changes *ch, size_t s, size_t k,
                                            size_t *index)
{
	if (!ch || !index)
		return DDBGT_EINVAL;
	const struct ddbgt__step *st = step(ch, s);
	if (!st || k >= st->change_count)
		return DDBGT_ENOTFOUND;
	*index = st->changes[k];
	return DDBGT_OK;
}

DDBGT_API size_t ddbgt_changes_update_table_calls(const ddbgt_changes *ch)
{
	size_t n = 0;
	for (size_t s = 0; s < ddbgt_changes_step_count(ch); s++)
		n += ch->steps[s].calls;
	return n;
}

/* A value the diff rendered as compact JSON, written back as a JSON value. */
static void write_value(jw *w, const char *text)
{
	if (!text) {
		ddbgt__jw_null(w);
		return;
	}
	ddbgt__jw_value_begin(w);
	ddbgt__jw_raw(w, text, strlen(text));
}

static void write_opt_string(jw *w, const char *key, const char *s)
{
	ddbgt__jw_key(w, key);
	if (s)
		ddbgt__jw_string(w, s);
	else
		ddbgt__jw_null(w);
}

DDBGT_API int ddbgt_changes_to_json(char **out, const ddbgt_changes *ch)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ch)
		return DDBGT_EINVAL;
	jw w;
	ddbgt__jw_init(&w, 0, 512 + 512 * ch->count);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "changes");
	ddbgt__jw_int(&w, (int64_t)ch->count);
	ddbgt__jw_key(&w, "replace");
	ddbgt__jw_int(&w, (int64_t)ddbgt_changes_class_count(ch, DDBGT_CHANGE_REPLACE));
	ddbgt__jw_key(&w, "refused");
	ddbgt__jw_int(&w, (int64_t)ddbgt_changes_class_count(ch, DDBGT_CHANGE_REFUSED));
	ddbgt__jw_key(&w, "rate_limited");
	ddbgt__jw_int(&w, (int64_t)ddbgt_changes_class_count(ch, DDBGT_CHANGE_RATE_LIMITED));
	ddbgt__jw_key(&w, "update_table_calls");
	ddbgt__jw_int(&w, (int64_t)ddbgt_changes_update_table_calls(ch));
	ddbgt__jw_key(&w, "items");
	ddbgt__jw_array_begin(&w);
	for (size_t i = 0; i < ch->count; i++) {
		const struct ddbgt__change *x = &ch->items[i];
		ddbgt__jw_object_begin(&w);
		write_opt_string(&w, "path", x->path);
		write_opt_string(&w, "class", ddbgt_change_class_name(ddbgt_changes_class(ch, i)));
		write_opt_string(&w, "rule", ddbgt_changes_rule(ch, i));
		write_opt_string(&w, "region", x->region);
		ddbgt__jw_key(&w, "old");
		write_value(&w, x->old_value);
		ddbgt__jw_key(&w, "new");
		write_value(&w, x->new_value);
		write_opt_string(&w, "reason", x->reason);
		write_opt_string(&w, "source", ddbgt_changes_source(ch, i));
		write_opt_string(&w, "limit", ddbgt_changes_limit(ch, i));
		ddbgt__jw_object_end(&w);
	}
	ddbgt__jw_array_end(&w);
	ddbgt__jw_key(&w, "plan");
	ddbgt__jw_array_begin(&w);
	for (size_t s = 0; s < ch->step_count; s++) {
		const struct ddbgt__step *st = &ch->steps[s];
		ddbgt__jw_object_begin(&w);
		ddbgt__jw_key(&w, "step");
		ddbgt__jw_int(&w, (int64_t)s + 1);
		write_opt_string(&w, "api", st->api);
		write_opt_string(&w, "action", st->action);
		ddbgt__jw_key(&w, "update_table_calls");
		ddbgt__jw_int(&w, (int64_t)st->calls);
		ddbgt__jw_key(&w, "changes");
		ddbgt__jw_array_begin(&w);
		for (size_t k = 0; k < st->change_count; k++)
			ddbgt__jw_int(&w, (int64_t)st->changes[k]);
		ddbgt__jw_array_end(&w);
		ddbgt__jw_object_end(&w);
	}
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

/* A growing text buffer; failed sticks after the first allocation failure. */
struct text {
	char *buf;
	size_t len, cap;
	int failed;
};

static void appendf(struct text *t, const char *fmt, ...) DDBGT__PRINTF(2, 3);
static void appendf(struct text *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (t->failed || n < 0 ||
	    ddbgt__grow((void **)&t->buf, &t->cap, t->len + (size_t)n + 1, 1)) {
		t->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(t->buf + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

DDBGT_API int ddbgt_changes_to_text(char **out, const ddbgt_changes *ch)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!ch)
		return DDBGT_EINVAL;
	struct text t = {0};
	appendf(&t, "%s", "");
	for (size_t i = 0; i < ch->count; i++) {
		const struct ddbgt__change *x = &ch->items[i];
		const char *limit = ddbgt_changes_limit(ch, i);
		appendf(&t, "%s %s (%s): %s -> %s\n    %s%s%s\n    source: %s\n",
		        ddbgt_change_class_name(ddbgt_changes_class(ch, i)), x->path,
		        ddbgt_changes_rule(ch, i), x->old_value ? x->old_value : "(absent)",
		        x->new_value ? x->new_value : "(absent)", x->reason, limit ? "\n    limit: " : "",
		        limit ? limit : "", ddbgt_changes_source(ch, i));
	}
	if (ch->step_count)
		appendf(&t, "plan:\n");
	for (size_t s = 0; s < ch->step_count; s++) {
		const struct ddbgt__step *st = &ch->steps[s];
		appendf(&t, "  %zu. %s: %s [", s + 1, st->api, st->action);
		for (size_t k = 0; k < st->change_count; k++)
			appendf(&t, "%s%s", k ? ", " : "", ch->items[st->changes[k]].path);
		appendf(&t, "]\n");
	}
	appendf(&t, "%zu change%s: %zu replace, %zu refused, %zu rate-limited; %zu UpdateTable call%s\n",
	        ch->count, ch->count == 1 ? "" : "s",
	        ddbgt_changes_class_count(ch, DDBGT_CHANGE_REPLACE),
	        ddbgt_changes_class_count(ch, DDBGT_CHANGE_REFUSED),
	        ddbgt_changes_class_count(ch, DDBGT_CHANGE_RATE_LIMITED),
	        ddbgt_changes_update_table_calls(ch),
	        ddbgt_changes_update_table_calls(ch) == 1 ? "" : "s");
	if (t.failed) {
		ddbgt__free(t.buf);
		return DDBGT_ENOMEM;
	}
	*out = t.buf;
	return DDBGT_OK;
}
