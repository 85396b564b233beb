//! Named instruments: treaties, declarations and programmes that UN texts
//! cite by name ("the Convention on the Rights of the Child", « Pacte
//! international relatif aux droits civils et politiques », «Конвенции о
//! правах ребенка», 《儿童权利公约》, اتفاقية حقوق الطفل), each mapped to one
//! canonical id.
//!
//! The names live in data (`data/instruments.tsv`, columns documented in
//! `data/README.md`); users add rows with `--instruments FILE`. Names of all
//! languages are found in one pass of a small automaton of anchor words, so
//! the cost hardly grows with the number of instruments (see "Speed" below);
//! matches are reported leftmost-longest.
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
//!   offset. One overlapping pass of an anchor DFA finds the anchor
//!   occurrences; at each, only the names holding that anchor are compared
//!   in place (ASCII case ignored). The candidates are then taken
//!   leftmost-longest, exactly as one automaton of all names would report
//!   them, at a third of the cost.
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

/// The built-in table, as shipped in `data/instruments.tsv`.
pub const BUILTIN_TSV: &str = include_str!("../../data/instruments.tsv");

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
    anchors: AhoCorasick,
    /// Per anchor pattern: the names holding it, as (pattern index, byte
    /// offset of the anchor in the name).
    by_anchor: Vec<Vec<(u32, u32)>>,
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

    /// Builds a table (and its automaton) from rows. Several rows may share
    /// an id (protocols registered under their parent treaty's UNTS number);
    /// when two rows share a name, the later row wins.
    pub fn from_rows(rows: Vec<Instrument>) -> Self {
        let kept = rows;
        // The automaton ignores ASCII case, so spellings that differ only in
        // ASCII case are one pattern; exact-case patterns keep the list of
        // spellings a match must equal.
        // Key → (pattern, row, acronym, spellings if exact); later rows win.
        type Entry = (String, usize, bool, Option<Vec<String>>);
        let mut pats: BTreeMap<String, Entry> = BTreeMap::new();
        for (i, r) in kept.iter().enumerate() {
            for (li, names) in r.names.iter().enumerate() {
                for name in names {
                    for (p, acr) in variants(name, LANGS[li]) {
                        if p.is_empty() {
                            continue;
                        }
                        let exact = (acr || is_short(&p)).then(|| vec![p.clone()]);
                        let key = p.to_ascii_lowercase();
                        let entry = match pats.remove(&key) {
                            // Same pattern up to ASCII case: exact only if both
                            // are, accepting both spellings.
                            Some((_, _, acr0, ex0)) => {
                                let ex = match (ex0, exact) {
                                    (Some(mut a), Some(b)) => {
                                        a.extend(b);
                                        Some(a)
                                    }
                                    _ => None,
                                };
                                (p, i, acr0 && acr, ex)
                            }
                            None => (p, i, acr, exact),
                        };
                        pats.insert(key, entry);
                    }
                }
            }
        }
        let mut strings = Vec::with_capacity(pats.len());
        let mut meta = Vec::with_capacity(pats.len());
        let mut spellings = Vec::with_capacity(pats.len());
        for (_, (p, row, acronym, exact)) in pats {
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
        let (anchors, by_anchor) = build_anchors(&strings);
        InstrumentTable {
            inner: Arc::new(Inner {
                rows: kept,
                pats: meta,
                spellings,
                anchors,
                by_anchor,
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
    pub fn find(&self, text: &str) -> Vec<InstrumentHit> {
        let mut hits = Vec::new();
        if self.inner.pats.is_empty() {
            return hits;
        }
        let normed = normalise(text);
        let hay: &str = normed.as_ref().map_or(text, |m| m.text.as_str());
        let map = |p: usize| normed.as_ref().map_or(p, |m| m.to_source(p));
        // Every occurrence of a name holds its anchor at a fixed offset, so
        // the occurrences are found by comparing, at each anchor occurrence,
        // the few names that hold it — no scan of the text beyond the anchor
        // automaton.
        let b = hay.as_bytes();
        let mut cands: Vec<(usize, usize, u32)> = Vec::new();
        for m in self.inner.anchors.find_overlapping_iter(hay) {
            for &(pi, off) in &self.inner.by_anchor[m.pattern().as_usize()] {
                let Some(st) = m.start().checked_sub(off as usize) else {
                    continue;
                };
                let name = &self.inner.strings[pi as usize];
                let en = st + name.len();
                // First and last bytes first: most names that share an
                // anchor differ there, and the check is a necessary
                // condition of the full comparison.
                if en <= b.len()
                    && name.first().is_none_or(|f| f.eq_ignore_ascii_case(&b[st]))
                    && name
                        .last()
                        .is_none_or(|l| l.eq_ignore_ascii_case(&b[en - 1]))
                    && b[st..en].eq_ignore_ascii_case(name)
                {
                    cands.push((st, en, pi));
                }
            }
        }
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

/// Anchor words: each name contains one of them (names that contain none
/// are their own anchor). Latin words match in any ASCII case; Cyrillic
/// stems are also tried with a capital and in capitals.
const ANCHORS: &[&str] = &[
    // English
    "convention",
    "covenant",
    "protocol",
    "declaration",
    "treaty",
    "agreement",
    "charter",
    "statute",
    "agenda",
    "rules",
    "principles",
    "programme",
    "framework",
    "compact",
    "pact",
    "strategy",
    "consensus",
    "guidelines",
    "code of conduct",
    "manual",
    "platform",
    "pathway",
    "outcome",
    "plan of action",
    "amendment",
    "articles",
    // French
    "pacte",
    "protocole",
    "déclaration",
    "traité",
    "accord",
    "charte",
    "statut",
    "règles",
    "principes",
    "cadre",
    "stratégie",
    "orientations",
    "manuel",
    "plan d'action",
    "amendement",
    "action 21",
    "document final",
    "modalités",
    // Spanish
    "convención",
    "convenio",
    "pacto",
    "protocolo",
    "declaración",
    "tratado",
    "acuerdo",
    "carta",
    "estatuto",
    "programa",
    "reglas",
    "normas",
    "principios",
    "directrices",
    "marco",
    "estrategia",
    "consenso",
    "trayectoria",
    "código",
    "plataforma",
    "plan de acción",
    "enmienda",
    "documento final",
    "conjunto de principios",
    "artículos",
    "modalidades",
    // Russian stems
    "конвенци",
    "пакт",
    "протокол",
    "декларац",
    "договор",
    "соглашени",
    "устав",
    "статут",
    "повестк",
    "правил",
    "принцип",
    "программ",
    "стратеги",
    "консенсус",
    "харти",
    "путь",
    "руководств",
    "кодекс",
    "свод",
    "поправк",
    "итогов",
    "платформ",
    "план",
    "статьи",
    "ускоренные меры",
    // Chinese
    "公约",
    "公約",
    "议定书",
    "議定書",
    "条约",
    "宣言",
    "协定",
    "宪章",
    "规约",
    "议程",
    "规则",
    "原则",
    "纲领",
    "纲要",
    "框架",
    "契约",
    "战略",
    "共识",
    "途径",
    "守则",
    "手册",
    "规程",
    "准则",
    "成果",
    "计划",
    "修正案",
    "条款",
    // Arabic (normalised)
    "اتفاق",
    "العهد",
    "اعلان",
    "بروتوكول",
    "معاهدة",
    "ميثاق",
    "النظام الاساسي",
    "خطة",
    "قواعد",
    "مبادئ",
    "برنامج",
    "اطار",
    "استراتيجية",
    "توافق",
    "مسار",
    "مدونة",
    "دليل",
    "منهاج",
    "نتائج",
    "تعديل",
    "المواد",
    "جدول اعمال",
    "الاعلان",
];

/// Builds the anchor automaton for the name patterns `strings`, with each
/// anchor's span (bytes before / after it that a name may cover).
type AnchorTables = (AhoCorasick, Vec<Vec<(u32, u32)>>);

fn build_anchors(strings: &[String]) -> AnchorTables {
    let mut words: Vec<String> = Vec::new();
    for a in ANCHORS {
        let a = norm_str(a);
        let mut cs = a.chars();
        let first_up: String = cs
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(cs)
            .collect();
        let up = a.to_uppercase();
        for w in [a, first_up, up] {
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    let finder = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostFirst)
        .ascii_case_insensitive(true)
        .build(&words)
        .expect("anchor words build an automaton");
    // Anchor text (ASCII-lower-cased key) → index in `anchors`.
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut anchors: Vec<String> = Vec::new();
    let mut by_anchor: Vec<Vec<(u32, u32)>> = Vec::new();
    for (pi, p) in strings.iter().enumerate() {
        let (word, off) = match finder.find(p.as_str()) {
            Some(m) => (&p[m.range()], m.start()),
            None => (p.as_str(), 0),
        };
        let key = word.to_ascii_lowercase();
        let i = *index.entry(key).or_insert_with(|| {
            anchors.push(word.to_string());
            by_anchor.push(Vec::new());
            anchors.len() - 1
        });
        by_anchor[i].push((pi as u32, off as u32));
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&anchors)
        .expect("anchors build an automaton");
    (ac, by_anchor)
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

/// True for a short name (at most two words and 11 bytes, not starting
/// with a digit: "Agenda 21", "UN Charter", but not "2030 Agenda" or "Rome
/// Statute", whose lower-case forms are still names), matched in its exact
/// case only.
fn is_short(name: &str) -> bool {
    name.len() <= 11
        && name.split(' ').count() <= 2
        && !name.starts_with(|c: char| c.is_ascii_digit())
}

/// True for a one-word name without lower-case letters (`ICCPR`, `ДНЯО`).
fn is_acronym(name: &str) -> bool {
    name.chars().count() >= 2
        && !name.contains(' ')
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(char::is_lowercase)
}

/// The automaton patterns for one name of a language column, each with its
/// acronym flag: the normalised name, its declined forms (Russian), and
/// each of those with the first letter lower-cased and in capitals.
fn variants(name: &str, lang: &str) -> Vec<(String, bool)> {
    let base = norm_str(name);
    if base.is_empty() {
        return Vec::new();
    }
    if is_acronym(&base) {
        return vec![(base, true)];
    }
    let mut forms = match lang {
        "ru" => ru_cases(&base),
        // `ل` + `ال` is written `لل` ("للاتفاقية"): the name without its
        // leading alef matches there (and inside the plain form too, where
        // the full name, starting one letter earlier, wins).
        "ar" => match base.strip_prefix('ا') {
            Some(rest) if rest.starts_with('ل') => vec![rest.to_string(), base],
            _ => vec![base],
        },
        _ => vec![base],
    };
    // Russian names always start with a capital in UN texts; their six
    // cases already make many patterns, so no case variants for them.
    let cased = matches!(lang, "en" | "fr" | "es");
    if cased {
        let mut more = Vec::new();
        for f in &forms {
            let mut cs = f.chars();
            if let (Some(c0), false) = (cs.next(), is_short(f)) {
                let lower: String = c0.to_lowercase().chain(cs).collect();
                more.push(lower);
            }
            // Headings in capitals.
            more.push(f.to_uppercase());
        }
        forms.extend(more);
    }
    forms.sort();
    forms.dedup();
    forms.into_iter().map(|f| (f, false)).collect()
}

/// A name normalised like the text it is matched against.
fn norm_str(s: &str) -> String {
    let s = s.trim();
    match normalise(s) {
        Some(m) => m.text.trim().to_string(),
        None => s.to_string(),
    }
}

/// What the normaliser does with one character.
enum Norm {
    Keep,
    Space,
    Drop,
    To(char),
}

fn norm_char(c: char) -> Norm {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            Norm::Space
        } else {
            Norm::Keep
        };
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => Norm::To('\''),
        '\u{2010}' | '\u{2011}' => Norm::To('-'),
        'ё' => Norm::To('е'),
        'Ё' => Norm::To('Е'),
        'أ' | 'إ' | 'آ' | 'ٱ' => Norm::To('ا'),
        'ى' => Norm::To('ي'),
        '\u{00AD}'
        | '\u{0640}'
        | '\u{064B}'..='\u{0652}'
        | '\u{0670}'
        | '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{202A}'..='\u{202E}' => Norm::Drop,
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Norm::Space,
        _ => match fold::simple(c) {
            Some(' ') => Norm::Space,
            Some(d) => Norm::To(d),
            _ => Norm::Keep,
        },
    }
}

/// Bytes that may start a change: ASCII white space and the lead bytes of
/// the characters [`may_change`] looks at.
static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xCA, 0xD0, 0xD1, 0xD8, 0xD9, 0xDB, 0xE2,
        0xE3, 0xEF,
    ];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// True when the byte at `i` may start a character that [`norm_char`]
/// changes. Plain ASCII letters, most Cyrillic letters and most Arabic
/// letters are rejected on one or two byte tests (the fast path).
#[inline]
fn may_change(b: &[u8], i: usize) -> bool {
    let x = b[i];
    let next = || b.get(i + 1).copied().unwrap_or(0);
    match x {
        b' ' => {
            // A lone space stays; a space before more white space does not.
            let n = next();
            n == b' ' || n == b'\t' || n == b'\n' || n == b'\r' || n >= 0x80
        }
        b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => true,
        0..=0x7F => false,
        0xD0 => next() == 0x81,                              // Ё
        0xD1 => next() == 0x91,                              // ё
        0xD8 => matches!(next(), 0x9C | 0xA2 | 0xA3 | 0xA5), // ALM, آ أ إ
        0xD9 => matches!(next(), 0x80 | 0x89 | 0x8B..=0x92 | 0xA0..=0xA9 | 0xB0 | 0xB1),
        0xC2 | 0xCA | 0xDB | 0xE2 | 0xE3 | 0xEF => true,
        _ => false,
    }
}

/// Normalises `text` for name matching; `None` when nothing changes.
/// Replacements of the same byte length (a line break by a space, `ё` by
/// `е`) keep the offsets linear and cost no map segment.
fn normalise(text: &str) -> Option<Mapped> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out: Option<Mapped> = None;
    let mut copied = 0; // source bytes up to here are in `out`
    let mut i = 0;
    let mut buf = [0u8; 4];
    // Appends `rep` for the source range `s..e`.
    let put = |out: &mut Option<Mapped>, copied: &mut usize, s: usize, e: usize, rep: &str| {
        let m = out.get_or_insert_with(|| Mapped::builder(n, n));
        m.push_copy(&text[*copied..s], *copied);
        if rep.len() == e - s {
            m.push_copy(rep, s);
        } else {
            m.push_replaced(rep, s, e);
        }
        *copied = e;
    };
    while i < n {
        // Fast skip over bytes that never start a change: eight at a time,
        // then one at a time.
        i = skip_plain(b, i);
        while i < n && !CANDIDATE[b[i] as usize] {
            i += 1;
        }
        if i >= n {
            break;
        }
        if !may_change(b, i) {
            i += 1;
            continue;
        }
        if is_ascii_space(b[i]) {
            // Fast path for a run of ASCII white space ("\n", " \n", "  "):
            // the same as below when no other character follows the run.
            let mut j = i + 1;
            while j < n && is_ascii_space(b[j]) {
                j += 1;
            }
            if j >= n || b[j] < 0x80 {
                let joins = i > 0 && b[i - 1] == b'-' && b[i..j].contains(&b'\n');
                let rep = if joins { "" } else { " " };
                if &text[i..j] != rep {
                    put(&mut out, &mut copied, i, j, rep);
                }
                i = j;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        match norm_char(c) {
            Norm::Keep => i += len,
            Norm::Space => {
                // The whole run of spaces and dropped marks.
                let mut j = i;
                for (k, c2) in text[i..].char_indices() {
                    match norm_char(c2) {
                        Norm::Space | Norm::Drop => j = i + k + c2.len_utf8(),
                        _ => break,
                    }
                }
                // A line break after a hyphen joins a word split across
                // lines ("Non-\nProliferation" → "Non-Proliferation").
                let rep = if i > 0 && b[i - 1] == b'-' && text[i..j].contains('\n') {
                    ""
                } else {
                    " "
                };
                if &text[i..j] != rep {
                    put(&mut out, &mut copied, i, j, rep);
                }
                i = j;
            }
            Norm::Drop => {
                put(&mut out, &mut copied, i, i + len, "");
                i += len;
            }
            Norm::To(r) => {
                put(&mut out, &mut copied, i, i + len, r.encode_utf8(&mut buf));
                i += len;
            }
        }
    }
    let mut m = out?;
    m.push_copy(&text[copied..], copied);
    Some(m)
}

/// The first offset from `i` (a multiple of eight bytes further, or less
/// than eight bytes before the end) whose eight-byte block may hold a byte
/// that [`may_change`] accepts. A block is skipped when it only holds
/// printable ASCII and spaces followed by printable ASCII (the bulk of any
/// Latin text); the byte after the block counts for its last space.
#[inline]
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const H: u64 = 0x8080_8080_8080_8080;
    const L: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const SP: u64 = 0x2020_2020_2020_2020;
    const LAST: u64 = 0x8000_0000_0000_0000;
    while i + 8 <= b.len() {
        let mut w8 = [0u8; 8];
        w8.copy_from_slice(&b[i..i + 8]);
        let w = u64::from_le_bytes(w8);
        // High bit set per byte: non-ASCII or at most 0x20 (space, control).
        let ge21 = ((w & L) + 0x5F5F_5F5F_5F5F_5F5F) & H;
        let c = (w & H) | (!ge21 & H);
        // High bit set per byte equal to a space.
        let z = w ^ SP;
        let space = !(((z & L) + L) | z) & H;
        // A space matters when the next byte is white space or non-ASCII
        // (the last one always: its next byte is in the next block).
        let interesting = (c & !space) | (space & ((c >> 8) | LAST));
        if interesting != 0 {
            return i;
        }
        i += 8;
    }
    i
}

/// ASCII white space as [`norm_char`] sees it (`char::is_ascii_whitespace`:
/// not the vertical tab).
#[inline]
fn is_ascii_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// Declension classes: endings for nominative, genitive, dative,
/// accusative, instrumental, prepositional.
type Endings = [&'static str; 6];

/// How a Russian word declines: (ending to cut, endings to add, is the head noun).
fn ru_class(word: &str) -> Option<(usize, Endings, bool)> {
    let lw = word.to_lowercase();
    let stem_last = |cut: usize| {
        let cs: Vec<char> = lw.chars().collect();
        cs.len()
            .checked_sub(cut + 1)
            .and_then(|k| cs.get(k).copied())
    };
    let hush = |c: Option<char>| matches!(c, Some('ж' | 'ш' | 'ч' | 'щ'));
    let velar = |c: Option<char>| matches!(c, Some('к' | 'г' | 'х'));
    let ends = |s: &str| lw.ends_with(s);
    // Adjectives (agree, then keep going).
    if ends("ый") {
        return Some((2, ["ый", "ого", "ому", "ый", "ым", "ом"], false));
    }
    if ends("ий") && lw.chars().count() > 3 {
        return Some(if hush(stem_last(2)) {
            (2, ["ий", "его", "ему", "ий", "им", "ем"], false)
        } else {
            (2, ["ий", "ого", "ому", "ий", "им", "ом"], false)
        });
    }
    if ends("ой") && lw.chars().count() > 3 {
        return Some((2, ["ой", "ого", "ому", "ой", "ым", "ом"], false));
    }
    if ends("ая") {
        return Some(if hush(stem_last(2)) {
            (2, ["ая", "ей", "ей", "ую", "ей", "ей"], false)
        } else {
            (2, ["ая", "ой", "ой", "ую", "ой", "ой"], false)
        });
    }
    if ends("яя") {
        return Some((2, ["яя", "ей", "ей", "юю", "ей", "ей"], false));
    }
    if ends("ое") {
        return Some((2, ["ое", "ого", "ому", "ое", "ым", "ом"], false));
    }
    if ends("ые") {
        return Some((2, ["ые", "ых", "ым", "ые", "ыми", "ых"], false));
    }
    if ends("ие") && !ends("ние") && !ends("тие") {
        return Some((2, ["ие", "их", "им", "ие", "ими", "их"], false));
    }
    // Head nouns (decline, then stop).
    if lw == "правила" {
        return Some((1, ["а", "", "ам", "а", "ами", "ах"], true));
    }
    if ends("ии") {
        return Some((2, ["ии", "ий", "иям", "ии", "иями", "иях"], true));
    }
    if ends("ия") {
        return Some((2, ["ия", "ии", "ии", "ию", "ией", "ии"], true));
    }
    if ends("ие") {
        return Some((2, ["ие", "ия", "ию", "ие", "ием", "ии"], true));
    }
    if ends("а") {
        return Some(if velar(stem_last(1)) || hush(stem_last(1)) {
            (1, ["а", "и", "е", "у", "ой", "е"], true)
        } else {
            (1, ["а", "ы", "е", "у", "ой", "е"], true)
        });
    }
    if ends("ы") {
        return Some((1, ["ы", "ов", "ам", "ы", "ами", "ах"], true));
    }
    if ends("о") && lw.chars().count() > 3 {
        return Some((1, ["о", "а", "у", "о", "ом", "е"], true));
    }
    if ends("и") {
        return Some((1, ["и", "ов", "ам", "и", "ами", "ах"], true));
    }
    let last = lw.chars().next_back()?;
    if "бвгдзклмнпрстф".contains(last) {
        return Some((0, ["", "а", "у", "", "ом", "е"], true));
    }
    None
}

/// The six case forms of a Russian name (nominative first): the leading
/// adjectives and the head noun are declined, the rest is kept.
fn ru_cases(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut plan: Vec<(usize, Endings)> = Vec::new(); // per leading word
    for w in &words {
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || w.is_empty() {
            break;
        }
        match ru_class(w) {
            Some((cut, ends, head)) => {
                plan.push((cut, ends));
                if head {
                    break;
                }
            }
            None => break,
        }
    }
    if plan.is_empty() {
        return vec![name.to_string()];
    }
    let mut out = Vec::with_capacity(6);
    for case in 0..6 {
        let mut ws: Vec<String> = Vec::with_capacity(words.len());
        for (k, w) in words.iter().enumerate() {
            match plan.get(k) {
                Some(&(cut, ends)) => {
                    let cs: Vec<char> = w.chars().collect();
                    let stem: String = cs[..cs.len() - cut].iter().collect();
                    // Keep capitals when the word was written in capitals.
                    let ending = if w.chars().skip(1).all(char::is_uppercase) && cs.len() > 1 {
                        ends[case].to_uppercase()
                    } else {
                        ends[case].to_string()
                    };
                    ws.push(stem + &ending);
                }
                None => ws.push((*w).to_string()),
            }
        }
        out.push(ws.join(" "));
    }
    out.dedup();
    out
}

/// Parses an instruments table (TSV with the [`HEADER`] row). Errors name
/// `path` and the 1-based line.
pub fn parse_tsv(text: &str, path: &Path) -> Result<Vec<Instrument>, ExtractError> {
    let err = |line: usize, msg: String| ExtractError::Instruments {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = if n == 0 {
            line.trim_start_matches('\u{FEFF}')
        } else {
            line
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            let got: Vec<&str> = cols.iter().map(|c| c.trim()).collect();
            if got != HEADER {
                return Err(err(
                    line_no,
                    format!("expected the header row `{}`", HEADER.join("\\t")),
                ));
            }
            header_seen = true;
            continue;
        }
        if cols.len() > HEADER.len() {
            return Err(err(
                line_no,
                format!("{} columns, expected at most {}", cols.len(), HEADER.len()),
            ));
        }
        let col = |i: usize| cols.get(i).map_or("", |c| c.trim());
        let id = col(0);
        if id.is_empty() {
            return Err(err(line_no, "empty id".into()));
        }
        let year = match col(2) {
            "" => None,
            y => Some(
                y.parse::<u16>()
                    .map_err(|_| err(line_no, format!("year `{y}` is not a number")))?,
            ),
        };
        let mut names: [Vec<String>; 6] = Default::default();
        for (li, slot) in names.iter_mut().enumerate() {
            *slot = col(3 + li)
                .split(" | ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
        }
        if names.iter().all(Vec::is_empty) {
            return Err(err(line_no, format!("instrument `{id}` has no name")));
        }
        rows.push(Instrument {
            id: id.to_string(),
            kind_hint: col(1).to_string(),
            year,
            names,
        });
    }
    if !header_seen {
        return Err(err(0, "no header row".into()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
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
        /// The eight-byte skip never passes a byte that may change.
        #[test]
        fn skip_plain_skips_only_plain(parts in proptest::collection::vec(
            proptest::sample::select(vec!["a", "Z", " ", "  ", "\n", " \n", "\t", "\r", "-", "\x0B", "é", "’", "\u{a0}", "ё", "9", "~"]),
            0..40,
        )) {
            let text: String = parts.concat();
            let b = text.as_bytes();
            for i in 0..b.len() {
                let k = skip_plain(b, i);
                for j in i..k {
                    proptest::prop_assert!(!(CANDIDATE[b[j] as usize] && may_change(b, j)), "{text:?} {i} {j}");
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
