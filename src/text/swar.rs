//! Eight bytes at a time ("SWAR"): a block of a byte slice as one `u64`,
//! each byte's test result in its high bit. Used by the scans that skip
//! ordinary bytes eight at a time (context passages, JSON escaping) and by
//! those of [`classes`](super::classes) for the last bytes of a text (cleaning); folding and
//! the language's script count skip ASCII 64 bytes at a time
//! ([`classes::high`](super::classes::high)).

/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low seven bits of every byte.
pub const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// One in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `b` from `i` (little-endian: byte `i` lowest).
#[inline(always)]
pub fn load(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

/// High bit set in each byte of `w` equal to `x` (exact: no carry
/// crosses bytes).
#[inline(always)]
pub fn eq(w: u64, x: u8) -> u64 {
    let z = w ^ (ONES * u64::from(x));
    !(((z & LOW) + LOW) | z) & HIGH
}

/// High bit set in each byte of `w` below 0x20 (a control character).
#[inline(always)]
pub fn control(w: u64) -> u64 {
    // (x & 0x7F) + 0x60 has no high bit, and x has none either
    !(((w & LOW) + ONES * 0x60) | w) & HIGH
}

/// The index (0–7) of the first byte whose high bit is set in `hit`.
#[inline(always)]
pub fn first(hit: u64) -> usize {
    (hit.trailing_zeros() / 8) as usize
}

/// The end of the run of spaces (`b' '`) that starts at `i` in `b`
/// (`i` itself when `b[i]` is not a space), eight bytes at a time: the
/// indents of layout-preserving extractions (`pdftotext -layout`) are
/// tens of spaces before most lines, which the line scans of page
/// furniture and paragraphs passed byte by byte.
#[inline(always)]
pub fn past_spaces(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        let other = !eq(load(b, i), b' ') & HIGH;
        if other != 0 {
            return i + first(other);
        }
        i += 8;
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swar_tests_each_byte() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for i in (0..=248).step_by(3) {
            let w = load(&bytes, i);
            for x in [0u8, 0x1F, 0x20, b'"', b'\\', 0x7F, 0x80, 0xC2, 0xFF] {
                let want: u64 = (0..8)
                    .filter(|&k| bytes[i + k] == x)
                    .map(|k| 0x80u64 << (8 * k))
                    .sum();
                assert_eq!(eq(w, x), want, "{i} {x}");
            }
            let want: u64 = (0..8)
                .filter(|&k| bytes[i + k] < 0x20)
                .map(|k| 0x80u64 << (8 * k))
                .sum();
            assert_eq!(control(w), want, "{i}");
        }
        assert_eq!(first(0x80 << 24), 3);
    }

    #[test]
    fn past_spaces_ends_each_run() {
        // (text, from, end of the run of spaces)
        let cases: &[(&str, usize, usize)] = &[
            ("", 0, 0),
            ("x", 0, 0),
            ("   x", 0, 3),
            ("  \tx", 0, 2),
            ("a   b", 1, 4),
            ("        ", 0, 8),
            ("                    1. Decides", 0, 20),
            ("                   \n  x", 0, 19),
            ("         \u{a0}x", 0, 9),
        ];
        for &(text, from, want) in cases {
            assert_eq!(past_spaces(text.as_bytes(), from), want, "{text:?} {from}");
        }
        // Every start and length, against a byte-by-byte count.
        let text = format!("{}x{}y", " ".repeat(21), " ".repeat(9));
        let b = text.as_bytes();
        for from in 0..b.len() {
            let want = from + b[from..].iter().take_while(|&&x| x == b' ').count();
            assert_eq!(past_spaces(b, from), want, "{from}");
        }
    }
}
