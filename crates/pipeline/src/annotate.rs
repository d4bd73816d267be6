//! The language stages on one article's text: actors, events, quotes,
//! claims and times, in output form (code-point spans).

use crate::toponyms;
use crate::Resources;
use casus_actors::{Found, Kind};
use casus_coder::{penta_class, quad_class, Coded};
use casus_core::{
    CharMap, Claim, Event, Location, Mention, Part, PlaceRef, Quote, SentenceClass, Span, TimeRef, Words,
};
use casus_resolve::{find_claims, parse_date, Place, Time};

/// Everything the language stages say about one text.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub relevance: Option<f32>,
    pub sentence_classes: Vec<SentenceClass>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub times: Vec<TimeRef>,
    pub places: Vec<PlaceRef>,
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
    let classes = res.coder.calibrate(text, sentences, &mut coded);
    let times: Vec<Vec<Time>> = res.times.find_all(text, sentences, pub_date);
    let claims = sentences
        .iter()
        .zip(&times)
        .flat_map(|(s, t)| find_claims(text, *s, t, pub_date, &res.claim_units))
        .map(|c| {
            // The target of the event the counted things belong to: the
            // counted noun itself, else the verb just before it.
            // Events are in order of their triggers: look only at those
            // whose trigger starts within reach of the count.
            let near = casus_core::starting_in(
                &coded,
                |e| e.trigger.start,
                c.span.start.saturating_sub(60),
                c.span.end,
            );
            let subject = coded[near]
                .iter()
                .filter(|e| {
                    e.target.is_some() && e.sentence.start <= c.span.start && c.span.end <= e.sentence.end
                })
                .filter(|e| e.trigger.end <= c.span.end && c.span.start.saturating_sub(e.trigger.start) < 60)
                .max_by_key(|e| e.trigger.start)
                .and_then(|e| e.target)
                .map(|i| mention_part(&found[i], text, map));
            Claim {
                span: map.span(c.span),
                text: c.span.slice(text).to_string(),
                quantity: c.quantity,
                unit: c.unit,
                kind: c.kind,
                qualifier: c.qualifier,
                subject,
                from: c.from.map(|d| d.to_string()),
                to: c.to.map(|d| d.to_string()),
            }
        })
        .collect();
    let quotes = crate::quotes::quotes(res, text, sentences, &found, &coded, map);
    let countries = crate::peoples::countries_by_mentions(&found);
    let mut places = match &res.gazetteer {
        Some(g) => {
            let mut places = crate::datelines::dateline_places(g, text, sentences, &countries);
            for p in toponyms::find_places(g, text, &found, &countries) {
                if !places
                    .iter()
                    .any(|d| d.span.start < p.span.end && p.span.start < d.span.end)
                {
                    places.push(p);
                }
            }
            let peoples = crate::peoples::peoples(text, &found, &places);
            crate::coherence::cohere(g, text, &peoples, &mut places);
            crate::local::add_local_names(g, text, &found, &mut places);
            crate::local::add_county_lists(g, text, &countries, &mut places);
            crate::local::add_party_places(g, text, &mut places);
            crate::local::add_sentence_openers(g, text, sentences, &found, &countries, &mut places);
            crate::discourse::spread(text, &found, &mut places);
            crate::features::add_features(text, &mut places);
            places
        }
        None => Vec::new(),
    };
    // A name that is a time is no place: "at Christmas", "by Easter".
    places.retain(|p| {
        !times
            .iter()
            .flatten()
            .any(|t| t.span.start <= p.span.start && p.span.end <= t.span.end)
    });
    places.sort_by_key(|p| p.span.start);
    let focus = toponyms::article_focus(&places, &countries, res.gazetteer.as_deref());
    let focus_location = focus.as_ref().map(|p| location(p, "article"));
    // The ACLED word classes of every sentence, read once.
    let hits: Vec<Vec<casus_acled::Hit>> = sentences.iter().map(|s| res.acled.read(text, *s)).collect();
    let mut typed = vec![false; sentences.len()];
    let mut events: Vec<Event> = coded
        .iter()
        .map(|e| {
            let mut ev = to_event(e, &found, text, map);
            // A statement points at what was said: the quote its trigger cues.
            if e.speech {
                let t = ev.trigger.span;
                ev.quote = quotes.iter().position(|q: &Quote| {
                    q.cue
                        .as_ref()
                        .is_some_and(|c| c.span[0] < t[1] && t[0] < c.span[1])
                });
            }
            ev.location = toponyms::event_place(e, &places)
                .map(|p| location(p, "sentence"))
                .or_else(|| focus_location.clone());
            let k = sentences.partition_point(|s| s.start < e.sentence.start);
            let own = sentences.get(k) == Some(&e.sentence);
            let here = if own { &times[k][..] } else { &[][..] };
            if own && crate::acled::code(res, e, &found, text, map, &hits[k], &mut ev) {
                typed[k] = true;
            }
            match event_time(e, &coded, here) {
                // The governing expression needs a publication date the
                // article does not have: the event has no date.
                Some(t) if t.value.is_none() => {}
                Some(t) => {
                    ev.date = date_of(t);
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
    let cx = crate::acled::Context {
        text,
        map,
        places: &places,
        focus: focus_location.as_ref(),
        published: pub_date.map(|d| d.to_string()),
    };
    let extra = crate::acled::uncoded(res, sentences, &hits, &times, &typed, &cx);
    if !extra.is_empty() {
        events.extend(extra);
        events.sort_by_key(|e| (e.sentence[0], e.trigger.span[0]));
    }
    Annotations {
        relevance: Some((res.coder.relevance(text) * 1000.0).round() / 1000.0),
        sentence_classes: classes
            .into_iter()
            .map(|p| SentenceClass {
                penta_class: (0..5).fold(0, |b, c| if p[c] > p[b] { c } else { b }) as u8,
                probabilities: p.map(|v| (v * 1000.0).round() / 1000.0),
            })
            .collect(),
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
        places: places
            .iter()
            .map(|p| {
                let (admin1, admin2) = toponyms::areas(&p.place);
                PlaceRef {
                    span: map.span(p.span),
                    text: p.span.slice(text).to_string(),
                    name: p.place.name.clone(),
                    country: Some(p.place.country.clone()).filter(|c| !c.is_empty()),
                    lat: p.place.lat,
                    lon: p.place.lon,
                    geonameid: Some(p.place.geonameid).filter(|g| *g != 0),
                    kind: toponyms::kind_name(p.place.kind).to_string(),
                    admin1,
                    admin2,
                    use_: p.use_.to_string(),
                }
            })
            .collect(),
        times: times
            .into_iter()
            .flatten()
            .map(|t| TimeRef {
                span: map.span(t.span),
                text: t.span.slice(text).to_string(),
                kind: t.kind.as_str().to_string(),
                value: t.value,
                precision: t.precision.to_string(),
            })
            .collect(),
    }
}

pub(crate) fn location(p: &Place, from: &str) -> Location {
    let (admin1, admin2) = toponyms::areas(p);
    Location {
        admin1,
        admin2,
        name: p.name.clone(),
        country: Some(p.country.clone()).filter(|c| !c.is_empty()),
        lat: Some(p.lat),
        lon: Some(p.lon),
        geonameid: Some(p.geonameid).filter(|g| *g != 0),
        from: Some(from.to_string()),
    }
}

/// The time expression that governs an event: the nearest point in time
/// inside the trigger's own clause where the parse gives one ("said on
/// Friday that troops attacked on Tuesday": the attack is Tuesday's, the
/// statement Friday's); failing that, the nearest in its sentence that is
/// not inside another act's clause ("denied that troops shelled the town
/// on Monday": Monday is the shelling's, not the denial's). "Since ..."
/// ranges, durations, sets and vague references date no act.
fn event_time<'a>(e: &Coded, all: &[Coded], times: &'a [Time]) -> Option<&'a Time> {
    let inside = |t: &Time, c: Span| c.start <= t.span.start && t.span.end <= c.end;
    let dating = || {
        times
            .iter()
            .filter(|t| t.dates_an_event())
            // A year before 1900 is history cited, not the day of a news event.
            .filter(|t| t.from.is_none_or(|d| d >= casus_ingest::published::earliest()))
    };
    let nearest = |t: &&Time| t.span.start.abs_diff(e.trigger.start);
    // The clauses of the sentence's other acts, once (events are in the
    // order of their triggers).
    let others: Vec<Span> = all
        [casus_core::starting_in(all, |o| o.trigger.start, e.sentence.start, e.sentence.end)]
    .iter()
    .filter(|o| o.sentence == e.sentence && o.trigger != e.trigger)
    .filter_map(|o| o.clause)
    .filter(|c| {
        e.clause
            .is_none_or(|mine| !(c.start <= mine.start && mine.end <= c.end))
    })
    .collect();
    e.clause
        .and_then(|c| dating().filter(|t| inside(t, c)).min_by_key(nearest))
        .or_else(|| {
            dating()
                .filter(|t| !others.iter().any(|&c| inside(t, c)))
                .min_by_key(nearest)
        })
}

/// The date a time expression gives an act: a time of day dates it by
/// its day.
pub(crate) fn date_of(t: &Time) -> Option<String> {
    t.value
        .as_deref()
        .map(|v| v.split_once('T').map_or(v, |(day, _)| day).to_string())
}

pub(crate) fn words(span: Span, text: &str, map: &CharMap) -> Words {
    Words {
        span: map.span(span),
        text: span.slice(text).to_string(),
    }
}

/// A mention as a part of a record: its words and its actor.
pub(crate) fn mention_part(f: &Found, text: &str, map: &CharMap) -> Part {
    Part {
        span: map.span(f.span),
        text: f.span.slice(text).to_string(),
        actor: f.actor.clone(),
        kind: None,
    }
}

/// The output form of a coded event: code-point spans, actors attached.
fn to_event(e: &Coded, found: &[Found], text: &str, map: &CharMap) -> Event {
    // The phrase's words where the parse gave them, the mention's else;
    // a target that is no actor is typed: a place when a place is named
    // in it, else a thing.
    let part = |i: Option<usize>, phrase: Option<Span>| {
        let span = phrase.or(i.map(|i| found[i].span))?;
        let kind = i.is_none().then(|| {
            let place = found[casus_core::starting_in(found, |f| f.span.start, span.start, span.end)]
                .iter()
                .any(|f| matches!(f.kind, Kind::Place | Kind::Country) && f.span.end <= span.end);
            if place { "place" } else { "thing" }.to_string()
        });
        Some(Part {
            span: map.span(span),
            text: span.slice(text).to_string(),
            actor: i.and_then(|i| found[i].actor.clone()),
            kind,
        })
    };
    let root = e.info.code[..2].to_string();
    Event {
        sentence: map.span(e.sentence),
        trigger: Part {
            span: map.span(e.trigger),
            text: e.trigger.slice(text).to_string(),
            actor: None,
            kind: None,
        },
        source: part(e.source, e.source_span),
        target: part(e.target, e.target_span),
        cameo: e.info.code.clone(),
        quad_class: quad_class(&root),
        penta_class: penta_class(&root),
        root,
        goldstein: e.info.goldstein,
        plover: e.info.plover.clone(),
        acled: None,
        fatalities: None,
        modality: e.modality.as_str().to_string(),
        date: None,
        date_from: None,
        location: None,
        confidence: (e.confidence * 100.0).round() / 100.0,
        count: e.count,
        quote: None,
    }
}
