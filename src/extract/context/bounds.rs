//! Where the sentence around a citation starts and ends: the bounds
//! (blank lines, stops, full stops that end a sentence) found on bytes, and
//! the [`FAR`] cut-off past which a bound is beyond the window.

use super::MAX_CHARS;
use super::collapse::is_ascii_space;

/// Words that end with a full stop without ending a sentence (lower case).
pub(super) const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vol", "vols", "para", "paras", "p", "pp", "art", "arts", "sect", "chap", "cf",
    "e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "etc", "ibid", "op", "cit", "res", "rev", "add",
    "corr", "suppl", "sess", "doc", "ch", "n°", "nº", "núm", "art", "al", "resp", "approx", "fig",
    "ann", "sr", "sra", "m", "mme", "mmes", "см", "п", "ст", "т", "г", "гг",
];

/// Characters of the longest of [`ABBREVIATIONS`]: a longer word is none.
pub(super) const ABBREVIATION_CHARS: usize = {
    let mut most = 0;
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        let b = ABBREVIATIONS[k].as_bytes();
        let mut n = 0;
        let mut i = 0;
        while i < b.len() {
            if (b[i] as i8) >= -0x40 {
                n += 1;
            }
            i += 1;
        }
        if n > most {
            most = n;
        }
        k += 1;
    }
    most
};

/// Bytes of the longest lower-cased word [`ends_sentence`] compares with
/// [`ABBREVIATIONS`]: each is one word of [`ABBREVIATION_KEYS`].
pub(super) const WORD_BYTES: usize = 8;

/// [`ABBREVIATIONS`] as words: their bytes, little-endian, zero-padded
/// (none holds a zero byte or is longer than [`WORD_BYTES`]).
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        let b = ABBREVIATIONS[k].as_bytes();
        assert!(b.len() <= WORD_BYTES);
        let mut i = 0;
        while i < b.len() {
            assert!(b[i] != 0);
            keys[k] |= (b[i] as u64) << (8 * i);
            i += 1;
        }
        k += 1;
    }
    keys
};

/// Start of the sentence holding offset `at`, scanning back to `lo`, and
/// whether the scan stopped short of it (`true`: the sentence starts
/// beyond [`FAR`] characters, more than the window shows).
///
/// Scans bytes, not chars: a stop is an ASCII byte or a three- or two-byte
/// character whose last byte (0x82 or 0x9B) is checked first, so the scan
/// decodes nothing on the way. A blank line ends the scan too. The bytes
/// that may bound the sentence are found 64 at a time ([`bounds_in`]),
/// nearest first. Stopping after [`FAR`] characters keeps the cost of a
/// citation in a long unpunctuated run (a table, a list of 5 million
/// numbers) bounded by the window, not by [`SCAN`](super::SCAN); the first
/// `FAR` bytes cannot hold more than `FAR` of them, so characters are
/// counted only past those ([`counted`], then byte by byte in the block
/// where the count passes `FAR`).
pub(super) fn sentence_start(t: &str, lo: usize, at: usize) -> (usize, bool) {
    let b = t.as_bytes();
    // Counted bytes in top..at, once the blocks reach past the first FAR
    // bytes.
    let mut seen = None;
    let mut top = at;
    while top > lo {
        let n = (top - lo).min(64);
        let base = top - n;
        if at - base > FAR {
            let s = *seen.get_or_insert_with(|| counted(&b[top..at]));
            let here = counted(&b[base..top]);
            if s + here > FAR {
                return start_in_block(t, lo, base, top, s);
            }
            seen = Some(s + here);
        }
        let mut m = bounds_in(b, base, n);
        while m != 0 {
            let k = 63 - m.leading_zeros() as usize;
            if let Some(from) = bound_before(t, base + k, lo) {
                return (from, false);
            }
            m &= !(1 << k);
        }
        top = base;
    }
    (lo, false)
}

/// The sentence start that the nearest bound in `from..to` gives, for a
/// scan back from `to` down to `lo` ([`sentence_start`] without the
/// [`FAR`] count, on a stretch of the text only): `None` when the stretch
/// holds none. [`super::Passages`] looks only at the stretch between two
/// citations of one sentence with it; `lo` is the whole scan's, as a blank
/// line or a stop may start before `from`.
pub(super) fn start_bound_in(t: &str, lo: usize, from: usize, to: usize) -> Option<usize> {
    let b = t.as_bytes();
    let mut top = to;
    while top > from {
        let n = (top - from).min(64);
        let base = top - n;
        let mut m = bounds_in(b, base, n);
        while m != 0 {
            let k = 63 - m.leading_zeros() as usize;
            if let Some(start) = bound_before(t, base + k, lo) {
                return Some(start);
            }
            m &= !(1 << k);
        }
        top = base;
    }
    None
}

/// [`sentence_start`] in the block `base..top` where the count of the
/// characters from `at` passes [`FAR`] (`seen` of them in `top..at`):
/// byte by byte, a bound first, then the count.
#[cold]
fn start_in_block(t: &str, lo: usize, base: usize, top: usize, mut seen: usize) -> (usize, bool) {
    let b = t.as_bytes();
    for i in (base..top).rev() {
        let class = CLASS[b[i] as usize];
        if class & BOUND != 0
            && let Some(from) = bound_before(t, i, lo)
        {
            return (from, false);
        }
        seen += usize::from(class & COUNT);
        if seen > FAR {
            return (i, true);
        }
    }
    unreachable!("the block holds more than FAR counted bytes")
}

/// The bytes with the [`BOUND`] bits of [`CLASS`]: a newline, then the
/// last bytes of stops (`;` `.` `!` `?`, and of `。` E3 80 82, `；` EF BC 9B
/// and `؛` D8 9B), which make [`STOP_LAST_BYTE`].
const BOUNDS: [u8; 7] = [b'\n', b';', b'.', b'!', b'?', 0x82, 0x9B];

/// The bytes of `b[base..base + n]` (`n` from 1 to 64) that may bound a
/// sentence ([`BOUNDS`]) as a bit mask (bit `k`: byte `base + k`). One
/// 64-byte block is compared, reaching past the range into the rest of `b`
/// (after it, or else before it) when the range is shorter; only a text
/// shorter than 64 bytes is looked at byte by byte.
#[inline(always)]
pub(super) fn bounds_in(b: &[u8], base: usize, n: usize) -> u64 {
    use crate::text::classes::any_of;
    debug_assert!((1..=64).contains(&n) && base + n <= b.len());
    let m = if base + 64 <= b.len() {
        any_of(b, base, &BOUNDS)
    } else if base + n >= 64 {
        any_of(b, base + n - 64, &BOUNDS) >> (64 - n)
    } else {
        b[base..base + n].iter().enumerate().fold(0, |m, (k, &c)| {
            m | u64::from(CLASS[c as usize] & BOUND != 0) << k
        })
    };
    if n < 64 { m & ((1 << n) - 1) } else { m }
}

/// Where the sentence starts if byte `i` (a newline or the last byte of a
/// stop) bounds it: after the later newline of a blank line, after a stop.
#[inline(always)]
fn bound_before(t: &str, i: usize, lo: usize) -> Option<usize> {
    let b = t.as_bytes();
    if b[i] == b'\n' {
        let mut j = i;
        while j > lo && matches!(b[j - 1], b' ' | b'\t' | b'\r') {
            j -= 1;
        }
        return (j > lo && b[j - 1] == b'\n').then_some(i + 1);
    }
    stop_ends_at(t, i, lo).then_some(i + 1)
}

/// End (exclusive) of the sentence holding offset `at`, scanning to `hi`,
/// and whether the scan stopped short of it (see [`sentence_start`]).
pub(super) fn sentence_end(t: &str, at: usize, hi: usize) -> (usize, bool) {
    sentence_end_from(t, at, hi, at, None)
}

/// [`sentence_end`] of `at`, its scan resumed at `base`: no byte of
/// `at..base` bounds the sentence, and `seen`, when given, is the count of
/// the bytes of `at..base` counted towards [`FAR`] (at most `FAR`); every
/// block is then counted.
pub(super) fn sentence_end_from(
    t: &str,
    at: usize,
    hi: usize,
    mut base: usize,
    mut seen: Option<usize>,
) -> (usize, bool) {
    let b = t.as_bytes();
    // Counted bytes in at..base, once the blocks reach past the first FAR
    // bytes.
    while base < hi {
        let n = (hi - base).min(64);
        let top = base + n;
        if seen.is_some() || top - at > FAR {
            let s = *seen.get_or_insert_with(|| counted(&b[at..base]));
            let here = counted(&b[base..top]);
            if s + here > FAR {
                return end_in_block(t, at, hi, base, top, s);
            }
            seen = Some(s + here);
        }
        let mut m = bounds_in(b, base, n);
        while m != 0 {
            let i = base + m.trailing_zeros() as usize;
            if let Some(to) = bound_after(t, i, at, hi) {
                return (to, false);
            }
            m &= m - 1;
        }
        base = top;
    }
    (hi, false)
}

/// [`sentence_end`] in the block `base..top` where the count of the
/// characters from `at` passes [`FAR`] (`seen` of them in `at..base`).
#[cold]
fn end_in_block(
    t: &str,
    at: usize,
    hi: usize,
    base: usize,
    top: usize,
    mut seen: usize,
) -> (usize, bool) {
    let b = t.as_bytes();
    for i in base..top {
        let class = CLASS[b[i] as usize];
        if class & BOUND != 0
            && let Some(to) = bound_after(t, i, at, hi)
        {
            return (to, false);
        }
        seen += usize::from(class & COUNT);
        if seen > FAR {
            return (i, true);
        }
    }
    unreachable!("the block holds more than FAR counted bytes")
}

/// Where the sentence ends if byte `i` (a newline or the last byte of a
/// stop) bounds it: at the first newline of a blank line, after a stop.
#[inline(always)]
fn bound_after(t: &str, i: usize, at: usize, hi: usize) -> Option<usize> {
    let b = t.as_bytes();
    if b[i] == b'\n' {
        let mut j = i + 1;
        while j < hi && matches!(b[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        return (j < hi && b[j] == b'\n').then_some(i);
    }
    stop_ends_at(t, i, at).then_some(i + 1)
}

/// The bytes of `b` counted towards [`FAR`] ([`COUNTED`]), 64 at a time:
/// the test is compares only, without branches or a table, which the
/// compiler turns into vector code (a byte-sized sum per block).
pub(super) fn counted(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(64);
    let mut n = 0;
    for c in &mut chunks {
        let mut k = 0u8;
        for &x in c {
            k += u8::from(counts(x));
        }
        n += usize::from(k);
    }
    n + chunks
        .remainder()
        .iter()
        .map(|&x| usize::from(counts(x)))
        .sum::<usize>()
}

/// Whether a stop that ends a sentence ends at byte `i` (its last byte),
/// starting at or after `from`. Out of line: the scans call it only on the
/// bytes in [`STOP_LAST_BYTE`].
#[inline(never)]
fn stop_ends_at(t: &str, i: usize, from: usize) -> bool {
    let b = t.as_bytes();
    STOP_LAST_BYTE[b[i] as usize]
        && stop_ending_at(b, i)
            .is_some_and(|(start, hard)| start >= from && (hard || ends_sentence(t, start, i + 1)))
}

/// Characters counted on the way to [`FAR`]: more of them than the window
/// can show, even after a paragraph number is stripped, means the sentence
/// bound is beyond the window.
pub(super) const FAR: usize = MAX_CHARS + 16;

/// Whether byte `x` starts a character that stays in the collapsed
/// passage and that [`strip_numbering`](super::strip_numbering) cannot
/// remove: ASCII other than white space, `*`, `#`, `-`; lead bytes of
/// multi-byte characters, except those (C2, E1, E2, E3) that may start a
/// Unicode space, U+200B or `•`. A lower bound on the characters of the
/// collapsed text, which is all that is needed. Compares only, so that
/// [`counted`] runs as vector code.
#[inline(always)]
const fn counts(x: u8) -> bool {
    // `&` and `|`, not `&&` and `||`: no branches (0x21..=0x7E, then the
    // lead bytes but C2 and E1..=E3).
    ((x.wrapping_sub(0x21) < 0x5e) & (x != b'*') & (x != b'#') & (x != b'-'))
        | ((x >= 0xC0) & (x != 0xC2) & (x.wrapping_sub(0xE1) >= 3))
}

/// [`counts`] as a table, for the byte-by-byte scans.
pub(super) const COUNTED: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = counts(c as u8);
        c += 1;
    }
    t
};
/// [`CLASS`] bit: the byte counts towards [`FAR`] (see [`COUNTED`]).
pub(super) const COUNT: u8 = 1;
/// [`CLASS`] bit: a newline, where a blank line may start or end.
const NEWLINE: u8 = 2;
/// [`CLASS`] bit: the byte may end a stop (see [`STOP_LAST_BYTE`]).
const STOP: u8 = 4;

/// [`CLASS`] bits of a byte that may bound a sentence.
pub(super) const BOUND: u8 = NEWLINE | STOP;

/// What the sentence scans need to know of each byte, in one look-up.
pub(super) const CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut c = 0;
    while c < 256 {
        if COUNTED[c] {
            t[c] |= COUNT;
        }
        if STOP_LAST_BYTE[c] {
            t[c] |= STOP;
        }
        c += 1;
    }
    t[b'\n' as usize] |= NEWLINE;
    t
};

/// Bytes that end a stop character: `;` `.` `!` `?`, and the last bytes
/// of `。` (E3 80 82), `；` (EF BC 9B) and `؛` (D8 9B).
pub(super) const STOP_LAST_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 1; // (BOUNDS[0] is the newline)
    while k < BOUNDS.len() {
        t[BOUNDS[k] as usize] = true;
        k += 1;
    }
    t
};

/// The stop character whose last byte is at `i`, if any: its first byte
/// and whether it is a hard stop (`;` `。` `；` `؛`) or a soft one (`.` `!`
/// `?`, a stop when [`ends_sentence`] says so).
pub(super) fn stop_ending_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
    match b[i] {
        b';' => Some((i, true)),
        b'.' | b'!' | b'?' => Some((i, false)),
        0x82 if i >= 2 && b[i - 2..i] == [0xE3, 0x80] => Some((i - 2, true)),
        0x9B if i >= 2 && b[i - 2..i] == [0xEF, 0xBC] => Some((i - 2, true)),
        0x9B if i >= 1 && b[i - 1] == 0xD8 => Some((i - 1, true)),
        _ => None,
    }
}

/// Whether the full stop at `dot..after` ends a sentence: followed by
/// whitespace then a capital, a digit or a quote, and not closing an
/// abbreviation or an initial.
///
/// Allocates nothing: most full stops are followed by a letter or a digit
/// ("Add.1", "3.5") and answered by one byte; the word before a full stop
/// is read back at most one character past the longest abbreviation.
pub(super) fn ends_sentence(t: &str, dot: usize, after: usize) -> bool {
    let b = t.as_bytes();
    match b.get(after) {
        None => return false,
        Some(&c) if c < 0x80 && !is_ascii_space(c) => return false, // "A.B", "3.5", "i.e."
        _ => {}
    }
    // The common case on ASCII: one space, then the next word.
    if b.get(after) == Some(&b' ')
        && let Some(&c) = b.get(after + 1)
        && c < 0x80
        && !is_ascii_space(c)
    {
        return (c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'"' | b'\'' | b'('))
            && (b[dot] != b'.' || !closes_abbreviation(&t[..dot]));
    }
    let rest = &t[after..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false;
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) if c.is_uppercase() || c.is_ascii_digit() || "\"“«‘'(".contains(c) => {
            b[dot] != b'.' || !closes_abbreviation(&t[..dot])
        }
        Some(_) => false,
    }
}

/// Whether `head` (the text before a full stop) ends with an initial
/// ("A") or one of [`ABBREVIATIONS`] in any case ("No", "PARA"). The word
/// is its run of letters, digits, `.`, `°` and `º`.
fn closes_abbreviation(head: &str) -> bool {
    // An ASCII word (as most are) is read and lower-cased as bytes.
    let b = head.as_bytes();
    let mut k = 0;
    while k < b.len() && k <= ABBREVIATION_CHARS {
        let c = b[b.len() - 1 - k];
        if c >= 0x80 {
            return closes_abbreviation_chars(head);
        }
        if !(c.is_ascii_alphanumeric() || c == b'.') {
            break;
        }
        k += 1;
    }
    if k > ABBREVIATION_CHARS {
        return false;
    }
    let word = &b[b.len() - k..];
    if k == 1 && word[0].is_ascii_alphabetic() {
        return true; // an initial
    }
    let mut lower = [0u8; WORD_BYTES];
    for (l, c) in lower.iter_mut().zip(word) {
        *l = c.to_ascii_lowercase();
    }
    ABBREVIATION_KEYS.contains(&u64::from_le_bytes(lower))
}

/// [`closes_abbreviation`] char by char, for a word that is not all ASCII.
fn closes_abbreviation_chars(head: &str) -> bool {
    let mut word = head.len();
    let mut n = 0;
    for c in head.chars().rev() {
        if !(c.is_alphanumeric() || c == '.' || c == '°' || c == 'º') {
            break;
        }
        n += 1;
        if n > ABBREVIATION_CHARS {
            // Lower-casing never shortens a word: too long for the list.
            return false;
        }
        word -= c.len_utf8();
    }
    let word = &head[word..];
    if n == 1 && word.chars().all(char::is_alphabetic) {
        return true; // an initial
    }
    // Lower-cased char by char: unlike `str::to_lowercase` a final capital
    // sigma gives σ, not ς, which no abbreviation holds either way.
    let mut lower = [0u8; WORD_BYTES];
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let w = c.len_utf8();
        if len + w > WORD_BYTES {
            return false;
        }
        c.encode_utf8(&mut lower[len..]);
        len += w;
    }
    ABBREVIATION_KEYS.contains(&u64::from_le_bytes(lower))
}
