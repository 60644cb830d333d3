#!/bin/sh
# ddbgt diff: text and JSON, the exit codes (0 safe, 1 replace or refused, 2 usage,
# 3 unreadable input), --allow-replace, standard input.
set -u
cli=${DDBGT_CLI:?}
data="$DDBGT_TEST_SRCDIR/data/diff"
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

"$cli" diff "$data/capacity/old.json" "$data/capacity/old.json" > "$tmp/out" 2> "$tmp/err"
check same 0 $?
contains same "$tmp/out" "0 changes: 0 replace, 0 refused, 0 rate-limited; 0 UpdateTable calls"

"$cli" diff "$data/plan-multi/old.json" "$data/plan-multi/new.json" > "$tmp/out" 2> "$tmp/err"
check safe 0 $?
contains safe "$tmp/out" "in_place /table/capacity/read (capacity): 100 -> 150"
contains safe "$tmp/out" "  3. UpdateTable: create GSI by-owner and wait until its backfill ends"
contains safe "$tmp/out" "8 changes: 0 replace, 0 refused, 1 rate-limited; 7 UpdateTable calls"
contains safe "$tmp/out" "0 errors, 1 warning, 1 note"

"$cli" diff "$data/key-schema/old.json" "$data/key-schema/new.json" > "$tmp/out" 2> "$tmp/err"
check replace 1 $?
contains replace "$tmp/out" "replace /table/partition_key (key-schema)"
contains replace "$tmp/out" "1 error, 0 warnings, 0 notes"

"$cli" diff --allow-replace "$data/key-schema/old.json" "$data/key-schema/new.json" > "$tmp/out" 2> "$tmp/err"
check allow-replace 0 $?
contains allow-replace "$tmp/out" "0 errors, 1 warning, 0 notes"

"$cli" diff --allow-replace "$data/consistency/old.json" "$data/consistency/new.json" > "$tmp/out" 2> "$tmp/err"
check refused 1 $?
contains refused "$tmp/out" "refused /table/consistency (consistency)"

"$cli" diff --format json "$data/ttl-rename/old.json" - < "$data/ttl-rename/new.json" > "$tmp/out" 2> "$tmp/err"
check json 0 $?
contains json "$tmp/out" '"rule": "ttl-rename"'
contains json "$tmp/out" '"limit": "one TTL change per table per hour: the rename takes two, about an hour apart"'
contains json "$tmp/out" '"api": "UpdateTimeToLive"'
if [ -n "${PYTHON3:-}" ]; then
	"$PYTHON3" -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["rate_limited"] == 1 and d["items"][0]["old"] == "expires_at"' "$tmp/out"
	check json-parses 0 $?
fi

"$cli" diff "$data/capacity/old.json" > "$tmp/out" 2> "$tmp/err"; check one-spec 2 $?
contains one-spec "$tmp/err" "usage: ddbgt diff OLD NEW"
"$cli" diff a b c > "$tmp/out" 2> "$tmp/err"; check three-specs 2 $?
"$cli" diff - - > "$tmp/out" 2> "$tmp/err"; check two-stdin 2 $?
"$cli" diff --format xml a b > "$tmp/out" 2> "$tmp/err"; check bad-format 2 $?
"$cli" diff --bogus a b > "$tmp/out" 2> "$tmp/err"; check bad-option 2 $?

"$cli" diff "$tmp/absent.json" "$data/capacity/old.json" > "$tmp/out" 2> "$tmp/err"; check unreadable 3 $?
contains unreadable "$tmp/err" "DDBGT_E_SPEC_UNREADABLE"
printf '{"format": "ddbgt/1", "table": ' > "$tmp/broken.json"
"$cli" diff "$data/capacity/old.json" "$tmp/broken.json" > "$tmp/out" 2> "$tmp/err"; check syntax 3 $?
contains syntax "$tmp/err" "DDBGT_E_SPEC_SYNTAX"
printf '{"format": "ddbgt/1", "table": {"name": 5}, "replicas": []}' > "$tmp/shape.json"
"$cli" diff "$tmp/shape.json" "$data/capacity/old.json" > "$tmp/out" 2> "$tmp/err"; check shape 3 $?
contains shape "$tmp/err" "cannot compare $tmp/shape.json"

# OLD from the importers: the Terraform plan of a spec, and the live table's
# describe-table outputs, compare equal to the spec they came from.
imp="$DDBGT_TEST_SRCDIR/data/import"
"$cli" diff "$imp/plan/provisioned-gsi.plan.json" "${DDBGT_TOP_SRCDIR:?}/examples/specs/provisioned-gsi.json" \
	> "$tmp/out" 2> "$tmp/err"; check plan-old 0 $?
contains plan-old "$tmp/out" "0 changes: 0 replace"
"$cli" diff --from describe-table "$imp/describe" "$imp/describe.spec.json" > "$tmp/out" 2> "$tmp/err"
check live-old 0 $?
contains live-old "$tmp/out" "0 changes: 0 replace"
"$cli" diff --from describe-table "$imp/describe/table.json" "$imp/describe.spec.json" > "$tmp/out" 2> "$tmp/err"
check live-partial 0 $?
contains live-partial "$tmp/out" "in_place /table/ttl_attribute (ttl): (absent) -> \"expires_at\""
"$cli" diff --from terraform-plan "$data/capacity/old.json" "$data/capacity/new.json" > "$tmp/out" 2> "$tmp/err"
check wrong-kind 3 $?
contains wrong-kind "$tmp/err" "DDBGT_E_IMPORT_KIND"
"$cli" diff --from bogus a b > "$tmp/out" 2> "$tmp/err"; check bad-from 2 $?

"$cli" explain DDBGT_E_DIFF_REPLACE > "$tmp/out" 2> "$tmp/err"; check explain 0 $?
contains explain "$tmp/out" "recreates the table or a replica"

echo "cli-diff: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
