//! Gephi-style node tables (`nodes.csv`: `Id,Label,…`) → graph nodes with
//! their attributes.
//!
//! Gephi's spreadsheet import and `unxref export --format gephi` write the
//! nodes apart from the edges. Given with its edge list, a node table brings
//! back what an edge list cannot carry: titles, years, kinds, which texts
//! are in the corpus. Columns are matched case-insensitively after
//! trimming: `Id` (required), `title` (or `Label` in tables without a
//! `title` column), `kind`, `year`,
//! `body`, `lang`, `in_corpus`, `file`; others (scores, degrees) are
//! ignored. Delimiter `,`, `;` or tab, guessed from the header line. An
//! empty cell is "missing"; a value that cannot be read (a year that is not
//! a number, an unknown kind) is an error naming the file and line. Ids are
//! normalised like everywhere else ([`super::canonical_id`]); attributes a
//! row leaves missing are guessed from the id as for any cited text.

use super::{CitationGraph, GraphError, NodeMeta, build, canonical_id};
use crate::model::{Body, Kind, Lang};
use std::path::Path;

/// True when `first_line` (a CSV header) names an `Id` column and no
/// `Source`/`Target` columns: a node table rather than an edge list.
pub fn is_node_table(first_line: &[u8]) -> bool {
    let delim = guess_delimiter(first_line);
    let names = header_names(first_line, delim);
    names.iter().any(|n| n == "id") && !names.iter().any(|n| n == "source" || n == "target")
}

/// Reads a node table file.
pub fn load(path: &Path) -> Result<CitationGraph, GraphError> {
    parse(&super::read_file(path)?, path)
}

/// The delimiter that occurs most in the header line (`,` on ties).
fn guess_delimiter(line: &[u8]) -> u8 {
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d), d == b','))
        .expect("three delimiters")
}

/// Lower-cased, trimmed, unquoted column names of a header line.
fn header_names(line: &[u8], delim: u8) -> Vec<String> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .from_reader(line);
    r.records()
        .next()
        .and_then(Result::ok)
        .map(|rec| rec.iter().map(|f| f.trim().to_ascii_lowercase()).collect())
        .unwrap_or_default()
}

/// A body by its output name (`general-assembly`, `security-council`, …).
fn parse_body(s: &str) -> Option<Body> {
    [
        Body::GeneralAssembly,
        Body::SecurityCouncil,
        Body::Ecosoc,
        Body::HumanRightsCouncil,
        Body::Other,
    ]
    .into_iter()
    .find(|b| b.as_str() == s)
}

/// Parses a node table; `path` is only used in error messages.
pub fn parse(bytes: &[u8], path: &Path) -> Result<CitationGraph, GraphError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let err = |line: u64, msg: String| GraphError::EdgeList {
        path: path.to_path_buf(),
        line: line as usize,
        msg,
    };
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let delim = guess_delimiter(first);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let names: Vec<String> = r
        .headers()
        .map_err(|e| err(1, e.to_string()))?
        .iter()
        .map(str::to_ascii_lowercase)
        .collect();
    let col = |name: &str| names.iter().position(|n| n == name);
    let id_col = col("id").ok_or_else(|| err(1, "a node table needs an Id column".into()))?;
    let (title, label) = (col("title"), col("label"));
    let (kind, year, body, lang) = (col("kind"), col("year"), col("body"), col("lang"));
    let (in_corpus, file, date) = (col("in_corpus"), col("file"), col("date"));
    let mut g = CitationGraph::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            err(line, e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        // Cells as `export --format gephi` wrote them: a formula-looking
        // title got a leading `'` there (see [`crate::export::text::csv_safe`]).
        let cell = |c: Option<usize>| {
            c.and_then(|i| rec.get(i))
                .map(crate::export::text::csv_unsafe)
                .filter(|s| !s.is_empty())
        };
        let Some(raw) = cell(Some(id_col)) else {
            if rec.iter().all(str::is_empty) {
                continue;
            }
            return Err(err(line, "empty Id".into()));
        };
        let kind = match cell(kind) {
            None => None,
            Some(k) => Some(
                Kind::parse(k)
                    .ok_or_else(|| err(line, format!("unknown kind {}", super::excerpt(k))))?,
            ),
        };
        let mut meta: NodeMeta = build::external_node(canonical_id(raw), kind);
        if let Some(y) = cell(year) {
            meta.year = Some(y.parse::<i32>().map_err(|_| {
                err(
                    line,
                    format!("year {} is not a whole number", super::excerpt(y)),
                )
            })?);
        }
        if let Some(b) = cell(body) {
            meta.body = Some(
                parse_body(b)
                    .ok_or_else(|| err(line, format!("unknown body {}", super::excerpt(b))))?,
            );
        }
        if let Some(l) = cell(lang) {
            meta.lang = Some(
                Lang::parse(l)
                    .ok_or_else(|| err(line, format!("unknown language {}", super::excerpt(l))))?,
            );
        }
        if let Some(c) = cell(in_corpus) {
            meta.in_corpus = match c.to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => true,
                "false" | "0" | "no" => false,
                _ => {
                    return Err(err(
                        line,
                        format!("in_corpus {} is not true or false", super::excerpt(c)),
                    ));
                }
            };
        }
        // `Label` stands for the title only in tables without a `title`
        // column (ours write a short label beside the title).
        if let Some(t) = cell(title.or(label)) {
            meta.title = t.to_string();
        }
        if let Some(f) = cell(file) {
            meta.file = f.to_string();
        }
        if let Some(d) = cell(date) {
            meta.date = super::metadata::parse_date(d)
                .ok_or_else(|| err(line, format!("unreadable date {d:?}")))?;
        }
        g.upsert_node(meta);
    }
    Ok(g)
}
