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
contains unknown-key "$tmp/out" "[DDBGT_E_SPEC_UNKNOWN_KEY]"
contains unknown-key "$tmp/out" "at /table/nmae"
contains unknown-key "$tmp/out" "[DDBGT_E_SPEC_MISSING_KEY]"
contains unknown-key "$tmp/out" "at /table/name"

sed 's/"name": "minimal"/"name": 42/' "$data/minimal.json" > "$tmp/type.json"
"$cli" validate --format json "$tmp/type.json" > "$tmp/out" 2>&1; check wrong-type-json 1 $?
contains wrong-type-json "$tmp/out" '"code": "DDBGT_E_SPEC_TYPE"'
contains wrong-type-json "$tmp/out" '"path": "/table/name"'
contains wrong-type-json "$tmp/out" '"valid": false'

printf '{"format": "ddbgt/1",\n  "table": {' > "$tmp/trunc.json"
"$cli" validate "$tmp/trunc.json" > "$tmp/out" 2>&1; check truncated 3 $?
contains truncated "$tmp/out" "$tmp/trunc.json:2:"
contains truncated "$tmp/out" "[DDBGT_E_SPEC_SYNTAX]"

"$cli" validate /nonexistent.json > "$tmp/out" 2>&1; check missing-file 3 $?
contains missing-file "$tmp/out" "DDBGT_E_SPEC_UNREADABLE"

"$cli" validate --format yaml "$data/minimal.json" > "$tmp/out" 2>&1; check bad-format 2 $?

# Findings where editors and CI read them: FILE:LINE:COLUMN, the path below.
vdata="$DDBGT_TEST_SRCDIR/data/validate"
"$cli" validate "$vdata/many-problems.json" > "$tmp/out" 2>&1; check positions 1 $?
contains positions "$tmp/out" "$vdata/many-problems.json:4:13: error: table name \"x\" is not"
contains positions "$tmp/out" "rename the table [DDBGT_E_TABLE_NAME_INVALID]"
contains positions "$tmp/out" "  at /table/name"
contains positions "$tmp/out" "$vdata/many-problems.json:15:16: error: region eu-west-1 appears twice"
"$cli" validate --format json "$vdata/many-problems.json" > "$tmp/out" 2>&1; check positions-json 1 $?
contains positions-json "$tmp/out" '"file": "'"$vdata"'/many-problems.json",'
contains positions-json "$tmp/out" '"line": 4,'
contains positions-json "$tmp/out" '"column": 13'

# Golden text and JSON, byte for byte (run where the spec is, so that FILE is its name).
golden="$DDBGT_TEST_SRCDIR/data/cli"
(cd "$vdata" && "$cli" validate many-problems.json) > "$tmp/out" 2>&1
cmp -s "$tmp/out" "$golden/validate-many-problems.txt" && pass=$((pass + 1)) || {
	echo "FAIL golden-text:"; diff "$golden/validate-many-problems.txt" "$tmp/out"; fail=$((fail + 1)); }
(cd "$vdata" && "$cli" validate --format json many-problems.json) > "$tmp/out" 2>&1
cmp -s "$tmp/out" "$golden/validate-many-problems.json" && pass=$((pass + 1)) || {
	echo "FAIL golden-json:"; diff "$golden/validate-many-problems.json" "$tmp/out"; fail=$((fail + 1)); }

# Several specs and folders in one run: every finding names its file, one summary, worst exit.
mkdir -p "$tmp/specs/sub" "$tmp/specs/.hidden"
cp "$data/minimal.json" "$tmp/specs/a.json"
cp "$vdata/many-problems.json" "$tmp/specs/sub/b.json"
cp "$tmp/trunc.json" "$tmp/specs/.hidden/c.json"
echo 'not a spec' > "$tmp/specs/notes.txt"
"$cli" validate "$tmp/specs" > "$tmp/out" 2>&1; check folder 1 $?
contains folder "$tmp/out" "$tmp/specs/sub/b.json:4:13: error:"
contains folder "$tmp/out" "8 errors, 0 warnings, 0 notes in 2 specs"
"$cli" validate "$data/minimal.json" "$tmp/specs/a.json" > "$tmp/out" 2>&1; check two-valid 0 $?
contains two-valid "$tmp/out" "0 errors, 0 warnings, 0 notes in 2 specs"
"$cli" validate "$tmp/specs" "$tmp/trunc.json" /nonexistent.json > "$tmp/out" 2>&1; check worst 3 $?
contains worst "$tmp/out" "/nonexistent.json: error: cannot read /nonexistent.json"
contains worst "$tmp/out" "in 4 specs"
mkdir "$tmp/empty"
"$cli" validate "$tmp/empty" > "$tmp/out" 2>&1; check empty-folder 0 $?
contains empty-folder "$tmp/out" "no *.json file under $tmp/empty"

# Notes: only when the spec does what they are about; -q hides them, -v adds the fix.
sed 's/"replicas"/"usage": {"read_consistency": "transactional"},\n  "replicas"/' "$data/minimal.json" > "$tmp/txn.json"
"$cli" validate "$tmp/txn.json" > "$tmp/out" 2>&1; check note 0 $?
contains note "$tmp/out" "note: with EVENTUAL consistency a transaction is atomic only"
contains note "$tmp/out" "0 errors, 0 warnings, 1 note"
"$cli" validate -q "$tmp/txn.json" > "$tmp/out" 2>&1; check quiet 0 $?
if grep -q "note:" "$tmp/out"; then echo "FAIL quiet: a note in:"; cat "$tmp/out"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
"$cli" validate -v "$tmp/txn.json" > "$tmp/out" 2>&1; check verbose 0 $?
contains verbose "$tmp/out" "  fix: design readers in other regions"
"$cli" validate "$data/minimal.json" > "$tmp/out" 2>&1; check no-general-note 0 $?
if grep -q TRANSACTIONS_REGIONAL "$tmp/out"; then echo "FAIL no-general-note"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
"$cli" validate -v "$data/minimal.json" > "$tmp/out" 2>&1; check verbose-general-note 0 $?
contains verbose-general-note "$tmp/out" "[DDBGT_I_TRANSACTIONS_REGIONAL]"
contains verbose-general-note "$tmp/out" "at /table/consistency"

# Colour: never when piped unless asked; NO_COLOR is honoured by auto only.
esc=$(printf '\033')
"$cli" validate "$vdata/many-problems.json" > "$tmp/out" 2>&1
if grep -q "$esc" "$tmp/out"; then echo "FAIL no-colour-piped"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
"$cli" validate --color=always "$vdata/many-problems.json" > "$tmp/out" 2>&1
contains colour "$tmp/out" "${esc}[1;31merror:${esc}[0m"
NO_COLOR=1 "$cli" validate --color always "$vdata/many-problems.json" > "$tmp/out" 2>&1
contains colour-over-no-color "$tmp/out" "${esc}[1;31merror:"
"$cli" validate --color=never "$vdata/many-problems.json" > "$tmp/out" 2>&1
if grep -q "$esc" "$tmp/out"; then echo "FAIL colour-never"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
if command -v script > /dev/null 2>&1; then
	# On a terminal colour is on, and NO_COLOR turns it off.
	script -qec "'$cli' validate '$vdata/many-problems.json'" /dev/null > "$tmp/out" 2>&1
	contains colour-tty "$tmp/out" "${esc}[1;31merror:"
	NO_COLOR=1 script -qec "'$cli' validate '$vdata/many-problems.json'" /dev/null > "$tmp/out" 2>&1
	if grep -q "$esc\[1;31m" "$tmp/out"; then echo "FAIL no-color-tty"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
fi
# A hostile table name cannot drive the terminal: control characters print as '?'.
sed 's/"name": "minimal"/"name": "x\\u001b[2J"/' "$data/minimal.json" > "$tmp/hostile.json"
"$cli" validate "$tmp/hostile.json" > "$tmp/out" 2>&1; check hostile 1 $?
if grep -q "$esc" "$tmp/out"; then echo "FAIL hostile: an escape byte in the text"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
contains hostile "$tmp/out" 'table name "x?[2J"'
"$cli" validate --color=sometimes "$data/minimal.json" > "$tmp/out" 2>&1; check bad-color 2 $?
"$cli" frobnicate > "$tmp/out" 2>&1; check unknown-command 2 $?
"$cli" > "$tmp/out" 2>&1; check no-command 2 $?
"$cli" --version > "$tmp/out" 2>&1; check version 0 $?
contains version "$tmp/out" "ddbgt "
"$cli" --help > "$tmp/out" 2>&1; check help 0 $?
contains help "$tmp/out" "  validate    check specs"

echo "cli-validate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
