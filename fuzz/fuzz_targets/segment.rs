#![no_main]
//! Plain text: title detection, paragraphs, furniture, sentences, tokens.
#[path = "common.rs"]
mod common;
use casus_core::{Origin, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::text::read(data, &Origin::file("fuzz.txt"), false, &mut common::check);
    if let Ok(text) = std::str::from_utf8(data) {
        let tokens = casus_nlp::Tokenizer::default().tokens(text, Span::new(0, text.len()));
        let mut last = 0;
        for t in tokens {
            assert!(last <= t.span.start && t.span.start < t.span.end && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            last = t.span.end;
        }
    }
});
