#!/usr/bin/env bash
# Runs every benchmark scenario once, in order, and gathers the reports into artifacts/bench/report.md — the figures
# to paste into docs/benchmarks.md. One Release build first; each scenario starts and stops its own PostgreSQL, SMTP
# receiver and app processes on 127.0.0.1. About 15–20 minutes on 2 cores.
# Usage: bench/run-all.sh [SCENARIO...]     e.g. bench/run-all.sh 2 5     (default: 1 2 3 4 5 6)
source "$(dirname "$0")/lib.sh"
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(1 2 3 4 5 6)
bench_install
bench_build
started=$(date +%s)
status=0
for n in "${scenarios[@]}"; do
  script=$(ls bench/"$n"-*.sh 2>/dev/null | head -1)
  [ -n "$script" ] || { echo "no scenario $n in bench/" >&2; status=1; continue; }
  log "$script"
  BENCH_SKIP_BUILD=1 bash "$script" >/dev/null || { echo "$script failed" >&2; status=1; }
done
{
  echo "## Figures from bench/run-all.sh (${scenarios[*]}), $(date -u '+%Y-%m-%d %H:%M UTC'), $(( $(date +%s) - started )) s"
  echo
  for n in "${scenarios[@]}"; do
    for f in "$BENCH_OUT/$n"-*.md; do [ -f "$f" ] && { cat "$f"; echo; }; done
  done
} >"$BENCH_OUT/report.md"
cat "$BENCH_OUT/report.md"
exit $status
