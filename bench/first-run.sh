#!/bin/bash
# The first table in a fresh process (issue 13, doc/performance.md): wall time
# of whole `ddbgt plan -o DIR` processes on the default template, each a new
# process with its files written to a new temporary folder, and callgrind's
# instruction count of one such process (the dynamic loader included).
# Run from the build directory: bench/first-run.sh [N] (N processes, default 20).
# Pin it for figures worth comparing: taskset -c 1 bench/first-run.sh 20
# bash for EPOCHREALTIME: the clock is read without starting a process.
set -eu
n=${1:-20}
top=$(pwd)
# The installed layout: the real executable and the shared library, not
# libtool's wrapper script (which would start a shell per run).
exe="$top/tools/.libs/ddbgt"
[ -x "$exe" ] || exe="$top/tools/ddbgt"
export LD_LIBRARY_PATH="$top/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

times=()
for i in $(seq "$n"); do
	mkdir "$work/$i"
	t0=$EPOCHREALTIME
	"$exe" plan -o "$work/$i" >/dev/null
	t1=$EPOCHREALTIME
	[ -s "$work/$i/main.tf.json" ] || { echo "run $i wrote no main.tf.json" >&2; exit 1; }
	times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$n" '
	{ t[NR] = $1 }
	END {
		m = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
		printf "ddbgt plan -o DIR, %d processes: fastest %.3f ms, median %.3f ms, slowest %.3f ms\n",
			n, t[1], m, t[n]
	}'

if command -v valgrind >/dev/null; then
	mkdir "$work/cg"
	valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
		"$exe" plan -o "$work/cg" >/dev/null 2>&1
	awk '/^(summary|totals):/ { printf "instructions of one process (callgrind): %d\n", $2; exit }' \
		"$work/cg.out"
fi
