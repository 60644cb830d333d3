#include "jsonwrite.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"
#include "swar.h"

void ddbgt__jw_init(jw *w, int compact, size_t size_hint)
{
	memset(w, 0, sizeof *w);
	w->compact = compact;
	w->cap = size_hint < 256 ? 256 : size_hint;
	w->buf = ddbgt__malloc(w->cap);
	if (!w->buf)
		w->failed = 1;
}

static int grow(jw *w, size_t n)
{
	if (ddbgt__grow((void **)&w->buf, &w->cap, w->len + n + 2, 1)) {
		w->failed = 1;
		return 0;
	}
	return 1;
}

/* Room for n more bytes, and for the final newline and NUL; 0 after a failure. */
static inline int reserve(jw *w, size_t n)
{
	if (w->failed)
		return 0;
	return w->len + n + 2 <= w->cap || grow(w, n);
}

static inline void raw(jw *w, const char *s, size_t n)
{
	if (reserve(w, n)) {
		memcpy(w->buf + w->len, s, n);
		w->len += n;
	}
}

/* Separator, newline and indentation before a value or key at the current level. */
static void before_item(jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0)
		return;
	size_t indent = w->compact ? 0 : 2 * (size_t)w->depth;
	/* Spaces go eight at a time, up to seven past the indentation. */
	if (!reserve(w, 2 + indent + 8))
		return;
	char *d = w->buf + w->len;
	if (w->has_items[w->depth - 1])
		*d++ = ',';
	w->has_items[w->depth - 1] = 1;
	if (!w->compact) {
		*d++ = '\n';
		for (size_t i = 0; i < indent; i += 8)
			memcpy(d + i, "        ", 8);
		d += indent;
	}
	w->len = (size_t)(d - w->buf);
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
	size_t indent = had && !w->compact ? 2 * (size_t)w->depth : 0;
	if (!reserve(w, 2 + indent + 8))
		return;
	char *d = w->buf + w->len;
	if (had && !w->compact) {
		*d++ = '\n';
		for (size_t i = 0; i < indent; i += 8)
			memcpy(d + i, "        ", 8);
		d += indent;
	}
	*d++ = c;
	w->len = (size_t)(d - w->buf);
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

/* 1 for the bytes a JSON string holds as they are (all but '"', '\\' and controls). */
static inline int plain(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\';
}

/* Copy the plain bytes at the start of [p, end) to d; returns how many. */
static inline size_t copy_plain(char *d, const char *p, const char *end)
{
	const char *start = p;
#ifdef DDBGT__SWAR
	/* Whole words are stored before they are tested: d has room (see quoted). */
	for (; end - p >= 8; p += 8, d += 8) {
		uint64_t x = ddbgt__load8(p);
		memcpy(d, &x, sizeof x);
		uint64_t marks = ddbgt__bytes_equal(x, '"') | ddbgt__bytes_equal(x, '\\') |
		                 ddbgt__bytes_below(x, 0x20);
		if (marks)
			return (size_t)(p - start) + ddbgt__first_marked(marks);
	}
#endif
	while (p < end && plain((unsigned char)*p))
		*d++ = *p++;
	return (size_t)(p - start);
}

/* s in quotes, escaped, and for a key the ": " (":" compact) after it. */
static void quoted(jw *w, const char *s, int key)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = strlen(s);
	/* Worst case every byte becomes \u00XX; a word stored whole may pass the end by 7. */
	if (!reserve(w, 6 * n + 4 + 8))
		return;
	char *d = w->buf + w->len;
	*d++ = '"';
	for (const char *p = s, *end = s + n;;) {
		size_t k = copy_plain(d, p, end);
		p += k;
		d += k;
		if (p == end)
			break;
		unsigned char c = (unsigned char)*p++;
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
	if (key) {
		*d++ = ':';
		if (!w->compact)
			*d++ = ' ';
	}
	w->len = (size_t)(d - w->buf);
}

void ddbgt__jw_key(jw *w, const char *key)
{
	before_item(w);
	quoted(w, key, 1);
	w->after_key = 1;
}

void ddbgt__jw_string(jw *w, const char *s)
{
	before_item(w);
	quoted(w, s ? s : "", 0);
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

void ddbgt__jw_reset(jw *w)
{
	w->len = 0;
	w->depth = 0;
	w->after_key = 0;
}

void ddbgt__jw_raw_value(jw *w, const char *json)
{
	before_item(w);
	raw(w, json, strlen(json));
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
