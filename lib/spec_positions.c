/*
 * Where each value of a spec document sits: JSON Pointer -> line and column.
 *
 * A side structure rather than a field of the table: the model knows nothing
 * of documents, and a caller that does not want positions (a program that
 * builds tables, a loop over thousands of specs) pays nothing for them. A
 * caller that does pays one more parse of the text (the reader keeps every
 * value's position); a lookup then walks the pointer down the parsed tree,
 * so nothing is built for values no finding names.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "jsonread.h"
#include "utf8.h"
#include "ddbgt/spec.h"

/* The loader's limit: a document it accepts is one this map can describe. */
#define MAX_DEPTH 64

struct ddbgt_spec_positions {
	jr_doc *doc;
};

DDBGT_API void ddbgt_spec_positions_free(ddbgt_spec_positions *positions)
{
	if (!positions)
		return;
	ddbgt__jr_free(positions->doc);
	ddbgt__free(positions);
}

DDBGT_API int ddbgt_spec_positions_new(ddbgt_spec_positions **out, const char *text, size_t len,
                                       unsigned flags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!text || (flags & ~DDBGT_SPEC_LOAD_FLAGS_KNOWN))
		return DDBGT_EINVAL;
	ddbgt_spec_positions *p = ddbgt__calloc(1, sizeof *p);
	if (!p)
		return DDBGT_ENOMEM;
	jr_error err;
	int rc = ddbgt__jr_parse(&p->doc, text, len, MAX_DEPTH, &err);
	if (rc) {
		ddbgt__free(p);
		return rc;
	}
	*out = p;
	return DDBGT_OK;
}

/* The array item a pointer segment names (RFC 6901: digits, no leading zero), or NULL. */
static const jr_value *item(const jr_value *array, const char *seg, size_t n)
{
	size_t index = 0;
	if (n == 0 || (n > 1 && seg[0] == '0'))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (seg[i] < '0' || seg[i] > '9' || index > array->u.arr.count)
			return NULL;
		index = index * 10 + (size_t)(seg[i] - '0');
	}
	return index < array->u.arr.count ? array->u.arr.items[index] : NULL;
}

/* The member a pointer segment names ("~1" is "/", "~0" is "~"), or NULL. */
static const jr_value *member(const jr_value *object, const char *seg, size_t n)
{
	for (size_t m = 0; m < object->u.obj.count; m++) {
		const jr_member *mb = &object->u.obj.members[m];
		size_t i = 0, k = 0;
		while (i < n && k < mb->key_len) {
			char c = seg[i++];
			if (c == '~' && i < n && (seg[i] == '0' || seg[i] == '1'))
				c = seg[i++] == '0' ? '~' : '/';
			if (c != mb->key[k++])
				break;
		}
		if (i == n && k == mb->key_len)
			return mb->value;
	}
	return NULL;
}

DDBGT_API int ddbgt_spec_positions_find(int *line, int *column,
                                        const ddbgt_spec_positions *positions, const char *path)
{
	if (!line || !column)
		return DDBGT_EINVAL;
	*line = *column = 0;
	if (!positions || !ddbgt__utf8_valid(path) || (path[0] != '\0' && path[0] != '/'))
		return DDBGT_EINVAL;
	/* A value the spec left out (a default) sits where its nearest parent is. */
	const jr_value *v = ddbgt__jr_root(positions->doc);
	while (*path == '/') {
		const char *seg = path + 1;
		size_t n = strcspn(seg, "/");
		const jr_value *next = v->type == JR_OBJECT  ? member(v, seg, n)
		                       : v->type == JR_ARRAY ? item(v, seg, n)
		                                             : NULL;
		if (!next)
			break;
		v = next;
		path = seg + n;
	}
	*line = v->line;
	*column = v->column;
	return DDBGT_OK;
}
