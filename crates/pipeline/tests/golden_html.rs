//! Golden tests: our own web pages, checked field by field.

mod common;
use common::*;

struct Expect {
    file: &'static str,
    title: &'static str,
    published: Option<&'static str>,
    source: Option<&'static str>,
    author: Option<&'static str>,
    url: Option<&'static str>,
    dateline: Option<&'static str>,
    /// How each body paragraph starts.
    paragraphs: &'static [&'static str],
    sentences: usize,
}

const PAGES: &[Expect] = &[
    Expect {
        file: "turkey-drones.html",
        title: "Turkish Drones Hit PKK Positions in Northern Iraq",
        published: Some("2024-03-14T09:30:00Z"),
        source: Some("Meridian Daily"),
        author: Some("Leyla Demir"),
        url: Some("https://meridian-daily.example/world/turkish-drones-pkk-iraq"),
        dateline: None,
        paragraphs: &[
            "Turkey's defence ministry",
            "The ministry said",
            "Baghdad summoned",
            "\"We will not accept",
            "The PKK, which",
        ],
        sentences: 8,
    },
    Expect {
        file: "sahel-convoy.html",
        title: "Gunmen ambush army convoy in central Mali",
        published: Some("2023-11-02"),
        source: Some("The Savanna Tribune"),
        author: Some("Moussa Keita, Bamako correspondent"),
        url: None,
        dateline: None,
        paragraphs: &[
            "At least 12 soldiers",
            "The attackers, who",
            "Mali's ruling military",
            "The ambush came",
            "Violence has spread",
        ],
        sentences: 8,
    },
    Expect {
        file: "kyiv-dateline.html",
        title: "Russia and Ukraine swap prisoners in deal brokered by UAE",
        published: Some("2024-05-31"),
        source: Some("Casus Wire"),
        author: Some("Olena Marchenko"),
        url: Some("https://casus-wire.example/2024/05/prisoner-swap"),
        dateline: Some("KYIV, May 31 (Casus Wire)"),
        paragraphs: &[
            "Each side frees",
            "KYIV, May 31",
            "Ukrainian President",
            "Russia's defence ministry",
            "The UAE foreign ministry",
        ],
        sentences: 9,
    },
    Expect {
        file: "sudan-cp1252.html",
        title: "Sudan talks resume in Jeddah",
        // `<meta name="pubdate" content="20230606">`
        published: Some("2023-06-06"),
        source: None,
        author: None,
        url: None,
        dateline: None,
        paragraphs: &[
            "Envoys of Sudan’s army",
            "“We are here",
            "The fighting has killed",
        ],
        sentences: 6,
    },
    Expect {
        file: "plain-minimal.html",
        title: "Floods displace thousands in Pakistan's Sindh province",
        published: None,
        source: None,
        author: None,
        url: None,
        dateline: None,
        paragraphs: &[
            "Heavy monsoon rains",
            "The army deployed",
            "Prime Minister Shehbaz",
        ],
        sentences: 5,
    },
];

/// Words from the furniture of our pages that must not reach the text.
const FURNITURE: &[&str] = &[
    "cookies",
    "Share",
    "Advertisement",
    "Related Stories",
    "Comments",
    "Most Read",
    "newsletter",
    "All rights reserved",
    "Copyright",
    "Read more",
    "Trending",
    "Photo:",
    "Reporting by",
    "Follow us",
    "Published 2 November",
    "By Leyla",
    "Home",
    "Tags:",
];

#[test]
fn every_fixture_page_comes_out_as_expected_field_by_field() {
    let dir = fixtures().join("html");
    for e in PAGES {
        let out = extract(&[dir.join(e.file)]);
        assert!(out.problems.is_empty(), "{}: {:?}", e.file, out.messages());
        let a = &out.articles[0];
        assert_eq!(a.title.as_deref(), Some(e.title), "{}: title", e.file);
        assert_eq!(a.published.as_deref(), e.published, "{}: published", e.file);
        assert_eq!(a.source.as_deref(), e.source, "{}: source", e.file);
        assert_eq!(a.author.as_deref(), e.author, "{}: author", e.file);
        assert_eq!(a.url.as_deref(), e.url, "{}: url", e.file);
        assert_eq!(a.language.as_deref(), Some("en"), "{}: language", e.file);
        assert_eq!(
            a.dateline.as_ref().map(|d| d.text.as_str()),
            e.dateline,
            "{}: dateline",
            e.file
        );
        let paras = paragraphs(a);
        assert_eq!(
            paras.len(),
            e.paragraphs.len(),
            "{}: paragraphs {paras:#?}",
            e.file
        );
        for (p, start) in paras.iter().zip(e.paragraphs) {
            assert!(
                p.starts_with(start),
                "{}: paragraph {p:?} should start {start:?}",
                e.file
            );
        }
        assert_eq!(
            a.sentences.len(),
            e.sentences,
            "{}: sentences {:#?}",
            e.file,
            sentences(a)
        );
        for junk in FURNITURE {
            assert!(!a.text.contains(junk), "{}: furniture {junk:?} in text", e.file);
        }
    }
}

#[test]
fn a_declared_windows_1252_page_keeps_its_curly_quotes_and_accents() {
    let out = extract(&[fixtures().join("html/sudan-cp1252.html")]);
    let a = &out.articles[0];
    assert!(a
        .text
        .contains("“We are here to secure a ceasefire that holds,” a Saudi official said."));
    assert!(a.text.contains("décor"));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn a_dateline_span_points_at_the_dateline_and_stays_out_of_the_sentence() {
    let out = extract(&[fixtures().join("html/kyiv-dateline.html")]);
    let a = &out.articles[0];
    let d = a.dateline.as_ref().unwrap();
    let chars: Vec<char> = a.text.chars().collect();
    assert_eq!(chars[d.span[0]..d.span[1]].iter().collect::<String>(), d.text);
    let s = sentences(a);
    assert!(s.contains(&"Russia and Ukraine each released 75 prisoners of war on Friday in an exchange mediated by the United Arab Emirates, officials in both countries said.".to_string()), "{s:#?}");
    assert!(
        s.contains(&"The U.S. State Department welcomed the swap.".to_string()),
        "{s:#?}"
    );
}
