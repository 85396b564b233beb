//! Runs stages 1–2 over a whole corpus: discovers files, reads and extracts
//! them in parallel (one worker per rayon thread), and keeps the results in
//! input order so that every output is deterministic.
//!
//! [`extract_corpus`] keeps every document's citations (what the graph
//! needs); [`extract_corpus_each`] hands them over in order as they are
//! made and keeps none (memory stays bounded whatever the corpus and
//! whatever one document holds); [`extract_corpus_rendered`] does the same
//! with each citation first written out as a record by the thread that
//! extracted it (what `unxref extract` needs for JSON Lines and CSV).

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
    struct Each<'a>(&'a mut dyn FnMut(Citation) -> std::io::Result<()>);
    impl Handover<Vec<Citation>> for Each<'_> {
        fn give(&mut self, citations: Vec<Citation>) -> std::io::Result<()> {
            citations.into_iter().try_for_each(&mut self.0)
        }
        fn give_one(&mut self, c: Citation) -> std::io::Result<()> {
            (self.0)(c)
        }
    }
    in_input_order(inputs, extractor, &|c| c, &mut Each(sink))
}

/// Writes citations out as records, appended to a buffer (see
/// [`extract_corpus_rendered`]).
pub type Render = dyn Fn(&[Citation], &mut Vec<u8>) -> std::io::Result<()> + Sync;

/// Like [`extract_corpus_each`], but citations are first written out by
/// `render` (appending their records to a buffer: JSON lines, CSV rows) on
/// the thread that extracted them, and `sink` gets the records of each
/// document at once, in input order (a large file's, a citation at a time).
/// Stops at the first error of `render` or `sink` and returns it.
///
/// Why: a citation's strings are then freed by the thread that allocated
/// them. Handed to the writing thread, they were freed there, each free
/// taking the lock of the other thread's allocator arena: on the shared
/// corpus (73,000 citations) the threads were switched out some 1,700
/// times a run waiting on each other (85 times now), and the writing
/// thread serialised every record alone.
pub fn extract_corpus_rendered(
    inputs: &[PathBuf],
    extractor: &Extractor,
    render: &Render,
    sink: &mut dyn FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<CorpusRun> {
    struct Rendered<'a> {
        render: &'a Render,
        sink: &'a mut dyn FnMut(&[u8]) -> std::io::Result<()>,
        buf: Vec<u8>,
    }
    impl Handover<std::io::Result<Vec<u8>>> for Rendered<'_> {
        fn give(&mut self, records: std::io::Result<Vec<u8>>) -> std::io::Result<()> {
            let records = records?;
            if records.is_empty() {
                return Ok(());
            }
            (self.sink)(&records)
        }
        fn give_one(&mut self, c: Citation) -> std::io::Result<()> {
            self.buf.clear();
            (self.render)(std::slice::from_ref(&c), &mut self.buf)?;
            (self.sink)(&self.buf)
        }
    }
    let make = |citations: Vec<Citation>| {
        // (about the size of the records, so that the buffer is seldom
        // grown)
        let size = citations.iter().map(record_size).sum();
        let mut out = Vec::with_capacity(size);
        render(&citations, &mut out).map(|()| out)
    };
    let mut rendered = Rendered {
        render,
        sink,
        buf: Vec::new(),
    };
    in_input_order(inputs, extractor, &make, &mut rendered)
}

/// About the size of a citation's record: its strings and 200 bytes of
/// keys and numbers (on the shared corpus: 1.1 times the JSON line, never
/// less).
fn record_size(c: &Citation) -> usize {
    200 + c.file.len()
        + c.doc.len()
        + c.target.len()
        + c.text.len()
        + c.cue.len()
        + c.paragraph.len()
        + c.context.len()
        + c.cited_title.len()
        + c.cited_date.len()
}

/// How [`in_input_order`] hands a document's citations on, on the calling
/// thread: as a batch made on a worker thread (`T`), or one at a time as a
/// large document's are made.
trait Handover<T> {
    /// The batch of one document.
    fn give(&mut self, batch: T) -> std::io::Result<()>;
    /// One citation of a large document.
    fn give_one(&mut self, c: Citation) -> std::io::Result<()>;
}

/// What [`extract_corpus_each`] and [`extract_corpus_rendered`] share: the
/// files of `inputs` extracted, small ones in parallel (`make` turning a
/// document's citations into a batch on the thread that extracted it),
/// large ones alone with their citations streamed, all handed to `out` in
/// input order.
fn in_input_order<T: Send>(
    inputs: &[PathBuf],
    extractor: &Extractor,
    make: &(dyn Fn(Vec<Citation>) -> T + Sync),
    out: &mut dyn Handover<T>,
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
                            failed = out.give_one(c).err();
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
        let (part, part_sizes, part_walked) = (&files[i..j], &sizes[i..j], &walked[i..j]);
        let job = |k: usize| {
            read_and_extract(&part[k], part_walked[k], part_sizes[k], extractor)
                .map(|d| (d.info, make(d.citations)))
        };
        let mut k = i;
        in_order(part_sizes, &job, &mut |r| {
            k += 1;
            match r {
                Ok((info, batch)) => {
                    out.give(batch)?;
                    run.docs.push(Extracted {
                        info,
                        citations: Vec::new(),
                    });
                }
                Err(e) => keep(k - 1, Err(e), &mut run, &mut own),
            }
            Ok(())
        })?;
        i = j;
    }
    empty_folders(&found.folders, &own, &mut run);
    Ok(run)
}

/// One file's outcome, or the panic of the worker that made it.
type Outcome<T> = std::thread::Result<T>;

/// What the threads of [`in_order`] share: which file is next, how far
/// ahead of the writer they are, and the outcomes that came early.
struct Gate<T> {
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
    early: Vec<Option<Outcome<T>>>,
    /// Helpers waiting for room (woken only when there are some).
    waiting: usize,
    /// Whether the writer waits for the outcome of file `written`.
    writer_waits: bool,
}

impl<T> Gate<T> {
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

/// Reads one file and extracts it; `walked` and `size` as the walk found
/// them (see [`input::read_found`]).
fn read_and_extract(
    path: &Path,
    walked: bool,
    size: u64,
    extractor: &Extractor,
) -> Result<Extracted, InputError> {
    input::read_found(path, walked, size).map(|doc| extractor.extract(&doc))
}

/// Runs `job` on every file (by index; `sizes` are the files' sizes) on
/// [`rayon::current_num_threads`] threads and gives each outcome to `done`,
/// on this thread, in input order. This thread is one of them: it writes
/// whatever outcome is next in order, and runs a job itself when there is
/// none (so that the threads are as many as the cores, and none sleeps and
/// wakes for each file). A thread takes the next file as soon as it is free (no batch
/// waits for its slowest file), but never more than [`AHEAD_FILES`] files
/// or [`AHEAD_BYTES`] bytes ahead of the file being written, which bounds
/// the citations held. Stops at the first error of `done`; a panic in a
/// job is passed on once its file's turn comes.
fn in_order<T: Send>(
    sizes: &[u64],
    job: &(dyn Fn(usize) -> T + Sync),
    done: &mut dyn FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
    if sizes.is_empty() {
        return Ok(());
    }
    let n = sizes.len();
    let helpers = rayon::current_num_threads().clamp(1, n) - 1;
    let slots = AHEAD_FILES.min(n);
    // (a panic in a job, a bug, is caught to be passed on in its turn)
    let run_job = |i: usize| std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(i)));
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
    fn wait<'a, T>(cv: &Condvar, g: MutexGuard<'a, Gate<T>>) -> MutexGuard<'a, Gate<T>> {
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
                    if g.stop || g.next >= n {
                        return;
                    }
                    let Some(i) = g.take(sizes) else {
                        g.waiting += 1;
                        g = wait(&room, g);
                        g.waiting -= 1;
                        continue;
                    };
                    drop(g);
                    let outcome = run_job(i);
                    g = lock();
                    g.early[i % slots] = Some(outcome);
                    if g.writer_waits && i == g.written {
                        ready.notify_one();
                    }
                }
            });
        }
        let stop = |mut g: MutexGuard<'_, Gate<T>>| {
            g.stop = true;
            drop(g);
            room.notify_all();
        };
        let mut g = lock();
        while g.written < n {
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
                let outcome = run_job(i);
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

/// Number of files `inputs` expands to (for sizing a progress bar).
pub fn count_files(inputs: &[PathBuf]) -> usize {
    input::discover(inputs).files.len()
}
