#!/usr/bin/env bash
# Runs every AwardVote test, as CI does: installs what is missing (PostgreSQL, Chromium, an SMTP receiver) on
# Debian/Ubuntu, starts a throwaway PostgreSQL cluster and an SMTP receiver on 127.0.0.1, builds with warnings as
# errors, checks that every provider's migrations match the model, runs the unit, integration (SQLite and
# PostgreSQL) and browser tests, stops what it started, and exits non-zero on any failure.
# Usage: scripts/test.sh            Artefacts (test results, screenshots): artifacts/
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
artifacts=$root/artifacts
rm -rf "$artifacts/test-results" "$artifacts/screenshots"
mkdir -p "$artifacts/test-results" "$artifacts/screenshots"

log() { printf '\n== %s\n' "$*"; }

# --- 1. What the tests need from the system ----------------------------------------------------------------
need=()
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "Missing ${need[*]}: run as root, or install them with: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 2. Throwaway services on 127.0.0.1, stopped on exit --------------------------------------------------
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
services_dir=$(mktemp -d /tmp/awardvote-test.XXXXXX)
chmod 755 "$services_dir"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_data=$services_dir/pg
smtp_pid=""
cleanup() {
  set +e
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null
  if [ -f "$pg_data/postmaster.pid" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 \
      || "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$services_dir"
}
trap cleanup EXIT

log "starting PostgreSQL"
pg_port=$(free_port)
as_postgres=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$services_dir"
  as_postgres=(runuser -u postgres --)   # initdb refuses to run as root
fi
"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$services_dir/initdb.log"
# fsync off: a throwaway test cluster needs no crash safety.
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$services_dir/pg.log" -w -t 60 \
  -o "-p $pg_port -k $services_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
export AWARDVOTE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=postgres;Username=postgres;Include Error Detail=true"

log "starting the SMTP receiver"
smtp_port=$(free_port)
maildir=$services_dir/maildir
mkdir -p "$maildir/new" "$maildir/cur" "$maildir/tmp"
# aiosmtpd writing a Maildir, which also refuses tempfail…@ (451) and reject…@ (550) recipients for the mail tests.
/usr/bin/python3 scripts/smtp-receiver.py "127.0.0.1:$smtp_port" "$maildir" >"$services_dir/smtp.log" 2>&1 &
smtp_pid=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.1; done
export AWARDVOTE_TEST_SMTP_HOST=127.0.0.1 AWARDVOTE_TEST_SMTP_PORT=$smtp_port AWARDVOTE_TEST_MAILDIR=$maildir
export AWARDVOTE_TEST_CHROMIUM=/usr/bin/chromium AWARDVOTE_TEST_ARTIFACTS=$artifacts/screenshots

# --- 3. Build, migrations, tests ----------------------------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building (Release, warnings are errors)"
dotnet tool restore >/dev/null
dotnet build AwardVote.sln -c Release -nologo -clp:ErrorsOnly

log "checking migrations against the model"
CONFIGURATION=Release bash scripts/check-migrations.sh

status=0
for project in AwardVote.UnitTests AwardVote.IntegrationTests AwardVote.BrowserTests; do
  log "$project"
  dotnet test "tests/$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$project.trx" --results-directory "$artifacts/test-results" \
    --logger "console;verbosity=normal" || status=1
done

# --- 4. One closing line for the whole run ------------------------------------------------------------------
/usr/bin/python3 - "$artifacts/test-results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
# The failures again, last, so that whoever reads only the end of the log sees which tests failed and why.
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for result in ET.parse(path).getroot().iter("{*}UnitTestResult"):
        if result.get("outcome") in ("Failed", "Error", "Timeout"):
            message = result.find("{*}Output/{*}ErrorInfo/{*}Message")
            text = (message.text or "").strip() if message is not None else ""
            print(f"FAILED {result.get('testName')}\n    " + "\n    ".join(text.splitlines()[:12]))
PY
exit $status
