//! The language stages on one article's text: actors, events, quotes,
//! claims and times, in output form (code-point spans).

use crate::Resources;
use casus_actors::Found;
use casus_coder::{penta_class, quad_class, Coded, QuoteFound};
use casus_core::{CharMap, Claim, Event, Mention, Part, Quote, Span, TimeRef, Words};
use casus_resolve::{find_claims, find_times, parse_date, Time};

/// Everything the language stages say about one text.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub times: Vec<TimeRef>,
}

pub fn annotate(
    res: &Resources,
    text: &str,
    sentences: &[Span],
    published: Option<&str>,
    map: &CharMap,
) -> Annotations {
    let pub_date = published.and_then(parse_date);
    let found = res.actors.recognize(text, sentences, published);
    let mut coded = res.coder.code(text, sentences, &found);
    res.coder.calibrate(text, &mut coded);
    let times: Vec<Vec<Time>> = sentences.iter().map(|s| find_times(text, *s, pub_date)).collect();
    let claims = sentences
        .iter()
        .zip(&times)
        .flat_map(|(s, t)| find_claims(text, *s, t, pub_date, &res.claim_units))
        .map(|c| Claim {
            span: map.span(c.span),
            text: c.span.slice(text).to_string(),
            quantity: c.quantity,
            unit: c.unit,
            kind: c.kind,
            qualifier: c.qualifier,
            from: c.from.map(|d| d.to_string()),
            to: c.to.map(|d| d.to_string()),
        })
        .collect();
    let quotes = res
        .coder
        .quotes(text, sentences, &found, &coded)
        .iter()
        .map(|q| to_quote(q, &found, text, map))
        .collect();
    let events = coded
        .iter()
        .map(|e| {
            let mut ev = to_event(e, &found, text, map);
            let here = sentences
                .iter()
                .position(|s| *s == e.sentence)
                .map_or(&[][..], |k| &times[k][..]);
            match event_time(e, here) {
                Some(t) => {
                    ev.date = Some(t.value.clone());
                    ev.date_from = Some("text".into());
                }
                None => {
                    ev.date = pub_date.map(|d| d.to_string());
                    ev.date_from = ev.date.as_ref().map(|_| "published".into());
                }
            }
            ev
        })
        .collect();
    Annotations {
        mentions: found
            .iter()
            .map(|f| Mention {
                span: map.span(f.span),
                text: f.span.slice(text).to_string(),
                kind: f.kind.as_str().to_string(),
                actor: f.actor.clone(),
                backed_by: f.backed_by.clone(),
                refers_to: f.antecedent.map(|a| map.span(a)),
            })
            .collect(),
        events,
        quotes,
        claims,
        times: times
            .into_iter()
            .flatten()
            .map(|t| TimeRef {
                span: map.span(t.span),
                text: t.span.slice(text).to_string(),
                value: t.value,
                precision: t.precision.to_string(),
            })
            .collect(),
    }
}

/// The time expression that governs an event: the nearest point in time
/// in its sentence ("since ..." ranges and durations do not date an act).
fn event_time<'a>(e: &Coded, times: &'a [Time]) -> Option<&'a Time> {
    times
        .iter()
        .filter(|t| t.precision != "duration" && !t.since)
        .min_by_key(|t| t.span.start.abs_diff(e.trigger.start))
}

fn words(span: Span, text: &str, map: &CharMap) -> Words {
    Words {
        span: map.span(span),
        text: span.slice(text).to_string(),
    }
}

fn to_quote(q: &QuoteFound, found: &[Found], text: &str, map: &CharMap) -> Quote {
    Quote {
        speaker: q.speaker.map(|i| Part {
            span: map.span(found[i].span),
            text: found[i].span.slice(text).to_string(),
            actor: found[i].actor.clone(),
        }),
        cue: q.cue.map(|c| words(c, text, map)),
        content: words(q.content, text, map),
        direct: q.direct,
    }
}

/// The output form of a coded event: code-point spans, actors attached.
fn to_event(e: &Coded, found: &[Found], text: &str, map: &CharMap) -> Event {
    let part = |i: Option<usize>| {
        i.map(|i| Part {
            span: map.span(found[i].span),
            text: found[i].span.slice(text).to_string(),
            actor: found[i].actor.clone(),
        })
    };
    let root = e.info.code[..2].to_string();
    Event {
        sentence: map.span(e.sentence),
        trigger: Part {
            span: map.span(e.trigger),
            text: e.trigger.slice(text).to_string(),
            actor: None,
        },
        source: part(e.source),
        target: part(e.target),
        cameo: e.info.code.clone(),
        quad_class: quad_class(&root),
        penta_class: penta_class(&root),
        root,
        goldstein: e.info.goldstein,
        plover: e.info.plover.clone(),
        modality: e.modality.as_str().to_string(),
        date: None,
        date_from: None,
        location: None,
        confidence: (e.confidence * 100.0).round() / 100.0,
        count: e.count,
    }
}
