//! The work queue of a run that several workers share, in the database
//! itself: no coordinator, no home-made locking. An input is claimed for a
//! lease with `FOR UPDATE SKIP LOCKED` (two workers never claim the same
//! input at once), renewed while its articles are stored, and marked done
//! in the transaction that stores its last ones. When a worker dies, its
//! lease runs out and another worker takes the input over; the articles it
//! had stored are found unchanged and not stored twice.

use crate::error::{On, Result};
use crate::migrate::migrate;
use crate::url::connect;
use postgres::{Client, Transaction};
use std::time::Duration;

/// One worker's view of a run's queue.
pub struct WorkQueue {
    client: Client,
    url: String,
    target: String,
    run: String,
    owner: String,
    lease: Duration,
}

impl WorkQueue {
    /// The queue of run `run` at `url`, worked by `owner` (a name unique
    /// to this worker: host and process id) with leases of `lease`.
    pub fn open(url: &str, run: &str, owner: &str, lease: Duration) -> Result<WorkQueue> {
        let (mut client, target) = connect(url)?;
        migrate(&mut client, &target.0)?;
        Ok(WorkQueue {
            client,
            url: url.to_string(),
            target: target.0,
            run: run.to_string(),
            owner: owner.to_string(),
            lease,
        })
    }

    /// Connects again (after [`crate::PgError::is_connection`]).
    pub fn reconnect(&mut self) -> Result<()> {
        self.client = connect(&self.url)?.0;
        Ok(())
    }

    pub fn run(&self) -> &str {
        &self.run
    }

    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// Adds `inputs` to the run (those it has already stay as they are);
    /// returns how many were new.
    pub fn add(&mut self, inputs: &[String]) -> Result<u64> {
        self.client
            .execute(
                "INSERT INTO work (run, input) SELECT $1, i FROM unnest($2::text[]) AS i
                 ON CONFLICT (run, input) DO NOTHING",
                &[&self.run, &inputs],
            )
            .on(&self.target, "adding inputs to the work queue")
    }

    /// Claims up to `n` inputs nobody holds (never claimed, or whose
    /// holder's lease ran out), in input order.
    pub fn claim(&mut self, n: usize) -> Result<Vec<String>> {
        let rows = self
            .client
            .query(
                "UPDATE work SET owner = $2, lease_until = now() + $3 * interval '1 millisecond',
                   attempts = attempts + 1
                 WHERE (run, input) IN (
                   SELECT run, input FROM work
                   WHERE run = $1 AND NOT done AND (lease_until IS NULL OR lease_until < now())
                   ORDER BY input LIMIT $4 FOR UPDATE SKIP LOCKED)
                 RETURNING input",
                &[
                    &self.run,
                    &self.owner,
                    &(self.lease.as_millis() as f64),
                    &(n as i64),
                ],
            )
            .on(&self.target, "claiming inputs")?;
        let mut out: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
        out.sort();
        Ok(out)
    }

    /// Extends this worker's lease on `inputs`; returns how many it still
    /// held (an input whose lease ran out may have been taken over).
    pub fn renew(&mut self, inputs: &[String]) -> Result<u64> {
        self.client
            .execute(
                "UPDATE work SET lease_until = now() + $3 * interval '1 millisecond'
                 WHERE run = $1 AND owner = $2 AND NOT done AND input = ANY($4)",
                &[&self.run, &self.owner, &(self.lease.as_millis() as f64), &inputs],
            )
            .on(&self.target, "renewing a lease")
    }

    /// How many of the run's inputs are not done (held by some worker or
    /// waiting).
    pub fn left(&mut self) -> Result<i64> {
        Ok(self
            .client
            .query_one(
                "SELECT count(*) FROM work WHERE run = $1 AND NOT done",
                &[&self.run],
            )
            .on(&self.target, "reading the work queue")?
            .get(0))
    }

    /// Marks `inputs` done without storing anything (inputs that held no
    /// article).
    pub fn finish(&mut self, inputs: &[String]) -> Result<()> {
        let mut tx = self
            .client
            .transaction()
            .on(&self.target, "starting a transaction")?;
        finish(&mut tx, &self.run, inputs, &self.owner, &self.target)?;
        tx.commit().on(&self.target, "marking inputs done")
    }
}

/// Marks `inputs` of `run` done, in `tx`.
pub(crate) fn finish(
    tx: &mut Transaction<'_>,
    run: &str,
    inputs: &[String],
    owner: &str,
    target: &str,
) -> Result<()> {
    if inputs.is_empty() {
        return Ok(());
    }
    tx.execute(
        "UPDATE work SET done = true, done_at = now(), lease_until = NULL
         WHERE run = $1 AND owner = $2 AND input = ANY($3)",
        &[&run, &owner, &inputs],
    )
    .on(target, "marking inputs done")?;
    Ok(())
}
