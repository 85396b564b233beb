//! The report on a hand-built graph: counts, top lists, years, targets and
//! warnings, in Markdown and JSON. (Only PageRank and degrees are asked for,
//! so the test does not depend on the other centrality measures.)

use unxref::analysis::Measure;
use unxref::export::report::{self, ReportOptions};
use unxref::graph::{CitationGraph, EdgeMeta, NodeMeta};
use unxref::model::{Kind, Lang};

fn graph() -> CitationGraph {
    let mut g = CitationGraph::new();
    let docs = [
        ("A/RES/79/1", 2024, Lang::En, "Measures | with a pipe"),
        ("A/RES/79/2", 2024, Lang::Fr, "Mesures"),
        ("A/RES/78/5", 2023, Lang::En, "Older"),
    ];
    for (id, year, lang, title) in docs {
        g.upsert_node(NodeMeta {
            id: id.into(),
            kind: Some(Kind::GaResolution),
            title: title.into(),
            year: Some(year),
            lang: Some(lang),
            in_corpus: true,
            ..NodeMeta::default()
        });
    }
    let cited = [
        ("S/RES/1373(2001)", Some(Kind::ScResolution)),
        ("A/RES/70/1", Some(Kind::GaResolution)),
        ("A/RES/99/9", Some(Kind::GaResolution)),
        ("S/RES/0(2001)", Some(Kind::ScResolution)),
        ("whatever", None),
    ];
    for (id, kind) in cited {
        g.upsert_node(NodeMeta {
            id: id.into(),
            kind,
            year: unxref::symbol::year_of(id),
            ..NodeMeta::default()
        });
    }
    let edges = [
        ("A/RES/79/1", "S/RES/1373(2001)", 2.0, false),
        ("A/RES/79/1", "A/RES/70/1", 1.0, false),
        ("A/RES/79/1", "A/RES/78/5", 1.0, false),
        ("A/RES/79/2", "S/RES/1373(2001)", 1.0, false),
        ("A/RES/79/2", "A/RES/99/9", 1.0, false),
        ("A/RES/79/2", "S/RES/0(2001)", 1.0, false),
        ("A/RES/79/2", "whatever", 1.0, false),
        ("A/RES/78/5", "A/RES/79/2", 1.0, true),
    ];
    for (s, t, w, flagged) in edges {
        let (s, t) = (g.node(s).unwrap(), g.node(t).unwrap());
        g.graph.add_edge(
            s,
            t,
            EdgeMeta {
                weight: w,
                flagged,
                ..EdgeMeta::default()
            },
        );
    }
    g
}

#[test]
fn report_contents() {
    let g = graph();
    let r = report::build(
        &g,
        &["bad.txt: empty file, skipped".into()],
        &ReportOptions {
            measures: vec![Measure::Pagerank, Measure::InDegree],
            top: 3,
        },
    );
    assert_eq!((r.documents, r.nodes, r.edges, r.citations), (3, 8, 8, 9));
    let langs: Vec<(&str, u64)> = r
        .languages
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    assert_eq!(langs, [("en", 2), ("fr", 1)]);
    let kinds: Vec<(&str, u64)> = r
        .citations_per_kind
        .iter()
        .map(|c| (c.name.as_str(), c.count))
        .collect();
    assert_eq!(
        kinds,
        [("ga-resolution", 4), ("sc-resolution", 4), ("unknown", 1)]
    );
    let sc = r
        .most_cited
        .iter()
        .find(|t| t.name == "sc-resolution")
        .unwrap();
    assert_eq!(sc.entries[0].id, "S/RES/1373(2001)");
    assert_eq!(sc.entries[0].value, 2.0);
    assert_eq!(r.centrality.len(), 2);
    assert_eq!(r.centrality[0].name, "pagerank");
    assert_eq!(r.centrality[1].name, "in-degree");
    assert_eq!(r.centrality[1].entries[0].id, "S/RES/1373(2001)");
    assert_eq!(r.most_citing[0].id, "A/RES/79/2");
    assert_eq!(r.most_citing[0].value, 4.0);
    let years: Vec<(i32, u64, u64)> = r
        .per_year
        .iter()
        .map(|y| (y.year, y.documents, y.citations))
        .collect();
    assert_eq!(years, [(2023, 1, 1), (2024, 2, 8)]);
    assert_eq!(
        (
            r.targets.in_corpus,
            r.targets.external,
            r.targets.citations_in_corpus,
            r.targets.citations_external
        ),
        (2, 5, 2, 7)
    );
    assert_eq!(
        r.warnings.flagged_edges,
        [("A/RES/78/5".to_string(), "A/RES/79/2".to_string())]
    );
    let suspects: Vec<(&str, &str)> = r
        .warnings
        .malformed_ids
        .iter()
        .map(|s| (s.id.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        suspects,
        [
            (
                "A/RES/99/9",
                "year 2044 is after every corpus document (2024)"
            ),
            ("S/RES/0(2001)", "number 0"),
            ("whatever", "not a recognised symbol"),
        ]
    );

    let mut md = Vec::new();
    report::write_markdown(&mut md, &r).unwrap();
    let md = String::from_utf8(md).unwrap();
    for want in [
        "# Citation report",
        "- **3** documents (2 en, 1 fr)",
        "### sc-resolution",
        "| 1 | `S/RES/1373(2001)` | 2001 | 2 |  |",
        "Measures \\| with a pipe",
        "### Unreadable inputs (1)",
        "- `A/RES/78/5` → `A/RES/79/2`",
        "- `S/RES/0(2001)`: number 0",
    ] {
        assert!(md.contains(want), "missing {want:?} in\n{md}");
    }
    let json: serde_json::Value = serde_json::to_value(&r).unwrap();
    assert_eq!(json["targets"]["external"], 5);
    assert_eq!(json["warnings"]["flagged_edges"][0][1], "A/RES/79/2");
}

#[test]
fn empty_graph_report() {
    let r = report::build(
        &CitationGraph::new(),
        &[],
        &ReportOptions {
            measures: vec![Measure::Pagerank],
            top: 10,
        },
    );
    let mut md = Vec::new();
    report::write_markdown(&mut md, &r).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("- **0** documents (none)"));
    assert!(md.ends_with("## Warnings\n\nNone.\n"), "{md}");
}
