#!/usr/bin/env bash
# The full test suite, as the README and CI run it: a -Werror build with
# `make check`, `make check-terraform` and `make check-cloudformation`, the same under ASan+UBSan, the
# suite under valgrind, and `make distcheck`. Each build happens in its own
# folder under _build/.
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

step() { echo "== $* [${SECONDS}s]"; }

summary() { # the Check runner's closing line, hidden by automake in the log
	grep -E '^[0-9]+%: Checks:' "$1/tests/check_ddbgt.log" || true
	grep -hE '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$1"/tests/*.log || true
}

run_build() { # name, configure flags...
	local name=$1; shift
	local dir="$top/_build/$name"
	rm -rf "$dir"; mkdir -p "$dir"
	step "$name: configure $*"
	(cd "$dir" && "$top/configure" -q "$@" >/dev/null && make -s -j"$jobs" >/dev/null)
	step "$name: make check"
	if ! (cd "$dir" && make -s -j"$jobs" check >/dev/null 2>&1); then
		cat "$dir"/test-suite.log >&2 || true
		echo "test.sh: $name: make check failed" >&2
		exit 1
	fi
	summary "$dir"
}

run_build werror --enable-werror
# terraform plans take a minute or more; once, in the build above, is enough.
step "werror: make check-terraform"
if ! (cd "$top/_build/werror" && make -s check-terraform >/dev/null 2>&1); then
	cat "$top/_build/werror"/test-suite.log >&2 || true
	echo "test.sh: make check-terraform failed" >&2
	exit 1
fi
grep -h '^\*\*\* SKIP' "$top/_build/werror"/tests/*-conformance.log >&2 || true
step "werror: make check-cloudformation"
if ! (cd "$top/_build/werror" && make -s check-cloudformation >/dev/null 2>&1); then
	cat "$top/_build/werror"/test-suite.log >&2 || true
	echo "test.sh: make check-cloudformation failed" >&2
	exit 1
fi
grep -h 'SKIPPED' "$top/_build/werror"/tests/cfn-lint.log >&2 || true
run_build sanitizers --enable-werror --enable-sanitizers

# The thread tests under ThreadSanitizer: only the Check runner is built.
step "tsan: configure --enable-tsan; the threads suite"
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
	step "fuzz: CC=clang --enable-fuzzing; make fuzz-smoke"
	fuzz_dir="$top/_build/fuzz"
	rm -rf "$fuzz_dir"; mkdir -p "$fuzz_dir"
	(cd "$fuzz_dir" && "$top/configure" -q CC=clang --enable-werror --enable-fuzzing >/dev/null &&
		make -s -j"$jobs" fuzz-targets >/dev/null) || {
		echo "test.sh: the fuzzing build failed" >&2; exit 1; }
	(cd "$fuzz_dir" && make -s fuzz-smoke FUZZ_SECONDS="${FUZZ_SECONDS:-60}") || exit 1
else
	echo "== fuzz: skipped: clang is not installed (./deps.sh installs clang and libclang-rt-14-dev)" >&2
fi

step "valgrind: the Check suite in one process"
(cd "$top/_build/werror" && make -s check-valgrind)

step "distcheck"
(cd "$top/_build/werror" && make -s distcheck >/dev/null 2>&1) || {
	echo "test.sh: make distcheck failed; rerun it in _build/werror to see why" >&2; exit 1; }

step "cross: a cross build from the tarball and from git (tests/cross-check.sh)"
sh "$top/tests/cross-check.sh" "$top" "$top"/_build/werror/libddbgt-*.tar.gz "$top/_build/werror"

step "abi: make check-abi against abi/libddbgt.abi"
(cd "$top/_build/werror" && make -s check-abi)

step "installcheck: C and C++ examples against a staged install (DESTDIR)"
stage="$top/_build/stage"
rm -rf "$stage"
(cd "$top/_build/werror" && make -s install DESTDIR="$stage" >/dev/null 2>&1 && make -s installcheck DESTDIR="$stage")

# The Debian packages, built from the tarball distcheck just checked, then
# used as installed: the C example built through pkg-config alone, the
# command and the manual pages. They go into a scratch root (dpkg-deb -x),
# so that test.sh leaves the host's installed packages as they were; with CI
# set they are installed for real (dpkg -i, which also runs the maintainer
# scripts) and removed again.
step "debian: dpkg-buildpackage, install, build the C example, lintian"
for tool in dpkg-buildpackage dh lintian; do
	command -v "$tool" >/dev/null || { echo "test.sh: $tool is missing: run ./deps.sh" >&2; exit 1; }
done
deb="$top/_build/deb"
rm -rf "$deb"; mkdir -p "$deb"
tar -xzf "$top"/_build/werror/libddbgt-*.tar.gz -C "$deb"
src=$(echo "$deb"/libddbgt-*/)
if ! (cd "$src" && DEB_BUILD_OPTIONS="nocheck parallel=$jobs" dpkg-buildpackage -us -uc -b > "$deb/build.log" 2>&1); then
	tail -n 40 "$deb/build.log" >&2
	echo "test.sh: dpkg-buildpackage failed (log: $deb/build.log)" >&2
	exit 1
fi
if grep -q 'new symbols appeared' "$deb/build.log"; then
	grep -A30 'new symbols appeared' "$deb/build.log" | grep '^+ ' | head -n 20 || true
	echo "test.sh: NOTE: debian/libddbgt1.symbols lacks the new symbols above: run debian/gen-symbols.sh and commit"
fi
debs=("$deb"/libddbgt1_*.deb "$deb"/libddbgt-dev_*.deb "$deb"/ddbgt_*.deb "$deb"/python3-ddbgt_*.deb)
if [ -n "${CI:-}" ]; then
	as_root=()
	[ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
	"${as_root[@]}" dpkg -i "${debs[@]}" > "$deb/install.log"
	trap '"${as_root[@]}" dpkg -r python3-ddbgt ddbgt libddbgt-dev libddbgt1 >/dev/null 2>&1 || true' EXIT
	root=
	man_path=()
	where="installed"
else
	# What dpkg -i would refuse: a dependency that neither the host nor the
	# four packages themselves provide.
	if ! apt-get install --simulate -q "${debs[@]}" > "$deb/install.log" 2>&1; then
		cat "$deb/install.log" >&2
		echo "test.sh: apt-get cannot install the packages (log: $deb/install.log)" >&2
		exit 1
	fi
	if grep '^Inst ' "$deb/install.log" | grep -vqE '^Inst (libddbgt1|libddbgt-dev|ddbgt|python3-ddbgt) '; then
		grep '^Inst ' "$deb/install.log" >&2
		echo "test.sh: dpkg -i would miss the dependencies above: run ./deps.sh" >&2
		exit 1
	fi
	root="$deb/root"
	for p in "${debs[@]}"; do dpkg-deb -x "$p" "$root"; done
	multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
	export LD_LIBRARY_PATH="$root/usr/lib/$multiarch${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export PKG_CONFIG_PATH="$root/usr/lib/$multiarch/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$root"
	export PATH="$root/usr/bin:$PATH"
	man_path=(-M "$root/usr/share/man")
	where="unpacked into $root"
fi
[ "$(command -v ddbgt)" = "$root/usr/bin/ddbgt" ] || {
	echo "test.sh: ddbgt is $(command -v ddbgt), not the packaged $root/usr/bin/ddbgt" >&2; exit 1; }
(cd "$deb" && cc -Wall -Werror -o example "$top/examples/example.c" $(pkg-config --cflags --libs ddbgt) && ./example >/dev/null)
# ldd's output goes to a file first: under pipefail, grep -q ending the pipe
# early would fail it with ldd's SIGPIPE whenever the match came first.
[ -z "$root" ] || { ldd "$deb/example" > "$deb/ldd.txt" && grep -qF "$root/usr/lib/" "$deb/ldd.txt"; } || {
	echo "test.sh: the C example did not link the packaged library" >&2; cat "$deb/ldd.txt" >&2; exit 1; }
ddbgt validate "$top/tests/data/spec/minimal.json" >/dev/null
# The Python binding's tests against the packaged module (from a copy: no source module beside it).
pydir="$root/usr/lib/python3/dist-packages"
[ "$(cd "$deb" && PYTHONPATH="$pydir" /usr/bin/python3 -c 'import ddbgt; print(ddbgt.__file__)')" = "$pydir/ddbgt.py" ] || {
	echo "test.sh: python3 does not import the packaged ddbgt module" >&2; exit 1; }
cp "$top/bindings/python/test_ddbgt.py" "$deb/"
(cd "$deb" && DDBGT_TOP_SRCDIR="$top" PYTHONPATH="$pydir" /usr/bin/python3 test_ddbgt.py > "$deb/python.log" 2>&1) ||
	{ tail -n 30 "$deb/python.log" >&2; echo "test.sh: the python3-ddbgt tests failed" >&2; exit 1; }
man "${man_path[@]}" -w ddbgt_table_new >/dev/null && man "${man_path[@]}" -w ddbgt >/dev/null
echo "debian: libddbgt1, libddbgt-dev, ddbgt and python3-ddbgt built and $where; the C example built with pkg-config and ran; the Python tests passed"
lintian --profile debian "$deb"/*.changes 2>&1 | grep -v 'root privileges' > "$deb/lintian.log" || true
cat "$deb/lintian.log"
grep -E '^[EW]: ' "$deb/lintian.log" > "$deb/lintian-ew.log" || true
if grep -vqE ': (initial-upload-closes-no-bugs)' "$deb/lintian-ew.log"; then
	echo "test.sh: lintian reports errors or warnings" >&2
	exit 1
fi

step "all passed"
