//! The schema, as versioned migrations applied in one transaction.

use crate::error::{On, PgError, Result};
use postgres::Client;

/// Each migration: its version, name and SQL. A new one is appended,
/// never edited once released.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "store", include_str!("../migrations/0001_store.sql")),
    (2, "totals", include_str!("../migrations/0002_totals.sql")),
    (3, "key days", include_str!("../migrations/0003_key_days.sql")),
];

/// The schema version this code reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The advisory lock migrations hold, so that two workers starting on an
/// empty database do not both create the tables.
const MIGRATE_LOCK: i64 = 0x6361_7375_735f_6d31; // "casus_m1"

/// Brings the database up to [`SCHEMA_VERSION`]: the migrations it lacks,
/// in order, in one transaction (an error leaves it as it was). A store
/// newer than this code is refused.
pub(crate) fn migrate(client: &mut Client, target: &str) -> Result<i64> {
    let mut tx = client.transaction().on(target, "starting the schema check")?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])
        .on(target, "waiting for another worker's schema change")?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS casus_schema (
           version bigint PRIMARY KEY, name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())",
    )
    .on(target, "creating the schema table")?;
    let found: i64 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM casus_schema", &[])
        .on(target, "reading the schema version")?
        .get(0);
    if found > SCHEMA_VERSION {
        return Err(PgError::Schema {
            target: target.to_string(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (version, name, sql) in MIGRATIONS.iter().filter(|(v, _, _)| *v > found) {
        tx.batch_execute(sql).on(target, "applying a schema migration")?;
        tx.execute(
            "INSERT INTO casus_schema (version, name) VALUES ($1, $2)",
            &[version, name],
        )
        .on(target, "recording a schema migration")?;
    }
    tx.commit().on(target, "committing the schema")?;
    Ok(found)
}
