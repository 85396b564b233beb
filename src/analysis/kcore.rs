//! k-core decomposition (core number of every node).
//!
//! The k-core is what remains after repeatedly removing nodes with fewer
//! than k neighbours; a node's core number is the largest k whose core
//! holds it: texts that sit in a dense, mutually referencing cluster score
//! high, texts cited once from the periphery score 1.
//!
//! Computed on the graph **as undirected and simple**: a citation in either
//! direction makes two texts neighbours, mutual or repeated citations count
//! once, self-citations are ignored. This is networkx
//! `core_number(nx.Graph(G.to_undirected()))` with self-loops removed
//! (networkx refuses graphs with self-loops, and on a `DiGraph` it would
//! count in-degree + out-degree, so that a mutual pair counts twice). The
//! Batagelj–Zaversnik bucket algorithm: O(n + m).

use super::csr;
use petgraph::graph::DiGraph;

/// Core number of every node, as `f64` like the other measures.
pub fn core_number<N, E>(g: &DiGraph<N, E>) -> Vec<f64> {
    let (out, inn) = csr::out_in(g);
    let adj = csr::undirected(&out, &inn);
    drop((out, inn));
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    let mut deg: Vec<usize> = (0..n).map(|v| adj.degree(v)).collect();
    let max_deg = deg.iter().copied().max().unwrap_or(0);
    // bin[d] = first position in `vert` of the nodes of degree d
    let mut bin = vec![0usize; max_deg + 1];
    for &d in &deg {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let count = *b;
        *b = start;
        start += count;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    {
        let mut next = bin.clone();
        for v in 0..n {
            pos[v] = next[deg[v]];
            vert[pos[v]] = v;
            next[deg[v]] += 1;
        }
    }
    for i in 0..n {
        let v = vert[i];
        for &u in adj.of(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                // move u to the front of its bin, then shrink the bin
                let du = deg[u];
                let pu = pos[u];
                let pw = bin[du];
                let w = vert[pw];
                if u != w {
                    vert.swap(pu, pw);
                    pos[u] = pw;
                    pos[w] = pu;
                }
                bin[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg.into_iter().map(|d| d as f64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangle_with_tail() {
        let mut g = DiGraph::<(), ()>::new();
        let v: Vec<_> = (0..5).map(|_| g.add_node(())).collect();
        for (a, b) in [(0, 1), (1, 2), (2, 0), (0, 2), (3, 0), (3, 3)] {
            g.add_edge(v[a], v[b], ());
        }
        assert_eq!(core_number(&g), vec![2.0, 2.0, 2.0, 1.0, 0.0]);
        assert!(core_number(&DiGraph::<(), ()>::new()).is_empty());
    }
}
