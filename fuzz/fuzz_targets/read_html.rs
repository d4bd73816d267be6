#![no_main]
//! The reader alone (no language stages): HTML pages: charset, markup limits, main-text extraction, cleaning.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    reader::check(Ok(casus_ingest::html::read(data, &Origin::file("fuzz.html"), None)));
});
