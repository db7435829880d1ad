# Shared by the bench/ scripts (sourced, not run): what to install, throwaway services on 127.0.0.1 stopped on exit,
# the Release build, starting AwardVote, and writing each scenario's report to artifacts/bench/NAME.md.
set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$BENCH_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
BENCH_OUT=${BENCH_OUT:-$BENCH_ROOT/artifacts/bench}
BENCH_DATA=${BENCH_DATA:-$BENCH_ROOT/artifacts/bench/data}
mkdir -p "$BENCH_OUT" "$BENCH_DATA"
WEB_DLL=$BENCH_ROOT/src/AwardVote.Web/bin/Release/net10.0/AwardVote.Web.dll
CLI_DLL=$BENCH_ROOT/src/AwardVote.Cli/bin/Release/net10.0/awardvote.dll
BENCH_DLL=$BENCH_ROOT/bench/AwardVote.Bench/bin/Release/net10.0/AwardVote.Bench.dll
KESTREL_DLL=$BENCH_ROOT/bench/AwardVote.Bench.Kestrel/bin/Release/net10.0/AwardVote.Bench.Kestrel.dll
PY=/usr/bin/python3

log() { printf '\n== %s\n' "$*" >&2; }

# --- what the benchmarks need from Debian -------------------------------------------------------------------
bench_install() {
  local need=()
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  [ -x /usr/bin/time ] || need+=(time)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v awk >/dev/null 2>&1 || need+=(gawk)
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
  $PY -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    if [ "$(id -u)" != 0 ]; then
      echo "Missing ${need[*]}: run as root, or: sudo apt-get install -y ${need[*]}" >&2
      exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

# --- the Release build, once per run-all (BENCH_SKIP_BUILD=1 skips it) --------------------------------------
bench_build() {
  if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$WEB_DLL" ] && [ -f "$BENCH_DLL" ]; then return; fi
  log "building (Release)"
  dotnet build AwardVote.sln -c Release -nologo -clp:ErrorsOnly >&2
  export BENCH_SKIP_BUILD=1
}

# --- throwaway services, stopped on exit --------------------------------------------------------------------
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
BENCH_TMP=$(mktemp -d /tmp/awardvote-bench.XXXXXX)
chmod 755 "$BENCH_TMP"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
BENCH_PIDS=()
PG_DATA=""
bench_cleanup() {
  set +e
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${BENCH_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  if [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 \
      || "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$BENCH_TMP"
}
trap bench_cleanup EXIT

# A PostgreSQL cluster of its own, tuned as a throwaway (no fsync): PG_PORT, PG_CONN.
start_postgres() {
  log "starting PostgreSQL"
  PG_PORT=$(free_port)
  PG_DATA=$BENCH_TMP/pg
  local as_postgres=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$BENCH_TMP"
    as_postgres=(runuser -u postgres --)   # initdb refuses to run as root
  fi
  "${as_postgres[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$BENCH_TMP/initdb.log"
  "${as_postgres[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$BENCH_TMP/pg.log" -w -t 60 \
    -o "-p $PG_PORT -k $BENCH_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=postgres"
}

# The test SMTP receiver (aiosmtpd writing a Maildir): SMTP_PORT, MAILDIR.
start_smtp() {
  log "starting the SMTP receiver"
  SMTP_PORT=$(free_port)
  MAILDIR=$BENCH_TMP/maildir-$SMTP_PORT
  mkdir -p "$MAILDIR/new" "$MAILDIR/cur" "$MAILDIR/tmp"
  $PY scripts/smtp-receiver.py "127.0.0.1:$SMTP_PORT" "$MAILDIR" >"$BENCH_TMP/smtp.log" 2>&1 &
  BENCH_PIDS+=($!)
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.1; done
}

# start_app NAME DB(Sqlite|PostgreSql) DATADIR [extra env...]: AwardVote from the Release build; APP_PID, APP_URL,
# APP_PORT, APP_CONN (its connection string).
# The seconds from launch to the first 200 on / go to APP_READY_SECONDS.
start_app() {
  local name=$1 provider=$2 data=$3; shift 3
  local port; port=$(free_port)
  mkdir -p "$data"
  local conn="Data Source=$data/awardvote.db"
  APP_PORT=$port
  if [ "$provider" = PostgreSql ]; then
    # A database of its own per app, so each starts empty and gets the demo data; APP_DB=NAME: a second process on
    # an existing app's database (scenario 1's scale-out).
    local db=${APP_DB:-${name//-/_}}
    if [ -z "$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" postgres)" ]; then
      "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db" postgres >/dev/null
    fi
    conn="Host=127.0.0.1;Port=$PG_PORT;Database=$db;Username=postgres"
  fi
  APP_CONN=$conn
  local start; start=$(date +%s.%N)
  (cd src/AwardVote.Web && exec env \
    ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider="$provider" ConnectionStrings__AwardVote="$conn" \
    Database__MigrateOnStartup=true Demo__SeedWhenEmpty=true Demo__AllowOutsideDevelopment=true Security__HttpsRedirection=false \
    Mail__PublicBaseUrl=http://awardvote.bench AllowedHosts='*' \
    Mail__Transport=Smtp Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="${SMTP_PORT:-25}" Mail__Smtp__Security=None \
    Storage__DataDirectory="$data" Logging__LogLevel__Default=Warning "$@" \
    dotnet "$WEB_DLL") >"$BENCH_TMP/$name.log" 2>&1 &
  APP_PID=$!
  BENCH_PIDS+=($APP_PID)
  APP_URL="http://127.0.0.1:$port"
  wait_for_200 "$APP_URL/" "$APP_PID" "$BENCH_TMP/$name.log"
  APP_READY_SECONDS=$(since "$start")
}

# start_kestrel: the bare Kestrel ceiling app, run the same way; KESTREL_PID, KESTREL_URL, KESTREL_READY_SECONDS.
start_kestrel() {
  local port; port=$(free_port)
  local start; start=$(date +%s.%N)
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production dotnet "$KESTREL_DLL" >"$BENCH_TMP/kestrel.log" 2>&1 &
  KESTREL_PID=$!
  BENCH_PIDS+=($KESTREL_PID)
  KESTREL_URL="http://127.0.0.1:$port"
  wait_for_200 "$KESTREL_URL/" "$KESTREL_PID" "$BENCH_TMP/kestrel.log"
  KESTREL_READY_SECONDS=$(since "$start")
}

wait_for_200() {
  local url=$1 pid=$2 logfile=$3
  for _ in $(seq 1 2400); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = 200 ]; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the process for $url exited:" >&2; tail -30 "$logfile" >&2; exit 1; fi
    sleep 0.05
  done
  echo "$url did not answer 200 in 120 s" >&2; tail -30 "$logfile" >&2; exit 1
}

stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

# --- the report ---------------------------------------------------------------------------------------------
machine() {
  local cpu; cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
  local mem; mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
  local os; os=$(. /etc/os-release && echo "$PRETTY_NAME")
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "$(nproc) cores ($cpu), $mem RAM, $os, .NET $(dotnet --version); load average at the start: $load"
}

# report_begin NAME TITLE COMMAND: opens artifacts/bench/NAME.md; report LINE appends to it.
report_begin() {
  REPORT=$BENCH_OUT/$1.md
  {
    echo "### $2"
    echo
    echo "- Machine: $(machine)"
    echo "- Command: \`$3\`"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo
  } >"$REPORT"
}
report() { echo "$*" >>"$REPORT"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
# Seconds since a `date +%s.%N` reading, to the millisecond.
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'; }

# The .NET counting SMTP sink (bench/AwardVote.Bench smtp-sink): SMTP_PORT; sink_stats prints its XSTATS reply.
start_sink() {
  SMTP_PORT=$(free_port)
  dotnet "$BENCH_DLL" smtp-sink --port "$SMTP_PORT" >"$BENCH_TMP/sink-$SMTP_PORT.log" 2>&1 &
  BENCH_PIDS+=($!)
  SINK_PID=$!
  for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.1; done
}
sink_stats() { $PY -c "import smtplib,sys; c=smtplib.SMTP('127.0.0.1',int(sys.argv[1])); print(c.docmd('XSTATS')[1].decode()); c.quit()" "$SMTP_PORT"; }
