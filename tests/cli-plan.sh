#!/bin/sh
# ddbgt plan, template and regions end to end in a temporary folder: the files
# plan writes, what it prints, and its exit codes.
set -u
cli=${DDBGT_CLI:?}
py=${PYTHON3:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
check() { # name, expected exit, actual exit
	if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL $1: exit $3, expected $2"; cat "$tmp/out"; fail=$((fail + 1)); fi
}
contains() { # name, file, text
	if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); else echo "FAIL $1: no '$3' in:"; cat "$2"; fail=$((fail + 1)); fi
}
absent() { # name, path
	if [ ! -e "$2" ]; then pass=$((pass + 1)); else echo "FAIL $1: $2 should not exist"; fail=$((fail + 1)); fi
}
json() { # name, file, python expression over d (the parsed document) that must be true
	if ! command -v "$py" >/dev/null 2>&1; then
		echo "cli-plan: $py not found, JSON check '$1' skipped" >&2
		return
	fi
	if "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$2" "$3"; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: not true of $2: $3"; cat "$2"; fail=$((fail + 1))
	fi
}

# The default pattern, in the current folder.
mkdir "$tmp/here"
(cd "$tmp/here" && "$cli" plan) > "$tmp/out" 2>&1; check default 0 $?
contains default "$tmp/out" "built-in template active-active"
contains default "$tmp/out" "us-east-1        primary"
contains default "$tmp/out" "Strategy: active-active"
contains default "$tmp/out" "Disaster recovery: multi-site active/active"
contains default "$tmp/out" "stream: NEW_AND_OLD_IMAGES"
contains default "$tmp/out" "Monthly cost (USD"
contains default "$tmp/out" "Recommendations:"
contains default "$tmp/out" "0 errors, 0 warnings"
contains default "$tmp/out" "wrote ./main.tf.json"
contains default "$tmp/out" "wrote ./routing.json"
json default-terraform "$tmp/here/main.tf.json" '"aws_dynamodb_table" in d["resource"]'
json default-routing "$tmp/here/routing.json" \
	'd["failover_order"] == ["us-east-1", "us-west-2"] and d["regions"][0]["role"] == "primary"'

# -o DIR is created; JSON output is one document.
"$cli" plan -o "$tmp/out-dir" --format json > "$tmp/plan.json" 2> "$tmp/out"; check json-format 0 $?
json json-format "$tmp/plan.json" \
	'd["valid"] and d["strategy"]["strategy"] == "active-active" and d["topology"]["region_count"] == 2 and "pitr_all" in d["features"]["flags"] and d["diagnostics"]["errors"] == 0 and d["cost"] is not None and d["files"]["terraform"].endswith("/main.tf.json") and d["files"]["routing"].endswith("/routing.json")'
json json-routing "$tmp/out-dir/routing.json" 'len(d["regions"]) == 2'

# Every template, shown as a spec and planned from a file and from standard input.
"$cli" template list > "$tmp/list.txt" 2> "$tmp/out"; check template-list 0 $?
for t in active-active geo-distributed primary-standby eu-residency strong-consistency provisioned-autoscaling; do
	contains template-list "$tmp/list.txt" "$t"
	"$cli" template show "$t" > "$tmp/$t.json" 2> "$tmp/out"; check "show-$t" 0 $?
	"$cli" plan "$tmp/$t.json" -o "$tmp/plan-$t" > "$tmp/out" 2>&1; check "plan-$t" 0 $?
	contains "plan-$t" "$tmp/out" "0 errors, 0 warnings"
	contains "plan-$t" "$tmp/out" "wrote $tmp/plan-$t/main.tf.json"
	json "routing-$t" "$tmp/plan-$t/routing.json" 'd["regions"][0]["failover_rank"] == 0'
done
"$cli" plan - -o "$tmp/stdin" < "$tmp/primary-standby.json" > "$tmp/out" 2>&1; check stdin 0 $?
contains stdin "$tmp/out" "Strategy: primary-standby-cold"
contains stdin "$tmp/out" "standby in us-west-2: role standby, Standard-IA"
contains stdin "$tmp/out" "us-west-2 (standby)"
"$cli" plan "$tmp/strong-consistency.json" -o "$tmp/strong" > "$tmp/out" 2>&1
contains strong "$tmp/out" "RPO zero"
"$cli" template list --format json > "$tmp/list.json" 2> "$tmp/out"; check template-list-json 0 $?
json template-list-json "$tmp/list.json" 'len(d) >= 6 and [t["name"] for t in d if t["default"]] == ["active-active"]'
"$cli" template show strong-consistency --table-name Ledger --regions eu-west-1,eu-west-3 > "$tmp/mrsc.json" 2> "$tmp/out"
check template-options 0 $?
json template-options "$tmp/mrsc.json" \
	'd["table"]["name"] == "Ledger" and d["table"]["witness_region"] in ("eu-west-2", "eu-central-1") and len(d["replicas"]) == 2'
"$cli" template show no-such > "$tmp/out" 2>&1; check template-unknown 2 $?
"$cli" template show strong-consistency --regions a,b,c,d > "$tmp/out" 2>&1; check template-regions 2 $?
"$cli" template > "$tmp/out" 2>&1; check template-no-verb 2 $?

# The region catalogue.
"$cli" regions > "$tmp/out" 2>&1; check regions 0 $?
contains regions "$tmp/out" "eu-west-1"
"$cli" regions --format json > "$tmp/regions.json" 2> "$tmp/out"; check regions-json 0 $?
json regions-json "$tmp/regions.json" 'any(r["code"] == "eu-central-1" for r in d)'
"$cli" regions --format xml > "$tmp/out" 2>&1; check regions-bad-format 2 $?

# The Terraform of every template against the AWS provider 6.25.0 schema (the
# emit area's checker); tests/plan-conformance.sh (`make check-terraform`)
# runs those the 5.100.0 provider mirror can read through terraform itself.
checker="${DDBGT_TOP_SRCDIR:-}/tests/tf-schema-check.py"
schema="${DDBGT_TOP_SRCDIR:-}/tests/data/emit/aws-provider-6.25.0-dynamodb-schema.json"
if command -v "$py" >/dev/null 2>&1 && [ -f "$checker" ]; then
	"$py" "$checker" "$schema" "$tmp"/plan-*/main.tf.json > "$tmp/out" 2>&1; check schema6 0 $?
else
	echo "cli-plan: $py or $checker missing: the templates' Terraform was NOT schema-checked" >&2
fi

# Errors: nothing is written.
sed 's/"name": "ActiveActive"/"nmae": "ActiveActive"/' "$tmp/active-active.json" > "$tmp/typo.json"
"$cli" plan "$tmp/typo.json" -o "$tmp/typo" > "$tmp/out" 2>&1; check spec-errors 1 $?
contains spec-errors "$tmp/out" "DDBGT_E_SPEC_UNKNOWN_KEY"
absent spec-errors "$tmp/typo/routing.json"
absent spec-errors "$tmp/typo/main.tf.json"
# A spec AWS would refuse: every finding, no files, exit 1.
sed 's/"region": "us-west-2"/"region": "us-east-1"/' "$tmp/active-active.json" > "$tmp/dup.json"
"$cli" plan "$tmp/dup.json" -o "$tmp/dup" > "$tmp/out" 2>&1; check invalid 1 $?
contains invalid "$tmp/out" "DDBGT_E_REGION_DUPLICATE"
# The validator's finding at the file, line and column of the value it is about.
grep -q "^$tmp/dup.json:[0-9]*:[0-9]*: error: .*\[DDBGT_E_REGION_DUPLICATE\]" "$tmp/out"; check invalid-position 0 $?
contains invalid "$tmp/out" "Monthly cost: not estimated: the spec has errors"
contains invalid "$tmp/out" "main.tf.json: not written: the spec has errors"
absent invalid "$tmp/dup/main.tf.json"
absent invalid "$tmp/dup/routing.json"
"$cli" plan "$tmp/dup.json" -o "$tmp/dup" --format json > "$tmp/dup.out" 2>&1; check invalid-json 1 $?
json invalid-json "$tmp/dup.out" 'd["valid"] is False and d["cost"] is None and d["files"]["terraform"] is None and d["files"]["routing"] is None and d["diagnostics"]["errors"] >= 1'
printf '{"format": ' > "$tmp/trunc.json"
"$cli" plan "$tmp/trunc.json" -o "$tmp/trunc" > "$tmp/out" 2>&1; check unparsable 3 $?
absent unparsable "$tmp/trunc/routing.json"
"$cli" plan /nonexistent.json > "$tmp/out" 2>&1; check missing 3 $?
: > "$tmp/a-file"
"$cli" plan -o "$tmp/a-file/sub" > "$tmp/out" 2>&1; check unwritable 3 $?
"$cli" plan --frobnicate > "$tmp/out" 2>&1; check bad-option 2 $?
"$cli" plan a.json b.json > "$tmp/out" 2>&1; check two-specs 2 $?
"$cli" plan --format yaml > "$tmp/out" 2>&1; check bad-format 2 $?
"$cli" plan -o > "$tmp/out" 2>&1; check o-without-dir 2 $?

echo "cli-plan: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
