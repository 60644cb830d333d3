#!/bin/sh
# The real consumer: every example spec, emitted by `ddbgt emit`, goes through
# terraform init + validate + plan -refresh=false against the AWS provider in the
# local mirror (tests/tf-conformance.sh), and the plan must create the number of
# resources written here. Run by `make check-terraform`; skipped (77), loudly,
# without terraform or the mirror, or with DDBGT_SKIP_TERRAFORM=1.
set -u
if [ "${DDBGT_SKIP_TERRAFORM:-}" = 1 ]; then
    echo "emit-conformance: SKIPPED by DDBGT_SKIP_TERRAFORM=1" >&2
    exit 77
fi
cli=${DDBGT_CLI:?run through make check-terraform}
src=${DDBGT_TOP_SRCDIR:?run through make check-terraform}
specs=$src/examples/specs
tmp=$(mktemp -d "${TMPDIR:-/tmp}/emit-conf.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

emit() { # name, ddbgt emit arguments...
    name=$1; shift
    if ! "$cli" emit "$@" -o "$tmp/$name.tf.json" 2> "$tmp/$name.err"; then
        echo "emit-conformance: ddbgt emit $* failed:" >&2
        cat "$tmp/$name.err" >&2
        exit 1
    fi
}
emit two-region-on-demand "$specs/two-region-on-demand.json"
emit three-region-cmk-pitr "$specs/three-region-cmk-pitr.json"
emit primary-standby-ia "$specs/primary-standby-ia.json"
emit provisioned-gsi "$specs/provisioned-gsi.json"
emit tags-hostile "$specs/tags-hostile.json"
emit index-key-objects "$specs/index-key-objects.json"
emit autoscaling-tuning "$specs/autoscaling-tuning.json"
emit replica-on-demand "$specs/replica-on-demand.json"
emit kinesis-stream "$specs/kinesis-stream.json"
emit resource-policy "$specs/resource-policy.json"
emit legacy-no-import --target terraform-legacy --no-import "$specs/legacy.json"
emit legacy --target terraform-legacy "$specs/legacy.json"
emit kms-aliases "$src/tests/data/emit/specs/kms-aliases.json"
emit account-roles "$src/tests/data/emit/specs/account-roles.json"
emit operations "$specs/operations.json"
emit operations-provisioned "$src/tests/data/emit/specs/operations-provisioned.json"
emit options --resource-name main --default-tag env=prod --default-tag 'owner=${team}' \
    --assume-role arn:aws:iam::111122223333:role/deployer "$specs/two-region-on-demand.json"

# The check must be able to fail: Terraform rejects an unescaped "${literal}".
sh "$src/tests/tf-conformance.sh" "$src/tests/data/emit/negative-unescaped.tf.json" 1 \
    > "$tmp/negative" 2>&1
case $? in
77) cat "$tmp/negative" >&2; exit 77 ;;
0) echo "emit-conformance: terraform accepted a document it must reject" >&2; exit 1 ;;
esac
grep -q "Invalid reference" "$tmp/negative" || {
    echo "emit-conformance: the negative document failed for another reason:" >&2
    cat "$tmp/negative" >&2; exit 1; }
echo "ok - terraform rejects tests/data/emit/negative-unescaped.tf.json (unescaped \${literal})"

# Expected counts: table + replica resources + autoscaling targets and policies +
# contributor insights + the legacy global table (doc/terraform.md explains each), and
# the operations object's alarms, dashboard and IAM policies (doc/operations.md counts them).
sh "$src/tests/tf-conformance.sh" \
    "$tmp/two-region-on-demand.tf.json" 1 \
    "$tmp/three-region-cmk-pitr.tf.json" 2 \
    "$tmp/primary-standby-ia.tf.json" 2 \
    "$tmp/provisioned-gsi.tf.json" 22 \
    "$tmp/tags-hostile.tf.json" 1 \
    "$tmp/index-key-objects.tf.json" 1 \
    "$tmp/autoscaling-tuning.tf.json" 8 \
    "$tmp/replica-on-demand.tf.json" 1 \
    "$tmp/kinesis-stream.tf.json" 4 \
    "$tmp/resource-policy.tf.json" 4 \
    "$tmp/legacy-no-import.tf.json" 11 \
    "$tmp/legacy.tf.json" - \
    "$tmp/kms-aliases.tf.json" - \
    "$tmp/account-roles.tf.json" - \
    "$tmp/operations.tf.json" 20 \
    "$tmp/operations-provisioned.tf.json" 68 \
    "$tmp/options.tf.json" -
