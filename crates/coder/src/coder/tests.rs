use super::*;
use casus_actors::{Dictionary, Recognizer};
use casus_nlp::Segmenter;

/// (trigger, source, target, code, modality)
type Row = (String, Option<String>, Option<String>, String, &'static str);

/// The mentions and the coded events of `text`.
fn coded(text: &str) -> (Vec<casus_actors::Found>, Vec<Coded>) {
    let seg = Segmenter::default().segment(text);
    let found = Recognizer::new(Dictionary::builtin()).recognize(text, &seg.sentences, Some("2024-02-01"));
    let coded = Coder::default().code(text, &seg.sentences, &found);
    (found, coded)
}

fn events(text: &str) -> Vec<Row> {
    let (found, coded) = coded(text);
    let name = |i: Option<usize>| i.map(|i| found[i].span.slice(text).to_string());
    coded
        .into_iter()
        .map(|c| {
            (
                c.trigger.slice(text).to_string(),
                name(c.source),
                name(c.target),
                c.info.code.clone(),
                c.modality.as_str(),
            )
        })
        .collect()
}

fn find<'a>(rows: &'a [Row], trigger: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.0 == trigger)
        .unwrap_or_else(|| panic!("no event on {trigger:?}: {rows:#?}"))
}

#[test]
fn an_active_verb_has_its_subject_as_source_and_its_object_as_target() {
    let rows = events("Turkish jets struck Kurdish militants near the border on Monday.");
    let r = find(&rows, "struck");
    assert_eq!(r.1.as_deref(), Some("Turkish jets"));
    assert_eq!(r.2.as_deref(), Some("Kurdish militants"));
    assert_eq!((&r.3[..2], r.4), ("19", "asserted"));
}

#[test]
fn a_passive_verb_takes_its_source_from_by() {
    let rows = events("Two depots were struck by Israeli warplanes overnight.");
    let r = find(&rows, "struck");
    assert_eq!(r.1.as_deref(), Some("Israeli warplanes"));
    let rows = events("Syrian soldiers were attacked by Islamic State fighters.");
    let r = find(&rows, "attacked");
    assert_eq!(r.1.as_deref(), Some("Islamic State fighters"));
    assert_eq!(r.2.as_deref(), Some("Syrian soldiers"));
}

#[test]
fn a_nominal_event_takes_the_actor_before_it_and_after_on_or_by() {
    let rows = events("Russian airstrikes on Ukrainian troops continued.");
    let r = find(&rows, "airstrikes");
    assert_eq!(r.1.as_deref(), Some("Russian"));
    assert_eq!(r.2.as_deref(), Some("Ukrainian troops"));
    assert_eq!(r.3, "195");
    let rows = events("There were new attacks against Iraqi police by Islamic State militants.");
    let r = find(&rows, "attacks");
    assert_eq!(r.1.as_deref(), Some("Islamic State militants"));
    assert_eq!(r.2.as_deref(), Some("Iraqi police"));
}

#[test]
fn coordinated_targets_give_one_event_each() {
    let rows = events("Iran-backed militias attacked US and French troops in Syria.");
    let targets: Vec<_> = rows
        .iter()
        .filter(|r| r.0 == "attacked")
        .map(|r| r.2.clone().unwrap())
        .collect();
    assert_eq!(targets, ["US", "French troops"]);
}

#[test]
fn reported_judgement_is_the_speakers_criticism_not_an_act_of_the_speaker() {
    let rows = events("US forces struck a depot. Iraq said the strikes violated its sovereignty.");
    assert!(
        rows.iter()
            .all(|r| !(r.0 == "strikes" && r.1.as_deref() == Some("Iraq"))),
        "{rows:#?}"
    );
    let r = find(&rows, "violated");
    assert_eq!(r.1.as_deref(), Some("Iraq"));
    assert_eq!(r.2.as_deref(), Some("US forces"));
    assert_eq!(&r.3[..2], "11");
    let said = find(&rows, "said");
    assert_eq!((said.1.as_deref(), &said.3[..]), (Some("Iraq"), "010"));
}

#[test]
fn verbal_acts_are_coded_by_their_verb() {
    for (sentence, trigger, root) in [
        ("Egypt accused Israel of blocking aid.", "accused", "11"),
        (
            "Germany criticised Hungarian officials over the vote.",
            "criticised",
            "11",
        ),
        (
            "Iraqi officials demanded the withdrawal of US troops.",
            "demanded the withdrawal",
            "10",
        ),
        ("Russia threatened Moldova with reprisals.", "threatened", "13"),
        ("The UN praised Kenyan police for their work.", "praised", "05"),
        (
            "Qatar agreed to a ceasefire with Israel.",
            "agreed to a ceasefire",
            "08",
        ),
        ("French officials met Chinese officials in Paris.", "met", "04"),
        ("Ukraine appealed to NATO for air defences.", "appealed", "02"),
    ] {
        let rows = events(sentence);
        let r = find(&rows, trigger);
        assert_eq!(&r.3[..2], root, "{sentence}: {r:?}");
        assert!(r.1.is_some(), "{sentence}: no source");
    }
}

#[test]
fn negation_intention_and_threat_are_modalities_not_acts() {
    let rows = events("Israeli troops did not attack Lebanese soldiers.");
    assert_eq!(find(&rows, "attack").4, "negated");
    let rows = events("Iraqi officials said they will take necessary actions against US forces.");
    let r = find(&rows, "take necessary actions");
    assert_eq!((&r.3[..2], r.4), ("13", "threatened"));
    let rows = events("Iran will send aid to Syrian civilians.");
    assert_eq!(find(&rows, "send aid").4, "intended");
    let rows = events("If Russian forces attack Finland, NATO would respond.");
    assert_eq!(find(&rows, "attack").4, "hypothetical");
}

#[test]
fn a_count_of_attacks_is_one_event_with_its_count() {
    let text = "Iran-backed militias carried out more than 150 attacks on US forces.";
    let seg = Segmenter::default().segment(text);
    let found = Recognizer::new(Dictionary::builtin()).recognize(text, &seg.sentences, None);
    let coded = Coder::default().code(text, &seg.sentences, &found);
    let attacks: Vec<_> = coded
        .iter()
        .filter(|c| c.trigger.slice(text) == "attacks")
        .collect();
    assert_eq!(attacks.len(), 1, "{coded:#?}");
    assert_eq!(attacks[0].count, Some(150));
}

#[test]
fn a_quote_before_its_speaker_is_the_speakers_speech() {
    let rows = events("\"We struck the depots,\" Lloyd Austin said.");
    let said = find(&rows, "said");
    assert_eq!(said.1.as_deref(), Some("Lloyd Austin"));
}

#[test]
fn a_nominal_event_in_a_quote_finds_its_agent_after_by() {
    let rows = events(
        "“These raids answer repeated attacks against US and French personnel in Iraq and Syria by Iran-backed militias,” he said.",
    );
    let r = find(&rows, "attacks");
    assert_eq!(r.1.as_deref(), Some("Iran-backed militias"), "{rows:#?}");
}

#[test]
fn a_quoted_promise_of_necessary_actions_is_a_threat() {
    let rows = events(
        "“We will treat these operations as acts of aggression and take necessary actions to protect Iraqis,” added Yehia Rasool, an Iraqi spokesman.",
    );
    let r = find(&rows, "take necessary actions");
    assert_eq!(r.4, "threatened", "{rows:#?}");
}

#[test]
fn a_promised_release_is_an_intent_to_cooperate() {
    let rows = events("Egypt will release the Libyan fishermen next week.");
    let r = find(&rows, "release");
    assert_eq!((&r.3[..2], r.4), ("03", "intended"), "{rows:#?}");
}

#[test]
fn a_refused_act_of_cooperation_is_a_rejection() {
    let rows = events("Serbia declined to extradite the Bosnian suspect.");
    let r = find(&rows, "extradite");
    assert_eq!((&r.3[..2], r.4), ("12", "negated"), "{rows:#?}");
}

#[test]
fn what_an_actor_must_do_is_a_demand() {
    let rows = events("Russian troops must withdraw from Moldova.");
    let r = find(&rows, "withdraw");
    assert_eq!(&r.3[..2], "10", "{rows:#?}");
}

#[test]
fn lifting_a_blockade_is_yielding_not_a_blockade() {
    let rows = events("Saudi Arabia lifted the blockade of Qatar on Tuesday.");
    let r = find(&rows, "lifted the blockade");
    assert_eq!(r.3, "0872", "{rows:#?}");
}

#[test]
fn the_future_does_not_reach_into_a_relative_clause() {
    let rows = events("Kenyan police will return the rifles that Somali gunmen seized.");
    assert_eq!(find(&rows, "seized").4, "asserted", "{rows:#?}");
}

#[test]
fn a_month_name_is_not_a_march_and_a_press_release_is_no_release() {
    let rows = events("Chinese envoys met Indian officials in March and issued a press release.");
    assert!(
        rows.iter().all(|r| r.0 != "March" && r.0 != "release"),
        "{rows:#?}"
    );
    assert_eq!(find(&rows, "met").3, "040");
}

#[test]
fn a_clause_after_a_subordinating_word_keeps_its_own_subject() {
    let rows = events("The German minister cancelled her visit after the rebels attacked the embassy.");
    assert_eq!(find(&rows, "attacked").1.as_deref(), Some("rebels"), "{rows:#?}");
}

#[test]
fn the_main_event_is_the_act_of_the_main_clause_even_when_another_comes_first() {
    // The shelling comes first and is as sure: only its clause puts it second.
    let text = "After Russian troops shelled Ukrainian villages, the Polish mayor criticized the governor.";
    let (_, coded) = coded(text);
    let shelled = coded.iter().find(|c| c.trigger.slice(text) == "shelled");
    let criticized = coded.iter().find(|c| c.trigger.slice(text) == "criticized");
    let (Some(shelled), Some(criticized)) = (shelled, criticized) else {
        panic!("both acts are coded: {coded:#?}");
    };
    assert!(shelled.depth > criticized.depth, "{coded:#?}");
    assert_eq!(
        main_event(&coded).map(|m| m.trigger.slice(text)),
        Some("criticized")
    );
}

#[test]
fn police_before_a_past_tense_is_an_actor_not_an_adjective() {
    let rows = events("Police arrested three protesters in Lagos.");
    assert_eq!(find(&rows, "arrested").1.as_deref(), Some("Police"), "{rows:#?}");
}

#[test]
fn the_side_tagger_puts_the_named_actor_where_the_rules_had_a_pronoun() {
    let rows = events("Moldova said it would expel two Russian diplomats.");
    let r = find(&rows, "expel");
    assert_eq!(r.1.as_deref(), Some("Moldova"), "{rows:#?}");
    assert_eq!(r.2.as_deref(), Some("Russian diplomats"), "{rows:#?}");
}

#[test]
fn a_common_noun_after_the_verb_of_a_trigger_does_not_hide_it() {
    let rows = events("Moldova strengthened its forces near the river.");
    let r = find(&rows, "strengthened its forces");
    assert_eq!(
        (r.1.as_deref(), r.3.as_str()),
        (Some("Moldova"), "150"),
        "{rows:#?}"
    );
    assert_ne!(
        r.2.as_deref(),
        Some("its forces"),
        "the trigger's words are not its target"
    );
}

#[test]
fn closing_a_border_and_opening_ties_are_coded() {
    let rows = events("Chad closed its borders with Niger.");
    assert_eq!(find(&rows, "closed its borders").3, "191", "{rows:#?}");
    let rows = events("Malta has established diplomatic ties with Tonga.");
    assert_eq!(find(&rows, "established diplomatic ties").3, "050", "{rows:#?}");
}
