/*
 * The JSON writer of the Terraform emitters: deterministic output and
 * Terraform's template escaping (see tfjson.h).
 */
#include "tfjson.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"
#include "utf8.h"

static void fail(ddbgt__tfjson *w, int status)
{
	if (!w->status)
		w->status = status;
}

static inline int reserve(ddbgt__tfjson *w, size_t more)
{
	if (w->status)
		return -1;
	if (more < w->cap - w->len)
		return 0; /* the common case: room for more and the final NUL */
	if (more > SIZE_MAX - w->len - 1) {
		fail(w, DDBGT_ENOMEM);
		return -1;
	}
	size_t need = w->len + more + 1;
	if (need <= w->cap)
		return 0;
	size_t cap = w->cap ? w->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *buf = ddbgt__realloc(w->buf, cap);
	if (!buf) {
		fail(w, DDBGT_ENOMEM);
		return -1;
	}
	w->buf = buf;
	w->cap = cap;
	return 0;
}

static void put(ddbgt__tfjson *w, const char *s, size_t n)
{
	if (reserve(w, n))
		return;
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

static void putc1(ddbgt__tfjson *w, char c)
{
	if (reserve(w, 1))
		return;
	w->buf[w->len++] = c;
}

void ddbgt__tfjson_init(ddbgt__tfjson *w, int compact, size_t size_hint)
{
	memset(w, 0, sizeof *w);
	w->compact = compact;
	if (size_hint)
		reserve(w, size_hint);
}

void ddbgt__tfjson_release(ddbgt__tfjson *w)
{
	ddbgt__free(w->buf);
	w->buf = NULL;
	w->len = w->cap = 0;
}

int ddbgt__tfjson_finish(ddbgt__tfjson *w, char **out, size_t *len)
{
	*out = NULL;
	if (len)
		*len = 0;
	if (!w->status && (w->depth || w->in_string || w->after_key || w->len == 0))
		fail(w, DDBGT_EINVAL);
	putc1(w, '\n');
	if (w->status) {
		ddbgt__tfjson_release(w);
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

static void newline_indent(ddbgt__tfjson *w, unsigned depth)
{
	if (reserve(w, 1 + 2 * (size_t)depth))
		return;
	w->buf[w->len++] = '\n';
	memset(w->buf + w->len, ' ', 2 * (size_t)depth);
	w->len += 2 * (size_t)depth;
}

/* Before any value or key: the separator and the indentation it needs. */
static void begin_item(ddbgt__tfjson *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0) {
		if (w->len)
			fail(w, DDBGT_EINVAL); /* one root value only */
		return;
	}
	if (w->has_items[w->depth - 1])
		putc1(w, ',');
	w->has_items[w->depth - 1] = 1;
	if (!w->compact)
		newline_indent(w, w->depth);
}

static void open_container(ddbgt__tfjson *w, char c)
{
	begin_item(w);
	if (w->depth >= DDBGT__TFJSON_MAX_DEPTH) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	putc1(w, c);
	w->has_items[w->depth++] = 0;
}

static void close_container(ddbgt__tfjson *w, char c)
{
	if (w->depth == 0 || w->after_key) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	w->depth--;
	if (w->has_items[w->depth] && !w->compact)
		newline_indent(w, w->depth);
	putc1(w, c);
}

void ddbgt__tfjson_object_begin(ddbgt__tfjson *w) { open_container(w, '{'); }
void ddbgt__tfjson_object_end(ddbgt__tfjson *w) { close_container(w, '}'); }
void ddbgt__tfjson_array_begin(ddbgt__tfjson *w) { open_container(w, '['); }
void ddbgt__tfjson_array_end(ddbgt__tfjson *w) { close_container(w, ']'); }

/*
 * 1: printable ASCII but '"', '\\' and '{', copied as they are; 2: '{', copied as
 * it is in a literal, but after a sigil escaped in text.
 */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 0,
	/* 0x80-0xff: UTF-8, checked one sequence at a time */
};

/*
 * Whether any byte of v, 8 bytes of a string, is not plain for mask: below
 * 0x20, 0x7f and up, '"', '\\', and with mask 1 (text) also '{'. The tests
 * are the exact "has a byte less than n" and "has a zero byte" word tricks.
 */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)
static inline uint64_t has_byte(uint64_t v, unsigned char c)
{
	uint64_t x = v ^ (ONES * c);
	return (x - ONES) & ~x & HIGHS;
}

static inline uint64_t special8(uint64_t v, unsigned char mask)
{
	uint64_t s = (v & HIGHS) | ((v - ONES * 0x20) & ~v & HIGHS);
	s |= has_byte(v, '"') | has_byte(v, '\\') | has_byte(v, 0x7f);
	if (mask == 1)
		s |= has_byte(v, '{');
	return s;
}

/* The length of the plain prefix of the n bytes at p, eight at a time where it can. */
static size_t plain_run(const unsigned char *p, size_t n, unsigned char mask)
{
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, 8);
		if (special8(v, mask))
			break;
	}
	while (i < n && (plain[p[i]] & mask))
		i++;
	return i;
}

static int is_sigil(char c)
{
	return c == '$' || c == '%';
}

void ddbgt__tfjson_put_escaped(ddbgt__tfjson *w, const char *s, int template_text)
{
	const unsigned char *p = (const unsigned char *)s;
	if (!template_text && is_sigil(p[0]) && p[1] == '{' && w->last == (char)p[0] && !w->status) {
		/*
		 * The string so far ends in the sigil this "${" starts with: together
		 * they would read as the escape "$${". Write that run of sigils as an
		 * interpolated string instead: "a$" + "${x}" -> "a${"$"}${x}".
		 */
		size_t run = 0;
		while (run < w->len && w->buf[w->len - 1 - run] == (char)p[0])
			run++;
		w->len -= run;
		put(w, "${\\\"", 4);
		for (size_t i = 0; i < run; i++)
			putc1(w, (char)p[0]);
		put(w, "\\\"}", 3);
	}
	if (w->status)
		return;
	const unsigned char mask = template_text ? 1 : 3;
	size_t len = strlen((const char *)p);
	/* Most strings need no escaping at all: one scan, one copy. */
	size_t i = plain_run(p, len, mask);
	if (reserve(w, len))
		return;
	if (i < len && (len > (SIZE_MAX - 1) / 6 || reserve(w, 6 * len)))
		return; /* the worst case is 6 bytes a byte ("\u0001") */
	char *o = w->buf + w->len;
	memcpy(o, p, i);
	o += i;
	while (i < len) {
		unsigned char c = p[i];
		if (c == '{') {
			/* Only text stops here: "${" -> "$${", "%{" -> "%%{". */
			char prev = i ? (char)p[i - 1] : w->last;
			if (is_sigil(prev))
				*o++ = prev;
			*o++ = '{';
			i++;
		} else if (c >= 0x80) {
			size_t n = ddbgt__utf8_seq_len(p + i, len - i);
			if (!n) {
				if (!w->bad_string)
					w->bad_string = s;
				fail(w, DDBGT_EINVAL);
				return;
			}
			memcpy(o, p + i, n);
			o += n;
			i += n;
		} else {
			static const char short_esc[] = "btn\0fr";
			*o++ = '\\';
			if (c == '"' || c == '\\') {
				*o++ = (char)c;
			} else if (c >= '\b' && c <= '\r' && short_esc[c - '\b']) {
				*o++ = short_esc[c - '\b'];
			} else {
				static const char hex[] = "0123456789abcdef";
				memcpy(o, "u00", 3);
				o[3] = hex[c >> 4];
				o[4] = hex[c & 15];
				o += 5;
			}
			i++;
		}
		size_t k = plain_run(p + i, len - i, mask);
		memcpy(o, p + i, k);
		o += k;
		i += k;
	}
	w->len = (size_t)(o - w->buf);
	if (len)
		w->last = (char)p[len - 1];
}

void ddbgt__tfjson_string_begin(ddbgt__tfjson *w)
{
	if (w->in_string) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	begin_item(w);
	putc1(w, '"');
	w->in_string = 1;
	w->last = 0;
}

void ddbgt__tfjson_string_literal(ddbgt__tfjson *w, const char *s)
{
	if (!w->in_string || !s) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	ddbgt__tfjson_put_escaped(w, s, 0);
}

void ddbgt__tfjson_string_text(ddbgt__tfjson *w, const char *s)
{
	if (!w->in_string || !s) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	ddbgt__tfjson_put_escaped(w, s, 1);
}

void ddbgt__tfjson_string_end(ddbgt__tfjson *w)
{
	if (!w->in_string) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	putc1(w, '"');
	w->in_string = 0;
}

static void whole_string(ddbgt__tfjson *w, const char *s, int template_text)
{
	if (!s) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	ddbgt__tfjson_string_begin(w);
	ddbgt__tfjson_put_escaped(w, s, template_text);
	ddbgt__tfjson_string_end(w);
}

static void write_key(ddbgt__tfjson *w, const char *key, int template_text)
{
	if (w->depth == 0 || w->after_key || w->in_string || !key) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	size_t len = strlen(key);
	if (plain_run((const unsigned char *)key, len, 1) == len) {
		/* A plain key (every argument and block name): quotes and separator in one go. */
		begin_item(w);
		if (reserve(w, len + 4))
			return;
		char *o = w->buf + w->len;
		*o++ = '"';
		memcpy(o, key, len);
		o += len;
		*o++ = '"';
		*o++ = ':';
		if (!w->compact)
			*o++ = ' ';
		w->len = (size_t)(o - w->buf);
		w->after_key = 1;
		return;
	}
	whole_string(w, key, template_text);
	if (w->compact)
		putc1(w, ':');
	else
		put(w, ": ", 2);
	w->after_key = 1;
}

void ddbgt__tfjson_key(ddbgt__tfjson *w, const char *key) { write_key(w, key, 0); }
void ddbgt__tfjson_key_text(ddbgt__tfjson *w, const char *key) { write_key(w, key, 1); }
void ddbgt__tfjson_literal(ddbgt__tfjson *w, const char *s) { whole_string(w, s, 0); }
void ddbgt__tfjson_text(ddbgt__tfjson *w, const char *s) { whole_string(w, s, 1); }

static void scalar(ddbgt__tfjson *w, const char *s, size_t n)
{
	if (w->in_string) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	begin_item(w);
	put(w, s, n);
}

void ddbgt__tfjson_int(ddbgt__tfjson *w, int64_t v)
{
	/* Digits from the right, without printf: numbers are a good part of every document. */
	char num[24];
	char *p = num + sizeof num;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	scalar(w, p, (size_t)(num + sizeof num - p));
}

void ddbgt__tfjson_number(ddbgt__tfjson *w, double v)
{
	if (!isfinite(v)) {
		fail(w, DDBGT_EINVAL);
		return;
	}
	/* Whole numbers, the usual target utilization, print as integers. */
	if (v > -1e15 && v < 1e15 && v == (double)(int64_t)v) {
		ddbgt__tfjson_int(w, (int64_t)v);
		return;
	}
	char num[40];
	int n = 0;
	/* 15 digits print 72.3 as "72.3"; more only when needed to read back the same double. */
	for (int prec = 15; prec <= 17; prec++) {
		n = snprintf(num, sizeof num, "%.*g", prec, v);
		if (strtod(num, NULL) == v)
			break;
	}
	/* JSON wants '.', whatever LC_NUMERIC says. */
	const char *point = localeconv()->decimal_point;
	if (point && point[0] && point[0] != '.' && !point[1])
		for (int i = 0; i < n; i++)
			if (num[i] == point[0])
				num[i] = '.';
	scalar(w, num, (size_t)n);
}

void ddbgt__tfjson_bool(ddbgt__tfjson *w, int v)
{
	if (v)
		scalar(w, "true", 4);
	else
		scalar(w, "false", 5);
}

void ddbgt__tfjson_kv_literal(ddbgt__tfjson *w, const char *key, const char *s)
{
	ddbgt__tfjson_key(w, key);
	ddbgt__tfjson_literal(w, s);
}

void ddbgt__tfjson_kv_text(ddbgt__tfjson *w, const char *key, const char *s)
{
	ddbgt__tfjson_key(w, key);
	ddbgt__tfjson_text(w, s);
}

void ddbgt__tfjson_kv_int(ddbgt__tfjson *w, const char *key, int64_t v)
{
	ddbgt__tfjson_key(w, key);
	ddbgt__tfjson_int(w, v);
}

void ddbgt__tfjson_kv_number(ddbgt__tfjson *w, const char *key, double v)
{
	ddbgt__tfjson_key(w, key);
	ddbgt__tfjson_number(w, v);
}

void ddbgt__tfjson_kv_bool(ddbgt__tfjson *w, const char *key, int v)
{
	ddbgt__tfjson_key(w, key);
	ddbgt__tfjson_bool(w, v);
}
