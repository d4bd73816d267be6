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
use crate::lexicon::{Class, Hit, Lexicon};
use crate::modality::{modality, Modality};
use crate::relevance::Relevance;
use crate::sides::{SideInput, SideTagger};
use casus_actors::{Found, Kind};
use casus_core::Span;
use casus_nlp::{TokenKind, Tokenizer};
use casus_syntax::Syntax;
use std::sync::Arc;

/// Sentences longer than this many tokens are not parsed.
const MAX_PARSED: usize = 200;

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
    /// The words of the source's and the target's whole phrases where the
    /// parse gives them ("a Danish court" for the mention "Danish court");
    /// a target that is no actor ("residential areas") has only these.
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    /// The bytes of the trigger verb's own clause in the parse (its
    /// words and theirs, not the clauses hanging on them): the time
    /// expression inside it governs the act.
    pub clause: Option<Span>,
    /// How many clauses down the trigger hangs below the sentence's main
    /// verb in the parse (0: the main clause, or no parse): "postponed the
    /// talks after rebels shelled the depot" puts "shelled" at 1.
    pub depth: u8,
}

#[derive(Debug, Clone)]
pub struct Coder {
    table: CodeTable,
    pub(crate) lexicon: Lexicon,
    tokenizer: Tokenizer,
    classifier: Classifier,
    relevance: Relevance,
    syntax: Arc<Syntax>,
    sides: Option<SideTagger>,
}

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
            relevance: Relevance::builtin(),
            syntax: Arc::new(Syntax::builtin()),
            sides: Some(SideTagger::builtin()),
        }
    }

    /// The same coder with other PentaClass weights.
    pub fn with_classifier(self, classifier: Classifier) -> Self {
        Coder { classifier, ..self }
    }

    /// The same coder with another relevance model.
    pub fn with_relevance(self, relevance: Relevance) -> Self {
        Coder { relevance, ..self }
    }

    /// How likely `text` is to report political or conflict events.
    pub fn relevance(&self, text: &str) -> f32 {
        self.relevance.score(text)
    }

    /// The hashed features of `sentence` given the events coded in the
    /// text (in the order [`Coder::code`] gives them: by position).
    pub fn features(&self, text: &str, sentence: Span, events: &[Coded]) -> Vec<u32> {
        let toks = self.tokenizer.tokens(text, sentence);
        let run = casus_core::starting_in(events, |e| e.sentence.start, sentence.start, sentence.end);
        let here: Vec<&Coded> = events[run]
            .iter()
            .filter(|e| e.sentence.end <= sentence.end)
            .collect();
        features(text, &toks, &here)
    }

    /// The PentaClass of `sentence` and its probability, from the learned
    /// model over its words and the events coded in it.
    pub fn sentence_class(&self, text: &str, sentence: Span, events: &[Coded]) -> (u8, f32) {
        self.classifier.predict(&self.features(text, sentence, events))
    }

    /// The learned model's class probabilities for every sentence, and
    /// each event's rule-based confidence blended with the probability of
    /// the event's PentaClass in its sentence: an airstrike in a sentence
    /// the model reads as material conflict is surer than one in a sentence
    /// it reads as a statement. Kept apart from [`Coder::code`] so that
    /// training features never depend on a previous model.
    pub fn calibrate(&self, text: &str, sentences: &[Span], events: &mut [Coded]) -> Vec<[f32; 5]> {
        let probs: Vec<[f32; 5]> = sentences
            .iter()
            .map(|s| self.class_probabilities(text, *s, events))
            .collect();
        for e in events.iter_mut() {
            let k = sentences.partition_point(|s| s.start < e.sentence.start);
            let Some(p) = probs.get(k).filter(|_| sentences[k] == e.sentence) else {
                continue;
            };
            e.confidence = blend(e.confidence, p[penta_class(&e.info.code[..2]) as usize]);
        }
        probs
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
            // A document over its time budget stops here; the pipeline
            // reports it as such (`casus_core::deadline`).
            if casus_core::deadline::passed() {
                break;
            }
            let here = out.len();
            let toks = self.tokenizer.tokens(text, *s);
            // `found` is sorted: the sentence's mentions are one run of it.
            let first = found.partition_point(|f| f.span.start < s.start);
            let ms: Vec<usize> = (first..found.len())
                .take_while(|&i| found[i].span.start < s.end)
                .filter(|&i| found[i].span.end <= s.end)
                .collect();
            let hits: Vec<Hit> = self
                .lexicon
                .find(text, *s)
                .into_iter()
                // A trigger inside a name is part of the name ("Strike
                // Force Nine"); a pronoun inside a trigger is not ("opened
                // its borders", "lay down their arms"), nor a common noun
                // after its verb ("strengthened its forces", "deployed
                // troops"; a reporting verb's listeners stay out: "told
                // reporters" is "told", as its quote's cue is).
                .filter(|h| {
                    !ms.iter().any(|&i| {
                        let object = matches!(found[i].kind, Kind::Pronoun)
                            || (found[i].kind == Kind::Group
                                && found[i].span.start > h.span.start
                                && h.trigger.class != Class::Speech);
                        !object && found[i].span.start < h.span.end && h.span.start < found[i].span.end
                    })
                })
                .collect();
            let triggers: Vec<Span> = hits.iter().map(|h| h.span).collect();
            // Parse only sentences with an act to code, and of a length
            // prose has: a run-on "sentence" of glued page text keeps to
            // the window rules (reading roles off a tree is quadratic).
            let parsed = (toks.len() <= MAX_PARSED && hits.iter().any(|h| h.trigger.class != Class::Speech))
                .then(|| Tree::new(&self.syntax, text, &toks));
            let ctx = Sentence {
                tree: parsed.as_ref(),
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
                // The phrases of a verb's arguments in the parse.
                let mut phrases: (Option<Span>, Option<Span>) = (None, None);
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
                    let args = ctx.verbal(h, area, prev_source, speaker);
                    // The trigger's own words are not its target
                    // ("strengthened its forces").
                    let inside = |sp: Span| h.span.start <= sp.start && sp.end <= h.span.end;
                    phrases = (args.source_phrase, args.target_phrase.filter(|p| !inside(*p)));
                    let (src, mut tgt) = (args.sources, args.targets);
                    tgt.retain(|&i| !inside(found[i].span));
                    // A threat in reported speech with no one named is
                    // against whoever attacked last.
                    if tgt.is_empty() && region.is_some() && h.trigger.code.starts_with("13") {
                        tgt.extend(last_attacker.filter(|a| !src.contains(a)));
                    }
                    // "The US and China signed an agreement": a joint act
                    // of cooperation with no one else named is each side's
                    // towards the other (CAMEO's practice for meetings).
                    if tgt.is_empty() && src.len() > 1 && joint(&info.code) {
                        tgt = src.clone();
                    }
                    prev_source = src.first().copied().or(prev_source);
                    (src, tgt, 0.45)
                };
                // An act with neither side found is kept, less sure: the
                // words still say what happened ("Shelling killed four").
                let alone = sources.is_empty() && targets.is_empty();
                let penta = penta_class(&info.code[..2]);
                let mut before: Vec<String> = toks
                    .iter()
                    .filter(|t| t.span.start >= area.start && t.span.end <= h.span.start)
                    .map(|t| t.text(text).to_lowercase())
                    .collect();
                // The clause: back to the last comma, semicolon, quote or
                // word that opens a clause of its own ("the weapons that
                // were seized": "will" before "that" is not the seizure's).
                if let Some(k) = before.iter().rposition(|w| CLAUSE_START.contains(&w.as_str())) {
                    before.drain(..=k);
                }
                let before: Vec<&str> = before.iter().map(String::as_str).collect();
                // A verb's modality comes from the words that govern it in
                // the parse (its auxiliaries, negation, "if", and the verbs
                // it depends on: "refused to release"); the clause's words
                // where there is no parse.
                // The trigger's word in the parse, once.
                let at = parsed
                    .as_ref()
                    .and_then(|t| t.token_at(h.span.start).map(|v| (t, v)));
                let verb = at.filter(|_| !nominal);
                let governing = verb.map(|(t, v)| t.governing(v, text));
                let clause = verb.map(|(t, v)| t.clause(v));
                let depth = at.map_or(0, |(t, v)| t.depth(v, text));
                let scope: Vec<&str> = match &governing {
                    Some(g) => g.iter().map(String::as_str).collect(),
                    None => before.clone(),
                };
                let mut m = modality(&scope, penta == 4 || info.code.starts_with("13"));
                let count = if nominal { count_before(&before) } else { None };
                let mut info = info;
                if h.trigger.class != Class::Judge && !nominal {
                    // CAMEO's conventions for cooperation that is promised,
                    // refused or demanded (03x, 12x, 10x).
                    if let Some(code) = convention(&info.code, m, &scope) {
                        if let Some(t) = self.table.get(code) {
                            info = t.clone();
                        }
                    }
                }
                // A conflict announced for the future is a threat (CAMEO 13):
                // "will take necessary actions", "would boycott".
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
                    - if h.trigger.ambiguous { 0.1 } else { 0.0 }
                    - if alone { 0.15 } else { 0.0 };
                // A side's words: the argument's whole phrase when the actor
                // is named inside it ("a column of Islamic State fighters"),
                // else the actor's own phrase; a side with no actor keeps
                // the argument's phrase (a thing or a place).
                let words = |i: Option<usize>, first: Option<&usize>, phrase: Option<Span>| match i {
                    Some(i) => Some(
                        phrase
                            .filter(|p| {
                                Some(&i) == first
                                    && p.start <= found[i].span.start
                                    && found[i].span.end <= p.end
                            })
                            .unwrap_or_else(|| ctx.phrase_of(i)),
                    ),
                    None => phrase,
                };
                for_pairs(&sources, &targets, |src, tgt| {
                    out.push(Coded {
                        sentence: *s,
                        trigger: h.span,
                        source: src,
                        target: tgt,
                        source_span: words(src, sources.first(), phrases.0),
                        target_span: words(tgt, targets.first(), phrases.1),
                        info: info.clone(),
                        modality: m,
                        confidence: confidence.clamp(0.05, 0.95),
                        count,
                        speech: false,
                        nominal,
                        clause,
                        depth,
                    });
                });
                if penta == 4 && m == Modality::Asserted {
                    last_attacker = sources.first().copied().or(last_attacker);
                }
            }
            if let (Some(sides), Some(tree)) = (&self.sides, &parsed) {
                apply_sides(sides, text, &toks, tree, found, &mut out[here..]);
            }
        }
        out.sort_by_key(|c| (c.trigger.start, c.source, c.target));
        out
    }

    /// The side tagger's input for `sentence` given the events coded in
    /// it (for training `casus train sides`); `None` without an event.
    pub fn side_input(
        &self,
        text: &str,
        sentence: Span,
        found: &[Found],
        events: &[Coded],
    ) -> Option<SideInput> {
        let here: Vec<&Coded> = events
            .iter()
            .filter(|e| e.sentence.start >= sentence.start && e.sentence.end <= sentence.end)
            .collect();
        let main = main_event(here.iter().copied())?;
        let toks = self.tokenizer.tokens(text, sentence);
        let tree = Tree::new(&self.syntax, text, &toks);
        side_input::side_input(text, &toks, &tree, main, found)
    }

    /// The same coder with another side tagger (`None`: the rules'
    /// phrases alone).
    pub fn with_sides(self, sides: Option<SideTagger>) -> Self {
        Coder { sides, ..self }
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
            source_span: Some(ctx.phrase_of(src)),
            target_span: target.map(|i| ctx.phrase_of(i)),
            clause: ctx
                .tree
                .and_then(|t| t.token_at(h.span.start).map(|v| t.clause(v))),
            depth: ctx
                .tree
                .and_then(|t| t.token_at(h.span.start).map(|v| t.depth(v, ctx.text)))
                .unwrap_or(0),
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

/// An event's confidence given the rules' confidence and the learned
/// model's probability of the event's class in its sentence (equal
/// weights: 0.3–0.85 for the model changed the cross-validated figure by
/// less than 0.003).
pub fn blend(rules: f64, model: f32) -> f64 {
    (0.5 * rules + 0.5 * model as f64).clamp(0.01, 0.99)
}

/// What each clause down costs an event in the choice of a sentence's main
/// one: more than any difference of confidence, so that the main clause's
/// act wins ("the mayor postponed the talks after rebels shelled the
/// depot" is about the postponing). On the dev data this moved the main
/// event's PLOVER category from 65.8% to 68.3%.
const DEPTH_COST: f64 = 1.0;

/// The event a sentence is mostly about: the act of the main clause, the
/// surest there (a statement only when nothing else is said), the first on
/// ties.
pub fn main_event<'a>(events: impl IntoIterator<Item = &'a Coded>) -> Option<&'a Coded> {
    // A verb outranks a noun (the noun is usually its object: "refused
    // to commit to any assistance"); an earlier trigger a later one.
    let score = |e: &Coded, k: usize| {
        e.confidence + if e.nominal { 0.0 } else { 0.3 } - 0.02 * k as f64 - DEPTH_COST * f64::from(e.depth)
    };
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

mod apply_sides;
mod conventions;
mod roles;
mod sentence;
mod side_input;
mod tree;
use apply_sides::apply_sides;
use conventions::{convention, joint, CLAUSE_START};
pub use sentence::LOCATIVE;
use sentence::{is_noun, Sentence};
use tree::Tree;

#[cfg(test)]
mod shapes;
#[cfg(test)]
mod tests;
