//! Local names: a capitalised name the recogniser could not place is a
//! town when a town of that name lies right beside the towns the article
//! is already about. Local news lists its neighbours without a locative
//! ("the cities of Newark, Heath and Pataskala", "Winchester ousted from
//! state tournament"), and a namesake within a few dozen kilometres of
//! the story's own towns is rarely a coincidence.

use crate::toponyms::Toponym;
use casus_actors::{Found, Kind};
use casus_resolve::{Gazetteer, Place, PlaceKind};

/// How near one of the article's towns or counties a namesake must lie.
const LOCAL_KM: f64 = 60.0;

/// Verbs after a name that make it a speaker's.
const SPEAKING: &[&str] = &[" said", " says", " told", " added"];

/// Adds the article's unplaced names that are towns beside its towns.
pub(crate) fn add_local_names(g: &Gazetteer, text: &str, found: &[Found], places: &mut Vec<Toponym>) {
    let anchors: Vec<Place> = places
        .iter()
        .filter(|t| t.use_ != "metonymic" && matches!(t.place.kind, PlaceKind::City | PlaceKind::Admin2))
        .map(|t| t.place.clone())
        .collect();
    if anchors.is_empty() {
        return;
    }
    let mut added: Vec<Toponym> = Vec::new();
    for f in found.iter().filter(|f| f.kind == Kind::Name && f.actor.is_none()) {
        let name = f.span.slice(text);
        let overlaps = |t: &Toponym| t.span.start < f.span.end && f.span.start < t.span.end;
        if name.len() < 4 || places.iter().chain(&added).any(overlaps) {
            continue;
        }
        if SPEAKING.iter().any(|v| text[f.span.end..].starts_with(v)) {
            continue;
        }
        let near = anchors
            .iter()
            .filter_map(|a| g.nearest(name, a, LOCAL_KM))
            .find(|p| p.kind == PlaceKind::City || p.kind == PlaceKind::Admin2);
        let Some(place) = near else { continue };
        if crate::readings::building(text, f.span, &place) {
            continue;
        }
        let named = text[f.span.end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        added.push(Toponym {
            span: f.span,
            place,
            use_: if named { "associative" } else { "literal" },
        });
    }
    places.extend(added);
}
