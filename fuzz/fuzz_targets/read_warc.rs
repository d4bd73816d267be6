#![no_main]
//! The reader alone (no language stages): WARC records and the HTTP responses inside them.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::warc::read(data, &Origin::file("fuzz.warc"), 1 << 20, false, &mut reader::check);
});
