#!/usr/bin/env bash
# Key rotation on PostgreSQL against PostgreSQL's own batched rewrite of the
# same column (issue #19's yardstick).
#
# In a schema of its own (dropped afterwards) it builds ROWS rows of Fernet
# tokens of 1 KiB plaintexts, each distinct, server-side with pgcrypto, and
# two identical tables of them. Then, alternating the order between runs:
#   (a) the floor: PostgreSQL rewrites the column itself in batches of 1,000
#       rows in keyset order, one transaction each (a server-side loop, no
#       round trip at all), every value changed to another of the same length;
#   (b) `keyward rotate run --to fernet` on the other table, with the defaults
#       (batches of 1,000, one transaction each, compare-and-swap writes).
# It reports wall time, rows/s, keyward's user+sys CPU and peak RSS, and the
# ratio (b)/(a); then checks with `rotate verify` that every row decrypts
# under the new key.
#
#   bash bench/rotate_pg.sh                  (ROWS=200000, RUNS=1)
#   ROWS=1000000 RUNS=3 bash bench/rotate_pg.sh
#   WORKERS=1 ROWS=1000000 bash bench/rotate_pg.sh   (rotate run --workers 1)
#   KEYWARD_BENCH_POSTGRES_URL=postgres://... (default postgres://postgres@127.0.0.1:5432/test)
#
# The role needs to create a schema and the pgcrypto extension (a superuser,
# or pgcrypto already installed in the database).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
# KEYWARD_BIN: another build to measure (the same way, against the same floor).
BIN="${KEYWARD_BIN:-$PWD/target/release/keyward}"
URL="${KEYWARD_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
ROWS="${ROWS:-200000}"
RUNS="${RUNS:-1}"
SCHEMA="kw_bench_rotate_$$"
WORK="$(mktemp -d)"
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$URL" "$@"; }
cleanup() {
  psql_ -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Two Fernet keys (32 bytes, hex): the first 16 bytes sign, the last 16 encrypt.
OLD=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
NEW=1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100
export OLD NEW

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "server: $(psql_ -t -A -c 'SHOW server_version'), shared_buffers $(psql_ -t -A -c 'SHOW shared_buffers')"
echo "rows: $ROWS of 1 KiB plaintext (Fernet tokens of 1,464 characters), runs: $RUNS"

start=$(date +%s%N)
psql_ <<SQL
CREATE SCHEMA $SCHEMA;
CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA $SCHEMA;
SET search_path = $SCHEMA, public;
CREATE TABLE src (id bigint PRIMARY KEY, user_id text NOT NULL, content text, created_at timestamptz NOT NULL);
-- Fernet tokens: 0x80 | timestamp (u64 BE) | IV | AES-128-CBC(plaintext) |
-- HMAC-SHA256 of all that, in URL-safe base64 with padding; the key's first
-- 16 bytes sign, its last 16 encrypt.
INSERT INTO src
  SELECT g, 'user' || (g % 100),
         translate(encode(body || hmac(body, substring(k FROM 1 FOR 16), 'sha256'), 'base64'), E'+/\\n', '-_'),
         '2026-11-25T00:00:00Z'
  FROM (SELECT g, k, '\\x80'::bytea || int8send(extract(epoch FROM now())::bigint) || iv
                     || encrypt_iv(plain, substring(k FROM 17 FOR 16), iv, 'aes-cbc/pad:pkcs') AS body
        FROM (SELECT g, decode('$OLD', 'hex') AS k, gen_random_bytes(16) AS iv,
                     convert_to(rpad(lpad(g::text, 8, '0') || ' ', 1024,
                       'The user prefers green tea in the morning and black coffee after lunch. '), 'UTF8') AS plain
              FROM generate_series(1, $ROWS) g) x) y;
SQL
end=$(date +%s%N)
awk -v ns="$((end - start))" 'BEGIN { printf "fixture: %.1f s\n", ns/1e9 }'

# A fresh copy of the fixture in `floor` and `kw`, vacuumed and analysed,
# with autovacuum off (a vacuum of the table the first contender rewrote
# would otherwise run during the second's measurement).
fresh() {
  psql_ <<SQL
SET search_path = $SCHEMA;
SET client_min_messages = warning;
DROP TABLE IF EXISTS floor; DROP TABLE IF EXISTS kw;
CREATE TABLE floor (LIKE src INCLUDING ALL) WITH (autovacuum_enabled = off);
INSERT INTO floor SELECT * FROM src;
CREATE TABLE kw (LIKE src INCLUDING ALL) WITH (autovacuum_enabled = off);
INSERT INTO kw SELECT * FROM src;
VACUUM ANALYZE floor; VACUUM ANALYZE kw;
SQL
}

# Each contender starts from a checkpoint: neither pays for flushing the
# other's writes.
checkpoint() { psql_ -c CHECKPOINT; }

# (a): prints the wall time in seconds.
floor_run() {
  local s e
  s=$(date +%s%N)
  psql_ <<SQL
SET search_path = $SCHEMA;
DO \$\$
DECLARE last bigint := 0; top bigint;
BEGIN
  LOOP
    WITH b AS (SELECT id FROM floor WHERE id > last ORDER BY id LIMIT 1000),
    u AS (UPDATE floor t SET content = CASE WHEN left(t.content, 1) = 'g' THEN 'h' ELSE 'g' END
                                       || substr(t.content, 2)
          FROM b WHERE t.id = b.id RETURNING t.id)
    SELECT max(id) INTO top FROM u;
    EXIT WHEN top IS NULL;
    last := top;
    COMMIT;
  END LOOP;
END
\$\$;
SQL
  e=$(date +%s%N)
  awk -v ns="$((e - s))" 'BEGIN { printf "%.3f", ns/1e9 }'
}

# (b): prints "wall user sys maxrss_kib".
kw_run() {
  local out="$WORK/kw.json" tv="$WORK/time.txt"
  local cmd=("$BIN" --store "$WORK/keyward.db" --format json rotate run --db "$URL"
    --table "$SCHEMA.kw" --column content --from-key-env OLD --to-key-env NEW --to fernet)
  # WORKERS=N: the cooperating workers' path (leases, fences, the spread verification).
  [ -n "${WORKERS:-}" ] && cmd+=(--workers "$WORKERS")
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$tv" "${cmd[@]}" >"$out"
    awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
      /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
      END { printf "%.3f %.2f %.2f %d", w, u, s, m }' "$tv"
  else
    local s e
    s=$(date +%s%N)
    "${cmd[@]}" >"$out"
    e=$(date +%s%N)
    # bash `times`: children's user and system time (no peak RSS).
    times | awk -v ns="$((e - s))" 'NR == 2 {
      split($1, u, /[ms]/); split($2, y, /[ms]/)
      printf "%.3f %.2f %.2f 0", ns/1e9, u[1] * 60 + u[2], y[1] * 60 + y[2] }'
  fi
  grep -q "\"rotated\": *$ROWS\b" "$out" || { echo "keyward did not rotate every row:" >&2; cat "$out" >&2; exit 1; }
}

results="$WORK/results"
for run in $(seq 1 "$RUNS"); do
  fresh
  if [ $((run % 2)) = 1 ]; then
    checkpoint; f=$(floor_run); checkpoint; k=$(kw_run)
  else
    checkpoint; k=$(kw_run); checkpoint; f=$(floor_run)
  fi
  read -r kwall kuser ksys krss <<<"$k"
  echo "$f $kwall $kuser $ksys $krss" >>"$results"
  awk -v rows="$ROWS" -v f="$f" -v w="$kwall" -v u="$kuser" -v s="$ksys" -v m="$krss" -v run="$run" 'BEGIN {
    printf "run %d: floor %.2f s (%.0f rows/s) | keyward %.2f s (%.0f rows/s), CPU %.2f s (%.2f user + %.2f sys, %.1f us/row), peak RSS %.1f MiB | ratio %.2fx\n",
      run, f, rows / f, w, rows / w, u + s, u, s, (u + s) * 1e6 / rows, m / 1024, w / f }'
done
if [ "$RUNS" -gt 1 ]; then
  median() { cut -d' ' -f"$1" "$results" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
  fm=$(median 1); km=$(median 2)
  awk -v f="$fm" -v w="$km" -v r="$RUNS" 'BEGIN { printf "median of %s runs: floor %.2f s, keyward %.2f s, ratio of medians %.2fx\n", r, f, w, w / f }'
fi

# Every row decrypts under the new key.
s=$(date +%s%N)
"$BIN" --store "$WORK/keyward.db" rotate verify --db "$URL" --table "$SCHEMA.kw" --column content --key-env NEW >/dev/null
e=$(date +%s%N)
awk -v ns="$((e - s))" -v rows="$ROWS" 'BEGIN { printf "rotate verify (new key, every row): %.2f s (%.0f rows/s)\n", ns/1e9, rows / (ns/1e9) }'
