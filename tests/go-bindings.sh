#!/bin/sh
# The Go (cgo) binding: `go vet`, then its tests and Example functions (whose
# output is checked), against the library just built here: the
# build tree's ddbgt-uninstalled.pc answers `#cgo pkg-config: ddbgt`, and the
# Go caches live under the build tree so that nothing is downloaded and the
# source tree may be read-only (distcheck).
set -u
go=${GO:-go}
if ! command -v "$go" >/dev/null 2>&1; then
	echo "go-bindings: go not found (apt-get install golang-go): skipped" >&2
	exit 77
fi
if [ -n "${DDBGT_SAN_CFLAGS:-}" ]; then
	echo "go-bindings: the Go test binary cannot load an ASan-built library: skipped in sanitizer builds" >&2
	exit 77
fi
libs="$DDBGT_TOP_BUILDDIR/lib/.libs"
if [ ! -f "$libs/libddbgt.so.1" ]; then
	echo "go-bindings: no shared libddbgt built: skipped" >&2
	exit 77
fi
work="$DDBGT_TOP_BUILDDIR/bindings/go/.build"
mkdir -p "$work"
cd "$DDBGT_TOP_SRCDIR/bindings/go" || exit 1
GOCACHE="$work/cache" GOPATH="$work/gopath" GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local \
GO111MODULE=on GOTMPDIR= CGO_ENABLED=1 \
PKG_CONFIG_PATH="$DDBGT_TOP_BUILDDIR/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
LD_LIBRARY_PATH="$libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
	sh -c '"$1" vet . && "$1" test -count=1 -v .' sh "$go" > "$work/test.out" 2>&1
rc=$?
cat "$work/test.out"
passed=$(grep -c '^--- PASS' "$work/test.out")
failed=$(grep -c '^--- FAIL' "$work/test.out")
echo "go-bindings: $passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$passed" -gt 0 ]
