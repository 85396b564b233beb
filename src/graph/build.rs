//! Extracted citations → graph.

use super::{CitationGraph, EdgeMeta, NodeMeta};
use crate::extract::Extracted;
use crate::symbol;

/// Builds the citation graph of extracted documents: one node per document
/// and per cited target, one edge per (citing, cited) pair weighted by the
/// number of mentions. Self-citations are dropped.
pub fn from_extracted(docs: &[Extracted]) -> CitationGraph {
    let mut g = CitationGraph::new();
    for d in docs {
        g.upsert_node(NodeMeta {
            id: d.info.id.clone(),
            kind: d.info.kind,
            title: d.info.title.clone(),
            year: d.info.year,
            body: d.info.body,
            lang: Some(d.info.lang),
            in_corpus: true,
            file: d.info.file.clone(),
        });
    }
    for d in docs {
        let src = g.node(&d.info.id).expect("document node");
        for c in &d.citations {
            if c.target == d.info.id {
                continue;
            }
            let dst = g.upsert_node(NodeMeta {
                id: c.target.clone(),
                kind: Some(c.kind),
                year: symbol::year_of(&c.target),
                ..NodeMeta::default()
            });
            if let Some(e) = g.graph.find_edge(src, dst) {
                g.graph[e].weight += 1.0;
            } else {
                g.graph.add_edge(
                    src,
                    dst,
                    EdgeMeta {
                        weight: 1.0,
                        cue: c.cue.as_str().into(),
                        paragraph: c.paragraph.as_str().into(),
                        flagged: false,
                    },
                );
            }
        }
    }
    g
}
