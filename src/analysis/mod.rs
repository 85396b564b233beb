//! Stage 4: analysis of the citation graph — centrality, queries, paths.
//!
//! Every algorithm here takes the topology (`&DiGraph<N, E>`) and returns one
//! value per node, indexed by `NodeIndex::index()`, so that results can sit
//! beside [`crate::graph::CitationGraph::nodes`].

pub mod centrality;
pub mod pagerank;

pub use centrality::{Measure, compute};
pub use pagerank::{PageRankOptions, pagerank};
