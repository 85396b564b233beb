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

use unxref::extract::{Extractor, Options};
use unxref::model::{Body, Lang};

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("\\\\", "\\")
}

fn body(s: &str) -> Option<Body> {
    match s.trim() {
        "ga" => Some(Body::GeneralAssembly),
        "sc" => Some(Body::SecurityCouncil),
        "ecosoc" => Some(Body::Ecosoc),
        "hrc" => Some(Body::HumanRightsCouncil),
        _ => None,
    }
}

#[test]
fn harvest_tables() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/harvest");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/harvest exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let langs: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(langs, ["ar", "en", "es", "fr", "ru", "zh"]);
    let ex = Extractor::new(Options::default()).unwrap();
    let mut failures = Vec::new();
    let mut rows = 0;
    for f in &files {
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        let lang = Lang::parse(&stem);
        let content = std::fs::read_to_string(f).unwrap();
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if !(2..=3).contains(&cols.len()) {
                failures.push(format!("{stem}.tsv:{}: expected 3 columns", i + 1));
                continue;
            }
            rows += 1;
            let text = unescape(cols[1]);
            let want: Vec<String> = cols
                .get(2)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.split(" | ")
                        .map(|e| {
                            let p: Vec<&str> = e.split(';').map(str::trim).collect();
                            p.join(" ; ")
                        })
                        .collect()
                })
                .unwrap_or_default();
            let got: Vec<String> = ex
                .extract_snippet(&text, body(cols[0]), lang)
                .iter()
                .filter(|c| !c.cited_title.is_empty() || !c.cited_date.is_empty())
                .map(|c| format!("{} ; {} ; {}", c.target, c.cited_title, c.cited_date))
                .collect();
            if got != want {
                failures.push(format!(
                    "{stem}.tsv:{}: {:?}\n    want: {}\n    got:  {}",
                    i + 1,
                    cols[1],
                    want.join(" | "),
                    got.join(" | ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
