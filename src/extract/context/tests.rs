//! The passage rules, and the fast implementation against the reference.

use super::bounds::*;
use super::collapse::{SPECIAL, space_width};
use super::*;

/// (text with the citation between `[` and `]`, expected context).
const CASES: &[(&str, &str)] = &[
    (
        "The General Assembly,\n\nRecalling its resolution [70/1] of 25 September 2015, entitled \"Transforming our world\",\n\nNoting",
        "Recalling its resolution 70/1 of 25 September 2015, entitled \"Transforming our world\",",
    ),
    (
        "1. Decides to review resolution [72/194] at its\n seventy-fifth   session;\n2. Requests",
        "Decides to review resolution 72/194 at its seventy-fifth session;",
    ),
    (
        "It acts. Recalling also resolution [2178 (2014)] on fighters. And more.",
        "Recalling also resolution 2178 (2014) on fighters.",
    ),
    (
        "United Nations, Treaty Series, vol. 2225, No. [39574]. Next sentence.",
        "United Nations, Treaty Series, vol. 2225, No. 39574.",
    ),
    (
        "See para. 94 of resolution [69/313]; see also A. B. Smith.",
        "See para. 94 of resolution 69/313;",
    ),
    (
        "Rappelant sa résolution [72/194] du 19 décembre 2017,",
        "Rappelant sa résolution 72/194 du 19 décembre 2017,",
    ),
    ("回顾其第[72/194]号决议。又回顾", "回顾其第72/194号决议。"),
    ("[A/78/305]", "A/78/305"),
    (
        "Recognizing the Convention [27531] as\n__________________\n1 See",
        "Recognizing the Convention 27531 as 1 See",
    ),
    ("   \n  [S/RES/1(1946)]  \n ", "S/RES/1(1946)"),
];

fn run(case: &str) -> String {
    let start = case.find('[').unwrap();
    let text = case.replacen('[', "", 1).replacen(']', "", 1);
    let end = case.find(']').unwrap() - 1;
    context(&text, start, end, 0, text.len())
}

/// Pieces of text that matter to the passage: stops, abbreviations in any
/// case, initials, blank lines, paragraph numbers and list marks, ASCII,
/// wide and Unicode spaces, multi-byte characters (some sharing bytes with
/// the stops), quotes, footnote rules, list items, page furniture.
const PIECES: &[&str] = &[
    "Recalling",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n \n",
    "\n\t\r\n",
    ". ",
    "; ",
    "。",
    "；",
    "؛",
    "No. 5",
    " para. ",
    "A. B. ",
    "1. ",
    "12. ",
    "1234. ",
    "(a) ",
    "*",
    "**",
    "#",
    "-",
    "•",
    "\u{a0}",
    "\u{200b}",
    "\u{3000}",
    "\u{85}",
    "\u{1680}",
    "\u{2007}",
    "\u{2028}",
    "\u{202f}",
    "\u{205f}",
    "\u{0b}",
    "\u{0c}",
    "résolution",
    "72/194",
    "Резолюция",
    "決議",
    "قرار",
    "? ",
    "! ",
    "“Quote",
    "«",
    "‘",
    "'",
    "(",
    "___",
    "__",
    "____________",
    "xxxxxxxxxxxxxxxxxxxx",
    "word ",
    "Capital ",
    "0",
    "12",
    "\t",
    "\r\n",
    "vol. ",
    "Vol. ",
    "VOL. ",
    "i.e. ",
    "e.g. ",
    "Mr. ",
    "n° ",
    "nº ",
    "см. ",
    "Núm. ",
    "APPROX. ",
    "approxi. ",
    "İ. ",
    "ΣΟΣ. ",
    "É. ",
    "Add.1",
    "3.5",
    "…",
    "–",
    "resolutions 72/194, 72/284 and 73/211",
    " (2014), ",
    "A/HRC/43/15/Add.1",
    "\u{c}\n",
    "24-16433 (E)\n",
    "2/10\n",
    "\u{2082}",
    "\u{ff1b}",
    "\u{61b}",
    "›",
    "é",
    "ü",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// Same passage as the char-by-char implementation, on texts made of
    /// the pieces that matter.
    #[test]
    fn same_as_reference(parts in proptest::collection::vec(
        proptest::sample::select(PIECES),
        0..400,
    ), a in 0usize..6000, l in 0usize..6000, w in 0usize..60, h in 0usize..6000) {
        let text: String = parts.concat();
        let n = text.len();
        let start = a.min(n);
        let end = (start + w).min(n);
        let got = context(&text, start, end, l.min(start), h.max(end));
        let want = reference::context(&text, start, end, l.min(start), h.max(end));
        proptest::prop_assert_eq!(got, want);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]
    /// Every citation of a long list in one sentence (each its own window).
    #[test]
    fn lists_same_as_reference(items in proptest::collection::vec(
        proptest::sample::select(vec![
            "72/194", "2178 (2014)", "A/HRC/43/15/Add.1", "S/2023/363", "73/211 A and B",
            "第72/194号", "résolution 1/2", "No. 39574",
        ]),
        1..120,
    ), seps in proptest::collection::vec(
        proptest::sample::select(vec![", ", ",\n   ", " and ", ", ", " et ", "、", ",  ", ",\u{a0}"]),
        1..120,
    ), lead in proptest::sample::select(vec!["", "1. ", "Recalling its resolutions ", "\n\n* "]),
       tail in proptest::sample::select(vec!["", ";", ".", ". Next", "\n\nNext"])) {
        let mut text = String::from(lead);
        let mut spans = Vec::new();
        for (k, item) in items.iter().enumerate() {
            if k > 0 {
                text.push_str(seps[k % seps.len()]);
            }
            spans.push((text.len(), text.len() + item.len()));
            text.push_str(item);
        }
        text.push_str(tail);
        for (s, e) in spans {
            proptest::prop_assert_eq!(
                context(&text, s, e, 0, text.len()),
                reference::context(&text, s, e, 0, text.len())
            );
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// Collapsing in stretches is collapsing char by char.
    #[test]
    fn collapse_same_as_reference(parts in proptest::collection::vec(
        proptest::sample::select(PIECES),
        0..60,
    )) {
        let text: String = parts.concat();
        let mut got = String::from("x");
        collapse_range(&mut got, &text, 0, text.len());
        proptest::prop_assert_eq!(&got[1..], reference::collapse(&text));
    }

    /// A range of a longer text is collapsed as the text cut to it: the
    /// blocks read past its end (or start from anywhere in it) change
    /// nothing.
    #[test]
    fn collapse_range_same_as_reference(parts in proptest::collection::vec(
        proptest::sample::select(PIECES),
        0..80,
    ), a in 0usize..2000, w in 0usize..400) {
        let text: String = parts.concat();
        let from = floor(&text, a.min(text.len()));
        let to = ceil(&text, (from + w).min(text.len()));
        let mut got = String::from("x");
        collapse_range(&mut got, &text, from, to);
        proptest::prop_assert_eq!(&got[1..], reference::collapse(&text[from..to]));
    }

    /// The same, char by char from a small alphabet: every alignment of
    /// spaces, newlines and multi-byte characters in the 64-byte blocks
    /// and across their ends.
    #[test]
    fn collapse_words_same_as_reference(chars in proptest::collection::vec(
        proptest::sample::select(vec![
            'a', 'b', ' ', ' ', '\n', '\t', '\u{a0}', '\u{2028}', 'é', '“', '•', '_', '\u{3000}',
            '\u{1680}', '\u{85}', '\u{b}', '\u{1}',
        ]),
        0..200,
    ), a in 0usize..400, w in 0usize..200) {
        let text: String = chars.into_iter().collect();
        let mut got = String::new();
        collapse_range(&mut got, &text, 0, text.len());
        proptest::prop_assert_eq!(got, reference::collapse(&text));
        let from = floor(&text, a.min(text.len()));
        let to = ceil(&text, (from + w).min(text.len()));
        let mut got = String::new();
        collapse_range(&mut got, &text, from, to);
        proptest::prop_assert_eq!(got, reference::collapse(&text[from..to]));
        let cited = text.find('b').unwrap_or(0);
        proptest::prop_assert_eq!(
            context(&text, cited, cited + 1, 0, text.len()),
            reference::context(&text, cited, cited + 1, 0, text.len())
        );
    }
}

/// The white space `space_width` reads from bytes is `char::is_whitespace`
/// and U+200B, for every character, and what it skips are whole characters.
#[test]
fn space_width_is_char_whitespace() {
    let mut buf = [0u8; 8];
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let s = c.encode_utf8(&mut buf);
        let want = (c.is_whitespace() || c == '\u{200b}').then_some(s.len());
        assert_eq!(space_width(s.as_bytes(), 0), want, "{c:?}");
        if want.is_some() && s.len() > 1 {
            assert!(SPECIAL[s.as_bytes()[0] as usize], "{c:?}");
        }
    }
    // Cut short at the end of the text: no space, no panic.
    assert_eq!(space_width(b"\xe2\x80", 0), None);
    assert_eq!(space_width(b"", 0), None);
}

/// The allocation-free full-stop test is the reference's.
#[test]
fn full_stops_are_the_reference_ones() {
    let words = [
        "No",
        "NOS",
        "vol",
        "Para",
        "p",
        "A",
        "é",
        "5",
        "°",
        "º",
        "n°",
        "Nº",
        "NÚM",
        "approx",
        "APPROX",
        "approxi",
        "İ",
        "ΣΟΣ",
        "СМ",
        "гг",
        "e.g",
        "I.E",
        "Etc",
        "Mmes",
        "x.y.z",
        "",
        "a.b.c.d.e.f.g",
        "Ibid",
        "ibidem",
        "(a",
        "see no",
        "éNo",
        "éno.vol",
        "abcdefg",
        "approx7",
        "x approx",
        "1.A",
        "\u{a0}P",
    ];
    let nexts = [
        " X", " 5", " “Q", " (a", " x", "X", "", "  \n X", "\u{a0}Y", " É",
    ];
    for w in words {
        for stop in [".", "!", "?"] {
            for n in nexts {
                let t = format!("{w}{stop}{n}");
                let dot = w.len();
                assert_eq!(
                    ends_sentence(&t, dot, dot + 1),
                    reference::ends_sentence(&t, dot, dot + 1),
                    "{t:?}"
                );
            }
        }
    }
    assert!(ABBREVIATIONS.iter().all(|a| a.len() <= WORD_BYTES));
    assert_eq!(
        ABBREVIATION_CHARS,
        ABBREVIATIONS
            .iter()
            .map(|a| a.chars().count())
            .max()
            .unwrap()
    );
}

/// The real texts (`../shared/corpus`, skipped when absent): the passage
/// of every number that looks cited, with and without paragraph bounds,
/// is the reference's, and the same through [`Passages`].
#[test]
fn corpus_same_as_reference() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("skipped: no ../shared/corpus");
        return;
    }
    let found = crate::input::discover(std::slice::from_ref(&root));
    let mut calls = 0;
    // Every 8th file keeps the debug build quick; all languages occur.
    for path in found.files.iter().step_by(8) {
        let Ok(doc) = crate::input::read(path) else {
            continue;
        };
        let t = doc.raw.as_str();
        let b = t.as_bytes();
        // The same citations in text order through one `Passages`.
        let mut passages = Passages::new(t);
        let mut i = 0;
        while let Some(p) = memchr::memchr(b'/', &b[i..]) {
            let s = i + p;
            i = s + 1;
            if s == 0 || !b[s - 1].is_ascii_digit() {
                continue;
            }
            let start = s - b[..s]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let end = s + 1 + b[s + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let para = (start.saturating_sub(start % 700), (end + 400).min(t.len()));
            assert_eq!(
                passages.context(start, end, para.0, t.len()),
                context(t, start, end, para.0, t.len()),
                "{path:?} {start}..{end} from {}",
                para.0
            );
            for (lo, hi) in [(0, t.len()), para] {
                assert_eq!(
                    context(t, start, end, lo, hi),
                    reference::context(t, start, end, lo, hi),
                    "{path:?} {start}..{end} in {lo}..{hi}"
                );
                calls += 1;
            }
        }
    }
    assert!(calls > 1000, "{calls}");
}

#[test]
fn long_runs_match_the_reference() {
    let run = "resolution 72/194,\n".repeat(400);
    for at in [0, 19, 3000, 3800, run.len() - 19] {
        assert_eq!(
            context(&run, at, at + 18, 0, run.len()),
            reference::context(&run, at, at + 18, 0, run.len())
        );
    }
    let wide = format!(
        "1. {}Recalling resolution 72/194{}",
        "a ".repeat(500),
        " b".repeat(500)
    );
    let at = wide.find("72/194").unwrap();
    assert_eq!(
        context(&wide, at, at + 6, 0, wide.len()),
        reference::context(&wide, at, at + 6, 0, wide.len())
    );
}

#[test]
fn byte_stops_are_the_char_stops() {
    // The stops, and characters sharing their last bytes.
    let t = "a;b.c!d?e。f；g؛h‚i›j\u{82}k\u{9b}l\u{2082}m\u{ff1b}n\u{61b}o\u{e3}";
    let b = t.as_bytes();
    for (i, c) in t.char_indices() {
        let last = i + c.len_utf8() - 1;
        let want = if reference::is_hard_stop(c) {
            Some((i, true))
        } else if reference::is_soft_stop(c) {
            Some((i, false))
        } else {
            None
        };
        assert_eq!(stop_ending_at(b, last), want, "{c:?}");
        assert!(want.is_none() || STOP_LAST_BYTE[b[last] as usize], "{c:?}");
    }
}

#[test]
fn table() {
    for (case, want) in CASES {
        assert_eq!(run(case), *want, "case {case:?}");
    }
}

#[test]
fn long_sentences_are_cut_around_the_citation() {
    let before = "word ".repeat(200);
    let after = " more".repeat(200);
    let case = format!("{before}resolution [70/1]{after}.");
    let got = run(&case);
    assert!(got.chars().count() <= MAX_CHARS, "{}", got.chars().count());
    assert!(got.starts_with('…') && got.ends_with('…'), "{got}");
    assert!(got.contains("word resolution 70/1 more"), "{got}");
}

#[test]
fn paragraph_bounds_and_odd_offsets() {
    let t = "Noting resolution 1/2, Recalling resolution 3/4, tail";
    let s = t.find("3/4").unwrap();
    let lo = t.find("Recalling").unwrap();
    assert_eq!(
        context(t, s, s + 3, lo, t.len()),
        "Recalling resolution 3/4, tail"
    );
    // Offsets inside a character, past the end, reversed: no panic.
    let t = "é 72/194 ü";
    for (a, b) in [(1, 4), (100, 200), (5, 2), (0, 0)] {
        let _ = context(t, a, b, 0, t.len());
    }
}

proptest::proptest! {
    /// The 64-byte masks of sentence bounds are what a byte scan finds,
    /// anywhere in a text (blocks reaching past the range, or before it
    /// near the end), and the vector count of the bytes counted towards
    /// `FAR` is the table's.
    #[test]
    fn bound_masks_are_byte_scans(
        parts in proptest::collection::vec(
            proptest::sample::select(vec!["word ", "\n", ". ", ";", "。", "؛", "?", "x", "é", "  ", "!", "*", "-", "\u{a0}", "“"]),
            0..120,
        ),
        cut in 0usize..1000,
        len in 1usize..65,
    ) {
        let t: String = parts.concat();
        let b = t.as_bytes();
        let from = cut.min(b.len().saturating_sub(1));
        let n = len.min(b.len() - from);
        proptest::prop_assume!(n > 0);
        let is_bound = |c: &u8| CLASS[*c as usize] & BOUND != 0;
        let want = b[from..from + n]
            .iter()
            .enumerate()
            .fold(0u64, |m, (k, c)| m | u64::from(is_bound(c)) << k);
        proptest::prop_assert_eq!(bounds_in(b, from, n), want);
        let to = (from + 10 * len).min(b.len());
        proptest::prop_assert_eq!(
            counted(&b[from..to]),
            b[from..to].iter().filter(|&&c| COUNTED[c as usize]).count()
        );
    }
}

/// The branch-free byte test counted towards `FAR` is the rule it states:
/// ASCII but white space, controls, `*`, `#`, `-`, DEL; lead bytes but the
/// ones that may start a Unicode space, U+200B or `•`.
#[test]
fn counted_bytes_are_the_rule() {
    for c in 0..=255u8 {
        let want = (0x21..0x7f).contains(&c) && !matches!(c, b'*' | b'#' | b'-')
            || c >= 0xC0 && !matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3);
        assert_eq!(COUNTED[c as usize], want, "{c:#x}");
    }
}

/// The passages of `spans` (in text order) through one [`Passages`], each
/// checked against a call on its own and against the reference.
fn passages_one_by_one(text: &str, spans: &[(usize, usize, usize, usize)]) {
    let mut passages = Passages::new(text);
    for &(s, e, lo, hi) in spans {
        let got = passages.context(s, e, lo, hi);
        assert_eq!(got, context(text, s, e, lo, hi), "{s}..{e} in {lo}..{hi}");
        assert_eq!(got, reference::context(text, s, e, lo, hi), "{s}..{e}");
    }
}

#[test]
fn runs_of_citations_are_passages_one_by_one() {
    let text = "1. Recalls its resolutions 72/194, 72/284 and 73/174. Notes A/78/305 of 2023; \
                and S/2023/363.\n\n2. Decides resolution 1/2 and\n \n resolution 3/4 No. 5/6 \
                and vol. 7/8. Then 9/10";
    let spans: Vec<(usize, usize)> = ["72/194", "72/284", "73/174", "A/78/305", "S/2023/363"]
        .iter()
        .map(|c| text.find(c).unwrap())
        .chain(
            ["1/2", "3/4", "5/6", "7/8", "9/10"]
                .iter()
                .map(|c| text.find(c).unwrap()),
        )
        .zip([6, 6, 6, 8, 10, 3, 3, 3, 3, 4])
        .map(|(s, n)| (s, s + n))
        .collect();
    let para = text.find("2. Decides").unwrap();
    // The whole text, then paragraph bounds (the same for a run, then new).
    let whole: Vec<_> = spans.iter().map(|&(s, e)| (s, e, 0, text.len())).collect();
    passages_one_by_one(text, &whole);
    let paras: Vec<_> = spans
        .iter()
        .map(|&(s, e)| {
            if s < para {
                (s, e, 0, para)
            } else {
                (s, e, para, text.len())
            }
        })
        .collect();
    passages_one_by_one(text, &paras);
    // Repeated, nested and overlapping spans, a span ending on a bound.
    let stop = text.find(". Notes").unwrap();
    let (a, _) = spans[0];
    passages_one_by_one(
        text,
        &[
            (a, a + 6, 0, text.len()),
            (a, a + 6, 0, text.len()),
            (a, a + 3, 0, text.len()),
            (a + 2, stop, 0, text.len()),
            (a + 2, stop + 1, 0, text.len()),
            (stop + 1, stop + 2, 0, text.len()),
        ],
    );
    // Long runs of a list: past FAR from the first of them.
    let list = format!("Recalling resolutions {}.", "72/194, ".repeat(300));
    let spans: Vec<_> = (0..300)
        .map(|k| {
            let s = 22 + 8 * k;
            (s, s + 6, 0, list.len())
        })
        .collect();
    passages_one_by_one(&list, &spans);
    // Wide runs: many more bytes than counted ones, so that the count of
    // the stretch from the sentence start is carried from one citation to
    // the next over many of them before it passes FAR, with a bound (a
    // blank line, a stop) now and then.
    for gap in [
        "             ",
        " \n    \t    ",
        " * - # ",
        "             \n\n",
    ] {
        let item = format!("72/194,{gap}");
        let list = format!("Recalling resolutions {}.", item.repeat(120));
        let spans: Vec<_> = (0..120)
            .map(|k| {
                let s = 22 + item.len() * k;
                (s, s + 6, 0, list.len())
            })
            .collect();
        passages_one_by_one(&list, &spans);
        let every_third: Vec<_> = spans.iter().copied().step_by(3).collect();
        passages_one_by_one(&list, &every_third);
        // The sentence bounds themselves (a passage may not tell a bound
        // carried over from one just past FAR).
        for step in [1, 3] {
            let mut passages = Passages::new(&list);
            for &(s, e, lo, hi) in spans.iter().step_by(step) {
                assert_eq!(
                    passages.sentence_start(lo, s),
                    sentence_start(&list, lo, s),
                    "{gap:?} at {s}"
                );
                // Again, and past the comma and the spaces after it (no
                // byte counted since the last end).
                for e in [e, e, e + 1, e + 3] {
                    assert_eq!(
                        passages.sentence_end(e, hi),
                        sentence_end(&list, e, hi),
                        "{gap:?} at {e}"
                    );
                }
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1500))]
    /// Several citations of one text in text order, through one
    /// [`Passages`]: each the passage of a call on its own.
    #[test]
    fn passages_same_as_calls_one_by_one(parts in proptest::collection::vec(
        proptest::sample::select(PIECES),
        0..300,
    ), cites in proptest::collection::vec((0usize..4000, 0usize..40, 0usize..3), 1..12),
       para in 0usize..4000) {
        let text: String = parts.concat();
        let n = text.len();
        let mut cites: Vec<_> = cites.into_iter().map(|(a, w, k)| (a.min(n), w, k)).collect();
        cites.sort();
        let mut passages = Passages::new(&text);
        for (start, w, k) in cites {
            let end = (start + w).min(n);
            // Bounds: the whole text, a paragraph split at `para`, or one
            // around the citation.
            let (lo, hi) = match k {
                0 => (0, n),
                1 if start < para => (0, para.min(n)),
                1 => (para.min(start), n),
                _ => (start.saturating_sub(w * 7), end + w * 5),
            };
            // The sentence start, carried over or not, is the scan's.
            let mut starts = Passages { ..passages };
            let st = floor(&text, start.min(n));
            let lo_ = floor(&text, lo.min(st).max(st.saturating_sub(SCAN)));
            proptest::prop_assert_eq!(
                starts.sentence_start(lo_, st),
                sentence_start(&text, lo_, st)
            );
            let en = ceil(&text, (start + w).min(n).max(st));
            let hi_ = ceil(&text, hi.clamp(en, n).min(en.saturating_add(SCAN)));
            proptest::prop_assert_eq!(starts.sentence_end(en, hi_), sentence_end(&text, en, hi_));
            let got = passages.context(start, end, lo, hi);
            proptest::prop_assert_eq!(&got, &context(&text, start, end, lo, hi));
            proptest::prop_assert_eq!(got, reference::context(&text, start, end, lo, hi));
        }
    }
}
