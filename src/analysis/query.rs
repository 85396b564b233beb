//! "Who cites X" and "what does X cite": breadth-first neighbourhoods of a
//! node along citation edges, with filters, and the top of a ranking.
//!
//! Traversal goes through every node; the filters (`kind`, `since`,
//! `until`) only choose which nodes are listed, so that an indirect citer
//! is found even when the text in between is filtered out.

use crate::graph::CitationGraph;
use crate::model::Kind;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use std::collections::VecDeque;

/// Options of [`cited_by`] and [`cites`].
#[derive(Debug, Clone, Copy)]
pub struct QueryOptions {
    /// How many citation steps to follow (1 = direct only). Values below 1
    /// count as 1.
    pub depth: usize,
    /// List only nodes of this kind.
    pub kind: Option<Kind>,
    /// List only nodes of this year or later (nodes without a year are left
    /// out when set).
    pub since: Option<i32>,
    /// List only nodes of this year or earlier (same rule).
    pub until: Option<i32>,
}

impl Default for QueryOptions {
    fn default() -> Self {
        QueryOptions {
            depth: 1,
            kind: None,
            since: None,
            until: None,
        }
    }
}

/// One node found by [`cited_by`] or [`cites`].
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The node found.
    pub node: NodeIndex,
    /// Citation steps from the queried node (1 = direct).
    pub distance: usize,
    /// The neighbour one step closer to the queried node through which the
    /// hit was reached (the queried node itself for direct hits).
    pub via: NodeIndex,
    /// Weight (mentions) of the edge between `node` and `via`.
    pub weight: f64,
    /// Cue of the first mention on that edge.
    pub cue: String,
    /// Paragraph of the first mention on that edge.
    pub paragraph: String,
}

/// What a neighbourhood query reads of a graph: implemented by
/// [`CitationGraph`] and by the edge-list loader's lean
/// [`crate::graph::lean::EdgeListGraph`].
pub trait QueryGraph: Sync {
    /// Number of nodes.
    fn node_count(&self) -> usize;
    /// Canonical id of `n`.
    fn id(&self, n: NodeIndex) -> &str;
    /// Kind of `n`, when known.
    fn kind(&self, n: NodeIndex) -> Option<Kind>;
    /// Year of `n`, when known.
    fn year(&self, n: NodeIndex) -> Option<i32>;
    /// Calls `f(neighbour, weight, cue, paragraph)` for each edge of `n` in
    /// direction `dir` (`Incoming`: its citing texts), in petgraph's order.
    fn each_edge(
        &self,
        n: NodeIndex,
        dir: Direction,
        f: &mut dyn FnMut(NodeIndex, f64, &str, &str),
    );
}

impl QueryGraph for CitationGraph {
    fn node_count(&self) -> usize {
        self.nodes.len()
    }

    fn id(&self, n: NodeIndex) -> &str {
        &self.meta(n).id
    }

    fn kind(&self, n: NodeIndex) -> Option<Kind> {
        self.meta(n).kind
    }

    fn year(&self, n: NodeIndex) -> Option<i32> {
        self.meta(n).year
    }

    fn each_edge(
        &self,
        n: NodeIndex,
        dir: Direction,
        f: &mut dyn FnMut(NodeIndex, f64, &str, &str),
    ) {
        for e in self.graph.edges_directed(n, dir) {
            let m = match dir {
                Direction::Incoming => e.source(),
                Direction::Outgoing => e.target(),
            };
            let w = e.weight();
            f(m, w.weight, &w.cue, &w.paragraph);
        }
    }
}

/// The texts citing `target`, directly and (with `depth` > 1) indirectly.
/// Sorted by distance, then year (unknown last), then id.
pub fn cited_by<G: QueryGraph>(g: &G, target: NodeIndex, opts: &QueryOptions) -> Vec<Hit> {
    neighbourhood(g, target, Direction::Incoming, opts)
}

/// The texts `source` cites, directly and (with `depth` > 1) indirectly.
/// Same shape and order as [`cited_by`].
pub fn cites<G: QueryGraph>(g: &G, source: NodeIndex, opts: &QueryOptions) -> Vec<Hit> {
    neighbourhood(g, source, Direction::Outgoing, opts)
}

fn neighbourhood<G: QueryGraph>(
    g: &G,
    start: NodeIndex,
    dir: Direction,
    opts: &QueryOptions,
) -> Vec<Hit> {
    let depth = opts.depth.max(1);
    let mut seen = vec![false; g.node_count()];
    seen[start.index()] = true;
    let mut queue = VecDeque::from([(start, 0usize)]);
    let mut found = Vec::new();
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        g.each_edge(n, dir, &mut |m, weight, cue, paragraph| {
            if seen[m.index()] {
                return;
            }
            seen[m.index()] = true;
            queue.push_back((m, d + 1));
            found.push(Hit {
                node: m,
                distance: d + 1,
                via: n,
                weight,
                cue: cue.to_string(),
                paragraph: paragraph.to_string(),
            });
        });
    }
    // Filters and sort keys worked out once per hit, in parallel (a lean
    // graph reads a node's kind and year from its id); ids are unique, so
    // the order is total and an unstable sort is exact.
    let mut keyed: Vec<((usize, i64, &str), Hit)> = found
        .into_par_iter()
        .filter(|h| keep(g, h.node, opts))
        .map(|h| {
            let year = g.year(h.node).map_or(i64::MAX, i64::from);
            ((h.distance, year, g.id(h.node)), h)
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, h)| h).collect()
}

/// Does `n` pass the listing filters?
pub fn keep<G: QueryGraph + ?Sized>(g: &G, n: NodeIndex, opts: &QueryOptions) -> bool {
    if opts.kind.is_some() && g.kind(n) != opts.kind {
        return false;
    }
    if opts.since.is_none() && opts.until.is_none() {
        return true;
    }
    let year = g.year(n);
    if let Some(s) = opts.since
        && year.is_none_or(|y| y < s)
    {
        return false;
    }
    if let Some(u) = opts.until
        && year.is_none_or(|y| y > u)
    {
        return false;
    }
    true
}

/// The `top` nodes by `scores` (highest first; ties broken by id so the
/// result is deterministic), optionally only nodes of `kind`. Linear time
/// plus `top · log top`: a selection, not a full sort.
pub fn top_by_score(
    g: &CitationGraph,
    scores: &[f64],
    top: usize,
    kind: Option<Kind>,
) -> Vec<(NodeIndex, f64)> {
    top_by_score_with(
        scores,
        top,
        |n| kind.is_none() || g.nodes[n].kind == kind,
        |n| &g.nodes[n].id,
    )
}

/// [`top_by_score`] on any graph: `keep(n)` says which nodes may be
/// listed, `id(n)` breaks ties; `scores` has one value per node.
pub fn top_by_score_with<'a>(
    scores: &[f64],
    top: usize,
    keep: impl Fn(usize) -> bool,
    id: impl Fn(usize) -> &'a str,
) -> Vec<(NodeIndex, f64)> {
    if top == 0 {
        return Vec::new();
    }
    let mut v: Vec<usize> = (0..scores.len()).filter(|&n| keep(n)).collect();
    let cmp = |a: &usize, b: &usize| {
        scores[*b]
            .total_cmp(&scores[*a])
            .then_with(|| id(*a).cmp(id(*b)))
    };
    if v.len() > top {
        v.select_nth_unstable_by(top - 1, cmp);
        v.truncate(top);
    }
    v.sort_by(cmp);
    v.into_iter()
        .map(|n| (NodeIndex::new(n), scores[n]))
        .collect()
}

/// 1-based position of `n` in the ranking by `scores` (highest first, ties
/// by id), as [`top_by_score`] would list it.
pub fn rank_position(g: &CitationGraph, scores: &[f64], n: NodeIndex) -> usize {
    let s = scores[n.index()];
    let id = &g.meta(n).id;
    1 + g
        .graph
        .node_indices()
        .filter(|&m| {
            let t = scores[m.index()];
            t > s || (t == s && g.meta(m).id < *id)
        })
        .count()
}
