#![no_main]
//! The reader alone (no language stages): RSS, Atom and JSON feeds, and the HTML fragments of their items.
#[path = "reader.rs"]
mod reader;
use casus_core::Origin;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    casus_ingest::feed::read(data, &Origin::file("fuzz.xml"), &mut reader::check);
});
