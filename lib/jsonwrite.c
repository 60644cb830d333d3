#include "jsonwrite.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"

void ddbgt__jw_init(jw *w, int compact, size_t size_hint)
{
	memset(w, 0, sizeof *w);
	w->compact = compact;
	w->cap = size_hint < 256 ? 256 : size_hint;
	w->buf = ddbgt__malloc(w->cap);
	if (!w->buf)
		w->failed = 1;
}

static int reserve(jw *w, size_t n)
{
	if (w->failed)
		return 0;
	if (w->len + n + 2 > w->cap &&
	    ddbgt__grow((void **)&w->buf, &w->cap, w->len + n + 2, 1)) {
		w->failed = 1;
		return 0;
	}
	return 1;
}

static void raw(jw *w, const char *s, size_t n)
{
	if (reserve(w, n)) {
		memcpy(w->buf + w->len, s, n);
		w->len += n;
	}
}

static void newline_indent(jw *w)
{
	if (w->compact || !reserve(w, 1 + 2 * (size_t)w->depth))
		return;
	w->buf[w->len++] = '\n';
	memset(w->buf + w->len, ' ', 2 * (size_t)w->depth);
	w->len += 2 * (size_t)w->depth;
}

/* Separator and indentation before a value or key at the current level. */
static void before_item(jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->has_items[w->depth - 1])
		raw(w, ",", 1);
	w->has_items[w->depth - 1] = 1;
	newline_indent(w);
}

static void begin_container(jw *w, char c)
{
	before_item(w);
	raw(w, &c, 1);
	if (w->depth >= JW_MAX_DEPTH) {
		w->failed = 1;
		return;
	}
	w->has_items[w->depth++] = 0;
}

static void end_container(jw *w, char c)
{
	if (w->depth == 0) {
		w->failed = 1;
		return;
	}
	int had = w->has_items[--w->depth];
	if (had)
		newline_indent(w);
	raw(w, &c, 1);
}

void ddbgt__jw_object_begin(jw *w)
{
	begin_container(w, '{');
}

void ddbgt__jw_object_end(jw *w)
{
	end_container(w, '}');
}

void ddbgt__jw_array_begin(jw *w)
{
	begin_container(w, '[');
}

void ddbgt__jw_array_end(jw *w)
{
	end_container(w, ']');
}

static void quoted(jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(s);
	/* Worst case every byte becomes \u00XX. */
	if (!reserve(w, 6 * n + 2))
		return;
	char *d = w->buf + w->len;
	*d++ = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if (c >= 0x20 && c != '"' && c != '\\') {
			*d++ = (char)c;
			continue;
		}
		*d++ = '\\';
		switch (c) {
		case '"': *d++ = '"'; break;
		case '\\': *d++ = '\\'; break;
		case '\n': *d++ = 'n'; break;
		case '\r': *d++ = 'r'; break;
		case '\t': *d++ = 't'; break;
		case '\b': *d++ = 'b'; break;
		case '\f': *d++ = 'f'; break;
		default:
			*d++ = 'u';
			*d++ = '0';
			*d++ = '0';
			*d++ = hex[c >> 4];
			*d++ = hex[c & 15];
		}
	}
	*d++ = '"';
	w->len = (size_t)(d - w->buf);
}

void ddbgt__jw_key(jw *w, const char *key)
{
	before_item(w);
	quoted(w, key);
	raw(w, w->compact ? ":" : ": ", w->compact ? 1 : 2);
	w->after_key = 1;
}

void ddbgt__jw_string(jw *w, const char *s)
{
	before_item(w);
	quoted(w, s ? s : "");
}

void ddbgt__jw_int(jw *w, int64_t v)
{
	char buf[24];
	char *end = buf + sizeof buf, *p = end;
	/* Digits by hand: printf costs more than the rest of a dump's numbers. */
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	before_item(w);
	raw(w, p, (size_t)(end - p));
}

void ddbgt__jw_number(jw *w, double v)
{
	/* 2^53: every integer up to here is exact in a double. */
	if (isfinite(v) && v == floor(v) && fabs(v) <= 9007199254740992.0) {
		ddbgt__jw_int(w, (int64_t)v);
		return;
	}
	before_item(w);
	if (!isfinite(v)) {
		/* JSON has no infinity or NaN: refuse rather than write a wrong document. */
		w->range_error = 1;
		return;
	}
	char buf[40];
	int n = snprintf(buf, sizeof buf, "%.15g", v);
	/* Whatever LC_NUMERIC the host set, JSON's decimal point is '.'. */
	const char *dp = localeconv()->decimal_point;
	if (dp && dp[0] && dp[0] != '.' && !dp[1]) {
		char *p = strchr(buf, dp[0]);
		if (p)
			*p = '.';
	}
	raw(w, buf, (size_t)n);
}

void ddbgt__jw_bool(jw *w, int v)
{
	before_item(w);
	raw(w, v ? "true" : "false", v ? 4 : 5);
}

void ddbgt__jw_null(jw *w)
{
	before_item(w);
	raw(w, "null", 4);
}

int ddbgt__jw_finish(jw *w, char **out)
{
	*out = NULL;
	if (!w->compact || w->depth == 0)
		raw(w, "\n", 1);
	if (w->failed || w->range_error || w->depth != 0) {
		ddbgt__free(w->buf);
		w->buf = NULL;
		return w->range_error ? DDBGT_ERANGE : DDBGT_ENOMEM;
	}
	w->buf[w->len] = '\0';
	*out = w->buf;
	w->buf = NULL;
	return DDBGT_OK;
}
