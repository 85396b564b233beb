//! Every export format on hand-built graphs whose titles hold quotes,
//! backslashes, slashes, newlines, French, Arabic and Chinese: the DOT parses
//! back (graphviz-rust) and renders (`dot`), the CSVs re-read as Gephi
//! expects, GEXF and GraphML are well-formed and carry their attributes, the
//! JSON round-trips, and output does not depend on insertion order.

use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use std::collections::HashSet;
use unxref::export::json::{JsonEdge, JsonNode};
use unxref::export::render::{self, Picture};
use unxref::export::{Scores, View, dot, gephi, gexf, graphml, json, vosviewer};
use unxref::graph::{CitationGraph, EdgeMeta, NodeMeta};
use unxref::model::{Kind, Lang};

/// (id, kind, year, title, in corpus)
type N = (&'static str, Option<Kind>, Option<i32>, &'static str, bool);

const NODES: [N; 9] = [
    (
        "A/RES/79/1",
        Some(Kind::GaResolution),
        Some(2024),
        "Say \"no\" to C:\\path\\file & <tags>",
        true,
    ),
    (
        "A/RES/74/175",
        Some(Kind::GaResolution),
        Some(2019),
        "Prévention du crime et justice pénale — l'Office",
        true,
    ),
    (
        "A/RES/72/194",
        Some(Kind::GaResolution),
        Some(2017),
        "منع الجريمة والعدالة الجنائية",
        false,
    ),
    (
        "S/RES/2178(2014)",
        Some(Kind::ScResolution),
        Some(2014),
        "预防犯罪和刑事司法",
        false,
    ),
    (
        "E/CN.15/2019/5",
        Some(Kind::Document),
        Some(2019),
        "  two\nlines\twith tab and / slashes  ",
        false,
    ),
    ("UNTS 39574", Some(Kind::Treaty), None, "", false),
    (
        "Convention \"quoted\" \\ name",
        Some(Kind::NamedInstrument),
        None,
        "",
        false,
    ),
    ("odd id", None, None, "'starts with a quote", false),
    (
        "A/RES/217(III)",
        Some(Kind::GaResolution),
        Some(1948),
        "",
        false,
    ),
];

/// (source, target, weight, flagged)
const EDGES: [(usize, usize, f64, bool); 9] = [
    (0, 1, 2.0, false),
    (0, 2, 1.0, false),
    (0, 3, 1.0, false),
    (1, 2, 3.0, false),
    (1, 4, 1.0, false),
    (1, 5, 1.0, false),
    (1, 6, 1.0, false),
    (2, 8, 1.0, false),
    (3, 0, 1.0, true),
];

fn build(reverse: bool) -> CitationGraph {
    let mut g = CitationGraph::new();
    let mut order: Vec<usize> = (0..NODES.len()).collect();
    if reverse {
        order.reverse();
    }
    for &i in &order {
        let (id, kind, year, title, in_corpus) = NODES[i];
        g.upsert_node(NodeMeta {
            id: id.into(),
            kind,
            year,
            title: title.into(),
            lang: in_corpus.then_some(Lang::En),
            in_corpus,
            file: if in_corpus {
                format!("corpus\\{i}.txt")
            } else {
                String::new()
            },
            ..NodeMeta::default()
        });
    }
    let mut edges = EDGES.to_vec();
    if reverse {
        edges.reverse();
    }
    for (s, t, w, flagged) in edges {
        let s = g.node(NODES[s].0).unwrap();
        let t = g.node(NODES[t].0).unwrap();
        g.graph.add_edge(
            s,
            t,
            EdgeMeta {
                weight: w,
                cue: "Recalling".into(),
                paragraph: "pp3".into(),
                flagged,
                ..EdgeMeta::default()
            },
        );
    }
    g
}

fn out(f: impl Fn(&mut dyn std::io::Write) -> std::io::Result<()>) -> String {
    let mut v = Vec::new();
    f(&mut v).unwrap();
    String::from_utf8(v).unwrap()
}

fn all_formats(g: &CitationGraph) -> Vec<String> {
    let scores = Scores::compute(g);
    let v = View::all(g, &scores);
    vec![
        out(|w| dot::write_dot(w, &v, &dot::DotOptions::default())),
        out(|w| gephi::write_nodes(w, &v)),
        out(|w| gephi::write_edges(w, &v)),
        out(|w| gexf::write_gexf(w, &v, &gexf::GexfOptions { dynamic: true })),
        out(|w| graphml::write_graphml(w, &v)),
        out(|w| json::write_json(w, &v)),
        out(|w| vosviewer::write_map(w, &v)),
        out(|w| vosviewer::write_network(w, &v)),
    ]
}

#[test]
fn output_does_not_depend_on_insertion_order() {
    let (a, b) = (all_formats(&build(false)), all_formats(&build(true)));
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        for (lx, ly) in x.lines().zip(y.lines()) {
            assert_eq!(lx, ly, "format {i}");
        }
        assert_eq!(x, y, "format {i}");
    }
}

fn id_text(id: &Id) -> String {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

#[test]
fn dot_parses_back_with_every_id() {
    let g = build(false);
    let scores = Scores::compute(&g);
    let text = out(|w| {
        dot::write_dot(
            w,
            &View::all(&g, &scores),
            &dot::DotOptions {
                title: "Title with \"quotes\" \\ and العربية".into(),
                legend: true,
                time_axis: true,
            },
        )
    });
    let parsed = graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph")
    };
    let mut ids = HashSet::new();
    let mut edges = 0;
    for s in &stmts {
        match s {
            Stmt::Node(n) => {
                let id = id_text(&n.id.0);
                if !id.starts_with("\"year:") {
                    ids.insert(id);
                }
            }
            Stmt::Edge(_) => edges += 1,
            _ => {}
        }
    }
    assert_eq!(ids.len(), NODES.len());
    // the citations and the invisible year axis (1948 2014 2017 2019 2024)
    assert_eq!(edges, EDGES.len() + 4);
    // escaped as DOT wants it
    assert!(
        ids.contains(r#""Convention \"quoted\" \\ name""#),
        "{ids:?}"
    );
    assert!(text.contains(r#"label="2178 (2014)""#));
    assert!(text.contains("预防犯罪和刑事司法"));
    assert!(text.contains(r#"C:\\path\\file"#));
    assert!(text.contains("rankdir=BT"));
    assert!(text.contains("cluster_legend"));
    // the flagged edge is drawn red
    assert!(
        text.contains(r##""S/RES/2178(2014)" -> "A/RES/79/1" [penwidth=0.6, color="#D62728""##)
    );
}

#[test]
fn dot_renders_with_graphviz() {
    if !render::available("dot") {
        println!("note: Graphviz `dot` is not installed; render test skipped");
        return;
    }
    let g = build(false);
    let scores = Scores::compute(&g);
    let v = View::all(&g, &scores);
    let opts = dot::DotOptions::default();
    let mut svg = Vec::new();
    render::render(
        "dot",
        Picture::Svg,
        &|w| dot::write_dot(w, &v, &opts),
        &mut svg,
    )
    .unwrap();
    let svg = String::from_utf8(svg).unwrap();
    let xml = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, xml).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert!(svg.contains("预防犯罪和刑事司法"));
    assert!(svg.contains("منع الجريمة"));
    assert!(svg.contains("72/194"));
    let mut png = Vec::new();
    render::render(
        "sfdp",
        Picture::Png,
        &|w| dot::write_dot(w, &v, &opts),
        &mut png,
    )
    .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn bad_dot_is_a_render_error() {
    if !render::available("dot") {
        println!("note: Graphviz `dot` is not installed; render test skipped");
        return;
    }
    let e = render::render(
        "dot",
        Picture::Svg,
        &|w| w.write_all(b"digraph { a -> }"),
        &mut Vec::new(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("Graphviz `dot` failed"), "{e}");
}

fn read_csv(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

fn check_gephi_fields(header: &[String], rows: &[csv::StringRecord]) {
    let lower: HashSet<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    assert_eq!(
        lower.len(),
        header.len(),
        "headers unique (case-insensitive)"
    );
    assert!(header.iter().all(|h| !h.trim().is_empty()));
    for r in rows {
        assert_eq!(r.len(), header.len());
        for f in r.iter() {
            assert!(!f.contains('\\'), "backslash in {f:?}");
            assert_eq!(f, f.trim(), "untrimmed {f:?}");
            assert!(!f.contains('\n'));
        }
    }
}

#[test]
fn gephi_csv_reads_back() {
    let g = build(false);
    let scores = Scores::compute(&g);
    let v = View::all(&g, &scores);
    let (header, rows) = read_csv(&out(|w| gephi::write_nodes(w, &v)));
    assert_eq!(header, gephi::NODE_COLUMNS);
    check_gephi_fields(&header, &rows);
    assert_eq!(rows.len(), NODES.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let ids: HashSet<&str> = rows.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(ids.len(), NODES.len());
    for r in &rows {
        r[col("pagerank")].parse::<f64>().unwrap();
        assert!(r[col("pagerank")].contains('.'), "float with a point");
        r[col("in_degree")].parse::<u32>().unwrap();
        r[col("out_degree")].parse::<u32>().unwrap();
        let y = &r[col("year")];
        assert!(y.is_empty() || y.parse::<i32>().is_ok());
        assert!(matches!(&r[col("in_corpus")], "true" | "false"));
    }
    let first = &rows[0];
    assert_eq!(&first[col("Id")], "A/RES/217(III)", "oldest first");
    let r79 = rows.iter().find(|r| &r[0] == "A/RES/79/1").unwrap();
    assert_eq!(&r79[col("title")], "Say \"no\" to C:/path/file & <tags>");
    assert_eq!(&r79[col("Label")], "79/1");
    assert_eq!(&r79[col("file")], "corpus/0.txt");
    let doc = rows.iter().find(|r| &r[0] == "E/CN.15/2019/5").unwrap();
    assert_eq!(&doc[col("title")], "two lines with tab and / slashes");

    let (header, rows) = read_csv(&out(|w| gephi::write_edges(w, &v)));
    assert_eq!(header, gephi::EDGE_COLUMNS);
    check_gephi_fields(&header, &rows);
    assert_eq!(rows.len(), EDGES.len());
    let edge_ids: HashSet<&str> = rows.iter().map(|r| r.get(4).unwrap()).collect();
    assert_eq!(edge_ids.len(), EDGES.len(), "unique edge ids");
    for r in &rows {
        assert_eq!(&r[2], "Directed");
        assert!(r[3].parse::<f64>().unwrap() > 0.0);
        assert!(r[3].contains('.'));
        assert!(ids.contains(&r[0]) && ids.contains(&r[1]));
    }
}

/// Gephi guesses column types from the first 25 rows: with many undated
/// nodes, the dated ones must still come first.
#[test]
fn gephi_type_guess_sees_years_first() {
    let mut g = CitationGraph::new();
    for i in 0..40 {
        g.upsert_node(NodeMeta {
            id: format!("Instrument {i:02}"),
            kind: Some(Kind::NamedInstrument),
            ..NodeMeta::default()
        });
    }
    for (i, y) in [(1, 2001), (2, 1999)] {
        g.upsert_node(NodeMeta {
            id: format!("S/RES/{i}({y})"),
            kind: Some(Kind::ScResolution),
            year: Some(y),
            ..NodeMeta::default()
        });
    }
    let scores = Scores::compute(&g);
    let v = View::all(&g, &scores);
    let (header, rows) = read_csv(&out(|w| gephi::write_nodes(w, &v)));
    let year = header.iter().position(|h| h == "year").unwrap();
    let first25: Vec<&str> = rows.iter().take(25).map(|r| r.get(year).unwrap()).collect();
    assert_eq!(&first25[..3], ["1999", "2001", ""]);
    assert!(
        first25
            .iter()
            .all(|y| y.is_empty() || y.parse::<i32>().is_ok())
    );
}

#[test]
fn gexf_is_well_formed_with_attributes() {
    let g = build(false);
    let scores = Scores::compute(&g);
    let v = View::all(&g, &scores);
    for dynamic in [false, true] {
        let text = out(|w| gexf::write_gexf(w, &v, &gexf::GexfOptions { dynamic }));
        let doc = roxmltree::Document::parse(&text).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "gexf");
        assert_eq!(root.attribute("version"), Some("1.3"));
        let declared: HashSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("attribute"))
            .map(|n| n.attribute("id").unwrap())
            .collect();
        for a in [
            "kind",
            "year",
            "title",
            "in_corpus",
            "pagerank",
            "in_degree",
            "out_degree",
            "cue",
            "flagged",
        ] {
            assert!(declared.contains(a), "{a}");
        }
        let nodes: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .collect();
        assert_eq!(nodes.len(), NODES.len());
        for n in &nodes {
            let vals: HashSet<&str> = n
                .descendants()
                .filter(|c| c.has_tag_name("attvalue"))
                .map(|c| c.attribute("for").unwrap())
                .collect();
            assert!(vals.iter().all(|v| declared.contains(v)));
            assert!(vals.contains("pagerank") && vals.contains("kind"));
        }
        let n79 = nodes
            .iter()
            .find(|n| n.attribute("id") == Some("A/RES/79/1"))
            .unwrap();
        let title = n79
            .descendants()
            .find(|c| c.attribute("for") == Some("title"))
            .unwrap();
        assert_eq!(
            title.attribute("value"),
            Some("Say \"no\" to C:\\path\\file & <tags>")
        );
        assert_eq!(
            n79.attribute("start"),
            if dynamic { Some("2024") } else { None }
        );
        let treaty = nodes
            .iter()
            .find(|n| n.attribute("id") == Some("UNTS 39574"))
            .unwrap();
        assert_eq!(treaty.attribute("start"), None);
        let edges = doc.descendants().filter(|n| n.has_tag_name("edge")).count();
        assert_eq!(edges, EDGES.len());
    }
}

#[test]
fn graphml_is_well_formed_with_typed_keys() {
    let g = build(false);
    let scores = Scores::compute(&g);
    let text = out(|w| graphml::write_graphml(w, &View::all(&g, &scores)));
    let doc = roxmltree::Document::parse(&text).unwrap();
    let keys: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .collect();
    let key_ids: HashSet<&str> = keys.iter().map(|k| k.attribute("id").unwrap()).collect();
    assert_eq!(key_ids.len(), keys.len(), "unique key ids");
    for k in &keys {
        assert!(matches!(
            k.attribute("attr.type"),
            Some("string" | "int" | "double" | "boolean")
        ));
        assert!(k.attribute("attr.name").is_some());
    }
    for d in doc.descendants().filter(|n| n.has_tag_name("data")) {
        assert!(key_ids.contains(d.attribute("key").unwrap()));
    }
    let graph = doc.descendants().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let nodes: HashSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    assert_eq!(nodes.len(), NODES.len());
    assert!(nodes.contains("Convention \"quoted\" \\ name"));
    for e in doc.descendants().filter(|n| n.has_tag_name("edge")) {
        assert!(nodes.contains(e.attribute("source").unwrap()));
        assert!(nodes.contains(e.attribute("target").unwrap()));
    }
    assert!(text.contains("منع الجريمة والعدالة الجنائية"));
}

#[test]
fn json_round_trips() {
    let g = build(false);
    let scores = Scores::compute(&g);
    let text = out(|w| json::write_json(w, &View::all(&g, &scores)));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["directed"], true);
    assert_eq!(v["multigraph"], false);
    assert!(v["graph"].is_object());
    let nodes: Vec<JsonNode> = serde_json::from_value(v["nodes"].clone()).unwrap();
    let edges: Vec<JsonEdge> = serde_json::from_value(v["edges"].clone()).unwrap();
    let links: Vec<JsonEdge> = serde_json::from_value(v["links"].clone()).unwrap();
    assert_eq!(edges, links);
    assert_eq!(nodes.len(), NODES.len());
    assert_eq!(edges.len(), EDGES.len());
    for (id, kind, year, title, in_corpus) in NODES {
        let n = nodes.iter().find(|n| n.id == id).unwrap();
        assert_eq!(n.kind.as_deref(), kind.map(|k| k.as_str()));
        assert_eq!(n.year, year);
        assert_eq!(n.title, unxref::export::text::one_line(title));
        assert_eq!(n.in_corpus, in_corpus);
    }
    let total: f64 = nodes.iter().map(|n| n.pagerank).sum();
    assert!((total - 1.0).abs() < 1e-9);
    for (s, t, w, flagged) in EDGES {
        let e = edges
            .iter()
            .find(|e| e.source == NODES[s].0 && e.target == NODES[t].0)
            .unwrap();
        assert_eq!((e.weight, e.flagged), (w, flagged));
    }
}

#[test]
fn vosviewer_files() {
    let g = build(false);
    let scores = Scores::compute(&g);
    let v = View::all(&g, &scores);
    let map = out(|w| vosviewer::write_map(w, &v));
    let lines: Vec<&str> = map.lines().collect();
    assert_eq!(
        lines[0], "id\tlabel\tdescription\tweight<Citations>\tweight<PageRank>",
        "no score<Year> when some years are missing"
    );
    assert_eq!(lines.len(), NODES.len() + 1);
    for (i, l) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = l.split('\t').collect();
        assert_eq!(cells.len(), 5, "{l}");
        assert_eq!(cells[0], (i + 1).to_string());
        cells[3].parse::<u32>().unwrap();
        cells[4].parse::<f64>().unwrap();
    }
    let net = out(|w| vosviewer::write_network(w, &v));
    assert_eq!(net.lines().count(), EDGES.len());
    for l in net.lines() {
        let c: Vec<&str> = l.split('\t').collect();
        assert_eq!(c.len(), 3);
        for id in &c[..2] {
            let id: usize = id.parse().unwrap();
            assert!((1..=NODES.len()).contains(&id));
        }
    }
}
