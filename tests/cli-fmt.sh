#!/bin/sh
# ddbgt fmt: the canonical form (the dump), idempotent, --check lists what would change.
set -u
cli=${DDBGT_CLI:?}
data="$DDBGT_TEST_SRCDIR/data/spec"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
check() { # name, expected exit, actual exit
	if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL $1: exit $3, expected $2"; fail=$((fail + 1)); fi
}
same() { # name, file, expected file
	if cmp -s "$2" "$3"; then pass=$((pass + 1)); else echo "FAIL $1: $2 differs from $3"; diff "$3" "$2" | head -20; fail=$((fail + 1)); fi
}
has() { # name, file, line
	if grep -qxF -- "$3" "$2"; then pass=$((pass + 1)); else echo "FAIL $1: no line '$3' in:"; cat "$2"; fail=$((fail + 1)); fi
}

# full.json is canonical: the same spec on one line, its keys in reverse order, becomes it.
mkdir -p "$tmp/d/sub"
cp "$data/full.json" "$tmp/d/canonical.json"
python3 -c 'import json, sys
def rev(v):
    if isinstance(v, dict): return {k: rev(v[k]) for k in reversed(list(v))}
    if isinstance(v, list): return [rev(x) for x in v]
    return v
json.dump(rev(json.load(open(sys.argv[1]))), open(sys.argv[2], "w"))' "$data/full.json" "$tmp/d/sub/squeezed.json"
chmod 640 "$tmp/d/sub/squeezed.json"
"$cli" fmt --check "$tmp/d" > "$tmp/out" 2>&1; check check-dirty 1 $?
has check-dirty "$tmp/out" "$tmp/d/sub/squeezed.json"
if grep -q canonical "$tmp/out"; then echo "FAIL check-dirty: a canonical file listed"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
cmp -s "$tmp/d/canonical.json" "$data/full.json"; check check-writes-nothing 0 $?

"$cli" fmt "$tmp/d" > "$tmp/out" 2>&1; check fmt 0 $?
has fmt "$tmp/out" "$tmp/d/sub/squeezed.json"
same fmt "$tmp/d/sub/squeezed.json" "$data/full.json"
# The rewritten file keeps its permissions and leaves no temporary file behind.
[ "$(stat -c %a "$tmp/d/sub/squeezed.json")" = 640 ]; check mode 0 $?
[ "$(ls "$tmp/d/sub" | wc -l)" -eq 1 ]; check no-temporary 0 $?

# Idempotent: fmt of a formatted tree changes nothing and --check passes.
"$cli" fmt "$tmp/d" > "$tmp/out" 2>&1; check again 0 $?
[ ! -s "$tmp/out" ]; check again-silent 0 $?
"$cli" fmt --check "$tmp/d" > "$tmp/out" 2>&1; check check-clean 0 $?
same again "$tmp/d/sub/squeezed.json" "$data/full.json"

# Standard input: the canonical form on standard output.
"$cli" fmt < "$tmp/d/sub/squeezed.json" > "$tmp/out" 2>&1; check stdin 0 $?
same stdin "$tmp/out" "$data/full.json"

# A spec that does not load is left alone, its findings shown.
printf '{"format": "ddbgt/1",\n  "table": {' > "$tmp/bad.json"
cp "$tmp/bad.json" "$tmp/bad.orig"
"$cli" fmt "$tmp/bad.json" > "$tmp/out" 2>&1; check broken 3 $?
grep -qF "$tmp/bad.json:2:" "$tmp/out"; check broken-position 0 $?
same broken "$tmp/bad.json" "$tmp/bad.orig"
"$cli" fmt --frobnicate > "$tmp/out" 2>&1; check bad-option 2 $?

echo "cli-fmt: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
