#![no_main]
//! TimeML documents (`casus eval --timeml`), time-word files (`--times`)
//! and time expressions in any text: expression offsets stay inside the
//! text and on character boundaries; nothing panics.
use casus_core::Span;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(doc) = casus_eval::timeml::parse("fuzz.tml", s) {
        for t in &doc.timexes {
            assert!(t.start <= t.end && t.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(t.start) && doc.text.is_char_boundary(t.end));
        }
    }
    let _ = casus_resolve::TimeWords::default().add("fuzz.tsv", s);
    static TIMES: OnceLock<casus_resolve::Times> = OnceLock::new();
    let times = TIMES.get_or_init(casus_resolve::Times::builtin);
    for published in [None, chrono::NaiveDate::from_ymd_opt(2024, 2, 29)] {
        for t in times.find(s, Span::new(0, s.len()), published) {
            assert!(t.span.start < t.span.end && t.span.end <= s.len(), "{:?}", t.span);
            assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
        }
    }
});
