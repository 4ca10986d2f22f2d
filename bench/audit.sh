#!/usr/bin/env bash
# Audit queries at scale: 10,000,000 generated entries in keyward's store and
# in a service's own table (seed 001's schema); filtered queries, a count by
# day over everything, and a 1,000,000-entry export with its peak RSS.
# The fixtures (about 5 GB) are generated once into bench/out/ and reused.
#   bash bench/audit.sh            (ENTRIES=1000000 for a quicker run)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
ENTRIES="${ENTRIES:-10000000}" RUNS="${RUNS:-10}" cargo bench --locked --quiet --bench audit
