#!/bin/sh
# Fetch the npm package @pulumi/aws into the cache that tests/emit-pulumi.sh reads, with
# npm's own client (npm pack checks the registry's integrity hash). Optional: without npm
# or the network it says so and exits 0, and the check is skipped.
# usage: tests/fetch-pulumi-aws.sh [CACHE_DIR]
set -u
version=7.48.0
cache=${1:-${DDBGT_PULUMI_AWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ddbgt}}
dest=$cache/pulumi-aws-$version
if [ -f "$dest/package/package.json" ]; then
    echo "fetch-pulumi-aws: $dest is there"
    exit 0
fi
command -v npm >/dev/null 2>&1 || {
    echo "fetch-pulumi-aws: no npm: @pulumi/aws not fetched (emit-pulumi.sh will skip)" >&2; exit 0; }
# A machine without the network must not wait on npm's retries for long.
limit=
command -v timeout >/dev/null 2>&1 && limit="timeout 300"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pulumi-aws.XXXXXX") || exit 0
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && $limit npm pack --silent "@pulumi/aws@$version" > name 2> err) ||
        ! tar -xzf "$tmp/$(cat "$tmp/name")" -C "$tmp" package/package.json \
            package/types/input.d.ts package/dynamodb package/appautoscaling 2> "$tmp/err"; then
    echo "fetch-pulumi-aws: could not fetch @pulumi/aws@$version (emit-pulumi.sh will skip):" >&2
    cat "$tmp/err" >&2
    exit 0
fi
mkdir -p "$cache" && rm -rf "$dest.part" && mkdir "$dest.part" &&
    mv "$tmp/package" "$dest.part/package" && mv "$dest.part" "$dest" &&
    echo "fetch-pulumi-aws: $dest"
