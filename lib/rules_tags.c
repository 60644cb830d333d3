/*
 * Rules about tags: key and value length, the reserved aws: prefix, the
 * characters DynamoDB documents, and the count per replica (table tags are
 * merged under each replica's own). Limits: dynamodb-rules.md section 1
 * (Smithy TagKeyString/TagValueString, DG-2023 TaggingRestrictions).
 */
#include <string.h>

#include "ddbgt/replica.h"
#include "alloc.h"
#include "validate_internal.h"

#define TAG_KEY_MAX 128   /* Unicode characters */
#define TAG_VALUE_MAX 256
#define TAG_COUNT_MAX 50

typedef enum chars_verdict { CHARS_OK, CHARS_AT, CHARS_BAD } chars_verdict;

/*
 * One pass over a tag key or value: its length in characters, not bytes
 * (UTF-8 continuation bytes do not start one), and the verdict on its
 * characters, with the first one refused in *bad. DynamoDB allows letters,
 * digits, spaces and + - = . _ : / ; other AWS services also allow @.
 * Non-ASCII characters are taken as letters: telling Unicode letters from
 * symbols needs tables this library does not carry.
 */
static chars_verdict scan(const char *s, size_t *count, char *bad)
{
	chars_verdict v = CHARS_OK;
	size_t n = 0;

	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;

		n += (ch & 0xC0) != 0x80;
		/*
		 * Letters and digits first, as most are; past a refused
		 * character only the count goes on.
		 */
		if (ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || v == CHARS_BAD || strchr(" +-=._:/", ch) != NULL)
			continue;
		if (ch == '@') {
			v = CHARS_AT;
			continue;
		}
		*bad = (char)ch;
		v = CHARS_BAD;
	}
	*count = n;
	return v;
}

static void describe_char(char ch, char out[8])
{
	if (ch >= 0x20 && ch < 0x7f) {
		out[0] = '\'';
		out[1] = ch;
		out[2] = '\'';
		out[3] = '\0';
	} else {
		static const char hex[] = "0123456789ABCDEF";

		memcpy(out, "U+00", 4);
		out[4] = hex[((unsigned char)ch >> 4) & 0xF];
		out[5] = hex[(unsigned char)ch & 0xF];
		out[6] = '\0';
	}
}

/* The path of the tags of replica i, or of the table's when i is c->nreplicas. */
static const char *tags_path(const ddbgt__vctx *c, char base[64], size_t i)
{
	if (i == c->nreplicas)
		return "/table/tags";
	return ddbgt__vpathf(base, 64, "/replicas/%zu/tags", i);
}

/* A tag of replica i, or of the table when i is c->nreplicas. */
static void check_tag(ddbgt__vctx *c, size_t i, const char *region, const char *key,
                      const char *value)
{
	size_t klen, vlen;
	char kbad = 0, vbad = 0;
	chars_verdict kv = scan(key, &klen, &kbad);
	chars_verdict vv = scan(value, &vlen, &vbad);
	int reserved = ddbgt__vstarts_with(key, "aws:") || ddbgt__vstarts_with(key, "AWS:");
	char buf[256];
	char *heap;
	const char *path;
	char shown[8];
	char base[64];

	/* Most tags are fine: the path is built only for one that is not. */
	if (klen > 0 && klen <= TAG_KEY_MAX && !reserved && kv == CHARS_OK && vlen <= TAG_VALUE_MAX &&
	    vv == CHARS_OK)
		return;
	path = ddbgt__vpath_key(c, buf, sizeof(buf), &heap, tags_path(c, base, i), key, "");
	if (path == NULL)
		return;
	if (klen == 0 || klen > TAG_KEY_MAX)
		ddbgt__vreport(c, DDBGT_E_TAG_KEY_INVALID, path, region,
		               "a tag key of %zu characters: use 1 to 128", klen);
	else if (reserved)
		ddbgt__vreport(c, DDBGT_E_TAG_KEY_INVALID, path, region,
		               "tag key \"%s\" starts with aws:, which AWS reserves: rename it", key);
	else if (kv == CHARS_BAD) {
		describe_char(kbad, shown);
		ddbgt__vreport(c, DDBGT_E_TAG_KEY_INVALID, path, region,
		               "tag key \"%s\" contains %s: use letters, digits, spaces and + - = . _ "
		               ": / only", key, shown);
	}
	if (vlen > TAG_VALUE_MAX)
		ddbgt__vreport(c, DDBGT_E_TAG_VALUE_INVALID, path, region,
		               "the value of tag \"%s\" has %zu characters: use at most 256", key, vlen);
	else if (vv == CHARS_BAD) {
		describe_char(vbad, shown);
		ddbgt__vreport(c, DDBGT_E_TAG_VALUE_INVALID, path, region,
		               "the value of tag \"%s\" contains %s: use letters, digits, spaces and "
		               "+ - = . _ : / only", key, shown);
	}
	if (kv == CHARS_AT || vv == CHARS_AT)
		ddbgt__vreport(c, DDBGT_W_TAG_CHAR_AT, path, region,
		               "tag \"%s\" contains @, which AWS allows in general but DynamoDB does "
		               "not list: remove the @ to be safe", key);
	ddbgt__free(heap);
}

/* The number of distinct keys once table tags are merged under the replica's (both sorted). */
static size_t merged_count(const ddbgt_table *t, const ddbgt_replica *r)
{
	size_t nt = ddbgt_table_tag_count(t);
	size_t nr = ddbgt_replica_tag_count(r);
	size_t i = 0, j = 0, n = 0;

	while (i < nt || j < nr) {
		int cmp = i == nt ? 1 : j == nr ? -1
		          : strcmp(ddbgt_table_tag_key(t, i), ddbgt_replica_tag_key(r, j));

		i += cmp <= 0;
		j += cmp >= 0;
		n++;
	}
	return n;
}

void ddbgt__rules_tags(ddbgt__vctx *c)
{
	size_t nt = ddbgt_table_tag_count(c->table);
	char base[64];
	size_t i, k;

	for (k = 0; k < nt; k++)
		check_tag(c, c->nreplicas, NULL, ddbgt_table_tag_key(c->table, k),
		          ddbgt_table_tag_value(c->table, k));
	if (nt > TAG_COUNT_MAX)
		ddbgt__vreport(c, DDBGT_E_TAG_COUNT, "/table/tags", NULL,
		               "%zu table tags, more than the %d a table may carry: remove some", nt,
		               TAG_COUNT_MAX);
	for (i = 0; i < c->nreplicas && c->status == DDBGT_OK; i++) {
		const ddbgt_replica *r = c->replicas[i];
		const char *region = ddbgt__vreplica_region(c, i);
		size_t nr = ddbgt_replica_tag_count(r);
		size_t merged;

		for (k = 0; k < nr; k++)
			check_tag(c, i, region, ddbgt_replica_tag_key(r, k), ddbgt_replica_tag_value(r, k));
		/* Too many table tags is said once, at the table. */
		if (nr == 0 || nt > TAG_COUNT_MAX)
			continue;
		merged = merged_count(c->table, r);
		if (merged > TAG_COUNT_MAX)
			ddbgt__vreport(c, DDBGT_E_TAG_COUNT, tags_path(c, base, i), region,
			               "the replica in %s carries %zu tags with the table's, more than "
			               "%d: remove some", region, merged, TAG_COUNT_MAX);
	}
}
