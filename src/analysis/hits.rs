//! HITS hubs and authorities (Kleinberg), the networkx way.
//!
//! A good authority is cited by good hubs, a good hub cites good
//! authorities: `a = Aᵀh`, `h = Aa`, repeated from a uniform `h` with both
//! vectors rescaled to a maximum of 1 after each round, until the hub vector
//! moves less than `n · tolerance` in L1; both are then rescaled to sum to 1.
//! This is networkx's power-iteration HITS (`_hits_python`); its default
//! `hits` computes the same principal singular vectors with ARPACK (the two
//! agree on the test fixture to 1e-8). Unweighted: one arc per
//! (citing, cited) pair. Each round is two sparse gathers, parallel over
//! fixed node chunks and deterministic.

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
    /// Stop when the L1 change of the max-normalised hub vector is below
    /// `n * tolerance`.
    pub tolerance: f64,
    /// Give up after this many rounds (the last iterate is returned).
    pub max_iter: usize,
}

impl Default for HitsOptions {
    fn default() -> Self {
        HitsOptions {
            tolerance: 1e-12,
            max_iter: 1000,
        }
    }
}

/// Computes HITS on `g`. Without edges every score is 0 (networkx divides by
/// zero there).
pub fn hits<N, E>(g: &DiGraph<N, E>, opts: &HitsOptions) -> Hits {
    let n = g.node_count();
    let (out, inn) = csr::out_in(g);
    if n == 0 || out.nbrs.is_empty() {
        return Hits {
            authority: vec![0.0; n],
            hub: vec![0.0; n],
        };
    }
    let nf = n as f64;
    let mut h = vec![1.0 / nf; n];
    let mut a = vec![0.0; n];
    let mut next_h = vec![0.0; n];
    for _ in 0..opts.max_iter {
        parallel::fill_sum(&mut a, |t| {
            (inn.of(t).iter().map(|&s| h[s as usize]).sum(), 0.0)
        });
        parallel::fill_sum(&mut next_h, |s| {
            (out.of(s).iter().map(|&t| a[t as usize]).sum(), 0.0)
        });
        let hmax = next_h.iter().copied().fold(0.0, f64::max);
        let amax = a.iter().copied().fold(0.0, f64::max);
        if hmax <= 0.0 || amax <= 0.0 {
            break;
        }
        a.iter_mut().for_each(|x| *x /= amax);
        next_h.iter_mut().for_each(|x| *x /= hmax);
        let err = parallel::sum(n, |i| (next_h[i] - h[i]).abs());
        std::mem::swap(&mut h, &mut next_h);
        if err < nf * opts.tolerance {
            break;
        }
    }
    Hits {
        authority: normalised(a),
        hub: normalised(h),
    }
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
