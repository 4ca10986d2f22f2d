#!/usr/bin/env bash
# Certificates (issue #4's targets):
#   - `cert check` over a directory of 10,000 PEM files, under 1 s on 2 cores,
#     side by side with `openssl x509 -checkend` in a shell loop over the same files;
#   - `cert create` with ECDSA P-256, under 20 ms whole-process.
#
#   bash bench/cert.sh            (FILES=10000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
BIN="$PWD/target/release/keyward"
FILES="${FILES:-10000}"
OUT="$PWD/bench/out/certs"
rm -rf "$OUT" && mkdir -p "$OUT/dir" "$OUT/src"
export KEYWARD_STORE="$OUT/keyward.db"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
# 100 distinct certificates with spread-out expiry, copied to $FILES files.
for i in $(seq 0 99); do
  "$BIN" -q cert create --san "host$i.bench.test" --days $((1 + i * 7)) \
    --out "$OUT/src/c$i.pem" --key-out "$OUT/src/c$i.key"
done
for i in $(seq 0 $((FILES - 1))); do
  cp "$OUT/src/c$((i % 100)).pem" "$OUT/dir/cert$i.pem"
done
echo "generated $FILES PEM files in $OUT/dir"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -i --warmup 2 --runs 10 \
    "$BIN cert check $OUT/dir --format ndjson" \
    "$BIN cert check $OUT/dir" \
    "$BIN -q cert check $OUT/dir --summary"
  hyperfine -N --warmup 10 --runs 100 \
    "$BIN -q cert create --san bench.test --force --out $OUT/one.pem --key-out $OUT/one.key"
  if command -v openssl >/dev/null 2>&1; then
    hyperfine -i --runs 1 \
      "for f in $OUT/dir/*.pem; do openssl x509 -checkend 2592000 -noout -in \"\$f\" >/dev/null; done"
  fi
else
  time "$BIN" cert check "$OUT/dir" --format ndjson >/dev/null || true
  time (for f in "$OUT"/dir/*.pem; do openssl x509 -checkend 2592000 -noout -in "$f" >/dev/null; done) || true
fi
