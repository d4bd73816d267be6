//! The `casus` command. Thin: parses arguments, wires the library crates
//! together, prints. See `casus --help`.

mod actors;
mod bench;
mod corpus;
mod eval;
mod eval_acled;
mod eval_html;
mod eval_stories;
mod export;
mod extract;
mod ingest;
mod ingest_pg;
mod load;
mod output;
mod reading;
mod serve;
mod stories;
mod train;

// mimalloc: the pipeline allocates many small vectors per sentence on every
// worker thread. In interleaved runs of `casus bench` it was 30-40% faster
// than glibc's malloc at one thread and at two; whole `casus extract` runs
// gained about 7%, for about 70 MB more peak memory.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "casus",
    version,
    about = "News in, event data out: who did what to whom, when and where.",
    long_about = "casus reads news articles (web pages, RSS/Atom feeds, WARC web archives, \
JSON Lines, plain text) and says who did what to whom, when and where, and who said what: \
actors, CAMEO/PLOVER events, quotes, claims, times and places, each with the span of the \
words it came from.\n\n\
Start with:\n  casus extract examples/articles            # the built-in examples\n  \
casus extract news/ -o articles.jsonl       # a directory, recursively\n  \
casus extract crawl.warc.gz | jq .title      # a web archive, to jq\n  \
casus actors news/ --unknown                 # names the dictionaries miss\n  \
casus ingest news/ --db newsdb              # keep them: copies, stories, search\n  \
casus serve --db newsdb                     # the HTTP API at localhost:8080/api/",
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(extract::Args),
    Ingest(ingest::Args),
    Related(stories::RelatedArgs),
    Story(stories::StoryArgs),
    Serve(serve::Args),
    Export(export::Args),
    Load(load::Args),
    Actors(actors::Args),
    Eval(eval::Args),
    Bench(bench::Args),
    Train(train::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::main(args),
        Command::Ingest(args) => ingest::main(args),
        Command::Related(args) => stories::related(args),
        Command::Story(args) => stories::story(args),
        Command::Serve(args) => serve::main(args),
        Command::Export(args) => export::main(args),
        Command::Load(args) => load::main(args),
        Command::Actors(args) => actors::main(args),
        Command::Eval(args) => eval::main(args),
        Command::Bench(args) => bench::main(args),
        Command::Train(args) => train::main(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("casus: error: {e:#}");
            // A store that cannot be reached or used (a bad URL, a missing
            // database, wrong credentials, an old server) failed the run;
            // the rest are errors of use.
            if e.chain().any(|c| c.is::<casus_pg::PgError>()) {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}
