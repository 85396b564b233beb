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
//! A citation costs about its window: the bounds are found on bytes, 64
//! at a time (`bounds`: scans that count characters only past the first
//! `FAR` bytes and stop once the window is full), the sentence is collapsed
//! once into a reused buffer, copied in stretches (`collapse`: the bytes
//! that may need more than a copy found 64 at a time with vector compares,
//! `text::classes`), characters are counted only when the bytes may be too
//! many, and the window is copied from there into a string of its size.
//! The blocks of 64 bytes may reach past the range they look at into the
//! rest of the text, so that a short range costs one block and not a loop
//! over its bytes. The previous, char-by-char implementation is kept in
//! `reference` (test builds) as the oracle this one must agree with byte
//! for byte.

use std::cell::RefCell;

mod bounds;
mod collapse;
use bounds::{sentence_end, sentence_start};
use collapse::collapse_range;

#[cfg(test)]
mod reference;

/// Longest context, in characters (an ellipsis included).
pub const MAX_CHARS: usize = 300;

/// How far (bytes) the scan for a boundary goes on each side of the citation.
const SCAN: usize = 1500;

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
/// offsets are clamped, never a panic. One call, on its own: the
/// citations of a whole text are cheaper through [`Passages`].
pub fn context(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> String {
    Passages::new(text).context(start, end, lo, hi)
}

/// The passages of the citations of one text, asked for in text order
/// (their starts never decreasing, as `Extractor::run_each` does): the
/// same as [`context`] call by call, but a citation in the sentence of the
/// one before it does not scan that sentence again.
///
/// Citations often come in runs within one sentence ("resolutions 72/194,
/// 72/284 and 73/174"). The bounds the scans of the previous call found
/// hold for the next one as long as it lies between them and its scans
/// would have the same limits (`lo`, `hi`): the scan back looks then only
/// at the stretch between the two starts, and the scan ahead at nothing.
/// A bound beyond `FAR` characters (`bounds::FAR`) is never carried over.
/// Any other order is served too, by full scans.
pub struct Passages<'t> {
    text: &'t str,
    /// `(lo, start, from, counted)` of the last sentence start found short
    /// of `FAR`: no byte of `from..start` bounds a sentence for a scan down
    /// to `lo`, `from` is `lo` or follows a bound, and `from..start` holds
    /// at most `FAR` counted bytes: `counted` of them, when they were
    /// counted.
    start_seen: Option<(usize, usize, usize, Option<usize>)>,
    /// `(hi, end, to)` of the last sentence end found short of `FAR`: no
    /// byte of `end..to - 1` bounds a sentence for a scan up to `hi`, and
    /// the scan from `end` stopped at `to` before its count passed `FAR`.
    end_seen: Option<(usize, usize, usize)>,
    /// `(hi, end, cut)` of the last sentence end found beyond `FAR`: no
    /// byte of `end..=cut` bounds a sentence for a scan up to `hi`, and
    /// `FAR + 1` bytes of `end..=cut` are counted, `cut` among them.
    end_far: Option<(usize, usize, usize)>,
}

impl<'t> Passages<'t> {
    /// The passages of `text`, none found yet.
    pub fn new(text: &'t str) -> Self {
        Passages {
            text,
            start_seen: None,
            end_seen: None,
            end_far: None,
        }
    }

    /// [`context`] of `self.text` for the span `start..end` in `lo..hi`.
    pub fn context(&mut self, start: usize, end: usize, lo: usize, hi: usize) -> String {
        let text = self.text;
        let len = text.len();
        let start = floor(text, start.min(len));
        let end = ceil(text, end.clamp(start, len));
        let lo = floor(text, lo.min(start).max(start.saturating_sub(SCAN)));
        let hi = ceil(text, hi.clamp(end, len).min(end.saturating_add(SCAN)));
        let (from, far_start) = self.sentence_start(lo, start);
        let (to, far_end) = self.sentence_end(end, hi);
        passage(text, (from, start, end, to), far_start, far_end)
    }

    /// [`sentence_start`] of `start` down to `lo`, from the last one found
    /// when it holds: same `lo`, not after `start`. The nearest bound is
    /// then in the stretch between the two starts, or else the last one's;
    /// either stands if `FAR` is not passed on the way (which the bytes
    /// answer when they are few enough, or else their count: that of the
    /// last one's stretch and of the bytes since, when the bound is the
    /// same and that stretch was counted). Why: a run of citations in a
    /// long sentence counted the bytes from its start again at each one.
    fn sentence_start(&mut self, lo: usize, start: usize) -> (usize, bool) {
        let text = self.text;
        let b = text.as_bytes();
        let reused = match self.start_seen {
            Some((seen_lo, seen_start, seen_from, seen_counted))
                if seen_lo == lo && seen_start <= start =>
            {
                let bound = bounds::start_bound_in(text, lo, seen_start, start);
                let from = bound.unwrap_or(seen_from);
                let counted = (start - from > bounds::FAR).then(|| match (bound, seen_counted) {
                    (None, Some(n)) => n + bounds::counted(&b[seen_start..start]),
                    _ => bounds::counted(&b[from..start]),
                });
                counted
                    .is_none_or(|n| n <= bounds::FAR)
                    .then_some((from, counted))
            }
            _ => None,
        };
        let (from, far, counted) = match reused {
            Some((from, counted)) => (from, false, counted),
            None => {
                let (from, far) = sentence_start(text, lo, start);
                (from, far, None)
            }
        };
        self.start_seen = (!far).then_some((lo, start, from, counted));
        (from, far)
    }

    /// [`sentence_end`] of `end` up to `hi`, the last one found when it
    /// holds: same `hi`, `end` in the stretch the last scan crossed without
    /// a bound (bytes from a later `end` count less towards `FAR`).
    ///
    /// Past the cut of the last one beyond `FAR`, when `end` is in the
    /// stretch that scan crossed: no bound there either, and the bytes of
    /// it counted from `end` are the last one's less those before `end`;
    /// the scan resumes after the cut. Why: each citation of a run in a
    /// long sentence counted `FAR` characters and more of it again.
    fn sentence_end(&mut self, end: usize, hi: usize) -> (usize, bool) {
        let (to, far) = match (self.end_seen, self.end_far) {
            (Some((seen_hi, seen_end, to)), _) if seen_hi == hi && seen_end <= end && end < to => {
                (to, false)
            }
            (_, Some((far_hi, far_end, cut))) if far_hi == hi && far_end <= end && end <= cut => {
                match bounds::counted(&self.text.as_bytes()[far_end..end]) {
                    0 => (cut, true),
                    before => bounds::sentence_end_from(
                        self.text,
                        end,
                        hi,
                        cut + 1,
                        Some(bounds::FAR + 1 - before),
                    ),
                }
            }
            _ => sentence_end(self.text, end, hi),
        };
        self.end_seen = (!far).then_some((hi, end, to));
        self.end_far = far.then_some((hi, end, to));
        (to, far)
    }
}

/// The passage of the sentence `from..to` around the citation
/// `start..end` (`far_start`, `far_end`: bounds beyond the window).
fn passage(
    text: &str,
    (from, start, end, to): (usize, usize, usize, usize),
    far_start: bool,
    far_end: bool,
) -> String {
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
        collapse_range(buf, text, from, start);
        let before = if far_start {
            (0, buf.len())
        } else {
            (
                buf.len() - strip_numbering(buf.trim_start_matches(' ')).len(),
                buf.len(),
            )
        };
        let mut cited = (buf.len(), 0);
        collapse_range(buf, text, start, end);
        cited.1 = buf.len();
        // Collapsed: at most one space at each end.
        if cited.1 > cited.0 && buf.as_bytes()[cited.0] == b' ' {
            cited.0 += 1;
        }
        if cited.1 > cited.0 && buf.as_bytes()[cited.1 - 1] == b' ' {
            cited.1 -= 1;
        }
        let mut after = (buf.len(), 0);
        collapse_range(buf, text, end, to);
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
