//! Stage 4: analysis of the citation graph — centrality, queries, paths.
//!
//! Every algorithm here takes the topology (`&DiGraph<N, E>`) and returns one
//! value per node, indexed by `NodeIndex::index()`, so that results can sit
//! beside [`crate::graph::CitationGraph::nodes`]. Each measure follows the
//! networkx function of the same name (definitions, direction conventions,
//! normalisation) and is tested against values networkx computed on a
//! fixture (`tests/centrality_networkx.rs`). Internally they walk a CSR copy
//! of the graph with parallel edges merged (networkx's `DiGraph` view), and
//! their parallel loops reduce in a fixed order, so results are identical
//! from run to run and on any number of threads. PageRank also takes such a
//! CSR directly ([`pagerank_arcs`]), for graphs held without petgraph (the
//! edge-list loader's [`crate::graph::lean::EdgeListGraph`]); queries run
//! on either through [`query::QueryGraph`].

pub mod betweenness;
mod bitset;
pub mod centrality;
pub mod closeness;
pub mod components;
pub mod converge;
pub mod csr;
pub mod hits;
pub mod kcore;
pub mod pagerank;
mod parallel;
pub mod path;
pub mod query;
pub mod related;
mod sample;
pub mod spectral;
pub mod stats;
mod topo;

pub use betweenness::{betweenness_exact, betweenness_sampled};
pub use centrality::{CentralityOptions, Measure, compute, compute_converged, compute_with};
pub use closeness::{closeness_exact, closeness_sampled, harmonic_exact, harmonic_sampled};
pub use components::{membership, strongly_connected, weakly_connected};
pub use converge::Convergence;
pub use hits::{Hits, HitsOptions, hits, hits_converged};
pub use kcore::core_number;
pub use pagerank::{
    PageRankOptions, pagerank, pagerank_arcs, pagerank_converged, pagerank_weighted,
    pagerank_weighted_converged,
};
pub use spectral::{SpectralOptions, eigenvector, eigenvector_converged, katz, katz_converged};
