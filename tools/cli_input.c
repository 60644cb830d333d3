/*
 * The command's inputs: SPEC arguments into files, and each file into the
 * specs it holds. cli_input_read is the one place a file becomes specs, so a
 * new input kind is one more branch there.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper folders are most likely a symbolic link loop. */
#define MAX_DIR_DEPTH 32

static char *read_stream(FILE *f, size_t *len)
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

/* The exit status of a failed load: not JSON at all, or unreadable, is input trouble (3). */
static int load_status(int rc, const ddbgt_diags *diags)
{
	if (rc == DDBGT_OK)
		return CLI_OK;
	if (rc == DDBGT_ENOMEM) {
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	if (rc == DDBGT_EIO || ddbgt_diags_has(diags, DDBGT_E_SPEC_SYNTAX) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_ENCODING) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_DUPLICATE_KEY) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_TOO_DEEP) ||
	    ddbgt_diags_has(diags, DDBGT_E_SPEC_UNREADABLE))
		return CLI_INPUT;
	return CLI_INVALID;
}

/* The whole of path ("-": standard input); NULL with errno set when unreadable. */
static char *read_path(const char *path, size_t *len)
{
	if (strcmp(path, "-") == 0)
		return read_stream(stdin, len);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = read_stream(f, len);
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
	}
	free(specs);
}

int cli_input_read(const char *path, cli_spec **specs, size_t *count)
{
	*specs = NULL;
	*count = 0;
	cli_spec *s = calloc(1, sizeof *s);
	int stdin_ = strcmp(path, "-") == 0;
	if (!s || !(s->name = strdup(stdin_ ? "<stdin>" : path)) || ddbgt_diags_new(&s->diags)) {
		cli_specs_free(s, 1);
		fputs("ddbgt: out of memory\n", stderr);
		return CLI_INPUT;
	}
	size_t len = 0;
	char *text = read_path(path, &len);
	s->from_stdin = stdin_;
	s->text = text;
	if (!text) {
		char message[512];
		snprintf(message, sizeof message, "cannot read %s: %s", s->name, strerror(errno));
		s->status = CLI_INPUT;
		if (ddbgt_diags_add(s->diags, DDBGT_E_SPEC_UNREADABLE, DDBGT_SEVERITY_ERROR, "",
		                    NULL, message)) {
			cli_specs_free(s, 1);
			fputs("ddbgt: out of memory\n", stderr);
			return CLI_INPUT;
		}
	} else {
		s->status = load_status(ddbgt_spec_load_string(&s->table, text, len, 0, s->diags),
		                        s->diags);
		/* Positions only for a spec that loaded: the loader placed its own findings. */
		if (s->status == CLI_OK &&
		    ddbgt_spec_positions_new(&s->positions, text, len, 0) == DDBGT_ENOMEM)
			s->status = CLI_INPUT;
	}
	*specs = s;
	*count = 1;
	return cli_spec_locate(s);
}

int cli_spec_locate(cli_spec *spec)
{
	int rc = ddbgt_diags_locate(spec->diags, spec->name, spec->positions);
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
	int rc = cli_input_read(path ? path : "-", &specs, &count);
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

static int is_json_name(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

/* Add the *.json files under dir; 0, or -1 after a message. */
static int walk_dir(path_list *l, const char *dir, int depth)
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
	qsort(here.items, here.count, sizeof *here.items, by_name);
	for (size_t i = 0; i < here.count; i++) {
		struct stat st;
		char *p = here.items[i];
		here.items[i] = NULL;
		if (rc || stat(p, &st) != 0) {
			free(p);
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk_dir(l, p, depth + 1);
			free(p);
		} else if (S_ISREG(st.st_mode) && is_json_name(p)) {
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

int cli_input_list(char **args, int nargs, char ***paths, size_t *count)
{
	path_list l = {0};
	int rc = nargs == 0 ? push(&l, strdup("-")) : 0;
	for (int i = 0; !rc && i < nargs; i++) {
		if (cli_is_dir(args[i])) {
			size_t before = l.count;
			if ((rc = walk_dir(&l, args[i], 0)))
				break;
			if (l.count == before)
				fprintf(stderr, "ddbgt: no *.json file under %s\n", args[i]);
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

int cli_each_spec(char **args, int nargs, cli_spec_fn fn, void *ctx, size_t *nspecs)
{
	char **paths = NULL;
	size_t npaths = 0;
	*nspecs = 0;
	int worst = cli_input_list(args, nargs, &paths, &npaths), stop = worst != CLI_OK;
	for (size_t i = 0; !stop && i < npaths; i++) {
		cli_spec *specs = NULL;
		size_t count = 0;
		if (cli_input_read(paths[i], &specs, &count) != CLI_OK)
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
