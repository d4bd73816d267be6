//! What can go wrong in the store.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: the database: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: the text index: {source}")]
    Index {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: a stored record of article {id} is not valid JSON: {source}")]
    Record {
        path: PathBuf,
        id: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path}: the database has schema version {found}; this casus reads version {expected}")]
    Version {
        path: PathBuf,
        found: i64,
        expected: i64,
    },
    /// An older store whose schema is not the one casus wrote.
    #[error("{path}: cannot upgrade the store to schema {to}: {message}")]
    Migration { path: PathBuf, to: i64, message: String },
    /// A query parameter that cannot be used; `param` names it.
    #[error("parameter `{param}`: {message}")]
    BadParam { param: String, message: String },
    /// The request's reads ran past its time budget and were stopped.
    #[error("the request took longer than its budget of {budget:?} and was stopped")]
    OverBudget { budget: std::time::Duration },
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: String },
    /// Another store backend's error (PostgreSQL's, in `casus-pg`).
    #[error(transparent)]
    Backend(Box<dyn std::error::Error + Send + Sync>),
}

impl StoreError {
    pub fn bad(param: &str, message: impl Into<String>) -> StoreError {
        StoreError::BadParam {
            param: param.to_string(),
            message: message.into(),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Adds the database path to rusqlite and tantivy errors.
pub(crate) trait At<T> {
    fn at(self, path: &std::path::Path) -> Result<T>;
}

impl<T> At<T> for Result<T, rusqlite::Error> {
    fn at(self, path: &std::path::Path) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })
    }
}

impl<T> At<T> for Result<T, tantivy::TantivyError> {
    fn at(self, path: &std::path::Path) -> Result<T> {
        self.map_err(|source| StoreError::Index {
            path: path.to_path_buf(),
            source,
        })
    }
}
