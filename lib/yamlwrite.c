/*
 * A JSON document rendered as YAML block style (yamlwrite.h): read back with
 * the library's JSON reader, then written member by member.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "ddbgt/common.h"
#include "jsonread.h"
#include "jsonwrite.h"
#include "yamlwrite.h"

/* Deeper than any document the emitters write; the reader refuses more. */
#define YAML_MAX_DEPTH 64

typedef struct yb {
	char *buf;
	size_t len, cap;
	int status;
} yb;

static void put(yb *b, const char *s, size_t n)
{
	if (!b->status)
		b->status = ddbgt__text_append(&b->buf, &b->len, &b->cap, s, n);
}

static void puts_(yb *b, const char *s)
{
	put(b, s, strlen(s));
}

static void indent(yb *b, int n)
{
	static const char spaces[] = "                                ";
	for (; n > 0; n -= 32)
		put(b, spaces, n < 32 ? (size_t)n : 32);
}

/* Words that YAML 1.1 readers (PyYAML, cfn-lint's loader) take for booleans or null. */
static int word_like(const char *s, size_t n)
{
	static const char *const words[] = {"y", "n", "yes", "no", "on", "off", "true", "false",
	                                    "null", "nan", "inf"};
	if (n > 5)
		return 0;
	char low[6];
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(low, words[i]) == 0)
			return 1;
	return 0;
}

static int plain_ok(const char *s, size_t n)
{
	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		         c == '_' || c == '.' || c == '/' || c == ':' || c == '-';
		if (!ok)
			return 0;
	}
	return s[n - 1] != ':' && !word_like(s, n);
}

static void scalar_string(yb *b, const char *s, size_t n)
{
	if (plain_ok(s, n)) {
		put(b, s, n);
		return;
	}
	put(b, "\"", 1);
	size_t run = 0; /* bytes copied as they are, flushed before an escape */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char hex[8];
		size_t skip = 1;
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\\t";
		else if (c < 0x20 || c == 0x7f) {
			snprintf(hex, sizeof hex, "\\x%02x", c);
			esc = hex;
		} else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85) {
			esc = "\\N";
			skip = 2;
		} else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		           ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
			esc = (unsigned char)s[i + 2] == 0xa8 ? "\\L" : "\\P";
			skip = 3;
		} else if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbb &&
		           (unsigned char)s[i + 2] == 0xbf) {
			esc = "\\uFEFF";
			skip = 3;
		}
		if (!esc) {
			run++;
			continue;
		}
		put(b, s + i - run, run);
		run = 0;
		puts_(b, esc);
		i += skip - 1;
	}
	put(b, s + n - run, run);
	put(b, "\"", 1);
}

static int empty_or_scalar(const jr_value *v)
{
	if (v->type == JR_ARRAY)
		return v->u.arr.count == 0;
	if (v->type == JR_OBJECT)
		return v->u.obj.count == 0;
	return 1;
}

/* A scalar or an empty container, on the current line. */
static void inline_value(yb *b, const jr_value *v)
{
	char num[JW_NUMBER_MAX];
	switch (v->type) {
	case JR_NULL:
		puts_(b, "null");
		break;
	case JR_FALSE:
		puts_(b, "false");
		break;
	case JR_TRUE:
		puts_(b, "true");
		break;
	case JR_INT:
		snprintf(num, sizeof num, "%lld", (long long)v->u.i);
		puts_(b, num);
		break;
	case JR_REAL:
		put(b, num, ddbgt__jw_format_number(num, v->u.d));
		break;
	case JR_STRING:
		scalar_string(b, v->u.str.s, v->u.str.len);
		break;
	case JR_ARRAY:
		puts_(b, "[]");
		break;
	case JR_OBJECT:
		puts_(b, "{}");
		break;
	}
}

/*
 * A non-empty container at column col; when first_placed, its first line
 * starts where the cursor is (after a sequence's "- ").
 */
static void block(yb *b, const jr_value *v, int col, int first_placed)
{
	size_t n = v->type == JR_ARRAY ? v->u.arr.count : v->u.obj.count;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 || !first_placed)
			indent(b, col);
		const jr_value *item;
		if (v->type == JR_ARRAY) {
			item = v->u.arr.items[i];
			put(b, "- ", 2);
			if (empty_or_scalar(item)) {
				inline_value(b, item);
				put(b, "\n", 1);
			} else {
				block(b, item, col + 2, 1);
			}
			continue;
		}
		item = v->u.obj.members[i].value;
		scalar_string(b, v->u.obj.members[i].key, v->u.obj.members[i].key_len);
		put(b, ":", 1);
		if (empty_or_scalar(item)) {
			put(b, " ", 1);
			inline_value(b, item);
			put(b, "\n", 1);
		} else {
			put(b, "\n", 1);
			block(b, item, col + 2, 0);
		}
	}
}

int ddbgt__yaml_from_json(char **out, size_t *len, const char *json, size_t json_len)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (len)
		*len = 0;
	if (!json)
		return DDBGT_EINVAL;
	jr_doc *doc = NULL;
	jr_error err;
	int rc = ddbgt__jr_parse(&doc, json, json_len, YAML_MAX_DEPTH, &err);
	if (rc)
		return rc == DDBGT_ENOMEM ? rc : DDBGT_EINVAL;
	yb b = {NULL, 0, 0, 0};
	const jr_value *root = ddbgt__jr_root(doc);
	if (empty_or_scalar(root)) {
		inline_value(&b, root);
		put(&b, "\n", 1);
	} else {
		block(&b, root, 0, 0);
	}
	ddbgt__jr_free(doc);
	if (b.status) {
		ddbgt__free(b.buf);
		return b.status;
	}
	*out = b.buf;
	if (len)
		*len = b.len;
	return DDBGT_OK;
}
