/*
 * The import API: the result object, kind detection, reading files and
 * directories, and the map from spec paths back to source positions. The
 * kinds themselves live in import_terraform.c, import_cfn.c, import_aws.c.
 */
#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "fileio.h"
#include "import_internal.h"
#include "options.h"
#include "utf8.h"
#include "ddbgt/spec.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)
/* A directory of AWS CLI outputs holds a handful of files; more is a mistake. */
#define MAX_DIR_FILES 32

struct srcpos {
	char *path;
	int line, column;
};

struct ddbgt__itable {
	ddbgt_table *table;
	char *address;
	int line, column;
	ddbgt_diags *diags;
	struct srcpos *map;
	size_t map_count, map_cap;
};

struct ddbgt_import {
	ddbgt_import_kind kind;
	char *name;
	ddbgt_diags *diags;
	ddbgt__itable *tables;
	size_t count, cap;
};

static const char *const kind_names[] = {
        "auto", "spec", "terraform-plan", "terraform-json", "cloudformation", "describe-table",
};

/* The bytes each options version has (options.h). */
static const size_t import_options_ends[] = {
	DDBGT__OPTIONS_END(ddbgt_import_options, max_bytes),
};

#define IMPORT_OPTIONS_VERSIONS (sizeof import_options_ends / sizeof import_options_ends[0])
_Static_assert(IMPORT_OPTIONS_VERSIONS == DDBGT_IMPORT_OPTIONS_VERSION, "one end per version");

DDBGT_API int ddbgt_import_options_init(ddbgt_import_options *opts, unsigned version)
{
	return ddbgt__options_init(opts, version, import_options_ends, IMPORT_OPTIONS_VERSIONS);
}

DDBGT_API const char *ddbgt_import_kind_name(ddbgt_import_kind kind)
{
	return (unsigned)kind < sizeof kind_names / sizeof kind_names[0] ? kind_names[kind] : NULL;
}

DDBGT_API int ddbgt_import_kind_from_name(ddbgt_import_kind *out, const char *name)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = DDBGT_IMPORT_AUTO;
	for (size_t i = 0; name && i < sizeof kind_names / sizeof kind_names[0]; i++)
		if (strcmp(name, kind_names[i]) == 0) {
			*out = (ddbgt_import_kind)i;
			return DDBGT_OK;
		}
	return DDBGT_EINVAL;
}

/* --- the result object ------------------------------------------------------ */

static void itable_clear(ddbgt__itable *t)
{
	ddbgt_table_free(t->table);
	ddbgt__free(t->address);
	ddbgt_diags_free(t->diags);
	for (size_t i = 0; i < t->map_count; i++)
		ddbgt__free(t->map[i].path);
	ddbgt__free(t->map);
	memset(t, 0, sizeof *t);
}

DDBGT_API void ddbgt_import_free(ddbgt_import *imp)
{
	if (!imp)
		return;
	for (size_t i = 0; i < imp->count; i++)
		itable_clear(&imp->tables[i]);
	ddbgt__free(imp->tables);
	ddbgt_diags_free(imp->diags);
	ddbgt__free(imp->name);
	ddbgt__free(imp);
}

static int import_new(ddbgt_import **out, const char *name)
{
	ddbgt_import *imp = ddbgt__calloc(1, sizeof *imp);
	if (!imp || !(imp->name = ddbgt__strdup(name ? name : "<buffer>")) ||
	    ddbgt_diags_new(&imp->diags)) {
		ddbgt_import_free(imp);
		return DDBGT_ENOMEM;
	}
	*out = imp;
	return DDBGT_OK;
}

int ddbgt__import_add_table(ddbgt__itable **out, ddbgt_import *imp, const char *address,
                            const jr_value *at)
{
	if (ddbgt__grow((void **)&imp->tables, &imp->cap, imp->count + 1, sizeof *imp->tables))
		return DDBGT_ENOMEM;
	ddbgt__itable *t = &imp->tables[imp->count];
	memset(t, 0, sizeof *t);
	if (ddbgt_table_new(&t->table, NULL) || !(t->address = ddbgt__strdup(address)) ||
	    ddbgt_diags_new(&t->diags)) {
		itable_clear(t);
		return DDBGT_ENOMEM;
	}
	t->line = at ? at->line : 0;
	t->column = at ? at->column : 0;
	imp->count++;
	*out = t;
	return DDBGT_OK;
}

void ddbgt__import_drop_last(ddbgt_import *imp)
{
	if (imp->count)
		itable_clear(&imp->tables[--imp->count]);
}

size_t ddbgt__import_count(const ddbgt_import *imp)
{
	return imp->count;
}

ddbgt__itable *ddbgt__import_itable(ddbgt_import *imp, size_t i)
{
	return i < imp->count ? &imp->tables[i] : NULL;
}

ddbgt_table *ddbgt__itable_table(ddbgt__itable *t)
{
	return t->table;
}

const char *ddbgt__itable_address(const ddbgt__itable *t)
{
	return t->address;
}

int ddbgt__itable_note(ddbgt__itable *t, const char *spec_path, const jr_value *v)
{
	if (!v || !v->line)
		return DDBGT_OK;
	for (size_t i = 0; i < t->map_count; i++)
		if (strcmp(t->map[i].path, spec_path) == 0) {
			t->map[i].line = v->line;
			t->map[i].column = v->column;
			return DDBGT_OK;
		}
	if (ddbgt__grow((void **)&t->map, &t->map_cap, t->map_count + 1, sizeof *t->map))
		return DDBGT_ENOMEM;
	char *p = ddbgt__strdup(spec_path);
	if (!p)
		return DDBGT_ENOMEM;
	t->map[t->map_count++] = (struct srcpos){p, v->line, v->column};
	return DDBGT_OK;
}

int ddbgt__import_findf(ddbgt_import *imp, ddbgt__itable *t, ddbgt_code code, const char *path,
                        const jr_value *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return ddbgt__diag_add_at(t ? t->diags : imp->diags, code, path ? path : "",
	                          at ? at->line : 0, at ? at->column : 0, msg);
}

const char *ddbgt__import_what(const char *path)
{
	if (!path || !path[0] || (path[0] == '/' && !path[1]))
		return "the resource";
	return path[0] == '/' ? path + 1 : path;
}

/* --- accessors ------------------------------------------------------------- */

DDBGT_API ddbgt_import_kind ddbgt_import_input_kind(const ddbgt_import *imp)
{
	return imp ? imp->kind : DDBGT_IMPORT_AUTO;
}

DDBGT_API const char *ddbgt_import_name(const ddbgt_import *imp)
{
	return imp ? imp->name : NULL;
}

DDBGT_API const ddbgt_diags *ddbgt_import_diags(const ddbgt_import *imp)
{
	return imp ? imp->diags : NULL;
}

DDBGT_API size_t ddbgt_import_table_count(const ddbgt_import *imp)
{
	return imp ? imp->count : 0;
}

static const ddbgt__itable *at_index(const ddbgt_import *imp, size_t i)
{
	return imp && i < imp->count ? &imp->tables[i] : NULL;
}

DDBGT_API const ddbgt_table *ddbgt_import_table_at(const ddbgt_import *imp, size_t i)
{
	const ddbgt__itable *t = at_index(imp, i);
	return t ? t->table : NULL;
}

DDBGT_API const char *ddbgt_import_table_address(const ddbgt_import *imp, size_t i)
{
	const ddbgt__itable *t = at_index(imp, i);
	return t ? t->address : NULL;
}

DDBGT_API int ddbgt_import_table_line(const ddbgt_import *imp, size_t i)
{
	const ddbgt__itable *t = at_index(imp, i);
	return t ? t->line : 0;
}

DDBGT_API int ddbgt_import_table_column(const ddbgt_import *imp, size_t i)
{
	const ddbgt__itable *t = at_index(imp, i);
	return t ? t->column : 0;
}

DDBGT_API const ddbgt_diags *ddbgt_import_table_diags(const ddbgt_import *imp, size_t i)
{
	const ddbgt__itable *t = at_index(imp, i);
	return t ? t->diags : NULL;
}

/* 1 when prefix is path or a JSON Pointer parent of it. */
static int is_parent(const char *prefix, const char *path)
{
	size_t n = strlen(prefix);
	return strncmp(prefix, path, n) == 0 && (path[n] == '\0' || path[n] == '/' || n == 0);
}

DDBGT_API int ddbgt_import_table_locate(const ddbgt_import *imp, size_t i, const char *spec_path,
                                        int *line, int *column)
{
	if (!line || !column)
		return DDBGT_EINVAL;
	*line = *column = 0;
	if (!imp || !spec_path || !ddbgt__utf8_valid(spec_path))
		return DDBGT_EINVAL;
	const ddbgt__itable *t = at_index(imp, i);
	if (!t)
		return DDBGT_ERANGE;
	size_t best = (size_t)-1, best_len = 0;
	for (size_t k = 0; k < t->map_count; k++) {
		size_t n = strlen(t->map[k].path);
		if (is_parent(t->map[k].path, spec_path) && (best == (size_t)-1 || n > best_len)) {
			best = k;
			best_len = n;
		}
	}
	if (best == (size_t)-1)
		return DDBGT_ENOTFOUND;
	*line = t->map[best].line;
	*column = t->map[best].column;
	return DDBGT_OK;
}

DDBGT_API int ddbgt_import_table_annotate(const ddbgt_import *imp, size_t i, ddbgt_diags *diags)
{
	if (!imp || !diags)
		return DDBGT_EINVAL;
	const ddbgt__itable *t = at_index(imp, i);
	if (!t)
		return DDBGT_ERANGE;
	for (size_t k = 0; k < ddbgt_diags_count(diags); k++) {
		int line = t->line, column = t->column;
		if (ddbgt_diags_line(diags, k) != 0)
			continue;
		/* A finding about a value the input did not give points at the resource. */
		ddbgt_import_table_locate(imp, i, ddbgt_diags_path(diags, k), &line, &column);
		if (!line) {
			line = t->line;
			column = t->column;
		}
		ddbgt__diag_set_position(diags, k, line, column);
	}
	return DDBGT_OK;
}

/* --- detection and dispatch -------------------------------------------------- */

/* The kind of a parsed JSON document, from its top-level keys; AUTO when none fits. */
static ddbgt_import_kind detect(const jr_value *root)
{
	if (!root || root->type != JR_OBJECT)
		return DDBGT_IMPORT_AUTO;
	if (ddbgt__jr_get(root, "format"))
		return DDBGT_IMPORT_SPEC;
	if (ddbgt__jr_get(root, "format_version") &&
	    (ddbgt__jr_get(root, "planned_values") || ddbgt__jr_get(root, "resource_changes") ||
	     ddbgt__jr_get(root, "configuration")))
		return DDBGT_IMPORT_TERRAFORM_PLAN;
	if (ddbgt__jr_get(root, "Resources") || ddbgt__jr_get(root, "AWSTemplateFormatVersion"))
		return DDBGT_IMPORT_CLOUDFORMATION;
	if (ddbgt__jr_get(root, "Table"))
		return DDBGT_IMPORT_DESCRIBE_TABLE;
	if (ddbgt__jr_get(root, "resource") || ddbgt__jr_get(root, "provider") ||
	    ddbgt__jr_get(root, "terraform"))
		return DDBGT_IMPORT_TERRAFORM_JSON;
	return DDBGT_IMPORT_AUTO;
}

/* A ddbgt spec is its own single table: the spec loader reads it, positions and all. */
static int import_spec(ddbgt_import *imp, const char *text, size_t len)
{
	ddbgt_table *table = NULL;
	int rc = ddbgt_spec_load_string(&table, text, len, 0, imp->diags);
	if (rc == DDBGT_ENOMEM)
		return rc;
	if (!table)
		return DDBGT_OK;
	ddbgt__itable *t;
	if (ddbgt__import_add_table(
	            &t, imp, ddbgt_table_name(table) ? ddbgt_table_name(table) : imp->name, NULL)) {
		ddbgt_table_free(table);
		return DDBGT_ENOMEM;
	}
	ddbgt_table_free(t->table);
	t->table = table;
	return DDBGT_OK;
}

static const char *first_non_space(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n')
			return text + i;
	return NULL;
}

static int syntax_finding(ddbgt_import *imp, const jr_error *err)
{
	return ddbgt__diag_add_at(imp->diags, err->code, "", err->line, err->column, err->text);
}

static int import_text(ddbgt_import *imp, const char *text, size_t len, ddbgt_import_kind kind)
{
	const char *first = first_non_space(text, len);
	int is_json = first && (*first == '{' || *first == '[');
	/*
	 * Only CloudFormation comes as YAML. Detecting, other text that is not
	 * JSON is reported as the spec loader would (a JSON syntax error), so
	 * that a broken spec keeps its codes.
	 */
	int yaml = !is_json && (kind == DDBGT_IMPORT_CLOUDFORMATION ||
	                        (kind == DDBGT_IMPORT_AUTO &&
	                         (memmem(text, len, "Resources", 9) ||
	                          memmem(text, len, "AWSTemplateFormatVersion", 24))));
	jr_doc *doc = NULL;
	jr_error err;
	int rc;
	if (yaml) {
		rc = ddbgt__yaml_parse(&doc, text, len, DDBGT__IMPORT_MAX_DEPTH, &err);
		if (rc == DDBGT_OK)
			kind = DDBGT_IMPORT_CLOUDFORMATION;
	} else {
		rc = ddbgt__jr_parse(&doc, text, len, DDBGT__IMPORT_MAX_DEPTH, &err);
	}
	if (rc == DDBGT_ENOMEM)
		return rc;
	if (rc != DDBGT_OK)
		return syntax_finding(imp, &err);
	const jr_value *root = ddbgt__jr_root(doc);
	/* A document of no other kind is read as a spec: its loader says what is wrong. */
	if (kind == DDBGT_IMPORT_AUTO)
		kind = detect(root) == DDBGT_IMPORT_AUTO ? DDBGT_IMPORT_SPEC : detect(root);
	else if (kind != DDBGT_IMPORT_SPEC && detect(root) != kind)
		kind = DDBGT_IMPORT_AUTO;
	imp->kind = kind;
	switch (kind) {
	case DDBGT_IMPORT_SPEC: rc = import_spec(imp, text, len); break;
	case DDBGT_IMPORT_TERRAFORM_PLAN: rc = ddbgt__import_terraform_plan(imp, root); break;
	case DDBGT_IMPORT_TERRAFORM_JSON: rc = ddbgt__import_terraform_json(imp, root); break;
	case DDBGT_IMPORT_CLOUDFORMATION: rc = ddbgt__import_cloudformation(imp, root); break;
	case DDBGT_IMPORT_DESCRIBE_TABLE: rc = ddbgt__import_describe_table(imp, root); break;
	default:
		rc = ddbgt__diag_add_at(
		        imp->diags, DDBGT_E_IMPORT_KIND, "", root->line, root->column,
		        "the document is not of the kind --from names (it looks like "
		        "a ddbgt spec, a Terraform plan, a .tf.json configuration, a "
		        "CloudFormation template or describe-table output by its "
		        "top-level keys)");
		break;
	}
	ddbgt__jr_free(doc);
	return rc;
}

/*
 * Finish an import as the public calls return it: the findings about the
 * input to the caller's diags, and *out when tables came out of it
 * (DDBGT_OK); else DDBGT_ESPEC, DDBGT_EIO (io) or DDBGT_ENOMEM, *out NULL.
 */
static int finish(ddbgt_import **out, ddbgt_import *imp, int rc, int io, ddbgt_diags *diags)
{
	if (rc == DDBGT_OK && imp->count == 0 && ddbgt_diags_error_count(imp->diags) == 0)
		rc = ddbgt__diag_add_at(imp->diags, DDBGT_E_IMPORT_NO_TABLES, "", 0, 0,
		                        "the input declares no DynamoDB table");
	if (rc == DDBGT_OK && diags)
		rc = ddbgt_diags_append(diags, imp->diags);
	if (rc == DDBGT_OK && imp->count > 0) {
		*out = imp;
		return DDBGT_OK;
	}
	ddbgt_import_free(imp);
	return rc ? rc : io ? DDBGT_EIO : DDBGT_ESPEC;
}

/* The caller's options (NULL or zeroed: the defaults) in the current layout; 0 or DDBGT_EINVAL. */
static int read_options(ddbgt_import_options *o, const ddbgt_import_options *opts)
{
	memset(o, 0, sizeof *o);
	if (opts && ddbgt__options_read(o, sizeof *o, opts, import_options_ends,
	                                IMPORT_OPTIONS_VERSIONS) != DDBGT_OK)
		return DDBGT_EINVAL;
	if ((unsigned)o->kind > DDBGT_IMPORT_DESCRIBE_TABLE)
		return DDBGT_EINVAL;
	if (!o->max_bytes)
		o->max_bytes = DEFAULT_MAX_BYTES;
	return DDBGT_OK;
}

DDBGT_API int ddbgt_import_buffer(ddbgt_import **out, const char *name, const char *text,
                                  size_t len, const ddbgt_import_options *opts,
                                  ddbgt_diags *diags)
{
	ddbgt_import_options o;
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if ((!text && len) || (name && !ddbgt__utf8_valid(name)) || read_options(&o, opts))
		return DDBGT_EINVAL;
	ddbgt_import *imp;
	if (import_new(&imp, name))
		return DDBGT_ENOMEM;
	int rc;
	if (len > o.max_bytes)
		rc = ddbgt__diag_add_at(imp->diags, DDBGT_E_IMPORT_TOO_LARGE, "", 0, 0,
		                        "the input is larger than the limit of the import options");
	else
		rc = import_text(imp, text ? text : "", len, o.kind);
	return finish(out, imp, rc, 0, diags);
}

/*
 * A whole file of at most limit bytes, through the library's one reader: 0,
 * DDBGT_EIO (errno in *err), DDBGT_ERANGE (too large) or DDBGT_ENOMEM.
 */
static int read_all(char **buf, size_t *len, const char *path, size_t limit, int *err)
{
	struct stat st;
	*buf = NULL;
	/* A regular file's size is known before reading it. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > limit)
		return DDBGT_ERANGE;
	int rc = ddbgt__file_read(buf, len, path, err);
	if (rc == DDBGT_OK && *len > limit) {
		ddbgt__free(*buf);
		*buf = NULL;
		rc = DDBGT_ERANGE;
	}
	return rc;
}

/*
 * A directory of AWS CLI outputs: every *.json file is one object; their
 * top-level members are merged into one document, in file name order, as
 * `jq -s add` would, and imported as describe-table output.
 */
static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int import_dir(ddbgt_import *imp, const char *path, size_t limit)
{
	DIR *dir = opendir(path);
	if (!dir)
		return ddbgt__import_findf(imp, NULL, DDBGT_E_IMPORT_UNREADABLE, "", NULL,
		                           "cannot read the directory %s: %s", path,
		                           strerror(errno));
	char *names[MAX_DIR_FILES];
	size_t n = 0;
	int rc = DDBGT_OK;
	struct dirent *e;
	while (rc == DDBGT_OK && (e = readdir(dir))) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 5, ".json") != 0)
			continue;
		if (n == MAX_DIR_FILES)
			rc = ddbgt__import_findf(imp, NULL, DDBGT_E_IMPORT_TOO_LARGE, "", NULL,
			                         "%s holds more than %d JSON files", path,
			                         MAX_DIR_FILES);
		else if (!(names[n++] = ddbgt__strdup(e->d_name)))
			rc = DDBGT_ENOMEM;
	}
	closedir(dir);
	if (rc) {
		while (n)
			ddbgt__free(names[--n]);
		return rc;
	}
	qsort(names, n, sizeof names[0], cmp_names);
	/* The merged text: "{" member-lists of each object "}", built textually. */
	char *merged = NULL;
	size_t mlen = 0, mcap = 0;
	rc = ddbgt__grow((void **)&merged, &mcap, 2, 1);
	if (rc == DDBGT_OK)
		merged[mlen++] = '{';
	for (size_t i = 0; rc == DDBGT_OK && i < n; i++) {
		char full[4096], *buf;
		size_t len;
		int err = 0;
		snprintf(full, sizeof full, "%s/%s", path, names[i]);
		rc = read_all(&buf, &len, full, limit, &err);
		if (rc == DDBGT_EIO || rc == DDBGT_ERANGE) {
			rc = ddbgt__import_findf(imp, NULL,
			                         rc == DDBGT_EIO ? DDBGT_E_IMPORT_UNREADABLE
			                                         : DDBGT_E_IMPORT_TOO_LARGE,
			                         "", NULL, "cannot read %s: %s", full,
			                         rc == DDBGT_EIO ? strerror(err) : "too large");
			continue;
		}
		if (rc)
			break;
		const char *open = first_non_space(buf, len);
		const char *close = buf + len;
		while (close > buf && close[-1] != '}')
			close--;
		if (!open || *open != '{' || close <= open + 1) {
			rc = ddbgt__import_findf(imp, NULL, DDBGT_E_IMPORT_KIND, "", NULL,
			                         "%s is not a JSON object as the AWS CLI prints",
			                         full);
			ddbgt__free(buf);
			continue;
		}
		const char *body = open + 1;
		size_t blen = (size_t)(close - 1 - body);
		if (first_non_space(body, blen)) {
			rc = ddbgt__grow((void **)&merged, &mcap, mlen + blen + 3, 1);
			if (rc == DDBGT_OK) {
				if (mlen > 1)
					merged[mlen++] = ',';
				memcpy(merged + mlen, body, blen);
				mlen += blen;
			}
		}
		ddbgt__free(buf);
	}
	for (size_t i = 0; i < n; i++)
		ddbgt__free(names[i]);
	if (rc == DDBGT_OK && ddbgt_diags_error_count(imp->diags) == 0) {
		merged[mlen++] = '}';
		rc = import_text(imp, merged, mlen, DDBGT_IMPORT_DESCRIBE_TABLE);
	}
	ddbgt__free(merged);
	return rc;
}

DDBGT_API int ddbgt_import_file(ddbgt_import **out, const char *path,
                                const ddbgt_import_options *opts, ddbgt_diags *diags)
{
	ddbgt_import_options o;
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!path || !ddbgt__utf8_valid(path) || read_options(&o, opts))
		return DDBGT_EINVAL;
	ddbgt_import *imp;
	if (import_new(&imp, path))
		return DDBGT_ENOMEM;
	struct stat st;
	int rc, io = 0;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = import_dir(imp, path, o.max_bytes);
	} else {
		char *buf;
		size_t len;
		int err = 0;
		rc = read_all(&buf, &len, path, o.max_bytes, &err);
		if (rc == DDBGT_EIO) {
			/* Of no known kind yet: a spec's code, as ddbgt_spec_load_file reports it.
			 */
			ddbgt_import_kind k = o.kind;
			io = 1;
			rc = ddbgt__import_findf(imp, NULL,
			                         k == DDBGT_IMPORT_AUTO || k == DDBGT_IMPORT_SPEC
			                                 ? DDBGT_E_SPEC_UNREADABLE
			                                 : DDBGT_E_IMPORT_UNREADABLE,
			                         "", NULL, "cannot read %s: %s", path,
			                         strerror(err));
		} else if (rc == DDBGT_ERANGE) {
			rc = ddbgt__import_findf(
			        imp, NULL, DDBGT_E_IMPORT_TOO_LARGE, "", NULL,
			        "%s is larger than the limit of the import options", path);
		} else if (rc == DDBGT_OK) {
			rc = import_text(imp, buf, len, o.kind);
			ddbgt__free(buf);
		}
	}
	return finish(out, imp, rc, io, diags);
}
