//! How a mention's words read as a place: the word before it, a
//! sentence's start, "the" before a building's name, a demonym that opens
//! a group's words, a person's mention that is a place's name, a region
//! of a place ("North Texas").

use crate::embedded;
use crate::toponyms::KNOWN_TOWN;
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_resolve::{Gazetteer, Place, PlaceKind};

/// The lower-case word before byte `at`, past an article ("to the
/// Netherlands").
pub(crate) fn word_before(text: &str, at: usize) -> Option<String> {
    let mut words = text[..at]
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let w = words.next()?;
    if w == "the" {
        words.next()
    } else {
        Some(w)
    }
}

/// A small town's name after "the" and before no other name is a
/// building's, an estate's or a district's ("the White House", "the
/// Woodlands"); "the Dublin Singers" still names Dublin.
pub(crate) fn building(text: &str, span: Span, p: &Place) -> bool {
    let named = name_follows(text, span.end);
    p.kind == PlaceKind::City && p.population < SMALL_TOWN && after_the(text, span.start) && !named
}

/// Whether another capitalised word follows byte `end` ("Alexandria
/// Police"): the name before it is part of a longer one.
pub(crate) fn name_follows(text: &str, end: usize) -> bool {
    text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// See [`building`].
const SMALL_TOWN: u64 = 20_000;

/// Whether the word before byte `at` is "the".
pub(crate) fn after_the(text: &str, at: usize) -> bool {
    text[..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Whether byte `at` starts a sentence (nothing but an opening quote
/// between it and the previous sentence's end or a line break).
pub(crate) fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '“', '\'']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// "NSW", "UAE": capitals and dots only.
pub(crate) fn is_acronym(name: &str) -> bool {
    name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// The demonym that opens a group's words: "Iraqi" of "Iraqi officials",
/// "Iran" of "Iran-backed groups".
pub(crate) fn demonym(text: &str, span: Span) -> Option<Span> {
    let words: Vec<&str> = span.slice(text).split(' ').collect();
    let mut at = 0;
    for (i, w) in words.iter().enumerate() {
        let head = w.split('-').next().unwrap_or(w);
        if matches!(*w, "The" | "A" | "An" | "the" | "a" | "an") {
            at += w.len() + 1;
            continue;
        }
        if !head.starts_with(char::is_uppercase) {
            return None;
        }
        // "South Korean", "United States": a name of two words.
        let second = words
            .get(i + 1)
            .map(|n| n.split('-').next().unwrap_or(n))
            .filter(|n| {
                TWO_WORD_OPENERS.contains(&head) && w.len() == head.len() && n.starts_with(char::is_uppercase)
            });
        let len = second.map_or(head.len(), |n| head.len() + 1 + n.len());
        return Some(Span::new(span.start + at, span.start + at + len));
    }
    None
}

/// First words of countries' and peoples' names of two words.
const TWO_WORD_OPENERS: &[&str] = &[
    "South",
    "North",
    "East",
    "West",
    "New",
    "Saudi",
    "Sri",
    "Costa",
    "El",
    "Sierra",
    "Papua",
    "Puerto",
    "Hong",
    "United",
    "Czech",
    "Dominican",
    "Central",
    "Burkina",
    "Ivory",
    "Cape",
    "Equatorial",
];

/// Whether a group's (person's, organisation's) first word names its
/// country ("Iraqi" officials, "U.S." Sen. Harlan, the "French" Foreign
/// Ministry), not a people, a faction or a name ("Houthi rebels",
/// "Hezbollah").
pub(crate) fn names_country(word: &str, c: &Place) -> bool {
    let w = word.to_lowercase().replace('.', "");
    let n = c.name.to_lowercase();
    // "US", "U.K.", "UAE": a country's own letters, not any acronym ("FBI").
    let acronym = word.chars().all(|ch| ch.is_uppercase() || ch == '.')
        && (w == c.country.to_lowercase() || matches!(w.as_str(), "us" | "uk" | "uae" | "drc" | "prc"));
    let stem: String = n.chars().take(3).collect();
    let irregular = IRREGULAR_DEMONYMS
        .iter()
        .any(|(d, iso3)| *d == w && *iso3 == c.country);
    irregular || acronym || (w.len() >= 4 && stem.chars().count() == 3 && w.starts_with(&stem))
}

/// Demonyms that do not begin with their country's name (a code table).
const IRREGULAR_DEMONYMS: &[(&str, &str)] = &[
    ("french", "FRA"),
    ("british", "GBR"),
    ("english", "GBR"),
    ("scottish", "GBR"),
    ("welsh", "GBR"),
    ("dutch", "NLD"),
    ("swiss", "CHE"),
    ("irish", "IRL"),
    ("danish", "DNK"),
    ("filipino", "PHL"),
    ("emirati", "ARE"),
    ("burmese", "MMR"),
    ("american", "USA"),
    ("ivorian", "CIV"),
    ("malagasy", "MDG"),
];

/// Whether a demonym of the country `iso3` is among the mentions
/// ("Georgian" beside "Georgia").
pub(crate) fn named_otherwise(text: &str, found: &[Found], iso3: &str, name: &str) -> bool {
    found.iter().any(|f| {
        matches!(f.kind, Kind::Nationality | Kind::Group)
            && f.actor.as_ref().and_then(|a| a.country.as_deref()) == Some(iso3)
            && !f.span.slice(text).eq_ignore_ascii_case(name)
    })
}

/// A person's mention that is a place's name: "in East Bank" (the
/// recogniser took it for a person's), or one of several words that the
/// gazetteer knows well ("British Columbia", "New York"; the first word
/// may have made it a nationality's).
pub(crate) fn person_place(
    g: &Gazetteer,
    f: &Found,
    name: &str,
    locative: bool,
    countries: &[String],
) -> Option<Place> {
    let several = name.contains(' ');
    if f.actor.is_some() && !several {
        return None;
    }
    let p = g.resolve(name, countries)?;
    // A body's name is a place's only by the place's own name: "the White
    // House" is also an old name of Casablanca.
    if f.kind != Kind::Person && !p.name.eq_ignore_ascii_case(name) {
        return None;
    }
    let big_town = several && p.kind == PlaceKind::City && p.population >= KNOWN_TOWN;
    ((locative && f.actor.is_none()) || embedded::notable(&p, countries) || big_town).then_some(p)
}

/// The place a region of it is in: "North Texas" is in Texas, "southern
/// Lebanon" in Lebanon (the point of the whole, within a few hundred km).
pub(crate) fn part_of(g: &Gazetteer, name: &str, countries: &[String]) -> Option<Place> {
    let (first, rest) = name.split_once(' ')?;
    let direction = matches!(
        first.to_lowercase().as_str(),
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "upstate"
            | "downtown"
    );
    direction.then(|| g.resolve(rest, countries)).flatten()
}

/// Whether the article writes `name` with an age after it anywhere
/// ("Flores, 26, had just left the Army"): a person's name.
pub(crate) fn aged(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let rest = &text[at + name.len()..];
        let Some(rest) = rest.strip_prefix(", ") else {
            return false;
        };
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits) && rest[digits..].starts_with([',', ' '])
    })
}

/// Whether a number follows the name: a unit or a lot, not a place
/// ("Pack 136", "Section 2AA", "Lot No. 5", "Metro 911").
pub(crate) fn numbered(text: &str, span: Span) -> bool {
    let after = &text[span.end..];
    let rest = after.trim_start_matches(' ');
    let rest = rest
        .strip_prefix("No.")
        .map_or(rest, |r| r.trim_start_matches(' '));
    // A space first: "B52" is a name of its own.
    rest.len() < after.len() && rest.starts_with(|c: char| c.is_ascii_digit())
}

/// Verbs after a name that make it a speaker's.
const SPEAKING: &[&str] = &["said", "says", "told", "added", "testified", "explained"];

/// Whether the article uses `name` as a person's: as the surname of a
/// person's mention ("Gordon Brown"), before a verb of speech ("Taylor
/// said") or with an age ("Flores, 26,").
pub(crate) fn personal(text: &str, found: &[Found], name: &str) -> bool {
    found
        .iter()
        .any(|f| f.kind == Kind::Person && f.span.slice(text).split(' ').skip(1).any(|w| w == name))
        || SPEAKING.iter().any(|v| text.contains(&format!("{name} {v}")))
        || aged(text, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered_at(text: &str, word: &str) -> bool {
        let at = text.find(word).unwrap();
        numbered(text, Span::new(at, at + word.len()))
    }

    #[test]
    fn a_name_before_a_number_is_a_unit_or_a_lot_and_before_words_is_not() {
        assert!(numbered_at("Scouts of Pack 136 of Dunmore helped.", "Pack"));
        assert!(numbered_at("She lives at Lot No. 7 near the river.", "Lot"));
        assert!(!numbered_at("She lives in Dunmore near the river.", "Dunmore"));
        assert!(!numbered_at("Fighting in Dunmore, 12 people died.", "Dunmore"));
        assert!(!numbered_at("They met in Dunmore", "Dunmore"));
    }
}
