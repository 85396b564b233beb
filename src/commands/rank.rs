//! `unxref rank INPUT... --by MEASURE --top N [--kind K]` — the texts that
//! matter most by a centrality measure.

use super::graph_args::{Cell, InputArgs, load, node_cells, parse_kind, to_stdout, write_rows};
use super::{Status, note};
use crate::analysis::query::top_by_score;
use crate::analysis::{CentralityOptions, Measure, compute_converged};
use crate::error::Result;
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
        .map(|(i, &(n, s))| {
            let [id, kind, year, title] = node_cells(g, n);
            vec![
                Cell::Int(i as i64 + 1),
                id,
                kind,
                year,
                title,
                Cell::num(s),
                Cell::Bool(g.meta(n).in_corpus),
            ]
        })
        .collect();
    to_stdout(|w| write_rows(w, args.input.format(), &COLUMNS, &rows))?;
    Ok(Status::from_failures(failed))
}
