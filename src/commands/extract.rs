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

/// Where citations go as they come.
enum Out<'a> {
    /// One JSON object per line, each serialised into the buffer first and
    /// written in one call (serde_json's many small writes through a `dyn
    /// Write` cost more than the serialising).
    Jsonl(&'a mut dyn Write, Vec<u8>),
    /// CSV rows; the header is written before the first row (or at the
    /// end when there is none, unless no input could be used).
    Csv(Box<csv::Writer<&'a mut dyn Write>>, bool),
    /// Table or Markdown rows, written at the end (column widths need them
    /// all).
    Rows(&'a mut dyn Write, Vec<Vec<String>>),
}

impl Out<'_> {
    fn push(&mut self, c: Citation) -> std::io::Result<()> {
        match self {
            Out::Jsonl(w, buf) => {
                buf.clear();
                c.write_json(buf);
                buf.push(b'\n');
                w.write_all(buf)
            }
            Out::Csv(cw, header) => {
                if !*header {
                    cw.write_record(COLUMNS)?;
                    *header = true;
                }
                cw.write_record(crate::export::text::csv_record(&citation_cells(&c)))
                    .map_err(Into::into)
            }
            Out::Rows(_, rows) => {
                rows.push(vec![
                    c.file,
                    c.line.to_string(),
                    c.kind.to_string(),
                    c.target,
                    c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                ]);
                Ok(())
            }
        }
    }
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
/// (documents in input order, see [`pipeline::extract_corpus_each`]), so
/// memory does not grow with the output.
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
        let mut out = match format {
            Format::Jsonl => Out::Jsonl(w, Vec::with_capacity(1024)),
            Format::Csv => {
                // one header, written by `push` (`serialize` would add its own)
                let cw = csv::WriterBuilder::new().has_headers(false).from_writer(w);
                Out::Csv(Box::new(cw), false)
            }
            Format::Table | Format::Markdown => Out::Rows(w, Vec::new()),
        };
        let done = pipeline::extract_corpus_each(&args.paths, &extractor, &mut |c| out.push(c))?;
        let failed = done.docs.is_empty() && !done.errors.is_empty();
        run = Some(done);
        if failed {
            // a mistyped path must not replace a previous `-o` file with an
            // empty one (write_atomic keeps the old file on an error)
            return Err(std::io::Error::other(NoInput));
        }
        match out {
            Out::Jsonl(..) => Ok(()),
            Out::Csv(mut cw, header) => {
                if !header {
                    cw.write_record(COLUMNS)?;
                }
                cw.flush()
            }
            Out::Rows(w, rows) => {
                let header = ["file", "line", "kind", "target", "text"];
                if format == Format::Table {
                    super::write_table(w, &header, &rows)
                } else {
                    super::write_markdown(w, &header, &rows)
                }
            }
        }
    };
    let written = match &args.output {
        Some(p) => crate::output::write_atomic(p, write),
        None => {
            let stdout = std::io::stdout();
            // (64 KiB: a corpus's listing is tens of megabytes; eight, the
            // default, made a system call every dozen records)
            let mut lock = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
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
