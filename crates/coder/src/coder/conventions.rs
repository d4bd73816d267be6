//! CAMEO's conventions the coder applies after finding a trigger: what
//! promised, refused, demanded and joint cooperation is coded as, and
//! which words end the clause a verb's modality is read from.

use crate::modality::Modality;

/// Words that open a clause: the modality of a verb after them is not
/// read from the words before them.
pub(super) const CLAUSE_START: &[&str] = &[
    ",", ";", ":", "\"", "“", "”", "that", "which", "who", "whom", "after", "before", "when", "because",
    "since", "while", "although",
];

/// Words that make what follows a demand on its subject ("X must release").
const DEONTIC: &[&str] = &["must", "should", "ought"];

/// CAMEO's conventions for an act of cooperation (roots 04–08) that is
/// not simply done: promised or intended, it is an intent to cooperate
/// (03x: "will release the hostages"); refused or negated, a rejection
/// (12x: "declined to resign", "will not accept the refugees"); required
/// of its subject, a demand (10x: "must withdraw"). The code the
/// convention gives, if any.
pub(super) fn convention(code: &str, m: Modality, before: &[&str]) -> Option<&'static str> {
    let root = code.get(..2)?;
    let deontic = before.iter().rev().take(4).any(|w| DEONTIC.contains(w));
    let pick = |intent: [&'static str; 5], refuse: [&'static str; 5], demand: [&'static str; 5]| {
        let k = match root {
            "04" => 0,
            "05" => 1,
            "06" => 2,
            "07" => 3,
            "08" => 4,
            _ => return None,
        };
        if deontic && m != Modality::Negated {
            Some(demand[k])
        } else {
            match m {
                Modality::Intended => Some(intent[k]),
                Modality::Negated => Some(refuse[k]),
                _ => None,
            }
        }
    };
    if code.starts_with("03") && m == Modality::Negated {
        return Some("120");
    }
    pick(
        ["036", "032", "031", "033", "034"],
        ["125", "120", "121", "122", "124"],
        ["108", "102", "101", "103", "105"],
    )
}

/// Acts two sides do together: intents to cooperate, consultations,
/// diplomatic and material cooperation, agreements.
pub(super) fn joint(code: &str) -> bool {
    matches!(&code[..2], "03" | "04" | "05" | "06")
}
