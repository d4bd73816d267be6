#!/usr/bin/env bash
# Runs every fuzz target for a while and prints, per target, how many
# inputs it ran and how fast, and whether it found anything.
#   bash scripts/fuzz.sh            # 60 s per target
#   bash scripts/fuzz.sh 300 read_html query   # 300 s, two targets
# Needs a nightly toolchain (rustup toolchain install nightly); installs
# cargo-fuzz from crates.io if it is missing. Each target's corpus starts
# from our own seeds (fuzz/seeds/TARGET) and the built-in examples; findings
# land in fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(read_html read_feed read_warc read_jsonl read_text markup query html feed warc jsonl segment dictionary verbs syntax times geo brat)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  mkdir -p "$corpus"
  [ -d "fuzz/seeds/$t" ] && cp -n fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  case "$t" in
    read_html|html|markup) cp -n examples/articles/*.html "$corpus"/ ;;
    read_feed|feed) cp -n examples/articles/*.rss examples/articles/*.atom "$corpus"/ ;;
    read_warc|warc) gzip -dc examples/articles/crawl.warc.gz > "$corpus/crawl.warc" ;;
    read_jsonl|jsonl) cp -n examples/articles/*.jsonl "$corpus"/ ;;
    read_text|segment) cp -n examples/articles/*.txt "$corpus"/ ;;
  esac
  log="fuzz/artifacts/$t.log"
  mkdir -p "fuzz/artifacts/$t"
  status=0
  (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" \
      -rss_limit_mb=2048 -artifact_prefix="artifacts/$t/" -print_final_stats=1) > "$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  per=$(( runs / (secs > 0 ? secs : 1) ))
  found=$(ls "fuzz/artifacts/$t" | wc -l)
  echo "$t: $runs runs in ${secs} s (about $per a second), $found finding(s), exit $status (log: $log)"
done
