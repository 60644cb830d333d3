#!/bin/sh
# Build the examples against an installed libddbgt with nothing but
# `pkg-config --cflags --libs ddbgt`, run them and check their output.
# Used by `make installcheck` (DESTDIR and LIBDIR say where the staged
# install is) and by test.sh against the Debian packages (both unset).
# usage: run-examples.sh EXAMPLES_DIR
set -eu
src=${1:?usage: run-examples.sh EXAMPLES_DIR}
pkgconf=${PKG_CONFIG:-pkg-config}
if [ -n "${LIBDIR:-}" ]; then
	PKG_CONFIG_PATH="${DESTDIR:-}$LIBDIR/pkgconfig"; export PKG_CONFIG_PATH
	LD_LIBRARY_PATH="${DESTDIR:-}$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; export LD_LIBRARY_PATH
fi
if [ -n "${DESTDIR:-}" ]; then
	# Staged install: -I and -L point into DESTDIR.
	PKG_CONFIG_SYSROOT_DIR=$DESTDIR; export PKG_CONFIG_SYSROOT_DIR
fi
flags=$($pkgconf --cflags --libs ddbgt)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086 # flags are words
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$tmp/example" "$src/example.c" $flags
# shellcheck disable=SC2086
${CXX:-c++} -std=c++11 -Wall -Wextra -Werror -o "$tmp/example++" "$src/example.cpp" $flags
"$tmp/example" > "$tmp/c.out"
grep -q '^libddbgt .*: table orders, 2 replicas, primary us-east-1$' "$tmp/c.out"
grep -q '"format": "ddbgt/1"' "$tmp/c.out"
"$tmp/example++" > "$tmp/cpp.out"
grep -q '^broken spec: DDBGT_ESPEC, ' "$tmp/cpp.out"
grep -q '"team": "identity"' "$tmp/cpp.out"
echo "run-examples: C and C++ examples built with '$pkgconf --cflags --libs ddbgt' ($flags) and ran"
