/*
 * Rules of access: a replica's resource-based policies (resource_policy for
 * its table, stream_resource_policy for its stream) are IAM policy documents
 * within DynamoDB's size limit that name only the resource they are attached
 * to and grant no public access; replicas in other accounts follow the rules
 * of multi-account global tables.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ddbgt/replica.h"
#include "ddbgt/table.h"
#include "iam_policy.h"
#include "validate_internal.h"

static void check_accounts(ddbgt__vctx *c);
static int account_ok(const char *s);

/* One policy of replica i under check; prefix is its JSON Pointer. */
struct policy_check {
	ddbgt__vctx *c;
	size_t replica;
	int stream;
	const char *prefix;
};

static void check_public(const struct policy_check *p, const jr_value *s, const char *where);

static void bad(const struct policy_check *p, const char *where, const char *what)
{
	char path[160];
	ddbgt__vpathf(path, sizeof path, "%s%s", p->prefix, where);
	ddbgt__vreport(p->c, DDBGT_E_RESOURCE_POLICY_DOCUMENT, path,
	               ddbgt__vreplica_region(p->c, p->replica), "%s", what);
}

/* n bytes at s equal the NUL-terminated t. */
static int span_is(const char *s, size_t n, const char *t)
{
	return strlen(t) == n && memcmp(s, t, n) == 0;
}

/*
 * The resource part of arn when it is arn:PARTITION:SERVICE:REGION:ACCOUNT:...
 * with the given partition (NULL: any), service and region ("" for a global
 * service such as IAM) and a 12-digit account (account non-NULL: that one);
 * else NULL.
 */
static const char *arn_resource(const char *arn, const char *partition, const char *service,
                                const char *region, const char *account)
{
	const char *f = arn, *colon;
	size_t i;

	if (strncmp(f, "arn:", 4) != 0)
		return NULL;
	f += 4;
	colon = strchr(f, ':');
	if (colon == NULL || colon == f ||
	    (partition != NULL && !span_is(f, (size_t)(colon - f), partition)))
		return NULL;
	f = colon + 1;
	colon = strchr(f, ':');
	if (colon == NULL || !span_is(f, (size_t)(colon - f), service))
		return NULL;
	f = colon + 1;
	colon = strchr(f, ':');
	if (colon == NULL || !span_is(f, (size_t)(colon - f), region))
		return NULL;
	f = colon + 1;
	for (i = 0; i < 12; i++)
		if (f[i] < '0' || f[i] > '9')
			return NULL;
	if (f[12] != ':' || (account != NULL && strncmp(f, account, 12) != 0))
		return NULL;
	return f + 13;
}

/* The partition of replica i, NULL when its region is unknown. */
static const char *partition_of(const ddbgt__vctx *c, size_t i)
{
	return c->regions[i] ? ddbgt_region_partition(c->regions[i]) : NULL;
}

/*
 * Resource entries are matched as IAM matches them: "*" and "?" within the
 * colon-separated segments of an ARN, a "*" that ends a segment also matching
 * past its colons, and no wildcard in the service segment (IAM User Guide,
 * "IAM JSON policy elements: Resource", docs.aws.amazon.com/IAM/latest/
 * UserGuide/reference_policies_elements_resource.html). A policy's statement
 * takes effect only where its ARN matches the resource the policy is attached
 * to (DynamoDB resource-based policy examples, docs.aws.amazon.com/
 * amazondynamodb/latest/developerguide/rbac-examples.html), so an entry is
 * accepted when it can match this replica's table (or stream), however much
 * else it matches. The pattern is run as an automaton over the replica's ARN;
 * a 12-digit account not given in the spec and the part below the table (an
 * index name, a stream label) stand for any value.
 */
#define ARN_MAX 2048 /* IAM ARNs are at most 2048 characters */
#define ANY_DIGIT 256

enum arn_target { ARN_TABLE, ARN_TABLE_OR_BELOW, ARN_STREAM };

struct arn_match {
	const char *p;
	size_t m;
	unsigned char set[ARN_MAX + 1];
};

/* Follow the free moves: a "*" may match nothing. */
static void arn_closure(struct arn_match *a)
{
	for (size_t i = 0; i < a->m; i++)
		if (a->set[i] && a->p[i] == '*')
			a->set[i + 1] = 1;
}

/* Consume one character (or ANY_DIGIT); 0 when no state is left. */
static int arn_step(struct arn_match *a, int ch)
{
	unsigned char next[ARN_MAX + 1];
	int alive = 0;

	memset(next, 0, a->m + 1);
	for (size_t i = 0; i < a->m; i++) {
		char pc = a->p[i];
		if (!a->set[i])
			continue;
		if (pc == '*') {
			if (ch != ':' || i + 1 == a->m || a->p[i + 1] == ':')
				next[i] = 1;
		} else if (pc == '?' ? ch != ':'
		                     : (ch == ANY_DIGIT ? pc >= '0' && pc <= '9' : pc == ch)) {
			next[i + 1] = 1;
		}
	}
	memcpy(a->set, next, a->m + 1);
	arn_closure(a);
	for (size_t i = 0; i <= a->m; i++)
		alive |= a->set[i];
	return alive;
}

static int arn_feed(struct arn_match *a, const char *s)
{
	for (; *s; s++)
		if (!arn_step(a, (unsigned char)*s))
			return 0;
	return 1;
}

/* Some non-empty text (an index name, a stream label) can still follow. */
static int arn_open(const struct arn_match *a)
{
	for (size_t i = 0; i < a->m; i++)
		if (a->set[i])
			return 1;
	return 0;
}

/* The literal partition segment of pattern, or "aws" (for a replica whose region is unknown). */
static void pattern_partition(char *out, size_t size, const char *pattern)
{
	const char *f = pattern + 4, *colon = strchr(f, ':');
	size_t n = colon ? (size_t)(colon - f) : 0;

	if (n == 0 || n >= size || memchr(f, '*', n) || memchr(f, '?', n)) {
		snprintf(out, size, "aws");
		return;
	}
	memcpy(out, f, n);
	out[n] = '\0';
}

/*
 * Can pattern match the ARN of replica i's table (ARN_TABLE), its table or
 * what is below it (ARN_TABLE_OR_BELOW), or its stream (ARN_STREAM)?
 */
static int arn_matches(const ddbgt__vctx *c, size_t i, const char *pattern, enum arn_target what)
{
	const ddbgt_replica *r = ddbgt_table_replica_at(c->table, i);
	const char *name = ddbgt_table_name(c->table);
	const char *account = ddbgt_replica_account_id(r);
	const char *partition = partition_of(c, i);
	const char *service;
	struct arn_match a;
	char guessed[32];

	if (strcmp(pattern, "*") == 0)
		return 1;
	if (strncmp(pattern, "arn:", 4) != 0 || name == NULL || (a.m = strlen(pattern)) > ARN_MAX)
		return 0;
	service = strchr(pattern + 4, ':');
	if (service != NULL) {
		size_t n = strcspn(++service, ":");
		if (memchr(service, '*', n) || memchr(service, '?', n))
			return 0;
	}
	if (partition == NULL) {
		pattern_partition(guessed, sizeof guessed, pattern);
		partition = guessed;
	}
	a.p = pattern;
	memset(a.set, 0, a.m + 1);
	a.set[0] = 1;
	arn_closure(&a);
	if (!arn_feed(&a, "arn:") || !arn_feed(&a, partition) || !arn_feed(&a, ":dynamodb:") ||
	    !arn_feed(&a, ddbgt__vreplica_region(c, i)) || !arn_feed(&a, ":"))
		return 0;
	if (account != NULL && account_ok(account)) {
		if (!arn_feed(&a, account))
			return 0;
	} else {
		for (int k = 0; k < 12; k++)
			if (!arn_step(&a, ANY_DIGIT))
				return 0;
	}
	if (!arn_feed(&a, ":table/") || !arn_feed(&a, name))
		return 0;
	if (what == ARN_STREAM)
		return arn_feed(&a, "/stream/") && arn_open(&a);
	if (a.set[a.m])
		return 1;
	return what == ARN_TABLE_OR_BELOW && arn_feed(&a, "/") && arn_open(&a);
}

static int names_own(const struct policy_check *p, const char *arn)
{
	return arn_matches(p->c, p->replica, arn, p->stream ? ARN_STREAM : ARN_TABLE_OR_BELOW);
}

static void check_resources(const struct policy_check *p, const jr_value *res, const char *where)
{
	char path[160];
	const jr_value *item;
	size_t k;

	if (res->type == JR_STRING) {
		if (!names_own(p, res->u.str.s)) {
			ddbgt__vpathf(path, sizeof path, "%s%s", p->prefix, where);
			ddbgt__vreport(p->c, DDBGT_E_RESOURCE_POLICY_RESOURCE, path,
			               ddbgt__vreplica_region(p->c, p->replica),
			               "\"%s\" is not this replica's %s: a policy attached to it names "
			               "arn:<partition>:dynamodb:%s:<account>:table/%s%s",
			               res->u.str.s, p->stream ? "stream" : "table",
			               ddbgt__vreplica_region(p->c, p->replica),
			               ddbgt_table_name(p->c->table) ? ddbgt_table_name(p->c->table) : "",
			               p->stream ? "/stream/<label>" : "");
		}
		return;
	}
	if (res->type != JR_ARRAY || res->u.arr.count == 0) {
		bad(p, where, "Resource must be a string or a non-empty array of strings");
		return;
	}
	JR_ARRAY_FOREACH(res, k, item) {
		char sub[160];
		char idx[24];
		ddbgt__vpathf(idx, sizeof idx, "/%zu", k);
		ddbgt__vpathf(sub, sizeof sub, "%s%s", where, idx);
		if (item->type != JR_STRING)
			bad(p, sub, "each Resource entry must be a string (an ARN)");
		else
			check_resources(p, item, sub);
	}
}

/* A string, or a non-empty array of strings (Action, NotAction). */
static int strings(const jr_value *v)
{
	const jr_value *item;
	size_t k;

	if (v->type == JR_STRING)
		return 1;
	if (v->type != JR_ARRAY || v->u.arr.count == 0)
		return 0;
	JR_ARRAY_FOREACH(v, k, item)
		if (item->type != JR_STRING)
			return 0;
	return 1;
}

static void check_statement(const struct policy_check *p, const jr_value *s, const char *where)
{
	char sub[160];
	const jr_value *effect, *action, *res;
	int allow;

	if (s->type != JR_OBJECT) {
		bad(p, where, "a statement must be an object");
		return;
	}
	effect = ddbgt__jr_get(s, "Effect");
	allow = effect != NULL && effect->type == JR_STRING && strcmp(effect->u.str.s, "Allow") == 0;
	ddbgt__vpathf(sub, sizeof sub, "%s/Effect", where);
	if (!allow && (effect == NULL || effect->type != JR_STRING ||
	               strcmp(effect->u.str.s, "Deny") != 0))
		bad(p, sub, "a statement needs Effect \"Allow\" or \"Deny\"");
	action = ddbgt__jr_get(s, "Action");
	if (action == NULL)
		action = ddbgt__jr_get(s, "NotAction");
	ddbgt__vpathf(sub, sizeof sub, "%s/%s", where,
	              ddbgt__jr_get(s, "Action") || !ddbgt__jr_get(s, "NotAction") ? "Action"
	                                                                          : "NotAction");
	if (action == NULL || !strings(action))
		bad(p, sub, "a statement needs Action or NotAction: an action name or a non-empty "
		            "array of them");
	ddbgt__vpathf(sub, sizeof sub, "%s/Principal", where);
	if (ddbgt__jr_get(s, "Principal") == NULL && ddbgt__jr_get(s, "NotPrincipal") == NULL)
		bad(p, sub, "a statement of a resource-based policy needs Principal or NotPrincipal: "
		            "whom it allows or denies");
	res = ddbgt__jr_get(s, "Resource");
	if (res != NULL) {
		ddbgt__vpathf(sub, sizeof sub, "%s/Resource", where);
		check_resources(p, res, sub);
	}
	if (allow)
		check_public(p, s, where);
}

static void check_document(const struct policy_check *p, const jr_value *doc)
{
	const jr_value *version = ddbgt__jr_get(doc, "Version");
	const jr_value *st = ddbgt__jr_get(doc, "Statement"), *item;
	char where[40];
	size_t k;

	if (version == NULL || version->type != JR_STRING ||
	    (strcmp(version->u.str.s, "2012-10-17") != 0 &&
	     strcmp(version->u.str.s, "2008-10-17") != 0))
		bad(p, "/Version", "a policy document needs Version \"2012-10-17\" (or the older "
		                   "\"2008-10-17\")");
	if (st == NULL || (st->type != JR_OBJECT && (st->type != JR_ARRAY || !st->u.arr.count))) {
		bad(p, "/Statement", "a policy document needs Statement: a statement object or a "
		                     "non-empty array of them");
		return;
	}
	if (st->type == JR_OBJECT) {
		check_statement(p, st, "/Statement");
		return;
	}
	JR_ARRAY_FOREACH(st, k, item) {
		ddbgt__vpathf(where, sizeof where, "/Statement/%zu", k);
		check_statement(p, item, where);
	}
}

static void check_policy(ddbgt__vctx *c, size_t i, int stream, const char *text)
{
	char prefix[80];
	jr_doc *doc = NULL;
	struct policy_check p = {c, i, stream, prefix};
	size_t len;

	if (text == NULL)
		return;
	ddbgt__vpathf(prefix, sizeof prefix, "/replicas/%zu/%s", i,
	              stream ? "stream_resource_policy" : "resource_policy");
	if (ddbgt_table_legacy_version(c->table))
		ddbgt__vreport(c, DDBGT_E_RESOURCE_POLICY_LEGACY, prefix, ddbgt__vreplica_region(c, i),
		               "a legacy 2017.11.29 global table cannot have resource-based policies: "
		               "remove the policy or upgrade the table to version 2019.11.21");
	if (stream && !ddbgt_table_stream_enabled(c->table))
		ddbgt__vreport(c, DDBGT_E_RESOURCE_POLICY_NO_STREAM, prefix,
		               ddbgt__vreplica_region(c, i),
		               "the table's stream is off, so this replica has no stream to attach the "
		               "policy to: enable table.stream or remove stream_resource_policy");
	len = strlen(text);
	if (len > DDBGT__IAM_POLICY_MAX_BYTES)
		ddbgt__vreport(c, DDBGT_E_RESOURCE_POLICY_SIZE, prefix, ddbgt__vreplica_region(c, i),
		               "the policy is %zu bytes without whitespace; DynamoDB accepts at most "
		               "20480 (20 KB)", len);
	if (ddbgt__iam_policy_parse(&doc, text)) {
		c->status = DDBGT_ENOMEM;
		return;
	}
	check_document(&p, ddbgt__jr_root(doc));
	ddbgt__jr_free(doc);
}

void ddbgt__rules_access(ddbgt__vctx *c)
{
	size_t i;

	for (i = 0; i < c->nreplicas; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(c->table, i);
		check_policy(c, i, 0, ddbgt_replica_resource_policy(r));
		check_policy(c, i, 1, ddbgt_replica_stream_resource_policy(r));
	}
	check_accounts(c);
}

/* 12 decimal digits. */
static int account_ok(const char *s)
{
	size_t i;

	for (i = 0; i < 12; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[12] == '\0';
}

/* arn:PARTITION:iam::ACCOUNT:role/NAME with the replica's partition and account. */
static int role_ok(const ddbgt__vctx *c, size_t i, const char *arn, const char *account)
{
	const char *f = arn_resource(arn, partition_of(c, i), "iam", "", account);

	return f != NULL && strncmp(f, "role/", 5) == 0 && f[5] != '\0';
}

/* The key of replica i's account: its account_id, or "" for the deploying account. */
static const char *account_key(const ddbgt__vctx *c, size_t i)
{
	const char *a = ddbgt_replica_account_id(ddbgt_table_replica_at(c->table, i));
	return a ? a : "";
}

/* Which of replica r's settings override the table's (a name for the path), or NULL. */
static const char *override_of(const ddbgt_replica *r)
{
	int64_t units, lo, hi;
	double target;
	int set = 0;

	if (ddbgt_replica_table_class(r) != DDBGT_TABLE_CLASS_UNSET)
		return "table_class";
	if (ddbgt_replica_get_read_capacity(r, &units) == DDBGT_OK ||
	    ddbgt_replica_get_read_autoscaling(r, &lo, &hi, &target) == DDBGT_OK)
		return "read_capacity";
	if (ddbgt_replica_get_on_demand_max_read(r, &units) == DDBGT_OK)
		return "on_demand";
	if (ddbgt_replica_pitr(r) != DDBGT_INHERIT)
		return "point_in_time_recovery";
	for (size_t k = 0; k < ddbgt_replica_gsi_override_count(r) && !set; k++) {
		const char *name = ddbgt_replica_gsi_override_name(r, k);
		set = ddbgt_replica_get_gsi_read_capacity(r, name, &units) == DDBGT_OK ||
		      ddbgt_replica_get_gsi_read_autoscaling(r, name, &lo, &hi, &target) ==
		              DDBGT_OK ||
		      ddbgt_replica_get_gsi_on_demand_max_read(r, name, &units) == DDBGT_OK;
	}
	return set ? "global_secondary_indexes" : NULL;
}

/*
 * What a multi-account replica's table policy must allow the replication
 * service principal, and with which actions (DynamoDB Developer Guide,
 * "DynamoDB global tables security" for multi-account tables: service
 * principal authorization for replication, docs.aws.amazon.com/amazondynamodb/
 * latest/developerguide/globaltables_MA_security.html). "Each replica must
 * grant the above permissions to all other replicas and itself": the grant
 * is checked once for every replica as the source of the request.
 */
#define REPLICATION_PRINCIPAL "replication.dynamodb.amazonaws.com"
static const char *const replication_actions[] = {
	"dynamodb:ReadDataForReplication",
	"dynamodb:WriteDataForReplication",
	"dynamodb:ReplicateSettings",
};
#define N_REPLICATION_ACTIONS (sizeof replication_actions / sizeof replication_actions[0])

static int lower(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/*
 * A replica whose account_id the spec leaves to the deploying account has
 * an account the validator does not know. Its request strings carry one of
 * two stand-ins for each digit: UNKNOWN_DIGIT matches only a wildcard (a
 * value that matches it matches every account), SOME_DIGIT matches any
 * digit too (a value that matches it matches some account).
 */
#define UNKNOWN_DIGIT '\001'
#define SOME_DIGIT '\002'

static int char_matches(int pc, int ch, int fold)
{
	if (ch == SOME_DIGIT)
		return pc >= '0' && pc <= '9';
	return ch != UNKNOWN_DIGIT && (pc == ch || (fold && lower(pc) == lower(ch)));
}

/*
 * pn bytes of a policy value against sn bytes of a request string, with
 * "*" and "?" when wild: the greedy match that backs up to the last "*",
 * never worse than the product of the lengths.
 */
static int glob(const char *p, size_t pn, const char *s, size_t sn, int wild, int fold)
{
	size_t pi = 0, si = 0, star = 0, resume = 0;
	int starred = 0;

	while (si < sn) {
		if (wild && pi < pn && p[pi] == '*') {
			star = pi++;
			resume = si;
			starred = 1;
		} else if (pi < pn && ((wild && p[pi] == '?') ||
		                       char_matches((unsigned char)p[pi], (unsigned char)s[si], fold))) {
			pi++;
			si++;
		} else if (starred) {
			pi = star + 1;
			si = ++resume;
		} else {
			return 0;
		}
	}
	while (wild && pi < pn && p[pi] == '*')
		pi++;
	return pi == pn;
}

/* IAM action names match case-insensitively, with "*" and "?". */
static int action_glob(const char *p, const char *s)
{
	return glob(p, strlen(p), s, strlen(s), 1, 1);
}

/* A string, or any string of an array, satisfies test(ctx, string). */
static int any_string(const jr_value *v, int (*test)(const void *, const char *), const void *ctx)
{
	const jr_value *item;
	size_t k;

	if (v == NULL)
		return 0;
	if (v->type == JR_STRING)
		return test(ctx, v->u.str.s);
	if (v->type == JR_ARRAY)
		JR_ARRAY_FOREACH(v, k, item)
			if (item->type == JR_STRING && test(ctx, item->u.str.s))
				return 1;
	return 0;
}

static int is_principal(const void *ctx, const char *s)
{
	(void)ctx;
	return strcmp(s, REPLICATION_PRINCIPAL) == 0;
}

static int is_everyone(const void *ctx, const char *s)
{
	(void)ctx;
	return strcmp(s, "*") == 0;
}

/* A Principal of "*" or {"AWS": "*"}: every principal (rules 244 and 246). */
static int grants_everyone(const jr_value *principal)
{
	if (principal == NULL)
		return 0;
	if (principal->type == JR_STRING)
		return strcmp(principal->u.str.s, "*") == 0;
	return principal->type == JR_OBJECT &&
	       any_string(ddbgt__jr_get(principal, "AWS"), is_everyone, NULL);
}

static int covers_action(const void *ctx, const char *s)
{
	return action_glob(s, ctx);
}

struct table_of {
	const ddbgt__vctx *c;
	size_t replica;
};

static int covers_table(const void *ctx, const char *s)
{
	const struct table_of *t = ctx;
	return arn_matches(t->c, t->replica, s, ARN_TABLE);
}

/*
 * A policy is evaluated as IAM evaluates it (IAM User Guide, "Policy
 * evaluation logic", docs.aws.amazon.com/IAM/latest/UserGuide/
 * reference_policies_evaluation-logic.html): a Deny that applies overrides
 * every Allow, and without an Allow that applies the request is refused. A
 * statement applies when its principal, action, resource and every
 * condition do. Where the spec cannot tell (an unknown account, a condition
 * key the request's values are not known for, an operator not read here)
 * the answer is MAYBE, which is reported as unchecked, never as an error.
 */
enum tri { T_NO, T_MAYBE, T_YES };

static enum tri tri_and(enum tri a, enum tri b)
{
	return a < b ? a : b;
}

static enum tri tri_or(enum tri a, enum tri b)
{
	return a > b ? a : b;
}

/* One replication request: an action on replica target's table, from replica source. */
struct grant_request {
	const ddbgt__vctx *c;
	size_t target, source;
	const char *action;
	char why[160]; /* why the last statement read was MAYBE */
};

static void maybe_because(struct grant_request *q, const char *what, const char *name)
{
	if (q->why[0] == '\0')
		snprintf(q->why, sizeof q->why, "%s %s", what, name);
}

/*
 * Does this Principal name the replication service? "*" and {"AWS": "*"} name
 * every principal, services included: AWS FIS pauses global-table
 * replication with a Deny for {"AWS": "*"} conditioned on
 * aws:PrincipalServiceName (AWS FIS User Guide, action
 * aws:dynamodb:global-table-pause-replication, docs.aws.amazon.com/fis/latest/
 * userguide/fis-actions-reference.html).
 */
static enum tri names_replication(const jr_value *p)
{
	return grants_everyone(p) || (p->type == JR_OBJECT &&
	                              any_string(ddbgt__jr_get(p, "Service"), is_principal, NULL))
	               ? T_YES
	               : T_NO;
}

static enum tri principal_applies(const jr_value *s)
{
	const jr_value *p = ddbgt__jr_get(s, "Principal");

	if (p != NULL)
		return names_replication(p);
	p = ddbgt__jr_get(s, "NotPrincipal");
	if (p == NULL || p->type == JR_STRING)
		return T_NO;
	return any_string(ddbgt__jr_get(p, "Service"), is_principal, NULL) ? T_NO : T_YES;
}

static enum tri action_applies(const jr_value *s, const char *action)
{
	const jr_value *v = ddbgt__jr_get(s, "Action");

	if (v != NULL)
		return any_string(v, covers_action, action) ? T_YES : T_NO;
	v = ddbgt__jr_get(s, "NotAction");
	return v != NULL && !any_string(v, covers_action, action) ? T_YES : T_NO;
}

/*
 * Resource entries name this policy's own table (DDBGT_E_RESOURCE_POLICY_RESOURCE
 * holds them to it), so one that can match the table does. NotResource is
 * not held to it: with the account unknown, an entry that can match the
 * table may or may not exclude it.
 */
static enum tri resource_applies(struct grant_request *q, const jr_value *s)
{
	struct table_of own = {q->c, q->target};
	const jr_value *v = ddbgt__jr_get(s, "Resource");
	const char *account;

	if (v != NULL)
		return any_string(v, covers_table, &own) ? T_YES : T_NO;
	v = ddbgt__jr_get(s, "NotResource");
	if (v == NULL)
		return T_NO;
	if (!any_string(v, covers_table, &own))
		return T_YES;
	account = ddbgt_replica_account_id(ddbgt_table_replica_at(q->c->table, q->target));
	if (account != NULL && account_ok(account))
		return T_NO;
	maybe_because(q, "NotResource, with the account", "not given");
	return T_MAYBE;
}

/* The request's value of a condition key, as two strings (see UNKNOWN_DIGIT). */
struct key_value {
	char every[ARN_MAX + 1]; /* matched by a value that matches every possible one */
	char some[ARN_MAX + 1];  /* matched by a value that matches some possible one */
	int known;               /* the two are the same */
};

/*
 * aws:SourceAccount and aws:SourceArn of a request from replica j: its
 * account and its table's ARN, the source context globaltables_MA_security.html
 * restricts the grant with; 0 when the request's value is not known here.
 */
static int source_value(struct key_value *kv, const ddbgt__vctx *c, size_t j, int arn)
{
	const char *account = ddbgt_replica_account_id(ddbgt_table_replica_at(c->table, j));
	const char *partition = partition_of(c, j), *name = ddbgt_table_name(c->table);
	char every[13], some[13];

	kv->known = account != NULL && account_ok(account);
	if (!kv->known) {
		memset(every, UNKNOWN_DIGIT, 12);
		memset(some, SOME_DIGIT, 12);
		every[12] = some[12] = '\0';
	}
	if (!arn) {
		snprintf(kv->every, sizeof kv->every, "%s", kv->known ? account : every);
		snprintf(kv->some, sizeof kv->some, "%s", kv->known ? account : some);
		return 1;
	}
	if (partition == NULL || name == NULL)
		return 0;
	snprintf(kv->every, sizeof kv->every, "arn:%s:dynamodb:%s:%s:table/%s", partition,
	         ddbgt__vreplica_region(c, j), kv->known ? account : every, name);
	snprintf(kv->some, sizeof kv->some, "arn:%s:dynamodb:%s:%s:table/%s", partition,
	         ddbgt__vreplica_region(c, j), kv->known ? account : some, name);
	return 1;
}

/*
 * ArnEquals and ArnLike (they behave identically): "each of the six
 * colon-delimited components of the ARN is checked separately", with "*"
 * and "?", case-sensitively (IAM User Guide, "IAM JSON policy elements:
 * Condition operators", reference_policies_elements_condition_operators.html).
 * -1 for a value without six components, which this file does not guess at.
 */
static int arn_like(const char *v, const char *s)
{
	for (int part = 0; part < 6; part++) {
		size_t pn = part < 5 ? strcspn(v, ":") : strlen(v);
		size_t sn = part < 5 ? strcspn(s, ":") : strlen(s);

		if (part < 5 && v[pn] == '\0')
			return -1;
		if (!glob(v, pn, s, sn, 1, 0))
			return 0;
		v += pn + (part < 5);
		s += sn + (part < 5);
	}
	return 1;
}

enum op_kind { OP_STRING, OP_ARN, OP_BOOL, OP_NULL };

struct condition_op {
	const char *name;
	enum op_kind kind;
	int like, fold, negated;
};

/* The operators read here; any other is MAYBE. */
static const struct condition_op condition_ops[] = {
	{"StringEquals", OP_STRING, 0, 0, 0},
	{"StringNotEquals", OP_STRING, 0, 0, 1},
	{"StringEqualsIgnoreCase", OP_STRING, 0, 1, 0},
	{"StringNotEqualsIgnoreCase", OP_STRING, 0, 1, 1},
	{"StringLike", OP_STRING, 1, 0, 0},
	{"StringNotLike", OP_STRING, 1, 0, 1},
	{"ArnEquals", OP_ARN, 1, 0, 0},
	{"ArnLike", OP_ARN, 1, 0, 0},
	{"ArnNotEquals", OP_ARN, 1, 0, 1},
	{"ArnNotLike", OP_ARN, 1, 0, 1},
	{"Bool", OP_BOOL, 0, 1, 0},
	{"Null", OP_NULL, 0, 0, 0},
};

/*
 * The operator named name: a set prefix (ForAnyValue:, ForAllValues:) and
 * the IfExists suffix are dropped, because every key read here is
 * single-valued and present in a replication request, where both mean the
 * plain operator (IAM User Guide, "Single-valued vs. multivalued context
 * keys" and "...IfExists condition operators").
 */
static const struct condition_op *condition_op(const char *name)
{
	size_t n;

	if (strncmp(name, "ForAnyValue:", 12) == 0)
		name += 12;
	else if (strncmp(name, "ForAllValues:", 13) == 0)
		name += 13;
	n = strlen(name);
	if (n > 8 && strcmp(name + n - 8, "IfExists") == 0)
		n -= 8;
	for (size_t k = 0; k < sizeof condition_ops / sizeof condition_ops[0]; k++)
		if (strlen(condition_ops[k].name) == n && strncmp(condition_ops[k].name, name, n) == 0)
			return n < strlen(name) && condition_ops[k].kind == OP_NULL ? NULL
			                                                            : &condition_ops[k];
	return NULL;
}

static int key_is(const char *k, const char *want)
{
	while (*k && lower((unsigned char)*k) == *want)
		k++, want++;
	return *k == '\0' && *want == '\0';
}

/* One policy value against the request's value: T_YES, T_NO or T_MAYBE. */
static enum tri value_matches(const struct condition_op *op, const char *v,
                              const struct key_value *kv)
{
	int every, some;

	if (strstr(v, "${") != NULL) /* a policy variable, resolved only by IAM */
		return T_MAYBE;
	if (op->kind == OP_ARN) {
		every = arn_like(v, kv->every);
		some = arn_like(v, kv->some);
		if (every < 0)
			return T_MAYBE;
	} else {
		every = glob(v, strlen(v), kv->every, strlen(kv->every), op->like, op->fold);
		some = glob(v, strlen(v), kv->some, strlen(kv->some), op->like, op->fold);
	}
	return every ? T_YES : some ? T_MAYBE : T_NO;
}

/* Does condition key k under operator op hold for request q? */
static enum tri key_holds(struct grant_request *q, const char *opname, const char *k,
                          const jr_value *values)
{
	const struct condition_op *op = condition_op(opname);
	struct key_value kv;
	enum tri any = T_NO;
	const jr_value *item;
	size_t n;

	if (op == NULL) {
		maybe_because(q, "the condition operator", opname);
		return T_MAYBE;
	}
	if (key_is(k, "aws:sourceaccount") || key_is(k, "aws:sourcearn")) {
		if (!source_value(&kv, q->c, q->source, key_is(k, "aws:sourcearn"))) {
			maybe_because(q, "the condition key", k);
			return T_MAYBE;
		}
	} else if (key_is(k, "aws:principalservicename")) {
		kv.known = 1;
		snprintf(kv.every, sizeof kv.every, "%s", REPLICATION_PRINCIPAL);
	} else if (key_is(k, "aws:principalisawsservice")) {
		kv.known = 1;
		snprintf(kv.every, sizeof kv.every, "true");
	} else {
		maybe_because(q, "the condition key", k);
		return T_MAYBE;
	}
	if (kv.known)
		memcpy(kv.some, kv.every, strlen(kv.every) + 1);
	if (op->kind == OP_NULL || op->kind == OP_BOOL) {
		/* Null "false" holds for a key the request has; Bool reads a boolean key. */
		const char *want = op->kind == OP_NULL ? "false" : "true";
		if (op->kind == OP_BOOL && !key_is(k, "aws:principalisawsservice")) {
			maybe_because(q, "Bool on the condition key", k);
			return T_MAYBE;
		}
		if (values->type == JR_TRUE || values->type == JR_FALSE)
			return (values->type == JR_TRUE) == (want[0] == 't') ? T_YES : T_NO;
		if (values->type == JR_STRING)
			return key_is(values->u.str.s, want) ? T_YES : T_NO;
		maybe_because(q, "the value of", k);
		return T_MAYBE;
	}
	if (key_is(k, "aws:principalisawsservice")) {
		maybe_because(q, "the condition operator", opname);
		return T_MAYBE;
	}
	if (values->type == JR_STRING) {
		any = value_matches(op, values->u.str.s, &kv);
	} else if (values->type == JR_ARRAY) {
		JR_ARRAY_FOREACH(values, n, item)
			any = tri_or(any, item->type == JR_STRING ? value_matches(op, item->u.str.s, &kv)
			                                          : T_MAYBE);
	} else {
		any = T_MAYBE;
	}
	if (any == T_MAYBE)
		maybe_because(q, kv.known ? "a policy variable or malformed value of" : "the unknown "
		                                                                        "account in",
		              k);
	return op->negated ? (enum tri)(T_YES - any) : any;
}

static enum tri condition_holds(struct grant_request *q, const jr_value *s)
{
	const jr_value *cond = ddbgt__jr_get(s, "Condition"), *keys, *values;
	const char *op, *k;
	enum tri all = T_YES;
	size_t i, n;

	if (cond == NULL)
		return T_YES;
	if (cond->type != JR_OBJECT) {
		maybe_because(q, "the Condition", "that is not an object");
		return T_MAYBE;
	}
	JR_OBJECT_FOREACH(cond, i, op, keys) {
		if (keys->type != JR_OBJECT) {
			maybe_because(q, "the condition operator", op);
			all = tri_and(all, T_MAYBE);
			continue;
		}
		JR_OBJECT_FOREACH(keys, n, k, values)
			all = tri_and(all, key_holds(q, op, k, values));
	}
	return all;
}

/* Does statement s apply to request q? */
static enum tri statement_applies(struct grant_request *q, const jr_value *s)
{
	enum tri t = tri_and(principal_applies(s), action_applies(s, q->action));

	t = tri_and(t, resource_applies(q, s));
	return t == T_NO ? T_NO : tri_and(t, condition_holds(q, s));
}

/* What replica i's policy does with one request, and the statement that decides it. */
struct grant_outcome {
	enum tri allowed;
	const char *denied_by; /* the action a Deny refuses, or NULL */
	char at[32];           /* the statement read last: the Deny when denied_by is set */
	char why[200];
};

static void evaluate_request(struct grant_request *q, const jr_value *st, struct grant_outcome *o)
{
	enum tri allow = T_NO, deny = T_NO;
	char allow_why[200] = "", deny_why[200] = "";
	size_t n = st == NULL ? 0 : st->type == JR_ARRAY ? st->u.arr.count : 1;

	o->denied_by = NULL;
	for (size_t k = 0; k < n; k++) {
		const jr_value *s = st->type == JR_ARRAY ? st->u.arr.items[k] : st;
		const jr_value *effect = ddbgt__jr_get(s, "Effect");
		enum tri t;
		int is_deny;

		if (s->type != JR_OBJECT || effect == NULL || effect->type != JR_STRING)
			continue;
		is_deny = strcmp(effect->u.str.s, "Deny") == 0;
		if (!is_deny && strcmp(effect->u.str.s, "Allow") != 0)
			continue;
		q->why[0] = '\0';
		t = statement_applies(q, s);
		if (st->type == JR_ARRAY)
			ddbgt__vpathf(o->at, sizeof o->at, "/Statement/%zu", k);
		else
			ddbgt__vpathf(o->at, sizeof o->at, "/Statement");
		if (t == T_MAYBE && (is_deny ? deny_why : allow_why)[0] == '\0')
			ddbgt__vpathf(is_deny ? deny_why : allow_why, sizeof allow_why, "%s: %s", o->at,
			              q->why);
		if (is_deny && t == T_YES) {
			o->denied_by = q->action;
			o->allowed = T_NO;
			return;
		}
		if (is_deny)
			deny = tri_or(deny, t);
		else
			allow = tri_or(allow, t);
	}
	o->allowed = deny == T_MAYBE ? tri_and(allow, T_MAYBE) : allow;
	memcpy(o->why, deny == T_MAYBE ? deny_why : allow_why, sizeof o->why);
}

/* "the replica in REGION (account A)" for messages. */
static const char *replica_named(char *buf, size_t size, const ddbgt__vctx *c, size_t j)
{
	const char *a = ddbgt_replica_account_id(ddbgt_table_replica_at(c->table, j));

	snprintf(buf, size, "the replica in %s (account %s)", ddbgt__vreplica_region(c, j),
	         a ? a : "not given");
	return buf;
}

/*
 * Report replica i when its table policy does not let the replication
 * principal take every replication action on its table for a request from
 * every replica (an error), or when that cannot be told (a warning).
 */
static void check_replication_grant(ddbgt__vctx *c, size_t i)
{
	const char *text = ddbgt_replica_resource_policy(ddbgt_table_replica_at(c->table, i));
	const char *region = ddbgt__vreplica_region(c, i);
	struct grant_request q = {c, i, 0, NULL, ""};
	struct grant_outcome o, unchecked = {T_YES, NULL, "", ""};
	const jr_value *st;
	int never[N_REPLICATION_ACTIONS];
	size_t left_out = SIZE_MAX, unchecked_from = 0, a, n = 0;
	const char *left_out_action = NULL;
	char path[96], missing[160], who[96];
	jr_doc *doc = NULL;

	ddbgt__vpathf(path, sizeof path, "/replicas/%zu/resource_policy", i);
	if (text == NULL) {
		ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY, path, region,
		               "the replica in %s is part of a multi-account global table but has no "
		               "resource_policy: it must allow " REPLICATION_PRINCIPAL " to replicate "
		               "(ReadDataForReplication, WriteDataForReplication, ReplicateSettings)",
		               region);
		return;
	}
	if (ddbgt__iam_policy_parse(&doc, text)) {
		c->status = DDBGT_ENOMEM;
		return;
	}
	st = ddbgt__jr_get(ddbgt__jr_root(doc), "Statement");
	if (st != NULL && st->type != JR_ARRAY && st->type != JR_OBJECT)
		st = NULL;
	for (a = 0; a < N_REPLICATION_ACTIONS; a++) {
		never[a] = 1;
		q.action = replication_actions[a];
		for (q.source = 0; q.source < c->nreplicas; q.source++) {
			evaluate_request(&q, st, &o);
			if (o.denied_by != NULL) {
				ddbgt__vpathf(path, sizeof path, "/replicas/%zu/resource_policy%s", i,
				              o.at);
				ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY, path, region,
				               "this Deny applies to " REPLICATION_PRINCIPAL " %s on the "
				               "table of the replica in %s for requests from %s, and a Deny "
				               "overrides every Allow: replication would stop",
				               o.denied_by, region,
				               replica_named(who, sizeof who, c, q.source));
				ddbgt__jr_free(doc);
				return;
			}
			if (o.allowed != T_NO)
				never[a] = 0;
			else if (left_out == SIZE_MAX)
				left_out = q.source, left_out_action = q.action;
			if (o.allowed == T_MAYBE && unchecked.why[0] == '\0')
				unchecked = o, unchecked_from = q.source;
		}
	}
	missing[0] = '\0';
	for (a = 0; a < N_REPLICATION_ACTIONS; a++)
		if (never[a])
			n += (size_t)snprintf(missing + n, sizeof missing - n, "%s%s", n ? ", " : "",
			                      replication_actions[a]);
	if (n > 0)
		ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY, path, region,
		               "the replica in %s is part of a multi-account global table, and its "
		               "resource_policy does not allow " REPLICATION_PRINCIPAL " %s on its "
		               "table: add an Allow statement with that Service principal, those "
		               "actions and the table as Resource", region, missing);
	else if (left_out != SIZE_MAX)
		ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_REPLICATION_POLICY, path, region,
		               "no statement allows " REPLICATION_PRINCIPAL " %s for requests from %s: "
		               "the aws:SourceAccount or aws:SourceArn conditions must admit every "
		               "replica of the table, this one included",
		               left_out_action, replica_named(who, sizeof who, c, left_out));
	else if (unchecked.why[0] != '\0')
		ddbgt__vreport(c, DDBGT_W_MULTIACCOUNT_REPLICATION_UNCHECKED, path, region,
		               "whether the policy lets " REPLICATION_PRINCIPAL " replicate from %s "
		               "could not be checked: %s",
		               replica_named(who, sizeof who, c, unchecked_from), unchecked.why);
	ddbgt__jr_free(doc);
}

/*
 * Multi-account global tables (replicas in more than one account): account
 * IDs, one replica per account, EVENTUAL only, version 2019.11.21 only, and
 * no per-replica settings while settings replication is on; the role a
 * deployment assumes is a role of the replica's own account.
 */
static void check_accounts(ddbgt__vctx *c)
{
	char path[96];
	size_t i, j;
	int multi = 0;

	for (i = 0; i < c->nreplicas; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(c->table, i);
		const char *account = ddbgt_replica_account_id(r);
		const char *role = ddbgt_replica_provider_role_arn(r);
		const char *region = ddbgt__vreplica_region(c, i);

		multi |= strcmp(account_key(c, i), account_key(c, 0)) != 0;
		if (account != NULL && !account_ok(account)) {
			ddbgt__vpathf(path, sizeof path, "/replicas/%zu/account_id", i);
			ddbgt__vreport(c, DDBGT_E_ACCOUNT_ID_INVALID, path, region,
			               "\"%s\" is not an AWS account ID: write its 12 digits", account);
			account = NULL;
		}
		if (role != NULL && !role_ok(c, i, role, account)) {
			ddbgt__vpathf(path, sizeof path, "/replicas/%zu/provider_role_arn", i);
			ddbgt__vreport(c, DDBGT_E_PROVIDER_ROLE_ARN, path, region,
			               "\"%s\" is not a role of the replica's account: use "
			               "arn:%s:iam::%s:role/<name>", role,
			               partition_of(c, i) ? partition_of(c, i) : "aws",
			               account ? account : "<account>");
		}
	}
	if (!multi)
		return;
	if (ddbgt_table_legacy_version(c->table))
		ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_LEGACY, "/table/legacy_version", NULL,
		               "the replicas are in more than one account, which legacy 2017.11.29 "
		               "global tables cannot do: remove account_id or legacy_version");
	if (c->strong)
		ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_OVERRIDE, "/table/consistency", NULL,
		               "the replicas are in more than one account, and multi-account global "
		               "tables are EVENTUAL only: use EVENTUAL or one account");
	for (i = 0; i < c->nreplicas; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(c->table, i);
		const char *region = ddbgt__vreplica_region(c, i);
		const char *what = override_of(r);

		check_replication_grant(c, i);
		for (j = 0; j < i; j++)
			if (strcmp(account_key(c, i), account_key(c, j)) == 0)
				break;
		if (j < i) {
			ddbgt__vpathf(path, sizeof path, "/replicas/%zu/account_id", i);
			ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_OVERRIDE, path, region,
			               "the replicas in %s and %s are in the same account (%s), but each "
			               "replica of a multi-account global table needs an account of its "
			               "own", ddbgt__vreplica_region(c, j), region,
			               account_key(c, i)[0] ? account_key(c, i) : "the deploying one");
		}
		if (what != NULL &&
		    ddbgt_replica_settings_replication(r) != DDBGT_SETTINGS_REPLICATION_DISABLED) {
			char at[40];
			ddbgt__vpathf(at, sizeof at, "/%s", what);
			ddbgt__vpathf(path, sizeof path, "/replicas/%zu%s", i, at);
			ddbgt__vreport(c, DDBGT_E_MULTIACCOUNT_OVERRIDE, path, region,
			               "the replica in %s overrides %s, but a multi-account global table "
			               "replicates its settings to every replica: remove it, or set the "
			               "replica's settings_replication to DISABLED", region, what);
		}
	}
}

/*
 * Block Public Access (DynamoDB Developer Guide, "Blocking public access with
 * resource-based policies in DynamoDB", docs.aws.amazon.com/amazondynamodb/
 * latest/developerguide/rbac-bpa-rbp.html): DynamoDB refuses to attach a
 * policy that grants public access to a table, index or stream. A statement
 * is not public when its Principal names principals other than "*", or when
 * a condition on one of the page's trusted keys limits it to fixed values;
 * that page also says aws:PrincipalIsAWSService limits only when true.
 *
 * BPA reasons over every key and operator; this rule does not. It reports
 * only what is public beyond doubt: an Allow for "*" or {"AWS": "*"} whose
 * every condition (there may be none) is aws:PrincipalIsAWSService false.
 * Any other condition (an untrusted key such as aws:SourceIp, a trusted key
 * with a wildcard, a variable or a negated operator, an operator not known)
 * might be what BPA reads as a limit, so it is never reported: no false
 * alarm. NotPrincipal and service principals are left alone for the same
 * reason, and a Deny never grants anything.
 */
/* "false" as a Bool condition value: the JSON literal, or the string in any case. */
static int is_false(const jr_value *v)
{
	return v->type == JR_FALSE || (v->type == JR_STRING && key_is(v->u.str.s, "false"));
}

/* Operator op on key k with values cannot limit a grant to "*". */
static int limits_nothing(const char *op, const char *k, const jr_value *values)
{
	const jr_value *item;
	size_t n;

	if (strcmp(op, "Bool") != 0 || !key_is(k, "aws:principalisawsservice"))
		return 0;
	if (values->type != JR_ARRAY)
		return is_false(values);
	if (values->u.arr.count == 0)
		return 0;
	JR_ARRAY_FOREACH(values, n, item)
		if (!is_false(item))
			return 0;
	return 1;
}

/* No condition, or only conditions that limit nothing: the grant to "*" stands. */
static int unconditioned(const jr_value *cond)
{
	const jr_value *keys, *values;
	const char *op, *k;
	size_t i, n;

	if (cond == NULL)
		return 1;
	if (cond->type != JR_OBJECT)
		return 0;
	JR_OBJECT_FOREACH(cond, i, op, keys) {
		if (keys->type != JR_OBJECT)
			return 0;
		JR_OBJECT_FOREACH(keys, n, k, values)
			if (!limits_nothing(op, k, values))
				return 0;
	}
	return 1;
}

/* Statement s, whose Effect is Allow, at where. */
static void check_public(const struct policy_check *p, const jr_value *s, const char *where)
{
	char path[160];

	if (!grants_everyone(ddbgt__jr_get(s, "Principal")) ||
	    !unconditioned(ddbgt__jr_get(s, "Condition")))
		return;
	ddbgt__vpathf(path, sizeof path, "%s%s/Principal", p->prefix, where);
	ddbgt__vreport(p->c, DDBGT_E_RESOURCE_POLICY_PUBLIC, path,
	               ddbgt__vreplica_region(p->c, p->replica),
	               "this Allow statement grants public access: its Principal is \"*\" and no "
	               "condition limits it, so DynamoDB's Block Public Access refuses the %s",
	               p->stream ? "stream's policy" : "table's policy");
}
