//! The `unxref` command: parses arguments and calls the library.

use clap::{Parser, Subcommand};
use std::process::ExitCode;
use unxref::commands::{self, Status};

/// Maps how United Nations documents cite each other.
#[derive(Debug, Parser)]
#[command(name = "unxref", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find every citation in UN documents and print them.
    Extract(commands::extract::ExtractArgs),
    /// Export the citation graph: dot, svg, png, gephi (csv), gexf, graphml, json, vosviewer.
    Export(commands::export::ExportArgs),
    /// Write a readable report on a corpus's citations (Markdown or JSON).
    Report(commands::report::ReportArgs),
    /// The whole job: citations, Gephi files, GEXF, GraphML, a map and a report in one folder.
    Map(commands::map::MapArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: anyhow::Result<Status> = match &cli.command {
        Command::Extract(a) => commands::extract::run(a).map_err(Into::into),
        Command::Export(a) => commands::export::run(a).map_err(Into::into),
        Command::Report(a) => commands::report::run(a).map_err(Into::into),
        Command::Map(a) => commands::map::run(a).map_err(Into::into),
    };
    match result {
        Ok(Status::Ok) => ExitCode::SUCCESS,
        Ok(Status::Partial) => ExitCode::from(1),
        Err(e) => {
            eprintln!("unxref: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
