//! Helpers for the golden tests: run the real pipeline over files.
#![allow(dead_code)]

use casus_core::Article;
use casus_core::Origin;
use casus_ingest::{collect_inputs, IngestError, ReadOptions};
use casus_ingest::{Body, RawDoc};
use casus_pipeline::{run, Item, Pipeline, PipelineOptions, Resources, RunOptions, Summary, UserData};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct Out {
    pub articles: Vec<Article>,
    pub problems: Vec<IngestError>,
    pub summary: Summary,
}

impl Out {
    pub fn article(&self, title_start: &str) -> &Article {
        self.articles
            .iter()
            .find(|a| a.title.as_deref().is_some_and(|t| t.starts_with(title_start)))
            .unwrap_or_else(|| panic!("no article titled {title_start:?}"))
    }

    pub fn messages(&self) -> Vec<String> {
        self.problems.iter().map(|p| p.to_string()).collect()
    }
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn extract_with(paths: &[PathBuf], read: ReadOptions, opts: PipelineOptions) -> Out {
    let collected = collect_inputs(paths);
    assert!(collected.unreadable.is_empty(), "{:?}", collected.unreadable);
    let pipeline = Pipeline::new(Resources::builtin(), opts);
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let summary = run(
        &collected.inputs,
        &pipeline,
        &RunOptions {
            read,
            batch: 3,
            known: None,
        },
        |item| -> Result<(), ()> {
            match item {
                Item::Article(a) => articles.push(*a),
                Item::Problem(e) => problems.push(e),
                Item::Unchanged(o) => panic!("{o}: no store, nothing known"),
            }
            Ok(())
        },
    )
    .unwrap();
    Out {
        articles,
        problems,
        summary,
    }
}

pub fn extract(paths: &[PathBuf]) -> Out {
    extract_with(paths, ReadOptions::default(), PipelineOptions::default())
}

/// Writes `bytes` to `name` in a fresh temporary directory.
pub fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// The sentences of an article as strings (spans are code points).
pub fn sentences(a: &Article) -> Vec<String> {
    let chars: Vec<char> = a.text.chars().collect();
    a.sentences
        .iter()
        .map(|[s, e]| chars[*s..*e].iter().collect())
        .collect()
}

/// The body paragraphs (after the headline).
pub fn paragraphs(a: &Article) -> Vec<&str> {
    let mut p: Vec<&str> = a.text.split("\n\n").collect();
    if a.title.is_some() {
        p.remove(0);
    }
    p
}

/// One WARC record.
pub fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:0000>\r\nWARC-Date: 2024-01-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A WARC response record holding an HTTP response with `html`.
pub fn warc_page(uri: &str, status: &str, ctype: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n{html}");
    warc_record(
        "response",
        uri,
        "application/http; msgtype=response",
        http.as_bytes(),
    )
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A short news page with two paragraphs.
pub fn page(title: &str, p1: &str, p2: &str) -> String {
    format!("<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{p1}</p><p>{p2}</p></article><footer>© 2024 Example News</footer></body></html>")
}

/// The pipeline with the small test gazetteer, articles dated 2 May 2024.
pub fn places_pipeline() -> Pipeline {
    let g = fixtures().join("gazetteer-small.tsv");
    let (res, issues) = Resources::load(UserData {
        gazetteer: Some(&g),
        ..UserData::default()
    })
    .unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    Pipeline::new(
        res,
        PipelineOptions {
            default_published: Some("2024-05-02".into()),
            ..Default::default()
        },
    )
}

/// One article of ours through [`places_pipeline`].
pub fn places_article(text: &str) -> casus_core::Article {
    places_pipeline()
        .process(RawDoc::new(Origin::file("t.txt"), Body::Text(text.into())))
        .unwrap()
        .article
}

/// The place whose words are `text`.
pub fn place_of<'a>(a: &'a casus_core::Article, text: &str) -> &'a casus_core::PlaceRef {
    a.places
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no place {text:?} in {:?}", a.places))
}
