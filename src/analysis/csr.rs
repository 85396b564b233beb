//! Compressed adjacency (CSR) of a petgraph graph, the shape every
//! centrality loop walks.
//!
//! petgraph's linked edge lists cost a pointer chase per edge; the
//! algorithms here walk each node's neighbours as one contiguous `u32` slice
//! instead. Lists are built in O(n + m) with two counting passes (no
//! comparison sort), come out sorted by neighbour index, and have parallel
//! edges merged, so that every measure sees the graph as networkx sees a
//! `DiGraph`: one arc per (citing, cited) pair. Self-loops are kept; the
//! measures that must ignore them do so themselves.
//!
//! [`Adjacency`] is public so that graphs held without petgraph (the
//! edge-list loader's [`crate::graph::lean::EdgeListGraph`]) can hand their
//! arcs to [`super::pagerank::pagerank_arcs`] directly.

use petgraph::graph::DiGraph;
use petgraph::visit::EdgeRef;

/// One adjacency direction: `nbrs[offsets[v]..offsets[v + 1]]` are the
/// neighbours of `v`, ascending and distinct.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Adjacency {
    /// Start of each node's list; `n + 1` entries.
    pub offsets: Vec<usize>,
    /// Neighbour indices, list after list.
    pub nbrs: Vec<u32>,
}

impl Adjacency {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there is no node.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The neighbours of `v`.
    #[inline]
    pub fn of(&self, v: usize) -> &[u32] {
        &self.nbrs[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Number of neighbours of `v`.
    #[inline]
    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// Groups `(from, to)` pairs by `from`, keeping their order within a group.
    pub(crate) fn group(
        n: usize,
        m: usize,
        pairs: impl Iterator<Item = (usize, usize)> + Clone,
    ) -> Self {
        let mut offsets = vec![0usize; n + 1];
        for (a, _) in pairs.clone() {
            offsets[a + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut nbrs = vec![0u32; m];
        for (a, b) in pairs {
            nbrs[fill[a]] = b as u32;
            fill[a] += 1;
        }
        Adjacency { offsets, nbrs }
    }

    /// The reverse direction. Because lists are filled while walking
    /// sources in ascending order, every reversed list comes out ascending.
    pub fn transpose(&self) -> Self {
        self.transpose_with(&[]).0
    }

    /// [`Adjacency::transpose`], carrying a value per arc along (`values`
    /// aligned with `nbrs`, or empty for none).
    pub fn transpose_with(&self, values: &[f64]) -> (Self, Vec<f64>) {
        let n = self.len();
        let mut offsets = vec![0usize; n + 1];
        for &w in &self.nbrs {
            offsets[w as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut nbrs = vec![0u32; self.nbrs.len()];
        let mut out = vec![0.0; values.len()];
        for v in 0..n {
            for i in self.offsets[v]..self.offsets[v + 1] {
                let w = self.nbrs[i] as usize;
                nbrs[fill[w]] = v as u32;
                if !values.is_empty() {
                    out[fill[w]] = values[i];
                }
                fill[w] += 1;
            }
        }
        (Adjacency { offsets, nbrs }, out)
    }

    /// The old two-pass transpose through [`Adjacency::group`].
    #[cfg(test)]
    fn transpose_grouped(&self) -> Self {
        let n = self.len();
        let pairs = (0..n).flat_map(move |v| self.of(v).iter().map(move |&w| (w as usize, v)));
        Self::group(n, self.nbrs.len(), pairs)
    }

    /// Drops repeated neighbours from lists that are already sorted.
    fn dedup_sorted(mut self) -> Self {
        let n = self.len();
        let mut write = 0usize;
        let mut start = 0usize;
        for v in 0..n {
            let end = self.offsets[v + 1];
            let mut last: Option<u32> = None;
            for i in start..end {
                let w = self.nbrs[i];
                if last != Some(w) {
                    self.nbrs[write] = w;
                    write += 1;
                    last = Some(w);
                }
            }
            start = end;
            self.offsets[v + 1] = write;
        }
        self.nbrs.truncate(write);
        self.nbrs.shrink_to_fit();
        self
    }
}

/// Out- and in-adjacency of `g`, sorted, parallel edges merged.
pub(crate) fn out_in<N, E>(g: &DiGraph<N, E>) -> (Adjacency, Adjacency) {
    let inn = incoming(g);
    let out = inn.transpose();
    (out, inn)
}

/// Out-adjacency only (sorted, parallel edges merged); what PageRank's
/// sweep in topological order needs.
pub(crate) fn outgoing<N, E>(g: &DiGraph<N, E>) -> Adjacency {
    incoming(g).transpose()
}

/// Out-adjacency with a weight per arc, parallel edges merged (weights
/// summed), as [`incoming_weighted`].
pub(crate) fn outgoing_weighted<N, E>(
    g: &DiGraph<N, E>,
    weight: impl Fn(&E) -> f64,
) -> (Adjacency, Vec<f64>) {
    let (inn, w) = incoming_weighted(g, weight);
    inn.transpose_with(&w)
}

/// In-adjacency only (sorted, parallel edges merged); what the gather-style
/// iterations (PageRank, eigenvector, Katz) need.
pub(crate) fn incoming<N, E>(g: &DiGraph<N, E>) -> Adjacency {
    let n = g.node_count();
    let raw_out = Adjacency::group(
        n,
        g.edge_count(),
        g.raw_edges()
            .iter()
            .map(|e| (e.source().index(), e.target().index())),
    );
    raw_out.transpose().dedup_sorted()
}

/// In-adjacency with a weight per arc: parallel edges merged into one arc
/// whose weight is the sum of theirs (what networkx does when it turns a
/// multigraph into a matrix). `weight` gives each edge's weight.
pub(crate) fn incoming_weighted<N, E>(
    g: &DiGraph<N, E>,
    weight: impl Fn(&E) -> f64,
) -> (Adjacency, Vec<f64>) {
    let n = g.node_count();
    let m = g.edge_count();
    // Edge ids grouped by source, then regrouped by target: sources ascend.
    let by_source = Adjacency::group(
        n,
        m,
        g.raw_edges()
            .iter()
            .enumerate()
            .map(|(i, e)| (e.source().index(), i)),
    );
    let mut offsets = vec![0usize; n + 1];
    for e in g.edge_references() {
        offsets[e.target().index() + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut nbrs = vec![0u32; m];
    let mut weights = vec![0.0f64; m];
    let edges = g.raw_edges();
    for v in 0..n {
        for &id in by_source.of(v) {
            let e = &edges[id as usize];
            let t = e.target().index();
            nbrs[fill[t]] = v as u32;
            weights[fill[t]] = weight(&e.weight);
            fill[t] += 1;
        }
    }
    drop(by_source);
    // Merge runs of the same source, summing their weights.
    let mut write = 0usize;
    let mut start = 0usize;
    for t in 0..n {
        let end = offsets[t + 1];
        let run_start = write;
        for i in start..end {
            if write > run_start && nbrs[write - 1] == nbrs[i] {
                weights[write - 1] += weights[i];
            } else {
                nbrs[write] = nbrs[i];
                weights[write] = weights[i];
                write += 1;
            }
        }
        start = end;
        offsets[t + 1] = write;
    }
    nbrs.truncate(write);
    weights.truncate(write);
    (Adjacency { offsets, nbrs }, weights)
}

/// The graph seen as undirected and simple: each node's distinct
/// neighbours in either direction, self excluded.
pub(crate) fn undirected(out: &Adjacency, inn: &Adjacency) -> Adjacency {
    let n = out.len();
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0usize);
    let mut nbrs = Vec::with_capacity(out.nbrs.len() * 2);
    for v in 0..n {
        let (a, b) = (out.of(v), inn.of(v));
        let (mut i, mut j) = (0, 0);
        let mut last: Option<u32> = None;
        while i < a.len() || j < b.len() {
            let w = if j >= b.len() || (i < a.len() && a[i] <= b[j]) {
                i += 1;
                a[i - 1]
            } else {
                j += 1;
                b[j - 1]
            };
            if w as usize != v && last != Some(w) {
                nbrs.push(w);
                last = Some(w);
            }
        }
        offsets.push(nbrs.len());
    }
    Adjacency { offsets, nbrs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_simple() {
        let mut g = DiGraph::<(), ()>::new();
        let v: Vec<_> = (0..4).map(|_| g.add_node(())).collect();
        for (a, b) in [(0, 3), (0, 1), (0, 3), (2, 0), (1, 1), (3, 0)] {
            g.add_edge(v[a], v[b], ());
        }
        let (out, inn) = out_in(&g);
        assert_eq!(out.of(0), &[1, 3]);
        assert_eq!(out.of(1), &[1]);
        assert_eq!(inn.of(0), &[2, 3]);
        assert_eq!(inn.of(3), &[0]);
        let u = undirected(&out, &inn);
        assert_eq!(u.of(0), &[1, 2, 3]);
        assert_eq!(u.of(1), &[0]);
        assert_eq!(incoming(&g).of(1), &[0, 1]);
        assert_eq!(inn.transpose(), inn.transpose_grouped());
        assert_eq!(outgoing(&g), out);
    }

    #[test]
    fn weighted_lists_sum_parallel_edges() {
        let mut g = DiGraph::<(), f64>::new();
        let v: Vec<_> = (0..3).map(|_| g.add_node(())).collect();
        for (a, b, w) in [(2, 0, 1.0), (1, 0, 2.0), (2, 0, 4.0), (0, 2, 8.0)] {
            g.add_edge(v[a], v[b], w);
        }
        let (inn, w) = incoming_weighted(&g, |&w| w);
        assert_eq!(inn.of(0), &[1, 2]);
        assert_eq!(&w[inn.offsets[0]..inn.offsets[1]], &[2.0, 5.0]);
        assert_eq!(inn.of(2), &[0]);
        assert_eq!(w[inn.offsets[2]], 8.0);
        let (out, ow) = outgoing_weighted(&g, |&w| w);
        assert_eq!(out.of(2), &[0]);
        assert_eq!(ow[out.offsets[2]], 5.0);
        assert_eq!(out.of(0), &[2]);
        assert_eq!(ow[out.offsets[0]], 8.0);
    }

    #[test]
    fn empty_graph() {
        let g = DiGraph::<(), ()>::new();
        let (out, inn) = out_in(&g);
        assert_eq!(out.len(), 0);
        assert_eq!(inn.len(), 0);
        assert_eq!(undirected(&out, &inn).len(), 0);
    }
}
