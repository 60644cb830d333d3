#!/bin/sh
# ddbgt validate runs the validator: a design with many problems lists each
# with code, path, region and fix (exit 1); a valid design passes (exit 0).
set -u
cli=${DDBGT_CLI:?}
data="$DDBGT_TEST_SRCDIR/data/validate"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # file, text
	grep -qF -- "$2" "$1" || { echo "FAIL: no '$2' in:"; cat "$1"; fail=1; }
}

"$cli" validate "$data/base-ondemand.json" > "$tmp/out" 2>&1
[ $? -eq 0 ] || { echo "FAIL: valid spec must exit 0"; cat "$tmp/out"; fail=1; }
expect "$tmp/out" "0 errors"

"$cli" validate "$data/many-problems.json" > "$tmp/out" 2>&1
[ $? -eq 1 ] || { echo "FAIL: invalid spec must exit 1"; fail=1; }
expect "$tmp/out" "[DDBGT_E_TABLE_NAME_INVALID]"
expect "$tmp/out" "at /table/name"
expect "$tmp/out" "[DDBGT_E_CAPACITY_MIN]"
expect "$tmp/out" "at /table/capacity/read"
expect "$tmp/out" "[DDBGT_E_GT_PROVISIONED_NO_WRITE_AUTOSCALING]"
expect "$tmp/out" "at /table/capacity/write_autoscaling"
expect "$tmp/out" "[DDBGT_E_MREC_STREAM_DISABLED]"
expect "$tmp/out" "at /table/stream/enabled"
expect "$tmp/out" "[DDBGT_E_TAG_KEY_INVALID]"
expect "$tmp/out" "at /table/tags/aws:team"
expect "$tmp/out" "[DDBGT_E_KMS_KEY_REGION_MISMATCH]"
expect "$tmp/out" "at /replicas/1/kms_key (eu-west-1)"
expect "$tmp/out" "[DDBGT_E_REGION_DUPLICATE]"
expect "$tmp/out" "at /replicas/2/region (eu-west-1)"
expect "$tmp/out" "[DDBGT_E_KMS_CMK_REPLICA_MISSING]"
expect "$tmp/out" "at /replicas/2/kms_key (eu-west-1)"
expect "$tmp/out" "use a key in eu-west-1"

"$cli" validate --format json "$data/many-problems.json" > "$tmp/out" 2>&1
expect "$tmp/out" '"valid": false'
expect "$tmp/out" '"errors": 8'
expect "$tmp/out" '"region": "eu-west-1"'
exit $fail
