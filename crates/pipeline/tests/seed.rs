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

#[test]
fn every_actor_of_the_seed_article_is_found_resolved_and_coded() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/seed-article.txt");
    if !seed.exists() {
        eprintln!("no {} here: nothing to check", seed.display());
        return;
    }
    let out = extract_with(
        &[seed],
        casus_ingest::ReadOptions::default(),
        casus_pipeline::PipelineOptions {
            default_published: Some("2024-01-25".into()),
        },
    );
    let a = &out.articles[0];
    let actors: Vec<&casus_core::ActorRef> = a.mentions.iter().filter_map(|m| m.actor.as_ref()).collect();
    let has_id_code = |id: &str, code: &str| {
        actors
            .iter()
            .any(|x| x.id.as_deref() == Some(id) && x.code == code)
    };
    let has_code = |code: &str| actors.iter().any(|x| x.code == code);
    // Named actors, by dictionary id and the code they carry on the date.
    for (id, code) in [
        ("lloyd-austin", "USAGOV"),
        ("mohammed-shia-al-sudani", "IRQGOV"),
        ("kataib-hezbollah", "IRQREB"),
        ("islamic-resistance-iraq", "IRQREB"),
        ("hamas", "PSEREB"),
        ("us-led-coalition", "IMGMIL"),
        ("islamic-state", "IMGREB"),
    ] {
        assert!(has_id_code(id, code), "{id} as {code} not found: {actors:#?}");
    }
    // Countries and composed actors.
    for code in ["USA", "IRQ", "ISR", "USAMIL", "IRQGOV"] {
        assert!(has_code(code), "{code} not found");
    }
    // Iran backs groups without being one of them.
    assert!(
        a.mentions
            .iter()
            .filter(|m| m.backed_by.as_deref() == Some("IRN"))
            .count()
            >= 3
    );
    // The unnamed spokesmen resolve to the Iraqi government.
    let spokesmen = a.mentions.iter().filter(|m| {
        m.text.contains("spokesman") || m.kind == "person" && m.actor.as_ref().is_some_and(|x| x.id.is_none())
    });
    assert!(spokesmen.clone().count() >= 2);
    assert!(
        spokesmen
            .clone()
            .all(|m| m.actor.as_ref().is_some_and(|x| x.code == "IRQGOV")),
        "{:#?}",
        spokesmen.collect::<Vec<_>>()
    );
    // Pronouns and short forms point back to who they mean.
    let pronouns: Vec<_> = a.mentions.iter().filter(|m| m.kind == "pronoun").collect();
    assert!(
        pronouns
            .iter()
            .any(|m| m.actor.as_ref().and_then(|x| x.id.as_deref()) == Some("lloyd-austin")),
        "{pronouns:#?}"
    );
    assert!(
        a.mentions.iter().any(|m| m.text == "coalition"
            && m.refers_to.is_some()
            && m.actor.as_ref().is_some_and(|x| x.code == "IMGMIL")),
        "the short form of the coalition"
    );
    // Every mention's span gives back its text.
    let chars: Vec<char> = a.text.chars().collect();
    for m in &a.mentions {
        assert_eq!(chars[m.span[0]..m.span[1]].iter().collect::<String>(), m.text);
    }
}
