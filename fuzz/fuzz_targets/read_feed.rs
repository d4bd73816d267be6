#![no_main]
//! The reader alone: RSS, Atom and JSON feeds.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::feed::read(data, &Origin::file("fuzz.xml"), &mut |d| reader::check(d, "fuzz.xml"));
});
