//! When an iterative measure stops, and how far from its fixed point.
//!
//! Every power iteration here (PageRank, HITS, eigenvector, Katz) stops on
//! an absolute criterion: an upper estimate of the L1 distance between the
//! returned vector and the exact fixed point falls below a tolerance
//! (default [`DEFAULT_TOLERANCE`], `--tol` on the command line). The
//! estimate is the L1 change of the last step, `δₖ = ‖xₖ − xₖ₋₁‖₁`, times
//! `q / (1 − q)` for a contraction factor `q`:
//!
//! - PageRank is a contraction of factor `d` (the damping) in L1, so
//!   `‖xₖ − x*‖₁ ≤ δₖ · d / (1 − d)` is a proven bound;
//! - the other measures have no known factor in advance; `q` is estimated
//!   from the last two changes (`δₖ / δₖ₋₁`, the usual estimate of the ratio
//!   of the two largest eigenvalues), so the bound is an estimate, exact
//!   once the iteration has settled into its geometric regime.
//!
//! A criterion relative to `n` (networkx's `Σ|Δ| < n · tol`) loosens as the
//! graph grows; this one does not.

/// Default tolerance on the distance to the fixed point (L1, on the vector
/// as returned: PageRank and HITS sum to 1, eigenvector and Katz have unit
/// Euclidean norm).
pub const DEFAULT_TOLERANCE: f64 = 1e-13;

/// How an iterative measure ended.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Convergence {
    /// Iterations run.
    pub iterations: usize,
    /// Upper estimate of the L1 distance from the returned vector to the
    /// fixed point (infinite when no estimate was possible).
    pub bound: f64,
    /// True when `bound` fell below the tolerance before the iteration limit.
    pub converged: bool,
    /// True when the values were computed exactly, without iterating
    /// (PageRank on an acyclic graph: one sweep in topological order).
    pub exact: bool,
    /// PageRank: nodes on cycles, the only ones iterated (`iterations` is
    /// then the most any of their strong components needed).
    pub cycle_nodes: usize,
    /// PageRank: strong components of more than one node.
    pub cycle_components: usize,
}

impl Convergence {
    /// A one-line description, for notes: `pagerank: 152 iterations,
    /// distance to the fixed point ≤ 8.4e-14`.
    pub fn describe(&self, measure: &str) -> String {
        if self.exact {
            return format!("{measure}: exact (acyclic graph: one sweep in topological order)");
        }
        let state = if self.converged {
            ""
        } else {
            " (iteration limit reached, not converged)"
        };
        let cycles = match self.cycle_components {
            0 => String::new(),
            k => format!(
                " on {} node(s) in {k} cycle(s) (the rest exact, one sweep)",
                self.cycle_nodes
            ),
        };
        format!(
            "{measure}: {} iterations{cycles}, distance to the fixed point ≤ {:.1e}{state}",
            self.iterations, self.bound
        )
    }
}

/// Tracks the changes of successive iterations and decides when to stop.
#[derive(Debug, Clone)]
pub(crate) struct Tracker {
    tolerance: f64,
    /// Known contraction factor, when there is one (PageRank's damping).
    factor: Option<f64>,
    last_change: f64,
    /// The state reported at the end.
    pub state: Convergence,
}

impl Tracker {
    /// A tracker for an iteration of known contraction factor `factor`
    /// (`None`: estimate it from successive changes).
    pub fn new(tolerance: f64, factor: Option<f64>) -> Self {
        Tracker {
            tolerance,
            factor,
            last_change: f64::INFINITY,
            state: Convergence {
                iterations: 0,
                bound: f64::INFINITY,
                converged: false,
                ..Convergence::default()
            },
        }
    }

    /// Records one iteration whose L1 change was `change`; true when the
    /// iteration should stop.
    pub fn step(&mut self, change: f64) -> bool {
        self.state.iterations += 1;
        let q = match self.factor {
            Some(q) => q,
            None if self.last_change.is_finite() && self.last_change > 0.0 => {
                change / self.last_change
            }
            None => f64::INFINITY,
        };
        self.last_change = change;
        self.state.bound = if change == 0.0 {
            0.0
        } else if q < 1.0 {
            change * q / (1.0 - q)
        } else {
            f64::INFINITY
        };
        // An estimated factor may be fooled by one small step: ask for the
        // change itself to be below the tolerance too.
        let small = self.factor.is_some() || change < self.tolerance;
        if self.state.bound < self.tolerance && small || !change.is_finite() {
            self.state.converged = change.is_finite();
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_factor_bound() {
        let mut t = Tracker::new(1e-3, Some(0.5));
        assert!(!t.step(0.1));
        assert!((t.state.bound - 0.1).abs() < 1e-15);
        assert!(t.step(1e-4));
        assert!(t.state.converged);
        assert_eq!(t.state.iterations, 2);
    }

    #[test]
    fn estimated_factor_needs_two_steps() {
        let mut t = Tracker::new(1e-3, None);
        assert!(!t.step(1e-4));
        assert!(t.state.bound.is_infinite());
        assert!(t.step(1e-5));
        assert!((t.state.bound - 1e-5 * 0.1 / 0.9).abs() < 1e-18);
        let mut z = Tracker::new(1e-3, None);
        assert!(z.step(0.0));
        assert_eq!(z.state.bound, 0.0);
    }
}
