//! Whether an event happened: asserted, negated, intended, threatened or
//! hypothetical, from the words just before its trigger.

/// The modality of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    Negated,
    Intended,
    Threatened,
    Hypothetical,
}

impl Modality {
    pub fn as_str(&self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Intended => "intended",
            Modality::Threatened => "threatened",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

const NEGATION: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "without",
    "neither",
    "nor",
    "denied",
    "refused",
    "refuses",
    "refuse",
    "declined",
    "declines",
    "decline",
    "failed",
    "fails",
    "unwilling",
    "cannot",
];
const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "would",
    "going",
    "plans",
    "planned",
    "plan",
    "intends",
    "intend",
    "aims",
    "wants",
    "seeks",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "ready",
    "prepared",
    "threatened",
    "threatens",
    "warned",
    "warns",
    "expected",
    "hopes",
    "hoped",
    "offered",
    "offers",
    "agreed",
    "agrees",
    "promises",
    "vow",
    "pledges",
    "ready",
    "willing",
    "set",
];
const HYPOTHETICAL: &[&str] = &["if", "could", "may", "might", "unless", "should", "whether"];

/// Modality from the lower-case words before the trigger (nearest last,
/// within its clause; at most ten are looked at) and whether the event is
/// a threat or a material conflict: such an act announced for the future
/// is a threat, anything else an intention.
pub fn modality(before: &[&str], conflict: bool) -> Modality {
    let window = &before[before.len().saturating_sub(10)..];
    let has = |list: &[&str]| window.iter().any(|w| list.contains(w));
    if has(NEGATION) {
        Modality::Negated
    } else if has(FUTURE) {
        if conflict {
            Modality::Threatened
        } else {
            Modality::Intended
        }
    } else if has(HYPOTHETICAL) {
        Modality::Hypothetical
    } else {
        Modality::Asserted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_before_a_trigger_decide_its_modality() {
        assert_eq!(modality(&["troops", "did", "not"], true), Modality::Negated);
        assert_eq!(modality(&["we", "will"], true), Modality::Threatened);
        assert_eq!(modality(&["they", "will"], false), Modality::Intended);
        assert_eq!(modality(&["if", "the", "army"], true), Modality::Hypothetical);
        assert_eq!(modality(&["the", "army"], true), Modality::Asserted);
        assert_eq!(
            modality(&["not", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], true),
            Modality::Asserted,
            "too far away"
        );
    }
}
