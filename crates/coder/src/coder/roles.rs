//! A sentence's roles read from its parse, as the coder's mentions and
//! phrases: which actor an argument names, and the words of each side.

use super::sentence::Sentence;
use super::tree::Tree;
use casus_core::Span;

/// A verb's sources and targets (mentions, coordinated ones included) and
/// the phrases of its arguments in the parse.
#[derive(Debug, Default)]
pub(super) struct Args {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    pub source_phrase: Option<Span>,
    pub target_phrase: Option<Span>,
}

/// One argument pair from the parse.
#[derive(Debug, Clone, Copy)]
pub(super) struct Args1 {
    pub(super) source: Option<usize>,
    pub(super) target: Option<usize>,
    pub(super) source_phrase: Option<Span>,
    pub(super) target_phrase: Option<Span>,
}

impl Sentence<'_> {
    /// The words of mention `i`'s whole phrase in the parse ("the Iraqi
    /// government" for "Iraqi government"), never less than the mention.
    pub(super) fn phrase_of(&self, i: usize) -> Span {
        let m = self.found[i].span;
        let Some(tree) = self.tree else {
            return m;
        };
        let Some(mut k) = tree.head_of(m) else {
            return m;
        };
        // "Danish trawlers", "the envoy's plan": a mention that modifies a
        // noun stands in that noun's phrase, unless the noun is a trigger
        // ("US airstrikes").
        for _ in 0..2 {
            let h = tree.heads[k];
            if h == 0 || !matches!(tree.labels[k], "amod" | "compound" | "nmod:poss") {
                break;
            }
            let noun = tree.spans[h - 1];
            let trigger = self
                .triggers
                .iter()
                .any(|t| t.start < noun.end && noun.start < t.end);
            if trigger || !tree.tags[h - 1].starts_with("NN") {
                break;
            }
            k = h - 1;
        }
        let p = tree.phrase(k);
        Span::new(p.start.min(m.start), p.end.max(m.end))
    }

    /// The actor mention that a parse argument (its head token `k`)
    /// stands for: the mention covering the head word, else the first one
    /// inside the argument's phrase ("thousands of students").
    pub(super) fn mention_for(&self, tree: &Tree, k: usize, area: Span) -> Option<usize> {
        let (lo, hi) = tree.extent(k);
        let phrase = Span::new(tree.spans[lo].start, tree.spans[hi].end);
        let head = tree.spans[k];
        let actors = self.actors_in(area);
        actors
            .iter()
            .copied()
            .find(|&i| self.found[i].span.start <= head.start && head.end <= self.found[i].span.end)
            .or_else(|| {
                actors.into_iter().find(|&i| {
                    phrase.start <= self.found[i].span.start && self.found[i].span.end <= phrase.end
                })
            })
    }

    /// Source and target of the verb at `at` from the parse: the actor
    /// mentions its arguments stand for, and the arguments' phrases.
    pub(super) fn parsed_roles(&self, at: Span, area: Span) -> Option<Args1> {
        let tree = self.tree?;
        let v = tree.token_at(at.start)?;
        let r = tree.roles(v, self.text);
        let (s, t) = if r.passive {
            (r.agent, r.subject.or(r.object))
        } else {
            (r.subject, r.object)
        };
        let m = |k: Option<usize>| k.and_then(|k| self.mention_for(tree, k, area));
        // An argument's phrase, if it is a noun phrase inside the area and
        // clear of the trigger's own words.
        let phrase = |k: Option<usize>| {
            let k = k?;
            let p = tree.phrase(k);
            let noun = tree.tags[k].starts_with("NN") || tree.tags[k] == "PRP";
            let clear = p.end <= at.start || p.start >= at.end;
            (noun && clear && area.start <= p.start && p.end <= area.end).then_some(p)
        };
        Some(Args1 {
            source: m(s),
            target: m(t),
            source_phrase: phrase(s),
            target_phrase: phrase(t),
        })
    }
}
