#!/bin/sh
# .pre-commit-hooks.yaml, run by pre-commit itself (try-repo on a scratch
# repository holding this tree's file, so that a tarball's tree, as
# distcheck builds, is tested too) over another scratch repository:
# ddbgt-validate fails on a spec with errors and names it with a position,
# ddbgt-fmt --check lists the spec that is not canonical, both pass on clean
# specs, and neither looks at JSON outside a ddbgt/ folder.
set -u
top=$DDBGT_TOP_SRCDIR
if ! command -v pre-commit > /dev/null 2>&1 || ! command -v git > /dev/null 2>&1; then
	echo "pre-commit-hooks: pre-commit or git is missing (deps.sh installs them): skipped" >&2
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# try-repo takes a git repository: one commit of the hook definitions.
hooks="$tmp/hooks"
mkdir -p "$hooks"
cp "$top/.pre-commit-hooks.yaml" "$hooks/" || exit 1
git -C "$hooks" init -q . &&
	git -C "$hooks" add -A &&
	git -C "$hooks" -c user.email=t@example.com -c user.name=t commit -qm hooks || exit 1
fail=0
pass=0
check() { # name, expected exit, actual exit
	if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL $1: exit $3, expected $2"; cat "$tmp/out"; fail=$((fail + 1)); fi
}
contains() { # name, text
	if grep -qF -- "$2" "$tmp/out"; then pass=$((pass + 1)); else echo "FAIL $1: no '$2' in:"; cat "$tmp/out"; fail=$((fail + 1)); fi
}
# The hooks run `ddbgt` from PATH: the one just built.
PATH="$(dirname "$DDBGT_CLI"):$PATH"; export PATH
PRE_COMMIT_HOME="$tmp/cache"; export PRE_COMMIT_HOME
repo="$tmp/repo"
mkdir -p "$repo/ddbgt"
cd "$repo" || exit 1
git init -q .
cp "$top/tests/data/spec/full.json" ddbgt/good.json
echo '{"not": "a spec"}' > package.json
git add -A && git -c user.email=t@example.com -c user.name=t commit -qm clean
pre-commit try-repo "$hooks" --all-files > "$tmp/out" 2>&1; check clean 0 $?

cp "$top/tests/data/validate/many-problems.json" ddbgt/bad.json
tr -d '\n' < "$top/tests/data/spec/minimal.json" > ddbgt/squeezed.json
git add -A && git -c user.email=t@example.com -c user.name=t commit -qm dirty
pre-commit try-repo "$hooks" ddbgt-validate --all-files > "$tmp/out" 2>&1; check validate 1 $?
contains validate "ddbgt/bad.json:4:13: error:"
pre-commit try-repo "$hooks" ddbgt-fmt --all-files > "$tmp/out" 2>&1; check fmt 1 $?
contains fmt "ddbgt/squeezed.json"
if grep -q "package.json\|good.json" "$tmp/out"; then echo "FAIL fmt: a file it should not list"; cat "$tmp/out"; fail=$((fail + 1)); else pass=$((pass + 1)); fi

echo "pre-commit-hooks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
