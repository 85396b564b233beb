//! Stage 3: the citation graph.
//!
//! Nodes are the corpus documents and everything they cite; edges go from the
//! citing text to the cited one. Node metadata lives in a `Vec` indexed by
//! `NodeIndex::index()` rather than inside the petgraph node weights, so that
//! algorithms see a lean `DiGraph<(), EdgeMeta>` (12 B per node) and the
//! metadata can be borrowed independently; ids are looked up through
//! [`CitationGraph::index`].

pub mod build;
pub mod input;

use crate::model::{Body, Kind, Lang};
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Attributes of one node.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct NodeMeta {
    /// Canonical id (`A/RES/72/194`).
    pub id: String,
    /// What the node is, when its id is a recognised symbol or it came from
    /// an extracted citation.
    pub kind: Option<Kind>,
    /// Title, for corpus documents (empty otherwise).
    pub title: String,
    /// Year of adoption or issue, when known.
    pub year: Option<i32>,
    /// Adopting or issuing body, when known.
    pub body: Option<Body>,
    /// Language of the corpus document (None for external nodes).
    pub lang: Option<Lang>,
    /// True when the text itself is part of the corpus.
    pub in_corpus: bool,
    /// The corpus file (empty for external nodes).
    pub file: String,
}

/// Attributes of one edge (citing → cited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EdgeMeta {
    /// Number of mentions (or the weight column of an edge-list CSV).
    pub weight: f64,
    /// The paragraph cue of the first mention ("Recalling"), may be empty.
    pub cue: Box<str>,
    /// The paragraph of the first mention (`pp3`, `op5`, `fn2`), may be empty.
    pub paragraph: Box<str>,
    /// The cited text is later than the citing one: a sign of an extraction
    /// or dating error, kept but flagged.
    pub flagged: bool,
}

/// The citation graph: topology in petgraph, metadata beside it.
#[derive(Debug, Clone, Default)]
pub struct CitationGraph {
    /// Topology; node weights are unused, edge weights carry [`EdgeMeta`].
    pub graph: DiGraph<(), EdgeMeta>,
    /// Node metadata, indexed by `NodeIndex::index()`.
    pub nodes: Vec<NodeMeta>,
    /// Canonical id → node.
    pub index: HashMap<String, NodeIndex>,
}

impl CitationGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with this canonical id, if any.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// Metadata of a node.
    pub fn meta(&self, n: NodeIndex) -> &NodeMeta {
        &self.nodes[n.index()]
    }

    /// Returns the node for `meta.id`, adding it when new. When the node
    /// exists, fields that are empty on it are filled from `meta`, and a
    /// corpus document overrides what citations guessed.
    pub fn upsert_node(&mut self, meta: NodeMeta) -> NodeIndex {
        if let Some(&n) = self.index.get(&meta.id) {
            let cur = &mut self.nodes[n.index()];
            if meta.in_corpus && !cur.in_corpus {
                let id = std::mem::take(&mut cur.id);
                *cur = NodeMeta { id, ..meta };
            } else {
                if cur.kind.is_none() {
                    cur.kind = meta.kind;
                }
                if cur.title.is_empty() {
                    cur.title = meta.title;
                }
                if cur.year.is_none() {
                    cur.year = meta.year;
                }
                if cur.body.is_none() {
                    cur.body = meta.body;
                }
                if cur.lang.is_none() {
                    cur.lang = meta.lang;
                }
            }
            return n;
        }
        let n = self.graph.add_node(());
        debug_assert_eq!(n.index(), self.nodes.len());
        self.index.insert(meta.id.clone(), n);
        self.nodes.push(meta);
        n
    }
}

/// A problem loading, building or saving a graph.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// An id that is not in the graph.
    #[error("unknown id {id}{}", if suggestions.is_empty() { String::new() } else { format!(" (did you mean {}?)", suggestions.join(", ")) })]
    UnknownId {
        /// The id as typed.
        id: String,
        /// Close matches.
        suggestions: Vec<String>,
    },
}
