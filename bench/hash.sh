#!/usr/bin/env bash
# Whole-process timings of issue #8's commands: `hash password --preset
# owasp` (argon2id, m=19 MiB, t=2, p=1: the default until hardening #21),
# `hash verify` of such a hash (expected within 10% of hashing: it is the
# same work), the default preset (RFC 9106 low-memory: m=64 MiB, t=3,
# p=4) and its verification, bcrypt at cost 12
# for comparison, and `keygen keypair --type ed25519` (target: under 5 ms,
# writing both files and the audit entry).
#
#   bash bench/hash.sh            # builds the release binary, then measures
#
# Uses hyperfine when installed (apt-get install hyperfine); otherwise times
# N runs in a loop and reports the mean per process.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
BIN="$PWD/target/release/keyward"
RUNS="${RUNS:-100}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export KEYWARD_STORE="$TMP/keyward.db"
export PW='correct horse battery staple'
HASH="$("$BIN" hash password --preset owasp --password-env PW)"
RHASH="$("$BIN" hash password --password-env PW)"
BHASH="$("$BIN" hash password --algo bcrypt --password-env PW)"
export HASH RHASH BHASH

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
names=(
  "hash password --preset owasp (argon2id)"
  "hash verify (argon2id owasp)"
  "hash password (argon2id default, RFC 9106 low-memory)"
  "hash verify (argon2id default)"
  "hash password --algo bcrypt (cost 12)"
  "hash verify (bcrypt cost 12)"
  "keygen keypair --type ed25519"
)
cmds=(
  "$BIN hash password --preset owasp --password-env PW"
  "$BIN hash verify $HASH --password-env PW"
  "$BIN hash password --password-env PW"
  "$BIN hash verify $RHASH --password-env PW"
  "$BIN hash password --algo bcrypt --password-env PW"
  "$BIN hash verify $BHASH --password-env PW"
  "$BIN keygen keypair --type ed25519 --force --out $TMP/k.pem"
)
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 5 --runs "$RUNS" "${cmds[@]}"
else
  for i in "${!cmds[@]}"; do
    read -r -a argv <<<"${cmds[$i]}"
    for _ in $(seq 5); do "${argv[@]}" >/dev/null 2>&1; done
    start=$(date +%s%N)
    for _ in $(seq "$RUNS"); do "${argv[@]}" >/dev/null 2>&1; done
    end=$(date +%s%N)
    awk -v n="$RUNS" -v ns="$((end - start))" -v c="${names[$i]}" \
      'BEGIN { printf "%-40s mean %7.2f ms over %d runs (whole process)\n", c, ns / n / 1e6, n }'
  done
fi
