//! Invariants of the whole pipeline on arbitrary text.

use casus_core::Origin;
use casus_ingest::{Body, RawDoc};
use casus_pipeline::{Pipeline, PipelineOptions, Resources};
use proptest::prelude::*;

fn words() -> impl Strategy<Value = String> {
    // News-like pieces: words, abbreviations, quotes, dashes, ellipses,
    // non-ASCII letters, numbers and line breaks.
    let piece = prop_oneof![
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("…".to_string()),
        Just("—".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("Zürich".to_string()),
        Just("Related Stories".to_string()),
        "[0-9]{1,4}",
    ];
    proptest::collection::vec(piece, 1..80).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every sentence span is a non-empty, trimmed range of code points
    /// inside `text`, in order, without overlap.
    #[test]
    fn every_sentence_span_maps_back_into_the_text(text in words()) {
        let p = Pipeline::new(Resources::builtin(), PipelineOptions::default());
        let Ok(done) = p.process(RawDoc::new(Origin::file("p.txt"), Body::Text(text))) else {
            return Ok(()); // furniture only: reported as empty, nothing to check
        };
        let a = done.article;
        let chars: Vec<char> = a.text.chars().collect();
        let mut last = 0;
        for &[s, e] in &a.sentences {
            prop_assert!(last <= s && s < e && e <= chars.len(), "{:?} after {}", (s, e), last);
            let sentence: String = chars[s..e].iter().collect();
            prop_assert_eq!(sentence.trim(), sentence.as_str());
            last = e;
        }
        if let Some(d) = &a.dateline {
            prop_assert_eq!(chars[d.span[0]..d.span[1]].iter().collect::<String>(), d.text.clone());
        }
    }
}

fn news() -> impl Strategy<Value = String> {
    // Words that make events: actors, triggers, function words, marks.
    let piece = prop_oneof![
        Just("Iraqi troops"),
        Just("Egypt"),
        Just("the rebels"),
        Just("US forces"),
        Just("attacked"),
        Just("were killed by"),
        Just("met"),
        Just("will not release"),
        Just("condemned"),
        Just("said"),
        Just("the"),
        Just("in Baghdad"),
        Just("and"),
        Just("who"),
        Just(","),
        Just("."),
        Just("“"),
        Just("”"),
        Just("\n\n"),
    ];
    proptest::collection::vec(piece, 1..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every event's trigger, source and target are the words at their
    /// spans, inside the event's sentence; sentence classes are aligned
    /// with the sentences; relevance is a probability.
    #[test]
    fn every_event_span_maps_back_into_its_sentence(text in news()) {
        let p = Pipeline::new(Resources::builtin(), PipelineOptions::default());
        let Ok(done) = p.process(RawDoc::new(Origin::file("p.txt"), Body::Text(text))) else {
            return Ok(());
        };
        let a = done.article;
        let chars: Vec<char> = a.text.chars().collect();
        let at = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
        if a.language.as_deref() == Some("en") {
            prop_assert_eq!(a.sentence_classes.len(), a.sentences.len());
            prop_assert!(a.relevance.is_some_and(|r| (0.0..=1.0).contains(&r)));
        }
        for e in &a.events {
            let [ss, se] = e.sentence;
            prop_assert!(ss < se && se <= chars.len());
            let parts = [Some(&e.trigger), e.source.as_ref(), e.target.as_ref()];
            for part in parts.into_iter().flatten() {
                let [s, t] = part.span;
                prop_assert!(ss <= s && s < t && t <= se, "{:?} outside {:?}", part.span, e.sentence);
                prop_assert_eq!(at(part.span), part.text.clone());
            }
        }
    }
}
