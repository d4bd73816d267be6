#![no_main]
//! The markup pass alone: any page is measured against the limits or
//! refused, in one pass, and keeps its text (only line breaks are added).
use casus_ingest::markup::{prepare, HtmlLimits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let limits = HtmlLimits { depth: 64, elements: 10_000 };
    if let Ok(out) = prepare(html, &limits) {
        assert_eq!(out.replace('\n', ""), html.replace('\n', ""));
    }
});
