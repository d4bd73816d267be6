use super::*;
use casus_actors::{Dictionary, Recognizer};
use casus_nlp::Segmenter;

/// (speaker text, cue text, content text, direct)
type Row = (Option<String>, Option<String>, String, bool);

fn quotes(text: &str) -> Vec<Row> {
    let seg = Segmenter::default().segment(text);
    let found = Recognizer::new(Dictionary::builtin()).recognize(text, &seg.sentences, Some("2024-02-01"));
    let coder = Coder::default();
    let events = coder.code(text, &seg.sentences, &found);
    coder
        .quotes(text, &seg.sentences, &found, &events)
        .into_iter()
        .map(|q| {
            (
                q.speaker.map(|i| found[i].span.slice(text).to_string()),
                q.cue.map(|c| c.slice(text).to_string()),
                q.content.slice(text).to_string(),
                q.direct,
            )
        })
        .collect()
}

#[test]
fn a_quote_with_its_cue_after_is_the_named_speakers() {
    let q = quotes("“Our troops will stay in the north for now,” Lloyd Austin said on Friday.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0.as_deref(), Some("Lloyd Austin"));
    assert_eq!(q[0].1.as_deref(), Some("said"));
    assert_eq!(q[0].2, "Our troops will stay in the north for now");
    assert!(q[0].3);
}

#[test]
fn a_split_quote_has_one_speaker_for_both_parts() {
    let text = "Lloyd Austin spoke. “These raids were limited,” he said, “and they will not widen the war.”";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].0.as_deref(), Some("he"));
    assert_eq!(q[1].0.as_deref(), Some("he"));
    assert_eq!(q[1].2, "and they will not widen the war.");
}

#[test]
fn straight_quotes_with_the_cue_before_and_said_a_spokesman_after() {
    let q = quotes("Egypt said: \"We reject any plan to move people across the border.\"");
    assert_eq!(q[0].0.as_deref(), Some("Egypt"));
    let q = quotes("\"This attack breaks every rule we agreed,\" said a spokesman for Iraqi Prime Minister Mohamed Shia al-Sudani.");
    assert_eq!(q[0].0.as_deref(), Some("spokesman"), "{q:#?}");
}

#[test]
fn a_quote_opening_the_next_sentence_continues_the_same_speaker() {
    let text = "“We struck three depots,” Lloyd Austin said. “More may follow if the attacks go on.”";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[1].0.as_deref(), Some("Lloyd Austin"));
    assert_eq!(q[1].1, None);
}

#[test]
fn a_quoted_phrase_in_reported_speech_is_a_mixed_quote() {
    let text = "Lloyd Austin defended the raid, stating that US forces had carried out \"limited and lawful strikes\" on depots.";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].0.as_deref(), Some("Lloyd Austin"));
    assert_eq!(q[0].1.as_deref(), Some("stating"));
    assert!(q[0].2.starts_with("US forces had carried out"));
    assert!(!q[0].3);
}

#[test]
fn indirect_speech_with_that_or_of_is_a_quote_too() {
    let q = quotes("Iraqi officials said that the raids broke the law.");
    assert_eq!(
        q[0],
        (
            Some("Iraqi officials".into()),
            Some("said".into()),
            "the raids broke the law".into(),
            false
        )
    );
    let q = quotes("Iraq demanded the exit of the coalition, accusing it of exceeding its mandate.");
    assert_eq!(q[0].1.as_deref(), Some("accusing"));
    assert_eq!(q[0].2, "exceeding its mandate");
    assert_eq!(q[0].0.as_deref(), Some("Iraq"));
}

#[test]
fn scare_quotes_without_a_cue_are_not_quotes() {
    assert!(quotes("The so-called \"buffer zone\" stayed empty.").is_empty());
}
