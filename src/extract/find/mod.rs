//! Scanning a cleaned text for citations: one pass per pattern family, then
//! hand-written readers for what follows a match (lists of numbers with
//! dates, letters and pinpoints; Treaty Series volumes and numbers).
//!
//! Offsets here are offsets in the cleaned text; the caller maps them back.
//!
//! One file per job: `items` reads numbers and lists of numbers,
//! `bodies` decides whose they are, `lists` runs the resolution-word
//! and Chinese families, `treaties` the Treaty Series and other bodies'
//! acts, `symbols` the document symbols and bare numbers.

mod bodies;
mod items;
mod lists;
mod symbols;
mod treaties;

use bodies::*;
use compact_str::CompactString;
use items::*;
use lists::*;
pub(crate) use symbols::split_joint;
use symbols::*;
use treaties::*;

use super::acts;
use super::lexicon::BodyRef;
use super::numbering;
use super::patterns::{
    BETWEEN_WORDS, BODY, CONJUNCTIONS, DATE_TAIL, ITS, LETTER_WORDS, LIST_MARKER, Literals,
    NAME_WORDS, NO, OTHER_AFTER, PINPOINT, SYMBOL_PREFIXES, Stem, TREATY, VOL, ZH_LIST, body_after,
    body_at, body_names_in, body_ref, has_symbol_prefix, stems_and_treaty_words, subject_after,
    treaty_series_at, trigger_at, triggers_in,
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
    /// Canonical id of the cited text. Held inline (ids are short): a
    /// document of 5 million citations holds 5 million hits at once, and a
    /// heap string each cost as much again as the hit.
    pub target: CompactString,
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
    find_all_for(text, adopting, &[], furniture)
}

/// [`find_all`] for a document whose own symbols (`own`: its id and
/// aliases, as identity found them) may say it is a regional commission's
/// (`E/ECA/CM/56/1`): its masthead line is blanked as page furniture before
/// this runs, so the text alone would not tell.
pub fn find_all_for(
    text: &str,
    adopting: Option<Body>,
    own: &[&str],
    furniture: &[(usize, usize)],
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let author = own
        .iter()
        .find_map(|s| commission_of(s))
        .or_else(|| regional_author(text));
    // The stems of the resolution words, found once for the lists they
    // open and for the World Health Assembly's.
    // With them, where a Treaty Series name may start.
    let (stems, treaty_words) = stems_and_treaty_words(text);
    triggered_lists(text, &stems, adopting, author, furniture, &mut hits);
    if memchr::memmem::find(text.as_bytes(), "第".as_bytes()).is_some() {
        zh_lists(text, adopting, &mut hits);
    }
    treaties(text, &treaty_words, &mut hits);
    other_acts(text, &stems, &mut hits);
    hits.sort_by_key(|h| (h.start, h.end));
    let covered: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    let mut bare = Vec::new();
    bare_citations(text, &mut bare);
    let mut k = 0;
    for h in bare {
        while k < covered.len() && covered[k].1 <= h.start {
            k += 1;
        }
        let overlaps = covered[k..]
            .iter()
            .take_while(|c| c.0 < h.end)
            .any(|c| c.1 > h.start);
        if !overlaps {
            hits.push(h);
        }
    }
    hits.sort_by_key(|h| (h.start, h.end));
    // Drop overlaps (first wins), in place: a second list of hits would
    // double the peak memory of a document with millions of citations.
    hits.dedup_by(|h, last| {
        h.start < last.end
            && !(h.start == last.start && h.end == last.end && h.target != last.target)
    });
    hits
}

// ---------------------------------------------------------------- helpers

/// The regional commission whose document `text` is, when its masthead
/// gives it an ESCAP symbol (`ESCAP/81/32`, `E/ESCAP/…`): there "its
/// resolution 78/1" and "Resolution 81/1" are the Commission's own,
/// numbered by its sessions, not the General Assembly's.
fn regional_author(text: &str) -> Option<acts::Act> {
    let head = &text[..floor_boundary(text, 1200)];
    crate::text::lines_inclusive(head)
        .map(|l| l.trim_start().trim_end_matches(['\n', '\r']))
        .find_map(commission_of)
}

/// The regional commission a symbol (or a line opening with one) belongs
/// to: ESCAP (`ESCAP/…`, `E/ESCAP/…`), ECLAC (`LC/…`), ECA (`E/ECA/…`,
/// `ECA/…`, `E/CN.14/…`).
fn commission_of(symbol: &str) -> Option<acts::Act> {
    if symbol.starts_with("ESCAP/") || symbol.starts_with("E/ESCAP/") {
        Some(acts::Act::Escap)
    } else if symbol.starts_with("LC/") {
        Some(acts::Act::Eclac)
    } else if ["E/ECA/", "ECA/", "E/CN.14/"]
        .iter()
        .any(|p| symbol.starts_with(p))
    {
        Some(acts::Act::Eca)
    } else {
        None
    }
}

/// Whether a number no body is named for is the regional commission's own
/// in its document. ESCAP: its session/number shape (`78/1`). ECLAC and
/// ECA: a number with a roman session (`990 (LIII)`) that cannot be the
/// General Assembly's, whose old numbers ran with its sessions (2625 was
/// adopted at the twenty-fifth); their year/number resolutions (`2023/7`)
/// are not taken, ECOSOC's being numbered alike.
pub(super) fn commission_own(act: acts::Act, shape: &Shape) -> bool {
    if acts::id_for(act, shape).is_none() {
        return false;
    }
    match (act, shape) {
        (acts::Act::Escap, _) => true,
        (acts::Act::Eclac | acts::Act::Eca, Shape::Old { number, roman, .. }) => {
            crate::symbol::ga_old_session(*number) != Some(*roman)
        }
        _ => false,
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

/// Past the white space the patterns read as `[ \t\n]*` from `i`, a comma
/// and the white space after it: where a date, a pinpoint or another
/// body's name after a citation may start (the cheap checks before their
/// regexes, `items::may_tail` and `bodies::may_be_other_after`).
fn skip_blanks_and_comma(b: &[u8], i: usize) -> usize {
    let blanks = |mut i: usize| {
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n') {
            i += 1;
        }
        i
    };
    let i = blanks(i);
    if b.get(i) == Some(&b',') {
        blanks(i + 1)
    } else if b[i..].starts_with("،".as_bytes()) {
        blanks(i + "،".len())
    } else {
        i
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(s: &str, body: Option<Body>) -> Vec<String> {
        find_all(s, body, &[])
            .into_iter()
            .map(|h| h.target.into_string())
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
