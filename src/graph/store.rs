//! Saving and loading a graph: the `unxref-graph` JSON format, version 1.
//!
//! ```json
//! {"format":"unxref-graph","version":1,
//! "nodes":[
//! {"id":"A/RES/72/194","kind":"ga-resolution","title":"…","year":2017,"body":"general-assembly","lang":"en","in_corpus":true,"file":"corpus/a_res_72_194.txt"},
//! {"id":"A/RES/70/1","kind":"ga-resolution","year":2015,"body":"general-assembly"},
//! …
//! ],
//! "edges":[
//! {"source":0,"target":1,"weight":2.0,"cue":"Recalling","paragraph":"pp3"},
//! {"source":"S/RES/2178(2014)","target":"A/RES/70/1","weight":1.0,"flagged":true},
//! …
//! ]}
//! ```
//!
//! - `nodes`: every node in graph order, with the fields of
//!   [`NodeMeta`] (`id`, `kind`, `title`, `year`, `body`,
//!   `lang`, `in_corpus`, `file`); `kind` uses the names of
//!   [`crate::model::Kind`].
//! - `edges`: citing → cited, in graph order. `source` and `target` are
//!   written as positions in `nodes` (0-based): looking ids up was most of
//!   the loading time of a ten-million-edge graph, and numbers keep the file
//!   small. Readers also accept id strings (for hand-written files, as in
//!   the second edge above). `weight` is the number of mentions,
//!   `cue`/`paragraph` those of the first mention, `flagged` marks a
//!   citation of a later text (for other readers of the file: on load it is
//!   recomputed from the nodes' years).
//! - Fields at their default (`null`, `""`, `false`; weight 1 on read) are
//!   left out, which halves the size of large graphs.
//! - One node or edge per line, so that the file streams out and diffs well.
//! - Readers accept unknown fields (later minor additions) and refuse any
//!   other `format` or a `version` above 1. Edges may name ids missing from
//!   `nodes`: they become external nodes; a position must name a node
//!   listed before the edge. Ids are normalised on load
//!   ([`super::canonical_id`]).
//!
//! Reading streams too: nodes and edges go into the graph as they are
//! parsed, never into an intermediate list of records.

use super::lean::{EdgeListGraph, LeanSink};
use super::{CitationGraph, EdgeMeta, GraphError, NodeMeta, build, canonical_id};
use crate::output::write_atomic;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use std::borrow::Cow;
use std::fmt;
use std::io::Write;
use std::path::Path;

/// The `format` value of a saved graph.
pub const FORMAT: &str = "unxref-graph";
/// The version written by this build (and the highest it reads).
pub const VERSION: u32 = 1;

/// Writes `g` in the saved format to `w`, one record per line. Records
/// are serialised into a local buffer handed to `w` in large blocks (the
/// writer is a trait object: one call per JSON token would dominate).
pub fn write(g: &CitationGraph, w: &mut dyn Write) -> std::io::Result<()> {
    const FLUSH_AT: usize = 1 << 16;
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + 4096);
    write!(
        buf,
        "{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\n\"nodes\":[\n"
    )?;
    for (i, n) in g.nodes.iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(b",\n");
        }
        let rec = NodeRecordRef {
            id: &n.id,
            kind: n.kind,
            title: &n.title,
            year: n.year,
            date: &n.date,
            body: n.body,
            attrs: &n.attrs,
            lang: n.lang,
            in_corpus: n.in_corpus,
            file: &n.file,
        };
        serde_json::to_writer(&mut buf, &rec)?;
        if buf.len() >= FLUSH_AT {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    buf.extend_from_slice(b"\n],\n\"edges\":[\n");
    for (i, e) in g.graph.raw_edges().iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(b",\n");
        }
        let rec = EdgeRecordRef {
            source: e.source().index(),
            target: e.target().index(),
            // a saved graph always reloads: never `null` for an infinite weight
            weight: e.weight.weight.min(f64::MAX),
            cue: &e.weight.cue,
            paragraph: &e.weight.paragraph,
            context: &e.weight.context,
            flagged: e.weight.flagged,
        };
        serde_json::to_writer(&mut buf, &rec)?;
        if buf.len() >= FLUSH_AT {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    buf.extend_from_slice(b"\n]}\n");
    w.write_all(&buf)
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A node as written: defaults left out.
#[derive(Serialize)]
struct NodeRecordRef<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<crate::model::Kind>,
    #[serde(skip_serializing_if = "str::is_empty")]
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "str::is_empty")]
    date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<crate::model::Body>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<crate::model::Lang>,
    #[serde(skip_serializing_if = "is_false")]
    in_corpus: bool,
    #[serde(skip_serializing_if = "str::is_empty")]
    file: &'a str,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    attrs: &'a std::collections::BTreeMap<String, String>,
}

/// An edge as written: node positions, defaults left out.
#[derive(Serialize)]
struct EdgeRecordRef<'a> {
    source: usize,
    target: usize,
    weight: f64,
    #[serde(skip_serializing_if = "str::is_empty")]
    cue: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    paragraph: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    context: &'a str,
    #[serde(skip_serializing_if = "is_false")]
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

/// Reads a saved graph from `path` (the file is read whole, then parsed
/// straight into the graph).
pub fn load(path: &Path) -> Result<CitationGraph, GraphError> {
    parse(&super::read_file(path)?, path)
}

/// Reads a saved graph from a reader; `path` is only used in messages.
pub fn read(mut r: impl std::io::Read, path: &Path) -> Result<CitationGraph, GraphError> {
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).map_err(|source| GraphError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&bytes, path)
}

/// Parses saved-graph JSON; `path` is only used in error messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<CitationGraph, GraphError> {
    let mut g = parse_into(bytes, path, || {
        let mut g = CitationGraph::new();
        // An edge record as written takes at least 38 bytes: reserve for
        // the most edges such a file can hold, so that the edge list does
        // not move while growing (pages never used are never touched: this
        // costs address space, not memory). Hand-written shorter records
        // just grow the list.
        g.graph.reserve_edges(bytes.len() / 38);
        g
    })?;
    // `flagged` follows from the years; recompute it so that hand-edited
    // files agree with what the graph says.
    g.flag_later_citations();
    Ok(g)
}

/// Reads a saved graph from `path` held lean ([`EdgeListGraph`]): its
/// nodes with their saved attributes, its arcs as a CSR (distinct, no
/// self-loops, weights of repeated edges summed in file order, the cue and
/// paragraph of each arc's first edge). The same nodes in the same order and
/// the same arcs as [`load`] gives, in a fraction of the memory and time:
/// what `rank --by pagerank` needs. The arcs are sorted by cited node, not
/// kept in the file's order, so listings that follow edges in graph order
/// (`cited-by --depth`) use [`load`].
pub fn load_lean(path: &Path) -> Result<EdgeListGraph, GraphError> {
    let bytes = super::read_file(path)?;
    let sink = parse_into(&bytes, path, LeanSink::default)?;
    // The file is no longer needed before the arcs are built.
    drop(bytes);
    Ok(sink.finish())
}

/// [`load_lean`] on saved-graph JSON in memory; `path` is only used in
/// error messages.
pub fn parse_lean(bytes: &[u8], path: &Path) -> Result<EdgeListGraph, GraphError> {
    let sink = parse_into(bytes, path, LeanSink::default)?;
    Ok(sink.finish())
}

/// Parses saved-graph JSON into a sink made by `fresh`; `path` is only used
/// in error messages. A file in the layout [`write`] gives is read line by
/// line in parallel ([`super::saved_lines`]); any other file, or one that
/// path does not take whole, by one streaming parser ([`parse_stream`]).
fn parse_into<G: Sink>(bytes: &[u8], path: &Path, fresh: impl Fn() -> G) -> Result<G, GraphError> {
    {
        let mut g = fresh();
        if super::saved_lines::read(bytes, &mut g).is_some() {
            return Ok(g);
        }
    }
    let mut g = fresh();
    parse_stream(bytes, path, &mut g)?;
    Ok(g)
}

/// Parses saved-graph JSON of any layout into `g` with one streaming
/// parser (nodes and edges given to `g` as they are read); errors name the
/// line.
pub(super) fn parse_stream<G: Sink>(
    bytes: &[u8],
    path: &Path,
    g: &mut G,
) -> Result<(), GraphError> {
    let bad = |line: usize, msg: String| GraphError::SavedGraph {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let from_json = |e: serde_json::Error| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        // serde quotes offending strings whole: keep the message short
        let msg = match msg.char_indices().nth(300) {
            Some((cut, _)) => format!("{}… (message cut)", &msg[..cut]),
            None => msg.to_string(),
        };
        bad(e.line(), msg)
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let head = TopSeed { g }.deserialize(&mut de).map_err(from_json)?;
    de.end().map_err(from_json)?;
    if !head.format {
        return Err(bad(1, format!("no \"format\":\"{FORMAT}\" field")));
    }
    if !head.version {
        return Err(bad(1, "no \"version\" field".into()));
    }
    Ok(())
}

/// Where a saved graph's nodes and edges go as they are parsed: the full
/// [`CitationGraph`], or the arcs of a lean one ([`LeanSink`]).
pub(crate) trait Sink {
    /// The node of a canonical id.
    fn node(&self, id: &str) -> Option<NodeIndex>;
    /// Adds a node, or merges it into the node of the same id.
    fn upsert_node(&mut self, meta: NodeMeta) -> NodeIndex;
    /// A node's attributes.
    fn meta(&self, n: NodeIndex) -> &NodeMeta;
    /// Adds an edge (self-loops dropped, repeated edges merged).
    fn add_edge(&mut self, s: NodeIndex, t: NodeIndex, meta: EdgeMeta);
}

impl Sink for CitationGraph {
    fn node(&self, id: &str) -> Option<NodeIndex> {
        CitationGraph::node(self, id)
    }
    fn upsert_node(&mut self, meta: NodeMeta) -> NodeIndex {
        CitationGraph::upsert_node(self, meta)
    }
    fn meta(&self, n: NodeIndex) -> &NodeMeta {
        CitationGraph::meta(self, n)
    }
    fn add_edge(&mut self, s: NodeIndex, t: NodeIndex, meta: EdgeMeta) {
        self.add_or_merge_edge(s, t, meta);
    }
}

/// Which header fields were seen (their values are checked on the spot).
#[derive(Default)]
struct Head {
    format: bool,
    version: bool,
}

/// The top-level object: header checked as soon as read, nodes and edges
/// inserted as they come.
struct TopSeed<'g, G> {
    g: &'g mut G,
}

impl<'de, G: Sink> DeserializeSeed<'de> for TopSeed<'_, G> {
    type Value = Head;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Head, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, G: Sink> Visitor<'de> for TopSeed<'_, G> {
    type Value = Head;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an {FORMAT} object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Head, A::Error> {
        let mut head = Head::default();
        // Graph node of each entry of `nodes`, for edges given by position.
        let mut positions: Vec<NodeIndex> = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "format" => {
                    let f: Cow<'de, str> = map.next_value()?;
                    if f != FORMAT {
                        return Err(A::Error::custom(format!(
                            "format is {f:?}, expected {FORMAT:?}"
                        )));
                    }
                    head.format = true;
                }
                "version" => {
                    let v: u64 = map.next_value()?;
                    if v == 0 || v > VERSION as u64 {
                        return Err(A::Error::custom(format!(
                            "version {v} is not supported (this build reads version {VERSION})"
                        )));
                    }
                    head.version = true;
                }
                "nodes" => map.next_value_seed(NodesSeed {
                    g: &mut *self.g,
                    positions: &mut positions,
                })?,
                "edges" => map.next_value_seed(EdgesSeed {
                    g: &mut *self.g,
                    positions: &positions,
                })?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(head)
    }
}

/// The `nodes` array, upserted one by one.
struct NodesSeed<'g, G> {
    g: &'g mut G,
    positions: &'g mut Vec<NodeIndex>,
}

impl<'de, G: Sink> DeserializeSeed<'de> for NodesSeed<'_, G> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, G: Sink> Visitor<'de> for NodesSeed<'_, G> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of nodes")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(n) = seq.next_element_seed(NodeSeed)? {
            let i = self.g.upsert_node(n);
            self.positions.push(i);
        }
        Ok(())
    }
}

/// A node's id, refused when empty: checked while the parser is still
/// inside the node's record, so that the error names the node's line (a
/// check after the record would name the line of what follows it).
pub(crate) fn nonempty_id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let id = <Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    if canonical_id(&id).is_empty() {
        return Err(de::Error::custom("a node has an empty id"));
    }
    Ok(id.into_owned())
}

/// One node, its id made canonical.
pub(super) struct NodeSeed;

impl<'de> DeserializeSeed<'de> for NodeSeed {
    type Value = NodeMeta;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NodeMeta, D::Error> {
        let mut n = <NodeMeta as serde::Deserialize>::deserialize(d)?;
        n.id = canonical_id(&n.id);
        if n.id.is_empty() {
            return Err(de::Error::custom("a node has an empty id"));
        }
        Ok(n)
    }
}

/// The `edges` array, added one by one.
struct EdgesSeed<'g, G> {
    g: &'g mut G,
    positions: &'g [NodeIndex],
}

impl<'de, G: Sink> DeserializeSeed<'de> for EdgesSeed<'_, G> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, G: Sink> Visitor<'de> for EdgesSeed<'_, G> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of edges")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(EdgeSeed {
                g: &mut *self.g,
                positions: self.positions,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// One edge object: ends are resolved as soon as they are read, so no
/// string is kept.
struct EdgeSeed<'g, G> {
    g: &'g mut G,
    positions: &'g [NodeIndex],
}

impl<'de, G: Sink> DeserializeSeed<'de> for EdgeSeed<'_, G> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, G: Sink> Visitor<'de> for EdgeSeed<'_, G> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an edge object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (mut source, mut target) = (None, None);
        let mut meta = EdgeMeta {
            weight: 1.0,
            ..EdgeMeta::default()
        };
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "source" | "target" => {
                    let n = map.next_value_seed(IdSeed {
                        g: &mut *self.g,
                        positions: self.positions,
                    })?;
                    if key == "source" {
                        source = Some(n);
                    } else {
                        target = Some(n);
                    }
                }
                "weight" => meta.weight = map.next_value()?,
                "cue" => meta.cue = map.next_value::<Cow<'de, str>>()?.into(),
                "paragraph" => meta.paragraph = map.next_value::<Cow<'de, str>>()?.into(),
                "context" => meta.context = map.next_value::<Cow<'de, str>>()?.into(),
                "flagged" => meta.flagged = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let (Some(s), Some(t)) = (source, target) else {
            return Err(A::Error::custom("an edge lacks its source or target"));
        };
        if !(meta.weight.is_finite() && meta.weight >= 0.0) {
            return Err(A::Error::custom(format!(
                "edge {} → {}: weight {} is not a finite non-negative number",
                self.g.meta(s).id,
                self.g.meta(t).id,
                meta.weight
            )));
        }
        self.g.add_edge(s, t, meta);
        Ok(())
    }
}

/// An edge end → its node: a position in `nodes`, or an id string (added
/// as an external node when new).
struct IdSeed<'g, G> {
    g: &'g mut G,
    positions: &'g [NodeIndex],
}

impl<'de, G: Sink> DeserializeSeed<'de> for IdSeed<'_, G> {
    type Value = NodeIndex;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NodeIndex, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, G: Sink> Visitor<'de> for IdSeed<'_, G> {
    type Value = NodeIndex;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a node position or an id string")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<NodeIndex, E> {
        usize::try_from(v)
            .ok()
            .and_then(|i| self.positions.get(i).copied())
            .ok_or_else(|| {
                E::custom(format!(
                    "an edge refers to node {v}, but {} nodes are listed before it",
                    self.positions.len()
                ))
            })
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NodeIndex, E> {
        node_of_id(self.g, s).ok_or_else(|| E::custom("an edge has an empty source or target"))
    }
}

/// The node of an edge end given as an id: the node of that id or of its
/// canonical form, else a new external node; `None` for an id that is
/// empty once canonical.
pub(super) fn node_of_id<G: Sink>(g: &mut G, s: &str) -> Option<NodeIndex> {
    if let Some(n) = g.node(s) {
        return Some(n);
    }
    let id = canonical_id(s);
    if id.is_empty() {
        return None;
    }
    Some(match g.node(&id) {
        Some(n) => n,
        None => g.upsert_node(build::external_node(id, None)),
    })
}
