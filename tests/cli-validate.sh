#!/bin/sh
# ddbgt validate: exit codes, codes and paths in text and JSON, standard input.
set -u
cli=${DDBGT_CLI:?}
data="$DDBGT_TEST_SRCDIR/data/spec"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
check() { # name, expected exit, actual exit
	if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL $1: exit $3, expected $2"; fail=$((fail + 1)); fi
}
contains() { # name, file, text
	if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else echo "FAIL $1: no '$3' in:"; cat "$2"; fail=$((fail + 1)); fi
}

"$cli" validate "$data/minimal.json" > "$tmp/out" 2>&1; check minimal 0 $?
contains minimal "$tmp/out" "0 errors"

"$cli" validate - < "$data/minimal.json" > "$tmp/out" 2>&1; check stdin 0 $?

sed 's/"name": "minimal"/"nmae": "minimal"/' "$data/minimal.json" > "$tmp/typo.json"
"$cli" validate "$tmp/typo.json" > "$tmp/out" 2>&1; check unknown-key 1 $?
contains unknown-key "$tmp/out" "DDBGT_E_SPEC_UNKNOWN_KEY /table/nmae"
contains unknown-key "$tmp/out" "DDBGT_E_SPEC_MISSING_KEY /table/name"

sed 's/"name": "minimal"/"name": 42/' "$data/minimal.json" > "$tmp/type.json"
"$cli" validate --format json "$tmp/type.json" > "$tmp/out" 2>&1; check wrong-type-json 1 $?
contains wrong-type-json "$tmp/out" '"code": "DDBGT_E_SPEC_TYPE"'
contains wrong-type-json "$tmp/out" '"path": "/table/name"'
contains wrong-type-json "$tmp/out" '"valid": false'

printf '{"format": "ddbgt/1",\n  "table": {' > "$tmp/trunc.json"
"$cli" validate "$tmp/trunc.json" > "$tmp/out" 2>&1; check truncated 3 $?
contains truncated "$tmp/out" "DDBGT_E_SPEC_SYNTAX / line 2"

"$cli" validate /nonexistent.json > "$tmp/out" 2>&1; check missing-file 3 $?
contains missing-file "$tmp/out" "DDBGT_E_SPEC_UNREADABLE"

"$cli" validate --format yaml "$data/minimal.json" > "$tmp/out" 2>&1; check bad-format 2 $?
"$cli" validate a.json b.json > "$tmp/out" 2>&1; check two-specs 2 $?
"$cli" frobnicate > "$tmp/out" 2>&1; check unknown-command 2 $?
"$cli" > "$tmp/out" 2>&1; check no-command 2 $?
"$cli" --version > "$tmp/out" 2>&1; check version 0 $?
contains version "$tmp/out" "ddbgt "
"$cli" --help > "$tmp/out" 2>&1; check help 0 $?
contains help "$tmp/out" "validate [SPEC]"

echo "cli-validate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
