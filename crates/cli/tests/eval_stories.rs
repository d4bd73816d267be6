//! `casus eval --stories`: stories scored against labels, on our own
//! corpus and (when `../shared` is here) on the labelled real news.

// Only the runner and the corpus of the shared test module are used here.
#[allow(dead_code)]
mod common;

use common::{casus, stories_corpus};
use std::path::Path;

/// Our corpus's labels: the id up to its first `-`; `solo` articles are
/// stories of their own.
fn labels(dir: &Path) -> String {
    let ids = [
        "usiraq-1",
        "usiraq-2",
        "usiraq-3",
        "usiraq-4",
        "houthi-1",
        "houthi-2",
        "sudan-1",
        "sudan-2",
        "sudan-3",
        "sudanlater-1",
        "haiti-1",
        "haiti-2",
        "haiti-3",
        "armenia-1",
        "armenia-2",
        "solo-1",
        "solo-2",
        "solo-3",
        "solo-4",
        "usiraq-1-copy",
        "sudan-1-near",
    ];
    let mut text = String::from("# our story corpus\n");
    for id in ids {
        let story = id.split('-').next().unwrap();
        text.push_str(&format!("{id}\t{}\n", if story == "solo" { "-" } else { story }));
    }
    let path = dir.join("labels.tsv");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn our_corpus_comes_out_in_the_stories_it_was_written_as() {
    let dir = tempfile::tempdir().unwrap();
    let labels = labels(dir.path());
    let run = casus(&[
        "eval",
        "--stories",
        &labels,
        "--articles",
        &stories_corpus(),
        "--json",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let s = &v["stories"];
    assert_eq!(s["articles"], 21);
    assert_eq!(s["missing"], 0);
    assert_eq!(s["gold_multi"], 5);
    assert_eq!(
        (s["precision"].as_f64(), s["recall"].as_f64()),
        (Some(1.0), Some(1.0))
    );
    assert!(s["alone_recall"].as_f64().unwrap() < 0.6, "{s}");
}

#[test]
fn the_table_names_the_labels_and_the_figure_to_beat() {
    let dir = tempfile::tempdir().unwrap();
    let labels = labels(dir.path());
    let run = casus(&["eval", "--stories", &labels, "--articles", &stories_corpus()]);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(
        out.contains("(21 articles, 10 stories, 5 of several articles"),
        "{out}"
    );
    assert!(
        out.contains("B-cubed                        P 1.000  R 1.000"),
        "{out}"
    );
    assert!(out.contains("every article alone, to beat   P 1.000"), "{out}");
}

#[test]
fn stories_without_articles_say_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let labels = labels(dir.path());
    let run = casus(&["eval", "--stories", &labels]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("--articles"));
}

#[test]
fn a_bad_label_line_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.tsv");
    std::fs::write(&path, "usiraq-1\tusiraq\nusiraq-2 usiraq\n").unwrap();
    let p = path.display().to_string();
    let run = casus(&["eval", "--stories", &p, "--articles", &stories_corpus()]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains(&format!("{p}:2:")), "{err}");
}

/// The labelled real news (`crates/eval/data/stories-polnear.tsv`) over
/// PolNeAR's texts: skipped, loudly, without `../shared`. The figures are
/// this change's (README, "Stories"), with a little room.
#[test]
fn real_news_stories_keep_their_measured_precision_and_recall() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let texts = root.join("../shared/data/dev/quotes");
    if !texts.exists() {
        eprintln!(
            "no {} here: the real-news story figures are not checked",
            texts.display()
        );
        return;
    }
    let labels = root.join("crates/eval/data/stories-polnear.tsv");
    let run = casus(&[
        "eval",
        "--stories",
        &labels.display().to_string(),
        "--articles",
        &texts.display().to_string(),
        "--json",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let v: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let s = &v["stories"];
    assert_eq!(
        (s["articles"].as_u64(), s["missing"].as_u64()),
        (Some(466), Some(0))
    );
    assert!(s["precision"].as_f64().unwrap() >= 0.90, "{s}");
    assert!(s["recall"].as_f64().unwrap() >= 0.69, "{s}");
}
