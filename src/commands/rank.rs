//! `unxref rank INPUT... --by MEASURE --top N [--kind K]` — the texts that
//! matter most by a centrality measure.

use super::graph_args::{
    Cell, InputArgs, load, load_lean, meta_cells, node_cells, parse_kind, to_stdout, write_rows,
};
use super::{Status, note};
use crate::analysis::query::{top_by_score, top_by_score_with};
use crate::analysis::{CentralityOptions, Measure, compute_converged, pagerank_arcs};
use crate::error::Result;
use crate::graph::input::InputKind;
use crate::graph::lean::EdgeListGraph;
use crate::model::Kind;

/// Arguments of `unxref rank`.
#[derive(Debug, Clone, clap::Args)]
pub struct RankArgs {
    /// Inputs and output options.
    #[command(flatten)]
    pub input: InputArgs,
    /// The centrality measure.
    #[arg(long, value_enum, default_value = "pagerank")]
    pub by: Measure,
    /// How many texts to list.
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    /// Rank only texts of this kind (scores are computed on the whole graph).
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<Kind>,
    /// Iterative measures (pagerank, hits-*, eigenvector, katz) stop when
    /// their distance to the exact values (L1, over all nodes) is at most
    /// this; the iterations used and the bound reached are given in a note.
    #[arg(long, default_value_t = crate::analysis::converge::DEFAULT_TOLERANCE, value_parser = parse_tol)]
    pub tol: f64,
}

/// A tolerance: a positive finite number.
fn parse_tol(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(t) if t.is_finite() && t > 0.0 => Ok(t),
        _ => Err(format!("{s:?} is not a positive number")),
    }
}

/// Columns of the listing.
pub const COLUMNS: [&str; 7] = ["rank", "id", "kind", "year", "title", "score", "in_corpus"];

/// Runs `unxref rank`.
pub fn run(args: &RankArgs) -> Result<Status> {
    // A lone edge list or saved graph: PageRank straight from its arcs.
    if args.by == Measure::Pagerank
        && let Some(g) = load_lean(&args.input, &[InputKind::EdgeList, InputKind::SavedGraph])?
    {
        return run_lean(args, &g);
    }
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let opts = CentralityOptions::default().with_tolerance(args.tol);
    let (scores, conv) = compute_converged(&g.graph, args.by, &opts);
    if let Some(c) = conv {
        let name = format!("{:?}", args.by).to_lowercase();
        note(args.input.reading.quiet, &c.describe(&name));
    }
    let top = top_by_score(g, &scores, args.top, args.kind);
    let rows: Vec<Vec<Cell>> = top
        .iter()
        .enumerate()
        .map(|(i, &(n, s))| rank_row(i, node_cells(g, n), s, g.meta(n).in_corpus))
        .collect();
    to_stdout(|w| write_rows(w, args.input.format(), &COLUMNS, &rows))?;
    Ok(Status::from_failures(failed))
}

/// One row of the table: rank (from the 0-based position `i`), the node's
/// id, kind, year and title cells, its score and whether it is in the corpus.
fn rank_row(
    i: usize,
    [id, kind, year, title]: [Cell; 4],
    score: f64,
    in_corpus: bool,
) -> Vec<Cell> {
    vec![
        Cell::Int(i as i64 + 1),
        id,
        kind,
        year,
        title,
        Cell::num(score),
        Cell::Bool(in_corpus),
    ]
}

/// `rank --by pagerank` on a lone edge list or saved graph, held lean:
/// PageRank straight from its arcs, attributes worked out (edge list) or
/// taken (saved graph) for the listed nodes only, and kinds for all when
/// `--kind` asks. Same output as the full graph gives.
fn run_lean(args: &RankArgs, g: &EdgeListGraph) -> Result<Status> {
    let opts = CentralityOptions::default().with_tolerance(args.tol);
    let (scores, conv) = pagerank_arcs(&g.out, None, &opts.pagerank);
    note(args.input.reading.quiet, &conv.describe("pagerank"));
    let kinds = args.kind.map(|_| g.kinds());
    let top = top_by_score_with(
        &scores,
        args.top,
        |n| kinds.as_ref().is_none_or(|k| k[n] == args.kind),
        |n| g.id(n),
    );
    let rows: Vec<Vec<Cell>> = top
        .iter()
        .enumerate()
        .map(|(i, &(n, s))| {
            let meta = g.node_meta(n.index());
            rank_row(i, meta_cells(&meta), s, meta.in_corpus)
        })
        .collect();
    to_stdout(|w| write_rows(w, args.input.format(), &COLUMNS, &rows))?;
    Ok(Status::Ok)
}
