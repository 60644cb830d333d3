/*
 * CloudFormation YAML into the jr_value tree the JSON importers read, with
 * libyaml's event parser. Short-form intrinsic tags become their long form
 * (!Ref x is {"Ref": x}, !GetAtt a.b is {"Fn::GetAtt": ["a", "b"]}, !Sub s is
 * {"Fn::Sub": s}), so import_cfn.c sees one shape for JSON and YAML.
 *
 * Hostile input: an alias shares the anchored tree instead of copying it,
 * and every alias counts the anchored tree's size against a budget, so an
 * exponential "billion laughs" document is refused early; an alias to an
 * anchor not yet complete (a loop) is unknown to libyaml and refused; nesting
 * is capped; duplicate keys are refused as in JSON; only one document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <yaml.h>

#include "alloc.h"
#include "import_internal.h"
#include "utf8.h"

/* Values a document may hold, aliases expanded: far beyond any real template. */
#define NODE_BUDGET ((size_t)1 << 20)

struct anchor {
	char *name;
	jr_value *value;
	size_t nodes;
};

/* An open container: its value and the children read so far. */
struct frame {
	jr_value *v;
	jr_value **items;
	jr_member *members;
	size_t count, cap;
	char *key; /* a mapping's key awaiting its value (arena) */
	size_t key_len;
	char *anchor;
	size_t nodes_at_start;
	/* A short-form tag wraps the container: {"Fn::X": container}. */
	char *wrap;
};

struct yp {
	jr_doc *doc;
	jr_error *err;
	struct frame *stack;
	size_t depth, cap, max_depth;
	struct anchor *anchors;
	size_t nanchors, anchors_cap;
	size_t nodes;
	int nomem;
};

static int fail(struct yp *P, ddbgt_code code, const yaml_mark_t *m, const char *fmt,
                const char *arg)
{
	if (P->err->code == DDBGT_CODE_NONE) {
		P->err->code = code;
		P->err->line = m ? (int)m->line + 1 : 0;
		P->err->column = m ? (int)m->column + 1 : 0;
		snprintf(P->err->text, sizeof P->err->text, fmt, arg ? arg : "");
	}
	return -1;
}

static jr_value *new_value(struct yp *P, jr_type type, const yaml_mark_t *m)
{
	jr_value *v = ddbgt__jr_alloc(P->doc, sizeof *v);
	if (!v) {
		P->nomem = 1;
		return NULL;
	}
	memset(v, 0, sizeof *v);
	v->type = type;
	v->line = (int)m->line + 1;
	v->column = (int)m->column + 1;
	return v;
}

static char *arena_str(struct yp *P, const char *s, size_t n)
{
	char *c = ddbgt__jr_alloc(P->doc, n + 1);
	if (!c) {
		P->nomem = 1;
		return NULL;
	}
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

/* The long form of a short-form tag: "!Ref" is "Ref", "!Sub" is "Fn::Sub"; NULL if none. */
static const char *long_form(const char *tag, char *buf, size_t size)
{
	if (!tag || tag[0] != '!' || !tag[1] || tag[1] == '!')
		return NULL;
	if (strcmp(tag, "!Ref") == 0 || strcmp(tag, "!Condition") == 0)
		return tag + 1;
	snprintf(buf, size, "Fn::%s", tag + 1);
	return buf;
}

/* {"name": v}: the long form of a tagged value. */
static jr_value *wrap(struct yp *P, const char *name, jr_value *v)
{
	jr_value *o = ddbgt__jr_alloc(P->doc, sizeof *o);
	jr_member *m = ddbgt__jr_alloc(P->doc, sizeof *m);
	char *key = arena_str(P, name, strlen(name));
	if (!o || !m || !key) {
		P->nomem = 1;
		return NULL;
	}
	*o = *v;
	o->type = JR_OBJECT;
	m->key = key;
	m->key_len = strlen(key);
	m->value = v;
	o->u.obj.members = m;
	o->u.obj.count = 1;
	P->nodes++;
	return o;
}

/* !GetAtt a.b: ["a", "b"] (the long form takes a list). */
static jr_value *split_getatt(struct yp *P, jr_value *s)
{
	const char *dot = strchr(s->u.str.s, '.');
	if (!dot)
		return s;
	jr_value *a = ddbgt__jr_alloc(P->doc, sizeof *a);
	jr_value *b = ddbgt__jr_alloc(P->doc, sizeof *b);
	jr_value *list = ddbgt__jr_alloc(P->doc, sizeof *list);
	jr_value **items = ddbgt__jr_alloc(P->doc, 2 * sizeof *items);
	if (!a || !b || !list || !items) {
		P->nomem = 1;
		return NULL;
	}
	*a = *s;
	*b = *s;
	a->u.str.s = arena_str(P, s->u.str.s, (size_t)(dot - s->u.str.s));
	a->u.str.len = (size_t)(dot - s->u.str.s);
	b->u.str.s = dot + 1;
	b->u.str.len = strlen(dot + 1);
	*list = *s;
	list->type = JR_ARRAY;
	items[0] = a;
	items[1] = b;
	list->u.arr.items = items;
	list->u.arr.count = 2;
	return a->u.str.s ? list : NULL;
}

static int is_int(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int is_real(const char *s)
{
	char *end;
	if (!*s)
		return 0;
	strtod(s, &end);
	return *end == '\0' && strpbrk(s, ".eE") && !strpbrk(s, "xXnN");
}

/* A scalar: plain ones are typed as YAML's core schema types them. */
static jr_value *scalar(struct yp *P, const yaml_event_t *e)
{
	const char *s = (const char *)e->data.scalar.value;
	size_t n = e->data.scalar.length;
	const yaml_mark_t *m = &e->start_mark;
	if (memchr(s, '\0', n) || !ddbgt__utf8_valid(s)) {
		fail(P, DDBGT_E_SPEC_ENCODING, m, "a string is not valid UTF-8 or holds a NUL%s",
		     NULL);
		return NULL;
	}
	int plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !e->data.scalar.tag;
	jr_value *v;
	if (plain && (n == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	              strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0)) {
		v = new_value(P, JR_NULL, m);
	} else if (plain &&
	           (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0)) {
		v = new_value(P, JR_TRUE, m);
	} else if (plain && (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 ||
	                     strcmp(s, "FALSE") == 0)) {
		v = new_value(P, JR_FALSE, m);
	} else if (plain && is_int(s) && n < 19) {
		v = new_value(P, JR_INT, m);
		if (v)
			v->u.i = strtoll(s, NULL, 10);
	} else if (plain && is_real(s)) {
		/* As the JSON reader does: a number no double holds is refused, never infinity. */
		if (!isfinite(strtod(s, NULL))) {
			fail(P, DDBGT_E_SPEC_NUMBER_RANGE, m, "a number is out of range%s", NULL);
			return NULL;
		}
		v = new_value(P, JR_REAL, m);
		if (v)
			v->u.d = strtod(s, NULL);
	} else {
		v = new_value(P, JR_STRING, m);
		if (v && !(v->u.str.s = arena_str(P, s, n)))
			return NULL;
		if (v)
			v->u.str.len = n;
	}
	return v;
}

static struct anchor *find_anchor(struct yp *P, const char *name)
{
	for (size_t i = P->nanchors; i-- > 0;)
		if (strcmp(P->anchors[i].name, name) == 0)
			return &P->anchors[i];
	return NULL;
}

static int add_anchor(struct yp *P, const char *name, jr_value *v, size_t nodes)
{
	if (!name)
		return 0;
	if (ddbgt__grow((void **)&P->anchors, &P->anchors_cap, P->nanchors + 1,
	                sizeof *P->anchors)) {
		P->nomem = 1;
		return -1;
	}
	char *c = ddbgt__strdup(name);
	if (!c) {
		P->nomem = 1;
		return -1;
	}
	P->anchors[P->nanchors++] = (struct anchor){c, v, nodes};
	return 0;
}

/* Hand a finished value to the open container (or make it the root). */
static int put(struct yp *P, jr_value *v, const yaml_mark_t *m)
{
	if (P->depth == 0) {
		ddbgt__jr_set_root(P->doc, v);
		return 0;
	}
	struct frame *f = &P->stack[P->depth - 1];
	if (f->v->type == JR_ARRAY) {
		if (ddbgt__grow((void **)&f->items, &f->cap, f->count + 1, sizeof *f->items)) {
			P->nomem = 1;
			return -1;
		}
		f->items[f->count++] = v;
		return 0;
	}
	if (!f->key) {
		if (v->type != JR_STRING && v->type != JR_INT && v->type != JR_TRUE &&
		    v->type != JR_FALSE)
			return fail(P, DDBGT_E_IMPORT_SYNTAX, m, "a mapping key must be a scalar%s",
			            NULL);
		const char *k = v->type == JR_STRING  ? v->u.str.s
		                : v->type == JR_TRUE  ? "true"
		                : v->type == JR_FALSE ? "false"
		                                      : NULL;
		char num[32];
		if (!k) {
			snprintf(num, sizeof num, "%lld", (long long)v->u.i);
			k = num;
		}
		for (size_t i = 0; i < f->count; i++)
			if (strcmp(f->members[i].key, k) == 0)
				return fail(P, DDBGT_E_SPEC_DUPLICATE_KEY, m,
				            "the key \"%s\" appears twice", k);
		if (!(f->key = arena_str(P, k, strlen(k))))
			return -1;
		f->key_len = strlen(k);
		return 0;
	}
	if (ddbgt__grow((void **)&f->members, &f->cap, f->count + 1, sizeof *f->members)) {
		P->nomem = 1;
		return -1;
	}
	f->members[f->count++] = (jr_member){f->key, f->key_len, v};
	f->key = NULL;
	return 0;
}

static int open_container(struct yp *P, const yaml_event_t *e, jr_type type)
{
	if (P->depth >= P->max_depth)
		return fail(P, DDBGT_E_SPEC_TOO_DEEP, &e->start_mark,
		            "the document nests deeper than the importer accepts%s", NULL);
	if (ddbgt__grow((void **)&P->stack, &P->cap, P->depth + 1, sizeof *P->stack)) {
		P->nomem = 1;
		return -1;
	}
	struct frame *f = &P->stack[P->depth];
	memset(f, 0, sizeof *f);
	if (!(f->v = new_value(P, type, &e->start_mark)))
		return -1;
	const char *anchor = type == JR_ARRAY ? (const char *)e->data.sequence_start.anchor
	                                      : (const char *)e->data.mapping_start.anchor;
	const char *tag = type == JR_ARRAY ? (const char *)e->data.sequence_start.tag
	                                   : (const char *)e->data.mapping_start.tag;
	char buf[64];
	const char *lf = long_form(tag, buf, sizeof buf);
	if ((anchor && !(f->anchor = ddbgt__strdup(anchor))) ||
	    (lf && !(f->wrap = ddbgt__strdup(lf)))) {
		P->nomem = 1;
		return -1;
	}
	f->nodes_at_start = P->nodes;
	P->depth++;
	return 0;
}

static int close_container(struct yp *P, const yaml_mark_t *m)
{
	struct frame *f = &P->stack[--P->depth];
	jr_value *v = f->v;
	int rc = 0;
	if (v->type == JR_ARRAY) {
		v->u.arr.items = ddbgt__jr_alloc(P->doc, f->count * sizeof *f->items + 1);
		if (v->u.arr.items) {
			if (f->count)
				memcpy(v->u.arr.items, f->items, f->count * sizeof *f->items);
			v->u.arr.count = f->count;
		}
	} else {
		v->u.obj.members = ddbgt__jr_alloc(P->doc, f->count * sizeof *f->members + 1);
		if (v->u.obj.members) {
			if (f->count)
				memcpy(v->u.obj.members, f->members, f->count * sizeof *f->members);
			v->u.obj.count = f->count;
		}
	}
	if (!v->u.arr.items && !v->u.obj.members) {
		P->nomem = 1;
		rc = -1;
	}
	if (rc == 0 && f->wrap)
		rc = (v = wrap(P, f->wrap, v)) ? 0 : -1;
	if (rc == 0)
		rc = add_anchor(P, f->anchor, v, P->nodes - f->nodes_at_start + 1);
	ddbgt__free(f->items);
	ddbgt__free(f->members);
	ddbgt__free(f->anchor);
	ddbgt__free(f->wrap);
	return rc ? rc : put(P, v, m);
}

static int on_scalar(struct yp *P, const yaml_event_t *e)
{
	jr_value *v = scalar(P, e);
	if (!v)
		return -1;
	char buf[64];
	const char *lf = long_form((const char *)e->data.scalar.tag, buf, sizeof buf);
	if (lf) {
		if (strcmp(lf, "Fn::GetAtt") == 0 && v->type == JR_STRING &&
		    !(v = split_getatt(P, v)))
			return -1;
		if (!(v = wrap(P, lf, v)))
			return -1;
	}
	if (add_anchor(P, (const char *)e->data.scalar.anchor, v, 1))
		return -1;
	return put(P, v, &e->start_mark);
}

static int on_alias(struct yp *P, const yaml_event_t *e)
{
	struct anchor *a = find_anchor(P, (const char *)e->data.alias.anchor);
	if (!a)
		return fail(P, DDBGT_E_IMPORT_SYNTAX, &e->start_mark,
		            "the alias *%s names no complete anchor (a loop, or a typo)",
		            (const char *)e->data.alias.anchor);
	P->nodes += a->nodes;
	if (P->nodes > NODE_BUDGET)
		return fail(P, DDBGT_E_IMPORT_TOO_LARGE, &e->start_mark,
		            "aliases expand the document beyond the importer's budget (at *%s)",
		            (const char *)e->data.alias.anchor);
	return put(P, a->value, &e->start_mark);
}

int ddbgt__yaml_parse(jr_doc **out, const char *text, size_t len, int max_depth, jr_error *err)
{
	*out = NULL;
	err->code = DDBGT_CODE_NONE;
	err->line = err->column = 0;
	err->text[0] = '\0';
	struct yp P = {.err = err, .max_depth = (size_t)max_depth};
	if (ddbgt__jr_new(&P.doc))
		return DDBGT_ENOMEM;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		ddbgt__jr_free(P.doc);
		return DDBGT_ENOMEM;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	int documents = 0, done = 0, rc = 0;
	while (!done && rc == 0) {
		yaml_event_t e;
		if (!yaml_parser_parse(&parser, &e)) {
			yaml_mark_t m = parser.problem_mark;
			fail(&P, DDBGT_E_IMPORT_SYNTAX, &m, "%s",
			     parser.problem ? parser.problem : "not well-formed YAML");
			break;
		}
		P.nodes++;
		if (P.nodes > NODE_BUDGET)
			rc = fail(&P, DDBGT_E_IMPORT_TOO_LARGE, &e.start_mark,
			          "the document holds more values than the importer accepts%s",
			          NULL);
		else
			switch (e.type) {
			case YAML_DOCUMENT_START_EVENT:
				if (++documents > 1)
					rc = fail(
					        &P, DDBGT_E_IMPORT_SYNTAX, &e.start_mark,
					        "a template is one YAML document; a second one starts here%s",
					        NULL);
				break;
			case YAML_SCALAR_EVENT: rc = on_scalar(&P, &e); break;
			case YAML_ALIAS_EVENT: rc = on_alias(&P, &e); break;
			case YAML_SEQUENCE_START_EVENT:
				rc = open_container(&P, &e, JR_ARRAY);
				break;
			case YAML_MAPPING_START_EVENT:
				rc = open_container(&P, &e, JR_OBJECT);
				break;
			case YAML_SEQUENCE_END_EVENT:
			case YAML_MAPPING_END_EVENT: rc = close_container(&P, &e.start_mark); break;
			case YAML_STREAM_END_EVENT: done = 1; break;
			default: break;
			}
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&parser);
	while (P.depth > 0) {
		struct frame *f = &P.stack[--P.depth];
		ddbgt__free(f->items);
		ddbgt__free(f->members);
		ddbgt__free(f->anchor);
		ddbgt__free(f->wrap);
	}
	ddbgt__free(P.stack);
	for (size_t i = 0; i < P.nanchors; i++)
		ddbgt__free(P.anchors[i].name);
	ddbgt__free(P.anchors);
	if (P.nomem || err->code != DDBGT_CODE_NONE || !ddbgt__jr_root(P.doc)) {
		if (!P.nomem && err->code == DDBGT_CODE_NONE) {
			err->code = DDBGT_E_IMPORT_SYNTAX;
			snprintf(err->text, sizeof err->text, "the document is empty");
		}
		ddbgt__jr_free(P.doc);
		return P.nomem ? DDBGT_ENOMEM : DDBGT_ESPEC;
	}
	*out = P.doc;
	return DDBGT_OK;
}
