//! `unxref path A B INPUT...` — a shortest citation chain from A to B.

use super::Status;
use super::graph_args::{Cell, InputArgs, load, node_cells, to_stdout, write_rows};
use crate::analysis::path::shortest_path;
use crate::commands::Format;
use crate::error::Result;
use crate::graph::resolve_id::resolve;

/// Arguments of `unxref path`.
#[derive(Debug, Clone, clap::Args)]
pub struct PathArgs {
    /// The text the chain starts from (the citing end).
    pub from: String,
    /// The text the chain leads to (the cited end).
    pub to: String,
    /// Inputs and output options.
    #[command(flatten)]
    pub input: InputArgs,
    /// Follow citations in both directions.
    #[arg(long)]
    pub undirected: bool,
}

/// Columns of the listing: one row per text of the chain; `weight`, `cue`
/// and `direction` describe the edge from the previous row.
pub const COLUMNS: [&str; 8] = [
    "step",
    "id",
    "kind",
    "year",
    "title",
    "direction",
    "weight",
    "cue",
];

/// Runs `unxref path`.
pub fn run(args: &PathArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let a = resolve(g, &args.from)?;
    let b = resolve(g, &args.to)?;
    let format = args.input.format();
    let Some(chain) = shortest_path(g, a, b, args.undirected) else {
        let msg = format!(
            "no citation chain from {} to {}{}",
            g.meta(a).id,
            g.meta(b).id,
            if args.undirected {
                " (even ignoring direction)"
            } else {
                ""
            }
        );
        match format {
            Format::Table | Format::Markdown => to_stdout(|w| writeln!(w, "{msg}"))?,
            _ => eprintln!("unxref: {msg}"),
        }
        return Ok(Status::from_failures(failed));
    };
    let mut rows = Vec::new();
    for (i, &n) in chain.iter().enumerate() {
        let [id, kind, year, title] = node_cells(g, n);
        let (dir, weight, cue) = match i.checked_sub(1).map(|p| chain[p]) {
            None => (Cell::Empty, Cell::Empty, Cell::Empty),
            Some(p) => match g.graph.find_edge(p, n) {
                Some(e) => (
                    Cell::text("cites"),
                    Cell::num(g.graph[e].weight),
                    Cell::text(g.graph[e].cue.to_string()),
                ),
                None => {
                    let e = g
                        .graph
                        .find_edge(n, p)
                        .expect("undirected step has an edge");
                    (
                        Cell::text("cited-by"),
                        Cell::num(g.graph[e].weight),
                        Cell::text(g.graph[e].cue.to_string()),
                    )
                }
            },
        };
        rows.push(vec![
            Cell::Int(i as i64),
            id,
            kind,
            year,
            title,
            dir,
            weight,
            cue,
        ]);
    }
    to_stdout(|w| write_rows(w, format, &COLUMNS, &rows))?;
    Ok(Status::from_failures(failed))
}
