//! `unxref cites ID INPUT...` — what ID cites (its authorities), directly
//! and (with `--depth`) indirectly; same columns as `cited-by`.

use super::Status;
use super::cited_by::{NeighbourArgs, run_query};
use crate::analysis::query::cites;
use crate::error::Result;

/// Runs `unxref cites`.
pub fn run(args: &NeighbourArgs) -> Result<Status> {
    run_query(args, cites, cites, "no text is cited by it")
}
