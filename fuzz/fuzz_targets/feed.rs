#![no_main]
//! RSS, Atom and JSON feeds.
#[path = "common.rs"]
mod common;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::feed::read(data, &Origin::file("fuzz.xml"), &mut common::check);
});
