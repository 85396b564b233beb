//! `unxref rank INPUT... --by MEASURE --top N [--kind K]` — the texts that
//! matter most by a centrality measure.

use super::Status;
use super::graph_args::{Cell, InputArgs, load, node_cells, parse_kind, to_stdout, write_rows};
use crate::analysis::query::top_by_score;
use crate::analysis::{Measure, compute};
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
}

/// Columns of the listing.
pub const COLUMNS: [&str; 7] = ["rank", "id", "kind", "year", "title", "score", "in_corpus"];

/// Runs `unxref rank`.
pub fn run(args: &RankArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let scores = compute(&g.graph, args.by);
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
