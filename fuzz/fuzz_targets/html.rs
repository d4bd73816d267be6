#![no_main]
//! HTML pages: charset sniffing, main-text extraction, cleaning, segmentation.
#[path = "common.rs"]
mod common;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check(Ok(casus_ingest::html::read(data, &Origin::file("fuzz.html"), None)));
});
