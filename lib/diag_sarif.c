/*
 * Findings as SARIF 2.1.0 (OASIS), the format code scanning services read
 * (GitHub, GitLab): one run, one rule per catalogue code, one result per
 * finding with its file, line and column when known.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "jsonwrite.h"
#include "ddbgt/diag.h"

/* SARIF's result levels for ddbgt's severities (SARIF 2.1.0 section 3.27.10). */
static const char *level(ddbgt_severity severity)
{
	switch (severity) {
	case DDBGT_SEVERITY_ERROR: return "error";
	case DDBGT_SEVERITY_WARNING: return "warning";
	default: return "note";
	}
}

static void text_property(jw *w, const char *key, const char *text)
{
	ddbgt__jw_key(w, key);
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "text");
	ddbgt__jw_string(w, text);
	ddbgt__jw_object_end(w);
}

/*
 * A file name as a URI reference relative to the run's directory (SARIF
 * 3.4.3 wants a valid URI): unreserved characters and "/" stay, every other
 * byte is percent-encoded (RFC 3986 section 2.1).
 */
static void write_uri(jw *w, const char *file)
{
	size_t n = strlen(file);
	char small[512], *uri = small;
	if (3 * n + 1 > sizeof small && !(uri = ddbgt__malloc(3 * n + 1))) {
		ddbgt__jw_fail(w, DDBGT_ENOMEM);
		return;
	}
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)file; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p)) {
			uri[k++] = (char)*p;
		} else {
			snprintf(uri + k, 4, "%%%02X", *p);
			k += 3;
		}
	}
	uri[k] = '\0';
	ddbgt__jw_string(w, uri);
	if (uri != small)
		ddbgt__free(uri);
}

static void write_rules(jw *w)
{
	char help[1024];
	ddbgt__jw_key(w, "rules");
	ddbgt__jw_array_begin(w);
	for (size_t i = 0; i < ddbgt_code_count(); i++) {
		ddbgt_code c = ddbgt_code_at(i);
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "id");
		ddbgt__jw_string(w, ddbgt_code_name(c));
		text_property(w, "shortDescription", ddbgt_code_summary(c));
		/* The text of `ddbgt explain CODE`. */
		snprintf(help, sizeof help, "%s\nfix: %s\nsource: %s", ddbgt_code_summary(c),
		         ddbgt_code_hint(c), ddbgt_code_source(c));
		text_property(w, "help", help);
		ddbgt__jw_key(w, "defaultConfiguration");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "level");
		ddbgt__jw_string(w, level(ddbgt_code_severity(c)));
		ddbgt__jw_object_end(w);
		ddbgt__jw_key(w, "properties");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "value");
		ddbgt__jw_int(w, (int64_t)c);
		ddbgt__jw_object_end(w);
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_array_end(w);
}

static size_t rule_index(ddbgt_code code)
{
	size_t i = 0;
	while (i < ddbgt_code_count() && ddbgt_code_at(i) != code)
		i++;
	return i;
}

static void write_result(jw *w, const ddbgt_diags *diags, size_t i)
{
	const char *file = ddbgt_diags_file(diags, i), *region = ddbgt_diags_region(diags, i);
	int line = ddbgt_diags_line(diags, i);
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "ruleId");
	ddbgt__jw_string(w, ddbgt_diags_code_name(diags, i));
	ddbgt__jw_key(w, "ruleIndex");
	ddbgt__jw_int(w, (int64_t)rule_index(ddbgt_diags_code(diags, i)));
	ddbgt__jw_key(w, "level");
	ddbgt__jw_string(w, level(ddbgt_diags_severity(diags, i)));
	text_property(w, "message", ddbgt_diags_message(diags, i));
	ddbgt__jw_key(w, "locations");
	ddbgt__jw_array_begin(w);
	ddbgt__jw_object_begin(w);
	if (file) {
		ddbgt__jw_key(w, "physicalLocation");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "artifactLocation");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "uri");
		write_uri(w, file);
		ddbgt__jw_object_end(w);
		if (line > 0) {
			ddbgt__jw_key(w, "region");
			ddbgt__jw_object_begin(w);
			ddbgt__jw_key(w, "startLine");
			ddbgt__jw_int(w, line);
			ddbgt__jw_key(w, "startColumn");
			ddbgt__jw_int(w, ddbgt_diags_column(diags, i));
			ddbgt__jw_object_end(w);
		}
		ddbgt__jw_object_end(w);
	}
	/* The JSON Pointer names the value whether or not a position is known. */
	ddbgt__jw_key(w, "logicalLocations");
	ddbgt__jw_array_begin(w);
	ddbgt__jw_object_begin(w);
	ddbgt__jw_key(w, "fullyQualifiedName");
	ddbgt__jw_string(w, ddbgt_diags_path(diags, i)[0] ? ddbgt_diags_path(diags, i) : "/");
	ddbgt__jw_object_end(w);
	ddbgt__jw_array_end(w);
	ddbgt__jw_object_end(w);
	ddbgt__jw_array_end(w);
	if (region) {
		ddbgt__jw_key(w, "properties");
		ddbgt__jw_object_begin(w);
		ddbgt__jw_key(w, "region");
		ddbgt__jw_string(w, region);
		ddbgt__jw_object_end(w);
	}
	ddbgt__jw_object_end(w);
}

DDBGT_API int ddbgt_diags_to_sarif(char **out, const ddbgt_diags *diags)
{
	if (!out)
		return DDBGT_EINVAL;
	*out = NULL;
	if (!diags)
		return DDBGT_EINVAL;
	jw w;
	ddbgt__jw_init(&w, 0, 16384 + 512 * ddbgt_diags_count(diags));
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "$schema");
	ddbgt__jw_string(&w, "https://json.schemastore.org/sarif-2.1.0.json");
	ddbgt__jw_key(&w, "version");
	ddbgt__jw_string(&w, "2.1.0");
	ddbgt__jw_key(&w, "runs");
	ddbgt__jw_array_begin(&w);
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "tool");
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "driver");
	ddbgt__jw_object_begin(&w);
	ddbgt__jw_key(&w, "name");
	ddbgt__jw_string(&w, "ddbgt");
	ddbgt__jw_key(&w, "version");
	ddbgt__jw_string(&w, ddbgt_version_string());
	write_rules(&w);
	ddbgt__jw_object_end(&w);
	ddbgt__jw_object_end(&w);
	ddbgt__jw_key(&w, "results");
	ddbgt__jw_array_begin(&w);
	for (size_t i = 0; i < ddbgt_diags_count(diags); i++)
		write_result(&w, diags, i);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	ddbgt__jw_array_end(&w);
	ddbgt__jw_object_end(&w);
	return ddbgt__jw_finish(&w, out, NULL);
}
