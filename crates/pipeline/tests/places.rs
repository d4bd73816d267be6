//! Places: toponyms resolved with a gazetteer, and events located.

mod common;
use casus_core::Origin;
use casus_ingest::{Body, RawDoc};
use casus_pipeline::{Pipeline, PipelineOptions, Resources, UserData};
use common::{place_of, places_article as article};

#[test]
fn every_toponym_is_a_place_with_its_use() {
    let a = article(
        "Raids Near Basra\n\nIraqi officials said drones struck a depot near Basra on Monday. \
         Iraq said fighters had crossed from Syria. Attacks in Iraq and Syria rose in April.\n",
    );
    let uses: Vec<(&str, &str, &str)> = a
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.name.as_str(), p.use_.as_str()))
        .collect();
    assert!(uses.contains(&("Basra", "Basra", "literal")), "{uses:?}");
    // "Iraqi officials": a demonym; "Iraq said": the state.
    assert!(uses.contains(&("Iraqi", "Iraq", "associative")), "{uses:?}");
    assert!(uses.contains(&("Iraq", "Iraq", "metonymic")), "{uses:?}");
    // "from Syria", "in Iraq and Syria": locations.
    assert_eq!(
        uses.iter().filter(|u| u.2 == "literal" && u.0 != "Basra").count(),
        3,
        "{uses:?}"
    );
    let basra = a.places.iter().find(|p| p.text == "Basra").unwrap();
    assert_eq!(
        (basra.geonameid, basra.country.as_deref()),
        (Some(99532), Some("IRQ"))
    );
    assert_eq!(basra.kind, "town");
    assert!((basra.lat - 30.51).abs() < 1e-6);
    // The strike is located at Basra, not at the country of its actors.
    let struck = a.events.iter().find(|e| e.trigger.text == "struck").unwrap();
    assert_eq!(struck.location.as_ref().unwrap().name, "Basra");
}

#[test]
fn a_state_a_continent_and_a_town_by_its_place_noun() {
    let a = article(
        "Storm Moves East\n\nThe storm crossed Texas and reached Georgia, US officials said. \
         Aid came from Africa. Crews worked in the town of Brisk. FBI agents came too.\n",
    );
    let kinds: Vec<(&str, &str, &str)> = a
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.name.as_str(), p.kind.as_str()))
        .collect();
    assert!(kinds.contains(&("Texas", "Texas", "admin area")), "{kinds:?}");
    // Georgia in an article about the United States is the state.
    let georgia = a.places.iter().find(|p| p.text == "Georgia").unwrap();
    assert_eq!(
        (georgia.kind.as_str(), georgia.country.as_deref()),
        ("admin area", Some("USA"))
    );
    assert!(kinds.contains(&("Africa", "Africa", "continent")), "{kinds:?}");
    assert!(kinds.contains(&("Brisk", "Brisk", "town")), "{kinds:?}");
    // "US officials" name their country; "FBI agents" do not.
    assert!(kinds.contains(&("US", "United States", "country")), "{kinds:?}");
    assert!(a.places.iter().all(|p| p.text != "FBI"), "{kinds:?}");
}

#[test]
fn an_ambiguous_name_is_the_place_in_the_articles_country() {
    let a = article("Talks in Baghdad\n\nIraqi and Syrian officials met in Baghdad on Monday.\n");
    let b = a.places.iter().find(|p| p.text == "Baghdad").unwrap();
    assert_eq!(b.country.as_deref(), Some("IRQ"));
}

#[test]
fn an_event_is_located_in_its_sentence_else_in_the_articles_focus() {
    let a = article(
        "Strikes Continue\n\nSyrian troops shelled rebel positions near Aleppo on Monday. \
         Syrian officials accused Turkey of arming the rebels.\n",
    );
    let shelled = a.events.iter().find(|e| e.trigger.text == "shelled").unwrap();
    let loc = shelled.location.as_ref().unwrap();
    assert_eq!(
        (loc.name.as_str(), loc.from.as_deref()),
        ("Aleppo", Some("sentence"))
    );
    let accused = a.events.iter().find(|e| e.trigger.text == "accused").unwrap();
    let loc = accused.location.as_ref().unwrap();
    assert_eq!(
        (loc.name.as_str(), loc.from.as_deref()),
        ("Aleppo", Some("article"))
    );
}

#[test]
fn without_a_gazetteer_places_are_empty_and_nothing_fails() {
    let (res, _) = Resources::load(UserData::default()).unwrap();
    let res = Resources {
        gazetteer: None,
        ..res
    };
    let a = Pipeline::new(res, PipelineOptions::default())
        .process(RawDoc::new(
            Origin::file("t.txt"),
            Body::Text("Fighting in Aleppo went on.".into()),
        ))
        .unwrap()
        .article;
    assert!(a.places.is_empty());
    assert!(a.events.iter().all(|e| e.location.is_none()));
}

#[test]
fn a_place_inside_another_name_is_an_associative_toponym() {
    let a = article(
        "Roads Closed\n\nThe Texas Department of Roads closed two bridges on Monday. \
         A Brisk man was hurt, and the Kanawha County Commission met on Tuesday. \
         A Baghdad-based firm will rebuild them.\n",
    );
    let found: Vec<(&str, &str, &str)> = a
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.kind.as_str(), p.use_.as_str()))
        .collect();
    assert!(
        found.contains(&("Texas", "admin area", "associative")),
        "{found:?}"
    );
    assert!(found.contains(&("Brisk", "town", "associative")), "{found:?}");
    // "Baghdad-based": the name before the hyphen.
    assert!(
        found.iter().any(|f| f.0 == "Baghdad" && f.1 == "town"),
        "{found:?}"
    );
    assert!(
        found.contains(&("Kanawha County", "admin area", "associative")),
        "{found:?}"
    );
    // An area derived from its towns has no GeoNames id.
    let county = a.places.iter().find(|p| p.text == "Kanawha County").unwrap();
    assert_eq!(county.geonameid, None);
    // "Roads Closed" and the department say nothing about where it happened.
    let closed = a.events.iter().find(|e| e.trigger.text == "closed");
    assert!(closed.is_none_or(|e| e
        .location
        .as_ref()
        .is_none_or(|l| l.from.as_deref() != Some("sentence"))));
}

#[test]
fn a_dateline_places_its_town_near_its_region() {
    let a = article("Bridge Reopens\n\nCHARLESTON, W.Va. — Crews reopened the old bridge on Monday.\n");
    let town = a
        .places
        .iter()
        .find(|p| p.text == "CHARLESTON")
        .expect("the dateline's town");
    // The smaller Charleston, in West Virginia, not the larger one.
    assert_eq!(town.geonameid, Some(4801859));
    assert!(a
        .places
        .iter()
        .any(|p| p.text == "W.Va." && p.name == "West Virginia"));
}

#[test]
fn the_admin_areas_an_article_names_say_which_town_it_means() {
    let a =
        article("Flood Warning\n\nRivers rose across Ontario on Monday. Crews in London filled sandbags.\n");
    let london = a.places.iter().find(|p| p.text == "London").unwrap();
    assert_eq!(london.country.as_deref(), Some("CAN"), "{:?}", a.places);
    // Without the province, the larger London.
    let b = article(
        "Flood Warning\n\nThe rivers are rising and the rain will not stop. \
         Crews in London filled sandbags on Monday.\n",
    );
    let london = b.places.iter().find(|p| p.text == "London").unwrap();
    assert_eq!(london.country.as_deref(), Some("GBR"));
}

#[test]
fn a_small_region_that_is_also_a_surname_is_a_place_only_after_a_locative() {
    let a = article("Council Vote\n\nThe council thanked Nelson for his work on Monday.\n");
    assert!(a.places.iter().all(|p| p.text != "Nelson"), "{:?}", a.places);
}

#[test]
fn a_town_of_many_names_is_the_one_near_the_areas_the_article_names() {
    let a = article(
        "Storm Damage\n\nThe storm moved across Texas on Monday and the rain did not stop. \
         Crews in Paris cleared the roads.\n",
    );
    let paris = a.places.iter().find(|p| p.text == "Paris").unwrap();
    assert_eq!(paris.geonameid, Some(4717560), "{:?}", a.places);
    let b = article(
        "Storm Damage\n\nThe storm moved east on Monday and the rain did not stop. \
         Crews in Paris cleared the roads.\n",
    );
    let paris = b.places.iter().find(|p| p.text == "Paris").unwrap();
    assert_eq!(paris.geonameid, Some(2988507), "the larger, with nothing near");
}

#[test]
fn a_region_is_a_place_and_a_state_after_a_town_is_the_state() {
    let a = article(
        "Aid Flights\n\nThe agency said that flights into Darfur are not regular this month. \
         A doctor from Buffalo, New York, joined the team.\n",
    );
    let kinds: Vec<(&str, &str)> = a
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.kind.as_str()))
        .collect();
    assert!(kinds.contains(&("Darfur", "region")), "{kinds:?}");
    assert!(kinds.contains(&("Buffalo", "town")), "{kinds:?}");
    // "Buffalo, New York": the state, not the city.
    assert!(kinds.contains(&("New York", "admin area")), "{kinds:?}");
}

#[test]
fn a_two_word_country_is_one_toponym_and_a_currency_is_none() {
    let a = article(
        "Aid\n\nThe United States Department of Agriculture paid US$40 million \
         to farmers in Iraq on Monday.\n",
    );
    let usa = a
        .places
        .iter()
        .find(|p| p.country.as_deref() == Some("USA"))
        .unwrap();
    assert_eq!(
        (usa.text.as_str(), usa.use_.as_str()),
        ("United States", "associative")
    );
    assert_eq!(
        a.places
            .iter()
            .filter(|p| p.country.as_deref() == Some("USA"))
            .count(),
        1,
        "{:?}",
        a.places
    );
}

#[test]
fn a_town_and_an_event_there_carry_the_towns_admin_areas() {
    let a = article("Raid\n\nPolice raided a house in Shreveport on Monday.\n");
    let town = a.places.iter().find(|p| p.text == "Shreveport").unwrap();
    assert_eq!(
        (town.admin1.as_deref(), town.admin2.as_deref()),
        (Some("Louisiana"), Some("Caddo Parish"))
    );
    let located: Vec<_> = a.events.iter().filter_map(|e| e.location.as_ref()).collect();
    assert!(!located.is_empty(), "{:?}", a.events);
    assert!(located.iter().all(|l| l.admin1.as_deref() == Some("Louisiana")));
    // A state is its own admin1.
    let b = article("Storm\n\nA storm hit Texas on Monday.\n");
    let texas = b.places.iter().find(|p| p.text == "Texas").unwrap();
    assert_eq!(
        (texas.admin1.as_deref(), texas.admin2.as_deref()),
        (Some("Texas"), None)
    );
}

#[test]
fn a_dateline_that_lost_its_dash_still_places_its_town() {
    let a = article("Storm Damage\n\nDALLAS Crews cleared roads on Monday after the storm.\n");
    assert_eq!(place_of(&a, "DALLAS").geonameid, Some(4684888));
    let b = article(
        "Storm Damage\n\nBUFFALO, New York Crews cleared the roads on Monday after the storm, \
         and the schools will open again on Tuesday.\n",
    );
    assert_eq!(place_of(&b, "BUFFALO").geonameid, Some(5110629));
    assert_eq!(place_of(&b, "New York").kind, "admin area");
}

#[test]
fn a_demonym_unlike_its_countrys_name_opens_a_group_as_that_country() {
    let a = article(
        "Raid\n\nFrench Interior Minister Anne Roux said on Monday that police had raided a depot \
         near Paris.\n",
    );
    let french = place_of(&a, "French");
    assert_eq!(
        (french.country.as_deref(), french.use_.as_str()),
        (Some("FRA"), "associative")
    );
}

#[test]
fn a_holiday_after_a_locative_is_a_time_not_a_place() {
    let a = article(
        "Busy Shops\n\nShoppers in Leeds spent more at Christmas than a year before, traders said.\n",
    );
    assert!(a.places.iter().any(|p| p.text == "Leeds"), "{:?}", a.places);
    assert!(a.places.iter().all(|p| p.text != "Christmas"), "{:?}", a.places);
}

#[test]
fn a_name_after_according_to_is_a_source_not_a_town() {
    let a = article(
        "Chase Ends\n\nA driver was held near Shreveport on Monday after a chase, \
         according to Sheriff Dana Taylor. The driver ran on foot, according to Taylor.\n",
    );
    assert!(a.places.iter().any(|p| p.text == "Shreveport"), "{:?}", a.places);
    assert!(a.places.iter().all(|p| p.text != "Taylor"), "{:?}", a.places);
}
