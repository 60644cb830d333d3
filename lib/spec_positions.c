/*
 * Where each value of a spec document sits: JSON Pointer -> line and column.
 *
 * A side structure rather than a field of the table: the model knows nothing
 * of documents, and a caller that does not want positions (a program that
 * builds tables, a loop over thousands of specs) pays nothing for them. A
 * caller that does parses the text a second time, which costs about what the
 * load itself costs.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "jsonread.h"
#include "sorted.h"
#include "utf8.h"
#include "ddbgt/spec.h"

/* The loader's limit: a document it accepts is one this map can describe. */
#define MAX_DEPTH 64

struct entry {
	const char *path; /* into the map's text; set once every path is written */
	size_t offset;
	int line, column;
};

struct ddbgt_spec_positions {
	struct entry *entries; /* sorted by path (strcmp), for ddbgt__sorted_find */
	size_t count, cap;
	char *text; /* every path, NUL-terminated, one after the other */
	size_t len, text_cap;
};

static int add(ddbgt_spec_positions *p, const char *path, size_t plen, const jr_value *v)
{
	if (ddbgt__grow((void **)&p->entries, &p->cap, p->count + 1, sizeof *p->entries) ||
	    ddbgt__grow((void **)&p->text, &p->text_cap, p->len + plen + 1, 1))
		return DDBGT_ENOMEM;
	memcpy(p->text + p->len, path, plen);
	p->text[p->len + plen] = '\0';
	p->entries[p->count++] = (struct entry){NULL, p->len, v->line, v->column};
	p->len += plen + 1;
	return DDBGT_OK;
}

/*
 * Record v at path[0..plen) and its children below it. buf holds the path
 * and has room for the deepest one (grown here as keys need).
 */
static int walk(ddbgt_spec_positions *p, const jr_value *v, char **buf, size_t *cap, size_t plen)
{
	size_t i;
	int rc = add(p, *buf, plen, v);
	if (rc || (v->type != JR_OBJECT && v->type != JR_ARRAY))
		return rc;
	for (i = 0; v->type == JR_ARRAY && i < v->u.arr.count; i++) {
		if (ddbgt__grow((void **)buf, cap, plen + 24, 1))
			return DDBGT_ENOMEM;
		int n = snprintf(*buf + plen, 24, "/%zu", i);
		if ((rc = walk(p, v->u.arr.items[i], buf, cap, plen + (size_t)n)))
			return rc;
	}
	for (i = 0; v->type == JR_OBJECT && i < v->u.obj.count; i++) {
		const jr_member *m = &v->u.obj.members[i];
		/* RFC 6901: "~" is written "~0" and "/" is written "~1". */
		if (ddbgt__grow((void **)buf, cap, plen + 2 * m->key_len + 2, 1))
			return DDBGT_ENOMEM;
		size_t n = plen;
		(*buf)[n++] = '/';
		for (size_t k = 0; k < m->key_len; k++) {
			char c = m->key[k];
			if (c == '~' || c == '/') {
				(*buf)[n++] = '~';
				(*buf)[n++] = c == '~' ? '0' : '1';
			} else {
				(*buf)[n++] = c;
			}
		}
		if ((rc = walk(p, m->value, buf, cap, n)))
			return rc;
	}
	return DDBGT_OK;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

DDBGT_API void ddbgt_spec_positions_free(ddbgt_spec_positions *positions)
{
	if (!positions)
		return;
	ddbgt__free(positions->entries);
	ddbgt__free(positions->text);
	ddbgt__free(positions);
}

DDBGT_API int ddbgt_spec_positions_new(ddbgt_spec_positions **out, const char *text, size_t len)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!text)
		return DDBGT_EINVAL;
	jr_doc *doc = NULL;
	jr_error err;
	int rc = ddbgt__jr_parse(&doc, text, len, MAX_DEPTH, &err);
	if (rc)
		return rc;
	ddbgt_spec_positions *p = ddbgt__calloc(1, sizeof *p);
	char *buf = NULL;
	size_t cap = 0;
	rc = p && !ddbgt__grow((void **)&buf, &cap, 64, 1) ? DDBGT_OK : DDBGT_ENOMEM;
	if (!rc)
		rc = walk(p, ddbgt__jr_root(doc), &buf, &cap, 0);
	ddbgt__free(buf);
	ddbgt__jr_free(doc);
	if (rc) {
		ddbgt_spec_positions_free(p);
		return rc;
	}
	for (size_t i = 0; i < p->count; i++)
		p->entries[i].path = p->text + p->entries[i].offset;
	/* Duplicate keys are refused by the reader, so no two entries share a path. */
	qsort(p->entries, p->count, sizeof *p->entries, by_path);
	*out = p;
	return DDBGT_OK;
}

DDBGT_API int ddbgt_spec_positions_find(int *line, int *column,
                                        const ddbgt_spec_positions *positions, const char *path)
{
	if (!line || !column)
		return DDBGT_EINVAL;
	*line = *column = 0;
	if (!positions || !ddbgt__utf8_valid(path) || (path[0] != '\0' && path[0] != '/'))
		return DDBGT_EINVAL;
	char small[256], *key = small;
	size_t n = strlen(path);
	if (n >= sizeof small && !(key = ddbgt__malloc(n + 1)))
		return DDBGT_ENOMEM;
	memcpy(key, path, n + 1);
	/* A value the spec left out (a default) sits where its nearest parent is. */
	int rc = DDBGT_ENOTFOUND;
	for (;;) {
		size_t pos;
		if (ddbgt__sorted_find(positions->entries, positions->count,
		                       sizeof *positions->entries, offsetof(struct entry, path), key,
		                       &pos)) {
			*line = positions->entries[pos].line;
			*column = positions->entries[pos].column;
			rc = DDBGT_OK;
			break;
		}
		char *slash = strrchr(key, '/');
		if (!slash)
			break;
		*slash = '\0';
	}
	if (key != small)
		ddbgt__free(key);
	return rc;
}
