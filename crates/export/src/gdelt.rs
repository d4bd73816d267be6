//! The GDELT 2.0 event table: 61 tab-separated fields per event, in the
//! order of the GDELT 2.0 Event Codebook, no header.
//!
//! What casus fills, and what it leaves empty:
//!
//! | fields | from |
//! |---|---|
//! | GLOBALEVENTID | the store's event id |
//! | SQLDATE, MonthYear, Year, FractionDate | the event's day (`day`: a week or month date counts on the publication day) |
//! | Actor1/2 Code, Name, CountryCode | the source/target code, mention text, country |
//! | Actor1/2 KnownGroupCode | the IGO code (`UNO` of `IGOUNO`) |
//! | Actor1/2 Type1Code, Type2Code | the agent codes after the country (`GOV` of `IRQGOV`) |
//! | Actor1/2 EthnicCode, Religion1/2Code, Type3Code | empty |
//! | IsRootEvent | empty (casus does not mark lead-paragraph events) |
//! | EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale | the CAMEO coding |
//! | NumMentions, NumSources, NumArticles | 1: each row is one article's event (copies are separate rows with `--copies`) |
//! | AvgTone | empty |
//! | Actor1Geo_*, Actor2Geo_* | empty (casus places events, not actors) |
//! | ActionGeo_FullName, Lat, Long, FeatureID | the event's location; FeatureID is the GeoNames id |
//! | ActionGeo_Type | empty (the store does not say whether a place is a country, region or city) |
//! | ActionGeo_CountryCode, ADM1Code, ADM2Code | empty (GDELT uses FIPS codes; casus has ISO alpha-3 in the CSV export) |
//! | DATEADDED | when the article was stored (YYYYMMDDHHMMSS, UTC) |
//! | SOURCEURL | the article's URL |

use casus_store::{EventRow, Side};

/// Fields per row.
pub const FIELDS: usize = 61;

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The ten actor fields.
fn actor(s: &Side) -> [String; 10] {
    let code = s.code.clone().unwrap_or_default();
    let (group, t1, t2) = if let Some(igo) = code.strip_prefix("IGO") {
        (
            igo.get(..3).unwrap_or(igo).to_string(),
            "IGO".to_string(),
            String::new(),
        )
    } else {
        let rest = code.get(3..).unwrap_or("");
        (
            String::new(),
            rest.get(..3).unwrap_or("").to_string(),
            rest.get(3..6).unwrap_or("").to_string(),
        )
    };
    [
        code.clone(),
        s.text.clone().unwrap_or_default().to_uppercase(),
        s.country.clone().unwrap_or_default(),
        group,
        String::new(),
        String::new(),
        String::new(),
        t1,
        t2,
        String::new(),
    ]
}

/// `2024.0849`: the year plus the fraction of it gone by.
fn fraction_date(date: &str) -> String {
    let (y, m, d) = (
        date.get(..4).and_then(|s| s.parse::<f64>().ok()),
        date.get(5..7).and_then(|s| s.parse::<f64>().ok()).unwrap_or(1.0),
        date.get(8..10).and_then(|s| s.parse::<f64>().ok()).unwrap_or(1.0),
    );
    match y {
        Some(y) => format!("{:.4}", y + ((m - 1.0) * 30.4375 + d - 1.0) / 365.25),
        None => String::new(),
    }
}

/// One event's 61 fields.
pub fn row(e: &EventRow) -> Vec<String> {
    // An undated event has empty date fields.
    let day = digits(e.day.as_deref().unwrap_or(""));
    let mut out = Vec::with_capacity(FIELDS);
    out.push(e.id.to_string());
    out.push(day.clone());
    out.push(day.get(..6).unwrap_or("").to_string());
    out.push(day.get(..4).unwrap_or("").to_string());
    out.push(fraction_date(e.day.as_deref().unwrap_or("")));
    out.extend(actor(&e.source));
    out.extend(actor(&e.target));
    out.push(String::new()); // IsRootEvent
    out.push(e.cameo.clone());
    out.push(e.cameo.get(..3).unwrap_or(&e.cameo).to_string());
    out.push(e.root.clone());
    out.push(e.quad_class.to_string());
    out.push(e.goldstein.to_string());
    out.extend(["1", "1", "1"].map(String::from));
    out.push(String::new()); // AvgTone
    out.extend(std::iter::repeat_n(String::new(), 16)); // Actor1Geo_*, Actor2Geo_*
    match &e.place {
        Some(p) => {
            // Type empty: the store does not say whether a place is a
            // country, a region or a city, and a wrong type is worse.
            out.push(String::new());
            out.push(p.name.clone());
            out.extend([String::new(), String::new(), String::new()]);
            out.push(p.lat.map(|v| v.to_string()).unwrap_or_default());
            out.push(p.lon.map(|v| v.to_string()).unwrap_or_default());
            out.push(p.geonameid.map(|v| v.to_string()).unwrap_or_default());
        }
        None => out.extend(std::iter::repeat_n(String::new(), 8)),
    }
    out.push(digits(&e.added).get(..14).unwrap_or("").to_string());
    out.push(e.url.clone().unwrap_or_default());
    debug_assert_eq!(out.len(), FIELDS);
    // Tabs and line breaks inside a field would break the row.
    out.into_iter()
        .map(|f| f.replace(['\t', '\n', '\r'], " "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_and_group_codes_split_the_way_gdelt_writes_them() {
        let side = |c: &str| Side {
            id: None,
            text: Some("x".into()),
            code: Some(c.into()),
            country: None,
        };
        let a = actor(&side("IRQGOVMIL"));
        assert_eq!(
            (a[0].as_str(), a[7].as_str(), a[8].as_str()),
            ("IRQGOVMIL", "GOV", "MIL")
        );
        let u = actor(&side("IGOUNO"));
        assert_eq!((u[3].as_str(), u[7].as_str()), ("UNO", "IGO"));
        assert_eq!(fraction_date("2024-01-01"), "2024.0000");
    }
}
