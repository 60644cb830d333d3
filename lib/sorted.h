/*
 * Internal: binary search in an array of structs kept sorted by a string
 * member (strcmp order), for the model's maps and the price table.
 */
#ifndef DDBGT_LIB_SORTED_H
#define DDBGT_LIB_SORTED_H

#include <stddef.h>
#include <string.h>

/*
 * Look up key among count items of size bytes, whose `const char *` member
 * at key_offset is the sort key. Returns 1 with *pos at the match, or 0 with
 * *pos where key would be inserted.
 */
static inline int ddbgt__sorted_find(const void *items, size_t count, size_t size,
                                     size_t key_offset, const char *key, size_t *pos)
{
	size_t lo = 0, hi = count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *at;
		memcpy(&at, (const char *)items + mid * size + key_offset, sizeof at);
		int c = strcmp(at, key);
		if (c == 0) {
			*pos = mid;
			return 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*pos = lo;
	return 0;
}

#endif
