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
