//! News datelines: `KYIV, May 31 (Casus Wire) —`, `BAGHDAD (AP) -`,
//! `WASHINGTON, Jan. 5 --`.

use regex::Regex;
use std::sync::OnceLock;

/// A dateline at the start of a paragraph, in byte offsets into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelineMatch {
    /// Where the dateline starts and ends (the dash not included).
    pub start: usize,
    pub end: usize,
    /// Where the sentence after the dash starts.
    pub next: usize,
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // PLACE in capitals (one or more words), optional ", Region" parts,
        // an optional ", Mon. D" date, an optional "(Agency)", then a dash:
        // an em or en dash or `--`, or a hyphen with spaces around it (so
        // "US-led forces" is not a dateline).
        let place = r"[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+)*";
        let region = r"(?:,\s+[A-Z][A-Za-z'’.\-]+(?:\s[A-Z][A-Za-z'’.\-]+){0,2})";
        let date = r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)";
        let agency = r"(?:\s*\([^()\n]{1,40}\))";
        Regex::new(&format!(
            r"^\s*({place}{region}{{0,2}}?{date}?{agency}?)(?:\s*(?:—|–|--)\s*|\s+-\s+)"
        ))
        .expect("dateline pattern compiles")
    })
}

/// The dateline that opens `para`, if any. The place must be written in
/// capitals (at least two letters), as wire services do.
pub fn find_dateline(para: &str) -> Option<DatelineMatch> {
    let caps = pattern().captures(para)?;
    let whole = caps.get(0)?;
    let head = caps.get(1)?;
    let letters = head
        .as_str()
        .split([',', '('])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .count();
    if letters < 2 || whole.end() >= para.len() {
        return None;
    }
    Some(DatelineMatch {
        start: head.start(),
        end: head.end(),
        next: whole.end(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(p: &str) -> Option<&str> {
        find_dateline(p).map(|m| &p[m.start..m.end])
    }

    #[test]
    fn wire_datelines_are_found() {
        assert_eq!(
            dl("KYIV, May 31 (Casus Wire) — Russia and Ukraine swapped prisoners."),
            Some("KYIV, May 31 (Casus Wire)")
        );
        assert_eq!(dl("BAGHDAD (AP) - Iraq protested."), Some("BAGHDAD (AP)"));
        assert_eq!(
            dl("WASHINGTON, Jan. 5 -- The Pentagon said."),
            Some("WASHINGTON, Jan. 5")
        );
        assert_eq!(
            dl("PORT-AU-PRINCE, Haiti — Gangs blocked the road."),
            Some("PORT-AU-PRINCE, Haiti")
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(dl("Iraq has accused the United States of escalation."), None);
        assert_eq!(dl("US forces - the Pentagon said - struck."), None);
        assert_eq!(dl("A ceasefire — fragile as it is — held."), None);
        assert_eq!(dl("US-led coalition forces stayed."), None);
        assert_eq!(dl("UN-backed talks resumed."), None);
    }
}
