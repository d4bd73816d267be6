//! `casus bench --sizes 1,4,16`: the time one long document takes, per MB,
//! to show that every stage is linear in its input (a quadratic stage
//! shows as seconds per MB growing with the size).

use crate::corpus;
use anyhow::Result;
use casus_core::Origin;
use casus_ingest::{Body, RawDoc};
use casus_pipeline::Pipeline;
use std::time::Instant;

/// One row: the document's size and how long it took.
pub struct SizeRow {
    pub mb: f64,
    pub sentences: usize,
    pub seconds: f64,
}

/// One plain-text document of about `mb` MB, of generated articles' bodies
/// run together as paragraphs.
fn long_document(mb: usize, rng: &mut fastrand::Rng) -> String {
    let mut text = String::from("A long document\n\n");
    while text.len() < mb * 1_000_000 {
        let a = corpus::text_article(rng);
        // Each article's headline becomes a paragraph like the others.
        text.push_str(a.trim());
        text.push_str("\n\n");
    }
    text
}

/// Times the whole pipeline on one document per size, on one thread.
pub fn measure(pipeline: &Pipeline, sizes: &[usize]) -> Result<Vec<SizeRow>> {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut rows = Vec::new();
    for &mb in sizes {
        let text = long_document(mb, &mut rng);
        let doc = RawDoc::new(Origin::file(format!("gen/long-{mb}mb.txt")), Body::Text(text));
        let bytes = doc_len(&doc);
        let start = Instant::now();
        let done = pipeline.process(doc)?;
        rows.push(SizeRow {
            mb: bytes as f64 / 1e6,
            sentences: done.article.sentences.len(),
            seconds: start.elapsed().as_secs_f64(),
        });
    }
    Ok(rows)
}

fn doc_len(doc: &RawDoc) -> usize {
    match &doc.body {
        Body::Text(t) | Body::Html(t) | Body::Fragment(t) => t.len(),
    }
}

pub fn print(rows: &[SizeRow], json: bool) {
    if json {
        let v: Vec<_> = rows
            .iter()
            .map(|r| serde_json::json!({"mb": r.mb, "sentences": r.sentences, "seconds": r.seconds, "seconds_per_mb": r.seconds / r.mb}))
            .collect();
        println!("{}", serde_json::json!({ "sizes": v }));
        return;
    }
    println!("casus bench --sizes: one document per size, whole pipeline, one thread");
    println!("{:>8} {:>11} {:>10} {:>10}", "MB", "sentences", "seconds", "s/MB");
    for r in rows {
        println!(
            "{:>8.1} {:>11} {:>10.2} {:>10.2}",
            r.mb,
            r.sentences,
            r.seconds,
            r.seconds / r.mb
        );
    }
}
