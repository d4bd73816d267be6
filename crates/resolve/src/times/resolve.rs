//! From a matched expression to its TimeML value, given the publication
//! date, the direction the sentence points in and what the document has
//! said before (the last day named, the last quarter named).

use super::value::{self, add_quarters, quarter_of, shift, time_of, Direction, Value};
use super::words::{lookup, normal, TimeWords, Unit};
use super::TimeKind;
use casus_core::calendar::month_number;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Captures;

/// What the document says around one expression.
pub struct Ctx<'a> {
    pub words: &'a TimeWords,
    pub published: Option<NaiveDate>,
    /// Where the words around point: forward ("will", "next", "due"),
    /// back (a past verb), or nowhere in particular.
    pub direction: Direction,
    /// The last day the document named: "two days later" counts from it.
    pub last_day: Option<NaiveDate>,
    /// The last quarter the document named: "a year ago" in a quarterly
    /// report is that quarter a year before.
    pub quarter: Option<(i32, u32)>,
    /// The year of the last date the document named: "later that year".
    pub last_year: Option<i32>,
    /// The words before and after the match in its sentence.
    pub before: &'a str,
    pub after: &'a str,
}

impl Ctx<'_> {
    fn forward(&self) -> bool {
        self.direction == Direction::Forward
    }
}

/// Why an expression gets no value.
pub enum Miss {
    /// It needs a publication date the article does not have.
    Undated(TimeKind, &'static str),
    /// It is not a time expression after all ("a quarter of", "2000 people").
    Skip,
}

fn number(words: &TimeWords, s: &str) -> Option<Option<u32>> {
    let s = normal(s);
    if let Ok(n) = s.parse::<u32>() {
        return Some(Some(n));
    }
    if s.contains('.') {
        return Some(None);
    }
    if let Some(v) = lookup(&words.numbers, &s) {
        return Some(*v);
    }
    // "twenty-four": tens and ones.
    let (t, o) = s.split_once(['-', ' '])?;
    Some(Some(
        (*lookup(&words.numbers, t)?)? + (*lookup(&words.numbers, o.trim())?)?,
    ))
}

fn unit(words: &TimeWords, s: &str) -> Option<Unit> {
    lookup(&words.units, s).copied()
}

/// The day a weekday means from `p`, by its modifier and direction.
fn weekday_date(p: NaiveDate, wd: Weekday, modifier: &str, forward: bool) -> NaiveDate {
    match modifier {
        "the previous" => value::last_weekday(p - Duration::days(1), wd),
        "the following" => value::next_weekday(p + Duration::days(1), wd),
        "last" | "this past" | "past" => value::last_weekday(p - Duration::days(1), wd),
        "next" | "coming" | "this coming" => value::next_weekday(p + Duration::days(1), wd),
        "this" => value::next_weekday(p, wd),
        _ if forward => value::next_weekday(p, wd),
        _ => value::last_weekday(p, wd),
    }
}

/// The words before a day end with what makes it a deadline or the end
/// of a span: "to", "until", "by", "through", "around".
fn ends_a_span(before: &str) -> bool {
    let last = before.split_whitespace().last().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "to" | "until" | "till" | "by" | "through" | "around"
    )
}

/// The year of a month and day written without one, seen from `p`:
/// "last Dec. 1" is never tomorrow, and what "was held on Dec. 15" is
/// past; a deadline ("by Jan. 14") or the end of a span ("extended to
/// Nov. 20") only leans the tense's way.
fn year_of_month_day(x: &Ctx<'_>, p: NaiveDate, m: u32, d: u32, modifier: Option<&str>) -> i32 {
    let direction = match modifier {
        Some("last") => Direction::Back,
        Some("next") => Direction::Forward,
        _ => x.direction,
    };
    if modifier.is_some() || !(x.forward() || ends_a_span(x.before)) {
        value::year_of(p, m, d, direction)
    } else {
        value::year_of_day(p, m, d, direction)
    }
}

/// -1, 0 or 1: which unit a determiner picks ("last", "this", "next").
fn step(det: &str) -> i64 {
    match det {
        "this" | "the current" => 0,
        "next" | "coming" | "the coming" | "this coming" | "the following" | "the next" => 1,
        _ => -1,
    }
}

pub fn resolve(c: &Captures<'_>, x: &Ctx<'_>) -> Result<Value, Miss> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    let gl = |n: &str| g(n).map(normal);
    let year_in = |n: &str| g(n).and_then(|y| year_of(x.words, y));
    let need = |kind, precision| x.published.ok_or(Miss::Undated(kind, precision));
    let date = || need(TimeKind::Date, "day");
    let pre = gl("pre").unwrap_or_default();
    if let Some(iso) = g("iso") {
        return NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .map(value::day)
            .map_err(|_| Miss::Skip);
    }
    if g("clock").is_some() {
        let (h, m) = if let Some(hh) = g("hh") {
            let h: u32 = hh.parse().map_err(|_| Miss::Skip)?;
            let m: u32 = g("mm").map_or(Ok(0), str::parse).map_err(|_| Miss::Skip)?;
            let pm = g("ampm").is_some_and(|a| a.to_lowercase().starts_with('p'));
            if !(1..=12).contains(&h) {
                return Err(Miss::Skip);
            }
            (h % 12 + if pm { 12 } else { 0 }, m)
        } else if let (Some(hh), Some(mm)) = (g("hh2"), g("mm2")) {
            (
                hh.parse().map_err(|_| Miss::Skip)?,
                mm.parse().map_err(|_| Miss::Skip)?,
            )
        } else {
            let v = lookup(&x.words.parts, g("cpart").unwrap_or("")).ok_or(Miss::Skip)?;
            (v[..2].parse().unwrap_or(12), v[3..].parse().unwrap_or(0))
        };
        if h > 24 || m > 59 {
            return Err(Miss::Skip);
        }
        let p = need(TimeKind::Time, "time")?;
        // "5 p.m. EST Nov. 9": the day named, in the year the tense gives.
        if let (Some(month), Some(d)) = (g("cmd_m").and_then(month_number), g("cmd_d")) {
            let d: u32 = d.parse().map_err(|_| Miss::Skip)?;
            let y = year_of_month_day(x, p, month, d, None);
            let day = NaiveDate::from_ymd_opt(y, month, d).ok_or(Miss::Skip)?;
            return Ok(time_of(day, &format!("{h:02}:{m:02}")));
        }
        let d = match gl("cwd").as_deref() {
            Some("yesterday") => p - Duration::days(1),
            Some("tomorrow") => p + Duration::days(1),
            Some(w) => match value::weekday(w) {
                Some(wd) => weekday_date(p, wd, "", x.forward()),
                None => p,
            },
            None => p,
        };
        return Ok(time_of(d, &format!("{h:02}:{m:02}")));
    }
    if let (Some(m), Some(d)) = (g("md_m").or(g("dm_m")), g("md_d").or(g("dm_d"))) {
        let m = month_number(m).ok_or(Miss::Skip)?;
        let d: u32 = d.parse().map_err(|_| Miss::Skip)?;
        let y = match year_in("md_y").or(year_in("dm_y")) {
            Some(y) => y,
            None => year_of_month_day(x, date()?, m, d, gl("md_mod").as_deref()),
        };
        return NaiveDate::from_ymd_opt(y, m, d).map(value::day).ok_or(Miss::Skip);
    }
    if let Some(part) = gl("part") {
        let (first_day, first_month) = match part.as_str() {
            "early" | "beginning of" | "start of" => (1, 1),
            "mid" | "middle of" => (11, 5),
            _ => (21, 9),
        };
        if let Some(y) = year_in("pyear") {
            let mut v = value::year(y);
            v.from = NaiveDate::from_ymd_opt(y, first_month, 1);
            return Ok(v);
        }
        let m = g("pm").and_then(month_number).ok_or(Miss::Skip)?;
        let y = match year_in("py") {
            Some(y) => y,
            None => value::year_of_month(need(TimeKind::Date, "month")?, m, x.direction),
        };
        let mut v = value::month(y, m);
        v.from = NaiveDate::from_ymd_opt(y, m, first_day);
        return Ok(v);
    }
    if let (Some(m), Some(y)) = (g("my_m").and_then(month_number), year_in("my_y")) {
        return Ok(value::month(y, m));
    }
    if let (Some(m), Some(which)) = (g("mly_m").and_then(month_number), gl("mly")) {
        let y = need(TimeKind::Date, "month")?.year();
        let y = match which.as_str() {
            "last" => y - 1,
            "next" => y + 1,
            _ => y,
        };
        return Ok(value::month(y, m));
    }
    if g("dec").is_some() || g("dec2").is_some() {
        let y = match (year_in("dec"), g("dec2")) {
            (Some(y), _) => y,
            (None, Some(d)) => {
                let century = x.published.map_or(1900, |p| p.year() / 100 * 100);
                let d: i32 = d.parse().map_err(|_| Miss::Skip)?;
                if century + d > x.published.map_or(9999, |p| p.year()) {
                    century - 100 + d
                } else {
                    century + d
                }
            }
            _ => return Err(Miss::Skip),
        };
        let v = format!("{}{}", y / 10, if g("dec_part").is_some() { "" } else { "X" });
        return Ok(Value::new(
            v,
            TimeKind::Date,
            "decade",
            NaiveDate::from_ymd_opt(y, 1, 1),
        ));
    }
    if let Some(n) = g("cen").and_then(|n| n.parse::<i32>().ok()) {
        let first = NaiveDate::from_ymd_opt((n - 1) * 100, 1, 1);
        return Ok(Value::new(
            format!("{:02}", n - 1),
            TimeKind::Date,
            "century",
            first,
        ));
    }
    if g("q").is_some() {
        return quarter(c, x);
    }
    if g("ya").is_some() {
        return Ok(match x.quarter {
            Some(q) => {
                let (y, q) = add_quarters(q, -4);
                value::quarter(y, q).derived()
            }
            None => value::year(need(TimeKind::Date, "year")?.year() - 1),
        });
    }
    if let Some(fy) = g("fy") {
        let y: i32 = fy.parse().map_err(|_| Miss::Skip)?;
        let y = match (fy.len(), y) {
            (2, y) if y < 50 => 2000 + y,
            (2, y) => 1900 + y,
            _ => y,
        };
        return Ok(value::year(y));
    }
    if g("eox").is_some() {
        let p = need(TimeKind::Date, "year")?;
        if g("ye").is_some() {
            return Ok(value::year(p.year()));
        }
        let u = unit(x.words, g("eox_u").unwrap_or("")).ok_or(Miss::Skip)?;
        let k = match gl("eox_det").as_deref() {
            Some("last") => -1,
            Some("next") => 1,
            _ => 0,
        };
        return shift(p, k, u).ok_or(Miss::Skip);
    }
    if let Some(u) = gl("that_u") {
        return that(&u, x);
    }
    if g("ty").is_some() {
        return the_year(gl("ty_mod").as_deref(), &pre, x);
    }
    if let Some(wd) = g("swd").or(g("swd2")).and_then(value::weekday) {
        let v = format!("XXXX-WXX-{}", wd.num_days_from_monday() + 1);
        return Ok(Value::new(v, TimeKind::Set, "set", None));
    }
    if let Some(u) = g("set_u") {
        let n = match g("set_n") {
            Some(n) => number(x.words, n).ok_or(Miss::Skip)?,
            None => Some(2),
        };
        let u = unit(x.words, u).ok_or(Miss::Skip)?;
        return Ok(Value::new(u.duration(n), TimeKind::Set, "set", None));
    }
    if let Some(w) = g("set_a").or(g("set_w")) {
        let v = lookup(&x.words.sets, w).ok_or(Miss::Skip)?;
        return Ok(Value::new(v.clone(), TimeKind::Set, "set", None));
    }
    if let Some(wd) = g("wd").and_then(value::weekday) {
        let kind = if g("wd_part").is_some() {
            TimeKind::Time
        } else {
            TimeKind::Date
        };
        let p = need(kind, if g("wd_part").is_some() { "time" } else { "day" })?;
        let modifier = gl("wd_mod").unwrap_or_default();
        // "the previous Friday" counts from the last day the text named.
        let anchor = match modifier.as_str() {
            "the previous" | "the following" => x.last_day.unwrap_or(p),
            _ => p,
        };
        let d = weekday_date(anchor, wd, &modifier, x.forward());
        return Ok(match g("wd_part").and_then(|w| lookup(&x.words.parts, w)) {
            Some(part) => time_of(d, part),
            None => value::day(d),
        });
    }
    if let Some(w) = gl("dw") {
        let p = need(TimeKind::Date, "day")?;
        let (d, part) = match w.as_str() {
            "yesterday" => (p - Duration::days(1), None),
            "tomorrow" => (p + Duration::days(1), None),
            "tonight" | "overnight" => (p, Some("NI")),
            "last night" => (p - Duration::days(1), Some("NI")),
            _ => (p, None),
        };
        let part = g("dw_part")
            .and_then(|w| lookup(&x.words.parts, w))
            .map(String::as_str)
            .or(part);
        return Ok(match part {
            Some(part) => time_of(d, part),
            None => value::day(d),
        });
    }
    if let Some(part) = g("tp").or(g("ep")).and_then(|w| lookup(&x.words.parts, w)) {
        return Ok(time_of(need(TimeKind::Time, "time")?, part));
    }
    if let Some(spec) = g("hol").and_then(|h| lookup(&x.words.holidays, h)) {
        let d = match year_in("hol_y") {
            Some(y) => value::holiday(y, spec),
            None => {
                let p = date()?;
                let this = value::holiday(p.year(), spec).ok_or(Miss::Skip)?;
                let y = value::year_of(p, this.month(), this.day(), x.direction);
                value::holiday(y, spec)
            }
        };
        return d.map(value::day).ok_or(Miss::Skip);
    }
    if let (Some(s), Some(y)) = (g("sy").and_then(|s| lookup(&x.words.seasons, s)), year_in("sy_y")) {
        return Ok(value::season(y, s));
    }
    if let Some(u) = g("ru_u") {
        return relative_unit(&gl("ru_det").unwrap_or_default(), u, x);
    }
    if let Some(s) = gl("sd") {
        if normal(x.after).starts_with("of ") {
            return Err(Miss::Skip);
        }
        let p = need(TimeKind::Date, "season")?;
        if s == "weekend" {
            let sat = if x.forward() {
                value::next_weekday(p, Weekday::Sat)
            } else {
                value::last_weekday(p, Weekday::Sat)
            };
            return Ok(value::weekend(sat));
        }
        let s = lookup(&x.words.seasons, &s).ok_or(Miss::Skip)?;
        return Ok(value::season(
            value::season_year(p, s, if x.forward() { 1 } else { -1 }),
            s,
        ));
    }
    if let Some(u) = g("an_u").or(g("an_u2")).and_then(|u| unit(x.words, u)) {
        let anchor = x
            .last_day
            .or(x.published)
            .ok_or(Miss::Undated(TimeKind::Date, "day"))?;
        let k = match (gl("an_det").as_deref(), gl("an_dir").as_deref()) {
            (Some("same"), _) => 0,
            (Some("next" | "following"), _) | (_, Some("after")) => 1,
            _ => -1,
        };
        return shift(anchor, k, u).ok_or(Miss::Skip);
    }
    if let Some(n) = g("dur_n") {
        return duration(c, n, x);
    }
    if let Some(u) = g("bu") {
        if !matches!(pre.as_str(), "for" | "over" | "within" | "throughout") {
            return Err(Miss::Skip);
        }
        let u = unit(x.words, u).ok_or(Miss::Skip)?;
        return Ok(Value::new(u.duration(None), TimeKind::Duration, "duration", None));
    }
    if let Some(v) = g("ref").and_then(|r| lookup(&x.words.refs, r)) {
        return Ok(Value::new(v.clone(), TimeKind::Date, "ref", None));
    }
    if let Some(y) = year_in("y2k") {
        return Ok(value::year(y));
    }
    if let Some(y) = year_in("year") {
        let temporal = matches!(
            pre.as_str(),
            "in" | "since" | "by" | "during" | "until" | "till" | "through" | "throughout" | "as of"
        );
        return if plausible_year(x.before, x.after, temporal) {
            Ok(value::year(y))
        } else {
            Err(Miss::Skip)
        };
    }
    if let Some(m) = g("bm") {
        return bare_month(m, gl("bm_mod").as_deref(), !pre.is_empty(), x);
    }
    Err(Miss::Skip)
}

/// "last week", "this year", "next spring", "the past month" (a duration).
fn relative_unit(det: &str, u: &str, x: &Ctx<'_>) -> Result<Value, Miss> {
    if let Some(s) = lookup(&x.words.seasons, u) {
        let p = need_date(x, "season")?;
        return Ok(value::season(value::season_year(p, s, step(det) as i32), s));
    }
    let u = unit(x.words, u).ok_or(Miss::Skip)?;
    if matches!(det, "the past" | "the last" | "the next" | "past") {
        return Ok(Value::new(
            u.duration(Some(1)),
            TimeKind::Duration,
            "duration",
            None,
        ));
    }
    let anchor = if matches!(det, "the previous" | "the following") {
        x.last_day.or(x.published)
    } else {
        x.published
    };
    let anchor = anchor.ok_or(Miss::Undated(TimeKind::Date, precision_of(u)))?;
    if u == Unit::Weekend {
        let sat = value::next_weekday(anchor + Duration::days(7 * step(det)), Weekday::Sat);
        let sat = if step(det) < 0 {
            sat - Duration::days(7)
        } else {
            sat
        };
        return Ok(value::weekend(sat));
    }
    shift(anchor, step(det), u).ok_or(Miss::Skip)
}

fn need_date(x: &Ctx<'_>, precision: &'static str) -> Result<NaiveDate, Miss> {
    x.published.ok_or(Miss::Undated(TimeKind::Date, precision))
}

fn precision_of(u: Unit) -> &'static str {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => "time",
        Unit::Day => "day",
        Unit::Week | Unit::Weekend => "week",
        Unit::Month | Unit::Season => "month",
        Unit::Quarter => "quarter",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
    }
}

/// "the third quarter", "the year-ago quarter", "the latest quarter".
fn quarter(c: &Captures<'_>, x: &Ctx<'_>) -> Result<Value, Miss> {
    let g = |n: &str| c.name(n).map(|m| normal(m.as_str()));
    let words = g("q").unwrap_or_default();
    let modifier = g("qmod").unwrap_or_default();
    if words == "quarter" {
        return Err(Miss::Skip);
    }
    if g("qword").as_deref() == Some("period") {
        // "the 1988 period" is that year; "the latest period", "the
        // year-earlier period" are quarters only in a quarterly report.
        if let Some(y) = g("qy0").and_then(|y| y.parse().ok()) {
            return Ok(value::year(y));
        }
        if modifier.is_empty() || x.quarter.is_none() {
            return Err(Miss::Skip);
        }
    }
    let p = need_date(x, "quarter")?;
    let current = quarter_of(p);
    // The quarter a report is about: the one named last, else the last
    // one that has ended.
    let ended = add_quarters(current, -1);
    let reported = x.quarter.unwrap_or(ended);
    let ago = modifier.starts_with("year") || modifier == "prior-year";
    let named_year = match g("qyr").as_deref() {
        Some("this") => Some(p.year().to_string()),
        Some("last") => Some((p.year() - 1).to_string()),
        Some("next") => Some((p.year() + 1).to_string()),
        _ => g("qy").or(g("qy0")),
    };
    let ordinal = g("qord").and_then(|o| lookup(&x.words.ordinals, &o).copied());
    if ordinal.is_none() && named_year.is_some() {
        // "last year's quarter", "the 1988 quarter": the reported quarter
        // in that year.
        let y = named_year.and_then(|y| y.parse().ok()).ok_or(Miss::Skip)?;
        return Ok(value::quarter(y, reported.1).derived());
    }
    let (y, q) = match (ordinal, named_year) {
        (Some(q), Some(y)) => (y.parse().map_err(|_| Miss::Skip)?, q),
        (Some(q), None) if ago => (reported.0 - 1, q),
        (Some(q), None) => {
            // The latest such quarter that has begun; forward, one still to
            // come (but the quarter just ended is still being reported).
            let y = if q > current.1 {
                p.year() - i32::from(!x.forward())
            } else if x.forward() && q + 1 < current.1 {
                p.year() + 1
            } else {
                p.year()
            };
            (y, q)
        }
        (None, _) if modifier == "final" => (reported.0, 4),
        (None, _) if ago => add_quarters(reported, -4),
        (None, _) if modifier == "current" => current,
        (None, _) if matches!(modifier.as_str(), "previous" | "last" | "past") => add_quarters(current, -1),
        (None, _)
            if matches!(
                modifier.as_str(),
                "latest" | "recent" | "most recent" | "just-ended"
            ) =>
        {
            if reported <= ended {
                reported
            } else {
                ended
            }
        }
        (None, _) => reported,
    };
    let v = value::quarter(y, q);
    Ok(if ago { v.derived() } else { v })
}

/// "five years", "the past two months", "three days later", "a year ago".
fn duration(c: &Captures<'_>, n: &str, x: &Ctx<'_>) -> Result<Value, Miss> {
    let g = |k: &str| c.name(k).map(|m| normal(m.as_str()));
    let u = unit(x.words, &g("dur_u").unwrap_or_default()).ok_or(Miss::Skip)?;
    let count = number(x.words, n).ok_or(Miss::Skip)?;
    let count = if g("dur_n2").is_some() { None } else { count };
    if count.is_some_and(|n| (1600..2100).contains(&n)) && normal(n).len() == 4 {
        // "the 1988 second quarter": a year, not a count.
        return Err(Miss::Skip);
    }
    if u == Unit::Second && matches!(normal(n).as_str(), "a" | "an" | "one") {
        // "a second time", "one second-half goal": an ordinal, not a unit.
        return Err(Miss::Skip);
    }
    let next = normal(x.after);
    let next = next.split(' ').next().unwrap_or("");
    let instrument = [
        "bond",
        "bonds",
        "note",
        "notes",
        "bill",
        "bills",
        "treasury",
        "treasurys",
        "securities",
        "mortgage",
        "mortgages",
        "loan",
        "loans",
        "debt",
        "paper",
        "issue",
        "issues",
    ];
    if u == Unit::Quarter && next == "of" {
        // "a quarter of the town": a share.
        return Err(Miss::Skip);
    }
    if c.name("dur_u").is_some_and(|u| {
        c.get(0)
            .is_some_and(|w| w.as_str()[..u.start() - w.start()].ends_with('-'))
    }) && instrument.contains(&next)
    {
        // "the 30-year bond": a maturity that names an instrument.
        return Err(Miss::Skip);
    }
    // "13 days after the bombing": the preposition is left out of the
    // span (see `span_end`), and what is left is a duration.
    let rel = g("dur_rel").filter(|r| !x.after.trim_start().to_lowercase().starts_with(r.as_str()));
    let Some(rel) = rel else {
        let half = g("dur_half").or(g("dur_half2")).is_some();
        let value = match count {
            Some(n) if half => u.half_duration(n).unwrap_or_else(|| u.duration(count)),
            _ => u.duration(count),
        };
        return Ok(Value::new(value, TimeKind::Duration, "duration", None));
    };
    let back = matches!(rel.as_str(), "ago" | "earlier" | "before" | "previously" | "back");
    let Some(count) = count else {
        let r = if back { "PAST_REF" } else { "FUTURE_REF" };
        return Ok(Value::new(r.into(), TimeKind::Date, "ref", None));
    };
    let anchored = matches!(rel.as_str(), "earlier" | "later" | "before" | "after");
    let anchor = if anchored {
        x.last_day.or(x.published)
    } else {
        x.published
    };
    let anchor = anchor.ok_or(Miss::Undated(TimeKind::Date, precision_of(u)))?;
    let n = if back { -(count as i64) } else { count as i64 };
    // In a quarterly report "a year ago" is the same quarter a year before.
    if let (Unit::Year, Some(q), true) = (u, x.quarter, count == 1) {
        let (y, q) = add_quarters(q, if back { -4 } else { 4 });
        return Ok(value::quarter(y, q).derived());
    }
    shift(anchor, n, u).ok_or(Miss::Skip)
}

/// A bare four-digit number is a year unless it counts or measures
/// something ("2000 people", "$1999", "1998.5").
fn plausible_year(before: &str, after: &str, has_pre: bool) -> bool {
    let prev = before.trim_end().chars().next_back();
    if prev.is_some_and(|c| matches!(c, '$' | '€' | '£' | '#' | '+' | '-' | '/' | '.') || c.is_ascii_digit())
    {
        return false;
    }
    let mut rest = after.chars();
    match rest.next() {
        Some('%' | '/' | '-') => return false,
        Some(',' | '.') if rest.next().is_some_and(|c| c.is_ascii_digit()) => return false,
        _ => {}
    }
    let mut words = after.split_whitespace();
    let next = words.next().unwrap_or("");
    let next = next.trim_matches(|c: char| !c.is_alphanumeric());
    // "between 1982 and 1992", "from 1991 to 1997": a year in a range or
    // a list of years.
    let year_follows = words.next().is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
    });
    let counts = next.len() > 3
        && next.ends_with('s')
        && next.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            next,
            "was" | "has" | "this" | "its" | "is" | "as" | "his" | "thus" | "always"
        );
    has_pre
        || year_follows && matches!(next, "to" | "and" | "or" | "through")
        || !counts
            && !matches!(
                next,
                "to" | "and" | "of" | "per" | "out" | "feet" | "metres" | "meters"
            )
}

/// A month named alone: "in March", "last June", "January was".
fn bare_month(m: &str, modifier: Option<&str>, has_pre: bool, x: &Ctx<'_>) -> Result<Value, Miss> {
    if x.after.chars().next().is_some_and(char::is_alphanumeric) {
        return Err(Miss::Skip);
    }
    let n = month_number(m).ok_or(Miss::Skip)?;
    let capital = m.chars().next().is_some_and(char::is_uppercase);
    let long = m.len() > 3 && !matches!(m.to_lowercase().as_str(), "may" | "march");
    if !(capital && (modifier.is_some() || has_pre || long)) {
        return Err(Miss::Skip);
    }
    let p = need_date(x, "month")?;
    let y = match modifier {
        Some("last") if n >= p.month() => p.year() - 1,
        Some("last") => p.year(),
        Some("this") => p.year(),
        Some("next") if n <= p.month() => p.year() + 1,
        Some("next") => p.year(),
        _ => value::year_of_month(p, n, x.direction),
    };
    Ok(value::month(y, n))
}

/// "for the year", "throughout the fiscal year", "the year ended March
/// 31": the year reported on (the last one for "the latest fiscal
/// year"), or a year's length when the words say when it ends. Only
/// after a preposition and not before "-", "ago", "of" and the like ("the
/// year-earlier period", "the year of the dragon").
fn the_year(modifier: Option<&str>, pre: &str, x: &Ctx<'_>) -> Result<Value, Miss> {
    if !matches!(pre, "for" | "of" | "in" | "during" | "throughout") {
        return Err(Miss::Skip);
    }
    let rest = x.after.trim_start();
    let next = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if x.after.starts_with(['-', '\'', '’'])
        || matches!(
            next.as_str(),
            "ago" | "earlier" | "before" | "after" | "of" | "in" | "that" | "when" | "since"
        )
    {
        return Err(Miss::Skip);
    }
    if pre == "throughout" || matches!(next.as_str(), "ended" | "ending") {
        return Ok(Value::new("P1Y".into(), TimeKind::Duration, "duration", None));
    }
    let p = need_date(x, "year")?;
    let y = if modifier.is_some_and(|m| m.starts_with("latest")) {
        p.year() - 1
    } else {
        p.year()
    };
    Ok(value::year(y).derived())
}

/// A year in digits ("1996") or in words ("nineteen ninety-six",
/// "nineteen oh five", "two thousand and three").
fn year_of(words: &TimeWords, s: &str) -> Option<i32> {
    if let Ok(y) = s.parse::<i32>() {
        return Some(y);
    }
    let parts: Vec<String> = s
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "and")
        .map(str::to_lowercase)
        .collect();
    let n = |p: &str| number(words, p).flatten().map(|n| n as i32);
    let (base, rest) = match parts.first().map(String::as_str) {
        Some("nineteen") => (1900, &parts[1..]),
        Some("two") if parts.get(1).is_some_and(|p| p == "thousand") => (2000, &parts[2..]),
        _ => return None,
    };
    let rest: Vec<&str> = rest.iter().map(String::as_str).filter(|p| *p != "oh").collect();
    let tail: i32 = rest.iter().map(|p| n(p)).sum::<Option<i32>>()?;
    (tail < 100).then_some(base + tail)
}

/// "that day", "later that year", "that same quarter": the day, year or
/// quarter the text named last; nothing when it named none (no guess
/// from the publication date).
fn that(unit: &str, x: &Ctx<'_>) -> Result<Value, Miss> {
    let v = match unit {
        "day" => value::day(x.last_day.ok_or(Miss::Skip)?),
        "year" => value::year(x.last_year.ok_or(Miss::Skip)?),
        "quarter" => {
            let (y, q) = x.quarter.ok_or(Miss::Skip)?;
            value::quarter(y, q)
        }
        _ => return Err(Miss::Skip),
    };
    Ok(v.derived())
}
