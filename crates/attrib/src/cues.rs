//! The cue words (`data/cues.tsv`): what reports speech, belief,
//! intention or evidence, with its kind. The tagger reads them as hints;
//! the kind names an attribution.

use casus_core::resource::{parse_lines, split_key, LineIssue};
use casus_learn::mix;
use casus_syntax::norm_hash;
use std::collections::HashMap;

const BUILTIN: &str = include_str!("../data/cues.tsv");

/// What an attribution reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    Statement,
    Belief,
    Intention,
    Evidence,
}

impl CueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Statement => "statement",
            CueKind::Belief => "belief",
            CueKind::Intention => "intention",
            CueKind::Evidence => "evidence",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "statement" => CueKind::Statement,
            "belief" => CueKind::Belief,
            "intention" => CueKind::Intention,
            "evidence" => CueKind::Evidence,
            _ => return None,
        })
    }

    /// A small number for features (1–4; 0 is "no cue").
    pub(crate) fn code(self) -> u64 {
        self as u64 + 1
    }
}

/// Cue forms by the hash of their words: one word, or two joined
/// (`according_to` is the pair "according", "to").
#[derive(Debug, Clone, Default)]
pub struct Cues {
    words: HashMap<u64, CueKind>,
}

/// The key of a two-word cue.
pub(crate) fn pair(a: u64, b: u64) -> u64 {
    mix(&[a, b])
}

impl Cues {
    /// The shipped list.
    pub fn builtin() -> Self {
        let mut c = Cues::default();
        let issues = c.add("built-in:cues.tsv", BUILTIN);
        debug_assert!(issues.is_empty(), "{issues:?}");
        c
    }

    /// Adds the lines of a cues file; a bad line is skipped and returned.
    /// The first kind given to a form stays.
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |line: &str| {
            let (kind, forms) = split_key(line).ok_or("expected KIND<TAB>FORM FORM ...")?;
            let kind = CueKind::parse(kind).ok_or_else(|| {
                format!("unknown kind `{kind}` (expected statement, belief, intention or evidence)")
            })?;
            Ok::<_, String>((kind, forms.to_string()))
        };
        parse_lines(path, text, parse, |(kind, forms)| {
            for form in forms.split_whitespace() {
                let key = match form.split_once('_') {
                    Some((a, b)) => pair(norm_hash(a), norm_hash(b)),
                    None => norm_hash(form),
                };
                self.words.entry(key).or_insert(kind);
            }
        })
    }

    /// The kind of a word (by its [`norm_hash`]) or of a pair.
    pub fn get(&self, key: u64) -> Option<CueKind> {
        self.words.get(&key).copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
