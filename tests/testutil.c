#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ddbgt.h>
#include <jansson.h>

const char *ddbgt_test_path(const char *relative)
{
	static char buf[4096];
	const char *dir = getenv("DDBGT_TEST_SRCDIR");
	int n = snprintf(buf, sizeof buf, "%s/%s", dir ? dir : "tests", relative);
	ck_assert_msg(n > 0 && (size_t)n < sizeof buf, "test path too long: %s", relative);
	return buf;
}

char *ddbgt_test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *data = NULL;
	size_t size = 0, cap = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (size + n + 1 > cap) {
			cap = (size + n + 1) * 2;
			data = realloc(data, cap);
			ck_assert_ptr_nonnull(data);
		}
		for (size_t i = 0; i < n; i++)
			data[size + i] = chunk[i];
		size += n;
	}
	fclose(f);
	if (!data) {
		data = malloc(1);
		ck_assert_ptr_nonnull(data);
	}
	data[size] = '\0';
	if (len)
		*len = size;
	return data;
}

/* --- the failing allocator ------------------------------------------------ */

static struct {
	ddbgt_malloc_fn saved_malloc;
	ddbgt_realloc_fn saved_realloc;
	ddbgt_free_fn saved_free;
	long requests;
	long fail_at; /* < 0: never */
	int sticky;
	int paused;
	long live;
} alloc = {.fail_at = -1};

static int alloc_should_fail(void)
{
	if (alloc.paused)
		return 0;
	long r = alloc.requests++;
	return alloc.fail_at >= 0 && (r == alloc.fail_at || (alloc.sticky && r > alloc.fail_at));
}

static void *failing_malloc(size_t n)
{
	if (alloc_should_fail())
		return NULL;
	void *p = malloc(n);
	alloc.live += p != NULL;
	return p;
}

static void *failing_realloc(void *p, size_t n)
{
	if (alloc_should_fail())
		return NULL;
	void *q = realloc(p, n);
	alloc.live += q != NULL && p == NULL;
	return q;
}

static void failing_free(void *p)
{
	alloc.live -= p != NULL;
	free(p);
}

void ddbgt_test_alloc_install(void)
{
	ddbgt_get_alloc_funcs(&alloc.saved_malloc, &alloc.saved_realloc, &alloc.saved_free);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(failing_malloc, failing_realloc, failing_free),
	                 DDBGT_OK);
	ddbgt_test_alloc_fail(-1, 0);
	alloc.paused = 0;
}

void ddbgt_test_alloc_uninstall(void)
{
	ddbgt_test_alloc_fail(-1, 0);
	ck_assert_int_eq(ddbgt_set_alloc_funcs(alloc.saved_malloc, alloc.saved_realloc,
	                                       alloc.saved_free), DDBGT_OK);
}

void ddbgt_test_alloc_fail(long n, int sticky)
{
	alloc.requests = 0;
	alloc.fail_at = n;
	alloc.sticky = sticky;
}

void ddbgt_test_alloc_pause(int paused)
{
	alloc.paused = paused;
}

long ddbgt_test_alloc_requests(void)
{
	return alloc.requests;
}

long ddbgt_test_alloc_live(void)
{
	return alloc.live;
}

/* --- the allocation-failure sweep ----------------------------------------- */

void ddbgt_test_sweep_start(ddbgt_test_sweep *s, const char *what, int sticky)
{
	s->what = what;
	s->sticky = sticky;
	s->n = -1;
	s->live = alloc.live;
	s->rc = DDBGT_OK;
}

int ddbgt_test_sweep_failed(const ddbgt_test_sweep *s)
{
	return alloc.requests > s->n;
}

int ddbgt_test_sweep_next(ddbgt_test_sweep *s, int rc)
{
	if (s->n >= 0) {
		s->rc = rc;
		alloc.paused = 0;
		if (!ddbgt_test_sweep_failed(s)) {
			/* No request failed: the call is done. */
			ddbgt_test_alloc_fail(-1, 0);
			return 0;
		}
		ck_assert_msg(rc == DDBGT_ENOMEM, "%s: allocation %ld failed%s, status %s", s->what,
		              s->n, s->sticky ? " (and all after)" : "", ddbgt_status_name(rc));
		ck_assert_msg(alloc.live == s->live, "%s: allocation %ld failed, %ld blocks leaked",
		              s->what, s->n, alloc.live - s->live);
	}
	ck_assert_msg(s->n < 1000000, "%s: a million allocations and still failing", s->what);
	s->n++;
	s->live = alloc.live;
	ddbgt_test_alloc_fail(s->n, s->sticky);
	return 1;
}

/* RFC 7386 JSON merge patch: objects merge, null deletes, anything else replaces. */
json_t *ddbgt_test_merge_patch(json_t *target, json_t *patch)
{
	const char *key;
	json_t *value;

	if (!json_is_object(patch)) {
		json_decref(target);
		return json_incref(patch);
	}
	if (!json_is_object(target)) {
		json_decref(target);
		target = json_object();
	}
	json_object_foreach(patch, key, value) {
		if (json_is_null(value)) {
			json_object_del(target, key);
		} else {
			json_t *old = json_object_get(target, key);
			json_t *merged =
				ddbgt_test_merge_patch(old ? json_incref(old) : json_null(), value);
			json_object_set_new(target, key, merged);
		}
	}
	return target;
}

ddbgt_table *ddbgt_test_load(const char *relative)
{
	ddbgt_table *t = NULL;
	ddbgt_diags *d = NULL;
	ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
	int rc = ddbgt_spec_load_file(&t, ddbgt_test_path(relative), 0, d);
	if (rc) {
		char *text = NULL;
		ddbgt_diags_to_text(&text, d);
		ck_abort_msg("%s does not load: %s", relative, text ? text : "?");
	}
	ddbgt_diags_free(d);
	return t;
}

char *ddbgt_test_emit_ok(const ddbgt_table *t, const ddbgt_emit_options *o, ddbgt_diags *d)
{
	char *out = NULL;
	int rc = ddbgt_emit_string(&out, t, o, d);
	if (rc) {
		char *text = NULL;
		ddbgt_diags_to_text(&text, d);
		ck_abort_msg("emit failed: %s\n%s", ddbgt_status_name(rc), text ? text : "");
	}
	ck_assert_ptr_nonnull(out);
	return out;
}

void ddbgt_test_emitter_findings(const ddbgt_diags *d, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < ddbgt_diags_count(d); i++) {
		ddbgt_code c = ddbgt_diags_code(d, i);
		ck_assert_msg(c >= 500 && c <= 599, "a validator finding on success: %s",
		              ddbgt_diags_code_name(d, i));
		size_t n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", n ? " " : "", ddbgt_diags_code_name(d, i));
	}
}

long ddbgt_test_emit_sweep(const ddbgt_table *t, const ddbgt_emit_options *o, int sticky,
                           const char *want)
{
	ddbgt_test_sweep s;
	int rc = 0;
	ddbgt_test_alloc_install();
	for (ddbgt_test_sweep_start(&s, "emit", sticky); ddbgt_test_sweep_next(&s, rc);) {
		ddbgt_diags *d = NULL;
		ddbgt_test_alloc_pause(1);
		ck_assert_int_eq(ddbgt_diags_new(&d), DDBGT_OK);
		ddbgt_test_alloc_pause(0);
		char *out = (char *)1;
		rc = ddbgt_emit_string(&out, t, o, d);
		ddbgt_test_alloc_pause(1);
		if (rc == DDBGT_OK) {
			ck_assert_str_eq(out, want);
			ddbgt_free(out);
		} else {
			ck_assert_int_eq(rc, DDBGT_ENOMEM);
			ck_assert_ptr_null(out);
		}
		ddbgt_diags_free(d);
	}
	ddbgt_test_alloc_uninstall();
	ck_assert_int_eq(s.rc, DDBGT_OK);
	return s.n;
}

uint64_t ddbgt_test_next_bits(uint64_t *state)
{
	uint64_t x = *state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}
