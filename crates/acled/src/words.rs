//! The word classes (`data/acled-words.tsv`): phrases grouped under a
//! class name (`protest`, `mode:air-strike`), found in one pass over a
//! sentence with Aho–Corasick (whole words, ignoring case; `*` at the end
//! of a phrase stands for any ending, `shell*` for shells, shelled,
//! shelling). A phrase of the class `none` hides itself and every phrase
//! inside it ("riot police" are no riot).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use casus_core::resource::{columns, parse_lines, LineIssue};
use casus_core::Span;

/// A phrase of a class, as written.
#[derive(Debug, Clone, Copy)]
struct Phrase {
    class: usize,
    /// `shell*`: any ending.
    open: bool,
}

/// Every class's phrases, compiled into one automaton.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    names: Vec<String>,
    /// Each distinct phrase once, with every class that lists it.
    patterns: Vec<String>,
    phrases: Vec<Vec<Phrase>>,
    /// Whether each class is a weapon mode (`mode:`), set by `build`.
    modes: Vec<bool>,
    automaton: Option<AhoCorasick>,
}

/// A phrase found in a sentence: its class and its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub class: usize,
    pub span: Span,
}

impl WordClasses {
    /// Adds the lines of a words file (`CLASS<TAB>phrase|phrase|...`); a
    /// bad line is skipped and returned. Call [`WordClasses::build`] after
    /// the last file.
    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let parse = |line: &str| {
            let c = columns(line, 2, 2)?;
            let (class, list) = (c[0].trim(), c[1].trim());
            if class.is_empty() || list.is_empty() {
                return Err("expected CLASS<TAB>phrase|phrase|...".to_string());
            }
            Ok((class.to_string(), list.to_string()))
        };
        let mut items = Vec::new();
        let issues = parse_lines(path, text, parse, |item| items.push(item));
        for (class, list) in items {
            let class = self.class_id(&class);
            for p in list.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                let open = p.ends_with('*');
                let p = p.trim_end_matches('*').to_lowercase();
                let phrase = Phrase { class, open };
                match self.patterns.iter().position(|q| *q == p) {
                    Some(i) => self.phrases[i].push(phrase),
                    None => {
                        self.patterns.push(p);
                        self.phrases.push(vec![phrase]);
                    }
                }
            }
        }
        issues
    }

    /// Compiles the automaton.
    pub fn build(&mut self) {
        self.modes = self.names.iter().map(|n| n.starts_with("mode:")).collect();
        self.automaton = Some(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&self.patterns)
                .expect("word classes compile"),
        );
    }

    /// The id of a class name, made if new.
    pub fn class_id(&mut self, name: &str) -> usize {
        match self.names.iter().position(|n| n == name) {
            Some(i) => i,
            None => {
                self.names.push(name.to_string());
                self.names.len() - 1
            }
        }
    }

    /// The id of a class name, if any phrase or rule names it.
    pub fn find_class(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// Whether a class is a weapon or means (`mode:air-strike`).
    pub fn is_mode(&self, class: usize) -> bool {
        self.modes.get(class).copied().unwrap_or(false)
    }

    pub fn name(&self, class: usize) -> &str {
        &self.names[class]
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The phrases of every class in `text[span]`, in text order. Every
    /// class sees its own phrases; among the weapon modes (`mode:` classes)
    /// the longest phrase wins where two overlap ("tear gas shells" is
    /// riot control, not shelling).
    pub fn find(&self, text: &str, span: Span) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let part = &text[span.start..span.end];
        let bytes = part.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut hits: Vec<Hit> = Vec::new();
        for m in ac.find_overlapping_iter(part) {
            if m.start() > 0 && word(bytes[m.start() - 1]) {
                continue;
            }
            for p in &self.phrases[m.pattern().as_usize()] {
                let mut end = m.end();
                if p.open {
                    while end < bytes.len() && (bytes[end].is_ascii_alphabetic() || bytes[end] == b'-') {
                        end += 1;
                    }
                }
                if end < bytes.len() && word(bytes[end]) {
                    continue;
                }
                let hit = Hit {
                    class: p.class,
                    span: Span::new(span.start + m.start(), span.start + end),
                };
                if !hits.contains(&hit) {
                    hits.push(hit);
                }
            }
        }
        // A `none` phrase hides itself and everything inside it.
        let hidden: Vec<Span> = hits
            .iter()
            .filter(|h| self.names[h.class] == "none")
            .map(|h| h.span)
            .collect();
        hits.retain(|h| {
            !hidden
                .iter()
                .any(|n| n.start <= h.span.start && h.span.end <= n.end)
        });
        let shadowed = |h: &Hit| {
            self.is_mode(h.class)
                && hits.iter().any(|o| {
                    self.is_mode(o.class)
                        && o.span != h.span
                        && o.span.start <= h.span.start
                        && h.span.end <= o.span.end
                })
        };
        let keep: Vec<bool> = hits.iter().map(|h| !shadowed(h)).collect();
        let mut out: Vec<Hit> = hits
            .into_iter()
            .zip(keep)
            .filter_map(|(h, k)| k.then_some(h))
            .collect();
        out.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        out
    }
}
