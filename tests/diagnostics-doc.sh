#!/bin/sh
# doc/diagnostics.md is the catalogue as `ddbgt explain --all --format markdown`
# prints it; regenerate with `make update-diagnostics-doc` after changing lib/codes.c.
# Also checks `ddbgt explain CODE` for a name, a lower-case name, a value and an unknown code.
set -u
cli=${DDBGT_CLI:?}
doc="${DDBGT_TOP_SRCDIR:?}/doc/diagnostics.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

"$cli" explain --all --format markdown > "$tmp/doc.md" || { echo "FAIL: explain --all"; exit 1; }
if ! diff -u "$doc" "$tmp/doc.md"; then
	echo "FAIL: doc/diagnostics.md differs from the catalogue: run make update-diagnostics-doc"
	fail=1
fi

"$cli" explain DDBGT_E_REGION_DUPLICATE > "$tmp/out" 2>&1 || { echo "FAIL: explain by name"; fail=1; }
grep -q '^DDBGT_E_REGION_DUPLICATE (134, error)$' "$tmp/out" || { echo "FAIL: heading"; cat "$tmp/out"; fail=1; }
grep -q '^  fix: ' "$tmp/out" || { echo "FAIL: no fix line"; fail=1; }
"$cli" explain ddbgt_w_region_opt_in > "$tmp/out" 2>&1 || { echo "FAIL: lower case"; fail=1; }
grep -q '^DDBGT_W_REGION_OPT_IN (136, warning)$' "$tmp/out" || { echo "FAIL: lower case"; fail=1; }
"$cli" explain 134 --format json > "$tmp/out" 2>&1 || { echo "FAIL: by value"; fail=1; }
grep -q '"code": "DDBGT_E_REGION_DUPLICATE"' "$tmp/out" || { echo "FAIL: json"; cat "$tmp/out"; fail=1; }
"$cli" explain DDBGT_E_NOPE > "$tmp/out" 2>&1
[ $? -eq 1 ] || { echo "FAIL: unknown code must exit 1"; fail=1; }
"$cli" explain > "$tmp/out" 2>&1
[ $? -eq 2 ] || { echo "FAIL: no code must exit 2"; fail=1; }
exit $fail
