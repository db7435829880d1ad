#!/usr/bin/env bash
# Scenario 6, growth: the counting of scenario 3 at 1,000, 10,000, 100,000 and 1,000,000 ballots over 10 candidates
# (the first N lines of one generated file) — how the cost grows with the work. Command line (wall, CPU, memory) and
# in memory (parse, then each method). Then scenario 1's vote burst on PostgreSQL (one process, 32 connections) in a
# vote that already holds 1,000, 10,000, 100,000 and 1,000,000 cast votes.
# Usage: bench/6-growth.sh
# Env: BENCH_GROWTH_VOTES ("1000 10000 100000 1000000"), BENCH_WRK_SECONDS (10)
source "$(dirname "$0")/lib.sh"
bench_install
bench_build
big=$BENCH_DATA/ballots-1000000x10.txt
[ -s "$big" ] || { log "generating"; $PY bench/gen-ballots.py 1000000 10 "$big.tmp" && mv "$big.tmp" "$big"; }
value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }

report_begin 6-growth "6. Growth (counting, 10 candidates; the vote burst at growing data)" "bench/6-growth.sh"
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

# --- Scenario 1 at growing data ----------------------------------------------------------------------------------
read -ra sizes <<<"${BENCH_GROWTH_VOTES:-1000 10000 100000 1000000}"
seconds=${BENCH_WRK_SECONDS:-10}
burst() {
  BURST_TOKENS=$1 BURST_PATH=$2 BURST_THREADS=2 BURST_SLICES=$3 BURST_STATE="" BURST_PORTS="" \
    wrk -t2 -c32 -d"${4}s" --timeout 10s --latency -s bench/vote-burst.lua "$APP_URL" >"$5" 2>&1 || { cat "$5" >&2; exit 1; }
}
audit() { dotnet "$BENCH_DLL" vote-audit --provider PostgreSql --connection "$APP_CONN" --cycle-id "$1" >"$2"; }
start_postgres
start_app growth-pg PostgreSql "$BENCH_TMP/data-growth-pg" PeoplesChoice__RequestsPerIpPerMinute=10000000
report ""
report "Scenario 1 (vote burst, PostgreSQL, one process, wrk -t2 -c32 -d${seconds}s after a 3 s warm-up) in a vote that already holds N cast votes (each a confirmed request and its vote; bench/AwardVote.Bench vote-setup --existing N), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start:"
report ""
report "| Cast votes before | Vote rows in the table | Set-up s | Confirmed votes/s | p50 ms | p99 ms | Rows added vs 2xx |"
report "|---:|---:|---:|---:|---:|---:|---|"
for n in "${sizes[@]}"; do
  tokens=$BENCH_TMP/growth-$n-tokens.txt
  start=$(date +%s.%N)
  dotnet "$BENCH_DLL" vote-setup --provider PostgreSql --connection "$APP_CONN" --existing "$n" --tokens 20000 --out "$tokens" >"$BENCH_TMP/growth-$n.setup"
  setup_s=$(since "$start")
  cycle=$(value cycle_id "$BENCH_TMP/growth-$n.setup")
  path=/api/peoples-choice/$(value slug "$BENCH_TMP/growth-$n.setup")/confirm
  burst "$tokens" "$path" "0:2000" 3 "$BENCH_TMP/growth-$n-warm.txt"
  audit "$cycle" "$BENCH_TMP/growth-$n-before.audit"
  burst "$tokens" "$path" "2000:18000" "$seconds" "$BENCH_TMP/growth-$n.txt"
  audit "$cycle" "$BENCH_TMP/growth-$n-after.audit"
  f=$BENCH_TMP/growth-$n.txt
  added=$(( $(value votes "$BENCH_TMP/growth-$n-after.audit") - $(value votes "$BENCH_TMP/growth-$n-before.audit") ))
  ok=$(value status_2xx "$f"); cut=$(value unanswered "$f")
  if [ "$added" -ge "$ok" ] && [ "$added" -le $((ok + cut)) ]; then check="ok"; else check="**MISMATCH** ($added rows, $ok 2xx, $cut cut off)"; fi
  rows=$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc 'SELECT count(*) FROM "PeoplesChoiceVotes"' growth_pg)
  report "| $(printf "%'d" "$n") | $(printf "%'d" "$rows") | $setup_s | **$(value ok_per_second "$f")** | $(value p50_ms "$f") | $(value p99_ms "$f") | $check |"
done
stop_pid "$APP_PID"
cat "$REPORT"
