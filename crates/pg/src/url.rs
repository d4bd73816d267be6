//! `postgres://` URLs and connections.

use crate::error::{why, PgError, Result};
use postgres::{Client, Config, NoTls};

/// Whether `db` (a `--db` value or `$CASUS_DB`) names a PostgreSQL store
/// rather than a SQLite store directory.
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A server and database, for messages: `user@host:port/db`, never the
/// password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target(pub String);

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The parsed URL and the target it names.
pub(crate) fn parse(url: &str) -> Result<(Config, Target)> {
    let bad = |why: &str| PgError::Url {
        url: redact(url),
        why: why.to_string(),
    };
    if !is_postgres(url) {
        return Err(bad("it does not start with postgres:// or postgresql://"));
    }
    let config: Config = url.parse().map_err(|e: postgres::Error| bad(&why(&e)))?;
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => return Err(bad("it names no host")),
    };
    let Some(db) = config.get_dbname() else {
        return Err(bad("it names no database"));
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let user = config.get_user().map(|u| format!("{u}@")).unwrap_or_default();
    let target = Target(format!("{user}{host}:{port}/{db}"));
    Ok((config, target))
}

/// `url` with its password replaced by `***`, for messages.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((cred, host)) => match cred.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// A connection to the server `url` names (no TLS: a store is reached on
/// a trusted network or a local socket), checked to be PostgreSQL 12 or
/// newer.
pub fn connect(url: &str) -> Result<(Client, Target)> {
    let (mut config, target) = parse(url)?;
    config.application_name("casus");
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(std::time::Duration::from_secs(10));
    }
    let mut client = config.connect(NoTls).map_err(|e| PgError::Connect {
        target: target.0.clone(),
        why: why(&e),
    })?;
    let version: String = client
        .query_one("SHOW server_version_num", &[])
        .map_err(|e| PgError::Connect {
            target: target.0.clone(),
            why: why(&e),
        })?
        .get(0);
    if version.parse::<u32>().unwrap_or(0) < 120_000 {
        return Err(PgError::Version {
            target: target.0,
            found: version,
        });
    }
    Ok((client, target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_its_server_without_the_password() {
        let (_, t) = parse("postgres://ana:secret@db.example:6543/news").unwrap();
        assert_eq!(t.0, "ana@db.example:6543/news");
    }

    #[test]
    fn a_url_without_a_database_or_of_another_scheme_is_refused_saying_why() {
        let e = parse("postgres://ana:secret@db.example").unwrap_err().to_string();
        assert!(e.contains("names no database"), "{e}");
        assert!(!e.contains("secret"), "{e}");
        let e = parse("mysql://db/news").unwrap_err().to_string();
        assert!(e.contains("does not start with postgres://"), "{e}");
        let e = parse("postgres://db:notaport/news").unwrap_err().to_string();
        assert!(e.contains("not a PostgreSQL URL"), "{e}");
    }

    #[test]
    fn a_store_path_is_not_a_postgres_url() {
        assert!(is_postgres("postgresql://localhost/news"));
        assert!(!is_postgres("newsdb"));
        assert!(!is_postgres("/var/lib/casus"));
    }
}
