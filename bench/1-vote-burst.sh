#!/usr/bin/env bash
# Scenario 1, vote burst: the people's-choice confirmation (POST /api/peoples-choice/{slug}/confirm {token}) under
# wrk at rising concurrency, on SQLite, on PostgreSQL with one AwardVote process, and on PostgreSQL with two processes
# on the one database (wrk's threads alternate between the two ports: no sticky sessions). The vote requests are
# stored straight in the database beforehand (bench/AwardVote.Bench vote-setup: the token's SHA-256, as the app
# stores it), so the burst measures the confirmation, not the request or its mail. Each token is sent once
# (bench/vote-burst.lua). After each level the votes in the database are counted against the 2xx answers; at the
# end every token sent is sent again and must add nothing. Ceilings in the same run and with the same client counts:
# bare Kestrel answering a POST of the same shape, pgbench's single-row INSERT on the same PostgreSQL cluster, and
# one writer's single-row INSERTs into SQLite on the same disk (bench/sqlite-insert.py).
# Usage: bench/1-vote-burst.sh
# Env: BENCH_WRK_SECONDS (10), BENCH_BURST_CONNECTIONS ("8 32 64"), BENCH_BURST_TOKENS (tokens per level, 20000: at 1,000 votes/s a 10 s level uses 10,000),
#      BENCH_BURST_CASES ("sqlite pg1 pg2")
source "$(dirname "$0")/lib.sh"
seconds=${BENCH_WRK_SECONDS:-10}
read -ra levels <<<"${BENCH_BURST_CONNECTIONS:-8 32 64}"
per_level=${BENCH_BURST_TOKENS:-20000}
cases=${BENCH_BURST_CASES:-sqlite pg1 pg2}
threads=2
warm=2000
bench_install
bench_build
start_postgres

value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
# The per-IP limit (PeoplesChoice:RequestsPerIpPerMinute) raised by configuration: every wrk connection comes from
# 127.0.0.1. The limiter guards vote *requests*; the confirmation is not under it, so this only keeps the bench
# valid should the confirmation ever be put under it too.
app_env=(PeoplesChoice__RequestsPerIpPerMinute=10000000)

# burst NAME CONNECTIONS URL PATH SLICES STATE PORTS SECONDS: one wrk run of bench/vote-burst.lua; figures in NAME.txt.
burst() {
  BURST_TOKENS=$TOKENS BURST_PATH=$4 BURST_THREADS=$threads BURST_SLICES=$5 BURST_STATE=$6 BURST_PORTS=$7 \
    wrk -t"$threads" -c"$2" -d"${8}s" --timeout 10s --latency -s bench/vote-burst.lua "$3" >"$BENCH_TMP/$1.txt" 2>&1 \
    || { cat "$BENCH_TMP/$1.txt" >&2; exit 1; }
}
audit() { dotnet "$BENCH_DLL" vote-audit --provider "$1" --connection "$2" --cycle-id "$3" >"$BENCH_TMP/$4.audit"; }

# Peak resident memory of PIDs while the burst runs: start_rss NAME PID...; stop_rss → RSS_PEAK "a MiB + b MiB",
# CPU_MS the CPU time (user + system) the PIDs used meanwhile, in milliseconds.
cpu_ticks() { local t=0; for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$t"; }
start_rss() {
  local name=$1; shift
  RSS_FILES=()
  RSS_SAMPLERS=()
  CPU_PIDS=("$@")
  CPU_START=$(cpu_ticks "$@")
  for pid in "$@"; do
    local f=$BENCH_TMP/$name-$pid.rss
    echo 0 >"$f"
    (peak=0; while kill -0 "$pid" 2>/dev/null; do
      r=$(rss_kb "$pid" 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && { peak=$r; echo "$peak" >"$f.new"; mv "$f.new" "$f"; }
      sleep 0.2
    done) &
    RSS_SAMPLERS+=($!)
    RSS_FILES+=("$f")
  done
}
stop_rss() {
  CPU_MS=$(( ($(cpu_ticks "${CPU_PIDS[@]}") - CPU_START) * 1000 / $(getconf CLK_TCK) ))
  for pid in "${RSS_SAMPLERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  RSS_PEAK=""
  local kb
  for f in "${RSS_FILES[@]}"; do kb=$(cat "$f" 2>/dev/null || true); RSS_PEAK+="${RSS_PEAK:+ + }$((${kb:-0} / 1024)) MiB"; done
}

report_begin 1-vote-burst "1. Vote burst (wrk -t$threads -d${seconds}s per level, each token sent once, 127.0.0.1)" "bench/1-vote-burst.sh"
report "Vote requests stored straight in the database (the token's SHA-256), so each 2xx is one confirmed vote: a read of the request, then vote, request mark and audit entry in one SaveChanges. \`PeoplesChoice:RequestsPerIpPerMinute\` raised to 10,000,000 by configuration (the confirmation is not under that per-IP limiter anyway; vote requests are). PostgreSQL is this script's throwaway cluster: fsync, synchronous_commit and full_page_writes off."
report ""
report "| Target | Connections | Load at start | Confirmed votes/s (2xx/s) | p50 ms | p95 ms | p99 ms | 2xx | 409 | Other | Unanswered at the cut-off | Vote rows added | Rows vs 2xx | Peak RSS | Server CPU ms per 2xx |"
report "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|"

# --- ceilings -----------------------------------------------------------------------------------------------
log "ceiling: bare Kestrel, POST of the confirmation's shape"
TOKENS=$BENCH_TMP/kestrel-tokens.txt
$PY -c 'import secrets,sys; [print(secrets.token_urlsafe(32)) for _ in range(int(sys.argv[1]))]' $((per_level * 2)) >"$TOKENS"
start_kestrel
declare -A kestrel_rate pgbench_tps
for c in "${levels[@]}"; do
  l=$(load)
  start_rss "kestrel-c$c" "$KESTREL_PID"
  burst "kestrel-c$c" "$c" "$KESTREL_URL" /confirm "0:$((per_level * 2))" "" "" "$seconds"
  stop_rss
  f=$BENCH_TMP/kestrel-c$c.txt
  kestrel_rate[$c]=$(value ok_per_second "$f")
  report "| **Ceiling: bare Kestrel**, POST /confirm (JSON in, JSON out, nothing stored) | $c | $l | ${kestrel_rate[$c]} | $(value p50_ms "$f") | $(value p95_ms "$f") | $(value p99_ms "$f") | $(value status_2xx "$f") | | $(value status_other "$f") | | | | $RSS_PEAK | $(per "$CPU_MS" "$(value status_2xx "$f")") |"
done
stop_pid "$KESTREL_PID"

log "ceiling: pgbench single-row INSERT"
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE pgbench_votes" postgres >/dev/null
# The vote's shape: a bigserial key, the cycle, voter and allowance under one unique key, a time.
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q pgbench_votes >/dev/null <<'SQL'
CREATE TABLE votes (id bigserial PRIMARY KEY, cycle_id int NOT NULL, nomination_id int NOT NULL, voter text NOT NULL,
  allowance text NOT NULL, confirmed_at timestamptz NOT NULL, UNIQUE (cycle_id, allowance, voter));
SQL
cat >"$BENCH_TMP/insert.sql" <<'SQL'
\set n random(1, 2000000000)
INSERT INTO votes (cycle_id, nomination_id, voter, allowance, confirmed_at)
  VALUES (1, 1 + :n % 3, 'BURST-' || :client_id || '-' || :n || '@LASITAJI.EXAMPLE', 'category:1', now()) ON CONFLICT DO NOTHING;
SQL
for c in "${levels[@]}"; do
  l=$(load)
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$c" -j "$threads" -T "$seconds" \
    -f "$BENCH_TMP/insert.sql" pgbench_votes >"$BENCH_TMP/pgbench-c$c.txt" 2>&1
  pgbench_tps[$c]=$(awk '/^tps/ {printf "%.1f", $3; exit}' "$BENCH_TMP/pgbench-c$c.txt")
  lat=$(awk '/^latency average/ {print $4}' "$BENCH_TMP/pgbench-c$c.txt")
  report "| **Ceiling: pgbench**, single-row INSERT per transaction (same cluster) | $c | $l | ${pgbench_tps[$c]} TPS | avg $lat | | | | | | | | | |"
done

log "ceiling: SQLite single-row INSERT, one writer"
# SQLite takes one writer at a time, so its ceiling is one writer's commit rate on the disk the app's file is on:
# with synchronous=FULL (SQLite's default, which AwardVote keeps) every commit waits for an fsync of the WAL.
for sync in FULL NORMAL; do
  l=$(load)
  $PY bench/sqlite-insert.py "$BENCH_TMP/sqlite-ceiling-$sync.db" "$seconds" "$sync" >"$BENCH_TMP/sqlite-$sync.txt"
  report "| **Ceiling: SQLite**, single-row INSERT per transaction, WAL, synchronous=$sync (Python sqlite3, same disk) | 1 | $l | $(value tps "$BENCH_TMP/sqlite-$sync.txt") TPS | | | | | | | | | | | |"
done
sqlite_full=$(value tps "$BENCH_TMP/sqlite-FULL.txt")

# --- AwardVote ----------------------------------------------------------------------------------------------
CHECKS=()
declare -A best_rate best_p99 best_c

# run_case KEY LABEL PROVIDER CONN URL PORTS PID...: a cycle of its own, a warm-up, the levels, the replay, the counts.
run_case() {
  local key=$1 label=$2 provider=$3 conn=$4 url=$5 ports=$6; shift 6
  local pids=("$@")
  log "AwardVote: $label"
  TOKENS=$BENCH_TMP/$key-tokens.txt
  local total=$((warm + per_level * ${#levels[@]}))
  dotnet "$BENCH_DLL" vote-setup --provider "$provider" --connection "$conn" --tokens "$total" --out "$TOKENS" >"$BENCH_TMP/$key-setup.txt"
  local slug cycle path
  slug=$(value slug "$BENCH_TMP/$key-setup.txt")
  cycle=$(value cycle_id "$BENCH_TMP/$key-setup.txt")
  path=/api/peoples-choice/$slug/confirm

  burst "$key-warm" 8 "$url" "$path" "0:$warm" "$BENCH_TMP/$key-warm.state" "$ports" 3
  local replay="0:$warm:$BENCH_TMP/$key-warm.state;" offset=$warm ok_total unanswered_total sent_total max_rate=1
  sent_total=$(value issued_real "$BENCH_TMP/$key-warm.txt")
  ok_total=$(value status_2xx "$BENCH_TMP/$key-warm.txt")
  unanswered_total=$(value unanswered "$BENCH_TMP/$key-warm.txt")
  audit "$provider" "$conn" "$cycle" "$key-before"
  local before; before=$(value votes "$BENCH_TMP/$key-before.audit")
  best_rate[$label]=0; best_p99[$label]=""; best_c[$label]=""
  for c in "${levels[@]}"; do
    local name=$key-c$c l; l=$(load)
    start_rss "$name" "${pids[@]}"
    burst "$name" "$c" "$url" "$path" "$offset:$per_level" "$BENCH_TMP/$name.state" "$ports" "$seconds"
    stop_rss
    audit "$provider" "$conn" "$cycle" "$name"
    local f=$BENCH_TMP/$name.txt after added ok unanswered check
    after=$(value votes "$BENCH_TMP/$name.audit")
    added=$((after - before)); before=$after
    ok=$(value status_2xx "$f"); unanswered=$(value unanswered "$f")
    ok_total=$((ok_total + ok)); unanswered_total=$((unanswered_total + unanswered))
    sent_total=$((sent_total + $(value issued_real "$f")))
    max_rate=$(awk -v a="$max_rate" -v b="$(value ok_per_second "$f")" 'BEGIN { print (b > a ? b : a) }')
    # Every 2xx is a row; rows beyond the 2xx can only be requests wrk cut off at the end of the run, unanswered.
    if [ "$added" -ge "$ok" ] && [ "$added" -le $((ok + unanswered)) ]; then check="ok (+$((added - ok)) cut off)"; else check="**MISMATCH**"; CHECKS+=("$name: $added rows for $ok 2xx, $unanswered unanswered"); fi
    [ "$(value exhausted "$f")" = 0 ] || CHECKS+=("$name: ran out of tokens ($(value exhausted "$f") requests with an unknown token)")
    report "| AwardVote $label | $c | $l | **$(value ok_per_second "$f")** | $(value p50_ms "$f") | $(value p95_ms "$f") | $(value p99_ms "$f") | $ok | $(value status_409 "$f") | $(($(value status_other "$f") + $(value status_404 "$f"))) | $unanswered | $added | $check | $RSS_PEAK | $(per "$CPU_MS" "$ok") |"
    if awk -v p="$(value p99_ms "$f")" -v r="$(value ok_per_second "$f")" -v b="${best_rate[$label]}" 'BEGIN { exit !(p < 250 && r > b) }'; then
      best_rate[$label]=$(value ok_per_second "$f"); best_p99[$label]=$(value p99_ms "$f"); best_c[$label]=$c
    fi
    replay+="$offset:$per_level:$BENCH_TMP/$name.state;"
    offset=$((offset + per_level))
  done

  # Second pass: every token sent above, once more. Confirmed ones must answer 409 and add nothing; the only
  # votes it may add are tokens whose first request was cut off unanswered and never committed.
  log "AwardVote: $label, second pass"
  # Long enough to resend them all at the best first-pass rate (a refusal is one read, cheaper than a vote), at most 90 s.
  local replay_seconds
  replay_seconds=$(awk -v n="$sent_total" -v r="$max_rate" 'BEGIN { s = int(n / r) + 5; print (s > 90 ? 90 : s) }')
  # With two processes the ports are swapped: each token goes to the process that did not confirm it.
  local replay_ports=""
  [ -z "$ports" ] || replay_ports="${ports#*,},${ports%%,*}"
  burst "$key-replay" 32 "$url" "$path" "$replay" "" "$replay_ports" "$replay_seconds"
  audit "$provider" "$conn" "$cycle" "$key-final"
  local f=$BENCH_TMP/$key-replay.txt a=$BENCH_TMP/$key-final.audit final
  final=$(value votes "$a")
  local sent tokens r409 r2xx
  sent=$(value issued_real "$f"); tokens=$(value tokens "$f"); r409=$(value status_409 "$f"); r2xx=$(value status_2xx "$f")
  local verdict="ok"
  [ "$sent" = "$tokens" ] || { verdict="**incomplete**"; CHECKS+=("$label second pass: sent $sent of $tokens tokens"); }
  [ "$r409" = "$before" ] || { verdict="**MISMATCH**"; CHECKS+=("$label second pass: $r409 answered 409 of $before votes"); }
  [ $((final - before)) = "$r2xx" ] && [ "$r2xx" -le "$unanswered_total" ] || { verdict="**MISMATCH**"; CHECKS+=("$label second pass: $((final - before)) rows added, $r2xx 2xx, $unanswered_total cut off in the first pass"); }
  for k in distinct_requests distinct_voters confirmed_requests audit_entries; do
    [ "$(value "$k" "$a")" = "$final" ] || { verdict="**MISMATCH**"; CHECKS+=("$label: $k $(value "$k" "$a") for $final votes"); }
  done
  for k in votes_without_confirmed_request votes_of_other_voter; do
    [ "$(value "$k" "$a")" = 0 ] || { verdict="**MISMATCH**"; CHECKS+=("$label: $k $(value "$k" "$a")"); }
  done
  report "| AwardVote $label, second pass of all $tokens tokens sent (all answers/s) | 32 | | $(value rps "$f") | $(value p50_ms "$f") | $(value p95_ms "$f") | $(value p99_ms "$f") | $r2xx | $r409 | $(($(value status_other "$f") + $(value status_404 "$f"))) | $(value unanswered "$f") | $((final - before)) | $verdict | | |"
  CASES+=("$label: $final vote rows in the database = $ok_total first-pass 2xx + $((final - ok_total - r2xx)) committed as wrk cut the runs off (of $unanswered_total unanswered) + $r2xx second-pass 2xx (cut-off tokens never committed); $final distinct requests, voters and audit entries; second pass: $r409 × 409 already used for the $before votes before it — $verdict.")
}
CASES=()

if [[ " $cases " == *" sqlite "* ]]; then
  start_app burst-sqlite Sqlite "$BENCH_TMP/data-burst-sqlite" "${app_env[@]}"
  run_case sqlite SQLite Sqlite "$APP_CONN" "$APP_URL" "" "$APP_PID"
  stop_pid "$APP_PID"
fi

if [[ " $cases " == *" pg"* ]]; then
  start_app burst-pg PostgreSql "$BENCH_TMP/data-burst-pg" "${app_env[@]}"
  pg1_pid=$APP_PID pg1_port=$APP_PORT pg1_url=$APP_URL pg_conn=$APP_CONN
  [[ " $cases " != *" pg1 "* ]] || run_case pg1 "PostgreSQL, 1 process" PostgreSql "$pg_conn" "$pg1_url" "" "$pg1_pid"
  if [[ " $cases " == *" pg2 "* ]]; then
    APP_DB=burst_pg start_app burst-pg2 PostgreSql "$BENCH_TMP/data-burst-pg2" "${app_env[@]}"
    run_case pg2 "PostgreSQL, 2 processes" PostgreSql "$pg_conn" "$pg1_url" "$pg1_port,$APP_PORT" "$pg1_pid" "$APP_PID"
    stop_pid "$APP_PID"
  fi
  stop_pid "$pg1_pid"
fi

report ""
for c in "${levels[@]}"; do
  report "- $c connections: bare Kestrel ${kestrel_rate[$c]} req/s, pgbench ${pgbench_tps[$c]} TPS."
done
for label in SQLite "PostgreSQL, 1 process" "PostgreSQL, 2 processes"; do
  [ -n "${best_rate[$label]:-}" ] || continue
  if [ "$label" = SQLite ]; then
    report "- SQLite's one-writer commit ceiling (synchronous=FULL): $sqlite_full TPS; AwardVote's best SQLite level is $(ratio "$(for c in "${levels[@]}"; do value ok_per_second "$BENCH_TMP/sqlite-c$c.txt"; done | sort -g | tail -1)" "$sqlite_full") of it."
  fi
  if [ -n "${best_c[$label]}" ]; then
    c=${best_c[$label]}
    report "- **$label**: highest confirmed rate with p99 < 250 ms: **${best_rate[$label]} votes/s** at $c connections (p99 ${best_p99[$label]} ms) = $(ratio "${best_rate[$label]}" "${kestrel_rate[$c]}") of bare Kestrel and $(ratio "${best_rate[$label]}" "${pgbench_tps[$c]}") of pgbench at the same client count."
  else
    report "- **$label**: no level kept p99 under 250 ms."
  fi
done
for line in "${CASES[@]}"; do report "- $line"; done
for key in $cases; do
  [ -f "$BENCH_TMP/$key-final.audit" ] || CHECKS+=("case $key did not finish (see the script's output)")
done
if [ ${#CHECKS[@]} -eq 0 ]; then
  report "- Zero lost, zero doubled: every check above held."
else
  for line in "${CHECKS[@]}"; do report "- **Check failed**: $line"; done
fi
report "- Targets: ≥ 1,000 votes/s on PostgreSQL, ≥ 500 on SQLite, p99 < 250 ms."
cat "$REPORT"
[ ${#CHECKS[@]} -eq 0 ]
