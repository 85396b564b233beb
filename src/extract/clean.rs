//! Text cleaning before matching, with offsets kept.
//!
//! What it removes or rewrites, and why:
//! - non-breaking, narrow and thin spaces → a plain space (French puts one
//!   before `(`, `:` and inside « »), so patterns need only `[ \t\n]`;
//! - soft hyphens and zero-width characters → nothing (PDF residue that
//!   splits numbers);
//! - markdown links `[72/194](#)` → their label, and escapes `\(` → `(`;
//! - `<sup>1</sup>` footnote markers → a space, or the bare number at the
//!   start of a line (so that the footnote itself is still recognised);
//! - `\r` → nothing (Windows line ends);
//! - NFC normalisation of any word that is not already NFC.
//!
//! The result is a [`Mapped`] text: every offset maps back to the input.

use crate::text::Mapped;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Cleans `src` for matching; see the module documentation.
pub fn clean(src: &str) -> Mapped {
    clean_changes(src).unwrap_or_else(|| Mapped::identity(src))
}

/// Like [`clean`], but `None` when cleaning would change nothing, so that
/// the caller need not hold a copy of an unchanged text.
pub fn clean_changes(src: &str) -> Option<Mapped> {
    clean_with(src, next_special)
}

/// [`clean_changes`], finding where a rewrite may start with `next` (the
/// tests compare [`next_special`] with the plain byte scan).
#[inline(always)]
fn clean_with(src: &str, next_special: impl Fn(&[u8], usize) -> usize) -> Option<Mapped> {
    let b = src.as_bytes();
    // Fast path: nothing to rewrite.
    if next_special(b, 0) == b.len() && nfc_ok(src) {
        return None;
    }
    let mut m = Mapped::builder(src.len(), src.len());
    let mut copy_from = 0;
    let mut i = 0;
    while i < b.len() {
        i = next_special(b, i);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let rest = &src[i..];
        // (replacement, bytes consumed)
        let rep: Option<(&str, usize)> = match c {
            b'\r' => Some(("", 1)),
            0xC2 if rest.starts_with('\u{a0}') => Some((" ", 2)),
            0xC2 if rest.starts_with('\u{ad}') => Some(("", 2)),
            0xE2 if rest.starts_with('\u{202f}')
                || rest.starts_with('\u{2009}')
                || rest.starts_with('\u{2007}')
                || rest.starts_with('\u{2002}')
                || rest.starts_with('\u{2003}') =>
            {
                Some((" ", 3))
            }
            0xE2 if rest.starts_with('\u{200b}')
                || rest.starts_with('\u{200c}')
                || rest.starts_with('\u{200d}')
                || rest.starts_with('\u{2060}') =>
            {
                Some(("", 3))
            }
            0xEF if rest.starts_with('\u{feff}') => Some(("", 3)),
            b'<' => sup_marker(rest).map(|n| ("", n)),
            b'-' => soft_break(src, i).map(|n| ("", n)),
            b'[' => None,
            b']' => None,
            _ => None,
        };
        if let Some((r, n)) = rep {
            m.push_copy(&src[copy_from..i], copy_from);
            // A <sup>n</sup> marker at a line start keeps its number.
            if c == b'<' {
                let at_line_start = i == 0 || b[i - 1] == b'\n';
                let inner = &rest[5..n - 6];
                if at_line_start {
                    m.push_copy(inner, i + 5);
                    m.push_replaced("", i + 5 + inner.len(), i + n);
                } else {
                    m.push_replaced(" ", i, i + n);
                }
            } else {
                m.push_replaced(r, i, i + n);
            }
            i += n;
            copy_from = i;
            continue;
        }
        match c {
            b'\\' if rest.len() > 1 && b"()[]*_#.-".contains(&b[i + 1]) => {
                m.push_copy(&src[copy_from..i], copy_from);
                m.push_replaced("", i, i + 1);
                i += 1;
                copy_from = i;
                // The escaped character itself is copied next round.
                i += 1;
            }
            b'[' => {
                // Markdown link [label](target): keep the label.
                if let Some((label_end, end)) = md_link(rest) {
                    m.push_copy(&src[copy_from..i], copy_from);
                    m.push_replaced("", i, i + 1);
                    let label = &src[i + 1..i + label_end];
                    push_label(&mut m, label, i + 1);
                    m.push_replaced("", i + label_end, i + end);
                    i += end;
                    copy_from = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    m.push_copy(&src[copy_from..], copy_from);
    if nfc_ok(&m.text) {
        return Some(m);
    }
    Some(nfc_words(&m))
}

/// From `i`, the first offset where a rewrite may start, or the length:
/// the first of [`STARTS`] found by [`START_SCAN`] where the machine has
/// one, else the first byte of [`SPECIALS`] (64 bytes at a time,
/// [`crate::text::classes::find_any`]), which the loop passes over as
/// well when it starts nothing.
fn next_special(b: &[u8], i: usize) -> usize {
    match &*START_SCAN {
        Some(t) => t
            .find_in(b, aho_corasick::Span::from(i..b.len()))
            .map_or(b.len(), |m| m.start()),
        None => next_special_byte(b, i),
    }
}

/// The first offset from `i` of a byte in [`SPECIALS`], or the length.
fn next_special_byte(b: &[u8], i: usize) -> usize {
    crate::text::classes::find_any(b, i, b.len(), &SPECIALS).unwrap_or(b.len())
}

/// The bytes that may start a rewrite.
const SPECIALS: [u8; 8] = [b'\r', 0xC2, 0xE2, 0xEF, b'\\', b'<', b'[', b'-'];

/// What a rewrite starts with (each begins with a byte of [`SPECIALS`]):
/// the characters dropped or made spaces, a hyphen before a line end, and
/// the first bytes of escapes, footnote markers and links.
const STARTS: [&str; 18] = [
    "\r", "\u{a0}", "\u{ad}", "\u{202f}", "\u{2009}", "\u{2007}", "\u{2002}", "\u{2003}",
    "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}", "\\", "<", "[", "-\n", "-\r",
];

/// A packed (Teddy) search for [`STARTS`], when the machine has the vector
/// instructions it needs (AVX2 or SSSE3, detected at run time; the crate's
/// build assumes SSE2 only): 16 or 32 bytes a step, looked up by nybble,
/// and the hyphens, quotes and dashes that start no rewrite are passed over
/// inside the search. Why: the byte scan, one compare per special byte per
/// 16 bytes and a return to the loop at each of them (a hyphen in a
/// word, a ’), took 125 M of the 273 M instructions of cleaning
/// `../shared/corpus`; this search takes 70 M.
static START_SCAN: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            // (more than 16 patterns, some of one byte, which the
            // heuristic leaves to other searches: faster than the byte
            // scan all the same)
            .heuristic_pattern_limits(false)
            .builder()
            .extend(STARTS)
            .build()
    });

/// A word hyphenated across a line end ("че-\n   ловека", "reso-\nlution"):
/// the length of `-\n` and the indentation to remove. Only between two
/// lower-case letters, so that "A/79/620-\nS/2024/841" stays two symbols.
fn soft_break(src: &str, i: usize) -> Option<usize> {
    let b = src.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'\r') {
        j += 1;
    }
    if b.get(j) != Some(&b'\n') {
        return None;
    }
    j += 1;
    while j < b.len() && matches!(b[j], b' ' | b'\t') {
        j += 1;
    }
    let before = src[..i].chars().next_back()?;
    let after = src[j..].chars().next()?;
    (before.is_lowercase() && after.is_lowercase()).then_some(j - i)
}

/// Whether `s` is already NFC, as far as this cleaning composes: only
/// combining diacritics (U+0300–U+036F) and Arabic hamza/madda marks
/// (U+0653–U+0655) compose in the official languages' scripts, so a word
/// without them is taken as NFC without a full check, and a text is NFC
/// when each of its words holding one is ([`nfc_words`] composes word by
/// word, so no more is ever asked).
///
/// Why per word: the full check of a text holding one mark decoded and
/// recomposed all of it (a mark with a "maybe" quick-check answer, like
/// the dot above of "i̇" in a PDF's Turkish names, sends the quick check to
/// a complete NFC pass): 4 % of the instructions of extracting
/// `../shared/corpus`, for eight of its 4,057 files.
fn nfc_ok(s: &str) -> bool {
    marked_words(s.as_bytes()).all(|(start, end)| word_nfc_ok(&s[start..end]))
}

/// The words of `b` (runs between ASCII white space) holding a byte that
/// may start a mark that composes ([`nfc_ok`]), each once, in order, as
/// `(start, end)`: the only words [`nfc_ok`] and [`nfc_words`] check.
fn marked_words(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    // The lead bytes of the combining diacritics and of the Arabic marks
    // (`D9 93`–`D9 95`), in one pass, in order; an Arabic text holds 0xD9
    // everywhere, but few texts are Arabic.
    let marks = memchr::memchr3_iter(0xCC, 0xCD, 0xD9, b)
        .filter(|&at| b[at] != 0xD9 || matches!(b.get(at + 1), Some(0x93..=0x95)));
    // Each word once: the marks after the first in a word are skipped.
    let mut done = 0;
    marks.filter_map(move |at| {
        if at < done {
            return None;
        }
        let start = b[..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |k| k + 1);
        let end = b[at..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(b.len(), |k| at + k);
        done = end;
        Some((start, end))
    })
}

/// [`nfc_ok`] of one word (or any text, checked whole).
fn word_nfc_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let arabic_mark = b
        .windows(2)
        .any(|w| w[0] == 0xD9 && matches!(w[1], 0x93..=0x95));
    let maybe = memchr::memchr2(0xCC, 0xCD, b).is_some() || arabic_mark;
    if !maybe {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

/// Pushes a link label, dropping the backslashes of escapes inside it.
fn push_label(m: &mut Mapped, label: &str, at: usize) {
    let mut from = 0;
    let lb = label.as_bytes();
    let mut j = 0;
    while j < lb.len() {
        if lb[j] == b'\\' && j + 1 < lb.len() && lb[j + 1].is_ascii_punctuation() {
            m.push_copy(&label[from..j], at + from);
            m.push_replaced("", at + j, at + j + 1);
            from = j + 1;
            j += 2;
        } else {
            j += 1;
        }
    }
    m.push_copy(&label[from..], at + from);
}

/// `<sup>N</sup>` (N up to 3 digits or `*`): its byte length.
fn sup_marker(s: &str) -> Option<usize> {
    let inner = s.strip_prefix("<sup>")?;
    let close = inner.find("</sup>")?;
    if close == 0
        || close > 4
        || !inner[..close]
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'*')
    {
        return None;
    }
    Some(5 + close + 6)
}

/// `[label](target)` on one line with a short target: (offset of `]`,
/// offset past `)`).
fn md_link(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut j = 1;
    while j < b.len() && j < 200 {
        match b[j] {
            b']' => break,
            b'\n' | b'[' => return None,
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
    if j >= b.len() || b[j] != b']' || b.get(j + 1) != Some(&b'(') {
        return None;
    }
    let close = s[j + 2..].find(')')?;
    if close > 300 || s[j + 2..j + 2 + close].contains('\n') {
        return None;
    }
    Some((j, j + 2 + close + 1))
}

/// NFC-normalises the words that need it, mapping through `m`.
fn nfc_words(m: &Mapped) -> Mapped {
    let src = &m.text;
    let mut out = Mapped::builder(src.len(), src.len());
    let mut from = 0;
    // (a word without a mark is NFC: see `nfc_ok`)
    for (start, end) in marked_words(src.as_bytes()) {
        let w = &src[start..end];
        if !word_nfc_ok(w) {
            out.push_copy(&src[from..start], from);
            let n: String = w.nfc().collect();
            out.push_replaced(&n, start, end);
            from = end;
        }
    }
    out.push_copy(&src[from..], from);
    // Compose: offsets of `out` map into `m.text`, which maps to the source.
    compose(&out, m)
}

/// Builds one map from `outer` (over `inner.text`) straight to `inner`'s
/// source.
pub fn compose(outer: &Mapped, inner: &Mapped) -> Mapped {
    Composed::build(outer, inner)
}

/// Helper to compose maps by re-sampling segment boundaries.
struct Composed;

impl Composed {
    fn build(outer: &Mapped, inner: &Mapped) -> Mapped {
        // Re-create `outer.text` char by char is too slow; instead rebuild by
        // runs: each run of `outer.text` whose mapping into inner is a plain
        // copy and whose inner mapping is a plain copy stays a copy.
        let text = &outer.text;
        let mut m = Mapped::builder(inner.to_source(inner.text.len()), text.len());
        let mut run_start = 0;
        let b = text.as_bytes();
        let mut i = 0;
        // Walk char boundaries; a run breaks where offsets stop advancing
        // together.
        let mut prev_src = inner.to_source(outer.to_source(0));
        let mut run_src = prev_src;
        while i < b.len() {
            // Inside a stretch copied straight through both maps, offsets
            // advance together: jump to a few bytes before its end (the
            // chars at the end are checked one by one, as before).
            let o = outer.to_source(i);
            let end = outer
                .copied_until(i)
                .min(i + inner.copied_until(o).saturating_sub(o));
            if end > i + 8 {
                let mut j = end - 4;
                while !text.is_char_boundary(j) {
                    j -= 1;
                }
                prev_src += j - i;
                i = j;
                continue;
            }
            let len = utf8_len(b[i]);
            let next = i + len;
            let s_next = inner.to_source(outer.to_source(next));
            if s_next != prev_src + len {
                // Close the copied run [run_start, i) and emit this char as
                // a replacement.
                if i > run_start {
                    m.push_copy(&text[run_start..i], run_src);
                }
                m.push_replaced(&text[i..next], prev_src, s_next.max(prev_src));
                run_start = next;
                run_src = s_next;
            }
            prev_src = s_next;
            i = next;
        }
        if run_start < b.len() {
            m.push_copy(&text[run_start..], run_src);
        }
        m
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The composition without the copied-stretch jump: every char checked.
    fn compose_slow(outer: &Mapped, inner: &Mapped) -> Mapped {
        let text = &outer.text;
        let mut m = Mapped::builder(inner.to_source(inner.text.len()), text.len());
        let (mut run_start, b, mut i) = (0, text.as_bytes(), 0);
        let mut prev_src = inner.to_source(outer.to_source(0));
        let mut run_src = prev_src;
        while i < b.len() {
            let len = utf8_len(b[i]);
            let next = i + len;
            let s_next = inner.to_source(outer.to_source(next));
            if s_next != prev_src + len {
                if i > run_start {
                    m.push_copy(&text[run_start..i], run_src);
                }
                m.push_replaced(&text[i..next], prev_src, s_next.max(prev_src));
                run_start = next;
                run_src = s_next;
            }
            prev_src = s_next;
            i = next;
        }
        if run_start < b.len() {
            m.push_copy(&text[run_start..], run_src);
        }
        m
    }

    proptest::proptest! {
        /// Cleaning maps every offset back exactly as the char-by-char
        /// composition does.
        #[test]
        fn compose_jump_is_exact(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "resolution 72/194 ", "e\u{301}", "re\u{301}solution ", "\u{a0}", "<sup>3</sup>",
                "[72/194](#) ", "\r\n", "plain words here and there, ", "\u{ad}", "Conven-\ntion ",
                "\\(2014\\)", "\u{feff}", "A\u{30a}", " ",
            ]), 0..40)) {
            let src: String = parts.concat();
            let mut m = Mapped::builder(src.len(), src.len());
            // A first rewrite with replacements, as clean() makes.
            let mut from = 0;
            for (k, _) in src.match_indices('\u{a0}') {
                m.push_copy(&src[from..k], from);
                m.push_replaced(" ", k, k + 2);
                from = k + 2;
            }
            m.push_copy(&src[from..], from);
            let outer = {
                let t = &m.text;
                let mut o = Mapped::builder(t.len(), t.len());
                let mut from = 0;
                for (k, w) in t.match_indices("e\u{301}") {
                    o.push_copy(&t[from..k], from);
                    o.push_replaced("é", k, k + w.len());
                    from = k + w.len();
                }
                o.push_copy(&t[from..], from);
                o
            };
            let fast = compose(&outer, &m);
            let slow = compose_slow(&outer, &m);
            proptest::prop_assert_eq!(&fast.text, &slow.text);
            for p in 0..=fast.text.len() {
                if fast.text.is_char_boundary(p) {
                    proptest::prop_assert_eq!(fast.to_source(p), slow.to_source(p), "at {}", p);
                }
            }
            let c = clean(&src);
            proptest::prop_assert!(c.to_source(c.text.len()) <= src.len());
        }
    }

    proptest::proptest! {
        /// The byte scan finds the first special byte; the search for the
        /// starts of rewrites finds the first of them (the byte scan where
        /// the machine has no packed search: never past that start).
        #[test]
        fn next_special_is_the_first(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "a", " ", "\n", "\r", "-", "<", "[", "]", "\\", "é", "’", "\u{a0}", "\u{feff}", "9", "я",
                "中", "ع", "\u{2028}", "\u{2009}", "\u{200b}", "\u{2060}", "–", "\u{ad}", "\u{fffd}",
            ]),
            0..120,
        )) {
            let text: String = parts.concat();
            let b = text.as_bytes();
            for i in 0..=b.len() {
                let want = (i..b.len()).find(|&j| SPECIALS.contains(&b[j])).unwrap_or(b.len());
                proptest::prop_assert_eq!(next_special_byte(b, i), want);
                let start = (i..b.len())
                    .find(|&j| STARTS.iter().any(|s| b[j..].starts_with(s.as_bytes())))
                    .unwrap_or(b.len());
                let got = next_special(b, i);
                if START_SCAN.is_some() {
                    proptest::prop_assert_eq!(got, start);
                } else {
                    proptest::prop_assert!(got <= start && (got == b.len() || SPECIALS.contains(&b[got])));
                }
            }
        }

        /// Cleaning gives the same text and map whichever scan finds the
        /// places to look at.
        #[test]
        fn cleaning_is_the_same_with_the_byte_scan(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "word ", "re\u{301}solution ", "\u{a0}", "\u{202f}", "\u{2003}", "\u{200b}", "\u{2060}",
                "\u{feff}", "\u{ad}", "<sup>3</sup>", "<sup>", "\n<sup>12</sup> ", "[72/194](#) ", "[x]",
                "\\(", "\\x", "\r\n", "\r", "че-\n  ловека", "reso-\r\nlution", "A/79/620-\nS", "- ", "-",
                "\n", "’", "–", "é", "\u{2028}", "\u{627}\u{653}",
            ]),
            0..60,
        )) {
            let src: String = parts.concat();
            // (`None`, no change, where the byte scan copied the text)
            let clean_by = |next: fn(&[u8], usize) -> usize| {
                clean_with(&src, next).unwrap_or_else(|| Mapped::identity(&src))
            };
            proptest::prop_assert_eq!(clean_by(next_special), clean_by(next_special_byte), "{:?}", src);
        }
    }

    #[test]
    fn starts_begin_with_special_bytes() {
        for s in STARTS {
            assert!(SPECIALS.contains(&s.as_bytes()[0]), "{s:?}");
        }
    }

    fn back(m: &Mapped, src: &str, needle: &str) -> String {
        let at = m.text.find(needle).unwrap();
        let s = m.to_source(at);
        let e = m.to_source(at + needle.len() - 1) + 1;
        src[s..e].to_string()
    }

    #[test]
    fn markdown_and_sup() {
        let src = "vu [2133 \\(2014\\)](#) et<sup>1</sup> x\n<sup>2</sup> Résolution [72/194](#).";
        let m = clean(src);
        assert_eq!(m.text, "vu 2133 (2014) et  x\n2 Résolution 72/194.");
        assert_eq!(back(&m, src, "2133 (2014)"), "2133 \\(2014\\)");
        assert_eq!(back(&m, src, "72/194"), "72/194");
        assert_eq!(back(&m, src, "2 R"), "2</sup> R");
    }

    #[test]
    fn hyphenated_words() {
        let src = "Советом по правам че-\n   ловека в его резолюции, A/79/620-\nS/2024/841";
        let m = clean(src);
        assert_eq!(
            m.text,
            "Советом по правам человека в его резолюции, A/79/620-\nS/2024/841"
        );
    }

    #[test]
    fn spaces_and_nfc() {
        let src = "sa re\u{301}solution\u{a0}72/194\r\n";
        let m = clean(src);
        assert_eq!(m.text, "sa résolution 72/194\n");
        assert_eq!(back(&m, src, "72/194"), "72/194");
        let at = m.text.find("résolution").unwrap();
        assert_eq!(m.to_source(at), 3);
        assert_eq!(
            m.to_source(at + "résolution".len()),
            3 + "re\u{301}solution".len()
        );
    }

    proptest::proptest! {
        /// A long text is NFC when its words holding a mark are, and then
        /// exactly when the full check says so (no singleton like U+212B in
        /// the text: those are not composed, whatever the check).
        #[test]
        fn nfc_check_of_a_text_goes_by_its_marked_words(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "e\u{301}", "i\u{307}", "\u{627}\u{653}", "\u{627}\u{644}", "é", " ", "\n", "\t",
                "plain", "\u{301}", "x", "\u{212B}", "ý", "\u{654}",
            ]),
            20..80,
        )) {
            let t: String = parts.concat();
            let by_words = t
                .split(|c: char| c.is_ascii_whitespace())
                .all(word_nfc_ok);
            proptest::prop_assert_eq!(nfc_ok(&t), by_words, "{:?}", t);
            if !t.contains('\u{212B}') {
                proptest::prop_assert_eq!(nfc_ok(&t), unicode_normalization::is_nfc(&t), "{:?}", t);
                // and composing its marked words composes the text
                let m = nfc_words(&Mapped::identity(&t));
                proptest::prop_assert_eq!(&m.text, &t.nfc().collect::<String>(), "{:?}", t);
                proptest::prop_assert_eq!(m.to_source(m.text.len()), t.len());
            }
        }
    }

    #[test]
    fn nfc_check_finds_the_marks_in_words_and_texts() {
        // Arabic alef + madda / hamza above / below (they compose), short
        // and long; Arabic text without them; a Latin combining accent.
        let pad = "\u{627}\u{644}".repeat(40);
        for (s, ok) in [
            ("\u{627}\u{653}", false),
            ("\u{627}\u{654}", false),
            ("\u{627}\u{655}", false),
            ("\u{627}\u{644}\u{645}", true),
            ("e\u{301}", false),
            ("plain", true),
        ] {
            assert_eq!(nfc_ok(s), ok, "{s:?}");
            let long = format!("{pad}{s}{pad}");
            assert_eq!(nfc_ok(&long), ok, "long {s:?}");
            assert_eq!(nfc_ok(&long), unicode_normalization::is_nfc(&long), "{s:?}");
        }
    }
}
