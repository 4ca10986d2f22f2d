#!/usr/bin/env bash
# Key rotation against the SQLite floor: WAL and rollback-journal mode,
# 100,000 rows (and 1,000,000 with FULL=1: a 2 GB file per mode, minutes).
#   bash bench/rotate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
sizes="100000"
[ "${FULL:-0}" = 1 ] && sizes="100000 1000000"
for rows in $sizes; do
  for format in fernet envelope; do
    for journal in wal delete; do
      ROWS=$rows JOURNAL=$journal FORMAT=$format RUNS="${RUNS:-3}" cargo bench --locked --quiet --bench rotate
    done
  done
done
