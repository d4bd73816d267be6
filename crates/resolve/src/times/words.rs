//! The vocabulary of time expressions, read from `data/times.tsv` and the
//! user's files in the same format (documented at the top of that file).

use casus_core::resource::{parse_lines, LineIssue};

pub(crate) const BUILTIN: &str = include_str!("../../data/times.tsv");

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "season" => Unit::Season,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" => Unit::Century,
            _ => return None,
        })
    }

    /// A TimeML duration of `n` and a half units ("2 1/2 years" is
    /// `P2Y6M`, "a minute and a half" `PT1M30S`); `None` for a unit whose
    /// half has no exact TimeML form (a month, a week, a season).
    pub fn half_duration(self, n: u32) -> Option<String> {
        Some(match self {
            Unit::Second => return None,
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Year => format!("P{n}Y6M"),
            Unit::Decade => format!("P{}Y", n * 10 + 5),
            Unit::Century => format!("P{}Y", n * 100 + 50),
            _ => return None,
        })
    }

    /// A TimeML duration of `n` units (`None`: an unknown number).
    pub fn duration(self, n: Option<u32>) -> String {
        let (time, letter, scale) = match self {
            Unit::Second => (true, "S", 1),
            Unit::Minute => (true, "M", 1),
            Unit::Hour => (true, "H", 1),
            Unit::Day => (false, "D", 1),
            Unit::Week => (false, "W", 1),
            Unit::Weekend => (false, "WE", 1),
            Unit::Month => (false, "M", 1),
            Unit::Quarter => (false, "Q", 1),
            Unit::Season => (false, "M", 3),
            Unit::Year => (false, "Y", 1),
            Unit::Decade => (false, "Y", 10),
            Unit::Century => (false, "Y", 100),
        };
        let t = if time { "T" } else { "" };
        match n {
            Some(n) => format!("P{t}{}{letter}", n * scale),
            None => format!("P{t}X{letter}"),
        }
    }
}

/// One word list entry: the words, lower case, and what they stand for.
pub type Entry<T> = (String, T);

/// Every list of `data/times.tsv`.
#[derive(Debug, Clone, Default)]
pub struct TimeWords {
    pub units: Vec<Entry<Unit>>,
    /// `None` for a vague number ("several").
    pub numbers: Vec<Entry<Option<u32>>>,
    pub ordinals: Vec<Entry<u32>>,
    pub refs: Vec<Entry<String>>,
    pub sets: Vec<Entry<String>>,
    pub holidays: Vec<Entry<String>>,
    pub seasons: Vec<Entry<String>>,
    pub parts: Vec<Entry<String>>,
    pub future: Vec<Vec<String>>,
    /// Words that point forward only right before an expression ("by
    /// Friday", "until March").
    pub bounds: Vec<Vec<String>>,
    /// Past tenses that do not end in -ed ("became", "fled"), and words
    /// that speak of the past ("ago", "since").
    pub past: Vec<String>,
    pub zones: Vec<String>,
}

fn one_of(value: &str, allowed: &[&str]) -> Result<String, String> {
    if allowed.contains(&value) {
        Ok(value.to_string())
    } else {
        Err(format!("expected one of {}, found `{value}`", allowed.join(", ")))
    }
}

fn holiday(value: &str) -> Result<String, String> {
    let ok = if let Some(rest) = value.strip_prefix("easter") {
        rest.is_empty() || rest[1..].parse::<i64>().is_ok() && rest.starts_with(['+', '-'])
    } else if let Some(rest) = value.strip_prefix("nth:") {
        let p: Vec<&str> = rest.split(':').collect();
        p.len() == 3
            && p[0].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
            && super::value::weekday(p[1]).is_some()
            && p[2].parse::<i32>().is_ok_and(|n| n != 0 && (-5..=5).contains(&n))
    } else {
        chrono::NaiveDate::parse_from_str(&format!("2000-{value}"), "%Y-%m-%d").is_ok()
    };
    if ok {
        Ok(value.to_string())
    } else {
        Err(format!(
            "expected a holiday as MM-DD, easter+N or nth:MM:WEEKDAY:N, found `{value}`"
        ))
    }
}

impl TimeWords {
    pub fn builtin() -> Self {
        let mut w = TimeWords::default();
        let issues = w.add("built-in:times.tsv", BUILTIN);
        debug_assert!(issues.is_empty(), "{issues:?}");
        w
    }

    /// Adds a file's words; bad lines are skipped and returned.
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |l: &str| -> Result<(String, Vec<String>, String), String> {
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            let (kind, words, value) = match cols.as_slice() {
                [k, w] => (*k, *w, ""),
                [k, w, v] => (*k, *w, *v),
                _ => return Err(format!("expected `KIND<TAB>WORDS<TAB>VALUE`, found `{l}`")),
            };
            let words: Vec<String> = words
                .split('|')
                .map(|w| w.trim().to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() {
                return Err(format!("expected words in the second column, found `{l}`"));
            }
            let value = match kind {
                "unit" => Unit::parse(value)
                    .map(|_| value.to_string())
                    .ok_or_else(|| format!("expected a unit (day, week, month, ...), found `{value}`"))?,
                "number" => {
                    if value != "X" && value.parse::<u32>().is_err() {
                        return Err(format!("expected a number or X, found `{value}`"));
                    }
                    value.to_string()
                }
                "ordinal" => one_of(value, &["1", "2", "3", "4"])?,
                "ref" => one_of(value, &["PRESENT_REF", "PAST_REF", "FUTURE_REF"])?,
                "set" => {
                    if !value.starts_with('P') {
                        return Err(format!("expected a TimeML period such as P1D, found `{value}`"));
                    }
                    value.to_string()
                }
                "holiday" => holiday(value)?,
                "season" => one_of(value, &["SP", "SU", "FA", "WI"])?,
                "part" => {
                    let clock = value.len() == 5 && value.as_bytes()[2] == b':';
                    if !clock {
                        one_of(value, &["MO", "AF", "EV", "NI"])?;
                    }
                    value.to_string()
                }
                "future" | "bound" | "past" | "zone" => String::new(),
                _ => {
                    return Err(format!(
                        "expected a kind (unit, number, ordinal, ref, set, holiday, season, part, future, bound, past, zone), found `{kind}`"
                    ))
                }
            };
            Ok((kind.to_string(), words, value))
        };
        parse_lines(path, text, parse, |(kind, words, value)| {
            for w in words {
                match kind.as_str() {
                    "unit" => self.units.push((w, Unit::parse(&value).expect("checked"))),
                    "number" => self.numbers.push((w, value.parse().ok())),
                    "ordinal" => self.ordinals.push((w, value.parse().expect("checked"))),
                    "ref" => self.refs.push((w, value.clone())),
                    "set" => self.sets.push((w, value.clone())),
                    "holiday" => self.holidays.push((w, value.clone())),
                    "season" => self.seasons.push((w, value.clone())),
                    "part" => self.parts.push((w, value.clone())),
                    "future" => self.future.push(w.split(' ').map(str::to_string).collect()),
                    "bound" => self.bounds.push(w.split(' ').map(str::to_string).collect()),
                    "past" => self.past.push(w),
                    _ => self.zones.push(w),
                }
            }
        })
    }
}

/// The value of `word` in `list` (white space and case ignored).
pub fn lookup<'a, T>(list: &'a [Entry<T>], word: &str) -> Option<&'a T> {
    let w = normal(word);
    list.iter().rev().find(|(x, _)| *x == w).map(|(_, v)| v)
}

/// Lower case with single spaces.
pub fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'")
}
