//! Table-driven extraction tests: every `tests/cases/*.tsv` file.
//!
//! Format (shared by all case files): `#` comment lines and blank lines are
//! ignored; other lines have three TAB-separated columns:
//! 1. `body` — `ga`, `sc`, `ecosoc`, `hrc` or `none`: the body that adopted
//!    the citing text (what "its resolution" refers to);
//! 2. `text` — the passage, with `\n` for a newline, `\t` for a tab and `\\`
//!    for a backslash;
//! 3. `expected` — the canonical targets, in order of first appearance, each
//!    once, joined by ` | ` (empty: no citation at all).
//!
//! The file stem, when it is a language code (`en.tsv`), forces that
//! language; other files (`instruments.tsv`) let it be detected. All
//! failures of all files are reported together.

#[path = "support/tables.rs"]
mod tables;

use unxref::extract::{Extractor, Options};

#[test]
fn all_case_tables() {
    let files = tables::table_files("tests/cases");
    assert!(!files.is_empty());
    let ex = Extractor::new(Options::default()).unwrap();
    let mut failures = Vec::new();
    let rows = tables::read_rows(&files, &mut failures);
    assert!(!rows.is_empty(), "no table rows read");
    for row in &rows {
        let want: Vec<&str> = if row.want.is_empty() {
            Vec::new()
        } else {
            row.want.split(" | ").map(str::trim).collect()
        };
        let cites = ex.extract_snippet(&row.text, row.body, row.lang);
        let mut got: Vec<&str> = Vec::new();
        for c in &cites {
            assert_eq!(&row.text[c.start..c.end], c.text, "{}", row.at);
            if !got.contains(&c.target.as_str()) {
                got.push(&c.target);
            }
        }
        tables::compare(row, &want, &got, &mut failures);
    }
    tables::assert_none_failed(&failures, rows.len());
}
