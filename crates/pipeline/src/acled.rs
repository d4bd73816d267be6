//! ACLED typing in the pipeline: each coded event gets its ACLED type,
//! its weapon or means, its actors' ACLED types and its fatalities; a
//! sentence in which nothing was coded can make an event of its own (a
//! flood, a riot, "two civilians were killed").

use crate::annotate::words;
use crate::toponyms::Toponym;
use crate::Resources;
use casus_acled::{fatalities, interaction, Facts, Hit, Typing};
use casus_actors::Found;
use casus_coder::{penta_class, quad_class, Coded};
use casus_core::{AcledCoding, CharMap, Event, Fatalities, Location, Part, Plover, Span};
use casus_resolve::Time;

/// The ACLED actor type of a coded event's source or target.
fn inter(res: &Resources, found: &[Found], text: &str, i: Option<usize>, target: bool) -> Option<u8> {
    let f = &found[i?];
    res.acled
        .actor_type(f.span.slice(text), f.kind.as_str(), f.actor.as_ref(), target)
}

/// Fills `ev` (the output form of `e`) with its ACLED coding; `hits` are
/// the word classes of its sentence. Says whether a rule spoke of the
/// event (even one that did not happen, which gets no type).
pub(crate) fn code(
    res: &Resources,
    e: &Coded,
    found: &[Found],
    text: &str,
    map: &CharMap,
    hits: &[Hit],
    ev: &mut Event,
) -> bool {
    let (source, target) = (
        inter(res, found, text, e.source, false),
        inter(res, found, text, e.target, true),
    );
    let facts = Facts {
        cameo: Some(&e.info.code),
        trigger: Some(e.trigger),
        source,
        target,
    };
    let typing = res.acled.type_of(&facts, hits);
    // Force of any kind has a means: violence, riots, coercion (arson
    // is property destruction by fire).
    let violent = matches!(&e.info.code[..2], "17" | "18" | "19" | "20") || e.info.code.starts_with("145");
    if violent || typing.is_some_and(|t| t.sub.counts_fatalities()) {
        set_mode(res, hits, e.trigger, text, map, ev);
    }
    // ACLED counts what happened: a negated, intended, threatened or
    // hypothetical act has no ACLED type ("no arrests were made").
    if let Some(t) = typing.filter(|_| e.modality == casus_coder::Modality::Asserted) {
        apply(t, e.sentence, source, target, text, map, ev);
    }
    typing.is_some()
}

/// The weapon or means nearest the trigger, with its words, as the
/// event's PLOVER mode (the CAMEO code's stays where the words name none).
fn set_mode(res: &Resources, hits: &[Hit], trigger: Span, text: &str, map: &CharMap, ev: &mut Event) {
    if let Some((mode, span)) = res.acled.mode(hits, trigger) {
        ev.plover.mode = Some(mode.to_string());
        ev.plover.mode_words = Some(words(span, text, map));
    }
}

fn apply(
    t: Typing,
    sentence: Span,
    source: Option<u8>,
    target: Option<u8>,
    text: &str,
    map: &CharMap,
    ev: &mut Event,
) {
    ev.acled = Some(AcledCoding {
        event_type: t.sub.event_type.clone(),
        sub_event_type: t.sub.sub_event_type.clone(),
        disorder_type: t.sub.disorder_type.clone(),
        cue: t.cue.map(|c| words(c, text, map)),
        inter1: source,
        inter2: target,
        interaction: interaction(source, target),
    });
    if t.sub.counts_fatalities() {
        ev.fatalities = fatalities::find(text, sentence).map(|c| Fatalities {
            count: c.count,
            qualifier: c.qualifier,
            span: map.span(c.span),
            text: c.span.slice(text).to_string(),
        });
    }
}

/// What an event made from a sentence alone needs of the rest of the
/// article.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub map: &'a CharMap,
    pub places: &'a [Toponym],
    pub focus: Option<&'a Location>,
    pub published: Option<String>,
}

/// Events for the sentences in which no coded event has an ACLED type
/// (none was coded, or only a statement: "..., police said") but an
/// ACLED rule with `cameo:-` holds: the trigger is the rule's cue.
/// `typed[k]` says whether a rule spoke of an event of sentence `k`.
pub(crate) fn uncoded(
    res: &Resources,
    sentences: &[Span],
    hits: &[Vec<Hit>],
    times: &[Vec<Time>],
    typed: &[bool],
    cx: &Context,
) -> Vec<Event> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        if typed[k] {
            continue;
        }
        let facts = Facts::default();
        let Some(t) = res.acled.type_of(&facts, &hits[k]) else {
            continue;
        };
        let Some(cue) = t.cue else { continue };
        let code = t.rule.cameo.clone();
        let info = (!code.is_empty()).then(|| res.coder.table().get(&code)).flatten();
        let root = code.get(..2).unwrap_or("").to_string();
        let trigger = Part {
            span: cx.map.span(cue),
            text: cue.slice(cx.text).to_string(),
            actor: None,
            kind: None,
        };
        let mut ev = Event {
            sentence: cx.map.span(*s),
            trigger,
            source: None,
            target: None,
            quad_class: if root.is_empty() { 0 } else { quad_class(&root) },
            penta_class: if root.is_empty() { 0 } else { penta_class(&root) },
            goldstein: info.map_or(0.0, |i| i.goldstein),
            plover: info.map_or_else(Plover::default, |i| i.plover.clone()),
            cameo: code,
            root,
            acled: None,
            fatalities: None,
            modality: "asserted".into(),
            date: None,
            date_from: None,
            location: None,
            // A rule read the words, no model weighed them.
            confidence: 0.5,
            count: None,
            quote: None,
        };
        if t.sub.counts_fatalities() {
            set_mode(res, &hits[k], cue, cx.text, cx.map, &mut ev);
        }
        apply(t, *s, None, None, cx.text, cx.map, &mut ev);
        // The first point in time of the sentence dates it, else the
        // publication date.
        match times[k].iter().find(|t| t.dates_an_event() && t.value.is_some()) {
            Some(t) => {
                ev.date = crate::annotate::date_of(t);
                ev.date_from = Some("text".into());
            }
            None => {
                ev.date = cx.published.clone();
                ev.date_from = ev.date.as_ref().map(|_| "published".into());
            }
        }
        let here = cx.places[casus_core::starting_in(cx.places, |p| p.span.start, s.start, s.end)]
            .iter()
            .find(|p| p.span.end <= s.end && p.use_ == "literal");
        ev.location = here
            .map(|p| crate::annotate::location(&p.place, "sentence"))
            .or_else(|| cx.focus.cloned());
        out.push(ev);
    }
    out
}
