//! The article casus exists for, when `../shared` sits beside the checkout
//! (CI has it; a new user's clone does not, and then this test says so and
//! checks nothing). No text of it is copied here: the checks are on shape.

mod common;
use common::*;
use std::path::Path;

/// The seed article, published on Thursday 2024-01-25, when `../shared`
/// is beside the checkout (a new user's clone has none: nothing to check).
fn seed_article() -> Option<casus_core::Article> {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples/seed-article.txt");
    if !seed.exists() {
        eprintln!("no {} here: nothing to check", seed.display());
        return None;
    }
    let out = extract_with(
        &[seed],
        casus_ingest::ReadOptions::default(),
        casus_pipeline::PipelineOptions {
            default_published: Some("2024-01-25".into()),
            ..Default::default()
        },
    );
    assert!(out.problems.is_empty(), "{:?}", out.messages());
    out.articles.into_iter().next()
}

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
    let Some(a) = seed_article() else { return };
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

#[test]
fn every_event_of_the_design_notes_is_coded_from_the_seed_article() {
    let Some(a) = seed_article() else { return };
    let code =
        |p: &Option<casus_core::Part>| p.as_ref().and_then(|x| x.actor.as_ref()).map(|x| x.code.clone());
    let country = |p: &Option<casus_core::Part>| {
        p.as_ref()
            .and_then(|x| x.actor.as_ref())
            .and_then(|x| x.country.clone().or_else(|| x.id.clone()))
    };
    let has =
        |root: &str, src: &dyn Fn(&casus_core::Event) -> bool, tgt: &dyn Fn(&casus_core::Event) -> bool| {
            a.events.iter().any(|e| e.root == root && src(e) && tgt(e))
        };
    // USA → Kataib Hezbollah, air strikes (195).
    assert!(a.events.iter().any(|e| e.cameo == "195"
        && country(&e.source).as_deref() == Some("USA")
        && e.target
            .as_ref()
            .and_then(|t| t.actor.as_ref())
            .and_then(|x| x.id.as_deref())
            == Some("kataib-hezbollah")));
    // Iraq → USA, accuse / criticise (11x).
    assert!(has(
        "11",
        &|e| code(&e.source).as_deref() == Some("IRQ"),
        &|e| country(&e.target).as_deref() == Some("USA")
    ));
    // Iraq → the coalition, demand (10x).
    assert!(has(
        "10",
        &|e| code(&e.source).as_deref() == Some("IRQ"),
        &|e| code(&e.target).as_deref() == Some("IMGMIL")
    ));
    // Iran-backed militias → US (and coalition) forces, attacks (19x).
    assert!(a.events.iter().any(|e| e.root == "19"
        && e.source.as_ref().is_some_and(|s| s.text.contains("militias"))
        && country(&e.target).as_deref() == Some("USA")));
    // The Iraqi promise of "necessary actions" is a threat, not an act.
    let threat = a.events.iter().find(|e| e.root == "13").expect("a threat");
    assert_eq!(threat.modality, "threatened");
    assert_eq!(threat.penta_class, 3);
    assert_eq!(code(&threat.source).as_deref(), Some("IRQGOV"));
    // The count of attacks is one event with its count.
    assert!(a.events.iter().any(|e| e.count == Some(150)));
    // The forces the alliance targeted are the target (the passive's
    // subject), not what its groups oppose in a relative clause further on.
    let targeted = a
        .events
        .iter()
        .find(|e| {
            e.trigger.text == "targeted" && e.source.as_ref().is_some_and(|s| s.text.contains("Resistance"))
        })
        .expect("the alliance's attacks");
    let target = targeted.target.as_ref().expect("their target");
    assert!(target.span[1] <= targeted.trigger.span[0], "{targeted:#?}");
    // Every event's words are in the text; none comes from page furniture.
    let chars: Vec<char> = a.text.chars().collect();
    for e in &a.events {
        let t = &e.trigger;
        assert_eq!(chars[t.span[0]..t.span[1]].iter().collect::<String>(), t.text);
        let sentence: String = chars[e.sentence[0]..e.sentence[1]].iter().collect();
        assert!(!sentence.contains("Related Stories") && !sentence.contains("Latest"));
        assert!(e.goldstein >= -10.0 && e.goldstein <= 10.0);
        assert!(e.confidence > 0.0 && e.confidence < 1.0);
    }
}

#[test]
fn the_seed_articles_quotes_claim_and_dates_are_found() {
    let Some(a) = seed_article() else { return };
    let code = |q: &casus_core::Quote| {
        q.speaker
            .as_ref()
            .and_then(|s| s.actor.as_ref())
            .map(|x| (x.id.clone(), x.code.clone()))
    };
    // Austin twice (the mixed and the direct quote), the spokesman for the
    // prime minister, and Yehia Rasool.
    let austin: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| code(q).and_then(|c| c.0).as_deref() == Some("lloyd-austin"))
        .collect();
    // His direct quote and his mixed one ("stating that ... \"necessary
    // and proportionate strikes\""), and nobody else's words given to him.
    assert!(austin.len() >= 2, "{:#?}", a.quotes);
    assert!(
        austin.iter().any(|q| q.direct) && austin.iter().any(|q| !q.direct && q.content.text.contains('"'))
    );
    assert!(austin
        .iter()
        .all(|q| !q.content.text.contains("unacceptable act")));
    let iraqi: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.direct && code(q).map(|c| c.1).as_deref() == Some("IRQGOV"))
        .collect();
    assert_eq!(iraqi.len(), 2, "{:#?}", a.quotes);
    assert!(iraqi
        .iter()
        .any(|q| q.speaker.as_ref().unwrap().text.contains("spokesman")));
    assert!(iraqi
        .iter()
        .any(|q| q.speaker.as_ref().unwrap().text.starts_with("Yehia Rasool")));
    // The 150-attacks claim, with its range.
    let c = a.claims.iter().find(|c| c.quantity == 150.0).expect("the claim");
    assert_eq!(
        (c.unit.as_str(), c.qualifier.as_deref()),
        ("attacks", Some("more than"))
    );
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("2023-10-11"), Some("2024-01-25"))
    );
    // "(on) Wednesday" against a Thursday publication date.
    let wed = a.times.iter().find(|t| t.text == "Wednesday").expect("Wednesday");
    assert_eq!(
        (wed.value.as_deref().unwrap_or(""), wed.precision.as_str()),
        ("2024-01-24", "day")
    );
    assert!(a.events.iter().any(|e| e.cameo.starts_with("19")
        && e.date.as_deref() == Some("2024-01-24")
        && e.date_from.as_deref() == Some("text")));
}
