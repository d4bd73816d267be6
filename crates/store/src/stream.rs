//! Every event a filter selects, oldest first, one at a time: for exports
//! of any size.

use crate::error::{At, StoreError};
use crate::events::{event_row, EventFilter, EventRow, EVENT, FROM};
use crate::reader::Reader;

impl Reader {
    /// Calls `sink` with each selected event, oldest first, and stops at
    /// the first error it returns; returns how many events it took.
    pub fn each_event<E: From<StoreError>>(
        &self,
        f: &EventFilter,
        mut sink: impl FnMut(EventRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        let w = f.clause()?;
        let path = self.db_path.as_path();
        let mut failed: Option<E> = None;
        let n = self.with(|db| {
            let sql = format!("SELECT {EVENT} FROM {FROM} {} ORDER BY e.day, e.rowid", w.sql());
            let mut st = db.prepare(&sql).at(path)?;
            let mut rows = st.query(rusqlite::params_from_iter(w.values())).at(path)?;
            let mut n = 0;
            while let Some(row) = rows.next().at(path)? {
                if let Err(e) = sink(event_row(row).at(path)?) {
                    failed = Some(e);
                    break;
                }
                n += 1;
            }
            Ok(n)
        })?;
        failed.map_or(Ok(n), Err)
    }
}

/// Anything events can be streamed from, oldest first: a SQLite store's
/// [`Reader`], or another backend's store (`casus-pg`). The exports are
/// written against it.
pub trait EventSource {
    /// Hands every event `f` selects to `sink`, oldest first; stops at the
    /// sink's first error. Returns how many were handed over.
    fn each_event<E: From<StoreError>>(
        &mut self,
        f: &EventFilter,
        sink: impl FnMut(EventRow) -> Result<(), E>,
    ) -> Result<u64, E>;
}

impl EventSource for &Reader {
    fn each_event<E: From<StoreError>>(
        &mut self,
        f: &EventFilter,
        sink: impl FnMut(EventRow) -> Result<(), E>,
    ) -> Result<u64, E> {
        Reader::each_event(self, f, sink)
    }
}
