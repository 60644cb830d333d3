#!/bin/sh
# Every fuzz target replays its seed corpus and every past crash input
# (fuzz/regressions/), in whichever build this is (plain, ASan, valgrind).
set -eu
top=$DDBGT_TOP_SRCDIR
build=$DDBGT_TOP_BUILDDIR
n=0
for target in fuzz_spec fuzz_pipeline fuzz_prices fuzz_diff fuzz_import; do
	bin=$build/fuzz/$target
	[ -x "$bin" ] || { echo "fuzz-replay: $bin is missing" >&2; exit 1; }
	case $target in
	fuzz_prices) dirs="$top/fuzz/corpus/prices $top/fuzz/regressions $top/data $top/tests/data/cost" ;;
	fuzz_diff) dirs="$top/fuzz/corpus/diff $top/fuzz/corpus/spec $top/examples/specs" ;;
	fuzz_import) dirs="$top/fuzz/corpus/import $top/fuzz/regressions $top/tests/data/import $top/tests/data/emit $top/tests/data/cloudformation" ;;
	*) dirs="$top/fuzz/corpus/spec $top/fuzz/regressions $top/tests/data/spec $top/examples/specs $top/tests/data/cloudformation/specs" ;;
	esac
	# Files, not folders: a libFuzzer binary given a folder would start fuzzing.
	# shellcheck disable=SC2086
	files=$(find $dirs -type f | LC_ALL=C sort)
	# shellcheck disable=SC2086
	"$bin" $files > /dev/null
	n=$((n + $(echo "$files" | wc -l)))
done
echo "fuzz-replay: $n passed, 0 failed (inputs replayed by the fuzz targets)"
