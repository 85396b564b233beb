//! The reader of the test tables (`tests/cases/*.tsv`, `tests/harvest/*.tsv`):
//! one row per line, `#` comment lines and blank lines skipped, columns
//! separated by TAB — the adopting body (`ga`, `sc`, `ecosoc`, `hrc`,
//! `none`), the text (`\n` newline, `\t` tab, `\\` backslash) and the
//! expected result (its format is the test's). Included with
//! `#[path = "support/tables.rs"] mod tables;`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use unxref::model::{Body, Lang};

/// One row of a table.
pub struct Row {
    /// `file.tsv:line`, for messages.
    pub at: String,
    /// The body that adopted the citing text.
    pub body: Option<Body>,
    /// The text, unescaped.
    pub text: String,
    /// The third column, trimmed (empty when absent).
    pub want: String,
    /// The language the file's stem names (`en.tsv`), if any.
    pub lang: Option<Lang>,
}

/// `\n`, `\t` and `\\` as the characters they stand for; any other
/// backslash is kept.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('\\') => out.push('\\'),
                Some(o) => {
                    out.push('\\');
                    out.push(o);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The body named in the first column.
pub fn body(s: &str) -> Result<Option<Body>, String> {
    Ok(match s.trim() {
        "ga" => Some(Body::GeneralAssembly),
        "sc" => Some(Body::SecurityCouncil),
        "ecosoc" => Some(Body::Ecosoc),
        "hrc" => Some(Body::HumanRightsCouncil),
        "none" | "" => None,
        o => return Err(format!("unknown body {o:?}")),
    })
}

/// The `.tsv` files of `dir` (under the crate), sorted.
pub fn table_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    files
}

/// Every row of the tables in `files`; malformed rows (other than two or
/// three columns, an unknown body) are pushed to `failures` instead.
pub fn read_rows(files: &[PathBuf], failures: &mut Vec<String>) -> Vec<Row> {
    let mut rows = Vec::new();
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lang = f
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(Lang::parse)
            .filter(|l| *l != Lang::Unknown);
        let content = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("{name}:{}", i + 1);
            let cols: Vec<&str> = line.split('\t').collect();
            if !(2..=3).contains(&cols.len()) {
                failures.push(format!("{at}: expected 3 columns, got {}", cols.len()));
                continue;
            }
            match body(cols[0]) {
                Ok(body) => rows.push(Row {
                    at,
                    body,
                    text: unescape(cols[1]),
                    want: cols.get(2).map_or("", |s| s.trim()).to_string(),
                    lang,
                }),
                Err(e) => failures.push(format!("{at}: {e}")),
            }
        }
    }
    rows
}

/// Records a failure of `row` when what was found (`got`) is not what the
/// table expects (`want`), both as lists of entries.
pub fn compare<T: AsRef<str> + PartialEq<U>, U: AsRef<str>>(
    row: &Row,
    want: &[T],
    got: &[U],
    failures: &mut Vec<String>,
) {
    if want.len() == got.len() && want.iter().zip(got).all(|(w, g)| w == g) {
        return;
    }
    let join = |v: Vec<&str>| v.join(" | ");
    failures.push(format!(
        "{}: {:?}\n    want: {}\n    got:  {}",
        row.at,
        row.text,
        join(want.iter().map(AsRef::as_ref).collect()),
        join(got.iter().map(AsRef::as_ref).collect())
    ));
}

/// Fails with every failure listed, when there is any.
pub fn assert_none_failed(failures: &[String], rows: usize) {
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
