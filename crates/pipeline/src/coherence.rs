//! Places that explain each other: the article's admin areas and its
//! well-known towns say which of several towns of a name it means.
//!
//! A geoparser's resolver leans on the same evidence a reader does: a
//! story that names Shreveport means the Mansfield in Louisiana, not the
//! larger one in England, and a story that names Texas and Lamar County
//! means Paris, Texas. Both steps here only move a toponym to another
//! place of its own name, never invent one, so each place still comes
//! from its words.

use crate::datelines::REGION_KM;
use crate::states::{beside_country, said_states, states};
use crate::toponyms::Toponym;
use casus_core::Span;
use casus_resolve::{km, Gazetteer, Place, PlaceKind};

/// A town this much more populous than every other town of its name is
/// the one meant unless the article's admin areas say otherwise
/// ("London", "Shreveport").
const SURE_RATIO: u64 = 10;

/// A town this near another of the article's places already fits the
/// story and stays where it is.
const FITS_KM: f64 = 250.0;

/// Two names of the article with namesakes this near each other are
/// those namesakes: "Palestine" and "Anderson County" are the Texan town
/// and the county it is the seat of.
const PAIR_KM: f64 = 50.0;

/// The namesakes of a name tried, most populous first.
const PAIR_CANDIDATES: usize = 40;

fn dist(a: &Place, b: &Place) -> f64 {
    km((a.lat, a.lon), (b.lat, b.lon))
}

/// A toponym's words, lower-cased: its name wherever the article writes it.
pub(crate) fn key_of(text: &str, t: &Toponym) -> String {
    t.span.slice(text).to_lowercase()
}

pub(crate) fn is_town(p: &Place) -> bool {
    matches!(p.kind, PlaceKind::City | PlaceKind::Admin2)
}

/// The article's admin areas say which of several towns or counties of a
/// name it means: "Paris" in an article that names Texas and Lamar County
/// is Paris, Texas. Each town or county is moved to the place of its name
/// nearest one of the other admin areas, when one is within reach.
pub(crate) fn cohere(g: &Gazetteer, text: &str, countries: &[String], places: &mut [Toponym]) {
    said_states(g, text, places);
    states(g, text, countries, places);
    let anchors: Vec<(Span, Place)> = places
        .iter()
        .filter(|t| t.use_ != "metonymic" && matches!(t.place.kind, PlaceKind::Admin1 | PlaceKind::Admin2))
        .map(|t| (t.span, t.place.clone()))
        .collect();
    // "Paris, Missouri": a town written beside its region stays there;
    // "Athens, Greece": one written beside its country is that country's.
    // Either is the town wherever the article names it.
    let mut pinned: Vec<(String, Place)> = places
        .iter()
        .filter(|t| {
            let rest = &text[t.span.end..];
            rest.starts_with(", ")
                && anchors.iter().any(|(s, a)| {
                    s.start == t.span.end + 2 && a.kind == PlaceKind::Admin1 && dist(&t.place, a) <= REGION_KM
                })
        })
        .map(|t| (key_of(text, t), t.place.clone()))
        .collect();
    pinned.extend(beside_country(g, text, places));
    for t in places.iter_mut().filter(|t| is_town(&t.place)) {
        let key = key_of(text, t);
        if let Some((_, p)) = pinned.iter().find(|(k, _)| *k == key) {
            t.place = p.clone();
        }
    }
    let pinned: Vec<String> = pinned.into_iter().map(|(k, _)| k).collect();
    if !anchors.is_empty() {
        // Where each name goes depends on its words alone: found once.
        let mut moved: Vec<(String, Option<Place>)> = Vec::new();
        for t in places.iter_mut().filter(|t| is_town(&t.place)) {
            let key = key_of(text, t);
            if pinned.contains(&key) {
                continue;
            }
            let to = match moved.iter().find(|(k, _)| *k == key) {
                Some((_, to)) => to.clone(),
                None => {
                    let to = near_areas(g, text, &anchors, t.span.slice(text));
                    moved.push((key, to.clone()));
                    to
                }
            };
            if let Some(p) = to {
                t.place = p;
            }
        }
    }
    settle(g, text, countries, places, &pinned);
    pair(g, text, countries, places, &pinned);
}

/// Of the namesakes of `name` near each of the article's admin areas, the
/// one nearest any of them.
fn near_areas(g: &Gazetteer, text: &str, anchors: &[(Span, Place)], name: &str) -> Option<Place> {
    let to_areas = |p: &Place| anchors.iter().map(|(_, x)| dist(p, x)).fold(f64::MAX, f64::min);
    // A town far better known than its namesakes leaves only for one
    // inside a state the article names, or near its county: "Moscow" in a
    // story that names New York is not the Moscow in Pennsylvania, a
    // state's width away.
    let famous = dominant(name, &g.candidates(name));
    let reach = |a: &Place| match famous && a.kind == PlaceKind::Admin1 {
        true => 0.0,
        false => REGION_KM,
    };
    anchors
        .iter()
        // Not another mention of the same name ("Anderson County" is not
        // where "Anderson County" is).
        .filter(|(s, _)| !s.slice(text).eq_ignore_ascii_case(name))
        .filter_map(|(_, a)| g.in_or_near(name, a, reach(a)))
        // Nor, for a famous name, a town that has it only as another name
        // (Watervliet, New York, once called Washington).
        .filter(|p| !famous || p.name.eq_ignore_ascii_case(name))
        .map(|p| (to_areas(&p), p))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p)
}

/// Towns of a name shared by places far apart are moved near the
/// article's sure places (its admin areas, and towns far more populous
/// than any other of their name) when they fit none of them: "Mansfield"
/// beside "Shreveport" is Mansfield, Louisiana.
/// Names in `pinned` (lower-cased) stay where they are.
fn settle(g: &Gazetteer, text: &str, countries: &[String], places: &mut [Toponym], pinned: &[String]) {
    let key = |t: &Toponym| key_of(text, t);
    let mut names: Vec<(String, Place, bool)> = Vec::new();
    for t in places.iter().filter(|t| t.use_ != "metonymic") {
        let k = key(t);
        if names.iter().any(|(n, _, _)| *n == k) {
            continue;
        }
        let sure = match t.place.kind {
            PlaceKind::Admin1 => true,
            PlaceKind::City | PlaceKind::Admin2 => {
                let rival = g
                    .candidates(&k)
                    .into_iter()
                    .filter(|c| c.geonameid != t.place.geonameid || c.name != t.place.name)
                    .map(|c| c.population)
                    .max();
                rival.is_none_or(|r| t.place.population >= SURE_RATIO * r.max(1))
            }
            _ => continue,
        };
        names.push((k, t.place.clone(), sure));
    }
    let anchors: Vec<(&str, &Place)> = names
        .iter()
        .filter(|n| n.2)
        .map(|n| (n.0.as_str(), &n.1))
        .collect();
    let mut moves: Vec<(String, Place)> = Vec::new();
    for (k, here, sure) in names.iter().filter(|n| is_town(&n.1) && !pinned.contains(&n.0)) {
        let others = || anchors.iter().filter(|(a, _)| a != k);
        if others().any(|(_, a)| dist(here, a) <= FITS_KM) {
            continue;
        }
        // A sure town abroad moves only to a namesake right beside another
        // of the article's places: "Paris" beside "Dallas" is Paris, Texas,
        // unless the article is about France or names it ("Moscow" in a
        // story that names Russia stays there, whatever else it names).
        let its_country_named = || {
            places
                .iter()
                .any(|t| t.place.kind == PlaceKind::Country && t.place.country == here.country)
        };
        let reach = match sure {
            false => REGION_KM,
            true if !countries.contains(&here.country) && !its_country_named() => FITS_KM,
            true => continue,
        };
        // Beside a state means inside it: a state's centre is no place of
        // the story ("Moscow" in a story that names New York is not the
        // Moscow in Pennsylvania).
        let beside = |p: &Place, a: &Place| {
            !*sure || a.kind != PlaceKind::Admin1 || p.admin1.as_deref() == Some(a.name.as_str())
        };
        let best = others()
            .filter_map(|(_, a)| {
                g.nearest(k, a, reach)
                    .filter(|p| beside(p, a))
                    .map(|p| (dist(&p, a), p))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, p)) = best {
            moves.push((k.clone(), p));
        }
    }
    for t in places.iter_mut() {
        if let Some((_, p)) = moves.iter().find(|(k, _)| *k == key(t)) {
            t.place = p.clone();
        }
    }
}

/// Names that fit none of the article's other places and have namesakes
/// within `PAIR_KM` of each other are moved to those namesakes. Unsure
/// towns and counties take part, and a country's name that the article's
/// people never name ("Palestine", "Jordan" in a story about Texas or
/// Minnesota), but only beside a town or a county.
/// Names in `pinned` (lower-cased) take no part.
fn pair(g: &Gazetteer, text: &str, countries: &[String], places: &mut [Toponym], pinned: &[String]) {
    let key = |t: &Toponym| key_of(text, t);
    let settled = |t: &Toponym| t.use_ != "metonymic" || t.place.kind == PlaceKind::Country;
    let mut loose: Vec<(String, bool, Vec<Place>)> = Vec::new();
    for t in places.iter().filter(|t| settled(t)) {
        let k = key(t);
        if pinned.contains(&k) || loose.iter().any(|l| l.0 == k) {
            continue;
        }
        let country = t.place.kind == PlaceKind::Country;
        if !(is_town(&t.place) || (country && !countries.contains(&t.place.country))) {
            continue;
        }
        let fits = places.iter().any(|o| {
            matches!(
                o.place.kind,
                PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2
            ) && o.use_ != "metonymic"
                && key(o) != k
                && dist(&t.place, &o.place) <= FITS_KM
        });
        if fits {
            continue;
        }
        let mut cands = g.candidates(&k);
        cands.truncate(PAIR_CANDIDATES);
        if cands.len() >= 2 || (country && !cands.is_empty()) {
            loose.push((k, country, cands));
        }
    }
    let mut best: Vec<Option<(f64, Place)>> = vec![None; loose.len()];
    // A country's name beside the article's settled towns and counties:
    // "Palestine" in a story about Anderson County, Texas.
    let settled_towns: Vec<&Place> = places
        .iter()
        .filter(|t| t.use_ != "metonymic" && is_town(&t.place))
        .map(|t| &t.place)
        .collect();
    for (i, l) in loose.iter().enumerate().filter(|(_, l)| l.1) {
        for a in &l.2 {
            for b in settled_towns.iter().filter(|b| (b.lat - a.lat).abs() < 1.0) {
                let d = dist(a, b);
                if d <= PAIR_KM && best[i].as_ref().is_none_or(|(e, _)| d < *e) {
                    best[i] = Some((d, a.clone()));
                }
            }
        }
    }
    // Two names each of which has a place far better known than its
    // namesakes (a country, "Rome") are those places, not two villages
    // that happen to lie side by side: "from China to Rome" is not Maine.
    let famous: Vec<bool> = loose.iter().map(|l| l.1 || dominant(&l.0, &l.2)).collect();
    for i in 0..loose.len() {
        for j in i + 1..loose.len() {
            if (loose[i].1 && loose[j].1) || (famous[i] && famous[j]) {
                continue;
            }
            for a in &loose[i].2 {
                for b in loose[j].2.iter().filter(|b| (b.lat - a.lat).abs() < 1.0) {
                    let d = dist(a, b);
                    if d > PAIR_KM {
                        continue;
                    }
                    for (k, p) in [(i, a), (j, b)] {
                        if best[k].as_ref().is_none_or(|(e, _)| d < *e) {
                            best[k] = Some((d, p.clone()));
                        }
                    }
                }
            }
        }
    }
    for (l, b) in loose.iter().zip(best) {
        let Some((_, p)) = b else { continue };
        // Never out of the country of the article's people to another:
        // "Mecca" and "Medina" in a story about Saudi pilgrims stay there.
        let now = places
            .iter()
            .find(|t| key(t) == l.0)
            .map(|t| t.place.country.clone());
        if now.is_some_and(|c| countries.contains(&c) && !countries.contains(&p.country)) {
            continue;
        }
        for t in places.iter_mut().filter(|t| settled(t) && key(t) == l.0) {
            // A country's name standing for its state was a town's.
            if t.use_ == "metonymic" {
                t.use_ = "literal";
            }
            t.place = p.clone();
        }
    }
}

/// One of these namesakes (most populous first) is `SURE_RATIO` times as
/// populous as any other called by the same name: Rome, Italy beside Rome,
/// Georgia (Lomé, some of whose alternate names are "Rome", does not count).
pub(crate) fn dominant(name: &str, cands: &[Place]) -> bool {
    let own: Vec<&Place> = cands
        .iter()
        .filter(|c| c.name.eq_ignore_ascii_case(name))
        .collect();
    match own[..] {
        [first, ref rest @ ..] => rest
            .iter()
            .all(|c| first.population >= SURE_RATIO * c.population.max(1)),
        [] => false,
    }
}
