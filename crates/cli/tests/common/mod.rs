//! What the store, serve and dashboard tests share: our story corpus, and
//! a store filled from it behind a running `casus serve`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub fn stories_corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../store/tests/data/stories.jsonl")
        .display()
        .to_string()
}

/// `casus serve` on port 0 over a store of the story corpus; stopped when
/// dropped.
pub struct Served {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub url: String,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve_stories() -> Served {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let ingest = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["ingest", &stories_corpus(), "--db", db.to_str().unwrap(), "-q"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["serve", "--db", db.to_str().unwrap(), "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches("/api/")
        .to_string();
    Served {
        url,
        child,
        _dir: dir,
    }
}
