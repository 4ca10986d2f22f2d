#!/usr/bin/env bash
# Cooperating rotation workers on PostgreSQL where a key derivation
# dominates (seed 002's Tiger records: PBKDF2-HMAC-SHA256 per value, two
# derivations per row), so the rows/s scale with the cores the workers get.
#
# Measures rows/s of `rotate run --workers N --threads 1` (each worker one
# crypto thread) for N = 1, 2, 4 on this machine, and of one worker with
# every core (--workers 1, the default threads); then projects, from the
# measured CPU per row, the hosts needed to rotate 10,000,000 rows in one
# hour.
#
#   bash bench/rotate_workers.sh                       # 600 rows, 100,000 iterations
#   ROWS=2000 ITERATIONS=600000 bash bench/rotate_workers.sh
#   PGURL=postgres://postgres@127.0.0.1:5432/test (default); KEYWARD=path/to/keyward skips the build
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${ROWS:-600}"
iter="${ITERATIONS:-100000}"
url="${PGURL:-${KEYWARD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}}"
if [ -n "${KEYWARD:-}" ]; then
  kw="$KEYWARD"  # a binary built before (the machine stays idle for the figures)
else
  cargo build --release --locked --quiet
  kw="$PWD/target/release/keyward"
fi
dir="$(mktemp -d)"
schema="kw_bench_workers_$$"
cleanup() {
  psql -q "$url" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
OLD_MASTER="$(head -c 32 /dev/urandom | base64)"
NEW_MASTER="$(head -c 32 /dev/urandom | base64)"
export OLD_MASTER NEW_MASTER
cores="$(nproc)"
echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "rows: $rows, PBKDF2 iterations: $iter, PostgreSQL: $(psql -At "$url" -c 'SHOW server_version')"
fmt="tiger:iterations=$iter"
psql -q "$url" >/dev/null <<SQL
CREATE SCHEMA $schema;
CREATE TABLE $schema.seed (id bigint PRIMARY KEY, private_key text);
INSERT INTO $schema.seed SELECT i, '-----BEGIN PRIVATE KEY----- ' || md5(i::text) || md5((i * 7)::text) FROM generate_series(1, $rows) i;
SQL
# The service's records: a salt per value, under the old master key.
"$kw" --store "$dir/s.db" rotate run --db "$url" --table "$schema.seed" --column private_key \
  --from "$fmt" --to "$fmt,salt-reuse=1" --from-key-env OLD_MASTER --to-key-env OLD_MASTER --encrypt-plaintext >/dev/null

run() { # workers threads label
  local t="$schema.t_$1_$2"
  psql -q "$url" -c "CREATE TABLE $t (LIKE $schema.seed INCLUDING ALL); INSERT INTO $t SELECT * FROM $schema.seed" >/dev/null
  local threads=()
  [ "$2" != all ] && threads=(--threads "$2")
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$dir/time" "$kw" --store "$dir/s.db" --format json rotate run --db "$url" --table "$t" \
    --column private_key --from "$fmt" --to "$fmt,salt-reuse=1" --from-key-env OLD_MASTER --to-key-env NEW_MASTER \
    --workers "$1" "${threads[@]}" --batch 50 --range-rows 50 >"$dir/out.json"
  end=$(date +%s.%N)
  local rotated
  rotated=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['rotated'])" "$dir/out.json")
  [ "$rotated" = "$rows" ] || { echo "rotated $rotated of $rows rows" >&2; exit 1; }
  read -r user sys <"$dir/time"
  python3 - "$3" "$rows" "$start" "$end" "$user" "$sys" <<'PY' | tee -a "$dir/results"
import sys
label, rows, start, end, user, sys_ = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:])
wall = end - start
print(f"{label}: {wall:.2f} s, {rows / wall:.1f} rows/s, CPU {1000 * (user + sys_) / rows:.2f} ms/row")
PY
}
run 1 1 "1 worker, 1 thread"
run 2 1 "2 workers, 1 thread each"
run 4 1 "4 workers, 1 thread each"
run 1 all "1 worker, every core"
python3 - "$dir/results" "$cores" <<'PY'
import re, sys
res = {}
for line in open(sys.argv[1]):
    label, rest = line.split(": ", 1)
    res[label] = (float(re.search(r"([\d.]+) rows/s", rest).group(1)),
                  float(re.search(r"CPU ([\d.]+) ms/row", rest).group(1)))
one, two = res["1 worker, 1 thread"][0], res["2 workers, 1 thread each"][0]
print(f"speed-up from 1 to 2 workers: {two / one:.2f}x")
cpu = res["1 worker, 1 thread"][1] / 1000
per_core = 1 / cpu
need = 10_000_000 / 3600
cores = int(sys.argv[2])
print(f"projection: {cpu * 1000:.1f} ms of CPU per row -> {per_core:.0f} rows/s per core; "
      f"10,000,000 rows in one hour need {need:.0f} rows/s: {need / per_core:.0f} cores, "
      f"{-(-need // (per_core * cores)):.0f} hosts of {cores} cores (8-core hosts: {-(-need // (per_core * 8)):.0f})")
PY
