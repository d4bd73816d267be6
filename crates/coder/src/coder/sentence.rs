//! Shallow syntax over one sentence: which mention is a trigger's subject
//! or object, whether an ambiguous trigger is a noun, and the word lists
//! these rules use.

use crate::lexicon::{Class, Form, Hit};
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_nlp::Token;

use super::roles::Args;
use super::tree::Tree;

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "these",
    "those",
    "this",
    "that",
    "such",
    "more",
    "many",
    "several",
    "new",
    "further",
    "recent",
    "deadly",
    "fresh",
    "retaliatory",
    "repeated",
    "latest",
    "any",
    "no",
];
/// Words before a name that make it a location ("in Iraq"); "from", "to"
/// and "of" are left out: "a backlash from Iraq", "aid to Iraq" and "the
/// government of Iraq" name actors.
pub const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "across",
    "inside",
    "outside",
    "into",
    "throughout",
    "around",
    "within",
    "via",
];
/// Prepositions whose object is not a verb's subject.
const OBLIQUE: &[&str] = &[
    "of", "for", "with", "to", "about", "on", "against", "by", "than", "between", "among",
];
const BE: &[&str] = &[
    "was", "were", "is", "are", "been", "being", "be", "got", "get", "gets",
];
/// Words before "of" that make what follows the real subject.
const QUANTITY: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "tens",
    "scores",
    "group",
    "groups",
    "number",
    "crowd",
    "crowds",
    "band",
    "team",
    "delegation",
    "members",
    "some",
    "many",
    "most",
    "all",
    "several",
];
/// Words after which an ambiguous trigger ("attacks") is a noun.
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "after",
    "amid",
    "following",
    "against",
    "by",
    "to",
    "for",
    "from",
    "with",
    "over",
    "since",
    "during",
    "despite",
    "and",
    "or",
];
/// Verbs that carry a nominal event: "carried out attacks".
const SUPPORT: &[&str] = &[
    "carried",
    "carry",
    "carries",
    "carrying",
    "launched",
    "launch",
    "launches",
    "conducted",
    "conduct",
    "staged",
    "mounted",
    "executed",
    "made",
    "stepped",
];
const AFTER_NOUN: &[&str] = &[
    "on",
    "against",
    "targeting",
    "at",
    "into",
    "toward",
    "towards",
    "upon",
];

/// Is this trigger used as a noun here? The tagger decides where it has
/// read the sentence ("wants to attack": a verb; "the attack": a noun);
/// the word rules below are the fallback.
pub(super) fn is_noun(ctx: &Sentence, h: &Hit) -> bool {
    if matches!(h.trigger.class, Class::Verb | Class::Noun)
        && (h.trigger.ambiguous || h.trigger.class == Class::Verb)
    {
        if let Some(tag) = ctx.tree.and_then(|t| t.tag_at(h.span.start)) {
            if tag.starts_with("VB") {
                return false;
            }
            if tag.starts_with("NN") && matches!(h.trigger.form, Form::Base | Form::S) {
                return true;
            }
        }
    }
    match h.trigger.class {
        Class::Noun if !h.trigger.ambiguous => true,
        // "the fight against": a verb used as a noun.
        Class::Verb
            if !h.trigger.ambiguous
                && matches!(h.trigger.form, Form::Base | Form::S)
                && ctx
                    .word_before(h.span.start)
                    .as_deref()
                    .is_some_and(|p| matches!(p, "the" | "a" | "an" | "its" | "their")) =>
        {
            true
        }
        Class::Noun | Class::Verb
            if h.trigger.ambiguous && matches!(h.trigger.form, Form::Base | Form::S) =>
        {
            let prev = ctx.word_before(h.span.start);
            let next = ctx.word_after(h.span.end);
            let after_mention = ctx.ms.iter().any(|&i| {
                let f = &ctx.found[i];
                f.span.end <= h.span.start
                    && ctx.text[f.span.end..h.span.start].trim().is_empty()
                    && matches!(f.kind, Kind::Nationality | Kind::Country)
            });
            let adjective = |p: &str| {
                ["ory", "ive", "al", "ic", "ous", "ful", "ed", "ing"]
                    .iter()
                    .any(|x| p.ends_with(x))
                    && p.len() > 4
            };
            prev.as_deref().is_some_and(|p| {
                DETERMINERS.contains(&p)
                    || PREPOSITIONS.contains(&p)
                    || p.parse::<f64>().is_ok()
                    || adjective(p)
            }) || (after_mention
                && next
                    .as_deref()
                    .is_none_or(|n| AFTER_NOUN.contains(&n) || n == "by" || n == "in"))
                || next.as_deref().is_some_and(|n| n == "by" || n == "of")
        }
        _ => false,
    }
}

/// One sentence and its mentions.
pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    pub(super) span: Span,
    pub(super) toks: &'a [Token],
    pub(super) found: &'a [Found],
    /// Indexes of the mentions inside the sentence.
    pub(super) ms: &'a [usize],
    /// Every trigger in the sentence.
    pub(super) triggers: &'a [Span],
    /// The sentence's dependency parse, when it has an act to code.
    pub(super) tree: Option<&'a Tree<'a>>,
}

impl Sentence<'_> {
    pub(super) fn word_before(&self, at: usize) -> Option<String> {
        self.toks
            .iter()
            .rev()
            .find(|t| t.span.end <= at)
            .map(|t| t.text(self.text).to_lowercase())
    }

    /// The `n`th word before `at` (1: the one just before).
    pub(super) fn word_before_n(&self, at: usize, n: usize) -> Option<String> {
        self.toks
            .iter()
            .rev()
            .filter(|t| t.span.end <= at)
            .nth(n - 1)
            .map(|t| t.text(self.text).to_lowercase())
    }

    pub(super) fn word_after(&self, at: usize) -> Option<String> {
        self.toks
            .iter()
            .find(|t| t.span.start >= at)
            .map(|t| t.text(self.text).to_lowercase())
    }

    /// Can this mention be a source or target? Not a place, not a place
    /// in a prepositional phrase ("in Iraq").
    pub(super) fn is_actor(&self, i: usize) -> bool {
        let f = &self.found[i];
        // A capital stands for its government ("Beirut would file"), except
        // where it is a place ("in Beirut").
        let capital = f.kind == Kind::Place && f.actor.as_ref().is_some_and(|a| a.country.is_some());
        if f.kind == Kind::Name || (f.kind == Kind::Place && !capital) {
            return false;
        }
        if f.actor.is_none() && !matches!(f.kind, Kind::Person | Kind::Organisation | Kind::ArmedGroup) {
            return false;
        }
        !(matches!(f.kind, Kind::Country | Kind::Place) && self.locative(i))
    }

    /// "in Iraq", and "Syria" in "in Iraq and Syria".
    pub(super) fn locative(&self, i: usize) -> bool {
        let f = &self.found[i];
        match self.word_before(f.span.start).as_deref() {
            Some(p) if LOCATIVE.contains(&p) => true,
            Some("and" | "or" | ",") => self
                .ms
                .iter()
                .rev()
                .find(|&&j| self.found[j].span.end <= f.span.start)
                .is_some_and(|&j| {
                    let gap = self.text[self.found[j].span.end..f.span.start].trim();
                    matches!(gap, "and" | "or" | ",")
                        && matches!(self.found[j].kind, Kind::Country | Kind::Place)
                        && self.locative(j)
                }),
            _ => false,
        }
    }

    /// Actor mentions inside `area`, in order.
    pub(super) fn actors_in(&self, area: Span) -> Vec<usize> {
        self.ms
            .iter()
            .copied()
            .filter(|&i| {
                self.found[i].span.start >= area.start
                    && self.found[i].span.end <= area.end
                    && self.is_actor(i)
            })
            .collect()
    }

    /// The nearest actor before `at` in `area` that is not the object of
    /// a preposition.
    /// An actor with another trigger between it and `at` belongs to that
    /// trigger ("accused Israel of ... after a strike killed": Israel did
    /// not kill).
    pub(super) fn subject_before(&self, at: usize, area: Span) -> Option<usize> {
        let i = self
            .actors_in(Span::new(area.start, at))
            .into_iter()
            .rev()
            .find(|&i| {
                let start = self.found[i].span.start;
                let prev = self.word_before(start);
                // "thousands of students" are the students.
                let quantity = prev.as_deref() == Some("of")
                    && self
                        .word_before_n(start, 2)
                        .as_deref()
                        .is_some_and(|w| QUANTITY.contains(&w));
                quantity || !prev.as_deref().is_some_and(|p| OBLIQUE.contains(&p))
            })?;
        let end = self.found[i].span.end;
        let crossed: Vec<&Span> = self
            .triggers
            .iter()
            .filter(|t| t.start >= end && t.end <= at)
            .collect();
        // "airstrikes that targeted": the relative clause's subject is the
        // event noun, whose actor this is.
        let relative = crossed.last().is_some_and(|t| {
            let gap = self.text[t.end..at].trim().to_lowercase();
            matches!(
                gap.as_str(),
                "that" | "which" | "that have" | "that had" | "which have" | "which had"
            )
        });
        (crossed.is_empty() || relative).then_some(i)
    }

    /// A mention and the ones coordinated with it ("US and coalition forces").
    pub(super) fn with_coordinated(&self, first: usize, area: Span) -> Vec<usize> {
        let actors = self.actors_in(area);
        let mut out = vec![first];
        let mut k = actors.iter().position(|&i| i == first).unwrap_or(actors.len());
        while k + 1 < actors.len() {
            let (a, b) = (&self.found[actors[k]], &self.found[actors[k + 1]]);
            let gap = self.text[a.span.end..b.span.start].trim();
            if !matches!(gap, "and" | "," | ", and" | "or" | "as well as") {
                break;
            }
            out.push(actors[k + 1]);
            k += 1;
        }
        out
    }

    /// The first actor after `from` in `area`, within `max` bytes.
    pub(super) fn first_after(&self, from: usize, area: Span, max: usize) -> Option<usize> {
        // An object does not reach past a comma ("hit an office in X, a
        // stronghold of Y": Y was not hit).
        let comma = self
            .toks
            .iter()
            .find(|t| {
                t.span.start >= from && t.span.end <= area.end && matches!(t.text(self.text), "," | ";")
            })
            .map_or(area.end, |t| t.span.start);
        self.actors_in(Span::new(from, comma)).into_iter().find(|&i| {
            let f = &self.found[i];
            // "the lives of Iraqis": people a deed is for, not its target.
            let of_people =
                f.kind == Kind::Nationality && self.word_before(f.span.start).as_deref() == Some("of");
            f.span.start <= from + max && !of_people
        })
    }

    /// The first actor after the word `by` following `from`.
    pub(super) fn agent_after_by(&self, from: usize, area: Span) -> Option<usize> {
        let by = self
            .toks
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= area.end)
            .take(16)
            .find(|t| t.text(self.text).eq_ignore_ascii_case("by"))?;
        self.actors_in(Span::new(by.span.end, area.end))
            .into_iter()
            .find(|&i| self.found[i].span.start <= by.span.end + 60)
    }

    /// Source and target of a verb.
    pub(super) fn verbal(
        &self,
        h: &Hit,
        area: Span,
        prev_source: Option<usize>,
        speaker: Option<usize>,
    ) -> Args {
        let before: Vec<&Token> = self.toks.iter().filter(|t| t.span.end <= h.span.start).collect();
        let passive = matches!(h.trigger.form, Form::Past | Form::Participle)
            && (before
                .iter()
                .rev()
                .take(3)
                .any(|t| BE.contains(&t.text(self.text).to_lowercase().as_str()))
                || self.word_after(h.span.end).as_deref() == Some("by"));
        let (src, tgt) = if passive {
            let subject = self.subject_before(h.span.start, area);
            (self.agent_after_by(h.span.end, area), subject)
        } else {
            // "..., accusing it of": a participle after a comma has the
            // clause's subject.
            let after_comma =
                h.trigger.form == Form::Ing && before.last().is_some_and(|t| t.text(self.text) == ",");
            let subject = if after_comma {
                prev_source.or_else(|| {
                    self.actors_in(Span::new(area.start, h.span.start))
                        .into_iter()
                        .find(|&i| {
                            let prev = self.word_before(self.found[i].span.start);
                            !prev.as_deref().is_some_and(|p| OBLIQUE.contains(&p))
                        })
                })
            } else {
                self.subject_before(h.span.start, area)
            };
            // "We will ..." in a quote: the speaker's own act.
            let first_person = || {
                self.toks
                    .iter()
                    .filter(|t| t.span.start >= area.start && t.span.end <= h.span.start)
                    .any(|t| matches!(t.text(self.text), "we" | "We" | "I"))
            };
            let subject = subject.or_else(|| speaker.filter(|_| first_person()));
            (subject, self.first_after(h.span.end, area, 80))
        };
        // The parse first, the word rules where it names no actor.
        let parsed = self.parsed_roles(h.span, area);
        let (src, tgt) = match parsed {
            Some(p) => (p.source.or(src), p.target.or(tgt)),
            None => (src, tgt),
        };
        let tgt = tgt.filter(|t| Some(*t) != src);
        let (source_phrase, target_phrase) =
            parsed.map_or((None, None), |p| (p.source_phrase, p.target_phrase));
        Args {
            sources: src.map(|i| self.with_coordinated(i, area)).unwrap_or_default(),
            targets: tgt.map(|i| self.with_coordinated(i, area)).unwrap_or_default(),
            source_phrase,
            target_phrase,
        }
    }

    /// Source and target of a nominal event.
    pub(super) fn nominal(&self, at: Span, area: Span) -> (Vec<usize>, Vec<usize>) {
        // "US airstrikes", "Israel's attacks": the actor right before.
        let adjacent = self.ms.iter().copied().rev().find(|&i| {
            let f = &self.found[i];
            f.span.end <= at.start
                && {
                    let gap = self.text[f.span.end..at.start].trim();
                    gap.is_empty()
                        || gap == "'s"
                        || gap == "’s"
                        || gap.split_whitespace().count() == 1 && !gap.contains(',')
                }
                && self.is_actor(i)
        });
        // "a strike hit an office used by X": X is not the striker; but
        // "attacks, many of them claimed by X" is X's.
        let by = self.agent_after_by(at.end, area).filter(|&b| {
            let start = self.found[b].span.start;
            !self.triggers.iter().any(|t| {
                let claim = self.text[t.start..t.end].to_lowercase().starts_with("claim");
                t.start >= at.end && t.end <= start && !claim
            })
        });
        // "US forces carried out a number of air strikes": the subject of
        // the support verb.
        let support = || {
            self.toks
                .iter()
                .rev()
                .filter(|t| t.span.end <= at.start && t.span.start >= area.start)
                .take(6)
                .find(|t| SUPPORT.contains(&t.text(self.text).to_lowercase().as_str()))
                .and_then(|t| self.subject_before(t.span.start, area))
        };
        let src = adjacent.or(by).or_else(support);
        let on = self
            .toks
            .iter()
            .filter(|t| t.span.start >= at.end && t.span.end <= area.end)
            .take(4)
            .find(|t| AFTER_NOUN.contains(&t.text(self.text).to_lowercase().as_str()));
        let tgt = on.and_then(|t| self.first_after(t.span.end, area, 40));
        let tgt = tgt.filter(|t| Some(*t) != src);
        (
            src.map(|i| self.with_coordinated(i, area)).unwrap_or_default(),
            tgt.map(|i| self.with_coordinated(i, area)).unwrap_or_default(),
        )
    }
}
