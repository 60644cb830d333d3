/*
 * The validator's driver: it resolves the options, looks every replica's
 * region up once, runs each group of rules over the model, and turns each
 * finding's severity into its final value (policy override, option flags).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddbgt/validate.h"
#include "ddbgt/replica.h"
#include "ddbgt/policy.h"
#include "alloc.h"
#include "options.h"
#include "validate_internal.h"

/* The bytes each options version has (options.h). */
static const size_t validate_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_validate_options, flags),
};

#define VALIDATE_OPTIONS_VERSIONS (sizeof validate_options_ends / sizeof validate_options_ends[0])
_Static_assert(VALIDATE_OPTIONS_VERSIONS == DDBGT_VALIDATE_OPTIONS_VERSION, "one end per version");

int ddbgt_validate_options_init(ddbgt_validate_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, validate_options_ends, VALIDATE_OPTIONS_VERSIONS);
}

static ddbgt_severity final_severity(const ddbgt__vctx *c, ddbgt_code code, ddbgt_severity sev)
{
	ddbgt_severity over;

	if (c->policy != NULL && ddbgt_policy_severity_count(c->policy) > 0 &&
	    ddbgt_policy_get_severity(c->policy, ddbgt_code_name(code), &over) == DDBGT_OK)
		sev = over;
	if (sev == DDBGT_SEVERITY_INFO && (c->flags & DDBGT_VALIDATE_NO_INFO))
		return DDBGT_SEVERITY_OFF;
	if (sev == DDBGT_SEVERITY_WARNING && (c->flags & DDBGT_VALIDATE_WARNINGS_AS_ERRORS))
		return DDBGT_SEVERITY_ERROR;
	return sev;
}

static void vreport(ddbgt__vctx *c, ddbgt_code code, ddbgt_severity sev, const char *path,
                    const char *region, const char *fmt, va_list ap)
{
	char buf[512];
	char *msg = buf;
	va_list ap2;
	int len;
	int rc;

	sev = final_severity(c, code, sev);
	if (sev == DDBGT_SEVERITY_OFF)
		return;
	if (sev == DDBGT_SEVERITY_ERROR)
		c->errors++;
	if (c->diags == NULL)
		return;
	va_copy(ap2, ap);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (len >= (int)sizeof(buf)) {
		msg = ddbgt__malloc((size_t)len + 1);
		if (msg == NULL) {
			va_end(ap2);
			c->status = DDBGT_ENOMEM;
			return;
		}
		vsnprintf(msg, (size_t)len + 1, fmt, ap2);
	}
	va_end(ap2);
	rc = ddbgt_diags_add(c->diags, code, sev, path, region, len < 0 ? NULL : msg);
	if (msg != buf)
		ddbgt__free(msg);
	if (rc == DDBGT_ENOMEM)
		c->status = DDBGT_ENOMEM;
}

void ddbgt__vreport(ddbgt__vctx *c, ddbgt_code code, const char *path, const char *region,
                    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, code, ddbgt_code_severity(code), path, region, fmt, ap);
	va_end(ap);
}

void ddbgt__vreport_sev(ddbgt__vctx *c, ddbgt_code code, ddbgt_severity sev, const char *path,
                        const char *region, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(c, code, sev, path, region, fmt, ap);
	va_end(ap);
}

/* Append len bytes of s to buf[size] holding n, as far as they fit; returns the new n. */
static size_t path_put(char *buf, size_t size, size_t n, const char *s, size_t len)
{
	size_t room = n + 1 < size ? size - 1 - n : 0;

	if (len > room)
		len = room;
	memcpy(buf + n, s, len);
	return n + len;
}

const char *ddbgt__vpathf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;

	/* Runs and arguments copied whole: validation formats a path per object it checks. */
	va_start(ap, fmt);
	for (;;) {
		const char *pct = strchr(fmt, '%');
		char digits[24];
		const char *s;

		n = path_put(buf, size, n, fmt, pct ? (size_t)(pct - fmt) : strlen(fmt));
		if (!pct)
			break;
		fmt = pct + 1;
		if (*fmt == 's') {
			s = va_arg(ap, const char *);
			fmt++;
		} else if (fmt[0] == 'z' && fmt[1] == 'u') {
			size_t v = va_arg(ap, size_t);
			size_t k = sizeof(digits) - 1;

			fmt += 2;
			digits[k] = '\0';
			do
				digits[--k] = (char)('0' + v % 10);
			while ((v /= 10) > 0);
			s = digits + k;
		} else {
			n = path_put(buf, size, n, "%", 1);
			if (*fmt != '%')
				break;
			fmt++;
			continue;
		}
		n = path_put(buf, size, n, s, strlen(s));
	}
	va_end(ap);
	buf[n] = '\0';
	return buf;
}

static size_t escape_key(char *dst, const char *key)
{
	size_t n = 0;

	for (; *key != '\0'; key++) {
		if (*key == '~' || *key == '/') {
			if (dst != NULL) {
				dst[n] = '~';
				dst[n + 1] = *key == '~' ? '0' : '1';
			}
			n += 2;
		} else {
			if (dst != NULL)
				dst[n] = *key;
			n++;
		}
	}
	return n;
}

const char *ddbgt__vpath_key(ddbgt__vctx *c, char *buf, size_t size, char **heap,
                             const char *prefix, const char *key, const char *suffix)
{
	size_t plen = strlen(prefix);
	size_t klen = escape_key(NULL, key);
	size_t slen = strlen(suffix);
	size_t need = plen + 1 + klen + slen + 1;
	char *out = buf;

	*heap = NULL;
	if (need > size) {
		out = ddbgt__malloc(need);
		if (out == NULL) {
			c->status = DDBGT_ENOMEM;
			return NULL;
		}
		*heap = out;
	}
	memcpy(out, prefix, plen);
	out[plen] = '/';
	escape_key(out + plen + 1, key);
	memcpy(out + plen + 1 + klen, suffix, slen + 1);
	return out;
}

static int vname_cmp(const void *a, const void *b)
{
	const ddbgt__vname *x = a;
	const ddbgt__vname *y = b;
	int r = strcmp(x->name, y->name);

	if (r != 0)
		return r;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Lists up to this long are sorted by insertion: most are a handful of
 * names, where qsort's set-up costs more than the sort.
 */
#define VNAMES_INSERTION_MAX 16

void ddbgt__vnames_sort(ddbgt__vname *names, size_t n)
{
	size_t i, j;

	if (n > VNAMES_INSERTION_MAX) {
		qsort(names, n, sizeof(*names), vname_cmp);
		return;
	}
	for (i = 1; i < n; i++) {
		ddbgt__vname v = names[i];

		for (j = i; j > 0 && vname_cmp(&names[j - 1], &v) > 0; j--)
			names[j] = names[j - 1];
		names[j] = v;
	}
}

const ddbgt__vname *ddbgt__vnames_find(const ddbgt__vname *names, size_t n, const char *name)
{
	size_t lo = 0;
	size_t hi = n;

	/* The leftmost match, so that a duplicated name finds its first definition. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(names[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(names[lo].name, name) == 0 ? &names[lo] : NULL;
}

/* Scratch past the stack block: one heap block per allocation, chained for the release. */
struct ddbgt__vspill {
	struct ddbgt__vspill *next;
	max_align_t data[];
};

#define SCRATCH_ALIGN _Alignof(max_align_t)

void *ddbgt__valloc(ddbgt__vctx *c, size_t n, size_t size)
{
	size_t bytes = (n > 0 ? n : 1) * size;
	struct ddbgt__vspill *s;
	void *p;

	if ((n > 0 && bytes / n != size) ||
	    bytes > SIZE_MAX - sizeof(*s) - SCRATCH_ALIGN) {
		c->status = DDBGT_ENOMEM;
		return NULL;
	}
	bytes = (bytes + SCRATCH_ALIGN - 1) / SCRATCH_ALIGN * SCRATCH_ALIGN;
	if (bytes <= c->scratch_left) {
		p = c->scratch;
		c->scratch += bytes;
		c->scratch_left -= bytes;
		return p;
	}
	s = ddbgt__malloc(sizeof(*s) + bytes);
	if (s == NULL) {
		c->status = DDBGT_ENOMEM;
		return NULL;
	}
	s->next = c->spilled;
	c->spilled = s;
	return s->data;
}

static void scratch_release(ddbgt__vctx *c)
{
	while (c->spilled != NULL) {
		struct ddbgt__vspill *next = c->spilled->next;

		ddbgt__free(c->spilled);
		c->spilled = next;
	}
}

ddbgt__vname *ddbgt__vnames_new(ddbgt__vctx *c, size_t n)
{
	return ddbgt__valloc(c, n, sizeof(ddbgt__vname));
}

const char *ddbgt__vregion_path(const ddbgt__vctx *c, char buf[48], size_t i)
{
	if (i == c->nreplicas)
		return "/table/witness_region";
	return ddbgt__vpathf(buf, 48, "/replicas/%zu/region", i);
}

/*
 * Look every replica and its region up once: most rules need the replica,
 * its region code and the catalogue entry of each.
 */
static int prepare(ddbgt__vctx *c)
{
	const ddbgt_replica *primary = ddbgt_table_primary_replica(c->table);
	size_t n = ddbgt_table_replica_count(c->table);
	size_t i;

	c->nreplicas = n;
	c->replicas = ddbgt__valloc(c, n, sizeof(*c->replicas));
	c->codes = ddbgt__valloc(c, n, sizeof(*c->codes));
	c->regions = ddbgt__valloc(c, n, sizeof(*c->regions));
	c->by_region = ddbgt__vnames_new(c, n);
	if (c->status != DDBGT_OK)
		return c->status;
	for (i = 0; i < n; i++) {
		const ddbgt_replica *r = ddbgt_table_replica_at(c->table, i);
		const char *region = ddbgt_replica_region(r);

		c->replicas[i] = r;
		c->codes[i] = region != NULL ? region : "";
		c->regions[i] = ddbgt_region_find(c->codes[i]);
		if (r == primary)
			c->home = c->regions[i];
		c->by_region[i].name = c->codes[i];
		c->by_region[i].index = i;
	}
	ddbgt__vnames_sort(c->by_region, n);
	c->witness = ddbgt_table_witness_region(c->table);
	if (c->witness != NULL)
		c->witness_region = ddbgt_region_find(c->witness);
	c->strong = ddbgt_table_consistency(c->table) == DDBGT_CONSISTENCY_STRONG;
	c->global = n >= 2;
	c->provisioned = ddbgt_table_billing_mode(c->table) == DDBGT_BILLING_PROVISIONED;
	c->adopt = ddbgt_table_adopt_existing(c->table) || (c->flags & DDBGT_VALIDATE_ADOPT_EXISTING);
	return DDBGT_OK;
}

/*
 * The scratch block on the stack: enough for the rules' lists of a table of
 * some ten regions and indexes, so that such a table validates without a
 * heap allocation. Under AddressSanitizer every scratch allocation is its
 * own heap block instead, so that an overrun of one is caught.
 */
#if defined(__SANITIZE_ADDRESS__)
#define SCRATCH_STACK 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SCRATCH_STACK 0
#endif
#endif
#ifndef SCRATCH_STACK
#define SCRATCH_STACK 4096
#endif

int ddbgt_table_validate(const ddbgt_table *table, const ddbgt_validate_options *opts,
                         ddbgt_diags *diags)
{
	static void (*const groups[])(ddbgt__vctx *) = {
		ddbgt__rules_schema, ddbgt__rules_capacity, ddbgt__rules_topology,
		ddbgt__rules_security, ddbgt__rules_tags, ddbgt__rules_policy,
		ddbgt__rules_operations, ddbgt__rules_access,
	};
	ddbgt_validate_options o = DDBGT_VALIDATE_OPTIONS_INIT;
	max_align_t stack[SCRATCH_STACK / sizeof(max_align_t) + 1];
	ddbgt__vctx c;
	size_t i;

	if (table == NULL)
		return DDBGT_EINVAL;
	if (opts != NULL) {
		int rc = ddbgt__options_read_said(&o, sizeof(o), opts, validate_options_ends,
		                                  VALIDATE_OPTIONS_VERSIONS, "validate options", diags);
		if (rc != DDBGT_OK)
			return rc;
	}
	memset(&c, 0, sizeof(c));
	c.table = table;
	c.diags = diags;
	c.policy = o.policy != NULL ? o.policy : ddbgt_table_policy(table);
	c.flags = o.flags;
	c.scratch = (unsigned char *)stack;
	c.scratch_left = SCRATCH_STACK;
	c.status = prepare(&c);
	for (i = 0; c.status == DDBGT_OK && i < sizeof(groups) / sizeof(groups[0]); i++)
		groups[i](&c);
	scratch_release(&c);
	if (c.status != DDBGT_OK)
		return c.status;
	return c.errors > 0 ? DDBGT_EINVALID : DDBGT_OK;
}
