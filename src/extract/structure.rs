//! The shape of a document around its citations: page furniture to ignore
//! (running headers, job numbers, page numbers, bar codes), and the
//! paragraph each citation stands in (`pp3`, `op5`, `fn2`) with the word
//! that opens it ("Recalling", "Décide").

use super::{cues, lexicon};
use regex::Regex;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
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
fn is_page_number(line: &str) -> bool {
    let t = line.trim_matches([' ', '\t']).as_bytes();
    let Some(slash) = t.iter().position(|&b| b == b'/') else {
        return false;
    };
    let digits = |d: &[u8]| (1..=3).contains(&d.len()) && d.iter().all(u8::is_ascii_digit);
    digits(&t[..slash]) && digits(&t[slash + 1..])
}

/// Replaces page furniture with spaces of the same byte length, so offsets
/// do not move: job numbers, bar codes, page numbers, and the running header
/// (`header`, the document's symbol as printed) with the running title that
/// follows it on later pages.
///
/// Returns the blanked ranges, sorted (a list broken by footnotes and a
/// page break resumes after them).
pub fn blank_furniture(text: &mut String, header: Option<&str>) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut pages: Vec<(usize, usize)> = Vec::new();
    // Line by line: only short lines opening with a digit or `*` can be
    // furniture, so the pattern runs on few lines.
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
            // The running title on the next non-empty line (not on page 1).
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
    // A running title is the document's title: it stands in the first page
    // or repeats under several headers. Otherwise the line after a header
    // is text (layout-preserving extractions have no running title).
    let head = &text[..{
        let mut e = text.len().min(3000);
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        e
    }];
    // (Counted once each: a report has hundreds of pages.)
    let trimmed: Vec<&str> = titles.iter().map(|&(a, b)| text[a..b].trim()).collect();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for t in &trimmed {
        *times.entry(t).or_default() += 1;
    }
    for (&(ts, te), t) in titles.iter().zip(&trimmed) {
        let repeats = times[t] > 1;
        if repeats
            || memchr::memmem::find(&head.as_bytes()[..ts.min(head.len())], t.as_bytes()).is_some()
        {
            ranges.push((ts, te));
        }
    }
    // A page number "2/10" could be resolution 2/10 on its own line: keep it
    // as furniture only near a job number, bar code or running header.
    ranges.sort_unstable();
    for (ps, pe) in pages {
        let i = ranges.partition_point(|r| r.0 < ps);
        let near = |r: &(usize, usize)| r.1 + 200 >= ps && r.0 <= pe + 200;
        if (i > 0 && near(&ranges[i - 1])) || ranges.get(i).is_some_and(near) {
            ranges.push((ps, pe));
        }
    }
    if ranges.is_empty() {
        return ranges;
    }
    // Whole lines (char boundaries) are replaced by as many ASCII spaces:
    // the text keeps its length, and nothing after a range moves.
    let spaces = " ".repeat(ranges.iter().map(|&(s, e)| e - s).max().unwrap_or(0));
    for &(s, e) in &ranges {
        text.replace_range(s..e, &spaces[..e - s]);
    }
    ranges.sort_unstable();
    ranges
}

/// A paragraph label: `kind` ("op", "pp", "fn") and its number.
fn label(kind: &str, n: u32) -> String {
    crate::text::concat(&[kind, itoa::Buffer::new().format(n)])
}

/// Where in the document a paragraph stands.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Para {
    start: usize,
    label: String,
    cue: String,
}

/// The paragraphs of a document, for looking up citations.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    paras: Vec<Para>,
}

/// A set of words, hashed with the project's multiply–rotate hasher (the
/// edge-list loader's, [`crate::graph::fasthash`]): a paragraph's opening
/// words are looked up two or three times, a million times over a corpus,
/// and the standard SipHash cost more than the rest of the look-up.
type WordSet = std::collections::HashSet<&'static str, crate::graph::fasthash::FxBuild>;

/// Every known cue of the six languages (see [`super::cues`]).
static CUES: LazyLock<WordSet> = LazyLock::new(|| {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.cues.iter().copied())
        .chain(cues::EXTRA.iter().flat_map(|(_, c)| c.iter().copied()))
        .collect()
});

/// The words a two-word cue starts with.
static CUE_PREFIXES: LazyLock<WordSet> = LazyLock::new(|| {
    lexicon::ALL
        .iter()
        .flat_map(|l| l.cue_prefixes.iter().copied())
        .chain(cues::EXTRA_PREFIXES)
        .collect()
});

static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:The|L['’]|La|El|Le)?[ \t]*(?:General Assembly|Security Council|Human Rights Council|Economic and Social Council",
        r"|Assemblée générale|Conseil de sécurité|Conseil des droits de l['’]homme|Conseil économique et social",
        r"|Asamblea General|Consejo de Seguridad|Consejo de Derechos Humanos|Consejo Económico y Social",
        r"|Генеральная Ассамблея|Совет Безопасности|Совет по правам человека|Экономический и Социальный Совет",
        r"|大会|安全理事会|人权理事会|经济及社会理事会|إن الجمعية العامة|إن مجلس الأمن|إن مجلس حقوق الإنسان)[ \t]*[,，،]?[ \t]*$",
    ))
    .expect("valid intro regex")
});

fn strip_marks(s: &str) -> &str {
    // ASCII ends on bytes (every line ends with one); a non-ASCII end may
    // be a Unicode space: the char trim finishes the job there.
    let mark = |x: u8| {
        matches!(
            x,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'*' | b'#' | b'_' | b'>'
        )
    };
    let b = s.as_bytes();
    let mut i = 0;
    // Indents of layout-preserving extractions: spaces eight at a time.
    while b.len() - i >= 8
        && crate::text::swar::load(b, i) == crate::text::swar::ONES * u64::from(b' ')
    {
        i += 8;
    }
    while i < b.len() && mark(b[i]) {
        i += 1;
    }
    let mut j = b.len();
    while j > i && mark(b[j - 1]) {
        j -= 1;
    }
    let t = &s[i..j];
    if t.as_bytes().first().is_some_and(|&x| x >= 0x80)
        || t.as_bytes().last().is_some_and(|&x| x >= 0x80)
    {
        t.trim_matches(is_mark)
    } else {
        t
    }
}

/// White space and the marks [`strip_marks`] takes off a line's ends.
fn is_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '#' | '_' | '>')
}

/// The word(s) opening a paragraph: one word, two after a prefix such as
/// "Taking" (note) or "Se" (félicitant). Borrowed from `s` when one word:
/// most paragraphs open with no cue, and their word is only looked up.
fn opening_words(s: &str) -> Cow<'_, str> {
    let mut words = s
        .split(|c: char| c.is_whitespace() || c == '*' || c == ',')
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return Cow::Borrowed("");
    };
    let first = first.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’');
    if first.starts_with(is_han) {
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

/// A Han (Chinese) character.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// `cue`, or nothing when longer than [`cues::MAX_CUE_CHARS`].
fn bounded(cue: Cow<'_, str>) -> Cow<'_, str> {
    if cue.chars().count() > cues::MAX_CUE_CHARS {
        Cow::Borrowed("")
    } else {
        cue
    }
}

/// Whether `word` (as [`opening_words`] gives it) is a known cue: its first
/// word, or what stands before an apostrophe ("S'"), is on a language's list.
fn is_cue(word: &str) -> bool {
    let w = word.split(' ').next().unwrap_or("");
    !word.is_empty()
        && word.chars().count() <= cues::MAX_CUE_CHARS
        && (CUES.contains(w) || CUES.contains(w.split(['\'', '’']).next().map_or("", |x| x)))
}

/// The cue of an operative paragraph: its opening words when they are a
/// known cue, else nothing ("The", "We" in numbered paragraphs of reports).
fn operative_cue(rest: &str) -> String {
    let cue = opening_words(rest);
    if is_cue(&cue) {
        cue.into_owned()
    } else {
        String::new()
    }
}

/// Footnote number at the start of a line: "1 A/78/305.", "12\tIbid."
fn footnote_number(line: &str) -> Option<u32> {
    let t = line.trim_start();
    let n = t.bytes().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return None;
    }
    let rest = &t[n..];
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() {
        return None;
    }
    let c = after.chars().next()?;
    if c.is_uppercase()
        || c == '*'
        || c == '«'
        || c == '“'
        || c == '"'
        || c == '['
        || c.is_ascii_digit()
    {
        // "2 March 1991," continuing a date is not a footnote.
        let second = after.split_whitespace().next().unwrap_or("");
        if crate::extract::structure::MONTHS.contains(&second.trim_end_matches(',')) {
            return None;
        }
        return t[..n].parse().ok();
    }
    None
}

/// Month names (a line starting "2 March" is a date, not a footnote).
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Operative paragraph number at the start of a line: "1.", "12. Decides".
/// Opens operative paragraph `n` at `start`. Its cue is the first words
/// after the number; a number alone on its line (PDF layout) waits for the
/// next line's words.
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
        paras.push(Para {
            start,
            label: label("op", n),
            cue: operative_cue(rest),
        });
    }
}

/// Whether a line's `body` (as [`strip_marks`] gives it) opens with an
/// ASCII digit: a necessary condition of [`operative_number`], which takes
/// off the line's start only characters that `strip_marks` takes off too,
/// and cheaper than its character-wise trim of the indent.
fn opens_with_digit(body: &str) -> bool {
    body.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn operative_number(line: &str) -> Option<(u32, usize)> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '*');
    let n = t.bytes().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 || !t[n..].starts_with('.') {
        return None;
    }
    let rest = &t[n + 1..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((t[..n].parse().ok()?, line.len() - rest.len()))
}

impl Structure {
    /// Reads the paragraph structure of a cleaned text.
    pub fn read(text: &str) -> Self {
        let mut paras = Vec::new();
        let mut in_resolution = false;
        let mut pp = 0u32;
        let mut fn_zone = false;
        let mut at = 0usize;
        let mut block_start = true;
        let mut pending_op: Option<(usize, u32)> = None;
        let mut last_op = 0u32;
        for line in crate::text::lines_inclusive(text) {
            let start = at;
            at += line.len();
            let body = strip_marks(line);
            if body.is_empty() {
                block_start = true;
                continue;
            }
            if body.len() >= 5 && (body.chars().all(|c| c == '_') || body.chars().all(|c| c == '-'))
            {
                fn_zone = true;
                block_start = true;
                continue;
            }
            if let Some((ps, n)) = pending_op.take() {
                // "1." alone on its line: the cue is on the next one.
                paras.push(Para {
                    start: ps,
                    label: label("op", n),
                    cue: operative_cue(body),
                });
                block_start = false;
                continue;
            }
            // (a footnote starts a block or follows one: the number is only
            // read there)
            if (fn_zone || block_start)
                && let Some(n) = footnote_number(line.trim_start_matches(['*', '#']))
            {
                paras.push(Para {
                    start,
                    label: label("fn", n),
                    cue: String::new(),
                });
                fn_zone = true;
                block_start = false;
                continue;
            }
            if !block_start {
                // Operative paragraphs that follow without a blank line:
                // accepted when numbered next in sequence ("6." after "5.").
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
                paras.push(Para {
                    start,
                    label: String::new(),
                    cue: String::new(),
                });
                continue;
            }
            if opens_with_digit(body)
                && let Some((n, off)) = operative_number(line)
            {
                last_op = n;
                let rest = strip_marks(&line[off..]);
                if !in_resolution {
                    // A numbered paragraph of a report: not an operative one.
                    paras.push(Para {
                        start,
                        label: String::new(),
                        cue: operative_cue(rest),
                    });
                } else {
                    open_operative(&mut paras, &mut pending_op, start, n, rest);
                }
                continue;
            }
            let cue = opening_words(body);
            let known = is_cue(&cue);
            let label = if in_resolution && known {
                pp += 1;
                label("pp", pp)
            } else {
                String::new()
            };
            paras.push(Para {
                start,
                label,
                cue: if known {
                    cue.into_owned()
                } else {
                    String::new()
                },
            });
        }
        Structure { paras }
    }

    /// Number of paragraphs read.
    pub fn len(&self) -> usize {
        self.paras.len()
    }

    /// Whether no paragraph was read.
    pub fn is_empty(&self) -> bool {
        self.paras.is_empty()
    }

    /// Byte range of the paragraph holding offset `pos`: from its start to
    /// the next paragraph's start (`0..len` when no paragraph holds it).
    pub fn bounds(&self, pos: usize, len: usize) -> (usize, usize) {
        let i = self.paras.partition_point(|p| p.start <= pos);
        let lo = if i == 0 { 0 } else { self.paras[i - 1].start };
        let hi = self.paras.get(i).map_or(len, |p| p.start);
        (lo, hi)
    }

    /// (cue, paragraph label) of the paragraph holding offset `pos`.
    pub fn at(&self, pos: usize) -> (&str, &str) {
        let i = self.paras.partition_point(|p| p.start <= pos);
        if i == 0 {
            return ("", "");
        }
        let p = &self.paras[i - 1];
        (&p.cue, &p.label)
    }
}

/// `line.trim().len()`, without decoding characters when the line is
/// bounded by ASCII: ASCII white space is taken off first, and the Unicode
/// trim is made only when a non-ASCII character or a vertical tab (white
/// space that `trim_ascii` keeps) then opens or ends it.
fn trimmed_len(line: &str) -> usize {
    let t = line.trim_ascii().as_bytes();
    let plain = |c: Option<&u8>| c.is_some_and(|&c| c < 0x80 && c != 0x0B);
    if plain(t.first()) && plain(t.last()) {
        t.len()
    } else {
        line.trim().len()
    }
}

/// Builds this module's lazily compiled patterns now (see [`crate::extract::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&FURNITURE);
    LazyLock::force(&CUES);
    LazyLock::force(&CUE_PREFIXES);
    LazyLock::force(&INTRO);
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn strip_marks_is_the_char_trim(t in "[a* #_>\t\n\u{a0}\u{3000}é\u{85}]{0,12}") {
            proptest::prop_assert_eq!(strip_marks(&t), t.trim_matches(is_mark));
        }

        #[test]
        fn strip_marks_is_the_char_trim_past_indents(
            indent in 0usize..20,
            t in "[a* #_>\t\n\u{a0}]{0,6}",
        ) {
            let t = format!("{}{t}", " ".repeat(indent));
            proptest::prop_assert_eq!(strip_marks(&t), t.trim_matches(is_mark));
        }

        #[test]
        fn an_operative_number_opens_the_stripped_line(
            t in "[ *#_>\t\u{a0}\u{3000}]{0,10}[0-9]{0,4}[.]?[0-9a ]{0,3}",
        ) {
            if operative_number(&t).is_some() {
                proptest::prop_assert!(opens_with_digit(strip_marks(&t)), "{:?}", t);
            }
        }
    }

    /// The page number of a furniture line is the regex's `page` group.
    #[test]
    fn page_numbers_are_the_page_group() {
        for l in [
            "2/10",
            "  2/10\t",
            "12/345 ",
            "1234/1",
            "2/10  23-24927",
            "23-24927 (E)    151223   2/10",
            "24-16433",
            "*2324927*",
            "2/",
            "/10",
            " 2 / 10",
            "2/10\r",
        ] {
            let by_regex = FURNITURE.captures(l).map(|c| c.name("page").is_some());
            let by_bytes = FURNITURE.is_match(l).then(|| is_page_number(l));
            assert_eq!(by_bytes, by_regex, "{l:?}");
        }
    }

    #[test]
    fn trimmed_len_is_trim() {
        for l in [
            "",
            " ",
            "12 ",
            " 12\t\r",
            "*3\u{a0}",
            "4\u{3000}",
            "5\u{b}",
            "\u{b}6",
            "\u{2028}7 ",
            "8 é",
            "  9  x  ",
            "\n\u{c}10\u{c}",
        ] {
            assert_eq!(trimmed_len(l), l.trim().len(), "{l:?}");
        }
    }

    #[test]
    fn paragraphs() {
        let t = "The General Assembly, \n \nRecalling its resolution 72/194 of \n19 December 2017, \n \n*Rappelant* sa résolution\n\n1. \nDecides to act on 73/1; \n \n2. *Prie* le Secrétaire\n__________________ \n \n1 A/78/305. \n \n3 Resolution 217 A (III).\n";
        let s = Structure::read(t);
        let at = |needle: &str| s.at(t.find(needle).unwrap());
        assert_eq!(at("72/194"), ("Recalling", "pp1"));
        assert_eq!(at("sa résolution"), ("Rappelant", "pp2"));
        assert_eq!(at("73/1"), ("Decides", "op1"));
        assert_eq!(at("Secrétaire"), ("Prie", "op2"));
        assert_eq!(at("A/78/305"), ("", "fn1"));
        let t = "The Security Council,\n\n5. Requests the Council\nto act on resolution\n6. Notes that 678 (1990) is\n";
        let s = Structure::read(t);
        assert_eq!(s.at(t.find("678").unwrap()), ("Notes", "op6"));
        // A report's numbered paragraphs are not operative paragraphs.
        let t = "Report of the Secretary-General\n\n12. Recalls that resolution 72/194\n";
        let s = Structure::read(t);
        assert_eq!(s.at(t.find("72/194").unwrap()), ("Recalls", ""));
        assert_eq!(at("217 A"), ("", "fn3"));
    }

    #[test]
    fn furniture() {
        let mut t = String::from("resolutions\n23-24927 (E)    151223\n*2324927*\n2/10\n72/194\n");
        let mut layout = String::from(
            "x\n2/8                                          25-08504\n       E/2025/L.10\n\n   Recalling General Assembly resolution 79/218 of 19 December\n",
        );
        let pad = "y".repeat(500);
        layout.insert_str(0, &pad);
        blank_furniture(&mut layout, Some("E/2025/L.10"));
        assert!(!layout.contains("25-08504") && !layout.contains("E/2025/L.10"));
        assert!(layout.contains("Recalling General Assembly resolution 79/218"));
        let mut alone = String::from("resolution\n72/194\n");
        blank_furniture(&mut alone, None);
        assert!(alone.contains("72/194"));
        let n = t.len();
        blank_furniture(&mut t, None);
        assert_eq!(t.len(), n);
        assert!(!t.contains("24927") && !t.contains("2/10"), "{t:?}");
    }

    #[test]
    fn cues_come_from_the_lists() {
        let long = format!("Xx{}ing", "a".repeat(100_000));
        let t = format!(
            "The General Assembly,\n\n{long} resolution 72/194,\n\nUnderscoring resolution 73/1,\n\nImproving resolution 74/1,\n\n1. {long} resolution 75/1;\n\n2. The resolution 76/1;\n"
        );
        let s = Structure::read(&t);
        let at = |needle: &str| s.at(t.find(needle).unwrap()).0.to_string();
        // a word is never a cue for its shape: no "-ing" heuristic, no unbounded cue
        assert_eq!(at("72/194"), "");
        assert_eq!(at("73/1"), "Underscoring");
        assert_eq!(at("74/1"), "");
        assert_eq!(at("75/1"), "");
        assert_eq!(at("76/1"), "");
        assert_eq!(opening_words(&"Recalling".repeat(10)), "");
    }

    #[test]
    fn cues_in_six_languages() {
        let table = [
            ("Recalling its resolution", "Recalling"),
            ("Rappelant sa résolution", "Rappelant"),
            ("Recordando su resolución", "Recordando"),
            ("Ссылаясь на свою резолюцию", "Ссылаясь"),
            ("إذ تشير إلى قرارها", "إذ تشير"),
            ("回顾其第72/194号决议", "回顾"),
        ];
        for (text, want) in table {
            let w = opening_words(text);
            assert_eq!(w, want, "{text}");
            assert!(is_cue(&w), "{text}");
        }
    }
}
