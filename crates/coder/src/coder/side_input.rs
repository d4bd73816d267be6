//! The learned side tagger's view of a sentence: per token, its words, its
//! parse relation to the main event's trigger, the rules' phrases and the
//! mentions (see `crate::sides`).

use super::tree::Tree;
use super::Coded;
use crate::sides::SideInput;
use casus_actors::Found;
use casus_learn::{fnv, mix_bucket};
use casus_nlp::Token;
use casus_syntax::norm_hash;

const BITS: u32 = 18;

pub(super) fn side_input(
    text: &str,
    toks: &[Token],
    tree: &Tree,
    main: &Coded,
    found: &[Found],
) -> Option<SideInput> {
    let v = tree.token_at(main.trigger.start)?;
    let n = toks.len();
    // Only the sentence's own mentions (`found` is sorted and holds the
    // whole article's).
    let (from, to) = match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => (a.span.start, b.span.end),
        _ => return None,
    };
    let first = found.partition_point(|f| f.span.start < from);
    let here: Vec<&Found> = found[first..].iter().take_while(|f| f.span.start < to).collect();
    let words: Vec<u64> = toks.iter().map(|t| norm_hash(t.text(text))).collect();
    let tags: Vec<u64> = tree.tags.iter().map(|t| fnv(&[t])).collect();
    let inside = |s: Option<casus_core::Span>, t: &Token| {
        u64::from(s.is_some_and(|s| s.start <= t.span.start && t.span.end <= s.end))
    };
    let mut input = SideInput {
        spans: toks.iter().map(|t| t.span).collect(),
        feats: Vec::with_capacity(n),
        paths: Vec::with_capacity(n),
    };
    for (i, t) in toks.iter().enumerate() {
        let path = if i == v {
            1
        } else {
            tree.path_to(i, v).map_or(2, |l| fnv(&[l]))
        };
        let (rel, dist) = match i.cmp(&v) {
            std::cmp::Ordering::Less => (1u64, (v - i).min(6) as u64),
            std::cmp::Ordering::Equal => (2, 0),
            std::cmp::Ordering::Greater => (3, (i - v).min(6) as u64),
        };
        let in_s = inside(main.source_span, t);
        let in_t = inside(main.target_span, t);
        let kind = here
            .iter()
            .find(|f| f.span.start <= t.span.start && t.span.end <= f.span.end)
            .map_or(3, |f| fnv(&[f.kind.as_str()]));
        let label = fnv(&[tree.labels[i]]);
        let w = words[i];
        let tg = tags[i];
        let before = |k: usize| if i >= k { tags[i - k] } else { 4 };
        let after = |k: usize| tags.get(i + k).copied().unwrap_or(5);
        let wb = if i > 0 { words[i - 1] } else { 4 };
        let wa = words.get(i + 1).copied().unwrap_or(5);
        let parts: [&[u64]; 17] = [
            &[0],
            &[1, w],
            &[2, tg],
            &[3, path],
            &[4, path, in_s, in_t],
            &[5, tg, path],
            &[6, label, path],
            &[7, rel, dist],
            &[8, kind, path],
            &[9, in_s, in_t, kind],
            &[10, tg, before(1)],
            &[11, tg, after(1)],
            &[12, w, path],
            &[13, wb],
            &[14, wa],
            &[15, rel, path, in_s, in_t],
            &[16, label, tg, in_s, in_t],
        ];
        input
            .feats
            .push(parts.iter().map(|p| mix_bucket(p, BITS)).collect());
        input.paths.push(path);
    }
    Some(input)
}
