//! The implementation before the 64-byte line scans, the early skip of
//! continuation lines and the one-look-up cue table, line by line and
//! string by string: the oracle the faster one must agree with (test
//! builds only). It shares with the fast one only the helpers that did not
//! change (the patterns, [`strip_marks`], the footnote and operative
//! numbers, and what is done with the furniture lines once found,
//! [`super::furniture::furniture_ranges`] and
//! [`super::furniture::blank`]).

use super::{
    FURNITURE, INTRO, footnote_number, is_page_number, opens_with_digit, operative_number,
    strip_marks, trimmed_len,
};
use crate::extract::{cues, lexicon};
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

/// What [`super::blank_furniture`] must do to `text`, and return.
pub(super) fn blank_furniture(text: &mut String, header: Option<&str>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut pages: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut ls = 0;
    while ls < bytes.len() {
        let le = memchr::memchr(b'\n', &bytes[ls..]).map_or(bytes.len(), |p| ls + p);
        let line = &text[ls..le];
        let first = line.bytes().find(|c| !matches!(c, b' ' | b'\t'));
        if matches!(first, Some(b'0'..=b'9' | b'*'))
            && trimmed_len(line) <= 60
            && FURNITURE.is_match(line)
        {
            if is_page_number(line) {
                pages.push((ls, le));
            } else {
                ranges.push((ls, le));
            }
        }
        ls = le + 1;
    }
    let mut titles: Vec<(usize, usize)> = Vec::new();
    if let Some(h) = header.filter(|h| h.len() >= 3) {
        for at in memchr::memmem::find_iter(text.as_bytes(), h.as_bytes()) {
            let ls = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let le = text[at..].find('\n').map_or(text.len(), |p| at + p);
            if !text[ls..le].trim().eq(h) {
                continue;
            }
            ranges.push((ls, le));
            if ls < 400 {
                continue;
            }
            let mut n = le + 1;
            while n < text.len() {
                let ne = text[n..].find('\n').map_or(text.len(), |p| n + p);
                let line = text[n..ne].trim();
                if line.is_empty() {
                    n = ne + 1;
                    continue;
                }
                let looks_title = line.len() < 160
                    && !line.ends_with([',', ';', ':'])
                    && !line.starts_with(|c: char| c.is_ascii_digit());
                if looks_title {
                    titles.push((n, ne));
                }
                break;
            }
        }
    }
    let ranges = super::furniture::furniture_ranges(text, ranges, &titles, pages);
    super::furniture::blank(text, &ranges);
    ranges
}

/// Every known cue of the six languages.
static CUES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.cues.iter().copied())
        .chain(cues::EXTRA.iter().flat_map(|(_, c)| c.iter().copied()))
        .collect()
});

/// The words a two-word cue starts with.
static CUE_PREFIXES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.cue_prefixes.iter().copied())
        .chain(cues::EXTRA_PREFIXES)
        .collect()
});

/// The word(s) opening a paragraph: one word, two after a prefix.
pub(super) fn opening_words(s: &str) -> Cow<'_, str> {
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == '*' || c == ',')
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return Cow::Borrowed("");
    };
    let first = first.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’');
    if first.starts_with(super::opening::is_han) {
        return Cow::Borrowed(cues::chinese_prefix(first).unwrap_or(""));
    }
    if (first.ends_with(['\'', '’']) || CUE_PREFIXES.contains(first))
        && let Some(second) = words.next()
    {
        let second = second.trim_matches(|c: char| !c.is_alphabetic());
        let sep = if first.ends_with(['\'', '’']) {
            ""
        } else {
            " "
        };
        return bounded(Cow::Owned(crate::text::concat(&[first, sep, second])));
    }
    bounded(Cow::Borrowed(first))
}

/// `cue`, or nothing when longer than [`cues::MAX_CUE_CHARS`].
fn bounded(cue: Cow<'_, str>) -> Cow<'_, str> {
    if cue.chars().count() > cues::MAX_CUE_CHARS {
        Cow::Borrowed("")
    } else {
        cue
    }
}

/// Whether `word` (as [`opening_words`] gives it) is a known cue.
pub(super) fn is_cue(word: &str) -> bool {
    let w = word.split(' ').next().unwrap_or("");
    !word.is_empty()
        && word.chars().count() <= cues::MAX_CUE_CHARS
        && (CUES.contains(w) || CUES.contains(w.split(['\'', '’']).next().map_or("", |x| x)))
}

/// The cue of an operative paragraph: its opening words when a known cue.
fn operative_cue(rest: &str) -> String {
    let cue = opening_words(rest);
    if is_cue(&cue) {
        cue.into_owned()
    } else {
        String::new()
    }
}

/// A paragraph as [`read`] gives it: start, label, cue.
pub(super) type Para = (usize, String, String);

/// Opens operative paragraph `n` at `start` (see [`read`]).
fn open_operative(
    paras: &mut Vec<Para>,
    pending: &mut Option<(usize, u32)>,
    start: usize,
    n: u32,
    rest: &str,
) {
    if rest.is_empty() {
        *pending = Some((start, n));
    } else {
        paras.push((start, format!("op{n}"), operative_cue(rest)));
    }
}

/// The paragraphs [`super::Structure::read`] must find, in order.
pub(super) fn read(text: &str) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut in_resolution = false;
    let mut pp = 0u32;
    let mut fn_zone = false;
    let mut at = 0usize;
    let mut block_start = true;
    let mut pending_op: Option<(usize, u32)> = None;
    let mut last_op = 0u32;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = strip_marks(line);
        if body.is_empty() {
            block_start = true;
            continue;
        }
        if body.len() >= 5 && (body.chars().all(|c| c == '_') || body.chars().all(|c| c == '-')) {
            fn_zone = true;
            block_start = true;
            continue;
        }
        if let Some((ps, n)) = pending_op.take() {
            paras.push((ps, format!("op{n}"), operative_cue(body)));
            block_start = false;
            continue;
        }
        if (fn_zone || block_start)
            && let Some(n) = footnote_number(line.trim_start_matches(['*', '#']))
        {
            paras.push((start, format!("fn{n}"), String::new()));
            fn_zone = true;
            block_start = false;
            continue;
        }
        if !block_start {
            if in_resolution
                && opens_with_digit(body)
                && let Some((n, off)) = operative_number(line)
                && n == last_op + 1
            {
                last_op = n;
                open_operative(
                    &mut paras,
                    &mut pending_op,
                    start,
                    n,
                    strip_marks(&line[off..]),
                );
            }
            continue;
        }
        block_start = false;
        fn_zone = false;
        if body.len() < 60 && INTRO.is_match(body) {
            in_resolution = true;
            pp = 0;
            last_op = 0;
            paras.push((start, String::new(), String::new()));
            continue;
        }
        if opens_with_digit(body)
            && let Some((n, off)) = operative_number(line)
        {
            last_op = n;
            let rest = strip_marks(&line[off..]);
            if !in_resolution {
                paras.push((start, String::new(), operative_cue(rest)));
            } else {
                open_operative(&mut paras, &mut pending_op, start, n, rest);
            }
            continue;
        }
        let cue = opening_words(body);
        let known = is_cue(&cue);
        let label = if in_resolution && known {
            pp += 1;
            format!("pp{pp}")
        } else {
            String::new()
        };
        paras.push((
            start,
            label,
            if known {
                cue.into_owned()
            } else {
                String::new()
            },
        ));
    }
    paras
}
