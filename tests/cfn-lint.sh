#!/bin/sh
# The real consumer of the CloudFormation target: every example spec (and the
# test specs of tests/data/cloudformation/specs), emitted by `ddbgt emit
# --target cloudformation` in JSON and in YAML, goes through cfn-lint 1.x with
# --regions set to the stack's (the primary) region, and must draw no error
# and no warning; so does each companion template (--stack-region) of the
# regions whose operations the template leaves out, in its own region. The YAML must also read back as the JSON template's tree.
# Run by `make check-cloudformation`; skipped (77), loudly, without cfn-lint.
set -u
cli=${DDBGT_CLI:?run through make check-cloudformation}
src=${DDBGT_TOP_SRCDIR:?run through make check-cloudformation}
lint=${CFN_LINT:-cfn-lint}
py=${PYTHON3:-python3}
if ! version=$("$lint" --version 2>/dev/null); then
    echo "cfn-lint: SKIPPED: $lint is not installed (pip install 'cfn-lint>=1,<2'; see doc/cloudformation.md)" >&2
    exit 77
fi
case $version in
*" 1."*) ;;
*) echo "cfn-lint: SKIPPED: $version is not cfn-lint 1.x" >&2; exit 77 ;;
esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cfn-lint.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# cfn-lint's exit status is a bit mask: 1 fatal, 2 error, 4 warning, 8 informational.
lint() { # a template or a folder of templates, region
    if [ -d "$1" ]; then set -- "$1"/* "$2"; fi
    eval "region=\${$#}"
    templates=
    while [ $# -gt 1 ]; do templates="$templates $1"; shift; done
    # shellcheck disable=SC2086 # template paths are ours, without spaces
    "$lint" --regions "$region" --format parseable -- $templates > "$tmp/lint.out" 2>&1
    rc=$?
    if [ $((rc & 7)) -ne 0 ]; then
        echo "cfn-lint:$templates ($region) fail (status $rc):" >&2
        cat "$tmp/lint.out" >&2
        return 1
    fi
    return 0
}

primary() { # the stack's region, from the JSON template's PrimaryRegion output
    "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["Outputs"]["PrimaryRegion"]["Value"])' "$1"
}

companions() { # the regions whose operations the template leaves to a companion (its findings name them)
    "$py" -c 'import json,re,sys
f = json.load(open(sys.argv[1])).get("Metadata", {}).get("ddbgt", {}).get("Findings", [])
print(" ".join(sorted({m for x in f for m in re.findall(r"DDBGT_W_EMIT_OPS_OTHER_REGION: .*stack_region ([a-z0-9-]+)", x)})))' "$1"
}

fail=0 count=0 companion_count=0
# Emit every template, filed by its stack's region: one cfn-lint run per region.
# operations-provisioned.json: the PROVISIONED operations spec (IAM as outputs, key statements).
for spec in "$src"/examples/specs/*.json "$src"/tests/data/cloudformation/specs/*.json \
            "$src"/tests/data/emit/specs/operations-provisioned.json; do
    name=$(basename "$spec" .json)
    [ "$name" = legacy ] && continue # a 2017.11.29 table: target terraform-legacy only
    [ "$name" = multi-account ] && continue # every target refuses it (DDBGT_E_EMIT_MULTI_ACCOUNT)
    for args in "" "--parameters"; do
        json=$tmp/$name$args.json yaml=$tmp/$name$args.yaml
        # shellcheck disable=SC2086 # $args is one word or none
        if ! "$cli" emit --target cloudformation $args -o "$json" "$spec" 2> "$tmp/err" ||
           ! "$cli" emit --target cloudformation --format yaml $args -o "$yaml" "$spec" 2> "$tmp/err"; then
            echo "cfn-lint: ddbgt emit --target cloudformation $args $spec failed:" >&2
            cat "$tmp/err" >&2
            fail=1
            continue
        fi
        region=$(primary "$json") || { fail=1; continue; }
        mkdir -p "$tmp/by-region/$region"
        cp "$json" "$yaml" "$tmp/by-region/$region/"
        if ! "$py" -c 'import json,sys,yaml
sys.exit(json.load(open(sys.argv[1])) != yaml.safe_load(open(sys.argv[2])))' "$json" "$yaml"; then
            echo "cfn-lint: $yaml does not read back as $json" >&2
            fail=1
        fi
        count=$((count + 2))
        # Each other region's companion template (--stack-region), linted in its own region.
        for other in $(companions "$json"); do
            cjson=$tmp/$name$args.$other.json cyaml=$tmp/$name$args.$other.yaml
            # shellcheck disable=SC2086 # $args is one word or none
            if ! "$cli" emit --target cloudformation $args --stack-region "$other" -o "$cjson" "$spec" 2> "$tmp/err" ||
               ! "$cli" emit --target cloudformation --format yaml $args --stack-region "$other" -o "$cyaml" "$spec" 2> "$tmp/err"; then
                echo "cfn-lint: ddbgt emit --target cloudformation $args --stack-region $other $spec failed:" >&2
                cat "$tmp/err" >&2
                fail=1
                continue
            fi
            mkdir -p "$tmp/by-region/$other"
            cp "$cjson" "$cyaml" "$tmp/by-region/$other/"
            companion_count=$((companion_count + 2))
        done
    done
done
for dir in "$tmp"/by-region/*; do
    lint "$dir" "$(basename "$dir")" || fail=1
done

# The check must be able to fail: cfn-lint rejects an unknown resource type.
sed 's/AWS::DynamoDB::GlobalTable/AWS::DynamoDB::GlobalTabel/' \
    "$src/tests/data/cloudformation/two-region-on-demand.yaml" > "$tmp/negative.yaml"
if lint "$tmp/negative.yaml" us-east-1 2> /dev/null; then
    echo "cfn-lint: a template with an unknown resource type passed: the check cannot fail" >&2
    fail=1
fi
# Operations specs have companions: their absence would mean the loop above lost them.
if [ "$companion_count" -eq 0 ]; then
    echo "cfn-lint: no companion template was emitted (examples/specs/operations.json has one)" >&2
    fail=1
fi
[ "$fail" = 0 ] && echo "cfn-lint: $count templates and $companion_count companion templates pass $version with no error or warning"
exit "$fail"
