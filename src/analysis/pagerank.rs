//! Sparse PageRank.
//!
//! petgraph's `page_rank` compares every pair of nodes (quadratic) and drops
//! the teleport term for in-neighbours; this one walks an in-edge CSR once per
//! iteration, spreads dangling mass evenly, and stops on an L1 tolerance, the
//! way networkx does.

use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;

/// Parameters of [`pagerank`].
#[derive(Debug, Clone, Copy)]
pub struct PageRankOptions {
    /// Probability of following a link (networkx default 0.85).
    pub damping: f64,
    /// Stop when the L1 change summed over nodes is below `n * tolerance`
    /// (networkx's criterion, default 1e-6).
    pub tolerance: f64,
    /// Give up after this many iterations.
    pub max_iter: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            damping: 0.85,
            tolerance: 1e-10,
            max_iter: 1000,
        }
    }
}

/// PageRank of every node (unweighted: each out-link of a node counts once).
/// Returns a vector indexed by `NodeIndex::index()` that sums to 1.
pub fn pagerank<N, E>(g: &DiGraph<N, E>, opts: &PageRankOptions) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    // in-edge CSR
    let mut out_deg = vec![0u32; n];
    let mut in_deg = vec![0u32; n + 1];
    for e in g.edge_references() {
        out_deg[e.source().index()] += 1;
        in_deg[e.target().index() + 1] += 1;
    }
    for i in 0..n {
        in_deg[i + 1] += in_deg[i];
    }
    let offsets = in_deg;
    let mut fill = offsets.clone();
    let mut sources = vec![0u32; g.edge_count()];
    for e in g.edge_references() {
        let t = e.target().index();
        sources[fill[t] as usize] = e.source().index() as u32;
        fill[t] += 1;
    }
    let nf = n as f64;
    let d = opts.damping;
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..opts.max_iter {
        let mut dangling = 0.0;
        for i in 0..n {
            if out_deg[i] == 0 {
                dangling += rank[i];
                share[i] = 0.0;
            } else {
                share[i] = rank[i] / out_deg[i] as f64;
            }
        }
        let base = (1.0 - d) / nf + d * dangling / nf;
        let mut err = 0.0;
        for t in 0..n {
            let mut s = 0.0;
            for &src in &sources[offsets[t] as usize..offsets[t + 1] as usize] {
                s += share[src as usize];
            }
            next[t] = base + d * s;
            err += (next[t] - rank[t]).abs();
        }
        std::mem::swap(&mut rank, &mut next);
        if err < nf * opts.tolerance {
            break;
        }
    }
    rank
}
