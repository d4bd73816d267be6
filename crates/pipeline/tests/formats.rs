//! Every input format, and every kind of bad input: the error names the
//! place and the problem, and the rest of the batch is processed.

mod common;
use casus_ingest::{IngestError, ReadOptions, Severity};
use casus_pipeline::PipelineOptions;
use common::*;

const P1: &str = "Rebel fighters seized a border crossing on Monday after two days of clashes with government troops, officials said.";
const P2: &str = "The defence ministry said reinforcements had been sent and that the crossing would be retaken within days.";

#[test]
fn json_lines_records_keep_their_ids_and_metadata_and_a_bad_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "{{\"id\": \"a1\", \"url\": \"https://n.example/1\", \"title\": \"Rebels seize crossing\", \"published\": \"2024-03-04\", \"source\": \"N\", \"text\": \"{P1}\"}}\n\
         {{\"id\": \"a2\", \"text\": \"broken\"\n\
         {{\"id\": \"a3\", \"html\": \"<p>{P2}</p>\"}}\n"
    );
    let out = extract(&[file(&dir, "wire.jsonl", body.as_bytes())]);
    assert_eq!(out.articles.len(), 2);
    let a = &out.articles[0];
    assert_eq!(
        (
            a.id.as_str(),
            a.url.as_deref(),
            a.published.as_deref(),
            a.source.as_deref()
        ),
        ("a1", Some("https://n.example/1"), Some("2024-03-04"), Some("N"))
    );
    assert_eq!(a.origin.line, Some(1));
    assert_eq!(out.articles[1].id, "a3");
    assert_eq!(out.articles[1].text, P2);
    let msg = out.messages();
    assert_eq!(msg.len(), 1);
    assert!(msg[0].contains("wire.jsonl:2: expected a JSON object"), "{msg:?}");
    assert_eq!(out.summary.failed, 1);
}

#[test]
fn rss_items_become_articles_with_link_date_author_and_feed_title() {
    let dir = tempfile::tempdir().unwrap();
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Border Watch</title>
<item><title>Rebels seize crossing</title><link>https://bw.example/1</link><dc:creator>Ana Ruiz</dc:creator><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{P1}</p><p>{P2}</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://bw.example/2</link><description>{P2}</description></item>
<item><title>Nothing at all</title><link>https://bw.example/3</link></item>
</channel></rss>"#
    );
    let out = extract(&[file(&dir, "feed.xml", rss.as_bytes())]);
    assert_eq!(out.articles.len(), 2);
    let a = &out.articles[0];
    assert_eq!(a.title.as_deref(), Some("Rebels seize crossing"));
    assert_eq!(a.url.as_deref(), Some("https://bw.example/1"));
    assert_eq!(a.published.as_deref(), Some("2024-03-04T10:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
    assert_eq!(a.source.as_deref(), Some("Border Watch"));
    assert_eq!(paragraphs(a), [P1, P2]);
    assert_eq!(a.origin.record, Some(1));
    assert_eq!(out.articles[1].text, format!("Only a summary\n\n{P2}"));
    assert_eq!(out.problems.len(), 1);
    assert_eq!(out.problems[0].severity(), Severity::Skipped);
    assert!(
        out.messages()[0].contains("feed.xml: record 3"),
        "{:?}",
        out.messages()
    );
}

#[test]
fn atom_entries_become_articles() {
    let dir = tempfile::tempdir().unwrap();
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Crossing seized</title><link href="https://d.example/a"/><id>urn:x:1</id><updated>2024-03-05T08:00:00Z</updated><author><name>Lee Park</name></author><content type="html">&lt;p&gt;{P1}&lt;/p&gt;</content></entry></feed>"#
    );
    let out = extract(&[file(&dir, "desk.atom", atom.as_bytes())]);
    let a = &out.articles[0];
    assert_eq!(a.title.as_deref(), Some("Crossing seized"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05T08:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("Lee Park"));
    assert_eq!(paragraphs(a), [P1]);
}

#[test]
fn a_malformed_feed_is_one_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = extract(&[file(
        &dir,
        "bad.rss",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</titl></channel>",
    )]);
    assert!(out.articles.is_empty());
    let msg = out.messages();
    assert!(
        msg[0].contains("bad.rss") && msg[0].contains("expected an RSS or Atom feed"),
        "{msg:?}"
    );
}

fn crawl() -> Vec<u8> {
    let mut w = warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
    w.extend(warc_record(
        "request",
        "https://a.example/1",
        "application/http; msgtype=request",
        b"GET /1 HTTP/1.1\r\n\r\n",
    ));
    w.extend(warc_page(
        "https://a.example/1",
        "200 OK",
        "text/html; charset=utf-8",
        &page("Rebels seize crossing", P1, P2),
    ));
    w.extend(warc_page(
        "https://a.example/logo.png",
        "200 OK",
        "image/png",
        "\u{1}PNG",
    ));
    w.extend(warc_page(
        "https://a.example/old",
        "301 Moved Permanently",
        "text/html",
        "<a href=/new>moved</a>",
    ));
    w.extend(warc_page(
        "https://a.example/2",
        "200 OK",
        "text/html; charset=iso-8859-1",
        &page("Caf\u{e9} talks", P2, P1),
    ));
    w
}

#[test]
fn warc_html_responses_become_articles_and_other_records_are_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    let out = extract(&[file(&dir, "crawl.warc", &crawl())]);
    assert!(out.problems.is_empty(), "{:?}", out.messages());
    let urls: Vec<_> = out.articles.iter().map(|a| a.url.as_deref().unwrap()).collect();
    assert_eq!(urls, ["https://a.example/1", "https://a.example/2"]);
    assert_eq!(out.articles[0].origin.record, Some(3));
    assert_eq!(paragraphs(&out.articles[0]), [P1, P2]);
}

#[test]
fn the_http_charset_of_a_warc_record_is_honoured() {
    let mut w = Vec::new();
    let mut html = page("Cafe talks", P1, P2).into_bytes();
    let pos = html.windows(4).position(|x| x == b"Cafe").unwrap();
    html[pos + 3] = 0xE9; // é in ISO-8859-1
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n".to_vec();
    http.extend(html);
    w.extend(warc_record(
        "response",
        "https://a.example/c",
        "application/http; msgtype=response",
        &http,
    ));
    let dir = tempfile::tempdir().unwrap();
    let out = extract(&[file(&dir, "latin1.warc", &w)]);
    assert_eq!(out.articles[0].title.as_deref(), Some("Café talks"));
}

#[test]
fn a_gzipped_warc_reads_the_same_as_a_plain_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = Vec::new();
    // One gzip member per record, as crawlers write them.
    let records = crawl();
    for chunk in records
        .split_inclusive(|&b| b == b'\n')
        .collect::<Vec<_>>()
        .chunks(7)
    {
        gz.extend(gzip(&chunk.concat()));
    }
    let plain = extract(&[file(&dir, "a.warc", &records)]);
    let zipped = extract(&[file(&dir, "a.warc.gz", &gz)]);
    let texts = |o: &Out| o.articles.iter().map(|a| a.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&plain), texts(&zipped));
    assert_eq!(zipped.articles.len(), 2);
}

#[test]
fn a_truncated_warc_gz_keeps_the_records_before_the_cut_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    // One gzip member per record, as crawlers write them; the last record
    // (the second page) is cut in half.
    let mut records: Vec<Vec<u8>> = vec![warc_page(
        "https://a.example/1",
        "200 OK",
        "text/html",
        &page("Rebels seize crossing", P1, P2),
    )];
    records.push(warc_page(
        "https://a.example/2",
        "200 OK",
        "text/html",
        &page("Talks resume", P2, P1),
    ));
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let mut gz = members[0].clone();
    gz.extend_from_slice(&members[1][..members[1].len() / 2]);
    let cut = &gz[..];
    let out = extract(&[file(&dir, "cut.warc.gz", cut)]);
    assert_eq!(out.articles.len(), 1, "the first page comes before the cut");
    let msg = out.messages();
    assert_eq!(msg.len(), 1);
    assert!(
        msg[0].contains("cut.warc.gz: record 2") && msg[0].contains("truncated: the gzip stream ends early"),
        "{msg:?}"
    );
    assert!(matches!(out.problems[0], IngestError::Truncated { .. }));
}

#[test]
fn a_warc_cut_inside_a_body_reports_how_much_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let w = crawl();
    let out = extract(&[file(&dir, "cut.warc", &w[..w.len() - 200])]);
    assert_eq!(out.articles.len(), 1);
    let msg = out.messages();
    assert!(
        msg[0].contains("cut.warc: record 6 (byte") && msg[0].contains("body ends after"),
        "{msg:?}"
    );
}

#[test]
fn a_broken_warc_record_is_reported_and_reading_resumes_at_the_next() {
    let mut w = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\ngarbage\r\n\r\n".to_vec();
    w.extend(crawl());
    let dir = tempfile::tempdir().unwrap();
    let out = extract(&[file(&dir, "bad.warc", &w)]);
    assert_eq!(out.articles.len(), 2);
    let msg = out.messages();
    assert!(
        msg[0].contains("bad.warc: record 1 (byte 0): expected a numeric Content-Length"),
        "{msg:?}"
    );
}

#[test]
fn empty_and_oversized_inputs_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let empty = file(&dir, "empty.txt", b"");
    let blank = file(&dir, "blank.html", b"  \n\n ");
    let big = file(&dir, "big.txt", P1.repeat(100).as_bytes());
    let ok = file(&dir, "ok.txt", P1.as_bytes());
    let out = extract_with(
        &[empty, blank, big, ok],
        ReadOptions {
            max_bytes: 1000,
            ..Default::default()
        },
        PipelineOptions::default(),
    );
    assert_eq!(out.articles.len(), 1);
    let msg = out.messages();
    assert!(msg[0].contains("empty.txt: empty"), "{msg:?}");
    assert!(msg[1].contains("blank.html: empty"), "{msg:?}");
    assert!(
        msg[2].contains("big.txt: 11") && msg[2].contains("limit of 1000 bytes"),
        "{msg:?}"
    );
    assert_eq!(
        (out.summary.skipped, out.summary.failed, out.summary.read),
        (3, 0, 1)
    );
}

#[test]
fn invalid_utf8_is_replaced_and_the_article_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = P1.as_bytes().to_vec();
    bytes.extend_from_slice(b" Caf\xe9 owners fled.");
    let out = extract(&[file(&dir, "latin.txt", &bytes)]);
    let a = &out.articles[0];
    assert!(a.text.contains("Caf\u{FFFD} owners"));
    assert!(a.warnings[0].contains("not valid UTF-8"), "{:?}", a.warnings);
}

#[test]
fn an_unreadable_gzip_file_fails_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = file(
        &dir,
        "a.txt.gz",
        &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff],
    );
    let ok = file(&dir, "b.txt", P1.as_bytes());
    let out = extract(&[bad, ok]);
    assert_eq!(out.articles.len(), 1);
    assert_eq!(out.summary.failed, 1);
    assert!(out.messages()[0].contains("a.txt.gz"), "{:?}", out.messages());
}

#[test]
fn exact_copies_point_at_the_first_article() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(&dir, "a.txt", format!("Crossing seized\n\n{P1}").as_bytes());
    let b = file(
        &dir,
        "b.txt",
        format!("Rebels take crossing\n\n{}", P1.replace(',', "").to_uppercase()).as_bytes(),
    );
    let c = file(&dir, "c.txt", P2.as_bytes());
    let out = extract(&[a, b, c]);
    assert_eq!(out.articles[0].duplicate_of, None);
    assert_eq!(
        out.articles[1].duplicate_of.as_deref(),
        Some(out.articles[0].id.as_str())
    );
    assert_eq!(out.articles[2].duplicate_of, None);
    assert_eq!(out.summary.duplicates, 1);
}

#[test]
fn non_english_articles_are_marked_with_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let f = file(&dir, "fr.txt", "Les rebelles ont pris un poste frontière lundi après deux jours de combats avec les troupes gouvernementales, selon les autorités.".as_bytes());
    let out = extract(&[f]);
    assert_eq!(out.articles[0].language.as_deref(), Some("fr"));
}

#[test]
fn a_page_of_a_hundred_thousand_nested_divs_is_skipped_and_the_batch_keeps_its_good_pages() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}<p>{P1}</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let page = |p: &str| {
        format!("<html><head><title>Border news</title></head><body><article><p>{p}</p><p>{P2}</p></article></body></html>")
    };
    let a = file(&dir, "a.html", page(P1).as_bytes());
    let bad = file(&dir, "deep.html", deep.as_bytes());
    let b = file(&dir, "b.html", page(P2).as_bytes());
    let out = extract(&[a, bad, b]);
    assert_eq!(out.articles.len(), 2);
    let msg = out.messages();
    assert_eq!(msg.len(), 1, "{msg:?}");
    assert!(
        msg[0].contains("deep.html: the page nests elements more than 256 deep"),
        "{msg:?}"
    );
    assert_eq!((out.summary.skipped, out.summary.read), (1, 2));
}

#[test]
fn a_minified_page_keeps_its_headline_and_paragraphs_apart() {
    let dir = tempfile::tempdir().unwrap();
    let paras = [
        P1,
        P2,
        "Aid convoys waited at the river while the two sides talked through the night.",
    ];
    let body: String = paras
        .iter()
        .map(|p| format!("<div class=\"para\">{p}</div>"))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Crossing seized</title></head><body><main><article><h1>Crossing seized</h1><div class=\"text\">{body}</div></article></main></body></html>"
    );
    let out = extract(&[file(&dir, "min.html", page.as_bytes())]);
    let a = &out.articles[0];
    for p in paras {
        assert!(
            a.text.contains(&format!("\n\n{p}")),
            "{p} is not a paragraph of its own in {:?}",
            a.text
        );
    }
    assert!(!a.text.contains("Crossing seized Rebel"), "{:?}", a.text);
}

#[test]
fn a_document_over_its_time_budget_is_skipped_naming_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let ok = file(&dir, "slow.txt", format!("{P1}\n\n{P2}").as_bytes());
    let out = extract_with(
        &[ok],
        ReadOptions::default(),
        PipelineOptions {
            budget: Some(std::time::Duration::from_nanos(1)),
            ..Default::default()
        },
    );
    assert!(out.articles.is_empty());
    let msg = out.messages();
    assert!(
        msg[0].contains("slow.txt") && msg[0].contains("time budget of 1ns"),
        "{msg:?}"
    );
    assert_eq!(out.summary.skipped, 1);
}
