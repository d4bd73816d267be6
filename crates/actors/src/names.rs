//! Capitalised names the dictionaries do not know: still mentions, with a
//! kind guessed from the words around them (`data/name-cues.tsv`).

use crate::compose::Kind;
use casus_core::resource::{data_lines, split_key, LineIssue};
use casus_core::Span;
use casus_nlp::{Token, TokenKind};
use std::collections::HashSet;

const BUILTIN: &str = include_str!("../data/name-cues.tsv");

/// The cue word lists, lower-cased.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cues {
    title: HashSet<String>,
    head: HashSet<String>,
    org: HashSet<String>,
    place: HashSet<String>,
    place_before: HashSet<String>,
    connector: HashSet<String>,
    not_name: HashSet<String>,
    adjective: HashSet<String>,
    verb_after: HashSet<String>,
}

impl Cues {
    pub fn builtin() -> Self {
        let mut c = Cues::default();
        let issues = c.add("built-in:name-cues.tsv", BUILTIN);
        debug_assert!(issues.is_empty(), "{issues:?}");
        c
    }

    pub fn add(&mut self, path: &str, text: &str) -> Vec<LineIssue> {
        let mut issues = Vec::new();
        for (line, content) in data_lines(text) {
            let Some((class, words)) = split_key(content) else {
                issues.push(LineIssue {
                    path: path.into(),
                    line,
                    message: format!("expected `CLASS<TAB>words`, found `{content}`"),
                });
                continue;
            };
            let set = match class {
                "title" => &mut self.title,
                "head" => &mut self.head,
                "org" => &mut self.org,
                "place" => &mut self.place,
                "place_before" => &mut self.place_before,
                "connector" => &mut self.connector,
                "not_name" => &mut self.not_name,
                "adjective" => &mut self.adjective,
                "verb_after" => &mut self.verb_after,
                other => {
                    issues.push(LineIssue {
                        path: path.into(),
                        line,
                        message: format!("unknown cue class `{other}`"),
                    });
                    continue;
                }
            };
            set.extend(
                words
                    .split('|')
                    .map(|w| w.trim().trim_end_matches('.').to_lowercase()),
            );
        }
        issues
    }
}

impl Cues {
    /// A title a person is named by: "spokesman", "leader".
    pub fn is_title(&self, word: &str) -> bool {
        self.title.contains(word)
    }

    /// Does `phrase` (lower case) name a head of state or government?
    pub fn is_head_title(&self, phrase: &str) -> bool {
        self.head.iter().any(|h| phrase.contains(h.as_str()))
    }

    /// "military affairs": an agent noun used as an adjective. Not before
    /// a listed verb or a past tense ("police arrested", "government
    /// announced").
    pub fn is_adjectival(&self, agent: &str, next_word: &str) -> bool {
        let past = next_word.len() > 4 && next_word.ends_with("ed");
        self.adjective.contains(&agent.to_lowercase())
            && next_word.chars().next().is_some_and(char::is_lowercase)
            && !self.verb_after.contains(next_word)
            && !past
    }
}

/// A title-case headline ("Iraq Criticizes the US for Attacks"): no final
/// period and most words capitalised, so capitals say nothing about names.
pub(crate) fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    if tokens
        .last()
        .is_some_and(|t| matches!(t.text(text), "." | "!" | "…"))
    {
        return false;
    }
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().count() > 3)
        .collect();
    words.len() >= 3 && words.iter().filter(|w| capitalised(w)).count() * 10 >= words.len() * 7
}

/// Is this token written like a name: a capital letter first, after an
/// optional lower-case particle (`al-Sudani`, `el-Sisi`)?
fn capitalised(text: &str) -> bool {
    let rest = ["al-", "el-", "ad-", "as-", "an-", "ash-", "ar-"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    rest.chars().next().is_some_and(char::is_uppercase)
}

/// Unknown names among `tokens` (one sentence), skipping tokens inside
/// `known` spans (dictionary matches).
pub(crate) fn unknown_names(text: &str, tokens: &[Token], known: &[Span], cues: &Cues) -> Vec<(Span, Kind)> {
    let lower = |t: &Token| t.text(text).trim_end_matches('.').to_lowercase();
    let is_known = |t: &Token| known.iter().any(|k| k.start < t.span.end && t.span.start < k.end);
    let is_cap = |i: usize| {
        let t = &tokens[i];
        t.kind == TokenKind::Word
            && capitalised(t.text(text))
            && !is_known(t)
            && !cues.not_name.contains(&lower(t))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_cap(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1; // exclusive
        loop {
            if end < tokens.len() && is_cap(end) {
                end += 1;
            } else if end + 1 < tokens.len()
                && cues.connector.contains(&lower(&tokens[end]))
                && is_cap(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        // A lone capitalised word opening the sentence is usually not a name.
        if !(start == 0 && end == 1) {
            let last = lower(&tokens[end - 1]);
            let before = start.checked_sub(1).map(|b| lower(&tokens[b]));
            let has_org_word = tokens[start..end].iter().any(|t| cues.org.contains(&lower(t)));
            let kind = if cues.org.contains(&last) || has_org_word {
                Kind::Organisation
            } else if cues.place.contains(&last)
                || before.as_ref().is_some_and(|b| cues.place_before.contains(b))
            {
                Kind::Place
            } else if before.as_ref().is_some_and(|b| cues.title.contains(b))
                || (2..=4).contains(&(end - start))
            {
                Kind::Person
            } else {
                Kind::Name
            };
            out.push((
                Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                kind,
            ));
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_nlp::Tokenizer;

    fn names(s: &str) -> Vec<(&str, Kind)> {
        let toks = Tokenizer::default().tokens(s, Span::new(0, s.len()));
        unknown_names(s, &toks, &[], &Cues::builtin())
            .into_iter()
            .map(|(sp, k)| (sp.slice(s), k))
            .collect()
    }

    #[test]
    fn people_organisations_and_places_are_told_apart_by_their_cues() {
        assert_eq!(
            names("The spokesman Yehia Rasool spoke in Tarsin Province for the Vell Liberation Front on Monday."),
            [
                ("Yehia Rasool", Kind::Person),
                ("Tarsin Province", Kind::Place),
                ("Vell Liberation Front", Kind::Organisation)
            ]
        );
    }

    #[test]
    fn particles_join_a_name_and_weekdays_are_not_names() {
        assert_eq!(
            names("it was Mohamed Shia al-Sudani on Friday"),
            [("Mohamed Shia al-Sudani", Kind::Person)]
        );
        assert_eq!(
            names("troops of the Brigade of Martyrs left"),
            [("Brigade of Martyrs", Kind::Organisation)]
        );
    }
}
