//! `casus ingest`, `export` and `serve` on a PostgreSQL store as a user
//! runs them: the same events and API answers as a store directory, a worker killed with
//! SIGKILL and taken over, and errors that say what is wrong. The tests
//! that need a server use the one `CASUS_TEST_PG` names (`export
//! CASUS_TEST_PG=$(scripts/postgres.sh start)`; CI does) and are skipped,
//! loudly, without it.

// Only `casus` of what the other test binaries share.
#[allow(dead_code)]
mod common;
use common::{casus, serve_db, stories_corpus};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn examples() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/articles")
        .display()
        .to_string()
}

use casus_pg::testing::fresh_db;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exported events as comparable lines: every field but the row id
/// and the time stored.
fn exported(db: &str) -> Vec<String> {
    let out = casus(&["export", "--db", db, "--format", "jsonl", "--copies"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("id");
            o.remove("added");
            v.to_string()
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn ingest_and_export_through_postgres_give_what_a_store_directory_gives() {
    let Some(url) = fresh_db("ingest_and_export") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("db").display().to_string();
    assert!(casus(&["ingest", &examples(), "--db", &sqlite]).status.success());
    let out = casus(&["ingest", &examples(), "--db", &url]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("11 new"), "{}", stderr(&out));
    let (a, b) = (exported(&sqlite), exported(&url));
    assert!(a.len() > 20, "{} events", a.len());
    assert_eq!(a, b);
    // `related` and `story` read both stores alike.
    let first: serde_json::Value = serde_json::from_str(b[0].as_str()).unwrap();
    let id = first["article"].as_str().unwrap();
    for cmd in ["related", "story"] {
        let x = casus(&[cmd, id, "--db", &sqlite, "--json"]);
        let y = casus(&[cmd, id, "--db", &url, "--json"]);
        assert!(y.status.success(), "{}", stderr(&y));
        assert_eq!(x.stdout, y.stdout, "casus {cmd}");
    }
    // The same inputs again: the run has read them.
    let again = casus(&["ingest", &examples(), "--db", &url]);
    assert!(again.status.success());
    assert!(
        stderr(&again).contains("has read all its inputs"),
        "{}",
        stderr(&again)
    );
    // A new run reads them again, and finds them unchanged.
    let rerun = casus(&["ingest", &examples(), "--db", &url, "--run", "second"]);
    assert!(stderr(&rerun).contains("0 new"), "{}", stderr(&rerun));
    assert_eq!(exported(&url), b);
}

#[test]
fn a_worker_killed_mid_run_is_taken_over_and_every_article_is_stored_once() {
    let Some(url) = fresh_db("killed_worker") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Twelve inputs of our generated articles.
    let corpus = dir.path().join("corpus");
    let w = casus(&["bench", "--articles", "240", "--write", corpus.to_str().unwrap()]);
    assert!(w.status.success(), "{}", stderr(&w));
    let text = std::fs::read_to_string(corpus.join("articles.jsonl")).unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for (i, part) in lines.chunks(20).enumerate() {
        std::fs::write(inputs.join(format!("part-{i:02}.jsonl")), part.join("\n")).unwrap();
    }
    let ins = inputs.to_str().unwrap();
    let args = ["ingest", ins, "--db", &url, "--lease", "1", "--claim", "1"];
    let mut victim = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has finished an input and holds another.
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    let started = Instant::now();
    loop {
        let done: i64 = c
            .query_one("SELECT count(*) FROM work WHERE done", &[])
            .map(|r| r.get(0))
            .unwrap_or(0);
        if done >= 1 || started.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    victim.kill().unwrap();
    victim.wait().unwrap();
    let out = casus(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let row = c
        .query_one(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT id) FROM articles),
                    (SELECT count(*) FROM (SELECT article, n FROM events GROUP BY 1, 2 HAVING count(*) > 1) d),
                    (SELECT count(*) FROM work WHERE NOT done)",
            &[],
        )
        .unwrap();
    let (n, distinct, twice, left): (i64, i64, i64, i64) = (row.get(0), row.get(1), row.get(2), row.get(3));
    assert_eq!((n, distinct, twice, left), (240, 240, 0, 0));
}

#[test]
fn a_bad_url_or_an_unreachable_server_is_one_line_and_exit_status_1() {
    let out = casus(&["export", "--db", "postgres://db:notaport/news", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("not a PostgreSQL URL") && e.contains("port"), "{e}");
    let out = casus(&[
        "ingest",
        &examples(),
        "--db",
        "postgres://casus:pw@127.0.0.1:1/news",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains("cannot connect to PostgreSQL at casus@127.0.0.1:1/news"),
        "{e}"
    );
    assert!(!e.contains("pw"), "{e}");
}

#[test]
fn serve_over_an_unreachable_postgres_says_so_and_does_not_start() {
    let out = casus(&[
        "serve",
        "--db",
        "postgres://casus:pw@127.0.0.1:1/news",
        "--addr",
        "127.0.0.1:0",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let e = stderr(&out);
    assert!(
        e.contains("cannot connect to PostgreSQL at casus@127.0.0.1:1/news"),
        "{e}"
    );
    assert!(!e.contains("serving") && !e.contains("pw"), "{e}");
}

/// `scripts/postgres.sh COMMAND` for a server of this test's own (its own
/// port and folder), so that restarting it disturbs no other test.
fn own_server(command: &str) -> Output {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/postgres.sh");
    Command::new("bash")
        .arg(script)
        .arg(command)
        .env("CASUS_PG_PORT", "55439")
        .env("CASUS_PG_DIR", std::env::temp_dir().join("casus-pg-restart-test"))
        .stderr(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn a_server_restarted_under_an_ingest_is_waited_for_and_nothing_is_lost() {
    // A machine that runs the PostgreSQL tests can run a server of its own.
    if fresh_db("server_restart").is_none() {
        return;
    }
    let started = own_server("start");
    assert!(
        started.status.success(),
        "cannot start a server of the test's own"
    );
    let url = String::from_utf8(started.stdout).unwrap().trim().to_string();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    assert!(
        casus(&["bench", "--articles", "400", "--write", corpus.to_str().unwrap()])
            .status
            .success()
    );
    let text = std::fs::read_to_string(corpus.join("articles.jsonl")).unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for (i, part) in lines.chunks(25).enumerate() {
        std::fs::write(inputs.join(format!("part-{i:02}.jsonl")), part.join("\n")).unwrap();
    }
    let worker = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args([
            "ingest",
            inputs.to_str().unwrap(),
            "--db",
            &url,
            "--claim",
            "1",
            "--batch",
            "10",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Restart the server once the worker has stored something.
    let t0 = Instant::now();
    loop {
        let stored = casus_pg::connect(&url)
            .ok()
            .and_then(|(mut c, _)| c.query_one("SELECT count(*) FROM articles", &[]).ok())
            .map_or(0, |r| r.get::<_, i64>(0));
        if stored > 0 || t0.elapsed() > Duration::from_secs(60) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(own_server("restart").status.success());
    let out = worker.wait_with_output().unwrap();
    let (mut c, _) = casus_pg::connect(&url).unwrap();
    let row = c
        .query_one(
            "SELECT (SELECT count(DISTINCT id) FROM articles),
                    (SELECT count(*) FROM (SELECT article, n FROM events GROUP BY 1, 2 HAVING count(*) > 1) d),
                    (SELECT count(*) FROM work WHERE NOT done)",
            &[],
        )
        .unwrap();
    let counts: (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
    own_server("stop");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("trying again"), "{}", stderr(&out));
    assert_eq!(counts, (400, 0, 0));
}

#[test]
fn serve_over_postgres_answers_as_over_a_store_directory() {
    let Some(url) = fresh_db("serve") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("db").display().to_string();
    for db in [&sqlite, &url] {
        let out = casus(&["ingest", &stories_corpus(), "--db", db, "-q"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let a = serve_db(&sqlite, tempfile::tempdir().unwrap());
    let b = serve_db(&url, dir);
    for path in [
        "/api/stats",
        "/api/series?actor=USA&interval=week",
        "/api/dyads?limit=5",
        "/api/actors?q=gov&limit=5",
        "/api/stories?limit=3",
    ] {
        assert_eq!(a.get_json(path), b.get_json(path), "{path}");
    }
    for path in ["/api/events?actor=USA", "/api/search?q=%22El%20Fasher%22"] {
        let (x, y) = (a.get_json(path), b.get_json(path));
        assert_eq!(x["total"], y["total"], "{path}");
        assert!(y["total"].as_u64().unwrap() > 0, "{path}: {y}");
    }
    // `casus load` drives it like the SQLite-backed server.
    let load = casus(&[
        "load",
        "--url",
        &b.url,
        "--rate",
        "50",
        "--seconds",
        "1",
        "--json",
    ]);
    assert!(load.status.success(), "{}", String::from_utf8_lossy(&load.stdout));
    let figures: serde_json::Value = serde_json::from_slice(&load.stdout).unwrap();
    assert_eq!(figures["errors"], 0, "{figures}");
}
