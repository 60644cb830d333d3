/*
 * Internal: a JSON document rendered as YAML 1.2 block style, for the
 * CloudFormation target's --format yaml. The JSON (the one writer's output)
 * is read back with jsonread.h, so that both formats carry the same tree.
 *
 * Output is deterministic: members in document order, two spaces per level,
 * sequences under a key indented by two, "{}" and "[]" for empty
 * containers, a final newline. A string is written plain only when no
 * YAML 1.1 or 1.2 reader can take it for anything else (it starts with a
 * letter, holds only [A-Za-z0-9_./:-], does not end with ':' and is no
 * boolean- or null-like word); every other string is double-quoted with
 * escapes for '"', '\\', the C0 controls, DEL, and the characters YAML reads
 * as line breaks or a byte-order mark (U+0085, U+2028, U+2029, U+FEFF).
 */
#ifndef DDBGT_LIB_YAMLWRITE_H
#define DDBGT_LIB_YAMLWRITE_H

#include <stddef.h>

/*
 * The YAML text of the JSON document json (json_len bytes) into *out (freed
 * with ddbgt__free), its length into *len (may be NULL). DDBGT_EINVAL for
 * text that is not one JSON document, DDBGT_ENOMEM.
 */
int ddbgt__yaml_from_json(char **out, size_t *len, const char *json, size_t json_len);

#endif
