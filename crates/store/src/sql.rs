//! A WHERE clause built from optional filters, with its parameters.

use crate::error::{At, Result};
use crate::reader::{List, Page};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};
use std::path::Path;

#[derive(Default, Clone)]
pub(crate) struct Where {
    clauses: Vec<String>,
    values: Vec<Value>,
    /// Parameters before this clause's own in the statement.
    base: usize,
}

impl Where {
    /// A clause whose parameters follow `other`'s in one statement.
    pub fn after(other: &Where) -> Where {
        Where {
            base: other.base + other.values.len(),
            ..Where::default()
        }
    }

    pub fn values(&self) -> &[Value] {
        &self.values
    }

    /// Adds a condition; each `?` in it takes the next of `values`.
    pub fn and(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        let mut out = String::new();
        let mut vals = values.into_iter();
        for c in clause.chars() {
            if c == '?' {
                self.values.push(vals.next().expect("one value per ?"));
                out.push_str(&format!("?{}", self.base + self.values.len()));
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
    pub fn count(&self, db: &Connection, from: &str, path: &Path) -> Result<u64> {
        self.count_sql(db, &format!("SELECT count(*) FROM {from} {}", self.sql()), path)
    }

    /// `SELECT coalesce(sum({column}), 0) FROM {from} {where}`: a count
    /// read from a table of totals.
    pub fn sum(&self, db: &Connection, column: &str, from: &str, path: &Path) -> Result<u64> {
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
    pub fn page<T>(
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
    pub fn rows<T>(
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

pub(crate) fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

pub(crate) fn int(i: i64) -> Value {
    Value::Integer(i)
}
