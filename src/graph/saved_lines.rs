//! The fast path of the saved-graph reader: a file in exactly the layout
//! [`super::store::write`] produces (the header line, then one node record
//! per line, then one edge record per line) is parsed in parallel, line by
//! line, and its records are then given to the [`Sink`] in file order, as
//! the streaming parser would give them.
//!
//! Why: a graph of a million nodes and ten million edges is a 550 MB file;
//! one JSON parser going through it takes most of `rank`'s time. Here the
//! edge records as `write` makes them (`{"source":12,"target":7,
//! "weight":1.0}`) are read by a few byte comparisons; other records (cue,
//! paragraph, passage; ids given as strings) go through serde, one line at
//! a time, on all cores.
//!
//! The fast path never decides anything the streaming parser would decide
//! differently: when a file departs from the layout, or holds anything the
//! streaming parser would refuse (a bad record, a position past the nodes,
//! a negative weight), [`read`] gives up (`None`) and the caller parses the
//! file again with the streaming parser, into a fresh sink, which reports
//! the error with its line.

use super::store::{FORMAT, NodeSeed, Sink, VERSION, node_of_id};
use super::{EdgeMeta, NodeMeta};
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use serde::Deserialize;
use serde::de::DeserializeSeed;
use std::borrow::Cow;

/// Bytes of records parsed in parallel before they are given to the sink
/// (bounds the parsed records held at once).
const GROUP_BYTES: usize = 32 << 20;

/// Reads a saved graph in the layout of [`super::store::write`] into `g`.
/// `None` when the file is not in that layout or holds anything the
/// streaming parser would refuse; `g` is then partly filled and must be
/// thrown away.
pub(super) fn read<G: Sink>(bytes: &[u8], g: &mut G) -> Option<()> {
    let head = format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\n\"nodes\":[\n");
    const MID: &[u8] = b"\n],\n\"edges\":[\n";
    let rest = bytes.strip_prefix(head.as_bytes())?;
    // Records hold no raw line break (JSON escapes them), and a node line
    // starts with `{`: the first `\n],` ends the nodes.
    let mid = memchr::memmem::find(rest, MID)?;
    let nodes = &rest[..mid];
    let edges = rest[mid + MID.len()..]
        .trim_ascii_end()
        .strip_suffix(b"\n]}")?;
    let mut positions: Vec<NodeIndex> = Vec::new();
    in_groups(
        nodes,
        |line| {
            let mut de = serde_json::Deserializer::from_slice(line);
            let n = NodeSeed.deserialize(&mut de).ok()?;
            de.end().ok()?;
            Some(n)
        },
        |n: NodeMeta| {
            positions.push(g.upsert_node(n));
            Some(())
        },
    )?;
    in_groups(edges, edge_record, |e: Edge| add(g, &positions, e))
}

/// Parses the records of `section` (one per line, each but the last
/// followed by a comma) in parallel, a group of lines at a time, and gives
/// them to `apply` in order. `None` as soon as a line fails to parse or
/// `apply` refuses a record.
fn in_groups<T: Send>(
    section: &[u8],
    parse: impl Fn(&[u8]) -> Option<T> + Sync,
    mut apply: impl FnMut(T) -> Option<()>,
) -> Option<()> {
    if section.is_empty() {
        return Some(());
    }
    let parts = split_at_lines(
        section,
        GROUP_BYTES / rayon::current_num_threads().max(1) / 4,
    );
    let last = parts.len() - 1;
    let per_group = 4 * rayon::current_num_threads().max(1);
    for (g, group) in parts.chunks(per_group).enumerate() {
        let parsed: Vec<Option<Vec<T>>> = group
            .par_iter()
            .enumerate()
            .map(|(k, part)| {
                let final_part = g * per_group + k == last;
                let mut out = Vec::new();
                let mut lines = part.split(|&b| b == b'\n').peekable();
                while let Some(line) = lines.next() {
                    // Every record but the section's last ends with a comma.
                    let record = if final_part && lines.peek().is_none() {
                        line
                    } else {
                        line.strip_suffix(b",")?
                    };
                    out.push(parse(record)?);
                }
                Some(out)
            })
            .collect();
        for records in parsed {
            for r in records? {
                apply(r)?;
            }
        }
    }
    Some(())
}

/// `section` cut after line breaks into parts of about `size` bytes (the
/// break itself left out of both parts).
fn split_at_lines(section: &[u8], size: usize) -> Vec<&[u8]> {
    let size = size.max(1 << 16);
    let mut parts = Vec::new();
    let mut from = 0;
    while section.len() - from > size {
        match memchr::memchr(b'\n', &section[from + size..]) {
            Some(k) => {
                let cut = from + size + k;
                parts.push(&section[from..cut]);
                from = cut + 1;
            }
            None => break,
        }
    }
    parts.push(&section[from..]);
    parts
}

/// An edge end as written: a position in `nodes`, or an id.
#[derive(Deserialize)]
#[serde(untagged)]
enum End<'a> {
    Position(u64),
    #[serde(borrow)]
    Id(Cow<'a, str>),
}

/// An edge record, read by serde (any field the streaming parser reads).
#[derive(Deserialize)]
struct EdgeLine<'a> {
    #[serde(borrow)]
    source: End<'a>,
    #[serde(borrow)]
    target: End<'a>,
    #[serde(default = "one")]
    weight: f64,
    #[serde(default, borrow)]
    cue: Cow<'a, str>,
    #[serde(default, borrow)]
    paragraph: Cow<'a, str>,
    #[serde(default, borrow)]
    context: Cow<'a, str>,
    #[serde(default)]
    flagged: bool,
}

fn one() -> f64 {
    1.0
}

/// A parsed edge record: the common form in a few bytes, any other whole.
enum Edge {
    /// Ends by position, weight, flag: all `write` puts in most records.
    Plain(u32, u32, f64, bool),
    /// Ends given as ids, or with a cue, paragraph or passage.
    Full(Box<(OwnedEnd, OwnedEnd, EdgeMeta)>),
}

/// An edge end, owned (the line it came from is not kept).
enum OwnedEnd {
    Position(u64),
    Id(String),
}

/// Parses one edge record: `{"source":N,"target":N,"weight":W}` with an
/// optional `,"flagged":true` by hand, anything else with serde. `None`
/// for a record the streaming parser would refuse.
fn edge_record(line: &[u8]) -> Option<Edge> {
    if let Some(e) = plain_edge(line) {
        return Some(e);
    }
    // The streaming parser resolves the ends in the order the record gives
    // them (an unknown id becomes a node then): the source first, as here.
    if !line.starts_with(b"{\"source\":") {
        return None;
    }
    let e: EdgeLine = serde_json::from_slice(line).ok()?;
    let end = |e: End| match e {
        End::Position(p) => OwnedEnd::Position(p),
        End::Id(s) => OwnedEnd::Id(s.into_owned()),
    };
    let meta = EdgeMeta {
        weight: e.weight,
        cue: e.cue.into(),
        paragraph: e.paragraph.into(),
        context: e.context.into(),
        flagged: e.flagged,
    };
    Some(Edge::Full(Box::new((end(e.source), end(e.target), meta))))
}

/// The common edge record, read by byte comparisons; `None` when the line
/// is anything else (then serde reads it).
fn plain_edge(line: &[u8]) -> Option<Edge> {
    let rest = line.strip_prefix(b"{\"source\":")?;
    let (s, rest) = position(rest)?;
    let rest = rest.strip_prefix(b",\"target\":")?;
    let (t, rest) = position(rest)?;
    let rest = rest.strip_prefix(b",\"weight\":")?;
    let end = rest.iter().position(|&b| b == b',' || b == b'}')?;
    let (w, rest) = rest.split_at(end);
    // The number as serde reads it (its float parsing, not another one).
    let w = if w == b"1.0" {
        1.0
    } else {
        serde_json::from_slice::<f64>(w).ok()?
    };
    let flagged = match rest {
        b"}" => false,
        b",\"flagged\":true}" => true,
        b",\"flagged\":false}" => false,
        _ => return None,
    };
    Some(Edge::Plain(s, t, w, flagged))
}

/// A JSON non-negative integer that fits in `u32` (no sign, no leading
/// zero), and the bytes after it.
fn position(b: &[u8]) -> Option<(u32, &[u8])> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 10 || (n > 1 && b[0] == b'0') {
        return None;
    }
    let v = b[..n]
        .iter()
        .fold(0u64, |v, &d| v * 10 + u64::from(d - b'0'));
    Some((u32::try_from(v).ok()?, &b[n..]))
}

/// Gives one edge to the sink as the streaming parser does: positions
/// looked up, ids resolved (an unknown id becomes an external node), the
/// weight checked. `None` where the streaming parser reports an error.
fn add<G: Sink>(g: &mut G, positions: &[NodeIndex], e: Edge) -> Option<()> {
    let (s, t, meta) = match e {
        Edge::Plain(s, t, weight, flagged) => (
            *positions.get(s as usize)?,
            *positions.get(t as usize)?,
            EdgeMeta {
                weight,
                flagged,
                ..EdgeMeta::default()
            },
        ),
        Edge::Full(b) => {
            let (s, t, meta) = *b;
            (end_node(g, positions, s)?, end_node(g, positions, t)?, meta)
        }
    };
    if !(meta.weight.is_finite() && meta.weight >= 0.0) {
        return None;
    }
    g.add_edge(s, t, meta);
    Some(())
}

/// The node of an edge end, as the streaming parser finds it.
fn end_node<G: Sink>(g: &mut G, positions: &[NodeIndex], e: OwnedEnd) -> Option<NodeIndex> {
    match e {
        OwnedEnd::Position(p) => positions.get(usize::try_from(p).ok()?).copied(),
        OwnedEnd::Id(s) => node_of_id(g, &s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::CitationGraph;
    use crate::graph::store::{parse_stream, write};
    use std::path::Path;

    /// A graph of `n` nodes with titles, attributes and flags on some, and
    /// edges with cues, passages (quotes, line breaks, non-ASCII) and
    /// weights of every form on some (seeded, so always the same).
    fn graph(n: usize, seed: u64) -> CitationGraph {
        let mut x = seed;
        let mut next = move |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let mut g = CitationGraph::new();
        let mut ids = Vec::new();
        for k in 0..n {
            let mut m = NodeMeta {
                id: format!("A/RES/{}/{}", 40 + k % 40, k),
                ..NodeMeta::default()
            };
            if next(3) == 0 {
                m.title = format!("Title \"{k}\"\nsecond line — é");
                m.year = Some(1990 + (k % 30) as i32);
                m.attrs.insert("note".into(), "x,y".into());
            }
            ids.push(g.upsert_node(m));
        }
        for k in 0..n * 4 {
            let s = ids[next(n as u64) as usize];
            let t = ids[next(n as u64) as usize];
            let weight = match next(5) {
                0 => 2.0,
                1 => 0.1 + k as f64 / 7.0,
                2 => 1e-300,
                _ => 1.0,
            };
            let mut meta = EdgeMeta {
                weight,
                flagged: next(7) == 0,
                ..EdgeMeta::default()
            };
            if next(4) == 0 {
                meta.cue = "Recalling".into();
                meta.paragraph = format!("pp{k}").into();
                meta.context = format!("resolution \"{k}\"\n\tof 1990 — ж").into();
            }
            g.add_or_merge_edge(s, t, meta);
        }
        g
    }

    fn saved(g: &CitationGraph) -> Vec<u8> {
        let mut out = Vec::new();
        write(g, &mut out).unwrap();
        out
    }

    /// The graph the streaming parser reads from `bytes`, saved again.
    fn streamed(bytes: &[u8]) -> Vec<u8> {
        let mut g = CitationGraph::new();
        parse_stream(bytes, Path::new("t.json"), &mut g).unwrap();
        saved(&g)
    }

    /// The graph the fast path reads from `bytes` (None: it gave up).
    fn fast(bytes: &[u8]) -> Option<Vec<u8>> {
        let mut g = CitationGraph::new();
        read(bytes, &mut g)?;
        Some(saved(&g))
    }

    #[test]
    fn saved_graphs_read_as_the_streaming_parser_reads_them() {
        for (n, seed) in [(0, 1), (1, 2), (5, 3), (300, 4), (5000, 5)] {
            let bytes = saved(&graph(n, seed));
            let got = fast(&bytes).expect("a file as written takes the fast path");
            assert!(got == streamed(&bytes), "{n} nodes: not read as streamed");
            // Weights of every form come back exactly (serde_json's
            // float_roundtrip): the file is written again byte for byte.
            assert!(got == bytes, "{n} nodes: not saved again as read");
        }
    }

    #[test]
    fn hand_edited_records_read_the_same_or_go_to_the_streaming_parser() {
        let bytes = String::from_utf8(saved(&graph(40, 7))).unwrap();
        let edges = bytes.find("\"edges\":[\n").unwrap() + 10;
        // The edited record on a line of its own, first of the edges.
        let with = |line: &str| {
            let mut b = bytes.clone();
            b.insert_str(edges, &format!("{line}\n"));
            b.into_bytes()
        };
        // (edited record, fast path taken)
        let cases = [
            (
                r#"{"source":"A/RES/99/1","target":"a/res/98/2","weight":2.5,"cue":"Recalling"},"#,
                true,
            ),
            (
                r#"{"source":3,"target":"A/RES/41/1","weight":1,"extra":[1,2]},"#,
                true,
            ),
            (
                r#"{"source":3,"target":4,"weight":0.30000000000000004441},"#,
                true,
            ),
            (
                r#"{"source":3,"target":4,"weight":1e0,"flagged":false},"#,
                true,
            ),
            (r#"{"source":3,"target":4},"#, true),
            (
                r#"{"target":"A/RES/97/3","source":"A/RES/97/4","weight":1},"#,
                false,
            ),
            (r#"{"source":3,"source":4,"target":5},"#, false),
            ("", false),
            (r#"{"source":3,"target":4},{"source":4,"target":5},"#, false),
        ];
        for (line, takes) in cases {
            let b = with(line);
            let got = fast(&b);
            assert_eq!(got.is_some(), takes, "{line}");
            if let Some(got) = got {
                assert!(got == streamed(&b), "{line}: not read as streamed");
            }
            // Either way, the public reader reads what the streaming one does.
            let mut g = CitationGraph::new();
            parse_stream(&b, Path::new("t.json"), &mut g).unwrap();
            g.flag_later_citations();
            let all = crate::graph::store::parse(&b, Path::new("t.json")).unwrap();
            assert!(saved(&all) == saved(&g), "{line}: parse differs");
        }
    }

    #[test]
    fn what_the_streaming_parser_refuses_is_left_to_it() {
        let bytes = String::from_utf8(saved(&graph(40, 9))).unwrap();
        let edges = bytes.find("\"edges\":[\n").unwrap() + 10;
        for line in [
            r#"{"source":3,"target":4,"weight":-1.0},"#,
            r#"{"source":3,"target":40,"weight":1.0},"#,
            r#"{"source":"","target":4,"weight":1.0},"#,
            r#"{"source":03,"target":4,"weight":1.0},"#,
            r#"{"source":3,"target":4,"weight":1.0,"#,
            r#"{"source":3,"target":4,"weight":1.0}"#,
        ] {
            let mut b = bytes.clone();
            b.insert_str(edges, &format!("{line}\n"));
            assert!(fast(b.as_bytes()).is_none(), "{line}");
            let mut g = CitationGraph::new();
            assert!(
                parse_stream(b.as_bytes(), Path::new("t.json"), &mut g).is_err(),
                "{line}"
            );
        }
        // Cut anywhere: never taken whole by the fast path.
        for cut in [10, bytes.len() / 2, bytes.len() - 3] {
            assert!(fast(&bytes.as_bytes()[..cut]).is_none());
        }
    }
}
