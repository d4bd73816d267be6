//! `Acled`: the tables loaded once, and what they say about an event.

use crate::actors::ActorTypes;
use crate::rules::{Facts, Rule, Rules};
use crate::types::{SubType, Types};
use crate::words::{Hit, WordClasses};
use casus_core::resource::LineIssue;
use casus_core::{ActorRef, Span};

const TYPES: &str = include_str!("../data/acled-types.tsv");
const WORDS: &str = include_str!("../data/acled-words.tsv");
const RULES: &str = include_str!("../data/acled-rules.tsv");
const ACTOR_TYPES: &str = include_str!("../data/actor-types.tsv");

/// The ACLED tables: types, word classes, rules, actor types.
#[derive(Debug, Clone)]
pub struct Acled {
    types: Types,
    pub(crate) words: WordClasses,
    rules: Rules,
    actor_types: ActorTypes,
}

/// A user's tables, each optional: `(path, text)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct UserTables<'a> {
    /// Added to the shipped types (a sub-event type listed again is
    /// replaced).
    pub types: Option<(&'a str, &'a str)>,
    /// Added to the shipped word classes.
    pub words: Option<(&'a str, &'a str)>,
    /// Replaces the shipped rules: the order of the rules is the user's.
    pub rules: Option<(&'a str, &'a str)>,
    /// Read before the shipped actor types.
    pub actor_types: Option<(&'a str, &'a str)>,
}

/// The ACLED type of an event, and why.
#[derive(Debug, Clone, Copy)]
pub struct Typing<'a> {
    pub sub: &'a SubType,
    pub rule: &'a Rule,
    /// The words that decided (the first `has:` test's phrase nearest the
    /// trigger); `None` when the CAMEO code alone decided.
    pub cue: Option<Span>,
}

impl Acled {
    /// The shipped tables.
    pub fn builtin() -> Self {
        let (a, issues) = Acled::with(UserTables::default());
        debug_assert!(issues.is_empty(), "{issues:?}");
        a
    }

    /// The shipped tables with a user's; bad lines are skipped and
    /// returned.
    pub fn with(user: UserTables) -> (Self, Vec<LineIssue>) {
        let mut issues = Vec::new();
        let mut types = Types::default();
        issues.extend(types.add("built-in:acled-types.tsv", TYPES));
        if let Some((p, t)) = user.types {
            issues.extend(types.add(p, t));
        }
        let mut words = WordClasses::default();
        issues.extend(words.add("built-in:acled-words.tsv", WORDS));
        if let Some((p, t)) = user.words {
            issues.extend(words.add(p, t));
        }
        words.build();
        let mut rules = Rules::default();
        let known = |s: &str| types.get(s).is_some();
        let (rp, rt) = user.rules.unwrap_or(("built-in:acled-rules.tsv", RULES));
        issues.extend(rules.add(rp, rt, &words, known));
        let mut actor_types = ActorTypes::default();
        issues.extend(actor_types.add("built-in:actor-types.tsv", ACTOR_TYPES, false));
        if let Some((p, t)) = user.actor_types {
            issues.extend(actor_types.add(p, t, true));
        }
        (
            Acled {
                types,
                words,
                rules,
                actor_types,
            },
            issues,
        )
    }

    /// The word-class phrases of one sentence (read once, used for every
    /// event in it).
    pub fn read(&self, text: &str, sentence: Span) -> Vec<Hit> {
        self.words.find(text, sentence)
    }

    /// The ACLED type of an event (or, with `facts.cameo` `None`, of a
    /// sentence in which no event was coded).
    pub fn type_of(&self, facts: &Facts, hits: &[Hit]) -> Option<Typing<'_>> {
        let (rule, cue) = self.rules.first(facts, hits, &self.words)?;
        Some(Typing {
            sub: self.types.get(&rule.sub_event_type)?,
            rule,
            cue,
        })
    }

    /// The weapon or means nearest the trigger (`air-strike`, `ied`,
    /// `small-arms`, ...), with its words.
    pub fn mode(&self, hits: &[Hit], trigger: Span) -> Option<(&str, Span)> {
        hits.iter()
            .filter(|h| self.words.is_mode(h.class))
            .min_by_key(|h| h.span.start.abs_diff(trigger.start))
            .map(|h| (&self.words.name(h.class)["mode:".len()..], h.span))
    }

    /// The ACLED actor type (1–8) of a mention; `target`: as an event's
    /// target (an official attacked is a civilian).
    pub fn actor_type(&self, text: &str, kind: &str, actor: Option<&ActorRef>, target: bool) -> Option<u8> {
        self.actor_types.of(text, kind, actor, target)
    }
}
