//! Runs stages 1–2 over a whole corpus: discovers files, reads and extracts
//! them in parallel (one worker per rayon thread), and keeps the results in
//! input order so that every output is deterministic.
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
    let (found, ()) = rayon::join(|| input::discover(inputs), || extractor.warm_up());
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
/// Smaller files are extracted by a pool of workers, each taking the next
/// file as soon as it is free, at most this many files …
const AHEAD_FILES: usize = 256;
/// … and this many bytes of files ahead of the one being written: the
/// citations of files done early are held until their turn.
const AHEAD_BYTES: u64 = 32 << 20;

/// Like [`extract_corpus`], but gives every citation to `sink`, in input
/// order and text order, and returns the documents without their citations
/// (identity and notes only). Small files are extracted in parallel, by
/// workers that each take the next file as soon as they are free, while
/// this thread gives the finished ones to `sink` in input order (see
/// `in_order`); large ones (and standard input) one at a time with their
/// citations streamed as they are made, so that peak memory is that of the
/// largest document's texts and matches, not of its citations or of the
/// corpus. Stops at the first error of `sink` and returns it.
pub fn extract_corpus_each(
    inputs: &[PathBuf],
    extractor: &Extractor,
    sink: &mut dyn FnMut(Citation) -> std::io::Result<()>,
) -> std::io::Result<CorpusRun> {
    // Files are found while the extractor builds its tables and patterns.
    let (found, ()) = rayon::join(|| input::discover(inputs), || extractor.warm_up());
    let mut run = CorpusRun {
        errors: found.errors,
        skipped: found.skipped,
        ..CorpusRun::default()
    };
    let files = &found.files;
    let sizes = &found.sizes;
    let mut i = 0;
    while i < files.len() {
        if sizes[i] >= STREAM_FROM {
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
        let j = (i..files.len())
            .find(|&j| sizes[j] >= STREAM_FROM)
            .unwrap_or(files.len());
        in_order(&files[i..j], &sizes[i..j], extractor, &mut |r| {
            flush(r, sink, &mut run)
        })?;
        i = j;
    }
    Ok(run)
}

/// One file's outcome, or the panic of the worker that extracted it.
type Outcome = std::thread::Result<Result<Extracted, InputError>>;

/// What the workers of [`in_order`] share: which file is next, and how far
/// ahead of the writer they are.
struct Gate {
    /// The next file to take.
    next: usize,
    /// Files given to the writer's callback so far.
    written: usize,
    /// Bytes of the files taken and not yet written.
    ahead: u64,
    /// Set when the writer stops (an error, or a worker's panic).
    stop: bool,
}

/// Extracts `files` (sizes `sizes`) on [`rayon::current_num_threads`]
/// workers and gives each outcome to `done`, on this thread, in input
/// order. A worker takes the next file as soon as it is free (no batch
/// waits for its slowest file), but never more than [`AHEAD_FILES`] files
/// or [`AHEAD_BYTES`] bytes ahead of the file being written, which bounds
/// the citations held. Stops at the first error of `done`; a panic in an
/// extraction (a bug) is passed on once its file's turn comes.
fn in_order(
    files: &[PathBuf],
    sizes: &[u64],
    extractor: &Extractor,
    done: &mut dyn FnMut(Result<Extracted, InputError>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::sync::{Condvar, Mutex, PoisonError, mpsc};
    if files.is_empty() {
        return Ok(());
    }
    let workers = rayon::current_num_threads().clamp(1, files.len());
    let gate = Mutex::new(Gate {
        next: 0,
        written: 0,
        ahead: 0,
        stop: false,
    });
    let turn = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    // The next file a worker may take, waiting for room; None when done.
    let take = || {
        let mut g = gate.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if g.stop || g.next >= files.len() {
                return None;
            }
            let i = g.next;
            if i == g.written || (i - g.written < AHEAD_FILES && g.ahead + sizes[i] <= AHEAD_BYTES)
            {
                g.next += 1;
                g.ahead += sizes[i];
                return Some(i);
            }
            g = turn.wait(g).unwrap_or_else(PoisonError::into_inner);
        }
    };
    let stop = || {
        gate.lock().unwrap_or_else(PoisonError::into_inner).stop = true;
        turn.notify_all();
    };
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let take = &take;
            scope.spawn(move || {
                while let Some(i) = take() {
                    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        input::read(&files[i]).map(|doc| extractor.extract(&doc))
                    }));
                    if tx.send((i, outcome)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        // Outcomes that came early, by file index modulo AHEAD_FILES (no
        // two files in flight share a slot).
        let mut early: Vec<Option<Outcome>> =
            (0..AHEAD_FILES.min(files.len())).map(|_| None).collect();
        let slots = early.len();
        let mut written = 0;
        for (i, outcome) in rx.iter() {
            early[i % slots] = Some(outcome);
            while let Some(outcome) = early[written % slots].take() {
                let result = match outcome {
                    Ok(r) => done(r),
                    Err(panic) => {
                        stop();
                        std::panic::resume_unwind(panic)
                    }
                };
                written += 1;
                {
                    let mut g = gate.lock().unwrap_or_else(PoisonError::into_inner);
                    g.written = written;
                    g.ahead -= sizes[written - 1];
                }
                turn.notify_all();
                if result.is_err() {
                    stop();
                    return result;
                }
                if written == files.len() {
                    break;
                }
            }
        }
        Ok(())
    })
}

/// Gives one file's citations to `sink`, in order, and keeps its document
/// (without its citations) or its error in `run`.
fn flush(
    result: Result<Extracted, InputError>,
    sink: &mut dyn FnMut(Citation) -> std::io::Result<()>,
    run: &mut CorpusRun,
) -> std::io::Result<()> {
    match result {
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
    Ok(())
}

/// Number of files `inputs` expands to (for sizing a progress bar).
pub fn count_files(inputs: &[PathBuf]) -> usize {
    input::discover(inputs).files.len()
}
