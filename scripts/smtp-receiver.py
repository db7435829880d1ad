#!/usr/bin/env python3
"""The test SMTP receiver: aiosmtpd writing every accepted message to a Maildir, like
`python3 -m aiosmtpd -n -l HOST:PORT -c aiosmtpd.handlers.Mailbox MAILDIR`, plus scripted refusals so the tests
can drive real SMTP failures through MailKit:

  tempfail<N>-anything@…  RCPT answers "451 4.3.0 Try again later" for the first N attempts at that address
                          (N defaults to 1 when the local part is just "tempfail…"), then accepts it.
  reject…@…               RCPT answers "550 5.1.1 No such user", always;
  reject<N>-anything@…    the same for the first N attempts, then accepts (the mailbox was "fixed"; for resending).

Every other address is accepted. Attempts are counted per address for the life of the process, so tests use
unique addresses. Usage: smtp-receiver.py HOST:PORT MAILDIR   (Debian's python3-aiosmtpd)
"""
import asyncio
import logging
import re
import signal
import sys
from collections import defaultdict

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP

TEMPFAIL = re.compile(r"^tempfail(\d*)", re.IGNORECASE)
REJECT = re.compile(r"^reject(\d*)", re.IGNORECASE)


class ScriptedMailbox(Mailbox):
    def __init__(self, mail_dir):
        super().__init__(mail_dir)
        self.attempts = defaultdict(int)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        for pattern, default, reply in (
            (REJECT, None, "550 5.1.1 No such user"),
            (TEMPFAIL, 1, "451 4.3.0 Try again later"),
        ):
            match = pattern.match(local)
            if not match:
                continue
            refusals = int(match.group(1)) if match.group(1) else default
            self.attempts[address.lower()] += 1
            attempt = self.attempts[address.lower()]
            if refusals is None or attempt <= refusals:
                logging.info("RCPT %s attempt %d: %s", address, attempt, reply)
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    if len(sys.argv) != 3 or ":" not in sys.argv[1]:
        sys.exit(__doc__)
    host, _, port = sys.argv[1].rpartition(":")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's own line-by-line trace
    handler = ScriptedMailbox(sys.argv[2])
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(handler, data_size_limit=33554432), host=host or "127.0.0.1", port=int(port)))
    logging.info("SMTP receiver on %s:%s writing to %s", host, port, sys.argv[2])
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()


if __name__ == "__main__":
    main()
