//! Claims: the numbers analysts count, with what they count, how the
//! writer hedges them, and the period they cover.
//!
//! "more than 150 attacks since mid-October" → quantity 150, qualifier
//! "more than", unit "attacks" (kind attacks), from the middle of October
//! to the publication date. "killed at least 12" counts casualties. The
//! unit words are data (`data/claim-units.tsv`).

use crate::times::Time;
use casus_core::resource::{parse_lines, LineIssue};
use casus_core::Span;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../data/claim-units.tsv");

/// A counted claim (byte span).
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub span: Span,
    pub quantity: f64,
    /// The noun counted ("attacks") or the verb ("killed").
    pub unit: String,
    /// attacks, casualties, people, displaced, weapons, money, places.
    pub kind: String,
    /// "more than", "at least", "about", ...
    pub qualifier: Option<String>,
    /// The period: from a "since" expression to publication.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The unit words, by kind.
#[derive(Debug, Clone, Default)]
pub struct Units {
    words: Vec<(String, String)>,
}

impl Units {
    pub fn builtin() -> Self {
        let mut u = Units::default();
        let issues = u.add("built-in:claim-units.tsv", BUILTIN);
        debug_assert!(issues.is_empty(), "{issues:?}");
        u
    }

    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<(String, String), String> {
            l.split_once('\t')
                .filter(|(_, words)| !words.trim().is_empty())
                .map(|(k, w)| (k.to_string(), w.to_string()))
                .ok_or_else(|| format!("expected `KIND<TAB>words`, found `{l}`"))
        };
        let words = &mut self.words;
        parse_lines(path, text, parse, |(kind, list)| {
            for w in list.split('|').map(str::trim).filter(|w| !w.is_empty()) {
                words.push((w.to_lowercase(), kind.trim().to_string()));
            }
        })
    }

    fn kind_of(&self, word: &str) -> Option<&str> {
        let w = word.to_lowercase();
        self.words.iter().find(|(x, _)| *x == w).map(|(_, k)| k.as_str())
    }
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // ASCII word boundaries and digits: with Unicode ones the fast
        // DFA gives up on any sentence with a curly quote or a dash, and
        // every sentence went through the backtracker.
        Regex::new(
            &r"(?i)(?:\b(?P<q>more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than|as many as|roughly|an estimated|at most|close to)\s+)?(?P<cur>\$|€|£)?\b(?P<n>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?)(?:\s*(?P<mult>million|billion|thousand|hundred|m\b|bn\b))?"
                .replace(r"\b", r"(?-u:\b)"),
        )
        .expect("claim pattern compiles")
    })
}

const CASUALTY_VERBS: &[&str] = &[
    "killed",
    "killing",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "displaced",
    "detained",
    "arrested",
];

/// Claims in `text[span]` (one sentence); `times` are the sentence's time
/// expressions, `published` closes a "since" range.
pub fn find_claims(
    text: &str,
    span: Span,
    times: &[Time],
    published: Option<NaiveDate>,
    units: &Units,
) -> Vec<Claim> {
    let part = &text[span.start..span.end];
    let mut out = Vec::new();
    for c in pattern().captures_iter(part) {
        let whole = c.get(0).expect("match");
        let n_str = c.name("n").expect("number").as_str().replace(',', "");
        let Ok(mut quantity) = n_str.parse::<f64>() else {
            continue;
        };
        quantity *= match c.name("mult").map(|m| m.as_str().to_lowercase()).as_deref() {
            Some("million" | "m") => 1e6,
            Some("billion" | "bn") => 1e9,
            Some("thousand") => 1e3,
            Some("hundred") => 1e2,
            _ => 1.0,
        };
        let after = &part[whole.end()..];
        let before = &part[..whole.start()];
        // What is counted: a unit word within the next three words, or
        // a casualty verb just before ("killed at least 12").
        let mut end = whole.end();
        let mut unit = None;
        if c.name("cur").is_some() {
            unit = Some(("dollars".to_string(), "money".to_string()));
        }
        let mut offset = 0;
        for (k, w) in after.split_inclusive(char::is_whitespace).enumerate() {
            let word = w.trim().trim_matches(|ch: char| !ch.is_alphanumeric());
            offset += w.len();
            if k >= 4 || word.is_empty() && k > 0 {
                break;
            }
            if let Some(kind) = units.kind_of(word) {
                unit = Some((word.to_lowercase(), kind.to_string()));
                end = whole.end() + offset - (w.len() - w.trim_end().len());
                end -= w.trim_end().len()
                    - w.trim_end()
                        .trim_end_matches(|ch: char| !ch.is_alphanumeric())
                        .len();
                break;
            }
            if w.contains([',', ';', '.']) {
                break;
            }
        }
        let mut start = whole.start();
        if unit.is_none() {
            let prev: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            if let Some(v) = prev
                .iter()
                .find(|w| CASUALTY_VERBS.contains(&w.to_lowercase().as_str()))
            {
                unit = Some((v.to_lowercase(), "casualties".to_string()));
                start = before.rfind(v).unwrap_or(start);
            }
        }
        let Some((unit, kind)) = unit else { continue };
        // A bare year is a date, not a count.
        if c.name("q").is_none()
            && (1900.0..=2100.0).contains(&quantity)
            && n_str.len() == 4
            && kind != "money"
        {
            let next = after.split_whitespace().next().unwrap_or("");
            if units
                .kind_of(next.trim_matches(|ch: char| !ch.is_alphanumeric()))
                .is_none()
            {
                continue;
            }
        }
        let abs = Span::new(span.start + start, span.start + end);
        let since = times
            .iter()
            .find(|t| t.since && t.span.start >= abs.end && t.from.is_some());
        out.push(Claim {
            span: abs,
            quantity,
            unit,
            kind,
            qualifier: c.name("q").map(|q| q.as_str().to_lowercase()),
            from: since.and_then(|t| t.from),
            to: since.and(published),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Times;

    fn claims(text: &str) -> Vec<Claim> {
        let p = NaiveDate::from_ymd_opt(2024, 1, 25);
        let all = Span::new(0, text.len());
        find_claims(
            text,
            all,
            &Times::builtin().find(text, all, p),
            p,
            &Units::builtin(),
        )
    }

    #[test]
    fn a_count_of_attacks_since_a_month_is_a_claim_with_a_range() {
        let text = "Bases were hit in more than 150 attacks since mid-October, officials said.";
        let c = &claims(text)[0];
        assert_eq!(c.span.slice(text), "more than 150 attacks");
        assert_eq!(
            (c.quantity, c.unit.as_str(), c.kind.as_str()),
            (150.0, "attacks", "attacks")
        );
        assert_eq!(c.qualifier.as_deref(), Some("more than"));
        assert_eq!(c.from, NaiveDate::from_ymd_opt(2023, 10, 11));
        assert_eq!(c.to, NaiveDate::from_ymd_opt(2024, 1, 25));
    }

    #[test]
    fn casualties_money_and_displaced_people() {
        let text =
            "The blast killed at least 12. Some 3,500 Somali refugees fled. Donors pledged $2.5 million.";
        let c = claims(text);
        assert_eq!(c.len(), 3, "{c:#?}");
        assert_eq!((c[0].quantity, c[0].kind.as_str()), (12.0, "casualties"));
        assert_eq!(c[0].span.slice(text), "killed at least 12");
        assert_eq!((c[1].quantity, c[1].kind.as_str()), (3500.0, "displaced"));
        assert_eq!((c[2].quantity, c[2].kind.as_str()), (2_500_000.0, "money"));
    }

    #[test]
    fn a_claim_in_a_sentence_with_curly_quotes_and_a_dash_is_found() {
        let text = "“The blast — the worst in years — killed at least 12,” the governor said.";
        let c = claims(text);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!((c[0].quantity, c[0].kind.as_str()), (12.0, "casualties"));
        assert_eq!(c[0].qualifier.as_deref(), Some("at least"));
    }

    #[test]
    fn years_and_uncounted_numbers_are_not_claims() {
        assert!(claims("In 2023 the talks failed.").is_empty());
        assert!(claims("Resolution 2334 was adopted.").is_empty());
    }

    #[test]
    fn a_bad_unit_line_names_its_file_and_line() {
        let mut u = Units::default();
        let issues = u.add("u.tsv", "attacks\traids\nnonsense\n");
        assert_eq!(issues.len(), 1);
        assert!(issues[0].to_string().starts_with("u.tsv:2:"));
    }
}
