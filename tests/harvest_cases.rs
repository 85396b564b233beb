//! Table-driven tests for the titles and dates harvested with citations:
//! every `tests/harvest/*.tsv` file (the stem is the language forced).
//!
//! Format: `#` comment lines and blank lines are ignored; other lines have
//! three TAB-separated columns: the body that adopted the citing text
//! (`ga`, `sc`, `ecosoc`, `hrc`, `none`), the text (`\n` newline, `\t`
//! tab, `\\` backslash), and the expected harvest: one entry per citation
//! carrying a title or a date, in text order, `TARGET ; TITLE ; DATE`
//! (either part empty when not given), joined by ` | ` (empty: none).
//!
//! These live beside `tests/cases/` rather than in it: the extraction
//! cases there are read by `extract_cases.rs` with another third column.

#[path = "support/tables.rs"]
mod tables;

use unxref::extract::{Extractor, Options};

#[test]
fn harvest_tables() {
    let files = tables::table_files("tests/harvest");
    let langs: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(langs, ["ar", "en", "es", "fr", "ru", "zh"]);
    let ex = Extractor::new(Options::default()).unwrap();
    let mut failures = Vec::new();
    let rows = tables::read_rows(&files, &mut failures);
    assert!(!rows.is_empty(), "no table rows read");
    for row in &rows {
        let want: Vec<String> = if row.want.is_empty() {
            Vec::new()
        } else {
            row.want
                .split(" | ")
                .map(|e| {
                    let p: Vec<&str> = e.split(';').map(str::trim).collect();
                    p.join(" ; ")
                })
                .collect()
        };
        let got: Vec<String> = ex
            .extract_snippet(&row.text, row.body, row.lang)
            .iter()
            .filter(|c| !c.cited_title.is_empty() || !c.cited_date.is_empty())
            .map(|c| format!("{} ; {} ; {}", c.target, c.cited_title, c.cited_date))
            .collect();
        tables::compare(row, &want, &got, &mut failures);
    }
    tables::assert_none_failed(&failures, rows.len());
}
