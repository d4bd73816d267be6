//! Roles read from a sentence's dependency parse ([`casus_syntax`]): a
//! verb's subject, object and passive agent, with the clause it hangs in.
//! The window rules of `sentence.rs` remain the fallback where the parse
//! says nothing.

use casus_core::Span;
use casus_nlp::Token;
use casus_syntax::Syntax;

/// One sentence's parse over the coder's own tokens.
pub(crate) struct Tree<'a> {
    pub spans: Vec<Span>,
    pub tags: Vec<&'a str>,
    /// 0 = root, else the 1-based token index of the head.
    pub heads: Vec<usize>,
    pub labels: Vec<&'a str>,
}

/// What a verb's arguments are, by token index (0-based).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Roles {
    pub subject: Option<usize>,
    /// The subject is the patient ("were killed"): a passive verb.
    pub passive: bool,
    pub object: Option<usize>,
    /// The passive verb's "by" phrase.
    pub agent: Option<usize>,
}

/// Dependents that are not part of a noun's own phrase.
const OUTSIDE: &[&str] = &[
    "acl:relcl",
    "acl",
    "appos",
    "conj",
    "cc",
    "punct",
    "parataxis",
    "dep",
    "advcl",
    "ccomp",
    "discourse",
    "nmod:tmod",
    "advmod",
    "neg",
    "mark",
    "aux",
    "auxpass",
    "cop",
    "nsubj",
    "nsubjpass",
    "dobj",
    "xcomp",
];

/// Prepositions whose object is what a verb acts on ("fired on the
/// convoy", "protested against the law").
const ON: &[&str] = &["on", "against", "at", "into", "upon", "toward", "towards", "with"];

impl<'a> Tree<'a> {
    pub fn new(syntax: &'a Syntax, text: &str, toks: &[Token]) -> Tree<'a> {
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        let p = syntax.analyse(&words);
        Tree {
            spans: toks.iter().map(|t| t.span).collect(),
            tags: p.tags.iter().map(|&t| syntax.tag_name(t)).collect(),
            heads: p.arcs.heads,
            labels: p.arcs.labels.iter().map(|&l| syntax.label_name(l)).collect(),
        }
    }

    /// The label of `k`'s ancestor (or itself) that hangs on `v` directly:
    /// how `k` relates to the verb ("nsubj", "dobj", "nmod"); `None` when
    /// `k` is not below `v`.
    pub fn path_to(&self, k: usize, v: usize) -> Option<&str> {
        let mut cur = k;
        for _ in 0..self.heads.len() {
            let h = self.heads[cur];
            if h == 0 {
                return None;
            }
            if h - 1 == v {
                return Some(self.labels[cur]);
            }
            cur = h - 1;
        }
        None
    }

    /// The bytes of `v`'s own clause: `v` and the words below it, without
    /// the clauses of their own that hang on it ("said on Friday that
    /// troops attacked on Tuesday": "said"'s clause ends at "Friday"). An
    /// adverbial clause stays in ("accused ... after a strike killed six
    /// on Tuesday": the accusation is Tuesday's too).
    pub fn clause(&self, v: usize) -> Span {
        const OWN: &[&str] = &["ccomp", "parataxis", "conj", "acl:relcl", "csubj", "acl"];
        let inside = |k: usize| {
            let mut cur = k;
            for _ in 0..self.heads.len() {
                if cur == v {
                    return true;
                }
                let h = self.heads[cur];
                if h == 0 || OWN.contains(&self.labels[cur]) {
                    return false;
                }
                cur = h - 1;
            }
            false
        };
        // Punctuation hangs on the root and would stretch the clause.
        let own: Vec<usize> = (0..self.spans.len())
            .filter(|&k| inside(k) && (k == v || self.labels[k] != "punct"))
            .collect();
        let first = own.first().map_or(self.spans[v].start, |&k| self.spans[k].start);
        let last = own.last().map_or(self.spans[v].end, |&k| self.spans[k].end);
        Span::new(first, last)
    }

    /// The words `k` hangs on, nearest first, up to the root.
    fn ancestors(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        let up = |c: usize| self.heads[c].checked_sub(1);
        std::iter::successors(up(k), move |&c| up(c)).take(self.heads.len())
    }

    /// How many clauses `v` hangs below the root: the clause-embedding
    /// relations (adverbial, complement, relative and open clauses) on its
    /// path up, so that a verb of the main clause and its conjuncts are 0;
    /// a conjunct that is a misparsed subordinate clause ("after rebels
    /// shelled", see [`Tree::subordinate_subject`]) counts as one down.
    pub fn depth(&self, v: usize, text: &str) -> u8 {
        const EMBED: &[&str] = &[
            "advcl",
            "ccomp",
            "xcomp",
            "acl",
            "acl:relcl",
            "csubj",
            "parataxis",
        ];
        let misread = usize::from(self.subordinate_subject(v, text).is_some());
        // Each word on the way up that has a head, by its own relation.
        let embedded = std::iter::once(v)
            .chain(self.ancestors(v))
            .filter(|&c| self.heads[c] != 0 && EMBED.contains(&self.labels[c]))
            .count();
        u8::try_from(misread + embedded).unwrap_or(u8::MAX)
    }

    /// The token that starts at or covers byte `at`.
    pub fn token_at(&self, at: usize) -> Option<usize> {
        let k = self.spans.partition_point(|s| s.end <= at);
        (k < self.spans.len() && self.spans[k].start <= at).then_some(k)
    }

    /// The tag of the token at byte `at`.
    pub fn tag_at(&self, at: usize) -> Option<&str> {
        self.token_at(at).map(|k| self.tags[k])
    }

    fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.heads.len()).filter(move |&k| self.heads[k] == i + 1)
    }

    fn child(&self, i: usize, labels: &[&str]) -> Option<usize> {
        self.children(i).find(|&k| labels.contains(&self.labels[k]))
    }

    /// The subject of a clause the parser misread: "cancelled the visit
    /// after rebels attacked the embassy" often comes out with "rebels" as
    /// the object of a preposition "after" and "attacked" as a conjunct of
    /// "cancelled", which would hand "attacked" the minister who cancelled.
    /// A conjunct verb with no subject of its own, right after a noun that
    /// a subordinating word introduces, has that noun as its subject.
    pub fn subordinate_subject(&self, v: usize, text: &str) -> Option<usize> {
        const SUBORDINATORS: &[&str] = &[
            "after", "before", "while", "when", "as", "since", "until", "because", "although", "though",
            "once", "unless", "if", "whereas",
        ];
        let k = v.checked_sub(1)?;
        let noun = self.tags[k].starts_with("NN") || self.tags[k] == "PRP";
        (self.labels[v] == "conj" && noun && self.labels[k].starts_with("nmod"))
            .then_some(k)
            .filter(|&k| {
                self.children(k).any(|c| {
                    self.labels[c] == "case"
                        && SUBORDINATORS.contains(&self.spans[c].slice(text).to_lowercase().as_str())
                })
            })
    }

    /// A child of `i` introduced by one of `cases` ("by", "on").
    fn nmod_with(&self, i: usize, cases: &[&str], text: &str) -> Option<usize> {
        self.children(i).find(|&k| {
            self.labels[k].starts_with("nmod")
                && self.children(k).any(|c| {
                    self.labels[c] == "case"
                        && cases.contains(&self.spans[c].slice(text).to_lowercase().as_str())
                })
        })
    }

    /// The words that govern the verb at `v`, lower case: its own
    /// auxiliaries, negation and subordinator ("if"), then, up the verbs it
    /// depends on ("refused to release", "will stop and search"), theirs and
    /// the verbs themselves.
    pub fn governing(&self, v: usize, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = v;
        for step in 0..4 {
            if step > 0 {
                out.push(self.spans[cur].slice(text).to_lowercase());
            }
            for c in self.children(cur) {
                if matches!(self.labels[c], "neg" | "aux" | "mark") {
                    out.push(self.spans[c].slice(text).to_lowercase());
                }
            }
            let h = self.heads[cur];
            if h == 0 || !matches!(self.labels[cur], "xcomp" | "conj") {
                break;
            }
            cur = h - 1;
        }
        out
    }

    /// The first and last token of `k`'s phrase: its subtree, appositions
    /// included ("Jane Roe, the envoy"), without the clauses and
    /// coordinated phrases that hang on it ("a Danish court", "the old
    /// bastion in the valley", but not "…, which …" nor "and Y").
    pub fn extent(&self, k: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (k, k);
        let mut todo = vec![k];
        let mut seen = 0;
        while let Some(i) = todo.pop() {
            seen += 1;
            if seen > self.heads.len() {
                break;
            }
            for c in self.children(i) {
                // The phrase's own preposition is not its words ("on the
                // convoy" is the convoy); prepositions inside it are.
                if OUTSIDE.contains(&self.labels[c]) || (i == k && self.labels[c] == "case") {
                    continue;
                }
                lo = lo.min(c);
                hi = hi.max(c);
                todo.push(c);
            }
        }
        (lo, hi)
    }

    /// The token of `span` whose head lies outside it: the phrase's head.
    pub fn head_of(&self, span: Span) -> Option<usize> {
        let first = self.token_at(span.start)?;
        let inside = |k: usize| k < self.spans.len() && self.spans[k].start < span.end;
        (first..self.spans.len()).take_while(|&k| inside(k)).find(|&k| {
            let h = self.heads[k];
            h == 0
                || !(first..self.spans.len())
                    .take_while(|&j| inside(j))
                    .any(|j| j + 1 == h)
        })
    }

    /// Whether the words of `span` belong to the verb at `v` or to a verb
    /// it hangs on: the first verb above their head is `v` or one of its
    /// ancestors ("Moldova said it would expel": "Moldova" belongs to
    /// "said", which "expel" hangs on), not a verb off to the side ("the
    /// groups that oppose US support": "support" belongs to "oppose").
    pub fn belongs_to(&self, span: Span, v: usize) -> bool {
        let Some(head) = self.head_of(span) else {
            return true;
        };
        match self.ancestors(head).find(|&g| self.tags[g].starts_with("VB")) {
            Some(g) => g == v || self.ancestors(v).any(|c| c == g),
            None => true,
        }
    }

    /// The byte span of `k`'s phrase.
    pub fn phrase(&self, k: usize) -> Span {
        let (lo, hi) = self.extent(k);
        Span::new(self.spans[lo].start, self.spans[hi].end)
    }

    /// The roles of the verb at token `v`. A verb without a subject of its
    /// own takes that of the verb it depends on: "wants to attack"
    /// (xcomp), "attacked and burned" (conj); a relative clause's subject
    /// ("the militia that attacked") is the noun the clause hangs on.
    pub fn roles(&self, v: usize, text: &str) -> Roles {
        let mut r = Roles::default();
        let relative = |k: usize| {
            matches!(self.tags[k], "WP" | "WDT") || self.spans[k].slice(text).eq_ignore_ascii_case("that")
        };
        if let (Some(s), "acl:relcl", h) = (self.child(v, &["nsubj"]), self.labels[v], self.heads[v]) {
            // "the gunmen who attacked": the noun the clause hangs on.
            r.subject = Some(if relative(s) && h > 0 { h - 1 } else { s });
        } else if let Some(s) = self.child(v, &["nsubj"]) {
            r.subject = Some(s);
        } else if let Some(s) = self.child(v, &["nsubjpass"]) {
            r.subject = Some(s);
            r.passive = true;
        } else if let Some(s) = self.subordinate_subject(v, text) {
            r.subject = Some(s);
        } else {
            let mut up = v;
            for _ in 0..3 {
                let h = self.heads[up];
                if h == 0 {
                    break;
                }
                let head = h - 1;
                match self.labels[up] {
                    "xcomp" | "conj" => {
                        if let Some(s) = self.child(head, &["nsubj"]) {
                            r.subject = Some(s);
                            break;
                        }
                        up = head;
                    }
                    "acl:relcl" => {
                        let pronoun = self.child(v, &["nsubj"]);
                        r.subject = pronoun.or(Some(head));
                        break;
                    }
                    _ => break,
                }
            }
        }
        // The object; a noun after the verb with no preposition of its own
        // is one, whatever label it was given.
        let bare = (v + 1..self.heads.len()).find(|&k| {
            self.heads[k] == v + 1
                && self.labels[k].starts_with("nmod")
                && self.tags[k].starts_with("NN")
                && !self.children(k).any(|c| self.labels[c] == "case" && c < k)
        });
        r.object = self
            .child(v, &["dobj", "iobj"])
            .or(bare)
            .or_else(|| self.nmod_with(v, ON, text));
        r.agent = self.nmod_with(v, &["by"], text);
        if r.agent.is_some() && !r.passive && self.tags[v] == "VBN" {
            // "killed by gunmen" without an auxiliary: a reduced passive.
            r.passive = true;
            r.object = r.object.or(r.subject.take());
        }
        r
    }
}
