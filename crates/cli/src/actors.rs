//! `casus actors`: who a corpus mentions, by frequency.

use anyhow::Result;
use casus_ingest::{collect_inputs, ReadOptions};
use casus_pipeline::{run, Item, Pipeline, PipelineOptions, RunOptions, Tally, TallyMode};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// List the actors a corpus mentions, most mentioned first; with
/// --unknown, the names casus found but could not code: the to-do list
/// for dictionary work (add them with --dictionary).
///
/// Reads the same inputs as `casus extract` (or its JSON Lines output).
/// Prints a tab-separated table with a header (mentions, articles, kind,
/// code, text, example article and span), which pandas, R and a terminal
/// read as is; --json prints one JSON object per line instead.
///
/// Examples:
///   casus actors news/ --unknown --top 30
///   casus actors crawl.warc.gz --dictionary mine.tsv --json | jq .text
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, directories (walked recursively) or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// List names no dictionary knows instead of known actors.
    #[arg(long)]
    unknown: bool,
    /// Show at most N rows (0: all).
    #[arg(long, value_name = "N", default_value_t = 50)]
    top: usize,
    /// One JSON object per line instead of a table.
    #[arg(long)]
    json: bool,
    /// Extra actor dictionaries (as for `casus extract`).
    #[arg(long, value_name = "FILE")]
    dictionary: Vec<PathBuf>,
    /// Publication date for documents that carry none (decides offices).
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
}

pub fn main(args: Args) -> Result<ExitCode> {
    let resources = crate::reading::load_resources(
        crate::reading::UserFiles {
            dictionaries: &args.dictionary,
            ..Default::default()
        },
        Default::default(),
    )?;
    let pipeline = Pipeline::new(
        resources,
        PipelineOptions {
            default_published: args.published.clone(),
            ..Default::default()
        },
    );
    let collected = collect_inputs(&args.paths);
    for (path, why) in &collected.unreadable {
        eprintln!("casus: error: {}: {why}", path);
    }
    let mode = if args.unknown {
        TallyMode::Unknown
    } else {
        TallyMode::Known
    };
    let mut tally = Tally::new(mode);
    let opts = RunOptions {
        read: ReadOptions::default(),
        ..RunOptions::default()
    };
    let summary = run(&collected.inputs, &pipeline, &opts, |item| -> Result<()> {
        match item {
            Item::Article(a) => tally.add(&a),
            Item::Problem(e) => eprintln!("casus: {e}"),
            Item::Unchanged(_) => {}
        }
        Ok(())
    })?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let rows = tally.rows(args.top);
    let written = if args.json {
        rows.iter().try_for_each(|r| -> std::io::Result<()> {
            serde_json::to_writer(&mut out, r)?;
            out.write_all(b"\n")
        })
    } else {
        writeln!(
            out,
            "mentions\tarticles\tkind\tcode\ttext\texample_article\texample_span"
        )
        .and_then(|_| {
            rows.iter().try_for_each(|r| {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}-{}",
                    r.mentions,
                    r.articles,
                    r.kind,
                    r.code.as_deref().unwrap_or(""),
                    r.text.replace('\t', " "),
                    r.example.article,
                    r.example.span[0],
                    r.example.span[1]
                )
            })
        })
    };
    match written.and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other?,
    }
    eprintln!("{}", crate::reading::summary_line(&summary, collected.ignored));
    let failed = summary.failed + collected.unreadable.len();
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
