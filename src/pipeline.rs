//! Runs stages 1–2 over a whole corpus: discovers files, reads and extracts
//! them in parallel (rayon), and keeps the results in input order so that
//! every output is deterministic.
//!
//! [`extract_corpus`] keeps every document's citations (what the graph
//! needs); [`extract_corpus_each`] hands them over in order as they are
//! made and keeps none (what `unxref extract` needs: memory stays bounded
//! whatever the corpus and whatever one document holds).

use crate::extract::{Extracted, Extractor};
use crate::input::{self, InputError};
use crate::model::Citation;
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

/// Files at least this large are extracted alone, on the calling thread,
/// their citations going to the sink as they are made.
const STREAM_FROM: u64 = 4 << 20;
/// Smaller files are extracted in parallel in windows of at most this many
/// files …
const WINDOW_FILES: usize = 64;
/// … and this many bytes; a window's citations are held until it is done.
const WINDOW_BYTES: u64 = 32 << 20;

/// Like [`extract_corpus`], but gives every citation to `sink`, in input
/// order and text order, and returns the documents without their citations
/// (identity and notes only). Small files are extracted in parallel, a
/// window of them at a time; large ones (and standard input) one at a time
/// with their citations streamed as they are made, so that peak memory is
/// that of the largest document's texts and matches, not of its citations
/// or of the corpus. Stops at the first error of `sink` and returns it.
pub fn extract_corpus_each(
    inputs: &[PathBuf],
    extractor: &Extractor,
    sink: &mut dyn FnMut(Citation) -> std::io::Result<()>,
) -> std::io::Result<CorpusRun> {
    let found = input::discover(inputs);
    let mut run = CorpusRun {
        errors: found.errors,
        skipped: found.skipped,
        ..CorpusRun::default()
    };
    let files = &found.files;
    let size = |p: &PathBuf| {
        if p.as_os_str() == "-" {
            u64::MAX
        } else {
            std::fs::metadata(p).map_or(0, |m| m.len())
        }
    };
    let sizes: Vec<u64> = files.iter().map(size).collect();
    // A window's citations go to the sink (on this thread) while the next
    // window is extracted (on the pool): writing JSON or CSV is then off
    // the critical path.
    let mut pending: Vec<Result<Extracted, InputError>> = Vec::new();
    let mut i = 0;
    while i < files.len() {
        if sizes[i] >= STREAM_FROM {
            flush(std::mem::take(&mut pending), sink, &mut run)?;
            match input::read(&files[i]) {
                Ok(doc) => {
                    let mut failed = None;
                    let info = extractor.extract_each_owned(doc, &mut |c| {
                        if failed.is_none() {
                            failed = sink(c).err();
                        }
                    });
                    if let Some(e) = failed {
                        return Err(e);
                    }
                    run.docs.push(Extracted {
                        info,
                        citations: Vec::new(),
                    });
                }
                Err(e) => run.errors.push(e),
            }
            i += 1;
            continue;
        }
        let mut j = i;
        let mut bytes = 0;
        while j < files.len()
            && j - i < WINDOW_FILES
            && sizes[j] < STREAM_FROM
            && bytes < WINDOW_BYTES
        {
            bytes += sizes[j];
            j += 1;
        }
        let window = &files[i..j];
        let previous = std::mem::take(&mut pending);
        pending = std::thread::scope(|scope| {
            let next = scope.spawn(|| {
                window
                    .par_iter()
                    .map(|p| input::read(p).map(|doc| extractor.extract(&doc)))
                    .collect::<Vec<_>>()
            });
            let written = flush(previous, sink, &mut run);
            // A panic in an extraction is a bug: pass it on as it is.
            let next = next.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            written.map(|()| next)
        })?;
        i = j;
    }
    flush(pending, sink, &mut run)?;
    Ok(run)
}

/// Gives a window's citations to `sink`, in order, and keeps its documents
/// (without their citations) and errors in `run`.
fn flush(
    results: Vec<Result<Extracted, InputError>>,
    sink: &mut dyn FnMut(Citation) -> std::io::Result<()>,
    run: &mut CorpusRun,
) -> std::io::Result<()> {
    for r in results {
        match r {
            Ok(d) => {
                for c in d.citations {
                    sink(c)?;
                }
                run.docs.push(Extracted {
                    info: d.info,
                    citations: Vec::new(),
                });
            }
            Err(e) => run.errors.push(e),
        }
    }
    Ok(())
}

/// Number of files `inputs` expands to (for sizing a progress bar).
pub fn count_files(inputs: &[PathBuf]) -> usize {
    input::discover(inputs).files.len()
}
