#![no_main]
//! PETRARCH verb dictionaries: any text after a block header loads without
//! panicking, every reported line exists, and the lexicon it makes finds
//! triggers with spans that slice the text.
use casus_core::Span;
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "Rebels ferried rifles to the port and the army repeatedly snubbed the envoy.";

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let text = format!("--- FUZZ [010] ---\n{body}");
    let (_, issues) = casus_coder::read_verbs("fuzz.txt", &text);
    let lines = text.lines().count();
    assert!(issues.iter().all(|i| i.line >= 1 && i.line <= lines));
    let (lexicon, _) = casus_coder::Lexicon::with_files(&[("fuzz.txt", &text)]);
    for h in lexicon.find(TEXT, Span::new(0, TEXT.len())) {
        assert!(TEXT.get(h.span.start..h.span.end).is_some());
    }
});
