#!/bin/sh
# Every public header compiles on its own as C99, C11 and C++11, warning-free.
set -eu
inc="$DDBGT_TOP_SRCDIR/include"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for h in "$inc"/ddbgt.h "$inc"/ddbgt/*.h; do
	rel=${h#"$inc"/}
	printf '#include <%s>\nint ddbgt_header_probe(void);\nint ddbgt_header_probe(void) { return 0; }\n' "$rel" > "$tmp/probe.c"
	cp "$tmp/probe.c" "$tmp/probe.cpp"
	for std in c99 c11; do
		${CC:-cc} -std=$std -pedantic -Wall -Wextra -Werror -I"$inc" -c "$tmp/probe.c" -o "$tmp/probe.o"
	done
	${CXX:-c++} -std=c++11 -pedantic -Wall -Wextra -Werror -I"$inc" -c "$tmp/probe.cpp" -o "$tmp/probe.o"
	n=$((n + 1))
done
# C++ callers get C linkage: the symbol in the object is not mangled.
printf '#include <ddbgt.h>\nconst char *v(void) { return ddbgt_version_string(); }\n' > "$tmp/link.cpp"
${CXX:-c++} -std=c++11 -I"$inc" -c "$tmp/link.cpp" -o "$tmp/link.o"
nm "$tmp/link.o" | grep -q ' U ddbgt_version_string$' || { echo "check-headers: C++ sees a mangled name" >&2; exit 1; }
echo "check-headers: $n headers compile as C99, C11 and C++11"
