//! Places that explain each other in a local story: namesakes beside the
//! story's towns, one sense per discourse, streets, county lists, party
//! affiliations, states that share a country's name.

mod common;
use common::{place_of, places_article as article};

#[test]
fn a_town_of_a_shared_name_is_the_one_beside_the_articles_sure_town() {
    let a = article(
        "Arrests\n\nPolice in Shreveport arrested two men on Monday. \
         Both men live in Mansfield, the police said.\n",
    );
    // The small Mansfield near Shreveport, not the larger English town.
    assert_eq!(place_of(&a, "Mansfield").geonameid, Some(4332494));
    assert_eq!(place_of(&a, "Shreveport").geonameid, Some(4341513));
}

#[test]
fn a_well_known_town_abroad_moves_only_to_a_namesake_right_beside_the_story() {
    let a = article(
        "Crash\n\nTwo people were hurt in a crash in Paris on Friday. \
         One of them was flown to a hospital in Dallas.\n",
    );
    assert_eq!(place_of(&a, "Paris").geonameid, Some(4717560));
    // In a story about France, Paris stays the French capital.
    let b = article(
        "Crash\n\nFrench police said two people were hurt in a crash in Paris on Friday. \
         One of them was later flown to a hospital in Dallas.\n",
    );
    assert_eq!(place_of(&b, "Paris").geonameid, Some(2988507));
}

#[test]
fn the_articles_country_breaks_ties_but_does_not_shrink_a_capital_abroad() {
    let a = article("Talks\n\nAmerican diplomats flew to Brussels on Monday for two days of talks.\n");
    assert_eq!(place_of(&a, "Brussels").country.as_deref(), Some("BEL"));
}

#[test]
fn a_small_town_is_not_meant_by_an_old_name_it_shares_with_a_capital() {
    let a = article(
        "Storms\n\nStorms hit Alabama on Monday. Officials in Moscow said \
         on Tuesday that they would send aid.\n",
    );
    assert_eq!(place_of(&a, "Moscow").country.as_deref(), Some("RUS"));
}

#[test]
fn a_country_with_its_own_demonym_nearby_is_not_the_us_state() {
    let a = article(
        "Talks\n\nAmerican officials met Russian envoys on Monday to talk about the war in \
         Georgia. Georgian troops withdrew last year.\n",
    );
    assert_eq!(place_of(&a, "Georgia").kind, "country");
}

#[test]
fn a_name_used_once_as_a_place_is_that_place_wherever_it_is_written() {
    let a = article(
        "Budget Vote\n\nThe council met in Shreveport on Monday. Shreveport officials \
         approved the budget, and Shreveport's mayor signed it.\n",
    );
    let shreveport: Vec<(&str, &str)> = a
        .places
        .iter()
        .filter(|p| p.text == "Shreveport")
        .map(|p| (p.use_.as_str(), p.name.as_str()))
        .collect();
    // The locative, the sentence's first word and the possessive.
    assert_eq!(shreveport.len(), 3, "{:?}", a.places);
    assert!(shreveport.iter().all(|(_, name)| *name == "Shreveport"));
    assert!(shreveport.contains(&("literal", "Shreveport")));
    assert!(shreveport.contains(&("associative", "Shreveport")));
}

#[test]
fn a_small_towns_name_that_is_a_speakers_elsewhere_does_not_spread() {
    let a = article(
        "Arrest\n\nPolice in Shreveport said a man ran from Brisk on Monday. \
         Brisk said he was not there.\n",
    );
    assert_eq!(
        a.places.iter().filter(|p| p.text == "Brisk").count(),
        1,
        "{:?}",
        a.places
    );
}

#[test]
fn a_street_is_placed_at_the_town_the_article_names_before_it() {
    let a =
        article("Road Work\n\nCrews in Shreveport closed Elm Street and part of Old Mill Road on Monday.\n");
    let elm = place_of(&a, "Elm Street");
    assert_eq!((elm.kind.as_str(), elm.geonameid), ("street", None));
    assert_eq!((elm.lat, elm.lon), (32.53, -93.75));
    assert_eq!(place_of(&a, "Old Mill Road").kind, "street");
    // An event on the street is placed at the town, by the town's name.
    for e in &a.events {
        if let Some(l) = &e.location {
            assert_eq!(l.name, "Shreveport");
        }
    }
}

#[test]
fn two_names_with_namesakes_side_by_side_are_those_namesakes() {
    let a = article(
        "Arrest\n\nDeputies in Anderson County arrested a man on Monday. \
         He was taken to the jail in Palestine.\n",
    );
    // The Texan county and its seat, not the larger county elsewhere and
    // not the country.
    let county = place_of(&a, "Anderson County");
    assert_eq!((county.lat, county.lon), (31.82, -95.67));
    assert_eq!(place_of(&a, "Palestine").geonameid, Some(4736737));
    // In a story whose people are Saudi, two holy cities stay in Saudi Arabia.
    let b = article(
        "Pilgrims\n\nSaudi officials said pilgrims reached Mecca on Monday. \
         Two of them died in Medina.\n",
    );
    assert_eq!(place_of(&b, "Mecca").country.as_deref(), Some("SAU"));
    assert_eq!(place_of(&b, "Medina").country.as_deref(), Some("SAU"));
}

#[test]
fn an_unplaced_name_is_a_town_when_a_namesake_lies_beside_the_storys_towns() {
    let a = article(
        "Budget\n\nOfficials in Shreveport met on Monday, and the council of Mansfield \
         will vote on its budget next week.\n",
    );
    assert_eq!(place_of(&a, "Mansfield").geonameid, Some(4332494));
    // A small town's name far from every town of the story stays unplaced.
    let b = article(
        "Budget\n\nOfficials in Dallas met on Monday, and the council of Brisk \
         will vote on its budget next week.\n",
    );
    assert!(b.places.iter().all(|p| p.text != "Brisk"), "{:?}", b.places);
}

#[test]
fn a_countrys_name_is_a_state_of_the_country_the_storys_towns_are_in() {
    let a = article(
        "Storm\n\nCrews in Shreveport and Dallas cleared roads on Monday. \
         Georgia sent trucks to help them.\n",
    );
    let georgia = place_of(&a, "Georgia");
    assert_eq!(
        (georgia.kind.as_str(), georgia.country.as_deref()),
        ("admin area", Some("USA"))
    );
}

#[test]
fn a_sentence_that_opens_with_a_town_beside_the_storys_towns_names_it() {
    let a = article(
        "Budget\n\nOfficials in Shreveport met on Monday. Mansfield will vote on its budget \
         next week.\n",
    );
    assert_eq!(place_of(&a, "Mansfield").geonameid, Some(4332494));
}

#[test]
fn a_legislators_party_and_state_name_the_state() {
    let a = article("Vote\n\nSen. Ann Hale, R-Tex., voted against the bill on Monday.\n");
    let texas = place_of(&a, "Tex.");
    assert_eq!(
        (texas.name.as_str(), texas.use_.as_str()),
        ("Texas", "associative")
    );
}

#[test]
fn each_name_before_counties_is_its_county_near_the_story() {
    let a = article(
        "Bridge\n\nCrews in Georgia closed the bridge between Walton and Oconee counties on Monday.\n",
    );
    let walton = place_of(&a, "Walton");
    assert_eq!((walton.kind.as_str(), walton.lat), ("admin area", 33.78));
    assert_eq!(place_of(&a, "Oconee").name, "Oconee County");
}

#[test]
fn a_body_named_for_a_town_does_not_make_the_story_that_towns_country() {
    let a = article(
        "Crash\n\nA woman of Paris died on Saturday in a Dallas hospital. \
         The Paris Police Department said it was looking into the crash.\n",
    );
    // The police of a town called Paris say nothing of France: Paris, Texas.
    assert_eq!(place_of(&a, "Paris").geonameid, Some(4717560));
}

#[test]
fn two_famous_names_side_by_side_are_not_two_villages_of_those_names() {
    let a = article("Flights\n\nFlights from China to Rome were suspended on Monday.\n");
    // Not the villages of China and Rome in Maine, a few kilometres apart.
    assert_eq!(place_of(&a, "China").geonameid, Some(1814991));
    assert_eq!(place_of(&a, "Rome").geonameid, Some(3169070));
}

#[test]
fn a_placed_name_is_placed_again_before_a_common_noun_and_before_a_hyphen() {
    let a = article(
        "Flood\n\nFlooding hit Dallas on Monday. One Dallas business closed early, \
         and a Dallas-area dealership moved its cars uphill.\n",
    );
    let dallas: Vec<&str> = a
        .places
        .iter()
        .filter(|p| p.text == "Dallas")
        .map(|p| p.use_.as_str())
        .collect();
    // The town, the town's business, the dealership of the town's area.
    assert_eq!(dallas.len(), 3, "{dallas:?}");
    assert_eq!(dallas[2], "associative");
}

#[test]
fn a_town_written_beside_its_country_is_that_countrys_wherever_it_is_named() {
    let a = article(
        "Tour\n\nThe singer arrived in Athens, Greece, on Monday. She flew on to \
         Toronto, Ontario, after two concerts in Athens.\n",
    );
    let athens: Vec<Option<u64>> = a
        .places
        .iter()
        .filter(|p| p.text == "Athens")
        .map(|p| p.geonameid)
        .collect();
    // Not the village of Athens near Toronto.
    assert_eq!(athens, [Some(264371), Some(264371)]);
}

#[test]
fn a_town_written_as_a_state_is_the_state() {
    let a = article(
        "Herds\n\nThe first case was found in the state of Washington. A Washington state \
         farm was closed, and vets in England ran more tests.\n",
    );
    let washington: Vec<(&str, Option<u64>)> = a
        .places
        .iter()
        .filter(|p| p.text == "Washington")
        .map(|p| (p.kind.as_str(), p.geonameid))
        .collect();
    assert_eq!(
        washington,
        [("admin area", Some(5815135)), ("admin area", Some(5815135))]
    );
}

#[test]
fn a_firm_a_town_describes_does_not_make_the_story_about_a_country_of_that_name() {
    // "Hartley Metals, a Lebanon scrap dealer": the firm is of the town
    // beside Boone County, not of the country.
    let a = article(
        "Cleanup\n\nCrews in Boone County will collect old tires next week. \
         Hartley Metals, a Lebanon scrap dealer, will haul them away, the crews said.\n",
    );
    assert_eq!(place_of(&a, "Lebanon").geonameid, Some(4922673));
}

#[test]
fn a_capital_abroad_stays_in_the_country_the_story_names() {
    // Baltimore is within a day's drive of the small Moscow in
    // Pennsylvania; a story that names Russia means the capital.
    let a = article(
        "Flights\n\nThe airline will fly from Baltimore to Moscow in June, its chief said. \
         Flights to Russia were approved last week.\n",
    );
    assert_eq!(place_of(&a, "Moscow").country.as_deref(), Some("RUS"));
    let b = article("Flights\n\nThe airline will fly from Baltimore to Moscow in June, its chief said.\n");
    assert_eq!(place_of(&b, "Moscow").geonameid, Some(5202009));
}

#[test]
fn a_body_named_for_a_state_that_shares_a_countrys_name_is_not_that_countrys() {
    // The agents of a state bureau are not Georgians of the Caucasus: the
    // story is about Albany, Georgia.
    let a = article(
        "Search\n\nAn Albany police officer and Georgia Bureau of Investigation agents \
         searched a house on Monday. Albany officials said the search would go on.\n",
    );
    assert_eq!(place_of(&a, "Albany").geonameid, Some(4179320));
}
