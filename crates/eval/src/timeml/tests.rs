use super::*;

const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>made-up-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-01-25" functionInDocument="CREATION_TIME">20240125</TIMEX3></DCT>
<TEXT>
Wardens of Ostvale <EVENT eid="e1" class="OCCURRENCE">closed</EVENT> the bridge on <TIMEX3 tid="t1" type="DATE" value="2024-01-24">Wednesday</TIMEX3> &amp; kept it shut for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"#;

#[test]
fn a_timeml_document_gives_plain_text_with_each_expression_at_its_offsets() {
    let d = parse("made-up.tml", DOC).expect("parses");
    assert_eq!(d.dct.as_deref(), Some("2024-01-25"));
    assert!(d.text.contains("bridge on Wednesday & kept"));
    assert_eq!(d.timexes.len(), 2);
    let t = &d.timexes[0];
    assert_eq!(&d.text[t.start..t.end], "Wednesday");
    assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "2024-01-24"));
    let t = &d.timexes[1];
    assert_eq!(&d.text[t.start..t.end], "two days");
    assert_eq!(t.value, "P2D");
}

#[test]
fn a_document_without_text_or_with_an_unclosed_expression_is_refused_with_its_line() {
    let e = parse("a.tml", "<TimeML>\n<DOCID>x</DOCID>\n</TimeML>").unwrap_err();
    assert!(
        e.to_string().starts_with("a.tml:1: expected a <TEXT> element"),
        "{e}"
    );
    let e = parse(
        "b.tml",
        "<TEXT>\nOn <TIMEX3 type=\"DATE\" value=\"X\">Monday\n</TEXT>",
    )
    .unwrap_err();
    assert!(e.to_string().contains("b.tml:3"), "{e}");
    assert!(e.to_string().contains("not closed"), "{e}");
}

fn timex(start: usize, end: usize, kind: &str, value: &str) -> Timex {
    Timex {
        start,
        end,
        kind: kind.into(),
        value: value.into(),
    }
}

fn found(start: usize, end: usize, kind: &str, value: &str) -> Found {
    Found {
        start,
        end,
        kind: kind.into(),
        value: Some(value.into()),
    }
}

#[test]
fn strict_relaxed_value_and_type_are_scored_as_tempeval_scores_them() {
    let doc = Document {
        path: "x".into(),
        dct: None,
        text: "on Monday for two days and now, then again".into(),
        timexes: vec![
            timex(3, 9, "DATE", "2024-01-22"),
            timex(14, 22, "DURATION", "P2D"),
            timex(27, 30, "DATE", "PRESENT_REF"),
        ],
    };
    let mut r = Report::default();
    score(
        &mut r,
        &doc,
        &[
            // Exact and right.
            found(3, 9, "DATE", "2024-01-22"),
            // Overlapping, wrong value and type.
            found(10, 22, "DATE", "P3D"),
            // Not in the gold.
            found(32, 36, "DATE", "PAST_REF"),
        ],
    );
    for s in [&mut r.strict, &mut r.relaxed, &mut r.value, &mut r.kind] {
        s.finish();
    }
    assert_eq!((r.strict.matched_gold, r.relaxed.matched_gold), (1, 2));
    assert!((r.relaxed.precision - 2.0 / 3.0).abs() < 1e-9);
    assert!((r.relaxed.recall - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!((r.value.matched_gold, r.kind.matched_gold), (1, 1));
    assert_eq!(r.value_accuracy.to_string(), "50.0% (1/2)");
    assert_eq!(r.recall_by_type["DATE"].to_string(), "50.0% (1/2)");
    assert_eq!(r.misses.len(), 3, "{:?}", r.misses);
}
