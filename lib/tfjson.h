/*
 * Internal: the Terraform emitters' layer on the library's JSON writer
 * (jsonwrite.h), which does the layout, the JSON escaping, the UTF-8 check
 * and the numbers. This layer adds what Terraform needs on top.
 *
 * Terraform reads every string in an expression position (resource
 * arguments, map keys such as tag keys, output values) as a template, where
 * "${" interpolates and "%{" starts a directive. The "text" functions write
 * user data there as plain text by doubling the sigil ("$${", "%%{"); the
 * "literal" functions write strings as they are, for literal-only positions
 * (provider aliases, depends_on, lifecycle) and for the emitter's own
 * references ("${aws_dynamodb_table.t.arn}").
 *
 * Errors are sticky: after the first failure (DDBGT_ENOMEM, DDBGT_ERANGE for
 * a number that is not finite, DDBGT_EINVAL for a string that is not valid
 * UTF-8 or a misuse) every call does nothing and ddbgt__tfjson_finish()
 * reports it.
 */
#ifndef DDBGT_LIB_TFJSON_H
#define DDBGT_LIB_TFJSON_H

#include <stddef.h>
#include <stdint.h>

#include "jsonwrite.h"

#define DDBGT__TFJSON_MAX_DEPTH JW_MAX_DEPTH

typedef struct ddbgt__tfjson {
	jw json;
	/* A string opened with ddbgt__tfjson_string_begin() is being composed. */
	int in_string;
	/* The last character of the string so far, as Terraform will read it. */
	char last;
	/* The first string that was not valid UTF-8 (it belongs to the caller). */
	const char *bad_string;
} ddbgt__tfjson;

/* Start an empty document. size_hint preallocates (0 for a default). */
void ddbgt__tfjson_init(ddbgt__tfjson *w, int compact, size_t size_hint);
/* Free the buffer of an unfinished writer; safe after ddbgt__tfjson_finish() too. */
void ddbgt__tfjson_release(ddbgt__tfjson *w);
/*
 * End the document with a newline and hand the NUL-terminated buffer to
 * *out (the caller frees it with ddbgt__free); *len may be NULL. Returns the
 * sticky status, or DDBGT_EINVAL when containers are still open.
 */
int ddbgt__tfjson_finish(ddbgt__tfjson *w, char **out, size_t *len);

void ddbgt__tfjson_object_begin(ddbgt__tfjson *w);
void ddbgt__tfjson_object_end(ddbgt__tfjson *w);
void ddbgt__tfjson_array_begin(ddbgt__tfjson *w);
void ddbgt__tfjson_array_end(ddbgt__tfjson *w);

/* An object key taken as it is: argument and block names, resource labels. */
void ddbgt__tfjson_key(ddbgt__tfjson *w, const char *key);
/*
 * An argument or block name written in the library's source, as a string
 * literal of letters, digits, '_' and '/' (the macro takes nothing else):
 * quoted at compile time and copied, without the length count and escape
 * scan of ddbgt__tfjson_key. Most keys of a document are these.
 */
#define DDBGT__TFJSON_NAME(w, literal) \
	ddbgt__tfjson_key_quoted((w), "\"" literal "\": ", sizeof(literal) + 3)
void ddbgt__tfjson_key_quoted(ddbgt__tfjson *w, const char *quoted, size_t n);
/* Such a name with an object or array opened as its value, in one writer call. */
#define DDBGT__TFJSON_OBJECT(w, literal) \
	ddbgt__tfjson_key_quoted_open((w), "\"" literal "\": ", sizeof(literal) + 3, '{')
#define DDBGT__TFJSON_ARRAY(w, literal) \
	ddbgt__tfjson_key_quoted_open((w), "\"" literal "\": ", sizeof(literal) + 3, '[')
void ddbgt__tfjson_key_quoted_open(ddbgt__tfjson *w, const char *quoted, size_t n, char bracket);
/* The pairs below with such a name as their key (w is evaluated twice). */
#define DDBGT__TFJSON_KV_LITERAL(w, literal, s) \
	ddbgt__tfjson_kv_quoted_literal((w), "\"" literal "\": ", sizeof(literal) + 3, (s))
#define DDBGT__TFJSON_KV_TEXT(w, literal, s) \
	ddbgt__tfjson_kv_quoted_text((w), "\"" literal "\": ", sizeof(literal) + 3, (s))
#define DDBGT__TFJSON_KV_INT(w, literal, v) \
	(DDBGT__TFJSON_NAME(w, literal), ddbgt__tfjson_int((w), (v)))
#define DDBGT__TFJSON_KV_BOOL(w, literal, v) \
	(DDBGT__TFJSON_NAME(w, literal), ddbgt__tfjson_bool((w), (v)))
#define DDBGT__TFJSON_KV_NUMBER(w, literal, v) \
	(DDBGT__TFJSON_NAME(w, literal), ddbgt__tfjson_number((w), (v)))
/* The name and string value of KV_LITERAL and KV_TEXT, in one writer call when it can. */
void ddbgt__tfjson_kv_quoted_literal(ddbgt__tfjson *w, const char *quoted, size_t n, const char *s);
void ddbgt__tfjson_kv_quoted_text(ddbgt__tfjson *w, const char *quoted, size_t n, const char *s);
/* An object key that Terraform reads as a template (tag keys, operations outputs' regions). */
void ddbgt__tfjson_key_text(ddbgt__tfjson *w, const char *key);

/* A string value as it is. */
void ddbgt__tfjson_literal(ddbgt__tfjson *w, const char *s);
/* A string value that Terraform must read as plain text. */
void ddbgt__tfjson_text(ddbgt__tfjson *w, const char *s);
void ddbgt__tfjson_int(ddbgt__tfjson *w, int64_t v);
/* The library's number policy (ddbgt__jw_format_number): "70", "72.5". */
void ddbgt__tfjson_number(ddbgt__tfjson *w, double v);
void ddbgt__tfjson_bool(ddbgt__tfjson *w, int v);

/*
 * One string value composed of pieces, e.g. "table/${aws_dynamodb_table.t.name}"
 * followed by an index name as text. Pieces keep their meaning across the
 * joins: a text piece never completes a "${" or "%{" begun by the piece
 * before it, and a literal "${" after a text piece ending in "$" still
 * interpolates.
 */
void ddbgt__tfjson_string_begin(ddbgt__tfjson *w);
void ddbgt__tfjson_string_literal(ddbgt__tfjson *w, const char *s);
void ddbgt__tfjson_string_text(ddbgt__tfjson *w, const char *s);
void ddbgt__tfjson_string_end(ddbgt__tfjson *w);
/*
 * n literal pieces as one string value: what string_begin, a
 * string_literal per piece and string_end write, in one pass without a
 * length count (references of the outputs, per region). Each piece is a
 * whole NUL-terminated string with its length, and plain when it is JSON
 * text already (see jw_piece): DDBGT__TFJSON_PLAIN for such a literal of
 * the source (its quotes written \\\"), {s, strlen(s), plain} for a string
 * known at run time.
 */
typedef jw_piece ddbgt__tfjson_piece;
#define DDBGT__TFJSON_PLAIN(literal) {"" literal "", sizeof(literal) - 1, 1}
void ddbgt__tfjson_literal_pieces(ddbgt__tfjson *w, const ddbgt__tfjson_piece *pieces, size_t n);

/* Where the next byte of the document goes: the start of a value to write again. */
size_t ddbgt__tfjson_offset(const ddbgt__tfjson *w);
/* The value written at [start, start + n) of this document (ddbgt__tfjson_offset), again. */
void ddbgt__tfjson_value_again(ddbgt__tfjson *w, size_t start, size_t n);

/* A key known only at run time followed by a string value as it is. */
void ddbgt__tfjson_kv_literal(ddbgt__tfjson *w, const char *key, const char *s);
/* key_text then text (tags), in one writer call when neither needs the template escape. */
void ddbgt__tfjson_kv_texts(ddbgt__tfjson *w, const char *key, const char *s);

#endif
