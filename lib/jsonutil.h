/* Internal: jansson helpers for the reports whose _to_json builds a jansson tree
 * (cost report, diagnostics, helpers); the spec dumper and the emitters use
 * lib/jsonwrite.h and lib/tfjson.h instead. */
#ifndef DDBGT_LIB_JSONUTIL_H
#define DDBGT_LIB_JSONUTIL_H

#include <jansson.h>

/*
 * Serialise v deterministically (insertion order, 2-space indent, final
 * newline) into a string the caller frees with ddbgt_free. compact drops the
 * indentation. Returns 0, DDBGT_EINVAL or DDBGT_ENOMEM.
 */
int ddbgt__json_dump(char **out, const json_t *v, int compact);
/* A JSON number for d: an integer when d is integral and exact in a double, else a real. */
json_t *ddbgt__json_number(double d);
/* json_string, or json_null for NULL. */
json_t *ddbgt__json_string_or_null(const char *s);
/* Set key on object, taking the reference of value; returns 0 or DDBGT_ENOMEM (value is released either way). */
int ddbgt__json_set(json_t *object, const char *key, json_t *value);
/* Append to array, taking the reference of value; returns 0 or DDBGT_ENOMEM. */
int ddbgt__json_append(json_t *array, json_t *value);

#endif
