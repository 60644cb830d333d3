/*
 * The JSON writer of the Terraform emitters: deterministic output and
 * Terraform's template escaping (see tfjson.h).
 */
#include "tfjson.h"

#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"

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

/* Length of the UTF-8 sequence at s, or 0 when it is not valid UTF-8. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2 || c > 0xF4)
		return 0; /* continuation byte, overlong lead, or past U+10FFFF */
	size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
		return 0; /* overlong, or a UTF-16 surrogate */
	if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
		return 0; /* overlong, or past U+10FFFF */
	return n;
}

int ddbgt__tfjson_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_len(p);
		if (!n)
			return 0;
		p += n;
	}
	return 1;
}

/* Printable ASCII but '"', '\\' and '{': copied as they are. */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0,
	/* 0x80-0xff: UTF-8, checked one sequence at a time */
};

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
	/* The worst case is 6 bytes a byte ("\u0001"); a doubled sigil needs only 2. */
	size_t n = strlen((const char *)p);
	if (n > (SIZE_MAX - 1) / 6 || reserve(w, 6 * n))
		return;
	char *o = w->buf + w->len;
	char last = w->last;
	while (*p) {
		/* The common case: a run of characters that JSON and templates take as they are. */
		const unsigned char *run = p;
		while (plain[*p])
			p++;
		if (p > run) {
			memcpy(o, run, (size_t)(p - run));
			o += p - run;
			last = (char)p[-1];
			continue;
		}
		unsigned char c = *p;
		if (c == '{') {
			if (template_text && is_sigil(last))
				*o++ = last; /* "${" -> "$${", "%{" -> "%%{" */
			*o++ = '{';
			last = '{';
			p++;
			continue;
		}
		if (c >= 0x80) {
			size_t len = utf8_len(p);
			if (!len) {
				if (!w->bad_string)
					w->bad_string = s;
				fail(w, DDBGT_EINVAL);
				break;
			}
			memcpy(o, p, len);
			o += len;
			p += len;
			last = 0;
			continue;
		}
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
		last = (char)c;
		p++;
	}
	w->len = (size_t)(o - w->buf);
	w->last = last;
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
	if (w->depth == 0 || w->after_key || w->in_string) {
		fail(w, DDBGT_EINVAL);
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
	char num[24];
	int n = snprintf(num, sizeof num, "%" PRId64, v);
	scalar(w, num, (size_t)n);
}

void ddbgt__tfjson_number(ddbgt__tfjson *w, double v)
{
	if (!isfinite(v)) {
		fail(w, DDBGT_EINVAL);
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
