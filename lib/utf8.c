/* The UTF-8 validator shared by the reader, the writers and the setters (utf8.h). */
#include "utf8.h"

size_t ddbgt__utf8_seq_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
	size_t n;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0; /* overlong */
		else if (c == 0xED)
			hi = 0x9F; /* UTF-16 surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90; /* overlong */
		else if (c == 0xF4)
			hi = 0x8F; /* past U+10FFFF */
	} else {
		return 0; /* continuation byte, overlong lead 0xC0/0xC1, or 0xF5-0xFF */
	}
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	/* In order, stopping at the first bad byte: a NUL ends the reading. */
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

int ddbgt__utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p == NULL)
		return 0;
	while (*p) {
		size_t n = *p < 0x80 ? 1 : ddbgt__utf8_seq_len(p, 4);
		if (n == 0)
			return 0;
		p += n;
	}
	return 1;
}

int ddbgt__utf8_ok(const char *s)
{
	return s == NULL || ddbgt__utf8_valid(s);
}

void ddbgt__utf8_scrub(char *s)
{
	unsigned char *p = (unsigned char *)s;

	while (*p) {
		size_t n;

		/* ASCII, most of every message, needs no decoding. */
		if (*p < 0x80) {
			p++;
			continue;
		}
		n = ddbgt__utf8_seq_len(p, 4);
		if (n == 0)
			*p++ = '?';
		else
			p += n;
	}
}
