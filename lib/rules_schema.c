/*
 * Rules about the table's shape: names, key schemas, attribute definitions,
 * secondary indexes and their projections, the TTL attribute.
 * Source of the limits: dynamodb-rules.md sections 1, 2 and 10 (Smithy model
 * traits of TableName, IndexName, KeySchemaAttributeName, NonKeyAttributeNameList).
 */
#include <string.h>

#include "ddbgt/index.h"
#include "ddbgt/policy.h"
#include "validate_internal.h"

#define NAME_MIN 3
#define NAME_MAX 255
#define ATTR_NAME_MAX 255     /* bytes of UTF-8 */
#define DEFAULT_GSI_MAX 20    /* adjustable quota: policy "gsi_max" */
#define LSI_MAX 5
#define NONKEY_PER_INDEX_MAX 20
#define NONKEY_TOTAL_MAX 100

/* Table keys in the definitions list sort after the attributes of the same name. */
#define KEY_PARTITION ((size_t)-1)
#define KEY_SORT ((size_t)-2)

enum { IDX_GSI = 1, IDX_LSI = 2 };

static const char *str(const char *s)
{
	return s != NULL ? s : "";
}

static int name_ok(const char *name)
{
	size_t len = strlen(name);
	size_t i;

	if (len < NAME_MIN || len > NAME_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		char ch = name[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
		      ch == '_' || ch == '.' || ch == '-'))
			return 0;
	}
	return 1;
}

static const char *type_name(int type)
{
	const char *name = ddbgt_enum_name(DDBGT_ENUM_ATTR_TYPE, type);

	return name != NULL ? name : "unset";
}

static void check_names(ddbgt__vctx *c)
{
	const char *name = str(ddbgt_table_name(c->table));
	size_t ng = ddbgt_table_gsi_count(c->table);
	size_t nl = ddbgt_table_lsi_count(c->table);
	ddbgt__vname *all;
	char path[96];
	size_t i;

	if (!name_ok(name))
		ddbgt__vreport(c, DDBGT_E_TABLE_NAME_INVALID, "/table/name", NULL,
		               "table name \"%s\" is not 3-255 characters of A-Z a-z 0-9 _ . -: "
		               "rename the table", name);
	all = ddbgt__vnames_new(c, ng + nl);
	if (all == NULL)
		return;
	for (i = 0; i < ng + nl; i++) {
		int gsi = i < ng;
		size_t k = gsi ? i : i - ng;

		all[i].name = str(gsi ? ddbgt_gsi_name(ddbgt_table_gsi_at(c->table, k))
		                      : ddbgt_lsi_name(ddbgt_table_lsi_at(c->table, k)));
		all[i].index = i;
		all[i].kind = gsi ? IDX_GSI : IDX_LSI;
		if (!name_ok(all[i].name)) {
			ddbgt__vpathf(path, sizeof(path), "/table/%s_secondary_indexes/%zu/name",
			         gsi ? "global" : "local", k);
			ddbgt__vreport(c, DDBGT_E_INDEX_NAME_INVALID, path, NULL,
			               "index name \"%s\" is not 3-255 characters of A-Z a-z 0-9 _ . -: "
			               "rename the index", all[i].name);
		}
	}
	/* Sorting finds every duplicate in n log n, GSIs and LSIs together. */
	ddbgt__vnames_sort(all, ng + nl);
	for (i = 1; i < ng + nl; i++) {
		const ddbgt__vname *first;
		size_t k;

		if (strcmp(all[i].name, all[i - 1].name) != 0)
			continue;
		first = ddbgt__vnames_find(all, ng + nl, all[i].name);
		k = all[i].kind == IDX_GSI ? all[i].index : all[i].index - ng;
		ddbgt__vpathf(path, sizeof(path), "/table/%s_secondary_indexes/%zu/name",
		         all[i].kind == IDX_GSI ? "global" : "local", k);
		ddbgt__vreport(c, DDBGT_E_INDEX_NAME_DUPLICATE, path, NULL,
		               "index name \"%s\" is already used by the %s index %zu: give every "
		               "GSI and LSI its own name", all[i].name,
		               first->kind == IDX_GSI ? "global secondary" : "local secondary",
		               first->kind == IDX_GSI ? first->index : first->index - ng);
	}
}

/* Most names are fine: call sites test this before building a path for check_attr_name. */
static int attr_name_suspect(const char *name)
{
	size_t len = strlen(name);

	return len == 0 || len > ATTR_NAME_MAX || ddbgt__vstarts_with(name, "aws:rep:");
}

/* Attribute names: 1-255 bytes; legacy tables reserve the aws:rep: prefix. */
static void check_attr_name(ddbgt__vctx *c, const char *name, const char *path)
{
	size_t len = strlen(name);

	if (len == 0 || len > ATTR_NAME_MAX)
		ddbgt__vreport(c, DDBGT_E_KEY_ATTR_NAME_LENGTH, path, NULL,
		               "attribute name of %zu bytes: key and projected attribute names "
		               "must be 1-255 bytes of UTF-8", len);
	if (ddbgt__vstarts_with(name, "aws:rep:"))
		ddbgt__vreport(c, DDBGT_W_LEGACY_REP_ATTRS, path, NULL,
		               "attribute \"%s\" uses the aws:rep: prefix that replication writes "
		               "itself: rename it", name);
}

typedef struct schema {
	ddbgt__vname *defs; /* table keys and attribute definitions, sorted */
	size_t ndefs;
	unsigned char *used; /* used[i]: a key of the table or an index names attribute i */
	ddbgt__vname *keydefs; /* index keys written {"name", "type"}, sorted; index: into refs */
	size_t nkeydefs;
	struct key_ref *refs;  /* every index key attribute: GSIs, then LSIs, in document order */
	size_t nrefs;
	size_t *first;         /* refs of GSI i from first[i], of LSI i from first[ng + i] */
} schema;

/* One attribute of an index key, and where it was written (key_ref_path). */
typedef struct key_ref {
	const char *name;
	ddbgt_attr_type type; /* UNSET: a plain name */
	int sort;             /* 1: of the sort key */
	int lsi;              /* 1: of an LSI, else of a GSI */
	int multi;            /* 1: an item of a partition_keys or sort_keys list */
	size_t index;         /* the index's position in its list */
	size_t item;          /* the position in the key list, when multi */
} key_ref;

/* Built only for a finding: validation meets every key attribute of every index. */
static const char *key_ref_path(char *buf, size_t size, const key_ref *k)
{
	if (k->lsi)
		return ddbgt__vpathf(buf, size, "/table/local_secondary_indexes/%zu/sort_key", k->index);
	if (k->multi)
		return ddbgt__vpathf(buf, size, "/table/global_secondary_indexes/%zu/%s/%zu", k->index,
		                     k->sort ? "sort_keys" : "partition_keys", k->item);
	return ddbgt__vpathf(buf, size, "/table/global_secondary_indexes/%zu/%s", k->index,
	                     k->sort ? "sort_key" : "partition_key");
}

#define MULTI_KEY_MAX 4 /* attributes per side of a multi-attribute GSI key */

static void check_table_keys(ddbgt__vctx *c)
{
	const char *pk = ddbgt_table_partition_key_name(c->table);
	const char *sk = ddbgt_table_sort_key_name(c->table);

	if (pk == NULL) {
		ddbgt__vreport(c, DDBGT_E_KEY_SCHEMA_SHAPE, "/table/partition_key", NULL,
		               "the table has no partition key: set partition_key");
	} else {
		if (attr_name_suspect(pk))
			check_attr_name(c, pk, "/table/partition_key/name");
		if (ddbgt_table_partition_key_type(c->table) == DDBGT_ATTR_UNSET)
			ddbgt__vreport(c, DDBGT_E_ATTR_TYPE_INVALID, "/table/partition_key/type", NULL,
			               "partition key \"%s\" has no type: use S, N or B", pk);
	}
	if (sk == NULL)
		return;
	if (attr_name_suspect(sk))
		check_attr_name(c, sk, "/table/sort_key/name");
	if (ddbgt_table_sort_key_type(c->table) == DDBGT_ATTR_UNSET)
		ddbgt__vreport(c, DDBGT_E_ATTR_TYPE_INVALID, "/table/sort_key/type", NULL,
		               "sort key \"%s\" has no type: use S, N or B", sk);
	if (pk != NULL && strcmp(pk, sk) == 0)
		ddbgt__vreport(c, DDBGT_E_KEY_SCHEMA_SHAPE, "/table/sort_key", NULL,
		               "the sort key is the partition key \"%s\": use another attribute as "
		               "the sort key, or remove it", sk);
}

static int build_defs(ddbgt__vctx *c, schema *s)
{
	const char *pk = ddbgt_table_partition_key_name(c->table);
	const char *sk = ddbgt_table_sort_key_name(c->table);
	size_t na = ddbgt_table_attribute_count(c->table);
	char path[64];
	size_t i;

	s->defs = ddbgt__vnames_new(c, na + 2);
	if (s->defs == NULL)
		return -1;
	for (i = 0; i < na; i++) {
		int type = ddbgt_table_attribute_type(c->table, i);

		s->defs[s->ndefs].name = str(ddbgt_table_attribute_name(c->table, i));
		s->defs[s->ndefs].index = i;
		s->defs[s->ndefs].kind = type;
		if (attr_name_suspect(s->defs[s->ndefs].name))
			check_attr_name(c, s->defs[s->ndefs].name,
			                ddbgt__vpathf(path, sizeof(path), "/table/attributes/%zu/name", i));
		if (type == DDBGT_ATTR_UNSET) {
			ddbgt__vpathf(path, sizeof(path), "/table/attributes/%zu/type", i);
			ddbgt__vreport(c, DDBGT_E_ATTR_TYPE_INVALID, path, NULL,
			               "attribute \"%s\" has no type: use S, N or B",
			               s->defs[s->ndefs].name);
		}
		s->ndefs++;
	}
	if (pk != NULL)
		s->defs[s->ndefs++] = (ddbgt__vname){pk, KEY_PARTITION,
		                                     ddbgt_table_partition_key_type(c->table)};
	if (sk != NULL)
		s->defs[s->ndefs++] = (ddbgt__vname){sk, KEY_SORT, ddbgt_table_sort_key_type(c->table)};
	ddbgt__vnames_sort(s->defs, s->ndefs);
	return 0;
}

static void check_def_duplicates(ddbgt__vctx *c, schema *s)
{
	size_t a = 0;

	while (a < s->ndefs) {
		size_t b = a + 1;
		size_t first_attr = (size_t)-1;
		size_t i;
		int key = s->defs[a].index >= KEY_SORT;

		while (b < s->ndefs && strcmp(s->defs[b].name, s->defs[a].name) == 0) {
			key |= s->defs[b].index >= KEY_SORT;
			b++;
		}
		for (i = a; i < b; i++) {
			char path[64];

			if (s->defs[i].index >= KEY_SORT)
				continue;
			/* A table key uses the attributes of its name (check_unused_defs). */
			s->used[s->defs[i].index] |= key;
			if (first_attr == (size_t)-1 && !key) {
				first_attr = s->defs[i].index;
				continue;
			}
			ddbgt__vpathf(path, sizeof(path), "/table/attributes/%zu", s->defs[i].index);
			if (key)
				ddbgt__vreport(c, DDBGT_E_ATTR_DEF_DUPLICATE, path, NULL,
				               "attribute \"%s\" is a table key, which defines it already: "
				               "remove it from attributes", s->defs[i].name);
			else
				ddbgt__vreport(c, DDBGT_E_ATTR_DEF_DUPLICATE, path, NULL,
				               "attribute \"%s\" is defined twice (attributes %zu and %zu): "
				               "keep one definition", s->defs[i].name, first_attr,
				               s->defs[i].index);
		}
		a = b;
	}
}

/* Mark the attributes of def's name (its run in s->defs, which def starts) as used. */
static void mark_used(schema *s, const ddbgt__vname *def)
{
	const ddbgt__vname *end = s->defs + s->ndefs;
	const char *name = def->name;

	for (; def < end && strcmp(def->name, name) == 0; def++)
		if (def->index < KEY_SORT)
			s->used[def->index] = 1;
}

/* An index key must name a defined attribute; mark it as used. */
static void check_index_key(ddbgt__vctx *c, schema *s, const key_ref *k, const char *index)
{
	const char *name = k->name;
	const ddbgt__vname *def = ddbgt__vnames_find(s->defs, s->ndefs, name);
	int defined = def != NULL || k->type != DDBGT_ATTR_UNSET ||
	              ddbgt__vnames_find(s->keydefs, s->nkeydefs, name) != NULL;
	int suspect = attr_name_suspect(name);
	char path[128];

	if (def != NULL)
		mark_used(s, def);
	if (defined && !suspect)
		return;
	key_ref_path(path, sizeof(path), k);
	if (suspect)
		check_attr_name(c, name, path);
	if (!defined)
		ddbgt__vreport(c, DDBGT_E_KEY_ATTR_UNDEFINED, path, NULL,
		               "index %s uses attribute \"%s\", which has no type: add "
		               "{\"name\": \"%s\", \"type\": ...} to table.attributes", index, name,
		               name);
}

typedef struct projection_view {
	const char *kind; /* "global" or "local" */
	size_t index;     /* in the list of its kind */
	const char *name;
	ddbgt_projection projection;
	size_t nonkey;
} projection_view;

/* The index's path with suffix: "/table/global_secondary_indexes/3" + suffix. */
static const char *view_path(const projection_view *p, char path[160], const char *suffix)
{
	return ddbgt__vpathf(path, 160, "/table/%s_secondary_indexes/%zu%s", p->kind, p->index,
	                     suffix);
}

static const char *nonkey_path(const projection_view *p, char path[160])
{
	return view_path(p, path, "/non_key_attributes");
}

static void check_projection(ddbgt__vctx *c, const projection_view *p, size_t *total,
                             int *total_reported)
{
	char path[160];

	if (p->projection == DDBGT_PROJECTION_INCLUDE) {
		if (p->nonkey == 0) {
			ddbgt__vreport(c, DDBGT_E_PROJECTION_NONKEY_MISSING,
			               view_path(p, path, "/projection"), NULL,
			               "index %s projects INCLUDE but names no non_key_attributes: list "
			               "them, or use KEYS_ONLY", p->name);
		}
		if (p->nonkey > NONKEY_PER_INDEX_MAX)
			ddbgt__vreport(c, DDBGT_E_PROJECTION_NONKEY_PER_INDEX, nonkey_path(p, path), NULL,
			               "index %s projects %zu non-key attributes, more than %d: project "
			               "ALL or fewer attributes", p->name, p->nonkey,
			               NONKEY_PER_INDEX_MAX);
		*total += p->nonkey;
		if (*total > NONKEY_TOTAL_MAX && !*total_reported) {
			*total_reported = 1;
			ddbgt__vreport(c, DDBGT_E_PROJECTION_NONKEY_TOTAL, nonkey_path(p, path), NULL,
			               "with index %s the indexes project %zu non-key attributes in all, "
			               "more than %d (a name in two indexes counts twice): project ALL "
			               "on some indexes or fewer attributes", p->name, *total,
			               NONKEY_TOTAL_MAX);
		}
	} else if (p->nonkey > 0) {
		ddbgt__vreport(c, DDBGT_E_PROJECTION_NONKEY_FORBIDDEN, nonkey_path(p, path), NULL,
		               "index %s projects %s, which takes no non_key_attributes: remove them "
		               "or project INCLUDE", p->name,
		               ddbgt_enum_name(DDBGT_ENUM_PROJECTION, p->projection));
	}
}

/*
 * names holds the index's non-key attributes with their positions; sorted,
 * a name listed twice is a run of neighbours.
 */
static void check_nonkey_duplicates(ddbgt__vctx *c, const projection_view *p,
                                    ddbgt__vname *names)
{
	char path[160];
	size_t i, first = 0;

	ddbgt__vnames_sort(names, p->nonkey);
	for (i = 1; i < p->nonkey; i++) {
		if (strcmp(names[i].name, names[first].name) != 0) {
			first = i;
			continue;
		}
		ddbgt__vpathf(path, sizeof(path), "/table/%s_secondary_indexes/%zu/non_key_attributes/%zu",
		              p->kind, p->index, names[i].index);
		ddbgt__vreport(c, DDBGT_E_PROJECTION_NONKEY_DUPLICATE, path, NULL,
		               "index %s lists non-key attribute \"%s\" twice (entries %zu and "
		               "%zu): keep one", p->name, names[i].name, names[first].index,
		               names[i].index);
	}
}

static int64_t gsi_max(const ddbgt__vctx *c)
{
	int64_t v;

	if (c->policy != NULL && ddbgt_policy_get_quota(c->policy, "gsi_max", &v) == DDBGT_OK)
		return v;
	return DEFAULT_GSI_MAX;
}

/* One side of GSI i's key into s->refs. */
static void collect_side(schema *s, const ddbgt_gsi *g, size_t i, int sort)
{
	size_t n = sort ? ddbgt_gsi_sort_key_attribute_count(g)
	                : ddbgt_gsi_partition_key_attribute_count(g);
	int multi = sort ? ddbgt_gsi_sort_key_is_multi_attribute(g)
	                 : ddbgt_gsi_partition_key_is_multi_attribute(g);
	size_t j;

	for (j = 0; j < n; j++) {
		key_ref *k = &s->refs[s->nrefs];

		k->name = str(sort ? ddbgt_gsi_sort_key_attribute_name(g, j)
		                   : ddbgt_gsi_partition_key_attribute_name(g, j));
		k->type = sort ? ddbgt_gsi_sort_key_attribute_type(g, j)
		               : ddbgt_gsi_partition_key_attribute_type(g, j);
		k->sort = sort;
		k->lsi = 0;
		k->multi = multi;
		k->index = i;
		k->item = j;
		if (k->type != DDBGT_ATTR_UNSET)
			s->keydefs[s->nkeydefs++] = (ddbgt__vname){k->name, s->nrefs, (int)k->type};
		s->nrefs++;
	}
}

/* Every index key attribute, and the typed ones as definitions; -1 when memory ran out. */
static int collect_keys(ddbgt__vctx *c, schema *s)
{
	size_t ng = ddbgt_table_gsi_count(c->table);
	size_t nl = ddbgt_table_lsi_count(c->table);
	size_t n = nl, i;

	for (i = 0; i < ng; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(c->table, i);

		n += ddbgt_gsi_partition_key_attribute_count(g) + ddbgt_gsi_sort_key_attribute_count(g);
	}
	s->refs = ddbgt__valloc(c, n, sizeof(*s->refs));
	s->first = ddbgt__valloc(c, ng + nl + 1, sizeof(*s->first));
	s->keydefs = ddbgt__vnames_new(c, n);
	if (c->status != DDBGT_OK)
		return -1;
	for (i = 0; i < ng; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(c->table, i);

		s->first[i] = s->nrefs;
		collect_side(s, g, i, 0);
		collect_side(s, g, i, 1);
	}
	for (i = 0; i < nl; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(c->table, i);
		key_ref *k = &s->refs[s->nrefs];

		s->first[ng + i] = s->nrefs;
		if (ddbgt_lsi_sort_key(l) == NULL)
			continue;
		k->name = ddbgt_lsi_sort_key(l);
		k->type = ddbgt_lsi_sort_key_type(l);
		k->sort = 1;
		k->lsi = 1;
		k->multi = 0;
		k->index = i;
		k->item = 0;
		if (k->type != DDBGT_ATTR_UNSET)
			s->keydefs[s->nkeydefs++] = (ddbgt__vname){k->name, s->nrefs, (int)k->type};
		s->nrefs++;
	}
	s->first[ng + nl] = s->nrefs;
	ddbgt__vnames_sort(s->keydefs, s->nkeydefs);
	return 0;
}

/* The path of a typed key attribute's type. */
static const char *ref_type_path(char *buf, size_t size, const key_ref *k)
{
	size_t n = strlen(key_ref_path(buf, size, k));

	ddbgt__vpathf(buf + n, size - n, "/type");
	return buf;
}

static const char *def_path(char *buf, size_t size, const ddbgt__vname *def)
{
	if (def->index == KEY_PARTITION)
		return ddbgt__vpathf(buf, size, "/table/partition_key/type");
	if (def->index == KEY_SORT)
		return ddbgt__vpathf(buf, size, "/table/sort_key/type");
	return ddbgt__vpathf(buf, size, "/table/attributes/%zu/type", def->index);
}

/*
 * An index key written {"name", "type"} defines its attribute, as CDK's keys
 * do: the same type as another definition is fine, another type is not.
 * Typed keys are compared with the table's definitions, else with the first
 * typed key of the same name in the document.
 */
static void check_key_types(ddbgt__vctx *c, const schema *s)
{
	size_t i, run = 0;

	for (i = 0; i < s->nkeydefs; i++) {
		const ddbgt__vname *kd = &s->keydefs[i];
		const ddbgt__vname *def = ddbgt__vnames_find(s->defs, s->ndefs, kd->name);
		char here[160], there[160];
		int other;

		if (strcmp(kd->name, s->keydefs[run].name) != 0)
			run = i;
		other = def != NULL ? def->kind : s->keydefs[run].kind;
		if (other == DDBGT_ATTR_UNSET || other == kd->kind)
			continue;
		if (def != NULL)
			def_path(there, sizeof(there), def);
		else
			ref_type_path(there, sizeof(there), &s->refs[s->keydefs[run].index]);
		ref_type_path(here, sizeof(here), &s->refs[kd->index]);
		ddbgt__vreport(c, DDBGT_E_ATTR_TYPE_CONFLICT, here, NULL,
		               "attribute \"%s\" is %s here but %s at %s: an attribute has one type, "
		               "so give both the same", kd->name, type_name(kd->kind),
		               type_name(other), there);
	}
}

/* A GSI key's attributes: how many, defined, and each named once. */
static void check_gsi_keys(ddbgt__vctx *c, schema *s, const ddbgt_gsi *g, size_t i,
                           const char *name, size_t first, size_t end)
{
	size_t npk = ddbgt_gsi_partition_key_attribute_count(g);
	size_t nsk = ddbgt_gsi_sort_key_attribute_count(g);
	int pk_multi = ddbgt_gsi_partition_key_is_multi_attribute(g);
	int sk_multi = ddbgt_gsi_sort_key_is_multi_attribute(g);
	char path[160], other[160];
	size_t j, q;

	if (npk == 0 && !pk_multi)
		ddbgt__vreport(c, DDBGT_E_KEY_SCHEMA_SHAPE,
		               ddbgt__vpathf(path, sizeof(path),
		                             "/table/global_secondary_indexes/%zu/partition_key", i),
		               NULL,
		               "index %s has no partition key: set partition_key", name);
	if (pk_multi && (npk == 0 || npk > MULTI_KEY_MAX))
		ddbgt__vreport(c, DDBGT_E_GSI_KEY_ATTRIBUTE_COUNT,
		               ddbgt__vpathf(path, sizeof(path),
		                             "/table/global_secondary_indexes/%zu/partition_keys", i),
		               NULL,
		               "index %s has %zu partition key attributes: a multi-attribute "
		               "partition key has 1 to %d", name, npk, MULTI_KEY_MAX);
	if (sk_multi && nsk > MULTI_KEY_MAX)
		ddbgt__vreport(c, DDBGT_E_GSI_KEY_ATTRIBUTE_COUNT,
		               ddbgt__vpathf(path, sizeof(path),
		                             "/table/global_secondary_indexes/%zu/sort_keys", i),
		               NULL,
		               "index %s has %zu sort key attributes: a multi-attribute sort key "
		               "has at most %d", name, nsk, MULTI_KEY_MAX);
	for (j = first; j < end; j++) {
		const key_ref *k = &s->refs[j];

		check_index_key(c, s, k, name);
		/* Past the counts AWS allows the count finding speaks for the lists. */
		if (npk > MULTI_KEY_MAX || nsk > MULTI_KEY_MAX)
			continue;
		for (q = first; q < j && strcmp(s->refs[q].name, k->name) != 0; q++)
			;
		if (q == j)
			continue;
		key_ref_path(path, sizeof(path), k);
		if (!pk_multi && !sk_multi)
			ddbgt__vreport(c, DDBGT_E_KEY_SCHEMA_SHAPE, path, NULL,
			               "index %s uses \"%s\" as both partition and sort key: "
			               "choose another sort key, or remove it", name, k->name);
		else
			ddbgt__vreport(c, DDBGT_E_KEY_SCHEMA_SHAPE, path, NULL,
			               "index %s names \"%s\" twice in its key (also at %s): use each "
			               "attribute once", name, k->name,
			               key_ref_path(other, sizeof(other), &s->refs[q]));
	}
}

static void check_gsis(ddbgt__vctx *c, schema *s, size_t *total, int *total_reported)
{
	size_t n = ddbgt_table_gsi_count(c->table);
	int64_t max = gsi_max(c);
	size_t i;

	if ((int64_t)n > max)
		ddbgt__vreport(c, DDBGT_E_GSI_LIMIT, "/table/global_secondary_indexes", NULL,
		               "%zu global secondary indexes, more than the quota of %lld: remove "
		               "some, or raise the quota and set policy.quotas.gsi_max", n,
		               (long long)max);
	for (i = 0; i < n; i++) {
		const ddbgt_gsi *g = ddbgt_table_gsi_at(c->table, i);
		const char *name = str(ddbgt_gsi_name(g));
		projection_view p;
		ddbgt__vname *nonkeys;
		char path[160];
		size_t k;

		check_gsi_keys(c, s, g, i, name, s->first[i], s->first[i + 1]);
		p.kind = "global";
		p.index = i;
		p.name = name;
		p.projection = ddbgt_gsi_projection(g);
		p.nonkey = ddbgt_gsi_non_key_attribute_count(g);
		nonkeys = ddbgt__vnames_new(c, p.nonkey);
		if (nonkeys == NULL)
			return;
		for (k = 0; k < p.nonkey; k++) {
			const char *attr = str(ddbgt_gsi_non_key_attribute_at(g, k));

			nonkeys[k] = (ddbgt__vname){attr, k, 0};
			if (attr_name_suspect(attr))
				check_attr_name(c, attr,
				                ddbgt__vpathf(path, sizeof(path),
				                              "/table/%s_secondary_indexes/%zu/"
				                              "non_key_attributes/%zu", p.kind, i, k));
		}
		check_nonkey_duplicates(c, &p, nonkeys);
		check_projection(c, &p, total, total_reported);
	}
}

static void check_lsis(ddbgt__vctx *c, schema *s, size_t *total, int *total_reported)
{
	size_t n = ddbgt_table_lsi_count(c->table);
	const char *tpk = ddbgt_table_partition_key_name(c->table);
	const char *tsk = ddbgt_table_sort_key_name(c->table);
	size_t i;

	if (n > LSI_MAX)
		ddbgt__vreport(c, DDBGT_E_LSI_LIMIT, "/table/local_secondary_indexes", NULL,
		               "%zu local secondary indexes, more than %d: remove some or turn them "
		               "into global secondary indexes", n, LSI_MAX);
	if (n > 0 && tsk == NULL)
		ddbgt__vreport(c, DDBGT_E_LSI_NO_TABLE_RANGE, "/table/local_secondary_indexes", NULL,
		               "local secondary indexes need a table sort key, and the table has "
		               "none: add table.sort_key or use global secondary indexes");
	for (i = 0; i < n; i++) {
		const ddbgt_lsi *l = ddbgt_table_lsi_at(c->table, i);
		const char *name = str(ddbgt_lsi_name(l));
		const char *sk = ddbgt_lsi_sort_key(l);
		projection_view p;
		ddbgt__vname *nonkeys;
		char path[160];
		size_t k;

		p.kind = "local";
		p.index = i;
		if (sk == NULL) {
			ddbgt__vreport(c, DDBGT_E_LSI_NO_RANGE, view_path(&p, path, ""), NULL,
			               "local secondary index %s has no sort key: set sort_key", name);
		} else {
			check_index_key(c, s, &s->refs[s->first[ddbgt_table_gsi_count(c->table) + i]],
			                name);
			if (tpk != NULL && strcmp(sk, tpk) == 0)
				ddbgt__vreport(c, DDBGT_E_KEY_SCHEMA_SHAPE,
				               view_path(&p, path, "/sort_key"), NULL,
				               "local secondary index %s sorts by the table's partition "
				               "key \"%s\": choose another sort key", name, sk);
			else if (tsk != NULL && strcmp(sk, tsk) == 0)
				ddbgt__vreport(c, DDBGT_W_LSI_SAME_SORT_KEY,
				               view_path(&p, path, "/sort_key"), NULL,
				               "local secondary index %s sorts by the table's own sort key "
				               "\"%s\" and so adds nothing: choose another sort key or "
				               "remove the index", name, sk);
		}
		p.name = name;
		p.projection = ddbgt_lsi_projection(l);
		p.nonkey = ddbgt_lsi_non_key_attribute_count(l);
		nonkeys = ddbgt__vnames_new(c, p.nonkey);
		if (nonkeys == NULL)
			return;
		for (k = 0; k < p.nonkey; k++) {
			const char *attr = str(ddbgt_lsi_non_key_attribute_at(l, k));

			nonkeys[k] = (ddbgt__vname){attr, k, 0};
			if (attr_name_suspect(attr))
				check_attr_name(c, attr,
				                ddbgt__vpathf(path, sizeof(path),
				                              "/table/%s_secondary_indexes/%zu/"
				                              "non_key_attributes/%zu", p.kind, i, k));
		}
		check_nonkey_duplicates(c, &p, nonkeys);
		check_projection(c, &p, total, total_reported);
	}
}

/*
 * Attributes no key names: check_def_duplicates marked those of the table's
 * keys, check_index_key those of the indexes' keys, each found once in the
 * sorted definitions.
 */
static void check_unused_defs(ddbgt__vctx *c, const schema *s)
{
	size_t na = ddbgt_table_attribute_count(c->table);
	size_t i;

	for (i = 0; i < na; i++) {
		const char *name;
		char path[64];

		if (s->used[i])
			continue;
		name = str(ddbgt_table_attribute_name(c->table, i));
		ddbgt__vpathf(path, sizeof(path), "/table/attributes/%zu", i);
		ddbgt__vreport(c, DDBGT_E_ATTR_DEF_UNUSED, path, NULL,
		               "attribute \"%s\" is defined but no index key uses it (DynamoDB "
		               "refuses unused definitions): remove it from attributes", name);
	}
}

static void check_ttl(ddbgt__vctx *c, const schema *s)
{
	const char *ttl = ddbgt_table_ttl_attribute(c->table);
	const ddbgt__vname *def;
	size_t len;

	if (ttl == NULL)
		return;
	len = strlen(ttl);
	if (len == 0 || len > ATTR_NAME_MAX) {
		ddbgt__vreport(c, DDBGT_E_TTL_ATTR_INVALID, "/table/ttl_attribute", NULL,
		               "the TTL attribute name is %zu bytes: use a name of 1-255 bytes, or "
		               "remove ttl_attribute", len);
		return;
	}
	if (ddbgt__vstarts_with(ttl, "aws:rep:"))
		ddbgt__vreport(c, DDBGT_W_LEGACY_REP_ATTRS, "/table/ttl_attribute", NULL,
		               "attribute \"%s\" uses the aws:rep: prefix that replication writes "
		               "itself: rename it", ttl);
	def = ddbgt__vnames_find(s->defs, s->ndefs, ttl);
	if (def == NULL)
		def = ddbgt__vnames_find(s->keydefs, s->nkeydefs, ttl);
	if (def != NULL && (def->kind == DDBGT_ATTR_S || def->kind == DDBGT_ATTR_B))
		ddbgt__vreport(c, DDBGT_W_TTL_ATTR_NOT_NUMBER, "/table/ttl_attribute", NULL,
		               "TTL attribute \"%s\" is a key of type %s, but TTL only expires items "
		               "whose attribute is a Number of epoch seconds: use a Number attribute",
		               ttl, type_name(def->kind));
}

void ddbgt__rules_schema(ddbgt__vctx *c)
{
	size_t na = ddbgt_table_attribute_count(c->table);
	schema s;
	size_t total = 0;
	int total_reported = 0;

	memset(&s, 0, sizeof(s));
	check_names(c);
	check_table_keys(c);
	if (build_defs(c, &s) != 0 || collect_keys(c, &s) != 0 ||
	    (s.used = ddbgt__valloc(c, na, 1)) == NULL)
		return;
	memset(s.used, 0, na);
	check_def_duplicates(c, &s);
	check_key_types(c, &s);
	check_gsis(c, &s, &total, &total_reported);
	check_lsis(c, &s, &total, &total_reported);
	check_unused_defs(c, &s);
	check_ttl(c, &s);
}
