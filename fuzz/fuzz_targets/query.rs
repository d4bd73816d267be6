#![no_main]
//! The search language: any text parses or is refused as a bad `q`,
//! within its limits, and never recurses with the input's nesting.
use casus_store::query::{parse, Limits};
use casus_store::StoreError;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(q) = std::str::from_utf8(data) else { return };
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let limits = Limits { bytes: 100_000, ..Limits::default() };
    match parse(q, &limits, &split) {
        Ok(_) | Err(StoreError::BadParam { .. }) => {}
        Err(e) => panic!("unexpected error {e:?}"),
    }
});
