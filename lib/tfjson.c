/*
 * The Terraform emitters' layer on the JSON writer: template escaping of
 * text, strings composed of pieces, the first string that was not UTF-8
 * (see tfjson.h). Layout, JSON escaping and numbers are jsonwrite.c's.
 */
#include "tfjson.h"

#include <string.h>

#include "ddbgt/common.h"

void ddbgt__tfjson_init(ddbgt__tfjson *w, int compact, size_t size_hint)
{
	ddbgt__jw_init(&w->json, compact, size_hint);
	w->in_string = 0;
	w->last = 0;
	w->bad_string = NULL;
}

void ddbgt__tfjson_release(ddbgt__tfjson *w)
{
	ddbgt__jw_release(&w->json);
}

int ddbgt__tfjson_finish(ddbgt__tfjson *w, char **out, size_t *len)
{
	if (w->in_string)
		ddbgt__jw_fail(&w->json, DDBGT_EINVAL);
	return ddbgt__jw_finish(&w->json, out, len);
}

/* 0 when a value may start here: not inside a composed string. */
static int misplaced(ddbgt__tfjson *w)
{
	if (!w->in_string)
		return 0;
	ddbgt__jw_fail(&w->json, DDBGT_EINVAL);
	return 1;
}

void ddbgt__tfjson_object_begin(ddbgt__tfjson *w)
{
	if (!misplaced(w))
		ddbgt__jw_object_begin(&w->json);
}

void ddbgt__tfjson_object_end(ddbgt__tfjson *w)
{
	if (!misplaced(w))
		ddbgt__jw_object_end(&w->json);
}

void ddbgt__tfjson_array_begin(ddbgt__tfjson *w)
{
	if (!misplaced(w))
		ddbgt__jw_array_begin(&w->json);
}

void ddbgt__tfjson_array_end(ddbgt__tfjson *w)
{
	if (!misplaced(w))
		ddbgt__jw_array_end(&w->json);
}

static int is_sigil(char c)
{
	return c == '$' || c == '%';
}

/* The JSON writer's escaping of [p, end); a string that is not UTF-8 is remembered. */
static int put_json(ddbgt__tfjson *w, const char *s, const char *p, const char *end)
{
	if (ddbgt__jw_put_escaped(&w->json, p, (size_t)(end - p)) == 0)
		return 0;
	if (!w->bad_string)
		w->bad_string = s;
	return -1;
}

/*
 * Write s into the string being composed, escaped for JSON and, with
 * template_text set, for Terraform's templates; plain s is JSON text
 * already (a plain jw_piece), written as it is.
 */
static void put_piece(ddbgt__tfjson *w, const char *s, int template_text, int plain)
{
	jw *j = &w->json;
	size_t n = strlen(s);
	if (!template_text && is_sigil(s[0]) && s[1] == '{' && w->last == s[0] && !j->status) {
		/*
		 * The string so far ends in the sigil this "${" starts with: together
		 * they would read as the escape "$${". Write that run of sigils as an
		 * interpolated string instead: "a$" + "${x}" -> "a${"$"}${x}". The
		 * sigils are in the buffer as they are (JSON does not escape them).
		 */
		size_t run = 0;
		while (run < j->len && j->buf[j->len - 1 - run] == s[0])
			run++;
		j->len -= run;
		ddbgt__jw_raw(j, "${\\\"", 4);
		for (size_t i = 0; i < run; i++)
			ddbgt__jw_raw(j, s, 1);
		ddbgt__jw_raw(j, "\\\"}", 3);
	}
	if (j->status)
		return;
	const char *p = s, *end = s + n;
	if (template_text) {
		/* "${" -> "$${", "%{" -> "%%{": the sigil before each such '{' is written twice. */
		for (const char *q = p, *b; (b = memchr(q, '{', (size_t)(end - q))); q = b + 1) {
			char before = b > s ? b[-1] : w->last;
			if (!is_sigil(before))
				continue;
			if (put_json(w, s, p, b))
				return;
			ddbgt__jw_raw(j, &before, 1);
			p = b;
		}
	}
	if (plain)
		ddbgt__jw_raw(j, s, n);
	else if (put_json(w, s, p, end))
		return;
	if (n)
		w->last = s[n - 1];
}

void ddbgt__tfjson_string_begin(ddbgt__tfjson *w)
{
	if (misplaced(w))
		return;
	ddbgt__jw_value_begin(&w->json);
	ddbgt__jw_raw(&w->json, "\"", 1);
	w->in_string = 1;
	w->last = 0;
}

static void piece(ddbgt__tfjson *w, const char *s, int template_text)
{
	if (!w->in_string || !s) {
		ddbgt__jw_fail(&w->json, DDBGT_EINVAL);
		return;
	}
	put_piece(w, s, template_text, 0);
}

void ddbgt__tfjson_string_literal(ddbgt__tfjson *w, const char *s)
{
	piece(w, s, 0);
}

void ddbgt__tfjson_string_text(ddbgt__tfjson *w, const char *s)
{
	piece(w, s, 1);
}

void ddbgt__tfjson_string_end(ddbgt__tfjson *w)
{
	if (!w->in_string) {
		ddbgt__jw_fail(&w->json, DDBGT_EINVAL);
		return;
	}
	ddbgt__jw_raw(&w->json, "\"", 1);
	w->in_string = 0;
}

static void whole_string(ddbgt__tfjson *w, const char *s, int template_text)
{
	if (!s) {
		ddbgt__jw_fail(&w->json, DDBGT_EINVAL);
		return;
	}
	if (!template_text || !strchr(s, '{')) {
		/* Nothing for the template escape to do: the writer's string, in one go. */
		if (!misplaced(w) && ddbgt__jw_string(&w->json, s) && !w->bad_string)
			w->bad_string = s;
		return;
	}
	ddbgt__tfjson_string_begin(w);
	put_piece(w, s, template_text, 0);
	ddbgt__tfjson_string_end(w);
}

void ddbgt__tfjson_literal_pieces(ddbgt__tfjson *w, const ddbgt__tfjson_piece *pieces, size_t n)
{
	if (misplaced(w))
		return;
	char last = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = pieces[i].s;
		if (pieces[i].n >= 2 && is_sigil(s[0]) && s[1] == '{' && last == s[0]) {
			/* A "${" after its own sigil: put_piece's rewrite must see the join. */
			ddbgt__tfjson_string_begin(w);
			for (i = 0; i < n; i++)
				put_piece(w, pieces[i].s, 0, pieces[i].plain);
			ddbgt__tfjson_string_end(w);
			return;
		}
		if (pieces[i].n)
			last = s[pieces[i].n - 1];
	}
	size_t bad = ddbgt__jw_string_pieces(&w->json, pieces, n);
	if (bad && !w->bad_string)
		w->bad_string = pieces[bad - 1].s;
}

static void write_key(ddbgt__tfjson *w, const char *key, int template_text)
{
	jw *j = &w->json;
	if (j->depth == 0 || j->after_key || w->in_string || !key) {
		ddbgt__jw_fail(j, DDBGT_EINVAL);
		return;
	}
	if (!template_text || !strchr(key, '{')) {
		/* Every argument and block name: the writer's key, quotes and separator in one go. */
		if (ddbgt__jw_key(j, key) && !w->bad_string)
			w->bad_string = key;
		return;
	}
	ddbgt__jw_key_begin(j);
	ddbgt__jw_raw(j, "\"", 1);
	w->last = 0;
	put_piece(w, key, 1, 0);
	ddbgt__jw_raw(j, "\"", 1);
	ddbgt__jw_key_end(j);
}

void ddbgt__tfjson_key(ddbgt__tfjson *w, const char *key)
{
	write_key(w, key, 0);
}

void ddbgt__tfjson_key_quoted(ddbgt__tfjson *w, const char *quoted, size_t n)
{
	if (!misplaced(w))
		ddbgt__jw_key_quoted(&w->json, quoted, n);
}

void ddbgt__tfjson_key_quoted_open(ddbgt__tfjson *w, const char *quoted, size_t n, char bracket)
{
	if (!misplaced(w))
		ddbgt__jw_key_quoted_open(&w->json, quoted, n, bracket);
}

void ddbgt__tfjson_key_text(ddbgt__tfjson *w, const char *key)
{
	write_key(w, key, 1);
}

void ddbgt__tfjson_literal(ddbgt__tfjson *w, const char *s)
{
	whole_string(w, s, 0);
}

void ddbgt__tfjson_text(ddbgt__tfjson *w, const char *s)
{
	whole_string(w, s, 1);
}

void ddbgt__tfjson_int(ddbgt__tfjson *w, int64_t v)
{
	if (!misplaced(w))
		ddbgt__jw_int(&w->json, v);
}

void ddbgt__tfjson_number(ddbgt__tfjson *w, double v)
{
	if (!misplaced(w))
		ddbgt__jw_number(&w->json, v);
}

void ddbgt__tfjson_bool(ddbgt__tfjson *w, int v)
{
	if (!misplaced(w))
		ddbgt__jw_bool(&w->json, v);
}

/* A pair with a key taken as it is, in one writer call. */
void ddbgt__tfjson_kv_literal(ddbgt__tfjson *w, const char *key, const char *s)
{
	if (w->in_string || !s) {
		ddbgt__tfjson_key(w, key);
		whole_string(w, s, 0);
		return;
	}
	int bad = ddbgt__jw_kv_string(&w->json, key, s);
	if (bad && !w->bad_string)
		w->bad_string = bad == -1 ? key : s;
}

/* The same with a name quoted at compile time (DDBGT__TFJSON_NAME). */
static void quoted_kv_string(ddbgt__tfjson *w, const char *quoted, size_t n, const char *s,
                             int template_text)
{
	if (w->in_string || !s || (template_text && strchr(s, '{'))) {
		ddbgt__tfjson_key_quoted(w, quoted, n);
		whole_string(w, s, template_text);
		return;
	}
	if (ddbgt__jw_kv_quoted_string(&w->json, quoted, n, s) && !w->bad_string)
		w->bad_string = s;
}

void ddbgt__tfjson_kv_quoted_literal(ddbgt__tfjson *w, const char *quoted, size_t n, const char *s)
{
	quoted_kv_string(w, quoted, n, s, 0);
}

void ddbgt__tfjson_kv_quoted_text(ddbgt__tfjson *w, const char *quoted, size_t n, const char *s)
{
	quoted_kv_string(w, quoted, n, s, 1);
}

void ddbgt__tfjson_kv_texts(ddbgt__tfjson *w, const char *key, const char *s)
{
	if (w->in_string || !key || !s || strchr(key, '{') || strchr(s, '{')) {
		ddbgt__tfjson_key_text(w, key);
		ddbgt__tfjson_text(w, s);
		return;
	}
	int bad = ddbgt__jw_kv_string(&w->json, key, s);
	if (bad && !w->bad_string)
		w->bad_string = bad == -1 ? key : s;
}

size_t ddbgt__tfjson_offset(const ddbgt__tfjson *w)
{
	return w->json.len;
}

void ddbgt__tfjson_value_again(ddbgt__tfjson *w, size_t start, size_t n)
{
	if (!misplaced(w))
		ddbgt__jw_value_again(&w->json, start, n);
}
