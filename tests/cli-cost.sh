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

# The operations object's CloudWatch lines: 15 alarm metrics a region, the dashboard at home.
"$cli" cost "$DDBGT_TEST_SRCDIR/../examples/specs/operations.json" > "$tmp/out" 2> "$tmp/err"
check operations 0 $?
contains operations "$tmp/out" "eu-west-1  cloudwatch_alarm_metrics"
contains operations "$tmp/out" "us-east-1  cloudwatch_dashboards"
contains operations "$tmp/out" "6.00 USD"

# China is a partition of its own, priced in CNY: the embedded USD table leaves it out.
cat > "$tmp/unpriced.json" <<'EOF'
{"format": "ddbgt/1",
 "table": {"name": "orders", "billing_mode": "PAY_PER_REQUEST",
           "partition_key": {"name": "pk", "type": "S"}},
 "replicas": [{"region": "cn-north-1"}, {"region": "cn-northwest-1"}],
 "usage": {"writes_per_second": {"cn-north-1": 5}}}
EOF
"$cli" cost "$tmp/unpriced.json" > "$tmp/out" 2> "$tmp/err"; check unpriced 0 $?
contains unpriced "$tmp/err" "DDBGT_W_PRICE_MISSING"
contains unpriced "$tmp/out" "INCOMPLETE"
contains unpriced "$tmp/err" "CNY"

# Every commercial region of the catalogue is priced: a spec there, with a usage profile
# that asks for every line, estimates complete.
"$cli" regions --format json |
	awk -F'"' '/"code":/ { code = $4 } /"partition": "aws"/ { print code }' > "$tmp/regions"
[ "$(wc -l < "$tmp/regions")" -ge 36 ]; check commercial-regions 0 $?
while read -r region; do
	other=us-east-1
	[ "$region" = us-east-1 ] && other=us-west-2
	cat > "$tmp/geo.json" <<EOF
{"format": "ddbgt/1",
 "table": {"name": "orders", "billing_mode": "PAY_PER_REQUEST",
           "partition_key": {"name": "pk", "type": "S"},
           "point_in_time_recovery": {"enabled": true}},
 "replicas": [{"region": "$region", "contributor_insights": true}, {"region": "$other"}],
 "usage": {"writes_per_second": {"$region": 10, "$other": 5},
           "reads_per_second": {"$region": 50, "$other": 20}, "storage_gb": 100,
           "stream_reads_per_month": 1000000,
           "backups": {"per_month": 4, "retention_days": 35, "restores_per_month": 1}}}
EOF
	"$cli" cost --format json "$tmp/geo.json" > "$tmp/out" 2> "$tmp/err"; check "cost-$region" 0 $?
	contains "complete-$region" "$tmp/out" '"complete": true'
	contains "backup-$region" "$tmp/out" '"item": "backup"'
done < "$tmp/regions"

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
