//! The shape of a document around its citations: page furniture to ignore
//! (running headers, job numbers, page numbers, bar codes: `furniture`),
//! and the paragraph each citation stands in (`pp3`, `op5`, `fn2`) with
//! the word that opens it ("Recalling", "Décide": `opening`).

mod furniture;
mod opening;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

#[cfg(test)]
use furniture::{FURNITURE, is_page_number, trimmed_len};
pub use furniture::{blank, blank_furniture, find_furniture};
use opening::cue_of;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The label kinds: operative, preambular paragraphs and footnotes.
const OP: usize = 0;
const PP: usize = 1;
const FN: usize = 2;
const KINDS: [&str; 3] = ["op", "pp", "fn"];

/// Numbers below this have their labels made once ([`LABELS`]).
const LABELLED: u32 = 1000;

/// The labels `op0`…`fn999`, kind by kind: a paragraph's label is one of
/// these (numbers come from one to three digits, and resolutions have
/// fewer preambular paragraphs), borrowed instead of formatted and
/// allocated for each of a hundred thousand paragraphs.
static LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
    KINDS
        .iter()
        .flat_map(|k| (0..LABELLED).map(move |n| made_label(k, n)))
        .collect()
});

/// A label made: `kind` ("op", "pp", "fn") and its number.
fn made_label(kind: &str, n: u32) -> String {
    crate::text::concat(&[kind, itoa::Buffer::new().format(n)])
}

/// A paragraph label: kind `kind` ([`OP`], [`PP`], [`FN`]) and its number.
fn label(kind: usize, n: u32) -> Cow<'static, str> {
    if n < LABELLED {
        Cow::Borrowed(LABELS[kind * LABELLED as usize + n as usize].as_str())
    } else {
        Cow::Owned(made_label(KINDS[kind], n))
    }
}

/// Where in the document a paragraph stands. Its label and cue are
/// mostly borrowed from [`LABELS`] and the cue lists.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Para {
    start: usize,
    label: Cow<'static, str>,
    cue: Cow<'static, str>,
}

/// The paragraphs of a document, for looking up citations.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    paras: Vec<Para>,
}

/// Calls `f(start, end)` for each line of `text` in order, `end` past the
/// line's `\n` (the last line ends at the text's end when no `\n` closes
/// it): the lines of [`crate::text::lines_inclusive`], found 64 bytes at a
/// time ([`crate::text::classes::any_of`] gives a block's line breaks as a
/// bit mask, and each is taken off it in turn). `lines_inclusive` calls
/// `memchr` once a line, whose set-up cost more than its search on lines
/// of fifty bytes: seventy instructions a line, on the half a million
/// lines of 27 MB read twice (furniture, paragraphs).
#[inline(always)]
fn each_line(text: &str, mut f: impl FnMut(usize, usize)) {
    let b = text.as_bytes();
    let mut start = 0;
    let mut base = 0;
    while base < b.len() {
        let mut breaks = line_breaks(b, base);
        while breaks != 0 {
            let end = base + breaks.trailing_zeros() as usize + 1;
            breaks &= breaks - 1;
            f(start, end);
            start = end;
        }
        base += 64;
    }
}

/// The line breaks of the 64 bytes of `b` from `i`, as a bit mask; in the
/// last block, with the text's last byte as one (the end of its last
/// line, whether a `\n` or not).
#[inline(always)]
fn line_breaks(b: &[u8], i: usize) -> u64 {
    if i + 64 <= b.len() {
        let breaks = crate::text::classes::any_of(b, i, b"\n");
        if i + 64 == b.len() {
            breaks | 1 << 63
        } else {
            breaks
        }
    } else {
        let mut block = [0u8; 64];
        let rest = &b[i..];
        block[..rest.len()].copy_from_slice(rest);
        crate::text::classes::any_of(&block, 0, b"\n") | 1 << (rest.len() - 1)
    }
}

/// The line opening a resolution's text: "The General Assembly," in six
/// languages.
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

/// `s` without the marks at its ends ([`is_mark`]): a line's body.
fn strip_marks(s: &str) -> &str {
    // ASCII ends on bytes (every line ends with one); a non-ASCII end may
    // be a Unicode space: the char trim finishes the job there.
    let b = s.as_bytes();
    let i = past_ascii_marks(b);
    let mut j = b.len();
    while j > i && is_ascii_mark(b[j - 1]) {
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

/// Where the ASCII marks ([`is_ascii_mark`]) that open `b` end. An indent
/// (spaces) is passed eight bytes at a time: byte by byte, the indents of
/// layout-preserving extractions cost a tenth of reading a document's
/// structure.
#[inline(always)]
fn past_ascii_marks(b: &[u8]) -> usize {
    let mut i = crate::text::swar::past_spaces(b, 0);
    while i < b.len() && is_ascii_mark(b[i]) {
        i += 1;
    }
    i
}

/// White space and the marks [`strip_marks`] takes off a line's ends.
fn is_mark(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '#' | '_' | '>')
}

/// An ASCII byte that [`is_mark`] holds a mark: white space, `*`, `#`,
/// `_`, `>` (one look in a table).
fn is_ascii_mark(x: u8) -> bool {
    ASCII_MARKS[usize::from(x)]
}

/// The bytes of [`is_ascii_mark`], by value.
static ASCII_MARKS: [bool; 256] = byte_set(b" \t\n\r\x0B\x0C*#_>");

/// The table of a set of bytes: `true` at each byte of `set`.
const fn byte_set(set: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < set.len() {
        table[set[i] as usize] = true;
        i += 1;
    }
    table
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
        if MONTHS.contains(&second.trim_end_matches(',')) {
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

/// Whether a line's `body` (as [`strip_marks`] gives it) opens with an
/// ASCII digit: a necessary condition of [`operative_number`], which takes
/// off the line's start only characters that `strip_marks` takes off too,
/// and cheaper than its character-wise trim of the indent.
fn opens_with_digit(body: &str) -> bool {
    body.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Operative paragraph number at the start of a line ("1.", "12. Decides")
/// and the offset of what follows its dot.
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

/// Where the body of `line` starts ([`strip_marks`]: past the marks at its
/// start), or `None` when it is empty. Most lines open with their body,
/// or with a space or two before it: ASCII marks are passed here, and
/// only a character from 0x80 up is left to [`body_start_past_marks`].
#[inline(always)]
fn body_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let i = past_ascii_marks(b);
    match b.get(i) {
        None => None,
        Some(&x) if x < 0x80 => Some(i),
        Some(_) => body_start_past_marks(line, i),
    }
}

/// [`body_start`] of a line whose byte `i`, past ASCII marks, is from
/// 0x80 up: characters are decoded from there, to tell Unicode spaces.
/// (Out of line: the line loop stays small.)
#[inline(never)]
fn body_start_past_marks(line: &str, mut i: usize) -> Option<usize> {
    let b = line.as_bytes();
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if !is_ascii_mark(x) {
                return Some(i);
            }
            i += 1;
        } else {
            let c = line[i..].chars().next()?;
            if !c.is_whitespace() {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// The body of `line` ([`strip_marks`]), which starts at `q` ([`body_start`]):
/// only its end is looked for, from the line's end back.
fn body_from(line: &str, q: usize) -> &str {
    let b = line.as_bytes();
    let mut j = b.len();
    while j > q && is_ascii_mark(b[j - 1]) {
        j -= 1;
    }
    let t = &line[q..j];
    if b[j - 1] >= 0x80 {
        t.trim_end_matches(is_mark)
    } else {
        t
    }
}

/// The cue of an operative paragraph: its opening words when they are a
/// known cue, else nothing ("The", "We" in numbered paragraphs of reports).
fn operative_cue(rest: &str) -> Cow<'static, str> {
    cue_of(rest)
}

/// The state of a reading of paragraphs, line by line ([`Structure::read`]).
#[derive(Debug)]
struct Reader {
    paras: Vec<Para>,
    /// Past the opening of a resolution's text ("The General Assembly,").
    in_resolution: bool,
    /// Preambular paragraphs so far.
    pp: u32,
    /// In footnotes (after a rule or a footnote).
    fn_zone: bool,
    /// After a blank line (or at the start): a paragraph may open.
    block_start: bool,
    /// An operative number alone on its line: its start and number.
    pending_op: Option<(usize, u32)>,
    /// The last operative number.
    last_op: u32,
}

impl Reader {
    /// Whether a line whose body opens with byte `opening` may change the
    /// reading: any line after a blank line, in footnotes or after a
    /// pending number; else only a rule (`-`) or, in a resolution, a line
    /// opening with a digit (a paragraph numbered next). The others run
    /// on a paragraph, and are passed at that.
    #[inline(always)]
    fn wants(&self, opening: u8) -> bool {
        self.block_start
            || self.fn_zone
            || self.pending_op.is_some()
            || opening == b'-'
            || (self.in_resolution && opening.is_ascii_digit())
    }

    /// Reads `line`, starting at `start`, whose body starts at `q` (and is
    /// not empty). (Kept out of the line loop, which then stays small
    /// enough for each line passed to cost a few instructions.)
    #[inline(never)]
    fn line(&mut self, line: &str, start: usize, q: usize) {
        let body = body_from(line, q);
        if body.len() >= 5 && (body.chars().all(|c| c == '_') || body.chars().all(|c| c == '-')) {
            self.fn_zone = true;
            self.block_start = true;
            return;
        }
        if let Some((ps, n)) = self.pending_op.take() {
            // "1." alone on its line: the cue is on the next one.
            self.paras.push(Para {
                start: ps,
                label: label(OP, n),
                cue: operative_cue(body),
            });
            self.block_start = false;
            return;
        }
        // (a footnote starts a block or follows one: the number is only
        // read there)
        if (self.fn_zone || self.block_start)
            && let Some(n) = footnote_number(line.trim_start_matches(['*', '#']))
        {
            self.paras.push(Para {
                start,
                label: label(FN, n),
                cue: Cow::Borrowed(""),
            });
            self.fn_zone = true;
            self.block_start = false;
            return;
        }
        if !self.block_start {
            // Operative paragraphs that follow without a blank line:
            // accepted when numbered next in sequence ("6." after "5.").
            if self.in_resolution
                && opens_with_digit(body)
                && let Some((n, off)) = operative_number(line)
                && n == self.last_op + 1
            {
                self.last_op = n;
                self.open_operative(start, n, strip_marks(&line[off..]));
            }
            return;
        }
        self.block_start = false;
        self.fn_zone = false;
        if body.len() < 60 && INTRO.is_match(body) {
            self.in_resolution = true;
            self.pp = 0;
            self.last_op = 0;
            self.paras.push(Para {
                start,
                label: Cow::Borrowed(""),
                cue: Cow::Borrowed(""),
            });
            return;
        }
        if opens_with_digit(body)
            && let Some((n, off)) = operative_number(line)
        {
            self.last_op = n;
            let rest = strip_marks(&line[off..]);
            if !self.in_resolution {
                // A numbered paragraph of a report: not an operative one.
                self.paras.push(Para {
                    start,
                    label: Cow::Borrowed(""),
                    cue: operative_cue(rest),
                });
            } else {
                self.open_operative(start, n, rest);
            }
            return;
        }
        let cue = cue_of(body);
        let label = if self.in_resolution && !cue.is_empty() {
            self.pp += 1;
            label(PP, self.pp)
        } else {
            Cow::Borrowed("")
        };
        self.paras.push(Para { start, label, cue });
    }

    /// Opens operative paragraph `n` at `start`. Its cue is the first
    /// words after the number (`rest`); a number alone on its line (PDF
    /// layout) waits for the next line's words.
    fn open_operative(&mut self, start: usize, n: u32, rest: &str) {
        if rest.is_empty() {
            self.pending_op = Some((start, n));
        } else {
            self.paras.push(Para {
                start,
                label: label(OP, n),
                cue: operative_cue(rest),
            });
        }
    }
}

impl Structure {
    /// Reads the paragraph structure of a cleaned text.
    ///
    /// Most lines run on a paragraph: they neither open a block (after a
    /// blank line), nor hold a footnote or a pending number's cue, nor
    /// open with a digit in a resolution (a paragraph numbered next) or a
    /// `-` (a rule). The first byte of a line's body (`body_start`)
    /// tells them (`Reader::wants`), and they are passed without their
    /// body being cut out (`strip_marks`).
    pub fn read(text: &str) -> Self {
        let mut r = Reader {
            paras: Vec::new(),
            in_resolution: false,
            pp: 0,
            fn_zone: false,
            block_start: true,
            pending_op: None,
            last_op: 0,
        };
        each_line(text, |start, end| {
            let line = &text[start..end];
            match body_start(line) {
                None => r.block_start = true,
                Some(q) if r.wants(line.as_bytes()[q]) => r.line(line, start, q),
                Some(_) => {}
            }
        });
        Structure { paras: r.paras }
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

/// Builds this module's lazily compiled patterns and tables now (see
/// [`crate::extract::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&furniture::FURNITURE);
    LazyLock::force(&INTRO);
    LazyLock::force(&LABELS);
    opening::warm_up();
}
