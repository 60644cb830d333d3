#!/bin/sh
# Re-creates the Terraform plan JSON test inputs of tests/data/import/plan/ from the
# emitter's golden documents: terraform init + plan -refresh=false + show -json, offline,
# against the local provider mirror, with mock credentials (as tests/tf-conformance.sh).
# The outputs are committed so that the tests never need terraform; run this only to
# refresh them on purpose (review the diff).
#
# usage: tests/data/import/make-plans.sh        (from the top of the source tree)
# env:   TERRAFORM, DDBGT_TF_MIRROR as for tests/tf-conformance.sh
set -eu
top=$(cd "$(dirname "$0")/../../.." && pwd)
tf=${TERRAFORM:-terraform}
bin=$(find "${DDBGT_TF_MIRROR:-/opt/tf-plugins}" -name 'terraform-provider-aws_v*' \
    -path '*registry.terraform.io/hashicorp/aws/*' | sort | tail -n 1)
[ -n "$bin" ] || { echo "make-plans: no provider mirror (set DDBGT_TF_MIRROR)" >&2; exit 77; }
mirror=${bin%%/registry.terraform.io/*}
work=$(mktemp -d "${TMPDIR:-/tmp}/mkplans.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat > "$work/tf.rc" <<RC
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct { exclude = ["registry.terraform.io/*/*"] }
}
disable_checkpoint = true
RC
TF_CLI_CONFIG_FILE="$work/tf.rc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
export TF_CLI_CONFIG_FILE TF_IN_AUTOMATION CHECKPOINT_DISABLE
mkdir "$work/base"
printf '{"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}}}\n' \
    > "$work/base/main.tf.json"
(cd "$work/base" && "$tf" init -backend=false -input=false -no-color >/dev/null)

# terraform show -json of DIR/plan.bin into tests/data/import/plan/NAME.plan.json, without
# the mock credentials (they are not part of the test input) and the timestamp.
show() { # DIR NAME
    (cd "$1" && "$tf" show -json plan.bin) | python3 -c '
import json, sys
doc = json.load(sys.stdin)
for p in doc.get("configuration", {}).get("provider_config", {}).values():
    for k in ("access_key", "secret_key"):
        p.get("expressions", {}).pop(k, None)
doc.pop("timestamp", None)
json.dump(doc, sys.stdout, indent=1, sort_keys=True)
print()' > "$top/tests/data/import/plan/$2.plan.json"
    echo "wrote tests/data/import/plan/$2.plan.json"
}

# The documents the 5.x provider in the mirror can plan offline (the 6.x-only keys of
# mrsc-witness, strong-three, kms-key-ids, warm-throughput (6.13) and
# contributor-insights-mode (6.11), and legacy's import blocks, cannot be).
for name in two-region-on-demand three-region-cmk-pitr primary-standby-ia provisioned-gsi \
            tags-hostile legacy.no-import index-key-objects autoscaling-tuning \
            replica-on-demand kinesis-stream resource-policy; do
    d="$work/$name"
    mkdir "$d"
    cp "$top/tests/data/emit/$name.tf.json" "$d/main.tf.json"
    ln -s "$work/base/.terraform" "$d/.terraform"
    cp "$work/base/.terraform.lock.hcl" "$d/"
    python3 - "$d/main.tf.json" > "$d/zz_mock_override.tf.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
aws = doc.get("provider", {}).get("aws", [])
aws = [aws] if isinstance(aws, dict) else aws
mock = {"access_key": "mock-access-key", "secret_key": "mock-secret-key",
        "skip_credentials_validation": True, "skip_requesting_account_id": True,
        "skip_metadata_api_check": True}
print(json.dumps({"provider": {"aws": [dict({"alias": p["alias"]} if "alias" in p else {}, **mock)
                                       for p in aws]}}))
PY
    (cd "$d" && "$tf" plan -refresh=false -input=false -lock=false -no-color -out=plan.bin \
        > plan.log 2>&1) || { cat "$d/plan.log" >&2; exit 1; }
    show "$d" "$name"
done

# A table inside a child module (tests/data/import/module): variables, the module's
# provider inherited from the root.
d="$work/module"
cp -r "$top/tests/data/import/module" "$d"
printf '%s\n' '{"provider": {"aws": [{"access_key": "mock-access-key", "secret_key": "mock-secret-key", "skip_credentials_validation": true, "skip_requesting_account_id": true, "skip_metadata_api_check": true}]}}' \
    > "$d/zz_mock_override.tf.json"
# A module needs an init of its own: terraform records the module tree there.
(cd "$d" && "$tf" init -backend=false -input=false -no-color > init.log 2>&1) || { cat "$d/init.log" >&2; exit 1; }
(cd "$d" && "$tf" plan -refresh=false -input=false -lock=false -no-color -out=plan.bin \
    > plan.log 2>&1) || { cat "$d/plan.log" >&2; exit 1; }
show "$d" module
