#![no_main]
//! The reader alone: WARC records, the HTTP responses inside them, resynchronisation.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::warc::read(data, &Origin::file("fuzz.warc"), 1 << 20, false, &mut |d| reader::check(d, "fuzz.warc"));
});
