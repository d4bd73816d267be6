//! What a reader keeps between requests: the last [`Stats`] and recent
//! list totals, each read at most every two seconds. Counting a large
//! store takes tens of milliseconds, and a dashboard asks the same counts
//! page after page. Both backends' readers keep one.

use crate::error::Result;
use crate::reader::Stats;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Filters whose totals are kept at once; past it the cache starts over.
const TOTALS_KEPT: usize = 4096;

/// How long a count is answered from its last reading.
const FRESH: Duration = Duration::from_secs(2);

#[derive(Default)]
pub struct Cache {
    /// The last [`Stats`] and when they were read.
    stats: Mutex<Option<(Instant, Stats)>>,
    /// Held by the one request that recounts the stats.
    recounting: Mutex<()>,
    /// Recent list totals by filter.
    totals: Mutex<HashMap<String, (Instant, u64)>>,
}

impl Cache {
    /// The total for `key` (a filter), counted by `count` unless a count
    /// younger than two seconds is at hand.
    pub fn total(&self, key: String, count: impl FnOnce() -> Result<u64>) -> Result<u64> {
        let now = Instant::now();
        let cached = self
            .totals
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .copied();
        if let Some((_, n)) = cached.filter(|(at, _)| now.duration_since(*at) < FRESH) {
            return Ok(n);
        }
        let n = count()?;
        let mut totals = self.totals.lock().unwrap_or_else(|e| e.into_inner());
        if totals.len() >= TOTALS_KEPT {
            totals.clear();
        }
        totals.insert(key, (now, n));
        Ok(n)
    }

    /// The stats, counted by `count` at most every two seconds. While one
    /// request recounts, the others get the last count rather than wait.
    pub fn stats(&self, count: impl FnOnce() -> Result<Stats>) -> Result<Stats> {
        let last = || self.stats.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let stale = match last() {
            Some((at, s)) if at.elapsed() < FRESH => return Ok(s),
            other => other.map(|(_, s)| s),
        };
        let _recounting = match (self.recounting.try_lock(), stale) {
            (Ok(guard), _) => guard,
            (Err(_), Some(s)) => return Ok(s),
            // The first count of all: wait for it, then read it.
            (Err(_), None) => {
                let guard = self.recounting.lock().unwrap_or_else(|e| e.into_inner());
                if let Some((_, s)) = last() {
                    return Ok(s);
                }
                guard
            }
        };
        let s = count()?;
        *self.stats.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), s.clone()));
        Ok(s)
    }
}
