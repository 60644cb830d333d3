#!/bin/sh
# Instructions per table of each stage of bench_pipeline (doc/performance.md):
# valgrind's callgrind counts only inside bench_stage_STAGE, over N tables
# after a warm-up table, and the total is divided by N. Instruction counts do
# not move with the machine's load: compare them between commits.
# Run from the build directory (`make bench-instructions`); N defaults to 50.
set -eu
n=${1:-50}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# count STAGE [R G]: instructions per table
count() {
	fn=$(echo "$1" | sed 's/-norecs$//; s/-/_/g')
	./libtool --mode=execute valgrind --tool=callgrind --callgrind-out-file="$out/cg" \
		--toggle-collect="bench_stage_$fn" ./bench/bench_pipeline "$n" "$@" \
		>/dev/null 2>&1
	awk -v n="$n" '/^(summary|totals):/ { printf "%.0f", $2 / n; exit }' "$out/cg"
}

echo "instructions per table (callgrind, $n tables after a warm-up)"
echo "the issue's table: 3 regions, 2 GSIs, on demand, PITR, tags, usage"
for stage in load validate emit emit-check cost cost-norecs pipeline; do
	printf '  %-12s %10s\n' "$stage" "$(count "$stage" 3 2)"
done
echo "pipeline (load, validate, emit, cost with recommendations), R regions x G GSIs"
printf '  %-6s %10s %10s %10s\n' R 'G=0' 'G=5' 'G=20'
for r in 2 5 10 20; do
	printf '  %-6s' "$r"
	for g in 0 5 20; do
		printf ' %10s' "$(count pipeline "$r" "$g")"
	done
	echo
done
