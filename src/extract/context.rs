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
    let before = collapse(&text[from..start]);
    let cited = collapse(&text[start..end]);
    let after = collapse(&text[end..to]);
    // A sentence that starts (or ends) beyond the window is cut anyway: its
    // first paragraph number and its last blanks are not in the window.
    let before = if far_start {
        before.as_str()
    } else {
        strip_numbering(before.trim_start())
    };
    let after = if far_end {
        after.as_str()
    } else {
        after.trim_end()
    };
    let out = join_window(
        before,
        cited.trim(),
        after,
        &text[start..end],
        &text[end..to],
    );
    // Footnote rules ("__________") are layout, not words.
    if out.contains("___") {
        let words: Vec<&str> = out
            .split(' ')
            .filter(|w| !(w.len() >= 3 && w.bytes().all(|b| b == b'_')))
            .collect();
        return words.join(" ");
    }
    out
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
    let mut seen = 0;
    let mut i = at;
    while i > lo {
        i -= 1;
        let c = b[i];
        if c == b'\n' {
            // The later newline of a blank line: the paragraph starts here.
            let mut j = i;
            while j > lo && matches!(b[j - 1], b' ' | b'\t' | b'\r') {
                j -= 1;
            }
            if j > lo && b[j - 1] == b'\n' {
                return (i + 1, false);
            }
            continue;
        }
        if stop_ends_at(t, i, lo) {
            return (i + 1, false);
        }
        if COUNTED[c as usize] {
            seen += 1;
            if seen > FAR {
                return (i, true);
            }
        }
    }
    (lo, false)
}

/// End (exclusive) of the sentence holding offset `at`, scanning to `hi`,
/// and whether the scan stopped short of it (see [`sentence_start`]).
fn sentence_end(t: &str, at: usize, hi: usize) -> (usize, bool) {
    let b = t.as_bytes();
    let mut seen = 0;
    for i in at..hi {
        let c = b[i];
        if c == b'\n' {
            // The first newline of a blank line: the paragraph ends here.
            let mut j = i + 1;
            while j < hi && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < hi && b[j] == b'\n' {
                return (i, false);
            }
            continue;
        }
        if stop_ends_at(t, i, at) {
            return (i + 1, false);
        }
        if COUNTED[c as usize] {
            seen += 1;
            if seen > FAR {
                return (i, true);
            }
        }
    }
    (hi, false)
}

/// Whether a stop that ends a sentence ends at byte `i` (its last byte),
/// starting at or after `from`.
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

/// Bytes that end a stop character: `;` `.` `!` `?`, and the last bytes
/// of `。` (E3 80 82), `；` (EF BC 9B) and `؛` (D8 9B).
const STOP_LAST_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b';' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0x82] = true;
    t[0x9B] = true;
    t
};

/// The stop character whose last byte is at `i`, if any: its first byte
/// and whether it is a hard stop (see [`is_hard_stop`], [`is_soft_stop`]).
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

/// Marks that always end a clause (the char-level statement of
/// [`stop_ending_at`], kept as its test oracle).
#[cfg(test)]
fn is_hard_stop(c: char) -> bool {
    matches!(c, ';' | '。' | '；' | '؛')
}

/// Marks that end a sentence when followed by a new one.
#[cfg(test)]
fn is_soft_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// Whether the full stop at `dot..after` ends a sentence: followed by
/// whitespace then a capital, a digit or a quote, and not closing an
/// abbreviation or an initial.
fn ends_sentence(t: &str, dot: usize, after: usize) -> bool {
    let rest = &t[after..];
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false; // "A.B", "3.5", "i.e."
    }
    match trimmed.chars().next() {
        None => true,
        Some(c) if c.is_uppercase() || c.is_ascii_digit() || "\"“«‘'(".contains(c) => {
            if t.as_bytes()[dot] != b'.' {
                return true;
            }
            let word: String = t[..dot]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '°' || *c == 'º')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
                return false; // an initial
            }
            let lower = word.to_lowercase();
            !ABBREVIATIONS.contains(&lower.as_str())
        }
        Some(_) => false,
    }
}

/// `s` with every run of whitespace as one space (leading and trailing kept as one).
///
/// Runs of ASCII non-space bytes are copied whole; only other characters
/// are decoded.
fn collapse(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c == b' ' || (0x09..=0x0d).contains(&c) {
                space = true;
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < b.len() && b[j] < 0x80 && b[j] != b' ' && !(0x09..=0x0d).contains(&b[j]) {
                j += 1;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(&s[i..j]);
            i = j;
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        i += ch.len_utf8();
        if ch.is_whitespace() || ch == '\u{200b}' {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(ch);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Drops a leading paragraph number or list mark ("1. ", "(a) ", "* ").
fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start_matches(['*', '#', '-', '•', ' ']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let r = &t[digits..];
        if let Some(r) = r.strip_prefix(". ").or_else(|| r.strip_prefix(".\u{a0}")) {
            return r.trim_start();
        }
    }
    t
}

/// Joins the three parts, cutting `before` and `after` at word boundaries
/// so that the whole stays within [`MAX_CHARS`]. `raw_cited`/`raw_after`
/// only tell whether the parts were separated by whitespace in the text.
fn join_window(before: &str, cited: &str, after: &str, raw_cited: &str, raw_after: &str) -> String {
    let gap_after =
        raw_after.starts_with(char::is_whitespace) || raw_cited.ends_with(char::is_whitespace);
    let n_before = before.chars().count();
    let n_cited = cited.chars().count();
    let n_after = after.chars().count();
    let mut out = String::new();
    if n_before + n_cited + n_after <= MAX_CHARS {
        out.push_str(before);
        out.push_str(cited);
        if gap_after && !after.is_empty() && !after.starts_with(' ') {
            out.push(' ');
        }
        out.push_str(after);
        return out.trim().to_string();
    }
    // Budget: the citation itself (cut if it alone is too long), then
    // about a third of the rest before it and the remainder after it.
    let cited: String = if n_cited > MAX_CHARS - 2 {
        cited.chars().take(MAX_CHARS - 2).collect()
    } else {
        cited.to_string()
    };
    let room = MAX_CHARS.saturating_sub(cited.chars().count() + 2);
    let want_before = (room / 3).max(room.saturating_sub(n_after)).min(n_before);
    let want_after = room.saturating_sub(want_before).min(n_after);
    let head = tail_words(before, want_before);
    let tail = head_words(after, want_after);
    if head.chars().count() < n_before {
        out.push('…');
    }
    out.push_str(head.trim_start());
    out.push_str(&cited);
    if gap_after && !tail.is_empty() && !tail.starts_with(' ') {
        out.push(' ');
    }
    out.push_str(tail.trim_end());
    if tail.chars().count() < n_after {
        out.push('…');
    }
    out.trim().to_string()
}

/// The last at most `n` characters of `s`, starting at a word.
fn tail_words(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let cut = s.char_indices().nth(count - n).map_or(s.len(), |(i, _)| i);
    let r = &s[cut..];
    match r.find(' ') {
        Some(p) if p + 1 < r.len() && !s[..cut].ends_with(' ') => &r[p + 1..],
        _ => r,
    }
}

/// The first at most `n` characters of `s`, ending at a word.
fn head_words(s: &str, n: usize) -> &str {
    if s.chars().count() <= n {
        return s;
    }
    let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let r = &s[..cut];
    if s[cut..].starts_with(' ') {
        return r;
    }
    match r.rfind(' ') {
        Some(p) if p > 0 => &r[..p],
        _ => r,
    }
}

/// The implementation before the byte scans and the [`FAR`] cut-off,
/// char by char: the oracle the faster one must agree with.
#[cfg(test)]
mod reference {
    use super::{
        SCAN, ceil, ends_sentence, floor, is_hard_stop, is_soft_stop, join_window, strip_numbering,
    };

    pub(super) fn context(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> String {
        let len = text.len();
        let start = floor(text, start.min(len));
        let end = ceil(text, end.clamp(start, len));
        let lo = floor(text, lo.min(start).max(start.saturating_sub(SCAN)));
        let hi = ceil(text, hi.clamp(end, len).min(end.saturating_add(SCAN)));
        let from = sentence_start(text, lo, start);
        let to = sentence_end(text, end, hi);
        let before = collapse(&text[from..start]);
        let cited = collapse(&text[start..end]);
        let after = collapse(&text[end..to]);
        let before = strip_numbering(before.trim_start());
        let out = join_window(
            before,
            cited.trim(),
            after.trim_end(),
            &text[start..end],
            &text[end..to],
        );
        // Footnote rules ("__________") are layout, not words.
        if out.contains("___") {
            let words: Vec<&str> = out
                .split(' ')
                .filter(|w| !(w.len() >= 3 && w.bytes().all(|b| b == b'_')))
                .collect();
            return words.join(" ");
        }
        out
    }

    /// Start of the sentence holding offset `at`, scanning back to `lo`.
    fn sentence_start(t: &str, lo: usize, at: usize) -> usize {
        let seg = &t[lo..at];
        let mut best = lo;
        // A blank line: the paragraph starts after it.
        if let Some(p) = last_blank_line(seg) {
            best = lo + p;
        }
        for (i, c) in seg.char_indices().rev() {
            let abs = lo + i;
            if abs < best {
                break;
            }
            let after = abs + c.len_utf8();
            if is_hard_stop(c) || (is_soft_stop(c) && ends_sentence(t, abs, after)) {
                return after;
            }
        }
        best
    }

    /// End (exclusive) of the sentence holding offset `at`, scanning to `hi`.
    fn sentence_end(t: &str, at: usize, hi: usize) -> usize {
        let seg = &t[at..hi];
        let limit = first_blank_line(seg).map_or(hi, |p| at + p);
        for (i, c) in t[at..limit].char_indices() {
            let abs = at + i;
            let after = abs + c.len_utf8();
            if is_hard_stop(c) || (is_soft_stop(c) && ends_sentence(t, abs, after)) {
                return after;
            }
        }
        limit
    }

    /// Offset just after the last blank line (a newline, optional spaces, a newline) of `s`.
    fn last_blank_line(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = b.len();
        while i > 0 {
            i -= 1;
            if b[i] == b'\n' {
                let mut j = i;
                while j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'\r') {
                    j -= 1;
                }
                if j > 0 && b[j - 1] == b'\n' {
                    return Some(i + 1);
                }
            }
        }
        None
    }

    /// Offset of the first blank line of `s` (where the paragraph ends).
    fn first_blank_line(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\n' {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j < b.len() && b[j] == b'\n' {
                    return Some(i);
                }
            }
            i += 1;
        }
        None
    }

    /// `s` with every run of whitespace as one space (leading and trailing kept as one).
    fn collapse(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200b}' {
                space = true;
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        if space {
            out.push(' ');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text with the citation between `[` and `]`, expected context).
    const CASES: &[(&str, &str)] = &[
        (
            "The General Assembly,\n\nRecalling its resolution [70/1] of 25 September 2015, entitled \"Transforming our world\",\n\nNoting",
            "Recalling its resolution 70/1 of 25 September 2015, entitled \"Transforming our world\",",
        ),
        (
            "1. Decides to review resolution [72/194] at its\n seventy-fifth   session;\n2. Requests",
            "Decides to review resolution 72/194 at its seventy-fifth session;",
        ),
        (
            "It acts. Recalling also resolution [2178 (2014)] on fighters. And more.",
            "Recalling also resolution 2178 (2014) on fighters.",
        ),
        (
            "United Nations, Treaty Series, vol. 2225, No. [39574]. Next sentence.",
            "United Nations, Treaty Series, vol. 2225, No. 39574.",
        ),
        (
            "See para. 94 of resolution [69/313]; see also A. B. Smith.",
            "See para. 94 of resolution 69/313;",
        ),
        (
            "Rappelant sa résolution [72/194] du 19 décembre 2017,",
            "Rappelant sa résolution 72/194 du 19 décembre 2017,",
        ),
        ("回顾其第[72/194]号决议。又回顾", "回顾其第72/194号决议。"),
        ("[A/78/305]", "A/78/305"),
        (
            "Recognizing the Convention [27531] as\n__________________\n1 See",
            "Recognizing the Convention 27531 as 1 See",
        ),
        ("   \n  [S/RES/1(1946)]  \n ", "S/RES/1(1946)"),
    ];

    fn run(case: &str) -> String {
        let start = case.find('[').unwrap();
        let text = case.replacen('[', "", 1).replacen(']', "", 1);
        let end = case.find(']').unwrap() - 1;
        context(&text, start, end, 0, text.len())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Same passage as the char-by-char implementation, on texts made
        /// of the pieces that matter: stops, abbreviations, blank lines,
        /// paragraph numbers, wide and Unicode spaces, long runs.
        #[test]
        fn same_as_reference(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "Recalling", " ", "  ", "\n", "\n\n", "\n \n", ". ", "; ", "。", "；", "؛", "No. 5", " para. ",
                "A. B. ", "1. ", "*", "**", "#", "-", "•", "\u{a0}", "\u{200b}", "\u{3000}", "résolution",
                "72/194", "Резолюция", "決議", "قرار", "? ", "! ", "“Quote", "___", "xxxxxxxxxxxxxxxxxxxx",
                "word ", "Capital ", "0", "12", "\t", "\r\n",
            ]),
            0..400,
        ), a in 0usize..4000, l in 0usize..4000, w in 0usize..40, h in 0usize..4000) {
            let text: String = parts.concat();
            let n = text.len();
            let start = a.min(n);
            let end = (start + w).min(n);
            let got = context(&text, start, end, l.min(start), h.max(end));
            let want = reference::context(&text, start, end, l.min(start), h.max(end));
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn long_runs_match_the_reference() {
        let run = "resolution 72/194,\n".repeat(400);
        for at in [0, 19, 3000, 3800, run.len() - 19] {
            assert_eq!(
                context(&run, at, at + 18, 0, run.len()),
                reference::context(&run, at, at + 18, 0, run.len())
            );
        }
        let wide = format!(
            "1. {}Recalling resolution 72/194{}",
            "a ".repeat(500),
            " b".repeat(500)
        );
        let at = wide.find("72/194").unwrap();
        assert_eq!(
            context(&wide, at, at + 6, 0, wide.len()),
            reference::context(&wide, at, at + 6, 0, wide.len())
        );
    }

    #[test]
    fn byte_stops_are_the_char_stops() {
        // The stops, and characters sharing their last bytes.
        let t = "a;b.c!d?e。f；g؛h‚i›j\u{82}k\u{9b}l\u{2082}m\u{ff1b}n\u{61b}o\u{e3}";
        let b = t.as_bytes();
        for (i, c) in t.char_indices() {
            let last = i + c.len_utf8() - 1;
            let want = if is_hard_stop(c) {
                Some((i, true))
            } else if is_soft_stop(c) {
                Some((i, false))
            } else {
                None
            };
            assert_eq!(stop_ending_at(b, last), want, "{c:?}");
            assert!(want.is_none() || STOP_LAST_BYTE[b[last] as usize], "{c:?}");
        }
    }

    #[test]
    fn table() {
        for (case, want) in CASES {
            assert_eq!(run(case), *want, "case {case:?}");
        }
    }

    #[test]
    fn long_sentences_are_cut_around_the_citation() {
        let before = "word ".repeat(200);
        let after = " more".repeat(200);
        let case = format!("{before}resolution [70/1]{after}.");
        let got = run(&case);
        assert!(got.chars().count() <= MAX_CHARS, "{}", got.chars().count());
        assert!(got.starts_with('…') && got.ends_with('…'), "{got}");
        assert!(got.contains("word resolution 70/1 more"), "{got}");
    }

    #[test]
    fn paragraph_bounds_and_odd_offsets() {
        let t = "Noting resolution 1/2, Recalling resolution 3/4, tail";
        let s = t.find("3/4").unwrap();
        let lo = t.find("Recalling").unwrap();
        assert_eq!(
            context(t, s, s + 3, lo, t.len()),
            "Recalling resolution 3/4, tail"
        );
        // Offsets inside a character, past the end, reversed: no panic.
        let t = "é 72/194 ü";
        for (a, b) in [(1, 4), (100, 200), (5, 2), (0, 0)] {
            let _ = context(t, a, b, 0, t.len());
        }
    }
}
