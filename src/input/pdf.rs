//! PDF to text with poppler (its C++ library, through `pdf_shim.cpp`).
//!
//! Each page is laid out as `pdftotext -layout` lays it out (poppler's
//! physical layout mode: reading order, line breaks, columns kept apart by
//! spaces), followed by a form feed, so that everything the extractor knows
//! about PDF-extracted text (mastheads, running headers, job numbers,
//! footnotes at page bottoms, page numbers) applies unchanged. The text is
//! NFC-normalised, Arabic presentation forms are folded to their letters,
//! and right-to-left lines are put back in logical order (see `pdf_bidi`).
//!
//! **Bounds.** A hostile PDF can make any reader loop for minutes or
//! allocate gigabytes. When a worker executable is registered with
//! [`use_worker`] (the `unxref` binary registers itself), each PDF is read in
//! a child process of that executable, with an address-space limit
//! (`RLIMIT_AS`, default [`DEFAULT_MEMORY_MB`] MB) and a wall-clock deadline
//! (default [`DEFAULT_TIMEOUT_SECS`] s) after which it is killed; the
//! environment variables `UNXREF_PDF_MEMORY_MB` and `UNXREF_PDF_TIMEOUT`
//! change them. Without a worker (the library used on its own, unit tests)
//! PDFs are read in-process, one at a time, without those bounds.
//!
//! **Loading.** The shim is a shared object linked to poppler (`build.rs`),
//! carried in the binary and loaded by the first reading in a process (an
//! anonymous in-memory file on Linux, a temporary file elsewhere): a
//! command that reads no PDF never loads poppler and the libraries it
//! needs, which cost 7 ms at every start when they were linked in.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};
use unicode_normalization::UnicodeNormalization;

/// The environment variable that turns the registered executable into a
/// PDF worker: it reads a PDF on standard input and writes its text.
pub const WORKER_ENV: &str = "UNXREF_PDF_WORKER";
/// Default wall-clock limit for reading one PDF, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
/// Default address-space limit of the worker reading one PDF, in MB.
pub const DEFAULT_MEMORY_MB: u64 = 2048;
/// Extracted text larger than this is refused (as input files are).
const MAX_TEXT_BYTES: usize = super::MAX_FILE_BYTES as usize;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// Pages but no text on any of them.
    #[error("no text layer: scanned PDF, run OCR first")]
    NoTextLayer,
    /// Needs a password to open.
    #[error("encrypted PDF (a password is needed to open it), skipped")]
    Encrypted,
    /// Not a PDF poppler can open.
    #[error("damaged PDF ({0}), skipped")]
    Damaged(String),
    /// Reading took longer than the time limit.
    #[error(
        "PDF reading stopped after {0} s (the time limit per file; UNXREF_PDF_TIMEOUT changes it), skipped"
    )]
    TimedOut(u64),
    /// Reading needed more memory than the limit.
    #[error(
        "PDF reading stopped at the memory limit of {0} MB per file (UNXREF_PDF_MEMORY_MB changes it), skipped"
    )]
    OutOfMemory(u64),
    /// The text is larger than the input size limit.
    #[error("PDF text larger than {} bytes, skipped", MAX_TEXT_BYTES)]
    TooLarge,
    /// The worker process failed in another way.
    #[error("PDF reader failed ({0}), skipped")]
    Failed(String),
}

/// Limits for reading one PDF in a worker process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock limit.
    pub timeout: Duration,
    /// Address-space limit of the worker, in MB.
    pub memory_mb: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
            memory_mb: DEFAULT_MEMORY_MB,
        }
    }
}

impl Limits {
    /// The defaults, changed by `UNXREF_PDF_TIMEOUT` (seconds) and
    /// `UNXREF_PDF_MEMORY_MB` when they hold a positive number.
    pub fn from_env() -> Self {
        let mut l = Limits::default();
        let num = |k: &str| {
            std::env::var(k)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&n| n > 0)
        };
        if let Some(s) = num("UNXREF_PDF_TIMEOUT") {
            l.timeout = Duration::from_secs(s);
        }
        if let Some(m) = num("UNXREF_PDF_MEMORY_MB") {
            l.memory_mb = m;
        }
        l
    }
}

/// Whether `bytes` look like a PDF: `%PDF-` within the first kilobyte (the
/// format allows some junk before the header).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

static WORKER: OnceLock<PathBuf> = OnceLock::new();

/// Registers the executable that reads PDFs in bounded child processes. It
/// must call [`run_worker`] when started with [`WORKER_ENV`] set (the
/// `unxref` binary does). Only the first registration counts.
pub fn use_worker(exe: PathBuf) {
    let _ = WORKER.set(exe);
}

/// Extracts the text of a PDF: pages in order, each ended by a form feed.
/// Bounded in a worker process when one is registered (see the module
/// documentation), else read in-process.
pub fn extract(bytes: &[u8]) -> Result<String, PdfError> {
    let text = match WORKER.get() {
        Some(exe) => extract_in_worker(exe, bytes, Limits::from_env())?,
        None => extract_in_process(bytes)?,
    };
    finish(text)
}

/// The worker's side: reads a PDF on standard input, writes its raw page
/// texts (each followed by a form feed) on standard output, and returns the
/// process exit code (0, or a code [`extract_in_worker`] turns back into a
/// [`PdfError`]).
pub fn run_worker() -> i32 {
    let mut bytes = Vec::new();
    if std::io::stdin().lock().read_to_end(&mut bytes).is_err() {
        return CODE_FAILED;
    }
    match extract_in_process(&bytes) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .is_err()
            {
                return CODE_FAILED;
            }
            0
        }
        Err(PdfError::Encrypted) => CODE_ENCRYPTED,
        Err(PdfError::OutOfMemory(_)) => CODE_NO_MEMORY,
        Err(PdfError::Damaged(_)) => CODE_DAMAGED,
        Err(PdfError::TooLarge) => CODE_TOO_LARGE,
        Err(_) => CODE_FAILED,
    }
}

const CODE_DAMAGED: i32 = 20;
const CODE_ENCRYPTED: i32 = 21;
const CODE_NO_MEMORY: i32 = 22;
const CODE_FAILED: i32 = 23;
const CODE_TOO_LARGE: i32 = 24;

/// Runs the registered worker on `bytes` within `limits`.
pub fn extract_in_worker(
    exe: &std::path::Path,
    bytes: &[u8],
    limits: Limits,
) -> Result<String, PdfError> {
    let started = Instant::now();
    let mut cmd = Command::new(exe);
    cmd.env(WORKER_ENV, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    set_limits(&mut cmd, limits);
    let mut child = cmd
        .spawn()
        .map_err(|e| PdfError::Failed(format!("cannot start {}: {e}", exe.display())))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|s| {
        // The worker may die before reading everything: a failed write is
        // then expected, and the exit status tells what happened.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        s.spawn(move || {
            let mut out = Vec::new();
            let r = (&mut stdout)
                .take(MAX_TEXT_BYTES as u64 + 1)
                .read_to_end(&mut out);
            let _ = tx.send(r.map(|_| out));
        });
        let out = match rx.recv_timeout(limits.timeout) {
            Ok(r) => r,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::TimedOut(limits.timeout.as_secs()));
            }
        };
        let status = loop {
            match child.try_wait() {
                Ok(Some(st)) => break st,
                Ok(None) if started.elapsed() < limits.timeout => {
                    std::thread::sleep(Duration::from_millis(1))
                }
                Ok(None) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(PdfError::TimedOut(limits.timeout.as_secs()));
                }
                Err(e) => return Err(PdfError::Failed(e.to_string())),
            }
        };
        let out = out.map_err(|e| PdfError::Failed(e.to_string()))?;
        interpret(status, out, limits)
    })
}

fn interpret(
    status: std::process::ExitStatus,
    out: Vec<u8>,
    limits: Limits,
) -> Result<String, PdfError> {
    use std::os::unix::process::ExitStatusExt;
    match status.code() {
        Some(0) if out.len() > MAX_TEXT_BYTES => Err(PdfError::TooLarge),
        Some(0) => String::from_utf8(out).map_err(|_| PdfError::Failed("text not UTF-8".into())),
        Some(CODE_DAMAGED) => Err(PdfError::Damaged("poppler cannot open it".into())),
        Some(CODE_ENCRYPTED) => Err(PdfError::Encrypted),
        Some(CODE_NO_MEMORY) => Err(PdfError::OutOfMemory(limits.memory_mb)),
        Some(CODE_TOO_LARGE) => Err(PdfError::TooLarge),
        Some(c) => Err(PdfError::Failed(format!("exit code {c}"))),
        None => match status.signal() {
            // Allocation failure aborts (Rust) or crashes (C++ code that
            // does not check); under RLIMIT_AS these mean the memory limit.
            Some(libc::SIGABRT | libc::SIGSEGV | libc::SIGBUS) => {
                Err(PdfError::OutOfMemory(limits.memory_mb))
            }
            Some(libc::SIGXCPU | libc::SIGKILL) => {
                Err(PdfError::TimedOut(limits.timeout.as_secs()))
            }
            Some(sig) => Err(PdfError::Failed(format!("killed by signal {sig}"))),
            None => Err(PdfError::Failed("no exit status".into())),
        },
    }
}

fn set_limits(cmd: &mut Command, limits: Limits) {
    use std::os::unix::process::CommandExt;
    let bytes = limits.memory_mb.saturating_mul(1024 * 1024) as libc::rlim_t;
    // CPU time backs up the wall-clock deadline (one second more).
    let cpu = limits.timeout.as_secs().saturating_add(1) as libc::rlim_t;
    // SAFETY: the closure runs in the child between fork and exec and only
    // calls setrlimit, which is async-signal-safe.
    unsafe {
        cmd.pre_exec(move || {
            let set = |res, v: libc::rlim_t| {
                let lim = libc::rlimit {
                    rlim_cur: v,
                    rlim_max: v,
                };
                libc::setrlimit(res, &lim)
            };
            set(libc::RLIMIT_AS, bytes);
            set(libc::RLIMIT_CPU, cpu);
            set(libc::RLIMIT_CORE, 0);
            Ok(())
        });
    }
}

type PageCb = unsafe extern "C" fn(*mut std::ffi::c_void, *const std::ffi::c_char, usize);

/// The shim's entry point (`src/input/pdf_shim.cpp`): reads the PDF of
/// `len` bytes at `data`, calling `cb(ctx, text, len)` once a page; the
/// number of pages in `pages`; 0, or an error code.
type TextFn = unsafe extern "C" fn(
    data: *const std::ffi::c_char,
    len: usize,
    cb: PageCb,
    ctx: *mut std::ffi::c_void,
    pages: *mut std::ffi::c_int,
) -> std::ffi::c_int;

/// The poppler shim as a shared object, built and linked to poppler by
/// `build.rs` and carried in the binary: it is loaded only by the processes
/// that read PDFs ([`shim`]). Linked into the binary, poppler and the 25
/// libraries it needs were loaded at every start of every command (7 of
/// the 8 ms of `unxref --version`).
static SHIM: &[u8] = include_bytes!(env!("UNXREF_PDF_SHIM"));

/// [`SHIM`]'s entry point, loaded on first use (once a process).
fn shim() -> Result<TextFn, PdfError> {
    static LOADED: OnceLock<Result<usize, String>> = OnceLock::new();
    let f = LOADED
        .get_or_init(load_shim)
        .clone()
        .map_err(PdfError::Failed)?;
    // SAFETY: the address is that of `unxref_pdf_text` in the loaded shim,
    // which is never unloaded, and has this signature.
    Ok(unsafe { std::mem::transmute::<usize, TextFn>(f) })
}

/// Writes [`SHIM`] where the dynamic loader can open it (an anonymous
/// in-memory file on Linux, a temporary file elsewhere), opens it and
/// finds its entry point: its address, or why it could not be loaded.
fn load_shim() -> Result<usize, String> {
    use std::ffi::{CStr, CString};
    use std::io::Write;
    let dl_error = |what: &str| {
        // SAFETY: dlerror returns NULL or a C string owned by the loader.
        let e = unsafe { libc::dlerror() };
        let why = if e.is_null() {
            "unknown error".to_string()
        } else {
            // SAFETY: non-NULL: a NUL-terminated string, read at once.
            unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned()
        };
        format!("cannot load the PDF reader ({what}): {why}")
    };
    #[cfg(target_os = "linux")]
    let (path, _keep) = {
        use std::os::fd::FromRawFd;
        // SAFETY: a NUL-terminated name and valid flags.
        let fd = unsafe { libc::memfd_create(c"unxref-pdf-shim".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(format!(
                "cannot load the PDF reader: {}",
                std::io::Error::last_os_error()
            ));
        }
        // SAFETY: `fd` was just opened and is owned by nothing else.
        let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
        file.write_all(SHIM)
            .map_err(|e| format!("cannot load the PDF reader: {e}"))?;
        (format!("/proc/self/fd/{fd}"), file)
    };
    #[cfg(not(target_os = "linux"))]
    let (path, _keep) = {
        struct Remove(std::path::PathBuf);
        impl Drop for Remove {
            fn drop(&mut self) {
                let _ = std::fs::remove_file(&self.0);
            }
        }
        // A new file of this process's (never one found there: another
        // user's file or link in the temporary folder is not opened).
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let p =
            std::env::temp_dir().join(format!("unxref-pdf-shim-{}-{nanos}.so", std::process::id()));
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
            .map_err(|e| format!("cannot load the PDF reader: {}: {e}", p.display()))?;
        let keep = Remove(p.clone());
        file.write_all(SHIM)
            .map_err(|e| format!("cannot load the PDF reader: {e}"))?;
        (p.to_string_lossy().into_owned(), keep)
    };
    let cpath = CString::new(path).map_err(|e| e.to_string())?;
    // SAFETY: a NUL-terminated path; the shim's initialisers are poppler's
    // and the C++ runtime's.
    let handle = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if handle.is_null() {
        return Err(dl_error("open"));
    }
    // SAFETY: a live handle and a NUL-terminated name.
    let f = unsafe { libc::dlsym(handle, c"unxref_pdf_text".as_ptr()) };
    if f.is_null() {
        return Err(dl_error("entry point"));
    }
    Ok(f as usize)
}

unsafe extern "C" fn on_page(
    ctx: *mut std::ffi::c_void,
    utf8: *const std::ffi::c_char,
    len: usize,
) {
    // SAFETY: `ctx` is the `&mut Vec<u8>` passed by `extract_in_process`,
    // and poppler hands `len` readable bytes at `utf8`.
    let out = unsafe { &mut *(ctx as *mut Vec<u8>) };
    if len > 0 && !utf8.is_null() && out.len() <= MAX_TEXT_BYTES {
        out.extend_from_slice(unsafe { std::slice::from_raw_parts(utf8 as *const u8, len) });
    }
    // poppler ends a page with a form feed; one per page, always.
    if out.last() != Some(&b'\x0c') || len == 0 {
        out.push(b'\x0c');
    }
}

/// poppler is not documented as safe for concurrent use: in-process
/// readings go one at a time.
static IN_PROCESS: Mutex<()> = Mutex::new(());

/// Reads a PDF in this process (no time or memory bound): the raw page
/// texts, each followed by a form feed.
pub fn extract_in_process(bytes: &[u8]) -> Result<String, PdfError> {
    let _one = IN_PROCESS.lock().unwrap_or_else(|e| e.into_inner());
    let unxref_pdf_text = shim()?;
    let mut out: Vec<u8> = Vec::new();
    let mut pages: std::ffi::c_int = 0;
    // SAFETY: `bytes` outlives the call; the callback gets `&mut out`, used
    // only during the call.
    let code = unsafe {
        unxref_pdf_text(
            bytes.as_ptr() as *const std::ffi::c_char,
            bytes.len(),
            on_page,
            &mut out as *mut Vec<u8> as *mut std::ffi::c_void,
            &mut pages,
        )
    };
    match code {
        0 if pages <= 0 => Err(PdfError::Damaged("no pages".into())),
        0 if out.len() > MAX_TEXT_BYTES => Err(PdfError::TooLarge),
        0 => Ok(String::from_utf8_lossy(&out).into_owned()),
        1 => Err(PdfError::Damaged("poppler cannot open it".into())),
        2 => Err(PdfError::Encrypted),
        3 => Err(PdfError::OutOfMemory(0)),
        5 => Err(PdfError::TooLarge),
        c => Err(PdfError::Failed(format!("poppler error {c}"))),
    }
}

/// Normalises the raw page texts: NFC, Arabic presentation forms folded to
/// letters (NFKC on those code points only), no NUL bytes; refuses a PDF
/// whose pages hold no text.
fn finish(raw: String) -> Result<String, PdfError> {
    if raw.chars().all(|c| c.is_whitespace()) {
        return Err(PdfError::NoTextLayer);
    }
    let raw = super::pdf_bidi::logical_order(&raw);
    let mut text = String::with_capacity(raw.len());
    let mut buf = [0u8; 4];
    for c in raw.nfc() {
        match c {
            '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
                text.extend(c.encode_utf8(&mut buf).nfkc().filter(|&c| c != '\u{FEFF}'))
            }
            '\0' => text.push(' '),
            _ => text.push(c),
        }
    }
    Ok(text)
}

/// The 1-based page of each byte offset of a text made by [`extract`]:
/// pages end with form feeds.
#[derive(Debug, Clone, Default)]
pub struct PageIndex {
    ends: Vec<usize>,
}

impl PageIndex {
    /// Indexes the form feeds of `text`.
    pub fn new(text: &str) -> Self {
        PageIndex {
            ends: memchr::memchr_iter(b'\x0c', text.as_bytes()).collect(),
        }
    }

    /// The 1-based page holding byte `offset`.
    pub fn page_of(&self, offset: usize) -> u32 {
        (self.ends.partition_point(|&e| e < offset) + 1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xef\xbb\xbf junk %PDF-1.4"));
        assert!(!is_pdf(b"PK\x03\x04"));
    }

    #[test]
    fn pages_by_form_feed() {
        let idx = PageIndex::new("a\x0cb\x0cc\x0c");
        assert_eq!(idx.page_of(0), 1);
        assert_eq!(idx.page_of(1), 1);
        assert_eq!(idx.page_of(2), 2);
        assert_eq!(idx.page_of(4), 3);
    }

    #[test]
    fn finish_normalises() {
        assert_eq!(finish("  \x0c\n\x0c".into()), Err(PdfError::NoTextLayer));
        assert_eq!(finish("e\u{301}\x0c".into()).unwrap(), "é\x0c");
        // ARABIC LETTER ALEF ISOLATED FORM, LAM INITIAL FORM.
        assert_eq!(finish("\u{FE8D}\u{FEDF}".into()).unwrap(), "\u{627}\u{644}");
    }

    #[test]
    fn garbage_is_damaged() {
        assert!(matches!(
            extract_in_process(b"%PDF-1.4\ngarbage"),
            Err(PdfError::Damaged(_))
        ));
    }
}
