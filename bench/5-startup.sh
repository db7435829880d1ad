#!/usr/bin/env bash
# Scenario 5, start-up and memory: seconds from launching the process to the first 200 on / (SQLite; first start on
# an empty data folder, which migrates and adds the demo data, then a second start on the same folder), and resident
# memory (VmRSS) idle 5 s after that and after 500 page requests. Ceiling: the bare Kestrel app, measured the same way.
# Usage: bench/5-startup.sh
source "$(dirname "$0")/lib.sh"
bench_install
bench_build
mib() { echo $(( $(rss_kb "$1") / 1024 )); }
warm() { for _ in $(seq 1 500); do curl -s -o /dev/null "$1"; done; }

report_begin 5-startup "5. Start-up and memory" "bench/5-startup.sh"
report "| Process | Launch → first 200 on / (s) | Resident memory idle (MiB) | After 500 requests (MiB) |"
report "|---|---:|---:|---:|"

log "ceiling: bare Kestrel"
start_kestrel
sleep 5
idle=$(mib "$KESTREL_PID"); warm "$KESTREL_URL/"
report "| Ceiling: bare Kestrel | $KESTREL_READY_SECONDS | $idle | $(mib "$KESTREL_PID") |"
stop_pid "$KESTREL_PID"

data=$BENCH_TMP/data-startup
log "AwardVote, SQLite, empty data folder"
start_app startup-1 Sqlite "$data"
first=$APP_READY_SECONDS
sleep 5
idle=$(mib "$APP_PID"); warm "$APP_URL/"
report "| **AwardVote, SQLite, first start** (empty folder: migrations and demo data) | **$first** | **$idle** | $(mib "$APP_PID") |"
stop_pid "$APP_PID"

log "AwardVote, SQLite, second start"
start_app startup-2 Sqlite "$data"
second=$APP_READY_SECONDS
sleep 5
idle=$(mib "$APP_PID"); warm "$APP_URL/"
report "| **AwardVote, SQLite, second start** | **$second** | **$idle** | $(mib "$APP_PID") |"
stop_pid "$APP_PID"

report ""
report "Second start / bare Kestrel: $(ratio "$second" "$KESTREL_READY_SECONDS")×. Resident memory under the vote burst: scenario 1 (its Peak RSS column)."
cat "$REPORT"
