//! One sense per discourse: a name the article uses once as a place is
//! the same place wherever else it is written ("Decatur" at the start of
//! a headline, "Alexandria detectives", "DeKalb's plan"), unless there it
//! is part of a person's name.

use crate::toponyms::Toponym;
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_resolve::PlaceKind;

/// Titles before a surname that make a place's name a person's ("Mr. Austin").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "miss", "sir", "rev", "gen", "sen", "rep", "gov",
];

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Every other capitalised occurrence of each place name the article
/// resolved, as the same place: literal on its own, associative when a
/// name or a possessive follows ("Alexandria Police", "DeKalb's").
pub(crate) fn spread(text: &str, found: &[Found], places: &mut Vec<Toponym>) {
    let mut names: Vec<(&str, usize)> = Vec::new();
    for (i, t) in places.iter().enumerate() {
        let name = t.span.slice(text);
        let spreads = matches!(
            t.place.kind,
            PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Region | PlaceKind::Water
        );
        if spreads
            && name.len() >= 4
            && name.starts_with(char::is_uppercase)
            && !names.iter().any(|n| n.0 == name)
        {
            names.push((name, i));
        }
    }
    let mut taken: Vec<Span> = places.iter().map(|t| t.span).collect();
    let mut added = Vec::new();
    for (name, i) in names {
        // A small town's name that is a person's elsewhere in the article
        // ("Gordon Brown", "Taylor said") is a surname there, and maybe
        // here too.
        let surname = crate::readings::personal(text, found, name);
        let well_known = places[i].place.kind != PlaceKind::City
            || places[i].place.population >= crate::toponyms::KNOWN_TOWN;
        if surname && !well_known {
            continue;
        }
        // A name that is also a common word ("Mobile", "Reading") only
        // where it cannot be one: not first in a sentence.
        let common = text.contains(&name.to_lowercase());
        for (at, _) in text.match_indices(name) {
            let span = Span::new(at, at + name.len());
            // "Gainesville-area", "Dublin-based": the name before a hyphen
            // and a lower-case word; not a part of "Winston-Salem".
            let after = &text[span.end..];
            let hyphened = after
                .strip_prefix('-')
                .is_some_and(|r| r.starts_with(char::is_lowercase));
            let bounded = !text[..at].ends_with(word_char) && (hyphened || !after.starts_with(word_char));
            if !bounded || taken.iter().any(|s| s.start < span.end && span.start < s.end) {
                continue;
            }
            if common && crate::readings::opens_sentence(text, at) {
                continue;
            }
            // "Pack 136": a unit of that name, not the town.
            if places[i].place.kind == PlaceKind::City && crate::readings::numbered(text, span) {
                continue;
            }
            // Inside a person's name ("Austin Powell"), not inside a
            // mention the actor stage took for a person that has a common
            // noun in it ("Gainesville business").
            let in_person = found.iter().any(|f| {
                f.kind == Kind::Person
                    && f.span != span
                    && f.span.start <= at
                    && span.end <= f.span.end
                    && f.span
                        .slice(text)
                        .split(' ')
                        .all(|w| w.starts_with(char::is_uppercase))
            });
            let titled = text[..at]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str()));
            if in_person || titled || crate::readings::building(text, span, &places[i].place) {
                continue;
            }
            let associative = hyphened
                || after.starts_with("'s")
                || after.starts_with("’s")
                || crate::readings::name_follows(text, span.end);
            taken.push(span);
            added.push(Toponym {
                span,
                place: places[i].place.clone(),
                use_: if associative { "associative" } else { "literal" },
            });
        }
    }
    places.extend(added);
}
