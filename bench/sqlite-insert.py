#!/usr/bin/env python3
"""Scenario 1's SQLite ceiling: single-row INSERTs, one transaction each, from one writer (SQLite takes one writer at a
time), in WAL mode as AwardVote runs it, for SECONDS; prints "key value" lines.
Usage: sqlite-insert.py FILE SECONDS SYNCHRONOUS   (FULL: SQLite's default, what the app uses; NORMAL: for comparison)"""
import sqlite3, sys, time

path, seconds, synchronous = sys.argv[1], float(sys.argv[2]), sys.argv[3]
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute(f"PRAGMA synchronous={synchronous}")
db.execute("CREATE TABLE IF NOT EXISTS votes (id INTEGER PRIMARY KEY, cycle_id INT NOT NULL, voter TEXT NOT NULL, "
           "allowance TEXT NOT NULL, confirmed_at TEXT NOT NULL, UNIQUE (cycle_id, allowance, voter))")
n, start = 0, time.monotonic()
while time.monotonic() - start < seconds:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO votes (cycle_id, voter, allowance, confirmed_at) VALUES (1, ?, 'category:1', datetime('now'))",
               (f"BURST-{synchronous}-{n}@LASITAJI.EXAMPLE",))
    db.execute("COMMIT")
    n += 1
elapsed = time.monotonic() - start
print(f"inserts {n}\nseconds {elapsed:.3f}\ntps {n / elapsed:.1f}")
