#!/usr/bin/env python3
"""The SMTP receiver's own accept rate: N messages over one connection with Python's smtplib, as fast as the
receiver takes them. Messages are the size of AwardVote's results announcement (text and HTML parts).

  smtp-blast.py HOST PORT N     prints "sent N", "seconds S", "messages_per_second R"
"""
import smtplib
import sys
import time
from email.message import EmailMessage

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
text = ("Labdien!\n\nLatvijas Bibliotekāru biedrības žūrija ir noteikusi balvas “Gada bibliotēka 2026” laureātus.\n\n"
        "1. vieta: Ogres Centrālā bibliotēka. 2. vieta: Valmieras bibliotēka. 3. vieta: Ventspils bibliotēka.\n\n"
        "Skaitīšanas protokols un balsojumu datnes SHA-256 kontrolsumma ir publicēti vietnē.\n")
client = smtplib.SMTP(host, port)
client.ehlo("blast.local")
start = time.perf_counter()
for i in range(count):
    message = EmailMessage()
    message["From"] = "AwardVote <gada-biblioteka@awardvote.invalid>"
    message["To"] = f"Biedrs {i} <blast-{i}@biedri.example>"
    message["Subject"] = "Gada bibliotēka 2026: rezultāti"
    message["Message-ID"] = f"<blast-{i}@awardvote>"
    message.set_content(text)
    message.add_alternative("<!DOCTYPE html><html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>", subtype="html")
    client.send_message(message)
seconds = time.perf_counter() - start
client.quit()
print(f"sent {count}")
print(f"seconds {seconds:.3f}")
print(f"messages_per_second {count / seconds:.1f}")
