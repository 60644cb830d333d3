/*
 * The library allocator: the only global state of libddbgt, set once by the
 * embedding program before any other call. jansson's allocator is not ours
 * to set: it is process-wide and belongs to the host program.
 */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

#include "ddbgt/common.h"

static ddbgt_malloc_fn alloc_malloc = malloc;
static ddbgt_realloc_fn alloc_realloc = realloc;
static ddbgt_free_fn alloc_free = free;

DDBGT_API int ddbgt_set_alloc_funcs(ddbgt_malloc_fn malloc_fn, ddbgt_realloc_fn realloc_fn,
                                    ddbgt_free_fn free_fn)
{
	if (!malloc_fn || !realloc_fn || !free_fn)
		return DDBGT_EINVAL;
	alloc_malloc = malloc_fn;
	alloc_realloc = realloc_fn;
	alloc_free = free_fn;
	return DDBGT_OK;
}

DDBGT_API void ddbgt_get_alloc_funcs(ddbgt_malloc_fn *malloc_fn, ddbgt_realloc_fn *realloc_fn,
                                     ddbgt_free_fn *free_fn)
{
	if (malloc_fn)
		*malloc_fn = alloc_malloc;
	if (realloc_fn)
		*realloc_fn = alloc_realloc;
	if (free_fn)
		*free_fn = alloc_free;
}

DDBGT_API void ddbgt_free(void *ptr)
{
	if (ptr)
		alloc_free(ptr);
}

void *ddbgt__malloc(size_t size)
{
	/* A zero-byte request still gets a unique pointer, whatever the allocator. */
	return alloc_malloc(size ? size : 1);
}

void *ddbgt__calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = ddbgt__malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *ddbgt__realloc(void *ptr, size_t size)
{
	return alloc_realloc(ptr, size ? size : 1);
}

void ddbgt__free(void *ptr)
{
	if (ptr)
		alloc_free(ptr);
}

char *ddbgt__strndup(const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *copy = ddbgt__malloc(n + 1);
	if (copy) {
		memcpy(copy, s, n);
		copy[n] = '\0';
	}
	return copy;
}

char *ddbgt__strdup(const char *s)
{
	return s ? ddbgt__strndup(s, strlen(s)) : NULL;
}

int ddbgt__set_string(char **slot, const char *s)
{
	char *copy = NULL;
	if (s && !(copy = ddbgt__strdup(s)))
		return DDBGT_ENOMEM;
	ddbgt__free(*slot);
	*slot = copy;
	return DDBGT_OK;
}

int ddbgt__grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return DDBGT_OK;
	size_t n = *cap ? *cap : 4;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			return DDBGT_ENOMEM;
		n *= 2;
	}
	void *p = ddbgt__realloc(*items, n * size);
	if (!p)
		return DDBGT_ENOMEM;
	*items = p;
	*cap = n;
	return DDBGT_OK;
}

int ddbgt__text_append(char **buf, size_t *len, size_t *cap, const char *p, size_t n)
{
	if (n > SIZE_MAX - 1 - *len || ddbgt__grow((void **)buf, cap, *len + n + 1, 1))
		return DDBGT_ENOMEM;
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
	return DDBGT_OK;
}

void *ddbgt__calloc_named(size_t size, const char *name, char **name_out)
{
	size_t n = strlen(name) + 1;
	if (n > SIZE_MAX - size)
		return NULL;
	char *obj = ddbgt__malloc(size + n);
	if (!obj)
		return NULL;
	memset(obj, 0, size);
	*name_out = memcpy(obj + size, name, n);
	return obj;
}

void ddbgt__free_name(const void *obj, size_t size, char *name)
{
	if (name != (const char *)obj + size)
		ddbgt__free(name);
}

int ddbgt__set_name(const void *obj, size_t size, char **slot, const char *name)
{
	char *copy = ddbgt__strdup(name);
	if (name && !copy)
		return DDBGT_ENOMEM;
	ddbgt__free_name(obj, size, *slot);
	*slot = copy;
	return DDBGT_OK;
}
