use super::*;

fn split(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn p(q: &str) -> Result<Query> {
    parse(q, &Limits::default(), &split)
}

fn w(x: &str) -> Query {
    Query::Words {
        field: Field::Any,
        words: split(x),
    }
}

fn refused(q: &str) -> String {
    match p(q) {
        Err(StoreError::BadParam { param, message }) => {
            assert_eq!(param, "q");
            message
        }
        other => panic!("{q:?} should be refused, got {other:?}"),
    }
}

#[test]
fn one_word_is_a_word_query() {
    assert_eq!(p("Harbour").unwrap(), w("harbour"));
}

#[test]
fn words_side_by_side_may_each_match() {
    assert_eq!(
        p("ferry strike").unwrap(),
        Query::Group(vec![(Occur::Should, w("ferry")), (Occur::Should, w("strike"))])
    );
}

#[test]
fn a_phrase_keeps_its_words_in_order() {
    assert_eq!(p("\"river port\"").unwrap(), w("river port"));
}

#[test]
fn and_makes_both_required_and_a_minus_leaves_out() {
    assert_eq!(
        p("ferry AND -strike").unwrap(),
        Query::Group(vec![(Occur::Must, w("ferry")), (Occur::MustNot, w("strike"))])
    );
}

#[test]
fn or_binds_looser_than_and() {
    let q = p("a AND b OR c").unwrap();
    let Query::Group(alts) = q else { panic!() };
    assert_eq!(alts.len(), 2);
    assert_eq!(alts[1], (Occur::Should, w("c")));
}

#[test]
fn a_field_prefix_limits_the_word_to_that_field() {
    assert_eq!(
        p("title:ferry").unwrap(),
        Query::Words {
            field: Field::Title,
            words: vec!["ferry".into()]
        }
    );
    assert_eq!(
        p("title:\"river port\"").unwrap(),
        Query::Words {
            field: Field::Title,
            words: vec!["river".into(), "port".into()]
        }
    );
}

#[test]
fn a_hyphen_inside_a_word_is_not_a_minus() {
    assert_eq!(p("cease-fire").unwrap(), w("cease fire"));
}

#[test]
fn parentheses_group_and_must_be_balanced() {
    assert!(p("(ferry OR boat) AND strike").is_ok());
    assert!(refused("(ferry").contains("never closed"));
    assert!(refused("ferry)").contains("never opened"));
    assert!(refused("\"ferry").contains("byte 0"));
}

#[test]
fn nesting_beyond_the_depth_limit_is_refused_without_recursing_into_it() {
    let deep = format!("{}x{}", "(".repeat(5000), ")".repeat(5000));
    let q = parse(
        &deep,
        &Limits {
            bytes: 20_000,
            ..Limits::default()
        },
        &split,
    );
    assert!(format!("{:?}", q.unwrap_err()).contains("deeper than the limit of 8"));
    let ok = format!("{}x{}", "(".repeat(8), ")".repeat(8));
    assert_eq!(p(&ok).unwrap(), w("x"));
}

#[test]
fn too_long_and_too_many_words_are_refused_naming_the_limit() {
    assert!(refused(&"a".repeat(1001)).contains("limit is 1000 bytes"));
    let many = vec!["w"; 33].join(" ");
    assert!(refused(&many).contains("more than 32 words"));
}

#[test]
fn nothing_to_look_for_is_refused() {
    assert!(refused("   ").contains("expected words"));
    assert!(refused("!!! ???").contains("expected words"));
    assert!(refused("-ferry").contains("not only words to leave out"));
}

mod random {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_mix_of_query_syntax_parses_or_is_refused_as_a_bad_q(
            parts in proptest::collection::vec(
                prop::sample::select(vec!["(", ")", "\"", "AND", "OR", "-", "+", "title:", "text:", "ferry", " ", "NOT", "é", "a:b"]),
                0..400,
            )
        ) {
            let q: String = parts.concat();
            match p(&q) {
                Ok(_) => {}
                Err(StoreError::BadParam { param, .. }) => prop_assert_eq!(param, "q"),
                Err(e) => prop_assert!(false, "unexpected error {e:?}"),
            }
        }
    }
}
