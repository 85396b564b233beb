//! Property tests: the matcher, the language detector and script folding
//! never panic on arbitrary text, and every offset they report is a char
//! boundary of the input that maps back to what was matched.

use proptest::prelude::*;
use unxref::extract::instruments::InstrumentTable;
use unxref::extract::{fold, lang};

/// Arbitrary text biased towards the characters the normalisers touch.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Convention on the Rights of the Child",
        "Конвенции о правах ребёнка",
        "《儿童权利公约》",
        "اتفاقية حقوق الطفل",
        "للاتفاقية الدولية للقضاء على جميع أشكال التمييز العنصري",
        "CRC",
        "CRC/C/",
        " ",
        "\n",
        "\r\n",
        "\u{a0}",
        "\u{202f}",
        "\u{ad}",
        "\u{200f}",
        "\u{640}",
        "٢٠١٢",
        "۲۰۴۲",
        "（２０１４）",
        "217 А (ІІІ)",
        "’",
        "é",
        "Ё",
        "the ",
        "Paris Agreement",
        "2030 Agenda",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(String::from), any::<String>()],
        0..12,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn find_never_panics_and_offsets_are_boundaries(text in texty()) {
        let t = InstrumentTable::builtin();
        let hits = t.find(&text);
        let mut last_end = 0;
        for h in &hits {
            prop_assert!(h.start < h.end && h.end <= text.len());
            prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            prop_assert!(h.start >= last_end, "hits overlap or are out of order");
            last_end = h.end;
        }
    }

    #[test]
    fn detect_never_panics(text in texty()) {
        let _ = lang::detect(&text);
    }

    #[test]
    fn fold_maps_back_and_is_idempotent(text in texty()) {
        let m = fold::fold_script(&text);
        let again = fold::fold_script(&m.text);
        prop_assert_eq!(&again.text, &m.text);
        for (i, _) in m.text.char_indices() {
            let s = m.to_source(i);
            prop_assert!(s <= text.len() && text.is_char_boundary(s));
        }
        prop_assert_eq!(m.to_source(m.text.len()), text.len());
    }
}

#[test]
fn hits_cover_the_matched_text_exactly() {
    let t = InstrumentTable::builtin();
    let text = "recalling the\u{a0}Convention  on the Rights\r\nof the Child and ٢٠٣٠ Agenda, and the Pacte international relatif aux droits civils et politiques";
    let got: Vec<(&str, String)> = t
        .find(text)
        .into_iter()
        .map(|h| (&text[h.start..h.end], h.target))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Convention  on the Rights\r\nof the Child",
                "UNTS 27531".to_string()
            ),
            ("٢٠٣٠ Agenda", "A/RES/70/1".to_string()),
            (
                "Pacte international relatif aux droits civils et politiques",
                "UNTS 14668".to_string()
            ),
        ]
    );
}
