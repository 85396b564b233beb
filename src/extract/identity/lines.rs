//! Line readers for the masthead and title patterns.
//!
//! Each of these patterns can only match at the start of a line (or, for
//! the header brackets, at a `[`), and most lines of a head are none of
//! them. A regex search over the whole zone made the lazy DFA walk every
//! byte of it for every document, and the capture engines then walked the
//! matched line again (a masthead line of 80 characters, mostly blanks,
//! cost the bounded backtracker some 8,000 instructions). Here a byte check
//! picks the few lines (or brackets) that may match, and the pattern runs
//! on those only, or a hand reader does its simple job.
//!
//! The whole-zone regexes these stand in for are kept as test oracles (in
//! `oracle.rs`), with property tests that both agree.

use super::*;
use memchr::memchr;

/// The spans `(start, end)` of the lines of `zone`, without their `\n`
/// (the last one ends at the end of `zone`, with or without a newline
/// before it; an empty zone has no line).
fn line_spans(zone: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = zone.as_bytes();
    let mut at = Some(0);
    std::iter::from_fn(move || {
        let start = at?;
        if start >= bytes.len() {
            return None;
        }
        match memchr(b'\n', &bytes[start..]) {
            Some(p) => {
                at = Some(start + p + 1);
                Some((start, start + p))
            }
            None => {
                at = None;
                Some((start, bytes.len()))
            }
        }
    })
}

/// How many of the first bytes of `s` are one of `set`.
fn run_of(s: &[u8], set: &[u8]) -> usize {
    s.iter().take_while(|b| set.contains(b)).count()
}

/// What `symbol_rest` (a test oracle) matches at the start of `rest` (the rest of a line,
/// no `\n` in it): the end of its group 1, the symbol.
///
/// Read by hand (the pattern's alternation of 64 series made the capture
/// engine try each at every start). The pattern leaves few choices:
/// - a series and its `/`, then the symbol's body, its longest run of
///   letters and digits joined by single `.`, `-` or `/` (a shorter one
///   would leave a letter, digit or joiner where only a blank, `(`, `*`
///   or the line's end may follow);
/// - then, preferred, a year "(2025)", one blank at most before it;
/// - then, preferred, "(Part …)" (blanks before it, up to the first `)`);
/// - then blanks and `*`s to the line's end, or to three spaces or tabs in
///   a row ([`tail_ok`]).
///
/// The year is kept if the line can end after it (with or without the part),
/// else left out if it can end after the body. Each series that opens
/// `rest` is tried in the pattern's order (`CAC` before `CAC/COSP`).
pub(super) fn symbol_end(rest: &[u8]) -> Option<usize> {
    SYMBOL_PREFIXES.iter().find_map(|p| {
        let after = rest.strip_prefix(p.as_bytes())?.strip_prefix(b"/")?;
        let body = rest.len() - after.len();
        let end = body + symbol_body(after)?;
        let ends_line =
            |at: usize| part_end(rest, at).is_some_and(|e| tail_ok(rest, e)) || tail_ok(rest, at);
        match year_end(rest, end) {
            Some(y) if ends_line(y) => Some(y),
            _ => ends_line(end).then_some(end),
        }
    })
}

/// The length of a symbol's body at the start of `s`: runs of ASCII letters
/// and digits joined by single `.`, `-` or `/`, as long as it goes (`None`
/// when `s` does not open with a letter or digit).
fn symbol_body(s: &[u8]) -> Option<usize> {
    let alnum = |i: usize| s.get(i).is_some_and(u8::is_ascii_alphanumeric);
    if !alnum(0) {
        return None;
    }
    let mut i = 0;
    loop {
        while alnum(i) {
            i += 1;
        }
        if matches!(s.get(i), Some(b'.' | b'-' | b'/')) && alnum(i + 1) {
            i += 1;
        } else {
            return Some(i);
        }
    }
}

/// A year after a symbol at `at` (`[ \t]?\([0-9]{4}\)`): where it ends.
fn year_end(s: &[u8], at: usize) -> Option<usize> {
    let year = |i: usize| {
        let y = s.get(i..i + 6)?;
        (y[0] == b'(' && y[1..5].iter().all(u8::is_ascii_digit) && y[5] == b')').then_some(i + 6)
    };
    if matches!(s.get(at), Some(b' ' | b'\t'))
        && let Some(e) = year(at + 1)
    {
        return Some(e);
    }
    year(at)
}

/// A "(Part …)" after a symbol at `at`, blanks before it: where it ends
/// (after the first `)`).
fn part_end(s: &[u8], at: usize) -> Option<usize> {
    const PARTS: [&str; 7] = [
        "Part",
        "Première",
        "Deuxième",
        "Troisième",
        "Quatrième",
        "Parte",
        "Часть",
    ];
    let open = at + run_of(&s[at..], b" \t");
    let inner = s.get(open..)?.strip_prefix(b"(")?;
    if !PARTS.iter().any(|w| inner.starts_with(w.as_bytes())) {
        return None;
    }
    memchr(b')', inner).map(|k| open + 1 + k + 1)
}

/// The line may end at `at`: blanks and `*`s to its end, or among them
/// three spaces or tabs in a row (`[ \t*]*(?:$|[ \t]{3}[^\n]*$)`).
fn tail_ok(s: &[u8], at: usize) -> bool {
    let run = &s[at..at + run_of(&s[at..], b" \t*")];
    at + run.len() == s.len() || run.windows(3).any(|w| !w.contains(&b'*'))
}

/// A series' first segment (`CAC` for `CAC/COSP`) is `word`: a masthead
/// symbol may start at this word.
fn is_series_word(word: &[u8]) -> bool {
    SYMBOL_PREFIXES
        .iter()
        .any(|p| p.split('/').next().is_some_and(|s| s.as_bytes() == word))
}

/// The masthead symbol of one line (no `\n` in it), as a byte span: group 1
/// of `(?m)^(?:[^\n]*[ \t]{3})?[ \t#*]*` + `symbol_rest` on the line.
///
/// Where may the symbol start? The optional opening is greedy: the regex
/// first tries the symbol after the last run of blanks (`[ \t#*]` bytes,
/// three spaces or tabs in a row among them), then after the one before,
/// and so on; last, after the line's leading blanks, with or without three
/// spaces. (A shorter `[ \t#*]*` would leave a blank where the series'
/// capital must be.) So the symbol is tried at those starts from the right
/// to the left, and the first one where the rest matches wins. A start is
/// also right before a series word and its `/` (series are capitals and
/// `-`), which is how the candidates are found: from each `/` of the line,
/// back over the capitals before it.
fn line_symbol(line: &str) -> Option<(usize, usize)> {
    let b = line.as_bytes();
    let lead = run_of(b, b" \t#*");
    for slash in memchr::memrchr_iter(b'/', b) {
        let q = slash
            - b[..slash]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_uppercase() || **c == b'-')
                .count();
        if q == slash || (q != lead && !three_blanks_before(b, q)) || !is_series_word(&b[q..slash])
        {
            continue;
        }
        if let Some(end) = symbol_end(&b[q..]) {
            return Some((q, q + end));
        }
    }
    None
}

/// The run of `[ \t#*]` bytes right before `q` holds three spaces or tabs
/// in a row.
fn three_blanks_before(b: &[u8], q: usize) -> bool {
    let mut row = 0;
    for &c in b[..q].iter().rev() {
        match c {
            b' ' | b'\t' => {
                row += 1;
                if row == 3 {
                    return true;
                }
            }
            b'#' | b'*' => row = 0,
            _ => return false,
        }
    }
    false
}

/// The document's own symbol in `head` (group 1 of `MASTHEAD_SYMBOL`'s
/// first match), and the symbol on the line right after it, if that line
/// holds one too ("E/2025/28" over "E/CN.7/2025/11").
///
/// A match always runs to the end of its line, so the old second search,
/// from there on and kept only when nothing but one line break stood
/// before it, is the next line's.
pub(super) fn masthead_symbols(head: &str) -> Option<(&str, Option<&str>)> {
    let mut spans = line_spans(head);
    while let Some((s, e)) = spans.next() {
        if memchr(b'/', &head.as_bytes()[s..e]).is_none() {
            continue;
        }
        let Some((a, z)) = line_symbol(&head[s..e]) else {
            continue;
        };
        let next = if e < head.len() {
            spans.next().and_then(|(s2, e2)| {
                line_symbol(&head[s2..e2]).map(|(a2, z2)| &head[s2 + a2..s2 + z2])
            })
        } else {
            None
        };
        return Some((&head[s + a..s + z], next));
    }
    None
}

/// Whether a line (its leading `[ \t#*]` skipped) may open a
/// [`TITLE_LINE`]: the first bytes each of its forms needs.
fn may_be_title(rest: &[u8]) -> bool {
    const WORDS: [&str; 12] = [
        "Decision",
        "Décision",
        "Decisión",
        "Решение",
        "المقرر",
        "Resolution",
        "RESOLUTION",
        "Résolution",
        "Resolución",
        "Резолюция",
        "القرار",
        "第",
    ];
    let digit = |i: usize| rest.get(i).is_some_and(u8::is_ascii_digit);
    match rest.first() {
        Some(b'0'..=b'9') => {
            // "78/5. …" (one or two digits, a slash, a digit) or "131
            // (1958). …" (up to four digits, blanks, "(19" or "(20").
            let d = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            let paren = d + run_of(&rest[d..], b" \t");
            (d <= 2 && rest.get(d) == Some(&b'/') && digit(d + 1))
                || (d <= 4
                    && rest[paren..].starts_with(b"(")
                    && (rest[paren + 1..].starts_with(b"19")
                        || rest[paren + 1..].starts_with(b"20")))
        }
        Some(b'E') => rest.starts_with(b"ES-"),
        Some(b'S') => rest.starts_with(b"S-"),
        // The first bytes of the words: D, R, Cyrillic Р, Arabic alef, 第.
        Some(b'D' | b'R' | 0xD0 | 0xD8 | 0xE7) => {
            WORDS.iter().any(|w| rest.starts_with(w.as_bytes()))
        }
        _ => false,
    }
}

/// [`TITLE_LINE`]'s first match in `zone`, with its groups (offsets in
/// `zone`): the pattern runs only on the lines [`may_be_title`] lets by,
/// each alone (it cannot cross a line break).
pub(super) fn title_line(zone: &str) -> Option<regex::Captures<'_>> {
    line_spans(zone).find_map(|(s, e)| {
        let line = &zone.as_bytes()[s..e];
        let rest = &line[run_of(line, b" \t#*")..];
        if may_be_title(rest) {
            TITLE_LINE.captures_at(&zone[..e], s)
        } else {
            None
        }
    })
}

/// Where [`AGENDA_ITEM`]'s first match in `zone` ends: the pattern runs only
/// on the whole lines that open (after blanks) with one of its words.
pub(super) fn agenda_item_end(zone: &str) -> Option<usize> {
    line_spans(zone).find_map(|(s, e)| {
        if e == zone.len() {
            return None;
        }
        let line = &zone.as_bytes()[s..e];
        let rest = &line[run_of(line, b" \t")..];
        let opens = [&b"Agenda item"[..], b"Item", b"Point", b"Tema"]
            .iter()
            .any(|w| rest.starts_with(w));
        if opens {
            AGENDA_ITEM.find_at(&zone[..=e], s).map(|m| m.end())
        } else {
            None
        }
    })
}

/// The alias in brackets on one of the first four lines of `head`
/// ("[S/5002]" under an old SC resolution's title): the line is, besides
/// blanks, a bracket with an `S/`, `A/` or `E/` symbol, and ends with `\n`.
/// Gives the symbol (group 1 of the former `BRACKET_ALIAS` regex).
pub(super) fn bracket_alias(head: &str) -> Option<&str> {
    let b = head.as_bytes();
    line_spans(head).take(4).find_map(|(s, e)| {
        if e == head.len() {
            return None;
        }
        let mut i = s + run_of(&b[s..e], b" \t");
        if b.get(i) != Some(&b'[') || !matches!(b.get(i + 1), Some(b'S' | b'A' | b'E')) {
            return None;
        }
        i += 1;
        let sym = i;
        if b.get(i + 1) != Some(&b'/') {
            return None;
        }
        i += 2;
        let body = b[i..e]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'/' | b'-'))
            .count();
        if body == 0 || b.get(i + body) != Some(&b']') {
            return None;
        }
        let close = i + body;
        (close + 1 + run_of(&b[close + 1..e], b" \t") == e).then(|| &head[sym..close])
    })
}

/// The opening words of a header bracket naming a resolution's drafts, in
/// the six languages (none is the start of another).
const DRAFT_OPENERS: [&str; 13] = [
    "without reference to a Main Committee",
    "on the report of",
    "sans renvoi à une grande commission",
    "sur la base du rapport",
    "sur rapport",
    "sin remisión a una Comisión Principal",
    "sobre la base del informe",
    "по докладу",
    "без передачи в главный комитет",
    "未经发交主要委员会",
    "根据",
    "دون إحالة إلى لجنة رئيسية",
    "بناء على تقرير",
];

/// The first header bracket of `zone` that names drafts ("[without
/// reference to a Main Committee (A/79/L.99 and Add.1)]") with at most 400
/// characters after its opening words: its byte span, brackets included.
/// What `DRAFT_BRACKET`'s matches give (the first whose `tail` is short
/// enough), read by hand: a `[`, blanks or line breaks, opening words, then
/// anything up to a `]` with no `[` before it.
pub(super) fn draft_bracket(zone: &str) -> Option<(usize, usize)> {
    let b = zone.as_bytes();
    memchr::memchr_iter(b'[', b).find_map(|p| {
        let at = p + 1 + run_of(&b[p + 1..], b" \t\n");
        let words = DRAFT_OPENERS
            .iter()
            .find(|w| b[at..].starts_with(w.as_bytes()))?;
        let tail = at + words.len();
        let close = tail + memchr::memchr2(b']', b'[', &b[tail..])?;
        (b[close] == b']' && zone[tail..close].chars().count() <= 400).then_some((p, close + 1))
    })
}

/// The first Markdown heading of `zone` ("## Title", two or more `#`) whose
/// title has at most 400 characters: that title (group `t` of
/// [`MD_HEADING`], run only on the lines that open with `##`).
pub(super) fn md_heading(zone: &str) -> Option<&str> {
    let b = zone.as_bytes();
    memchr::memmem::find_iter(b, b"##").find_map(|s| {
        if s > 0 && b[s - 1] != b'\n' {
            return None;
        }
        let e = memchr(b'\n', &b[s..]).map_or(b.len(), |k| s + k);
        let t = MD_HEADING.captures_at(&zone[..e], s)?.name("t")?;
        (t.as_str().chars().count() <= 400).then_some(t.as_str())
    })
}

/// The body named first in `head` ("General Assembly", "Conseil de
/// sécurité", …): [`BODY_MARK`]'s first match, told apart by its words
/// (a plain search, where the groups once needed the capture engine).
pub(super) fn body_mark(head: &str) -> Option<Body> {
    let m = BODY_MARK.find(head)?.as_str();
    // The pattern reads either apostrophe where a name has one.
    let m = m.replace('’', "'");
    BODY_NAMES
        .iter()
        .find(|(_, names)| names.contains(&m.as_str()))
        .map(|&(body, _)| body)
}
