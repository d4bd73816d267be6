//! Claims and times through the whole pipeline, on text we wrote.

mod common;
use common::extract_with;

#[test]
fn a_claim_knows_what_was_counted_against_whom_and_since_when() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "Attacks Mount in the North\n\nSyrian troops have been targeted in at least 40 attacks since early March, \
         the ministry said on Tuesday.\n",
    )
    .unwrap();
    let out = extract_with(
        &[path],
        casus_ingest::ReadOptions::default(),
        casus_pipeline::PipelineOptions {
            default_published: Some("2024-05-02".into()),
            ..Default::default()
        },
    );
    let a = &out.articles[0];
    let c = &a.claims[0];
    assert_eq!(c.text, "at least 40 attacks");
    assert_eq!((c.quantity, c.qualifier.as_deref()), (40.0, Some("at least")));
    assert_eq!(
        (c.from.as_deref(), c.to.as_deref()),
        (Some("2024-03-01"), Some("2024-05-02"))
    );
    assert_eq!(c.subject.as_ref().unwrap().text, "Syrian troops");
    // 2024-05-02 is a Thursday: "on Tuesday" is two days before.
    let t = a.times.iter().find(|t| t.text == "Tuesday").unwrap();
    assert_eq!(t.value.as_deref(), Some("2024-04-30"));
    let said = a.events.iter().find(|e| e.trigger.text == "said").unwrap();
    assert_eq!(
        (said.date.as_deref(), said.date_from.as_deref()),
        (Some("2024-04-30"), Some("text"))
    );
}
