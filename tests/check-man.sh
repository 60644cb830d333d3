#!/bin/sh
# Every exported symbol has a manual page (a link to its header's page, which
# declares it), every public function has a doc comment, the umbrella header
# includes every header, every command of tools/commands.def has a section in
# ddbgt(1), and every page renders without warnings.
set -u
man3="$DDBGT_TOP_BUILDDIR/man/man3"
if [ ! -d "$man3" ]; then
	echo "check-man: man/man3 was not generated (python3 missing at build time): skipped" >&2
	exit 77
fi
man3=$(cd "$man3" && pwd)
fail=0
pass=0
# One python3 process for the ~300 pages (it generated them, so it is here).
out=$("${PYTHON3:-python3}" - "$DDBGT_TOP_SRCDIR/lib/libddbgt.map" "$man3" <<'PY'
import os, re, sys
syms = re.findall(r"^\s*([a-z_][a-z0-9_]*);\s*$", open(sys.argv[1]).read(), re.M)
man3 = sys.argv[2]
ok = 0
for s in syms:
    try:
        link = open(os.path.join(man3, s + ".3")).read()
    except OSError:
        link = ""
    m = re.match(r"\.so man3/(\S+)\n$", link)
    page = m and os.path.join(man3, m.group(1))
    if not page or not os.path.isfile(page):
        print("FAIL %s: no man3/%s.3 linking to a header's page" % (s, s))
        continue
    text = open(page).read()
    name = text.split(".SH NAME", 1)[-1].split(".SH", 1)[0]
    # Declared in the page (roff escapes '-' only, so the name is verbatim)
    # and named in NAME, so that whatis and apropos find it.
    if re.search(r"[ *]%s\(" % s, text) and re.search(r"\b%s\b" % s, name):
        ok += 1
    else:
        print("FAIL %s: %s does not declare it or lacks it in NAME" % (s, m.group(1)))
print("OK %d" % ok)
PY
)
echo "$out" | grep '^FAIL'
pass=$((pass + $(echo "$out" | sed -n 's/^OK //p')))
fail=$((fail + $(echo "$out" | grep -c '^FAIL')))
# The pages tell users to #include <ddbgt.h>: it must bring every header.
for h in "$DDBGT_TOP_SRCDIR"/include/ddbgt/*.h; do
	rel=ddbgt/${h##*/}
	if grep -q "^#include \"$rel\"" "$DDBGT_TOP_SRCDIR/include/ddbgt.h"; then pass=$((pass + 1)); else
		echo "FAIL $rel: not included by the umbrella include/ddbgt.h"; fail=$((fail + 1)); fi
done
man1="$DDBGT_TOP_SRCDIR/doc/ddbgt.1"
for c in $(sed -n 's/^DDBGT_COMMAND(\([a-z_]*\),.*/\1/p' "$DDBGT_TOP_SRCDIR/tools/commands.def"); do
	if grep -q "^\.SS $c\$" "$man1"; then pass=$((pass + 1)); else
		echo "FAIL ddbgt $c: no '.SS $c' section in doc/ddbgt.1"; fail=$((fail + 1)); fi
	# Every option of the command's table rows, in its section (roff writes '-' as '\-').
	section=$(sed -n "/^\.SS $c\$/,/^\.S[SH] /p" "$man1" | sed 's/\\-/-/g')
	for o in $(sed -n "s/^DDBGT_OPTION($c, \"\([^\"]*\)\".*/\1/p" "$DDBGT_TOP_SRCDIR/tools/commands.def" | tr ',' ' '); do
		if printf '%s\n' "$section" | grep -q -- "$o\b"; then pass=$((pass + 1)); else
			echo "FAIL ddbgt $c $o: not in the '.SS $c' section of doc/ddbgt.1"; fail=$((fail + 1)); fi
	done
done
if command -v man >/dev/null 2>&1; then
	for p in "$man1" "$man3"/libddbgt*.3; do
		# Like lintian, ignore the cosmetic line-breaking warnings of long tokens.
		w=$(cd "$man3/../" && LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$p" 2>&1 >/dev/null | grep -vE "can.t break line|cannot adjust line")
		if [ -n "$w" ]; then echo "FAIL $p renders with warnings: $w"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
	done
else
	echo "check-man: man not installed: pages not rendered" >&2
fi
# A public function needs the comment above it (or above its group of
# declarations): that comment is its whole manual page entry.
undoc="$DDBGT_TOP_BUILDDIR/man/undocumented.txt"
if [ ! -f "$undoc" ]; then
	echo "FAIL man/undocumented.txt was not written by doc/apigen.py"; fail=$((fail + 1))
elif [ -s "$undoc" ]; then
	while read -r f; do
		echo "FAIL $f: no doc comment above it or its group in include/ddbgt/ (see doc/abi.md)"
		fail=$((fail + 1))
	done < "$undoc"
else
	pass=$((pass + 1))
fi
echo "check-man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
