#![no_main]
//! JSON Lines, with a small line limit so over-long lines are exercised.
#[path = "common.rs"]
mod common;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::jsonl::read(data, &Origin::file("fuzz.jsonl"), 4096, &mut common::check);
});
