//! Every event a filter selects, oldest first, one at a time: for exports
//! of any size.

use crate::error::{At, Result};
use crate::events::{event_row, EventFilter, EventRow, EVENT, FROM};
use crate::reader::Reader;

impl Reader {
    /// Calls `sink` with each selected event, oldest first, until it
    /// returns `false`; returns how many it was given.
    pub fn each_event(&self, f: &EventFilter, mut sink: impl FnMut(EventRow) -> bool) -> Result<u64> {
        let w = f.clause()?;
        let path = self.db_path.as_path();
        self.with(|db| {
            let sql = format!("SELECT {EVENT} FROM {FROM} {} ORDER BY e.day, e.rowid", w.sql());
            let mut st = db.prepare(&sql).at(path)?;
            let mut rows = st.query(rusqlite::params_from_iter(w.values())).at(path)?;
            let mut n = 0;
            while let Some(row) = rows.next().at(path)? {
                n += 1;
                if !sink(event_row(row).at(path)?) {
                    break;
                }
            }
            Ok(n)
        })
    }
}
