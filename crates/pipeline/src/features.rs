//! Named features no gazetteer a registry package ships has: streets and
//! roads ("Main Street", "Northwest 34th Street", "Route 1", "I-75") and
//! parks, rivers, lakes, forests, islands and mountains ("Coffman Park",
//! "the Catawba River", "Lake Lanier", "Mount Hood"). Local news places
//! much of what it reports on them. Each is placed at the town the
//! article names nearest before it (its coordinates are that town's, its
//! kind `street` or `feature`, its id null): a street in Decatur is in
//! Decatur.

use crate::toponyms::Toponym;
use casus_core::Span;
use casus_resolve::{Place, PlaceKind};

/// Words that end a park's, a river's or another feature's name.
const FEATURE_SUFFIXES: &[&str] = &[
    "River",
    "Creek",
    "Lake",
    "Bay",
    "Park",
    "Forest",
    "Wilderness",
    "Island",
    "Reservoir",
    "Canyon",
    "Mountains",
];

/// Words that open a feature's name: "Lake Lanier", "Mount Hood".
const FEATURE_PREFIXES: &[&str] = &["Lake", "Mount", "Mt."];

/// Words that end a street's name.
const SUFFIXES: &[&str] = &[
    "Street",
    "St.",
    "Road",
    "Rd.",
    "Avenue",
    "Ave.",
    "Boulevard",
    "Blvd.",
    "Lane",
    "Drive",
    "Parkway",
    "Pkwy.",
    "Highway",
    "Pike",
    "Turnpike",
    "Trail",
    "Expressway",
    "Freeway",
];

/// Words before a number that make it a road: "Route 1", "Highway 19",
/// "KY 52", "FM 678".
const NUMBERED: &[&str] = &[
    "Route",
    "Highway",
    "Hwy.",
    "Interstate",
    "I",
    "SR",
    "US",
    "U.S.",
    "KY",
    "FM",
    "CR",
];

/// Words that open a sentence or a phrase, not a street's name.
const OPENERS: &[&str] = &[
    "The", "A", "An", "On", "In", "At", "Along", "Off", "From", "To", "Near", "And",
];

/// Whitespace-separated words with their spans, trailing commas and
/// colons left out. Not the segmenter's tokens: a street's name keeps its
/// dots and hyphens whole ("St.", "N.", "I-75", "U.S."), which tokens split.
fn words(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                let w = text[s..i].trim_end_matches([',', ';', ':', ')', '"', '”']);
                if !w.is_empty() {
                    out.push(Span::new(s, s + w.len()));
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A word of a street's name: capitalised ("Locust", "N.") or an ordinal
/// ("34th"), not ending a clause.
fn name_word(text: &str, w: Span) -> bool {
    let s = w.slice(text);
    let initial = (s.len() == 2 && s.ends_with('.')) || matches!(s, "St." | "Ft." | "Mt.");
    let ends_clause = s.ends_with(['.', '!', '?']) && !initial;
    let ordinal = is_number(s) && s.ends_with(['h', 't', 'd']);
    !ends_clause && (s.starts_with(char::is_uppercase) || ordinal) && !OPENERS.contains(&s)
}

/// The streets (and, with `PlaceKind::Feature`, the other features)
/// named in the text.
fn find(text: &str) -> Vec<(Span, PlaceKind)> {
    let ws = words(text);
    let mut out: Vec<(Span, PlaceKind)> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let s = w.slice(text);
        // "I-75".
        if s.strip_prefix("I-").is_some_and(is_number) {
            out.push((*w, PlaceKind::Street));
            continue;
        }
        if i > 0 && is_number(s) && NUMBERED.contains(&ws[i - 1].slice(text)) {
            // "Highway 19" is one road, not "Old Lexington Highway" then "19".
            match out.last_mut() {
                Some((last, _)) if last.end == ws[i - 1].end => last.end = w.end,
                _ => out.push((Span::new(ws[i - 1].start, w.end), PlaceKind::Street)),
            }
            continue;
        }
        // "Lake Lanier", "Mount Hood": the prefix and one or two names.
        if FEATURE_PREFIXES.contains(&s) && out.last().is_none_or(|(l, _)| l.end < w.start) {
            let mut last = i;
            let mut end = w.end;
            while last + 1 < ws.len() && last - i < 2 && ws[last].end + 1 == ws[last + 1].start {
                let next = ws[last + 1];
                let bare = next.slice(text).trim_end_matches('.');
                if !bare.starts_with(char::is_uppercase) || OPENERS.contains(&bare) {
                    break;
                }
                last += 1;
                end = next.start + bare.len();
                // "Mount Tabor." ends the sentence, and the name.
                if bare.len() < next.len() {
                    break;
                }
            }
            if last > i {
                out.push((Span::new(w.start, end), PlaceKind::Feature));
            }
            continue;
        }
        // "Mill Road." at a sentence's end: the road without the stop.
        let bare = s.strip_suffix('.').unwrap_or(s);
        let (end, kind) = if SUFFIXES.contains(&s) {
            (w.end, PlaceKind::Street)
        } else if SUFFIXES.contains(&bare) {
            (w.end - 1, PlaceKind::Street)
        } else if FEATURE_SUFFIXES.contains(&bare) {
            (w.start + bare.len(), PlaceKind::Feature)
        } else {
            continue;
        };
        if i == 0 {
            continue;
        }
        let mut first = i;
        while first > 0
            && i - first < 3
            && name_word(text, ws[first - 1])
            && ws[first - 1].end + 1 == ws[first].start
        {
            first -= 1;
        }
        if first < i && out.last().is_none_or(|(l, _)| l.end <= ws[first].start) {
            out.push((Span::new(ws[first].start, end), kind));
        }
    }
    out
}

/// Adds the article's streets and features to its places, each at the
/// town named nearest before it (else the first town the article names);
/// a street replaces the towns inside its name ("Washington" of
/// "Washington Drive").
pub(crate) fn add_features(text: &str, places: &mut Vec<Toponym>) {
    let streets = find(text);
    if streets.is_empty() {
        return;
    }
    let towns: Vec<(Span, Place)> = places
        .iter()
        .filter(|t| matches!(t.place.kind, PlaceKind::City | PlaceKind::Admin2) && t.use_ != "metonymic")
        .map(|t| (t.span, t.place.clone()))
        .collect();
    for (s, kind) in streets {
        let town = towns
            .iter()
            .filter(|(at, _)| at.end <= s.start)
            .max_by_key(|(at, _)| at.start)
            .or_else(|| {
                towns
                    .iter()
                    .filter(|(at, _)| at.end <= s.start || s.end <= at.start)
                    .min_by_key(|(at, _)| at.start)
            });
        let Some((_, town)) = town else { continue };
        // "the Ohio Turnpike" names Ohio: the state stays, with no street.
        let inside = |t: &Toponym| s.start <= t.span.start && t.span.end <= s.end;
        if places
            .iter()
            .any(|t| inside(t) && !matches!(t.place.kind, PlaceKind::City | PlaceKind::Admin2))
        {
            continue;
        }
        places.retain(|t| !inside(t));
        if places
            .iter()
            .any(|t| t.span.start < s.end && s.start < t.span.end)
        {
            continue;
        }
        places.push(Toponym {
            span: s,
            place: Place {
                geonameid: 0,
                name: s.slice(text).to_string(),
                kind,
                country: town.country.clone(),
                lat: town.lat,
                lon: town.lon,
                population: 0,
                admin1: town.admin1.clone(),
                admin2: town.admin2.clone(),
            },
            use_: "literal",
        });
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    fn names(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|(s, _)| s.slice(text)).collect()
    }

    #[test]
    fn streets_and_numbered_roads_are_found_with_their_whole_names() {
        let text = "Crews closed Elm Street and part of Old Mill Road. \
                    Traffic on Route 9 and I-80 slowed, and a truck stopped on \
                    the corner of North 12th Avenue. The Supreme Court ruled.";
        assert_eq!(
            names(text),
            [
                "Elm Street",
                "Old Mill Road",
                "Route 9",
                "I-80",
                "North 12th Avenue"
            ]
        );
    }

    #[test]
    fn parks_rivers_lakes_and_mountains_are_features() {
        let text = "Families met at Willow Park, walked along the Bear River to Lake Cobb, \
                    and saw Mount Tabor. The St. Johns River rose. The park closes at dusk.";
        let found = find(text);
        let names: Vec<&str> = found.iter().map(|(s, _)| s.slice(text)).collect();
        assert_eq!(
            names,
            [
                "Willow Park",
                "Bear River",
                "Lake Cobb",
                "Mount Tabor",
                "St. Johns River"
            ]
        );
        assert!(found.iter().all(|(_, k)| *k == casus_resolve::PlaceKind::Feature));
    }

    #[test]
    fn a_street_word_alone_or_after_a_lower_case_word_is_no_street() {
        assert!(names("They walked down the road. Street vendors sold maps on the main Street.").is_empty());
    }
}
