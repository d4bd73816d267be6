//! Calendar arithmetic for TimeML values: days, weeks, months, quarters,
//! seasons, holidays, and shifts of a number of units.

use super::words::Unit;
use super::TimeKind;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// A resolved expression: TimeML value and type, precision, first day.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub value: String,
    pub kind: TimeKind,
    pub precision: &'static str,
    pub from: Option<NaiveDate>,
    /// Later expressions may count from this one ("a year earlier" after
    /// "the third quarter"); not so a value itself counted from another.
    pub anchors: bool,
}

impl Value {
    pub fn new(value: String, kind: TimeKind, precision: &'static str, from: Option<NaiveDate>) -> Self {
        Value {
            value,
            kind,
            precision,
            from,
            anchors: true,
        }
    }

    /// The same value, one that later expressions do not count from.
    pub fn derived(mut self) -> Self {
        self.anchors = false;
        self
    }
}

pub fn weekday(s: &str) -> Option<Weekday> {
    let s = s.to_lowercase();
    let s = s.trim_end_matches('.');
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|w| s.starts_with(w))
        .and_then(|i| Weekday::try_from(i as u8).ok())
}

pub fn day(d: NaiveDate) -> Value {
    Value::new(d.format("%Y-%m-%d").to_string(), TimeKind::Date, "day", Some(d))
}

pub fn week(d: NaiveDate) -> Value {
    let w = d.iso_week();
    let monday = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    Value::new(
        format!("{}-W{:02}", w.year(), w.week()),
        TimeKind::Date,
        "week",
        Some(monday),
    )
}

pub fn weekend(d: NaiveDate) -> Value {
    let mut v = week(d);
    v.value.push_str("-WE");
    v.from = v.from.map(|m| m + Duration::days(5));
    v
}

pub fn month(y: i32, m: u32) -> Value {
    Value::new(
        format!("{y:04}-{m:02}"),
        TimeKind::Date,
        "month",
        NaiveDate::from_ymd_opt(y, m, 1),
    )
}

pub fn year(y: i32) -> Value {
    Value::new(
        format!("{y:04}"),
        TimeKind::Date,
        "year",
        NaiveDate::from_ymd_opt(y, 1, 1),
    )
}

pub fn quarter(y: i32, q: u32) -> Value {
    Value::new(
        format!("{y:04}-Q{q}"),
        TimeKind::Date,
        "quarter",
        NaiveDate::from_ymd_opt(y, 3 * (q - 1) + 1, 1),
    )
}

pub fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), (d.month() - 1) / 3 + 1)
}

/// The quarter `n` quarters after (y, q) (`n` may be negative).
pub fn add_quarters((y, q): (i32, u32), n: i32) -> (i32, u32) {
    let i = y * 4 + q as i32 - 1 + n;
    (i.div_euclid(4), i.rem_euclid(4) as u32 + 1)
}

/// The first month of a season (`SP`, `SU`, `FA`, `WI`).
fn season_month(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

pub fn season(y: i32, s: &str) -> Value {
    Value::new(
        format!("{y:04}-{s}"),
        TimeKind::Date,
        "season",
        NaiveDate::from_ymd_opt(y, season_month(s), 1),
    )
}

/// The season `s` of the year that a reference on `d` means: "last fall"
/// (`step` -1) is the last one that began before `d`'s season, "this
/// summer" (0) the one of `d`'s year, "next spring" (1) the next to begin.
pub fn season_year(d: NaiveDate, s: &str, step: i32) -> i32 {
    let start = |y: i32| NaiveDate::from_ymd_opt(y, season_month(s), 1).unwrap_or(d);
    match step {
        0 => d.year(),
        s if s < 0 => {
            // The last such season that has ended or is under way.
            if start(d.year()) <= d - Duration::days(90) {
                d.year()
            } else {
                d.year() - 1
            }
        }
        _ => {
            if start(d.year()) > d {
                d.year()
            } else {
                d.year() + 1
            }
        }
    }
}

/// A time of day on `d`: a part (`MO`) or a clock time (`14:30`).
pub fn time_of(d: NaiveDate, t: &str) -> Value {
    Value::new(
        format!("{}T{t}", d.format("%Y-%m-%d")),
        TimeKind::Time,
        "time",
        Some(d),
    )
}

/// The last `wd` on or before `d`.
pub fn last_weekday(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    d - Duration::days(back)
}

/// The first `wd` on or after `d`.
pub fn next_weekday(d: NaiveDate, wd: Weekday) -> NaiveDate {
    let ahead = (7 + wd.num_days_from_monday() as i64 - d.weekday().num_days_from_monday() as i64) % 7;
    d + Duration::days(ahead)
}

/// Where a sentence points in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Back,
    Forward,
    /// No tense or cue word says: the nearest such date.
    Either,
}

/// The year of month `m` and day `day` as seen from `d`: the last such
/// date on or before `d` (back), the first on or after it (forward), or
/// the nearest of the two.
pub fn year_of(d: NaiveDate, m: u32, day: u32, dir: Direction) -> i32 {
    nearest_year(d, m, day, dir, None)
}

/// The year of month `m` as seen from `d`: the month of `d` itself is this
/// year's whichever way the sentence points ("the contract expires at the
/// end of November" in an article of Nov. 2 is this November), another
/// month as [`year_of`] finds it.
pub fn year_of_month(d: NaiveDate, m: u32, dir: Direction) -> i32 {
    if m == d.month() {
        d.year()
    } else {
        year_of(d, m, 1, dir)
    }
}

/// How many times farther a day against the sentence's direction may be
/// and still win: a tense says which way a named day lies, but not by
/// a year ("the offer was extended to Nov. 20" in an article of Nov. 2
/// is this Nov. 20; "by Jan. 14" on Jan. 15 is yesterday's deadline).
pub const AGAINST_TENSE: i64 = 6;

/// The year of a named day (month and day): the nearest, a day against
/// the direction counting `AGAINST_TENSE` times its distance.
pub fn year_of_day(d: NaiveDate, m: u32, day: u32, dir: Direction) -> i32 {
    nearest_year(d, m, day, dir, Some(AGAINST_TENSE))
}

/// How many times farther a date ahead counts than one behind when
/// nothing says which way it lies.
pub const EITHER_AHEAD: i64 = 2;

fn nearest_year(d: NaiveDate, m: u32, day: u32, dir: Direction, against: Option<i64>) -> i32 {
    let at = |y: i32| NaiveDate::from_ymd_opt(y, m, day.min(28)).map(|x| (x - d).num_days());
    let candidates = [d.year() - 1, d.year(), d.year() + 1];
    let wrong_way = |gap: i64| match dir {
        Direction::Back => gap > 0,
        Direction::Forward => gap < 0,
        Direction::Either => false,
    };
    let best = candidates
        .iter()
        .filter_map(|&y| at(y).map(|gap| (y, gap)))
        .filter_map(|(y, gap)| match (wrong_way(gap), against) {
            // News reports the past: with no tense or cue, a date ahead
            // wins only when it is much nearer than the one behind.
            (false, _) if dir == Direction::Either && gap > 0 => Some((y, gap * EITHER_AHEAD)),
            (false, _) => Some((y, gap.abs())),
            (true, Some(k)) => Some((y, gap.abs() * k)),
            (true, None) => None,
        })
        .min_by_key(|&(_, cost)| cost);
    best.map_or(d.year(), |(y, _)| y)
}

/// Western Easter Sunday (the anonymous Gregorian computus).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// A holiday's date in year `y` from its `data/times.tsv` value.
pub fn holiday(y: i32, spec: &str) -> Option<NaiveDate> {
    if let Some(rest) = spec.strip_prefix("easter") {
        let shift: i64 = if rest.is_empty() { 0 } else { rest.parse().ok()? };
        return easter(y).map(|e| e + Duration::days(shift));
    }
    if let Some(rest) = spec.strip_prefix("nth:") {
        let p: Vec<&str> = rest.split(':').collect();
        let (m, wd, n) = (
            p.first()?.parse().ok()?,
            weekday(p.get(1)?)?,
            p.get(2)?.parse::<i64>().ok()?,
        );
        return if n > 0 {
            let first = next_weekday(NaiveDate::from_ymd_opt(y, m, 1)?, wd);
            Some(first + Duration::days(7 * (n - 1))).filter(|d| d.month() == m)
        } else {
            let last =
                NaiveDate::from_ymd_opt(y, m, 1)?.checked_add_months(Months::new(1))? - Duration::days(1);
            Some(last_weekday(last, wd) + Duration::days(7 * (n + 1))).filter(|d| d.month() == m)
        };
    }
    NaiveDate::parse_from_str(&format!("{y:04}-{spec}"), "%Y-%m-%d").ok()
}

/// `anchor` moved by `n` units (negative: back), at the unit's precision.
pub fn shift(anchor: NaiveDate, n: i64, unit: Unit) -> Option<Value> {
    let months = |k: i64| {
        if k >= 0 {
            anchor.checked_add_months(Months::new(k as u32))
        } else {
            anchor.checked_sub_months(Months::new((-k) as u32))
        }
    };
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => day(anchor),
        Unit::Day => day(anchor + Duration::days(n)),
        Unit::Week | Unit::Weekend => week(anchor + Duration::days(7 * n)),
        Unit::Month => {
            let d = months(n)?;
            month(d.year(), d.month())
        }
        Unit::Quarter => {
            let (y, q) = add_quarters(quarter_of(anchor), n as i32);
            quarter(y, q)
        }
        Unit::Season => {
            let d = months(3 * n)?;
            month(d.year(), d.month())
        }
        Unit::Year => year(anchor.year() + n as i32),
        Unit::Decade => year(anchor.year() + 10 * n as i32),
        Unit::Century => year(anchor.year() + 100 * n as i32),
    })
}
