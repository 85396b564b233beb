//! Gephi-style edge-list CSV → graph, fast.
//!
//! Accepted shape: a header row naming `Source` and `Target` columns and
//! optionally `Weight`, `cue` and `paragraph` (the cue and paragraph of an
//! edge's first row are kept, as `unxref export --format gephi` writes
//! them) — matched case-insensitively after trimming, other columns
//! ignored — delimiter `,`, `;` or tab (guessed from the header line,
//! as Gephi does). Without such a header the first three columns are taken
//! as source, target and weight. Fields may be quoted with `"` (`""` inside
//! for a quote) but a quoted field cannot span lines. An empty weight counts
//! 1; a weight that is not a finite non-negative number is an error naming
//! the file and line. Ids are trimmed and normalised with
//! [`super::canonical_id`], so `S/RES/687 (1991)` and `S/RES/687(1991)` are
//! one node. Repeated edges are merged (weights summed); self-loops dropped.
//!
//! Speed: the file is mapped and, when large, cut at line boundaries into
//! one part per core, checked (UTF-8, NUL) and parsed in parallel; lines are
//! split with `memchr`; ids are interned as slices of the file buffer (no
//! allocation per row, see [`super::interner`]; a run of rows with the same
//! source is looked up once), each part's ids merged into the first part's
//! table with parallel look-ups; the file is unmapped, then each part's
//! edges are grouped by source with a counting sort and each source's rows
//! sorted and merged, in parallel, into the arcs of a
//! [`super::lean::EdgeListGraph`] ([`load_lean`]); [`load`] builds petgraph
//! from those with exact capacity.
//!
//! Order: nodes in first-seen order (whatever the number of parts); edges
//! by source node, then target node.

use super::interner::Interner;
use super::lean::EdgeListGraph;
use super::{CitationGraph, GraphError, canonical_id};
use crate::analysis::csr::Adjacency;
use memchr::memchr;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::Path;

/// What the loader counted besides the graph (for notes to the user).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EdgeListReport {
    /// Data rows read (not counting the header and blank lines).
    pub rows: usize,
    /// Rows whose source and target are the same node, dropped.
    pub self_loops: usize,
    /// Rows repeating an edge already seen, merged into it.
    pub duplicates: usize,
}

/// Reads an edge-list CSV file.
pub fn load(path: &Path) -> Result<(CitationGraph, EdgeListReport), GraphError> {
    let (lean, report) = load_lean(path)?;
    Ok((lean.into_citation_graph(), report))
}

/// Reads an edge-list CSV file into ids and arcs only (see [`super::lean`]):
/// the same nodes, in the same order, and the same edges as [`load`].
pub fn load_lean(path: &Path) -> Result<(EdgeListGraph, EdgeListReport), GraphError> {
    let bytes = super::read_file(path)?;
    let parsed = parse_rows(&bytes, path, parts_for(bytes.len()))?;
    // The file is no longer needed: unmap it before the arcs are built
    // (its pages would otherwise count in the peak memory).
    drop(bytes);
    Ok(parsed.into_lean())
}

/// Column positions found in the header.
#[derive(Debug, Clone, Copy)]
struct Columns {
    source: usize,
    target: usize,
    weight: Option<usize>,
    /// `cue` and `paragraph` columns (as `unxref export --format gephi`
    /// writes them), kept for the first mention of each edge.
    cue: Option<usize>,
    paragraph: Option<usize>,
    delim: u8,
}

/// The cue and paragraph of one row that has them, by row number.
type Extra = (u64, Box<str>, Box<str>);

/// Files larger than this are parsed by several threads.
const PARALLEL_FROM: usize = 16 << 20;

/// An edge by id numbers: source, target, weight.
type RawEdge = (u32, u32, f64);

/// What one thread made of its part of the file.
struct Chunk<'a> {
    ids: Interner<'a>,
    edges: Vec<RawEdge>,
    rows: usize,
    /// Rows with a cue or paragraph, numbered within the part.
    extras: Vec<Extra>,
}

/// Parses edge-list CSV text; `path` is only used in error messages.
///
/// Large files are cut at line boundaries into one part per core; each part
/// is parsed and its ids numbered by its own thread, then the parts' ids are
/// numbered again in part order, which gives exactly the first-seen order
/// of a single pass (and the same graph).
pub fn parse(bytes: &[u8], path: &Path) -> Result<(CitationGraph, EdgeListReport), GraphError> {
    parse_in_parts(bytes, path, parts_for(bytes.len()))
}

/// [`parse`] into ids and arcs only, as [`load_lean`].
pub fn parse_lean(
    bytes: &[u8],
    path: &Path,
) -> Result<(EdgeListGraph, EdgeListReport), GraphError> {
    Ok(parse_rows(bytes, path, parts_for(bytes.len()))?.into_lean())
}

/// How many parts a file of `len` bytes is parsed in.
fn parts_for(len: usize) -> usize {
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if len < PARALLEL_FROM { 1 } else { cores }
}

/// What [`parse_rows`] made of the file: nodes numbered, edges by node
/// number, nothing borrowed from the file any more.
struct Rows {
    /// The canonical ids of the nodes, one after another …
    ids: String,
    /// … and where each ends.
    ends: Vec<usize>,
    /// Each part's edges, by the part's own id numbers …
    parts_edges: Vec<Vec<RawEdge>>,
    /// … and the node of each of those numbers.
    to_node: Vec<Vec<u32>>,
    /// Cue and paragraph by row number.
    extras: Vec<Extra>,
    report: EdgeListReport,
}

/// [`parse`] with the data rows cut into `parts` parts (at most one per
/// line) parsed in parallel; the result is the same for any `parts`. Public
/// so that tests can check exactly that on small inputs.
pub fn parse_in_parts(
    bytes: &[u8],
    path: &Path,
    parts: usize,
) -> Result<(CitationGraph, EdgeListReport), GraphError> {
    let (lean, report) = parse_rows(bytes, path, parts)?.into_lean();
    Ok((lean.into_citation_graph(), report))
}

/// Reads the rows and numbers the nodes: the part of the work that needs
/// the file's bytes.
fn parse_rows(bytes: &[u8], path: &Path, parts: usize) -> Result<Rows, GraphError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let err = |line: usize, msg: String| GraphError::EdgeList {
        path: path.to_path_buf(),
        line,
        msg,
    };
    if let Some(bad) = first_invalid_utf8(bytes, parts) {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..bad]).count();
        return Err(err(line, "not valid UTF-8 text".into()));
    }
    // The first non-blank line: a header, or the first data row.
    let mut pos = 0;
    let mut lineno = 0;
    let (cols, data_start, data_line) = loop {
        if pos >= bytes.len() {
            return Err(err(0, "no rows: expected a Source,Target header".into()));
        }
        lineno += 1;
        let (line, next) = next_line(bytes, pos);
        if is_blank(line) {
            pos = next;
            continue;
        }
        let (c, is_header) = header(line).map_err(|m| err(lineno, m))?;
        break if is_header {
            (c, next, lineno + 1)
        } else {
            (c, pos, lineno)
        };
    };
    let data = &bytes[data_start.min(bytes.len())..];
    let parts = split_parts(data, parts);
    let results: Vec<Result<Chunk, (usize, String)>> = if parts.len() == 1 {
        vec![parse_part(parts[0], cols)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .iter()
                .map(|&part| scope.spawn(move || parse_part(part, cols)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("edge-list parser thread"))
                .collect()
        })
    };
    // The first error in file order, with its line in the file.
    let mut line_base = data_line;
    let mut chunks = Vec::with_capacity(results.len());
    for (part, r) in parts.iter().zip(results) {
        match r {
            Ok(c) => chunks.push(c),
            Err((l, m)) => return Err(err(line_base + l - 1, m)),
        }
        line_base += memchr::memchr_iter(b'\n', part).count();
    }
    let mut report = EdgeListReport::default();
    let mut chunks = chunks.into_iter();
    let first = chunks.next().expect("at least one part");
    let mut ids = first.ids;
    report.rows = first.rows;
    // Cue and paragraph by row number in the file (parts in file order, so
    // the list stays sorted).
    let mut extras: Vec<Extra> = first.extras;
    // Edges of each part, with the map from its ids to the global ones
    // (None for the first part, whose numbering is the global one).
    let mut parts_edges: Vec<(Vec<RawEdge>, Option<Vec<u32>>)> = vec![(first.edges, None)];
    for c in chunks {
        let remap = ids.absorb(c.ids);
        let offset = report.rows as u64;
        extras.extend(c.extras.into_iter().map(|(r, cue, p)| (r + offset, cue, p)));
        report.rows += c.rows;
        parts_edges.push((c.edges, Some(remap)));
    }
    let order = ids.into_ids();
    // Raw ids → canonical ids, one after another in one string, made in
    // parallel pieces (the ids are slices of the file, scattered over it:
    // reading them is the cost). Most ids are canonical already and are
    // copied as they are; the others go through the normaliser (regexes).
    let pieces: Vec<(String, Vec<usize>, bool)> = order
        .par_chunks(1 << 15)
        .map(|chunk| {
            let mut text = String::with_capacity(chunk.len() * 16);
            let mut ends = Vec::with_capacity(chunk.len());
            let mut normalised = false;
            for raw in chunk {
                let raw = std::str::from_utf8(raw).expect("checked above");
                if super::looks_canonical(raw.as_bytes()) {
                    text.push_str(raw);
                } else {
                    normalised = true;
                    text.push_str(&canonical_id(raw));
                }
                ends.push(text.len());
            }
            (text, ends, normalised)
        })
        .collect();
    drop(order);
    let normalised = pieces.iter().any(|p| p.2);
    let mut text = String::with_capacity(pieces.iter().map(|p| p.0.len()).sum());
    let mut ends = Vec::with_capacity(pieces.iter().map(|p| p.1.len()).sum());
    for (t, e, _) in &pieces {
        let base = text.len();
        text.push_str(t);
        ends.extend(e.iter().map(|x| base + x));
    }
    drop(pieces);
    let remap: Vec<u32> = if !normalised {
        // Distinct raw ids, all canonical: one node each, in order.
        (0..ends.len() as u32).collect()
    } else {
        // Two raw spellings may name one node: number the canonical ids
        // again, in first-seen order.
        let all = std::mem::take(&mut text);
        let all_ends = std::mem::take(&mut ends);
        let mut seen: std::collections::HashMap<&str, u32, super::fasthash::FxBuild> =
            Default::default();
        let mut from = 0;
        all_ends
            .iter()
            .map(|&to| {
                let id = &all[from..to];
                from = to;
                *seen.entry(id).or_insert_with(|| {
                    text.push_str(id);
                    ends.push(text.len());
                    ends.len() as u32 - 1
                })
            })
            .collect()
    };
    // Each part's ids → nodes.
    let to_node: Vec<Vec<u32>> = parts_edges
        .iter_mut()
        .map(|(_, m)| match m.take() {
            None => remap.clone(),
            Some(m) => m.into_iter().map(|id| remap[id as usize]).collect(),
        })
        .collect();
    drop(remap);
    Ok(Rows {
        ids: text,
        ends,
        parts_edges: parts_edges.into_iter().map(|(e, _)| e).collect(),
        to_node,
        extras,
        report,
    })
}

/// A source's rows as the grouping sorts them: (target, row number in the
/// file, weight). The row number orders repeated rows as in the file (first
/// mention first) and finds a row's cue.
type Grouped = (u32, u32, f64);

/// Sources merged by one task of [`Rows::into_lean`].
const SOURCES_PER_TASK: usize = 1 << 14;

/// What one task made of its sources' rows.
#[derive(Default)]
struct Merged {
    /// Where each source's arcs end, within this task's arcs.
    ends: Vec<usize>,
    nbrs: Vec<u32>,
    weights: Vec<f64>,
    /// Cue and paragraph by arc index within this task.
    extras: Vec<(usize, Box<str>, Box<str>)>,
    self_loops: usize,
    duplicates: usize,
}

impl Rows {
    /// Groups the edges by source, merges repeated ones and drops
    /// self-loops (the file is not needed any more). Each part's rows are
    /// grouped by a counting sort of their own, in parallel; then tasks of
    /// [`SOURCES_PER_TASK`] sources gather each source's rows from every
    /// part (in part order, so in file order), sort them by target and
    /// merge them, in parallel; their arcs are joined in source order.
    fn into_lean(self) -> (EdgeListGraph, EdgeListReport) {
        let Rows {
            ids,
            ends,
            parts_edges,
            to_node,
            extras,
            mut report,
        } = self;
        let n = ends.len();
        let mut row_base = Vec::with_capacity(parts_edges.len());
        let mut rows = 0u32;
        for e in &parts_edges {
            row_base.push(rows);
            rows += e.len() as u32;
        }
        let grouped: Vec<(Vec<usize>, Vec<Grouped>)> = parts_edges
            .par_iter()
            .zip(&to_node)
            .zip(row_base)
            .map(|((edges, m), base)| {
                let mut start = vec![0usize; n + 1];
                for &(s, _, _) in edges {
                    start[m[s as usize] as usize + 1] += 1;
                }
                for i in 0..n {
                    start[i + 1] += start[i];
                }
                let mut fill = start.clone();
                let mut out: Vec<Grouped> = vec![(0, 0, 0.0); edges.len()];
                for (k, &(s, t, w)) in edges.iter().enumerate() {
                    let s = m[s as usize] as usize;
                    out[fill[s]] = (m[t as usize], base + k as u32, w);
                    fill[s] += 1;
                }
                (start, out)
            })
            .collect();
        drop(parts_edges);
        drop(to_node);
        let merged: Vec<Merged> = (0..n.div_ceil(SOURCES_PER_TASK))
            .into_par_iter()
            .map(|task| {
                let mut m = Merged::default();
                let mut list: Vec<Grouped> = Vec::new();
                let first = task * SOURCES_PER_TASK;
                for s in first..n.min(first + SOURCES_PER_TASK) {
                    list.clear();
                    for (start, out) in &grouped {
                        list.extend_from_slice(&out[start[s]..start[s + 1]]);
                    }
                    list.sort_unstable_by_key(|&(t, row, _)| (t, row));
                    let mut i = 0;
                    while i < list.len() {
                        let (t, first_row, mut w) = list[i];
                        let mut j = i + 1;
                        while j < list.len() && list[j].0 == t {
                            w = super::sum_weights(w, list[j].2);
                            j += 1;
                        }
                        if t as usize == s {
                            m.self_loops += j - i;
                        } else {
                            m.duplicates += j - i - 1;
                            if let Ok(k) = extras.binary_search_by_key(&(first_row as u64), |e| e.0)
                            {
                                m.extras.push((
                                    m.nbrs.len(),
                                    extras[k].1.clone(),
                                    extras[k].2.clone(),
                                ));
                            }
                            m.nbrs.push(t);
                            m.weights.push(w);
                        }
                        i = j;
                    }
                    m.ends.push(m.nbrs.len());
                }
                m
            })
            .collect();
        drop(grouped);
        let total: usize = merged.iter().map(|m| m.nbrs.len()).sum();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut nbrs: Vec<u32> = Vec::with_capacity(total);
        let mut weights: Vec<f64> = Vec::with_capacity(total);
        let mut arc_extras = Vec::new();
        for m in merged {
            let base = nbrs.len();
            offsets.extend(m.ends.iter().map(|e| base + e));
            arc_extras.extend(m.extras.into_iter().map(|(i, c, p)| (base + i, c, p)));
            nbrs.extend_from_slice(&m.nbrs);
            weights.extend_from_slice(&m.weights);
            report.self_loops += m.self_loops;
            report.duplicates += m.duplicates;
        }
        let graph = EdgeListGraph::new(ids, ends, Adjacency { offsets, nbrs }, weights, arc_extras);
        (graph, report)
    }
}

/// Where the first invalid UTF-8 byte of `bytes` is, if any: checked in
/// `parts` parts cut at line ends, in parallel (a UTF-8 sequence never holds
/// a `\n`, so the parts are valid exactly when the whole is).
fn first_invalid_utf8(bytes: &[u8], parts: usize) -> Option<usize> {
    let parts = split_parts(bytes, parts);
    let mut starts = Vec::with_capacity(parts.len());
    let mut at = 0;
    for p in &parts {
        starts.push(at);
        at += p.len();
    }
    parts
        .par_iter()
        .zip(starts)
        .filter_map(|(p, start)| {
            // Plain ASCII (the usual edge list) is told faster than UTF-8
            // is validated.
            if p.is_ascii() {
                return None;
            }
            std::str::from_utf8(p)
                .err()
                .map(|e| start + e.valid_up_to())
        })
        .min()
}

/// The line starting at `pos` (without its `\n` or `\r\n`) and where the
/// next one starts.
fn next_line(bytes: &[u8], pos: usize) -> (&[u8], usize) {
    let end = memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
    let line = &bytes[pos..end];
    (line.strip_suffix(b"\r").unwrap_or(line), end + 1)
}

/// True for a line of blanks only.
fn is_blank(line: &[u8]) -> bool {
    line.first().is_none_or(u8::is_ascii_whitespace) && line.iter().all(u8::is_ascii_whitespace)
}

/// Cuts `data` at line boundaries into `n` parts (fewer when lines run out;
/// always at least one).
fn split_parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    if n < 2 {
        return vec![data];
    }
    let mut parts = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        if start >= data.len() {
            break;
        }
        let aim = (data.len() * k / n).max(start);
        let cut = memchr(b'\n', &data[aim..]).map_or(data.len(), |i| aim + i + 1);
        parts.push(&data[start..cut]);
        start = cut;
    }
    parts.push(&data[start..]);
    parts
}

/// Parses the data rows of one part; errors carry the line within the part.
fn parse_part(part: &[u8], c: Columns) -> Result<Chunk<'_>, (usize, String)> {
    let mut ids = Interner::with_capacity(part.len() / 200);
    let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(part.len() / 16);
    // Edge lists are usually grouped by source: remember the last one.
    let mut last_source: Option<(&[u8], u32)> = None;
    let mut fields: Vec<Cow<[u8]>> = Vec::new();
    let mut batch: Vec<Row> = Vec::with_capacity(BATCH);
    let mut rows = 0;
    let mut extras: Vec<Extra> = Vec::new();
    let mut pos = 0;
    let mut lineno = 0;
    let need = c.source.max(c.target) + 1;
    while pos < part.len() {
        lineno += 1;
        let (line, next) = next_line(part, pos);
        pos = next;
        if is_blank(line) {
            continue;
        }
        let at = |m: String| (lineno, m);
        fields.clear();
        split(line, c.delim, &mut fields).map_err(at)?;
        if fields.len() < need {
            return Err(at(format!(
                "expected at least {need} columns, found {} (delimiter {:?})",
                fields.len(),
                c.delim as char
            )));
        }
        let weight = match c.weight.and_then(|i| fields.get(i)) {
            None => 1.0,
            Some(w) => parse_weight(w).map_err(at)?,
        };
        let source =
            check_id(trim_cow(std::mem::take(&mut fields[c.source])), "source").map_err(at)?;
        let target =
            check_id(trim_cow(std::mem::take(&mut fields[c.target])), "target").map_err(at)?;
        if c.cue.is_some() || c.paragraph.is_some() {
            let text = |col: Option<usize>| -> Box<str> {
                col.and_then(|i| fields.get(i))
                    .map(|f| String::from_utf8_lossy(f.trim_ascii()).into_owned().into())
                    .unwrap_or_default()
            };
            let (cue, paragraph) = (text(c.cue), text(c.paragraph));
            if !cue.is_empty() || !paragraph.is_empty() {
                extras.push((rows as u64, cue, paragraph));
            }
        }
        rows += 1;
        batch.push((source, target, weight));
        if batch.len() == BATCH {
            intern_batch(&mut batch, &mut ids, &mut last_source, &mut edges);
        }
    }
    intern_batch(&mut batch, &mut ids, &mut last_source, &mut edges);
    Ok(Chunk {
        ids,
        edges,
        rows,
        extras,
    })
}

/// Refuses an empty id (the whole file was checked to be UTF-8).
fn check_id<'a>(f: Cow<'a, [u8]>, what: &str) -> Result<Cow<'a, [u8]>, String> {
    if f.is_empty() {
        return Err(format!("empty {what} id"));
    }
    Ok(f)
}

/// One parsed row: source id, target id, weight.
type Row<'a> = (Cow<'a, [u8]>, Cow<'a, [u8]>, f64);

/// Rows parsed before their ids are looked up together.
const BATCH: usize = 256;

/// Numbers the ids of a batch of rows and appends its edges. The table
/// slots of all targets are read first, in one pass of independent loads
/// that the processor overlaps, so that the look-ups proper find them in
/// cache: one memory round trip per batch instead of one per row. Sources
/// equal to the previous row's source are not looked up again.
fn intern_batch<'a>(
    batch: &mut Vec<Row<'a>>,
    ids: &mut Interner<'a>,
    last_source: &mut Option<(&'a [u8], u32)>,
    edges: &mut Vec<(u32, u32, f64)>,
) {
    let mut prepared = [None; BATCH];
    for (p, (_, t, _)) in prepared.iter_mut().zip(batch.iter()) {
        *p = Some(ids.prepare(t));
    }
    let mut sink = 0u64;
    for p in prepared.iter().flatten() {
        sink ^= ids.touch(p);
    }
    std::hint::black_box(sink);
    for ((source, target, weight), p) in batch.drain(..).zip(prepared.into_iter().flatten()) {
        let s = match (*last_source, &source) {
            (Some((b, i)), Cow::Borrowed(now)) if b == *now => i,
            _ => {
                let i = ids.intern(source.clone());
                if let Cow::Borrowed(now) = source {
                    *last_source = Some((now, i));
                }
                i
            }
        };
        let t = ids.intern_prepared(target, p);
        edges.push((s, t, weight));
    }
}

/// Reads the first non-blank line: the delimiter, and the columns when it
/// is a header (`true`) or the default columns 0, 1, 2 when it is data.
fn header(line: &[u8]) -> Result<(Columns, bool), String> {
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    let delim = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d), d == b','))
        .expect("three delimiters");
    let mut fields = Vec::new();
    split(line, delim, &mut fields)?;
    let names: Vec<String> = fields
        .iter()
        .map(|f| {
            // column names are short: do not copy a huge field
            let f = trim_cow(f.clone());
            if f.len() > 64 {
                String::new()
            } else {
                String::from_utf8_lossy(&f).to_ascii_lowercase()
            }
        })
        .collect();
    let find = |name: &str| names.iter().position(|n| n == name);
    match (find("source"), find("target")) {
        (Some(source), Some(target)) => Ok((
            Columns {
                source,
                target,
                weight: find("weight"),
                cue: find("cue"),
                paragraph: find("paragraph"),
                delim,
            },
            true,
        )),
        (None, None)
            if fields.len() == 2 || fields.len() >= 3 && parse_weight(&fields[2]).is_ok() =>
        {
            Ok((
                Columns {
                    source: 0,
                    target: 1,
                    weight: (fields.len() >= 3).then_some(2),
                    cue: None,
                    paragraph: None,
                    delim,
                },
                false,
            ))
        }
        (None, None) => Err(format!(
            "expected a Source,Target[,Weight] header or Source,Target[,Weight] rows, found {}",
            super::excerpt_bytes(line)
        )),
        (Some(_), None) => Err("header has a Source column but no Target column".into()),
        (None, Some(_)) => Err("header has a Target column but no Source column".into()),
    }
}

/// Splits one line into fields: unquoted fields borrow the line, quoted
/// ones borrow the inside of the quotes unless they hold `""`.
fn split<'a>(line: &'a [u8], delim: u8, out: &mut Vec<Cow<'a, [u8]>>) -> Result<(), String> {
    if memchr(b'"', line).is_none() {
        let mut rest = line;
        loop {
            match memchr(delim, rest) {
                Some(i) => {
                    out.push(Cow::Borrowed(&rest[..i]));
                    rest = &rest[i + 1..];
                }
                None => {
                    out.push(Cow::Borrowed(rest));
                    return Ok(());
                }
            }
        }
    }
    let mut i = 0;
    loop {
        // skip leading blanks before a quote
        let mut j = i;
        while j < line.len() && (line[j] == b' ') {
            j += 1;
        }
        if j < line.len() && line[j] == b'"' {
            let mut k = j + 1;
            let mut owned: Option<Vec<u8>> = None;
            loop {
                match memchr(b'"', &line[k..]) {
                    None => return Err("unterminated quoted field".into()),
                    Some(q) => {
                        let q = k + q;
                        if line.get(q + 1) == Some(&b'"') {
                            let buf = owned.get_or_insert_with(Vec::new);
                            buf.extend_from_slice(&line[k..=q]);
                            k = q + 2;
                        } else {
                            let field = match owned {
                                Some(mut buf) => {
                                    buf.extend_from_slice(&line[k..q]);
                                    Cow::Owned(buf)
                                }
                                None => Cow::Borrowed(&line[j + 1..q]),
                            };
                            out.push(field);
                            // skip to the delimiter
                            let mut m = q + 1;
                            while m < line.len() && line[m] == b' ' {
                                m += 1;
                            }
                            if m == line.len() {
                                return Ok(());
                            }
                            if line[m] != delim {
                                return Err("text after a closing quote".into());
                            }
                            i = m + 1;
                            break;
                        }
                    }
                }
            }
        } else {
            match memchr(delim, &line[i..]) {
                Some(d) => {
                    out.push(Cow::Borrowed(&line[i..i + d]));
                    i += d + 1;
                }
                None => {
                    out.push(Cow::Borrowed(&line[i..]));
                    return Ok(());
                }
            }
        }
    }
}

/// The field without surrounding ASCII blanks, still borrowing when it did.
fn trim_cow(f: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    match f {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim_ascii()),
        Cow::Owned(v) => Cow::Owned(v.trim_ascii().to_vec()),
    }
}

/// A weight: empty → 1, else a finite number ≥ 0.
fn parse_weight(f: &[u8]) -> Result<f64, String> {
    let f = f.trim_ascii();
    if f.is_empty() {
        return Ok(1.0);
    }
    // Whole numbers (the usual mention counts) without the float parser.
    if f.len() <= 15 && f.iter().all(u8::is_ascii_digit) {
        return Ok(f.iter().fold(0u64, |n, &d| n * 10 + (d - b'0') as u64) as f64);
    }
    let text = std::str::from_utf8(f).map_err(|_| "weight is not valid UTF-8".to_string())?;
    match text.parse::<f64>() {
        Ok(w) if w.is_finite() && w >= 0.0 => Ok(w),
        Ok(_) => Err(format!(
            "weight {} is not a finite non-negative number",
            super::excerpt(text)
        )),
        Err(_) => Err(format!("weight {} is not a number", super::excerpt(text))),
    }
}
