#!/bin/sh
# The Python binding as a package: pip installs bindings/python (pyproject.toml
# and the prototype table generated here) into a fresh folder (pip --target:
# a virtual environment costs ten times as long for the same check), with no
# download, at the library's version; the installed module then passes the
# binding's tests against the library just built.
set -u
libs="$DDBGT_TOP_BUILDDIR/lib/.libs"
proto="$DDBGT_TOP_BUILDDIR/bindings/python/_ddbgt_prototypes.py"
if [ ! -f "$libs/libddbgt.so.1" ] || [ ! -f "$proto" ]; then
	echo "python-package: no shared library or prototype table built: skipped" >&2
	exit 77
fi
if [ -n "${DDBGT_SAN_CFLAGS:-}" ]; then
	echo "python-package: sanitizer build (tests/python-bindings.sh covers it): skipped" >&2
	exit 77
fi
# An interpreter that can build the package offline: pip, setuptools and wheel.
python=
for p in "${PYTHON3:-}" python3 /usr/bin/python3; do
	if [ -n "$p" ] && "$p" -m pip --version > /dev/null 2>&1 &&
	   "$p" -c 'import setuptools, wheel' 2>/dev/null; then
		python=$p
		break
	fi
done
if [ -z "$python" ]; then
	echo "python-package: no python3 with pip, setuptools and wheel (deps.sh): skipped" >&2
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src" "$tmp/run"
cp "$DDBGT_TOP_SRCDIR/bindings/python/pyproject.toml" "$DDBGT_TOP_SRCDIR/bindings/python/ddbgt.py" \
	"$proto" "$tmp/src/"
# The system's setuptools builds it: nothing is fetched.
"$python" -m pip install -q --disable-pip-version-check --no-index --no-build-isolation \
	--target "$tmp/site" "$tmp/src" > "$tmp/pip.log" 2>&1 ||
	{ cat "$tmp/pip.log"; echo "FAIL: pip install"; exit 1; }
PYTHONPATH="$tmp/site"; export PYTHONPATH
version=$("$python" -c 'import importlib.metadata as m; print(m.version("ddbgt"))')
want=$(sed -n 's/^Version: //p' "$DDBGT_TOP_BUILDDIR/pkgconfig/ddbgt.pc")
[ "$version" = "$want" ] || { echo "FAIL: the package says $version, the library $want"; exit 1; }
# From a folder without the sources: the test imports the installed modules.
cp "$DDBGT_TOP_SRCDIR/bindings/python/test_ddbgt.py" "$tmp/run/"
cd "$tmp/run" || exit 1
where=$(DDBGT_LIBRARY="$libs/libddbgt.so.1" "$python" -c 'import ddbgt; print(ddbgt.__file__)')
[ "$where" = "$tmp/site/ddbgt.py" ] || { echo "FAIL: ddbgt imported from $where, not the installed package"; exit 1; }
DDBGT_LIBRARY="$libs/libddbgt.so.1" PYTHONDONTWRITEBYTECODE=1 \
	exec "$python" test_ddbgt.py
