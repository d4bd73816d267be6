//! Near-duplicate groups, so that cross-validation does not leak.
//!
//! News data sets hold runs of template sentences ("X imposed sanctions on
//! Y", "X and Y failed to reach agreement") and republished copies. If one
//! sibling is trained on and another scored, the score measures memory.
//! Here two sentences are **near duplicates** when their *skeletons* share
//! enough of their words (Jaccard of the word sets ≥ `threshold`; `casus
//! train` uses 0.3, which on the dev PentaClass data puts 720 of 1,349
//! sentences in shared groups: same-story rewrites as well as templates). A skeleton is the lower-cased words with every number (in figures or
//! words) written `#` and every run of capitalised words after the first word written `N`,
//! so that the same template with other names and figures is one skeleton.
//! Groups are the connected components of that relation, and
//! [`grouped_folds`] puts each group whole into one fold.

use crate::hash::fnv;
use std::collections::HashMap;

/// Which group each item is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// `group[i]` is item i's group, numbered by first appearance.
    pub group: Vec<usize>,
    pub groups: usize,
}

impl Grouping {
    /// Items that share their group with at least one other item.
    pub fn in_shared_groups(&self) -> usize {
        let mut size = vec![0usize; self.groups];
        for &g in &self.group {
            size[g] += 1;
        }
        self.group.iter().filter(|&&g| size[g] > 1).count()
    }

    /// The size of the largest group.
    pub fn largest(&self) -> usize {
        let mut size = vec![0usize; self.groups];
        for &g in &self.group {
            size[g] += 1;
        }
        size.into_iter().max().unwrap_or(0)
    }
}

const NUMBERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
];

/// The skeleton's words, hashed, sorted and without repeats.
pub fn skeleton_shingles(text: &str) -> Vec<u64> {
    let mut words: Vec<String> = Vec::new();
    for (k, w) in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let s = if w.chars().all(|c| c.is_ascii_digit()) || NUMBERS.contains(&w.to_lowercase().as_str()) {
            "#".to_string()
        } else if k > 0 && w.chars().next().is_some_and(char::is_uppercase) {
            "N".to_string()
        } else {
            w.to_lowercase()
        };
        if !(s == "N" && words.last().is_some_and(|l| l == "N")) {
            words.push(s);
        }
    }
    let mut out: Vec<u64> = words.iter().map(|w| fnv(&[w])).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups of near-duplicate texts (see the module doc).
pub fn near_duplicate_groups(texts: &[&str], threshold: f64) -> Grouping {
    let shingles: Vec<Vec<u64>> = texts.iter().map(|t| skeleton_shingles(t)).collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, sh) in shingles.iter().enumerate() {
        for &s in sh {
            index.entry(s).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (i, sh) in shingles.iter().enumerate() {
        shared.clear();
        for s in sh {
            for &j in index[s].iter().filter(|&&j| j > i) {
                *shared.entry(j).or_default() += 1;
            }
        }
        for (&j, &n) in &shared {
            let union = sh.len() + shingles[j].len() - n;
            if n as f64 >= threshold * union as f64 {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut number: HashMap<usize, usize> = HashMap::new();
    let group = (0..texts.len())
        .map(|i| {
            let root = find(&mut parent, i);
            let next = number.len();
            *number.entry(root).or_insert(next)
        })
        .collect();
    Grouping {
        group,
        groups: number.len(),
    }
}

/// A fold (0..k) for each item: whole groups, largest first, each to the
/// fold with the fewest items so far (the lowest-numbered on ties).
pub fn grouped_folds(g: &Grouping, k: usize) -> Vec<usize> {
    let k = k.max(1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); g.groups];
    for (i, &grp) in g.group.iter().enumerate() {
        members[grp].push(i);
    }
    let mut order: Vec<usize> = (0..g.groups).collect();
    order.sort_by_key(|&grp| (std::cmp::Reverse(members[grp].len()), grp));
    let mut size = vec![0usize; k];
    let mut fold = vec![0usize; g.group.len()];
    for grp in order {
        let f = (0..k).min_by_key(|&f| (size[f], f)).unwrap_or(0);
        size[f] += members[grp].len();
        for &i in &members[grp] {
            fold[i] = f;
        }
    }
    fold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_sentences_with_other_names_are_one_group() {
        let texts = [
            "Vellish troops shelled two Orrin ports on Sunday.",
            "Gondish troops shelled three Tamsk Harbour ports on Monday.",
            "The finance minister presented the budget to parliament.",
            "Vellish troops shelled 12 Orrin ports on Sunday.",
        ];
        let g = near_duplicate_groups(&texts, 0.5);
        assert_eq!(g.group[0], g.group[1]);
        assert_eq!(g.group[0], g.group[3]);
        assert_ne!(g.group[0], g.group[2]);
        assert_eq!(g.groups, 2);
        assert_eq!(g.in_shared_groups(), 3);
        assert_eq!(g.largest(), 3);
    }

    #[test]
    fn a_group_stays_in_one_fold_and_folds_are_balanced() {
        let g = Grouping {
            group: vec![0, 0, 0, 1, 2, 3, 4, 5],
            groups: 6,
        };
        let f = grouped_folds(&g, 3);
        assert!(f[0] == f[1] && f[1] == f[2]);
        let mut size = [0; 3];
        for x in &f {
            size[*x] += 1;
        }
        assert_eq!(size.iter().max(), Some(&3));
        assert_eq!(size.iter().min(), Some(&2));
    }
}
