//! `unxref report INPUT... -o report.md` — a readable summary of a corpus's
//! citations (Markdown, or JSON with `--format json`).

use super::Status;
use super::export::{load, write_to};
use crate::analysis::Measure;
use crate::error::Result;
use crate::export::report::{self, ReportOptions};
use std::path::PathBuf;

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// JSON (the same content, for programs).
    Json,
}

/// Arguments of `unxref report`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Corpus files and folders, saved graphs or edge-list CSVs.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file (`-`: standard output).
    #[arg(short, long, default_value = "-")]
    pub output: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Centrality measures to list (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = ReportOptions::default().measures)]
    pub by: Vec<Measure>,
    /// Length of each top list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Corpus reading options.
    #[command(flatten)]
    pub reading: super::CorpusArgs,
}

/// Runs `unxref report`.
pub fn run(args: &ReportArgs) -> Result<Status> {
    let loaded = load(&args.inputs, &args.reading)?;
    let unreadable: Vec<String> = loaded.errors.iter().map(|e| e.to_string()).collect();
    let r = report::build(
        &loaded.graph,
        &unreadable,
        &ReportOptions {
            measures: args.by.clone(),
            top: args.top,
        },
    );
    write_to(&args.output, |w| match args.format {
        ReportFormat::Md => report::write_markdown(w, &r),
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *w, &r)?;
            w.write_all(b"\n")
        }
    })?;
    Ok(Status::from_failures(!loaded.errors.is_empty()))
}
