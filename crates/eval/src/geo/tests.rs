use super::*;

const TOPONYMS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>Flood in Vendle</title>
    <text><![CDATA[Rain hit Vendle & the hills near Orsk.]]></text>
    <toponyms count="2">
      <toponym><start>9</start><end>15</end><phrase>Vendle</phrase>
        <gaztag geonameid="999"><name>Vendle</name><fclass>P</fclass><lat>1.5</lat><lon>2.5</lon></gaztag></toponym>
      <toponym><start>34</start><end>38</end><phrase>Orsk</phrase></toponym>
    </toponyms>
  </article>
</articles>"#;

/// GeoVirus's layout, its offsets one too high.
const LOCATIONS: &str = r#"<articles><article><source>x</source><text>Cases rose in Tarvik.</text>
<locations><location><name>Tarvik</name><start>15</start><end>21</end><lat>10</lat><lon>20</lon></location>
<location><name>Nowhere</name><start>3</start><end>10</end><lat>0</lat><lon>0</lon></location></locations></article></articles>"#;

#[test]
fn both_layouts_read_with_their_offsets_put_right() {
    let f = parse("t.xml", TOPONYMS).unwrap();
    let a = &f.articles[0];
    assert_eq!(a.id, "7");
    assert_eq!(a.toponyms.len(), 2);
    let chars: Vec<char> = a.text.chars().collect();
    let words = |t: &Toponym| chars[t.start..t.end].iter().collect::<String>();
    assert_eq!(words(&a.toponyms[0]), "Vendle");
    assert_eq!(a.toponyms[0].at, Some((1.5, 2.5)));
    assert_eq!(
        (words(&a.toponyms[1]), a.toponyms[1].at),
        ("Orsk".to_string(), None)
    );
    let f = parse("g.xml", LOCATIONS).unwrap();
    let t = &f.articles[0].toponyms;
    assert_eq!(
        (t.len(), t[0].start, f.dropped),
        (1, 14, 1),
        "Nowhere is not in the text"
    );
}

#[test]
fn a_file_that_is_not_xml_is_refused_with_its_line() {
    let e = parse("bad.xml", "<articles>\n<article>\n</articles>").unwrap_err();
    assert!(e.to_string().starts_with("bad.xml:3:"), "{e}");
}

#[test]
fn distances_are_great_circle_kilometres() {
    // Paris to London is about 344 km.
    let d = km((48.8566, 2.3522), (51.5074, -0.1278));
    assert!((d - 344.0).abs() < 2.0, "{d}");
}

#[test]
fn recognition_overlaps_and_resolution_within_161_km() {
    let gold = vec![
        Toponym {
            start: 0,
            end: 5,
            phrase: "Aaaaa".into(),
            at: Some((10.0, 10.0)),
        },
        Toponym {
            start: 10,
            end: 15,
            phrase: "Bbbbb".into(),
            at: Some((0.0, 0.0)),
        },
        Toponym {
            start: 20,
            end: 25,
            phrase: "Ccccc".into(),
            at: None,
        },
    ];
    let article = GeoArticle {
        id: "1".into(),
        text: "x".repeat(40),
        toponyms: gold,
    };
    let mut s = GeoScore::default();
    // One near (about 11 km off), one far (about 1,100 km), one extra.
    s.add(
        &article,
        &[
            ([0, 5], Some((10.1, 10.0))),
            ([11, 14], Some((10.0, 0.0))),
            ([30, 33], None),
        ],
    );
    s.finish();
    assert_eq!(
        (s.recognition.matched_gold, s.recognition.matched_predicted),
        (2, 2)
    );
    assert_eq!(s.within_161km.to_string(), "50.0% (1/2)");
    assert_eq!(s.end_to_end.to_string(), "50.0% (1/2)");
    assert!(s.median_km > 1000.0);
    assert!(s.auc > 0.0 && s.auc < 1.0);
    assert_eq!(s.misses.len(), 3, "{:?}", s.misses);
}
