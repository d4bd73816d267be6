//! Main-text extraction from real web pages, scored as trafilatura scores
//! itself: each page comes with snippets its main text must contain and
//! snippets it must not (trafilatura's benchmark, `../shared/data/dev/html`:
//! `expectations.jsonl` beside the gzipped pages).
//!
//! The rule (trafilatura's `tests/eval_common.py`): whitespace runs become
//! one space in the snippets and the text; a `with` snippet found is a true
//! positive, missed a false negative; a `without` snippet found is a false
//! positive, missed a true negative; a page with no text counts no
//! positives at all. The four are summed over the pages.
//!
//! The text scored is the text `casus extract` writes (headline, blank
//! line, paragraphs). The time is that of [`casus_ingest::clean_with`] on
//! the decoded page, the step trafilatura's `extract` does: reading and
//! unzipping the file are left out.

use crate::EvalError;
use casus_ingest::{clean_with, Furniture, HtmlLimits, Input, ReadOptions};
use serde::Deserialize;
use std::path::Path;
use std::time::{Duration, Instant};

/// One page's expectations: a line of `expectations.jsonl`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Expectation {
    pub file: String,
    #[serde(default)]
    pub with: Vec<String>,
    #[serde(default)]
    pub without: Vec<String>,
}

/// Reads `expectations.jsonl`: one JSON object per line.
pub fn read(path: &Path) -> Result<Vec<Expectation>, EvalError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: name.clone(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let e: Expectation = serde_json::from_str(line).map_err(|e| EvalError::Malformed {
            path: name.clone(),
            line: i + 1,
            what: format!("expected {{\"file\", \"with\", \"without\"}}: {e}"),
        })?;
        out.push(e);
    }
    Ok(out)
}

/// A snippet that was missed (`with`) or found though it should not be
/// (`without`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Miss {
    pub file: String,
    pub kind: &'static str,
    pub snippet: String,
}

/// The four counts, their rates, and the time extraction took.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct HtmlReport {
    pub pages: usize,
    /// Pages with no text (unreadable, or nothing extracted).
    pub empty: usize,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tn: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
    /// Seconds spent in extraction, all pages, one thread.
    pub seconds: f64,
    pub pages_per_second: f64,
    #[serde(skip)]
    pub misses: Vec<Miss>,
}

/// Whitespace runs as one space, trimmed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The extracted text of one page and the time extraction took; `None`
/// when the page cannot be read.
fn extract(path: &Path, furniture: &Furniture, limits: &HtmlLimits) -> (Option<String>, Duration) {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let input = Input::File {
        path: path.to_path_buf(),
        size,
    };
    let mut docs = Vec::new();
    casus_ingest::read_input(&input, &ReadOptions::default(), &mut |d| docs.push(d));
    let mut took = Duration::ZERO;
    let mut text = None;
    for doc in docs.into_iter().flatten() {
        let t = Instant::now();
        let cleaned = clean_with(doc, furniture, limits);
        took += t.elapsed();
        if let Ok(c) = cleaned {
            text = Some(c.text);
        }
    }
    (text, took)
}

/// Scores every page of `expectations` found in `dir`.
pub fn evaluate(
    dir: &Path,
    expectations: &[Expectation],
    furniture: &Furniture,
    limits: &HtmlLimits,
) -> HtmlReport {
    let mut r = HtmlReport::default();
    let mut took = Duration::ZERO;
    for e in expectations {
        let (text, t) = extract(&dir.join(&e.file), furniture, limits);
        took += t;
        r.pages += 1;
        let text = text.map(|t| squeeze(&t)).filter(|t| !t.is_empty());
        let Some(text) = text else {
            r.empty += 1;
            r.fn_ += e.with.len();
            r.tn += e.without.len();
            continue;
        };
        for s in &e.with {
            if text.contains(&squeeze(s)) {
                r.tp += 1;
            } else {
                r.fn_ += 1;
                r.misses.push(Miss {
                    file: e.file.clone(),
                    kind: "missed",
                    snippet: s.clone(),
                });
            }
        }
        for s in &e.without {
            if text.contains(&squeeze(s)) {
                r.fp += 1;
                r.misses.push(Miss {
                    file: e.file.clone(),
                    kind: "kept",
                    snippet: s.clone(),
                });
            } else {
                r.tn += 1;
            }
        }
    }
    (r.precision, r.recall, r.f1) = crate::prf(r.tp, r.tp + r.fp, r.tp + r.fn_);
    r.accuracy = crate::Share {
        hit: r.tp + r.tn,
        total: r.tp + r.tn + r.fp + r.fn_,
    }
    .rate();
    r.seconds = took.as_secs_f64();
    r.pages_per_second = if r.seconds > 0.0 {
        r.pages as f64 / r.seconds
    } else {
        0.0
    };
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(dir: &Path, name: &str, body: &str) {
        let html = format!(
            "<html><head><title>Harbour news</title></head><body>\
             <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>\
             <article><h1>Harbour news</h1>{body}</article>\
             <footer>Subscribe to the Tamsk Courier for more.</footer></body></html>"
        );
        std::fs::write(dir.join(name), html).unwrap();
    }

    #[test]
    fn a_page_scores_its_snippets_found_and_kept_by_trafilaturas_rule() {
        let dir = tempfile::tempdir().unwrap();
        page(
            dir.path(),
            "a.html",
            "<p>The ferry to Tamsk was cancelled on Monday because of a storm over the bay.</p>\
             <p>Harbour officials said the  crossings would resume once the wind dropped below gale force.</p>",
        );
        let expect = vec![Expectation {
            file: "a.html".into(),
            with: vec![
                "ferry to Tamsk was cancelled".into(),
                // Two spaces in the page, one here: whitespace is squeezed.
                "said the crossings would resume".into(),
                "a sentence the page never had".into(),
            ],
            without: vec!["Subscribe to the Tamsk Courier".into(), "Sport".into()],
        }];
        let r = evaluate(dir.path(), &expect, &Furniture::builtin(), &HtmlLimits::default());
        assert_eq!((r.pages, r.tp, r.fn_), (1, 2, 1));
        assert_eq!(r.fp + r.tn, 2);
        assert_eq!(r.misses.iter().filter(|m| m.kind == "missed").count(), 1);
        assert!((r.recall - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_page_that_is_not_there_counts_no_positives() {
        let dir = tempfile::tempdir().unwrap();
        let expect = vec![Expectation {
            file: "gone.html".into(),
            with: vec!["anything".into()],
            without: vec!["else".into()],
        }];
        let r = evaluate(dir.path(), &expect, &Furniture::builtin(), &HtmlLimits::default());
        assert_eq!((r.empty, r.tp, r.fp, r.fn_, r.tn), (1, 0, 0, 1, 1));
    }

    #[test]
    fn a_malformed_expectation_line_is_named_by_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("expectations.jsonl");
        std::fs::write(&p, "{\"file\": \"a.html\", \"with\": [\"x\"]}\nnot json\n").unwrap();
        let err = read(&p).unwrap_err().to_string();
        assert!(err.contains(":2:"), "{err}");
    }
}
