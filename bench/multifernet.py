"""The Python baseline for key rotation: cryptography's MultiFernet.rotate
over the bench's table, in batches of 1000 with one transaction each and
the same compare-and-swap UPDATE keyward makes. Run by benches/rotate.rs
when PYTHON names an interpreter with `cryptography`:

    PYTHON=.ci/venv/bin/python ROWS=100000 cargo bench --bench rotate

Usage: multifernet.py DB OLD_HEX NEW_HEX
"""

import base64
import sqlite3
import sys

from cryptography.fernet import Fernet, MultiFernet


def fernet(hex_key: str) -> Fernet:
    # A 64-hex key used for Fernet: its 32 bytes, signing half first, as
    # keyward reads it.
    return Fernet(base64.urlsafe_b64encode(bytes.fromhex(hex_key)))


def main() -> None:
    db, old, new = sys.argv[1:4]
    mf = MultiFernet([fernet(new), fernet(old)])
    conn = sqlite3.connect(db, isolation_level=None)
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, content FROM memories WHERE id > ? ORDER BY id LIMIT 1000",
            (last,),
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        conn.execute("BEGIN IMMEDIATE")
        for pk, token in rows:
            rotated = mf.rotate(token.encode()).decode()
            conn.execute(
                "UPDATE memories SET content = ? WHERE id = ? AND content IS ?",
                (rotated, pk, token),
            )
        conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    main()
