/*
 * Internal: testing eight bytes of text at once (SWAR), for the JSON reader
 * and writer. Only where the byte order lets the first match of a word be
 * found by counting trailing zero bits; elsewhere DDBGT__SWAR is undefined
 * and callers keep their byte loops.
 */
#ifndef DDBGT_LIB_SWAR_H
#define DDBGT_LIB_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DDBGT__SWAR 1

#define DDBGT__ONES 0x0101010101010101ULL
#define DDBGT__HIGHS 0x8080808080808080ULL

static inline uint64_t ddbgt__load8(const char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

/*
 * The high bit of each byte of x that equals c. Bytes above a true match may
 * be marked too (borrows), so only the lowest mark is exact.
 */
static inline uint64_t ddbgt__bytes_equal(uint64_t x, unsigned char c)
{
	uint64_t y = x ^ (DDBGT__ONES * c);
	return (y - DDBGT__ONES) & ~y & DDBGT__HIGHS;
}

/* The high bit of each byte of x below c (c at most 0x80); the lowest is exact. */
static inline uint64_t ddbgt__bytes_below(uint64_t x, unsigned char c)
{
	return (x - DDBGT__ONES * c) & ~x & DDBGT__HIGHS;
}

/* The index (0-7) of the lowest marked byte; marks must not be 0. */
static inline size_t ddbgt__first_marked(uint64_t marks)
{
	return (size_t)__builtin_ctzll(marks) / 8;
}
#endif

#endif
