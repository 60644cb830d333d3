/*
 * Internal: a strict RFC 8259 JSON reader for spec and price documents.
 *
 * Why not jansson here: the spec loader must read a realistic document in
 * microseconds and report the line and column of every value, not only of
 * syntax errors. This reader parses the whole text into one arena (a couple
 * of allocations per document), validates UTF-8, refuses duplicate keys,
 * NUL characters, integers that overflow int64 and nesting beyond a limit,
 * and keeps each value's position. jansson still writes JSON elsewhere and
 * reads the documents callers hand over as json_t (ddbgt__jr_from_jansson).
 */
#ifndef DDBGT_LIB_JSONREAD_H
#define DDBGT_LIB_JSONREAD_H

#include <stddef.h>
#include <stdint.h>

#include "ddbgt/codes.h"

typedef enum jr_type {
	JR_NULL,
	JR_FALSE,
	JR_TRUE,
	JR_INT,
	JR_REAL,
	JR_STRING,
	JR_ARRAY,
	JR_OBJECT
} jr_type;

typedef struct jr_value jr_value;

typedef struct jr_member {
	const char *key; /* NUL-terminated, no NUL inside, valid UTF-8 */
	size_t key_len;
	jr_value *value;
} jr_member;

struct jr_value {
	jr_type type;
	int line, column; /* 1-based position of the value's first byte; 0 when unknown */
	union {
		int64_t i;
		double d;
		struct {
			const char *s; /* NUL-terminated, no NUL inside, valid UTF-8 */
			size_t len;
		} str;
		struct {
			jr_value **items;
			size_t count;
		} arr;
		struct {
			jr_member *members; /* in document order */
			size_t count;
		} obj;
	} u;
};

typedef struct jr_doc jr_doc;

/* Why a document was refused: a loader code, its position and a message. */
typedef struct jr_error {
	ddbgt_code code; /* DDBGT_CODE_NONE when memory ran out */
	int line, column;
	char text[160];
} jr_error;

/*
 * Parse len bytes of text. Values nested deeper than max_depth are refused
 * (DDBGT_E_SPEC_TOO_DEEP). Returns 0 with *out set, DDBGT_ESPEC with *err
 * filled, or DDBGT_ENOMEM.
 */
int ddbgt__jr_parse(jr_doc **out, const char *text, size_t len, int max_depth, jr_error *err);

struct json_t;
/* The same tree from a jansson value (positions unknown). Same returns. */
int ddbgt__jr_from_jansson(jr_doc **out, const struct json_t *json, int max_depth,
                           jr_error *err);

void ddbgt__jr_free(jr_doc *doc);
/* An empty document, n bytes of its arena, and its root: for trees built from other syntaxes. */
int ddbgt__jr_new(jr_doc **out);
void *ddbgt__jr_alloc(jr_doc *doc, size_t n);
void ddbgt__jr_set_root(jr_doc *doc, jr_value *root);
const jr_value *ddbgt__jr_root(const jr_doc *doc);
/* The value of key in an object (the first, keys being unique), or NULL. */
const jr_value *ddbgt__jr_get(const jr_value *object, const char *key);
/* 1 for JR_INT and JR_REAL. */
int ddbgt__jr_is_number(const jr_value *v);
double ddbgt__jr_number(const jr_value *v);

/* Iterate over an object's members (index i, key k, value v) or an array's items. */
#define JR_OBJECT_FOREACH(object_, i, k, v)                                                \
	for ((i) = 0; (i) < (object_)->u.obj.count &&                                        \
	              ((k) = (object_)->u.obj.members[i].key,                                \
	               (v) = (object_)->u.obj.members[i].value, 1);                          \
	     (i)++)
#define JR_ARRAY_FOREACH(array_, i, v) \
	for ((i) = 0; (i) < (array_)->u.arr.count && ((v) = (array_)->u.arr.items[i], 1); (i)++)

#endif
