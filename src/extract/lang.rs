//! Language detection: which of the six official languages a document is in.
//!
//! Two signals, both read from a bounded prefix ([`PREFIX`] bytes) so the
//! cost per document is constant:
//!
//! 1. **Script.** Cyrillic letters mean Russian, Han characters Chinese,
//!    Arabic letters Arabic — when that script carries a fair share of the
//!    letters (UN texts in every language quote Latin symbols such as
//!    `A/RES/72/194`, and English texts quote names in other scripts).
//! 2. **Common words** for Latin-script text: counts of frequent function
//!    words that are distinctive for English, French and Spanish.
//!
//! Before both, the **masthead**: UN documents name the language of the
//! version on a line of its own near the top ("English", "Español",
//! "FRANÇAIS", "Russian"). That line wins over the counts, which matters for
//! an English cover letter with a long annex "circulated in Arabic only".
//!
//! Too little signal (a few words, only symbols and numbers) gives
//! [`Lang::Unknown`].

use crate::model::Lang;

/// How many bytes from the start of the text are looked at.
pub const PREFIX: usize = 4_000;

/// Detects the language of a document from its script and common words.
#[inline(never)] // called once a document; named in profiles (perf_stages.py)
pub fn detect(text: &str) -> Lang {
    let mut end = text.len().min(PREFIX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    if let Some(l) = masthead(text) {
        return l;
    }

    let (latin, cyr, han, arab) = script_counts(text.as_bytes());
    // A Han character is a word or half of one: weigh it like a short word.
    let han_w = han * 3;
    let total = latin + cyr + arab + han_w;
    if total < 20 {
        return Lang::Unknown;
    }
    let best = [(cyr, Lang::Ru), (han_w, Lang::Zh), (arab, Lang::Ar)]
        .into_iter()
        .max_by_key(|&(n, _)| n)
        .unwrap_or((0, Lang::Unknown));
    if best.0 * 10 >= total * 3 && best.0 >= 10 {
        return best.1;
    }
    latin_words(text)
}

/// Letters per script, counted on UTF-8 lead bytes (one table-free pass
/// over bytes, no char decoding): Latin (ASCII letters and U+00C0–U+024F),
/// Cyrillic (U+0400–U+04FF), Han (U+3400–U+9FFF, U+F900–U+FAFF) and Arabic
/// (U+0600–U+06FF, U+0750–U+077F, presentation forms U+FB50–U+FEFF).
fn script_counts(b: &[u8]) -> (usize, usize, usize, usize) {
    if b.is_ascii() {
        return (ascii_letters(b), 0, 0, 0);
    }
    // ASCII letters in one vectorisable pass; then the other bytes, by
    // class of `SCRIPT` (none, Latin, Cyrillic, Han, Arabic), skipping
    // ASCII 64 bytes at a time, to the block's first non-ASCII byte.
    let mut n = [0usize; 5];
    n[1] = ascii_letters(b);
    let mut i = 0;
    while i < b.len() {
        i = crate::text::classes::skip_ascii(b, i);
        let end = (i + 8).min(b.len());
        while i < end {
            let x = b[i];
            i += 1;
            if x < 0x80 {
                continue;
            }
            let c = SCRIPT[x as usize];
            if c < 5 {
                n[c as usize] += 1;
                continue;
            }
            let next = b.get(i).copied().unwrap_or(0);
            match (x, next) {
                (0xE3, 0x90..) | (0xEF, 0xA4..=0xAB) => n[3] += 1,
                (0xEF, 0xAD..=0xBB) => n[4] += 1,
                _ => {}
            }
        }
    }
    (n[1], n[2], n[3], n[4])
}

/// Script class of a byte for [`script_counts`]: 0 none, 1 Latin, 2
/// Cyrillic, 3 Han, 4 Arabic, 5 depends on the next byte (`E3`, `EF`).
static SCRIPT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        t[x] = match x as u8 {
            b'a'..=b'z' | b'A'..=b'Z' | 0xC3..=0xC9 => 1,
            0xD0..=0xD3 => 2,
            0xE4..=0xE9 => 3,
            0xD8..=0xDB | 0xDD => 4,
            0xE3 | 0xEF => 5,
            _ => 0,
        };
        x += 1;
    }
    t
};

/// How many bytes from the start are searched for a masthead language line.
pub const MASTHEAD: usize = 3_000;

/// Language names as UN mastheads print them on a line of their own.
const MASTHEAD_NAMES: &[(&str, Lang)] = &[
    ("english", Lang::En),
    ("french", Lang::Fr),
    ("français", Lang::Fr),
    ("spanish", Lang::Es),
    ("español", Lang::Es),
    ("russian", Lang::Ru),
    ("русский", Lang::Ru),
    ("chinese", Lang::Zh),
    ("中文", Lang::Zh),
    ("arabic", Lang::Ar),
    ("العربية", Lang::Ar),
];

/// The language named by a masthead line (a line that is only a language
/// name) in the first [`MASTHEAD`] bytes; "Original: English" does not count.
fn masthead(text: &str) -> Option<Lang> {
    let mut end = text.len().min(MASTHEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let b = text.as_bytes();
    let mut from = 0;
    loop {
        // (the line breaks 64 bytes at a time: a call of `memchr` and a
        // trim for each of the ~100 lines cost more than the word vote)
        let nl = crate::text::classes::find_any(b, from, end, b"\n").unwrap_or(end);
        if let Some(l) = masthead_line(&text[from..nl]) {
            return Some(l);
        }
        if nl == end {
            return None;
        }
        from = nl + 1;
    }
}

/// The language a line (without its line break) names, if it is only a
/// language name, white space around it aside.
#[inline]
fn masthead_line(line: &str) -> Option<Lang> {
    // Most lines are longer than any name: when they start and end with
    // ASCII that is not white space, trimming leaves them so.
    let r = line.as_bytes();
    let plain = |x: u8| x > b' ' && x < 0x80;
    if r.len() > 16 && plain(r[0]) && plain(r[r.len() - 1]) {
        return None;
    }
    let w = line.trim();
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    // (An ASCII line is compared as it is: no lower-cased copy.)
    if w.is_ascii() {
        return MASTHEAD_NAMES
            .iter()
            .find(|(name, _)| w.eq_ignore_ascii_case(name))
            .map(|&(_, l)| l);
    }
    let lw = w.to_lowercase();
    MASTHEAD_NAMES
        .iter()
        .find(|(name, _)| *name == lw)
        .map(|&(_, l)| l)
}

/// Function words that tell English, French and Spanish apart. Words shared
/// by two languages (`de`, `la`, `en`, `que`, `a`) are left out.
const WORDS: &[(&str, Lang)] = &[
    ("the", Lang::En),
    ("of", Lang::En),
    ("and", Lang::En),
    ("to", Lang::En),
    ("that", Lang::En),
    ("with", Lang::En),
    ("which", Lang::En),
    ("is", Lang::En),
    ("are", Lang::En),
    ("for", Lang::En),
    ("on", Lang::En),
    ("its", Lang::En),
    ("by", Lang::En),
    ("le", Lang::Fr),
    ("les", Lang::Fr),
    ("des", Lang::Fr),
    ("du", Lang::Fr),
    ("et", Lang::Fr),
    ("une", Lang::Fr),
    ("est", Lang::Fr),
    ("pour", Lang::Fr),
    ("dans", Lang::Fr),
    ("aux", Lang::Fr),
    ("qui", Lang::Fr),
    ("sur", Lang::Fr),
    ("avec", Lang::Fr),
    ("au", Lang::Fr),
    ("sa", Lang::Fr),
    ("ses", Lang::Fr),
    ("à", Lang::Fr),
    ("été", Lang::Fr),
    ("el", Lang::Es),
    ("los", Lang::Es),
    ("las", Lang::Es),
    ("del", Lang::Es),
    ("y", Lang::Es),
    ("por", Lang::Es),
    ("una", Lang::Es),
    ("con", Lang::Es),
    ("para", Lang::Es),
    ("al", Lang::Es),
    ("sus", Lang::Es),
    ("su", Lang::Es),
    ("se", Lang::Es),
    ("como", Lang::Es),
    ("sobre", Lang::Es),
];

/// [`WORDS`] that are ASCII, keyed by [`ascii_key`], in an open-addressing
/// table (a word is found in one or two probes; key 0, which no word has,
/// marks an empty slot), with their index in the vote (0 en, 1 fr, 2 es).
static ASCII_WORDS: std::sync::LazyLock<[(u64, u8); WORD_SLOTS]> = std::sync::LazyLock::new(|| {
    let mut t = [(0u64, 0u8); WORD_SLOTS];
    for &(w, l) in WORDS {
        if let Some(k) = ascii_key(w.as_bytes()) {
            // (every word is listed once: a test checks it)
            let mut i = word_slot(k);
            while t[i].0 != 0 {
                i = (i + 1) % WORD_SLOTS;
            }
            t[i] = (k, vote_index(l) as u8);
        }
    }
    t
});

/// Slots of [`ASCII_WORDS`] (a power of two, a few times the words).
const WORD_SLOTS: usize = 256;

fn word_slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % WORD_SLOTS
}

/// The vote index of an ASCII word key, if it is one of [`WORDS`].
#[inline]
fn ascii_vote(k: u64) -> Option<usize> {
    let t = &*ASCII_WORDS;
    let mut i = word_slot(k);
    loop {
        match t[i] {
            (0, _) => return None,
            (x, v) if x == k => return Some(usize::from(v)),
            _ => i = (i + 1) % WORD_SLOTS,
        }
    }
}

/// ASCII letters in `b`, counted in blocks small enough for byte counters
/// (which the compiler turns into vector code).
fn ascii_letters(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|c| {
            let n: u8 = c
                .iter()
                .map(|&x| u8::from((x | 0x20).wrapping_sub(b'a') < 26))
                .fold(0u8, u8::wrapping_add);
            usize::from(n)
        })
        .sum()
}

/// Where a language's votes go.
fn vote_index(l: Lang) -> usize {
    match l {
        Lang::En => 0,
        Lang::Fr => 1,
        _ => 2,
    }
}

/// An ASCII word of at most 5 bytes, lower-cased and packed in a number:
/// its bytes in order from the lowest, its length in the top byte (`None`
/// for longer or non-ASCII words).
#[inline]
fn ascii_key(w: &[u8]) -> Option<u64> {
    if w.len() > 5 || !w.is_ascii() {
        return None;
    }
    let mut k = (w.len() as u64) << 56;
    for (j, &x) in w.iter().enumerate() {
        k |= u64::from(x.to_ascii_lowercase()) << (8 * j);
    }
    Some(k)
}

/// [`ascii_key`] of `b[s..e]`, a word of one to five ASCII letters, from
/// one 8-byte load where the text holds 8 bytes from `s` (setting bit 5
/// lower-cases a letter), so the block path of [`latin_score`] reads a word
/// without a loop over its bytes.
#[inline]
fn letters_key(b: &[u8], s: usize, e: usize) -> Option<u64> {
    let len = e - s;
    if len > 5 || s + 8 > b.len() {
        return ascii_key(&b[s..e]);
    }
    let w = crate::text::swar::load(b, s) | 0x2020_2020_2020_2020;
    Some((w & ((1u64 << (8 * len)) - 1)) | (len as u64) << 56)
}

/// Common-word vote over Latin-script text. Stops once the vote is
/// settled (a few hundred function words), so long prefixes cost little.
fn latin_words(text: &str) -> Lang {
    let score = latin_score(text, true);
    let total: usize = score.iter().sum();
    let (i, &top) = score
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .unwrap_or((0, &0));
    // At least a few hits and a clear majority.
    if top < 3 || top * 2 <= total {
        return Lang::Unknown;
    }
    [Lang::En, Lang::Fr, Lang::Es][i]
}

/// The votes of [`latin_words`] (English, French, Spanish). The words are
/// read from bit masks 64 ASCII bytes at a time when `blocks`, else (and
/// in blocks holding other characters) character by character: the same
/// words either way (a test compares them).
fn latin_score(text: &str, blocks: bool) -> [usize; 3] {
    let mut score = [0usize; 3]; // en, fr, es
    let vote = |w: &str, score: &mut [usize; 3]| {
        if let Some(v) = vote_of(w) {
            score[v] += 1;
        }
    };
    let b = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    'scan: while i < b.len() {
        // A block of 64 ASCII bytes: its words are the runs of letters of
        // a bit mask (their starts and ends, in order).
        if blocks && i + 64 <= b.len() {
            let c = crate::text::classes::block(b, i);
            if c.high == 0 {
                let a = c.alpha;
                // Per byte: the one before is a letter of the same word.
                let prev = (a << 1) | u64::from(start.is_some());
                let starts = a & !prev;
                let ends = !a & prev;
                // Ends after six letters of the block close words longer
                // than the function words (most words): passed over.
                let long = prev & a << 2 & a << 3 & a << 4 & a << 5 & a << 6;
                let mut short = ends & !long;
                while short != 0 {
                    let k = short.trailing_zeros() as usize;
                    short &= short - 1;
                    // The word's start: the last one before its end in the
                    // block, else the one carried in (at most once a block).
                    let before = starts & ((1u64 << k) - 1);
                    let s = if before != 0 {
                        i + 63 - before.leading_zeros() as usize
                    } else {
                        match start.take() {
                            Some(s) => s,
                            None => continue,
                        }
                    };
                    let e = i + k;
                    let v = if e - s > 5 {
                        // (a longer word begun before the block)
                        None
                    } else if s >= i {
                        letters_key(b, s, e).and_then(ascii_vote)
                    } else {
                        // (begun in a block of other characters)
                        vote_of(&text[s..e])
                    };
                    if let Some(v) = v {
                        score[v] += 1;
                        if score.iter().sum::<usize>() >= 300 {
                            start = None;
                            break 'scan;
                        }
                    }
                }
                // The word running at the block's end: begun at the last
                // start, or before the block when it has none.
                start = if a >> 63 == 0 {
                    None
                } else if starts != 0 {
                    Some(i + 63 - starts.leading_zeros() as usize)
                } else {
                    start
                };
                i += 64;
                continue;
            }
        }
        // Otherwise character by character, to the block's end (or just
        // past it, to the end of a character).
        let stop = if blocks {
            (i + 64).min(b.len())
        } else {
            b.len()
        };
        while i < stop {
            let x = b[i];
            let (alpha, len) = if x < 0x80 {
                (x.is_ascii_alphabetic(), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphabetic(), c.len_utf8())
            };
            if alpha {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                vote(&text[s..i], &mut score);
                if score.iter().sum::<usize>() >= 300 {
                    break 'scan;
                }
            }
            i += len;
        }
    }
    if let Some(s) = start {
        vote(&text[s..], &mut score);
    }
    score
}

/// The vote index of a word, if it is one of [`WORDS`].
fn vote_of(w: &str) -> Option<usize> {
    // Function words are short; longer words never match.
    if w.len() > 5 {
        return None;
    }
    if let Some(k) = ascii_key(w.as_bytes()) {
        return ascii_vote(k);
    }
    let lw = w.to_lowercase();
    WORDS
        .iter()
        .find(|(x, _)| lw == *x)
        .map(|&(_, l)| vote_index(l))
}

/// Builds the word table now (see [`crate::extract::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&ASCII_WORDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_table() {
        let cases: &[(&str, Lang)] = &[
            (
                "Recalling its resolutions 72/194 of 19 December 2017 and 73/186 of 17 December 2018, \
                 and reaffirming the Charter of the United Nations,",
                Lang::En,
            ),
            (
                "Rappelant ses résolutions 72/194 du 19 décembre 2017 et 73/186 du 17 décembre 2018, \
                 et réaffirmant les buts et principes de la Charte des Nations Unies,",
                Lang::Fr,
            ),
            (
                "Recordando sus resoluciones 41/60 J, de 3 de diciembre de 1986, y 65/79, de 6 de \
                 diciembre de 2010, y reafirmando los propósitos y principios de la Carta de las Naciones Unidas,",
                Lang::Es,
            ),
            (
                "ссылаясь на свои резолюции 2042 (2012), 2043 (2012) и 2258 (2015) и вновь \
                 подтверждая свою решительную приверженность суверенитету Сирии,",
                Lang::Ru,
            ),
            (
                "回顾其以往关于叙利亚的各项决议，包括第2042(2012)、2043(2012)和2258(2015)号决议，",
                Lang::Zh,
            ),
            (
                "إذ يشير إلى قراراته 2042 (2012) و 2043 (2012) و 2258 (2015)، وإذ يؤكد من جديد التزامه القوي بسيادة سوريا",
                Lang::Ar,
            ),
            ("A/RES/72/194", Lang::Unknown),
            ("", Lang::Unknown),
            ("24-16433 (E) 2/10", Lang::Unknown),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), *want, "{text}");
        }
    }

    #[test]
    fn ascii_words_are_unique() {
        // One entry per word: a word listed twice would vote for whichever
        // the table holds.
        let mut keys: Vec<u64> = WORDS
            .iter()
            .filter_map(|&(w, _)| ascii_key(w.as_bytes()))
            .collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n);
        // and the table finds every one with its language, and nothing else
        for &(w, l) in WORDS {
            if let Some(k) = ascii_key(w.as_bytes()) {
                assert_eq!(ascii_vote(k), Some(vote_index(l)), "{w}");
            }
        }
        for w in ["then", "xyz", "a", "ab", "lesx", "thee"] {
            let k = ascii_key(w.as_bytes()).unwrap();
            assert_eq!(
                ascii_vote(k),
                WORDS.iter().find(|e| e.0 == w).map(|e| vote_index(e.1)),
                "{w}"
            );
        }
        assert_eq!(ascii_key(b"The"), ascii_key(b"the"));
        assert_eq!(ascii_key(b"longer"), None);
        assert_eq!(ascii_key("été".as_bytes()), None);
    }

    #[test]
    fn ascii_letters_is_a_plain_count() {
        let t: Vec<u8> = (0..3000u32).map(|i| (i * 7919 % 256) as u8).collect();
        for n in [0, 1, 254, 255, 256, 600, 3000] {
            let b = &t[..n];
            assert_eq!(
                ascii_letters(b),
                b.iter().filter(|x| x.is_ascii_alphabetic()).count()
            );
        }
    }

    #[test]
    fn script_counts_match_a_plain_count() {
        // The plain per-byte count the fast one must agree with.
        let plain = |b: &[u8]| {
            let (mut l, mut c, mut h, mut a) = (0, 0, 0, 0);
            for (i, &x) in b.iter().enumerate() {
                let next = b.get(i + 1).copied().unwrap_or(0);
                match x {
                    b'a'..=b'z' | b'A'..=b'Z' | 0xC3..=0xC9 => l += 1,
                    0xD0..=0xD3 => c += 1,
                    0xD8..=0xDB | 0xDD => a += 1,
                    0xE3 if next >= 0x90 => h += 1,
                    0xE4..=0xE9 => h += 1,
                    0xEF if (0xA4..=0xAB).contains(&next) => h += 1,
                    0xEF if (0xAD..=0xBB).contains(&next) => a += 1,
                    _ => {}
                }
            }
            (l, c, h, a)
        };
        for text in [
            "",
            "abc",
            "The Convention’s text, 2024 — Résumé",
            "ссылаясь на свои резолюции 2042 (2012) and A/RES/72/194",
            "回顾其以往关于叙利亚的各项决议，包括第2042(2012)号决议。ﾟ",
            "إذ يشير إلى قراراته ﻻ 2042 (2012) و",
        ] {
            assert_eq!(
                script_counts(text.as_bytes()),
                plain(text.as_bytes()),
                "{text}"
            );
        }
    }

    #[test]
    fn word_votes_table() {
        let cases: &[(&str, Lang)] = &[
            (
                "THE report OF the Secretary-General AND its annex",
                Lang::En,
            ),
            (
                "Le rapport DU Secrétaire général ET à été soumis à l'Assemblée",
                Lang::Fr,
            ),
            (
                "El informe DEL Secretario General y los anexos para el Consejo",
                Lang::Es,
            ),
            ("Xyz qwe rty", Lang::Unknown),
        ];
        for (text, want) in cases {
            assert_eq!(latin_words(text), *want, "{text}");
        }
    }

    #[test]
    fn letters_key_is_ascii_key() {
        let t = b"a The sobre WHICH x para-dans y";
        for s in 0..t.len() {
            for e in s + 1..=t.len().min(s + 5) {
                if t[s..e].iter().all(u8::is_ascii_alphabetic) {
                    assert_eq!(letters_key(t, s, e), ascii_key(&t[s..e]), "{s} {e}");
                }
            }
        }
    }

    #[test]
    fn bounded_prefix_on_char_boundary() {
        let mut s = "é".repeat(PREFIX);
        s.push_str(" the of and to");
        // Only the prefix counts, and cutting it never splits a char.
        assert_eq!(detect(&s), Lang::Unknown);
    }

    proptest::proptest! {
        /// The masthead line is the first of `str::lines` that is only a
        /// language name once trimmed and lower-cased.
        #[test]
        fn masthead_is_the_first_name_line(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "English", "  english\t", "\n", "\n", "Español", "FRANÇAIS", "Original: English", "\u{3000}",
                "Русский", "中文", "العربية", " ", "x", "United Nations A/RES/72/194 ", "\r", "Arabic ",
                "é", "General Assembly Distr.: General",
            ]),
            0..700,
        )) {
            let text: String = parts.concat();
            let mut end = text.len().min(MASTHEAD);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let want = text[..end].lines().find_map(|line| {
                let w = line.trim();
                if w.is_empty() || w.len() > 16 {
                    return None;
                }
                let w = w.to_lowercase();
                MASTHEAD_NAMES.iter().find(|(name, _)| *name == w).map(|&(_, l)| l)
            });
            proptest::prop_assert_eq!(masthead(&text), want, "{:?}", text);
        }

        /// Words read from 64-byte masks vote as words read char by char.
        #[test]
        fn block_words_vote_as_char_words(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "the ", "of", " ", "\n", "les", "de la", "los ", "é", "être ", "año", ",", "Ж",
                "The", "AND ", "x", "1", "-", "que", "’", "l'", "del ", "und",
                "sobre ", "Which", "United ", "Nations", "para", "abcdef",
            ]),
            0..1200,
        )) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(latin_score(&text, true), latin_score(&text, false), "{:?}", text);
        }
    }
}
