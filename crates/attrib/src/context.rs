//! What the tagger reads of a paragraph, computed once per paragraph:
//! word hashes, cue hints, quotation-mark state, and for every word the
//! nearest cue hint on each side within its sentence.

use crate::cues::{pair, Cues};
use casus_core::Span;
use casus_learn::{mix, mix_bucket};
use casus_nlp::Token;
use casus_syntax::{norm_hash, shape_hash, suffix_hash};

pub(crate) const BITS: u32 = 18;
const NONE: u32 = u32::MAX;
const START: u64 = 1;
const END: u64 = 2;

/// Inside quotation marks, or a mark itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quoted {
    Out = 0,
    In = 1,
    Open = 2,
    Close = 3,
}

/// The first pass's labels, as the second pass reads them.
pub(crate) struct Stack {
    labels: Vec<u64>,
    /// The nearest word tagged as cue on each side, in the sentence.
    left: Vec<u32>,
    right: Vec<u32>,
    /// The roles tagged in each word's sentence (a bit per role).
    sentence_roles: Vec<u64>,
}

/// One paragraph's words (from one or more sentences).
pub(crate) struct Context {
    pub toks: Vec<Token>,
    /// The sentence of each word, counted within the paragraph.
    pub sent: Vec<u32>,
    norm: Vec<u64>,
    suf3: Vec<u64>,
    shape: Vec<u64>,
    /// The cue kind's code of a hinted word, else 0.
    cue: Vec<u64>,
    pub quoted: Vec<Quoted>,
    left: Vec<u32>,
    right: Vec<u32>,
    /// Whether another sentence of the paragraph has a cue hint.
    other_cue: Vec<bool>,
    /// Inside a quote: how far the nearest cue hint is after its closing
    /// mark and before its opening mark (buckets; 0 none or outside).
    quote_cue: Vec<(u64, u64)>,
    /// How many words follow each word in its sentence (bucket).
    tail: Vec<u64>,
    /// The paragraph before ends with a colon.
    lead: u64,
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// For each word, the nearest marked word before it and after it in its
/// sentence (`NONE` if there is none).
fn nearest(sent: &[u32], marked: impl Fn(usize) -> bool) -> (Vec<u32>, Vec<u32>) {
    let n = sent.len();
    let (mut left, mut right) = (vec![NONE; n], vec![NONE; n]);
    let mut last = NONE;
    for (i, l) in left.iter_mut().enumerate() {
        if i > 0 && sent[i] != sent[i - 1] {
            last = NONE;
        }
        *l = last;
        if marked(i) {
            last = i as u32;
        }
    }
    last = NONE;
    for (i, r) in right.iter_mut().enumerate().rev() {
        if i + 1 < n && sent[i] != sent[i + 1] {
            last = NONE;
        }
        *r = last;
        if marked(i) {
            last = i as u32;
        }
    }
    (left, right)
}

fn bucket(d: u32) -> u64 {
    match d {
        NONE => 0,
        0..=1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        9..=15 => 6,
        _ => 7,
    }
}

impl Context {
    /// `sentences` are the paragraph's sentences, each with its tokens.
    /// `lead`: the paragraph before ends with a colon.
    pub fn new(text: &str, sentences: &[Vec<Token>], cues: &Cues, lead: bool) -> Self {
        let toks: Vec<Token> = sentences.iter().flatten().copied().collect();
        let sent: Vec<u32> = sentences
            .iter()
            .enumerate()
            .flat_map(|(k, s)| std::iter::repeat_n(k as u32, s.len()))
            .collect();
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let norm: Vec<u64> = words.iter().map(|w| norm_hash(w)).collect();
        let mut cue = vec![0u64; toks.len()];
        for i in 0..toks.len() {
            if let Some(k) = cues.get(norm[i]) {
                cue[i] = k.code();
            }
            if i + 1 < toks.len() && sent[i] == sent[i + 1] {
                if let Some(k) = cues.get(pair(norm[i], norm[i + 1])) {
                    cue[i] = k.code();
                    cue[i + 1] = k.code();
                }
            }
        }
        // Quotation marks: curly ones open and close; a straight one
        // closes an open straight quote, else opens one.
        let mut quoted = Vec::with_capacity(toks.len());
        let mut depth = 0u32;
        let mut straight = false;
        for w in &words {
            let c = w.chars().next().unwrap_or(' ');
            let q = if w.chars().count() != 1 {
                None
            } else if is_open(c) {
                depth += 1;
                Some(Quoted::Open)
            } else if is_close(c) {
                depth = depth.saturating_sub(1);
                Some(Quoted::Close)
            } else if c == '"' {
                straight = !straight;
                Some(if straight { Quoted::Open } else { Quoted::Close })
            } else {
                None
            };
            quoted.push(q.unwrap_or(if depth > 0 || straight {
                Quoted::In
            } else {
                Quoted::Out
            }));
        }
        // Every opening mark reads as “ and every closing one as ”, so
        // that straight quotes and guillemets weigh as curly ones do.
        let (open, close) = (norm_hash("“"), norm_hash("”"));
        let mut norm = norm;
        let mut suf3: Vec<u64> = words.iter().map(|w| suffix_hash(w, 3)).collect();
        let mut shape: Vec<u64> = words.iter().map(|w| shape_hash(w)).collect();
        for (i, q) in quoted.iter().enumerate() {
            let h = match q {
                Quoted::Open => open,
                Quoted::Close => close,
                _ => continue,
            };
            (norm[i], suf3[i], shape[i]) = (h, h, h);
        }
        let n = toks.len();
        let (left, right) = nearest(&sent, |i| cue[i] != 0);
        let per_sentence: Vec<bool> = sentences
            .iter()
            .scan(0usize, |at, s| {
                let has = cue[*at..*at + s.len()].iter().any(|&c| c != 0);
                *at += s.len();
                Some(has)
            })
            .collect();
        let any = per_sentence.iter().filter(|&&h| h).count();
        let other_cue = sent
            .iter()
            .map(|&k| any > usize::from(per_sentence[k as usize]))
            .collect();
        let mut quote_cue = vec![(0u64, 0u64); n];
        let mut i = 0;
        while i < n {
            if quoted[i] != Quoted::Open {
                i += 1;
                continue;
            }
            let close = (i + 1..n).find(|&j| quoted[j] == Quoted::Close).unwrap_or(n - 1);
            let after = (close + 1..n)
                .take_while(|&j| quoted[j] != Quoted::Open)
                .find(|&j| cue[j] != 0)
                .map_or(0, |j| bucket((j - close) as u32));
            let before = (0..i)
                .rev()
                .take_while(|&j| quoted[j] != Quoted::Close)
                .find(|&j| cue[j] != 0)
                .map_or(0, |j| bucket((i - j) as u32));
            for q in &mut quote_cue[i..=close] {
                *q = (after, before);
            }
            i = close + 1;
        }
        let mut tail = vec![0u64; n];
        let mut left_in_sentence = 0u32;
        for i in (0..n).rev() {
            left_in_sentence = if i + 1 < n && sent[i + 1] == sent[i] {
                left_in_sentence + 1
            } else {
                0
            };
            tail[i] = bucket(left_in_sentence);
        }
        Context {
            lead: u64::from(lead),
            quote_cue,
            tail,
            suf3,
            shape,
            toks,
            sent,
            norm,
            cue,
            quoted,
            left,
            right,
            other_cue,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn span(&self, i: usize) -> Span {
        self.toks[i].span
    }

    /// What the second pass reads of the first pass's labels.
    pub fn stack(&self, labels: &[usize]) -> Stack {
        let n = self.len();
        let role = |i: usize| labels[i].div_ceil(2) as u64;
        let (left, right) = nearest(&self.sent, |i| role(i) == 2);
        let sentences = self.sent.last().map_or(0, |&k| k as usize + 1);
        let mut has = vec![0u64; sentences];
        for i in 0..n {
            has[self.sent[i] as usize] |= 1 << role(i);
        }
        Stack {
            labels: labels.iter().map(|&l| l as u64 + 32).collect(),
            left,
            right,
            sentence_roles: self.sent.iter().map(|&k| has[k as usize]).collect(),
        }
    }

    /// The features of word `i`, given the two labels before it; in the
    /// second pass, also the first pass's labels around it (the second
    /// pass's features are hashed apart from the first's, so one weights
    /// table holds both).
    pub fn features(&self, i: usize, p1: u64, p2: u64, stack: Option<&Stack>, out: &mut Vec<u32>) {
        out.clear();
        let salt = u64::from(stack.is_some());
        let at = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 {
                START
            } else {
                self.norm.get(j as usize).copied().unwrap_or(END)
            }
        };
        let sent_start = i == 0 || self.sent[i - 1] != self.sent[i];
        let sent_end = i + 1 == self.len() || self.sent[i + 1] != self.sent[i];
        let q = self.quoted[i] as u64;
        let (l, r) = (self.left[i], self.right[i]);
        let (dl, dr) = (
            if l == NONE { NONE } else { i as u32 - l },
            if r == NONE { NONE } else { r - i as u32 },
        );
        let (bl, br) = (bucket(dl), bucket(dr));
        let lw = if l == NONE { 0 } else { self.norm[l as usize] };
        let rw = if r == NONE { 0 } else { self.norm[r as usize] };
        let after_left = if l == NONE {
            0
        } else {
            self.norm.get(l as usize + 1).copied().unwrap_or(END)
        };
        let other = u64::from(self.other_cue[i]);
        let mut add = |parts: &[u64]| {
            out.push(if salt == 0 {
                mix_bucket(parts, BITS)
            } else {
                mix_bucket(&[salt, mix(parts)], BITS)
            })
        };
        add(&[0]);
        add(&[1, self.norm[i]]);
        add(&[2, self.suf3[i]]);
        add(&[3, self.shape[i]]);
        add(&[4, at(-1)]);
        add(&[5, at(1)]);
        add(&[6, at(-2)]);
        add(&[7, at(2)]);
        add(&[8, p1]);
        add(&[9, p2, p1]);
        add(&[10, p1, self.norm[i]]);
        add(&[11, q, p1]);
        add(&[12, q, self.cue[i]]);
        add(&[13, bl, lw]);
        add(&[14, br, rw]);
        add(&[15, bl, br, q]);
        add(&[16, self.cue[i], self.norm[i]]);
        add(&[17, bl, after_left]);
        add(&[18, u64::from(sent_start), self.norm[i]]);
        add(&[19, u64::from(sent_end), q, p1]);
        add(&[20, other, q, u64::from(l == NONE && r == NONE)]);
        add(&[21, self.cue[i], at(-1), at(1)]);
        add(&[22, at(-1), self.norm[i]]);
        add(&[23, self.norm[i], at(1)]);
        add(&[24, br, self.shape[i], p1]);
        add(&[25, bl, p1, q]);
        add(&[26, self.cue.get(i + 1).copied().unwrap_or(0), self.shape[i]]);
        add(&[27, if i > 0 { self.cue[i - 1] } else { 0 }, self.norm[i]]);
        add(&[28, self.suf3.get(i + 1).copied().unwrap_or(END), p1]);
        let (qa, qb) = self.quote_cue[i];
        add(&[29, qa, qb, p1]);
        add(&[30, qa, q]);
        let tail_of = |k: u32| if k == NONE { 0 } else { self.tail[k as usize] };
        add(&[31, bl, tail_of(l), q]);
        add(&[32, br, tail_of(r), q]);
        add(&[33, self.tail[i], p1]);
        add(&[34, self.lead, q, u64::from(self.sent[i] == 0)]);
        add(&[35, self.lead, p1, other]);
        let Some(st) = stack else { return };
        let l1 = |k: isize| {
            let j = i as isize + k;
            if j < 0 {
                START
            } else {
                st.labels.get(j as usize).copied().unwrap_or(END)
            }
        };
        let dist = |k: u32, left: bool| {
            if k == NONE {
                (0, 0)
            } else {
                let d = if left { i as u32 - k } else { k - i as u32 };
                (bucket(d), self.norm[k as usize])
            }
        };
        let (bl1, wl1) = dist(st.left[i], true);
        let (br1, wr1) = dist(st.right[i], false);
        add(&[200, l1(0)]);
        add(&[201, l1(-1), l1(0)]);
        add(&[202, l1(0), l1(1)]);
        add(&[203, l1(1), l1(2)]);
        add(&[204, bl1, wl1]);
        add(&[205, br1, wr1]);
        add(&[206, bl1, br1, l1(0)]);
        add(&[207, st.sentence_roles[i], l1(0)]);
        add(&[208, l1(0), p1]);
        add(&[209, br1, q, self.shape[i]]);
        add(&[210, bl1, q, p1]);
        add(&[211, st.sentence_roles[i], br1, bl1]);
    }
}
