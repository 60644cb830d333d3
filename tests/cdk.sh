#!/bin/sh
# libddbgt against the AWS CDK: the template ddbgt emits for
# examples/specs/three-region-cmk-pitr.json must agree with what CDK TableV2
# synthesizes for the same table (tests/data/cdk/, compared by
# tests/cdk-compare.py), and a changed setting must make the comparison fail.
# When node finds aws-cdk-lib (NODE_PATH), the CDK program is synthesized again
# and must give the committed template; otherwise that step alone is skipped.
set -u
cli=${DDBGT_CLI:?run through make check}
src=${DDBGT_TOP_SRCDIR:?run through make check}
py=${PYTHON3:-python3}
if ! "$py" -c 'import json' 2>/dev/null; then
    echo "cdk: SKIPPED: no python3" >&2
    exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cdk.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cdk=$src/tests/data/cdk
fail=0

"$cli" emit --target cloudformation -o "$tmp/ours.json" "$src/examples/specs/three-region-cmk-pitr.json" \
    2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
"$py" "$src/tests/cdk-compare.py" "$tmp/ours.json" "$cdk/three-region-cmk-pitr.template.json" || fail=1

# The comparison must be able to fail: another KMS key in one replica.
sed 's/3333cccc-3333-cccc-3333-cccc3333cccc/4444dddd-4444-dddd-4444-dddd4444dddd/' "$tmp/ours.json" > "$tmp/changed.json"
if "$py" "$src/tests/cdk-compare.py" "$tmp/changed.json" "$cdk/three-region-cmk-pitr.template.json" > /dev/null; then
    echo "cdk: a changed KMS key passed the comparison: the check cannot fail" >&2
    fail=1
fi

if command -v node > /dev/null && node -e 'require.resolve("aws-cdk-lib")' 2> /dev/null; then
    if ! node "$cdk/three-region-cmk-pitr.js" "$tmp/cdk.out" > "$tmp/cdk.json"; then
        echo "cdk: the TableV2 program failed" >&2
        fail=1
    elif ! "$py" -c 'import json,sys
sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$tmp/cdk.json" "$cdk/three-region-cmk-pitr.template.json"; then
        echo "cdk: aws-cdk-lib $(node -p 'require("aws-cdk-lib/package.json").version') synthesizes another template than the committed one:" >&2
        diff "$cdk/three-region-cmk-pitr.template.json" "$tmp/cdk.json" | head -40 >&2
        fail=1
    else
        echo "cdk: aws-cdk-lib $(node -p 'require("aws-cdk-lib/package.json").version') synthesizes the committed template"
    fi
else
    echo "cdk: synthesis SKIPPED: node or aws-cdk-lib not found (npm install aws-cdk-lib constructs; NODE_PATH=.../node_modules)"
fi
exit "$fail"
