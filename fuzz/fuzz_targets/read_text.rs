#![no_main]
//! The reader alone: plain text, whole or a document per line.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.first().is_some_and(|b| b % 2 == 0);
    casus_ingest::text::read(data, &Origin::file("fuzz.txt"), lines, &mut |d| reader::check(d, "fuzz.txt"));
});
