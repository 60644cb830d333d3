#include "jsonutil.h"

#include <math.h>

#include "alloc.h"
#include "ddbgt/common.h"

int ddbgt__json_dump(char **out, const json_t *v, int compact)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!v)
		return DDBGT_EINVAL;
	/* 15 significant digits print 0.1 as "0.1" and keep every value a spec needs. */
	size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) |
	               (compact ? JSON_COMPACT : JSON_INDENT(2));
	size_t need = json_dumpb(v, NULL, 0, flags);
	if (need == 0)
		return DDBGT_ENOMEM;
	char *buf = ddbgt__malloc(need + 2);
	if (!buf)
		return DDBGT_ENOMEM;
	if (json_dumpb(v, buf, need, flags) != need) {
		ddbgt__free(buf);
		return DDBGT_ENOMEM;
	}
	buf[need] = '\n';
	buf[need + 1] = '\0';
	*out = buf;
	return DDBGT_OK;
}

json_t *ddbgt__json_number(double d)
{
	/* 2^53: every integer up to here is exact in a double. */
	if (isfinite(d) && d == floor(d) && fabs(d) <= 9007199254740992.0)
		return json_integer((json_int_t)d);
	return json_real(d);
}

json_t *ddbgt__json_string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

int ddbgt__json_set(json_t *object, const char *key, json_t *value)
{
	if (!value)
		return DDBGT_ENOMEM;
	return json_object_set_new(object, key, value) == 0 ? DDBGT_OK : DDBGT_ENOMEM;
}

int ddbgt__json_append(json_t *array, json_t *value)
{
	if (!value)
		return DDBGT_ENOMEM;
	return json_array_append_new(array, value) == 0 ? DDBGT_OK : DDBGT_ENOMEM;
}
