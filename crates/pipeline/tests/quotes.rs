//! Who said what, through the whole pipeline, on text we wrote: speakers
//! no dictionary knows, numbered per article, with their kinds and parts.

mod common;
use common::*;

fn quotes() -> Vec<casus_core::Quote> {
    let out = extract_with(
        &[fixtures().join("council-quotes.txt")],
        casus_ingest::ReadOptions::default(),
        casus_pipeline::PipelineOptions {
            default_published: Some("2024-06-03".into()),
            ..Default::default()
        },
    );
    out.articles[0].quotes.clone()
}

#[test]
fn a_speaker_no_dictionary_knows_is_a_speaker_and_keeps_one_number() {
    let q = quotes();
    let jones: Vec<_> = q
        .iter()
        .filter(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| s.text.contains("Jones") || s.text == "She")
        })
        .collect();
    assert_eq!(jones.len(), 3, "{q:#?}");
    assert!(jones
        .iter()
        .all(|q| q.speaker_id == jones[0].speaker_id && q.speaker_id.is_some()));
    let weyl: Vec<_> = q
        .iter()
        .filter(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| s.text.contains("Weyl") || s.text == "He")
        })
        .collect();
    assert_eq!(weyl.len(), 2, "{q:#?}");
    assert_eq!(weyl[0].speaker_id, weyl[1].speaker_id);
    assert_ne!(weyl[0].speaker_id, jones[0].speaker_id);
}

#[test]
fn a_quote_in_marks_is_direct_and_reported_speech_is_not() {
    let q = quotes();
    let told = q
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "told"))
        .unwrap();
    assert!(told.direct, "{told:#?}");
    assert!(told.content.text.starts_with("“We cannot rush this"));
    let added = q
        .iter()
        .find(|q| q.cue.as_ref().is_some_and(|c| c.text == "added"))
        .unwrap();
    assert!(!added.direct);
    assert_eq!(added.kind.as_deref(), Some("statement"));
}

#[test]
fn every_quote_span_maps_back_to_its_words() {
    let out = extract_with(
        &[fixtures().join("council-quotes.txt")],
        casus_ingest::ReadOptions::default(),
        Default::default(),
    );
    let a = &out.articles[0];
    let chars: Vec<char> = a.text.chars().collect();
    let at = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    for q in &a.quotes {
        assert_eq!(at(q.content.span), q.content.text);
        for p in q.parts.iter().chain(q.cue.iter()) {
            assert_eq!(at(p.span), p.text);
        }
        if let Some(s) = &q.speaker {
            assert_eq!(at(s.span), s.text);
        }
    }
}

#[test]
fn a_statement_event_points_at_what_was_said() {
    let out = extract_with(
        &[fixtures().join("council-quotes.txt")],
        casus_ingest::ReadOptions::default(),
        Default::default(),
    );
    let a = &out.articles[0];
    let said: Vec<_> = a
        .events
        .iter()
        .filter(|e| e.root == "01" && e.quote.is_some())
        .collect();
    assert!(!said.is_empty(), "{:#?}", a.events);
    for e in said {
        let q = &a.quotes[e.quote.unwrap()];
        let cue = q.cue.as_ref().unwrap();
        assert!(
            cue.span[0] <= e.trigger.span[0] && e.trigger.span[1] <= cue.span[1],
            "{e:#?} {q:#?}"
        );
    }
}
