//! Measures the named-instrument matcher: table build time and MB/s over a
//! folder of `.txt` files (default `../shared/corpus`); `--hits` prints every
//! hit (`file<TAB>target<TAB>matched text`) to check for false hits.
//!
//! With `--langs` it also times `lang::detect` and `fold::fold_script` over
//! the same texts and prints every file not detected as English
//! (`file<TAB>lang`).
//!
//! `cargo run --release --example instruments_speed -- [DIR] [--hits] [--langs]`

#[path = "common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;
use unxref::extract::instruments::InstrumentTable;
use unxref::extract::{fold, lang};
use unxref::model::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--hits");
    let langs = args.iter().any(|a| a == "--langs");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| common::shared_corpus().into());
    let t0 = Instant::now();
    let table = InstrumentTable::builtin();
    let build = t0.elapsed();
    let files = common::files_under(Path::new(&dir), Some("txt"));
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|p| {
            std::fs::read(&p)
                .ok()
                .map(|b| (p, String::from_utf8_lossy(&b).into_owned()))
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let t1 = Instant::now();
    let mut hits = 0usize;
    for (p, t) in &texts {
        let found = table.find(t);
        hits += found.len();
        if show {
            for h in found {
                let m = t[h.start..h.end].replace(['\n', '\t'], " ");
                println!("{}\t{}\t{}", p.display(), h.target, m);
            }
        }
    }
    let scan = t1.elapsed();
    eprintln!(
        "table: {} instruments, {} patterns, built in {:.1} ms",
        table.len(),
        table.patterns_len(),
        build.as_secs_f64() * 1e3
    );
    eprintln!(
        "scan: {} files, {:.1} MB, {} hits in {:.3} s = {:.0} MB/s (one thread)",
        texts.len(),
        bytes as f64 / 1e6,
        hits,
        scan.as_secs_f64(),
        bytes as f64 / 1e6 / scan.as_secs_f64()
    );
    if langs {
        let t2 = Instant::now();
        let mut counts = std::collections::BTreeMap::new();
        for (p, t) in &texts {
            let l = lang::detect(t);
            *counts.entry(l.as_str()).or_insert(0usize) += 1;
            if l != Lang::En {
                println!("{}\t{}", p.display(), l.as_str());
            }
        }
        let detect = t2.elapsed();
        let t3 = Instant::now();
        let mut folded = 0usize;
        for (_, t) in &texts {
            folded += fold::fold_script(t).text.len();
        }
        let fold_t = t3.elapsed();
        eprintln!(
            "detect: {:?} in {:.3} s ({} files)",
            counts,
            detect.as_secs_f64(),
            texts.len()
        );
        eprintln!(
            "fold: {:.1} MB in {:.3} s = {:.0} MB/s (one thread)",
            folded as f64 / 1e6,
            fold_t.as_secs_f64(),
            bytes as f64 / 1e6 / fold_t.as_secs_f64()
        );
    }
}
