#!/bin/sh
# Help and completion come from one table (tools/commands.def): every command
# has help with its options and an example, the overview fits 80 columns in
# the order of the job, and the bash completion offers the same commands,
# options and values.
set -u
cli=${DDBGT_CLI:?}
def="$DDBGT_TEST_SRCDIR/../tools/commands.def"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

"$cli" --help > "$tmp/overview" 2>&1 || bad "--help exits non-zero"
long=$(awk 'length > 80' "$tmp/overview")
[ -z "$long" ] && ok || bad "overview lines over 80 columns: $long"
order=$(sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' "$tmp/overview" | head -4 | tr '\n' ' ')
[ "$order" = "plan validate cost emit " ] && ok || bad "overview order: $order"

commands=$(sed -n 's/^DDBGT_COMMAND(\([a-z_]*\),.*/\1/p' "$def")
for c in $commands; do
	grep -q "^  $c  " "$tmp/overview" && ok || bad "$c missing from the overview"
	"$cli" help "$c" > "$tmp/help" 2>&1 || bad "help $c exits non-zero"
	"$cli" "$c" --help > "$tmp/help2" 2>&1 || bad "$c --help exits non-zero"
	cmp -s "$tmp/help" "$tmp/help2" && ok || bad "help $c and $c --help differ"
	grep -q "^usage: ddbgt $c" "$tmp/help" && ok || bad "help $c: no usage line"
	grep -q "^Example:" "$tmp/help" && ok || bad "help $c: no example"
	grep -q "^  ddbgt $c" "$tmp/help" && ok || bad "help $c: the example does not run $c"
	long=$(awk 'length > 80' "$tmp/help")
	[ -z "$long" ] && ok || bad "help $c: lines over 80 columns: $long"
	# Every option of the table, each spelling, is in the help.
	sed -n "s/^DDBGT_OPTION($c, \"\([^\"]*\)\".*/\1/p" "$def" | tr ',' '\n' | sed 's/^ *//' > "$tmp/opts"
	while read -r o; do
		grep -q -- "$o" "$tmp/help" && ok || bad "help $c: no $o"
	done < "$tmp/opts"
done
"$cli" help frobnicate > "$tmp/out" 2>&1; [ $? -eq 2 ] && ok || bad "help of an unknown command must exit 2"

# The completion script: generated, valid bash, and it completes from the table.
"$cli" completion bash > "$tmp/ddbgt.bash" || bad "completion bash exits non-zero"
"$cli" completion zsh > "$tmp/out" 2>&1; [ $? -eq 2 ] && ok || bad "completion zsh must exit 2"
if command -v bash > /dev/null 2>&1; then
	complete_words() { # words... -> the candidates for the last word
		bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _ddbgt; printf "%s\n" "${COMPREPLY[@]}"' \
			sh "$tmp/ddbgt.bash" "$@"
	}
	complete_words ddbgt "" > "$tmp/c"
	for c in $commands; do grep -qx "$c" "$tmp/c" && ok || bad "completion: no command $c"; done
	complete_words ddbgt va > "$tmp/c"
	[ "$(cat "$tmp/c")" = validate ] && ok || bad "completion of 'va': $(cat "$tmp/c")"
	complete_words ddbgt validate --format "" > "$tmp/c"
	[ "$(tr '\n' ' ' < "$tmp/c")" = "text json sarif " ] && ok || bad "completion of validate --format: $(cat "$tmp/c")"
	complete_words ddbgt emit --t > "$tmp/c"
	[ "$(cat "$tmp/c")" = --target ] && ok || bad "completion of emit --t: $(cat "$tmp/c")"
	complete_words ddbgt cost --prices "$DDBGT_TEST_SRCDIR/data/cost/override-e" > "$tmp/c"
	grep -q "override-edp.json$" "$tmp/c" && ok || bad "completion of a --prices FILE: $(cat "$tmp/c")"
	complete_words ddbgt help em > "$tmp/c"
	[ "$(cat "$tmp/c")" = emit ] && ok || bad "completion of help em: $(cat "$tmp/c")"
fi

echo "cli-help: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
