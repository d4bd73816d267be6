//! The ACLED type table (`data/acled-types.tsv`): sub-event type, event
//! type and disorder type, as ACLED's codebook has them.

use casus_core::resource::{columns, parse_lines, LineIssue};

/// One sub-event type with its parents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubType {
    pub sub_event_type: String,
    pub event_type: String,
    pub disorder_type: String,
}

impl SubType {
    /// Violence that can kill: the types whose events carry fatalities
    /// (battles, explosions, violence against civilians, riots, force
    /// against protesters, disasters, crime).
    pub fn counts_fatalities(&self) -> bool {
        !matches!(self.event_type.as_str(), "Protests" | "Strategic developments")
            || self.sub_event_type == "Excessive force against protesters"
    }
}

/// The table, in file order; a later line replaces an earlier one of the
/// same sub-event type.
#[derive(Debug, Clone, Default)]
pub struct Types {
    pub types: Vec<SubType>,
}

impl Types {
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |line: &str| {
            let c = columns(line, 3, 3)?;
            if c.iter().any(|s| s.trim().is_empty()) {
                return Err(
                    "expected SUB_EVENT_TYPE<TAB>EVENT_TYPE<TAB>DISORDER_TYPE, none empty".to_string(),
                );
            }
            Ok(SubType {
                sub_event_type: c[0].trim().to_string(),
                event_type: c[1].trim().to_string(),
                disorder_type: c[2].trim().to_string(),
            })
        };
        let types = &mut self.types;
        parse_lines(path, text, parse, |t| {
            match types.iter_mut().find(|x| x.sub_event_type == t.sub_event_type) {
                Some(old) => *old = t,
                None => types.push(t),
            }
        })
    }

    pub fn get(&self, sub_event_type: &str) -> Option<&SubType> {
        self.types.iter().find(|t| t.sub_event_type == sub_event_type)
    }
}
