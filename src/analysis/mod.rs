//! Stage 4: analysis of the citation graph — centrality, queries, paths.
//!
//! Every algorithm here takes the topology (`&DiGraph<N, E>`) and returns one
//! value per node, indexed by `NodeIndex::index()`, so that results can sit
//! beside [`crate::graph::CitationGraph::nodes`].

pub mod centrality;
pub mod pagerank;
pub mod path;
pub mod query;
pub mod related;
pub mod stats;

pub use centrality::{Measure, compute};
pub use pagerank::{PageRankOptions, pagerank};
