#!/bin/sh
# Real peer output imports to the spec it describes: the same "orders" table written with
# cdktf (tests/data/import/peer/cdktf-main.js) and with the AWS CDK (cdk-app.js). With node
# and the packages of tests/data/import/peer/package.json (DDBGT_PEER_NODE_PATH = a
# node_modules folder holding them), the outputs are synthesized afresh; otherwise the
# committed copies are imported, and the test says so.
set -u
cli=${DDBGT_CLI:?run through make check}
peer=${DDBGT_TEST_SRCDIR:?run through make check}/data/import/peer
tmp=$(mktemp -d "${TMPDIR:-/tmp}/import-peers.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

fresh() { # package: 0 when node can load it
    [ -n "${DDBGT_PEER_NODE_PATH:-}" ] && command -v node >/dev/null 2>&1 &&
        NODE_PATH=$DDBGT_PEER_NODE_PATH node -e "require.resolve('$1')" 2>/dev/null
}

cdktf_out=$peer/cdktf.orders.tf.json
if fresh cdktf; then
    NODE_PATH=$DDBGT_PEER_NODE_PATH node "$peer/cdktf-main.js" "$tmp/cdktf" > "$tmp/cdktf.log" 2>&1 ||
        { cat "$tmp/cdktf.log"; exit 1; }
    cdktf_out=$tmp/cdktf/stacks/orders/cdk.tf.json
    echo "# cdktf: synthesized afresh"
else
    echo "# cdktf: the committed synth output (no node or no cdktf in DDBGT_PEER_NODE_PATH)"
fi
cdk_out=$peer/cdk.Orders.template.json
if fresh aws-cdk-lib; then
    NODE_PATH=$DDBGT_PEER_NODE_PATH node "$peer/cdk-app.js" "$tmp/cdk" > "$tmp/cdk.log" 2>&1 ||
        { cat "$tmp/cdk.log"; exit 1; }
    cdk_out=$tmp/cdk/Orders.template.json
    echo "# cdk: synthesized afresh"
else
    echo "# cdk: the committed synth output (no node or no aws-cdk-lib in DDBGT_PEER_NODE_PATH)"
fi

check() { # name, input, expected spec
    if ! "$cli" import "$2" > "$tmp/$1.json" 2> "$tmp/$1.err"; then
        echo "not ok - $1: ddbgt import failed"; cat "$tmp/$1.err"; fail=1; return
    fi
    if [ -s "$tmp/$1.err" ]; then
        echo "not ok - $1: findings where none were expected"; cat "$tmp/$1.err"; fail=1; return
    fi
    if diff -u "$3" "$tmp/$1.json"; then echo "ok - $1 imports to $(basename "$3")"
    else echo "not ok - $1: the spec differs"; fail=1; fi
}
check cdktf "$cdktf_out" "$peer/cdktf.orders.spec.json"
# The CDK puts the stack's region last and its tags on that replica alone (TableV2's tags
# are the primary replica's); the template does not name the stack's region, so the first
# replica is the home one (doc/import.md).
check cdk "$cdk_out" "$peer/cdk.orders.spec.json"
exit $fail
