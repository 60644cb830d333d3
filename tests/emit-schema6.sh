#!/bin/sh
# Documents that need AWS provider 6.x arguments (strong consistency, the
# witness, replica deletion protection), which the 5.100.0 mirror cannot plan,
# are checked against the provider 6.25.0 schema digest: argument names, JSON
# types, block shapes and the version floor. The other examples must conform
# to 6.25.0 as well. Skipped (77), loudly, without python3.
set -u
cli=${DDBGT_CLI:?run through make check}
src=${DDBGT_TOP_SRCDIR:?run through make check}
py=${PYTHON3:-python3}
command -v "$py" >/dev/null 2>&1 || {
    echo "*** SKIP emit-schema6: no python3; the 6.x documents were NOT checked" >&2; exit 77; }
schema=${DDBGT_TF_SCHEMA6:-$src/tests/data/emit/aws-provider-6.25.0-dynamodb-schema.json}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emit-schema6.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# No provider creates a replica in another account: emit must refuse the multi-account
# example by name.
spec=$src/examples/specs/multi-account.json
if "$cli" emit "$spec" > /dev/null 2> "$tmp/multi-account.err" ||
        ! grep -q DDBGT_E_EMIT_MULTI_ACCOUNT "$tmp/multi-account.err"; then
    echo "emit-schema6: $spec was not refused with DDBGT_E_EMIT_MULTI_ACCOUNT:" >&2
    cat "$tmp/multi-account.err" >&2
    exit 1
fi
sh "$src/tests/emit-examples.sh" "$tmp" > /dev/null || exit 1
# Multi-attribute GSI keys are key_schema blocks of provider 6.29, checked below apart.
mkdir -p "$tmp/6.29"
for doc in $(grep -l '"key_schema"' "$tmp"/*.tf.json); do
    mv "$doc" "$tmp/6.29/"
done
# At least these need 6.x: make sure they are among what was checked.
for need in mrsc-witness strong-three kms-key-ids; do
    [ -f "$tmp/$need.tf.json" ] || { echo "emit-schema6: $need was not emitted" >&2; exit 1; }
done
"$py" "$src/tests/tf-schema-check.py" "$schema" "$tmp"/*.tf.json || exit 1
# A 6.29 document differs from 6.25 by its key_schema blocks alone (in place of hash_key,
# which 6.29 made optional) and its version floor: the 6.25 check must find those and nothing
# else (tests/emit-pulumi.sh checks the documents against a 6.29 or newer provider).
[ -f "$tmp/6.29/multi-attribute-gsi.tf.json" ] || {
    echo "emit-schema6: multi-attribute-gsi was not emitted" >&2; exit 1; }
if "$py" "$src/tests/tf-schema-check.py" "$schema" "$tmp"/6.29/*.tf.json > "$tmp/6.29.out" 2>&1; then
    echo "emit-schema6: the 6.25 schema accepted key_schema" >&2; exit 1
fi
if grep -v -e 'key_schema' -e 'required argument hash_key is missing' -e '^not ok' \
        -e "'>= 6.29' excludes provider 6.25.0" "$tmp/6.29.out" | grep -q .; then
    echo "emit-schema6: a 6.29 document breaks the 6.25 schema elsewhere than key_schema:" >&2
    cat "$tmp/6.29.out" >&2; exit 1
fi

# The checker itself must catch what it claims to: a wrong type, an unknown argument,
# two blocks where one is allowed, a missing required argument, and a version floor
# below the release that introduced an argument.
if "$py" "$src/tests/tf-schema-check.py" "$schema" "$src/tests/data/emit/negative-schema6.tf.json" \
        > "$tmp/negative" 2>&1; then
    echo "emit-schema6: the checker accepted a broken document" >&2; exit 1
fi
for finding in "stream_enabled: expected a bool" "consistency_mod: unknown argument" \
        "at most one global_table_witness block" "required argument resource_id is missing" \
        "older than 6.22.0, which aws_dynamodb_table.global_table_witness needs"; do
    grep -qF "$finding" "$tmp/negative" || {
        echo "emit-schema6: the checker missed: $finding" >&2; cat "$tmp/negative" >&2; exit 1; }
done
echo "ok - the checker rejects tests/data/emit/negative-schema6.tf.json for each planted fault"
