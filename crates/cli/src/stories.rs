//! `casus related` and `casus story`: what the store knows about one
//! article's story.

use crate::ingest::{Db, DbArgs};
use anyhow::{Context, Result};
use casus_pg::PgStore;
use casus_store::{Reader, StoreOptions};
use std::io::Write;
use std::process::ExitCode;

/// Articles related to one article, same story first: copies, then the
/// story's other articles, then others that share events, actors, places
/// or words, each with a score and its reasons.
///
/// Prints a table (TSV with a header: pandas, R and `column -t` read it),
/// or JSON with --json.
///
/// Examples:
///   casus related 3f2a9c0d1b7e4a65 --db newsdb
///   casus related 3f2a9c0d1b7e4a65 --db newsdb --json | jq '.[].id'
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct RelatedArgs {
    /// The article's id (the `id` field of casus extract's output).
    id: String,
    #[command(flatten)]
    db: DbArgs,
    /// At most this many.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// One story: its articles, oldest first.
///
/// ID is a story id or the id of any article in the story. Prints a table
/// (TSV with a header), or JSON with --json.
///
/// Examples:
///   casus story 3f2a9c0d1b7e4a65 --db newsdb
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct StoryArgs {
    /// A story id, or the id of an article in it.
    id: String,
    #[command(flatten)]
    db: DbArgs,
    /// JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// A store to read one story from: a directory, or PostgreSQL.
enum Store {
    Dir(Box<Reader>),
    Pg(Box<PgStore>),
}

fn open(db: &DbArgs) -> Result<Store> {
    Ok(match db.which() {
        Db::Dir(dir) => Store::Dir(Box::new(
            Reader::open(&dir, StoreOptions::default())
                .with_context(|| format!("cannot open the store {}", dir.display()))?,
        )),
        Db::Postgres(url) => Store::Pg(Box::new(PgStore::open(&url, StoreOptions::default())?)),
    })
}

/// A TSV field: tabs and line breaks would break the row.
fn cell(s: Option<&str>) -> String {
    s.unwrap_or("").replace(['\t', '\n', '\r'], " ")
}

pub fn related(args: RelatedArgs) -> Result<ExitCode> {
    let rel = match open(&args.db)? {
        Store::Dir(r) => r.related(&args.id, args.limit.max(1))?,
        Store::Pg(mut p) => p.related(&args.id, args.limit.max(1))?,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rel)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "score\treasons\tsame_story\tid\tpublished\tsource\ttitle")?;
    for r in &rel {
        let reasons: Vec<&str> = r.reasons.iter().map(|x| x.as_str()).collect();
        writeln!(
            out,
            "{:.2}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.score,
            reasons.join(","),
            r.same_story,
            r.id,
            cell(r.published.as_deref()),
            cell(r.source.as_deref()),
            cell(r.title.as_deref()),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn story(args: StoryArgs) -> Result<ExitCode> {
    let s = match open(&args.db)? {
        Store::Dir(r) => r.story(&args.id, None)?,
        Store::Pg(mut p) => p.story(&args.id, None)?,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &s)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "casus: story {}: {} article{}, {} to {}",
        s.story.id,
        s.story.articles,
        if s.story.articles == 1 { "" } else { "s" },
        s.story.first.as_deref().unwrap_or("undated"),
        s.story.last.as_deref().unwrap_or("undated")
    );
    writeln!(out, "id\tpublished\tsource\tcopy_of\tevents\ttitle")?;
    for a in &s.members {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            a.id,
            cell(a.published.as_deref()),
            cell(a.source.as_deref()),
            cell(a.copy_of.as_deref()),
            a.events,
            cell(a.title.as_deref()),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
