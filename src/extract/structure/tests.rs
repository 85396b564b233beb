//! Tests of the paragraph structure and the furniture, among them the
//! agreement of the fast implementations with [`super::reference`].

use super::furniture::{may_be_furniture, occurs_in};
use super::*;
use proptest::prelude::*;

proptest::proptest! {
    #[test]
    fn occurs_in_is_memmem(hay in "[ab\n é]{0,40}", needle in "[ab é]{0,4}") {
        let want = memchr::memmem::find(hay.as_bytes(), needle.as_bytes()).is_some();
        proptest::prop_assert_eq!(occurs_in(hay.as_bytes(), needle.as_bytes()), want);
    }

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
    fn the_body_from_its_start_is_the_char_trim(t in "[a* #_>\t\n\u{a0}\u{3000}é\u{85}]{0,12}") {
        let want = t.trim_matches(is_mark);
        match body_start(&t) {
            None => prop_assert_eq!(want, ""),
            Some(q) => prop_assert_eq!(body_from(&t, q), want),
        }
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
    assert_eq!(reference::opening_words(&"Recalling".repeat(10)), "");
    assert_eq!(cue_of(&"Recalling".repeat(10)), "");
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
        let w = reference::opening_words(text);
        assert_eq!(w, want, "{text}");
        assert!(reference::is_cue(&w), "{text}");
        assert_eq!(cue_of(text), want, "{text}");
    }
}

/// Pieces of opening words: cues and prefixes of several languages,
/// words that are none, apostrophes, marks, separators and Unicode spaces.
const WORD_PIECES: &[&str] = &[
    "Recalling",
    "Taking",
    "note",
    "Bearing",
    "in",
    "Deeply",
    "concerned",
    "Also",
    "Further",
    "Decides",
    "Requests",
    "The",
    "We",
    "S'",
    "S’",
    "engageant",
    "Se",
    "félicitant",
    "L'",
    "Assemblée",
    "إذ",
    "تشير",
    "وإذ",
    "回顾其第",
    "表示注意到秘书长",
    "大会",
    "Ссылаясь",
    "Вновь",
    "подтверждая",
    "Recalling'",
    "'Recalling",
    "Noting,",
    "(a)",
    "1.",
    "*",
    ",",
    " ",
    "\t",
    "\u{a0}",
    "\u{3000}",
    "\u{85}",
    "—",
    "’",
    "'",
    "é",
    "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxing",
    "Profondément",
    "préoccupée",
    "Noting’",
    "Recalling'Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxing",
    "Having",
    "considered",
    "Paying",
    "tribute",
    "_",
    "#",
    ">",
];

/// Lines of resolutions, reports and footnote zones, as the paragraph
/// reader meets them (the oracle and the fast reader read texts made of them).
const LINE_PIECES: &[&str] = &[
    "The General Assembly,",
    "  L’Assemblée générale,",
    "Le Conseil de sécurité ,",
    "Recalling its resolution 72/194 of",
    "19 December 2017,",
    "2 March 1991, and",
    "*Rappelant* sa résolution",
    "Taking note of the report",
    "1.",
    "1. Decides to act on 73/1;",
    "2. *Prie* le Secrétaire",
    "3. Requests",
    "4.5 million",
    "12. Recalls that resolution 72/194",
    "  7.\tUrges",
    "#8. Notes",
    "__________________",
    "-----",
    "- a dash",
    "1 A/78/305.",
    "12\tIbid.",
    "3 Resolution 217 A (III).",
    "* 2 “Report”",
    "> quoted text",
    "回顾其第72/194号决议",
    "إذ تشير إلى قرارها",
    "\u{a0}\u{a0}Noting",
    "\u{3000}",
    "text that runs on, with 5. inside",
    "and ends here.",
    "",
    " ",
    "\t",
    "\r",
    "*",
];

/// A text of `lines` joined by `\n`, with a final `\n` or not.
fn text_of(lines: &[&str], end: bool) -> String {
    let mut t = lines.join("\n");
    if end {
        t.push('\n');
    }
    t
}

/// The paragraphs of a [`Structure`] as the oracle gives them.
fn paras_of(s: &Structure) -> Vec<reference::Para> {
    s.paras
        .iter()
        .map(|p| (p.start, p.label.to_string(), p.cue.to_string()))
        .collect()
}

proptest::proptest! {
    #[test]
    fn lines_are_split_inclusive(t in "[a\n é\r]{0,200}") {
        let mut got: Vec<&str> = Vec::new();
        each_line(&t, |s, e| got.push(&t[s..e]));
        let want: Vec<&str> = t.split_inclusive('\n').collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn cue_of_is_opening_words_that_are_cues(
        words in prop::collection::vec(prop::sample::select(WORD_PIECES), 0..6),
        glue in prop::collection::vec(prop::sample::select(&["", " ", "*", ",", "\u{a0}"][..]), 6),
    ) {
        let s: String = words.iter().zip(&glue).flat_map(|(w, g)| [*w, *g]).collect();
        let old = reference::opening_words(&s);
        let want = if reference::is_cue(&old) { old.into_owned() } else { String::new() };
        prop_assert_eq!(cue_of(&s), want, "{:?}", s);
    }

    #[test]
    fn read_agrees_with_the_oracle(
        lines in prop::collection::vec(prop::sample::select(LINE_PIECES), 0..40),
        end in any::<bool>(),
    ) {
        let t = text_of(&lines, end);
        prop_assert_eq!(paras_of(&Structure::read(&t)), reference::read(&t), "{:?}", t);
    }

    #[test]
    fn read_agrees_with_the_oracle_on_any_text(t in "[13. \nDR_*#a\u{a0}-]{0,80}") {
        prop_assert_eq!(paras_of(&Structure::read(&t)), reference::read(&t), "{:?}", t);
    }

    #[test]
    fn furniture_opens_as_the_filter_says(t in "[ \t]{0,2}[0-9*]{1,4}[0-9/* \t(E)-]{0,24}") {
        if FURNITURE.is_match(&t) {
            let q = t.bytes().position(|c| !matches!(c, b' ' | b'\t')).unwrap_or(t.len());
            prop_assert!(may_be_furniture(&t.as_bytes()[q..]), "{:?}", t);
        }
    }

    #[test]
    fn blank_furniture_agrees_with_the_oracle(
        lines in prop::collection::vec(prop::sample::select(FURNITURE_PIECES), 0..40),
        end in any::<bool>(),
        header in prop::sample::select(&[None, Some("A/80/L.1"), Some("É/80/1"), Some("A/80 L.1"), Some("A/"), Some("80")][..]),
    ) {
        let t = text_of(&lines, end);
        let (mut fast, mut slow) = (t.clone(), t.clone());
        let got = blank_furniture(&mut fast, header);
        let want = reference::blank_furniture(&mut slow, header);
        prop_assert_eq!(got, want, "{:?}", t);
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn find_then_blank_is_blank_furniture(
        lines in prop::collection::vec(prop::sample::select(FURNITURE_PIECES), 0..40),
        end in any::<bool>(),
        header in prop::sample::select(&[None, Some("A/80/L.1"), Some("É/80/1"), Some("A/80 L.1")][..]),
    ) {
        // (what `Extractor::run_each` does with a borrowed text)
        let t = text_of(&lines, end);
        let mut want_text = t.clone();
        let want = blank_furniture(&mut want_text, header);
        let found = super::find_furniture(&t, header);
        let mut got_text = t.clone();
        super::blank(&mut got_text, &found);
        prop_assert_eq!(found, want, "{:?}", t);
        prop_assert_eq!(got_text, want_text);
    }
}

/// Lines of PDF extractions: furniture, headers (plain and not) with
/// the lines that follow them, and text.
const FURNITURE_PIECES: &[&str] = &[
    "23-24927 (E)    151223",
    "  24-16433",
    "*2324927*",
    "2/10",
    "\t12/345 ",
    "2/8                                          25-08504",
    "1234/1",
    "72/194",
    "A/80/L.1",
    "   A/80/L.1  ",
    "\u{a0}A/80/L.1",
    "\u{b}A/80/L.1\r",
    "xA/80/L.1",
    "A/80/L.1\u{a0}\u{3000}",
    "A/80/L.1 x",
    "A/80/L.",
    "A/80/L.1A/80/L.1",
    "É/80/1",
    " É/80/1 ",
    "A/80 L.1",
    "Endorsement of the New York Declaration",
    "Endorsement of the New York Declaration",
    "Question of Palestine",
    "text, that goes on,",
    "12. Decides",
    "9 September 2025",
    "",
    "  ",
    "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
];

/// The sample documents read alike by the fast reader and the oracle,
/// and blanked alike (with their own symbols as headers).
#[test]
fn sample_documents_agree_with_the_oracle() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("data/sample") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("a text");
        let symbol = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(|s| s.replace('_', "/"));
        for header in [None, symbol.as_deref()] {
            let (mut fast, mut slow) = (text.clone(), text.clone());
            let got = blank_furniture(&mut fast, header);
            let want = reference::blank_furniture(&mut slow, header);
            assert_eq!(got, want, "{path:?}");
            assert_eq!(fast, slow, "{path:?}");
        }
        assert_eq!(
            paras_of(&Structure::read(&text)),
            reference::read(&text),
            "{path:?}"
        );
        seen += 1;
    }
    assert!(seen > 0);
}
