//! `casus serve`: the HTTP JSON API over a store.

use crate::ingest::{Db, DbArgs};
use anyhow::{Context, Result};
use casus_pg::PgReader;
use casus_store::{ReadStore, Reader, StoreOptions};
use std::net::SocketAddr;
use std::process::ExitCode;

/// Serve a store over HTTP: a JSON API under /api/, described at
/// /api/openapi.json (OpenAPI 3.1).
///
/// Routes: /api/articles, /api/articles/{id} (with events, quotes and
/// related articles), /api/articles/{id}/related, /api/events (filter by
/// actor, source, target, country, code, category, from, to, place),
/// /api/series (per day, week or month: event counts, Goldstein sum and
/// mean, PentaClass counts), /api/actors, /api/stories, /api/stories/{id},
/// /api/search?q=..., /api/stats. Lists take limit and offset and carry
/// the total. A wrong parameter gets a 400 naming it.
///
/// Listens on loopback unless --addr says otherwise; port 0 picks a free
/// port (printed on stderr). Ctrl-C stops it. `casus ingest` may keep
/// writing to the same store meanwhile. Over PostgreSQL (--db
/// postgres://...), any number of servers may share one database; search
/// is then PostgreSQL's full-text search (words are stemmed).
///
/// Examples:
///   casus serve --db newsdb
///   casus serve --db postgres://casus@dbhost/news --addr 0.0.0.0:8080
///   curl -s 'localhost:8080/api/events?actor=IRQGOV&from=2024-01-01&limit=5' | jq .
///   curl -s 'localhost:8080/api/series?source=USA&target=IRN&interval=week' | jq .
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    db: DbArgs,
    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Each request's time budget: past it, its reads are stopped and it
    /// gets a 503 saying so (e.g. 10s, 500ms, 2m).
    #[arg(long, value_name = "TIME", default_value = "10s", value_parser = crate::reading::duration)]
    budget: std::time::Duration,
}

pub fn main(args: Args) -> Result<ExitCode> {
    let (reader, shown): (Box<dyn ReadStore>, String) = match args.db.which() {
        Db::Dir(dir) => {
            let reader = Reader::open(&dir, StoreOptions::default())
                .with_context(|| format!("cannot open the store {}", dir.display()))?;
            (Box::new(reader), dir.display().to_string())
        }
        // The schema is checked (and brought up to date) here; the pool's
        // other connections are made as requests need them.
        Db::Postgres(url) => (
            Box::new(PgReader::open(&url, StoreOptions::default())?),
            casus_pg::redact(&url),
        ),
    };
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "casus: note: listening on {}, reachable from other machines; the API has no authentication",
            args.addr.ip()
        );
    }
    let api = casus_server::Api {
        reader,
        budget: args.budget,
    };
    casus_server::serve(api, args.addr, |bound| {
        eprintln!("casus: serving {shown} at http://{bound}/api/ (Ctrl-C stops)");
    })
    .with_context(|| format!("cannot serve on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
