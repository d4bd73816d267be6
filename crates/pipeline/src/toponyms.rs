//! Toponyms among the mentions, in the uses of the geoparsing benchmark's
//! taxonomy: a place where something is (`literal`: "in Iraq", "the city
//! of Aleppo"), a country standing for its state (`metonymic`: "Turkey
//! fired shells", "talks with France"), and a place named in an adjective
//! or a demonym (`associative`: "a French engineer", "Iraqi officials").
//! An actor mention and a place can share a span.

use crate::embedded;
use crate::readings::{
    building, demonym, is_acronym, named_otherwise, names_country, opens_sentence, part_of, person_place,
    word_before,
};
use casus_actors::{Found, Kind};
use casus_coder::{Coded, LOCATIVE};
use casus_core::Span;
use casus_resolve::{Gazetteer, Place, PlaceKind};

/// A toponym in the text and the place it resolves to.
pub(crate) struct Toponym {
    pub span: Span,
    pub place: Place,
    /// literal, metonymic or associative.
    pub use_: &'static str,
}

/// The places of the toponyms of `kinds`, a country standing for its
/// state ("Turkey fired shells") left out: what the article's other
/// names are placed near.
pub(crate) fn points(places: &[Toponym], kinds: &[PlaceKind]) -> Vec<Place> {
    places
        .iter()
        .filter(|t| t.use_ != "metonymic" && kinds.contains(&t.place.kind))
        .map(|t| t.place.clone())
        .collect()
}

/// Prepositions of motion and extent that make a name a location ("from
/// Syria", "flights to the Netherlands"), beside the coder's locatives.
const MOTION: &[&str] = &[
    "from",
    "to",
    "into",
    "across",
    "via",
    "throughout",
    "toward",
    "towards",
    "around",
    "inside",
    "outside",
    "within",
];

/// Nouns that make the name after "of" a place: "the city of Aleppo".
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "capital",
    "enclave",
    "county",
    "state",
    "island",
    "port",
    "suburb",
    "governorate",
    "municipality",
    "neighbourhood",
    "neighborhood",
];

/// A town this populous is a place even without a locative word.
pub(crate) const KNOWN_TOWN: u64 = 100_000;

/// Toponyms among the mentions: places and countries in every use,
/// demonyms as associative uses, unknown names after a locative word or a
/// place noun ("in Harlow", "the town of Harlow").
pub(crate) fn find_places(g: &Gazetteer, text: &str, found: &[Found], countries: &[String]) -> Vec<Toponym> {
    let first = pass(g, text, found, countries, 0);
    // The countries of the admin areas the article names ("Ontario",
    // "Laurel County") say where its towns are better than the countries
    // its actors belong to: "London" beside "Ontario" is London, Ontario.
    let mut areas: Vec<(&str, usize)> = Vec::new();
    for t in &first {
        if matches!(t.place.kind, PlaceKind::Admin1 | PlaceKind::Admin2) {
            match areas.iter_mut().find(|(c, _)| *c == t.place.country) {
                Some((_, n)) => *n += 1,
                None => areas.push((&t.place.country, 1)),
            }
        }
    }
    areas.sort_by_key(|a| std::cmp::Reverse(a.1));
    let mut merged: Vec<String> = areas.iter().map(|(c, _)| c.to_string()).collect();
    for c in countries {
        if !merged.contains(c) {
            merged.push(c.clone());
        }
    }
    if merged == countries {
        first
    } else {
        pass(g, text, found, &merged, areas.len())
    }
}

/// One reading of the toponyms, given the article's countries (the first
/// `areas` of them those of the admin areas it names).
fn pass(g: &Gazetteer, text: &str, found: &[Found], countries: &[String], areas: usize) -> Vec<Toponym> {
    let mut out = named(g, text, found, countries, areas);
    // "Paris, Texas", "Lexington, South Carolina": the town near its region.
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (town, region) = (&mut head[i - 1], &mut tail[0]);
        let joined = text[town.span.end..region.span.start].trim() == ",";
        if !joined || town.place.kind != PlaceKind::City {
            continue;
        }
        // "Buffalo, New York": after a town, the state, not the city.
        if let Some(area) = (region.place.kind == PlaceKind::City)
            .then(|| g.area(region.span.slice(text)))
            .flatten()
        {
            region.place = area;
        }
        if matches!(region.place.kind, PlaceKind::Admin1 | PlaceKind::Admin2) {
            if let Some(p) = g.in_or_near(town.span.slice(text), &region.place, crate::datelines::REGION_KM) {
                town.place = p;
            }
        }
    }
    out
}

fn named(g: &Gazetteer, text: &str, found: &[Found], countries: &[String], areas: usize) -> Vec<Toponym> {
    let mut out: Vec<Toponym> = Vec::new();
    for f in found {
        let before = word_before(text, f.span.start);
        // "in Iraq and Syria": a name joined to a location is one too.
        // "in Newark, Heath and Pataskala": a name in a list that goes on
        // after a literal place is one too.
        let listed = text[f.span.end..].starts_with(',')
            || text[f.span.end..].trim_start().starts_with("and ")
            || text[f.span.end..].trim_start().starts_with("or ");
        let chained = (matches!(before.as_deref(), Some("and" | "or")) || listed)
            && out.last().is_some_and(|t| {
                let gap = text[t.span.end..f.span.start].trim();
                t.use_ == "literal" && matches!(gap, "and" | "or" | "," | ", and")
            });
        // "Jessica Kay, 18, of Paris", "Donna Molinari of Alexandria": where
        // a person is from.
        let from = before.as_deref() == Some("of") && {
            let head = text[..f.span.start]
                .trim_end()
                .strip_suffix("of")
                .unwrap_or("")
                .trim_end();
            head.ends_with(|c: char| c == ',' || c.is_ascii_digit())
                || found
                    .iter()
                    .any(|p| p.kind == Kind::Person && p.span.end == f.span.start.saturating_sub(4))
        };
        // "according to Taylor" names a source, not a destination.
        let source = before.as_deref() == Some("to")
            && text[..f.span.start]
                .trim_end()
                .trim_end_matches("to")
                .trim_end()
                .ends_with("according");
        let locative = !source
            && before
                .as_deref()
                .is_some_and(|w| LOCATIVE.contains(&w) || MOTION.contains(&w))
            || chained
            || from;
        let of_place = before.as_deref() == Some("of")
            && word_before(text, f.span.start.saturating_sub(3))
                .is_some_and(|w| PLACE_NOUNS.contains(&w.as_str()));
        let country = || f.actor.as_ref().and_then(|a| g.country(a.country.as_deref()?));
        let name = f.span.slice(text);
        // A place inside the mention's words, as an associative use.
        let inside =
            || embedded::inside(g, text, f.kind, f.span, countries).map(|(s, p)| (s, Some(p), "associative"));
        // "Pack 136", "Section 2AA", "Lot No. 5": a unit, a league or a lot,
        // not a town of that name; "Kentucky 192" (a state's road) still
        // names the state.
        if matches!(f.kind, Kind::Name | Kind::Place)
            && f.actor.is_none()
            && crate::readings::numbered(text, f.span)
            && g.resolve(name, countries)
                .is_some_and(|p| p.kind == PlaceKind::City)
        {
            continue;
        }
        let (span, place, use_) = match f.kind {
            // "US$460 million", "$US 1.5 billion": a currency.
            Kind::Country if text[f.span.end..].starts_with('$') || text[..f.span.start].ends_with('$') => {
                continue
            }
            Kind::Country => (f.span, country(), if locative { "literal" } else { "metonymic" }),
            Kind::Nationality => (f.span, country(), "associative"),
            Kind::Group | Kind::Person | Kind::Organisation | Kind::ArmedGroup | Kind::Igo => {
                // A person's or a capitalised group's words that are a
                // place's name ("in East Bank").
                let capitalised = matches!(f.kind, Kind::Group | Kind::Organisation)
                    && name.split(' ').all(|w| w.starts_with(char::is_uppercase));
                let whole = (f.kind == Kind::Person || capitalised)
                    .then(|| person_place(g, f, name, locative || of_place, countries))
                    .flatten();
                match (whole, demonym(text, f.span), country()) {
                    (Some(p), _, _) => (f.span, Some(p), "literal"),
                    (None, Some(d), Some(c)) if names_country(d.slice(text), &c) => {
                        (d, Some(c), "associative")
                    }
                    _ => match inside() {
                        Some(t) => t,
                        None => continue,
                    },
                }
            }
            Kind::Place => {
                // The actor dictionary's country for the place before the
                // other actors' ("Moscow" is Russia's, in an article about
                // Americans), but after all of them in an article that
                // names admin areas ("London" beside "Ontario").
                let (near, rest) = countries.split_at(areas.min(countries.len()));
                let dictionary = f.actor.as_ref().and_then(|a| a.country.clone());
                let own: Vec<String> = match near.is_empty() {
                    true => dictionary.into_iter().chain(rest.iter().cloned()).collect(),
                    false => near.iter().chain(rest).cloned().chain(dictionary).collect(),
                };
                let in_areas = (!near.is_empty())
                    .then(|| g.resolve(name, near))
                    .flatten()
                    .filter(|p| near.contains(&p.country));
                match in_areas
                    .or_else(|| g.resolve(name, &own))
                    .or_else(|| part_of(g, name, &own))
                {
                    // "according to Taylor": a source, not a town.
                    Some(p) if source && p.kind == PlaceKind::City => continue,
                    Some(p) => (f.span, Some(p), "literal"),
                    // "Toronto's Pearson International Airport".
                    None => match inside() {
                        Some(t) => t,
                        None => continue,
                    },
                }
            }
            // "Flores, 26,": a person.
            Kind::Name if crate::readings::aged(text, name) => continue,
            Kind::Name => match g.resolve(name, countries).or_else(|| part_of(g, name, countries)) {
                Some(p) if locative || of_place => (f.span, Some(p), "literal"),
                // A well-known place named anywhere but first in a sentence
                // ("Can", "United" open sentences); an admin area or a
                // country there too ("Ohio lawmakers voted").
                Some(p)
                    if ((p.kind == PlaceKind::City && p.population >= KNOWN_TOWN)
                        || embedded::notable(&p, countries))
                        && (name.len() >= 4 || (p.kind != PlaceKind::City && is_acronym(name)))
                        && (p.kind != PlaceKind::City || !opens_sentence(text, f.span.start)) =>
                {
                    (f.span, Some(p), "literal")
                }
                _ => match embedded::of_people(g, text, f.span, countries)
                    .map(|p| (f.span, Some(p), "associative"))
                    .or_else(inside)
                {
                    Some(t) => t,
                    None => continue,
                },
            },
            _ => continue,
        };
        // "Georgia" in an article about the United States is the state.
        // Not when the article names the country in other words too ("the
        // war in Georgia" beside "Georgian troops").
        let state = place
            .as_ref()
            .filter(|p| p.kind == PlaceKind::Country && !named_otherwise(text, found, &p.country, name))
            .and_then(|p| g.admin_in(span.slice(text), countries, &p.country));
        let (place, use_) = match state {
            Some(s) => (Some(s), "literal"),
            None => (place, use_),
        };
        // "the White House", "the Woodlands", "the Loop": a town's name
        // after an article is a building's, an estate's or a district's.
        if place.as_ref().is_some_and(|p| building(text, span, p)) {
            continue;
        }
        if let Some(p) = place {
            out.push(Toponym { span, place: p, use_ });
        }
    }
    out
}

/// The place an event's sentence puts it in: the nearest literal place to
/// its trigger ("Turkey fired shells" says who, not where).
pub(crate) fn event_place<'a>(e: &Coded, places: &'a [Toponym]) -> Option<&'a Place> {
    places[casus_core::starting_in(places, |p| p.span.start, e.sentence.start, e.sentence.end)]
        .iter()
        // A street carries its town's point: the event is placed at the town.
        .filter(|p| {
            p.span.end <= e.sentence.end
                && p.use_ == "literal"
                && !matches!(p.place.kind, PlaceKind::Street | PlaceKind::Feature)
        })
        .min_by_key(|p| p.span.start.abs_diff(e.trigger.start))
        .map(|p| &p.place)
}

/// The article's focus: its most mentioned literal place, else the
/// country its actors belong to most.
pub(crate) fn article_focus(
    places: &[Toponym],
    countries: &[String],
    g: Option<&Gazetteer>,
) -> Option<Place> {
    let literal = || {
        places.iter().filter(|p| {
            p.use_ == "literal" && !matches!(p.place.kind, PlaceKind::Street | PlaceKind::Feature)
        })
    };
    let mut best: Option<(&Place, usize)> = None;
    for p in literal() {
        let n = literal().filter(|q| q.place == p.place).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&p.place, n));
        }
    }
    if let Some((p, _)) = best {
        return Some(p.clone());
    }
    g?.country(countries.first()?)
}

/// The first- and second-level admin areas a place lies in, in ACLED's
/// sense: a state is its own `admin1`, a county its own `admin2`.
pub(crate) fn areas(p: &Place) -> (Option<String>, Option<String>) {
    match p.kind {
        PlaceKind::Admin1 => (Some(p.name.clone()), None),
        PlaceKind::Admin2 => (p.admin1.clone(), Some(p.name.clone())),
        PlaceKind::City | PlaceKind::Street | PlaceKind::Feature => (p.admin1.clone(), p.admin2.clone()),
        _ => (None, None),
    }
}

/// country, continent or town: how precise a place is.
pub(crate) fn kind_name(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Continent => "continent",
        PlaceKind::Region => "region",
        PlaceKind::Water => "water body",
        PlaceKind::Admin1 | PlaceKind::Admin2 => "admin area",
        PlaceKind::City => "town",
        PlaceKind::Street => "street",
        PlaceKind::Feature => "feature",
    }
}
