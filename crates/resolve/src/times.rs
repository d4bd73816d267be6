//! Time expressions, found and normalised in TimeML's conventions.
//!
//! Each expression has a TimeML type (DATE, TIME, DURATION, SET) and value:
//! `2024-01-24` (day), `2024-W03` (week), `2024-W03-WE` (weekend),
//! `2023-10` (month), `2023-Q3` (quarter), `2023-SU` (season), `2023`
//! (year), `199X` (decade), `2024-01-24TAF` / `2024-01-24T15:00` (times),
//! `P5Y` / `PT48H` (durations), `P1W` / `XXXX-WXX-1` (sets: "weekly",
//! "every Monday"), and `PRESENT_REF` / `PAST_REF` / `FUTURE_REF` ("now",
//! "recently", "the future"). Spans follow TimeML: "Friday", not "on
//! Friday".
//!
//! Relative expressions resolve against the publication date. News
//! reports the past, so "on Wednesday" is the last Wednesday, unless the
//! words around it point forward ("will", "next", "due", "scheduled"; the
//! `future` list of `data/times.tsv`): then it is the next one. "Two days
//! later" and "the following week" count from the last day the document
//! named; "a year ago" in a quarterly report is the quarter a year before
//! the one it reports.
//!
//! The vocabulary (units, numbers, references, sets, holidays, seasons,
//! parts of the day, forward words, time zones) is data: `data/times.tsv`,
//! extended by the user's files in the same format ([`Times::add`]). The
//! grammar over it is one regular expression (`grammar.rs`): the date
//! crates parse whole strings, not expressions inside text, and none knows
//! about news' past bias.

mod direction;
mod grammar;
mod resolve;
mod value;
mod words;

pub use words::{TimeWords, Unit};

use casus_core::resource::LineIssue;
use casus_core::Span;
use chrono::NaiveDate;
use regex::Regex;
use resolve::{Ctx, Miss};

/// TimeML's four types of time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "DATE",
            TimeKind::Time => "TIME",
            TimeKind::Duration => "DURATION",
            TimeKind::Set => "SET",
        }
    }
}

/// One time expression (byte span).
#[derive(Debug, Clone, PartialEq)]
pub struct Time {
    pub span: Span,
    /// The TimeML value; `None` for an expression relative to a
    /// publication date the article does not have ("on Wednesday" in an
    /// undated article): the words are kept, no day is made up.
    pub value: Option<String>,
    pub kind: TimeKind,
    /// day, week, month, quarter, season, year, decade, century, time,
    /// duration, set or ref.
    pub precision: &'static str,
    /// The first day the expression covers (none for durations, sets and
    /// references).
    pub from: Option<NaiveDate>,
    /// "since mid-October": a range from this expression to publication.
    pub since: bool,
}

impl Time {
    /// A point or period in time an event can be dated by (not a
    /// duration, a set, a vague reference or a "since" range).
    pub fn dates_an_event(&self) -> bool {
        matches!(self.kind, TimeKind::Date | TimeKind::Time) && self.from.is_some() && !self.since
    }
}

/// The time-expression finder: the word lists and the grammar built on them.
#[derive(Debug, Clone)]
pub struct Times {
    words: TimeWords,
    pattern: Regex,
}

impl Default for Times {
    fn default() -> Self {
        Times::builtin()
    }
}

impl Times {
    /// The words shipped in `data/times.tsv`.
    pub fn builtin() -> Self {
        Times::new(TimeWords::builtin())
    }

    pub fn new(words: TimeWords) -> Self {
        let pattern = grammar::build(&words);
        Times { words, pattern }
    }

    /// Adds a user's word file (the format of `data/times.tsv`); bad lines
    /// are skipped and returned.
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let issues = self.words.add(path, text);
        self.pattern = grammar::build(&self.words);
        issues
    }

    /// Time expressions in one sentence, `text[span]`.
    pub fn find(&self, text: &str, span: Span, published: Option<NaiveDate>) -> Vec<Time> {
        self.find_all(text, &[span], published).pop().unwrap_or_default()
    }

    /// Time expressions sentence by sentence, each resolved with what the
    /// sentences before it named (the last day, the last quarter).
    pub fn find_all(&self, text: &str, sentences: &[Span], published: Option<NaiveDate>) -> Vec<Vec<Time>> {
        let mut last_day = None;
        let mut quarter = None;
        let mut last_year = None;
        sentences
            .iter()
            .map(|s| {
                let part = &text[s.start..s.end];
                let mut out = Vec::new();
                for c in self.pattern.captures_iter(part) {
                    let matched = c.get(0).expect("match");
                    let end = span_end(&c, part);
                    // TimeML leaves "since", "on" and the like out of the span,
                    // and the "twice" of "twice a year".
                    let start = match (c.name("set_a"), c.name("pre")) {
                        (Some(m), _) => m.start(),
                        (None, Some(m)) => m.end(),
                        (None, None) => matched.start(),
                    };
                    let start = end - part[start..end].trim_start().len();
                    let before = &part[..start];
                    let after = &part[end..];
                    // An age ("a 6-year-old boy", "52 years old") is not
                    // a time in TimeML's sense, nor a date for an event.
                    let rest = after.trim_start_matches(['-', ' ']);
                    if (rest.starts_with("old") || rest.starts_with("Old"))
                        && !rest[3..].starts_with(|c: char| c.is_alphanumeric())
                    {
                        continue;
                    }
                    let ctx = Ctx {
                        words: &self.words,
                        published,
                        direction: direction::of(&self.words, before, after),
                        last_day,
                        quarter,
                        last_year,
                        before,
                        after,
                    };
                    let (value, kind, precision, from, anchors) = match resolve::resolve(&c, &ctx) {
                        Ok(v) => (Some(v.value), v.kind, v.precision, v.from, v.anchors),
                        Err(Miss::Undated(kind, precision)) => (None, kind, precision, None, false),
                        Err(Miss::Skip) => continue,
                    };
                    let t = Time {
                        span: Span::new(s.start + start, s.start + end),
                        since: c
                            .name("pre")
                            .is_some_and(|p| p.as_str().eq_ignore_ascii_case("since")),
                        value,
                        kind,
                        precision,
                        from,
                    };
                    if anchors {
                        if let (Some(d), TimeKind::Date | TimeKind::Time) = (t.from, t.kind) {
                            last_year = Some(chrono::Datelike::year(&d));
                        }
                        match t.precision {
                            "day" | "time" => last_day = t.from,
                            "quarter" => {
                                quarter = t.from.map(value::quarter_of);
                            }
                            _ => {}
                        }
                    }
                    out.push(t);
                }
                out
            })
            .collect()
    }
}

/// Where an expression's span ends: where its match ends, but for a
/// branch that reads the character after its words ("for the year") and
/// a duration before a preposition ("13 days after the bombing", "30
/// days before closing"), which TimeML tags without the preposition.
fn span_end(c: &regex::Captures<'_>, part: &str) -> usize {
    let matched = c.get(0).expect("match");
    if let Some(m) = c.name("ty") {
        return m.end();
    }
    if let Some(rel) = c.name("dur_rel") {
        let word = rel.as_str().to_lowercase();
        let next = part[matched.end()..].strip_prefix(' ');
        if matches!(word.as_str(), "after" | "before")
            && next.is_some_and(|n| n.starts_with(char::is_alphanumeric))
        {
            return matched.start() + part[matched.start()..rel.start()].trim_end().len();
        }
    }
    matched.end()
}

#[cfg(test)]
mod tests;
