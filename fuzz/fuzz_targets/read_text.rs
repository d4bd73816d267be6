#![no_main]
//! The reader alone (no language stages): Plain text, whole or a document per line.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::text::read(data, &Origin::file("fuzz.txt"), data.first().is_some_and(|b| b % 2 == 0), &mut reader::check);
});
