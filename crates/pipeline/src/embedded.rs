//! Toponyms inside other names: "Ohio" of "the Ohio Department of
//! Transportation", "Dublin" of "Dublin City Council", "Kentucky" of "the
//! University of Kentucky", "Texas" of "Texas Gov. Rick Perry"; and a town
//! that qualifies a person ("a Coral Gables man"). The geoparsing
//! benchmarks count each as a toponym (an associative or embedded use);
//! none of them says where an event happened.

use casus_actors::Kind;
use casus_core::Span;
use casus_resolve::{Gazetteer, Place, PlaceKind};

/// A town of an article's country this populous is taken inside an
/// organisation's name ("Evansville Federal Credit Union"); elsewhere only
/// a town of `KNOWN_TOWN` people is.
const LOCAL_TOWN: u64 = 10_000;

/// Nouns after a town's name that make it the town people are from: "a
/// Crafton man", "Grovetown residents".
const OF_PEOPLE: &[&str] = &[
    "man",
    "woman",
    "men",
    "women",
    "resident",
    "residents",
    "native",
    "teen",
    "teenager",
    "boy",
    "girl",
    "couple",
    "family",
    "families",
    "mother",
    "father",
    "student",
    "students",
    "youth",
    "area",
    "officials",
    "police",
    "mayor",
    "businessman",
    "driver",
    "homeowner",
    "homeowners",
];

/// Words that open or close many names and are also the names of towns
/// ("University Hospital" is not University, Florida).
const GENERIC: &[&str] = &[
    "university",
    "college",
    "school",
    "street",
    "church",
    "union",
    "united",
    "national",
    "general",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "christmas",
    "park",
    "lake",
    "river",
    "valley",
    "hill",
    "city",
    "county",
    "state",
    "liberty",
    "independence",
    "victoria",
    "hope",
    "unity",
    "progress",
    "enterprise",
    "commerce",
    "justice",
    "mission",
    "memorial",
    "grace",
    "trinity",
    "providence",
    "industry",
    "harmony",
    "friendship",
];

/// Second words that make a two-word "person" an institution of a place
/// ("Alexandria Police", "Tipperary Court").
const INSTITUTIONS: &[&str] = &[
    "police",
    "fed",
    "court",
    "council",
    "schools",
    "school",
    "college",
    "university",
    "hospital",
    "department",
    "airport",
    "zoo",
    "library",
    "museum",
    "times",
    "post",
    "herald",
    "tribune",
    "journal",
    "club",
    "church",
    "board",
    "commission",
    "chamber",
    "sheriff",
    "fire",
    "senate",
    "house",
    "assembly",
    "government",
    "authority",
    "port",
    "station",
    "center",
    "centre",
    "detectives",
    "officials",
    "prison",
    "jail",
    "mayor",
    "residents",
];

/// The words of `span` with their byte spans.
fn words(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = span.start;
    for w in span.slice(text).split(' ') {
        if !w.is_empty() {
            out.push(Span::new(at, at + w.len()));
        }
        at += w.len() + 1;
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// An admin area derived from its towns (no GeoNames id) this populous
/// is known well enough to be a place wherever it is named; a smaller one
/// only in an article about its country ("Nelson", "Flores" are surnames
/// before they are regions of New Zealand and Uruguay).
const KNOWN_AREA: u64 = 1_000_000;

/// Whether a place that is not a town is a place wherever it is named: a
/// country, a continent, a US state, a large or a local admin area.
pub(crate) fn notable(p: &Place, countries: &[String]) -> bool {
    match p.kind {
        PlaceKind::City | PlaceKind::Street | PlaceKind::Feature => false,
        PlaceKind::Admin1 | PlaceKind::Admin2 if p.geonameid == 0 => {
            p.population >= KNOWN_AREA || countries.contains(&p.country) || says_area(&p.name)
        }
        _ => true,
    }
}

/// Whether a name says it is an area: "Laurel County", "Rapides Parish",
/// "Oxfordshire".
fn says_area(name: &str) -> bool {
    [
        " County",
        " Parish",
        " District",
        " Province",
        " Region",
        " Governorate",
        "shire",
    ]
    .iter()
    .any(|w| name.ends_with(w))
}

/// Whether `p` may be a toponym inside another name, given the article's
/// countries: a country, continent or admin area always, a town when it
/// is large or a sizeable town of the article's country.
fn fits(p: &Place, countries: &[String]) -> bool {
    match p.kind {
        PlaceKind::City => {
            p.population >= crate::toponyms::KNOWN_TOWN
                || (p.population >= LOCAL_TOWN && countries.first() == Some(&p.country))
        }
        _ => notable(p, countries),
    }
}

/// The longest run of one to three capitalised words of `ws` (in order)
/// that the gazetteer knows and that fits.
fn longest(
    g: &Gazetteer,
    text: &str,
    ws: &[Span],
    countries: &[String],
    admin_only: bool,
) -> Option<(Span, Place)> {
    for n in (1..=ws.len().min(3)).rev() {
        let run = &ws[..n];
        if !run.iter().all(|w| capitalised(w.slice(text))) {
            continue;
        }
        let span = Span::new(run[0].start, run[n - 1].end);
        let raw = span.slice(text);
        // "Toronto-based", "Ohio-born": the name before the hyphen.
        let raw = match raw.split_once('-') {
            Some((head, _)) if n == 1 && !head.is_empty() => head,
            _ => raw,
        };
        let name = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw)
            .trim_end_matches(',');
        if name.len() < 4 || GENERIC.contains(&name.to_lowercase().as_str()) {
            continue;
        }
        let Some(p) = g.resolve(name, countries) else {
            continue;
        };
        if fits(&p, countries) && (!admin_only || notable(&p, countries)) {
            return Some((Span::new(span.start, span.start + name.len()), p));
        }
    }
    None
}

/// The toponym inside a mention of kind `kind` at `span`: its first words
/// ("Ohio Department of Development") or the words after its last "of"
/// ("University of Kentucky"), never the whole mention.
pub(crate) fn inside(
    g: &Gazetteer,
    text: &str,
    kind: Kind,
    span: Span,
    countries: &[String],
) -> Option<(Span, Place)> {
    let mut ws = words(text, span);
    if ws
        .first()
        .is_some_and(|w| matches!(w.slice(text), "The" | "the" | "A" | "a" | "An" | "an"))
    {
        ws.remove(0);
    }
    if ws.len() < 2 {
        return None;
    }
    // "Virginia Woolf": a person's first word is a toponym only before a
    // title and a name ("Texas Gov. Rick Perry").
    let institution = ws.len() == 2 && INSTITUTIONS.contains(&ws[1].slice(text).to_lowercase().as_str());
    let person = kind == Kind::Person && !institution && ws.iter().all(|w| capitalised(w.slice(text)));
    if person && ws.len() < 3 {
        return None;
    }
    let head = &ws[..ws.len() - 1];
    if let Some(found) = longest(g, text, head, countries, person) {
        return Some(found);
    }
    if person {
        return None;
    }
    let of = ws.iter().rposition(|w| w.slice(text) == "of")?;
    let tail = &ws[of + 1..];
    let found = longest(g, text, tail, countries, false)?;
    // Only when the run reaches the end of the name.
    (found.0.end + 1 >= tail[tail.len() - 1].end).then_some(found)
}

/// A town named before a noun of people ("a Crafton man"): any town of
/// the article's country, however small.
pub(crate) fn of_people(g: &Gazetteer, text: &str, span: Span, countries: &[String]) -> Option<Place> {
    let next = text[span.end..].split_whitespace().next()?;
    let next = next
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if !OF_PEOPLE.contains(&next.as_str()) {
        return None;
    }
    let name = span.slice(text);
    if GENERIC.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    g.resolve(name, countries)
        .filter(|p| notable(p, countries) || countries.contains(&p.country) || p.population >= LOCAL_TOWN)
}
