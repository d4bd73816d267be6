//! The search language, parsed by us with limits, then built into a
//! tantivy query.
//!
//! Why not tantivy's `QueryParser`: its grammar is parsed by recursive
//! combinators whose stack grows with the nesting of the input (a few
//! thousand parentheses overflow it and abort the whole server) and whose
//! backtracking makes nested parentheses cost time exponential in their
//! depth. This parser reads the input once, left to right, and refuses
//! anything over [`Limits`] before any work is done.
//!
//! The language (case of the operators matters, as in tantivy's):
//! - `word`: the word in the title or the text; words side by side rank
//!   articles with more of them higher (any may match);
//! - `"a phrase"`: the words in this order;
//! - `a AND b`: both; `a OR b`: either; `-a`: not a; `+a`: must have a;
//! - `title:word`, `title:"a phrase"`, `text:...`: in that field only;
//! - `( ... )`: grouping.

use crate::error::{Result, StoreError};

/// What a query may hold. Anything over a limit is refused with a message
/// that names the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of query text.
    pub bytes: usize,
    /// Parentheses inside parentheses.
    pub depth: usize,
    /// Words, counting each word of a phrase.
    pub terms: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            bytes: 1000,
            depth: 8,
            terms: 32,
        }
    }
}

/// Which fields a word is looked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Any,
    Title,
    Text,
}

/// How a clause takes part in its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occur {
    Should,
    Must,
    MustNot,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// One word or a phrase (several words in order), in `field`.
    Words { field: Field, words: Vec<String> },
    /// Clauses, each with how it takes part.
    Group(Vec<(Occur, Query)>),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Phrase(String),
    Field(Field),
    Open,
    Close,
    And,
    Or,
    Not,
    Plus,
}

fn bad(message: impl Into<String>) -> StoreError {
    StoreError::bad("q", message)
}

/// Splits the query into tokens, checking the byte limit first.
fn lex(q: &str, limits: &Limits) -> Result<Vec<Tok>> {
    if q.len() > limits.bytes {
        return Err(bad(format!(
            "the query is {} bytes; the limit is {} bytes",
            q.len(),
            limits.bytes
        )));
    }
    let mut out = Vec::new();
    let mut rest = q;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let at = q.len() - rest.len();
        match c {
            '(' => out.push(Tok::Open),
            ')' => out.push(Tok::Close),
            '"' => {
                let Some(end) = rest[1..].find('"') else {
                    return Err(bad(format!("the quotation mark at byte {at} is never closed")));
                };
                out.push(Tok::Phrase(rest[1..1 + end].to_string()));
                rest = &rest[end + 2..];
                continue;
            }
            '-' | '+' if out.last().is_none_or(|t| !matches!(t, Tok::Field(_))) => {
                out.push(if c == '-' { Tok::Not } else { Tok::Plus })
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"'))
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                rest = &rest[end..];
                let (field, word) = match word.split_once(':') {
                    Some(("title", w)) => (Some(Field::Title), w),
                    Some(("text", w)) => (Some(Field::Text), w),
                    _ => (None, word),
                };
                out.extend(field.map(Tok::Field));
                match word {
                    "" => {}
                    "AND" | "&&" if field.is_none() => out.push(Tok::And),
                    "OR" | "||" if field.is_none() => out.push(Tok::Or),
                    "NOT" if field.is_none() => out.push(Tok::Not),
                    w => out.push(Tok::Word(w.to_string())),
                }
                continue;
            }
        }
        rest = &rest[1..];
    }
    Ok(out)
}

/// Reads the tokens once; `depth` is bounded by the limits, so the
/// recursion is too.
struct Parser<'a> {
    toks: &'a [Tok],
    at: usize,
    depth: usize,
    terms: usize,
    limits: &'a Limits,
    split: &'a dyn Fn(&str) -> Vec<String>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }

    /// `seq (OR seq)*`
    fn or(&mut self) -> Result<Option<Query>> {
        let mut alts = Vec::new();
        loop {
            if let Some(q) = self.seq()? {
                alts.push(q);
            }
            if self.peek() == Some(&Tok::Or) {
                self.at += 1;
                continue;
            }
            break;
        }
        Ok(match alts.len() {
            0 => None,
            1 => alts.pop(),
            _ => Some(Query::Group(
                alts.into_iter().map(|q| (Occur::Should, q)).collect(),
            )),
        })
    }

    /// Clauses side by side (`and` groups), up to an OR, a `)` or the end.
    fn seq(&mut self) -> Result<Option<Query>> {
        let mut clauses = Vec::new();
        while !matches!(self.peek(), None | Some(Tok::Or) | Some(Tok::Close)) {
            clauses.extend(self.and()?);
        }
        Ok(group(clauses))
    }

    /// `unary (AND unary)*`: one clause, or a group where each must hold.
    fn and(&mut self) -> Result<Option<(Occur, Query)>> {
        let mut parts = Vec::new();
        parts.extend(self.unary()?);
        while self.peek() == Some(&Tok::And) {
            self.at += 1;
            parts.extend(self.unary()?.map(|(o, q)| {
                let o = if o == Occur::MustNot { o } else { Occur::Must };
                (o, q)
            }));
        }
        if parts.len() <= 1 {
            return Ok(parts.pop());
        }
        for p in parts.iter_mut() {
            if p.0 == Occur::Should {
                p.0 = Occur::Must;
            }
        }
        Ok(group(parts).map(|q| (Occur::Should, q)))
    }

    /// `-atom`, `+atom` or `atom`.
    fn unary(&mut self) -> Result<Option<(Occur, Query)>> {
        let occur = match self.peek() {
            Some(Tok::Not) => Occur::MustNot,
            Some(Tok::Plus) => Occur::Must,
            _ => Occur::Should,
        };
        if occur != Occur::Should {
            self.at += 1;
        }
        Ok(self.atom()?.map(|q| (occur, q)))
    }

    fn atom(&mut self) -> Result<Option<Query>> {
        let Some(tok) = self.peek().cloned() else {
            return Ok(None);
        };
        self.at += 1;
        match tok {
            Tok::Open => {
                self.depth += 1;
                if self.depth > self.limits.depth {
                    return Err(bad(format!(
                        "parentheses nest deeper than the limit of {}",
                        self.limits.depth
                    )));
                }
                let q = self.or()?;
                if self.peek() != Some(&Tok::Close) {
                    return Err(bad("a parenthesis is opened and never closed"));
                }
                self.at += 1;
                self.depth -= 1;
                Ok(q)
            }
            Tok::Field(field) => match self.peek().cloned() {
                Some(Tok::Word(w) | Tok::Phrase(w)) => {
                    self.at += 1;
                    self.words(field, &w)
                }
                _ => Err(bad("expected a word or a \"phrase\" after `title:` or `text:`")),
            },
            Tok::Word(w) | Tok::Phrase(w) => self.words(Field::Any, &w),
            // An operator with nothing to join (`AND` first, `- -`): skipped.
            Tok::And | Tok::Or | Tok::Not | Tok::Plus => Ok(None),
            Tok::Close => Err(bad("a parenthesis is closed that was never opened")),
        }
    }

    fn words(&mut self, field: Field, text: &str) -> Result<Option<Query>> {
        let words = (self.split)(text);
        self.terms += words.len();
        if self.terms > self.limits.terms {
            return Err(bad(format!(
                "the query has more than {} words; that is the limit",
                self.limits.terms
            )));
        }
        Ok((!words.is_empty()).then_some(Query::Words { field, words }))
    }
}

/// A group of clauses, or the one clause when there is one and it is not
/// negated.
fn group(mut clauses: Vec<(Occur, Query)>) -> Option<Query> {
    match clauses.len() {
        0 => None,
        1 if clauses[0].0 == Occur::Should => clauses.pop().map(|c| c.1),
        _ => Some(Query::Group(clauses)),
    }
}

/// Parses `q` under `limits`; `split` turns a word or a phrase into the
/// index's terms (the field's tokenizer).
pub fn parse(q: &str, limits: &Limits, split: &dyn Fn(&str) -> Vec<String>) -> Result<Query> {
    let toks = lex(q, limits)?;
    let mut p = Parser {
        toks: &toks,
        at: 0,
        depth: 0,
        terms: 0,
        limits,
        split,
    };
    let query = p.or()?;
    if p.at < toks.len() {
        return Err(bad("a parenthesis is closed that was never opened"));
    }
    let query = query.ok_or_else(|| bad("expected words to search for"))?;
    if only_negative(&query) {
        return Err(bad("expected a word to look for, not only words to leave out"));
    }
    Ok(query)
}

fn only_negative(q: &Query) -> bool {
    match q {
        Query::Words { .. } => false,
        Query::Group(cs) => cs
            .iter()
            .all(|(o, q)| *o == Occur::MustNot || (*o != Occur::Must && only_negative(q))),
    }
}

#[cfg(test)]
#[path = "query/tests.rs"]
mod tests;
