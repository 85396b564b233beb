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
//! Each search only needs the out-CSR: shortest-path predecessors are found
//! again in the backward pass as the out-neighbours one level further, so no
//! predecessor lists are stored. Pivots run in parallel with a deterministic
//! reduction ([`super::parallel::pivot_sum`]).

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

/// Per-search scratch, reset after each pivot by walking only what it
/// touched.
struct Scratch {
    dist: Vec<u32>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    order: Vec<u32>,
}

const UNSEEN: u32 = u32::MAX;

/// Sum over pivots of the dependencies `δ_s(v)` (Brandes 2001).
fn brandes(out: &Adjacency, pivots: &[u32]) -> Vec<f64> {
    let n = out.len();
    parallel::pivot_sum(
        n,
        pivots,
        || Scratch {
            dist: vec![UNSEEN; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::new(),
        },
        |s, sc, acc| {
            sc.order.clear();
            sc.dist[s] = 0;
            sc.sigma[s] = 1.0;
            sc.order.push(s as u32);
            let mut head = 0;
            while head < sc.order.len() {
                let v = sc.order[head] as usize;
                head += 1;
                let dv = sc.dist[v];
                for &w in out.of(v) {
                    let w = w as usize;
                    if sc.dist[w] == UNSEEN {
                        sc.dist[w] = dv + 1;
                        sc.order.push(w as u32);
                    }
                    if sc.dist[w] == dv + 1 {
                        sc.sigma[w] += sc.sigma[v];
                    }
                }
            }
            for &v in sc.order.iter().rev() {
                let v = v as usize;
                let dv = sc.dist[v];
                let mut d = 0.0;
                for &w in out.of(v) {
                    let w = w as usize;
                    if sc.dist[w] == dv + 1 {
                        d += (1.0 + sc.delta[w]) / sc.sigma[w];
                    }
                }
                sc.delta[v] = sc.sigma[v] * d;
                if v != s {
                    acc[v] += sc.delta[v];
                }
            }
            for &v in &sc.order {
                let v = v as usize;
                sc.dist[v] = UNSEEN;
                sc.sigma[v] = 0.0;
                sc.delta[v] = 0.0;
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
