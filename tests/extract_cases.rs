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

use std::path::Path;
use unxref::extract::{Extractor, Options};
use unxref::model::{Body, Lang};

fn unescape(s: &str) -> String {
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

fn body(s: &str) -> Result<Option<Body>, String> {
    Ok(match s.trim() {
        "ga" => Some(Body::GeneralAssembly),
        "sc" => Some(Body::SecurityCouncil),
        "ecosoc" => Some(Body::Ecosoc),
        "hrc" => Some(Body::HumanRightsCouncil),
        "none" | "" => None,
        o => return Err(format!("unknown body {o:?}")),
    })
}

#[test]
fn all_case_tables() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let ex = Extractor::new(Options::default()).unwrap();
    let mut failures = Vec::new();
    let mut rows = 0;
    for f in &files {
        let lang = f
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(Lang::parse)
            .filter(|l| *l != Lang::Unknown);
        let content = std::fs::read_to_string(f).unwrap();
        let name = Path::new(f)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for (i, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols.len() > 3 {
                failures.push(format!(
                    "{name}:{}: expected 3 columns, got {}",
                    i + 1,
                    cols.len()
                ));
                continue;
            }
            let b = match body(cols[0]) {
                Ok(b) => b,
                Err(e) => {
                    failures.push(format!("{name}:{}: {e}", i + 1));
                    continue;
                }
            };
            let text = unescape(cols[1]);
            let want: Vec<String> = cols
                .get(2)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| s.split(" | ").map(|t| t.trim().to_string()).collect())
                .unwrap_or_default();
            rows += 1;
            let cites = ex.extract_snippet(&text, b, lang);
            let mut got: Vec<String> = Vec::new();
            for c in &cites {
                assert_eq!(&text[c.start..c.end], c.text, "{name}:{}", i + 1);
                if !got.contains(&c.target) {
                    got.push(c.target.clone());
                }
            }
            if got != want {
                failures.push(format!(
                    "{name}:{}: {:?}\n    want: {}\n    got:  {}",
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
        "{} of {rows} case rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
