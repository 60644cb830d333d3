/* A strict JSON reader into one arena; see jsonread.h for why it exists. */
#include "jsonread.h"

#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"
#include "swar.h"
#include "utf8.h"

/* --- the arena ------------------------------------------------------------- */

struct block {
	struct block *next;
	size_t used, size;
	/* Aligned storage follows. */
	max_align_t data[];
};

struct jr_doc {
	struct block *blocks;
	jr_value *root;
};

/* A new block for at least n bytes, twice the size of the last. */
static void *arena_grow(jr_doc *doc, size_t n, size_t first_size)
{
	struct block *b = doc->blocks;
	size_t size = b ? b->size * 2 : first_size;
	if (size < n)
		size = n;
	struct block *nb = ddbgt__malloc(sizeof *nb + size);
	if (!nb)
		return NULL;
	nb->next = b;
	nb->used = n;
	nb->size = size;
	doc->blocks = nb;
	return nb->data;
}

static inline void *arena_alloc(jr_doc *doc, size_t n, size_t first_size)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct block *b = doc->blocks;
	if (!b || b->size - b->used < n)
		return arena_grow(doc, n, first_size);
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

void ddbgt__jr_free(jr_doc *doc)
{
	if (!doc)
		return;
	/* The document itself is in the oldest block, the last one freed. */
	for (struct block *b = doc->blocks, *next; b; b = next) {
		next = b->next;
		ddbgt__free(b);
	}
}

const jr_value *ddbgt__jr_root(const jr_doc *doc)
{
	return doc ? doc->root : NULL;
}

const jr_value *ddbgt__jr_get(const jr_value *object, const char *key)
{
	if (!object || object->type != JR_OBJECT)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i < object->u.obj.count; i++) {
		const jr_member *m = &object->u.obj.members[i];
		/* Length and first byte reject most keys without a call. */
		if (m->key_len == len && m->key[0] == key[0] && memcmp(m->key, key, len) == 0)
			return m->value;
	}
	return NULL;
}

int ddbgt__jr_is_number(const jr_value *v)
{
	return v && (v->type == JR_INT || v->type == JR_REAL);
}

double ddbgt__jr_number(const jr_value *v)
{
	return v->type == JR_INT ? (double)v->u.i : v->u.d;
}

/* --- the parser ------------------------------------------------------------ */

struct parser {
	jr_doc *doc;
	/* The parser reads a copy of the text, where strings end in place. */
	char *p, *end;
	const char *line_start;
	int line;
	int max_depth;
	size_t first_block;
	jr_error *err;
	int nomem;
	/* Children of the arrays and objects being read, innermost last. */
	jr_member *stack;
	size_t depth_used, stack_cap;
};

static int fail(struct parser *P, ddbgt_code code, const char *at, const char *fmt, ...)
{
	if (P->err && P->err->code == DDBGT_CODE_NONE && !P->nomem) {
		P->err->code = code;
		P->err->line = P->line;
		P->err->column = (int)(at - P->line_start) + 1;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(P->err->text, sizeof P->err->text, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int out_of_memory(struct parser *P)
{
	P->nomem = 1;
	return -1;
}

/* The first byte at or after p that is not a space, or end. */
static inline char *skip_spaces(char *p, const char *end)
{
#ifdef DDBGT__SWAR
	for (; end - p >= 8; p += 8) {
		uint64_t x = ddbgt__load8(p) ^ (DDBGT__ONES * ' ');
		if (x)
			return p + (size_t)__builtin_ctzll(x) / 8;
	}
#endif
	while (p < end && *p == ' ')
		p++;
	return p;
}

static void skip_ws_run(struct parser *P)
{
	char *p = P->p;
	const char *end = P->end;
	while (p < end) {
		char c = *p;
		if (c == ' ') {
			/* Indentation comes in runs. */
			p = skip_spaces(p + 1, end);
		} else if (c == '\n') {
			P->line++;
			P->line_start = ++p;
		} else if (c == '\t' || c == '\r') {
			p++;
		} else {
			break;
		}
	}
	P->p = p;
}

/*
 * Most calls find no white space at all, and most of the others one space
 * after a ':' or ','; both stay inline (the copy of the text ends in a NUL,
 * so the byte after a space can always be read).
 */
static inline void skip_ws(struct parser *P)
{
	if ((unsigned char)*P->p > ' ')
		return;
	if (*P->p == ' ' && (unsigned char)P->p[1] > ' ') {
		P->p++;
		return;
	}
	skip_ws_run(P);
}

static inline jr_value *new_value(struct parser *P, jr_type type, const char *at)
{
	jr_value *v = arena_alloc(P->doc, sizeof *v, P->first_block);
	if (!v) {
		out_of_memory(P);
		return NULL;
	}
	v->type = type;
	v->line = P->line;
	v->column = (int)(at - P->line_start) + 1;
	return v;
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static size_t put_utf8(char *d, unsigned cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | (cp >> 6));
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | (cp >> 12));
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | (cp >> 18));
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* 1 for the bytes a string may hold as they are: printable ASCII but '"' and '\\'. */
static const unsigned char plain_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The first byte at or after s that plain_byte does not accept, or end. */
static inline char *skip_plain(char *s, const char *end)
{
#ifdef DDBGT__SWAR
	for (; end - s >= 8; s += 8) {
		uint64_t x = ddbgt__load8(s);
		uint64_t marks = ddbgt__bytes_equal(x, '"') | ddbgt__bytes_equal(x, '\\') |
		                 ddbgt__bytes_below(x, 0x20) | (x & DDBGT__HIGHS);
		if (marks)
			return s + ddbgt__first_marked(marks);
	}
#endif
	while (s < end && plain_byte[(unsigned char)*s])
		s++;
	return s;
}

/*
 * Decode the escapes of the string from start to its closing quote at s, in
 * place (a decoded escape is never longer): apart from parse_string, which
 * is inlined, since few strings have escapes.
 */
static int decode_escapes(struct parser *P, char *start, const char *s, size_t *out_len)
{
	char *dst = start;
	size_t n = 0;
	for (const char *q = start; q < s;) {
		if (*q != '\\') {
			dst[n++] = *q++;
			continue;
		}
		char e = q[1];
		const char *at = q;
		q += 2;
		switch (e) {
		case '"': dst[n++] = '"'; break;
		case '\\': dst[n++] = '\\'; break;
		case '/': dst[n++] = '/'; break;
		case 'b': dst[n++] = '\b'; break;
		case 'f': dst[n++] = '\f'; break;
		case 'n': dst[n++] = '\n'; break;
		case 'r': dst[n++] = '\r'; break;
		case 't': dst[n++] = '\t'; break;
		case 'u': {
			unsigned cp, lo;
			if (s - q < 4 || hex4(q, &cp))
				return fail(P, DDBGT_E_SPEC_SYNTAX, at, "invalid \\u escape");
			q += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (s - q < 6 || q[0] != '\\' || q[1] != 'u' || hex4(q + 2, &lo) ||
				    lo < 0xDC00 || lo > 0xDFFF)
					return fail(P, DDBGT_E_SPEC_ENCODING, at,
					            "lone UTF-16 surrogate \\u%04X", cp);
				q += 6;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				return fail(P, DDBGT_E_SPEC_ENCODING, at, "lone UTF-16 surrogate \\u%04X",
				            cp);
			} else if (cp == 0) {
				return fail(P, DDBGT_E_SPEC_ENCODING, at,
				            "\\u0000 (NUL) is not allowed in a string");
			}
			/* An escape is at least as long as its UTF-8 encoding. */
			n += put_utf8(dst + n, cp);
			break;
		}
		default:
			return fail(P, DDBGT_E_SPEC_SYNTAX, at, "invalid escape \\%c", e);
		}
	}
	dst[n] = '\0';
	*out_len = n;
	return 0;
}

/*
 * Read a string starting at the opening quote. Its bytes stay where they
 * are in the parser's copy of the text: the closing quote becomes the NUL,
 * and escapes are decoded in place. Inlined into its two callers (keys and
 * values): as a call it saved and restored six registers for the scan's
 * constants, and a short string costs about a third less without that.
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int parse_string(struct parser *P, const char **out, size_t *out_len)
{
	char *start = ++P->p; /* after the quote */
	char *s = start;
	int escaped = 0;
	/* First pass: find the end, validate, and learn whether escapes occur. */
	while (1) {
		/* Plain ASCII runs are the common case. */
		s = skip_plain(s, P->end);
		if (s >= P->end)
			return fail(P, DDBGT_E_SPEC_SYNTAX, s, "unterminated string");
		unsigned char c = (unsigned char)*s;
		if (c == '"')
			break;
		if (c == '\\') {
			escaped = 1;
			if (s + 1 >= P->end)
				return fail(P, DDBGT_E_SPEC_SYNTAX, s, "unterminated string");
			s += 2;
			continue;
		}
		if (c < 0x20)
			return fail(P, c == 0 ? DDBGT_E_SPEC_ENCODING : DDBGT_E_SPEC_SYNTAX, s,
			            "control character U+%04X in a string: escape it", c);
		size_t n = ddbgt__utf8_seq_len((const unsigned char *)s, (size_t)(P->end - s));
		if (n == 0)
			return fail(P, DDBGT_E_SPEC_ENCODING, s, "invalid UTF-8 byte 0x%02X", c);
		s += n;
	}
	P->p = s + 1;
	*out = start;
	if (!escaped) {
		*s = '\0';
		*out_len = (size_t)(s - start);
		return 0;
	}
	return decode_escapes(P, start, s, out_len);
}

/* strtod in the C locale whatever the host set: swap '.' for its decimal point. */
static double c_strtod(char *buf)
{
	const char *dp = localeconv()->decimal_point;
	if (dp && dp[0] && (dp[0] != '.' || dp[1])) {
		char *dot = strchr(buf, '.');
		if (dot && !dp[1])
			*dot = dp[0];
	}
	return strtod(buf, NULL);
}

static jr_value *parse_number(struct parser *P)
{
	const char *start = P->p;
	char *s = P->p;
	int is_int = 1;
	if (s < P->end && *s == '-')
		s++;
	if (s >= P->end || *s < '0' || *s > '9') {
		fail(P, DDBGT_E_SPEC_SYNTAX, start, "invalid number");
		return NULL;
	}
	if (*s == '0')
		s++;
	else
		while (s < P->end && *s >= '0' && *s <= '9')
			s++;
	if (s < P->end && *s == '.') {
		is_int = 0;
		s++;
		if (s >= P->end || *s < '0' || *s > '9') {
			fail(P, DDBGT_E_SPEC_SYNTAX, start, "a digit must follow the decimal point");
			return NULL;
		}
		while (s < P->end && *s >= '0' && *s <= '9')
			s++;
	}
	if (s < P->end && (*s == 'e' || *s == 'E')) {
		is_int = 0;
		s++;
		if (s < P->end && (*s == '+' || *s == '-'))
			s++;
		if (s >= P->end || *s < '0' || *s > '9') {
			fail(P, DDBGT_E_SPEC_SYNTAX, start, "a digit must follow the exponent");
			return NULL;
		}
		while (s < P->end && *s >= '0' && *s <= '9')
			s++;
	}
	P->p = s;
	jr_value *v = new_value(P, is_int ? JR_INT : JR_REAL, start);
	if (!v)
		return NULL;
	if (is_int) {
		const char *d = start;
		int neg = *d == '-';
		d += neg;
		uint64_t acc = 0;
		uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
		for (; d < s; d++) {
			unsigned digit = (unsigned)(*d - '0');
			if (acc > (limit - digit) / 10) {
				fail(P, DDBGT_E_SPEC_NUMBER_RANGE, start,
				     "integer %.*s does not fit in 64 bits", (int)(s - start > 40 ? 40 : s - start),
				     start);
				return NULL;
			}
			acc = acc * 10 + digit;
		}
		v->u.i = neg ? (int64_t)(0 - acc) : (int64_t)acc;
		return v;
	}
	char small[64];
	size_t n = (size_t)(s - start);
	char *buf = n < sizeof small ? small : arena_alloc(P->doc, n + 1, P->first_block);
	if (!buf) {
		out_of_memory(P);
		return NULL;
	}
	memcpy(buf, start, n);
	buf[n] = '\0';
	v->u.d = c_strtod(buf);
	if (!isfinite(v->u.d)) {
		fail(P, DDBGT_E_SPEC_NUMBER_RANGE, start, "number %.*s is out of range",
		     (int)(n > 40 ? 40 : n), start);
		return NULL;
	}
	return v;
}

static inline int push_child(struct parser *P, const char *key, size_t key_len,
                             jr_value *value)
{
	/* Room for the members of a spec's largest objects at once: one allocation, not three. */
	if (P->depth_used == P->stack_cap &&
	    ddbgt__grow((void **)&P->stack, &P->stack_cap,
	                P->depth_used < 32 ? 32 : P->depth_used + 1, sizeof *P->stack))
		return out_of_memory(P);
	P->stack[P->depth_used++] = (jr_member){key, key_len, value};
	return 0;
}

static int cmp_member(const void *a, const void *b)
{
	const jr_member *x = *(const jr_member *const *)a, *y = *(const jr_member *const *)b;
	size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
	int c = memcmp(x->key, y->key, n);
	return c ? c : (x->key_len > y->key_len) - (x->key_len < y->key_len);
}

/* The first key that occurs twice, or NULL; O(n log n) for large objects. */
static const jr_member *duplicate_key(struct parser *P, jr_member *m, size_t n)
{
	/* Spec objects have up to twenty keys: comparing pairs beats sorting them. */
	if (n <= 32) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (m[i].key_len == m[j].key_len && m[i].key[0] == m[j].key[0] &&
				    !memcmp(m[i].key, m[j].key, m[i].key_len))
					return &m[i];
		return NULL;
	}
	jr_member **sorted = ddbgt__malloc(n * sizeof *sorted);
	if (!sorted) {
		out_of_memory(P);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		sorted[i] = &m[i];
	qsort(sorted, n, sizeof *sorted, cmp_member);
	const jr_member *dup = NULL;
	for (size_t i = 1; i < n && !dup; i++)
		if (!cmp_member(&sorted[i - 1], &sorted[i]))
			dup = sorted[i] > sorted[i - 1] ? sorted[i] : sorted[i - 1];
	ddbgt__free(sorted);
	return dup;
}

static jr_value *parse_value(struct parser *P, int depth);

static jr_value *parse_container(struct parser *P, int depth, int is_object)
{
	const char *open = P->p;
	jr_value *v = new_value(P, is_object ? JR_OBJECT : JR_ARRAY, open);
	if (!v)
		return NULL;
	if (depth >= P->max_depth) {
		fail(P, DDBGT_E_SPEC_TOO_DEEP, open, "the document nests more than %d levels deep",
		     P->max_depth);
		return NULL;
	}
	char close = is_object ? '}' : ']';
	size_t base = P->depth_used;
	P->p++;
	skip_ws(P);
	if (P->p < P->end && *P->p == close) {
		P->p++;
	} else {
		for (;;) {
			const char *key = NULL;
			size_t key_len = 0;
			if (is_object) {
				skip_ws(P);
				if (P->p >= P->end || *P->p != '"') {
					fail(P, DDBGT_E_SPEC_SYNTAX, P->p, "a string key was expected");
					return NULL;
				}
				if (parse_string(P, &key, &key_len))
					return NULL;
				skip_ws(P);
				if (P->p >= P->end || *P->p != ':') {
					fail(P, DDBGT_E_SPEC_SYNTAX, P->p, "':' was expected after a key");
					return NULL;
				}
				P->p++;
			}
			skip_ws(P);
			jr_value *child = parse_value(P, depth + 1);
			if (!child || push_child(P, key, key_len, child))
				return NULL;
			skip_ws(P);
			if (P->p < P->end && *P->p == ',') {
				P->p++;
				continue;
			}
			if (P->p < P->end && *P->p == close) {
				P->p++;
				break;
			}
			fail(P, DDBGT_E_SPEC_SYNTAX, P->p, "',' or '%c' was expected", close);
			return NULL;
		}
	}
	size_t n = P->depth_used - base;
	if (is_object) {
		jr_member *m = arena_alloc(P->doc, n * sizeof *m + 1, P->first_block);
		if (!m) {
			out_of_memory(P);
			return NULL;
		}
		/* An empty object before any member was read has no stack yet. */
		if (n)
			memcpy(m, P->stack + base, n * sizeof *m);
		v->u.obj.members = m;
		v->u.obj.count = n;
		const jr_member *dup = duplicate_key(P, m, n);
		if (P->nomem)
			return NULL;
		if (dup) {
			fail(P, DDBGT_E_SPEC_DUPLICATE_KEY, open, "duplicate key \"%.60s\"", dup->key);
			/* Point at the second occurrence, not at the object. */
			P->err->line = dup->value->line;
			P->err->column = dup->value->column;
			return NULL;
		}
	} else {
		jr_value **items = arena_alloc(P->doc, n * sizeof *items + 1, P->first_block);
		if (!items) {
			out_of_memory(P);
			return NULL;
		}
		for (size_t i = 0; i < n; i++)
			items[i] = P->stack[base + i].value;
		v->u.arr.items = items;
		v->u.arr.count = n;
	}
	P->depth_used = base;
	return v;
}

static int literal(struct parser *P, const char *word, size_t n)
{
	if ((size_t)(P->end - P->p) >= n && memcmp(P->p, word, n) == 0) {
		P->p += n;
		return 1;
	}
	return 0;
}

static jr_value *parse_value(struct parser *P, int depth)
{
	if (P->p >= P->end) {
		fail(P, DDBGT_E_SPEC_SYNTAX, P->p, "unexpected end of input");
		return NULL;
	}
	const char *at = P->p;
	jr_value *v;
	switch (*P->p) {
	case '{': return parse_container(P, depth, 1);
	case '[': return parse_container(P, depth, 0);
	case '"':
		if (!(v = new_value(P, JR_STRING, at)))
			return NULL;
		return parse_string(P, &v->u.str.s, &v->u.str.len) ? NULL : v;
	case 't':
		if (literal(P, "true", 4))
			return new_value(P, JR_TRUE, at);
		break;
	case 'f':
		if (literal(P, "false", 5))
			return new_value(P, JR_FALSE, at);
		break;
	case 'n':
		if (literal(P, "null", 4))
			return new_value(P, JR_NULL, at);
		break;
	default:
		if (*P->p == '-' || (*P->p >= '0' && *P->p <= '9'))
			return parse_number(P);
		break;
	}
	if ((unsigned char)*at >= 0x80 && !ddbgt__utf8_seq_len((const unsigned char *)at,
	                                                       (size_t)(P->end - at)))
		fail(P, DDBGT_E_SPEC_ENCODING, at, "invalid UTF-8 byte 0x%02X", (unsigned char)*at);
	else if (*at == '\0')
		fail(P, DDBGT_E_SPEC_ENCODING, at, "NUL character in the document");
	else
		fail(P, DDBGT_E_SPEC_SYNTAX, at, "unexpected character '%c'",
		     (unsigned char)*at >= 0x20 && (unsigned char)*at < 0x7f ? *at : '?');
	return NULL;
}

/* A document lives in the first block of its own arena (of first_size bytes): one allocation. */
static int new_doc(jr_doc **out, size_t first_size)
{
	jr_doc head = {0};
	*out = arena_alloc(&head, sizeof **out, first_size);
	if (!*out)
		return DDBGT_ENOMEM;
	**out = head;
	return DDBGT_OK;
}

int ddbgt__jr_parse(jr_doc **out, const char *text, size_t len, int max_depth, jr_error *err)
{
	*out = NULL;
	err->code = DDBGT_CODE_NONE;
	err->line = err->column = 0;
	err->text[0] = '\0';
	struct parser P = {.line = 1, .max_depth = max_depth, .err = err};
	/*
	 * The copy of the text and the tree take three to five times the text
	 * (spec documents, price table): one block holds them, since a second,
	 * twice as large, costs more than the bytes it saves.
	 */
	P.first_block = len < (SIZE_MAX - 1024) / 5 ? len * 5 + 1024 : len + 1;
	if (new_doc(&P.doc, P.first_block))
		return DDBGT_ENOMEM;
	char *copy = arena_alloc(P.doc, len + 1, P.first_block);
	if (!copy) {
		ddbgt__jr_free(P.doc);
		return DDBGT_ENOMEM;
	}
	if (len)
		memcpy(copy, text, len);
	copy[len] = '\0';
	P.p = copy;
	P.end = copy + len;
	P.line_start = copy;
	skip_ws(&P);
	if (P.p >= P.end) {
		fail(&P, DDBGT_E_SPEC_SYNTAX, P.p, "the document is empty");
	} else {
		P.doc->root = parse_value(&P, 0);
		if (P.doc->root) {
			skip_ws(&P);
			if (P.p < P.end) {
				fail(&P, DDBGT_E_SPEC_SYNTAX, P.p, "end of input was expected");
				P.doc->root = NULL;
			}
		}
	}
	ddbgt__free(P.stack);
	if (!P.doc->root) {
		ddbgt__jr_free(P.doc);
		return P.nomem ? DDBGT_ENOMEM : DDBGT_ESPEC;
	}
	*out = P.doc;
	return DDBGT_OK;
}

int ddbgt__jr_new(jr_doc **out)
{
	return new_doc(out, 4096);
}

void *ddbgt__jr_alloc(jr_doc *doc, size_t n)
{
	return arena_alloc(doc, n, 4096);
}

void ddbgt__jr_set_root(jr_doc *doc, jr_value *root)
{
	doc->root = root;
}

/* --- from a jansson value --------------------------------------------------- */

/*
 * A caller's jansson value may hold strings jansson never checked (the
 * _nocheck functions): like the text reader, refuse invalid UTF-8, so that
 * the loader can store what it reads without checking it again.
 */
static int valid_utf8(const char *s, jr_error *err)
{
	if (ddbgt__utf8_valid(s))
		return 1;
	if (err->code == DDBGT_CODE_NONE) {
		err->code = DDBGT_E_SPEC_ENCODING;
		snprintf(err->text, sizeof err->text, "invalid UTF-8 in a string");
	}
	return 0;
}

static jr_value *convert(jr_doc *doc, const json_t *j, int depth, int max_depth, jr_error *err,
                         int *nomem)
{
	if (depth > max_depth) {
		if (err->code == DDBGT_CODE_NONE) {
			err->code = DDBGT_E_SPEC_TOO_DEEP;
			snprintf(err->text, sizeof err->text,
			         "the document nests more than %d levels deep", max_depth);
		}
		return NULL;
	}
	jr_value *v = arena_alloc(doc, sizeof *v, 4096);
	if (!v) {
		*nomem = 1;
		return NULL;
	}
	memset(v, 0, sizeof *v);
	switch (json_typeof(j)) {
	case JSON_NULL: v->type = JR_NULL; break;
	case JSON_TRUE: v->type = JR_TRUE; break;
	case JSON_FALSE: v->type = JR_FALSE; break;
	case JSON_INTEGER:
		v->type = JR_INT;
		v->u.i = (int64_t)json_integer_value(j);
		break;
	case JSON_REAL:
		v->type = JR_REAL;
		v->u.d = json_real_value(j);
		break;
	case JSON_STRING: {
		size_t n = json_string_length(j);
		if (memchr(json_string_value(j), '\0', n)) {
			if (err->code == DDBGT_CODE_NONE) {
				err->code = DDBGT_E_SPEC_ENCODING;
				snprintf(err->text, sizeof err->text, "NUL character in a string");
			}
			return NULL;
		}
		if (!valid_utf8(json_string_value(j), err))
			return NULL;
		char *s = arena_alloc(doc, n + 1, 4096);
		if (!s) {
			*nomem = 1;
			return NULL;
		}
		memcpy(s, json_string_value(j), n + 1);
		v->type = JR_STRING;
		v->u.str.s = s;
		v->u.str.len = n;
		break;
	}
	case JSON_ARRAY: {
		size_t n = json_array_size(j);
		v->type = JR_ARRAY;
		v->u.arr.items = arena_alloc(doc, n * sizeof *v->u.arr.items + 1, 4096);
		if (!v->u.arr.items) {
			*nomem = 1;
			return NULL;
		}
		for (size_t i = 0; i < n; i++)
			if (!(v->u.arr.items[i] = convert(doc, json_array_get(j, i), depth + 1,
			                                  max_depth, err, nomem)))
				return NULL;
		v->u.arr.count = n;
		break;
	}
	case JSON_OBJECT: {
		size_t n = json_object_size(j), i = 0;
		v->type = JR_OBJECT;
		v->u.obj.members = arena_alloc(doc, n * sizeof *v->u.obj.members + 1, 4096);
		if (!v->u.obj.members) {
			*nomem = 1;
			return NULL;
		}
		const char *key;
		json_t *value;
		json_object_foreach((json_t *)j, key, value) {
			if (!valid_utf8(key, err))
				return NULL;
			jr_member *m = &v->u.obj.members[i++];
			m->key = key;
			m->key_len = strlen(key);
			if (!(m->value = convert(doc, value, depth + 1, max_depth, err, nomem)))
				return NULL;
		}
		v->u.obj.count = n;
		break;
	}
	}
	return v;
}

int ddbgt__jr_from_jansson(jr_doc **out, const json_t *json, int max_depth, jr_error *err)
{
	*out = NULL;
	err->code = DDBGT_CODE_NONE;
	err->line = err->column = 0;
	err->text[0] = '\0';
	jr_doc *doc;
	if (new_doc(&doc, 4096))
		return DDBGT_ENOMEM;
	int nomem = 0;
	doc->root = convert(doc, json, 0, max_depth, err, &nomem);
	if (!doc->root) {
		ddbgt__jr_free(doc);
		return nomem ? DDBGT_ENOMEM : DDBGT_ESPEC;
	}
	*out = doc;
	return DDBGT_OK;
}
