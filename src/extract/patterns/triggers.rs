//! The resolution and decision words of the six languages, found by a
//! literal scan of the stems they open with and read to their end by hand.
//!
//! Why not a regex: the words are a closed, finite set, and the unanchored
//! search of their regex (a Teddy prefilter, then a lazy DFA run forward
//! and back at each candidate) cost about 3 instructions a byte of text;
//! a Teddy scan of the stems and a look at the endings after each hit cost
//! a fraction of that. The regex is kept as the tests' oracle
//! (`TRIGGER` in `patterns`).

use aho_corasick::{AhoCorasick, MatchKind, packed};
use std::sync::LazyLock;

/// Endings of the English and French "resolution" and of the Spanish
/// "resolución" after the stem `Resolu`/`resolu`.
const RES: &[&str] = &["tions", "tion", "ciones", "ción"];
/// Endings after `Résolu`/`résolu` (French only).
const RES_ACCENT: &[&str] = &["tions", "tion"];
/// Endings after `RESOLU` (English, French, Spanish capitals).
const RES_UPPER: &[&str] = &["TIONS", "TION", "CIONES", "CIÓN"];
/// Endings after `RÉSOLU` (French capitals).
const RES_UPPER_ACCENT: &[&str] = &["TIONS", "TION"];
/// Endings after `Резолюци`/`резолюци`.
const RES_RU: &[&str] = &["ями", "ях", "ям", "ей", "я", "и", "ю"];
/// Endings after `РЕЗОЛЮЦИ`.
const RES_RU_UPPER: &[&str] = &["Я", "И", "Ю"];
/// Endings after the Arabic `قرار` and `مقرر`: plural (`ات`) or dual
/// (`ين`, `ي` before a suffix), each maybe with the possessive "its"
/// (`ها`, `ه`), or none.
const ARABIC: &[&str] = &[
    "", "ها", "ه", "ات", "اتها", "اته", "ين", "ينها", "ينه", "ي", "يها", "يه",
];
/// Endings after `Decisi`/`decisi` (Spanish, then English and French).
const DEC: &[&str] = &["ones", "ón", "ons", "on"];
/// Endings after `Décisi`/`décisi`.
const DEC_ACCENT: &[&str] = &["ons", "on"];
/// Endings after `DECISI`/`DÉCISI`.
const DEC_UPPER: &[&str] = &["ONS", "ON"];
/// Endings after `Решени`/`решени`.
const DEC_RU: &[&str] = &["ями", "ях", "ям", "ем", "е", "я", "ю", "и"];

/// Every stem a resolution or decision word opens with, with the endings
/// that complete it. No stem can start inside another's occurrence (see
/// the tests), so a non-overlapping scan of them sees every word's start.
pub(super) const STEMS: &[(&str, &[&str])] = &[
    ("Resolu", RES),
    ("resolu", RES),
    ("Résolu", RES_ACCENT),
    ("résolu", RES_ACCENT),
    ("RESOLU", RES_UPPER),
    ("RÉSOLU", RES_UPPER_ACCENT),
    ("Резолюци", RES_RU),
    ("резолюци", RES_RU),
    ("РЕЗОЛЮЦИ", RES_RU_UPPER),
    ("قرار", ARABIC),
    ("Decisi", DEC),
    ("decisi", DEC),
    ("Décisi", DEC_ACCENT),
    ("décisi", DEC_ACCENT),
    ("DECISI", DEC_UPPER),
    ("DÉCISI", DEC_UPPER),
    ("Решени", DEC_RU),
    ("решени", DEC_RU),
    ("مقرر", ARABIC),
];

/// The first words of the Treaty Series names (the `ts` group of
/// [`TREATY`](super::TREATY)): looked for by the scan of the stems, which
/// then tells where each of them starts ([`stems_and_treaty_words`]). Why:
/// two thirds of the text is in documents naming no Treaty Series, and the
/// stems' scan finds these words for little more, where a scan of its own
/// for them cost 1.4 instructions a byte; and a name is looked for only
/// there, anchored, where no "Ibid." can repeat one.
pub const TREATY_WORDS: &[&str] = &[
    "Treaty",
    "Recueil",
    "Recopilaci",
    "Сборник",
    "条约汇编",
    "條約彙編",
    "مجموعة",
];

/// The literals of [`STEM_SCAN`]: the stems (their index is the one in
/// [`STEMS`]), then the [`TREATY_WORDS`].
fn scanned() -> impl Iterator<Item = &'static str> {
    STEMS
        .iter()
        .map(|s| s.0)
        .chain(TREATY_WORDS.iter().copied())
}

/// A leftmost-first scan for a few literals: a packed (Teddy) searcher,
/// which checks its own candidates, where the machine has one; an
/// Aho-Corasick automaton otherwise.
pub(crate) enum Literals {
    /// Teddy.
    Packed(packed::Searcher),
    /// The fallback.
    Automaton(AhoCorasick),
}

impl Literals {
    /// The scan for `literals`; a hit's index is the literal's in the list.
    pub(crate) fn new(literals: &[&str]) -> Literals {
        let teddy = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(literals)
            .build();
        match teddy {
            Some(t) => Literals::Packed(t),
            None => Literals::Automaton(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(literals)
                    .expect("literals build an automaton"),
            ),
        }
    }

    /// The first hit at or after `from`: (start, end, literal index).
    #[inline]
    pub(crate) fn find_from(&self, hay: &[u8], from: usize) -> Option<(usize, usize, usize)> {
        if from > hay.len() {
            return None;
        }
        match self {
            Literals::Packed(t) => t
                .find_in(hay, aho_corasick::Span::from(from..hay.len()))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
            Literals::Automaton(a) => a
                .find(aho_corasick::Input::new(hay).range(from..))
                .map(|m| (m.start(), m.end(), m.pattern().as_usize())),
        }
    }
}

/// The scan for [`STEMS`] and [`TREATY_WORDS`] (together 26 literals: a
/// slim Teddy still, as beyond 32 it would be a slower fat one).
static STEM_SCAN: LazyLock<Literals> = LazyLock::new(|| {
    let literals: Vec<&str> = scanned().collect();
    Literals::new(&literals)
});

/// The end of the word that the stem `STEMS[k]`, found ending at `at`,
/// opens: the longest of its endings that follows (which is also the one
/// the regex alternation prefers: its shorter endings are listed after
/// the longer ones they start, and an Arabic dual `ين` is never followed
/// by a suffix that `ي` alone would take), if any does.
/// A Treaty Series word (`k` past the stems) opens none.
#[inline]
fn word_end(b: &[u8], at: usize, k: usize) -> Option<usize> {
    let rest = &b[at..];
    STEMS
        .get(k)?
        .1
        .iter()
        .filter(|e| rest.starts_with(e.as_bytes()))
        .map(|e| at + e.len())
        .max()
}

/// The resolution and decision words of `s` (`TRIGGER` (the test oracle in `patterns`)'s
/// matches), as (start, end), in text order and not overlapping.
pub fn triggers(s: &str) -> Triggers<'_> {
    Triggers {
        hay: s.as_bytes(),
        at: 0,
    }
}

/// The iterator of [`triggers`].
pub struct Triggers<'a> {
    hay: &'a [u8],
    /// Where the scan resumes: the end of the last word or stem.
    at: usize,
}

impl Iterator for Triggers<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            let (start, stem_end, k) = STEM_SCAN.find_from(self.hay, self.at)?;
            match word_end(self.hay, stem_end, k) {
                Some(end) => {
                    self.at = end;
                    return Some((start, end));
                }
                // No word: its stem cannot hold the start of another.
                None => self.at = stem_end,
            }
        }
    }
}

/// One stem of `STEMS` found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stem {
    /// Its start.
    pub start: usize,
    /// Its end (where the endings are looked for).
    pub end: usize,
    /// Which of [`STEMS`] it is.
    k: usize,
}

impl Stem {
    /// The stem's literal ("Resolu", "قرار", …).
    pub fn text(&self) -> &'static str {
        STEMS[self.k].0
    }
}

/// Every stem of `s`, in text order: all of them, none being able to start
/// inside another. Found once per text and read by both the resolution
/// words ([`triggers_in`]) and the World Health Assembly lists (which open
/// with some of the same words).
pub fn stems(s: &str) -> Vec<Stem> {
    stems_and_treaty_words(s).0
}

/// [`stems`], and the start of every one of the [`TREATY_WORDS`] in `s`
/// (in text order; no Treaty Series name starts anywhere else), found by
/// the same scan.
pub fn stems_and_treaty_words(s: &str) -> (Vec<Stem>, Vec<usize>) {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut treaty = Vec::new();
    let mut at = 0;
    while let Some((start, end, k)) = STEM_SCAN.find_from(b, at) {
        if k < STEMS.len() {
            out.push(Stem { start, end, k });
        } else {
            treaty.push(start);
        }
        at = end;
    }
    (out, treaty)
}

/// [`triggers`] read from the stems of `s` found beforehand
/// (`stems(s)`): the same words.
pub fn triggers_in<'a>(s: &'a str, stems: &'a [Stem]) -> impl Iterator<Item = (usize, usize)> + 'a {
    let b = s.as_bytes();
    let mut at = 0;
    stems.iter().filter_map(move |st| {
        if st.start < at {
            return None; // inside the last word
        }
        let end = word_end(b, st.end, st.k)?;
        at = end;
        Some((st.start, end))
    })
}

/// The end of the resolution or decision word that starts at `p`, if one
/// does (an anchored `TRIGGER` (the test oracle in `patterns`)).
pub fn trigger_at(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes().get(p..)?;
    STEMS
        .iter()
        .position(|(stem, _)| b.starts_with(stem.as_bytes()))
        .and_then(|k| word_end(s.as_bytes(), p + STEMS[k].0.len(), k))
}

/// Builds the scan now (see [`crate::extract::warm_up`]).
pub(crate) fn warm_up_triggers() {
    LazyLock::force(&STEM_SCAN);
}

#[cfg(test)]
mod tests {
    use super::super::TRIGGER;
    use super::*;
    use proptest::prelude::*;

    /// The old way: the regex's matches.
    fn by_regex(s: &str) -> Vec<(usize, usize)> {
        TRIGGER.find_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    /// Every word of the set, stem and ending.
    fn words() -> Vec<String> {
        STEMS
            .iter()
            .flat_map(|(stem, ends)| ends.iter().map(move |e| format!("{stem}{e}")))
            .collect()
    }

    #[test]
    fn no_stem_starts_inside_another() {
        for a in scanned() {
            for b in scanned() {
                for k in 1..a.len() {
                    let tail = &a.as_bytes()[k..];
                    assert!(
                        !b.as_bytes().starts_with(tail) && !tail.starts_with(b.as_bytes()),
                        "{b:?} may start inside {a:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_word_is_the_regexs() {
        for w in words() {
            assert_eq!(triggers(&w).collect::<Vec<_>>(), by_regex(&w), "{w:?}");
            assert_eq!(by_regex(&w), [(0, w.len())], "{w:?}");
            assert_eq!(trigger_at(&w, 0), Some(w.len()), "{w:?}");
        }
    }

    /// Pieces of texts: words, stems alone, near misses, and what may
    /// follow a stem.
    const PIECES: &[&str] = &[
        "resolution",
        "resolutions",
        "Resolución",
        "resoluciones",
        "resolucion",
        "résolution",
        "Résolutions",
        "RESOLUTION",
        "RÉSOLUTIONS",
        "RESOLUCIÓN",
        "RÉSOLUCIÓN",
        "Résolución",
        "резолюция",
        "Резолюциями",
        "резолюций",
        "РЕЗОЛЮЦИЯ",
        "РЕЗОЛЮЦИЙ",
        "قرار",
        "قراراتها",
        "قرارينه",
        "قراريه",
        "قراري",
        "مقرره",
        "مقررات",
        "decisión",
        "Decisiones",
        "decisions",
        "décision",
        "Décisiones",
        "DECISION",
        "DÉCISIONS",
        "DECISIÓN",
        "решение",
        "Решениями",
        "решений",
        "resolute",
        "resolu",
        "decisi",
        "Решени",
        "قرا",
        "مقر",
        "ات",
        "ين",
        "ي",
        "ه",
        "ها",
        "ن",
        "s",
        "S",
        "es",
        "ones",
        "ón",
        "on",
        "tion",
        "я",
        "ями",
        " ",
        "\n",
        "x",
        "72/194",
        "resources",
        "Res",
        "r",
        "R",
        "é",
    ];

    #[test]
    fn table() {
        let all = PIECES.join("");
        assert_eq!(triggers(&all).collect::<Vec<_>>(), by_regex(&all));
        let st = stems(&all);
        assert_eq!(triggers_in(&all, &st).collect::<Vec<_>>(), by_regex(&all));
        for p in PIECES {
            assert_eq!(triggers(p).collect::<Vec<_>>(), by_regex(p), "{p:?}");
        }
    }

    proptest! {
        #[test]
        fn the_scan_finds_the_regexs_matches(
            picks in proptest::collection::vec(0..PIECES.len(), 1..12),
        ) {
            let s: String = picks.iter().map(|&i| PIECES[i]).collect();
            prop_assert_eq!(triggers(&s).collect::<Vec<_>>(), by_regex(&s), "{:?}", s);
            let st = stems(&s);
            prop_assert_eq!(triggers_in(&s, &st).collect::<Vec<_>>(), by_regex(&s), "{:?}", s);
            for p in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
                let anchored = TRIGGER.find_at(&s, p).filter(|m| m.start() == p).map(|m| m.end());
                prop_assert_eq!(trigger_at(&s, p), anchored, "{:?} at {}", s, p);
            }
        }

        #[test]
        fn the_scan_agrees_in_any_text(s in "[a-zA-Zéó ĖРрезолюцияшн\u{0642}\u{0631}\u{0627}\u{0645}\u{0647}\u{064A}\u{0646}\u{062A}]{0,40}") {
            prop_assert_eq!(triggers(&s).collect::<Vec<_>>(), by_regex(&s), "{:?}", s);
        }
    }
}
