#!/usr/bin/env bash
# A service's audit table in PostgreSQL at scale: seed 001's `audit_log`
# with 10,000,000 rows over the last year (1,000 users) and the service's
# indexes ((user_id, timestamp DESC), action, (resource_type, resource_id)),
# generated server-side in a schema of its own, dropped at the end. Then
# `keyward audit query --source postgres://...` filtered by actor and time,
# whole process (hyperfine if installed, else a loop timed with date +%s%N),
# beside psql running the same SELECT.
#
#   bash bench/audit_pg.sh        (ROWS=1000000 for a quicker run; RUNS=50)
#   KEYWARD_BENCH_POSTGRES_URL=postgres://user@host/db bash bench/audit_pg.sh
set -euo pipefail
cd "$(dirname "$0")/.."
URL="${KEYWARD_BENCH_POSTGRES_URL:-${KEYWARD_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}}"
ROWS="${ROWS:-10000000}"
RUNS="${RUNS:-30}"
SCHEMA="kw_bench_audit_pg_$$"
TABLE="$SCHEMA.audit_log"
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 4; }
PSQL=(psql -X -q -v ON_ERROR_STOP=1 "$URL")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $("${PSQL[@]}" -Atc 'SELECT version()' | cut -d, -f1)"
cargo build --release --locked --quiet
BIN="$PWD/target/release/keyward"

trap '"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true' EXIT
start=$(date +%s%N)
"${PSQL[@]}" <<SQL
CREATE SCHEMA $SCHEMA;
CREATE TABLE $TABLE (
    id SERIAL PRIMARY KEY,
    timestamp TIMESTAMP NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    action VARCHAR(50) NOT NULL,
    resource_type VARCHAR(50) NOT NULL,
    resource_id VARCHAR(128),
    ip_address VARCHAR(45),
    details JSONB);
INSERT INTO $TABLE (timestamp, user_id, action, resource_type, resource_id, ip_address, details)
SELECT (now() AT TIME ZONE 'UTC') - ($ROWS - g) * (interval '365 days' / $ROWS),
       'user-' || (g % 1000),
       (ARRAY['CREATE', 'READ', 'UPDATE', 'DELETE'])[1 + g % 4],
       (ARRAY['memory', 'cluster', 'policy'])[1 + g % 3],
       'r' || g,
       '10.0.' || (g % 7) || '.' || (g % 200),
       jsonb_build_object('tier', (ARRAY['short_term', 'long_term'])[1 + g % 2], 'score', g % 100)
FROM generate_series(1, $ROWS) g;
CREATE INDEX ON $TABLE (user_id, timestamp DESC);
CREATE INDEX ON $TABLE (action);
CREATE INDEX ON $TABLE (resource_type, resource_id);
VACUUM ANALYZE $TABLE;
SQL
end=$(date +%s%N)
echo "generated $ROWS rows with the service's indexes in $(( (end - start) / 1000000000 )) s ($("${PSQL[@]}" -Atc "SELECT pg_size_pretty(pg_total_relation_size('$TABLE'))"))"

SINCE="$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)"
Q=(audit query --source "$URL" --table "$TABLE" --actor user-7 --since "$SINCE")
SQL_SAME="SELECT id, timestamp, user_id, action, resource_type, resource_id, ip_address, details FROM $TABLE WHERE user_id = 'user-7' AND timestamp >= '$SINCE' ORDER BY timestamp DESC, id DESC"
MATCHES=$("$BIN" "${Q[@]}" --count)
echo "query: --actor user-7 --since 30d ($SINCE): $MATCHES matches"
"${PSQL[@]}" -c "EXPLAIN $SQL_SAME" | sed -n '1,6p'

# One command, RUNS times: p50, p95 and mean of the whole process.
timed() {
  local label="$1"
  shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "/tmp/kw_audit_pg_$$.json" "$(printf '%q ' "$@")" >/dev/null
    python3 - "$label" "/tmp/kw_audit_pg_$$.json" <<'PY'
import json, sys
t = sorted(json.load(open(sys.argv[2]))["results"][0]["times"])
print(f"{sys.argv[1]}: p50 {t[len(t)//2]*1e3:.1f} ms, p95 {t[int(len(t)*0.95)]*1e3:.1f} ms, mean {sum(t)/len(t)*1e3:.1f} ms ({len(t)} runs, hyperfine)")
PY
    rm -f "/tmp/kw_audit_pg_$$.json"
  else
    "$@" >/dev/null 2>&1
    local times=()
    for _ in $(seq "$RUNS"); do
      local a b
      a=$(date +%s%N)
      "$@" >/dev/null 2>&1
      b=$(date +%s%N)
      times+=($(( (b - a) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
      { t[NR] = $1; s += $1 }
      END { printf "%s: p50 %.1f ms, p95 %.1f ms, mean %.1f ms (%d runs)\n", label, t[int(NR/2)+1]/1000, t[int(NR*0.95)]/1000, s/NR/1000, NR }'
  fi
}

timed "keyward audit query (JSON, every match), whole process" "$BIN" "${Q[@]}" --format json
timed "keyward audit query (a table of the newest 50), whole process" "$BIN" "${Q[@]}"
timed "keyward audit query --count, whole process" "$BIN" "${Q[@]}" --count
timed "psql running the same SELECT, whole process (for comparison)" psql -X -q -A -t "$URL" -c "$SQL_SAME"
