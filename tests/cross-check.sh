#!/bin/sh
# Cross-compiling without a cross toolchain: configure with a --build and a
# --host that name this machine differently puts autoconf in cross mode, where
# no program of the tree may run at build time (README.md, "Cross-compiling").
# Checked: the tarball builds the two generated files' library and data as
# shipped, and says what to do when a shipped one is out of date; a git tree
# stops in configure unless NATIVE_BUILD names a native build, whose programs
# then make the same files. Run by test.sh after distcheck (about 30 s).
# Usage: cross-check.sh TOP_SRCDIR TARBALL NATIVE_BUILD_DIR
set -eu
top=$1 tarball=$2 native=$3
host=$(${CC:-gcc} -dumpmachine)
build=$(sh "$top/build-aux/config.guess")
if [ "$host" = "$build" ]; then
	echo "cross-check: skipped: config.guess and the compiler both say $host" >&2
	exit 0
fi
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cache=$work/config.cache
cross() { "$@" -q -C --cache-file="$cache" --build="$build" --host="$host"; }
fail() { echo "cross-check: $*" >&2; exit 1; }

# The tarball, read-only as distcheck has it: nothing is made, nothing runs.
tar xzf "$tarball" -C "$work"
src=$(echo "$work"/libddbgt-*)
cp -R "$src" "$work/stale"
chmod -R a-w "$src"
mkdir "$work/b" && cd "$work/b"
cross "$src/configure"
make -s lib/libddbgt_prices.la completion/ddbgt >/dev/null
[ ! -e lib/prices_data.c ] && [ ! -e completion/ddbgt ] ||
	fail "the tarball's build made a file the tarball ships"

# A shipped file older than its data cannot be made again here: the rule says how.
touch "$work/stale/data/prices.json"
mkdir "$work/s" && cd "$work/s"
cross "$work/stale/configure"
if make -s lib/prices_data.c >/dev/null 2>"$work/err"; then
	fail "an out-of-date lib/prices_data.c was made without a program that can run"
fi
grep -q NATIVE_BUILD "$work/err" || fail "no word of NATIVE_BUILD: $(cat "$work/err")"

# A git tree has neither file: configure stops, or runs a native build's programs.
if [ ! -e "$top/lib/prices_data.c" ]; then
	mkdir "$work/g" && cd "$work/g"
	if cross "$top/configure" 2>"$work/err"; then
		fail "configure went on without lib/prices_data.c and NATIVE_BUILD"
	fi
	grep -q NATIVE_BUILD "$work/err" || fail "configure did not say what to do: $(cat "$work/err")"
	rm -f "$cache" # it holds NATIVE_BUILD unset, which configure would refuse to change
	cross "$top/configure" NATIVE_BUILD="$native"
	make -s lib/libddbgt_prices.la completion/ddbgt >/dev/null
	cmp lib/prices_data.c "$native/lib/prices_data.c"
	cmp completion/ddbgt "$native/completion/ddbgt"
fi
echo "cross-check: $build to $host: the tarball builds as shipped, a git tree needs NATIVE_BUILD"
