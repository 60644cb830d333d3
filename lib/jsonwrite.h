/*
 * Internal: a small streaming JSON writer into one growing buffer, for the
 * documents the library writes often and fast (the spec dump). Output is
 * deterministic: 2-space indent (or compact), keys in the order written,
 * integral numbers as integers, a final newline.
 */
#ifndef DDBGT_LIB_JSONWRITE_H
#define DDBGT_LIB_JSONWRITE_H

#include <stddef.h>
#include <stdint.h>

#define JW_MAX_DEPTH 64

typedef struct jw {
	char *buf;
	size_t len, cap;
	int depth;
	int compact;
	int failed;                   /* memory ran out or nesting was too deep */
	int range_error;              /* a number JSON cannot write (NaN, infinity) */
	unsigned char has_items[JW_MAX_DEPTH];
	int after_key;                /* the next value follows "key": */
} jw;

void ddbgt__jw_init(jw *w, int compact, size_t size_hint);
void ddbgt__jw_object_begin(jw *w);
void ddbgt__jw_object_end(jw *w);
void ddbgt__jw_array_begin(jw *w);
void ddbgt__jw_array_end(jw *w);
void ddbgt__jw_key(jw *w, const char *key);
void ddbgt__jw_string(jw *w, const char *s);
void ddbgt__jw_int(jw *w, int64_t v);
void ddbgt__jw_number(jw *w, double v);
void ddbgt__jw_bool(jw *w, int v);
void ddbgt__jw_null(jw *w);
/* Start a new document in the same buffer (after ddbgt__jw_init, before finish). */
void ddbgt__jw_reset(jw *w);
/* A value that this writer wrote before in compact form, copied as it is. */
void ddbgt__jw_raw_value(jw *w, const char *json);
/*
 * End the document: on success *out is the NUL-terminated text (with a final
 * newline) that the caller frees with ddbgt_free; on failure the buffer is
 * freed and DDBGT_ENOMEM (or DDBGT_ERANGE for a NaN or infinity) returned.
 */
int ddbgt__jw_finish(jw *w, char **out);

#endif
