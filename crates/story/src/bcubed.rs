//! B-cubed precision and recall of a clustering against a gold one
//! (Bagga and Baldwin, 1998): for each item, the share of its predicted
//! cluster that is in its gold cluster (precision) and the share of its
//! gold cluster that is in its predicted cluster (recall), averaged.

use std::collections::HashMap;
use std::hash::Hash;

/// B-cubed precision, recall and F1. `gold[i]` and `predicted[i]` are the
/// cluster labels of item `i`.
pub fn bcubed<G: Eq + Hash, P: Eq + Hash>(gold: &[G], predicted: &[P]) -> (f64, f64, f64) {
    assert_eq!(gold.len(), predicted.len(), "one label of each per item");
    if gold.is_empty() {
        return (1.0, 1.0, 1.0);
    }
    let mut pairs: HashMap<(&G, &P), f64> = HashMap::new();
    let mut g_size: HashMap<&G, f64> = HashMap::new();
    let mut p_size: HashMap<&P, f64> = HashMap::new();
    for (g, p) in gold.iter().zip(predicted) {
        *pairs.entry((g, p)).or_default() += 1.0;
        *g_size.entry(g).or_default() += 1.0;
        *p_size.entry(p).or_default() += 1.0;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (g, p) in gold.iter().zip(predicted) {
        let both = pairs[&(g, p)];
        precision += both / p_size[p];
        recall += both / g_size[g];
    }
    let n = gold.len() as f64;
    let (p, r) = (precision / n, recall / n);
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfect_clustering_scores_one() {
        assert_eq!(bcubed(&["a", "a", "b"], &[1, 1, 2]), (1.0, 1.0, 1.0));
    }

    #[test]
    fn merging_two_stories_costs_precision_and_splitting_costs_recall() {
        let (p, r, _) = bcubed(&["a", "a", "b", "b"], &[1, 1, 1, 1]);
        assert_eq!((p, r), (0.5, 1.0));
        let (p, r, _) = bcubed(&["a", "a", "a", "a"], &[1, 1, 2, 2]);
        assert_eq!((p, r), (1.0, 0.5));
    }
}
