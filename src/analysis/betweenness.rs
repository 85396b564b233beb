//! Betweenness centrality (Brandes), exact or sampled.
//!
//! How often a text lies on shortest citation chains between two others:
//! the bridges between strands of a corpus. Directed, unweighted, endpoints
//! excluded, normalised like networkx `betweenness_centrality(G,
//! normalized=True)`: divided by `(n − 1)(n − 2)` when `n > 2`.
//!
//! - [`betweenness_exact`] runs one breadth-first search per node: O(n·m),
//!   fine for a few thousand nodes.
//! - [`betweenness_sampled`] runs it from `k` pivots drawn with a seeded
//!   generator and scales as networkx 3.6 does with `k=…, seed=…` (the
//!   pivots differ from networkx's, whose generator is Python's).
//!
//! Each search only needs the out-CSR: instead of predecessor lists, the
//! forward pass records each node's shortest-path successors in one flat
//! buffer, which the backward pass reads in sequence. Pivots run in
//! parallel with a deterministic reduction (`parallel::pivot_sum`).

use super::bitset::BitSet;
use super::csr::{self, Adjacency};
use super::{parallel, sample};
use petgraph::graph::DiGraph;

/// Exact normalised betweenness of every node.
pub fn betweenness_exact<N, E>(g: &DiGraph<N, E>) -> Vec<f64> {
    let n = g.node_count();
    let (out, _) = csr::out_in(g);
    let pivots: Vec<u32> = (0..n as u32).collect();
    let mut bc = brandes(&out, &pivots);
    if n > 2 {
        let scale = 1.0 / ((n as f64 - 1.0) * (n as f64 - 2.0));
        bc.iter_mut().for_each(|x| *x *= scale);
    }
    bc
}

/// Betweenness estimated from `k` pivots chosen with `seed` (exact when
/// `k >= n`); same seed, same result.
///
/// Scaled as networkx 3.6 does with endpoints excluded: a node that is not
/// a pivot gets its sum over the `k` pivots times `1 / (k (n − 2))`, a pivot
/// (which cannot count itself as a source) times `1 / ((k − 1)(n − 2))`;
/// with a single pivot, that pivot gets 0 (networkx: NaN).
pub fn betweenness_sampled<N, E>(g: &DiGraph<N, E>, k: usize, seed: u64) -> Vec<f64> {
    let n = g.node_count();
    let (out, _) = csr::out_in(g);
    let pivots = sample::pivots(n, k, seed);
    let mut bc = brandes(&out, &pivots);
    let k = pivots.len() as f64;
    if n > 2 && k > 0.0 {
        let rest = n as f64 - 2.0;
        let nonsource = 1.0 / (k * rest);
        let source = if k > 1.0 {
            1.0 / ((k - 1.0) * rest)
        } else {
            0.0
        };
        let mut is_pivot = vec![false; n];
        pivots.iter().for_each(|&p| is_pivot[p as usize] = true);
        for (x, &p) in bc.iter_mut().zip(&is_pivot) {
            *x *= if p { source } else { nonsource };
        }
    }
    bc
}

/// Per-search buffers, reused from pivot to pivot.
struct Scratch {
    /// Nodes reached so far (one bit each: stays in cache).
    seen: BitSet,
    /// Nodes of the level being discovered: an arc into one of them is a
    /// shortest-path arc, an arc into any other seen node is not.
    next: BitSet,
    /// Forward pass: σ, the number of shortest paths from the pivot.
    /// Backward pass, once a node is done: `(1 + δ) / σ`, what each of its
    /// shortest-path predecessors adds up (σ is no longer needed then).
    val: Vec<f64>,
    /// Nodes in the order the search reached them (non-decreasing distance).
    order: Vec<u32>,
    /// Shortest-path successors of `order[i]`: `succ[ends[i - 1]..ends[i]]`.
    succ: Vec<u32>,
    /// End of each node's run in `succ`, parallel to `order`.
    ends: Vec<u32>,
}

/// Sum over pivots of the dependencies `δ_s(v)` (Brandes 2001). The
/// forward search records each node's shortest-path successors, so the
/// backward pass reads only those arcs, in sequence.
fn brandes(out: &Adjacency, pivots: &[u32]) -> Vec<f64> {
    let n = out.len();
    parallel::pivot_sum(
        n,
        pivots,
        || Scratch {
            seen: BitSet::new(n),
            next: BitSet::new(n),
            val: vec![0.0; n],
            order: Vec::new(),
            succ: Vec::new(),
            ends: Vec::new(),
        },
        |s, sc, acc| {
            let Scratch {
                seen,
                next,
                val,
                order,
                succ,
                ends,
            } = sc;
            order.clear();
            succ.clear();
            ends.clear();
            seen.insert(s);
            val[s] = 1.0;
            order.push(s as u32);
            let (mut head, mut level_end) = (0, 1);
            while head < order.len() {
                if head == level_end {
                    // the level discovered last becomes the current one
                    for &u in &order[level_end..] {
                        next.remove(u as usize);
                    }
                    level_end = order.len();
                }
                let v = order[head] as usize;
                head += 1;
                let sv = val[v];
                for &w in out.of(v) {
                    let wi = w as usize;
                    if seen.insert(wi) {
                        next.insert(wi);
                        order.push(w);
                    } else if !next.contains(wi) {
                        continue;
                    }
                    val[wi] += sv;
                    succ.push(w);
                }
                ends.push(succ.len() as u32);
            }
            for i in (0..order.len()).rev() {
                let v = order[i] as usize;
                let from = if i == 0 { 0 } else { ends[i - 1] as usize };
                let sum: f64 = succ[from..ends[i] as usize]
                    .iter()
                    .map(|&w| val[w as usize])
                    .sum();
                // δ(v) = σ(v) Σ (1 + δ(w)) / σ(w)
                let sigma = val[v];
                let delta = sigma * sum;
                val[v] = (1.0 + delta) / sigma;
                if v != s {
                    acc[v] += delta;
                }
            }
            for &v in order.iter() {
                let v = v as usize;
                seen.remove(v);
                next.remove(v);
                val[v] = 0.0;
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_of_a_chain() {
        let mut g = DiGraph::<(), ()>::new();
        let v: Vec<_> = (0..3).map(|_| g.add_node(())).collect();
        g.add_edge(v[0], v[1], ());
        g.add_edge(v[1], v[2], ());
        // one pair (0, 2) of (n-1)(n-2) = 2 ordered pairs goes through 1
        assert_eq!(betweenness_exact(&g), vec![0.0, 0.5, 0.0]);
        assert_eq!(betweenness_sampled(&g, 10, 1), vec![0.0, 0.5, 0.0]);
    }
}
