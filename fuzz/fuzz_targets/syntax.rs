#![no_main]
//! Outside input to the learned parts: CoNLL-U treebanks and weights
//! files are refused with an error or read, never a panic; a sentence of
//! any words gets one head per word, inside the sentence.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(trees) = casus_syntax::conllu::parse("fuzz.conllu", text) {
            for t in trees {
                assert!(t.heads.iter().all(|&h| h <= t.words.len()));
            }
        }
        let words: Vec<&str> = text.split_whitespace().take(200).collect();
        let p = casus_syntax::Syntax::builtin().analyse(&words);
        assert_eq!(p.arcs.heads.len(), words.len());
        assert!(p.arcs.heads.iter().all(|&h| h <= words.len()));
    }
    let _ = casus_syntax::Tagger::from_bytes("fuzz.bin", data);
    let _ = casus_syntax::Parser::from_bytes("fuzz.bin", data, data);
    let _ = casus_coder::Classifier::from_bytes("fuzz.bin", data);
    let _ = casus_coder::Relevance::from_bytes("fuzz.bin", data);
    let _ = casus_coder::SideTagger::from_bytes("fuzz.bin", data);
});
