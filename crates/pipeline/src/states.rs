//! Towns read as states or as a country's: "the state of Washington",
//! "Athens, Greece", and a country's name that is a state of the
//! country the story is in ("Georgia" beside Gainesville).

use crate::coherence::{is_town, key_of};
use crate::toponyms::Toponym;
use casus_resolve::{Gazetteer, Place, PlaceKind};

/// Countries whose first-level areas are called states (facts): a
/// town's name written as a state's is looked up there.
const STATE_COUNTRIES: &[&str] = &[
    "USA", "IND", "AUS", "NGA", "BRA", "MEX", "MYS", "DEU", "SDN", "SSD", "VEN", "MMR",
];

/// Towns written as states ("the state of Washington", "a Washington
/// state farm") are the state of that name.
pub(crate) fn said_states(g: &Gazetteer, text: &str, places: &mut [Toponym]) {
    for t in places.iter_mut().filter(|t| is_town(&t.place)) {
        let after = &text[t.span.end..];
        let state_after = after
            .strip_prefix(" state")
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric));
        // Only the last nine bytes are read: this runs for every town.
        let before = &text[..t.span.start];
        let state_before = before
            .len()
            .checked_sub(9)
            .and_then(|at| before.get(at..))
            .is_some_and(|w| w.eq_ignore_ascii_case("state of "));
        if !(state_after || state_before) {
            continue;
        }
        let mut countries = vec![t.place.country.clone()];
        countries.extend(STATE_COUNTRIES.iter().map(|c| c.to_string()));
        if let Some(state) = g.admin_in(t.span.slice(text), &countries, "") {
            t.place = state;
        }
    }
}

/// Towns written beside their country ("Athens, Greece", "Paris, France")
/// and that country's town of the name: their names, lower-cased.
pub(crate) fn beside_country(g: &Gazetteer, text: &str, places: &[Toponym]) -> Vec<(String, Place)> {
    let mut out = Vec::new();
    for t in places
        .iter()
        .filter(|t| is_town(&t.place) && text[t.span.end..].starts_with(", "))
    {
        let Some(c) = places
            .iter()
            .find(|c| c.place.kind == PlaceKind::Country && c.span.start == t.span.end + 2)
        else {
            continue;
        };
        let country = &c.place.country;
        let place = match t.place.country == *country {
            true => Some(t.place.clone()),
            false => g
                .candidates(t.span.slice(text))
                .into_iter()
                .find(|p| p.country == *country),
        };
        if let Some(p) = place {
            out.push((key_of(text, t), p));
        }
    }
    out
}

/// A country's name that is also a state of the country the article's
/// towns are in is that state, when nothing else in the article belongs
/// to the country: "Georgia" beside Gainesville and Hall County.
pub(crate) fn states(g: &Gazetteer, text: &str, countries: &[String], places: &mut [Toponym]) {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for t in places.iter().filter(|t| {
        matches!(
            t.place.kind,
            PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2
        )
    }) {
        match counts.iter_mut().find(|c| c.0 == t.place.country) {
            Some(c) => c.1 += 1,
            None => counts.push((t.place.country.clone(), 1)),
        }
    }
    // One sense per discourse: a name read as a state once is that
    // state wherever the article writes it.
    let read_as_state: Vec<(String, Place)> = places
        .iter()
        .filter(|t| t.place.kind == PlaceKind::Admin1)
        .map(|t| (t.span.slice(text).to_lowercase(), t.place.clone()))
        .collect();
    for t in places.iter_mut().filter(|t| t.place.kind == PlaceKind::Country) {
        let name = t.span.slice(text).to_lowercase();
        if let Some((_, state)) = read_as_state.iter().find(|(n, _)| *n == name) {
            t.place = state.clone();
            if t.use_ == "metonymic" {
                t.use_ = "literal";
            }
        }
    }
    let Some((home, n)) = counts.into_iter().max_by_key(|c| c.1) else {
        return;
    };
    if n < 2 {
        town_in_state(g, text, countries, places);
        return;
    }
    let home = [home];
    for i in 0..places.len() {
        let p = &places[i].place;
        if p.kind != PlaceKind::Country || p.country == home[0] || countries.contains(&p.country) {
            continue;
        }
        let iso3 = p.country.clone();
        let own = places
            .iter()
            .any(|t| t.place.country == iso3 && t.place.kind != PlaceKind::Country);
        if own {
            continue;
        }
        if let Some(state) = g.admin_in(places[i].span.slice(text), &home, &iso3) {
            places[i].place = state;
            if places[i].use_ == "metonymic" {
                places[i].use_ = "literal";
            }
        }
    }
}

/// A story with one town and a country's name that is also a state with
/// a namesake of that town: "Albany" and "Georgia" are Albany, Georgia,
/// when the story's people are not of the country, nothing else of it is
/// named, and the town is not far better known than its namesakes
/// ("Athens" and "Georgia" stay apart).
fn town_in_state(g: &Gazetteer, text: &str, countries: &[String], places: &mut [Toponym]) {
    let Some(town) = places.iter().find(|t| is_town(&t.place) && t.use_ != "metonymic") else {
        return;
    };
    let town_key = key_of(text, town);
    let cands = g.candidates(&town_key);
    if crate::coherence::dominant(&town_key, &cands) {
        return;
    }
    let country_names: Vec<(String, String)> = places
        .iter()
        .filter(|t| t.place.kind == PlaceKind::Country && !countries.contains(&t.place.country))
        .map(|t| (key_of(text, t), t.place.country.clone()))
        .collect();
    let state_countries: Vec<String> = STATE_COUNTRIES.iter().map(|c| c.to_string()).collect();
    for (name, iso3) in country_names {
        if places
            .iter()
            .any(|t| t.place.country == iso3 && t.place.kind != PlaceKind::Country)
        {
            continue;
        }
        let Some(state) = g.admin_in(&name, &state_countries, &iso3) else {
            continue;
        };
        let inside = cands
            .iter()
            .find(|c| c.country == state.country && c.admin1.as_deref() == Some(state.name.as_str()));
        let Some(inside) = inside.cloned() else { continue };
        for t in places.iter_mut() {
            let k = key_of(text, t);
            if k == name && t.place.kind == PlaceKind::Country {
                t.place = state.clone();
                if t.use_ == "metonymic" {
                    t.use_ = "literal";
                }
            } else if k == town_key && is_town(&t.place) {
                t.place = inside.clone();
            }
        }
        return;
    }
}
