use super::*;
use casus_nlp::Segmenter;

fn mentions(text: &str, date: Option<&str>) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
    let r = Recognizer::new(Dictionary::builtin());
    let seg = Segmenter::default().segment(text);
    r.recognize(text, &seg.sentences, date)
        .into_iter()
        .map(|f| {
            (
                f.span.slice(text).to_string(),
                f.kind.as_str(),
                f.actor.map(|a| a.code),
                f.backed_by,
            )
        })
        .collect()
}

fn find<'a>(
    got: &'a [(String, &'static str, Option<String>, Option<String>)],
    text: &str,
) -> &'a (String, &'static str, Option<String>, Option<String>) {
    got.iter()
        .find(|m| m.0 == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {got:#?}"))
}

#[test]
fn a_country_before_an_agent_noun_makes_a_coded_group() {
    let got = mentions(
        "US forces struck depots used by Iraqi militias near Syrian troops.",
        None,
    );
    assert_eq!(find(&got, "US forces").2.as_deref(), Some("USAMIL"));
    assert_eq!(find(&got, "Iraqi militias").2.as_deref(), Some("IRQUAF"));
    assert_eq!(find(&got, "Syrian troops").1, "group");
}

#[test]
fn a_person_takes_the_role_the_sentence_gives() {
    let got = mentions(
        "Iraqi Prime Minister Mohammed Shia al-Sudani met Pentagon chief Lloyd Austin.",
        Some("2024-02-01"),
    );
    let pm = find(&got, "Iraqi Prime Minister Mohammed Shia al-Sudani");
    assert_eq!((pm.1, pm.2.as_deref()), ("person", Some("IRQGOV")));
    let austin = find(&got, "Pentagon chief Lloyd Austin");
    assert_eq!((austin.1, austin.2.as_deref()), ("person", Some("USAGOV")));
}

#[test]
fn a_person_alone_is_coded_by_the_office_held_on_the_publication_date() {
    assert_eq!(
        find(
            &mentions("Lloyd Austin spoke.", Some("2023-05-01")),
            "Lloyd Austin"
        )
        .2
        .as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        find(
            &mentions("Lloyd Austin spoke.", Some("2018-05-01")),
            "Lloyd Austin"
        )
        .2
        .as_deref(),
        Some("USAELI")
    );
}

#[test]
fn transliterations_and_acronyms_resolve_to_one_actor() {
    for name in [
        "Kataib Hezbollah",
        "Ketaeb Hezbollah",
        "Kata'ib Hezbollah",
        "Kataib Hizballah",
        "Hezbollah Brigades",
    ] {
        let text = format!("Officials blamed {name} for the raid.");
        let got = mentions(&text, None);
        let m = find(&got, name);
        assert_eq!((m.1, m.2.as_deref()), ("armed_group", Some("IRQREB")), "{name}");
    }
    for name in ["IS", "ISIS", "ISIL", "Islamic State"] {
        let text = format!("Fighters loyal to {name} attacked.");
        assert_eq!(
            find(&mentions(&text, None), name).2.as_deref(),
            Some("IMGREB"),
            "{name}"
        );
    }
}

#[test]
fn backing_does_not_make_a_group_the_backers() {
    let got = mentions(
        "Iran-backed groups fired rockets. The Iranian-sponsored militias denied it.",
        None,
    );
    let g = find(&got, "Iran-backed groups");
    assert_eq!(
        (g.1, g.2.clone(), g.3.as_deref()),
        ("armed_group", None, Some("IRN"))
    );
    let m = find(&got, "Iranian-sponsored militias");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("UAF"), Some("IRN")));
    let kh = mentions("the Iranian-backed Kataib Hezbollah militia group", None);
    let k = &kh[0];
    assert_eq!((k.2.as_deref(), k.3.as_deref()), (Some("IRQREB"), Some("IRN")));
}

#[test]
fn a_spokesman_for_a_coded_actor_shares_its_country() {
    let got = mentions(
        "said a spokesman for Iraqi Prime Minister Mohammed Shia al-Sudani.",
        Some("2024-01-01"),
    );
    assert_eq!(find(&got, "spokesman").2.as_deref(), Some("IRQGOV"));
    let got = mentions("added the Iraqi leader's spokesman for military affairs.", None);
    assert_eq!(
        find(&got, "Iraqi leader's spokesman").2.as_deref(),
        Some("IRQGOV")
    );
}

#[test]
fn coordinated_nationalities_share_the_agent() {
    let got = mentions("Senior Hungarian and Romanian officials agreed to meet.", None);
    assert_eq!(find(&got, "Hungarian").2.as_deref(), Some("HUNGOV"));
    assert_eq!(find(&got, "Romanian officials").2.as_deref(), Some("ROUGOV"));
}

#[test]
fn countries_demonyms_and_capitals_are_told_apart() {
    let got = mentions(
        "Baghdad protested to Washington about Iraqi sovereignty in Iraq.",
        None,
    );
    assert_eq!(find(&got, "Baghdad").1, "place");
    assert_eq!(find(&got, "Baghdad").2.as_deref(), Some("IRQGOV"));
    assert_eq!(find(&got, "Iraqi").1, "nationality");
    assert_eq!(find(&got, "Iraq").1, "country");
    assert_eq!(find(&got, "Iraq").2.as_deref(), Some("IRQ"));
}

#[test]
fn the_us_led_coalition_is_one_actor_and_us_is_not_us() {
    let got = mentions("US-led coalition forces told us they would stay.", None);
    assert_eq!(find(&got, "US-led coalition forces").2.as_deref(), Some("IMGMIL"));
    assert!(!got.iter().any(|m| m.0 == "us"));
}

#[test]
fn unknown_names_come_out_uncoded_with_a_kind() {
    let got = mentions(
        "Commander Tariq Velman of the Dawn Brigade spoke in Kessa Province.",
        None,
    );
    let commander = find(&got, "Commander Tariq Velman");
    assert_eq!((commander.1, commander.2.as_deref()), ("person", Some("MIL")));
    assert_eq!(find(&got, "Dawn Brigade").1, "organisation");
    assert_eq!(find(&got, "Kessa Province").1, "place");
    assert_eq!(find(&got, "Dawn Brigade").2, None);
    assert_eq!(find(&got, "Kessa Province").2, None);
}

#[test]
fn an_unknown_person_takes_the_actor_of_the_description_after_a_comma() {
    let got = mentions(
        "added Yehia Rasool, the Iraqi leader's spokesman for military affairs.",
        None,
    );
    assert_eq!(find(&got, "Yehia Rasool").2.as_deref(), Some("IRQGOV"));
    assert!(
        !got.iter().any(|m| m.0 == "military"),
        "an adjective is not an actor: {got:#?}"
    );
}

#[test]
fn a_title_case_headline_does_not_make_names_of_capitalised_words() {
    let got = mentions("Iraq Criticizes the US for Attacks on Iran-Backed Forces", None);
    let texts: Vec<&str> = got.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(texts, ["Iraq", "US", "Iran-Backed Forces"]);
}

#[test]
fn police_who_act_are_actors_even_alone() {
    let got = mentions("Police said two men were detained.", None);
    assert_eq!(find(&got, "Police").2.as_deref(), Some("COP"));
}

#[test]
fn the_one_country_of_an_article_fills_agents_that_have_none() {
    let got = mentions(
        "President Ouldane visited Oran. Algeria's army was on alert. The ministry said so.",
        None,
    );
    assert_eq!(find(&got, "President Ouldane").2.as_deref(), Some("DZAGOV"));
    assert_eq!(find(&got, "ministry").2.as_deref(), Some("DZAGOV"));
    let two = mentions("President Ouldane met Tunisian officials in Algeria.", None);
    assert_eq!(
        find(&two, "President Ouldane").2.as_deref(),
        Some("GOV"),
        "two countries: no guess"
    );
}

#[test]
fn a_known_person_with_a_title_takes_the_title_in_his_own_country() {
    let got = mentions("President Tebboune met Tunisian officials.", None);
    assert_eq!(find(&got, "President Tebboune").2.as_deref(), Some("DZAGOV"));
}

#[test]
fn the_office_held_on_the_day_decides_the_country_of_an_international_figure() {
    let r = Recognizer::new(Dictionary::builtin());
    let text = "Mark Rutte spoke.";
    let seg = casus_nlp::Segmenter::default().segment(text);
    let at = |date| {
        r.recognize(text, &seg.sentences, Some(date))[0]
            .actor
            .clone()
            .unwrap()
    };
    let (pm, sg) = (at("2015-03-01"), at("2025-03-01"));
    assert_eq!((pm.code.as_str(), pm.country.as_deref()), ("NLDGOV", Some("NLD")));
    assert_eq!((sg.code.as_str(), sg.country), ("IGOWSTNAT", None));
    assert_eq!(pm.plover_sector.as_deref(), Some("GOV"));
}
