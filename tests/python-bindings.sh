#!/bin/sh
# The Python ctypes binding's tests, against the library just built here.
set -u
if [ -z "${PYTHON3:-}" ]; then
	echo "python-bindings: python3 not found by configure: skipped" >&2
	exit 77
fi
libs="$DDBGT_TOP_BUILDDIR/lib/.libs"
if [ ! -f "$libs/libddbgt.so.1" ]; then
	echo "python-bindings: no shared libddbgt built (static-only build?): skipped" >&2
	exit 77
fi
if [ ! -f "$DDBGT_TOP_BUILDDIR/bindings/python/_ddbgt_prototypes.py" ]; then
	echo "python-bindings: bindings/python/_ddbgt_prototypes.py was not generated" >&2
	exit 1
fi
if [ -n "${DDBGT_SAN_CFLAGS:-}" ]; then
	# An ASan-built library needs the sanitizer runtimes loaded first; leak
	# checking is off because the interpreter keeps memory until exit.
	preload=
	for rt in libasan.so libubsan.so; do
		p=$(${CC:-cc} -print-file-name=$rt)
		[ -f "$p" ] || { echo "python-bindings: no $rt for the sanitizer build: skipped" >&2; exit 77; }
		preload="$preload $p"
	done
	LD_PRELOAD="${preload# }"; export LD_PRELOAD
	ASAN_OPTIONS=detect_leaks=0; export ASAN_OPTIONS
fi
DDBGT_LIBRARY="$libs/libddbgt.so.1" \
PYTHONPATH="$DDBGT_TOP_BUILDDIR/bindings/python:$DDBGT_TOP_SRCDIR/bindings/python" \
PYTHONDONTWRITEBYTECODE=1 \
	exec "$PYTHON3" "$DDBGT_TOP_SRCDIR/bindings/python/test_ddbgt.py"
