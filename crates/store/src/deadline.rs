//! A time budget for the reads of one request.
//!
//! [`within`] (`casus_core::deadline`'s) sets a deadline for the reads the closure makes on this
//! thread; every pooled connection checks it while SQLite works (a
//! progress handler every few thousand virtual-machine steps) and stops the
//! statement when it has passed, so the work of a request that is over its
//! budget is cancelled, not merely its answer. Searches are bounded by
//! [`crate::query::Limits`] and checked when they end.

use crate::error::{Result, StoreError};
pub use casus_core::deadline::current;
pub use casus_core::deadline::within;
use std::time::Instant;

/// SQLite virtual-machine steps between two looks at the clock.
pub(crate) const STEPS: i32 = 4_000;

/// An error if this thread's deadline has passed.
pub(crate) fn check() -> Result<()> {
    match current() {
        Some((at, budget)) if Instant::now() >= at => Err(StoreError::OverBudget { budget }),
        _ => Ok(()),
    }
}

/// `e` as [`StoreError::OverBudget`] when it is SQLite's answer to the
/// progress handler stopping a statement.
pub(crate) fn interrupted(e: StoreError) -> StoreError {
    if let (StoreError::Sqlite { source, .. }, Some((_, budget))) = (&e, current()) {
        if source.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) {
            return StoreError::OverBudget { budget };
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_passed_deadline_is_an_over_budget_error() {
        within(Duration::ZERO, || {
            assert!(matches!(check(), Err(StoreError::OverBudget { .. })));
        });
        assert!(check().is_ok());
    }

    #[test]
    fn a_long_sqlite_statement_is_stopped_at_the_deadline() {
        let db = rusqlite::Connection::open_in_memory().unwrap();
        let path = std::path::Path::new(":memory:");
        within(Duration::from_millis(20), || {
            let (at, _) = current().unwrap();
            db.progress_handler(STEPS, Some(move || Instant::now() >= at));
            // Counts to a very large number: minutes of work unless stopped.
            let r: std::result::Result<i64, _> = db.query_row(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT count(*) FROM c",
                [],
                |r| r.get(0),
            );
            let e = crate::error::At::at(r, path).unwrap_err();
            assert!(matches!(interrupted(e), StoreError::OverBudget { .. }));
        });
    }
}
