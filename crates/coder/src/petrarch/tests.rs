use super::*;
use crate::lexicon::Lexicon;
use casus_core::Span;

/// A small verb dictionary in PETRARCH's format, written by us.
const OURS: &str = "\
# a test dictionary
&WEAPONRY
+RIFLE
+FIELD GUN
+AMMUNITION_

<!-- an old block, commented out
--- NOTHING [010] ---
-->
--- SHIP_GOODS [070] ---
FERRY {FERRIES FERRIED FERRYING}
+PASS_ON {+PASSES_ON +PASSED_ON +PASSING_ON}
SMUGGLE [---]
- * &WEAPONRY TO + [0712]  # arms aid
- * FOOD_ [0711]
- * CONTRABAND [---]
- $ SECRETLY * [1233]

--- REBUFF [120] ---
SNUB {SNUBS SNUBBED SNUBBING}
- REPEATEDLY * + INVITATION [1246]
";

fn codes(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
    lex.find(text, Span::new(0, text.len()))
        .into_iter()
        .map(|h| (h.span.slice(text).to_string(), h.trigger.code))
        .collect()
}

#[test]
fn a_petrarch_verb_file_is_recognised_by_its_block_headers() {
    assert!(is_petrarch_verbs(OURS));
    assert!(!is_petrarch_verbs("190\tverb\tzap\n"));
}

#[test]
fn verbs_synonym_sets_and_patterns_are_read() {
    let (d, issues) = read_verbs("ours.txt", OURS);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(d.verbs.len(), 4);
    let pass = &d.verbs[1];
    assert_eq!(pass.forms[0], ("pass on".to_string(), Form::Base));
    assert!(pass.forms.iter().any(|f| f.0 == "passed on" && f.1 == Form::Past));
    assert_eq!(d.verbs[2].code, None, "[---] is the null code");
    assert_eq!(d.verbs[3].code.as_deref(), Some("120"));
    // Four patterns in the first block, the synonym set expanded with plurals.
    assert_eq!(d.patterns[0].len(), 4);
    let arms = d.patterns[0]
        .iter()
        .find(|p| p.code.as_deref() == Some("0712"))
        .unwrap();
    assert!(arms.after[0].contains(&vec!["field".to_string(), "guns".to_string()]));
    assert!(!arms.after[0].contains(&vec!["ammunitions".to_string()]));
}

#[test]
fn the_most_specific_pattern_that_holds_gives_the_code() {
    let (lex, issues) = Lexicon::with_files(&[("ours.txt", OURS)]);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(codes(&lex, "They ferried rifles to the rebels.")[0].1, "0712");
    assert_eq!(codes(&lex, "They ferried food to the town.")[0].1, "0711");
    assert_eq!(codes(&lex, "The crews ferried tourists.")[0].1, "070");
    assert_eq!(codes(&lex, "Guards secretly passed on the keys.")[0].1, "1233");
    assert_eq!(
        codes(&lex, "The minister repeatedly snubbed the envoy's invitation.")[0].1,
        "1246"
    );
}

#[test]
fn the_null_code_gives_no_event() {
    let (lex, _) = Lexicon::with_files(&[("ours.txt", OURS)]);
    assert!(codes(&lex, "They ferried contraband.").is_empty());
    assert!(codes(&lex, "They smuggled cigarettes.").is_empty());
}

#[test]
fn casus_own_entries_are_not_replaced_by_a_petrarch_file() {
    let file = "--- MEET [040] ---\nMEET {MEETS MET MEETING}\nSHELL [190]\n";
    let (lex, _) = Lexicon::with_files(&[("mine.txt", file)]);
    let plain = Lexicon::builtin();
    let t = "Envoys met in Tamsk.";
    assert_eq!(codes(&lex, t), codes(&plain, t));
}

#[test]
fn a_pattern_without_a_code_or_a_star_is_reported_with_its_line() {
    let file = "--- SHIP [070] ---\nFERRY\n- * GOODS\n- GOODS [071]\n- * &NOSUCH [072]\n";
    let (_, issues) = read_verbs("bad.txt", file);
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![3, 4, 5], "{issues:?}");
    assert!(issues[0].to_string().starts_with("bad.txt:3: expected a code"));
}
