//! Golden test: a scraped news page as plain text, in the shape of the
//! article casus exists for (headline, story, then page furniture).

mod common;
use common::*;

#[test]
fn a_scraped_page_comes_out_as_its_headline_and_story_paragraphs() {
    let out = extract(&[fixtures().join("beirut-drone.txt")]);
    assert!(out.problems.is_empty(), "{:?}", out.messages());
    let a = &out.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Lebanon Protests After Israeli Drone Strike in Beirut Suburb")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    let paras = paragraphs(a);
    let starts = [
        "Lebanon has accused",
        "The strike hit",
        "Israeli military spokesman",
        "“This new Israeli",
        "Hezbollah leader",
        "The U.S. State",
    ];
    assert_eq!(paras.len(), starts.len(), "{paras:#?}");
    for (p, s) in paras.iter().zip(starts) {
        assert!(p.starts_with(s), "{p:?}");
    }
    for junk in [
        "Related",
        "No articles found",
        "Share on",
        "Most Read",
        "Central Bank",
        "Latest Beirut",
        "4417",
        "©",
    ] {
        assert!(!a.text.contains(junk), "furniture {junk:?} left in the text");
    }
}

#[test]
fn the_sentences_of_the_scraped_page_are_split_as_a_reader_would() {
    let out = extract(&[fixtures().join("beirut-drone.txt")]);
    let got = sentences(&out.articles[0]);
    let want = [
        "Lebanon Protests After Israeli Drone Strike in Beirut Suburb",
        "Lebanon has accused Israel of a \"dangerous escalation\" after a drone strike on a building in Beirut's southern suburbs killed a senior Hamas official and six other people on Tuesday evening.",
        "The strike hit an office used by the Palestinian group in Dahiyeh, a stronghold of the Iran-backed Hezbollah movement, against a backdrop of daily exchanges of fire along the border since October.",
        "Israeli military spokesman Rear Adm. Daniel Hagari did not confirm the strike, saying only that Israel was \"focused on the fight against Hamas\" and remained \"on high alert\" in the north.",
        "“This new Israeli crime aims to drag Lebanon into the war.",
        "We will not be silent about it,” caretaker Prime Minister Najib Mikati said in a statement, adding that Beirut would file a complaint with the U.N. Security Council.",
        "Hezbollah leader Hassan Nasrallah warned in a televised speech that the killing \"will not go unanswered\"… a threat that analysts said raised the risk of a wider regional war.",
        "The U.S. State Department urged all sides to avoid escalation.",
        "It said Washington was working with Lebanese and Israeli officials to restore calm.",
    ];
    assert_eq!(got, want);
}

#[test]
fn with_lines_each_line_is_a_document_with_its_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let f = file(
        &dir,
        "sentences.txt",
        b"Rebels shelled the town on Monday.\nThe army denied the claim.\n\nTalks resumed in Doha.\n",
    );
    let out = extract_with(
        &[f],
        casus_ingest::ReadOptions {
            lines: true,
            ..Default::default()
        },
        casus_pipeline::PipelineOptions {
            default_published: Some("2024-02-01".into()),
            ..Default::default()
        },
    );
    let lines: Vec<_> = out
        .articles
        .iter()
        .map(|a| (a.origin.line, a.text.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(1), "Rebels shelled the town on Monday."),
            (Some(2), "The army denied the claim."),
            (Some(4), "Talks resumed in Doha.")
        ]
    );
    assert!(out
        .articles
        .iter()
        .all(|a| a.published.as_deref() == Some("2024-02-01") && a.title.is_none()));
}

#[test]
fn the_scraped_page_says_who_said_what_and_when() {
    let out = extract_with(
        &[fixtures().join("beirut-drone.txt")],
        casus_ingest::ReadOptions::default(),
        casus_pipeline::PipelineOptions {
            default_published: Some("2024-03-06".into()),
            ..Default::default()
        },
    );
    let a = &out.articles[0];
    // The caretaker prime minister's quote, cue after, coded LBNGOV.
    let q = a
        .quotes
        .iter()
        .find(|q| q.direct)
        .unwrap_or_else(|| panic!("{:#?}", a.quotes));
    // The content keeps its quotation marks, as attribution corpora do.
    assert!(q.content.text.starts_with("“This new Israeli crime"), "{q:#?}");
    assert_eq!(q.cue.as_ref().unwrap().text, "said");
    assert_eq!(q.speaker.as_ref().unwrap().actor.as_ref().unwrap().code, "LBNGOV");
    // Lebanon's accusation is reported speech.
    assert!(a
        .quotes
        .iter()
        .any(|q| !q.direct && q.cue.as_ref().is_some_and(|c| c.text.ends_with("accused"))));
    // "(on) Tuesday evening", published on a Wednesday: a time of day.
    let t = a.times.iter().find(|t| t.text.starts_with("Tuesday")).unwrap();
    assert_eq!(
        (t.kind.as_str(), t.value.as_deref()),
        ("TIME", Some("2024-03-05TEV"))
    );
    // The killing is dated by it; the accusation, whose own clause names
    // no time ("has accused ... after a drone strike killed ... on Tuesday
    // evening"), by the publication day.
    let killed = a.events.iter().find(|e| e.trigger.text == "killed").unwrap();
    assert_eq!(killed.date.as_deref(), Some("2024-03-05"));
    assert_eq!(killed.date_from.as_deref(), Some("text"));
    let accused = a.events.iter().find(|e| e.trigger.text == "accused").unwrap();
    assert_eq!(accused.date.as_deref(), Some("2024-03-06"));
    assert_eq!(accused.date_from.as_deref(), Some("published"));
}
