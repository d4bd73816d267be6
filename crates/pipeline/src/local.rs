//! Local names: a capitalised name the recogniser could not place is a
//! town when a town of that name lies right beside the towns the article
//! is already about. Local news lists its neighbours without a locative
//! ("the cities of Newark, Heath and Pataskala", "Winchester ousted from
//! state tournament"), and a namesake within a few dozen kilometres of
//! the story's own towns is rarely a coincidence.

use crate::toponyms::{points, Toponym};
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_resolve::{Gazetteer, PlaceKind};

/// How near one of the article's towns or counties a namesake must lie.
const LOCAL_KM: f64 = 60.0;

/// Adds the article's unplaced names that are towns beside its towns.
pub(crate) fn add_local_names(g: &Gazetteer, text: &str, found: &[Found], places: &mut Vec<Toponym>) {
    let anchors = points(places, &[PlaceKind::City, PlaceKind::Admin2]);
    if anchors.is_empty() {
        return;
    }
    let mut added: Vec<Toponym> = Vec::new();
    for f in found.iter().filter(|f| f.kind == Kind::Name && f.actor.is_none()) {
        let name = f.span.slice(text);
        let overlaps = |t: &Toponym| t.span.start < f.span.end && f.span.start < t.span.end;
        if name.len() < 4
            || crate::readings::numbered(text, f.span)
            || places.iter().chain(&added).any(overlaps)
        {
            continue;
        }
        let near = anchors
            .iter()
            .filter_map(|a| g.nearest(name, a, LOCAL_KM))
            .find(|p| p.kind == PlaceKind::City || p.kind == PlaceKind::Admin2);
        let Some(place) = near else { continue };
        // Last, as it reads the whole text.
        if crate::readings::building(text, f.span, &place) || crate::readings::personal(text, found, name) {
            continue;
        }
        let named = crate::readings::name_follows(text, f.span.end);
        added.push(Toponym {
            span: f.span,
            place,
            use_: if named { "associative" } else { "literal" },
        });
    }
    places.extend(added);
}

/// The first word of each sentence (and headline) that is a town beside
/// the story's towns: "Decatur to discuss school plan", "Canaan will see
/// the highest jump". The recogniser passes over a lone capitalised word
/// that opens a sentence.
pub(crate) fn add_sentence_openers(
    g: &Gazetteer,
    text: &str,
    sentences: &[Span],
    found: &[Found],
    countries: &[String],
    places: &mut Vec<Toponym>,
) {
    let anchors = points(places, &[PlaceKind::City, PlaceKind::Admin2]);
    let mut added = Vec::new();
    for s in sentences {
        let body = s.slice(text);
        let lead = body.len() - body.trim_start_matches(['"', '“', '\'', ' ', '\n']).len();
        let start = s.start + lead;
        let word_end = text[start..s.end]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
            .map_or(s.end, |k| start + k);
        let word = text[start..word_end].trim_end_matches('.');
        if word.len() < 4 || !word.starts_with(char::is_uppercase) || word.chars().all(|c| c.is_uppercase()) {
            continue;
        }
        let span = Span::new(start, start + word.len());
        let taken = places
            .iter()
            .any(|t| t.span.start < span.end && span.start < t.span.end);
        if taken {
            continue;
        }
        // A town beside the story's towns, or a state or a province known
        // wherever it is named ("Ohio sparked an emotional reaction").
        let near = anchors
            .iter()
            .find_map(|a| g.nearest(word, a, LOCAL_KM))
            .or_else(|| {
                g.resolve(word, countries)
                    .filter(|p| p.kind == PlaceKind::Admin1 && crate::embedded::notable(p, countries))
            });
        // Last, as it reads the whole text.
        let Some(place) = near.filter(|_| !crate::readings::personal(text, found, word)) else {
            continue;
        };
        let named = crate::readings::name_follows(text, span.end);
        added.push(Toponym {
            span,
            place,
            use_: if named { "associative" } else { "literal" },
        });
    }
    places.extend(added);
}

/// The items of a list of names that ends before byte `end`: "Becker,
/// Clay and Otter Tail" before " counties". Each item is one or two
/// capitalised words.
fn list_before(text: &str, end: usize) -> Vec<Span> {
    let mut items = Vec::new();
    let mut at = end;
    loop {
        let head = &text[..at];
        let start = head
            .rfind(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '.' || c == '-' || c == '\''))
            .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let item = head[start..].trim();
        // "Walton and Oconee": split on the last " and ".
        let (item, rest_end) = match item.rfind(" and ") {
            Some(k) => (&item[k + 5..], Some(head.len() - item.len() + k)),
            None => (item, None),
        };
        // The item's last one or two capitalised words: "Storms hit
        // Becker" opens the list with "Becker".
        let words: Vec<&str> = item.split(' ').filter(|w| !w.is_empty()).collect();
        let caps = words
            .iter()
            .rev()
            .take_while(|w| w.starts_with(char::is_uppercase))
            .count()
            .min(2);
        if caps == 0 {
            break;
        }
        let name_len: usize = words[words.len() - caps..].iter().map(|w| w.len()).sum::<usize>() + caps - 1;
        let item_end = head.trim_end().len();
        items.push(Span::new(item_end - name_len, item_end));
        if caps < words.len() {
            break;
        }
        at = match rest_end {
            Some(k) => k,
            None if head[..start].ends_with(',') => start - 1,
            None => break,
        };
    }
    items.reverse();
    items
}

/// "Walton and Oconee counties", "Becker, Clay and Otter Tail counties":
/// each name is its county (or parish), resolved near the article's towns
/// and counties, else in its countries.
pub(crate) fn add_county_lists(g: &Gazetteer, text: &str, countries: &[String], places: &mut Vec<Toponym>) {
    let anchors = points(places, &[PlaceKind::City, PlaceKind::Admin2, PlaceKind::Admin1]);
    for (plural, noun) in [
        (" counties", "County"),
        (" parishes", "Parish"),
        (" Counties", "County"),
    ] {
        for (at, _) in text.match_indices(plural) {
            let items = list_before(text, at);
            if items.len() < 2 {
                continue;
            }
            for s in items {
                if places
                    .iter()
                    .any(|t| t.span.start < s.end && s.start < t.span.end)
                {
                    continue;
                }
                let name = format!("{} {noun}", s.slice(text));
                let near = anchors
                    .iter()
                    .find_map(|a| g.in_or_near(&name, a, crate::datelines::REGION_KM));
                let Some(place) = near.or_else(|| g.resolve(&name, countries)) else {
                    continue;
                };
                if place.kind != PlaceKind::Admin2 {
                    continue;
                }
                places.push(Toponym {
                    span: s,
                    place,
                    use_: "literal",
                });
            }
        }
    }
}

/// Party letters before a legislator's state or town: "D-N.D.",
/// "R-Elbow Lake", "DFL-Chisholm".
const PARTIES: &[&str] = &["D-", "R-", "I-", "DFL-"];

/// The places of US legislators' affiliations: "Sen. Byron Dorgan, D-N.D.,"
/// and "Rep. Jerry McNerney, D-Pleasanton," name North Dakota and
/// Pleasanton, California.
pub(crate) fn add_party_places(g: &Gazetteer, text: &str, places: &mut Vec<Toponym>) {
    let mut added = Vec::new();
    for party in PARTIES {
        for (at, _) in text.match_indices(party) {
            let opens = text[..at].ends_with([' ', '(', '\n']);
            let start = at + party.len();
            let Some(len) = text[start..].find([',', ')', ';', '\n', '—']) else {
                continue;
            };
            let name = text[start..start + len].trim_end();
            let words = name.split(' ').count();
            if !opens || name.len() < 2 || words > 3 || !name.starts_with(char::is_uppercase) {
                continue;
            }
            let span = Span::new(start, start + name.len());
            if places
                .iter()
                .chain(&added)
                .any(|t: &Toponym| t.span.start < span.end && span.start < t.span.end)
            {
                continue;
            }
            let usa = ["USA".to_string()];
            let Some(place) = g.resolve(name, &usa).filter(|p| p.country == "USA") else {
                continue;
            };
            added.push(Toponym {
                span,
                place,
                use_: "associative",
            });
        }
    }
    places.extend(added);
}

#[cfg(test)]
mod tests {
    use super::list_before;

    #[test]
    fn a_list_of_names_before_a_plural_noun_is_read_item_by_item() {
        let text = "Storms hit Becker, Clay, Otter Tail and Wilkin counties on Monday.";
        let at = text.find(" counties").unwrap();
        let items: Vec<&str> = list_before(text, at).into_iter().map(|s| s.slice(text)).collect();
        assert_eq!(items, ["Becker", "Clay", "Otter Tail", "Wilkin"]);
        let text = "the bridge between Walton and Oconee counties";
        let at = text.find(" counties").unwrap();
        let items: Vec<&str> = list_before(text, at).into_iter().map(|s| s.slice(text)).collect();
        assert_eq!(items, ["Walton", "Oconee"]);
    }
}
