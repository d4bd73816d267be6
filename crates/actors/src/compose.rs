//! From dictionary matches and unknown names to mentions with actors.
//!
//! Matches that touch (only spaces, or a possessive, between them) form a
//! phrase: "Iraqi Prime Minister Mohamed Shia al-Sudani", "the Iraqi
//! leader's spokesman", "US forces". A phrase's country comes from its
//! first country, demonym, capital or national organisation; its agent
//! (GOV, MIL, ...) from its last agent noun; a named actor in it wins, and
//! for a person the role the sentence gives ("Prime Minister") wins over
//! the dictionary's. "Iran-backed" marks who backs a group without making
//! the group Iranian. "Hungarian and Romanian officials" gives two actors.

use crate::matcher::{Hit, Matcher, RawMatch};
use crate::names::{is_title_case, unknown_names, Cues};
use crate::{ActorRef, Dictionary};
use casus_core::Span;
use casus_nlp::{Token, Tokenizer};

/// The kind of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organisation,
    ArmedGroup,
    Igo,
    Country,
    Nationality,
    Place,
    /// A kind of actor named by a common noun: "troops", "Iraqi officials".
    Group,
    /// A capitalised name casus does not know and cannot place.
    Name,
    /// he, she, they, it: always with an antecedent.
    Pronoun,
}

impl Kind {
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::ArmedGroup => "armed_group",
            Kind::Igo => "igo",
            Kind::Country => "country",
            Kind::Nationality => "nationality",
            Kind::Place => "place",
            Kind::Group => "group",
            Kind::Name => "name",
            Kind::Pronoun => "pronoun",
        }
    }

    fn of_actor(kind: &str) -> Kind {
        match kind {
            "person" => Kind::Person,
            "armed_group" => Kind::ArmedGroup,
            "igo" => Kind::Igo,
            _ => Kind::Organisation,
        }
    }
}

/// A mention found in the text (byte span).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Span,
    pub kind: Kind,
    pub actor: Option<ActorRef>,
    pub backed_by: Option<String>,
    /// The first mention of the actor this one points back to ("he",
    /// "Austin", "the coalition"): coreference.
    pub antecedent: Option<Span>,
    /// The actor's country is not in its words but the only country the
    /// article names ("the mayor" in a story that names only Paris): a
    /// reading for its code, not evidence of whose story it is.
    pub country_from_focus: bool,
}

/// Dictionaries, the automaton over them, and the name cues; build once.
#[derive(Debug, Clone)]
pub struct Recognizer {
    dict: Dictionary,
    matcher: Matcher,
    cues: Cues,
    tokenizer: Tokenizer,
}

const AFFILIATIONS: &[&str] = &[
    "backed",
    "supported",
    "sponsored",
    "linked",
    "affiliated",
    "aligned",
    "allied",
    "funded",
    "armed",
    "trained",
    "led",
    "controlled",
    "allied",
];

/// One element of a phrase.
#[derive(Debug, Clone, Copy)]
enum Unit {
    Hit(RawMatch),
    /// `Iran-backed`: the country that backs what follows.
    Affiliation(Span, usize),
    Name(Span, Kind),
}

impl Unit {
    fn span(&self) -> Span {
        match *self {
            Unit::Hit(m) => m.span,
            Unit::Affiliation(s, _) | Unit::Name(s, _) => s,
        }
    }
}

impl Recognizer {
    pub fn new(dict: Dictionary) -> Self {
        Recognizer {
            matcher: Matcher::build(&dict),
            dict,
            cues: Cues::builtin(),
            tokenizer: Tokenizer::default(),
        }
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Mentions in `text`, sentence by sentence, for an article published
    /// on `published` (ISO date; decides which role a person holds).
    pub fn recognize(&self, text: &str, sentences: &[Span], published: Option<&str>) -> Vec<Found> {
        let all = self.matcher.find(text);
        let mut out = Vec::new();
        let mut tokens = Vec::with_capacity(sentences.len());
        let mut k = 0;
        for s in sentences {
            while k < all.len() && all[k].span.start < s.start {
                k += 1;
            }
            let mut hits = Vec::new();
            while k < all.len() && all[k].span.end <= s.end {
                hits.push(all[k]);
                k += 1;
            }
            let toks = self.tokenizer.tokens(text, *s);
            self.sentence(text, &toks, &hits, published, &mut out);
            tokens.push(toks);
        }
        fill_focus_country(&mut out);
        crate::coref::resolve(text, sentences, &tokens, &mut out, &self.cues);
        for a in out.iter_mut().filter_map(|f| f.actor.as_mut()) {
            a.plover_sector = self.dict.plover_sector(&a.code).map(str::to_string);
        }
        out
    }

    fn sentence(
        &self,
        text: &str,
        tokens: &[Token],
        hits: &[RawMatch],
        date: Option<&str>,
        out: &mut Vec<Found>,
    ) {
        let mut units: Vec<Unit> = Vec::with_capacity(hits.len());
        for m in hits {
            let country = match m.hit {
                Hit::Country(i) | Hit::Demonym(i) => Some(i),
                _ => None,
            };
            match country.and_then(|i| affiliation_end(text, m.span.end).map(|e| (i, e))) {
                Some((i, end)) => units.push(Unit::Affiliation(Span::new(m.span.start, end), i)),
                None => units.push(Unit::Hit(*m)),
            }
        }
        let known: Vec<Span> = units.iter().map(Unit::span).collect();
        if !is_title_case(text, tokens) {
            for (span, kind) in unknown_names(text, tokens, &known, &self.cues) {
                units.push(Unit::Name(span, kind));
            }
        }
        units.sort_by_key(|u| u.span().start);

        // Phrases: runs of touching units.
        let mut phrases: Vec<Vec<Unit>> = Vec::new();
        for u in units {
            let joins = phrases.last().and_then(|p| p.last()).is_some_and(|prev| {
                let gap = &text[prev.span().end..u.span().start];
                touching(gap)
            });
            match phrases.last_mut() {
                Some(p) if joins => p.push(u),
                _ => phrases.push(vec![u]),
            }
        }
        let mut found: Vec<Found> = Vec::new();
        for (pi, p) in phrases.iter().enumerate() {
            // "Hungarian and Romanian officials": the agent is shared.
            let shared_agent = phrases.get(pi + 1).and_then(|next| {
                let gap = &text[p.last()?.span().end..next.first()?.span().start];
                let only_country = p.iter().all(|u| {
                    matches!(
                        u,
                        Unit::Hit(RawMatch {
                            hit: Hit::Demonym(_) | Hit::Country(_),
                            ..
                        })
                    )
                });
                (only_country && matches!(gap.trim(), "and" | "," | "or")).then(|| agent_of(next))?
            });
            found.extend(self.phrase(text, p, shared_agent, date));
        }
        // "military affairs": a lone agent noun used as an adjective.
        found.retain(|f| {
            let lone_agent = f.kind == Kind::Group && f.actor.as_ref().is_some_and(|a| a.country.is_none());
            let next = text[f.span.end..].split_whitespace().next().unwrap_or("");
            !(lone_agent && self.cues.is_adjectival(f.span.slice(text), next))
        });
        // "Yehia Rasool, the Iraqi leader's spokesman": apposition gives an
        // unknown person the actor of the description.
        for i in 0..found.len().saturating_sub(1) {
            let gap = text[found[i].span.end..found[i + 1].span.start].trim();
            let described = matches!(gap, "," | ", the" | ", a" | ", an");
            if described && found[i].kind == Kind::Person && found[i].actor.is_none() {
                if let Some(a) = found[i + 1].actor.clone().filter(|a| a.country.is_some()) {
                    found[i].actor = Some(ActorRef { id: None, ..a });
                }
            }
        }
        // "a spokesman for Iraqi Prime Minister ...": an agent without a
        // country takes the country of the phrase it is "for" or "of".
        for i in 0..found.len().saturating_sub(1) {
            let gap = text[found[i].span.end..found[i + 1].span.start].trim();
            let next_country = found[i + 1].actor.as_ref().and_then(|a| a.country.clone());
            if let (Some(a), Some(c), true) = (
                found[i].actor.as_mut(),
                next_country,
                matches!(gap, "for" | "of" | "to"),
            ) {
                if a.country.is_none() && a.id.is_none() {
                    a.code = format!("{c}{}", a.code);
                    a.country = Some(c);
                }
            }
        }
        out.extend(found);
    }

    /// The mentions one phrase makes.
    fn phrase(&self, text: &str, p: &[Unit], shared_agent: Option<usize>, date: Option<&str>) -> Vec<Found> {
        let d = &self.dict;
        let mut country: Option<usize> = None;
        let mut country_kind = Kind::Country;
        let mut agent: Option<usize> = None;
        let mut actor: Option<usize> = None;
        let mut name: Option<(Span, Kind)> = None;
        let mut backed_by = None;
        for u in p {
            match *u {
                Unit::Affiliation(_, c) => backed_by = Some(d.countries[c].code.clone()),
                Unit::Hit(m) => match m.hit {
                    Hit::Country(c) | Hit::Demonym(c) | Hit::Capital(c) => {
                        if country.is_none() {
                            country = Some(c);
                            country_kind = match m.hit {
                                Hit::Country(_) => Kind::Country,
                                Hit::Demonym(_) => Kind::Nationality,
                                _ => Kind::Place,
                            };
                        }
                    }
                    Hit::Agent(a) => agent = Some(a),
                    Hit::Actor(a) => actor = Some(a),
                },
                Unit::Name(s, k) => name = Some((s, k)),
            }
        }
        let agent = agent.or(shared_agent);
        let span = Span::new(p[0].span().start, p[p.len() - 1].span().end);
        let ccode = |c: usize| d.countries[c].code.clone();
        let composed = |c: Option<usize>, a: usize| {
            let ag = &d.agents[a];
            ActorRef {
                id: None,
                name: c.map(|c| format!("{} ({})", d.countries[c].name, ag.sector)),
                code: format!("{}{}", c.map(ccode).unwrap_or_default(), ag.code),
                country: c.map(ccode),
                sector: Some(ag.sector.clone()),
                plover_sector: None,
            }
        };
        let mut f = Found {
            span,
            kind: Kind::Group,
            actor: None,
            backed_by,
            antecedent: None,
            country_from_focus: false,
        };
        if let Some(i) = actor {
            let a = &d.actors[i];
            f.kind = Kind::of_actor(&a.kind);
            // The sentence's role wins for people: "Pentagon chief Lloyd Austin".
            // "Hezbollah leader Hassan Nasrallah": a leader of an armed
            // group is coded as the group, not as a government.
            let group = self.armed_group_before(p, i);
            let role = (a.kind == "person").then(|| {
                if let Some(g) = group {
                    return Some(g);
                }
                let c = country
                    .map(ccode)
                    .or_else(|| self.org_country_before(p, i))
                    .or_else(|| a.country.clone())?;
                Some(format!("{c}{}", d.agents[agent?].code))
            });
            let code = role.flatten().unwrap_or_else(|| a.code_on(date).to_string());
            // The office held decides: Rutte as Dutch prime minister is NLD.
            let code_country = code.get(..3).and_then(|c| d.country(c)).map(|c| c.code.clone());
            let sector = code.get(3..6).and_then(|p| d.sector_of(p));
            f.actor = Some(ActorRef {
                id: Some(a.id.clone()),
                name: Some(a.names[0].clone()),
                country: code_country.or_else(|| a.country.clone()),
                sector: Some(sector.unwrap_or(&a.sector).to_string()),
                code,
                plover_sector: None,
            });
            // "the Iranian-backed Ketaeb Hezbollah": a national group keeps its own country.
        } else if let Some(a) = agent {
            f.actor = Some(composed(country, a));
            if let Some((_, Kind::Person | Kind::Name)) = name {
                f.kind = Kind::Person;
            }
        } else if let Some(c) = country {
            f.kind = country_kind;
            f.actor = Some(ActorRef {
                id: None,
                name: Some(d.countries[c].name.clone()),
                code: if country_kind == Kind::Place {
                    format!("{}GOV", ccode(c))
                } else {
                    ccode(c)
                },
                country: Some(ccode(c)),
                sector: (country_kind == Kind::Place).then(|| "government".to_string()),
                plover_sector: None,
            });
            if let Some((_, k)) = name {
                // "Iraqi Mohamed X": a person of that country, role unknown.
                f.kind = if k == Kind::Name { Kind::Person } else { k };
            }
        } else if let Some((_, k)) = name {
            f.kind = k;
        } else if f.backed_by.is_some() {
            // "Iran-backed groups": an armed group of unknown country.
            f.kind = Kind::ArmedGroup;
            f.span = extend_to_noun(text, span);
        }
        vec![f]
    }

    /// The code of an armed group named before actor `i` in the phrase.
    fn armed_group_before(&self, p: &[Unit], i: usize) -> Option<String> {
        p.iter().find_map(|u| match u {
            Unit::Hit(RawMatch {
                hit: Hit::Actor(j), ..
            }) if *j != i && self.dict.actors[*j].kind == "armed_group" => {
                Some(self.dict.actors[*j].code.clone())
            }
            _ => None,
        })
    }

    /// The country of a national organisation before actor `i` in the
    /// phrase ("Pentagon chief Lloyd Austin": USA).
    fn org_country_before(&self, p: &[Unit], i: usize) -> Option<String> {
        p.iter().find_map(|u| match u {
            Unit::Hit(RawMatch {
                hit: Hit::Actor(j), ..
            }) if *j != i => self.dict.actors[*j].country.clone(),
            _ => None,
        })
    }
}

/// When an article mentions exactly one country, agents and titled people
/// with no country of their own ("President Bouteflika", "the ministry")
/// are taken to be that country's.
fn fill_focus_country(found: &mut [Found]) {
    let mut countries: Vec<&str> = found
        .iter()
        .filter_map(|f| f.actor.as_ref()?.country.as_deref())
        .collect();
    countries.sort_unstable();
    countries.dedup();
    let [only] = countries[..] else { return };
    let only = only.to_string();
    for f in found
        .iter_mut()
        .filter(|f| matches!(f.kind, Kind::Group | Kind::Person))
    {
        if let Some(a) = f.actor.as_mut().filter(|a| a.id.is_none() && a.country.is_none()) {
            a.code = format!("{only}{}", a.code);
            a.country = Some(only.clone());
            f.country_from_focus = true;
        }
    }
}

/// The agent noun of a phrase, if any.
fn agent_of(p: &[Unit]) -> Option<usize> {
    p.iter().rev().find_map(|u| match u {
        Unit::Hit(RawMatch {
            hit: Hit::Agent(a), ..
        }) => Some(*a),
        _ => None,
    })
}

/// Only white space, or a possessive, between two units.
fn touching(gap: &str) -> bool {
    let g = gap.trim();
    g.is_empty() || ((g == "'s" || g == "’s" || g == "'" || g == "’") && gap.ends_with(' '))
}

/// `Iran-backed`: the end of an affiliation suffix right after `at`.
fn affiliation_end(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix('-')?;
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    AFFILIATIONS
        .contains(&word.to_lowercase().as_str())
        .then(|| at + 1 + word.len())
}

/// "Iran-backed groups": take in the noun after the affiliation.
fn extend_to_noun(text: &str, span: Span) -> Span {
    let rest = &text[span.end..];
    let lead = rest.len() - rest.trim_start().len();
    let word = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !word.is_empty() && word.chars().all(|c| c.is_lowercase()) {
        Span::new(span.start, span.end + lead + word.len())
    } else {
        span
    }
}

#[cfg(test)]
mod tests;
