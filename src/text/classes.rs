//! Sixty-four bytes at a time: which bytes of a block are ASCII letters,
//! ASCII digits or non-ASCII ([`block`]), spaces and control
//! bytes ([`spacing`]) or in a small set ([`any_of`]),
//! as bit masks (bit `k`: byte `i + k`), which a scan then walks with
//! `trailing_zeros`.
//!
//! Why: the scans that look at every byte of every text (the word starts
//! of the instrument anchors, the bytes that cleaning and normalising may
//! change, sentence bounds, the language vote's words, the non-ASCII bytes
//! folding and the script count look at) took a quarter of
//! the instructions of `unxref extract` eight bytes at a time ([`swar`](super::swar));
//! in blocks of 64 they take half as many. On x86-64 a block is read with
//! SSE2 (part of the architecture's baseline, so no feature check),
//! sixteen bytes per compare; elsewhere byte by byte.

/// The classes of one 64-byte block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// ASCII letters (`A`–`Z`, `a`–`z`).
    pub alpha: u64,
    /// ASCII digits.
    pub digit: u64,
    /// Bytes from 0x80 up (parts of non-ASCII characters).
    pub high: u64,
}

/// The classes of `b[i..i + 64]` (which must be in bounds).
#[inline(always)]
pub fn block(b: &[u8], i: usize) -> Block {
    let b: &[u8; 64] = b[i..i + 64].try_into().expect("64 bytes");
    block_of(b)
}

/// Bit masks of a block from vector tests of its four 16-byte lanes:
/// `test` gives, per lane, `N` vectors whose bytes are 0xFF where the
/// byte passes (as SSE2 compares make them); bit `16 * k + j` of mask
/// `n` is byte `j` of lane `k` in vector `n`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn masks<const N: usize>(
    b: &[u8; 64],
    test: impl Fn(std::arch::x86_64::__m128i) -> [std::arch::x86_64::__m128i; N],
) -> [u64; N] {
    use std::arch::x86_64::*;
    let mut out = [0u64; N];
    for k in 0..4 {
        // SAFETY: SSE2 is part of every x86-64 processor (the target's
        // baseline features); the load reads 16 bytes from 16 * k < 64
        // in `b`, which holds 64, with no alignment requirement.
        let v = unsafe { _mm_loadu_si128(b.as_ptr().add(16 * k).cast::<__m128i>()) };
        for (o, m) in out.iter_mut().zip(test(v)) {
            // SAFETY: SSE2, as above.
            *o |= u64::from(unsafe { _mm_movemask_epi8(m) } as u16) << (16 * k);
        }
    }
    out
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn block_of(b: &[u8; 64]) -> Block {
    use std::arch::x86_64::*;
    // SAFETY (of the intrinsics here and below): SSE2 is baseline on
    // x86-64. Signed compares: a byte from 0x80 up is negative, so it
    // is neither a letter nor a digit; its sign bit marks it high.
    let [alpha, digit, high] = masks(b, |v| unsafe {
        let l = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let (a, z) = (_mm_set1_epi8(b'a' as i8 - 1), _mm_set1_epi8(b'z' as i8 + 1));
        let (d0, d9) = (_mm_set1_epi8(b'0' as i8 - 1), _mm_set1_epi8(b'9' as i8 + 1));
        [
            _mm_and_si128(_mm_cmpgt_epi8(l, a), _mm_cmplt_epi8(l, z)),
            _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d9)),
            v,
        ]
    });
    Block { alpha, digit, high }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn block_of(b: &[u8; 64]) -> Block {
    let mut out = Block {
        alpha: 0,
        digit: 0,
        high: 0,
    };
    for (k, &x) in b.iter().enumerate() {
        out.alpha |= u64::from(x.is_ascii_alphabetic()) << k;
        out.digit |= u64::from(x.is_ascii_digit()) << k;
        out.high |= u64::from(x >= 0x80) << k;
    }
    out
}

/// The spaces, the control bytes (below 0x20: tabs, line breaks) and
/// the bytes from 0x80 up of `b[i..i + 64]` (which must be in bounds),
/// as bit masks: what white-space scans look at, in one pass.
#[inline(always)]
pub fn spacing(b: &[u8], i: usize) -> (u64, u64, u64) {
    let b: &[u8; 64] = b[i..i + 64].try_into().expect("64 bytes");
    spacing_block(b)
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spacing_block(b: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is baseline on x86-64 (see `masks`).
    let [space, control, high] = masks(b, |v| unsafe {
        // signed: below 0x20 and not negative (not 0x80 and up)
        let control = _mm_and_si128(
            _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
            _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)),
        );
        [_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)), control, v]
    });
    (space, control, high)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn spacing_block(b: &[u8; 64]) -> (u64, u64, u64) {
    let (mut space, mut control, mut high) = (0u64, 0u64, 0u64);
    for (k, &x) in b.iter().enumerate() {
        space |= u64::from(x == b' ') << k;
        control |= u64::from(x < 0x20) << k;
        high |= u64::from(x >= 0x80) << k;
    }
    (space, control, high)
}

/// The ASCII white space of `b[i..i + 64]` (which must be in bounds),
/// as [`u8::is_ascii_whitespace`] sees it, and its bytes from 0x80 up,
/// as bit masks: the spaces, the others ("breaks": tabs, line breaks,
/// form feeds; not the vertical tab), the non-ASCII bytes. One pass
/// ([`spacing`] then [`any_of`] on the control bytes gave them in two,
/// for 14 % more instructions in the instruments' normaliser's blocks).
#[inline(always)]
pub fn white_space(b: &[u8], i: usize) -> (u64, u64, u64) {
    let b: &[u8; 64] = b[i..i + 64].try_into().expect("64 bytes");
    white_space_block(b)
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn white_space_block(b: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is baseline on x86-64 (see `masks`).
    let [space, breaks, high] = masks(b, |v| unsafe {
        // \t \n \x0B \x0C \r: 9 to 13, unsigned (the minimum of the
        // byte minus 9 and 4 is itself); then not the vertical tab
        let t = _mm_sub_epi8(v, _mm_set1_epi8(9));
        let in_range = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t);
        let vt = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x0B));
        [
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)),
            _mm_andnot_si128(vt, in_range),
            v,
        ]
    });
    (space, breaks, high)
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn white_space_block(b: &[u8; 64]) -> (u64, u64, u64) {
    let (mut space, mut breaks, mut high) = (0u64, 0u64, 0u64);
    for (k, &x) in b.iter().enumerate() {
        space |= u64::from(x == b' ') << k;
        breaks |= u64::from(x.is_ascii_whitespace() && x != b' ') << k;
        high |= u64::from(x >= 0x80) << k;
    }
    (space, breaks, high)
}

/// The bytes of `b[i..i + 64]` (which must be in bounds) from 0x80 up
/// (parts of non-ASCII characters), as a bit mask: one instruction per
/// 16 bytes on x86-64 (the sign bits).
#[inline(always)]
pub fn high(b: &[u8], i: usize) -> u64 {
    let b: &[u8; 64] = b[i..i + 64].try_into().expect("64 bytes");
    #[cfg(target_arch = "x86_64")]
    {
        let [high] = masks(b, |v| [v]);
        high
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        b.iter()
            .enumerate()
            .fold(0u64, |m, (k, &x)| m | u64::from(x >= 0x80) << k)
    }
}

/// From `i`, past the whole blocks of 64 ASCII bytes: the first byte
/// from 0x80 up in the first block that holds one, else where fewer
/// than 64 bytes are left (`b.len()` at most). The scans that look only
/// at non-ASCII bytes (folding, the script count) go on from there.
#[inline(always)]
pub fn skip_ascii(b: &[u8], mut i: usize) -> usize {
    while i + 64 <= b.len() {
        let h = high(b, i);
        if h != 0 {
            return i + h.trailing_zeros() as usize;
        }
        i += 64;
    }
    i
}

/// The bytes of `b[i..i + 64]` (which must be in bounds) that are in
/// `set` (a few bytes: one compare each per 16 bytes), as a bit mask.
#[inline(always)]
pub fn any_of(b: &[u8], i: usize, set: &[u8]) -> u64 {
    let b: &[u8; 64] = b[i..i + 64].try_into().expect("64 bytes");
    any_of_block(b, set)
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn any_of_block(b: &[u8; 64], set: &[u8]) -> u64 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is baseline on x86-64 (see `masks`).
    let [hits] = masks(b, |v| unsafe {
        let mut eq = _mm_setzero_si128();
        for &x in set {
            eq = _mm_or_si128(eq, _mm_cmpeq_epi8(v, _mm_set1_epi8(x as i8)));
        }
        [eq]
    });
    hits
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn any_of_block(b: &[u8; 64], set: &[u8]) -> u64 {
    let mut hits = 0u64;
    for (k, x) in b.iter().enumerate() {
        hits |= u64::from(set.contains(x)) << k;
    }
    hits
}

/// The bytes of `b[i..i + 64]` (which must be in bounds) that a JSON
/// string escapes: `"`, `\\` and the control bytes below 0x20.
#[inline(always)]
pub fn json_escapes(b: &[u8], i: usize) -> u64 {
    let b: &[u8; 64] = b[i..i + 64].try_into().expect("64 bytes");
    json_escapes_block(b)
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn json_escapes_block(b: &[u8; 64]) -> u64 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is baseline on x86-64 (see `masks`). Signed
    // compares: below 0x20 and not negative is a control byte.
    let [hits] = masks(b, |v| unsafe {
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        let control = _mm_and_si128(
            _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
            _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)),
        );
        [_mm_or_si128(_mm_or_si128(quote, backslash), control)]
    });
    hits
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn json_escapes_block(b: &[u8; 64]) -> u64 {
    let mut hits = 0u64;
    for (k, &x) in b.iter().enumerate() {
        hits |= u64::from(x == b'"' || x == b'\\' || x < 0x20) << k;
    }
    hits
}

/// The bytes of `b[i..i + 64]` (which must be in bounds) where a scan
/// that collapses white space may have more to do than pass, as a bit
/// mask: control bytes (among them ASCII white space but the space),
/// the bytes of `leads` (lead bytes of the characters it rewrites,
/// looked for only in a block holding non-ASCII bytes), and a space
/// before a control byte, a non-ASCII byte or another space, or ending
/// the block (whatever follows). A superset: the scan decides.
#[inline(always)]
pub fn run_starts(b: &[u8], i: usize, leads: &[u8]) -> u64 {
    let (space, control, high) = spacing(b, i);
    let lead = if high == 0 { 0 } else { any_of(b, i, leads) };
    // Per byte: the next one may continue a run of white space.
    let next = ((control | space | high) >> 1) | (1 << 63);
    control | lead | (space & next)
}

/// The first offset in `from..to` of a byte in `set`: 64 bytes at a
/// time ([`any_of`]), then one at a time.
#[inline]
pub fn find_any(b: &[u8], mut from: usize, to: usize, set: &[u8]) -> Option<usize> {
    while from + 64 <= to {
        let hit = any_of(b, from, set);
        if hit != 0 {
            return Some(from + hit.trailing_zeros() as usize);
        }
        from += 64;
    }
    b[from..to]
        .iter()
        .position(|x| set.contains(x))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_in_every_place() {
        for x in 0..=255u8 {
            for k in [0usize, 1, 15, 16, 17, 31, 32, 47, 48, 63] {
                let mut b = [b'.'; 70];
                b[k + 3] = x;
                let got = block(&b, 3);
                let bit = 1u64 << k;
                assert_eq!(
                    got.alpha & bit != 0,
                    x.is_ascii_alphabetic(),
                    "{x:#x} at {k}"
                );
                assert_eq!(got.digit & bit != 0, x.is_ascii_digit(), "{x:#x} at {k}");
                assert_eq!(got.high & bit != 0, x >= 0x80, "{x:#x} at {k}");
                assert_eq!(
                    (got.alpha | got.digit | got.high) & !bit,
                    0,
                    "{x:#x} at {k}"
                );
                let (space, control, high) = spacing(&b, 3);
                assert_eq!(space, if x == b' ' { bit } else { 0 }, "{x:#x} at {k}");
                assert_eq!(control, if x < 0x20 { bit } else { 0 }, "{x:#x} at {k}");
                assert_eq!(high, if x >= 0x80 { bit } else { 0 }, "{x:#x} at {k}");
                let (space, breaks, high) = white_space(&b, 3);
                assert_eq!(space, if x == b' ' { bit } else { 0 }, "{x:#x} at {k}");
                let white = x.is_ascii_whitespace() && x != b' ';
                assert_eq!(breaks, if white { bit } else { 0 }, "{x:#x} at {k}");
                assert_eq!(high, if x >= 0x80 { bit } else { 0 }, "{x:#x} at {k}");
                let set = [b'\r', 0xC2, b'-', 0xFF];
                let want = if set.contains(&x) { bit } else { 0 };
                assert_eq!(any_of(&b, 3, &set), want, "{x:#x} at {k}");
                let escaped = x == b'"' || x == b'\\' || x < 0x20;
                let want = if escaped { bit } else { 0 };
                assert_eq!(json_escapes(&b, 3), want, "{x:#x} at {k}");
            }
        }
    }

    #[test]
    fn find_is_a_byte_scan() {
        let t: Vec<u8> = (0..300u32)
            .map(|i| [b'a', b'.', b'\n', 0xE3][(i * i % 7 % 4) as usize])
            .collect();
        for set in [&b"."[..], b"\n\xE3", b"z"] {
            for (from, to) in [(0, 300), (1, 299), (5, 69), (0, 63), (64, 64), (10, 140)] {
                let want = t[from..to]
                    .iter()
                    .position(|x| set.contains(x))
                    .map(|p| from + p);
                assert_eq!(find_any(&t, from, to, set), want, "{from} {to}");
            }
        }
    }

    #[test]
    fn skip_ascii_stops_at_the_first_high_byte_of_a_whole_block() {
        let mut b = vec![b'a'; 200];
        // ASCII only: past the three whole blocks, to the last 8 bytes
        assert_eq!(skip_ascii(&b, 0), 192);
        assert_eq!(skip_ascii(&b, 150), 150);
        assert_eq!(skip_ascii(&b[..128], 0), 128);
        b[70] = 0xC3;
        b[71] = 0xA9;
        assert_eq!(skip_ascii(&b, 0), 70);
        assert_eq!(skip_ascii(&b, 71), 71);
        assert_eq!(skip_ascii(&b, 72), 200);
    }
}
