//! From triggers and mentions to coded events, sentence by sentence.
//!
//! Shallow syntax, by rule, in one pass: a verb's source is the nearest
//! actor before it that is not inside a prepositional phrase ("in Iraq",
//! "for the minister"), its target the first actor after it; a passive
//! verb ("were struck by") swaps them; a nominal event ("US airstrikes on
//! X", "attacks against X by Y") takes the actor before it or after "by"
//! as source and the actor after "on"/"against" as target. A reporting
//! verb ("said", "according to") is a statement and opens reported speech:
//! inside it, acts keep their own actors, and words of judgement
//! ("violated", "illegal") are the speaker's verbal act against whoever is
//! judged. Coordinated actors ("US and coalition personnel") give one
//! event per pair.

use crate::classify::{features, Classifier};
use crate::codes::{penta_class, CodeInfo, CodeTable};
use crate::lexicon::{Class, Form, Hit, Lexicon};
use crate::modality::{modality, Modality};
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_nlp::{Token, TokenKind, Tokenizer};

/// One coded event (byte spans; mentions by index).
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    pub sentence: Span,
    pub trigger: Span,
    pub source: Option<usize>,
    pub target: Option<usize>,
    pub info: CodeInfo,
    pub modality: Modality,
    pub confidence: f64,
    pub count: Option<u64>,
    /// A reporting verb's statement.
    pub speech: bool,
    /// The trigger is a noun ("airstrikes"), not a verb.
    pub nominal: bool,
}

#[derive(Debug, Clone)]
pub struct Coder {
    table: CodeTable,
    pub(crate) lexicon: Lexicon,
    tokenizer: Tokenizer,
    classifier: Classifier,
}

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
const LOCATIVE: &[&str] = &[
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

/// A stretch of reported speech and who reports it.
struct Region {
    span: Span,
    speaker: Option<usize>,
}

impl Default for Coder {
    fn default() -> Self {
        Coder::new(CodeTable::builtin(), Lexicon::builtin())
    }
}

impl Coder {
    pub fn new(table: CodeTable, lexicon: Lexicon) -> Self {
        Coder {
            table,
            lexicon,
            tokenizer: Tokenizer::default(),
            classifier: Classifier::builtin(),
        }
    }

    /// The same coder with other PentaClass weights.
    pub fn with_classifier(self, classifier: Classifier) -> Self {
        Coder { classifier, ..self }
    }

    /// The hashed features of `sentence` given the events coded in the text.
    pub fn features(&self, text: &str, sentence: Span, events: &[Coded]) -> Vec<u32> {
        let toks = self.tokenizer.tokens(text, sentence);
        let here: Vec<&Coded> = events
            .iter()
            .filter(|e| e.sentence.start >= sentence.start && e.sentence.end <= sentence.end)
            .collect();
        features(text, &toks, &here)
    }

    /// The PentaClass of `sentence` and its probability, from the learned
    /// model over its words and the events coded in it.
    pub fn sentence_class(&self, text: &str, sentence: Span, events: &[Coded]) -> (u8, f32) {
        self.classifier.predict(&self.features(text, sentence, events))
    }

    /// Blends each event's rule-based confidence with the learned model's
    /// probability of the event's PentaClass in its sentence: an airstrike
    /// in a sentence the model reads as material conflict is surer than one
    /// in a sentence it reads as a statement. Kept apart from [`Coder::code`]
    /// so that training features never depend on a previous model.
    pub fn calibrate(&self, text: &str, events: &mut [Coded]) {
        let mut k = 0;
        while k < events.len() {
            let s = events[k].sentence;
            let probs = self.class_probabilities(text, s, events);
            while k < events.len() && events[k].sentence == s {
                let p = probs[penta_class(&events[k].info.code[..2]) as usize] as f64;
                events[k].confidence = (0.5 * events[k].confidence + 0.5 * p).clamp(0.01, 0.99);
                k += 1;
            }
        }
    }

    /// Class probabilities of `sentence`.
    pub fn class_probabilities(&self, text: &str, sentence: Span, events: &[Coded]) -> [f32; 5] {
        self.classifier
            .probabilities(&self.features(text, sentence, events))
    }

    pub fn table(&self) -> &CodeTable {
        &self.table
    }

    /// Events in `text`, given its sentences and the actor stage's
    /// mentions (sorted by position).
    pub fn code(&self, text: &str, sentences: &[Span], found: &[Found]) -> Vec<Coded> {
        let mut out = Vec::new();
        let mut last_attacker: Option<usize> = None;
        for s in sentences {
            let toks = self.tokenizer.tokens(text, *s);
            let ms: Vec<usize> = (0..found.len())
                .filter(|&i| found[i].span.start >= s.start && found[i].span.end <= s.end)
                .collect();
            let hits: Vec<Hit> = self
                .lexicon
                .find(text, *s)
                .into_iter()
                .filter(|h| {
                    !ms.iter()
                        .any(|&i| found[i].span.start < h.span.end && h.span.start < found[i].span.end)
                })
                .collect();
            let triggers: Vec<Span> = hits.iter().map(|h| h.span).collect();
            let ctx = Sentence {
                text,
                span: *s,
                toks: &toks,
                found,
                ms: &ms,
                triggers: &triggers,
            };
            let mut regions = Vec::new();
            for h in hits.iter().filter(|h| h.trigger.class == Class::Speech) {
                if let Some((ev, region)) = self.speech(&ctx, h) {
                    out.extend(ev);
                    regions.push(region);
                }
            }
            let mut prev_source: Option<usize> = None;
            for h in hits.iter().filter(|h| h.trigger.class != Class::Speech) {
                let region = regions
                    .iter()
                    .find(|r| r.span.start <= h.span.start && h.span.end <= r.span.end);
                let area = match region {
                    Some(r) => r.span,
                    None => main_area(*s, &regions, h.span),
                };
                let Some(info) = self.table.get(&h.trigger.code).cloned() else {
                    continue;
                };
                let nominal = h.trigger.class != Class::Judge && is_noun(&ctx, h);
                let (sources, targets, conf) = if h.trigger.class == Class::Judge {
                    let Some(r) = region.filter(|r| r.speaker.is_some()) else {
                        continue;
                    };
                    // Not the speaker itself ("violated its sovereignty").
                    let same = |i: usize| {
                        let country = |k: usize| found[k].actor.as_ref().and_then(|a| a.country.clone());
                        Some(i) == r.speaker
                            || r.speaker
                                .is_some_and(|sp| country(sp).is_some() && country(sp) == country(i))
                    };
                    let judged = ctx
                        .actors_in(area)
                        .into_iter()
                        .find(|&i| !same(i))
                        .or(last_attacker);
                    // One judgement per speaker and judged in a sentence.
                    let said = out.iter().any(|c: &Coded| {
                        c.sentence == *s
                            && c.source == r.speaker
                            && c.target == judged
                            && c.info.code == info.code
                    });
                    if said {
                        continue;
                    }
                    (r.speaker.into_iter().collect(), judged.into_iter().collect(), 0.6)
                } else if nominal {
                    let (src, tgt) = ctx.nominal(h.span, area);
                    (src, tgt, 0.35)
                } else {
                    let speaker = region.and_then(|r| r.speaker);
                    let (src, mut tgt) = ctx.verbal(h, area, prev_source, speaker);
                    // A threat in reported speech with no one named is
                    // against whoever attacked last.
                    if tgt.is_empty() && region.is_some() && h.trigger.code.starts_with("13") {
                        tgt.extend(last_attacker.filter(|a| !src.contains(a)));
                    }
                    prev_source = src.first().copied().or(prev_source);
                    (src, tgt, 0.45)
                };
                if sources.is_empty() && targets.is_empty() {
                    continue;
                }
                let penta = penta_class(&info.code[..2]);
                let mut before: Vec<String> = toks
                    .iter()
                    .filter(|t| t.span.start >= area.start && t.span.end <= h.span.start)
                    .map(|t| t.text(text).to_lowercase())
                    .collect();
                // The clause: back to the last comma, semicolon or quote.
                if let Some(k) = before
                    .iter()
                    .rposition(|w| matches!(w.as_str(), "," | ";" | ":" | "\"" | "“" | "”"))
                {
                    before.drain(..=k);
                }
                let before: Vec<&str> = before.iter().map(String::as_str).collect();
                let mut m = modality(&before, penta == 4 || info.code.starts_with("13"));
                let count = if nominal { count_before(&before) } else { None };
                // A conflict announced for the future is a threat (CAMEO 13):
                // "will take necessary actions", "would boycott".
                let mut info = info;
                if h.trigger.class == Class::Judge {
                    // A judgement is made when spoken.
                    m = Modality::Asserted;
                }
                if matches!(m, Modality::Intended | Modality::Threatened)
                    && penta >= 3
                    && !info.code.starts_with("13")
                {
                    let code = if penta == 4 { "138" } else { "130" };
                    if let Some(t) = self.table.get(code) {
                        info = t.clone();
                    }
                    m = Modality::Threatened;
                }
                let penta = penta_class(&info.code[..2]);
                let confidence: f64 = conf
                    + if sources.is_empty() { 0.0 } else { 0.2 }
                    + if targets.is_empty() { 0.0 } else { 0.2 }
                    - if h.trigger.ambiguous { 0.1 } else { 0.0 };
                for_pairs(&sources, &targets, |src, tgt| {
                    out.push(Coded {
                        sentence: *s,
                        trigger: h.span,
                        source: src,
                        target: tgt,
                        info: info.clone(),
                        modality: m,
                        confidence: confidence.clamp(0.05, 0.95),
                        count,
                        speech: false,
                        nominal,
                    });
                });
                if penta == 4 && m == Modality::Asserted {
                    last_attacker = sources.first().copied().or(last_attacker);
                }
            }
        }
        out.sort_by_key(|c| (c.trigger.start, c.source, c.target));
        out
    }

    /// A reporting verb: its statement, and the reported speech it opens.
    fn speech(&self, ctx: &Sentence, h: &Hit) -> Option<(Vec<Coded>, Region)> {
        let info = self.table.get(&h.trigger.code)?.clone();
        let word = h.span.slice(ctx.text).to_lowercase();
        let s = ctx.span;
        let (speaker, region) = if word.starts_with("according to") {
            let who = ctx.actors_in(Span::new(h.span.end, s.end)).first().copied();
            (who, Span::new(s.start, h.span.start))
        } else if let Some(q) = quote_end_before(ctx.text, s.start, h.span.start) {
            // `"...," said a spokesman for X`: the speaker follows.
            let who = ctx.actors_in(Span::new(h.span.end, s.end)).first().copied();
            (who, Span::new(s.start, q))
        } else if let Some(close) = closing_quote_before(ctx.text, s.start, h.span.start) {
            // `"...," he said`: the speaker is between the quote and the verb.
            let who = ctx.subject_before(h.span.start, Span::new(close, s.end));
            let after = close + ctx.text[close..].chars().next().map_or(0, char::len_utf8);
            let end = quote_end_before(ctx.text, s.start, after).unwrap_or(close);
            (who, Span::new(s.start, end))
        } else {
            let who = ctx.subject_before(h.span.start, s);
            // `"...," he said.` — the speech is before the speaker.
            let rest = &ctx.text[h.span.end..s.end];
            let ends = rest.trim_start_matches(|c: char| !c.is_alphanumeric()).is_empty()
                || ctx
                    .toks
                    .iter()
                    .filter(|t| t.span.start >= h.span.end)
                    .take(6)
                    .all(|t| {
                        t.kind != TokenKind::Word
                            || matches!(
                                t.text(ctx.text),
                                "on" | "in" | "a" | "statement" | "late" | "early" | "later"
                            )
                            || t.text(ctx.text).chars().next().is_some_and(char::is_uppercase)
                    });
            let start = who.map_or(h.span.start, |w| ctx.found[w].span.start);
            if ends && start > s.start {
                (who, Span::new(s.start, start))
            } else {
                (who, Span::new(h.span.end, s.end))
            }
        };
        Some(self.statement(ctx, h, info, speaker, region))
    }

    fn statement(
        &self,
        ctx: &Sentence,
        h: &Hit,
        info: CodeInfo,
        speaker: Option<usize>,
        region: Span,
    ) -> (Vec<Coded>, Region) {
        let s = ctx.span;
        let word = h.span.slice(ctx.text).to_lowercase();
        let target = word
            .starts_with("told")
            .then(|| {
                ctx.actors_in(Span::new(h.span.end, (h.span.end + 40).min(s.end)))
                    .first()
                    .copied()
            })
            .flatten();
        let ev = speaker.map(|src| Coded {
            sentence: s,
            trigger: h.span,
            source: Some(src),
            target,
            info,
            modality: Modality::Asserted,
            confidence: 0.7,
            count: None,
            speech: true,
            nominal: false,
        });
        (
            ev.into_iter().collect(),
            Region {
                span: region,
                speaker,
            },
        )
    }
}

/// Where a quotation closes right before `at` (only white space and a
/// comma between): `"...," he said`.
fn quote_end_before(text: &str, start: usize, at: usize) -> Option<usize> {
    let before = text[start..at].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let q = before.strip_suffix(['"', '”', '’'])?;
    let q = q.trim_end();
    let q = q.strip_suffix(',').unwrap_or(q);
    Some(start + q.len())
}

/// The last closing quotation mark before `at` (a curly one, or a
/// straight one after a comma or full stop), if a quotation opened before it.
fn closing_quote_before(text: &str, start: usize, at: usize) -> Option<usize> {
    let part = &text[start..at];
    let curly = part.rfind('”');
    let straight = part.rfind(",\"").or_else(|| part.rfind(".\"")).map(|i| i + 1);
    let close = curly.max(straight)?;
    let opened = part[..close].contains(['“', '"']);
    opened.then_some(start + close)
}

/// The event a sentence is mostly about: the surest act (a statement only
/// when nothing else is said), the first on ties.
pub fn main_event<'a>(events: impl IntoIterator<Item = &'a Coded>) -> Option<&'a Coded> {
    // A verb outranks a noun (the noun is usually its object: "refused
    // to commit to any assistance"); an earlier trigger a later one.
    let score = |e: &Coded, k: usize| e.confidence + if e.nominal { 0.0 } else { 0.3 } - 0.02 * k as f64;
    let mut first = None;
    let mut best: Option<(&Coded, f64)> = None;
    for (k, e) in events.into_iter().enumerate() {
        first = first.or(Some(e));
        let s = score(e, k);
        if !e.speech && best.is_none_or(|(_, b)| s > b) {
            best = Some((e, s));
        }
    }
    best.map(|(e, _)| e).or(first)
}

/// The sentence outside every region of reported speech, around `at`.
fn main_area(s: Span, regions: &[Region], at: Span) -> Span {
    let mut a = s;
    for r in regions {
        if r.span.end <= at.start {
            a.start = a.start.max(r.span.end);
        } else if r.span.start >= at.end {
            a.end = a.end.min(r.span.start);
        }
    }
    a
}

/// Every pair of a source and a target (one side may be empty).
fn for_pairs(sources: &[usize], targets: &[usize], mut f: impl FnMut(Option<usize>, Option<usize>)) {
    let src: Vec<Option<usize>> = if sources.is_empty() {
        vec![None]
    } else {
        sources.iter().map(|&i| Some(i)).collect()
    };
    let tgt: Vec<Option<usize>> = if targets.is_empty() {
        vec![None]
    } else {
        targets.iter().map(|&i| Some(i)).collect()
    };
    for s in &src {
        for t in &tgt {
            if s.is_some() && s == t {
                continue;
            }
            f(*s, *t);
        }
    }
}

/// "more than 150 attacks": the number before a nominal trigger.
fn count_before(before: &[&str]) -> Option<u64> {
    let last = before.last()?;
    let n: u64 = last.replace(',', "").parse().ok()?;
    (n > 1).then_some(n)
}

/// Is this trigger used as a noun here?
fn is_noun(ctx: &Sentence, h: &Hit) -> bool {
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
struct Sentence<'a> {
    text: &'a str,
    span: Span,
    toks: &'a [Token],
    found: &'a [Found],
    /// Indexes of the mentions inside the sentence.
    ms: &'a [usize],
    /// Every trigger in the sentence.
    triggers: &'a [Span],
}

impl Sentence<'_> {
    fn word_before(&self, at: usize) -> Option<String> {
        self.toks
            .iter()
            .rev()
            .find(|t| t.span.end <= at)
            .map(|t| t.text(self.text).to_lowercase())
    }

    /// The `n`th word before `at` (1: the one just before).
    fn word_before_n(&self, at: usize, n: usize) -> Option<String> {
        self.toks
            .iter()
            .rev()
            .filter(|t| t.span.end <= at)
            .nth(n - 1)
            .map(|t| t.text(self.text).to_lowercase())
    }

    fn word_after(&self, at: usize) -> Option<String> {
        self.toks
            .iter()
            .find(|t| t.span.start >= at)
            .map(|t| t.text(self.text).to_lowercase())
    }

    /// Can this mention be a source or target? Not a place, not a place
    /// in a prepositional phrase ("in Iraq").
    fn is_actor(&self, i: usize) -> bool {
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
    fn locative(&self, i: usize) -> bool {
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
    fn actors_in(&self, area: Span) -> Vec<usize> {
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
    fn subject_before(&self, at: usize, area: Span) -> Option<usize> {
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
    fn with_coordinated(&self, first: usize, area: Span) -> Vec<usize> {
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
    fn first_after(&self, from: usize, area: Span, max: usize) -> Option<usize> {
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
    fn agent_after_by(&self, from: usize, area: Span) -> Option<usize> {
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
    fn verbal(
        &self,
        h: &Hit,
        area: Span,
        prev_source: Option<usize>,
        speaker: Option<usize>,
    ) -> (Vec<usize>, Vec<usize>) {
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
        let src = src.map(|i| self.with_coordinated(i, area)).unwrap_or_default();
        let tgt = tgt.map(|i| self.with_coordinated(i, area)).unwrap_or_default();
        (src, tgt)
    }

    /// Source and target of a nominal event.
    fn nominal(&self, at: Span, area: Span) -> (Vec<usize>, Vec<usize>) {
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

#[cfg(test)]
mod tests;
