//! Word (`.docx`, Office Open XML) to text.
//!
//! The header of the first page comes first (the masthead of the UN's
//! templates is there). The body (`word/document.xml`) gives one line per
//! paragraph, paragraphs
//! separated by a blank line (tabs and line breaks kept, table cells one
//! paragraph each); the footnotes
//! (`word/footnotes.xml`) and endnotes follow, in the order they are first
//! referenced, each opening with its number ("1 See resolution 72/194"),
//! like footnotes at the bottom of a PDF page. Footnote markers in the body
//! are left out, so that a marker never glues onto a cited number.
//! Deleted text of tracked changes and field codes are not text. The result
//! is NFC-normalised.
//!
//! Old binary Word files (`.doc`) are not read: no well-kept crate reads
//! them, and Word saves them as `.docx` or PDF in one step.

use std::collections::HashMap;
use std::io::Read;
use unicode_normalization::UnicodeNormalization;

/// The largest XML part read (decompressed): a guard against ZIP bombs.
/// UN documents' `document.xml` are a few megabytes.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Why a file gave no Word text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// Not a ZIP archive at all.
    #[error("not a Word document (.docx): not a ZIP archive ({0}), skipped")]
    NotZip(String),
    /// A ZIP archive without `word/document.xml`.
    #[error("not a Word document (.docx): the archive has no word/document.xml, skipped")]
    NoDocument,
    /// A part that cannot be read or parsed.
    #[error("damaged Word document: {part}: {reason}, skipped")]
    Damaged {
        /// The part (`word/document.xml`).
        part: String,
        /// What went wrong.
        reason: String,
    },
    /// An old binary Word (or other Office) file.
    #[error(
        "Word 97-2003 document (.doc) or other old Office file: not read; save it as .docx or PDF"
    )]
    OldWord,
}

/// Whether `bytes` start with a ZIP local file header (`PK\x03\x04`).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether `bytes` start with the OLE compound file signature of old
/// Office files (`.doc`, `.xls`, `.ppt`).
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Extracts the text of a `.docx` held in memory.
pub fn extract(bytes: &[u8]) -> Result<String, DocxError> {
    if is_ole(bytes) {
        return Err(DocxError::OldWord);
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError::NotZip(e.to_string()))?;
    let body = read_part(&mut zip, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let mut out = Text::default();
    // The first page's header holds the masthead in the UN's templates.
    let mut header_id = None;
    with_doc("word/document.xml", &body, |root| {
        header_id = first_page_header(root);
        Ok(())
    })?;
    if let Some(part) = header_id.and_then(|id| header_part(&mut zip, &id))
        && let Some(xml) = read_part(&mut zip, &part)?
    {
        with_doc(&part, &xml, |root| {
            out.walk(root);
            Ok(())
        })?;
    }
    with_doc("word/document.xml", &body, |root| {
        out.walk(root);
        Ok(())
    })?;
    for (part, refs) in [
        ("word/footnotes.xml", std::mem::take(&mut out.footnote_refs)),
        ("word/endnotes.xml", std::mem::take(&mut out.endnote_refs)),
    ] {
        let Some(xml) = read_part(&mut zip, part)? else {
            continue;
        };
        with_doc(part, &xml, |root| {
            out.notes(root, &refs);
            Ok(())
        })?;
    }
    Ok(out.s.nfc().collect())
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The relationship id of the header shown on the first page: that of the
/// first section, `first` when the section has a distinct title page, else
/// `default`.
fn first_page_header(root: roxmltree::Node) -> Option<String> {
    let sect = root.descendants().find(|n| is_w(n, "sectPr"))?;
    let title_pg = sect
        .children()
        .any(|c| is_w(&c, "titlePg") && !matches!(w_attr(&c, "val"), Some("0" | "false" | "off")));
    let want = if title_pg { "first" } else { "default" };
    sect.children()
        .filter(|c| is_w(c, "headerReference"))
        .find(|c| w_attr(c, "type").unwrap_or("default") == want)
        .and_then(|c| c.attribute((REL, "id")))
        .map(str::to_string)
}

/// The part a relationship id of `word/document.xml` points to.
fn header_part<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, id: &str) -> Option<String> {
    let rels = read_part(zip, "word/_rels/document.xml.rels").ok()??;
    let doc = roxmltree::Document::parse(&rels).ok()?;
    let target = doc
        .descendants()
        .find(|n| n.tag_name().name() == "Relationship" && n.attribute("Id") == Some(id))?
        .attribute("Target")?;
    Some(match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("word/{target}"),
    })
}

fn read_part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
) -> Result<Option<String>, DocxError> {
    let damaged = |reason: String| DocxError::Damaged {
        part: part.to_string(),
        reason,
    };
    let file = match zip.by_name(part) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(damaged(e.to_string())),
    };
    let mut buf = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| damaged(e.to_string()))?;
    if buf.len() as u64 > MAX_PART_BYTES {
        return Err(damaged(format!(
            "larger than {} MB decompressed",
            MAX_PART_BYTES >> 20
        )));
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| damaged("not UTF-8".into()))
}

fn with_doc(
    part: &str,
    xml: &str,
    f: impl FnOnce(roxmltree::Node) -> Result<(), DocxError>,
) -> Result<(), DocxError> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    let doc =
        roxmltree::Document::parse_with_options(xml, opts).map_err(|e| DocxError::Damaged {
            part: part.to_string(),
            reason: e.to_string(),
        })?;
    f(doc.root_element())
}

#[derive(Default)]
struct Text {
    s: String,
    footnote_refs: Vec<String>,
    endnote_refs: Vec<String>,
}

fn is_w(n: &roxmltree::Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn w_attr<'a>(n: &roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

impl Text {
    /// Appends the text under `node` (iteratively: deep nesting cannot
    /// overflow the stack).
    fn walk(&mut self, node: roxmltree::Node) {
        // (node, closing): paragraphs end with a newline once their
        // children are done.
        let mut stack = vec![(node, false)];
        while let Some((n, closing)) = stack.pop() {
            if closing {
                // A blank line between paragraphs, as in layout text (the
                // structure reader sees paragraphs by it).
                self.s.push_str("\n\n");
                continue;
            }
            if !n.is_element() {
                continue;
            }
            let tag = n.tag_name();
            if tag.namespace() == Some(MC) && tag.name() == "Fallback" {
                continue; // the same content as mc:Choice, for old readers
            }
            if tag.namespace() == Some(W) {
                match tag.name() {
                    "t" => {
                        self.s.extend(
                            n.text()
                                .unwrap_or("")
                                .chars()
                                .map(|c| if c == '\0' { ' ' } else { c }),
                        );
                        continue;
                    }
                    "tab" if n.parent().is_some_and(|p| is_w(&p, "r")) => {
                        self.s.push('\t');
                        continue;
                    }
                    "br" | "cr" => {
                        self.s.push('\n');
                        continue;
                    }
                    "noBreakHyphen" => {
                        self.s.push('-');
                        continue;
                    }
                    "footnoteReference" | "endnoteReference" => {
                        if let Some(id) = w_attr(&n, "id") {
                            let refs = if tag.name() == "footnoteReference" {
                                &mut self.footnote_refs
                            } else {
                                &mut self.endnote_refs
                            };
                            if !refs.iter().any(|r| r == id) {
                                refs.push(id.to_string());
                            }
                        }
                        continue;
                    }
                    "delText" | "instrText" | "pPr" | "rPr" | "sectPr" => continue,
                    "p" => stack.push((n, true)),
                    _ => {}
                }
            }
            let children: Vec<_> = n.children().filter(|c| c.is_element()).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, false)));
        }
    }

    /// Appends the footnotes (or endnotes) of `root`: referenced ones first,
    /// in reference order and numbered by it, then any others.
    fn notes(&mut self, root: roxmltree::Node, refs: &[String]) {
        let notes: Vec<_> = root
            .children()
            .filter(|n| {
                (is_w(n, "footnote") || is_w(n, "endnote"))
                    && matches!(w_attr(n, "type"), None | Some("normal"))
            })
            .collect();
        if notes.is_empty() {
            return;
        }
        let by_id: HashMap<&str, usize> = notes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| w_attr(n, "id").map(|id| (id, i)))
            .collect();
        let mut order: Vec<usize> = refs
            .iter()
            .filter_map(|r| by_id.get(r.as_str()).copied())
            .collect();
        for i in 0..notes.len() {
            if !order.contains(&i) {
                order.push(i);
            }
        }
        if !self.s.ends_with('\n') {
            self.s.push('\n');
        }
        self.s.push('\n');
        for (k, &i) in order.iter().enumerate() {
            let start = self.s.len();
            self.walk(notes[i]);
            // The note's number opens its first line, as printed.
            let body = self.s[start..].trim_start().to_string();
            self.s.truncate(start);
            self.s.push_str(&format!("{} {}", k + 1, body));
            if !self.s.ends_with('\n') {
                self.s.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_docx() {
        assert!(matches!(extract(b"hello"), Err(DocxError::NotZip(_))));
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        assert_eq!(extract(&ole), Err(DocxError::OldWord));
    }
}
