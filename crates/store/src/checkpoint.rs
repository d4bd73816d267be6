//! WAL checkpoints on a thread of their own.
//!
//! SQLite's automatic checkpoint runs inside the commit that crosses the
//! limit: the writer stops storing while it copies the WAL's pages into
//! the database and waits for the disk. On a store of 50,000 generated
//! articles that was a fifth of the writer's time. Here the writer's
//! connection never checkpoints; after each commit it nudges this thread,
//! which checkpoints (PASSIVE: it never blocks the writer or a reader) once
//! the WAL has grown past [`WAL_BYTES`], and empties the WAL when the store
//! is closed. A crash at any moment leaves a WAL that SQLite replays on
//! the next open, as before.

use crate::error::{At, Result};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

/// The WAL's size past which its pages are copied back (as the writer's
/// automatic checkpoint did: every 16,384 pages of 4 KB).
pub(crate) const WAL_BYTES: u64 = 64 << 20;

pub(crate) struct Checkpointer {
    nudge: Option<SyncSender<()>>,
    thread: Option<JoinHandle<Result<()>>>,
}

fn wal_size(db: &Path) -> u64 {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal))
        .map(|m| m.len())
        .unwrap_or(0)
}

impl Checkpointer {
    /// Starts the thread, with a connection of its own to the database at
    /// `db`.
    pub(crate) fn start(db: &Path) -> Result<Checkpointer> {
        let conn = crate::store::connect(db, true)?;
        let path = db.to_path_buf();
        let (nudge, rx) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("casus-checkpoint".into())
            .spawn(move || -> Result<()> {
                let checkpoint = |mode: &str| {
                    conn.query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |_| Ok(()))
                        .at(&path)
                };
                for () in rx {
                    if wal_size(&path) >= WAL_BYTES {
                        checkpoint("PASSIVE")?;
                    }
                }
                // The writer is gone: copy everything back and empty the WAL.
                checkpoint("TRUNCATE")
            })
            .map_err(|source| crate::StoreError::Io {
                path: db.to_path_buf(),
                source,
            })?;
        Ok(Checkpointer {
            nudge: Some(nudge),
            thread: Some(thread),
        })
    }

    /// Tells the thread a transaction was committed. Never waits: a nudge
    /// already pending is enough.
    pub(crate) fn nudge(&self) {
        if let Some(tx) = &self.nudge {
            // Full: a nudge is pending. Disconnected: the thread stopped on
            // an error, which `finish` reports.
            let _ = tx.try_send(());
        }
    }

    /// Stops the thread after a last, full checkpoint; its error if it had
    /// one.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.stop()
    }

    fn stop(&mut self) -> Result<()> {
        drop(self.nudge.take());
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(r)) => r,
            // The panic has been printed by the default hook; the WAL is
            // replayed on the next open.
            Some(Err(_)) => Ok(()),
            None => Ok(()),
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // An error here has nowhere to go; the WAL is replayed on the next
        // open in any case.
        let _ = self.stop();
    }
}
