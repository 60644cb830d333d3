/* The list of findings shared by the loader, validator, emitters and cost. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "diag_internal.h"
#include "ddbgt/spec.h"
#include "jsonwrite.h"
#include "utf8.h"

struct diag {
	ddbgt_code code;
	ddbgt_severity severity;
	int line, column;
	/* One allocation holds path, region and message, each NUL-terminated. */
	char *path;
	char *region; /* NULL when the finding concerns no region */
	char *message;
	const char *file; /* one of the list's files, or NULL */
};

struct ddbgt_diags {
	struct diag *items;
	size_t count, cap;
	size_t by_severity[4];
	/* The file names findings refer to, each stored once (a run may cover many specs). */
	char **files;
	size_t nfiles, files_cap;
};

DDBGT_API int ddbgt_diags_new(ddbgt_diags **out)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = ddbgt__calloc(1, sizeof **out);
	return *out ? DDBGT_OK : DDBGT_ENOMEM;
}

DDBGT_API void ddbgt_diags_clear(ddbgt_diags *diags)
{
	if (!diags)
		return;
	for (size_t i = 0; i < diags->count; i++)
		ddbgt__free(diags->items[i].path);
	for (size_t i = 0; i < diags->nfiles; i++)
		ddbgt__free(diags->files[i]);
	diags->nfiles = 0;
	diags->count = 0;
	memset(diags->by_severity, 0, sizeof diags->by_severity);
}

DDBGT_API void ddbgt_diags_free(ddbgt_diags *diags)
{
	if (!diags)
		return;
	ddbgt_diags_clear(diags);
	ddbgt__free(diags->items);
	ddbgt__free(diags->files);
	ddbgt__free(diags);
}


static int add(ddbgt_diags *diags, ddbgt_code code, ddbgt_severity severity, const char *path,
               const char *region, const char *message, int line, int column)
{
	if (severity == DDBGT_SEVERITY_OFF)
		return DDBGT_OK;
	size_t plen = strlen(path ? path : ""), rlen = region ? strlen(region) : 0;
	size_t mlen = strlen(message ? message : "");
	int rc = ddbgt__grow((void **)&diags->items, &diags->cap, diags->count + 1,
	                     sizeof *diags->items);
	if (rc)
		return rc;
	char *block = ddbgt__malloc(plen + rlen + mlen + 3);
	if (!block)
		return DDBGT_ENOMEM;
	struct diag *d = &diags->items[diags->count++];
	d->code = code;
	d->severity = severity;
	d->line = line;
	d->column = column;
	d->file = NULL;
	d->path = block;
	memcpy(block, path ? path : "", plen + 1);
	d->region = region ? memcpy(block + plen + 1, region, rlen + 1) : NULL;
	d->message = block + plen + rlen + 2;
	memcpy(d->message, message ? message : "", mlen + 1);
	ddbgt__utf8_scrub(d->path);
	if (d->region)
		ddbgt__utf8_scrub(d->region);
	ddbgt__utf8_scrub(d->message);
	diags->by_severity[severity]++;
	return DDBGT_OK;
}

DDBGT_API int ddbgt_diags_add(ddbgt_diags *diags, ddbgt_code code, ddbgt_severity severity,
                              const char *path, const char *region, const char *message)
{
	if (!diags || severity < DDBGT_SEVERITY_OFF || severity > DDBGT_SEVERITY_ERROR)
		return DDBGT_EINVAL;
	if (!ddbgt_code_name(code))
		return DDBGT_ENOTFOUND;
	return add(diags, code, severity, path, region, message, 0, 0);
}

/* The list's copy of file, added if new; NULL when memory ran out. */
static const char *intern(ddbgt_diags *diags, const char *file)
{
	/* Findings come grouped by file: the last one is nearly always the match. */
	for (size_t i = diags->nfiles; i-- > 0;)
		if (strcmp(diags->files[i], file) == 0)
			return diags->files[i];
	if (ddbgt__grow((void **)&diags->files, &diags->files_cap, diags->nfiles + 1,
	                sizeof *diags->files))
		return NULL;
	char *copy = ddbgt__strdup(file);
	if (copy)
		diags->files[diags->nfiles++] = copy;
	return copy;
}

DDBGT_API int ddbgt_diags_locate(ddbgt_diags *diags, const char *file,
                                 const ddbgt_spec_positions *positions)
{
	/* A file name is shown and written as JSON: it must be text. */
	if (!diags || !ddbgt__utf8_ok(file))
		return DDBGT_EINVAL;
	const char *stored = NULL;
	for (size_t i = 0; i < diags->count; i++) {
		struct diag *d = &diags->items[i];
		if (d->file)
			continue;
		if (file && !stored && !(stored = intern(diags, file)))
			return DDBGT_ENOMEM;
		d->file = stored;
		/* A path that is not a JSON Pointer finds nothing and keeps line 0. */
		if (d->line == 0 && positions)
			ddbgt_spec_positions_find(&d->line, &d->column, positions, d->path);
	}
	return DDBGT_OK;
}

DDBGT_API int ddbgt_diags_append(ddbgt_diags *diags, const ddbgt_diags *src)
{
	if (!diags || !src)
		return DDBGT_EINVAL;
	size_t before = diags->count;
	/* Copy from a snapshot of the count: src may be diags itself. */
	size_t n = src->count;
	for (size_t i = 0; i < n; i++) {
		const struct diag *d = &src->items[i];
		/* Read before add(): when src is diags, growing moves the items. */
		const char *file = d->file;
		int rc = add(diags, d->code, d->severity, d->path, d->region, d->message, d->line,
		             d->column);
		if (!rc && file && !(diags->items[diags->count - 1].file = intern(diags, file)))
			rc = DDBGT_ENOMEM;
		if (rc) {
			/* All or nothing: drop what this call added. */
			while (diags->count > before) {
				struct diag *last = &diags->items[--diags->count];
				diags->by_severity[last->severity]--;
				ddbgt__free(last->path);
			}
			return rc;
		}
	}
	return DDBGT_OK;
}

int ddbgt__diag_add_at(ddbgt_diags *diags, ddbgt_code code, const char *path, int line,
                       int column, const char *message)
{
	if (!diags)
		return DDBGT_OK;
	return add(diags, code, ddbgt_code_severity(code), path, NULL, message, line, column);
}

static int add_v(ddbgt_diags *diags, ddbgt_code code, ddbgt_severity severity, const char *path,
                 const char *region, int line, int column, const char *fmt, va_list ap)
{
	char small[512];
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n < 0)
		return DDBGT_EINVAL;
	if ((size_t)n < sizeof small)
		return add(diags, code, severity, path, region, small, line, column);
	char *big = ddbgt__malloc((size_t)n + 1);
	if (!big)
		return DDBGT_ENOMEM;
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	int rc = add(diags, code, severity, path, region, big, line, column);
	ddbgt__free(big);
	return rc;
}

int ddbgt__diag_addf(ddbgt_diags *diags, ddbgt_code code, const char *path, const char *region,
                     const char *fmt, ...)
{
	if (!diags)
		return DDBGT_OK;
	va_list ap;
	va_start(ap, fmt);
	int rc = add_v(diags, code, ddbgt_code_severity(code), path, region, 0, 0, fmt, ap);
	va_end(ap);
	return rc;
}

int ddbgt__diag_add_posf(ddbgt_diags *diags, ddbgt_code code, const char *path,
                         const char *region, int line, int column, const char *fmt, ...)
{
	if (!diags)
		return DDBGT_OK;
	va_list ap;
	va_start(ap, fmt);
	int rc = add_v(diags, code, ddbgt_code_severity(code), path, region, line, column, fmt, ap);
	va_end(ap);
	return rc;
}

int ddbgt__diag_add_sevf(ddbgt_diags *diags, ddbgt_code code, ddbgt_severity severity,
                         const char *path, const char *region, const char *fmt, ...)
{
	if (!diags)
		return DDBGT_OK;
	va_list ap;
	va_start(ap, fmt);
	int rc = add_v(diags, code, severity, path, region, 0, 0, fmt, ap);
	va_end(ap);
	return rc;
}

DDBGT_API size_t ddbgt_diags_count(const ddbgt_diags *diags)
{
	return diags ? diags->count : 0;
}

DDBGT_API size_t ddbgt_diags_error_count(const ddbgt_diags *diags)
{
	return diags ? diags->by_severity[DDBGT_SEVERITY_ERROR] : 0;
}

DDBGT_API size_t ddbgt_diags_warning_count(const ddbgt_diags *diags)
{
	return diags ? diags->by_severity[DDBGT_SEVERITY_WARNING] : 0;
}

DDBGT_API size_t ddbgt_diags_info_count(const ddbgt_diags *diags)
{
	return diags ? diags->by_severity[DDBGT_SEVERITY_INFO] : 0;
}

DDBGT_API int ddbgt_diags_is_valid(const ddbgt_diags *diags)
{
	return ddbgt_diags_error_count(diags) == 0;
}

DDBGT_API int ddbgt_diags_has(const ddbgt_diags *diags, ddbgt_code code)
{
	for (size_t i = 0; diags && i < diags->count; i++)
		if (diags->items[i].code == code)
			return 1;
	return 0;
}

static const struct diag *at(const ddbgt_diags *diags, size_t i)
{
	return diags && i < diags->count ? &diags->items[i] : NULL;
}

DDBGT_API ddbgt_code ddbgt_diags_code(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->code : DDBGT_CODE_NONE;
}

DDBGT_API const char *ddbgt_diags_code_name(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? ddbgt_code_name(d->code) : NULL;
}

DDBGT_API ddbgt_severity ddbgt_diags_severity(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->severity : DDBGT_SEVERITY_OFF;
}

DDBGT_API const char *ddbgt_diags_path(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->path : NULL;
}

DDBGT_API const char *ddbgt_diags_region(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->region : NULL;
}

DDBGT_API const char *ddbgt_diags_message(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->message : NULL;
}

DDBGT_API const char *ddbgt_diags_file(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->file : NULL;
}

DDBGT_API int ddbgt_diags_line(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->line : 0;
}

DDBGT_API int ddbgt_diags_column(const ddbgt_diags *diags, size_t i)
{
	const struct diag *d = at(diags, i);
	return d ? d->column : 0;
}

static void diag_to_json(jw *w, const struct diag *d)
{
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "code");
	ddbgt__jw_string(w, ddbgt_code_name(d->code));
	ddbgt__jw_key(w, "severity");
	ddbgt__jw_string(w, ddbgt_enum_name(DDBGT_ENUM_SEVERITY, d->severity));
	ddbgt__jw_key(w, "path");
	ddbgt__jw_string(w, d->path);
	ddbgt__jw_key(w, "region");
	ddbgt__jw_string_or_null(w, d->region);
	ddbgt__jw_key(w, "message");
	ddbgt__jw_string(w, d->message);
	if (d->file) {
		ddbgt__jw_key(w, "file");
		ddbgt__jw_string(w, d->file);
	}
	if (d->line > 0) {
		ddbgt__jw_key(w, "line");
		ddbgt__jw_int(w, d->line);
		ddbgt__jw_key(w, "column");
		ddbgt__jw_int(w, d->column);
	}
	ddbgt__jw_object_end(w);
}

DDBGT_API int ddbgt_diags_to_json(char **out, const ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!diags)
		return DDBGT_EINVAL;
	jw w;
	ddbgt__jw_init(&w, 0, 128 + 256 * diags->count);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "valid");
	ddbgt__jw_bool(&w, ddbgt_diags_is_valid(diags));
	ddbgt__jw_key(&w, "errors");
	ddbgt__jw_int(&w, (int64_t)ddbgt_diags_error_count(diags));
	ddbgt__jw_key(&w, "warnings");
	ddbgt__jw_int(&w, (int64_t)ddbgt_diags_warning_count(diags));
	ddbgt__jw_key(&w, "diagnostics");
	ddbgt__jw_array_begin(&w);
	for (size_t i = 0; i < diags->count; i++)
		diag_to_json(&w, &diags->items[i]);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}

DDBGT_API int ddbgt_diags_to_text(char **out, const ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!diags)
		return DDBGT_EINVAL;
	size_t size = 1;
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		size += strlen(d->path) + (d->region ? strlen(d->region) : 0) + strlen(d->message) +
		        strlen(ddbgt_code_name(d->code)) + 64;
	}
	char *buf = ddbgt__malloc(size);
	if (!buf)
		return DDBGT_ENOMEM;
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		char where[48] = "";
		if (d->line > 0)
			snprintf(where, sizeof where, " line %d column %d", d->line, d->column);
		int n = snprintf(buf + used, size - used, "%s %s %s%s%s%s%s: %s\n",
		                 ddbgt_enum_name(DDBGT_ENUM_SEVERITY, d->severity),
		                 ddbgt_code_name(d->code), d->path[0] ? d->path : "/", where,
		                 d->region ? " (" : "", d->region ? d->region : "",
		                 d->region ? ")" : "", d->message);
		if (n < 0 || (size_t)n >= size - used) {
			ddbgt__free(buf);
			return DDBGT_ENOMEM;
		}
		used += (size_t)n;
	}
	*out = buf;
	return DDBGT_OK;
}

void ddbgt__diag_set_position(ddbgt_diags *diags, size_t i, int line, int column)
{
	if (diags && i < diags->count) {
		diags->items[i].line = line;
		diags->items[i].column = column;
	}
}
