//! Eigenvector and Katz centrality, the networkx way.
//!
//! Both score a text by the scores of the texts citing it (networkx's
//! in-edge, "left eigenvector" convention for directed graphs; rustworkx-core
//! uses the same convention but runs sequentially over petgraph's edge lists
//! and gives no result when it does not converge, so the iterations are
//! written here over the in-edge CSR, in parallel and deterministically):
//!
//! - eigenvector (`eigenvector_centrality`): `x ← (A + I)ᵀx`, rescaled to
//!   unit Euclidean norm, from `1/n`;
//! - Katz (`katz_centrality`, `normalized=True`): `x ← α Aᵀx + β`, from 0,
//!   rescaled to unit Euclidean norm at the end.
//!
//! Both stop when the estimated L1 distance of the normalised vector to the
//! fixed point is below the tolerance (default 1e-13, see
//! [`super::converge`]; networkx's `Σ|x' − x| < n · tol` loosens as the
//! graph grows). Unweighted (networkx's
//! default `weight=None` for both): one arc per (citing, cited) pair.
//!
//! Caveat for citation graphs: a graph with no cycle has a nilpotent
//! adjacency matrix, so eigenvector centrality is degenerate there (the
//! iteration drifts slowly towards the ends of the longest chains and
//! networkx raises `PowerIterationFailedConvergence`). Here, when
//! the iterations run out, the last iterate is returned instead of failing;
//! prefer PageRank or Katz on such graphs. Katz converges on any graph
//! whose spectral radius is below `1/α` (every acyclic graph); if it
//! diverges, the last finite iterate is returned, normalised.

use super::converge::{Convergence, DEFAULT_TOLERANCE, Tracker};
use super::csr::{self, Adjacency};
use super::parallel;
use petgraph::graph::DiGraph;

/// Parameters of [`eigenvector`] and [`katz`].
#[derive(Debug, Clone, Copy)]
pub struct SpectralOptions {
    /// Stop when the estimated L1 distance of the unit-norm vector to the
    /// fixed point is below this.
    pub tolerance: f64,
    /// Katz: give up after this many iterations (the last iterate is
    /// returned). networkx's default, 1000.
    pub max_iter: usize,
    /// Eigenvector: give up after this many iterations (the last iterate is
    /// returned). networkx's default, 100: on a (nearly) acyclic citation
    /// graph the iteration does not converge, and each round costs a pass
    /// over all edges (about 20 ms per 10 M edges).
    pub eigenvector_max_iter: usize,
    /// Katz attenuation factor α (networkx default 0.1).
    pub alpha: f64,
    /// Katz constant term β (networkx default 1).
    pub beta: f64,
}

impl Default for SpectralOptions {
    fn default() -> Self {
        SpectralOptions {
            tolerance: DEFAULT_TOLERANCE,
            max_iter: 1000,
            eigenvector_max_iter: 100,
            alpha: 0.1,
            beta: 1.0,
        }
    }
}

/// Eigenvector centrality of every node (unit Euclidean norm).
pub fn eigenvector<N, E>(g: &DiGraph<N, E>, opts: &SpectralOptions) -> Vec<f64> {
    eigenvector_converged(g, opts).0
}

/// [`eigenvector`], with the number of iterations and the distance
/// estimate reached.
pub fn eigenvector_converged<N, E>(
    g: &DiGraph<N, E>,
    opts: &SpectralOptions,
) -> (Vec<f64>, Convergence) {
    let inn = csr::incoming(g);
    let n = inn.len();
    let mut track = Tracker::new(opts.tolerance, None);
    if n == 0 {
        track.step(0.0);
        return (Vec::new(), track.state);
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..opts.eigenvector_max_iter {
        let sq = parallel::fill_sum(&mut next, |t| {
            let v = x[t] + gather(&inn, &x, t);
            (v, v * v)
        });
        let norm = sq.sqrt();
        let norm = if norm > 0.0 { norm } else { 1.0 };
        next.iter_mut().for_each(|v| *v /= norm);
        let err = parallel::sum(n, |i| (next[i] - x[i]).abs());
        std::mem::swap(&mut x, &mut next);
        if track.step(err) {
            break;
        }
    }
    (x, track.state)
}

/// Katz centrality of every node (unit Euclidean norm).
pub fn katz<N, E>(g: &DiGraph<N, E>, opts: &SpectralOptions) -> Vec<f64> {
    katz_converged(g, opts).0
}

/// [`katz`], with the number of iterations and the distance estimate
/// reached.
pub fn katz_converged<N, E>(g: &DiGraph<N, E>, opts: &SpectralOptions) -> (Vec<f64>, Convergence) {
    let inn = csr::incoming(g);
    let n = inn.len();
    let mut track = Tracker::new(opts.tolerance, None);
    if n == 0 {
        track.step(0.0);
        return (Vec::new(), track.state);
    }
    let (alpha, beta) = (opts.alpha, opts.beta);
    let mut x = vec![0.0; n];
    let mut next = vec![0.0; n];
    for _ in 0..opts.max_iter {
        let err = parallel::fill_sum(&mut next, |t| {
            let v = alpha * gather(&inn, &x, t) + beta;
            (v, (v - x[t]).abs())
        });
        if !err.is_finite() || next.iter().any(|v| !v.is_finite()) {
            break;
        }
        std::mem::swap(&mut x, &mut next);
        // the change as seen on the normalised vector that is returned
        let norm = parallel::sum(n, |i| x[i] * x[i]).sqrt();
        if track.step(if norm > 0.0 { err / norm } else { err }) {
            break;
        }
    }
    let norm = parallel::sum(n, |i| x[i] * x[i]).sqrt();
    if norm > 0.0 && norm.is_finite() {
        x.iter_mut().for_each(|v| *v /= norm);
    }
    (x, track.state)
}

/// `Σ x[s]` over the citers `s` of `t`.
#[inline]
fn gather(inn: &Adjacency, x: &[f64], t: usize) -> f64 {
    inn.of(t).iter().map(|&s| x[s as usize]).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycle_is_uniform_and_katz_counts_citers() {
        let mut g = DiGraph::<(), ()>::new();
        let v: Vec<_> = (0..3).map(|_| g.add_node(())).collect();
        g.add_edge(v[0], v[1], ());
        g.add_edge(v[1], v[2], ());
        g.add_edge(v[2], v[0], ());
        let e = eigenvector(&g, &SpectralOptions::default());
        for x in &e {
            assert!((x - 1.0 / 3f64.sqrt()).abs() < 1e-12);
        }
        let mut star = DiGraph::<(), ()>::new();
        let c = star.add_node(());
        let s = star.add_node(());
        star.add_edge(s, c, ());
        // x = [1.1, 1] before normalisation
        let k = katz(&star, &SpectralOptions::default());
        let norm = (1.1f64 * 1.1 + 1.0).sqrt();
        assert!((k[0] - 1.1 / norm).abs() < 1e-15 && (k[1] - 1.0 / norm).abs() < 1e-15);
    }
}
