//! Named instruments: treaties, declarations and programmes that UN texts
//! cite by name ("the Convention on the Rights of the Child", « Pacte
//! international relatif aux droits civils et politiques », «Конвенции о
//! правах ребенка», 《儿童权利公约》, اتفاقية حقوق الطفل), each mapped to one
//! canonical id.
//!
//! The names live in data (`data/instruments.tsv`, columns documented in
//! `data/README.md`); users add rows with `--instruments FILE`. Names of all
//! languages are found where their anchor words occur, so the cost hardly
//! grows with the number of instruments (see "Speed" below); matches are
//! reported leftmost-longest.
//!
//! Matching rules:
//!
//! - Text and names are normalised the same way before matching: runs of
//!   white space (line breaks, NBSP) become one space (none after a hyphen
//!   that ends a line: "Non-\nProliferation"), curly apostrophes
//!   become `'`, `ё` becomes `е`, Arabic hamza-carrying alefs become bare
//!   alef, `ى` becomes `ي`, Arabic diacritics, tatweel, bidi marks and soft
//!   hyphens are dropped, (non-breaking) hyphens become `-`, Arabic-Indic and
//!   full-width digits and full-width brackets, commas and slashes become ASCII.
//!   Offsets map back to the original text.
//! - Names match whatever their ASCII case ("Convention on the rights of
//!   the child"); each full name also matches with its first letter
//!   lower-cased and in capitals, for non-ASCII letters (`élimination`,
//!   `DÉCLARATION`). Acronyms and short names (two words, 11 bytes:
//!   "Agenda 21") match in their exact case only (and in capitals).
//!   Russian names match as written (capitalised) in their six cases: the
//!   leading adjectives and the head noun are declined («Международного
//!   пакта о гражданских и политических правах»).
//! - Acronyms (one word, no lower case: `ICCPR`, `ДНЯО`) match only as whole
//!   words, never next to `/` (`CRC/C/SVN/CO/3-4` is a document symbol),
//!   never right before "Committee" and never in brackets right after a
//!   committee's name ("Committee against Torture (CAT)": the treaty body,
//!   not the treaty).
//! - Arabic names that start with the article `ال` also match after `ل`
//!   (`للاتفاقية`, where the article's alef is not written).
//! - Names in spaced scripts (Latin, Cyrillic) must not touch a letter or
//!   digit of those scripts; Chinese and Arabic names need no guard (Arabic
//!   glues `و`, `ب`, `ل` to the next word).
//! - Speed: every name holds an anchor word (`ANCHORS`: "Convention",
//!   "公约", "اتفاق", …; a name with none is its own anchor) at a fixed byte
//!   offset. The anchor occurrences are found by `words::AnchorFinder`
//!   (Latin anchors at word starts, 64 bytes at a time; the others by an
//!   automaton, on texts of their scripts only); at each, only the names
//!   holding that anchor are compared in place (ASCII case ignored). The
//!   candidates are then taken leftmost-longest, exactly as one automaton of
//!   all names would report them, at a fraction of the cost.
//! - Generic words ("the Convention", "the Covenant") are not in the table:
//!   they name nothing by themselves.

use super::ExtractError;
use super::fold;
use crate::text::Mapped;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

mod anchors;
mod normalise;
mod russian;
mod table;
mod tsv;
mod words;

use anchors::build_anchors;
#[cfg(test)]
use normalise::normalise;
use normalise::{norm_str, normalise_into};
use russian::ru_cases;
pub use tsv::parse_tsv;

thread_local! {
    /// The normalised text of the last document on this thread, its
    /// buffers reused by the next one (see `normalise_into`).
    static NORMALISED: std::cell::RefCell<Mapped> = std::cell::RefCell::new(Mapped::default());
}

/// Scratch buffers above this size (bytes) are given back after a document.
const SCRATCH_KEPT: usize = 16 << 20;

/// The built-in table, as shipped in `data/instruments.tsv`.
pub const BUILTIN_TSV: &str = include_str!("../../../data/instruments.tsv");

/// Language columns of the table, in order.
pub const LANGS: [&str; 6] = ["en", "fr", "es", "ru", "zh", "ar"];

/// The header row every table starts with.
pub const HEADER: [&str; 9] = [
    "id",
    "kind_hint",
    "year",
    "en",
    "fr",
    "es",
    "ru",
    "zh",
    "ar",
];

/// One instrument: its canonical id and its names in the six languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instrument {
    /// Canonical id (`UNTS 27531`, `A/RES/217(III)`, `Charter of the United Nations`).
    pub id: String,
    /// What kind of text it is (`treaty`, `protocol`, `declaration`, …); informative.
    pub kind_hint: String,
    /// Year of adoption, when known.
    pub year: Option<u16>,
    /// Names per language, in [`LANGS`] order: full name first, then short names.
    pub names: [Vec<String>; 6],
}

/// One name mention found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentHit {
    /// Byte offset of the mention start.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// Canonical id of the instrument.
    pub target: String,
}

/// How one automaton pattern is checked once found.
#[derive(Debug, Clone, Copy)]
struct Pat {
    /// Index of the instrument in `Inner::rows`.
    row: usize,
    /// Acronym: whole word, no `/` around, not before "Committee".
    acronym: bool,
    /// Matches in its exact case only (acronyms and short names such as
    /// "Agenda 21": "action 21" of the Pact for the Future is not
    /// « Action 21 »).
    exact: bool,
    /// The pattern starts / ends with a spaced-script word character.
    guard_left: bool,
    guard_right: bool,
}

struct Inner {
    rows: Vec<Instrument>,
    pats: Vec<Pat>,
    /// Per pattern: the spellings an exact-case match must equal.
    spellings: Vec<Vec<String>>,
    /// Anchor words (see [`ANCHORS`]): every name holds one, so names are
    /// only looked for where an anchor occurs.
    anchors: words::AnchorFinder,
    /// Per anchor: the names holding it, grouped by the bytes beside it.
    probes: anchors::Probes,
    /// Every pattern's text (compared in place, ASCII case ignored).
    strings: Vec<Box<[u8]>>,
}

/// The table of instruments cited by name, with its matcher. Cloning is
/// cheap (the table and automaton are shared).
#[derive(Clone)]
pub struct InstrumentTable {
    inner: Arc<Inner>,
}

impl fmt::Debug for InstrumentTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InstrumentTable")
            .field("instruments", &self.inner.rows.len())
            .field("patterns", &self.inner.pats.len())
            .finish()
    }
}

impl Default for InstrumentTable {
    /// An empty table that finds nothing.
    fn default() -> Self {
        InstrumentTable::from_rows(Vec::new())
    }
}

static BUILTIN: LazyLock<InstrumentTable> = LazyLock::new(|| {
    let rows = parse_tsv(BUILTIN_TSV, Path::new("data/instruments.tsv"))
        .expect("built-in data/instruments.tsv is valid (checked by tests)");
    InstrumentTable::from_rows(rows)
});

impl InstrumentTable {
    /// The built-in table (`data/instruments.tsv`), built once per process;
    /// later calls clone an `Arc`.
    pub fn builtin() -> Self {
        BUILTIN.clone()
    }

    /// The built-in table, borrowed (built on first use).
    pub(crate) fn builtin_ref() -> &'static Self {
        &BUILTIN
    }

    /// Builds a table (and its automaton) from rows. Several rows may share
    /// an id (protocols registered under their parent treaty's UNTS number);
    /// when two rows share a name, the later row wins.
    pub fn from_rows(rows: Vec<Instrument>) -> Self {
        let kept = rows;
        // The automaton ignores ASCII case, so spellings that differ only in
        // ASCII case are one pattern; exact-case patterns keep the list of
        // spellings a match must equal (see `table::patterns`).
        let pats = table::patterns(&kept);
        let mut strings = Vec::with_capacity(pats.len());
        let mut meta = Vec::with_capacity(pats.len());
        let mut spellings = Vec::with_capacity(pats.len());
        for (p, row, acronym, exact) in pats {
            let first = p.chars().next().unwrap_or(' ');
            let last = p.chars().next_back().unwrap_or(' ');
            meta.push(Pat {
                row,
                acronym,
                exact: exact.is_some(),
                guard_left: spaced_word(first),
                guard_right: spaced_word(last),
            });
            strings.push(p);
            spellings.push(exact.unwrap_or_default());
        }
        let (anchors, probes) = build_anchors(&strings);
        InstrumentTable {
            inner: Arc::new(Inner {
                rows: kept,
                pats: meta,
                spellings,
                anchors,
                probes,
                strings: strings.into_iter().map(|p| p.into_bytes().into()).collect(),
            }),
        }
    }

    /// Adds the rows of a user table (same columns as the built-in one).
    /// User rows replace every existing row with the same id; a user name
    /// that an existing row also has now points to the user's row.
    pub fn load_extra(&mut self, path: &Path) -> Result<(), ExtractError> {
        let text = std::fs::read_to_string(path).map_err(|e| ExtractError::Instruments {
            path: path.to_path_buf(),
            line: 0,
            msg: format!("cannot read: {e}"),
        })?;
        let extra = parse_tsv(&text, path)?;
        self.extend(extra);
        Ok(())
    }

    /// Adds rows (see [`InstrumentTable::load_extra`]): they replace every
    /// existing row with the same id, and rebuild the automaton.
    pub fn extend(&mut self, extra: Vec<Instrument>) {
        let ids: std::collections::BTreeSet<&str> = extra.iter().map(|r| r.id.as_str()).collect();
        let mut rows: Vec<Instrument> = self
            .inner
            .rows
            .iter()
            .filter(|r| !ids.contains(r.id.as_str()))
            .cloned()
            .collect();
        rows.extend(extra);
        *self = InstrumentTable::from_rows(rows);
    }

    /// Number of instruments in the table.
    pub fn len(&self) -> usize {
        self.inner.rows.len()
    }

    /// True when the table has no instrument.
    pub fn is_empty(&self) -> bool {
        self.inner.rows.is_empty()
    }

    /// The instruments, in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Instrument> {
        self.inner.rows.iter()
    }

    /// The first instrument with canonical id `id` (protocols may share
    /// their parent's id; this is the first row of the table with it).
    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.inner.rows.iter().find(|r| r.id == id)
    }

    /// Number of patterns in the automaton (names and their variants).
    pub fn patterns_len(&self) -> usize {
        self.inner.pats.len()
    }

    /// Finds every name mention in `text`, in text order, offsets into `text`.
    ///
    /// Out of line (called once a document): so that a profile names this
    /// stage instead of the extractor's main loop (`perf_stages.py`).
    #[inline(never)]
    pub fn find(&self, text: &str) -> Vec<InstrumentHit> {
        self.find_by(text, |hay, f| self.inner.anchors.each(hay, f))
    }

    /// [`InstrumentTable::find`] with the anchor occurrences of the
    /// normalised text given by `each` (calling back with anchor id and
    /// start).
    fn find_by(
        &self,
        text: &str,
        each: impl FnOnce(&str, &mut dyn FnMut(usize, usize)),
    ) -> Vec<InstrumentHit> {
        if self.inner.pats.is_empty() {
            return Vec::new();
        }
        NORMALISED.with_borrow_mut(|scratch| {
            let changed = normalise_into(text, scratch);
            let normed = changed.then_some(&*scratch);
            let hits = self.find_in(text, normed, each);
            if scratch.capacity_bytes() > SCRATCH_KEPT {
                *scratch = Mapped::default();
            }
            hits
        })
    }

    /// [`InstrumentTable::find_by`] on `text` normalised (`normed`; `None`:
    /// `text` is its own normal form).
    fn find_in(
        &self,
        text: &str,
        normed: Option<&Mapped>,
        each: impl FnOnce(&str, &mut dyn FnMut(usize, usize)),
    ) -> Vec<InstrumentHit> {
        let mut hits = Vec::new();
        let hay: &str = normed.map_or(text, |m| m.text.as_str());
        let map = |p: usize| normed.map_or(p, |m| m.to_source(p));
        // Every occurrence of a name holds its anchor at a fixed offset, so
        // the occurrences are found by comparing, at each anchor occurrence,
        // the few names that hold it — no scan of the text beyond the search
        // for anchors.
        let b = hay.as_bytes();
        let mut cands: Vec<(usize, usize, u32)> = Vec::new();
        each(hay, &mut |anchor, start| {
            self.inner.probes.each(b, anchor, start, |c| {
                let Some(st) = start.checked_sub(c.off as usize) else {
                    return;
                };
                let en = st + c.len as usize;
                // First and last bytes first (kept in the list: no read of
                // the name): most names that share an anchor differ there,
                // and the check is a necessary condition of the full
                // comparison.
                if en <= b.len()
                    && (c.len == 0
                        || c.first == b[st].to_ascii_lowercase()
                            && c.last == b[en - 1].to_ascii_lowercase())
                    && b[st..en].eq_ignore_ascii_case(&self.inner.strings[c.pi as usize])
                {
                    cands.push((st, en, c.pi));
                }
            });
        });
        // Leftmost-longest, as an automaton would report them: at each start
        // the longest name; a rejected one is retried from the next character.
        cands.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        let mut pos = 0;
        let mut i = 0;
        while i < cands.len() {
            let (st, en, pi) = cands[i];
            i += 1;
            if st < pos {
                continue;
            }
            let pat = self.inner.pats[pi as usize];
            let exact = !pat.exact
                || self.inner.spellings[pi as usize]
                    .iter()
                    .any(|w| w.as_bytes() == &b[st..en]);
            if exact && accept(hay, st, en, &pat) {
                hits.push(InstrumentHit {
                    start: map(st),
                    end: map(en),
                    target: self.inner.rows[pat.row].id.clone(),
                });
                pos = en;
            } else {
                // Retry from the next character: a shorter valid name may
                // start inside the rejected one (not at its start).
                pos = st + hay[st..].chars().next().map_or(1, char::len_utf8);
            }
        }
        hits
    }
}

/// Checks the guards of a candidate match `s..e` in the normalised text.
fn accept(hay: &str, s: usize, e: usize, pat: &Pat) -> bool {
    let before = hay[..s].chars().next_back();
    let after = hay[e..].chars().next();
    if pat.guard_left && before.is_some_and(spaced_word) {
        return false;
    }
    if pat.guard_right && after.is_some_and(spaced_word) && !footnote_marker(hay, e) {
        return false;
    }
    if pat.acronym {
        if before == Some('/') || after == Some('/') {
            return false;
        }
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        let rest = hay[e..].trim_start();
        if rest.starts_with("Committee") || rest.starts_with("committee") {
            return false;
        }
        // "Committee on the Rights of the Child (CRC)": the acronym in
        // brackets right after a committee's name is the committee's.
        if before == Some('(') && after == Some(')') && after_committee(&hay[..s - 1]) {
            return false;
        }
    }
    true
}

/// True when a footnote marker is glued to the letter that ends a name at
/// `e` ("Certain Conventional Weapons9 and"): one to three digits, then no
/// letter or digit.
fn footnote_marker(hay: &str, e: usize) -> bool {
    if !hay[..e]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
    {
        return false;
    }
    let b = hay.as_bytes();
    let n = b[e..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&n)
        && !hay[e + n..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// True when `head` ends with a treaty body's name: "Committee", "Comité",
/// "Комитет" or "لجنة" within the last few words.
fn after_committee(head: &str) -> bool {
    let mut from = head.len().saturating_sub(120);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    let tail = head[from..].trim_end();
    // Only when no sentence or clause ends in between.
    let clause = tail
        .rsplit([',', ';', '.', '،', '，'])
        .next()
        .unwrap_or(tail);
    ["Committee", "Comité", "Комитет", "لجنة", "委员会"]
        .iter()
        .any(|w| clause.contains(w))
}

/// A letter or digit of a script that separates words with spaces (guards
/// apply); Han, kana, Hangul and Arabic letters are not.
fn spaced_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let u = c as u32;
    let unspaced = (0x0600..=0x06FF).contains(&u)
        || (0x0750..=0x077F).contains(&u)
        || (0xFB50..=0xFEFF).contains(&u)
        || (0x2E80..=0x9FFF).contains(&u)
        || (0xAC00..=0xD7AF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFF00..=0xFFEF).contains(&u);
    !unspaced && c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::normalise::{CANDIDATE, candidates, may_change};
    use super::*;

    #[test]
    fn russian_cases() {
        let f = ru_cases("Международный пакт о гражданских и политических правах");
        assert!(f.contains(&"Международного пакта о гражданских и политических правах".into()));
        assert!(f.contains(&"Международным пактом о гражданских и политических правах".into()));
        let f = ru_cases("Всеобщая декларация прав человека");
        assert!(f.contains(&"Всеобщей декларации прав человека".into()));
        assert!(f.contains(&"Всеобщую декларацию прав человека".into()));
        let f = ru_cases("Конвенция о правах ребенка");
        assert!(f.contains(&"Конвенцией о правах ребенка".into()));
        let f = ru_cases("Парижское соглашение");
        assert!(f.contains(&"Парижского соглашения".into()));
        assert!(f.contains(&"Парижском соглашении".into()));
        let f = ru_cases("Устав Организации Объединенных Наций");
        assert!(f.contains(&"Уставе Организации Объединенных Наций".into()));
        let f = ru_cases("Повестка дня в области устойчивого развития на период до 2030 года");
        assert!(f.contains(
            &"Повестки дня в области устойчивого развития на период до 2030 года".into()
        ));
        let f = ru_cases("Минимальные стандартные правила обращения с заключенными");
        assert!(f.contains(&"Минимальных стандартных правил обращения с заключенными".into()));
        let f = ru_cases("Женевские конвенции");
        assert!(f.contains(&"Женевских конвенций".into()));
        let f = ru_cases("Руководство по эффективному расследованию");
        assert!(f.contains(&"Руководства по эффективному расследованию".into()));
        let f = ru_cases("Киотский протокол");
        assert!(f.contains(&"Киотского протокола".into()));
    }

    #[test]
    fn normalises_with_map() {
        let src = "Convention  on the\nRights\u{a0}of the Child — l’enfant، الأمم";
        let m = normalise(src).unwrap();
        assert_eq!(
            m.text,
            "Convention on the Rights of the Child — l'enfant، الامم"
        );
        let s = m.text.find("Rights").unwrap();
        assert_eq!(&src[m.to_source(s)..m.to_source(s + 6)], "Rights");
        assert!(normalise("plain text").is_none());
        // White space runs, ASCII only and mixed with other spaces.
        let cases: &[(&str, &str)] = &[
            ("a \nb", "a b"),
            ("a\r\n\r\nb", "a b"),
            ("Non-\nProliferation", "Non-Proliferation"),
            ("Non- \n Proliferation", "Non-Proliferation"),
            ("Non- Proliferation", "Non- Proliferation"),
            ("a \u{a0}\nb", "a b"),
            ("a\n\u{ad}b", "a b"),
            ("a\x0Bb  c", "a\x0Bb c"),
            ("end \n", "end "),
        ];
        for (src, want) in cases {
            let got = normalise(src).map_or_else(|| src.to_string(), |m| m.text);
            assert_eq!(&got, want, "{src:?}");
        }
    }

    proptest::proptest! {
        /// The 64-byte candidate mask never leaves out a byte that may change.
        #[test]
        fn candidates_hold_every_byte_that_may_change(parts in proptest::collection::vec(
            proptest::sample::select(vec!["a", "Z", " ", "  ", "\n", " \n", "\t", "\r", "-", "\x0B", "é", "’", "\u{a0}", "ё", "9", "~"]),
            30..90,
        )) {
            let text: String = parts.concat();
            let b = text.as_bytes();
            for i in 0..(b.len().saturating_sub(63)) {
                let mask = candidates(b, i);
                for j in i..i + 64 {
                    if CANDIDATE[b[j] as usize] && may_change(b, j) {
                        proptest::prop_assert!(mask >> (j - i) & 1 == 1, "{text:?} {i} {j}");
                    }
                }
            }
        }
    }

    #[test]
    fn tsv_errors_name_the_line() {
        let p = Path::new("x.tsv");
        let head = HEADER.join("\t");
        let e = parse_tsv("id\tname\n", p).unwrap_err().to_string();
        assert!(e.starts_with("x.tsv:1:"), "{e}");
        let e = parse_tsv(&format!("{head}\nX\ttreaty\tabc\tName\n"), p)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.tsv:2:") && e.contains("year"), "{e}");
        let e = parse_tsv(&format!("{head}\n# c\n\nX\ttreaty\t\t\t\n"), p)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.tsv:4:") && e.contains("no name"), "{e}");
        let ok = parse_tsv(&format!("{head}\nX\ttreaty\t1999\tName | N\n"), p).unwrap();
        assert_eq!(ok[0].names[0], vec!["Name".to_string(), "N".to_string()]);
    }
}
