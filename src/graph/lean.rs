//! An edge list held lean: ids and arcs, no petgraph, no per-node record.
//!
//! [`super::edgelist::load_lean`] reads an edge-list CSV into an
//! [`EdgeListGraph`]: the canonical ids one after another in one string, the
//! out-arcs as a CSR ([`Adjacency`]: each node's cited nodes ascending,
//! repeated rows merged, self-loops dropped) with a weight per arc, and the
//! cue and paragraph of the arcs that have them. That is all `rank --by
//! pagerank` and `cited-by`/`cites` need, in about a tenth of the memory of
//! a [`CitationGraph`] (whose petgraph edges carry an 80-byte record each);
//! a node's attributes (kind, year, body: from its id alone, since an edge
//! list gives nothing else) are worked out only for the nodes printed.
//!
//! [`EdgeListGraph::into_citation_graph`] gives the full graph, with the
//! same nodes and edges in the same order as before: the other commands
//! load edge lists through it.

use super::{CitationGraph, EdgeMeta, NodeMeta, build};
use crate::analysis::csr::Adjacency;
use crate::analysis::query::QueryGraph;
use crate::model::Kind;
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;
use std::sync::OnceLock;

/// An edge list as ids and arcs (see the module documentation).
#[derive(Debug, Default)]
pub struct EdgeListGraph {
    /// The canonical ids, in first-seen order, one after another …
    ids: String,
    /// … where id `i` ends (`ids[ends[i - 1]..ends[i]]`).
    ends: Vec<usize>,
    /// Cited nodes of each node, ascending, distinct, never the node itself.
    pub out: Adjacency,
    /// Weight of each arc (the sum of its rows' weights), aligned with
    /// `out.nbrs`.
    pub weights: Vec<f64>,
    /// Cue and paragraph of each arc's first row, for the arcs that have
    /// them, by arc index (position in `out.nbrs`), ascending.
    pub extras: Vec<(usize, Box<str>, Box<str>)>,
    /// Citing nodes of each node, built on first use.
    incoming: OnceLock<Adjacency>,
    /// Each node's attributes, when the input gave them (a saved graph);
    /// `None` for an edge list, whose nodes are known by their ids alone.
    metas: Option<Vec<NodeMeta>>,
}

impl EdgeListGraph {
    /// A graph of the given ids (in node order) and arcs.
    pub(crate) fn new(
        ids: String,
        ends: Vec<usize>,
        out: Adjacency,
        weights: Vec<f64>,
        extras: Vec<(usize, Box<str>, Box<str>)>,
    ) -> Self {
        debug_assert_eq!(ends.len(), out.len());
        debug_assert_eq!(weights.len(), out.nbrs.len());
        EdgeListGraph {
            ids,
            ends,
            out,
            weights,
            extras,
            incoming: OnceLock::new(),
            metas: None,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.ends.len()
    }

    /// Number of edges (distinct citing → cited pairs).
    pub fn edge_count(&self) -> usize {
        self.out.nbrs.len()
    }

    /// The canonical id of node `n`.
    pub fn id(&self, n: usize) -> &str {
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.ids[start..self.ends[n]]
    }

    /// Every id, in node order.
    pub fn ids(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        (0..self.node_count()).map(|n| self.id(n))
    }

    /// The node whose id is exactly `id`. A linear scan (no index is kept:
    /// a million-entry hash map would cost more than the few look-ups a
    /// command makes).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.ids().position(|x| x == id)
    }

    /// What the input says of node `n`: its saved attributes (a saved
    /// graph), or its id and the kind, year and body its shape tells (an
    /// edge list, as [`build::external_node`]).
    pub fn node_meta(&self, n: usize) -> NodeMeta {
        match &self.metas {
            Some(m) => m[n].clone(),
            None => build::external_node(self.id(n).to_string(), None),
        }
    }

    /// The kind of every node (from its id), worked out in parallel.
    pub fn kinds(&self) -> Vec<Option<Kind>> {
        (0..self.node_count())
            .into_par_iter()
            .map(|n| self.node_meta(n).kind)
            .collect()
    }

    /// Citing nodes of each node (ascending).
    pub fn incoming(&self) -> &Adjacency {
        self.incoming.get_or_init(|| self.out.transpose())
    }

    /// The arc `u → v` (its position in `out.nbrs`), if any.
    pub fn arc(&self, u: usize, v: usize) -> Option<usize> {
        self.out
            .of(u)
            .binary_search(&(v as u32))
            .ok()
            .map(|k| self.out.offsets[u] + k)
    }

    /// Cue and paragraph of arc `i`'s first row (empty when none).
    pub fn arc_extras(&self, i: usize) -> (&str, &str) {
        match self.extras.binary_search_by_key(&i, |e| e.0) {
            Ok(k) => (&self.extras[k].1, &self.extras[k].2),
            Err(_) => ("", ""),
        }
    }

    /// The full graph: nodes with their attributes (from their ids), edges
    /// by citing node then cited node, later citations flagged.
    pub fn into_citation_graph(mut self) -> CitationGraph {
        let n = self.node_count();
        let nodes: Vec<NodeMeta> = match self.metas.take() {
            Some(m) => m,
            None => (0..n).into_par_iter().map(|i| self.node_meta(i)).collect(),
        };
        let mut g = CitationGraph::new();
        g.index.reserve(n);
        for (i, m) in nodes.iter().enumerate() {
            g.index.insert(m.id.clone(), NodeIndex::new(i));
        }
        g.nodes = nodes;
        let EdgeListGraph {
            out,
            weights,
            extras,
            ..
        } = self;
        let mut graph: DiGraph<(), EdgeMeta> = DiGraph::with_capacity(n, out.nbrs.len());
        for _ in 0..n {
            graph.add_node(());
        }
        let mut extras = extras.into_iter().peekable();
        for u in 0..n {
            let arcs = out.offsets[u]..out.offsets[u + 1];
            for (i, (&v, &weight)) in arcs
                .clone()
                .zip(out.nbrs[arcs.clone()].iter().zip(&weights[arcs]))
            {
                let mut meta = EdgeMeta {
                    weight,
                    ..EdgeMeta::default()
                };
                if extras.peek().is_some_and(|e| e.0 == i) {
                    let (_, cue, paragraph) = extras.next().expect("peeked");
                    meta.cue = cue;
                    meta.paragraph = paragraph;
                }
                graph.add_edge(NodeIndex::new(u), NodeIndex::new(v as usize), meta);
            }
        }
        g.graph = graph;
        g.flag_later_citations();
        g
    }
}

impl QueryGraph for EdgeListGraph {
    fn node_count(&self) -> usize {
        self.ends.len()
    }

    fn id(&self, n: NodeIndex) -> &str {
        EdgeListGraph::id(self, n.index())
    }

    fn kind(&self, n: NodeIndex) -> Option<Kind> {
        self.node_meta(n.index()).kind
    }

    fn year(&self, n: NodeIndex) -> Option<i32> {
        self.node_meta(n.index()).year
    }

    /// Newest edge first, as petgraph lists a [`CitationGraph`]'s edges
    /// (they were added by citing node, then cited node): the same
    /// traversal, so the same `via` for each hit.
    fn each_edge(
        &self,
        n: NodeIndex,
        dir: Direction,
        f: &mut dyn FnMut(NodeIndex, f64, &str, &str),
    ) {
        let n = n.index();
        let (list, arc_of): (&[u32], &dyn Fn(usize) -> usize) = match dir {
            Direction::Outgoing => (self.out.of(n), &|m| self.arc(n, m).expect("listed")),
            Direction::Incoming => (self.incoming().of(n), &|m| self.arc(m, n).expect("listed")),
        };
        for &m in list.iter().rev() {
            let m = m as usize;
            let i = arc_of(m);
            let (cue, paragraph) = self.arc_extras(i);
            f(NodeIndex::new(m), self.weights[i], cue, paragraph);
        }
    }
}

/// A saved graph as it is parsed for [`EdgeListGraph`]
/// ([`super::store::load_lean`]): its nodes merged exactly as in a
/// [`CitationGraph`] (the same code), its edges kept as rows.
#[derive(Default)]
pub(crate) struct LeanSink {
    /// The nodes (the graph holds no edge).
    g: CitationGraph,
    /// Citing node, cited node and weight of each edge, in file order
    /// (self-loops left out).
    rows: Vec<(u32, u32, f64)>,
    /// Cue and paragraph of the rows that have them: (row, cue, paragraph),
    /// ascending.
    extras: Vec<(u32, Box<str>, Box<str>)>,
}

impl super::store::Sink for LeanSink {
    fn node(&self, id: &str) -> Option<NodeIndex> {
        self.g.node(id)
    }
    fn upsert_node(&mut self, meta: NodeMeta) -> NodeIndex {
        self.g.upsert_node(meta)
    }
    fn meta(&self, n: NodeIndex) -> &NodeMeta {
        self.g.meta(n)
    }
    fn add_edge(&mut self, s: NodeIndex, t: NodeIndex, meta: EdgeMeta) {
        if s == t {
            return;
        }
        if !meta.cue.is_empty() || !meta.paragraph.is_empty() {
            self.extras
                .push((self.rows.len() as u32, meta.cue, meta.paragraph));
        }
        self.rows
            .push((s.index() as u32, t.index() as u32, meta.weight));
    }
}

impl LeanSink {
    /// The lean graph: rows grouped by citing node (a stable counting
    /// sort), then by cited node (a stable sort of each node's few rows),
    /// repeated rows merged into one arc whose weight sums theirs in file
    /// order and whose cue and paragraph are the first row's — what
    /// [`CitationGraph::add_or_merge_edge`] makes of them.
    pub(crate) fn finish(self) -> EdgeListGraph {
        let LeanSink { g, rows, extras } = self;
        let n = g.nodes.len();
        let mut ids = String::with_capacity(g.nodes.iter().map(|m| m.id.len()).sum());
        let mut ends = Vec::with_capacity(n);
        for m in &g.nodes {
            ids.push_str(&m.id);
            ends.push(ids.len());
        }
        let by_source = Adjacency::group(
            n,
            rows.len(),
            (0..rows.len()).map(|i| (rows[i].0 as usize, i)),
        );
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut nbrs: Vec<u32> = Vec::with_capacity(rows.len());
        let mut weights: Vec<f64> = Vec::with_capacity(rows.len());
        let mut arc_extras = Vec::new();
        let mut order: Vec<u32> = Vec::new();
        for u in 0..n {
            order.clear();
            order.extend_from_slice(by_source.of(u));
            order.sort_by_key(|&i| rows[i as usize].1);
            let mut last = None;
            for &i in &order {
                let (_, v, w) = rows[i as usize];
                if last == Some(v) {
                    let k = weights.len() - 1;
                    weights[k] = super::sum_weights(weights[k], w);
                    continue;
                }
                last = Some(v);
                if let Ok(x) = extras.binary_search_by_key(&i, |e| e.0) {
                    let (_, cue, paragraph) = &extras[x];
                    arc_extras.push((nbrs.len(), cue.clone(), paragraph.clone()));
                }
                nbrs.push(v);
                weights.push(w);
            }
            offsets.push(nbrs.len());
        }
        let mut lean =
            EdgeListGraph::new(ids, ends, Adjacency { offsets, nbrs }, weights, arc_extras);
        lean.metas = Some(g.nodes);
        lean
    }
}
