//! The places of a dateline: the town a wire story was filed from and
//! the region written after it ("CHARLESTON, W.Va. —", "BEIRUT (AP) —").

use crate::toponyms::Toponym;
use casus_core::Span;
use casus_resolve::{Gazetteer, Place};

/// A town named with its region ("Charleston, W.Va.") is the one of that
/// name nearest the region's point, within this distance.
pub(crate) const REGION_KM: f64 = 600.0;

/// A dateline whose dash the page lost: a town in capitals opening the
/// article, before a capitalised word or a comma and its region
/// ("WASHINGTON Barack Obama pardoned …", "AUSTIN, Texas A white …"). The
/// town must be one the gazetteer knows.
fn bare_dateline(g: &Gazetteer, text: &str, at: usize, countries: &[String]) -> Option<Span> {
    let rest = &text[at..];
    let lead = rest.len() - rest.trim_start().len();
    let start = at + lead;
    let line = &text[start..];
    let caps = line
        .find(|c: char| !(c.is_uppercase() || c == ' ' || c == '.' || c == '-'))
        .unwrap_or(line.len());
    // The capitals end before the next word's first letter ("WASHINGTON B").
    let town = line[..caps].trim_end();
    let town = match line[caps..].starts_with(',') {
        true => town,
        false => town.rsplit_once(' ').map_or("", |(t, _)| t).trim_end(),
    };
    if town.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return None;
    }
    g.resolve(town, countries)?;
    let mut end = start + town.len();
    // ", Texas": the region, one or two capitalised words the gazetteer
    // knows as a state or a country.
    if let Some(after) = text[end..].strip_prefix(", ") {
        let words: Vec<&str> = after.split(' ').take(2).collect();
        for n in (1..=words.len()).rev() {
            let region = words[..n].join(" ");
            let known = g.area(&region).is_some()
                || g.resolve(&region, countries)
                    .is_some_and(|p| p.kind != casus_resolve::PlaceKind::City);
            if known && region.starts_with(char::is_uppercase) {
                end += 2 + region.len();
                break;
            }
        }
    }
    Some(Span::new(start, end))
}

/// The places of a dateline opening one of the first three sentences
/// ("CHARLESTON, W.Va. -", "BEIRUT —"): the town, resolved in the country
/// of the region written after it, and that region.
pub(crate) fn dateline_places(
    g: &Gazetteer,
    text: &str,
    sentences: &[Span],
    countries: &[String],
) -> Vec<Toponym> {
    // The segmenter keeps a dateline that opens a line out of the
    // sentences; one after a headline on the same line opens a sentence.
    let lines = text
        .split_inclusive('\n')
        .scan(0, |at, l| {
            let start = *at;
            *at += l.len();
            Some(start)
        })
        .filter(|&s| !text[s..].trim_start().is_empty())
        .take(3);
    let starts: Vec<usize> = lines.chain(sentences.iter().take(3).map(|s| s.start)).collect();
    let found = starts.iter().find_map(|&s| {
        let end = text[s..].find('\n').map_or(text.len(), |e| s + e);
        casus_nlp::find_dateline(&text[s..end]).map(|d| Span::new(s + d.start, s + d.end))
    });
    let Some(d) = found.or_else(|| starts.iter().find_map(|&s| bare_dateline(g, text, s, countries))) else {
        return Vec::new();
    };
    let head = d.slice(text);
    let mut parts: Vec<Span> = Vec::new();
    let mut from = 0;
    for (i, c) in head.char_indices().chain([(head.len(), ',')]) {
        if matches!(c, ',' | '(') {
            let part = head[from..i].trim();
            if !part.is_empty() && !part.chars().any(|c| c.is_ascii_digit()) {
                let s = d.start + from + (head[from..i].len() - head[from..i].trim_start().len());
                parts.push(Span::new(s, s + part.len()));
            }
            if c == '(' {
                break;
            }
            from = i + 1;
        }
    }
    let mut out: Vec<Toponym> = Vec::new();
    let regions: Vec<Place> = parts
        .iter()
        .skip(1)
        // After a town, the state rather than a city of its name ("BUFFALO,
        // New York").
        .filter_map(|p| {
            let name = p.slice(text);
            let resolved = g.resolve(name, countries);
            match resolved {
                Some(r) if r.kind == casus_resolve::PlaceKind::City => g.area(name).or(Some(r)),
                other => other,
            }
        })
        .collect();
    let mut near: Vec<String> = regions.iter().map(|r| r.country.clone()).collect();
    near.extend(countries.iter().cloned());
    let resolve = |name: &str| match regions.first() {
        Some(r) => g
            .in_or_near(name, r, REGION_KM)
            .or_else(|| g.resolve(name, &near)),
        None => g.resolve(name, &near),
    };
    if let Some(town) = parts.first().and_then(|p| Some((*p, resolve(p.slice(text))?))) {
        out.push(Toponym {
            span: town.0,
            place: town.1,
            use_: "literal",
        });
    }
    for (span, place) in parts.iter().skip(1).zip(regions) {
        out.push(Toponym {
            span: *span,
            place,
            use_: "literal",
        });
    }
    out
}
