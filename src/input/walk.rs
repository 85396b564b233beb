//! Paths to files: folders are walked recursively in sorted order (so runs
//! are reproducible); unsupported files in folders are skipped with a note.
//!
//! A walk is safe on hostile trees: FIFOs, sockets and devices found in a
//! folder are skipped with a note (reading a FIFO would wait forever); each
//! folder and each file is visited once, by device and inode, so a symlink
//! loop is walked once and a file linked twice is read once; hidden entries
//! are passed over; the output folder of the running command (see
//! [`exclude_folder`]) is skipped with a note, and so are files unxref
//! wrote itself (its `report.md`, VOSviewer files, `extract` tables), told
//! by their first bytes when they are read ([`recognise`]): the walk opens
//! no file, which on a corpus of thousands of small files was as much time
//! again as stating them.

use super::{InputError, is_supported};
use std::collections::HashSet;
use std::fs::Metadata;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What a walk over the user's paths found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, in order: the user's order, folders expanded sorted.
    pub files: Vec<PathBuf>,
    /// Their sizes in bytes as the walk saw them, one per file (`u64::MAX`
    /// for standard input): the pipeline plans its work with them without
    /// asking the file system again.
    pub sizes: Vec<u64>,
    /// Whether each file was found by a folder walk (not named): such a
    /// file is skipped when reading it shows that unxref wrote it
    /// ([`super::read_found`]).
    pub walked: Vec<bool>,
    /// The folders named that gave files, with the range of their files in
    /// [`Discovery::files`]: a folder whose files all turn out to be
    /// unxref's own holds no document ([`InputError::NoDocuments`]).
    pub folders: Vec<(PathBuf, std::ops::Range<usize>)>,
    /// Files passed over in folders, with the reason (shown unless `--quiet`).
    pub skipped: Vec<String>,
    /// Paths that could not be used at all.
    pub errors: Vec<InputError>,
}

/// Folders no walk enters, by identity (the output folder of the command
/// that is running).
static EXCLUDED: Mutex<Vec<FileId>> = Mutex::new(Vec::new());

/// Makes every later walk skip the folder `path` (when it exists): the
/// output folder of `map`, so that a corpus holding it is not re-read.
pub fn exclude_folder(path: &Path) {
    if let Ok(m) = std::fs::metadata(path)
        && let Some(id) = file_id(&m)
        && let Ok(mut v) = EXCLUDED.lock()
        && !v.contains(&id)
    {
        v.push(id);
    }
}

fn excluded(id: Option<FileId>) -> bool {
    id.is_some_and(|id| EXCLUDED.lock().is_ok_and(|v| v.contains(&id)))
}

/// A file's identity: (device, inode).
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(m: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &Metadata) -> Option<FileId> {
    None
}

/// What a non-regular, non-folder entry is, for the skip note.
fn special_kind(m: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = m;
    "not a regular file"
}

/// Expands the user's paths. A file named explicitly is always taken (its
/// reading may still fail; a FIFO or device named explicitly is read up to
/// the size limit); `-` stands for standard input.
pub fn discover(inputs: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    let mut seen = Seen::default();
    for p in inputs {
        if p.as_os_str() == "-" {
            d.files.push(p.clone());
            d.sizes.push(u64::MAX);
            d.walked.push(false);
            continue;
        }
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                d.errors.push(InputError::NotFound { path: p.clone() })
            }
            Err(source) => d.errors.push(InputError::Io {
                path: p.clone(),
                source,
            }),
            Ok(m) if m.is_dir() => {
                if !seen.first_dir(&m) {
                    d.skipped
                        .push(format!("{}: folder already read, skipped", p.display()));
                    continue;
                }
                let before = d.files.len();
                walk(p, &mut d, &mut seen);
                if d.files.len() == before {
                    d.errors.push(InputError::NoDocuments { path: p.clone() });
                } else {
                    d.folders.push((p.clone(), before..d.files.len()));
                }
            }
            Ok(m) => {
                // named explicitly: always taken, but a folder walk will not take it again
                seen.first_file(&m);
                d.files.push(p.clone());
                d.sizes.push(m.len());
                d.walked.push(false);
            }
        }
    }
    d
}

/// Folders and files already taken.
#[derive(Default)]
struct Seen {
    dirs: HashSet<FileId>,
    files: HashSet<FileId>,
}

impl Seen {
    /// `true` the first time the folder `m` is met.
    fn first_dir(&mut self, m: &Metadata) -> bool {
        file_id(m).is_none_or(|id| self.dirs.insert(id))
    }

    /// `true` the first time the file `m` is met.
    fn first_file(&mut self, m: &Metadata) -> bool {
        file_id(m).is_none_or(|id| self.files.insert(id))
    }
}

fn walk(dir: &Path, d: &mut Discovery, seen: &mut Seen) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            d.errors.push(InputError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    // Sorted by name: the order of their paths (one folder's), compared
    // as bytes rather than component by component.
    let mut entries: Vec<(std::ffi::OsString, std::fs::DirEntry)> = entries
        .filter_map(|e| e.ok().map(|e| (e.file_name(), e)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let p = entry.path();
        // Followed through a symbolic link; else stated in the folder
        // (`fstatat`, not a look-up of the whole path again).
        let meta = match entry.file_type() {
            Ok(t) if !t.is_symlink() => entry.metadata(),
            _ => std::fs::metadata(&p),
        };
        match meta {
            Ok(m) if m.is_dir() => {
                if excluded(file_id(&m)) {
                    d.skipped
                        .push(format!("{}: the output folder, skipped", p.display()));
                } else if seen.first_dir(&m) {
                    walk(&p, d, seen);
                }
                // a folder seen before (a symlink loop, a second link): once is enough
            }
            Ok(m) if !m.is_file() => {
                d.skipped
                    .push(format!("{}: {}, skipped", p.display(), special_kind(&m)))
            }
            Ok(m) if is_supported(&p) => {
                if !seen.first_file(&m) {
                    d.skipped.push(format!(
                        "{}: same file as one already read, skipped",
                        p.display()
                    ));
                } else {
                    d.files.push(p);
                    d.sizes.push(m.len());
                    d.walked.push(true);
                }
            }
            Ok(_) => d.skipped.push(format!(
                "{}: not a .txt, .md, .html, .pdf or .docx file, skipped",
                p.display()
            )),
            Err(source) => d.errors.push(InputError::Io { path: p, source }),
        }
    }
}

/// How many first bytes of a file [`recognise`] looks at.
pub(crate) const HEAD_BYTES: usize = 256;

/// Recognises the start of a file unxref writes that a folder walk could
/// pick up (`.txt`, `.md`, `.html`): `map`'s and `report`'s `report.md`,
/// `export --format vosviewer`'s map file, and `extract`'s table and
/// Markdown listings. `head` is the file's first [`HEAD_BYTES`] bytes (or
/// all of it, when shorter).
pub(crate) fn recognise(head: &[u8]) -> Option<&'static str> {
    let head = &head[..head.len().min(HEAD_BYTES)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    // Every file read goes through here: most are told at their first
    // letter (each form below opens with `#`, `i`, `f` or `|`, after white
    // space; a non-ASCII byte may be white space and is looked at closer).
    match head
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C))
    {
        Some(b'#' | b'i' | b'f' | b'|') => {}
        Some(b) if b.is_ascii() => return None,
        _ => {}
    }
    let first = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let first = String::from_utf8_lossy(first);
    let first = first.trim_end();
    if head.starts_with(b"# Citation report\n\n## Corpus\n") {
        return Some("a citation report");
    }
    if first.starts_with("id\tlabel\tdescription\tweight<Citations>") {
        return Some("a VOSviewer map");
    }
    let words: Vec<&str> = first.split_whitespace().collect();
    if words == ["file", "line", "kind", "target", "text"] {
        return Some("an extract listing");
    }
    if first == "| file | line | kind | target | text |" {
        return Some("an extract listing");
    }
    None
}

/// A reader that can fill a buffer's spare capacity.
///
/// Why: a file of known size is read into a buffer allocated for it; zeroed
/// first (`vec![0; n]`), that buffer cost a pass of `memset` over every byte
/// read (1.3 % of the instructions of `extract` on the shared corpus, with
/// mimalloc, whose zeroed blocks are not fresh pages).
pub(super) trait ReadSpare: Read {
    /// Reads once into `buf`'s spare capacity, at most `max` bytes,
    /// appending what it read; the number of bytes, 0 at the end (or when
    /// there is no room).
    fn read_spare(&mut self, buf: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
        // Any reader: the room zeroed, then read into.
        let start = buf.len();
        buf.resize(start + max.min(buf.capacity() - start), 0);
        let read = self.read(&mut buf[start..]);
        buf.truncate(start + *read.as_ref().unwrap_or(&0));
        read
    }
}

impl ReadSpare for &[u8] {}

#[cfg(unix)]
impl ReadSpare for std::fs::File {
    /// `read(2)` straight into the spare capacity: no byte is written
    /// twice, and no reference to uninitialised memory is made.
    fn read_spare(&mut self, buf: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
        use std::os::fd::AsRawFd;
        let spare = buf.spare_capacity_mut();
        let len = max.min(spare.len());
        // SAFETY: the pointer is that of `buf`'s spare capacity, at least
        // `len` bytes long, which read(2) may write up to `len`.
        let n = unsafe { libc::read(self.as_raw_fd(), spare.as_mut_ptr().cast(), len) };
        if n < 0 {
            return Err(std::io::Error::last_os_error());
        }
        let n = n as usize;
        // SAFETY: read(2) initialised the `n` bytes after the length.
        unsafe { buf.set_len(buf.len() + n) };
        Ok(n)
    }
}

#[cfg(not(unix))]
impl ReadSpare for std::fs::File {}

/// Reads at most `limit` bytes from `r`; `Err(n)` when there was more (at
/// least `n` bytes). A stream that starts binary (a NUL byte in its first
/// 64 KiB; not UTF-16 with a byte-order mark, PDF, Word or ZIP) is not read further: `/dev/zero` or a
/// binary pipe costs 64 KiB, not the whole limit, and the decoder then
/// reports it as binary.
pub(super) fn read_capped(r: &mut dyn Read, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    r.take(HEAD.min(limit + 1)).read_to_end(&mut buf)?;
    if binary_head(&buf) {
        return Ok(Ok(buf));
    }
    if buf.len() as u64 == HEAD.min(limit + 1) {
        r.take(limit + 1 - buf.len() as u64).read_to_end(&mut buf)?;
    }
    if buf.len() as u64 > limit {
        return Ok(Err(buf.len() as u64));
    }
    Ok(Ok(buf))
}

/// [`read_capped`] with the expected size (a file's length), so that the
/// buffer is allocated once instead of grown by doubling.
pub(super) fn read_capped_sized<R: ReadSpare>(
    r: &mut R,
    limit: u64,
    size_hint: u64,
) -> std::io::Result<Result<Vec<u8>, u64>> {
    if size_hint > 0 && size_hint <= limit {
        // A file of known size within the limit: read whole, in one read
        // (`read_to_end` starts at 8 KiB and doubles: nine reads for a 1 MB
        // file, and one more to find the end), the head checked after; a
        // binary file gives its head only, as below. A file is read into
        // the buffer's spare capacity, not zeroed first ([`ReadSpare`]).
        let want = size_hint as usize + 1;
        let mut buf = Vec::with_capacity(want);
        let mut filled = 0;
        while filled < want {
            let asked = want - filled;
            match r.read_spare(&mut buf, asked) {
                Ok(0) => break,
                Ok(n) => {
                    filled += n;
                    // The size the walk saw, in a read that got less than it
                    // asked for: the file's end (a regular file reads short
                    // only there), without the read that returns nothing.
                    if filled == want - 1 && n < asked {
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        if filled == want {
            // It grew since it was measured: the rest, up to the limit.
            r.take((limit + 1).saturating_sub(filled as u64))
                .read_to_end(&mut buf)?;
        }
        if binary_head(&buf[..buf.len().min(HEAD as usize)]) {
            buf.truncate(HEAD as usize);
            return Ok(Ok(buf));
        }
        if buf.len() as u64 > limit {
            return Ok(Err(buf.len() as u64));
        }
        return Ok(Ok(buf));
    }
    read_capped(r, limit)
}

/// How many first bytes of a stream [`binary_head`] looks at.
const HEAD: u64 = 64 * 1024;

/// Whether a file's first bytes ([`HEAD`] at most) say it is binary: a NUL
/// byte, where NUL bytes are not expected (UTF-16 text with a byte-order
/// mark, PDF, Word and ZIP files hold them).
fn binary_head(head: &[u8]) -> bool {
    let utf16 = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
    let container =
        super::pdf::is_pdf(head) || super::docx::is_zip(head) || super::docx::is_ole(head);
    !utf16 && !container && memchr::memchr(0, head).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_outputs_are_recognised() {
        assert_eq!(
            recognise(b"# Citation report\n\n## Corpus\n\n- **3** documents"),
            Some("a citation report")
        );
        assert!(recognise(b"file  line  kind  target  text\n----").is_some());
        assert!(recognise(b"| file | line | kind | target | text |\n").is_some());
        assert!(recognise(b"id\tlabel\tdescription\tweight<Citations>\tx\n").is_some());
        assert_eq!(recognise(b"# Citation report on the Sahel\n"), None);
        assert_eq!(recognise(b"Recalling its resolution 72/194,"), None);
        // white space before the words, ASCII or not, as `split_whitespace` has it
        assert!(recognise(b"\x0Bfile line kind target text\n").is_some());
        assert!(recognise(" \u{a0}file line kind target text\n".as_bytes()).is_some());
    }

    #[cfg(unix)]
    #[test]
    fn fifos_are_skipped_and_loops_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("good.txt"), "Recalling its resolution 72/194,").unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
        std::os::unix::fs::symlink("good.txt", root.join("twin.txt")).unwrap();
        let fifo = root.join("pipe.txt");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        let d = discover(&[root.to_path_buf()]);
        assert_eq!(d.files, vec![root.join("good.txt")]);
        // one size per file, as the file system gives it
        assert_eq!(d.sizes, vec![32]);
        let named = discover(&[root.join("good.txt"), PathBuf::from("-")]);
        assert_eq!(named.sizes, vec![32, u64::MAX]);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert!(d.skipped.iter().any(|s| s.contains("twin.txt: same file")));
        if ok {
            assert!(
                d.skipped.iter().any(|s| s.contains("pipe.txt: a FIFO")),
                "{:?}",
                d.skipped
            );
        }
    }

    #[test]
    fn the_output_folder_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "resolution 72/194").unwrap();
        std::fs::create_dir(root.join("out")).unwrap();
        std::fs::write(root.join("out/b.txt"), "resolution 72/194").unwrap();
        std::fs::write(
            root.join("report.md"),
            "# Citation report\n\n## Corpus\n\n- **1** documents\n",
        )
        .unwrap();
        exclude_folder(&root.join("out"));
        let d = discover(&[root.to_path_buf()]);
        // report.md is told apart when read (`read_found`), not by the walk
        assert_eq!(d.files, vec![root.join("a.txt"), root.join("report.md")]);
        assert_eq!(d.walked, [true, true]);
        assert_eq!(d.folders, [(root.to_path_buf(), 0..2)]);
        assert!(
            d.skipped
                .iter()
                .any(|s| s.ends_with("the output folder, skipped"))
        );
        let own = crate::input::read_found(&root.join("report.md"), true, d.sizes[1]);
        assert!(
            matches!(
                own,
                Err(InputError::OwnOutput {
                    what: "a citation report",
                    ..
                })
            ),
            "{own:?}"
        );
        // named, it is read like any file
        assert!(crate::input::read_found(&root.join("report.md"), false, d.sizes[1]).is_ok());
    }

    #[test]
    fn a_folder_given_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "resolution 72/194").unwrap();
        let p = dir.path().to_path_buf();
        let d = discover(&[p.clone(), p.join("."), p]);
        assert_eq!(d.files.len(), 1);
        assert!(d.errors.is_empty(), "{:?}", d.errors);
        assert_eq!(d.skipped.len(), 2, "{:?}", d.skipped);
    }

    #[test]
    fn reads_are_capped() {
        let mut r: &[u8] = b"0123456789";
        assert_eq!(read_capped(&mut r, 10).unwrap(), Ok(b"0123456789".to_vec()));
        let mut r: &[u8] = b"0123456789";
        assert_eq!(read_capped(&mut r, 4).unwrap(), Err(5));
        let big = vec![b'a'; 200_000];
        assert_eq!(
            read_capped(&mut &big[..], 200_000).unwrap().unwrap().len(),
            200_000
        );
        assert_eq!(read_capped(&mut &big[..], 150_000).unwrap(), Err(150_001));
        // a binary stream stops at its first 64 KiB
        let mut zero = std::io::repeat(0);
        assert_eq!(
            read_capped(&mut zero, 1 << 30).unwrap().unwrap().len(),
            65536
        );
    }

    /// With the size the walk saw, a read gives what it gives without one,
    /// whether the file kept that size, grew or shrank since.
    #[test]
    fn sized_reads_are_unsized_reads() {
        let mut nul = vec![b'x'; 100_000];
        nul[70_000] = 0;
        let mut head_nul = vec![b'y'; 100_000];
        head_nul[10] = 0;
        let texts: [&[u8]; 5] = [
            b"0123456789",
            &[b'a'; 200_000],
            &nul,
            &head_nul,
            b"%PDF-\0\0",
        ];
        for t in texts {
            for limit in [4, 10, 150_000, 1 << 30] {
                let unsized_read = read_capped(&mut &t[..], limit).unwrap();
                for hint in [1, t.len() as u64 - 1, t.len() as u64, t.len() as u64 + 7] {
                    assert_eq!(
                        read_capped_sized(&mut &t[..], limit, hint).unwrap(),
                        unsized_read,
                        "{} bytes, limit {limit}, hint {hint}",
                        t.len()
                    );
                }
            }
        }
    }
}
