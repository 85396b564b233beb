//! Extraction speed, in memory: reads every document under a folder (default
//! `../shared/corpus`), then times `Extractor::extract` alone (no I/O, no
//! output) single-threaded and with rayon over documents, and prints MB/s.
//!
//! ```sh
//! cargo run --release --example bench_extract [-- FOLDER [ROUNDS]]
//! ```

#[path = "common/mod.rs"]
mod common;

use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;
use unxref::extract::{Extractor, Options};
use unxref::input;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let default = common::shared_corpus();
    let root = PathBuf::from(args.get(1).map_or(default, |s| s.as_str()));
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let found = input::discover(std::slice::from_ref(&root));
    let docs: Vec<input::SourceDoc> = found
        .files
        .iter()
        .filter_map(|p| input::read(p).ok())
        .collect();
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "{} documents, {:.1} MB from {}",
        docs.len(),
        mb,
        root.display()
    );
    let ex = Extractor::new(Options::default()).expect("extractor");
    let mut best_seq = f64::MAX;
    let mut best_par = f64::MAX;
    let mut n = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        n = docs
            .iter()
            .map(|d| ex.extract(d).citations.len())
            .sum::<usize>();
        best_seq = best_seq.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let m: usize = docs.par_iter().map(|d| ex.extract(d).citations.len()).sum();
        best_par = best_par.min(t.elapsed().as_secs_f64());
        assert_eq!(n, m);
    }
    println!("{n} citations");
    println!("1 thread : {:.3} s  {:.0} MB/s", best_seq, mb / best_seq);
    println!(
        "{} threads: {:.3} s  {:.0} MB/s",
        rayon::current_num_threads(),
        best_par,
        mb / best_par
    );
}
