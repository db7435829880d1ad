#!/usr/bin/env bash
# Scenario 4, results e-mail fan-out: messages queued in AwardVote's outbox (PostgreSQL) and delivered by the app's
# own DeliverOutboxJob, run back to back until the outbox is empty; against a naive sender opening a new MailKit
# connection per message, and against the ceiling: the same messages over one MailKit connection with no database,
# and Python's smtplib on one connection. Two receivers on 127.0.0.1: a counting sink in .NET (fast: the sender's own
# cost shows; it advertises PIPELINING like Postfix) and the test suite's aiosmtpd receiver writing a Maildir.
# Usage: bench/4-mail-fanout.sh      Env: BENCH_MAILS (10000, sink), BENCH_MAILDIR_MAILS (2000, aiosmtpd)
source "$(dirname "$0")/lib.sh"
mails=${BENCH_MAILS:-10000}
maildir_mails=${BENCH_MAILDIR_MAILS:-2000}
bench_install
bench_build
start_postgres

value() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
maildir_count() { find "$MAILDIR/new" -type f | wc -l; }
# What the receiver got: the sink's own count (messages, distinct recipients, recipients mailed twice), or the Maildir's.
received() { if [ "$1" = sink ]; then sink_stats | sed 's/^/ /'; else echo "$(maildir_count) files in the Maildir"; fi; }
fresh_receiver() { if [ "$1" = sink ]; then start_sink; else start_smtp; fi; }

report_begin 4-mail-fanout "4. Results e-mail fan-out" "bench/4-mail-fanout.sh"
report "| Receiver | Sender | Messages | What the receiver got | Messages/s |"
report "|---|---|---:|---|---:|"

for receiver in sink maildir; do
  n=$mails; [ "$receiver" = maildir ] && n=$maildir_mails
  label="counting sink (.NET)"; [ "$receiver" = maildir ] && label="aiosmtpd → Maildir"

  log "$receiver: AwardVote outbox, $n messages"
  fresh_receiver "$receiver"
  dotnet "$BENCH_DLL" outbox --connection "$PG_CONN" --smtp-host 127.0.0.1 --smtp-port "$SMTP_PORT" --messages "$n" \
    --data-dir "$BENCH_TMP/outbox" >"$BENCH_TMP/outbox.txt"
  app=$(value messages_per_second "$BENCH_TMP/outbox.txt")
  report "| $label | **AwardVote outbox** (DeliverOutboxJob × $(value job_runs "$BENCH_TMP/outbox.txt") runs, $(value seconds "$BENCH_TMP/outbox.txt") s; $(value sent_rows "$BENCH_TMP/outbox.txt") rows marked sent, $(value pending_after "$BENCH_TMP/outbox.txt") pending) | $n | $(received "$receiver") | **$app** |"

  log "$receiver: baseline, a new connection per message"
  fresh_receiver "$receiver"
  dotnet "$BENCH_DLL" smtp-baseline --smtp-host 127.0.0.1 --smtp-port "$SMTP_PORT" --messages "$n" --data-dir "$BENCH_TMP/baseline" >"$BENCH_TMP/baseline.txt"
  baseline=$(value messages_per_second "$BENCH_TMP/baseline.txt")
  report "| $label | Baseline: new MailKit connection per message | $n | $(received "$receiver") | $baseline |"

  log "$receiver: ceiling, one MailKit connection, no database"
  fresh_receiver "$receiver"
  dotnet "$BENCH_DLL" smtp-ceiling --smtp-host 127.0.0.1 --smtp-port "$SMTP_PORT" --messages "$n" --data-dir "$BENCH_TMP/ceiling" >"$BENCH_TMP/ceiling.txt"
  ceiling=$(value messages_per_second "$BENCH_TMP/ceiling.txt")
  report "| $label | Ceiling: one MailKit connection, no database | $n | $(received "$receiver") | $ceiling |"

  log "$receiver: the receiver's accept rate with smtplib, one connection"
  fresh_receiver "$receiver"
  $PY bench/smtp-blast.py 127.0.0.1 "$SMTP_PORT" "$n" >"$BENCH_TMP/blast.txt"
  blast=$(value messages_per_second "$BENCH_TMP/blast.txt")
  report "| $label | Ceiling: Python smtplib, one connection | $n | $(received "$receiver") | $blast |"

  eval "app_$receiver=$app baseline_$receiver=$baseline ceiling_$receiver=$ceiling blast_$receiver=$blast"
done

report ""
report "- Counting sink: AwardVote **$app_sink** messages/s = **$(ratio "$app_sink" "$baseline_sink")×** the new-connection baseline and **$(ratio "$app_sink" "$ceiling_sink")** of the one-connection ceiling (targets: ≥ 200 messages/s, ≥ 5× the baseline)."
report "- aiosmtpd Maildir receiver: AwardVote **$app_maildir** messages/s = **$(ratio "$app_maildir" "$baseline_maildir")×** the baseline and **$(ratio "$app_maildir" "$blast_maildir")** of the receiver's own accept rate (smtplib)."
cat "$REPORT"
