//! A shortest citation chain between two texts (breadth-first search).

use crate::graph::CitationGraph;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::VecDeque;

/// A shortest chain `from → … → to` following citation edges (citing →
/// cited), or, with `undirected`, edges either way. `None` when there is
/// none; `[from]` when `from == to`. Neighbours are visited in graph order,
/// so the chain chosen among equally short ones is deterministic.
pub fn shortest_path(
    g: &CitationGraph,
    from: NodeIndex,
    to: NodeIndex,
    undirected: bool,
) -> Option<Vec<NodeIndex>> {
    let n = g.node_count();
    const NONE: u32 = u32::MAX;
    let mut parent = vec![NONE; n];
    parent[from.index()] = from.index() as u32;
    let mut queue = VecDeque::from([from]);
    let mut next: Vec<NodeIndex> = Vec::new();
    while let Some(u) = queue.pop_front() {
        if u == to {
            let mut chain = vec![to];
            let mut c = to;
            while c != from {
                c = NodeIndex::new(parent[c.index()] as usize);
                chain.push(c);
            }
            chain.reverse();
            return Some(chain);
        }
        next.clear();
        next.extend(g.graph.neighbors_directed(u, Direction::Outgoing));
        if undirected {
            next.extend(g.graph.neighbors_directed(u, Direction::Incoming));
        }
        next.sort_unstable();
        for &v in &next {
            if parent[v.index()] == NONE {
                parent[v.index()] = u.index() as u32;
                queue.push_back(v);
            }
        }
    }
    None
}
