#!/bin/sh
# make fuzz-smoke: run each libFuzzer target for FUZZ_SECONDS (default 60)
# from its seed corpus, with the spec dictionary. New corpus entries and
# crash artifacts go to fuzz-work/<target>/ in the build folder.
# Usage: smoke.sh TOP_SRCDIR TARGET...
set -eu
top=$1; shift
secs=${FUZZ_SECONDS:-60}
total=0
for target in "$@"; do
	name=$(basename "$target")
	work=fuzz-work/$name
	mkdir -p "$work/corpus"
	# Seeds: the hand-made malformed cases, past crashes, the spec test data,
	# and the examples and templates when the tree has them.
	seeds="$top/fuzz/corpus/spec $top/fuzz/regressions $top/tests/data/spec $top/tests/data/cloudformation/specs"
	for extra in "$top/examples/specs" "$top/templates" "$top/data/templates"; do
		[ -d "$extra" ] && seeds="$seeds $extra"
	done
	case $name in
	fuzz_prices) seeds="$top/fuzz/corpus/prices $top/fuzz/regressions $top/data $top/tests/data/cost" ;;
	fuzz_diff) seeds="$seeds $top/fuzz/corpus/diff" ;;
	fuzz_import) seeds="$top/fuzz/corpus/import $top/fuzz/regressions $top/tests/data/import $top/tests/data/emit $top/tests/data/cloudformation" ;;
	esac
	echo "== $name: ${secs}s"
	# shellcheck disable=SC2086
	# A fixed seed: CI explores the same inputs a developer does with this script.
	if ! "$target" -seed=1 -max_total_time="$secs" -timeout=10 -max_len=16384 \
		-dict="$top/fuzz/spec.dict" -print_final_stats=1 \
		-artifact_prefix="$work/" "$work/corpus" $seeds > "$work/log" 2>&1; then
		tail -n 60 "$work/log" >&2
		echo "fuzz-smoke: $name failed; the input is in $work/ (crash-*, leak-*, timeout-*)" >&2
		exit 1
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
	echo "$name: ${execs:-?} executions, $(ls "$work/corpus" | wc -l) new corpus entries"
	total=$((total + ${execs:-0}))
done
echo "fuzz-smoke: $total executions in all, no crash"
