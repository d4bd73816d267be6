//! Which publication date an article gets, and from where.
//!
//! Every source a document offers gives candidates; they are tried in this
//! order and the first that is a readable, sane date wins (the record's
//! `published_from` names its source):
//!
//! 1. `input`: the date the input declares (a JSON Lines `published`, a
//!    feed entry's date);
//! 2. `metadata`: the page's own metadata, best first (see
//!    [`crate::page_dates`]), then the extractor's guess;
//! 3. `url`: a date in the URL's path (`/2019/11/18/`, `/20191118/`,
//!    `2019-11-18`);
//! 4. `http`: the HTTP `Last-Modified` header of a WARC response;
//! 5. `warc`: the WARC record's date (when the page was fetched);
//! 6. `dateline`: a dated dateline (`KYIV, May 31 --`), its year from the
//!    fetch date when it gives none (added by the pipeline);
//! 7. `default`: `--published`.
//!
//! A date before 1900, the Unix epoch (1970-01-01, timestamp 0), or more
//! than a day after the fetch (the WARC date, else the clock), is refused
//! with a warning and the next source is tried; so is a value that is not
//! a date (`0000-00-00`). When two
//! readable sources disagree by more than a day, the record says so.
//! When no source gives a date, `published` is null: nothing is made up.

use crate::dates::normalize;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use regex::Regex;
use std::sync::OnceLock;

/// One date a document offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateCandidate {
    /// `input`, `metadata`, `url`, `http`, `warc`, `dateline` or `default`.
    pub source: &'static str,
    /// Where within the source (`meta article:published_time`), for warnings.
    pub what: String,
    /// As written.
    pub value: String,
}

impl DateCandidate {
    pub fn new(source: &'static str, what: impl Into<String>, value: impl Into<String>) -> Self {
        DateCandidate {
            source,
            what: what.into(),
            value: value.into(),
        }
    }
}

/// The date chosen, with its source, and what was refused on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chosen {
    /// ISO 8601, as [`normalize`] writes it.
    pub published: Option<String>,
    pub from: Option<&'static str>,
    pub warnings: Vec<String>,
}

/// The earliest publication date casus accepts.
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(casus_core::calendar::EARLIEST_YEAR, 1, 1).expect("a valid date")
}

/// The day of an ISO 8601 date or date-time (its first ten characters).
pub fn day_of(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()
}

/// Whether `day` may be a publication date of something fetched on
/// `fetched`: not before 1900, not more than a day after the fetch.
pub fn sane(day: NaiveDate, fetched: NaiveDate) -> Result<(), String> {
    if day < earliest() {
        Err("before 1900".into())
    } else if day == NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date") {
        // Timestamp 0: what software writes for "no date".
        Err("1970-01-01 is the Unix epoch, a placeholder for no date".into())
    } else if day > fetched + Duration::days(1) {
        Err(format!("after the fetch date {fetched}"))
    } else {
        Ok(())
    }
}

/// The fetch day: the WARC date if there is one, else today.
pub fn fetch_day(fetched: Option<&str>) -> NaiveDate {
    fetched
        .and_then(normalize)
        .and_then(|f| day_of(&f))
        .unwrap_or_else(|| Utc::now().date_naive())
}

/// The first sane candidate, in the order given.
pub fn choose(candidates: &[DateCandidate], fetched: NaiveDate) -> Chosen {
    let mut out = Chosen::default();
    let mut chosen: Option<(NaiveDate, &DateCandidate)> = None;
    let mut warned: Vec<&str> = Vec::new();
    for c in candidates {
        let Some(iso) = normalize(&c.value) else {
            // A page's `date` tags hold anything (a bare year, "Monday"):
            // only a value with a day's worth of digits is worth a warning.
            let digits = c.value.chars().filter(char::is_ascii_digit).count();
            if c.source == "input" || digits >= 6 {
                out.warnings.push(format!(
                    "publication date `{}` ({} {}) is not a date casus reads; left out",
                    c.value, c.source, c.what
                ));
            }
            continue;
        };
        let Some(day) = day_of(&iso) else { continue };
        if let Err(why) = sane(day, fetched) {
            out.warnings.push(format!(
                "publication date `{}` ({} {}) refused: {why}",
                c.value, c.source, c.what
            ));
            continue;
        }
        match chosen {
            None => {
                chosen = Some((day, c));
                out.published = Some(iso);
                out.from = Some(c.source);
            }
            // A fetch or modification date is later than publication by
            // nature; only the sources that state a publication date are
            // compared, each once.
            Some((first, by))
                if (day - first).num_days().abs() > 1
                    && c.source != by.source
                    && !matches!(c.source, "http" | "warc" | "default")
                    && !warned.contains(&c.source) =>
            {
                warned.push(c.source);
                out.warnings.push(format!(
                    "publication dates disagree: {} ({}) says {first}, {} ({}) says {day}; the {} date is kept",
                    by.source, by.what, c.source, c.what, by.source
                ));
            }
            Some(_) => {}
        }
    }
    out
}

/// A date written in a URL's path: `/2019/11/18/`, `/2019-11-18/`,
/// `/20191118/` (the host is not looked at).
pub fn url_date(url: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"[/_-]((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])([/_-]?)(0[1-9]|[12]\d|3[01])(?:[/_.\-]|$)")
            .expect("url date pattern compiles")
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    re.captures_iter(path)
        .find(|c| c[2] == c[4]) // the same separator twice (or none)
        .and_then(|c| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?))
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// The date of a dateline (`KYIV, May 31 (Wire)`, `ROME, Jan. 5, 2024`):
/// with its year when it gives one, else the last such day on or before
/// the day after `fetched`.
pub fn dateline_date(dateline: &str, fetched: NaiveDate) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:,\s+(\d{4}))?\b")
            .expect("dateline date pattern compiles")
    });
    let c = re.captures(dateline)?;
    let month = crate::dates::month_number(&c[1])?;
    let d: u32 = c[2].parse().ok()?;
    let latest = fetched + Duration::days(1);
    let date = match c.get(3) {
        Some(y) => NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month, d)?,
        None => {
            let this = NaiveDate::from_ymd_opt(latest.year(), month, d);
            match this.filter(|t| *t <= latest) {
                Some(t) => t,
                None => NaiveDate::from_ymd_opt(latest.year() - 1, month, d)?,
            }
        }
    };
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests;
