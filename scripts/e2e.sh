#!/usr/bin/env bash
# End-to-end tests of the dashboard in headless Chromium: installs Debian's
# chromium package when it is missing, then runs the ignored-by-default
# dashboard tests. Screenshots of failed checks go to target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
bash scripts/gazetteer.sh
cargo test -p casus --test dashboard -- --ignored
