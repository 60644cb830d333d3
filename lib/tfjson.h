/*
 * Internal: the JSON writer of the Terraform emitters.
 *
 * A streaming writer into one growing buffer: keys come out in the order the
 * emitter writes them, so the same model always gives the same bytes. Pretty
 * output is 2-space indented (one element per line); compact output has no
 * whitespace. Every document ends with a newline.
 *
 * Terraform reads every string in an expression position (resource
 * arguments, map keys such as tag keys, output values) as a template, where
 * "${" interpolates and "%{" starts a directive. The "text" functions write
 * user data there as plain text by doubling the sigil ("$${", "%%{"); the
 * "literal" functions write strings as they are, for literal-only positions
 * (provider aliases, depends_on, lifecycle) and for the emitter's own
 * references ("${aws_dynamodb_table.t.arn}").
 *
 * Errors are sticky: after the first failure (DDBGT_ENOMEM, or DDBGT_EINVAL
 * for a string that is not valid UTF-8 or a number that is not finite)
 * every call does nothing and ddbgt__tfjson_finish() reports it.
 */
#ifndef DDBGT_LIB_TFJSON_H
#define DDBGT_LIB_TFJSON_H

#include <stddef.h>
#include <stdint.h>

#define DDBGT__TFJSON_MAX_DEPTH 32

typedef struct ddbgt__tfjson {
	char *buf;
	size_t len;
	size_t cap;
	int status;
	int compact;
	unsigned depth;
	/* Per open container: has it an element yet (a comma is due before the next). */
	unsigned char has_items[DDBGT__TFJSON_MAX_DEPTH];
	/* A key was written; its value follows on the same line. */
	int after_key;
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
/* An object key that Terraform reads as a template (tag keys, region keys of output maps). */
void ddbgt__tfjson_key_text(ddbgt__tfjson *w, const char *key);

/* A string value as it is. */
void ddbgt__tfjson_literal(ddbgt__tfjson *w, const char *s);
/* A string value that Terraform must read as plain text. */
void ddbgt__tfjson_text(ddbgt__tfjson *w, const char *s);
void ddbgt__tfjson_int(ddbgt__tfjson *w, int64_t v);
/* The shortest decimal form that reads back as v ("70", "72.5"). */
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

/* key followed by a value: the usual pairs. */
void ddbgt__tfjson_kv_literal(ddbgt__tfjson *w, const char *key, const char *s);
void ddbgt__tfjson_kv_text(ddbgt__tfjson *w, const char *key, const char *s);
void ddbgt__tfjson_kv_int(ddbgt__tfjson *w, const char *key, int64_t v);
void ddbgt__tfjson_kv_number(ddbgt__tfjson *w, const char *key, double v);
void ddbgt__tfjson_kv_bool(ddbgt__tfjson *w, const char *key, int v);

/*
 * Write s into the string being composed, escaped for JSON and, with
 * template set, for Terraform's templates. Exposed for the tests.
 */
void ddbgt__tfjson_put_escaped(ddbgt__tfjson *w, const char *s, int template_text);


#endif
