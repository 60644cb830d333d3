#!/bin/sh
# ddbgt import and --from in validate/cost/plan: specs written per table, findings with
# FILE:LINE:COLUMN, exit codes (0, 1, 2 usage, 3 bad input).
set -u
cli=${DDBGT_CLI:?run through make check}
data=${DDBGT_TEST_SRCDIR:?run through make check}/data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli-import.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
check() { # description, expected exit, actual exit
    n=$((n + 1))
    if [ "$2" -eq "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1 (exit $3, want $2)"; fail=1; fi
}
contains() { # description, file, text
    n=$((n + 1))
    if grep -qF -- "$3" "$2"; then echo "ok $n - $1"; else
        echo "not ok $n - $1: no '$3' in"; sed 's/^/#   /' "$2"; fail=1; fi
}

"$cli" import "$data/import/plan/provisioned-gsi.plan.json" > "$tmp/spec.json" 2> "$tmp/err"
check "import of a plan" 0 $?
contains "the spec names the table" "$tmp/spec.json" '"name": "inventory"'
"$cli" validate "$tmp/spec.json" > "$tmp/out"
check "the imported spec validates" 0 $?

"$cli" import -o "$tmp/out.d" "$data/emit/provisioned-gsi.tf.json" "$data/import/describe" \
    > "$tmp/out" 2> "$tmp/err"
check "import of two inputs into a folder" 0 $?
[ -f "$tmp/out.d/inventory.json" ] && [ -f "$tmp/out.d/orders.json" ]
check "a spec per table" 0 $?

"$cli" import "$data/emit/provisioned-gsi.tf.json" "$data/import/describe" > "$tmp/out" 2> "$tmp/err"
check "two tables need -o" 2 $?

printf '{"Resources": {"T": {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {\n"TableName": {"Fn::Sub": "${AWS::StackName}-t"}, "KeySchema": [], "Replicas": [{"Region": "us-east-1"}]}}}}\n' \
    > "$tmp/t.json"
"$cli" import "$tmp/t.json" > "$tmp/out" 2> "$tmp/err"
check "an unresolved name is a warning" 0 $?
contains "the finding has file, line and column" "$tmp/err" "$tmp/t.json:2:14: warning DDBGT_W_IMPORT_UNRESOLVED T /TableName"

"$cli" validate "$data/import/plan/provisioned-gsi.plan.json" > "$tmp/out"
check "validate takes a plan" 0 $?
contains "and names the table's address and position" "$tmp/out" "== aws_dynamodb_table.inventory ($data/import/plan/provisioned-gsi.plan.json:"
"$cli" validate --format json "$data/import/plan/provisioned-gsi.plan.json" > "$tmp/out"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["tables"][0]; assert t["address"] == "aws_dynamodb_table.inventory" and t["file"].endswith(".plan.json") and t["line"] > 1 and t["result"]["valid"]' "$tmp/out"
check "as JSON: address, file, line, column and the result" 0 $?
"$cli" validate --from cloudformation "$data/import/plan/provisioned-gsi.plan.json" > "$tmp/out"
check "--from forces the kind" 3 $?
contains "and says why" "$tmp/out" "DDBGT_E_IMPORT_KIND"
"$cli" validate --from hcl "$tmp/t.json" > "$tmp/out" 2>&1
check "--from with an unknown kind" 2 $?
"$cli" cost "$data/emit/provisioned-gsi.tf.json" > "$tmp/out" 2> "$tmp/err"
check "cost takes a .tf.json" 0 $?
"$cli" plan -o "$tmp/plan.d" "$data/import/plan/two-region-on-demand.plan.json" > "$tmp/out" 2>&1
check "plan takes a plan" 0 $?
[ -f "$tmp/plan.d/main.tf.json" ]
check "and writes main.tf.json" 0 $?

cat > "$tmp/two.yaml" <<'YAML'
Resources:
  A:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
      Replicas: [{Region: us-east-1}, {Region: eu-west-1}]
  B:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: events
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
      KeySchema: [{AttributeName: pk, KeyType: HASH}]
      Replicas: [{Region: us-east-1}, {Region: us-east-1}]
YAML
"$cli" validate "$tmp/two.yaml" > "$tmp/out"
check "validate gives a result per table, the worst exit" 1 $?
contains "each named by its address and position" "$tmp/out" "== B ($tmp/two.yaml:12:5)"
"$cli" validate --format json "$tmp/two.yaml" > "$tmp/out"
check "the same as JSON" 1 $?
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [t["address"] for t in d["tables"]] == ["A", "B"]; assert d["tables"][0]["result"]["valid"] and not d["tables"][1]["result"]["valid"]' "$tmp/out"
check "one JSON document with both results" 0 $?
"$cli" cost "$tmp/two.yaml" > "$tmp/out" 2> "$tmp/err"
check "cost prices each table, refusing the invalid one" 1 $?
contains "a report per table, named by address" "$tmp/out" "== A ($tmp/two.yaml:3:5)"
contains "the invalid one's finding placed in the template" "$tmp/err" "$tmp/two.yaml:18:"
"$cli" plan -o "$tmp/plan2.d" "$tmp/two.yaml" > "$tmp/out" 2> "$tmp/err"
check "plan takes one table" 2 $?
contains "and names them" "$tmp/err" "declares 2 tables: A B"

# Several inputs of mixed kinds in one run, folders included.
mkdir -p "$tmp/mixed/sub"
cp "$tmp/two.yaml" "$tmp/mixed/sub/cfn.yaml"
cp "$data/import/plan/provisioned-gsi.plan.json" "$tmp/mixed/plan.json"
"$cli" validate "$tmp/spec.json" "$tmp/mixed" > "$tmp/out"
check "validate takes specs, imports and folders together" 1 $?
contains "the plan's table by address" "$tmp/out" "== aws_dynamodb_table.inventory ($tmp/mixed/plan.json:"
contains "the template's tables" "$tmp/out" "== B ($tmp/mixed/sub/cfn.yaml:12:5)"
contains "a finding at the imported value" "$tmp/out" "$tmp/mixed/sub/cfn.yaml:18:"
contains "one summary over them all" "$tmp/out" "in 4 specs"
"$cli" validate --format sarif "$tmp/mixed" > "$tmp/out"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]["results"]; l=[x["locations"][0]["physicalLocation"] for x in r if x["ruleId"]=="DDBGT_E_REGION_DUPLICATE"]; assert l and l[0]["artifactLocation"]["uri"].endswith("cfn.yaml") and l[0]["region"]["startLine"] == 18, l' "$tmp/out"
check "SARIF places an imported table's finding in its file" 0 $?
"$cli" validate --format json "$tmp/spec.json" "$tmp/two.yaml" > "$tmp/out"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["tables"]; assert [x["address"] for x in t] == [None, "A", "B"]; d=[f for f in t[2]["result"]["diagnostics"] if f["code"]=="DDBGT_E_REGION_DUPLICATE"]; assert d and d[0]["line"] == 18 and d[0]["file"].endswith("two.yaml"), d' "$tmp/out"
check "JSON: a spec and an import, each finding with its file and line" 0 $?
"$cli" validate --from describe-table "$data/import/describe" > "$tmp/out"
check "with --from describe-table a folder is one live table (a GSI without write auto scaling)" 1 $?
contains "named by its table" "$tmp/out" "== orders ($data/import/describe:"

printf '{"format_version": "1.2", "planned_values": {"root_module": {' > "$tmp/trunc.json"
"$cli" import "$tmp/trunc.json" > "$tmp/out" 2> "$tmp/err"
check "a truncated plan is bad input" 3 $?
contains "with its position" "$tmp/err" "$tmp/trunc.json:1:"
printf 'Resources:\n  A: &a [*a]\n' > "$tmp/loop.yaml"
"$cli" import "$tmp/loop.yaml" > "$tmp/out" 2> "$tmp/err"
check "an alias loop is bad input" 3 $?
contains "named as such" "$tmp/err" "DDBGT_E_IMPORT_SYNTAX"
"$cli" import > "$tmp/out" 2>&1
check "import without a file" 2 $?
echo "1..$n"
exit $fail
