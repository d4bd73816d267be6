use super::*;
use crate::rules::Facts;
use casus_core::Span;

fn sub(sentence: &str, cameo: Option<&str>) -> Option<String> {
    let a = Acled::builtin();
    let all = Span::new(0, sentence.len());
    let hits = a.read(sentence, all);
    a.type_of(
        &Facts {
            cameo,
            trigger: None,
            source: None,
            target: None,
        },
        &hits,
    )
    .map(|t| t.sub.sub_event_type.clone())
}

#[test]
fn the_shipped_tables_load_without_a_bad_line() {
    let (_, issues) = Acled::with(UserTables::default());
    assert!(issues.is_empty(), "{issues:?}");
}

#[test]
fn a_flood_with_no_coded_event_is_a_natural_disaster() {
    assert_eq!(
        sub("Floods swept through the valley.", None).as_deref(),
        Some("Natural disaster")
    );
}

fn dead(s: &str) -> Option<(u64, Option<String>, String)> {
    fatalities::find(s, Span::new(0, s.len())).map(|c| (c.count, c.qualifier, c.span.slice(s).to_string()))
}

#[test]
fn fatalities_are_read_after_the_verb_before_it_and_from_a_toll() {
    assert_eq!(
        dead("The blast killed at least 12 people.").map(|d| (d.0, d.1)),
        Some((12, Some("at least".into())))
    );
    assert_eq!(
        dead("Three soldiers were killed in the ambush.").map(|d| d.0),
        Some(3)
    );
    assert_eq!(
        dead("The death toll rose to 40 on Monday.").map(|d| d.0),
        Some(40)
    );
    assert_eq!(dead("Gunmen killed a teacher.").map(|d| d.0), Some(1));
    assert_eq!(dead("No one was killed in the fire.").map(|d| d.0), Some(0));
}

#[test]
fn no_count_and_no_date_make_fatalities() {
    assert_eq!(dead("Rebels attacked the post on Sunday."), None);
    assert_eq!(dead("Five soldiers were wounded."), None);
    // "12 March" is a date, not twelve dead.
    assert_ne!(
        dead("On 12 March militants killed the guard.").map(|d| d.0),
        Some(12)
    );
}

#[test]
fn the_interaction_code_puts_the_smaller_type_first() {
    assert_eq!(interaction(Some(7), Some(1)), Some(17));
    assert_eq!(interaction(Some(2), Some(1)), Some(12));
    assert_eq!(interaction(Some(6), None), Some(60));
    assert_eq!(interaction(None, None), None);
    assert_eq!(actor_type_name(3), Some("Political militias"));
    assert_eq!(actor_type_name(9), None);
}

#[test]
fn a_none_phrase_hides_the_words_inside_it_and_the_longest_mode_wins() {
    let a = Acled::builtin();
    let classes = |s: &str| -> Vec<String> {
        a.read(s, Span::new(0, s.len()))
            .iter()
            .map(|h| format!("{}={}", a.words.name(h.class), h.span.slice(s)))
            .collect()
    };
    let riot = classes("Riot police stood by.");
    assert!(riot.iter().all(|c| !c.starts_with("riot=")), "{riot:?}");
    let gas = classes("Police fired tear gas shells at the crowd.");
    assert!(
        gas.contains(&"mode:riot-control=tear gas shells".to_string()),
        "{gas:?}"
    );
    assert!(!gas.iter().any(|c| c.starts_with("mode:shelling")), "{gas:?}");
    let open = classes("Troops shelled the town.");
    assert!(open.contains(&"mode:shelling=shelled".to_string()), "{open:?}");
}

#[test]
fn actor_types_read_the_mention_words_before_the_sector() {
    let a = Acled::builtin();
    let actor = |sector: &str| casus_core::ActorRef {
        id: None,
        name: None,
        code: String::new(),
        country: None,
        sector: Some(sector.to_string()),
        plover_sector: None,
    };
    assert_eq!(
        a.actor_type("troops", "group", Some(&actor("military")), false),
        Some(1)
    );
    assert_eq!(
        a.actor_type("the mayor", "group", Some(&actor("government")), true),
        Some(7)
    );
    assert_eq!(
        a.actor_type("the mayor", "group", Some(&actor("government")), false),
        Some(1)
    );
    assert_eq!(
        a.actor_type("protesters", "group", Some(&actor("opposition")), false),
        Some(6)
    );
    assert_eq!(
        a.actor_type("an ethnic militia", "group", Some(&actor("armed group")), false),
        Some(4)
    );
    assert_eq!(
        a.actor_type("villagers", "group", Some(&actor("civilians")), false),
        Some(7)
    );
    assert_eq!(a.actor_type("Ostland", "country", None, false), Some(1));
}

#[test]
fn a_users_words_and_actor_types_are_read_and_bad_lines_reported() {
    let (a, issues) = Acled::with(UserTables {
        words: Some(("w.tsv", "natural\tsandstorm*\nbroken line\n")),
        actor_types: Some(("t.tsv", "word:herders\t7\nword:x\t9\n")),
        ..Default::default()
    });
    let lines: Vec<String> = issues.iter().map(|i| i.to_string()).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("w.tsv:2:") && lines[1].starts_with("t.tsv:2:"),
        "{lines:?}"
    );
    let s = "A sandstorm buried the road.";
    let hits = a.read(s, Span::new(0, s.len()));
    let t = a.type_of(&Facts::default(), &hits).unwrap();
    assert_eq!(t.sub.sub_event_type, "Natural disaster");
    assert_eq!(t.cue.map(|c| c.slice(s)), Some("sandstorm"));
    assert_eq!(a.actor_type("herders", "group", None, false), Some(7));
}
