//! Strongly and weakly connected components, in a deterministic order.
//!
//! Strong components (texts that cite each other round a cycle, usually a
//! sign of a dating or extraction error in a citation graph) come from
//! petgraph's `kosaraju_scc`, whose depth-first searches keep an explicit
//! stack (`tarjan_scc` recurses and overflows on millions of nodes). Weak
//! components (ignoring direction) come from a union–find over the edges.
//!
//! Both return every component with its nodes ascending, components by
//! decreasing size, ties by smallest node: the same graph always lists the
//! same components in the same order.

use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

/// Strongly connected components (singletons included).
pub fn strongly_connected<N, E>(g: &DiGraph<N, E>) -> Vec<Vec<NodeIndex>> {
    sorted(kosaraju_scc(g))
}

/// Weakly connected components (singletons included).
pub fn weakly_connected<N, E>(g: &DiGraph<N, E>) -> Vec<Vec<NodeIndex>> {
    let n = g.node_count();
    let mut uf = UnionFind::<usize>::new(n);
    for e in g.edge_references() {
        uf.union(e.source().index(), e.target().index());
    }
    let labels = uf.into_labeling();
    // group by root; roots are renumbered in order of first appearance
    let mut slot = vec![usize::MAX; n];
    let mut comps: Vec<Vec<NodeIndex>> = Vec::new();
    for (v, &root) in labels.iter().enumerate() {
        if slot[root] == usize::MAX {
            slot[root] = comps.len();
            comps.push(Vec::new());
        }
        comps[slot[root]].push(NodeIndex::new(v));
    }
    sorted(comps)
}

/// The component number of every node (0 = first component of `comps`),
/// indexed by `NodeIndex::index()`; `n` is the node count.
pub fn membership(comps: &[Vec<NodeIndex>], n: usize) -> Vec<usize> {
    let mut of = vec![usize::MAX; n];
    for (i, c) in comps.iter().enumerate() {
        for v in c {
            if v.index() < n {
                of[v.index()] = i;
            }
        }
    }
    of
}

/// Sorts nodes within components, then components by (size desc, first).
fn sorted(mut comps: Vec<Vec<NodeIndex>>) -> Vec<Vec<NodeIndex>> {
    for c in comps.iter_mut() {
        c.sort_unstable();
    }
    comps.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    comps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_and_pieces() {
        let mut g = DiGraph::<(), ()>::new();
        let v: Vec<_> = (0..6).map(|_| g.add_node(())).collect();
        for (a, b) in [(4, 2), (2, 4), (0, 2), (5, 5), (1, 3)] {
            g.add_edge(v[a], v[b], ());
        }
        let ix = |xs: &[usize]| xs.iter().map(|&i| NodeIndex::new(i)).collect::<Vec<_>>();
        assert_eq!(
            strongly_connected(&g),
            vec![ix(&[2, 4]), ix(&[0]), ix(&[1]), ix(&[3]), ix(&[5])]
        );
        let w = weakly_connected(&g);
        assert_eq!(w, vec![ix(&[0, 2, 4]), ix(&[1, 3]), ix(&[5])]);
        assert_eq!(membership(&w, 6), vec![0, 1, 0, 1, 0, 2]);
        assert!(strongly_connected(&DiGraph::<(), ()>::new()).is_empty());
        assert!(weakly_connected(&DiGraph::<(), ()>::new()).is_empty());
    }
}
