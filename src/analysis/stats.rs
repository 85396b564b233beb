//! Counts that describe a citation graph: nodes and edges per kind and per
//! year, corpus vs external nodes, weak and strong components, flagged
//! edges.

use crate::graph::CitationGraph;
use crate::model::Kind;
use std::collections::BTreeMap;

/// Counts for one group of nodes (a kind or a year).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GroupCount {
    /// Nodes in the group.
    pub nodes: usize,
    /// Nodes in the group that are corpus documents.
    pub in_corpus: usize,
    /// Edges whose citing node is in the group.
    pub edges_out: usize,
    /// Edges whose cited node is in the group.
    pub edges_in: usize,
}

/// The summary `unxref stats` prints.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphStats {
    /// Nodes.
    pub nodes: usize,
    /// Edges.
    pub edges: usize,
    /// Sum of edge weights (mentions).
    pub mentions: f64,
    /// Corpus documents.
    pub in_corpus: usize,
    /// Cited texts outside the corpus.
    pub external: usize,
    /// Per kind name (`unknown` for nodes without a kind), sorted by name.
    pub per_kind: BTreeMap<String, GroupCount>,
    /// Per year (`None` = unknown year), years ascending, unknown first.
    pub per_year: BTreeMap<Option<i32>, GroupCount>,
    /// Weakly connected components.
    pub weak_components: usize,
    /// Nodes in the largest weakly connected component.
    pub largest_weak: usize,
    /// Strongly connected components (single nodes count).
    pub strong_components: usize,
    /// Strongly connected components of more than one node (citation cycles).
    pub cyclic_components: usize,
    /// Nodes in the largest strongly connected component.
    pub largest_strong: usize,
    /// Edges citing a later text.
    pub flagged_edges: usize,
}

/// Computes the summary. Components come from [`super::components`] (strong
/// ones by `kosaraju_scc`, iterative;
/// Tarjan's recursion overflows the stack on large graphs).
pub fn stats(g: &CitationGraph) -> GraphStats {
    let mut s = GraphStats {
        nodes: g.node_count(),
        edges: g.edge_count(),
        ..GraphStats::default()
    };
    // Kind slot of every node: the position in Kind::ALL, or ALL.len() for
    // "no kind" (a dense array: the edge pass stays in cache).
    let kind_slot: Vec<u8> = g
        .nodes
        .iter()
        .map(|m| {
            m.kind
                .and_then(|k| Kind::ALL.iter().position(|&a| a == k))
                .unwrap_or(Kind::ALL.len()) as u8
        })
        .collect();
    let slot = |i: usize| kind_slot[i] as usize;
    let mut kinds = [GroupCount::default(); Kind::ALL.len() + 1];
    // Year slot of every node (index into `year_list`), so that the edge pass
    // indexes arrays instead of searching a map twice per edge.
    let mut year_list: Vec<Option<i32>> = g.nodes.iter().map(|m| m.year).collect();
    year_list.sort_unstable();
    year_list.dedup();
    let year_slot: Vec<usize> = g
        .nodes
        .iter()
        .map(|m| year_list.binary_search(&m.year).expect("listed"))
        .collect();
    let mut years = vec![GroupCount::default(); year_list.len()];
    for (i, m) in g.nodes.iter().enumerate() {
        if m.in_corpus {
            s.in_corpus += 1;
        } else {
            s.external += 1;
        }
        let c = &mut kinds[slot(i)];
        c.nodes += 1;
        c.in_corpus += usize::from(m.in_corpus);
        let c = &mut years[year_slot[i]];
        c.nodes += 1;
        c.in_corpus += usize::from(m.in_corpus);
    }
    for e in g.graph.raw_edges() {
        let (a, b) = (e.source().index(), e.target().index());
        s.mentions += e.weight.weight;
        s.flagged_edges += usize::from(e.weight.flagged);
        kinds[slot(a)].edges_out += 1;
        kinds[slot(b)].edges_in += 1;
        years[year_slot[a]].edges_out += 1;
        years[year_slot[b]].edges_in += 1;
    }
    s.per_year = year_list.into_iter().zip(years).collect();
    for (i, c) in kinds.into_iter().enumerate() {
        if c.nodes > 0 {
            let name = Kind::ALL.get(i).map_or("unknown", |k| k.as_str());
            s.per_kind.insert(name.to_string(), c);
        }
    }
    let weak = super::components::weakly_connected(&g.graph);
    s.weak_components = weak.len();
    s.largest_weak = weak.iter().map(Vec::len).max().unwrap_or(0);
    let sccs = super::components::strongly_connected(&g.graph);
    s.strong_components = sccs.len();
    s.cyclic_components = sccs.iter().filter(|c| c.len() > 1).count();
    s.largest_strong = sccs.iter().map(Vec::len).max().unwrap_or(0);
    s
}
