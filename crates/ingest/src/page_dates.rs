//! The dates a page declares about itself, in the order casus trusts them.
//!
//! One linear scan over the markup reads `<meta>` tags, `<time>` elements
//! and the JSON-LD blocks; no tree is built (the extractor builds one
//! already, and a second would double the cost of a page). The order, best
//! first (the ranks below): what a page states as its publication date comes
//! before what it states as its creation date, which comes before a bare
//! `<time datetime>` of the body, which comes before a modification date.

use crate::entities::decode;
use crate::markup::{find_ignore_case, start_tag_end, tag_name};

/// One date a page gives, with where it gave it (`meta property=article:published_time`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDate {
    pub rank: u8,
    /// Where on the page: `json-ld datePublished`, `meta article:published_time`.
    pub what: String,
    /// As written.
    pub value: String,
}

/// Publication dates.
const PUBLISHED: u8 = 0;
/// `<time pubdate>`, `dc.date` and other names that mean the day of issue.
const ISSUED: u8 = 1;
/// Creation dates (`dateCreated`).
const CREATED: u8 = 2;
/// The first `<time datetime>` of the page, with no word on what it is.
const TIME: u8 = 3;
/// Modification dates: a page updated years later keeps its old news.
const MODIFIED: u8 = 4;

/// Meta names (lower case) and their rank.
const META: &[(&str, u8)] = &[
    ("article:published_time", PUBLISHED),
    ("og:published_time", PUBLISHED),
    ("og:article:published_time", PUBLISHED),
    ("datepublished", PUBLISHED),
    ("published_time", PUBLISHED),
    ("publish-date", PUBLISHED),
    ("publishdate", PUBLISHED),
    ("publish_date", PUBLISHED),
    ("publication_date", PUBLISHED),
    ("article.published", PUBLISHED),
    ("parsely-pub-date", PUBLISHED),
    ("sailthru.date", PUBLISHED),
    ("citation_publication_date", PUBLISHED),
    ("original-publish-date", PUBLISHED),
    ("pubdate", ISSUED),
    ("dc.date", ISSUED),
    ("dc.date.issued", ISSUED),
    ("dcterms.date", ISSUED),
    ("dcterms.issued", ISSUED),
    ("date", ISSUED),
    ("datecreated", CREATED),
    ("dc.date.created", CREATED),
    ("dcterms.created", CREATED),
    ("article:modified_time", MODIFIED),
    ("og:updated_time", MODIFIED),
    ("datemodified", MODIFIED),
    ("last-modified", MODIFIED),
    ("dcterms.modified", MODIFIED),
];

/// JSON-LD keys and their rank.
const JSON_LD: &[(&str, u8)] = &[
    ("\"datePublished\"", PUBLISHED),
    ("\"dateCreated\"", CREATED),
    ("\"dateModified\"", MODIFIED),
];

/// Every date the page declares, best first (stable within a rank: the
/// page's order).
pub fn page_dates(html: &str) -> Vec<PageDate> {
    let mut out = Vec::new();
    let mut rest = html;
    let mut first_time = true;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        let b = rest.as_bytes();
        if b.len() < 2 || !b[1].is_ascii_alphabetic() {
            rest = &rest[1..];
            continue;
        }
        let end = start_tag_end(rest);
        let tag = &rest[..end];
        let name = tag_name(&tag[1..]);
        match name.as_str() {
            "meta" => meta_date(tag, &mut out),
            "time" => {
                let a = Attrs(tag);
                if let Some(v) = a.get("datetime") {
                    let itemprop = a.get("itemprop").map(|s| s.to_ascii_lowercase());
                    let rank = match itemprop.as_deref() {
                        Some("datepublished") => Some(PUBLISHED),
                        Some("datemodified") => Some(MODIFIED),
                        _ if a.has("pubdate") => Some(ISSUED),
                        _ if first_time => Some(TIME),
                        _ => None,
                    };
                    if let Some(rank) = rank {
                        first_time &= rank != TIME;
                        out.push(PageDate {
                            rank,
                            what: format!(
                                "<time{}>",
                                itemprop.map_or(String::new(), |p| format!(" itemprop={p}"))
                            ),
                            value: v,
                        });
                    }
                }
            }
            "script" => {
                let body = &rest[end..];
                let close = find_ignore_case(body, "</script").unwrap_or(body.len());
                if Attrs(tag)
                    .get("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                {
                    json_ld_dates(&body[..close], &mut out);
                }
                rest = &body[close..];
                continue;
            }
            _ => {}
        }
        rest = &rest[end..];
    }
    out.sort_by_key(|d| d.rank);
    out
}

fn meta_date(tag: &str, out: &mut Vec<PageDate>) {
    let a = Attrs(tag);
    let Some(content) = a.get("content") else { return };
    for key in ["property", "name", "itemprop", "http-equiv"] {
        let Some(k) = a.get(key) else { continue };
        let k = k.to_ascii_lowercase();
        if let Some((_, rank)) = META.iter().find(|(m, _)| *m == k) {
            out.push(PageDate {
                rank: *rank,
                what: format!("meta {k}"),
                value: content,
            });
            return;
        }
    }
}

/// The first value of each date key in a JSON-LD block, read as text: a
/// block that is not valid JSON (common) still gives its dates.
fn json_ld_dates(block: &str, out: &mut Vec<PageDate>) {
    for (key, rank) in JSON_LD {
        let Some(at) = block.find(key) else { continue };
        let after = block[at + key.len()..].trim_start();
        let Some(after) = after.strip_prefix(':') else {
            continue;
        };
        let Some(after) = after.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(close) = after.find('"') else { continue };
        out.push(PageDate {
            rank: *rank,
            what: format!("json-ld {}", key.trim_matches('"')),
            value: after[..close].to_string(),
        });
    }
}

/// A start tag's attributes, read on demand.
struct Attrs<'a>(&'a str);

impl Attrs<'_> {
    /// The value of attribute `name` (entities decoded), if present.
    fn get(&self, name: &str) -> Option<String> {
        self.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode(v).into_owned())
    }

    fn has(&self, name: &str) -> bool {
        self.iter().any(|(k, _)| k.eq_ignore_ascii_case(name))
    }

    fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        let inner = self
            .0
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_end_matches('/');
        // Skip the tag name.
        let mut rest = inner.trim_start_matches(|c: char| !c.is_ascii_whitespace());
        std::iter::from_fn(move || {
            rest = rest.trim_start();
            if rest.is_empty() {
                return None;
            }
            let name_end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=')
                .unwrap_or(rest.len());
            let name = &rest[..name_end];
            rest = rest[name_end..].trim_start();
            let Some(after) = rest.strip_prefix('=') else {
                return Some((name, ""));
            };
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let close = body.find(q).unwrap_or(body.len());
                    (&body[..close], body.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let e = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..e], &after[e..])
                }
            };
            rest = next;
            Some((name, value))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gives_its_dates_best_first() {
        let html = r#"<html><head>
            <meta property="og:updated_time" content="2021-05-02T10:00:00Z">
            <meta name="DC.date" content="2021-04-30">
            <meta property="article:published_time" content="2021-05-01T08:00:00+02:00" />
            <script type="application/ld+json">{"@type":"NewsArticle", "dateCreated" : "2021-04-29", "datePublished":"2021-05-01"}</script>
            </head><body><time datetime="2021-05-03">3 May</time><time datetime="2020-01-01"></time></body></html>"#;
        let d = page_dates(html);
        let got: Vec<(&str, &str)> = d.iter().map(|d| (d.what.as_str(), d.value.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("meta article:published_time", "2021-05-01T08:00:00+02:00"),
                ("json-ld datePublished", "2021-05-01"),
                ("meta dc.date", "2021-04-30"),
                ("json-ld dateCreated", "2021-04-29"),
                ("<time>", "2021-05-03"),
                ("meta og:updated_time", "2021-05-02T10:00:00Z"),
            ]
        );
    }

    #[test]
    fn a_time_element_marked_pubdate_or_itemprop_outranks_a_bare_one() {
        let html = r#"<p><time datetime="2020-02-02">x</time> <time itemprop="datePublished" datetime="2020-01-01">y</time>
            <time pubdate datetime='2020-01-05'>z</time></p>"#;
        let d = page_dates(html);
        assert_eq!(d[0].value, "2020-01-01");
        assert_eq!(d[1].value, "2020-01-05");
        assert_eq!(d[2].value, "2020-02-02");
    }

    #[test]
    fn attribute_values_have_their_entities_decoded_and_scripts_are_skipped() {
        let html = "<script>var s = '<meta name=\"date\" content=\"1999-01-01\">';</script>\
                    <meta name=date content=\"2022&#45;03&#45;04\">";
        let d = page_dates(html);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].value, "2022-03-04");
    }
}
