//! A saved graph held lean (`store::parse_lean`, what `rank --by pagerank`
//! uses on a lone saved graph) has what the full graph (`store::parse`) has:
//! the same nodes in the same order with the same attributes, the same
//! arcs (distinct, sorted, no self-loops) with the same summed weights and
//! first cue and paragraph, the same PageRank bit for bit, and the same
//! top of the ranking; a bad file gives the same error.

#[path = "support/lcg.rs"]
mod lcg;
use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::path::Path;
use unxref::analysis::query::{top_by_score, top_by_score_with};
use unxref::analysis::{PageRankOptions, pagerank, pagerank_arcs};
use unxref::graph::store;
use unxref::model::Kind;

/// A seeded saved graph as a hand or another tool may write it: nodes
/// with attributes (some listed twice, an external one then the corpus
/// document), edges by position and by id string (some to ids not listed,
/// some not canonical), repeated edges with weights, self-loops, cues.
fn random_saved(nodes: u64, edges: usize, seed: u64) -> String {
    let mut next = lcg::lcg(seed);
    let id = |i: u64| match i % 3 {
        0 => format!("S/RES/{i}({})", 1946 + i % 70),
        1 => format!("A/RES/{}/{i}", 1 + i % 79),
        _ => format!("X{i}"),
    };
    let mut out = String::from("{\"format\":\"unxref-graph\",\"version\":1,\n\"nodes\":[\n");
    let mut listed = 0u64;
    for i in 0..nodes {
        if listed > 0 {
            out.push_str(",\n");
        }
        let extra = match next() % 4 {
            0 => format!(",\"title\":\"Title {i}\",\"in_corpus\":true,\"file\":\"f{i}.txt\""),
            1 => ",\"kind\":\"document\"".to_string(),
            2 => format!(",\"year\":{}", 1950 + i % 70),
            _ => String::new(),
        };
        out.push_str(&format!("{{\"id\":\"{}\"{extra}}}", id(i)));
        listed += 1;
        if next().is_multiple_of(10) {
            // the same id again, now as a corpus document
            out.push_str(&format!(
                ",\n{{\"id\":\"{}\",\"title\":\"Own {i}\",\"in_corpus\":true}}",
                id(i)
            ));
            listed += 1;
        }
    }
    out.push_str("\n],\n\"edges\":[\n");
    for e in 0..edges {
        if e > 0 {
            out.push_str(",\n");
        }
        let end = |x: u64, next: &mut dyn FnMut() -> u64| -> String {
            match next() % 5 {
                0 => format!("\"{}\"", id(x)),
                1 => format!("\"{}\"", id(x + nodes)), // not listed: external
                _ => (x % listed).to_string(),
            }
        };
        let (a, b) = (next() % nodes, next() % nodes);
        let (s, t) = (end(a, &mut next), end(b, &mut next));
        let mut rec = format!(
            "{{\"source\":{s},\"target\":{t},\"weight\":{}",
            1 + next() % 4
        );
        if next().is_multiple_of(3) {
            rec.push_str(&format!(
                ",\"cue\":\"Recalling\",\"paragraph\":\"pp{}\"",
                next() % 9
            ));
        }
        rec.push('}');
        out.push_str(&rec);
        if next().is_multiple_of(8) {
            // the same edge again
            out.push_str(",\n");
            out.push_str(&format!("{{\"source\":{s},\"target\":{t},\"weight\":0.5}}"));
        }
    }
    out.push_str("\n]}\n");
    out
}

fn check_same(text: &str) {
    let p = Path::new("g.json");
    let full = store::parse(text.as_bytes(), p).unwrap();
    let lean = store::parse_lean(text.as_bytes(), p).unwrap();
    assert_eq!(full.node_count(), lean.node_count());
    assert_eq!(full.edge_count(), lean.edge_count());
    for (i, m) in full.nodes.iter().enumerate() {
        assert_eq!(m.id, lean.id(i));
        assert_eq!(*m, lean.node_meta(i));
    }
    for u in 0..full.node_count() {
        let mut want: Vec<(u32, u64, String, String)> = full
            .graph
            .edges_directed(NodeIndex::new(u), Direction::Outgoing)
            .map(|e| {
                let m = e.weight();
                (
                    e.target().index() as u32,
                    m.weight.to_bits(),
                    m.cue.to_string(),
                    m.paragraph.to_string(),
                )
            })
            .collect();
        want.sort();
        let got: Vec<(u32, u64, String, String)> = (lean.out.offsets[u]..lean.out.offsets[u + 1])
            .map(|i| {
                let (cue, paragraph) = lean.arc_extras(i);
                (
                    lean.out.nbrs[i],
                    lean.weights[i].to_bits(),
                    cue.to_string(),
                    paragraph.to_string(),
                )
            })
            .collect();
        assert_eq!(want, got, "arcs of node {u}");
    }
    let opts = PageRankOptions::default();
    let a = pagerank(&full.graph, &opts);
    let (b, _) = pagerank_arcs(&lean.out, None, &opts);
    assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
    let kinds = lean.kinds();
    for kind in [None, Some(Kind::ScResolution), Some(Kind::Document)] {
        let want = top_by_score(&full, &a, 9, kind);
        let got = top_by_score_with(
            &b,
            9,
            |n| kind.is_none() || kinds[n] == kind,
            |n| lean.id(n),
        );
        assert_eq!(want, got);
    }
}

#[test]
fn random_saved_graphs_are_the_same_lean() {
    for seed in 0..20 {
        check_same(&random_saved(40 + seed * 7, 300, seed));
    }
}

#[test]
fn a_saved_graph_written_by_unxref_is_the_same_lean() {
    // A graph as `unxref graph -o` writes it (positions only, merged edges).
    let text = random_saved(200, 1500, 99);
    let g = store::parse(text.as_bytes(), Path::new("g.json")).unwrap();
    let mut written = Vec::new();
    store::write(&g, &mut written).unwrap();
    check_same(std::str::from_utf8(&written).unwrap());
}

#[test]
fn empty_and_bad_saved_graphs() {
    check_same("{\"format\":\"unxref-graph\",\"version\":1,\"nodes\":[],\"edges\":[]}");
    for bad in [
        "{\"format\":\"other\",\"version\":1}",
        "{\"format\":\"unxref-graph\"}",
        "{\"format\":\"unxref-graph\",\"version\":1,\"nodes\":[{\"id\":\"\"}]}",
        "{\"format\":\"unxref-graph\",\"version\":1,\"nodes\":[{\"id\":\"a\"}],\n\"edges\":[{\"source\":0,\"target\":5}]}",
        "{\"format\":\"unxref-graph\",\"version\":1,\"nodes\":[{\"id\":\"a\"},{\"id\":\"b\"}],\n\"edges\":[{\"source\":0,\"target\":1,\"weight\":-1}]}",
        "{\"format\":\"unxref-graph\",\"version\":1,\"nodes\":[",
    ] {
        let p = Path::new("bad.json");
        let full = store::parse(bad.as_bytes(), p).map(|_| ()).unwrap_err();
        let lean = store::parse_lean(bad.as_bytes(), p)
            .map(|_| ())
            .unwrap_err();
        assert_eq!(full.to_string(), lean.to_string(), "{bad}");
    }
}
