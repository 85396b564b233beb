//! Saving and loading a graph: the `unxref-graph` JSON format, version 1.
//!
//! ```json
//! {"format":"unxref-graph","version":1,
//! "nodes":[
//! {"id":"A/RES/72/194","kind":"ga-resolution","title":"…","year":2017,"body":"general-assembly","lang":"en","in_corpus":true,"file":"corpus/a_res_72_194.txt"},
//! …
//! ],
//! "edges":[
//! {"source":"A/RES/72/194","target":"A/RES/70/1","weight":2.0,"cue":"Recalling","paragraph":"pp3","flagged":false},
//! …
//! ]}
//! ```
//!
//! - `nodes`: every node in graph order, with the fields of
//!   [`NodeMeta`](super::NodeMeta); `kind`, `year`, `body` and `lang` may be
//!   `null`. `kind` uses the names of [`crate::model::Kind`].
//! - `edges`: citing → cited, by id, in graph order; `weight` is the number
//!   of mentions, `cue`/`paragraph` those of the first mention, `flagged`
//!   marks a citation of a later text.
//! - One node or edge per line, so that the file streams out (nothing is
//!   built in memory besides the current record) and diffs well.
//! - Readers accept unknown fields (later minor additions) and refuse any
//!   other `format` or a `version` above 1. Edges may name ids missing from
//!   `nodes`: they become external nodes. Ids are normalised on load
//!   ([`super::canonical_id`]).

use super::{CitationGraph, EdgeMeta, GraphError, NodeMeta, build, canonical_id};
use crate::output::write_atomic;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The `format` value of a saved graph.
pub const FORMAT: &str = "unxref-graph";
/// The version written by this build (and the highest it reads).
pub const VERSION: u32 = 1;

/// One edge as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeRecord {
    /// Citing id.
    pub source: String,
    /// Cited id.
    pub target: String,
    /// Number of mentions.
    #[serde(default = "one")]
    pub weight: f64,
    /// Cue of the first mention.
    #[serde(default)]
    pub cue: String,
    /// Paragraph of the first mention.
    #[serde(default)]
    pub paragraph: String,
    /// Citation of a later text.
    #[serde(default)]
    pub flagged: bool,
}

fn one() -> f64 {
    1.0
}

/// A saved graph as read (before validation).
#[derive(Debug, Deserialize)]
struct Saved {
    format: Option<String>,
    version: Option<u64>,
    #[serde(default)]
    nodes: Vec<NodeMeta>,
    #[serde(default)]
    edges: Vec<EdgeRecord>,
}

/// Writes `g` in the saved format to `w`, one record per line.
pub fn write(g: &CitationGraph, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},")?;
    w.write_all(b"\"nodes\":[\n")?;
    for (i, n) in g.nodes.iter().enumerate() {
        if i > 0 {
            w.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut *w, n)?;
    }
    w.write_all(b"\n],\n\"edges\":[\n")?;
    for (i, e) in g.graph.raw_edges().iter().enumerate() {
        if i > 0 {
            w.write_all(b",\n")?;
        }
        let rec = EdgeRecordRef {
            source: &g.nodes[e.source().index()].id,
            target: &g.nodes[e.target().index()].id,
            weight: e.weight.weight,
            cue: &e.weight.cue,
            paragraph: &e.weight.paragraph,
            flagged: e.weight.flagged,
        };
        serde_json::to_writer(&mut *w, &rec)?;
    }
    w.write_all(b"\n]}\n")
}

/// Borrowing twin of [`EdgeRecord`] for writing without copies.
#[derive(Serialize)]
struct EdgeRecordRef<'a> {
    source: &'a str,
    target: &'a str,
    weight: f64,
    cue: &'a str,
    paragraph: &'a str,
    flagged: bool,
}

/// Saves `g` to `path` atomically.
pub fn save(g: &CitationGraph, path: &Path) -> crate::Result<()> {
    write_atomic(path, |w| write(g, w))
}

/// True when `head` (the first bytes of a file) starts a saved graph.
pub fn sniff(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let t = head.trim_ascii_start();
    t.starts_with(b"{") && memchr::memmem::find(t, FORMAT.as_bytes()).is_some()
}

/// Reads a saved graph from `path`.
pub fn load(path: &Path) -> Result<CitationGraph, GraphError> {
    let file = std::fs::File::open(path).map_err(|source| GraphError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read(std::io::BufReader::new(file), path)
}

/// Reads a saved graph; `path` is only used in error messages.
pub fn read(r: impl std::io::Read, path: &Path) -> Result<CitationGraph, GraphError> {
    let bad = |line: usize, msg: String| GraphError::SavedGraph {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let saved: Saved = serde_json::from_reader(r).map_err(|e| {
        if e.is_io() {
            bad(0, format!("cannot read: {e}"))
        } else {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            bad(e.line(), msg)
        }
    })?;
    match saved.format.as_deref() {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(bad(1, format!("format is {other:?}, expected {FORMAT:?}")));
        }
        None => return Err(bad(1, format!("no \"format\":\"{FORMAT}\" field"))),
    }
    match saved.version {
        Some(v) if v >= 1 && v <= VERSION as u64 => {}
        Some(v) => {
            return Err(bad(
                1,
                format!("version {v} is not supported (this build reads version {VERSION})"),
            ));
        }
        None => return Err(bad(1, "no \"version\" field".into())),
    }
    let mut g = CitationGraph::new();
    for mut n in saved.nodes {
        n.id = canonical_id(&n.id);
        if n.id.is_empty() {
            return Err(bad(0, "a node has an empty id".into()));
        }
        g.upsert_node(n);
    }
    for e in saved.edges {
        let mut end = |raw: &str| {
            let id = canonical_id(raw);
            match g.node(&id) {
                Some(n) => Ok(n),
                None if id.is_empty() => {
                    Err(bad(0, "an edge has an empty source or target".into()))
                }
                None => Ok(g.upsert_node(build::external_node(id, None))),
            }
        };
        let (s, t) = (end(&e.source)?, end(&e.target)?);
        if !(e.weight.is_finite() && e.weight >= 0.0) {
            return Err(bad(
                0,
                format!(
                    "edge {} → {}: weight {} is not a finite non-negative number",
                    e.source, e.target, e.weight
                ),
            ));
        }
        g.add_or_merge_edge(
            s,
            t,
            EdgeMeta {
                weight: e.weight,
                cue: e.cue.into(),
                paragraph: e.paragraph.into(),
                flagged: e.flagged,
            },
        );
    }
    Ok(g)
}
