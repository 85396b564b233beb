//! Centrality on degenerate graphs (no panic, finite values, right length),
//! determinism across thread counts, and sampled-versus-exact agreement.

use petgraph::graph::{DiGraph, NodeIndex};
use unxref::analysis::{self, CentralityOptions, Measure};

const ALL: [Measure; 11] = [
    Measure::Pagerank,
    Measure::InDegree,
    Measure::OutDegree,
    Measure::HitsAuthority,
    Measure::HitsHub,
    Measure::Betweenness,
    Measure::Closeness,
    Measure::Harmonic,
    Measure::Eigenvector,
    Measure::Katz,
    Measure::Core,
];

/// An edge list of node indices.
type Edges<'a> = &'a [(usize, usize)];

fn graph(n: usize, edges: &[(usize, usize)]) -> DiGraph<(), ()> {
    let mut g = DiGraph::new();
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b) in edges {
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    g
}

/// Every measure with the exact and with the sampled algorithms.
fn all_measures(g: &DiGraph<(), ()>) -> Vec<(Measure, Vec<f64>)> {
    let sampled = CentralityOptions {
        exact_limit: 0,
        pivots: 2,
        ..Default::default()
    };
    let mut out = Vec::new();
    for m in ALL {
        out.push((m, analysis::compute(g, m)));
        out.push((m, analysis::compute_with(g, m, &sampled)));
    }
    out
}

#[test]
fn degenerate_graphs_give_finite_values_of_the_right_length() {
    let cases: &[(&str, usize, Edges)] = &[
        ("empty", 0, &[]),
        ("single node", 1, &[]),
        ("self-loop only", 1, &[(0, 0)]),
        ("two isolated", 2, &[]),
        ("one edge", 2, &[(0, 1)]),
        ("parallel edges", 2, &[(0, 1), (0, 1), (0, 1)]),
        (
            "mutual pair with loops",
            2,
            &[(0, 1), (1, 0), (0, 0), (1, 1)],
        ),
        ("chain", 4, &[(3, 2), (2, 1), (1, 0)]),
    ];
    for &(name, n, edges) in cases {
        let g = graph(n, edges);
        for (m, v) in all_measures(&g) {
            assert_eq!(v.len(), n, "{name}: {m:?}: length");
            assert!(v.iter().all(|x| x.is_finite()), "{name}: {m:?}: {v:?}");
        }
        let scc = analysis::strongly_connected(&g);
        let wcc = analysis::weakly_connected(&g);
        assert_eq!(scc.iter().map(Vec::len).sum::<usize>(), n, "{name}: scc");
        assert_eq!(wcc.iter().map(Vec::len).sum::<usize>(), n, "{name}: wcc");
    }
}

#[test]
fn known_values_on_tiny_graphs() {
    // input graph, measure, expected (networkx values)
    let cases: &[(usize, Edges, Measure, &[f64])] = &[
        (1, &[], Measure::Pagerank, &[1.0]),
        (2, &[], Measure::Pagerank, &[0.5, 0.5]),
        (2, &[(0, 1), (0, 1)], Measure::InDegree, &[0.0, 1.0]),
        (1, &[(0, 0)], Measure::InDegree, &[1.0]),
        (1, &[(0, 0)], Measure::OutDegree, &[1.0]),
        (2, &[(0, 1)], Measure::Closeness, &[0.0, 1.0]),
        (2, &[(0, 1)], Measure::Harmonic, &[0.0, 1.0]),
        (3, &[(0, 1), (1, 2)], Measure::Betweenness, &[0.0, 0.5, 0.0]),
        (
            3,
            &[(0, 1), (0, 1), (1, 2)],
            Measure::Betweenness,
            &[0.0, 0.5, 0.0],
        ),
        (2, &[(0, 1), (1, 0), (0, 0)], Measure::Core, &[1.0, 1.0]),
        (2, &[], Measure::HitsAuthority, &[0.0, 0.0]),
        (2, &[(0, 1)], Measure::HitsAuthority, &[0.0, 1.0]),
        (2, &[(0, 1)], Measure::HitsHub, &[1.0, 0.0]),
    ];
    for &(n, edges, m, want) in cases {
        let got = analysis::compute(&graph(n, edges), m);
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!(
                (g - w).abs() < 1e-9,
                "{m:?} on {edges:?}: {got:?} != {want:?}"
            );
        }
    }
}

/// A seeded random citation graph: node i cites up to `k` older nodes.
fn random_citations(n: usize, k: usize, seed: u64) -> DiGraph<(), ()> {
    let mut s = seed;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let mut g = DiGraph::new();
    for _ in 0..n {
        g.add_node(());
    }
    for i in 1..n {
        for _ in 0..(next() as usize % (k + 1)) {
            let j = next() as usize % i;
            g.add_edge(NodeIndex::new(i), NodeIndex::new(j), ());
        }
    }
    // a few backward citations make cycles
    for _ in 0..n / 50 {
        let a = next() as usize % n;
        let b = next() as usize % n;
        g.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
    }
    g
}

#[test]
fn results_are_bit_identical_on_one_thread_and_many() {
    // large enough for the parallel code paths (> 32768 nodes)
    let g = random_citations(40_000, 3, 42);
    let o = CentralityOptions {
        exact_limit: 0,
        pivots: 24,
        ..Default::default()
    };
    let measures = [
        Measure::Pagerank,
        Measure::HitsAuthority,
        Measure::Betweenness,
        Measure::Harmonic,
        Measure::Closeness,
        Measure::Katz,
        Measure::Eigenvector,
    ];
    let run = || -> Vec<Vec<u64>> {
        measures
            .iter()
            .map(|&m| {
                analysis::compute_with(&g, m, &o)
                    .iter()
                    .map(|x| x.to_bits())
                    .collect()
            })
            .collect()
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(run);
    let three = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap()
        .install(run);
    assert!(one == three, "results depend on the thread count");
}

#[test]
fn sampled_estimates_are_close_to_exact_on_a_mid_size_graph() {
    let g = random_citations(2_000, 6, 7);
    let o = CentralityOptions {
        exact_limit: 0,
        pivots: 400,
        ..Default::default()
    };
    for m in [Measure::Harmonic, Measure::Closeness, Measure::Betweenness] {
        let exact = analysis::compute(&g, m);
        let est = analysis::compute_with(&g, m, &o);
        let total_exact: f64 = exact.iter().sum();
        let err: f64 = exact.iter().zip(&est).map(|(a, b)| (a - b).abs()).sum();
        assert!(
            err / total_exact < 0.25,
            "{m:?}: relative L1 error {}",
            err / total_exact
        );
        // the top node by the exact measure is near the top of the estimate
        let top = (0..exact.len())
            .max_by(|&a, &b| exact[a].total_cmp(&exact[b]))
            .unwrap();
        let better = est.iter().filter(|&&x| x > est[top]).count();
        assert!(
            better < 10,
            "{m:?}: exact top node ranks {} in the estimate",
            better + 1
        );
    }
}

#[test]
fn katz_on_a_graph_it_diverges_on_stays_finite() {
    // complete digraph on 40 nodes: spectral radius 39 > 1/alpha = 10
    let edges: Vec<(usize, usize)> = (0..40)
        .flat_map(|a| (0..40).filter(move |&b| b != a).map(move |b| (a, b)))
        .collect();
    let k = analysis::compute(&graph(40, &edges), Measure::Katz);
    assert!(k.iter().all(|x| x.is_finite() && *x > 0.0), "{k:?}");
}

#[test]
fn weighted_pagerank_treats_zero_and_bad_weights_as_no_link() {
    let mut g = DiGraph::<(), f64>::new();
    let v: Vec<_> = (0..3).map(|_| g.add_node(())).collect();
    g.add_edge(v[0], v[1], 0.0);
    g.add_edge(v[0], v[2], f64::NAN);
    g.add_edge(v[1], v[2], -3.0);
    // every out-weight counts as 0: all nodes dangling, uniform ranks
    let r = analysis::pagerank_weighted(&g, &Default::default(), |&w| w);
    for x in &r {
        assert!((x - 1.0 / 3.0).abs() < 1e-15, "{r:?}");
    }
}

#[test]
fn long_chains_do_not_overflow_the_stack() {
    // a recursive depth-first search (tarjan) would need 300,000 frames
    let n = 300_000;
    let edges: Vec<(usize, usize)> = (1..n).map(|i| (i, i - 1)).collect();
    let mut g = graph(n, &edges);
    assert_eq!(analysis::strongly_connected(&g).len(), n);
    assert_eq!(analysis::weakly_connected(&g).len(), 1);
    g.add_edge(NodeIndex::new(0), NodeIndex::new(n - 1), ());
    let scc = analysis::strongly_connected(&g);
    assert_eq!(scc.len(), 1);
    assert_eq!(scc[0].len(), n);
    assert_eq!(analysis::compute(&g, Measure::Core), vec![2.0; n]);
}
