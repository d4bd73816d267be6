//! `casus ingest --db postgres://...`: one of any number of workers that
//! share a run through the database's work queue (`casus_pg::WorkQueue`).
//! Each claims a few inputs at a time, reads them, stores their articles
//! (placing copies and stories one batch at a time across workers), and
//! marks them done in the transaction that stores their last articles;
//! then claims more, until the run has none left. A worker killed at any
//! moment leaves its inputs to the others when its lease runs out.

use crate::extract::exit_code;
use crate::ingest::{options, Args, Tally};
use anyhow::{Context, Result};
use casus_core::Article;
use casus_ingest::Input;
use casus_pg::{Finished, PgStore, WorkQueue};
use casus_pipeline::{Known, Summary};
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

/// What the reading side hands the writer: articles to store, and the
/// inputs that are done once they are stored.
struct Batch {
    articles: Vec<Article>,
    done: Vec<String>,
}

/// How many times a worker tries again while the server is away.
const RETRIES: u32 = 10;

/// `op` on `s`; while the connection is lost (a server restarting, a
/// network cut), said on stderr and tried again after a growing wait (0.5 s
/// doubling to 30 s, [`RETRIES`] times), connecting again in between.
/// What `op` does is one transaction, so trying it again stores nothing
/// twice.
fn retry<S, T>(
    s: &mut S,
    what: &str,
    reconnect: fn(&mut S) -> casus_pg::Result<()>,
    mut op: impl FnMut(&mut S) -> casus_pg::Result<T>,
) -> Result<T> {
    let mut wait = Duration::from_millis(500);
    let mut tries = 0;
    loop {
        match op(s) {
            Ok(v) => return Ok(v),
            Err(e) if e.is_connection() && tries < RETRIES => {
                tries += 1;
                eprintln!(
                    "casus: {what}: {e}; trying again in {:.1} s ({tries} of {RETRIES})",
                    wait.as_secs_f64()
                );
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(30));
                // A reconnection that fails too is tried on the next round.
                match reconnect(s) {
                    Err(e) if !e.is_connection() => return Err(e.into()),
                    _ => {}
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// The run's name: the inputs' paths and sizes, hashed, so that workers
/// given the same inputs on any machine share it.
fn run_name(inputs: &[Input]) -> String {
    let mut names: Vec<String> = inputs
        .iter()
        .map(|i| format!("{}\t{}", i.name(), i.size()))
        .collect();
    names.sort();
    format!("{:016x}", casus_story::content_hash(&names.join("\n")))
}

/// This worker's name in the queue: host and process.
fn worker_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "host".into());
    format!("{host}:{}", std::process::id())
}

pub fn main(args: Args, url: &str) -> Result<ExitCode> {
    let options = options(&args)?;
    let mut store = PgStore::open(url, options)?;
    let target = store.target().to_string();
    let mut prepared = args.read.prepare()?;
    let stored = store
        .stored()
        .with_context(|| format!("cannot read the store {target}"))?;
    if !stored.is_empty() {
        let known = Known::new(move |id, text| stored.holds(id, text));
        prepared.opts.known = Some(std::sync::Arc::new(known));
    }
    let inputs = std::mem::take(&mut prepared.collected.inputs);
    // Standard input is this worker's alone: read here, never queued.
    let (stdin, files): (Vec<Input>, Vec<Input>) =
        inputs.into_iter().partition(|i| matches!(i, Input::Stdin));
    let run = args.run.clone().unwrap_or_else(|| run_name(&files));
    let lease = Duration::from_secs(args.lease.max(1));
    let owner = worker_name();
    let mut queue = WorkQueue::open(url, &run, &owner, lease)?;
    let names: Vec<String> = files.iter().map(Input::name).collect();
    let added = queue.add(&names)?;
    let left = queue.left()?;
    eprintln!(
        "casus: run {run} at {target}: {} inputs ({added} new to the run, {left} not done), worker {owner}",
        names.len()
    );
    if left == 0 && !names.is_empty() {
        eprintln!("casus: the run has read all its inputs; give --run NAME to read them again as a new run");
    }
    let batch = args.batch.max(1);
    let (tx, rx) = sync_channel::<Batch>(2);
    let (writer_run, writer_owner) = (run.clone(), owner.clone());
    let writer = std::thread::spawn(move || -> Result<Tally> {
        let mut tally = Tally::default();
        for b in rx {
            let done = Finished {
                run: writer_run.clone(),
                owner: writer_owner.clone(),
                inputs: b.done,
            };
            let outcomes = retry(&mut store, "storing a batch", PgStore::reconnect, |s| {
                s.put_batch_finishing(&b.articles, &done)
            })?;
            tally.add(&outcomes);
        }
        Ok(tally)
    });
    let mut summary = Summary::default();
    let mut claimed_total = 0usize;
    let mut read = |prepared: &mut crate::reading::Prepared,
                    part: &[Input],
                    done: Vec<String>,
                    queue: &mut WorkQueue|
     -> Result<bool> {
        let mut pending: Vec<Article> = Vec::with_capacity(batch);
        let mut renewed = Instant::now();
        let result = prepared.run_on(part, |a| {
            pending.push(a);
            if pending.len() >= batch {
                let full = std::mem::replace(&mut pending, Vec::with_capacity(batch));
                if tx
                    .send(Batch {
                        articles: full,
                        done: Vec::new(),
                    })
                    .is_err()
                {
                    anyhow::bail!("the store stopped");
                }
            }
            // Hold the inputs while they take long.
            if !done.is_empty() && renewed.elapsed() > lease / 3 {
                retry(queue, "renewing a lease", WorkQueue::reconnect, |q| {
                    q.renew(&done)
                })?;
                renewed = Instant::now();
            }
            Ok(())
        })?;
        if tx
            .send(Batch {
                articles: pending,
                done,
            })
            .is_err()
        {
            anyhow::bail!("the store stopped");
        }
        match result {
            Some(s) => {
                summary.absorb(s);
                Ok(true)
            }
            None => Ok(false),
        }
    };
    let mut going = stdin.is_empty() || read(&mut prepared, &stdin, Vec::new(), &mut queue)?;
    while going {
        let left = retry(&mut queue, "reading the work queue", WorkQueue::reconnect, |q| {
            q.left()
        })?;
        let n = match args.claim {
            Some(n) => n.max(1),
            None => (left as usize / 32).clamp(1, 64),
        };
        let claimed = retry(&mut queue, "claiming inputs", WorkQueue::reconnect, |q| {
            q.claim(n)
        })?;
        if claimed.is_empty() {
            // Others hold the rest: wait, and take over what a dead
            // worker leaves when its lease runs out.
            if left == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(500));
            continue;
        }
        claimed_total += claimed.len();
        let part: Vec<Input> = files
            .iter()
            .filter(|i| claimed.contains(&i.name()))
            .cloned()
            .collect();
        going = read(&mut prepared, &part, claimed, &mut queue)?;
    }
    drop(tx);
    let tally = match writer.join() {
        Ok(t) => t.with_context(|| format!("cannot store in {target}"))?,
        Err(_) => anyhow::bail!("the store's writer thread panicked"),
    };
    prepared.finish(&mut summary)?;
    prepared.print_summary(&summary);
    eprintln!(
        "casus: stored in {target}: {} new, {} copies of stored articles, {} replaced, {} unchanged; this worker did {claimed_total} of the run's inputs",
        tally.new,
        tally.copies,
        tally.replaced,
        tally.unchanged + summary.unchanged
    );
    Ok(exit_code(&summary))
}
