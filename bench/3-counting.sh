#!/usr/bin/env bash
# Scenario 3, counting: the `awardvote tally` command line on generated ballot files — 1,000,000 partial ranked
# ballots over 10 candidates and 100,000 over 50 — by Schulze, Borda and instant-runoff: wall time, CPU time and peak
# memory (file read and parse included). Ceilings from the same run: the .NET runtime starting and reading the file's
# lines (the least any .NET counter must do), and, in memory, plain loops over the same parsed arrays.
# Usage: bench/3-counting.sh
source "$(dirname "$0")/lib.sh"
bench_install
bench_build

# ballots FILE-NAME COUNT CANDIDATES: the generated file (cached: the generator is deterministic).
ballots() {
  local file=$BENCH_DATA/$1
  [ -s "$file" ] || { log "generating $1"; $PY bench/gen-ballots.py "$2" "$3" "$file.tmp" && mv "$file.tmp" "$file"; }
  echo "$file"
}
# timed CMD...: "wall_s cpu_s peak_mib" of one run.
timed() {
  /usr/bin/time -f "%e %U %S %M" -o "$BENCH_TMP/time.txt" "$@" >"$BENCH_TMP/out.txt" 2>"$BENCH_TMP/err.txt" \
    || { cat "$BENCH_TMP/err.txt" >&2; exit 1; }
  awk '{ printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024 }' "$BENCH_TMP/time.txt"
}
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }

report_begin 3-counting "3. Counting" "bench/3-counting.sh"
report "| File | Method | Wall s | CPU s | Peak MiB | Winner |"
report "|---|---|---:|---:|---:|---|"
declare -A inmemory
for spec in "1000000 10" "100000 50"; do
  set -- $spec
  file=$(ballots "ballots-$1x$2.txt" "$1" "$2")
  label="$(printf "%'d" "$1") ballots × $2 candidates ($(( $(stat -c %s "$file") / 1048576 )) MiB)"
  log "$label"
  read -r w c m <<<"$(timed dotnet "$BENCH_DLL" read "$file")"
  report "| $label | ceiling: \`dotnet\` start + read the lines | $w | $c | $m | |"
  for method in schulze borda irv; do
    read -r w c m <<<"$(timed dotnet "$CLI_DLL" tally --method "$method" "$file")"
    report "| $label | **awardvote tally --method $method** | **$w** | $c | $m | $(head -1 "$BENCH_TMP/out.txt" | cut -f2) |"
  done
  dotnet "$BENCH_DLL" count "$file" --repeat 3 >"$BENCH_TMP/inmemory-$1x$2.txt"
  inmemory[$1x$2]=$BENCH_TMP/inmemory-$1x$2.txt
done

report ""
report "In memory (the file parsed once with AwardVote's parser; best of 3 runs). *Count* is \`RankedCounter.Count\` on a fresh ballot set: flat arrays built, canonical-file SHA-256, first preferences, the method and its protocol. *Method alone* is the method's own pass over the arrays already built:"
report ""
report "| File | Voters | Distinct ballots | Parse ms | Loop: first preferences ms | Loop: every entry ms | Count Schulze / Borda / IRV ms | Method alone Schulze / Borda / IRV ms | Method alone ÷ every-entry loop |"
report "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for key in 1000000x10 100000x50; do
  f=${inmemory[$key]}
  loop=$(value loop_every_entry_ms "$f")
  report "| ${key/x/ × } | $(value voters "$f") | $(value distinct_ballots "$f") | $(value parse_ms "$f") | $(value loop_first_preferences_ms "$f") | $loop | $(value schulze_best_ms "$f") / $(value borda_best_ms "$f") / $(value irv_best_ms "$f") | $(value schulze_method_ms "$f") / $(value borda_method_ms "$f") / $(value irv_method_ms "$f") | $(ratio "$(value schulze_method_ms "$f")" "$loop") / $(ratio "$(value borda_method_ms "$f")" "$loop") / $(ratio "$(value irv_method_ms "$f")" "$loop") |"
done
report ""
report "Targets: each tally under 2 s and 500 MB, file read and parse included; in memory within 5× of a plain array-sum loop over the same data."
cat "$REPORT"
