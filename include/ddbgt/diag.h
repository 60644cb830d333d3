/*
 * libddbgt: diagnostics.
 *
 * A ddbgt_diags is a list of findings shared by the spec loader, the
 * validator, the price loader and the emitters. Each finding has a stable
 * code (string and enum value, see codes.h), a severity, a JSON Pointer into
 * the spec ("/replicas/2/region"), the region it concerns (or NULL), a
 * message, and a line and column (1-based, 0 when unknown): the loader's
 * findings have them, and ddbgt_diags_locate gives the others the file,
 * line and column of the spec value they are about.
 *
 * The catalogue of codes (default severity, summary, fix hint, source) is
 * one table in the library, read through ddbgt_code_*.
 */
#ifndef DDBGT_DIAG_H
#define DDBGT_DIAG_H

#include "common.h"
#include "codes.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ddbgt_diags ddbgt_diags;

/*
 * A new empty list, which the caller frees with ddbgt_diags_free
 * (NULL-safe). Freeing it frees every finding and the strings its
 * accessors returned.
 */
DDBGT_API int ddbgt_diags_new(ddbgt_diags **out);
DDBGT_API void ddbgt_diags_free(ddbgt_diags *diags);
/* Remove every finding. */
DDBGT_API void ddbgt_diags_clear(ddbgt_diags *diags);

/*
 * Append a finding. code must be in the catalogue (DDBGT_ENOTFOUND
 * otherwise); severity DDBGT_SEVERITY_OFF drops it silently; path defaults to
 * "" (the document), region and message may be NULL. Bytes of path, region
 * and message that are not part of valid UTF-8 are stored as '?', so the
 * list always serialises.
 */
DDBGT_API int ddbgt_diags_add(ddbgt_diags *diags, ddbgt_code code, ddbgt_severity severity,
                              const char *path, const char *region, const char *message);
/* Append copies of every finding of src. */
DDBGT_API int ddbgt_diags_append(ddbgt_diags *diags, const ddbgt_diags *src);

/* How many findings the list holds, in all and at each severity; 0 for NULL. */
DDBGT_API size_t ddbgt_diags_count(const ddbgt_diags *diags);
DDBGT_API size_t ddbgt_diags_error_count(const ddbgt_diags *diags);
DDBGT_API size_t ddbgt_diags_warning_count(const ddbgt_diags *diags);
DDBGT_API size_t ddbgt_diags_info_count(const ddbgt_diags *diags);
/* 1 when there is no error (warnings allowed). */
DDBGT_API int ddbgt_diags_is_valid(const ddbgt_diags *diags);
/* 1 when some finding has this code. */
DDBGT_API int ddbgt_diags_has(const ddbgt_diags *diags, ddbgt_code code);

/* Accessors by index; NULL / 0 / DDBGT_CODE_NONE out of range. */
DDBGT_API ddbgt_code ddbgt_diags_code(const ddbgt_diags *diags, size_t i);
DDBGT_API const char *ddbgt_diags_code_name(const ddbgt_diags *diags, size_t i);
DDBGT_API ddbgt_severity ddbgt_diags_severity(const ddbgt_diags *diags, size_t i);
DDBGT_API const char *ddbgt_diags_path(const ddbgt_diags *diags, size_t i);
DDBGT_API const char *ddbgt_diags_region(const ddbgt_diags *diags, size_t i);
DDBGT_API const char *ddbgt_diags_message(const ddbgt_diags *diags, size_t i);
DDBGT_API int ddbgt_diags_line(const ddbgt_diags *diags, size_t i);
DDBGT_API int ddbgt_diags_column(const ddbgt_diags *diags, size_t i);

/*
 * The list as JSON: {"valid": b, "errors": n, "warnings": n, "diagnostics":
 * [{"code","severity","path","region","message"[,"file"][,"line","column"]}...]},
 * 2-space indented with a final newline. The caller frees *out with ddbgt_free.
 */
DDBGT_API int ddbgt_diags_to_json(char **out, const ddbgt_diags *diags);
/* One line per finding for a person: "error DDBGT_E_X /path (region): message". Caller frees. */
DDBGT_API int ddbgt_diags_to_text(char **out, const ddbgt_diags *diags);

/* The catalogue: every code, in numeric order. */
DDBGT_API size_t ddbgt_code_count(void);
DDBGT_API ddbgt_code ddbgt_code_at(size_t i);
/* "DDBGT_E_REGION_DUPLICATE"; NULL for a code not in the catalogue. */
DDBGT_API const char *ddbgt_code_name(ddbgt_code code);
/* The code of a name; DDBGT_CODE_NONE when unknown. */
DDBGT_API ddbgt_code ddbgt_code_from_name(const char *name);
DDBGT_API ddbgt_severity ddbgt_code_severity(ddbgt_code code);
DDBGT_API const char *ddbgt_code_summary(ddbgt_code code);
DDBGT_API const char *ddbgt_code_hint(ddbgt_code code);
DDBGT_API const char *ddbgt_code_source(ddbgt_code code);

/*
 * The file a finding is about, set by ddbgt_diags_locate (spec.h); NULL when
 * unknown or out of range.
 */
DDBGT_API const char *ddbgt_diags_file(const ddbgt_diags *diags, size_t i);

/*
 * The list as a SARIF 2.1.0 log (the format of GitHub and GitLab code
 * scanning): one run of the tool "ddbgt" whose rules are every catalogue
 * code (summary, fix and source as help), and one result per finding with
 * its file, line and column when known (ddbgt_diags_locate) and its JSON
 * Pointer as a logical location. The caller frees *out with ddbgt_free.
 */
DDBGT_API int ddbgt_diags_to_sarif(char **out, const ddbgt_diags *diags);

#ifdef __cplusplus
}
#endif

#endif
