#![no_main]
//! The markup pass alone: any page is measured against the limits or
//! refused, in one pass, and keeps its text (only line breaks are added);
//! and the page's declared dates, read by the same kind of scan, come out
//! ranked best first, without a panic on any input.
use casus_ingest::markup::{prepare, HtmlLimits};
use casus_ingest::page_dates::page_dates;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let limits = HtmlLimits { depth: 64, elements: 10_000 };
    if let Ok(out) = prepare(html, &limits) {
        assert_eq!(out.replace('\n', ""), html.replace('\n', ""));
    }
    let dates = page_dates(html);
    assert!(dates.windows(2).all(|w| w[0].rank <= w[1].rank));
    for d in &dates {
        if let Some(day) = casus_ingest::dates::normalize(&d.value) {
            assert!(day.len() >= 10, "{day}");
        }
    }
});
