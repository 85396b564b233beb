//! Stage 5: exports — DOT and rendered maps, the browser map (`map.html`),
//! Gephi CSV, GEXF, GraphML, JSON, VOSviewer, and the Markdown report.
//!
//! Every exporter works on a [`View`]: the nodes and edges of a
//! [`CitationGraph`] that passed the user's filters ([`filter`]), in a fixed
//! order (nodes by id, edges by source then target), with the scores
//! ([`Scores`]) computed once on the whole graph. Exporters stream their
//! output to a `Write`, so that a graph with millions of edges is never held
//! as text in memory; the commands hand them the writer of
//! [`crate::output::write_atomic`].

pub mod dot;
pub mod filter;
pub mod gephi;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;
pub mod render;
pub mod report;
pub mod style;
pub mod text;
pub mod vosviewer;

pub use filter::{Filter, View};

use crate::analysis::{self, Measure};
use crate::graph::CitationGraph;

/// A problem writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Graphviz is needed but not installed.
    #[error(
        "Graphviz `{engine}` not found: install Graphviz (apt-get install graphviz, brew install graphviz) or export --format dot"
    )]
    GraphvizMissing {
        /// The layout engine asked for.
        engine: String,
    },
    /// The graph is too large to render into a readable picture.
    #[error(
        "{nodes} nodes are too many to render a readable map (limit {limit}): narrow it with --top N or --ego ID, or pass --force"
    )]
    TooLarge {
        /// Nodes in the filtered graph.
        nodes: usize,
        /// The limit without `--force`.
        limit: usize,
    },
    /// Graphviz ran but failed.
    #[error("Graphviz `{engine}` failed: {message}")]
    Render {
        /// The layout engine.
        engine: String,
        /// What it printed on stderr (first lines).
        message: String,
    },
}

/// Per-node scores shared by every exporter, indexed by `NodeIndex::index()`
/// and computed once on the whole (unfiltered) graph, so that a node keeps
/// its centrality whatever part of the graph is exported.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// PageRank (sums to 1 over the whole graph).
    pub pagerank: Vec<f64>,
    /// Number of citing texts.
    pub in_degree: Vec<u32>,
    /// Number of cited texts.
    pub out_degree: Vec<u32>,
}

impl Scores {
    /// Computes PageRank and degrees of every node of `g`.
    pub fn compute(g: &CitationGraph) -> Scores {
        let to_u32 = |v: Vec<f64>| v.into_iter().map(|x| x as u32).collect();
        Scores {
            pagerank: analysis::compute(&g.graph, Measure::Pagerank),
            in_degree: to_u32(analysis::compute(&g.graph, Measure::InDegree)),
            out_degree: to_u32(analysis::compute(&g.graph, Measure::OutDegree)),
        }
    }
}
