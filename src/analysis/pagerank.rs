//! Sparse PageRank, the networkx way.
//!
//! petgraph's `page_rank` compares every pair of nodes (quadratic) and drops
//! the teleport term for in-neighbours (petgraph issue #960); this one walks
//! an in-edge CSR once per iteration, in parallel over fixed chunks of nodes
//! (summed in a fixed order: results are bit-identical on any number of
//! threads), and follows networkx's `pagerank` exactly:
//!
//! `x' = d · (xᵀA + Σ_dangling x / n) + (1 − d) / n`, starting from `1/n`,
//!
//! where `A` is the row-normalised adjacency matrix and a dangling node (no
//! out-links) spreads its rank evenly over all nodes — except for the
//! stopping rule: networkx stops when `Σ|x' − x| < n · tol`, which loosens
//! as the graph grows; here the iteration stops when `Σ|x' − x| · d/(1 − d)`,
//! a bound on the L1 distance to the fixed point (see [`super::converge`]),
//! is below the tolerance (default 1e-13).
//!
//! ## Weights
//!
//! [`pagerank`] is unweighted: a text that cites another one counts as one
//! endorsement however many times it mentions it, and parallel edges are one
//! link (networkx `pagerank(G, weight=None)` on the same `DiGraph`). That is
//! unxref's default because mention counts mostly measure the length and
//! drafting habits of the citing text (a long report repeats a reference in
//! every section), not how much it relies on it. [`pagerank_weighted`]
//! follows networkx's default `weight="weight"` for callers who want mention
//! weights: each out-link gets the share `w / Σw` of its source's rank.

use super::converge::{Convergence, DEFAULT_TOLERANCE, Tracker};
use super::csr::{self, Adjacency};
use super::parallel;
use petgraph::graph::DiGraph;

/// Parameters of [`pagerank`].
#[derive(Debug, Clone, Copy)]
pub struct PageRankOptions {
    /// Probability of following a link (networkx default 0.85).
    pub damping: f64,
    /// Stop when the L1 distance to the fixed point is provably below this
    /// (the L1 change of the last iteration times `d / (1 − d)`); default
    /// 1e-13, so every value is within 1e-13 of the exact PageRank.
    pub tolerance: f64,
    /// Give up after this many iterations (the last iterate is returned).
    pub max_iter: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            damping: 0.85,
            tolerance: DEFAULT_TOLERANCE,
            max_iter: 1000,
        }
    }
}

/// PageRank of every node (unweighted: each distinct out-link of a node
/// counts once). Returns a vector indexed by `NodeIndex::index()` that sums
/// to 1 (empty for an empty graph).
pub fn pagerank<N, E>(g: &DiGraph<N, E>, opts: &PageRankOptions) -> Vec<f64> {
    pagerank_converged(g, opts).0
}

/// [`pagerank`], with the number of iterations and the bound reached.
pub fn pagerank_converged<N, E>(
    g: &DiGraph<N, E>,
    opts: &PageRankOptions,
) -> (Vec<f64>, Convergence) {
    let inn = csr::incoming(g);
    let mut out_strength = vec![0.0f64; inn.len()];
    for &s in &inn.nbrs {
        out_strength[s as usize] += 1.0;
    }
    iterate(&inn, None, &out_strength, opts)
}

/// PageRank with edge weights (networkx's default `weight="weight"`): a node
/// passes its rank to its out-links in proportion to their weights, given by
/// `weight` (mention counts for unxref graphs: `|e| e.weight`). Parallel
/// edges add up; negative or non-finite weights count as 0, and a node whose
/// out-weights sum to 0 is dangling.
pub fn pagerank_weighted<N, E>(
    g: &DiGraph<N, E>,
    opts: &PageRankOptions,
    weight: impl Fn(&E) -> f64,
) -> Vec<f64> {
    pagerank_weighted_converged(g, opts, weight).0
}

/// [`pagerank_weighted`], with the number of iterations and the bound
/// reached.
pub fn pagerank_weighted_converged<N, E>(
    g: &DiGraph<N, E>,
    opts: &PageRankOptions,
    weight: impl Fn(&E) -> f64,
) -> (Vec<f64>, Convergence) {
    let (inn, w) = csr::incoming_weighted(g, |e| {
        let w = weight(e);
        if w.is_finite() && w > 0.0 { w } else { 0.0 }
    });
    let mut out_strength = vec![0.0f64; inn.len()];
    for (&s, &wi) in inn.nbrs.iter().zip(&w) {
        out_strength[s as usize] += wi;
    }
    iterate(&inn, Some(&w), &out_strength, opts)
}

/// The power iteration shared by both variants.
fn iterate(
    inn: &Adjacency,
    weights: Option<&[f64]>,
    out_strength: &[f64],
    opts: &PageRankOptions,
) -> (Vec<f64>, Convergence) {
    let n = inn.len();
    let mut track = Tracker::new(opts.tolerance, Some(opts.damping));
    if n == 0 {
        track.step(0.0);
        return (Vec::new(), track.state);
    }
    let nf = n as f64;
    let d = opts.damping;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..opts.max_iter {
        let dangling = parallel::fill_sum(&mut share, |i| {
            if out_strength[i] > 0.0 {
                (rank[i] / out_strength[i], 0.0)
            } else {
                (0.0, rank[i])
            }
        });
        let base = (1.0 - d) / nf + d * dangling / nf;
        let err = parallel::fill_sum(&mut next, |t| {
            let range = inn.offsets[t]..inn.offsets[t + 1];
            let s: f64 = match weights {
                None => inn.nbrs[range].iter().map(|&s| share[s as usize]).sum(),
                Some(w) => inn.nbrs[range.clone()]
                    .iter()
                    .zip(&w[range])
                    .map(|(&s, &w)| share[s as usize] * w)
                    .sum(),
            };
            let v = base + d * s;
            (v, (v - rank[t]).abs())
        });
        std::mem::swap(&mut rank, &mut next);
        if track.step(err) {
            break;
        }
    }
    (rank, track.state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_node_cycle_is_uniform() {
        let mut g = DiGraph::<(), ()>::new();
        let a = g.add_node(());
        let b = g.add_node(());
        g.add_edge(a, b, ());
        g.add_edge(b, a, ());
        let r = pagerank(&g, &PageRankOptions::default());
        assert!((r[0] - 0.5).abs() < 1e-12 && (r[1] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn parallel_edges_count_once_unweighted_and_add_up_weighted() {
        let mut g = DiGraph::<(), f64>::new();
        let v: Vec<_> = (0..3).map(|_| g.add_node(())).collect();
        g.add_edge(v[0], v[1], 1.0);
        g.add_edge(v[0], v[1], 1.0);
        g.add_edge(v[0], v[2], 2.0);
        let r = pagerank(&g, &PageRankOptions::default());
        assert!((r[1] - r[2]).abs() < 1e-15);
        let w = pagerank_weighted(&g, &PageRankOptions::default(), |&w| w);
        assert!((w[1] - w[2]).abs() < 1e-15);
        let mut h = g.clone();
        h.add_edge(v[0], v[1], 5.0);
        let w = pagerank_weighted(&h, &PageRankOptions::default(), |&w| w);
        assert!(w[1] > w[2]);
    }
}
