//! Time expressions, found and normalised against the publication date.
//!
//! News reports the past: a bare weekday ("on Wednesday") is the last such
//! day on or before publication, a bare month the last such month. Values
//! are ISO 8601 with a precision: `2024-01-24` (day), `2024-W03` (week),
//! `2023-10` (month), `2023` (year), `P2W` (duration). "mid-October" is the
//! month with a part (`early`, `mid`, `late`), and its `from` day (the 1st,
//! 11th or 21st) for ranges such as "since mid-October".
//!
//! Written by hand over one regular expression: the date crates parse
//! whole strings, not expressions inside text, and none is past-biased.

use casus_core::calendar::month_number;
use casus_core::Span;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;

/// One time expression (byte span).
#[derive(Debug, Clone, PartialEq)]
pub struct Time {
    pub span: Span,
    /// ISO 8601 value, as precise as the words; `None` for an expression
    /// relative to a publication date the article does not have ("on
    /// Wednesday" in an undated article): the words are kept, no day is
    /// made up.
    pub value: Option<String>,
    /// day, week, month, year or duration.
    pub precision: &'static str,
    /// The first day the expression covers (none for durations).
    pub from: Option<NaiveDate>,
    /// "since mid-October": a range from this expression to publication.
    pub since: bool,
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn number_word(s: &str) -> Option<i64> {
    let s = s.to_lowercase();
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ]
    .iter()
    .position(|w| *w == s)
    .map(|i| i.max(1) as i64)
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
        let weekday = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
        let number = r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
        let unit = r"(?:day|week|month|year)s?";
        let src = format!(
            r"(?i)\b(?x)
            (?:(?P<pre>since|from|in|by|during|until|on)\s+)?
            (?:
              (?P<iso>\d{{4}}-\d{{2}}-\d{{2}})
            | (?P<md_m>{month})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_y>\d{{4}}))?
            | (?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{month})(?:,?\s+(?P<dm_y>\d{{4}}))?
            | (?P<part>early|mid|late)[-\s](?P<pm>{month})(?:\s+(?P<py>\d{{4}}))?
            | (?P<my_m>{month})\s+(?P<my_y>\d{{4}})
            | (?:(?P<wd_last>last)\s+)?(?:(?:early|late)\s+)?(?P<wd>{weekday})(?:\s+(?:morning|afternoon|evening|night))?
            | (?P<rel>today|yesterday|tomorrow|tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening|early\s+morning|overnight|earlier\s+this\s+week|this\s+week|last\s+week|next\s+week|this\s+month|last\s+month|next\s+month|this\s+year|last\s+year|next\s+year)
            | (?P<ago_n>{number})\s+(?P<ago_u>{unit})\s+ago
            | (?:for|over|within)\s+(?:the\s+(?:past|last)\s+)?(?P<dur_n>{number})\s+(?P<dur_u>{unit})
            | (?:in|since|by|during|until)\s+(?P<year>(?:19|20)\d{{2}})
            | (?:in|since|by|during|until|last|this|early|late)\s+(?P<bm>{month})
            )\b"
        );
        Regex::new(&src).expect("time pattern compiles")
    })
}

/// The last `day` on or before `d`.
fn last_weekday(d: NaiveDate, day: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() as i64 - day.num_days_from_monday() as i64) % 7;
    d - Duration::days(back)
}

/// The last `month` (1–12) on or before the publication month.
fn last_month(published: NaiveDate, month: u32) -> i32 {
    if month <= published.month() {
        published.year()
    } else {
        published.year() - 1
    }
}

fn day(d: NaiveDate) -> (String, &'static str, Option<NaiveDate>) {
    (d.format("%Y-%m-%d").to_string(), "day", Some(d))
}

fn month_value(y: i32, m: u32) -> (String, &'static str, Option<NaiveDate>) {
    (
        format!("{y:04}-{m:02}"),
        "month",
        NaiveDate::from_ymd_opt(y, m, 1),
    )
}

fn week(d: NaiveDate) -> (String, &'static str, Option<NaiveDate>) {
    let w = d.iso_week();
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    (format!("{}-W{:02}", w.year(), w.week()), "week", Some(monday))
}

/// The precision of an expression that needs a publication date to be
/// resolved ("on Wednesday", "last month", "May 3"), or `None` for one
/// that stands alone.
fn relative_precision(c: &regex::Captures<'_>) -> Option<&'static str> {
    let has = |n: &str| c.name(n).is_some();
    let unit = |n: &str| {
        let u = c.name(n).map_or(String::new(), |m| m.as_str().to_lowercase());
        if u.contains("week") {
            "week"
        } else if u.contains("month") {
            "month"
        } else if u.contains("year") {
            "year"
        } else {
            "day"
        }
    };
    if (has("md_m") && !has("md_y")) || (has("dm_m") && !has("dm_y")) || has("wd") {
        Some("day")
    } else if (has("part") && !has("py")) || has("bm") {
        Some("month")
    } else if has("rel") {
        Some(unit("rel"))
    } else if has("ago_u") {
        Some(unit("ago_u"))
    } else {
        None
    }
}

/// Time expressions in `text[span]`, resolved against `published`.
pub fn find_times(text: &str, span: Span, published: Option<NaiveDate>) -> Vec<Time> {
    let part = &text[span.start..span.end];
    let mut out = Vec::new();
    for c in pattern().captures_iter(part) {
        let whole = c.get(0).expect("match");
        let get = |n: &str| c.name(n).map(|m| m.as_str());
        let year = |n: &str| get(n).and_then(|y| y.parse::<i32>().ok());
        let resolve = || -> Option<(String, &'static str, Option<NaiveDate>)> {
            if let Some(iso) = get("iso") {
                NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok().map(day)
            } else if let (Some(m), Some(d)) = (get("md_m").or(get("dm_m")), get("md_d").or(get("dm_d"))) {
                let m = month_number(m);
                let d: Option<u32> = d.parse().ok();
                let y = year("md_y")
                    .or(year("dm_y"))
                    .or_else(|| Some(last_month(published?, m?)));
                NaiveDate::from_ymd_opt(y?, m?, d?).map(day)
            } else if let (Some(part_word), Some(m)) = (get("part"), get("pm").and_then(month_number)) {
                let y = year("py").or_else(|| Some(last_month(published?, m)));
                y.and_then(|y| {
                    let first = match part_word.to_lowercase().as_str() {
                        "early" => 1,
                        "mid" => 11,
                        _ => 21,
                    };
                    NaiveDate::from_ymd_opt(y, m, first).map(|f| (format!("{y:04}-{m:02}"), "month", Some(f)))
                })
            } else if let (Some(m), Some(y)) = (get("my_m").and_then(month_number), year("my_y")) {
                Some(month_value(y, m))
            } else if let Some(wd) = get("wd") {
                let i = WEEKDAYS
                    .iter()
                    .position(|w| w.eq_ignore_ascii_case(wd))
                    .unwrap_or(0);
                let target = Weekday::try_from(i as u8).unwrap_or(Weekday::Mon);
                published.map(|p| {
                    let d = last_weekday(p, target);
                    // "last Wednesday" on a Wednesday is a week ago.
                    day(if get("wd_last").is_some() && d == p {
                        d - Duration::days(7)
                    } else {
                        d
                    })
                })
            } else if let Some(rel) = get("rel") {
                let rel = rel
                    .to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                published.map(|p| match rel.as_str() {
                    "yesterday" | "last night" => day(p - Duration::days(1)),
                    "tomorrow" => day(p + Duration::days(1)),
                    "last week" => week(p - Duration::days(7)),
                    "next week" => week(p + Duration::days(7)),
                    "this week" | "earlier this week" => week(p),
                    "this month" => month_value(p.year(), p.month()),
                    "last month" => {
                        let d = p.with_day(1).unwrap_or(p) - Duration::days(1);
                        month_value(d.year(), d.month())
                    }
                    "next month" => {
                        let d = p.with_day(28).unwrap_or(p) + Duration::days(7);
                        month_value(d.year(), d.month())
                    }
                    "this year" => (
                        p.year().to_string(),
                        "year",
                        NaiveDate::from_ymd_opt(p.year(), 1, 1),
                    ),
                    "last year" => (
                        (p.year() - 1).to_string(),
                        "year",
                        NaiveDate::from_ymd_opt(p.year() - 1, 1, 1),
                    ),
                    "next year" => (
                        (p.year() + 1).to_string(),
                        "year",
                        NaiveDate::from_ymd_opt(p.year() + 1, 1, 1),
                    ),
                    _ => day(p),
                })
            } else if let (Some(n), Some(u)) = (get("ago_n").and_then(number_word), get("ago_u")) {
                published.and_then(|p| {
                    let u = u.to_lowercase();
                    let days = if u.starts_with("day") {
                        n
                    } else if u.starts_with("week") {
                        7 * n
                    } else if u.starts_with("month") {
                        return NaiveDate::from_ymd_opt(p.year(), p.month(), 1)
                            .and_then(|_| p.checked_sub_months(chrono::Months::new(n as u32)))
                            .map(|d| month_value(d.year(), d.month()));
                    } else {
                        return Some((
                            (p.year() - n as i32).to_string(),
                            "year",
                            NaiveDate::from_ymd_opt(p.year() - n as i32, 1, 1),
                        ));
                    };
                    Some(day(p - Duration::days(days)))
                })
            } else if let (Some(n), Some(u)) = (get("dur_n").and_then(number_word), get("dur_u")) {
                let unit = u.to_uppercase().chars().next().unwrap_or('D');
                Some((format!("P{n}{unit}"), "duration", None))
            } else if let Some(y) = year("year") {
                Some((y.to_string(), "year", NaiveDate::from_ymd_opt(y, 1, 1)))
            } else if let Some(m) = get("bm").and_then(month_number) {
                published.map(|p| month_value(last_month(p, m), m))
            } else {
                None
            }
        };
        let (value, precision, from) = match resolve() {
            Some((v, p, f)) => (Some(v), p, f),
            None if published.is_none() => match relative_precision(&c) {
                Some(p) => (None, p, None),
                None => continue,
            },
            None => continue,
        };
        // The span leaves out "since", "in" and the like (TimeML's
        // convention: "Friday", not "on Friday").
        let lead = [
            "since ", "from ", "in ", "by ", "during ", "until ", "for ", "over ", "within ", "on ",
        ]
        .iter()
        .find(|w| whole.as_str().to_lowercase().starts_with(*w))
        .map_or(0, |w| w.len());
        let start = span.start + whole.start() + lead;
        out.push(Time {
            span: Span::new(start, span.start + whole.end()),
            value,
            precision,
            from,
            since: whole.as_str().to_lowercase().starts_with("since"),
        });
    }
    out
}

#[cfg(test)]
mod tests;
