//! Building the graph from extracted citations, saving and loading it, and
//! merging inputs of different kinds.

use std::path::{Path, PathBuf};
use unxref::extract::Extracted;
use unxref::graph::build::from_extracted;
use unxref::graph::input::{InputKind, LoadOptions, classify, load_inputs};
use unxref::graph::{CitationGraph, GraphError, edgelist, store};
use unxref::model::{Body, Citation, DocInfo, Kind, Lang};

fn doc(
    file: &str,
    id: &str,
    year: Option<i32>,
    title: &str,
    cites: &[(&str, Kind, &str, &str)],
) -> Extracted {
    Extracted {
        info: DocInfo {
            file: file.into(),
            id: id.into(),
            id_source: "masthead".into(),
            title: title.into(),
            year,
            lang: Lang::En,
            ..DocInfo::default()
        },
        citations: cites
            .iter()
            .enumerate()
            .map(|(i, (target, kind, cue, paragraph))| Citation {
                file: file.into(),
                doc: id.into(),
                target: (*target).into(),
                kind: *kind,
                text: (*target).into(),
                start: i * 10,
                end: i * 10 + 5,
                line: i + 1,
                lang: Lang::En,
                cue: (*cue).into(),
                paragraph: (*paragraph).into(),
                page: None,
                context: String::new(),
            })
            .collect(),
    }
}

/// A small corpus: two SC resolutions and a GA one, with repeated
/// mentions, a self-citation, a citation of a later text, and a masthead id
/// written with a space.
fn corpus() -> Vec<Extracted> {
    use Kind::*;
    vec![
        doc(
            "c/s_res_2178.txt",
            "S/RES/2178 (2014)",
            None,
            "Threats to international peace",
            &[
                ("S/RES/1373(2001)", ScResolution, "Reaffirming", "pp1"),
                ("S/RES/2178(2014)", ScResolution, "Decides", "op1"),
                ("S/RES/1373(2001)", ScResolution, "Recalling", "pp4"),
                ("A/RES/70/1", GaResolution, "Noting", "pp5"),
                ("UNTS 39574", Treaty, "", ""),
            ],
        ),
        doc(
            "c/a_res_72_194.txt",
            "A/RES/72/194",
            Some(2017),
            "Entrepreneurship",
            &[
                ("S/RES/2178(2014)", ScResolution, "Recalling", "pp2"),
                ("A/RES/70/1", GaResolution, "Reaffirming", "pp1"),
            ],
        ),
        doc(
            "c/s_res_1373.txt",
            "S/RES/1373(2001)",
            None,
            "Terrorism",
            &[],
        ),
    ]
}

fn ids(g: &CitationGraph) -> Vec<&str> {
    g.nodes.iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn builds_nodes_and_edges_from_citations() {
    let g = from_extracted(&corpus());
    // corpus documents in input order, then targets in first-seen order
    assert_eq!(
        ids(&g),
        [
            "S/RES/2178(2014)",
            "A/RES/72/194",
            "S/RES/1373(2001)",
            "A/RES/70/1",
            "UNTS 39574"
        ]
    );
    let m = &g.nodes[0];
    assert!(m.in_corpus);
    assert_eq!(m.year, Some(2014), "SC year from the symbol");
    assert_eq!(m.kind, Some(Kind::ScResolution));
    assert_eq!(m.body, Some(Body::SecurityCouncil));
    assert_eq!(m.title, "Threats to international peace");
    assert_eq!(m.file, "c/s_res_2178.txt");
    assert_eq!(m.lang, Some(Lang::En));
    let ga = &g.nodes[3];
    assert!(!ga.in_corpus);
    assert_eq!(
        (ga.year, ga.body),
        (Some(2015), Some(Body::GeneralAssembly)),
        "session 70 → 2015"
    );
    assert_eq!(g.nodes[4].kind, Some(Kind::Treaty));
    // UNTS 39574 carries no year in its id; the instruments table knows it
    // (the Convention against Transnational Organized Crime, 2000).
    assert_eq!(g.nodes[4].year, Some(2000));
    assert!(
        g.nodes[2].in_corpus,
        "a cited text that is in the corpus is one node"
    );

    let edges: Vec<(&str, &str, f64, &str, &str, bool)> = g
        .graph
        .raw_edges()
        .iter()
        .map(|e| {
            (
                g.nodes[e.source().index()].id.as_str(),
                g.nodes[e.target().index()].id.as_str(),
                e.weight.weight,
                &*e.weight.cue,
                &*e.weight.paragraph,
                e.weight.flagged,
            )
        })
        .collect();
    assert_eq!(
        edges,
        [
            (
                "S/RES/2178(2014)",
                "S/RES/1373(2001)",
                2.0,
                "Reaffirming",
                "pp1",
                false
            ),
            ("S/RES/2178(2014)", "A/RES/70/1", 1.0, "Noting", "pp5", true),
            ("S/RES/2178(2014)", "UNTS 39574", 1.0, "", "", false),
            (
                "A/RES/72/194",
                "S/RES/2178(2014)",
                1.0,
                "Recalling",
                "pp2",
                false
            ),
            (
                "A/RES/72/194",
                "A/RES/70/1",
                1.0,
                "Reaffirming",
                "pp1",
                false
            ),
        ]
    );
}

#[test]
fn saved_graph_round_trip_is_exact_and_deterministic() {
    let g = from_extracted(&corpus());
    let mut a = Vec::new();
    store::write(&g, &mut a).unwrap();
    let back = store::read(a.as_slice(), Path::new("g.json")).unwrap();
    assert_eq!(back.nodes, g.nodes);
    let edges = |g: &CitationGraph| {
        g.graph
            .raw_edges()
            .iter()
            .map(|e| (e.source(), e.target(), e.weight.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(edges(&back), edges(&g));
    let mut b = Vec::new();
    store::write(&back, &mut b).unwrap();
    assert_eq!(a, b, "save → load → save is byte-identical");
    let text = String::from_utf8(a).unwrap();
    assert!(text.starts_with("{\"format\":\"unxref-graph\",\"version\":1,\n\"nodes\":[\n"));
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    assert!(store::sniff(text.as_bytes()));

    // An edge list saved and reloaded keeps its graph too.
    let csv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/graph/small.csv"
    );
    let (g, _) = edgelist::load(Path::new(csv)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("small.graph.json");
    store::save(&g, &p).unwrap();
    let back = store::load(&p).unwrap();
    assert_eq!(back.nodes, g.nodes);
    assert_eq!(edges(&back), edges(&g));
}

#[test]
fn bad_saved_graphs_are_clear_errors() {
    let table = [
        (
            "{\"format\":\"other\",\"version\":1}",
            1,
            "format is \"other\"",
        ),
        (
            "{\"format\":\"unxref-graph\",\"version\":2}",
            1,
            "version 2 is not supported",
        ),
        ("{\"version\":1}", 1, "no \"format\""),
        (
            "{\"format\":\"unxref-graph\",\"version\":1,\n\"nodes\":[\n{\"id\":\"a\"},\n{\"id\":5}\n]}",
            4,
            "invalid type",
        ),
        (
            "{\"format\":\"unxref-graph\",\"version\":1,\n\"nodes\":[\n",
            3,
            "EOF",
        ),
        (
            "{\"format\":\"unxref-graph\",\"version\":1,\"edges\":[{\"source\":\"a\",\"target\":\"b\",\"weight\":-2}]}",
            1,
            "weight -2",
        ),
        (
            "{\"format\":\"unxref-graph\",\"version\":1,\n\"nodes\":[{\"id\":\"a\"}],\n\"edges\":[{\"source\":0,\"target\":1}]}",
            3,
            "refers to node 1, but 1 nodes are listed before it",
        ),
        (
            "{\"format\":\"unxref-graph\",\"version\":1,\"edges\":[{\"source\":\"a\"}]}",
            1,
            "lacks its source or target",
        ),
    ];
    for (text, line, msg) in table {
        match store::read(text.as_bytes(), Path::new("bad.json")) {
            Err(GraphError::SavedGraph {
                path,
                line: l,
                msg: m,
            }) => {
                assert_eq!(path, Path::new("bad.json"));
                assert_eq!(l, line, "{text}: {m}");
                assert!(m.contains(msg), "{text}: {m}");
            }
            other => panic!("{text}: expected an error, got {other:?}"),
        }
    }
    // Edges may name ids missing from `nodes`; fields may be missing.
    let g = store::read(
        "{\"format\":\"unxref-graph\",\"version\":1,\"edges\":[{\"source\":\"S/RES/687 (1991)\",\"target\":\"72/194\"}]}".as_bytes(),
        Path::new("min.json"),
    )
    .unwrap();
    assert_eq!(ids(&g), ["S/RES/687(1991)", "A/RES/72/194"]);
    assert_eq!(g.graph.raw_edges()[0].weight.weight, 1.0);
    assert_eq!(g.nodes[0].year, Some(1991));

    // Positions and ids mix; unknown fields are ignored; a node listed
    // after an edge that named it fills in its attributes; `flagged` is
    // recomputed from the years (C of 2000 cites B of 2010; A has no year).
    let text = r#"{"format":"unxref-graph","version":1,"generator":"x",
"edges":[{"source":"B","target":"A","weight":2,"note":1,"flagged":true}],
"nodes":[{"id":"A","title":"Alpha","in_corpus":true,"extra":[1,2]},{"id":"C","year":2000},{"id":"B","year":2010}],
"edges":[{"source":1,"target":0},{"source":"C","target":"B"}]}"#;
    let g = store::read(text.as_bytes(), Path::new("mixed.json")).unwrap();
    assert_eq!(ids(&g), ["B", "A", "C"]);
    assert!(g.nodes[1].in_corpus);
    assert_eq!(g.nodes[1].title, "Alpha");
    let edges: Vec<(&str, &str, f64, bool)> = g
        .graph
        .raw_edges()
        .iter()
        .map(|e| {
            (
                g.nodes[e.source().index()].id.as_str(),
                g.nodes[e.target().index()].id.as_str(),
                e.weight.weight,
                e.weight.flagged,
            )
        })
        .collect();
    assert_eq!(
        edges,
        [
            ("B", "A", 2.0, false),
            ("C", "A", 1.0, false),
            ("C", "B", 1.0, true)
        ]
    );
}

#[test]
fn inputs_of_every_kind_merge_and_bad_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    std::fs::write(
        p("a.csv"),
        "Source,Target,Weight\nA/RES/73/1,A/RES/70/1,2\n",
    )
    .unwrap();
    std::fs::write(
        p("b.tsv"),
        "source\ttarget\nA/RES/73/1\tA/RES/70/1\nX,Y\tZ\n",
    )
    .unwrap();
    let g = from_extracted(&corpus());
    store::save(&g, &p("g.json")).unwrap();
    std::fs::copy(p("g.json"), p("g.graph")).unwrap();
    std::fs::write(p("bad.csv"), "Source,Target,Weight\na,b,1\na,c,lots\n").unwrap();
    std::fs::write(p("bad.json"), "{\"format\":\"unxref-graph\",\"version\":9}").unwrap();

    let kinds = [
        ("a.csv", InputKind::EdgeList),
        ("b.tsv", InputKind::EdgeList),
        ("g.json", InputKind::SavedGraph),
        ("g.graph", InputKind::SavedGraph),
    ];
    for (name, kind) in kinds {
        assert_eq!(classify(&p(name)), kind, "{name}");
    }
    assert_eq!(classify(dir.path()), InputKind::Corpus);
    assert_eq!(classify(Path::new("-")), InputKind::Corpus);

    let inputs: Vec<PathBuf> = ["g.json", "a.csv", "bad.csv", "b.tsv", "bad.json"]
        .iter()
        .map(|n| p(n))
        .collect();
    let loaded = load_inputs(&inputs, &LoadOptions::default()).unwrap();
    let errors: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].ends_with("bad.csv:3: weight \"lots\" is not a number"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("bad.json:1: version 9 is not supported"),
        "{errors:?}"
    );
    let g = &loaded.graph;
    assert_eq!(
        ids(g),
        [
            "S/RES/2178(2014)",
            "A/RES/72/194",
            "S/RES/1373(2001)",
            "A/RES/70/1",
            "UNTS 39574",
            "A/RES/73/1",
            "X,Y",
            "Z"
        ]
    );
    let e = g
        .graph
        .find_edge(g.node("A/RES/73/1").unwrap(), g.node("A/RES/70/1").unwrap())
        .unwrap();
    assert_eq!(
        g.graph[e].weight, 3.0,
        "weights of the same edge in two inputs add up"
    );
    assert!(
        g.nodes[0].in_corpus,
        "saved corpus attributes survive the merge"
    );
}

#[test]
fn a_corpus_document_keeps_guessed_attributes_it_lacks() {
    let mut g = CitationGraph::new();
    let ext = unxref::graph::build::external_node("A/RES/70/1".into(), Some(Kind::GaResolution));
    let n = g.upsert_node(ext);
    let doc = unxref::graph::NodeMeta {
        id: "A/RES/70/1".into(),
        title: "Transforming our world".into(),
        in_corpus: true,
        file: "a.txt".into(),
        ..Default::default()
    };
    assert_eq!(g.upsert_node(doc), n);
    let m = g.meta(n);
    assert!(m.in_corpus);
    assert_eq!(m.title, "Transforming our world");
    assert_eq!(m.file, "a.txt");
    assert_eq!(
        (m.kind, m.year, m.body),
        (
            Some(Kind::GaResolution),
            Some(2015),
            Some(Body::GeneralAssembly)
        )
    );
}

#[test]
fn node_tables_bring_attributes_to_edge_lists() {
    use unxref::graph::nodelist;
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    std::fs::write(
        p("nodes.csv"),
        "Id,Label,kind,year,title,in_corpus,pagerank,in_degree,out_degree,body,lang,file\n\
         A/RES/73/1,73/1,ga-resolution,2018,\"Peace, at last\",true,0.1,0,1,general-assembly,fr,c/a.txt\n\
         S/RES/2178 (2014),2178,,,,false,0.2,1,0,,,\n",
    )
    .unwrap();
    std::fs::write(
        p("edges.csv"),
        "Source,Target,Type,Weight,Id,kind,cue,paragraph,flagged\n\
         A/RES/73/1,S/RES/2178(2014),Directed,2.0,0,sc-resolution,Recalling,pp1,false\n",
    )
    .unwrap();
    assert_eq!(classify(&p("nodes.csv")), InputKind::NodeTable);
    assert_eq!(classify(&p("edges.csv")), InputKind::EdgeList);
    let loaded = load_inputs(&[p("nodes.csv"), p("edges.csv")], &LoadOptions::default()).unwrap();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let g = &loaded.graph;
    assert_eq!(ids(g), ["A/RES/73/1", "S/RES/2178(2014)"]);
    let a = &g.nodes[0];
    assert_eq!(a.title, "Peace, at last");
    assert_eq!(
        (a.year, a.kind, a.in_corpus),
        (Some(2018), Some(Kind::GaResolution), true)
    );
    assert_eq!(
        (a.body, a.lang, a.file.as_str()),
        (Some(Body::GeneralAssembly), Some(Lang::Fr), "c/a.txt")
    );
    let s = &g.nodes[1];
    assert_eq!(s.title, "", "an empty title stays empty beside a Label");
    assert_eq!(
        (s.kind, s.year),
        (Some(Kind::ScResolution), Some(2014)),
        "guessed from the id"
    );
    assert_eq!(g.edge_count(), 1);

    let table = [
        (
            "Id;year\nx;soon\n",
            2,
            "year \"soon\" is not a whole number",
        ),
        ("Id,kind\nx,law\n", 2, "unknown kind \"law\""),
        (
            "Id,in_corpus\nx,maybe\n",
            2,
            "in_corpus \"maybe\" is not true or false",
        ),
        ("Id,Label\n,x\n", 2, "empty Id"),
        ("Id,lang\na,en\nb,xx\n", 3, "unknown language \"xx\""),
    ];
    for (csv, line, msg) in table {
        match nodelist::parse(csv.as_bytes(), Path::new("n.csv")) {
            Err(GraphError::EdgeList {
                line: l, msg: m, ..
            }) => {
                assert_eq!(l, line, "{csv:?}: {m}");
                assert!(m.contains(msg), "{csv:?}: {m}");
            }
            other => panic!("{csv:?}: expected an error, got {other:?}"),
        }
    }
    assert!(nodelist::is_node_table(b"\xEF\xBB\xBFId;Label"));
    // Without a title column, Label is the title.
    let g = nodelist::parse(
        b"Id;Label\nA/RES/70/1;Transforming our world\n",
        Path::new("n.csv"),
    )
    .unwrap();
    assert_eq!(g.nodes[0].title, "Transforming our world");
    assert!(!nodelist::is_node_table(b"Source,Target,Id"));
}

#[test]
fn a_text_first_cited_by_name_keeps_the_kind_of_its_id() {
    use unxref::extract::Extracted;
    use unxref::model::{Body, Citation, DocInfo, Kind, Lang};
    let cite = |target: &str, kind: Kind| Citation {
        file: "a.txt".into(),
        doc: "A/RES/78/1".into(),
        target: target.into(),
        kind,
        text: String::new(),
        start: 0,
        end: 1,
        line: 1,
        lang: Lang::En,
        cue: String::new(),
        paragraph: String::new(),
        page: None,
        context: String::new(),
    };
    let doc = Extracted {
        info: DocInfo {
            file: "a.txt".into(),
            id: "A/RES/78/1".into(),
            ..DocInfo::default()
        },
        citations: vec![
            cite("A/RES/217(III)", Kind::NamedInstrument),
            cite("A/RES/217(III)", Kind::GaResolution),
            cite("UNTS 27531", Kind::NamedInstrument),
            cite("Charter of the United Nations", Kind::NamedInstrument),
        ],
    };
    let g = unxref::graph::build::from_extracted(&[doc]);
    let m = |id: &str| g.meta(g.node(id).unwrap()).clone();
    assert_eq!(m("A/RES/217(III)").kind, Some(Kind::GaResolution));
    assert_eq!(m("A/RES/217(III)").body, Some(Body::GeneralAssembly));
    assert_eq!(m("UNTS 27531").kind, Some(Kind::Treaty));
    assert_eq!(
        m("Charter of the United Nations").kind,
        Some(Kind::NamedInstrument)
    );
    // Cited texts of the instruments table are named after it.
    assert_eq!(
        m("UNTS 27531").title,
        "Convention on the Rights of the Child"
    );
    assert_eq!(m("Charter of the United Nations").year, Some(1945));
}
