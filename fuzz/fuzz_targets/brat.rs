#![no_main]
//! Brat attribution files (`casus eval --quotes`, `casus train quotes`):
//! the first line is the text, the rest the `.ann`; every span read lies
//! inside the text on character boundaries; nothing panics. Then the
//! tagger runs on the text: its spans do too.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let (text, ann) = s.split_once('\n').unwrap_or((s, ""));
    if let Ok(found) = casus_attrib::brat::parse("fuzz.ann", text, ann) {
        for a in &found {
            for p in a.source.iter().chain(&a.cue).chain(&a.content) {
                assert!(p.start <= p.end && p.end <= text.len());
                assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            }
        }
    }
    thread_local! {
        static TAGGER: casus_attrib::Attributor = casus_attrib::Attributor::builtin();
    }
    let sentences = casus_nlp::Segmenter::default().segment(text).sentences;
    TAGGER.with(|t| {
        for a in t.find(text, &sentences) {
            for p in a.source.iter().chain(&a.content).chain([&a.cue]) {
                assert!(p.end <= text.len() && text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
            }
        }
    });
});
