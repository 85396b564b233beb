//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, else Windows-1252.

/// Decodes `bytes`; returns the text and notes, or the offset of a NUL byte
/// when the data is binary.
pub(super) fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), usize> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc == encoding_rs::UTF_8 {
            let body = &bytes[bom_len..];
            return decode_plain(body);
        }
        // UTF-16: NUL bytes are expected here, so no binary check.
        let (text, _, had_errors) = enc.decode(bytes);
        let mut notes = vec![format!("decoded as {}", enc.name())];
        if had_errors {
            notes.push("invalid sequences replaced by U+FFFD".into());
        }
        return Ok((text.into_owned(), notes));
    }
    decode_plain(bytes)
}

fn decode_plain(bytes: &[u8]) -> Result<(String, Vec<String>), usize> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(offset);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Vec::new())),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((
                text.into_owned(),
                vec![format!(
                    "not valid UTF-8 (byte {}): decoded as Windows-1252",
                    e.valid_up_to()
                )],
            ))
        }
    }
}
