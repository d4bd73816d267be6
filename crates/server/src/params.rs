//! Query parameters, checked against the route table: an unknown name or
//! a malformed value is a 400 that names the parameter.

use crate::routes::Route;
use casus_store::{ArticleFilter, EventFilter, Page, StoreError};
use std::collections::HashMap;

pub struct Params<'a> {
    map: HashMap<String, String>,
    route: &'a Route,
}

impl<'a> Params<'a> {
    pub fn new(map: HashMap<String, String>, route: &'a Route) -> Result<Params<'a>, StoreError> {
        for name in map.keys() {
            if !route.all_params().any(|p| p.name == name) {
                let known: Vec<&str> = route.all_params().map(|p| p.name).collect();
                return Err(StoreError::bad(
                    name,
                    if known.is_empty() {
                        format!("{} takes no parameters", route.path)
                    } else {
                        format!("unknown; {} takes {}", route.path, known.join(", "))
                    },
                ));
            }
        }
        for (name, value) in &map {
            no_nul(name, value)?;
        }
        Ok(Params { map, route })
    }

    pub fn text(&self, name: &str) -> Option<String> {
        debug_assert!(self.route.all_params().any(|p| p.name == name));
        self.map.get(name).filter(|v| !v.is_empty()).cloned()
    }

    pub fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, StoreError> {
        match self.map.get(name) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(StoreError::bad(
                    name,
                    format!("expected a whole number from 0 to {max}, got {v:?}"),
                )),
            },
        }
    }

    pub fn flag(&self, name: &str) -> Result<bool, StoreError> {
        match self.map.get(name).map(String::as_str) {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("" | "true" | "1" | "yes") => Ok(true),
            Some(v) => Err(StoreError::bad(
                name,
                format!("expected true or false, got {v:?}"),
            )),
        }
    }

    pub fn page(&self) -> Result<Page, StoreError> {
        self.page_of(50)
    }

    /// The page asked for, `default` items long when no limit is given.
    pub fn page_of(&self, default: usize) -> Result<Page, StoreError> {
        let limit = self.number("limit", default, usize::MAX)?;
        let offset = self.number("offset", 0, 10_000_000)?;
        Page::new(limit, offset)
    }

    pub fn article_filter(&self) -> Result<ArticleFilter, StoreError> {
        Ok(ArticleFilter {
            from: self.text("from"),
            to: self.text("to"),
            story: self.text("story"),
            source: self.text("source"),
            copies: self.flag("copies")?,
        })
    }

    pub fn event_filter(&self) -> Result<EventFilter, StoreError> {
        Ok(EventFilter {
            actor: self.text("actor"),
            source: self.text("source"),
            target: self.text("target"),
            country: self.text("country"),
            code: self.text("code"),
            category: self.text("category"),
            from: self.text("from"),
            to: self.text("to"),
            place: self.text("place"),
            article: self.text("article"),
            story: self.text("story"),
            copies: self.flag("copies")?,
        })
    }
}

/// A value with a NUL character names nothing a store can hold (and
/// PostgreSQL refuses it outright): a 400 in every backend.
pub fn no_nul(name: &str, value: &str) -> Result<(), StoreError> {
    if value.contains('\0') {
        return Err(StoreError::bad(name, "expected text without NUL characters"));
    }
    Ok(())
}
