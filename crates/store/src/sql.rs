//! A WHERE clause built from optional filters, with its parameters, in
//! the SQL of either backend ([`Dialect`]): the filters of the API and the
//! exports are written once, here and in `events.rs`, and read the same
//! in SQLite and in PostgreSQL.

use crate::error::{At, Result};
use crate::reader::{List, Page};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};
use std::path::Path;

/// Which database's SQL a clause is written in.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Parameters `?1`, `?2`; booleans are 0 and 1.
    #[default]
    Sqlite,
    /// Parameters `$1`, `$2`; booleans are `true` and `false`.
    Postgres,
}

/// A parameter of a clause, as any backend binds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    Int(i64),
    Real(f64),
    Text(String),
    Null,
}

/// A WHERE clause and its parameters (SQLite values; the PostgreSQL store
/// binds them as the matching PostgreSQL types).
#[derive(Default, Clone, Debug)]
pub struct Where {
    clauses: Vec<String>,
    values: Vec<Value>,
    /// Parameters before this clause's own in the statement.
    base: usize,
    dialect: Dialect,
}

impl Where {
    /// An empty clause in `dialect`.
    pub fn new(dialect: Dialect) -> Where {
        Where {
            dialect,
            ..Where::default()
        }
    }

    /// A clause whose parameters follow `other`'s in one statement.
    pub fn after(other: &Where) -> Where {
        Where {
            base: other.base + other.values.len(),
            ..Where::new(other.dialect)
        }
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// `column = ?` in any case, as a condition to pass to [`Where::and`].
    pub fn nocase_eq(&self, column: &str) -> String {
        match self.dialect {
            Dialect::Sqlite => format!("{column} = ? COLLATE NOCASE"),
            Dialect::Postgres => format!("lower({column}) = lower(?)"),
        }
    }

    /// `column` equals `value`, in any case.
    pub fn nocase(&mut self, column: &str, value: &str) {
        self.and(&self.nocase_eq(column), [text(value)]);
    }

    /// The boolean `column` is false.
    pub fn not(&mut self, column: &str) {
        match self.dialect {
            Dialect::Sqlite => self.and(&format!("{column} = 0"), []),
            Dialect::Postgres => self.and(&format!("NOT {column}"), []),
        }
    }

    pub(crate) fn values(&self) -> &[Value] {
        &self.values
    }

    /// The parameters, in order, for a backend other than SQLite.
    pub fn params(&self) -> Vec<Param> {
        self.values
            .iter()
            .map(|v| match v {
                Value::Integer(i) => Param::Int(*i),
                Value::Real(r) => Param::Real(*r),
                Value::Text(t) => Param::Text(t.clone()),
                Value::Null | Value::Blob(_) => Param::Null,
            })
            .collect()
    }

    /// Adds a condition; each `?` in it takes the next of `values`.
    pub fn and(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        let mut out = String::new();
        let mut vals = values.into_iter();
        for c in clause.chars() {
            if c == '?' {
                self.values.push(vals.next().expect("one value per ?"));
                let mark = match self.dialect {
                    Dialect::Sqlite => '?',
                    Dialect::Postgres => '$',
                };
                out.push_str(&format!("{mark}{}", self.base + self.values.len()));
            } else {
                out.push(c);
            }
        }
        self.clauses.push(format!("({out})"));
    }

    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.clauses.join(" AND "))
        }
    }

    /// `SELECT count(*) FROM {from} {where}`.
    pub(crate) fn count(&self, db: &Connection, from: &str, path: &Path) -> Result<u64> {
        self.count_sql(db, &format!("SELECT count(*) FROM {from} {}", self.sql()), path)
    }

    /// `SELECT coalesce(sum({column}), 0) FROM {from} {where}`: a count
    /// read from a table of totals.
    pub(crate) fn sum(&self, db: &Connection, column: &str, from: &str, path: &Path) -> Result<u64> {
        self.count_sql(
            db,
            &format!("SELECT coalesce(sum({column}), 0) FROM {from} {}", self.sql()),
            path,
        )
    }

    fn count_sql(&self, db: &Connection, sql: &str, path: &Path) -> Result<u64> {
        db.query_row(sql, params_from_iter(self.values.iter()), |r| r.get::<_, i64>(0))
            .at(path)
            .map(|n| n as u64)
    }

    /// One page of `SELECT {select} FROM {from} {where} {order}`, with
    /// the count of all the rows the clause selects.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn page<T>(
        &self,
        db: &Connection,
        select: &str,
        from: &str,
        order: &str,
        page: Page,
        path: &Path,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<List<T>> {
        let total = self.count(db, from, path)?;
        let tail = format!("{order} LIMIT {} OFFSET {}", page.limit, page.offset);
        Ok(List::new(
            total,
            page,
            self.rows(db, select, from, &tail, path, f)?,
        ))
    }

    /// Runs `SELECT {select} FROM {from} {where} {tail}` and maps each row.
    pub(crate) fn rows<T>(
        &self,
        db: &Connection,
        select: &str,
        from: &str,
        tail: &str,
        path: &Path,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let sql = format!("SELECT {select} FROM {from} {} {tail}", self.sql());
        let mut st = db.prepare_cached(&sql).at(path)?;
        let rows = st.query_map(params_from_iter(self.values.iter()), f).at(path)?;
        rows.collect::<rusqlite::Result<Vec<T>>>().at(path)
    }
}

pub fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

pub fn int(i: i64) -> Value {
    Value::Integer(i)
}
