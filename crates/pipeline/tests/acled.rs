//! ACLED types through the whole pipeline, on sentences we wrote: one test
//! per sub-event type and per weapon mode, each named as what it checks.

use casus_core::{CharMap, Event};
use casus_pipeline::{annotate, AcledFiles, Resources, UserData};
use std::sync::OnceLock;

fn resources() -> &'static Resources {
    static R: OnceLock<Resources> = OnceLock::new();
    R.get_or_init(Resources::builtin)
}

fn events_with(res: &Resources, text: &str) -> Vec<Event> {
    let sentences = res.segmenter.segment(text).sentences;
    annotate(res, text, &sentences, Some("2024-05-02"), &CharMap::new(text)).events
}

/// The surest event with an ACLED type.
fn typed(text: &str) -> Event {
    let events = events_with(resources(), text);
    events
        .iter()
        .filter(|e| e.acled.is_some())
        .fold(None::<&Event>, |b, e| match b {
            Some(b) if b.confidence >= e.confidence => Some(b),
            _ => Some(e),
        })
        .unwrap_or_else(|| panic!("no ACLED-typed event in {text:?}: {events:#?}"))
        .clone()
}

fn sub_event(text: &str) -> String {
    typed(text).acled.unwrap().sub_event_type
}

/// Every span an event carries gives back its words.
fn spans_hold(text: &str, e: &Event) {
    let chars: Vec<char> = text.chars().collect();
    let words = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    assert_eq!(words(e.trigger.span), e.trigger.text);
    if let Some(c) = e.acled.as_ref().and_then(|a| a.cue.as_ref()) {
        assert_eq!(words(c.span), c.text);
    }
    if let Some(m) = &e.plover.mode_words {
        assert_eq!(words(m.span), m.text);
    }
    if let Some(f) = &e.fatalities {
        assert_eq!(words(f.span), f.text);
    }
}

macro_rules! sub_event_tests {
    ($($name:ident: $text:expr => $sub:expr, $event_type:expr;)*) => {$(
        #[test]
        fn $name() {
            let e = typed($text);
            spans_hold($text, &e);
            let a = e.acled.as_ref().unwrap();
            assert_eq!((a.sub_event_type.as_str(), a.event_type.as_str()), ($sub, $event_type), "{e:#?}");
        }
    )*};
}

sub_event_tests! {
    troops_taking_a_town_back_is_government_regains_territory:
        "Army units recaptured the hill town of Pellin from insurgents on Saturday." => "Government regains territory", "Battles";
    rebels_taking_a_town_is_non_state_actor_overtakes_territory:
        "Rebel fighters seized control of the market town of Oska after a short siege." => "Non-state actor overtakes territory", "Battles";
    soldiers_fighting_rebels_is_an_armed_clash:
        "Soldiers and rebels clashed for hours outside the garrison town of Vey." => "Armed clash", "Battles";
    a_gas_attack_is_a_chemical_weapon:
        "Witnesses described a chemical attack on the eastern quarter of Stell that left many choking." => "Chemical weapon", "Explosions/Remote violence";
    an_airstrike_is_an_air_or_drone_strike:
        "An air strike destroyed a school building in Harrow district." => "Air/drone strike", "Explosions/Remote violence";
    a_bomber_who_blows_himself_up_is_a_suicide_bomb:
        "A suicide bomber blew himself up outside the ministry in Corra, killing nine guards." => "Suicide bomb", "Explosions/Remote violence";
    mortar_fire_on_a_town_is_shelling:
        "Mortar shells fell on the centre of Linz-Oder, killing two shoppers." => "Shelling/artillery/missile attack", "Explosions/Remote violence";
    a_roadside_bomb_is_a_remote_explosive:
        "A roadside bomb struck a patrol on the highway to Marn, wounding four soldiers." => "Remote explosive/landmine/IED", "Explosions/Remote violence";
    a_thrown_grenade_is_a_grenade:
        "Attackers threw a grenade at a wedding party in Oulu village, injuring eleven guests." => "Grenade", "Explosions/Remote violence";
    rape_by_soldiers_is_sexual_violence:
        "Soldiers raped three women in the village of Tarn, a relief agency reported." => "Sexual violence", "Violence against civilians";
    gunmen_killing_a_farmer_is_an_attack_on_civilians:
        "Gunmen shot dead a farmer and his brother in their field near Brisk." => "Attack", "Violence against civilians";
    a_kidnapped_engineer_is_an_abduction:
        "Militants kidnapped a road engineer and his driver outside Kolm." => "Abduction/forced disappearance", "Violence against civilians";
    a_rally_for_wages_is_a_peaceful_protest:
        "Thousands of dock workers rallied in the port city to demand better wages." => "Peaceful protest", "Protests";
    a_protest_broken_up_with_tear_gas_is_a_protest_with_intervention:
        "Riot police used tear gas to disperse hundreds of students protesting outside the ministry." => "Protest with intervention", "Protests";
    troops_shooting_protesters_is_excessive_force:
        "Security forces shot dead three protesters at a peaceful march in Wend." => "Excessive force against protesters", "Protests";
    protesters_throwing_stones_is_a_violent_demonstration:
        "Demonstrators threw stones at police and burned tyres in the streets of Ardo." => "Violent demonstration", "Riots";
    a_lynching_is_mob_violence:
        "A mob lynched a truck driver after a crash that killed a child in Seva." => "Mob violence", "Riots";
    a_signed_peace_deal_is_an_agreement:
        "The government and the northern rebels signed a peace agreement in Lusk." => "Agreement", "Strategic developments";
    police_arresting_suspects_is_arrests:
        "Police arrested six suspects in a dawn raid on a house in Tolm." => "Arrests", "Strategic developments";
    a_curfew_is_a_change_to_group_activity:
        "The authorities imposed a curfew on Velk after the elections." => "Change to group/activity", "Strategic developments";
    a_defused_bomb_is_disrupted_weapons_use:
        "Army engineers defused a bomb planted under a bridge near Sorn." => "Disrupted weapons use", "Strategic developments";
    a_new_rebel_base_is_a_headquarters_established:
        "The rebels set up a base in the forest north of Kaln, villagers said." => "Headquarters or base established", "Strategic developments";
    houses_burned_down_is_property_destruction:
        "Raiders looted shops and burned down a school in Fenn overnight." => "Looting/property destruction", "Strategic developments";
    a_withdrawal_without_a_fight_is_a_non_violent_transfer:
        "The militia withdrew from the dam without a fight and handed over control to the army." => "Non-violent transfer of territory", "Strategic developments";
    a_flood_is_a_natural_disaster:
        "Floods after a week of torrential rain drowned villages along the Sava valley." => "Natural disaster", "Natural disaster";
    a_factory_fire_is_a_man_made_disaster:
        "A fire broke out at a paint factory in Nordby, killing four workers." => "Man-made disaster", "Man-made disaster";
    a_cartel_shooting_is_organized_crime:
        "Cartel gunmen shot a police informant in a bar in the border town." => "Organized crime", "Organized crime";
}

macro_rules! mode_tests {
    ($($name:ident: $text:expr => $mode:expr;)*) => {$(
        #[test]
        fn $name() {
            let e = typed($text);
            spans_hold($text, &e);
            assert_eq!(e.plover.mode.as_deref(), Some($mode), "{e:#?}");
            assert!(e.plover.mode_words.is_some(), "the mode names its words");
        }
    )*};
}

mode_tests! {
    warplanes_name_the_air_strike_mode:
        "Warplanes struck a fuel depot outside Arn, killing three guards." => "air-strike";
    a_drone_strike_names_the_drone_mode:
        "A drone strike killed two commanders of the group near Olf." => "drone";
    artillery_names_the_shelling_mode:
        "Artillery shelling killed five civilians in the eastern suburbs of Mell." => "shelling";
    a_rocket_names_the_missile_mode:
        "A rocket hit a bus station in Dunn, killing a taxi driver." => "missile";
    a_roadside_bomb_names_the_ied_mode:
        "A roadside bomb killed two policemen on the road to Pask." => "ied";
    a_landmine_names_the_landmine_mode:
        "A landmine killed a shepherd grazing his flock near the border." => "landmine";
    a_suicide_vest_names_the_suicide_bomb_mode:
        "A suicide bomber killed seven people at a bus stop in Carr." => "suicide-bomb";
    a_grenade_names_the_grenade_mode:
        "A grenade thrown into a bar in Lisk killed one customer." => "grenade";
    gunfire_names_the_small_arms_mode:
        "Gunmen opened fire on a minibus near Tarsk, killing four passengers." => "small-arms";
    a_machete_names_the_bladed_mode:
        "Attackers armed with machetes killed three villagers in Obo." => "bladed";
    torching_names_the_arson_mode:
        "Militants torched a police station in Dolk." => "arson";
    a_chemical_agent_names_the_chemical_mode:
        "Government forces used chlorine gas on the besieged district of Ferro, killing six." => "chemical";
}

#[test]
fn the_count_of_the_dead_is_the_events_fatalities_with_its_qualifier() {
    let text = "Gunmen attacked a bus near Morr on Sunday, killing at least 14 passengers.";
    let e = typed(text);
    let f = e.fatalities.as_ref().expect("a count of the dead");
    assert_eq!((f.count, f.qualifier.as_deref()), (14, Some("at least")));
    assert!(f.text.contains("14"));
    spans_hold(text, &e);
}

#[test]
fn an_event_without_a_count_of_the_dead_has_no_fatalities_not_zero() {
    let e = typed("Rebels attacked an army post near Vask on Sunday.");
    assert_eq!(e.fatalities, None);
}

#[test]
fn soldiers_against_civilians_carry_acled_actor_types_and_their_interaction() {
    let e = typed("Soldiers killed three villagers near Rask on Monday.");
    let a = e.acled.unwrap();
    assert_eq!(
        (a.inter1, a.inter2, a.interaction),
        (Some(1), Some(7), Some(17)),
        "{a:?}"
    );
}

#[test]
fn a_diplomatic_statement_has_no_acled_type() {
    let events = events_with(
        resources(),
        "The foreign minister praised the new trade agreement with Ostland.",
    );
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.acled.is_none()), "{events:#?}");
}

#[test]
fn a_users_edited_rules_table_changes_the_type() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.tsv");
    // One rule: every riot is mob violence.
    std::fs::write(&rules, "Mob violence\thas:riot cameo:14,145,17,18,19,20,-\t145\n").unwrap();
    let (res, issues) = Resources::load(UserData {
        acled: AcledFiles {
            rules: Some(&rules),
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    let text = "Rioters smashed shop windows in the centre of Pell.";
    assert_eq!(sub_event(text), "Violent demonstration");
    let mine: Vec<String> = events_with(&res, text)
        .into_iter()
        .filter_map(|e| e.acled.map(|a| a.sub_event_type))
        .collect();
    assert!(
        !mine.is_empty() && mine.iter().all(|s| s == "Mob violence"),
        "{mine:?}"
    );
}

#[test]
fn a_bad_line_in_a_users_rules_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.tsv");
    std::fs::write(
        &rules,
        "Attack\tcameo:18\nRiot party\thas:riot\nAttack\thas:no-such-class\n",
    )
    .unwrap();
    let (_, issues) = Resources::load(UserData {
        acled: AcledFiles {
            rules: Some(&rules),
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap();
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 3], "{issues:?}");
    assert!(issues[0].to_string().contains("unknown sub-event type"));
    assert!(issues[1].to_string().contains("no word class"));
}

#[test]
fn a_storm_of_criticism_and_a_flood_of_refugees_are_no_disasters() {
    for text in [
        "The plan caused a storm of criticism in parliament on Monday.",
        "A flood of refugees reached the border town after the ceasefire.",
    ] {
        let events = events_with(resources(), text);
        assert!(
            events.iter().all(|e| e
                .acled
                .as_ref()
                .is_none_or(|a| a.sub_event_type != "Natural disaster")),
            "{text}: {events:#?}"
        );
    }
}
