//! `casus export`: a store's events in the formats analysts load.

use crate::ingest::{Db, DbArgs};
use crate::output::Output;
use anyhow::{Context, Result};
use casus_export::{export, Format};
use casus_pg::PgStore;
use casus_store::EventSource;
use casus_store::{EventFilter, Reader, StoreOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// Write a store's events as JSON Lines, CSV, a GDELT 2.0 event table,
/// PLOVER JSON, Parquet or ACLED's CSV layout, oldest first.
///
/// Formats:
///   jsonl   one event per line, as /api/events gives them (jq, pandas)
///   csv     one row per event with a header: id, article, url, date
///           (as written: a day, 2024-W05 or 2024-02), day, the
///           source's and target's id, text, code and country, cameo,
///           root, quad_class, penta_class, goldstein, plover, modality,
///           confidence, place, lat, lon, trigger and sentence spans ...
///   gdelt   the GDELT 2.0 event table: 61 tab-separated fields in the
///           codebook's order, no header; what casus cannot fill is empty
///   plover  a JSON array of PLOVER records (source, target, event, mode,
///           context), with the CAMEO code and the words' spans
///   parquet the csv columns, typed: day as DATE, added as a UTC
///           timestamp, numbers as numbers, nulls for what is absent
///           (pandas.read_parquet, polars, R's arrow, DuckDB)
///   acled   ACLED's CSV columns in ACLED's order (event_date, event_type,
///           sub_event_type, actor1, assoc_actor_1, inter1, ... notes,
///           fatalities), then casus's ids and spans; only events with an
///           ACLED type; what casus cannot fill (admin areas, associated
///           actors, geo precision) is empty
///
/// Filters are those of /api/events. Copies of republished articles are
/// left out unless --copies is given.
///
/// Examples:
///   casus export --db newsdb --format csv -o events.csv
///   casus export --db newsdb --format gdelt --from 2024-01-01 --to 2024-01-31 -o jan.tsv
///   casus export --db newsdb --format jsonl --actor IRQGOV | jq -r .cameo
///   casus export --db newsdb --format parquet --category ASSAULT -o assaults.parquet
///   casus export --db newsdb --format acled -o acled.csv
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// jsonl, csv, gdelt, plover, parquet or acled.
    #[arg(long, value_parser = parse_format)]
    format: Format,
    /// Write to FILE (complete or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Source or target, by actor id or code.
    #[arg(long)]
    actor: Option<String>,
    /// The source actor, by id or code.
    #[arg(long)]
    source: Option<String>,
    /// The target actor, by id or code.
    #[arg(long)]
    target: Option<String>,
    /// Source's or target's country (ISO 3166 alpha-3).
    #[arg(long)]
    country: Option<String>,
    /// A CAMEO code or prefix (19 is every 19x).
    #[arg(long)]
    code: Option<String>,
    /// A PLOVER category (ASSAULT).
    #[arg(long)]
    category: Option<String>,
    /// First day (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last day (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// The event's place: GeoNames id, name or country code.
    #[arg(long)]
    place: Option<String>,
    /// Only the events of this story's articles (a story id from `casus story`).
    #[arg(long)]
    story: Option<String>,
    /// Include the events of copies.
    #[arg(long)]
    copies: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("expected {}; found `{s}`", Format::NAMES))
}

pub fn main(args: Args) -> Result<ExitCode> {
    let filter = EventFilter {
        actor: args.actor,
        source: args.source,
        target: args.target,
        country: args.country,
        code: args.code,
        category: args.category,
        from: args.from,
        to: args.to,
        place: args.place,
        article: None,
        story: args.story,
        copies: args.copies,
    };
    let (format, output) = (args.format, args.output.clone());
    let n = match args.db.which() {
        Db::Dir(dir) => {
            let reader = Reader::open(&dir, StoreOptions::default())
                .with_context(|| format!("cannot open the store {}", dir.display()))?;
            write(&mut &reader, &filter, format, output.as_deref())?
        }
        Db::Postgres(url) => write(
            &mut PgStore::open(&url, StoreOptions::default())?,
            &filter,
            format,
            output.as_deref(),
        )?,
    };
    eprintln!("casus: exported {n} event{}", if n == 1 { "" } else { "s" });
    Ok(ExitCode::SUCCESS)
}

/// Writes the events `filter` selects from `source` to `output` (stdout
/// when `None`).
fn write(
    source: &mut impl EventSource,
    filter: &EventFilter,
    format: Format,
    output: Option<&std::path::Path>,
) -> Result<u64> {
    let mut out = Output::open(output)?;
    let n = export(source, filter, format, out.writer())?;
    out.finish()?;
    Ok(n)
}
