//! The article casus exists for, when `../shared` sits beside the checkout
//! (CI has it; a new user's clone does not, and then this test says so and
//! checks nothing). No text of it is copied here: the checks are on shape.

mod common;
use common::*;
use std::path::Path;

#[test]
fn the_seed_article_is_its_headline_and_eight_story_paragraphs_one_sentence_each() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/seed-article.txt");
    if !seed.exists() {
        eprintln!("no {} here: nothing to check", seed.display());
        return;
    }
    let first_line = std::fs::read_to_string(&seed)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .trim()
        .to_string();
    let out = extract(&[seed]);
    assert!(out.problems.is_empty(), "{:?}", out.messages());
    let a = &out.articles[0];
    assert_eq!(a.title.as_deref(), Some(first_line.as_str()));
    assert_eq!(a.language.as_deref(), Some("en"));
    let paras = paragraphs(a);
    assert_eq!(paras.len(), 8, "{paras:#?}");
    let s = sentences(a);
    assert_eq!(s.len(), 9, "headline plus one sentence per paragraph: {s:#?}");
    assert_eq!(s[0], first_line);
    for (sentence, para) in s[1..].iter().zip(&paras) {
        assert_eq!(sentence, para, "each story paragraph is one sentence");
    }
    for junk in ["Related Stories", "No stories found", "Latest", "News -"] {
        assert!(!a.text.contains(junk), "page furniture {junk:?} left in the text");
    }
}
