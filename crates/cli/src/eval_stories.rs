//! `casus eval --stories LABELS --articles PATH`: the labelled articles
//! coded, stored oldest first in a store of their own (as `casus ingest`
//! with its defaults would store them), and their stories scored.

use anyhow::{Context, Result};
use casus_core::Article;
use casus_eval::stories::{self, Labels, Report};
use casus_pipeline::{Item, Pipeline, RunOptions};
use casus_store::{ArticleFilter, Page, Reader, Store, StoreOptions};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Measures the stories of the articles in `inputs` against the labels in
/// `labels_path` and prints the table (unless `json`); the report.
pub(crate) fn run(pipeline: &Pipeline, labels_path: &Path, inputs: &[PathBuf], json: bool) -> Result<Report> {
    let text = std::fs::read_to_string(labels_path)
        .with_context(|| format!("cannot read {}", labels_path.display()))?;
    let labels = stories::parse(&labels_path.display().to_string(), &text)?;
    if inputs.is_empty() {
        anyhow::bail!(
            "--stories needs the labelled articles: give --articles PATH (a PolNeAR folder, or any input casus reads)"
        );
    }
    let mut articles = coded(pipeline, &labels, inputs)?;
    articles.sort_by(|a, b| (&a.published, &a.id).cmp(&(&b.published, &b.id)));
    let story_of = stored(&articles)?;
    let r = stories::score(&labels, &story_of);
    if !json {
        println!(
            "{} ({} articles, {} stories, {} of several articles; {} articles not found)",
            labels_path.display(),
            r.articles,
            r.gold_stories,
            r.gold_multi,
            r.missing
        );
        println!(
            "  casus made {} stories, {} of several articles",
            r.predicted_stories, r.predicted_multi
        );
        println!(
            "  B-cubed                        P {:.3}  R {:.3}  F1 {:.3}",
            r.precision, r.recall, r.f1
        );
        println!(
            "  every article alone, to beat   P 1.000  R {:.3}  F1 {:.3}",
            r.alone_recall, r.alone_f1
        );
    }
    Ok(r)
}

/// The labelled articles among `inputs`, coded. A PolNeAR folder (one with
/// a `metadata.tsv`) is read with each article's date, title and
/// publisher; any other input as `casus extract` reads it.
fn coded(pipeline: &Pipeline, labels: &Labels, inputs: &[PathBuf]) -> Result<Vec<Article>> {
    let wanted: HashSet<&str> = labels.items.iter().map(|(id, _)| id.as_str()).collect();
    let mut out = Vec::new();
    let mut plain = Vec::new();
    for p in inputs {
        if p.join("metadata.tsv").is_file() {
            let docs = stories::polnear(p, Some(labels))?;
            let done: Vec<_> = docs.into_par_iter().map(|d| pipeline.process(d)).collect();
            for d in done {
                out.push(d?.article);
            }
        } else {
            plain.push(p.clone());
        }
    }
    if !plain.is_empty() {
        let collected = casus_ingest::collect_inputs(&plain);
        let mut failed = Vec::new();
        let sink = |item: Item| {
            match item {
                Item::Article(a) if wanted.contains(a.id.as_str()) => out.push(*a),
                Item::Problem(e) => failed.push(e.to_string()),
                _ => {}
            }
            Ok::<_, std::convert::Infallible>(())
        };
        let Ok(_) = casus_pipeline::run(&collected.inputs, pipeline, &RunOptions::default(), sink);
        for e in failed {
            eprintln!("warning: {e}");
        }
    }
    Ok(out)
}

/// Stores `articles` in order in a fresh store with `casus ingest`'s
/// defaults; each article's story.
fn stored(articles: &[Article]) -> Result<HashMap<String, String>> {
    let dir = tempfile::tempdir().context("cannot make a temporary store")?;
    let mut store = Store::open(dir.path(), StoreOptions::default())?;
    for chunk in articles.chunks(256) {
        store.put_batch(chunk)?;
    }
    drop(store);
    let reader = Reader::open(dir.path(), StoreOptions::default())?;
    let filter = ArticleFilter {
        copies: true,
        ..ArticleFilter::default()
    };
    let mut out = HashMap::new();
    loop {
        let page = reader.articles(&filter, Page::new(1000, out.len())?)?;
        if page.items.is_empty() {
            break;
        }
        out.extend(page.items.into_iter().map(|a| (a.id, a.story)));
    }
    Ok(out)
}
