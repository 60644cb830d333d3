#!/bin/sh
# ddbgt validate --format sarif: the log of a run over several specs (errors,
# warnings, notes, a syntax error, an unreadable file) is valid against the
# SARIF 2.1.0 JSON schema of OASIS (tests/data/sarif/README names its source
# and licence), checked with python3-jsonschema; and it says what it must.
set -u
cli=${DDBGT_CLI:?}
data="$DDBGT_TEST_SRCDIR/data"
schema="$data/sarif/sarif-schema-2.1.0.json"
python=${PYTHON3:-python3}
if [ ! -f "$schema" ]; then
	echo "cli-sarif: $schema is missing: skipped" >&2
	exit 77
fi
if ! "$python" -c 'import jsonschema' 2>/dev/null; then
	echo "cli-sarif: python3-jsonschema is not installed (deps.sh installs it): skipped" >&2
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/specs"
cp "$data/validate/many-problems.json" "$data/spec/full.json" "$tmp/specs/"
printf '{"format": "ddbgt/1",\n  "table": {' > "$tmp/specs/broken spec.json"
cd "$tmp" || exit 1
"$cli" validate --format sarif specs /nonexistent.json > "$tmp/log.sarif"
[ $? -eq 3 ] || { echo "FAIL: exit status $?, expected 3"; exit 1; }
"$python" - "$schema" "$tmp/log.sarif" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, schema, cls=jsonschema.Draft7Validator,
                    format_checker=jsonschema.FormatChecker())
run, = log["runs"]
rules = run["tool"]["driver"]["rules"]
results = run["results"]
fail = []
def want(cond, what):
    if not cond:
        fail.append(what)
want(len({r["id"] for r in rules}) == len(rules), "rule ids are unique")
want(all(r["help"]["text"] for r in rules), "every rule has help")
for res in results:
    want(rules[res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex matches ruleId")
levels = {r["level"] for r in results}
want(levels == {"error", "warning", "note"}, "errors, warnings and notes: %s" % levels)
by_code = {}
for res in results:
    by_code.setdefault(res["ruleId"], []).append(res)
name = by_code["DDBGT_E_TABLE_NAME_INVALID"][0]["locations"][0]
want(name["physicalLocation"]["artifactLocation"]["uri"] == "specs/many-problems.json", "relative uri")
want(name["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 13}, "line and column")
want(name["logicalLocations"][0]["fullyQualifiedName"] == "/table/name", "the JSON Pointer")
syntax = by_code["DDBGT_E_SPEC_SYNTAX"][0]["locations"][0]["physicalLocation"]
want(syntax["artifactLocation"]["uri"] == "specs/broken%20spec.json", "escaped uri: %s" % syntax)
want(syntax["region"]["startLine"] == 2, "syntax error line")
unreadable = by_code["DDBGT_E_SPEC_UNREADABLE"][0]["locations"][0]["physicalLocation"]
want("region" not in unreadable, "no region for an unreadable file")
for f in fail:
    print("FAIL", f)
print("cli-sarif: %d results, %d rules, %d failed" % (len(results), len(rules), len(fail)))
sys.exit(1 if fail else 0)
PY
