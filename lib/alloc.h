/* Internal: every allocation of the library goes through these. */
#ifndef DDBGT_LIB_ALLOC_H
#define DDBGT_LIB_ALLOC_H

#include <stddef.h>

void *ddbgt__malloc(size_t size);
void *ddbgt__calloc(size_t n, size_t size);
void *ddbgt__realloc(void *ptr, size_t size);
void ddbgt__free(void *ptr);
/* NULL in, NULL out; NULL also on allocation failure. */
char *ddbgt__strdup(const char *s);
char *ddbgt__strndup(const char *s, size_t n);
/*
 * Replace *slot with a copy of s (NULL allowed); DDBGT_ENOMEM leaves *slot
 * as it was.
 */
int ddbgt__set_string(char **slot, const char *s);
/* Grow *items (of *cap elements of size each) to hold at least need; DDBGT_ENOMEM on failure. */
int ddbgt__grow(void **items, size_t *cap, size_t need, size_t size);
/*
 * Append n bytes of p to the text *buf (*len bytes in *cap allocated) and
 * end it with a NUL; DDBGT_ENOMEM leaves the text as it was.
 */
int ddbgt__text_append(char **buf, size_t *len, size_t *cap, const char *p, size_t n);

/*
 * Objects that carry a name (a replica's region, an index's name) get it in
 * the same block, right after the size bytes of the object: one allocation
 * instead of two for what every one of them has. ddbgt__calloc_named
 * returns the object zeroed, with *name_out pointing to the copy of name,
 * or NULL when memory runs out. A new name set later is a copy of its own;
 * ddbgt__set_name stores it and ddbgt__free_name frees a name, each leaving
 * alone the one built into the object.
 */
void *ddbgt__calloc_named(size_t size, const char *name, char **name_out);
int ddbgt__set_name(const void *obj, size_t size, char **slot, const char *name);
void ddbgt__free_name(const void *obj, size_t size, char *name);

#endif
