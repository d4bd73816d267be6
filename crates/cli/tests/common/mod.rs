//! What the store, serve and dashboard tests share: our story corpus, and
//! a store filled from it behind a running `casus serve`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

/// `casus ARGS` with no input, run to its end.
#[allow(dead_code)] // not every test binary that shares this module runs it
pub fn casus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

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
    dir: tempfile::TempDir,
}

impl Served {
    /// The store's directory.
    #[allow(dead_code)] // not every test binary that shares this module reads it
    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("db")
    }

    /// The JSON the server answers at `path` (`/api/stats`).
    pub fn get_json(&self, path: &str) -> serde_json::Value {
        let body = ureq::get(&format!("{}{path}", self.url))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        serde_json::from_str(&body).unwrap()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve_stories() -> Served {
    serve_with(&[])
}

/// Three pages of ours that real sites resemble: one with no date at all,
/// one whose CMS wrote year one, one dated years ahead; each reports
/// arrests, so each has events.
pub fn oddly_dated_pages(dir: &Path) -> String {
    let pages = dir.join("odd");
    std::fs::create_dir_all(&pages).unwrap();
    let story = [
        (
            "undated.html",
            String::new(),
            "Police arrested three union leaders at the harbour gates on Wednesday, the port authority said.",
        ),
        (
            "year-one.html",
            r#"<meta property="article:published_time" content="0001-01-01T00:00:00">"#.to_string(),
            "Soldiers detained a regional governor in the northern hills on Friday, his party said.",
        ),
        (
            "future.html",
            r#"<meta property="article:published_time" content="2099-05-05">"#.to_string(),
            "Customs officers seized a cargo of rifles at the river port last week, the finance ministry said.",
        ),
    ];
    for (name, head, lead) in story {
        let html = format!(
            "<html><head><title>{name}</title>{head}</head><body><article><h1>A report from {name}</h1>\
             <p>{lead}</p><p>Nobody else was named in the statement about {name}.</p></article></body></html>"
        );
        std::fs::write(pages.join(name), html).unwrap();
    }
    pages.display().to_string()
}

/// [`serve_stories`], with `extra` inputs (made in the store's temporary
/// directory by each function) ingested too.
pub fn serve_with(extra: &[fn(&Path) -> String]) -> Served {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let mut inputs = vec![stories_corpus()];
    inputs.extend(extra.iter().map(|f| f(dir.path())));
    let ingest = Command::new(env!("CARGO_BIN_EXE_casus"))
        .arg("ingest")
        .args(&inputs)
        .args(["--db", db.to_str().unwrap(), "-q"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    serve_db(db.to_str().unwrap(), dir)
}

/// `casus serve --db DB` on port 0 (`dir` is removed when it stops).
pub fn serve_db(db: &str, dir: tempfile::TempDir) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
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
    Served { url, child, dir }
}
