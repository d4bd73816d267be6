//! One test per syntactic shape the parse lets the coder read: sentences
//! we wrote, checked against the roles a reader gives them.

use super::*;
use casus_actors::{Dictionary, Recognizer};
use casus_nlp::Segmenter;

/// An event as the tests see it: trigger, source and target mentions,
/// and the words of each side.
#[derive(Debug)]
struct Seen {
    trigger: String,
    source: Option<String>,
    target: Option<String>,
    source_words: Option<String>,
    target_words: Option<String>,
}

fn coded(text: &str) -> Vec<Seen> {
    let seg = Segmenter::default().segment(text);
    let found = Recognizer::new(Dictionary::builtin()).recognize(text, &seg.sentences, Some("2024-02-01"));
    let name = |i: Option<usize>| i.map(|i| found[i].span.slice(text).to_string());
    let words = |s: Option<Span>| s.map(|s| s.slice(text).to_string());
    Coder::default()
        .code(text, &seg.sentences, &found)
        .into_iter()
        .map(|c| Seen {
            trigger: c.trigger.slice(text).to_string(),
            source: name(c.source),
            target: name(c.target),
            source_words: words(c.source_span),
            target_words: words(c.target_span),
        })
        .collect()
}

fn on<'a>(seen: &'a [Seen], trigger: &str) -> &'a Seen {
    seen.iter()
        .find(|s| s.trigger == trigger)
        .unwrap_or_else(|| panic!("no event on {trigger:?}: {seen:#?}"))
}

#[test]
fn a_verb_after_want_to_is_a_verb_with_the_wanting_subject() {
    let seen = coded("Syrian rebels want to attack the Turkish army.");
    let e = on(&seen, "attack");
    assert_eq!(e.source.as_deref(), Some("Syrian rebels"), "{seen:#?}");
    assert_eq!(e.target.as_deref(), Some("Turkish army"), "{seen:#?}");
}

#[test]
fn a_passive_verb_takes_its_agent_from_by() {
    let seen = coded("Three Afghan soldiers were killed by Taliban fighters on Monday.");
    let e = on(&seen, "killed");
    assert_eq!(e.source.as_deref(), Some("Taliban fighters"), "{seen:#?}");
    assert_eq!(e.target.as_deref(), Some("Afghan soldiers"), "{seen:#?}");
}

#[test]
fn an_apposition_is_not_the_speaker_or_the_actor() {
    let seen =
        coded("Amnesty International, a rights group based in London, condemned the Saudi government.");
    let e = on(&seen, "condemned");
    assert_eq!(e.source.as_deref(), Some("Amnesty International"), "{seen:#?}");
    assert_eq!(e.target.as_deref(), Some("Saudi government"), "{seen:#?}");
}

#[test]
fn the_second_verb_of_a_coordination_shares_the_subject() {
    let seen = coded("Kurdish fighters stormed the village and burned the market.");
    let e = on(&seen, "burned");
    assert_eq!(e.source_words.as_deref(), Some("Kurdish fighters"), "{seen:#?}");
    assert_eq!(e.target_words.as_deref(), Some("the market"), "{seen:#?}");
}

#[test]
fn a_target_that_is_a_place_or_a_thing_keeps_its_words() {
    let seen = coded("Russian jets bombed residential areas near the border.");
    let e = on(&seen, "bombed");
    assert_eq!(e.target, None, "{seen:#?}");
    assert_eq!(
        e.target_words.as_deref(),
        Some("residential areas near the border"),
        "{seen:#?}"
    );
}

#[test]
fn a_side_is_the_whole_phrase_the_actor_is_named_in() {
    let seen = coded("A band of Islamic State gunmen killed six Kurdish guards.");
    let e = on(&seen, "killed");
    assert_eq!(e.source.as_deref(), Some("Islamic State gunmen"), "{seen:#?}");
    assert_eq!(
        e.source_words.as_deref(),
        Some("A band of Islamic State gunmen"),
        "{seen:#?}"
    );
    assert_eq!(e.target_words.as_deref(), Some("six Kurdish guards"), "{seen:#?}");
}

#[test]
fn a_relative_clause_has_the_noun_it_hangs_on_as_subject() {
    let seen = coded("Police arrested the Nigerian gunmen who attacked the convoy.");
    let e = on(&seen, "attacked");
    assert_eq!(e.source.as_deref(), Some("Nigerian gunmen"), "{seen:#?}");
    assert_eq!(e.target_words.as_deref(), Some("the convoy"), "{seen:#?}");
}

#[test]
fn an_object_far_from_its_verb_is_still_its_object() {
    let seen = coded("Kenyan police attacked the heavily fortified old hilltop camp of the Somali army.");
    let e = on(&seen, "attacked");
    assert_eq!(e.source.as_deref(), Some("Kenyan police"), "{seen:#?}");
    assert_eq!(e.target.as_deref(), Some("Somali army"), "{seen:#?}");
}

#[test]
fn the_verb_a_verb_depends_on_gives_its_modality() {
    let seen = Coder::default();
    let text = "Serbian police refused to release the Bosnian prisoners.";
    let seg = Segmenter::default().segment(text);
    let found = Recognizer::new(Dictionary::builtin()).recognize(text, &seg.sentences, Some("2024-02-01"));
    let coded = seen.code(text, &seg.sentences, &found);
    let release = coded
        .iter()
        .find(|c| c.trigger.slice(text) == "release")
        .unwrap_or_else(|| panic!("no release: {coded:#?}"));
    assert_eq!(release.modality, Modality::Negated);
    assert_eq!(
        &release.info.code[..2],
        "12",
        "refused cooperation is a rejection"
    );
}

#[test]
fn a_joint_agreement_is_each_sides_act_towards_the_other() {
    let seen = coded("Chile and Peru signed a fisheries agreement on Monday.");
    let pairs: Vec<(Option<&str>, Option<&str>)> = seen
        .iter()
        .filter(|s| s.trigger == "signed")
        .map(|s| (s.source.as_deref(), s.target.as_deref()))
        .collect();
    assert!(pairs.contains(&(Some("Chile"), Some("Peru"))), "{seen:#?}");
    assert!(pairs.contains(&(Some("Peru"), Some("Chile"))), "{seen:#?}");
}

#[test]
fn a_nationality_stands_in_the_phrase_of_its_noun() {
    let seen = coded("Norway banned Danish trawlers from its harbours.");
    let e = on(&seen, "banned");
    assert_eq!(e.target.as_deref(), Some("Danish"), "{seen:#?}");
    assert_eq!(e.target_words.as_deref(), Some("Danish trawlers"), "{seen:#?}");
}
