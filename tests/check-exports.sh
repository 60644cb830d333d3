#!/bin/sh
# The shared object exports exactly the symbols that lib/libddbgt.map lists.
set -eu
so=$(ls "$DDBGT_TOP_BUILDDIR"/lib/.libs/libddbgt.so.*.*.* 2>/dev/null | head -n 1)
if [ -z "$so" ]; then
	echo "check-exports: no shared libddbgt built (static-only build?): skipped" >&2
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sed 's/@.*//' | sort -u > "$tmp/actual"
sed -n 's/^[[:space:]]*\([a-z_][a-z0-9_]*\);$/\1/p' "$DDBGT_TOP_SRCDIR/lib/libddbgt.map" | sort -u > "$tmp/expected"
if ! diff -u "$tmp/expected" "$tmp/actual"; then
	echo "check-exports: exported symbols differ from lib/libddbgt.map (- expected, + actual)" >&2
	exit 1
fi
# Every listed symbol is declared in a public header, and every DDBGT_API
# declaration is listed.
grep -ho '^DDBGT_API[^(]*(' "$DDBGT_TOP_SRCDIR"/include/ddbgt/*.h | sed 's/.*[ *]\([a-z_0-9]*\)($/\1/' | sort -u > "$tmp/declared"
if ! diff -u "$tmp/expected" "$tmp/declared"; then
	echo "check-exports: lib/libddbgt.map differs from the DDBGT_API declarations (- map, + headers)" >&2
	exit 1
fi
# The library's calls to its own functions bind inside it (-Bsymbolic-functions):
# no PLT slot or GOT entry of its own, which the dynamic linker would look up
# by name in every process (issue 13: about 110,000 instructions of `ddbgt plan`).
readelf -rW "$so" | awk '$3 ~ /JUMP_SLOT|GLOB_DAT/ {print $5}' | sed 's/@.*//' |
	grep -Fx -f "$tmp/expected" > "$tmp/self" || true
if [ -s "$tmp/self" ]; then
	echo "check-exports: the library binds its own functions at run time:" >&2
	head -n 5 "$tmp/self" >&2
	exit 1
fi
echo "check-exports: $(wc -l < "$tmp/actual") symbols exported, all listed and declared"
