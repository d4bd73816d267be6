//! A PostgreSQL store: open (connect and migrate), write batches.

use crate::error::{On, Result};
use crate::lookup;
use crate::migrate::migrate;
use crate::url::connect;
use crate::write::{self, Placed};
use casus_core::Article;
use casus_store::{Outcome, StoreOptions, Stored};
use postgres::{Client, Statement};
use std::collections::HashSet;

/// The advisory lock a writer holds while it places a batch, so that
/// workers place articles one batch at a time, each seeing the batches
/// before it, as a single worker would.
const PLACE_LOCK: i64 = 0x6361_7375_735f_7031; // "casus_p1"

/// Statements prepared once per connection: each is then one round trip.
pub(crate) struct Statements {
    pub band_articles: Statement,
    pub article: Statement,
    pub key_articles: Statement,
    pub stories_of: Statement,
    pub story_days: Statement,
    pub old: Statement,
    pub insert_article: Statement,
    pub insert_bands: Statement,
    pub insert_keys: Statement,
    pub count_keys: Statement,
    pub key_counts: Statement,
    pub story: Statement,
}

impl Statements {
    fn prepare(c: &mut Client, target: &str) -> Result<Statements> {
        let mut p = |sql: &str| c.prepare(sql).on(target, "preparing a statement");
        Ok(Statements {
            band_articles: p(lookup::BAND_ARTICLES)?,
            article: p(lookup::ARTICLE)?,
            key_articles: p(lookup::KEY_ARTICLES)?,
            stories_of: p(lookup::STORIES_OF)?,
            story_days: p(lookup::STORY_DAYS)?,
            old: p(write::OLD)?,
            insert_article: p(write::INSERT_ARTICLE)?,
            insert_bands: p(write::INSERT_BANDS)?,
            insert_keys: p(write::INSERT_KEYS)?,
            count_keys: p(write::COUNT_KEYS)?,
            key_counts: p(lookup::KEY_COUNTS)?,
            story: p(write::STORY)?,
        })
    }
}

/// Inputs of a run's work queue that a batch finishes.
#[derive(Debug, Clone, Default)]
pub struct Finished {
    pub run: String,
    pub owner: String,
    pub inputs: Vec<String>,
}

/// The writing side of a PostgreSQL store; any number may write at once.
pub struct PgStore {
    pub(crate) client: Client,
    url: String,
    pub(crate) target: String,
    pub(crate) options: StoreOptions,
    pub(crate) st: Statements,
    /// Months (year × 12 + month − 1) whose events partition exists.
    pub(crate) months: HashSet<i64>,
}

impl PgStore {
    /// Connects to the store at `url`, creating or upgrading its schema.
    pub fn open(url: &str, options: StoreOptions) -> Result<PgStore> {
        PgStore::connect(url, options, true)
    }

    /// Connects to a store whose schema another connection has checked.
    pub(crate) fn attach(url: &str, options: StoreOptions) -> Result<PgStore> {
        PgStore::connect(url, options, false)
    }

    fn connect(url: &str, options: StoreOptions, migrating: bool) -> Result<PgStore> {
        let (mut client, target) = connect(url)?;
        let target = target.0;
        if migrating {
            migrate(&mut client, &target)?;
        }
        let st = Statements::prepare(&mut client, &target)?;
        Ok(PgStore {
            client,
            url: url.to_string(),
            target,
            options,
            st,
            months: HashSet::new(),
        })
    }

    /// Connects again (after [`PgError::is_connection`]): a new session,
    /// its statements prepared again.
    pub fn reconnect(&mut self) -> Result<()> {
        let (mut client, _) = connect(&self.url)?;
        self.st = Statements::prepare(&mut client, &self.target)?;
        self.client = client;
        Ok(())
    }

    /// `user@host:port/db`, for messages.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The stored articles' ids and content hashes, so that a run skips
    /// what the store holds as it is.
    pub fn stored(&mut self) -> Result<Stored> {
        let rows = self
            .client
            .query("SELECT id, content_hash FROM articles", &[])
            .on(&self.target, "reading the stored articles")?;
        Ok(Stored::from_pairs(rows.iter().map(|r| (r.get(0), r.get(1)))))
    }

    /// Stores `articles` in one transaction: each is new, a new version of
    /// a stored one (replacing it), or unchanged.
    pub fn put_batch(&mut self, articles: &[Article]) -> Result<Vec<Outcome>> {
        self.put_batch_finishing(articles, &Finished::default())
    }

    /// [`PgStore::put_batch`], marking the work queue's inputs `done` in the
    /// same transaction: an input is done exactly when its last articles
    /// are stored.
    pub fn put_batch_finishing(&mut self, articles: &[Article], done: &Finished) -> Result<Vec<Outcome>> {
        let target = self.target.as_str();
        let mut tx = self.client.transaction().on(target, "starting a batch")?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&PLACE_LOCK])
            .on(target, "waiting for the other writers")?;
        let mut outcomes = Vec::with_capacity(articles.len());
        let mut placed: Vec<Placed<'_>> = Vec::new();
        for a in articles {
            let (outcome, p) = write::put(&mut tx, &self.st, a, &self.options, target)?;
            outcomes.push(outcome);
            placed.extend(p);
        }
        let made = write::ensure_months(&mut tx, &placed, &self.months, target)?;
        write::rows(&mut tx, &placed, target)?;
        let rowids: Vec<i64> = placed.iter().map(|p| p.rowid).collect();
        tx.execute("SELECT casus_count($1, 1)", &[&rowids])
            .on(target, "adding a batch to the totals")?;
        crate::work::finish(&mut tx, &done.run, &done.inputs, &done.owner, target)?;
        tx.commit().on(target, "committing a batch")?;
        // Only now: a batch rolled back made no partition.
        self.months.extend(made);
        Ok(outcomes)
    }

    /// How many articles and events the store holds.
    pub fn counts(&mut self) -> Result<(i64, i64)> {
        let r = self
            .client
            .query_one(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)",
                &[],
            )
            .on(&self.target, "counting")?;
        Ok((r.get(0), r.get(1)))
    }
}
