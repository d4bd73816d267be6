#![no_main]
//! Geoparsing corpora (`casus eval --geo`): every toponym read lies inside
//! its article's text; nothing panics.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(file) = casus_eval::geo::parse("fuzz.xml", s) {
        for a in &file.articles {
            let n = a.text.chars().count();
            for t in &a.toponyms {
                assert!(t.start <= t.end && t.end <= n, "{}..{} of {n}", t.start, t.end);
            }
        }
    }
});
