//! The passage around a citation: the sentence or clause that holds it.
//!
//! Maps and listings show *why* a text cites another ("pp3 Recalling its
//! resolution 70/1 of 25 September 2015, entitled …"). [`context`] takes the
//! cleaned text of a document and the span of one citation and returns the
//! sentence or clause around it, at most [`MAX_CHARS`] characters, with
//! whitespace collapsed to single spaces. Boundaries, nearest first:
//!
//! - the paragraph's own bounds (given by the caller from
//!   [`super::structure::Structure`]) and blank lines;
//! - `;` (operative paragraphs end with one), `。`, `；`, `؛`;
//! - `.`, `!`, `?` followed by a space and a capital letter, a digit or a
//!   quote, unless the word before the full stop is an abbreviation
//!   ("No. 39574", "para. 94", "vol. 2225", "A. B. Smith").
//!
//! A longer sentence is cut to a window around the citation, at word
//! boundaries, with `…` marking each cut. A leading paragraph number
//! ("1. Decides") is left out: listings give the paragraph label beside it.
//! Footnote rules ("__________") are left out too.
//!
//! A citation costs about its window: the bounds are found on bytes
//! (scans that count characters only past the first `FAR` bytes and stop
//! once the window is full), the sentence is collapsed once into a reused
//! buffer, copied in stretches (found 64 bytes at a time with vector
//! compares, `text::classes`),
//! characters are counted only when the bytes may be too many, and the
//! window is copied from there into a string of its size. The previous,
//! char-by-char implementation is kept in `reference` (test builds) as the
//! oracle this one must agree with byte for byte.

use std::cell::RefCell;

#[cfg(test)]
mod reference;

/// Longest context, in characters (an ellipsis included).
pub const MAX_CHARS: usize = 300;

/// How far (bytes) the scan for a boundary goes on each side of the citation.
const SCAN: usize = 1500;

/// Words that end with a full stop without ending a sentence (lower case).
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vol", "vols", "para", "paras", "p", "pp", "art", "arts", "sect", "chap", "cf",
    "e.g", "i.e", "mr", "mrs", "ms", "dr", "st", "etc", "ibid", "op", "cit", "res", "rev", "add",
    "corr", "suppl", "sess", "doc", "ch", "n°", "nº", "núm", "art", "al", "resp", "approx", "fig",
    "ann", "sr", "sra", "m", "mme", "mmes", "см", "п", "ст", "т", "г", "гг",
];

/// Characters of the longest of [`ABBREVIATIONS`]: a longer word is none.
const ABBREVIATION_CHARS: usize = {
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
const WORD_BYTES: usize = 8;

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

/// Scratch space above this size (bytes) is given back after a call.
const SCRATCH_KEPT: usize = 1 << 16;

thread_local! {
    /// The collapsed sentence of a call, reused by the next one on the
    /// thread: a citation allocates nothing but its result.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The sentence or clause of `text` around the span `start..end`, bounded
/// by `lo..hi` (the paragraph holding it; `0..text.len()` when unknown),
/// whitespace collapsed, at most [`MAX_CHARS`] characters.
///
/// Offsets are byte offsets on char boundaries; out-of-range or misaligned
/// offsets are clamped, never a panic.
pub fn context(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> String {
    let len = text.len();
    let start = floor(text, start.min(len));
    let end = ceil(text, end.clamp(start, len));
    let lo = floor(text, lo.min(start).max(start.saturating_sub(SCAN)));
    let hi = ceil(text, hi.clamp(end, len).min(end.saturating_add(SCAN)));
    let (from, far_start) = sentence_start(text, lo, start);
    let (to, far_end) = sentence_end(text, end, hi);
    let out = SCRATCH.with_borrow_mut(|buf| {
        buf.clear();
        let parts = Parts::collapse(buf, text, (from, start, end, to), far_start, far_end);
        let out = parts.window(buf);
        if buf.capacity() > SCRATCH_KEPT {
            *buf = String::new();
        }
        out
    });
    // Footnote rules ("__________") are layout, not words.
    if memchr::memchr(b'_', out.as_bytes()).is_some() && out.contains("___") {
        return drop_rules(&out);
    }
    out
}

/// `s` without its words made of three or more `_`.
fn drop_rules(s: &str) -> String {
    let words: Vec<&str> = s
        .split(' ')
        .filter(|w| !(w.len() >= 3 && w.bytes().all(|b| b == b'_')))
        .collect();
    words.join(" ")
}

/// Largest char boundary at or below `i`.
fn floor(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary at or above `i`.
fn ceil(t: &str, mut i: usize) -> usize {
    while !t.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Start of the sentence holding offset `at`, scanning back to `lo`, and
/// whether the scan stopped short of it (`true`: the sentence starts
/// beyond [`FAR`] characters, more than the window shows).
///
/// Scans bytes, not chars: a stop is an ASCII byte or a three- or two-byte
/// character whose last byte (0x82 or 0x9B) is checked first, so the scan
/// decodes nothing on the way. A blank line ends the scan too. Stopping
/// after [`FAR`] characters keeps the cost of a citation in a long
/// unpunctuated run (a table, a list of 5 million numbers) bounded by the
/// window, not by [`SCAN`].
fn sentence_start(t: &str, lo: usize, at: usize) -> (usize, bool) {
    let b = t.as_bytes();
    // The first FAR bytes cannot hold more than FAR counted characters:
    // only look for a bound there, count past it.
    let free = lo.max(at.saturating_sub(FAR));
    let mut i = at;
    while let Some(p) = last_bound(b, free, i) {
        i = p;
        if let Some(from) = bound_before(t, i, lo) {
            return (from, false);
        }
    }
    let mut seen = counted(&b[free..at]);
    for i in (lo..free).rev() {
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
    (lo, false)
}

/// The bytes with the [`BOUND`] bits of [`CLASS`]: a newline, then the
/// last bytes of stops (`;` `.` `!` `?`, and of `。` E3 80 82, `；` EF BC 9B
/// and `؛` D8 9B), which make [`STOP_LAST_BYTE`].
const BOUNDS: [u8; 7] = [b'\n', b';', b'.', b'!', b'?', 0x82, 0x9B];

/// The first offset in `from..to` of a byte that may bound a sentence
/// ([`BOUNDS`]), 64 bytes at a time.
fn first_bound(b: &[u8], from: usize, to: usize) -> Option<usize> {
    crate::text::classes::find_any(b, from, to, &BOUNDS)
}

/// The last offset in `from..to` of a byte that may bound a sentence.
fn last_bound(b: &[u8], from: usize, to: usize) -> Option<usize> {
    crate::text::classes::rfind_any(b, from, to, &BOUNDS)
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
fn sentence_end(t: &str, at: usize, hi: usize) -> (usize, bool) {
    let b = t.as_bytes();
    let free = hi.min(at.saturating_add(FAR));
    let mut i = at;
    while let Some(p) = first_bound(b, i, free) {
        i = p;
        if let Some(to) = bound_after(t, i, at, hi) {
            return (to, false);
        }
        i += 1;
    }
    let mut seen = counted(&b[at..free]);
    for i in free..hi {
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
    (hi, false)
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

/// The bytes of `b` counted towards [`FAR`].
fn counted(b: &[u8]) -> usize {
    b.iter()
        .map(|&c| usize::from(CLASS[c as usize] & COUNT))
        .sum()
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
const FAR: usize = MAX_CHARS + 16;

/// Bytes that start a character that stays in the collapsed passage and
/// that [`strip_numbering`] cannot remove: ASCII other than white space,
/// `*`, `#`, `-`; lead bytes of multi-byte characters, except those (C2,
/// E1, E2, E3) that may start a Unicode space, U+200B or `•`. A lower bound
/// on the characters of the collapsed text, which is all that is needed.
const COUNTED: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0x21;
    while c < 0x7f {
        t[c] = !matches!(c as u8, b'*' | b'#' | b'-');
        c += 1;
    }
    let mut c = 0xC0;
    while c < 0x100 {
        t[c] = !matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3);
        c += 1;
    }
    t
};

/// [`CLASS`] bit: the byte counts towards [`FAR`] (see [`COUNTED`]).
const COUNT: u8 = 1;
/// [`CLASS`] bit: a newline, where a blank line may start or end.
const NEWLINE: u8 = 2;
/// [`CLASS`] bit: the byte may end a stop (see [`STOP_LAST_BYTE`]).
const STOP: u8 = 4;

/// [`CLASS`] bits of a byte that may bound a sentence.
const BOUND: u8 = NEWLINE | STOP;

/// What the sentence scans need to know of each byte, in one look-up.
const CLASS: [u8; 256] = {
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
const STOP_LAST_BYTE: [bool; 256] = {
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
fn stop_ending_at(b: &[u8], i: usize) -> Option<(usize, bool)> {
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
fn ends_sentence(t: &str, dot: usize, after: usize) -> bool {
    let b = t.as_bytes();
    match b.get(after) {
        None => return false,
        Some(&c) if c < 0x80 && !is_ascii_space(c) => return false, // "A.B", "3.5", "i.e."
        _ => {}
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

/// ASCII white space as `char::is_whitespace` has it: space, `\t`, `\n`,
/// vertical tab, form feed, `\r`.
const fn is_ascii_space(c: u8) -> bool {
    c == b' ' || (c >= 0x09 && c <= 0x0d)
}

/// Bytes where [`collapse_into`] looks closer: ASCII white space, and the
/// lead bytes of the multi-byte characters that may be white space or
/// U+200B (C2, E1, E2, E3).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = is_ascii_space(c as u8);
        c += 1;
    }
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Width of the character at `b[i]` (if any) if it is white space for the passage
/// (`char::is_whitespace`, or U+200B), read from its bytes: U+0085,
/// U+00A0, U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000.
fn space_width(b: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    let yes = match *b.get(i)? {
        c if c < 0x80 => return is_ascii_space(c).then_some(1),
        0xC2 => return matches!(at(1), 0x85 | 0xA0).then_some(2),
        0xE1 => at(1) == 0x9A && at(2) == 0x80,
        0xE2 => match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        },
        0xE3 => at(1) == 0x80 && at(2) == 0x80,
        _ => false,
    };
    yes.then_some(3)
}

/// Appends `s` to `out` with every run of white space as one space (a
/// leading and a trailing run kept as one).
///
/// The text is copied in stretches: a single ASCII space stands as it is,
/// so only the runs that change (a newline and the indent after it,
/// several spaces, a tab, a Unicode space) interrupt the copy. The bytes
/// that may start one are found 64 at a time ([`may_collapse`]); only
/// those are looked at closer, byte by byte (and the last 63 bytes).
fn collapse_into(out: &mut String, s: &str) {
    let b = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b.len() - i >= 64 {
            let m = may_collapse(b, i);
            if m == 0 {
                i += 64;
                continue;
            }
            i += m.trailing_zeros() as usize;
        }
        let c = b[i];
        if !SPECIAL[c as usize] {
            i += 1;
            continue;
        }
        if c == b' ' && i + 1 < b.len() && !SPECIAL[b[i + 1] as usize] {
            i += 2; // a single space before a plain character
            continue;
        }
        let Some(w) = space_width(b, i) else {
            i += 1; // the lead byte of another character
            continue;
        };
        let mut j = i + w;
        while let Some(w) = space_width(b, j) {
            j += w;
        }
        if j == i + 1 && b[i] == b' ' {
            i = j;
            continue;
        }
        out.push_str(&s[copied..i]);
        out.push(' ');
        copied = j;
        i = j;
    }
    out.push_str(&s[copied..]);
}

/// The bytes of `b[i..i + 64]` where [`collapse_into`] may have to do more
/// than pass: a superset of the [`SPECIAL`] bytes it acts on
/// (`text::classes::run_starts` with the lead bytes of Unicode spaces).
#[inline(always)]
fn may_collapse(b: &[u8], i: usize) -> u64 {
    const LEADS: [u8; 4] = [0xC2, 0xE1, 0xE2, 0xE3];
    crate::text::classes::run_starts(b, i, &LEADS)
}

/// Drops a leading paragraph number or list mark ("1. ", "(a) ", "* ").
fn strip_numbering(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        match b.get(i) {
            Some(b'*' | b'#' | b'-' | b' ') => i += 1,
            Some(0xE2) if b[i..].starts_with("•".as_bytes()) => i += 3,
            _ => break,
        }
    }
    let t = &s[i..];
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let r = &t[digits..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(".\u{a0}")) {
            return r.trim_start();
        }
    }
    t
}

/// The three parts of a sentence, collapsed one after the other into the
/// scratch buffer (their byte ranges): what comes before the citation
/// (paragraph number left out), the citation (trimmed), what comes after
/// it (trimmed at the end).
struct Parts {
    before: (usize, usize),
    cited: (usize, usize),
    after: (usize, usize),
    /// Whether the citation and what follows it were apart in the text.
    gap_after: bool,
}

impl Parts {
    /// Collapses `text[from..start]`, `[start..end]`, `[end..to]` into
    /// `buf`. A sentence that starts (or ends) beyond the window
    /// (`far_start`, `far_end`) is cut anyway: its first paragraph number
    /// and its last blanks are not in the window, and are kept.
    fn collapse(
        buf: &mut String,
        text: &str,
        (from, start, end, to): (usize, usize, usize, usize),
        far_start: bool,
        far_end: bool,
    ) -> Self {
        collapse_into(buf, &text[from..start]);
        let before = if far_start {
            (0, buf.len())
        } else {
            (
                buf.len() - strip_numbering(buf.trim_start_matches(' ')).len(),
                buf.len(),
            )
        };
        let mut cited = (buf.len(), 0);
        collapse_into(buf, &text[start..end]);
        cited.1 = buf.len();
        // Collapsed: at most one space at each end.
        if cited.1 > cited.0 && buf.as_bytes()[cited.0] == b' ' {
            cited.0 += 1;
        }
        if cited.1 > cited.0 && buf.as_bytes()[cited.1 - 1] == b' ' {
            cited.1 -= 1;
        }
        let mut after = (buf.len(), 0);
        collapse_into(buf, &text[end..to]);
        after.1 = buf.len();
        if !far_end && after.1 > after.0 && buf.as_bytes()[after.1 - 1] == b' ' {
            after.1 -= 1;
        }
        let gap_after = text[end..to].starts_with(char::is_whitespace)
            || text[start..end].ends_with(char::is_whitespace);
        Parts {
            before,
            cited,
            after,
            gap_after,
        }
    }

    /// The passage: the three parts joined, `before` and `after` cut at
    /// word boundaries so that the whole stays within [`MAX_CHARS`].
    fn window(&self, buf: &str) -> String {
        let before = &buf[self.before.0..self.before.1];
        let cited = &buf[self.cited.0..self.cited.1];
        let after = &buf[self.after.0..self.after.1];
        // Characters are counted only when the bytes may be too many.
        let short = |n_before: usize, n_cited: usize, n_after: usize| {
            if n_before + n_cited + n_after > MAX_CHARS {
                return None;
            }
            let gap = self.gap_after && !after.is_empty() && !after.starts_with(' ');
            Some(joined([
                before,
                cited,
                if gap { " " } else { "" },
                after,
                "",
                "",
            ]))
        };
        if let Some(out) = short(before.len(), cited.len(), after.len()) {
            return out;
        }
        let (n_before, n_cited, n_after) = (
            before.chars().count(),
            cited.chars().count(),
            after.chars().count(),
        );
        if let Some(out) = short(n_before, n_cited, n_after) {
            return out;
        }
        // Budget: the citation itself (cut if it alone is too long), then
        // about a third of the rest before it and the remainder after it.
        let (cited, n_cited) = if n_cited > MAX_CHARS - 2 {
            (&cited[..byte_of_char(cited, MAX_CHARS - 2)], MAX_CHARS - 2)
        } else {
            (cited, n_cited)
        };
        let room = MAX_CHARS.saturating_sub(n_cited + 2);
        let want_before = (room / 3).max(room.saturating_sub(n_after)).min(n_before);
        let want_after = room.saturating_sub(want_before).min(n_after);
        let (head, n_head) = tail_words(before, n_before, want_before);
        let (tail, n_tail) = head_words(after, n_after, want_after);
        let gap = self.gap_after && !tail.is_empty() && !tail.starts_with(' ');
        joined([
            if n_head < n_before { "…" } else { "" },
            head.trim_start_matches(' '),
            cited,
            if gap { " " } else { "" },
            tail.trim_end_matches(' '),
            if n_tail < n_after { "…" } else { "" },
        ])
    }
}

/// The pieces one after the other, white space trimmed at both ends, in a
/// string of that size (collapsed text: its only white space is `' '`).
fn joined(mut pieces: [&str; 6]) -> String {
    for p in pieces.iter_mut() {
        *p = p.trim_start_matches(' ');
        if !p.is_empty() {
            break;
        }
    }
    for p in pieces.iter_mut().rev() {
        *p = p.trim_end_matches(' ');
        if !p.is_empty() {
            break;
        }
    }
    let mut out = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        out.push_str(p);
    }
    out
}

/// Byte offset of the character number `k` (from 0) of `s`, `s.len()` when
/// it has no more characters.
fn byte_of_char(s: &str, k: usize) -> usize {
    if k < s.len() && s.as_bytes()[..k].is_ascii() {
        return k;
    }
    let mut seen = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if (b as i8) >= -0x40 {
            if seen == k {
                return i;
            }
            seen += 1;
        }
    }
    s.len()
}

/// The last at most `n` characters of `s` (`count` characters), starting
/// at a word, and their number of characters.
fn tail_words(s: &str, count: usize, n: usize) -> (&str, usize) {
    if count <= n {
        return (s, count);
    }
    let cut = byte_of_char(s, count - n);
    let r = &s[cut..];
    match memchr::memchr(b' ', r.as_bytes()) {
        Some(p) if p + 1 < r.len() && !s[..cut].ends_with(' ') => {
            (&r[p + 1..], n - r[..=p].chars().count())
        }
        _ => (r, n),
    }
}

/// The first at most `n` characters of `s` (`count` characters), ending at
/// a word, and their number of characters.
fn head_words(s: &str, count: usize, n: usize) -> (&str, usize) {
    if count <= n {
        return (s, count);
    }
    let cut = byte_of_char(s, n);
    let r = &s[..cut];
    if s[cut..].starts_with(' ') {
        return (r, n);
    }
    match memchr::memrchr(b' ', r.as_bytes()) {
        Some(p) if p > 0 => (&r[..p], n - r[p..].chars().count()),
        _ => (r, n),
    }
}

#[cfg(test)]
mod tests;
