#!/bin/sh
# Runs Terraform JSON documents through the real consumer, offline:
#   terraform init (once per run) + validate + plan -refresh=false
# against the local filesystem mirror of the AWS provider, with mock credentials injected
# through an override file (the documents themselves never carry credentials).
#
# usage: tf-conformance.sh FILE.tf.json EXPECTED_RESOURCES [FILE EXPECTED ...]
#   EXPECTED_RESOURCES is the "N to add" of the plan (plus imports for import blocks), or "-"
#   for a document that can only be validated offline (import blocks and data sources read
#   AWS during the plan).
# env:   TERRAFORM      terraform binary (default: terraform on PATH)
#        DDBGT_TF_MIRROR  mirror root holding registry.terraform.io/hashicorp/aws/...
#        DDBGT_TF_JOBS  documents planned at once (default 1: each plan is CPU-bound)
#        DDBGT_TF_KEEP  set to keep the work directory for inspection
# exit:  0 all documents passed, 1 a document failed, 2 usage, 77 terraform or mirror missing.
set -u

skip() {
    echo "*** SKIP tf-conformance: $1" >&2
    echo "*** The emitted Terraform was NOT checked against the real provider." >&2
    exit 77
}

[ $# -ge 2 ] && [ $(($# % 2)) -eq 0 ] || {
    echo "usage: $0 FILE.tf.json EXPECTED_RESOURCES [FILE EXPECTED ...]" >&2; exit 2; }

[ "${DDBGT_SKIP_TERRAFORM:-}" = 1 ] && skip "DDBGT_SKIP_TERRAFORM=1"
tf=${TERRAFORM:-terraform}
command -v "$tf" >/dev/null 2>&1 || skip "no terraform binary ('$tf') on PATH"
command -v python3 >/dev/null 2>&1 || skip "python3 is needed to inject mock provider credentials"

# The provider mirror: explicit, then the usual places, then a (slow) search of the disk.
find_provider() {
    find "$@" -name 'terraform-provider-aws_v*' -path '*registry.terraform.io/hashicorp/aws/*' \
        2>/dev/null | sort | tail -n 1
}
bin=
if [ -n "${DDBGT_TF_MIRROR:-}" ]; then
    bin=$(find_provider "$DDBGT_TF_MIRROR")
else
    for d in /opt/tf-plugins "$HOME/.terraform.d/plugins" /usr/local/share/terraform/plugins \
             /usr/share/terraform/plugins; do
        [ -d "$d" ] && bin=$(find_provider "$d") && [ -n "$bin" ] && break
    done
    [ -n "$bin" ] || bin=$(find_provider / -xdev)
fi
[ -n "$bin" ] || skip "no filesystem mirror of registry.terraform.io/hashicorp/aws (set DDBGT_TF_MIRROR)"
mirror=${bin%%/registry.terraform.io/*}
pver=${bin#*/registry.terraform.io/hashicorp/aws/}; pver=${pver%%/*}

work=$(mktemp -d "${TMPDIR:-/tmp}/tfconf.XXXXXX") || exit 1
if [ -n "${DDBGT_TF_KEEP:-}" ]; then
    echo "# work directory kept: $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi
trap 'exit 1' INT TERM

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
TF_CLI_CONFIG_FILE="$work/tf.rc"; TF_IN_AUTOMATION=1; CHECKPOINT_DISABLE=1
export TF_CLI_CONFIG_FILE TF_IN_AUTOMATION CHECKPOINT_DISABLE
unset TF_CLI_ARGS TF_WORKSPACE TF_DATA_DIR 2>/dev/null

# One init per run; every document then reuses its plugin directory and lock file.
mkdir "$work/base"
printf '{"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws"}}}}\n' \
    > "$work/base/main.tf.json"
t0=$(date +%s)
if ! (cd "$work/base" && "$tf" init -backend=false -input=false -no-color > init.log 2>&1); then
    cat "$work/base/init.log" >&2
    skip "terraform init against the mirror at $mirror failed (see above)"
fi
echo "# terraform $("$tf" version | head -n 1 | cut -d' ' -f2), aws provider $pver from $mirror; init $(( $(date +%s) - t0 ))s"

# Mock credentials for every provider configuration the document declares.
mock_override() {
    python3 - "$1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
aws = doc.get("provider", {}).get("aws", [])
if isinstance(aws, dict):
    aws = [aws]
mock = {"access_key": "mock-access-key", "secret_key": "mock-secret-key",
        "skip_credentials_validation": True, "skip_requesting_account_id": True,
        "skip_metadata_api_check": True}
out = []
for p in aws:
    o = {"alias": p["alias"]} if "alias" in p else {}
    o.update(mock)
    out.append(o)
print(json.dumps({"provider": {"aws": out}}))
PY
}

# check ID FILE EXPECTED: prints one TAP-like line, leaves its log in $work/ID/log.
check() {
    id=$1 file=$2 want=$3 d="$work/$1"
    mkdir "$d" || return 1
    start=$(date +%s)
    cp "$file" "$d/main.tf.json" && ln -s "$work/base/.terraform" "$d/.terraform" &&
        cp "$work/base/.terraform.lock.hcl" "$d/" &&
        mock_override "$file" > "$d/zz_mock_override.tf.json" 2> "$d/log" || {
        echo "not ok $id - $file: cannot prepare (bad JSON?)"; cat "$d/log"; return 1; }
    if ! (cd "$d" && "$tf" validate -no-color) >> "$d/log" 2>&1; then
        echo "not ok $id - $file: terraform validate failed"; sed 's/^/#   /' "$d/log"; return 1
    fi
    if [ "$want" = "-" ]; then
        echo "ok $id - $file: valid (not planned: it reads AWS during a plan) ($(( $(date +%s) - start ))s)"
        return 0
    fi
    if ! (cd "$d" && "$tf" plan -refresh=false -input=false -lock=false -no-color) \
            > "$d/plan" 2>&1; then
        echo "not ok $id - $file: terraform plan failed"; sed 's/^/#   /' "$d/plan"; return 1
    fi
    line=$(grep -E '^Plan: ' "$d/plan")
    add=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) to add.*/\1/p')
    imp=$(echo "$line" | sed -n 's/^Plan: \([0-9][0-9]*\) to import.*/\1/p')
    got=$(( ${add:-0} + ${imp:-0} ))
    if [ -z "$line" ] || [ "$got" -ne "$want" ]; then
        echo "not ok $id - $file: plan has $got resources, expected $want (${line:-no Plan line})"
        return 1
    fi
    echo "ok $id - $file: $line ($(( $(date +%s) - start ))s)"
}

jobs=${DDBGT_TF_JOBS:-1}
n=0 fail=0 running=0
echo "1..$(($# / 2))"
while [ $# -ge 2 ]; do
    n=$((n + 1))
    check "$n" "$1" "$2" > "$work/result.$n" 2>&1 &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then wait; running=0; fi
    shift 2
done
wait
i=1
while [ "$i" -le "$n" ]; do
    cat "$work/result.$i"
    grep -q '^ok ' "$work/result.$i" || fail=1
    i=$((i + 1))
done
echo "# total $(( $(date +%s) - t0 ))s"
exit $fail
