//! The places of a dateline: the town a wire story was filed from and
//! the region written after it ("CHARLESTON, W.Va. —", "BEIRUT (AP) —").

use crate::toponyms::Toponym;
use casus_core::Span;
use casus_resolve::{Gazetteer, Place};

/// A town named with its region ("Charleston, W.Va.") is the one of that
/// name nearest the region's point, within this distance.
pub(crate) const REGION_KM: f64 = 600.0;

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
    let starts = lines.chain(sentences.iter().take(3).map(|s| s.start));
    let Some((at, d)) = starts
        .filter_map(|s| {
            let end = text[s..].find('\n').map_or(text.len(), |e| s + e);
            casus_nlp::find_dateline(&text[s..end]).map(|d| (s, d))
        })
        .next()
    else {
        return Vec::new();
    };
    let head = &text[at + d.start..at + d.end];
    let mut parts: Vec<Span> = Vec::new();
    let mut from = 0;
    for (i, c) in head.char_indices().chain([(head.len(), ',')]) {
        if matches!(c, ',' | '(') {
            let part = head[from..i].trim();
            if !part.is_empty() && !part.chars().any(|c| c.is_ascii_digit()) {
                let s = at + d.start + from + (head[from..i].len() - head[from..i].trim_start().len());
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
        .filter_map(|p| g.resolve(p.slice(text), countries))
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
