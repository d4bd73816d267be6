use super::*;
use proptest::prelude::*;

fn sents(text: &str) -> Vec<&str> {
    Segmenter::default()
        .segment(text)
        .sentences
        .iter()
        .map(|s| s.slice(text))
        .collect()
}

#[test]
fn abbreviations_and_acronyms_do_not_end_sentences() {
    assert_eq!(
        sents("Gen. Ahmed met U.S. envoys in Baghdad. The talks lasted an hour."),
        [
            "Gen. Ahmed met U.S. envoys in Baghdad.",
            "The talks lasted an hour."
        ]
    );
}

#[test]
fn an_acronym_ends_a_sentence_when_a_starter_follows() {
    assert_eq!(
        sents("The drones were made in the U.S. They were sold in 2021."),
        ["The drones were made in the U.S.", "They were sold in 2021."]
    );
    assert_eq!(
        sents("He toured U.S. Central Command on Friday."),
        ["He toured U.S. Central Command on Friday."]
    );
}

#[test]
fn months_and_numbers_keep_their_figures() {
    assert_eq!(
        sents("The vote is set for Jan. 15 in Resolution No. 2231. Delegates agreed."),
        [
            "The vote is set for Jan. 15 in Resolution No. 2231.",
            "Delegates agreed."
        ]
    );
}

#[test]
fn initials_do_not_end_sentences() {
    assert_eq!(
        sents("Envoy John R. Bolton arrived. He left at noon."),
        ["Envoy John R. Bolton arrived.", "He left at noon."]
    );
}

#[test]
fn an_ellipsis_inside_a_sentence_does_not_split_it() {
    assert_eq!(
        sents("It fuels a dangerous spiral… at a time of crisis, he said. Nobody replied."),
        [
            "It fuels a dangerous spiral… at a time of crisis, he said.",
            "Nobody replied."
        ]
    );
    assert_eq!(
        sents("We waited... Then the shelling began."),
        ["We waited...", "Then the shelling began."]
    );
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    assert_eq!(
        sents("“The strikes will continue. We will not stop,” the minister said. Rebels denied it."),
        [
            "“The strikes will continue.",
            "We will not stop,” the minister said.",
            "Rebels denied it."
        ]
    );
    assert_eq!(
        sents("He said: \"We are ready.\" Then he left."),
        ["He said: \"We are ready.\"", "Then he left."]
    );
}

#[test]
fn a_question_inside_a_quote_followed_by_the_cue_is_one_sentence() {
    assert_eq!(
        sents("“Who ordered this?” she asked. Nobody answered."),
        ["“Who ordered this?” she asked.", "Nobody answered."]
    );
}

#[test]
fn headlines_without_a_period_stand_alone() {
    assert_eq!(
        sents("Army Retakes Border Town\n\nTroops entered the town on Monday. Residents fled."),
        [
            "Army Retakes Border Town",
            "Troops entered the town on Monday.",
            "Residents fled."
        ]
    );
}

#[test]
fn a_dateline_is_kept_out_of_the_first_sentence() {
    let text = "Ceasefire holds\n\nKHARTOUM, June 6 (Casus Wire) — The truce held overnight. Shops reopened.";
    let seg = Segmenter::default().segment(text);
    assert_eq!(seg.dateline.unwrap().slice(text), "KHARTOUM, June 6 (Casus Wire)");
    let got: Vec<_> = seg.sentences.iter().map(|s| s.slice(text)).collect();
    assert_eq!(
        got,
        ["Ceasefire holds", "The truce held overnight.", "Shops reopened."]
    );
}

#[test]
fn decimals_and_web_addresses_are_not_boundaries() {
    assert_eq!(
        sents("Inflation hit 3.5 percent, said stats.example.org on Friday."),
        ["Inflation hit 3.5 percent, said stats.example.org on Friday."]
    );
}

proptest! {
    /// Spans are ordered, do not overlap, never start or end in white space,
    /// and the text outside them is white space or a dateline.
    #[test]
    fn sentence_spans_map_back_into_the_text(text in "[A-Za-z“”\"'.?!… ,\\n0-9é-]{0,200}") {
        let seg = Segmenter::default().segment(&text);
        let mut last = 0;
        for s in &seg.sentences {
            prop_assert!(s.start >= last && s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let inner = s.slice(&text);
            prop_assert_eq!(inner.trim(), inner);
            let gap = &text[last..s.start];
            let dl = seg.dateline.filter(|d| d.start >= last && d.end <= s.start);
            if dl.is_none() {
                prop_assert!(gap.trim().is_empty(), "lost text {:?}", gap);
            }
            last = s.end;
        }
        prop_assert!(text[last..].trim().is_empty());
    }
}
