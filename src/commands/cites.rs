//! `unxref cites ID INPUT...` — what ID cites (its authorities), directly
//! and (with `--depth`) indirectly; same columns as `cited-by`.

use super::cited_by::{COLUMNS, NeighbourArgs, filtered, rows};
use super::graph_args::{load, to_stdout, write_rows};
use super::{Status, note};
use crate::analysis::query::cites;
use crate::error::Result;
use crate::graph::resolve_id::resolve;

/// Runs `unxref cites`.
pub fn run(args: &NeighbourArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    let n = resolve(g, &args.id)?;
    let hits = cites(g, n, &args.options());
    if hits.is_empty() {
        note(
            args.input.reading.quiet,
            &format!("{}: no text is cited by it{}", g.meta(n).id, filtered(args)),
        );
    }
    let rows = rows(g, &hits);
    to_stdout(|w| write_rows(w, args.input.format(), &COLUMNS, &rows))?;
    Ok(Status::from_failures(failed))
}
