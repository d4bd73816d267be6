//! `casus ingest`: read news into a store.

use crate::extract::exit_code;
use crate::reading::ReadArgs;
use anyhow::{Context, Result};
use casus_core::Article;
use casus_pipeline::Known;
use casus_store::{Outcome, Prepared, Store, StoreOptions};
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
/// Or a PostgreSQL database (--db postgres://USER@HOST:PORT/DB), which
/// any number of workers on any number of machines fill together: given
/// the same inputs, they share one run, claim inputs a few at a time for
/// a lease (--lease), and mark them done as their articles are stored; a
/// worker that dies leaves its inputs to the others when its lease runs
/// out. Run the same command on each machine.
///
/// Examples:
///   casus ingest news/ --db newsdb
///   casus ingest feeds/ --db postgres://me@dbhost:5432/news   # on each worker
///   casus ingest crawl.warc.gz feeds/*.xml --db newsdb --report problems.jsonl
///   casus related ARTICLE_ID --db newsdb
///   casus serve --db newsdb
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    pub(crate) read: ReadArgs,

    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Articles stored per transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub(crate) batch: usize,

    /// Articles published further apart than this are never one story.
    #[arg(long, value_name = "DAYS", default_value_t = 3)]
    pub(crate) window_days: i64,

    /// A story takes no article published more than this many days after
    /// its first: chains of neighbours stop, and a new story starts.
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub(crate) story_span_days: i64,

    /// Extra words never used as story keywords (one per line); may be
    /// given several times.
    #[arg(long, value_name = "FILE")]
    pub(crate) stopwords: Vec<PathBuf>,

    /// PostgreSQL: the name of the run the workers share [default: a hash
    /// of the inputs' paths and sizes, so that workers given the same
    /// inputs share one run]. Inputs a run has done are not read again;
    /// name a new run to read them again.
    #[arg(long, value_name = "NAME")]
    pub(crate) run: Option<String>,

    /// PostgreSQL: how long a worker holds the inputs it claimed without
    /// renewing them; a worker that dies leaves them to another after it.
    #[arg(long, value_name = "SECONDS", default_value_t = 120)]
    pub(crate) lease: u64,

    /// PostgreSQL: how many inputs a worker claims at a time [default:
    /// one in 32 of those left, from 1 to 64, so that every worker gets
    /// some of a short list and a long one costs few claims].
    #[arg(long, value_name = "N")]
    pub(crate) claim: Option<usize>,
}

/// Where the store is.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArgs {
    /// The store: a directory (SQLite), or a PostgreSQL URL
    /// (postgres://USER@HOST:PORT/DATABASE) [default: $CASUS_DB, else
    /// $XDG_DATA_HOME/casus, else ~/.local/share/casus].
    #[arg(long, value_name = "DIR|URL")]
    pub db: Option<PathBuf>,
}

/// A store: a directory with SQLite and a text index, or a PostgreSQL
/// database.
#[derive(Debug, Clone, PartialEq)]
pub enum Db {
    Dir(PathBuf),
    Postgres(String),
}

impl DbArgs {
    pub fn which(&self) -> Db {
        let given = self.db.clone().or_else(|| {
            std::env::var_os("CASUS_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        });
        if let Some(url) = given
            .as_ref()
            .and_then(|d| d.to_str())
            .filter(|d| casus_pg::is_postgres(d))
        {
            return Db::Postgres(url.to_string());
        }
        if let Some(d) = given {
            return Db::Dir(d);
        }
        let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        Db::Dir(
            env("XDG_DATA_HOME")
                .map(|d| d.join("casus"))
                .or_else(|| env("HOME").map(|h| h.join(".local/share/casus")))
                .unwrap_or_else(|| PathBuf::from("casus-db")),
        )
    }
}

#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) new: usize,
    pub(crate) copies: usize,
    pub(crate) replaced: usize,
    pub(crate) unchanged: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, outcomes: &[Outcome]) {
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

/// Articles for the writer, each with its digest.
type Batch = (Vec<Article>, Vec<Prepared>);

/// The store's options from the command line.
pub(crate) fn options(args: &Args) -> Result<StoreOptions> {
    let mut options = StoreOptions {
        window_days: args.window_days,
        story_span_days: args.story_span_days,
        ..StoreOptions::default()
    };
    for f in &args.stopwords {
        let text = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
        options.stopwords.extend(&text);
    }
    Ok(options)
}

pub fn main(args: Args) -> Result<ExitCode> {
    let dir = match args.db.which() {
        Db::Dir(d) => d,
        Db::Postgres(url) => return crate::ingest_pg::main(args, &url),
    };
    let options = options(&args)?;
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
    // while the last one is stored; what storing computes from an article
    // alone (its record, shingles and keys) is done here, on the thread
    // that hands articles over, so the writer only writes.
    let store_options = store.options().clone();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
    let writer = std::thread::spawn(move || -> Result<Tally> {
        let mut tally = Tally::default();
        for (articles, digests) in rx {
            tally.add(&store.put_prepared(&articles, &digests)?);
        }
        store.close()?;
        Ok(tally)
    });
    let mut pending: Batch = (Vec::with_capacity(batch), Vec::with_capacity(batch));
    let summary = prepared.run(|a| {
        pending.1.push(Prepared::of(&a, &store_options));
        pending.0.push(a);
        if pending.0.len() >= batch {
            let full = std::mem::replace(
                &mut pending,
                (Vec::with_capacity(batch), Vec::with_capacity(batch)),
            );
            // A closed channel means the writer failed: its error is
            // reported below.
            if tx.send(full).is_err() {
                anyhow::bail!("the store stopped");
            }
        }
        Ok(())
    });
    if !pending.0.is_empty() {
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
