//! The cue a paragraph opens with ("Recalling", "Taking note", "إذ تشير",
//! "回顾"): its opening word, or two after a prefix, when a known cue (see
//! [`crate::extract::cues`]), else nothing.

use crate::extract::{cues, lexicon};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Flag of [`WORDS`]: the word is a cue of a language's list.
const CUE: u8 = 1;
/// Flag of [`WORDS`]: the word opens a two-word cue ("Taking", "Se").
const PREFIX: u8 = 2;

/// Every known cue and cue prefix of the six languages, with its flags
/// ([`CUE`], [`PREFIX`]): one look-up tells both of an opening word. Hashed
/// with the project's multiply–rotate hasher (the edge-list loader's,
/// [`crate::graph::fasthash`]): SipHash cost more than the rest of the
/// look-up.
static WORDS: LazyLock<HashMap<&'static str, u8, crate::graph::fasthash::FxBuild>> =
    LazyLock::new(|| {
        let mut words = HashMap::default();
        let cues = lexicon::ALL
            .iter()
            .flat_map(|l| l.cues.iter().copied())
            .chain(cues::EXTRA.iter().flat_map(|(_, c)| c.iter().copied()));
        for c in cues {
            *words.entry(c).or_default() |= CUE;
        }
        let prefixes = lexicon::ALL
            .iter()
            .flat_map(|l| l.cue_prefixes.iter().copied())
            .chain(cues::EXTRA_PREFIXES);
        for p in prefixes {
            *words.entry(p).or_default() |= PREFIX;
        }
        words
    });

/// Builds the table of cues now (see [`crate::extract::warm_up`]).
pub(super) fn warm_up() {
    LazyLock::force(&WORDS);
}

/// The flags of `word` in [`WORDS`] (none: 0).
fn flags(word: &str) -> u8 {
    WORDS.get(word).copied().unwrap_or(0)
}

/// The ASCII bytes that separate the words of a paragraph's opening
/// (white space as `char::is_whitespace` has it, `*`, `,`), by value: one
/// look in a table each.
static ASCII_SEPS: [bool; 256] = super::byte_set(SEPS);

/// The ASCII bytes that separate words ([`ASCII_SEPS`]).
const SEPS: &[u8] = b" \t\n\x0B\x0C\r*,";

/// The ASCII bytes that are not separators: parts of a word.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let seps = super::byte_set(SEPS);
    let mut x = 0;
    while x < 0x80 {
        table[x] = !seps[x];
        x += 1;
    }
    table
};

/// Whether a character separates the words of a paragraph's opening.
fn is_sep(c: char) -> bool {
    c.is_whitespace() || c == '*' || c == ','
}

/// The character starting at byte `i` of `s` (a character boundary).
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().expect("a character at a boundary")
}

/// The first word of `s` from byte `from` on: the byte range of the next
/// run of characters that are not separators ([`is_sep`]), if any. Runs
/// of ASCII bytes are passed by a look in a table each ([`ASCII_SEPS`],
/// [`ASCII_WORD`]); only other characters are decoded.
fn word(s: &str, from: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    let start = loop {
        while i < b.len() && ASCII_SEPS[usize::from(b[i])] {
            i += 1;
        }
        let x = *b.get(i)?;
        if x < 0x80 {
            break i;
        }
        let c = char_at(s, i);
        if !is_sep(c) {
            break i;
        }
        i += c.len_utf8();
    };
    loop {
        while i < b.len() && ASCII_WORD[usize::from(b[i])] {
            i += 1;
        }
        match b.get(i) {
            Some(&x) if x >= 0x80 => {
                let c = char_at(s, i);
                if is_sep(c) {
                    break;
                }
                i += c.len_utf8();
            }
            _ => break,
        }
    }
    Some((start, i))
}

/// `w` without the characters other than letters (and apostrophes, when
/// `apostrophes`) at its ends. A word opening and ending with an ASCII
/// letter, as most do, is its own trim.
fn trim_word(w: &str, apostrophes: bool) -> &str {
    let b = w.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphabetic)
        && b.last().is_some_and(u8::is_ascii_alphabetic)
    {
        return w;
    }
    w.trim_matches(|c: char| !(c.is_alphabetic() || (apostrophes && (c == '\'' || c == '’'))))
}

/// `w` up to its first apostrophe (`'` or `’`), or all of it.
fn before_apostrophe(w: &str) -> &str {
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\'' => return &w[..i],
            0xE2 if b[i..].starts_with("’".as_bytes()) => return &w[..i],
            _ => i += 1,
        }
    }
    w
}

/// Whether `cue` is within [`cues::MAX_CUE_CHARS`] characters (counted
/// only when its bytes are more).
fn short(cue: &str) -> bool {
    cue.len() <= cues::MAX_CUE_CHARS || cue.chars().count() <= cues::MAX_CUE_CHARS
}

/// Whether `word` (one word, or two joined by a space or after an
/// apostrophe) is a known cue: not empty, short, and its first word, or
/// what stands before an apostrophe ("S'"), is on a language's list.
fn known(word: &str) -> bool {
    let w = word.split(' ').next().unwrap_or("");
    !word.is_empty()
        && short(word)
        && (flags(w) & CUE != 0 || flags(before_apostrophe(w)) & CUE != 0)
}

/// A Han (Chinese) character.
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// The cue opening `s` (a paragraph's text after its number and marks):
/// its first word, trimmed to letters and apostrophes, or with the next
/// word after a prefix ("Taking note") or an apostrophe ("S'" "engageant"),
/// or the Chinese cue it starts with; kept when a known cue, else empty.
///
/// A single word found in [`WORDS`] is returned as the table's own
/// string: most paragraphs of a resolution open with one, and their cue
/// is then neither copied nor allocated.
pub(super) fn cue_of(s: &str) -> Cow<'static, str> {
    let none = Cow::Borrowed("");
    let Some((ws, we)) = word(s, 0) else {
        return none;
    };
    let first = trim_word(&s[ws..we], true);
    if first.as_bytes().first().is_some_and(|&x| x >= 0x80) && first.starts_with(is_han) {
        return match cues::chinese_prefix(first) {
            Some(c) if known(c) => Cow::Borrowed(c),
            _ => none,
        };
    }
    let (key, f) = WORDS
        .get_key_value(first)
        .map_or(("", 0), |(&k, &f)| (k, f));
    let apostrophe = first.ends_with(['\'', '’']);
    if (apostrophe || f & PREFIX != 0)
        && let Some((ss, se)) = word(s, we)
    {
        let second = trim_word(&s[ss..se], false);
        let sep = if apostrophe { "" } else { " " };
        let cue = crate::text::concat(&[first, sep, second]);
        return if known(&cue) { Cow::Owned(cue) } else { none };
    }
    if f & CUE != 0 && short(first) {
        return Cow::Borrowed(key);
    }
    // A word not on the lists is a cue only by what stands before its
    // apostrophe (a word without one was just looked up).
    let cut = before_apostrophe(first);
    if cut.len() < first.len() && short(first) && flags(cut) & CUE != 0 {
        Cow::Owned(first.to_owned())
    } else {
        none
    }
}
