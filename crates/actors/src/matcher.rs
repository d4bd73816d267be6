//! Every dictionary name in one automaton, built once: the cost of a
//! lookup depends on the text, not on the size of the dictionaries.

use crate::Dictionary;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use casus_core::Span;

/// What a matched phrase is in the dictionary (indexes into it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    Country(usize),
    Demonym(usize),
    Capital(usize),
    Actor(usize),
    Agent(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub span: Span,
    pub hit: Hit,
}

#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    /// Proper names, matched with their capitalisation ("US" is not "us").
    names: AhoCorasick,
    name_hits: Vec<Hit>,
    /// Names from PETRARCH dictionaries (written in capitals): matched
    /// ignoring case, where the text capitalises their first letter.
    folded: Option<AhoCorasick>,
    folded_hits: Vec<Hit>,
    /// Agent nouns, matched ignoring case ("Government forces").
    agents: AhoCorasick,
    agent_hits: Vec<Hit>,
}

impl Matcher {
    pub fn build(d: &Dictionary) -> Matcher {
        let mut names: Vec<&str> = Vec::new();
        let mut name_hits = Vec::new();
        for (i, c) in d.countries.iter().enumerate() {
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                names.push(n);
                name_hits.push(Hit::Country(i));
            }
            for n in &c.demonyms {
                names.push(n);
                name_hits.push(Hit::Demonym(i));
            }
            for n in &c.capitals {
                names.push(n);
                name_hits.push(Hit::Capital(i));
            }
        }
        let mut folded: Vec<&str> = Vec::new();
        let mut folded_hits = Vec::new();
        for (i, c) in d.countries.iter().enumerate() {
            for n in &c.folded {
                folded.push(n);
                folded_hits.push(Hit::Country(i));
            }
        }
        for (i, a) in d.actors.iter().enumerate() {
            for n in &a.names {
                if a.fold_case {
                    folded.push(n);
                    folded_hits.push(Hit::Actor(i));
                } else {
                    names.push(n);
                    name_hits.push(Hit::Actor(i));
                }
            }
        }
        let mut agents: Vec<&str> = Vec::new();
        let mut agent_hits = Vec::new();
        for (i, a) in d.agents.iter().enumerate() {
            for p in &a.phrases {
                agents.push(p);
                agent_hits.push(Hit::Agent(i));
            }
        }
        let build = |pats: &[&str], fold: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(fold)
                .build(pats)
                .expect("dictionary automaton builds")
        };
        Matcher {
            names: build(&names, false),
            name_hits,
            folded: (!folded.is_empty()).then(|| build(&folded, true)),
            folded_hits,
            agents: build(&agents, true),
            agent_hits,
        }
    }

    /// Whole-word matches in `text`, in order, without overlaps; a name
    /// wins over a PETRARCH name it overlaps, and both over an agent noun.
    pub fn find(&self, text: &str) -> Vec<RawMatch> {
        let mut out: Vec<RawMatch> = Vec::new();
        let words = |ac: &AhoCorasick, hits: &[Hit]| -> Vec<RawMatch> {
            ac.find_iter(text)
                .filter(|m| is_word(text, m.start(), m.end()))
                .map(|m| RawMatch {
                    span: Span::new(m.start(), m.end()),
                    hit: hits[m.pattern().as_usize()],
                })
                .collect()
        };
        out.extend(words(&self.names, &self.name_hits));
        let capitalised = |m: &RawMatch| text[m.span.start..].starts_with(|c: char| c.is_uppercase());
        let folded = self.folded.as_ref().map(|ac| words(ac, &self.folded_hits));
        let extra = folded.into_iter().flatten().filter(capitalised);
        // The spans taken so far (start → end), which never overlap: the
        // one starting last before a match's end is the only one that can
        // overlap it.
        let mut taken: std::collections::BTreeMap<usize, usize> =
            out.iter().map(|m| (m.span.start, m.span.end)).collect();
        for m in extra.chain(words(&self.agents, &self.agent_hits)) {
            let clash = taken
                .range(..m.span.end)
                .next_back()
                .is_some_and(|(_, &end)| end > m.span.start);
            if !clash {
                taken.insert(m.span.start, m.span.end);
                out.push(m);
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }
}

/// The match is a whole word: no letter or digit just before or after it.
fn is_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let m = Matcher::build(&Dictionary::builtin());
        m.find(text).iter().map(|r| r.span.slice(text)).collect()
    }

    #[test]
    fn names_match_whole_words_with_their_capitalisation() {
        assert_eq!(
            found("US forces told us to leave Iraq."),
            ["US", "forces", "Iraq"]
        );
        assert_eq!(found("USAID staff"), Vec::<&str>::new());
    }

    #[test]
    fn the_longest_name_wins_and_agents_ignore_case() {
        assert_eq!(
            found("the US-led coalition and Government forces"),
            ["US-led coalition", "Government", "forces"]
        );
        assert_eq!(found("Iraqi Prime Minister"), ["Iraqi", "Prime Minister"]);
    }
}
