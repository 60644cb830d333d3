#!/bin/sh
# The Terraform documents checked attribute by attribute against the AWS provider's arguments
# as the npm package @pulumi/aws 7.48.0 declares them (tests/tf-pulumi-check.py says why that
# package): the goldens of tests/data/emit and a fresh emit of every example, the 6.x-only ones
# (warm throughput, contributor insights modes, strong consistency, key_schema) among them.
# Needs the package in the cache tests/fetch-pulumi-aws.sh fills; skipped (77), saying so,
# without it or without python3.
set -u
cli=${DDBGT_CLI:?run through make check}
src=${DDBGT_TOP_SRCDIR:?run through make check}
py=${PYTHON3:-python3}
pkg=${DDBGT_PULUMI_AWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ddbgt}/pulumi-aws-7.48.0/package
command -v "$py" >/dev/null 2>&1 || {
    echo "*** SKIP emit-pulumi: no python3; the 6.29 documents were NOT checked" >&2; exit 77; }
[ -f "$pkg/package.json" ] || {
    echo "*** SKIP emit-pulumi: no @pulumi/aws in $pkg (run tests/fetch-pulumi-aws.sh);" \
         "the 6.29 documents were NOT checked" >&2; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emit-pulumi.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

n=$(sh "$src/tests/emit-examples.sh" "$tmp") || exit 1
for need in multi-attribute-gsi warm-throughput contributor-insights-mode mrsc-witness \
        strong-three; do
    [ -f "$tmp/$need.tf.json" ] || { echo "emit-pulumi: $need was not emitted" >&2; exit 1; }
done
goldens=$(ls "$src"/tests/data/emit/*.tf.json | grep -v '/negative-')
# shellcheck disable=SC2086 # the goldens' names have no spaces
"$py" "$src/tests/tf-pulumi-check.py" "$pkg" "$tmp"/*.tf.json $goldens || exit 1
echo "ok - $n emitted documents and the goldens conform to @pulumi/aws 7.48.0"

# The checker must catch what it claims to: the planted faults of negative-schema6.tf.json and
# a key_schema block with a misspelt argument under a floor too old for key_schema.
if "$py" "$src/tests/tf-pulumi-check.py" "$pkg" "$src/tests/data/emit/negative-schema6.tf.json" \
        > "$tmp/negative" 2>&1; then
    echo "emit-pulumi: the checker accepted a broken document" >&2; exit 1
fi
sed -e 's/"key_type"/"key_typ"/' -e 's/">= 6.29"/">= 6.25"/' \
    "$src/tests/data/emit/multi-attribute-gsi.tf.json" > "$tmp/broken-6.29.tf.json"
"$py" "$src/tests/tf-pulumi-check.py" "$pkg" "$tmp/broken-6.29.tf.json" >> "$tmp/negative" 2>&1
for finding in "stream_enabled: expected a bool" "consistency_mod: unknown argument" \
        "at most one global_table_witness block" "required argument resourceId is missing" \
        "key_typ: unknown argument" "required argument keyType is missing" \
        "older than 6.29.0, which aws_dynamodb_table.global_secondary_index.key_schema needs"; do
    grep -qF "$finding" "$tmp/negative" || {
        echo "emit-pulumi: the checker missed: $finding" >&2; cat "$tmp/negative" >&2; exit 1; }
done
echo "ok - the checker rejects each planted fault"
