/*
 * Internal: the one JSON writer of the library. Every document it writes
 * (the spec dump, the reports of the _to_json calls, and through the thin
 * layer of tfjson.h the Terraform documents) goes through it, into one
 * growing buffer, with one number policy.
 *
 * Output is deterministic: keys in the order written, 2-space indent (or no
 * whitespace at all when compact), a final newline. Strings must be valid
 * UTF-8; they are written as they are but for '"', '\\' and the control
 * bytes (0x00-0x1f and 0x7f), which are escaped. Numbers: integral values
 * exact in a double as integers, others as the shortest of 15, 16 or 17
 * significant digits that reads back to the same double.
 *
 * Errors are sticky: after the first failure every call does nothing and
 * ddbgt__jw_finish() reports it: DDBGT_ENOMEM, DDBGT_ERANGE for a number JSON
 * cannot write (NaN, infinity), DDBGT_EINVAL for a string that is not valid
 * UTF-8, nesting deeper than JW_MAX_DEPTH or a document that is not one
 * well-formed value.
 */
#ifndef DDBGT_LIB_JSONWRITE_H
#define DDBGT_LIB_JSONWRITE_H

#include <stddef.h>
#include <stdint.h>

#define JW_MAX_DEPTH 64

/* The longest text ddbgt__jw_format_number() writes, NUL included. */
#define JW_NUMBER_MAX 32

typedef struct jw {
	char *buf;
	size_t len, cap;
	int status;    /* the first failure, 0 until then */
	int compact;
	int after_key; /* the next value follows "key": on the same line */
	unsigned depth;
	/* Per open container: has it an element yet (a comma is due before the next). */
	unsigned char has_items[JW_MAX_DEPTH];
} jw;

/* Start an empty document; size_hint preallocates (0 for a default). */
void ddbgt__jw_init(jw *w, int compact, size_t size_hint);
/* Free the buffer of an unfinished writer; safe after ddbgt__jw_finish() too. */
void ddbgt__jw_release(jw *w);
/* Start a new document in the same buffer; a failure stays (it is sticky). */
void ddbgt__jw_reset(jw *w);
/*
 * End the document with a newline: on success *out is the NUL-terminated
 * text that the caller frees with ddbgt_free and *len (may be NULL) its
 * length; on failure the buffer is freed, *out is NULL and the sticky
 * status is returned.
 */
int ddbgt__jw_finish(jw *w, char **out, size_t *len);

void ddbgt__jw_object_begin(jw *w);
void ddbgt__jw_object_end(jw *w);
void ddbgt__jw_array_begin(jw *w);
void ddbgt__jw_array_end(jw *w);
/* Both return -1 when the text is not valid UTF-8 (the writer fails), else 0. */
int ddbgt__jw_key(jw *w, const char *key);
/*
 * A key already in quotes with its ": " after it (n bytes; compact drops
 * the space), written as it is: for names the caller knows need no escape.
 */
void ddbgt__jw_key_quoted(jw *w, const char *quoted, size_t n);
/* Such a key and its value's '{' or '[' (bracket) in one call: most containers of a document. */
void ddbgt__jw_key_quoted_open(jw *w, const char *quoted, size_t n, char bracket);
int ddbgt__jw_string(jw *w, const char *s);
/*
 * "key": "s" in one call (the pairs most documents are made of): -1 when the
 * key is not valid UTF-8, -2 when s is not, else 0; NULL for either fails
 * with DDBGT_EINVAL.
 */
int ddbgt__jw_kv_string(jw *w, const char *key, const char *s);
/*
 * A key already quoted as for ddbgt__jw_key_quoted and the string s in one
 * call: -1 when s is not valid UTF-8, else 0; NULL s fails with DDBGT_EINVAL.
 */
int ddbgt__jw_kv_quoted_string(jw *w, const char *quoted, size_t n, const char *s);
/*
 * A piece of a string value: n bytes at s, escaped, or with plain set
 * copied as they are, for text the caller knows is JSON string text
 * already (the library's own, identifiers, region codes).
 */
typedef struct jw_piece {
	const char *s;
	size_t n;
	int plain;
} jw_piece;
/*
 * One string value of count pieces in one reservation: for values composed
 * of known parts (Terraform's references). Returns 0, or i + 1 when piece i
 * is not valid UTF-8 (the writer fails with DDBGT_EINVAL).
 */
size_t ddbgt__jw_string_pieces(jw *w, const jw_piece *pieces, size_t count);
/* s, or null for NULL. */
void ddbgt__jw_string_or_null(jw *w, const char *s);
void ddbgt__jw_int(jw *w, int64_t v);
void ddbgt__jw_number(jw *w, double v);
void ddbgt__jw_bool(jw *w, int v);
void ddbgt__jw_null(jw *w);

/*
 * The text of v under the number policy above, into buf (JW_NUMBER_MAX
 * bytes); returns its length, or 0 for NaN and infinity (nothing written).
 * The spec dump, the reports and Terraform all print numbers through it.
 */
size_t ddbgt__jw_format_number(char *buf, double v);

/*
 * For a layer that composes values of its own (tfjson.c): the separator and
 * indentation before a value or key, the raw bytes of a value, the JSON-escaped
 * body of a string (no quotes), and a failure of the layer's own. put_escaped
 * returns -1 and fails with DDBGT_EINVAL when s is not valid UTF-8, else 0.
 */
void ddbgt__jw_value_begin(jw *w);
/* Around a key the layer writes itself: the checks and separator, then ": ". */
void ddbgt__jw_key_begin(jw *w);
void ddbgt__jw_key_end(jw *w);
void ddbgt__jw_raw(jw *w, const char *s, size_t n);
/* A value written before at [start, start + n) of this document, written again as a value. */
void ddbgt__jw_value_again(jw *w, size_t start, size_t n);
int ddbgt__jw_put_escaped(jw *w, const char *s, size_t n);
void ddbgt__jw_fail(jw *w, int status);

#endif
