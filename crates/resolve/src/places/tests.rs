use super::*;

/// A small index written for these tests (real coordinates are facts).
const SMALL: &str = "# test\ngeonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\n\
    99237\tIraq\tcountry\tIRQ\t33.2\t43.7\t38000000\t\n\
    98182\tBaghdad\tcity\tIRQ\t33.34\t44.40\t7216000\tBagdad|Baghdād\n\
    4709796\tBaghdad\tcity\tUSA\t30.1\t-93.9\t600\t\n\
    6255146\tAfrica\tcontinent\t\t7.19\t21.09\t1031833000\t\n\
    4197000\tGeorgia\tadmin1\tUSA\t32.75\t-83.5\t0\tGa.\n\
    614540\tGeorgia\tcountry\tGEO\t42.0\t43.5\t3700000\t\n\
    2464470\tAfrica\tcity\tTUN\t35.5\t11.0\t5000\t\n\
    281133\tGaza\tcity\tPSE\t31.50\t34.47\t410000\tGaza City\n\
    2988507\tParis\tcity\tFRA\t48.85\t2.35\t2138551\t\n\
    4717560\tParis\tcity\tUSA\t33.66\t-95.56\t25171\t\n\
    1\tBroken\tcity\tIRQ\tnorth\t44\t1\t\n";

#[test]
fn names_resolve_to_the_place_the_article_is_about() {
    let (g, issues) = Gazetteer::parse("small.tsv", SMALL);
    assert_eq!(g.len(), 10);
    assert_eq!(issues.len(), 1);
    assert!(issues[0]
        .to_string()
        .starts_with("small.tsv:13: expected a latitude"));
    assert_eq!(g.resolve("Ga.", &[]).unwrap().kind, PlaceKind::Admin1);
    assert_eq!(
        g.resolve("Georgia", &["USA".into()]).unwrap().kind,
        PlaceKind::Country
    );
    assert_eq!(
        g.admin_in("Georgia", &["USA".into()], "GEO").unwrap().country,
        "USA"
    );
    assert!(g.admin_in("Georgia", &["GEO".into()], "GEO").is_none());
    assert_eq!(
        g.resolve("Africa", &["TUN".into()]).unwrap().kind,
        PlaceKind::Continent
    );
    assert_eq!(
        g.resolve("Baghdad", &[]).unwrap().country,
        "IRQ",
        "the most populous"
    );
    assert_eq!(
        g.resolve("Paris", &["USA".into()]).unwrap().population,
        25171,
        "the article's country weighs a hundredfold"
    );
    assert_eq!(
        g.resolve("Baghdad", &["USA".into()]).unwrap().country,
        "IRQ",
        "but a hamlet does not outweigh a capital abroad"
    );
    assert_eq!(g.resolve("gaza city", &[]).unwrap().geonameid, 281133);
    assert_eq!(g.resolve("Iraq", &[]).unwrap().kind, PlaceKind::Country);
    assert!(g.resolve("Atlantis", &[]).is_none());
    assert_eq!(g.country("IRQ").unwrap().name, "Iraq");
}

#[test]
fn an_opened_gazetteer_builds_its_index_once_and_rebuilds_it_when_stale_or_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let tsv = dir.path().join("gazetteer.tsv");
    let idx = dir.path().join("gazetteer.idx");
    std::fs::write(&tsv, SMALL).unwrap();

    let (built, issues) = Gazetteer::open(&tsv).unwrap();
    assert_eq!(issues.len(), 1, "the run that builds reports bad lines");
    assert!(idx.exists(), "the index is written beside the TSV");
    assert!(matches!(*built.bytes, Bytes::Owned(_)));

    let (mapped, issues) = Gazetteer::open(&tsv).unwrap();
    assert!(matches!(*mapped.bytes, Bytes::Mapped(_)), "the second run maps");
    assert!(issues.is_empty());
    assert_eq!(mapped.len(), 10);
    assert_eq!(mapped.resolve("bagdad", &[]).unwrap().geonameid, 98182);

    // A changed TSV (another size) makes the index stale.
    std::fs::write(&tsv, SMALL.replace("Gaza City", "Gaza City|Ghazzah")).unwrap();
    let (rebuilt, _) = Gazetteer::open(&tsv).unwrap();
    assert!(matches!(*rebuilt.bytes, Bytes::Owned(_)));
    assert_eq!(rebuilt.resolve("ghazzah", &[]).unwrap().geonameid, 281133);

    // A truncated index is refused and built again, never read.
    let len = std::fs::metadata(&idx).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&idx).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    let (repaired, _) = Gazetteer::open(&tsv).unwrap();
    assert!(matches!(*repaired.bytes, Bytes::Owned(_)));
    assert_eq!(repaired.len(), 10);
    assert!(matches!(
        *Gazetteer::open(&tsv).unwrap().0.bytes,
        Bytes::Mapped(_)
    ));
}

#[test]
fn a_county_without_an_id_loads_and_a_town_resolves_near_its_region() {
    let tsv = "geonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\n\
        \tKanawha County\tadmin2\tUSA\t38.33\t-81.52\t180745\t\n\
        4826850\tWest Virginia\tadmin1\tUSA\t38.50\t-80.50\t0\tW.Va.\n\
        4801859\tCharleston\tcity\tUSA\t38.35\t-81.63\t51400\t\n\
        4574324\tCharleston\tcity\tUSA\t32.78\t-79.93\t150227\t\n";
    let (g, issues) = Gazetteer::parse("t.tsv", tsv);
    assert!(issues.is_empty(), "{issues:?}");
    let county = g.resolve("kanawha county", &[]).unwrap();
    assert_eq!((county.kind, county.geonameid), (PlaceKind::Admin2, 0));
    assert_eq!(
        g.resolve("Charleston", &[]).unwrap().geonameid,
        4574324,
        "the larger"
    );
    let wv = g.resolve("W.Va.", &[]).unwrap();
    assert_eq!(g.nearest("Charleston", &wv, 600.0).unwrap().geonameid, 4801859);
    assert!(g.nearest("Charleston", &wv, 50.0).is_none(), "none that near");
    // Baghdad to Basra, about 450 km.
    let d = km((33.34, 44.40), (30.51, 47.78));
    assert!((440.0..460.0).contains(&d), "{d}");
}

#[test]
fn a_missing_gazetteer_is_an_error_naming_nothing_built() {
    let dir = tempfile::tempdir().unwrap();
    assert!(Gazetteer::open(&dir.path().join("none.tsv")).is_err());
    assert!(!dir.path().join("none.idx").exists());
}

#[test]
fn a_town_carries_its_admin_areas_and_is_found_inside_a_named_state() {
    let tsv = "# test\ngeonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\tadmin1\tadmin2\n\
        4250542\tSpringfield\tcity\tUSA\t39.80\t-89.64\t116250\t\tIllinois\tSangamon County\n\
        4409896\tSpringfield\tcity\tUSA\t37.22\t-93.30\t166810\t\tMissouri\tGreene County\n\
        4235193\tCairo\tcity\tUSA\t37.01\t-89.18\t2831\t\tIllinois\tAlexander County\n\
        4381072\tCairo\tcity\tUSA\t39.51\t-92.44\t290\t\tMissouri\tRandolph County\n\
        4896861\tIllinois\tadmin1\tUSA\t40.00\t-89.00\t0\tIll.\t\t\n\
        4398678\tMissouri\tadmin1\tUSA\t38.25\t-92.50\t0\tMo.\n";
    let (g, issues) = Gazetteer::parse("areas.tsv", tsv);
    assert!(issues.is_empty(), "{issues:?}");
    let town = g.resolve("Springfield", &[]).unwrap();
    assert_eq!(town.admin1.as_deref(), Some("Missouri"), "the most populous");
    assert_eq!(town.admin2.as_deref(), Some("Greene County"));
    // An eight-column line has no areas.
    assert_eq!(g.resolve("Mo.", &[]).unwrap().admin1, None);
    // Cairo, Missouri lies nearer Illinois' point than Cairo, Illinois,
    // which lies inside the state.
    let illinois = g.resolve("Illinois", &[]).unwrap();
    assert_eq!(
        g.nearest("Cairo", &illinois, 600.0).unwrap().admin1.as_deref(),
        Some("Missouri")
    );
    assert_eq!(
        g.in_or_near("Cairo", &illinois, 600.0).unwrap().admin1.as_deref(),
        Some("Illinois")
    );
}

#[test]
fn a_state_named_like_a_city_with_city_after_it_is_the_state() {
    let tsv = "geonameid\tname\tkind\tcountry\tlat\tlon\tpopulation\talternates\n\
        5128638\tNew York\tadmin1\tUSA\t43.0\t-75.5\t0\tN.Y.\n\
        5128581\tNew York City\tcity\tUSA\t40.71\t-74.01\t8804190\tNew York|NYC\n\
        2643743\tLondon\tcity\tGBR\t51.51\t-0.13\t8961989\t\n\
        6058560\tLondon\tcity\tCAN\t42.98\t-81.23\t346765\t\n";
    let (g, issues) = Gazetteer::parse("ny.tsv", tsv);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(g.resolve("New York", &[]).unwrap().kind, PlaceKind::Admin1);
    assert_eq!(g.resolve("New York City", &[]).unwrap().kind, PlaceKind::City);
    assert_eq!(g.resolve("NYC", &[]).unwrap().kind, PlaceKind::City);
    // A town whose own name is the name keeps it.
    assert_eq!(g.resolve("London", &[]).unwrap().country, "GBR");
}
