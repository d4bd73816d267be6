#![no_main]
//! Actor dictionaries (casus's TSV formats and PETRARCH/TABARI files) and
//! event lexicons:
//! any text loads without panicking, and the dictionary it makes still
//! recognises actors with spans that slice the text.
use casus_actors::{Dictionary, Recognizer};
use casus_core::Span;
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Iraqi officials said US forces struck Kataib Hezbollah. He denied it.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut d = Dictionary::default();
    for issue in d.add_file("fuzz.txt", text) {
        assert!(issue.line >= 1);
    }
    // The same text as an event lexicon.
    let (lexicon, _) = casus_coder::Lexicon::with_files(&[("fuzz.tsv", text)]);
    let hits = lexicon.find(TEXT, Span::new(0, TEXT.len()));
    assert!(hits.iter().all(|h| TEXT.get(h.span.start..h.span.end).is_some()));
    let r = Recognizer::new(d);
    let sentences = [Span::new(0, TEXT.len())];
    for f in r.recognize(TEXT, &sentences, Some("2024-02-01")) {
        assert!(TEXT.get(f.span.start..f.span.end).is_some());
    }
});
