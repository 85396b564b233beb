//! Corpus inputs: documents extracted on the fly become nodes and merge
//! with saved graphs and edge lists. The extractor is developed separately,
//! so these checks hold whatever citations it finds.

use std::path::{Path, PathBuf};
use unxref::analysis::stats::stats;
use unxref::graph::input::{LoadOptions, load_inputs};
use unxref::graph::store;

#[test]
fn corpus_documents_join_edge_list_nodes() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("first.txt"),
        "The General Assembly,\nRecalling its resolution 70/1,\n",
    )
    .unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    let alone = load_inputs(std::slice::from_ref(&docs), &LoadOptions::default()).unwrap();
    assert_eq!(alone.docs.len(), 1);
    assert_eq!(alone.errors.len(), 1, "the empty file is reported");
    assert!(alone.errors[0].to_string().contains("empty.txt"));
    let id = alone.docs[0].info.id.clone();
    let n = alone.graph.node(&id).expect("the document is a node");
    assert!(alone.graph.meta(n).in_corpus);

    // An edge list citing the document by its id: one node, still in corpus.
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, format!("Source,Target\nOTHER-DOC,\"{id}\"\n")).unwrap();
    let both = load_inputs(&[csv, docs], &LoadOptions::default()).unwrap();
    let g = &both.graph;
    let n = g.node(&id).unwrap();
    assert!(g.meta(n).in_corpus);
    assert_eq!(g.nodes[0].id, id, "corpus documents come first");
    assert!(g.graph.find_edge(g.node("OTHER-DOC").unwrap(), n).is_some());
}

#[test]
fn shared_corpus_builds_and_round_trips() {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/sc-resolutions-1946-1994"
    ));
    if !root.exists() {
        return;
    }
    let loaded = load_inputs(&[PathBuf::from(root)], &LoadOptions::default()).unwrap();
    let g = &loaded.graph;
    assert!(!loaded.docs.is_empty());
    for d in &loaded.docs {
        let id = unxref::graph::canonical_id(&d.info.id);
        let n = g.node(&id).unwrap_or_else(|| panic!("{id} is a node"));
        assert!(g.meta(n).in_corpus, "{id}");
    }
    for e in g.graph.raw_edges() {
        assert_ne!(e.source(), e.target(), "no self-loops");
    }
    let s = stats(g);
    assert_eq!(s.nodes, s.in_corpus + s.external);
    let mut bytes = Vec::new();
    store::write(g, &mut bytes).unwrap();
    let back = store::read(bytes.as_slice(), Path::new("mem")).unwrap();
    assert_eq!(back.nodes, g.nodes);
    assert_eq!(back.edge_count(), g.edge_count());
}
