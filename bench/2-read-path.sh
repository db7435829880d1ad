#!/usr/bin/env bash
# Scenario 2, read path: wrk against AwardVote's public pages (home, the demo cycle's page, the archive), on SQLite
# and on PostgreSQL, and against the ceiling: a bare Kestrel app returning a fixed page of the same size, run the
# same way with the same wrk settings. Requests per second with p50/p95/p99 latency.
# Usage: bench/2-read-path.sh     Env: BENCH_WRK_SECONDS (10), BENCH_WRK_CONNECTIONS (16), BENCH_WRK_THREADS (2)
source "$(dirname "$0")/lib.sh"
seconds=${BENCH_WRK_SECONDS:-10}
connections=${BENCH_WRK_CONNECTIONS:-16}
threads=${BENCH_WRK_THREADS:-2}
bench_install
bench_build
start_postgres

value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f %%", 100 * a / b }'; }
year=$(date -u +%Y)
# The demo data (src/AwardVote.Infrastructure/Demo/DemoSeeder.cs): the open cycle of this year and the 2019 archive.
pages=("/" "/Cycles/gada-biblioteka-$year" "/Cycles" "/Cycles/gada-biblioteka-2019" "/Cycles/gada-biblioteka-2019/Results" "/Laureates")

# wrk_run URL NAME: a short warm-up, then the measured run; figures in $BENCH_TMP/NAME.txt.
wrk_run() {
  wrk -t"$threads" -c"$connections" -d2s "$1" >/dev/null 2>&1 || true
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s bench/wrk-report.lua "$1" >"$BENCH_TMP/$2.txt" 2>&1
}
row() {
  local f=$BENCH_TMP/$2.txt
  report "| $1 | $(value rps "$f") | $(value p50_ms "$f") | $(value p95_ms "$f") | $(value p99_ms "$f") | $(value errors "$f") | $(value bytes_per_request "$f") |"
}

report_begin 2-read-path "2. Read path (wrk -t$threads -c$connections -d${seconds}s, 127.0.0.1)" "bench/2-read-path.sh"
report "| Target | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Bytes/response |"
report "|---|---:|---:|---:|---:|---:|---:|"

log "ceiling: bare Kestrel"
start_kestrel
wrk_run "$KESTREL_URL/" kestrel
row "**Ceiling: bare Kestrel**, fixed 8 kB page" kestrel
stop_pid "$KESTREL_PID"
ceiling=$(value rps "$BENCH_TMP/kestrel.txt")

declare -A best
for provider in Sqlite PostgreSql; do
  log "AwardVote on $provider"
  start_app "read-$provider" "$provider" "$BENCH_TMP/data-read-$provider"
  # Warm-up over every page first: the runtime's tiered JIT recompiles the hot paths in the first seconds of load,
  # and the first page measured would otherwise pay for that alone (seen: 923 → 2,685 requests/s on the same page).
  for page in "${pages[@]}"; do wrk -t"$threads" -c"$connections" -d3s "$APP_URL$page" >/dev/null 2>&1 || true; done
  for page in "${pages[@]}"; do
    name="$provider-$(echo "$page" | tr '/' '_')"
    status=$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL$page")
    wrk_run "$APP_URL$page" "$name"
    row "AwardVote $provider \`$page\` (HTTP $status)" "$name"
    best[$name]=$(value rps "$BENCH_TMP/$name.txt")
  done
  rss=$(rss_kb "$APP_PID")
  report "| AwardVote $provider: resident memory after the runs | $((rss / 1024)) MiB | | | | | |"
  stop_pid "$APP_PID"
done

report ""
for page in "${pages[@]}"; do
  key=$(echo "$page" | tr '/' '_')
  report "- \`$page\`: SQLite $(pct "${best[Sqlite-$key]}" "$ceiling") and PostgreSQL $(pct "${best[PostgreSql-$key]}" "$ceiling") of the bare-Kestrel ceiling's requests/s."
done
report "- Target: ≥ 2,000 requests/s with p95 < 100 ms."
cat "$REPORT"
