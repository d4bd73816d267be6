//! The article's attributions in output form: the learned tagger's
//! (casus-attrib) first, then the rules' quotes (casus-coder) that say
//! something the tagger did not find. A speaker is the source's words,
//! with the actor of the mention inside them when the actor stage knows
//! it (through coreference for "she", "the senator").

use crate::annotate::{mention_part, words};
use crate::Resources;
use casus_actors::{Found, Kind};
use casus_attrib::Attribution;
use casus_coder::{Coded, QuoteFound};
use casus_core::{starting_in, CharMap, Part, Quote, Span};

/// The mentions inside a source's words.
fn inside(found: &[Found], source: Span) -> Vec<usize> {
    starting_in(found, |f| f.span.start, source.start, source.end)
        .filter(|&i| found[i].span.end <= source.end)
        .collect()
}

/// The mention a source names, of those `inside` it: the first person,
/// organisation or armed group, else the first with an actor, else any.
fn speaker_mention(found: &[Found], inside: &[usize]) -> Option<usize> {
    let who = |i: &&usize| {
        matches!(
            found[**i].kind,
            Kind::Person | Kind::Organisation | Kind::ArmedGroup
        )
    };
    inside
        .iter()
        .find(who)
        .or_else(|| inside.iter().find(|&&i| found[i].actor.is_some()))
        .or(inside.first())
        .copied()
}

/// Where the tagger saw no source, the coder's: the source of the act
/// its cue names, else of the last act before the cue in its sentence
/// ("X mocked the plan, saying ...": X).
fn coder_source(a: &Attribution, coded: &[Coded], found: &[Found]) -> Option<Span> {
    let near = &coded[starting_in(
        coded,
        |e| e.trigger.start,
        a.cue.start.saturating_sub(400),
        a.cue.end,
    )];
    let source = |e: &Coded| e.source_span.or(e.source.map(|i| found[i].span));
    near.iter()
        .find(|e| e.trigger.start < a.cue.end && a.cue.start < e.trigger.end)
        .and_then(source)
        .or_else(|| {
            near.iter()
                .filter(|e| e.sentence.start <= a.cue.start && a.cue.end <= e.sentence.end)
                .filter(|e| e.trigger.end <= a.cue.start)
                .filter_map(source)
                .rfind(|s| s.end <= a.cue.start)
        })
}

/// What a speaker is looked for in besides the tagger's words.
struct Ctx<'a> {
    coded: &'a [Coded],
    found: &'a [Found],
    sentences: &'a [Span],
}

/// A quote and the first mentions (coreference's chain roots) of the
/// mentions in its speaker's words, for the article-local numbers.
type Keyed = (Quote, Vec<Span>);

fn root(f: &Found) -> Span {
    f.antecedent.unwrap_or(f.span)
}

/// The last resort: the actor named just before the cue in its sentence
/// ("the ministry also said"), or for a participle after a comma ("...,
/// saying") the sentence's first actor.
fn subject_before(a: &Attribution, sentences: &[Span], found: &[Found], text: &str) -> Option<Span> {
    let k = sentences.partition_point(|s| s.end <= a.cue.start);
    let s = sentences.get(k).filter(|s| s.start <= a.cue.start)?;
    let who = |f: &&Found| {
        f.span.end <= a.cue.start
            && matches!(
                f.kind,
                Kind::Person
                    | Kind::Organisation
                    | Kind::ArmedGroup
                    | Kind::Igo
                    | Kind::Group
                    | Kind::Pronoun
                    | Kind::Country
            )
    };
    let mut before = found[starting_in(found, |f| f.span.start, s.start, a.cue.start)]
        .iter()
        .filter(who);
    let participle =
        a.cue.slice(text).ends_with("ing") && text[s.start..a.cue.start].trim_end().ends_with(',');
    if participle {
        before.next().map(|f| f.span)
    } else {
        before
            .next_back()
            .filter(|f| text[f.span.end..a.cue.start].split_whitespace().count() <= 2)
            .map(|f| f.span)
    }
}

fn from_attribution(a: &Attribution, ctx: &Ctx, text: &str, map: &CharMap) -> Keyed {
    let (coded, found, sentences) = (ctx.coded, ctx.found, ctx.sentences);
    let source = a
        .source
        .first()
        .map(|&first| Span::new(first.start, a.source.last().map_or(first.end, |l| l.end)))
        .or_else(|| coder_source(a, coded, found))
        .or_else(|| subject_before(a, sentences, found, text));
    let source = source.map(|span| trim(text, span)).filter(|s| !s.is_empty());
    let mentions = source.map_or_else(Vec::new, |span| inside(found, span));
    let mention = speaker_mention(found, &mentions);
    let speaker = source.map(|span| Part {
        span: map.span(span),
        text: span.slice(text).to_string(),
        actor: mention.and_then(|i| found[i].actor.clone()),
        kind: None,
    });
    // The speaker's first mentions; its words where no mention covers it.
    let key: Vec<Span> = match source {
        Some(span) if mentions.is_empty() => vec![span],
        _ => mentions.iter().map(|&i| root(&found[i])).collect(),
    };
    let q = Quote {
        speaker,
        speaker_id: None,
        cue: Some(words(a.cue, text, map)),
        content: words(a.content_extent(), text, map),
        parts: if a.content.len() > 1 {
            a.content.iter().map(|&s| words(s, text, map)).collect()
        } else {
            Vec::new()
        },
        direct: a.is_direct(text),
        kind: Some(a.kind.as_str().to_string()),
    };
    (q, key)
}

/// A speaker's words without the punctuation around them (a closing
/// quotation mark or a comma the parse left in).
fn trim(text: &str, s: Span) -> Span {
    let junk =
        |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | ',' | ';' | ':' | '—' | '-' | '(' | ')');
    let t = s.slice(text);
    let lead = t.len() - t.trim_start_matches(junk).len();
    let kept = t.trim_matches(junk);
    Span::new(s.start + lead, s.start + lead + kept.len())
}

fn from_rules(q: &QuoteFound, found: &[Found], text: &str, map: &CharMap) -> Keyed {
    let quote = Quote {
        speaker: q.speaker.map(|i| mention_part(&found[i], text, map)),
        speaker_id: None,
        cue: q.cue.map(|c| words(c, text, map)),
        content: words(q.content, text, map),
        parts: Vec::new(),
        direct: q.direct,
        kind: Some("statement".into()),
    };
    (quote, q.speaker.map(|i| root(&found[i])).into_iter().collect())
}

/// Numbers the speakers: quotes whose speakers' words share a first
/// mention (or, where no mention covers them, the same wording, case
/// aside) share a number.
fn number_speakers(text: &str, quotes: &mut [Keyed]) {
    let mut seen: Vec<(Vec<String>, usize)> = Vec::new();
    let mut speakers = 0;
    for (q, keys) in quotes.iter_mut() {
        if keys.is_empty() {
            continue;
        }
        let names: Vec<String> = keys.iter().map(|k| k.slice(text).to_lowercase()).collect();
        let known = seen
            .iter()
            .find(|(n, _)| n.iter().any(|x| names.contains(x)))
            .map(|s| s.1);
        let id = known.unwrap_or_else(|| {
            speakers += 1;
            speakers
        });
        seen.push((names, id));
        q.speaker_id = Some(id);
    }
}

/// Every quote of the text, in reading order.
pub(crate) fn quotes(
    res: &Resources,
    text: &str,
    sentences: &[Span],
    found: &[Found],
    coded: &[Coded],
    map: &CharMap,
) -> Vec<Quote> {
    let learned = res.attributor.find(text, sentences);
    let ctx = Ctx {
        coded,
        found,
        sentences,
    };
    let mut taken: Vec<Span> = learned.iter().map(Attribution::content_extent).collect();
    taken.sort_by_key(|s| s.start);
    let overlaps = |s: Span| {
        let k = taken.partition_point(|t| t.start < s.end);
        taken[..k].iter().rev().take(8).any(|t| s.start < t.end)
    };
    let mut out: Vec<(usize, Keyed)> = learned
        .iter()
        .map(|a| (a.content_extent().start, from_attribution(a, &ctx, text, map)))
        .collect();
    out.extend(
        res.coder
            .quotes(text, sentences, found, coded)
            .iter()
            .filter(|q| !overlaps(q.content))
            .map(|q| (q.content.start, from_rules(q, found, text, map))),
    );
    out.sort_by_key(|(at, _)| *at);
    let mut keyed: Vec<Keyed> = out.into_iter().map(|(_, q)| q).collect();
    number_speakers(text, &mut keyed);
    keyed.into_iter().map(|(q, _)| q).collect()
}
