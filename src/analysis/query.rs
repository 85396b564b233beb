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

/// The texts citing `target`, directly and (with `depth` > 1) indirectly.
/// Sorted by distance, then year (unknown last), then id.
pub fn cited_by(g: &CitationGraph, target: NodeIndex, opts: &QueryOptions) -> Vec<Hit> {
    neighbourhood(g, target, Direction::Incoming, opts)
}

/// The texts `source` cites, directly and (with `depth` > 1) indirectly.
/// Same shape and order as [`cited_by`].
pub fn cites(g: &CitationGraph, source: NodeIndex, opts: &QueryOptions) -> Vec<Hit> {
    neighbourhood(g, source, Direction::Outgoing, opts)
}

fn neighbourhood(
    g: &CitationGraph,
    start: NodeIndex,
    dir: Direction,
    opts: &QueryOptions,
) -> Vec<Hit> {
    let depth = opts.depth.max(1);
    let mut seen = vec![false; g.node_count()];
    seen[start.index()] = true;
    let mut queue = VecDeque::from([(start, 0usize)]);
    let mut hits = Vec::new();
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for e in g.graph.edges_directed(n, dir) {
            let m = match dir {
                Direction::Incoming => e.source(),
                Direction::Outgoing => e.target(),
            };
            if seen[m.index()] {
                continue;
            }
            seen[m.index()] = true;
            queue.push_back((m, d + 1));
            if keep(g, m, opts) {
                let w = e.weight();
                hits.push(Hit {
                    node: m,
                    distance: d + 1,
                    via: n,
                    weight: w.weight,
                    cue: w.cue.to_string(),
                    paragraph: w.paragraph.to_string(),
                });
            }
        }
    }
    // Sort keys gathered once (a comparison then touches no node metadata);
    // ids are unique, so the order is total and an unstable sort is exact.
    let mut keyed: Vec<((usize, i64, &str), Hit)> = hits
        .into_iter()
        .map(|h| {
            let m = g.meta(h.node);
            let year = m.year.map_or(i64::MAX, i64::from);
            ((h.distance, year, m.id.as_str()), h)
        })
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, h)| h).collect()
}

/// Does `n` pass the listing filters?
pub fn keep(g: &CitationGraph, n: NodeIndex, opts: &QueryOptions) -> bool {
    let m = g.meta(n);
    if opts.kind.is_some() && m.kind != opts.kind {
        return false;
    }
    if let Some(s) = opts.since
        && m.year.is_none_or(|y| y < s)
    {
        return false;
    }
    if let Some(u) = opts.until
        && m.year.is_none_or(|y| y > u)
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
    let mut v: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&n| kind.is_none() || g.meta(n).kind == kind)
        .collect();
    let cmp = |a: &NodeIndex, b: &NodeIndex| {
        scores[b.index()]
            .total_cmp(&scores[a.index()])
            .then_with(|| g.meta(*a).id.cmp(&g.meta(*b).id))
    };
    if top == 0 {
        return Vec::new();
    }
    if v.len() > top {
        v.select_nth_unstable_by(top - 1, cmp);
        v.truncate(top);
    }
    v.sort_by(cmp);
    v.into_iter().map(|n| (n, scores[n.index()])).collect()
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
