/*
 * The command's inputs: FILE arguments into files, and each file into the
 * tables it holds. cli_input_read is the one place a file becomes specs: a
 * ddbgt spec, or a Terraform plan or configuration, a CloudFormation
 * template or a live table's AWS CLI output, imported through the library's
 * import API into a list of (address, table, findings).
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper folders are most likely a symbolic link loop. */
#define MAX_DIR_DEPTH 32

char *cli_read_stream(FILE *f, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *bigger = realloc(buf, cap *= 2);
			if (!bigger) {
				free(buf);
				return NULL;
			}
			buf = bigger;
		}
	}
	if (buf && ferror(f)) {
		free(buf);
		return NULL;
	}
	/* Room is left: the buffer grows whenever it fills. */
	if (buf)
		buf[n] = '\0';
	*len = n;
	return buf;
}

/* Input trouble (exit 3) rather than findings about a table (exit 1). */
static int is_input_problem(const ddbgt_diags *d)
{
	static const ddbgt_code codes[] = {
	        DDBGT_E_SPEC_SYNTAX,      DDBGT_E_SPEC_ENCODING,    DDBGT_E_SPEC_DUPLICATE_KEY,
	        DDBGT_E_SPEC_TOO_DEEP,    DDBGT_E_SPEC_UNREADABLE,  DDBGT_E_IMPORT_SYNTAX,
	        DDBGT_E_IMPORT_KIND,      DDBGT_E_IMPORT_NO_TABLES, DDBGT_E_IMPORT_UNREADABLE,
	        DDBGT_E_IMPORT_TOO_LARGE,
	};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (ddbgt_diags_has(d, codes[i]))
			return 1;
	return 0;
}

/* The exit status of a load or import: unparsable or unreadable is input trouble (3). */
static int load_status(int rc, const ddbgt_diags *diags)
{
	if (rc == DDBGT_OK)
		return CLI_OK;
	if (rc == DDBGT_ENOMEM) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	if (rc == DDBGT_EINVAL) {
		fprintf(stderr, "ddbgt: %s\n", ddbgt_strerror(rc));
		return CLI_INPUT;
	}
	return rc == DDBGT_EIO || is_input_problem(diags) ? CLI_INPUT : CLI_INVALID;
}

/* The whole of path ("-": standard input); NULL with errno set when unreadable. */
static char *read_path(const char *path, size_t *len)
{
	if (strcmp(path, "-") == 0)
		return cli_read_stream(stdin, len);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = cli_read_stream(f, len);
	int err = errno;
	fclose(f);
	errno = err;
	return text;
}

void cli_specs_free(cli_spec *specs, size_t count)
{
	for (size_t i = 0; specs && i < count; i++) {
		free(specs[i].name);
		free(specs[i].text);
		ddbgt_table_free(specs[i].table);
		ddbgt_diags_free(specs[i].diags);
		ddbgt_spec_positions_free(specs[i].positions);
		free(specs[i].address);
	}
	/* Every table of a file shares its import. */
	if (specs)
		ddbgt_import_free(specs[0].imp);
	free(specs);
}

static cli_spec *new_spec(const char *path)
{
	cli_spec *s = calloc(1, sizeof *s);
	int stdin_ = strcmp(path, "-") == 0;
	if (!s || !(s->name = strdup(stdin_ ? "<stdin>" : path)) || ddbgt_diags_new(&s->diags)) {
		cli_specs_free(s, 1);
		return NULL;
	}
	s->from_stdin = stdin_;
	return s;
}

/*
 * Import the text of s (or, for a folder, the AWS CLI outputs in it) and
 * make a spec of each table the input declares; *specs is then the list,
 * s its first entry. Findings about the input as a whole go to the first.
 */
static int import_specs(cli_spec *s, const char *path, ddbgt_import_kind kind,
                        cli_spec **specs, size_t *count)
{
	ddbgt_import_options opts = DDBGT_IMPORT_OPTIONS_INIT;
	ddbgt_import *imp = NULL;
	opts.kind = kind;
	int rc = s->text ? ddbgt_import_buffer(&imp, s->name, s->text, s->len, &opts,
	                                       s->diags)
	                 : ddbgt_import_file(&imp, path, &opts, s->diags);
	/* A name that is not UTF-8 cannot go into findings: import it unnamed. */
	if (rc == DDBGT_EINVAL && s->text)
		rc = ddbgt_import_buffer(&imp, NULL, s->text, s->len, &opts, s->diags);
	s->status = load_status(rc, s->diags);
	size_t n = ddbgt_import_table_count(imp);
	if (s->status != CLI_OK || n == 0) {
		ddbgt_import_free(imp);
		return CLI_OK;
	}
	cli_spec *list = realloc(s, n * sizeof *list);
	if (!list) {
		ddbgt_import_free(imp);
		return CLI_INPUT;
	}
	*specs = list;
	*count = 1;
	memset(list + 1, 0, (n - 1) * sizeof *list);
	list[0].imp = imp; /* the owner until every table is copied */
	/* A spec's own positions place the validator's findings; an import locates its own. */
	int spec = ddbgt_import_input_kind(imp) == DDBGT_IMPORT_SPEC;
	for (size_t i = 0; i < n; i++) {
		cli_spec *t = &list[i];
		if (i > 0) {
			*count = i + 1;
			t->from_stdin = list[0].from_stdin;
			if (!(t->name = strdup(list[0].name)) || ddbgt_diags_new(&t->diags))
				return CLI_INPUT;
		}
		t->imp = spec ? NULL : imp;
		t->index = i;
		t->line = ddbgt_import_table_line(imp, i);
		t->column = ddbgt_import_table_column(imp, i);
		if (!spec && !(t->address = strdup(ddbgt_import_table_address(imp, i))))
			return CLI_INPUT;
		if (ddbgt_diags_append(t->diags, ddbgt_import_table_diags(imp, i)) ||
		    ddbgt_table_copy(&t->table, ddbgt_import_table_at(imp, i)))
			return CLI_INPUT;
		/* The table is there to check: its import findings count when the command judges it. */
		t->status = CLI_OK;
	}
	if (spec) {
		list[0].imp = NULL;
		ddbgt_import_free(imp);
		if (list[0].status == CLI_OK &&
		    ddbgt_spec_positions_new(&list[0].positions, list[0].text, list[0].len, 0) ==
		            DDBGT_ENOMEM)
			return CLI_INPUT;
	}
	return CLI_OK;
}

int cli_input_read(const char *path, ddbgt_import_kind kind, cli_spec **specs, size_t *count)
{
	*specs = NULL;
	*count = 0;
	cli_spec *s = new_spec(path);
	if (!s) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	/* A folder to import is one live table's AWS CLI outputs; a spec cannot be one. */
	int folder = kind != DDBGT_IMPORT_SPEC && cli_is_dir(path);
	size_t len = 0;
	char *text = folder ? NULL : read_path(path, &len);
	s->text = text;
	s->len = len;
	*specs = s;
	*count = 1;
	if (!folder && !text) {
		char message[512];
		snprintf(message, sizeof message, "cannot read %s: %s", s->name, strerror(errno));
		s->status = CLI_INPUT;
		if (ddbgt_diags_add(s->diags, DDBGT_E_SPEC_UNREADABLE, DDBGT_SEVERITY_ERROR, "",
		                    NULL, message))
			goto oom;
	} else if (kind == DDBGT_IMPORT_SPEC) {
		s->status = load_status(ddbgt_spec_load_string(&s->table, text, len, 0, s->diags),
		                        s->diags);
		/* Positions only for a spec that loaded: the loader placed its own findings. */
		if (s->status == CLI_OK &&
		    ddbgt_spec_positions_new(&s->positions, text, len, 0) == DDBGT_ENOMEM)
			s->status = CLI_INPUT;
	} else if (import_specs(s, path, kind, specs, count)) {
		goto oom;
	}
	/* The loader's and importer's findings are placed in the file now. */
	for (size_t i = 0; i < *count; i++)
		if (cli_spec_locate(&(*specs)[i]))
			return CLI_INPUT;
	return CLI_OK;
oom:
	cli_specs_free(*specs, *count);
	*specs = NULL;
	*count = 0;
	fputs("ddbgt: out of memory\n", stderr);
	return CLI_INPUT;
}

int cli_spec_locate(cli_spec *spec)
{
	/* An imported table's findings point at the values they came from, or at the resource. */
	int rc = spec->imp ? ddbgt_import_table_annotate(spec->imp, spec->index, spec->diags) : 0;
	if (rc == DDBGT_ENOMEM) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	rc = ddbgt_diags_locate(spec->diags, spec->name, spec->positions);
	/* A file name that is not UTF-8 cannot go into JSON: the findings keep their place only. */
	if (rc == DDBGT_EINVAL)
		rc = ddbgt_diags_locate(spec->diags, NULL, spec->positions);
	if (rc) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	return CLI_OK;
}

int cli_load_spec(const char *path, ddbgt_table **out, ddbgt_spec_positions **positions,
                  ddbgt_diags *diags)
{
	cli_spec *specs = NULL;
	size_t count = 0;
	*out = NULL;
	if (positions)
		*positions = NULL;
	int rc = cli_input_read(path ? path : "-", DDBGT_IMPORT_SPEC, &specs, &count);
	if (rc == CLI_OK) {
		rc = specs[0].status;
		if (ddbgt_diags_append(diags, specs[0].diags)) {
			fputs("ddbgt: out of memory\n", stderr);
			rc = CLI_INPUT;
		} else if (rc == CLI_OK) {
			*out = specs[0].table;
			specs[0].table = NULL;
			if (positions) {
				*positions = specs[0].positions;
				specs[0].positions = NULL;
			}
		}
	}
	cli_specs_free(specs, count);
	return rc;
}

/* --- SPEC arguments into files -------------------------------------------- */

typedef struct path_list {
	char **items;
	size_t count, cap;
} path_list;

static int push(path_list *l, char *path)
{
	if (!path)
		return -1;
	if (l->count == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		char **bigger = realloc(l->items, cap * sizeof *bigger);
		if (!bigger) {
			free(path);
			return -1;
		}
		l->items = bigger;
		l->cap = cap;
	}
	l->items[l->count++] = path;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && strcmp(name + n - k, suffix) == 0;
}

/* A spec is JSON; an input to import may also be a CloudFormation template in YAML. */
static int is_input_name(const char *name, ddbgt_import_kind kind)
{
	return has_suffix(name, ".json") ||
	       (kind != DDBGT_IMPORT_SPEC &&
	        (has_suffix(name, ".yaml") || has_suffix(name, ".yml") ||
	         has_suffix(name, ".template")));
}

/* Add the input files under dir; 0, or -1 after a message. */
static int walk_dir(path_list *l, const char *dir, ddbgt_import_kind kind, int depth)
{
	if (depth > MAX_DIR_DEPTH) {
		fprintf(stderr, "ddbgt: %s: folders nest too deep\n", dir);
		return -1;
	}
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "ddbgt: cannot read folder %s: %s\n", dir, strerror(errno));
		return -1;
	}
	path_list here = {0};
	struct dirent *e;
	int rc = 0;
	while (!rc && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *full = malloc(n);
		if (full)
			snprintf(full, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			         e->d_name);
		rc = push(&here, full);
	}
	closedir(d);
	if (rc)
		fputs("ddbgt: out of memory\n", stderr);
	if (here.count) /* an empty folder has no array: qsort wants one */
		qsort(here.items, here.count, sizeof *here.items, by_name);
	for (size_t i = 0; i < here.count; i++) {
		struct stat st;
		char *p = here.items[i];
		here.items[i] = NULL;
		if (rc || stat(p, &st) != 0) {
			free(p);
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk_dir(l, p, kind, depth + 1);
			free(p);
		} else if (S_ISREG(st.st_mode) && is_input_name(p, kind)) {
			if ((rc = push(l, p)))
				fputs("ddbgt: out of memory\n", stderr);
		} else {
			free(p);
		}
	}
	free(here.items);
	return rc;
}

void cli_paths_free(char **paths, size_t count)
{
	for (size_t i = 0; paths && i < count; i++)
		free(paths[i]);
	free(paths);
}

int cli_is_dir(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_input_list(char **args, int nargs, ddbgt_import_kind kind, char ***paths, size_t *count)
{
	path_list l = {0};
	int rc = nargs == 0 ? push(&l, strdup("-")) : 0;
	for (int i = 0; !rc && i < nargs; i++) {
		/* describe-table output is a folder per live table: the importer reads it whole. */
		if (cli_is_dir(args[i]) && kind != DDBGT_IMPORT_DESCRIBE_TABLE) {
			size_t before = l.count;
			if ((rc = walk_dir(&l, args[i], kind, 0)))
				break;
			if (l.count == before)
				fprintf(stderr, "ddbgt: no *.json file under %s%s\n", args[i],
				        kind == DDBGT_IMPORT_SPEC ? "" : " (nor *.yaml, *.yml, *.template)");
		} else if ((rc = push(&l, strdup(args[i])))) {
			fputs("ddbgt: out of memory\n", stderr);
		}
	}
	if (rc) {
		cli_paths_free(l.items, l.count);
		return CLI_INPUT;
	}
	*paths = l.items;
	*count = l.count;
	return CLI_OK;
}

int cli_each_spec(char **args, int nargs, ddbgt_import_kind kind, cli_spec_fn fn, void *ctx,
                  size_t *nspecs)
{
	char **paths = NULL;
	size_t npaths = 0;
	*nspecs = 0;
	int worst = cli_input_list(args, nargs, kind, &paths, &npaths), stop = worst != CLI_OK;
	for (size_t i = 0; !stop && i < npaths; i++) {
		cli_spec *specs = NULL;
		size_t count = 0;
		if (cli_input_read(paths[i], kind, &specs, &count) != CLI_OK)
			stop = 1;
		for (size_t k = 0; !stop && k < count; k++) {
			++*nspecs;
			stop = fn(&specs[k], ctx) < 0;
			if (specs[k].status > worst)
				worst = specs[k].status;
		}
		if (stop)
			worst = CLI_INPUT;
		cli_specs_free(specs, count);
	}
	cli_paths_free(paths, npaths);
	return worst;
}

int cli_load_one(const char *path, ddbgt_import_kind kind, cli_spec **out)
{
	size_t count = 0;
	int rc = cli_input_read(path ? path : "-", kind, out, &count);
	if (rc == CLI_OK && count > 1) {
		fprintf(stderr, "ddbgt: %s declares %zu tables:", (*out)[0].name, count);
		for (size_t i = 0; i < count; i++)
			fprintf(stderr, " %s", (*out)[i].address);
		fputs("; this command takes one (ddbgt import -o DIR writes a spec for each)\n",
		      stderr);
		rc = CLI_USAGE;
	}
	if (rc != CLI_OK) {
		cli_specs_free(*out, count);
		*out = NULL;
	}
	return rc;
}

int cli_parse_from(const char *value, ddbgt_import_kind *kind)
{
	return ddbgt_import_kind_from_name(kind, value) == DDBGT_OK ? 0 : -1;
}

int cli_from_option(const char *command, int argc, char **argv, int *i, ddbgt_import_kind *kind)
{
	int missing = 0;
	const char *v = cli_option_value(argc, argv, i, "--from", &missing);
	if (!v && !missing)
		return 0;
	if (!v || cli_parse_from(v, kind))
		return cli_usage_error(command, CLI_FROM_USAGE);
	return 1;
}

int cli_load_input(const char *path, ddbgt_import_kind kind, ddbgt_import **out, ddbgt_diags *diags)
{
	ddbgt_import_options opts = DDBGT_IMPORT_OPTIONS_INIT;
	opts.kind = kind;
	int rc;
	*out = NULL;
	if (!path || strcmp(path, "-") == 0) {
		size_t len = 0;
		char *text = cli_read_stream(stdin, &len);
		if (!text) {
			fprintf(stderr, "ddbgt: cannot read standard input: %s\n", strerror(errno));
			return CLI_INPUT;
		}
		rc = ddbgt_import_buffer(out, "-", text, len, &opts, diags);
		free(text);
	} else {
		rc = ddbgt_import_file(out, path, &opts, diags);
	}
	return load_status(rc, diags);
}
