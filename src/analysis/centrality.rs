//! One entry point for every centrality measure, so that commands and
//! exporters can rank by a measure chosen at run time.
//!
//! Betweenness, closeness and harmonic centrality cost one breadth-first
//! search per node; [`compute`] runs them exactly up to
//! [`CentralityOptions::exact_limit`] nodes (5,000) and from 256 seeded
//! pivots above, which keeps a 1 M-node graph in seconds to tens of seconds
//! and gives the same numbers on every run.

use petgraph::Direction;
use petgraph::graph::DiGraph;

/// A centrality measure (the values of `unxref rank --by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Measure {
    /// PageRank (damping 0.85, unweighted, as networkx computes it).
    Pagerank,
    /// Number of citing texts (distinct).
    InDegree,
    /// Number of cited texts (distinct).
    OutDegree,
    /// HITS authority score (cited by good hubs).
    HitsAuthority,
    /// HITS hub score (cites good authorities).
    HitsHub,
    /// Betweenness (exact on small graphs, sampled on large ones).
    Betweenness,
    /// Closeness over inward distances (sampled on large graphs).
    Closeness,
    /// Harmonic centrality over inward distances (sampled on large graphs).
    Harmonic,
    /// Eigenvector centrality (degenerate on acyclic graphs: prefer Katz).
    Eigenvector,
    /// Katz centrality (alpha 0.1, beta 1).
    Katz,
    /// k-core number, with the graph taken as undirected.
    Core,
}

/// Settings of the measures that have any, for [`compute_with`].
#[derive(Debug, Clone, Copy)]
pub struct CentralityOptions {
    /// PageRank parameters.
    pub pagerank: super::PageRankOptions,
    /// HITS parameters.
    pub hits: super::HitsOptions,
    /// Eigenvector and Katz parameters.
    pub spectral: super::SpectralOptions,
    /// Betweenness, closeness and harmonic centrality are exact on graphs
    /// with at most this many nodes (one search per node, O(n·m)) and
    /// sampled above it.
    pub exact_limit: usize,
    /// Number of pivots of the sampled measures.
    pub pivots: usize,
    /// Seed of the pivot choice (same seed, same result).
    pub seed: u64,
}

impl Default for CentralityOptions {
    fn default() -> Self {
        CentralityOptions {
            pagerank: Default::default(),
            hits: Default::default(),
            spectral: Default::default(),
            exact_limit: 5_000,
            pivots: 256,
            seed: 0x756e_7872_6566, // "unxref"
        }
    }
}

impl CentralityOptions {
    /// These options with `tol` as the tolerance of every iterative measure
    /// (PageRank, HITS, eigenvector, Katz; see [`super::converge`]).
    pub fn with_tolerance(mut self, tol: f64) -> Self {
        self.pagerank.tolerance = tol;
        self.hits.tolerance = tol;
        self.spectral.tolerance = tol;
        self
    }
}

/// Computes `m` for every node with the default options; the result is
/// indexed by `NodeIndex::index()`.
pub fn compute<N, E>(g: &DiGraph<N, E>, m: Measure) -> Vec<f64> {
    compute_with(g, m, &CentralityOptions::default())
}

/// Computes `m` for every node with explicit options; the result is indexed
/// by `NodeIndex::index()`, finite, and empty for an empty graph.
pub fn compute_with<N, E>(g: &DiGraph<N, E>, m: Measure, o: &CentralityOptions) -> Vec<f64> {
    compute_converged(g, m, o).0
}

/// [`compute_with`], with how the iteration ended for the iterative
/// measures (PageRank, HITS, eigenvector, Katz; `None` for the others).
pub fn compute_converged<N, E>(
    g: &DiGraph<N, E>,
    m: Measure,
    o: &CentralityOptions,
) -> (Vec<f64>, Option<super::Convergence>) {
    use super::*;
    let exact = g.node_count() <= o.exact_limit;
    let some = |(v, c): (Vec<f64>, Convergence)| (v, Some(c));
    let values = match m {
        Measure::Pagerank => return some(pagerank_converged(g, &o.pagerank)),
        Measure::HitsAuthority => {
            let (h, c) = hits_converged(g, &o.hits);
            return (h.authority, Some(c));
        }
        Measure::HitsHub => {
            let (h, c) = hits_converged(g, &o.hits);
            return (h.hub, Some(c));
        }
        Measure::Eigenvector => return some(eigenvector_converged(g, &o.spectral)),
        Measure::Katz => return some(katz_converged(g, &o.spectral)),
        Measure::InDegree => degree(g, Direction::Incoming),
        Measure::OutDegree => degree(g, Direction::Outgoing),
        Measure::Betweenness if exact => betweenness_exact(g),
        Measure::Betweenness => betweenness_sampled(g, o.pivots, o.seed),
        Measure::Closeness if exact => closeness_exact(g),
        Measure::Closeness => closeness_sampled(g, o.pivots, o.seed),
        Measure::Harmonic if exact => harmonic_exact(g),
        Measure::Harmonic => harmonic_sampled(g, o.pivots, o.seed),
        Measure::Core => core_number(g),
    };
    (values, None)
}

/// Number of distinct neighbours in direction `dir` (networkx `DiGraph`
/// degrees: parallel edges count once, a self-loop counts in both).
fn degree<N, E>(g: &DiGraph<N, E>, dir: Direction) -> Vec<f64> {
    let (out, inn) = super::csr::out_in(g);
    let adj = if dir == Direction::Incoming { inn } else { out };
    (0..adj.len()).map(|v| adj.degree(v) as f64).collect()
}
