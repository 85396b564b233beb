//! Reading cited numbers and the lists they stand in: one number's shape
//! (`72/194`, `2178 (2014)`, `217 A (III)`, Arabic sessions), the letters,
//! dates and pinpoints after it, the separators between numbers.

use super::*;
use crate::extract::lexicon;
use std::sync::LazyLock;

/// An upper-case list letter (Latin, or a Cyrillic look-alike) or a letter
/// written as a word (Arabic "ألف", "ياء") at `i` that stands alone: its end.
pub(super) fn letter(s: &str, i: usize) -> Option<usize> {
    let r = s.get(i..)?;
    let c = r.chars().next()?;
    if !c.is_ascii() {
        for w in LETTER_WORDS.iter() {
            if let Some(rest) = r.strip_prefix(w)
                && !rest.chars().next().is_some_and(char::is_alphanumeric)
            {
                return Some(i + w.len());
            }
        }
    }
    if !(c.is_ascii_uppercase() || matches!(c, 'А' | 'В' | 'С' | 'Е')) {
        return None;
    }
    let e = i + c.len_utf8();
    match s[e..].chars().next() {
        Some(n) if n.is_alphanumeric() => None,
        _ => Some(e),
    }
}

/// Letters after a number: " A", " A and B", " A to D", " A-C", " A, B and C".
pub(super) fn letters(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let j = skip_hspace(b, i);
    let Some(mut e) = letter(s, j) else {
        return i;
    };
    // Further letters joined by a word, a dash or a comma.
    loop {
        let k = skip_hspace(b, e);
        let mut next = None;
        for w in [
            "and", "to", "et", "à", "y", "a", "и", "و", "إلى", "-", "–", ",", "،",
        ] {
            if s[k..].starts_with(w) {
                let k2 = skip_hspace(b, k + w.len());
                // Arabic "و" may be glued to the letter: "ألف وباء".
                if k2 > k + w.len() || matches!(w, "-" | "–" | "و") {
                    next = letter(s, k2);
                    if next.is_some() {
                        break;
                    }
                }
            }
        }
        match next {
            Some(n) => e = n,
            None => break,
        }
    }
    e
}

/// A special (`S-`) or emergency special (`ES-`) session prefix at `i`, in
/// Latin or Arabic letters (`دإ-` = S-, `دإط-` = ES-): the prefix as Latin
/// and the position after it.
pub(super) fn session_prefix(s: &str, i: usize) -> (&'static str, usize) {
    let r = s.get(i..).unwrap_or("");
    for (w, p) in [("ES-", "ES-"), ("S-", "S-"), ("دإط-", "ES-"), ("دإ-", "S-")] {
        if r.starts_with(w) {
            return (p, i + w.len());
        }
    }
    ("", i)
}

/// An Arabic session in brackets, after the opening bracket at `q`:
/// "د-3" (third session), "دإ-7" (seventh special), "دإط-1" (first
/// emergency special). The session in the Latin form (`III`, `S-VII`,
/// `ES-I`), its value and the position after the number.
pub(super) fn arabic_session(s: &str, q: usize) -> Option<(String, u32, usize)> {
    let (sp, j) = match session_prefix(s, q) {
        ("", _) => ("", q + s.get(q..)?.strip_prefix("د-").map(|_| "د-".len())?),
        x => x,
    };
    let (n, e, cnt) = digits(s.as_bytes(), j, 3)?;
    if cnt > 3 || n == 0 {
        return None;
    }
    Some((format!("{sp}{}", symbol::int_to_roman(n)), n, e))
}

/// Reads one cited number at `i`: its shape and end.
pub(crate) fn parse_item(s: &str, i: usize) -> Option<(Shape, usize)> {
    let b = s.as_bytes();
    let (prefix, j) = session_prefix(s, i);
    let (d1, j2, n1) = digits(b, j, 4)?;
    if n1 > 4 {
        return None;
    }
    if b.get(j2) == Some(&b'/') {
        let (d2, mut e, n2) = digits(b, j2 + 1, 3)?;
        if n2 > 3 {
            // A footnote number glued to the end: keep three digits.
            e = j2 + 1 + 3;
        }
        if b.get(e) == Some(&b'/') {
            return None;
        }
        // "72/19x4": a misread digit, not resolution 72/19.
        if garbled(&b[e - 1..b.len().min(e + 2)]) {
            return None;
        }
        if d1 == 0 || d2 == 0 {
            return None;
        }
        let shape = if !prefix.is_empty() || n1 <= 2 {
            if n1 > 2 {
                return None;
            }
            Shape::Session {
                prefix,
                session: d1,
                number: d2,
            }
        } else if n1 == 4 && numbering::is_year(d1) {
            Shape::Year {
                year: d1,
                number: d2,
            }
        } else {
            return None;
        };
        let e = if n2 > 3 { e } else { letters(s, e) };
        return Some((shape, e));
    }
    if !prefix.is_empty() || d1 == 0 {
        return None;
    }
    let k = letters(s, j2);
    let p = skip_ws(b, k);
    if let Some(q) = open_paren(s, p) {
        let q = skip_hspace(b, q);
        if let Some((y, ye, 4)) = digits(b, q, 4) {
            let ce = close_paren(s, skip_hspace(b, ye))?;
            if !(1945..=2049).contains(&y) {
                return None;
            }
            return Some((
                Shape::Sc {
                    number: d1,
                    year: y,
                },
                ce,
            ));
        }
        // Arabic session: "(د-3)", "(دإ-7)", "(دإط-1)".
        if let Some((session, roman, ae)) = arabic_session(s, q) {
            let ce = close_paren(s, skip_hspace(b, ae))?;
            return Some((
                Shape::Old {
                    number: d1,
                    session,
                    roman,
                },
                ce,
            ));
        }
        // Roman session, maybe special (S-) or emergency special (ES-).
        let (sp, r0) = if b[q..].starts_with(b"ES-") {
            ("ES-", q + 3)
        } else if b[q..].starts_with(b"S-") {
            ("S-", q + 2)
        } else {
            ("", q)
        };
        let mut r = r0;
        while r < b.len() && matches!(b[r], b'I' | b'V' | b'X' | b'L' | b'C') && r - r0 < 8 {
            r += 1;
        }
        if r == r0 {
            return None;
        }
        let roman = symbol::roman_to_int(&s[r0..r])?;
        let ce = close_paren(s, skip_hspace(b, r))?;
        return Some((
            Shape::Old {
                number: d1,
                session: format!("{sp}{}", &s[r0..r]),
                roman,
            },
            ce,
        ));
    }
    // Right-to-left residue: "2042) 2012 (".
    if let Some(q) = close_paren(s, p) {
        let q = skip_hspace(b, q);
        if let Some((y, ye, 4)) = digits(b, q, 4) {
            let oe = open_paren(s, skip_hspace(b, ye))?;
            if numbering::sc_plausible(d1, y) {
                return Some((
                    Shape::Sc {
                        number: d1,
                        year: y,
                    },
                    oe,
                ));
            }
        }
    }
    None
}

/// The punctuation that separates list items, in the order tried.
const SEPARATOR_MARKS: [&str; 8] = [",", ";", "،", "、", "，", "…", "...", "؛"];

/// The first bytes of the separators: of [`SEPARATOR_MARKS`], then of
/// [`CONJUNCTIONS`]. Why: most places [`separator`] looks at open none (a
/// full stop, a bracket, a word), and one look at a table turns them away
/// instead of a comparison with each mark and each conjunction; a place
/// that opens one kind (a comma, the "o" of "of") is compared with that
/// kind's only.
static SEPARATOR_FIRST: LazyLock<[[bool; 256]; 2]> = LazyLock::new(|| {
    [
        first_bytes(SEPARATOR_MARKS.iter().copied()),
        first_bytes(CONJUNCTIONS.iter().copied()),
    ]
});

/// A table of the first bytes of `words`.
pub(super) fn first_bytes<'a>(words: impl Iterator<Item = &'a str>) -> [bool; 256] {
    let mut t = [false; 256];
    for w in words {
        if let Some(&c) = w.as_bytes().first() {
            t[c as usize] = true;
        }
    }
    t
}

/// Skips list separators (commas, conjunctions, ellipses) from `i`; the
/// position of what follows.
pub(super) fn separator(s: &str, i: usize) -> usize {
    separator_by(s, i, &SEPARATOR_FIRST)
}

/// [`separator`], where a mark is looked for only at a byte that
/// `first[0]` lets through, a conjunction at one that `first[1]` does
/// (the tests' oracle lets every byte through).
fn separator_by(s: &str, i: usize, first: &[[bool; 256]; 2]) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    let mut tokens = 0;
    loop {
        j = skip_ws(b, j);
        if tokens >= 4 || j >= b.len() {
            return j;
        }
        let (mark, conjunction) = (first[0][b[j] as usize], first[1][b[j] as usize]);
        if !mark && !conjunction {
            return j;
        }
        let r = &s[j..];
        let mut adv = 0;
        if mark {
            for p in SEPARATOR_MARKS {
                if r.starts_with(p) {
                    adv = p.len();
                    break;
                }
            }
        }
        if adv == 0 && conjunction {
            for w in CONJUNCTIONS.iter() {
                if let Some(rest) = r.strip_prefix(w) {
                    let after = rest.chars().next();
                    // Arabic "و" may be glued to the number.
                    let ok = match after {
                        Some(c) if c.is_whitespace() => true,
                        // "و2043", "和73/174", "和S-27/2": no space in
                        // Arabic and Chinese.
                        Some(c) if c.is_ascii_digit() => !w.is_ascii(),
                        Some(_) if !w.is_ascii() => !session_prefix(rest, 0).0.is_empty(),
                        _ => false,
                    };
                    if ok {
                        adv = w.len();
                        break;
                    }
                }
            }
        }
        if adv == 0 {
            return j;
        }
        j += adv;
        tokens += 1;
    }
}

/// One cited number: shape, span, and the year of the date written after
/// it, if any.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) shape: Shape,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) date_year: Option<u32>,
}

/// Cited numbers of one list.
pub(super) type Items = Vec<Item>;

/// Skips the dates and pinpoints that may follow a cited number; returns
/// the end and the year of the date, if one was read.
pub(super) fn tails(s: &str, mut e: usize) -> (usize, Option<u32>) {
    let mut year = None;
    loop {
        let (date, pinpoint) = may_tail(s, e);
        if date && let Some(m) = DATE_TAIL.find(&s[e..]) {
            let d = m.as_str();
            // The year: the four digits from the fourth last (when they
            // stand together).
            if let Some(at) = d
                .bytes()
                .enumerate()
                .rev()
                .filter(|(_, c)| c.is_ascii_digit())
                .nth(3)
                .map(|(i, _)| i)
            {
                year = d.get(at..at + 4).and_then(|y| y.parse().ok());
            }
            e += m.end();
            continue;
        }
        if pinpoint && let Some(m) = PINPOINT.find(&s[e..]) {
            // Do not swallow the character after a pinpoint's number.
            let mut end = e + m.end();
            let last = s[..end].chars().next_back();
            if let Some(c) = last
                && !c.is_alphanumeric()
                && end > e + 1
            {
                end -= c.len_utf8();
            }
            if end <= e {
                break;
            }
            e = end;
            continue;
        }
        break;
    }
    (e, year)
}

/// The words that may open a date ([`DATE_TAIL`]: its prepositions and
/// "le"; `[0]`) or a pinpoint ([`PINPOINT`]; `[1]`), each up to its first
/// space or apostrophe (which the regexes read as several characters), by
/// their first byte.
static TAIL_WORD_HEADS: LazyLock<[Vec<Vec<&'static str>>; 2]> = LazyLock::new(|| {
    let by_first = |words: &mut dyn Iterator<Item = &&'static str>| {
        let mut by_first = vec![Vec::new(); 256];
        for w in words {
            let head = w.split([' ', '\'']).next().unwrap_or("");
            if let Some(&c) = head.as_bytes().first() {
                by_first[c as usize].push(head);
            }
        }
        by_first
    };
    [
        by_first(
            &mut lexicon::ALL
                .iter()
                .flat_map(|l| l.date_preps.iter())
                .chain(std::iter::once(&"le")),
        ),
        by_first(&mut lexicon::ALL.iter().flat_map(|l| l.pinpoints.iter())),
    ]
});

/// Which of a date ([`DATE_TAIL`]) and a pinpoint ([`PINPOINT`]) may
/// follow at `e`, as (date, pinpoint): after white space and a comma, the
/// start of one of their words ([`TAIL_WORD_HEADS`]: " and 73/174" is
/// turned away), or (a date) the one or two digits of a day followed by
/// white space or an ordinal suffix. Necessary conditions, checked before
/// each regex is run: most numbers are followed by neither (a comma and the
/// next number, a bracket, a full stop), and an anchored regex search
/// costs hundreds of instructions even where it fails at once; a date's
/// word opens no pinpoint ("of the Assembly"), nor a pinpoint's a date
/// (", annex").
pub(super) fn may_tail(s: &str, e: usize) -> (bool, bool) {
    let b = s.as_bytes();
    let j = skip_blanks_and_comma(b, e);
    let Some(&c) = b.get(j) else {
        return (false, false);
    };
    if c.is_ascii_digit() {
        // `[0-9]{1,2}(?:er|st|nd|rd|th|º)?[ \t\n]+`
        let k = if b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j + 2
        } else {
            j + 1
        };
        let date = s[k..].starts_with([' ', '\t', '\n', 'e', 's', 'n', 'r', 't', 'º']);
        return (date, false);
    }
    let r = &b[j..];
    let heads = &*TAIL_WORD_HEADS;
    let any = |k: usize| {
        heads[k][c as usize]
            .iter()
            .any(|w| r.starts_with(w.as_bytes()))
    };
    (any(0), any(1))
}

/// A list of cited numbers starting at `i`, and the end of the list (after
/// trailing dates and pinpoints).
pub(super) fn read_list(s: &str, i: usize, furniture: &[(usize, usize)]) -> Option<(Items, usize)> {
    let (first, e) = parse_item(s, i)?;
    let (mut end, y) = tails(s, e);
    let mut items = vec![Item {
        shape: first,
        start: i,
        end: e,
        date_year: y,
    }];
    loop {
        let mut n = separator(s, end);
        if n >= s.len() {
            break;
        }
        // Footnotes and a page break inside the list: resume after the
        // next page's header. (An underscore looked for first: the
        // substring search costs more to set up than the few bytes
        // between two numbers.)
        if n > end
            && s.as_bytes()[end..n].contains(&b'_')
            && s[end..n].contains("_____")
            && let Some(&(_, fe)) = furniture
                .get(furniture.partition_point(|r| r.0 < n))
                .filter(|r| r.0 < n + 4000)
        {
            n = skip_ws(s.as_bytes(), fe);
            // The running title may be blanked with the header: skip spaces.
            while n < s.len() && s.as_bytes()[n].is_ascii_whitespace() {
                n += 1;
            }
        }
        let parsed = parse_item(s, n).map(|x| (n, x)).or_else(|| {
            // A footnote marker after the comma: "of 13 June 2013,1 29/11".
            let (_, k, cnt) = digits(s.as_bytes(), n, 3)?;
            if cnt > 3 || !s[k..].starts_with([' ', '\t', '\n']) {
                return None;
            }
            let n2 = separator(s, k);
            parse_item(s, n2).map(|x| (n2, x))
        });
        match parsed {
            Some((n, (shape, e2))) => {
                let (t, y) = tails(s, e2);
                items.push(Item {
                    shape,
                    start: n,
                    end: e2,
                    date_year: y,
                });
                end = t;
            }
            None => break,
        }
    }
    Some((items, end))
}

/// "resolution 1701": Security Council numbers written without their year
/// (only read where the Council is meant). Items and list end.
pub(super) fn read_year_less(s: &str, i: usize) -> Option<(Items, usize)> {
    year_less_with(s, i, |n| {
        numbering::sc_year(n).map(|year| Shape::Sc { number: n, year })
    })
}

/// "General Assembly resolution 2625", "résolution 1514 de l'Assemblée
/// générale": old General Assembly numbers written without their session
/// (only read where the Assembly is named), the session being a function
/// of the number ([`symbol::ga_old_session`]). Items and list end.
pub(super) fn read_year_less_ga(s: &str, i: usize) -> Option<(Items, usize)> {
    year_less_with(s, i, |n| {
        let roman = symbol::ga_old_session(n)?;
        Some(Shape::Old {
            number: n,
            session: symbol::int_to_roman(roman),
            roman,
        })
    })
}

/// Numbers written without year or session, each given its shape by
/// `shape` (the list stops at the first it refuses).
fn year_less_with(
    s: &str,
    i: usize,
    shape: impl Fn(u32) -> Option<Shape>,
) -> Option<(Items, usize)> {
    let b = s.as_bytes();
    let mut items = Vec::new();
    let mut at = i;
    let mut end = i;
    while let Some((n, e, cnt)) = digits(b, at, 4) {
        let next = b.get(e).copied().unwrap_or(b' ');
        let after_dot_digit = next == b'.' && b.get(e + 1).is_some_and(|c| c.is_ascii_digit());
        if cnt > 4
            || n < 50
            || next == b'/'
            || next == b'-'
            || next.is_ascii_alphanumeric()
            || after_dot_digit
        {
            break;
        }
        // "resolution 2025 session" in a table: a year, not a number.
        if s[e..]
            .trim_start_matches([' ', '\t'])
            .starts_with("session")
        {
            break;
        }
        let Some(shape) = shape(n) else {
            break;
        };
        let (t, date_year) = tails(s, e);
        items.push(Item {
            shape,
            start: at,
            end: e,
            date_year,
        });
        end = t;
        let nx = separator(s, end);
        if nx == end || nx >= s.len() || !b[nx].is_ascii_digit() {
            break;
        }
        at = nx;
    }
    if items.is_empty() {
        None
    } else {
        Some((items, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of what follows a cited number.
    const PIECES: &[&str] = &[
        " ",
        "\n",
        "\t",
        ",",
        "،",
        ";",
        "、",
        "，",
        "…",
        "...",
        "؛",
        ".",
        ")",
        "(",
        "x",
        "and",
        " and ",
        "or",
        "et",
        "y",
        "e",
        "o",
        "и",
        "а также",
        "و",
        "和",
        "as well as",
        "of",
        " of ",
        "dated",
        "on",
        "du",
        "le",
        "le ",
        "de",
        "del",
        "от",
        "المؤرخ",
        "en date du",
        "1",
        "12",
        "123",
        "19",
        "er",
        "st",
        "th",
        "º",
        "December",
        "décembre",
        "2017",
        "года",
        "annex",
        "annexe",
        "para.",
        "paras.",
        "párr.",
        "пункт",
        "п.",
        "المرفق",
        "附件",
        "段",
        "sect.",
        "I",
        "A",
        "72/194",
        "S-",
        "ES-",
    ];

    fn text(picks: &[usize]) -> String {
        picks.iter().map(|&i| PIECES[i]).collect()
    }

    #[test]
    fn tails_are_checked_before_the_regexes() {
        for (t, date, pinpoint) in [
            (" of 19 December 2017", true, false),
            (", 12 July 2002", true, false),
            (" du 1er janvier 2000", true, false),
            (" от 2 августа 1990 года", true, false),
            (" المؤرخ 3 كانون الأول/ديسمبر 1986", true, false),
            (", annex", false, true),
            (" ، المرفق", false, true),
            (" para. 4", false, true),
            ("19 December", true, false),
        ] {
            assert_eq!(DATE_TAIL.is_match(t), date, "{t:?}");
            assert_eq!(PINPOINT.is_match(t), pinpoint, "{t:?}");
            assert_eq!(may_tail(t, 0), (date, pinpoint), "{t:?}");
        }
        for t in [
            ", 72/194",
            " и 73/174",
            " و 65/79",
            " and 73/174",
            ").",
            ". The",
            "",
            " 123 December",
        ] {
            assert_eq!(may_tail(t, 0), (false, false), "{t:?}");
        }
    }

    #[test]
    fn a_date_gives_its_year() {
        for (t, year) in [
            (" of 19 December 2017, 72/1", Some(2017)),
            (", de 3 de diciembre de 1986 y", Some(1986)),
            (" du 1er janvier 2000", Some(2000)),
            (" of 19 December, annex", None),
        ] {
            assert_eq!(tails(t, 0).1, year, "{t:?}");
        }
    }

    proptest! {
        /// The check never turns away a date, nor a pinpoint.
        #[test]
        fn may_tail_is_necessary(picks in proptest::collection::vec(0..PIECES.len(), 0..10)) {
            let s = text(&picks);
            for e in (0..=s.len()).filter(|&e| s.is_char_boundary(e)) {
                let (date, pinpoint) = may_tail(&s, e);
                prop_assert!(date || !DATE_TAIL.is_match(&s[e..]), "{:?} at {}", s, e);
                prop_assert!(pinpoint || !PINPOINT.is_match(&s[e..]), "{:?} at {}", s, e);
            }
        }

        /// The first-byte table changes no separator.
        #[test]
        fn separator_is_the_one_of_every_byte(
            picks in proptest::collection::vec(0..PIECES.len(), 0..10),
        ) {
            let s = text(&picks);
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                prop_assert_eq!(separator(&s, i), separator_by(&s, i, &[[true; 256]; 2]), "{:?} at {}", s, i);
            }
        }
    }
}
