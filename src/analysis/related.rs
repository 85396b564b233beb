//! Texts related to one text by how they are cited.
//!
//! - **Co-citation**: how many texts cite both `X` and `Y` — texts often
//!   cited together deal with the same matter.
//! - **Bibliographic coupling**: how many texts both `X` and `Y` cite —
//!   texts sharing their authorities are related too.

use crate::graph::CitationGraph;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// One related text and the number of shared citers or shared references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Related {
    /// The related node.
    pub node: NodeIndex,
    /// Shared citing texts (co-citation) or shared cited texts (coupling).
    pub count: usize,
}

/// The `top` texts most often cited together with `n` (ties by id).
pub fn co_cited(g: &CitationGraph, n: NodeIndex, top: usize) -> Vec<Related> {
    shared(g, n, Direction::Incoming, top)
}

/// The `top` texts that cite most of the texts `n` cites (ties by id).
pub fn coupled(g: &CitationGraph, n: NodeIndex, top: usize) -> Vec<Related> {
    shared(g, n, Direction::Outgoing, top)
}

/// Two steps: `n` → its neighbours in `dir` → their neighbours back the
/// other way; counts each second-step node once per first-step neighbour.
fn shared(g: &CitationGraph, n: NodeIndex, dir: Direction, top: usize) -> Vec<Related> {
    let mut first: Vec<NodeIndex> = g.graph.neighbors_directed(n, dir).collect();
    first.sort_unstable();
    first.dedup();
    let mut counts: HashMap<NodeIndex, usize> = HashMap::new();
    for m in first {
        let mut second: Vec<NodeIndex> = g.graph.neighbors_directed(m, dir.opposite()).collect();
        second.sort_unstable();
        second.dedup();
        for o in second {
            if o != n {
                *counts.entry(o).or_default() += 1;
            }
        }
    }
    let mut v: Vec<Related> = counts
        .into_iter()
        .map(|(node, count)| Related { node, count })
        .collect();
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| g.meta(a.node).id.cmp(&g.meta(b.node).id))
    });
    v.truncate(top);
    v
}
