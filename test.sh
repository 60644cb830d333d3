#!/usr/bin/env bash
# The full test suite, as the README and CI run it: a -Werror build and
# `make check`, the same under ASan+UBSan, the suite under valgrind, and
# `make distcheck`. Each build happens in its own folder under _build/.
set -euo pipefail
cd "$(dirname "$0")"
top=$PWD
jobs=$(nproc 2>/dev/null || echo 2)

pkg-config --exists check || { echo "test.sh: Check (libcheck) is missing: apt-get install check" >&2; exit 1; }
[ -x configure ] && [ configure -nt configure.ac ] && [ configure -nt Makefile.am ] || autoreconf -fi >/dev/null 2>&1
if [ -f config.status ]; then
	echo "test.sh: this source tree is configured in place; run 'make distclean' first" >&2
	exit 1
fi

summary() { # the Check runner's closing line, hidden by automake in the log
	grep -E '^[0-9]+%: Checks:' "$1/tests/check_ddbgt.log" || true
	grep -hE '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$1"/tests/*.log || true
}

run_build() { # name, configure flags...
	local name=$1; shift
	local dir="$top/_build/$name"
	rm -rf "$dir"; mkdir -p "$dir"
	echo "== $name: configure $*"
	(cd "$dir" && "$top/configure" -q "$@" >/dev/null && make -s -j"$jobs" >/dev/null)
	echo "== $name: make check"
	if ! (cd "$dir" && make -s -j"$jobs" check >/dev/null 2>&1); then
		cat "$dir"/test-suite.log >&2 || true
		echo "test.sh: $name: make check failed" >&2
		exit 1
	fi
	summary "$dir"
}

run_build werror --enable-werror
# terraform plans take a minute or more; once, in the build above, is enough.
DDBGT_SKIP_TERRAFORM=1 run_build sanitizers --enable-werror --enable-sanitizers

echo "== valgrind: the Check suite in one process"
(cd "$top/_build/werror" && make -s check-valgrind)

echo "== distcheck"
(cd "$top/_build/werror" && DDBGT_SKIP_TERRAFORM=1 make -s distcheck >/dev/null 2>&1) || {
	echo "test.sh: make distcheck failed; rerun it in _build/werror to see why" >&2; exit 1; }

echo "== all passed"
