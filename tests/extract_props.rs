//! Property tests: the extractor never panics, whatever the text, and every
//! citation it reports is a non-empty span on char boundaries of the input.

use proptest::prelude::*;
use unxref::extract::{Extractor, Options};
use unxref::input;

fn check(text: &str) {
    let ex = Extractor::new(Options::default()).unwrap();
    for body in [None, Some(unxref::model::Body::GeneralAssembly)] {
        for c in ex.extract_snippet(text, body, None) {
            assert!(c.start < c.end, "{c:?}");
            assert!(c.end <= text.len());
            assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
            assert_eq!(&text[c.start..c.end], c.text);
        }
    }
    if let Ok(doc) = input::from_bytes("p.md", text.as_bytes(), false) {
        for c in ex.extract(&doc).citations {
            assert!(c.start < c.end && c.end <= doc.raw.len());
            assert_eq!(&doc.raw[c.start..c.end], c.text);
        }
    }
    if let Ok(doc) = input::from_bytes("p.html", text.as_bytes(), true) {
        for c in ex.extract(&doc).citations {
            assert!(c.start < c.end && c.end <= doc.raw.len());
            assert!(doc.raw.is_char_boundary(c.start) && doc.raw.is_char_boundary(c.end));
        }
    }
}

/// Pieces of real citation text, so that random strings reach deep paths.
const PIECES: &[&str] = &[
    "resolution ",
    "résolutions ",
    "72/194",
    "2178 (2014)",
    "217 A (III)",
    ", ",
    " and ",
    " et ",
    "\n",
    "\u{a0}",
    "\u{ad}",
    "[",
    "](#)",
    "\\(",
    "\\)",
    "<sup>1</sup>",
    "S/RES/",
    "A/77/895-S/2023/363",
    "Treaty Series, vol. 2225, No. 39574",
    "Nos. 970–973",
    "Ibid., ",
    "第2387(2017)号决议",
    "القرار 2178 (2014)",
    "و",
    "резолюцией 169 (II)",
    "ES-10/24",
    "e\u{301}",
    "（",
    "）",
    "٢٠٤٢) ٢٠١٢ (",
    " of 19 December 2017",
    "__________",
    "\n\n",
    "1. ",
    "Recalling its ",
    "A/RES/79/1\n",
    "23-24927 (E)\n",
    "2/10\n",
    "Council ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_never_panics(s in "\\PC*") {
        check(&s);
    }

    #[test]
    fn arbitrary_bytes_of_any_char(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn shuffled_citation_pieces(idx in prop::collection::vec(0..PIECES.len(), 0..40)) {
        let s: String = idx.iter().map(|&i| PIECES[i]).collect();
        check(&s);
    }
}
