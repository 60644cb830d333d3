#!/bin/sh
# Emit every example spec and every spec of tests/data/emit/specs as Terraform JSON into
# OUTDIR/NAME.tf.json (target terraform-legacy for legacy tables), for the schema checks of
# emit-schema6.sh and emit-pulumi.sh. The multi-account example is left out: every target
# refuses it (emit-schema6.sh checks that). Prints how many were written.
# usage: emit-examples.sh OUTDIR   (DDBGT_CLI and DDBGT_TOP_SRCDIR as make check sets them)
set -u
cli=${DDBGT_CLI:?run through make check}
src=${DDBGT_TOP_SRCDIR:?run through make check}
out=${1:?usage: emit-examples.sh OUTDIR}
n=0
for spec in "$src"/examples/specs/*.json "$src"/tests/data/emit/specs/*.json; do
    name=$(basename "$spec" .json)
    [ "$name" = multi-account ] && continue
    target=terraform
    grep -q '"legacy_version": true' "$spec" && target=terraform-legacy
    if ! "$cli" emit --target "$target" "$spec" -o "$out/$name.tf.json" 2> "$out/$name.err"; then
        echo "emit-examples: ddbgt emit $spec failed:" >&2
        cat "$out/$name.err" >&2
        exit 1
    fi
    rm -f "$out/$name.err"
    n=$((n + 1))
done
[ "$n" -ge 3 ] || { echo "emit-examples: no specs found" >&2; exit 1; }
echo "$n"
