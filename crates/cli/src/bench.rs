//! `casus bench`: throughput of the extract pipeline on a generated corpus.

use crate::corpus;
use anyhow::Result;
use casus_core::Origin;
use casus_ingest::{Body, RawDoc};
use casus_pipeline::{Pipeline, PipelineOptions, Resources};
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::Instant;

mod sizes;
mod stages;

/// Measure extraction throughput (articles/s, MB/s, sentences/s).
///
/// Generates a corpus of news articles from our own word lists, once as
/// plain text and once as full web pages (navigation, scripts, sidebars,
/// comments), and runs the whole per-article pipeline on it across all
/// cores: main-text extraction, furniture removal, segmentation, language
/// identification, actor recognition and coreference, ids and hashes.
/// Reading from disk is not included. Then times single stages on one
/// thread: segmentation, language identification, actor recognition
/// with the built-in dictionaries and with 100,000 generated names added
/// (its cost must not grow with the dictionary), the tagger and parser,
/// event coding, time expressions, and attribution (quotes). Prints the median of several
/// rounds, and first the start-up: the time every resource takes to load
/// (the gazetteer mapped, weights read, automata built), which a
/// one-article `casus extract` pays in full.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Articles per corpus.
    #[arg(long, default_value_t = 2000)]
    articles: usize,
    /// Timed rounds per corpus; the median is reported.
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Names added to the dictionary for the second actor timing.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    grow: usize,
    /// Print the figures as one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Instead of measuring, write the corpus to DIR as `articles.jsonl`
    /// (the text articles) and `pages.warc.gz` (the web pages), to time
    /// whole runs with reading from disk: `casus extract DIR -o /dev/null`.
    #[arg(long, value_name = "DIR")]
    write: Option<std::path::PathBuf>,
    /// Instead, time one long plain-text document of each size (in MB,
    /// comma-separated, e.g. 1,4,16) through the whole pipeline on one
    /// thread, and print seconds per MB: equal figures mean linear time.
    #[arg(long, value_name = "MB,MB,..", value_delimiter = ',')]
    sizes: Vec<usize>,
}

struct Figures {
    kind: &'static str,
    articles: usize,
    input_mb: f64,
    sentences: usize,
    seconds: f64,
}

pub fn main(args: Args) -> Result<ExitCode> {
    // Start-up, reported on its own: every resource a run loads (the
    // gazetteer mapped, weights read, automata built), once per process.
    let started = std::time::Instant::now();
    let pipeline = Pipeline::new(Resources::builtin(), PipelineOptions::default());
    let startup = started.elapsed().as_secs_f64();
    if !args.sizes.is_empty() {
        sizes::print(&sizes::measure(&pipeline, &args.sizes)?, args.json);
        return Ok(ExitCode::SUCCESS);
    }
    let mut rng = fastrand::Rng::with_seed(2024);
    let text: Vec<RawDoc> = (0..args.articles)
        .map(|i| {
            RawDoc::new(
                Origin::file(format!("gen/{i}.txt")),
                Body::Text(corpus::text_article(&mut rng)),
            )
        })
        .collect();
    let html: Vec<RawDoc> = (0..args.articles)
        .map(|i| {
            RawDoc::new(
                Origin::file(format!("gen/{i}.html")),
                Body::Html(corpus::html_article(&mut rng, i)),
            )
        })
        .collect();
    if let Some(dir) = &args.write {
        corpus::write(dir, &text, &html)?;
        eprintln!(
            "casus bench: wrote {} text articles and {} pages to {}",
            text.len(),
            html.len(),
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let results = [
        measure("text", &text, &pipeline, args.rounds)?,
        measure("html", &html, &pipeline, args.rounds)?,
    ];
    let clean: Vec<String> = text
        .iter()
        .filter_map(|d| pipeline.process(d.clone()).ok())
        .map(|p| p.article.text)
        .collect();
    let (stage_rows, dict_names, build_seconds) = stages::measure(&clean, args.rounds, args.grow);
    let threads = rayon::current_num_threads();
    if args.json {
        let rows: Vec<_> = results
            .iter()
            .map(|f| {
                serde_json::json!({
                    "kind": f.kind, "articles": f.articles, "seconds": f.seconds,
                    "articles_per_s": f.articles as f64 / f.seconds,
                    "mb_per_s": f.input_mb / f.seconds,
                    "sentences_per_s": f.sentences as f64 / f.seconds,
                    "input_mb": f.input_mb, "threads": threads,
                })
            })
            .collect();
        let stage_json: Vec<_> = stage_rows
            .iter()
            .map(|s| {
                serde_json::json!({
                    "stage": s.name, "threads": 1, "seconds": s.seconds,
                    "sentences_per_s": s.sentences as f64 / s.seconds,
                    "us_per_article": s.seconds * 1e6 / s.articles as f64,
                    "found": s.mentions,
                })
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({
                "startup_seconds": startup, "pipeline": rows, "stages": stage_json,
                "grown_dictionary": {"named_actors": dict_names, "build_seconds": build_seconds},
            })
        );
    } else {
        println!(
            "casus bench: {} articles per corpus, median of {} rounds, {threads} threads",
            args.articles, args.rounds
        );
        println!("start-up (every resource loaded): {:.0} ms", startup * 1e3);
        println!(
            "{:<6} {:>10} {:>12} {:>10} {:>14}",
            "input", "MB", "articles/s", "MB/s", "sentences/s"
        );
        for f in &results {
            println!(
                "{:<6} {:>10.1} {:>12.0} {:>10.1} {:>14.0}",
                f.kind,
                f.input_mb,
                f.articles as f64 / f.seconds,
                f.input_mb / f.seconds,
                f.sentences as f64 / f.seconds
            );
        }
        println!("\nstages on the text corpus, one thread:");
        println!(
            "{:<34} {:>14} {:>14} {:>10}",
            "stage", "sentences/s", "µs/article", "found"
        );
        for s in &stage_rows {
            println!(
                "{:<34} {:>14.0} {:>14.1} {:>10}",
                s.name,
                s.sentences as f64 / s.seconds,
                s.seconds * 1e6 / s.articles as f64,
                s.mentions
            );
        }
        println!("(grown dictionary: {dict_names} named actors, automaton built in {build_seconds:.2} s)");
    }
    Ok(ExitCode::SUCCESS)
}

fn measure(kind: &'static str, docs: &[RawDoc], pipeline: &Pipeline, rounds: usize) -> Result<Figures> {
    let input_mb = docs
        .iter()
        .map(|d| match &d.body {
            Body::Text(s) | Body::Html(s) | Body::Fragment(s) => s.len(),
        })
        .sum::<usize>() as f64
        / 1e6;
    let mut times = Vec::new();
    let mut sentences = 0;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        let out: Vec<_> = docs.par_iter().map(|d| pipeline.process(d.clone())).collect();
        times.push(start.elapsed().as_secs_f64());
        sentences = 0;
        for r in out {
            sentences += r
                .map_err(|e| anyhow::anyhow!("generated article failed: {e}"))?
                .article
                .sentences
                .len();
        }
    }
    times.sort_by(f64::total_cmp);
    Ok(Figures {
        kind,
        articles: docs.len(),
        input_mb,
        sentences,
        seconds: times[times.len() / 2],
    })
}
