//! What `casus extract` and `casus ingest` share: the options that say
//! what to read and how, the resources they load, and the run's reporting.

use anyhow::{Context, Result};
use casus_core::{Article, Origin};
use casus_ingest::{collect_inputs, Collected, Format, IngestError, Input, ReadOptions, Severity};
use casus_pipeline::{
    run, AcledFiles, Item, Models, Pipeline, PipelineOptions, Resources, RunOptions, Summary, UserData,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Inputs and how to read them.
#[derive(clap::Args, Debug)]
pub struct ReadArgs {
    /// Files, directories (walked recursively) or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Treat every line of a plain-text file as its own document.
    #[arg(long)]
    lines: bool,

    /// Publication date (ISO 8601, e.g. 2024-03-14) for documents that
    /// carry none: the last resort, after the input's own date, the page's
    /// metadata, the URL, the HTTP and WARC dates and a dated dateline
    /// (`published_from` says which was used).
    #[arg(long, value_name = "DATE")]
    published: Option<String>,

    /// Keep no events for articles whose relevance (the learned chance, in
    /// [0, 1], that they report political or conflict events) is below
    /// this: 0.5 drops most sports, business and lifestyle pages. Every
    /// article still has its `relevance` field.
    #[arg(long, value_name = "P")]
    min_relevance: Option<f32>,

    /// Read every input as this format instead of detecting it:
    /// text, html, jsonl, feed or warc.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    format: Option<Format>,

    /// Skip documents (a file, a JSON line, a WARC record) larger than this
    /// many bytes. Accepts K, M and G suffixes.
    #[arg(long, value_name = "BYTES", default_value = "16M", value_parser = parse_bytes)]
    max_bytes: u64,

    /// Skip HTML pages whose elements nest deeper than this (real pages
    /// stay under about 60; parsers slow down with depth).
    #[arg(long, value_name = "N", default_value_t = casus_ingest::HtmlLimits::default().depth)]
    max_depth: usize,

    /// Time one document may take (e.g. 30s, 2m); a document past it is
    /// skipped and reported, the rest go on. Text runs at about a second
    /// per MB on one core, so the default lets any accepted document finish.
    #[arg(long, value_name = "TIME", default_value = "60s", value_parser = duration)]
    doc_budget: std::time::Duration,

    /// Extra page-furniture rules (see crates/ingest/data/furniture.txt for
    /// the format); may be given several times.
    #[arg(long, value_name = "FILE")]
    furniture: Vec<PathBuf>,

    /// Extra actor dictionaries (named actors, countries or agents; see
    /// crates/actors/data/*.tsv for the formats); may be given several times.
    #[arg(long, value_name = "FILE")]
    dictionary: Vec<PathBuf>,

    /// Extra event words with their CAMEO codes: casus's format (see
    /// crates/coder/data/verbs.tsv) or a PETRARCH verb dictionary with its
    /// patterns (CAMEO.verbpatterns.txt), recognised by content; may be
    /// given several times.
    #[arg(long, visible_alias = "verbs", value_name = "FILE")]
    lexicon: Vec<PathBuf>,

    /// Extra time words: units, numbers, holidays, seasons, sets, forward
    /// words (see crates/resolve/data/times.tsv for the format); may be
    /// given several times.
    #[arg(long, value_name = "FILE")]
    times: Vec<PathBuf>,

    /// Extra attribution cues: words that report speech, belief,
    /// intention or evidence, with their kind (see
    /// crates/attrib/data/cues.tsv for the format); may be given several
    /// times.
    #[arg(long, value_name = "FILE")]
    cues: Vec<PathBuf>,

    #[command(flatten)]
    acled: AcledArgs,

    /// PentaClass weights from `casus train pentaclass` instead of the
    /// shipped ones.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,

    /// Relevance weights from `casus train relevance` instead of the
    /// shipped ones.
    #[arg(long, value_name = "FILE")]
    relevance_model: Option<PathBuf>,

    /// Side-tagger weights from `casus train sides` instead of the
    /// shipped ones.
    #[arg(long, value_name = "FILE")]
    sides_model: Option<PathBuf>,

    /// Attribution-tagger weights from `casus train quotes` instead of
    /// the shipped ones.
    #[arg(long, value_name = "FILE")]
    quotes_model: Option<PathBuf>,

    /// Extra abbreviations for sentence splitting (see
    /// crates/nlp/data/abbreviations.txt); may be given several times.
    #[arg(long, value_name = "FILE")]
    abbreviations: Vec<PathBuf>,

    /// Also write every problem as a JSON line (severity, path, line,
    /// record, byte, message) to FILE.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,

    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Print only failures and the summary: no skip notices or warnings.
    #[arg(short, long)]
    quiet: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("expected text, html, jsonl, feed or warc; found `{s}`"))
}

pub(crate) fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 1u64 << 10),
        Some((i, 'm' | 'M')) => (&t[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n * mult)
        .map_err(|_| format!("expected a number of bytes like 500K or 16M; found `{s}`"))
}

/// A time like 10s, 500ms, 2m or a plain number of seconds.
pub(crate) fn duration(s: &str) -> Result<std::time::Duration, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let scale = match unit.trim() {
        "" | "s" => 1.0,
        "ms" => 0.001,
        "m" | "min" => 60.0,
        _ => f64::NAN,
    };
    match num.parse::<f64>() {
        Ok(n) if scale.is_finite() && n * scale > 0.0 && n * scale < 1e9 => {
            Ok(std::time::Duration::from_secs_f64(n * scale))
        }
        _ => Err(format!(
            "expected a time above zero like 10s, 500ms or 2m; found `{s}`"
        )),
    }
}

/// A user's ACLED tables (`casus extract --acled-rules my-rules.tsv`).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct AcledArgs {
    /// ACLED rules that replace the shipped ones: which sub-event type an
    /// event gets from its CAMEO code, its actors and its words (copy
    /// crates/acled/data/acled-rules.tsv and edit it).
    #[arg(long, value_name = "FILE")]
    pub acled_rules: Option<PathBuf>,
    /// Extra ACLED word classes (weapon words, protest words, ...; format:
    /// crates/acled/data/acled-words.tsv).
    #[arg(long, value_name = "FILE")]
    pub acled_words: Option<PathBuf>,
    /// Extra or replaced ACLED sub-event types (format:
    /// crates/acled/data/acled-types.tsv).
    #[arg(long, value_name = "FILE")]
    pub acled_types: Option<PathBuf>,
    /// ACLED actor types read before the shipped ones (format:
    /// crates/acled/data/actor-types.tsv).
    #[arg(long, value_name = "FILE")]
    pub actor_types: Option<PathBuf>,
}

impl AcledArgs {
    pub(crate) fn files(&self) -> AcledFiles<'_> {
        AcledFiles {
            types: self.acled_types.as_deref(),
            words: self.acled_words.as_deref(),
            rules: self.acled_rules.as_deref(),
            actor_types: self.actor_types.as_deref(),
        }
    }
}

/// The user's data files of a command line, each list possibly empty.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct UserFiles<'a> {
    pub furniture: &'a [PathBuf],
    pub abbreviations: &'a [PathBuf],
    pub dictionaries: &'a [PathBuf],
    pub lexicons: &'a [PathBuf],
    pub times: &'a [PathBuf],
    pub cues: &'a [PathBuf],
    pub acled: AcledFiles<'a>,
}

/// The built-in data plus the user's files; bad lines in them are warned
/// about (file and line) and skipped.
pub(crate) fn load_resources(files: UserFiles, models: Models) -> Result<Resources> {
    fn paths(v: &[PathBuf]) -> Vec<&std::path::Path> {
        v.iter().map(PathBuf::as_path).collect()
    }
    let (resources, issues) = Resources::load(UserData {
        furniture: &paths(files.furniture),
        abbreviations: &paths(files.abbreviations),
        dictionaries: &paths(files.dictionaries),
        lexicons: &paths(files.lexicons),
        times: &paths(files.times),
        cues: &paths(files.cues),
        acled: files.acled,
        models,
        gazetteer: None,
    })?;
    if resources.gazetteer.is_none() {
        eprintln!("casus: note: no gazetteer index, so places are not resolved (build it once with scripts/gazetteer.sh)");
    }
    for issue in &issues {
        eprintln!("casus: warning: {issue} (line skipped)");
    }
    Ok(resources)
}

/// A run ready to go: the pipeline, the inputs, the options, the progress
/// bar and the problem report, with unreadable inputs already reported.
pub(crate) struct Prepared {
    pub pipeline: Pipeline,
    pub collected: Collected,
    pub opts: RunOptions,
    pub progress: Arc<AtomicU64>,
    pub reporter: Reporter,
    pub unreadable: usize,
}

/// Where problems and progress go: stderr (above the progress bar) and the
/// `--report` file.
pub(crate) struct Reporter {
    pub bar: ProgressBar,
    report: Option<std::io::BufWriter<std::fs::File>>,
    pub quiet: bool,
}

impl ReadArgs {
    pub(crate) fn prepare(&self) -> Result<Prepared> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("cannot start worker threads")?;
        }
        let published = match &self.published {
            Some(p) => {
                let iso = casus_ingest::dates::normalize(p).with_context(|| {
                    format!("--published: expected an ISO 8601 date such as 2024-03-14; found `{p}`")
                })?;
                let today = chrono::Utc::now().date_naive();
                let day = casus_ingest::published::day_of(&iso).context("--published: expected a day")?;
                if let Err(why) = casus_ingest::published::sane(day, today) {
                    anyhow::bail!("--published: `{p}` cannot be a publication date ({why})");
                }
                Some(iso)
            }
            None => None,
        };
        let resources = load_resources(
            UserFiles {
                furniture: &self.furniture,
                abbreviations: &self.abbreviations,
                dictionaries: &self.dictionary,
                lexicons: &self.lexicon,
                times: &self.times,
                cues: &self.cues,
                acled: self.acled.files(),
            },
            Models {
                pentaclass: self.model.as_deref(),
                relevance: self.relevance_model.as_deref(),
                sides: self.sides_model.as_deref(),
                quotes: self.quotes_model.as_deref(),
            },
        )?;
        let pipeline = Pipeline::new(
            resources,
            PipelineOptions {
                default_published: published,
                min_relevance: self.min_relevance,
                html: casus_ingest::HtmlLimits {
                    depth: self.max_depth,
                    ..Default::default()
                },
                budget: Some(self.doc_budget),
            },
        );
        let collected = collect_inputs(&self.paths);
        let progress = Arc::new(AtomicU64::new(0));
        let total: u64 = collected.inputs.iter().map(|i| i.size()).sum();
        let bar = progress_bar(total);
        let opts = RunOptions {
            read: ReadOptions {
                max_bytes: self.max_bytes,
                lines: self.lines,
                format: self.format,
                progress: Some(progress.clone()),
            },
            ..RunOptions::default()
        };
        let mut report = match &self.report {
            Some(p) => Some(std::io::BufWriter::new(
                std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
            )),
            None => None,
        };
        let mut unreadable = 0;
        for (path, why) in &collected.unreadable {
            unreadable += 1;
            let e = IngestError::Io {
                origin: Origin::file(path.clone()),
                source: std::io::Error::other(why.clone()),
            };
            report_problem(&bar, &mut report, &e, self.quiet)?;
        }
        Ok(Prepared {
            pipeline,
            collected,
            opts,
            progress,
            reporter: Reporter {
                bar,
                report,
                quiet: self.quiet,
            },
            unreadable,
        })
    }
}

impl Reporter {
    pub(crate) fn problem(&mut self, e: &IngestError) -> Result<()> {
        report_problem(&self.bar, &mut self.report, e, self.quiet)
    }

    /// Warnings about an article (unless quiet).
    fn warnings(&self, a: &Article) {
        if !self.quiet {
            for w in &a.warnings {
                self.bar
                    .suspend(|| eprintln!("casus: warning: {}: {w}", a.origin));
            }
        }
    }

    /// Moves the bar every 64 documents.
    fn tick(&self, n: u64, progress: &AtomicU64) {
        if n % 64 == 0 {
            self.bar
                .set_position(progress.load(std::sync::atomic::Ordering::Relaxed));
            self.bar.set_message(format!("{n} documents"));
        }
    }
}

impl Prepared {
    /// Runs the pipeline over the inputs, handing each article to `each`;
    /// warnings, problems and progress are reported here. `None` when
    /// stdout's reader went away (a closed pipe ends the run quietly).
    pub(crate) fn run(&mut self, each: impl FnMut(Article) -> Result<()>) -> Result<Option<Summary>> {
        let inputs = std::mem::take(&mut self.collected.inputs);
        let result = self.run_on(&inputs, each);
        self.collected.inputs = inputs;
        let Some(mut summary) = result? else {
            return Ok(None);
        };
        self.finish(&mut summary)?;
        Ok(Some(summary))
    }

    /// [`Prepared::run`] over some of the inputs, without the end-of-run
    /// accounting ([`Prepared::finish`] does that once, after the last).
    pub(crate) fn run_on(
        &mut self,
        inputs: &[Input],
        mut each: impl FnMut(Article) -> Result<()>,
    ) -> Result<Option<Summary>> {
        let Prepared {
            pipeline,
            opts,
            progress,
            reporter,
            ..
        } = self;
        let mut n = 0u64;
        let result = run(inputs, pipeline, opts, |item| -> Result<()> {
            match item {
                Item::Article(a) => {
                    reporter.warnings(&a);
                    each(*a)?;
                }
                Item::Problem(e) => reporter.problem(&e)?,
                Item::Unchanged(_) => {}
            }
            n += 1;
            reporter.tick(n, progress);
            Ok(())
        });
        match result {
            Ok(s) => Ok(Some(s)),
            Err(e) if is_broken_pipe(&e) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The end-of-run summary, on stderr.
    pub(crate) fn print_summary(&self, summary: &Summary) {
        eprintln!("{}", summary_line(summary, self.collected.ignored));
    }

    /// Flushes the report and adds the unreadable inputs to the summary.
    pub(crate) fn finish(&mut self, summary: &mut Summary) -> Result<()> {
        self.reporter.bar.finish_and_clear();
        if let Some(r) = self.reporter.report.as_mut() {
            r.flush().context("cannot write the report")?;
        }
        summary.failed += self.unreadable;
        summary.inputs += self.unreadable;
        Ok(())
    }
}

fn progress_bar(total: u64) -> ProgressBar {
    // Small runs finish before a bar would help; indicatif hides itself
    // when stderr is not a terminal.
    if total < 8 << 20 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg}",
        )
        .expect("valid template")
        .progress_chars("=> "),
    );
    bar
}

fn report_problem(
    bar: &ProgressBar,
    report: &mut Option<std::io::BufWriter<std::fs::File>>,
    e: &IngestError,
    quiet: bool,
) -> Result<()> {
    let severity = match e.severity() {
        Severity::Failed => "error",
        Severity::Skipped => "skipped",
    };
    if !quiet || e.severity() == Severity::Failed {
        bar.suspend(|| eprintln!("casus: {severity}: {e}"));
    }
    if let Some(r) = report {
        let o = e.origin();
        let line = serde_json::json!({
            "severity": severity, "path": o.path, "line": o.line, "record": o.record,
            "byte": o.byte, "message": e.to_string(),
        });
        serde_json::to_writer(&mut *r, &line)?;
        r.write_all(b"\n")?;
    }
    Ok(())
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// `casus: 3 inputs, 12 articles (1 duplicate; en 11, fr 1), 2 skipped, 1 failed in 0.21 s (57 articles/s)`
pub(crate) fn summary_line(s: &Summary, ignored: usize) -> String {
    let secs = s.elapsed.as_secs_f64().max(1e-9);
    let langs: Vec<String> = s.languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let mut line = format!(
        "casus: {} input{}, {} article{} ({} duplicate{}{}{}), {} skipped, {} failed in {:.2} s ({:.0} articles/s, {:.1} MB/s of text)",
        s.inputs,
        plural(s.inputs),
        s.read,
        plural(s.read),
        s.duplicates,
        plural(s.duplicates),
        if langs.is_empty() { "" } else { "; " },
        langs.join(", "),
        s.skipped,
        s.failed,
        secs,
        s.read as f64 / secs,
        s.bytes_of_text as f64 / secs / 1e6,
    );
    if s.unchanged > 0 {
        line.push_str(&format!(
            "; {} already stored as they are, not processed again",
            s.unchanged
        ));
    }
    if ignored > 0 {
        line.push_str(&format!(
            "; {ignored} non-article file{} passed over",
            plural(ignored)
        ));
    }
    line
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sizes_take_suffixes() {
        assert_eq!(parse_bytes("16M"), Ok(16 << 20));
        assert_eq!(parse_bytes("500k"), Ok(500 << 10));
        assert_eq!(parse_bytes("42"), Ok(42));
        assert!(parse_bytes("lots").unwrap_err().contains("500K"));
    }

    #[test]
    fn times_take_units_and_refuse_zero() {
        use std::time::Duration;
        assert_eq!(duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(duration("3"), Ok(Duration::from_secs(3)));
        assert!(duration("0s").unwrap_err().contains("above zero"));
        assert!(duration("soon").is_err());
    }
}
