//! ACLED types: labelled snippets, scored against the ACLED types of the
//! events casus codes in them.
//!
//! Three formats, told apart by their columns:
//! * `SUB_EVENT_TYPE<TAB>sentence` (our golden set,
//!   `crates/eval/data/acled-golden.tsv`): one type per snippet, scored as
//!   the type of the snippet's surest event with an ACLED type (none: a
//!   miss), with a confusion table, accuracy and weighted F1.
//! * `text<TAB>KILL<TAB>ARREST<TAB>ANY_ACTION<TAB>FAIL<TAB>FORCE` (the
//!   police-events sentences of `../shared/data/dev/events`) and
//!   `text<TAB>ARMED_ASSAULT<TAB>BOMBING<TAB>KIDNAPPING<TAB>OTHER` (the
//!   incident reports): multi-label, each label against the ACLED types it
//!   corresponds to (see [`LABELS`]), as precision and recall.

use crate::EvalError;
use casus_core::Event;
use casus_pipeline::Pipeline;
use std::collections::BTreeMap;

/// A labelled snippet.
#[derive(Debug, Clone, PartialEq)]
pub struct Snippet {
    pub text: String,
    /// The golden set's one sub-event type, or the labels set to 1.
    pub labels: Vec<String>,
}

/// Which format a file was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Format {
    Golden,
    Police,
    Incidents,
}

const POLICE: [&str; 5] = ["KILL", "ARREST", "ANY_ACTION", "FAIL", "FORCE"];
const INCIDENTS: [&str; 4] = ["ARMED_ASSAULT", "BOMBING", "KIDNAPPING", "OTHER"];

/// The multi-label columns and the events that count as each (`FAIL`,
/// police failing to act, and `OTHER` have no ACLED counterpart and are
/// not scored).
pub const LABELS: &[(&str, &str)] = &[
    ("KILL", "an event with fatalities ≥ 1"),
    ("ARREST", "an Arrests event"),
    ("ANY_ACTION", "any event with an ACLED type"),
    ("FORCE", "political violence, or a protest with intervention"),
    ("ARMED_ASSAULT", "Battles, or Violence against civilians: Attack"),
    ("BOMBING", "Explosions/Remote violence"),
    ("KIDNAPPING", "Abduction/forced disappearance"),
];

fn counts_as(label: &str, e: &Event) -> bool {
    let Some(a) = &e.acled else { return false };
    match label {
        "KILL" => e.fatalities.as_ref().is_some_and(|f| f.count >= 1),
        "ARREST" => a.sub_event_type == "Arrests",
        "ANY_ACTION" => true,
        "FORCE" => {
            a.disorder_type.contains("Political violence") || a.sub_event_type == "Protest with intervention"
        }
        "ARMED_ASSAULT" => a.event_type == "Battles" || a.sub_event_type == "Attack",
        "BOMBING" => a.event_type == "Explosions/Remote violence",
        "KIDNAPPING" => a.sub_event_type == "Abduction/forced disappearance",
        _ => false,
    }
}

/// Reads a file in one of the three formats; `#` lines and blank lines
/// are skipped.
pub fn parse(path: &str, content: &str) -> Result<(Format, Vec<Snippet>), EvalError> {
    let mut format = None;
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |what: String| EvalError::Malformed {
            path: path.into(),
            line: i + 1,
            what,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let this = match cols.len() {
            2 => Format::Golden,
            6 => Format::Police,
            5 => Format::Incidents,
            n => {
                return Err(bad(format!(
                    "expected `TYPE<TAB>sentence`, or a text with 5 (police) or 4 (incidents) 0/1 columns; found {n} columns"
                )))
            }
        };
        if *format.get_or_insert(this) != this {
            return Err(bad("a line of another format than the first line's".into()));
        }
        let snippet = match this {
            Format::Golden => Snippet {
                text: cols[1].trim().to_string(),
                labels: vec![cols[0].trim().to_string()],
            },
            _ => {
                let names: &[&str] = if this == Format::Police {
                    &POLICE
                } else {
                    &INCIDENTS
                };
                let mut labels = Vec::new();
                for (name, v) in names.iter().zip(&cols[1..]) {
                    match v.trim() {
                        "1" => labels.push(name.to_string()),
                        "0" => {}
                        other => return Err(bad(format!("expected 0 or 1 for {name}, found `{other}`"))),
                    }
                }
                Snippet {
                    text: cols[0].trim().to_string(),
                    labels,
                }
            }
        };
        if !snippet.text.is_empty() {
            out.push(snippet);
        }
    }
    Ok((format.unwrap_or(Format::Golden), out))
}

/// The events casus codes in a snippet (the whole pipeline's output).
pub fn events(pipeline: &Pipeline, text: &str) -> Vec<Event> {
    let res = pipeline.resources();
    let sentences = res.segmenter.segment(text).sentences;
    let map = casus_core::CharMap::new(text);
    casus_pipeline::annotate(res, text, &sentences, None, &map).events
}

/// The sub-event type of a snippet: its surest event with an ACLED type
/// (the first among equals).
pub fn main_type(events: &[Event]) -> Option<&str> {
    events
        .iter()
        .filter(|e| e.acled.is_some())
        .fold(None::<&Event>, |best, e| match best {
            Some(b) if b.confidence >= e.confidence => Some(b),
            _ => Some(e),
        })
        .and_then(|e| e.acled.as_ref())
        .map(|a| a.sub_event_type.as_str())
}

/// Precision and recall of one type or label.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
    pub predicted: usize,
    pub right: usize,
}

impl Score {
    fn new(right: usize, predicted: usize, support: usize) -> Score {
        let (p, r, f1) = crate::prf(right, predicted, support);
        Score {
            precision: p,
            recall: r,
            f1,
            support,
            predicted,
            right,
        }
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub snippets: usize,
    /// Golden set: the share whose main type is right.
    pub accuracy: f64,
    /// Golden set: F1 per type weighted by support.
    pub weighted_f1: f64,
    /// Per type (golden) or label (multi-label), by name.
    pub scores: BTreeMap<String, Score>,
    /// Golden set: (gold, predicted or `-`, count), in order.
    pub confusion: Vec<(String, String, usize)>,
    /// Snippets in which no event has an ACLED type.
    pub untyped: usize,
}

/// Scores casus on the snippets.
pub fn evaluate(pipeline: &Pipeline, format: Format, data: &[Snippet]) -> Report {
    let mut r = Report {
        snippets: data.len(),
        ..Report::default()
    };
    let predicted: Vec<Vec<Event>> = data.iter().map(|s| events(pipeline, &s.text)).collect();
    r.untyped = predicted
        .iter()
        .filter(|ev| ev.iter().all(|e| e.acled.is_none()))
        .count();
    if format == Format::Golden {
        let pairs: Vec<(String, String)> = data
            .iter()
            .zip(&predicted)
            .map(|(s, ev)| (s.labels[0].clone(), main_type(ev).unwrap_or("-").to_string()))
            .collect();
        let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        for p in &pairs {
            *counts.entry(p.clone()).or_default() += 1;
        }
        r.confusion = counts.into_iter().map(|((g, p), n)| (g, p, n)).collect();
        let mut names: Vec<&String> = pairs.iter().map(|p| &p.0).collect();
        names.sort();
        names.dedup();
        for name in names {
            let right = pairs.iter().filter(|(g, p)| g == name && p == name).count();
            let pred = pairs.iter().filter(|(_, p)| p == name).count();
            let support = pairs.iter().filter(|(g, _)| g == name).count();
            r.scores.insert(name.clone(), Score::new(right, pred, support));
        }
        let n = pairs.len().max(1) as f64;
        r.accuracy = pairs.iter().filter(|(g, p)| g == p).count() as f64 / n;
        r.weighted_f1 = r.scores.values().map(|s| s.f1 * s.support as f64).sum::<f64>() / n;
    } else {
        let names: &[&str] = if format == Format::Police {
            &POLICE
        } else {
            &INCIDENTS
        };
        for name in names.iter().filter(|n| LABELS.iter().any(|(l, _)| l == *n)) {
            let (mut right, mut pred, mut support) = (0, 0, 0);
            for (s, ev) in data.iter().zip(&predicted) {
                let gold = s.labels.iter().any(|l| l == name);
                let got = ev.iter().any(|e| counts_as(name, e));
                support += usize::from(gold);
                pred += usize::from(got);
                right += usize::from(gold && got);
            }
            r.scores
                .insert(name.to_string(), Score::new(right, pred, support));
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_formats_are_told_apart_by_their_columns() {
        let (f, s) = parse("g.tsv", "# comment\nArrests\tPolice held two men.\n").unwrap();
        assert_eq!(
            (f, s[0].labels.clone()),
            (Format::Golden, vec!["Arrests".to_string()])
        );
        let (f, s) = parse("p.tsv", "police held two men.\t0\t1\t1\t0\t0\n").unwrap();
        assert_eq!(
            (f, s[0].labels.clone()),
            (Format::Police, vec!["ARREST".into(), "ANY_ACTION".into()])
        );
        let (f, s) = parse("i.tsv", "Gunmen raided a post.\t1\t0\t0\t0\n").unwrap();
        assert_eq!(
            (f, s[0].labels.clone()),
            (Format::Incidents, vec!["ARMED_ASSAULT".to_string()])
        );
    }

    #[test]
    fn a_bad_label_names_its_line() {
        let e = parse("p.tsv", "a\t0\t1\t1\t0\t0\nb\t0\t2\t1\t0\t0\n").unwrap_err();
        assert!(e.to_string().starts_with("p.tsv:2:"), "{e}");
    }

    #[test]
    fn the_golden_set_scores_the_surest_typed_event() {
        let p = Pipeline::new(casus_pipeline::Resources::builtin(), Default::default());
        let data = vec![Snippet {
            text: "Police arrested four men near the depot on Friday.".into(),
            labels: vec!["Arrests".into()],
        }];
        let r = evaluate(&p, Format::Golden, &data);
        assert_eq!(r.accuracy, 1.0, "{r:?}");
        assert_eq!(r.scores["Arrests"].right, 1);
    }
}
