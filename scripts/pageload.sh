#!/usr/bin/env bash
# Page-load benchmark of the dashboard: serves a store with a release
# build of casus and loads its pages in headless Chromium, driven by
# playwright-core (installed from the npm registry into bench/pageload).
#
#   scripts/pageload.sh DB [--runs 5] [--json]
#
# To make a 100,000-article store first:
#   casus bench --write /tmp/corpus --articles 100000
#   casus ingest /tmp/corpus/articles.jsonl --db /tmp/db100k
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/pageload.sh DB [--runs N] [--json]}
shift
command -v chromium >/dev/null || { echo "pageload: needs Debian's chromium (scripts/e2e.sh installs it)" >&2; exit 1; }
(cd bench/pageload && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent)
cargo build --release --quiet
log=$(mktemp)
./target/release/casus serve --db "$db" --addr 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "serving" "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
[ -n "$url" ] || { cat "$log" >&2; exit 1; }
node bench/pageload/pageload.mjs --url "$url" "$@"
