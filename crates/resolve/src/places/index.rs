//! The gazetteer's binary index: built once from `gazetteer.tsv`, then
//! memory-mapped, so that a run starts without parsing 235,000 lines and
//! touches only the pages its lookups need.
//!
//! Written by us rather than taken from a crate: the lookups are an exact
//! name to a few places, which a sorted table answers in about twenty
//! comparisons; an FST (the `fst` crate) would save a few megabytes of
//! disk, not time, and cannot hold the place records beside the keys.
//!
//! Layout (integers little-endian):
//!
//! ```text
//! header   magic "CASUSGZ2", source_len u64, source_mtime_ns u64,
//!          places u32, names u32, countries u32, postings u32, strings u32
//! places   places × 56 bytes: geonameid u64, lat f64, lon f64,
//!          population u64, name offset u32, name length u16, kind u8,
//!          country length u8, country 4 bytes (ISO3, zero-padded),
//!          admin1 offset u32, admin1 length u16, admin2 offset u32,
//!          admin2 length u16 (length 0: none)
//! names    names × 12 bytes, sorted by key bytes: key offset u32,
//!          key length u16, count u16, first posting u32
//! countries countries × 8 bytes, sorted by code: code 4 bytes, place u32
//! postings u32 place numbers
//! strings  UTF-8 names and lower-cased keys
//! ```
//!
//! `source_len` and `source_mtime_ns` name the TSV it was built from: an
//! index whose TSV has changed is built again.

use super::{Place, PlaceKind};
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"CASUSGZ2";
const HEADER: usize = 8 + 8 + 8 + 5 * 4;
const PLACE: usize = 56;
const NAME: usize = 12;
const COUNTRY: usize = 8;

/// The bytes of an index: mapped from disk, or built in memory.
pub(crate) enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        }
    }
}

/// A place as the index holds it, before its name is copied out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub index: u32,
    pub kind: PlaceKind,
    pub country: &'a str,
    pub population: u64,
}

/// Section offsets of a checked index.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Layout {
    pub places: usize,
    names: usize,
    countries: usize,
    postings: usize,
    strings: usize,
    n_places: usize,
    n_names: usize,
    n_countries: usize,
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

fn kind_code(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Country => 0,
        PlaceKind::Continent => 1,
        PlaceKind::Admin1 => 2,
        PlaceKind::City => 3,
        PlaceKind::Admin2 => 4,
        PlaceKind::Region => 5,
        PlaceKind::Water => 6,
        PlaceKind::Street => 7,
        PlaceKind::Feature => 8,
    }
}

fn kind_of(c: u8) -> PlaceKind {
    match c {
        0 => PlaceKind::Country,
        1 => PlaceKind::Continent,
        2 => PlaceKind::Admin1,
        4 => PlaceKind::Admin2,
        5 => PlaceKind::Region,
        6 => PlaceKind::Water,
        7 => PlaceKind::Street,
        8 => PlaceKind::Feature,
        _ => PlaceKind::City,
    }
}

/// Writes the index of `places`, each with its lookup keys.
pub(crate) fn build(source: (u64, u64), places: &[(Place, Vec<String>)]) -> Vec<u8> {
    let mut strings: Vec<u8> = Vec::new();
    let mut by_key: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, (_, keys)) in places.iter().enumerate() {
        for k in keys {
            by_key.entry(k.as_str()).or_default().push(i as u32);
        }
    }
    let mut keys: Vec<(&str, Vec<u32>)> = by_key.into_iter().collect();
    keys.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut countries: Vec<(&str, u32)> = places
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| p.kind == PlaceKind::Country && p.country.len() <= 4)
        .map(|(i, (p, _))| (p.country.as_str(), i as u32))
        .collect();
    // The first entry of a code wins, as a hash insert of the last would
    // not: keep the file's order among equals.
    countries.sort_by(|a, b| a.0.cmp(b.0));
    countries.dedup_by(|b, a| a.0 == b.0);

    let mut out = Vec::with_capacity(HEADER + places.len() * PLACE + keys.len() * NAME);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&source.0.to_le_bytes());
    out.extend_from_slice(&source.1.to_le_bytes());
    let postings: usize = keys.iter().map(|(_, p)| p.len()).sum();
    for n in [places.len(), keys.len(), countries.len(), postings] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    let strings_len_at = out.len();
    out.extend_from_slice(&0u32.to_le_bytes());
    let push_str = |s: &str, strings: &mut Vec<u8>| {
        let at = strings.len() as u32;
        strings.extend_from_slice(s.as_bytes());
        at
    };
    for (p, _) in places {
        let name = &p.name[..p.name.len().min(u16::MAX as usize)];
        let at = push_str(name, &mut strings);
        out.extend_from_slice(&p.geonameid.to_le_bytes());
        out.extend_from_slice(&p.lat.to_le_bytes());
        out.extend_from_slice(&p.lon.to_le_bytes());
        out.extend_from_slice(&p.population.to_le_bytes());
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.push(kind_code(p.kind));
        let code = if p.country.len() <= 4 {
            p.country.as_bytes()
        } else {
            b""
        };
        out.push(code.len() as u8);
        let mut c = [0u8; 4];
        c[..code.len()].copy_from_slice(code);
        out.extend_from_slice(&c);
        for area in [&p.admin1, &p.admin2] {
            let a = area.as_deref().unwrap_or("");
            let a = &a[..a.len().min(u16::MAX as usize)];
            let at = push_str(a, &mut strings);
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&(a.len() as u16).to_le_bytes());
        }
    }
    let mut first = 0u32;
    for (k, posts) in &keys {
        let at = push_str(k, &mut strings);
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&(k.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&(posts.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&first.to_le_bytes());
        first += posts.len() as u32;
    }
    for (code, i) in &countries {
        let mut c = [0u8; 4];
        c[..code.len()].copy_from_slice(code.as_bytes());
        out.extend_from_slice(&c);
        out.extend_from_slice(&i.to_le_bytes());
    }
    for (_, posts) in &keys {
        for p in posts {
            out.extend_from_slice(&p.to_le_bytes());
        }
    }
    let n = strings.len() as u32;
    out[strings_len_at..strings_len_at + 4].copy_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&strings);
    out
}

/// The sections of `b`, when it is a whole index built from `source`
/// (`None` for any source); `None` when it is not.
pub(crate) fn check(b: &[u8], source: Option<(u64, u64)>) -> Option<Layout> {
    if b.len() < HEADER || &b[..8] != MAGIC {
        return None;
    }
    if source.is_some_and(|s| (u64_at(b, 8), u64_at(b, 16)) != s) {
        return None;
    }
    let n = |k: usize| u32_at(b, 24 + 4 * k) as usize;
    let (n_places, n_names, n_countries, n_postings, n_strings) = (n(0), n(1), n(2), n(3), n(4));
    let places = HEADER;
    let names = places + n_places * PLACE;
    let countries = names + n_names * NAME;
    let postings = countries + n_countries * COUNTRY;
    let strings = postings + n_postings * 4;
    (strings + n_strings == b.len()).then_some(Layout {
        places,
        names,
        countries,
        postings,
        strings,
        n_places,
        n_names,
        n_countries,
    })
}

/// Lookups over a checked index. Offsets inside it are trusted only as
/// far as `get` allows: a damaged index gives no place, never a panic.
pub(crate) struct View<'a> {
    pub b: &'a [u8],
    pub l: Layout,
}

impl<'a> View<'a> {
    pub fn len(&self) -> usize {
        self.l.n_places
    }

    /// The admin area's name a place record holds at byte `at` of it.
    fn area_at(&self, r: &[u8], at: usize) -> Option<String> {
        let len = u16_at(r, at + 4);
        (len > 0)
            .then(|| self.str_at(u32_at(r, at), len))
            .flatten()
            .map(str::to_string)
    }

    fn str_at(&self, at: u32, len: u16) -> Option<&'a str> {
        let start = self.l.strings + at as usize;
        std::str::from_utf8(self.b.get(start..start + len as usize)?).ok()
    }

    pub fn entry(&self, i: u32) -> Option<Entry<'a>> {
        if i as usize >= self.l.n_places {
            return None;
        }
        let at = self.l.places + i as usize * PLACE;
        let r = &self.b[at..at + PLACE];
        let clen = (r[39] as usize).min(4);
        Some(Entry {
            index: i,
            kind: kind_of(r[38]),
            country: std::str::from_utf8(&r[40..40 + clen]).ok()?,
            population: u64_at(r, 24),
        })
    }

    /// A place's own name, without copying it out.
    pub fn name_of(&self, i: u32) -> Option<&'a str> {
        if i as usize >= self.l.n_places {
            return None;
        }
        let r = &self.b[self.l.places + i as usize * PLACE..][..PLACE];
        self.str_at(u32_at(r, 32), u16_at(r, 36))
    }

    pub fn place(&self, i: u32) -> Option<Place> {
        let e = self.entry(i)?;
        let at = self.l.places + i as usize * PLACE;
        let r = &self.b[at..at + PLACE];
        Some(Place {
            geonameid: u64_at(r, 0),
            name: self.str_at(u32_at(r, 32), u16_at(r, 36))?.to_string(),
            kind: e.kind,
            country: e.country.to_string(),
            lat: f64::from_le_bytes(r[8..16].try_into().ok()?),
            lon: f64::from_le_bytes(r[16..24].try_into().ok()?),
            population: e.population,
            admin1: self.area_at(r, 44),
            admin2: self.area_at(r, 50),
        })
    }

    /// The places a lower-cased key names, in file order.
    pub fn named(&self, key: &str) -> impl Iterator<Item = Entry<'a>> + Clone + '_ {
        let found = self.find(key.as_bytes());
        let (first, count) = found.unwrap_or((0, 0));
        (0..count).filter_map(move |k| {
            let at = self.l.postings + (first + k) * 4;
            self.entry(u32_at(self.b.get(at..at + 4)?, 0))
        })
    }

    fn find(&self, key: &[u8]) -> Option<(usize, usize)> {
        let name = |i: usize| &self.b[self.l.names + i * NAME..][..NAME];
        let i = search(self.l.n_names, key, |i| {
            let r = name(i);
            let start = self.l.strings + u32_at(r, 0) as usize;
            self.b.get(start..start + u16_at(r, 4) as usize)
        })?;
        let r = name(i);
        let (count, first) = (u16_at(r, 6) as usize, u32_at(r, 8) as usize);
        (first + count <= (self.l.strings - self.l.postings) / 4).then_some((first, count))
    }

    /// A country's place number by ISO3 code.
    pub fn country(&self, code: &str) -> Option<u32> {
        let row = |i: usize| &self.b[self.l.countries + i * COUNTRY..][..COUNTRY];
        let i = search(self.l.n_countries, code.as_bytes(), |i| {
            let r = row(i);
            Some(&r[..r[..4].iter().position(|&c| c == 0).unwrap_or(4)])
        })?;
        Some(u32_at(row(i), 4))
    }
}

/// The position of `key` among `n` sorted keys, `key_at(i)` giving the
/// i-th (`None` where the index is damaged: not found).
fn search<'k>(n: usize, key: &[u8], key_at: impl Fn(usize) -> Option<&'k [u8]>) -> Option<usize> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match key_at(mid)?.cmp(key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}
