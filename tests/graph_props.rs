//! Properties on random small graphs: the edge-list loader agrees with a
//! plain model (repeated rows summed, self-loops dropped, first-seen node
//! order), whatever the number of parallel parts, and a saved graph reads
//! back as the same graph.

use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use unxref::graph::edgelist::parse_in_parts;
use unxref::graph::{CitationGraph, store};

fn shape(g: &CitationGraph) -> (Vec<String>, BTreeMap<(String, String), u64>) {
    let nodes = g.nodes.iter().map(|n| n.id.clone()).collect();
    let edges = g
        .graph
        .raw_edges()
        .iter()
        .map(|e| {
            (
                (g.meta(e.source()).id.clone(), g.meta(e.target()).id.clone()),
                e.weight.weight as u64,
            )
        })
        .collect();
    (nodes, edges)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn loader_matches_a_plain_model(
        rows in prop::collection::vec((0u8..12, 0u8..12, 1u8..5), 1..60),
        parts in 1usize..5,
        symbols in any::<bool>(),
    ) {
        let id = |i: u8| if symbols { format!("A/RES/{}/{}", 40 + i % 3, i) } else { format!("n{i}") };
        let mut csv = String::from("Source,Target,Weight\n");
        let mut order: Vec<String> = Vec::new();
        let mut model: BTreeMap<(String, String), u64> = BTreeMap::new();
        for &(s, t, w) in &rows {
            let (s, t) = (id(s), id(t));
            csv.push_str(&format!("{s},{t},{w}\n"));
            for x in [&s, &t] {
                if !order.contains(x) {
                    order.push(x.clone());
                }
            }
            if s != t {
                *model.entry((s, t)).or_default() += w as u64;
            }
        }
        let (g, report) = parse_in_parts(csv.as_bytes(), Path::new("p.csv"), parts).unwrap();
        prop_assert_eq!(report.rows, rows.len());
        let (nodes, edges) = shape(&g);
        prop_assert_eq!(&nodes, &order);
        prop_assert_eq!(&edges, &model);
        // Saved and read back: the same graph, the same bytes.
        let mut bytes = Vec::new();
        store::write(&g, &mut bytes).unwrap();
        let back = store::read(bytes.as_slice(), Path::new("g.json")).unwrap();
        prop_assert_eq!(&back.nodes, &g.nodes);
        prop_assert_eq!(shape(&back), (nodes, edges));
        let mut again = Vec::new();
        store::write(&back, &mut again).unwrap();
        prop_assert_eq!(again, bytes);
    }
}
