"""The Python baseline for a per-value-KDF rotation: seed 002's own
decrypt and encrypt (the stand-in in tests/standins/seed002_tiger.py, on
Python's `cryptography`) over every row of the bench's SQLite table, in
batches of 1000 with one transaction each and the same compare-and-swap
UPDATE keyward makes. Run by bench/rotate_kdf.sh.

Usage: tiger_loop.py DB TABLE COLUMN  (OLD_MASTER, NEW_MASTER, PBKDF2_ITERATIONS in the environment)
"""

import base64
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "standins"))
import seed002_tiger as tiger  # noqa: E402


def main() -> None:
    db, table, column = sys.argv[1:4]
    old = base64.b64decode(os.environ["OLD_MASTER"])
    new = base64.b64decode(os.environ["NEW_MASTER"])
    conn = sqlite3.connect(db, isolation_level=None)
    last = 0
    while True:
        rows = conn.execute(
            f"SELECT rowid, {column} FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1000", (last,)
        ).fetchall()
        if not rows:
            break
        conn.execute("BEGIN IMMEDIATE")
        for rowid, value in rows:
            plain = tiger.decrypt(old, value)
            conn.execute(
                f"UPDATE {table} SET {column} = ? WHERE rowid = ? AND {column} = ?",
                (tiger.encrypt(new, plain), rowid, value),
            )
        conn.execute("COMMIT")
        last = rows[-1][0]


if __name__ == "__main__":
    main()
