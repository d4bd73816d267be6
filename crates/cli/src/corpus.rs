//! A generated news corpus for `casus bench`: articles in the shape of wire
//! copy (headline, dateline, quotes, abbreviations, numbers, page
//! furniture), written from our own word lists, reproducible from a seed.

use anyhow::{Context, Result};
use casus_ingest::{Body, RawDoc};
use fastrand::Rng;
use std::io::Write;
use std::path::Path;

const ACTORS: &[&str] = &[
    "The army",
    "Rebel fighters",
    "The defence ministry",
    "Police",
    "Government forces",
    "Armed men",
    "The United Nations",
    "Protesters",
    "The prime minister",
    "Opposition leaders",
    "Gen. Musa Bello",
    "U.S. officials",
    "The foreign minister",
    "Militia commanders",
    "The interior ministry",
    "Aid agencies",
    "The coalition",
    "Dr. Amina Yusuf",
];
const VERBS: &[&str] = &[
    "attacked",
    "accused",
    "met",
    "condemned",
    "praised",
    "shelled",
    "warned",
    "negotiated with",
    "arrested",
    "criticised",
    "threatened",
    "reached a deal with",
];
const TARGETS: &[&str] = &[
    "insurgent positions",
    "the ruling party",
    "a convoy of aid trucks",
    "border guards",
    "the electoral commission",
    "local leaders",
    "villagers",
    "the central bank",
    "peacekeepers",
    "rival factions",
    "the governor of the province",
];
const PLACES: &[&str] = &[
    "near the border",
    "in the capital",
    "in the north of the country",
    "outside the city of Tarsin",
    "along the coast",
    "in the disputed district of Vell",
    "at a checkpoint south of Omra",
];
const TIMES: &[&str] = &[
    "on Monday",
    "early on Tuesday",
    "last week",
    "on Jan. 5",
    "on Wednesday night",
    "since mid-October",
    "two days ago",
    "at dawn on Friday",
];
const CUES: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "said in a statement",
    "wrote on social media",
];
const SPEAKERS: &[&str] = &[
    "a military spokesman",
    "the minister",
    "a senior official",
    "a local resident",
    "a U.N. envoy",
    "Col. Idris Kamara",
    "the group's leader",
];

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.usize(..list.len())]
}

fn sentence(rng: &mut Rng) -> String {
    match rng.u8(..4) {
        0 => format!(
            "“We will not accept {} {},” {} {}.",
            pick(rng, TARGETS),
            pick(rng, PLACES),
            pick(rng, SPEAKERS),
            pick(rng, CUES)
        ),
        1 => format!(
            "At least {} people were killed {} {}, according to {}.",
            rng.u32(2..400),
            pick(rng, PLACES),
            pick(rng, TIMES),
            pick(rng, SPEAKERS)
        ),
        _ => format!(
            "{} {} {} {} {}.",
            pick(rng, ACTORS),
            pick(rng, VERBS),
            pick(rng, TARGETS),
            pick(rng, PLACES),
            pick(rng, TIMES)
        ),
    }
}

/// One article: headline, then paragraphs, then furniture lines.
pub struct Story {
    pub title: String,
    pub paragraphs: Vec<String>,
}

pub fn story(rng: &mut Rng) -> Story {
    let title = format!(
        "{} {} {}",
        pick(rng, ACTORS),
        pick(rng, VERBS),
        pick(rng, TARGETS)
    );
    let mut paragraphs = vec![format!(
        "TARSIN, March {} (Casus Wire) — {}",
        rng.u8(1..29),
        sentence(rng)
    )];
    for _ in 0..rng.usize(7..14) {
        let n = rng.usize(1..4);
        paragraphs.push((0..n).map(|_| sentence(rng)).collect::<Vec<_>>().join(" "));
    }
    Story { title, paragraphs }
}

/// The article as a plain-text file, with a related-stories box at the end.
pub fn text_article(rng: &mut Rng) -> String {
    let s = story(rng);
    format!(
        "{}\n\n{}\n\nRelated Stories\n\nNo stories found.\n\nShare this article\n",
        s.title,
        s.paragraphs.join("\n\n")
    )
}

/// The article as a web page of typical weight: navigation, scripts,
/// metadata, share bar, sidebar lists, comments and footer around it.
pub fn html_article(rng: &mut Rng, n: usize) -> String {
    let s = story(rng);
    let nav: String = (0..60)
        .map(|i| format!("<li><a href=\"/section/{i}\">Section {i}</a></li>"))
        .collect();
    let script: String = (0..120)
        .map(|i| {
            format!("window.cfg{i} = {{slot: \"ad-{i}\", sizes: [[300, 250], [728, 90]], lazy: true}};\n")
        })
        .collect();
    let body: String = s.paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    let side: String = (0..12)
        .map(|_| {
            format!(
                "<li><a href=\"/s/{}\">{}</a></li>",
                rng.u32(..100000),
                sentence(rng)
            )
        })
        .collect();
    let comments: String = (0..6)
        .map(|_| format!("<div class=\"comment\"><p>{}</p></div>", sentence(rng)))
        .collect();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Casus Wire</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Casus Wire">
<meta property="article:published_time" content="2024-03-{day:02}T08:00:00Z">
<link rel="canonical" href="https://casus-wire.example/story/{n}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}","datePublished":"2024-03-{day:02}T08:00:00Z","author":{{"@type":"Person","name":"Staff Reporter"}}}}</script>
<script>{script}</script><style>.nav{{display:flex}} .share{{margin:0}}</style></head>
<body><div class="cookie-banner">We use cookies to improve your experience.</div>
<header><nav class="main-nav"><ul>{nav}</ul></nav></header>
<main><article><h1>{title}</h1><div class="byline">By Staff Reporter</div>
<div class="share">Share on Facebook | Share on X</div>
{body}<aside class="related"><h3>Related Stories</h3><ul>{side}</ul></aside></article>
<section class="comments"><h2>Comments (6)</h2>{comments}</section></main>
<aside class="sidebar"><h3>Most Read</h3><ol>{side}</ol></aside>
<footer><p>Sign up for our daily newsletter</p><p>© 2024 Casus Wire. All rights reserved.</p></footer></body></html>"#,
        title = s.title,
        day = rng.u8(1..29),
    )
}

fn body(d: &RawDoc) -> &str {
    match &d.body {
        Body::Text(s) | Body::Html(s) | Body::Fragment(s) => s,
    }
}

/// Writes the text articles as JSON Lines (published on the days of 2024
/// in turn) and the pages as a WARC.gz with one gzip member per record, as
/// crawlers write them.
pub fn write(dir: &Path, text: &[RawDoc], html: &[RawDoc]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("articles.jsonl");
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
    );
    let jan1 = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date");
    for (i, d) in text.iter().enumerate() {
        let day = jan1 + chrono::Duration::days((i % 366) as i64);
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({
                "id": format!("gen-{i}"),
                "published": day.format("%Y-%m-%d").to_string(),
                "text": body(d),
            }),
        )?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let path = dir.join("pages.warc.gz");
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
    );
    for (i, d) in html.iter().enumerate() {
        let page = body(d);
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        let record = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://casus-wire.example/story/{i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let mut gz = flate2::write::GzEncoder::new(&mut out, flate2::Compression::fast());
        gz.write_all(record.as_bytes())?;
        gz.finish()?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_is_reproducible_from_its_seed() {
        let a = text_article(&mut Rng::with_seed(7));
        let b = text_article(&mut Rng::with_seed(7));
        assert_eq!(a, b);
        assert!(a.contains("Related Stories"));
        let page = html_article(&mut Rng::with_seed(7), 1);
        assert!(
            page.len() > 15_000,
            "pages should weigh like real ones: {}",
            page.len()
        );
    }
}
