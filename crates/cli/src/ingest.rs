//! `casus ingest`: read news into a store.

use crate::extract::exit_code;
use crate::reading::ReadArgs;
use anyhow::{Context, Result};
use casus_core::Article;
use casus_pipeline::Known;
use casus_store::{Outcome, Store, StoreOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read news into a store: articles, mentions, events, quotes, claims,
/// places, copies and stories, kept in a database with a full-text index.
///
/// Takes the same inputs and options as `casus extract`. Each batch of
/// articles is stored in one transaction, so stopping casus (even with
/// kill -9) leaves whole batches; run the same command again to finish,
/// and nothing is lost or stored twice. Re-ingesting an article changes
/// nothing; a new version (same id or URL, changed text) replaces the old.
///
/// Near-duplicates (Jaccard of five-word shingles >= 0.8, found with
/// MinHash/LSH) are linked to the first copy stored, and their events are
/// not counted again. Every other article joins the story of the most
/// similar article published within --window-days that shares an event
/// (same actors, root code and day) or much of its text; shared actors and
/// places add to the score but alone make no story. A story takes articles
/// for --story-span-days after its first; then a new one starts.
///
/// The store is a directory: casus.sqlite (SQLite, WAL; any SQLite client
/// reads it) and index/ (tantivy). Default: $CASUS_DB, else
/// $XDG_DATA_HOME/casus, else ~/.local/share/casus.
///
/// Examples:
///   casus ingest news/ --db newsdb
///   casus ingest crawl.warc.gz feeds/*.xml --db newsdb --report problems.jsonl
///   casus related ARTICLE_ID --db newsdb
///   casus serve --db newsdb
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    read: ReadArgs,

    #[command(flatten)]
    db: DbArgs,

    /// Articles stored per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,

    /// Articles published further apart than this are never one story.
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    window_days: i64,

    /// A story takes no article published more than this many days after
    /// its first: chains of neighbours stop, and a new story starts.
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    story_span_days: i64,

    /// Extra words never used as story keywords (one per line); may be
    /// given several times.
    #[arg(long, value_name = "FILE")]
    stopwords: Vec<PathBuf>,
}

/// Where the store is.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArgs {
    /// The store directory [default: $CASUS_DB, else
    /// $XDG_DATA_HOME/casus, else ~/.local/share/casus].
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

impl DbArgs {
    pub fn dir(&self) -> PathBuf {
        if let Some(d) = &self.db {
            return d.clone();
        }
        let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        env("CASUS_DB")
            .or_else(|| env("XDG_DATA_HOME").map(|d| d.join("casus")))
            .or_else(|| env("HOME").map(|h| h.join(".local/share/casus")))
            .unwrap_or_else(|| PathBuf::from("casus-db"))
    }
}

#[derive(Default)]
struct Tally {
    new: usize,
    copies: usize,
    replaced: usize,
    unchanged: usize,
}

impl Tally {
    fn add(&mut self, outcomes: &[Outcome]) {
        for o in outcomes {
            match o {
                Outcome::New { copy_of: None, .. } => self.new += 1,
                Outcome::New { .. } => self.copies += 1,
                Outcome::Replaced { .. } => self.replaced += 1,
                Outcome::Unchanged => self.unchanged += 1,
            }
        }
    }
}

pub fn main(args: Args) -> Result<ExitCode> {
    let dir = args.db.dir();
    let mut options = StoreOptions {
        window_days: args.window_days,
        story_span_days: args.story_span_days,
        ..StoreOptions::default()
    };
    for f in &args.stopwords {
        let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        options.stopwords.extend(&text);
    }
    let mut store =
        Store::open(&dir, options).with_context(|| format!("cannot open the store {}", dir.display()))?;
    let mut prepared = args.read.prepare()?;
    // Articles the store holds as they are are not processed again.
    let stored = store
        .stored()
        .with_context(|| format!("cannot read the store {}", dir.display()))?;
    if !stored.is_empty() {
        let known = Known::new(move |id, text| stored.holds(id, text));
        prepared.opts.known = Some(std::sync::Arc::new(known));
    }
    let batch = args.batch.max(1);
    // The store writes on its own thread, so the next batch is processed
    // while the last one is stored.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Article>>(2);
    let writer = std::thread::spawn(move || -> Result<Tally> {
        let mut tally = Tally::default();
        for articles in rx {
            tally.add(&store.put_batch(&articles)?);
        }
        store.close()?;
        Ok(tally)
    });
    let mut pending: Vec<Article> = Vec::with_capacity(batch);
    let summary = prepared.run(|a| {
        pending.push(a);
        if pending.len() >= batch {
            let full = std::mem::replace(&mut pending, Vec::with_capacity(batch));
            // A closed channel means the writer failed: its error is
            // reported below.
            if tx.send(full).is_err() {
                anyhow::bail!("the store stopped");
            }
        }
        Ok(())
    });
    if !pending.is_empty() {
        let _ = tx.send(pending);
    }
    drop(tx);
    let tally = match writer.join() {
        Ok(t) => t.with_context(|| format!("cannot store in {}", dir.display()))?,
        Err(_) => anyhow::bail!("the store's writer thread panicked"),
    };
    let Some(summary) = summary? else {
        return Ok(ExitCode::SUCCESS);
    };
    prepared.print_summary(&summary);
    eprintln!(
        "casus: stored in {}: {} new, {} copies of stored articles, {} replaced, {} unchanged",
        dir.display(),
        tally.new,
        tally.copies,
        tally.replaced,
        tally.unchanged + summary.unchanged
    );
    Ok(exit_code(&summary))
}
