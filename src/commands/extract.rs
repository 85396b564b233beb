//! `unxref extract PATH...` — citations of every document, as a table,
//! JSON Lines or CSV.

use super::{Format, Status};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::Lang;
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

const COLUMNS: [&str; 12] = [
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
];

/// A citation's cells in [`COLUMNS`] order.
fn citation_cells(c: &crate::model::Citation) -> [String; 12] {
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
    ]
}

/// Runs `unxref extract`.
pub fn run(args: &ExtractArgs) -> Result<Status> {
    let extractor =
        Extractor::new(args.reading.extract_options()).map_err(|e| Error::Usage(e.to_string()))?;
    let run = pipeline::extract_corpus(&args.paths, &extractor, &|| {});
    super::report_run(&run, args.reading.quiet);
    if run.docs.is_empty() && !run.errors.is_empty() {
        // a mistyped path must not replace a previous `-o` file with an empty one
        return Err(Error::Usage("no input could be used".into()));
    }
    let format = args.format.unwrap_or_else(super::default_format);
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        let cites = run.docs.iter().flat_map(|d| d.citations.iter());
        match format {
            Format::Jsonl => {
                for c in cites {
                    serde_json::to_writer(&mut *w, c)?;
                    w.write_all(b"\n")?;
                }
            }
            Format::Csv => {
                // one header, written here even when there is no record
                // (`serialize` would write its own on the first record)
                let mut cw = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut *w);
                cw.write_record(COLUMNS)?;
                for c in cites {
                    cw.write_record(crate::export::text::csv_record(&citation_cells(c)))?;
                }
                cw.flush()?;
            }
            Format::Table | Format::Markdown => {
                let header = ["file", "line", "kind", "target", "text"];
                let rows: Vec<Vec<String>> = cites
                    .map(|c| {
                        vec![
                            c.file.clone(),
                            c.line.to_string(),
                            c.kind.to_string(),
                            c.target.clone(),
                            c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        ]
                    })
                    .collect();
                if format == Format::Table {
                    super::write_table(w, &header, &rows)?;
                } else {
                    super::write_markdown(w, &header, &rows)?;
                }
            }
        }
        Ok(())
    };
    match &args.output {
        Some(p) => crate::output::write_atomic(p, write)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            match write(&mut lock).and_then(|_| lock.flush()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => {
                    return Err(Error::Write {
                        path: "<stdout>".into(),
                        source: e,
                    });
                }
            }
        }
    }
    Ok(Status::from_failures(!run.errors.is_empty()))
}
