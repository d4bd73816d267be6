//! Golden tests on sentences we wrote: one per cue kind and sentence shape.

use super::*;
use casus_core::Span;
use casus_nlp::Segmenter;

fn find(text: &str) -> Vec<Attribution> {
    let sentences = Segmenter::default().segment(text).sentences;
    Attributor::builtin().find(text, &sentences)
}

fn words(text: &str, s: &[Span]) -> Vec<String> {
    s.iter().map(|s| s.slice(text).to_string()).collect()
}

/// The only attribution of `text`, with its parts as words.
fn one(text: &str) -> (Vec<String>, String, Vec<String>, CueKind) {
    let found = find(text);
    assert_eq!(found.len(), 1, "{text}\n{found:#?}");
    let a = &found[0];
    (
        words(text, &a.source),
        a.cue.slice(text).to_string(),
        words(text, &a.content),
        a.kind,
    )
}

#[test]
fn reported_speech_after_a_cue_has_its_source_before_it() {
    let text = "Mayor Olen Varga said the bridge over the canal would reopen in May.";
    let (source, cue, content, kind) = one(text);
    assert_eq!(source, ["Mayor Olen Varga"]);
    assert_eq!(cue, "said");
    assert!(
        content[0].starts_with("the bridge over the canal would reopen"),
        "{content:?}"
    );
    assert_eq!(kind, CueKind::Statement);
}

#[test]
fn a_quote_with_its_cue_after_it_keeps_its_marks() {
    let text = "“We will rebuild the market before the winter,” the regional governor said.";
    let (source, cue, content, _) = one(text);
    assert_eq!(source, ["the regional governor"]);
    assert_eq!(cue, "said");
    assert!(content[0].starts_with("“We will rebuild"), "{content:?}");
    assert!(find(text)[0].is_direct(text));
}

#[test]
fn a_quote_split_by_its_cue_is_one_attribution_in_two_parts() {
    let text = "“The pumps are working again,” said the engineer Tova Rell, “and the water will be clean by Friday.”";
    let found = find(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].content.len(), 2, "{:?}", words(text, &found[0].content));
    assert_eq!(words(text, &found[0].source), ["the engineer Tova Rell"]);
}

#[test]
fn according_to_names_its_source_after_the_cue() {
    let text = "The fire began in a bakery on the main square, according to the regional fire service.";
    let (source, cue, content, _) = one(text);
    assert_eq!(cue, "according to");
    assert_eq!(source, ["the regional fire service"]);
    assert!(
        content[0].starts_with("The fire began in a bakery"),
        "{content:?}"
    );
}

#[test]
fn beliefs_intentions_and_findings_have_their_kinds() {
    let cases = [
        (
            "The finance minister believes that the strike at the port will end within a week.",
            CueKind::Belief,
        ),
        (
            "The city council plans to close the old bus depot next spring.",
            CueKind::Intention,
        ),
        (
            "A survey of farmers shows that most of them expect a smaller harvest this year.",
            CueKind::Evidence,
        ),
    ];
    for (text, kind) in cases {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}\n{found:#?}");
        assert_eq!(found[0].kind, kind, "{text}");
    }
}

#[test]
fn a_cue_ending_a_paragraph_with_a_colon_takes_the_quote_below_it() {
    let text = "The harbour master told the crews:\n\n“No boat leaves the port until the storm has passed.”";
    let found = find(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].cue.slice(text), "told");
    assert!(found[0].content_extent().slice(text).contains("No boat leaves"));
}

#[test]
fn straight_quotes_and_guillemets_are_quotation_marks_too() {
    for text in [
        "\"We have enough grain for the whole winter,\" the farmers' union said on Monday.",
        "«We have enough grain for the whole winter,» the farmers' union said on Monday.",
    ] {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}\n{found:#?}");
        assert!(found[0].is_direct(text), "{text}");
        assert_eq!(found[0].cue.slice(text), "said");
    }
}

#[test]
fn a_sentence_without_a_report_has_no_attribution() {
    assert!(find("The river rose two metres overnight and flooded the lower town.").is_empty());
}

#[test]
fn every_span_lies_inside_the_text_and_on_character_boundaries() {
    let text = "« Nous restons », a déclaré Élodie Marchal. “Ça suffit,” she said — and left.";
    for a in find(text) {
        for s in a.source.iter().chain(&a.content).chain([&a.cue]) {
            assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

#[test]
fn the_shipped_weights_round_trip_and_a_foreign_file_is_refused() {
    let m = Attributor::builtin();
    let again = Attributor::from_bytes("copy", &m.to_bytes(), Cues::builtin(), Default::default()).unwrap();
    assert_eq!(again.to_bytes(), m.to_bytes());
    let err =
        Attributor::from_bytes("x.bin", b"not weights", Cues::builtin(), Default::default()).unwrap_err();
    assert!(err.to_string().contains("x.bin"), "{err}");
}

#[test]
fn a_cues_file_line_with_an_unknown_kind_is_reported_and_skipped() {
    let mut c = Cues::default();
    let issues = c.add("mine.tsv", "statement\tgrumble grumbles\nopinion\tmuse\n");
    assert_eq!(issues.len(), 1);
    assert_eq!((issues[0].path.as_str(), issues[0].line), ("mine.tsv", 2));
    assert!(issues[0].message.contains("opinion"));
    assert_eq!(
        c.get(casus_syntax::norm_hash("Grumbles")),
        Some(CueKind::Statement)
    );
}

#[test]
fn a_brat_file_is_read_with_discontinuous_spans_and_bad_offsets_are_refused() {
    let text = "“Go,” Ana said, “now.”";
    // Offsets are code points: “ is one.
    let ann = "T1\tContent 0 5;16 22\t“Go,” “now.”\nT2\tCue 10 14\tsaid\nT3\tSource 6 9\tAna\nE1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n#1\tAnnotatorNotes T1\tsplit\n";
    let a = brat::parse("t.ann", text, ann).unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(words(text, &a[0].content), ["“Go,”", "“now.”"]);
    assert_eq!(words(text, &a[0].source), ["Ana"]);
    let bad = brat::parse("t.ann", text, "T1\tCue 10 99\tsaid\n").unwrap_err();
    assert!(bad.to_string().starts_with("t.ann:1:"), "{bad}");
}

#[test]
fn an_inverted_source_takes_its_words_out_of_the_content_even_all_of_a_part() {
    let text = "\"We stay,\" said the mayor Ana Lind, \"and we fight.\"";
    let at = |s: &str| {
        let i = text.find(s).unwrap();
        Span::new(i, i + s.len())
    };
    let mut out = vec![Attribution {
        source: Vec::new(),
        cue: at("said"),
        content: vec![at("\"We stay,\""), at("mayor Ana"), at("Lind, \"and we fight.\"")],
        kind: CueKind::Statement,
    }];
    decode::finish(text, &mut out);
    assert_eq!(words(text, &out[0].source), ["the mayor Ana Lind"]);
    assert_eq!(
        words(text, &out[0].content),
        ["\"We stay,\"", "\"and we fight.\""]
    );
}

#[test]
fn a_name_and_a_colon_opening_a_paragraph_is_a_speaker_and_a_heading_is_not() {
    let text = "MAYOR VARGA: We will not close the library this year.\n\nUpdate: The meeting was moved to Tuesday evening.";
    let found = find(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(words(text, &found[0].source), ["MAYOR VARGA"]);
    assert_eq!(found[0].cue.slice(text), ":");
    assert!(found[0].content[0].slice(text).starts_with("We will not close"));
}

#[test]
fn a_quote_and_a_dash_before_a_name_is_that_person_speaking() {
    let text = "“The buses never come on time and nobody answers our letters.” ― Ilse Marant, a nurse from the hill district";
    let found = find(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(words(text, &found[0].source)[0].starts_with("Ilse Marant"));
    assert!(found[0].is_direct(text));
}

#[test]
fn a_short_report_counts_when_its_holder_is_named() {
    let (source, cue, content, _) = one("The governor defended the decision.");
    assert_eq!(
        (source, cue, content),
        (
            vec!["The governor".to_string()],
            "defended".to_string(),
            vec!["the decision".to_string()]
        )
    );
}

#[test]
fn a_short_report_with_nobody_holding_it_is_an_act() {
    let text = "Ministers defended the decision. Defended the decision.";
    let with = |source: Vec<Span>, cue: (usize, usize), content: (usize, usize)| Attribution {
        source,
        cue: Span::new(cue.0, cue.1),
        content: vec![Span::new(content.0, content.1)],
        kind: CueKind::Statement,
    };
    let mut out = vec![
        with(vec![Span::new(0, 9)], (10, 18), (19, 31)),
        with(Vec::new(), (33, 41), (42, 54)),
    ];
    crate::decode::finish(text, &mut out);
    assert_eq!(out.len(), 1, "{out:#?}");
    assert_eq!(out[0].cue.slice(text), "defended");
    assert_eq!(out[0].content[0].slice(text), "the decision");
}
