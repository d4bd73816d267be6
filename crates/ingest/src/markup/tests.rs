use super::*;

fn depth(html: &str, limit: usize) -> Result<String, OverLimit> {
    prepare(
        html,
        &HtmlLimits {
            depth: limit,
            elements: 1000,
        },
    )
}

#[test]
fn block_elements_get_line_breaks_and_inline_ones_do_not() {
    let got = prepare(
        "<div>One town.</div><div>Two <b>towns</b>.</div>",
        &HtmlLimits::default(),
    )
    .unwrap();
    assert_eq!(got, "<div>One town.</div>\n<div>Two <b>towns</b>.</div>");
}

#[test]
fn a_page_with_its_own_line_breaks_is_handed_on_unchanged() {
    let page = "<html>\n<body>\n<div>One town.</div><div>Two.</div>\n<p>Two towns.<br>\nThree.</p>\n</body>\n</html>\n";
    assert_eq!(prepare(page, &HtmlLimits::default()).unwrap(), page);
}

#[test]
fn a_page_nested_deeper_than_the_limit_is_refused_naming_the_limit() {
    let deep = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let e = prepare(&deep, &HtmlLimits::default()).unwrap_err();
    assert!(e.0.contains("more than 256 deep"), "{e:?}");
}

#[test]
fn closed_elements_do_not_count_towards_the_depth() {
    let flat = "<div><p>a</p></div>".repeat(10_000);
    assert!(prepare(
        &flat,
        &HtmlLimits {
            depth: 3,
            elements: 100_000
        }
    )
    .is_ok());
}

#[test]
fn void_elements_and_optional_end_tags_do_not_deepen_the_page() {
    let page = "<ul><li>one<li>two<li>three</ul><p>a<p>b<p>c<br><img src=x><hr><p>d";
    assert!(depth(&page.repeat(50), 3).is_ok());
    // A nested list keeps its outer item open, as a parser would.
    assert!(depth("<ul><li>a<ul><li>b<ul><li>c</ul></ul></ul>", 5).is_err());
    assert!(depth("<ul><li>a<ul><li>b<ul><li>c</ul></ul></ul>", 6).is_ok());
}

#[test]
fn scripts_comments_and_quoted_attributes_are_not_read_as_tags() {
    let page =
        r#"<div title="a > b"><script>if (a<b) { x = "<div><div><div>"; }</script><!-- <div><div> --></div>"#;
    assert_eq!(depth(page, 2).unwrap(), page);
}

#[test]
fn too_many_elements_are_refused() {
    let e = prepare(
        &"<span>x</span>".repeat(20),
        &HtmlLimits {
            depth: 10,
            elements: 10,
        },
    )
    .unwrap_err();
    assert!(e.0.contains("more than 10 elements"), "{e:?}");
}

#[test]
fn an_end_tag_for_an_element_never_opened_is_ignored() {
    assert!(depth("</div></div></section><p>text</p>", 1).is_ok());
}

mod random {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_markup_keeps_its_text_and_only_gains_line_breaks(
            parts in proptest::collection::vec(
                prop::sample::select(vec!["<div>", "</div>", "<p>", "</p>", "<br>", "text ", "<!--", "-->", "<script>", "</script>", "<", ">", "\"", "é", "<b>", "</b>", "<li>"]),
                0..200,
            )
        ) {
            let html: String = parts.concat();
            if let Ok(out) = prepare(&html, &HtmlLimits::default()) {
                prop_assert_eq!(out.replace('\n', ""), html.replace('\n', ""));
            }
        }
    }
}
