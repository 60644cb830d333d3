#!/bin/sh
# ddbgt cost: the text table, JSON, price overrides, price-file findings, exit codes.
set -u
cli=${DDBGT_CLI:?}
data="$DDBGT_TEST_SRCDIR/data/cost"
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

"$cli" cost "$data/aws-4-1b-provisioned.json" > "$tmp/out" 2> "$tmp/err"; check text 0 $?
contains text "$tmp/out" "prices of 2024-11-01"
contains text "$tmp/out" "eu-west-1  rwcu"
contains text "$tmp/out" "10.73"
contains text "$tmp/out" "TOTAL"
contains text "$tmp/out" "Recommendations"

"$cli" cost --format json - < "$data/aws-4-1b-on-demand.json" > "$tmp/out" 2> "$tmp/err"; check json 0 $?
contains json "$tmp/out" '"amount": "37.0548"'
contains json "$tmp/out" '"currency": "USD"'

"$cli" cost "$data/aws-4-1b-on-demand.json" --prices "$data/override-edp.json" --format json \
	> "$tmp/out" 2> "$tmp/err"; check override 0 $?
contains override "$tmp/out" '"unit_price": "0.50"'
contains override "$tmp/out" '"price_date": "2026-01-01"'

"$cli" cost "$data/aws-4-1b-on-demand.json" --prices "$data/bad-keys.json" > "$tmp/out" 2>&1
check bad-prices 1 $?
contains bad-prices "$tmp/out" "[DDBGT_E_PRICES_UNKNOWN_KEY]"
contains bad-prices "$tmp/out" "at /regions/us-east-1/standard/wrx"

"$cli" cost "$data/aws-4-1b-on-demand.json" --prices "$data/bad-syntax.json" > "$tmp/out" 2>&1
check syntax-prices 3 $?
contains syntax-prices "$tmp/out" "DDBGT_E_PRICES_SYNTAX"

"$cli" cost "$data/aws-4-1b-on-demand.json" --prices /nonexistent.json > "$tmp/out" 2>&1
check missing-prices 3 $?
contains missing-prices "$tmp/out" "DDBGT_E_PRICES_UNREADABLE"

sed 's/"us-east-1"}/"ca-central-1"}/' "$data/aws-4-1b-on-demand.json" > "$tmp/unpriced.json"
"$cli" cost "$tmp/unpriced.json" > "$tmp/out" 2> "$tmp/err"; check unpriced 0 $?
contains unpriced "$tmp/err" "DDBGT_W_PRICE_MISSING"
contains unpriced "$tmp/out" "INCOMPLETE"

"$cli" cost /nonexistent.json > "$tmp/out" 2>&1; check missing-spec 3 $?
"$cli" cost --format yaml "$data/aws-4-1b-on-demand.json" > "$tmp/out" 2>&1; check bad-format 2 $?
"$cli" cost --prices > "$tmp/out" 2>&1; check no-prices-arg 2 $?

# Several specs: one report each, headed by its file; JSON is one array; worst exit.
"$cli" cost "$data/aws-4-1b-on-demand.json" "$data/aws-4-1b-provisioned.json" > "$tmp/out" 2> "$tmp/err"
check many 0 $?
contains many "$tmp/out" "== $data/aws-4-1b-on-demand.json"
contains many "$tmp/out" "== $data/aws-4-1b-provisioned.json"
contains many "$tmp/err" "in 2 specs"
"$cli" cost --format json "$data/aws-4-1b-on-demand.json" "$data/aws-4-1b-provisioned.json" \
	> "$tmp/out" 2> "$tmp/err"; check many-json 0 $?
python3 -c 'import json, sys
a = json.load(open(sys.argv[1]))
assert [r["file"] for r in a] == sys.argv[2:], a
assert a[0]["report"]["currency"] == "USD" and float(a[1]["report"]["total"]) > 0, a' \
	"$tmp/out" "$data/aws-4-1b-on-demand.json" "$data/aws-4-1b-provisioned.json"
check many-json-array 0 $?
sed 's/"region": "eu-west-1"/"region": "us-east-1"/' "$data/aws-4-1b-provisioned.json" > "$tmp/dup.json"
"$cli" cost "$data/aws-4-1b-on-demand.json" "$tmp/dup.json" > "$tmp/out" 2> "$tmp/err"; check many-worst 1 $?
contains many-worst "$tmp/err" "$tmp/dup.json:"
contains many-worst "$tmp/out" "== $data/aws-4-1b-on-demand.json"

echo "cli-cost: $pass passed, $fail failed"
[ "$fail" = 0 ]
