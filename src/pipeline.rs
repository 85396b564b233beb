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
use std::path::{Path, PathBuf};

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
    let (found, ()) = rayon::join(|| input::discover(inputs), crate::extract::warm_up);
    let results: Vec<Result<Extracted, InputError>> = found
        .files
        .par_iter()
        .zip(&found.walked)
        .zip(&found.sizes)
        .map(|((p, &walked), &size)| {
            let r = read_and_extract(p, walked, size, extractor);
            on_done();
            r
        })
        .collect();
    let mut run = CorpusRun {
        errors: found.errors,
        skipped: found.skipped,
        ..CorpusRun::default()
    };
    let mut own = Vec::new();
    for (i, r) in results.into_iter().enumerate() {
        keep(i, r, &mut run, &mut own);
    }
    empty_folders(&found.folders, &own, &mut run);
    run
}

/// Keeps file `i`'s outcome in `run`: its document, or its error, or — a
/// file unxref wrote — a skip note (`i` then goes to `own`).
fn keep(i: usize, r: Result<Extracted, InputError>, run: &mut CorpusRun, own: &mut Vec<usize>) {
    match r {
        Ok(d) => run.docs.push(d),
        Err(e @ InputError::OwnOutput { .. }) => {
            run.skipped.push(e.to_string());
            own.push(i);
        }
        Err(e) => run.errors.push(e),
    }
}

/// A folder named whose files were all unxref's own (`own`: their indices,
/// ascending) holds no document: the error the walk gives a folder with no
/// file at all.
fn empty_folders(
    folders: &[(PathBuf, std::ops::Range<usize>)],
    own: &[usize],
    run: &mut CorpusRun,
) {
    for (path, range) in folders {
        let a = own.partition_point(|&i| i < range.start);
        let b = own.partition_point(|&i| i < range.end);
        if b - a == range.len() {
            run.errors
                .push(InputError::NoDocuments { path: path.clone() });
        }
    }
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
/// threads that each take the next file as soon as they are free, this one
/// among them, which also gives the finished ones to `sink` in input order
/// (see `in_order`); large ones (and standard input) one at a time with their
/// citations streamed as they are made, so that peak memory is that of the
/// largest document's texts and matches, not of its citations or of the
/// corpus. Stops at the first error of `sink` and returns it.
pub fn extract_corpus_each(
    inputs: &[PathBuf],
    extractor: &Extractor,
    sink: &mut dyn FnMut(Citation) -> std::io::Result<()>,
) -> std::io::Result<CorpusRun> {
    // Files are found while the extractor builds its tables and patterns.
    let (found, ()) = rayon::join(|| input::discover(inputs), crate::extract::warm_up);
    let mut run = CorpusRun {
        errors: found.errors,
        skipped: found.skipped,
        ..CorpusRun::default()
    };
    let files = &found.files;
    let sizes = &found.sizes;
    let walked = &found.walked;
    let mut own = Vec::new();
    let mut i = 0;
    while i < files.len() {
        if sizes[i] >= STREAM_FROM {
            match input::read_found(&files[i], walked[i], sizes[i]) {
                Ok(doc) => {
                    let mut failed = None;
                    let info = extractor.extract_each(&doc, &mut |c| {
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
                Err(e) => keep(i, Err(e), &mut run, &mut own),
            }
            i += 1;
            continue;
        }
        let j = (i..files.len())
            .find(|&j| sizes[j] >= STREAM_FROM)
            .unwrap_or(files.len());
        let mut k = i;
        in_order(
            &files[i..j],
            &sizes[i..j],
            &walked[i..j],
            extractor,
            &mut |r| {
                k += 1;
                flush(k - 1, r, sink, &mut run, &mut own)
            },
        )?;
        i = j;
    }
    empty_folders(&found.folders, &own, &mut run);
    Ok(run)
}

/// One file's outcome, or the panic of the worker that extracted it.
type Outcome = std::thread::Result<Result<Extracted, InputError>>;

/// What the threads of [`in_order`] share: which file is next, how far
/// ahead of the writer they are, and the outcomes that came early.
struct Gate {
    /// The next file to take.
    next: usize,
    /// Files given to the writer's callback so far.
    written: usize,
    /// Bytes of the files taken and not yet written.
    ahead: u64,
    /// Set when the writer stops (an error, or a panic in an extraction).
    stop: bool,
    /// Outcomes not written yet, by file index modulo their number (no two
    /// files in flight share a slot).
    early: Vec<Option<Outcome>>,
    /// Helpers waiting for room (woken only when there are some).
    waiting: usize,
    /// Whether the writer waits for the outcome of file `written`.
    writer_waits: bool,
}

impl Gate {
    /// Takes the next file when it is within the bounds ahead of the writer.
    fn take(&mut self, sizes: &[u64]) -> Option<usize> {
        let i = self.next;
        if self.stop || i >= sizes.len() {
            return None;
        }
        let room = i - self.written < AHEAD_FILES && self.ahead + sizes[i] <= AHEAD_BYTES;
        if i == self.written || room {
            self.next += 1;
            self.ahead += sizes[i];
            Some(i)
        } else {
            None
        }
    }
}

/// Reads and extracts file `i`, catching a panic (a bug) to pass it on when
/// the file's turn comes.
fn extract_one(
    files: &[PathBuf],
    (walked, sizes): (&[bool], &[u64]),
    i: usize,
    extractor: &Extractor,
) -> Outcome {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_and_extract(&files[i], walked[i], sizes[i], extractor)
    }))
}

/// Reads one file and extracts it (the document is given up: its text is
/// searched without another copy); `walked` and `size` as the walk found
/// them (see [`input::read_found`]).
fn read_and_extract(
    path: &Path,
    walked: bool,
    size: u64,
    extractor: &Extractor,
) -> Result<Extracted, InputError> {
    input::read_found(path, walked, size).map(|doc| extractor.extract(&doc))
}

/// Extracts `files` (sizes `sizes`) on [`rayon::current_num_threads`]
/// threads and gives each outcome to `done`, on this thread, in input
/// order. This thread is one of them: it writes whatever outcome is next
/// in order, and extracts a file itself when there is none (so that the
/// threads are as many as the cores, and none sleeps and wakes for each
/// file). A thread takes the next file as soon as it is free (no batch
/// waits for its slowest file), but never more than [`AHEAD_FILES`] files
/// or [`AHEAD_BYTES`] bytes ahead of the file being written, which bounds
/// the citations held. Stops at the first error of `done`; a panic in an
/// extraction is passed on once its file's turn comes.
fn in_order(
    files: &[PathBuf],
    sizes: &[u64],
    walked: &[bool],
    extractor: &Extractor,
    done: &mut dyn FnMut(Result<Extracted, InputError>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
    if files.is_empty() {
        return Ok(());
    }
    let helpers = rayon::current_num_threads().clamp(1, files.len()) - 1;
    let slots = AHEAD_FILES.min(files.len());
    let gate = Mutex::new(Gate {
        next: 0,
        written: 0,
        ahead: 0,
        stop: false,
        early: (0..slots).map(|_| None).collect(),
        waiting: 0,
        writer_waits: false,
    });
    let lock = || gate.lock().unwrap_or_else(PoisonError::into_inner);
    fn wait<'a>(cv: &Condvar, g: MutexGuard<'a, Gate>) -> MutexGuard<'a, Gate> {
        cv.wait(g).unwrap_or_else(PoisonError::into_inner)
    }
    // Helpers wait on `room`, the writer on `ready`.
    let room = Condvar::new();
    let ready = Condvar::new();
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(|| {
                let mut g = lock();
                loop {
                    if g.stop || g.next >= files.len() {
                        return;
                    }
                    let Some(i) = g.take(sizes) else {
                        g.waiting += 1;
                        g = wait(&room, g);
                        g.waiting -= 1;
                        continue;
                    };
                    drop(g);
                    let outcome = extract_one(files, (walked, sizes), i, extractor);
                    g = lock();
                    g.early[i % slots] = Some(outcome);
                    if g.writer_waits && i == g.written {
                        ready.notify_one();
                    }
                }
            });
        }
        let stop = |mut g: MutexGuard<'_, Gate>| {
            g.stop = true;
            drop(g);
            room.notify_all();
        };
        let mut g = lock();
        while g.written < files.len() {
            let w = g.written;
            if let Some(outcome) = g.early[w % slots].take() {
                drop(g);
                let result = match outcome {
                    Ok(r) => done(r),
                    Err(panic) => {
                        stop(lock());
                        std::panic::resume_unwind(panic)
                    }
                };
                g = lock();
                g.written = w + 1;
                g.ahead -= sizes[w];
                if result.is_err() {
                    stop(g);
                    return result;
                }
                if g.waiting > 0 {
                    room.notify_all();
                }
            } else if let Some(i) = g.take(sizes) {
                drop(g);
                let outcome = extract_one(files, (walked, sizes), i, extractor);
                g = lock();
                g.early[i % slots] = Some(outcome);
            } else {
                // File `w` is being extracted by a helper.
                g.writer_waits = true;
                g = wait(&ready, g);
                g.writer_waits = false;
            }
        }
        Ok(())
    })
}

/// Gives file `i`'s citations to `sink`, in order, and keeps its document
/// (without its citations), its error or its skip note in `run` (see
/// [`keep`]).
fn flush(
    i: usize,
    result: Result<Extracted, InputError>,
    sink: &mut dyn FnMut(Citation) -> std::io::Result<()>,
    run: &mut CorpusRun,
    own: &mut Vec<usize>,
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
        Err(e) => keep(i, Err(e), run, own),
    }
    Ok(())
}

/// Number of files `inputs` expands to (for sizing a progress bar).
pub fn count_files(inputs: &[PathBuf]) -> usize {
    input::discover(inputs).files.len()
}
