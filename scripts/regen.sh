#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap definitions.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYWARD_BLESS=1 cargo test --locked --test cli generated -- --quiet
