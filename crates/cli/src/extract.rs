//! `casus extract`: raw news in, one JSON line per article out.

use crate::output::Output;
use crate::reading::ReadArgs;
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn raw news into coded article records (JSON Lines).
///
/// Reads plain text (first line as headline when it looks like one), HTML
/// pages, JSON Lines (`id, url, title, published` and `text` or `html`),
/// RSS and Atom feeds (each item an article) and WARC or WARC.gz archives
/// (each HTML response an article). Formats are detected by content and
/// extension; gzip is undone; directories are walked recursively.
///
/// Each output line has `id, url, source, title, published,
/// published_from, language, text, sentences`, and for English articles
/// `mentions` (actors with CAMEO-style codes), `events` (source, target,
/// CAMEO, PLOVER, modality, date, location, confidence), `quotes`, `claims`, `times` and `places`; all
/// spans are code points into `text`. Plus `author`, `dateline`,
/// `duplicate_of`, `origin` and `warnings`. The publication date comes
/// from the input, the page's metadata, the URL, the HTTP or WARC date or
/// a dateline, else --published; a date before 1900 or after the fetch is
/// refused with a warning. Without one, `published` is null and relative
/// times ("on Wednesday") keep their words with a null value. Places need
/// the gazetteer index (scripts/gazetteer.sh).
///
/// A broken input is reported on stderr (file, line or record, byte, what
/// is wrong) and the rest is processed. Exit status: 0 when every input was
/// read, 1 when some failed (their articles are missing), 2 on a usage error.
///
/// Examples:
///   casus extract examples/articles
///   casus extract news/ -o articles.jsonl --report problems.jsonl
///   curl -s https://example.com/feed.xml | casus extract - | jq -r .title
///   casus extract transcripts.txt --lines --published 2024-03-01
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write articles to FILE instead of stdout. The file appears only when
    /// the run is complete (it is written as FILE.partial first).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    read: ReadArgs,
}

pub fn main(args: Args) -> Result<ExitCode> {
    let mut prepared = args.read.prepare()?;
    let mut out = Output::open(args.output.as_deref())?;
    let summary = prepared.run(|a| {
        let w = out.writer();
        serde_json::to_writer(&mut *w, &a)?;
        w.write_all(b"\n")?;
        Ok(())
    })?;
    let Some(summary) = summary else {
        return Ok(ExitCode::SUCCESS);
    };
    out.finish()?;
    prepared.print_summary(&summary);
    Ok(exit_code(&summary))
}

/// 0 when every input was read, 1 when some failed.
pub(crate) fn exit_code(summary: &casus_pipeline::Summary) -> ExitCode {
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
