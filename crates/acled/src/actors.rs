//! ACLED actor types (`data/actor-types.tsv`) from casus's actors, and
//! the interaction code of a pair.

use casus_core::resource::{columns, parse_lines, LineIssue};
use casus_core::ActorRef;

/// The names of ACLED's actor types, by `inter` code (1–8).
pub const ACTOR_TYPES: [&str; 8] = [
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
];

/// The name of an `inter` code.
pub fn actor_type_name(inter: u8) -> Option<&'static str> {
    ACTOR_TYPES.get(usize::from(inter).checked_sub(1)?).copied()
}

/// ACLED's interaction code: the two actor types, the smaller first
/// (`17` state forces and civilians); one actor alone is its type times
/// ten (`60` protesters alone).
pub fn interaction(a: Option<u8>, b: Option<u8>) -> Option<u8> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b) * 10 + a.max(b)),
        (Some(a), None) | (None, Some(a)) => Some(a * 10),
        (None, None) => None,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Word(String),
    Sector(String),
    Kind(String),
}

/// The mapping, in file order; user lines come first. A line whose key
/// starts with `target:` holds for an event's target only.
#[derive(Debug, Clone, Default)]
pub struct ActorTypes {
    keys: Vec<(Key, u8, bool)>,
}

impl ActorTypes {
    /// Adds lines; `front` puts them before the ones loaded (a user's
    /// file overrides the shipped one).
    pub fn add(&mut self, path: &str, text: &str, front: bool) -> Vec<LineIssue> {
        let parse = |line: &str| {
            let c = columns(line, 2, 3)?;
            let inter = c[1]
                .trim()
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=8).contains(n))
                .ok_or_else(|| format!("expected an ACLED actor type 1 to 8, found `{}`", c[1].trim()))?;
            let (target_only, key) = match c[0].trim().strip_prefix("target:") {
                Some(rest) => (true, rest),
                None => (false, c[0].trim()),
            };
            let key = match key.split_once(':') {
                Some(("word", w)) => Key::Word(w.to_lowercase()),
                Some(("sector", s)) => Key::Sector(s.to_string()),
                Some(("kind", k)) => Key::Kind(k.to_string()),
                _ => {
                    return Err(format!(
                        "expected `word:`, `sector:` or `kind:` (after `target:` or not), found `{}`",
                        c[0].trim()
                    ))
                }
            };
            Ok((key, inter, target_only))
        };
        let mut new = Vec::new();
        let issues = parse_lines(path, text, parse, |k| new.push(k));
        if front {
            new.append(&mut self.keys);
            self.keys = new;
        } else {
            self.keys.extend(new);
        }
        issues
    }

    /// The type of a mention: a listed word of its text first ("ethnic
    /// militia", "protesters"), then its actor's sector, then its kind;
    /// `target` says whether it is an event's target.
    pub fn of(&self, text: &str, kind: &str, actor: Option<&ActorRef>, target: bool) -> Option<u8> {
        let lower = text.to_lowercase();
        let has_word = |w: &str| {
            lower.match_indices(w).any(|(i, _)| {
                let before = lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after = lower[i + w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                before && after
            })
        };
        let sector = actor.and_then(|a| a.sector.as_deref());
        let fits = |(k, _, target_only): &&(Key, u8, bool)| {
            (target || !target_only)
                && match k {
                    Key::Word(w) => has_word(w),
                    Key::Sector(s) => sector == Some(s.as_str()),
                    Key::Kind(k) => kind == k,
                }
        };
        // Words first wherever they are listed, then sectors and kinds in
        // file order.
        let word = |k: &&(Key, u8, bool)| matches!(k.0, Key::Word(_));
        self.keys
            .iter()
            .find(|k| word(k) && fits(k))
            .or_else(|| self.keys.iter().find(|k| !word(k) && fits(k)))
            .map(|k| k.1)
    }
}
