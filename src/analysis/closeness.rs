//! Closeness and harmonic centrality, exact or sampled.
//!
//! Both follow networkx, which for a directed graph measures the *inward*
//! distance `d(v, u)` from every other text `v` to `u` (how few citation steps
//! separate `u` from the texts that build on it):
//!
//! - closeness (`closeness_centrality`, `wf_improved=True`): with `r` the
//!   number of nodes that reach `u` (itself included) and `T` the sum of
//!   their distances, `(r − 1) / T · (r − 1) / (n − 1)`, 0 when `T = 0`;
//! - harmonic (`harmonic_centrality`): `Σ_{v ≠ u} 1 / d(v, u)`, not
//!   normalised (unreachable nodes add 0).
//!
//! The exact versions run one breadth-first search per node over in-edges,
//! O(n·m), in parallel over nodes. The sampled versions, for large graphs,
//! run a forward search from `k` seeded pivots `v` only, which gives
//! `d(v, u)` for every `u` at once, and scale each node's sums by
//! `(n − 1) / k` (by `(n − 1) / (k − 1)` for a pivot, which cannot sample
//! itself), the scaling networkx uses for sampled betweenness. Harmonic is
//! then an unbiased estimate; closeness uses the estimated `r − 1` and `T`
//! in its formula (a ratio estimate: consistent, slightly biased for nodes
//! reached by few pivots, and 0 for nodes no pivot reaches).

use super::bitset::BitSet;
use super::csr::{self, Adjacency};
use super::{parallel, sample};
use petgraph::graph::DiGraph;
use rayon::prelude::*;

/// Breadth-first search from `s` over `adj`: calls `seen(u, d)` for every
/// node reached at distance `d >= 1`. Distances come from the level
/// boundaries in the queue, so the only per-node mark is one bit.
fn bfs(
    adj: &Adjacency,
    s: usize,
    marks: &mut BitSet,
    queue: &mut Vec<u32>,
    mut seen: impl FnMut(usize, u32),
) {
    queue.clear();
    queue.push(s as u32);
    marks.insert(s);
    let (mut head, mut level_end, mut d) = (0, 1, 1);
    while head < queue.len() {
        if head == level_end {
            d += 1;
            level_end = queue.len();
        }
        let v = queue[head] as usize;
        head += 1;
        for &w in adj.of(v) {
            if marks.insert(w as usize) {
                queue.push(w);
                seen(w as usize, d);
            }
        }
    }
    for &v in queue.iter() {
        marks.remove(v as usize);
    }
}

/// For every node `u`: number of other nodes reaching it, sum of their
/// distances, and sum of their inverse distances (exact).
fn inward_sums(inn: &Adjacency) -> Vec<(f64, f64, f64)> {
    let n = inn.len();
    (0..n)
        .into_par_iter()
        .map_init(
            || (BitSet::new(n), Vec::new()),
            |(marks, queue), u| {
                let (mut r, mut t, mut h) = (0.0, 0.0, 0.0);
                bfs(inn, u, marks, queue, |_, d| {
                    r += 1.0;
                    t += d as f64;
                    h += 1.0 / d as f64;
                });
                (r, t, h)
            },
        )
        .collect()
}

/// networkx's closeness from `r − 1` (others reaching `u`) and `T`.
fn closeness_of(others: f64, total: f64, n: usize) -> f64 {
    if total > 0.0 && n > 1 {
        others / total * (others / (n as f64 - 1.0))
    } else {
        0.0
    }
}

/// Exact closeness of every node (networkx `closeness_centrality`).
pub fn closeness_exact<N, E>(g: &DiGraph<N, E>) -> Vec<f64> {
    let n = g.node_count();
    let (_, inn) = csr::out_in(g);
    inward_sums(&inn)
        .into_iter()
        .map(|(r, t, _)| closeness_of(r, t, n))
        .collect()
}

/// Exact harmonic centrality of every node (networkx `harmonic_centrality`).
pub fn harmonic_exact<N, E>(g: &DiGraph<N, E>) -> Vec<f64> {
    let (_, inn) = csr::out_in(g);
    inward_sums(&inn).into_iter().map(|(_, _, h)| h).collect()
}

/// Per-node scale factor `(n − 1) / k`, or `(n − 1) / (k − 1)` for pivots
/// (0 when a pivot is the only one).
fn scales(n: usize, pivots: &[u32]) -> Vec<f64> {
    let k = pivots.len() as f64;
    let others = n as f64 - 1.0;
    let mut s = vec![if k > 0.0 { others / k } else { 0.0 }; n];
    let pivot_scale = if k > 1.0 { others / (k - 1.0) } else { 0.0 };
    for &p in pivots {
        s[p as usize] = pivot_scale;
    }
    s
}

/// Forward searches from the pivots; the accumulator holds, for node `u`,
/// the count of pivots reaching it at `3u`, their distance sum at `3u + 1`
/// and their inverse-distance sum at `3u + 2` (side by side: one cache line
/// per visited node).
fn sampled_sums(out: &Adjacency, pivots: &[u32]) -> Vec<f64> {
    let n = out.len();
    parallel::pivot_sum(
        3 * n,
        pivots,
        || (BitSet::new(n), Vec::new()),
        |p, (marks, queue), acc| {
            bfs(out, p, marks, queue, |u, d| {
                acc[3 * u] += 1.0;
                acc[3 * u + 1] += d as f64;
                acc[3 * u + 2] += 1.0 / d as f64;
            })
        },
    )
}

/// Closeness estimated from `k` pivots chosen with `seed` (see the module
/// notes); exact when `k >= n`.
pub fn closeness_sampled<N, E>(g: &DiGraph<N, E>, k: usize, seed: u64) -> Vec<f64> {
    let n = g.node_count();
    let (out, _) = csr::out_in(g);
    let pivots = sample::pivots(n, k, seed);
    let acc = sampled_sums(&out, &pivots);
    let s = scales(n, &pivots);
    (0..n)
        .map(|u| closeness_of(s[u] * acc[3 * u], s[u] * acc[3 * u + 1], n))
        .collect()
}

/// Harmonic centrality estimated from `k` pivots chosen with `seed` (see
/// the module notes); exact when `k >= n`.
pub fn harmonic_sampled<N, E>(g: &DiGraph<N, E>, k: usize, seed: u64) -> Vec<f64> {
    let n = g.node_count();
    let (out, _) = csr::out_in(g);
    let pivots = sample::pivots(n, k, seed);
    let acc = sampled_sums(&out, &pivots);
    let s = scales(n, &pivots);
    (0..n).map(|u| s[u] * acc[3 * u + 2]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain() -> DiGraph<(), ()> {
        let mut g = DiGraph::new();
        let v: Vec<_> = (0..3).map(|_| g.add_node(())).collect();
        g.add_edge(v[0], v[1], ());
        g.add_edge(v[1], v[2], ());
        g
    }

    #[test]
    fn inward_distances_on_a_chain() {
        // node 2 is reached by 1 (d 1) and 0 (d 2): (2/3) * (2/2)
        let c = closeness_exact(&chain());
        assert_eq!(c, vec![0.0, 0.5, 2.0 / 3.0]);
        assert_eq!(harmonic_exact(&chain()), vec![0.0, 1.0, 1.5]);
        assert_eq!(closeness_sampled(&chain(), 3, 9), c);
        assert_eq!(harmonic_sampled(&chain(), 3, 9), vec![0.0, 1.0, 1.5]);
    }
}
