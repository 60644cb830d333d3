#!/bin/sh
# The Terraform that `ddbgt plan` writes for the built-in templates, through
# terraform itself (tests/tf-conformance.sh) for those the 5.100.0 provider
# mirror can read (replica deletion protection and strong consistency need
# 6.x; tests/cli-plan.sh checks every template against the 6.25.0 schema).
# Run by `make check-terraform`; skipped (77) without terraform or the mirror,
# or with DDBGT_SKIP_TERRAFORM=1.
set -u
if [ "${DDBGT_SKIP_TERRAFORM:-}" = 1 ]; then
	echo "plan-conformance: SKIPPED by DDBGT_SKIP_TERRAFORM=1" >&2
	exit 77
fi
cli=${DDBGT_CLI:?run through make check-terraform}
src=${DDBGT_TOP_SRCDIR:?run through make check-terraform}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plan-conf.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for t in geo-distributed primary-standby provisioned-autoscaling; do
	if ! { "$cli" template show "$t" > "$tmp/$t.json" &&
	       "$cli" plan "$tmp/$t.json" -o "$tmp/plan-$t" > "$tmp/$t.out"; } 2> "$tmp/$t.err"; then
		echo "plan-conformance: planning template $t failed:" >&2
		cat "$tmp/$t.err" >&2
		exit 1
	fi
done
# Expected resources: the table; + one aws_dynamodb_table_replica; + 13 autoscaling ones.
DDBGT_TF_JOBS=${DDBGT_TF_JOBS:-3} exec sh "$src/tests/tf-conformance.sh" \
	"$tmp/plan-geo-distributed/main.tf.json" 1 \
	"$tmp/plan-primary-standby/main.tf.json" 2 \
	"$tmp/plan-provisioned-autoscaling/main.tf.json" 14
