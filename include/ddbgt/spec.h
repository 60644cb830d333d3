/*
 * libddbgt: reading and writing spec documents (format "ddbgt/1").
 *
 * The loader checks the document's shape: JSON syntax (with line and
 * column), unknown keys, wrong types, missing keys, values outside their
 * enumeration or numeric range. Every finding goes into the caller's diags
 * list (which may be NULL), all in one pass and in document order (a missing
 * key right after the members of its object). Whether the values make a table
 * AWS would accept is the validator's business, not the loader's.
 *
 * The dumper writes the canonical document: keys in the order of the spec
 * format, only the settings the model holds, 2-space indent, final newline.
 * Loading a canonical document and dumping it gives the same bytes.
 */
#ifndef DDBGT_SPEC_H
#define DDBGT_SPEC_H

#include "common.h"
#include "table.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/* jansson's value type, for callers who already hold a parsed document. */
struct json_t;

/*
 * Flags of the load calls, as jansson's json_loads has: none is defined yet,
 * so pass 0. A bit this version does not know is refused (DDBGT_EINVAL)
 * rather than ignored, so that a program written for a later version fails
 * plainly here instead of being served half of what it asked for.
 */
#define DDBGT_SPEC_LOAD_FLAGS_KNOWN 0u

/*
 * Load a spec from len bytes of text. On success *out is a new table (free
 * it with ddbgt_table_free) and warnings, if any, are in diags. When the
 * document has errors, *out is NULL and the status is DDBGT_ESPEC. flags: 0
 * (see DDBGT_SPEC_LOAD_FLAGS_KNOWN).
 */
DDBGT_API int ddbgt_spec_load_string(ddbgt_table **out, const char *text, size_t len,
                                     unsigned flags, ddbgt_diags *diags);
/* Load a spec from a file; DDBGT_EIO (and a DDBGT_E_SPEC_UNREADABLE finding) if unreadable. */
DDBGT_API int ddbgt_spec_load_file(ddbgt_table **out, const char *path, unsigned flags,
                                   ddbgt_diags *diags);
/*
 * Load a spec from a jansson value (no line or column in the findings). The
 * value is only read: every allocation goes through the library allocator.
 */
DDBGT_API int ddbgt_spec_load_json(ddbgt_table **out, const struct json_t *json, unsigned flags,
                                   ddbgt_diags *diags);

/*
 * Flags of the dump calls, as jansson's json_dumps has; 0 is the canonical
 * document. A bit not listed here is refused with DDBGT_EINVAL.
 * DDBGT_SPEC_DUMP_COMPACT: the whole document on one line, with no
 * indentation and no spaces (still a final newline). A jansson value has
 * no layout, so ddbgt_spec_dump_json accepts it and is not changed by it.
 */
#define DDBGT_SPEC_DUMP_COMPACT 0x1u
#define DDBGT_SPEC_DUMP_FLAGS_KNOWN DDBGT_SPEC_DUMP_COMPACT

/* The document as a NUL-terminated string; the caller frees *out with ddbgt_free. */
DDBGT_API int ddbgt_spec_dump_string(char **out, const ddbgt_table *table, unsigned flags);
/*
 * Write the document to path, replacing it atomically: the text goes to a
 * new file in the same directory, then renamed over path (no fsync: atomic
 * for readers, not a durability barrier). On any failure (DDBGT_EIO, DDBGT_ENOMEM) path keeps its old content
 * and no temporary file is left. An empty path is DDBGT_EINVAL.
 */
DDBGT_API int ddbgt_spec_dump_file(const ddbgt_table *table, const char *path, unsigned flags);
/*
 * The document as a new jansson value; the caller releases it with
 * json_decref. The value is allocated by jansson's allocator (the host
 * program's json_set_alloc_funcs), not the library's, which serves only the
 * intermediate text.
 */
DDBGT_API int ddbgt_spec_dump_json(struct json_t **out, const ddbgt_table *table,
                                   unsigned flags);

/*
 * Where each value of a spec document sits, for findings a caller wants to
 * show at a line and column (the validator and emitters work on the model,
 * which keeps no positions, so their findings carry only a path). Built from
 * the same text as the table, only by callers who want it: loading costs
 * nothing extra without it. Free with ddbgt_spec_positions_free (NULL-safe).
 */
typedef struct ddbgt_spec_positions ddbgt_spec_positions;

/*
 * Parse len bytes of spec text and keep the line and column (1-based) of
 * every value, to be found by its JSON Pointer. flags: 0, as for the load
 * calls (DDBGT_SPEC_LOAD_FLAGS_KNOWN; another bit is DDBGT_EINVAL).
 * DDBGT_ESPEC when the text is not JSON the loader would read (the loader's
 * own findings say why), DDBGT_ENOMEM; *out is NULL then.
 */
DDBGT_API int ddbgt_spec_positions_new(ddbgt_spec_positions **out, const char *text, size_t len,
                                       unsigned flags);
DDBGT_API void ddbgt_spec_positions_free(ddbgt_spec_positions *positions);
/*
 * The line and column of the value at path (a JSON Pointer such as
 * "/replicas/1/region"); a value the document leaves out gets the position
 * of its nearest ancestor that is present, so a finding about a default
 * points at the object that omitted it. DDBGT_EINVAL for a path that is not
 * a JSON Pointer; *line and *column are 0 unless the status is DDBGT_OK.
 */
DDBGT_API int ddbgt_spec_positions_find(int *line, int *column,
                                        const ddbgt_spec_positions *positions, const char *path);

/*
 * Which spec a finding is about, and where in it. The loader knows the line
 * and column of the values it reports on; the validator and the emitters see
 * only the model, so their findings carry a path alone. ddbgt_diags_locate
 * gives every finding that has no file yet the name file (NULL leaves it
 * unknown) and, when it has no line, the position of its path in positions
 * (NULL: none). Findings that already name a file are left as they are, so a
 * program checking many specs can locate after each and merge the lists with
 * ddbgt_diags_append. file must be UTF-8 (DDBGT_EINVAL otherwise: it is
 * written into JSON and SARIF). Returns 0, DDBGT_EINVAL or DDBGT_ENOMEM.
 */
DDBGT_API int ddbgt_diags_locate(ddbgt_diags *diags, const char *file,
                                 const ddbgt_spec_positions *positions);

#ifdef __cplusplus
}
#endif

#endif
