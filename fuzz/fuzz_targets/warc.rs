#![no_main]
//! WARC records, the HTTP responses inside them, and resynchronisation.
#[path = "common.rs"]
mod common;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::warc::read(data, &Origin::file("fuzz.warc"), 1 << 20, false, &mut common::check);
});
