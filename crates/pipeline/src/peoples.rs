//! Whose story it is: the countries an article's actors belong to, and
//! those its people and bodies name in their own words, not by a place's
//! name.

use crate::toponyms::Toponym;
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_resolve::PlaceKind;

/// The countries the article's people and bodies name in their own words
/// ("French police"), most named first; not those of its place and country
/// names (the recogniser's, and the towns, states and countries among the
/// toponyms), those a common noun takes from a place nearby ("people" in
/// Paris, "the mayor" of a story that names only Paris), those of a body
/// named for a town ("the Paris Police Department", and the "it" that
/// points back to it), nor those of one a town describes ("a Lebanon
/// recycling firm", "12 Main St., Lebanon"): "Paris" alone does not make
/// a story French.
pub(crate) fn peoples(text: &str, found: &[Found], places: &[Toponym]) -> Vec<String> {
    let names: Vec<&str> = found
        .iter()
        .filter(|f| matches!(f.kind, Kind::Country | Kind::Place))
        .map(|f| f.span)
        .chain(
            places
                .iter()
                .filter(|t| match t.place.kind {
                    PlaceKind::City | PlaceKind::Admin1 | PlaceKind::Admin2 => true,
                    // A country by its name, not by its people's ("Saudi").
                    PlaceKind::Country => t.span.slice(text) == t.place.name,
                    _ => false,
                })
                .map(|t| t.span),
        )
        .map(|s| s.slice(text))
        .collect();
    let names_one = |words: &str| {
        names
            .iter()
            .any(|c| (c.contains(' ') && words.contains(c)) || words.split(' ').any(|w| w == *c))
    };
    // Its country is a place's: its words name the place ("the Palestine
    // police", of Palestine, Texas), or an appositive that does.
    let of_a_place: Vec<bool> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            names_one(f.span.slice(text))
                || found.get(i + 1).is_some_and(|n| {
                    text.get(f.span.end..n.span.start)
                        .is_some_and(|gap| matches!(gap.trim(), "," | ", the" | ", a" | ", an"))
                        && names_one(n.span.slice(text))
                })
        })
        .collect();
    let antecedent_of_a_place = |a: Span| match found.iter().position(|f| f.span == a) {
        Some(i) => of_a_place[i],
        None => names_one(a.slice(text)),
    };
    countries_by_mentions(found.iter().zip(&of_a_place).filter_map(|(f, &place)| {
        let words = f.span.slice(text);
        let own = !matches!(f.kind, Kind::Place | Kind::Country)
            && !f.country_from_focus
            && (f.kind != Kind::Group || words.starts_with(char::is_uppercase))
            && !place
            && f.antecedent.is_none_or(|a| !antecedent_of_a_place(a));
        own.then_some(f)
    }))
}

/// The countries an article's actors belong to, most mentioned first (the
/// first mentioned first among equals).
pub(crate) fn countries_by_mentions<'a>(found: impl IntoIterator<Item = &'a Found>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for c in found
        .into_iter()
        .filter_map(|f| f.actor.as_ref()?.country.clone())
    {
        match counts.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|c| c.0).collect()
}
