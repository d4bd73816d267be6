//! For tests (ours and users' own): a fresh database per test on the
//! server `CASUS_TEST_PG` names (`scripts/postgres.sh start` starts one
//! and prints its URL; CI sets it). Without it, a test says loudly that it
//! was skipped; under CI (`$CI` set), a missing server is a broken setup.

use std::hash::{BuildHasher, Hasher};

/// The URL of a new, empty database, or `None` (and a notice on stderr
/// naming `test`) when no test server is configured.
pub fn fresh_db(test: &str) -> Option<String> {
    let Some(url) = std::env::var("CASUS_TEST_PG").ok().filter(|u| !u.is_empty()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs the PostgreSQL tests: .ci/run sets CASUS_TEST_PG"
        );
        eprintln!(
            "SKIPPED {test}: CASUS_TEST_PG is not set; run `export CASUS_TEST_PG=$(scripts/postgres.sh start)` to run it"
        );
        return None;
    };
    let (base, _) = url.rsplit_once('/').expect("a URL with a database");
    // A random name: std's hasher keys are random per process and call.
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    let name = format!("casus_t_{:016x}", h.finish());
    let (mut client, _) = crate::connect(&url).expect("the test server named by CASUS_TEST_PG");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("a test database");
    Some(format!("{base}/{name}"))
}
