//! Node-link JSON, as networkx's `node_link_graph` reads it, written
//! streaming.
//!
//! `{"directed":true,"multigraph":false,"graph":{…},"nodes":[{"id":…}],
//! "edges":[{"source":…,"target":…}],"links":[…]}`. networkx up to 3.3 reads
//! the edge list under `links`; 3.4 added the `edges=` parameter (still
//! defaulting to `links`, with a FutureWarning) and later versions default
//! to `edges`. Both keys are written, with the same list, so that every
//! version reads the file without arguments (other readers ignore the key
//! they do not use). Missing values are `null`.

use super::View;
use super::text::{one_line, round10, short_label};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// One node record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonNode {
    /// Canonical id.
    pub id: String,
    /// Short id for drawing.
    pub label: String,
    /// Kind name, `null` when unknown.
    pub kind: Option<String>,
    /// Year, `null` when unknown.
    pub year: Option<i32>,
    /// Date of adoption or issue (ISO 8601), left out when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Title (empty for cited-only texts).
    pub title: String,
    /// In the corpus or only cited.
    pub in_corpus: bool,
    /// PageRank on the whole graph.
    pub pagerank: f64,
    /// Number of citing texts.
    pub in_degree: u32,
    /// Number of cited texts.
    pub out_degree: u32,
}

/// One edge record (citing → cited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonEdge {
    /// Citing text.
    pub source: String,
    /// Cited text.
    pub target: String,
    /// Number of mentions.
    pub weight: f64,
    /// Paragraph cue of the first mention.
    pub cue: String,
    /// Paragraph of the first mention.
    pub paragraph: String,
    /// Cites a later text (suspect).
    pub flagged: bool,
}

/// Writes `view` as node-link JSON.
pub fn write_json(w: &mut dyn Write, view: &View) -> io::Result<()> {
    w.write_all(br#"{"directed":true,"multigraph":false,"graph":{"name":"unxref"},"nodes":["#)?;
    for (i, &n) in view.nodes.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let m = view.graph.meta(n);
        let kind = view.kinds[i];
        let rec = JsonNode {
            id: m.id.clone(),
            label: short_label(&m.id),
            kind: kind.map(|k| k.as_str().to_string()),
            year: m.year,
            date: m.date.clone(),
            title: one_line(&m.title),
            in_corpus: m.in_corpus,
            pagerank: round10(view.pagerank(n)),
            in_degree: view.in_degree(n),
            out_degree: view.out_degree(n),
        };
        w.write_all(b"\n")?;
        serde_json::to_writer(&mut *w, &rec)?;
    }
    for key in ["edges", "links"] {
        write!(w, "\n],\"{key}\":[")?;
        for (i, &(s, t, e)) in view.edges.iter().enumerate() {
            if i > 0 {
                w.write_all(b",")?;
            }
            let meta = &view.graph.graph[e];
            let rec = JsonEdge {
                source: view.graph.meta(view.nodes[s as usize]).id.clone(),
                target: view.graph.meta(view.nodes[t as usize]).id.clone(),
                weight: if meta.weight.is_finite() {
                    meta.weight
                } else {
                    0.0
                },
                cue: meta.cue.to_string(),
                paragraph: meta.paragraph.to_string(),
                flagged: meta.flagged,
            };
            w.write_all(b"\n")?;
            serde_json::to_writer(&mut *w, &rec)?;
        }
    }
    w.write_all(b"\n]}\n")
}
