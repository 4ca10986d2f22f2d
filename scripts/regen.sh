#!/usr/bin/env bash
# Regenerates completions/ and man/ from the clap definitions, and
# docs/config.md's rule table from the rule catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYWARD_BLESS=1 cargo test --locked --test cli generated:: -- --quiet
# docs/config.md's rule table, from the rule catalog.
KEYWARD_BLESS=1 cargo test --locked --test cli config::rule_table -- --quiet
