/*
 * Internal: the one UTF-8 validator of the library. The JSON reader, the
 * Terraform writer, the findings list and every public setter that stores a
 * string use it, so what a setter accepts is exactly what a spec document
 * may carry and what the writers can write.
 */
#ifndef DDBGT_LIB_UTF8_H
#define DDBGT_LIB_UTF8_H

#include <stddef.h>

/*
 * Length (1-4) of the well-formed UTF-8 sequence at s, reading at most avail
 * bytes (avail >= 1); 0 when it is not one: a stray continuation byte, an
 * overlong form, a UTF-16 surrogate, a code point past U+10FFFF, or a
 * truncated sequence. In NUL-terminated text avail may simply be 4: a NUL is
 * never a continuation byte, so nothing past it is read.
 */
size_t ddbgt__utf8_seq_len(const unsigned char *s, size_t avail);

/* 1 when the NUL-terminated s is valid UTF-8, 0 when not (and for NULL). */
int ddbgt__utf8_valid(const char *s);

/*
 * 1 when s is NULL or valid UTF-8: the guard of the setters, for which NULL
 * has its own meaning (absent, or refused by the setter's NULL check).
 */
int ddbgt__utf8_ok(const char *s);

/*
 * Replace, in place, each byte of s that is not part of a well-formed
 * sequence with '?': for messages that quote user bytes or were cut to fit
 * a buffer (possibly in the middle of a character), which must stay
 * writable as JSON.
 */
void ddbgt__utf8_scrub(char *s);

#endif
