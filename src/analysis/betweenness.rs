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

/// What one search knows about a node, in 16 bytes so that the random
/// access per arc touches one cache line.
#[derive(Clone, Copy)]
struct State {
    /// Distance from the pivot, [`UNSEEN`] if not reached.
    dist: u32,
    /// Forward pass: σ, the number of shortest paths from the pivot.
    /// Backward pass, once the node is done: `(1 + δ) / σ`, what each
    /// predecessor multiplies by its own σ (σ itself is no longer needed).
    val: f64,
}

const UNSEEN: u32 = u32::MAX;
const FRESH: State = State {
    dist: UNSEEN,
    val: 0.0,
};

/// Per-search buffers, reused from pivot to pivot.
struct Scratch {
    /// Node state, reset after each search by walking `order`.
    st: Vec<State>,
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
            st: vec![FRESH; n],
            order: Vec::new(),
            succ: Vec::new(),
            ends: Vec::new(),
        },
        |s, sc, acc| {
            let Scratch {
                st,
                order,
                succ,
                ends,
            } = sc;
            order.clear();
            succ.clear();
            ends.clear();
            st[s].dist = 0;
            st[s].val = 1.0;
            order.push(s as u32);
            let mut head = 0;
            while head < order.len() {
                let v = order[head] as usize;
                head += 1;
                let (dv, sv) = (st[v].dist, st[v].val);
                for &wi in out.of(v) {
                    let w = &mut st[wi as usize];
                    if w.dist == UNSEEN {
                        w.dist = dv + 1;
                        order.push(wi);
                    }
                    if w.dist == dv + 1 {
                        w.val += sv;
                        succ.push(wi);
                    }
                }
                ends.push(succ.len() as u32);
            }
            for i in (0..order.len()).rev() {
                let v = order[i] as usize;
                let from = if i == 0 { 0 } else { ends[i - 1] as usize };
                let sum: f64 = succ[from..ends[i] as usize]
                    .iter()
                    .map(|&w| st[w as usize].val)
                    .sum();
                // δ(v) = σ(v) Σ (1 + δ(w)) / σ(w)
                let sigma = st[v].val;
                let delta = sigma * sum;
                st[v].val = (1.0 + delta) / sigma;
                if v != s {
                    acc[v] += delta;
                }
            }
            for &v in order.iter() {
                st[v as usize] = FRESH;
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
