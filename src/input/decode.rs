//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, else Windows-1252.
//!
//! UTF-8 is decoded as UTF-8 even when a few bytes are invalid (a stray
//! byte appended by a bad copy): those bytes only are replaced by U+FFFD,
//! with a note saying how many. A file is read as Windows-1252 only when it
//! is mostly not UTF-8: it has more invalid bytes than valid non-ASCII
//! characters (a Windows-1252 text has no valid multi-byte sequence, or
//! almost none). A UTF-8 byte-order mark is kept as U+FEFF (three bytes,
//! like the mark), so offsets into the decoded text are offsets into the
//! file; the extractor reads it as nothing.

use std::borrow::Cow;

/// Decodes `bytes`; returns the text and notes, or the offset of a NUL byte
/// when the data is binary. Bytes given up (`Cow::Owned`) that are valid
/// UTF-8 (most files) become the text without a copy.
pub(super) fn decode(bytes: Cow<'_, [u8]>) -> Result<(String, Vec<String>), usize> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        if enc == encoding_rs::UTF_8 {
            return decode_plain(bytes);
        }
        // UTF-16: NUL bytes are expected here, so no binary check.
        let (text, _, had_errors) = enc.decode(&bytes);
        let mut notes = vec![format!("decoded as {}", enc.name())];
        if had_errors {
            notes.push("invalid sequences replaced by U+FFFD".into());
        }
        return Ok((text.into_owned(), notes));
    }
    decode_plain(bytes)
}

fn decode_plain(data: Cow<'_, [u8]>) -> Result<(String, Vec<String>), usize> {
    if let Some(offset) = memchr::memchr(0, &data) {
        return Err(offset);
    }
    // Valid UTF-8, the common case, is told by simdutf8 (vector code chosen
    // at run time): std's check was 0.8 % of the instructions of `extract`
    // on the shared corpus, French and Russian texts costing the most.
    if simdutf8::basic::from_utf8(&data).is_ok() {
        let text = match data {
            // SAFETY: the bytes were just checked to be valid UTF-8.
            Cow::Owned(v) => unsafe { String::from_utf8_unchecked(v) },
            // SAFETY: as above.
            Cow::Borrowed(b) => unsafe { std::str::from_utf8_unchecked(b) }.to_string(),
        };
        return Ok((text, Vec::new()));
    }
    let bytes: &[u8] = &data;
    let mut invalid = 0usize;
    let mut non_ascii = 0usize;
    let mut first_bad = None;
    let mut at = 0usize;
    for chunk in bytes.utf8_chunks() {
        let v = chunk.valid();
        non_ascii += v.chars().filter(|c| !c.is_ascii()).count();
        at += v.len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(at);
            invalid += chunk.invalid().len();
            at += chunk.invalid().len();
        }
    }
    let first_bad = first_bad.unwrap_or(0);
    if invalid > non_ascii {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        return Ok((
            text.into_owned(),
            vec![format!(
                "not valid UTF-8 (byte {first_bad}): decoded as Windows-1252"
            )],
        ));
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let bytes_word = if invalid == 1 { "byte" } else { "bytes" };
    Ok((
        text,
        vec![format!(
            "{invalid} invalid UTF-8 {bytes_word} (first at byte {first_bad}) replaced by U+FFFD"
        )],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_byte_keeps_utf8() {
        let mut b = "Ссылаясь на резолюцию 72/194,".as_bytes().to_vec();
        b.push(0x92);
        let (t, notes) = decode(Cow::Borrowed(&b)).unwrap();
        assert_eq!(t, "Ссылаясь на резолюцию 72/194,\u{FFFD}");
        assert_eq!(
            notes,
            ["1 invalid UTF-8 byte (first at byte 48) replaced by U+FFFD"]
        );
    }

    #[test]
    fn mostly_windows_1252_is_windows_1252() {
        let (t, notes) = decode(Cow::Borrowed(
            b"r\xe9solution du Conseil \x96 72/194 \x93x\x94",
        ))
        .unwrap();
        assert_eq!(t, "résolution du Conseil – 72/194 “x”");
        assert!(notes[0].contains("Windows-1252"), "{notes:?}");
        // one valid UTF-8 character does not outweigh three bad bytes
        let (t, _) = decode(Cow::Borrowed(
            "é \u{e9}"
                .as_bytes()
                .iter()
                .copied()
                .chain(*b" \xe9\xe8\xe0")
                .collect::<Vec<_>>()
                .as_slice(),
        ))
        .unwrap();
        assert!(t.ends_with("éèà"), "{t}");
    }

    #[test]
    fn bom_keeps_offsets() {
        let (t, notes) = decode(Cow::Borrowed(b"\xef\xbb\xbfresolution 72/194")).unwrap();
        assert!(notes.is_empty());
        assert_eq!(t.find("72/194"), Some(14));
        assert_eq!(&b"\xef\xbb\xbfresolution 72/194"[14..20], b"72/194");
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(decode(Cow::Borrowed(b"ab\0c")), Err(2));
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let cases: [&[u8]; 7] = [
            b"resolution 72/194",
            b"\xef\xbb\xbfresolution 72/194",
            "Ссылаясь на резолюцию 72/194,\u{92}".as_bytes(),
            b"r\xe9solution \x96 72/194",
            b"ab\0c",
            b"\xff\xfer\0e\0s\0",
            b"",
        ];
        for b in cases {
            assert_eq!(
                decode(Cow::Owned(b.to_vec())),
                decode(Cow::Borrowed(b)),
                "{b:?}"
            );
        }
    }
}
