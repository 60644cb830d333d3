#!/bin/sh
# Regenerate debian/libddbgt1.symbols from a built library, keeping the
# version recorded for every symbol already listed; new symbols get the
# current upstream version. Run it after adding functions, then commit.
# usage: debian/gen-symbols.sh [path/to/libddbgt.so.1]   (from the top srcdir)
set -eu
cd "$(dirname "$0")/.."
so=${1:-_build/werror/lib/.libs/libddbgt.so.1}
[ -f "$so" ] || { echo "gen-symbols: $so not found: build first (./test.sh or make)" >&2; exit 1; }
version=$(sed -n 's/^AC_INIT(\[libddbgt\], \[\([^]]*\)\].*/\1/p' configure.ac)
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
template=
[ -f debian/libddbgt1.symbols ] && template=-Idebian/libddbgt1.symbols
# -c0: report, never fail; the comparison is the point of this script.
dpkg-gensymbols -c0 -q -plibddbgt1 -v"$version" $template -e"$(readlink -f "$so")" -O"$tmp"
# Tie the dependency to the -dev package version that builds against it.
grep -q '^\* Build-Depends-Package:' "$tmp" ||
	sed -i '1a * Build-Depends-Package: libddbgt-dev' "$tmp"
# dpkg-gensymbols records the architecture-specific file name; keep the
# first line stable.
sed -i '1s/^.*$/libddbgt.so.1 libddbgt1 #MINVER#/' "$tmp"
if [ -f debian/libddbgt1.symbols ] && cmp -s "$tmp" debian/libddbgt1.symbols; then
	echo "gen-symbols: debian/libddbgt1.symbols is up to date ($(grep -c '^ ' "$tmp") symbols)"
else
	cp "$tmp" debian/libddbgt1.symbols
	echo "gen-symbols: debian/libddbgt1.symbols written ($(grep -c '^ ' "$tmp") symbols): commit it"
fi
