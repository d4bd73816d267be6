#![no_main]
//! The reader alone: JSON Lines, with a small line limit so over-long lines are exercised.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::jsonl::read(data, &Origin::file("fuzz.jsonl"), 4096, &mut |d| reader::check(d, "fuzz.jsonl"));
});
