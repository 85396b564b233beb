//! Property tests on hostile input (issue 10): every input reader — text,
//! HTML, CSV edge list, node list, saved graph — takes arbitrary bytes and
//! answers with a document/graph or a named error, never a panic; mutated
//! valid files too; and what the writers make of arbitrary text is safe
//! (no spreadsheet formula, no raw HTML in Markdown, DOT that XML can
//! hold, a saved graph that always reloads).
//!
//! Bounded for CI: 64–256 cases a property (`PROPTEST_CASES` overrides).
//! `extract_props.rs` covers the extractor on arbitrary text.

use proptest::prelude::*;
use std::path::Path;
use unxref::export::text::{csv_safe, dot_quote, md_text, xml_char};
use unxref::export::{Scores, View, gephi};
use unxref::extract::{Extractor, Options};
use unxref::graph::{CitationGraph, EdgeMeta, NodeMeta, edgelist, nodelist, store};
use unxref::input;

/// Bytes biased towards what breaks readers: UTF-8 pieces, invalid bytes,
/// BOMs, quotes, separators, newlines, markup.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop::sample::select(vec![
        &b"resolution 72/194"[..],
        b"S/RES/2178 (2014)",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x92",
        b"\xe9",
        b"\xc3",
        b"\0",
        b"\"",
        b",",
        b";",
        b"\t",
        b"\n",
        b"\r\n",
        b"<p>",
        b"&amp;",
        b"&#xFFFE;",
        b"<script>",
        b"Source,Target,Weight\n",
        b"Id,Label,title\n",
        b"{\"format\":\"unxref-graph\",\"version\":1,\"nodes\":[",
        b"{\"id\":\"\"}",
        b"1e308",
        b"-1",
        b"NaN",
        "Ссылаясь".as_bytes(),
        "回顾".as_bytes(),
        b"=HYPERLINK(\"x\")",
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat()),
    ]
}

fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| Extractor::new(Options::default()).unwrap())
}

/// Every citation is a span of the decoded text.
fn read_document(bytes: &[u8], html: bool) {
    let name = if html { "p.html" } else { "p.txt" };
    match input::from_bytes(name, bytes, html) {
        Ok(doc) => {
            for c in extractor().extract(&doc).citations {
                assert!(c.start < c.end && c.end <= doc.raw.len(), "{c:?}");
                assert!(doc.raw.is_char_boundary(c.start) && doc.raw.is_char_boundary(c.end));
                assert!(c.cue.chars().count() <= unxref::extract::cues::MAX_CUE_CHARS);
            }
        }
        Err(e) => assert!(e.to_string().starts_with(name), "{e}"),
    }
}

fn graph_error_names_file<E: std::fmt::Display>(e: E) {
    let msg = e.to_string();
    assert!(msg.starts_with("g."), "{msg}");
}

/// A mutation of a valid saved graph: bytes replaced, cut or inserted.
fn mutated(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut b = base.to_vec();
    for &(at, op, byte) in edits {
        if b.is_empty() {
            b.push(byte);
            continue;
        }
        let at = at % b.len();
        match op % 3 {
            0 => b[at] = byte,
            1 => {
                b.remove(at);
            }
            _ => b.insert(at, byte),
        }
    }
    b
}

fn sample_graph(titles: &[String], weights: &[f64]) -> CitationGraph {
    let mut g = CitationGraph::new();
    let ids: Vec<_> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            g.upsert_node(NodeMeta {
                id: format!("A/RES/{}/{}", 70 + i, i + 1),
                title: t.clone(),
                in_corpus: true,
                year: Some(2015 + i as i32),
                ..NodeMeta::default()
            })
        })
        .collect();
    for (k, &w) in weights.iter().enumerate() {
        if ids.len() < 2 {
            break;
        }
        let (s, t) = (ids[k % ids.len()], ids[(k + 1) % ids.len()]);
        g.add_or_merge_edge(
            s,
            t,
            EdgeMeta {
                weight: w,
                cue: "Recalling".into(),
                ..EdgeMeta::default()
            },
        );
    }
    g
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn text_and_html_readers_take_any_bytes(b in hostile_bytes()) {
        read_document(&b, false);
        read_document(&b, true);
    }

    #[test]
    fn graph_readers_take_any_bytes(b in hostile_bytes()) {
        let p = Path::new("g.csv");
        if let Err(e) = edgelist::parse(&b, p) { graph_error_names_file(e) }
        if let Err(e) = nodelist::parse(&b, p) { graph_error_names_file(e) }
        if let Err(e) = store::parse(&b, Path::new("g.json")) { graph_error_names_file(e) }
    }

    #[test]
    fn csv_cells_never_start_a_formula(s in any::<String>()) {
        let c = csv_safe(&s);
        let risky = matches!(c.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'));
        prop_assert!(!risky || c.parse::<f64>().is_ok(), "{c:?}");
    }

    #[test]
    fn markdown_text_holds_no_html(s in any::<String>()) {
        let m = md_text(&s);
        prop_assert!(!m.contains('<') && !m.contains('>') && !m.contains('\n'));
    }

    #[test]
    fn dot_strings_are_xml_text(s in any::<String>()) {
        prop_assert!(dot_quote(&s).chars().all(|c| xml_char(c) && (c == '\t' || !c.is_control())));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mutated_saved_graphs_load_or_fail_cleanly(
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)
    ) {
        let g = sample_graph(&["a".into(), "b".into(), "c".into()], &[1.0, 2.0, 3.0, 1.0]);
        let mut base = Vec::new();
        store::write(&g, &mut base).unwrap();
        if let Err(e) = store::parse(&mutated(&base, &edits), Path::new("g.json")) {
            graph_error_names_file(e);
        }
    }

    #[test]
    fn saved_graphs_always_reload(
        titles in prop::collection::vec(any::<String>(), 1..5),
        weights in prop::collection::vec(prop_oneof![
            Just(f64::MAX), Just(1e308), Just(0.0), 0.0..1e6f64
        ], 0..8),
    ) {
        let g = sample_graph(&titles, &weights);
        let mut bytes = Vec::new();
        store::write(&g, &mut bytes).unwrap();
        let back = store::parse(&bytes, Path::new("g.json")).unwrap();
        prop_assert_eq!(back.node_count(), g.node_count());
        prop_assert_eq!(back.edge_count(), g.edge_count());
        for e in back.graph.raw_edges() {
            prop_assert!(e.weight.weight.is_finite());
        }
        // and its CSV has no formula cell
        let scores = Scores::compute(&back);
        let view = View::all(&back, &scores);
        let mut csv = Vec::new();
        gephi::write_nodes(&mut csv, &view).unwrap();
        let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(&csv[..]);
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                prop_assert!(!cell.starts_with(['=', '+', '@']), "{cell:?}");
            }
        }
    }
}
