//! Stage 1: documents in.
//!
//! Turns the paths a user gives (files, folders walked recursively, `-` for
//! standard input) into decoded documents. Every problem with one document —
//! a missing path, a binary file, an empty file, a file too large — is an
//! [`InputError`] that names the file; callers report it and go on with the
//! other documents, so one bad file never stops a run.
//!
//! Decoding: UTF-8 (a byte-order mark is kept as U+FEFF so that offsets stay
//! file offsets; a few invalid bytes become U+FFFD), UTF-16 with a byte-order
//! mark, and, for a file mostly not UTF-8, Windows-1252, the usual encoding of older UN text
//! files — with a note saying so. HTML is reduced to its text (tags removed,
//! entities decoded) with a map back to the offsets in the file.
//!
//! PDF and Word (`.docx`) files are recognised by their content (`%PDF-`,
//! the ZIP signature), whatever their name, and turned into text
//! ([`pdf`], [`docx`]); for them, citation offsets refer to that extracted
//! text. Old binary Word files (`.doc`) get a note to save them as `.docx`
//! or PDF.

mod decode;
pub mod docx;
mod html;
pub mod pdf;
mod pdf_bidi;
mod walk;

pub use walk::{Discovery, discover, exclude_folder};

use crate::text::Mapped;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (UN documents are far smaller; a file
/// this size is almost surely not a document).
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// A problem with one input path.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{}: no such file or folder", path.display())]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// The operating system refused to read it.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// It holds NUL bytes: not a text document.
    #[error("{}: binary file (NUL byte at byte {offset}), skipped", path.display())]
    Binary {
        /// The path as given.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// It holds no text.
    #[error("{}: empty file, skipped", path.display())]
    Empty {
        /// The path as given.
        path: PathBuf,
    },
    /// It is larger than [`MAX_FILE_BYTES`].
    #[error("{}: file too large ({size} bytes; the limit is {limit} bytes), skipped", path.display())]
    TooLarge {
        /// The path as given.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A file found in a folder that unxref wrote itself (a citation
    /// report, a listing, a VOSviewer map): passed over. Not a failure: the
    /// pipeline lists it with the skipped files, not with the errors.
    #[error("{}: written by unxref ({what}), skipped", path.display())]
    OwnOutput {
        /// The path as found.
        path: PathBuf,
        /// What unxref output it is.
        what: &'static str,
    },
    /// A folder that holds no readable document.
    #[error("{}: folder holds no .txt, .md, .html, .pdf or .docx document", path.display())]
    NoDocuments {
        /// The folder as given.
        path: PathBuf,
    },
    /// A PDF that gave no text (scanned, encrypted, damaged, over a limit).
    #[error("{}: {reason}", path.display())]
    Pdf {
        /// The path as given.
        path: PathBuf,
        /// Why.
        reason: pdf::PdfError,
    },
    /// A Word file that gave no text (not a .docx, damaged, an old .doc).
    #[error("{}: {reason}", path.display())]
    Docx {
        /// The path as given.
        path: PathBuf,
        /// Why.
        reason: docx::DocxError,
    },
}

impl InputError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            InputError::NotFound { path }
            | InputError::Io { path, .. }
            | InputError::Binary { path, .. }
            | InputError::Empty { path }
            | InputError::TooLarge { path, .. }
            | InputError::NoDocuments { path }
            | InputError::OwnOutput { path, .. }
            | InputError::Pdf { path, .. }
            | InputError::Docx { path, .. } => path,
        }
    }
}

/// How a document's text was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown.
    Text,
    /// HTML: tags were stripped and entities decoded.
    Html,
    /// PDF: the text poppler lays out, each page ended by a form feed.
    Pdf,
    /// Word (`.docx`): paragraphs as lines, then the notes.
    Docx,
}

/// One decoded document.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    /// The decoded file text; citation offsets point into this.
    pub raw: String,
    /// The text to search when it differs from `raw` (HTML, stripped of its
    /// tags), with the map of its offsets back into `raw`; `None` when
    /// `raw` itself is the text to search (plain text, PDF, Word): no second
    /// copy of every file is made.
    pub text: Option<Mapped>,
    /// Plain text, HTML, PDF or Word.
    pub format: Format,
    /// Notes on decoding, for the user ("decoded as Windows-1252").
    pub notes: Vec<String>,
}

impl SourceDoc {
    /// The text to search: `text` when it differs from `raw` (HTML), else
    /// `raw` itself.
    pub fn search_text(&self) -> &str {
        self.text.as_ref().map_or(&self.raw, |m| &m.text)
    }
}

/// The file kinds a folder walk picks up: `.txt`, `.md`, `.html`/`.htm`,
/// `.pdf`, `.docx`, `.doc` by name, and any other file that starts like a
/// PDF or a ZIP archive (a `.docx` without its extension).
pub fn is_supported(path: &Path) -> bool {
    matches!(
        extension(path).as_deref(),
        Some("txt" | "md" | "html" | "htm" | "pdf" | "docx" | "doc")
    ) || sniff(path)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

/// Whether the file starts with `%PDF-` or `PK\x03\x04`.
fn sniff(path: &Path) -> bool {
    let mut head = [0u8; 8];
    // Only regular files: opening a FIFO would wait for a writer.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let mut n = 0;
    while n < head.len() {
        match std::io::Read::read(&mut f, &mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    head[..n].starts_with(b"%PDF-") || docx::is_zip(&head[..n])
}

fn is_html(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("html" | "htm"))
}

/// Reads and decodes one file (or standard input for `-`).
pub fn read(path: &Path) -> Result<SourceDoc, InputError> {
    read_checked(path, false, None)
}

/// Reads a file [`discover`] found, as [`read`] does, with what the walk
/// learnt of it: `walked` (found in a folder, see [`Discovery::walked`]):
/// when its first bytes show that unxref wrote it, [`InputError::OwnOutput`]
/// instead of its text; `size` (its length as the walk saw it, see
/// [`Discovery::sizes`]): the file system is not asked again (a corpus of
/// thousands of small files spent a tenth of its reading time in those
/// system calls).
pub fn read_found(path: &Path, walked: bool, size: u64) -> Result<SourceDoc, InputError> {
    read_checked(path, walked, Some(size))
}

fn read_checked(path: &Path, own_check: bool, size: Option<u64>) -> Result<SourceDoc, InputError> {
    let shown = path.to_string_lossy().into_owned();
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let too_large = |size| InputError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FILE_BYTES,
    };
    // standard input, FIFOs and devices have no size: the limit caps the read
    let read = if shown == "-" {
        walk::read_capped(&mut std::io::stdin().lock(), MAX_FILE_BYTES)
    } else {
        let mut file = std::fs::File::open(path).map_err(|source| match source.kind() {
            std::io::ErrorKind::NotFound => InputError::NotFound {
                path: path.to_path_buf(),
            },
            _ => io(source),
        })?;
        let len = match size {
            Some(n) => n,
            None => file.metadata().map_err(io)?.len(),
        };
        if len > MAX_FILE_BYTES {
            return Err(too_large(len));
        }
        walk::read_capped_sized(&mut file, MAX_FILE_BYTES, len)
    };
    let bytes = read.map_err(io)?.map_err(too_large)?;
    if own_check && let Some(what) = walk::recognise(&bytes) {
        return Err(InputError::OwnOutput {
            path: path.to_path_buf(),
            what,
        });
    }
    from_cow(&shown, Cow::Owned(bytes), is_html(path))
}

/// Decodes a document held in memory; `path` is used in messages and for
/// its extension. PDF and Word files are recognised by their content
/// whatever `path` and `html` say; a `.pdf` or `.docx` name on other content
/// is an error.
pub fn from_bytes(path: &str, bytes: &[u8], html: bool) -> Result<SourceDoc, InputError> {
    from_cow(path, Cow::Borrowed(bytes), html)
}

/// [`from_bytes`] of bytes borrowed or given up (then a UTF-8 text becomes
/// the document's text without a copy).
fn from_cow(path: &str, data: Cow<'_, [u8]>, html: bool) -> Result<SourceDoc, InputError> {
    let bytes: &[u8] = &data;
    let pb = || PathBuf::from(path);
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            path: pb(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let ext = extension(Path::new(path));
    let pdf_err = |reason| InputError::Pdf { path: pb(), reason };
    let docx_err = |reason| InputError::Docx { path: pb(), reason };
    let extracted = if pdf::is_pdf(bytes) {
        Some((pdf::extract(bytes).map_err(pdf_err)?, Format::Pdf))
    } else if docx::is_zip(bytes) || docx::is_ole(bytes) {
        Some((docx::extract(bytes).map_err(docx_err)?, Format::Docx))
    } else {
        match ext.as_deref() {
            Some("pdf") if !bytes.is_empty() => {
                return Err(pdf_err(pdf::PdfError::Damaged(
                    "no %PDF- header: not a PDF".into(),
                )));
            }
            Some("docx") if !bytes.is_empty() => {
                return Err(docx_err(docx::DocxError::NotZip("no ZIP signature".into())));
            }
            Some("doc") if !bytes.is_empty() => return Err(docx_err(docx::DocxError::OldWord)),
            _ => None,
        }
    };
    if let Some((raw, format)) = extracted {
        if raw.trim().is_empty() {
            return Err(InputError::Empty { path: pb() });
        }
        return Ok(SourceDoc {
            path: path.to_string(),
            text: None,
            raw,
            format,
            notes: Vec::new(),
        });
    }
    let (raw, notes) =
        decode::decode(data).map_err(|offset| InputError::Binary { path: pb(), offset })?;
    let (text, format) = if html {
        (Some(html::strip(&raw)), Format::Html)
    } else {
        (None, Format::Text)
    };
    if text
        .as_ref()
        .map_or(raw.as_str(), |m| m.text.as_str())
        .trim()
        .is_empty()
    {
        return Err(InputError::Empty { path: pb() });
    }
    Ok(SourceDoc {
        path: path.to_string(),
        raw,
        text,
        format,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_inputs_are_named_errors() {
        let e = from_bytes("x.txt", b"abc\0def", false).unwrap_err();
        assert!(e.to_string().starts_with("x.txt: binary file"), "{e}");
        let e = from_bytes("e.txt", b"  \n\t ", false).unwrap_err();
        assert_eq!(e.to_string(), "e.txt: empty file, skipped");
        let e = read(Path::new("/nonexistent/zz.txt")).unwrap_err();
        assert_eq!(e.to_string(), "/nonexistent/zz.txt: no such file or folder");
    }

    #[test]
    fn windows_1252_fallback() {
        let d = from_bytes("w.txt", b"r\xe9solution 72/194", false).unwrap();
        assert_eq!(d.raw, "résolution 72/194");
        assert_eq!(d.notes.len(), 1);
        assert!(d.notes[0].contains("Windows-1252"));
    }

    #[test]
    fn html_is_stripped_with_offsets() {
        let src = "<p>r&eacute;solution <b>72/194</b></p>";
        let d = from_bytes("a.html", src.as_bytes(), true).unwrap();
        let m = d.text.as_ref().unwrap();
        let at = m.text.find("72/194").unwrap();
        let s = m.to_source(at);
        assert_eq!(&d.raw[s..s + 6], "72/194");
        assert!(m.text.contains("résolution"));
    }
}
