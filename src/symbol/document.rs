//! Document symbols written one way: upper case without spaces, the
//! mixed-case components (`Add.`, `Rev.`, …) as the UN writes them, and a
//! GA resolution's glued part letter dropped. Kept apart from the other
//! canonical forms of [`crate::symbol`] because it is asked for every
//! symbol found in a text, and has its fast path (most symbols are
//! already canonical) checked against the plain edits in the tests.

use compact_str::CompactString;

/// Normalises a document symbol: upper case, spaces removed, trailing
/// punctuation dropped, and the official mixed case kept for the
/// components `Add.`, `Rev.`, `Corr.`, `Amend.`, `Misc.`:
/// `a/79/l.2 ` → `A/79/L.2`, `a/hrc/43/15/add.1` → `A/HRC/43/15/Add.1`.
pub fn document(symbol: &str) -> String {
    // Nearly every symbol found in a text is written as it should be.
    if is_canonical(symbol) {
        return symbol.to_string();
    }
    // One string, edited in place (the symbols found in a text are ASCII
    // and hold no space: a copy, then byte edits).
    let mut s = if symbol
        .bytes()
        .any(|b| !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0B)
    {
        symbol.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        symbol.to_string()
    };
    // OCR reads the capital I opening a series as l: "E/lCEF/672" is
    // E/ICEF/672 (a component of capitals never opens with a small letter).
    for i in 0..s.len() {
        let b = s.as_bytes();
        if b[i] == b'l'
            && (i == 0 || b[i - 1] == b'/')
            && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        {
            s.replace_range(i..=i, "I");
        }
    }
    if s.is_ascii() {
        s.make_ascii_uppercase();
    } else {
        s = s.to_uppercase();
    }
    s.truncate(s.trim_end_matches(['.', ',', ';', ':']).len());
    // Official symbols write these components in mixed case: A/79/1/Add.1.
    let mut from = 0;
    while from < s.len() {
        let to = s[from..].find('/').map_or(s.len(), |k| from + k);
        let part = &s[from..to];
        if let Some(p) = ["ADD.", "REV.", "CORR.", "AMEND.", "MISC."]
            .iter()
            .find(|p| part.starts_with(**p))
        {
            s[from + 1..from + p.len()].make_ascii_lowercase();
        }
        from = to + 1;
    }
    s
}

/// A GA resolution id without the part letter glued to its number:
/// `A/RES/47/120B` → `A/RES/47/120`. Resolutions in parts ("47/120 A and
/// B") are cited by their number alone, as the extractor reads "47/120 B";
/// a symbol written with the letter glued names the same resolution. Other
/// ids are returned as they are.
pub fn drop_part_letter(mut id: String) -> String {
    if let Some(rest) = id.strip_prefix("A/RES/")
        && let Some((session, last)) = rest.rsplit_once('/')
        && !session.contains('/')
        && let [digits @ .., letter] = last.as_bytes()
        && letter.is_ascii_uppercase()
        && !digits.is_empty()
        && digits.iter().all(u8::is_ascii_digit)
    {
        id.pop();
    }
    id
}

/// [`document`] as a [`CompactString`]: a symbol already canonical is
/// copied into it (inline when short, as nearly all are) without a heap
/// string made and dropped on the way.
pub fn document_compact(symbol: &str) -> CompactString {
    if is_canonical(symbol) {
        CompactString::new(symbol)
    } else {
        document(symbol).into()
    }
}

/// The components [`document`] writes in mixed case, as it writes them.
const MIXED_CASE: [&str; 5] = ["Add.", "Rev.", "Corr.", "Amend.", "Misc."];

/// Whether [`document`] leaves `symbol` as it is (a sufficient condition,
/// looked at byte by byte in one pass): printable ASCII without a space
/// or a small letter, not ending in punctuation that it drops, but for
/// the components that open with one of [`MIXED_CASE`] as written there.
/// Why: of the symbols found in the corpus, 99 % are already canonical,
/// and the edits (a copy, then a pass for each rule) cost some 800
/// instructions a symbol.
fn is_canonical(symbol: &str) -> bool {
    let b = symbol.as_bytes();
    if matches!(b.last(), Some(b'.' | b',' | b';' | b':')) {
        return false;
    }
    b.split(|&c| c == b'/').all(|part| {
        // A component opening with one of the words in any case is
        // written with that word as it is in the list.
        let rest = match part.first() {
            Some(b'A' | b'a' | b'R' | b'r' | b'C' | b'c' | b'M' | b'm') => {
                match MIXED_CASE.iter().find(|w| {
                    part.len() >= w.len() && part[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                }) {
                    Some(w) if part.starts_with(w.as_bytes()) => &part[w.len()..],
                    Some(_) => return false,
                    None => part,
                }
            }
            _ => part,
        };
        rest.iter()
            .all(|&c| matches!(c, b'!'..=b'~') && !c.is_ascii_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_letters_dropped() {
        let table = [
            ("A/RES/47/120B", "A/RES/47/120"),
            ("A/RES/ES-10/24A", "A/RES/ES-10/24"),
            ("A/RES/47/120", "A/RES/47/120"),
            ("A/RES/217(III)", "A/RES/217(III)"),
            ("A/RES/47/L.1", "A/RES/47/L.1"),
            ("A/RES/B", "A/RES/B"),
            ("A/47/120B", "A/47/120B"),
            ("S/RES/2178(2014)", "S/RES/2178(2014)"),
            ("A/RES/47/120/B", "A/RES/47/120/B"),
        ];
        for (id, want) in table {
            assert_eq!(drop_part_letter(id.to_string()), want, "{id}");
        }
    }

    /// [`document`] as it read before it edited one string in place: a
    /// chain of string passes, kept as the oracle of the tests below.
    fn document_by_passes(symbol: &str) -> String {
        let s: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
        let s = s
            .split('/')
            .map(|part| match part.as_bytes() {
                [b'l', c, ..] if c.is_ascii_uppercase() => format!("I{}", &part[1..]),
                _ => part.to_string(),
            })
            .collect::<Vec<_>>()
            .join("/")
            .to_uppercase();
        s.trim_end_matches(['.', ',', ';', ':'])
            .split('/')
            .map(|part| {
                ["ADD.", "REV.", "CORR.", "AMEND.", "MISC."]
                    .iter()
                    .find(|p| part.starts_with(**p))
                    .map_or(part.to_string(), |p| {
                        format!(
                            "{}{}{}",
                            &p[..1],
                            p[1..].to_ascii_lowercase(),
                            &part[p.len()..]
                        )
                    })
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    #[test]
    fn documents_as_by_passes() {
        for sym in [
            "a/79/l.2 ",
            "a/hrc/43/15/add.1",
            "E/lCEF/672",
            "lCEF/1/lX/l",
            "A/78/REV.1/Corr.2/amend.3/misc.4.;",
            "S/ 2025/\u{b}529\u{a0}.",
            "ß/straße/add.1",
            "Add./",
            "",
            "/",
        ] {
            assert_eq!(document(sym), document_by_passes(sym), "{sym:?}");
        }
    }

    #[test]
    fn canonical_symbols_are_left_as_they_are() {
        for (sym, canonical) in [
            ("A/79/L.2", true),
            ("A/HRC/43/15/Add.1", true),
            ("S/RES/2728(2024)", true),
            ("A/78/Rev.1/Corr.2/Amend.3/Misc.4", true),
            ("A/C.3/78/SR.12-15", true),
            ("", true),
            ("A/79/ADD.1", false),
            ("A/79/add.1", false),
            ("A/79/AdD.1", false),
            ("E/lCEF/672", false),
            ("A/79/L.2.", false),
            ("A/79/ L.2", false),
            ("A/79/L\u{b}.2", false),
            ("A/79/Add.1x", false),
            ("ß/1", false),
        ] {
            assert_eq!(is_canonical(sym), canonical, "{sym:?}");
            if canonical {
                assert_eq!(document_by_passes(sym), sym, "{sym:?}");
            }
            assert_eq!(document(sym), document_by_passes(sym), "{sym:?}");
            assert_eq!(document_compact(sym), document_by_passes(sym), "{sym:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn random_documents_as_by_passes(sym in "(l|a/|A/|/l|/|add\\.|Add\\.|REV\\.|Corr\\.|AMEND\\.|Misc\\.|[lLIa-zA-Z0-9.,;: \u{b}\u{a0}ßé-]){0,12}") {
            proptest::prop_assert_eq!(document(&sym), document_by_passes(&sym));
        }

        /// The check is sufficient: what it lets through the edits leave
        /// as it is (on symbols mostly written as they should be).
        #[test]
        fn what_is_canonical_is_left_as_it_is(sym in "(A/|S/|/|Add\\.|ADD\\.|add\\.|Rev\\.|Corr\\.|Amend\\.|Misc\\.|MISC\\.|Mi|[A-Z0-9.,;:()\\-]|[a-z \u{b}é]){0,16}") {
            if is_canonical(&sym) {
                proptest::prop_assert_eq!(document_by_passes(&sym), sym.clone());
            }
            proptest::prop_assert_eq!(document(&sym), document_by_passes(&sym));
            proptest::prop_assert_eq!(document_compact(&sym), document_by_passes(&sym));
        }
    }
}
