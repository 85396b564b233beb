//! Text rewritten for matching, with a map back to the original offsets.
//!
//! Cleaning steps (HTML tag stripping, entity decoding, NFC normalisation,
//! digit and width folding, markdown link removal) change byte offsets, but
//! every citation must report where it stands in the file. A [`Mapped`] text
//! keeps, beside the rewritten string, the list of points where it was cut
//! and glued, so that any offset in the rewritten text maps back to an offset
//! in the source in `O(log n)`.

/// The pieces one after the other, in a string of their size: what
/// `format!` makes of strings (and of numbers formatted with `itoa`),
/// without its machinery. Ids, dates and paragraph labels are made a
/// hundred thousand times over a corpus, where `format!` cost a tenth of
/// the work of making the record around them.
pub fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        s.push_str(p);
    }
    s
}

/// A rewritten text and the map of its offsets back to the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// The rewritten text.
    pub text: String,
    /// Segment starts: `(offset in text, offset in source, copied)`. Inside a
    /// copied segment offsets advance together; inside a replaced one, every
    /// offset maps to the segment's source start (or its end for the end
    /// boundary).
    segs: Vec<(usize, usize, bool)>,
    /// Source length, for mapping the end of the text.
    src_len: usize,
}

impl Mapped {
    /// The identity mapping of `src`.
    pub fn identity(src: &str) -> Self {
        Mapped {
            text: src.to_string(),
            segs: vec![(0, 0, true)],
            src_len: src.len(),
        }
    }

    /// Whether this is the identity map of its source (the text is the
    /// source, unchanged).
    pub fn is_identity(&self) -> bool {
        self.segs == [(0, 0, true)] && self.text.len() == self.src_len
    }

    /// Starts an empty rewrite of a source of `src_len` bytes.
    pub fn builder(src_len: usize, capacity: usize) -> Self {
        Mapped {
            text: String::with_capacity(capacity),
            segs: Vec::new(),
            src_len,
        }
    }

    /// Empties this map for a rewrite of a source of `src_len` bytes,
    /// keeping its buffers (a scratch map reused from text to text).
    pub fn reset(&mut self, src_len: usize) {
        self.text.clear();
        self.segs.clear();
        self.src_len = src_len;
    }

    /// Bytes held by this map's buffers (text and segments).
    pub fn capacity_bytes(&self) -> usize {
        self.text.capacity() + self.segs.capacity() * std::mem::size_of::<(usize, usize, bool)>()
    }

    /// Appends `s`, which stands for the source bytes starting at
    /// `src_start`, copied byte for byte. (Inlined, as [`Mapped::push_replaced`]
    /// is: the instruments' normaliser calls both for each of the ~400,000
    /// runs of white space of the GA documents; out of line, the calls
    /// cost 17 M instructions of their 1,955 M.)
    #[inline(always)]
    pub fn push_copy(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        let at = self.text.len();
        match self.segs.last() {
            Some(&(t, o, true)) if o + (at - t) == src_start => {}
            _ => self.segs.push((at, src_start, true)),
        }
        self.text.push_str(s);
    }

    /// Appends `s` as a replacement for the source range
    /// `src_start..src_end` (which may be empty or longer than `s`).
    #[inline(always)]
    pub fn push_replaced(&mut self, s: &str, src_start: usize, src_end: usize) {
        let at = self.text.len();
        self.segs.push((at, src_start, false));
        // (A one-byte replacement — the space for a run of white space, a
        // million times in a corpus — is one byte written, not a copy.)
        match *s.as_bytes() {
            [b] => self.text.push(char::from(b)),
            _ => self.text.push_str(s),
        }
        // Mark where the source resumes, so the end boundary maps to src_end.
        self.segs.push((self.text.len(), src_end, true));
    }

    /// Maps an offset in the rewritten text to the source.
    pub fn to_source(&self, pos: usize) -> usize {
        if self.segs.is_empty() {
            return pos.min(self.src_len);
        }
        let i = match self.segs.binary_search_by(|s| s.0.cmp(&pos)) {
            Ok(i) => {
                // Several segments may start at the same offset; take the last.
                let mut j = i;
                while j + 1 < self.segs.len() && self.segs[j + 1].0 == pos {
                    j += 1;
                }
                j
            }
            Err(0) => return 0,
            Err(i) => i - 1,
        };
        let (t, o, copied) = self.segs[i];
        let r = if copied { o + (pos - t) } else { o };
        r.min(self.src_len)
    }

    /// Where the plain copy holding `pos` ends: the offset of the next
    /// segment when `pos` lies in a copied segment (offsets advance together
    /// with the source up to there), else `pos` itself.
    pub fn copied_until(&self, pos: usize) -> usize {
        if self.segs.is_empty() {
            return self.text.len();
        }
        let i = match self.segs.binary_search_by(|s| s.0.cmp(&pos)) {
            Ok(i) => {
                let mut j = i;
                while j + 1 < self.segs.len() && self.segs[j + 1].0 == pos {
                    j += 1;
                }
                j
            }
            Err(0) => return pos,
            Err(i) => i - 1,
        };
        if !self.segs[i].2 {
            return pos;
        }
        self.segs.get(i + 1).map_or(self.text.len(), |s| s.0)
    }

    /// Composes two rewrites: `self` rewrote a text that `inner` had
    /// rewritten from the source; the result maps straight to the source.
    pub fn map_through(&self, inner: &Mapped, pos: usize) -> usize {
        inner.to_source(self.to_source(pos))
    }
}

/// The lines of `text`, each with its `\n` (the last one without, when the
/// text does not end with one): `text.split_inclusive('\n')`, found with
/// the `memchr` crate's vectorised search. The standard one looks for a
/// `char` and, on lines as short as a document's, falls back to a byte-by-
/// byte search: it was most of the cost of reading a document's paragraphs.
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |p| at + p + 1);
        let line = &text[at..end];
        at = end;
        Some(line)
    })
}

/// Eight bytes at a time ("SWAR"): a block of a byte slice as one `u64`,
/// each byte's test result in its high bit. Used by the scans that skip
/// ordinary bytes eight at a time (context passages, JSON escaping) and by
/// those of [`classes`] for the last bytes of a text (cleaning); folding and
/// the language's script count skip ASCII 64 bytes at a time
/// ([`classes::high`]).
pub(crate) mod swar {
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
}

/// Sixty-four bytes at a time: which bytes of a block are ASCII letters,
/// ASCII digits or non-ASCII ([`classes::block`]), spaces and control
/// bytes ([`classes::spacing`]) or in a small set ([`classes::any_of`]),
/// as bit masks (bit `k`: byte `i + k`), which a scan then walks with
/// `trailing_zeros`.
///
/// Why: the scans that look at every byte of every text (the word starts
/// of the instrument anchors, the bytes that cleaning and normalising may
/// change, sentence bounds, the language vote's words, the non-ASCII bytes
/// folding and the script count look at) took a quarter of
/// the instructions of `unxref extract` eight bytes at a time ([`swar`]);
/// in blocks of 64 they take half as many. On x86-64 a block is read with
/// SSE2 (part of the architecture's baseline, so no feature check),
/// sixteen bytes per compare; elsewhere byte by byte.
pub(crate) mod classes {
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
    }
}

/// Line numbers of byte offsets asked for in (mostly) increasing order, as
/// citations are: the line breaks are counted from the last offset asked
/// for, so a document is read once up to its last citation, and no index of
/// its lines is built.
#[derive(Debug, Clone)]
pub struct LineCounter<'a> {
    text: &'a [u8],
    /// The last offset asked for, and the line breaks before it.
    at: usize,
    breaks: usize,
}

impl<'a> LineCounter<'a> {
    /// Counts the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            breaks: 0,
        }
    }

    /// 1-based line of a byte offset: one more than the line breaks before it.
    pub fn line_of(&mut self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        let count = |s: &[u8]| memchr::memchr_iter(b'\n', s).count();
        if pos >= self.at {
            self.breaks += count(&self.text[self.at..pos]);
        } else {
            self.breaks -= count(&self.text[pos..self.at]);
        }
        self.at = pos;
        self.breaks + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back() {
        // source: "a&amp;b<i>c</i>"
        let src = "a&amp;b<i>c</i>";
        let mut m = Mapped::builder(src.len(), 8);
        m.push_copy("a", 0);
        m.push_replaced("&", 1, 6);
        m.push_copy("b", 6);
        m.push_replaced(" ", 7, 10);
        m.push_copy("c", 10);
        m.push_replaced("", 11, 15);
        assert_eq!(m.text, "a&b c");
        assert_eq!(m.to_source(0), 0);
        assert_eq!(m.to_source(1), 1);
        assert_eq!(m.to_source(2), 6);
        assert_eq!(m.to_source(4), 10);
        assert_eq!(m.to_source(5), 15);
    }

    #[test]
    fn lines_inclusive_is_split_inclusive() {
        for t in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\nb",
            "a\n\nb\n",
            "é\nü\n\n",
            "\na",
        ] {
            let want: Vec<&str> = t.split_inclusive('\n').collect();
            let got: Vec<&str> = lines_inclusive(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_inclusive_agrees(t in "[a\n é\r]{0,40}") {
            let want: Vec<&str> = t.split_inclusive('\n').collect();
            let got: Vec<&str> = lines_inclusive(&t).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn lines() {
        let t = "a\nbc\n\nd";
        let want = |p: usize| {
            t.as_bytes()[..p.min(t.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1
        };
        // in any order of offsets, and past the end
        let mut c = LineCounter::new(t);
        for p in [0, 1, 2, 5, 6, 3, 7, 0, 7, 4, 99] {
            assert_eq!(c.line_of(p), want(p), "{p}");
        }
        let mut c = LineCounter::new(t);
        assert_eq!([0, 2, 5, 6].map(|p| c.line_of(p)), [1, 2, 3, 4]);
    }

    #[test]
    fn skip_ascii_stops_at_the_first_high_byte_of_a_whole_block() {
        let mut b = vec![b'a'; 200];
        // ASCII only: past the three whole blocks, to the last 8 bytes
        assert_eq!(classes::skip_ascii(&b, 0), 192);
        assert_eq!(classes::skip_ascii(&b, 150), 150);
        assert_eq!(classes::skip_ascii(&b[..128], 0), 128);
        b[70] = 0xC3;
        b[71] = 0xA9;
        assert_eq!(classes::skip_ascii(&b, 0), 70);
        assert_eq!(classes::skip_ascii(&b, 71), 71);
        assert_eq!(classes::skip_ascii(&b, 72), 200);
    }

    #[test]
    fn swar_tests_each_byte() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for i in (0..=248).step_by(3) {
            let w = swar::load(&bytes, i);
            for x in [0u8, 0x1F, 0x20, b'"', b'\\', 0x7F, 0x80, 0xC2, 0xFF] {
                let want: u64 = (0..8)
                    .filter(|&k| bytes[i + k] == x)
                    .map(|k| 0x80u64 << (8 * k))
                    .sum();
                assert_eq!(swar::eq(w, x), want, "{i} {x}");
            }
            let want: u64 = (0..8)
                .filter(|&k| bytes[i + k] < 0x20)
                .map(|k| 0x80u64 << (8 * k))
                .sum();
            assert_eq!(swar::control(w), want, "{i}");
        }
        assert_eq!(swar::first(0x80 << 24), 3);
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
            assert_eq!(
                swar::past_spaces(text.as_bytes(), from),
                want,
                "{text:?} {from}"
            );
        }
        // Every start and length, against a byte-by-byte count.
        let text = format!("{}x{}y", " ".repeat(21), " ".repeat(9));
        let b = text.as_bytes();
        for from in 0..b.len() {
            let want = from + b[from..].iter().take_while(|&&x| x == b' ').count();
            assert_eq!(swar::past_spaces(b, from), want, "{from}");
        }
    }
}
