/* The canonical text of resource-based policy documents (see iam_policy.h). */
#include <string.h>

#include "ddbgt/common.h"
#include "iam_policy.h"

/* sub: a string that holds "${" is written as {"Fn::Sub": string}. */
static void write_tree(jw *w, const jr_value *v, int sub)
{
	size_t i;
	const char *k;
	jr_value *item;

	switch (v->type) {
	case JR_NULL: ddbgt__jw_null(w); break;
	case JR_FALSE: ddbgt__jw_bool(w, 0); break;
	case JR_TRUE: ddbgt__jw_bool(w, 1); break;
	case JR_INT: ddbgt__jw_int(w, v->u.i); break;
	case JR_REAL: ddbgt__jw_number(w, v->u.d); break;
	case JR_STRING:
		if (sub && strstr(v->u.str.s, "${")) {
			ddbgt__jw_object_begin(w);
			ddbgt__jw_key(w, "Fn::Sub");
			ddbgt__jw_string(w, v->u.str.s);
			ddbgt__jw_object_end(w);
		} else {
			ddbgt__jw_string(w, v->u.str.s);
		}
		break;
	case JR_ARRAY:
		ddbgt__jw_array_begin(w);
		JR_ARRAY_FOREACH(v, i, item)
			write_tree(w, item, sub);
		ddbgt__jw_array_end(w);
		break;
	case JR_OBJECT:
		ddbgt__jw_object_begin(w);
		JR_OBJECT_FOREACH(v, i, k, item) {
			ddbgt__jw_key(w, k);
			write_tree(w, item, sub);
		}
		ddbgt__jw_object_end(w);
		break;
	}
}

void ddbgt__iam_policy_write(jw *w, const jr_value *v)
{
	write_tree(w, v, 0);
}

static int depth_ok(const jr_value *v, int depth)
{
	size_t i;

	if (v->type != JR_ARRAY && v->type != JR_OBJECT)
		return 1;
	if (depth > DDBGT__IAM_POLICY_MAX_DEPTH)
		return 0;
	for (i = 0; i < (v->type == JR_ARRAY ? v->u.arr.count : v->u.obj.count); i++)
		if (!depth_ok(v->type == JR_ARRAY ? v->u.arr.items[i] : v->u.obj.members[i].value,
		              depth + 1))
			return 0;
	return 1;
}

int ddbgt__iam_policy_from_tree(char **out, const jr_value *v)
{
	jw w;
	int rc;

	*out = NULL;
	if (v == NULL || v->type != JR_OBJECT || !depth_ok(v, 1))
		return DDBGT_EINVAL;
	ddbgt__jw_init(&w, 1, 256);
	ddbgt__iam_policy_write(&w, v);
	rc = ddbgt__jw_finish(&w, out, NULL);
	/* The writer ends a document with a newline; a policy is a value inside one. */
	if (rc == 0)
		(*out)[strlen(*out) - 1] = '\0';
	return rc;
}

int ddbgt__iam_policy_canonical(char **out, const char *json, size_t len)
{
	jr_doc *doc = NULL;
	jr_error err;
	int rc;

	*out = NULL;
	rc = ddbgt__jr_parse(&doc, json, len, DDBGT__IAM_POLICY_MAX_DEPTH + 1, &err);
	if (rc)
		return rc == DDBGT_ENOMEM ? DDBGT_ENOMEM : DDBGT_EINVAL;
	rc = ddbgt__iam_policy_from_tree(out, ddbgt__jr_root(doc));
	ddbgt__jr_free(doc);
	return rc;
}

static void write_text(jw *w, const char *canonical, int sub)
{
	jr_doc *doc = NULL;
	if (ddbgt__iam_policy_parse(&doc, canonical)) {
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
		return;
	}
	write_tree(w, ddbgt__jr_root(doc), sub);
	ddbgt__jr_free(doc);
}

void ddbgt__iam_policy_write_text(jw *w, const char *canonical)
{
	write_text(w, canonical, 0);
}

void ddbgt__iam_policy_write_text_sub(jw *w, const char *text)
{
	write_text(w, text, 1);
}

int ddbgt__iam_policy_parse(jr_doc **out, const char *canonical)
{
	jr_error err;

	return ddbgt__jr_parse(out, canonical, strlen(canonical), DDBGT__IAM_POLICY_MAX_DEPTH + 1,
	                       &err)
	               ? DDBGT_ENOMEM
	               : DDBGT_OK;
}
