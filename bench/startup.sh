#!/usr/bin/env bash
# Whole-process timings of keyward's quick commands (issue #2's targets:
# `keyward --version` and `keyward keygen master` under 5 ms each).
#
#   bash bench/startup.sh            # builds the release binary, then measures
#
# Uses hyperfine when installed (apt-get install hyperfine); otherwise times
# N runs in a loop and reports the mean per process.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
BIN="$PWD/target/release/keyward"
RUNS="${RUNS:-500}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
cmds=(
  "$BIN --version"
  "$BIN keygen master"
  "$BIN keygen master --encoding fernet"
  "$BIN keygen jwt-secret"
)
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 50 --runs "$RUNS" "${cmds[@]}" \
    "$BIN keygen master --force --out $TMP/k"
else
  for c in "${cmds[@]}"; do
    read -r -a argv <<<"$c"
    for _ in $(seq 20); do "${argv[@]}" >/dev/null; done
    start=$(date +%s%N)
    for _ in $(seq "$RUNS"); do "${argv[@]}" >/dev/null; done
    end=$(date +%s%N)
    awk -v n="$RUNS" -v ns="$((end - start))" -v c="${c#"$BIN "}" \
      'BEGIN { printf "%-40s mean %.2f ms over %d runs (loop includes fork/exec)\n", c, ns / n / 1e6, n }'
  done
fi
