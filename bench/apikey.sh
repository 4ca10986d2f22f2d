#!/usr/bin/env bash
# API keys at scale: the in-process figures (cargo bench --bench apikey), then
# whole-process `keyward apikey verify` against the same 100,000-key store,
# and 10,000 `keyward apikey issue` processes in a loop.
#
#   bash bench/apikey.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked --bench apikey
cargo build --release --locked --quiet
BIN="$PWD/target/release/keyward"
DB="$PWD/bench/out/apikey.db"
KEY="$(cat bench/out/apikey.key)"
export KEY
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 20 --runs 500 --export-json bench/out/verify.json \
    "$BIN --store $DB apikey verify --key-env KEY"
  python3 - <<'PY' 2>/dev/null || true
import json
r = json.load(open("bench/out/verify.json"))["results"][0]["times"]
r.sort()
print(f"whole-process verify: p50 {r[len(r)//2]*1e3:.2f} ms, p99 {r[int(len(r)*0.99)]*1e3:.2f} ms")
PY
fi
N="${ISSUE_RUNS:-1000}"
start=$(date +%s%N)
for i in $(seq "$N"); do "$BIN" --store "$DB" apikey issue --name "proc-$i" >/dev/null 2>&1; done
end=$(date +%s%N)
awk -v n="$N" -v ns="$((end - start))" 'BEGIN { printf "whole-process issue: %d processes in %.2f s (%.2f ms each)\n", n, ns/1e9, ns/n/1e6 }'
