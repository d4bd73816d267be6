//! What can go wrong with a PostgreSQL store, said so that a user can act.

/// A PostgreSQL store's error: which server and what was wrong.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    #[error(
        "`{url}` is not a PostgreSQL URL: {why} (expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)"
    )]
    Url { url: String, why: String },
    #[error("cannot connect to PostgreSQL at {target}: {why}")]
    Connect { target: String, why: String },
    #[error("PostgreSQL at {target} is version {found}; casus needs 12 or newer")]
    Version { target: String, found: String },
    #[error(
        "the store at {target} has schema version {found}, newer than this casus knows ({known}): use a newer casus"
    )]
    Schema { target: String, found: i64, known: i64 },
    #[error("PostgreSQL at {target}, {what}: {why}")]
    Query {
        target: String,
        what: &'static str,
        why: String,
        #[source]
        source: postgres::Error,
    },
    #[error("PostgreSQL at {target}: a stored record of article {article} cannot be read: {why}")]
    Record {
        target: String,
        article: i64,
        why: String,
    },
    /// A filter value that cannot be used, or an article or story that
    /// is not there (the SQLite store's own errors, said alike).
    #[error(transparent)]
    Store(#[from] casus_store::StoreError),
}

pub type Result<T, E = PgError> = std::result::Result<T, E>;

impl PgError {
    /// Whether the connection to the server was lost or refused (a server
    /// restarting, a network cut): what trying again later may mend, as
    /// against a wrong URL, a missing database or a refused statement.
    pub fn is_connection(&self) -> bool {
        use postgres::error::SqlState;
        match self {
            // Refused or cut, not told no: an unknown database or role is
            // an answer from the server, and stays wrong.
            PgError::Connect { why, .. } => {
                !why.contains("does not exist")
                    && !why.contains("authentication")
                    && !why.contains("password")
            }
            PgError::Query { source, .. } => {
                source.is_closed()
                    || source.code().is_some_and(|c| {
                        c.code().starts_with("08")
                            || [
                                SqlState::ADMIN_SHUTDOWN,
                                SqlState::CRASH_SHUTDOWN,
                                SqlState::CANNOT_CONNECT_NOW,
                            ]
                            .contains(c)
                    })
                    || std::error::Error::source(source).is_some_and(|e| e.is::<std::io::Error>())
            }
            _ => false,
        }
    }
}

/// A driver error's whole message: the server's own words when it sent
/// some ("database \"x\" does not exist"), else the chain of causes.
pub(crate) fn why(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return match db.detail() {
            Some(d) => format!("{} ({d})", db.message()),
            None => db.message().to_string(),
        };
    }
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Adds the server and what was being done to a driver error.
pub(crate) trait On<T> {
    fn on(self, target: &str, what: &'static str) -> Result<T>;
}

impl<T> On<T> for std::result::Result<T, postgres::Error> {
    fn on(self, target: &str, what: &'static str) -> Result<T> {
        self.map_err(|source| PgError::Query {
            target: target.to_string(),
            what,
            why: why(&source),
            source,
        })
    }
}
