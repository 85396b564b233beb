//! `unxref cited-by ID INPUT...` — the texts that cite ID, directly and
//! (with `--depth`) indirectly.

use super::graph_args::{
    Cell, InputArgs, load, load_lean, meta_cells, parse_kind, to_stdout, write_rows,
};
use super::{Status, note};
use crate::analysis::query::{Hit, QueryGraph, QueryOptions, cited_by};
use crate::error::Result;
use crate::graph::input::InputKind;
use crate::graph::lean::EdgeListGraph;
use crate::graph::resolve_id::{resolve, resolve_lean};
use crate::graph::{CitationGraph, NodeMeta};
use crate::model::Kind;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use std::borrow::Cow;

/// Arguments of `unxref cited-by` (and `unxref cites`).
#[derive(Debug, Clone, clap::Args)]
pub struct NeighbourArgs {
    /// The text, as you would type it: `72/194`, `resolution 2178 (2014)`,
    /// `S/RES/2178 (2014)`, `A/RES/72/194`.
    pub id: String,
    /// Inputs and output options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Follow citations this many steps (1 = direct only).
    #[arg(long, default_value_t = 1)]
    pub depth: usize,
    /// List only texts of this kind (`ga-resolution`, `sc-resolution`, …).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// List only texts of this year or later.
    #[arg(long)]
    pub since: Option<i32>,
    /// List only texts of this year or earlier.
    #[arg(long)]
    pub until: Option<i32>,
    /// Add a `context` column: the passage of the first mention on the edge
    /// (the sentence or clause around the citation).
    #[arg(long)]
    pub context: bool,
}

impl NeighbourArgs {
    /// The query options these arguments ask for.
    pub fn options(&self) -> QueryOptions {
        QueryOptions {
            depth: self.depth,
            kind: self.kind,
            since: self.since,
            until: self.until,
        }
    }
}

/// Columns of the `cited-by`/`cites` listing.
pub const COLUMNS: [&str; 10] = [
    "distance",
    "id",
    "kind",
    "year",
    "title",
    "weight",
    "cue",
    "paragraph",
    "via",
    "in_corpus",
];

/// The passage of the first mention on the edge between `a` and `b`
/// (either direction), empty when there is none.
pub fn edge_context(g: &CitationGraph, a: NodeIndex, b: NodeIndex) -> String {
    g.graph
        .find_edge(a, b)
        .or_else(|| g.graph.find_edge(b, a))
        .map(|e| g.graph[e].context.to_string())
        .unwrap_or_default()
}

/// One listing row per hit.
pub fn rows(g: &CitationGraph, hits: &[Hit]) -> Vec<Vec<Cell>> {
    rows_with(g, hits, |n| Cow::Borrowed(g.meta(n)))
}

/// [`rows`] on any graph, `meta` giving a node's attributes.
fn rows_with<'a, G: QueryGraph>(
    g: &G,
    hits: &[Hit],
    meta: impl Fn(NodeIndex) -> Cow<'a, NodeMeta> + Sync,
) -> Vec<Vec<Cell>> {
    hits.par_iter()
        .map(|h| {
            let m = meta(h.node);
            let [id, kind, year, title] = meta_cells(&m);
            vec![
                Cell::Int(h.distance as i64),
                id,
                kind,
                year,
                title,
                Cell::num(h.weight),
                Cell::text(h.cue.clone()),
                Cell::text(h.paragraph.clone()),
                Cell::Text(g.id(h.via).to_string()),
                Cell::Bool(m.in_corpus),
            ]
        })
        .collect()
}

/// `" (with these filters)"` when filters are set, else `""` (for notes).
pub fn filtered(args: &NeighbourArgs) -> &'static str {
    if args.kind.is_some() || args.since.is_some() || args.until.is_some() {
        " (with these filters)"
    } else {
        ""
    }
}

/// Runs `unxref cited-by`.
pub fn run(args: &NeighbourArgs) -> Result<Status> {
    run_query(args, cited_by, cited_by, "no text cites it")
}

/// Runs a neighbourhood query (`cited-by`, `cites`) and prints its rows;
/// `none` is the note printed when nothing is found.
pub(super) fn run_query(
    args: &NeighbourArgs,
    query: fn(&CitationGraph, NodeIndex, &QueryOptions) -> Vec<Hit>,
    lean_query: fn(&EdgeListGraph, NodeIndex, &QueryOptions) -> Vec<Hit>,
    none: &str,
) -> Result<Status> {
    // Only an edge list: a saved graph's lean arcs lose the edge order
    // that `via` follows.
    if let Some(g) = load_lean(&args.input, &[InputKind::EdgeList])? {
        return run_lean(args, &g, lean_query, none);
    }
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let n = resolve(g, &args.id)?;
    let hits = query(g, n, &args.options());
    if hits.is_empty() {
        note(
            args.input.reading.quiet,
            &format!("{}: {none}{}", g.meta(n).id, filtered(args)),
        );
    }
    let mut rows = rows(g, &hits);
    let mut columns = COLUMNS.to_vec();
    if args.context {
        columns.push("context");
        for (row, h) in rows.iter_mut().zip(&hits) {
            row.push(Cell::text(edge_context(g, h.node, h.via)));
        }
    }
    to_stdout(|w| write_rows(w, args.input.format(), &columns, &rows))?;
    Ok(Status::from_failures(failed))
}

/// [`run_query`] on a lone edge list held lean: the same listing (edge
/// lists carry no citing passage, so `--context` is empty).
fn run_lean(
    args: &NeighbourArgs,
    g: &EdgeListGraph,
    query: fn(&EdgeListGraph, NodeIndex, &QueryOptions) -> Vec<Hit>,
    none: &str,
) -> Result<Status> {
    let n = resolve_lean(g, &args.id)?;
    let hits = query(g, n, &args.options());
    if hits.is_empty() {
        note(
            args.input.reading.quiet,
            &format!("{}: {none}{}", g.id(n.index()), filtered(args)),
        );
    }
    let mut rows = rows_with(g, &hits, |n| Cow::Owned(g.node_meta(n.index())));
    let mut columns = COLUMNS.to_vec();
    if args.context {
        columns.push("context");
        for row in rows.iter_mut() {
            row.push(Cell::Empty);
        }
    }
    to_stdout(|w| write_rows(w, args.input.format(), &columns, &rows))?;
    Ok(Status::Ok)
}
