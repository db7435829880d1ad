#!/usr/bin/env bash
# Scenario 6, growth: the counting of scenario 3 at 1,000, 10,000, 100,000 and 1,000,000 ballots over 10 candidates
# (the first N lines of one generated file) — how the cost grows with the work. Command line (wall, CPU, memory) and
# in memory (parse, then each method).
# Usage: bench/6-growth.sh
source "$(dirname "$0")/lib.sh"
bench_install
bench_build
big=$BENCH_DATA/ballots-1000000x10.txt
[ -s "$big" ] || { log "generating"; $PY bench/gen-ballots.py 1000000 10 "$big.tmp" && mv "$big.tmp" "$big"; }
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }

report_begin 6-growth "6. Growth (counting, 10 candidates)" "bench/6-growth.sh"
report "| Ballots | Distinct | File MiB | CLI Schulze wall s | CLI IRV wall s | CLI IRV CPU s | CLI peak MiB | Parse ms | Schulze ms | Borda ms | IRV ms |"
report "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 1000 10000 100000 1000000; do
  file=$BENCH_TMP/ballots-$n.txt
  head -n $((n + 1)) "$big" >"$file"   # the first line is a comment
  /usr/bin/time -f "%e" -o "$BENCH_TMP/s.txt" dotnet "$CLI_DLL" tally --method schulze "$file" >/dev/null
  /usr/bin/time -f "%e %U %S %M" -o "$BENCH_TMP/i.txt" dotnet "$CLI_DLL" tally --method irv "$file" >/dev/null
  dotnet "$BENCH_DLL" count "$file" --repeat 3 >"$BENCH_TMP/m.txt"
  read -r iw iu is im <"$BENCH_TMP/i.txt"
  report "| $(printf "%'d" "$n") | $(value distinct_ballots "$BENCH_TMP/m.txt") | $(awk -v b="$(stat -c %s "$file")" 'BEGIN{printf "%.1f", b/1048576}') | $(cat "$BENCH_TMP/s.txt") | $iw | $(awk -v u="$iu" -v s="$is" 'BEGIN{printf "%.2f", u+s}') | $((im / 1024)) | $(value parse_ms "$BENCH_TMP/m.txt") | $(value schulze_best_ms "$BENCH_TMP/m.txt") | $(value borda_best_ms "$BENCH_TMP/m.txt") | $(value irv_best_ms "$BENCH_TMP/m.txt") |"
done
report ""
report "Scenario 1's growth (votes at 10×, 100×, 1000×) waits for the people's-choice vote; see that section."
cat "$REPORT"
