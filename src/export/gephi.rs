//! Gephi's spreadsheet (CSV) import: `nodes.csv` and `edges.csv`.
//!
//! What Gephi's importer expects (see `/work/shared/reference/tools-notes.md`)
//! and how these files meet it:
//! - headers unique and non-empty; `Id`, `Label` for nodes, `Source`,
//!   `Target`, `Type`, `Weight`, `Id` for edges (other columns become
//!   attributes; Gephi reads the edge `kind` column as its edge "Kind");
//! - UTF-8, comma-separated, `"`-quoted only where needed;
//! - a backslash is an escape character for Gephi: backslashes in text are
//!   replaced by `/`; fields are put on one line and trimmed (Gephi trims);
//! - column types are guessed from the first 25 rows and later values that do
//!   not fit are dropped. Floats are always written with a decimal point
//!   (`1.0`), integers without. A **missing year is an empty field** (Gephi's
//!   "missing", not a fake number such as 0, which would sit in every
//!   timeline and year filter); so that the first 25 rows never mislead the
//!   type guess, nodes are written by year, those with a year first (if any
//!   node has a year, the first row has one and every non-empty year is an
//!   integer);
//! - every edge has a unique `Id` (its row number) and `Type` = `Directed`;
//! - a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
//!   `'` so that a spreadsheet shows it instead of running it as a formula
//!   (numbers are left as they are).

use super::View;
use super::text::{csv_safe, float, one_line, short_label};
use std::io::{self, Write};

/// Header of `nodes.csv`.
pub const NODE_COLUMNS: [&str; 12] = [
    "Id",
    "Label",
    "kind",
    "year",
    "title",
    "in_corpus",
    "pagerank",
    "in_degree",
    "out_degree",
    "body",
    "lang",
    "file",
];

/// Header of `edges.csv`.
pub const EDGE_COLUMNS: [&str; 9] = [
    "Source",
    "Target",
    "Type",
    "Weight",
    "Id",
    "kind",
    "cue",
    "paragraph",
    "flagged",
];

/// A text field as Gephi reads it back unchanged: one line, trimmed, no
/// backslash; a cell a spreadsheet would run as a formula gets a leading `'`
/// (see [`csv_safe`]).
pub fn field(s: &str) -> String {
    csv_safe(&one_line(&s.replace('\\', "/"))).into_owned()
}

/// Writes `nodes.csv`.
pub fn write_nodes(w: &mut dyn Write, view: &View) -> io::Result<()> {
    let mut cw = csv::Writer::from_writer(w);
    cw.write_record(NODE_COLUMNS)?;
    let mut order: Vec<usize> = (0..view.nodes.len()).collect();
    // dated nodes first, by year; ties (and undated nodes) by id
    order.sort_by_key(|&i| {
        let y = view.graph.meta(view.nodes[i]).year;
        (y.is_none(), y, i)
    });
    for i in order {
        let n = view.nodes[i];
        let m = view.graph.meta(n);
        cw.write_record([
            field(&m.id),
            field(&short_label(&m.id)),
            view.kinds[i].map(|k| k.as_str()).unwrap_or("").to_string(),
            m.year.map(|y| y.to_string()).unwrap_or_default(),
            field(&m.title),
            m.in_corpus.to_string(),
            float(view.pagerank(n)),
            view.in_degree(n).to_string(),
            view.out_degree(n).to_string(),
            m.body.map(|b| b.as_str()).unwrap_or("").to_string(),
            m.lang.map(|l| l.as_str()).unwrap_or("").to_string(),
            field(&m.file),
        ])?;
    }
    cw.flush()
}

/// Writes `edges.csv`; the edge `kind` is the kind of the cited text.
pub fn write_edges(w: &mut dyn Write, view: &View) -> io::Result<()> {
    let mut cw = csv::Writer::from_writer(w);
    cw.write_record(EDGE_COLUMNS)?;
    // cleaned once per node, reused by every edge
    let ids: Vec<String> = view
        .nodes
        .iter()
        .map(|&n| field(&view.graph.meta(n).id))
        .collect();
    for (i, &(s, t, e)) in view.edges.iter().enumerate() {
        let meta = &view.graph.graph[e];
        cw.write_record([
            ids[s as usize].as_str(),
            ids[t as usize].as_str(),
            "Directed",
            &float(meta.weight),
            &i.to_string(),
            view.kinds[t as usize].map(|k| k.as_str()).unwrap_or(""),
            &field(&meta.cue),
            &field(&meta.paragraph),
            if meta.flagged { "true" } else { "false" },
        ])?;
    }
    cw.flush()
}
