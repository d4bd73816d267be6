use crate::{Dictionary, Recognizer};
use casus_nlp::Segmenter;

/// (mention text, kind, code, text of the mention it refers to)
type Row = (String, &'static str, Option<String>, Option<String>);

fn mentions(text: &str, date: &str) -> Vec<Row> {
    let r = Recognizer::new(Dictionary::builtin());
    let seg = Segmenter::default().segment(text);
    r.recognize(text, &seg.sentences, Some(date))
        .into_iter()
        .map(|f| {
            (
                f.span.slice(text).to_string(),
                f.kind.as_str(),
                f.actor.map(|a| a.code),
                f.antecedent.map(|a| a.slice(text).to_string()),
            )
        })
        .collect()
}

/// The `n`th mention whose text is `text`.
fn nth<'a>(got: &'a [Row], text: &str, n: usize) -> &'a Row {
    got.iter()
        .filter(|m| m.0 == text)
        .nth(n)
        .unwrap_or_else(|| panic!("no mention {text:?} #{n} in {got:#?}"))
}

#[test]
fn he_after_a_named_minister_is_that_minister() {
    let got = mentions(
        "Lloyd Austin visited the base on Monday. He said the drills would go on.",
        "2023-05-02",
    );
    let he = nth(&got, "He", 0);
    assert_eq!(he.1, "pronoun");
    assert_eq!(he.2.as_deref(), Some("USAGOV"));
    assert_eq!(he.3.as_deref(), Some("Lloyd Austin"));
}

#[test]
fn a_surname_alone_points_back_to_the_full_name() {
    let got = mentions(
        "Defence Secretary Lloyd Austin met Iraqi officials. Later, Austin flew home.",
        "2023-05-02",
    );
    let austin = nth(&got, "Austin", 0);
    assert_eq!(austin.1, "person");
    assert_eq!(austin.2.as_deref(), Some("USAGOV"));
    assert!(
        austin.3.as_deref().unwrap().ends_with("Lloyd Austin"),
        "{austin:?}"
    );
}

#[test]
fn an_unknown_persons_surname_and_pronoun_share_his_description() {
    let got = mentions(
        "Tomas Verhaal, the Dutch foreign minister, arrived in Accra. Verhaal said his talks went well.",
        "2023-05-02",
    );
    assert_eq!(nth(&got, "Tomas Verhaal", 0).2.as_deref(), Some("NLDGOV"));
    let short = nth(&got, "Verhaal", 0);
    assert_eq!(short.2.as_deref(), Some("NLDGOV"));
    assert_eq!(short.3.as_deref(), Some("Tomas Verhaal"));
    let his = nth(&got, "his", 0);
    assert_eq!(his.3.as_deref(), Some("Tomas Verhaal"));
}

#[test]
fn they_points_to_the_plural_group_of_the_sentence_before() {
    let got = mentions(
        "Iran-backed militias fired rockets at a base in Syria. They have struck it often.",
        "2023-05-02",
    );
    let they = nth(&got, "They", 0);
    assert_eq!(they.3.as_deref(), Some("Iran-backed militias"));
}

#[test]
fn the_coalition_and_the_militias_repeat_the_earlier_groups() {
    let got = mentions(
        "Iran-backed militias attacked the US-led coalition twice. \
         A week later the coalition said the militias had fired drones.",
        "2024-02-01",
    );
    let coalition = nth(&got, "coalition", 0);
    assert_eq!(coalition.2.as_deref(), Some("IMGMIL"));
    assert_eq!(coalition.3.as_deref(), Some("US-led coalition"));
    let militias = nth(&got, "militias", 0);
    assert_eq!(militias.3.as_deref(), Some("Iran-backed militias"));
}

#[test]
fn the_national_leader_is_the_head_of_government_named_before() {
    let got = mentions(
        "Iraqi Prime Minister Mohamed Shia al-Sudani spoke to reporters. \
         The talks, the Iraqi leader said, would resume.",
        "2024-02-01",
    );
    let leader = nth(&got, "Iraqi leader", 0);
    assert_eq!(leader.1, "person");
    assert_eq!(leader.2.as_deref(), Some("IRQGOV"));
    assert!(leader.3.as_deref().unwrap().ends_with("al-Sudani"), "{leader:?}");
}

#[test]
fn its_after_a_country_is_that_country_and_expletive_it_is_nothing() {
    let got = mentions(
        "Iraq said the raid broke its laws. It is unclear what comes next.",
        "2024-02-01",
    );
    assert_eq!(nth(&got, "its", 0).3.as_deref(), Some("Iraq"));
    assert!(got.iter().all(|m| m.0 != "It"), "{got:#?}");
}

#[test]
fn a_pronoun_with_nothing_to_point_to_is_not_a_mention() {
    let got = mentions("He left early. They were tired.", "2024-02-01");
    assert!(got.is_empty(), "{got:#?}");
}

#[test]
fn a_spokesmans_pronoun_is_the_spokesman_not_his_boss() {
    let got = mentions(
        "A spokesman for Iraqi Prime Minister Mohamed Shia al-Sudani spoke on Friday. \
         He said the raid was a violation.",
        "2024-02-01",
    );
    let he = nth(&got, "He", 0);
    assert_eq!(he.3.as_deref(), Some("spokesman"), "{got:#?}");
}

#[test]
fn many_of_them_counts_things_not_the_actors_before() {
    let got = mentions(
        "Syrian troops reported dozens of raids, many of them at night.",
        "2024-02-01",
    );
    assert!(got.iter().all(|m| m.0 != "them"), "{got:#?}");
}

#[test]
fn the_groups_plural_does_not_point_to_a_single_group() {
    let got = mentions(
        "Officials blamed a jihadist group for the blast. Police raided the groups they suspect.",
        "2024-02-01",
    );
    assert!(
        got.iter().all(|m| m.3.as_deref() != Some("jihadist group")),
        "{got:#?}"
    );
}
