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

# The thread tests under ThreadSanitizer: only the Check runner is built.
echo "== tsan: configure --enable-tsan; the threads suite"
tsan_dir="$top/_build/tsan"
rm -rf "$tsan_dir"; mkdir -p "$tsan_dir"
(cd "$tsan_dir" && "$top/configure" -q --enable-werror --enable-tsan >/dev/null &&
	make -s -j"$jobs" tests/check_ddbgt >/dev/null) || {
	echo "test.sh: the ThreadSanitizer build failed" >&2; exit 1; }
(cd "$tsan_dir" && CK_RUN_SUITE=threads DDBGT_TEST_SRCDIR="$top/tests" \
	TSAN_OPTIONS=halt_on_error=1 ./tests/check_ddbgt | grep -E '^[0-9]+%: Checks:') || {
	echo "test.sh: the thread tests failed under ThreadSanitizer" >&2; exit 1; }

# libFuzzer smoke run (FUZZ_SECONDS per target, 60 by default), when clang
# with libFuzzer is installed (deps.sh installs it).
if command -v clang >/dev/null 2>&1; then
	echo "== fuzz: CC=clang --enable-fuzzing; make fuzz-smoke"
	fuzz_dir="$top/_build/fuzz"
	rm -rf "$fuzz_dir"; mkdir -p "$fuzz_dir"
	(cd "$fuzz_dir" && "$top/configure" -q CC=clang --enable-werror --enable-fuzzing >/dev/null &&
		make -s -j"$jobs" fuzz-targets >/dev/null) || {
		echo "test.sh: the fuzzing build failed" >&2; exit 1; }
	(cd "$fuzz_dir" && make -s fuzz-smoke FUZZ_SECONDS="${FUZZ_SECONDS:-60}") || exit 1
else
	echo "== fuzz: skipped: clang is not installed (./deps.sh installs clang and libclang-rt-14-dev)" >&2
fi

echo "== valgrind: the Check suite in one process"
(cd "$top/_build/werror" && make -s check-valgrind)

echo "== distcheck"
(cd "$top/_build/werror" && DDBGT_SKIP_TERRAFORM=1 make -s distcheck >/dev/null 2>&1) || {
	echo "test.sh: make distcheck failed; rerun it in _build/werror to see why" >&2; exit 1; }

echo "== all passed"
