//! `unxref graph INPUT... -o FILE` — builds the citation graph of the
//! inputs and saves it in the `unxref-graph` JSON format
//! ([`crate::graph::store`]), to be given as INPUT to the other commands.

use super::graph_args::{InputArgs, load, to_stdout};
use super::{Status, note};
use crate::error::Result;
use crate::graph::store;
use std::path::PathBuf;

/// Arguments of `unxref graph`.
#[derive(Debug, Clone, clap::Args)]
pub struct GraphArgs {
    /// Inputs (the `--format` option is ignored: the output is always the
    /// saved-graph JSON).
    #[command(flatten)]
    pub input: InputArgs,
    /// Write the graph to this file (atomically); standard output if absent
    /// or `-`.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Runs `unxref graph`.
pub fn run(args: &GraphArgs) -> Result<Status> {
    let (loaded, failed) = load(&args.input)?;
    let g = &loaded.graph;
    match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(p) => {
            store::save(g, p)?;
            note(
                args.input.reading.quiet,
                &format!(
                    "{}: {} nodes, {} edges",
                    p.display(),
                    g.node_count(),
                    g.edge_count()
                ),
            );
        }
        None => to_stdout(|w| store::write(g, w))?,
    }
    Ok(Status::from_failures(failed))
}
