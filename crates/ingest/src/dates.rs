//! Publication dates in the many forms pages and feeds write them, made
//! ISO 8601: `2024-03-14` for a day, `2024-03-14T09:30:00Z` (or with its
//! own offset) for an instant.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};

/// The ISO 8601 form of a date or date-time string, or `None` if it is not
/// one of the forms news sites use.
pub fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        // Day first with dots: German, Austrian, Swiss, Polish sites.
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%Y %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    for f in [
        "%Y-%m-%d",
        "%Y%m%d",
        "%Y/%m/%d",
        "%d.%m.%Y",
        "%d %B %Y",
        "%d %b %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%A, %B %d, %Y",
        "%A %d %B %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    None
}

pub use casus_core::calendar::month_number;

/// A UTC instant as casus prints it: the day alone when the time is exactly
/// midnight (pages that give only a day), else the full instant.
pub fn from_utc(d: DateTime<chrono::Utc>) -> String {
    if d.time() == chrono::NaiveTime::MIN {
        d.format("%Y-%m-%d").to_string()
    } else {
        d.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_news_uses_become_iso() {
        assert_eq!(
            normalize("2024-03-14T09:30:00Z").as_deref(),
            Some("2024-03-14T09:30:00Z")
        );
        assert_eq!(
            normalize("2024-05-31T18:02:00+03:00").as_deref(),
            Some("2024-05-31T18:02:00+03:00")
        );
        assert_eq!(
            normalize("Thu, 14 Mar 2024 09:30:00 GMT").as_deref(),
            Some("2024-03-14T09:30:00Z")
        );
        assert_eq!(normalize("20230606").as_deref(), Some("2023-06-06"));
        assert_eq!(normalize("2 November 2023").as_deref(), Some("2023-11-02"));
        assert_eq!(normalize("March 14, 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(
            normalize("19.03.2019 11:45").as_deref(),
            Some("2019-03-19T11:45:00")
        );
        assert_eq!(normalize("19.03.2019").as_deref(), Some("2019-03-19"));
        assert_eq!(normalize("14/01/2020"), None, "day or month first? not guessed");
        assert_eq!(normalize("yesterday"), None);
    }
}
