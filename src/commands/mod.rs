//! The subcommands: each module glues the pipeline stages for one command
//! and holds its clap arguments. `main.rs` only parses and dispatches.

pub mod cited_by;
pub mod cites;
pub mod export;
pub mod extract;
pub mod graph;
pub mod graph_args;
pub mod map;
pub mod path;
pub mod rank;
pub mod related;
pub mod report;
pub mod show;
pub mod stats;

use crate::extract::Options;
use crate::model::Lang;
use std::io::IsTerminal;
use std::path::PathBuf;

/// The options of every command that may read a corpus: how to extract it
/// and whether to print notes. Flattened into each command's arguments.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CorpusArgs {
    /// Force the language of every corpus document (en, fr, es, ru, zh, ar)
    /// instead of detecting it.
    #[arg(long, value_parser = extract::parse_lang)]
    pub lang: Option<Lang>,
    /// Extra named-instruments table for corpus inputs (TSV with the columns
    /// of data/instruments.tsv).
    #[arg(long)]
    pub instruments: Option<PathBuf>,
    /// Do not print notes (skipped files, decoding, progress) on stderr;
    /// errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

impl CorpusArgs {
    /// The extractor settings these options ask for.
    pub fn extract_options(&self) -> Options {
        Options {
            lang: self.lang,
            instruments: self.instruments.clone(),
        }
    }
}

/// How a command ended when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything went well.
    Ok,
    /// The job was done, but some inputs could not be used (reported on
    /// stderr): the process exits with 1.
    Partial,
}

impl Status {
    /// `Partial` when `failed`, else `Ok`.
    pub fn from_failures(failed: bool) -> Self {
        if failed { Status::Partial } else { Status::Ok }
    }
}

/// Output formats shared by the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading in a terminal.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with one header row.
    Csv,
    /// A Markdown table.
    Markdown,
}

/// `Table` on a terminal, else `Jsonl` — the default when `--format` is not given.
pub fn default_format() -> Format {
    if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    }
}

/// Prints what a corpus run has to say on stderr: skipped files and
/// decoding notes (unless `quiet`), then every per-file error (always).
pub fn report_run(run: &crate::pipeline::CorpusRun, quiet: bool) {
    for s in &run.skipped {
        note(quiet, s);
    }
    for d in &run.docs {
        for n in &d.info.notes {
            note(quiet, &format!("{}: {n}", d.info.file));
        }
    }
    for e in &run.errors {
        eprintln!("unxref: {e}");
    }
}

/// Prints `msg` on stderr unless `quiet`.
pub fn note(quiet: bool, msg: &str) {
    if !quiet {
        eprintln!("unxref: {msg}");
    }
}

/// Writes rows as an aligned text table (header underlined).
pub fn write_table(
    w: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(width(&crate::export::text::terminal_text(c)).min(60));
            }
        }
    }
    let line = |w: &mut dyn std::io::Write, cells: Vec<&str>| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            // no control character (ANSI escapes from a title) reaches the terminal
            let c: String = crate::export::text::terminal_text(c);
            let c: String = if width(&c) > 60 {
                c.chars().take(59).chain(std::iter::once('…')).collect()
            } else {
                c
            };
            if i + 1 < cells.len() {
                s.push_str(&format!("{c:<w$}  ", w = widths[i]));
            } else {
                s.push_str(&c);
            }
        }
        writeln!(w, "{}", s.trim_end())
    };
    line(w, header.to_vec())?;
    line(
        w,
        widths
            .iter()
            .map(|&n| "-".repeat(n))
            .collect::<Vec<_>>()
            .iter()
            .map(|s| s.as_str())
            .collect(),
    )?;
    for r in rows {
        line(w, r.iter().map(|s| s.as_str()).collect())?;
    }
    Ok(())
}

/// Writes rows as a Markdown table (pipes escaped, `& < >` as entities so
/// that no cell renders as HTML).
pub fn write_markdown(
    w: &mut dyn std::io::Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let cell = crate::export::text::md_text;
    writeln!(w, "| {} |", header.join(" | "))?;
    writeln!(w, "|{}", "---|".repeat(header.len()))?;
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        writeln!(w, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}
