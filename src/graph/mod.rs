//! Stage 3: the citation graph.
//!
//! Nodes are the corpus documents and everything they cite; edges go from the
//! citing text to the cited one. Node metadata lives in a `Vec` indexed by
//! `NodeIndex::index()` rather than inside the petgraph node weights, so that
//! algorithms see a lean `DiGraph<(), EdgeMeta>` (12 B per node) and the
//! metadata can be borrowed independently; ids are looked up through
//! [`CitationGraph::index`].
//!
//! Where graphs come from and go:
//!
//! - [`build`] — extracted citations → graph (and a node's attributes from
//!   its id alone);
//! - [`edgelist`] — Gephi-style edge-list CSV → graph, fast
//!   ([`interner`] and [`fasthash`] serve it), or → [`lean::EdgeListGraph`],
//!   ids and arcs only, for the commands that need no more; [`nodelist`] — the node
//!   table that goes with it (titles, years, kinds);
//! - [`store`] — the saved-graph JSON format, written and read streaming;
//! - [`input`] — the INPUT... of every graph command: recognises each input
//!   and merges them into one graph;
//! - [`resolve_id`] — an id as a user types it → a node, or close matches.

pub mod build;
pub mod edgelist;
pub mod fasthash;
pub mod input;
pub mod interner;
pub mod lean;
pub mod metadata;
pub mod nodelist;
pub mod resolve_id;
mod saved_lines;
pub mod store;

use crate::model::{Body, Kind, Lang};
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;

/// Attributes of one node.
///
/// Saved graphs ([`store`]) hold these fields (defaults left out when
/// writing); missing fields read as their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct NodeMeta {
    /// Canonical id (`A/RES/72/194`).
    #[serde(deserialize_with = "store::nonempty_id")]
    pub id: String,
    /// What the node is, when its id is a recognised symbol or it came from
    /// an extracted citation.
    pub kind: Option<Kind>,
    /// Title, for corpus documents (empty otherwise).
    pub title: String,
    /// Year of adoption or issue, when known.
    pub year: Option<i32>,
    /// Date of adoption or issue (ISO 8601 `2015-09-25`), or empty.
    pub date: String,
    /// Adopting or issuing body, when known.
    pub body: Option<Body>,
    /// Language of the corpus document (None for external nodes).
    pub lang: Option<Lang>,
    /// True when the text itself is part of the corpus.
    pub in_corpus: bool,
    /// The corpus file (empty for external nodes).
    pub file: String,
    /// Further attributes, from metadata files (`draft`, `total_yes`,
    /// `modality`, …), by name.
    pub attrs: std::collections::BTreeMap<String, String>,
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
    /// The passage of the first mention (the sentence or clause around
    /// it, see [`crate::extract::context`]), may be empty.
    #[serde(default)]
    pub context: Box<str>,
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
    /// Canonical id → node (fast non-cryptographic hasher: a million ids
    /// are inserted when an edge list is loaded).
    pub index: HashMap<String, NodeIndex, fasthash::FxBuild>,
    /// Texts whose citing documents disagree on their title (see
    /// [`build::harvested_titles`]); listed in the report.
    pub title_conflicts: Vec<TitleConflict>,
}

/// A text the citing documents give different titles.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TitleConflict {
    /// Canonical id of the cited text.
    pub id: String,
    /// The titles given, each with the number of citing documents giving
    /// it, the chosen one first.
    pub titles: Vec<(String, usize)>,
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
    /// corpus document overrides what citations guessed (keeping a guessed
    /// kind, year, body or language the document lacks).
    pub fn upsert_node(&mut self, meta: NodeMeta) -> NodeIndex {
        if let Some(&n) = self.index.get(&meta.id) {
            let cur = &mut self.nodes[n.index()];
            if meta.in_corpus && !cur.in_corpus {
                // The document's own attributes win; what the citations
                // guessed only fills what it lacks.
                let old = std::mem::take(cur);
                *cur = NodeMeta {
                    id: old.id,
                    kind: meta.kind.or(old.kind),
                    year: meta.year.or(old.year),
                    date: if meta.date.is_empty() {
                        old.date
                    } else {
                        meta.date
                    },
                    body: meta.body.or(old.body),
                    lang: meta.lang.or(old.lang),
                    ..meta
                };
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
                if cur.date.is_empty() {
                    cur.date = meta.date;
                }
                for (k, v) in meta.attrs {
                    cur.attrs.entry(k).or_insert(v);
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

    /// Adds the edge `src → dst`, or, when it exists, adds `meta.weight` to
    /// its weight, saturating (see [`sum_weights`]); the cue and paragraph of
    /// the first mention are kept.
    /// Self-loops are dropped (returns `false`).
    pub fn add_or_merge_edge(&mut self, src: NodeIndex, dst: NodeIndex, meta: EdgeMeta) -> bool {
        if src == dst {
            return false;
        }
        if let Some(e) = self.graph.find_edge(src, dst) {
            let cur = &mut self.graph[e];
            cur.weight = sum_weights(cur.weight, meta.weight);
            cur.flagged |= meta.flagged;
        } else {
            self.graph.add_edge(src, dst, meta);
        }
        true
    }

    /// Merges `other` into `self`: its nodes are upserted in its node order
    /// (a corpus document wins over an external node of the same id), its
    /// edges added in its edge order, weights of edges present in both
    /// summed. Merging into an empty graph moves `other` as it is.
    pub fn merge(&mut self, other: CitationGraph) {
        if self.node_count() == 0 {
            *self = other;
            return;
        }
        let CitationGraph {
            graph,
            nodes,
            title_conflicts,
            ..
        } = other;
        self.title_conflicts.extend(title_conflicts);
        let map: Vec<NodeIndex> = nodes.into_iter().map(|m| self.upsert_node(m)).collect();
        let (_, edges) = graph.into_nodes_edges();
        for e in edges {
            let (s, t) = (map[e.source().index()], map[e.target().index()]);
            self.add_or_merge_edge(s, t, e.weight);
        }
    }

    /// Sets `flagged` on every edge whose cited text is later than the citing
    /// one (both years known), and clears it elsewhere; returns how many
    /// edges are flagged. Run once the graph is complete, since a corpus
    /// document may bring the year of a node first seen as a target.
    pub fn flag_later_citations(&mut self) -> usize {
        // Years in a dense array (4 bytes a node instead of a NodeMeta each):
        // the edge pass then stays in cache on large graphs.
        const NONE: i32 = i32::MIN;
        let years: Vec<i32> = self.nodes.iter().map(|n| n.year.unwrap_or(NONE)).collect();
        let any_year = years.iter().any(|&y| y != NONE);
        let mut flagged = 0;
        for e in self.graph.edge_weights_mut() {
            e.flagged = false;
        }
        if !any_year {
            return 0;
        }
        let ends: Vec<(usize, usize)> = self
            .graph
            .raw_edges()
            .iter()
            .map(|e| (e.source().index(), e.target().index()))
            .collect();
        for (w, (s, t)) in self.graph.edge_weights_mut().zip(ends) {
            let (ys, yt) = (years[s], years[t]);
            let later = ys != NONE && yt != NONE && yt > ys;
            w.flagged = later;
            flagged += usize::from(later);
        }
        flagged
    }

    /// Node indices sorted by id (for outputs whose order carries no meaning).
    pub fn ids_sorted(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_by(|a, b| self.nodes[a.index()].id.cmp(&self.nodes[b.index()].id));
        v
    }
}

/// The canonical form of an id read from a saved graph, an edge list or a
/// masthead: `S/RES/687 (1991)` → `S/RES/687(1991)`, `72/194` →
/// `A/RES/72/194`. Ids that already look canonical (a symbol such as
/// `A/RES/72/194`, or a plain number as edge lists often use) are returned
/// unchanged without running the normaliser's regexes, which keeps loading a
/// million-node edge list fast.
pub fn canonical_id(raw: &str) -> String {
    let raw = raw.trim();
    if looks_canonical(raw.as_bytes()) {
        return raw.to_string();
    }
    crate::symbol::normalize_user_id(raw).unwrap_or_else(|| raw.to_string())
}

/// True for ids the normaliser would not change: all digits, or an
/// upper-case symbol (`X/…` with only `A-Z 0-9 / . ( ) -`) that does not end
/// in punctuation.
pub(crate) fn looks_canonical(b: &[u8]) -> bool {
    if b.is_empty() {
        return true;
    }
    if b.iter().all(u8::is_ascii_digit) {
        return true;
    }
    b.len() > 2
        && b[0].is_ascii_uppercase()
        && b[1] == b'/'
        && !matches!(b[b.len() - 1], b'.' | b',' | b';' | b':')
        && b.iter()
            .all(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || b"/.()-".contains(&c))
}

/// Largest graph input accepted (saved graph, edge list, node table):
/// 4 GiB, about 130 million edge rows. Row numbers are 32-bit inside the
/// loader, and a bound keeps a stray huge file from exhausting memory.
pub const MAX_GRAPH_INPUT: u64 = 4 << 30;

/// The bytes of a graph input: the file mapped into memory (no copy, and
/// the pages stay in the page cache), or read into a buffer when it cannot
/// be mapped (pipes, devices, some file systems).
pub(crate) enum InputBytes {
    /// A memory-mapped regular file.
    Mapped(memmap2::Mmap),
    /// Bytes read into memory.
    Read(Vec<u8>),
}

impl std::ops::Deref for InputBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            InputBytes::Mapped(m) => m,
            InputBytes::Read(v) => v,
        }
    }
}

/// Reads a whole graph input file (saved graph, edge list, node table),
/// refusing files larger than [`MAX_GRAPH_INPUT`] and files holding a NUL
/// byte (binary files: no text format unxref reads has one). A failure is
/// a [`GraphError`] naming the file.
pub(crate) fn read_file(path: &std::path::Path) -> Result<InputBytes, GraphError> {
    use std::io::Read;
    let io = |source| GraphError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_big = || GraphError::EdgeList {
        path: path.to_path_buf(),
        line: 0,
        msg: format!(
            "larger than {} GiB, the limit for a graph input",
            MAX_GRAPH_INPUT >> 30
        ),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    let bytes = if meta.is_file() && meta.len() > MAX_GRAPH_INPUT {
        return Err(too_big());
    } else if meta.is_file() && meta.len() > 0 {
        // SAFETY: the map is read-only and private to this process; the
        // usual caveat of mmap applies (another process truncating the
        // file while it is read), as for every tool that maps its inputs.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(m) => InputBytes::Mapped(m),
            Err(_) => InputBytes::Read(std::fs::read(path).map_err(io)?),
        }
    } else {
        // Pipes and devices: read at most the limit (plus one byte to tell).
        let mut v = Vec::new();
        file.take(MAX_GRAPH_INPUT + 1)
            .read_to_end(&mut v)
            .map_err(io)?;
        if v.len() as u64 > MAX_GRAPH_INPUT {
            return Err(too_big());
        }
        InputBytes::Read(v)
    };
    // Looked for in 8 MiB pieces in parallel (a 300 MB file takes 50 ms
    // on one core).
    const PIECE: usize = 8 << 20;
    let nul = {
        use rayon::prelude::*;
        bytes
            .par_chunks(PIECE)
            .enumerate()
            .filter_map(|(k, piece)| memchr::memchr(0, piece).map(|i| k * PIECE + i))
            .min()
    };
    if let Some(at) = nul {
        return Err(GraphError::EdgeList {
            path: path.to_path_buf(),
            line: 1 + memchr::memchr_iter(b'\n', &bytes[..at]).count(),
            msg: "NUL byte: a binary file, not a graph input".into(),
        });
    }
    Ok(bytes)
}

/// `text` quoted for an error message, cut to its first 200 characters
/// (a bad line of a huge file must not be echoed whole).
pub(crate) fn excerpt(text: &str) -> String {
    excerpt_bytes(text.as_bytes())
}

/// [`excerpt`] of bytes that may not be UTF-8 (only the first kilobyte is
/// looked at).
pub(crate) fn excerpt_bytes(bytes: &[u8]) -> String {
    const MAX: usize = 200;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4 * MAX + 4)]);
    match text.char_indices().nth(MAX) {
        None => format!("{text:?}"),
        Some((cut, _)) => format!("{:?}… ({} bytes in all)", &text[..cut], bytes.len()),
    }
}

/// A problem loading, building or saving a graph.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// A saved graph or edge list could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A bad row in an edge-list or node-table CSV.
    #[error("{}:{line}: {msg}", path.display())]
    EdgeList {
        /// The CSV file.
        path: PathBuf,
        /// 1-based line of the bad row.
        line: usize,
        /// What is wrong with it.
        msg: String,
    },
    /// A saved graph that is not valid `unxref-graph` JSON.
    #[error("{}:{line}: {msg}", path.display())]
    SavedGraph {
        /// The graph file.
        path: PathBuf,
        /// 1-based line where the problem was found (0 when unknown).
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A bad `--metadata` file: unknown layout, bad row or date.
    #[error("{}:{line}: {msg}", path.display())]
    Metadata {
        /// The metadata file.
        path: PathBuf,
        /// 1-based line of the problem (1: the header).
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// An id that is not in the graph.
    #[error("unknown id {id}{}", if suggestions.is_empty() { String::new() } else { format!(" (did you mean {}?)", suggestions.join(", ")) })]
    UnknownId {
        /// The id as typed.
        id: String,
        /// Close matches.
        suggestions: Vec<String>,
    },
}

/// The sum of two edge weights, saturating at the largest finite `f64`:
/// repeated huge weights (`1e308` twice) never overflow to infinity, which
/// a saved graph could not hold.
pub fn sum_weights(a: f64, b: f64) -> f64 {
    (a + b).min(f64::MAX)
}
