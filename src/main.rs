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
    /// Build the citation graph of the inputs and save it (JSON).
    Graph(commands::graph::GraphArgs),
    /// List the texts that cite ID (with --depth, indirectly too).
    CitedBy(commands::cited_by::NeighbourArgs),
    /// List the texts ID cites (with --depth, indirectly too).
    Cites(commands::cited_by::NeighbourArgs),
    /// Show one text: attributes, degrees, PageRank, top citers and cited.
    Show(commands::show::ShowArgs),
    /// Find a shortest citation chain from A to B.
    Path(commands::path::PathArgs),
    /// Rank texts by a centrality measure.
    Rank(commands::rank::RankArgs),
    /// Texts related to ID by co-citation and bibliographic coupling.
    Related(commands::related::RelatedArgs),
    /// Counts: nodes and edges per kind and year, components, flagged edges.
    Stats(commands::stats::StatsArgs),
}

/// mimalloc, not the system's malloc: `extract` of `../shared/corpus` allocates
/// and frees a buffer per file and strings per citation on two threads; with
/// glibc's malloc that cost 14 times the page faults and about 6 % more CPU.
/// Built without transparent huge pages (feature `no_thp`): with them, the
/// run's peak memory doubled (139 MB against 67 MB) and the kernel's zeroing
/// of 2 MiB pages sometimes tripled the system time. Entered through
/// [`unxref::alloc::MiMalloc`] (why: see there).
#[global_allocator]
static GLOBAL: unxref::alloc::MiMalloc = unxref::alloc::MiMalloc;

fn main() -> ExitCode {
    // PDFs are read in bounded child processes of this same executable.
    if std::env::var_os(unxref::input::pdf::WORKER_ENV).is_some() {
        std::process::exit(unxref::input::pdf::run_worker());
    }
    if let Ok(exe) = std::env::current_exe() {
        unxref::input::pdf::use_worker(exe);
    }
    let cli = Cli::parse();
    // SIGINT/SIGTERM: remove the temporaries of files being written, then exit
    unxref::output::install_cleanup();
    let result: anyhow::Result<Status> = match &cli.command {
        Command::Extract(a) => commands::extract::run(a).map_err(Into::into),
        Command::Export(a) => commands::export::run(a).map_err(Into::into),
        Command::Report(a) => commands::report::run(a).map_err(Into::into),
        Command::Map(a) => commands::map::run(a).map_err(Into::into),
        Command::Graph(a) => commands::graph::run(a).map_err(Into::into),
        Command::CitedBy(a) => commands::cited_by::run(a).map_err(Into::into),
        Command::Cites(a) => commands::cites::run(a).map_err(Into::into),
        Command::Show(a) => commands::show::run(a).map_err(Into::into),
        Command::Path(a) => commands::path::run(a).map_err(Into::into),
        Command::Rank(a) => commands::rank::run(a).map_err(Into::into),
        Command::Related(a) => commands::related::run(a).map_err(Into::into),
        Command::Stats(a) => commands::stats::run(a).map_err(Into::into),
    };
    match result {
        Ok(Status::Ok) => ExitCode::SUCCESS,
        Ok(Status::Partial) => ExitCode::from(1),
        Err(e) => {
            // the library's messages already hold their causes (the OS error):
            // the top level only, or the cause would be printed twice
            eprintln!("unxref: error: {e}");
            ExitCode::from(2)
        }
    }
}
