//! The lean edge-list path (`edgelist::load_lean`, what `rank --by pagerank`,
//! `cited-by` and `cites` use on a lone edge list) gives exactly what the
//! full graph gives: same nodes in the same order, same arcs, the same
//! PageRank bit for bit, the same query hits (with the same `via`), the same
//! id resolution and errors.

#[path = "support/lcg.rs"]
mod lcg;
use petgraph::graph::NodeIndex;
use std::path::Path;
use unxref::analysis::query::{QueryOptions, cited_by, cites, top_by_score, top_by_score_with};
use unxref::analysis::{PageRankOptions, pagerank, pagerank_arcs};
use unxref::graph::edgelist;
use unxref::graph::lean::EdgeListGraph;
use unxref::graph::resolve_id::{resolve, resolve_lean};
use unxref::model::Kind;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/graph/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A seeded citation-like edge list with cycles, self-loops, repeated rows,
/// weights and ids needing normalisation.
fn random_edge_list(nodes: u64, rows: usize, seed: u64) -> String {
    let mut next = lcg::lcg(seed);
    let id = |i: u64| match i % 4 {
        0 => format!("S/RES/{i} ({})", 1946 + i % 70),
        1 => format!("A/RES/{}/{i}", 1 + i % 79),
        2 => format!("S/RES/{i}({})", 1946 + i % 70),
        _ => format!("X{i}"),
    };
    let mut out = String::from("Source,Target,Weight\n");
    for _ in 0..rows {
        let (a, b) = (next() % nodes, next() % nodes);
        let (a, b) = if a >= b || next().is_multiple_of(10) {
            (a, b)
        } else {
            (b, a)
        };
        out.push_str(&format!("{},{},{}\n", id(a), id(b), 1 + next() % 3));
    }
    out
}

fn check_same(text: &str) {
    let p = Path::new("t.csv");
    let (full, report) = edgelist::parse(text.as_bytes(), p).unwrap();
    let (lean, lean_report): (EdgeListGraph, _) = edgelist::parse_lean(text.as_bytes(), p).unwrap();
    assert_eq!(report, lean_report);
    assert_eq!(full.node_count(), lean.node_count());
    assert_eq!(full.edge_count(), lean.edge_count());
    for (i, m) in full.nodes.iter().enumerate() {
        assert_eq!(m.id, lean.id(i));
        assert_eq!(*m, lean.node_meta(i));
        assert_eq!(lean.find(&m.id), Some(i));
    }
    let opts = PageRankOptions::default();
    let a = pagerank(&full.graph, &opts);
    let (b, _) = pagerank_arcs(&lean.out, None, &opts);
    assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
    let kinds = lean.kinds();
    for kind in [None, Some(Kind::ScResolution)] {
        let want = top_by_score(&full, &a, 7, kind);
        let got = top_by_score_with(
            &b,
            7,
            |n| kind.is_none() || kinds[n] == kind,
            |n| lean.id(n),
        );
        assert_eq!(want, got);
    }
    for n in 0..full.node_count() {
        let n = NodeIndex::new(n);
        for depth in 1..=3 {
            for (since, kind) in [
                (None, None),
                (Some(1990), None),
                (None, Some(Kind::GaResolution)),
            ] {
                let q = QueryOptions {
                    depth,
                    since,
                    kind,
                    ..Default::default()
                };
                assert_eq!(
                    cited_by(&full, n, &q),
                    cited_by(&lean, n, &q),
                    "{n:?} {q:?}"
                );
                assert_eq!(cites(&full, n, &q), cites(&lean, n, &q), "{n:?} {q:?}");
            }
        }
    }
    for typed in [
        "72/1",
        "S/RES/687 (1991)",
        "x1",
        "resolution 10 (1956)",
        "A/RES/99/1",
        "687",
    ] {
        match (resolve(&full, typed), resolve_lean(&lean, typed)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{typed}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{typed}"),
            (a, b) => panic!("{typed}: {a:?} vs {b:?}"),
        }
    }
    // The full graph made from the lean one is the one `load` gives.
    let again = lean.into_citation_graph();
    assert_eq!(again.nodes, full.nodes);
    let edges = |g: &unxref::graph::CitationGraph| {
        g.graph
            .raw_edges()
            .iter()
            .map(|e| (e.source(), e.target(), e.weight.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(edges(&again), edges(&full));
}

#[test]
fn lean_fixtures_match_the_full_graph() {
    for name in ["small.csv", "mixed.csv"] {
        check_same(&std::fs::read_to_string(fixture(name)).unwrap());
    }
    check_same("Source;Target\n1;2\n2;3\n3;1\n3;4\n4;4\n5;4\n");
}

#[test]
fn lean_random_lists_match_the_full_graph() {
    for seed in 1..=4 {
        check_same(&random_edge_list(60, 240, seed));
    }
}

#[test]
fn lean_keeps_cues_and_merges_rows() {
    let (g, report) = edgelist::load_lean(Path::new(&fixture("mixed.csv"))).unwrap();
    assert_eq!(
        (report.rows, report.self_loops, report.duplicates),
        (9, 1, 1)
    );
    let a = g.find("A/RES/72/1").unwrap();
    let s = g.find("S/RES/687(1991)").unwrap();
    let arc = g.arc(a, s).unwrap();
    assert_eq!(g.weights[arc], 3.0);
    assert_eq!(g.arc_extras(arc), ("Recalling", "pp1"));
    assert_eq!(g.find("S/RES/687 (1991)"), None);
    assert_eq!(g.incoming().of(s).len(), 2);
}
