//! Scanning a cleaned text for citations: one pass per pattern family, then
//! hand-written readers for what follows a match (lists of numbers with
//! dates, letters and pinpoints; Treaty Series volumes and numbers).
//!
//! Offsets here are offsets in the cleaned text; the caller maps them back.

use super::acts;
use super::lexicon::BodyRef;
use super::numbering;
use super::patterns::{
    BETWEEN_WORDS, BODY, BODY_AFTER, BODY_AT, CONJUNCTIONS, DATE_TAIL, ITS, LETTER_WORDS,
    LIST_MARKER, NAME_WORDS, NO, OTHER_AFTER, PINPOINT, SUBJECT_AFTER, SYMBOL_PREFIXES, TREATY,
    TRIGGER, VOL, ZH_LIST, body_ref, has_symbol_prefix,
};
use super::resolve::{Context, Shape, resolve};
use crate::model::{Body, Kind};
use crate::symbol;

/// One citation found in the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Start offset in the cleaned text.
    pub start: usize,
    /// End offset in the cleaned text.
    pub end: usize,
    /// Canonical id of the cited text.
    pub target: String,
    /// Its kind.
    pub kind: Kind,
}

/// Finds every citation in `text` (cleaned); `adopting` is the body that
/// adopted the citing document ("its resolution" refers to it). Hits are
/// sorted by start offset and do not overlap.
///
/// `furniture` holds the sorted ranges of blanked page furniture: a list
/// interrupted by the footnotes at a page bottom resumes after the next
/// page's header.
pub fn find_all(text: &str, adopting: Option<Body>, furniture: &[(usize, usize)]) -> Vec<Hit> {
    let mut hits = Vec::new();
    triggered_lists(text, adopting, furniture, &mut hits);
    if text.contains('第') {
        zh_lists(text, adopting, &mut hits);
    }
    treaties(text, &mut hits);
    other_acts(text, &mut hits);
    // (sorting only when needed: the stable sort takes a scratch buffer
    // of half the hits)
    sort_hits(&mut hits);
    let mut bare = Vec::new();
    bare_citations(text, &mut bare);
    // The list hits, sorted, are `hits[..covered]`; bare hits are appended.
    let covered = hits.len();
    let mut k = 0;
    for h in bare {
        while k < covered && hits[k].end <= h.start {
            k += 1;
        }
        let overlaps = hits[k..covered]
            .iter()
            .take_while(|c| c.start < h.end)
            .any(|c| c.end > h.start);
        if !overlaps {
            hits.push(h);
        }
    }
    sort_hits(&mut hits);
    // Drop overlaps (first wins), in place: a second list of hits would
    // double the peak memory of a document with millions of citations.
    hits.dedup_by(|h, last| {
        h.start < last.end
            && !(h.start == last.start && h.end == last.end && h.target != last.target)
    });
    hits
}

// ---------------------------------------------------------------- helpers

/// Sorts hits by span, stably, unless they are sorted already.
fn sort_hits(hits: &mut [Hit]) {
    if !hits.is_sorted_by_key(|h| (h.start, h.end)) {
        hits.sort_by_key(|h| (h.start, h.end));
    }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'*' | b'_')
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    i
}

fn skip_hspace(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

/// Reads up to `max` ASCII digits: (value, end, count).
fn digits(b: &[u8], i: usize, max: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    while j < b.len() && b[j].is_ascii_digit() {
        if j - i < max {
            v = v * 10 + (b[j] - b'0') as u32;
        }
        j += 1;
    }
    let n = j - i;
    if n == 0 {
        return None;
    }
    Some((v, j, n))
}

fn open_paren(s: &str, i: usize) -> Option<usize> {
    let r = s.get(i..)?;
    if r.starts_with('(') {
        Some(i + 1)
    } else if r.starts_with('（') {
        Some(i + 3)
    } else {
        None
    }
}

fn close_paren(s: &str, i: usize) -> Option<usize> {
    let r = s.get(i..)?;
    if r.starts_with(')') {
        Some(i + 1)
    } else if r.starts_with('）') {
        Some(i + 3)
    } else {
        None
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// An upper-case list letter (Latin, or a Cyrillic look-alike) or a letter
/// written as a word (Arabic "ألف", "ياء") at `i` that stands alone: its end.
fn letter(s: &str, i: usize) -> Option<usize> {
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
fn letters(s: &str, i: usize) -> usize {
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
fn session_prefix(s: &str, i: usize) -> (&'static str, usize) {
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
fn arabic_session(s: &str, q: usize) -> Option<(String, u32, usize)> {
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

/// Skips list separators (commas, conjunctions, ellipses) from `i`; the
/// position of what follows.
fn separator(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    let mut tokens = 0;
    loop {
        j = skip_ws(b, j);
        if tokens >= 4 || j >= b.len() {
            return j;
        }
        let r = &s[j..];
        let mut adv = 0;
        for p in [",", ";", "،", "、", "，", "…", "...", "؛"] {
            if r.starts_with(p) {
                adv = p.len();
                break;
            }
        }
        if adv == 0 {
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
struct Item {
    shape: Shape,
    start: usize,
    end: usize,
    date_year: Option<u32>,
}

/// Cited numbers of one list.
type Items = Vec<Item>;

/// Skips the dates and pinpoints that may follow a cited number; returns
/// the end and the year of the date, if one was read.
fn tails(s: &str, mut e: usize) -> (usize, Option<u32>) {
    let mut year = None;
    loop {
        if let Some(m) = DATE_TAIL.find(&s[e..]) {
            let d = m.as_str();
            let digits_at = d
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect::<Vec<_>>();
            if digits_at.len() >= 4 {
                let at = digits_at[digits_at.len() - 4];
                year = d.get(at..at + 4).and_then(|y| y.parse().ok());
            }
            e += m.end();
            continue;
        }
        if let Some(m) = PINPOINT.find(&s[e..]) {
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

/// A list of cited numbers starting at `i`, and the end of the list (after
/// trailing dates and pinpoints).
fn read_list(s: &str, i: usize, furniture: &[(usize, usize)]) -> Option<(Items, usize)> {
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
        // next page's header.
        if n > end
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
fn read_year_less(s: &str, i: usize) -> Option<(Items, usize)> {
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
        let Some(year) = numbering::sc_year(n) else {
            break;
        };
        items.push(Item {
            shape: Shape::Sc { number: n, year },
            start: at,
            end: e,
            date_year: None,
        });
        end = tails(s, e).0;
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

/// What the words just before a resolution word at `at` say.
fn context_before(s: &str, at: usize) -> Context {
    let from = floor_boundary(s, at.saturating_sub(90));
    let mut win = &s[from..at];
    // Stop at a paragraph break or a sentence end.
    if let Some(p) = win.rfind("\n\n") {
        win = &win[p + 2..];
    }
    for stop in [". ", ";", ":", "(", ")", "\n\n"] {
        if let Some(p) = win.rfind(stop) {
            win = &win[p + stop.len()..];
        }
    }
    // The last body name whose distance to the resolution word is bridged
    // only by small words.
    let mut named = None;
    for m in BODY.find_iter(win) {
        let between = &win[m.end()..];
        let ok = between
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| BETWEEN_WORDS.contains(&w.to_lowercase().as_str()))
            && between.split_whitespace().count() <= 4;
        let r = body_ref(m.as_str());
        // Another body's full name: "Commission on Narcotic Drugs resolution",
        // "the Commission on Narcotic Drugs, in its resolution".
        let (name_part, tail) = match between.rfind(',') {
            Some(k) => (&between[..k], &between[k + 1..]),
            None => (between, ""),
        };
        let words = |t: &str, ok: &dyn Fn(&str) -> bool| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(ok)
        };
        let other_name = matches!(r, Some(BodyRef::Other | BodyRef::Act(_)))
            && !between.contains(';')
            && name_part.split_whitespace().count() <= 8
            && words(name_part, &|w| {
                w.starts_with(char::is_uppercase) || NAME_WORDS.contains(&w.to_lowercase().as_str())
            })
            && words(tail, &|w| {
                BETWEEN_WORDS.contains(&w.to_lowercase().as_str())
            });
        if ok || other_name {
            named = r;
        }
    }
    if let Some(b) = named {
        return Context::Named(match b {
            BodyRef::Assembly => BodyRef::Ga,
            b => b,
        });
    }
    let last_word = win
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    if ITS.iter().any(|w| w.eq_ignore_ascii_case(last_word)) || last_word == "Its" {
        return Context::Its;
    }
    Context::Unknown
}

fn context_after(s: &str, end: usize) -> Option<BodyRef> {
    let Some(c) = BODY_AFTER.captures(&s[end..]) else {
        let m = OTHER_AFTER.find(&s[end..])?;
        // "… adopted by the United Nations Environment Assembly", "… of the
        // Conference of the Parties to the Convention on Biological
        // Diversity": a body whose acts have ids.
        let to = floor_boundary(s, (end + m.end() + 90).min(s.len()));
        let near = &s[end..to];
        let near = &near[..near.find([';', '.', '(']).unwrap_or(near.len())];
        let act = BODY
            .find_iter(near)
            .filter_map(|b| body_ref(b.as_str()))
            .find(|b| matches!(b, BodyRef::Act(_)));
        return Some(act.unwrap_or(BodyRef::Other));
    };
    let m = c.name("b").or_else(|| c.name("c"))?;
    body_ref(m.as_str()).map(|b| match b {
        BodyRef::Assembly => BodyRef::Ga,
        b => b,
    })
}

/// `fallback`: the body of an earlier list in the same passage ("Commission
/// on Crime Prevention and Criminal Justice resolution 27/2 …, resolution
/// 32/1 of 27 May 2023"), tried for a dated number whose date does not fit
/// the reading `ctx` gives.
fn push_items(
    items: Items,
    decision: bool,
    ctx: Context,
    fallback: Option<Context>,
    adopting: Option<Body>,
    hits: &mut Vec<Hit>,
) {
    for it in items {
        // An old-style GA number dated far from its session is some other
        // body's resolution ("its resolution 574 (XXVII) of 16 May 1998").
        if let (Shape::Old { session, roman, .. }, Some(y)) = (&it.shape, it.date_year)
            && !session.contains('-')
            && (y + 1 < 1945 + roman || y > 1945 + roman + 2)
        {
            continue;
        }
        if let Some((mut target, mut kind)) = resolve(&it.shape, decision, ctx, adopting) {
            if let Some(y) = it.date_year
                && !date_fits(&target, kind, y)
            {
                match fallback.and_then(|f| resolve(&it.shape, decision, f, adopting)) {
                    Some((t, k)) => (target, kind) = (t, k),
                    None => continue,
                }
            }
            hits.push(Hit {
                start: it.start,
                end: it.end,
                target,
                kind,
            });
        }
    }
}

/// Whether a citation's written date can be its adoption date. A number
/// read as "session/number" of the General Assembly or the Human Rights
/// Council but dated years away from that session is another body's
/// ("Commission on Crime Prevention and Criminal Justice … resolution 32/1 of
/// 27 May 2023" is not A/RES/32/1 of 1977). GA session N runs from
/// September 1945 + N into the next year; HRC sessions are dated from their
/// number (three a year from 2006); year-numbered ids carry their year.
fn date_fits(target: &str, kind: Kind, date_year: u32) -> bool {
    let Some(expected) = symbol::year_of(target) else {
        return true;
    };
    let y = date_year as i32;
    match kind {
        // Old-style numbers have their own, wider check above; special and
        // emergency special sessions carry no year in the id.
        // A year of slack either way: dates written after a whole list
        // ("72/194 and 73/174 of 19 December 2017 and 17 December 2018")
        // are read against the last number.
        Kind::GaResolution | Kind::GaDecision if !target.contains('(') => {
            (expected - 1..=expected + 1).contains(&y)
        }
        Kind::HrcResolution | Kind::HrcDecision | Kind::EcosocResolution | Kind::EcosocDecision => {
            (expected - 1..=expected + 1).contains(&y)
        }
        _ => true,
    }
}

// ---------------------------------------------------------------- families

fn triggered_lists(
    s: &str,
    adopting: Option<Body>,
    furniture: &[(usize, usize)],
    hits: &mut Vec<Hit>,
) {
    let b = s.as_bytes();
    let mut resume = 0;
    let mut last_act: Option<(BodyRef, usize)> = None;
    let mut pending_head: Option<(Context, usize)> = None;
    for m in TRIGGER.find_iter(s) {
        if m.start() < resume {
            continue;
        }
        let word = m.as_str();
        let decision = word.starts_with(['D', 'd', 'Р', 'р']) && !word.contains("езол")
            || word.starts_with("مقرر");
        // Arabic "its" is a suffix: قراره, قرارها, قراراته, قراريه, مقرره.
        let arabic_its = (word.starts_with("قرار") || word.starts_with("مقرر"))
            && (word.ends_with('ه') || word.ends_with("ها"));
        // The number follows, maybe after a body name.
        let mut i = skip_ws(b, m.end());
        let mut between_body = None;
        if i < b.len() && !b[i].is_ascii_digit() {
            if let Some(bc) = BODY_AT.captures(&s[i..]) {
                between_body = body_ref(&bc["b"]);
                i = skip_ws(b, i + bc.get(0).map_or(0, |m| m.end()));
            }
            if b[i..].starts_with(b"No. ") || b[i..].starts_with(b"no. ") {
                i = skip_ws(b, i + 4);
            }
        }
        let number_at = |i: usize| {
            i < b.len()
                && (b[i].is_ascii_digit()
                    || b[i] == b'S'
                    || b[i] == b'E'
                    || s[i..].starts_with("دإ"))
        };
        // The head's own context, for numbers brought in later by a marker.
        let mut head_ctx = None;
        if let Some(&(ctx, at)) = pending_head.as_ref()
            && at == m.start()
        {
            head_ctx = Some(ctx);
        }
        if !number_at(i) {
            // "its resolutions on the rule of law …, including 77/110 and
            // 78/112": the numbers are the head's.
            let Some(p) = far_numbers(s, i) else {
                continue;
            };
            let ctx = match context_before(s, m.start()) {
                Context::Unknown if arabic_its || its_near(s, m.start()) => Context::Its,
                c => c,
            };
            if number_at(p) {
                i = p;
                head_ctx = Some(ctx);
            } else {
                if TRIGGER.find_at(s, p).is_some_and(|t| t.start() == p) && ctx != Context::Unknown
                {
                    pending_head = Some((ctx, p));
                }
                continue;
            }
        }
        let (items, end, year_less) = match read_list(s, i, furniture) {
            Some((items, end)) => (items, end, false),
            None => match read_year_less(s, i) {
                Some((items, end)) if !decision => (items, end, true),
                _ => continue,
            },
        };
        let mut ctx = if let Some(bb) = between_body {
            Context::Named(bb)
        } else if let Some(h) =
            head_ctx.filter(|_| matches!(context_before(s, m.start()), Context::Unknown))
        {
            match h {
                Context::Unknown => context_after(s, end).map_or(h, Context::Named),
                h => h,
            }
        } else {
            match context_before(s, m.start()) {
                // "la résolution 62/1 de la Commission des stupéfiants et la
                // résolution 32/1 de la Commission pour la prévention du
                // crime": the body named after the number is this one's.
                Context::Named(x @ (BodyRef::Other | BodyRef::Act(_))) => {
                    Context::Named(context_after(s, end).unwrap_or(x))
                }
                Context::Named(x) => Context::Named(x),
                other => match context_after(s, end) {
                    Some(x) => Context::Named(x),
                    None if arabic_its => Context::Its,
                    None => other,
                },
            }
        };
        // "By its resolution 79/38, the General Assembly …" in a text whose
        // own body adopts no resolutions.
        if ctx == Context::Its
            && matches!(adopting, Some(Body::Other) | None)
            && let Some(c) = SUBJECT_AFTER.captures(&s[end..])
            && let Some(b) = body_ref(&c["b"])
        {
            ctx = Context::Named(b);
        }
        // A board's own decisions ("decision 2024/15" in a UNDP or UNICEF
        // board document) are not ECOSOC decisions.
        let items = if decision
            && adopting == Some(Body::Other)
            && matches!(ctx, Context::Unknown | Context::Its)
        {
            items
                .into_iter()
                .filter(|it| !matches!(it.shape, Shape::Year { .. }))
                .collect()
        } else {
            items
        };
        if year_less {
            let sc = match ctx {
                Context::Named(BodyRef::Sc) => true,
                Context::Named(BodyRef::Council) | Context::Its | Context::Unknown => {
                    adopting == Some(Body::SecurityCouncil)
                }
                _ => false,
            };
            if !sc {
                continue;
            }
        }
        resume = end;
        let fallback = match last_act {
            Some((a, e))
                if ctx == Context::Unknown
                    && m.start() < e + 400
                    && !s[e..m.start()].contains("\n\n") =>
            {
                Some(Context::Named(a))
            }
            _ => None,
        };
        if let Context::Named(a @ BodyRef::Act(_)) = ctx {
            last_act = Some((a, end));
        }
        push_items(items, decision, ctx, fallback, adopting, hits);
    }
}

/// Whether an "its" word stands among the three words before `at` ("its
/// previous resolutions", "свои предыдущие резолюции").
fn its_near(s: &str, at: usize) -> bool {
    let from = floor_boundary(s, at.saturating_sub(60));
    s[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| ITS.iter().any(|i| i.to_lowercase() == w.to_lowercase()))
}

/// The start of the numbers that a marker brings in later in the sentence
/// opened by a resolution word at `i` with no number after it ("its
/// resolutions on the rule of law at the national and international
/// levels, including 77/110"): the position after the marker and its small
/// words, when there is one before the sentence ends.
fn far_numbers(s: &str, i: usize) -> Option<usize> {
    let lim = floor_boundary(s, (i + 400).min(s.len()));
    let win = &s[i..lim];
    let mut stop = win.len();
    for p in [";", ". ", ".\n", ":", "\n\n", "؛", "。", "；"] {
        if let Some(k) = win.find(p) {
            stop = stop.min(k);
        }
    }
    let win = &win[..stop];
    for m in LIST_MARKER.find_iter(win) {
        // A whole word: no letter just before.
        if win[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        return Some(i + m.end());
    }
    None
}

fn zh_lists(s: &str, adopting: Option<Body>, hits: &mut Vec<Hit>) {
    for c in ZH_LIST.captures_iter(s) {
        let (Some(all), Some(zl)) = (c.get(0), c.name("zl")) else {
            continue;
        };
        let decision = c.name("zd").is_some();
        let Some((items, _)) = read_list(s, zl.start(), &[]) else {
            continue;
        };
        let items: Vec<_> = items.into_iter().filter(|x| x.end <= zl.end()).collect();
        // Each number with its own 第…号, only the last with 决议:
        // "第72/194号和第73/174号决议".
        let chain = zh_chain(s, all.start());
        let start = chain.first().map_or(all.start(), |(p, _)| *p);
        let items: Items = chain.into_iter().map(|(_, it)| it).chain(items).collect();
        // Body just before 第: "安全理事会第…", "大会在其第…", "其第…".
        let from = floor_boundary(s, start.saturating_sub(60));
        // A date between "其" and "第" ("其2007年6月18日第5/1号决议")
        // says nothing about the body: skip it.
        let win = strip_zh_date(&s[from..start]);
        let mut ctx = Context::Unknown;
        for m in BODY.find_iter(win) {
            let between = &win[m.end()..];
            if between
                .chars()
                .all(|c| matches!(c, '其' | '在' | '的' | ' '))
            {
                ctx = Context::Named(match body_ref(m.as_str()) {
                    Some(BodyRef::Assembly) => BodyRef::Ga,
                    Some(b) => b,
                    None => continue,
                });
            }
        }
        if ctx == Context::Unknown && win.ends_with('其') {
            ctx = Context::Its;
        }
        if ctx == Context::Unknown {
            ctx = zh_head(s, start).unwrap_or(ctx);
        }
        push_items(items, decision, ctx, None, adopting, hits);
    }
}

/// The head of a Chinese list whose numbers a marker brings in ("其关于…的
/// 各项决议，包括第77/110号决议", "人权理事会关于…的各项决议，特别是第52/3号决议"):
/// the context that head gives, when the words just before `start` are a
/// marker.
fn zh_head(s: &str, start: usize) -> Option<Context> {
    let from = floor_boundary(s, start.saturating_sub(240));
    let mut win = strip_zh_date(&s[from..start]).trim_end();
    for stop in ['。', '；', ';'] {
        if let Some(k) = win.rfind(stop) {
            win = &win[k + stop.len_utf8()..];
        }
    }
    let head = LIST_MARKER
        .find_iter(win)
        .find(|m| m.end() == win.len())
        .map(|m| &win[..m.start()])?;
    let head = head.trim_end_matches([',', '，', '、', ' ']);
    if !(head.ends_with("决议") || head.ends_with("決議") || head.ends_with("决定")) {
        return None;
    }
    let ctx = BODY.find(head).and_then(|m| body_ref(m.as_str())).map(|b| {
        Context::Named(match b {
            BodyRef::Assembly => BodyRef::Ga,
            b => b,
        })
    });
    ctx.or_else(|| head.contains('其').then_some(Context::Its))
}

/// The numbers written each with its own 第…号 before a Chinese list at
/// `at` (its 第): "第72/194号和[date]第73/174号决议". Each with the
/// position of its 第, in text order.
fn zh_chain(s: &str, mut at: usize) -> Vec<(usize, Item)> {
    let mut out = Vec::new();
    while out.len() < 50 {
        let head = strip_zh_date(&s[..at]).trim_end();
        let Some(head) = ["以及", "和", "、", "及", "与", "與", ",", "，"]
            .iter()
            .find_map(|c| head.strip_suffix(c))
        else {
            break;
        };
        let head = head.trim_end();
        let Some(head) = head.strip_suffix('号').or_else(|| head.strip_suffix('號')) else {
            break;
        };
        let head = head.trim_end();
        let from = floor_boundary(s, head.len().saturating_sub(40));
        let Some(k) = head[from..].rfind('第') else {
            break;
        };
        let pos = from + k;
        let n = skip_hspace(s.as_bytes(), pos + '第'.len_utf8());
        match parse_item(s, n) {
            Some((shape, e)) if e == head.len() => {
                out.push((
                    pos,
                    Item {
                        shape,
                        start: n,
                        end: e,
                        date_year: None,
                    },
                ));
                at = pos;
            }
            _ => break,
        }
    }
    out.reverse();
    out
}

/// `win` without a Chinese date at its end ("2007年6月18日", "2007年").
fn strip_zh_date(win: &str) -> &str {
    let t = win.trim_end();
    let Some(head) = t.strip_suffix('日').or_else(|| t.strip_suffix('年')) else {
        return win;
    };
    // Walk back over digits and 年/月 to the start of the year.
    let mut k = head.len();
    for (p, c) in head.char_indices().rev() {
        if c.is_ascii_digit() || matches!(c, '年' | '月' | ' ') {
            k = p;
        } else {
            break;
        }
    }
    let date = &head[k..];
    if date.contains('年') || t.ends_with('年') {
        &win[..k]
    } else {
        win
    }
}

/// Reads "vol. 2225, 2237 and 2326, No. 39574" (or "Nos. 970–973") from
/// `i`; `near` limits how far the volume marker may be. Returns the
/// registration numbers with their spans.
fn treaty_numbers(s: &str, i: usize, near: usize) -> Vec<(u32, usize, usize)> {
    let b = s.as_bytes();
    let lim = ceil_boundary(s, i + near);
    let Some(v) = VOL.find(&s[i..lim]) else {
        return Vec::new();
    };
    if s[i..i + v.start()].bytes().any(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    // Volumes.
    let mut j = i + v.end();
    let mut any = false;
    while let Some((_, e, _)) = digits(b, j, 6) {
        any = true;
        j = e;
        let n = separator(s, j);
        let n2 = if s[j..].trim_start().starts_with(['–', '-']) {
            let t = skip_ws(b, j);
            skip_ws(b, t + if b[t] == b'-' { 1 } else { 3 })
        } else {
            n
        };
        if n2 < b.len() && b[n2].is_ascii_digit() {
            j = n2;
        } else {
            break;
        }
    }
    if !any {
        return Vec::new();
    }
    if s[j..].starts_with('卷') {
        j += '卷'.len_utf8();
    }
    // Separator before the number marker.
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b',' | b'*' | b';') {
        j += 1;
    }
    for p in ["，", "、", "،"] {
        if s[j..].starts_with(p) {
            j = skip_ws(b, j + p.len());
        }
    }
    let Some(nm) = NO.find(&s[j..]) else {
        return Vec::new();
    };
    j += nm.end();
    let mut out = Vec::new();
    while let Some((n, e, cnt)) = digits(b, j, 7) {
        if cnt > 7 {
            break;
        }
        // A range "970–973".
        let t = skip_hspace(b, e);
        let dash = if s[t..].starts_with('–') || s[t..].starts_with('—') {
            3
        } else if s[t..].starts_with('-') {
            1
        } else if s[t..].starts_with("to ") {
            3
        } else if s[t..].starts_with("à ") {
            "à ".len()
        } else if s[t..].starts_with("a ") {
            2
        } else {
            0
        };
        if dash > 0
            && let Some((n2, e2, _)) = digits(b, skip_hspace(b, t + dash), 7)
            && n2 > n
            && n2 - n <= 50
        {
            for k in n..=n2 {
                out.push((k, j, e2));
            }
            j = e2;
        } else {
            out.push((n, j, e));
            j = e;
        }
        let n = separator(s, j);
        if n < b.len() && b[n].is_ascii_digit() && n > j {
            j = n;
        } else {
            break;
        }
    }
    out
}

fn treaties(s: &str, hits: &mut Vec<Hit>) {
    #[derive(PartialEq)]
    enum Series {
        None,
        Treaty,
        Other,
    }
    let mut last = Series::None;
    for c in TREATY.captures_iter(s) {
        let m = c.get(0).expect("match");
        let nums = if c.name("ts").is_some() {
            last = Series::Treaty;
            treaty_numbers(s, m.end(), 120)
        } else if c.name("ibid").is_some() {
            if last != Series::Treaty {
                continue;
            }
            // ", vol.", "，第", Arabic "، المجلد" (wider than one byte).
            treaty_numbers(s, m.end(), 24)
        } else {
            last = Series::Other;
            continue;
        };
        let single = nums.len() == 1;
        for (n, st, en) in nums {
            hits.push(Hit {
                start: if single { m.start() } else { st },
                end: en,
                target: symbol::treaty(n),
                kind: Kind::Treaty,
            });
        }
    }
}

/// Acts of other bodies that say their body themselves (`WHA77.17`,
/// `1/CP.21`, `UNEP/EA.5/Res.2`, `E/CN.4/RES/2005/69`) and dotted World
/// Health Assembly numbers in its context.
fn other_acts(s: &str, hits: &mut Vec<Hit>) {
    for (start, end, target) in acts::find_forms(s)
        .into_iter()
        .chain(acts::find_wha_lists(s))
    {
        hits.push(Hit {
            start,
            end,
            target,
            kind: acts::KIND,
        });
    }
}

/// Splits a joint symbol "A/77/895-S/2023/363" into its parts (offsets
/// relative to the symbol).
pub(crate) fn split_joint(sym: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (k, _) in sym.match_indices('-') {
        let rest = &sym[k + 1..];
        // A second symbol must look like one: "S/2023/363", "S/26695", not
        // the "-A/3" item suffix of "WFP/EB.1/2024/6-A/3".
        let joint = SYMBOL_PREFIXES.iter().any(|p| {
            rest.starts_with(p) && rest[p.len()..].starts_with('/') && {
                let tail = &rest[p.len() + 1..];
                let part = &tail[..tail.find('-').unwrap_or(tail.len())];
                part.contains('/') || part.len() >= 3
            }
        });
        if joint && k > from {
            parts.push((from, k));
            from = k + 1;
        }
    }
    parts.push((from, sym.len()));
    parts
}

/// The symbol whose first `/` is at `slash`: (start, end), when it opens
/// with a known series (`A/…`, `CRC/C/…`, not `HIV/AIDS`).
fn symbol_at(s: &str, slash: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut k = slash;
    while k > 0 && slash - k < 10 && matches!(b[k - 1], b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-') {
        k -= 1;
    }
    if k == slash || !b[k].is_ascii_uppercase() {
        return None;
    }
    if k > 0 && (b[k - 1].is_ascii_alphanumeric() || matches!(b[k - 1], b'/' | b'-' | b'.')) {
        return None;
    }
    if !has_symbol_prefix(&s[k..=slash]) {
        return None;
    }
    // Segments: [A-Za-z0-9]+([.-][A-Za-z0-9]+)* separated by '/'.
    let mut e = slash;
    while e < b.len() && b[e] == b'/' && b.get(e + 1).is_some_and(|c| c.is_ascii_alphanumeric()) {
        e += 1;
        loop {
            while e < b.len() && b[e].is_ascii_alphanumeric() {
                e += 1;
            }
            if e + 1 < b.len() && matches!(b[e], b'.' | b'-') && b[e + 1].is_ascii_alphanumeric() {
                e += 1;
            } else {
                break;
            }
        }
    }
    // "A/80/___": a placeholder for a symbol not issued yet.
    if b.get(e) == Some(&b'_') || (b.get(e) == Some(&b'/') && b.get(e + 1) == Some(&b'_')) {
        return None;
    }
    if e == slash || !b[k..e].iter().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((k, e))
}

/// Start of the number before an opening bracket at `open` ("2178 (2014)",
/// "217 A (III)", "661\n(1990)").
fn number_before(b: &[u8], open: usize) -> Option<usize> {
    let lo = open.saturating_sub(24);
    let mut k = open;
    while k > lo {
        k -= 1;
        if b[k].is_ascii_digit() {
            let mut st = k;
            while st > 0 && b[st - 1].is_ascii_digit() {
                st -= 1;
            }
            if k + 1 - st > 4 {
                return None;
            }
            let prev = if st > 0 { b[st - 1] } else { b' ' };
            if prev.is_ascii_alphanumeric() || matches!(prev, b'/' | b'-' | b'.') {
                return None;
            }
            return Some(st);
        }
        if b[k] == b'(' || b[k] == b')' || b[k] == b',' || b[k] == b';' {
            return None;
        }
    }
    None
}

/// Citations standing without a resolution word: document symbols (found
/// from their `/`) and `N (YYYY)` / `N (ROMAN)` (found from their bracket,
/// and kept only when the number fits the year or session). A hand scan
/// from `memchr` hits: far faster than one regex over the whole text.
fn bare_citations(s: &str, hits: &mut Vec<Hit>) {
    let b = s.as_bytes();
    let mut done = 0;
    for p in memchr::memchr3_iter(b'/', b'(', 0xEF, b) {
        if p < done {
            continue;
        }
        if b[p] == b'/' {
            let Some((start, e)) = symbol_at(s, p) else {
                continue;
            };
            if start < done {
                continue;
            }
            done = e;
            let sym = &s[start..e];
            for (ps, pe) in split_joint(sym) {
                let part = &sym[ps..pe];
                if !part.bytes().any(|x| x.is_ascii_digit()) || !part.contains('/') {
                    continue;
                }
                let pstart = start + ps;
                let mut end = start + pe;
                let target;
                let kind;
                if part.starts_with("S/RES/") && part[6..].bytes().all(|x| x.is_ascii_digit()) {
                    // S/RES/2178 (2014)
                    match parse_item(s, pstart + 6) {
                        Some((Shape::Sc { number, year }, e)) if e > end => {
                            end = e;
                            target = symbol::sc_resolution(number, year);
                            kind = Kind::ScResolution;
                        }
                        _ => {
                            target = symbol::document(part);
                            kind = Kind::Document;
                        }
                    }
                } else if part.starts_with("A/RES/")
                    && part[6..].bytes().all(|x| x.is_ascii_digit())
                {
                    match parse_item(s, pstart + 6) {
                        Some((
                            Shape::Old {
                                number, session, ..
                            },
                            e,
                        )) if e > end => {
                            end = e;
                            target = symbol::ga_resolution_old(number, &session);
                            kind = Kind::GaResolution;
                        }
                        _ => {
                            target = symbol::document(part);
                            kind = Kind::Document;
                        }
                    }
                } else {
                    target = symbol::document(part);
                    kind = symbol::kind_of(&target).unwrap_or(Kind::Document);
                }
                done = done.max(end);
                hits.push(Hit {
                    start: pstart,
                    end,
                    target,
                    kind,
                });
            }
            continue;
        }
        if b[p] == 0xEF && !s[p..].starts_with('（') {
            continue;
        }
        let Some(st) = number_before(b, p) else {
            continue;
        };
        if st < done {
            continue;
        }
        // "general comment No. 15 (2002)", "Law No. 1454 (2002)".
        let before = &s[floor_boundary(s, st.saturating_sub(5))..st];
        if before.ends_with("No. ")
            || before.ends_with("No ")
            || before.ends_with("no. ")
            || before.ends_with("n° ")
        {
            continue;
        }
        let Some((shape, e)) = parse_item(s, st) else {
            continue;
        };
        if e <= p {
            continue;
        }
        let ok = match &shape {
            Shape::Sc { number, year } => numbering::sc_plausible(*number, *year),
            Shape::Old {
                number,
                session,
                roman,
            } => {
                if session.contains('-') {
                    *number <= 3600
                } else {
                    numbering::ga_old_plausible(*number, *roman)
                }
            }
            _ => false,
        };
        if !ok {
            continue;
        }
        if let Some((target, kind)) = resolve(&shape, false, Context::Unknown, None) {
            done = e;
            hits.push(Hit {
                start: st,
                end: e,
                target,
                kind,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(s: &str, body: Option<Body>) -> Vec<String> {
        find_all(s, body, &[])
            .into_iter()
            .map(|h| h.target)
            .collect()
    }

    #[test]
    fn items() {
        fn p(s: &str) -> Option<(Shape, &str)> {
            parse_item(s, 0).map(|x| (x.0, &s[..x.1]))
        }
        assert!(matches!(
            p("72/194 of").unwrap().0,
            Shape::Session {
                session: 72,
                number: 194,
                ..
            }
        ));
        assert_eq!(p("53/243 A and B,").unwrap().1, "53/243 A and B");
        assert_eq!(p("661\n(1990) of").unwrap().1, "661\n(1990)");
        assert_eq!(p("217 A (III).").unwrap().1, "217 A (III)");
        assert!(matches!(p("2019/19").unwrap().0, Shape::Year { .. }));
        assert!(p("2/10/3").is_none());
        // Arabic: letters as words, sessions in Arabic letters.
        assert_eq!(p("217 ألف (د-3)،").unwrap().1, "217 ألف (د-3)");
        assert_eq!(
            p("3362 (دإ-7)").unwrap().0,
            Shape::Old {
                number: 3362,
                session: "S-VII".into(),
                roman: 7
            }
        );
        assert!(matches!(
            p("دإط-10/24،").unwrap().0,
            Shape::Session {
                prefix: "ES-",
                session: 10,
                number: 24
            }
        ));
        assert_eq!(p("41/60 ياء المؤرخ").unwrap().1, "41/60 ياء");
        assert_eq!(p("53/243 ألف وباء،").unwrap().1, "53/243 ألف وباء");
        // "ألفين" is a word, not the letter ألف.
        assert_eq!(p("41/60 ألفين").unwrap().1, "41/60");
        assert!(p("123-456").is_none());
    }

    #[test]
    fn lists() {
        assert_eq!(
            targets(
                "recalling its resolutions 72/194, 72/284, 73/174, 73/186 and 73/211,",
                Some(Body::GeneralAssembly)
            ),
            [
                "A/RES/72/194",
                "A/RES/72/284",
                "A/RES/73/174",
                "A/RES/73/186",
                "A/RES/73/211"
            ]
        );
    }
}
