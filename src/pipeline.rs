//! Runs stages 1–2 over a whole corpus: discovers files, reads and extracts
//! them in parallel (rayon), and keeps the results in input order so that
//! every output is deterministic.

use crate::extract::{Extracted, Extractor};
use crate::input::{self, InputError};
use rayon::prelude::*;
use std::path::PathBuf;

/// The outcome of extracting a corpus.
#[derive(Debug, Default)]
pub struct CorpusRun {
    /// One entry per document read, in input order.
    pub docs: Vec<Extracted>,
    /// Documents or paths that could not be used.
    pub errors: Vec<InputError>,
    /// Files passed over in folders (not a supported kind).
    pub skipped: Vec<String>,
}

/// Discovers, reads and extracts every document under `inputs`.
/// `on_done` is called once per file, from worker threads (for progress).
pub fn extract_corpus(
    inputs: &[PathBuf],
    extractor: &Extractor,
    on_done: &(dyn Fn() + Sync),
) -> CorpusRun {
    let found = input::discover(inputs);
    let results: Vec<Result<Extracted, InputError>> = found
        .files
        .par_iter()
        .map(|p| {
            let r = input::read(p).map(|doc| extractor.extract(&doc));
            on_done();
            r
        })
        .collect();
    let mut run = CorpusRun {
        errors: found.errors,
        skipped: found.skipped,
        ..CorpusRun::default()
    };
    for r in results {
        match r {
            Ok(d) => run.docs.push(d),
            Err(e) => run.errors.push(e),
        }
    }
    run
}

/// Number of files `inputs` expands to (for sizing a progress bar).
pub fn count_files(inputs: &[PathBuf]) -> usize {
    input::discover(inputs).files.len()
}
