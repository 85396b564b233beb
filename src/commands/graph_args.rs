//! What the graph commands (`graph`, `cited-by`, `cites`, `show`, `path`,
//! `rank`, `related`, `stats`) share: the INPUT... arguments and their
//! loading, and typed listing output in the four formats.

use super::{Format, note};
use crate::error::{Error, Result};
use crate::graph::edgelist;
use crate::graph::input::{
    InputKind, LoadOptions, Loaded, edge_list_notes, load_inputs, single_input,
};
use crate::graph::lean::EdgeListGraph;
use crate::graph::{CitationGraph, NodeMeta};
use crate::model::Kind;
use petgraph::graph::NodeIndex;
use std::io::Write;
use std::path::PathBuf;

/// INPUT... and the options every graph command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Corpus files or folders (extracted on the fly), saved graphs
    /// (`.json`) and edge-list CSVs (`Source,Target[,Weight]`), merged.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output format (default: table on a terminal, else jsonl).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Corpus reading options.
    #[command(flatten)]
    pub reading: super::CorpusArgs,
}

impl InputArgs {
    /// The chosen output format.
    pub fn format(&self) -> Format {
        self.format.unwrap_or_else(super::default_format)
    }
}

/// Parses a `--kind` value.
pub fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("unknown kind {s:?}: use one of {}", names.join(", "))
    })
}

/// Loads the inputs, prints notes and per-input errors on stderr, and
/// returns the graph with `true` when some input failed. Fails when no
/// input could be used at all.
pub fn load(args: &InputArgs) -> Result<(Loaded, bool)> {
    let opts = LoadOptions {
        extract: args.reading.extract_options(),
        metadata: args.reading.metadata.clone(),
    };
    let loaded = load_inputs(&args.inputs, &opts)?;
    for n in &loaded.notes {
        note(args.reading.quiet, n);
    }
    for e in &loaded.errors {
        eprintln!("unxref: {e}");
    }
    let failed = !loaded.errors.is_empty();
    if failed && loaded.graph.node_count() == 0 {
        return Err(Error::Usage("no input could be used".into()));
    }
    Ok((loaded, failed))
}

/// [`load`] for a command that can work on a graph held lean: when the
/// only input is of one of `kinds` (an edge list; a saved graph for the
/// order-free measures, its arcs being sorted by cited node) and no
/// `--metadata` is given, loads it as [`EdgeListGraph`], printing the same
/// notes and errors as [`load`]; `None` otherwise (then call [`load`]).
pub fn load_lean(args: &InputArgs, kinds: &[InputKind]) -> Result<Option<EdgeListGraph>> {
    let opts = LoadOptions {
        extract: Default::default(),
        metadata: args.reading.metadata.clone(),
    };
    let Some((path, kind)) = single_input(&args.inputs, &opts, kinds) else {
        return Ok(None);
    };
    let got = match kind {
        InputKind::EdgeList => edgelist::load_lean(path).map(|(g, report)| {
            for n in edge_list_notes(path, &report) {
                note(args.reading.quiet, &n);
            }
            g
        }),
        _ => crate::graph::store::load_lean(path),
    };
    match got {
        Ok(g) => Ok(Some(g)),
        Err(e) => {
            eprintln!("unxref: {}", Error::from(e));
            Err(Error::Usage("no input could be used".into()))
        }
    }
}

/// One typed value of a listing: numbers stay numbers in JSON Lines.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// An integer.
    Int(i64),
    /// A real number (scores, weights).
    Num(f64),
    /// A flag.
    Bool(bool),
    /// No value (empty in tables and CSV, `null` in JSON).
    Empty,
}

impl Cell {
    /// Text, or `Empty` when it is empty.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// A year, or `Empty`.
    pub fn year(y: Option<i32>) -> Cell {
        y.map_or(Cell::Empty, |y| Cell::Int(y as i64))
    }

    /// A kind name, or `Empty`.
    pub fn kind(k: Option<Kind>) -> Cell {
        k.map_or(Cell::Empty, |k| Cell::Text(k.as_str().into()))
    }

    /// A weight or score: whole numbers print without decimals.
    pub fn num(v: f64) -> Cell {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            Cell::Int(v as i64)
        } else {
            Cell::Num(v)
        }
    }

    /// Full-precision text (CSV): Rust's shortest round-trip form.
    fn exact(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(i) => i.to_string(),
            Cell::Num(v) => v.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// Rounded text for reading (tables, Markdown): six decimals without
    /// trailing zeros, or four significant digits for tiny values.
    fn readable(&self) -> String {
        match self {
            Cell::Num(v) if v.abs() >= 0.001 || *v == 0.0 => {
                let s = format!("{v:.6}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
            Cell::Num(v) => format!("{v:.4e}"),
            other => other.exact(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(s) => serde_json::Value::String(s.clone()),
            Cell::Int(i) => (*i).into(),
            Cell::Num(v) => {
                serde_json::Number::from_f64(*v).map_or(serde_json::Value::Null, Into::into)
            }
            Cell::Bool(b) => (*b).into(),
            Cell::Empty => serde_json::Value::Null,
        }
    }
}

/// Writes a listing: `header` names the columns (and the JSON keys).
pub fn write_rows(
    w: &mut dyn Write,
    format: Format,
    header: &[&str],
    rows: &[Vec<Cell>],
) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            for r in rows {
                w.write_all(b"{")?;
                for (i, (h, c)) in header.iter().zip(r).enumerate() {
                    if i > 0 {
                        w.write_all(b",")?;
                    }
                    serde_json::to_writer(&mut *w, h)?;
                    w.write_all(b":")?;
                    serde_json::to_writer(&mut *w, &c.json())?;
                }
                w.write_all(b"}\n")?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut cw = csv::Writer::from_writer(&mut *w);
            cw.write_record(header)?;
            for r in rows {
                let cells: Vec<String> = r.iter().map(Cell::exact).collect();
                cw.write_record(crate::export::text::csv_record(&cells))?;
            }
            cw.flush()
        }
        Format::Table | Format::Markdown => {
            let text: Vec<Vec<String>> = rows
                .iter()
                .map(|r| r.iter().map(Cell::readable).collect())
                .collect();
            if format == Format::Table {
                super::write_table(w, header, &text)
            } else {
                super::write_markdown(w, header, &text)
            }
        }
    }
}

/// Runs `fill` on buffered standard output; a closed pipe is not an error.
pub fn to_stdout(fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = std::io::BufWriter::new(stdout.lock());
    match fill(&mut lock).and_then(|_| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Write {
            path: "<stdout>".into(),
            source: e,
        }),
    }
}

/// The usual columns describing a node: id, kind, year, title.
pub fn node_cells(g: &CitationGraph, n: NodeIndex) -> [Cell; 4] {
    meta_cells(g.meta(n))
}

/// [`node_cells`] from a node's attributes.
pub fn meta_cells(m: &NodeMeta) -> [Cell; 4] {
    [
        Cell::Text(m.id.clone()),
        Cell::kind(m.kind),
        Cell::year(m.year),
        Cell::text(m.title.clone()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_in_every_format() {
        let table = [
            (Cell::num(2.0), "2", "2", "2"),
            (Cell::num(2.5), "2.5", "2.5", "2.5"),
            (
                Cell::Num(0.1041612345),
                "0.104161",
                "0.1041612345",
                "0.1041612345",
            ),
            (Cell::Num(1.5e-7), "1.5000e-7", "0.00000015", "1.5e-7"),
            (Cell::text(""), "", "", "null"),
            (Cell::year(Some(2014)), "2014", "2014", "2014"),
            (Cell::Bool(true), "true", "true", "true"),
            (Cell::text("a\"b"), "a\"b", "a\"b", "\"a\\\"b\""),
        ];
        for (cell, readable, exact, json) in table {
            assert_eq!(cell.readable(), readable, "{cell:?}");
            assert_eq!(cell.exact(), exact, "{cell:?}");
            assert_eq!(cell.json().to_string(), json, "{cell:?}");
        }
    }

    #[test]
    fn rows_in_every_format() {
        let header = ["id", "score"];
        let rows = vec![vec![Cell::text("A/RES/1|2"), Cell::num(0.5)]];
        let out = |f| {
            let mut v = Vec::new();
            write_rows(&mut v, f, &header, &rows).unwrap();
            String::from_utf8(v).unwrap()
        };
        assert_eq!(out(Format::Csv), "id,score\nA/RES/1|2,0.5\n");
        assert_eq!(out(Format::Jsonl), "{\"id\":\"A/RES/1|2\",\"score\":0.5}\n");
        assert_eq!(
            out(Format::Markdown),
            "| id | score |\n|---|---|\n| A/RES/1\\|2 | 0.5 |\n"
        );
        assert_eq!(
            out(Format::Table),
            "id         score\n---------  -----\nA/RES/1|2  0.5\n"
        );
    }
}
