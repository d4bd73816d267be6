//! Places: toponyms resolved with a gazetteer, and events located.

mod common;
use casus_core::Origin;
use casus_ingest::{Body, RawDoc};
use casus_pipeline::{Pipeline, PipelineOptions, Resources, UserData};
use common::fixtures;

fn pipeline() -> Pipeline {
    let g = fixtures().join("gazetteer-small.tsv");
    let (res, issues) = Resources::load(UserData {
        gazetteer: Some(&g),
        ..UserData::default()
    })
    .unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    Pipeline::new(
        res,
        PipelineOptions {
            default_published: Some("2024-05-02".into()),
            ..Default::default()
        },
    )
}

fn article(text: &str) -> casus_core::Article {
    pipeline()
        .process(RawDoc::new(Origin::file("t.txt"), Body::Text(text.into())))
        .unwrap()
        .article
}

#[test]
fn locations_are_places_and_demonyms_and_governments_are_not() {
    let a = article(
        "Raids Near Basra\n\nIraqi officials said drones struck a depot near Basra on Monday. \
         Iraq said fighters had crossed from Syria. Attacks in Iraq and Syria rose in April.\n",
    );
    let names: Vec<(&str, &str)> = a
        .places
        .iter()
        .map(|p| (p.text.as_str(), p.name.as_str()))
        .collect();
    assert!(names.contains(&("Basra", "Basra")), "{names:?}");
    assert!(
        names.contains(&("Iraq", "Iraq")) && names.contains(&("Syria", "Syria")),
        "{names:?}"
    );
    // "Iraqi officials" and "Iraq said" are actors, not places.
    assert!(a.places.iter().all(|p| p.text != "Iraqi"));
    let iraq_said = a.text.find("Iraq said").unwrap();
    let chars_before = a.text[..iraq_said].chars().count();
    assert!(a.places.iter().all(|p| p.span[0] != chars_before));
    let basra = a.places.iter().find(|p| p.text == "Basra").unwrap();
    assert_eq!((basra.geonameid, basra.country.as_deref()), (99532, Some("IRQ")));
    assert!((basra.lat - 30.51).abs() < 1e-6);
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
