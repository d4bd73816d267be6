use super::*;
use crate::{Dictionary, Recognizer};
use casus_nlp::Segmenter;

/// A small actor file in PETRARCH's format, written for these tests.
const ACTORS: &str = "# test actors, PETRARCH style\n\
NORVANIA_  [NRV]\n\
+NORVANIAN_\n\
+VELDT_CITY_ ; its capital\n\
\n\
TOMAS_GRELL_  ; a made-up minister\n\
+MINISTER_GRELL_\n\
\t[NRVGOV 150101-191231]\n\
\t[NRVELI >200101]\n\
\t[NRVELI]\n\
\n\
RED_HAND_FRONT_ <!-- an armed group -->\n\
\t[NRVREB]\n\
\n\
BLUE_LEAGUE_ [IGOBLU]\n";

const AGENTS: &str = "# test agents\n\
!PERSON! = MAN, WOMAN\n\
HARBOUR_PILOT [~BUS]\n\
CUSTOMS!PERSON! [~GOV]\n\
DEPUTY {DEPUTIES_} [~LEG]\n\
CROWD {} [~CVL]\n";

fn dict() -> (Dictionary, Vec<LineIssue>) {
    let mut d = Dictionary::builtin();
    let mut issues = d.add_file("test.actors.txt", ACTORS);
    issues.extend(d.add_file("test.agents.txt", AGENTS));
    (d, issues)
}

fn codes(d: Dictionary, text: &str, date: &str) -> Vec<(String, Option<String>)> {
    let seg = Segmenter::default().segment(text);
    Recognizer::new(d)
        .recognize(text, &seg.sentences, Some(date))
        .into_iter()
        .map(|f| (f.span.slice(text).to_string(), f.actor.map(|a| a.code)))
        .collect()
}

#[test]
fn files_are_recognised_by_their_content() {
    assert_eq!(sniff(ACTORS), Some(Kind::Actors));
    assert_eq!(sniff(AGENTS), Some(Kind::Agents));
    assert_eq!(
        sniff("# casus actors\nx\tperson\tUSA\tgovernment\tUSAGOV\tX\t\n"),
        None
    );
}

#[test]
fn actor_records_load_with_synonyms_and_dated_roles() {
    let (d, issues) = dict();
    assert!(issues.is_empty(), "{issues:?}");
    let grell = d.actors.iter().find(|a| a.id == "petrarch:tomas-grell").unwrap();
    assert_eq!(grell.kind, "person");
    assert_eq!(grell.names, ["TOMAS GRELL", "MINISTER GRELL"]);
    assert_eq!(grell.code_on(Some("2016-06-01")), "NRVGOV");
    assert_eq!(grell.code_on(Some("2021-06-01")), "NRVELI");
    let front = d
        .actors
        .iter()
        .find(|a| a.id == "petrarch:red-hand-front")
        .unwrap();
    assert_eq!(
        (front.kind.as_str(), front.code.as_str()),
        ("armed_group", "NRVREB")
    );
    assert_eq!(front.country.as_deref(), Some("NRV"));
    let league = d.actors.iter().find(|a| a.id == "petrarch:blue-league").unwrap();
    assert_eq!(league.kind, "igo");
    let nrv = d.country("NRV").unwrap();
    assert_eq!(nrv.name, "Norvania");
    assert!(nrv.folded.contains(&"VELDT CITY".to_string()));
}

#[test]
fn agents_get_plurals_and_substitution_sets() {
    let (d, _) = dict();
    let phrases = |code: &str| d.agents.iter().find(|a| a.code == code).unwrap().phrases.clone();
    assert!(phrases("BUS").contains(&"harbour pilots".to_string()));
    assert!(phrases("GOV").contains(&"customswoman".to_string()));
    assert!(phrases("LEG").contains(&"deputies".to_string()));
    let cvl = phrases("CVL");
    assert!(cvl.contains(&"crowd".to_string()) && !cvl.contains(&"crowds".to_string()));
}

#[test]
fn capitalised_names_match_whatever_their_case_in_the_file() {
    let (d, _) = dict();
    let got = codes(
        d,
        "Norvanian harbour pilots met Tomas Grell in Veldt City. The Red Hand Front stayed away.",
        "2016-06-01",
    );
    let code = |t: &str| got.iter().find(|g| g.0 == t).and_then(|g| g.1.clone());
    assert_eq!(
        code("Norvanian harbour pilots").as_deref(),
        Some("NRVBUS"),
        "{got:?}"
    );
    assert_eq!(code("Tomas Grell").as_deref(), Some("NRVGOV"));
    assert_eq!(code("Red Hand Front").as_deref(), Some("NRVREB"));
    assert!(got.iter().any(|g| g.0 == "Veldt City"), "{got:?}");
}

#[test]
fn lower_case_words_do_not_match_capitalised_names() {
    let (d, _) = dict();
    let got = codes(d, "the red hand front of the queue", "2016-06-01");
    assert!(got.iter().all(|g| g.0 != "red hand front"), "{got:?}");
}

#[test]
fn broken_lines_are_reported_with_file_and_line_and_skipped() {
    let mut d = Dictionary::default();
    let text = "+ORPHAN_SYNONYM_\n\
        GOOD_GROUP_\n\
        \t[NRVREB 991301-200101]\n\
        \t[NRVREB\n\
        \t[NRVREB 150101-160101]\n";
    let issues = d.add_file("bad.actors.txt", text);
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, [1, 3, 4], "{issues:?}");
    assert!(issues[1]
        .to_string()
        .starts_with("bad.actors.txt:3: expected a date"));
    let good = d.actors.iter().find(|a| a.id == "petrarch:good-group").unwrap();
    assert_eq!(good.roles.len(), 1);
}

#[test]
fn dates_with_two_digit_years_fall_in_the_right_century() {
    assert_eq!(date("750101").unwrap(), "1975-01-01");
    assert_eq!(date("011222").unwrap(), "2001-12-22");
    assert_eq!(date("20140130").unwrap(), "2014-01-30");
    assert!(date("2014013").is_err());
}
