//! Offices held in a date range: `USAGOV 2021-01-22..2025-01-20`.

/// A code that applies to articles published between two dates (ISO
/// `YYYY-MM-DD`, inclusive; either end may be open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Role {
    /// Parses `CODE FROM..TO`, `CODE FROM..`, `CODE ..TO` or `CODE`.
    pub fn parse(s: &str) -> Result<Role, String> {
        let mut parts = s.split_whitespace();
        let code = parts.next().ok_or("an empty role")?.to_string();
        let range = parts.next();
        if parts.next().is_some() {
            return Err(format!("expected `CODE FROM..TO`, found `{s}`"));
        }
        let (from, to) = match range {
            None => (None, None),
            Some(r) => {
                let (f, t) = r
                    .split_once("..")
                    .ok_or_else(|| format!("expected `FROM..TO` in `{s}`"))?;
                for d in [f, t] {
                    if !d.is_empty() && !is_iso_date(d) {
                        return Err(format!("expected an ISO date (YYYY-MM-DD), found `{d}` in `{s}`"));
                    }
                }
                let opt = |d: &str| (!d.is_empty()).then(|| d.to_string());
                (opt(f), opt(t))
            }
        };
        Ok(Role { code, from, to })
    }

    /// Does the role apply on `date` (an ISO date or date-time)?
    pub fn applies(&self, date: &str) -> bool {
        let day = &date[..date.len().min(10)];
        self.from.as_deref().is_none_or(|f| f <= day) && self.to.as_deref().is_none_or(|t| day <= t)
    }
}

pub(crate) fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_applies_inside_its_range_only() {
        let r = Role::parse("USAGOV 2021-01-22..2025-01-20").unwrap();
        assert!(r.applies("2024-02-01"));
        assert!(r.applies("2021-01-22T10:00:00Z"));
        assert!(!r.applies("2016-05-01"));
        let open = Role::parse("IRQGOV 2022-10-27..").unwrap();
        assert!(open.applies("2030-01-01"));
        assert!(Role::parse("X").unwrap().applies("1900-01-01"));
    }

    #[test]
    fn a_bad_role_says_what_was_expected() {
        assert!(Role::parse("USAGOV 2021").unwrap_err().contains("FROM..TO"));
        assert!(Role::parse("USAGOV 21-1-2..").unwrap_err().contains("ISO date"));
    }
}
