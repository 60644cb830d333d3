/* The one JSON writer of the library (see jsonwrite.h). */
#include "jsonwrite.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"
#include "swar.h"
#include "utf8.h"

void ddbgt__jw_fail(jw *w, int status)
{
	if (!w->status)
		w->status = status;
}

static int grow(jw *w, size_t n)
{
	if (n > SIZE_MAX - 2 - w->len || ddbgt__grow((void **)&w->buf, &w->cap, w->len + n + 2, 1)) {
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
		return 0;
	}
	return 1;
}

/* Room for n more bytes, and for the final newline and NUL; 0 after a failure. */
static inline int reserve(jw *w, size_t n)
{
	if (w->status)
		return 0;
	return n + 1 < w->cap - w->len || grow(w, n);
}

static inline void raw(jw *w, const char *s, size_t n)
{
	if (reserve(w, n)) {
		memcpy(w->buf + w->len, s, n);
		w->len += n;
	}
}

void ddbgt__jw_raw(jw *w, const char *s, size_t n)
{
	raw(w, s, n);
}

void ddbgt__jw_init(jw *w, int compact, size_t size_hint)
{
	memset(w, 0, sizeof *w);
	w->compact = compact;
	w->cap = size_hint < 256 ? 256 : size_hint;
	w->buf = ddbgt__malloc(w->cap);
	if (!w->buf) {
		w->cap = 0;
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
	}
}

void ddbgt__jw_release(jw *w)
{
	ddbgt__free(w->buf);
	w->buf = NULL;
	w->len = w->cap = 0;
}

void ddbgt__jw_reset(jw *w)
{
	w->len = 0;
	w->depth = 0;
	w->after_key = 0;
}

int ddbgt__jw_finish(jw *w, char **out, size_t *len)
{
	*out = NULL;
	if (len)
		*len = 0;
	if (w->depth || w->after_key || w->len == 0)
		ddbgt__jw_fail(w, DDBGT_EINVAL);
	raw(w, "\n", 1);
	if (w->status) {
		ddbgt__jw_release(w);
		return w->status;
	}
	w->buf[w->len] = '\0';
	*out = w->buf;
	if (len)
		*len = w->len;
	w->buf = NULL;
	w->len = w->cap = 0;
	return DDBGT_OK;
}

/*
 * A newline and the indentation of depth, spaces sixteen at a time: one
 * store for the usual depths up to 8. d has room for INDENT_ROOM(depth).
 */
#define INDENT_ROOM(depth) (2 + 2 * (size_t)(depth) + 16)
static char *newline_indent(char *d, unsigned depth)
{
	static const char spaces[16] = "                ";
	size_t indent = 2 * (size_t)depth;
	*d++ = '\n';
	memcpy(d, spaces, sizeof spaces);
	for (size_t i = sizeof spaces; i < indent; i += sizeof spaces)
		memcpy(d + i, spaces, sizeof spaces);
	return d + indent;
}

/*
 * The comma and indentation before an element of the open container, at d,
 * which has room for INDENT_ROOM(w->depth); returns their end.
 */
static inline char *separator(jw *w, char *d)
{
	if (w->has_items[w->depth - 1])
		*d++ = ',';
	w->has_items[w->depth - 1] = 1;
	return w->compact ? d : newline_indent(d, w->depth);
}

/* Inlined in this file's writers: it runs before every value. */
static inline void value_begin(jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0) {
		if (w->len)
			ddbgt__jw_fail(w, DDBGT_EINVAL); /* one root value only */
		return;
	}
	/* The separator, and the indentation, which may store up to 15 bytes past its end. */
	if (!reserve(w, INDENT_ROOM(w->depth)))
		return;
	w->len = (size_t)(separator(w, w->buf + w->len) - w->buf);
}

void ddbgt__jw_value_begin(jw *w)
{
	value_begin(w);
}

void ddbgt__jw_value_again(jw *w, size_t start, size_t n)
{
	if (start > w->len || n > w->len - start) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return;
	}
	value_begin(w);
	/* Offsets, not pointers: reserving may move the buffer. */
	if (reserve(w, n)) {
		memcpy(w->buf + w->len, w->buf + start, n);
		w->len += n;
	}
}

static void begin_container(jw *w, char c)
{
	value_begin(w);
	if (w->depth >= JW_MAX_DEPTH) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return;
	}
	if (reserve(w, 1))
		w->buf[w->len++] = c;
	w->has_items[w->depth++] = 0;
}

static void end_container(jw *w, char c)
{
	if (w->depth == 0 || w->after_key) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return;
	}
	int had = w->has_items[--w->depth];
	if (!reserve(w, INDENT_ROOM(w->depth)))
		return;
	char *d = w->buf + w->len;
	if (had && !w->compact)
		d = newline_indent(d, w->depth);
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

#ifndef DDBGT__SWAR
/* 1 for the bytes a JSON string holds as they are: printable ASCII but '"' and '\\'. */
static inline int plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}
#else
/* The high bit of each byte of x that is not plain; only the lowest mark is exact. */
static inline uint64_t escape_marks(uint64_t x)
{
	return ddbgt__bytes_equal(x, '"') | ddbgt__bytes_equal(x, '\\') |
	       ddbgt__bytes_below(x, 0x20) | ddbgt__bytes_equal(x, 0x7f) | (x & DDBGT__HIGHS);
}

/*
 * The n (1-7) bytes at p as the low bytes of a word, the others zero, in
 * two or three loads that may overlap (they put the same byte in the same
 * place) instead of one per byte, and none past p + n.
 */
static inline uint64_t load_short(const char *p, size_t n)
{
	if (n >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, p, sizeof lo);
		memcpy(&hi, p + n - 4, sizeof hi);
		return lo | (uint64_t)hi << (8 * (n - 4));
	}
	return (uint64_t)(unsigned char)p[0] | (uint64_t)(unsigned char)p[n / 2] << (8 * (n / 2)) |
	       (uint64_t)(unsigned char)p[n - 1] << (8 * (n - 1));
}
#endif

/*
 * Copy the plain bytes at the start of [p, end) to d; returns how many.
 * Bytes from 0x80 up stop the run too: they are checked as UTF-8.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline size_t copy_plain(char *d, const char *p, const char *end)
{
	const char *start = p;
#ifdef DDBGT__SWAR
	/* Whole words are stored before they are tested: d has room (see put_body). */
	for (; end - p >= 8; p += 8, d += 8) {
		uint64_t x = ddbgt__load8(p);
		memcpy(d, &x, sizeof x);
		uint64_t marks = escape_marks(x);
		if (marks)
			return (size_t)(p - start) + ddbgt__first_marked(marks);
	}
	if (p == end)
		return (size_t)(p - start);
	/*
	 * The last 1-7 bytes as one word too (most keys and values are short):
	 * the word that ends at end, shifted, when the run is that long, else
	 * byte by byte; the bytes past end are zero and their marks dropped.
	 */
	size_t rest = (size_t)(end - p);
	uint64_t x = end - start >= 8 ? ddbgt__load8(end - 8) >> (8 * (8 - rest))
	                              : load_short(p, rest);
	memcpy(d, &x, sizeof x);
	uint64_t marks = escape_marks(x) & (DDBGT__HIGHS >> (8 * (8 - rest)));
	if (marks)
		return (size_t)(p - start) + ddbgt__first_marked(marks);
	return (size_t)(end - start);
#else
	while (p < end && plain((unsigned char)*p))
		*d++ = *p++;
	return (size_t)(p - start);
#endif
}

/*
 * The n bytes at s, escaped, at d, which has room for 6 * n + 8 bytes (the
 * worst case is "\u0001" for each byte; a word stored whole passes the end
 * by up to 7). Returns the end of what was written, or NULL for bytes that
 * are not valid UTF-8.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline char *put_body(char *d, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	static const char short_esc[] = "btn\0fr";
	for (const char *p = s, *end = s + n;;) {
		size_t k = copy_plain(d, p, end);
		p += k;
		d += k;
		if (p == end)
			return d;
		unsigned char c = (unsigned char)*p;
		if (c >= 0x80) {
			size_t len = ddbgt__utf8_seq_len((const unsigned char *)p, (size_t)(end - p));
			if (!len)
				return NULL;
			memcpy(d, p, len);
			d += len;
			p += len;
			continue;
		}
		p++;
		*d++ = '\\';
		if (c == '"' || c == '\\') {
			*d++ = (char)c;
		} else if (c >= '\b' && c <= '\r' && short_esc[c - '\b']) {
			*d++ = short_esc[c - '\b'];
		} else {
			memcpy(d, "u00", 3);
			d[3] = hex[c >> 4];
			d[4] = hex[c & 15];
			d += 5;
		}
	}
}

/* Room for the body of n bytes and extra more; 0 after a failure. Inlined: every string runs it. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int reserve_body(jw *w, size_t n, size_t extra)
{
	if (n > (SIZE_MAX - 16 - extra) / 6) {
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
		return 0;
	}
	return reserve(w, 6 * n + 8 + extra);
}

int ddbgt__jw_put_escaped(jw *w, const char *s, size_t n)
{
	if (!reserve_body(w, n, 0))
		return 0;
	char *d = put_body(w->buf + w->len, s, n);
	if (!d) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return -1;
	}
	w->len = (size_t)(d - w->buf);
	return 0;
}

/*
 * s (n bytes) in quotes, escaped, at d, and for a key the ": " (":"
 * compact) after it; d has room for 6 * n + 12 bytes. Returns the end of
 * what was written, or NULL (the writer failed) when s is not valid UTF-8.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline char *put_quoted(jw *w, char *d, const char *s, size_t n, int key)
{
	*d++ = '"';
	d = put_body(d, s, n);
	if (!d) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return NULL;
	}
	*d++ = '"';
	if (key) {
		*d++ = ':';
		if (!w->compact)
			*d++ = ' ';
	}
	return d;
}

/* s in quotes, escaped; -1 when s is not valid UTF-8. */
static int quoted(jw *w, const char *s)
{
	size_t n = strlen(s);
	if (!reserve_body(w, n, 4))
		return 0;
	char *d = put_quoted(w, w->buf + w->len, s, n, 0);
	if (!d)
		return -1;
	w->len = (size_t)(d - w->buf);
	return 0;
}

void ddbgt__jw_key_begin(jw *w)
{
	if (w->depth == 0 || w->after_key) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return;
	}
	value_begin(w);
}

void ddbgt__jw_key_end(jw *w)
{
	raw(w, ": ", w->compact ? 1 : 2);
	w->after_key = 1;
}

/*
 * Where a key and value of n bytes in all go, quotes and separator
 * included, after the container's separator, in one reservation for their
 * worst case; NULL after a failure or out of place.
 */
static inline char *pair_at(jw *w, size_t n)
{
	if (w->depth == 0 || w->after_key) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return NULL;
	}
	if (n > (SIZE_MAX - 64 - INDENT_ROOM(w->depth)) / 6) {
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
		return NULL;
	}
	if (!reserve(w, INDENT_ROOM(w->depth) + 6 * n + 16))
		return NULL;
	return separator(w, w->buf + w->len);
}

int ddbgt__jw_key(jw *w, const char *key)
{
	if (!key) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return 0;
	}
	size_t n = strlen(key);
	char *d = pair_at(w, n);
	if (!d)
		return 0;
	d = put_quoted(w, d, key, n, 1);
	if (!d)
		return -1;
	w->len = (size_t)(d - w->buf);
	w->after_key = 1;
	return 0;
}

/*
 * Where a key already quoted (nk bytes) and extra more go, after the
 * separator, in one reservation; NULL after a failure or out of place.
 */
static inline char *quoted_key_at(jw *w, const char *quoted, size_t nk, size_t extra)
{
	if (w->depth == 0 || w->after_key) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return NULL;
	}
	if (!reserve(w, INDENT_ROOM(w->depth) + nk + extra))
		return NULL;
	char *d = separator(w, w->buf + w->len);
	memcpy(d, quoted, nk);
	return d + nk;
}

void ddbgt__jw_key_quoted(jw *w, const char *quoted, size_t n)
{
	char *d = quoted_key_at(w, quoted, w->compact ? n - 1 : n, 0);
	if (!d)
		return;
	w->len = (size_t)(d - w->buf);
	w->after_key = 1;
}

void ddbgt__jw_key_quoted_open(jw *w, const char *quoted, size_t n, char bracket)
{
	if (w->depth >= JW_MAX_DEPTH) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return;
	}
	char *d = quoted_key_at(w, quoted, w->compact ? n - 1 : n, 1);
	if (!d)
		return;
	*d++ = bracket;
	w->len = (size_t)(d - w->buf);
	w->has_items[w->depth++] = 0;
}

int ddbgt__jw_string(jw *w, const char *s)
{
	value_begin(w);
	return quoted(w, s ? s : "");
}

int ddbgt__jw_kv_string(jw *w, const char *key, const char *s)
{
	if (!key || !s) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return 0;
	}
	size_t nk = strlen(key), n = strlen(s);
	char *d = pair_at(w, nk + n);
	if (!d)
		return 0;
	d = put_quoted(w, d, key, nk, 1);
	if (!d)
		return -1;
	d = put_quoted(w, d, s, n, 0);
	if (!d)
		return -2;
	w->len = (size_t)(d - w->buf);
	return 0;
}

int ddbgt__jw_kv_quoted_string(jw *w, const char *quoted, size_t nq, const char *s)
{
	if (!s) {
		ddbgt__jw_fail(w, DDBGT_EINVAL);
		return 0;
	}
	size_t nk = w->compact ? nq - 1 : nq, n = strlen(s);
	/* One reservation: the separator, the key, the value's worst case and its quotes. */
	if (n > (SIZE_MAX - 64 - nk - INDENT_ROOM(w->depth)) / 6) {
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
		return 0;
	}
	char *d = quoted_key_at(w, quoted, nk, 6 * n + 12);
	if (!d)
		return 0;
	d = put_quoted(w, d, s, n, 0);
	if (!d)
		return -1;
	w->len = (size_t)(d - w->buf);
	return 0;
}

size_t ddbgt__jw_string_pieces(jw *w, const jw_piece *pieces, size_t count)
{
	size_t total = 0;
	for (size_t i = 0; i < count; i++) {
		if (pieces[i].n > SIZE_MAX / 8 - total) {
			ddbgt__jw_fail(w, DDBGT_ENOMEM);
			return 0;
		}
		total += pieces[i].n;
	}
	value_begin(w);
	/* Room for every piece's worst case one after the other, and the quotes. */
	if (!reserve_body(w, total, 2))
		return 0;
	char *d = w->buf + w->len;
	*d++ = '"';
	for (size_t i = 0; i < count; i++) {
		if (pieces[i].plain) {
			/* Most pieces are of the library's own: their escape scan costs more than the copy. */
			memcpy(d, pieces[i].s, pieces[i].n);
			d += pieces[i].n;
			continue;
		}
		d = put_body(d, pieces[i].s, pieces[i].n);
		if (!d) {
			ddbgt__jw_fail(w, DDBGT_EINVAL);
			return i + 1;
		}
	}
	*d++ = '"';
	w->len = (size_t)(d - w->buf);
	return 0;
}

void ddbgt__jw_string_or_null(jw *w, const char *s)
{
	if (s)
		ddbgt__jw_string(w, s);
	else
		ddbgt__jw_null(w);
}

/* The decimal digits of v at the end of buf[24]; returns where they start. */
static char *int_digits(char *end, int64_t v)
{
	/* Digits by hand: printf costs more than the rest of a dump's numbers. */
	char *p = end;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	return p;
}

void ddbgt__jw_int(jw *w, int64_t v)
{
	char buf[24];
	char *p = int_digits(buf + sizeof buf, v);
	value_begin(w);
	raw(w, p, (size_t)(buf + sizeof buf - p));
}

size_t ddbgt__jw_format_number(char *buf, double v)
{
	if (!isfinite(v))
		return 0;
	/* 2^53: every integer up to here is exact in a double. */
	if (v == floor(v) && fabs(v) <= 9007199254740992.0) {
		char digits[24];
		char *p = int_digits(digits + sizeof digits, (int64_t)v);
		size_t n = (size_t)(digits + sizeof digits - p);
		memcpy(buf, p, n);
		buf[n] = '\0';
		return n;
	}
	/*
	 * 15 digits print 72.3 as "72.3"; 16 or 17 only when 15 would read back
	 * as another double (0.1 + 0.2 is 0.30000000000000004). strtod reads the
	 * host's decimal point as snprintf writes it, so the test holds in any locale.
	 */
	int n = 0;
	for (int prec = 15; prec <= 17; prec++) {
		n = snprintf(buf, JW_NUMBER_MAX, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	/* Whatever LC_NUMERIC the host set, JSON's decimal point is '.'. */
	const char *dp = localeconv()->decimal_point;
	if (dp && dp[0] && dp[0] != '.' && !dp[1]) {
		char *p = strchr(buf, dp[0]);
		if (p)
			*p = '.';
	}
	return (size_t)n;
}

void ddbgt__jw_number(jw *w, double v)
{
	char buf[JW_NUMBER_MAX];
	size_t n = ddbgt__jw_format_number(buf, v);
	value_begin(w);
	if (!n) {
		/* JSON has no infinity or NaN: refuse rather than write a wrong document. */
		ddbgt__jw_fail(w, DDBGT_ERANGE);
		return;
	}
	raw(w, buf, n);
}

void ddbgt__jw_bool(jw *w, int v)
{
	value_begin(w);
	raw(w, v ? "true" : "false", v ? 4 : 5);
}

void ddbgt__jw_null(jw *w)
{
	value_begin(w);
	raw(w, "null", 4);
}
