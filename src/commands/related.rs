//! `unxref related ID INPUT...` — texts related to ID by co-citation (cited
//! together with it) and bibliographic coupling (citing the same texts).

use super::Status;
use super::graph_args::{Cell, InputArgs, load, node_cells, to_stdout, write_rows};
use crate::analysis::related::{co_cited, coupled};
use crate::error::Result;
use crate::graph::resolve_id::resolve;

/// Arguments of `unxref related`.
#[derive(Debug, Clone, clap::Args)]
pub struct RelatedArgs {
    /// The text, as you would type it (`72/194`, `S/RES/2178 (2014)`).
    pub id: String,
    /// Inputs and output options.
    #[command(flatten)]
    pub input: InputArgs,
    /// How many texts to list per relation.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

/// Columns of the listing: `relation` is `co-citation` (count = texts
/// citing both) or `coupling` (count = texts both cite).
pub const COLUMNS: [&str; 6] = ["relation", "id", "kind", "year", "title", "count"];

/// Runs `unxref related`.
pub fn run(args: &RelatedArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let n = resolve(g, &args.id)?;
    let mut rows = Vec::new();
    for (relation, list) in [
        ("co-citation", co_cited(g, n, args.top)),
        ("coupling", coupled(g, n, args.top)),
    ] {
        for r in list {
            let [id, kind, year, title] = node_cells(g, r.node);
            rows.push(vec![
                Cell::text(relation),
                id,
                kind,
                year,
                title,
                Cell::Int(r.count as i64),
            ]);
        }
    }
    to_stdout(|w| write_rows(w, args.input.format(), &COLUMNS, &rows))?;
    Ok(Status::from_failures(failed))
}
