//! The abbreviation and sentence-starter lists (`data/*.txt`).

use casus_core::resource::{data_lines, split_key, LineIssue};
use std::collections::{HashMap, HashSet};

/// How an abbreviation behaves before a possible sentence end; see
/// `data/abbreviations.txt` for the meaning of each class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    Title,
    Month,
    Number,
    Other,
}

impl AbbrevClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "title" => AbbrevClass::Title,
            "month" => AbbrevClass::Month,
            "number" => AbbrevClass::Number,
            "other" => AbbrevClass::Other,
            _ => return None,
        })
    }
}

/// Abbreviations (lower-cased, without the final period) and the words that
/// start a sentence after one.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    classes: HashMap<String, AbbrevClass>,
    starters: HashSet<String>,
}

const BUILTIN_ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const BUILTIN_STARTERS: &str = include_str!("../data/sentence-starters.txt");

impl Abbreviations {
    /// The lists shipped with casus.
    pub fn builtin() -> Self {
        let mut a = Abbreviations::default();
        let issues = a.add_abbreviations("built-in:abbreviations.txt", BUILTIN_ABBREVIATIONS);
        debug_assert!(issues.is_empty(), "{issues:?}");
        a.add_starters(BUILTIN_STARTERS);
        a
    }

    /// Adds the entries of an abbreviation file; bad lines are skipped and
    /// returned. `path` is only used in the returned issues.
    pub fn add_abbreviations(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let mut issues = Vec::new();
        for (line, content) in data_lines(text) {
            let parsed =
                split_key(content).and_then(|(class, word)| Some((AbbrevClass::parse(class)?, word)));
            match parsed {
                Some((class, word)) => {
                    let word = word.trim_end_matches('.').to_lowercase();
                    self.classes.insert(word, class);
                }
                None => issues.push(LineIssue {
                    path: path.to_string(),
                    line,
                    message: format!(
                        "expected `CLASS<TAB>word` with CLASS one of title, month, number, other; found `{content}`"
                    ),
                }),
            }
        }
        issues
    }

    /// Adds sentence starters, one word per line.
    pub fn add_starters(&mut self, text: &str) {
        for (_, word) in data_lines(text) {
            self.starters.insert(word.to_lowercase());
        }
    }

    /// The class of `word` (without its final period), if it is listed.
    pub fn class(&self, word: &str) -> Option<AbbrevClass> {
        if word.is_ascii() && word.bytes().all(|b| !b.is_ascii_uppercase()) {
            return self.classes.get(word).copied();
        }
        self.classes.get(&word.to_lowercase()).copied()
    }

    /// True if `word` typically opens a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(&word.to_lowercase())
    }
}

/// `U.S`, `e.g`, `a.m` (the final period already stripped): single letters
/// joined by periods.
pub(crate) fn is_dotted_acronym(word: &str) -> bool {
    let parts: Vec<&str> = word.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load_and_classify() {
        let a = Abbreviations::builtin();
        assert_eq!(a.class("Gen"), Some(AbbrevClass::Title));
        assert_eq!(a.class("jan"), Some(AbbrevClass::Month));
        assert_eq!(a.class("No"), Some(AbbrevClass::Number));
        assert_eq!(a.class("Inc"), Some(AbbrevClass::Other));
        assert_eq!(a.class("Baghdad"), None);
        assert!(a.is_starter("The"));
    }

    #[test]
    fn a_broken_line_is_reported_with_file_and_line_and_skipped() {
        let mut a = Abbreviations::default();
        let issues = a.add_abbreviations("mine.txt", "title\tCmdt\nbogus\tXyz\nplain\n");
        assert_eq!(a.class("cmdt"), Some(AbbrevClass::Title));
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0].line, 2);
        assert!(issues[0].to_string().starts_with("mine.txt:2: expected"));
    }

    #[test]
    fn dotted_acronyms_are_recognised_by_shape() {
        assert!(is_dotted_acronym("U.S"));
        assert!(is_dotted_acronym("a.m"));
        assert!(!is_dotted_acronym("Inc"));
        assert!(!is_dotted_acronym("3.5"));
    }
}
