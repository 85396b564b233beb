//! Page furniture of PDF-extracted text: job numbers, bar codes, page
//! numbers and the running header with its title, found line by line and
//! blanked in place.

use super::each_line;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

pub(super) static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[ \t]*(?:",
        // job numbers: "23-24927 (E)    151223", "24-16433"
        r"(?:[0-9]{1,3}/[0-9]{1,3}[ \t]+)?[0-9]{2}-[0-9]{5}(?:[ \t]*\([A-Z]\))?(?:[ \t]+[0-9]{6})?(?:[ \t]+[0-9]{6})?(?:[ \t]+[0-9]{1,3}/[0-9]{1,3})?",
        // bar codes: "*2324927*"
        r"|\*[0-9]{7}\*",
        // page numbers: "2/10" (kept only next to other furniture)
        r"|(?P<page>[0-9]{1,3}/[0-9]{1,3})",
        r")[ \t]*$",
    ))
    .expect("valid furniture regex")
});

/// Whether a line of [`FURNITURE`] is its page number ("2/10", group
/// `page`): the other forms hold a `-` or a `*`, so the line is the page
/// number exactly when it is one, spaces and tabs around it. (A look at
/// the bytes: the capture groups cost the regex a second, slower engine,
/// on tens of thousands of lines.)
pub(super) fn is_page_number(line: &str) -> bool {
    let t = line.trim_matches([' ', '\t']).as_bytes();
    let Some(slash) = t.iter().position(|&b| b == b'/') else {
        return false;
    };
    let digits = |d: &[u8]| (1..=3).contains(&d.len()) && d.iter().all(u8::is_ascii_digit);
    digits(&t[..slash]) && digits(&t[slash + 1..])
}

/// Whether a line whose first byte after spaces and tabs opens `t` may
/// be [`FURNITURE`]: each of its forms opens with `*`, with one to three
/// digits and `/`, or with two digits and `-`. A necessary condition,
/// tested before the pattern: most lines opening with a digit are
/// numbered paragraphs, footnotes and dates ("12. Decides", "9 September
/// 2025"), which it turns away at their second or third byte.
pub(super) fn may_be_furniture(t: &[u8]) -> bool {
    if t.first() == Some(&b'*') {
        return true;
    }
    let n = t.iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    match t.get(n) {
        Some(b'/') => (1..=3).contains(&n),
        Some(b'-') => n == 2,
        _ => false,
    }
}

/// Whether `line` (without its `\n`), whose first byte other than a
/// space or a tab is at `q`, is `h` once trimmed, for a header `h` of
/// visible ASCII only. When that byte is `h`'s first, the trim starts
/// there: the line is `h` and white space after it. Any other visible
/// ASCII byte, or a character that is not white space, opens a trimmed
/// line that is not `h`; the other white space is trimmed in full.
fn is_header_line(line: &str, q: usize, h: &str) -> bool {
    let x = line.as_bytes()[q];
    if x == h.as_bytes()[0] {
        return line[q..].starts_with(h) && line[q + h.len()..].trim_start().is_empty();
    }
    let worth = matches!(x, b'\r' | 0x0B | 0x0C)
        || (x >= 0x80 && line[q..].starts_with(char::is_whitespace));
    worth && line.trim() == h
}

/// The lines (`start..end`, without the `\n`) whose trim is `h`, found by
/// a search of `h` through the text: the way for any header (see
/// [`blank_furniture`] for the one taken for plain ones).
fn header_lines_by_search(text: &str, h: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, h.as_bytes())
        .map(|at| {
            let ls = memchr::memrchr(b'\n', &b[..at]).map_or(0, |p| p + 1);
            let le = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |p| at + p);
            (ls, le)
        })
        .filter(|&(ls, le)| text[ls..le].trim() == h)
        .collect()
}

/// What the first byte of a line (after spaces and tabs) says of it, in
/// [`blank_furniture`]'s table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// The line can be neither furniture nor the header.
    Passed,
    /// A space or a tab: the next byte tells.
    Blank,
    /// The line may be furniture or the header: looked at.
    Worth,
}

/// The furniture lines and header lines found, `(start, end)` without the
/// `\n`, in order.
#[derive(Debug, Default)]
struct Found {
    /// Job numbers and bar codes.
    ranges: Vec<(usize, usize)>,
    /// Page numbers (furniture only near other furniture).
    pages: Vec<(usize, usize)>,
    /// The header's lines (when it is plain).
    heads: Vec<(usize, usize)>,
}

impl Found {
    /// Looks at the line of `text` from `ls` to `end` (past its `\n`) whose
    /// first byte after spaces and tabs is at `q`: furniture, or `plain`
    /// (the header, when plain) once trimmed? (Out of line, so that the
    /// loop over the lines stays small.)
    #[inline(never)]
    fn look(&mut self, text: &str, ls: usize, q: usize, end: usize, plain: Option<&str>) {
        let b = text.as_bytes();
        let le = if b[end - 1] == b'\n' { end - 1 } else { end };
        let line = &text[ls..le];
        if matches!(b[q], b'0'..=b'9' | b'*')
            && may_be_furniture(&b[q..le])
            && trimmed_len(line) <= 60
            && FURNITURE.is_match(line)
        {
            if is_page_number(line) {
                self.pages.push((ls, le));
            } else {
                self.ranges.push((ls, le));
            }
        }
        if let Some(h) = plain
            && is_header_line(line, q - ls, h)
        {
            self.heads.push((ls, le));
        }
    }
}

/// Replaces page furniture with spaces of the same byte length, so offsets
/// do not move: job numbers, bar codes, page numbers, and the running header
/// (`header`, the document's symbol as printed) with the running title that
/// follows it on later pages.
///
/// Returns the blanked ranges, sorted (a list broken by footnotes and a
/// page break resumes after them).
///
/// One pass over the lines (`each_line`, 64 bytes at a time) finds the
/// furniture lines and, when the header is plain (visible ASCII, as
/// symbols are), the header's lines: a line is looked at further only
/// when its first byte after spaces and tabs may open one. A header of
/// other characters is searched for through the text instead (which finds
/// the same lines: see the tests).
pub fn blank_furniture(text: &mut String, header: Option<&str>) -> Vec<(usize, usize)> {
    let ranges = find_furniture(text, header);
    blank(text, &ranges);
    ranges
}

/// The ranges [`blank_furniture`] blanks (sorted), `text` left as it is: a
/// caller holding a borrowed text copies it only when there is furniture
/// to blank (with [`blank`]), as most documents have none.
pub fn find_furniture(text: &str, header: Option<&str>) -> Vec<(usize, usize)> {
    let header = header.filter(|h| h.len() >= 3);
    let plain = header.filter(|h| h.bytes().all(|b| b.is_ascii_graphic()));
    // What a line's first byte says of it: most lines are passed at that
    // one look in a table; a line opening with a space or a tab is looked
    // at from its first other byte.
    let mut class = [Class::Passed; 256];
    class[usize::from(b' ')] = Class::Blank;
    class[usize::from(b'\t')] = Class::Blank;
    for x in b"0123456789*" {
        class[usize::from(*x)] = Class::Worth;
    }
    if let Some(h) = plain {
        // (see `is_header_line`)
        for x in [h.as_bytes()[0], b'\r', 0x0B, 0x0C]
            .into_iter()
            .chain(0x80..=0xFF)
        {
            class[usize::from(x)] = Class::Worth;
        }
    }
    let b = text.as_bytes();
    let mut found = Found::default();
    each_line(text, |ls, end| match class[usize::from(b[ls])] {
        Class::Passed => {}
        Class::Worth => found.look(text, ls, ls, end, plain),
        Class::Blank => {
            // (an indent of spaces eight bytes at a time: it stops at the
            // line break, if not before)
            let mut q = crate::text::swar::past_spaces(b, ls).min(end);
            while q < end && matches!(b[q], b' ' | b'\t') {
                q += 1;
            }
            if q < end && class[usize::from(b[q])] == Class::Worth {
                found.look(text, ls, q, end, plain);
            }
        }
    });
    let Found {
        mut ranges,
        pages,
        mut heads,
    } = found;
    if let Some(h) = header.filter(|_| plain.is_none()) {
        heads = header_lines_by_search(text, h);
    }
    let titles = running_titles(text, &heads);
    ranges.extend(heads);
    furniture_ranges(text, ranges, &titles, pages)
}

/// Whether `needle` occurs in `hay`, a few thousand bytes at most: its
/// first byte found by `memchr`, the rest compared there. (A
/// `memchr::memmem` finder costs about 5,000 instructions to build, for
/// one search per document: 19 M on the shared corpus.)
pub(super) fn occurs_in(hay: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let mut from = 0;
    while let Some(p) = memchr::memchr(first, &hay[from..]) {
        if hay[from + p..].starts_with(needle) {
            return true;
        }
        from += p + 1;
    }
    false
}

/// What both ways of finding the furniture do with what they found: the
/// running titles that are the document's title (in the first page, or
/// repeated) join the `ranges`, and page numbers near them. Returns the
/// ranges to blank ([`blank`]), sorted.
pub(super) fn furniture_ranges(
    text: &str,
    mut ranges: Vec<(usize, usize)>,
    titles: &[(usize, usize)],
    pages: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    // A running title is the document's title: it stands in the first page
    // or repeats under several headers. Otherwise the line after a header
    // is text (layout-preserving extractions have no running title).
    let head = &text[..text.floor_char_boundary(3000)];
    // (Counted once each: a report has hundreds of pages.)
    let trimmed: Vec<&str> = titles.iter().map(|&(a, b)| text[a..b].trim()).collect();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for t in &trimmed {
        *times.entry(t).or_default() += 1;
    }
    for (&(ts, te), t) in titles.iter().zip(&trimmed) {
        let repeats = times[t] > 1;
        if repeats || occurs_in(&head.as_bytes()[..ts.min(head.len())], t.as_bytes()) {
            ranges.push((ts, te));
        }
    }
    // A page number "2/10" could be resolution 2/10 on its own line: keep it
    // as furniture only near a job number, bar code or running header.
    ranges.sort();
    for (ps, pe) in pages {
        let i = ranges.partition_point(|r| r.0 < ps);
        let near = |r: &(usize, usize)| r.1 + 200 >= ps && r.0 <= pe + 200;
        if (i > 0 && near(&ranges[i - 1])) || ranges.get(i).is_some_and(near) {
            ranges.push((ps, pe));
        }
    }
    ranges.sort();
    ranges
}

/// Blanks the furniture `ranges` of `text` ([`find_furniture`]): whole
/// lines (char boundaries) are replaced by as many ASCII spaces, so the
/// text keeps its length and nothing after a range moves. (Ranges that
/// overlap are blanked alike in any order: a byte of a blanked range is a
/// char boundary then.)
pub fn blank(text: &mut String, ranges: &[(usize, usize)]) {
    if ranges.is_empty() {
        return;
    }
    let spaces = " ".repeat(ranges.iter().map(|&(s, e)| e - s).max().unwrap_or(0));
    for &(s, e) in ranges {
        text.replace_range(s..e, &spaces[..e - s]);
    }
}

/// The candidate running titles: the next non-empty line after each
/// header line `heads` (not on page 1, the first 400 bytes), when it looks
/// like a title (short, not ending as a sentence goes on, not opening
/// with a digit).
fn running_titles(text: &str, heads: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut titles = Vec::new();
    for &(ls, le) in heads {
        if ls < 400 {
            continue;
        }
        let mut n = le + 1;
        while n < b.len() {
            let ne = memchr::memchr(b'\n', &b[n..]).map_or(b.len(), |p| n + p);
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
    titles
}

/// `line.trim().len()`, without decoding characters when the line is
/// bounded by ASCII: ASCII white space is taken off first, and the Unicode
/// trim is made only when a non-ASCII character or a vertical tab (white
/// space that `trim_ascii` keeps) then opens or ends it.
pub(super) fn trimmed_len(line: &str) -> usize {
    let t = line.trim_ascii().as_bytes();
    let plain = |c: Option<&u8>| c.is_some_and(|&c| c < 0x80 && c != 0x0B);
    if plain(t.first()) && plain(t.last()) {
        t.len()
    } else {
        line.trim().len()
    }
}
