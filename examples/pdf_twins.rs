//! PDF reading against the reference: for every PDF of a folder (default
//! `../shared/pdf/un-documents-2025`) with a text twin made by
//! `pdftotext -layout` (default `../shared/corpus/un-documents-2025`,
//! `S_RES_2785 (2025).en.pdf` ↔ `S_RES_2785_2025.txt`), compares the sets of
//! cited ids, and times the reading (poppler in this process, one file at a
//! time, so the figure is the library's own cost without process starts).
//!
//! ```sh
//! cargo run --release --example pdf_twins [PDF_DIR [TXT_DIR]]
//! ```

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;
use unxref::extract::{Extractor, Options};
use unxref::input;

fn main() {
    let mut args = std::env::args().skip(1);
    let pdfs = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/pdf/un-documents-2025".into()),
    );
    let twins = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/un-documents-2025".into()),
    );
    let ex = Extractor::new(Options::default()).expect("extractor");
    let ids = |d: &input::SourceDoc| -> BTreeSet<String> {
        ex.extract(d)
            .citations
            .into_iter()
            .map(|c| c.target)
            .collect()
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&pdfs)
        .expect("PDF folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let (mut same, mut total, mut read_secs) = (0, 0, 0.0);
    for p in &files {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name
            .trim_end_matches(".pdf")
            .trim_end_matches(".en")
            .replace(" (", "_")
            .replace(')', "");
        let started = Instant::now();
        let doc = input::read(p);
        read_secs += started.elapsed().as_secs_f64();
        let twin = twins.join(format!("{stem}.txt"));
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                println!("{e}");
                continue;
            }
        };
        let Ok(text) = input::read(&twin) else {
            println!("{name}: no text twin");
            continue;
        };
        total += 1;
        let (a, b) = (ids(&doc), ids(&text));
        if a == b {
            same += 1;
        } else {
            let only_pdf: Vec<_> = a.difference(&b).collect();
            let only_txt: Vec<_> = b.difference(&a).collect();
            println!("{name}: only in PDF {only_pdf:?}, only in text {only_txt:?}");
        }
    }
    println!(
        "{same} of {total} PDFs give the cited ids of their pdftotext -layout twin; \
         {} files read in {read_secs:.2} s ({:.2} s CPU for the whole run, peak {:.0} MiB)",
        files.len(),
        common::cpu_seconds(),
        common::peak_rss_mib()
    );
}
