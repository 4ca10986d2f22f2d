#!/usr/bin/env bash
# Key rotation where a key derivation dominates: seed 002's Tiger records
# (AES-256-GCM under PBKDF2-HMAC-SHA256(master | key_version, the record's
# salt, ITERATIONS)), so every row costs two derivations: one to read it
# under the old master key, one to write it under the new one.
#
# Measures, on the same rows:
#   - the derivations' own cost, by the same binary: `keyward format test`
#     opens every value once (one PBKDF2 and one AES-GCM per value, one
#     thread), so two of those per row is the floor of a rotation's CPU;
#   - `keyward rotate run` (every core): wall, rows/s, CPU per row;
#   - a Python loop running the service's own decrypt and encrypt
#     (tests/standins/seed002_tiger.py on `cryptography`, bench/tiger_loop.py).
#
#   bash bench/rotate_kdf.sh                  # 2,000 rows, 100,000 iterations
#   ROWS=10000 ITERATIONS=600000 bash bench/rotate_kdf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${ROWS:-2000}"
iter="${ITERATIONS:-100000}"
py="${PYTHON:-.ci/venv/bin/python}"
if ! "$py" -c 'import cryptography' 2>/dev/null; then
  echo "PYTHON ($py) cannot import cryptography: python3 -m venv .ci/venv && .ci/venv/bin/pip install cryptography" >&2
  exit 1
fi
cargo build --release --locked --quiet
kw="$PWD/target/release/keyward"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
OLD_MASTER="$(head -c 32 /dev/urandom | base64)"
NEW_MASTER="$(head -c 32 /dev/urandom | base64)"
export OLD_MASTER NEW_MASTER PBKDF2_ITERATIONS="$iter"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "rows: $rows, PBKDF2 iterations: $iter"

# The table: plaintext rows, encrypted under the old master key by keyward
# itself (every core), then copied for the Python run.
"$py" - "$dir/t.db" "$rows" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE tiger_accounts (id INTEGER PRIMARY KEY, private_key TEXT)")
db.executemany("INSERT INTO tiger_accounts VALUES (?, ?)",
               ((i, "-----BEGIN PRIVATE KEY----- " + os.urandom(96).hex()) for i in range(1, int(sys.argv[2]) + 1)))
db.commit()
PY
fmt="tiger:iterations=$iter"
# A salt per value, as the service writes its records.
"$kw" rotate run --db "$dir/t.db" --table tiger_accounts --column private_key --from "$fmt" --to "$fmt,salt-reuse=1" \
  --from-key-env OLD_MASTER --to-key-env OLD_MASTER --encrypt-plaintext >/dev/null
"$py" -c "import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute('SELECT private_key FROM tiger_accounts ORDER BY id')]" "$dir/t.db" >"$dir/values.txt"
cp "$dir/t.db" "$dir/py.db"
cp "$dir/t.db" "$dir/each.db"

measure() { # label, command...: prints "label wall user sys maxrss_kb"
  local label="$1"; shift
  /usr/bin/time -f "$label %e %U %S %M" -o "$dir/time" "$@" >/dev/null
  cat "$dir/time"
}
kdf=$(measure kdf "$kw" format test --from "$fmt" --key-env OLD_MASTER --in "$dir/values.txt")
rot=$(measure keyward "$kw" rotate run --db "$dir/t.db" --table tiger_accounts --column private_key \
  --from "$fmt" --to "$fmt" --from-key-env OLD_MASTER --to-key-env NEW_MASTER)
each=$(measure each "$kw" rotate run --db "$dir/each.db" --table tiger_accounts --column private_key \
  --from "$fmt" --to "$fmt,salt-reuse=1" --from-key-env OLD_MASTER --to-key-env NEW_MASTER)
pyl=$(measure python "$py" bench/tiger_loop.py "$dir/py.db" tiger_accounts private_key)
# Every row reads back under the new key (by the service's own code).
"$py" -c "import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute('SELECT private_key FROM tiger_accounts ORDER BY id LIMIT 20')]" "$dir/t.db" \
  | ENCRYPTION_MASTER_KEY="$NEW_MASTER" "$py" tests/standins/seed002_tiger.py decrypt >/dev/null

"$py" - "$rows" "$kdf" "$rot" "$pyl" "$each" <<'PY'
import sys
rows = int(sys.argv[1])
def parse(s):
    label, wall, user, sys_, rss = s.split()
    return float(wall), float(user) + float(sys_), int(rss)
kdf, rot, pyl, each = (parse(s) for s in sys.argv[2:6])
floor = 2 * kdf[1] / rows
print(f"{'':<34}{'wall s':>9}{'rows/s':>10}{'CPU ms/row':>12}{'max RSS':>10}")
print(f"{'KDF floor (2 x format test CPU)':<34}{'':>9}{'':>10}{floor*1000:>12.2f}")
for name, (wall, cpu, rss) in (("keyward rotate run", rot), ("keyward, salt-reuse=1", each), ("python loop (service code)", pyl)):
    print(f"{name:<34}{wall:>9.2f}{rows/wall:>10.1f}{cpu/rows*1000:>12.2f}{rss/1024:>8.0f} MB")
print(f"keyward CPU per row / KDF floor: {rot[1]/rows/floor:.2f}x (target <= 1.15x)")
print(f"keyward rows/s / python rows/s:  {pyl[0]/rot[0]:.2f}x (target >= 3x)")
print(f"with salt-reuse=1 (a salt per value, as the service writes): CPU/row {each[1]/rows/floor:.2f}x the floor, {pyl[0]/each[0]:.2f}x python's rows/s")
PY
