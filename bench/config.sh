#!/usr/bin/env bash
# `config validate` at scale (issue #5's target): 1,000 config files of 200
# lines each (dotenv, YAML and TOML, secrets, URLs, flags, comments, quoted
# and multi-line values), validated whole-process in under 1 s.
#   bash bench/config.sh          (FILES=... LINES=... to change the size)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet
BIN="$PWD/target/release/keyward"
FILES="${FILES:-1000}" LINES="${LINES:-200}"
DIR="$PWD/bench/out/config-$FILES-$LINES"
if [ ! -d "$DIR" ]; then
  mkdir -p "$DIR"
  FILES="$FILES" LINES="$LINES" DIR="$DIR" python3 - <<'PY'
import os, random
random.seed(5)
files, lines, d = int(os.environ["FILES"]), int(os.environ["LINES"]), os.environ["DIR"]
alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
def rnd(n): return "".join(random.choice(alpha) for _ in range(n))
def env_line(i):
    k = random.randrange(8)
    if k == 0: return f"SERVICE_{i}_JWT_SECRET={rnd(random.choice([16, 48]))}"
    if k == 1: return f"# comment {i}: keep this value in sync with the deploy notes"
    if k == 2: return f"export SERVICE_{i}_DATABASE_URL=postgresql://app:{rnd(12)}@db{i}:5432/app"
    if k == 3: return f"SERVICE_{i}_TLS_ENABLED={random.choice(['true', 'false'])}"
    if k == 4: return f"SERVICE_{i}_API_TOKEN=\"{rnd(40)}\" # token"
    if k == 5: return f"SERVICE_{i}_REDIS_URL=redis://cache{i}:6379"
    if k == 6: return f"SERVICE_{i}_PBKDF2_ITERATIONS={random.choice([100000, 600000])}"
    return f"SERVICE_{i}_TIMEOUT={random.randrange(100)}"
for f in range(files):
    kind = f % 4
    out = []
    if kind in (0, 1):
        out = [env_line(f * lines + i) for i in range(lines)]
        name = f"svc{f}.env"
    elif kind == 2:
        for s in range(lines // 5):
            out += [f"section_{s}:", f"  jwt_secret: \"{rnd(40)}\"", f"  tls_enabled: {random.choice(['true', 'false'])}",
                    f"  url: https://svc{s}.example.com", f"  retention_days: {random.choice([30, 365])}"]
        name = f"svc{f}.yaml"
    else:
        for s in range(lines // 5):
            out += [f"[section_{s}]", f"api_key = \"{rnd(40)}\"", f"debug = {random.choice(['true', 'false'])}",
                    f"redis_url = \"rediss://:{rnd(20)}@cache:6379\"", ""]
        name = f"svc{f}.toml"
    with open(os.path.join(d, name), "w") as fh:
        fh.write("\n".join(out) + "\n")
PY
fi
echo "$(find "$DIR" -type f | wc -l) files, $(cat "$DIR"/* | wc -l) lines"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -i --warmup 2 --runs 10 "$BIN config validate --format json $DIR"
else
  for run in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$BIN" config validate --format json "$DIR" >/dev/null || true
    end=$(date +%s%N)
    awk -v ns="$((end - start))" 'BEGIN { printf "whole-process validate: %.3f s\n", ns/1e9 }'
  done
fi
