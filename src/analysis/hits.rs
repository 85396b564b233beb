//! HITS hubs and authorities (Kleinberg), the networkx way.
//!
//! A good authority is cited by good hubs, a good hub cites good
//! authorities: `a = Aᵀh`, `h = Aa`, repeated from a uniform `h` with both
//! vectors rescaled to a maximum of 1 after each round; both are rescaled to
//! sum to 1 at the end. The iteration stops when the estimated L1 distance
//! of both sum-normalised vectors to the fixed point is below the tolerance
//! (default 1e-13; see [`super::converge`]), where networkx stops on
//! `Σ|Δh| < n · tol`, a criterion that loosens as the graph grows.
//! This is networkx's power-iteration HITS (`_hits_python`); its default
//! `hits` computes the same principal singular vectors with ARPACK (the two
//! agree on the test fixture to 1e-8). Unweighted: one arc per
//! (citing, cited) pair. Each round is two sparse gathers, parallel over
//! fixed node chunks and deterministic.

use super::converge::{Convergence, DEFAULT_TOLERANCE, Tracker};
use super::csr;
use super::parallel;
use petgraph::graph::DiGraph;

/// Hub and authority score of every node, indexed by `NodeIndex::index()`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hits {
    /// Authority scores (sum to 1, or all 0 on a graph without edges).
    pub authority: Vec<f64>,
    /// Hub scores (sum to 1, or all 0 on a graph without edges).
    pub hub: Vec<f64>,
}

/// Parameters of [`hits`].
#[derive(Debug, Clone, Copy)]
pub struct HitsOptions {
    /// Stop when the estimated L1 distance of the (sum-normalised) hub and
    /// authority vectors to the fixed point is below this.
    pub tolerance: f64,
    /// Give up after this many rounds (the last iterate is returned).
    pub max_iter: usize,
}

impl Default for HitsOptions {
    fn default() -> Self {
        HitsOptions {
            tolerance: DEFAULT_TOLERANCE,
            max_iter: 1000,
        }
    }
}

/// Computes HITS on `g`. Without edges every score is 0 (networkx divides by
/// zero there).
pub fn hits<N, E>(g: &DiGraph<N, E>, opts: &HitsOptions) -> Hits {
    hits_converged(g, opts).0
}

/// [`hits`], with the number of rounds and the distance estimate reached.
pub fn hits_converged<N, E>(g: &DiGraph<N, E>, opts: &HitsOptions) -> (Hits, Convergence) {
    let n = g.node_count();
    let (out, inn) = csr::out_in(g);
    let mut track = Tracker::new(opts.tolerance, None);
    if n == 0 || out.nbrs.is_empty() {
        track.step(0.0);
        let zero = Hits {
            authority: vec![0.0; n],
            hub: vec![0.0; n],
        };
        return (zero, track.state);
    }
    let nf = n as f64;
    let mut h = vec![1.0 / nf; n];
    let mut a = vec![0.0; n];
    // the authority vector of the previous round (uniform before the first)
    let mut prev_a = vec![1.0 / nf; n];
    let mut next_h = vec![0.0; n];
    for _ in 0..opts.max_iter {
        parallel::fill_sum(&mut a, |t| {
            (inn.of(t).iter().map(|&s| h[s as usize]).sum(), 0.0)
        });
        let hsum = parallel::fill_sum(&mut next_h, |s| {
            let v: f64 = out.of(s).iter().map(|&t| a[t as usize]).sum();
            (v, v)
        });
        let hmax = next_h.iter().copied().fold(0.0, f64::max);
        let amax = a.iter().copied().fold(0.0, f64::max);
        if hmax <= 0.0 || amax <= 0.0 {
            std::mem::swap(&mut a, &mut prev_a);
            break;
        }
        a.iter_mut().for_each(|x| *x /= amax);
        next_h.iter_mut().for_each(|x| *x /= hmax);
        // Changes of the sum-normalised vectors (what is returned).
        let (hs, asum) = (hsum / hmax, parallel::sum(n, |i| a[i]));
        let hs_old = parallel::sum(n, |i| h[i]);
        let as_old = parallel::sum(n, |i| prev_a[i]);
        let dh = parallel::sum(n, |i| (next_h[i] / hs - h[i] / hs_old).abs());
        let da = parallel::sum(n, |i| (a[i] / asum - prev_a[i] / as_old).abs());
        std::mem::swap(&mut h, &mut next_h);
        std::mem::swap(&mut a, &mut prev_a);
        if track.step(dh.max(da)) {
            break;
        }
    }
    let hits = Hits {
        authority: normalised(prev_a),
        hub: normalised(h),
    };
    (hits, track.state)
}

/// Rescales to sum 1 (all zeros stay zeros).
fn normalised(mut v: Vec<f64>) -> Vec<f64> {
    let s = parallel::sum(v.len(), |i| v[i]);
    if s > 0.0 {
        v.iter_mut().for_each(|x| *x /= s);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_has_one_authority() {
        let mut g = DiGraph::<(), ()>::new();
        let c = g.add_node(());
        for _ in 0..3 {
            let s = g.add_node(());
            g.add_edge(s, c, ());
        }
        let r = hits(&g, &HitsOptions::default());
        assert_eq!(r.authority, vec![1.0, 0.0, 0.0, 0.0]);
        assert_eq!(r.hub[0], 0.0);
        assert!((r.hub[1] - 1.0 / 3.0).abs() < 1e-15);
    }
}
