#!/usr/bin/env bash
# End-to-end tests of the dashboard in headless Chromium: installs Debian's
# chromium package when it is missing, then runs the ignored-by-default
# dashboard tests. Screenshots of failed checks go to target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium"
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  if ! { $SUDO apt-get update -q >/dev/null && \
         DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >/dev/null; }; then
    echo "e2e: SKIPPED: Debian's chromium could not be installed here (needs apt and root)" >&2
    exit 0
  fi
fi
bash scripts/gazetteer.sh
cargo test -p casus --test dashboard -- --ignored
