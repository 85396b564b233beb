//! `unxref extract PATH...` — citations of every document, as a table,
//! JSON Lines or CSV.

use super::{Format, Status};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::{Citation, Lang};
use crate::pipeline;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `unxref extract`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExtractArgs {
    /// Files and/or folders (walked recursively); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format (default: table on a terminal, else jsonl).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Corpus reading options.
    #[command(flatten)]
    pub reading: super::CorpusArgs,
}

/// Parses a `--lang` value.
pub fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use en, fr, es, ru, zh or ar"))
}

const COLUMNS: [&str; 15] = [
    "file",
    "doc",
    "target",
    "kind",
    "text",
    "start",
    "end",
    "line",
    "lang",
    "cue",
    "paragraph",
    "page",
    "context",
    "cited_title",
    "cited_date",
];

/// A citation's cells in [`COLUMNS`] order.
fn citation_cells(c: &crate::model::Citation) -> [String; 15] {
    [
        c.file.clone(),
        c.doc.clone(),
        c.target.clone(),
        c.kind.to_string(),
        c.text.clone(),
        c.start.to_string(),
        c.end.to_string(),
        c.line.to_string(),
        c.lang.to_string(),
        c.cue.clone(),
        c.paragraph.clone(),
        // empty but for PDF
        c.page.map(|p| p.to_string()).unwrap_or_default(),
        c.context.clone(),
        c.cited_title.clone(),
        c.cited_date.clone(),
    ]
}

/// Appends the JSON lines of `citations` to `out` (on the thread that
/// extracted them, see [`pipeline::extract_corpus_rendered`]).
fn jsonl_records(citations: &[Citation], out: &mut Vec<u8>) -> std::io::Result<()> {
    for c in citations {
        c.write_json(out);
        out.push(b'\n');
    }
    Ok(())
}

/// Appends the CSV rows of `citations` to `out` (no header).
fn csv_records(citations: &[Citation], out: &mut Vec<u8>) -> std::io::Result<()> {
    let mut cw = csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(4096)
        .from_writer(out);
    for c in citations {
        cw.write_record(crate::export::text::csv_record(&citation_cells(c)))?;
    }
    cw.flush()
}

/// A table or Markdown row: file, line, kind, target, text.
fn row(c: Citation) -> Vec<String> {
    vec![
        c.file,
        c.line.to_string(),
        c.kind.to_string(),
        c.target,
        c.text.split_whitespace().collect::<Vec<_>>().join(" "),
    ]
}

/// Writes the CSV header row ([`COLUMNS`]).
fn write_csv_header(w: &mut dyn Write) -> std::io::Result<()> {
    let mut cw = csv::WriterBuilder::new().has_headers(false).from_writer(w);
    cw.write_record(COLUMNS)?;
    cw.flush()
}

/// Marks the run where no input could be used (nothing is written then).
#[derive(Debug)]
struct NoInput;

impl std::fmt::Display for NoInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no input could be used")
    }
}

impl std::error::Error for NoInput {}

/// Runs `unxref extract`. Citations are written as they are extracted
/// (documents in input order, see [`pipeline::extract_corpus_rendered`]),
/// so memory does not grow with the output (but for a table, whose column
/// widths need every row).
pub fn run(args: &ExtractArgs) -> Result<Status> {
    if !args.reading.metadata.is_empty() {
        return Err(Error::Usage(
            "--metadata applies to the commands that build a graph (map, export, report, graph, …), not to extract".into(),
        ));
    }
    let extractor =
        Extractor::new(args.reading.extract_options()).map_err(|e| Error::Usage(e.to_string()))?;
    let format = args.format.unwrap_or_else(super::default_format);
    let mut run = None;
    let mut write = |w: &mut dyn Write| -> std::io::Result<()> {
        // JSON lines and CSV rows are written out where they are made and
        // reach `w` a document at a time; table and Markdown rows are kept
        // to the end (column widths need them all).
        let mut rows = Vec::new();
        let mut header = false;
        let done = match format {
            Format::Jsonl => pipeline::extract_corpus_rendered(
                &args.paths,
                &extractor,
                &jsonl_records,
                &mut |records| w.write_all(records),
            )?,
            Format::Csv => pipeline::extract_corpus_rendered(
                &args.paths,
                &extractor,
                &csv_records,
                &mut |records| {
                    if !header {
                        write_csv_header(w)?;
                        header = true;
                    }
                    w.write_all(records)
                },
            )?,
            Format::Table | Format::Markdown => {
                pipeline::extract_corpus_each(&args.paths, &extractor, &mut |c| {
                    rows.push(row(c));
                    Ok(())
                })?
            }
        };
        let failed = done.docs.is_empty() && !done.errors.is_empty();
        run = Some(done);
        if failed {
            // a mistyped path must not replace a previous `-o` file with an
            // empty one (write_atomic keeps the old file on an error)
            return Err(std::io::Error::other(NoInput));
        }
        let columns = ["file", "line", "kind", "target", "text"];
        match format {
            Format::Jsonl => Ok(()),
            // (the header alone when no citation was found)
            Format::Csv if !header => write_csv_header(w),
            Format::Csv => Ok(()),
            Format::Table => super::write_table(w, &columns, &rows),
            Format::Markdown => super::write_markdown(w, &columns, &rows),
        }
    };
    let written = match &args.output {
        Some(p) => crate::output::write_atomic(p, write),
        None => {
            let stdout = std::io::stdout();
            // (a corpus's listing is tens of megabytes: the records of a
            // few documents are gathered into one system call, a large
            // document's written as they are, not copied into a buffer)
            let mut lock = crate::output::Batched::new(stdout.lock());
            match write(&mut lock).and_then(|_| lock.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::Write {
                    path: "<stdout>".into(),
                    source: e,
                }),
            }
        }
    };
    if let Some(run) = &run {
        super::report_run(run, args.reading.quiet);
        if run.docs.is_empty() && !run.errors.is_empty() {
            return Err(Error::Usage("no input could be used".into()));
        }
    }
    written?;
    let run = run.unwrap_or_default();
    Ok(Status::from_failures(!run.errors.is_empty()))
}
